//! Frames: events told by a clause. A frame is data (`data/frames.txt`): the verbs that trigger
//! it and the role each syntactic slot of their clause fills. The matcher here knows slots, not
//! phrasings: the clause analysis has already put every word order, tense and voice into the
//! same shape (lemma, subject, objects, prepositional phrases, voice).

use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_clause::{Analysis, Chunk, ChunkKind, Clause, Mood, Tense, Voice};
use delegraph_model::{EntityRef, Status};
use std::ops::Range;
use std::sync::LazyLock;

/// A syntactic slot of a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot {
    Subject,
    /// The accusative phrase that is not the subject.
    Object,
    Dative,
    /// The "von" (or "durch") phrase of a passive.
    Agent,
    /// A prepositional phrase with this preposition.
    Pp(String),
    /// Names after a trigger noun in its own phrase ("die Partnerstadt X").
    Apposition,
    /// Every noun phrase of the clause that may be subject or object: for roles only one kind of
    /// entity can fill ("unterzeichneten das Dokument die Stadtoberhäupter, also X und Y":
    /// one signs no person).
    AnyNp,
}

impl Slot {
    fn parse(s: &str) -> Option<Slot> {
        Some(match s {
            "subject" => Slot::Subject,
            "object" => Slot::Object,
            "dative" => Slot::Dative,
            "agent" => Slot::Agent,
            "apposition" => Slot::Apposition,
            "np" => Slot::AnyNp,
            _ => Slot::Pp(s.strip_prefix("pp:")?.to_string()),
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub name: String,
    pub verbs: Vec<String>,
    /// Verbs that tell of the event only with their document named in the clause
    /// ("eine Vereinbarung schließen"); the assembly checks that.
    pub weak: Vec<String>,
    /// Verbs that tell of the event only in the perfect or pluperfect, with no predicate noun
    /// ("ist in X gewesen", not "ist in X Bürgermeister gewesen").
    pub perfect: Vec<String>,
    /// Light verbs with the nouns that carry the event as their object ("setzte ihre
    /// Unterschrift unter …").
    pub light: Vec<(String, Vec<String>)>,
    /// Trigger nouns (lowercase; a compound ending in one triggers too).
    pub nouns: Vec<String>,
    /// Active voice: slot -> role.
    pub active: Vec<(Slot, String)>,
    /// Passive voice overrides.
    pub passive: Vec<(Slot, String)>,
    /// Examples: text and expected (role, name) pairs.
    pub examples: Vec<(String, Vec<(String, String)>)>,
}

impl Frame {
    /// The role a slot fills in a clause of this voice.
    fn role(&self, slot: &Slot, voice: Voice) -> Option<&str> {
        fn find<'a>(v: &'a [(Slot, String)], s: &Slot) -> Option<&'a str> {
            v.iter().find(|(x, _)| x == s).map(|(_, r)| r.as_str())
        }
        if voice == Voice::Active {
            return find(&self.active, slot);
        }
        if let Some(r) = find(&self.passive, slot) {
            return Some(r);
        }
        match slot {
            Slot::Subject => find(&self.active, &Slot::Object),
            Slot::Agent => find(&self.active, &Slot::Subject),
            Slot::Object => None,
            _ => find(&self.active, slot),
        }
    }
}

/// Reads the frame file; a malformed line is a programming error caught by the tests.
pub(crate) fn parse_frames(src: &str) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        if key == "frame" {
            out.push(Frame {
                name: rest.trim().to_string(),
                verbs: Vec::new(),
                weak: Vec::new(),
                perfect: Vec::new(),
                light: Vec::new(),
                nouns: Vec::new(),
                active: Vec::new(),
                passive: Vec::new(),
                examples: Vec::new(),
            });
            continue;
        }
        let Some(f) = out.last_mut() else { continue };
        match key {
            "verbs" => f.verbs.extend(rest.split_whitespace().map(fold)),
            "weak" => f.weak.extend(rest.split_whitespace().map(fold)),
            "perfect" => f.perfect.extend(rest.split_whitespace().map(fold)),
            "light" => {
                let mut words = rest.split_whitespace();
                if let Some(verb) = words.next() {
                    f.light
                        .push((fold(verb), words.map(str::to_lowercase).collect()));
                }
            }
            "nouns" => f.nouns.extend(rest.split_whitespace().map(str::to_string)),
            "example" => {
                let (text, roles) = rest.split_once("=>").unwrap_or((rest, ""));
                let roles = roles
                    .split(';')
                    .filter_map(|r| r.split_once(':'))
                    .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                    .collect();
                f.examples.push((text.trim().to_string(), roles));
            }
            _ => {
                let (passive, slot) = match key.strip_prefix("passive.") {
                    Some(s) => (true, s),
                    None => (false, key),
                };
                if let Some(slot) = Slot::parse(slot) {
                    let role = rest.trim().to_string();
                    if passive {
                        f.passive.push((slot, role))
                    } else {
                        f.active.push((slot, role))
                    }
                }
            }
        }
    }
    out
}

/// Spelling-insensitive lemma key ("begrüßen" = "begrüssen").
fn fold(s: &str) -> String {
    s.replace('ß', "ss")
}

/// The developer's trace of the event layer on stderr: `DELEGRAPH_FRAMES=1` prints frame
/// instances, legs and agreements, `DELEGRAPH_FRAMES=clauses` also every clause. Read once, not
/// once per document and step.
pub(crate) static TRACE: LazyLock<Option<String>> =
    LazyLock::new(|| std::env::var("DELEGRAPH_FRAMES").ok());

/// Whether the trace is on (any value of `DELEGRAPH_FRAMES`).
pub(crate) fn tracing() -> bool {
    TRACE.is_some()
}

pub(crate) static FRAMES: LazyLock<Vec<Frame>> =
    LazyLock::new(|| parse_frames(include_str!("../data/frames.txt")));

/// The nouns a frame's light verbs carry the event with ("Unterschrift").
pub(crate) fn light_nouns(frame: &str) -> Vec<&'static String> {
    FRAMES
        .iter()
        .filter(|f| f.name == frame)
        .flat_map(|f| f.light.iter().flat_map(|(_, n)| n.iter()))
        .collect()
}

/// What fills a role: a recognized entity, or a phrase that refers to the travelling group
/// ("die Delegation", "die Gäste", "sie") for the assembly to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Filler {
    Entity(EntityRef),
    /// A phrase naming a group or a pronoun, with its token range start.
    Group(usize),
}

/// One event told by one clause.
#[derive(Debug, Clone)]
pub(crate) struct Instance {
    pub frame: &'static str,
    pub clause: usize,
    pub sentence: usize,
    /// The clause's tokens, from first to last.
    pub span: Range<usize>,
    /// The trigger: the verb's first token, or the noun.
    pub trigger: usize,
    /// A weak verb: the event holds only where its document is named.
    pub weak: bool,
    /// Triggered by a noun, not a verb.
    pub noun: bool,
    pub roles: Vec<(&'static str, Filler)>,
    /// The phrase of each filled slot, with its role.
    pub slots: Vec<(&'static str, Slot, Range<usize>)>,
    pub status: Status,
    /// Told in the pluperfect: a journey before the one the text reports ("war … gereist").
    pub earlier: bool,
}

impl Instance {
    pub fn entities(&self, role: &str) -> impl Iterator<Item = EntityRef> + '_ {
        let role = role.to_string();
        self.roles
            .iter()
            .filter(move |(r, _)| *r == role)
            .filter_map(|(_, f)| match f {
                Filler::Entity(e) => Some(*e),
                Filler::Group(_) => None,
            })
    }

    /// The phrases that fill a role.
    pub fn spans(&self, role: &str) -> impl Iterator<Item = &Range<usize>> + '_ {
        let role = role.to_string();
        self.slots
            .iter()
            .filter(move |(r, _, _)| *r == role)
            .map(|(_, _, r)| r)
    }

    /// Entities in the phrases of the given slots, with the holders of definite titles.
    pub fn in_slots<'s>(
        &'s self,
        ctx: &'s Ctx,
        f: &'s Found,
        which: impl Fn(&Slot) -> bool + 's,
    ) -> impl Iterator<Item = EntityRef> + 's {
        self.slots
            .iter()
            .filter(move |(_, s, _)| which(s))
            .flat_map(move |(_, _, r)| {
                let mut v = entities_in(f, r.clone());
                v.extend(titled_holders(ctx, f, r.clone()));
                v
            })
    }
}

/// The status a clause's verb group gives its event.
pub(crate) fn status_of(c: &Clause) -> Status {
    if c.negated || denies(c) {
        Status::Negated
    } else if c.modal.is_some() || c.mood == Mood::Subjunctive && c.tense != Tense::Perfect {
        Status::Planned
    } else {
        match c.tense {
            Tense::Past | Tense::Perfect | Tense::Pluperfect => Status::Completed,
            Tense::Future => Status::Announced,
            _ => Status::Ongoing,
        }
    }
}

/// A clause whose verb is one of the `deny` frame's ("lehnte … ab", "wurde abgesagt"): the
/// events it names did not happen.
fn denies(c: &Clause) -> bool {
    FRAMES
        .iter()
        .filter(|f| f.name == "deny")
        .any(|f| c.lemmas.iter().any(|l| f.verbs.contains(&fold(l))))
}

/// "Prüfung einer Partnerschaft", "eine mögliche Partnerschaft": a partnership noun under a proposal
/// (`proposals` in `data/cues.txt`, up to three words before it) names nothing that holds.
fn proposed(ctx: &Ctx, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|x| crate::events::cues::starts("proposals", &ctx.lower(x)))
}

/// Words that refer to a travelling group without naming it.
const GROUP_NOUNS: &[&str] = &[
    "delegation",
    "gäste",
    "gästen",
    "besucher",
    "besuchern",
    "gruppe",
    "abordnung",
    "reisegruppe",
];

/// Entities mentioned inside a token range (places inside organization names excluded).
fn entities_in(f: &Found, r: Range<usize>) -> Vec<EntityRef> {
    let from = f.index.partition_point(|(t, _)| t.start < r.start);
    let mut out: Vec<EntityRef> = Vec::new();
    let mut covered_to = r.start;
    for (t, e) in f.index[from..].iter().take_while(|(t, _)| t.start < r.end) {
        if t.start < covered_to && e.ty == delegraph_model::EntityType::Place {
            continue;
        }
        covered_to = covered_to.max(t.end);
        if !out.contains(e) {
            out.push(*e);
        }
    }
    out
}

/// "der Kultusminister", "die Oberbürgermeisterin": a definite title without a name refers to
/// the one person of the document who holds it.
fn titled_holders(ctx: &Ctx, f: &Found, r: Range<usize>) -> Vec<EntityRef> {
    let from = f.index.partition_point(|(t, _)| t.start + 10 < r.start);
    let mentions: Vec<&Range<usize>> = f.index[from..]
        .iter()
        .take_while(|(t, _)| t.start < r.end + 1)
        .map(|(t, _)| t)
        .collect();
    let named = |k: usize| mentions.iter().any(|t| t.start <= k + 1 && k < t.end);
    let mut out = Vec::new();
    for k in r.clone() {
        let Some(head) = crate::ner::office_head(ctx.word(k)) else {
            continue;
        };
        let definite = k > r.start
            && matches!(
                ctx.lower(k - 1).as_str(),
                "der" | "die" | "den" | "dem" | "des"
            );
        if !definite || named(k) {
            continue;
        }
        let mut holders =
            (0..f.persons.len()).filter(|&p| f.persons[p].offices.iter().any(|o| o.head == head));
        if let (Some(p), None) = (holders.next(), holders.next()) {
            let e = EntityRef::person(p);
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

fn fillers(ctx: &Ctx, f: &Found, r: Range<usize>) -> Vec<Filler> {
    let ents = entities_in(f, r.clone());
    if !ents.is_empty() {
        return ents.into_iter().map(Filler::Entity).collect();
    }
    let group = r.clone().any(|k| {
        let l = ctx.lower(k);
        GROUP_NOUNS.iter().any(|g| l.ends_with(g)) || matches!(l.as_str(), "sie" | "er")
    });
    if group {
        vec![Filler::Group(r.start)]
    } else {
        Vec::new()
    }
}

/// The syntactic slots of a clause with their token ranges.
fn slots(a: &Analysis, c: &Clause) -> Vec<(Slot, Range<usize>)> {
    let mut out = Vec::new();
    if let Some(s) = &c.subject {
        out.push((Slot::Subject, s.clone()));
    }
    let chunks: &[Chunk] = &a.chunks[c.chunks.clone()];
    let is_subject = |ch: &Chunk| {
        c.subject
            .as_ref()
            .is_some_and(|s| s.start <= ch.range.start && ch.range.end <= s.end)
    };
    if let Some(o) = chunks
        .iter()
        .find(|ch| ch.kind == ChunkKind::Np && ch.cases.acc() && !is_subject(ch))
    {
        out.push((Slot::Object, o.range.clone()));
    }
    if let Some(d) = chunks
        .iter()
        .find(|ch| ch.kind == ChunkKind::Np && ch.cases.dat() && !ch.cases.acc() && !ch.cases.nom())
    {
        out.push((Slot::Dative, d.range.clone()));
    }
    // Phrases that may be subject or object (not a genitive or dative attribute).
    for ch in chunks
        .iter()
        .filter(|ch| ch.kind == ChunkKind::Np && (ch.cases.nom() || ch.cases.acc()))
    {
        out.push((Slot::AnyNp, ch.range.clone()));
    }
    // The agent of a passive: the "durch" phrase, else the first "von" phrase ("Auf Initiative
    // von X wurde … durch Y unterzeichnet": Y).
    let agent = (c.voice == Voice::Passive)
        .then(|| {
            let pp = |p: &str| {
                chunks
                    .iter()
                    .position(|ch| ch.kind == ChunkKind::Pp && ch.prep.as_deref() == Some(p))
            };
            pp("durch").or_else(|| pp("von"))
        })
        .flatten();
    for (i, ch) in chunks
        .iter()
        .enumerate()
        .filter(|(_, ch)| ch.kind == ChunkKind::Pp)
    {
        let prep = ch.prep.clone().unwrap_or_default();
        if agent == Some(i) {
            out.push((Slot::Agent, ch.range.clone()));
        } else {
            out.push((Slot::Pp(prep), ch.range.clone()));
        }
    }
    out
}

/// Whether a word is a trigger noun or a compound ending in one.
fn noun_triggers(frame: &Frame, lower: &str) -> bool {
    frame.nouns.iter().any(|n| lower.ends_with(n.as_str()))
}

/// Instances of noun frames: a phrase with a trigger noun, its names after the noun and the
/// prepositional phrase right after it.
fn noun_instances(ctx: &Ctx, f: &Found, a: &Analysis, out: &mut Vec<Instance>) {
    for frame in FRAMES.iter().filter(|fr| !fr.nouns.is_empty()) {
        for (chi, ch) in a.chunks.iter().enumerate() {
            let Some(k) = ch
                .range
                .clone()
                .find(|&k| ctx.is_cap(k) && noun_triggers(frame, &ctx.lower(k)))
            else {
                continue;
            };
            let c = &a.clauses[ch.clause];
            if c.sentence < ctx.boiler.len() && ctx.boiler[c.sentence] {
                continue;
            }
            let mut roles = Vec::new();
            let mut slots = Vec::new();
            let mut fill = |slot: Slot, r: Range<usize>| {
                if let Some(role) = frame.role(&slot, Voice::Active) {
                    for e in entities_in(f, r.clone()) {
                        roles.push((role_name(role), Filler::Entity(e)));
                    }
                    slots.push((role_name(role), slot, r));
                }
            };
            fill(Slot::Apposition, k + 1..ch.range.end);
            // "Für die Unterzeichnung reist X nach Y": the subject of a clause does what the
            // noun of its purpose phrase names.
            if ch.kind == ChunkKind::Pp
                && matches!(ch.prep.as_deref(), Some("für" | "zu"))
                && let Some(subject) = c.subject.clone()
            {
                fill(Slot::Subject, subject);
            }
            if let Some(next) = a
                .chunks
                .get(chi + 1)
                .filter(|n| n.kind == ChunkKind::Pp && n.range.start == ch.range.end)
            {
                fill(
                    Slot::Pp(next.prep.clone().unwrap_or_default()),
                    next.range.clone(),
                );
            }
            out.push(Instance {
                frame: frame_name(&frame.name),
                clause: ch.clause,
                sentence: c.sentence,
                span: c.span(),
                trigger: k,
                weak: false,
                noun: true,
                roles,
                slots,
                status: if frame.name == "partnership" && proposed(ctx, k) {
                    Status::Negated
                } else {
                    status_of(c)
                },
                earlier: c.tense == Tense::Pluperfect,
            });
        }
    }
}

/// How a clause's verb triggers a frame: as one of its verbs, as a weak verb, or as a light
/// verb with one of its nouns in a noun phrase of the clause.
fn triggers(ctx: &Ctx, a: &Analysis, c: &Clause, frame: &Frame, lemma: &str) -> Option<bool> {
    if frame.verbs.iter().any(|v| v == lemma) {
        return Some(false);
    }
    if frame.weak.iter().any(|v| v == lemma) {
        return Some(true);
    }
    if frame.perfect.iter().any(|v| v == lemma)
        && matches!(c.tense, Tense::Perfect | Tense::Pluperfect)
        && !predicative(ctx, a, c)
    {
        return Some(false);
    }
    let nouns = frame
        .light
        .iter()
        .find(|(v, _)| v == lemma)
        .map(|(_, n)| n)?;
    // The noun may stand in a noun phrase ("ihre Unterschrift setzen") or a prepositional one
    // ("mit von der Partie sein"); an adverb is the word itself ("unterwegs sein").
    let in_phrase = a.chunks[c.chunks.clone()]
        .iter()
        .filter(|ch| matches!(ch.kind, ChunkKind::Np | ChunkKind::Pp))
        .any(|ch| {
            ch.range
                .clone()
                .any(|k| nouns.iter().any(|n| ctx.lower(k).starts_with(n.as_str())))
        });
    let as_word = || c.tokens().any(|k| nouns.contains(&ctx.lower(k)));
    (in_phrase || as_word()).then_some(false)
}

/// Whether a clause names what its subject is: a noun phrase besides the subject with an
/// office title ("ist in X Bürgermeister gewesen").
fn predicative(ctx: &Ctx, a: &Analysis, c: &Clause) -> bool {
    a.chunks[c.chunks.clone()].iter().any(|ch| {
        ch.kind == ChunkKind::Np
            && !c
                .subject
                .as_ref()
                .is_some_and(|s| s.start <= ch.range.start && ch.range.end <= s.end)
            && ch
                .range
                .clone()
                .any(|k| crate::ner::office_head(ctx.word(k)).is_some())
    })
}

/// Every frame instance of a document: verb frames in text order, then noun frames.
pub(crate) fn instances(ctx: &Ctx, f: &Found, a: &Analysis) -> Vec<Instance> {
    let mut out = Vec::new();
    for (ci, c) in a.clauses.iter().enumerate() {
        if c.sentence < ctx.boiler.len() && ctx.boiler[c.sentence] {
            continue;
        }
        let lemmas: Vec<String> = c.lemmas.iter().map(|l| fold(l)).collect();
        for frame in FRAMES.iter() {
            let Some(weak) = lemmas
                .iter()
                .filter_map(|l| triggers(ctx, a, c, frame, l))
                .min()
            else {
                continue;
            };
            let mut roles = Vec::new();
            let mut filled = Vec::new();
            for (slot, r) in slots(a, c) {
                let Some(role) = frame.role(&slot, c.voice) else {
                    continue;
                };
                for filler in fillers(ctx, f, r.clone()) {
                    roles.push((role_name(role), filler));
                }
                filled.push((role_name(role), slot, r));
            }
            out.push(Instance {
                frame: frame_name(&frame.name),
                clause: ci,
                sentence: c.sentence,
                span: c.span(),
                trigger: c.verbs.first().copied().unwrap_or(c.span().start),
                weak,
                noun: false,
                roles,
                slots: filled,
                status: status_of(c),
                earlier: c.tense == Tense::Pluperfect,
            });
        }
    }
    noun_instances(ctx, f, a, &mut out);
    if TRACE.as_deref() == Some("clauses") {
        debug_clauses(ctx, a);
    }
    out
}

/// Prints each clause with its verb group, subject and chunks (`DELEGRAPH_FRAMES=clauses`).
fn debug_clauses(ctx: &Ctx, a: &Analysis) {
    let text = |r: &Range<usize>| a.text_of(r.clone(), ctx.text).replace('\n', " ");
    for (ci, c) in a.clauses.iter().enumerate() {
        eprintln!(
            "clause s{} c{ci} {:?} {:?} {:?}/{:?} subj={:?}",
            c.sentence,
            c.kind,
            c.lemma,
            c.tense,
            c.voice,
            c.subject.as_ref().map(text)
        );
        let segs: Vec<String> = c.segs.iter().map(text).collect();
        eprintln!("    [{}]", segs.join(" | "));
        for ch in &a.chunks[c.chunks.clone()] {
            eprintln!(
                "    {:?} {:?} {:?} {}",
                ch.kind,
                ch.prep,
                ch.cases,
                text(&ch.range)
            );
        }
    }
}

/// Interned role and frame names (the data is static for the process).
fn role_name(r: &str) -> &'static str {
    FRAMES
        .iter()
        .flat_map(|f| f.active.iter().chain(&f.passive))
        .map(|(_, x)| x.as_str())
        .find(|x| *x == r)
        .unwrap_or("")
}

fn frame_name(n: &str) -> &'static str {
    FRAMES
        .iter()
        .map(|f| f.name.as_str())
        .find(|x| *x == n)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use delegraph_model::EntityType;

    fn name_of(f: &Found, e: EntityRef) -> String {
        match e.ty {
            EntityType::Person => f.persons[e.index].name(),
            EntityType::Organization => f.orgs[e.index].name.clone(),
            EntityType::Place => delegraph_gazetteer::places::Places::get()
                .place(f.places[e.index].id)
                .name
                .clone(),
        }
    }

    /// Every example in `data/frames.txt` fires its frame with the roles it lists.
    #[test]
    fn frame_examples_hold() {
        let mut failures = Vec::new();
        for frame in FRAMES.iter() {
            for (text, expected) in &frame.examples {
                let ctx = Ctx::new(text);
                let f = crate::ner::recognize(&ctx);
                let a = crate::clause_analysis(&ctx, &f);
                let found: Vec<(String, String)> = instances(&ctx, &f, &a)
                    .iter()
                    .filter(|i| i.frame == frame.name)
                    .flat_map(|i| i.roles.iter())
                    .filter_map(|(r, fl)| match fl {
                        Filler::Entity(e) => Some((r.to_string(), name_of(&f, *e))),
                        Filler::Group(_) => None,
                    })
                    .collect();
                for e in expected {
                    if !found.contains(e) {
                        failures.push(format!(
                            "{}: {text}\n  missing {e:?}; found {found:?}",
                            frame.name
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn frames_parse() {
        assert!(FRAMES.len() >= 6);
        for f in FRAMES.iter() {
            assert!(
                !f.verbs.is_empty() || !f.nouns.is_empty() || !f.light.is_empty(),
                "{} has no trigger",
                f.name
            );
            assert!(f.examples.len() >= 2, "{} needs two phrasings", f.name);
        }
    }
}
