//! German number words ("drei", "fünf", "zwölf", "zwanzig").

/// The value of a German cardinal number word, case-insensitive.
pub fn number_word(_word: &str) -> Option<u32> {
    None
}
