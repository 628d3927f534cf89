//! Where the reported trip starts and goes: the origin a sentence names ("Delegation aus X"),
//! the stops after destination prepositions and visit verbs and in lists, the places only
//! someone else went to, the travellers' home (seat, "aus X" after the leader, office place,
//! "die Xer Delegation", "zurück nach X") and the tidying of countries and regions by the
//! towns in them.

use super::places::{
    contains_place, country_of, dateline, home_after, is_country, office_org_place, office_place,
    place_kind, received_visit_place, return_place,
};
use super::trips::Story;
use super::{cues, first_mention, lower_set, sentence_entities};
use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_gazetteer::places::{PlaceKind as GKind, Places};
use delegraph_model::{EntityRef, EntityType};

/// A place that holds an office, with the office holder and the token it stands at.
pub(super) type Seat = (EntityRef, EntityRef, usize);

/// "zurückgekehrt", "heimgekehrt": back from where the trip went.
pub(super) fn is_return_word(w: &str) -> bool {
    cues::is("return_words", w)
}

/// Words naming the travelling group ("die Gäste", "der Gruppe", "die Reisegruppe").
pub(super) fn names_group(words: &[String]) -> bool {
    words.iter().any(|w| cues::contains("group_nouns", w))
}

/// Time and frequency adverbials that may stand between a verb and its object: "besuchte am
/// Montag Lappland", "bereist erstmals Finnland" (also without a publication date to resolve them).
fn is_adverbial(ctx: &Ctx, k: usize) -> bool {
    let l = ctx.lower(k);
    let weekday = |x: &str| cues::starts("weekdays", x);
    cues::is("adverbs", &l) || weekday(&l)
        || (l == "am" && weekday(&ctx.lower(k + 1)))
        // "besucht von Montag an die Stadt Erfurt"
        || (l == "von" && weekday(&ctx.lower(k + 1)))
        || (l == "an" && k > 0 && weekday(&ctx.lower(k - 1)))
}

/// "Delegation aus X", "Gäste aus der Republik X": where a group named in a trip sentence comes
/// from (not "ist aus X zurückgekehrt", which names where they went).
pub(super) fn incoming_origin(s: &Story) -> Option<EntityRef> {
    let (ctx, f) = (s.ctx, s.f);
    for &si in &s.sents {
        for (tok, e) in sentence_entities(f, ctx, si) {
            let mut k = tok;
            while k > ctx.sents[si].start
                && matches!(ctx.lower(k - 1).as_str(), "der" | "dem" | "den" | "die")
            {
                k -= 1;
            }
            if e.ty == EntityType::Place && k > 0 && ctx.lower(k - 1) == "aus" {
                let near_delegation = (ctx.sents[si].start..tok).any(|k| {
                    let w = ctx.lower(k);
                    cues::contains("incoming_groups", &w) || w.starts_with("gäste")
                });
                let returned = (tok + 1..(tok + 4).min(ctx.sents[si].end))
                    .any(|x| is_return_word(&ctx.lower(x)));
                if near_delegation && !returned {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// The trip's stops in order, with the sentences that name each: "hat Besuch von X erhalten",
/// places after a destination preposition or a visit verb and the places listed after them,
/// in the sentences that tell of the trip or its appointments.
pub(super) fn stops(s: &Story, seats: &[Seat]) -> (Vec<EntityRef>, Vec<(EntityRef, usize)>) {
    let (ctx, f) = (s.ctx, s.f);
    let mut dests: Vec<EntityRef> = Vec::new();
    let mut support: Vec<(EntityRef, usize)> = Vec::new();
    for &si in &s.sents {
        if let Some(p) = received_visit_place(ctx, f, si)
            && !dests.contains(&p)
        {
            dests.push(p);
        }
    }
    for si in (0..ctx.sents.len()).filter(|&si| s.names_stops(si)) {
        let mut prev_dest_end: Option<usize> = None;
        for (tok, e) in sentence_entities(f, ctx, si) {
            if e.ty != EntityType::Place {
                prev_dest_end = None;
                continue;
            }
            prev_dest_end = stop_at(s, seats, si, tok, e, prev_dest_end);
            if prev_dest_end.is_some() {
                if !dests.contains(&e) {
                    dests.push(e);
                }
                support.push((e, si));
            }
        }
    }
    (dests, support)
}

/// Where the words that introduce a place begin: determiners, kind nouns, lowercase adjectives,
/// dates and adverbials are skipped ("in der Region X", "ins Fürstentum", "besucht vom 8. bis
/// 10. September 2025 die litauische Hauptstadt X").
fn introducer_end(s: &Story, si: usize, tok: usize) -> usize {
    let ctx = s.ctx;
    let in_time = |x: usize| {
        s.times
            .iter()
            .any(|te| ctx.toks[x].start >= te.span.start && ctx.toks[x].end <= te.span.end)
    };
    let mut k = tok;
    while k > ctx.sents[si].start && {
        let l = ctx.lower(k - 1);
        let kind_noun =
            ctx.is_cap(k - 1) && cues::cue("place_kind_nouns").iter().any(|n| l.ends_with(n));
        matches!(l.as_str(), "die" | "der" | "den" | "das" | "dem")
            || kind_noun
            || (ctx.is_word(k - 1)
                && !ctx.is_cap(k - 1)
                && !matches!(
                    l.as_str(),
                    "nach" | "in" | "ins" | "im" | "über" | "aus" | "von" | "und"
                )
                && !cues::is("travel_verbs", &l)
                && !l.starts_with("besuch")
                && (l.ends_with('e') || l.ends_with("en") || l.ends_with("er")))
            || in_time(k - 1)
            || is_adverbial(ctx, k - 1)
    } {
        k -= 1;
    }
    k
}

/// Whether the place mentioned at `tok` is a stop; returns where its mention ends (a list
/// continues from there) or `None`.
fn stop_at(
    s: &Story,
    seats: &[Seat],
    si: usize,
    tok: usize,
    e: EntityRef,
    prev_dest_end: Option<usize>,
) -> Option<usize> {
    let (ctx, f) = (s.ctx, s.f);
    let range = f
        .index
        .iter()
        .find(|(x, r)| x.start == tok && *r == e)
        .map(|(x, _)| x.clone())?;
    let k = introducer_end(s, si, tok);
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
        (end..tok).all(|x| {
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
    // "besucht Oberbürgermeister X die Partnerstadt Tartu": the subject between the visit verb
    // and its object.
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
        .any(|(x, w)| x.start == tok && w.chars().next().is_some_and(char::is_lowercase));
    let seat = seats.iter().any(|(_, _, at)| *at == tok);
    ((is_prep || listed || visited_object) && !after_aus && !is_adj && !seat).then_some(range.end)
}

/// "Der Präsident des Regionalrats musste zur selben Zeit Termine in X wahrnehmen": a sentence
/// about someone else's whereabouts (a titled or named subject other than the leader, no word
/// of the group or the journey).
fn about_someone_else(s: &Story, leader: Option<EntityRef>, si: usize) -> bool {
    let (ctx, f) = (s.ctx, s.f);
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
    let names_leader =
        leader.is_some_and(|l| sentence_entities(f, ctx, si).iter().any(|(_, e)| *e == l));
    let words = lower_set(ctx, r);
    let group = names_group(words) || words.iter().any(|w| w == "gast" || w.contains("reise"));
    (titled_subject || person_subject.is_some_and(|(_, e)| Some(*e) != leader))
        && !names_leader
        && !group
}

/// A place named only in sentences about someone else's whereabouts is not a stop (unless
/// every stop is).
pub(super) fn drop_stops_of_others(
    s: &Story,
    leader: Option<EntityRef>,
    support: &[(EntityRef, usize)],
    dests: &mut Vec<EntityRef>,
) {
    if dests.len() <= 1 {
        return;
    }
    let elsewhere: Vec<EntityRef> = dests
        .iter()
        .copied()
        .filter(|d| {
            let sents: Vec<usize> = support
                .iter()
                .filter(|(x, _)| x == d)
                .map(|(_, si)| *si)
                .collect();
            !sents.is_empty() && sents.iter().all(|&si| about_someone_else(s, leader, si))
        })
        .collect();
    if elsewhere.len() < dests.len() {
        dests.retain(|d| !elsewhere.contains(d));
    }
}

/// "die Rostocker Delegation", "die Xer Gruppe": the travellers' home as adjective.
fn adjective_home(ctx: &Ctx, f: &Found) -> Option<EntityRef> {
    f.index.iter().find_map(|(x, e)| {
        if e.ty != EntityType::Place {
            return None;
        }
        let group = ctx.lower(x.end);
        let adjective = f.places[e.index]
            .mentions
            .iter()
            .any(|(m, s)| m.start == x.start && s.ends_with("er") && ctx.is_cap(x.start));
        let noun = cues::ends("home_groups", &group);
        (adjective && noun && !is_country(f, *e)).then_some(*e)
    })
}

/// "Bürgermeister X aus Y reist …": the leader's home named right after the leader.
fn leader_from(ctx: &Ctx, f: &Found, l: EntityRef) -> Option<EntityRef> {
    f.index
        .iter()
        .filter(|(_, e)| *e == l)
        .find_map(|(x, _)| home_after(ctx, f, x))
}

/// Where the travellers set out from: the seat of the leader's office ("der Generalkonsul … in
/// X, Y"), the place named after the leader, the group's origin, the leader's office place
/// (or the place of the leader's institution), the home adjective, the place they return to;
/// else the place named most that is no stop and no country, if named twice outside
/// organization names. A place they return to is no stop; "In X verständigten sich …" with the
/// leader named is one.
pub(super) fn origin(
    s: &Story,
    leader: Option<EntityRef>,
    incoming: Option<EntityRef>,
    seats: &[Seat],
    dests: &mut Vec<EntityRef>,
) -> Option<EntityRef> {
    let (ctx, f) = (s.ctx, s.f);
    let leader_place =
        leader.and_then(|r| office_place(f, r.index).or_else(|| office_org_place(ctx, f, r.index)));
    let return_place = return_place(ctx, f, &s.sents);
    let leader_seat =
        leader.and_then(|l| seats.iter().find(|(p, _, _)| *p == l).map(|(_, pl, _)| *pl));
    let mut origin = leader_seat
        .or_else(|| leader.and_then(|l| leader_from(ctx, f, l)))
        .or(incoming)
        .or(leader_place)
        .or_else(|| adjective_home(ctx, f))
        .or(return_place);
    if let Some(r) = return_place {
        dests.retain(|d| *d != r);
    }
    if let Some(l) = leader {
        stops_opening_sentences(s, l, dests);
    }
    if origin.is_none() {
        origin = most_named_place(f, dests);
    }
    dests.retain(|d| Some(*d) != origin);
    origin
}

/// "In Tampere verständigten sich Prof. X und …": a sentence that opens with a town and names
/// the leader tells of a stop.
fn stops_opening_sentences(s: &Story, l: EntityRef, dests: &mut Vec<EntityRef>) {
    let (ctx, f) = (s.ctx, s.f);
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        if ctx.boiler[si] || s.other_time(si) || s.plans(si) || ctx.lower(r.start) != "in" {
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

/// The place named most that is no stop and no country, counting mentions outside
/// organization names ("TU Tampere" is no sign of home), if named at least twice.
fn most_named_place(f: &Found, dests: &[EntityRef]) -> Option<EntityRef> {
    let in_org: Vec<std::ops::Range<usize>> = f
        .index
        .iter()
        .filter(|(_, o)| o.ty == EntityType::Organization)
        .map(|(y, _)| y.clone())
        .collect();
    let own_mentions = |r: EntityRef| {
        f.index
            .iter()
            .filter(|(x, e)| {
                *e == r && !in_org.iter().any(|y| y.start <= x.start && x.end <= y.end)
            })
            .count()
    };
    (0..f.places.len())
        .map(EntityRef::place)
        .filter(|r| !dests.contains(r) && !is_country(f, *r))
        .max_by_key(|r| (own_mentions(*r), std::cmp::Reverse(first_mention(f, *r))))
        .filter(|o| own_mentions(*o) >= 2)
}

/// A country named as destination while the dateline names a town of it ("X (ots)") gives
/// the town as the stop; a country only where no town of it is named, a region only where
/// no town inside it is; a visit received at home goes to the hosts' place.
pub(super) fn tidy_destinations(
    ctx: &Ctx,
    f: &Found,
    origin: Option<EntityRef>,
    hosts: &[EntityRef],
    dests: &mut Vec<EntityRef>,
) {
    dateline_town(ctx, f, origin, dests);
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
    if dests.is_empty() {
        for h in hosts {
            if let Some(pl) = office_place(f, h.index)
                && Some(pl) != origin
                && !dests.contains(&pl)
            {
                dests.push(pl);
            }
        }
    }
}

/// The dateline's town stands before the country or region of it that is a stop, where no
/// town of that area is a stop already ("X. … Besuch in Mittelfinnland … Station in Y").
fn dateline_town(ctx: &Ctx, f: &Found, origin: Option<EntityRef>, dests: &mut Vec<EntityRef>) {
    let Some(dl) = dateline(ctx, f) else { return };
    if Some(dl) == origin || dests.contains(&dl) {
        return;
    }
    let dl_country = country_of(f, dl);
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
