//! The pipeline fingerprint: a hash of every source and data file that decides what a document
//! becomes in the store (text layer, model, gazetteer, clause analysis, extraction, linking, RDF
//! mapping, ontology, locked dependency versions). A store built by another pipeline re-extracts its documents
//! instead of trusting cached facts and graphs.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &[
    "../delegraph-text",
    "../delegraph-model",
    "../delegraph-gazetteer",
    "../delegraph-clause",
    "../delegraph-extract",
    "../delegraph-link",
    "../delegraph-rdf",
    "../../ontology",
    "../../Cargo.lock",
];

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            // Test data and benchmarks do not change what a build stores.
            let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !matches!(
                name,
                "tests" | "benches" | "examples" | "test_data" | "target"
            ) {
                walk(&e, out);
            }
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for i in INPUTS {
        let p = root.join(i);
        println!("cargo:rerun-if-changed={}", p.display());
        walk(&p, &mut files);
    }
    let mut h = DefaultHasher::new();
    for f in &files {
        h.write(
            f.strip_prefix(&root)
                .unwrap_or(f)
                .to_string_lossy()
                .as_bytes(),
        );
        h.write(&std::fs::read(f).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=DELEGRAPH_PIPELINE={}-{:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
        h.finish()
    );
}
