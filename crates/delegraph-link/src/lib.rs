//! Identity across documents and IRI minting.
//!
//! Every entity, office, trip, partnership, agreement and document gets an IRI under
//! [`BASE`]. IRIs are minted from content (names, GeoNames ids, dates), never from counters or
//! input order, so rebuilding the same documents in any order gives the same IRIs.
//!
//! Identity rules, precision first:
//! - places are the same when they are the same gazetteer entry (GeoNames id);
//! - organizations are the same when their normalized names agree, when one's name is an
//!   alias (acronym) of exactly one other, when they differ only in how the place is written
//!   ("Kleinhausener Stadtwerke", "Stadtwerke Kleinhausen") or when one's name stands for an acronym that
//!   exactly one other defines (initials, or acronym + place); see `orgs.rs`;
//! - persons are the same when their full names agree and their parties do not conflict; a
//!   surname-only person joins a full-name person of another document only when exactly one
//!   candidate has that surname and an office with the same head noun;
//! - trips are the same when leader and a destination agree and their start dates are within a
//!   week (or unknown).

mod orgs;
mod slug;

pub use slug::slug;

use delegraph_model::{DocFacts, EntityRef, EntityType};
use std::collections::{BTreeMap, BTreeSet};

/// The namespace of all delegraph data IRIs.
pub const BASE: &str = "https://w3id.org/delegraph/id/";

/// The IRI of a document, also the name of its graph.
pub fn document_iri(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    format!("{BASE}doc/{}", slug(stem))
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('ß', "ss")
}

/// Office head of a title: its last word, lowercase, without a feminine "-in".
fn office_head(title: &str) -> String {
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    let last = last.rsplit('-').next().unwrap_or(&last).to_string();
    last.strip_suffix("in")
        .filter(|s| s.chars().count() > 4)
        .map(str::to_string)
        .unwrap_or(last)
}

/// Sets `iri` on every document, entity, office and event of `docs`.
pub fn link(docs: &mut [DocFacts]) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        docs[a]
            .document
            .cmp(&docs[b].document)
            .then(docs[a].sha256.cmp(&docs[b].sha256))
    });
    // Document IRIs; the same file name twice gets a hash suffix.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for &d in &order {
        *seen.entry(document_iri(&docs[d].document)).or_default() += 1;
    }
    for &d in &order {
        let base = document_iri(&docs[d].document);
        docs[d].iri = Some(if seen[&base] > 1 {
            format!("{base}-{}", &docs[d].sha256[..8])
        } else {
            base
        });
    }
    link_places(docs);
    link_orgs(docs, &order);
    link_persons(docs, &order);
    mint_facts(docs);
    link_trips(docs, &order);
}

fn link_places(docs: &mut [DocFacts]) {
    for d in docs.iter_mut() {
        for p in &mut d.places {
            let s = slug(&p.core.name);
            p.core.iri = Some(match p.geonames_id {
                Some(id) => format!("{BASE}place/{s}-{id}"),
                None => format!("{BASE}place/{s}"),
            });
        }
    }
}

fn link_orgs(docs: &mut [DocFacts], order: &[usize]) {
    // Display name of each name group: its first spelling in document order.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut all = Vec::new();
    for &d in order {
        for o in &docs[d].organizations {
            names
                .entry(norm(&o.core.name))
                .or_insert_with(|| o.core.name.clone());
            all.push(orgs::OrgIn {
                name: &o.core.name,
                aliases: &o.core.aliases,
                kind: o.kind,
            });
        }
    }
    let canonical = orgs::canonical_keys(&all);
    for d in docs.iter_mut() {
        for o in &mut d.organizations {
            let k = norm(&o.core.name);
            let display = canonical
                .get(&k)
                .and_then(|c| names.get(c))
                .cloned()
                .unwrap_or_else(|| o.core.name.clone());
            o.core.iri = Some(format!("{BASE}org/{}", slug(&display)));
        }
    }
}

fn link_persons(docs: &mut [DocFacts], order: &[usize]) {
    // Full-name persons: key = normalized name (+ party where parties conflict).
    let mut parties: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &d in order {
        for p in &docs[d].persons {
            if let Some(party) = &p.party {
                parties
                    .entry(norm(&p.core.name))
                    .or_default()
                    .insert(party.clone());
            }
        }
    }
    let iri_of = |name: &str, party: Option<&String>| -> String {
        let k = norm(name);
        let conflicting = parties.get(&k).is_some_and(|s| s.len() > 1);
        match (conflicting, party) {
            (true, Some(p)) => format!("{BASE}person/{}-{}", slug(name), slug(p)),
            _ => format!("{BASE}person/{}", slug(name)),
        }
    };
    // Surname index of multi-word persons with their office heads.
    let mut by_surname: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for &d in order {
        for p in &docs[d].persons {
            let words: Vec<&str> = p.core.name.split_whitespace().collect();
            if words.len() > 1 {
                let iri = iri_of(&p.core.name, p.party.as_ref());
                let heads = p.offices.iter().map(|o| office_head(&o.title)).collect();
                by_surname
                    .entry(norm(words[words.len() - 1]))
                    .or_default()
                    .insert(iri.clone(), heads);
                by_surname
                    .entry(norm(words[0]))
                    .or_default()
                    .entry(iri)
                    .or_default();
            }
        }
    }
    for d in docs.iter_mut() {
        for p in &mut d.persons {
            let words: Vec<&str> = p.core.name.split_whitespace().collect();
            let mut iri = iri_of(&p.core.name, p.party.as_ref());
            if words.len() == 1 {
                let heads: BTreeSet<String> =
                    p.offices.iter().map(|o| office_head(&o.title)).collect();
                if let Some(cands) = by_surname.get(&norm(words[0])) {
                    let agreeing: Vec<&String> = cands
                        .iter()
                        .filter(|(_, h)| {
                            !heads.is_empty() && h.intersection(&heads).next().is_some()
                        })
                        .map(|(i, _)| i)
                        .collect();
                    if agreeing.len() == 1 {
                        iri = agreeing[0].clone();
                    }
                }
            }
            p.core.iri = Some(iri);
            p.party_iri = p
                .party
                .as_ref()
                .map(|party| format!("{BASE}org/{}", slug(party)));
        }
    }
}

fn entity_slug(d: &DocFacts, r: EntityRef) -> String {
    let iri = d.core(r).iri.clone().unwrap_or_default();
    iri.rsplit('/').next().unwrap_or("").to_string()
}

fn mint_facts(docs: &mut [DocFacts]) {
    for d in docs.iter_mut() {
        for pi in 0..d.persons.len() {
            let person = entity_slug(d, EntityRef::person(pi));
            for oi in 0..d.persons[pi].offices.len() {
                let o = &d.persons[pi].offices[oi];
                let of =
                    o.of.map(|r| format!("-{}", entity_slug(d, r)))
                        .unwrap_or_default();
                let iri = format!("{BASE}office/{person}-{}{of}", slug(&o.title));
                d.persons[pi].offices[oi].iri = Some(iri);
            }
        }
        for i in 0..d.partnerships.len() {
            let mut ends = [
                entity_slug(d, d.partnerships[i].a),
                entity_slug(d, d.partnerships[i].b),
            ];
            ends.sort();
            d.partnerships[i].iri = Some(format!("{BASE}partnership/{}--{}", ends[0], ends[1]));
        }
        for i in 0..d.agreements.len() {
            let a = &d.agreements[i];
            let mut parties: Vec<String> = a.parties.iter().map(|r| entity_slug(d, *r)).collect();
            parties.sort();
            parties.dedup();
            let when = a.date.map(|x| format!("-{}", x.year)).unwrap_or_default();
            d.agreements[i].iri = Some(format!(
                "{BASE}agreement/{}-{}{when}",
                a.kind.as_str().replace('_', "-"),
                parties.join("--")
            ));
        }
    }
}

fn link_trips(docs: &mut [DocFacts], order: &[usize]) {
    struct T {
        doc: usize,
        idx: usize,
        leader: String,
        dests: BTreeSet<String>,
        start: Option<jiff::civil::Date>,
        year: Option<i16>,
    }
    let mut all: Vec<T> = Vec::new();
    for &d in order {
        for (i, t) in docs[d].trips.iter().enumerate() {
            let leader = t
                .leader
                .map(|r| docs[d].core(r).iri.clone().unwrap_or_default())
                .unwrap_or_default();
            let dests = t
                .destinations
                .iter()
                .map(|r| docs[d].core(*r).iri.clone().unwrap_or_default())
                .collect();
            all.push(T {
                doc: d,
                idx: i,
                leader,
                dests,
                start: t.start.and_then(|s| s.to_civil()),
                year: t.start.map(|s| s.year),
            });
        }
    }
    // Union-find over pairs that agree.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    // Only trips with the same leader and a common destination can agree: compare within each
    // (leader, destination) bucket, not all pairs of the archive (quadratic in its size).
    let mut buckets: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, t) in all.iter().enumerate() {
        if !t.leader.is_empty() {
            for d in &t.dests {
                buckets
                    .entry((t.leader.as_str(), d.as_str()))
                    .or_default()
                    .push(i);
            }
        }
    }
    for members in buckets.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                let (x, y) = (&all[a], &all[b]);
                if x.doc == y.doc {
                    continue;
                }
                let close = match (x.start, y.start) {
                    (Some(s), Some(t)) => (s - t).get_days().abs() <= 7,
                    _ => x.year.is_none() || y.year.is_none() || x.year == y.year,
                };
                if close {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    if ra != rb {
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..all.len() {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    for members in clusters.values() {
        // Name from the cluster's content, not from which document came first.
        let leader = all[members[0]]
            .leader
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        let mut common: Option<BTreeSet<String>> = None;
        for &m in members {
            common = Some(match common {
                None => all[m].dests.clone(),
                Some(c) => c.intersection(&all[m].dests).cloned().collect(),
            });
        }
        let dest = common
            .unwrap_or_default()
            .into_iter()
            .next()
            .map(|d| d.rsplit('/').next().unwrap_or("").to_string())
            .unwrap_or_else(|| "unknown".to_string());
        let start = members.iter().filter_map(|&m| all[m].start).min();
        let when = match start {
            Some(s) => format!("-{}", s.strftime("%Y-%m")),
            None => members
                .iter()
                .filter_map(|&m| all[m].year)
                .min()
                .map(|y| format!("-{y}"))
                .unwrap_or_default(),
        };
        let who = if leader.is_empty() {
            "delegation".to_string()
        } else {
            leader
        };
        let mut iri = format!("{BASE}trip/{who}-{dest}{when}");
        if members.len() == 1 && all[members[0]].leader.is_empty() {
            // Leaderless trips of different documents stay apart.
            let doc_slug = docs[all[members[0]].doc].iri.clone().unwrap_or_default();
            iri = format!(
                "{iri}-{}-{}",
                doc_slug.rsplit('/').next().unwrap_or(""),
                all[members[0]].idx
            );
        }
        for &m in members {
            docs[all[m].doc].trips[all[m].idx].iri = Some(iri.clone());
        }
    }
}

/// Entity references of a document grouped by type, for callers that walk all of them.
pub fn refs_of(d: &DocFacts, ty: EntityType) -> Vec<EntityRef> {
    d.entity_refs().into_iter().filter(|r| r.ty == ty).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use delegraph_model::{EntityCore, Office, Person};

    fn person(name: &str, title: &str) -> Person {
        Person {
            core: EntityCore::new(name),
            party: None,
            party_span: None,
            party_iri: None,
            offices: vec![Office {
                title: title.into(),
                of: None,
                span: 0..1,
                iri: None,
            }],
        }
    }

    fn doc(name: &str, persons: Vec<Person>) -> DocFacts {
        DocFacts {
            document: name.into(),
            sha256: "00000000".into(),
            persons,
            ..Default::default()
        }
    }

    #[test]
    fn same_full_name_links_and_is_order_independent() {
        let mut a = vec![
            doc("a.txt", vec![person("Anna Berg", "Ministerin")]),
            doc("b.txt", vec![person("Anna Berg", "Ministerin")]),
        ];
        let mut b = vec![a[1].clone(), a[0].clone()];
        link(&mut a);
        link(&mut b);
        assert_eq!(a[0].persons[0].core.iri, a[1].persons[0].core.iri);
        assert_eq!(a[0].persons[0].core.iri, b[1].persons[0].core.iri);
    }

    #[test]
    fn surname_links_only_with_agreeing_office() {
        let mut docs = vec![
            doc("a.txt", vec![person("Anna Berg", "Oberbürgermeisterin")]),
            doc("b.txt", vec![person("Berg", "Oberbürgermeisterin")]),
            doc("c.txt", vec![person("Berg", "Geschäftsführer")]),
        ];
        link(&mut docs);
        assert_eq!(docs[0].persons[0].core.iri, docs[1].persons[0].core.iri);
        assert_ne!(docs[0].persons[0].core.iri, docs[2].persons[0].core.iri);
    }

    #[test]
    fn party_conflict_keeps_namesakes_apart() {
        let mut p1 = person("Jan Brandt", "Abgeordneter");
        p1.party = Some("SPD".into());
        let mut p2 = person("Jan Brandt", "Abgeordneter");
        p2.party = Some("CDU".into());
        let mut docs = vec![doc("a.txt", vec![p1]), doc("b.txt", vec![p2])];
        link(&mut docs);
        assert_ne!(docs[0].persons[0].core.iri, docs[1].persons[0].core.iri);
    }
}
