//! Place rules: gazetteer matches with the context an ambiguous name needs.

use super::*;

pub(super) fn places(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some_and(|r| r.ty == EntityType::Person) {
            i += 1;
            continue;
        }
        let Some((t, c)) = place_match(ctx, i, places) else {
            i += 1;
            continue;
        };
        if f.index
            .iter()
            .any(|(x, r)| r.ty == EntityType::Place && x.start == t.start)
        {
            i = t.end;
            continue;
        }
        // Inside an organization name, a place counts only at its end ("IHK Berlin") or as a
        // leading adjective ("Kärntner Landtag"), not inside ("Massachusetts Institute").
        if let Some(org) = f.claim[t.start].filter(|r| r.ty == EntityType::Organization) {
            // The mention of that organization which covers this place.
            let range = f
                .index
                .iter()
                .find(|(x, r)| *r == org && x.start <= t.start && t.start < x.end)
                .map(|(x, _)| x.clone());
            if let Some(range) = range {
                // Brands named like places ("Picture Alliance", "Air China") do not mention them.
                let brand = lookup_org(&ctx.w[range.clone()].join(" ")).is_some();
                let at_end = t.end == range.end && !brand;
                let leading_adj = t.start == range.start && c.form == Form::Adjective;
                let after_prep = t.start > range.start
                    && matches!(ctx.word(t.start - 1), "von" | "des" | "der" | "in");
                if !(at_end || leading_adj || after_prep) {
                    i = t.end;
                    continue;
                }
            }
        }
        // "Im Zentrum", "Am Markt": a match starting with a function word is a phrase.
        if t.len() > 1 && ctx.is_function(t.start) {
            i += 1;
            continue;
        }
        let surface = ctx.w[t.clone()].join(" ");
        // "Die AHL beschäftigt …": an acronym an organization defined is that organization.
        if surface.chars().all(|ch| ch.is_uppercase())
            && f.orgs.iter().any(|o| o.aliases.contains(&surface))
        {
            i = t.end;
            continue;
        }
        let form_is_adjective = c.form == Form::Adjective;
        // "Kölner Delegation", "Tokioter Gouverneurin": a capitalized city adjective qualifies a
        // noun; alone ("LH Dörfler trifft") it is more likely a surname.
        if form_is_adjective && ctx.is_cap(t.start) && !ctx.is_cap(t.end) {
            i = t.end;
            continue;
        }
        // Places named like common nouns ("Norden", "Zentrum", "Rathaus") need a clear place
        // preposition; "im"/"am" introduce ordinary nouns.
        let noun_like = !form_is_adjective && t.len() == 1 && is_common_noun(&surface);
        // A city quarter named like a common noun ("Hochschulen", "Altstadt") is the noun.
        if noun_like && places.place(c.id).kind == PlaceKind::District {
            i = t.end;
            continue;
        }
        if c.ambiguous || noun_like {
            let prev = if i > 0 {
                ctx.lower(i - 1)
            } else {
                String::new()
            };
            let prep = if noun_like {
                matches!(prev.as_str(), "in" | "nach" | "aus" | "bis" | "via")
            } else {
                PLACE_PREPOSITIONS.contains(&prev.as_str())
            };
            // "der Stadt Kiel", "der Landeshauptstadt Kiel"
            let kind_noun = ["stadt", "gemeinde", "region", "kreis", "kreises", "städte"]
                .iter()
                .any(|k| prev.ends_with(k))
                && i > 0
                && ctx.is_cap(i - 1);
            let listed = i > 1
                && matches!(prev.as_str(), "," | "und")
                && f.index
                    .iter()
                    .any(|(x, r)| r.ty == EntityType::Place && x.end == i - 1);
            // "Sachsen und Niederschlesien": listed before a place that is one for sure.
            let listed_before = matches!(ctx.word(t.end), "und" | "sowie")
                && place_match(ctx, t.end + 1, places).is_some_and(|(t2, c2)| {
                    !c2.ambiguous
                        && c2.form == Form::Name
                        && !(t2.len() == 1 && is_common_noun(ctx.word(t2.start)))
                });
            if !(prep || listed || listed_before || kind_noun) {
                i = t.end;
                continue;
            }
        }
        // A capitalized sentence-initial adjective form is rarely the place ("Deutsche Bahn").
        f.place_ref(ctx, t.clone(), c.id);
        i = t.end;
    }
}
