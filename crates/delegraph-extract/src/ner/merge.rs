//! One entity written several ways in a document: organization and person variants.

use super::*;

/// Initials of the capitalized words of a name, hyphenated parts included, without legal
/// forms: "Auheimer Messe- und Kongress GmbH" -> "KMK".
pub(super) fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| orgs::ends_with_legal_form(&[w]).is_none())
        .collect();
    orgs::initials(&words)
}

/// A one-word organization name that is the head or the first word of exactly one longer
/// name in the document is that organization: "Bundestag" after "Nationaler Bundesrat", "IHK"
/// after "IHK Heidburg".
pub(super) fn merge_org_variants(f: &mut Found) {
    let n = f.orgs.len();
    let mut target: Vec<usize> = (0..n).collect();
    #[allow(clippy::needless_range_loop)] // `a` indexes organizations and targets alike
    for a in 0..n {
        // "Messegesellschaft der Hafenstadt Danzig" is the "Messegesellschaft Danzig": the
        // same head and place, with a genitive phrase between.
        let words_a: Vec<String> = f.orgs[a].name.split(' ').map(norm_key).collect();
        if words_a.len() >= 4
            && words_a[1..words_a.len() - 1]
                .iter()
                .any(|w| w == "der" || w == "des")
        {
            let short: Vec<usize> = (0..n)
                .filter(|&b| {
                    let wb: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
                    b != a
                        && wb.len() == 2
                        && wb[0] == words_a[0]
                        && wb[1] == words_a[words_a.len() - 1]
                })
                .collect();
            if let [b] = short[..] {
                target[a] = b;
                continue;
            }
        }
        let short = norm_key(&f.orgs[a].name);
        if f.orgs[a].name.contains(' ') || f.orgs[a].kind == OrgKind::Party {
            continue;
        }
        let name = &f.orgs[a].name;
        let acronym = (2..=6).contains(&name.chars().count())
            && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let cands: Vec<usize> = (0..n)
            .filter(|&b| b != a && f.orgs[b].kind == f.orgs[a].kind)
            .filter(|&b| {
                let words: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
                words.len() > 1 && (words.last() == Some(&short) || words[0] == short)
            })
            .collect();
        // "KMK" for "Auheimer Messe- und Kongress GmbH": the initials of the name's words.
        let cands = if cands.is_empty() && acronym {
            (0..n)
                .filter(|&b| b != a && initials(&f.orgs[b].name) == *name)
                .collect()
        } else {
            cands
        };
        if let [b] = cands[..] {
            target[a] = b;
        }
    }
    // One organization written twice: with a year ("Smart Ostland Expo 2021"), in another word
    // order ("Smart Expo Ostland"), or named inside another's name at every mention ("Bayer" in
    // "Harlan Research and Innovation Center"), or in parentheses after it ("Polizeibehörde der
    // Stadt (N.H. Police Department)").
    for a in 0..n {
        if target[a] != a {
            continue;
        }
        let words_a: Vec<String> = f.orgs[a].name.split(' ').map(norm_key).collect();
        // "Chorgemeinschaft Bärenmatte" for "Chorgemeinschaft Bärenmatte Kleinhausen": a name
        // of two words or more, ending in a name of its own (not in its head: "Freiwillige
        // Feuerwehr" may be another town's), that starts exactly one longer name of the same
        // kind. ("Universität X" and "Technische Universität X" are two bodies.)
        let own_name = f.orgs[a]
            .name
            .split(' ')
            .next_back()
            .is_some_and(|w| org_head(w).is_none());
        let part_of: Vec<usize> = (0..n)
            .filter(|&b| {
                b != a && target[b] != a && f.orgs[b].kind == f.orgs[a].kind && {
                    let words_b: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
                    own_name
                        && words_a.len() >= 2
                        && words_b.len() > words_a.len()
                        && words_b.starts_with(&words_a)
                }
            })
            .collect();
        if let [b] = part_of[..] {
            target[a] = b;
            continue;
        }
        let b = (0..n).find(|&b| {
            if b == a || target[b] == a || f.orgs[b].kind == OrgKind::Party {
                return false;
            }
            let words_b: Vec<String> = f.orgs[b].name.split(' ').map(norm_key).collect();
            let year_variant = words_a.len() == words_b.len() + 1
                && words_a[..words_b.len()] == words_b[..]
                && words_a
                    .last()
                    .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
            let reordered = words_a.len() >= 2 && words_a.len() == words_b.len() && {
                let mut x = words_a.clone();
                let mut y = words_b.clone();
                x.sort();
                y.sort();
                x == y && f.orgs[a].kind == f.orgs[b].kind && b < a
            };
            let nested = !f.orgs[a].mentions.is_empty()
                && f.orgs[a].mentions.iter().all(|(ma, _)| {
                    f.orgs[b]
                        .mentions
                        .iter()
                        .any(|(mb, _)| mb.start <= ma.start && ma.end <= mb.end && mb != ma)
                });
            year_variant
                || reordered
                || nested
                || place_adjective_variant(&f.orgs[a].name, &f.orgs[b].name)
                || truncated_variant(&words_a, &words_b)
                || compound_acronym_variant(&f.orgs[a].name, &f.orgs[b].name)
                || one_per_town_variant(&f.orgs[a].name, &f.orgs[b].name)
        });
        if let Some(b) = b {
            target[a] = b;
        }
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    // Follow chains (a -> b -> c) to their end; a cycle keeps its first member.
    for a in 0..n {
        let mut t = target[a];
        let mut steps = 0;
        while target[t] != t && steps < n {
            t = target[t];
            steps += 1;
        }
        target[a] = if steps < n { t } else { a };
    }
    let mut new_index: Vec<usize> = vec![0; n];
    let mut orgs: Vec<OrgB> = Vec::new();
    for a in 0..n {
        if target[a] == a {
            new_index[a] = orgs.len();
            orgs.push(f.orgs[a].clone());
        }
    }
    for a in 0..n {
        if target[a] != a {
            let t = new_index[target[a]];
            let src = f.orgs[a].clone();
            orgs[t].mentions.extend(src.mentions);
            for al in std::iter::once(src.name).chain(src.aliases) {
                if !orgs[t].aliases.contains(&al) && al != orgs[t].name {
                    orgs[t].aliases.push(al);
                }
            }
            new_index[a] = t;
        }
    }
    let remap = |r: &mut EntityRef| {
        if r.ty == EntityType::Organization {
            r.index = new_index[r.index];
        }
    };
    for c in f.claim.iter_mut().flatten() {
        remap(c);
    }
    for (_, r) in f.index.iter_mut() {
        remap(r);
    }
    for p in f.persons.iter_mut() {
        for o in p.offices.iter_mut() {
            if let OfRef::Ent(r) = &mut o.of {
                remap(r);
            }
        }
    }
    f.orgs = orgs;
}

/// "Kleinhausener Musikschule" is the "Musikschule Kleinhausen": the place adjective before
/// the head names the place written after it.
fn place_adjective_variant(a: &str, b: &str) -> bool {
    let (Some((adj, head_a)), Some((head_b, place))) = (a.split_once(' '), b.rsplit_once(' '))
    else {
        return false;
    };
    let gaz = Places::get();
    norm_key(head_a) == norm_key(head_b)
        && gaz.lookup(adj).iter().any(|c| {
            c.form == Form::Adjective
                && gaz
                    .lookup(place)
                    .iter()
                    .any(|p| p.id == c.id && matches!(p.form, Form::Name | Form::Genitive))
        })
}

/// "HWK Kleinhausen" is the "Handwerkskammer Kleinhausen", "FW Auheim" the "Feuerwehr Auheim":
/// an acronym of the members of a compound ("Hand|werks|kammer"), the same words after it.
fn compound_acronym_variant(a: &str, b: &str) -> bool {
    let (Some((acr, rest_a)), Some((word, rest_b))) = (a.split_once(' '), b.split_once(' ')) else {
        return false;
    };
    (2..=4).contains(&acr.chars().count())
        && acr.chars().all(char::is_uppercase)
        && norm_key(rest_a) == norm_key(rest_b)
        && compound_initials(acr, word)
}

/// Whether the letters of `acr` start members of the compound `word`: the first letter starts
/// the word, the last starts its head (an ordinary noun: "Kammer", "Wehr"), the others lie in
/// between in order.
fn compound_initials(acr: &str, word: &str) -> bool {
    let letters: Vec<char> = acr.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let (Some(&first), Some(&last)) = (letters.first(), letters.last()) else {
        return false;
    };
    if chars.first() != Some(&first) || chars.len() < 5 {
        return false;
    }
    // The head: the longest ordinary noun the word ends with, starting with the last letter.
    let head_start = (2..chars.len() - 2).find(|&k| {
        chars[k] == last && {
            let mut head: String = chars[k].to_uppercase().collect();
            head.extend(&chars[k + 1..]);
            is_common_noun(&head)
        }
    });
    let Some(head_start) = head_start else {
        return false;
    };
    let mut k = 1;
    for l in &letters[1..letters.len() - 1] {
        match chars[k..head_start].iter().position(|c| c == l) {
            Some(p) => k += p + 1,
            None => return false,
        }
    }
    true
}

/// "Ortsfeuerwehr Auheim" and "Gemeindefeuerwehr Auheim": bodies a town has only one
/// of (its fire brigade, its administration), named with different modifiers and the same town.
fn one_per_town_variant(a: &str, b: &str) -> bool {
    const ONE_PER_TOWN: &[&str] = &["feuerwehr", "verwaltung"];
    let (Some((head_a, town_a)), Some((head_b, town_b))) = (a.rsplit_once(' '), b.rsplit_once(' '))
    else {
        return false;
    };
    let gaz = Places::get();
    let head = |s: &str| {
        let last = s.rsplit(' ').next().unwrap_or(s).to_lowercase();
        ONE_PER_TOWN.iter().find(|h| last.ends_with(*h)).copied()
    };
    norm_key(town_a) == norm_key(town_b)
        && !gaz.lookup(town_a).is_empty()
        && head(head_a).is_some()
        && head(head_a) == head(head_b)
}

/// "Kleinhausen University" for "Kleinhausen University of Applied Arts": a name cut before
/// its connector ("of", "für", "der").
fn truncated_variant(a: &[String], b: &[String]) -> bool {
    a.len() >= 2
        && b.len() > a.len() + 1
        && b[..a.len()] == a[..]
        && matches!(
            b[a.len()].as_str(),
            "of" | "for" | "für" | "der" | "des" | "de"
        )
}

/// Follows merge chains (a -> b -> c) to their end; a cycle keeps its first member.
fn resolve_chains(target: &mut [usize]) {
    let n = target.len();
    for a in 0..n {
        let mut t = target[a];
        let mut steps = 0;
        while target[t] != t && steps < n {
            t = target[t];
            steps += 1;
        }
        target[a] = if steps < n { t } else { a };
    }
}

/// Folds single-word persons into the full-name person they abbreviate ("Tang" -> "Tang Weiming").
pub(super) fn merge_person_variants(f: &mut Found) {
    let n = f.persons.len();
    let mut target: Vec<usize> = (0..n).collect();
    #[allow(clippy::needless_range_loop)] // `a` indexes persons and targets alike
    for a in 0..n {
        // "PARK Jae-Min" after "Jae-Min Park": the same words in the other order.
        if f.persons[a].words.len() > 1 {
            let mut key = f.persons[a].words.clone();
            key.sort();
            if let Some(b) = (0..a).find(|&b| {
                let mut kb = f.persons[b].words.clone();
                kb.sort();
                kb == key
            }) {
                target[a] = b;
            }
            continue;
        }
        let w = &f.persons[a].words[0];
        let first_mention = f.persons[a].mentions.first().map_or(0, |m| m.0.start);
        let mut cands: Vec<usize> = (0..n)
            .filter(|&b| b != a && f.persons[b].words.len() > 1)
            .filter(|&b| {
                let ws = &f.persons[b].words;
                ws.last() == Some(w)
                    || (ws.iter().skip(1).any(|x| x == w) && !is_first_name(w))
                    || (ws[0] == *w && CHINESE_SURNAMES.contains(&w.as_str()))
            })
            .collect();
        cands.sort_by_key(|&b| {
            let m = f.persons[b]
                .mentions
                .iter()
                .map(|m| m.0.start)
                .filter(|&s| s <= first_mention)
                .max();
            std::cmp::Reverse(m.unwrap_or(0))
        });
        if let Some(&b) = cands.first() {
            target[a] = b;
        }
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    resolve_chains(&mut target);
    let mut new_index: Vec<Option<usize>> = vec![None; n];
    let mut persons: Vec<PersonB> = Vec::new();
    for a in 0..n {
        if target[a] == a {
            new_index[a] = Some(persons.len());
            persons.push(f.persons[a].clone());
        }
    }
    for a in 0..n {
        if target[a] != a {
            let t = new_index[target[a]].unwrap();
            let src = f.persons[a].clone();
            persons[t].mentions.extend(src.mentions);
            persons[t].offices.extend(src.offices);
            if persons[t].party.is_none() {
                persons[t].party = src.party;
            }
            new_index[a] = Some(t);
        }
    }
    let remap = |r: &mut EntityRef| {
        if r.ty == EntityType::Person {
            r.index = new_index[r.index].unwrap();
        }
    };
    for c in f.claim.iter_mut().flatten() {
        remap(c);
    }
    for (_, r) in f.index.iter_mut() {
        remap(r);
    }
    f.persons = persons;
}

/// "Anna Beispiel (SPD)", "die SPD-Stadträtin": a party named only as the affiliation of a person
/// is the person's attribute (`party`), not an organization the text is about. A party the text
/// names otherwise ("Die SPD beantragte …") stays.
pub(super) fn drop_party_tags(ctx: &Ctx, f: &mut Found) {
    let is_tag = |t: &Range<usize>| {
        let in_parens = t.start >= 2
            && ctx.word(t.start - 1) == "("
            && ctx.word(t.end) == ")"
            && f.index
                .iter()
                .any(|(x, r)| r.ty == EntityType::Person && x.end == t.start - 1);
        // A list of parties in one pair of parentheses: "(SPD, Grüne)".
        let listed = ctx.word(t.end) == "," || ctx.word(t.start.saturating_sub(1)) == ",";
        in_parens
            || (listed && ctx.sent_of[t.start] == ctx.sent_of[t.end.min(ctx.len() - 1)] && {
                let open = (t.start.saturating_sub(6)..t.start)
                    .rev()
                    .find(|&k| ctx.word(k) == "(");
                open.is_some_and(|o| {
                    o >= 1
                        && f.index
                            .iter()
                            .any(|(x, r)| r.ty == EntityType::Person && x.end == o)
                })
            })
    };
    let keep: Vec<bool> = f
        .orgs
        .iter()
        .map(|o| o.kind != OrgKind::Party || !o.mentions.iter().all(|(t, _)| is_tag(t)))
        .collect();
    retain_orgs(f, &keep);
}

/// Removes the organizations whose `keep` is false, with their claims and mentions.
pub(super) fn retain_orgs(f: &mut Found, keep: &[bool]) {
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index: Vec<Option<usize>> = Vec::with_capacity(keep.len());
    let mut n = 0;
    for &k in keep {
        new_index.push(k.then_some(n));
        n += usize::from(k);
    }
    let remap = |r: EntityRef| -> Option<EntityRef> {
        if r.ty == EntityType::Organization {
            new_index[r.index].map(EntityRef::org)
        } else {
            Some(r)
        }
    };
    for c in f.claim.iter_mut() {
        *c = c.and_then(remap);
    }
    f.index = f
        .index
        .drain(..)
        .filter_map(|(t, r)| remap(r).map(|r| (t, r)))
        .collect();
    for o in f
        .persons
        .iter_mut()
        .flat_map(|p| p.offices.iter_mut())
        .chain(f.unassigned.iter_mut())
    {
        if let OfRef::Ent(r) = o.of {
            o.of = remap(r).map_or(OfRef::None, OfRef::Ent);
        }
    }
    let mut k = 0;
    f.orgs.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// "Neustadt an der Aue … Neustadt": a place named by the first words of another place of the
/// same country in the document is that place, not a namesake elsewhere.
pub(super) fn merge_place_short_forms(f: &mut Found) {
    let gaz = Places::get();
    let n = f.places.len();
    let mut target: Vec<usize> = (0..n).collect();
    for (a, t) in target.iter_mut().enumerate() {
        let pa = gaz.place(f.places[a].id);
        let long = (0..n).find(|&b| {
            let pb = gaz.place(f.places[b].id);
            b != a
                && pb.country == pa.country
                && pb.kind == pa.kind
                && pb.name.len() > pa.name.len() + 1
                && pb.name.starts_with(&pa.name)
                && pb.name.as_bytes()[pa.name.len()] == b' '
        });
        if let Some(b) = long {
            *t = b;
        }
    }
    // "Landkreis Kleinhausen … Kleinhausen": in a text that names the district after its seat,
    // the bare name is the district.
    for b in 0..n {
        let pb = gaz.place(f.places[b].id);
        if !gaz.is_ad_hoc(f.places[b].id) || pb.kind != PlaceKind::District {
            continue;
        }
        let Some((_, seat)) = pb.name.split_once(' ') else {
            continue;
        };
        let seats: Vec<PlaceId> = gaz.lookup(seat).iter().map(|c| c.id).collect();
        for (a, t) in target.iter_mut().enumerate() {
            if a != b && seats.contains(&f.places[a].id) {
                *t = b;
            }
        }
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    resolve_chains(&mut target);
    let mut new_index = vec![0; n];
    let mut kept: Vec<PlaceB> = Vec::new();
    for a in 0..n {
        if target[a] == a {
            new_index[a] = kept.len();
            kept.push(f.places[a].clone());
        }
    }
    for a in 0..n {
        if target[a] != a {
            let t = new_index[target[a]];
            let ms = f.places[a].mentions.clone();
            kept[t].mentions.extend(ms);
            new_index[a] = t;
        }
    }
    let remap = |r: &mut EntityRef| {
        if r.ty == EntityType::Place {
            r.index = new_index[r.index];
        }
    };
    for c in f.claim.iter_mut().flatten() {
        remap(c);
    }
    for (_, r) in f.index.iter_mut() {
        remap(r);
    }
    for p in f.persons.iter_mut() {
        for o in p.offices.iter_mut() {
            if let OfRef::Ent(r) = &mut o.of {
                remap(r);
            }
        }
    }
    for o in f.unassigned.iter_mut() {
        if let OfRef::Ent(r) = &mut o.of {
            remap(r);
        }
    }
    f.places = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_acronyms() {
        assert!(compound_initials("HWK", "Handwerkskammer"));
        assert!(compound_initials("FW", "Feuerwehr"));
        assert!(!compound_initials("IHK", "Handwerkskammer"));
        assert!(compound_acronym_variant(
            "HWK Auheim",
            "Handwerkskammer Auheim"
        ));
        assert!(!compound_acronym_variant(
            "HWK Auheim",
            "Handwerkskammer Lindau"
        ));
    }

    #[test]
    fn one_body_per_town() {
        assert!(one_per_town_variant(
            "Ortsfeuerwehr Kranzberg",
            "Gemeindefeuerwehr Kranzberg"
        ));
        assert!(!one_per_town_variant(
            "Ortsfeuerwehr Kranzberg",
            "Feuerwehr Lindau"
        ));
        assert!(!one_per_town_variant(
            "Grundschule Kranzberg",
            "Mittelschule Kranzberg"
        ));
    }
}
