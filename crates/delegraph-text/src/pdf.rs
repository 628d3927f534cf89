//! Text from PDF files (council documents, press releases) as paragraphs: lines with their
//! position on the page from `pdf-extract`, running headers, footers and page numbers removed,
//! and lines that the layout wrapped at the column edge joined again.
//!
//! A PDF knows glyphs at positions, not paragraphs. A line ends a paragraph when the next
//! line's first word would have fitted after it (the writer broke the line on purpose: a
//! heading, the last line of a paragraph, an address line), when a larger vertical gap or a
//! change of font size follows, or when the next line starts a list item. Otherwise the line
//! was wrapped by the layout and goes on in the next one, hyphenated words included.
//!
//! The PDF parser panics on some malformed files, so it runs on its own thread: a panic there
//! becomes an error (or, inside one page, skips that page), and the larger stack keeps deeply
//! nested objects from overflowing ours.

use crate::document::{MAX_TEXT_BYTES, TextError};
use crate::normalize::{LineEndHyphen, line_end_hyphen};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;

/// Stack for the parser thread: nested PDF objects are parsed recursively.
const PARSER_STACK: usize = 64 * 1024 * 1024;
const THREAD_NAME: &str = "delegraph-pdf";

/// A line of text as laid out on a page. Lengths are in PDF points, `y` grows downwards.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    left: f64,
    right: f64,
    /// Baseline, from the top of the page.
    y: f64,
    /// Font size of the line's first glyph.
    size: f64,
    /// Right edge of the line's first word.
    first_word_right: f64,
}

impl Line {
    fn first_word_width(&self) -> f64 {
        (self.first_word_right - self.left).max(0.0)
    }
}

/// The text of a PDF, as paragraphs, page furniture removed.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, TextError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(TextError::Pdf("no %PDF- header".to_string()));
    }
    let pages = parse_pages(bytes)?;
    let kept = strip_furniture(&pages);
    Ok(paragraphs(&kept))
}

/// Collects the lines of each page, the way `pdf-extract`'s plain-text output breaks lines and
/// words, but keeping where each line starts and ends.
#[derive(Default)]
struct Layout {
    pages: Vec<Vec<Line>>,
    page_height: f64,
    last_end: f64,
    last_y: f64,
    /// The next glyph starts a new text chunk (where a line or word break can happen).
    chunk_start: bool,
    bytes: usize,
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        self.last_end = f64::MAX;
        self.last_y = 0.0;
        self.chunk_start = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.bytes += text.len();
        if self.bytes > MAX_TEXT_BYTES {
            // Stops the parser; reported as too long.
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let x = trm.m31;
        let y = self.page_height - trm.m32;
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let end = x + width * size;
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let page = self.pages.last_mut().expect("a page");
        let dy = (y - self.last_y).abs();
        let new_line = page.is_empty()
            || (self.chunk_start && (dy > size * 1.5 || (x < self.last_end && dy > size * 0.5)));
        if new_line {
            page.push(Line {
                text: String::new(),
                left: x,
                right: x,
                y,
                size,
                first_word_right: f64::NAN,
            });
        }
        let line = page.last_mut().expect("a line");
        let blank = text.chars().all(char::is_whitespace);
        let gap = self.chunk_start && !new_line && x > self.last_end + size * 0.1;
        if (gap || blank) && !line.text.is_empty() {
            if line.first_word_right.is_nan() {
                line.first_word_right = line.right;
            }
            if !line.text.ends_with(' ') {
                line.text.push(' ');
            }
        }
        if !blank {
            if line.text.is_empty() {
                line.left = x;
            }
            line.text.push_str(text);
            line.right = line.right.max(end);
        }
        self.chunk_start = false;
        self.last_y = y;
        self.last_end = end;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.chunk_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn parse_pages(bytes: &[u8]) -> Result<Vec<Vec<Line>>, TextError> {
    quiet_parser_panics();
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new()
            .name(THREAD_NAME.to_string())
            .stack_size(PARSER_STACK)
            .spawn_scoped(s, || layout(bytes))
            .map_err(|e| TextError::Pdf(format!("cannot start the PDF reader: {e}")))?;
        match worker.join() {
            Ok(result) => result,
            Err(_) => Err(TextError::Pdf(
                "malformed PDF (the PDF reader gave up)".to_string(),
            )),
        }
    })
}

/// Parses the PDF and lays out every page; a page the parser fails on is skipped when others
/// can be read.
fn layout(bytes: &[u8]) -> Result<Vec<Vec<Line>>, TextError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => TextError::EncryptedPdf,
        e => TextError::Pdf(e.to_string()),
    })?;
    // Encrypted with an owner password only (printing or copying restricted): anyone may open
    // it, with the empty user password.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(TextError::EncryptedPdf);
    }
    let mut out = Layout::default();
    let mut failed = None;
    let page_numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    for n in &page_numbers {
        let before = out.pages.len();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, *n)
        }));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(_)) if out.bytes > MAX_TEXT_BYTES => {
                return Err(TextError::TextTooLong {
                    size: out.bytes,
                    limit: MAX_TEXT_BYTES,
                });
            }
            Ok(Err(e)) => {
                out.pages.truncate(before);
                failed = Some(e.to_string());
            }
            Err(_) => {
                out.pages.truncate(before);
                failed = Some("malformed page".to_string());
            }
        }
    }
    if out.pages.iter().all(Vec::is_empty) {
        return Err(TextError::Pdf(match failed {
            Some(why) => why,
            None if page_numbers.is_empty() => "no pages".to_string(),
            // Scanned pages are images: there is no text to read without OCR.
            None => "no text (a scan without a text layer?)".to_string(),
        }));
    }
    Ok(out.pages)
}

/// Keeps the default panic message off stderr for the parser thread only: its panics are
/// reported as errors, and the message would only confuse users. Other threads are unaffected.
fn quiet_parser_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                previous(info);
            }
        }));
    });
}

/// Lines within this distance of a page's top or bottom can be running headers or footers.
const EDGE_LINES: usize = 3;

/// Whether `line` is only a page number: "3", "- 3 -", "– 3 –", "Seite 3", "Seite 3 von 5", "3/5".
fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', '—', ' ']);
    let t = t
        .strip_prefix("Seite")
        .or_else(|| t.strip_prefix("S."))
        .or_else(|| t.strip_prefix("Page"))
        .unwrap_or(t)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let number = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None, None) => number(a),
        (Some(a), Some(b), None, None) => number(a) && number(b),
        (Some(a), Some("von" | "of"), Some(b), None) => number(a) && number(b),
        _ => false,
    }
}

/// A line's identity across pages: digits masked, so "Drucksache 12/2024 – Seite 3" matches
/// its copy on page 4.
fn furniture_key(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Removes running headers and footers (the same line at the top or bottom of most pages) and
/// bare page numbers at page edges. Returns each page's remaining lines.
fn strip_furniture(pages: &[Vec<Line>]) -> Vec<Vec<&Line>> {
    let pages: Vec<Vec<&Line>> = pages
        .iter()
        .map(|p| p.iter().filter(|l| !l.text.trim().is_empty()).collect())
        .collect();
    let at_edge = |rank: usize, count: usize| rank < EDGE_LINES || rank + EDGE_LINES >= count;
    // On how many pages each edge line occurs.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let mut keys: Vec<String> = page
            .iter()
            .enumerate()
            .filter(|&(rank, _)| at_edge(rank, page.len()))
            .map(|(_, l)| furniture_key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    // "Most pages": more than half, and at least two.
    let repeated =
        |k: &str| pages.len() >= 2 && seen.get(k).is_some_and(|&n| n >= 2 && n * 2 > pages.len());
    pages
        .iter()
        .map(|page| {
            page.iter()
                .enumerate()
                .filter(|&(rank, l)| {
                    !(at_edge(rank, page.len())
                        && (is_page_number(&l.text) || repeated(&furniture_key(&l.text))))
                })
                .map(|(_, l)| *l)
                .collect()
        })
        .collect()
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// The layout wrapped it: the next line goes on with the same paragraph.
    Wrap,
    /// The writer broke it (heading, list item, last line before a short one).
    Line,
    /// A paragraph ends.
    Paragraph,
}

/// Whether `line` starts a list item: a bullet, or "1." / "a)" before a space.
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['•', '·', '▪', '◦', '‣', '–', '—', '*', '-']) {
        return t.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let marker: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let rest = &t[marker.len()..];
    !marker.is_empty()
        && marker.len() <= 2
        && (marker.bytes().all(|b| b.is_ascii_digit()) || marker.len() == 1)
        && (rest.starts_with(". ") || rest.starts_with(") "))
}

/// The right edges of the document's text columns: for a line, the farthest right that any
/// line starting no further right than it reaches (in two columns, the left column's lines do
/// not see the right column). Taken over all pages, since a page of two lines tells little.
struct Columns {
    /// Lines' left edges, sorted, and the largest right edge among the lines up to each.
    lefts: Vec<f64>,
    max_right: Vec<f64>,
}

impl Columns {
    fn new(pages: &[Vec<&Line>]) -> Columns {
        let mut edges: Vec<(f64, f64)> =
            pages.iter().flatten().map(|l| (l.left, l.right)).collect();
        edges.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut max_right = Vec::with_capacity(edges.len());
        let mut m = f64::MIN;
        for &(_, r) in &edges {
            m = m.max(r);
            max_right.push(m);
        }
        Columns {
            lefts: edges.into_iter().map(|(l, _)| l).collect(),
            max_right,
        }
    }

    fn right(&self, line: &Line) -> f64 {
        let n = self.lefts.partition_point(|&l| l <= line.left + line.size);
        n.checked_sub(1)
            .map_or(line.right, |i| self.max_right[i].max(line.right))
    }
}

/// The usual distance between two lines of one paragraph on a page: the most common baseline
/// step between lines of the same size (rounded to half a point).
fn line_pitch(page: &[&Line]) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for w in page.windows(2) {
        let dy = w[1].y - w[0].y;
        if dy > 0.0 && (w[1].size - w[0].size).abs() < 0.5 && dy < w[0].size * 3.0 {
            *counts.entry((dy * 2.0).round() as i64).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(step, n)| (n, -step))
        .map(|(step, _)| step as f64 / 2.0)
}

/// How `line` ends when `next` follows it on the same page.
fn line_break(line: &Line, next: &Line, columns: &Columns, pitch: Option<f64>) -> Break {
    let dy = next.y - line.y;
    let size = line.size.max(1.0);
    // Moved up (another column, a text box) or far down: a new block.
    let normal_step = pitch.unwrap_or(size * 1.25).max(size);
    if dy <= 0.0 || dy > normal_step * 1.3 + 0.5 {
        return Break::Paragraph;
    }
    if (next.size - line.size).abs() > size * 0.15 || starts_list_item(&next.text) {
        return Break::Line;
    }
    // Indented more than the line: a paragraph's indented first line, or a quote block.
    if next.left > line.left + size {
        return Break::Line;
    }
    if wrapped(line, next, columns.right(line)) {
        Break::Wrap
    } else {
        Break::Line
    }
}

/// Whether `next`'s first word would not have fitted after `line` in a column ending at
/// `right`: then the layout, not the writer, broke the line.
fn wrapped(line: &Line, next: &Line, right: f64) -> bool {
    // A narrow space: a line that may have had room for the word counts as broken on purpose.
    let space = line.size * 0.2;
    line.right + space + next.first_word_width() > right + 0.5
}

/// Joins the kept lines into text: wrapped lines into paragraphs, lines broken by the writer
/// with a line break, paragraphs and pages apart by a blank line (a page that ends inside a
/// sentence continues it).
fn paragraphs(pages: &[Vec<&Line>]) -> String {
    let mut out = String::new();
    let mut pending: Option<Break> = None;
    let columns = Columns::new(pages);
    for page in pages.iter().filter(|p| !p.is_empty()) {
        let pitch = line_pitch(page);
        if let (Some(first), false) = (page.first(), out.is_empty()) {
            // Across a page break, only the text tells whether the sentence goes on.
            let finished = out
                .trim_end()
                .ends_with(['.', '!', '?', ':', '“', '"', ')']);
            let brk = match pending {
                Some(Break::Wrap) if !finished && !starts_list_item(&first.text) => Break::Wrap,
                _ if finished => Break::Paragraph,
                _ => Break::Line,
            };
            join(&mut out, brk, &first.text);
        }
        for (i, line) in page.iter().enumerate() {
            if i == 0 {
                if out.is_empty() {
                    out.push_str(line.text.trim());
                }
            } else {
                let brk = line_break(page[i - 1], line, &columns, pitch);
                join(&mut out, brk, &line.text);
            }
        }
        let last = page.last().expect("non-empty page");
        // Whether the page's last line reached the column edge.
        pending = Some(if last.right + last.size * 2.0 >= columns.right(last) {
            Break::Wrap
        } else {
            Break::Line
        });
    }
    out
}

/// Appends `next` to `out` after a break of kind `brk`. A wrapped line that ends in a hyphen
/// keeps "-\n" where a word was split (normalization joins it, with offsets), and becomes
/// "- " before a conjunction ("Wirtschafts- und") or stays a hyphen ("Deutsch-Japanische").
fn join(out: &mut String, brk: Break, next: &str) {
    let next = next.trim();
    while out.ends_with(' ') {
        out.pop();
    }
    match brk {
        Break::Paragraph => out.push_str("\n\n"),
        Break::Line => out.push('\n'),
        Break::Wrap => {
            let hyphen = out
                .strip_suffix(['-', '\u{AD}', '\u{2010}'])
                .and_then(|before| line_end_hyphen(before, next));
            match hyphen {
                Some(LineEndHyphen::SplitWord) => out.push('\n'),
                Some(LineEndHyphen::Truncation) => out.push(' '),
                Some(LineEndHyphen::Compound) => {}
                None => out.push(' '),
            }
        }
    }
    out.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line in a 10-point font, 5 points per character.
    fn line(text: &str, left: f64, y: f64) -> Line {
        let first = text.split(' ').next().unwrap_or("");
        Line {
            text: text.to_string(),
            left,
            right: left + 5.0 * text.chars().count() as f64,
            y,
            size: 10.0,
            first_word_right: left + 5.0 * first.chars().count() as f64,
        }
    }

    /// Lays out `rows` (text, extra gap before) from y = 100 with a 12-point pitch.
    fn page(rows: &[(&str, f64)]) -> Vec<Line> {
        let mut y = 100.0;
        rows.iter()
            .map(|&(t, gap)| {
                y += 12.0 + gap;
                line(t, 50.0, y)
            })
            .collect()
    }

    fn text(pages: &[Vec<Line>]) -> String {
        paragraphs(&strip_furniture(pages))
    }

    #[test]
    fn page_numbers() {
        for l in [
            "3",
            "- 3 -",
            "– 12 –",
            "Seite 3",
            "Seite 3 von 5",
            "3 / 5",
            "S. 4",
        ] {
            assert!(is_page_number(l), "{l}");
        }
        for l in [
            "Seite an Seite",
            "3 Gäste",
            "12345",
            "Seite 3 der Vorlage",
            "3.5",
        ] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn running_headers_and_footers_go() {
        let bodies = ["Der Rat tagte.", "Die Kosten trägt die Stadt.", "Ende."];
        let pages: Vec<Vec<Line>> = bodies
            .iter()
            .enumerate()
            .map(|(n, body)| {
                let head = format!("Stadt Musterstadt – Drucksache 0{n}/2024");
                let number = format!("- {n} -");
                page(&[
                    (&head, 0.0),
                    (body, 20.0),
                    ("Vertraulich", 200.0),
                    (&number, 0.0),
                ])
            })
            .collect();
        assert_eq!(
            text(&pages),
            "Der Rat tagte.\n\nDie Kosten trägt die Stadt.\n\nEnde."
        );
        // A single page keeps its lines but its page number.
        let single = vec![page(&[
            ("Kopfzeile", 0.0),
            ("Einziger Absatz.", 20.0),
            ("1", 20.0),
        ])];
        assert_eq!(text(&single), "Kopfzeile\n\nEinziger Absatz.");
    }

    #[test]
    fn wrapped_lines_join_into_paragraphs() {
        // Ragged right at 50 characters: each line broke because the next word did not fit.
        let p = page(&[
            ("Die Delegation unter Leitung von Oberbürgermeister", 0.0),
            ("Jonas Quellbach besuchte am Montag die Partnerstadt", 0.0),
            ("und traf dort die Bürgermeisterin.", 0.0),
            ("Zweiter Absatz nach einer Lücke.", 8.0),
        ]);
        assert_eq!(
            text(&[p]),
            "Die Delegation unter Leitung von Oberbürgermeister Jonas Quellbach besuchte am \
             Montag die Partnerstadt und traf dort die Bürgermeisterin.\n\n\
             Zweiter Absatz nach einer Lücke."
        );
    }

    #[test]
    fn short_lines_keep_their_breaks() {
        // A heading and lines that end well before the column edge, with no gap between them.
        let p = page(&[
            ("Besuch aus Lyon", 0.0),
            ("Die Gäste kamen am Montag in das Rathaus und trafen", 0.0),
            ("den Rat.", 0.0),
            ("Am Dienstag folgte ein Empfang.", 0.0),
            ("• Empfang im Rathaus und Eintrag ins Goldene Buch", 0.0),
            ("• Besuch der Universität", 0.0),
        ]);
        assert_eq!(
            text(&[p]),
            "Besuch aus Lyon\n\
             Die Gäste kamen am Montag in das Rathaus und trafen den Rat.\n\
             Am Dienstag folgte ein Empfang.\n\
             • Empfang im Rathaus und Eintrag ins Goldene Buch\n\
             • Besuch der Universität"
        );
    }

    #[test]
    fn headings_in_a_larger_font_stay_apart() {
        let mut p = page(&[
            ("Partnerschaft", 0.0),
            ("Die Städte arbeiten seit vielen Jahren eng zusammen", 0.0),
            ("und planen neue Projekte.", 0.0),
        ]);
        // The heading fills the column but is set larger.
        p[0].size = 14.0;
        p[0].right = p[1].right;
        assert_eq!(
            text(&[p]),
            "Partnerschaft\nDie Städte arbeiten seit vielen Jahren eng zusammen und planen neue Projekte."
        );
    }

    #[test]
    fn hyphens_at_wrapped_line_ends() {
        let p = page(&[
            ("Ziel ist die engere Zusammen-", 0.0),
            ("arbeit der Wirtschafts- und Wissenschafts-", 0.0),
            ("einrichtungen sowie der Deutsch-", 0.0),
            ("Japanischen Gesellschaft und der Landes-", 0.0),
            ("und Bundesbehörden, EU-", 0.0),
            ("weit.", 0.0),
        ]);
        // Lines so short they only break where the next word cannot fit: every one is full.
        let right = p.iter().map(|l| l.right).fold(0.0, f64::max);
        let p: Vec<Line> = p
            .into_iter()
            .map(|mut l| {
                l.right = right;
                l
            })
            .collect();
        assert_eq!(
            text(&[p]),
            "Ziel ist die engere Zusammen-\narbeit der Wirtschafts- und Wissenschafts-\n\
             einrichtungen sowie der Deutsch-Japanischen Gesellschaft und der Landes- und \
             Bundesbehörden, EU-weit."
        );
    }

    #[test]
    fn sentences_continue_across_pages() {
        let one = page(&[
            (
                "Der Rat beschloss am Dienstag die Reise der Delegation",
                0.0,
            ),
            ("unter der Leitung von Bürgermeisterin Hanne Ostwaldt", 0.0),
        ]);
        let two = page(&[("nach Lyon. Die Kosten trägt die Stadt.", 0.0)]);
        let three = page(&[("Neue Seite, neuer Absatz.", 0.0)]);
        assert_eq!(
            text(&[one, two, three]),
            "Der Rat beschloss am Dienstag die Reise der Delegation unter der Leitung von \
             Bürgermeisterin Hanne Ostwaldt nach Lyon. Die Kosten trägt die Stadt.\n\n\
             Neue Seite, neuer Absatz."
        );
    }

    #[test]
    fn list_items() {
        for l in ["• Punkt", "- Punkt", "1. Punkt", "12) Punkt", "a) Punkt"] {
            assert!(starts_list_item(l), "{l}");
        }
        for l in ["-5 Grad", "1.000 Euro", "Am 3. Mai", "Wirtschafts-"] {
            assert!(!starts_list_item(l), "{l}");
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(extract(b"kein PDF").is_err());
        assert!(extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF").is_err());
        assert!(extract(b"%PDF-").is_err());
    }
}
