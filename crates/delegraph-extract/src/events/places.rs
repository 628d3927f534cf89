//! Places as the trip sees them: kinds and countries, datelines, the seats of offices, where
//! travellers return to, the place an office or an organization belongs to.

use super::{cues, sentence_entities};
use crate::ctx::Ctx;
use crate::ner::{Found, OfRef};
use delegraph_gazetteer::places::{PlaceKind as GKind, Places};
use delegraph_model::{EntityRef, EntityType};

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

/// Drops a country from a trip's destinations where a city of it is named there too ("Kanada,
/// Halifax": the city says where).
pub(crate) fn drop_countries_with_cities(f: &Found, dests: &mut Vec<EntityRef>) {
    let cities: Vec<Option<String>> = dests
        .iter()
        .filter(|d| !is_country(f, **d))
        .map(|d| country_of(f, *d))
        .collect();
    dests.retain(|d| !is_country(f, *d) || !cities.contains(&country_of(f, *d)));
}

/// A place in a dateline at the start of a sentence: "Aschersleben/Tartu – …", "Pori (ots)".
pub(super) fn in_dateline(ctx: &Ctx, tok: usize) -> bool {
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

/// "hat Besuch von X erhalten": the subject place before "Besuch" is the visited place.
pub(super) fn received_visit_place(ctx: &Ctx, f: &Found, si: usize) -> Option<EntityRef> {
    let r = ctx.sents[si].clone();
    let k = r
        .clone()
        .find(|&k| ctx.lower(k) == "besuch" && ctx.lower(k + 1) == "von")?;
    if !r.clone().any(|x| cues::is("receive_verbs", &ctx.lower(x))) {
        return None;
    }
    sentence_entities(f, ctx, si)
        .into_iter()
        .find(|(t, e)| e.ty == EntityType::Place && *t < k)
        .map(|(_, e)| e)
}

/// Places that are the seat of an office in a title phrase: "der Generalkonsul der
/// Republik Finnland in Rostock, Ming Haolan" is based in Rostock; Rostock is not a stop.
pub(super) fn office_seats(ctx: &Ctx, f: &Found) -> Vec<(EntityRef, EntityRef, usize)> {
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

/// The place of a dateline: "Pori (ots)", "PORI.", "Joensuu (OTS/LPD) -", "Aschersleben/Tartu –",
/// and a place followed by the date of the release: "Pori, 12. Mai 2025.", "Pori, 12.05.2025 –",
/// "Pori, den 12. Mai", "Pori, im Mai 2025".
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
            && (matches!(ctx.word(t.end), "(" | "–" | "-" | "/" | ".")
                || ctx.word(t.end) == "," && dated(ctx, t.end + 1))
            && !is_country(f, *e)
        {
            return Some(*e);
        }
        if let Some(e) = dateline_named_elsewhere(ctx, f, k) {
            return Some(e);
        }
    }
    None
}

/// "Aalen. Die Hochschule …" where the recognizer left the dateline's word alone (a town name
/// that is also a word needs context): the word is the whole of a place mention elsewhere in
/// the text ("… in Aalen erwartet").
fn dateline_named_elsewhere(ctx: &Ctx, f: &Found, k: usize) -> Option<EntityRef> {
    if !ctx.is_cap(k)
        || !matches!(ctx.word(k + 1), "(" | "–" | "-" | ".")
        || f.index.iter().any(|(t, _)| t.contains(&k))
    {
        return None;
    }
    f.index
        .iter()
        .find(|(t, e)| {
            e.ty == EntityType::Place && t.len() == 1 && ctx.word(t.start) == ctx.word(k)
        })
        .map(|(_, e)| *e)
        .filter(|e| !is_country(f, *e))
}

/// A date right after a dateline's comma: a day number ("12.", "12.05.2025"), "den 12.", a
/// weekday or a month, "im Mai".
fn dated(ctx: &Ctx, k: usize) -> bool {
    let k = if matches!(ctx.lower(k).as_str(), "den" | "im" | "am") {
        k + 1
    } else {
        k
    };
    let w = ctx.lower(k);
    w.starts_with(|c: char| c.is_ascii_digit())
        || cues::starts("weekdays", &w)
        || cues::is("months", &w)
}

/// "Bürgermeister X aus Y": the place named after "aus" right after the mention `m` of someone.
pub(crate) fn home_after(ctx: &Ctx, f: &Found, m: &std::ops::Range<usize>) -> Option<EntityRef> {
    (ctx.lower(m.end) == "aus")
        .then(|| f.place_at(m.end + 1))
        .flatten()
}

/// "reist … zurück nach Rostock", "Rückreise nach Rostock": where the travellers come from.
pub(super) fn return_place(ctx: &Ctx, f: &Found, sents: &[usize]) -> Option<EntityRef> {
    for &si in sents {
        let r = ctx.sents[si].clone();
        for k in r.clone() {
            let w = ctx.lower(k);
            let back = (w == "zurück" && ctx.lower(k + 1) == "nach")
                || (w.starts_with("rückreise") && ctx.lower(k + 1) == "nach");
            if back && let Some(e) = f.place_at(k + 2) {
                return Some(e);
            }
        }
    }
    None
}

/// The place of the organization a person's office belongs to: a place named inside or right
/// after one of its mentions ("Präsident des Abgeordnetenhauses von Rostock", "Lappländer Landtag").
pub(super) fn office_org_place(ctx: &Ctx, f: &Found, p: usize) -> Option<EntityRef> {
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
