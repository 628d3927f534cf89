//! Other SPARQL engines (Oxigraph server, Apache Jena Fuseki, QLever, Virtuoso, GraphDB):
//! `push` uploads the store with the SPARQL 1.1 Graph Store HTTP Protocol, `query --endpoint`
//! asks them with the SPARQL 1.1 Protocol and prints the answer as a local query would.

use anyhow::{Context, Result, anyhow, bail};
use delegraph_rdf::QueryOutput;
use delegraph_store::StoreDir;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Triple};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// Where document graphs live on servers that delegraph filled.
const DOC_GRAPHS: &str = "https://w3id.org/delegraph/id/doc/";

fn agent(timeout: Option<Duration>) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(timeout)
        .build()
        .new_agent()
}

/// The Graph Store endpoint of a SPARQL endpoint: Oxigraph server's `/store` beside `/query`.
pub fn graph_store_of(endpoint: &str) -> String {
    let base = endpoint.trim_end_matches('/');
    for tail in ["/query", "/sparql"] {
        if let Some(root) = base.strip_suffix(tail) {
            return format!("{root}/store");
        }
    }
    format!("{base}/store")
}

/// The first line of a server's error body, for a one-line message.
fn first_line(body: &str) -> String {
    body.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

fn check(what: &str, resp: ureq::http::Response<ureq::Body>) -> Result<String> {
    let status = resp.status();
    let mut body = String::new();
    let _ = resp.into_body().into_reader().read_to_string(&mut body);
    if !status.is_success() {
        bail!("{what}: {status}: {}", first_line(&body));
    }
    Ok(body)
}

/// N-Triples of `triples` (graphs are PUT one by one, so no graph name is written).
fn ntriples(triples: impl IntoIterator<Item = Triple>) -> Vec<u8> {
    let mut out = Vec::new();
    for t in triples {
        out.extend_from_slice(t.to_string().as_bytes());
        out.extend_from_slice(b" .\n");
    }
    out
}

/// Streams the merged default graph as N-Triples without holding it in memory.
struct MergedBody<I> {
    triples: I,
    buf: Vec<u8>,
    pos: usize,
}

impl<I: Iterator<Item = Result<Triple, delegraph_rdf::RdfError>>> Read for MergedBody<I> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            for t in self.triples.by_ref().take(1024) {
                let t = t.map_err(std::io::Error::other)?;
                self.buf.extend_from_slice(t.to_string().as_bytes());
                self.buf.extend_from_slice(b" .\n");
            }
            if self.buf.is_empty() {
                return Ok(0);
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Options of `push`.
pub struct Push<'a> {
    pub endpoint: &'a str,
    pub graph_store: Option<&'a str>,
    pub default_graph: bool,
    pub timeout: Option<Duration>,
}

/// Uploads every document graph with PUT (replacing what the server holds under that name),
/// the merged default graph, and deletes document graphs the store no longer has.
pub fn push(dir: &Path, opts: &Push, ui: crate::progress::Ui) -> Result<()> {
    let store = StoreDir::new(dir).open_reader()?;
    let gsp = opts
        .graph_store
        .map(str::to_string)
        .unwrap_or_else(|| graph_store_of(opts.endpoint));
    let agent = agent(opts.timeout);
    let graphs = store.graph.graph_names()?;
    let mut quads = 0;
    let progress = ui.bar_of(graphs.len(), "pushing", "graphs");
    for g in &graphs {
        let NamedOrBlankNode::NamedNode(name) = g else {
            continue;
        };
        progress.step(name.as_str());
        let doc = store.graph.document_graph(g)?;
        quads += doc.len();
        let body = ntriples(
            doc.into_iter()
                .map(|q| Triple::new(q.subject, q.predicate, q.object)),
        );
        let resp = agent
            .put(&gsp)
            .query("graph", name.as_str())
            .content_type("application/n-triples")
            .send(&body[..])
            .with_context(|| format!("PUT {gsp}?graph=<{}>", name.as_str()))?;
        check(&format!("PUT {gsp}?graph=<{}>", name.as_str()), resp)?;
    }
    progress.finish();
    if opts.default_graph {
        let mut body = MergedBody {
            triples: store.graph.merged_triples(),
            buf: Vec::new(),
            pos: 0,
        };
        let resp = agent
            .put(&gsp)
            .query("default", "")
            .content_type("application/n-triples")
            .send(ureq::SendBody::from_reader(&mut body))
            .with_context(|| format!("PUT {gsp}?default"))?;
        check(&format!("PUT {gsp}?default"), resp)?;
    }
    // Document graphs on the server that the store no longer has (pruned, renamed).
    let local: BTreeSet<String> = graphs.iter().map(|g| g.to_string()).collect();
    let listed = remote_query(
        opts.endpoint,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        opts.timeout,
    )?;
    let mut removed = 0;
    if let QueryOutput::Solutions { rows, .. } = listed {
        for r in rows {
            if let Some(oxigraph::model::Term::NamedNode(g)) = &r[0]
                && g.as_str().starts_with(DOC_GRAPHS)
                && !local.contains(&g.to_string())
            {
                let resp = agent
                    .delete(&gsp)
                    .query("graph", g.as_str())
                    .call()
                    .with_context(|| format!("DELETE {gsp}?graph=<{}>", g.as_str()))?;
                check(&format!("DELETE {gsp}?graph=<{}>", g.as_str()), resp)?;
                removed += 1;
            }
        }
    }
    ui.summary(&format!(
        "pushed {} document graphs ({quads} quads){} to {gsp}; {removed} graphs the store no longer has removed",
        graphs.len(),
        if opts.default_graph {
            " and the merged default graph"
        } else {
            ""
        }
    ));
    Ok(())
}

/// The prologue that makes delegraph's predeclared prefixes work on any server.
fn prologue() -> String {
    delegraph_rdf::vocab::PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

/// Sends `sparql` to a SPARQL 1.1 Protocol endpoint and reads the answer.
pub fn remote_query(
    endpoint: &str,
    sparql: &str,
    timeout: Option<Duration>,
) -> Result<QueryOutput> {
    let query = format!("{}{sparql}", prologue());
    let resp = agent(timeout)
        .post(endpoint)
        .header(
            "Accept",
            "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
        )
        .send_form([("query", query.as_str())])
        .with_context(|| format!("--endpoint {endpoint}"))?;
    let mime = resp
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let body = check(&format!("--endpoint {endpoint}"), resp)?;
    let bad = |e: &dyn std::fmt::Display| anyhow!("--endpoint {endpoint}: unreadable answer: {e}");
    match mime.as_str() {
        "application/sparql-results+json"
        | "application/json"
        | "application/sparql-results+xml"
        | "application/xml" => {
            let format = if mime.ends_with("json") {
                QueryResultsFormat::Json
            } else {
                QueryResultsFormat::Xml
            };
            match QueryResultsParser::from_format(format)
                .for_slice(body.as_bytes())
                .map_err(|e| bad(&e))?
            {
                SliceQueryResultsParserOutput::Boolean(b) => Ok(QueryOutput::Boolean(b)),
                SliceQueryResultsParserOutput::Solutions(sol) => {
                    let variables: Vec<String> = sol
                        .variables()
                        .iter()
                        .map(|v| v.as_str().to_string())
                        .collect();
                    let mut rows = Vec::new();
                    for s in sol {
                        let s = s.map_err(|e| bad(&e))?;
                        rows.push(
                            variables
                                .iter()
                                .map(|v| s.get(v.as_str()).cloned())
                                .collect(),
                        );
                    }
                    Ok(QueryOutput::Solutions { variables, rows })
                }
            }
        }
        "application/n-triples" | "text/turtle" | "text/plain" => {
            let format = if mime == "text/turtle" {
                RdfFormat::Turtle
            } else {
                RdfFormat::NTriples
            };
            let mut v = Vec::new();
            for q in RdfParser::from_format(format).for_slice(body.as_bytes()) {
                let q = q.map_err(|e| bad(&e))?;
                v.push(Triple::new(q.subject, q.predicate, q.object));
            }
            v.sort_by_cached_key(|t| t.to_string());
            v.dedup();
            Ok(QueryOutput::Graph(v))
        }
        other => bail!("--endpoint {endpoint}: unexpected answer of type '{other}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_store_beside_the_query_endpoint() {
        assert_eq!(
            graph_store_of("http://127.0.0.1:7878/query"),
            "http://127.0.0.1:7878/store"
        );
        assert_eq!(
            graph_store_of("http://127.0.0.1:7878/"),
            "http://127.0.0.1:7878/store"
        );
        assert_eq!(graph_store_of("http://h/ds/sparql"), "http://h/ds/store");
    }
}
