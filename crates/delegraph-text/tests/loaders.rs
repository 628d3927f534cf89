//! The loaders on whole inputs: the PDF fixture in `tests/data/`, an HTML page, and plain text
//! that needs normalization, each through `load`.

use delegraph_text::{Format, TextError, load, split_sentences, tokenize};

const PDF: &[u8] = include_bytes!("data/council_minutes.pdf");

#[test]
fn pdf_fixture_loads_without_page_furniture() {
    let d = load(
        "council_minutes.pdf",
        "tests/data/council_minutes.pdf",
        PDF,
        Format::Pdf,
    )
    .unwrap();
    let t = &d.text;
    assert!(
        t.starts_with("Niederschrift der Sitzung des Hauptausschusses\n\nTagesordnungspunkt 4"),
        "{t}"
    );
    assert!(
        t.contains("die engere Zusammenarbeit in den Bereichen"),
        "{t}"
    );
    assert!(
        t.contains("Wirtschafts- und Wissenschaftsdelegation"),
        "{t}"
    );
    assert!(
        t.contains("„Persönliche Begegnungen sind durch nichts zu ersetzen“"),
        "{t}"
    );
    assert!(
        t.ends_with("14 Ja-Stimmen, 3 Nein-Stimmen, 1 Enthaltung."),
        "{t}"
    );
    for furniture in ["Stadt Musterstadt ·", "Öffentliche Sitzung", "- 2 -"] {
        assert!(!t.contains(furniture), "{furniture} left in {t}");
    }
    assert_eq!(
        d.title.as_deref(),
        Some("Niederschrift der Sitzung des Hauptausschusses")
    );
    // The joined word maps back to its two halves in the extracted text.
    let at = t.find("arbeit in den").unwrap();
    assert_eq!(d.original_offset(at), at + "-\n".len());
}

#[test]
fn pdf_garbage_is_an_error() {
    let mut broken = PDF.to_vec();
    broken.truncate(PDF.len() / 2);
    assert!(matches!(
        load("x.pdf", "x.pdf", &broken, Format::Pdf),
        Err(TextError::Pdf(_))
    ));
    assert!(matches!(
        load("x.pdf", "x.pdf", b"Hallo", Format::Pdf),
        Err(TextError::Pdf(_))
    ));
}

#[test]
fn html_page_through_load() {
    let page = "<html><head><title>Gäste aus Lyon | Stadtportal</title>\
        <meta name=\"date\" content=\"2024-09-30\"></head><body>\
        <nav><ul><li>Start</li><li>Rathaus</li></ul></nav>\
        <main><h1>Gäste aus Lyon</h1>\
        <p>Am Montag empfing der Bürgermeister eine Delegation aus Lyon.&nbsp;Sie blieb drei Tage.</p>\
        <figure><img src=\"a.jpg\"><figcaption>Empfang im Rathaus. Foto: Presseamt</figcaption></figure>\
        <p>Kontakt:<br>Presseamt<br>Tel.: 0123 456</p></main>\
        <div id=\"social-bar\">Teilen</div></body></html>";
    let d = load("lyon.html", "lyon.html", page.as_bytes(), Format::Html).unwrap();
    assert_eq!(
        d.text,
        "Gäste aus Lyon\n\nAm Montag empfing der Bürgermeister eine Delegation aus Lyon. Sie blieb drei Tage.\n\n\
         Empfang im Rathaus. Foto: Presseamt\n\nKontakt:\nPresseamt\nTel.: 0123 456"
    );
    assert_eq!(d.title.as_deref(), Some("Gäste aus Lyon"));
    assert_eq!(d.published.unwrap().to_string(), "2024-09-30");
    let marked: Vec<&str> = d.boilerplate.iter().map(|r| &d.text[r.clone()]).collect();
    assert_eq!(
        marked,
        ["Foto: Presseamt", "Kontakt:\nPresseamt\nTel.: 0123 456"]
    );
    let tel = d.text.find("Tel.:").unwrap();
    assert!(d.in_boilerplate(tel..tel + 5));
    assert!(!d.in_boilerplate(0..5));
    // The no-break space became a plain one; offsets after it shift by one byte.
    let sie = d.text.find("Sie blieb").unwrap();
    assert_eq!(d.original_offset(sie), sie + 1);
    let toks = tokenize(&d.text);
    assert_eq!(split_sentences(&d.text, &toks).len(), 8);
}

#[test]
fn html_in_latin1_with_declared_charset() {
    let page = b"<meta charset=\"iso-8859-1\"><p>K\xf6ln empf\xe4ngt G\xe4ste.</p>";
    let d = load("k.htm", "k.htm", page, Format::Html).unwrap();
    assert_eq!(d.text, "Köln empfängt Gäste.");
    assert_eq!(d.warnings.len(), 1);
}

#[test]
fn plain_text_keeps_its_bytes_unless_normalized() {
    let plain = "Besuch in Bonn\n\nDie Delegation kam am 3. Mai – „endlich“.\r\n";
    let d = load("a.txt", "a.txt", plain.as_bytes(), Format::Text).unwrap();
    assert_eq!(d.text, plain);
    assert!(d.offsets.is_identity());

    let odd = "Besuch in Bonn\n\nDie Zusammen-\narbeit mit Ko\u{308}ln\u{A0}wa\u{AD}chst.";
    let d = load("b.md", "b.md", odd.as_bytes(), Format::Markdown).unwrap();
    assert_eq!(
        d.text,
        "Besuch in Bonn\n\nDie Zusammenarbeit mit Köln wachst."
    );
    let k = d.text.find("Köln").unwrap();
    assert_eq!(
        &odd[d.original_offset(k)..d.original_offset(k + "Köln".len())],
        "Ko\u{308}ln"
    );
    assert_eq!(d.original_offset(d.text.len()), odd.len());
}

#[test]
fn text_of_invisible_characters_is_empty() {
    assert_eq!(
        load(
            "e.txt",
            "e.txt",
            "\u{AD}\u{200B}\u{A0}".as_bytes(),
            Format::Text
        ),
        Err(TextError::Empty)
    );
    assert_eq!(
        load(
            "e.html",
            "e.html",
            b"<script>x()</script><nav>Men\xc3\xbc</nav>",
            Format::Html
        ),
        Err(TextError::Empty)
    );
}
