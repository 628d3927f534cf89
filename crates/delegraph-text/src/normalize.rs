//! Text normalization that remembers where every byte came from, and boilerplate detection.
//!
//! Extraction rules want one spelling of the text (NFC, plain spaces, no soft hyphens, words that
//! a line break cut in two joined again), while provenance wants offsets into what the source
//! really said. [`normalize`] gives both: the normalized text and an [`OffsetMap`] back to the
//! input. Text that needs no change is returned borrowed with an identity map, so plain UTF-8
//! inputs keep their exact bytes.
//!
//! Boilerplate (photo credits, contact blocks, addresses, share bars, source lists) is only
//! *located* by [`boilerplate`], never cut: cutting would make offsets harder to explain, and the
//! extraction layer can decide what to ignore.

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Maps byte offsets in normalized text back to byte offsets in the text it was made from.
///
/// Stores one anchor per place where the two texts stop running in parallel, so a text that
/// needed few changes has a map of a few entries; an unchanged text has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<Anchor>,
    /// Length of the normalized text; from there on everything maps to `original_len`.
    len: usize,
    original_len: usize,
}

/// From `norm` on (up to the next anchor) the normalized text either copies the original from
/// `orig` on byte for byte, or is a replacement whose every inner offset maps to `orig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    norm: usize,
    orig: usize,
    verbatim: bool,
}

impl OffsetMap {
    /// The map of a text of `len` bytes that normalization left as it was.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            anchors: Vec::new(),
            len,
            original_len: len,
        }
    }

    /// Whether the normalized text is the original text.
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty()
    }

    /// How many places the map records: a measure of its size (0 for an unchanged text).
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// The byte offset in the original text for byte offset `pos` of the normalized text.
    ///
    /// Monotonic, and char boundaries map to char boundaries. Offsets past the end map to the end.
    pub fn original(&self, pos: usize) -> usize {
        if pos >= self.len {
            return self.original_len;
        }
        if self.anchors.is_empty() {
            return pos;
        }
        let i = self.anchors.partition_point(|a| a.norm <= pos);
        // The builder always anchors offset 0, so `i >= 1`.
        let a = self.anchors[i.saturating_sub(1)];
        let mapped = if a.verbatim {
            a.orig + (pos - a.norm)
        } else {
            a.orig
        };
        let limit = self.anchors.get(i).map_or(self.original_len, |n| n.orig);
        mapped.min(limit)
    }

    /// Whether offset `pos` lies in a stretch copied byte for byte.
    fn verbatim_at(&self, pos: usize) -> bool {
        let i = self.anchors.partition_point(|a| a.norm <= pos);
        i == 0 || self.anchors[i - 1].verbatim
    }

    /// The map of two normalizations in a row: `self` maps the final text to the intermediate
    /// one, `inner` the intermediate text to the original.
    fn then(&self, inner: &OffsetMap) -> OffsetMap {
        let mut out: Vec<Anchor> = Vec::with_capacity(self.anchors.len() + inner.anchors.len());
        let mut push = |a: Anchor| match out.last_mut() {
            Some(last) if last.norm == a.norm => *last = a,
            Some(last)
                if a.verbatim && last.verbatim && last.orig + (a.norm - last.norm) == a.orig => {}
            _ => out.push(a),
        };
        for (k, a) in self.anchors.iter().enumerate() {
            let orig = inner.original(a.orig);
            push(Anchor {
                norm: a.norm,
                orig,
                verbatim: a.verbatim && inner.verbatim_at(a.orig),
            });
            if a.verbatim {
                // Where the inner map changes inside this copied stretch, so does the result.
                let mid_end = self
                    .anchors
                    .get(k + 1)
                    .map_or(self.original_len, |n| a.orig + (n.norm - a.norm));
                let from = inner.anchors.partition_point(|ia| ia.norm <= a.orig);
                for ia in inner.anchors[from..]
                    .iter()
                    .take_while(|ia| ia.norm < mid_end)
                {
                    push(Anchor {
                        norm: a.norm + (ia.norm - a.orig),
                        orig: ia.orig,
                        verbatim: ia.verbatim,
                    });
                }
            }
        }
        OffsetMap {
            anchors: out,
            len: self.len,
            original_len: inner.original_len,
        }
    }
}

/// Collects the normalized text and its anchors; only called once something changes.
struct Builder<'a> {
    src: &'a str,
    out: String,
    anchors: Vec<Anchor>,
    /// Everything of `src` before this offset has been handled.
    done: usize,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Self {
        Builder {
            src,
            out: String::new(),
            anchors: Vec::new(),
            done: 0,
        }
    }

    fn anchor(&mut self, verbatim: bool) {
        let a = Anchor {
            norm: self.out.len(),
            orig: self.done,
            verbatim,
        };
        if let Some(last) = self.anchors.last_mut() {
            if last.norm == a.norm {
                // The earlier anchor covered nothing (a deletion): the new one decides.
                *last = a;
                return;
            }
            if verbatim && last.verbatim && last.orig + (a.norm - last.norm) == a.orig {
                return;
            }
        }
        self.anchors.push(a);
    }

    /// Copies the original up to `end` unchanged.
    fn copy_to(&mut self, end: usize) {
        if end > self.done {
            self.anchor(true);
            self.out.push_str(&self.src[self.done..end]);
            self.done = end;
        }
    }

    /// Replaces the original from `start` to `end` with `with` (empty: deletes it).
    fn replace(&mut self, start: usize, end: usize, with: &str) {
        if self.anchors.is_empty() {
            // First change: the output will be about as long as the input.
            self.out.reserve(self.src.len());
        }
        self.copy_to(start);
        self.anchor(false);
        self.out.push_str(with);
        self.done = end;
    }

    fn changed(&self) -> bool {
        !self.anchors.is_empty()
    }

    fn finish(mut self) -> (String, OffsetMap) {
        self.copy_to(self.src.len());
        // Anchors the end, so the end of a trailing replacement maps to the end of the original.
        self.anchor(true);
        let len = self.out.len();
        (
            self.out,
            OffsetMap {
                anchors: self.anchors,
                len,
                original_len: self.src.len(),
            },
        )
    }
}

/// Spaces that layout tools and CMSs put in and that rules should see as a plain space.
fn space_like(c: char) -> Option<&'static str> {
    match c {
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(" ")
        }
        '\u{85}' | '\u{2028}' => Some("\n"),
        '\u{2029}' => Some("\n\n"),
        // Invisible: soft hyphen, zero-width space, word joiner, a byte order mark inside the text.
        '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Some(""),
        _ => None,
    }
}

/// ASCII control characters other than tab and line breaks: a form feed (a page break in
/// text converted from PDF) breaks paragraphs, a vertical tab lines; the rest are removed.
/// None of them may reach RDF literals (XML 1.0 cannot carry them).
fn control(byte: u8) -> Option<&'static str> {
    match byte {
        b'\t' | b'\n' | b'\r' => None,
        0x0C => Some("\n\n"),
        0x0B => Some("\n"),
        0x00..=0x1F | 0x7F => Some(""),
        _ => None,
    }
}

/// Whether nothing before `c` can combine with it or be reordered across it under NFC.
fn nfc_stable(c: char) -> bool {
    (c as u32) < 0x300
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Words that follow a truncated compound member rather than continue a hyphenated word
/// ("Landes-\nund Bundesmittel", "Ein-\nbis zweimal").
const NOT_A_WORD_END: &[&str] = &[
    "und",
    "oder",
    "bzw",
    "sowie",
    "bis",
    "noch",
    "als",
    "wie",
    "beziehungsweise",
    "respektive",
];

/// What a hyphen at the end of a line means, given the text before it and the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEndHyphen {
    /// A word split by hyphenation ("Zusammen-" + "arbeit"): join without the hyphen.
    SplitWord,
    /// A truncated compound member ("Wirtschafts-" + "und"): a space follows the hyphen.
    Truncation,
    /// A real hyphen ("Deutsch-" + "Japanische", "EU-" + "weit"): joined as it is.
    Compound,
}

/// Decides what the hyphen between `before` (the line up to the hyphen) and `next` (the next
/// line, from its first character) means; `None` when no letter precedes it.
pub(crate) fn line_end_hyphen(before: &str, next: &str) -> Option<LineEndHyphen> {
    let last = before.chars().next_back()?;
    if !last.is_alphabetic() {
        return None;
    }
    let word_end = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    if NOT_A_WORD_END.contains(&&next[..word_end]) {
        return Some(LineEndHyphen::Truncation);
    }
    // An acronym keeps its hyphen: "EU-\nweit" is "EU-weit".
    let letters = before.chars().rev().take_while(|c| c.is_alphabetic());
    let (mut n, mut upper) = (0, 0);
    for c in letters {
        n += 1;
        upper += usize::from(c.is_uppercase());
    }
    if n >= 2 && upper == n {
        return Some(LineEndHyphen::Compound);
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        Some(LineEndHyphen::SplitWord)
    } else {
        Some(LineEndHyphen::Compound)
    }
}

/// When the hyphen at `pos` (of byte length `len`) splits a word across a line break
/// ("Zusammen-\narbeit", "iden-\n\ntifiziert"), the offset where the word goes on.
fn hyphenation_join(src: &str, pos: usize, len: usize) -> Option<usize> {
    let rest = &src[pos + len..];
    // Cheap exit for the common case: compounds like "SPD-Politikerin".
    if !rest.starts_with([' ', '\t', '\r', '\n']) {
        return None;
    }
    let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    let newlines = rest[..gap].bytes().filter(|&b| b == b'\n').count();
    if newlines == 0 || newlines > 2 {
        return None;
    }
    match line_end_hyphen(&src[..pos], &rest[gap..])? {
        LineEndHyphen::SplitWord => Some(pos + len + gap),
        LineEndHyphen::Truncation | LineEndHyphen::Compound => None,
    }
}

/// Normalizes `src` for extraction: NFC, exotic spaces to plain ones, soft hyphens,
/// zero-width and control characters removed (a form feed becomes a paragraph break), words
/// hyphenated across a line break joined.
///
/// Typographic quotes and dashes stay: the rules know them. Returns the text borrowed (and an
/// identity map) when nothing changes.
pub fn normalize(src: &str) -> (Cow<'_, str>, OffsetMap) {
    let identity = || OffsetMap::identity(src.len());
    // Two passes, so that NFC sees the text without the characters the first pass removes
    // ("e", soft hyphen, combining accent must compose). The second is rare.
    let (cleaned, needs_nfc) = clean(src);
    match (cleaned, needs_nfc) {
        (None, false) => (Cow::Borrowed(src), identity()),
        (Some((text, map)), false) => (Cow::Owned(text), map),
        (None, true) => match compose(src) {
            Some((text, map)) => (Cow::Owned(text), map),
            None => (Cow::Borrowed(src), identity()),
        },
        (Some((text, map)), true) => match compose(&text) {
            Some((composed, outer)) => (Cow::Owned(composed), outer.then(&map)),
            None => (Cow::Owned(text), map),
        },
    }
}

/// First pass: spaces, invisible characters, hyphenated line breaks. Also tells whether the
/// text has characters that NFC may change.
fn clean(src: &str) -> (Option<(String, OffsetMap)>, bool) {
    let bytes = src.as_bytes();
    let mut b = Builder::new(src);
    let mut needs_nfc = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x80 {
            if byte == b'-'
                && let Some(next) = hyphenation_join(src, i, 1)
            {
                b.replace(i, next, "");
                i = next;
            } else {
                if let Some(with) = control(byte) {
                    b.replace(i, i + 1, with);
                }
                i += 1;
            }
            continue;
        }
        let Some(c) = src[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        if c == '\u{AD}' || c == '\u{2010}' {
            // A (soft) hyphen before a line break: the word goes on on the next line.
            if let Some(next) = hyphenation_join(src, i, c.len_utf8()) {
                b.replace(i, next, "");
                i = next;
                continue;
            }
        }
        if let Some(with) = space_like(c) {
            b.replace(i, end, with);
        } else if c <= '\u{9F}' {
            // C1 control characters (Windows-1252's undefined bytes decode to them).
            b.replace(i, end, "");
        } else if !nfc_stable(c) {
            needs_nfc = true;
        }
        i = end;
    }
    (b.changed().then(|| b.finish()), needs_nfc)
}

/// Second pass: NFC, one run at a time from a character nothing combines with to the next.
fn compose(src: &str) -> Option<(String, OffsetMap)> {
    let bytes = src.as_bytes();
    let mut b = Builder::new(src);
    let mut stable_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            stable_from = i;
            i += 1;
            continue;
        }
        let Some(c) = src[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        if nfc_stable(c) {
            stable_from = i;
            i = end;
            continue;
        }
        let start = stable_from.max(b.done);
        let mut stop = end;
        while let Some(d) = src[stop..].chars().next() {
            if nfc_stable(d) {
                break;
            }
            stop += d.len_utf8();
        }
        let run = &src[start..stop];
        let composed: String = run.nfc().collect();
        if composed != run {
            b.replace(start, stop, &composed);
        }
        i = stop;
    }
    b.changed().then(|| b.finish())
}

/// Byte ranges of `text` that are boilerplate rather than news: photo credits, contact blocks,
/// phone and mail lines, postal addresses, share bars, source lists.
///
/// Each range covers whole trimmed lines, except a credit at the end of a caption line
/// ("… bei der Ankunft. Foto: Stadt Waldheim"), which covers the credit alone.
pub fn boilerplate(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut block_lines_left = 0usize;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            block_lines_left = 0;
            continue;
        }
        let start = line_start + (raw.len() - raw.trim_start().len());
        let end = start + trimmed.len();
        let range = if block_lines_left > 0 {
            block_lines_left -= 1;
            Some(start..end)
        } else if starts_block(trimmed) {
            block_lines_left = 12;
            Some(start..end)
        } else if boilerplate_line(trimmed) {
            Some(start..end)
        } else {
            trailing_credit(trimmed).map(|off| start + off..end)
        };
        let Some(range) = range else { continue };
        match out.last_mut() {
            // Lines of one block become one range.
            Some(prev)
                if text[prev.end..range.start].trim().is_empty()
                    && text[prev.end..range.start].matches('\n').count() < 2 =>
            {
                prev.end = range.end;
            }
            _ => out.push(range),
        }
    }
    out
}

/// Headings whose following lines (up to a blank line) are contact data or a source list.
fn starts_block(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    let head = lower.split(':').next().unwrap_or("").trim();
    const HEADS: &[&str] = &[
        "kontakt",
        "pressekontakt",
        "medienkontakt",
        "kontakt für medien",
        "kontakt für die presse",
        "ansprechpartner",
        "ansprechpartnerin",
        "ansprechpersonen",
        "quellen",
        "quellenangaben",
    ];
    HEADS.contains(&head) && (lower.len() == head.len() || lower[head.len()..].starts_with(':'))
}

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "linkedin",
    "xing",
    "mastodon",
    "threads",
    "tiktok",
    "whatsapp",
    "telegram",
    "bluesky",
    "pinterest",
    "flickr",
    "rss",
    "teilen",
    "drucken",
    "e-mail",
    "email",
    "mail",
    "tweet",
    "share",
    "link",
    "kopieren",
    "feedback",
];

/// A line that is boilerplate on its own.
fn boilerplate_line(line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Bild:",
        "Bilder:",
        "Foto:",
        "Fotos:",
        "Foto ©",
        "Bild ©",
        "Bildquelle",
        "Bildnachweis",
        "Fotonachweis",
        "Fotograf:",
        "Fotografin:",
        "Quelle:",
        "Quellen:",
        "©",
        "(c) ",
        "(C) ",
        "Copyright",
        "Tel.",
        "Tel:",
        "Telefon:",
        "Telefon ",
        "Fax:",
        "Fax ",
        "Mobil:",
        "E-Mail:",
        "E-Mail ",
        "Email:",
        "Mail:",
        "Internet:",
        "Web:",
        "Homepage:",
        "www.",
        "Folgen Sie uns",
        "Teilen auf",
        "Diesen Artikel teilen",
        "Artikel teilen",
        "Seite teilen",
    ];
    if PREFIXES.iter().any(|p| line.starts_with(p)) {
        return true;
    }
    // A bare link: a source or a "mehr dazu" line.
    if (line.starts_with("http://") || line.starts_with("https://")) && !line.contains(' ') {
        return true;
    }
    if line.len() > 120 {
        return false;
    }
    if line.contains('©') {
        return true;
    }
    // "Facebook | Instagram | YouTube", "Teilen: Facebook X E-Mail".
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '·' | '•' | '/' | ':'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() >= 2 && words.len() <= 12 && words.iter().all(|w| SOCIAL.contains(&w.as_str())) {
        return true;
    }
    postal_address(line)
}

/// "Rathausplatz 1, 53111 Waldheim" or "53111 Waldheim": a 5-digit postcode before a place name, on a
/// short line that is not a sentence.
fn postal_address(line: &str) -> bool {
    if line.ends_with(['.', '!', '?']) || line.split_whitespace().count() > 8 {
        return false;
    }
    let starts = std::iter::once(0).chain(line.match_indices(", ").map(|(i, _)| i + 2));
    starts.into_iter().any(|i| {
        let rest = &line.as_bytes()[i..];
        rest.len() > 6
            && rest[..5].iter().all(u8::is_ascii_digit)
            && rest[5] == b' '
            && line[i + 6..].chars().next().is_some_and(char::is_uppercase)
            && line[i + 6..].split_whitespace().count() <= 3
    })
}

/// Offset of a photo credit that ends a caption line ("… Ankunft. Foto: Stadt Waldheim").
fn trailing_credit(line: &str) -> Option<usize> {
    if line.len() > 400 {
        return None;
    }
    [
        "Foto: ", "Fotos: ", "Bild: ", "Foto: ©", "(Foto: ", "(Bild: ", "| Foto", "Quelle: ",
    ]
    .iter()
    .filter_map(|m| line.rfind(m))
    .min()
    .filter(|&at| line[at..].len() <= 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).0.into_owned()
    }

    /// Every char boundary of the normalized text maps to a char boundary of the original, in order.
    fn check_map(src: &str) {
        let (text, map) = normalize(src);
        let mut prev = 0;
        for (i, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let o = map.original(i);
            assert!(src.is_char_boundary(o), "{i} -> {o} in {src:?}");
            assert!(o >= prev);
            prev = o;
        }
        assert_eq!(map.original(text.len()), src.len());
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let s = "Die Delegation reiste am 3. Mai nach Köln – „ein Erfolg“, sagte sie.\r\nEnde";
        let (t, map) = normalize(s);
        assert!(matches!(t, Cow::Borrowed(_)));
        assert!(map.is_identity());
        assert_eq!(map.original(10), 10);
    }

    #[test]
    fn spaces_and_soft_hyphens() {
        assert_eq!(
            norm("Oberbürger\u{AD}meisterin\u{A0}Meier"),
            "Oberbürgermeisterin Meier"
        );
        assert_eq!(norm("12\u{202F}000 Euro\u{200B}"), "12 000 Euro");
        check_map("Oberbürger\u{AD}meisterin\u{A0}Meier");
        let src = "a\u{AD}b";
        let (t, map) = normalize(src);
        assert_eq!(t, "ab");
        assert_eq!(map.original(1), 3);
    }

    #[test]
    fn control_characters_go() {
        assert_eq!(
            norm("Seite eins.\x0cSeite zwei."),
            "Seite eins.\n\nSeite zwei."
        );
        assert_eq!(norm("a\x0bb\x07c\x00d\x7fe\u{81}f\tg"), "a\nbcdef\tg");
        check_map("a\x0bb\x07c\x00d\x7fe\u{81}f");
    }

    #[test]
    fn nfc_composes() {
        let src = "Mu\u{308}nchen und Ko\u{308}ln";
        assert_eq!(norm(src), "München und Köln");
        check_map(src);
        let (t, map) = normalize(src);
        let k = t.find("Köln").unwrap();
        assert_eq!(&src[map.original(k)..], "Ko\u{308}ln");
    }

    #[test]
    fn hyphenated_line_breaks_join() {
        assert_eq!(
            norm("die Zusammen-\narbeit der Städte"),
            "die Zusammenarbeit der Städte"
        );
        assert_eq!(
            norm("Gemeinsamkeiten iden-\n\ntifiziert."),
            "Gemeinsamkeiten identifiziert."
        );
        assert_eq!(norm("Partner-\r\n  schaft"), "Partnerschaft");
        assert_eq!(norm("Zusam\u{AD}\nmenarbeit"), "Zusammenarbeit");
        let src = "Zusammen-\narbeit";
        let (t, map) = normalize(src);
        assert_eq!(&src[map.original(t.find("arbeit").unwrap())..], "arbeit");
        check_map(src);
    }

    #[test]
    fn real_hyphens_stay() {
        for s in [
            "eine Wirtschafts- und Wissenschaftsdelegation",
            "Wirtschafts-\nund Wissenschaftsdelegation",
            "Landes-\noder Bundesmittel",
            "zehn Start-ups aus Bonn",
            "die Deutsch-Ostländische Gesellschaft",
            "die Deutsch-\nJapanische Gesellschaft",
            "EU-\nweit",
            "2023-\n2024",
            "Liste:\n-\nerster Punkt",
            "Ein-\nbis zweimal",
        ] {
            assert_eq!(norm(s), s);
        }
    }

    #[test]
    fn maps_are_compact() {
        let src = "Köln\u{A0}Bonn ".repeat(10) + &"Text ohne Änderung. ".repeat(1000);
        let (_, map) = normalize(&src);
        assert!(map.anchor_count() <= 21, "{}", map.anchor_count());
        check_map(&src);
    }

    #[test]
    fn odd_inputs_keep_the_map_sound() {
        for s in [
            "\u{301}am Anfang",
            "e\u{301}\u{AD}\u{301}",
            "\u{A0}\u{301}",
            "ᄀ\u{1161}\u{11A8} Hangul",
            "\u{0958}\u{2126}",
            "-\n",
            "a-\n",
            "ab-\nc",
            "\u{2029}",
            "x\u{AD}",
            "e\u{AD}\u{301}x",
            "a\u{A0}o\u{308}\u{AD}\u{308}-\nb\u{2126}",
        ] {
            check_map(s);
            assert!(unicode_normalization::is_nfc(&norm(s)), "{s:?}");
        }
        assert_eq!(norm("e\u{AD}\u{301}"), "é");
        assert_eq!(norm("\u{2126}"), "\u{3A9}");
    }

    fn marked(text: &str) -> Vec<&str> {
        boilerplate(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_credits_and_contacts() {
        let text = "Besuch aus Kyoto\n\nDie Gäste wurden im Rathaus empfangen.\n\
                    Die Gäste beim Empfang. Foto: Stadt Musterstadt\n\
                    © Presseamt Musterstadt\n\n\
                    Kontakt:\nStadt Musterstadt, Presseamt\nMarktplatz 1\n12345 Musterstadt\n\
                    Tel.: 01234 5678\n\n\
                    Facebook | Instagram | YouTube\n";
        assert_eq!(
            marked(text),
            [
                "Foto: Stadt Musterstadt\n© Presseamt Musterstadt",
                "Kontakt:\nStadt Musterstadt, Presseamt\nMarktplatz 1\n12345 Musterstadt\nTel.: 01234 5678",
                "Facebook | Instagram | YouTube",
            ]
        );
    }

    #[test]
    fn news_lines_are_not_boilerplate() {
        let text = "Die Stadt zahlte 12345 Euro für die Reise nach Kyoto.\n\
                    Kontakte zwischen beiden Städten gibt es seit 1990.\n\
                    Er sagte, das Foto sei gestellt.\n\
                    Der Bürgermeister teilte mit, die Delegation reise im Mai.";
        assert!(boilerplate(text).is_empty(), "{:?}", marked(text));
    }

    #[test]
    fn addresses() {
        assert!(postal_address("Rathausplatz 1, 53111 Bonn"));
        assert!(postal_address("53111 Bonn"));
        assert!(!postal_address("Es kamen 53111 Besucher"));
        assert!(!postal_address("Im Jahr 2024 kamen 12000 Gäste."));
    }
}
