//! Text from PDF files (council documents, press releases): page texts from `pdf-extract`,
//! running headers and footers and page numbers removed.
//!
//! The PDF parser panics on some malformed files, so it runs on its own thread: a panic there
//! becomes an error, and the larger stack keeps deeply nested objects from overflowing ours.

use crate::document::TextError;
use std::collections::HashMap;

/// Stack for the parser thread: nested PDF objects are parsed recursively.
const PARSER_STACK: usize = 64 * 1024 * 1024;
const THREAD_NAME: &str = "delegraph-pdf";

/// The text of a PDF, pages joined, page furniture removed.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, TextError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(TextError::Pdf("no %PDF- header".to_string()));
    }
    let pages = parse_pages(bytes)?;
    Ok(join_pages(&strip_furniture(&pages)))
}

fn parse_pages(bytes: &[u8]) -> Result<Vec<String>, TextError> {
    quiet_parser_panics();
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new()
            .name(THREAD_NAME.to_string())
            .stack_size(PARSER_STACK)
            .spawn_scoped(s, || pdf_extract::extract_text_from_mem_by_pages(bytes))
            .map_err(|e| TextError::Pdf(format!("cannot start the PDF reader: {e}")))?;
        match worker.join() {
            Ok(Ok(pages)) => Ok(pages),
            Ok(Err(e)) => Err(TextError::Pdf(e.to_string())),
            Err(_) => Err(TextError::Pdf(
                "malformed PDF (the PDF reader gave up)".to_string(),
            )),
        }
    })
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
/// bare page numbers at page edges. Returns each page's remaining lines, with `""` where the
/// page had blank lines (paragraph breaks).
fn strip_furniture(pages: &[String]) -> Vec<Vec<&str>> {
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect())
        .collect();
    // For each page, the indices of its non-blank lines: edges are counted in those.
    let content: Vec<Vec<usize>> = lines
        .iter()
        .map(|page| {
            page.iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let at_edge = |rank: usize, count: usize| rank < EDGE_LINES || rank + EDGE_LINES >= count;
    // On how many pages each edge line occurs.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, idx) in lines.iter().zip(&content) {
        let mut keys: Vec<String> = idx
            .iter()
            .enumerate()
            .filter(|&(rank, _)| at_edge(rank, idx.len()))
            .map(|(_, &i)| furniture_key(page[i]))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    // "Most pages": more than half, and at least two.
    let repeated =
        |k: &str| lines.len() >= 2 && seen.get(k).is_some_and(|&n| n >= 2 && n * 2 > lines.len());
    lines
        .iter()
        .zip(&content)
        .map(|(page, idx)| {
            let mut kept: Vec<&str> = Vec::new();
            let mut rank = 0;
            for line in page {
                if line.trim().is_empty() {
                    if kept.last().is_some_and(|l| !l.is_empty()) {
                        kept.push("");
                    }
                    continue;
                }
                let furniture = at_edge(rank, idx.len())
                    && (is_page_number(line) || repeated(&furniture_key(line)));
                rank += 1;
                if !furniture {
                    kept.push(line.trim());
                }
            }
            while kept.last() == Some(&"") {
                kept.pop();
            }
            kept
        })
        .collect()
}

/// Joins pages: a page that ends mid-sentence continues on the next with a line break, so the
/// sentence splitter keeps the sentence whole; otherwise pages are paragraphs apart.
fn join_pages(pages: &[Vec<&str>]) -> String {
    let mut out = String::new();
    for page in pages.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            let finished = out
                .trim_end()
                .ends_with(['.', '!', '?', ':', '“', '"', ')']);
            out.push_str(if finished { "\n\n" } else { "\n" });
        }
        out.push_str(&page.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let bodies = [
            "Der Rat tagte.\nEr beschloss die Reise.",
            "Die Kosten trägt die Stadt.",
            "Ende.",
        ];
        let pages: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(n, body)| {
                format!(
                    "Stadt Musterstadt – Drucksache 0{n}/2024\n\n{body}\n\nVertraulich\n- {n} -\n"
                )
            })
            .collect();
        let kept = strip_furniture(&pages);
        assert_eq!(kept[0], ["Der Rat tagte.", "Er beschloss die Reise."]);
        let two = [
            "Kopf\n\nAbsatz eins.\n\n\nAbsatz zwei.\n\nFuß\n",
            "Kopf\nDrei.\nFuß",
        ];
        let short = two.map(String::from);
        let short_kept = strip_furniture(&short);
        assert_eq!(
            short_kept,
            [vec!["Absatz eins.", "", "Absatz zwei."], vec!["Drei."]]
        );
        assert_eq!(kept[1], ["Die Kosten trägt die Stadt."]);
        assert_eq!(kept[2], ["Ende."]);
    }

    #[test]
    fn single_page_keeps_its_lines() {
        let pages = vec!["Kopfzeile\nEinziger Absatz.\n1".to_string()];
        assert_eq!(
            strip_furniture(&pages)[0],
            ["Kopfzeile", "Einziger Absatz."]
        );
    }

    #[test]
    fn pages_join_by_sentence_state() {
        let pages = vec![vec!["Satz eins."], vec!["Die Reise ging"], vec!["weiter."]];
        assert_eq!(join_pages(&pages), "Satz eins.\n\nDie Reise ging\nweiter.");
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(extract(b"kein PDF").is_err());
        assert!(extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF").is_err());
        assert!(extract(b"%PDF-").is_err());
    }
}
