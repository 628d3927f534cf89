//! Recognition throughput as a ratio to a bare tokenization pass over the same text.
//!
//! `cargo run --release -p delegraph-extract --example recognition_ratio -- DIR...` reads every
//! `.txt` file below the given directories (default: `seeds/`), extracts each document several
//! times and prints both throughputs and their ratio, measured in one process so that machine
//! noise affects both alike.

use std::time::Instant;

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let mut dirs: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    if dirs.is_empty() {
        dirs.push("seeds".into());
    }
    let mut paths = Vec::new();
    for d in &dirs {
        files(d, &mut paths);
    }
    let docs: Vec<delegraph_text::Document> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            delegraph_text::load("d.txt", "d.txt", &bytes, delegraph_text::Format::Text).ok()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    assert!(bytes > 0, "no documents found in {dirs:?}");
    // Warm the lexicons once; their loading is start-up cost, not throughput.
    let _ = delegraph_extract::extract(&docs[0]);
    let rounds = (2_000_000 / bytes).max(3);
    let t0 = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            n += delegraph_text::tokenize(&d.text).len();
        }
    }
    let bare = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let mut m = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            m += delegraph_extract::extract(d).persons.len();
        }
    }
    let full = t1.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "documents {}  bytes {}  rounds {rounds}  (tokens {n}, persons {m})",
        docs.len(),
        bytes
    );
    println!("tokenize   {:8.2} MB/s", mb / bare);
    println!("extract    {:8.2} MB/s", mb / full);
    println!("ratio extract/tokenize {:.3}", bare / full);
}
