//! Extraction never fails: arbitrary text (multibyte, odd punctuation, fragments of German
//! sentences) yields facts whose references are valid, and never a panic.

use delegraph_extract::extract;
use delegraph_model::EntityType;
use delegraph_text::{Format, load};
use proptest::prelude::*;

fn check(text: &str) {
    let Ok(doc) = load("p.txt", "p.txt", text.as_bytes(), Format::Text) else {
        return;
    };
    let f = extract(&doc);
    let valid = |r: &delegraph_model::EntityRef| match r.ty {
        EntityType::Person => r.index < f.persons.len(),
        EntityType::Place => r.index < f.places.len(),
        EntityType::Organization => r.index < f.organizations.len(),
    };
    for t in &f.trips {
        assert!(
            t.leader
                .iter()
                .chain(&t.origin)
                .chain(&t.destinations)
                .chain(&t.members)
                .chain(&t.meetings)
                .all(valid)
        );
    }
    for p in &f.partnerships {
        assert!(valid(&p.a) && valid(&p.b));
    }
    for a in &f.agreements {
        assert!(a.parties.iter().chain(&a.signatories).all(valid));
    }
    // Spans point into the document's (normalized) text.
    let text = &doc.text;
    for r in f.entity_refs() {
        for m in &f.core(r).mentions {
            assert!(
                m.end <= text.len()
                    && text.is_char_boundary(m.start)
                    && text.is_char_boundary(m.end)
            );
        }
    }
}

const WORDS: &[&str] = &[
    "Oberbürgermeisterin",
    "Reker",
    "reist",
    "nach",
    "Tokio",
    "Köln",
    "und",
    "Delegation",
    "aus",
    "China",
    "besucht",
    "Städtepartnerschaft",
    "seit",
    "1967",
    "Memorandum",
    "of",
    "Understanding",
    "unterzeichnet",
    "GmbH",
    "Präsident",
    "der",
    "Gesellschaft",
    "„",
    "“",
    ",",
    ".",
    "(CDU)",
    "Samstagfrüh",
    "begleitet",
    "von",
    "Kai",
    "Wegner",
    "am",
    "Sonntag",
    "vom",
    "10.",
    "bis",
    "15.",
    "November",
    "2024",
    "123.000",
    "Euro",
    "MIT",
    "IHK-Präsident",
    "Dr.",
    "–",
    "\n\n",
    "Tang",
    "Liangzhi",
    "Müller",
    "Straße",
    "ß",
    "é",
    "日本",
    "🙂",
    "Landesrätin",
    "Grünen-Abgeordnete",
    "Anna",
    "Ortsbürgermeisterin",
];

/// Texts that once panicked, in invented wording.
#[test]
fn texts_that_once_panicked() {
    // A title after a name's comma ends the text (a letter's signature line).
    check("Mit freundlichen Grüßen\n\nAnna Beispiel-Muster, Ortsbürgermeisterin");
    check("Es unterschrieb Jonas Feldmann, Beigeordneter");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        check(&s);
    }

    #[test]
    fn german_word_salad_never_panics(words in proptest::collection::vec(0..WORDS.len(), 0..120)) {
        let text: Vec<&str> = words.iter().map(|&i| WORDS[i]).collect();
        check(&text.join(" "));
    }
}
