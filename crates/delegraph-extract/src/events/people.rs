//! Who leads, hosts and travels with a trip, as the sentences name them: hosts of a visit,
//! the rank of an office, persons listed together, the head a sentence names, companions
//! listed after a cue.

use super::places::{contains_place, office_org_place, office_place};
use super::trips::Story;
use super::{cues, lower_set, mention_count, sentence_entities};
use crate::ctx::Ctx;
use crate::ner::{Found, OfRef};
use delegraph_model::{EntityRef, EntityType};

/// Persons who host: subject of an active host verb, or after "von" in a passive one.
pub(super) fn hosts(ctx: &Ctx, f: &Found) -> Vec<EntityRef> {
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
        let Some(cue) = words.iter().position(|w| cues::is("host_cues", w)) else {
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

/// Persons in the same coordinated list as the mention at `at` (titles, parties and list words
/// may stand between them).
pub(super) fn coordinated_persons(
    ctx: &Ctx,
    f: &Found,
    at: std::ops::Range<usize>,
) -> Vec<EntityRef> {
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
pub(super) fn named_leader(ctx: &Ctx, f: &Found) -> Option<EntityRef> {
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        for k in r.clone() {
            let w = ctx.lower(k);
            // "X hat Besuch von Ministerpräsident Y erhalten": Y is the visitor.
            if w == "besuch"
                && ctx.lower(k + 1) == "von"
                && r.clone().any(|x| cues::is("receive_verbs", &ctx.lower(x)))
                && let Some((_, e)) = f.index.iter().find(|(t, e)| {
                    e.ty == EntityType::Person && t.start > k + 1 && t.start <= k + 6
                })
            {
                return Some(*e);
            }
            if !cues::is("leader_cues", &w) {
                continue;
            }
            // The head of the travelling group, not of some organization ("an ihrer Spitze").
            let group = r.clone().any(|x| cues::contains("led_groups", &ctx.lower(x))) || (w == "leitung" && r.clone().any(|x| ctx.lower(x) == "inne"))
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
pub(super) fn listed_members(ctx: &Ctx, f: &Found) -> Vec<EntityRef> {
    let mut out = Vec::new();
    for si in 0..ctx.sents.len() {
        let r = ctx.sents[si].clone();
        let Some(c) = r.clone().find(|&k| {
            let w = ctx.lower(k);
            cues::starts("strong_member_cues", &w) && !w.starts_with("begleit")
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

/// The leader: the highest-scoring person named in the trip's sentences (or named as head of
/// the group): rank of office, mentions, travel verbs next to the name and the group's origin
/// count for; hosts, officials of a stop and the leaders of a sub-group count against.
pub(super) fn leader(
    s: &Story,
    dests: &[EntityRef],
    incoming: Option<EntityRef>,
    hosts: &[EntityRef],
) -> Option<EntityRef> {
    let (ctx, f) = (s.ctx, s.f);
    let named_leader = named_leader(ctx, f);
    let listed_members = listed_members(ctx, f);
    let mut best: Option<(i32, EntityRef)> = None;
    for pi in 0..f.persons.len() {
        let r = EntityRef::person(pi);
        if listed_members.contains(&r) && named_leader != Some(r) {
            continue;
        }
        let in_trip = s
            .sents
            .iter()
            .any(|&si| sentence_entities(f, ctx, si).iter().any(|(_, e)| *e == r));
        if !in_trip && named_leader != Some(r) {
            continue;
        }
        let mut score = standing(s, pi, dests, incoming);
        if hosts.contains(&r) {
            score -= 8;
        }
        if named_leader == Some(r) {
            score += 12;
        }
        score += travelling_words(s, r);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, r));
        }
    }
    best.filter(|(b, _)| *b >= 4).map(|(_, r)| r)
}

/// A person's standing as a traveller: rank of office (a president of an organization ranks
/// below a head of government), mentions, an office at a stop (a host), an office at the
/// group's origin; a bare surname counts less.
fn standing(s: &Story, pi: usize, dests: &[EntityRef], incoming: Option<EntityRef>) -> i32 {
    let (ctx, f) = (s.ctx, s.f);
    let p = &f.persons[pi];
    let r = EntityRef::person(pi);
    let mut score = 0;
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
    // For a visit from elsewhere, officials of the origin travel; others receive them.
    if let (Some(o), Some(pl)) = (incoming, home) {
        score += if pl == o { 3 } else { -4 };
    }
    if p.offices.is_empty() && p.words.len() < 2 {
        score -= 2;
    }
    score
}

/// Named right before or after a travel verb, in a sentence of a visit ("zu Besuch", "zu
/// Gast") or as "von X geleitete": travels; "unter Führung von X": leads a sub-group.
fn travelling_words(s: &Story, r: EntityRef) -> i32 {
    let (ctx, f) = (s.ctx, s.f);
    let mut score = 0;
    for &si in &s.sents {
        for (tok, e) in sentence_entities(f, ctx, si) {
            if e != r {
                continue;
            }
            let after: Vec<String> = (tok..(tok + 6).min(ctx.sents[si].end))
                .map(|k| ctx.lower(k))
                .collect();
            let before: Vec<String> = (ctx.sents[si].start.max(tok.saturating_sub(3))..tok)
                .map(|k| ctx.lower(k))
                .collect();
            let visiting = ctx.sents[si].clone().any(|k| {
                ctx.lower(k) == "zu" && matches!(ctx.lower(k + 1).as_str(), "besuch" | "gast")
            });
            if after
                .iter()
                .chain(before.iter())
                .any(|w| cues::is("travel_verbs", w))
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
    score
}
