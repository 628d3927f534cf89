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
                    "{}: unsupported input format '.{ext}' (expected .txt, .md, .html, .htm or .pdf)",
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

/// Sidecar metadata `NAME.meta.json` beside `NAME.txt` (or `.md`, `.html`, `.pdf`):
/// `{"title": …, "published": "YYYY-MM-DD"}`.
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let got: Vec<String> = collect(&[dir.path().to_path_buf()])
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(got, ["a.txt", "b.html", "c.pdf", "d.htm", "e.md"]);
        let err = collect(&[dir.path().join("f.docx")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("expected .txt, .md, .html, .htm or .pdf"),
            "{err}"
        );
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
