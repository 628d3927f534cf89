//! `delegraph-bench`: the measuring half of `tools/bench.sh` (which times whole `delegraph`
//! processes and their peak memory). Every figure is printed next to a baseline measured in
//! the same run, so that a noisy machine changes both alike.
//!
//! - `generate --docs N --seed S --out DIR`: N seeded German articles;
//! - `extraction DIR…`: extraction throughput as a ratio to a bare tokenization pass, on one
//!   thread and on all;
//! - `queries --store DIR FILE.rq…`: latency of each query on an opened store.

mod articles;

use clap::{Parser, Subcommand};
use delegraph_rdf::QueryOutput;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "delegraph-bench",
    about = "Benchmarks of delegraph (see tools/bench.sh)"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes N seeded articles to DIR (files article_<seed>_<index>.txt).
    Generate {
        #[arg(long)]
        docs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Index of the first article (to add articles to an existing set).
        #[arg(long, default_value_t = 0)]
        first: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Extraction throughput over the .txt files below DIRs, as a ratio to tokenization.
    Extraction { dirs: Vec<PathBuf> },
    /// Latency of each query on the store (opened once; each query run --runs times).
    Queries {
        #[arg(long)]
        store: PathBuf,
        /// Also writes each query's evaluated plan with rows and times (oxigraph's explanation,
        /// JSON) to DIR/<query>.json.
        #[arg(long, value_name = "DIR")]
        explain: Option<PathBuf>,
        /// Runs per query (the median is reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        queries: Vec<PathBuf>,
    },
}

fn main() {
    match Args::parse().command {
        Command::Generate {
            docs,
            seed,
            first,
            out,
        } => generate(docs, seed, first, &out),
        Command::Extraction { dirs } => extraction(&dirs),
        Command::Queries {
            store,
            explain,
            runs,
            queries,
        } => latency(&store, &queries, explain.as_deref(), runs.max(1)),
    }
}

fn generate(n: usize, seed: u64, first: usize, out: &Path) {
    std::fs::create_dir_all(out).expect("output directory");
    let v = articles::Vocabulary::load();
    let bytes: usize = (first..first + n)
        .into_par_iter()
        .map(|i| {
            let (name, text) = v.article(seed, i);
            std::fs::write(out.join(name), &text).expect("write article");
            text.len()
        })
        .sum();
    eprintln!(
        "generated {n} articles ({:.1} MB) in {}",
        bytes as f64 / 1e6,
        out.display()
    );
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            text_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn extraction(dirs: &[PathBuf]) {
    let mut paths = Vec::new();
    for d in dirs {
        text_files(d, &mut paths);
    }
    let docs: Vec<delegraph_text::Document> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let name = p.file_name()?.to_string_lossy();
            delegraph_text::load(&name, &name, &bytes, delegraph_text::Format::Text).ok()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    assert!(bytes > 0, "no documents in {dirs:?}");
    let mb = bytes as f64 / 1e6;
    // Lexicons load once: start-up, not throughput.
    let _ = delegraph_extract::extract(&docs[0]);
    let t = Instant::now();
    let tokens: usize = docs
        .iter()
        .map(|d| delegraph_text::tokenize(&d.text).len())
        .sum();
    let tokenize = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let one: usize = docs
        .iter()
        .map(|d| delegraph_extract::extract(d).persons.len())
        .sum();
    let single = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let all: usize = docs
        .par_iter()
        .map(|d| delegraph_extract::extract(d).persons.len())
        .sum();
    let parallel = t.elapsed().as_secs_f64();
    assert_eq!(
        one, all,
        "parallel extraction finds what serial extraction finds"
    );
    println!(
        "documents {}  text {mb:.2} MB  tokens {tokens}  persons {one}",
        docs.len()
    );
    println!("tokenize_mb_s {:.2}", mb / tokenize);
    println!("extract_1_thread_mb_s {:.2}", mb / single);
    println!(
        "extract_{}_threads_mb_s {:.2}",
        rayon::current_num_threads(),
        mb / parallel
    );
    println!(
        "ratio_extract_1_thread_to_tokenize {:.4}",
        tokenize / single
    );
    println!(
        "ratio_extract_all_threads_to_tokenize {:.4}",
        tokenize / parallel
    );
}

fn latency(store: &Path, queries: &[PathBuf], explain: Option<&Path>, runs: usize) {
    let t = Instant::now();
    let reader = delegraph_store::StoreDir::new(store)
        .open_reader()
        .expect("the store opens");
    println!(
        "open_store_ms {:.1}  documents {}  quads {}",
        t.elapsed().as_secs_f64() * 1e3,
        reader.manifest.documents.len(),
        reader.manifest.quads()
    );
    for q in queries {
        let text = std::fs::read_to_string(q).expect("query file");
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let c = thread_cpu_ns();
            let out = reader.graph.query(&text).expect("the query runs");
            times.push(t.elapsed().as_secs_f64() * 1e3);
            cpu.push(thread_cpu_ns().zip(c).map(|(b, a)| (b - a) as f64 / 1e6));
            rows = match out {
                QueryOutput::Solutions { rows, .. } => rows.len(),
                QueryOutput::Boolean(_) => 1,
                QueryOutput::Graph(t) => t.len(),
            };
        }
        let first = times[0];
        times.sort_by(f64::total_cmp);
        let mut cpu: Vec<f64> = cpu.into_iter().flatten().collect();
        cpu.sort_by(f64::total_cmp);
        let cpu = cpu
            .get(cpu.len() / 2)
            .map_or_else(|| "?".to_string(), |c| format!("{c:.1}"));
        println!(
            "query {:<28} first_ms {first:8.1}  median_ms {:8.1}  cpu_ms {cpu:>8}  rows {rows}",
            q.file_name().unwrap_or_default().to_string_lossy(),
            times[runs / 2]
        );
        if let Some(dir) = explain {
            std::fs::create_dir_all(dir).expect("explanation directory");
            let plan = reader.graph.explain(&text).expect("the query runs");
            let name = q.file_stem().unwrap_or_default().to_string_lossy();
            std::fs::write(dir.join(format!("{name}.json")), plan).expect("write explanation");
        }
    }
}

/// CPU time of the calling thread in nanoseconds (Linux: the first field of
/// /proc/thread-self/schedstat). A query runs on the calling thread, so this is its cost without
/// the time other processes on a loaded machine took from it; None where the file is missing.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
