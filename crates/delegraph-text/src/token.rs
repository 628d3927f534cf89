//! Tokens with byte spans and word shape, built on Unicode word boundaries (UAX #29).
//!
//! German needs a few merges on top of UAX #29: hyphenated compounds stay one token
//! ("Abgeordnetenhaus-Delegation", "SPD-Politikerin"), a truncated first member keeps its
//! hyphen ("Wirtschafts- und Wissenschaftsdelegation"), and dotted initialisms stay whole
//! ("J.P.", "N.H.", "e.V.").

use unicode_segmentation::UnicodeSegmentation;

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: a half-open byte range into the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Newlines in the whitespace directly before this token.
    pub newlines_before: u8,
    /// Whether any whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The shape of a word, as rules about names need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// "Großbach", "KölnBusiness"
    Capitalized,
    /// "IHK", "BVG", "MIT"
    AllCaps,
    /// "besucht", "rbb24"
    Lower,
    /// anything else: digits, punctuation
    Other,
}

/// The shape of a word.
pub fn shape(word: &str) -> Shape {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        // All caps: at least one more letter, and every further letter upper case.
        let mut rest = chars.peekable();
        if rest.peek().is_some() && rest.all(char::is_uppercase) {
            Shape::AllCaps
        } else {
            Shape::Capitalized
        }
    } else if word.chars().next().is_some_and(|c| c.is_alphabetic()) {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// Cuts `text` into tokens. Never fails; whitespace is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::new();
    let mut newlines: u8 = 0;
    let mut space = false;
    for (start, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            newlines = newlines.saturating_add(piece.matches('\n').count().min(255) as u8);
            space = true;
            continue;
        }
        let kind = if piece.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if piece.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        raw.push(Token {
            start,
            end: start + piece.len(),
            kind,
            newlines_before: newlines,
            space_before: space,
        });
        newlines = 0;
        space = false;
    }
    merge(text, raw)
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

fn merge(text: &str, raw: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut tok = raw[i];
        i += 1;
        if tok.kind == TokenKind::Word || tok.kind == TokenKind::Number {
            // Compounds: word-word(-word…) without spaces.
            while i + 1 < raw.len()
                && is_hyphen(raw[i].text(text))
                && !raw[i].space_before
                && !raw[i + 1].space_before
                && matches!(raw[i + 1].kind, TokenKind::Word | TokenKind::Number)
                && (tok.kind == TokenKind::Word || raw[i + 1].kind == TokenKind::Word)
            {
                tok.end = raw[i + 1].end;
                tok.kind = TokenKind::Word;
                i += 2;
            }
            // Truncated member: "Wirtschafts- und …", "Gesundheits-, Wissenschafts- und …".
            if tok.kind == TokenKind::Word
                && i < raw.len()
                && is_hyphen(raw[i].text(text))
                && !raw[i].space_before
                && (i + 1 >= raw.len() || raw[i + 1].space_before || raw[i + 1].text(text) == ",")
            {
                tok.end = raw[i].end;
                i += 1;
            }
            // Dotted initialisms: UAX #29 gives "J.P" + "."; keep "J.P.", "N.H.", "e.V.".
            let word = tok.text(text);
            if tok.kind == TokenKind::Word
                && word.contains('.')
                && word
                    .split('.')
                    .all(|p| (1..=2).contains(&p.chars().count()))
                && i < raw.len()
                && raw[i].text(text) == "."
                && !raw[i].space_before
            {
                tok.end = raw[i].end;
                i += 1;
            }
        }
        out.push(tok);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn compounds_and_truncations_stay_whole() {
        assert_eq!(
            words("die SPD-Politikerin und eine Wirtschafts- und Wissenschaftsdelegation"),
            [
                "die",
                "SPD-Politikerin",
                "und",
                "eine",
                "Wirtschafts-",
                "und",
                "Wissenschaftsdelegation"
            ]
        );
        assert_eq!(words("Hauts-de-France"), ["Hauts-de-France"]);
    }

    #[test]
    fn initialisms_keep_their_dots() {
        assert_eq!(
            words("die J.K. Harlan Bank in L.A."),
            ["die", "J.K.", "Harlan", "Bank", "in", "L.A."]
        );
        assert_eq!(words("Verein e.V. Bonn"), ["Verein", "e.V.", "Bonn"]);
    }

    #[test]
    fn numbers_with_dots_are_one_token() {
        assert_eq!(
            words("am 13.05.24 für 123.000 Euro"),
            ["am", "13.05.24", "für", "123.000", "Euro"]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Berlin"), Shape::Capitalized);
        assert_eq!(shape("IHK"), Shape::AllCaps);
        assert_eq!(shape("besucht"), Shape::Lower);
        assert_eq!(shape("KölnBusiness"), Shape::Capitalized);
        assert_eq!(shape("2024"), Shape::Other);
    }

    #[test]
    fn spans_point_into_the_text() {
        let s = "Köln – Chongqing: „Memorandum“";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }
}
