//! Main-content extraction from HTML pages: the article text as lines and paragraphs, plus the
//! title and publication date the page declares.
//!
//! Pages wrap the article in navigation, cookie banners, share bars and teasers. The content root
//! is the largest `<article>`, else `<main>`, else `<body>`; inside it, chrome elements and
//! elements whose id or class names a banner are dropped. Headings, paragraphs and list items
//! become blocks separated by a blank line, which is what the sentence splitter expects.

use crate::date::PartialDate;
use crate::temporal::parse_publication_date;
use scraper::node::Element;
use scraper::{Html, Node};

/// What an HTML page yields.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
}

/// Elements that never hold article text.
const DROPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
    "iframe", "svg", "math", "button", "select", "textarea", "input", "dialog", "object", "embed",
    "canvas", "audio", "video", "map",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "ul",
    "ol",
    "dl",
    "address",
    "hr",
    "body",
    "html",
    "details",
    "summary",
    "center",
    "hgroup",
];

/// Id or class fragments of consent banners, newsletter boxes and share bars.
const CHROME_MARKERS: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "newsletter",
    "share",
    "social",
];

/// Elements that structure the page and are never dropped for their class names
/// (a `<body class="has-cookie-banner">` still holds the article).
const STRUCTURAL: &[&str] = &["html", "body", "main", "article"];

/// Meta names and properties that carry the publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
];

fn is_chrome(el: &Element) -> bool {
    let name = el.name();
    if STRUCTURAL.contains(&name) {
        return false;
    }
    if el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
    {
        return true;
    }
    let names = [el.id().unwrap_or(""), el.attr("class").unwrap_or("")];
    names.iter().any(|n| {
        let n = n.to_ascii_lowercase();
        CHROME_MARKERS.iter().any(|m| n.contains(m))
    })
}

/// Collects text into blocks, collapsing HTML whitespace.
#[derive(Default)]
struct Blocks {
    blocks: Vec<String>,
    current: String,
    pending_space: bool,
    in_pre: usize,
}

impl Blocks {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.in_pre > 0 && c == '\n' {
                self.line_break();
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        self.current.push('\n');
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let block: Vec<&str> = self
            .current
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !block.is_empty() {
            self.blocks.push(block.join("\n"));
        }
        self.current.clear();
        self.pending_space = false;
    }
}

/// Extracts the main text, title and publication date of an HTML page.
pub(crate) fn extract(source: &str) -> Extracted {
    let html = Html::parse_document(source);
    let doc = html.tree.root();

    // The content root: the largest <article>, else the first <main>, else <body>.
    let mut article = None;
    let mut article_len = 0;
    let mut main = None;
    let mut body = None;
    for node in doc.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "article" => {
                let len: usize = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.trim().len()))
                    .sum();
                if article.is_none() || len > article_len {
                    article = Some(node);
                    article_len = len;
                }
            }
            "main" if main.is_none() => main = Some(node),
            _ if main.is_none() && el.attr("role").is_some_and(|r| r == "main") => {
                main = Some(node)
            }
            "body" if body.is_none() => body = Some(node),
            _ => {}
        }
    }
    let root = article
        .filter(|_| article_len > 0)
        .or(main)
        .or(body)
        .unwrap_or(doc);

    // Walks the content root without recursion: pages can nest thousands of elements deep.
    let mut out = Blocks::default();
    let mut h1: Option<String> = None;
    let mut h1_from: Option<usize> = None;
    let mut node = root;
    'walk: loop {
        let mut descend = true;
        match node.value() {
            Node::Text(t) => {
                out.text(t);
            }
            Node::Element(el) if node != root => {
                let name = el.name();
                // A <header> inside an article holds the headline and byline; page headers go.
                let dropped_header = name == "header"
                    && !node.ancestors().any(|a| {
                        a.value()
                            .as_element()
                            .is_some_and(|e| e.name() == "article")
                    });
                if DROPPED.contains(&name) || dropped_header || is_chrome(el) {
                    descend = false;
                } else if name == "br" {
                    out.line_break();
                } else if matches!(name, "td" | "th") {
                    out.pending_space = true;
                } else if BLOCKS.contains(&name) {
                    out.flush();
                    if name == "pre" {
                        out.in_pre += 1;
                    }
                    if name == "h1" && h1.is_none() {
                        h1_from = Some(out.blocks.len());
                    }
                }
            }
            _ => {}
        }
        if descend && let Some(child) = node.first_child() {
            node = child;
            continue;
        }
        // Close `node` and every ancestor whose last child it was.
        loop {
            if let Some(el) = node.value().as_element()
                && node != root
                && BLOCKS.contains(&el.name())
            {
                out.flush();
                if el.name() == "pre" {
                    out.in_pre = out.in_pre.saturating_sub(1);
                }
                if el.name() == "h1" && h1.is_none() {
                    h1 = h1_from.and_then(|i| out.blocks.get(i).cloned());
                }
            }
            if node == root {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(p) => node = p,
                None => break 'walk,
            }
        }
    }
    out.flush();

    let (meta_title, published) = head_meta(&html);
    Extracted {
        text: out.blocks.join("\n\n"),
        title: h1.or(meta_title),
        published,
    }
}

/// Title (og:title, else <title> without the site name) and publication date from meta tags
/// and <time datetime>.
fn head_meta(html: &Html) -> (Option<String>, Option<PartialDate>) {
    let mut og_title = None;
    let mut title = None;
    let mut dates: Vec<(usize, PartialDate)> = Vec::new();
    let mut time_date = None;
    for node in html.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "meta" => {
                let key = ["property", "name", "itemprop"]
                    .iter()
                    .find_map(|k| el.attr(k))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = el.attr("content") else {
                    continue;
                };
                if key == "og:title" && og_title.is_none() {
                    og_title = clean(content);
                } else if let Some(rank) = DATE_META.iter().position(|k| *k == key)
                    && let Some(d) = parse_date(content)
                {
                    dates.push((rank, d));
                }
            }
            "title" if title.is_none() => {
                let t: String = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                // "Besuch aus Kyoto | Stadt Musterstadt": the site name is not the title.
                let t = t.split(" | ").next().unwrap_or("");
                title = clean(t);
            }
            _ if el
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished")) =>
            {
                if let Some(d) = el
                    .attr("datetime")
                    .or(el.attr("content"))
                    .and_then(parse_date)
                {
                    dates.push((DATE_META.len(), d));
                }
            }
            "time" if time_date.is_none() => {
                let in_paragraph = node
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "p"));
                // A date inside running text is an event date, not the publication date.
                if !in_paragraph {
                    time_date = el.attr("datetime").and_then(parse_date);
                }
            }
            _ => {}
        }
    }
    dates.sort_by_key(|&(rank, _)| rank);
    let published = dates.first().map(|&(_, d)| d).or(time_date);
    (og_title.or(title), published)
}

fn clean(s: &str) -> Option<String> {
    let t: Vec<&str> = s.split_whitespace().collect();
    (!t.is_empty()).then(|| t.join(" "))
}

/// "2024-05-13T10:00:00+02:00", "2024-05-13", "2024-05", "13.05.2024".
fn parse_date(value: &str) -> Option<PartialDate> {
    let v = value.trim();
    let date_part = v.split(['T', ' ']).next().unwrap_or("");
    PartialDate::parse_iso(date_part).or_else(|| parse_publication_date(v))
}

/// The charset a page declares in its first bytes (`<meta charset="...">` or `charset=` in a
/// content type), for pages that are not UTF-8.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Bürgermeisterin reist nach Kyoto | Stadt Musterstadt</title>
<meta property="og:title" content="Bürgermeisterin reist nach Kyoto">
<meta property="article:published_time" content="2024-05-13T09:30:00+02:00">
<script>var tracking = "Dieser Text ist kein Artikel.";</script>
<style>p { color: red }</style>
</head>
<body class="has-cookie-banner">
<header><nav><a href="/">Startseite</a> <a href="/presse">Presse</a></nav></header>
<div id="cookie-consent">Wir verwenden Cookies. <button>OK</button></div>
<main>
<article>
<header><h1>Bürgermeisterin reist nach   Kyoto</h1><time datetime="2024-05-12">12. Mai</time></header>
<p>Eine Delegation aus Musterstadt besucht vom 3. bis 7. Juni die Partnerstadt.
Begleitet wird sie von Vertretern der Wirtschaft.</p>
<div class="share-buttons"><a>Facebook</a> <a>X</a></div>
<h2>Programm</h2>
<ul><li>Empfang im Rathaus</li><li>Besuch der Universität</li></ul>
<p>Erster Teil<br>zweiter Teil &amp; Schluss&nbsp;Ende</p>
<aside>Lesen Sie auch: Ein anderer Artikel</aside>
</article>
<section class="teaser"><article><p>Kurz</p></article></section>
</main>
<footer>Impressum · Datenschutz</footer>
<div class="newsletter">Jetzt abonnieren!</div>
</body></html>"#;

    #[test]
    fn extracts_main_content() {
        let e = extract(PAGE);
        assert_eq!(
            e.text,
            "Bürgermeisterin reist nach Kyoto\n\n12. Mai\n\n\
             Eine Delegation aus Musterstadt besucht vom 3. bis 7. Juni die Partnerstadt. \
             Begleitet wird sie von Vertretern der Wirtschaft.\n\n\
             Programm\n\nEmpfang im Rathaus\n\nBesuch der Universität\n\n\
             Erster Teil\nzweiter Teil & Schluss\u{A0}Ende"
        );
        assert_eq!(e.title.as_deref(), Some("Bürgermeisterin reist nach Kyoto"));
        assert_eq!(e.published.unwrap().to_string(), "2024-05-13");
    }

    #[test]
    fn falls_back_to_body_title_tag_and_time() {
        let page = "<html><head><title>Partnerschaft mit Lyon – Stadt X</title></head><body>\
                    <p>Vor <time datetime=\"2023-01-01\">einem Jahr</time> begann es.</p>\
                    <div class=\"meta\"><time datetime=\"2024-03-02T10:00\">2. März</time></div>\
                    <nav>Menü</nav><p>Der Rat stimmte zu.</p></body></html>";
        let e = extract(page);
        assert_eq!(
            e.text,
            "Vor einem Jahr begann es.\n\n2. März\n\nDer Rat stimmte zu."
        );
        assert_eq!(e.title.as_deref(), Some("Partnerschaft mit Lyon – Stadt X"));
        assert_eq!(e.published.unwrap().to_string(), "2024-03-02");
    }

    #[test]
    fn dc_date_and_plain_fragments() {
        let e = extract("<meta name=\"DC.date\" content=\"2022-11\">Nur Text ohne Markup");
        assert_eq!(e.text, "Nur Text ohne Markup");
        assert_eq!(e.published.unwrap().to_string(), "2022-11");
        assert_eq!(extract("").text, "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(20_000) + "tief" + &"</div>".repeat(20_000);
        assert_eq!(extract(&page).text, "tief");
    }

    #[test]
    fn charset_sniffing() {
        assert_eq!(
            declared_charset(b"<meta charset=\"ISO-8859-1\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=utf-8'>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(declared_charset(b"<p>kein Hinweis</p>"), None);
    }
}
