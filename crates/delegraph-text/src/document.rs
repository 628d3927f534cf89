//! Documents: decoding bytes (plain text, Markdown, HTML, PDF) into normalized text with a map
//! back to the source, and reading title and publication date.

use crate::date::PartialDate;
use crate::normalize::{OffsetMap, boilerplate, normalize};
use crate::temporal::parse_publication_date;
use crate::{html, pdf};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::ops::Range;

/// Files larger than this are refused unread (HTML and PDF files carry markup, scripts and
/// images besides their text, hence the margin over [`MAX_TEXT_BYTES`]).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Documents whose text (after HTML or PDF extraction) is longer than this are refused: about
/// 700 printed pages, far past any article or council paper, and extraction time grows faster
/// than the text.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Why a document could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextError {
    #[error("empty document")]
    Empty,
    #[error("binary content, not text (NUL byte at offset {0})")]
    Binary(usize),
    #[error("document too large: {size} bytes (limit {limit} bytes)")]
    TooLarge { size: usize, limit: usize },
    #[error("document text too long: {size} bytes (limit {limit} bytes); split it into parts")]
    TextTooLong { size: usize, limit: usize },
    #[error("unsupported input format '{0}' (expected .txt, .md, .html, .htm or .pdf)")]
    UnsupportedFormat(String),
    #[error("cannot read PDF: {0}")]
    Pdf(String),
    #[error("encrypted PDF: it needs a password, which delegraph does not take")]
    EncryptedPdf,
}

/// The input formats delegraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    /// The format for a file extension (case-insensitive), if supported.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// Metadata given beside a document (a sidecar file), overriding what the text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaOverride {
    pub title: Option<String>,
    pub published: Option<PartialDate>,
}

/// A loaded document: its normalized text, plus metadata.
///
/// All spans elsewhere in delegraph are byte offsets into `text`; [`Document::original_offset`]
/// turns them into offsets into the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name, the document's identity in records ("003_c6ed200e299ba93a.txt").
    pub name: String,
    /// Where it was read from, as given.
    pub source: String,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    /// The text extraction reads: the source text (see [`Document::original_offset`]) in NFC,
    /// with plain spaces, without soft hyphens, words split by a line-end hyphen joined again.
    /// Byte-identical to the decoded file when that needs none of this.
    pub text: String,
    /// Hex SHA-256 of the raw bytes.
    pub sha256: String,
    /// Things worth telling the user (encoding guesses).
    pub warnings: Vec<String>,
    /// Byte ranges of `text` that are boilerplate (photo credits, contact blocks, addresses,
    /// share bars, source lists): kept in the text so offsets stay simple, marked here.
    pub boilerplate: Vec<Range<usize>>,
    /// From offsets in `text` back to offsets in the source text.
    pub offsets: OffsetMap,
}

/// Decodes `bytes` (extracting the main text of HTML and PDF), normalizes it and reads title
/// and publication date. Never looks at the filesystem.
pub fn load(name: &str, source: &str, bytes: &[u8], format: Format) -> Result<Document, TextError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let mut warnings = Vec::new();
    let (source_text, declared) = match format {
        // Markdown is read as text: its markup does not disturb the rules.
        Format::Text | Format::Markdown => {
            (decode(refuse_binary(bytes)?, None, &mut warnings), None)
        }
        Format::Html => {
            let page = decode(
                refuse_binary(bytes)?,
                html::declared_charset(bytes),
                &mut warnings,
            );
            let e = html::extract(&page);
            (e.text, Some((e.title, e.published)))
        }
        Format::Pdf => (pdf::extract(bytes)?, None),
    };
    if source_text.len() > MAX_TEXT_BYTES {
        return Err(TextError::TextTooLong {
            size: source_text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    let (text, offsets) = match normalize(&source_text) {
        (Cow::Owned(text), map) => (text, map),
        (Cow::Borrowed(_), map) => (source_text, map),
    };
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    let (mut title, mut published) = header(&text);
    if let Some((t, p)) = declared {
        // What the page declares beats what its first lines look like.
        title = t.or(title);
        published = p.or(published);
    }
    Ok(Document {
        name: name.to_string(),
        source: source.to_string(),
        title,
        published,
        sha256: hex(&Sha256::digest(bytes)),
        boilerplate: boilerplate(&text),
        text,
        warnings,
        offsets,
    })
}

/// Text formats must not contain NUL bytes near the start; binary files do.
fn refuse_binary(bytes: &[u8]) -> Result<&[u8], TextError> {
    match bytes.iter().take(64 * 1024).position(|&b| b == 0) {
        Some(pos) => Err(TextError::Binary(pos)),
        None => Ok(bytes),
    }
}

impl Document {
    /// Applies sidecar metadata.
    pub fn with_meta(mut self, meta: MetaOverride) -> Self {
        if meta.title.is_some() {
            self.title = meta.title;
        }
        if meta.published.is_some() {
            self.published = meta.published;
        }
        self
    }

    /// The byte offset in the source text for byte offset `byte` of [`Document::text`].
    ///
    /// The source text is the decoded file for plain text and Markdown, and the extracted text
    /// (before normalization) for HTML and PDF. Monotonic; char boundaries map to char
    /// boundaries; offsets past the end map to the end.
    pub fn original_offset(&self, byte: usize) -> usize {
        self.offsets.original(byte)
    }

    /// Whether the byte range `span` of `text` lies inside boilerplate.
    pub fn in_boilerplate(&self, span: Range<usize>) -> bool {
        self.boilerplate
            .iter()
            .any(|b| b.start <= span.start && span.end <= b.end)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// UTF-8 (with or without BOM), else the charset the file declares (HTML), else
/// Windows-1252, which also covers Latin-1 text.
fn decode(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
    warnings: &mut Vec<String>,
) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let enc = declared
                .filter(|e| *e != encoding_rs::UTF_8)
                .unwrap_or(encoding_rs::WINDOWS_1252);
            warnings.push(format!("not valid UTF-8; decoded as {}", enc.name()));
            let (cow, _) = enc.decode_without_bom_handling(bytes);
            cow.into_owned()
        }
    }
}

/// Title and publication date from the head of the text.
///
/// The title is the first non-empty line when it is short and does not end like a sentence.
/// The publication date is the most precise date found on the header lines (the lines before the
/// first long paragraph).
fn header(text: &str) -> (Option<String>, Option<PartialDate>) {
    let mut title = None;
    let mut published: Option<PartialDate> = None;
    for (n, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(12)
        .enumerate()
    {
        let long = line.chars().count() > 240;
        if let Some(d) = parse_publication_date(line) {
            let better = match published {
                None => true,
                // A more precise date inside the same period wins ("date 2024-05" then "13.05.24").
                Some(p) => p.year == d.year && (p.month.is_none() || p.month == d.month) && d > p,
            };
            if better {
                published = Some(d);
            }
        }
        if n == 0 && !long {
            let t = line
                .strip_prefix("date ")
                .map_or(line, |rest| rest.split_once(' ').map_or("", |(_, t)| t));
            if !t.is_empty() && !t.ends_with(['.', ',', ';']) {
                title = Some(t.to_string());
            }
        }
        if long {
            break;
        }
    }
    (title, published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_and_date_lines() {
        let d = load(
            "a.txt",
            "a.txt",
            "Besuch in Bonn\ndate 2023-03-29\n\nText.".as_bytes(),
            Format::Text,
        )
        .unwrap();
        assert_eq!(d.title.as_deref(), Some("Besuch in Bonn"));
        assert_eq!(d.published.unwrap().to_string(), "2023-03-29");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(
            load("b", "b", b"ab\0cd", Format::Text),
            Err(TextError::Binary(2))
        );
        assert_eq!(
            load("e", "e", b"  \n ", Format::Text),
            Err(TextError::Empty)
        );
    }

    #[test]
    fn decodes_windows_1252() {
        let d = load("w", "w", b"K\xf6ln und D\xfcsseldorf", Format::Text).unwrap();
        assert_eq!(d.text, "Köln und Düsseldorf");
        assert_eq!(d.warnings.len(), 1);
    }
}
