//! Person rules: names after and before office titles, first-name and Chinese names, titles
//! without a name next to them, later surname mentions.

use super::*;

/// Articles, contractions and possessive or demonstrative determiners that open a noun phrase.
/// "die" is left out: before an adjectival title it marks the feminine singular ("die
/// Vorsitzende"), which the title rules read on their own.
const DETERMINERS: &[&str] = &[
    "der", "den", "dem", "des", "das", "ein", "eine", "einen", "einem", "einer", "eines", "zum",
    "zur", "vom", "beim", "im", "am", "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre",
    "ihrem", "ihren", "ihrer", "unser", "unsere", "unserem", "unseren", "dieser", "diese",
    "diesem", "diesen", "jeder", "jede", "jedem", "jeden",
];

/// An office title starting at `i`: token range, title text, head.
pub(super) fn title_at(ctx: &Ctx, i: usize) -> Option<(Range<usize>, String, &'static str)> {
    let w = ctx.word(i);
    if let Some((_, full)) = OFFICE_ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
        let head = office_head(full)?;
        // "Bgm. X", "Vzbgm.in Y": the abbreviation's full stop belongs to it, and an "in"
        // after it makes the title feminine.
        if ctx.word(i + 1) == "." && ctx.is_cap(i + 2) {
            return Some((i..i + 2, full.to_string(), head));
        }
        if ctx.word(i + 1) == "." && ctx.word(i + 2) == "in" {
            return Some((i..i + 3, format!("{full}in"), head));
        }
        return Some((i..i + 1, full.to_string(), head));
    }
    let mut j = i;
    while j < ctx.len() && is_office_adjective(ctx.word(j)) && ctx.is_cap(j) {
        j += 1;
    }
    let head = office_head(ctx.word(j))?;
    // Words like "Präsidentschaft" are not titles; office_head only matches word ends.
    let mut end = j + 1;
    // "Transfer Manager": an English two-word title.
    // "Wirtschaftsbotschafterin und Chinaberaterin": keep coordinated titles together.
    if ctx.word(end) == "und" && office_head(ctx.word(end + 1)).is_some() && ctx.is_cap(end + 2) {
        end += 2;
    }
    let article = if i > 0 {
        ctx.lower(i - 1)
    } else {
        String::new()
    };
    let title = nominative_title(&ctx.w[i..end], &article);
    Some((i..end, title, head))
}

/// The title in the nominative singular, as a record states it: "des Regierenden
/// Bürgermeisters" -> "Regierender Bürgermeister", "Präsidenten" -> "Präsident", "die
/// Landesräte" -> "Landesrat", "Vizepräsidentinnen" -> "Vizepräsidentin", "der Vorsitzende" ->
/// "Vorsitzender". `article` is the word before the title (for adjectival nouns' gender).
pub(crate) fn nominative_title(words: &[&str], article: &str) -> String {
    let Some(head_pos) = words.iter().rposition(|w| office_head(w).is_some()) else {
        return words.join(" ");
    };
    let head_word = words[head_pos];
    let lower = head_word.to_lowercase();
    let mut feminine = lower.ends_with("in") || lower.ends_with("innen");
    let mut head_out = head_word.to_string();
    if let Some(stem) = head_word.strip_suffix("innen") {
        head_out = format!("{stem}in");
    } else if let Some(stem) = head_word.strip_suffix("räte") {
        head_out = format!("{stem}rat");
    } else if let Some(stem) = head_word.strip_suffix("stände") {
        head_out = format!("{stem}stand");
    } else if !feminine {
        let h = office_head(head_word).unwrap_or("");
        // Participles used as nouns end in "-te"/"-nde" ("Abgeordnete", "Vorsitzende"); a
        // foreign "Maire" or "Alcalde" is no adjective.
        if h.ends_with("te")
            || h.ends_with("nde")
            || h.ends_with("er")
                && [
                    "abgeordneter",
                    "vorsitzender",
                    "beauftragter",
                    "beigeordneter",
                ]
                .contains(&h)
        {
            // Adjectival nouns: "die Vorsitzende" (one woman) keeps -e; otherwise "-er".
            let base = ["en", "er", "e"]
                .iter()
                .find_map(|e| head_word.strip_suffix(e))
                .unwrap_or(head_word);
            // Without an article the ending is strong: "Abgeordnete Anna Beispiel" is a woman
            // ("Abgeordneter Hans Beispiel", a man).
            // ("der stellvertretende Vorsitzende": an adjective before it has its article.)
            let determiner = DETERMINERS.contains(&article);
            let weak_adjective = article.chars().all(char::is_lowercase)
                && (article.ends_with('e') || article.ends_with("en"));
            let strong = !determiner && (article.is_empty() || !weak_adjective);
            // "von der Vorsitzenden X", "mit seiner Beigeordneten Y": a feminine article
            // in the dative or genitive before the weak "-en" form is one woman (a man's is
            // "dem"/"des").
            let oblique_fem = matches!(
                article,
                "der" | "einer" | "seiner" | "ihrer" | "unserer" | "dieser" | "zur"
            ) && head_word.ends_with("en");
            let singular_fem = oblique_fem
                || (article == "die" || strong)
                    && head_word.ends_with('e')
                    && !head_word.ends_with("en");
            feminine = singular_fem;
            head_out = if singular_fem {
                format!("{base}e")
            } else {
                format!("{base}er")
            };
        } else {
            for suf in ["es", "en", "s", "n"] {
                if let Some(stem) = head_word.strip_suffix(suf)
                    && OFFICE_HEADS
                        .iter()
                        .any(|h| stem.to_lowercase().ends_with(h))
                {
                    head_out = stem.to_string();
                    break;
                }
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if k == head_pos {
            out.push(head_out.clone());
        } else if k < head_pos && is_office_adjective(w) {
            let lw = w.to_lowercase();
            let stem = ["em", "en", "er", "es", "e"]
                .iter()
                .find_map(|e| lw.strip_suffix(e))
                .unwrap_or(&lw);
            let ending = if feminine { "e" } else { "er" };
            let mut c = stem.chars();
            let cap: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            out.push(format!("{cap}{ending}"));
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

/// Whether an office title starts at token `i`.
pub(super) fn words_are_title(ctx: &Ctx, i: usize) -> bool {
    title_at(ctx, i).is_some()
}

pub(super) fn is_honorific(ctx: &Ctx, i: usize) -> usize {
    let w = ctx.word(i);
    let with_dot = format!("{w}.");
    if ctx.word(i + 1) == "." && HONORIFICS.contains(&with_dot.as_str()) {
        return 2;
    }
    if HONORIFICS.contains(&w) {
        return 1;
    }
    0
}

/// "X vom Bezirksrat Y", "X vom Laikipia County": after "vom" (rarely a nobility particle,
/// "vom Stein") a common noun, a known place, an entity or a name of several words is where
/// the person comes from, not part of the name.
fn names_a_body(ctx: &Ctx, f: &Found, k: usize) -> bool {
    let w = ctx.word(k);
    f.claim[k].is_some()
        || is_common_noun(w)
        || office_head(w).is_some()
        || org_head(w).is_some()
        || place_match(ctx, k, Places::get()).is_some()
        || (ctx.is_cap(k + 1) && ctx.same_sentence(k, k + 1))
}

/// A person name starting at token `i` (after honorifics): token range and name words.
pub(super) fn name_at(
    ctx: &Ctx,
    f: &Found,
    i: usize,
    after_title: bool,
) -> Option<(Range<usize>, Vec<String>)> {
    let mut k = i;
    while is_honorific(ctx, k) > 0 {
        k += is_honorific(ctx, k);
    }
    let start = k;
    let mut words: Vec<String> = Vec::new();
    let sent_end = ctx.sents[ctx.sent_of[i.min(ctx.len().saturating_sub(1))]].end;
    while k < sent_end && words.len() < 6 {
        let w = ctx.word(k);
        // A name does not run over a line break ("Tobias Harkort⏎Audio: …").
        if !words.is_empty()
            && k > 0
            && ctx.text[ctx.toks[k - 1].end..ctx.toks[k].start].contains('\n')
        {
            break;
        }
        let free = f.claim[k].is_none_or(|r| r.ty == EntityType::Person);
        if !words.is_empty()
            && w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && ctx.word(k + 1) == "."
            && ctx.is_cap(k + 2)
        {
            // Initial: "Sipho M. Dlamanzi".
            words.push(format!("{w}."));
            k += 2;
        } else if ctx.is_cap(k)
            // A function word never starts a name, but continues one ("Konrad Weil").
            && !(ctx.is_function(k) && words.is_empty())
            && free
            && office_head(w).is_none()
            && !w.contains('.')
        {
            if PARTIES.contains(&w) {
                break;
            }
            words.push(w.to_string());
            k += 1;
        } else if !words.is_empty()
            && NAME_PARTICLES.contains(&w)
            && NAME_PARTICLES.contains(&ctx.word(k + 1))
            && ctx.is_cap(k + 2)
            && ctx.same_sentence(k, k + 2)
            // Not "Lutz Ahrendt von der CDU", "Müller von der Stadt Kleinhausen".
            && !ctx.word(k + 2).chars().all(|c| c.is_uppercase() || c == '-')
            && f.claim[k + 2].is_none()
            && !is_common_noun(ctx.word(k + 2))
            && place_match(ctx, k + 2, Places::get()).is_none()
        {
            // "von der Heyde", "van der Berg": two particles before the surname.
            words.push(w.to_string());
            words.push(ctx.word(k + 1).to_string());
            k += 2;
        } else if !words.is_empty()
            && ((NAME_PARTICLES.contains(&w)
                && ctx.is_cap(k + 1)
                && ctx.same_sentence(k, k + 1)
                && !(w == "vom" && names_a_body(ctx, f, k + 1)))
                || (w.len() == 3
                    && w.ends_with('.')
                    && w.chars().next().is_some_and(char::is_uppercase)))
        {
            // Nobility particles ("von") and abbreviated middle names stay inside the name.
            words.push(w.to_string());
            k += 1;
        } else {
            break;
        }
    }
    // Trailing particles or initials do not end a name, and neither does an ordinary noun that
    // follows it ("Holger Müller Zusagen …"): trim until stable.
    while let Some(l) = words.last() {
        let particle = NAME_PARTICLES.contains(&l.as_str()) || l.ends_with('.');
        // "Gerhard Steinhauser": after a given name a rare noun is a surname.
        // After a title the word after a given name is a surname even when it is also a
        // word ("KMK-Geschäftsführer Gerald Fuchs").
        let after_given =
            words.len() == 2 && is_first_name(&words[0]) && (zipf(l) < 4.0 || after_title);
        // "Xiaolan Du": a pinyin given name followed by a Chinese family name.
        // "Jae-Min Park": a hyphenated East Asian given name before a short family name.
        let east_asian = words.len() == 2 && is_east_asian_pair(&words[0], l);
        let chinese_family = words.len() == 2
            && CHINESE_SURNAMES.contains(&l.as_str())
            && is_pinyin_given_name(&words[0]);
        let noun = words.len() > 1
            && (is_common_noun(l) || (words.len() > 2 && zipf(l) >= 3.5))
            && !is_common_surname(l)
            && !is_first_name(l)
            && !after_given
            && !chinese_family
            && !east_asian;
        if !(particle || noun) {
            break;
        }
        k -= if l.ends_with('.') && l.chars().count() == 2 {
            2
        } else {
            1
        };
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let first_is_given = is_first_name(&words[0]);
    let chinese = words.len() == 2
        && CHINESE_SURNAMES.contains(&words[0].as_str())
        && is_pinyin_given_name(&words[1]);
    let next = ctx.word(k);
    let next_is_boundary = k >= sent_end
        || matches!(
            next,
            "," | "(" | ")" | "." | ":" | ";" | "und" | "–" | "-" | "“" | "\""
        );
    if words.len() == 1 {
        if !after_title {
            return None;
        }
        let w = &words[0];
        // An ordinary noun is no name ("Bürgermeister Termine bei …"), unless it is also a
        // common surname ("Präsident Richter") or a Chinese family name ("Vizebürgermeisterin Pan").
        let noun = is_common_noun(w)
            && zipf(w) >= 3.0
            && !is_common_surname(w)
            && !CHINESE_SURNAMES.contains(&w.as_str());
        if noun || (first_is_given && zipf(w) >= 3.6) {
            return None;
        }
        if zipf(w) >= 5.0 && !next_is_boundary {
            return None;
        }
        if Places::get()
            .lookup(w)
            .first()
            .is_some_and(|c| !c.ambiguous)
        {
            return None;
        }
    } else if !(first_is_given
        || chinese
        || after_title
        || is_east_asian_pair(&words[0], &words[1])
        || is_east_asian_pair(&words[1], &words[0]))
    {
        return None;
    }
    Some((start..k, words))
}

/// "Der CDU-Abgeordnete X": the party prefix is the person's party, not part of the title.
fn strip_party_prefix(title: String) -> String {
    match title.split_once('-') {
        Some((prefix, rest))
            if PARTIES.contains(&prefix)
                && !prefix.contains(' ')
                && rest.chars().next().is_some_and(char::is_uppercase) =>
        {
            rest.to_string()
        }
        _ => title,
    }
}

/// "HBK-Präsidentin", "UNIDO-Direktor": the body a hyphen prefix names; an acronym or known
/// organization as prefix is a mention of it.
fn of_hyphen_prefix(ctx: &Ctx, f: &mut Found, trange: &Range<usize>) -> OfRef {
    let head_word = ctx.word(trange.end - 1);
    let Some((prefix, _)) = head_word.split_once('-') else {
        return OfRef::None;
    };
    if !prefix.chars().any(char::is_uppercase)
        || prefix.chars().count() < 2
        || office_head(prefix).is_some()
    {
        return OfRef::None;
    }
    let acronym = prefix
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let known = lookup_org(prefix);
    // "US-Präsident": a country code is no organization.
    if (acronym || known.is_some())
        && Places::get().lookup(prefix).is_empty()
        && Places::get().country_by_code(prefix).is_none()
        && !PARTIES.contains(&prefix)
    {
        let tok = trange.end - 1;
        let (name, kind) = known.map_or((prefix.to_string(), OrgKind::Other), |o| {
            (o.name.clone(), o.kind)
        });
        let r = f.org_ref(ctx, tok..tok + 1, name, kind);
        f.claim[tok] = None;
        // The mention's surface is the prefix, not the whole compound.
        if let Some(m) = f.orgs[r.index].mentions.last_mut() {
            m.1 = prefix.to_string();
        }
        f.orgs[r.index].aliases.retain(|a| a != head_word);
        return OfRef::Ent(r);
    }
    OfRef::Surface(prefix.to_string())
}

/// What stands right before a title: "US-Präsident" written as two tokens, "Großbachs Regierender
/// Bürgermeister", "Südhafener Gouverneurin", a recognized body, or the Saxon genitive of a town
/// the gazetteer knows only by name ("Kleinhausens Bürgermeister").
fn of_left_context(ctx: &Ctx, f: &mut Found, trange: &Range<usize>) -> OfRef {
    let places = Places::get();
    let s = trange.start;
    if s >= 2
        && ctx.word(s - 1) == "-"
        && ctx.word(s - 2).len() == 2
        && ctx.word(s - 2).chars().all(|c| c.is_ascii_uppercase())
        && let Some(id) = places.country_by_code(ctx.word(s - 2))
    {
        return OfRef::Ent(f.place_ref(ctx, s - 2..s - 1, id));
    }
    if s == 0 {
        return OfRef::None;
    }
    if let Some((_, r)) = f.index.iter().rev().find(|(t, _)| t.end == s).cloned() {
        return if r.ty != EntityType::Person {
            OfRef::Ent(r)
        } else {
            OfRef::None
        };
    }
    if let Some((t, c)) = place_match(ctx, s - 1, places)
        && t.end == s
        && matches!(c.form, Form::Genitive | Form::Adjective)
    {
        return OfRef::Ent(f.place_ref(ctx, t, c.id));
    }
    if let Some(id) = saxon_genitive_place(ctx, s - 1) {
        return OfRef::Ent(f.place_ref(ctx, s - 1..s, id));
    }
    OfRef::None
}

/// "Kleinhausens" right before a title: a capitalized word in -s whose stem names a town.
fn saxon_genitive_place(ctx: &Ctx, k: usize) -> Option<PlaceId> {
    let w = ctx.word(k);
    let stem = w.strip_suffix('s')?;
    if !ctx.is_cap(k)
        || stem.chars().count() < 3
        || ctx.is_function(k)
        || is_common_noun(w)
        || zipf(w) >= 3.0
    {
        return None;
    }
    Places::get()
        .lookup(stem)
        .iter()
        .find(|c| c.form == Form::Name)
        .map(|c| c.id)
}

/// "der ukrainischen Stadt X, Name", "der Gemeinde X, Name": where the town named after its
/// town noun (and the adjectives before it) starts, when it is a place.
fn town_after_kind_noun(ctx: &Ctx, f: &Found, j: usize) -> Option<usize> {
    let mut x = j;
    while x < j + 2 && ctx.is_word(x) && !ctx.is_cap(x) && !ctx.is_function(x) {
        x += 1;
    }
    // An administrative unit is named with its kind word ("des Kreises X"): no skipping.
    (is_town_noun(ctx.word(x)) && f.entity_starting(x).is_none())
        .then_some(x + 1)
        .filter(|&n| {
            ctx.same_sentence(j, n)
                && (place_match(ctx, n, Places::get()).is_some()
                    // A name no list holds, right before the apposition's comma.
                    || (ctx.is_cap(n) && !ctx.is_function(n) && ctx.word(n + 1) == ",")
                    || f.entity_starting(n)
                        .is_some_and(|(_, r)| r.ty == EntityType::Place))
        })
}

/// The body or place after a title and where the name may start: "der Botschafter Japans,
/// Kenji Sato", "Präsident der X, Udo Richtmann", "Generalkonsul der Volksrepublik Ostland in
/// Elbhafen, Wu Peng", "Minister für Umwelt und Verkehr, Bernd Kallweit". Returns the complement
/// (if `of` is still open) and the token after it.
fn right_complement_of_title(
    ctx: &Ctx,
    f: &mut Found,
    trange: &Range<usize>,
    of: &OfRef,
) -> (OfRef, usize) {
    let places = Places::get();
    let mut of = of.clone();
    let mut k = trange.end;
    // "den Botschafter Japans, Kenji Sato": a genitive place right after the title.
    if of == OfRef::None
        && let Some((t, c)) = place_match(ctx, k, places)
        && c.form == Form::Genitive
    {
        // "den Botschafter Ghanas in Großbach, Kwame Mensah": the seat may follow.
        let seat = matches!(ctx.word(t.end), "in" | "im")
            .then(|| place_match(ctx, t.end + 1, places))
            .flatten()
            .filter(|(st, _)| ctx.word(st.end) == ",");
        if ctx.word(t.end) == "," || seat.is_some() {
            of = OfRef::Ent(f.place_ref(ctx, t.clone(), c.id));
            k = t.end;
            if let Some((st, sc)) = seat {
                f.place_ref(ctx, st.clone(), sc.id);
                k = st.end;
            }
        }
    }
    if matches!(ctx.word(k), "von" | "vom" | "der" | "des" | "in" | "im") {
        let mut j = k + 1;
        if matches!(ctx.word(j), "der" | "des" | "dem" | "den") {
            j += 1;
        }
        if let Some(named) = town_after_kind_noun(ctx, f, j) {
            j = named;
        }
        let ent = f.entity_starting(j).or_else(|| {
            place_match(ctx, j, places).map(|(t, c)| {
                let r = f.place_ref(ctx, t.clone(), c.id);
                (t, r)
            })
        });
        if let Some((t, r)) = ent
            && r.ty != EntityType::Person
        {
            if of == OfRef::None || matches!(of, OfRef::Surface(_)) {
                of = OfRef::Ent(r);
            }
            k = t.end;
            // "der Generalkonsul der Volksrepublik Ostland in Elbhafen, Wu Peng": the seat.
            if matches!(ctx.word(k), "in" | "im")
                && let Some((pt, pc)) = place_match(ctx, k + 1, places)
            {
                f.place_ref(ctx, pt.clone(), pc.id);
                k = pt.end;
            } else if matches!(ctx.word(k), "im" | "in")
                && let Some(c) = (k + 1..(k + 4).min(ctx.len())).find(|&x| ctx.word(x) == ",")
                && (k + 1..c).all(|x| ctx.is_cap(x) || matches!(ctx.word(x), "der" | "dem"))
            {
                // "des Ausschusses für Kultur im Landtag, Erik Brandl"
                k = c;
            }
        } else {
            // "der Vize-Präsident des Regionalrats, Gaston Delacourt": an unrecognized
            // genitive phrase before the apposition.
            // Its words: capitalized ones, lowercase adjectives and remits ("des Amts für
            // auswärtige Angelegenheiten", "des städtischen Bildungsamts") and an acronym in
            // parentheses ("der Prüfungskommission (PK)").
            let mut x = j;
            while x < ctx.len() && x < j + 8 && ctx.same_sentence(x, j) {
                let w = ctx.word(x);
                if ctx.is_cap(x) && office_head(w).is_none() {
                    x += 1;
                } else if w == "(" && ctx.word(x + 2) == ")" && ctx.is_cap(x + 1) {
                    x += 3;
                } else if matches!(w, "für" | "und")
                    || (ctx.is_word(x) && !ctx.is_cap(x) && (w.ends_with("en") || w.ends_with('e')))
                        && !ctx.is_function(x)
                {
                    x += 1;
                } else {
                    break;
                }
            }
            let cap_start = ctx.is_cap(j) || (ctx.is_word(j) && !ctx.is_function(j));
            if x > j && cap_start && ctx.word(x) == "," && ctx.is_cap(x - 1) {
                if of == OfRef::None {
                    of = OfRef::Surface(ctx.surface(j..x));
                }
                k = x;
            }
        }
    }
    // "Minister für Umwelt und Verkehr, Bernd Kallweit": a remit before the apposition.
    if k == trange.end && ctx.word(k) == "für" {
        let mut x = k + 1;
        while x < ctx.len()
            && x < k + 8
            && ctx.same_sentence(x, k)
            && (ctx.is_cap(x) || matches!(ctx.word(x), "und" | "für"))
        {
            x += 1;
        }
        if x > k + 1 && ctx.word(x) == "," {
            k = x;
        }
    }
    (of, k)
}

/// A plural title covers a whole list: "die Landesräte A, B und C", "Stadträtinnen A und B",
/// "den Bürgermeistern A, B und C", "die früheren Direktoren A und B", "die beiden
/// stellvertretenden Bürgermeister A und B".
fn is_plural_title(ctx: &Ctx, trange: &Range<usize>, title: &str) -> bool {
    let l = ctx.lower(trange.end - 1);
    let before = ctx.lower(trange.start.saturating_sub(1));
    let head = office_head(ctx.word(trange.end - 1)).unwrap_or("");
    l.ends_with("innen")
        || l.ends_with("räte")
        || l.ends_with("stände")
        // "Die Bürgermeister A und B": "die" with a masculine title is plural.
        || (before == "die" && !is_feminine_title(title) && !l.ends_with('e'))
        || (l.ends_with("en") && before == "die")
        // "Direktoren", "Bürgermeistern": plural endings no singular of the head takes.
        || (head.ends_with("or") && l.ends_with("oren"))
        || (head.ends_with("er") && l.ends_with(&format!("{head}n")))
        // "die stellvertretenden Bürgermeister": a weak adjective after "die" before a
        // masculine title.
        || (trange.start >= 2
            && before.ends_with("en")
            && is_office_adjective(ctx.word(trange.start - 1))
            && matches!(ctx.lower(trange.start - 2).as_str(), "die" | "beiden")
            && !is_feminine_title(title))
}

/// Records the office on the person named at `nrange`.
fn give_office(
    f: &mut Found,
    r: EntityRef,
    title: &str,
    head: &'static str,
    of: &OfRef,
    trange: &Range<usize>,
) {
    f.persons[r.index].offices.push(OfficeB {
        title: title.to_string(),
        head,
        of: of.clone(),
        toks: trange.clone(),
    });
}

/// A title with no name next to it: singular and definite ("der Regierende Bürgermeister",
/// "Großbachs …"), or a predicate right after a name that follows a copula ("Seit 2019 ist Olaf
/// Brückner Landrat"). It is resolved once all persons are known.
fn unassigned_title(
    ctx: &Ctx,
    f: &mut Found,
    trange: &Range<usize>,
    title: String,
    head: &'static str,
    of: &OfRef,
) {
    let before = if trange.start > 0 {
        ctx.lower(trange.start - 1)
    } else {
        String::new()
    };
    let definite = matches!(
        before.as_str(),
        "der" | "die" | "des" | "dem" | "den" | "zum" | "zur"
    ) || (before == "-"
        && matches!(
            ctx.lower(trange.start.saturating_sub(3)).as_str(),
            "zum" | "zur"
        ))
        || matches!(of, OfRef::Ent(_));
    // Persons are not recognized yet: a given name and a surname will do.
    let predicate = (trange.start >= 3
        && is_copula(ctx, trange.start - 3)
        && is_first_name(ctx.word(trange.start - 2))
        && ctx.is_cap(trange.start - 1))
        // "wird Keller neuer Stadtdirektor", "Blome wird dort Beigeordnete": a copula shortly
        // before, its subject resolved later.
        || (trange.start.saturating_sub(4)..trange.start)
            .any(|k| ctx.same_sentence(k, trange.start) && is_copula(ctx, k));
    let plural = ctx.lower(trange.end - 1).ends_with("innen") || strong_plural(ctx, trange);
    if (definite || predicate) && !plural {
        f.unassigned.push(OfficeB {
            title,
            head,
            of: of.clone(),
            toks: trange.clone(),
        });
    }
}

/// "Ostländische Bürgermeister zu Gast", "mit westländischen Bürgermeistern": a masculine title
/// after an adjective in "-e"/"-en" with no article before it is a plural (the singular would
/// read "Ostländischer Bürgermeister"), which names a group, not a holder named elsewhere.
fn strong_plural(ctx: &Ctx, trange: &Range<usize>) -> bool {
    let Some(adj) = trange.start.checked_sub(1) else {
        return false;
    };
    let title = ctx.lower(trange.end - 1);
    let adj_word = ctx.lower(adj);
    let determiner = adj > 0 && ctx.same_sentence(adj - 1, adj) && {
        let w = ctx.lower(adj - 1);
        w == "die" || DETERMINERS.contains(&w.as_str())
    };
    ctx.is_word(adj)
        && (adj_word.ends_with("ische") || adj_word.ends_with("ischen"))
        && !title.ends_with("in")
        && !determiner
}

/// Whether token `i` starts its line (only spaces before it since the line break).
fn at_line_start(ctx: &Ctx, i: usize) -> bool {
    let start = ctx.toks[i].start;
    let before = &ctx.text[..start];
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.trim().is_empty()
}

/// Persons named next to an office title: "Oberbürgermeisterin Anna Beispiel", "der
/// Präsident der X, Udo Richtmann", "die Landesräte A, B und C".
pub(super) fn title_persons(ctx: &Ctx, f: &mut Found) {
    let mut i = 0;
    while i < ctx.len() {
        if ctx.boiler[ctx.sent_of[i]] || f.claim[i].is_some() {
            i += 1;
            continue;
        }
        let Some((trange, title, head)) = title_at(ctx, i) else {
            i += 1;
            continue;
        };
        let title = strip_party_prefix(title);
        let mut of = of_hyphen_prefix(ctx, f, &trange);
        if of == OfRef::None {
            of = of_left_context(ctx, f, &trange);
        }
        let (of, k) = right_complement_of_title(ctx, f, &trange, &of);
        // "den westländischen Botschafter, Kenji Sato, …": a definite title with the name in
        // commas.
        let is_article =
            |k: usize| matches!(ctx.lower(k).as_str(), "der" | "den" | "dem" | "des" | "die");
        let definite_title = (1..=3).any(|back| {
            trange.start >= back
                && is_article(trange.start - back)
                && (trange.start - back + 1..trange.start).all(|k| ctx.is_word(k) && !ctx.is_cap(k))
        });
        let appos = ctx.word(k) == "," && (k > trange.end || definite_title);
        // "Schriftführerin: Anna Beispiel", "Vorsitz: Bürgermeister X": a label of minutes
        // at the start of its line names the holder after the colon.
        let label = k == trange.end && ctx.word(k) == ":" && at_line_start(ctx, trange.start);
        let appos = appos || label;
        let name_start = if appos { k + 1 } else { trange.end };
        let name = if appos || k == trange.end {
            name_at(ctx, f, name_start, true)
        } else {
            None
        };
        let Some((nrange, words)) = name else {
            unassigned_title(ctx, f, &trange, title, head, &of);
            i = trange.end;
            continue;
        };
        let r = f.person_ref(ctx, nrange.clone(), words);
        let of = of_home_after_name(ctx, f, &of, nrange.end);
        let of = of_fronted_origin(ctx, f, &of, &trange, head);
        let of = of_where_clause(ctx, f, &of, &trange, head);
        give_office(f, r, &title, head, &of, &trange);
        i = nrange.end;
        let plural = is_plural_title(ctx, &trange, &title);
        loop {
            // "die Gemeinderäte A (CSU), B (Grüne) und C": a party in parentheses after a
            // listed name does not end the list.
            if plural && ctx.word(i) == "(" && ctx.word(i + 2) == ")" {
                i += 3;
            }
            if !(plural && matches!(ctx.word(i), "," | "und" | "sowie")) {
                break;
            }
            let last = ctx.word(i) != ",";
            let Some((n2, w2)) = name_at(ctx, f, i + 1, true) else {
                break;
            };
            if words_are_title(ctx, i + 1) {
                break;
            }
            let r2 = f.person_ref(ctx, n2.clone(), w2);
            give_office(f, r2, &title, head, &of, &trange);
            i = n2.end;
            // "A, B und C": the list ends with its conjunction.
            if last {
                break;
            }
        }
    }
}

/// Heads of a town's (or county's) own offices: where a holder comes from is the place of it.
const TOWN_OFFICE_HEADS: &[&str] = &[
    "bürgermeister",
    "maire",
    "sindaco",
    "sindaca",
    "alcalde",
    "burmistrz",
    "wójt",
    "starost",
    "starosta",
    "primátor",
    "mayor",
    "landrat",
    "beigeordnete",
    "beigeordneter",
    "stadtrat",
    "gemeinderat",
    "ratsherr",
    "ratsfrau",
    "ammann",
    "vorsteher",
];

/// Verbs of receiving: a title after one names a host, not someone who came.
const RECEIVE_WORDS: &[&str] = &[
    "empfangen",
    "empfing",
    "empfängt",
    "begrüßt",
    "begrüßte",
    "begrüßen",
    "willkommen",
];

/// A town official's title ("Bürgermeisterin") whose place is not known yet: the case the
/// rules below resolve from the sentence around it.
fn unresolved_town_office(of: &OfRef, head: &str) -> bool {
    *of == OfRef::None && TOWN_OFFICE_HEADS.iter().any(|h| head.ends_with(h))
}

/// "Aus Kleinhausen kam Bürgermeisterin X", "Aus dem ostländischen Y, Partnerstadt seit 2001,
/// reiste eine Delegation an, angeführt von Bürgermeister Z": a fronted "aus" phrase (at the
/// sentence start, after a colon or a comma) names where the town official after it comes
/// from, and so the town of the office — unless another official stands between or the
/// sentence receives someone ("…, die von Bürgermeister Y empfangen wurde" names a host).
fn of_fronted_origin(
    ctx: &Ctx,
    f: &mut Found,
    of: &OfRef,
    trange: &Range<usize>,
    head: &str,
) -> OfRef {
    if !unresolved_town_office(of, head) {
        return of.clone();
    }
    let sent = ctx.sents[ctx.sent_of[trange.start]].clone();
    let sent_start = sent.start;
    let Some(a) = (sent_start..trange.start)
        .rev()
        .find(|&k| ctx.lower(k) == "aus")
    else {
        return of.clone();
    };
    let fronted = a == sent_start || matches!(ctx.word(a - 1), ":" | "," | ";");
    let between_clear = (a + 1..trange.start).all(|k| {
        f.claim[k].is_none_or(|r| r.ty != EntityType::Person) && office_head(ctx.word(k)).is_none()
    }) && !sent
        .clone()
        .any(|k| RECEIVE_WORDS.contains(&ctx.lower(k).as_str()));
    if !fronted || !between_clear {
        return of.clone();
    }
    // "aus dem westländischen X": an article and lowercase adjectives before the name.
    let mut k = a + 1;
    if matches!(ctx.word(k), "dem" | "der") {
        k += 1;
        while k < trange.start && ctx.is_word(k) && !ctx.is_cap(k) {
            k += 1;
        }
    }
    match place_match(ctx, k, Places::get()) {
        Some((t, c)) if c.form == Form::Name && t.end <= trange.start && !is_country_place(&c) => {
            OfRef::Ent(f.place_ref(ctx, t, c.id))
        }
        _ => of.clone(),
    }
}

/// "… nach Kleinhausen, wo Bürgermeister Y einen Empfang gibt", "in X, wo die Bürgermeisterin
/// Y die Gäste empfing": a "wo" clause after a town is about that town, and so is the town
/// official who opens it.
fn of_where_clause(
    ctx: &Ctx,
    f: &mut Found,
    of: &OfRef,
    trange: &Range<usize>,
    head: &str,
) -> OfRef {
    if !unresolved_town_office(of, head) {
        return of.clone();
    }
    let mut w = trange.start;
    if w > 0 && matches!(ctx.word(w - 1), "der" | "die") {
        w -= 1;
    }
    if w < 3 || ctx.word(w - 1) != "wo" || ctx.word(w - 2) != "," {
        return of.clone();
    }
    let comma = w - 2;
    let sent_start = ctx.sents[ctx.sent_of[trange.start]].start;
    (comma.saturating_sub(4).max(sent_start)..comma)
        .find_map(|s| {
            place_match(ctx, s, Places::get())
                .filter(|(t, c)| t.end == comma && c.form == Form::Name && !is_country_place(c))
        })
        .map(|(t, c)| OfRef::Ent(f.place_ref(ctx, t, c.id)))
        .unwrap_or_else(|| of.clone())
}

/// A country or state is no town's office place.
fn is_country_place(c: &delegraph_gazetteer::places::Candidate) -> bool {
    !matches!(
        Places::get().place(c.id).kind,
        PlaceKind::City | PlaceKind::District
    )
}

/// "Bürgermeister Jan Novák aus Kleinhausen", "Gemeindeammann Urs Rüegg aus der Bergländer
/// Gemeinde Kleinhausen", "Bürgermeister Jan Novák für Kleinhausen": an official named with
/// where he comes from, or with the town he acts for, holds the office of that town.
fn of_home_after_name(ctx: &Ctx, f: &mut Found, of: &OfRef, after: usize) -> OfRef {
    if *of != OfRef::None || !matches!(ctx.word(after), "aus" | "für") {
        return of.clone();
    }
    let mut k = after + 1;
    // "aus der [Bergländer] Gemeinde X", "aus dem [ostländischen] Dorf X": the town noun (with its
    // article and an adjective) before the name.
    if ctx.word(after) == "aus" && matches!(ctx.word(k), "der" | "dem") {
        let noun = (k + 1..(k + 3).min(ctx.len())).find(|&x| is_town_noun(ctx.word(x)));
        match noun {
            Some(x) if ctx.same_sentence(after, x + 1) => k = x + 1,
            _ => return of.clone(),
        }
    }
    match place_match(ctx, k, Places::get()) {
        Some((t, c)) if c.form == Form::Name => OfRef::Ent(f.place_ref(ctx, t, c.id)),
        _ => of.clone(),
    }
}

/// A hyphenated given name of two short syllables ("Jae-Min", "Seung-hoon") and a short family
/// name ("Park", "KIM"): a Korean (or Chinese) name in Latin letters.
fn is_east_asian_pair(given: &str, family: &str) -> bool {
    let syllable = |s: &str| {
        (2..=5).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_alphabetic())
    };
    let given_ok = match given.split_once('-') {
        Some((a, b)) => {
            syllable(a)
                && syllable(b)
                && a.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && b.chars().skip(1).all(|c| c.is_ascii_lowercase())
        }
        None => false,
    };
    given_ok
        && syllable(family)
        && family
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
}

/// A place most readers know by name: a country, a region, a German-speaking town or a
/// foreign town of 15,000 or more.
fn is_well_known(c: &delegraph_gazetteer::places::Candidate) -> bool {
    let p = Places::get().place(c.id);
    !matches!(p.kind, PlaceKind::City | PlaceKind::District)
        || p.population >= 15_000
        || matches!(p.country.as_deref(), Some("DE" | "AT" | "CH" | "LI" | "LU"))
}

/// Words that may stand between a name's comma and its title: an article, a time adverb, a
/// lowercase office adjective ("X, der frühere Bürgermeister", "X, heute Senator").
fn is_appositive_filler(ctx: &Ctx, k: usize) -> bool {
    let l = ctx.lower(k);
    matches!(
        l.as_str(),
        "der"
            | "die"
            | "dem"
            | "den"
            | "des"
            | "heute"
            | "früher"
            | "damals"
            | "derzeit"
            | "inzwischen"
            | "mittlerweile"
            | "bisher"
            | "bislang"
            | "seit"
            | "einst"
            | "selbst"
    ) || (!ctx.is_cap(k) && ctx.is_word(k) && is_office_adjective(ctx.word(k)))
}

/// Where a title starts after a name's comma, skipping fillers; not in a relative clause with a
/// subject of its own ("X, den Bürgermeister Y begrüßte").
fn appositive_title_start(ctx: &Ctx, f: &Found, k: usize) -> Option<usize> {
    let mut ts = k;
    while ts < k + 3 && is_appositive_filler(ctx, ts) {
        ts += 1;
    }
    let (trange, _, _) = title_at(ctx, ts)?;
    // A title may end the text (a signature "X, Ortsbürgermeisterin" on the last line).
    let own_subject = f
        .claim
        .get(trange.end)
        .copied()
        .flatten()
        .is_some_and(|r| r.ty == EntityType::Person)
        || (ctx.is_cap(trange.end) && is_first_name(ctx.word(trange.end)));
    (!own_subject).then_some(ts)
}

pub(super) fn name_persons(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        let chinese = CHINESE_SURNAMES.contains(&w) && is_pinyin_given_name(ctx.word(i + 1));
        // "Jae-Min Park", "PARK Jae-Min": East Asian names in either order.
        let east_asian = ctx.is_cap(i + 1)
            && (is_east_asian_pair(w, ctx.word(i + 1))
                || (w.chars().all(char::is_uppercase) && is_east_asian_pair(ctx.word(i + 1), w)));
        if !(is_first_name(w) || chinese || east_asian) || ctx.word(i + 1) == "." {
            i += 1;
            continue;
        }
        let Some((nrange, words)) = name_at(ctx, f, i, false) else {
            i += 1;
            continue;
        };
        // "Seinestadt Hilton" is a person, "Essen Süd" is not: reject when the last word is an
        // unambiguous place of some size (a surname is far likelier than a hamlet abroad).
        if words.len() >= 2
            && places
                .lookup(words.last().unwrap())
                .first()
                .is_some_and(|c| !c.ambiguous && c.form == Form::Name && is_well_known(c))
            && !chinese
        {
            i += 1;
            continue;
        }
        // "der Provinz Binh Long", "die Stadt Van Hoa": a known place after the noun of its kind
        // is that place, though its words look like given and family names.
        if nrange.start > 0
            && (is_town_noun(ctx.word(nrange.start - 1))
                || matches!(
                    ctx.word(nrange.start - 1),
                    "Provinz" | "Region" | "Präfektur" | "Bezirk" | "Kreis" | "Oblast" | "Gebiet"
                ))
            && places
                .lookup(&words.join(" "))
                .iter()
                .any(|c| !c.ambiguous && c.form == Form::Name)
        {
            i = nrange.end;
            continue;
        }
        let r = f.person_ref(ctx, nrange.clone(), words);
        // Reverse apposition: "Lutz Ahrendt, Regierender Bürgermeister von Großbach".
        // Also "X, der Staatsrat für …", "X, dem ehemaligen Bürgermeister von Y", "X, heute
        // Senator der Republik".
        // "X (SPD), bislang Beigeordneter": the party tag before the comma.
        let comma = if ctx.word(nrange.end) == "("
            && ctx.word(nrange.end + 2) == ")"
            && PARTIES.contains(&ctx.word(nrange.end + 1))
        {
            nrange.end + 3
        } else {
            nrange.end
        };
        if ctx.word(comma) == ","
            && let Some(ts) = appositive_title_start(ctx, f, comma + 1)
            && let Some((trange, title, head)) = title_at(ctx, ts)
        {
            let mut of = OfRef::None;
            let k = trange.end;
            if matches!(ctx.word(k), "von" | "vom" | "der" | "des") {
                let mut j = k + 1;
                if matches!(ctx.word(j), "der" | "des" | "dem") {
                    j += 1;
                }
                if let Some((_, e)) = f.entity_starting(j) {
                    if e.ty != EntityType::Person {
                        of = OfRef::Ent(e);
                    }
                } else if let Some((t, c)) = place_match(ctx, j, places) {
                    of = OfRef::Ent(f.place_ref(ctx, t, c.id));
                } else {
                    // "Präsidentin der IHK Jena": a name recognized later (acronyms come
                    // last), resolved by its words once all organizations are known.
                    let mut x = j;
                    while x < ctx.len() && x < j + 6 && ctx.is_cap(x) && ctx.same_sentence(x, j) {
                        x += 1;
                    }
                    if x > j {
                        of = OfRef::Surface(ctx.surface(j..x));
                    }
                }
            }
            f.persons[r.index].offices.push(OfficeB {
                title: title.clone(),
                head,
                of: of.clone(),
                toks: trange.clone(),
            });
            // "Helmut Kranz, Vorsitzender und Geschäftsführer der Kranz Systeme GmbH": a second title
            // coordinated with the first shares its complement.
            let second = match ctx.word(trange.end) {
                "und" => appositive_title_start(ctx, f, trange.end + 1),
                _ => None,
            };
            // "heute Senator der Republik X und früher Landrat des Kreises Y": the second title
            // after the first one's complement.
            let second = second.or_else(|| {
                let und = (trange.end..(trange.end + 8).min(ctx.len()))
                    .take_while(|&x| ctx.same_sentence(x, trange.end) && ctx.word(x) != ",")
                    .find(|&x| ctx.word(x) == "und")?;
                let ts = appositive_title_start(ctx, f, und + 1)?;
                (ts > und + 1).then_some(ts)
            });
            if let Some(ts) = second
                && let Some((t2, title2, head2)) = title_at(ctx, ts)
            {
                let mut of2 = of.clone();
                if of2 == OfRef::None && matches!(ctx.word(t2.end), "der" | "des" | "von") {
                    let j = t2.end + 1;
                    if let Some((_, e)) = f.entity_starting(j)
                        && e.ty != EntityType::Person
                    {
                        of2 = OfRef::Ent(e);
                    }
                }
                if let Some(first) = f.persons[r.index].offices.last_mut()
                    && first.of == OfRef::None
                {
                    first.of = of2.clone();
                }
                f.persons[r.index].offices.push(OfficeB {
                    title: title2,
                    head: head2,
                    of: of2,
                    toks: t2,
                });
            }
        }
        i = nrange.end;
    }
}

pub(super) fn is_feminine_title(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
    last.ends_with("in") || last.ends_with("frau")
}

/// A copula that links a name to a predicative title ("ist", "wurde").
pub(super) fn is_copula(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.lower(k).as_str(),
        "ist" | "war" | "bleibt" | "wird" | "wurde"
    )
}

/// Gives name-less titles to their holder: the person the sentence says holds it ("Seit einem
/// Jahr ist Lutz Ahrendt nun Großbachs Regierender Bürgermeister"), else the one person with an
/// office of the same head and gender, else the document's protagonist when that person has no
/// office yet.
pub(super) fn assign_titles(ctx: &Ctx, f: &mut Found) {
    let titles = std::mem::take(&mut f.unassigned);
    for t in titles {
        let si = ctx.sent_of[t.toks.start];
        let sent = ctx.sents[si].clone();
        // Predicative: a person shortly before the title with a copula between them ("X ist
        // seit 2019 Landrat"); a copula elsewhere in the sentence (inside a quote) is not.
        // "die Wahl von Walter Frost zum US-Präsidenten": X becomes what follows "zum".
        let zum_at =
            if t.toks.start >= 1 && matches!(ctx.lower(t.toks.start - 1).as_str(), "zum" | "zur") {
                Some(t.toks.start - 1)
            } else if t.toks.start >= 3
                && ctx.word(t.toks.start - 1) == "-"
                && matches!(ctx.lower(t.toks.start - 3).as_str(), "zum" | "zur")
            {
                Some(t.toks.start - 3)
            } else {
                None
            };
        let elected = zum_at.and_then(|z| {
            f.index
                .iter()
                .find(|(x, r)| r.ty == EntityType::Person && x.end == z)
                .map(|(_, r)| r.index)
        });
        let mut holder: Option<usize> = f
            .index
            .iter()
            .rfind(|(x, r)| {
                r.ty == EntityType::Person
                    && x.start >= sent.start
                    && x.end <= t.toks.start
                    && t.toks.start - x.end <= 6
            })
            .filter(|(x, _)| {
                (x.end..t.toks.start).any(|k| is_copula(ctx, k))
                    || (x.start > sent.start && is_copula(ctx, x.start - 1))
            })
            .map(|(_, r)| r.index)
            .or(elected);
        if zum_at.is_some() && elected.is_none() {
            // "zum Präsidenten" of nobody named right before: not a coreference.
            continue;
        }
        let fem = is_feminine_title(&t.title);
        if holder.is_none() {
            let same: Vec<usize> = (0..f.persons.len())
                .filter(|&p| {
                    f.persons[p]
                        .offices
                        .iter()
                        .any(|o| o.head == t.head && is_feminine_title(&o.title) == fem)
                })
                .collect();
            if same.len() == 1 {
                holder = Some(same[0]);
            }
        }
        // "… des Stadtwerke-Chefs Ralf Steinkamp … Der Vorstandsvorsitzende ist bereit …": a
        // definite title opening a sentence refers to the one person the previous sentence
        // names.
        let opens_clause = t.toks.start >= 1
            && matches!(ctx.lower(t.toks.start - 1).as_str(), "der" | "die")
            && (t.toks.start - 1 == sent.start
                || (t.toks.start >= 2 && ctx.word(t.toks.start - 2) == ":"));
        // A title with its own complement ("Der Leiter der Vertretung …") names someone new.
        let bare = !matches!(
            ctx.lower(t.toks.end).as_str(),
            "der" | "des" | "von" | "vom" | "für" | "aus" | "in" | "im"
        );
        if holder.is_none() && opens_clause && bare && si > 0 {
            // The clause before a colon, else the previous sentence.
            let persons_in = |span: std::ops::Range<usize>| {
                let mut named: Vec<usize> = f
                    .index
                    .iter()
                    .filter(|(x, r)| {
                        r.ty == EntityType::Person && x.start >= span.start && x.end <= span.end
                    })
                    .map(|(_, r)| r.index)
                    .collect();
                named.sort_unstable();
                named.dedup();
                named
            };
            let mut named = persons_in(sent.start..t.toks.start);
            if named.is_empty() {
                named = persons_in(ctx.sents[si - 1].clone());
            }
            if let [p] = named[..] {
                holder = Some(p);
            }
        }
        if holder.is_none() {
            let count = |p: usize| {
                f.index
                    .iter()
                    .filter(|(_, r)| *r == EntityRef::person(p))
                    .count()
            };
            let best = (0..f.persons.len())
                .filter(|&p| f.persons[p].words.len() > 1)
                .max_by_key(|&p| (count(p), std::cmp::Reverse(p)));
            if let Some(p) = best
                && count(p) >= 3
                && f.persons[p].offices.is_empty()
            {
                holder = Some(p);
            }
        }
        let Some(p) = holder else { continue };
        let person = &mut f.persons[p];
        if let Some(o) = person.offices.iter_mut().find(|o| o.head == t.head) {
            if o.of == OfRef::None {
                o.of = t.of.clone();
            }
        } else {
            person.offices.push(t);
        }
    }
}

/// Every further occurrence of a known surname (or its genitive) is a mention of that person.
pub(super) fn surname_mentions(ctx: &Ctx, f: &mut Found) {
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (pi, p) in f.persons.iter().enumerate() {
        if p.words.len() > 1 {
            let last = p.words.last().unwrap().clone();
            surnames.push((last, pi));
            if CHINESE_SURNAMES.contains(&p.words[0].as_str()) {
                surnames.push((p.words[0].clone(), pi));
            }
        } else {
            surnames.push((p.words[0].clone(), pi));
        }
    }
    // Two persons sharing a surname: the bare surname is ambiguous, leave it.
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (s, _) in &surnames {
        *count.entry(s.as_str()).or_default() += 1;
    }
    let unique: Vec<(String, usize)> = surnames
        .iter()
        .filter(|(s, _)| count[s.as_str()] == 1)
        .cloned()
        .collect();
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) {
            continue;
        }
        let w = ctx.word(i);
        let base = w.strip_suffix('s').unwrap_or(w);
        if let Some((_, pi)) = unique.iter().find(|(s, _)| s == w || s == base) {
            let words = f.persons[*pi].words.clone();
            f.person_ref(ctx, i..i + 1, words);
        }
    }
}

/// "empfing Oberbürgermeister A seinen Amtskollegen B": a colleague in office holds the same
/// office as the official named with him in the sentence ("Amtskollegin": its feminine form).
pub(super) fn colleagues_in_office(ctx: &Ctx, f: &mut Found) {
    let is_colleague = |o: &OfficeB| o.head.starts_with("amtskolleg");
    for p in 0..f.persons.len() {
        for k in 0..f.persons[p].offices.len() {
            let o = &f.persons[p].offices[k];
            if !is_colleague(o) {
                continue;
            }
            let sent = ctx.sent_of[o.toks.start];
            let feminine = ctx.lower(o.toks.end - 1).contains("kollegin");
            // The official named last before the colleague ("empfing A seinen Amtskollegen").
            let at = o.toks.start;
            let other = f
                .index
                .iter()
                .rev()
                .filter(|(t, r)| {
                    r.ty == EntityType::Person
                        && r.index != p
                        && ctx.sent_of[t.start] == sent
                        && t.end <= at
                })
                .find_map(|(_, r)| {
                    f.persons[r.index]
                        .offices
                        .iter()
                        .find(|x| !is_colleague(x))
                        .map(|x| (x.title.clone(), x.head))
                });
            let o = &mut f.persons[p].offices[k];
            match other {
                Some((title, head)) => {
                    o.title = match (feminine, is_feminine_title(&title)) {
                        (true, false) => format!("{title}in"),
                        _ => title,
                    };
                    o.head = head;
                }
                None => {
                    o.title = if feminine {
                        "Amtskollegin"
                    } else {
                        "Amtskollege"
                    }
                    .to_string();
                }
            }
        }
    }
}
