//! Organization identity across documents.
//!
//! Organizations are first grouped by normalized name (`norm`). Groups then join when:
//! - one group's name is an alias of exactly one other group (an acronym or short form the
//!   other document defined: "Bundestag" for "Nationaler Bundesrat");
//! - both names say the same thing with the place written differently: a leading place
//!   adjective or a trailing place name, optionally after "von", "des Landes", … ("Kleinhausener
//!   Stadtwerke" = "Stadtwerke Kleinhausen" = "Stadtwerke der Stadt Kleinhausen"); places are read with the
//!   gazetteer, and the kinds agree;
//! - an acronym defined for exactly one group (an alias such as "SWK" in "Stadtwerke Kleinhausen (SWK)")
//!   is what the other group's name stands for: its initials ("S.W. Kammer" = SWK), or the acronym
//!   written with the same place ("SWK Kleinhausen"); the kinds agree and their places do not conflict.
//!
//! Every rule looks only at the groups themselves, never at which was read first, so the result
//! (connected components) does not depend on input order.

use crate::norm;
use delegraph_gazetteer::orgs::initials;
use delegraph_gazetteer::places::{Form, PlaceKind, Places};
use delegraph_model::OrgKind;
use std::collections::{BTreeMap, BTreeSet};

/// Words that join a name to its place ("Polizei von Kleinhausen", "Amt des Landes Großbach") and are
/// dropped between them.
const PLACE_LINKS: &[&str] = &[
    "von",
    "vom",
    "in",
    "im",
    "zu",
    "zum",
    "der",
    "des",
    "de",
    "of",
    "the",
    "für",
    "Landes",
    "Stadt",
    "Freistaats",
    "Freistaates",
    "Kantons",
    "Bezirks",
    "Kreises",
];

/// A name split into what it is and where: "Großbacher Verkehrsbetriebe" → ("Verkehrsbetriebe",
/// "berlin").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    /// The words other than the place and its link words.
    pub rest: Vec<String>,
    /// Normalized canonical gazetteer name of the place.
    pub place: String,
}

fn place_key(id: delegraph_gazetteer::places::PlaceId) -> String {
    norm(&Places::get().place(id).name)
}

/// The place a leading word names as adjective or inhabitant form ("Großbacher", "Oberländer",
/// "Niedersächsischer"); German "-er" forms of place names the gazetteer lacks as adjectives
/// ("Ostmärker") count too.
fn adjective_place(word: &str) -> Option<String> {
    let places = Places::get();
    if let Some(c) = places
        .lookup(word)
        .iter()
        .find(|c| c.form == Form::Adjective)
    {
        return Some(place_key(c.id));
    }
    let stem = word.strip_suffix("er")?;
    if !stem.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    places
        .lookup(stem)
        .iter()
        .find(|c| {
            c.form == Form::Name
                && !c.ambiguous
                && matches!(
                    places.place(c.id).kind,
                    PlaceKind::City | PlaceKind::Region | PlaceKind::Country
                )
        })
        .map(|c| place_key(c.id))
}

/// The place a trailing run of words names ("Großbach", "Nordhafen", "Großbachs").
fn name_place(words: &[&str]) -> Option<String> {
    let surface = words.join(" ");
    Places::get()
        .lookup(&surface)
        .iter()
        .find(|c| matches!(c.form, Form::Name | Form::Genitive))
        .map(|c| place_key(c.id))
}

/// Splits a name into its place and the rest: a trailing place name (after optional link words)
/// wins over a leading place adjective. `None` when the name names no place or nothing else.
pub(crate) fn placed(name: &str) -> Option<Placed> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let max = Places::get().max_words().min(words.len().saturating_sub(1));
    for k in (1..=max).rev() {
        let (head, tail) = words.split_at(words.len() - k);
        if let Some(place) = name_place(tail) {
            let mut rest = head.to_vec();
            while rest.last().is_some_and(|w| PLACE_LINKS.contains(w)) {
                rest.pop();
            }
            if !rest.is_empty() {
                return Some(Placed {
                    rest: rest.into_iter().map(str::to_string).collect(),
                    place,
                });
            }
        }
    }
    if words.len() > 1
        && let Some(place) = adjective_place(words[0])
    {
        return Some(Placed {
            rest: words[1..].iter().map(|w| w.to_string()).collect(),
            place,
        });
    }
    None
}

/// The acronym a word is ("IHK", "L.A.P.D."), upper case without dots: 2 to 8 capital letters
/// (digits allowed after the first).
pub(crate) fn acronym(word: &str) -> Option<String> {
    let bare: String = word.chars().filter(|&c| c != '.').collect();
    let mut chars = bare.chars();
    let first_ok = chars.next().is_some_and(char::is_uppercase);
    let n = bare.chars().count();
    (first_ok
        && (2..=8).contains(&n)
        && bare.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
    .then_some(bare)
}

/// What one name group contributes to identity.
#[derive(Debug, Default)]
struct Group {
    kinds: BTreeSet<OrgKind>,
    /// Aliases of the group's organizations, normalized.
    aliases: BTreeSet<String>,
    /// Acronym keys the group's documents define (aliases that are acronyms).
    defines: BTreeSet<String>,
    /// Acronym keys the group's name stands for (initials, acronym + place).
    stands_for: BTreeSet<String>,
    place: Option<String>,
    placed_key: Option<String>,
}

/// An organization occurrence as linking sees it.
pub(crate) struct OrgIn<'a> {
    pub name: &'a str,
    pub aliases: &'a BTreeSet<String>,
    pub kind: OrgKind,
}

/// Identity of organizations: maps each name key (`norm(name)`) to the name key of the
/// group that names its component.
pub(crate) fn canonical_keys(orgs: &[OrgIn]) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for o in orgs {
        let g = groups.entry(norm(o.name)).or_default();
        g.kinds.insert(o.kind);
        let placed = placed(o.name);
        if let Some(p) = &placed {
            g.place = Some(p.place.clone());
            g.placed_key = Some(format!("{}@{}", norm(&p.rest.join(" ")), p.place));
            let rest: Vec<&str> = p.rest.iter().map(String::as_str).collect();
            if let [one] = rest.as_slice()
                && let Some(a) = acronym(one)
            {
                g.stands_for.insert(format!("{a}@{}", p.place));
            }
            let init = initials(&rest);
            if init.chars().count() >= 2 {
                g.stands_for.insert(format!("{init}@{}", p.place));
            }
        }
        let words: Vec<&str> = o.name.split_whitespace().collect();
        let init = initials(&words);
        if words.len() > 1 && init.chars().count() >= 3 {
            g.stands_for.insert(init);
        }
        for a in o.aliases {
            g.aliases.insert(norm(a));
            if let Some(acr) = acronym(a) {
                if let Some(p) = &placed {
                    g.defines.insert(format!("{acr}@{}", p.place));
                }
                g.defines.insert(acr);
            }
        }
    }
    let keys: Vec<&String> = groups.keys().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    let mut union = |a: usize, b: usize| {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    let kinds_agree = |a: &Group, b: &Group| !a.kinds.is_disjoint(&b.kinds);

    // 1. A name that is an alias of exactly one other group joins it.
    let mut alias_of: BTreeMap<&String, BTreeSet<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        for a in &groups[*k].aliases {
            alias_of.entry(a).or_default().insert(i);
        }
    }
    // Sources: groups whose name is another group's alias (short forms, never the name shown).
    let mut sources: BTreeSet<usize> = BTreeSet::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(targets) = alias_of.get(k) {
            let others: Vec<usize> = targets.iter().copied().filter(|&t| t != i).collect();
            if let [t] = others.as_slice() {
                union(i, *t);
                sources.insert(i);
            }
        }
    }
    // 2. The same words with the same place.
    let mut by_placed: BTreeMap<&String, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(p) = &groups[*k].placed_key {
            by_placed.entry(p).or_default().push(i);
        }
    }
    for members in by_placed.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if kinds_agree(&groups[keys[a]], &groups[keys[b]]) {
                    union(a, b);
                }
            }
        }
    }
    // 3. An acronym defined by exactly one group joins the groups whose names stand for it.
    let mut definers: BTreeMap<&String, BTreeSet<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        for d in &groups[*k].defines {
            definers.entry(d).or_default().insert(i);
        }
    }
    let mut defining: BTreeSet<usize> = BTreeSet::new();
    for (i, k) in keys.iter().enumerate() {
        let g = &groups[*k];
        for s in &g.stands_for {
            let Some(ds) = definers.get(s) else { continue };
            let [d] = ds.iter().copied().collect::<Vec<_>>()[..] else {
                continue;
            };
            let h = &groups[keys[d]];
            let places_conflict = matches!((&g.place, &h.place), (Some(x), Some(y)) if x != y);
            if d != i && kinds_agree(g, h) && !places_conflict {
                union(i, d);
                defining.insert(d);
            }
        }
    }

    // The group that names a component: a full name (not another group's alias), preferably
    // one that defines the acronym, then the longest, then the first key.
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let r = find(&mut parent, i);
        components.entry(r).or_default().push(i);
    }
    let mut out = BTreeMap::new();
    for members in components.values() {
        let rep = *members
            .iter()
            .min_by_key(|&&i| {
                (
                    sources.contains(&i),
                    !defining.contains(&i),
                    std::cmp::Reverse(keys[i].chars().count()),
                    keys[i],
                )
            })
            .expect("components are not empty");
        for &m in members {
            out.insert(keys[m].clone(), keys[rep].clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org<'a>(name: &'a str, aliases: &'a BTreeSet<String>, kind: OrgKind) -> OrgIn<'a> {
        OrgIn {
            name,
            aliases,
            kind,
        }
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// Whether `a` and `b` end up in the same component.
    fn same(orgs: &[OrgIn], a: &str, b: &str) -> bool {
        let keys = canonical_keys(orgs);
        keys[&norm(a)] == keys[&norm(b)]
    }

    #[test]
    fn place_adjectives_and_place_names_split_off() {
        let p = placed("Kölner Verkehrs-Betriebe").expect("placed");
        assert_eq!(
            (p.rest.join(" "), p.place.as_str()),
            ("Verkehrs-Betriebe".into(), "köln")
        );
        let p = placed("Stadtwerke der Stadt Köln").expect("placed");
        assert_eq!(
            (p.rest.join(" "), p.place.as_str()),
            ("Stadtwerke".into(), "köln")
        );
        let p = placed("Feuerwehr von San Francisco").expect("placed");
        assert_eq!(
            (p.rest.join(" "), p.place.as_str()),
            ("Feuerwehr".into(), "sanfrancisco")
        );
        let p = placed("Magdeburger Domchor").expect("placed");
        assert_eq!(p.place, "magdeburg");
        assert_eq!(placed("Köln"), None);
        assert_eq!(placed("Stadtwerke"), None);
    }

    #[test]
    fn acronyms() {
        assert_eq!(acronym("SWK").as_deref(), Some("SWK"));
        assert_eq!(acronym("N.Y.P.D.").as_deref(), Some("NYPD"));
        assert_eq!(acronym("Stadtwerke"), None);
        assert_eq!(acronym("K"), None);
        assert_eq!(acronym("dpa"), None);
    }

    #[test]
    fn adjective_and_place_name_forms_are_one_organization() {
        let none = set(&[]);
        let orgs = [
            org("Kölner Stadtwerke", &none, OrgKind::Company),
            org("Stadtwerke Köln", &none, OrgKind::Company),
            org("Stadtwerke der Stadt Bonn", &none, OrgKind::Company),
            org("Bonner Stadtwerke", &none, OrgKind::Company),
            org("Magdeburger Landtag", &none, OrgKind::PublicBody),
            org("Landtag von Magdeburg", &none, OrgKind::PublicBody),
        ];
        assert!(same(&orgs, "Kölner Stadtwerke", "Stadtwerke Köln"));
        assert!(same(
            &orgs,
            "Bonner Stadtwerke",
            "Stadtwerke der Stadt Bonn"
        ));
        assert!(!same(&orgs, "Stadtwerke Köln", "Bonner Stadtwerke"));
        assert!(same(&orgs, "Magdeburger Landtag", "Landtag von Magdeburg"));
    }

    #[test]
    fn kinds_must_agree() {
        let none = set(&[]);
        let orgs = [
            org("Kölner Philharmonie", &none, OrgKind::Culture),
            org("Philharmonie Köln", &none, OrgKind::Company),
        ];
        assert!(!same(&orgs, "Kölner Philharmonie", "Philharmonie Köln"));
    }

    #[test]
    fn acronym_with_place_joins_the_adjective_form_that_defines_it() {
        let hwk = set(&["HWK"]);
        let none = set(&[]);
        let orgs = [
            org("Dresdner Handwerks- und Werkkammer", &hwk, OrgKind::Chamber),
            org("HWK Dresden", &none, OrgKind::Chamber),
            // Another city's chamber with the same acronym stays apart.
            org("HWK Leipzig", &none, OrgKind::Chamber),
            org(
                "Leipziger Handwerks- und Werkkammer",
                &hwk,
                OrgKind::Chamber,
            ),
        ];
        assert!(same(
            &orgs,
            "Dresdner Handwerks- und Werkkammer",
            "HWK Dresden"
        ));
        assert!(same(
            &orgs,
            "Leipziger Handwerks- und Werkkammer",
            "HWK Leipzig"
        ));
        assert!(!same(&orgs, "HWK Dresden", "HWK Leipzig"));
        // The full name names the organization.
        let keys = canonical_keys(&orgs);
        assert_eq!(
            keys[&norm("HWK Dresden")],
            norm("Dresdner Handwerks- und Werkkammer")
        );
    }

    #[test]
    fn initials_join_the_organization_that_defines_the_acronym() {
        let nyfd = set(&["NYFD"]);
        let none = set(&[]);
        let orgs = [
            org("Feuerwehr von New York", &nyfd, OrgKind::PublicBody),
            org("N.Y. Fire Department", &none, OrgKind::PublicBody),
            // Same initials, other kind.
            org("New York Film Days", &none, OrgKind::Event),
        ];
        assert!(same(
            &orgs,
            "Feuerwehr von New York",
            "N.Y. Fire Department"
        ));
        assert!(!same(&orgs, "Feuerwehr von New York", "New York Film Days"));
        let keys = canonical_keys(&orgs);
        assert_eq!(
            keys[&norm("N.Y. Fire Department")],
            norm("Feuerwehr von New York")
        );
    }

    #[test]
    fn an_acronym_defined_twice_joins_nothing() {
        let sgk = set(&["SGK"]);
        let none = set(&[]);
        let orgs = [
            org("Sächsische Glas-Kooperative", &sgk, OrgKind::Company),
            org("Schwäbische Gummi-Konzern", &sgk, OrgKind::Company),
            org("Süd Glas Kontor", &none, OrgKind::Company),
        ];
        assert!(!same(
            &orgs,
            "Süd Glas Kontor",
            "Sächsische Glas-Kooperative"
        ));
        assert!(!same(&orgs, "Süd Glas Kontor", "Schwäbische Gummi-Konzern"));
    }

    #[test]
    fn conflicting_places_keep_acronyms_apart() {
        let wfgk = set(&["WFGK"]);
        let none = set(&[]);
        let orgs = [
            org("Wirtschaftsförderung von Kassel", &wfgk, OrgKind::Company),
            // Initials WFGK too, but in Kiel.
            org(
                "Wirtschafts-Förderungs-Gesellschaft Kiel",
                &none,
                OrgKind::Company,
            ),
        ];
        assert!(!same(
            &orgs,
            "Wirtschaftsförderung von Kassel",
            "Wirtschafts-Förderungs-Gesellschaft Kiel"
        ));
    }

    #[test]
    fn result_does_not_depend_on_order() {
        let hwk = set(&["HWK"]);
        let none = set(&[]);
        let mut orgs = vec![
            org("Dresdner Handwerks- und Werkkammer", &hwk, OrgKind::Chamber),
            org("HWK Dresden", &none, OrgKind::Chamber),
            org("Kölner Stadtwerke", &none, OrgKind::Company),
            org("Stadtwerke Köln", &none, OrgKind::Company),
        ];
        let a = canonical_keys(&orgs);
        orgs.reverse();
        assert_eq!(a, canonical_keys(&orgs));
    }
}
