//! `delegraph serve`: the store as a read-only SPARQL 1.1 Protocol endpoint.
//!
//! Queries arrive as `GET /query?query=…`, as a form (`POST`, `query=…`) or as a
//! `application/sparql-query` body; answers are negotiated from `Accept` (SPARQL results in
//! JSON, XML, CSV, TSV; graphs in N-Triples or Turtle). Updates are refused (403). Every
//! request sees the newest complete store: when a build commits, the next request opens the
//! new generation, and requests under way finish on the one they started with.

use anyhow::{Context, Result};
use delegraph_rdf::{QueryOutput, RdfError, ResultFormat};
use delegraph_store::{Reader, StoreDir};
use oxigraph::io::RdfFormat;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tiny_http::{Header, Method, Request, Response, Server};

/// The reader of the newest generation, reopened when the manifest changes.
struct Current {
    store: StoreDir,
    manifest: PathBuf,
    state: Mutex<(Option<SystemTime>, Arc<Reader>)>,
}

impl Current {
    fn open(dir: &Path) -> Result<Self> {
        let store = StoreDir::new(dir);
        let manifest = dir.join(delegraph_store::MANIFEST);
        let stamp = modified(&manifest);
        let reader = Arc::new(store.open_reader()?);
        Ok(Current {
            store,
            manifest,
            state: Mutex::new((stamp, reader)),
        })
    }

    fn get(&self) -> Result<Arc<Reader>, RdfError> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let stamp = modified(&self.manifest);
        if stamp != state.0 {
            match self.store.open_reader() {
                Ok(r) => *state = (stamp, Arc::new(r)),
                Err(e) => return Err(RdfError::Store(e.to_string())),
            }
        }
        Ok(state.1.clone())
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Serves `dir` on `bind` until the process is stopped.
pub fn serve(dir: &Path, bind: &str, threads: usize, timeout: Option<Duration>) -> Result<()> {
    let current = Arc::new(Current::open(dir)?);
    let server = Server::http(bind)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("--bind {bind}: cannot listen"))?;
    let addr = server.server_addr().to_ip().context("not an IP address")?;
    eprintln!(
        "delegraph: serving {} read-only at http://{addr}/query (SPARQL 1.1 Protocol); stop with Ctrl-C",
        dir.display()
    );
    let server = Arc::new(server);
    let workers: Vec<_> = (0..threads.max(1))
        .map(|_| {
            let server = server.clone();
            let current = current.clone();
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &current, timeout);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn text(status: u16, body: impl Into<String>) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut body = body.into();
    body.push('\n');
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

const USAGE: &str = "delegraph read-only SPARQL 1.1 endpoint: GET /query?query=… or POST /query \
(form field `query`, or an application/sparql-query body). Updates are refused.";

fn handle(mut request: Request, current: &Current, timeout: Option<Duration>) {
    let response = match respond(&mut request, current, timeout) {
        Ok(r) => r,
        Err((status, message)) => text(status, message),
    };
    let response = response.with_header(header("Access-Control-Allow-Origin", "*"));
    // A client that went away is not the server's problem.
    let _ = request.respond(response);
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn respond(
    request: &mut Request,
    current: &Current,
    timeout: Option<Duration>,
) -> Result<Reply, (u16, String)> {
    let url = request.url().to_string();
    let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
    if !matches!(path, "/query" | "/sparql" | "/") {
        return Err((404, format!("no such resource {path}; {USAGE}")));
    }
    let content_type = header_value(request, "Content-Type").unwrap_or_default();
    let mut params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes())
        .into_owned()
        .collect();
    let mut query = None;
    match request.method() {
        Method::Get | Method::Head => {}
        Method::Post => {
            let mut body = String::new();
            std::io::Read::read_to_string(request.as_reader(), &mut body)
                .map_err(|e| (400, format!("cannot read the request body: {e}")))?;
            let mime = content_type.split(';').next().unwrap_or("").trim();
            match mime {
                "application/sparql-query" => query = Some(body),
                "application/x-www-form-urlencoded" => {
                    params.extend(form_urlencoded::parse(body.as_bytes()).into_owned())
                }
                "application/sparql-update" => {
                    return Err((
                        403,
                        "this endpoint is read-only: updates are refused".into(),
                    ));
                }
                other => {
                    return Err((415, format!("unsupported Content-Type '{other}'; {USAGE}")));
                }
            }
        }
        Method::Options => return Ok(text(204, "")),
        m => return Err((405, format!("method {m} is not allowed; {USAGE}"))),
    }
    if params.iter().any(|(k, _)| k == "update") {
        return Err((
            403,
            "this endpoint is read-only: updates are refused".into(),
        ));
    }
    if params
        .iter()
        .any(|(k, _)| k == "default-graph-uri" || k == "named-graph-uri")
    {
        return Err((
            400,
            "default-graph-uri and named-graph-uri are not supported: the default graph merges \
             all documents; use GRAPH or FROM in the query"
                .into(),
        ));
    }
    let query = query.or_else(|| {
        params
            .iter()
            .find(|(k, _)| k == "query")
            .map(|(_, v)| v.clone())
    });
    let Some(query) = query else {
        return Ok(text(200, USAGE));
    };
    let reader = current.get().map_err(|e| (500, e.to_string()))?;
    let out = reader
        .graph
        .query_with_timeout(&query, timeout)
        .map_err(|e| match e {
            RdfError::Syntax(_) => (400, e.to_string()),
            RdfError::UpdateRefused => (403, e.to_string()),
            RdfError::Timeout(_) => (503, e.to_string()),
            _ => (500, e.to_string()),
        })?;
    let accept = header_value(request, "Accept").unwrap_or_default();
    let (format, mime) = negotiate(&accept, &out).ok_or_else(|| {
        (
            406,
            format!("cannot answer in any of '{accept}' for this query form"),
        )
    })?;
    let mut body = Vec::new();
    delegraph_rdf::write_results(&out, format, &mut body).map_err(|e| (500, e.to_string()))?;
    Ok(Response::from_data(body).with_header(header("Content-Type", mime)))
}

fn header_value(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

/// The response format: the acceptable media type with the highest quality that the query form
/// can be written in (SPARQL JSON results or N-Triples when the client accepts anything).
fn negotiate(accept: &str, out: &QueryOutput) -> Option<(ResultFormat, &'static str)> {
    let graph = matches!(out, QueryOutput::Graph(_));
    let table: &[(&str, ResultFormat, &str)] = if graph {
        &[
            (
                "application/n-triples",
                ResultFormat::Rdf(RdfFormat::NTriples),
                "application/n-triples",
            ),
            (
                "text/turtle",
                ResultFormat::Rdf(RdfFormat::Turtle),
                "text/turtle",
            ),
            (
                "text/plain",
                ResultFormat::Rdf(RdfFormat::NTriples),
                "application/n-triples",
            ),
        ]
    } else {
        &[
            (
                "application/sparql-results+json",
                ResultFormat::Json,
                "application/sparql-results+json",
            ),
            (
                "application/json",
                ResultFormat::Json,
                "application/sparql-results+json",
            ),
            (
                "application/sparql-results+xml",
                ResultFormat::Xml,
                "application/sparql-results+xml",
            ),
            (
                "application/xml",
                ResultFormat::Xml,
                "application/sparql-results+xml",
            ),
            ("text/csv", ResultFormat::Csv, "text/csv; charset=utf-8"),
            (
                "text/tab-separated-values",
                ResultFormat::Tsv,
                "text/tab-separated-values; charset=utf-8",
            ),
        ]
    };
    let mut ranges: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|r| {
            let mut parts = r.split(';');
            let mime = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!mime.is_empty() && q > 0.0).then_some((q, mime))
        })
        .collect();
    if ranges.is_empty() {
        ranges.push((1.0, "*/*".into()));
    }
    // Stable: equal qualities keep the client's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, mime) in ranges {
        if mime == "*/*" || mime == "application/*" || (graph && mime == "text/*") {
            let (_, f, m) = table[0];
            return Some((f, m));
        }
        if let Some(&(_, f, m)) = table.iter().find(|(t, _, _)| *t == mime) {
            return Some((f, m));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_and_query_form() {
        let sol = QueryOutput::Boolean(true);
        let graph = QueryOutput::Graph(Vec::new());
        assert_eq!(negotiate("", &sol).unwrap().0, ResultFormat::Json);
        assert_eq!(
            negotiate("text/csv;q=0.5, application/sparql-results+xml", &sol)
                .unwrap()
                .0,
            ResultFormat::Xml
        );
        assert_eq!(
            negotiate("text/turtle, */*;q=0.1", &graph).unwrap().0,
            ResultFormat::Rdf(RdfFormat::Turtle)
        );
        assert_eq!(
            negotiate("*/*", &graph).unwrap().0,
            ResultFormat::Rdf(RdfFormat::NTriples)
        );
        assert!(negotiate("image/png", &sol).is_none());
    }
}
