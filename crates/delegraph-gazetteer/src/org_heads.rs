//! Head nouns of organizations: general institution heads ("Verein", "Leitstelle",
//! "Brauerei") with the kind of body they signal, and the dictionary's compounds of them.
//!
//! `data/org_heads.tsv` comes from `tools/gazetteer/build_org_heads.py` (german-nouns and
//! wordfreq; see NOTICE). It holds every inflected form of the heads, of the dictionary's
//! compounds of them ("Männergesangvereins"), and of the nouns that only end like one
//! without being a compound of it ("Verbund", "Samt", "Feuerwerk"), which name no body.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const ORG_HEADS_TSV: &str = include_str!("../data/org_heads.tsv");

/// The head of an organization noun, as [`org_head_of`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgHeadNoun {
    /// The head in its lowercase base form ("verein", "leitstelle").
    pub head: &'static str,
    /// The record's organization kind the head signals ("association", "public_body", …).
    pub kind: &'static str,
    /// Whether the word is a plural form ("Vereine", "Kliniken").
    pub plural: bool,
    /// Characters before the head: 0 for the bare head, 10 for "Hopfenbauernvereinigung".
    pub prefix_len: usize,
}

#[derive(Clone, Copy)]
enum Row {
    /// A head's own form or a dictionary compound of it: head, kind, plural.
    Head(&'static str, &'static str, bool),
    /// A noun that ends like a head without being a compound of it.
    NotHead,
}

struct Lexicon {
    forms: FxHashMap<&'static str, Row>,
    /// The heads' own forms, longest first: compounds no dictionary holds end in one.
    head_forms: Vec<(&'static str, &'static str, &'static str, bool)>,
}

fn parse(text: &'static str) -> Result<Lexicon, String> {
    let mut forms = FxHashMap::default();
    let mut head_forms = Vec::new();
    for (no, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        match cols[..] {
            [tag @ ("H" | "C"), form, head, kind, number] => {
                let plural = match number {
                    "s" => false,
                    "p" => true,
                    _ => return Err(format!("line {}: number {number:?}", no + 1)),
                };
                forms.insert(form, Row::Head(head, kind, plural));
                if tag == "H" {
                    head_forms.push((form, head, kind, plural));
                }
            }
            ["N", form] => {
                forms.insert(form, Row::NotHead);
            }
            _ => return Err(format!("line {}: bad row {line:?}", no + 1)),
        }
    }
    head_forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    Ok(Lexicon { forms, head_forms })
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| parse(ORG_HEADS_TSV).expect("org_heads.tsv is checked by the unit tests"));

/// The organization head of a noun ("Jugendblasorchesters" -> orchester, "Leitstelle" ->
/// leitstelle), from the last member of a hyphenated word ("Caritas-Sozialstation").
/// A dictionary noun that only ends like a head is none ("Verbund", "Datenbank"); a
/// compound no dictionary holds has the longest head it ends in, after a modifier of three
/// letters at least ("Hopfenbauernvereinigung").
pub fn org_head_of(word: &str) -> Option<OrgHeadNoun> {
    let lower = word.to_lowercase();
    let lower = lower.rsplit('-').next().unwrap_or(&lower);
    let lex = &*LEXICON;
    let tail = |len: usize| lower.chars().count() - len;
    match lex.forms.get(lower) {
        Some(Row::NotHead) => None,
        Some(&Row::Head(head, kind, plural)) => {
            // The modifier ends where the longest of the heads' forms begins.
            let form_len = lex
                .head_forms
                .iter()
                .find(|(f, ..)| lower.ends_with(f))
                .map_or(0, |(f, ..)| f.chars().count());
            Some(OrgHeadNoun {
                head,
                kind,
                plural,
                prefix_len: tail(form_len),
            })
        }
        None => lex
            .head_forms
            .iter()
            .find(|(f, ..)| lower.ends_with(f) && tail(f.chars().count()) >= 3)
            .map(|&(f, head, kind, plural)| OrgHeadNoun {
                head,
                kind,
                plural,
                prefix_len: tail(f.chars().count()),
            }),
    }
}

/// Whether the dictionary knows `word` as a noun that ends like an organization head
/// without being a compound of it ("Verbund", "Feuerwerk", "Sitzbank").
pub fn is_false_org_compound(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.rsplit('-').next().unwrap_or(&lower);
    matches!(LEXICON.forms.get(lower), Some(Row::NotHead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_heads_data_parses() {
        let lex = parse(ORG_HEADS_TSV).unwrap();
        assert!(lex.head_forms.len() > 300);
        assert!(lex.forms.len() > 4000);
        assert!(ORG_HEADS_TSV.starts_with("# generated by tools/gazetteer/build_org_heads.py"));
    }

    #[test]
    fn heads_of_compounds() {
        let h = |w: &str| org_head_of(w).map(|h| (h.head, h.kind, h.plural, h.prefix_len));
        assert_eq!(
            h("Männergesangverein"),
            Some(("verein", "association", false, 12))
        );
        assert_eq!(
            h("Kreishandwerkerschaft"),
            Some(("handwerkerschaft", "chamber", false, 5))
        );
        assert_eq!(
            h("Hopfenbauernvereinigung"),
            Some(("vereinigung", "association", false, 12))
        );
        assert_eq!(
            h("Leitstelle"),
            Some(("leitstelle", "public_body", false, 0))
        );
        assert_eq!(h("Vereine").map(|x| x.2), Some(true));
        assert_eq!(
            h("Caritas-Sozialstation").map(|x| x.0),
            Some("sozialstation")
        );
        assert_eq!(
            h("Musikschulen").map(|x| (x.0, x.2)),
            Some(("schule", true))
        );
        // Nouns that only end like a head, and things named by a head's compound.
        for w in [
            "Verbund",
            "Samt",
            "Feuerwerk",
            "Datenbank",
            "Baustelle",
            "Termin",
        ] {
            assert_eq!(h(w), None, "{w}");
        }
        assert!(is_false_org_compound("Feuerwerke"));
        assert!(!is_false_org_compound("Musikverein"));
        // A modifier of one or two letters makes no compound.
        assert_eq!(h("Xamt"), None);
    }
}
