//! Reading input documents from files and directories.

use anyhow::{Context, Result, bail};
use delegraph_text::{Document, Format, MetaOverride, PartialDate};
use std::path::{Path, PathBuf};

/// Collects the document files named by `paths`: files as given (their format must be
/// supported), directories walked recursively in sorted order (unsupported files skipped).
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut out).with_context(|| format!("cannot read directory {}", p.display()))?;
        } else {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if Format::from_extension(ext).is_none() {
                bail!(
                    "{}: unsupported input format '.{ext}' (expected .txt or .md)",
                    p.display()
                );
            }
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .is_some()
        {
            out.push(p);
        }
    }
    Ok(())
}

/// Sidecar metadata `NAME.meta.json` beside `NAME.txt`: `{"title": …, "published": "YYYY-MM-DD"}`.
fn sidecar(path: &Path) -> Result<MetaOverride> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let side = path.with_file_name(format!("{stem}.meta.json"));
    if !side.exists() {
        return Ok(MetaOverride::default());
    }
    let text = std::fs::read_to_string(&side)
        .with_context(|| format!("cannot read {}", side.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: invalid JSON", side.display()))?;
    let published = match v.get("published").and_then(|p| p.as_str()) {
        Some(s) => Some(PartialDate::parse_iso(s).with_context(|| {
            format!("{}: 'published' is not YYYY[-MM[-DD]]: {s}", side.display())
        })?),
        None => None,
    };
    Ok(MetaOverride {
        title: v.get("title").and_then(|t| t.as_str()).map(str::to_string),
        published,
    })
}

/// Loads one document file.
pub fn load(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext)
        .with_context(|| format!("{}: unsupported input format '.{ext}'", path.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("document")
        .to_string();
    let doc = delegraph_text::load(&name, &path.display().to_string(), &bytes, format)
        .with_context(|| path.display().to_string())?;
    for w in &doc.warnings {
        eprintln!("delegraph: warning: {}: {w}", path.display());
    }
    Ok(doc.with_meta(sidecar(path)?))
}
