//! Organization rules: the lexicon, legal forms, German and English head nouns, quoted
//! events, described companies, clubs, named sites and acronyms.

use super::*;

pub(super) fn known_orgs(ctx: &Ctx, f: &mut Found) {
    let max = orgs::max_org_words().max(1);
    let mut i = 0;
    while i < ctx.len() {
        let mut hit = None;
        if ctx.is_word(i) && !ctx.boiler[ctx.sent_of[i]] || ctx.is_word(i) {
            // Only as many words as a name starting with this word has (most start none).
            let first = ctx.word(i).split_whitespace().next().unwrap_or_default();
            let most = if first.is_empty() {
                max
            } else {
                orgs::max_org_words_from(first).min(max)
            };
            for n in (1..=most.min(ctx.len() - i)).rev() {
                if !ctx.same_sentence(i, i + n - 1) {
                    continue;
                }
                let surface = ctx.w[i..i + n].join(" ");
                if let Some(o) = lookup_org(&surface) {
                    // Brands that are ordinary German nouns ("Bild", "Zeit", "Welt") need more
                    // than the bare word.
                    let single_common = n == 1
                        && o.kind == orgs::OrgKind::Media
                        && zipf(&surface) >= 4.0
                        && is_common_noun(&surface)
                        && !surface
                            .chars()
                            .all(|c| c.is_uppercase() || !c.is_alphabetic());
                    if !single_common && (ctx.is_cap(i) || (n == 1 && ctx.word(i) == o.name)) {
                        hit = Some((n, o));
                        break;
                    }
                }
            }
        }
        match hit {
            Some((n, o)) => {
                f.org_ref(ctx, i..i + n, o.name.clone(), o.kind);
                i += n;
            }
            None => i += 1,
        }
    }
}

pub(super) fn is_open_quote(s: &str) -> bool {
    matches!(s, "„" | "\"" | "“" | "»" | "‚")
}

pub(super) fn is_close_quote(s: &str) -> bool {
    matches!(s, "“" | "\"" | "”" | "«" | "‘")
}

pub(super) fn quoted_events(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if !is_open_quote(ctx.word(i)) {
            continue;
        }
        let Some(close) = (i + 1..(i + 12).min(ctx.len())).find(|&j| is_close_quote(ctx.word(j)))
        else {
            continue;
        };
        if close <= i + 1 {
            continue;
        }
        let mut inner = i + 1..close;
        // "2. Smart Ostland Expo 2021": drop the ordinal.
        if ctx.toks[inner.start].kind == delegraph_text::TokenKind::Number
            && ctx.word(inner.start + 1) == "."
        {
            inner.start += 2;
        }
        if inner.is_empty() || !ctx.is_cap(inner.start) {
            continue;
        }
        let cue_before = i > 0 && {
            let l = ctx.lower(i - 1);
            EVENT_CUES
                .iter()
                .any(|c| l.ends_with(c) || stems(&l).iter().any(|s| s.ends_with(c)))
        };
        let inner_words: Vec<&str> = ctx.w[inner.clone()].to_vec();
        let cue_inside = inner_words.iter().any(|w| {
            ENGLISH_ORG_HEADS
                .iter()
                .any(|(h, k)| *k == "event" && w == h)
                || [
                    "Konferenz",
                    "Messe",
                    "Gipfel",
                    "Kongress",
                    "Festival",
                    "Days",
                    "Week",
                    "Summit",
                    "Expo",
                ]
                .contains(w)
        });
        let words = inner_words.len();
        if (cue_before || cue_inside) && words <= 8 && f.free(inner.clone()) {
            let name = ctx.surface(inner.clone());
            f.org_ref(ctx, inner, name, OrgKind::Event);
        }
    }
}

pub(super) fn is_generic_noun(lower: &str) -> bool {
    [
        "unternehmen",
        "konzern",
        "firma",
        "hersteller",
        "betrieb",
        "tochter",
        "start-up",
        "startup",
    ]
    .iter()
    .any(|g| lower.ends_with(g))
}

/// Nouns that describe what a following name is: "Marzipanhersteller Holtkamp",
/// "Medizintechnikunternehmen Harms", "beim Chemiekonzern Evonik".
pub(super) const DESCRIPTOR_NOUNS: &[(&str, OrgKind)] = &[
    ("hersteller", OrgKind::Company),
    ("unternehmen", OrgKind::Company),
    ("konzern", OrgKind::Company),
    ("firma", OrgKind::Company),
    ("anbieter", OrgKind::Company),
    ("zulieferer", OrgKind::Company),
    ("produzent", OrgKind::Company),
    ("dienstleister", OrgKind::Company),
    ("händler", OrgKind::Company),
    ("versorger", OrgKind::Company),
    ("betreiber", OrgKind::Company),
    ("reederei", OrgKind::Company),
    ("brauerei", OrgKind::Company),
    ("werft", OrgKind::Company),
    // "zur Kunstausstellung SüdArt", "die Fachmesse Interpart"
    ("ausstellung", OrgKind::Event),
    ("fachmesse", OrgKind::Event),
    ("festival", OrgKind::Event),
    ("konferenz", OrgKind::Event),
];

/// "Werftbetreiber", "Chemiekonzerns": a compound that describes the name after it. A bare
/// "Werft" or "Brauerei" may be part of a name ("Nordsee Werft GmbH").
fn is_descriptor_noun(lower: &str) -> bool {
    let base = lower
        .strip_suffix("es")
        .or(lower.strip_suffix("s"))
        .unwrap_or(lower);
    DESCRIPTOR_NOUNS
        .iter()
        .map(|(d, _)| *d)
        .chain(AGENT_DESCRIPTORS.iter().copied())
        .any(|d| base.len() > d.len() && base.ends_with(d))
}

/// Last members of nouns for what a firm does, written before its name and never part of
/// it: "Maschinenbauer X GmbH", "Holzverarbeiter Y d.o.o.", "Autozulieferer Z AG". Only
/// compounds count ("Bauer" alone is a surname).
const AGENT_DESCRIPTORS: &[&str] = &[
    "bauer",
    "verarbeiter",
    "lieferant",
    "ausrüster",
    "entwickler",
    "erzeuger",
    "spezialist",
    "versender",
    "exporteur",
    "importeur",
];

/// A company named right after a noun that describes it: the name is the capitalized words
/// after the descriptor that are neither ordinary nouns nor places nor office titles.
pub(super) fn described_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len().saturating_sub(1) {
        if !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let lower = ctx.lower(i);
        let base = lower
            .strip_suffix("es")
            .or(lower.strip_suffix("s"))
            .unwrap_or(&lower);
        let Some(&(_, kind)) = DESCRIPTOR_NOUNS
            .iter()
            .find(|(d, _)| base.ends_with(d) || lower.ends_with(d))
        else {
            continue;
        };
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let name_like = |k: usize| {
            let w = ctx.word(k);
            // Family firms are named by their founder: "Firma Kessler", "Firma Hubert Lindner".
            let most = if is_first_name(w) {
                4.6
            } else if is_common_surname(w) || (k > i + 1 && is_first_name(ctx.word(k - 1))) {
                4.2
            } else {
                3.5
            };
            k < sent_end
                && ctx.is_cap(k)
                && !ctx.is_function(k)
                && f.claim[k].is_none()
                && office_head(w).is_none()
                && !is_common_noun(w)
                && zipf(w) < most
                && (place_match(ctx, k, places).is_none() || is_first_name(w))
        };
        let mut end = i + 1;
        while end < i + 4 && name_like(end) {
            end += 1;
        }
        // "Firma Kessler Maschinenbau", "Brandl Metalltechnik": the trade after the name.
        if end > i + 1 && end < sent_end && ctx.is_cap(end) && f.claim[end].is_none() {
            let trade = ctx.lower(end);
            if TRADE_ENDINGS.iter().any(|t| trade.ends_with(t)) && org_head(ctx.word(end)).is_none()
            {
                end += 1;
            }
        }
        if end == i + 1 || !f.free(i + 1..end) {
            continue;
        }
        // "die Firma Rotaform Westland": a country or town right after the brand names its branch.
        if let Some((t, c)) = place_match(ctx, end, places)
            && c.form == Form::Name
            && t.end <= sent_end
        {
            end = t.end;
        }
        let name = ctx.surface(i + 1..end);
        let r = f.org_ref(ctx, i + 1..end, name, kind);
        let full = ctx.surface(i..end);
        let o = &mut f.orgs[r.index];
        if !o.aliases.contains(&full) {
            o.aliases.push(full);
        }
    }
}

/// Last members of the trade words a firm's name ends with ("Maschinenbau", "Metalltechnik",
/// "Kunststofftechnik", "Elektroservice", "Holzbau", "Spedition und Logistik").
const TRADE_ENDINGS: &[&str] = &[
    "bau",
    "technik",
    "service",
    "logistik",
    "druck",
    "systeme",
    "handel",
    "elektronik",
    "design",
    "consulting",
    "transporte",
    "automation",
    "kunststoffe",
    "metallbau",
    "montage",
];

/// Sports clubs: a club abbreviation and the capitalized words after it, places included
/// ("FC Alpenland Mühlberg", "VfB Auheim", "1. FC Kleinhausen").
pub(super) const CLUB_PREFIXES: &[&str] = &[
    "FC", "SC", "SV", "TSV", "VfB", "VfL", "BSC", "FSV", "SpVgg", "TuS", "SG", "BV", "TSG", "SSV",
    // Austrian and South Tyrolean sports clubs and unions: "ASV Auheim", "USV Kranzberg".
    "ASV", "USV", "ATSV", "ASKÖ", "UFC", "ESV", "USC", "ASC",
];

pub(super) fn club_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if f.claim[i].is_some()
            || !CLUB_PREFIXES.contains(&ctx.word(i))
            || ctx.boiler[ctx.sent_of[i]]
        {
            continue;
        }
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let mut end = i + 1;
        while end < sent_end
            && end < i + 4
            && ctx.is_cap(end)
            && !ctx.is_function(end)
            && f.claim[end].is_none()
            && office_head(ctx.word(end)).is_none()
        {
            end += 1;
        }
        if end == i + 1 {
            continue;
        }
        // "1. FC Kleinhausen"
        let start = if i >= 2
            && ctx.word(i - 1) == "."
            && ctx.word(i - 2).chars().all(|c| c.is_ascii_digit())
        {
            i - 2
        } else {
            i
        };
        let name = ctx.surface(start..end);
        f.org_ref(ctx, start..end, name, OrgKind::Association);
    }
}

/// Last compound members of buildings, sites and festivities that visitors are shown.
pub(super) const SITE_HEADS: &[(&str, OrgKind)] = &[
    ("zeughaus", OrgKind::Culture),
    ("haus", OrgKind::Culture),
    ("kirche", OrgKind::Culture),
    ("kathedrale", OrgKind::Culture),
    ("kapelle", OrgKind::Culture),
    ("münster", OrgKind::Culture),
    ("dom", OrgKind::Culture),
    ("kloster", OrgKind::Culture),
    ("museum", OrgKind::Culture),
    ("galerie", OrgKind::Culture),
    ("bibliothek", OrgKind::Culture),
    ("palast", OrgKind::Culture),
    ("schloss", OrgKind::Culture),
    ("theater", OrgKind::Culture),
    ("oper", OrgKind::Culture),
    ("fest", OrgKind::Event),
    ("festival", OrgKind::Event),
    // Halls, baths and grounds where guests are received or shown round: "die Alpspitzhalle",
    // "das Rupertibad", "die Rupertustherme", "das Donaustadion".
    ("halle", OrgKind::Culture),
    ("bad", OrgKind::Company),
    ("therme", OrgKind::Company),
    ("stadion", OrgKind::Other),
    ("arena", OrgKind::Other),
];

/// Generic first members: a "Landeshaus" or "Stadtfest" exists in every town, so only quotes
/// make one a name.
pub(super) const GENERIC_SITE_PREFIXES: &[&str] = &[
    "landes",
    "stadt",
    "kreis",
    "gemeinde",
    "bezirks",
    "bürger",
    "gäste",
    "kranken",
    "rat",
    "staats",
    "bundes",
    "pfarr",
    "gottes",
    "wohn",
    "hoch",
    "kauf",
    "volks",
    "schul",
    "partei",
    "sommer",
    "winter",
    "herbst",
    "frühlings",
    "dorf",
    "kunst",
    "heimat",
    "fest",
    "opern",
    "konzert",
    "welt",
    "partnerschafts",
    "jubiläums",
    "freundschafts",
    // Halls and baths every town has: "Sporthalle", "Mehrzweckhalle", "Hallenbad", "Freibad".
    "sport",
    "turn",
    "mehrzweck",
    "dreifach",
    "fest",
    "frei",
    "hallen",
    "schwimm",
    "erlebnis",
    "thermal",
    "spiel",
    "messe",
    "kongress",
    "eis",
    "fußball",
];

/// Named sites: "das Buddenbrookhaus", "zur Jacobikirche", "das Europatagsfest", and any site
/// word in quotes ("das „Landeszeughaus“").
pub(super) fn site_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len() {
        if !ctx.is_cap(i) || f.claim[i].is_some() || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let w = ctx.word(i);
        let lower = w.to_lowercase();
        // Genitive "des Buddenbrookhauses".
        let (nominative, stem) = match SITE_HEADS.iter().find_map(|(h, _)| {
            ["", "es", "s"].iter().find_map(|suf| {
                let stem = lower.strip_suffix(suf)?;
                stem.ends_with(h)
                    .then(|| (stem.chars().count(), stem.len() - h.len()))
            })
        }) {
            Some(x) => x,
            None => continue,
        };
        let Some(&(_, kind)) = SITE_HEADS.iter().find(|(h, _)| {
            lower[..]
                .get(stem..)
                .is_some_and(|rest| rest.starts_with(h))
        }) else {
            continue;
        };
        let prefix = &lower[..stem];
        // The same prefix as written (`stem` counts bytes of the lowercase form).
        let w_prefix: String = w.chars().take(prefix.chars().count()).collect();
        let quoted = i > 0 && is_open_quote(ctx.word(i - 1)) && is_close_quote(ctx.word(i + 1));
        let specific = prefix.chars().count() >= 3
            && !GENERIC_SITE_PREFIXES
                .iter()
                .any(|g| prefix.trim_end_matches('s') == *g || prefix == *g)
            && !is_common_noun(w)
            && zipf(w) < 3.0
            && !is_common_noun(&w_prefix)
            && zipf(&w_prefix) < 4.0;
        // "das Kleinhausener Altstadtfest": a town's festivity named by its place adjective.
        let named_by_place = kind == OrgKind::Event
            && i > 0
            && ctx.is_cap(i - 1)
            && f.claim[i - 1].is_none()
            && places
                .lookup(ctx.word(i - 1))
                .iter()
                .any(|c| c.form == Form::Adjective);
        // "eine frühere Reithalle": a site after an indefinite article is a kind, not a name.
        let indefinite = (i.saturating_sub(3)..i).any(|k| {
            ctx.same_sentence(k, i)
                && matches!(
                    ctx.lower(k).as_str(),
                    "ein" | "eine" | "einer" | "einem" | "einen" | "eines"
                )
                && (k + 1..i).all(|x| ctx.is_word(x) && !ctx.is_cap(x))
        });
        if !(quoted || specific || named_by_place)
            || indefinite
            || place_match(ctx, i, places).is_some()
            || office_head(w).is_some()
        {
            continue;
        }
        let name: String = w.chars().take(nominative).collect();
        if named_by_place {
            let name = format!("{} {name}", ctx.word(i - 1));
            f.org_ref(ctx, i - 1..i + 1, name, kind);
            continue;
        }
        f.org_ref(ctx, i..i + 1, name, kind);
    }
}

/// Extends an organization name to the left over capitalized modifiers.
pub(super) fn extend_left(
    ctx: &Ctx,
    f: &Found,
    mut j: usize,
    max: usize,
    sent_start: usize,
) -> usize {
    let mut n = 0;
    while j > sent_start && n < max {
        let k = j - 1;
        let w = ctx.word(k);
        let lower = w.to_lowercase();
        let ok = ctx.is_cap(k)
            && !ctx.is_function(k)
            && office_head(w).is_none()
            && !is_generic_noun(&lower)
            && !is_descriptor_noun(&lower)
            && f.claim[k].is_none_or(|r| r.ty == EntityType::Place)
            && !(ctx.starts_sentence(k) && zipf(w) >= 4.5);
        // "… der Stadt Neuburg an der Donau e.V.": a place of several words, and "der Stadt",
        // "des Landes" between head and place.
        if let Some(ps) = (j.saturating_sub(5).max(sent_start)..j).find(|&s| {
            place_match(ctx, s, Places::get()).is_some_and(|(t, _)| t.end == j && t.len() > 1)
        }) && ps < k
        {
            j = ps;
            n += 1;
            continue;
        }
        if matches!(w, "der" | "des")
            && k > sent_start
            && matches!(
                ctx.word(k + 1),
                "Stadt" | "Gemeinde" | "Landes" | "Kreises" | "Region"
            )
            && ctx.is_cap(k - 1)
            && !ctx.is_function(k - 1)
        {
            j = k;
            n += 1;
            continue;
        }
        // "Kliniken an der Riß gGmbH", "Gymnasium am Hofgarten e.V.": a name placed by
        // "an der" or "am" and a name.
        if ctx.is_cap(k)
            && !ctx.is_function(k)
            && k >= sent_start + 2
            && f.claim[k].is_none_or(|r| r.ty == EntityType::Place)
        {
            let before = if matches!(ctx.word(k - 1), "der" | "dem") && ctx.word(k - 2) == "an" {
                Some(k - 2)
            } else if ctx.word(k - 1) == "am" {
                Some(k - 1)
            } else {
                None
            };
            if let Some(b) = before
                && b > sent_start
                && ctx.is_cap(b - 1)
                && !ctx.is_function(b - 1)
                && (org_head(ctx.word(b - 1)).is_some() || !is_common_noun(ctx.word(b - 1)))
            {
                j = b;
                n += 1;
                continue;
            }
        }
        // "Presse- und Informationsamt": a truncated member joined by "und".
        let truncated =
            (w == "und" || w == ",") && k > sent_start && ctx.word(k - 1).ends_with('-');
        if truncated {
            j = k - 1;
            n += 1;
            continue;
        }
        if !ok {
            break;
        }
        j = k;
        n += 1;
    }
    j
}

/// "Freundeskreis Altdorf–Neudorf e.V.", "Förderverein der Partnerschaft Altdorf-Neudorf e.V.":
/// a registered name goes on to the left over two towns joined by a dash written solid and
/// over a genitive after the body's head. Returns the new start.
fn extend_over_joins(ctx: &Ctx, f: &Found, mut start: usize, sent_start: usize) -> usize {
    for _ in 0..2 {
        if start < sent_start + 2 {
            break;
        }
        let k = start - 1;
        let dash = matches!(ctx.word(k), "–" | "-")
            && !ctx.toks[k].space_before
            && !ctx.toks[start].space_before
            && ctx.is_cap(k - 1)
            && f.claim[k - 1].is_none_or(|r| r.ty == EntityType::Place);
        let genitive = matches!(ctx.word(k), "der" | "des")
            && ctx.is_cap(k - 1)
            && f.claim[k - 1].is_none()
            // A firm's plant or workshop ("Weberei der X Textil AG", "Werk der Y GmbH") is part
            // of that firm; a club's genitive is its registered name.
            && org_head(ctx.word(k - 1))
                .is_some_and(|h| !is_plural_head(ctx.word(k - 1), h.0) && h.1 != "company")
            && office_head(ctx.word(k - 1)).is_none();
        if dash {
            start = extend_left(ctx, f, k, 3, sent_start);
        } else if genitive {
            start = extend_left(ctx, f, k - 1, 3, sent_start);
        } else {
            break;
        }
    }
    start
}

pub(super) fn legal_form_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_word(i) {
            continue;
        }
        let sent_start = ctx.sents[ctx.sent_of[i]].start;
        // "X GmbH & Co. KG": the form goes on; its last word reads it whole.
        if ctx.word(i + 1) == "&" && ctx.same_sentence(i, i + 1) {
            continue;
        }
        let lo = i.saturating_sub(7).max(sent_start);
        let words: Vec<&str> = ctx.w[lo..=i].to_vec();
        let joined_suffix = ["-GmbH", "-AG", "-KG", "-gGmbH", "-SE"]
            .iter()
            .any(|s| ctx.word(i).ends_with(s));
        let lf = orgs::ends_with_legal_form(&words).filter(|&n| n < words.len() || joined_suffix);
        let Some(n) = lf.or(joined_suffix.then_some(0)) else {
            continue;
        };
        // Only fire on the last word of the legal form.
        if i + 1 < ctx.len() && !ctx.toks[i + 1].space_before && ctx.word(i + 1) == "." {
            // "Inc." is one word for the lexicon but two tokens here: handled by the lexicon match.
        }
        let form_start = i + 1 - n.max(1);
        let start = extend_left(ctx, f, if n == 0 { i } else { form_start }, 5, sent_start);
        if start == form_start && n > 0 {
            continue; // a bare legal form is no name
        }
        let start = extend_over_joins(ctx, f, start, sent_start);
        let mut end = i + 1;
        // "Ltd" "." is the form "Ltd."; the full stop after "& Sohn" ends the sentence.
        if ctx.word(end) == "." && !ctx.toks[end].space_before && ctx.word(i).len() <= 4 {
            let mut dotted = words.clone();
            dotted.push(".");
            if orgs::ends_with_legal_form(&dotted).is_some() {
                end += 1;
            }
        }
        if !f.free(start..end) {
            continue;
        }
        let name = ctx.surface(start..end);
        // "e.V.", "asbl", "vzw": a registered association.
        let kind = if ctx.w[start..end].iter().any(|w| {
            matches!(
                *w,
                "e.V." | "e.V" | "asbl" | "ASBL" | "a.s.b.l." | "vzw" | "VZW" | "VoG"
            )
        }) || name.ends_with("e.V.")
            || name.ends_with("a.s.b.l.")
        {
            OrgKind::Association
        } else {
            OrgKind::Company
        };
        f.org_ref(ctx, start..end, name, kind);
    }
}

pub(super) fn english_orgs(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len() {
        let Some((_, kind)) = ENGLISH_ORG_HEADS.iter().find(|(h, _)| ctx.word(i) == *h) else {
            continue;
        };
        if f.claim[i].is_some() {
            continue;
        }
        let sent = ctx.sents[ctx.sent_of[i]].clone();
        let mut start = i;
        while start > sent.start {
            let k = start - 1;
            let w = ctx.word(k);
            // German nouns and compounds ("Kongress-Messe") are not part of an English name.
            let german = w.contains('-') && w.split('-').any(is_common_noun);
            let name_word = ctx.is_cap(k)
                && !ctx.is_function(k)
                && office_head(w).is_none()
                && f.claim[k].is_none()
                && !german;
            // "Campus des Massachusetts Institute …": German "des" after a German noun is no
            // French connector.
            let connector = ENGLISH_CONNECTORS.contains(&w)
                && k > sent.start
                && ctx.is_cap(k - 1)
                && !(w == "des" && is_common_noun(ctx.word(k - 1)));
            if !(name_word || connector) {
                break;
            }
            start = k;
        }
        let mut end = i + 1;
        // "Lycée Anne Moreau", "Centre Culturel Rive Gauche": a Romance head first, then the
        // capitalized words of its name.
        if start == i && ROMANCE_HEAD_FIRST.contains(&ctx.word(i)) {
            while end < sent.end
                && end < i + 5
                && ctx.is_cap(end)
                && !ctx.is_function(end)
                && f.claim[end].is_none()
                && office_head(ctx.word(end)).is_none()
            {
                end += 1;
            }
        }
        // "… of Technology", "Chambre de Commerce de la Haute-Marne": connectors (French ones
        // may come two at a time, "de la") before capitalized words.
        loop {
            let mut c = end;
            while c < sent.end && c < end + 2 && ENGLISH_CONNECTORS.contains(&ctx.word(c)) {
                c += 1;
            }
            if c == end || c >= sent.end || !ctx.is_cap(c) || ctx.is_function(c) {
                break;
            }
            end = c + 1;
            while end < sent.end && ctx.is_cap(end) && !ctx.is_function(end) {
                end += 1;
            }
        }
        // "Smart Expo Ostland": a place right after an event or fair head belongs to the name.
        if *kind == "event"
            && let Some((t, _)) = place_match(ctx, end, Places::get())
            && t.end <= sent.end
        {
            end = t.end;
        }
        // Leading German words that are just capitalized sentence starts.
        while start < i && (ctx.is_function(start) || ENGLISH_CONNECTORS.contains(&ctx.word(start)))
        {
            start += 1;
        }
        if end - start < 2 || !f.free(start..end) {
            continue;
        }
        let name = ctx.surface(start..end);
        f.org_ref(ctx, start..end, name, org_kind(kind));
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Whether a line break separates token `k` from the one before it.
pub(super) fn line_break_before(ctx: &Ctx, k: usize) -> bool {
    k > 0 && k < ctx.len() && ctx.text[ctx.toks[k - 1].end..ctx.toks[k].start].contains('\n')
}

/// An organization head noun at token `i`: (head, kind, standalone, prefix length).
struct HeadHit {
    head: &'static str,
    kind: &'static str,
    standalone: bool,
    prefix_len: usize,
}

/// "die Hochschulen des Landes", "die Vereine der Stadt": a plural names no one body.
fn is_plural_head(word: &str, head: &str) -> bool {
    let lw = word.to_lowercase();
    let lw = lw.rsplit('-').next().unwrap_or(&lw);
    !lw.ends_with(head)
        && !lw.ends_with(&format!("{head}s"))
        && !lw.ends_with(&format!("{head}es"))
        && ["n", "en", "e", "er"]
            .iter()
            .any(|suf| lw.ends_with(&format!("{head}{suf}")))
}

/// Right complement after a head: a place ("IHK Großbach", "Feuerwehr Aue"), or a genitive or
/// remit phrase ("des Landes Großbach", "für Auswärtige Angelegenheiten"). Returns its end.
fn right_complement(ctx: &Ctx, f: &Found, head: &str, end: usize) -> Option<usize> {
    let places = Places::get();
    let sent = ctx.sents[ctx.sent_of[end - 1]].clone();
    if end < sent.end
        && let Some((t, _)) = place_match(ctx, end, places)
        && !ctx.is_function(end)
    {
        return Some(t.end);
    }
    // "Volksbank Allgäu-Oberland", "Caritas Bodensee-Alb": a region named by places joined
    // with a hyphen, each part a name, the first one known.
    if end < sent.end && f.claim[end].is_none() && is_hyphenated_region(ctx.word(end)) {
        return Some(end + 1);
    }
    // "Sommerfest 2025", "Gartenschau 2026": an event with its year.
    if end < sent.end
        && org_head(ctx.word(end - 1)).is_some_and(|h| h.1 == "event")
        && is_year(ctx.word(end))
    {
        return Some(end + 1);
    }
    if end + 1 < sent.end && matches!(ctx.word(end), "des" | "der" | "von" | "für") {
        return genitive_complement(ctx, f, head, end, sent.end);
    }
    club_name_after_head(ctx, f, end, sent.end).or_else(|| unknown_name_after_head(ctx, f, end))
}

/// "Technische Hochschule Ostalb", "Kreisklinik Aischgrund", "Musikschule Hofsteig-Ach": a
/// body named by its town or region that no list holds, one name-like word that closes the
/// phrase (a lowercase word or punctuation after it, not another name: "die Hochschule
/// Anna Weber").
fn unknown_name_after_head(ctx: &Ctx, f: &Found, end: usize) -> Option<usize> {
    let sent_end = ctx.sents[ctx.sent_of[end - 1]].end;
    let closes = end + 1 >= sent_end || !ctx.is_word(end + 1) || !ctx.is_cap(end + 1);
    // "Kunstausstellung Farbwerk": after a noun that describes it, the name stands alone.
    let described = {
        let head = ctx.lower(end - 1);
        DESCRIPTOR_NOUNS.iter().any(|(d, _)| head.ends_with(d))
    };
    (end < sent_end
        && !described
        && closes
        && f.claim[end].is_none()
        && !line_break_before(ctx, end)
        && !delegraph_text::temporal::is_calendar_word(ctx.word(end))
        && unknown_town_name(ctx, end))
    .then_some(end + 1)
}

/// "Allgäu-Oberland", "Kleinhausen-Wiesental": capitalized parts joined by hyphens, the first
/// a place the gazetteer knows.
fn is_hyphenated_region(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().count() >= 3
                && p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().skip(1).all(char::is_lowercase)
        })
        && Places::get()
            .lookup(parts[0])
            .iter()
            .any(|c| c.form == Form::Name && !c.ambiguous)
}

/// "Männergesangverein Frohsinn Kleinhausen", "Kirchenchor St. Martin", "Musikverein Harmonie":
/// clubs and ensembles carry a name of their own after the head, often a rare noun, sometimes
/// a saint, optionally followed by their town.
fn club_name_after_head(ctx: &Ctx, f: &Found, end: usize, sent_end: usize) -> Option<usize> {
    let head = org_head(ctx.word(end - 1))?;
    // A patron saint names any institution ("Krankenhaus St. Elisabeth", "Kinderklinik
    // Sankt Anna"); a name of its own, only clubs and ensembles.
    let club = matches!(head.1, "association" | "culture");
    let mut k = end;
    if matches!(ctx.word(k), "St." | "Sankt") && ctx.is_cap(k + 1) && k + 1 < sent_end {
        k += 2;
    } else if matches!(ctx.word(k), "St") && ctx.word(k + 1) == "." && ctx.is_cap(k + 2) {
        k += 3;
    } else if !club {
        return None;
    } else {
        while k < sent_end
            && k < end + 2
            && ctx.is_cap(k)
            && !ctx.is_function(k)
            && f.claim[k].is_none()
            && zipf(ctx.word(k)) < 3.0
            && !is_first_name(ctx.word(k))
            && office_head(ctx.word(k)).is_none()
            && org_head(ctx.word(k)).is_none()
            && place_match(ctx, k, Places::get()).is_none()
            && !line_break_before(ctx, k)
        {
            k += 1;
        }
    }
    // "Gesangverein Harmonie Kleinhausen": with the town after it, a club name may be a
    // frequent word too.
    if k == end
        && ctx.is_cap(end)
        && !ctx.is_function(end)
        && f.claim[end].is_none()
        && !is_first_name(ctx.word(end))
        && office_head(ctx.word(end)).is_none()
        && org_head(ctx.word(end)).is_none()
        && place_match(ctx, end, Places::get()).is_none()
        && let Some((t, c)) = place_match(ctx, end + 1, Places::get())
        && c.form == Form::Name
        && t.end <= sent_end
    {
        return Some(t.end);
    }
    if k == end {
        return None;
    }
    match place_match(ctx, k, Places::get()) {
        Some((t, c)) if k < sent_end && c.form == Form::Name => Some(t.end),
        _ => Some(k),
    }
}

/// "des Landes Großbach", "der Stadt Kleinhausen", "des Chinesischen Volkes für Auswärtige
/// Angelegenheiten", "für Wissenschaft, Forschung und Kultur": the end of a genitive or remit
/// complement starting with the preposition at `end`, if it makes the phrase a name.
fn genitive_complement(
    ctx: &Ctx,
    f: &Found,
    head: &str,
    end: usize,
    sent_end: usize,
) -> Option<usize> {
    let places = Places::get();
    let mut k = end + 1;
    let mut n = 0;
    let mut fuer = ctx.word(end) == "für";
    while k < sent_end && n < 8 {
        // "Institut des Ostländischen Volkes für Auswärtige Angelegenheiten": a remit
        // after the genitive.
        if n > 0 && !fuer && ctx.word(k) == "für" && ctx.is_cap(k + 1) {
            fuer = true;
            k += 1;
            continue;
        }
        if ctx.is_cap(k) && !ctx.is_function(k) && office_head(ctx.word(k)).is_none() {
            // A place ends the complement: "des Landes Großbach" (not "… Großbach Jüdenstr");
            // an adjective does not ("des Chinesischen Volkes"), nor a hamlet spelt like a
            // word ("des Landes Großbach").
            if let Some((t, c)) = place_match(ctx, k, places)
                && c.form != Form::Adjective
                && !c.ambiguous
            {
                k = t.end;
                n += 1;
                break;
            }
            k += 1;
            n += 1;
        } else if n > 0 && fuer && ctx.word(k) == "und" && ctx.is_word(k + 1) {
            k += 1;
        } else if n > 0
            && fuer
            && ctx.word(k) == ","
            && ctx.is_cap(k + 1)
            && is_common_noun(ctx.word(k + 1))
            && !is_first_name(ctx.word(k + 1))
            && (k + 1..(k + 5).min(sent_end)).any(|x| ctx.word(x) == "und")
        {
            // "für Wissenschaft, Forschung und Kultur": a listed remit.
            k += 1;
        } else if n > 0
            && fuer
            && ctx.is_word(k)
            && !ctx.is_cap(k)
            && ctx.is_cap(k + 1)
            && ctx.word(k - 1) == "und"
        {
            // "für Verkehr und digitale Infrastruktur"
            k += 1;
        } else {
            break;
        }
    }
    while k > end + 1 && matches!(ctx.word(k - 1), "und") {
        k -= 1;
    }
    // A genitive complement needs a name-like word ("des Landes Großbach", "der Stadt")
    // or an institution that is named by its remit ("Bundesministerium der Finanzen").
    let names_place = (end + 1..k).any(|x| place_match(ctx, x, places).is_some());
    let remit = head == "ministerium" || matches!(ctx.word(end + 1), "Innern" | "Auswärtigen");
    // "Kinderchor der Kleinhausener Grundschule": a complement that is an institution itself
    // names another organization, not this one's name.
    // So does one named by an acronym or ending in a legal form ("Präsidium der IHK X",
    // "Weberei der Muster Textil AG"), which the later rules read.
    let swallows_org = (end + 1..k).any(|x| {
        f.claim[x].is_some_and(|r| r.ty == EntityType::Organization)
            || (x > end + 1 && org_head(ctx.word(x)).is_some_and(|h| h.0 != "gesellschaft"))
            || is_acronym_word(ctx.word(x))
    }) || orgs::ends_with_legal_form(&ctx.w[end + 1..k]).is_some();
    // "des Landes Großbach", "des Landkreises Hohenried", "der Gemeinde Wiesfeld": a unit
    // noun and its name, whether or not a list holds the name.
    let of_a_state = (matches!(
        ctx.word(end + 1),
        "Stadt" | "Landes" | "Bundes" | "Freistaats" | "Kantons"
    ) || is_unit_noun(ctx.word(end + 1)))
        && n >= 2;
    (n > 0 && !swallows_org && (names_place || fuer || remit || of_a_state)).then_some(k)
}

/// "IHK", "BVG": two to six capitals (digits allowed), no place or party of the lists.
fn is_acronym_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&w.chars().count())
        && letters >= 2
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !NON_ORG_ACRONYMS.contains(&w)
}

/// "Europäische Bauausstellung EBA", "Landesgartenschau LGS": an acronym written right after
/// the name, starting with the name's first letter. Written in lowercase ("Nationale
/// Bauausstellung nba") its second letter must start a later word of the name too: a short
/// lowercase word that only shares the first letter is the verb of the clause ("Der Haupt- und
/// Finanzausschuss hat …", "Die Kleinhausener Handelskammer muss …").
fn trailing_acronym(ctx: &Ctx, start: usize, end: usize) -> bool {
    let a = ctx.word(end);
    let letters = a.chars().count();
    let first = ctx
        .word(start)
        .chars()
        .next()
        .map(|c| c.to_lowercase().to_string());
    ctx.is_word(end)
        && (2..=5).contains(&letters)
        && (a.chars().all(char::is_uppercase)
            || (a.chars().all(char::is_lowercase) && spells_later_initial(ctx, start, end, a)))
        && !ctx.is_function(end)
        && a.chars().next().map(|c| c.to_lowercase().to_string()) == first
        && !NON_ORG_ACRONYMS.contains(&a)
        && !PARTIES.contains(&a)
}

/// Whether the second letter of a lowercase acronym is the initial of a capitalized word of the
/// name after its first ("Nationale Bauausstellung nba": b).
fn spells_later_initial(ctx: &Ctx, start: usize, end: usize, acronym: &str) -> bool {
    let Some(second) = acronym.chars().nth(1) else {
        return false;
    };
    (start + 1..end).any(|k| {
        ctx.is_cap(k)
            && ctx
                .word(k)
                .chars()
                .next()
                .is_some_and(|c| c.to_lowercase().eq(second.to_lowercase()))
    })
}

/// "die Kleinhausener Gruppe", "eine Seestädter Delegation": a group named only by where its members
/// come from is those people, not an organization.
fn is_group_of_people(ctx: &Ctx, start: usize, i: usize, head: &str) -> bool {
    let places = Places::get();
    // "eine Gruppe der Gesamtschule X", "die Gruppe aus Y": a bare "Gruppe" is some people
    // of what follows.
    let bare = start == i && matches!(ctx.word(i), "Gruppe" | "Gruppen");
    head == "gruppe"
        && (bare
            || start < i
                && (start..i).all(|k| {
                    places
                        .lookup(ctx.word(k))
                        .iter()
                        .any(|c| c.form == Form::Adjective)
                }))
}

/// Heads of bodies a town has one of each: its committees, clubs and bands, named by a
/// compound ("der Kulturausschuss", "beim Heimatverein", "die Bürgerkapelle").
const LOCAL_BODY_HEADS: &[&str] = &[
    "ausschuss",
    "verein",
    "verband",
    "kapelle",
    "chor",
    "club",
    "klub",
    "kompanie",
    "komitee",
    "gemeinschaft",
    "feuerwehr",
    // Offices and advisory boards of a town: "das Ordnungsamt", "der Ortsbeirat" (not its
    // administration as a whole: "die Stadtverwaltung teilte mit" names no body of its own).
    "amt",
    "beirat",
];

/// "im Ehrenamt", "das Hauptamt": compounds of "Amt" that name a position someone holds, not
/// an office of the administration.
const POSITION_AMT: &[&str] = &["ehrenamt", "hauptamt", "nebenamt", "gesamt", "richteramt"];

/// "der Kulturausschuss", "vom Heimatverein", "die Gemeindefeuerwehr": a compound of a local
/// body's head after a definite article or a preposition fused with one is that town's body
/// (a press release about a town names its own bodies so); "ein Musikverein" is any.
fn definite_local_body(ctx: &Ctx, i: usize, h: &HeadHit) -> bool {
    let prev = ctx.lower(i.saturating_sub(1));
    h.prefix_len >= 3
        && i > 0
        && LOCAL_BODY_HEADS.contains(&h.head)
        && matches!(
            prev.as_str(),
            "der" | "die" | "das" | "dem" | "den" | "des" | "vom" | "beim" | "im" | "zum" | "zur"
        )
        && !is_common_noun_plural_context(ctx, i)
        && !level_prefixed(ctx.word(i), h.prefix_len)
        && !(h.head == "amt"
            && POSITION_AMT
                .iter()
                .any(|p| stems(&ctx.lower(i)).contains(p)))
}

/// Heads of a town's or region's councils, compounds in themselves ("Gemeinderat").
const COUNCIL_HEADS: &[&str] = &[
    "stadtrat",
    "gemeinderat",
    "ortsrat",
    "magistrat",
    "regionalrat",
];

/// "der Präsident des Landtags", "die Vorsitzende des Gemeinderates", "der Leiter des
/// Umweltamtes": the body in the genitive right after an office title is the one body of
/// that name the holder serves (an ordinary compound of a head, or a council).
fn body_after_title(ctx: &Ctx, i: usize, h: &HeadHit) -> bool {
    i >= 2
        && matches!(ctx.word(i - 1), "des" | "der")
        && office_head(ctx.word(i - 2)).is_some()
        && org_head(ctx.word(i - 2)).is_none()
        && (h.prefix_len >= 3 || h.standalone || COUNCIL_HEADS.contains(&h.head))
        && !is_common_noun_plural_context(ctx, i)
}

/// "Landesverband", "Bundesausschuss": a body named by the state or federal level it works at
/// belongs to a federation, not to the town, and needs its name beside it.
fn level_prefixed(word: &str, prefix_len: usize) -> bool {
    let prefix: String = word.to_lowercase().chars().take(prefix_len).collect();
    ["landes", "bundes", "staats"].iter().any(|l| prefix == *l)
}

/// "der Vereine", "den Chören": a plural after the article names no one body.
fn is_common_noun_plural_context(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.lower(i);
    [
        "vereine",
        "verbände",
        "kapellen",
        "chöre",
        "chören",
        "clubs",
        "vereinen",
        "verbänden",
    ]
    .iter()
    .any(|p| w.ends_with(p))
}

/// "Stadtrat Hans Meier": an office noun right before a given name is that person's title.
fn is_title_before_name(ctx: &Ctx, i: usize) -> bool {
    office_head(ctx.word(i)).is_some() && is_first_name(ctx.word(i + 1)) && ctx.is_cap(i + 1)
}

/// The head noun at `i`, or an institution as first member of a compound
/// ("Abgeordnetenhaus-Delegation"), which is recorded at once.
fn org_head_at(ctx: &Ctx, f: &mut Found, i: usize) -> Option<HeadHit> {
    let w = ctx.word(i);
    // "Stadtzentrum", "Ortszentrum": the centre of a town is a part of it, no institution.
    let lower = w.to_lowercase();
    if [
        "stadtzentrum",
        "ortszentrum",
        "stadtzentrums",
        "ortszentrums",
    ]
    .contains(&lower.as_str())
    {
        return None;
    }
    let first_part = w.split('-').next().unwrap_or(w);
    match org_head(w) {
        Some((head, kind, standalone, prefix_len)) => Some(HeadHit {
            head,
            kind,
            standalone,
            prefix_len,
        }),
        None => {
            if let (true, Some(h)) = (w.contains('-'), org_head(first_part))
                && h.2
                && h.3 > 0
            {
                f.org_ref(ctx, i..i + 1, first_part.to_string(), org_kind(h.1));
            }
            None
        }
    }
}

/// "Otto-Hahn-Realschule", "Marie-Curie-Gymnasium", "Anna-Weber-Stiftung": a head joined by
/// hyphens to two or more capitalized words is named after someone (ordinary compounds are
/// written solid).
fn named_by_person(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() >= 3
        && parts[..parts.len() - 1].iter().all(|p| {
            p.chars().count() >= 2
                && p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().skip(1).all(char::is_lowercase)
        })
}

/// Organizations around a German head noun: modifiers to the left ("Deutsch-Japanische
/// Gesellschaft", "der Kleinhausener Stadtrat"), a place or complement to the right ("IHK
/// Großbach", "Presse- und Informationsamt des Landes Großbach"), an acronym in parentheses or right
/// after ("Europäische Bauausstellung EBA").
pub(super) fn german_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    let mut i = 0;
    while i < ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        let Some(h) = org_head_at(ctx, f, i) else {
            i += 1;
            continue;
        };
        // "die Freiwilligen Feuerwehren beider Orte": a plural after an adjective is plural too.
        let plural = is_plural_head(w, h.head)
            && !ctx.starts_sentence(i)
            && (!ctx.is_cap(i.saturating_sub(1)) || ctx.lower(i - 1).ends_with("en"));
        if plural || is_title_before_name(ctx, i) {
            i += 1;
            continue;
        }
        let sent = ctx.sents[ctx.sent_of[i]].clone();
        let start = extend_left(ctx, f, i, 4, sent.start);
        let complement_end = right_complement(ctx, f, h.head, i + 1);
        let mut complement = complement_end.is_some();
        let mut end = complement_end.unwrap_or(i + 1);
        if let Some(e) = placed_by_name(ctx, f, end, sent.end) {
            end = e;
            complement = true;
        }
        // "beim Kreisverband Kultur,": a local body named with its field, a common noun
        // standing alone before the punctuation that closes the phrase.
        if !complement
            && definite_local_body(ctx, i, &h)
            && ctx.same_sentence(i, i + 2)
            && ctx.is_cap(i + 1)
            && is_common_noun(ctx.word(i + 1))
            && f.claim[i + 1].is_none()
            && matches!(ctx.word(i + 2), "," | "." | ";" | ")" | "–")
        {
            end = i + 2;
        }
        let acronym = ctx.word(end) == "("
            && ctx.word(end + 2) == ")"
            && ctx
                .word(end + 1)
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit());
        // "der unterländische Bezirkstag": a place adjective before an institution that
        // exists once per place.
        let start = if start == i
            && h.standalone
            && (!ctx.lower(i).ends_with('e') || h.head.ends_with('e'))
            && i > sent.start
            && !ctx.is_cap(i - 1)
            && places
                .lookup(ctx.word(i - 1))
                .iter()
                .any(|c| c.form == Form::Adjective)
        {
            i - 1
        } else {
            start
        };
        let modified = start < i;
        // "Bergland-Institut", "Ospelt-Gruppe": a name joined to the head by a hyphen.
        let named_compound = w.contains('-') && {
            let first = w.split('-').next().unwrap_or("");
            let place = !places.lookup(first).is_empty();
            // A hyphen joins a name to the head ("Pelikan-Werk"): ordinary compounds are
            // written solid, so only frequent words are suspect.
            first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().count() >= 2
                && office_head(first).is_none()
                && !is_generic_noun(&first.to_lowercase())
                && (place || zipf(first) < 3.5)
        } || named_by_person(w);
        let specific = (h.standalone && (h.prefix_len > 0 || modified)) || named_compound;
        // "einen Forschungs- und Industriepark für Zukunftstechnologien", "eine neue
        // Musikschule": after an indefinite article a head names a kind of body, not one.
        if indefinite_before(ctx, start, sent.start) && !acronym {
            i += 1;
            continue;
        }
        if !(specific
            || definite_local_body(ctx, i, &h)
            || body_after_title(ctx, i, &h)
            || complement
            || acronym
            || (modified && h.prefix_len > 0)
            || (modified && !ctx.starts_sentence(start)))
            || is_group_of_people(ctx, start, i, h.head)
        {
            i += 1;
            continue;
        }
        let spelled_acronym = !acronym && modified && trailing_acronym(ctx, start, end);
        if spelled_acronym {
            end += 1;
        }
        if !f.free(start..end) {
            i += 1;
            continue;
        }
        let name = ctx.surface(start..end);
        let r = f.org_ref(ctx, start..end, name, org_kind(h.kind));
        let acr = if acronym {
            Some(ctx.word(end + 1).to_string())
        } else if spelled_acronym {
            Some(ctx.word(end - 1).to_string())
        } else {
            None
        };
        if let Some(acr) = acr {
            let o = &mut f.orgs[r.index];
            if !o.aliases.contains(&acr) {
                o.aliases.push(acr);
            }
        }
        i = end;
    }
}

/// "Gymnasium am Hofgarten", "Musikkapelle St. Valentin am Puflatsch", "Klinik an der
/// Weser": a body placed by "am" or "an der" and a name (no ordinary noun, no day: "der
/// Verein am Samstag", "die Schule am Ende") ends after that name, and after the town that
/// follows it. Returns the new end.
fn placed_by_name(ctx: &Ctx, f: &Found, end: usize, sent_end: usize) -> Option<usize> {
    let mut k = match ctx.word(end) {
        "am" => end + 1,
        "an" if matches!(ctx.word(end + 1), "der" | "dem") => end + 2,
        _ => return None,
    };
    let places = Places::get();
    let name_start = k;
    if let Some((t, c)) = place_match(ctx, k, places)
        && c.form == Form::Name
        && t.end <= sent_end
    {
        k = t.end;
    } else {
        while k < sent_end
            && k < name_start + 2
            && ctx.is_cap(k)
            && !ctx.is_function(k)
            && f.claim[k].is_none()
            && !is_common_noun(ctx.word(k))
            && zipf(ctx.word(k)) < 3.5
            && !delegraph_text::temporal::is_calendar_word(ctx.word(k))
            && office_head(ctx.word(k)).is_none()
            && org_head(ctx.word(k)).is_none()
            && !is_first_name(ctx.word(k))
        {
            k += 1;
        }
    }
    if k == name_start {
        return None;
    }
    // "Gymnasium am Stadtsee Kleinhausen": the town after the name.
    if let Some((t, c)) = place_match(ctx, k, places)
        && c.form == Form::Name
        && t.end <= sent_end
        && k > name_start
        && place_match(ctx, name_start, places).is_none()
    {
        k = t.end;
    }
    Some(k)
}

/// An indefinite article right before `start`, or before lowercase adjectives leading to it
/// ("ein neuer", "einen Forschungs- und").
fn indefinite_before(ctx: &Ctx, start: usize, sent_start: usize) -> bool {
    let mut k = start;
    while k > sent_start {
        k -= 1;
        let l = ctx.lower(k);
        if matches!(
            l.as_str(),
            "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
        ) {
            return true;
        }
        if !ctx.is_word(k) || ctx.is_cap(k) || start - k > 3 {
            return false;
        }
    }
    false
}

/// "Tag der Partnerschaft", "Tag der offenen Tür", "Tag des Sports": a day named by a genitive
/// is an event.
pub(super) fn day_events(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len().saturating_sub(2) {
        if ctx.word(i) != "Tag"
            || !matches!(ctx.word(i + 1), "der" | "des")
            || f.claim[i].is_some()
            || ctx.boiler[ctx.sent_of[i]]
        {
            continue;
        }
        let mut k = i + 2;
        // Declined adjectives before the noun: "der offenen Tür", "der Nationalen Einheit".
        while k < i + 4 && ctx.is_word(k) && ctx.lower(k).ends_with("en") && ctx.is_cap(k + 1) {
            k += 1;
        }
        if !ctx.is_cap(k) || !ctx.same_sentence(i, k) || ctx.is_function(k) || !f.free(i..k + 1) {
            continue;
        }
        let name = ctx.surface(i..k + 1);
        f.org_ref(ctx, i..k + 1, name, OrgKind::Event);
    }
}

/// "Stadtreinigung Kleinhausen", "Stadtbibliothek Kleinhausen", "Kreissparkasse Kleinhausen": a
/// compound naming a municipal service by its town, followed by that town, is the town's
/// institution.
pub(super) fn municipal_services(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len().saturating_sub(1) {
        let w = ctx.word(i);
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let lower = w.to_lowercase();
        let Some(rest) = ["stadt", "gemeinde", "kreis", "landes"]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
        else {
            continue;
        };
        // A part or an event of the town is no institution: "Stadtzentrum", "Stadtrundgang".
        let not_a_service = [
            "zentrum",
            "mitte",
            "rand",
            "teil",
            "gebiet",
            "bereich",
            "rundgang",
            "führung",
            "besuch",
            "tour",
            "fest",
            "grenze",
            "bild",
            "geschichte",
            "halle",
            "park",
            "platz",
            // The town itself: "Kreisstadt X", "Landeshauptstadt X".
            "stadt",
            "gemeinde",
            "dorf",
            "kreis",
            "bezirk",
        ];
        if rest.chars().count() < 4
            || not_a_service.iter().any(|x| rest.ends_with(x))
            || office_head(w).is_some()
        {
            continue;
        }
        let Some((t, c)) = place_match(ctx, i + 1, places) else {
            continue;
        };
        if c.form != Form::Name
            || !ctx.same_sentence(i, t.end - 1)
            || places.place(c.id).kind != PlaceKind::City
            || !f.free(i..t.end)
        {
            continue;
        }
        let kind = org_head(w).map_or(OrgKind::PublicBody, |h| org_kind(h.1));
        let name = ctx.surface(i..t.end);
        f.org_ref(ctx, i..t.end, name, kind);
    }
}

/// "Rat der Stadt Kleinhausen", "Magistrat der Gemeinde Y": a town's council named by its
/// town, a place or a name the town noun makes one.
pub(super) fn town_councils(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len().saturating_sub(3) {
        if !matches!(
            ctx.word(i),
            "Rat" | "Rates" | "Rats" | "Magistrat" | "Magistrats"
        ) || ctx.word(i + 1) != "der"
            || !matches!(
                ctx.word(i + 2),
                "Stadt" | "Gemeinde" | "Marktgemeinde" | "Stadtgemeinde"
            )
            || !ctx.same_sentence(i, i + 3)
            || ctx.boiler[ctx.sent_of[i]]
        {
            continue;
        }
        let end = match place_match(ctx, i + 3, places) {
            Some((t, c)) if c.form == Form::Name => t.end,
            _ if ctx.is_cap(i + 3)
                && !ctx.is_function(i + 3)
                && !is_common_noun(ctx.word(i + 3))
                && zipf(ctx.word(i + 3)) < 3.0 =>
            {
                i + 4
            }
            _ => continue,
        };
        if !f.free(i..end) {
            continue;
        }
        let head = if ctx.word(i).starts_with("Magistrat") {
            "Magistrat"
        } else {
            "Rat"
        };
        let name = format!("{head} {}", ctx.surface(i + 1..end));
        f.org_ref(ctx, i..end, name, OrgKind::PublicBody);
    }
}

/// Head nouns that come before the name: "Villa Aurelia", "Messe Auheim", "Universität
/// Lindau", "Akademie Orlac-Tours", "Militärmuseum St. Kranzberg".
pub(super) const HEAD_FIRST: &[(&str, &str)] = &[
    ("akademie", "university"),
    ("gasthof", "company"),
    ("gasthaus", "company"),
    ("hotel", "company"),
    ("restaurant", "company"),
    // Wineries, breweries and monasteries named by their place or founder: "Kellerei
    // Kranzberg", "Kloster Aurelia".
    ("kellerei", "company"),
    ("weingut", "company"),
    ("brauerei", "company"),
    ("kloster", "culture"),
    ("flughafen", "company"),
    ("galerie", "culture"),
    ("hochschule", "university"),
    ("klinikum", "research"),
    ("messe", "event"),
    ("museum", "culture"),
    ("oper", "culture"),
    ("schloss", "culture"),
    ("schule", "other"),
    ("stiftung", "association"),
    ("theater", "culture"),
    ("universität", "university"),
    ("villa", "culture"),
];

pub(super) fn head_first_orgs(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let lower = ctx.lower(i);
        // "des Klosters X", "des Museums X": the head in the genitive too.
        let genitive = [lower.strip_suffix("es"), lower.strip_suffix('s')];
        let Some((head, kind)) = HEAD_FIRST
            .iter()
            .find(|(h, _)| lower.ends_with(h) || genitive.iter().flatten().any(|g| g.ends_with(h)))
        else {
            continue;
        };
        // The head in the nominative: "Klosters" -> "Kloster".
        let ending = if lower.ends_with(head) {
            0
        } else {
            genitive
                .iter()
                .flatten()
                .find(|g| g.ends_with(head))
                .map_or(0, |g| lower.len() - g.len())
        };
        // Inns are named by ordinary nouns: "Gasthof Krone", "Hotel Post".
        let inn = matches!(*head, "gasthof" | "gasthaus" | "hotel" | "restaurant");
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let mut end = i + 1;
        // "Hotel Zur Post", "Gasthaus Zum Goldenen Hirsch": an inn named by its sign.
        let sign = inn && matches!(ctx.word(end), "Zum" | "Zur") && ctx.is_cap(end + 1);
        if sign {
            end += 2;
            if ctx.is_cap(end) && !ctx.is_function(end) && ctx.lower(end - 1).ends_with("en") {
                end += 1;
            }
        }
        // A place ("Messe Auheim") or proper names that are not ordinary words ("Villa Aurelia").
        if sign {
            // The sign is the whole name.
        } else if let Some((t, _)) = place_match(ctx, end, places) {
            end = t.end;
        } else {
            while end < sent_end
                && end < i + 4
                && ctx.is_cap(end)
                && !ctx.is_function(end)
                && (!is_common_noun(ctx.word(end)) || (inn && end == i + 1))
                && f.claim[end].is_none()
                && office_head(ctx.word(end)).is_none()
            {
                end += 1;
                // "St. Kranzberg"
                if ctx.word(end) == "." && ctx.word(end - 1).len() <= 3 && ctx.is_cap(end + 1) {
                    end += 1;
                }
            }
        }
        if end == i + 1 || !f.free(i..end) {
            continue;
        }
        let first = ctx.word(i);
        let name = format!(
            "{}{}",
            &first[..first.len() - ending],
            ctx.surface(i..end).get(first.len()..).unwrap_or_default()
        );
        f.org_ref(ctx, i..end, name, org_kind(kind));
    }
}

/// "Mit der Messegesellschaft der Provinzhauptstadt …" after "Messegesellschaft Hanfeng": a
/// definite institution noun that starts exactly one organization name of the document
/// mentions that organization.
pub(super) fn bare_head_mentions(ctx: &Ctx, f: &mut Found) {
    for i in 1..ctx.len() {
        if f.claim[i].is_some()
            || !ctx.is_cap(i)
            || ctx.boiler[ctx.sent_of[i]]
            || !matches!(
                ctx.lower(i - 1).as_str(),
                "der" | "die" | "das" | "dem" | "den" | "des" | "beim" | "im" | "zum" | "zur"
            )
            || org_head(ctx.word(i)).is_none()
        {
            continue;
        }
        let key = norm_key(&crate::inflect::org_nominative(ctx.word(i)));
        let cands: Vec<usize> = (0..f.orgs.len())
            .filter(|&o| {
                let name = &f.orgs[o].name;
                name.contains(' ') && name.split(' ').next().map(norm_key) == Some(key.clone())
            })
            .collect();
        if let [o] = cands[..] {
            let surface = ctx.surface(i..i + 1);
            f.orgs[o].mentions.push((i..i + 1, surface));
            f.add_ref(i..i + 1, EntityRef::org(o), true);
        }
    }
}

pub(super) fn acronyms(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    // Definitions: "Kingsbridge Institute of Technology (MIT)".
    let mut defined: BTreeMap<String, EntityRef> = BTreeMap::new();
    for (t, r) in f.index.clone() {
        if r.ty == EntityType::Organization && ctx.word(t.end) == "(" && ctx.word(t.end + 2) == ")"
        {
            let acr = ctx.word(t.end + 1);
            if acr
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && acr.chars().count() >= 2
            {
                defined.insert(acr.to_string(), r);
                let o = &mut f.orgs[r.index];
                if !o.aliases.iter().any(|a| a == acr) {
                    o.aliases.push(acr.to_string());
                }
            }
        }
    }
    for (name, r) in f
        .orgs
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            o.aliases
                .iter()
                .map(move |a| (a.clone(), EntityRef::org(i)))
        })
        .collect::<Vec<_>>()
    {
        if name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            defined.entry(name).or_insert(r);
        }
    }
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_word(i) {
            continue;
        }
        let w = ctx.word(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if let Some(&r) = defined.get(w) {
            let name = f.orgs[r.index].name.clone();
            let kind = f.orgs[r.index].kind;
            f.org_ref(ctx, i..i + 1, name, kind);
            continue;
        }
        if !all_caps
            || w.chars().count() > 6
            || NON_ORG_ACRONYMS.contains(&w)
            || PARTIES.contains(&w)
        {
            continue;
        }
        if ctx.boiler[ctx.sent_of[i]] || !places.lookup(w).is_empty() {
            continue;
        }
        if f.index.iter().any(|(x, _)| x.contains(&i)) {
            continue;
        }
        // Roman numerals and units are not names.
        if w.chars().all(|c| "IVXLCDM".contains(c)) {
            continue;
        }
        // "TU Murstadt", "FC Alpenland Mühlberg", "IHK Heidburg": an acronym with the place it belongs to.
        let mut end = i + 1;
        // One or two name words may stand between acronym and place ("FC Alpenland Mühlberg").
        let mut probe = end;
        while probe < end + 2
            && ctx.is_cap(probe)
            && !ctx.is_function(probe)
            && !is_common_noun(ctx.word(probe))
            && f.claim[probe].is_none()
        {
            probe += 1;
            if f.index
                .iter()
                .any(|(x, r)| x.start == probe && r.ty == EntityType::Place)
            {
                end = probe;
                break;
            }
        }
        // The place must follow on the same line ("HWK Heidburg⏎⏎Heidburg. Seit …").
        while let Some((x, _)) = f.index.iter().find(|(x, r)| {
            x.start == end && r.ty == EntityType::Place && !line_break_before(ctx, end)
        }) {
            end = x.end;
        }
        let name = ctx.surface(i..end);
        f.org_ref(ctx, i..end, name, OrgKind::Other);
    }
}

pub(super) fn parties(ctx: &Ctx, f: &mut Found) {
    for (t, r) in f.index.clone() {
        if r.ty != EntityType::Person {
            continue;
        }
        // "Lutz Ahrendt (CDU)"
        if ctx.word(t.end) == "("
            && ctx.word(t.end + 2) == ")"
            && PARTIES.contains(&ctx.word(t.end + 1))
        {
            f.persons[r.index].party = Some(ctx.word(t.end + 1).to_string());
            continue;
        }
        // "die SPD-Politikerin Anna Beispiel", "Grünen-Abgeordnete"
        for k in t.start.saturating_sub(3)..t.start {
            if let Some((p, _)) = ctx.word(k).split_once('-')
                && PARTIES.contains(&p)
                && ctx.same_sentence(k, t.start)
            {
                let p = if p == "Grünen" { "Grüne" } else { p };
                f.persons[r.index].party = Some(p.to_string());
            }
        }
    }
}

/// A capitalized word after an organization head that can only be a name: not an ordinary
/// or frequent word, not a given name or common surname, no head itself, no place any list
/// holds (those the other rules read).
fn unknown_town_name(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.is_word(k)
        && ctx.is_cap(k)
        && !ctx.is_function(k)
        && w.chars().count() >= 4
        && !w.chars().all(char::is_uppercase)
        && !w.ends_with('s')
        && !is_common_noun(w)
        && zipf(w) < 3.0
        && !is_first_name(w)
        && !is_common_surname(w)
        && office_head(w).is_none()
        && org_head(w).is_none()
        && Places::get().lookup(w).is_empty()
}

/// The start of a body named by head and town ending at the head `h`: a capitalized adjective
/// before it belongs to the name ("Evangelische Kirchengemeinde X", "Technisches Hilfswerk X").
fn body_start(ctx: &Ctx, h: usize) -> usize {
    let adjective = |k: usize| {
        let l = ctx.lower(k);
        ctx.is_cap(k)
            && ctx.same_sentence(k, h)
            && [
                "ige", "igen", "iges", "ische", "ischen", "isches", "liche", "lichen", "liches",
            ]
            .iter()
            .any(|e| l.ends_with(e))
    };
    if h > 0 && adjective(h - 1) { h - 1 } else { h }
}

/// "Grüße aus Hohenried.", "in Hohenried zu Gast", "Hohenried, 12. Mai 2025.": a name after
/// a place preposition that ends its phrase, or a dateline's, is said of a town.
fn town_context(ctx: &Ctx, k: usize) -> bool {
    let ends_phrase = !ctx.is_word(k + 1) || !ctx.is_cap(k + 1);
    let after_preposition =
        k > 0 && matches!(ctx.word(k - 1), "in" | "aus" | "nach") && ends_phrase;
    let dateline = (k == 0 || line_break_before(ctx, k))
        && ctx.word(k + 1) == ","
        && ctx
            .word(k + 2)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
    after_preposition || dateline
}

/// "die Jugendfeuerwehr Hohenried … die Blaskapelle Hohenried … des Gemeinderates Hohenried":
/// a name no list holds that follows the heads of two different bodies (or one, and a town
/// noun: "die Gemeinde Hohenried") is the town the document's bodies are named after; every
/// body named by a head and that town is an organization, and the town a place.
pub(super) fn bodies_of_unknown_towns(ctx: &Ctx, f: &mut Found) {
    // Per candidate name: the distinct heads before it, and whether a town noun precedes it.
    let mut heads: BTreeMap<&str, (Vec<String>, bool)> = BTreeMap::new();
    for k in 0..ctx.len() {
        let same = k > 0 && ctx.same_sentence(k - 1, k);
        if ctx.boiler[ctx.sent_of[k]]
            || !unknown_town_name(ctx, k)
            || !(same || town_context(ctx, k))
        {
            continue;
        }
        let prev = ctx.word(k.saturating_sub(1));
        let entry = heads.entry(ctx.word(k)).or_default();
        if (same && is_town_noun(prev)) || town_context(ctx, k) {
            entry.1 = true;
        } else if same
            && let Some((head, ..)) = org_head(prev)
            && office_head(prev).is_none()
            && !entry.0.iter().any(|h| h == head)
        {
            entry.0.push(head.to_string());
        }
    }
    let towns: Vec<&str> = heads
        .into_iter()
        .filter(|(_, (hs, noun))| hs.len() >= 2 || (hs.len() == 1 && *noun))
        .map(|(w, _)| w)
        .collect();
    if towns.is_empty() {
        return;
    }
    let gaz = Places::get();
    for k in 1..ctx.len() {
        if !towns.contains(&ctx.word(k)) || !ctx.same_sentence(k - 1, k) || f.claim[k].is_some() {
            continue;
        }
        let id = gaz.ad_hoc(ctx.word(k), PlaceKind::City, None);
        let Some((_, kind, ..)) = org_head(ctx.word(k - 1)) else {
            f.place_ref(ctx, k..k + 1, id);
            continue;
        };
        let start = body_start(ctx, k - 1);
        if !f.free(start..k + 1) {
            continue;
        }
        let name = ctx.surface(start..k + 1);
        f.org_ref(ctx, start..k + 1, name, org_kind(kind));
        f.place_ref(ctx, k..k + 1, id);
    }
}

/// "Alte", "Grüner", "Goldenes", "Bayerischer": a capitalized word that is an inflected form of
/// a frequent adjective (its stem without the ending is a frequent word itself).
fn is_capitalized_adjective(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    let lower = w.to_lowercase();
    ctx.is_cap(k)
        && !ctx.is_function(k)
        && !is_first_name(w)
        && office_head(w).is_none()
        && ["er", "es", "en", "e"].iter().any(|end| {
            lower
                .strip_suffix(end)
                .is_some_and(|stem| stem.chars().count() >= 3 && zipf(stem) >= 3.0)
        })
}

/// "Jugendzentrum Alte Post", "Gasthof Grüner Baum", "Bürgerhaus Neue Mitte": an institution
/// or venue head followed by a capitalized adjective and a noun is named by them; without an
/// article between them the two words can only be its name.
pub(super) fn head_adjective_noun_names(ctx: &Ctx, f: &mut Found) {
    for i in 0..ctx.len().saturating_sub(2) {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let w = ctx.word(i);
        let lower = w.to_lowercase();
        let site = SITE_HEADS.iter().find(|(h, _)| lower.ends_with(h));
        let first = HEAD_FIRST.iter().find(|(h, _)| lower.ends_with(h));
        let kind = match (org_head(w), first, site) {
            // Committees and offices are named by their remit ("Ausschuss Innere Sicherheit"),
            // which is no sign of a venue.
            (Some(h), ..) if !is_plural_head(w, h.0) && h.1 != "public_body" => org_kind(h.1),
            (Some(_), ..) => continue,
            (None, Some((_, k)), _) => org_kind(k),
            (None, None, Some((_, k))) => *k,
            _ => continue,
        };
        let (a, n) = (i + 1, i + 2);
        if office_head(w).is_some()
            || lower.ends_with("stadtzentrum")
            || lower.ends_with("ortszentrum")
            || !ctx.same_sentence(i, n)
            || !is_capitalized_adjective(ctx, a)
            || !ctx.is_cap(n)
            || ctx.is_function(n)
            || office_head(ctx.word(n)).is_some()
            || org_head(ctx.word(n)).is_some()
            || is_first_name(ctx.word(n))
            || line_break_before(ctx, a)
            || !f.free(i..n + 1)
        {
            continue;
        }
        let name = ctx.surface(i..n + 1);
        f.org_ref(ctx, i..n + 1, name, kind);
    }
}

/// Last members of services and facilities a welfare or relief body runs in a town: written
/// after that body's name ("…-Sozialstation", "…-Pflegedienst"), never heads on their own.
const BRANCH_HEADS: &[&str] = &[
    "station",
    "dienst",
    "werkstatt",
    "tafel",
    "beratungsstelle",
    "hospiz",
    "kita",
    "herberge",
    "treff",
];

/// "Caritas-Sozialstation Kleinhausen", "AWO-Seniorenzentrum Obermoos", "Diakonie-Pflegeheim
/// Sonnenhang": a body's name or acronym joined by a hyphen to a facility it runs is that
/// branch, with the town or the name written after it.
pub(super) fn branch_compounds(ctx: &Ctx, f: &mut Found) {
    let places = Places::get();
    for i in 0..ctx.len() {
        if f.claim[i].is_some() || !ctx.is_cap(i) || ctx.boiler[ctx.sent_of[i]] {
            continue;
        }
        let w = ctx.word(i);
        let Some((body, facility)) = w.split_once('-') else {
            continue;
        };
        let acronym = body.chars().count() >= 2
            && body.chars().all(char::is_uppercase)
            && !NON_ORG_ACRONYMS.contains(&body)
            && !PARTIES.contains(&body);
        let name = body.chars().count() >= 4
            && body.chars().next().is_some_and(char::is_uppercase)
            && body.chars().skip(1).all(char::is_lowercase)
            // The hyphen marks a name ("Diakonie-", "Caritas-": ordinary compounds are written
            // solid), so only frequent words are suspect.
            && zipf(body) < 4.0
            && !is_first_name(body)
            && places.lookup(body).is_empty();
        let last = facility
            .rsplit('-')
            .next()
            .unwrap_or(facility)
            .to_lowercase();
        let kind = match org_head(facility) {
            // "AWO-Seniorenheime": a plural names no one branch.
            Some(h) if h.1 != "public_body" && !is_plural_head(facility, h.0) => org_kind(h.1),
            Some(_) => continue,
            None if BRANCH_HEADS.iter().any(|h| last.ends_with(h)) => OrgKind::Association,
            None => continue,
        };
        if !(acronym || name) || office_head(facility).is_some() {
            continue;
        }
        // "Kleinforst-Zentrum für Energie", "das NORDLAB Kleinforst-Zentrum": a complement or a
        // name before it is the head rules' to read; "Tech-Konzern" describes, it names nothing.
        let before_name = i > 0
            && ctx.same_sentence(i - 1, i)
            && ctx.is_cap(i - 1)
            && !ctx.is_function(i - 1)
            && !ctx.starts_sentence(i - 1);
        if before_name
            || matches!(ctx.word(i + 1), "für" | "des" | "der" | "von" | "(")
            || [last.as_str(), last.trim_end_matches('s')]
                .iter()
                .any(|l| is_generic_noun(l) || DESCRIPTOR_NOUNS.iter().any(|(d, _)| l.ends_with(d)))
        {
            continue;
        }
        let sent_end = ctx.sents[ctx.sent_of[i]].end;
        let end = match place_match(ctx, i + 1, places) {
            Some((t, c)) if c.form == Form::Name && t.end <= sent_end => t.end,
            _ if i + 1 < sent_end && f.claim[i + 1].is_none() && unknown_town_name(ctx, i + 1) => {
                i + 2
            }
            _ => i + 1,
        };
        if !f.free(i..end) {
            continue;
        }
        let surface = ctx.surface(i..end);
        f.org_ref(ctx, i..end, surface, kind);
    }
}
