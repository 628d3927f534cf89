//! Events: delegation trips, partnerships and agreements.
//!
//! Two layers run together while the frame layer takes over. The rules here read trigger
//! words (`data/cues.txt`), entities and temporal expressions of the same sentences; the
//! frame layer (`frames.rs`, `assembly.rs`) reads clauses. `find` runs both and reconciles
//! them: assembly corrects and adds trips, partnerships and agreements.
//!
//! - `trips`: the reported trip, told in the sentences with a travel cue, built in named
//!   steps (`stops`: origin and destinations; `people`: leader, hosts and listed members;
//!   `company`: members and meetings; `dates`: start, end and the weekday of a finished
//!   trip); journeys announced in a sentence of their own are trips of their own;
//! - `partnerships`: "Städtepartnerschaft zwischen X und Y", "X ist seit 2004 Partnerstadt
//!   von Y", anniversaries;
//! - `agreements`: memorandum, letter of intent, cooperation or partnership agreement,
//!   communiqué with a signing verb; parties are the places or organizations named, else the
//!   signatories' offices;
//! - `places`: where places stand for the trip (datelines, office seats, return places).

mod agreements;
mod company;
pub(crate) mod cues;
mod dates;
mod groups;
mod partnerships;
mod people;
mod places;
mod stops;
mod trips;

use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_model::{AgreementKind, EntityRef, Status};
use delegraph_text::PartialDate;
use delegraph_text::money::Money;
use delegraph_text::temporal::TimeExpr;
use std::ops::Range;

pub(crate) use groups::travelling_bodies;
pub(crate) use partnerships::year_of_partnership;
pub(crate) use people::rank;
pub(crate) use places::{
    contains_place, country_of, dateline, drop_countries_with_cities, home_after, is_country,
    office_place, org_place, place_kind,
};

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

fn lower_set<'a>(ctx: &'a Ctx, r: Range<usize>) -> &'a [String] {
    ctx.lowered(r)
}

/// Whether a cue occurs as a word, an inflected form ("Staatsbesuchs") or the end of a
/// compound ("Delegationsreise").
fn has_any(words: &[String], cues: &'static [&'static str]) -> bool {
    words.iter().any(|w| word_has_cue(w, cues))
}

/// Longest a thread's memo of [`word_has_cue`] grows before it starts again (a bound on memory,
/// far above the words of a day's articles).
const CUE_MEMO_WORDS: usize = 100_000;

thread_local! {
    /// Per cue list (by address: the lists are static) the words already matched against it.
    /// The rules ask the same two lists of every sentence several times, and a word against
    /// 50-odd cues cost a thousand instructions; the answer depends on the word alone.
    static CUE_MEMO: std::cell::RefCell<rustc_hash::FxHashMap<usize, rustc_hash::FxHashMap<Box<str>, bool>>> =
        std::cell::RefCell::default();
}

fn word_has_cue(w: &str, cues: &'static [&'static str]) -> bool {
    CUE_MEMO.with_borrow_mut(|memo| {
        let seen = memo.entry(cues.as_ptr() as usize).or_default();
        if let Some(&hit) = seen.get(w) {
            return hit;
        }
        // The word without each inflection ending, cut once for all cues.
        let stems = ["es", "en", "s", "n", "e"].map(|suf| w.strip_suffix(suf));
        let hit = cues.iter().any(|c| {
            w == *c
                || (c.len() >= 5
                    && (w.ends_with(c) || (w.starts_with(c) && w.len() <= c.len() + 2)))
                || (c.len() >= 6 && stems.iter().flatten().any(|b| b.ends_with(c)))
        });
        if seen.len() >= CUE_MEMO_WORDS {
            seen.clear();
        }
        seen.insert(w.into(), hit);
        hit
    })
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

/// Every trip, partnership and agreement of a document.
pub(crate) fn find(
    ctx: &Ctx,
    f: &Found,
    clauses: &delegraph_clause::Analysis,
    times: &[TimeExpr],
    money: &[Money],
    published: Option<PartialDate>,
) -> Events {
    let mut trips = trips::trips(ctx, f, times, money, published);
    let instances = crate::frames::instances(ctx, f, clauses);
    crate::assembly::assemble(ctx, f, &instances, times, &mut trips);
    let mut partnerships = partnerships::partnerships(ctx, f, times, published, &trips, &instances);
    crate::assembly::partnerships(
        ctx,
        f,
        &instances,
        times,
        published,
        &trips,
        &mut partnerships,
    );
    partnerships::listed_partners(ctx, f, times, &trips, &mut partnerships);
    let agreements =
        agreements::agreements(ctx, f, &instances, times, published, &trips, &partnerships);
    signers_meet_travellers(&mut trips, &agreements);
    home_party_members(f, &mut trips);
    trips_to_a_signing(ctx, &mut trips, &agreements);
    founded_by_agreement(ctx, &mut partnerships, &agreements);
    partnerships::dated_elsewhere(ctx, f, times, published, &mut partnerships);
    Events {
        trips,
        partnerships,
        agreements,
    }
}

/// Who signs together with a traveller met the delegation.
fn signers_meet_travellers(trips: &mut [TripB], agreements: &[AgreementB]) {
    let Some(t) = trips.first_mut() else { return };
    let travels = |t: &TripB, p: &EntityRef| t.leader == Some(*p) || t.members.contains(p);
    for a in agreements {
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

/// "In Tartu unterschrieben Landrat X, Y (CDU) und Z (Grüne) …": on a trip abroad, a person
/// the text tags with a party of the travellers' country and of none of the destinations'
/// travels with the delegation — a member, not someone it met.
fn home_party_members(f: &Found, trips: &mut [TripB]) {
    for t in trips.iter_mut() {
        let Some(home) = t.origin.and_then(|o| places::country_of(f, o)) else {
            continue;
        };
        let abroad: Vec<String> = t
            .destinations
            .iter()
            .filter_map(|d| places::country_of(f, *d))
            .collect();
        if abroad.is_empty() || abroad.contains(&home) {
            continue;
        }
        let travels_with = |p: &EntityRef| {
            p.ty == delegraph_model::EntityType::Person
                && party_countries(f, p.index).is_some_and(|cs| {
                    cs.contains(&home.as_str()) && !abroad.iter().any(|a| cs.contains(&a.as_str()))
                })
        };
        let (members, meetings): (Vec<EntityRef>, Vec<EntityRef>) =
            t.meetings.iter().partition(|p| travels_with(p));
        t.meetings = meetings;
        for m in members {
            if t.leader != Some(m) && !t.members.contains(&m) {
                t.members.push(m);
            }
        }
    }
}

/// The countries of a person's party, when the lexicon knows them.
fn party_countries(f: &Found, p: usize) -> Option<&'static [&'static str]> {
    let party = f.persons[p].party.as_deref()?;
    crate::lexicon::PARTY_COUNTRIES
        .iter()
        .find(|(name, _)| *name == party)
        .map(|(_, cs)| *cs)
}

/// "Für die Unterzeichnung reist X nach Tartu": an undated trip to a signing happens on the
/// signing's date.
fn trips_to_a_signing(ctx: &Ctx, trips: &mut [TripB], agreements: &[AgreementB]) {
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
}

/// A partnership founded by a dated partnership agreement between the same two places dates
/// from it; renewals ("verlängert", "erneuerte") do not found anything.
fn founded_by_agreement(ctx: &Ctx, partnerships: &mut [PartnershipB], agreements: &[AgreementB]) {
    for p in partnerships.iter_mut().filter(|p| p.since.is_none()) {
        let founding = agreements.iter().find(|a| {
            a.kind == AgreementKind::PartnershipAgreement
                && a.parties.len() == 2
                && a.parties.contains(&p.a)
                && a.parties.contains(&p.b)
                && a.date.is_some()
                && !a.sentences.iter().chain(&p.sentences).any(|&si| {
                    lower_set(ctx, ctx.sents[si].clone())
                        .iter()
                        .any(|w| cues::starts("renewal", w) || cues::is("renewal_particles", w))
                })
        });
        if let Some(a) = founding {
            p.since = a.date.map(|d| d.year);
        }
    }
}
