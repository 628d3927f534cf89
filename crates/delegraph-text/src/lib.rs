//! The German text layer of delegraph: documents, tokens, sentences, dates and money.
//!
//! Nothing here touches the filesystem: callers hand in bytes (plain text, Markdown, HTML, PDF)
//! and get normalized text with byte spans and a map back to the source text.

pub mod date;
pub mod document;
mod html;
pub mod money;
pub mod normalize;
pub mod numbers;
mod pdf;
pub mod sentence;
pub mod temporal;
pub mod token;

pub use date::PartialDate;
pub use document::{
    Document, Format, MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES, MetaOverride, TextError, load,
};
pub use normalize::{OffsetMap, normalize};
pub use sentence::split_sentences;
pub use token::{Shape, Token, TokenKind, shape, tokenize};

/// Converts a byte offset in `text` into a count of Unicode code points, as RDF provenance
/// (NIF, Web Annotation) counts them.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}
