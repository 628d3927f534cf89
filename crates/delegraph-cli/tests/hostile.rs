//! Hostile inputs through the `delegraph` binary: what a newsroom's crawler leaves in a folder.
//!
//! Each bad file in a directory gives one warning naming it and is skipped; the good documents
//! beside it still build. The same file named on the command line is an error (exit 1, one line
//! naming it) and leaves no store. Files with awkward names (a newline, quotes, non-Latin
//! letters) are documents like any other. The two heavy cases (one name repeated 100,000 times,
//! 20,000 persons) are in `hostile_big.rs`, run in release mode by `.ci/run`.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// An invented report, so that the good documents have something to extract.
const GOOD: &str = "Besuch in Lyon\n\n\
    Bürgermeisterin Hanne Ostwaldt reist am 3. Mai 2024 mit einer Delegation nach Lyon. \
    Dort trifft sie den Präsidenten der Handelskammer, Gaspard Vionnet-Lacombe.\n";

/// The warning lines of a run, each checked to be a single line starting as warnings do.
fn warnings(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.starts_with("delegraph: warning: "))
        .map(str::to_string)
        .collect()
}

/// The documents a store holds, by name, from its manifest.
fn stored(store: &Path) -> Vec<String> {
    let m: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(store.join("manifest.json")).expect("a manifest"),
    )
    .expect("JSON manifest");
    m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["name"].as_str().expect("name").to_string())
        .collect()
}

/// A bad file: its name, and what to write there.
struct Bad {
    name: &'static str,
    /// A word the warning or error must contain, besides the file name.
    why: &'static str,
    make: fn(&Path),
}

fn write(p: &Path, bytes: &[u8]) {
    std::fs::write(p, bytes).expect("write fixture");
}

const PDF_ENCRYPTED: &[u8] = include_bytes!("../../delegraph-text/tests/data/encrypted_user.pdf");
const PDF_GOOD: &[u8] = include_bytes!("../../delegraph-text/tests/data/council_minutes.pdf");

fn bad_files() -> Vec<Bad> {
    vec![
        Bad {
            name: "empty.txt",
            why: "empty",
            make: |p| write(p, b""),
        },
        Bad {
            name: "blank.md",
            why: "empty",
            make: |p| write(p, b" \n\t\n  "),
        },
        Bad {
            name: "archive.txt",
            why: "binary",
            make: |p| write(p, b"PK\x03\x04\x14\0\0\0\x08\0binary\0data\xff\xfe"),
        },
        Bad {
            name: "huge-line.txt",
            why: "too large",
            // 50 MB on one line.
            make: |p| {
                let mut line = "Bürgermeisterin Hanne Ostwaldt reist nach Lyon und ".repeat(
                    50 * 1024 * 1024 / "Bürgermeisterin Hanne Ostwaldt reist nach Lyon und ".len(),
                );
                line.push('.');
                write(p, line.as_bytes());
            },
        },
        Bad {
            name: "long-text.txt",
            why: "too long",
            // Under the file limit but past the text limit.
            make: |p| {
                let para = "Die Delegation reiste weiter nach Lyon. ".repeat(50) + "\n\n";
                let n = delegraph_text::MAX_TEXT_BYTES / para.len() + 1;
                write(p, para.repeat(n).as_bytes());
            },
        },
        Bad {
            name: "broken.pdf",
            why: "PDF",
            make: |p| write(p, &PDF_GOOD[..PDF_GOOD.len() / 2]),
        },
        Bad {
            name: "not-a.pdf",
            why: "PDF",
            make: |p| write(p, b"<html>eine Webseite mit falscher Endung</html>"),
        },
        Bad {
            name: "locked.pdf",
            why: "encrypted",
            make: |p| write(p, PDF_ENCRYPTED),
        },
        Bad {
            name: "markup-only.html",
            why: "empty",
            make: |p| {
                write(p, b"<html><head><script>var x = 1;</script></head><body><nav>Menue</nav></body></html>")
            },
        },
    ]
}

/// The awkward but good names, each holding [`GOOD`].
const ODD_NAMES: &[&str] = &[
    "line\nbreak.txt",
    "quote\"s 'and' <angle> & #1 100%.txt",
    "Zoë Ελλάδα 北京 Київ.txt",
    "tab\there.md",
];

#[cfg(unix)]
fn dangling_symlink(p: &Path) {
    std::os::unix::fs::symlink(p.with_file_name("nowhere-to-be-found"), p).expect("symlink");
}

#[test]
fn a_directory_with_bad_files_builds_the_good_ones() {
    let dir = tmp();
    let input = dir.path().join("crawl");
    std::fs::create_dir(&input).unwrap();
    write(&input.join("good.txt"), GOOD.as_bytes());
    for name in ODD_NAMES {
        write(&input.join(name), GOOD.as_bytes());
    }
    // Latin-1 bytes: decoded as Windows-1252 with a warning, and built.
    write(
        &input.join("latin1.txt"),
        b"B\xfcrgermeisterin Hanne Ostwaldt reist nach Lyon.",
    );
    // Nesting 10,000 elements deep holds a document like any other.
    let deep = "<div><section><p><span><b>".repeat(2_000)
        + "Bürgermeisterin Hanne Ostwaldt reist nach Lyon."
        + &"</b></span></p></section></div>".repeat(2_000);
    write(&input.join("deep.html"), deep.as_bytes());
    write(&input.join("minutes.pdf"), PDF_GOOD);
    let bad = bad_files();
    for b in &bad {
        (b.make)(&input.join(b.name));
    }
    let mut unreadable: Vec<(&str, &str)> = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let sub = input.join("sub");
        std::fs::create_dir(&sub).unwrap();
        write(&sub.join("nested good.txt"), GOOD.as_bytes());
        // A loop back up the tree, a link to itself, a link to nowhere.
        std::os::unix::fs::symlink(&input, sub.join("loop")).unwrap();
        std::os::unix::fs::symlink(sub.join("self.txt"), sub.join("self.txt")).unwrap();
        dangling_symlink(&sub.join("gone.txt"));
        unreadable.extend([
            ("loop", "symlink loop"),
            ("self.txt", "self.txt"),
            ("gone.txt", "gone.txt"),
        ]);
        // A named pipe would block a reader forever.
        let fifo = sub.join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            unreadable.push(("pipe.txt", "not a regular file"));
        }
        // Permissions do not stop root, who runs CI: then the file is read like any other.
        let locked = sub.join("no-permission.txt");
        write(&locked, GOOD.as_bytes());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            unreadable.push(("no-permission.txt", "permission"));
        }
    }

    let store = dir.path().join("store");
    let out = run(dir.path(), &["build", s(&input), "--store", s(&store)]);
    let err = stderr(&out);
    assert!(out.status.success(), "the build succeeds:\n{err}");
    let warned = warnings(&out);
    for b in &bad {
        let hits: Vec<&String> = warned.iter().filter(|w| w.contains(b.name)).collect();
        assert_eq!(hits.len(), 1, "one warning for {}:\n{err}", b.name);
        assert!(
            hits[0].to_lowercase().contains(&b.why.to_lowercase()),
            "the warning for {} says '{}':\n{err}",
            b.name,
            b.why
        );
    }
    for (name, why) in &unreadable {
        let hits: Vec<&String> = warned.iter().filter(|w| w.contains(name)).collect();
        assert_eq!(hits.len(), 1, "one warning for {name}:\n{err}");
        assert!(hits[0].contains(why), "the warning for {name}:\n{err}");
    }
    let latin1: Vec<&String> = warned.iter().filter(|w| w.contains("latin1.txt")).collect();
    assert_eq!(latin1.len(), 1, "{err}");
    assert!(latin1[0].contains("UTF-8"), "{err}");
    // Every warning is one line: the newline in a file name is escaped.
    assert!(
        warned.iter().any(|w| w.contains("line\\nbreak.txt")) || !err.contains("line\nbreak"),
        "{err}"
    );
    assert!(
        !err.contains("line\nbreak"),
        "a raw newline in a message:\n{err}"
    );

    let docs = stored(&store);
    let mut expected: Vec<String> = ["good.txt", "latin1.txt", "deep.html", "minutes.pdf"]
        .iter()
        .chain(ODD_NAMES)
        .map(|n| n.to_string())
        .collect();
    expected.push("nested good.txt".to_string());
    for name in &expected {
        assert!(docs.contains(name), "{name:?} is stored: {docs:?}");
    }
    for b in &bad {
        assert!(
            !docs.iter().any(|d| d == b.name),
            "{} is not stored",
            b.name
        );
    }

    // The graph names the odd documents, and the person all of them mention.
    let q = run(
        dir.path(),
        &[
            "query",
            "--store",
            s(&store),
            "--format",
            "tsv",
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?p rdfs:label \"Hanne Ostwaldt\" ; dg:mentionedIn ?d }",
        ],
    );
    let table = String::from_utf8_lossy(&q.stdout).into_owned();
    let n: usize = table
        .lines()
        .nth(1)
        .and_then(|l| l.split('^').next())
        .and_then(|v| v.trim_matches('"').parse().ok())
        .unwrap_or(0);
    assert!(
        n >= expected.len() - 1,
        "Hanne Ostwaldt in most documents, got {n}:\n{table}{}",
        stderr(&q)
    );
}

#[test]
fn a_bad_file_named_on_the_command_line_is_an_error() {
    let dir = tmp();
    let good = dir.path().join("good.txt");
    write(&good, GOOD.as_bytes());
    for b in bad_files() {
        let path = dir.path().join(b.name);
        (b.make)(&path);
        let store = dir.path().join("store");
        let out = run(
            dir.path(),
            &["build", s(&good), s(&path), "--store", s(&store)],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: exit 1\n{err}", b.name);
        assert_eq!(err.trim_end().lines().count(), 1, "one line:\n{err}");
        assert!(err.contains(b.name), "names {}:\n{err}", b.name);
        assert!(!store.exists(), "{}: no store is written", b.name);
        std::fs::remove_file(&path).unwrap();
    }
    #[cfg(unix)]
    {
        let gone = dir.path().join("gone.txt");
        dangling_symlink(&gone);
        let out = run(dir.path(), &["extract", s(&gone), "--out", "-"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("gone.txt"), "{err}");
    }
}

#[test]
fn odd_file_names_work_when_named_too() {
    let dir = tmp();
    let paths: Vec<PathBuf> = ODD_NAMES.iter().map(|n| dir.path().join(n)).collect();
    for p in &paths {
        write(p, GOOD.as_bytes());
    }
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(|p| s(p)));
    args.extend(["--out", "-"]);
    let out = run(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect();
    let names: Vec<&str> = records
        .iter()
        .map(|r| r["document"].as_str().unwrap())
        .collect();
    for n in ODD_NAMES {
        assert!(names.contains(n), "{n:?} in {names:?}");
    }
}

/// A second invented report, so that two files of one name differ in what they say.
const OTHER: &str = "Gäste aus Brünn\n\n\
    Oberbürgermeister Till Marquardsen empfängt am 9. Juni 2024 eine Delegation aus Brünn.\n";

/// Documents the graph holds, by IRI, from a SPARQL query.
fn document_iris(cwd: &Path, store: &Path) -> Vec<String> {
    let out = run(
        cwd,
        &[
            "query",
            "--store",
            s(store),
            "--format",
            "tsv",
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn files_of_one_name_in_different_folders_stay_two_documents() {
    let dir = tmp();
    let crawl = dir.path().join("crawl");
    for (sub, text) in [("2023", GOOD), ("2024", OTHER)] {
        std::fs::create_dir_all(crawl.join(sub)).unwrap();
        write(&crawl.join(sub).join("bericht.txt"), text.as_bytes());
    }
    // One IRI for two extensions ("a.txt" and "a.html") is the same collision.
    write(
        &crawl.join("2024").join("Bericht.html"),
        format!("<html><body><p>{OTHER}</p></body></html>").as_bytes(),
    );
    let store = dir.path().join("store");
    let out = run(dir.path(), &["build", "crawl", "--store", s(&store)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names = stored(&store);
    names.sort();
    assert_eq!(names.len(), 3, "every file is a document: {names:?}");
    let renamed = warnings(&out);
    assert_eq!(
        renamed.len(),
        2,
        "one warning per renamed file: {renamed:?}"
    );
    assert!(
        renamed.iter().all(|w| w.to_lowercase().contains("bericht")),
        "{renamed:?}"
    );
    let graphs = document_iris(dir.path(), &store);
    assert_eq!(graphs.len(), 3, "one graph per document: {graphs:?}");

    // Built again, each file replaces itself: the same names, nothing extracted.
    let again = run(dir.path(), &["build", "crawl", "--store", s(&store)]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("0 extracted"), "{}", stderr(&again));
    let mut names_again = stored(&store);
    names_again.sort();
    assert_eq!(names, names_again);

    // One of them named alone keeps its name in the store and replaces only itself.
    let one = crawl.join("2024").join("bericht.txt");
    let alone = run(dir.path(), &["build", s(&one), "--store", s(&store)]);
    assert!(alone.status.success(), "{}", stderr(&alone));
    let mut names_alone = stored(&store);
    names_alone.sort();
    assert_eq!(names, names_alone);

    // `extract` writes one record file each.
    let recs = dir.path().join("records");
    let out = run(dir.path(), &["extract", "crawl", "--out", s(&recs)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&recs).unwrap().count(), 3);
}

#[test]
fn the_same_file_given_twice_is_one_document() {
    let dir = tmp();
    let a = dir.path().join("a.txt");
    write(&a, GOOD.as_bytes());
    let out = run(dir.path(), &["extract", "a.txt", ".", "--out", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn eval_walks_past_a_symlink_loop_among_records() {
    let dir = tmp();
    write(&dir.path().join("a.txt"), GOOD.as_bytes());
    let recs = dir.path().join("records");
    let out = run(dir.path(), &["extract", "a.txt", "--out", s(&recs)]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::create_dir(recs.join("sub")).unwrap();
    std::os::unix::fs::symlink(&recs, recs.join("sub").join("up")).unwrap();
    let out = run(
        dir.path(),
        &["eval", "--gold", s(&recs), s(&recs), "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let w = warnings(&out);
    assert!(
        w.len() == 1 && w[0].contains("symlink loop"),
        "one warning for the loop: {w:?}"
    );
}
