//! The sides of a trip: which end of the reported journey is the document's home town.
//!
//! A municipal text is written from one town (its dateline, its publisher, "unsere
//! Partnerstadt", the writer of a first-person report). The reported trip either leaves it
//! (outgoing: origin = home) or comes to it (incoming: destination = home). The builders
//! guess each end on their own and sometimes read a journey backwards; this is the one
//! decision over the whole document: named evidence rules, each with a weight, vote for
//! *out* or *in*, and a clear vote turns a trip that runs against it.
//!
//! Rules (weights in brackets; rule cases in `test_data/trips/1NN_sides_*`):
//! - `clause_leaves_home` [3]: a clause sends travellers from the home town ("aus X", X home);
//! - `clause_comes_home` [3]: a clause brings travellers from elsewhere to the home town;
//! - `first_person_travels` [3]: "wir sind … nach X aufgebrochen": the writer's side travels
//!   (and the writer who signs the report, "Ihr Bürgermeister X", leads it);
//! - `came_back_from` [3]: "ist aus X zurückgekehrt": the travellers live here;
//! - `went_abroad` [2]: a clause sends travellers to a place in another country than home's;
//! - `guests_from` [2]: "Gäste aus X", "eine Delegation aus X" (X not home) came here;
//! - `travellers_from_elsewhere` [2] / `travellers_from_home` [2]: a clause without origin
//!   whose travellers hold offices in, or are bodies of, another town (and go nowhere but
//!   home) / the home town (and go elsewhere).

use crate::assembly::same_place;
use crate::ctx::Ctx;
use crate::events::{TripB, country_of, is_country, office_place, org_place};
use crate::frames::Instance;
use crate::ner::Found;
use delegraph_model::{EntityRef, EntityType, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The trip leaves the home town.
    Out,
    /// The trip comes to the home town.
    In,
}

/// One piece of evidence for a side.
#[derive(Debug, Clone)]
pub(crate) struct Vote {
    pub rule: &'static str,
    pub side: Side,
    pub weight: i32,
    /// The other end, where the rule names it.
    pub other: Option<EntityRef>,
}

/// The least margin of weight between the sides that turns a trip.
const MARGIN: i32 = 2;

/// Whether an instance tells of a journey that took place (or takes place) as reported: not
/// negated, not only planned, not background told in the pluperfect.
fn reported(ctx: &Ctx, i: &Instance) -> bool {
    matches!(i.frame, "travel" | "visit" | "return" | "receive")
        && matches!(i.status, Status::Completed | Status::Ongoing)
        && !i.earlier
        && !earlier_words(ctx, i)
}

/// "die im Vorjahr selbst in X unterwegs gewesen waren": a clause about an earlier journey.
fn earlier_words(ctx: &Ctx, i: &Instance) -> bool {
    i.span.clone().any(|k| {
        let w = ctx.lower(k);
        crate::events::cues::is("earlier", &w) || w.starts_with("vorjahr")
    })
}

fn places(i: &Instance, role: &str) -> Vec<EntityRef> {
    i.entities(role)
        .filter(|e| e.ty == EntityType::Place)
        .collect()
}

/// Whether the traveller of an instance is the first person ("wir", "ich").
fn first_person(ctx: &Ctx, i: &Instance) -> bool {
    ["traveller", "companion", "guest"]
        .iter()
        .flat_map(|r| i.spans(r))
        .chain(
            i.slots
                .iter()
                .filter(|(_, s, _)| matches!(s, crate::frames::Slot::Subject))
                .map(|(_, _, r)| r),
        )
        .any(|r| {
            r.clone()
                .any(|k| matches!(ctx.lower(k).as_str(), "wir" | "ich"))
        })
        || i.span
            .clone()
            .any(|k| matches!(ctx.lower(k).as_str(), "wir" | "ich") && k + 1 == i.trigger)
}

/// The votes of the frame instances about the home town `home`.
fn clause_votes(ctx: &Ctx, f: &Found, inst: &[Instance], home: EntityRef) -> Vec<Vote> {
    let is_home = |p: &EntityRef| same_place(f, Some(*p), Some(home));
    let home_country = country_of(f, home);
    let mut out = Vec::new();
    for i in inst.iter().filter(|i| reported(ctx, i)) {
        let origins = places(i, "origin");
        let dests = places(i, "destination");
        if i.frame == "return" {
            // "ist aus X zurückgekehrt": X is where the journey went.
            if let Some(d) = dests.iter().find(|d| !is_home(d)) {
                out.push(Vote {
                    rule: "came_back_from",
                    side: Side::Out,
                    weight: 3,
                    other: Some(*d),
                });
            }
            continue;
        }
        if first_person(ctx, i) {
            out.push(Vote {
                rule: "first_person_travels",
                side: Side::Out,
                weight: 3,
                other: dests.iter().find(|d| !is_home(d)).copied(),
            });
        }
        if origins.iter().any(is_home) && dests.iter().any(|d| !is_home(d)) {
            out.push(Vote {
                rule: "clause_leaves_home",
                side: Side::Out,
                weight: 3,
                other: dests.iter().find(|d| !is_home(d)).copied(),
            });
        }
        if dests.iter().any(is_home)
            && let Some(o) = origins.iter().find(|o| !is_home(o))
        {
            out.push(Vote {
                rule: "clause_comes_home",
                side: Side::In,
                weight: 3,
                other: Some(*o),
            });
        }
        if origins.is_empty()
            && i.frame != "receive"
            && home_country.is_some()
            && let Some(d) = dests
                .iter()
                .find(|d| country_of(f, **d).is_some_and(|c| Some(c) != home_country))
        {
            out.push(Vote {
                rule: "went_abroad",
                side: Side::Out,
                weight: 2,
                other: Some(*d),
            });
        }
    }
    out
}

/// "Gäste aus X", "eine Delegation aus der Partnerstadt X", "eine Abordnung aus Land X": a
/// group from elsewhere, in a sentence that tells of no plan.
fn guest_votes(ctx: &Ctx, f: &Found, inst: &[Instance], home: EntityRef) -> Vec<Vote> {
    let planned_sentence = |si: usize| {
        inst.iter()
            .any(|i| i.sentence == si && matches!(i.status, Status::Planned | Status::Announced))
    };
    let in_journey = |k: usize| inst.iter().any(|i| reported(ctx, i) && i.span.contains(&k));
    let mut out = Vec::new();
    for k in 0..ctx.len().saturating_sub(2) {
        if !in_journey(k) {
            continue;
        }
        let w = ctx.lower(k);
        let group = crate::events::cues::contains("incoming_groups", &w) || w.starts_with("gäste");
        if !group || !ctx.is_cap(k) || ctx.lower(k + 1) != "aus" || planned_sentence(ctx.sent_of[k])
        {
            continue;
        }
        let from = (k + 2..(k + 6).min(ctx.len()))
            .take_while(|&x| ctx.is_word(x))
            .find_map(|x| f.place_at(x))
            .filter(|o| !same_place(f, Some(*o), Some(home)));
        if let Some(o) = from {
            out.push(Vote {
                rule: "guests_from",
                side: Side::In,
                weight: 2,
                other: Some(o),
            });
        }
    }
    out
}

/// Where a traveller is from: a person's office place, an organization's town.
fn traveller_home(f: &Found, e: EntityRef) -> Option<EntityRef> {
    match e.ty {
        EntityType::Person => office_place(f, e.index),
        EntityType::Organization => org_place(f, e),
        EntityType::Place => Some(e),
    }
    .filter(|p| !is_country(f, *p))
}

/// "Die Blaskapelle Y und Zweite Bürgermeisterin Z aus X waren zu Gast": travellers of a
/// clause that names no origin belong to a town; one other than home came here, home's own
/// went elsewhere.
fn traveller_votes(ctx: &Ctx, f: &Found, inst: &[Instance], home: EntityRef) -> Vec<Vote> {
    let is_home = |p: &EntityRef| same_place(f, Some(*p), Some(home));
    let mut out = Vec::new();
    for i in inst
        .iter()
        .filter(|i| reported(ctx, i) && matches!(i.frame, "travel" | "visit"))
    {
        if !places(i, "origin").is_empty() {
            continue;
        }
        let dests = places(i, "destination");
        let froms: Vec<EntityRef> = i
            .entities("traveller")
            .filter(|e| e.ty != EntityType::Place)
            .filter_map(|e| traveller_home(f, e))
            .collect();
        if let Some(x) = froms.iter().find(|x| !is_home(x))
            && dests.iter().all(is_home)
            && !froms.iter().any(is_home)
        {
            out.push(Vote {
                rule: "travellers_from_elsewhere",
                side: Side::In,
                weight: 2,
                other: Some(*x),
            });
        }
        if froms.iter().any(is_home)
            && !froms.iter().any(|x| !is_home(x))
            && let Some(d) = dests.iter().find(|d| !is_home(d))
        {
            out.push(Vote {
                rule: "travellers_from_home",
                side: Side::Out,
                weight: 2,
                other: Some(*d),
            });
        }
    }
    out
}

/// Every vote of the document about its home town.
pub(crate) fn votes(ctx: &Ctx, f: &Found, inst: &[Instance], home: EntityRef) -> Vec<Vote> {
    let mut v = clause_votes(ctx, f, inst, home);
    v.extend(guest_votes(ctx, f, inst, home));
    v.extend(traveller_votes(ctx, f, inst, home));
    v
}

/// The side the votes decide, if one wins by the margin.
pub(crate) fn decide(votes: &[Vote]) -> Option<Side> {
    let sum = |s: Side| -> i32 { votes.iter().filter(|v| v.side == s).map(|v| v.weight).sum() };
    let (out, inn) = (sum(Side::Out), sum(Side::In));
    if out - inn >= MARGIN {
        Some(Side::Out)
    } else if inn - out >= MARGIN {
        Some(Side::In)
    } else {
        None
    }
}

/// Turns the reported trip (the first) to the side the document's evidence decides.
pub(crate) fn orient(
    ctx: &Ctx,
    f: &Found,
    inst: &[Instance],
    home: Option<EntityRef>,
    trips: &mut Vec<TripB>,
) {
    let Some(home) = home.filter(|h| !is_country(f, *h)) else {
        return;
    };
    let votes = votes(ctx, f, inst, home);
    // A home town only guessed from the names a text repeats must not be contradicted.
    let stated = crate::events::dateline(ctx, f)
        .or_else(|| crate::assembly::publisher(ctx, f))
        .is_some();
    let unanimous = votes.windows(2).all(|w| w[0].side == w[1].side);
    let side = decide(&votes).filter(|_| stated || unanimous);
    if crate::frames::tracing() {
        let named: Vec<String> = votes
            .iter()
            .map(|v| format!("{}:{:?}:{}", v.rule, v.side, v.weight))
            .collect();
        eprintln!("sides {side:?} [{}]", named.join(", "));
    }
    let Some(side) = side else { return };
    let is_home = |p: &EntityRef| same_place(f, Some(*p), Some(home));
    // Another trip already runs that way: the first is the other journey (a return visit).
    let runs = |t: &TripB| match side {
        Side::Out => t.origin.is_some_and(|o| is_home(&o)),
        Side::In => t.destinations.iter().any(is_home),
    };
    if side == Side::Out {
        merge_outgoing(f, home, trips);
        if votes.iter().any(|v| v.rule == "first_person_travels")
            && let Some(t) = trips.first_mut()
        {
            signer_leads(ctx, f, t);
        }
    }
    if trips.iter().skip(1).any(runs) {
        return;
    }
    let Some(t) = trips.first_mut() else { return };
    match side {
        Side::Out if !t.origin.is_some_and(|o| is_home(&o)) => {
            let mut dests: Vec<EntityRef> = Vec::new();
            if let Some(o) = t.origin.filter(|o| !is_country(f, *o)) {
                dests.push(o);
            }
            for d in &t.destinations {
                if !dests.contains(d) {
                    dests.push(*d);
                }
            }
            dests.retain(|d| !is_home(d));
            if dests.is_empty() {
                return;
            }
            t.origin = Some(home);
            t.destinations = dests;
            local_leader_of_abroad(f, t);
        }
        Side::In if !t.destinations.iter().any(is_home) => {
            let named = votes
                .iter()
                .filter(|v| v.side == Side::In)
                .find_map(|v| v.other);
            let other = t
                .origin
                .filter(|o| !is_home(o))
                .or(named)
                .or_else(|| t.destinations.iter().copied().find(|d| !is_country(f, *d)));
            let Some(other) = other else { return };
            let home_country = country_of(f, home);
            let mut dests = vec![home];
            // Stops in the home town's country (a day trip to the state capital) stay.
            for d in &t.destinations {
                if !dests.contains(d)
                    && *d != other
                    && !same_place(f, Some(*d), Some(other))
                    && home_country.is_some()
                    && country_of(f, *d) == home_country
                    && !is_country(f, *d)
                {
                    dests.push(*d);
                }
            }
            t.origin = Some(other);
            t.destinations = dests;
        }
        _ => {}
    }
}

/// After a trip is turned outward, a leader who holds an office at one of its stops is a host:
/// the member of highest rank leads instead.
fn local_leader_of_abroad(f: &Found, t: &mut TripB) {
    let Some(l) = t.leader else { return };
    let at_stop = office_place(f, l.index).is_some_and(|p| {
        t.destinations
            .iter()
            .any(|d| same_place(f, Some(*d), Some(p)))
    });
    if !at_stop {
        return;
    }
    t.leader = None;
    if !t.meetings.contains(&l) {
        t.meetings.push(l);
    }
    if let Some(m) = t
        .members
        .iter()
        .copied()
        .filter(|m| m.ty == EntityType::Person)
        .max_by_key(|m| crate::assembly::rank_of(f, *m))
    {
        t.leader = Some(m);
        t.members.retain(|x| *x != m);
    }
}

/// "Hörmannsdorfer reiste … in die Türkei" told besides the reported trip that lacks its
/// origin: on an outgoing report, a later trip from home by the same leader to the same
/// country is the reported trip's own direction, not a journey of its own.
fn merge_outgoing(f: &Found, home: EntityRef, trips: &mut Vec<TripB>) {
    if trips.len() < 2 || trips[0].origin.is_some() {
        return;
    }
    let is_home = |p: Option<EntityRef>| same_place(f, p, Some(home));
    let Some(j) = (1..trips.len()).find(|&j| {
        let (a, b) = (&trips[0], &trips[j]);
        is_home(b.origin)
            && a.leader.is_some()
            && a.leader == b.leader
            && b.destinations.iter().any(|d| {
                a.destinations
                    .iter()
                    .any(|x| !is_home(Some(*x)) && same_place(f, Some(*x), Some(*d)))
            })
    }) else {
        return;
    };
    let b = trips.remove(j);
    let a = &mut trips[0];
    a.origin = b.origin;
    for d in b.destinations {
        if !a.destinations.contains(&d) {
            a.destinations.push(d);
        }
    }
    a.destinations.retain(|d| !is_home(Some(*d)));
    // A country only where no city of it is named.
    crate::events::drop_countries_with_cities(f, &mut a.destinations);
    for m in b.members {
        if !a.members.contains(&m) && a.leader != Some(m) {
            a.members.push(m);
        }
    }
    for m in b.meetings {
        if !a.meetings.contains(&m) && !a.members.contains(&m) && a.leader != Some(m) {
            a.meetings.push(m);
        }
    }
    for si in b.sentences {
        if !a.sentences.contains(&si) {
            a.sentences.push(si);
        }
    }
    if a.start.is_none() {
        a.start = b.start;
        a.end = b.end;
    }
}

/// "Ihr Bürgermeister / X" closing a report told in the first person: the writer who signs it
/// holds an office and travelled; the one who leads the trip. The former leader travels along.
fn signer_leads(ctx: &Ctx, f: &Found, t: &mut TripB) {
    // The first token of the last two lines.
    let mut lines = 0;
    let mut from = ctx.len();
    for k in (0..ctx.len()).rev() {
        if ctx.toks[k].newlines_before > 0 {
            lines += 1;
            from = k;
            if lines == 2 {
                break;
            }
        }
    }
    if lines < 2 || ctx.len() - from > 12 {
        return;
    }
    let Some(signer) = f
        .index
        .iter()
        .rev()
        .find(|(r, e)| r.start >= from && e.ty == EntityType::Person)
        .map(|(_, e)| *e)
        .filter(|e| !f.persons[e.index].offices.is_empty())
    else {
        return;
    };
    if t.leader == Some(signer) {
        return;
    }
    if let Some(old) = t.leader
        && !t.members.contains(&old)
    {
        t.members.push(old);
    }
    t.leader = Some(signer);
    t.members.retain(|m| *m != signer);
    t.meetings.retain(|m| *m != signer);
}
