//! The cue words of the event rules, read from `data/cues.txt`: each list is named there with
//! what it is for and how its words are matched, so a list grows without a code change.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

// Looked up by name at every rule call: a fast hash (the names are ours, not the input's).
static CUES: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| parse(include_str!("../../data/cues.txt")));

fn parse(src: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut out: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    let mut current: Option<&'static str> = None;
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name);
            out.entry(name).or_default();
        } else if let Some(name) = current {
            out.entry(name).or_default().extend(line.split_whitespace());
        }
    }
    out
}

/// The words of a named list. An unknown name is a programming error (the tests read every
/// name the rules use).
pub(crate) fn cue(name: &str) -> &'static [&'static str] {
    match CUES.get(name) {
        Some(v) => v.as_slice(),
        None => panic!("no cue list [{name}] in data/cues.txt"),
    }
}

/// Whether `w` is one of the words of a list.
pub(crate) fn is(name: &str, w: &str) -> bool {
    cue(name).contains(&w)
}

/// Whether `w` starts with one of the words of a list.
pub(crate) fn starts(name: &str, w: &str) -> bool {
    cue(name).iter().any(|c| w.starts_with(c))
}

/// Whether `w` ends with one of the words of a list (a compound's last part).
pub(crate) fn ends(name: &str, w: &str) -> bool {
    cue(name).iter().any(|c| w.ends_with(c))
}

/// Whether `w` contains one of the words of a list.
pub(crate) fn contains(name: &str, w: &str) -> bool {
    cue(name).iter().any(|c| w.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list the rules name exists and holds lowercase words only.
    #[test]
    fn lists_exist_and_are_lowercase() {
        let src = include_str!("../../data/cues.txt");
        let names: Vec<&str> = src
            .lines()
            .filter_map(|l| l.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')))
            .collect();
        assert!(names.len() >= 20);
        for n in &names {
            for w in cue(n) {
                assert_eq!(*w, w.to_lowercase(), "[{n}] {w}");
            }
        }
        // The names used in the sources are the names of the data file.
        for file in [
            include_str!("mod.rs"),
            include_str!("places.rs"),
            include_str!("people.rs"),
            include_str!("trips.rs"),
            include_str!("stops.rs"),
            include_str!("company.rs"),
            include_str!("dates.rs"),
            include_str!("partnerships.rs"),
            include_str!("agreements.rs"),
        ] {
            for pattern in [
                "cues::cue(\"",
                "cues::is(\"",
                "cues::starts(\"",
                "cues::contains(\"",
                "cues::ends(\"",
            ] {
                for part in file.split(pattern).skip(1) {
                    let name = part.split('"').next().unwrap_or_default();
                    assert!(names.contains(&name), "unknown cue list [{name}]");
                }
            }
        }
    }
}
