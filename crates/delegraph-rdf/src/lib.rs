//! RDF for delegraph: linked facts -> quads (one named graph per document), the embedded
//! oxigraph store with SPARQL over the union of all graphs, exports (Turtle for Protégé, TriG,
//! N-Quads, N-Triples) and query results (W3C formats, RDF syntaxes, a table).
//!
//! Nothing here touches the filesystem: callers pass text in and get text or writers out.

mod export;
mod graph;
mod results;
pub mod vocab;

pub use export::{ExportFormat, export};
pub use graph::{date_literal, document_quads};
pub use results::{ResultFormat, write_results};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

/// The ontology, as shipped in `ontology/delegraph.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../../../ontology/delegraph.ttl");

/// What can go wrong in the RDF layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    #[error("invalid RDF data: {0}")]
    Parse(String),
    #[error("store error: {0}")]
    Store(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
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

/// An in-memory oxigraph store holding delegraph quads.
pub struct Graph {
    store: Store,
}

impl Graph {
    pub fn new() -> Result<Self, RdfError> {
        Ok(Graph {
            store: Store::new().map_err(|e| RdfError::Store(e.to_string()))?,
        })
    }

    pub fn from_quads(quads: impl IntoIterator<Item = Quad>) -> Result<Self, RdfError> {
        let g = Graph::new()?;
        g.store
            .extend(quads)
            .map_err(|e| RdfError::Store(e.to_string()))?;
        Ok(g)
    }

    /// Loads N-Quads text (the store's persistence format).
    pub fn from_nquads(text: &str) -> Result<Self, RdfError> {
        let g = Graph::new()?;
        g.store
            .load_from_reader(RdfParser::from_format(RdfFormat::NQuads), text.as_bytes())
            .map_err(|e| RdfError::Parse(e.to_string()))?;
        Ok(g)
    }

    pub fn len(&self) -> usize {
        self.store.len().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All quads, sorted: the canonical, diff-friendly form.
    pub fn quads(&self) -> Vec<Quad> {
        let mut v: Vec<Quad> = self.store.iter().filter_map(Result::ok).collect();
        v.sort_by_cached_key(|q| q.to_string());
        v
    }

    /// Canonical N-Quads: one quad per line, sorted, no duplicates.
    pub fn canonical_nquads(&self) -> String {
        let mut lines: Vec<String> = self.quads().iter().map(|q| format!("{q} .\n")).collect();
        lines.sort();
        lines.dedup();
        lines.concat()
    }

    /// Runs a SPARQL query over the union of all document graphs and writes its results in
    /// `format` as they are computed (nothing is collected first: a query without LIMIT over
    /// a large store streams). The table shows each node's `rdfs:label` beside its IRI.
    pub fn query_to_writer(
        &self,
        sparql: &str,
        format: ResultFormat,
        w: impl std::io::Write,
    ) -> Result<(), RdfError> {
        match self.execute(sparql)? {
            QueryResults::Boolean(b) => results::write_boolean(b, format, w),
            QueryResults::Solutions(sol) => {
                let (variables, rows) = solution_rows(sol);
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
                triples.map(|t| t.map_err(|e| RdfError::Evaluation(e.to_string()))),
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
            .quads_for_pattern(Some(node.into()), Some(label), None, None)
            .filter_map(Result::ok)
            .filter_map(|q| match q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .min()
    }

    /// Parses and starts a query over the union of all graphs, delegraph's prefixes declared.
    fn execute(&self, sparql: &str) -> Result<QueryResults<'_>, RdfError> {
        let mut ev = SparqlEvaluator::new();
        for (p, iri) in vocab::PREFIXES {
            ev = ev
                .with_prefix(*p, *iri)
                .map_err(|e| RdfError::Syntax(e.to_string()))?;
        }
        let mut prepared = ev
            .parse_query(sparql)
            .map_err(|e| RdfError::Syntax(e.to_string()))?;
        prepared.dataset_mut().set_default_graph_as_union();
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| RdfError::Evaluation(e.to_string()))
    }

    /// Runs a SPARQL query over the union of all document graphs, with delegraph's prefixes
    /// predeclared, and collects the answer.
    pub fn query(&self, sparql: &str) -> Result<QueryOutput, RdfError> {
        Ok(match self.execute(sparql)? {
            QueryResults::Boolean(b) => QueryOutput::Boolean(b),
            QueryResults::Solutions(sol) => {
                let (variables, rows) = solution_rows(sol);
                QueryOutput::Solutions {
                    variables,
                    rows: rows.collect::<Result<_, _>>()?,
                }
            }
            QueryResults::Graph(triples) => {
                let mut v = Vec::new();
                for t in triples {
                    v.push(t.map_err(|e| RdfError::Evaluation(e.to_string()))?);
                }
                v.sort_by_cached_key(|t| t.to_string());
                v.dedup();
                QueryOutput::Graph(v)
            }
        })
    }

    /// Instances per class (over all graphs), sorted by class IRI.
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

/// The variable names of a SELECT answer and its rows (values in variable order), as they come.
fn solution_rows(
    sol: oxigraph::sparql::QuerySolutionIter<'_>,
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
        let s = s.map_err(|e| RdfError::Evaluation(e.to_string()))?;
        Ok(names.iter().map(|v| s.get(v.as_str()).cloned()).collect())
    });
    (variables, rows)
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
