//! Events: delegation trips, partnerships and agreements, built from recognized entities,
//! trigger words and temporal expressions of the same sentences.
//!
//! ## What it matches
//! - trips: sentences with a travel trigger ("reist nach", "besucht", "Delegation", "zu Gast");
//!   leader = the highest-ranking traveller named as subject, destinations = places after
//!   "nach"/"in"/"Stationen in" in travel order, origin = "aus X" or the leader's office place,
//!   members after "begleitet von", "Teilnehmer waren", meetings after "trifft", "Termine bei";
//! - partnerships: "Städtepartnerschaft zwischen X und Y", "X ist seit 2004 Partnerstadt von Y",
//!   anniversaries ("30-jähriges Jubiläum");
//! - agreements: memorandum, letter of intent, cooperation agreement, communiqué with a signing
//!   verb; parties are the places or organizations named, else the signatories' offices.
//!
//! ## Known misses
//! One main trip per document; earlier or planned second trips are not separated yet.

use crate::ctx::Ctx;
use crate::ner::{Found, OfRef};
use delegraph_gazetteer::places::{PlaceKind as GKind, Places};
use delegraph_model::{AgreementKind, EntityRef, EntityType, OrgKind, Status};
use delegraph_text::PartialDate;
use delegraph_text::money::Money;
use delegraph_text::temporal::{TimeExpr, TimeValue};
use std::collections::BTreeSet;
use std::ops::Range;

/// A trip before it is turned into model references.
#[derive(Debug, Clone, Default)]
pub(crate) struct TripB {
    pub leader: Option<EntityRef>,
    pub origin: Option<EntityRef>,
    pub destinations: Vec<EntityRef>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub members: Vec<EntityRef>,
    pub meetings: Vec<EntityRef>,
    pub cost: Option<f64>,
    pub status: Status,
    pub sentences: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct PartnershipB {
    pub a: EntityRef,
    pub b: EntityRef,
    pub since: Option<i16>,
    pub sentences: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct AgreementB {
    pub kind: AgreementKind,
    pub parties: Vec<EntityRef>,
    pub signatories: Vec<EntityRef>,
    pub date: Option<PartialDate>,
    pub status: Status,
    pub sentences: Vec<usize>,
}

pub(crate) struct Events {
    pub trips: Vec<TripB>,
    pub partnerships: Vec<PartnershipB>,
    pub agreements: Vec<AgreementB>,
}

const TRIP_TRIGGERS: &[&str] = &[
    "reise",
    "reist",
    "reiste",
    "reisen",
    "bereist",
    "besuch",
    "besucht",
    "besuchte",
    "besuchen",
    "visite",
    "delegation",
    "aufenthalt",
    "weilte",
    "weilt",
    "empfing",
    "empfangen",
    "begrüßte",
    "begrüßt",
    "begrüsst",
    "empfängt",
    "willkommen",
    "aufgebrochen",
    "unterwegs",
    "verbrachte",
    "verbrachten",
    "angeführt",
    "bricht",
    "brach",
    "zurückgekehrt",
    "abflug",
    "stationen",
    "route",
    "etappe",
    "gast",
    "staatsbesuch",
    "antrittsbesuch",
    "delegationsreise",
    "auslandsreise",
    "dienstreise",
    "wirtschaftsdelegation",
    "unternehmerdelegation",
    "besuchsprogramm",
    "programm",
    "trifft",
];

const MEMBER_CUES: &[&str] = &[
    "begleitet",
    "begleiten",
    "begleitete",
    "teilnehmer",
    "teilnehmende",
    "teilnehmenden",
    "dabei",
    "gehören",
    "gehörten",
    "angehören",
    "mitglieder",
    "stößt",
    "stoßen",
    "unter",
    "mitgereist",
    "mitreisenden",
    "vertreten",
];

/// Words that introduce travel companions wherever they appear.
const STRONG_MEMBER_CUES: &[&str] = &[
    "gekommen",
    "angereist",
    "begleitet",
    "begleitete",
    "begleiten",
    "begleitung",
    "teilnehmer",
    "teilnehmende",
    "mitgereist",
    "mitreisende",
    "gehörten",
    "angehörten",
    "angehören",
    "gehören",
    "gehört",
    "zählen",
    "zählten",
    "zählt",
];

const MEETING_CUES: &[&str] = &[
    "programm",
    "trifft",
    "treffen",
    "traf",
    "trafen",
    "treffe",
    "termin",
    "termine",
    "terminen",
    "gespräch",
    "gespräche",
    "gesprächen",
    "besucht",
    "besuchte",
    "besuchen",
    "besuch",
    "gast",
    "empfangen",
    "empfing",
    "empfang",
    "visite",
    "teilzunehmen",
    "teilnahm",
    "eröffnung",
    "besichtigung",
    "besichtigungen",
    "unterredungen",
    "mittagessen",
    "kennenlernen",
    "zusammenkommen",
    "hieß",
    "begrüßte",
    "begrüßt",
    "lud",
    "austausch",
    "station",
    "unterredung",
    "verständigten",
    "verständigte",
    "erörterte",
    "erörterten",
    "tauschten",
    "hiess",
];

const REPORTING: &[&str] = &[
    "mitteilte",
    "mitteilt",
    "berichtete",
    "berichtet",
    "teilt",
    "meldete",
    "zitierte",
];

fn lower_set(ctx: &Ctx, r: Range<usize>) -> Vec<String> {
    r.map(|i| ctx.lower(i)).collect()
}

/// Whether a cue occurs as a word, an inflected form ("Staatsbesuchs") or the end of a
/// compound ("Delegationsreise").
fn has_any(words: &[String], cues: &[&str]) -> bool {
    words.iter().any(|w| {
        cues.iter().any(|c| {
            w == c
                || (c.len() >= 5
                    && (w.ends_with(c) || (w.starts_with(c) && w.len() <= c.len() + 2)))
                || (c.len() >= 6
                    && ["es", "en", "s", "n", "e"]
                        .iter()
                        .any(|suf| w.strip_suffix(suf).is_some_and(|b| b.ends_with(c))))
        })
    })
}

/// Verbs whose subject travels.
const TRAVEL_VERBS: &[&str] = &[
    "reist",
    "reiste",
    "reisen",
    "besucht",
    "besuchte",
    "bricht",
    "brach",
    "weilte",
    "weilt",
    "geleitete",
    "leitet",
    "leitete",
    "fliegt",
    "flog",
    "trifft",
    "traf",
    "aufgebrochen",
    "zurückgekehrt",
    "unterwegs",
];

/// Verbs and nouns of hosting: the person receiving a visit is not the traveller.
const HOST_CUES: &[&str] = &[
    "empfing",
    "empfangen",
    "empfängt",
    "begrüßte",
    "begrüßt",
    "begrüsste",
    "begrüsst",
    "hieß",
    "hiess",
    "heißt",
    "heisst",
    "geheißen",
    "geheissen",
    "einladung",
    "gastgeber",
    "lud",
    "eingeladen",
];

/// Persons who host: subject of an active host verb, or after "von" in a passive one.
fn hosts(ctx: &Ctx, f: &Found) -> Vec<EntityRef> {
    let mut out = Vec::new();
    for si in 0..ctx.sents.len() {
        let words = lower_set(ctx, ctx.sents[si].clone());
        // "bei Rostocks Bürgermeister X zu Gast", "zu Gast bei X": the person after "bei".
        if words.windows(2).any(|w| w[0] == "zu" && w[1] == "gast") {
            for (t, e) in sentence_entities(f, ctx, si) {
                let near_bei = (t.saturating_sub(4)..t)
                    .any(|k| ctx.lower(k) == "bei" || ctx.lower(k) == "beim");
                if e.ty == EntityType::Person && near_bei && !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        let Some(cue) = words.iter().position(|w| HOST_CUES.contains(&w.as_str())) else {
            continue;
        };
        let cue_tok = ctx.sents[si].start + cue;
        let persons: Vec<(usize, EntityRef)> = sentence_entities(f, ctx, si)
            .into_iter()
            .filter(|(_, e)| e.ty == EntityType::Person)
            .collect();
        let passive = words.iter().any(|w| w == "wurde" || w == "wurden");
        let host = if passive {
            persons
                .iter()
                .find(|(t, _)| {
                    *t > 0 && ctx.lower(t - 1) == "von" || (*t > 1 && ctx.lower(t - 2) == "von")
                })
                .map(|(_, e)| *e)
        } else if words[cue] == "einladung" {
            // "auf Einladung des Bürgermeisters X": the inviter follows within a few words.
            persons
                .iter()
                .find(|(t, _)| *t > cue_tok && *t <= cue_tok + 4)
                .map(|(_, e)| *e)
        } else {
            persons.first().map(|(_, e)| *e)
        };
        if let Some(h) = host
            && !out.contains(&h)
        {
            out.push(h);
        }
    }
    out
}

pub(crate) fn rank(head: &str) -> i32 {
    match head {
        "präsident" | "ministerpräsident" | "landeshauptmann" | "landeshauptfrau" | "kanzler"
        | "regierungschef" | "gouverneur" | "fürst" => 6,
        "bürgermeister" | "minister" | "senator" | "landrat" | "landrätin" | "landammann"
        | "regierungsrat" | "premier" => 5,
        "botschafter" | "generalkonsul" | "konsul" | "staatssekretär" | "rektor" => 4,
        "vorsitzende" | "vorsitzender" | "direktor" | "geschäftsführer" | "chef" | "vorstand"
        | "vorständin" => 3,
        _ => 2,
    }
}

/// Entities mentioned inside a sentence, in order, with their first token.
fn sentence_entities(f: &Found, ctx: &Ctx, si: usize) -> Vec<(usize, EntityRef)> {
    let r = ctx.sents[si].clone();
    let mut v: Vec<(usize, EntityRef)> = Vec::new();
    for (t, e) in &f.index {
        if t.start >= r.start && t.start < r.end && !v.iter().any(|(_, x)| x == e) {
            v.push((t.start, *e));
        }
    }
    v
}

pub(crate) fn place_kind(f: &Found, r: EntityRef) -> GKind {
    Places::get().place(f.places[r.index].id).kind
}

pub(crate) fn is_country(f: &Found, r: EntityRef) -> bool {
    r.ty == EntityType::Place && place_kind(f, r) == GKind::Country
}

pub(crate) fn country_of(f: &Found, r: EntityRef) -> Option<String> {
    (r.ty == EntityType::Place)
        .then(|| Places::get().place(f.places[r.index].id).country.clone())
        .flatten()
}

fn mention_count(f: &Found, r: EntityRef) -> usize {
    f.index.iter().filter(|(_, e)| *e == r).count()
}

fn first_mention(f: &Found, r: EntityRef) -> usize {
    f.index
        .iter()
        .find(|(_, e)| *e == r)
        .map_or(usize::MAX, |(t, _)| t.start)
}

pub(crate) fn in_sentence(times: &[TimeExpr], ctx: &Ctx, si: usize) -> Vec<TimeExpr> {
    let span = ctx.sentence_span(si);
    times
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .cloned()
        .collect()
}

fn word_before(ctx: &Ctx, byte: usize) -> String {
    match ctx.token_at_byte(byte) {
        Some(i) if i > 0 => ctx.lower(i - 1),
        _ => String::new(),
    }
}

pub(crate) fn find(
    ctx: &Ctx,
    f: &Found,
    clauses: &delegraph_clause::Analysis,
    times: &[TimeExpr],
    money: &[Money],
    published: Option<PartialDate>,
) -> Events {
    let mut trips = trips(ctx, f, times, money, published);
    let instances = crate::frames::instances(ctx, f, clauses);
    crate::assembly::assemble(ctx, f, &instances, times, &mut trips);
    let mut partnerships = partnerships(ctx, f, times, published, &trips);
    crate::assembly::partnerships(
        ctx,
        f,
        &instances,
        times,
        published,
        &trips,
        &mut partnerships,
    );
    let agreements = agreements(ctx, f, times, &trips, &partnerships);
    // Who signs together with a traveller met the delegation.
    if let Some(t) = trips.first_mut() {
        let travels = |t: &TripB, p: &EntityRef| t.leader == Some(*p) || t.members.contains(p);
        for a in &agreements {
            if !a.signatories.iter().any(|s| travels(t, s)) {
                continue;
            }
            for s in &a.signatories {
                if !travels(t, s) && !t.meetings.contains(s) {
                    t.meetings.push(*s);
                }
            }
        }
    }
    // "Für die Unterzeichnung reist X nach Tartu": an undated trip to a signing happens on
    // the signing's date.
    for t in trips.iter_mut().filter(|t| t.start.is_none()) {
        let for_signing = t.sentences.iter().any(|&si| {
            lower_set(ctx, ctx.sents[si].clone())
                .iter()
                .any(|w| w.starts_with("unterzeichnung") || w.starts_with("unterschrift"))
        });
        if for_signing
            && let Some(d) = agreements
                .iter()
                .find_map(|a| a.date.filter(|d| d.is_day()))
        {
            t.start = Some(d);
        }
    }
    // A partnership founded by a dated partnership agreement between the same two places
    // dates from it; renewals ("verlängert", "erneuerte") do not found anything.
    for p in partnerships.iter_mut().filter(|p| p.since.is_none()) {
        let founding = agreements.iter().find(|a| {
            a.kind == AgreementKind::PartnershipAgreement
                && a.parties.len() == 2
                && a.parties.contains(&p.a)
                && a.parties.contains(&p.b)
                && a.date.is_some()
                && !a.sentences.iter().chain(&p.sentences).any(|&si| {
                    lower_set(ctx, ctx.sents[si].clone()).iter().any(|w| {
                        w.starts_with("verlänger")
                            || w.starts_with("erneuer")
                            || w.starts_with("fortgesetzt")
                            || w == "fort"
                    })
                })
        });
        if let Some(a) = founding {
            p.since = a.date.map(|d| d.year);
        }
    }
    Events {
        trips,
        partnerships,
        agreements,
    }
}

/// A place in a dateline at the start of a sentence: "Aschersleben/Tartu – …", "Pori (ots)".
fn in_dateline(ctx: &Ctx, tok: usize) -> bool {
    let start = ctx.sents[ctx.sent_of[tok]].start;
    if tok > start + 4 {
        return false;
    }
    let mut k = tok;
    while k < ctx.len() && k < tok + 6 {
        match ctx.word(k) {
            "–" | "—" | "-" | "(" => return true,
            "/" => k += 1,
            _ if ctx.is_cap(k) => k += 1,
            _ => return false,
        }
    }
    false
}

/// A trip announced in one sentence with a modal or planning verb, a named or titled traveller
/// and "nach X": "Ende Mai will die Oberbürgermeisterin nach Finnland reisen; im Mittelpunkt wird
/// der Besuch in der Partnerstadt Helsinki stehen."
fn planned_trip(ctx: &Ctx, f: &Found, times: &[TimeExpr], si: usize) -> Option<TripB> {
    let r = ctx.sents[si].clone();
    let words = lower_set(ctx, r.clone());
    let planning = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "will"
                | "wollen"
                | "plant"
                | "planen"
                | "geplant"
                | "soll"
                | "sollen"
                | "wird"
                | "werden"
        )
    });
    let travel = words
        .iter()
        .any(|w| matches!(w.as_str(), "reisen" | "fahren" | "fliegen" | "reise"));
    let nach = r.clone().position(|k| ctx.lower(k) == "nach")? + r.start;
    if !planning || !travel {
        return None;
    }
    let ents = sentence_entities(f, ctx, si);
    // The traveller: a person named before "nach", else the holder of a title used there
    // ("die Oberbürgermeisterin").
    let leader = ents
        .iter()
        .find(|(t, e)| e.ty == EntityType::Person && *t < nach)
        .map(|(_, e)| *e)
        .or_else(|| {
            let head = (r.start..nach).find_map(|k| crate::ner::office_head(ctx.word(k)))?;
            let holders: Vec<usize> = (0..f.persons.len())
                .filter(|&p| f.persons[p].offices.iter().any(|o| o.head == head))
                .collect();
            match holders[..] {
                [p] => Some(EntityRef::person(p)),
                _ => None,
            }
        })?;
    let mut dests: Vec<EntityRef> = Vec::new();
    for (t, e) in &ents {
        if e.ty != EntityType::Place || *t < nach {
            continue;
        }
        let mut k = *t;
        while k > r.start
            && (matches!(ctx.lower(k - 1).as_str(), "der" | "die" | "den" | "dem")
                || ctx.lower(k - 1).ends_with("stadt")
                || ctx.lower(k - 1).ends_with("region"))
        {
            k -= 1;
        }
        let prep = ctx.lower(k.saturating_sub(1));
        if matches!(prep.as_str(), "nach" | "in" | "und") && !dests.contains(e) {
            dests.push(*e);
        }
    }
    // A country only where no city of it is named.
    let named_cities: Vec<Option<String>> = dests
        .iter()
        .filter(|d| !is_country(f, **d))
        .map(|d| country_of(f, *d))
        .collect();
    dests.retain(|d| !is_country(f, *d) || !named_cities.contains(&country_of(f, *d)));
    if dests.is_empty() {
        return None;
    }
    let (start, end) = in_sentence(times, ctx, si)
        .iter()
        .find_map(|te| match te.value {
            TimeValue::Point(p) => Some((Some(p), None)),
            TimeValue::Range(a, b) => Some((Some(a), Some(b))),
            _ => None,
        })
        .unwrap_or((None, None));
    Some(TripB {
        leader: Some(leader),
        origin: office_place(f, leader.index),
        destinations: dests,
        start,
        end,
        status: Status::Planned,
        sentences: vec![si],
        ..Default::default()
    })
}

/// Verbs of receiving a visit: "hat Besuch von X erhalten".
const RECEIVE_VERBS: &[&str] = &[
    "erhalten", "erhielt", "erhält", "bekommen", "bekam", "bekommt",
];

/// "hat Besuch von X erhalten": the subject place before "Besuch" is the visited place.
fn received_visit_place(ctx: &Ctx, f: &Found, si: usize) -> Option<EntityRef> {
    let r = ctx.sents[si].clone();
    let k = r
        .clone()
        .find(|&k| ctx.lower(k) == "besuch" && ctx.lower(k + 1) == "von")?;
    if !r
        .clone()
        .any(|x| RECEIVE_VERBS.contains(&ctx.lower(x).as_str()))
    {
        return None;
    }
    sentence_entities(f, ctx, si)
        .into_iter()
        .find(|(t, e)| e.ty == EntityType::Place && *t < k)
        .map(|(_, e)| e)
}

/// Places that are the seat of an office in a title phrase: "der Generalkonsul der
/// Republik Finnland in Rostock, Ming Haolan" is based in Rostock; Rostock is not a stop.
fn office_seats(ctx: &Ctx, f: &Found) -> Vec<(EntityRef, EntityRef, usize)> {
    let mut out = Vec::new();
    for (t, e) in &f.index {
        if e.ty != EntityType::Place || t.start == 0 || ctx.lower(t.start - 1) != "in" {
            continue;
        }
        let sent = ctx.sents[ctx.sent_of[t.start]].clone();
        let title_before = (sent.start.max(t.start.saturating_sub(7))..t.start - 1)
            .any(|k| crate::ner::office_head(ctx.word(k)).is_some());
        if !title_before || ctx.word(t.end) != "," {
            continue;
        }
        if let Some((_, p)) = f
            .index
            .iter()
            .find(|(x, p)| p.ty == EntityType::Person && x.start > t.end && x.start <= t.end + 3)
        {
            out.push((*p, *e, t.start));
        }
    }
    out
}

/// "zurückgekehrt", "heimgekehrt": back from where the trip went.
fn is_return_word(w: &str) -> bool {
    matches!(
        w,
        "zurückgekehrt" | "zurückgekommen" | "heimgekehrt" | "zurück"
    )
}

/// Words naming the travelling group ("die Gäste", "der Gruppe", "die Reisegruppe").
fn names_group(words: &[String]) -> bool {
    words.iter().any(|w| {
        ["delegation", "gäste", "gästen", "besucher", "gruppe"]
            .iter()
            .any(|g| w.contains(g))
    })
}

const WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
];

/// Time and frequency adverbials that may stand between a verb and its object: "besuchte am
/// Montag Lappland", "bereist erstmals Finnland" (also without a publication date to resolve them).
fn is_adverbial(ctx: &Ctx, k: usize) -> bool {
    let l = ctx.lower(k);
    let weekday = |x: &str| WEEKDAYS.iter().any(|d| x.starts_with(d));
    matches!(
        l.as_str(),
        "heute"
            | "gestern"
            | "morgen"
            | "erstmals"
            | "erneut"
            | "zuletzt"
            | "kürzlich"
            | "bereits"
            | "auch"
            | "ebenfalls"
            | "nun"
            | "jetzt"
            | "wieder"
            | "zum"
            | "ersten"
            | "mal"
    ) || weekday(&l)
        || (l == "am" && weekday(&ctx.lower(k + 1)))
        // "besucht von Montag an die Stadt Erfurt"
        || (l == "von" && weekday(&ctx.lower(k + 1)))
        || (l == "an" && k > 0 && weekday(&ctx.lower(k - 1)))
}

/// `outer` is a region and `inner` a city or district in it.
pub(crate) fn contains_place(f: &Found, outer: EntityRef, inner: EntityRef) -> bool {
    if outer.ty != EntityType::Place || inner.ty != EntityType::Place {
        return false;
    }
    let gaz = Places::get();
    let (o, i) = (
        gaz.place(f.places[outer.index].id),
        gaz.place(f.places[inner.index].id),
    );
    o.kind == GKind::Region
        && matches!(i.kind, GKind::City | GKind::District)
        && o.country == i.country
        && o.admin1.is_some()
        && o.admin1 == i.admin1
}

/// The place an organization's name names ("Lappländer Landtag" -> Lappland), if the document
/// mentions it; countries only when nothing smaller is named.
pub(crate) fn org_place(f: &Found, org: EntityRef) -> Option<EntityRef> {
    crate::ner::place_ids_named_in(&f.orgs[org.index].name).find_map(|id| {
        f.places
            .iter()
            .position(|p| p.id == id)
            .map(EntityRef::place)
            .filter(|r| !is_country(f, *r))
    })
}

pub(crate) fn office_place(f: &Found, p: usize) -> Option<EntityRef> {
    f.persons[p].offices.iter().find_map(|o| match o.of {
        OfRef::Ent(r) if r.ty == EntityType::Place => Some(r),
        _ => None,
    })
}

/// Persons in the same coordinated list as the mention at `at` (titles, parties and list words
/// may stand between them).
fn coordinated_persons(ctx: &Ctx, f: &Found, at: std::ops::Range<usize>) -> Vec<EntityRef> {
    let sent = ctx.sents[ctx.sent_of[at.start]].clone();
    let person_at = |k: usize| {
        f.index
            .iter()
            .find(|(t, e)| e.ty == EntityType::Person && t.start <= k && k < t.end)
            .map(|(t, e)| (t.clone(), *e))
    };
    let is_glue = |k: usize| {
        let w = ctx.word(k);
        let l = w.to_lowercase();
        matches!(
            l.as_str(),
            "," | "und"
                | "sowie"
                | "ferner"
                | "die"
                | "der"
                | "den"
                | "beiden"
                | "("
                | ")"
                | "dr"
                | "."
                | "prof"
                | "außer"
                | "neben"
        ) || crate::ner::office_head(w).is_some()
            || crate::lexicon::PARTIES.contains(&w)
            || (ctx.is_cap(k) && l.ends_with("innen"))
            || (ctx.is_cap(k) && crate::ner::office_head(w.trim_end_matches('e')).is_some())
    };
    let conj = |a: usize, b: usize| {
        (a..b).any(|k| matches!(ctx.lower(k).as_str(), "," | "und" | "sowie" | "ferner"))
    };
    let mut out = Vec::new();
    // Rightwards.
    let mut k = at.end;
    let mut last = at.end;
    while k < sent.end {
        if let Some((t, e)) = person_at(k) {
            if !conj(last, t.start) {
                break;
            }
            out.push(e);
            last = t.end;
            k = t.end;
        } else if is_glue(k) {
            k += 1;
        } else {
            break;
        }
    }
    // Leftwards.
    let mut k = at.start;
    let mut first = at.start;
    while k > sent.start {
        let j = k - 1;
        if let Some((t, e)) = person_at(j) {
            if !conj(t.end, first) {
                break;
            }
            out.push(e);
            first = t.start;
            k = t.start;
        } else if is_glue(j) {
            k = j;
        } else {
            break;
        }
    }
    out
}

/// The person a sentence names as head of the group: "Die Leitung hat … X inne", "An der
/// Spitze der Gruppe stand X", "angeführt von X", "unter der Leitung von X".
fn named_leader(ctx: &Ctx, f: &Found) -> Option<EntityRef> {
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        for k in r.clone() {
            let w = ctx.lower(k);
            // "X hat Besuch von Ministerpräsident Y erhalten": Y is the visitor.
            if w == "besuch"
                && ctx.lower(k + 1) == "von"
                && r.clone()
                    .any(|x| RECEIVE_VERBS.contains(&ctx.lower(x).as_str()))
                && let Some((_, e)) = f.index.iter().find(|(t, e)| {
                    e.ty == EntityType::Person && t.start > k + 1 && t.start <= k + 6
                })
            {
                return Some(*e);
            }
            let cue = matches!(
                w.as_str(),
                "leitung"
                    | "spitze"
                    | "angeführt"
                    | "angeführte"
                    | "anführer"
                    | "delegationsleiter"
                    | "delegationsleiterin"
                    | "geleitet"
                    | "geleitete"
            );
            if !cue {
                continue;
            }
            // The head of the travelling group, not of some organization ("an ihrer Spitze").
            let group = r.clone().any(|x| {
                let l = ctx.lower(x);
                [
                    "delegation",
                    "gruppe",
                    "abordnung",
                    "reise",
                    "besuch",
                    "gäste",
                ]
                .iter()
                .any(|g| l.contains(g))
            }) || (w == "leitung" && r.clone().any(|x| ctx.lower(x) == "inne"))
                // "An der Spitze der Del-D stand …" where the text tells of "der Reise der
                // Del-D": the group is named by its own name.
                || (matches!(ctx.lower(k + 1).as_str(), "der" | "des") && {
                    let group = ctx.word(k + 2);
                    (0..ctx.len().saturating_sub(2)).any(|x| {
                        ctx.word(x + 2) == group
                            && matches!(ctx.lower(x + 1).as_str(), "der" | "des")
                            && ["reise", "besuch", "delegation"]
                                .iter()
                                .any(|g| ctx.lower(x).contains(g))
                    })
                });
            if !group {
                continue;
            }
            // "die von X geleitete Delegation": the person comes before the participle.
            if w == "geleitete" {
                if let Some((_, e)) = f.index.iter().rev().find(|(t, e)| {
                    e.ty == EntityType::Person
                        && t.end <= k
                        && t.start + 6 >= k
                        && t.start >= r.start
                }) {
                    return Some(*e);
                }
                continue;
            }
            if let Some((_, e)) = f.index.iter().find(|(t, e)| {
                e.ty == EntityType::Person && t.start > k && t.start <= k + 16 && t.start < r.end
            }) {
                return Some(*e);
            }
        }
    }
    None
}

/// Persons named after a companion cue ("Zur Delegation gehörten …", "Teilnehmer waren …",
/// "begleitet von …"): they travel, but do not lead.
fn listed_members(ctx: &Ctx, f: &Found) -> Vec<EntityRef> {
    let mut out = Vec::new();
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        let Some(c) = r.clone().find(|&k| {
            let w = ctx.lower(k);
            STRONG_MEMBER_CUES.iter().any(|cue| w.starts_with(cue)) && !w.starts_with("begleit")
        }) else {
            continue;
        };
        for (t, e) in &f.index {
            if e.ty == EntityType::Person && t.start > c && t.start < r.end && !out.contains(e) {
                out.push(*e);
            }
        }
    }
    out
}

/// The place of a dateline: "Pori (ots)", "PORI.", "Joensuu (OTS/LPD) -", "Aschersleben/Tartu –".
pub(crate) fn dateline(ctx: &Ctx, f: &Found) -> Option<EntityRef> {
    let limit = ctx.len().min(80);
    for k in 0..limit {
        let line_start = k == 0 || ctx.toks[k].newlines_before > 0;
        if !line_start {
            continue;
        }
        if let Some((t, e)) = f
            .index
            .iter()
            .find(|(t, e)| t.start == k && e.ty == EntityType::Place)
            && matches!(ctx.word(t.end), "(" | "–" | "-" | "/" | ".")
            && !is_country(f, *e)
        {
            return Some(*e);
        }
    }
    None
}

/// "reist … zurück nach Rostock", "Rückreise nach Rostock": where the travellers come from.
fn return_place(ctx: &Ctx, f: &Found, sents: &[usize]) -> Option<EntityRef> {
    for &si in sents {
        let r = ctx.sents[si].clone();
        for k in r.clone() {
            let w = ctx.lower(k);
            let back = (w == "zurück" && ctx.lower(k + 1) == "nach")
                || (w.starts_with("rückreise") && ctx.lower(k + 1) == "nach");
            if back
                && let Some((_, e)) = f
                    .index
                    .iter()
                    .find(|(t, e)| t.start == k + 2 && e.ty == EntityType::Place)
            {
                return Some(*e);
            }
        }
    }
    None
}

/// The place of the organization a person's office belongs to: a place named inside or right
/// after one of its mentions ("Präsident des Abgeordnetenhauses von Rostock", "Lappländer Landtag").
fn office_org_place(ctx: &Ctx, f: &Found, p: usize) -> Option<EntityRef> {
    let names: Vec<&str> = f.orgs.iter().map(|o| o.name.as_str()).collect();
    let org = f.persons[p].offices.iter().find_map(|o| match o.of {
        OfRef::Ent(r) if r.ty == EntityType::Organization => Some(r),
        // "Landtagspräsident": the body the compound names.
        OfRef::None => crate::offices::body_named_by_title(&names, &o.title).map(EntityRef::org),
        _ => None,
    })?;
    let ranges: Vec<std::ops::Range<usize>> = f
        .index
        .iter()
        .filter(|(_, e)| *e == org)
        .map(|(t, _)| t.clone())
        .collect();
    for (t, e) in &f.index {
        if e.ty != EntityType::Place || is_country(f, *e) {
            continue;
        }
        let inside = ranges.iter().any(|r| t.start >= r.start && t.end <= r.end);
        let after = ranges
            .iter()
            .any(|r| t.start == r.end + 1 && ctx.lower(r.end) == "von");
        if inside || after {
            return Some(*e);
        }
    }
    // "Lappländer Landtag": a place adjective inside the name.
    org_place(f, org)
}

fn trips(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    money: &[Money],
    published: Option<PartialDate>,
) -> Vec<TripB> {
    let all_trip_sents: Vec<usize> = (0..ctx.sents.len())
        .filter(|&si| {
            let words = lower_set(ctx, ctx.sents[si].clone());
            // "hielt sich vom 25. bis 27. September in Porto auf"
            let stayed = words
                .iter()
                .any(|w| matches!(w.as_str(), "hielt" | "hält" | "hielten" | "halten"))
                && words.iter().any(|w| w == "sich")
                && words.iter().any(|w| w == "auf");
            !ctx.boiler[si] && (has_any(&words, TRIP_TRIGGERS) || stayed)
        })
        .collect();
    // A journey announced in a sentence of its own ("Ende Mai will die Oberbürgermeisterin
    // nach Finnland reisen") is a trip of its own, not a stop of the reported one.
    let mut planned: Vec<TripB> = all_trip_sents
        .iter()
        .filter_map(|&si| planned_trip(ctx, f, times, si))
        .collect();
    // The reported trip, told in the trip sentences no announcement took.
    let main_trip = |planned: &[TripB]| {
        let rest: Vec<usize> = all_trip_sents
            .iter()
            .copied()
            .filter(|si| !planned.iter().any(|t| t.sentences.contains(si)))
            .collect();
        trip_from_sentences(ctx, f, times, money, published, rest)
            .and_then(|m| with_destination(ctx, f, m, planned))
    };
    let Some(m) = main_trip(&planned) else {
        return planned;
    };
    // The announcement is about the reported trip itself (same traveller or same place): one
    // trip, told in all its sentences.
    let same = |p: &TripB| {
        p.leader == m.leader || p.destinations.iter().any(|d| m.destinations.contains(d))
    };
    if planned.iter().any(same) {
        planned.retain(|p| !same(p));
        return main_trip(&planned).into_iter().chain(planned).collect();
    }
    std::iter::once(m).chain(planned).collect()
}

/// A trip needs somewhere it goes. A visit received at home without a named place ("hat den
/// Generalkonsul … willkommen geheißen") goes to the hosts' place, else to the place the
/// document is most about (named most often, not the origin, not where an announced trip
/// goes); with none of these the report names no trip the graph can state.
fn with_destination(ctx: &Ctx, f: &Found, mut t: TripB, planned: &[TripB]) -> Option<TripB> {
    if !t.destinations.is_empty() {
        return Some(t);
    }
    let elsewhere =
        |r: &EntityRef| Some(*r) == t.origin || planned.iter().any(|p| p.destinations.contains(r));
    let host_place = t
        .meetings
        .iter()
        .find_map(|m| match m.ty {
            EntityType::Person => {
                office_place(f, m.index).or_else(|| office_org_place(ctx, f, m.index))
            }
            // "im Rathaus von Jena"
            EntityType::Organization => org_place(f, *m),
            EntityType::Place => None,
        })
        .filter(|p| !elsewhere(p) && !is_country(f, *p));
    let counted: Vec<(usize, EntityRef)> = (0..f.places.len())
        .map(EntityRef::place)
        .filter(|r| !elsewhere(r) && !is_country(f, *r))
        .map(|r| (mention_count(f, r), r))
        .collect();
    let most = counted.iter().map(|(n, _)| *n).max().unwrap_or(0);
    let top: Vec<EntityRef> = counted
        .iter()
        .filter(|(n, _)| *n == most)
        .map(|(_, r)| *r)
        .collect();
    let main_place = match top[..] {
        [r] => Some(r),
        _ => None,
    };
    t.destinations.push(host_place.or(main_place)?);
    Some(t)
}

/// The trip told in `trip_sents` (sentences with a travel trigger), if they tell one.
fn trip_from_sentences(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    money: &[Money],
    published: Option<PartialDate>,
    trip_sents: Vec<usize>,
) -> Option<TripB> {
    if trip_sents.is_empty() {
        return None;
    }
    let mut t = TripB {
        sentences: trip_sents.clone(),
        ..Default::default()
    };

    // Origin from "Delegation aus X" / "aus X".
    let mut incoming_origin: Option<EntityRef> = None;
    for &si in &trip_sents {
        for (tok, e) in sentence_entities(f, ctx, si) {
            // "aus X", "aus der Republik Finnland", "Gäste aus Finnland".
            let mut k = tok;
            while k > ctx.sents[si].start
                && matches!(ctx.lower(k - 1).as_str(), "der" | "dem" | "den" | "die")
            {
                k -= 1;
            }
            if e.ty == EntityType::Place && k > 0 && ctx.lower(k - 1) == "aus" {
                let near_delegation = (ctx.sents[si].start..tok).any(|k| {
                    let w = ctx.lower(k);
                    w.contains("delegation")
                        || w.contains("besuch")
                        || w.contains("abordnung")
                        || w.starts_with("gäste")
                        || w.contains("gruppe")
                });
                // "ist aus Breslau zurückgekehrt" names where they went.
                let returned = (tok + 1..(tok + 4).min(ctx.sents[si].end))
                    .any(|x| is_return_word(&ctx.lower(x)));
                if near_delegation && !returned && incoming_origin.is_none() {
                    incoming_origin = Some(e);
                }
            }
        }
    }

    // Destinations: places after destination prepositions in trip sentences, plus lists.
    let mut dests: Vec<EntityRef> = Vec::new();
    let seats = office_seats(ctx, f);
    // (destination, sentence naming it as a stop)
    let mut dest_support: Vec<(EntityRef, usize)> = Vec::new();
    for &si in &trip_sents {
        if let Some(p) = received_visit_place(ctx, f, si)
            && !dests.contains(&p)
        {
            dests.push(p);
        }
    }
    // Stops are named where the trip is described and where its appointments are.
    // Sentences dated to another year tell of another trip ("war im Mai 2017 in Rostock zu
    // Besuch gewesen") and name none of this trip's stops.
    let trip_year = trip_sents.iter().find_map(|&si| {
        in_sentence(times, ctx, si)
            .iter()
            .find_map(|te| match te.value {
                TimeValue::Range(a, _) => Some(a.year),
                TimeValue::Point(p) if p.month.is_some() => Some(p.year),
                _ => None,
            })
    });
    // Undated reports are about the year they are published in.
    let trip_year = trip_year.or(published.map(|p| p.year));
    let other_time = |si: usize| {
        let years: Vec<i16> = in_sentence(times, ctx, si)
            .iter()
            .filter_map(|te| match te.value {
                TimeValue::Range(a, _) => Some(a.year),
                TimeValue::Point(p) => Some(p.year),
                _ => None,
            })
            .collect();
        // "war … zu Besuch gewesen", "war ihm mehrmals begegnet, etwa auf Reisen nach Finnland":
        // earlier or habitual journeys.
        let pluperfect = lower_set(ctx, ctx.sents[si].clone()).iter().any(|w| {
            matches!(
                w.as_str(),
                "gewesen" | "mehrmals" | "mehrfach" | "damals" | "früher" | "seinerzeit"
            )
        });
        // A date of the trip's own year outweighs a pluperfect side clause ("am Dienstag,
        // 1. April 2003, … mit Abgeordneten, die im Vorjahr in Finnland gewesen waren").
        let own_year = trip_year.is_some_and(|y| years.contains(&y));
        (pluperfect && !own_year)
            || trip_year.is_some_and(|y| !years.is_empty() && !years.contains(&y))
    };
    // "Wegner plant Reisen nach Vaasa, Rovaniemi, …": plans for other journeys.
    let plans = |si: usize| {
        let ws = lower_set(ctx, ctx.sents[si].clone());
        let planning = ws.iter().any(|w| {
            matches!(
                w.as_str(),
                "plant" | "planen" | "plante" | "geplant" | "will" | "wollen" | "künftig"
            )
        });
        planning && ws.iter().any(|w| w == "reisen" || w == "besuche")
    };
    let stop_sents: Vec<usize> = (0..ctx.sents.len())
        .filter(|&si| {
            !ctx.boiler[si]
                && !other_time(si)
                && !plans(si)
                && (trip_sents.contains(&si)
                    || has_any(&lower_set(ctx, ctx.sents[si].clone()), MEETING_CUES))
        })
        .collect();
    for &si in &stop_sents {
        let ents = sentence_entities(f, ctx, si);
        let mut prev_dest_end: Option<usize> = None;
        for (tok, e) in &ents {
            if e.ty != EntityType::Place {
                prev_dest_end = None;
                continue;
            }
            let range = f
                .index
                .iter()
                .find(|(x, r)| x.start == *tok && r == e)
                .map(|(x, _)| x.clone())
                .unwrap();
            let mut k = *tok;
            // Skip determiners, kind nouns, lowercase adjectives and dates between the verb or
            // preposition and the place: "in der Region Savonlinna", "ins Fürstentum", "besucht
            // vom 8. bis 10. September 2025 die litauische Hauptstadt Vilnius".
            let in_time = |x: usize| {
                times
                    .iter()
                    .any(|te| ctx.toks[x].start >= te.span.start && ctx.toks[x].end <= te.span.end)
            };
            while k > ctx.sents[si].start && {
                let l = ctx.lower(k - 1);
                let kind_noun = ctx.is_cap(k - 1)
                    && [
                        "stadt",
                        "städte",
                        "städten",
                        "region",
                        "provinz",
                        "metropole",
                        "fürstentum",
                        "republik",
                        "kanton",
                        "land",
                        "bundesland",
                        "partnerregion",
                        "partnerstadt",
                        "hauptstadt",
                    ]
                    .iter()
                    .any(|n| l.ends_with(n));
                matches!(l.as_str(), "die" | "der" | "den" | "das" | "dem")
                    || kind_noun
                    || (ctx.is_word(k - 1)
                        && !ctx.is_cap(k - 1)
                        && !matches!(
                            l.as_str(),
                            "nach" | "in" | "ins" | "im" | "über" | "aus" | "von" | "und"
                        )
                        && !TRAVEL_VERBS.contains(&l.as_str())
                        && !l.starts_with("besuch")
                        && (l.ends_with('e') || l.ends_with("en") || l.ends_with("er")))
                    || in_time(k - 1)
                    || is_adverbial(ctx, k - 1)
            } {
                k -= 1;
            }
            let prep = if k > 0 {
                ctx.lower(k - 1)
            } else {
                String::new()
            };
            let is_prep = matches!(
                prep.as_str(),
                "nach"
                    | "in"
                    | "ins"
                    | "im"
                    | "über"
                    | "besucht"
                    | "besuchen"
                    | "besuchte"
                    | "bereist"
                    | "bereiste"
            );
            let listed = prev_dest_end.is_some_and(|end| {
                (end..*tok).all(|x| {
                    matches!(
                        ctx.lower(x).as_str(),
                        "," | "und"
                            | "sowie"
                            | "bis"
                            | "nach"
                            | "in"
                            | "der"
                            | "den"
                            | "die"
                            | "region"
                            | "stadt"
                            | "städten"
                            | "schließlich"
                    )
                })
            });
            // "ist aus Breslau zurückgekehrt": back from where the trip went.
            let returned_from = prep == "aus"
                && (range.end..(range.end + 3).min(ctx.sents[si].end))
                    .any(|k| is_return_word(&ctx.lower(k)));
            let after_aus = (prep == "aus" || prep == "von") && !returned_from;
            // "besucht Oberbürgermeister X die Partnerstadt Tartu": the subject between the
            // visit verb and its object.
            let inverted = !is_prep
                && f.index.iter().any(|(y, e)| {
                    e.ty == EntityType::Person
                        && y.end == k
                        && (ctx.sents[si].start..y.start).rev().take(4).any(|v| {
                            matches!(
                                ctx.lower(v).as_str(),
                                "besucht" | "besuchte" | "bereist" | "bereiste"
                            )
                        })
                });
            let is_prep = is_prep || returned_from || inverted;
            let visited_object = range.end < ctx.len()
                && matches!(
                    ctx.lower(range.end).as_str(),
                    "besucht" | "besuchen" | "besuchte"
                );
            let is_adj = f.places[e.index]
                .mentions
                .iter()
                .any(|(x, s)| x.start == *tok && s.chars().next().is_some_and(char::is_lowercase));
            let seat = seats.iter().any(|(_, _, at)| at == tok);
            if (is_prep || listed || visited_object) && !after_aus && !is_adj && !seat {
                if !dests.contains(e) {
                    dests.push(*e);
                }
                dest_support.push((*e, si));
                prev_dest_end = Some(range.end);
            } else {
                prev_dest_end = None;
            }
        }
    }

    // Leader: the highest-ranking person who travels.
    let hosts = hosts(ctx, f);
    let named_leader = named_leader(ctx, f);
    let listed_members = listed_members(ctx, f);
    let mut best: Option<(i32, EntityRef)> = None;
    for (pi, p) in f.persons.iter().enumerate() {
        let r = EntityRef::person(pi);
        if listed_members.contains(&r) && named_leader != Some(r) {
            continue;
        }
        let in_trip = trip_sents
            .iter()
            .any(|&si| sentence_entities(f, ctx, si).iter().any(|(_, e)| *e == r));
        if !in_trip && named_leader != Some(r) {
            continue;
        }
        let mut score = 0;
        // A president of an organization ranks below a head of government.
        let office_rank = p
            .offices
            .iter()
            .map(|o| {
                if matches!(o.of, OfRef::Ent(e) if e.ty == EntityType::Organization) {
                    rank(o.head).min(3)
                } else {
                    rank(o.head)
                }
            })
            .max();
        if let Some(o) = office_rank {
            score += 2 + o;
        }
        score += (mention_count(f, r) as i32).min(6);
        let home = office_place(f, pi).or_else(|| office_org_place(ctx, f, pi));
        if let Some(pl) = home
            && (dests.contains(&pl) || dests.iter().any(|d| contains_place(f, pl, *d)))
        {
            score -= 8; // a host at the destination
        }
        if hosts.contains(&r) {
            score -= 8;
        }
        if named_leader == Some(r) {
            score += 12;
        }
        // For a visit from elsewhere, officials of the origin travel; others receive them.
        if let (Some(o), Some(pl)) = (incoming_origin, home) {
            score += if pl == o { 3 } else { -4 };
        }
        // Named right before a travel verb or as "von X geleitete".
        for &si in &trip_sents {
            for (tok, e) in sentence_entities(f, ctx, si) {
                if e == r {
                    let after: Vec<String> = (tok..(tok + 6).min(ctx.sents[si].end))
                        .map(|k| ctx.lower(k))
                        .collect();
                    let before: Vec<String> = (ctx.sents[si].start.max(tok.saturating_sub(3))..tok)
                        .map(|k| ctx.lower(k))
                        .collect();
                    let visiting = ctx.sents[si].clone().any(|k| {
                        ctx.lower(k) == "zu"
                            && matches!(ctx.lower(k + 1).as_str(), "besuch" | "gast")
                    });
                    if after
                        .iter()
                        .chain(before.iter())
                        .any(|w| TRAVEL_VERBS.contains(&w.as_str()))
                        || visiting
                    {
                        score += 3;
                    }
                    if tok >= 2
                        && matches!(ctx.lower(tok - 1).as_str(), "von")
                        && ctx.lower(tok.saturating_sub(2)).contains("führung")
                    {
                        score -= 3; // leads a sub-delegation: a member
                    }
                }
            }
        }
        if p.offices.is_empty() && p.words.len() < 2 {
            score -= 2;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, r));
        }
    }
    t.leader = best.filter(|(s, _)| *s >= 4).map(|(_, r)| r);

    // "Der Präsident des Regionalrats musste zur selben Zeit Termine in Mikkeli wahrnehmen":
    // a place named only in sentences about someone else's whereabouts is not a stop.
    let about_someone_else = |si: usize| {
        let r = ctx.sents[si].clone();
        let mut k = r.start;
        if matches!(ctx.lower(k).as_str(), "der" | "die") {
            k += 1;
        }
        let titled_subject = crate::ner::office_head(ctx.word(k)).is_some();
        let person_subject = f
            .index
            .iter()
            .find(|(x, e)| x.start == k && e.ty == EntityType::Person);
        let names_leader = t
            .leader
            .is_some_and(|l| sentence_entities(f, ctx, si).iter().any(|(_, e)| *e == l));
        let words = lower_set(ctx, r);
        let group = names_group(&words) || words.iter().any(|w| w == "gast" || w.contains("reise"));
        (titled_subject || person_subject.is_some_and(|(_, e)| Some(*e) != t.leader))
            && !names_leader
            && !group
    };
    if dests.len() > 1 {
        let elsewhere: Vec<EntityRef> = dests
            .iter()
            .copied()
            .filter(|d| {
                let sents: Vec<usize> = dest_support
                    .iter()
                    .filter(|(x, _)| x == d)
                    .map(|(_, si)| *si)
                    .collect();
                !sents.is_empty() && sents.iter().all(|&si| about_someone_else(si))
            })
            .collect();
        if elsewhere.len() < dests.len() {
            dests.retain(|d| !elsewhere.contains(d));
        }
    }

    // Origin: "Delegation aus X", the leader's office place (or the place of the leader's
    // institution), "reist zurück nach X".
    let leader_place = t
        .leader
        .and_then(|r| office_place(f, r.index).or_else(|| office_org_place(ctx, f, r.index)));
    let return_place = return_place(ctx, f, &trip_sents);
    // "die Rostocker Delegation", "die Ascherslebener Gruppe": the travellers' home as adjective.
    let adjective_home = f.index.iter().find_map(|(x, e)| {
        let group = ctx.lower(x.end);
        let adjective = f.places[if e.ty == EntityType::Place {
            e.index
        } else {
            return None;
        }]
        .mentions
        .iter()
        .any(|(m, s)| m.start == x.start && s.ends_with("er") && ctx.is_cap(x.start));
        let noun = [
            "delegation",
            "gruppe",
            "abordnung",
            "regierung",
            "regierungsrat",
            "gäste",
            "besucher",
        ]
        .iter()
        .any(|g| group.ends_with(g));
        (adjective && noun && !is_country(f, *e)).then_some(*e)
    });
    // "der Generalkonsul … in Rostock, Ming Haolan": the leader sets out from the office's seat.
    let leader_seat = t
        .leader
        .and_then(|l| seats.iter().find(|(p, _, _)| *p == l).map(|(_, pl, _)| *pl));
    // "Bürgermeister Tobias Wendler aus Görlitz reist …": the leader's home named after him.
    let leader_from = t.leader.and_then(|l| {
        f.index.iter().filter(|(_, e)| *e == l).find_map(|(x, _)| {
            (ctx.lower(x.end) == "aus")
                .then(|| {
                    f.index
                        .iter()
                        .find(|(y, e)| y.start == x.end + 1 && e.ty == EntityType::Place)
                        .map(|(_, e)| *e)
                })
                .flatten()
        })
    });
    t.origin = leader_seat
        .or(leader_from)
        .or(incoming_origin)
        .or(leader_place)
        .or(adjective_home)
        .or(return_place);
    if let Some(r) = return_place {
        dests.retain(|d| *d != r);
    }
    // "In Tampere verständigten sich Prof. Chen und …": a sentence that opens with a city and
    // names the leader tells of a stop.
    if let Some(l) = t.leader {
        for si in 0..ctx.sents.len() {
            let r = ctx.sents[si].clone();
            if ctx.boiler[si] || other_time(si) || plans(si) || ctx.lower(r.start) != "in" {
                continue;
            }
            let ents = sentence_entities(f, ctx, si);
            let names_leader = ents.iter().any(|(_, e)| *e == l);
            if let Some((_, p)) = ents.first()
                && names_leader
                && p.ty == EntityType::Place
                && ents[0].0 == r.start + 1
                && !is_country(f, *p)
                && !dests.contains(p)
            {
                dests.push(*p);
            }
        }
    }
    if t.origin.is_none() {
        // The most mentioned place that is not a destination and not a country, counting
        // mentions outside organization names ("TU Tampere" is no sign of home).
        let own_mentions = |r: EntityRef| {
            f.index
                .iter()
                .filter(|(x, e)| {
                    *e == r
                        && !f.index.iter().any(|(y, o)| {
                            o.ty == EntityType::Organization && y.start <= x.start && x.end <= y.end
                        })
                })
                .count()
        };
        t.origin = (0..f.places.len())
            .map(EntityRef::place)
            .filter(|r| !dests.contains(r) && !is_country(f, *r))
            .max_by_key(|r| (own_mentions(*r), std::cmp::Reverse(first_mention(f, *r))));
        if t.origin.is_some_and(|o| own_mentions(o) < 2) {
            t.origin = None;
        }
    }
    dests.retain(|d| Some(*d) != t.origin);
    // A country named as destination while the dateline names a city of it ("Pori (ots)"):
    // the city is the stop.
    if let Some(dl) = dateline(ctx, f)
        && Some(dl) != t.origin
        && !dests.contains(&dl)
    {
        let dl_country = country_of(f, dl);
        // Only where no city of that country or region is a stop already ("PORI. … Besuch in
        // Mittelfinnland … Station in Porvoo").
        let city_named = |area: EntityRef| {
            dests.iter().any(|d| {
                !is_country(f, *d)
                    && place_kind(f, *d) != GKind::Region
                    && (contains_place(f, area, *d)
                        || (is_country(f, area) && country_of(f, *d) == country_of(f, area)))
            })
        };
        if let Some(pos) = dests.iter().position(|d| {
            ((is_country(f, *d) && country_of(f, *d) == dl_country) || contains_place(f, *d, dl))
                && !city_named(*d)
        }) {
            dests.insert(pos, dl);
        }
    }
    // A country only where no city of it is named.
    let cities: Vec<EntityRef> = dests
        .iter()
        .copied()
        .filter(|d| !is_country(f, *d))
        .collect();
    dests.retain(|d| {
        !is_country(f, *d)
            || !cities
                .iter()
                .any(|c| country_of(f, *c) == country_of(f, *d))
    });
    // A region only where no city inside it is named.
    let regions: Vec<EntityRef> = dests
        .iter()
        .copied()
        .filter(|d| place_kind(f, *d) == GKind::Region)
        .collect();
    for reg in regions {
        let reg_place = Places::get().place(f.places[reg.index].id);
        let inside = dests.iter().any(|d| {
            let p = Places::get().place(f.places[d.index].id);
            matches!(p.kind, GKind::City | GKind::District)
                && p.country == reg_place.country
                && p.admin1
                    .as_deref()
                    .is_some_and(|a| a == reg_place.name || Some(a) == reg_place.admin1.as_deref())
        });
        if inside {
            dests.retain(|d| *d != reg);
        }
    }
    // A visit received at home: the hosts' place is the destination.
    if dests.is_empty() {
        for h in &hosts {
            if let Some(pl) = office_place(f, h.index)
                && Some(pl) != t.origin
                && !dests.contains(&pl)
            {
                dests.push(pl);
            }
        }
    }
    t.destinations = dests;

    // Dates.
    let mut range: Option<(PartialDate, PartialDate)> = None;
    let mut start_point: Option<PartialDate> = None;
    let mut end_point: Option<PartialDate> = None;
    let mut duration: Option<u32> = None;
    let mut weekday_only = false;
    for &si in &trip_sents {
        for te in in_sentence(times, ctx, si) {
            let before = word_before(ctx, te.span.start);
            let phrase = ctx.text[te.span.clone()].to_lowercase();
            // "… und kehrt am 6. Juli zurück": the return ends the trip.
            let returns = (ctx.sents[si].start..ctx.sents[si].end).any(|k| {
                matches!(
                    ctx.lower(k).as_str(),
                    "kehrt" | "kehren" | "rückkehr" | "heimkehr"
                ) && ctx.toks[k].end <= te.span.start
            });
            let until = before == "bis" || phrase.starts_with("bis ") || returns;
            match te.value {
                TimeValue::Range(a, b) if range.is_none() => range = Some((a, b)),
                TimeValue::Point(p) if p.is_day() || p.month.is_some() => {
                    if until {
                        end_point.get_or_insert(p);
                    } else if start_point.is_none() {
                        start_point = Some(p);
                        weekday_only = !phrase.chars().any(|c| c.is_ascii_digit())
                            && WEEKDAYS.iter().any(|d| phrase.contains(d));
                    }
                }
                TimeValue::Duration { days } if duration.is_none() => duration = Some(days),
                _ => {}
            }
        }
    }
    if let Some((a, b)) = range {
        t.start = Some(a);
        t.end = Some(b);
    } else {
        t.start = start_point;
        t.end = end_point;
        if t.end.is_none()
            && let (Some(s), Some(d)) = (t.start.and_then(|s| s.to_civil()), duration)
            && d >= 1
        {
            t.end = s
                .checked_add(jiff::Span::new().days(i64::from(d) - 1))
                .ok()
                .map(PartialDate::from_civil);
        }
        if let (Some(s), Some(e)) = (t.start, t.end)
            && e < s
        {
            t.start = None;
        }
        // A visit on a named day ("heute (21. Mai)", "am Dienstag, 10. Dezember") lasts that day;
        // journeys ("Reise") without an end stay open.
        let journey = trip_sents.iter().any(|&si| {
            lower_set(ctx, ctx.sents[si].clone())
                .iter()
                .any(|w| w.contains("reise"))
        });
        if t.end.is_none() && duration.is_none() && !journey && t.start.is_some_and(|s| s.is_day())
        {
            t.end = t.start;
        }
    }

    // Members and meetings.
    let org_homes: Vec<Option<EntityRef>> = (0..f.orgs.len())
        .map(|i| org_place(f, EntityRef::org(i)))
        .collect();
    let leader = t.leader;
    let mut members: Vec<EntityRef> = Vec::new();
    let mut meetings: Vec<EntityRef> = Vec::new();
    let origin = t.origin;
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si] {
            continue;
        }
        let sr = ctx.sents[si].clone();
        let words = lower_set(ctx, sr.clone());
        let delegation_ctx = words
            .iter()
            .any(|w| w.contains("delegation") || w.contains("reise"));
        let member_cue = (sr.start..sr.end).find(|&k| {
            let w = ctx.lower(k);
            let next = ctx.lower(k + 1);
            let strong = STRONG_MEMBER_CUES.iter().any(|c| w.starts_with(c))
                || (matches!(w.as_str(), "gemeinsam" | "zusammen") && next == "mit")
                || (w == "unter" && matches!(next.as_str(), "ihnen" | "führung" | "leitung"))
                // "Unter den Delegierten befand sich …"
                || (w == "unter"
                    && next == "den"
                    && ["delegiert", "teilnehm", "mitreis", "mitglied", "gäste"]
                        .iter()
                        .any(|p| ctx.lower(k + 2).starts_with(p)))
                || (w == "mit" && next == "dabei");
            strong || (MEMBER_CUES.contains(&w.as_str()) && delegation_ctx)
        });
        let is_trip_sentence = trip_sents.contains(&si);
        let ents = sentence_entities(f, ctx, si);
        let names_destination = ents.iter().any(|(_, e)| t.destinations.contains(e));
        let names_leader = leader.is_some_and(|l| ents.iter().any(|(_, e)| *e == l));
        let first = ctx.lower(sr.start);
        let continues = matches!(
            first.as_str(),
            "dort"
                | "dabei"
                | "anschließend"
                | "danach"
                | "zudem"
                | "außerdem"
                | "auch"
                | "hier"
                | "ebenfalls"
        ) || words.windows(2).any(|w| w[0] == "vor" && w[1] == "ort")
            || (first == "darüber" && ctx.lower(sr.start + 1) == "hinaus");
        // "kam sie mit X zusammen": a meeting told with a separable verb; "sprach die
        // Delegation mit …"; "zeigte X der Gruppe …".
        let met_with = (words.iter().any(|w| w == "zusammen")
            && words
                .iter()
                .any(|w| matches!(w.as_str(), "kam" | "kamen" | "kommt" | "kommen" | "trafen")))
            || (words
                .iter()
                .any(|w| matches!(w.as_str(), "sprach" | "sprachen" | "spricht"))
                && words.iter().any(|w| w == "mit"))
            || (words
                .iter()
                .any(|w| matches!(w.as_str(), "zeigte" | "führte" | "zeigten"))
                && words.windows(2).any(|p| {
                    matches!(p[0].as_str(), "der" | "den")
                        && matches!(
                            p[1].as_str(),
                            "gruppe" | "gästen" | "besuchern" | "delegation"
                        )
                }));
        // "sprach die Landtagspräsidentin": the leader by title alone.
        let leader_by_title = leader.is_some_and(|l| {
            let heads: Vec<&str> = f.persons[l.index].offices.iter().map(|o| o.head).collect();
            sr.clone().any(|k| {
                crate::ner::office_head(ctx.word(k)).is_some_and(|h| heads.contains(&h))
                    && matches!(ctx.lower(k.saturating_sub(1)).as_str(), "der" | "die")
            })
        });
        // "… zeigte X der Gruppe", "hiess Y die Gäste willkommen": the travelling group itself.
        let about_group = names_group(&words);
        // Appointments of this trip: not dated to another year, not plans for other journeys.
        let meeting_sentence = (has_any(&words, MEETING_CUES) || met_with)
            && !other_time(si)
            && !plans(si)
            && (is_trip_sentence
                || names_destination
                || names_leader
                || leader_by_title
                || about_group
                || continues
                || trip_sents.len() <= 3);
        let stosst = words.iter().any(|w| w == "stößt" || w == "stoßen");
        // "… geht es zur Kunstausstellung Lichtfest", "reist zur Espoo Messe": an institution
        // or event the travellers go to.
        let goes_to = |tok: usize, e: EntityRef| {
            e.ty == EntityType::Organization
                && is_trip_sentence
                && !other_time(si)
                && !plans(si)
                && (1..=2).any(|back| {
                    tok >= back
                        && matches!(ctx.lower(tok - back).as_str(), "zur" | "zum")
                        && (back == 1 || ctx.is_cap(tok - 1))
                })
        };
        // "Im Kulturinstitut Kuopio sprach die Landtagspräsidentin …": the institution the
        // sentence opens with hosted the leader.
        let opening = match ctx.lower(sr.start).as_str() {
            "im" | "beim" | "am" => Some(sr.start + 1),
            "in" | "bei" if matches!(ctx.lower(sr.start + 1).as_str(), "der" | "dem") => {
                Some(sr.start + 2)
            }
            _ => None,
        };
        // "Beim Marzipanhersteller Lindqvist": a describing noun may stand before the name.
        let site_org = opening
            .and_then(|k| {
                ents.iter().find(|(t, e)| {
                    e.ty == EntityType::Organization && (*t == k || (*t == k + 1 && ctx.is_cap(k)))
                })
            })
            .filter(|_| {
                (names_leader || leader_by_title || names_group(&words))
                    && !other_time(si)
                    && !plans(si)
            })
            .map(|(_, e)| *e);
        if let Some(o) = site_org
            && !meetings.contains(&o)
            && !members.contains(&o)
        {
            meetings.push(o);
        }
        for (tok, e) in ents.clone() {
            if Some(e) == leader || e.ty == EntityType::Place {
                continue;
            }
            // "der Vorsitzende des Ausschusses für X, Arvid Lohmöller": the body in a title phrase
            // is not a companion or host of its own.
            if e.ty == EntityType::Organization {
                let end = f
                    .index
                    .iter()
                    .find(|(t, x)| t.start == tok && *x == e)
                    .map_or(tok + 1, |(t, _)| t.end);
                // "… des Ausschusses für Kultur im Landtag, Arvid Lohmöller" too.
                let comma = (end..(end + 4).min(sr.end)).find(|&x| ctx.word(x) == ",");
                let names_person_next = comma.is_some_and(|c| {
                    ents.iter().any(|(t2, x2)| {
                        x2.ty == EntityType::Person && (*t2 == c + 1 || *t2 == c + 2)
                    })
                });
                if names_person_next {
                    continue;
                }
            }
            if e.ty == EntityType::Organization
                && matches!(f.orgs[e.index].kind, OrgKind::Media | OrgKind::Party)
            {
                continue;
            }
            // "UNIDO-Direktor X": the body in a compound title is the person's; it travels only
            // as the person does, but is met where the person is ("Treffen mit
            // DIHK-Hauptgeschäftsführer X").
            let title_body = e.ty == EntityType::Organization
                && ctx.word(tok).contains('-')
                && crate::ner::office_head(ctx.word(tok)).is_some();
            // An institution of the destination receives; one of the origin travels.
            let org_home = (e.ty == EntityType::Organization)
                .then(|| org_homes[e.index])
                .flatten();
            let host_org = org_home.is_some_and(|pl| {
                t.destinations.contains(&pl)
                    || t.destinations.iter().any(|d| contains_place(f, pl, *d))
            });
            let home_org = org_home.is_some() && org_home == origin;
            let mention_end = f
                .index
                .iter()
                .find(|(t, x)| t.start == tok && *x == e)
                .map_or(tok + 1, |(t, _)| t.end);
            let reporting = (mention_end..(mention_end + 4).min(sr.end))
                .any(|k| REPORTING.contains(&ctx.lower(k).as_str()))
                || (tok >= 1 && matches!(ctx.lower(tok - 1).as_str(), "laut" | "wie"))
                || (tok >= 2 && matches!(ctx.lower(tok - 2).as_str(), "laut" | "wie"));
            if reporting {
                continue;
            }
            let is_member = match member_cue {
                // "gemeinsam mit X und Y besucht er …": only the list right after "mit".
                Some(c) if matches!(ctx.lower(c).as_str(), "gemeinsam" | "zusammen") => {
                    tok > c
                        && (c + 2..tok).all(|k| {
                            f.index.iter().any(|(t, _)| t.start <= k && k < t.end)
                                || matches!(
                                    ctx.lower(k).as_str(),
                                    "," | "und" | "sowie" | "der" | "die" | "dem" | "den"
                                )
                                || crate::ner::office_head(ctx.word(k)).is_some()
                        })
                }
                // "wird von X und Y begleitet": the companions stand between "von" and the
                // participle.
                Some(c) if tok < c && ctx.lower(c).starts_with("begleit") => {
                    (sr.start..tok).rev().take(8).any(|k| ctx.lower(k) == "von")
                }
                Some(c) => tok > c || (stosst && tok < c),
                None => false,
            };
            let home_official = e.ty == EntityType::Person
                && origin.is_some()
                && office_place(f, e.index) == origin;
            // "… unter Leitung von X im Rathaus von Jena": a venue does not travel.
            let venue = e.ty == EntityType::Organization
                && tok > 0
                && matches!(ctx.lower(tok - 1).as_str(), "im" | "ins" | "beim" | "am");
            if is_member && !hosts.contains(&e) && !host_org && !title_body && !venue {
                if !members.contains(&e) {
                    members.push(e);
                }
            } else if (meeting_sentence || hosts.contains(&e) || (goes_to(tok, e) && !title_body))
                && !members.contains(&e)
                && !meetings.contains(&e)
                && !home_org
                && (!home_official || hosts.contains(&e))
            {
                meetings.push(e);
            }
        }
    }
    // Persons listed together with the leader travel with the leader: "Landeshauptmann X und
    // Landesstatthalterin Y, ferner die Landesräte Z und W".
    if let Some(l) = leader {
        for (t, _) in f.index.iter().filter(|(_, e)| *e == l) {
            // Not where the two act on each other: "tauschten sich X und Y aus",
            // "unterschrieben X und Y", "trafen X und Y".
            let words = lower_set(ctx, ctx.sents[ctx.sent_of[t.start]].clone());
            if words.iter().any(|w| {
                w == "sich"
                    || SIGNING.iter().any(|s| w.starts_with(s))
                    || MEETING_CUES.contains(&w.as_str())
            }) {
                continue;
            }
            for p in coordinated_persons(ctx, f, t.clone()) {
                if p != l && !members.contains(&p) && !hosts.contains(&p) {
                    members.push(p);
                }
            }
        }
    }
    meetings.retain(|m| !members.contains(m));
    // No one named as leading: the highest-ranking traveller leads ("Gekommen waren
    // Landeshauptmann X, Landesrätin Y, …").
    if t.leader.is_none() {
        let ranked: Vec<(i32, EntityRef)> = members
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .filter_map(|m| {
                f.persons[m.index]
                    .offices
                    .iter()
                    .map(|o| rank(o.head))
                    .max()
                    .map(|r| (r, *m))
            })
            .collect();
        if let Some(&(top, who)) = ranked.iter().max_by_key(|(r, _)| *r)
            && top >= 5
            && ranked.iter().filter(|(r, _)| *r == top).count() == 1
        {
            t.leader = Some(who);
            members.retain(|m| *m != who);
        }
    }
    t.members = members;
    t.meetings = meetings;

    // Cost.
    for m in money {
        if let Some(i) = ctx.token_at_byte(m.span.start) {
            let si = ctx.sent_of[i];
            let words = lower_set(ctx, ctx.sents[si].clone());
            if words.iter().any(|w| {
                w.starts_with("kosten")
                    || w == "kostet"
                    || w == "kostete"
                    || w.starts_with("reisekosten")
            }) {
                t.cost = Some(m.euros);
                break;
            }
        }
    }

    // Status from tense cues.
    let all: Vec<String> = trip_sents
        .iter()
        .flat_map(|&si| lower_set(ctx, ctx.sents[si].clone()))
        .collect();
    t.status = if all
        .iter()
        .any(|w| w == "abgesagt" || w == "abgebrochen" || w == "verschoben")
    {
        Status::Cancelled
    } else if all.iter().any(|w| {
        matches!(
            w.as_str(),
            "zurückgekehrt" | "besuchte" | "weilte" | "reiste" | "war" | "gereist" | "hielt"
        )
    }) {
        Status::Completed
    } else if all.iter().any(|w| w == "aufgebrochen" || w == "weilt")
        // "ist seit Montag in Erfurt zu Gast"
        || (all.iter().any(|w| w == "seit")
            && all.iter().any(|w| matches!(w.as_str(), "ist" | "sind" | "hält" | "halten")))
    {
        Status::Ongoing
    } else if all
        .iter()
        .any(|w| w == "plant" || w == "geplant" || w == "soll")
        && t.start.is_none()
    {
        Status::Planned
    } else {
        // Before the publication date as a whole: "Ende Juni" published on 5 June is to come.
        let before = |s: PartialDate, p: PartialDate| match (s.month, s.day) {
            (Some(_), Some(_)) => s < p,
            (Some(m), None) => (s.year, m) < (p.year, p.month.unwrap_or(12)),
            _ => s.year < p.year,
        };
        match (t.start, published) {
            (Some(s), Some(p)) if before(s, p) => Status::Completed,
            _ => Status::Announced,
        }
    };
    // "ist am Montag nach Bologna gereist": a bare weekday of a finished trip is the one before
    // the publication date, not the next.
    if t.status == Status::Completed
        && weekday_only
        && let (Some(s), Some(p)) = (t.start, published)
        && s.is_day()
        && s > p
        && let Some(back) = s
            .to_civil()
            .and_then(|d| d.checked_sub(jiff::Span::new().days(7)).ok())
    {
        let back = PartialDate::from_civil(back);
        if t.end == t.start {
            t.end = Some(back);
        }
        t.start = Some(back);
    }

    if t.destinations.is_empty() && t.leader.is_none() {
        return None;
    }
    if t.destinations.is_empty() && t.members.is_empty() && t.meetings.is_empty() {
        return None;
    }
    // Nobody known to travel from anywhere: a meeting held at a place ("trifft sich die
    // Führung der Kammer in Lahti"), not a trip.
    if t.leader.is_none() && t.origin.is_none() && t.members.is_empty() {
        return None;
    }
    Some(t)
}

const PARTNERSHIP_CUES: &[&str] = &[
    "städtepartnerschaft",
    "städtepartnerschaften",
    "partnerstadt",
    "partnerstädte",
    "partnerregion",
    "partnerregionen",
    "regionalpartnerschaft",
    "freundschaftsvertrag",
    "partnerschaft",
    "partnerprovinz",
    "schwesterstadt",
    "partnerschaftlich",
    "städtefreundschaft",
    "partnerkommune",
];

pub(crate) fn year_of_partnership(
    te: &TimeExpr,
    ctx: &Ctx,
    published: Option<PartialDate>,
) -> Option<i16> {
    match te.value {
        TimeValue::Since(y) => Some(y),
        TimeValue::Anniversary(n) => published.map(|p| p.year - n as i16),
        TimeValue::Point(p) if p.month.is_none() => {
            // "1967 begründet", "die 1995 geschlossene Partnerschaft"
            let after = ctx
                .token_at_byte(te.span.end.saturating_sub(1))
                .map(|i| ctx.lower(i + 1))
                .unwrap_or_default();
            let near = [
                "begründet",
                "gegründet",
                "vereinbart",
                "geschlossen",
                "geschlossene",
                "besiegelt",
                "ins",
            ];
            near.contains(&after.as_str()).then_some(p.year)
        }
        _ => None,
    }
}

fn partnerships(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    published: Option<PartialDate>,
    trips: &[TripB],
) -> Vec<PartnershipB> {
    let mut out: Vec<PartnershipB> = Vec::new();
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si] {
            continue;
        }
        let words = lower_set(ctx, ctx.sents[si].clone());
        let cue = words.iter().any(|w| {
            PARTNERSHIP_CUES
                .iter()
                .any(|c| w.starts_with(c) || w.ends_with(c))
                && !w.contains("-communiqu")
                && !w.contains("vertrag")
                || w.ends_with("partnerschaft")
        });
        if !cue
            || words.iter().any(|w| w == "keine" || w == "nicht")
                && words.iter().any(|w| w.contains("partnerschaft"))
                && words.iter().any(|w| w == "keine")
        {
            continue;
        }
        // Transatlantic, strategic… partnerships of countries are not twinning.
        let mut places: Vec<EntityRef> = Vec::new();
        let mut in_travel_list = false;
        for (tok, e) in sentence_entities(f, ctx, si) {
            if e.ty != EntityType::Place {
                continue;
            }
            // Places listed after "nach" are travel goals, not partners.
            let prev = if tok > 0 {
                ctx.lower(tok - 1)
            } else {
                String::new()
            };
            if prev == "nach" {
                in_travel_list = true;
            } else if !matches!(prev.as_str(), "," | "und" | "sowie") {
                in_travel_list = false;
            }
            if in_travel_list {
                continue;
            }
            if !is_country(f, e) && !places.contains(&e) {
                places.push(e);
            }
        }
        // "war in Lappland, der Partnerregion im Norden Finnlands, zu Besuch": the one
        // place called a partner is the travellers' home's partner.
        let apposed_partner = |place: EntityRef| {
            f.index.iter().any(|(x, e)| {
                *e == place
                    && ctx.sent_of[x.start] == si
                    && ctx.word(x.end) == ","
                    && matches!(
                        ctx.lower(x.end + 1).as_str(),
                        "der" | "die" | "unserer" | "ihrer"
                    )
                    && (x.end + 2..(x.end + 4).min(ctx.len())).any(|k| {
                        let w = ctx.lower(k);
                        w.starts_with("partner")
                            && ["stadt", "region", "provinz", "gemeinde", "kommune", "kreis"]
                                .iter()
                                .any(|p| w.ends_with(p))
                    })
            })
        };
        if places.len() == 1
            && let Some(home) = trips.first().and_then(|t| t.origin)
            && home != places[0]
            && !is_country(f, home)
            && apposed_partner(places[0])
        {
            places.insert(0, home);
        }
        if places.len() < 2 {
            continue;
        }
        let since = in_sentence(times, ctx, si)
            .iter()
            .find_map(|te| year_of_partnership(te, ctx, published));
        // "mit den zwei Partnerprovinzen Uusimaa und Pirkanmaa": each listed place is a partner
        // of the same third place, not of each other.
        let plural_cue = ctx.sents[si].clone().find(|&k| {
            let w = ctx.lower(k);
            w.starts_with("partner")
                && [
                    "städte",
                    "städten",
                    "provinzen",
                    "regionen",
                    "gemeinden",
                    "kommunen",
                ]
                .iter()
                .any(|p| w.ends_with(p))
        });
        let listed: Vec<EntityRef> = plural_cue.map_or(Vec::new(), |c| {
            sentence_entities(f, ctx, si)
                .into_iter()
                .filter(|(t, e)| *t > c && e.ty == EntityType::Place && places.contains(e))
                .map(|(_, e)| e)
                .collect()
        });
        if listed.len() >= 2 {
            let anchor = places
                .iter()
                .copied()
                .find(|p| !listed.contains(p))
                .or_else(|| {
                    (0..f.places.len())
                        .map(EntityRef::place)
                        .filter(|r| !listed.contains(r) && !is_country(f, *r))
                        .filter(|r| place_kind(f, *r) == place_kind(f, listed[0]))
                        .max_by_key(|r| {
                            (
                                mention_count(f, *r),
                                std::cmp::Reverse(first_mention(f, *r)),
                            )
                        })
                });
            places = anchor.into_iter().chain(listed.iter().copied()).collect();
        }
        let pairs: Vec<(EntityRef, EntityRef)> = if places.len() == 2 {
            vec![(places[0], places[1])]
        } else {
            let anchor = if listed.len() >= 2 {
                places[0]
            } else {
                *places
                    .iter()
                    .max_by_key(|r| {
                        (
                            mention_count(f, **r),
                            std::cmp::Reverse(first_mention(f, **r)),
                        )
                    })
                    .unwrap()
            };
            places
                .iter()
                .filter(|p| **p != anchor)
                .map(|p| (anchor, *p))
                .collect()
        };
        for (a, b) in pairs {
            let ka = place_kind(f, a);
            let kb = place_kind(f, b);
            let level = |k: GKind| if k == GKind::Region { 1 } else { 0 };
            if level(ka) != level(kb) {
                continue;
            }
            match out
                .iter_mut()
                .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
            {
                Some(p) => {
                    if p.since.is_none() {
                        p.since = since;
                    }
                    p.sentences.push(si);
                }
                None => out.push(PartnershipB {
                    a,
                    b,
                    since: if places.len() == 2 { since } else { None },
                    sentences: vec![si],
                }),
            }
        }
    }
    out
}

fn agreement_kind(words: &[String], text: &str) -> Option<AgreementKind> {
    let has = |c: &str| words.iter().any(|w| w.contains(c));
    if text.contains("Memorandum") || has("mou") && words.iter().any(|w| w == "mou") {
        Some(AgreementKind::MemorandumOfUnderstanding)
    } else if has("absichtserklärung")
        || text.contains("Letter of Intent")
        || words.iter().any(|w| w == "loi")
    {
        Some(AgreementKind::LetterOfIntent)
    } else if has("partnerschaftsvertrag")
        || has("partnerschaftsurkunde")
        || has("partnerschaftsvereinbarung")
        || has("freundschaftsvertrag")
    {
        Some(AgreementKind::PartnershipAgreement)
    } else if has("kommuniqu")
        || has("communiqu")
        || text.contains("Gemeinsame Erklärung")
        || text.contains("Gemeinsamen Erklärung")
        || has("deklaration")
    {
        Some(AgreementKind::Communique)
    } else if has("vereinbarung") || has("kooperationsvertrag") || has("abkommen") {
        Some(AgreementKind::CooperationAgreement)
    } else {
        None
    }
}

const SIGNING: &[&str] = &[
    "unterzeichn",
    "unterschreib",
    "unterschrieb",
    "unterschrift",
    "signier",
    "vereinbart",
    "schließen",
    "schlossen",
    "geschlossen",
    "besiegel",
    "abgeschlossen",
    "unterzeichnet",
];

fn agreements(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    trips: &[TripB],
    partners: &[PartnershipB],
) -> Vec<AgreementB> {
    let mut out: Vec<AgreementB> = Vec::new();
    let mut last_kind: Option<(usize, AgreementKind)> = None;
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si] {
            continue;
        }
        let words = lower_set(ctx, ctx.sents[si].clone());
        let sent_text = &ctx.text[ctx.sentence_span(si)];
        let named_kind = agreement_kind(&words, sent_text);
        if let Some(k) = named_kind {
            last_kind = Some((si, k));
        }
        // "… unterschrieben … das neue Dokument": the agreement named shortly before.
        let refers_back = words
            .iter()
            .any(|w| matches!(w.as_str(), "dokument" | "urkunde" | "papier" | "abkommen"));
        // "Für die Unterzeichnung reist X nach Tartu", "Unterschrieben haben X und Y",
        // "Unterzeichnet wurde sie von X und Y": X (and Y) sign the agreement just named.
        let for_signing = named_kind.is_none()
            && !refers_back
            && (words
                .iter()
                .any(|w| w == "unterzeichnung" || w == "unterschrift")
                || ["unterzeichnet", "unterschrieben", "signiert"]
                    .contains(&ctx.lower(ctx.sents[si].start).as_str()));
        if for_signing
            && let Some(a) = out.last_mut()
            && last_kind.is_some_and(|(at, _)| si - at <= 3)
        {
            for (_, e) in sentence_entities(f, ctx, si) {
                if e.ty == EntityType::Person && !a.signatories.contains(&e) {
                    a.signatories.push(e);
                }
            }
            a.sentences.push(si);
            continue;
        }
        let kind = match (named_kind, last_kind) {
            (Some(k), _) => k,
            (None, Some((at, k))) if refers_back && si - at <= 3 => k,
            _ => continue,
        };
        if !words
            .iter()
            .any(|w| SIGNING.iter().any(|s| w.starts_with(s) || w.contains(s)))
        {
            // "In dem Memorandum of Understanding sagen sich beide zu …": the generic
            // "Vereinbarung" signed just before is of this kind.
            if let (Some(k), Some(a)) = (named_kind, out.last_mut())
                && a.kind == AgreementKind::CooperationAgreement
                && k != AgreementKind::CooperationAgreement
                && a.sentences.last().is_some_and(|&at| si - at <= 2)
            {
                a.kind = k;
                a.sentences.push(si);
            }
            continue;
        }
        let ents = sentence_entities(f, ctx, si);
        let signatories: Vec<EntityRef> = ents
            .iter()
            .filter(|(_, e)| e.ty == EntityType::Person)
            .map(|(_, e)| *e)
            .collect();
        // Parties: organizations when two or more sign; else places, not the place of the
        // ceremony ("in Tartu") and not countries.
        let orgs: Vec<EntityRef> = ents
            .iter()
            .filter(|(t, e)| {
                e.ty == EntityType::Organization
                    && !matches!(
                        f.orgs[e.index].kind,
                        OrgKind::Media | OrgKind::Party | OrgKind::Event
                    )
                    && (ctx.word(t.saturating_sub(1)) != "in")
                    // "der Vize-Präsident des Regionalrats, X": the body of a signatory's title.
                    && !(t >= &2
                        && matches!(ctx.lower(t - 1).as_str(), "des" | "der")
                        && crate::ner::office_head(ctx.word(t - 2)).is_some())
            })
            .map(|(_, e)| *e)
            .collect();
        // Every mention counts: "unterzeichneten in Chengdu ein MoU zwischen Jena und
        // Chengdu" names Chengdu as a party in its second mention.
        let sr = ctx.sents[si].clone();
        let mut places: Vec<EntityRef> = Vec::new();
        for (x, e) in &f.index {
            if x.start >= sr.start
                && x.start < sr.end
                && e.ty == EntityType::Place
                && !is_country(f, *e)
                && !matches!(ctx.lower(x.start.saturating_sub(1)).as_str(), "in" | "im")
                && !in_dateline(ctx, x.start)
                && !places.contains(e)
            {
                places.push(*e);
            }
        }
        let mut parties: Vec<EntityRef> = if orgs.len() >= 2 {
            orgs.clone()
        } else {
            places.clone()
        };
        if orgs.len() == 1 && parties.len() < 2 {
            parties.insert(0, orgs[0]);
        }
        for s in &signatories {
            if let Some(p) = office_place(f, s.index)
                && !parties.contains(&p)
                && !is_country(f, p)
                && orgs.len() < 2
            {
                parties.push(p);
            }
        }
        if parties.len() < 2
            && let Some(t) = trips.first()
        {
            for r in t.origin.iter().chain(t.destinations.first()) {
                if !parties.contains(r) {
                    parties.push(*r);
                }
            }
        }
        // Between partners: when the partnership of the document is named, it is the parties.
        if let Some(p) = partners.iter().find(|p| {
            (parties.contains(&p.a) || parties.contains(&p.b))
                && places.iter().all(|x| *x == p.a || *x == p.b)
        }) && orgs.len() < 2
        {
            parties.retain(|r| r.ty == EntityType::Organization);
            parties.push(p.a);
            parties.push(p.b);
        }
        // Signed by officials without places, in a report about one partnership: its partners.
        if parties.is_empty()
            && orgs.is_empty()
            && let [p] = partners
        {
            parties = vec![p.a, p.b];
        }
        parties.dedup();
        if parties.len() < 2 {
            continue;
        }
        let date = in_sentence(times, ctx, si)
            .iter()
            .find_map(|te| match te.value {
                TimeValue::Point(p) => Some(p),
                TimeValue::Range(a, _) => Some(a),
                _ => None,
            });
        let status = if words
            .iter()
            .any(|w| w == "soll" || w == "sollen" || w == "wird" || w == "werden")
            && !words.iter().any(|w| w == "wurde")
        {
            Status::Planned
        } else {
            Status::Completed
        };
        let key: BTreeSet<EntityRef> = parties.iter().copied().collect();
        // The same parties in another year sign another agreement.
        let same_time = |a: &AgreementB| match (a.date, date) {
            (Some(x), Some(y)) => x.year == y.year,
            _ => true,
        };
        match out
            .iter_mut()
            .find(|a| a.parties.iter().copied().collect::<BTreeSet<_>>() == key && same_time(a))
        {
            Some(a) => {
                for s in signatories {
                    if !a.signatories.contains(&s) {
                        a.signatories.push(s);
                    }
                }
                if a.kind == AgreementKind::CooperationAgreement
                    && kind != AgreementKind::CooperationAgreement
                {
                    a.kind = kind;
                }
                // The dated signing is the one reported; an undated mention before it may be
                // of an earlier document ("Seit 2014, als beide eine Absichtserklärung
                // unterzeichneten …").
                if a.date.is_none() && date.is_some() {
                    a.kind = kind;
                }
                if a.date.is_none() {
                    a.date = date;
                }
                a.sentences.push(si);
            }
            None => out.push(AgreementB {
                kind,
                parties,
                signatories,
                date,
                status,
                sentences: vec![si],
            }),
        }
    }
    // One agreement told twice ("Partnerschaftsurkunde zwischen A und B wird unterzeichnet";
    // "… besiegeln A und B am 18. April mit einer Partnerschaftsurkunde"): the same kind, one
    // set of parties inside the other, not dated to different years.
    let mut i = 0;
    while i < out.len() {
        let pi: BTreeSet<EntityRef> = out[i].parties.iter().copied().collect();
        let twin = (0..out.len()).find(|&j| {
            let pj: BTreeSet<EntityRef> = out[j].parties.iter().copied().collect();
            j != i
                && out[j].kind == out[i].kind
                && pi.is_subset(&pj)
                && match (out[i].date, out[j].date) {
                    (Some(x), Some(y)) => x.year == y.year,
                    _ => true,
                }
        });
        if let Some(j) = twin {
            let a = out.remove(i);
            let j = if j > i { j - 1 } else { j };
            let b = &mut out[j];
            b.parties = a.parties;
            for s in a.signatories {
                if !b.signatories.contains(&s) {
                    b.signatories.push(s);
                }
            }
            b.date = b.date.or(a.date);
            b.sentences.extend(a.sentences);
            b.sentences.sort_unstable();
            b.sentences.dedup();
        } else {
            i += 1;
        }
    }
    // Undated agreements signed during the trip carry its date.
    if let Some(t) = trips.first() {
        for a in &mut out {
            if a.date.is_none() {
                a.date = t.start;
            }
        }
    }
    out
}
