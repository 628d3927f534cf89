//! Property tests of the money parser and the sentence splitter on arbitrary and German-like
//! text: they never panic, spans lie on char boundaries inside the text, amounts are finite,
//! and sentences cover the tokens in order, none longer than the limit.

use delegraph_text::money::find_money;
use delegraph_text::sentence::MAX_SENTENCE_TOKENS;
use delegraph_text::{split_sentences, tokenize};
use proptest::prelude::*;

/// Fragments money and sentence rules look at, glued in any order.
fn glued() -> impl Strategy<Value = String> {
    let parts = prop::sample::select(vec![
        "12.500 Euro",
        "1,5 Mio. Euro",
        "€ 300",
        "EUR 4.000,50",
        "rund 2 Millionen Euro",
        "Dr.",
        "z. B.",
        "am 3. Mai",
        "Er sagte: „Gut.“",
        "\n",
        "\n\n",
        " ",
        ",",
        ".",
        "Kosten",
        "-",
        "99999999999999999999 Euro",
        "0,",
        "Mio.",
        "Tsd.",
        "€",
        "ß",
        "e\u{301}",
    ]);
    prop::collection::vec(parts, 0..60).prop_map(|v| v.concat())
}

fn check_money(text: &str) -> Result<(), TestCaseError> {
    for m in find_money(text) {
        prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        prop_assert!(
            m.euros.is_finite() && m.euros >= 0.0,
            "{} in {text:?}",
            m.euros
        );
    }
    Ok(())
}

fn check_sentences(text: &str) -> Result<(), TestCaseError> {
    let toks = tokenize(text);
    let sents = split_sentences(text, &toks);
    let mut next = 0;
    for s in &sents {
        prop_assert_eq!(s.start, next, "sentences cover the tokens in order");
        prop_assert!(s.end > s.start && s.len() <= MAX_SENTENCE_TOKENS);
        next = s.end;
    }
    prop_assert_eq!(next, toks.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn money_on_arbitrary_text(text in any::<String>()) {
        check_money(&text)?;
    }

    #[test]
    fn money_on_glued_fragments(text in glued()) {
        check_money(&text)?;
    }

    #[test]
    fn sentences_on_arbitrary_text(text in any::<String>()) {
        check_sentences(&text)?;
    }

    #[test]
    fn sentences_on_glued_fragments(text in glued()) {
        check_sentences(&text)?;
    }

    #[test]
    fn long_runs_are_cut(word in "[a-zäöü]{1,8}", n in 300usize..1200, comma in any::<bool>()) {
        let sep = if comma { ", " } else { " " };
        check_sentences(&format!("{word}{sep}").repeat(n))?;
    }
}
