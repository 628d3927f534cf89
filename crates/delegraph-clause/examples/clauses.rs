//! Prints the clause analysis of a text file: `cargo run -p delegraph-clause --example clauses FILE`.

use delegraph_clause::analyze;
use delegraph_text::{split_sentences, tokenize};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clauses FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let toks = tokenize(&text);
    let sents = split_sentences(&text, &toks);
    let a = analyze(&text, &toks, &sents, &[]);
    for c in &a.clauses {
        let segs: Vec<&str> = c.segs.iter().map(|r| a.text_of(r.clone(), &text)).collect();
        println!(
            "[{}] {:?} {:?} {:?}/{:?}/{:?} modal={:?} neg={} subj={:?}\n    {}",
            c.sentence,
            c.kind,
            c.lemma,
            c.tense,
            c.mood,
            c.voice,
            c.modal,
            c.negated,
            c.subject.clone().map(|r| a.text_of(r, &text)),
            segs.join(" | ")
        );
        for ch in &a.chunks[c.chunks.clone()] {
            println!(
                "      {:?} {:?} {}",
                ch.kind,
                ch.prep,
                a.text_of(ch.range.clone(), &text)
            );
        }
    }
}
