//! Parts of speech and verb lemmas, one tag per token, from the lexicons and the word's shape.

use crate::lexicon::{
    self, ARTICLES, CONTRACTIONS, COORDINATORS, DETERMINER_STEMS, NEGATIONS, PARTICLES,
    PREPOSITIONS, PRONOUNS, SUBORDINATORS, VerbReading, feat,
};
use delegraph_gazetteer::words::is_common_noun;
use delegraph_text::{Token, TokenKind};
use std::ops::Range;

/// Coarse parts of speech (close to STTS, fewer distinctions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Article or determiner ("der", "eine", "seine", "diese").
    Det,
    /// Preposition ("nach", "mit").
    Prep,
    /// Preposition fused with an article ("im", "zum").
    PrepDet,
    /// Coordinating conjunction ("und", "sowie").
    Conj,
    /// Subordinating conjunction ("dass", "nachdem").
    Subord,
    /// Personal or reflexive pronoun.
    Pron,
    /// Verb form (lexical, auxiliary or modal; see [`Tagged::verb`]).
    Verb,
    /// Noun (capitalized common word).
    Noun,
    /// Name: a recognized entity or a capitalized word the noun list does not know.
    Name,
    /// Other lowercase word: adjective, adverb, particle.
    Word,
    Num,
    Neg,
    Punct,
}

/// The tag of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub pos: Pos,
    /// Lowercased form.
    pub lower: String,
    /// Verb readings ("reisen": present plural or infinitive of "reisen").
    pub verb: &'static [VerbReading],
    /// Whether the word can be a separable particle at the end of a clause.
    pub particle: bool,
}

impl Tagged {
    /// Whether some reading has any of `bits`.
    pub fn has(&self, bits: u16) -> bool {
        self.verb.iter().any(|r| r.feats & bits != 0)
    }

    /// The lemma of the first reading with any of `bits`.
    pub fn lemma_with(&self, bits: u16) -> Option<&'static str> {
        self.verb
            .iter()
            .find(|r| r.feats & bits != 0)
            .map(|r| r.lemma)
    }

    pub fn is_finite(&self) -> bool {
        self.pos == Pos::Verb && self.has(feat::FINITE)
    }

    /// Whether a reading has this lemma.
    pub fn is_lemma(&self, lemma: &str) -> bool {
        self.verb.iter().any(|r| r.lemma == lemma)
    }
}

/// Tags every token. A token inside an atom is a name; a capitalized word is a verb only at
/// the start of a sentence and when no noun reads it ("Unterzeichnet wurde …").
pub(crate) fn tag(
    words: &[&str],
    toks: &[Token],
    sents: &[Range<usize>],
    atom_at: &[Option<usize>],
) -> Vec<Tagged> {
    let mut in_atom = vec![false; words.len()];
    for (i, e) in atom_at.iter().enumerate() {
        if let Some(e) = e {
            in_atom[i..*e].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut starts = vec![false; words.len()];
    for s in sents {
        if s.start < starts.len() {
            starts[s.start] = true;
        }
    }
    let mut tags: Vec<Tagged> = (0..words.len())
        .map(|i| {
            let prev_opens =
                i > 0 && matches!(words[i - 1], "„" | "\"" | "“" | "»" | "(" | ":" | "–");
            tag_one(words[i], toks[i].kind, in_atom[i], starts[i] || prev_opens)
        })
        .collect();
    // "unter anderem", "unter anderen": an adverb, not a phrase.
    for i in 1..tags.len() {
        if tags[i - 1].lower == "unter" && matches!(tags[i].lower.as_str(), "anderem" | "anderen") {
            tags[i - 1].pos = Pos::Word;
            tags[i].pos = Pos::Word;
        }
    }
    // "sein" and "ihr" determine a noun phrase only when one follows ("sein Amtskollege"); else
    // they are the verb ("wird … gewesen sein") and the pronoun.
    for i in 0..tags.len() {
        let next_nominal = tags
            .get(i + 1)
            .is_some_and(|n| matches!(n.pos, Pos::Noun | Pos::Name | Pos::Word | Pos::Num));
        if tags[i].pos == Pos::Det && !next_nominal {
            if !tags[i].verb.is_empty() {
                tags[i].pos = Pos::Verb;
            } else if tags[i].lower == "ihr" {
                tags[i].pos = Pos::Pron;
            }
        }
    }
    tags
}

fn tag_one(w: &str, kind: TokenKind, atom: bool, sentence_start: bool) -> Tagged {
    let lower = w.to_lowercase();
    let mut t = Tagged {
        pos: Pos::Word,
        lower,
        verb: &[],
        particle: false,
    };
    match kind {
        TokenKind::Punct => {
            t.pos = Pos::Punct;
            return t;
        }
        TokenKind::Number => {
            t.pos = Pos::Num;
            return t;
        }
        TokenKind::Word => {}
    }
    if atom {
        t.pos = Pos::Name;
        return t;
    }
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    if sentence_start && lexicon::ADVERBS.contains(&t.lower.as_str()) {
        return t;
    }
    if capital && !sentence_start {
        t.pos = if is_common_noun(w) || is_common_noun(w.trim_end_matches('s')) {
            Pos::Noun
        } else {
            Pos::Name
        };
        return t;
    }
    let l = t.lower.as_str();
    t.particle = PARTICLES.contains(&l);
    t.pos = if ARTICLES.contains(&l) || is_determiner(l) {
        Pos::Det
    } else if CONTRACTIONS.iter().any(|(c, _)| *c == l) {
        Pos::PrepDet
    } else if PREPOSITIONS.contains(&l) {
        Pos::Prep
    } else if COORDINATORS.contains(&l) {
        Pos::Conj
    } else if PRONOUNS.iter().any(|(p, _)| *p == l) && l != "ihr" {
        Pos::Pron
    } else if NEGATIONS.contains(&l) {
        Pos::Neg
    } else if SUBORDINATORS.contains(&l) {
        Pos::Subord
    } else if lexicon::NUMBER_WORDS.contains(&l) || lexicon::is_ordinal(l) {
        Pos::Num
    } else {
        Pos::Word
    };
    // Lowercase words may be verbs; capitalized ones only at a sentence start when no noun
    // reading exists.
    if matches!(t.pos, Pos::Word) && (!capital || !is_common_noun(w)) {
        t.verb = lexicon::verb_readings(l);
        if !t.verb.is_empty() {
            t.pos = Pos::Verb;
        }
    }
    if capital && t.pos == Pos::Word {
        t.pos = if is_common_noun(w) {
            Pos::Noun
        } else {
            Pos::Name
        };
    }
    // "sein" is a determiner and a verb; the tagger's second pass decides by what follows.
    if t.pos == Pos::Det && l == "sein" {
        t.verb = lexicon::verb_readings(l);
    }
    t
}

fn is_determiner(l: &str) -> bool {
    DETERMINER_STEMS.iter().any(|s| {
        l.strip_prefix(s)
            .is_some_and(|rest| matches!(rest, "" | "e" | "en" | "em" | "er" | "es"))
    }) && !matches!(
        l,
        "jen" | "jed" | "all" | "beid" | "welch" | "manch" | "dies"
    )
}
