//! End-to-end tests of the `delegraph` binary over the five seed articles in `seeds/`, each in
//! its own temporary directory: build and stats, determinism of the store, extraction records
//! and cross-document identity, the facts any correct pipeline must find, bad input and its exit
//! codes, query result formats, exports, explain and the help texts.
//!
//! Assertions about extraction name only facts that the seed articles state plainly (Kai
//! Wegner leads a trip to Boston and Los Angeles; Berlin and Los Angeles are partners since
//! 1967; …), so a better extractor keeps them green and a broken pipeline turns them red.

mod common;
use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use tempfile::TempDir;

const ID: &str = "https://w3id.org/delegraph/id/";
const DG: &str = "https://w3id.org/delegraph/ontology#";
const S001: &str = "001_169111525c476787";
const S003: &str = "003_c6ed200e299ba93a";
const S000: &str = "000_5f3e057cd9ca1b0f";

fn seeds() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"))
}

fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five seed articles");
    v
}

/// Runs the binary in `cwd` (so a forgotten `--store` never writes into the repository).
fn run_in(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = command(cwd, args);
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("the delegraph binary starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    child.wait_with_output().expect("the binary finishes")
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    run_in(cwd, args, None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Asserts the exit code and returns standard error.
#[track_caller]
fn fails(o: Output, code: i32) -> String {
    assert_eq!(
        o.status.code(),
        Some(code),
        "expected exit code {code}\nstdout:\n{}\nstderr:\n{}",
        stdout(&o),
        stderr(&o)
    );
    stderr(&o)
}

/// Builds a store from `inputs` into `store`.
fn build(cwd: &Path, inputs: &[&Path], store: &Path) {
    let mut args = vec!["build"];
    args.extend(inputs.iter().map(|p| s(p)));
    args.extend(["--store", s(store)]);
    ok(run(cwd, &args));
}

/// A store built from `seeds/` once per test run and shared by the tests that only read it.
///
/// It lives in Cargo's temporary directory for integration tests; statics are never dropped,
/// so stores of earlier runs (older than an hour) are removed when a new one is made.
fn shared_store() -> &'static Path {
    static SHARED: OnceLock<TempDir> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let parent = Path::new(env!("CARGO_TARGET_TMPDIR"));
            let prefix = "delegraph-cli-shared-store";
            if let Ok(entries) = std::fs::read_dir(parent) {
                for e in entries.flatten() {
                    let stale = e.file_name().to_string_lossy().starts_with(prefix)
                        && e.metadata()
                            .and_then(|m| m.modified())
                            .ok()
                            .and_then(|t| t.elapsed().ok())
                            .is_some_and(|age| age.as_secs() > 3600);
                    if stale {
                        let _ = std::fs::remove_dir_all(e.path());
                    }
                }
            }
            let dir = tempfile::Builder::new()
                .prefix(prefix)
                .tempdir_in(parent)
                .expect("temporary directory");
            build(dir.path(), &[&seeds()], &dir.path().join("store"));
            dir
        })
        .path()
}

/// Runs a command against the shared store (`--store` appended).
fn on_store(args: &[&str], stdin: Option<&str>) -> Output {
    let dir = shared_store();
    let store = dir.join("store");
    let mut a = args.to_vec();
    a.extend(["--store", s(&store)]);
    run_in(dir, &a, stdin)
}

/// Every file under `dir`, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, d: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(d).expect("readable directory") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).expect("under root").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("readable file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// What a store holds, independent of how it was built: the manifest, the texts and cached
/// facts, and the canonical N-Quads export (the RocksDB files themselves differ run to run).
fn content(store: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out: BTreeMap<PathBuf, Vec<u8>> = snapshot(store)
        .into_iter()
        .filter(|(p, _)| {
            p == Path::new("manifest.json") || p.starts_with("documents") || p.starts_with("facts")
        })
        .collect();
    let nq = run(
        store,
        &["export", "--format", "nquads", "--store", s(store)],
    );
    out.insert(PathBuf::from("export.nq"), ok(nq).into_bytes());
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for (rel, bytes) in snapshot(from) {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("copy");
    }
}

fn parse_rdf(text: &str, format: RdfFormat) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format} output does not parse: {e}"))
}

// ---------------------------------------------------------------------------------------------
// build, stats, determinism

/// `stats` lines `dg:Class   N` as a map.
fn class_counts(stats: &str) -> BTreeMap<String, u64> {
    stats
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let (k, v) = (it.next()?, it.next()?);
            Some((k.to_string(), v.parse().ok()?))
        })
        .collect()
}

#[test]
fn build_then_stats_counts_documents_and_classes() {
    let out = ok(on_store(&["stats"], None));
    let counts = class_counts(&out);
    assert_eq!(counts.get("documents"), Some(&5), "stats:\n{out}");
    assert!(counts.get("quads").is_some_and(|n| *n > 0), "stats:\n{out}");
    for class in ["dg:Person", "dg:DelegationTrip", "dg:Place", "dg:Document"] {
        assert!(
            counts.get(class).is_some_and(|n| *n > 0),
            "{class} has instances; stats:\n{out}"
        );
    }
    assert_eq!(counts.get("dg:Document"), Some(&5), "stats:\n{out}");
}

#[test]
fn builds_are_deterministic_in_any_order_and_incrementally() {
    let dir = tmp();
    let files = seed_files();
    let a = dir.path().join("a");
    build(dir.path(), &[&seeds()], &a);
    let first = content(&a);
    assert!(first.contains_key(Path::new("manifest.json")));
    assert!(
        first[Path::new("export.nq")].len() > 1000,
        "the store has quads"
    );

    // The same inputs again, into the same store: every document replaced by itself.
    build(dir.path(), &[&seeds()], &a);
    assert_eq!(
        content(&a),
        first,
        "rebuilding the same inputs changes the store"
    );

    // The files listed one by one, in reverse order, into a new store.
    let b = dir.path().join("b");
    let reversed: Vec<&Path> = files.iter().rev().map(PathBuf::as_path).collect();
    build(dir.path(), &reversed, &b);
    assert_eq!(content(&b), first, "input order changes the store");

    // Two documents first, the other three later: the same store as all at once.
    let c = dir.path().join("c");
    build(dir.path(), &[&files[3], &files[0]], &c);
    build(dir.path(), &[&files[4], &files[2], &files[1]], &c);
    assert_eq!(
        content(&c),
        first,
        "an incremental build differs from a full one"
    );
}

#[test]
fn a_failed_build_leaves_the_store_untouched() {
    let shared = shared_store();
    let dir = tmp();
    let store = dir.path().join("store");
    copy_dir(&shared.join("store"), &store);
    let before = snapshot(&store);

    let binary = dir.path().join("x.txt");
    std::fs::write(&binary, b"Kai Wegner reist\0\x01\x02 nach Boston").unwrap();
    let missing = dir.path().join("missing.txt");
    let docx = dir.path().join("x.docx");
    std::fs::write(&docx, "Kai Wegner reist nach Boston.").unwrap();
    // A directory of nothing but bad files builds nothing (a bad file beside good ones is
    // skipped with a warning: see hostile.rs).
    let bad_dir = dir.path().join("bad");
    std::fs::create_dir(&bad_dir).unwrap();
    std::fs::write(bad_dir.join("b.txt"), b"\0\0\0\0").unwrap();

    let with_seeds = |bad: &Path| vec![s(&seeds()).to_string(), s(bad).to_string()];
    let runs: Vec<(Vec<String>, &Path)> = vec![
        // The good seeds come first: a bad file named on the command line must stop the build
        // before any write.
        (with_seeds(&binary), &binary),
        (with_seeds(&missing), &missing),
        (with_seeds(&docx), &docx),
        (vec![s(&bad_dir).to_string()], &bad_dir),
    ];
    for (inputs, bad) in runs {
        let mut args = vec!["build".to_string()];
        args.extend(inputs);
        args.extend(["--store".to_string(), s(&store).to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let e = fails(run(dir.path(), &args), 1);
        assert!(!e.is_empty(), "an error message for {}", bad.display());
        assert_eq!(
            snapshot(&store),
            before,
            "a failed build with {} changed the store",
            bad.display()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// extract

/// The records of `extract seeds --out DIR`, by file stem (extracted once per test run).
fn extract_records() -> &'static BTreeMap<String, Value> {
    static RECORDS: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    RECORDS.get_or_init(extract_into_directory)
}

fn extract_into_directory() -> BTreeMap<String, Value> {
    let dir = tmp();
    let out = dir.path().join("records");
    ok(run(dir.path(), &["extract", s(&seeds()), "--out", s(&out)]));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("records directory")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = seed_files()
        .iter()
        .map(|p| format!("{}.json", p.file_stem().unwrap().to_string_lossy()))
        .collect();
    assert_eq!(
        names, expected,
        "one <stem>.json per document and nothing else"
    );
    names
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(out.join(n)).unwrap();
            let v: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{n} is not JSON: {e}"));
            (n.trim_end_matches(".json").to_string(), v)
        })
        .collect()
}

fn list<'a>(v: &'a Value, field: &str) -> &'a Vec<Value> {
    v[field]
        .as_array()
        .unwrap_or_else(|| panic!("{field} is a list in {v}"))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The ids of the entities called `name` in a record's `field` list.
fn ids_of<'a>(rec: &'a Value, field: &str, name: &str) -> BTreeSet<&'a str> {
    list(rec, field)
        .iter()
        .filter(|e| e["name"] == name)
        .filter_map(|e| e["id"].as_str())
        .collect()
}

const FIELDS: [&str; 8] = [
    "document",
    "published",
    "persons",
    "places",
    "organizations",
    "trips",
    "partnerships",
    "agreements",
];

#[test]
fn extract_writes_linked_records() {
    let recs = extract_records();
    for (stem, r) in recs {
        let obj = r.as_object().expect("a record is an object");
        for f in FIELDS {
            assert!(obj.contains_key(f), "{stem}.json lacks {f}");
        }
        assert_eq!(r["document"], format!("{stem}.txt"));
        for f in &FIELDS[2..] {
            for e in list(r, f) {
                let id = e["id"].as_str().unwrap_or_default();
                assert!(
                    id.starts_with(ID),
                    "{stem}.json: {f} entry without a delegraph id: {e}"
                );
            }
        }
    }
    // The same person and the same city are one node across articles.
    let wegner: Vec<BTreeSet<&str>> = [S000, S001, S003]
        .iter()
        .map(|s| ids_of(&recs[*s], "persons", "Kai Wegner"))
        .collect();
    assert_eq!(
        wegner[1].len(),
        1,
        "one Kai Wegner in {S001}: {:?}",
        wegner[1]
    );
    assert!(
        wegner.iter().all(|ids| *ids == wegner[1]),
        "Kai Wegner has one id in 000, 001 and 003: {wegner:?}"
    );
    let berlin: Vec<BTreeSet<&str>> = [S000, S001, S003]
        .iter()
        .map(|s| ids_of(&recs[*s], "places", "Berlin"))
        .collect();
    let shared: BTreeSet<&str> = berlin[0]
        .iter()
        .filter(|id| berlin[1].contains(*id) && berlin[2].contains(*id))
        .copied()
        .collect();
    assert!(
        !shared.is_empty(),
        "Berlin has the same id in 000, 001 and 003: {berlin:?}"
    );
}

#[test]
fn extract_finds_what_the_seeds_state() {
    let recs = extract_records();
    let all = |field: &str| -> Vec<&Value> { recs.values().flat_map(|r| list(r, field)).collect() };
    // 001/003: Wegner travels to New York, Boston and Los Angeles.
    let trips = all("trips");
    assert!(
        trips.iter().any(|t| {
            let d = strs(&t["destinations"]);
            t["leader"] == "Kai Wegner"
                && d.contains(&"Boston")
                && d.contains(&"Los Angeles")
                && d.iter().any(|x| x.starts_with("New York"))
        }),
        "Kai Wegner's trip to New York, Boston and Los Angeles: {trips:#?}"
    );
    // 001/003: Berlin and Los Angeles are partner cities since 1967.
    let ps = all("partnerships");
    assert!(
        ps.iter().any(|p| {
            let c = strs(&p["cities"]);
            c.contains(&"Berlin") && c.contains(&"Los Angeles") && p["since"] == 1967
        }),
        "Berlin – Los Angeles since 1967: {ps:#?}"
    );
    // 004: Köln and Chongqing sign a memorandum of understanding.
    let ags = all("agreements");
    assert!(
        ags.iter().any(|a| {
            let p = strs(&a["parties"]);
            a["kind"] == "memorandum_of_understanding"
                && p.contains(&"Köln")
                && p.contains(&"Chongqing")
        }),
        "Köln – Chongqing memorandum of understanding: {ags:#?}"
    );
}

#[test]
fn extract_to_stdout_writes_json_lines() {
    let dir = tmp();
    let out = ok(run(
        dir.path(),
        &["extract", s(&seed_files()[1]), "--out", "-"],
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one line per document:\n{out}");
    let v: Value = serde_json::from_str(lines[0]).expect("a JSON line");
    assert_eq!(v["document"], format!("{S001}.txt"));
    assert!(
        !dir.path().join("-").exists(),
        "`-` is standard output, not a directory"
    );
}

// ---------------------------------------------------------------------------------------------
// bad input and exit codes

#[test]
fn a_missing_file_is_one_line_naming_it() {
    let dir = tmp();
    let missing = dir.path().join("no-such-article.txt");
    let store = dir.path().join("store");
    let e = fails(
        run(dir.path(), &["build", s(&missing), "--store", s(&store)]),
        1,
    );
    assert_eq!(e.trim_end().lines().count(), 1, "one line:\n{e}");
    assert!(e.contains(s(&missing)), "names the path:\n{e}");
    assert!(!store.exists(), "no store is created for a failed build");
}

#[test]
fn binary_empty_and_unsupported_files_are_refused() {
    let dir = tmp();
    let store = dir.path().join("store");
    let binary = dir.path().join("x.txt");
    std::fs::write(&binary, b"PK\x03\x04\0\0\0\0binary\0data").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let docx = dir.path().join("x.docx");
    std::fs::write(&docx, "Kai Wegner reist nach Boston.").unwrap();
    for (file, name) in [(&binary, "x.txt"), (&empty, "empty.txt"), (&docx, "x.docx")] {
        let e = fails(
            run(dir.path(), &["build", s(file), "--store", s(&store)]),
            1,
        );
        assert!(e.contains(name), "the message names {name}:\n{e}");
        let e = fails(run(dir.path(), &["extract", s(file), "--out", "-"]), 1);
        assert!(e.contains(name), "extract names {name} too:\n{e}");
    }
    assert!(!store.exists(), "no store is created for a failed build");
}

#[test]
fn malformed_sparql_is_a_syntax_error() {
    let e = fails(on_store(&["query", "SELECT ?x WHERE { ?x "], None), 1);
    assert!(
        e.to_lowercase().contains("syntax"),
        "mentions the syntax error:\n{e}"
    );
}

#[test]
fn unknown_formats_are_refused() {
    let e = fails(
        on_store(
            &[
                "query",
                "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                "--format",
                "yaml",
            ],
            None,
        ),
        1,
    );
    assert!(
        e.contains("--format") && e.contains("yaml"),
        "names the argument:\n{e}"
    );
    let e = fails(on_store(&["export", "--format", "docx"], None), 1);
    assert!(
        e.contains("--format") && e.contains("docx"),
        "names the argument:\n{e}"
    );
    // View options belong to pictures.
    let e = fails(
        on_store(&["export", "--format", "turtle", "--view", "trips"], None),
        1,
    );
    assert!(e.contains("--view"), "{e}");
    // A graph format for a SELECT query.
    fails(
        on_store(
            &[
                "query",
                "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                "--format",
                "turtle",
            ],
            None,
        ),
        1,
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tmp();
    for args in [
        &["frobnicate"][..],
        &["build"],
        &["extract", "seeds"],
        &["explain"],
        &["query", "--format"],
        &["query", "ASK {}", "-f", "q.rq"],
        &[],
    ] {
        fails(run(dir.path(), args), 2);
    }
}

#[test]
fn commands_without_a_store_say_so() {
    let dir = tmp();
    let store = dir.path().join("nowhere");
    for cmd in [
        &["stats"][..],
        &["export"],
        &["query", "ASK {}"],
        &["explain", "X"],
    ] {
        let mut args = cmd.to_vec();
        args.extend(["--store", s(&store)]);
        let e = fails(run(dir.path(), &args), 1);
        assert!(e.contains("no store"), "{cmd:?}: {e}");
    }
}

// ---------------------------------------------------------------------------------------------
// query

const PERSONS: &str = "SELECT ?p ?n WHERE { ?p a dg:Person ; rdfs:label ?n } ORDER BY ?n ?p";

fn parsed_solutions(text: &str, format: QueryResultsFormat) -> (Vec<String>, Vec<Vec<String>>) {
    match QueryResultsParser::from_format(format)
        .for_slice(text)
        .unwrap_or_else(|e| panic!("{format:?} results do not parse: {e}\n{text}"))
    {
        SliceQueryResultsParserOutput::Solutions(sol) => {
            let vars = sol
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let rows = sol
                .map(|r| {
                    r.expect("a solution")
                        .values()
                        .iter()
                        .map(|t| match t {
                            Some(Term::Literal(l)) => l.value().to_string(),
                            Some(Term::NamedNode(n)) => n.as_str().to_string(),
                            Some(t) => t.to_string(),
                            None => String::new(),
                        })
                        .collect()
                })
                .collect();
            (vars, rows)
        }
        SliceQueryResultsParserOutput::Boolean(_) => panic!("expected solutions"),
    }
}

#[test]
fn select_in_every_result_format() {
    let wegner = format!("{ID}person/");
    for (fmt, parser) in [
        ("json", QueryResultsFormat::Json),
        ("xml", QueryResultsFormat::Xml),
        ("tsv", QueryResultsFormat::Tsv),
    ] {
        let out = ok(on_store(&["query", PERSONS, "--format", fmt], None));
        let (vars, rows) = parsed_solutions(&out, parser);
        assert_eq!(vars, ["p", "n"], "{fmt}");
        assert!(
            rows.iter()
                .any(|r| r[1] == "Kai Wegner" && r[0].starts_with(&wegner)),
            "{fmt}: Kai Wegner is a person:\n{out}"
        );
    }
    // JSON, independently of oxigraph: the W3C layout.
    let out = ok(on_store(&["query", PERSONS, "--format", "json"], None));
    let v: Value = serde_json::from_str(&out).expect("JSON results");
    assert_eq!(v["head"]["vars"], serde_json::json!(["p", "n"]));
    let bindings = v["results"]["bindings"].as_array().expect("bindings");
    assert!(bindings.iter().any(|b| b["n"]["value"] == "Kai Wegner"));
    assert!(bindings.iter().all(|b| b["p"]["type"] == "uri"));

    let csv = ok(on_store(&["query", PERSONS, "--format", "csv"], None));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("p,n"), "CSV header:\n{csv}");
    assert!(
        lines.any(|l| l.ends_with(",Kai Wegner")),
        "CSV rows:\n{csv}"
    );

    let table = ok(on_store(&["query", PERSONS], None));
    let first = table.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("?p") && first.contains("?n"),
        "table header:\n{table}"
    );
    assert!(table.contains("Kai Wegner"), "table:\n{table}");
    assert!(
        table.trim_end().ends_with("rows)"),
        "the table ends with a row count:\n{table}"
    );
}

#[test]
fn ask_answers_true_and_false() {
    let yes = "ASK { ?p a dg:Person ; rdfs:label \"Kai Wegner\" }";
    let no = "ASK { ?p a dg:Person ; rdfs:label \"Niemand Nirgendwo\" }";
    assert_eq!(ok(on_store(&["query", yes], None)).trim(), "true");
    assert_eq!(ok(on_store(&["query", no], None)).trim(), "false");
    let v: Value =
        serde_json::from_str(&ok(on_store(&["query", yes, "--format", "json"], None))).unwrap();
    assert_eq!(v["boolean"], true);
}

#[test]
fn construct_as_turtle_and_ntriples() {
    let q = "CONSTRUCT { ?p a dg:Person ; rdfs:label ?n } WHERE { ?p a dg:Person ; rdfs:label ?n }";
    for (fmt, rdf) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
    ] {
        let out = ok(on_store(&["query", q, "--format", fmt], None));
        let quads = parse_rdf(&out, rdf);
        assert!(
            quads
                .iter()
                .any(|q| matches!(&q.object, Term::Literal(l) if l.value() == "Kai Wegner")),
            "{fmt}: Kai Wegner's label:\n{out}"
        );
        assert!(
            quads
                .iter()
                .all(|q| q.predicate.as_str() != format!("{DG}leader"))
        );
    }
}

#[test]
fn query_from_stdin_and_from_a_file() {
    let out = ok(on_store(&["query", "-", "--format", "csv"], Some(PERSONS)));
    assert_eq!(out.lines().next(), Some("p,n"), "stdin:\n{out}");
    assert!(out.contains("Kai Wegner"), "stdin:\n{out}");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/trips.rq");
    let out = ok(on_store(&["query", "-f", file, "--format", "tsv"], None));
    assert!(out.contains("Kai Wegner"), "-f examples/trips.rq:\n{out}");
}

// ---------------------------------------------------------------------------------------------
// export

fn export(format: &str) -> String {
    let out = ok(on_store(&["export", "--format", format], None));
    assert!(!out.trim().is_empty(), "{format} export is empty");
    out
}

#[test]
fn export_turtle_is_owl_friendly() {
    let ttl = export("turtle");
    let quads = parse_rdf(&ttl, RdfFormat::Turtle);
    assert!(
        ttl.contains("owl:Ontology"),
        "the ontology header is in the export"
    );
    assert!(quads.iter().any(|q| {
        q.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
            && q.object.to_string() == "<http://www.w3.org/2002/07/owl#Ontology>"
    }));
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let mut date_times = 0;
    for q in &quads {
        if let Term::Literal(l) = &q.object {
            let dt = l.datatype().as_str().strip_prefix(xsd).unwrap_or_default();
            assert!(
                !["date", "gYear", "gYearMonth"].contains(&dt),
                "xsd:{dt} in the Turtle export: {q}"
            );
            date_times += usize::from(dt == "dateTime");
        }
    }
    assert!(date_times > 0, "dates are exported as xsd:dateTime");
    assert!(!ttl.contains("xsd:date>") && !ttl.contains("XMLSchema#date>"));
    assert!(
        quads
            .iter()
            .any(|q| q.subject.to_string().contains("/person/"))
    );
}

#[test]
fn export_trig_and_nquads_keep_the_document_graphs() {
    let trig = parse_rdf(&export("trig"), RdfFormat::TriG);
    let nq_text = export("nquads");
    let nq = parse_rdf(&nq_text, RdfFormat::NQuads);
    for (what, quads) in [("trig", &trig), ("nquads", &nq)] {
        let graphs: BTreeSet<String> = quads.iter().map(|q| q.graph_name.to_string()).collect();
        let docs: BTreeSet<String> = graphs
            .iter()
            .filter(|g| g.starts_with(&format!("<{ID}doc/")))
            .cloned()
            .collect();
        assert_eq!(
            docs.len(),
            5,
            "{what}: one named graph per document: {graphs:?}"
        );
        assert_eq!(graphs, docs, "{what}: every quad is in a document graph");
    }
    let a: BTreeSet<String> = trig.iter().map(Quad::to_string).collect();
    let b: BTreeSet<String> = nq.iter().map(Quad::to_string).collect();
    assert_eq!(a, b, "TriG and N-Quads hold the same quads");
    // Canonical N-Quads: graph by graph in IRI order, each graph's lines sorted.
    let lines: Vec<&str> = nq_text.lines().collect();
    let graph_of = |l: &str| {
        l.trim_end_matches(" .")
            .rsplit_once(' ')
            .map(|(_, g)| g.to_string())
            .unwrap_or_default()
    };
    for w in lines.windows(2) {
        let (g0, g1) = (graph_of(w[0]), graph_of(w[1]));
        assert!(
            g0 < g1 || (g0 == g1 && w[0] < w[1]),
            "N-Quads are not canonical at:\n{}\n{}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn export_ntriples_is_the_union() {
    let nt = parse_rdf(&export("ntriples"), RdfFormat::NTriples);
    let nq = parse_rdf(&export("nquads"), RdfFormat::NQuads);
    let union: BTreeSet<String> = nq
        .into_iter()
        .map(|q| oxigraph::model::Triple::new(q.subject, q.predicate, q.object).to_string())
        .collect();
    let triples: Vec<String> = nt
        .into_iter()
        .map(|q| oxigraph::model::Triple::new(q.subject, q.predicate, q.object).to_string())
        .collect();
    assert_eq!(triples.len(), union.len(), "no duplicate triples");
    assert_eq!(triples.into_iter().collect::<BTreeSet<_>>(), union);
}

#[test]
fn export_dot_clusters_places_by_country() {
    let dot = export("dot");
    assert!(
        dot.starts_with("digraph"),
        "DOT:\n{}",
        &dot[..dot.len().min(300)]
    );
    assert!(dot.contains("subgraph cluster_"), "places are clustered");
    assert!(dot.contains("label=\"Kai Wegner\""), "Kai Wegner is a node");
    assert!(dot.trim_end().ends_with('}'));
}

#[test]
fn export_to_a_file_equals_standard_output() {
    let dir = tmp();
    let file = dir.path().join("graph.ttl");
    ok(on_store(
        &["export", "--format", "turtle", "-o", s(&file)],
        None,
    ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), export("turtle"));
}

// ---------------------------------------------------------------------------------------------
// explain and help

#[test]
fn explain_prints_supporting_sentences() {
    let out = ok(on_store(&["explain", "Kai Wegner"], None));
    assert!(
        out.lines().next().is_some_and(|l| l.contains("person/")),
        "the node comes first:\n{out}"
    );
    let sentences: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with('«') && l.trim().len() > 4)
        .collect();
    assert!(
        !sentences.is_empty(),
        "at least one supporting sentence:\n{out}"
    );
    assert!(out.contains("Wegner"), "{out}");
    // Case does not matter; unknown names are an error.
    ok(on_store(&["explain", "kai wegner"], None));
    let e = fails(on_store(&["explain", "Niemand Nirgendwo"], None), 1);
    assert!(e.contains("Niemand Nirgendwo"), "{e}");
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let dir = tmp();
    let top = ok(run(dir.path(), &["--help"]));
    let subcommands = [
        "build",
        "query",
        "export",
        "extract",
        "eval",
        "stats",
        "explain",
        "completions",
        "man",
    ];
    for sub in subcommands {
        assert!(top.contains(sub), "--help lists {sub}:\n{top}");
        let help = ok(run(dir.path(), &[sub, "--help"]));
        assert!(
            help.contains("Example"),
            "{sub} --help has an example:\n{help}"
        );
        let short = ok(run(dir.path(), &["help", sub]));
        assert!(short.contains("Example"), "help {sub}");
    }
    ok(run(dir.path(), &["--version"]));
}

// ---------------------------------------------------------------------------------------------
// views, pictures, shell integration, progress

#[test]
fn every_view_exports_as_dot() {
    for view in ["network", "trips", "partnerships", "agreements", "people"] {
        let dot = ok(on_store(
            &["export", "--format", "dot", "--view", view],
            None,
        ));
        assert!(dot.starts_with("digraph"), "{view}: {dot}");
        assert!(dot.contains("cluster_legend"), "{view} has a legend");
        assert!(dot.contains(&format!("{view} view")), "{view} is titled");
    }
    let net = ok(on_store(&["export", "--format", "dot"], None));
    assert!(net.contains("label=\"leads\"") && net.contains("partner since 1967"));
    // Focus by name, trimmed with a visible note.
    let focused = ok(on_store(
        &[
            "export",
            "--format",
            "dot",
            "--focus",
            "Kai Wegner",
            "--depth",
            "1",
            "--max-nodes",
            "4",
        ],
        None,
    ));
    assert!(focused.contains("Kai Wegner") && focused.contains("showing 4 of"));
    let e = fails(
        on_store(
            &["export", "--format", "dot", "--focus", "Niemand Nirgendwo"],
            None,
        ),
        1,
    );
    assert!(
        e.contains("--focus") && e.contains("Niemand Nirgendwo"),
        "{e}"
    );
}

#[test]
fn pictures_need_graphviz_and_say_how_to_get_it() {
    let dir = shared_store();
    let store = dir.join("store");
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .args(["export", "--format", "svg", "--store", s(&store)])
        .current_dir(dir)
        .env("PATH", "/nonexistent")
        .output()
        .expect("runs");
    let e = fails(out, 1);
    assert_eq!(e.trim().lines().count(), 1, "one line: {e}");
    assert!(e.contains("GraphViz") && e.contains("install"), "{e}");
    // Where GraphViz is installed, the picture is drawn.
    if Command::new("dot").arg("-V").output().is_ok() {
        let svg = ok(on_store(
            &["export", "--format", "svg", "--view", "partnerships"],
            None,
        ));
        assert!(
            svg.contains("<svg") && svg.contains("partner since"),
            "{svg}"
        );
    }
}

#[test]
fn completions_and_man_page() {
    let dir = tmp();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = ok(run(dir.path(), &["completions", shell]));
        assert!(
            script.contains("delegraph") && script.contains("export"),
            "{shell}"
        );
    }
    fails(run(dir.path(), &["completions", "tcsh"]), 2);
    let man = ok(run(dir.path(), &["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH"), "{man}");
    assert!(man.contains("delegraph") && man.contains("eval"));
    let pages = dir.path().join("man1");
    ok(run(dir.path(), &["man", "--dir", s(&pages)]));
    for page in ["delegraph.1", "delegraph-export.1", "delegraph-eval.1"] {
        let text = std::fs::read_to_string(pages.join(page)).expect(page);
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn quiet_and_verbose_builds() {
    let dir = tmp();
    let store = dir.path().join("store");
    let files = seed_files();
    let first = s(&files[0]);
    let quiet = run(
        dir.path(),
        &["build", first, "--store", s(&store), "--quiet"],
    );
    assert!(
        quiet.status.success() && stderr(&quiet).is_empty(),
        "--quiet: {}",
        stderr(&quiet)
    );
    // Another store: a document already stored is not extracted again, so not reported.
    let fresh = dir.path().join("fresh");
    let verbose = run(dir.path(), &["-v", "build", first, "--store", s(&fresh)]);
    assert!(verbose.status.success());
    let e = stderr(&verbose);
    // Not a terminal: no bar; one line per document, then the summary.
    assert!(e.contains("persons,") && e.contains("trips,"), "{e}");
    assert!(
        !e.contains('\r') && !e.contains("\u{1b}["),
        "no bar drawn: {e:?}"
    );
}

#[test]
fn the_table_shows_labels_beside_shortened_iris() {
    let out = ok(on_store(
        &[
            "query",
            "SELECT ?p WHERE { ?p a dg:Person ; rdfs:label \"Kai Wegner\" }",
        ],
        None,
    ));
    assert!(out.contains("Kai Wegner (dgid:person/kai-wegner)"), "{out}");
}

#[test]
fn graph_results_in_any_rdf_syntax() {
    let q = "CONSTRUCT { ?a dbo:twinCity ?b } WHERE { ?a dbo:twinCity ?b }";
    for (fmt, syntax) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("rdfxml", RdfFormat::RdfXml),
        ("n3", RdfFormat::N3),
    ] {
        let out = ok(on_store(&["query", q, "--format", fmt], None));
        assert!(!parse_rdf(&out, syntax).is_empty(), "{fmt}: {out}");
    }
    let jsonld = ok(on_store(&["query", q, "--format", "jsonld"], None));
    assert!(jsonld.trim_start().starts_with('[') || jsonld.trim_start().starts_with('{'));
    fails(on_store(&["query", q, "--format", "csv"], None), 1);
}
