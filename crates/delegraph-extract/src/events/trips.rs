//! The reported trip and the journeys announced in a sentence of their own.
//!
//! The reported trip is told in the sentences with a travel cue that no announcement took;
//! `trip_from_sentences` builds it in named steps over a [`Story`] (those sentences and the
//! trip's year): stops and origin (`stops`), leader (`people`), dates (`dates`), members and
//! meetings (`company`), cost and status here.

use super::company::members_and_meetings;
use super::dates::{trip_dates, weekday_of_finished_trip};
use super::people::{hosts, leader};
use super::places::{
    country_of, is_country, office_org_place, office_place, office_seats, org_place,
};
use super::stops::{drop_stops_of_others, incoming_origin, origin, stops, tidy_destinations};
use super::{TripB, cues, has_any, in_sentence, lower_set, mention_count, sentence_entities};
use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_model::{EntityRef, EntityType, Status};
use delegraph_text::PartialDate;
use delegraph_text::money::Money;
use delegraph_text::temporal::{TimeExpr, TimeValue};

/// What the steps of the reported trip share: the document, its entities and times, the
/// sentences that tell of the trip and the trip's year.
pub(crate) struct Story<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub f: &'c Found,
    pub times: &'c [TimeExpr],
    /// The sentences with a travel cue, in text order.
    pub sents: Vec<usize>,
    in_trip: Vec<bool>,
    /// The year of the first dated trip sentence, else of publication.
    year: Option<i16>,
}

impl<'c, 'a> Story<'c, 'a> {
    pub fn new(
        ctx: &'c Ctx<'a>,
        f: &'c Found,
        times: &'c [TimeExpr],
        published: Option<PartialDate>,
        sents: Vec<usize>,
    ) -> Self {
        let mut in_trip = vec![false; ctx.sents.len()];
        for &si in &sents {
            in_trip[si] = true;
        }
        // Undated reports are about the year they are published in.
        let year = sents
            .iter()
            .find_map(|&si| {
                in_sentence(times, ctx, si)
                    .iter()
                    .find_map(|te| match te.value {
                        TimeValue::Range(a, _) => Some(a.year),
                        TimeValue::Point(p) if p.month.is_some() => Some(p.year),
                        _ => None,
                    })
            })
            .or(published.map(|p| p.year));
        Story {
            ctx,
            f,
            times,
            sents,
            in_trip,
            year,
        }
    }

    pub fn is_trip_sentence(&self, si: usize) -> bool {
        self.in_trip[si]
    }

    /// A sentence dated to another year ("war im Mai 2017 in X zu Besuch gewesen"), or telling
    /// of earlier or habitual journeys ("war ihm mehrmals begegnet") without a date of the
    /// trip's own year.
    pub fn other_time(&self, si: usize) -> bool {
        let years: Vec<i16> = in_sentence(self.times, self.ctx, si)
            .iter()
            .filter_map(|te| match te.value {
                TimeValue::Range(a, _) => Some(a.year),
                TimeValue::Point(p) => Some(p.year),
                _ => None,
            })
            .collect();
        let earlier = lower_set(self.ctx, self.ctx.sents[si].clone())
            .iter()
            .any(|w| cues::is("earlier", w));
        let own_year = self.year.is_some_and(|y| years.contains(&y));
        (earlier && !own_year)
            || self
                .year
                .is_some_and(|y| !years.is_empty() && !years.contains(&y))
    }

    /// "X plant Reisen nach A, B, …": plans for other journeys.
    pub fn plans(&self, si: usize) -> bool {
        let ws = lower_set(self.ctx, self.ctx.sents[si].clone());
        ws.iter().any(|w| cues::is("plans", w))
            && ws.iter().any(|w| w == "reisen" || w == "besuche")
    }

    /// Sentences that may name the trip's stops: those of the trip and those of its
    /// appointments, not of another time or of plans.
    pub fn names_stops(&self, si: usize) -> bool {
        !self.ctx.boiler[si]
            && !self.other_time(si)
            && !self.plans(si)
            && (self.in_trip[si]
                || has_any(
                    lower_set(self.ctx, self.ctx.sents[si].clone()),
                    cues::cue("meeting_cues"),
                ))
    }
}

/// A trip announced in one sentence with a modal or planning verb, a named or titled traveller
/// and "nach X": "Ende Mai will die Oberbürgermeisterin nach Finnland reisen; im Mittelpunkt wird
/// der Besuch in der Partnerstadt Helsinki stehen."
fn planned_trip(ctx: &Ctx, f: &Found, times: &[TimeExpr], si: usize) -> Option<TripB> {
    let r = ctx.sents[si].clone();
    let words = lower_set(ctx, r.clone());
    let planning = words.iter().any(|w| cues::is("planning", w));
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

pub(super) fn trips(
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
            let stayed = words.iter().any(|w| cues::is("stay_verbs", w))
                && words.iter().any(|w| w == "sich")
                && words.iter().any(|w| w == "auf");
            !ctx.boiler[si] && (has_any(words, cues::cue("trip_triggers")) || stayed)
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
    let s = Story::new(ctx, f, times, published, trip_sents);
    let incoming = incoming_origin(&s);
    let seats = office_seats(ctx, f);
    let (mut dests, support) = stops(&s, &seats);
    let hosts = hosts(ctx, f);
    let leader = leader(&s, &dests, incoming, &hosts);
    drop_stops_of_others(&s, leader, &support, &mut dests);
    let origin = origin(&s, leader, incoming, &seats, &mut dests);
    tidy_destinations(ctx, f, origin, &hosts, &mut dests);
    let mut dates = trip_dates(ctx, times, &s.sents);
    let mut t = TripB {
        leader,
        origin,
        destinations: dests,
        start: dates.start,
        end: dates.end,
        sentences: s.sents.clone(),
        ..Default::default()
    };
    members_and_meetings(&s, &hosts, &mut t);
    t.cost = cost(ctx, money);
    t.status = status(&s, t.start, published);
    weekday_of_finished_trip(&mut dates, t.status, published);
    t.start = dates.start;
    t.end = dates.end;
    stated(t)
}

/// A trip needs somewhere it goes or someone who leads, someone besides the places, and
/// someone known to travel from somewhere: else it is a meeting held at a place ("trifft sich
/// die Führung der Kammer in X").
fn stated(t: TripB) -> Option<TripB> {
    if t.destinations.is_empty() && t.leader.is_none() {
        return None;
    }
    if t.destinations.is_empty() && t.members.is_empty() && t.meetings.is_empty() {
        return None;
    }
    if t.leader.is_none() && t.origin.is_none() && t.members.is_empty() {
        return None;
    }
    Some(t)
}

/// The first euro amount in a sentence about costs.
fn cost(ctx: &Ctx, money: &[Money]) -> Option<f64> {
    money.iter().find_map(|m| {
        let i = ctx.token_at_byte(m.span.start)?;
        let words = lower_set(ctx, ctx.sents[ctx.sent_of[i]].clone());
        // "hätte … gekostet": what it would have cost is not the cost.
        let counterfactual = words.iter().any(|w| cues::is("counterfactual", w));
        (!counterfactual
            && words
                .iter()
                .any(|w| cues::contains("cost_words", w) && !cues::starts("cost_free", w)))
        .then_some(m.euros)
    })
}

/// The trip's status from the words of its sentences: called off, told as done, under way
/// ("ist seit Montag in X zu Gast"), planned without a date; else by its start against the
/// publication date ("Ende Juni" published on 5 June is to come).
fn status(s: &Story, start: Option<PartialDate>, published: Option<PartialDate>) -> Status {
    let all: Vec<&str> = s
        .sents
        .iter()
        .flat_map(|&si| lower_set(s.ctx, s.ctx.sents[si].clone()))
        .map(String::as_str)
        .collect();
    let any = |list: &str| all.iter().any(|w| cues::is(list, w));
    if any("cancelled") {
        Status::Cancelled
    } else if any("completed") {
        Status::Completed
    } else if any("ongoing")
        || (all.contains(&"seit")
            && all
                .iter()
                .any(|w| matches!(*w, "ist" | "sind" | "hält" | "halten")))
    {
        Status::Ongoing
    } else if all
        .iter()
        .any(|w| matches!(*w, "plant" | "geplant" | "soll"))
        && start.is_none()
    {
        Status::Planned
    } else {
        let before = |s: PartialDate, p: PartialDate| match (s.month, s.day) {
            (Some(_), Some(_)) => s < p,
            (Some(m), None) => (s.year, m) < (p.year, p.month.unwrap_or(12)),
            _ => s.year < p.year,
        };
        match (start, published) {
            (Some(s), Some(p)) if before(s, p) => Status::Completed,
            _ => Status::Announced,
        }
    }
}
