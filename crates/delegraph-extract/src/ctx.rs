//! The per-document working view the rules share: tokens, sentences and small word tests.

use crate::lexicon::{BOILERPLATE_CUES, FUNCTION_WORDS};
use delegraph_text::{Shape, Token, TokenKind, shape, split_sentences, tokenize};
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// Token texts.
    pub w: Vec<&'a str>,
    /// Sentences as token ranges.
    pub sents: Vec<Range<usize>>,
    /// Sentence index of each token.
    pub sent_of: Vec<usize>,
    /// Sentences that are credits, contact blocks or navigation.
    pub boiler: Vec<bool>,
    /// Per token: a capitalized or all-caps word; a function word. The rules ask both of every
    /// token many times; each answer cost a lowercased copy and a scan of a word list.
    cap: Vec<bool>,
    function: Vec<bool>,
    /// Per token: its lowercase form, made once (the rules lowercase tokens millions of times
    /// per thousand documents).
    lowered: Vec<String>,
}

/// The words of each boilerplate cue, split once.
static BOILERPLATE_CUE_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    BOILERPLATE_CUES
        .iter()
        .map(|c| c.split(' ').collect())
        .collect()
});

/// Credits, contact blocks and link lists: a cue at the start of the sentence, or anywhere in a
/// short one ("Bild: …", "Kontakt …", "Tel.: …"). Long prose that merely contains "Kontakt" is
/// not boilerplate.
fn is_boilerplate(text: &str, toks: &[Token]) -> bool {
    if toks.is_empty() {
        return false;
    }
    let sentence = &text[toks[0].start..toks[toks.len() - 1].end];
    let head_end = toks
        .get(4)
        .map_or(sentence.len(), |t| t.start - toks[0].start);
    let head = &sentence[..head_end.min(sentence.len())];
    let short = toks.len() < 30;
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let word_cue = |cue_words: &[&str]| words.windows(cue_words.len()).any(|w| w == cue_words);
    let starts_with_cue = |cue_words: &[&str]| {
        words.len() >= cue_words.len() && words[..cue_words.len()] == cue_words[..]
    };
    BOILERPLATE_CUES
        .iter()
        .zip(BOILERPLATE_CUE_WORDS.iter())
        .any(|(c, cue_words)| {
            if c.contains(':') || c.contains('©') {
                head.contains(c) || (short && sentence.contains(c))
            } else {
                starts_with_cue(cue_words) || (short && word_cue(cue_words))
            }
        })
        || (short && (sentence.contains("http://") || sentence.contains("https://")))
}

/// The function words as a set: every token is asked once, and a scan of the 115-word list
/// cost hundreds of instructions a token.
static FUNCTION_WORD_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

fn is_function_word(lowered: &str) -> bool {
    FUNCTION_WORD_SET.contains(lowered)
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str) -> Self {
        let toks = tokenize(text);
        let w: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let sents = split_sentences(text, &toks);
        let mut sent_of = vec![0; toks.len()];
        for (si, r) in sents.iter().enumerate() {
            for s in &mut sent_of[r.clone()] {
                *s = si;
            }
        }
        let boiler = sents
            .iter()
            .map(|r| is_boilerplate(text, &toks[r.clone()]))
            .collect();
        let cap = toks
            .iter()
            .zip(&w)
            .map(|(t, w)| {
                t.kind == TokenKind::Word && matches!(shape(w), Shape::Capitalized | Shape::AllCaps)
            })
            .collect();
        let lowered: Vec<String> = w.iter().map(|w| w.to_lowercase()).collect();
        let function = lowered.iter().map(|l| is_function_word(l)).collect();
        Ctx {
            text,
            toks,
            w,
            sents,
            sent_of,
            boiler,
            cap,
            function,
            lowered,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Byte span of a token range.
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.toks[r.start].start..self.toks[r.end - 1].end
    }

    /// The text of a token range as written, with whitespace collapsed to single spaces.
    pub fn surface(&self, r: Range<usize>) -> String {
        let mut s = String::new();
        for i in r.clone() {
            if i > r.start && self.toks[i].space_before {
                s.push(' ');
            }
            s.push_str(self.w[i]);
        }
        s
    }

    pub fn sentence_span(&self, si: usize) -> Range<usize> {
        self.span(self.sents[si].clone())
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.w.get(i).copied().unwrap_or("")
    }

    /// The lowercase forms of a token range, borrowed (the rules ask for a sentence's words
    /// many times; copying them cost a tenth of extraction's allocations).
    pub fn lowered(&self, r: Range<usize>) -> &[String] {
        &self.lowered[r]
    }

    pub fn lower(&self, i: usize) -> String {
        self.lowered.get(i).cloned().unwrap_or_default()
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.toks[i].kind == TokenKind::Word
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.cap.get(i).copied().unwrap_or(false)
    }

    pub fn is_function(&self, i: usize) -> bool {
        match self.function.get(i) {
            Some(f) => *f,
            None => is_function_word(""),
        }
    }

    /// Same sentence?
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        a < self.len() && b < self.len() && self.sent_of[a] == self.sent_of[b]
    }

    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sents[self.sent_of[i]].start == i
            || (i > 0 && matches!(self.w[i - 1], "„" | "\"" | "“" | "»" | "(" | ":" | "–"))
    }

    /// Token index whose span contains byte `b`, if any.
    pub fn token_at_byte(&self, b: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end <= b);
        (i < self.len() && self.toks[i].start <= b).then_some(i)
    }
}
