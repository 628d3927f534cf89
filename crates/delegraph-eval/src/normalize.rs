//! Name normalization and office-title heads, exactly as the project's referee
//! (`tools/score.py`) computes them: NFKC, full Unicode case folding, `ß` -> `ss`, every
//! character that is neither a word character nor white space becomes a space, leading
//! honorifics are dropped; feminine office nouns are reduced to their masculine base.

use caseless::default_case_fold_str;
use unicode_general_category::{GeneralCategory as G, get_general_category};
use unicode_normalization::UnicodeNormalization;

/// Honorifics and academic titles dropped from the start of a name (`Dr. med. Anna Roth`).
const HONORIFICS: &[&str] = &[
    "dr", "prof", "herr", "frau", "mr", "mrs", "ms", "med", "rer", "nat", "phil", "h", "c",
];

/// Python's `\w` on `str`: letters, numbers and the underscore. Combining marks are not word
/// characters (NFKC has composed the common ones).
fn is_word(c: char) -> bool {
    c == '_'
        || matches!(
            get_general_category(c),
            G::UppercaseLetter
                | G::LowercaseLetter
                | G::TitlecaseLetter
                | G::ModifierLetter
                | G::OtherLetter
                | G::DecimalNumber
                | G::LetterNumber
                | G::OtherNumber
        )
}

/// Python's `str.isspace()`: Unicode white space plus the ASCII information separators.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The normalized form of a name: the key two names are compared by.
pub fn norm(s: &str) -> String {
    let folded = default_case_fold_str(&s.nfkc().collect::<String>()).replace('ß', "ss");
    let cleaned: String = folded
        .chars()
        .map(|c| {
            if ('\u{2010}'..='\u{2015}').contains(&c) || c == '-' || !(is_word(c) || is_space(c)) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split(is_space).filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Feminine office noun -> masculine base form (`bürgermeisterin` -> `bürgermeister`).
pub fn degender(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ständin") {
        return format!("{stem}stand");
    }
    const MASCULINE_ENDINGS: &[&str] = &[
        "er", "or", "ent", "ant", "eur", "ist", "at", "ar", "ör", "og",
    ];
    if w.chars().count() > 5
        && let Some(stem) = w.strip_suffix("in")
        && MASCULINE_ENDINGS.iter().any(|e| stem.ends_with(e))
    {
        return stem.to_string();
    }
    w.to_string()
}

/// The head noun of an office title, in base form: the last word before a complement
/// (`Erste Bürgermeisterin von Neustadt` -> `bürgermeister`).
pub fn title_head(title: &str) -> Option<String> {
    let mut t = format!(" {} ", norm(title));
    for cut in [
        " der ", " des ", " von ", " vom ", " für ", " fur ", " in ", " im ", " bei ", " am ",
    ] {
        if let Some(i) = t.find(cut)
            && i > 0
        {
            t.truncate(i);
        }
    }
    t.split(is_space).rfind(|w| !w.is_empty()).map(degender)
}

/// Every word of a title in base form: a title with a trailing department
/// (`Referatsleiterin Städtepartnerschaft`) still matches its head noun.
pub fn title_words(title: &str) -> std::collections::BTreeSet<String> {
    norm(title)
        .split(is_space)
        .filter(|w| !w.is_empty())
        .map(degender)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_case_accents_punctuation_and_honorifics() {
        assert_eq!(norm("Dr. Anna-Lena  Roß"), "anna lena ross");
        assert_eq!(norm("Prof. Dr. h.c. Ute Vogel"), "ute vogel");
        assert_eq!(norm("Herr"), "herr");
        assert_eq!(norm("Sankt\u{a0}Gallen"), "sankt gallen");
        assert_eq!(norm("Zoë \"Zee\" <O'Brien>"), "zoë zee o brien");
        assert_eq!(norm("ＩＨＫ"), "ihk");
        assert_eq!(norm("Σίσυφος"), "σίσυφοσ");
        assert_eq!(norm("Jürgen\u{2013}Ü"), "jürgen ü");
        assert_eq!(norm("  "), "");
    }

    #[test]
    fn degender_reduces_feminine_office_nouns() {
        assert_eq!(degender("bürgermeisterin"), "bürgermeister");
        assert_eq!(degender("vorständin"), "vorstand");
        assert_eq!(degender("präsidentin"), "präsident");
        assert_eq!(degender("ministerin"), "minister");
        assert_eq!(degender("berlin"), "berlin");
        assert_eq!(degender("rin"), "rin");
    }

    #[test]
    fn title_head_is_the_noun_before_the_complement() {
        assert_eq!(
            title_head("Erste Bürgermeisterin von Neustadt").as_deref(),
            Some("bürgermeister")
        );
        assert_eq!(
            title_head("Minister für Wirtschaft").as_deref(),
            Some("minister")
        );
        assert_eq!(title_head("").as_deref(), None);
        assert_eq!(title_head("der Rat").as_deref(), Some("rat"));
        assert!(title_words("Referatsleiterin Städtepartnerschaft").contains("referatsleiter"));
    }
}
