//! Clauses: where they begin and end, their verb group and their subject.
//!
//! A sentence is cut at punctuation into pieces; a piece opened by a subordinator ("dass",
//! "nachdem"), a relative pronoun (", die …", ", mit dem …") or an infinitive marker ("um …
//! zu") opens an embedded clause, which ends with its verb; a piece without a finite verb
//! continues the clause it follows (lists, appositions); "und"/"sowie" before a finite verb
//! starts a coordinated clause that shares the subject of the one before.

use crate::Analysis;
use crate::chunk::{Cases, ChunkKind, chunk_clause};
use crate::lexicon::{AUXILIARIES, MODALS, NEGATING_WORDS, PLANNING, RELATIVE_PRONOUNS, feat};
use crate::tag::{Pos, Tagged};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// Opened by a subordinator; [`Clause::opener`] names it.
    Subordinate,
    /// Opened by a relative pronoun; its subject may be the phrase it refers to.
    Relative,
    /// "um … zu reisen", "…, nach Rom zu reisen".
    Infinitive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    #[default]
    None,
    Present,
    Past,
    Perfect,
    Pluperfect,
    Future,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mood {
    #[default]
    Indicative,
    /// Konjunktiv I or II ("sei gereist", "würde reisen", "wäre").
    Subjunctive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Voice {
    #[default]
    Active,
    /// "wurde … empfangen", "ist … empfangen worden", "ist geplant".
    Passive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub kind: ClauseKind,
    /// The subordinator or relative pronoun that opens it, lowercased.
    pub opener: Option<String>,
    /// Its token ranges (an embedded clause may interrupt it).
    pub segs: Vec<Range<usize>>,
    pub sentence: usize,
    /// The clause it is embedded in.
    pub parent: Option<usize>,
    /// The main clause it is coordinated with ("… und traf dort …").
    pub coordinated_with: Option<usize>,
    pub finite: Option<usize>,
    /// Tokens of the verb group: finite, participles, infinitives, separable particle.
    pub verbs: Vec<usize>,
    /// The lexical verb's lemma, with its separable particle ("zurückkehren").
    pub lemma: Option<String>,
    /// Every lexical verb of the verb bracket: the lemma and the participles or infinitives
    /// coordinated with it ("ist beraten und unterschrieben worden").
    pub lemmas: Vec<String>,
    pub tense: Tense,
    pub mood: Mood,
    pub voice: Voice,
    /// A modal or planning verb governing the lexical one ("wollen", "sollen", "planen").
    pub modal: Option<&'static str>,
    pub negated: bool,
    /// The subject phrase; for a relative clause whose pronoun is the subject, the phrase it
    /// refers to; for a coordinated clause without one of its own, the previous subject.
    pub subject: Option<Range<usize>>,
    /// Chunks of this clause, as indices into [`Analysis::chunks`].
    pub chunks: Range<usize>,
}

impl Clause {
    /// From its first to its last token.
    pub fn span(&self) -> Range<usize> {
        let s = self.segs.first().map_or(0, |r| r.start);
        let e = self.segs.last().map_or(0, |r| r.end);
        s..e
    }

    pub fn contains(&self, tok: usize) -> bool {
        self.segs.iter().any(|r| r.contains(&tok))
    }

    /// Tokens in order.
    pub fn tokens(&self) -> impl Iterator<Item = usize> + '_ {
        self.segs.iter().flat_map(|r| r.clone())
    }

    /// Whether the clause tells of something that happened or is under way.
    pub fn is_factual(&self) -> bool {
        self.mood == Mood::Indicative
            && self.modal.is_none()
            && self.tense != Tense::Future
            && !self.negated
    }
}

const BOUNDARIES: &[&str] = &[",", ";", ":", "–", "—", "\"", "„", "“", "”", "»", "«"];

/// Subordinators that are also prepositions or particles: a clause only when the piece ends
/// with a verb ("als Bürgermeister" is no clause).
const AMBIGUOUS_SUBORDINATORS: &[&str] = &["als", "wie", "bis", "da", "während", "seit", "wo"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Embedded(ClauseKind),
    Plain { coordinated: bool },
}

/// Cuts a sentence into pieces at punctuation, and before a coordinator that starts a new
/// clause.
fn pieces(tags: &[Tagged], s: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = s.start;
    // A parenthesis ("(SPD)") is no boundary and cuts nothing inside it.
    let mut depth = 0usize;
    for i in s.clone() {
        match tags[i].lower.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || tags[i].lower == ")" {
            continue;
        }
        if BOUNDARIES.contains(&tags[i].lower.as_str())
            || (tags[i].lower == "." && i + 1 == s.end)
            || dateline_dash(tags, s.start, i)
        {
            if start < i {
                out.push((start..i, false));
            }
            start = i + 1;
        }
    }
    if start < s.end {
        out.push((start..s.end, false));
    }
    // "… nach Rom und traf dort …": a coordinator followed closely by a finite verb.
    let mut split = Vec::new();
    for (r, coord) in out {
        let mut from = r.start;
        let mut first = coord;
        for i in r.clone() {
            let is_conj = tags[i].pos == Pos::Conj && i > from && has_finite(tags, from..i);
            if is_conj && (i + 1..(i + 4).min(r.end)).any(|k| finite_only_or_first(tags, k, i + 1))
            {
                split.push((from..i, first));
                from = i + 1;
                first = true;
            }
        }
        split.push((from..r.end, first));
    }
    split.retain(|(r, _)| !r.is_empty());
    split
}

/// A spaced hyphen used as the dash after a dateline: "Tartu (ots) - …", "Tartu/Pori - …":
/// only names, nouns, slashes and a parenthesis stand before it at the sentence start.
fn dateline_dash(tags: &[Tagged], start: usize, i: usize) -> bool {
    if tags[i].lower != "-" || i == start || i > start + 8 {
        return false;
    }
    let mut depth = 0usize;
    (start..i).all(|k| match tags[k].lower.as_str() {
        "(" => {
            depth += 1;
            true
        }
        ")" => {
            depth = depth.saturating_sub(1);
            true
        }
        "/" => true,
        _ => depth > 0 || matches!(tags[k].pos, Pos::Name | Pos::Noun),
    })
}

/// A finite verb at `k` that starts a coordinated clause: the first word after the conjunction
/// ("und traf"), or a finite form that cannot be an infinitive after a short first constituent.
fn finite_only_or_first(tags: &[Tagged], k: usize, first: usize) -> bool {
    let t = &tags[k];
    t.is_finite() && (k == first || !t.has(feat::INF | feat::PART))
}

fn has_finite(tags: &[Tagged], r: Range<usize>) -> bool {
    r.into_iter().any(|k| tags[k].is_finite())
}

fn ends_with_verb(tags: &[Tagged], r: &Range<usize>) -> bool {
    r.end > r.start && tags[r.end - 1].pos == Pos::Verb
}

fn classify(tags: &[Tagged], r: &Range<usize>, coordinated: bool) -> Opener {
    let f = &tags[r.start];
    let l = f.lower.as_str();
    let next = tags.get(r.start + 1);
    let nominal_next = next.is_some_and(|n| {
        matches!(n.pos, Pos::Noun | Pos::Name)
            || (n.pos == Pos::Word
                && r.len() > 2
                && matches!(tags[r.start + 2].pos, Pos::Noun | Pos::Name))
    });
    if f.pos == Pos::Subord || AMBIGUOUS_SUBORDINATORS.contains(&l) {
        let sure = !AMBIGUOUS_SUBORDINATORS.contains(&l);
        if sure || (ends_with_verb(tags, r) && has_finite(tags, r.clone())) {
            return Opener::Embedded(ClauseKind::Subordinate);
        }
    }
    if RELATIVE_PRONOUNS.contains(&l)
        && (matches!(l, "deren" | "dessen") || !nominal_next)
        && ends_with_verb(tags, r)
    {
        return Opener::Embedded(ClauseKind::Relative);
    }
    if matches!(f.pos, Pos::Prep)
        && next.is_some_and(|n| RELATIVE_PRONOUNS.contains(&n.lower.as_str()))
        && ends_with_verb(tags, r)
    {
        return Opener::Embedded(ClauseKind::Relative);
    }
    let zu_inf_end = tags[r.end - 1].has(feat::ZUINF)
        || (r.len() >= 2 && tags[r.end - 2].lower == "zu" && tags[r.end - 1].has(feat::INF));
    if zu_inf_end && !has_finite(tags, r.start..r.end.saturating_sub(2)) {
        return Opener::Embedded(ClauseKind::Infinitive);
    }
    Opener::Plain { coordinated }
}

fn new_clause(kind: ClauseKind, seg: Range<usize>, sentence: usize, tags: &[Tagged]) -> Clause {
    let opener = (kind != ClauseKind::Main && kind != ClauseKind::Infinitive)
        .then(|| tags[seg.start].lower.clone());
    Clause {
        kind,
        opener,
        segs: vec![seg],
        sentence,
        parent: None,
        coordinated_with: None,
        finite: None,
        verbs: Vec::new(),
        lemma: None,
        lemmas: Vec::new(),
        tense: Tense::None,
        mood: Mood::Indicative,
        voice: Voice::Active,
        modal: None,
        negated: false,
        subject: None,
        chunks: 0..0,
    }
}

/// Builds the clauses of one sentence from its pieces.
fn segment(tags: &[Tagged], s: Range<usize>, sentence: usize, base: usize) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (r, coordinated) in pieces(tags, s) {
        match classify(tags, &r, coordinated) {
            Opener::Embedded(kind) => {
                let mut c = new_clause(kind, r, sentence, tags);
                c.parent = stack.last().map(|&p| p + base);
                stack.push(clauses.len());
                clauses.push(c);
            }
            Opener::Plain { coordinated } => {
                while let Some(&top) = stack.last() {
                    let c = &clauses[top];
                    let done = c.kind != ClauseKind::Main
                        && c.segs.last().is_some_and(|l| ends_with_verb(tags, l));
                    if done && (stack.len() > 1 || has_finite(tags, r.clone())) {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                let piece_finite = has_finite(tags, r.clone());
                // A dateline or heading before a dash or colon ("Tartu – …") is no part of
                // the clause after it.
                let cut_off = |c: &Clause| {
                    !clause_has_finite(tags, c)
                        && c.segs
                            .last()
                            .and_then(|l| tags.get(l.end))
                            .is_some_and(|t| matches!(t.lower.as_str(), "–" | "—" | ":" | "-"))
                };
                // "wurde ein „Memorandum …“ vereinbart": a piece that opens with the participle
                // or infinitive an auxiliary waits for closes that clause's verb bracket.
                // "haben X (SPD), Y und Z … unterzeichnet": a piece whose verbs may all be the
                // participle or infinitive closes it too.
                let nonfinite_only = (r.start..r.end)
                    .filter(|&k| tags[k].pos == Pos::Verb)
                    .all(|k| tags[k].has(feat::PART | feat::INF));
                let closes_bracket = |c: &Clause| {
                    !coordinated
                        && (tags[r.start].has(feat::PART | feat::INF) || nonfinite_only)
                        && open_bracket(tags, c)
                };
                let adjunct = participial_adjunct(tags, &r);
                match stack.last().copied() {
                    Some(top)
                        if !adjunct && closes_bracket(&clauses[top])
                            || !adjunct
                                && !(coordinated
                                    || piece_finite
                                        && (clause_has_finite(tags, &clauses[top])
                                            || cut_off(&clauses[top]))) =>
                    {
                        clauses[top].segs.push(r);
                    }
                    top => {
                        let mut c = new_clause(ClauseKind::Main, r, sentence, tags);
                        if coordinated {
                            c.coordinated_with = top.map(|t| t + base);
                        }
                        if let Some(t) = top {
                            stack.retain(|&x| x != t);
                        }
                        stack.push(clauses.len());
                        clauses.push(c);
                    }
                }
            }
        }
    }
    clauses
}

/// ", angeführt von X", ", begleitet vom Landrat": a piece that is a participle with its
/// agent and no finite verb is a clause of its own (passive, its subject the one before), not
/// the participle an auxiliary before it waits for ("war … zu Gast, angeführt von X").
fn participial_adjunct(tags: &[Tagged], r: &Range<usize>) -> bool {
    r.len() > 2
        && tags[r.start].has(feat::PART)
        && matches!(tags[r.start + 1].lower.as_str(), "von" | "vom")
        && !has_finite(tags, r.start + 1..r.end)
}

/// A main clause whose finite verb is an auxiliary or modal with no participle or infinitive
/// after it yet.
fn open_bracket(tags: &[Tagged], c: &Clause) -> bool {
    let mut verbs = c.tokens().filter(|&k| tags[k].pos == Pos::Verb);
    c.kind == ClauseKind::Main
        && verbs.next().is_some_and(|k| is_aux_or_modal(&tags[k]))
        && verbs.next().is_none()
}

fn clause_has_finite(tags: &[Tagged], c: &Clause) -> bool {
    c.segs.iter().any(|r| has_finite(tags, r.clone()))
}

fn is_aux_or_modal(t: &Tagged) -> bool {
    t.verb
        .iter()
        .any(|r| AUXILIARIES.contains(&r.lemma) || MODALS.contains(&r.lemma))
}

/// The finite verb: in a verb-final clause the last finite form, else the first, preferring an
/// auxiliary or modal where the other verbs can be non-finite ("Unterzeichnet wurde sie …").
fn finite_of(tags: &[Tagged], c: &Clause) -> Option<usize> {
    let verbs: Vec<usize> = c.tokens().filter(|&k| tags[k].pos == Pos::Verb).collect();
    let finite: Vec<usize> = verbs
        .iter()
        .copied()
        .filter(|&k| tags[k].is_finite())
        .collect();
    match c.kind {
        ClauseKind::Infinitive => None,
        ClauseKind::Subordinate | ClauseKind::Relative => finite.last().copied(),
        ClauseKind::Main => {
            let aux = finite.iter().copied().find(|&k| is_aux_or_modal(&tags[k]));
            let others_nonfinite = |a: usize| {
                verbs
                    .iter()
                    .all(|&k| k == a || tags[k].has(feat::PART | feat::INF | feat::ZUINF))
            };
            match aux {
                Some(a) if others_nonfinite(a) => Some(a),
                _ => finite.first().copied(),
            }
        }
    }
}

/// Verb group, lemma, tense, mood and voice of a clause.
fn verb_group(tags: &[Tagged], c: &mut Clause) {
    c.finite = finite_of(tags, c);
    let nonfinite: Vec<usize> = c
        .tokens()
        .filter(|&k| {
            Some(k) != c.finite
                && tags[k].pos == Pos::Verb
                && tags[k].has(feat::PART | feat::INF | feat::ZUINF)
        })
        .collect();
    c.verbs = c
        .finite
        .into_iter()
        .chain(nonfinite.iter().copied())
        .collect();
    // "nicht nur …, sondern auch", "nicht allein": a focus, not a negation.
    let focus = |k: usize| {
        tags.get(k + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "nur" | "allein" | "bloß" | "lediglich" | "zuletzt"
            )
        })
    };
    let negated = c.tokens().any(|k| {
        (tags[k].pos == Pos::Neg || NEGATING_WORDS.contains(&tags[k].lower.as_str())) && !focus(k)
    });
    c.negated = negated;
    let fin = c.finite.map(|k| &tags[k]);
    let fin_aux = |l: &str| fin.is_some_and(|t| t.is_lemma(l));
    let part = nonfinite
        .iter()
        .copied()
        .find(|&k| tags[k].has(feat::PART) && !tags[k].is_lemma("werden"));
    let inf = nonfinite
        .iter()
        .copied()
        .find(|&k| tags[k].has(feat::INF | feat::ZUINF) && !is_aux_or_modal(&tags[k]));
    let worden = c.tokens().any(|k| tags[k].lower == "worden");
    let werden_inf = nonfinite.iter().any(|&k| tags[k].lower == "werden");
    // Mood and modality from the finite verb.
    if let Some(t) = fin {
        if t.has(feat::SUBJ1 | feat::SUBJ2) && !t.has(feat::PRES | feat::PAST) {
            c.mood = Mood::Subjunctive;
        }
        c.modal = t.verb.iter().find_map(|r| {
            MODALS
                .iter()
                .chain(PLANNING)
                .copied()
                .find(|m| *m == r.lemma)
        });
        if c.modal.is_some_and(|m| PLANNING.contains(&m)) && inf.is_none() {
            c.modal = None;
        }
    }
    let fin_tense = fin.map_or(Tense::None, |t| {
        if t.has(feat::PAST) && !t.has(feat::PRES) {
            Tense::Past
        } else {
            Tense::Present
        }
    });
    // Lexical verb: participle or infinitive if there is one, else the finite verb.
    let lexical = part.or(inf).or(c.finite);
    let mut lemma = lexical.and_then(|k| lemma_of(&tags[k], Some(k) == c.finite));
    if lexical == c.finite
        && c.kind == ClauseKind::Main
        && let (Some(p), Some(l)) = (particle(tags, c), lemma.clone())
    {
        c.verbs.push(p);
        lemma = Some(format!("{}{l}", tags[p].lower));
    }
    c.lemmas = lemma.iter().cloned().collect();
    for &k in &nonfinite {
        let t = &tags[k];
        if Some(k) == part || Some(k) == inf || is_aux_or_modal(t) || t.lower == "worden" {
            continue;
        }
        if let Some(l) = lemma_of(t, false)
            && !c.lemmas.contains(&l)
        {
            c.lemmas.push(l);
        }
    }
    c.lemma = lemma;
    c.tense = fin_tense;
    if fin_aux("werden") && part.is_some() || werden_inf && part.is_some() || worden {
        c.voice = Voice::Passive;
        if worden {
            c.tense = if fin_tense == Tense::Past {
                Tense::Pluperfect
            } else {
                Tense::Perfect
            };
        }
    } else if fin_aux("werden") && inf.is_some() && c.modal.is_none() {
        c.tense = Tense::Future;
    } else if (fin_aux("haben") || fin_aux("sein")) && part.is_some() && c.modal.is_none() {
        let p = part.map(|k| &tags[k]);
        // "ist geplant": a verb that forms its perfect with "haben" after "sein" is a state.
        if fin_aux("sein") && p.is_some_and(|p| !p.has(feat::SEIN)) && !fin_aux("haben") {
            c.voice = Voice::Passive;
        } else {
            c.tense = if fin_tense == Tense::Past {
                Tense::Pluperfect
            } else {
                Tense::Perfect
            };
        }
    }
    // ", angeführt von X": a participle with its agent and no finite verb is passive.
    // (The participle may read as a finite form too: "begleitet".)
    if c.segs.len() == 1
        && participial_adjunct(tags, &c.segs[0])
        && (part == Some(c.segs[0].start) || c.finite == Some(c.segs[0].start))
    {
        c.voice = Voice::Passive;
        c.tense = Tense::None;
        c.finite = None;
    }
    if c.modal.is_some() && fin.is_some_and(|t| t.has(feat::SUBJ2) && t.is_lemma("werden")) {
        c.mood = Mood::Subjunctive;
    }
}

/// The lemma of a verb token; a finite form prefers a lexical reading over an auxiliary one.
fn lemma_of(t: &Tagged, finite: bool) -> Option<String> {
    let bits = if finite {
        feat::FINITE
    } else {
        feat::PART | feat::INF | feat::ZUINF
    };
    t.lemma_with(bits)
        .or_else(|| t.verb.first().map(|r| r.lemma))
        .map(str::to_string)
}

/// A separable particle closing a main clause ("reist … an", "kehrt … zurück").
fn particle(tags: &[Tagged], c: &Clause) -> Option<usize> {
    let fin = c.finite?;
    // The particle closes the segment that holds the verb's complements: the last word before
    // a boundary ("traf … in Tartu ein, an ihrer Spitze …").
    c.segs.iter().find_map(|seg| {
        let last = seg.end.checked_sub(1)?;
        let k = if tags[last].lower == "." {
            last.checked_sub(1)?
        } else {
            last
        };
        // Before an opening quote "ein" is an article: "wurde ein „Memorandum …“ vereinbart".
        let quote_after = tags
            .get(k + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "„" | "\"" | "»" | "«" | "‚"));
        (k > fin && k >= seg.start && tags[k].particle && !quote_after).then_some(k)
    })
}

/// "… wurde vereinbart und durch X unterzeichnet": a coordinated clause whose one verb is a
/// clause-final participle shares the auxiliary of the clause before — its tense and voice.
fn share_auxiliary(tags: &[Tagged], clauses: &mut [Clause], base: usize) {
    for ci in 0..clauses.len() {
        let Some(prev) = clauses[ci]
            .coordinated_with
            .and_then(|j| j.checked_sub(base))
        else {
            continue;
        };
        if prev >= ci {
            continue;
        }
        let (voice, tense) = (clauses[prev].voice, clauses[prev].tense);
        let compound =
            voice == Voice::Passive || matches!(tense, Tense::Perfect | Tense::Pluperfect);
        let c = &mut clauses[ci];
        let last_word = c.tokens().filter(|&k| tags[k].pos != Pos::Punct).last();
        if compound
            && let [k] = c.verbs[..]
            && tags[k].has(feat::PART)
            && last_word == Some(k)
        {
            c.voice = voice;
            c.tense = tense;
            c.lemma = lemma_of(&tags[k], false);
            c.lemmas = c.lemma.iter().cloned().collect();
        }
    }
}

/// The subject of a clause: a nominative-capable noun phrase, by position and number.
fn subject(
    tags: &[Tagged],
    a: &Analysis,
    c: &Clause,
    antecedent: Option<Range<usize>>,
) -> Option<Range<usize>> {
    let chunks = &a.chunks[c.chunks.clone()];
    let fin = c.finite?;
    let plural =
        tags[fin].lower.ends_with('n') || matches!(tags[fin].lower.as_str(), "sind" | "seid");
    let fits = |ch: &&crate::Chunk| {
        ch.kind == ChunkKind::Np
            && ch.cases.nom()
            && (plural || !ch.plural)
            && !(tags[ch.range.start].pos == Pos::Det
                && c.opener.as_deref() == Some(tags[ch.range.start].lower.as_str())
                && ch.range.len() == 1)
    };
    // A nominative pronoun names the subject wherever it stands ("besuchte er").
    let pron = chunks.iter().find(|ch| {
        ch.range.len() == 1
            && tags[ch.range.start].pos == Pos::Pron
            && ch.cases == Cases(Cases::NOM)
    });
    if let Some(p) = pron {
        return Some(p.range.clone());
    }
    if c.kind == ClauseKind::Relative {
        let rel = c.opener.as_deref()?;
        let pronoun_subject = matches!(
            rel,
            "der" | "die" | "das" | "welcher" | "welche" | "welches"
        ) && tags[c.segs[0].start].pos != Pos::Prep;
        if pronoun_subject {
            return antecedent;
        }
    }
    // A plural verb agrees with a plural phrase after it rather than a singular one before
    // ("Der Delegation gehörten A und B an").
    let plural_after = chunks
        .iter()
        .find(|ch| ch.range.start > fin && ch.plural && fits(ch));
    if c.kind == ClauseKind::Main
        && let Some(before) = chunks.iter().find(|ch| ch.range.end <= fin && fits(ch))
        && before.range.start <= c.segs[0].start + 1
        && !(plural && !before.plural && plural_after.is_some())
    {
        return Some(prefield(tags, chunks, c, before.range.clone(), fin));
    }
    let after: Vec<&crate::Chunk> = chunks
        .iter()
        .filter(|ch| fits(ch) && (c.kind != ClauseKind::Main || ch.range.start > fin))
        .collect();
    // "Eingeladen hatte sie Bürgermeisterin X": an object pronoun comes first in the middle
    // field; the full phrase after it is the subject.
    let weak = |ch: &&crate::Chunk| {
        ch.range.len() == 1 && matches!(tags[ch.range.start].lower.as_str(), "sie" | "es")
    };
    match after.as_slice() {
        [p, full, ..] if weak(p) && !weak(full) && surely_nominative(tags, full) => {
            Some(list(tags, chunks, full.range.clone()))
        }
        [first, ..] => Some(list(tags, chunks, first.range.clone())),
        [] => None,
    }
}

/// A subject in the middle field runs on over the noun phrases listed after it, when an
/// aside in parentheses ended the phrase ("A (SPD), Kleinhausens Bürgermeister B und C (CDU)").
fn list(tags: &[Tagged], chunks: &[crate::Chunk], subject: Range<usize>) -> Range<usize> {
    let mut end = subject.end;
    let mut depth = 0usize;
    // Only an aside cuts a list the chunker would have kept whole.
    let mut aside = false;
    for ch in chunks.iter().filter(|ch| ch.range.start >= subject.end) {
        let mut joined = false;
        let gap_ok = (end..ch.range.start).all(|k| {
            let l = tags[k].lower.as_str();
            match l {
                "(" => {
                    depth += 1;
                    aside = true;
                }
                ")" => depth = depth.saturating_sub(1),
                "," | "und" | "sowie" => joined |= depth == 0,
                _ if depth > 0 => {}
                _ => return false,
            }
            true
        });
        // "Kleinhausens Oberbürgermeister X": a name in the Saxon genitive opens the next phrase.
        let genitive = end == ch.range.start
            && tags[end - 1].pos == Pos::Name
            && tags[end - 1].lower.ends_with('s');
        if ch.kind != ChunkKind::Np || !gap_ok || !aside || !(joined || genitive) || depth > 0 {
            break;
        }
        end = ch.range.end;
    }
    subject.start..end
}

/// The prefield of a verb-second clause holds one constituent: a subject that opens it
/// extends over everything up to the finite verb — attributes, appositions and the phrases
/// coordinated with it ("Die Bürgermeisterin von A, X, und der Bürgermeister von B, Y,
/// unterzeichneten …"), as long as only phrases, commas and conjunctions stand there.
fn prefield(
    tags: &[Tagged],
    chunks: &[crate::Chunk],
    c: &Clause,
    subject: Range<usize>,
    fin: usize,
) -> Range<usize> {
    let glue = |k: usize| {
        matches!(
            tags[k].lower.as_str(),
            "," | "und" | "sowie" | "oder" | "(" | ")" | "–" | "—"
        )
    };
    // Up to the verb or an embedded clause ("Die Delegation, die aus X kam, …").
    let mut end = (subject.end..fin)
        .find(|&k| !c.contains(k) && !glue(k))
        .unwrap_or(fin);
    while end > subject.end && glue(end - 1) && tags[end - 1].lower != ")" {
        end -= 1;
    }
    let one_constituent =
        (subject.end..end).all(|k| glue(k) || chunks.iter().any(|ch| ch.range.contains(&k)));
    if end > subject.end && one_constituent {
        subject.start..end
    } else {
        subject
    }
}

/// A phrase that cannot be the accusative object: its article says so ("der Landrat"), or it
/// is a bare title with a name ("Bürgermeisterin X"), as subjects after the verb are.
fn surely_nominative(tags: &[Tagged], ch: &crate::Chunk) -> bool {
    let bare_name = matches!(tags[ch.range.start].pos, Pos::Noun | Pos::Name)
        && ch.range.clone().any(|k| tags[k].pos == Pos::Name);
    tags[ch.head].pos != Pos::Pron && (!ch.cases.acc() || bare_name)
}

/// Analyzes one sentence into `a`.
pub(crate) fn analyze_sentence(
    a: &mut Analysis,
    sentence: usize,
    s: Range<usize>,
    atom_at: &[Option<usize>],
) {
    let base = a.clauses.len();
    let mut clauses = segment(&a.tags, s.clone(), sentence, base);
    for (ci, c) in clauses.iter_mut().enumerate() {
        let start = a.chunks.len();
        a.chunks
            .extend(chunk_clause(&a.tags, &c.segs, base + ci, atom_at));
        c.chunks = start..a.chunks.len();
        verb_group(&a.tags, c);
    }
    share_auxiliary(&a.tags, &mut clauses, base);
    // Subjects, in order, so that coordinated and infinitive clauses can take the previous one.
    for ci in 0..clauses.len() {
        let antecedent = antecedent_of(a, &clauses[ci]);
        let own = subject(&a.tags, a, &clauses[ci], antecedent);
        let inherited = || {
            // ", angeführt von X" (a passive without finite verb): the clause before's.
            let adjunct = clauses[ci].finite.is_none() && clauses[ci].voice == Voice::Passive;
            let from = match clauses[ci].kind {
                ClauseKind::Infinitive => clauses[ci].parent,
                _ if adjunct && ci > 0 => Some(base + ci - 1),
                _ => clauses[ci].coordinated_with,
            }?;
            clauses.get(from - base)?.subject.clone()
        };
        let own_before_verb = own
            .as_ref()
            .is_some_and(|r| clauses[ci].finite.is_some_and(|f| r.start < f));
        clauses[ci].subject = match (clauses[ci].coordinated_with, own) {
            // "und traf dort X": X is the object, the subject is the one before.
            (Some(_), Some(_)) if !own_before_verb && starts_with_verb(&a.tags, &clauses[ci]) => {
                inherited()
            }
            (_, Some(r)) => Some(r),
            (_, None) => inherited(),
        };
    }
    for (ci, c) in clauses.iter().enumerate() {
        for k in c.tokens() {
            a.clause_of[k] = base + ci;
        }
    }
    // Punctuation between clauses: the clause before.
    for k in s.clone().skip(1) {
        if !clauses.iter().any(|c| c.contains(k)) {
            a.clause_of[k] = a.clause_of[k - 1];
        }
    }
    let first_chunk = clauses.first().map_or(a.chunks.len(), |c| c.chunks.start);
    for (i, ch) in a.chunks.iter().enumerate().skip(first_chunk) {
        for k in ch.range.clone() {
            a.chunk_of[k] = Some(i);
        }
    }
    a.clauses.extend(clauses);
}

fn starts_with_verb(tags: &[Tagged], c: &Clause) -> bool {
    c.finite.is_some_and(|f| {
        f == c.segs[0].start || (f == c.segs[0].start + 1 && tags[c.segs[0].start].pos == Pos::Word)
    })
}

/// The phrase a relative clause refers to: the last chunk before its first token.
fn antecedent_of(a: &Analysis, c: &Clause) -> Option<Range<usize>> {
    if c.kind != ClauseKind::Relative {
        return None;
    }
    let start = c.segs[0].start;
    a.chunks
        .iter()
        .rev()
        .find(|ch| ch.range.end < start && ch.range.end + 2 >= start)
        .map(|ch| ch.range.clone())
}
