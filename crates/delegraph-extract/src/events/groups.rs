//! Bodies that travel: a group noun with the body it comes from in the genitive or after
//! "von" ("eine Abordnung der Feuerwehr Tannau", "Schüler des Collège Belval", "Vertreterinnen
//! der Agentur Nordwald"), in a sentence of a trip, makes that body one of the trip's members.

use super::{TripB, cues};
use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_model::{EntityRef, EntityType, OrgKind};

/// Adds to each trip the organizations its sentences name as where a travelling group comes
/// from; a body placed at one of the trip's destinations is a host and stays out.
pub(crate) fn travelling_bodies(ctx: &Ctx, f: &Found, trips: &mut [TripB]) {
    for t in trips.iter_mut() {
        let mut found = Vec::new();
        for &si in &t.sentences {
            for k in ctx.sents[si].clone() {
                if let Some(org) = body_of_group(ctx, f, k) {
                    found.push(org);
                }
            }
        }
        for org in found {
            let taken =
                t.leader == Some(org) || t.members.contains(&org) || t.meetings.contains(&org);
            if !taken && !placed_at_destination(f, org, t) {
                t.members.push(org);
            }
        }
    }
}

/// The organization named right after the group noun at `k`: "Abordnung der X",
/// "Kameradinnen und Kameraden der X", "Gruppe vom X", "Mitglieder des Vereins X".
fn body_of_group(ctx: &Ctx, f: &Found, k: usize) -> Option<EntityRef> {
    if !cues::is("group_nouns", &ctx.lower(k)) {
        return None;
    }
    let mut j = k + 1;
    // "Kameradinnen und Kameraden der …": the pair of forms is one group noun.
    if ctx.word(j) == "und" && cues::is("group_nouns", &ctx.lower(j + 1)) {
        j += 2;
    }
    match ctx.word(j) {
        "des" | "der" | "vom" => j += 1,
        "von" if matches!(ctx.word(j + 1), "der" | "dem" | "den") => j += 2,
        _ => return None,
    }
    if !ctx.same_sentence(k, j) {
        return None;
    }
    // An adjective may stand before the name ("der örtlichen Feuerwehr").
    let starts = if ctx.is_cap(j) { j..j + 1 } else { j..j + 2 };
    let org = starts.into_iter().find_map(|x| {
        f.index
            .iter()
            .find(|(r, e)| r.start == x && e.ty == EntityType::Organization)
            .map(|(_, e)| *e)
    })?;
    let kind = f.orgs[org.index].kind;
    (!matches!(kind, OrgKind::Media | OrgKind::Party)).then_some(org)
}

/// Whether a place inside one of the organization's mentions is a destination of the trip
/// ("eine Abordnung der Feuerwehr Chiusa" on a trip to Chiusa receives the guests).
fn placed_at_destination(f: &Found, org: EntityRef, t: &TripB) -> bool {
    f.index.iter().filter(|(_, e)| *e == org).any(|(r, _)| {
        f.index.iter().any(|(p, e)| {
            e.ty == EntityType::Place
                && r.start <= p.start
                && p.end <= r.end
                && t.destinations
                    .iter()
                    .any(|d| crate::assembly::same_place(f, Some(*d), Some(*e)))
        })
    })
}
