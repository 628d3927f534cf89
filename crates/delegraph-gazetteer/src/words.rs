//! Frequencies of common German words (from wordfreq), to tell names from ordinary words.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

// Asked of most words of every document: a fast hash (the keys are the word list's).
static WORDS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    include_str!("../data/common_words.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w, z.parse().ok()?))
        })
        .collect()
});

static NOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common_nouns.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect()
});

/// Whether a capitalized word is an inflected form of a common German noun ("Termine",
/// "Gespräche"). Some are also surnames ("Müller"); callers weigh that themselves.
pub fn is_common_noun(word: &str) -> bool {
    NOUNS.contains(word)
}

/// The Zipf frequency of a word in German (0.0 when it is rare or unknown), case-insensitive.
pub fn zipf(word: &str) -> f32 {
    let lower = word.to_lowercase();
    WORDS
        .get(lower.as_str())
        .map_or(0.0, |&z| f32::from(z) / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_are_known() {
        assert!(zipf("und") > 6.0);
        assert!(zipf("Termine") > 3.5);
        assert_eq!(zipf("Xyzzyq"), 0.0);
    }

    #[test]
    fn common_nouns() {
        assert!(is_common_noun("Termine"));
        assert!(is_common_noun("Gesprächen") || is_common_noun("Gespräche"));
        assert!(!is_common_noun("Wegner"));
        let words: Vec<&str> = include_str!("../data/common_nouns.txt")
            .lines()
            .skip(1)
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn data_is_sorted_and_unique() {
        let words: Vec<&str> = include_str!("../data/common_words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
    }
}
