//! The two heavy hostile inputs: a document repeating one name 100,000 times and a document
//! naming 20,000 persons. Each builds beside a good document with one warning naming it (the
//! event rules are skipped for it; its entities are kept), and the store stays small (mentions
//! per node are capped).
//!
//! They take seconds in release mode and minutes in a debug build, so they are ignored by a
//! plain `cargo test`; `.ci/run` runs them with
//! `cargo test --release -p delegraph-cli --test hostile_big -- --ignored`.

mod common;
use common::*;
use std::path::Path;

const GOOD: &str = "Besuch in Lyon\n\n\
    Bürgermeisterin Hanne Ostwaldt reist am 3. Mai 2024 mit einer Delegation nach Lyon.\n";

/// Invented names: syllables put together, so no real person is meant.
fn invented_names(n: usize) -> Vec<String> {
    const FIRST: &[&str] = &[
        "Anna", "Bernd", "Clara", "Dieter", "Elke", "Frank", "Gisela", "Holger", "Ines", "Jens",
    ];
    const SYL: &[&str] = &[
        "ber", "lun", "dor", "kam", "pel", "wes", "tra", "mun", "gel", "hof", "ster", "ring",
    ];
    let mut out = Vec::with_capacity(n);
    let mut k = 0usize;
    while out.len() < n {
        let (a, b, c, d, e) = (k % 10, k / 10 % 12, k / 120 % 12, k / 1440 % 12, k / 17280);
        let mut surname: String = [SYL[b], SYL[c], SYL[d], SYL[e % 12]].concat();
        surname[..1].make_ascii_uppercase();
        out.push(format!("{} {surname}", FIRST[a]));
        k += 1;
    }
    out
}

fn builds_beside_a_good_document(name: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::fs::write(input.join(name), text).unwrap();
    let store = dir.path().join("store");
    let out = run(dir.path(), &["build", s(&input), "--store", s(&store)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("delegraph: warning:"))
        .collect();
    assert_eq!(warnings.len(), 1, "one warning:\n{err}");
    assert!(warnings[0].contains(name), "{err}");
    // The good document's trip is there.
    let q = run(
        dir.path(),
        &[
            "query",
            "--store",
            s(&store),
            "ASK { ?t a dg:DelegationTrip ; dg:leader/rdfs:label \"Hanne Ostwaldt\" }",
            "--format",
            "tsv",
        ],
    );
    assert!(
        String::from_utf8_lossy(&q.stdout).contains("true"),
        "{}",
        String::from_utf8_lossy(&q.stderr)
    );
    // Provenance is capped: one entity's 100,000 mentions do not become 100,000 nodes.
    fn size(p: &Path) -> u64 {
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|rd| rd.flatten().map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    let bytes = size(&store);
    assert!(bytes > 0, "a store was written");
    assert!(bytes < 400 * 1024 * 1024, "the store takes {bytes} bytes");
}

#[test]
#[ignore = "heavy: run in release mode by .ci/run"]
fn one_name_repeated_100_000_times() {
    let text =
        "Besuch\n\n".to_string() + &"Oberbürgermeister Jonas Quellbach ".repeat(100_000) + ".";
    builds_beside_a_good_document("repeated.txt", &text);
}

#[test]
#[ignore = "heavy: run in release mode by .ci/run"]
fn twenty_thousand_persons() {
    let names = invented_names(20_000);
    let mut text = String::from("Teilnehmerliste\n\n");
    for chunk in names.chunks(5) {
        for n in chunk {
            text.push_str(&format!("Stadträtin {n} reiste am 3. Mai nach Lyon. "));
        }
        text.push_str("\n\n");
    }
    builds_beside_a_good_document("persons.txt", &text);
}
