//! Recognition of persons (with offices and parties), places and organizations.
//!
//! ## What it matches
//! - organizations from the bundled lexicon, legal forms ("Tegel Projekt GmbH"), German head
//!   nouns with a specific modifier or complement ("Deutsch-Japanische Gesellschaft Leipzig",
//!   "Presse- und Informationsamt des Landes Berlin"), English names ("Massachusetts Institute of
//!   Technology"), quoted event names after a cue ("Konferenz „Future Days“"), acronyms defined
//!   in parentheses and unknown all-caps acronyms;
//! - persons after office titles ("Oberbürgermeisterin Reker", "der Präsident der X, Roy Richter"),
//!   before them ("Kai Wegner, Regierender Bürgermeister von Berlin"), from first-name lexicons
//!   ("Jack Ma") and Chinese family names with a pinyin given name ("Tang Liangzhi");
//! - places from the gazetteer, with inflected and adjective forms, ambiguous names only after
//!   a place preposition.
//!
//! ## Known misses
//! Surname-only persons without a title ("Erdogan"), organizations named by bare generic nouns.

use crate::ctx::Ctx;
use crate::lexicon::*;
use delegraph_gazetteer::names::{is_common_surname, is_first_name};
use delegraph_gazetteer::orgs::{self, lookup_org};
use delegraph_gazetteer::places::{Form, PlaceId, PlaceKind, Places};
use delegraph_gazetteer::words::{is_common_noun, zipf};
use delegraph_model::{EntityRef, EntityType, OrgKind};
use std::collections::BTreeMap;
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

/// The office head of a title word ("Wirtschaftssenatorin" -> "senator"), if it is one.
pub(crate) fn office_head(word: &str) -> Option<&'static str> {
    if word.chars().next().is_none_or(|c| !c.is_uppercase()) {
        return None;
    }
    let mut lower = word.to_lowercase();
    // "Landesrätin" -> "landesrat": the feminine of "-rat" changes the vowel.
    if let Some(stem) = lower
        .strip_suffix("rätinnen")
        .or_else(|| lower.strip_suffix("rätin"))
        .or_else(|| lower.strip_suffix("räte"))
    {
        lower = format!("{stem}rat");
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
fn org_head(word: &str) -> Option<(&'static str, &'static str, bool, usize)> {
    let lower = word.to_lowercase();
    let lower = lower.rsplit('-').next().unwrap_or(&lower).to_string();
    for s in stems(&lower) {
        if let Some((h, k, st)) = ORG_HEADS.iter().find(|(h, _, _)| s.ends_with(*h)) {
            let prefix = s.chars().count() - h.chars().count();
            return Some((h, k, *st, prefix));
        }
    }
    None
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
                // "er" stands only alone, never after an initial ("Berlin" is no pinyin).
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
        // A city-state named twice ("Berlin", "das Land Berlin") is one place in a document: the
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
        // "Prof. CHEN Jie": family names in capitals are written as names ("Chen Jie").
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
    german_orgs(ctx, &mut f);
    described_orgs(ctx, &mut f);
    club_orgs(ctx, &mut f);
    site_orgs(ctx, &mut f);
    title_persons(ctx, &mut f);
    name_persons(ctx, &mut f);
    merge_person_variants(&mut f);
    surname_mentions(ctx, &mut f);
    assign_titles(ctx, &mut f);
    head_first_orgs(ctx, &mut f);
    places(ctx, &mut f);
    acronyms(ctx, &mut f);
    parties(ctx, &mut f);
    merge_org_variants(&mut f);
    bare_head_mentions(ctx, &mut f);
    f.index
        .sort_by_key(|(t, r)| (t.start, std::cmp::Reverse(t.end), *r));
    f.index.dedup();
    f
}

fn known_orgs(ctx: &Ctx, f: &mut Found) {
    let max = orgs::max_org_words().max(1);
    let mut i = 0;
    while i < ctx.len() {
        let mut hit = None;
        if ctx.is_word(i) && !ctx.boiler[ctx.sent_of[i]] || ctx.is_word(i) {
            for n in (1..=max.min(ctx.len() - i)).rev() {
                if !ctx.same_sentence(i, i + n - 1) {
                    continue;
                }
                let surface = ctx.w[i..i + n].join(" ");
                if let Some(o) = lookup_org(&surface) {
                    // Brands that are ordinary German nouns ("Bild", "Zeit", "Welt") need more
                    // than the bare word.
                    let single_common = n == 1
                        && o.kind == orgs::OrgKind::Media
                        && zipf(&surface) >= 4.0
                        && is_common_noun(&surface)
                        && !surface
                            .chars()
                            .all(|c| c.is_uppercase() || !c.is_alphabetic());
                    if !single_common && (ctx.is_cap(i) || (n == 1 && ctx.word(i) == o.name)) {
                        hit = Some((n, o));
                        break;
                    }
                }
            }
        }
        match hit {
            Some((n, o)) => {
                f.org_ref(ctx, i..i + n, o.name.clone(), o.kind);
                i += n;
            }
            None => i += 1,
        }
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "„" | "\"" | "“" | "»" | "‚")
}

fn is_close_quote(s: &str) -> bool {
    matches!(s, "“" | "\"" | "”" | "«" | "‘")
}

fn quoted_events(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if !is_open_quote(ctx.word(i)) {
            continue;
        }
        let Some(close) = (i + 1..(i + 12).min(ctx.len())).find(|&j| is_close_quote(ctx.word(j)))
        else {
            continue;
        };
        if close <= i + 1 {
            continue;
        }
        let mut inner = i + 1..close;
        // "2. Smart China Expo 2019": drop the ordinal.
        if ctx.toks[inner.start].kind == delegraph_text::TokenKind::Number
            && ctx.word(inner.start + 1) == "."
        {
            inner.start += 2;
        }
        if inner.is_empty() || !ctx.is_cap(inner.start) {
            continue;
        }
        let cue_before = i > 0 && {
            let l = ctx.lower(i - 1);
            EVENT_CUES
                .iter()
                .any(|c| l.ends_with(c) || stems(&l).iter().any(|s| s.ends_with(c)))
        };
        let inner_words: Vec<&str> = ctx.w[inner.clone()].to_vec();
        let cue_inside = inner_words.iter().any(|w| {
            ENGLISH_ORG_HEADS
                .iter()
                .any(|(h, k)| *k == "event" && w == h)
                || [
                    "Konferenz",
                    "Messe",
                    "Gipfel",
                    "Kongress",
                    "Festival",
                    "Days",
                    "Week",
                    "Summit",
                    "Expo",
                ]
                .contains(w)
        });
        let words = inner_words.len();
        if (cue_before || cue_inside) && words <= 8 && f.free(inner.clone()) {
            let name = ctx.surface(inner.clone());
            f.org_ref(ctx, inner, name, OrgKind::Event);
        }
    }
}

fn is_generic_noun(lower: &str) -> bool {
    [
        "unternehmen",
        "konzern",
        "firma",
        "hersteller",
        "betrieb",
        "tochter",
        "start-up",
        "startup",
    ]
    .iter()
    .any(|g| lower.ends_with(g))
}

/// Nouns that describe what a following name is: "Marzipanhersteller Niederegger",
/// "Medizintechnikunternehmen Dräger", "beim Chemiekonzern Evonik".
const DESCRIPTOR_NOUNS: &[(&str, OrgKind)] = &[
    ("hersteller", OrgKind::Company),
    ("unternehmen", OrgKind::Company),
    ("konzern", OrgKind::Company),
    ("firma", OrgKind::Company),
    ("anbieter", OrgKind::Company),
    ("zulieferer", OrgKind::Company),
    ("produzent", OrgKind::Company),
    ("dienstleister", OrgKind::Company),
    ("händler", OrgKind::Company),
    ("versorger", OrgKind::Company),
    ("betreiber", OrgKind::Company),
    ("reederei", OrgKind::Company),
    ("brauerei", OrgKind::Company),
    ("werft", OrgKind::Company),
    // "zur Kunstausstellung NordArt", "die Fachmesse Interpart"
    ("ausstellung", OrgKind::Event),
    ("fachmesse", OrgKind::Event),
    ("festival", OrgKind::Event),
    ("konferenz", OrgKind::Event),
];

/// A company named right after a noun that describes it: the name is the capitalized words
/// after the descriptor that are neither ordinary nouns nor places nor office titles.
fn described_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len().saturating_sub(1) {
        if !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let lower = ctx.lower(i);
        let base = lower
            .strip_suffix("es")
            .or(lower.strip_suffix("s"))
            .unwrap_or(&lower);
        let Some(&(_, kind)) = DESCRIPTOR_NOUNS
            .iter()
            .find(|(d, _)| base.ends_with(d) || lower.ends_with(d))
        else {
            continue;
        };
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let name_like = |k: usize| {
            k < sent_end
                && ctx.is_cap(k)
                && !ctx.is_function(k)
                && f.claim[k].is_none()
                && office_head(ctx.word(k)).is_none()
                && !is_common_noun(ctx.word(k))
                && zipf(ctx.word(k)) < 3.5
                && place_match(ctx, k, places).is_none()
        };
        let mut end = i + 1;
        while end < i + 4 && name_like(end) {
            end += 1;
        }
        if end == i + 1 || !f.free(i + 1..end) {
            continue;
        }
        let name = ctx.surface(i + 1..end);
        let r = f.org_ref(ctx, i + 1..end, name, kind);
        let full = ctx.surface(i..end);
        let o = &mut f.orgs[r.index];
        if !o.aliases.contains(&full) {
            o.aliases.push(full);
        }
    }
}

/// Sports clubs: a club abbreviation and the capitalized words after it, places included
/// ("FC Bayern München", "VfB Stuttgart", "1. FC Köln").
const CLUB_PREFIXES: &[&str] = &[
    "FC", "SC", "SV", "TSV", "VfB", "VfL", "BSC", "FSV", "SpVgg", "TuS", "SG", "BV", "TSG", "SSV",
];

fn club_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if f.claim[i].is_some()
            || !CLUB_PREFIXES.contains(&ctx.word(i))
            || ctx.boiler[ctx.sent_of[i]]
        {
            continue;
        }
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let mut end = i + 1;
        while end < sent_end
            && end < i + 4
            && ctx.is_cap(end)
            && !ctx.is_function(end)
            && f.claim[end].is_none()
            && office_head(ctx.word(end)).is_none()
        {
            end += 1;
        }
        if end == i + 1 {
            continue;
        }
        // "1. FC Köln"
        let start = if i >= 2
            && ctx.word(i - 1) == "."
            && ctx.word(i - 2).chars().all(|c| c.is_ascii_digit())
        {
            i - 2
        } else {
            i
        };
        let name = ctx.surface(start..end);
        f.org_ref(ctx, start..end, name, OrgKind::Association);
    }
}

/// Last compound members of buildings, sites and festivities that visitors are shown.
const SITE_HEADS: &[(&str, OrgKind)] = &[
    ("zeughaus", OrgKind::Culture),
    ("haus", OrgKind::Culture),
    ("kirche", OrgKind::Culture),
    ("kathedrale", OrgKind::Culture),
    ("kapelle", OrgKind::Culture),
    ("münster", OrgKind::Culture),
    ("dom", OrgKind::Culture),
    ("kloster", OrgKind::Culture),
    ("museum", OrgKind::Culture),
    ("galerie", OrgKind::Culture),
    ("bibliothek", OrgKind::Culture),
    ("palast", OrgKind::Culture),
    ("schloss", OrgKind::Culture),
    ("theater", OrgKind::Culture),
    ("oper", OrgKind::Culture),
    ("fest", OrgKind::Event),
    ("festival", OrgKind::Event),
];

/// Generic first members: a "Landeshaus" or "Stadtfest" exists in every town, so only quotes
/// make one a name.
const GENERIC_SITE_PREFIXES: &[&str] = &[
    "landes",
    "stadt",
    "kreis",
    "gemeinde",
    "bezirks",
    "bürger",
    "gäste",
    "kranken",
    "rat",
    "staats",
    "bundes",
    "pfarr",
    "gottes",
    "wohn",
    "hoch",
    "kauf",
    "volks",
    "schul",
    "partei",
    "sommer",
    "winter",
    "herbst",
    "frühlings",
    "dorf",
    "kunst",
    "heimat",
    "fest",
    "opern",
    "konzert",
    "welt",
];

/// Named sites: "das Buddenbrookhaus", "zur Jacobikirche", "das Europatagsfest", and any site
/// word in quotes ("das „Landeszeughaus“").
fn site_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len() {
        if !ctx.is_cap(i) || f.claim[i].is_some() || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let w = ctx.word(i);
        let lower = w.to_lowercase();
        // Genitive "des Buddenbrookhauses".
        let (nominative, stem) = match SITE_HEADS.iter().find_map(|(h, _)| {
            ["", "es", "s"].iter().find_map(|suf| {
                let stem = lower.strip_suffix(suf)?;
                stem.ends_with(h)
                    .then(|| (stem.chars().count(), stem.len() - h.len()))
            })
        }) {
            Some(x) => x,
            None => continue,
        };
        let Some(&(_, kind)) = SITE_HEADS.iter().find(|(h, _)| {
            lower[..]
                .get(stem..)
                .is_some_and(|rest| rest.starts_with(h))
        }) else {
            continue;
        };
        let prefix = &lower[..stem];
        // The same prefix as written (`stem` counts bytes of the lowercase form).
        let w_prefix: String = w.chars().take(prefix.chars().count()).collect();
        let quoted = i > 0 && is_open_quote(ctx.word(i - 1)) && is_close_quote(ctx.word(i + 1));
        let specific = prefix.chars().count() >= 3
            && !GENERIC_SITE_PREFIXES
                .iter()
                .any(|g| prefix.trim_end_matches('s') == *g || prefix == *g)
            && !is_common_noun(w)
            && zipf(w) < 3.0
            && !is_common_noun(&w_prefix)
            && zipf(&w_prefix) < 4.0;
        if !(quoted || specific)
            || place_match(ctx, i, places).is_some()
            || office_head(w).is_some()
        {
            continue;
        }
        let name: String = w.chars().take(nominative).collect();
        f.org_ref(ctx, i..i + 1, name, kind);
    }
}

/// Extends an organization name to the left over capitalized modifiers.
fn extend_left(ctx: &Ctx, f: &Found, mut j: usize, max: usize, sent_start: usize) -> usize {
    let mut n = 0;
    while j > sent_start && n < max {
        let k = j - 1;
        let w = ctx.word(k);
        let lower = w.to_lowercase();
        let ok = ctx.is_cap(k)
            && !ctx.is_function(k)
            && office_head(w).is_none()
            && !is_generic_noun(&lower)
            && f.claim[k].is_none_or(|r| r.ty == EntityType::Place)
            && !(ctx.starts_sentence(k) && zipf(w) >= 4.5);
        // "Presse- und Informationsamt": a truncated member joined by "und".
        let truncated =
            (w == "und" || w == ",") && k > sent_start && ctx.word(k - 1).ends_with('-');
        if truncated {
            j = k - 1;
            n += 1;
            continue;
        }
        if !ok {
            break;
        }
        j = k;
        n += 1;
    }
    j
}

fn legal_form_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_word(i) {
            continue;
        }
        let sent_start = ctx.sents[ctx.sent_of[i]].start;
        let lo = i.saturating_sub(3).max(sent_start);
        let words: Vec<&str> = ctx.w[lo..=i].to_vec();
        let joined_suffix = ["-GmbH", "-AG", "-KG", "-gGmbH", "-SE"]
            .iter()
            .any(|s| ctx.word(i).ends_with(s));
        let lf = orgs::ends_with_legal_form(&words).filter(|&n| n < words.len() || joined_suffix);
        let Some(n) = lf.or(joined_suffix.then_some(0)) else {
            continue;
        };
        // Only fire on the last word of the legal form.
        if i + 1 < ctx.len() && !ctx.toks[i + 1].space_before && ctx.word(i + 1) == "." {
            // "Inc." is one word for the lexicon but two tokens here: handled by the lexicon match.
        }
        let form_start = i + 1 - n.max(1);
        let start = extend_left(ctx, f, if n == 0 { i } else { form_start }, 5, sent_start);
        if start == form_start && n > 0 {
            continue; // a bare legal form is no name
        }
        let mut end = i + 1;
        if ctx.word(end) == "." && !ctx.toks[end].space_before && ctx.word(i).len() <= 4 {
            end += 1;
        }
        if !f.free(start..end) {
            continue;
        }
        let name = ctx.surface(start..end);
        f.org_ref(ctx, start..end, name, OrgKind::Company);
    }
}

fn english_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        let Some((_, kind)) = ENGLISH_ORG_HEADS.iter().find(|(h, _)| ctx.word(i) == *h) else {
            continue;
        };
        if f.claim[i].is_some() {
            continue;
        }
        let sent = ctx.sents[ctx.sent_of[i]].clone();
        let mut start = i;
        while start > sent.start {
            let k = start - 1;
            let w = ctx.word(k);
            // German nouns and compounds ("Kongress-Messe") are not part of an English name.
            let german = w.contains('-') && w.split('-').any(is_common_noun);
            let name_word = ctx.is_cap(k)
                && !ctx.is_function(k)
                && office_head(w).is_none()
                && f.claim[k].is_none()
                && !german;
            // "Campus des Massachusetts Institute …": German "des" after a German noun is no
            // French connector.
            let connector = ENGLISH_CONNECTORS.contains(&w)
                && k > sent.start
                && ctx.is_cap(k - 1)
                && !(w == "des" && is_common_noun(ctx.word(k - 1)));
            if !(name_word || connector) {
                break;
            }
            start = k;
        }
        let mut end = i + 1;
        while end + 1 < sent.end
            && ENGLISH_CONNECTORS.contains(&ctx.word(end))
            && ctx.is_cap(end + 1)
            && !ctx.is_function(end + 1)
        {
            end += 2;
            while end < sent.end && ctx.is_cap(end) && !ctx.is_function(end) {
                end += 1;
            }
        }
        // "Smart Expo China": a place right after an event or fair head belongs to the name.
        if *kind == "event"
            && let Some((t, _)) = place_match(ctx, end, Places::get())
            && t.end <= sent.end
        {
            end = t.end;
        }
        // Leading German words that are just capitalized sentence starts.
        while start < i && (ctx.is_function(start) || ENGLISH_CONNECTORS.contains(&ctx.word(start)))
        {
            start += 1;
        }
        if end - start < 2 || !f.free(start..end) {
            continue;
        }
        let name = ctx.surface(start..end);
        f.org_ref(ctx, start..end, name, org_kind(kind));
    }
}

fn german_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        // "Abgeordnetenhaus-Delegation": an institution as first member of a compound.
        let first_part = w.split('-').next().unwrap_or(w);
        let (head, kind, standalone, prefix_len) = match org_head(w) {
            Some(h) => h,
            None => match (w.contains('-'), org_head(first_part)) {
                (true, Some(h)) if h.2 && h.3 > 0 => {
                    f.org_ref(ctx, i..i + 1, first_part.to_string(), org_kind(h.1));
                    i += 1;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            },
        };
        // "die Hochschulen des Landes", "die Vereine der Stadt": a plural names no one body.
        let lw = w.to_lowercase();
        let lw = lw.rsplit('-').next().unwrap_or(&lw);
        let plural = !lw.ends_with(head)
            && !lw.ends_with(&format!("{head}s"))
            && !lw.ends_with(&format!("{head}es"))
            && ["n", "en", "e", "er"]
                .iter()
                .any(|suf| lw.ends_with(&format!("{head}{suf}")));
        if plural && !ctx.starts_sentence(i) && !ctx.is_cap(i.saturating_sub(1)) {
            i += 1;
            continue;
        }
        let sent = ctx.sents[ctx.sent_of[i]].clone();
        let start = extend_left(ctx, f, i, 4, sent.start);
        let mut end = i + 1;
        let mut complement = false;
        // Right complements: a place ("IHK Berlin"), genitive ("des Landes Berlin"), "von" + place, acronym.
        if end < sent.end
            && let Some((t, _)) = place_match(ctx, end, places)
            && !ctx.is_function(end)
        {
            end = t.end;
            complement = true;
        }
        if !complement
            && end + 1 < sent.end
            && matches!(ctx.word(end), "des" | "der" | "von" | "für")
        {
            let mut k = end + 1;
            let mut n = 0;
            let mut fuer = ctx.word(end) == "für";
            while k < sent.end && n < 8 {
                // "Institut des Chinesischen Volkes für Auswärtige Angelegenheiten": a remit
                // after the genitive.
                if n > 0 && !fuer && ctx.word(k) == "für" && ctx.is_cap(k + 1) {
                    fuer = true;
                    k += 1;
                    continue;
                }
                if ctx.is_cap(k) && !ctx.is_function(k) && office_head(ctx.word(k)).is_none() {
                    // A place ends the complement: "des Landes Berlin" (not "… Berlin Jüdenstr");
                    // an adjective does not ("des Chinesischen Volkes").
                    if let Some((t, c)) = place_match(ctx, k, places)
                        && c.form != Form::Adjective
                    {
                        k = t.end;
                        n += 1;
                        break;
                    }
                    k += 1;
                    n += 1;
                } else if n > 0 && fuer && ctx.word(k) == "und" && ctx.is_word(k + 1) {
                    k += 1;
                } else if n > 0
                    && fuer
                    && ctx.word(k) == ","
                    && ctx.is_cap(k + 1)
                    && is_common_noun(ctx.word(k + 1))
                    && !is_first_name(ctx.word(k + 1))
                    && (k + 1..(k + 5).min(sent.end)).any(|x| ctx.word(x) == "und")
                {
                    // "für Wissenschaft, Forschung und Kultur": a listed remit.
                    k += 1;
                } else if n > 0
                    && fuer
                    && ctx.is_word(k)
                    && !ctx.is_cap(k)
                    && ctx.is_cap(k + 1)
                    && ctx.word(k - 1) == "und"
                {
                    // "für Verkehr und digitale Infrastruktur"
                    k += 1;
                } else {
                    break;
                }
            }
            while k > end + 1 && matches!(ctx.word(k - 1), "und") {
                k -= 1;
            }
            // A genitive complement needs a name-like word ("des Landes Berlin", "der Stadt")
            // or an institution that is named by its remit ("Bundesministerium des Innern").
            let names_place = (end + 1..k).any(|x| place_match(ctx, x, places).is_some());
            // Institutions named by their remit: "Bundesministerium des Innern".
            let remit =
                head == "ministerium" || matches!(ctx.word(end + 1), "Innern" | "Auswärtigen");
            let swallows_org =
                (end + 1..k).any(|x| f.claim[x].is_some_and(|r| r.ty == EntityType::Organization));
            if n > 0
                && !swallows_org
                && (names_place
                    || fuer
                    || remit
                    // "des Landes Berlin", "der Stadt Köln"; not a bare "der Stadt (…)".
                    || (matches!(
                        ctx.word(end + 1),
                        "Stadt" | "Landes" | "Bundes" | "Freistaats" | "Kantons"
                    ) && n >= 2))
            {
                end = k;
                complement = true;
            }
        }
        let acronym = ctx.word(end) == "("
            && ctx.word(end + 2) == ")"
            && ctx
                .word(end + 1)
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit());
        // "der mittelfränkische Bezirkstag": a place adjective before an institution that
        // exists once per place.
        let start = if start == i
            && standalone
            && (!ctx.lower(i).ends_with('e') || head.ends_with('e'))
            && i > sent.start
            && !ctx.is_cap(i - 1)
            && places
                .lookup(ctx.word(i - 1))
                .iter()
                .any(|c| c.form == Form::Adjective)
        {
            i - 1
        } else {
            start
        };
        let modified = start < i;
        // "Liechtenstein-Institut", "Ospelt-Gruppe": a name joined to the head by a hyphen.
        let named_compound = w.contains('-') && {
            let first = w.split('-').next().unwrap_or("");
            let place = !places.lookup(first).is_empty();
            first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().count() >= 2
                && (place || (!is_common_noun(first) && zipf(first) < 2.5))
        };
        let specific = (standalone && (prefix_len > 0 || modified)) || named_compound;
        if !(specific
            || complement
            || acronym
            || (modified && prefix_len > 0)
            || (modified && !ctx.starts_sentence(start)))
        {
            i += 1;
            continue;
        }
        if !f.free(start..end) {
            i += 1;
            continue;
        }
        let name = ctx.surface(start..end);
        let r = f.org_ref(ctx, start..end, name, org_kind(kind));
        if acronym {
            let acr = ctx.word(end + 1).to_string();
            let o = &mut f.orgs[r.index];
            if !o.aliases.contains(&acr) {
                o.aliases.push(acr);
            }
        }
        i = end;
    }
}

/// Head nouns that come before the name: "Villa Aurora", "Messe Karlsruhe", "Universität
/// Leipzig", "Akademie Orléans-Tours", "Militärmuseum St. Luzisteig".
const HEAD_FIRST: &[(&str, &str)] = &[
    ("akademie", "university"),
    ("flughafen", "company"),
    ("galerie", "culture"),
    ("hochschule", "university"),
    ("klinikum", "research"),
    ("messe", "event"),
    ("museum", "culture"),
    ("oper", "culture"),
    ("schloss", "culture"),
    ("schule", "other"),
    ("stiftung", "association"),
    ("theater", "culture"),
    ("universität", "university"),
    ("villa", "culture"),
];

fn head_first_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let lower = ctx.lower(i);
        let Some((_, kind)) = HEAD_FIRST.iter().find(|(h, _)| lower.ends_with(h)) else {
            continue;
        };
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let mut end = i + 1;
        // A place ("Messe Karlsruhe") or proper names that are not ordinary words ("Villa Aurora").
        if let Some((t, _)) = place_match(ctx, end, places) {
            end = t.end;
        } else {
            while end < sent_end
                && end < i + 4
                && ctx.is_cap(end)
                && !ctx.is_function(end)
                && !is_common_noun(ctx.word(end))
                && f.claim[end].is_none()
                && office_head(ctx.word(end)).is_none()
            {
                end += 1;
                // "St. Luzisteig"
                if ctx.word(end) == "." && ctx.word(end - 1).len() <= 3 && ctx.is_cap(end + 1) {
                    end += 1;
                }
            }
        }
        if end == i + 1 || !f.free(i..end) {
            continue;
        }
        let name = ctx.surface(i..end);
        f.org_ref(ctx, i..end, name, org_kind(kind));
    }
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
    // "japanischen") may be lowercase. Longer candidates stop where the word run ends.
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
    for n in (1..=max).rev() {
        let surface = ctx.w[i..i + n].join(" ");
        if let Some(c) = places.lookup(&surface).first() {
            let cap_ok = ctx.is_cap(i) || c.form == Form::Adjective;
            if cap_ok {
                return Some((i..i + n, *c));
            }
        }
    }
    None
}

/// An office title starting at `i`: token range, title text, head.
fn title_at(ctx: &Ctx, i: usize) -> Option<(Range<usize>, String, &'static str)> {
    let w = ctx.word(i);
    if let Some((_, full)) = OFFICE_ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
        let head = office_head(full)?;
        return Some((i..i + 1, full.to_string(), head));
    }
    let mut j = i;
    while j < ctx.len() && is_office_adjective(ctx.word(j)) && ctx.is_cap(j) {
        j += 1;
    }
    let head = office_head(ctx.word(j))?;
    // Words like "Präsidentschaft" are not titles; office_head only matches word ends.
    let mut end = j + 1;
    // "Transfer Manager": an English two-word title.
    // "Wirtschaftsbotschafterin und Chinaberaterin": keep coordinated titles together.
    if ctx.word(end) == "und" && office_head(ctx.word(end + 1)).is_some() && ctx.is_cap(end + 2) {
        end += 2;
    }
    let article = if i > 0 {
        ctx.lower(i - 1)
    } else {
        String::new()
    };
    let title = nominative_title(&ctx.w[i..end], &article);
    Some((i..end, title, head))
}

/// The title in the nominative singular, as a record states it: "des Regierenden
/// Bürgermeisters" -> "Regierender Bürgermeister", "Präsidenten" -> "Präsident", "die
/// Landesräte" -> "Landesrat", "Vizepräsidentinnen" -> "Vizepräsidentin", "der Vorsitzende" ->
/// "Vorsitzender". `article` is the word before the title (for adjectival nouns' gender).
pub(crate) fn nominative_title(words: &[&str], article: &str) -> String {
    let Some(head_pos) = words.iter().rposition(|w| office_head(w).is_some()) else {
        return words.join(" ");
    };
    let head_word = words[head_pos];
    let lower = head_word.to_lowercase();
    let mut feminine = lower.ends_with("in") || lower.ends_with("innen");
    let mut head_out = head_word.to_string();
    if let Some(stem) = head_word.strip_suffix("innen") {
        head_out = format!("{stem}in");
    } else if let Some(stem) = head_word.strip_suffix("räte") {
        head_out = format!("{stem}rat");
    } else if let Some(stem) = head_word.strip_suffix("stände") {
        head_out = format!("{stem}stand");
    } else if !feminine {
        let h = office_head(head_word).unwrap_or("");
        if h.ends_with('e')
            || h.ends_with("er")
                && [
                    "abgeordneter",
                    "vorsitzender",
                    "beauftragter",
                    "beigeordneter",
                ]
                .contains(&h)
        {
            // Adjectival nouns: "die Vorsitzende" (one woman) keeps -e; otherwise "-er".
            let base = ["en", "er", "e"]
                .iter()
                .find_map(|e| head_word.strip_suffix(e))
                .unwrap_or(head_word);
            let singular_fem =
                article == "die" && head_word.ends_with('e') && !head_word.ends_with("en");
            feminine = singular_fem;
            head_out = if singular_fem {
                format!("{base}e")
            } else {
                format!("{base}er")
            };
        } else {
            for suf in ["es", "en", "s", "n"] {
                if let Some(stem) = head_word.strip_suffix(suf)
                    && OFFICE_HEADS
                        .iter()
                        .any(|h| stem.to_lowercase().ends_with(h))
                {
                    head_out = stem.to_string();
                    break;
                }
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if k == head_pos {
            out.push(head_out.clone());
        } else if k < head_pos && is_office_adjective(w) {
            let lw = w.to_lowercase();
            let stem = ["em", "en", "er", "es", "e"]
                .iter()
                .find_map(|e| lw.strip_suffix(e))
                .unwrap_or(&lw);
            let ending = if feminine { "e" } else { "er" };
            let mut c = stem.chars();
            let cap: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            out.push(format!("{cap}{ending}"));
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

/// Whether an office title starts at token `i`.
fn words_are_title(ctx: &Ctx, i: usize) -> bool {
    title_at(ctx, i).is_some()
}

fn is_honorific(ctx: &Ctx, i: usize) -> usize {
    let w = ctx.word(i);
    let with_dot = format!("{w}.");
    if ctx.word(i + 1) == "." && HONORIFICS.contains(&with_dot.as_str()) {
        return 2;
    }
    if HONORIFICS.contains(&w) {
        return 1;
    }
    0
}

/// A person name starting at token `i` (after honorifics): token range and name words.
fn name_at(
    ctx: &Ctx,
    f: &Found,
    i: usize,
    after_title: bool,
) -> Option<(Range<usize>, Vec<String>)> {
    let mut k = i;
    while is_honorific(ctx, k) > 0 {
        k += is_honorific(ctx, k);
    }
    let start = k;
    let mut words: Vec<String> = Vec::new();
    let sent_end = ctx.sents[ctx.sent_of[i.min(ctx.len().saturating_sub(1))]].end;
    while k < sent_end && words.len() < 6 {
        let w = ctx.word(k);
        // A name does not run over a line break ("Sebastian Gollnow⏎Audio: …").
        if !words.is_empty()
            && k > 0
            && ctx.text[ctx.toks[k - 1].end..ctx.toks[k].start].contains('\n')
        {
            break;
        }
        let free = f.claim[k].is_none_or(|r| r.ty == EntityType::Person);
        if !words.is_empty()
            && w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && ctx.word(k + 1) == "."
            && ctx.is_cap(k + 2)
        {
            // Initial: "Raymond M. Mhlaba".
            words.push(format!("{w}."));
            k += 2;
        } else if ctx.is_cap(k)
            // A function word never starts a name, but continues one ("Stephan Weil").
            && !(ctx.is_function(k) && words.is_empty())
            && free
            && office_head(w).is_none()
            && !w.contains('.')
        {
            if PARTIES.contains(&w) {
                break;
            }
            words.push(w.to_string());
            k += 1;
        } else if !words.is_empty()
            && NAME_PARTICLES.contains(&w)
            && NAME_PARTICLES.contains(&ctx.word(k + 1))
            && ctx.is_cap(k + 2)
            && ctx.same_sentence(k, k + 2)
            // Not "Kai Wegner von der CDU", "Müller von der Stadt Köln".
            && !ctx.word(k + 2).chars().all(|c| c.is_uppercase() || c == '-')
            && f.claim[k + 2].is_none()
            && !is_common_noun(ctx.word(k + 2))
            && place_match(ctx, k + 2, Places::get()).is_none()
        {
            // "von der Heyde", "van der Berg": two particles before the surname.
            words.push(w.to_string());
            words.push(ctx.word(k + 1).to_string());
            k += 2;
        } else if !words.is_empty()
            && ((NAME_PARTICLES.contains(&w) && ctx.is_cap(k + 1) && ctx.same_sentence(k, k + 1))
                || (w.len() == 3
                    && w.ends_with('.')
                    && w.chars().next().is_some_and(char::is_uppercase)))
        {
            // Nobility particles ("von") and abbreviated middle names stay inside the name.
            words.push(w.to_string());
            k += 1;
        } else {
            break;
        }
    }
    // Trailing particles or initials do not end a name, and neither does an ordinary noun that
    // follows it ("Michael Müller Zusagen …"): trim until stable.
    while let Some(l) = words.last() {
        let particle = NAME_PARTICLES.contains(&l.as_str()) || l.ends_with('.');
        // "Gerhard Dörfler": after a given name a rare noun is a surname.
        // After a title the word after a given name is a surname even when it is also a
        // word ("KMK-Geschäftsführer Gerald Böse").
        let after_given =
            words.len() == 2 && is_first_name(&words[0]) && (zipf(l) < 4.0 || after_title);
        // "Xiaohui Du": a pinyin given name followed by a Chinese family name.
        let chinese_family = words.len() == 2
            && CHINESE_SURNAMES.contains(&l.as_str())
            && is_pinyin_given_name(&words[0]);
        let noun = words.len() > 1
            && (is_common_noun(l) || (words.len() > 2 && zipf(l) >= 3.5))
            && !is_common_surname(l)
            && !is_first_name(l)
            && !after_given
            && !chinese_family;
        if !(particle || noun) {
            break;
        }
        k -= if l.ends_with('.') && l.chars().count() == 2 {
            2
        } else {
            1
        };
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let first_is_given = is_first_name(&words[0]);
    let chinese = words.len() == 2
        && CHINESE_SURNAMES.contains(&words[0].as_str())
        && is_pinyin_given_name(&words[1]);
    let next = ctx.word(k);
    let next_is_boundary = k >= sent_end
        || matches!(
            next,
            "," | "(" | ")" | "." | ":" | ";" | "und" | "–" | "-" | "“" | "\""
        );
    if words.len() == 1 {
        if !after_title {
            return None;
        }
        let w = &words[0];
        // An ordinary noun is no name ("Bürgermeister Termine bei …"), unless it is also a
        // common surname ("Präsident Richter") or a Chinese family name ("Vizebürgermeisterin Pan").
        let noun = is_common_noun(w)
            && zipf(w) >= 3.0
            && !is_common_surname(w)
            && !CHINESE_SURNAMES.contains(&w.as_str());
        if noun || (first_is_given && zipf(w) >= 3.6) {
            return None;
        }
        if zipf(w) >= 5.0 && !next_is_boundary {
            return None;
        }
        if Places::get()
            .lookup(w)
            .first()
            .is_some_and(|c| !c.ambiguous)
        {
            return None;
        }
    } else if !(first_is_given || chinese || after_title) {
        return None;
    }
    Some((start..k, words))
}

fn title_persons(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if ctx.boiler[ctx.sent_of[i]] || f.claim[i].is_some() {
            i += 1;
            continue;
        }
        let Some((trange, mut title, head)) = title_at(ctx, i) else {
            i += 1;
            continue;
        };
        // "Der CDU-Abgeordnete X": the party prefix is the person's party, not the title.
        if let Some((prefix, rest)) = title.split_once('-')
            && PARTIES.contains(&prefix)
            && !prefix.contains(' ')
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            title = rest.to_string();
        }
        let mut of = OfRef::None;
        // Hyphen prefix: "HBK-Präsidentin", "UNIDO-Direktor".
        let head_word = ctx.word(trange.end - 1);
        if let Some((prefix, _)) = head_word.split_once('-')
            && prefix.chars().any(char::is_uppercase)
            && prefix.chars().count() >= 2
            && office_head(prefix).is_none()
        {
            of = OfRef::Surface(prefix.to_string());
            // An acronym or known organization as prefix is a mention of it ("UNIDO-Direktor").
            let acronym = prefix
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let known = lookup_org(prefix);
            // "US-Präsident": a country code is no organization.
            if (acronym || known.is_some())
                && Places::get().lookup(prefix).is_empty()
                && Places::get().country_by_code(prefix).is_none()
                && !PARTIES.contains(&prefix)
            {
                let tok = trange.end - 1;
                let (name, kind) = known.map_or((prefix.to_string(), OrgKind::Other), |o| {
                    (o.name.clone(), o.kind)
                });
                let r = f.org_ref(ctx, tok..tok + 1, name, kind);
                f.claim[tok] = None;
                // The mention's surface is the prefix, not the whole compound.
                if let Some(m) = f.orgs[r.index].mentions.last_mut() {
                    m.1 = prefix.to_string();
                }
                f.orgs[r.index].aliases.retain(|a| a != head_word);
                of = OfRef::Ent(r);
            }
        }
        // "US-Präsident" written as two tokens: a country code before the hyphen.
        if of == OfRef::None
            && trange.start >= 2
            && ctx.word(trange.start - 1) == "-"
            && ctx.word(trange.start - 2).len() == 2
            && ctx
                .word(trange.start - 2)
                .chars()
                .all(|c| c.is_ascii_uppercase())
            && let Some(id) = places.country_by_code(ctx.word(trange.start - 2))
        {
            of = OfRef::Ent(f.place_ref(ctx, trange.start - 2..trange.start - 1, id));
        }
        // Left context: "Berlins Regierender Bürgermeister", "Tokioter Gouverneurin".
        if of == OfRef::None && trange.start > 0 {
            if let Some((t, r)) = f
                .index
                .iter()
                .rev()
                .find(|(t, _)| t.end == trange.start)
                .cloned()
            {
                if r.ty != EntityType::Person {
                    let _ = t;
                    of = OfRef::Ent(r);
                }
            } else if let Some((t, c)) = place_match(ctx, trange.start - 1, places)
                && t.end == trange.start
                && matches!(c.form, Form::Genitive | Form::Adjective)
            {
                of = OfRef::Ent(f.place_ref(ctx, t, c.id));
            }
        }
        // "Der Regierende Bürgermeister von Berlin, Kai Wegner"; "Präsident der X, Roy Richter".
        let mut k = trange.end;
        // "den Botschafter Japans, Kenji Sato": a genitive place right after the title.
        if of == OfRef::None
            && let Some((t, c)) = place_match(ctx, k, places)
            && c.form == Form::Genitive
        {
            // "den Botschafter Ghanas in Berlin, Kwame Mensah": the seat may follow.
            let seat = matches!(ctx.word(t.end), "in" | "im")
                .then(|| place_match(ctx, t.end + 1, places))
                .flatten()
                .filter(|(st, _)| ctx.word(st.end) == ",");
            if ctx.word(t.end) == "," || seat.is_some() {
                of = OfRef::Ent(f.place_ref(ctx, t.clone(), c.id));
                k = t.end;
                if let Some((st, sc)) = seat {
                    f.place_ref(ctx, st.clone(), sc.id);
                    k = st.end;
                }
            }
        }
        if matches!(ctx.word(k), "von" | "vom" | "der" | "des" | "in" | "im") {
            let mut j = k + 1;
            if matches!(ctx.word(j), "der" | "des" | "dem" | "den") {
                j += 1;
            }
            let ent = f.entity_starting(j).or_else(|| {
                place_match(ctx, j, places).map(|(t, c)| {
                    let r = f.place_ref(ctx, t.clone(), c.id);
                    (t, r)
                })
            });
            if let Some((t, r)) = ent
                && r.ty != EntityType::Person
            {
                if of == OfRef::None || matches!(of, OfRef::Surface(_)) {
                    of = OfRef::Ent(r);
                }
                k = t.end;
                // "der Generalkonsul der Volksrepublik China in Hamburg, Wu Cong": the seat.
                if matches!(ctx.word(k), "in" | "im")
                    && let Some((pt, pc)) = place_match(ctx, k + 1, places)
                {
                    f.place_ref(ctx, pt.clone(), pc.id);
                    k = pt.end;
                } else if matches!(ctx.word(k), "im" | "in")
                    && let Some(c) = (k + 1..(k + 4).min(ctx.len())).find(|&x| ctx.word(x) == ",")
                    && (k + 1..c).all(|x| ctx.is_cap(x) || matches!(ctx.word(x), "der" | "dem"))
                {
                    // "des Ausschusses für Kultur im Landtag, Erik Stohn"
                    k = c;
                }
            } else {
                // "der Vize-Präsident des Regionalrats, François Decoster": an unrecognized
                // genitive phrase before the apposition.
                let mut x = j;
                while x < ctx.len() && x < j + 6 && ctx.is_cap(x) && ctx.same_sentence(x, j) {
                    x += 1;
                }
                if x > j && ctx.word(x) == "," {
                    if of == OfRef::None {
                        of = OfRef::Surface(ctx.surface(j..x));
                    }
                    k = x;
                }
            }
        }
        // "den japanischen Botschafter, Kenji Sato, …": a definite title with the name in
        // commas.
        // "den japanischen Botschafter", "die beiden anderen Vorstände".
        let is_article =
            |k: usize| matches!(ctx.lower(k).as_str(), "der" | "den" | "dem" | "des" | "die");
        let definite_title = (1..=3).any(|back| {
            trange.start >= back
                && is_article(trange.start - back)
                && (trange.start - back + 1..trange.start).all(|k| ctx.is_word(k) && !ctx.is_cap(k))
        });
        // "Minister für Umwelt und Verkehr, Ulrich Müller": a remit before the apposition.
        if k == trange.end && ctx.word(k) == "für" {
            let mut x = k + 1;
            while x < ctx.len()
                && x < k + 8
                && ctx.same_sentence(x, k)
                && (ctx.is_cap(x) || matches!(ctx.word(x), "und" | "für"))
            {
                x += 1;
            }
            if x > k + 1 && ctx.word(x) == "," {
                k = x;
            }
        }
        let appos = ctx.word(k) == "," && (k > trange.end || definite_title);
        let name_start = if appos { k + 1 } else { trange.end };
        let name = if appos || k == trange.end {
            name_at(ctx, f, name_start, true)
        } else {
            None
        };
        match name {
            Some((nrange, words)) => {
                let r = f.person_ref(ctx, nrange.clone(), words);
                f.persons[r.index].offices.push(OfficeB {
                    title: title.clone(),
                    head,
                    of: of.clone(),
                    toks: trange.clone(),
                });
                i = nrange.end;
                // A plural title covers the whole list: "die Landesräte A, B und C".
                let plural = {
                    let l = ctx.lower(trange.end - 1);
                    l.ends_with("innen")
                        || l.ends_with("räte")
                        || l.ends_with("stände")
                        // "Die Bürgermeister A und B": "die" with a masculine title is plural.
                        || (ctx.lower(trange.start.saturating_sub(1)) == "die"
                            && !is_feminine_title(&title)
                            && !l.ends_with('e'))
                        || (l.ends_with("en") && ctx.lower(trange.start.saturating_sub(1)) == "die")
                };
                while plural && matches!(ctx.word(i), "," | "und" | "sowie") {
                    let Some((n2, w2)) = name_at(ctx, f, i + 1, true) else {
                        break;
                    };
                    if words_are_title(ctx, i + 1) {
                        break;
                    }
                    let r2 = f.person_ref(ctx, n2.clone(), w2);
                    f.persons[r2.index].offices.push(OfficeB {
                        title: title.clone(),
                        head,
                        of: of.clone(),
                        toks: trange.clone(),
                    });
                    i = n2.end;
                }
            }
            None => {
                // Singular and definite: "der/die/des Regierende(n) Bürgermeister(s)", "Berlins …".
                let before = if trange.start > 0 {
                    ctx.lower(trange.start - 1)
                } else {
                    String::new()
                };
                let definite = matches!(
                    before.as_str(),
                    "der" | "die" | "des" | "dem" | "den" | "zum" | "zur"
                ) || (before == "-"
                    && matches!(
                        ctx.lower(trange.start.saturating_sub(3)).as_str(),
                        "zum" | "zur"
                    ))
                    || matches!(of, OfRef::Ent(_));
                // "Seit 2019 ist Olaf Brückner Landrat …": a predicate right after a name that
                // follows a copula.
                // Persons are not recognized yet: a given name and a surname will do.
                let predicate = trange.start >= 3
                    && is_copula(ctx, trange.start - 3)
                    && is_first_name(ctx.word(trange.start - 2))
                    && ctx.is_cap(trange.start - 1);
                let plural = ctx.lower(trange.end - 1).ends_with("innen");
                if (definite || predicate) && !plural {
                    f.unassigned.push(OfficeB {
                        title,
                        head,
                        of: of.clone(),
                        toks: trange.clone(),
                    });
                }
                i = trange.end;
            }
        }
    }
}

fn name_persons(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        let chinese = CHINESE_SURNAMES.contains(&w) && is_pinyin_given_name(ctx.word(i + 1));
        if !(is_first_name(w) || chinese) || ctx.word(i + 1) == "." {
            i += 1;
            continue;
        }
        let Some((nrange, words)) = name_at(ctx, f, i, false) else {
            i += 1;
            continue;
        };
        // "Paris Hilton" is a person, "Essen Süd" is not: reject when the last word is an
        // unambiguous place.
        if words.len() >= 2
            && places
                .lookup(words.last().unwrap())
                .first()
                .is_some_and(|c| !c.ambiguous && c.form == Form::Name)
            && !chinese
        {
            i += 1;
            continue;
        }
        let r = f.person_ref(ctx, nrange.clone(), words);
        // Reverse apposition: "Kai Wegner, Regierender Bürgermeister von Berlin".
        if ctx.word(nrange.end) == ","
            && let Some((trange, title, head)) = title_at(ctx, nrange.end + 1)
        {
            let mut of = OfRef::None;
            let k = trange.end;
            if matches!(ctx.word(k), "von" | "vom" | "der" | "des") {
                let mut j = k + 1;
                if matches!(ctx.word(j), "der" | "des" | "dem") {
                    j += 1;
                }
                if let Some((_, e)) = f.entity_starting(j) {
                    if e.ty != EntityType::Person {
                        of = OfRef::Ent(e);
                    }
                } else if let Some((t, c)) = place_match(ctx, j, places) {
                    of = OfRef::Ent(f.place_ref(ctx, t, c.id));
                } else {
                    // "Präsidentin der IHK Jena": a name recognized later (acronyms come
                    // last), resolved by its words once all organizations are known.
                    let mut x = j;
                    while x < ctx.len() && x < j + 6 && ctx.is_cap(x) && ctx.same_sentence(x, j) {
                        x += 1;
                    }
                    if x > j {
                        of = OfRef::Surface(ctx.surface(j..x));
                    }
                }
            }
            f.persons[r.index].offices.push(OfficeB {
                title: title.clone(),
                head,
                of: of.clone(),
                toks: trange.clone(),
            });
            // "Helmut List, Vorsitzender und Geschäftsführer der AVL List GmbH": a second title
            // coordinated with the first shares its complement.
            if ctx.word(trange.end) == "und"
                && let Some((t2, title2, head2)) = title_at(ctx, trange.end + 1)
            {
                let mut of2 = of.clone();
                if of2 == OfRef::None && matches!(ctx.word(t2.end), "der" | "des" | "von") {
                    let j = t2.end + 1;
                    if let Some((_, e)) = f.entity_starting(j)
                        && e.ty != EntityType::Person
                    {
                        of2 = OfRef::Ent(e);
                    }
                }
                if let Some(first) = f.persons[r.index].offices.last_mut()
                    && first.of == OfRef::None
                {
                    first.of = of2.clone();
                }
                f.persons[r.index].offices.push(OfficeB {
                    title: title2,
                    head: head2,
                    of: of2,
                    toks: t2,
                });
            }
        }
        i = nrange.end;
    }
}

/// "Mit der Messegesellschaft der Provinzhauptstadt …" after "Messegesellschaft Shenyang": a
/// definite institution noun that starts exactly one organization name of the document
/// mentions that organization.
fn bare_head_mentions(ctx: &Ctx, f: &mut Found) {
    for i in 1..ctx.len() {
        if f.claim[i].is_some()
            || !ctx.is_cap(i)
            || ctx.boiler[ctx.sent_of[i]]
            || !matches!(
                ctx.lower(i - 1).as_str(),
                "der" | "die" | "das" | "dem" | "den" | "des" | "beim" | "im" | "zum" | "zur"
            )
            || org_head(ctx.word(i)).is_none()
        {
            continue;
        }
        let key = norm_key(&crate::inflect::org_nominative(ctx.word(i)));
        let cands: Vec<usize> = (0..f.orgs.len())
            .filter(|&o| {
                let name = &f.orgs[o].name;
                name.contains(' ') && name.split(' ').next().map(norm_key) == Some(key.clone())
            })
            .collect();
        if let [o] = cands[..] {
            let surface = ctx.surface(i..i + 1);
            f.orgs[o].mentions.push((i..i + 1, surface));
            f.add_ref(i..i + 1, EntityRef::org(o), true);
        }
    }
}

/// Gazetteer places the words of a name can name, word by word, best first ("Kärntner
/// Landtag" -> Kärnten): the place an institution is named after.
pub(crate) fn place_ids_named_in(name: &str) -> impl Iterator<Item = PlaceId> + '_ {
    let gaz = Places::get();
    name.split_whitespace().flat_map(move |w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        gaz.lookup(w).iter().map(|c| c.id)
    })
}

/// Initials of the capitalized words of a name, hyphenated parts included, without legal
/// forms: "Karlsruher Messe- und Kongress GmbH" -> "KMK".
fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| orgs::ends_with_legal_form(&[w]).is_none())
        .collect();
    orgs::initials(&words)
}

/// A one-word organization name that is the head or the first word of exactly one longer
/// name in the document is that organization: "Bundestag" after "Deutscher Bundestag", "IHK"
/// after "IHK Hannover".
fn merge_org_variants(f: &mut Found) {
    let n = f.orgs.len();
    let mut target: Vec<usize> = (0..n).collect();
    #[allow(clippy::needless_range_loop)] // `a` indexes organizations and targets alike
    for a in 0..n {
        // "Messegesellschaft der Hafenstadt Danzig" is the "Messegesellschaft Danzig": the
        // same head and place, with a genitive phrase between.
        let words_a: Vec<String> = f.orgs[a].name.split(' ').map(norm_key).collect();
        if words_a.len() >= 4
            && words_a[1..words_a.len() - 1]
                .iter()
                .any(|w| w == "der" || w == "des")
        {
            let short: Vec<usize> = (0..n)
                .filter(|&b| {
                    let wb: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
                    b != a
                        && wb.len() == 2
                        && wb[0] == words_a[0]
                        && wb[1] == words_a[words_a.len() - 1]
                })
                .collect();
            if let [b] = short[..] {
                target[a] = b;
                continue;
            }
        }
        let short = norm_key(&f.orgs[a].name);
        if f.orgs[a].name.contains(' ') || f.orgs[a].kind == OrgKind::Party {
            continue;
        }
        let name = &f.orgs[a].name;
        let acronym = (2..=6).contains(&name.chars().count())
            && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let cands: Vec<usize> = (0..n)
            .filter(|&b| b != a && f.orgs[b].kind == f.orgs[a].kind)
            .filter(|&b| {
                let words: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
                words.len() > 1 && (words.last() == Some(&short) || words[0] == short)
            })
            .collect();
        // "KMK" for "Karlsruher Messe- und Kongress GmbH": the initials of the name's words.
        let cands = if cands.is_empty() && acronym {
            (0..n)
                .filter(|&b| b != a && initials(&f.orgs[b].name) == *name)
                .collect()
        } else {
            cands
        };
        if let [b] = cands[..] {
            target[a] = b;
        }
    }
    // One organization written twice: with a year ("Smart China Expo 2019"), in another word
    // order ("Smart Expo China"), or named inside another's name at every mention ("Bayer" in
    // "Bayer Research and Innovation Center"), or in parentheses after it ("Polizeibehörde der
    // Stadt (L.A. Police Department)").
    for a in 0..n {
        if target[a] != a {
            continue;
        }
        let words_a: Vec<String> = f.orgs[a].name.split(' ').map(norm_key).collect();
        let b = (0..n).find(|&b| {
            if b == a || target[b] == a || f.orgs[b].kind == OrgKind::Party {
                return false;
            }
            let words_b: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
            let year_variant = words_a.len() == words_b.len() + 1
                && words_a[..words_b.len()] == words_b[..]
                && words_a
                    .last()
                    .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
            let reordered = words_a.len() >= 2 && words_a.len() == words_b.len() && {
                let mut x = words_a.clone();
                let mut y = words_b.clone();
                x.sort();
                y.sort();
                x == y && f.orgs[a].kind == f.orgs[b].kind && b < a
            };
            let nested = !f.orgs[a].mentions.is_empty()
                && f.orgs[a].mentions.iter().all(|(ma, _)| {
                    f.orgs[b]
                        .mentions
                        .iter()
                        .any(|(mb, _)| mb.start <= ma.start && ma.end <= mb.end && mb != ma)
                });
            year_variant || reordered || nested
        });
        if let Some(b) = b {
            target[a] = b;
        }
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    // Follow chains (a -> b -> c) to their end; a cycle keeps its first member.
    for a in 0..n {
        let mut t = target[a];
        let mut steps = 0;
        while target[t] != t && steps < n {
            t = target[t];
            steps += 1;
        }
        target[a] = if steps < n { t } else { a };
    }
    let mut new_index: Vec<usize> = vec![0; n];
    let mut orgs: Vec<OrgB> = Vec::new();
    for a in 0..n {
        if target[a] == a {
            new_index[a] = orgs.len();
            orgs.push(f.orgs[a].clone());
        }
    }
    for a in 0..n {
        if target[a] != a {
            let t = new_index[target[a]];
            let src = f.orgs[a].clone();
            orgs[t].mentions.extend(src.mentions);
            for al in std::iter::once(src.name).chain(src.aliases) {
                if !orgs[t].aliases.contains(&al) && al != orgs[t].name {
                    orgs[t].aliases.push(al);
                }
            }
            new_index[a] = t;
        }
    }
    let remap = |r: &mut EntityRef| {
        if r.ty == EntityType::Organization {
            r.index = new_index[r.index];
        }
    };
    for c in f.claim.iter_mut().flatten() {
        remap(c);
    }
    for (_, r) in f.index.iter_mut() {
        remap(r);
    }
    for p in f.persons.iter_mut() {
        for o in p.offices.iter_mut() {
            if let OfRef::Ent(r) = &mut o.of {
                remap(r);
            }
        }
    }
    f.orgs = orgs;
}

/// Folds single-word persons into the full-name person they abbreviate ("Tang" -> "Tang Liangzhi").
fn merge_person_variants(f: &mut Found) {
    let n = f.persons.len();
    let mut target: Vec<usize> = (0..n).collect();
    #[allow(clippy::needless_range_loop)] // `a` indexes persons and targets alike
    for a in 0..n {
        if f.persons[a].words.len() != 1 {
            continue;
        }
        let w = &f.persons[a].words[0];
        let first_mention = f.persons[a].mentions.first().map_or(0, |m| m.0.start);
        let mut cands: Vec<usize> = (0..n)
            .filter(|&b| b != a && f.persons[b].words.len() > 1)
            .filter(|&b| {
                let ws = &f.persons[b].words;
                ws.last() == Some(w)
                    || (ws.iter().skip(1).any(|x| x == w) && !is_first_name(w))
                    || (ws[0] == *w && CHINESE_SURNAMES.contains(&w.as_str()))
            })
            .collect();
        cands.sort_by_key(|&b| {
            let m = f.persons[b]
                .mentions
                .iter()
                .map(|m| m.0.start)
                .filter(|&s| s <= first_mention)
                .max();
            std::cmp::Reverse(m.unwrap_or(0))
        });
        if let Some(&b) = cands.first() {
            target[a] = b;
        }
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    let mut new_index: Vec<Option<usize>> = vec![None; n];
    let mut persons: Vec<PersonB> = Vec::new();
    for a in 0..n {
        if target[a] == a {
            new_index[a] = Some(persons.len());
            persons.push(f.persons[a].clone());
        }
    }
    for a in 0..n {
        if target[a] != a {
            let t = new_index[target[a]].unwrap();
            let src = f.persons[a].clone();
            persons[t].mentions.extend(src.mentions);
            persons[t].offices.extend(src.offices);
            if persons[t].party.is_none() {
                persons[t].party = src.party;
            }
            new_index[a] = Some(t);
        }
    }
    let remap = |r: &mut EntityRef| {
        if r.ty == EntityType::Person {
            r.index = new_index[r.index].unwrap();
        }
    };
    for c in f.claim.iter_mut().flatten() {
        remap(c);
    }
    for (_, r) in f.index.iter_mut() {
        remap(r);
    }
    f.persons = persons;
}

fn places(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some_and(|r| r.ty == EntityType::Person) {
            i += 1;
            continue;
        }
        let Some((t, c)) = place_match(ctx, i, places) else {
            i += 1;
            continue;
        };
        if f.index
            .iter()
            .any(|(x, r)| r.ty == EntityType::Place && x.start == t.start)
        {
            i = t.end;
            continue;
        }
        // Inside an organization name, a place counts only at its end ("IHK Berlin") or as a
        // leading adjective ("Kärntner Landtag"), not inside ("Massachusetts Institute").
        if let Some(org) = f.claim[t.start].filter(|r| r.ty == EntityType::Organization) {
            // The mention of that organization which covers this place.
            let range = f
                .index
                .iter()
                .find(|(x, r)| *r == org && x.start <= t.start && t.start < x.end)
                .map(|(x, _)| x.clone());
            if let Some(range) = range {
                // Brands named like places ("Picture Alliance", "Air China") do not mention them.
                let brand = lookup_org(&ctx.w[range.clone()].join(" ")).is_some();
                let at_end = t.end == range.end && !brand;
                let leading_adj = t.start == range.start && c.form == Form::Adjective;
                let after_prep = t.start > range.start
                    && matches!(ctx.word(t.start - 1), "von" | "des" | "der" | "in");
                if !(at_end || leading_adj || after_prep) {
                    i = t.end;
                    continue;
                }
            }
        }
        // "Im Zentrum", "Am Markt": a match starting with a function word is a phrase.
        if t.len() > 1 && ctx.is_function(t.start) {
            i += 1;
            continue;
        }
        let surface = ctx.w[t.clone()].join(" ");
        // "Die AHL beschäftigt …": an acronym an organization defined is that organization.
        if surface.chars().all(|ch| ch.is_uppercase())
            && f.orgs.iter().any(|o| o.aliases.contains(&surface))
        {
            i = t.end;
            continue;
        }
        let form_is_adjective = c.form == Form::Adjective;
        // "Kölner Delegation", "Tokioter Gouverneurin": a capitalized city adjective qualifies a
        // noun; alone ("LH Dörfler trifft") it is more likely a surname.
        if form_is_adjective && ctx.is_cap(t.start) && !ctx.is_cap(t.end) {
            i = t.end;
            continue;
        }
        // Places named like common nouns ("Norden", "Zentrum", "Rathaus") need a clear place
        // preposition; "im"/"am" introduce ordinary nouns.
        let noun_like = !form_is_adjective && t.len() == 1 && is_common_noun(&surface);
        if c.ambiguous || noun_like {
            let prev = if i > 0 {
                ctx.lower(i - 1)
            } else {
                String::new()
            };
            let prep = if noun_like {
                matches!(prev.as_str(), "in" | "nach" | "aus" | "bis" | "via")
            } else {
                PLACE_PREPOSITIONS.contains(&prev.as_str())
            };
            // "der Stadt Kiel", "der Landeshauptstadt Kiel"
            let kind_noun = ["stadt", "gemeinde", "region", "kreis", "kreises", "städte"]
                .iter()
                .any(|k| prev.ends_with(k))
                && i > 0
                && ctx.is_cap(i - 1);
            let listed = i > 1
                && matches!(prev.as_str(), "," | "und")
                && f.index
                    .iter()
                    .any(|(x, r)| r.ty == EntityType::Place && x.end == i - 1);
            // "Sachsen und Niederschlesien": listed before a place that is one for sure.
            let listed_before = matches!(ctx.word(t.end), "und" | "sowie")
                && place_match(ctx, t.end + 1, places).is_some_and(|(t2, c2)| {
                    !c2.ambiguous
                        && c2.form == Form::Name
                        && !(t2.len() == 1 && is_common_noun(ctx.word(t2.start)))
                });
            if !(prep || listed || listed_before || kind_noun) {
                i = t.end;
                continue;
            }
        }
        // A capitalized sentence-initial adjective form is rarely the place ("Deutsche Bahn").
        f.place_ref(ctx, t.clone(), c.id);
        i = t.end;
    }
}

fn acronyms(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    // Definitions: "Massachusetts Institute of Technology (MIT)".
    let mut defined: BTreeMap<String, EntityRef> = BTreeMap::new();
    for (t, r) in f.index.clone() {
        if r.ty == EntityType::Organization && ctx.word(t.end) == "(" && ctx.word(t.end + 2) == ")"
        {
            let acr = ctx.word(t.end + 1);
            if acr
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && acr.chars().count() >= 2
            {
                defined.insert(acr.to_string(), r);
                let o = &mut f.orgs[r.index];
                if !o.aliases.iter().any(|a| a == acr) {
                    o.aliases.push(acr.to_string());
                }
            }
        }
    }
    for (name, r) in f
        .orgs
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            o.aliases
                .iter()
                .map(move |a| (a.clone(), EntityRef::org(i)))
        })
        .collect::<Vec<_>>()
    {
        if name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            defined.entry(name).or_insert(r);
        }
    }
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_word(i) {
            continue;
        }
        let w = ctx.word(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if let Some(&r) = defined.get(w) {
            let name = f.orgs[r.index].name.clone();
            let kind = f.orgs[r.index].kind;
            f.org_ref(ctx, i..i + 1, name, kind);
            continue;
        }
        if !all_caps
            || w.chars().count() > 6
            || NON_ORG_ACRONYMS.contains(&w)
            || PARTIES.contains(&w)
        {
            continue;
        }
        if ctx.boiler[ctx.sent_of[i]] || !places.lookup(w).is_empty() {
            continue;
        }
        if f.index.iter().any(|(x, _)| x.contains(&i)) {
            continue;
        }
        // Roman numerals and units are not names.
        if w.chars().all(|c| "IVXLCDM".contains(c)) {
            continue;
        }
        // "TU Graz", "FC Bayern München", "IHK Hannover": an acronym with the place it belongs to.
        let mut end = i + 1;
        // One or two name words may stand between acronym and place ("FC Bayern München").
        let mut probe = end;
        while probe < end + 2
            && ctx.is_cap(probe)
            && !ctx.is_function(probe)
            && !is_common_noun(ctx.word(probe))
            && f.claim[probe].is_none()
        {
            probe += 1;
            if f.index
                .iter()
                .any(|(x, r)| x.start == probe && r.ty == EntityType::Place)
            {
                end = probe;
                break;
            }
        }
        while let Some((x, _)) = f
            .index
            .iter()
            .find(|(x, r)| x.start == end && r.ty == EntityType::Place)
        {
            end = x.end;
        }
        let name = ctx.surface(i..end);
        f.org_ref(ctx, i..end, name, OrgKind::Other);
    }
}

fn is_feminine_title(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
    last.ends_with("in") || last.ends_with("frau")
}

/// Gives name-less titles to their holder: the person the sentence says holds it ("Seit einem
/// Jahr ist Kai Wegner nun Berlins Regierender Bürgermeister"), else the one person with an
/// office of the same head and gender, else the document's protagonist when that person has no
/// office yet.
/// A copula that links a name to a predicative title ("ist", "wurde").
fn is_copula(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.lower(k).as_str(),
        "ist" | "war" | "bleibt" | "wird" | "wurde"
    )
}

fn assign_titles(ctx: &Ctx, f: &mut Found) {
    let titles = std::mem::take(&mut f.unassigned);
    for t in titles {
        let si = ctx.sent_of[t.toks.start];
        let sent = ctx.sents[si].clone();
        // Predicative: a person shortly before the title with a copula between them ("X ist
        // seit 2019 Landrat"); a copula elsewhere in the sentence (inside a quote) is not.
        // "die Wahl von Donald Trump zum US-Präsidenten": X becomes what follows "zum".
        let zum_at =
            if t.toks.start >= 1 && matches!(ctx.lower(t.toks.start - 1).as_str(), "zum" | "zur") {
                Some(t.toks.start - 1)
            } else if t.toks.start >= 3
                && ctx.word(t.toks.start - 1) == "-"
                && matches!(ctx.lower(t.toks.start - 3).as_str(), "zum" | "zur")
            {
                Some(t.toks.start - 3)
            } else {
                None
            };
        let elected = zum_at.and_then(|z| {
            f.index
                .iter()
                .find(|(x, r)| r.ty == EntityType::Person && x.end == z)
                .map(|(_, r)| r.index)
        });
        let mut holder: Option<usize> = f
            .index
            .iter()
            .rfind(|(x, r)| {
                r.ty == EntityType::Person
                    && x.start >= sent.start
                    && x.end <= t.toks.start
                    && t.toks.start - x.end <= 6
            })
            .filter(|(x, _)| {
                (x.end..t.toks.start).any(|k| is_copula(ctx, k))
                    || (x.start > sent.start && is_copula(ctx, x.start - 1))
            })
            .map(|(_, r)| r.index)
            .or(elected);
        if zum_at.is_some() && elected.is_none() {
            // "zum Präsidenten" of nobody named right before: not a coreference.
            continue;
        }
        let fem = is_feminine_title(&t.title);
        if holder.is_none() {
            let same: Vec<usize> = (0..f.persons.len())
                .filter(|&p| {
                    f.persons[p]
                        .offices
                        .iter()
                        .any(|o| o.head == t.head && is_feminine_title(&o.title) == fem)
                })
                .collect();
            if same.len() == 1 {
                holder = Some(same[0]);
            }
        }
        // "… des Stadtwerke-Chefs Udo Brockmeier … Der Vorstandsvorsitzende ist bereit …": a
        // definite title opening a sentence refers to the one person the previous sentence
        // names.
        let opens_clause = t.toks.start >= 1
            && matches!(ctx.lower(t.toks.start - 1).as_str(), "der" | "die")
            && (t.toks.start - 1 == sent.start || ctx.word(t.toks.start - 2) == ":");
        // A title with its own complement ("Der Leiter der Vertretung …") names someone new.
        let bare = !matches!(
            ctx.lower(t.toks.end).as_str(),
            "der" | "des" | "von" | "vom" | "für" | "aus" | "in" | "im"
        );
        if holder.is_none() && opens_clause && bare && si > 0 {
            // The clause before a colon, else the previous sentence.
            let persons_in = |span: std::ops::Range<usize>| {
                let mut named: Vec<usize> = f
                    .index
                    .iter()
                    .filter(|(x, r)| {
                        r.ty == EntityType::Person && x.start >= span.start && x.end <= span.end
                    })
                    .map(|(_, r)| r.index)
                    .collect();
                named.sort_unstable();
                named.dedup();
                named
            };
            let mut named = persons_in(sent.start..t.toks.start);
            if named.is_empty() {
                named = persons_in(ctx.sents[si - 1].clone());
            }
            if let [p] = named[..] {
                holder = Some(p);
            }
        }
        if holder.is_none() {
            let count = |p: usize| {
                f.index
                    .iter()
                    .filter(|(_, r)| *r == EntityRef::person(p))
                    .count()
            };
            let best = (0..f.persons.len())
                .filter(|&p| f.persons[p].words.len() > 1)
                .max_by_key(|&p| (count(p), std::cmp::Reverse(p)));
            if let Some(p) = best
                && count(p) >= 3
                && f.persons[p].offices.is_empty()
            {
                holder = Some(p);
            }
        }
        let Some(p) = holder else { continue };
        let person = &mut f.persons[p];
        if let Some(o) = person.offices.iter_mut().find(|o| o.head == t.head) {
            if o.of == OfRef::None {
                o.of = t.of.clone();
            }
        } else {
            person.offices.push(t);
        }
    }
}

/// Every further occurrence of a known surname (or its genitive) is a mention of that person.
fn surname_mentions(ctx: &Ctx, f: &mut Found) {
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (pi, p) in f.persons.iter().enumerate() {
        if p.words.len() > 1 {
            let last = p.words.last().unwrap().clone();
            surnames.push((last, pi));
            if CHINESE_SURNAMES.contains(&p.words[0].as_str()) {
                surnames.push((p.words[0].clone(), pi));
            }
        } else {
            surnames.push((p.words[0].clone(), pi));
        }
    }
    // Two persons sharing a surname: the bare surname is ambiguous, leave it.
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (s, _) in &surnames {
        *count.entry(s.as_str()).or_default() += 1;
    }
    let unique: Vec<(String, usize)> = surnames
        .iter()
        .filter(|(s, _)| count[s.as_str()] == 1)
        .cloned()
        .collect();
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) {
            continue;
        }
        let w = ctx.word(i);
        let base = w.strip_suffix('s').unwrap_or(w);
        if let Some((_, pi)) = unique.iter().find(|(s, _)| s == w || s == base) {
            let words = f.persons[*pi].words.clone();
            f.person_ref(ctx, i..i + 1, words);
        }
    }
}

fn parties(ctx: &Ctx, f: &mut Found) {
    for (t, r) in f.index.clone() {
        if r.ty != EntityType::Person {
            continue;
        }
        // "Kai Wegner (CDU)"
        if ctx.word(t.end) == "("
            && ctx.word(t.end + 2) == ")"
            && PARTIES.contains(&ctx.word(t.end + 1))
        {
            f.persons[r.index].party = Some(ctx.word(t.end + 1).to_string());
            continue;
        }
        // "die SPD-Politikerin Anna Beispiel", "Grünen-Abgeordnete"
        for k in t.start.saturating_sub(3)..t.start {
            if let Some((p, _)) = ctx.word(k).split_once('-')
                && PARTIES.contains(&p)
                && ctx.same_sentence(k, t.start)
            {
                let p = if p == "Grünen" { "Grüne" } else { p };
                f.persons[r.index].party = Some(p.to_string());
            }
        }
    }
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
    }

    #[test]
    fn pinyin_given_names() {
        assert!(is_pinyin_given_name("Liangzhi"));
        assert!(is_pinyin_given_name("Mingde"));
        assert!(is_pinyin_given_name("Shichun"));
        assert!(!is_pinyin_given_name("Müller"));
        assert!(!is_pinyin_given_name("Berlin"));
    }

    #[test]
    fn org_heads() {
        assert_eq!(org_head("Wirtschaftskammer").map(|h| h.1), Some("chamber"));
        assert_eq!(org_head("Landtags").map(|h| h.0), Some("landtag"));
        assert!(org_head("Besuch").is_none());
    }
}
