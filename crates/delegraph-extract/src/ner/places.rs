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
        // "North Kesteven", "South Ayrshire": an English compass word before a place is part
        // of another place's name (a district no list holds), not a place of its own.
        if let Some(end) = compass_named_place(ctx, f, i) {
            let name = ctx.surface(i..end);
            let id = places.ad_hoc(&name, PlaceKind::District, None);
            f.place_ref(ctx, i..end, id);
            i = end;
            continue;
        }
        let Some((t, c)) = place_match(ctx, i, places) else {
            i += 1;
            continue;
        };
        let m = Match {
            ctx,
            f,
            places,
            t: t.clone(),
            c: &c,
        };
        let verdict = PLACE_RULES
            .iter()
            .map(|rule| rule(&m))
            .find(|v| !matches!(v, Verdict::Pass))
            .unwrap_or(Verdict::Pass);
        i = match verdict {
            Verdict::Pass => {
                f.place_ref(ctx, t.clone(), c.id);
                t.end
            }
            Verdict::NotHere => t.end,
            Verdict::NextWord => i + 1,
            Verdict::Longer(range, id) => {
                let end = range.end;
                f.place_ref(ctx, range, id);
                end
            }
        };
    }
}

/// A gazetteer match with what the place rules look at.
struct Match<'a> {
    ctx: &'a Ctx<'a>,
    f: &'a Found,
    places: &'a Places,
    t: Range<usize>,
    c: &'a delegraph_gazetteer::places::Candidate,
}

/// What a place rule says about a gazetteer match.
enum Verdict {
    /// The rule has nothing to say; the next one decides (after all of them: a place).
    Pass,
    /// No place here; go on after the match.
    NotHere,
    /// No place starting here; go on with the next word (a longer phrase was matched).
    NextWord,
    /// A longer place than the gazetteer knows, named by the match and what follows.
    Longer(Range<usize>, PlaceId),
}

type PlaceRule = fn(&Match) -> Verdict;

/// The rules a gazetteer match passes before it counts as a place, in order; the first that
/// does not pass decides.
const PLACE_RULES: &[PlaceRule] = &[
    inside_known_place,
    inside_organization,
    patron_saint,
    name_qualifier,
    function_word_phrase,
    defined_acronym,
    city_adjective_alone,
    quarter_named_like_noun,
    ambiguous_without_context,
    position_word_after,
    town_noun_run_on,
];

fn not_if(cond: bool) -> Verdict {
    if cond {
        Verdict::NotHere
    } else {
        Verdict::Pass
    }
}

/// Already a place, or inside one named by context ("Landkreis Kleinhausen").
fn inside_known_place(m: &Match) -> Verdict {
    not_if(
        m.f.index
            .iter()
            .any(|(x, r)| r.ty == EntityType::Place && x.start <= m.t.start && m.t.end <= x.end),
    )
}

/// Inside an organization name, a place counts only at its end ("IHK Großbach"), as a leading
/// adjective ("Oberländer Landtag") or after a preposition or article, not inside
/// ("Massachusetts Institute").
fn inside_organization(m: &Match) -> Verdict {
    let (ctx, t) = (m.ctx, &m.t);
    let Some(org) = m.f.claim[t.start].filter(|r| r.ty == EntityType::Organization) else {
        return Verdict::Pass;
    };
    // The mention of that organization which covers this place.
    let Some(range) =
        m.f.index
            .iter()
            .find(|(x, r)| *r == org && x.start <= t.start && t.start < x.end)
            .map(|(x, _)| x.clone())
    else {
        return Verdict::Pass;
    };
    // Brands named like places ("Foto Union", "Air Ostland") do not mention them.
    let brand = lookup_org(&ctx.w[range.clone()].join(" ")).is_some();
    let at_end = t.end == range.end && !brand;
    let leading_adj = t.start == range.start && m.c.form == Form::Adjective;
    let after_prep =
        t.start > range.start && matches!(ctx.word(t.start - 1), "von" | "des" | "der" | "in");
    not_if(!(at_end || leading_adj || after_prep))
}

/// "Pfarrkirche St. Martin", "Kirchenchor Sankt Josef": a saint after a noun names the church
/// or the club's patron, not the town of that saint; "Kinderklinik Sankt Afra", "Pfarrei St.
/// Hedwig": nor is the saint's name after it.
fn patron_saint(m: &Match) -> Verdict {
    let (ctx, s) = (m.ctx, m.t.start);
    let saint_at = match s {
        s if s >= 1 && matches!(ctx.word(s - 1), "Sankt" | "St.") => Some(s - 1),
        s if s >= 2 && ctx.word(s - 1) == "." && ctx.word(s - 2) == "St" => Some(s - 2),
        _ => None,
    };
    not_if(is_patron_saint(ctx, s) || saint_at.is_some_and(|k| is_patron_saint(ctx, k)))
}

/// "Weißenburg i. Bay.", "Neustadt a. d. Aisch": what follows an abbreviated preposition after
/// a town qualifies the town's name; it is no place of its own.
fn name_qualifier(m: &Match) -> Verdict {
    not_if(after_name_qualifier(m.ctx, m.t.start))
}

/// "Im Zentrum", "Am Markt": a match starting with a function word is a phrase.
fn function_word_phrase(m: &Match) -> Verdict {
    if m.t.len() > 1 && m.ctx.is_function(m.t.start) {
        Verdict::NextWord
    } else {
        Verdict::Pass
    }
}

/// "Die AHL beschäftigt …": an acronym an organization defined is that organization.
fn defined_acronym(m: &Match) -> Verdict {
    let surface = m.ctx.w[m.t.clone()].join(" ");
    not_if(
        surface.chars().all(|ch| ch.is_uppercase())
            && m.f.orgs.iter().any(|o| o.aliases.contains(&surface)),
    )
}

/// "Kleinhausener Delegation", "Südhafener Gouverneurin": a capitalized city adjective
/// qualifies a noun; alone ("LH Steinhauser trifft") it is more likely a surname.
fn city_adjective_alone(m: &Match) -> Verdict {
    not_if(m.c.form == Form::Adjective && m.ctx.is_cap(m.t.start) && !m.ctx.is_cap(m.t.end))
}

/// The place is named like a common noun ("Norden", "Zentrum") and used without a clear
/// place preposition.
fn noun_like(m: &Match) -> bool {
    m.c.form != Form::Adjective && m.t.len() == 1 && is_common_noun(m.ctx.word(m.t.start))
}

/// A city quarter named like a common noun ("Hochschulen", "Altstadt") is the noun; one named
/// after its street or square ("Lindenplatz", "Langstrasse") is the address.
fn quarter_named_like_noun(m: &Match) -> Verdict {
    let lower = m.ctx.w[m.t.clone()].join(" ").to_lowercase();
    let street = ["platz", "straße", "strasse", "gasse", "allee"]
        .iter()
        .any(|e| lower.ends_with(e));
    not_if((noun_like(m) || street) && m.places.place(m.c.id).kind == PlaceKind::District)
}

/// An ambiguous name, or a place named like a common noun, needs context: a place
/// preposition ("im"/"am" introduce ordinary nouns), a town noun before it ("der Kreisstadt
/// Seestadt"), or a list with a certain place ("Mittelmark und Niederschlesien").
fn ambiguous_without_context(m: &Match) -> Verdict {
    let (ctx, f, i) = (m.ctx, m.f, m.t.start);
    let noun_like = noun_like(m);
    if !(m.c.ambiguous || noun_like) {
        return Verdict::Pass;
    }
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
    let listed_before = matches!(ctx.word(m.t.end), "und" | "sowie")
        && place_match(ctx, m.t.end + 1, m.places).is_some_and(|(t2, c2)| {
            !c2.ambiguous
                && c2.form == Form::Name
                && !(t2.len() == 1 && is_common_noun(ctx.word(t2.start)))
        });
    not_if(!(prep || listed || listed_before || kind_noun))
}

/// "X Dolna", "X Horní": a town with a Slavic or Romanian position or size word after it is
/// another, smaller place than X, named by both words.
fn position_word_after(m: &Match) -> Verdict {
    let (ctx, t, places) = (m.ctx, &m.t, m.places);
    let place = places.place(m.c.id);
    if m.c.form == Form::Name
        && place.kind == PlaceKind::City
        && ctx.same_sentence(t.start, t.end)
        && POSITION_WORDS_AFTER.contains(&ctx.word(t.end))
        && m.f.claim[t.end].is_none()
    {
        let range = t.start..t.end + 1;
        let id = places.ad_hoc(
            &ctx.surface(range.clone()),
            PlaceKind::City,
            place.country.as_deref(),
        );
        return Verdict::Longer(range, id);
    }
    Verdict::Pass
}

/// "die Gemeinde Castelnuovo Monferrato": after a town noun, a known town's name that runs on
/// over names no list holds is another, longer town's name.
fn town_noun_run_on(m: &Match) -> Verdict {
    let (ctx, t, places) = (m.ctx, &m.t, m.places);
    let place = places.place(m.c.id);
    if m.c.form != Form::Name
        || place.kind != PlaceKind::City
        || t.start == 0
        || !is_town_noun(ctx.word(t.start - 1))
    {
        return Verdict::Pass;
    }
    let end = name_run_end(ctx, m.f, t.end);
    if end <= t.end {
        return Verdict::Pass;
    }
    let id = places.ad_hoc(
        &ctx.surface(t.start..end),
        PlaceKind::City,
        place.country.as_deref(),
    );
    Verdict::Longer(t.start..end, id)
}

/// The end of a place named by an English compass word and a place ("North Kesteven"), when
/// the gazetteer does not hold the whole name.
fn compass_named_place(ctx: &Ctx, f: &Found, i: usize) -> Option<usize> {
    if !matches!(ctx.word(i), "North" | "South" | "East" | "West")
        || !ctx.same_sentence(i, i + 1)
        || f.claim[i].is_some()
    {
        return None;
    }
    let places = Places::get();
    if place_match(ctx, i, places).is_some_and(|(t, _)| t.len() > 1) {
        return None;
    }
    if !ctx.is_cap(i + 1) || ctx.is_function(i + 1) {
        return None;
    }
    match place_match(ctx, i + 1, places) {
        Some((t, c)) => (c.form == Form::Name && f.free(t.clone())).then_some(t.end),
        // "South Lanarkshire": a name no list holds either.
        None => {
            let w = ctx.word(i + 1);
            (f.claim[i + 1].is_none()
                && w.chars().count() >= 4
                && !is_common_noun(w)
                && zipf(w) < 3.0
                && !is_first_name(w))
            .then_some(i + 2)
        }
    }
}

/// Words of position and size that follow a town's name in Polish, Czech, Slovak, the South
/// Slavic languages and Romanian ("Lower", "Upper", "Great", "Little", "New", "Old").
const POSITION_WORDS_AFTER: &[&str] = &[
    "Dolna", "Dolny", "Dolne", "Górna", "Górny", "Górne", "Wielka", "Wielki", "Wielkie", "Mała",
    "Mały", "Małe", "Nowa", "Nowy", "Nowe", "Stara", "Stary", "Stare", "Dolní", "Horní", "Dolná",
    "Horná", "Nižná", "Vyšná", "Nižný", "Vyšný", "Nová", "Nové", "Nový", "Stará", "Staré", "Starý",
    "Velká", "Velké", "Velký", "Malá", "Malé", "Malý", "Donji", "Gornji", "Donja", "Gornja",
    "Veliki", "Velika", "Mali", "Mala", "Novi", "Stari", "Mare", "Mic",
];

/// "St. Martin" or "Sankt Martin" right after a capitalized noun ("Pfarrkirche", "Schule",
/// "Kirchenchor"): the patron saint of what that noun names.
fn is_patron_saint(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.word(i), "St" | "St." | "Sankt")
        && i > 0
        && ctx.is_cap(i - 1)
        && !ctx.is_function(i - 1)
        && (is_common_noun(ctx.word(i - 1))
            || org_head(ctx.word(i - 1)).is_some()
            || is_noun_compound(ctx.word(i - 1)))
}

/// Words naming an administrative unit before its name ("Landkreis Waldeck-Frankenberg", "Rajon
/// Browary", "Powiat Kolbuszowa"), in the nominative.
const ADMIN_UNITS: &[&str] = &[
    "Landkreis",
    "Kreis",
    "Rajon",
    "Bezirk",
    "Powiat",
    "Okres",
    "Gmina",
    "Département",
    "Departement",
    "County",
    "Distrikt",
    "Verwaltungsbezirk",
    "Regierungsbezirk",
    "Oblast",
    "Woiwodschaft",
    "Provinz",
    "Präfektur",
    "Komitat",
];

/// Units of the first level below the state ("Oblast Poltawa", "Woiwodschaft Lebus"): regions,
/// not districts.
const FIRST_LEVEL_UNITS: &[&str] = &["Oblast", "Woiwodschaft", "Provinz", "Präfektur", "Komitat"];

/// "Gesundheitswirtschaft", "Partnerschaftsjubiläum": a compound whose last member is a common
/// noun is a word, not a name.
fn is_noun_compound(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    (3..chars.len().saturating_sub(3)).any(|k| {
        let mut head: String = chars[k].to_uppercase().collect();
        head.extend(&chars[k + 1..]);
        is_common_noun(&head) && zipf(&head) >= 3.0
    })
}

/// "Wolkental-Auen-Kreis", "Saale-Wernitz-Kreises" -> the district's name in the nominative.
fn hyphenated_district(w: &str) -> Option<String> {
    let stem = w
        .strip_suffix("-Kreises")
        .or_else(|| w.strip_suffix("-Kreis"))?;
    // The parts before "Kreis" are capitalized words, not all ordinary nouns (rivers and
    // landscapes may be spelt like nouns).
    let parts: Vec<&str> = stem.split('-').collect();
    (parts.iter().all(|p| {
        p.chars().count() >= 3
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().skip(1).all(char::is_lowercase)
    }) && parts.iter().any(|p| !is_common_noun(p)))
    .then(|| format!("{stem}-Kreis"))
}

/// "Gratwein-Oberfeld", "Kleinhausen-Tannau": capitalized parts joined by a hyphen, none an
/// ordinary noun, are a double name, whatever nouns hide inside its parts.
fn is_double_name(w: &str) -> bool {
    w.contains('-') && are_name_parts(w)
}

/// Every hyphen-separated part of `w` is a capitalized word of three letters or more that is
/// no ordinary noun.
fn are_name_parts(w: &str) -> bool {
    w.split('-').all(|p| {
        p.chars().count() >= 3
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().skip(1).all(char::is_lowercase)
            && !is_common_noun(p)
    })
}

/// Last members that make a compound a place name ("Kleinberg", "Hochfeld", "Grasmoos"):
/// the nouns German villages are named with.
const TOPONYMIC_MEMBERS: &[&str] = &[
    "berg", "burg", "dorf", "feld", "bach", "heim", "hof", "hofen", "stein", "kirchen", "kirch",
    "hausen", "brunn", "moos", "ried", "reith", "see", "au", "grund", "furt", "brück", "hain",
    "eck", "zell", "weiler", "rode", "hagen", "winkel", "born", "horst", "mühl", "markt",
];

/// "Grasmoos", "Tannberg": a compound whose last member names a settlement can be a place
/// name, although that member is an ordinary noun.
fn is_toponymic_compound(w: &str) -> bool {
    let lower = w.to_lowercase();
    TOPONYMIC_MEMBERS.iter().any(|m| {
        lower
            .strip_suffix(m)
            .is_some_and(|stem| stem.chars().count() >= 3)
    })
}

/// "Landkreises", "Gemeinde", "Bezirks": a word that names a kind of town or administrative
/// unit, so that the capitalized word after it is that unit's name.
pub(super) fn is_unit_noun(w: &str) -> bool {
    admin_unit(w).is_some() || is_town_noun(w)
}

/// The unit word of `w` in the nominative ("Landkreises" -> "Landkreis").
fn admin_unit(w: &str) -> Option<&'static str> {
    ADMIN_UNITS
        .iter()
        .copied()
        .find(|u| w == *u || w.strip_suffix("es") == Some(u) || w.strip_suffix('s') == Some(u))
}

/// A capitalized word that can only be a name here: not an ordinary or frequent word, not a
/// given name, not an office or institution noun, not taken by a person or organization.
fn unknown_name_at(ctx: &Ctx, f: &Found, k: usize, max_zipf: f32) -> bool {
    unknown_name_with(ctx, f, k, max_zipf, false)
}

/// As `unknown_name_at`; `compounds_ok`: a compound of ordinary nouns may be the name too
/// ("im Ortsteil Rosengarten", "das Dorf Quästorf"), where the frame is strong.
fn unknown_name_with(ctx: &Ctx, f: &Found, k: usize, max_zipf: f32, compounds_ok: bool) -> bool {
    let w = ctx.word(k);
    ctx.is_cap(k)
        && !ctx.is_function(k)
        && f.claim[k].is_none()
        && w.chars().count() >= 3
        && !w.chars().all(char::is_uppercase)
        && !is_common_noun(w)
        && (compounds_ok || is_double_name(w) || !is_noun_compound(w) || is_toponymic_compound(w))
        && zipf(w) < max_zipf
        && !is_first_name(w)
        && office_head(w).is_none()
        && org_head(w).is_none()
}

/// "Landkreis Kleinhausen", "im Kreis Raben", "Rajon Browary": an administrative unit named with
/// its kind word is a district, whether or not the gazetteer knows the name (the town it is
/// named after is not mentioned by it).
pub(super) fn admin_unit_places(ctx: &Ctx, f: &mut Found) {
    let gaz = Places::get();
    for i in 0..ctx.len() {
        // "im Wolkental-Auen-Kreis", "des Saale-Wernitz-Kreises": a district named by a hyphenated
        // compound of names ending in "Kreis".
        if let Some(name) = hyphenated_district(ctx.word(i))
            && f.claim[i].is_none()
            && !ctx.boiler[ctx.sent_of[i]]
        {
            let id = gaz.ad_hoc(&name, PlaceKind::District, None);
            f.place_ref(ctx, i..i + 1, id);
            continue;
        }
        if i + 1 >= ctx.len() {
            continue;
        }
        let Some(unit) = admin_unit(ctx.word(i)) else {
            continue;
        };
        if ctx.boiler[ctx.sent_of[i]] || f.claim[i].is_some() || !ctx.same_sentence(i, i + 1) {
            continue;
        }
        let known = place_match(ctx, i + 1, gaz).filter(|(_, c)| c.form == Form::Name);
        let end = match &known {
            Some((t, _)) => t.end,
            None if unknown_name_at(ctx, f, i + 1, 3.5) => i + 2,
            None => continue,
        };
        // "Bezirk Unterland": a region or district the gazetteer holds, named with its kind.
        if let Some((_, c)) = &known
            && !matches!(gaz.place(c.id).kind, PlaceKind::City)
        {
            f.place_ref(ctx, i..end, c.id);
            continue;
        }
        let country = known
            .as_ref()
            .and_then(|(_, c)| gaz.place(c.id).country.clone());
        let name = format!("{unit} {}", ctx.surface(i + 1..end));
        let kind = if FIRST_LEVEL_UNITS.contains(&unit) {
            PlaceKind::Region
        } else {
            PlaceKind::District
        };
        let id = gaz.ad_hoc(&name, kind, country.as_deref());
        f.place_ref(ctx, i..end, id);
    }
}

/// Nouns after which a name is a town: "die Partnerstadt X", "der Gemeinde X", "im Ortsteil X",
/// "der Marktgemeinde X", "des Ortsteils X".
const TOWN_NOUNS: &[&str] = &[
    "Partnerstadt",
    "Partnergemeinde",
    "Partnerkommune",
    "Gemeinde",
    "Marktgemeinde",
    "Stadtgemeinde",
    "Ortsgemeinde",
    "Nachbargemeinde",
    "Nachbarstadt",
    "Nachbarort",
    "Heimatgemeinde",
    "Heimatstadt",
    "Heimatort",
    "Stadt",
    "Kleinstadt",
    "Kreisstadt",
    "Bezirkshauptstadt",
    "Hafenstadt",
    "Ortsteil",
    "Ortschaft",
    "Stadtteil",
    "Dorf",
    "Weiler",
    "Kommune",
];

/// A town noun, also in the genitive ("des Ortsteils", "des Dorfes").
pub(super) fn is_town_noun(w: &str) -> bool {
    TOWN_NOUNS.contains(&w)
        || [w.strip_suffix("es"), w.strip_suffix('s')]
            .into_iter()
            .flatten()
            .any(|stem| stem.len() >= 4 && TOWN_NOUNS.contains(&stem))
}

/// Abbreviated prepositions of German town names' qualifiers ("i. Bay.", "a. Inn", "a. d. Donau",
/// "b. Nürnberg", "o. d. Tauber").
const QUALIFIER_ABBREVIATIONS: &[&str] = &["a", "b", "d", "i", "o"];

/// The word at `k` follows an abbreviated preposition ("i.", "a. d.") of a town's qualifier.
fn after_name_qualifier(ctx: &Ctx, k: usize) -> bool {
    k >= 2 && ctx.word(k - 1) == "." && QUALIFIER_ABBREVIATIONS.contains(&ctx.word(k - 2))
}

/// Where a town's name that may run on from `from` ends: at most two further capitalized
/// words of the same sentence that can only be names ("Monferrato", "Serrano").
fn name_run_end(ctx: &Ctx, f: &Found, from: usize) -> usize {
    let mut end = from;
    while end < from + 2
        && end < ctx.len()
        && ctx.same_sentence(from - 1, end)
        && unknown_name_at(ctx, f, end, 3.0)
        && Places::get().lookup(ctx.word(end)).is_empty()
    {
        end += 1;
    }
    end
}

/// "Bürgermeister von X", "die Bürgermeisterin aus X", "sein Amtskollege aus X": the place an
/// official holds office in or comes from.
fn after_office_of(ctx: &Ctx, k: usize) -> bool {
    k >= 2 && matches!(ctx.word(k - 1), "von" | "aus") && office_head(ctx.word(k - 2)).is_some()
}

/// "reisten nach X", "die Fahrt nach X": a name after "nach" is where someone goes; the
/// name must end its phrase (punctuation, a lowercase word or a conjunction follows), so that
/// "nach X Angaben" stays out.
fn travel_target(ctx: &Ctx, k: usize) -> bool {
    ctx.word(k - 1) == "nach"
        && (!ctx.is_word(k + 1) || !ctx.is_cap(k + 1) || matches!(ctx.word(k + 1), "und" | "sowie"))
}

/// "X bei Y", "X (Bezirk Y)", "X im Landkreis Y": a name placed by a known place or unit after
/// it is a town.
fn placed_by_next(ctx: &Ctx, f: &Found, k: usize) -> bool {
    let places = Places::get();
    let unit_after = |x: usize| admin_unit(ctx.word(x)).is_some();
    let known_town_at = |x: usize| {
        place_match(ctx, x, places).is_some_and(|(_, c)| {
            !c.ambiguous && places.place(c.id).kind == PlaceKind::City && c.form == Form::Name
        })
    };
    let near = k + 1;
    ctx.same_sentence(k, near + 1)
        && match ctx.word(near) {
            "bei" => known_town_at(near + 1) && f.claim[near + 1].is_none(),
            "(" => unit_after(near + 1),
            "im" => unit_after(near + 1),
            _ => false,
        }
}

/// "X in der Westukraine", "X im Allgäu", "X in Nordmähren": a name placed in a region or
/// country found before it is a town of that country (the country, if the area has one).
fn placed_in_area(ctx: &Ctx, f: &Found, k: usize) -> Option<Option<String>> {
    let gaz = Places::get();
    let near = k + 1;
    let area_at = match (ctx.word(near), ctx.word(near + 1)) {
        ("in", "der" | "dem") => near + 2,
        ("in" | "im", _) => near + 1,
        _ => return None,
    };
    if !ctx.same_sentence(k, area_at) {
        return None;
    }
    let (_, r) = f
        .index
        .iter()
        .find(|(t, r)| r.ty == EntityType::Place && t.start == area_at)?;
    let place = gaz.place(f.places[r.index].id);
    matches!(place.kind, PlaceKind::Region | PlaceKind::Country).then(|| place.country.clone())
}

/// A known town of the same sentence listed right before or after `k` ("Kleinhausen, X und
/// Y"), taking its country.
fn listed_with_town(
    ctx: &Ctx,
    f: &Found,
    k: usize,
    place_at: impl Fn(usize) -> Option<EntityRef>,
) -> Option<EntityRef> {
    let gaz = Places::get();
    [k.checked_sub(2), Some(k + 2)]
        .into_iter()
        .flatten()
        .filter(|&x| {
            x < ctx.len()
                && ctx.same_sentence(k, x)
                && matches!(ctx.word(k.min(x) + 1), "und" | "sowie" | ",")
        })
        .find_map(place_at)
        .filter(|r| gaz.place(f.places[r.index].id).kind == PlaceKind::City)
        // "am Zusammenfluss von X und Y": rivers and landscapes are listed so too.
        .filter(|_| {
            ctx.word(k.saturating_sub(1)) != "von" && ctx.word(k.saturating_sub(3)) != "von"
        })
}

/// "Kleinhausen-Oberdorf": a quarter written after its town with a hyphen, when the town is
/// a known one and the quarter an unknown name, is a district of that town's country.
fn town_quarter(ctx: &Ctx, k: usize) -> Option<Option<String>> {
    let gaz = Places::get();
    let (town, quarter) = ctx.word(k).split_once('-')?;
    let known = gaz.lookup(town).iter().find(|c| {
        c.form == Form::Name && !c.ambiguous && gaz.place(c.id).kind == PlaceKind::City
    })?;
    let name_like = quarter.chars().next().is_some_and(char::is_uppercase)
        && quarter.chars().count() >= 3
        && !quarter.contains('-')
        && gaz.lookup(quarter).is_empty()
        && !is_common_noun(quarter)
        && (!is_noun_compound(quarter) || is_toponymic_compound(quarter))
        && zipf(quarter) < 3.0
        && office_head(quarter).is_none()
        && org_head(quarter).is_none();
    name_like.then(|| gaz.place(known.id).country.clone())
}

/// "Gäste aus X", "eine Delegation aus X", "Schüler aus X": a name after "aus" that follows a
/// noun naming people or things is where they come from.
fn origin_of_noun(ctx: &Ctx, k: usize) -> bool {
    k >= 2
        && ctx.word(k - 1) == "aus"
        && ctx.is_cap(k - 2)
        && ctx.same_sentence(k - 2, k)
        && is_common_noun(ctx.word(k - 2))
        && office_head(ctx.word(k - 2)).is_none()
}

/// "im westländischen X", "aus dem ostländischen X", "ins nordländische X": a name right after
/// a lowercase country or region adjective that follows a place preposition (with or without
/// its article) is a town of that country.
fn after_place_adjective(ctx: &Ctx, k: usize) -> Option<delegraph_gazetteer::places::Candidate> {
    let gaz = Places::get();
    if k < 2 || ctx.is_cap(k - 1) {
        return None;
    }
    let adj = gaz
        .lookup(ctx.word(k - 1))
        .iter()
        .find(|c| c.form == Form::Adjective && !c.ambiguous)
        .copied()?;
    let before = ctx.lower(k - 2);
    let prep = PLACE_PREPOSITIONS.contains(&before.as_str())
        || matches!(before.as_str(), "ins" | "zum")
        || (k >= 3
            && matches!(before.as_str(), "dem" | "der" | "den")
            && PLACE_PREPOSITIONS.contains(&ctx.lower(k - 3).as_str()));
    prep.then_some(adj)
}

/// "Partnerschaft mit X", "die Städtepartnerschaft zu X": the partner of a partnership noun.
fn partner_of_partnership(ctx: &Ctx, k: usize) -> bool {
    k >= 2
        && matches!(ctx.word(k - 1), "mit" | "zu" | "zwischen")
        && ctx.lower(k - 2).contains("partnerschaft")
}

/// Towns no list holds, named by their context: after a town noun ("die Gemeinde X"), after an
/// official's "von"/"aus" ("Bürgermeister von X"), as a destination ("nach X"), placed by a
/// place after it ("X bei Kleinhausen", "X (Bezirk Y)"), listed with a known town
/// ("Kleinhausen, X und Y"), or as where guests come from ("aus X angereist").
pub(super) fn context_places(ctx: &Ctx, f: &mut Found) {
    let gaz = Places::get();
    for k in 1..ctx.len() {
        // Village and quarter names are often compounds of nouns; "Stadt"/"Gemeinde" take
        // datives ("der Gemeinde Fördergelder zusagen"), so only the nouns of parts of a town.
        let after_quarter_noun = matches!(
            ctx.word(k - 1),
            "Ortsteil" | "Ortsteils" | "Stadtteil" | "Stadtteils" | "Ortschaft" | "Dorf" | "Weiler"
        );
        if ctx.boiler[ctx.sent_of[k]] || !unknown_name_with(ctx, f, k, 3.0, after_quarter_noun) {
            continue;
        }
        let place_at = |x: usize| {
            f.index
                .iter()
                .find(|(t, r)| r.ty == EntityType::Place && t.contains(&x))
                .map(|(_, r)| *r)
        };
        if place_match(ctx, k, gaz).is_some_and(|(t, _)| t.len() != 1) || place_at(k).is_some() {
            continue;
        }
        let arrived = ctx.word(k - 1) == "aus"
            && (k + 1..(k + 4).min(ctx.len()))
                .any(|x| ctx.same_sentence(k, x) && ctx.lower(x).starts_with("angereist"));
        let partner = listed_with_town(ctx, f, k, place_at);
        if let Some(country) = town_quarter(ctx, k) {
            let id = gaz.ad_hoc(ctx.word(k), PlaceKind::District, country.as_deref());
            f.place_ref(ctx, k..k + 1, id);
            continue;
        }
        let adjective = after_place_adjective(ctx, k);
        let area = placed_in_area(ctx, f, k);
        if !(is_town_noun(ctx.word(k - 1))
            || area.is_some()
            || origin_of_noun(ctx, k)
            || partner_of_partnership(ctx, k)
            || adjective.is_some()
            || after_office_of(ctx, k)
            || travel_target(ctx, k)
            || placed_by_next(ctx, f, k)
            || arrived
            || partner.is_some())
        {
            continue;
        }
        let country = partner
            .and_then(|r| gaz.place(f.places[r.index].id).country.clone())
            .or_else(|| adjective.and_then(|c| gaz.place(c.id).country.clone()))
            .or_else(|| area.flatten());
        // "die Gemeinde Cavalino Serrano": after a town noun the name runs on over further
        // names ("San", "Veronese"), as Italian, French and Spanish town names do.
        let end = if is_town_noun(ctx.word(k - 1)) {
            name_run_end(ctx, f, k + 1)
        } else {
            k + 1
        };
        let id = gaz.ad_hoc(&ctx.surface(k..end), PlaceKind::City, country.as_deref());
        f.place_ref(ctx, k..end, id);
    }
}

/// Compass and position prefixes of compounds naming a part of a land ("Westböhmen",
/// "Nordostpolens", "Mittelschwedens"), longest first.
const COMPASS_PREFIXES: &[&str] = &[
    "Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Mittel", "Zentral",
];

/// "Westböhmen", "in der Westukraine", "Nordostpolens": a compass prefix joined to a region or
/// country the gazetteer holds. The part of a region is a region of its own, named in the
/// nominative; the part of a country is a mention of that country (news write "Ostfrankreich"
/// where they mean France, and the gold records count it so).
fn compass_part(w: &str) -> Option<(String, delegraph_gazetteer::places::Candidate)> {
    let gaz = Places::get();
    let prefix = COMPASS_PREFIXES.iter().find(|p| w.starts_with(**p))?;
    let rest = &w[prefix.len()..];
    // The rest is written in lowercase inside the compound: "böhmen" -> "Böhmen".
    let mut chars = rest.chars();
    let first = chars.next().filter(|c| c.is_lowercase())?;
    let base: String = first.to_uppercase().chain(chars).collect();
    if base.chars().count() < 4 {
        return None;
    }
    let c = gaz
        .lookup(&base)
        .iter()
        .find(|c| {
            !c.ambiguous
                && matches!(c.form, Form::Name | Form::Genitive)
                && matches!(gaz.place(c.id).kind, PlaceKind::Region | PlaceKind::Country)
        })
        .copied()?;
    let name = format!("{prefix}{}", gaz.place(c.id).name.to_lowercase());
    Some((name, c))
}

/// The pass for [`compass_part`]: compounds the gazetteer does not hold as a whole.
pub(super) fn compass_places(ctx: &Ctx, f: &mut Found) {
    let gaz = Places::get();
    for k in 0..ctx.len() {
        if !ctx.is_cap(k)
            || ctx.boiler[ctx.sent_of[k]]
            || f.claim[k].is_some()
            || !gaz.lookup(ctx.word(k)).is_empty()
            || is_common_noun(ctx.word(k))
        {
            continue;
        }
        let Some((name, base)) = compass_part(ctx.word(k)) else {
            continue;
        };
        let id = if gaz.place(base.id).kind == PlaceKind::Country {
            base.id
        } else {
            let country = gaz.place(base.id).country.clone();
            gaz.ad_hoc(&name, PlaceKind::Region, country.as_deref())
        };
        f.place_ref(ctx, k..k + 1, id);
    }
}

/// Last members of landscape names: valleys, districts of a land, forests, mountain ranges
/// ("Kesseltal", "Quellgau", "Wolkenviertel", "Sternwald", "Rabengebirge").
const LANDSCAPE_ENDINGS: &[&str] = &["tal", "thal", "gau", "viertel", "wald", "gebirge", "land"];

/// "im Rabental", "aus dem Wolkenviertel", "die Region Quellgau": a landscape no list holds,
/// named by its ending after a place preposition, or any name after "Region".
pub(super) fn landscape_regions(ctx: &Ctx, f: &mut Found) {
    let gaz = Places::get();
    for k in 1..ctx.len() {
        let w = ctx.word(k);
        // A landscape is a compound of an ordinary last member ("Tal", "Wald"), so the name
        // test is its own: a capitalized rare word that is no noun of the dictionary.
        if ctx.boiler[ctx.sent_of[k]]
            || !ctx.is_cap(k)
            || ctx.is_function(k)
            || f.claim[k].is_some()
            || is_common_noun(w)
            || zipf(w) >= 3.0
            || is_first_name(w)
            || office_head(w).is_some()
            || org_head(w).is_some()
        {
            continue;
        }
        if place_match(ctx, k, gaz).is_some()
            || f.index
                .iter()
                .any(|(t, r)| r.ty == EntityType::Place && t.contains(&k))
        {
            continue;
        }
        let lower = w.to_lowercase();
        // "Partnerland", "Nachbarland": a land named by a common noun is a country's role.
        let landscape = LANDSCAPE_ENDINGS.iter().any(|e| {
            lower.strip_suffix(e).is_some_and(|stem| {
                stem.chars().count() > 2
                    && (*e != "land" || {
                        let mut cap: String =
                            stem.chars().take(1).flat_map(char::to_uppercase).collect();
                        cap.extend(stem.chars().skip(1));
                        !is_common_noun(&cap)
                    })
            })
        });
        let prev = ctx.word(k - 1);
        let before = if k >= 2 { ctx.word(k - 2) } else { "" };
        let in_it = matches!(prev, "im" | "ins" | "vom")
            || (matches!(prev, "dem" | "das") && matches!(before, "aus" | "in" | "durch" | "von"));
        if !((landscape && in_it) || prev == "Region") {
            continue;
        }
        let id = gaz.ad_hoc(w, PlaceKind::Region, None);
        f.place_ref(ctx, k..k + 1, id);
    }
}
