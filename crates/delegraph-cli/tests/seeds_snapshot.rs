//! Snapshots of the Turtle export (the Protégé file: ontology + all data), of the DOT text of
//! every network view and of the query table of the five seed articles in `seeds/`, built by
//! the `delegraph` binary exactly as a user would:
//! `delegraph build seeds && delegraph export --format turtle`, run from the repository root so
//! that the recorded source paths (`dg:sourcePath "seeds/…"`) do not depend on the machine. The
//! store goes to a temporary directory, which no exported triple mentions.
//!
//! This snapshot changes whenever extraction, linking, the RDF mapping or the ontology change:
//! that is its purpose. A change is reviewed as a diff and accepted on purpose, either with
//! cargo-insta (`cargo install cargo-insta`):
//!
//! ```sh
//! cargo insta test -p delegraph-cli --test seeds_snapshot --review
//! ```
//!
//! or without it, by overwriting the snapshot and reading the diff:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test -p delegraph-cli --test seeds_snapshot
//! git diff crates/delegraph-cli/tests/snapshots/
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root, where `seeds/` lives.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

/// Runs the binary in the repository root and returns its standard output.
fn delegraph(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .args(args)
        .current_dir(repo_root())
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .output()
        .expect("the delegraph binary runs");
    assert!(
        out.status.success(),
        "delegraph {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn seeds_turtle_export() {
    let dir = tempfile::Builder::new()
        .prefix("delegraph-seeds-snapshot")
        .tempdir()
        .expect("temporary directory");
    let store = dir.path().join("store");
    let store = store.to_str().expect("UTF-8 path");
    delegraph(&["build", "seeds", "--store", store]);
    let ttl = delegraph(&["export", "--format", "turtle", "--store", store]);
    assert!(
        !ttl.contains(store),
        "the export names the temporary store directory"
    );
    insta::assert_snapshot!("seeds_turtle", ttl);
    for view in ["network", "trips", "partnerships", "agreements", "people"] {
        let dot = delegraph(&[
            "export", "--format", "dot", "--view", view, "--store", store,
        ]);
        insta::assert_snapshot!(format!("seeds_view_{view}"), dot);
    }
    let table = delegraph(&["query", "-f", "examples/trips.rq", "--store", store]);
    insta::assert_snapshot!("seeds_table_trips", table);
    let table = delegraph(&[
        "query",
        "SELECT DISTINCT ?person ?office ?of WHERE { ?person dg:holdsOffice ?o . ?o dg:title ?office OPTIONAL { ?o dg:officeOf ?of } } ORDER BY ?person ?office ?of",
        "--store",
        store,
    ]);
    insta::assert_snapshot!("seeds_table_offices", table);
}
