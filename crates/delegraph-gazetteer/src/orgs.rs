//! Known organizations and company legal forms.
//!
//! `data/organizations.tsv` holds a hand-kept section (parties, media, institutions, big
//! companies under the short names the German press uses) and a section generated from
//! stock-index constituents; `data/legal_forms.txt` lists legal-form suffixes. Both come
//! from `tools/gazetteer/build_names.py`; sources and licences are in NOTICE.

use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

const ORGS_TSV: &str = include_str!("../data/organizations.tsv");
const LEGAL_FORMS_TXT: &str = include_str!("../data/legal_forms.txt");

/// What kind of body an organization is: the model's kinds, whose strings the data file uses.
pub use delegraph_model::OrgKind;

/// One organization of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownOrg {
    /// The name the German press uses ("Pfizer", "SPD", "dpa").
    pub name: String,
    pub kind: OrgKind,
    /// Other spellings and full legal names ("Pfizer Inc.").
    pub aliases: Vec<String>,
}

impl KnownOrg {
    /// The name followed by the aliases.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Parses the TSV; errors name the line so that a bad hand edit is easy to find.
fn parse_orgs(text: &str) -> Result<Vec<KnownOrg>, String> {
    let mut out = Vec::new();
    for (no, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
            return Err(format!(
                "line {}: expected name<TAB>kind<TAB>aliases",
                no + 1
            ));
        };
        let aliases = cols.next().unwrap_or("");
        if cols.next().is_some() {
            return Err(format!("line {}: more than three columns", no + 1));
        }
        let kind = OrgKind::parse(kind)
            .ok_or_else(|| format!("line {}: unknown kind {kind:?}", no + 1))?;
        if name.is_empty() || name != normalize_surface(name) {
            return Err(format!(
                "line {}: empty or badly spaced name {name:?}",
                no + 1
            ));
        }
        let aliases: Vec<String> = aliases
            .split(';')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        out.push(KnownOrg {
            name: name.to_owned(),
            kind,
            aliases,
        });
    }
    Ok(out)
}

/// Words joined by single spaces, as lookups compare them.
fn normalize_surface(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All-lowercase brands ("dpa", "rbb24", "n-tv") are matched in any case, because
/// they start sentences and show up in capitals in credits.
fn is_lowercase_brand(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase)
}

static ORGS: LazyLock<Vec<KnownOrg>> =
    LazyLock::new(|| parse_orgs(ORGS_TSV).expect("organizations.tsv is checked by the unit tests"));

// Asked of most capitalized words of every document: a fast hash (the keys are the lexicon's).
struct OrgIndex {
    exact: FxHashMap<String, usize>,
    folded: FxHashMap<String, usize>,
    max_words: usize,
    /// The most words of an `exact` (`folded`) key, by its first word: most words start no
    /// name, and a run starting with one needs no lookup past this bound.
    exact_first: FxHashMap<String, usize>,
    folded_first: FxHashMap<String, usize>,
}

fn note_first_word(bounds: &mut FxHashMap<String, usize>, key: &str) {
    let words = key.split(' ').count();
    let first = key.split(' ').next().unwrap_or_default();
    let most = bounds.entry(first.to_owned()).or_default();
    *most = (*most).max(words);
}

static INDEX: LazyLock<OrgIndex> = LazyLock::new(|| {
    let mut exact = FxHashMap::default();
    let mut folded = FxHashMap::default();
    let mut max_words = 0;
    let mut exact_first = FxHashMap::default();
    let mut folded_first = FxHashMap::default();
    for (i, org) in ORGS.iter().enumerate() {
        for surface in org.surfaces() {
            let key = normalize_surface(surface);
            max_words = max_words.max(key.split(' ').count());
            if is_lowercase_brand(&key) {
                let lower = key.to_lowercase();
                note_first_word(&mut folded_first, &lower);
                folded.entry(lower).or_insert(i);
            }
            note_first_word(&mut exact_first, &key);
            // First entry wins; the tests keep every surface unique anyway.
            exact.entry(key).or_insert(i);
        }
    }
    OrgIndex {
        exact,
        folded,
        max_words,
        exact_first,
        folded_first,
    }
});

/// The organization whose name or alias is exactly `surface` (whitespace runs count as
/// one space). Case-sensitive, except that all-lowercase brands match in any case.
pub fn lookup_org(surface: &str) -> Option<&'static KnownOrg> {
    let key = normalize_surface(surface);
    let idx = INDEX
        .exact
        .get(&key)
        .or_else(|| INDEX.folded.get(&key.to_lowercase()))?;
    ORGS.get(*idx)
}

/// Every organization of the lexicon, hand-kept ones first.
pub fn known_orgs() -> &'static [KnownOrg] {
    &ORGS
}

/// The largest number of words in any name or alias: the longest span worth looking up.
pub fn max_org_words() -> usize {
    INDEX.max_words
}

/// The largest number of words of a name or alias starting with the word `first` (as
/// [`lookup_org`] matches it); 0 when none starts with it. No longer run starting with `first`
/// names a known organization.
pub fn max_org_words_from(first: &str) -> usize {
    let exact = INDEX.exact_first.get(first).copied().unwrap_or(0);
    let folded = INDEX
        .folded_first
        .get(&first.to_lowercase())
        .copied()
        .unwrap_or(0);
    exact.max(folded)
}

struct LegalForms {
    /// Longest first (in characters), then by code point.
    list: Vec<String>,
    keys: HashSet<String>,
    /// Every ending of every key: a tail of words can be a form only if its last word is one.
    endings: rustc_hash::FxHashSet<String>,
    /// How many tokens a legal form can span at most, punctuation tokens included.
    max_tokens: usize,
}

static LEGAL: LazyLock<LegalForms> = LazyLock::new(|| {
    let mut list: Vec<String> = LEGAL_FORMS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    list.sort_by(|a, b| {
        b.chars()
            .count()
            .cmp(&a.chars().count())
            .then_with(|| a.cmp(b))
    });
    list.dedup();
    let keys: HashSet<String> = list
        .iter()
        .map(|f| join_tokens(f.split_whitespace()))
        .collect();
    // A tokenizer may split every '.', ',' and bracket off: allow for that many tokens.
    let max_tokens = list
        .iter()
        .map(|f| f.split_whitespace().count() + f.matches(['.', ',', '(', ')']).count())
        .max()
        .unwrap_or(0);
    let endings = keys
        .iter()
        .flat_map(|k| {
            k.char_indices()
                .map(|(i, _)| k[i..].to_owned())
                .chain([String::new()])
        })
        .collect();
    LegalForms {
        list,
        keys,
        endings,
        max_tokens,
    }
});

/// Legal-form suffixes ("GmbH & Co. KG", "Inc.", "AG"), longest first.
pub fn legal_forms() -> &'static [String] {
    &LEGAL.list
}

/// Joins tokens the way the forms are written: '.', ',' and ')' stick to the token before,
/// and the token after '(' sticks to it, so ["Co", ".", ",", "Ltd", "."] reads "Co., Ltd.".
fn join_tokens<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for t in tokens {
        let glue = glue_next || matches!(t, "." | "," | ")");
        if !glue {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = t == "(";
    }
    out
}

/// How many trailing `words` form a legal form, preferring the longest match:
/// ["Tegel", "Projekt", "GmbH"] -> 1, ["X", "GmbH", "&", "Co.", "KG"] -> 4,
/// ["Co.", "KG"] -> 2. Works both on words that keep their dots ("Inc.") and on tokens
/// that split them off ("Inc", "."). Case-sensitive: "AG" is a form, "ag" is not.
pub fn ends_with_legal_form(words: &[&str]) -> Option<usize> {
    // Joined words end with the last word: most words end no form, and are answered without
    // joining a tail per length.
    if !LEGAL.endings.contains(words.last()?.trim()) {
        return None;
    }
    let longest = words.len().min(LEGAL.max_tokens);
    (1..=longest).rev().find(|&k| {
        let tail = &words[words.len() - k..];
        // A form starts with a word, never with punctuation left over from before it.
        !matches!(tail[0], "." | "," | ")")
            && LEGAL
                .keys
                .contains(&join_tokens(tail.iter().map(|w| w.trim())))
    })
}

/// Initials of the significant words of a name, upper case: lower-case function words
/// ("und", "von", "of") and numbers are skipped; dotted initialisms give each letter ("N.H."),
/// hyphenated words each part ("Deutsch-Japanische" → "DJ"), truncations their word
/// ("Handwerks- und Gewerbekammer" → "IH").
pub fn initials(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        for part in w.split(['-', '/']) {
            let segments: Vec<&str> = part.split('.').filter(|s| !s.is_empty()).collect();
            let dotted = segments.len() > 1 && segments.iter().all(|s| s.chars().count() <= 2);
            let pieces = if dotted { segments } else { vec![part] };
            for p in pieces {
                if let Some(c) = p.chars().find(|c| c.is_alphanumeric())
                    && c.is_uppercase()
                {
                    out.extend(c.to_uppercase());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn orgs_data_hygiene() {
        let first = ORGS_TSV.lines().next().unwrap_or_default();
        assert!(first.starts_with("# "), "organizations.tsv: header missing");
        assert!(
            ORGS_TSV.contains("HAND-KEPT"),
            "hand-kept section must be marked"
        );
        let orgs = parse_orgs(ORGS_TSV).unwrap();
        assert!(orgs.len() > 1000);
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for org in &orgs {
            for s in org.surfaces() {
                assert!(
                    !s.is_empty() && s == normalize_surface(s),
                    "badly spaced {s:?}"
                );
                assert!(
                    !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
                    "{s:?} not NFC"
                );
                if let Some(other) = seen.insert(s, &org.name) {
                    panic!("{s:?} belongs to both {other:?} and {:?}", org.name);
                }
            }
        }
        // The generated section is sorted by name.
        let generated: Vec<&str> = ORGS_TSV
            .lines()
            .skip_while(|l| !l.starts_with("# BEGIN generated"))
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').next().unwrap_or_default())
            .collect();
        assert!(generated.len() > 1000);
        assert!(
            generated.windows(2).all(|w| w[0] < w[1]),
            "generated section not sorted"
        );
    }

    #[test]
    fn orgs_case_folded_brands_do_not_collide() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for org in known_orgs() {
            for s in org.surfaces().filter(|s| is_lowercase_brand(s)) {
                if let Some(other) = seen.insert(s.to_lowercase(), &org.name) {
                    assert_eq!(other, org.name, "{s:?} folds onto two organizations");
                }
            }
        }
    }

    #[test]
    fn every_name_lies_within_its_first_words_bound() {
        for org in known_orgs() {
            for s in org.surfaces() {
                let words = s.split(' ').count();
                let first = s.split(' ').next().unwrap_or_default();
                assert!(max_org_words_from(first) >= words, "{s:?}");
                if is_lowercase_brand(s) {
                    assert!(max_org_words_from(&first.to_uppercase()) >= words, "{s:?}");
                }
            }
        }
        assert_eq!(max_org_words_from("Qwxzyvilleer"), 0);
    }

    #[test]
    fn orgs_kind_strings_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(OrgKind::PublicBody.as_str(), "public_body");
        assert_eq!(OrgKind::parse("Company"), None);
    }

    #[test]
    fn orgs_lookups() {
        let kind = |s: &str| lookup_org(s).map(|o| o.kind);
        assert_eq!(kind("Pfizer"), Some(OrgKind::Company));
        assert_eq!(kind("Pfizer Inc."), Some(OrgKind::Company));
        assert_eq!(kind("SPD"), Some(OrgKind::Party));
        assert_eq!(kind("dpa"), Some(OrgKind::Media));
        assert_eq!(kind("Dpa"), Some(OrgKind::Media));
        assert_eq!(kind("rbb24"), Some(OrgKind::Media));
        assert_eq!(kind("Bündnis 90/Die Grünen"), Some(OrgKind::Party));
        assert_eq!(kind("Siemens"), Some(OrgKind::Company));
        assert_eq!(kind("Mitsubishi"), Some(OrgKind::Company));
        assert_eq!(kind("Deutsche   Bank"), Some(OrgKind::Company));
        assert_eq!(
            lookup_org("Alphabet Inc.").map(|o| o.name.as_str()),
            Some("Alphabet")
        );
        // Case-sensitive for everything that is not an all-lowercase brand.
        assert_eq!(lookup_org("spd"), None);
        assert_eq!(lookup_org("siemens"), None);
        // Ordinary words stay out even where a listed company carries them.
        assert_eq!(lookup_org("Visa"), None);
        assert_eq!(lookup_org("Ball"), None);
        assert!(max_org_words() >= 4);
    }

    #[test]
    fn legal_forms_data_hygiene() {
        let first = LEGAL_FORMS_TXT.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("# ") && first.contains("NOTICE"),
            "legal_forms.txt: header missing"
        );
        let raw: Vec<&str> = LEGAL_FORMS_TXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        let unique: HashSet<&str> = raw.iter().copied().collect();
        assert_eq!(unique.len(), raw.len(), "duplicate legal forms");
        // The file itself is already in the order legal_forms() promises.
        let listed: Vec<&str> = legal_forms().iter().map(String::as_str).collect();
        assert_eq!(raw, listed);
        for f in legal_forms() {
            assert_eq!(f.trim(), f);
            assert!(
                !f.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
                "{f:?} not NFC"
            );
        }
        for must in [
            "GmbH", "gGmbH", "AG", "SE", "KG", "KGaA", "OHG", "e.V.", "eG", "UG", "mbH",
        ] {
            assert!(unique.contains(must), "{must} missing");
        }
        for must in [
            "GmbH & Co. KG",
            "Inc.",
            "Corp.",
            "Ltd.",
            "LLC",
            "PLC",
            "S.A.",
            "S.p.A.",
            "N.V.",
            "B.V.",
            "K.K.",
        ] {
            assert!(unique.contains(must), "{must} missing");
        }
    }

    #[test]
    fn legal_form_suffixes() {
        assert_eq!(ends_with_legal_form(&["Tegel", "Projekt", "GmbH"]), Some(1));
        assert_eq!(
            ends_with_legal_form(&["Cellbricks", "Therapeutics", "Inc."]),
            Some(1)
        );
        assert_eq!(ends_with_legal_form(&["Co.", "KG"]), Some(2));
        assert_eq!(
            ends_with_legal_form(&["Müller", "GmbH", "&", "Co.", "KG"]),
            Some(4)
        );
        assert_eq!(
            ends_with_legal_form(&["Müller", "GmbH", "&", "Co", ".", "KG"]),
            Some(5)
        );
        assert_eq!(ends_with_legal_form(&["Cellbricks", "Inc", "."]), Some(2));
        assert_eq!(
            ends_with_legal_form(&["Foxconn", "Co", ".", ",", "Ltd", "."]),
            Some(5)
        );
        assert_eq!(ends_with_legal_form(&["Verein", "e.V."]), Some(1));
        assert_eq!(
            ends_with_legal_form(&["Start", "UG", "(", "haftungsbeschränkt", ")"]),
            Some(4)
        );
        assert_eq!(ends_with_legal_form(&["Siemens"]), None);
        assert_eq!(ends_with_legal_form(&["die", "ag"]), None);
        assert_eq!(ends_with_legal_form(&[]), None);
    }

    #[test]
    fn initials_of_significant_words() {
        assert_eq!(initials(&["N.Y.", "Fire", "Department"]), "NYFD");
        assert_eq!(
            initials(&["Deutsch-Polnische", "Gesellschaft", "für", "Kunst"]),
            "DPGK"
        );
        assert_eq!(initials(&["Wein-", "und", "Obstbauverband"]), "WO");
        assert_eq!(initials(&["Messe", "2025", "of", "Things"]), "MT");
    }
}
