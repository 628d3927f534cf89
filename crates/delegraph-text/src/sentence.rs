//! Sentence splitting for German news and council texts.
//!
//! Works on the tokens of [`crate::token::tokenize`]. A full stop ends a sentence unless it
//! follows a known abbreviation ("Dr.", "z. B.", "rd."), an initial ("Sipho M. Dlamanzi") or an
//! ordinal number ("10. November", "am 13. Mai"). Paragraph breaks always end a sentence; a
//! single line break ends one when the line looks finished (headings, list items, credits).
//! No sentence is longer than [`MAX_SENTENCE_TOKENS`]: a run of text without a sentence end (a
//! table flattened by a PDF, a page of one repeated name) is cut at a comma, else anywhere, so
//! that rules that look across a sentence stay cheap.

use crate::token::{Token, TokenKind};
use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (lowercase, without dot).
const ABBREVIATIONS: &[&str] = &[
    "a", "abb", "abs", "abt", "b", "allg", "bzgl", "bzw", "ca", "chr", "co", "dipl", "dr", "e",
    "ebd", "etc", "evtl", "fa", "ff", "fr", "geb", "gegr", "gem", "ggf", "hl", "hr", "hrsg",
    "inkl", "ing", "jh", "jhd", "jr", "kfm", "lt", "max", "med", "min", "mio", "mrd", "nr", "od",
    "pkt", "prof", "rd", "sen", "sog", "st", "std", "str", "tel", "tsd", "u", "usw", "v", "vgl",
    "vs", "z", "zzgl",
];

/// Abbreviations that keep a sentence going only as written, capitalized.
const CAPITALIZED_ABBREVIATIONS: &[&str] = &[
    "Mag", "Univ", "Bgm", "Vbgm", "Vzbgm", "Stv", "DI", "Dkfm", "Dir",
];

const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

/// The longest sentence, in tokens. German news sentences rarely exceed 60 words; 400 tokens
/// is far past any real one.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Where an over-long sentence is cut: after the last comma or semicolon in its second half,
/// else at the limit.
fn forced_end(text: &str, tokens: &[Token], start: usize) -> usize {
    let limit = start + MAX_SENTENCE_TOKENS;
    (start + MAX_SENTENCE_TOKENS / 2..limit)
        .rev()
        .find(|&k| matches!(tokens[k].text(text), "," | ";"))
        .unwrap_or(limit - 1)
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "»" | "«" | "'" | "’" | ")" | "‘")
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Splits `tokens` (of `text`) into sentences, returned as ranges of token indices.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Inside a list that a line ending in a colon introduced ("Der Delegation gehören an:" and
    // dash items below it): the items belong to that sentence, whose verb governs them.
    let mut in_list = false;
    while i < tokens.len() {
        let t = tokens[i].text(text);
        let next = tokens.get(i + 1);
        if let Some(n) = next
            && n.newlines_before == 1
            && is_list_marker(n.text(text))
            && (t == ":" || in_list && !matches!(t, "!" | "?"))
            && i + 1 - start < MAX_SENTENCE_TOKENS
        {
            in_list = true;
            i += 1;
            continue;
        }
        let mut boundary_after = false;
        if is_terminal(t) {
            boundary_after = match next {
                None => true,
                Some(n) => !(t == "." && dot_continues(text, tokens, i, n)),
            };
            if boundary_after {
                // Absorb closing quotes and brackets: „… gestärkt werden.“ Der …
                while i + 1 < tokens.len()
                    && is_closing(tokens[i + 1].text(text))
                    && !tokens[i + 1].space_before
                {
                    i += 1;
                }
            }
        }
        if !boundary_after && let Some(n) = tokens.get(i + 1) {
            if n.newlines_before >= 2 {
                boundary_after = true;
            } else if n.newlines_before == 1 {
                boundary_after =
                    line_looks_finished(t, tokens[i].kind) && !starts_lower(n.text(text));
            }
        }
        if boundary_after {
            out.push(start..i + 1);
            start = i + 1;
            in_list = false;
        } else if i + 1 - start >= MAX_SENTENCE_TOKENS {
            let end = forced_end(text, tokens, start);
            out.push(start..end + 1);
            start = end + 1;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// A mark that opens a list item at the start of a line.
fn is_list_marker(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "•" | "*" | "·" | "▪" | "◦")
}

/// Whether the full stop at `i` belongs to the word before it rather than ending the sentence.
fn dot_continues(text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
    if next.newlines_before >= 2 {
        return false;
    }
    let next_text = next.text(text);
    if i == 0 || tokens[i].space_before {
        return false;
    }
    let prev = &tokens[i - 1];
    let prev_text = prev.text(text);
    if prev.kind == TokenKind::Word {
        let lower = prev_text.to_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return true;
        }
        // Capitalized only: Austrian degrees and office abbreviations before a name ("Mag.
        // Anna Beispiel", "Univ.-Prof.", "1. Bgm. X"), where lowercase "mag." ends a clause.
        if CAPITALIZED_ABBREVIATIONS.contains(&prev_text) {
            return true;
        }
        // Initial: "Sipho M. Dlamanzi".
        if prev_text.chars().count() == 1 && prev_text.chars().all(char::is_uppercase) {
            return true;
        }
    }
    // "vom 30.6. bis 3.7.": a day.month without year is one number token before the dot.
    let day_month = prev_text.split_once('.').is_some_and(|(d, m)| {
        (1..=2).contains(&d.len())
            && (1..=2).contains(&m.len())
            && d.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    });
    if prev.kind == TokenKind::Number && (prev_text.len() <= 2 || day_month) {
        // Ordinals: "10. November", "am 13. Mai", "25.-26.08.2019", "2. Smart Ostland Expo".
        let lower = next_text.to_lowercase();
        if MONTHS.contains(&lower.trim_end_matches('.'))
            || next.kind == TokenKind::Number
            || next_text == "-"
            || next_text == "/"
            || starts_lower(next_text)
        {
            return true;
        }
    }
    // A lowercase continuation is never a new sentence start ("ca. zwei", "u. a. die").
    starts_lower(next_text) && prev.kind == TokenKind::Word && prev_text.chars().count() <= 4
}

/// A line that ends in a finished way: punctuation, a capitalized word, a number, a closing quote.
fn line_looks_finished(last: &str, kind: TokenKind) -> bool {
    if is_terminal(last) || is_closing(last) || last == ":" {
        return true;
    }
    match kind {
        TokenKind::Number => true,
        TokenKind::Word => !starts_lower(last) && !last.ends_with('-'),
        TokenKind::Punct => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        split_sentences(s, &toks)
            .into_iter()
            .map(|r| s[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn day_month_dates_without_year_do_not_split() {
        let s = "Sie reist vom 30.6. bis 3.7. nach Pilsen. Dort trifft sie den Primator.";
        assert_eq!(sentences(s).len(), 2, "{:?}", sentences(s));
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_split() {
        let s = "Dr. Anna Berg kam am 10. November nach Bonn. Sie traf u. a. Prof. Lang.";
        assert_eq!(sentences(s).len(), 2, "{:?}", sentences(s));
    }

    #[test]
    fn capitalized_degrees_do_not_split() {
        let s = "Bürgermeisterin Mag. Anna Berg kam. Was sie mag. Danach ging es weiter.";
        assert_eq!(sentences(s).len(), 3, "{:?}", sentences(s));
    }

    #[test]
    fn initials_do_not_split() {
        let s = "Premier Sipho M. Dlamanzi unterschrieb. Danach ging es weiter.";
        assert_eq!(sentences(s).len(), 2);
    }

    #[test]
    fn quotes_close_the_sentence() {
        let s = "Er sagte: „Das ist gut.“ Danach reiste er ab.";
        let got = sentences(s);
        assert_eq!(got, ["Er sagte: „Das ist gut.“", "Danach reiste er ab."]);
    }

    #[test]
    fn a_list_after_a_colon_belongs_to_its_sentence() {
        let s = "Der Abordnung gehören an:\n- Ortsvorsteherin Ilse Brand\n- Kai Umbach, Kämmerer.\n\nDie Reise beginnt am Montag.";
        assert_eq!(
            sentences(s),
            [
                "Der Abordnung gehören an:\n- Ortsvorsteherin Ilse Brand\n- Kai Umbach, Kämmerer.",
                "Die Reise beginnt am Montag."
            ]
        );
        let s = "Mitgereist sind:\n• Gemeinderat Olaf Senn\n• Rita Zobel\nDer Bus fährt um acht Uhr ab.";
        assert_eq!(sentences(s).len(), 2);
        // Without a colon, dash lines stay sentences of their own (a programme, headings).
        let s = "Programm\n- Empfang im Rathaus\n- Besuch der Brauerei";
        assert_eq!(sentences(s).len(), 3);
    }

    #[test]
    fn headings_and_paragraphs_split() {
        let s = "Großer Andrang in Bonn\nDie Messe begann am Montag.\n\nZweiter Absatz ohne Punkt";
        assert_eq!(sentences(s).len(), 3);
    }

    #[test]
    fn runaway_sentences_are_cut() {
        let s = "Jonas Quellbach, ".repeat(1000) + "Ende.";
        let toks = tokenize(&s);
        let got = split_sentences(&s, &toks);
        assert!(
            got.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS),
            "{got:?}"
        );
        // Cut after a comma, covering every token once.
        assert_eq!(toks[got[0].end - 1].text(&s), ",");
        assert_eq!(got.last().unwrap().end, toks.len());
        assert!(got.windows(2).all(|w| w[0].end == w[1].start));
        let words = "ohne Komma ".repeat(500);
        let toks = tokenize(&words);
        let got = split_sentences(&words, &toks);
        assert_eq!(got[0], 0..MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn broken_lines_inside_a_sentence_stay_together() {
        let s = "Begleitet wird er von einer\n    Delegation aus Leipzig.";
        assert_eq!(sentences(s).len(), 1);
    }
}
