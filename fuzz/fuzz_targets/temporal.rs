//! Arbitrary text through the date, money and sentence rules: no panic, every span on char
//! boundaries inside the text, amounts finite, sentences tiling the tokens in order.
#![no_main]

use delegraph_text::money::find_money;
use delegraph_text::temporal::{find_time_expressions, parse_publication_date};
use delegraph_text::{PartialDate, split_sentences, tokenize};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;

fn inside(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} inside a char: {:?}",
        text.get(span.start.saturating_sub(8).min(text.len())..)
            .map(|s| s.chars().take(24).collect::<String>())
    );
}

fuzz_target!(|text: &str| {
    for anchor in [None, PartialDate::ymd(2024, 2, 29)] {
        for t in find_time_expressions(text, anchor) {
            inside(text, &t.span, "time expression");
        }
    }
    for line in text.lines() {
        let _ = parse_publication_date(line);
    }
    for m in find_money(text) {
        inside(text, &m.span, "money");
        assert!(m.euros.is_finite() && m.euros >= 0.0, "{}", m.euros);
    }
    let tokens = tokenize(text);
    for t in &tokens {
        inside(text, &(t.start..t.end), "token");
    }
    // Sentences are ranges of token indices that tile the tokens in order.
    let mut next = 0;
    for s in split_sentences(text, &tokens) {
        assert!(
            s.start == next && s.start < s.end && s.end <= tokens.len(),
            "sentence {s:?}"
        );
        inside(
            text,
            &(tokens[s.start].start..tokens[s.end - 1].end),
            "sentence",
        );
        next = s.end;
    }
    assert_eq!(next, tokens.len(), "sentences cover every token");
});
