//! Partnerships told by a sentence with a partnership noun: the towns (or regions) it names
//! pair up — two directly, a list after a plural noun ("die Partnerstädte A und B") with the
//! town the text is about, a town called the partner in apposition with the travellers' home;
//! the founding year comes from the same sentence ("seit 1989", "1967 begründet", "30-jähriges
//! Jubiläum").

use super::places::{is_country, place_kind};
use super::sentence_entities;
use super::{PartnershipB, TripB, cues, first_mention, in_sentence, lower_set, mention_count};
use crate::ctx::Ctx;
use crate::frames::Instance;
use crate::ner::Found;
use delegraph_gazetteer::places::PlaceKind as GKind;
use delegraph_model::{EntityRef, EntityType, Status};
use delegraph_text::PartialDate;
use delegraph_text::temporal::{TimeExpr, TimeValue};

/// The founding year a time expression gives a partnership: "seit 1989", an anniversary
/// counted back from publication, a bare year before a founding word ("1967 begründet").
pub(crate) fn year_of_partnership(
    te: &TimeExpr,
    ctx: &Ctx,
    published: Option<PartialDate>,
) -> Option<i16> {
    match te.value {
        TimeValue::Since(y) => Some(y),
        TimeValue::Anniversary(n) => published.map(|p| p.year - n as i16),
        TimeValue::Point(p) if p.month.is_none() => {
            let after = ctx
                .token_at_byte(te.span.end.saturating_sub(1))
                .map(|i| ctx.lower(i + 1))
                .unwrap_or_default();
            cues::is("founded", &after).then_some(p.year)
        }
        _ => None,
    }
}

/// A sentence about a partnership: a partnership noun (not a communiqué or a treaty of one),
/// not one that denies any ("keine Partnerschaft").
fn tells_partnership(words: &[String]) -> bool {
    let cue = words.iter().filter(|w| !of_other_bodies(w)).any(|w| {
        cues::cue("partnership_cues")
            .iter()
            .any(|c| w.starts_with(c) || w.ends_with(c))
            && !w.contains("-communiqu")
            && !w.contains("vertrag")
            || w.ends_with("partnerschaft")
            // The plural of any compound: "Gemeindepartnerschaften", "Kreispartnerschaften".
            || w.ends_with("partnerschaften")
    });
    let denied = words.iter().any(|w| w == "keine" || w == "nicht")
        && words.iter().any(|w| w.contains("partnerschaft"))
        && words.iter().any(|w| w == "keine");
    cue && !denied
}

/// "Schulpartnerschaft", "Hochschulpartnerschaften", "Klinikpartnerschaft": a partnership noun
/// whose first part names schools, clubs or firms (anything but a kind of town, region or the
/// bond itself) tells of a partnership of those bodies, not of their towns.
fn of_other_bodies(w: &str) -> bool {
    let Some(at) = w.find("partnerschaft") else {
        return false;
    };
    let first = w[..at].trim_end_matches('-');
    !first.is_empty() && !cues::is("town_bond_prefixes", first)
}

/// "Eine Städtepartnerschaft besteht nicht", "lehnte die Partnerschaft ab": every partnership
/// noun of the sentence stands in a clause that denies it.
fn denied_by_clause(inst: &[Instance], si: usize) -> bool {
    let mut nouns = inst
        .iter()
        .filter(|i| i.frame == "partnership" && i.noun && i.sentence == si)
        .peekable();
    nouns.peek().is_some() && nouns.all(|i| i.status == Status::Negated)
}

/// The towns and regions of a sentence that may be partners: no countries (transatlantic,
/// strategic… partnerships of countries are not twinning), none listed after "nach" (travel
/// goals).
fn candidate_places(ctx: &Ctx, f: &Found, si: usize) -> Vec<EntityRef> {
    let mut places: Vec<EntityRef> = Vec::new();
    let mut in_travel_list = false;
    for (tok, e) in sentence_entities(f, ctx, si) {
        if e.ty != EntityType::Place {
            continue;
        }
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
        if !in_travel_list && !is_country(f, e) && !places.contains(&e) {
            places.push(e);
        }
    }
    places
}

/// "war in X, der Partnerregion im Norden …": the place is called a partner in apposition.
fn apposed_partner(ctx: &Ctx, f: &Found, si: usize, place: EntityRef) -> bool {
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
}

/// "mit den zwei Partnerprovinzen A und B": the places listed after a plural partnership noun,
/// each a partner of the same third place, not of each other.
fn listed_after_plural(ctx: &Ctx, f: &Found, si: usize, places: &[EntityRef]) -> Vec<EntityRef> {
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
    plural_cue.map_or(Vec::new(), |c| {
        sentence_entities(f, ctx, si)
            .into_iter()
            .filter(|(t, e)| *t > c && e.ty == EntityType::Place && places.contains(e))
            .map(|(_, e)| e)
            .collect()
    })
}

/// "Partnerschaften mit A (seit 1997), mit B (1972) und mit C": a year right after one partner
/// of a list, before the next partner is named, dates that pair.
fn attached_year(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    si: usize,
    place: EntityRef,
    places: &[EntityRef],
) -> Option<i16> {
    let ents = sentence_entities(f, ctx, si);
    let at = ents.iter().find(|(_, e)| *e == place)?.0;
    let next = ents
        .iter()
        .filter(|(t, e)| *t > at && *e != place && places.contains(e))
        .map(|(t, _)| *t)
        .min()
        .unwrap_or(ctx.sents[si].end);
    let near = |t: usize| t > at && t < next && t <= at + 8;
    let dated = in_sentence(times, ctx, si).iter().find_map(|te| {
        let t = ctx.token_at_byte(te.span.start)?;
        if !near(t) {
            return None;
        }
        match te.value {
            TimeValue::Since(y) => Some(y),
            TimeValue::Point(p) if p.month.is_none() => Some(p.year),
            _ => None,
        }
    });
    // "Pontivy (1972)": a bare year in parentheses is no date of its own to the temporal
    // layer.
    dated.or_else(|| {
        (at + 1..next.min(at + 9)).find_map(|k| {
            let y: i16 = ctx.word(k).parse().ok()?;
            ((1900..=2100).contains(&y) && ctx.word(k - 1) == "(" && ctx.word(k + 1) == ")")
                .then_some(y)
        })
    })
}

/// The place named most (first named on a tie).
fn most_named(f: &Found, among: impl Iterator<Item = EntityRef>) -> Option<EntityRef> {
    among.max_by_key(|r| {
        (
            mention_count(f, *r),
            std::cmp::Reverse(first_mention(f, *r)),
        )
    })
}

/// The pairs a sentence's places make: two pair directly; a list after a plural noun pairs
/// with the one other place (else the place of the same kind the text names most); more
/// places pair with the one named most.
fn pairs_of(f: &Found, places: &[EntityRef], listed: &[EntityRef]) -> Vec<(EntityRef, EntityRef)> {
    let mut places = places.to_vec();
    if listed.len() >= 2 {
        let anchor = places
            .iter()
            .copied()
            .find(|p| !listed.contains(p))
            .or_else(|| {
                most_named(
                    f,
                    (0..f.places.len())
                        .map(EntityRef::place)
                        .filter(|r| !listed.contains(r) && !is_country(f, *r))
                        .filter(|r| place_kind(f, *r) == place_kind(f, listed[0])),
                )
            });
        places = anchor.into_iter().chain(listed.iter().copied()).collect();
    }
    if places.len() == 2 {
        return vec![(places[0], places[1])];
    }
    let anchor = if listed.len() >= 2 {
        places[0]
    } else {
        match most_named(f, places.iter().copied()) {
            Some(a) => a,
            None => return Vec::new(),
        }
    };
    places
        .iter()
        .filter(|p| **p != anchor)
        .map(|p| (anchor, *p))
        .collect()
}

/// Partnerships stated by partnership nouns, sentence by sentence.
pub(super) fn partnerships(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    published: Option<PartialDate>,
    trips: &[TripB],
    inst: &[Instance],
) -> Vec<PartnershipB> {
    let mut out: Vec<PartnershipB> = Vec::new();
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si]
            || !tells_partnership(lower_set(ctx, ctx.sents[si].clone()))
            || denied_by_clause(inst, si)
        {
            continue;
        }
        let mut places = candidate_places(ctx, f, si);
        // The one place called a partner is the travellers' home's partner.
        if places.len() == 1
            && let Some(home) = trips.first().and_then(|t| t.origin)
            && home != places[0]
            && !is_country(f, home)
            && apposed_partner(ctx, f, si, places[0])
        {
            places.insert(0, home);
        }
        if places.len() < 2 {
            continue;
        }
        let since = in_sentence(times, ctx, si)
            .iter()
            .find_map(|te| year_of_partnership(te, ctx, published));
        let listed = listed_after_plural(ctx, f, si, &places);
        let pairs = pairs_of(f, &places, &listed);
        // Only a sentence about one pair dates it.
        let one_pair = pairs.len() == 1;
        for (a, b) in pairs {
            let level = |e: EntityRef| place_kind(f, e) == GKind::Region;
            if level(a) != level(b) {
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
                    since: if one_pair {
                        since
                    } else {
                        attached_year(ctx, f, times, si, b, &places)
                    },
                    sentences: vec![si],
                }),
            }
        }
    }
    out
}

/// "Vor 25 Jahren wurde die Freundschaft besiegelt", "Die Partnerschaft feiert ihr
/// 30-jähriges Bestehen" far from the sentence that pairs the towns: a partnership still
/// without founding year takes the first one a sentence about a partnership (or a friendship
/// or bond between towns) states anywhere in the text — where that sentence names no town
/// outside the pair and, when the text states several partnerships, names one of the pair.
pub(super) fn dated_elsewhere(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    published: Option<PartialDate>,
    out: &mut [PartnershipB],
) {
    let several = out.len() > 1;
    for p in out.iter_mut().filter(|p| p.since.is_none()) {
        let pair = [p.a, p.b];
        let year = (0..ctx.sents.len())
            .filter(|&si| !ctx.boiler[si] && about_a_bond(ctx.lowered(ctx.sents[si].clone())))
            .filter(|&si| {
                let towns: Vec<EntityRef> = sentence_entities(f, ctx, si)
                    .into_iter()
                    .filter(|(t, e)| e.ty == EntityType::Place && ctx.is_cap(*t))
                    .filter(|(_, e)| !is_country(f, *e))
                    .map(|(_, e)| e)
                    .collect();
                towns.iter().all(|t| pair.contains(t))
                    && (!several || towns.iter().any(|t| pair.contains(t)))
            })
            .find_map(|si| founding_year_in(ctx, times, si, published));
        if year.is_some() {
            p.since = year;
        }
    }
}

/// An age a bond's anniversary names in words: "silbernes Jubiläum" 25, "goldenes" 50, "vier
/// Jahrzehnte Freundschaft" 40.
fn named_age(words: &[String]) -> Option<i16> {
    let jubilee = words.iter().any(|w| w.starts_with("jubiläum"));
    words.iter().enumerate().find_map(|(k, w)| {
        if jubilee && w.starts_with("silbern") {
            Some(25)
        } else if jubilee && w.starts_with("golden") {
            Some(50)
        } else if w.starts_with("jahrzehnt") && k > 0 {
            let n = delegraph_text::numbers::number_word(&words[k - 1])?;
            i16::try_from(n * 10).ok()
        } else {
            None
        }
    })
}

/// A sentence about a town twinning, a friendship or a bond ("Verbindung", "verbunden").
fn about_a_bond(words: &[String]) -> bool {
    tells_partnership(words)
        || words.iter().any(|w| {
            w.contains("freundschaft")
                || w.starts_with("verbindung")
                || w == "verbunden"
                || w.ends_with("partnerschaft")
        })
}

/// The founding year a sentence states: "seit 1989", an anniversary, "1967 begründet", or its
/// one bare year where a founding verb stands in it ("wurde im Jahr 1989 feierlich besiegelt").
fn founding_year_in(
    ctx: &Ctx,
    times: &[TimeExpr],
    si: usize,
    published: Option<PartialDate>,
) -> Option<i16> {
    let here = in_sentence(times, ctx, si);
    here.iter()
        .find_map(|te| year_of_partnership(te, ctx, published))
        .or_else(|| {
            let age = named_age(ctx.lowered(ctx.sents[si].clone()))?;
            published.map(|p| p.year - age)
        })
        .or_else(|| {
            let founding = ctx
                .lowered(ctx.sents[si].clone())
                .iter()
                .any(|w| cues::is("founding_verbs", w));
            let years: Vec<i16> = here
                .iter()
                .filter_map(|te| match te.value {
                    TimeValue::Point(p) => Some(p.year),
                    _ => None,
                })
                .collect();
            match years[..] {
                [y] if founding => Some(y),
                _ => None,
            }
        })
}

/// "Görlitz pflegt drei Gemeindepartnerschaften:" followed by one line per partner ("- Tartu
/// (Land), seit 1996"; bulleted lines belong to the heading's sentence, short lines without a
/// bullet are sentences of their own): each line's town is a partner of the one town the
/// heading names (else of the document's home town), dated by the year on its line.
pub(super) fn listed_partners(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    trips: &[TripB],
    out: &mut Vec<PartnershipB>,
) {
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        let Some(colon) = r.clone().find(|&k| ctx.word(k) == ":") else {
            continue;
        };
        let head = r.start..colon;
        let heading = tells_partnership(ctx.lowered(head.clone()))
            || head.clone().any(|k| plural_partner_noun(&ctx.lower(k)));
        if ctx.boiler[si] || !heading {
            continue;
        }
        let named = towns_in(ctx, f, head);
        let Some(anchor) = (match named[..] {
            [one] => Some(one),
            [] => crate::assembly::home_town(ctx, f, trips),
            _ => None,
        }) else {
            continue;
        };
        let items: Vec<std::ops::Range<usize>> = if colon + 1 == r.end {
            (si + 1..ctx.sents.len())
                .take_while(|&sj| list_item(ctx, sj))
                .map(|sj| ctx.sents[sj].clone())
                .collect()
        } else {
            bulleted_lines(ctx, colon + 1..r.end)
        };
        for item in items {
            let Some(&town) = towns_in(ctx, f, item.clone()).first() else {
                continue;
            };
            if town == anchor {
                continue;
            }
            let since = line_year(ctx, times, item.clone());
            match out
                .iter_mut()
                .find(|p| [p.a, p.b].contains(&town) && [p.a, p.b].contains(&anchor))
            {
                Some(p) => {
                    if p.since.is_none() {
                        p.since = since;
                    }
                }
                None => out.push(PartnershipB {
                    a: anchor,
                    b: town,
                    since,
                    sentences: vec![ctx.sent_of[item.start]],
                }),
            }
        }
    }
}

/// "Partnerstädte", "Partnergemeinden": a plural partner noun.
fn plural_partner_noun(w: &str) -> bool {
    (w.starts_with("partner") || w.starts_with("schwester"))
        && [
            "städte",
            "gemeinden",
            "kommunen",
            "regionen",
            "kreise",
            "orte",
        ]
        .iter()
        .any(|p| w.ends_with(p))
}

/// The towns a token range names (capitalized, no country), in order.
fn towns_in(ctx: &Ctx, f: &Found, r: std::ops::Range<usize>) -> Vec<EntityRef> {
    let mut out: Vec<EntityRef> = Vec::new();
    for (t, e) in &f.index {
        if r.contains(&t.start)
            && e.ty == EntityType::Place
            && ctx.is_cap(t.start)
            && !is_country(f, *e)
            && !out.contains(e)
        {
            out.push(*e);
        }
    }
    out
}

/// The lines of a list inside one sentence: from each bullet at a line start to the next.
fn bulleted_lines(ctx: &Ctx, r: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let starts: Vec<usize> = r
        .clone()
        .filter(|&k| ctx.toks[k].newlines_before > 0 && is_bullet(ctx.word(k)))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &s)| s..starts.get(n + 1).copied().unwrap_or(r.end))
        .collect()
}

fn is_bullet(w: &str) -> bool {
    matches!(w, "-" | "–" | "—" | "•" | "*" | "·" | "▪" | "◦")
}

/// A line of a list: it opens with a bullet, or is a short line of its own.
fn list_item(ctx: &Ctx, si: usize) -> bool {
    let r = ctx.sents[si].clone();
    is_bullet(ctx.word(r.start)) || (ctx.toks[r.start].newlines_before > 0 && r.len() <= 10)
}

/// The year on a list line: "seit 1996", "(1988)", "1988".
fn line_year(ctx: &Ctx, times: &[TimeExpr], r: std::ops::Range<usize>) -> Option<i16> {
    let span = ctx.span(r.clone());
    times
        .iter()
        .filter(|te| te.span.start >= span.start && te.span.end <= span.end)
        .find_map(|te| match te.value {
            TimeValue::Since(y) => Some(y),
            TimeValue::Point(p) if p.month.is_none() => Some(p.year),
            _ => None,
        })
        .or_else(|| {
            r.clone().find_map(|k| {
                let y: i16 = ctx.word(k).parse().ok()?;
                (1900..=2100).contains(&y).then_some(y)
            })
        })
}
