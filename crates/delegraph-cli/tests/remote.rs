//! The store and other SPARQL engines: `serve` answers SPARQL 1.1 Protocol queries as the local
//! store does and refuses updates; `push` PUTs each document graph (Graph Store Protocol) so that
//! repeating it sends the same requests, and deletes graphs the store no longer has. The
//! round trip with a real Oxigraph server runs in `.ci/run`; here a recording server stands in.

mod common;
use common::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Arc, Mutex};

fn delegraph(cwd: &Path) -> Command {
    command(cwd, &[])
}

fn seeds_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    ok(delegraph(dir)
        .args(["build", s(&repo().join("seeds")), "--store", s(&store)])
        .output()
        .unwrap());
    store
}

/// `delegraph serve` on a free port; killed when dropped.
struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &Path, store: &Path) -> Served {
    let mut child = delegraph(dir)
        .args(["serve", "--bind", "127.0.0.1:0", "--store", s(store)])
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_string();
    Served { child, url }
}

#[test]
fn serve_answers_every_example_as_the_local_store_does() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let served = serve(dir.path(), &store);
    let mut n = 0;
    for e in std::fs::read_dir(repo().join("examples")).unwrap() {
        let q = e.unwrap().path();
        if q.extension().is_none_or(|x| x != "rq") {
            continue;
        }
        let local = ok(delegraph(dir.path())
            .args([
                "query",
                "-f",
                s(&q),
                "--format",
                format_of(&q),
                "--store",
                s(&store),
            ])
            .output()
            .unwrap());
        let remote = ok(delegraph(dir.path())
            .args([
                "query",
                "-f",
                s(&q),
                "--format",
                format_of(&q),
                "--endpoint",
                &served.url,
            ])
            .output()
            .unwrap());
        // Graph results stream in store order: compare them as sets of lines.
        assert_eq!(
            sorted_lines(&local),
            sorted_lines(&remote),
            "{}",
            q.display()
        );
        n += 1;
    }
    assert!(n >= 10);
    // CONSTRUCT through the endpoint, in Turtle.
    let construct = "CONSTRUCT { ?p a dg:Person } WHERE { ?p a dg:Person }";
    let local = ok(delegraph(dir.path())
        .args([
            "query",
            construct,
            "--format",
            "ntriples",
            "--store",
            s(&store),
        ])
        .output()
        .unwrap());
    let remote = ok(delegraph(dir.path())
        .args([
            "query",
            construct,
            "--format",
            "ntriples",
            "--endpoint",
            &served.url,
        ])
        .output()
        .unwrap());
    assert!(!local.is_empty());
    assert_eq!(sorted_lines(&local), sorted_lines(&remote));
}

#[test]
fn serve_is_read_only_and_speaks_the_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let served = serve(dir.path(), &store);
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        r.expect("the server answers").status().as_u16()
    };
    // Updates, in both protocol forms.
    assert_eq!(
        status(
            agent
                .post(&served.url)
                .content_type("application/sparql-update")
                .send("CLEAR ALL")
        ),
        403
    );
    assert_eq!(
        status(agent.post(&served.url).send_form([("update", "CLEAR ALL")])),
        403
    );
    assert_eq!(
        status(
            agent
                .get(&served.url)
                .query("query", "INSERT DATA { <a:b> <a:c> <a:d> }")
                .call()
        ),
        403
    );
    assert_eq!(
        status(
            agent
                .get(&served.url)
                .query("query", "SELECT ?x WHERE {")
                .call()
        ),
        400
    );
    // GET with negotiation; a sparql-query body.
    let mut resp = agent
        .get(&served.url)
        .query("query", "ASK { ?p a dg:Person }")
        .header("Accept", "text/csv;q=0.5, application/sparql-results+xml")
        .call()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let ct = resp.headers()["Content-Type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("application/sparql-results+xml"), "{ct}");
    let body = resp.body_mut().read_to_string().unwrap();
    assert!(body.contains("<boolean>true</boolean>"), "{body}");
    let mut resp = agent
        .post(&served.url)
        .content_type("application/sparql-query")
        .send("SELECT (COUNT(*) AS ?n) WHERE { ?p a dg:Person }")
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let body = resp.body_mut().read_to_string().unwrap();
    assert!(body.contains("\"n\""), "{body}");
    // Still unchanged.
    let ask = ok(delegraph(dir.path())
        .args(["query", "ASK { ?p a dg:Person }", "--store", s(&store)])
        .output()
        .unwrap());
    assert_eq!(ask.trim(), "true");
}

#[test]
fn serve_picks_up_a_new_build() {
    let dir = tempfile::tempdir().unwrap();
    let seeds: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        v
    };
    let store = dir.path().join("store");
    ok(delegraph(dir.path())
        .args(["build", s(&seeds[0]), "--store", s(&store)])
        .output()
        .unwrap());
    let served = serve(dir.path(), &store);
    let count = || {
        ok(delegraph(dir.path())
            .args([
                "query",
                "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dg:Document }",
                "--format",
                "csv",
                "--endpoint",
                &served.url,
            ])
            .output()
            .unwrap())
    };
    assert_eq!(count().lines().nth(1), Some("1"));
    ok(delegraph(dir.path())
        .args(["build", s(&seeds[1]), "--store", s(&store)])
        .output()
        .unwrap());
    assert_eq!(count().lines().nth(1), Some("2"));
}

/// One request a recording Graph Store / SPARQL server saw.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    method: String,
    url: String,
    content_type: String,
    body: String,
}

/// A server that records every request, answers PUT and DELETE with 204 and the graph listing
/// query with the given graphs.
fn recording_server(graphs: &'static [&'static str]) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for mut req in server.incoming_requests() {
            let mut body = String::new();
            req.as_reader().read_to_string(&mut body).unwrap();
            let content_type = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("Content-Type"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            log.lock().unwrap().push(Seen {
                method: req.method().to_string(),
                url: req.url().to_string(),
                content_type,
                body,
            });
            let resp = if req.url().starts_with("/query") {
                let bindings: Vec<String> = graphs
                    .iter()
                    .map(|g| format!(r#"{{"g":{{"type":"uri","value":"{g}"}}}}"#))
                    .collect();
                tiny_http::Response::from_string(format!(
                    r#"{{"head":{{"vars":["g"]}},"results":{{"bindings":[{}]}}}}"#,
                    bindings.join(",")
                ))
                .with_header(
                    tiny_http::Header::from_bytes(
                        "Content-Type",
                        "application/sparql-results+json",
                    )
                    .unwrap(),
                )
            } else {
                tiny_http::Response::from_string("").with_status_code(204)
            };
            let _ = req.respond(resp);
        }
    });
    (base, seen)
}

#[test]
fn push_puts_each_document_graph_idempotently_and_removes_gone_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let (base, seen) = recording_server(&["https://w3id.org/delegraph/id/doc/gone-article"]);
    let push = || {
        ok(delegraph(dir.path())
            .args([
                "push",
                "--endpoint",
                &format!("{base}/query"),
                "--store",
                s(&store),
            ])
            .output()
            .unwrap());
        std::mem::take(&mut *seen.lock().unwrap())
    };
    let first = push();
    let second = push();
    assert_eq!(first, second, "a second push sends the same requests");
    let puts: Vec<&Seen> = first
        .iter()
        .filter(|r| r.method == "PUT" && r.url.contains("graph="))
        .collect();
    assert_eq!(puts.len(), 5, "one PUT per document graph: {first:#?}");
    for p in &puts {
        let (path, query) = p.url.split_once('?').unwrap();
        assert_eq!(path, "/store");
        let graph: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(graph.len(), 1);
        assert_eq!(graph[0].0, "graph");
        assert!(
            graph[0].1.starts_with("https://w3id.org/delegraph/id/doc/"),
            "{graph:?}"
        );
        assert_eq!(p.content_type, "application/n-triples");
        let triples = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
            .for_slice(p.body.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("valid N-Triples");
        assert!(triples.len() > 10);
    }
    // The merged default graph, and the graph the store does not have.
    assert!(
        first
            .iter()
            .any(|r| r.method == "PUT" && r.url.starts_with("/store?default"))
    );
    let deletes: Vec<&Seen> = first.iter().filter(|r| r.method == "DELETE").collect();
    assert_eq!(deletes.len(), 1);
    assert!(deletes[0].url.ends_with("gone-article"), "{:?}", deletes[0]);
    // The body of each PUT is the document's graph as exported.
    let nq = ok(delegraph(dir.path())
        .args(["export", "--format", "nquads", "--store", s(&store)])
        .output()
        .unwrap());
    let exported = nq.lines().count();
    let pushed: usize = puts.iter().map(|p| p.body.lines().count()).sum();
    assert_eq!(pushed, exported, "every quad is pushed once");
}
