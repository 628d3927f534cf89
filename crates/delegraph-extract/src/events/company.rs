//! Who travels with the reported trip and whom it meets, sentence by sentence: persons and
//! organizations after a companion cue are members; those in a sentence about the trip's
//! appointments, the hosts and the institutions the travellers go to are meetings; persons
//! listed together with the leader travel too; without a named leader the one
//! highest-ranking member leads.

use super::people::{coordinated_persons, rank};
use super::places::{contains_place, office_place, org_place};
use super::stops::names_group;
use super::trips::Story;
use super::{TripB, cues, has_any, lower_set, sentence_entities};
use crate::ctx::Ctx;
use delegraph_model::{EntityRef, EntityType, OrgKind};

/// Members and meetings of the trip `t` (its leader, origin and destinations are known).
pub(super) fn members_and_meetings(s: &Story, hosts: &[EntityRef], t: &mut TripB) {
    let (ctx, f) = (s.ctx, s.f);
    let org_homes: Vec<Option<EntityRef>> = (0..f.orgs.len())
        .map(|i| org_place(f, EntityRef::org(i)))
        .collect();
    let mut members: Vec<EntityRef> = Vec::new();
    let mut meetings: Vec<EntityRef> = Vec::new();
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si] {
            continue;
        }
        let v = Sentence::new(s, t, si);
        if let Some(o) = site_org(s, &v)
            && !meetings.contains(&o)
            && !members.contains(&o)
        {
            meetings.push(o);
        }
        for &(tok, e) in &v.ents {
            match part(s, t, hosts, &org_homes, &v, tok, e) {
                Part::Member => {
                    if !members.contains(&e) {
                        members.push(e);
                    }
                }
                Part::Met => {
                    if !members.contains(&e) && !meetings.contains(&e) {
                        meetings.push(e);
                    }
                }
                Part::Neither => {}
            }
        }
    }
    listed_with_leader(s, t.leader, hosts, &mut members);
    meetings.retain(|m| !members.contains(m));
    if t.leader.is_none() {
        t.leader = highest_ranking(s, &members);
        members.retain(|m| Some(*m) != t.leader);
    }
    t.members = members;
    t.meetings = meetings;
}

/// What one sentence says about the trip's company.
struct Sentence {
    si: usize,
    ents: Vec<(usize, EntityRef)>,
    /// The token of a companion cue.
    member_cue: Option<usize>,
    /// The sentence tells of the trip's appointments.
    meeting: bool,
    is_trip_sentence: bool,
    /// "stößt … dazu": the companion stands before the cue.
    joins: bool,
    names_leader: bool,
    leader_by_title: bool,
    words: Vec<String>,
}

impl Sentence {
    fn new(s: &Story, t: &TripB, si: usize) -> Sentence {
        let (ctx, f) = (s.ctx, s.f);
        let sr = ctx.sents[si].clone();
        let words = lower_set(ctx, sr.clone()).to_vec();
        let is_trip_sentence = s.is_trip_sentence(si);
        let ents = sentence_entities(f, ctx, si);
        let names_destination = ents.iter().any(|(_, e)| t.destinations.contains(e));
        let names_leader = t.leader.is_some_and(|l| ents.iter().any(|(_, e)| *e == l));
        // "sprach die Landtagspräsidentin": the leader by title alone.
        let leader_by_title = t.leader.is_some_and(|l| {
            let heads: Vec<&str> = f.persons[l.index].offices.iter().map(|o| o.head).collect();
            sr.clone().any(|k| {
                crate::ner::office_head(ctx.word(k)).is_some_and(|h| heads.contains(&h))
                    && matches!(ctx.lower(k.saturating_sub(1)).as_str(), "der" | "die")
            })
        });
        // "… zeigte X der Gruppe", "hiess Y die Gäste willkommen": the travelling group itself.
        let about_group = names_group(&words);
        // Appointments of this trip: not dated to another year, not plans for other journeys.
        let meeting = (has_any(&words, cues::cue("meeting_cues")) || met_with(&words))
            && !s.other_time(si)
            && !s.plans(si)
            && (is_trip_sentence
                || names_destination
                || names_leader
                || leader_by_title
                || about_group
                || continues(ctx, si, &words)
                || s.sents.len() <= 3);
        Sentence {
            si,
            member_cue: member_cue(ctx, si, &words),
            meeting,
            is_trip_sentence,
            joins: words.iter().any(|w| w == "stößt" || w == "stoßen"),
            names_leader,
            leader_by_title,
            ents,
            words,
        }
    }
}

/// The token of a companion cue: a strong cue anywhere ("begleitet", "Teilnehmer", "gemeinsam
/// mit", "unter ihnen", "Unter den Delegierten", "mit dabei"), a weak one in a sentence about
/// the delegation or journey.
fn member_cue(ctx: &Ctx, si: usize, words: &[String]) -> Option<usize> {
    let delegation_ctx = words
        .iter()
        .any(|w| w.contains("delegation") || w.contains("reise"));
    ctx.sents[si].clone().find(|&k| {
        let w = ctx.lower(k);
        let next = ctx.lower(k + 1);
        let strong = cues::starts("strong_member_cues", &w)
            || (matches!(w.as_str(), "gemeinsam" | "zusammen") && next == "mit")
            || (w == "unter" && matches!(next.as_str(), "ihnen" | "führung" | "leitung"))
            || (w == "unter"
                && next == "den"
                && cues::starts("traveller_plurals", &ctx.lower(k + 2)))
            || (w == "mit" && next == "dabei");
        strong || (cues::is("member_cues", &w) && delegation_ctx)
    })
}

/// A sentence that continues the trip's story: "Dort …", "Anschließend …", "vor Ort",
/// "Darüber hinaus …".
fn continues(ctx: &Ctx, si: usize, words: &[String]) -> bool {
    let sr = ctx.sents[si].clone();
    let first = ctx.lower(sr.start);
    cues::is("continuations", &first)
        || words.windows(2).any(|w| w[0] == "vor" && w[1] == "ort")
        || (first == "darüber" && ctx.lower(sr.start + 1) == "hinaus")
}

/// "kam sie mit X zusammen": a meeting told with a separable verb; "sprach die Delegation mit
/// …"; "zeigte X der Gruppe …".
fn met_with(words: &[String]) -> bool {
    (words.iter().any(|w| w == "zusammen")
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
            }))
}

/// "Im Kulturinstitut X sprach die Landtagspräsidentin …", "Beim Hersteller Y": the institution
/// a sentence about the leader or the group opens with hosted them.
fn site_org(s: &Story, v: &Sentence) -> Option<EntityRef> {
    let ctx = s.ctx;
    let sr = ctx.sents[v.si].clone();
    let opening = match ctx.lower(sr.start).as_str() {
        "im" | "beim" | "am" => Some(sr.start + 1),
        "in" | "bei" if matches!(ctx.lower(sr.start + 1).as_str(), "der" | "dem") => {
            Some(sr.start + 2)
        }
        _ => None,
    }?;
    v.ents
        .iter()
        .find(|(tok, e)| {
            e.ty == EntityType::Organization
                && (*tok == opening || (*tok == opening + 1 && ctx.is_cap(opening)))
        })
        .filter(|_| {
            (v.names_leader || v.leader_by_title || names_group(&v.words))
                && !s.other_time(v.si)
                && !s.plans(v.si)
        })
        .map(|(_, e)| *e)
}

/// The part an entity named in a sentence plays in the trip.
enum Part {
    Member,
    Met,
    Neither,
}

/// "der Vorsitzende des Ausschusses für X, Y": the body in a title phrase before a person's
/// name is not a companion or host of its own.
fn body_of_a_title(s: &Story, v: &Sentence, tok: usize, e: EntityRef) -> bool {
    let (ctx, f) = (s.ctx, s.f);
    let sr = ctx.sents[v.si].clone();
    let end = f
        .index
        .iter()
        .find(|(t, x)| t.start == tok && *x == e)
        .map_or(tok + 1, |(t, _)| t.end);
    let comma = (end..(end + 4).min(sr.end)).find(|&x| ctx.word(x) == ",");
    comma.is_some_and(|c| {
        v.ents
            .iter()
            .any(|(t2, x2)| x2.ty == EntityType::Person && (*t2 == c + 1 || *t2 == c + 2))
    })
}

/// Who reports ("teilte X mit", "laut X", "wie X") is neither companion nor host.
fn reports(s: &Story, v: &Sentence, tok: usize, e: EntityRef) -> bool {
    let (ctx, f) = (s.ctx, s.f);
    let sr = ctx.sents[v.si].clone();
    let mention_end = f
        .index
        .iter()
        .find(|(t, x)| t.start == tok && *x == e)
        .map_or(tok + 1, |(t, _)| t.end);
    (mention_end..(mention_end + 4).min(sr.end)).any(|k| cues::is("reporting", &ctx.lower(k)))
        || (tok >= 1 && matches!(ctx.lower(tok - 1).as_str(), "laut" | "wie"))
        || (tok >= 2 && matches!(ctx.lower(tok - 2).as_str(), "laut" | "wie"))
}

/// Whether the entity at `tok` stands where the sentence's companion cue puts companions.
fn after_member_cue(s: &Story, v: &Sentence, tok: usize) -> bool {
    let (ctx, f) = (s.ctx, s.f);
    let sr = ctx.sents[v.si].clone();
    match v.member_cue {
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
        // "wird von X und Y begleitet": the companions stand between "von" and the participle.
        Some(c) if tok < c && ctx.lower(c).starts_with("begleit") => {
            (sr.start..tok).rev().take(8).any(|k| ctx.lower(k) == "von")
        }
        Some(c) => tok > c || (v.joins && tok < c),
        None => false,
    }
}

/// The part of one entity mention: member after a companion cue (not a host, an institution
/// of a stop, the body of a compound title or a venue); met in a sentence about appointments,
/// as a host, or as an institution the travellers go to ("geht es zur Ausstellung X").
fn part(
    s: &Story,
    t: &TripB,
    hosts: &[EntityRef],
    org_homes: &[Option<EntityRef>],
    v: &Sentence,
    tok: usize,
    e: EntityRef,
) -> Part {
    let (ctx, f) = (s.ctx, s.f);
    if Some(e) == t.leader || e.ty == EntityType::Place {
        return Part::Neither;
    }
    let org = e.ty == EntityType::Organization;
    if org
        && (body_of_a_title(s, v, tok, e)
            || matches!(f.orgs[e.index].kind, OrgKind::Media | OrgKind::Party))
    {
        return Part::Neither;
    }
    // "UNIDO-Direktor X": the body in a compound title is the person's; it travels only as the
    // person does, but is met where the person is ("Treffen mit DIHK-Hauptgeschäftsführer X").
    let title_body =
        org && ctx.word(tok).contains('-') && crate::ner::office_head(ctx.word(tok)).is_some();
    // An institution of the destination receives; one of the origin travels.
    let org_home = org.then(|| org_homes[e.index]).flatten();
    let host_org = org_home.is_some_and(|pl| {
        t.destinations.contains(&pl) || t.destinations.iter().any(|d| contains_place(f, pl, *d))
    });
    let home_org = org_home.is_some() && org_home == t.origin;
    if reports(s, v, tok, e) {
        return Part::Neither;
    }
    let home_official =
        e.ty == EntityType::Person && t.origin.is_some() && office_place(f, e.index) == t.origin;
    // "… unter Leitung von X im Rathaus von Y": a venue does not travel.
    let venue =
        org && tok > 0 && matches!(ctx.lower(tok - 1).as_str(), "im" | "ins" | "beim" | "am");
    let host = hosts.contains(&e);
    if after_member_cue(s, v, tok) && !host && !host_org && !title_body && !venue {
        return Part::Member;
    }
    let goes_to = org
        && v.is_trip_sentence
        && !s.other_time(v.si)
        && !s.plans(v.si)
        && (1..=2).any(|back| {
            tok >= back
                && matches!(ctx.lower(tok - back).as_str(), "zur" | "zum")
                && (back == 1 || ctx.is_cap(tok - 1))
        });
    if (v.meeting || host || (goes_to && !title_body)) && !home_org && (!home_official || host) {
        Part::Met
    } else {
        Part::Neither
    }
}

/// Persons listed together with the leader travel with the leader: "Landeshauptmann X und
/// Landesstatthalterin Y, ferner die Landesräte Z und W" — not where the two act on each
/// other ("tauschten sich X und Y aus", "unterschrieben X und Y", "trafen X und Y").
fn listed_with_leader(
    s: &Story,
    leader: Option<EntityRef>,
    hosts: &[EntityRef],
    members: &mut Vec<EntityRef>,
) {
    let (ctx, f) = (s.ctx, s.f);
    let Some(l) = leader else { return };
    for (t, _) in f.index.iter().filter(|(_, e)| *e == l) {
        let words = lower_set(ctx, ctx.sents[ctx.sent_of[t.start]].clone());
        if words
            .iter()
            .any(|w| w == "sich" || cues::starts("signing", w) || cues::is("meeting_cues", w))
        {
            continue;
        }
        for p in coordinated_persons(ctx, f, t.clone()) {
            if p != l && !members.contains(&p) && !hosts.contains(&p) {
                members.push(p);
            }
        }
    }
}

/// No one named as leading: the one highest-ranking traveller leads, if a head of a town or
/// above ("Gekommen waren Landeshauptmann X, Landesrätin Y, …").
fn highest_ranking(s: &Story, members: &[EntityRef]) -> Option<EntityRef> {
    let f = s.f;
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
    let &(top, who) = ranked.iter().max_by_key(|(r, _)| *r)?;
    (top >= 5 && ranked.iter().filter(|(r, _)| *r == top).count() == 1).then_some(who)
}
