//! The word classes the clause analysis knows: verb forms from the generated lexicon
//! (`data/verbs.tsv`, see `tools/grammar/build_verbs.py`) and the closed classes of German,
//! kept by hand because they are the grammar itself.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Features of a verb form, as bits.
pub mod feat {
    pub const PRES: u16 = 1;
    pub const PAST: u16 = 2;
    pub const SUBJ1: u16 = 4;
    pub const SUBJ2: u16 = 8;
    pub const INF: u16 = 16;
    pub const ZUINF: u16 = 32;
    pub const PART: u16 = 64;
    pub const PRESPART: u16 = 128;
    /// The participle of a verb whose perfect takes "sein" ("ist gereist").
    pub const SEIN: u16 = 256;
    pub const FINITE: u16 = PRES | PAST | SUBJ1 | SUBJ2;
}

/// One reading of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbReading {
    pub lemma: &'static str,
    pub feats: u16,
}

struct Verbs {
    forms: HashMap<&'static str, Vec<VerbReading>>,
    lemmas: HashSet<&'static str>,
}

static VERBS: LazyLock<Verbs> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    let mut lemmas = HashSet::new();
    for line in include_str!("../data/verbs.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((form, cells)) = line.split_once('\t') else {
            continue;
        };
        let mut readings = Vec::new();
        for cell in cells.split(';') {
            let Some((lemma, fs)) = cell.split_once(':') else {
                continue;
            };
            let feats = fs.split(',').fold(0, |acc, f| acc | feature_bit(f));
            lemmas.insert(lemma);
            readings.push(VerbReading { lemma, feats });
        }
        forms.insert(form, readings);
    }
    Verbs { forms, lemmas }
});

fn feature_bit(f: &str) -> u16 {
    match f {
        "pres" => feat::PRES,
        "past" => feat::PAST,
        "subj1" => feat::SUBJ1,
        "subj2" => feat::SUBJ2,
        "inf" => feat::INF,
        "zuinf" => feat::ZUINF,
        "part" => feat::PART,
        "prespart" => feat::PRESPART,
        "sein" => feat::SEIN,
        _ => 0,
    }
}

/// The verb readings of a lowercase word form ("reist" -> reisen, present).
pub fn verb_readings(lower: &str) -> &'static [VerbReading] {
    VERBS.forms.get(lower).map_or(&[], Vec::as_slice)
}

/// Whether `lemma` is a verb the lexicon knows ("anreisen", "zurückkehren").
pub fn is_verb_lemma(lemma: &str) -> bool {
    VERBS.lemmas.contains(lemma)
}

pub const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
];

/// Possessive and demonstrative determiners (their endings show case like an article's).
pub const DETERMINER_STEMS: &[&str] = &[
    "mein", "dein", "sein", "ihr", "unser", "euer", "dies", "jen", "jed", "all", "beid", "kein",
    "welch", "manch",
];

pub const PREPOSITIONS: &[&str] = &[
    "in",
    "an",
    "auf",
    "aus",
    "bei",
    "mit",
    "nach",
    "von",
    "zu",
    "für",
    "über",
    "unter",
    "vor",
    "hinter",
    "neben",
    "zwischen",
    "durch",
    "gegen",
    "ohne",
    "um",
    "seit",
    "bis",
    "ab",
    "während",
    "wegen",
    "trotz",
    "laut",
    "gemäß",
    "samt",
    "nebst",
    "entlang",
    "innerhalb",
    "außerhalb",
    "anlässlich",
    "aufgrund",
    "dank",
    "statt",
    "anstelle",
    "gegenüber",
    "zugunsten",
    "per",
    "inklusive",
    "einschließlich",
    "rund",
];

/// Preposition + article contractions and the preposition they contain.
pub const CONTRACTIONS: &[(&str, &str)] = &[
    ("im", "in"),
    ("ins", "in"),
    ("am", "an"),
    ("ans", "an"),
    ("zum", "zu"),
    ("zur", "zu"),
    ("vom", "von"),
    ("beim", "bei"),
    ("aufs", "auf"),
    ("übers", "über"),
    ("fürs", "für"),
    ("durchs", "durch"),
];

pub const COORDINATORS: &[&str] = &["und", "oder", "sowie", "aber", "sondern", "denn", "doch"];

pub const SUBORDINATORS: &[&str] = &[
    "dass", "daß", "weil", "als", "wenn", "nachdem", "ob", "obwohl", "obgleich", "bevor", "ehe",
    "seitdem", "sodass", "damit", "falls", "sobald", "solange", "wie", "wo", "wobei", "womit",
    "wodurch", "worauf", "wohin", "woher", "indem", "sofern", "soweit", "bis", "da", "während",
];

pub const RELATIVE_PRONOUNS: &[&str] = &[
    "der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher", "welches",
    "welchen", "welchem",
];

/// Personal pronouns and the cases they show (bits of [`crate::Cases`]).
pub const PRONOUNS: &[(&str, u8)] = &[
    ("ich", 1),
    ("du", 1),
    ("er", 1),
    ("sie", 1 | 2),
    ("es", 1 | 2),
    ("wir", 1),
    ("ihr", 1 | 4),
    ("man", 1),
    ("mich", 2),
    ("dich", 2),
    ("ihn", 2),
    ("uns", 2 | 4),
    ("euch", 2 | 4),
    ("mir", 4),
    ("dir", 4),
    ("ihm", 4),
    ("ihnen", 4),
    ("sich", 2 | 4),
];

pub const AUXILIARIES: &[&str] = &["sein", "haben", "werden"];

pub const MODALS: &[&str] = &[
    "wollen", "sollen", "müssen", "können", "dürfen", "mögen", "möchten",
];

/// Verbs that plan what their zu-infinitive says ("plant, … zu reisen").
pub const PLANNING: &[&str] = &[
    "planen",
    "beabsichtigen",
    "vorhaben",
    "gedenken",
    "vorsehen",
];

/// Adverbs that open sentences: capitalized there, they are no nouns ("Heute unterschrieben
/// …", "Nun wird …").
pub const ADVERBS: &[&str] = &[
    "heute",
    "gestern",
    "vorgestern",
    "morgen",
    "übermorgen",
    "nun",
    "jetzt",
    "dann",
    "danach",
    "damals",
    "dort",
    "hier",
    "bereits",
    "schon",
    "auch",
    "außerdem",
    "zudem",
    "anschließend",
    "zuvor",
    "später",
    "seither",
    "inzwischen",
    "erstmals",
    "gemeinsam",
    "ebenfalls",
    "dabei",
    "darin",
    "daran",
    "dazu",
    "deshalb",
    "darum",
    "trotzdem",
    "somit",
    "zunächst",
    "zuletzt",
    "schließlich",
    "kürzlich",
    "künftig",
    "demnächst",
    "bald",
    "nachher",
    "vorher",
    "mittlerweile",
    "derzeit",
    "zurzeit",
    "ebenso",
    "dennoch",
    "allerdings",
    "jedoch",
    "zugleich",
    "gleichzeitig",
    "unterdessen",
];

pub const NEGATIONS: &[&str] = &[
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals",
];

/// Words tagged otherwise that still deny their clause: the determiner "kein" (it opens a
/// noun phrase: "unterhält keine Städtepartnerschaft" states none) and the noun "Nein" ("sagt
/// Nein zur Partnerschaft").
pub const NEGATING_WORDS: &[&str] = &[
    "kein", "keine", "keinen", "keinem", "keiner", "keines", "nein",
];

/// Separable verb particles that close a main clause ("reist … an", "kehrt … zurück").
pub const PARTICLES: &[&str] = &[
    "an",
    "ab",
    "auf",
    "aus",
    "bei",
    "ein",
    "mit",
    "nach",
    "vor",
    "zu",
    "zurück",
    "zusammen",
    "teil",
    "fest",
    "heim",
    "weiter",
    "los",
    "hin",
    "her",
    "statt",
    "entgegen",
    "wieder",
    "weg",
    "fort",
    "hinzu",
    "vorbei",
    "voran",
    "kennen",
    "bekannt",
    "frei",
    "dar",
    "herbei",
    "hinaus",
    "heraus",
    "herum",
    "durch",
    "um",
    "über",
    "unter",
    "nieder",
    "willkommen",
];

/// Number words, tagged like digits.
/// Stems of ordinal numbers ("die zweite Vereinbarung"): with an adjective ending they are no
/// verb forms ("zweite" is also a past form of "zweien"). "acht-" is left out: "achte" is a
/// form of "achten".
pub const ORDINAL_STEMS: &[&str] = &[
    "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "neunt", "zehnt", "elft",
    "zwölft",
];

/// Whether a lowercase word is an ordinal number with an adjective ending.
pub fn is_ordinal(l: &str) -> bool {
    ORDINAL_STEMS.iter().any(|s| {
        l.strip_prefix(s)
            .is_some_and(|rest| matches!(rest, "e" | "en" | "em" | "er" | "es"))
    })
}

pub const NUMBER_WORDS: &[&str] = &[
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "zwanzig", "dreißig", "hundert", "tausend",
];
