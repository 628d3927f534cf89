//! German noun-phrase inflection for names: organizations are named in the nominative
//! ("Sächsischer Landtag"), however the sentence inflects them ("des Sächsischen Landtags").

use delegraph_gazetteer::places::{Form, Places};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// Grammatical gender of institution head nouns, by their last compound member.
const HEAD_GENDERS: &[(&str, Gender)] = &[
    ("abgeordnetenhaus", Gender::Neuter),
    ("akademie", Gender::Feminine),
    ("amt", Gender::Neuter),
    ("agentur", Gender::Feminine),
    ("ausschuss", Gender::Masculine),
    ("bank", Gender::Feminine),
    ("behörde", Gender::Feminine),
    ("bund", Gender::Masculine),
    ("büro", Gender::Neuter),
    ("club", Gender::Masculine),
    ("dienst", Gender::Masculine),
    ("forum", Gender::Neuter),
    ("gericht", Gender::Neuter),
    ("gesellschaft", Gender::Feminine),
    ("gruppe", Gender::Feminine),
    ("haus", Gender::Neuter),
    ("hochschule", Gender::Feminine),
    ("institut", Gender::Neuter),
    ("kammer", Gender::Feminine),
    ("kanzlei", Gender::Feminine),
    ("kolleg", Gender::Neuter),
    ("kommission", Gender::Feminine),
    ("kongress", Gender::Masculine),
    ("konsulat", Gender::Neuter),
    ("korps", Gender::Neuter),
    ("ministerium", Gender::Neuter),
    ("museum", Gender::Neuter),
    ("orchester", Gender::Neuter),
    ("parlament", Gender::Neuter),
    ("rat", Gender::Masculine),
    ("regierung", Gender::Feminine),
    ("schaft", Gender::Feminine),
    ("senat", Gender::Masculine),
    ("stiftung", Gender::Feminine),
    ("tag", Gender::Masculine),
    ("theater", Gender::Neuter),
    ("universität", Gender::Feminine),
    ("verband", Gender::Masculine),
    ("verein", Gender::Masculine),
    ("vertretung", Gender::Feminine),
    ("werk", Gender::Neuter),
    ("zentrum", Gender::Neuter),
    ("gymnasium", Gender::Neuter),
    ("feuerwehr", Gender::Feminine),
    ("chor", Gender::Masculine),
    ("musik", Gender::Feminine),
    ("komitee", Gender::Neuter),
    ("kapelle", Gender::Feminine),
    ("schule", Gender::Feminine),
    ("hotel", Gender::Neuter),
    ("bibliothek", Gender::Feminine),
    ("verwaltung", Gender::Feminine),
    ("ausstellung", Gender::Feminine),
    ("schau", Gender::Feminine),
    ("ensemble", Gender::Neuter),
    ("kreis", Gender::Masculine),
];

fn gender(lower: &str) -> Option<Gender> {
    HEAD_GENDERS
        .iter()
        .filter(|(h, _)| lower.ends_with(h))
        .max_by_key(|(h, _)| h.len())
        .map(|&(_, g)| g)
}

/// The head noun in its nominative form and gender: "Landtags" -> ("Landtag", masculine);
/// "Korps" stays. Feminine nouns take no genitive ending.
fn head_nominative(word: &str) -> Option<(String, Gender)> {
    let lower = word.to_lowercase();
    if let Some(g) = gender(&lower)
        && HEAD_GENDERS.iter().any(|(h, _)| lower.ends_with(h))
    {
        return Some((word.to_string(), g));
    }
    for suf in ["es", "s"] {
        if let Some(stem) = lower.strip_suffix(suf)
            && let Some(g) = gender(stem)
            && g != Gender::Feminine
            && HEAD_GENDERS.iter().any(|(h, _)| stem.ends_with(h))
        {
            let n = word.chars().count() - suf.len();
            return Some((word.chars().take(n).collect(), g));
        }
    }
    None
}

/// An attributive adjective in a name: capitalized, ending in a case ending ("Sächsischen",
/// "Deutsche", "Auswärtigen"). Indeclinable place adjectives ("Oberländer") are not.
fn adjective_stem(word: &str) -> Option<&str> {
    if !word.chars().next().is_some_and(char::is_uppercase) || word.chars().count() < 5 {
        return None;
    }
    ["en", "em", "er", "es", "e"]
        .iter()
        .find_map(|suf| word.strip_suffix(suf))
        .filter(|stem| {
            ["isch", "ig", "lich", "tsch", "sch"]
                .iter()
                .any(|s| stem.ends_with(s))
        })
}

/// "Oberländer", "Großbacher": adjectives from place names do not inflect.
fn is_place_adjective(word: &str) -> bool {
    word.ends_with("er")
        && Places::get()
            .lookup(word)
            .iter()
            .any(|c| c.form == Form::Adjective)
}

/// The nominative of an organization name as a sentence inflected it: "Sächsischen Landtags"
/// -> "Sächsischer Landtag", "Landtages Grünmark" -> "Landtag Grünmark", "Nationalen
/// Akademischen Austauschdienstes" -> "Staatlicher Akademischer Austauschdienst". Names that do
/// not start with adjectives and a known institution head come back unchanged.
pub(crate) fn org_nominative(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let adjectives = words
        .iter()
        .take_while(|w| adjective_stem(w).is_some() || is_place_adjective(w))
        .count();
    // "Bau- und Verkehrsausschusses": the head is the last member of the coordination.
    let coordinated =
        adjectives == 0 && words.len() >= 3 && words[0].ends_with('-') && words[1] == "und";
    let adjectives = if coordinated { 2 } else { adjectives };
    let Some(head) = words.get(adjectives) else {
        return name.to_string();
    };
    let Some((head_nom, g)) = head_nominative(head) else {
        return name.to_string();
    };
    let ending = match g {
        Gender::Masculine => "er",
        Gender::Feminine => "e",
        Gender::Neuter => "es",
    };
    let mut out: Vec<String> = words[..adjectives]
        .iter()
        .map(|w| match adjective_stem(w).filter(|_| !coordinated) {
            Some(stem) => format!("{stem}{ending}"),
            None => w.to_string(),
        })
        .collect();
    out.push(head_nom);
    out.extend(words[adjectives + 1..].iter().map(|w| w.to_string()));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::org_nominative;

    #[test]
    fn inflected_names_become_nominative() {
        for (inflected, nominative) in [
            ("Sächsischen Landtags", "Sächsischer Landtag"),
            ("Landtages Grünmark", "Landtag Grünmark"),
            (
                "Regionalrats von Haute-Lande",
                "Regionalrat von Haute-Lande",
            ),
            ("Hansischen Bürgerschaft", "Hansische Bürgerschaft"),
            ("Konsularischen Korps", "Konsularisches Korps"),
            ("Statistischen Amtes", "Statistisches Amt"),
            ("Kaiserliche Senat", "Kaiserlicher Senat"),
            (
                "Staatlichen Akademischen Austauschdienstes",
                "Staatlicher Akademischer Austauschdienst",
            ),
            (
                "Bayerischen Staatsministeriums",
                "Bayerisches Staatsministerium",
            ),
        ] {
            assert_eq!(org_nominative(inflected), nominative, "{inflected}");
        }
    }

    #[test]
    fn other_names_stay() {
        for name in [
            "Oberländer Landtag",
            "Deutsche Bank AG",
            "Pfizer",
            "Handwerks- und Gewerbekammer Großbach",
            "Vereinten Nationen",
            "Tongji-Universität",
        ] {
            assert_eq!(org_nominative(name), name);
        }
    }
}
