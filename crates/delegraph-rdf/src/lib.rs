//! RDF for delegraph: linked facts -> quads (one named graph per document), the oxigraph store
//! (in memory, or on disk in RocksDB) whose default graph is the merge of all document graphs,
//! SPARQL, exports (Turtle for Protégé, TriG, N-Quads, N-Triples) and query results (W3C
//! formats, RDF syntaxes, a table).
//!
//! Files are touched only where a caller names a store directory (`Graph::open*`); the store's
//! layout, locking and generations belong to `delegraph-store`.

mod export;
mod graph;
mod results;
pub mod vocab;

pub use export::{ExportFormat, export};
pub use graph::{date_literal, document_quads};
pub use results::{ResultFormat, write_results};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// The ontology, as shipped in `ontology/delegraph.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../../../ontology/delegraph.ttl");

/// What can go wrong in the RDF layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("SPARQL UPDATE is not accepted here: the store changes only through `delegraph build`")]
    UpdateRefused,
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    #[error("the query did not finish within {} s (raise --timeout)", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("invalid RDF data: {0}")]
    Parse(String),
    #[error("store error: {0}")]
    Store(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn store_err(e: impl std::fmt::Display) -> RdfError {
    RdfError::Store(e.to_string())
}

/// The answer to a query, materialized.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutput {
    Solutions {
        variables: Vec<String>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<Triple>),
}

/// An oxigraph store holding delegraph quads.
///
/// *Invariant*: every quad lives in the named graph of the document that states it, and the
/// default graph holds exactly the distinct triples of all named graphs (the merged graph that
/// queries run against, so no query pays for a union of thousands of graphs).
#[derive(Clone)]
pub struct Graph {
    store: Store,
}

impl Graph {
    /// An empty in-memory graph.
    pub fn new() -> Result<Self, RdfError> {
        Ok(Graph {
            store: Store::new().map_err(store_err)?,
        })
    }

    /// Opens (or creates) an on-disk RocksDB store for writing. Only one process may hold it.
    pub fn open(dir: &Path) -> Result<Self, RdfError> {
        Ok(Graph {
            store: Store::open(dir).map_err(store_err)?,
        })
    }

    /// Opens an on-disk store for reading; nobody may write it meanwhile (`delegraph-store`
    /// never writes a generation that readers can see).
    pub fn open_read_only(dir: &Path) -> Result<Self, RdfError> {
        Ok(Graph {
            store: Store::open_read_only(dir).map_err(store_err)?,
        })
    }

    /// An in-memory graph of document quads (named graphs and their merge).
    pub fn from_quads(quads: impl IntoIterator<Item = Quad>) -> Result<Self, RdfError> {
        let g = Graph::new()?;
        let quads: Vec<Quad> = quads.into_iter().collect();
        g.store.extend(with_merged(quads)).map_err(store_err)?;
        Ok(g)
    }

    /// Loads N-Quads text of document graphs (and merges them into the default graph).
    pub fn from_nquads(text: &str) -> Result<Self, RdfError> {
        let quads = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(text.as_bytes())
            .collect::<Result<Vec<Quad>, _>>()
            .map_err(|e| RdfError::Parse(e.to_string()))?;
        Graph::from_quads(quads)
    }

    /// Bulk-loads whole documents (each item: the quads of one document graph) into a store
    /// that holds none of them yet, merging their triples into the default graph.
    pub fn load_documents(
        &self,
        docs: impl IntoIterator<Item = Vec<Quad>>,
    ) -> Result<(), RdfError> {
        // A few hundred MB of sort buffers: memory grows with a batch, not with the archive.
        // Atomic: each batch's sorted files wait on disk and are ingested together at the end;
        // ingesting them batch by batch made RocksDB compact the growing store again after
        // every batch, work that the compaction after the load (`optimize`) then redoes.
        let mut loader = self
            .store
            .bulk_loader()
            .with_max_memory_size_in_megabytes(512);
        // One stream: the loader cuts it into batches (a call per document would write tiny
        // files per document).
        loader
            .load_quads(docs.into_iter().flat_map(with_merged))
            .map_err(store_err)?;
        loader.commit().map_err(store_err)
    }

    /// Replaces document graphs: drops the graphs in `remove`, adds `add` (each item: the quads
    /// of one document graph, whose graph is new or listed in `remove`) and keeps the default
    /// graph the merge of what remains. Work is proportional to the graphs changed.
    pub fn replace_documents(
        &self,
        remove: &[NamedNode],
        add: impl IntoIterator<Item = Vec<Quad>>,
    ) -> Result<(), RdfError> {
        // Triples the removed graphs held: candidates to leave the default graph.
        let mut dropped: HashSet<Triple> = HashSet::new();
        for g in remove {
            for q in self.store.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            ) {
                let q = q.map_err(store_err)?;
                dropped.insert(Triple::new(q.subject, q.predicate, q.object));
            }
            self.store
                .remove_named_graph(g.as_ref())
                .map_err(store_err)?;
        }
        for quads in add {
            self.store.extend(with_merged(quads)).map_err(store_err)?;
        }
        let mut tx = self.store.start_transaction().map_err(store_err)?;
        for t in &dropped {
            if !self.in_some_document(t)? {
                tx.remove(oxigraph::model::QuadRef::new(
                    &t.subject,
                    &t.predicate,
                    &t.object,
                    GraphNameRef::DefaultGraph,
                ));
            }
        }
        tx.commit().map_err(store_err)
    }

    fn in_some_document(&self, t: &Triple) -> Result<bool, RdfError> {
        for q in self.store.quads_for_pattern(
            Some(t.subject.as_ref()),
            Some(t.predicate.as_ref()),
            Some(t.object.as_ref()),
            None,
        ) {
            if !q.map_err(store_err)?.graph_name.is_default_graph() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Compacts an on-disk store into one sorted run per index. A bulk load leaves a file per
    /// batch and index, every one overlapping the others; lookups (a join probes an index once
    /// per row) then visit each of them. Compacted, the example queries run 2-3× faster.
    pub fn optimize(&self) -> Result<(), RdfError> {
        self.store.optimize().map_err(store_err)
    }

    /// Writes everything to disk (on-disk stores).
    pub fn flush(&self) -> Result<(), RdfError> {
        self.store.flush().map_err(store_err)
    }

    /// Copies the on-disk store to `dir` (hard links for its immutable files).
    pub fn backup(&self, dir: &Path) -> Result<(), RdfError> {
        self.store.backup(dir).map_err(store_err)
    }

    /// The number of quads in the document graphs (a full scan).
    pub fn len(&self) -> usize {
        self.store
            .iter()
            .filter_map(Result::ok)
            .filter(|q| !q.graph_name.is_default_graph())
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document graphs, sorted by IRI.
    pub fn graph_names(&self) -> Result<Vec<NamedOrBlankNode>, RdfError> {
        let mut v = self
            .store
            .named_graphs()
            .collect::<Result<Vec<_>, _>>()
            .map_err(store_err)?;
        v.sort_by_cached_key(ToString::to_string);
        Ok(v)
    }

    /// All quads of the document graphs, sorted: the canonical, diff-friendly form.
    pub fn quads(&self) -> Vec<Quad> {
        let mut v: Vec<Quad> = self
            .store
            .iter()
            .filter_map(Result::ok)
            .filter(|q| !q.graph_name.is_default_graph())
            .collect();
        v.sort_by_cached_key(|q| q.to_string());
        v
    }

    /// The quads of one document graph, as sorted N-Quads lines.
    fn graph_lines(&self, g: &NamedOrBlankNode) -> Result<Vec<String>, RdfError> {
        let name = GraphName::from(g.clone());
        let mut lines = self
            .store
            .quads_for_pattern(None, None, None, Some(name.as_ref()))
            .map(|q| q.map(|q| format!("{q} .\n")))
            .collect::<Result<Vec<_>, _>>()
            .map_err(store_err)?;
        lines.sort();
        lines.dedup();
        Ok(lines)
    }

    /// Canonical N-Quads: graph by graph in IRI order, each graph's lines sorted. Memory is
    /// bounded by the largest document, not by the store.
    pub fn write_canonical_nquads(&self, mut w: impl Write) -> Result<(), RdfError> {
        for g in self.graph_names()? {
            for line in self.graph_lines(&g)? {
                w.write_all(line.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Canonical N-Quads as a string (see [`Graph::write_canonical_nquads`]).
    pub fn canonical_nquads(&self) -> String {
        let mut buf = Vec::new();
        self.write_canonical_nquads(&mut buf)
            .expect("writing to memory does not fail");
        String::from_utf8(buf).expect("N-Quads are UTF-8")
    }

    /// The quads of one document graph, sorted (for pushing a graph to a server).
    pub fn document_graph(&self, g: &NamedOrBlankNode) -> Result<Vec<Quad>, RdfError> {
        let name = GraphName::from(g.clone());
        let mut v = self
            .store
            .quads_for_pattern(None, None, None, Some(name.as_ref()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(store_err)?;
        v.sort_by_cached_key(ToString::to_string);
        Ok(v)
    }

    /// The merged default graph's triples, in store order.
    pub fn merged_triples(&self) -> impl Iterator<Item = Result<Triple, RdfError>> + '_ {
        self.store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| {
                q.map(|q| Triple::new(q.subject, q.predicate, q.object))
                    .map_err(store_err)
            })
    }

    /// Runs a SPARQL query over the merged default graph (`GRAPH ?doc { … }` reaches the
    /// document graphs) and writes its results in `format` as they are computed (nothing is
    /// collected first: a query without LIMIT over a large store streams). The table shows each
    /// node's `rdfs:label` beside its IRI. Cancelled with [`RdfError::Timeout`] after `timeout`.
    pub fn query_to_writer(
        &self,
        sparql: &str,
        format: ResultFormat,
        timeout: Option<Duration>,
        w: impl Write,
    ) -> Result<(), RdfError> {
        let running = self.execute(sparql, timeout)?;
        match running.results {
            QueryResults::Boolean(b) => results::write_boolean(b, format, w),
            QueryResults::Solutions(sol) => {
                let (variables, rows) = solution_rows(sol, timeout);
                let mut cache = std::collections::HashMap::new();
                let mut label = |iri: &str| {
                    cache
                        .entry(iri.to_string())
                        .or_insert_with(|| self.label(iri))
                        .clone()
                };
                results::write_solutions(&variables, rows, format, &mut label, w)
            }
            QueryResults::Graph(triples) => results::write_triples(
                triples.map(|t| t.map_err(|e| eval_err(e, timeout))),
                format,
                w,
            ),
        }
    }

    /// The smallest `rdfs:label` of a node, if it has one.
    pub fn label(&self, iri: &str) -> Option<String> {
        let node = oxigraph::model::NamedNodeRef::new(iri).ok()?;
        let label = oxigraph::model::NamedNodeRef::new_unchecked(vocab::RDFS_LABEL);
        self.store
            .quads_for_pattern(
                Some(node.into()),
                Some(label),
                None,
                Some(GraphNameRef::DefaultGraph),
            )
            .filter_map(Result::ok)
            .filter_map(|q| match q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .min()
    }

    /// Parses and starts a query over the merged default graph, delegraph's prefixes declared;
    /// refuses updates.
    fn execute(&self, sparql: &str, timeout: Option<Duration>) -> Result<Running<'_>, RdfError> {
        let token = CancellationToken::new();
        let watchdog = timeout.map(|t| Watchdog::start(t, token.clone()));
        let prepared = match evaluator()?
            .with_cancellation_token(token)
            .parse_query(sparql)
        {
            Ok(p) => p,
            Err(e) => {
                if evaluator()?.parse_update(sparql).is_ok() {
                    return Err(RdfError::UpdateRefused);
                }
                return Err(RdfError::Syntax(e.to_string()));
            }
        };
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| eval_err(e, timeout))?;
        Ok(Running {
            results,
            _watchdog: watchdog,
        })
    }

    /// Runs a SPARQL query over the merged default graph, with delegraph's prefixes
    /// predeclared, and collects the answer.
    pub fn query(&self, sparql: &str) -> Result<QueryOutput, RdfError> {
        self.query_with_timeout(sparql, None)
    }

    /// [`Graph::query`], cancelled with [`RdfError::Timeout`] after `timeout`.
    pub fn query_with_timeout(
        &self,
        sparql: &str,
        timeout: Option<Duration>,
    ) -> Result<QueryOutput, RdfError> {
        let running = self.execute(sparql, timeout)?;
        Ok(match running.results {
            QueryResults::Boolean(b) => QueryOutput::Boolean(b),
            QueryResults::Solutions(sol) => {
                let (variables, rows) = solution_rows(sol, timeout);
                QueryOutput::Solutions {
                    variables,
                    rows: rows.collect::<Result<_, _>>()?,
                }
            }
            QueryResults::Graph(triples) => {
                let mut v = Vec::new();
                for t in triples {
                    v.push(t.map_err(|e| eval_err(e, timeout))?);
                }
                v.sort_by_cached_key(|t| t.to_string());
                v.dedup();
                QueryOutput::Graph(v)
            }
        })
    }

    /// Runs a query to its end with oxigraph's statistics and returns the evaluated plan as
    /// JSON: each node with its rows and time, to see what a slow query spends its time on.
    pub fn explain(&self, sparql: &str) -> Result<String, RdfError> {
        let prepared = evaluator()?
            .parse_query(sparql)
            .map_err(|e| RdfError::Syntax(e.to_string()))?;
        let (results, explanation) = prepared
            .on_store(&self.store)
            .compute_statistics()
            .explain();
        match results.map_err(|e| eval_err(e, None))? {
            QueryResults::Solutions(rows) => {
                for r in rows {
                    r.map_err(|e| eval_err(e, None))?;
                }
            }
            QueryResults::Graph(triples) => {
                for t in triples {
                    t.map_err(|e| eval_err(e, None))?;
                }
            }
            QueryResults::Boolean(_) => {}
        }
        let mut json = Vec::new();
        explanation.write_in_json(&mut json)?;
        Ok(String::from_utf8_lossy(&json).into_owned())
    }

    /// Instances per class, sorted by class IRI.
    pub fn class_counts(&self) -> Result<Vec<(String, usize)>, RdfError> {
        let out = self.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(dg:))) } GROUP BY ?c ORDER BY ?c",
        )?;
        let mut v = Vec::new();
        if let QueryOutput::Solutions { rows, .. } = out {
            for r in rows {
                if let (Some(Term::NamedNode(c)), Some(Term::Literal(n))) = (&r[0], &r[1]) {
                    v.push((c.as_str().to_string(), n.value().parse().unwrap_or(0)));
                }
            }
        }
        Ok(v)
    }
}

/// A started query and the watchdog that cancels it when its time is up.
struct Running<'a> {
    results: QueryResults<'a>,
    _watchdog: Option<Watchdog>,
}

/// An evaluation error; a cancellation is the timeout's.
fn eval_err(e: QueryEvaluationError, timeout: Option<Duration>) -> RdfError {
    match (e, timeout) {
        (QueryEvaluationError::Cancelled, Some(t)) => RdfError::Timeout(t),
        (e, _) => RdfError::Evaluation(e.to_string()),
    }
}

/// The variable names of a SELECT answer and its rows (values in variable order), as they come.
fn solution_rows(
    sol: oxigraph::sparql::QuerySolutionIter<'_>,
    timeout: Option<Duration>,
) -> (
    Vec<String>,
    impl Iterator<Item = Result<Vec<Option<Term>>, RdfError>> + '_,
) {
    let variables: Vec<String> = sol
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    let names = variables.clone();
    let rows = sol.map(move |s| {
        let s = s.map_err(|e| eval_err(e, timeout))?;
        Ok(names.iter().map(|v| s.get(v.as_str()).cloned()).collect())
    });
    (variables, rows)
}

/// A document's quads followed by their triples in the default graph.
fn with_merged(quads: Vec<Quad>) -> Vec<Quad> {
    let mut out = Vec::with_capacity(quads.len() * 2);
    for q in &quads {
        out.push(Quad::new(
            q.subject.clone(),
            q.predicate.clone(),
            q.object.clone(),
            GraphName::DefaultGraph,
        ));
    }
    out.extend(quads);
    out
}

/// A SPARQL evaluator with delegraph's prefixes.
fn evaluator() -> Result<SparqlEvaluator, RdfError> {
    let mut ev = SparqlEvaluator::new();
    for (p, iri) in vocab::PREFIXES {
        ev = ev
            .with_prefix(*p, *iri)
            .map_err(|e| RdfError::Syntax(e.to_string()))?;
    }
    Ok(ev)
}

/// Cancels a query when its time is up; dropping it (the query finished) ends its thread.
struct Watchdog {
    done: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    fn start(timeout: Duration, token: CancellationToken) -> Self {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                token.cancel();
            }
        });
        Watchdog {
            done: Some(done),
            thread: Some(thread),
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Shortens an IRI with the known prefixes (`dg:Person`), else keeps it in angle brackets.
pub fn shorten(iri: &str) -> String {
    let mut best: Option<(&str, &str)> = None;
    for (p, ns) in vocab::PREFIXES {
        if iri.starts_with(ns) && best.is_none_or(|(_, b)| ns.len() > b.len()) {
            best = Some((p, ns));
        }
    }
    match best {
        Some((p, ns)) => {
            let local = &iri[ns.len()..];
            if local
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '/')
            {
                format!("{p}:{local}")
            } else {
                format!("<{iri}>")
            }
        }
        None => format!("<{iri}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dg_term_is_declared_in_the_ontology() {
        let g = Graph::new().unwrap();
        g.store
            .load_from_reader(
                RdfParser::from_format(RdfFormat::Turtle),
                ONTOLOGY_TTL.as_bytes(),
            )
            .unwrap();
        for t in vocab::DG_TERMS {
            let q = format!("ASK {{ GRAPH ?g {{ dg:{t} a ?k }} }} ");
            let q2 = format!("ASK {{ dg:{t} a ?k }}");
            let declared = matches!(g.query(&q2).unwrap(), QueryOutput::Boolean(true))
                || matches!(g.query(&q).unwrap(), QueryOutput::Boolean(true));
            assert!(declared, "dg:{t} is not declared in ontology/delegraph.ttl");
        }
    }

    #[test]
    fn malformed_sparql_is_a_syntax_error() {
        let g = Graph::new().unwrap();
        assert!(matches!(
            g.query("SELECT ?x WHERE { ?x "),
            Err(RdfError::Syntax(_))
        ));
    }

    #[test]
    fn shorten_uses_prefixes() {
        assert_eq!(
            shorten("https://w3id.org/delegraph/ontology#Person"),
            "dg:Person"
        );
        assert_eq!(
            shorten("https://w3id.org/delegraph/id/person/kai-wegner"),
            "dgid:person/kai-wegner"
        );
        assert_eq!(
            shorten("http://example.org/x#y"),
            "<http://example.org/x#y>"
        );
    }
}
