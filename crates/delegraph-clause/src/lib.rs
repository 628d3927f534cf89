//! German clause analysis for delegraph, the layer between tokens and events.
//!
//! For every token a part of speech and, for verbs, a lemma ([`tag`]); noun and prepositional
//! phrases with the cases their article allows ([`chunk`]); clauses — main, subordinate,
//! relative, infinitive, coordinated — with their verb group (lemma with its separable
//! particle, tense, mood, voice, modal) and their subject ([`clause`]).
//!
//! *Parsing never fails*: every token sequence gets an analysis. Where the grammar is unclear
//! the analysis says less (no subject, no lemma), never something it cannot see.
//!
//! ```
//! use delegraph_clause::{analyze, Tense, Voice};
//! use delegraph_text::{split_sentences, tokenize};
//! let text = "Die Gäste wurden am Montag von der Bürgermeisterin empfangen.";
//! let toks = tokenize(text);
//! let sents = split_sentences(text, &toks);
//! let a = analyze(text, &toks, &sents, &[]);
//! let c = &a.clauses[0];
//! assert_eq!(c.lemma.as_deref(), Some("empfangen"));
//! assert_eq!((c.tense, c.voice), (Tense::Past, Voice::Passive));
//! assert_eq!(a.text_of(c.subject.clone().unwrap(), text), "Die Gäste");
//! ```

pub mod chunk;
pub mod clause;
pub mod lexicon;
pub mod tag;

use delegraph_text::Token;
use std::ops::Range;

pub use chunk::{Cases, Chunk, ChunkKind};
pub use clause::{Clause, ClauseKind, Mood, Tense, Voice};
pub use tag::{Pos, Tagged};

/// The analysis of one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// One tag per token.
    pub tags: Vec<Tagged>,
    /// Noun and prepositional phrases, in text order.
    pub chunks: Vec<Chunk>,
    /// Clauses of all sentences, in text order of their first token.
    pub clauses: Vec<Clause>,
    /// For each token, the clause it belongs to (punctuation between clauses: the one before).
    pub clause_of: Vec<usize>,
    /// For each token, the chunk it belongs to, if any.
    pub chunk_of: Vec<Option<usize>>,
    tok_bytes: Vec<Range<usize>>,
}

impl Analysis {
    /// The text of a token range.
    pub fn text_of<'a>(&self, r: Range<usize>, text: &'a str) -> &'a str {
        if r.is_empty() || r.end > self.tok_bytes.len() {
            return "";
        }
        &text[self.tok_bytes[r.start].start..self.tok_bytes[r.end - 1].end]
    }

    /// The clause a token belongs to.
    pub fn clause_at(&self, tok: usize) -> Option<&Clause> {
        self.clause_of.get(tok).map(|&c| &self.clauses[c])
    }

    /// The chunk a token belongs to.
    pub fn chunk_at(&self, tok: usize) -> Option<&Chunk> {
        self.chunk_of
            .get(tok)
            .copied()
            .flatten()
            .map(|c| &self.chunks[c])
    }
}

/// Analyzes the sentences of a text. `atoms` are token ranges recognized as names (persons,
/// places, organizations): each is one noun-phrase head, never split.
pub fn analyze(
    text: &str,
    toks: &[Token],
    sents: &[Range<usize>],
    atoms: &[Range<usize>],
) -> Analysis {
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    debug_assert!(sents.iter().all(|s| s.end <= toks.len()));
    let mut atom_at: Vec<Option<usize>> = vec![None; toks.len()];
    for r in atoms {
        if r.end <= toks.len() && atom_at[r.start].is_none_or(|e| e < r.end) {
            atom_at[r.start] = Some(r.end);
        }
    }
    let tags = tag::tag(&words, toks, sents, &atom_at);
    let mut a = Analysis {
        tags,
        clause_of: vec![0; toks.len()],
        chunk_of: vec![None; toks.len()],
        tok_bytes: toks.iter().map(|t| t.start..t.end).collect(),
        ..Default::default()
    };
    for (si, s) in sents.iter().enumerate() {
        if s.is_empty() || s.end > toks.len() {
            continue;
        }
        clause::analyze_sentence(&mut a, si, s.clone(), &atom_at);
    }
    a
}

#[cfg(test)]
mod tests;
