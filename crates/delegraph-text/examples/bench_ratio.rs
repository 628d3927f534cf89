//! Times the text layer (normalization + tokens + sentences) and a bare `unicode_words` pass
//! over the same 5 MB of German text in one process, and prints the throughput ratio.
//!
//! `cargo run --release -p delegraph-text --example bench_ratio [MB]`; the goal is a ratio of
//! at least 0.5, i.e. the text layer costs at most twice the bare word pass.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use delegraph_text::{normalize, split_sentences, tokenize};
use std::hint::black_box;
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// Runs each job `runs` times, interleaved so that load from elsewhere on the machine hits all
/// of them alike, and keeps each job's fastest time: the least disturbed one.
fn best_of<const N: usize>(
    runs: usize,
    jobs: &mut [&mut dyn FnMut() -> usize; N],
) -> [Duration; N] {
    let mut best = [Duration::MAX; N];
    for _ in 0..runs {
        for (job, best) in jobs.iter_mut().zip(&mut best) {
            let t = Instant::now();
            black_box(job());
            *best = (*best).min(t.elapsed());
        }
    }
    best
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let text = corpus::german_text(mb * 1024 * 1024);
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    let runs = 9;
    let [bare, layer, norm] = best_of(
        runs,
        &mut [
            &mut || black_box(text.as_str()).unicode_words().count(),
            &mut || {
                let (norm, map) = normalize(black_box(&text));
                let tokens = tokenize(&norm);
                split_sentences(&norm, &tokens).len() + tokens.len() + map.anchor_count()
            },
            &mut || normalize(black_box(&text)).1.anchor_count(),
        ],
    );
    let tp = |d: Duration| mib / d.as_secs_f64();
    println!("text: {mib:.1} MiB, best of {runs} runs");
    println!("bare unicode_words:            {:8.1} MiB/s", tp(bare));
    println!("normalize:                     {:8.1} MiB/s", tp(norm));
    println!("normalize+tokenize+sentences:  {:8.1} MiB/s", tp(layer));
    println!(
        "ratio (text layer / bare pass): {:.2}",
        tp(layer) / tp(bare)
    );
}
