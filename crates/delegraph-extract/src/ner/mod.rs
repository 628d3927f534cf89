//! Recognition of persons (with offices and parties), places and organizations.
//!
//! ## What it matches
//! - organizations from the bundled lexicon, legal forms ("Heide Projekt GmbH"), German head
//!   nouns with a specific modifier or complement ("Deutsch-Ostländische Gesellschaft Lindau",
//!   "Presse- und Informationsamt des Landes Großbach"), English names ("Massachusetts Institute of
//!   Technology"), quoted event names after a cue ("Konferenz „Future Days“"), acronyms defined
//!   in parentheses and unknown all-caps acronyms;
//! - persons after office titles ("Oberbürgermeisterin Hadler", "der Präsident der X, Udo Richtmann"),
//!   before them ("Lutz Ahrendt, Regierender Bürgermeister von Großbach"), from first-name lexicons
//!   ("Jack Lu") and Chinese family names with a pinyin given name ("Tang Weiming");
//! - places from the gazetteer, with inflected and adjective forms, ambiguous names only after
//!   a place preposition.
//!
//! ## Known misses
//! Surname-only persons without a title ("Erdogan"), organizations named by bare generic nouns.

mod merge;
mod organizations;
mod persons;
mod places;

use merge::*;
use organizations::*;
use persons::*;
use places::*;

use crate::ctx::Ctx;
use crate::lexicon::*;
use delegraph_gazetteer::names::{is_common_surname, is_first_name};
use delegraph_gazetteer::org_heads;
use delegraph_gazetteer::orgs::{self, lookup_org};
use delegraph_gazetteer::places::{Form, PlaceId, PlaceKind, Places};
use delegraph_gazetteer::words::{is_common_noun, zipf};
use delegraph_model::{EntityRef, EntityType, OrgKind};
use std::cell::RefCell;
use std::collections::BTreeMap;
// The memos below are asked of every title and name word: a fast hash.
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Where an office belongs, as far as the phrase tells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OfRef {
    None,
    Ent(EntityRef),
    /// A name to resolve once all entities are known ("HBK" in "HBK-Präsidentin").
    Surface(String),
}

#[derive(Debug, Clone)]
pub(crate) struct OfficeB {
    pub title: String,
    pub head: &'static str,
    pub of: OfRef,
    pub toks: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct PersonB {
    /// Name words without honorifics.
    pub words: Vec<String>,
    pub mentions: Vec<(Range<usize>, String)>,
    pub offices: Vec<OfficeB>,
    pub party: Option<String>,
}

impl PersonB {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }
}

#[derive(Debug, Clone)]
pub(crate) struct OrgB {
    pub name: String,
    pub kind: OrgKind,
    pub mentions: Vec<(Range<usize>, String)>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceB {
    pub id: PlaceId,
    pub mentions: Vec<(Range<usize>, String)>,
}

/// Everything recognized in a document, before events.
#[derive(Default)]
pub(crate) struct Found {
    pub persons: Vec<PersonB>,
    pub orgs: Vec<OrgB>,
    pub places: Vec<PlaceB>,
    /// Token claims of persons and organizations (places may overlap organizations).
    pub claim: Vec<Option<EntityRef>>,
    /// Every mention: token range and entity, sorted by start.
    pub index: Vec<(Range<usize>, EntityRef)>,
    /// Office titles without a name next to them ("der Regierende Bürgermeister"), resolved
    /// to a person once all persons are known.
    pub unassigned: Vec<OfficeB>,
}

fn org_kind(s: &str) -> OrgKind {
    OrgKind::parse(s).unwrap_or(OrgKind::Other)
}

/// Strips German case endings that inflected nouns carry ("Landtags", "Präsidenten").
fn stems(lower: &str) -> Vec<&str> {
    let mut v = vec![lower];
    for suf in ["es", "en", "s", "n", "e"] {
        if let Some(s) = lower.strip_suffix(suf)
            && s.chars().count() >= 3
        {
            v.push(s);
        }
    }
    v
}

/// Whether `word` names a kind of town ("Gemeinde", "Partnerstadt", "des Ortsteils").
pub(crate) fn is_town_noun_word(word: &str) -> bool {
    is_town_noun(word)
}

/// Words a thread's caches of [`office_head`] and [`org_head`] keep before they start afresh
/// (so that a long build's memory stays bounded).
const MEMO_LIMIT: usize = 50_000;

thread_local! {
    static OFFICE_HEADS_SEEN: RefCell<HashMap<String, Option<&'static str>>> = RefCell::default();
    static ORG_HEADS_SEEN: RefCell<HashMap<String, Option<OrgHead>>> = RefCell::default();
}

/// `f(word)`, remembered per thread: `f` must depend on the word alone. The rules ask for the
/// head of the same word many times (every rule that looks at a title or a name), and finding
/// it means lowercasing and trying every head against every stem.
fn memo<T: Copy>(
    seen: &'static std::thread::LocalKey<RefCell<HashMap<String, T>>>,
    word: &str,
    f: impl FnOnce(&str) -> T,
) -> T {
    if let Some(v) = seen.with(|c| c.borrow().get(word).copied()) {
        return v;
    }
    let v = f(word);
    seen.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MEMO_LIMIT {
            c.clear();
        }
        c.insert(word.to_owned(), v);
    });
    v
}

/// The office head of a title word ("Wirtschaftssenatorin" -> "senator"), if it is one.
pub(crate) fn office_head(word: &str) -> Option<&'static str> {
    memo(&OFFICE_HEADS_SEEN, word, find_office_head)
}

fn find_office_head(word: &str) -> Option<&'static str> {
    if word.chars().next().is_none_or(|c| !c.is_uppercase()) {
        return None;
    }
    let mut lower = word.to_lowercase();
    // "Bourgmestre X", "Vizemeras Y": a title of another language, as a whole word.
    let bare = ["vize-", "vice-", "vize", "vice"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    if let Some(h) = FOREIGN_TITLES.iter().find(|h| **h == bare) {
        return Some(h);
    }
    // "Landesrätin" -> "landesrat": the feminine of "-rat" changes the vowel.
    if let Some(stem) = lower
        .strip_suffix("rätinnen")
        .or_else(|| lower.strip_suffix("rätin"))
        .or_else(|| lower.strip_suffix("räte"))
    {
        lower = format!("{stem}rat");
    }
    // "Chefärztin", "Ärzte" -> "chefarzt", "arzt": the umlaut of the feminine and plural.
    if let Some(stem) = lower
        .strip_suffix("ärztinnen")
        .or_else(|| lower.strip_suffix("ärztin"))
        .or_else(|| lower.strip_suffix("ärzte"))
    {
        lower = format!("{stem}arzt");
    }
    // Plurals with umlaut: "Vorstände" -> "vorstand".
    if let Some(stem) = lower.strip_suffix("stände") {
        lower = format!("{stem}stand");
    }
    for s in stems(&lower) {
        let base = s
            .strip_suffix("in")
            .filter(|b| b.chars().count() >= 4)
            .unwrap_or(s);
        let base = base.strip_suffix("inn").unwrap_or(base);
        for cand in [s, base] {
            // The longest head: "Regierungschef" is a head of its own, not just a "chef".
            // "Präsidium", "Ministerium" do not end in a head; "Vorstandsmitglied" neither.
            if let Some(h) = OFFICE_HEADS
                .iter()
                .filter(|h| cand.ends_with(*h))
                .max_by_key(|h| h.len())
            {
                return Some(h);
            }
        }
    }
    None
}

fn is_office_adjective(word: &str) -> bool {
    let lower = word.to_lowercase();
    stems(&lower)
        .iter()
        .chain([lower.strip_suffix('r').unwrap_or(&lower)].iter())
        .chain([lower.strip_suffix('m').unwrap_or(&lower)].iter())
        .any(|s| OFFICE_ADJECTIVES.contains(s))
}

/// German organization head of a word, with its kind and whether a bare compound names an institution.
fn org_head(word: &str) -> Option<OrgHead> {
    memo(&ORG_HEADS_SEEN, word, find_org_head)
}

/// An organization head, its kind, whether a bare compound names an institution, and the
/// length in characters of the compound's modifier.
type OrgHead = (&'static str, &'static str, bool, usize);

fn find_org_head(word: &str) -> Option<OrgHead> {
    // "Verbund", "Feuerwerk", "Sitzbank": the dictionary knows them as no compound of a head.
    if org_heads::is_false_org_compound(word) {
        return None;
    }
    let lower = word.to_lowercase();
    let lower = lower.rsplit('-').next().unwrap_or(&lower).to_string();
    let head = stems(&lower)
        .into_iter()
        .find_map(|s| {
            // The longest head: "Volkshochschule" is a "hochschule" before it is a "schule".
            ORG_HEADS
                .iter()
                .filter(|(h, _, _)| s.ends_with(*h))
                .max_by_key(|(h, _, _)| h.len())
                .map(|(h, k, st)| (*h, *k, *st, s.chars().count() - h.chars().count()))
        })
        // The open-data lexicon's heads and compounds ("Kreishandwerkerschaft",
        // "Hopfenbauernvereinigung", "Leitstelle"): never bare names of their own. Heads that
        // come before their name ("Kloster X", "Gasthof Y") are the head-first rule's.
        .or_else(|| {
            org_heads::org_head_of(word)
                .filter(|h| !HEAD_FIRST.iter().any(|(f, _)| *f == h.head))
                .map(|h| (h.head, h.kind, false, h.prefix_len))
        })?;
    // "Rosenheim", "Wehr": a town the gazetteer names is no institution (asked only of words
    // with a head: most words have none, and the lookup costs more than the heads).
    if Places::get()
        .lookup(word)
        .iter()
        .any(|c| matches!(c.form, Form::Name | Form::Alias | Form::Genitive) && !c.ambiguous)
    {
        return None;
    }
    Some(head)
}

fn is_pinyin_given_name(w: &str) -> bool {
    // Capitalized, lowercase rest, made of pinyin syllables ("Liangzhi", "Mingde", "Shichun").
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_ascii_uppercase() || !chars.all(|c| c.is_ascii_lowercase() || c == 'ü') {
        return false;
    }
    let lower = w.to_lowercase();
    split_pinyin(&lower, 0) && lower.len() <= 12
}

const PINYIN_INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];
const PINYIN_FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "uai", "ian", "iao", "uan", "üan", "ai",
    "ei", "ao", "ou", "an", "en", "in", "un", "ün", "ia", "ie", "iu", "ua", "uo", "ui", "üe", "er",
    "a", "o", "e", "i", "u", "ü",
];

fn split_pinyin(s: &str, depth: usize) -> bool {
    if s.is_empty() {
        return depth > 0;
    }
    if depth > 4 {
        return false;
    }
    for ini in PINYIN_INITIALS {
        if let Some(rest) = s.strip_prefix(ini) {
            for fin in PINYIN_FINALS {
                // "er" stands only alone, never after an initial ("Großbach" is no pinyin).
                if *fin == "er" && !ini.is_empty() {
                    continue;
                }
                if let Some(rest2) = rest.strip_prefix(fin)
                    && split_pinyin(rest2, depth + 1)
                {
                    return true;
                }
            }
        }
    }
    false
}

impl Found {
    /// The place mentioned from token `k` on, if one is.
    pub(crate) fn place_at(&self, k: usize) -> Option<EntityRef> {
        self.index
            .iter()
            .find(|(t, e)| t.start == k && e.ty == EntityType::Place)
            .map(|(_, e)| *e)
    }

    fn add_ref(&mut self, toks: Range<usize>, r: EntityRef, claim: bool) {
        if claim {
            for c in &mut self.claim[toks.clone()] {
                *c = Some(r);
            }
        }
        self.index.push((toks, r));
    }

    fn free(&self, toks: Range<usize>) -> bool {
        toks.end <= self.claim.len() && self.claim[toks].iter().all(Option::is_none)
    }

    fn org_ref(&mut self, ctx: &Ctx, toks: Range<usize>, name: String, kind: OrgKind) -> EntityRef {
        let surface = ctx.surface(toks.clone());
        let inflected = norm_key(&name);
        // "… der Carl Zeiss Jena GmbH." at a sentence end: the period is the sentence's.
        let name = match name.strip_suffix('.') {
            Some(n)
                if ["GmbH", "AG", "SE", "KG", "OHG", "UG", "GbR", "mbH", "KGaA"]
                    .iter()
                    .any(|f| n.ends_with(f)) =>
            {
                n.to_string()
            }
            _ => name,
        };
        let name = crate::inflect::org_nominative(&name);
        let key = norm_key(&name);
        let idx = match self.orgs.iter().position(|o| {
            [&key, &inflected]
                .iter()
                .any(|k| norm_key(&o.name) == **k || o.aliases.iter().any(|a| norm_key(a) == **k))
        }) {
            Some(i) => i,
            None => {
                self.orgs.push(OrgB {
                    name,
                    kind,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                });
                self.orgs.len() - 1
            }
        };
        let o = &mut self.orgs[idx];
        // The sentence's period is no part of the alias either ("… GmbH.").
        let surface = match surface.strip_suffix('.') {
            Some(s) if o.name.ends_with(s) || s == o.name => s.to_string(),
            _ => surface,
        };
        if surface != o.name && !o.aliases.contains(&surface) {
            o.aliases.push(surface.clone());
        }
        o.mentions.push((toks.clone(), surface));
        let r = EntityRef::org(idx);
        self.add_ref(toks, r, true);
        r
    }

    fn place_ref(&mut self, ctx: &Ctx, toks: Range<usize>, id: PlaceId) -> EntityRef {
        let surface = ctx.surface(toks.clone());
        let gaz = Places::get();
        let name = &gaz.place(id).name;
        // A city-state named twice ("Großbach", "das Land Großbach") is one place in a document: the
        // city, which the text means far more often.
        let same_name = self
            .places
            .iter()
            .position(|p| p.id != id && gaz.place(p.id).name == *name);
        if let Some(i) = same_name
            && gaz.place(id).kind == PlaceKind::City
        {
            self.places[i].id = id;
        }
        let idx = match self.places.iter().position(|p| p.id == id).or(same_name) {
            Some(i) => i,
            None => {
                self.places.push(PlaceB {
                    id,
                    mentions: Vec::new(),
                });
                self.places.len() - 1
            }
        };
        self.places[idx].mentions.push((toks.clone(), surface));
        let r = EntityRef::place(idx);
        self.add_ref(toks, r, false);
        r
    }

    fn person_ref(&mut self, ctx: &Ctx, toks: Range<usize>, words: Vec<String>) -> EntityRef {
        let surface = ctx.surface(toks.clone());
        // "Prof. CHEN Ming": family names in capitals are written as names ("Chen Ming").
        let words: Vec<String> = words
            .into_iter()
            .map(|w| {
                if w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-') {
                    let mut cs = w.chars();
                    let first = cs.next().map(|c| c.to_string()).unwrap_or_default();
                    first + &cs.as_str().to_lowercase()
                } else {
                    w
                }
            })
            .collect();
        let name = words.join(" ");
        let idx = match self.persons.iter().position(|p| p.name() == name) {
            Some(i) => i,
            None => {
                self.persons.push(PersonB {
                    words,
                    ..Default::default()
                });
                self.persons.len() - 1
            }
        };
        self.persons[idx].mentions.push((toks.clone(), surface));
        let r = EntityRef::person(idx);
        self.add_ref(toks, r, true);
        r
    }

    /// Any mention starting at token `i`, preferring persons and organizations.
    pub fn entity_starting(&self, i: usize) -> Option<(Range<usize>, EntityRef)> {
        let mut best: Option<(Range<usize>, EntityRef)> = None;
        for (t, r) in &self.index {
            if t.start == i {
                let better = match &best {
                    None => true,
                    Some((bt, br)) => {
                        (br.ty == EntityType::Place && r.ty != EntityType::Place)
                            || t.len() > bt.len()
                    }
                };
                if better {
                    best = Some((t.clone(), *r));
                }
            }
        }
        best
    }
}

/// A key for comparing names: lowercase, letters and digits only.
pub(crate) fn norm_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('ß', "ss")
}

/// Runs all recognizers over a document.
pub(crate) fn recognize(ctx: &Ctx) -> Found {
    let mut f = Found {
        claim: vec![None; ctx.len()],
        ..Default::default()
    };
    quoted_events(ctx, &mut f);
    legal_form_orgs(ctx, &mut f);
    english_orgs(ctx, &mut f);
    known_orgs(ctx, &mut f);
    bodies_of_unknown_towns(ctx, &mut f);
    head_adjective_noun_names(ctx, &mut f);
    branch_compounds(ctx, &mut f);
    german_orgs(ctx, &mut f);
    day_events(ctx, &mut f);
    municipal_services(ctx, &mut f);
    town_councils(ctx, &mut f);
    described_orgs(ctx, &mut f);
    club_orgs(ctx, &mut f);
    site_orgs(ctx, &mut f);
    title_persons(ctx, &mut f);
    name_persons(ctx, &mut f);
    merge_person_variants(&mut f);
    surname_mentions(ctx, &mut f);
    assign_titles(ctx, &mut f);
    colleagues_in_office(ctx, &mut f);
    head_first_orgs(ctx, &mut f);
    admin_unit_places(ctx, &mut f);
    places(ctx, &mut f);
    compass_places(ctx, &mut f);
    context_places(ctx, &mut f);
    landscape_regions(ctx, &mut f);
    acronyms(ctx, &mut f);
    parties(ctx, &mut f);
    merge_org_variants(&mut f);
    bare_head_mentions(ctx, &mut f);
    drop_party_tags(ctx, &mut f);
    merge_place_short_forms(&mut f);
    f.index
        .sort_by_key(|(t, r)| (t.start, std::cmp::Reverse(t.end), *r));
    f.index.dedup();
    f
}

/// The longest place match at token `i` (no context checks), as token range and candidate.
pub(crate) fn place_match(
    ctx: &Ctx,
    i: usize,
    places: &Places,
) -> Option<(Range<usize>, delegraph_gazetteer::places::Candidate)> {
    if !ctx.is_word(i) {
        return None;
    }
    // Multi-word names start with a capital; only single words (adjectives like
    // "westländischen") may be lowercase. Longer candidates stop where the word run ends.
    let mut max = 1;
    if ctx.is_cap(i) {
        let limit = places.max_words().max(1).min(ctx.len() - i);
        while max < limit
            && ctx.same_sentence(i, i + max)
            && (ctx.is_word(i + max) || ctx.word(i + max) == ".")
        {
            max += 1;
        }
    }
    // The most words a name starting with this run's first word has, by that first word
    // (it is the same for every run but the shortest, unless periods cling to it).
    let mut bound: Option<(String, usize)> = None;
    let mut most_from = |first: &str| match &bound {
        Some((w, most)) if w == first => *most,
        _ => {
            let most = places.max_words_from(first);
            bound = Some((first.to_owned(), most));
            most
        }
    };
    // Most runs are longer than any name their first word starts: their word count and first
    // word are read off the tokens, and only runs that may name a place are joined (joining
    // every run cost a third of place matching). Tokens with spaces of their own would split
    // the joined surface elsewhere: those runs take the long way.
    let spaced = ctx.w[i..i + max].iter().any(|w| w.contains(' '));
    for n in (1..=max).rev() {
        if !spaced && n > 1 {
            // A token starting with a period clings to the word before it.
            let clings = |k: &usize| ctx.w[i + k].starts_with('.');
            let count = 1 + (1..n).filter(|k| !clings(k)).count();
            let first_len = (1..n).find(|k| !clings(k)).unwrap_or(n);
            if count > 1 && first_len == 1 && count > most_from(ctx.w[i]) {
                continue;
            }
        }
        // Words joined by spaces, an abbreviation's period clinging to it ("St. Johann").
        let mut surface = ctx.w[i..i + n].join(" ");
        if surface.contains('.') {
            surface = surface.replace(" .", ".");
        }
        let first = surface.split(' ').next().unwrap_or_default();
        let count = 1 + surface.bytes().filter(|&b| b == b' ').count();
        if count > 1 && count > most_from(first) {
            continue;
        }
        if let Some(c) = places.lookup(&surface).first() {
            let cap_ok = ctx.is_cap(i) || c.form == Form::Adjective;
            if cap_ok && !(n == 1 && calendar_word(ctx, i)) {
                return Some((i..i + n, *c));
            }
        }
    }
    None
}

/// Month and weekday names ("im Juli", "bis Sonntag") name times, even where a village bears
/// the name; only a town noun before them ("die Gemeinde Sonntag") makes them places.
fn calendar_word(ctx: &Ctx, i: usize) -> bool {
    delegraph_text::temporal::is_calendar_word(ctx.word(i))
        && !(i > 0 && is_town_noun(ctx.word(i - 1)))
}

/// Gazetteer places the words of a name can name, word by word, best first ("Oberländer
/// Landtag" -> Oberland): the place an institution is named after.
pub(crate) fn place_ids_named_in(name: &str) -> impl Iterator<Item = PlaceId> + '_ {
    let gaz = Places::get();
    name.split_whitespace().flat_map(move |w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        gaz.lookup(w).iter().map(|c| c.id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_heads_in_both_genders_and_cases() {
        assert_eq!(office_head("Oberbürgermeisterin"), Some("bürgermeister"));
        assert_eq!(office_head("Bürgermeisters"), Some("bürgermeister"));
        assert_eq!(office_head("Wirtschaftssenatorin"), Some("senator"));
        assert_eq!(office_head("Präsidenten"), Some("präsident"));
        assert_eq!(office_head("Landrätin"), Some("landrat"));
        assert_eq!(office_head("HBK-Präsidentin"), Some("präsident"));
        assert_eq!(office_head("Präsidium"), None);
        assert_eq!(office_head("Ministerium"), None);
        assert_eq!(office_head("präsident"), None);
        // Titles of other languages only as whole words.
        assert_eq!(office_head("Vizemeras"), Some("meras"));
        assert_eq!(office_head("Kameras"), None);
        assert_eq!(office_head("Chefärztin"), Some("arzt"));
    }

    #[test]
    fn pinyin_given_names() {
        assert!(is_pinyin_given_name("Liangzhi"));
        assert!(is_pinyin_given_name("Mingde"));
        assert!(is_pinyin_given_name("Shichun"));
        assert!(!is_pinyin_given_name("Müller"));
        assert!(!is_pinyin_given_name("Großbach"));
    }

    #[test]
    fn org_heads() {
        assert_eq!(org_head("Wirtschaftskammer").map(|h| h.1), Some("chamber"));
        assert_eq!(org_head("Landtags").map(|h| h.0), Some("landtag"));
        assert!(org_head("Besuch").is_none());
        assert_eq!(org_head("Schützenkompanie").map(|h| h.0), Some("kompanie"));
        assert!(org_head("Rosenheim").is_none());
    }
}
