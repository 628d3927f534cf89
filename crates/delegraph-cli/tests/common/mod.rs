//! Helpers shared by the CLI's integration tests. Each test file is a crate of its own and uses
//! only some of them, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed articles (`seeds/*.txt`), sorted.
pub fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

pub fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("delegraph-test")
        .tempdir()
        .expect("temporary directory")
}

/// The binary with `args`, run in `cwd` (so a forgotten `--store` never writes into the
/// repository), no standard input, output captured.
pub fn command(cwd: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_delegraph"));
    c.args(args)
        .current_dir(cwd)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

pub fn run(cwd: &Path, args: &[&str]) -> Output {
    command(cwd, args)
        .output()
        .expect("the delegraph binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success and returns standard output.
#[track_caller]
pub fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "expected success, got {:?}\nstderr:\n{}",
        o.status.code(),
        stderr(&o)
    );
    String::from_utf8(o.stdout).expect("stdout is UTF-8")
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The result format to compare a query's answers in: TSV for SELECT and ASK, N-Triples for
/// CONSTRUCT and DESCRIBE.
pub fn format_of(query: &Path) -> &'static str {
    let text = std::fs::read_to_string(query).expect("query file");
    let graph = text.lines().any(|l| {
        let l = l.trim_start().to_ascii_uppercase();
        l.starts_with("CONSTRUCT") || l.starts_with("DESCRIBE")
    });
    if graph { "ntriples" } else { "tsv" }
}

pub fn sorted_lines(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text.lines().collect();
    v.sort_unstable();
    v
}
