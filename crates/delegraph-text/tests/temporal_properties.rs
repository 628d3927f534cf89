//! Property tests: the temporal, money and publication-date scanners never panic, and every span
//! they return lies on char boundaries inside the text, in order and without overlap.

use delegraph_text::PartialDate;
use delegraph_text::money::find_money;
use delegraph_text::temporal::{find_time_expressions, parse_publication_date};
use proptest::prelude::*;
use std::ops::Range;

/// Fragments that trigger the rules, glued with arbitrary separators, so that random inputs
/// reach deep into the matchers instead of failing on the first token.
const FRAGMENTS: &[&str] = &[
    "am",
    "vom",
    "von",
    "bis",
    "zum",
    "zwischen",
    "dem",
    "und",
    "seit",
    "ab",
    "im",
    "Jahr",
    "Ende",
    "Mitte",
    "Anfang",
    "des",
    "vergangenen",
    "kommenden",
    "Jahres",
    "Woche",
    "der",
    "Wochenende",
    "heute",
    "morgen",
    "Morgen",
    "gestern",
    "übermorgen",
    "Montag",
    "Mittwochabend",
    "Sonntag",
    "Mo",
    "Mai",
    "Nov",
    "Dezember",
    "März",
    "Frühjahr",
    "Herbst",
    "Tage",
    "Tag",
    "lang",
    "für",
    "fünftägige",
    "tägigen",
    "jähriges",
    "Jubiläum",
    "Jahre",
    "Jahren",
    "Partnerschaft",
    "vor",
    "begründet",
    "gegründet",
    "Euro",
    "EUR",
    "€",
    "Mio",
    "Millionen",
    "Mrd",
    "zwei",
    "eine",
    "halbe",
    "mehrere",
    "hundert",
    "TEUR",
    "T",
    "0",
    "1",
    "13",
    "31",
    "29",
    "02",
    "05",
    "24",
    "2019",
    "1967",
    "9999",
    "99999999999999999999",
    ".",
    ",",
    "-",
    "–",
    "/",
    "(",
    ")",
    ":",
    "'",
    "ü",
    "ẞ",
    "İ",
    "日本",
    "\u{308}",
    "\u{200b}",
    "Pressemitteilung",
    "Stand",
    "date",
];

fn glued() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(FRAGMENTS),
            prop::sample::select(&["", " ", "  ", "\n", ".", "\t"][..]),
        ),
        0..24,
    )
    .prop_map(|parts| parts.into_iter().map(|(a, b)| format!("{a}{b}")).collect())
}

fn anchor() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (-9999i16..=9999).prop_map(|y| Some(PartialDate::year(y))),
        (any::<i16>(), 0u8..=14).prop_map(|(y, m)| Some(PartialDate {
            year: y,
            month: Some(m),
            day: None
        })),
        // Deliberately also impossible days and months: fields are public.
        (any::<i16>(), 0u8..=14, 0u8..=33).prop_map(|(y, m, d)| Some(PartialDate {
            year: y,
            month: Some(m),
            day: Some(d)
        })),
        (1900i16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| PartialDate::ymd(y, m, d)),
    ]
}

fn check_spans(text: &str, spans: &[Range<usize>]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.end <= text.len(), "span {s:?} past end {}", text.len());
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} not on char boundaries"
        );
        prop_assert!(
            s.start >= last,
            "span {s:?} overlaps or precedes previous end {last}"
        );
        last = s.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), a in anchor()) {
        let spans: Vec<_> = find_time_expressions(&text, a).into_iter().map(|e| e.span).collect();
        check_spans(&text, &spans)?;
        let spans: Vec<_> = find_money(&text).into_iter().map(|m| m.span).collect();
        check_spans(&text, &spans)?;
        let _ = parse_publication_date(&text);
    }

    #[test]
    fn glued_fragments(text in glued(), a in anchor()) {
        let found = find_time_expressions(&text, a);
        let spans: Vec<_> = found.iter().map(|e| e.span.clone()).collect();
        check_spans(&text, &spans)?;
        let money = find_money(&text);
        let spans: Vec<_> = money.iter().map(|m| m.span.clone()).collect();
        check_spans(&text, &spans)?;
        for m in &money {
            prop_assert!(m.euros.is_finite() && m.euros >= 0.0);
        }
        for line in text.lines() {
            let _ = parse_publication_date(line);
        }
    }

    #[test]
    fn ranges_are_ordered(text in glued(), a in anchor()) {
        for e in find_time_expressions(&text, a) {
            if let delegraph_text::temporal::TimeValue::Range(x, y) = e.value {
                prop_assert!(x <= y, "range {x}..{y} reversed in {text:?}");
            }
        }
    }
}
