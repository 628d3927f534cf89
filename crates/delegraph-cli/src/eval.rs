//! `delegraph eval`: reads gold records and system records (or documents to extract), scores
//! them with `delegraph-eval` and prints the figures.

use crate::progress::Ui;
use anyhow::{Context, Result, bail};
use delegraph_eval::{Records, add_record};
use delegraph_model::record::Record;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `eval` prints.
pub struct EvalOptions {
    pub json: bool,
    pub explain: bool,
    pub per_doc: bool,
}

pub fn run(gold_dir: &Path, paths: &[PathBuf], opts: &EvalOptions, ui: Ui) -> Result<()> {
    let gold = read_gold(gold_dir)?;
    if gold.is_empty() {
        bail!("--gold {}: no gold records (*.json)", gold_dir.display());
    }
    let system = read_system(paths, ui)?;
    let report = delegraph_eval::score(&gold, &system, opts.explain);
    let mut out = std::io::stdout().lock();
    if opts.json {
        serde_json::to_writer_pretty(&mut out, &report.to_json())?;
        writeln!(out)?;
    } else {
        out.write_all(report.to_table(opts.per_doc).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Gold records: the `*.json` files of a directory (not recursive), or one JSON Lines file.
fn read_gold(path: &Path) -> Result<Records> {
    let mut recs = Records::new();
    let meta = std::fs::metadata(path)
        .with_context(|| format!("--gold: cannot read {}", path.display()))?;
    if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("--gold: cannot read directory {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for f in files {
            read_json(&f, &mut recs)?;
        }
    } else {
        read_jsonl(path, &mut recs)?;
    }
    Ok(recs)
}

/// System records from `.json` files, `.jsonl` files and directories of them; documents
/// (`.txt`, `.md`, `.html`, `.pdf`) among the paths are extracted and linked first.
fn read_system(paths: &[PathBuf], ui: Ui) -> Result<Records> {
    let mut recs = Records::new();
    let mut json_files = Vec::new();
    let mut doc_paths = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
        if meta.is_dir() {
            let records = crate::input::walk_dir(p, &is_record_file)?;
            // A directory of records is read as records; any other directory as documents.
            if records.is_empty() {
                doc_paths.push(p.clone());
            }
            json_files.extend(records);
        } else if is_record_file(p) {
            json_files.push(p.clone());
        } else {
            doc_paths.push(p.clone());
        }
    }
    for f in &json_files {
        if f.extension().is_some_and(|e| e == "jsonl") {
            read_jsonl(f, &mut recs)?;
        } else {
            read_json(f, &mut recs)?;
        }
    }
    if !doc_paths.is_empty() {
        let docs = crate::read_documents(&doc_paths, ui)?;
        let (facts, failed) = crate::pipeline_with(&docs, &ui.bar(docs.len(), "extracting"));
        // A score over fewer documents than asked for would mislead.
        crate::fail_on_extraction_errors(&failed, ui)?;
        for f in facts {
            let v = serde_json::to_value(Record::from_facts(&f))?;
            add_record(&mut recs, v, None).with_context(|| f.document.clone())?;
        }
    }
    Ok(recs)
}

fn is_record_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    (name.ends_with(".json") && !name.ends_with(".meta.json")) || name.ends_with(".jsonl")
}

fn read_json(path: &Path, recs: &mut Records) -> Result<()> {
    let text = read_utf8(path)?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: invalid JSON", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str());
    add_record(recs, v, name).with_context(|| path.display().to_string())
}

fn read_jsonl(path: &Path, recs: &mut Records) -> Result<()> {
    let text = read_utf8(path)?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: invalid JSON", path.display(), n + 1))?;
        add_record(recs, v, None).with_context(|| format!("{}:{}", path.display(), n + 1))?;
    }
    Ok(())
}

/// Reads a UTF-8 text file, naming the file in the error.
fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", path.display()))
}
