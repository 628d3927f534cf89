//! Properties of the loaders and of normalization: no input makes `load` panic, garbage in a
//! binary format is an error, and the offset map is sound (monotonic, char boundaries to char
//! boundaries, end to end).

use delegraph_text::{Document, Format, TextError, load, normalize, split_sentences, tokenize};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

const PDF: &[u8] = include_bytes!("data/council_minutes.pdf");
const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Pdf];

/// Checks the map from `text` (normalized) back to `original`.
fn check_map(
    text: &str,
    original: &str,
    map: impl Fn(usize) -> usize,
) -> Result<(), TestCaseError> {
    let mut prev = 0;
    for (i, _) in text.char_indices() {
        let o = map(i);
        prop_assert!(
            original.is_char_boundary(o),
            "{i} -> {o} is inside a char of {original:?}"
        );
        prop_assert!(o >= prev, "not monotonic at {i}: {o} < {prev}");
        prev = o;
    }
    prop_assert_eq!(map(text.len()), original.len());
    prop_assert!(map(text.len() + 7) <= original.len());
    Ok(())
}

/// What every loaded document must satisfy, whatever its format.
fn check_document(d: &Document) -> Result<(), TestCaseError> {
    prop_assert!(!d.text.trim().is_empty());
    for r in &d.boilerplate {
        prop_assert!(r.start < r.end && r.end <= d.text.len());
        prop_assert!(d.text.is_char_boundary(r.start) && d.text.is_char_boundary(r.end));
    }
    let mut prev = 0;
    for (i, _) in d.text.char_indices() {
        let o = d.original_offset(i);
        prop_assert!(o >= prev);
        prev = o;
    }
    // Downstream layers run on the text; they must not panic either.
    let tokens = tokenize(&d.text);
    split_sentences(&d.text, &tokens);
    Ok(())
}

/// Pieces of web pages, put together at random: tags that the extractor treats specially,
/// entities, German text with characters that normalization touches, and broken markup.
fn htmlish() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "<html>",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
        "<article>",
        "</article>",
        "<main>",
        "</main>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<h1>",
        "</h1>",
        "<li>",
        "<ul>",
        "<script>",
        "</script>",
        "<style>",
        "<nav>",
        "</nav>",
        "<header>",
        "</header>",
        "<footer>",
        "<div class=\"cookie-consent\">",
        "<aside id=\"social\">",
        "<pre>",
        "</pre>",
        "<td>",
        "<tr>",
        "<title>",
        "</title>",
        "<meta property=\"og:title\" content=\"Titel\">",
        "<meta property=\"article:published_time\" content=\"2024-02-30T10:00\">",
        "<meta name=\"DC.date\" content=\"2023-07\">",
        "<time datetime=\"2024-05-13\">",
        "</time>",
        "<meta charset=\"latin1\">",
        "&nbsp;",
        "&amp;",
        "&shy;",
        "&#x301;",
        "&#0;",
        "<!--",
        "-->",
        "<",
        ">",
        "\"",
        "=",
        "Köln",
        "Zusammen-\narbeit",
        "iden-\n\ntifiziert",
        "Foto: Presseamt\n",
        "Kontakt:\n",
        "53111 Bonn\n",
        "\u{AD}",
        "\u{A0}",
        "o\u{308}",
        " ",
        "\n",
    ];
    vec(
        prop_oneof![3 => select(PIECES).prop_map(String::from), 1 => any::<String>()],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES raises it for a longer local run.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..3000)) {
        for format in FORMATS {
            if let Ok(d) = load("x", "x", &bytes, format) {
                check_document(&d)?;
            }
        }
    }

    #[test]
    fn arbitrary_text_maps_back_to_the_decoded_text(s in any::<String>()) {
        match load("x.txt", "x.txt", s.as_bytes(), Format::Text) {
            Ok(d) => {
                check_document(&d)?;
                let original = s.strip_prefix('\u{FEFF}').unwrap_or(&s);
                check_map(&d.text, original, |i| d.original_offset(i))?;
            }
            Err(e) => prop_assert!(matches!(e, TextError::Empty | TextError::Binary(_)), "{e}"),
        }
    }

    #[test]
    fn german_like_text_normalizes_soundly(
        s in "[a-zA-ZäöüßÄÖÜ0-9 \n\t.,:;„“»«–-]{0,40}([\u{AD}\u{A0}\u{202F}\u{200B}\u{2029}\u{301}\u{308}\u{327}\u{2126}\u{212B}\u{1100}\u{1161}\u{11A8}\u{AC00}]|-\n|-\n\n|[a-zä]-\n[a-zä]|[a-zäöü ,.-]){0,80}"
    ) {
        let (text, map) = normalize(&s);
        check_map(&text, &s, |i| map.original(i))?;
        prop_assert!(unicode_normalization::is_nfc(&text), "{text:?}");
        let leftover = text.contains(['\u{AD}', '\u{A0}', '\u{202F}', '\u{200B}']);
        prop_assert!(!leftover, "{:?}", text);
        if map.is_identity() {
            prop_assert_eq!(text.as_ref(), s.as_str());
        }
    }

    #[test]
    fn htmlish_input_never_panics(page in htmlish()) {
        if let Ok(d) = load("x.html", "x.html", page.as_bytes(), Format::Html) {
            check_document(&d)?;
        }
    }

    #[test]
    fn pdf_garbage_is_an_error(tail in vec(any::<u8>(), 0..3000)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        prop_assert!(matches!(load("x.pdf", "x.pdf", &bytes, Format::Pdf), Err(TextError::Pdf(_))));
    }

    #[test]
    fn damaged_pdf_never_panics(edits in vec((any::<Index>(), any::<u8>()), 1..12), cut in any::<Index>()) {
        let mut bytes = PDF.to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        // Sometimes also cut the file short.
        if cut.index(4) == 0 {
            bytes.truncate(cut.index(bytes.len()));
        }
        if let Ok(d) = load("x.pdf", "x.pdf", &bytes, Format::Pdf) {
            check_document(&d)?;
        }
    }

    #[test]
    fn text_garbage_is_text_or_an_error(bytes in vec(any::<u8>(), 0..3000)) {
        match load("x.txt", "x.txt", &bytes, Format::Text) {
            Ok(d) => check_document(&d)?,
            Err(e) => prop_assert!(matches!(e, TextError::Empty | TextError::Binary(_)), "{e}"),
        }
    }
}
