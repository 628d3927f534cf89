//! German number words ("drei", "fünf", "zwölf", "zwanzig", "fünfundzwanzig", "dritten") and the
//! small lexer shared by the temporal and money scanners.
//!
//! The lexer is deliberately simpler than [`crate::token::tokenize`]: digit runs, letter runs and
//! single other characters, each with its byte span. Date and money patterns care about exact
//! adjacency ("13.05.2024" against "13. 05."), which hyphen-merging tokenizers hide.

use std::borrow::Cow;

/// Folds a word for table look-ups: lowercase, umlauts and ß spelled out ("Fünf" → "fuenf"), so
/// tables need one ASCII spelling and the ASCII transliterations found in old texts match too.
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b < 0x80)
    {
        return Cow::Borrowed(word);
    }
    if word.is_ascii() {
        return Cow::Owned(word.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// Units and teens with their own words; "ein" is the form used inside compounds.
const SMALL: &[(&str, u32)] = &[
    ("null", 0),
    ("ein", 1),
    ("eins", 1),
    ("eine", 1),
    ("einen", 1),
    ("einem", 1),
    ("einer", 1),
    ("eines", 1),
    ("zwei", 2),
    ("zwo", 2),
    ("drei", 3),
    ("vier", 4),
    ("fuenf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwoelf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fuenfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];

const TENS: &[(&str, u32)] = &[
    ("zwanzig", 20),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fuenfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

fn lookup(table: &[(&str, u32)], s: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == s).map(|&(_, v)| v)
}

/// 1..=9 as the first member of a compound ("ein" in "einundzwanzig", "zwei" in "zweihundert").
fn unit(s: &str) -> Option<u32> {
    let inflected_ein = s.starts_with("ein") && s != "ein";
    lookup(SMALL, s).filter(|v| (1..=9).contains(v) && !inflected_ein)
}

fn below_hundred(s: &str) -> Option<u32> {
    if let Some(v) = lookup(SMALL, s).or_else(|| lookup(TENS, s)) {
        return Some(v);
    }
    let (u, t) = s.split_once("und")?;
    Some(unit(u)? + lookup(TENS, t)?)
}

fn below_thousand(s: &str) -> Option<u32> {
    match s.split_once("hundert") {
        Some((a, rest)) => {
            let mult = if a.is_empty() { 1 } else { unit(a)? };
            let rest = rest.strip_prefix("und").unwrap_or(rest);
            let r = if rest.is_empty() {
                0
            } else {
                below_hundred(rest)?
            };
            Some(mult * 100 + r)
        }
        None => below_hundred(s),
    }
}

fn cardinal_folded(s: &str) -> Option<u32> {
    if s.is_empty() || !s.is_ascii() {
        return None;
    }
    match s.split_once("tausend") {
        Some((a, rest)) => {
            let mult = if a.is_empty() { 1 } else { below_thousand(a)? };
            let rest = rest.strip_prefix("und").unwrap_or(rest);
            let r = if rest.is_empty() {
                0
            } else {
                below_thousand(rest)?
            };
            Some(mult * 1000 + r)
        }
        None => below_thousand(s),
    }
}

/// The value of a German cardinal number word, case-insensitive.
///
/// Covers "null" to "neunhundertneunundneunzigtausend…" as single words, the inflected forms of
/// "ein" ("eine", "einem", …) and spellings without umlauts ("fuenf", "dreissig").
/// Ordinals are not cardinals: see [`ordinal_word`].
pub fn number_word(word: &str) -> Option<u32> {
    cardinal_folded(&fold(word.trim()))
}

/// The value of a German ordinal number word in any inflection ("erste", "dritten",
/// "zwanzigsten", "fünfundzwanzigstes"), case-insensitive.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let w = fold(word.trim());
    let w = w.as_ref();
    // Strip the adjective ending first: the stem then ends in "t" (< 20) or "st" (≥ 20).
    let stem = ["e", "en", "em", "er", "es"]
        .iter()
        .find_map(|e| w.strip_suffix(e))?;
    match stem {
        "erst" => return Some(1),
        "dritt" => return Some(3),
        "siebt" | "siebent" => return Some(7),
        "acht" => return Some(8),
        _ => {}
    }
    if let Some(base) = stem.strip_suffix("st")
        && let Some(v) = cardinal_folded(base).filter(|&v| v >= 20)
    {
        return Some(v);
    }
    let base = stem.strip_suffix('t')?;
    cardinal_folded(base).filter(|&v| (2..20).contains(&v) && v != 3 && v != 7 && v != 8)
}

/// Coarse class of a lexer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters.
    Word,
    /// Any other single non-space character.
    Punct,
}

/// A lexer token: byte span, class, folded form (for words) and numeric value (for digit runs).
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: &'a str,
    /// `fold(text)` for words, `text` otherwise.
    pub key: Cow<'a, str>,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether that whitespace holds a line break.
    pub newline_before: bool,
    /// Value of a digit run, saturating.
    pub value: u64,
}

impl Tok<'_> {
    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Number of digits of a digit run.
    pub fn digits(&self) -> usize {
        if self.is_num() {
            self.end - self.start
        } else {
            0
        }
    }

    pub fn capitalized(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    // Combining marks keep decomposed umlauts ("u" + U+0308) inside their word.
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Cuts `text` into digit runs, letter runs and single other characters; whitespace is dropped.
pub(crate) fn lex(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut space = false;
    let mut newline = false;
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n';
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if is_word_char(c) {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(p, c2)) = it.peek() {
                let same = if kind == Kind::Num {
                    c2.is_ascii_digit()
                } else {
                    is_word_char(c2)
                };
                if !same {
                    break;
                }
                end = p + c2.len_utf8();
                it.next();
            }
        }
        let t = &text[start..end];
        let (key, value) = match kind {
            Kind::Num => (
                Cow::Borrowed(t),
                t.bytes().fold(0u64, |acc, b| {
                    acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                }),
            ),
            Kind::Word => (fold(t), 0),
            Kind::Punct => (Cow::Borrowed(t), 0),
        };
        toks.push(Tok {
            start,
            end,
            kind,
            text: t,
            key,
            space_before: space,
            newline_before: newline,
            value,
        });
        space = false;
        newline = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        let cases = [
            ("null", 0),
            ("eins", 1),
            ("Eine", 1),
            ("zwei", 2),
            ("drei", 3),
            ("Fünf", 5),
            ("fuenf", 5),
            ("zwölf", 12),
            ("sechzehn", 16),
            ("siebzehn", 17),
            ("zwanzig", 20),
            ("dreißig", 30),
            ("einundzwanzig", 21),
            ("fünfundzwanzig", 25),
            ("neunundneunzig", 99),
            ("hundert", 100),
            ("einhundert", 100),
            ("zweihundertfünfzig", 250),
            ("hundertundzwei", 102),
            ("tausend", 1000),
            ("dreitausendvierhundert", 3400),
        ];
        for (w, v) in cases {
            assert_eq!(number_word(w), Some(v), "{w}");
        }
        for w in [
            "",
            "und",
            "zweite",
            "Mai",
            "hundertx",
            "einsundzwanzig",
            "zwanzigund",
            "undzwanzig",
        ] {
            assert_eq!(number_word(w), None, "{w}");
        }
    }

    #[test]
    fn ordinals() {
        let cases = [
            ("erste", 1),
            ("Ersten", 1),
            ("zweiten", 2),
            ("dritte", 3),
            ("siebten", 7),
            ("achtes", 8),
            ("zehnten", 10),
            ("zwölfte", 12),
            ("zwanzigsten", 20),
            ("fünfundzwanzigste", 25),
            ("dreißigsten", 30),
            ("hundertsten", 100),
        ];
        for (w, v) in cases {
            assert_eq!(ordinal_word(w), Some(v), "{w}");
        }
        for w in ["drei", "Leute", "erst", "dreite", "zwanzigte", "Beste"] {
            assert_eq!(ordinal_word(w), None, "{w}");
        }
    }

    #[test]
    fn lexes_with_adjacency() {
        let t = lex("am 13.05.24, Köln");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["am", "13", ".", "05", ".", "24", ",", "Köln"]);
        assert!(t[1].space_before && !t[2].space_before);
        assert_eq!(t[7].key, "koeln");
        assert_eq!(t[1].value, 13);
    }
}
