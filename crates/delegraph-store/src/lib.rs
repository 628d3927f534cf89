//! delegraph's on-disk store: a directory that survives crashes and concurrent use.
//!
//! ```text
//! STORE/
//!   manifest.json       the commit point: the documents and the generation holding their graphs
//!   graph-<id>/         a generation: oxigraph's RocksDB store with one named graph per document
//!                       and their merge as the default graph; <id> is a hash of its content
//!   documents/*.txt     the documents' normalized text (what provenance offsets point into)
//!   facts/*.json        the extraction cache: each document's facts before linking, keyed by
//!                       its content and the pipeline that extracted it
//!   write.lock          held by the one build that writes the store (advisory file lock)
//!   graph-<id>.lock     held shared by every reader of that generation; a writer deletes an
//!                       old generation only while it holds its lock exclusively
//! ```
//!
//! *Invariants*: a generation that a manifest names is never written again — a build writes a
//! new generation (a fresh bulk load, or a hard-link checkpoint of the current one patched with
//! the documents that changed), closes it, and only then replaces `manifest.json` by an atomic
//! rename. A build killed at any moment therefore leaves the previous manifest and everything it
//! names untouched; what it left half-written is unreferenced and removed by the next writer.
//! Only one writer at a time: a second one fails at once with [`StoreError::Locked`].

mod lock;

use delegraph_model::DocFacts;
use delegraph_rdf::{Graph, RdfError};
use delegraph_text::{Document, OffsetMap, PartialDate};
use oxigraph::model::{NamedNode, Quad};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use lock::WriteLock;

/// The manifest file, the store's commit point.
pub const MANIFEST: &str = "manifest.json";
/// The manifest format this version writes.
pub const FORMAT: u32 = 2;
/// The N-Quads file of format-1 stores (read for migration, removed when rewritten).
const LEGACY_QUADS: &str = "quads.nq";

/// The pipeline (text, model, gazetteer, extraction, linking, RDF mapping) this store code was
/// built with: cached facts and graphs of another pipeline are recomputed.
pub const PIPELINE: &str = env!("DELEGRAPH_PIPELINE");

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("no store at {} (run `delegraph build PATHS --store {}` first)", .0.display(), .0.display())]
    Missing(PathBuf),
    #[error("store {} is being written by another delegraph build ({holder}); try again when it has finished", .dir.display())]
    Locked { dir: PathBuf, holder: String },
    #[error("store is damaged: {}: {reason}", .path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: unsupported store format {found} (this delegraph reads formats 1 and {FORMAT})", .path.display())]
    Format { path: PathBuf, found: u32 },
    #[error(transparent)]
    Rdf(#[from] RdfError),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The store's table of contents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Manifest {
    pub format: u32,
    /// The pipeline that extracted the cached facts and wrote the graphs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pipeline: String,
    /// The generation directory holding the graphs (`graph-<id>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<String>,
    /// Instances per delegraph class in the merged graph (so `stats` reads no graph).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub classes: BTreeMap<String, usize>,
    pub documents: Vec<Entry>,
}

/// One stored document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub name: String,
    pub source: String,
    pub sha256: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The normalized text, relative to the store directory.
    pub text: String,
    /// The cached facts before linking, relative to the store directory.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facts: String,
    /// The document's IRI, also the name of its graph.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub iri: String,
    /// Hash of the document's linked facts: its graph is rewritten only when this changes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
    /// Quads in the document's graph.
    #[serde(default)]
    pub quads: usize,
}

impl Manifest {
    /// Quads in all document graphs.
    pub fn quads(&self) -> usize {
        self.documents.iter().map(|e| e.quads).sum()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

/// The cache key of a document's facts: everything extraction reads, and the pipeline.
fn facts_key(doc: &Document) -> String {
    let mut h = Sha256::new();
    for part in [
        PIPELINE,
        &doc.name,
        &doc.source,
        &doc.sha256,
        doc.title.as_deref().unwrap_or("\u{0}"),
        &doc.published.map(|p| p.to_string()).unwrap_or_default(),
    ] {
        h.update(part.as_bytes());
        h.update([0xff]);
    }
    hex(&h.finalize()[..16])
}

/// The digest of a linked document: what its graph is a function of.
pub fn digest(facts: &DocFacts) -> String {
    let mut h = Sha256::new();
    h.update(PIPELINE.as_bytes());
    h.update(serde_json::to_vec(facts).expect("facts serialize"));
    hex(&h.finalize()[..16])
}

/// Writes `bytes` to `path` atomically and durably: a temporary file in the same directory,
/// synced, renamed into place, and the directory synced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let mut f = File::create(&tmp).map_err(io_err(&tmp))?;
    f.write_all(bytes).map_err(io_err(&tmp))?;
    f.sync_all().map_err(io_err(&tmp))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(io_err(path))?;
    sync_dir(dir);
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file and a rename, without syncing: durable
/// only after [`sync_files`].
fn write_unsynced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(io_err(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io_err(path))
}

/// Makes `files` (written by [`write_unsynced`] below `dir`) and everything else written to the
/// store's filesystem durable: one `syncfs` on Linux, an fsync per file and directory elsewhere.
fn sync_files<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = &'a PathBuf>,
) -> Result<(), StoreError> {
    #[cfg(target_os = "linux")]
    {
        let _ = files;
        let d = File::open(dir).map_err(io_err(dir))?;
        rustix::fs::syncfs(&d).map_err(|e| io_err(dir)(e.into()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let mut dirs = BTreeSet::new();
        for f in files {
            File::open(f)
                .and_then(|h| h.sync_all())
                .map_err(io_err(f))?;
            if let Some(p) = f.parent() {
                dirs.insert(p.to_path_buf());
            }
        }
        for d in dirs {
            sync_dir(&d);
        }
        let _ = dir;
        Ok(())
    }
}

/// Makes a rename in `dir` durable (best effort: not every filesystem syncs directories).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A store directory.
#[derive(Debug, Clone)]
pub struct StoreDir {
    dir: PathBuf,
}

impl StoreDir {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StoreDir { dir: dir.into() }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    pub fn exists(&self) -> bool {
        self.dir.join(MANIFEST).is_file()
    }

    fn read_manifest(&self) -> Result<Manifest, StoreError> {
        let p = self.dir.join(MANIFEST);
        if !p.is_file() {
            return Ok(Manifest {
                format: FORMAT,
                ..Manifest::default()
            });
        }
        let text = std::fs::read_to_string(&p).map_err(io_err(&p))?;
        let m: Manifest = serde_json::from_str(&text).map_err(|e| StoreError::Damaged {
            path: p.clone(),
            reason: format!("not a delegraph manifest ({e})"),
        })?;
        if m.format != 1 && m.format != FORMAT {
            return Err(StoreError::Format {
                path: p,
                found: m.format,
            });
        }
        Ok(m)
    }

    /// Opens the store for reading: the manifest and the generation it names, protected from
    /// removal while the reader lives. Never waits for a build.
    pub fn open_reader(&self) -> Result<Reader, StoreError> {
        if !self.exists() {
            return Err(StoreError::Missing(self.dir.clone()));
        }
        // A build may commit between reading the manifest and locking its generation: then the
        // manifest names another generation, and the reader follows it.
        for _ in 0..20 {
            let manifest = self.read_manifest()?;
            let Some(g) = manifest.graph.clone() else {
                return self.legacy_reader(manifest);
            };
            let guard = lock::GenerationLock::shared(&self.dir, &g);
            let p = self.dir.join(&g);
            if self.read_manifest()?.graph.as_deref() != Some(g.as_str()) {
                continue;
            }
            if !p.is_dir() {
                return Err(StoreError::Damaged {
                    path: p,
                    reason: "the generation the manifest names is missing".into(),
                });
            }
            let graph = Graph::open_read_only(&p).map_err(|e| StoreError::Damaged {
                path: p.clone(),
                reason: e.to_string(),
            })?;
            return Ok(Reader {
                manifest,
                graph,
                _guard: Some(guard),
            });
        }
        Err(StoreError::Damaged {
            path: self.dir.join(MANIFEST),
            reason: "changes faster than it can be read".into(),
        })
    }

    /// A format-1 store: the quads as one N-Quads file, loaded into memory.
    fn legacy_reader(&self, manifest: Manifest) -> Result<Reader, StoreError> {
        let p = self.dir.join(LEGACY_QUADS);
        let graph = match std::fs::read_to_string(&p) {
            Ok(text) => Graph::from_nquads(&text).map_err(|e| StoreError::Damaged {
                path: p.clone(),
                reason: e.to_string(),
            })?,
            Err(_) if manifest.documents.is_empty() => Graph::new()?,
            Err(e) => return Err(io_err(&p)(e)),
        };
        Ok(Reader {
            manifest,
            graph,
            _guard: None,
        })
    }

    /// Takes the store for writing (creating the directory): fails at once with
    /// [`StoreError::Locked`] when another build holds it.
    pub fn open_writer(&self) -> Result<Writer, StoreError> {
        std::fs::create_dir_all(&self.dir).map_err(io_err(&self.dir))?;
        let lock = WriteLock::acquire(&self.dir)?;
        let manifest = self.read_manifest()?;
        let w = Writer {
            store: self.clone(),
            _lock: lock,
            manifest,
        };
        // Leftovers of a build that was killed.
        w.collect_garbage();
        Ok(w)
    }
}

/// An open store for queries.
pub struct Reader {
    pub manifest: Manifest,
    pub graph: Graph,
    _guard: Option<lock::GenerationLock>,
}

/// What a build changes in the graphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Write a new generation from scratch (no usable previous one, or most graphs change).
    pub fresh: bool,
    /// Indices (into the new entries) of the documents whose graphs must be written, in order.
    pub write: Vec<usize>,
    /// Graphs of the previous generation to drop (replaced or gone).
    pub remove: Vec<String>,
    /// The new generation's directory name.
    pub generation: String,
    /// The digest of each document's linked facts ([`digest`]), in document order.
    pub digests: Vec<String>,
}

/// What a build did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub quads: usize,
    /// Document graphs written.
    pub written: usize,
    /// Document graphs dropped from the previous generation.
    pub removed: usize,
    pub fresh: bool,
}

/// A document of a build, as the writer stores it.
pub struct NewDocument<'a> {
    pub document: &'a Document,
    /// Facts before linking, when freshly extracted (cached for the next build).
    pub unlinked: Option<&'a DocFacts>,
    /// Facts after linking: decide the document's graph.
    pub linked: &'a DocFacts,
}

/// The store taken for writing; dropping it releases the lock.
pub struct Writer {
    store: StoreDir,
    _lock: WriteLock,
    manifest: Manifest,
}

impl Writer {
    /// The manifest before this build.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// A stored document, reloaded from its normalized text.
    pub fn stored_document(&self, e: &Entry) -> Result<Document, StoreError> {
        let p = self.path().join(&e.text);
        let text = std::fs::read_to_string(&p).map_err(|err| StoreError::Damaged {
            path: p.clone(),
            reason: err.to_string(),
        })?;
        Ok(Document {
            name: e.name.clone(),
            source: e.source.clone(),
            title: e.title.clone(),
            published: e.published.as_deref().and_then(PartialDate::parse_iso),
            sha256: e.sha256.clone(),
            warnings: Vec::new(),
            // The stored text is already normalized: its own source text.
            boilerplate: delegraph_text::normalize::boilerplate(&text),
            offsets: OffsetMap::identity(text.len()),
            text,
        })
    }

    /// The cached facts (before linking) of `doc`, when this pipeline extracted them.
    pub fn cached_facts(&self, doc: &Document) -> Option<DocFacts> {
        let p = self
            .path()
            .join("facts")
            .join(format!("{}.json", facts_key(doc)));
        let bytes = std::fs::read(p).ok()?;
        let mut f: DocFacts = serde_json::from_slice(&bytes).ok()?;
        f.text = doc.text.clone();
        Some(f)
    }

    /// Decides what a build over `docs` (sorted by name, then content hash) writes.
    pub fn plan(&self, docs: &[NewDocument<'_>]) -> Plan {
        let new: Vec<(String, String)> = docs
            .par_iter()
            .map(|d| (d.linked.iri.clone().unwrap_or_default(), digest(d.linked)))
            .collect();
        let digests = new.iter().map(|(_, d)| d.clone()).collect();
        let generation = generation_id(&new);
        let old_usable = self.manifest.graph.is_some()
            && self.manifest.pipeline == PIPELINE
            && self
                .path()
                .join(self.manifest.graph.as_deref().unwrap_or(""))
                .is_dir();
        let old: BTreeSet<(String, String)> = self
            .manifest
            .documents
            .iter()
            .map(|e| (e.iri.clone(), e.digest.clone()))
            .collect();
        let new_set: BTreeSet<&(String, String)> = new.iter().collect();
        let write: Vec<usize> = (0..new.len())
            .filter(|&i| !old_usable || !old.contains(&new[i]))
            .collect();
        let remove: Vec<String> = if old_usable {
            old.iter()
                .filter(|k| !new_set.contains(k))
                .map(|(iri, _)| iri.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        // Patching pays per changed graph; past a quarter of a large store a fresh load is
        // cheaper.
        let changes = write.len() + remove.len();
        let fresh = !old_usable || changes > (new.len() / 4).max(64);
        let write = if fresh {
            (0..new.len()).collect()
        } else {
            write
        };
        Plan {
            fresh,
            write,
            remove: if fresh { Vec::new() } else { remove },
            generation: format!("graph-{generation}"),
            digests,
        }
    }

    /// Writes the build: the new generation (fresh or patched) from `graphs` (the quads of the
    /// documents `plan.write` names, in that order), the texts and cached facts of `docs`, then
    /// the manifest, atomically; then removes what no manifest names any more.
    pub fn commit(
        self,
        plan: &Plan,
        docs: &[NewDocument<'_>],
        graphs: impl IntoIterator<Item = Vec<Quad>>,
    ) -> Result<Summary, StoreError> {
        let dir = self.path().to_path_buf();
        let unchanged_generation = self.manifest.graph.as_deref() == Some(&plan.generation)
            && self.manifest.pipeline == PIPELINE
            && dir.join(&plan.generation).is_dir();
        // Graph sizes: counted as written, else those of the same graph in the old manifest.
        let mut sizes: Vec<Option<usize>> = vec![None; docs.len()];
        let mut classes = self.manifest.classes.clone();
        if !unchanged_generation {
            let mut order = plan.write.iter();
            let counted = graphs.into_iter().inspect(|quads| {
                if let Some(&i) = order.next() {
                    sizes[i] = Some(quads.len());
                }
            });
            classes = self.write_generation(plan, counted)?;
        }
        let old_sizes: BTreeMap<(&str, &str), usize> = self
            .manifest
            .documents
            .iter()
            .map(|e| ((e.iri.as_str(), e.digest.as_str()), e.quads))
            .collect();
        let mut entries = Vec::with_capacity(docs.len());
        for ((d, size), digest) in docs.iter().zip(sizes).zip(&plan.digests) {
            let doc = d.document;
            let iri = d.linked.iri.clone().unwrap_or_default();
            let digest = digest.clone();
            let quads = size
                .or_else(|| old_sizes.get(&(iri.as_str(), digest.as_str())).copied())
                .unwrap_or(0);
            entries.push(Entry {
                name: doc.name.clone(),
                source: doc.source.clone(),
                sha256: doc.sha256.clone(),
                title: doc.title.clone(),
                published: doc.published.map(|p| p.to_string()),
                text: format!("documents/{}.txt", file_key(&doc.name, &doc.sha256)),
                facts: format!("facts/{}.json", facts_key(doc)),
                iri,
                digest,
                quads,
            });
        }
        // Texts and cached facts: new files only (their names are content keys). They are made
        // durable together, by one sync of the filesystem before the manifest names them: an
        // fsync per file cost more than the whole build. A file a crash tore is named by no
        // manifest, and the next writer removes it before it reads the cache.
        for dir_name in ["documents", "facts"] {
            let p = dir.join(dir_name);
            std::fs::create_dir_all(&p).map_err(io_err(&p))?;
        }
        let written: Vec<Vec<PathBuf>> = docs
            .par_iter()
            .zip(&entries)
            .map(|(d, e)| {
                let mut written = Vec::new();
                let text = dir.join(&e.text);
                if !text.is_file() {
                    write_unsynced(&text, d.document.text.as_bytes())?;
                    written.push(text);
                }
                let facts = dir.join(&e.facts);
                if let Some(unlinked) = d.unlinked
                    && !facts.is_file()
                {
                    let mut f = unlinked.clone();
                    f.text.clear();
                    let json = serde_json::to_vec(&f).expect("facts serialize");
                    write_unsynced(&facts, &json)?;
                    written.push(facts);
                }
                Ok(written)
            })
            .collect::<Result<_, StoreError>>()?;
        sync_files(&dir, written.iter().flatten())?;
        let manifest = Manifest {
            format: FORMAT,
            pipeline: PIPELINE.to_string(),
            graph: Some(plan.generation.clone()),
            classes,
            documents: entries,
        };
        let mut json = serde_json::to_string_pretty(&manifest).expect("manifest serializes");
        json.push('\n');
        let manifest_path = dir.join(MANIFEST);
        if std::fs::read_to_string(&manifest_path).ok().as_deref() != Some(json.as_str()) {
            write_atomic(&manifest_path, json.as_bytes())?; // the commit point
        }
        let summary = Summary {
            documents: manifest.documents.len(),
            quads: manifest.quads(),
            written: if unchanged_generation {
                0
            } else {
                plan.write.len()
            },
            removed: if unchanged_generation {
                0
            } else {
                plan.remove.len()
            },
            fresh: plan.fresh && !unchanged_generation,
        };
        let w = Writer { manifest, ..self };
        w.collect_garbage();
        Ok(summary)
    }

    /// Builds `plan.generation` next to the current one (the current one is only read) and
    /// returns its instances per class.
    fn write_generation(
        &self,
        plan: &Plan,
        graphs: impl IntoIterator<Item = Vec<Quad>>,
    ) -> Result<BTreeMap<String, usize>, StoreError> {
        let dir = self.path();
        let target = dir.join(&plan.generation);
        let tmp = dir.join(format!("{}.tmp", plan.generation));
        for p in [&target, &tmp] {
            if p.exists() {
                std::fs::remove_dir_all(p).map_err(io_err(p))?;
            }
        }
        let classes;
        if plan.fresh {
            let g = Graph::open(&tmp)?;
            g.load_documents(graphs)?;
            g.optimize()?;
            classes = g.class_counts()?;
            g.flush()?;
        } else {
            let current = dir.join(self.manifest.graph.as_deref().unwrap_or_default());
            // A checkpoint: hard links to the current generation's immutable files.
            Graph::open_read_only(&current)?.backup(&tmp)?;
            let g = Graph::open(&tmp)?;
            let remove: Vec<NamedNode> = plan
                .remove
                .iter()
                .map(|iri| {
                    NamedNode::new(iri.clone()).map_err(|e| StoreError::Damaged {
                        path: dir.join(MANIFEST),
                        reason: format!("graph IRI {iri}: {e}"),
                    })
                })
                .collect::<Result<_, _>>()?;
            g.replace_documents(&remove, graphs)?;
            classes = g.class_counts()?;
            g.flush()?;
        }
        // Closed (the last handle dropped above), then renamed into place.
        std::fs::rename(&tmp, &target).map_err(io_err(&target))?;
        sync_dir(dir);
        Ok(classes.into_iter().collect())
    }

    /// Removes generations, texts and cached facts that the manifest does not name. A generation
    /// goes only while no reader holds it; otherwise a later writer removes it.
    fn collect_garbage(&self) {
        let dir = self.path();
        let keep = self.manifest.graph.as_deref().unwrap_or("");
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let Some(generation) = name
                    .strip_prefix("graph-")
                    .map(|rest| rest.trim_end_matches(".tmp").trim_end_matches(".lock"))
                    .map(|id| format!("graph-{id}"))
                else {
                    continue;
                };
                if generation == keep {
                    continue;
                }
                if name.ends_with(".tmp") {
                    // A generation being built: only a writer makes these, and we are the writer.
                    let _ = std::fs::remove_dir_all(e.path());
                } else if !name.ends_with(".lock")
                    && let Some(_exclusive) = lock::GenerationLock::try_exclusive(dir, &generation)
                {
                    let _ = std::fs::remove_dir_all(e.path());
                    let _ = std::fs::remove_file(dir.join(format!("{generation}.lock")));
                } else if name.ends_with(".lock") && !dir.join(&generation).exists() {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let referenced: BTreeSet<&str> = self
            .manifest
            .documents
            .iter()
            .flat_map(|e| [e.text.as_str(), e.facts.as_str()])
            .collect();
        for sub in ["documents", "facts"] {
            if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
                for e in rd.flatten() {
                    let rel = format!("{sub}/{}", e.file_name().to_string_lossy());
                    if !referenced.contains(rel.as_str()) {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
        }
        if self.manifest.graph.is_some() {
            let _ = std::fs::remove_file(dir.join(LEGACY_QUADS));
        }
    }
}

/// The content-addressed name of a generation: same documents, same linked facts, same id.
fn generation_id(docs: &[(String, String)]) -> String {
    let mut h = Sha256::new();
    h.update(PIPELINE.as_bytes());
    for (iri, digest) in docs {
        h.update(iri.as_bytes());
        h.update([0]);
        h.update(digest.as_bytes());
        h.update([0xff]);
    }
    hex(&h.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("delegraph-store-unit")
            .tempdir()
            .expect("temporary directory")
    }

    #[test]
    fn a_second_writer_is_refused_with_the_holders_pid() {
        let dir = tmp();
        let store = StoreDir::new(dir.path().join("s"));
        let first = store.open_writer().unwrap();
        let Err(e) = store.open_writer() else {
            panic!("a second writer got the store")
        };
        assert!(matches!(e, StoreError::Locked { .. }), "{e}");
        let msg = e.to_string();
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "one line: {msg}");
        drop(first);
        assert!(store.open_writer().is_ok(), "the lock ends with its writer");
    }

    #[test]
    fn readers_of_a_missing_store_say_so() {
        let dir = tmp();
        let Err(e) = StoreDir::new(dir.path().join("nowhere")).open_reader() else {
            panic!("a missing store opened")
        };
        assert!(e.to_string().starts_with("no store at "), "{e}");
        assert!(
            !dir.path().join("nowhere").exists(),
            "readers create nothing"
        );
    }

    #[test]
    fn a_writer_removes_what_a_killed_build_left() {
        let dir = tmp();
        let root = dir.path().join("s");
        std::fs::create_dir_all(root.join("graph-0123.tmp")).unwrap();
        std::fs::create_dir_all(root.join("graph-4567")).unwrap();
        std::fs::create_dir_all(root.join("documents")).unwrap();
        std::fs::write(root.join("documents/orphan.txt"), "x").unwrap();
        let w = StoreDir::new(&root).open_writer().unwrap();
        for gone in ["graph-0123.tmp", "graph-4567", "documents/orphan.txt"] {
            assert!(!root.join(gone).exists(), "{gone} is left over");
        }
        drop(w);
    }

    #[test]
    fn old_generations_stay_while_a_reader_holds_them() {
        let dir = tmp();
        let root = dir.path().join("s");
        std::fs::create_dir_all(root.join("graph-old")).unwrap();
        std::fs::create_dir_all(root.join("graph-older")).unwrap();
        let reading = lock::GenerationLock::shared(&root, "graph-old");
        drop(StoreDir::new(&root).open_writer().unwrap());
        assert!(root.join("graph-old").exists(), "removed under a reader");
        assert!(!root.join("graph-older").exists(), "no reader holds it");
        drop(reading);
        drop(StoreDir::new(&root).open_writer().unwrap());
        assert!(!root.join("graph-old").exists());
        assert!(!root.join("graph-old.lock").exists());
    }

    #[test]
    fn write_atomic_leaves_no_temporary_file() {
        let dir = tmp();
        let p = dir.path().join("f.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
