//! Document assembly: frame instances become trips.
//!
//! Each travel, visit or receive instance is a *leg*: who travels (named, or "die Delegation",
//! "die Gäste"), from where, to where, whom they met, and the clause's status. A leg that names
//! only one end gets the other from what the document says about its travellers (their office
//! place) or from the document's home town (its dateline, else the reported trip's origin).
//! Legs of the same direction and time are one trip; a leg that runs the other way, or in
//! another year, is another trip ("Gegenbesuch", the announced next visit).
//!
//! The legacy trip builder in `events.rs` still supplies what frames do not yet cover
//! (members from lists, meetings outside frame clauses, costs); assembly corrects its
//! direction and adds the trips it could not separate.

use crate::ctx::Ctx;
use crate::events::{
    PartnershipB, TripB, contains_place, country_of, dateline, home_after, in_sentence, is_country,
    office_place, org_place, place_kind, year_of_partnership,
};
use crate::frames::{Filler, Instance};
use crate::ner::Found;
use delegraph_gazetteer::places::Places;
use delegraph_model::{EntityRef, EntityType, Status};
use delegraph_text::PartialDate;
use delegraph_text::temporal::{TimeExpr, TimeValue};

/// One journey told by one clause.
#[derive(Debug, Clone, Default)]
pub(crate) struct Leg {
    pub travellers: Vec<EntityRef>,
    /// The travellers are referred to as a group or pronoun.
    pub group: bool,
    pub origin: Option<EntityRef>,
    pub dests: Vec<EntityRef>,
    pub met: Vec<EntityRef>,
    pub companions: Vec<EntityRef>,
    pub status: Status,
    pub sentence: usize,
    /// The origin or destination came from the clause itself, not from inference.
    pub explicit: bool,
    /// The origin came from the clause itself.
    pub explicit_origin: bool,
    /// Told by a clause of receiving guests, not of travelling.
    pub received: bool,
    /// The clause names an end by a town noun without its name ("aus der Partnerstadt", "in
    /// die Hafenstadt"): (origin, destination).
    pub unnamed_ends: (bool, bool),
}

/// Persons and organizations of a role; places of a role.
fn split_by_type(i: &Instance, role: &str) -> (Vec<EntityRef>, Vec<EntityRef>) {
    i.entities(role).partition(|e| e.ty != EntityType::Place)
}

fn group_in(i: &Instance, role: &str) -> bool {
    i.roles
        .iter()
        .any(|(r, f)| *r == role && matches!(f, Filler::Group(_)))
}

/// The legs an instance tells: one, or one per town where a group came from several
/// ("Vertreter aus A, aus B sowie aus C").
fn legs_of(ctx: &Ctx, f: &Found, i: &Instance) -> Vec<Leg> {
    if welcomes(ctx, i) {
        return Vec::new();
    }
    let Some(mut leg) = leg_of(f, i) else {
        return Vec::new();
    };
    leg.unnamed_ends = (
        unnamed_town(ctx, f, i, "origin"),
        unnamed_town(ctx, f, i, "destination"),
    );
    if leg.origin.is_none() {
        leg.origin = traveller_from(ctx, f, i, &leg);
        leg.dests.retain(|d| Some(*d) != leg.origin);
        leg.explicit = leg.origin.is_some() && !leg.dests.is_empty();
        leg.explicit_origin = leg.origin.is_some();
    }
    // "Die Gäste besichtigten …": the group came from where the text last said a group came
    // from; inferred, so it states no direction of its own.
    if leg.origin.is_none() && leg.group && leg.travellers.is_empty() {
        leg.origin = group_origin(ctx, f, i.span.start).filter(|o| !leg.dests.contains(o));
    }
    let towns: Vec<EntityRef> = i
        .entities("origin")
        .filter(|o| o.ty == EntityType::Place && !is_country(f, *o))
        .collect();
    if towns.len() < 2 || leg.travellers.iter().any(|t| t.ty == EntityType::Person) {
        return vec![leg];
    }
    towns
        .into_iter()
        .map(|o| Leg {
            origin: Some(o),
            ..leg.clone()
        })
        .collect()
}

/// Where the group last named before token `before` came from: "eine Delegation aus der
/// Partnerstadt X", "Gäste aus X" (the place within a few words after "aus"; the returning
/// "ist aus X zurückgekehrt" has no group noun before it).
fn group_origin(ctx: &Ctx, f: &Found, before: usize) -> Option<EntityRef> {
    let is_group = |k: usize| {
        let w = ctx.lower(k);
        crate::events::cues::contains("incoming_groups", &w) || w.starts_with("gäste")
    };
    (0..before.min(ctx.len())).rev().find_map(|k| {
        if !is_group(k) || !ctx.is_cap(k) || ctx.lower(k + 1) != "aus" {
            return None;
        }
        (k + 2..(k + 6).min(ctx.len()))
            .take_while(|&x| ctx.is_word(x))
            .find_map(|x| f.place_at(x))
            .filter(|o| !is_country(f, *o))
    })
}

/// "Bürgermeister X aus Y besuchte …": the town named right after a traveller, in the clause.
fn traveller_from(ctx: &Ctx, f: &Found, i: &Instance, leg: &Leg) -> Option<EntityRef> {
    f.index
        .iter()
        .filter(|(t, e)| leg.travellers.contains(e) && i.span.contains(&t.start))
        .find_map(|(t, _)| home_after(ctx, f, t))
}

/// Whether a phrase of the role holds a word of the cue list.
fn role_says(ctx: &Ctx, i: &Instance, role: &str, list: &str) -> bool {
    i.spans(role).any(|r| {
        r.clone()
            .any(|k| crate::events::cues::starts(list, &ctx.lower(k)))
    })
}

/// "Zur Begrüßung waren X und Y gekommen": people coming to welcome the travellers.
fn welcomes(ctx: &Ctx, i: &Instance) -> bool {
    i.frame == "travel" && role_says(ctx, i, "purpose", "welcome_nouns")
}

/// "begleiteten X und Y die Gäste", "Zur Begrüßung waren X und Y gekommen": escorting the
/// guests or coming to welcome them is hosting them.
fn hosts_guests(ctx: &Ctx, i: &Instance) -> bool {
    (i.frame == "accompany" && role_says(ctx, i, "traveller", "guest_nouns")) || welcomes(ctx, i)
}

/// The leg an instance tells, if it is a journey.
fn leg_of(f: &Found, i: &Instance) -> Option<Leg> {
    let (travel_role, met_role) = match i.frame {
        "travel" | "visit" | "return" => ("traveller", None),
        "receive" => ("guest", Some("host")),
        _ => return None,
    };
    // "Aschersleben reist nach Tartu", "eine Ascherslebener Abordnung": a town as traveller is
    // where the travellers come from.
    let (mut travellers, acting_towns) = split_by_type(i, travel_role);
    // "eine Abordnung um X": the head of the group travels too.
    travellers.extend(i.entities("leader").filter(|e| e.ty == EntityType::Person));
    let (met_dest, dests) = split_by_type(i, "destination");
    let (_, mut origins) = split_by_type(i, "origin");
    origins.extend(acting_towns);
    let mut met = met_dest;
    if let Some(r) = met_role {
        met.extend(i.entities(r));
    }
    let origin = origins
        .iter()
        .copied()
        .find(|o| !is_country(f, *o))
        .or(origins.first().copied());
    // "aus dem Kreis X in Finnland": a country or region holding a town of origin locates it,
    // whether the gazetteer knows the town or not (a country or region in the phrase right
    // after the origin's).
    let locative = locating_phrase(f, i);
    let dests: Vec<EntityRef> = dests
        .into_iter()
        .filter(|d| {
            Some(*d) != origin
                && !(locative.contains(d)
                    && (is_country(f, *d)
                        || place_kind(f, *d) == delegraph_gazetteer::places::PlaceKind::Region))
                && !origins
                    .iter()
                    .any(|o| *o != *d && same_place(f, Some(*d), Some(*o)))
        })
        .collect();
    Some(Leg {
        group: group_in(i, travel_role),
        explicit: origin.is_some() && !dests.is_empty(),
        explicit_origin: origin.is_some(),
        received: i.frame == "receive",
        unnamed_ends: (false, false),
        travellers,
        origin,
        dests,
        met,
        companions: i.entities("companion").collect(),
        status: i.status,
        sentence: i.sentence,
    })
}

/// Whether every phrase of a role names a town by a noun alone: "aus der Partnerstadt", "in
/// die Atlantikstadt", "aus der Nachbargemeinde" (no entity in the phrase).
fn unnamed_town(ctx: &Ctx, f: &Found, i: &Instance, role: &str) -> bool {
    let mut spans = i.spans(role).peekable();
    spans.peek().is_some()
        && spans.all(|r| {
            r.len() <= 4
                && !f.index.iter().any(|(t, _)| r.contains(&t.start))
                && r.clone().any(|k| {
                    let w = ctx.lower(k);
                    crate::events::cues::ends("town_nouns", &w)
                        && !crate::events::cues::ends("town_nouns_not", &w)
                })
        })
}

/// The places of "in" phrases that follow an origin's phrase directly ("aus dem Kreis X in
/// Y"); "aus X nach Y" names both ends of the journey.
fn locating_phrase(f: &Found, i: &Instance) -> Vec<EntityRef> {
    i.slots
        .iter()
        .filter(|(role, slot, r)| {
            *role == "destination"
                && matches!(slot, crate::frames::Slot::Pp(p) if p == "in")
                && i.slots
                    .iter()
                    .any(|(o, _, or)| *o == "origin" && or.end == r.start)
        })
        .flat_map(|(_, _, r)| {
            f.index
                .iter()
                .filter(move |(t, _)| t.start >= r.start && t.start < r.end)
                .map(|(_, e)| *e)
        })
        .collect()
}

/// The document's home town: its dateline, else the town it names most that it never calls
/// someone's partner ("die Partnerstadt X", "die finnische Stadt X"), else the reported
/// trip's origin.
pub(crate) fn home_town(ctx: &Ctx, f: &Found, trips: &[TripB]) -> Option<EntityRef> {
    if let Some(d) = dateline(ctx, f).or_else(|| publisher(ctx, f)) {
        return Some(d);
    }
    let partner_called = |k: usize| {
        (k.saturating_sub(3)..k).any(|x| {
            let l = ctx.lower(x);
            l.starts_with("partner")
                || l.starts_with("schwester")
                || (l == "stadt"
                    && x > 0
                    && !ctx.is_cap(x - 1)
                    && ctx.lower(x - 1) != "der"
                    && ctx.lower(x - 1) != "die")
        })
    };
    let mut counts: Vec<(usize, usize, EntityRef)> = Vec::new();
    for (t, e) in &f.index {
        if e.ty != EntityType::Place || is_country(f, *e) {
            continue;
        }
        match counts.iter_mut().find(|(_, _, x)| x == e) {
            Some(c) => c.0 += 1,
            None => counts.push((1, t.start, *e)),
        }
    }
    // "sein Amtskollege X aus Y", "die Gäste aus Y": the guests' town is not home.
    let guests_town = |k: usize| {
        k >= 2
            && ctx.lower(k - 1) == "aus"
            && f.index
                .iter()
                .any(|(t, e)| t.end == k - 1 && e.ty == EntityType::Person)
    };
    let partners: Vec<EntityRef> = f
        .index
        .iter()
        .filter(|(t, e)| {
            e.ty == EntityType::Place && (partner_called(t.start) || guests_town(t.start))
        })
        .map(|(_, e)| *e)
        .collect();
    counts
        .iter()
        .filter(|(_, _, e)| !partners.contains(e))
        .max_by_key(|(n, first, _)| (*n, std::cmp::Reverse(*first)))
        .map(|(_, _, e)| *e)
        .or_else(|| trips.first().and_then(|t| t.origin))
}

/// The town that publishes the text, named in its first lines as a municipality: "Aktuelle
/// Meldungen | Stadt X", "Pressemitteilungen der Gemeinde X".
pub(crate) fn publisher(ctx: &Ctx, f: &Found) -> Option<EntityRef> {
    // The first four lines (a headline may come first).
    let limit = ctx
        .toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.newlines_before > 0)
        .nth(4)
        .map_or(ctx.len(), |(i, _)| i);
    let municipal = |k: usize| {
        matches!(
            ctx.lower(k).as_str(),
            "stadt" | "hansestadt" | "gemeinde" | "landkreis" | "kreisstadt" | "marktgemeinde"
        )
    };
    // "Sitzung des Gemeinderates der Marktgemeinde X": the council of a municipality named in
    // the first lines (minutes, drafts) publishes for its town.
    let council = f
        .index
        .iter()
        .take_while(|(t, _)| t.start < limit)
        .filter(|(t, e)| e.ty == EntityType::Organization && t.clone().any(municipal))
        .find_map(|(_, e)| org_place(f, *e));
    if council.is_some() {
        return council;
    }
    f.index
        .iter()
        .take_while(|(t, _)| t.start < limit)
        .find(|(t, e)| {
            let before = t
                .start
                .checked_sub(1)
                .map(|k| ctx.lower(k))
                .unwrap_or_default();
            let si = ctx.sent_of[t.start];
            e.ty == EntityType::Place
                && matches!(
                    before.as_str(),
                    "stadt"
                        | "hansestadt"
                        | "gemeinde"
                        | "landkreis"
                        | "kreisstadt"
                        | "marktgemeinde"
                )
                && (ctx.boiler[si] || ctx.sents[si].len() < 12)
        })
        .map(|(_, e)| *e)
}

/// Fills the missing end of a leg: the travellers' office place or the home town; a leg that
/// names neither end comes from the town of the body travelling with them ("X, der mit
/// Mitarbeitern der Stadtverwaltung von Y angereist war") to the home town.
fn complete(f: &Found, leg: &mut Leg, home: Option<EntityRef>) {
    if leg.origin.is_none() && !leg.dests.is_empty() {
        let office = leg
            .travellers
            .iter()
            .filter(|t| t.ty == EntityType::Person)
            .find_map(|p| office_place(f, p.index));
        leg.origin = office.or(home).filter(|o| !leg.dests.contains(o));
    }
    if leg.origin.is_none() && leg.dests.is_empty() {
        leg.origin = leg
            .companions
            .iter()
            .filter(|c| c.ty == EntityType::Organization)
            .find_map(|c| org_place(f, *c))
            .filter(|o| !is_country(f, *o) && Some(*o) != home);
    }
    if leg.dests.is_empty()
        && let Some(o) = leg.origin
        && let Some(h) = home.filter(|h| *h != o)
    {
        leg.dests.push(h);
    }
}

/// Every leg of the document, completed.
pub(crate) fn legs(ctx: &Ctx, f: &Found, inst: &[Instance], trips: &[TripB]) -> Vec<Leg> {
    let home = home_town(ctx, f, trips);
    let raw: Vec<Leg> = inst.iter().flat_map(|i| legs_of(ctx, f, i)).collect();
    // "Diesmal kamen die Gäste aus X: Bürgermeister Y ist nach Z gekommen": clauses of one
    // sentence tell one journey; a leg without origin takes the one its sentence states.
    let stated_origin = |l: &Leg| {
        raw.iter()
            .filter(|o| o.sentence == l.sentence && o.status == l.status && o.explicit_origin)
            .find_map(|o| o.origin)
            .filter(|o| !l.dests.contains(o))
    };
    let raw: Vec<Leg> = raw
        .iter()
        .map(|l| {
            let mut l = l.clone();
            if l.origin.is_none() && !l.received {
                l.origin = stated_origin(&l);
            }
            l
        })
        .collect();
    let partner = partner_town(f, inst, home);
    raw.into_iter()
        .map(|mut l| {
            // "aus der Partnerstadt": the one partner town the text names.
            // The clause states the end, by a noun: as explicit as a name.
            if l.origin.is_none() && l.unnamed_ends.0 {
                l.origin = partner.filter(|p| !l.dests.contains(p));
                l.explicit_origin = l.origin.is_some();
                l.explicit = l.explicit_origin;
            }
            if l.dests.is_empty() && l.unnamed_ends.1 {
                l.dests.extend(partner.filter(|p| Some(*p) != l.origin));
            }
            complete(f, &mut l, home);
            l
        })
        .filter(|l| l.origin.is_some() && !l.dests.is_empty() && l.status != Status::Negated)
        .collect()
}

/// The document's partner town: the one town (not the home town, not a country) that its
/// partnership phrases name ("die Partnerstadt X", "die Städtepartnerschaft mit X").
fn partner_town(f: &Found, inst: &[Instance], home: Option<EntityRef>) -> Option<EntityRef> {
    let mut towns: Vec<EntityRef> = Vec::new();
    // Partnership nouns only: a bond verb ("ist seit 1999 mit X verbunden") names a further
    // partner the text lists, not the one its town nouns refer to.
    for p in inst
        .iter()
        .filter(|i| i.frame == "partnership" && i.noun)
        .flat_map(|i| i.entities("partner"))
        .filter(|p| p.ty == EntityType::Place && !is_country(f, *p) && Some(*p) != home)
    {
        if !towns.contains(&p) {
            towns.push(p);
        }
    }
    (towns.len() == 1).then(|| towns[0])
}

/// Whether two places may name the same end of a journey: equal, a country and a place in
/// it, a region and a town in it.
pub(crate) fn same_place(f: &Found, a: Option<EntityRef>, b: Option<EntityRef>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x == y
                || ((is_country(f, x) || is_country(f, y))
                    && country_of(f, x).is_some()
                    && country_of(f, x) == country_of(f, y))
                || contains_place(f, x, y)
                || contains_place(f, y, x)
        }
        _ => false,
    }
}

/// Legs of one direction, in text order.
#[derive(Debug, Clone)]
struct Cluster {
    legs: Vec<Leg>,
}

impl Cluster {
    fn origin(&self) -> Option<EntityRef> {
        self.legs.iter().find_map(|l| l.origin)
    }
    fn dests(&self, f: &Found) -> Vec<EntityRef> {
        let mut out: Vec<EntityRef> = Vec::new();
        for d in self.legs.iter().flat_map(|l| l.dests.iter()) {
            if !out.contains(d) {
                out.push(*d);
            }
        }
        // A country only where no city of it is named.
        let cities: Vec<Option<String>> = out
            .iter()
            .filter(|d| !is_country(f, **d))
            .map(|d| country_of(f, *d))
            .collect();
        out.retain(|d| !is_country(f, *d) || !cities.contains(&country_of(f, *d)));
        out
    }
    fn strong(&self) -> bool {
        self.legs
            .iter()
            .any(|l| l.explicit || l.travellers.iter().any(|t| t.ty == EntityType::Person))
    }
}

/// Groups legs by direction; a country end joins a city of the same country.
fn clusters(f: &Found, legs: Vec<Leg>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for mut leg in legs {
        // Every end the cluster's legs name, countries included: "nach Kroatien", "in Split",
        // "nach Zadar" are one journey though Split stands for Kroatien among its ends.
        let found = out.iter_mut().find(|c| {
            same_place(f, c.origin(), leg.origin)
                && leg.dests.iter().any(|d| {
                    c.legs
                        .iter()
                        .flat_map(|l| l.dests.iter())
                        .any(|x| same_place(f, Some(*x), Some(*d)))
                })
        });
        match found {
            Some(c) => {
                // The city is the better end: "aus Finnland" and "aus Kuopio" are one origin.
                if c.origin().is_some_and(|o| is_country(f, o))
                    && leg.origin.is_some_and(|o| !is_country(f, o))
                {
                    c.legs.iter_mut().for_each(|l| l.origin = leg.origin);
                } else if leg.origin.is_some_and(|o| is_country(f, o)) {
                    leg.origin = c.origin();
                }
                c.legs.push(leg);
            }
            None => out.push(Cluster { legs: vec![leg] }),
        }
    }
    out
}

/// A trip from a cluster the legacy builder did not tell.
fn trip_of(ctx: &Ctx, f: &Found, c: &Cluster, times: &[TimeExpr]) -> TripB {
    let persons: Vec<EntityRef> = c
        .legs
        .iter()
        .flat_map(|l| l.travellers.iter().copied())
        .filter(|t| t.ty == EntityType::Person)
        .collect();
    let rank_of = |p: &EntityRef| rank_of(f, *p);
    // Unnamed travellers are led by the highest-ranking official of their town the text names
    // ("Kuopios Bürgermeister X").
    let officials: Vec<EntityRef> = (0..f.persons.len())
        .map(EntityRef::person)
        .filter(|p| c.origin().is_some() && office_place(f, p.index) == c.origin())
        .collect();
    let pool = if persons.is_empty() {
        &officials
    } else {
        &persons
    };
    let leader = pool
        .iter()
        .copied()
        .filter(|p| rank_of(p) > 0)
        .max_by_key(|p| (rank_of(p), std::cmp::Reverse(p.index)))
        .or_else(|| persons.first().copied());
    let mut members: Vec<EntityRef> = Vec::new();
    for m in persons
        .iter()
        .chain(c.legs.iter().flat_map(|l| l.companions.iter()))
    {
        if Some(*m) != leader && !members.contains(m) {
            members.push(*m);
        }
    }
    let mut meetings: Vec<EntityRef> = Vec::new();
    for m in c.legs.iter().flat_map(|l| l.met.iter()) {
        if !meetings.contains(m) && !members.contains(m) && Some(*m) != leader {
            meetings.push(*m);
        }
    }
    let (start, end) = c
        .legs
        .iter()
        .find_map(|l| {
            in_sentence(times, ctx, l.sentence)
                .iter()
                .find_map(|te| match te.value {
                    TimeValue::Point(p) if p.month.is_some() => Some((Some(p), None)),
                    TimeValue::Range(a, b) => Some((Some(a), Some(b))),
                    _ => None,
                })
        })
        .unwrap_or((None, None));
    TripB {
        leader,
        origin: c.origin(),
        destinations: c.dests(f),
        start,
        end,
        members,
        meetings,
        status: c.legs[0].status,
        sentences: c.legs.iter().map(|l| l.sentence).collect(),
        ..Default::default()
    }
}

/// Corrects one legacy trip by the clusters: the journey its leader is said to make wins; a
/// cluster of the same direction refines a country end; one told the other way round with
/// both ends in its clause turns it.
fn correct(f: &Found, clusters: &[Cluster], used: &mut [bool], t: &mut TripB) {
    let dests_meet =
        |c: &Cluster, o: Option<EntityRef>| c.dests(f).iter().any(|d| same_place(f, Some(*d), o));
    let shares_dest = |c: &Cluster| t.destinations.iter().any(|d| dests_meet(c, Some(*d)));
    let reversed = |c: &Cluster| {
        dests_meet(c, t.origin)
            && t.destinations
                .iter()
                .any(|d| same_place(f, Some(*d), c.origin()))
    };
    let led = |c: &Cluster| {
        t.leader
            .is_some_and(|p| c.legs.iter().any(|l| l.travellers.contains(&p)))
    };
    // A trip without origin takes it from the journey its leader, or a group nobody named,
    // makes to one of its stops.
    let unnamed = |c: &Cluster| c.legs.iter().all(|l| l.group && l.travellers.is_empty());
    if t.origin.is_none()
        && let Some(ci) = clusters.iter().position(|c| {
            (led(c) || unnamed(c))
                && shares_dest(c)
                && c.origin().is_some()
                && !t
                    .destinations
                    .iter()
                    .any(|d| same_place(f, Some(*d), c.origin()))
        })
    {
        used[ci] = true;
        t.origin = clusters[ci].origin();
        t.destinations.retain(|d| Some(*d) != t.origin);
        return;
    }
    // The leader's journey goes to (a region holding) the trip's origin, and starts from none
    // of its stops: that origin was a stop ("mit einer Delegation in Niederschlesien
    // unterwegs" after a signing in one of its towns).
    if let Some(ci) = clusters.iter().position(|c| {
        led(c)
            && dests_meet(c, t.origin)
            && c.origin().is_some()
            && !same_place(f, c.origin(), t.origin)
            && !t
                .destinations
                .iter()
                .any(|d| same_place(f, Some(*d), c.origin()))
    }) {
        used[ci] = true;
        if let Some(old) = t.origin.filter(|o| !is_country(f, *o))
            && !t.destinations.contains(&old)
        {
            t.destinations.insert(0, old);
        }
        t.origin = clusters[ci].origin();
        return;
    }
    let turn = clusters.iter().position(|c| led(c) && reversed(c));
    let same: Vec<usize> = (0..clusters.len())
        .filter(|&ci| same_place(f, clusters[ci].origin(), t.origin) && shares_dest(&clusters[ci]))
        .collect();
    if turn.is_none()
        && let Some(&ci) = same.first()
    {
        same.iter().for_each(|&c| used[c] = true);
        if t.origin.is_some_and(|o| is_country(f, o)) {
            t.origin = clusters[ci].origin();
        }
        towns_of_country_ends(f, same.iter().map(|&c| &clusters[c]), t);
        return;
    }
    // A journey only planned ("Im September will eine Gruppe aus X nach Y reisen") is another
    // trip, not the direction of one that took place.
    let same_time = |c: &Cluster| {
        t.status != Status::Completed || c.legs.iter().any(|l| l.status == Status::Completed)
    };
    let Some(ci) = turn.or_else(|| {
        clusters
            .iter()
            .position(|c| c.legs.iter().any(|l| l.explicit) && reversed(c) && same_time(c))
    }) else {
        return;
    };
    used[ci] = true;
    t.origin = clusters[ci].origin();
    t.destinations = clusters[ci].dests(f);
    // The clauses that state the direction are the trip's evidence.
    for l in &clusters[ci].legs {
        if !t.sentences.contains(&l.sentence) {
            t.sentences.push(l.sentence);
        }
    }
}

/// "nach Land X" in the trip's sentence, "besuchte die Gruppe A und B" (towns of X) in a
/// clause of the same journey: a country the trip goes to gives way to its towns those clauses
/// name.
fn towns_of_country_ends<'c>(f: &Found, same: impl Iterator<Item = &'c Cluster>, t: &mut TripB) {
    let countries: Vec<Option<String>> = t
        .destinations
        .iter()
        .filter(|d| is_country(f, **d))
        .map(|d| country_of(f, *d))
        .collect();
    if countries.is_empty() {
        return;
    }
    for c in same {
        for d in c.dests(f) {
            if !is_country(f, d)
                && d.ty == EntityType::Place
                && countries.contains(&country_of(f, d))
                && Some(d) != t.origin
                && !t.destinations.contains(&d)
            {
                t.destinations.push(d);
            }
        }
    }
    // A country only where no city of it is named.
    crate::events::drop_countries_with_cities(f, &mut t.destinations);
}

/// A trip does not go where it starts: a destination equal to the origin (the guests' town
/// named in a sentence of the visit) is dropped while another remains.
fn no_round_trip(t: &mut TripB) {
    if t.destinations.iter().any(|d| Some(*d) != t.origin) {
        t.destinations.retain(|d| Some(*d) != t.origin);
    }
}

/// Corrects the legacy trips by the legs and adds the journeys they missed.
pub(crate) fn assemble(
    ctx: &Ctx,
    f: &Found,
    inst: &[Instance],
    times: &[TimeExpr],
    trips: &mut Vec<TripB>,
) {
    let legs = legs(ctx, f, inst, trips);
    if crate::frames::tracing() {
        debug(f, inst, &legs);
    }
    let clusters = clusters(f, legs);
    let had_trips = !trips.is_empty();
    let mut used = vec![false; clusters.len()];
    for t in trips.iter_mut() {
        correct(f, &clusters, &mut used, t);
        no_round_trip(t);
    }
    for (ci, c) in clusters.iter().enumerate() {
        if !used[ci]
            && (c.strong() || !had_trips)
            && !trips
                .iter()
                .any(|t| t.origin == c.origin() && t.destinations == c.dests(f))
        {
            let new = trip_of(ctx, f, c, times);
            // The date of the journey the other way round is not the reported trip's.
            for t in trips.iter_mut() {
                let reversed = same_place(f, t.origin, new.destinations.first().copied())
                    && t.destinations
                        .iter()
                        .any(|d| same_place(f, Some(*d), new.origin));
                if reversed && new.start.is_some() && t.start == new.start {
                    t.start = None;
                    t.end = None;
                }
            }
            trips.push(new);
        }
    }
    let home = home_town(ctx, f, trips);
    crate::sides::orient(ctx, f, inst, home, trips);
    attach(ctx, f, inst, trips, home);
    for t in trips.iter_mut() {
        refine_origin(f, inst, t);
        demote_host_leader(f, inst, home, t);
        origin_head_leads(f, inst, home, t);
    }
    stated_leaders(ctx, f, inst, trips);
    background_company(ctx, f, inst, trips);
    crate::events::travelling_bodies(ctx, f, trips);
}

/// "Vor einem Jahr war eine Abordnung aus A nach B gereist … Jetzt haben die Gäste aus B den
/// Besuch erwidert": a journey told only in the pluperfect is background. The people the
/// text names outside its own sentences were met on the journey it reports — the one the
/// other way round, told in another tense.
fn background_company(ctx: &Ctx, f: &Found, inst: &[Instance], trips: &mut [TripB]) {
    // The clauses that tell of a trip: in its sentences, going to one of its stops.
    let journeys = |t: &TripB| {
        inst.iter()
            .filter(|i| matches!(i.frame, "travel" | "visit" | "return" | "receive"))
            .filter(|i| t.sentences.contains(&i.sentence))
            .filter(|i| {
                i.entities("destination").any(|d| {
                    t.destinations
                        .iter()
                        .any(|x| same_place(f, Some(*x), Some(d)))
                })
            })
            .map(|i| (i.sentence, i.earlier))
            .collect::<Vec<(usize, bool)>>()
    };
    let told: Vec<Vec<(usize, bool)>> = trips.iter().map(journeys).collect();
    for a in 0..trips.len() {
        if told[a].is_empty() || told[a].iter().any(|(_, e)| !e) {
            continue;
        }
        let Some(b) = (0..trips.len()).find(|&b| {
            b != a
                && told[b].iter().any(|(_, e)| !e)
                && trips[b]
                    .destinations
                    .iter()
                    .any(|d| same_place(f, Some(*d), trips[a].origin))
        }) else {
            continue;
        };
        let own: Vec<usize> = told[a].iter().map(|(s, _)| *s).collect();
        let named_in_own = |e: &EntityRef| {
            f.index
                .iter()
                .any(|(t, x)| x == e && own.contains(&ctx.sent_of[t.start]))
        };
        let (stay, go): (Vec<EntityRef>, Vec<EntityRef>) =
            trips[a].meetings.iter().partition(|m| named_in_own(m));
        trips[a].meetings = stay;
        // Nor did those named elsewhere travel on it.
        trips[a].members.retain(|m| named_in_own(m));
        let t = &mut trips[b];
        for m in go {
            if t.leader != Some(m) && !t.members.contains(&m) && !t.meetings.contains(&m) {
                t.meetings.push(m);
            }
        }
    }
}

/// "X führte die Reisegruppe aus Y an", "angeführt wurde die Abordnung von X": a clause of the
/// lead frame whose object is the travelling group, or a journey's "eine Abordnung um X",
/// names the leader of its trip (the one with
/// that origin, else the one the clause tells of). The former leader travels along, unless a
/// clause shows them receiving guests.
fn stated_leaders(ctx: &Ctx, f: &Found, inst: &[Instance], trips: &mut [TripB]) {
    for i in inst.iter().filter(|i| {
        matches!(i.frame, "lead" | "travel" | "visit" | "return") && i.status != Status::Negated
    }) {
        // A journey's "eine Abordnung um X" is the group's; "X leitet …" must lead the group.
        let of_group = i.frame != "lead"
            || i.spans("group").any(|r| {
                r.clone()
                    .any(|k| crate::events::cues::contains("led_groups", &ctx.lower(k)))
            });
        let Some(leader) = i.entities("leader").find(|e| e.ty == EntityType::Person) else {
            continue;
        };
        if !of_group {
            continue;
        }
        let origin = i.entities("origin").find(|o| o.ty == EntityType::Place);
        // A journey's clause names the leader of a trip to where it goes.
        let goes_to = |t: &TripB| {
            i.frame == "lead"
                || i.entities("destination").all(|d| {
                    t.destinations
                        .iter()
                        .any(|x| same_place(f, Some(*x), Some(d)))
                })
        };
        let ti = match origin {
            Some(o) => trips
                .iter()
                .position(|t| same_place(f, t.origin, Some(o)))
                .or_else(|| trip_of_instance(trips, i).filter(|&t| trips[t].origin.is_none())),
            None => trip_of_instance(trips, i),
        };
        let Some(ti) = ti.filter(|&t| goes_to(&trips[t])) else {
            continue;
        };
        let t = &mut trips[ti];
        if let Some(old) = t.leader.filter(|l| *l != leader) {
            let list = if receives(inst, old) {
                &mut t.meetings
            } else {
                &mut t.members
            };
            if !list.contains(&old) {
                list.push(old);
            }
        }
        set_leader(t, leader);
        if !t.sentences.contains(&i.sentence) {
            t.sentences.push(i.sentence);
        }
    }
}

/// The highest office rank a person holds (0 without office).
pub(crate) fn rank_of(f: &Found, p: EntityRef) -> i32 {
    f.persons[p.index]
        .offices
        .iter()
        .map(|o| crate::events::rank(o.head))
        .max()
        .unwrap_or(0)
}

/// A visit to the home town from a town whose head of government the text names ("der
/// Bürgermeister von X, Y", "Xs Bürgermeister Y"): that head leads it, not someone of the
/// receiving side — a leader whose office is at a stop, or who receives the guests, goes to
/// the meetings. The head must not be shown receiving anyone, and outranks a leader who holds
/// no office at the origin.
fn origin_head_leads(f: &Found, inst: &[Instance], home: Option<EntityRef>, t: &mut TripB) {
    let (Some(origin), Some(home)) = (t.origin, home) else {
        return;
    };
    let to_home = t
        .destinations
        .iter()
        .any(|d| same_place(f, Some(*d), Some(home)));
    if is_country(f, origin) || !to_home || same_place(f, Some(origin), Some(home)) {
        return;
    }
    let receives = |p: EntityRef| receives(inst, p);
    let of_origin = |p: EntityRef| office_place(f, p.index) == Some(origin);
    if t.leader.is_some_and(of_origin) {
        return;
    }
    let Some(head) = (0..f.persons.len())
        .map(EntityRef::person)
        .filter(|p| of_origin(*p) && rank_of(f, *p) >= 5 && !receives(*p))
        .max_by_key(|p| (rank_of(f, *p), std::cmp::Reverse(p.index)))
    else {
        return;
    };
    if let Some(l) = t.leader {
        let local = office_place(f, l.index).is_some_and(|pl| {
            t.destinations
                .iter()
                .any(|d| same_place(f, Some(*d), Some(pl)))
        });
        if !local && !receives(l) && rank_of(f, l) >= rank_of(f, head) {
            return;
        }
        if !t.meetings.contains(&l) {
            t.meetings.push(l);
        }
    }
    set_leader(t, head);
}

/// Makes `p` the trip's leader, who is then neither a member nor someone met.
fn set_leader(t: &mut TripB, p: EntityRef) {
    t.leader = Some(p);
    t.members.retain(|m| *m != p);
    t.meetings.retain(|m| *m != p);
}

/// Whether a clause that is not negated shows `p` receiving guests.
fn receives(inst: &[Instance], p: EntityRef) -> bool {
    inst.iter()
        .filter(|i| i.frame == "receive" && i.status != Status::Negated)
        .any(|i| i.entities("host").any(|h| h == p))
}

/// A country or region of origin gives way to the town in it that a clause names as where
/// travellers come from ("Delegation aus Kuopio" in a report of guests "aus
/// Finnland").
fn refine_origin(f: &Found, inst: &[Instance], t: &mut TripB) {
    let Some(o) = t.origin else { return };
    let broad =
        is_country(f, o) || place_kind(f, o) == delegraph_gazetteer::places::PlaceKind::Region;
    if !broad {
        return;
    }
    let town = inst.iter().flat_map(|i| i.entities("origin")).find(|p| {
        *p != o
            && !is_country(f, *p)
            && !t.destinations.contains(p)
            && same_place(f, Some(o), Some(*p))
    });
    if let Some(town) = town.or_else(|| only_town_in(f, inst, t, o)) {
        t.origin = Some(town);
    }
}

/// "Bürgermeister Z … mit einer Delegation aus der Provinz X" in a text that names one town of
/// X ("Delegation der Stadtregierung von Y aus der Provinz X"), or several of which one is
/// called a partner ("die Partnergemeinde Y"): the travellers come from that town. Towns the
/// trip goes to do not count.
fn only_town_in(f: &Found, inst: &[Instance], t: &TripB, o: EntityRef) -> Option<EntityRef> {
    let inside = |p: EntityRef| {
        p != o
            && !t.destinations.contains(&p)
            && matches!(
                place_kind(f, p),
                delegraph_gazetteer::places::PlaceKind::City
                    | delegraph_gazetteer::places::PlaceKind::District
            )
            && (contains_place(f, o, p)
                || is_country(f, o)
                    && country_of(f, o).is_some()
                    && country_of(f, o) == country_of(f, p))
    };
    let towns: Vec<EntityRef> = (0..f.places.len())
        .map(EntityRef::place)
        .filter(|&p| inside(p))
        .collect();
    // A region's or a country's government comes from its seat, which is often the one town
    // named: only a mayor's delegation is a town's.
    let mayor = t.leader.is_some_and(|l| {
        l.ty == EntityType::Person
            && f.persons[l.index].offices.iter().any(|o| {
                o.head.ends_with("bürgermeister")
                    || o.head.ends_with("bürgermeisterin")
                    || crate::lexicon::FOREIGN_MAYORS.contains(&o.head)
            })
    });
    if let ([town], true) = (&towns[..], mayor) {
        return Some(*town);
    }
    let mut partners = inst
        .iter()
        .filter(|i| i.frame == "partnership" && i.noun)
        .flat_map(|i| {
            i.roles.iter().filter_map(|(_, r)| match r {
                Filler::Entity(e) => Some(*e),
                Filler::Group(_) => None,
            })
        })
        .filter(|p| towns.contains(p))
        .collect::<Vec<_>>();
    partners.sort_unstable();
    partners.dedup();
    match partners[..] {
        [town] => Some(town),
        _ => None,
    }
}

/// A leader whom a clause shows receiving the visit is a host: the highest-ranking member
/// leads instead. Not on a journey of the host's own (one that does not go to the host's
/// town: "hat den Botschafter begrüßt. Im Mai will die Oberbürgermeisterin nach X reisen").
fn demote_host_leader(f: &Found, inst: &[Instance], home: Option<EntityRef>, t: &mut TripB) {
    let Some(l) = t.leader else { return };
    let hosts = receives(inst, l);
    let own_journey = office_place(f, l.index).or(home).is_some_and(|home| {
        !t.destinations
            .iter()
            .any(|d| same_place(f, Some(*d), Some(home)))
    });
    if !hosts || own_journey {
        return;
    }
    t.leader = None;
    if !t.meetings.contains(&l) {
        t.meetings.push(l);
    }
    let rank_of = |p: &EntityRef| rank_of(f, *p);
    if let Some(m) = t
        .members
        .iter()
        .copied()
        .filter(|m| m.ty == EntityType::Person && rank_of(m) >= 5)
        .max_by_key(rank_of)
    {
        t.leader = Some(m);
        t.members.retain(|x| *x != m);
    }
}

fn debug(f: &Found, inst: &[Instance], legs: &[Leg]) {
    let name = |e: &EntityRef| match e.ty {
        EntityType::Person => f.persons[e.index].name(),
        EntityType::Organization => f.orgs[e.index].name.clone(),
        EntityType::Place => delegraph_gazetteer::places::Places::get()
            .place(f.places[e.index].id)
            .name
            .clone(),
    };
    let names = |v: &[EntityRef]| v.iter().map(name).collect::<Vec<_>>().join(", ");
    for i in inst {
        let roles: Vec<String> = i
            .roles
            .iter()
            .map(|(r, fl)| match fl {
                Filler::Entity(e) => format!("{r}={}", name(e)),
                Filler::Group(_) => format!("{r}=<group>"),
            })
            .collect();
        eprintln!(
            "inst s{} c{} {} {:?} [{}]",
            i.sentence,
            i.clause,
            i.frame,
            i.status,
            roles.join("; ")
        );
    }
    for l in legs {
        eprintln!(
            "leg s{} {:?} [{}{}] {} -> {} met [{}] explicit={}",
            l.sentence,
            l.status,
            names(&l.travellers),
            if l.group { " +group" } else { "" },
            l.origin.as_ref().map(name).unwrap_or_default(),
            names(&l.dests),
            names(&l.met),
            l.explicit
        );
    }
}

/// The trip an instance tells about: the one told in its sentence, else the one its
/// travellers travel on, else the only one.
fn trip_of_instance(trips: &[TripB], i: &Instance) -> Option<usize> {
    if let Some(t) = trips.iter().position(|t| t.sentences.contains(&i.sentence)) {
        return Some(t);
    }
    let travels = |t: &TripB, e: EntityRef| t.leader == Some(e) || t.members.contains(&e);
    let people: Vec<EntityRef> = ["traveller", "guest"]
        .iter()
        .flat_map(|r| i.entities(r))
        .collect();
    if let Some(t) = trips
        .iter()
        .position(|t| people.iter().any(|p| travels(t, *p)))
    {
        return Some(t);
    }
    (trips.len() == 1).then_some(0)
}

/// Persons and organizations a frame instance adds to its trip: (members, meetings).
fn people_of(ctx: &Ctx, f: &Found, i: &Instance, t: &TripB) -> (Vec<EntityRef>, Vec<EntityRef>) {
    let hosting = hosts_guests(ctx, i);
    let not_place = |e: &EntityRef| e.ty != EntityType::Place && !is_media_or_party(f, *e);
    // A person whose office is at the destination is a host, whatever the verb says.
    let local = |e: &EntityRef| {
        e.ty == EntityType::Person
            && office_place(f, e.index).is_some_and(|p| t.destinations.contains(&p))
    };
    let mut members = Vec::new();
    let mut met = Vec::new();
    match i.frame {
        "meet" => met.extend(i.entities("met").filter(not_place)),
        "visit" => met.extend(i.entities("destination").filter(not_place)),
        "receive" => met.extend(i.entities("host").filter(not_place)),
        // Who accompanies the guests escorts them: a host.
        "accompany" if hosting => met.extend(i.entities("companion").filter(not_place)),
        "accompany" | "join" => members.extend(
            i.entities("companion")
                .filter(not_place)
                .filter(|e| !title_attribute(ctx, f, i, *e)),
        ),
        "travel" if hosting => met.extend(i.entities("traveller").filter(not_place)),
        _ => {}
    }
    let (hosts, members): (Vec<EntityRef>, Vec<EntityRef>) = members.into_iter().partition(local);
    met.extend(hosts);
    (members, met)
}

/// "der Vorsitzende des Ausschusses X, Y", "vom Geschäftsführer der Z": a body named as the
/// genitive attribute of a title in the clause says whose officer travels; it is not a
/// traveller, nor someone met, of its own.
fn title_attribute(ctx: &Ctx, f: &Found, i: &Instance, e: EntityRef) -> bool {
    e.ty == EntityType::Organization
        && f.index.iter().any(|(t, x)| {
            *x == e
                && i.span.contains(&t.start)
                && t.start >= 2
                && matches!(ctx.lower(t.start - 1).as_str(), "des" | "der")
                && crate::ner::office_head(ctx.word(t.start - 2)).is_some()
        })
}

fn is_media_or_party(f: &Found, e: EntityRef) -> bool {
    e.ty == EntityType::Organization
        && matches!(
            f.orgs[e.index].kind,
            delegraph_model::OrgKind::Media | delegraph_model::OrgKind::Party
        )
}

/// Adds the members and meetings frame instances state to their trips.
pub(crate) fn attach(
    ctx: &Ctx,
    f: &Found,
    inst: &[Instance],
    trips: &mut [TripB],
    home: Option<EntityRef>,
) {
    for i in inst.iter().filter(|i| i.status != Status::Negated) {
        let mut targets = hosted_trips(f, i, trips, home);
        if let Some(ti) = trip_of_instance(trips, i)
            && !targets.contains(&ti)
        {
            targets.push(ti);
        }
        for ti in targets {
            attach_one(ctx, f, i, &mut trips[ti]);
        }
    }
}

/// Trips a receiving instance hosts: every trip to its hosts' town ("Bürgermeisterin X hatte
/// eingeladen" at a festival of several delegations).
fn hosted_trips(f: &Found, i: &Instance, trips: &[TripB], home: Option<EntityRef>) -> Vec<usize> {
    if i.frame != "receive" {
        return Vec::new();
    }
    // Where the clause receives them ("In X empfing …"), else the hosts' town.
    let stated = i
        .entities("destination")
        .find(|d| d.ty == EntityType::Place && !is_country(f, *d));
    let towns: Vec<EntityRef> = i
        .entities("host")
        .filter(|h| h.ty == EntityType::Person)
        .filter_map(|h| office_place(f, h.index).or(stated).or(home))
        .collect();
    (0..trips.len())
        .filter(|&t| trips[t].destinations.iter().any(|d| towns.contains(d)))
        .collect()
}

/// Adds what one instance states to one trip.
fn attach_one(ctx: &Ctx, f: &Found, i: &Instance, t: &mut TripB) {
    let (members, met) = people_of(ctx, f, i, t);
    // Escorting the guests or coming to welcome them is hosting, whatever a list said before.
    if hosts_guests(ctx, i) {
        t.members.retain(|m| !met.contains(m));
    } else if matches!(i.frame, "accompany" | "join") {
        t.meetings.retain(|m| {
            !(i.entities("companion").any(|c| c == *m) && title_attribute(ctx, f, i, *m))
        });
    }
    if (!members.is_empty() || !met.is_empty()) && !t.sentences.contains(&i.sentence) {
        t.sentences.push(i.sentence);
    }
    for m in members {
        if t.leader != Some(m) && !t.members.contains(&m) {
            t.members.push(m);
            t.meetings.retain(|x| *x != m);
        }
    }
    for m in met {
        if t.leader != Some(m) && !t.members.contains(&m) && !t.meetings.contains(&m) {
            t.meetings.push(m);
        }
    }
}

/// Partnerships the noun frames state that the legacy rules missed: "die Städtepartnerschaft
/// mit X" and "die Partnerstadt X" pair X with the document's home town; "die Partnerschaft
/// zwischen X und Y" pairs the two. The founding year comes from the sentence ("seit 1989",
/// "seit 35 Jahren", "30-jähriges Jubiläum").
pub(crate) fn partnerships(
    ctx: &Ctx,
    f: &Found,
    inst: &[Instance],
    times: &[TimeExpr],
    published: Option<PartialDate>,
    trips: &[TripB],
    out: &mut Vec<PartnershipB>,
) {
    let home = home_town(ctx, f, trips);
    if crate::frames::tracing() {
        eprintln!(
            "home {:?}",
            home.map(|h| Places::get().place(f.places[h.index].id).name.clone())
        );
    }
    let level = |e: EntityRef| place_kind(f, e) == delegraph_gazetteer::places::PlaceKind::Region;
    for i in inst
        .iter()
        .filter(|i| i.frame == "partnership" && i.status != Status::Negated)
        .filter(|i| i.noun || bond_of_towns(ctx, f, times, i))
    {
        // A noun in a purpose phrase ("zum Partnerschaftsjubiläum reiste X aus Y") makes no
        // partner of its clause's subject; the subject of a bond verb is one.
        let mut partners: Vec<EntityRef> = Vec::new();
        for e in i.in_slots(ctx, f, |s| !(i.noun && *s == crate::frames::Slot::Subject)) {
            if e.ty == EntityType::Place && !is_country(f, e) && !partners.contains(&e) {
                partners.push(e);
            }
        }
        let pair = match partners[..] {
            [a, b] => (a, b),
            [x] => match home {
                Some(h) if h != x => (h, x),
                _ => continue,
            },
            [] => match referred_pair(ctx, f, i, home, trips, out) {
                Some(p) => p,
                None => continue,
            },
            _ => continue,
        };
        if pair.0 == pair.1 || level(pair.0) != level(pair.1) {
            continue;
        }
        let since = in_sentence(times, ctx, i.sentence)
            .iter()
            .find_map(|te| year_of_partnership(te, ctx, published))
            .or_else(|| founded_next(ctx, f, times, i.sentence, [pair.0, pair.1]));
        let known =
            |p: &PartnershipB| (p.a == pair.0 && p.b == pair.1) || (p.a == pair.1 && p.b == pair.0);
        if let Some(p) = out.iter_mut().find(|p| known(p)) {
            if p.since.is_none() {
                p.since = since;
            }
            continue;
        }
        // A partner the legacy rules already paired with someone keeps that pairing.
        if out
            .iter()
            .any(|p| [p.a, p.b].contains(&pair.1) && partners.len() == 1)
        {
            continue;
        }
        out.push(PartnershipB {
            a: pair.0,
            b: pair.1,
            since,
            sentences: vec![i.sentence],
        });
    }
    drop_denied(f, inst, home, out);
}

/// "Kempten unterhält mit X keine Städtepartnerschaft", "lehnte die Partnerschaft mit X ab":
/// the pair a clause denies (its two towns, or its one town and the home town) is no
/// partnership of the text, whichever other sentence seemed to state it.
fn drop_denied(f: &Found, inst: &[Instance], home: Option<EntityRef>, out: &mut Vec<PartnershipB>) {
    for i in inst
        .iter()
        .filter(|i| i.frame == "partnership" && i.status == Status::Negated)
    {
        let mut places: Vec<EntityRef> = Vec::new();
        for (t, e) in &f.index {
            if i.span.contains(&t.start)
                && e.ty == EntityType::Place
                && !is_country(f, *e)
                && !places.contains(e)
            {
                places.push(*e);
            }
        }
        let pair = match places[..] {
            [a, b] => (a, b),
            [x] => match home {
                Some(h) if h != x => (h, x),
                _ => continue,
            },
            _ => continue,
        };
        out.retain(|p| !((p.a == pair.0 && p.b == pair.1) || (p.a == pair.1 && p.b == pair.0)));
    }
}

/// "Seit 1999 ist X mit Y verbunden", "X ist mit Y freundschaftlich verbunden": a bond verb tells of a
/// partnership between two towns it names, as subject and after "mit" (a club or a person
/// "verbunden" with a town is none); a weak one only with the year since which the bond holds
/// in its clause ("X und Y verbindet seit 2011 eine Vereinbarung" names something else).
fn bond_of_towns(ctx: &Ctx, f: &Found, times: &[TimeExpr], i: &Instance) -> bool {
    use crate::frames::Slot;
    let town_in = |which: &dyn Fn(&Slot) -> bool| {
        i.in_slots(ctx, f, which)
            .any(|e| e.ty == EntityType::Place && !is_country(f, e))
    };
    let dated = || {
        in_sentence(times, ctx, i.sentence).iter().any(|te| {
            matches!(te.value, TimeValue::Since(_))
                && ctx
                    .token_at_byte(te.span.start)
                    .is_some_and(|t| i.span.contains(&t))
        })
    };
    town_in(&|s| *s == Slot::Subject)
        && town_in(&|s| matches!(s, Slot::Pp(p) if p == "mit"))
        && (!i.weak || dated())
}

/// "… erinnerte an die Städtepartnerschaft, die 1996 unterzeichnet wurde": a partnership named
/// by a definite bond noun without its partner is the one partnership the text already
/// states, else the home town's with the other end of the reported trip.
fn referred_pair(
    ctx: &Ctx,
    f: &Found,
    i: &Instance,
    home: Option<EntityRef>,
    trips: &[TripB],
    out: &[PartnershipB],
) -> Option<(EntityRef, EntityRef)> {
    let k = i.trigger;
    let definite =
        (k.saturating_sub(3)..k).any(|x| crate::events::cues::is("definite_bond", &ctx.lower(x)));
    if !crate::events::cues::is("bond_nouns", &ctx.lower(k))
        || !definite
        || matches!(i.status, Status::Planned | Status::Announced)
    {
        return None;
    }
    match out {
        [p] => return Some((p.a, p.b)),
        [] => {}
        _ => return None,
    }
    let h = home?;
    let t = trips.first()?;
    let other = if t.origin == Some(h) {
        match t.destinations[..] {
            [d] => d,
            _ => return None,
        }
    } else if t.destinations.contains(&h) {
        t.origin?
    } else {
        return None;
    };
    (other != h && !is_country(f, other)).then_some((h, other))
}

/// "Seit 35 Jahren besteht die Partnerschaft mit X. Im November 1989 wurde das
/// Freundschaftsverhältnis beider Städte besiegelt.": the sentence right after a partnership's
/// tells its founding — a dated founding verb, and no town but the pair's.
fn founded_next(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    si: usize,
    pair: [EntityRef; 2],
) -> Option<i16> {
    let next = si + 1;
    if next >= ctx.sents.len() {
        return None;
    }
    let r = ctx.sents[next].clone();
    let founding = r
        .clone()
        .any(|k| crate::events::cues::is("founding_verbs", &ctx.lower(k)));
    let others = f.index.iter().any(|(t, e)| {
        t.start >= r.start
            && t.start < r.end
            && e.ty == EntityType::Place
            && !pair.contains(e)
            && !is_country(f, *e)
    });
    if !founding || others {
        return None;
    }
    in_sentence(times, ctx, next)
        .iter()
        .find_map(|te| match te.value {
            TimeValue::Point(p) => Some(p.year),
            _ => None,
        })
}
