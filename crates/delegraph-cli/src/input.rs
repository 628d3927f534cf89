//! Reading input documents from files and directories.
//!
//! A file named on the command line must load, or the command fails. Files found by walking a
//! directory are skipped with one warning each when they cannot be read (binary, empty, too
//! large, unreadable, a symlink loop, a malformed PDF): a crawler's folder with one bad file
//! still builds.

use crate::progress::Progress;
use anyhow::{Context, Result, bail};
use delegraph_text::{Document, Format, MAX_DOCUMENT_BYTES, MetaOverride, PartialDate};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A document file to read, and whether the user named it (then it must load).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub named: bool,
}

/// A path as one line of a message: control characters (a newline in a file name) escaped,
/// so that every warning and error stays one line.
pub fn shown(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.chars().any(char::is_control) {
        return s;
    }
    s.chars()
        .flat_map(|c| match c {
            '\n' => vec!['\\', 'n'],
            '\r' => vec!['\\', 'r'],
            '\t' => vec!['\\', 't'],
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32).chars().collect(),
            c => vec![c],
        })
        .collect()
}

fn warn(path: &Path, why: impl std::fmt::Display) {
    eprintln!("delegraph: warning: {}: {why}; skipped", shown(path));
}

const EXPECTED: &str = "expected .txt, .md, .html, .htm or .pdf";

/// Collects the document files named by `paths`: files as given (their format must be
/// supported), directories walked recursively in sorted order (unsupported files skipped
/// silently, unreadable entries and symlink loops skipped with a warning).
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", shown(p)))?;
        if meta.is_dir() {
            out.extend(
                walk_dir(p, &is_document)?
                    .into_iter()
                    .map(|path| Input { path, named: false }),
            );
        } else {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if Format::from_extension(ext).is_none() {
                bail!(
                    "{}: unsupported input format '.{ext}' ({EXPECTED})",
                    shown(p)
                );
            }
            out.push(Input {
                path: p.clone(),
                named: true,
            });
        }
    }
    Ok(out)
}

fn is_document(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .is_some()
}

/// The files under `dir` that `wanted` picks, recursively, in sorted order; unreadable entries
/// and symlink loops skipped with a warning (for files `wanted` would have picked).
pub fn walk_dir(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut seen = BTreeSet::new();
    if let Ok(c) = dir.canonicalize() {
        seen.insert(c);
    }
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read directory {}", shown(dir)))?;
    let mut out = Vec::new();
    walk(entries, wanted, &mut seen, &mut out);
    Ok(out)
}

/// Walks a directory's entries in sorted order. `seen` holds the real paths of the directories
/// on the way down, so a symlink back up the tree is reported once instead of followed forever.
fn walk(
    entries: std::fs::ReadDir,
    wanted: &dyn Fn(&Path) -> bool,
    seen: &mut BTreeSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) {
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let supported = wanted(&p);
        let meta = match std::fs::metadata(&p) {
            Ok(m) => m,
            // A dangling symlink or a loop of links: only worth a word if it looks like a document.
            Err(e) => {
                if supported {
                    warn(&p, e);
                }
                continue;
            }
        };
        if meta.is_dir() {
            let Ok(real) = p.canonicalize() else {
                warn(&p, "cannot resolve directory");
                continue;
            };
            if seen.contains(&real) {
                warn(&p, "symlink loop (directory already on the path)");
                continue;
            }
            match std::fs::read_dir(&p) {
                Ok(entries) => {
                    seen.insert(real.clone());
                    walk(entries, wanted, seen, out);
                    seen.remove(&real);
                }
                Err(e) => warn(&p, format!("cannot read directory: {e}")),
            }
        } else if supported {
            out.push(p);
        }
    }
}

/// Reads the documents of `inputs`: a named file that cannot be loaded is an error; a file
/// found in a directory is skipped with a warning.
pub fn load_all(inputs: &[Input], progress: &Progress) -> Result<Vec<Document>> {
    let mut docs = Vec::with_capacity(inputs.len());
    for input in inputs {
        match load(&input.path) {
            Ok(d) => {
                for w in &d.warnings {
                    progress.warn(&format!("delegraph: warning: {}: {w}", shown(&input.path)));
                }
                docs.push(d);
            }
            // The error names the file already.
            Err(e) if !input.named => {
                progress.warn(&format!("delegraph: warning: {e:#}; skipped"));
            }
            Err(e) => return Err(e),
        }
        progress.step(&input.path.display().to_string());
    }
    Ok(docs)
}

/// The same file reached twice (named and inside a named directory, or through a link) is one
/// document: the first reading is kept.
pub fn drop_repeated_files(docs: &mut Vec<Document>) {
    let mut seen = BTreeSet::new();
    docs.retain(|d| {
        seen.insert(std::fs::canonicalize(&d.source).unwrap_or_else(|_| d.source.clone().into()))
    });
}

/// What two documents must not share: the IRI their name mints, which is also their graph and,
/// as its stem, the file of their record. `a.txt` and `a.html`, or `Bericht.txt` and
/// `bericht.txt`, share it as much as two `bericht.txt` in different folders.
pub fn name_key(name: &str) -> String {
    delegraph_link::document_iri(name)
}

/// Gives every document a name no other document has. A document's name is its file name;
/// when that is taken (by a document in `taken` or an earlier one of `docs`), the document is
/// named by its path, with as many parent folders as make it unique ("2024/bericht.txt"), else
/// by a number ("bericht-2.txt"). Without this, the later of two files of one name silently
/// replaced the earlier. Returns one warning per renamed document.
pub fn name_uniquely(docs: &mut [Document], taken: &mut BTreeSet<String>) -> Vec<String> {
    let mut notes = Vec::new();
    for d in docs.iter_mut() {
        if taken.insert(name_key(&d.name)) {
            continue;
        }
        let new = qualified_names(&d.source, &d.name)
            .find(|n| !taken.contains(&name_key(n)))
            .expect("numbered names never run out");
        taken.insert(name_key(&new));
        notes.push(format!(
            "delegraph: warning: {}: another document is named '{}'; this one is named '{}'",
            shown(Path::new(&d.source)),
            d.name,
            new
        ));
        d.name = new;
    }
    notes
}

/// Candidate names for a document whose file name is taken: the name under one, two, …
/// of its parent folders, then the name numbered from 2.
fn qualified_names(source: &str, name: &str) -> impl Iterator<Item = String> {
    let folders: Vec<String> = Path::new(source)
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let under: Vec<String> = (1..=folders.len())
        .map(|k| format!("{}/{name}", folders[folders.len() - k..].join("/")))
        .collect();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let (stem, ext) = (stem.to_string(), ext.to_string());
    under.into_iter().chain((2..).map(move |i| {
        if ext.is_empty() {
            format!("{stem}-{i}")
        } else {
            format!("{stem}-{i}.{ext}")
        }
    }))
}

/// The file stem of a document's record: its name without the extension, folders joined by
/// '-' ("2024/bericht.txt" -> "2024-bericht").
pub fn record_stem(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let stem = stem.replace(['/', '\\'], "-");
    if stem.is_empty() {
        "document".to_string()
    } else {
        stem
    }
}

/// Sidecar metadata `NAME.meta.json` beside `NAME.txt` (or `.md`, `.html`, `.pdf`):
/// `{"title": …, "published": "YYYY-MM-DD"}`.
fn sidecar(path: &Path) -> Result<MetaOverride> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let side = path.with_file_name(format!("{stem}.meta.json"));
    if !side.exists() {
        return Ok(MetaOverride::default());
    }
    let text =
        std::fs::read_to_string(&side).with_context(|| format!("cannot read {}", shown(&side)))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: invalid JSON", shown(&side)))?;
    let published = match v.get("published").and_then(|p| p.as_str()) {
        Some(s) => Some(PartialDate::parse_iso(s).with_context(|| {
            format!("{}: 'published' is not YYYY[-MM[-DD]]: {s}", shown(&side))
        })?),
        None => None,
    };
    Ok(MetaOverride {
        title: v.get("title").and_then(|t| t.as_str()).map(str::to_string),
        published,
    })
}

/// Reads a file of at most [`MAX_DOCUMENT_BYTES`]: the size is checked before reading, and
/// reading stops past the limit (a file that grows, a device), so memory stays bounded.
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", shown(path)))?;
    if !meta.is_file() {
        // Opening a named pipe would block until someone writes to it; a device is no document.
        bail!("{}: not a regular file", shown(path));
    }
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", shown(path)))?;
    let too_large = |size: u64| {
        anyhow::anyhow!(
            "{}: document too large: {size} bytes (limit {MAX_DOCUMENT_BYTES} bytes)",
            shown(path)
        )
    };
    if meta.len() > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", shown(path)))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Loads one document file; its warnings (an encoding guess) are left to the caller.
pub fn load(path: &Path) -> Result<Document> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext)
        .with_context(|| format!("{}: unsupported input format '.{ext}'", shown(path)))?;
    let bytes = read_bounded(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string());
    let doc = delegraph_text::load(&name, &path.display().to_string(), &bytes, format)
        .with_context(|| shown(path))?;
    Ok(doc.with_meta(sidecar(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: &[Input]) -> Vec<String> {
        inputs
            .iter()
            .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_taken_name_is_qualified_by_folders_then_numbered() {
        let got: Vec<String> = qualified_names("in/2024/mai/bericht.txt", "bericht.txt")
            .take(5)
            .collect();
        assert_eq!(
            got,
            [
                "mai/bericht.txt",
                "2024/mai/bericht.txt",
                "in/2024/mai/bericht.txt",
                "bericht-2.txt",
                "bericht-3.txt"
            ]
        );
        assert_eq!(record_stem("2024/mai/bericht.txt"), "2024-mai-bericht");
        assert_eq!(record_stem("a.b.txt"), "a.b");
        assert_ne!(name_key("a.txt"), name_key("mai/a.txt"));
        assert_eq!(name_key("A.txt"), name_key("a.html"));
    }

    #[test]
    fn collects_every_supported_format() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.html",
            "a.txt",
            "c.pdf",
            "d.htm",
            "e.md",
            "f.docx",
            "a.meta.json",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let got = collect(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(names(&got), ["a.txt", "b.html", "c.pdf", "d.htm", "e.md"]);
        assert!(got.iter().all(|i| !i.named));
        let err = collect(&[dir.path().join("f.docx")])
            .unwrap_err()
            .to_string();
        assert!(err.contains(EXPECTED), "{err}");
        let named = collect(&[dir.path().join("a.txt")]).unwrap();
        assert!(named[0].named);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "x").unwrap();
        // A link back up the tree, and a link to itself.
        std::os::unix::fs::symlink(dir.path(), sub.join("up")).unwrap();
        std::os::unix::fs::symlink(sub.join("self.txt"), sub.join("self.txt")).unwrap();
        let got = collect(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(names(&got), ["a.txt"]);
    }

    #[test]
    fn control_characters_in_paths_are_escaped() {
        assert_eq!(shown(Path::new("a\nb.txt")), "a\\nb.txt");
        assert_eq!(shown(Path::new("Zoë \"x\".txt")), "Zoë \"x\".txt");
    }

    #[test]
    fn loads_html_with_sidecar() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("besuch.html");
        std::fs::write(
            &page,
            "<title>Besuch</title><nav>Menü</nav><article><h1>Besuch aus Lyon</h1>\
             <p>Die Gäste kamen am Montag.</p></article>",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("besuch.meta.json"),
            r#"{"published": "2024-04-02"}"#,
        )
        .unwrap();
        let d = load(&page).unwrap();
        assert_eq!(d.name, "besuch.html");
        assert_eq!(d.text, "Besuch aus Lyon\n\nDie Gäste kamen am Montag.");
        assert_eq!(d.title.as_deref(), Some("Besuch aus Lyon"));
        assert_eq!(d.published.unwrap().to_string(), "2024-04-02");
    }
}
