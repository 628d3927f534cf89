//! Noun phrases and prepositional phrases with the cases their article and preposition allow.
//!
//! A noun phrase is `Det? (Word|Num)* (Noun|Name)+`, extended by a genitive attribute ("der
//! Bürgermeister der Stadt"), by names in apposition ("Bürgermeisterin Anna Beispiel") and by
//! coordination ("A, B und C"): the phrase is what a frame slot holds, so a list is one phrase.

use crate::lexicon::{CONTRACTIONS, PRONOUNS};
use crate::tag::{Pos, Tagged};
use std::ops::Range;

/// The cases a phrase may be in, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cases(pub u8);

impl Cases {
    pub const NOM: u8 = 1;
    pub const ACC: u8 = 2;
    pub const DAT: u8 = 4;
    pub const GEN: u8 = 8;
    pub const ANY: Cases = Cases(1 | 2 | 4);

    pub fn nom(self) -> bool {
        self.0 & Self::NOM != 0
    }
    pub fn acc(self) -> bool {
        self.0 & Self::ACC != 0
    }
    pub fn dat(self) -> bool {
        self.0 & Self::DAT != 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    Np,
    Pp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub kind: ChunkKind,
    /// Tokens, preposition included.
    pub range: Range<usize>,
    /// The head noun or name of the first conjunct.
    pub head: usize,
    /// The preposition as a base form ("in" for "im"), for prepositional phrases.
    pub prep: Option<String>,
    pub cases: Cases,
    /// Whether the phrase coordinates several ("A und B").
    pub coordinated: bool,
    /// Whether it names several: coordinated, counted ("zwei Besucherinnen", "die beiden") or
    /// a feminine plural ("Stadträtinnen").
    pub plural: bool,
    /// The clause it belongs to.
    pub clause: usize,
}

/// The cases an article or determiner shows.
fn article_cases(l: &str) -> Cases {
    let ending = ["em", "en", "er", "es", "e", ""]
        .into_iter()
        .find(|e| l.ends_with(e))
        .unwrap_or("");
    Cases(match (l, ending) {
        ("der", _) => Cases::NOM | Cases::DAT | Cases::GEN,
        ("die" | "das", _) => Cases::NOM | Cases::ACC,
        ("den", _) => Cases::ACC | Cases::DAT,
        ("dem", _) => Cases::DAT,
        ("des", _) => Cases::GEN,
        (_, "em") => Cases::DAT,
        (_, "en") => Cases::ACC | Cases::DAT,
        (_, "er") if l.starts_with("ein") || l.len() > 4 => Cases::GEN | Cases::DAT | Cases::NOM,
        (_, "es") => Cases::GEN | Cases::NOM | Cases::ACC,
        _ => Cases::NOM | Cases::ACC,
    })
}

fn prep_cases(p: &str) -> Cases {
    Cases(match p {
        "aus" | "bei" | "mit" | "nach" | "von" | "zu" | "seit" | "gegenüber" | "samt" | "nebst" => {
            Cases::DAT
        }
        "für" | "durch" | "gegen" | "ohne" | "um" | "bis" => Cases::ACC,
        "während" | "wegen" | "trotz" | "anlässlich" | "aufgrund" | "innerhalb" | "außerhalb" => {
            Cases::GEN | Cases::DAT
        }
        _ => Cases::DAT | Cases::ACC,
    })
}

/// Month and weekday names (the temporal parser's own tables) and nouns of time spans.
fn is_time_noun(l: &str) -> bool {
    delegraph_text::temporal::is_calendar_word(l)
        || matches!(
            l,
            "wochenende" | "tag" | "woche" | "jahr" | "abend" | "vormittag" | "nachmittag"
        )
}

/// A word counting more than one: "zwei", "beiden", "mehrere", "zahlreiche".
fn counts(t: &Tagged) -> bool {
    let l = t.lower.as_str();
    (t.pos == Pos::Num && l != "1")
        || matches!(
            l,
            "zwei"
                | "drei"
                | "vier"
                | "fünf"
                | "sechs"
                | "sieben"
                | "acht"
                | "neun"
                | "zehn"
                | "zwölf"
                | "beiden"
                | "beide"
                | "mehrere"
                | "viele"
                | "einige"
                | "zahlreiche"
                | "alle"
                | "weitere"
                | "verschiedene"
        )
}

fn nominal(t: &Tagged) -> bool {
    matches!(t.pos, Pos::Noun | Pos::Name)
}

/// A word that may stand inside a noun phrase before its head: adjectives, numbers, lowercase
/// participles used as adjectives ("die angereisten Gäste").
fn modifier(t: &Tagged) -> bool {
    match t.pos {
        Pos::Num => true,
        Pos::Word | Pos::Verb => {
            let l = t.lower.as_str();
            (l.ends_with('e')
                || l.ends_with("en")
                || l.ends_with("er")
                || l.ends_with("es")
                || l.ends_with("em"))
                && !t.is_finite()
                && !matches!(
                    l,
                    "sehr" | "aber" | "oder" | "immer" | "wieder" | "sowie" | "daher"
                )
        }
        _ => false,
    }
}

/// One noun phrase starting at `i` (after any preposition) within `end`: its end and head.
fn noun_phrase(
    tags: &[Tagged],
    i: usize,
    end: usize,
    atom_at: &[Option<usize>],
) -> Option<(usize, usize, Cases)> {
    let mut k = i;
    let mut cases = Cases::ANY;
    if k < end && tags[k].pos == Pos::Det {
        cases = article_cases(&tags[k].lower);
        k += 1;
        // "die beiden Frauen", "alle diese Orte"
        while k < end && tags[k].pos == Pos::Det {
            k += 1;
        }
    } else if k < end && tags[k].pos == Pos::Pron {
        let c = PRONOUNS
            .iter()
            .find(|(p, _)| *p == tags[k].lower)
            .map_or(1, |(_, c)| *c);
        return Some((k + 1, k, Cases(c)));
    }
    // "am 14. Mai 2025": an ordinal's dot belongs to the number.
    let ordinal_dot = |k: usize| k > i && tags[k].lower == "." && tags[k - 1].pos == Pos::Num;
    while k < end && (modifier(&tags[k]) || ordinal_dot(k)) && !nominal(&tags[k]) {
        k += 1;
    }
    if k >= end || !nominal(&tags[k]) {
        return None;
    }
    let head = k;
    // "Mai 2025": the year after a month.
    if is_time_noun(&tags[k].lower) && k + 1 < end && tags[k + 1].pos == Pos::Num {
        return Some((k + 2, head, cases));
    }
    // Titles and names in apposition: "Oberbürgermeisterin Anna Beispiel", atoms whole; a
    // second common noun or a time noun starts a new phrase ("am Freitag Bürgermeister X").
    k = atom_at[k].unwrap_or(k + 1).min(end);
    while k < end && tags[k].pos == Pos::Name && !is_time_noun(&tags[k - 1].lower) {
        k = atom_at[k].unwrap_or(k + 1).min(end);
    }
    // A genitive attribute: "der Bürgermeister der Partnerstadt", "des Landkreises".
    if k + 1 < end
        && tags[k].pos == Pos::Det
        && matches!(tags[k].lower.as_str(), "der" | "des")
        && let Some((e, _, _)) = noun_phrase(tags, k, end, atom_at)
    {
        k = e;
    }
    Some((k, head, cases))
}

/// Chunks the tokens of one clause (its `segs`, in order). Phrases do not cross a gap between
/// segments, except a comma inside a list ("A, B und C").
pub(crate) fn chunk_clause(
    tags: &[Tagged],
    segs: &[Range<usize>],
    clause: usize,
    atom_at: &[Option<usize>],
) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for seg in segs {
        let mut i = seg.start;
        while i < seg.end {
            // Parentheses hold asides (party, acronym, place): no phrase of the clause.
            if tags[i].lower == "(" {
                i = (i + 1..seg.end)
                    .find(|&k| tags[k].lower == ")")
                    .map_or(seg.end, |k| k + 1);
                continue;
            }
            let (prep, start_np) = match tags[i].pos {
                Pos::Prep => (Some(tags[i].lower.clone()), i + 1),
                Pos::PrepDet => {
                    let p = CONTRACTIONS
                        .iter()
                        .find(|(c, _)| *c == tags[i].lower)
                        .map(|(_, p)| p.to_string());
                    (p, i + 1)
                }
                _ => (None, i),
            };
            let np = if tags[i].pos == Pos::PrepDet {
                // The article is inside the preposition: the phrase starts with modifiers.
                noun_phrase(tags, start_np, seg.end, atom_at).or_else(|| {
                    (start_np < seg.end && nominal(&tags[start_np]))
                        .then(|| (start_np + 1, start_np, Cases(Cases::DAT)))
                })
            } else {
                noun_phrase(tags, start_np, seg.end, atom_at)
            };
            let Some((end, head, cases)) = np else {
                i += 1;
                continue;
            };
            let cases = match &prep {
                Some(p) => Cases(prep_cases(p).0 & cases.0).max_or(prep_cases(p)),
                None => cases,
            };
            let plural =
                (start_np..head).any(|k| counts(&tags[k])) || tags[head].lower.ends_with("innen");
            out.push(Chunk {
                kind: if prep.is_some() {
                    ChunkKind::Pp
                } else {
                    ChunkKind::Np
                },
                range: i..end,
                head,
                prep,
                cases,
                coordinated: false,
                plural,
                clause,
            });
            i = end;
        }
    }
    coordinate(tags, out)
}

impl Cases {
    fn max_or(self, other: Cases) -> Cases {
        if self.0 == 0 { other } else { self }
    }
}

/// Joins phrases coordinated by "und", "sowie", "oder" or a list comma into one: "nach A und
/// B", "A, B und C", "mit X sowie dem Verein Y". A later conjunct without a preposition joins a
/// prepositional phrase.
fn coordinate(tags: &[Tagged], chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for c in chunks {
        if let Some(prev) = out.last_mut() {
            let between = outside_parentheses(tags, prev.range.end..c.range.start);
            let glue = !between.is_empty()
                && between.iter().all(|&k| {
                    matches!(
                        tags[k].lower.as_str(),
                        "und" | "sowie" | "oder" | "," | "bzw" | "." | "als" | "auch"
                    ) || (tags[k].pos == Pos::Word && tags[k].lower == "sowie")
                })
                && between
                    .iter()
                    .any(|&k| tags[k].lower != "als" && tags[k].lower != "auch");
            let same_kind =
                c.kind == ChunkKind::Np || (prev.kind == ChunkKind::Pp && c.prep == prev.prep);
            // A list comma joins only when a conjunction ends the list.
            let only_comma = between.iter().all(|&k| tags[k].lower == ",");
            // "der Präsident des Landtags, Anna Beispiel, …": a name set off by commas after a
            // title is the same person.
            let apposition = only_comma
                && c.kind == ChunkKind::Np
                && tags[c.range.start].pos == Pos::Name
                && tags[prev.head].pos == Pos::Noun
                && tags
                    .get(c.range.end)
                    .is_some_and(|t| t.lower == "," || t.lower == "(");
            if apposition {
                prev.range.end = c.range.end;
                continue;
            }
            if glue && same_kind && (!only_comma || lists_on(tags, c.range.end)) {
                prev.range.end = c.range.end;
                prev.coordinated = true;
                prev.plural = true;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The tokens of a range outside parentheses.
fn outside_parentheses(tags: &[Tagged], r: std::ops::Range<usize>) -> Vec<usize> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for k in r {
        match tags[k].lower.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(k),
            _ => {}
        }
    }
    out
}

/// Whether a list goes on after `k` to a conjunction: "A, B und C" seen from B.
fn lists_on(tags: &[Tagged], k: usize) -> bool {
    let mut i = k;
    let mut depth = 0usize;
    while i < tags.len() && i < k + 16 {
        match tags[i].lower.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            "und" | "sowie" | "oder" => return true,
            "," => {}
            _ if matches!(
                tags[i].pos,
                Pos::Noun | Pos::Name | Pos::Det | Pos::Word | Pos::Num
            ) => {}
            _ => return false,
        }
        i += 1;
    }
    false
}
