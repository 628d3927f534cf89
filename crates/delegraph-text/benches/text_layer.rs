//! Throughput of the text layer (normalization, tokens, sentences) against a bare Unicode word
//! pass over the same bytes, the floor any UAX #29 tokenizer pays.
//!
//! Run with `cargo bench -p delegraph-text --bench text_layer`.

#[path = "support/corpus.rs"]
mod corpus;

use delegraph_text::{normalize, split_sentences, tokenize};
use divan::counter::BytesCount;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Over 5 MB, so per-call overheads vanish and caches do not hold it all.
static TEXT: LazyLock<String> = LazyLock::new(|| corpus::german_text(5 * 1024 * 1024 + 1));

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn text_layer(bencher: divan::Bencher) {
    let text = TEXT.as_str();
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        let (norm, map) = normalize(text);
        let tokens = tokenize(&norm);
        let sentences = split_sentences(&norm, &tokens);
        (map.anchor_count(), tokens.len(), sentences.len())
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn normalize_only(bencher: divan::Bencher) {
    let text = TEXT.as_str();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| normalize(text).1.anchor_count());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn bare_unicode_words(bencher: divan::Bencher) {
    let text = TEXT.as_str();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| text.unicode_words().count());
}
