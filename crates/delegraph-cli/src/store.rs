//! The on-disk store: a directory with the documents' text, a JSON manifest and the quads
//! as canonical N-Quads. Every file is written to a temporary name and renamed into place,
//! so an interrupted or failed command leaves the previous store intact.

use anyhow::{Context, Result, bail};
use delegraph_text::{Document, PartialDate};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const MANIFEST: &str = "manifest.json";
pub const QUADS: &str = "quads.nq";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub format: u32,
    pub documents: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub name: String,
    pub source: String,
    pub sha256: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The decoded text, relative to the store directory.
    pub text: String,
}

pub struct Store {
    pub dir: PathBuf,
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file")
    ));
    let mut f =
        std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    f.sync_all().ok();
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

impl Store {
    pub fn new(dir: &Path) -> Self {
        Store {
            dir: dir.to_path_buf(),
        }
    }

    pub fn exists(&self) -> bool {
        self.dir.join(MANIFEST).is_file()
    }

    /// Fails with a helpful message when there is no store yet.
    pub fn require(&self) -> Result<()> {
        if !self.exists() {
            bail!(
                "no store at {} (run `delegraph build PATHS --store {}` first)",
                self.dir.display(),
                self.dir.display()
            );
        }
        Ok(())
    }

    pub fn manifest(&self) -> Result<Manifest> {
        if !self.exists() {
            return Ok(Manifest {
                format: 1,
                documents: Vec::new(),
            });
        }
        let p = self.dir.join(MANIFEST);
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{}: not a delegraph manifest", p.display()))
    }

    /// The documents kept in the store, as loaded documents.
    pub fn documents(&self) -> Result<Vec<Document>> {
        let m = self.manifest()?;
        let mut out = Vec::new();
        for e in m.documents {
            let p = self.dir.join(&e.text);
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("store is damaged: cannot read {}", p.display()))?;
            out.push(Document {
                name: e.name,
                source: e.source,
                title: e.title,
                published: e.published.as_deref().and_then(PartialDate::parse_iso),
                sha256: e.sha256,
                warnings: Vec::new(),
                // The stored text is already normalized: its own source text.
                boilerplate: delegraph_text::normalize::boilerplate(&text),
                offsets: delegraph_text::OffsetMap::identity(text.len()),
                text,
            });
        }
        Ok(out)
    }

    pub fn quads_text(&self) -> Result<String> {
        let p = self.dir.join(QUADS);
        std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))
    }

    /// Replaces the store's content with `docs` and `nquads`.
    pub fn write(&self, docs: &[Document], nquads: &str) -> Result<()> {
        let texts = self.dir.join("documents");
        std::fs::create_dir_all(&texts)
            .with_context(|| format!("cannot create {}", texts.display()))?;
        let mut entries = Vec::new();
        for d in docs {
            let rel = format!("documents/{}.txt", file_key(&d.name, &d.sha256));
            write_atomic(&self.dir.join(&rel), d.text.as_bytes())?;
            entries.push(Entry {
                name: d.name.clone(),
                source: d.source.clone(),
                sha256: d.sha256.clone(),
                title: d.title.clone(),
                published: d.published.map(|p| p.to_string()),
                text: rel,
            });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name).then(a.sha256.cmp(&b.sha256)));
        write_atomic(&self.dir.join(QUADS), nquads.as_bytes())?;
        let manifest = Manifest {
            format: 1,
            documents: entries,
        };
        let mut json = serde_json::to_string_pretty(&manifest)?;
        json.push('\n');
        write_atomic(&self.dir.join(MANIFEST), json.as_bytes())?;
        // Texts of documents no longer listed are removed last.
        let keep: std::collections::BTreeSet<String> =
            manifest.documents.iter().map(|e| e.text.clone()).collect();
        if let Ok(rd) = std::fs::read_dir(&texts) {
            for e in rd.flatten() {
                let rel = format!("documents/{}", e.file_name().to_string_lossy());
                if !keep.contains(&rel) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }
}

/// A safe file name for a stored document text.
fn file_key(name: &str, sha: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}-{}", clean, &sha[..sha.len().min(12)])
}
