//! The delegraph command line: all file and terminal I/O lives here; the libraries below do
//! the work (text -> extract -> link -> rdf).

mod args;
mod eval;
mod guard;
mod input;
pub mod progress;
mod remote;
mod serve;
mod views;

pub use args::{Args, Command};

use anyhow::{Context, Result, bail};
use delegraph_model::DocFacts;
use delegraph_model::record::Record;
use delegraph_rdf::{ExportFormat, Graph, QueryOutput, ResultFormat};
use delegraph_store::{StoreDir, write_atomic};
use delegraph_text::Document;
use progress::{Progress, Ui};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;

/// Runs one command.
pub fn run(args: Args) -> Result<()> {
    let ui = Ui {
        quiet: args.quiet,
        verbose: args.verbose,
    };
    match args.command {
        Command::Build {
            paths,
            prune,
            jobs,
            store,
        } => build(&paths, &store.store, &BuildOptions { prune, jobs }, ui),
        Command::Query {
            query: q,
            file,
            format,
            timeout,
            endpoint,
            store,
        } => query(
            q,
            file.as_deref(),
            &format,
            seconds(timeout)?,
            endpoint.as_deref(),
            &store.store,
        ),
        Command::Push {
            endpoint,
            graph_store,
            no_default_graph,
            timeout,
            store,
        } => remote::push(
            &store.store,
            &remote::Push {
                endpoint: &endpoint,
                graph_store: graph_store.as_deref(),
                default_graph: !no_default_graph,
                timeout: seconds(timeout)?,
            },
            ui,
        ),
        Command::Serve {
            bind,
            timeout,
            threads,
            store,
        } => serve::serve(&store.store, &bind, threads, seconds(timeout)?),
        Command::Export {
            format,
            output,
            view,
            store,
        } => export(&format, output.as_deref(), &view, &store.store, ui),
        Command::Extract { paths, out } => extract(&paths, &out, ui),
        Command::Eval {
            gold,
            paths,
            json,
            explain,
            per_doc,
        } => eval::run(
            &gold,
            &paths,
            &eval::EvalOptions {
                json,
                explain,
                per_doc,
            },
            ui,
        ),
        Command::Stats { store } => stats(&store.store),
        Command::Explain { name, store } => explain(&name, &store.store),
        Command::Completions { shell } => {
            let mut cmd = <Args as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "delegraph", &mut std::io::stdout());
            Ok(())
        }
        Command::Man { dir } => man(dir.as_deref()),
    }
}

/// Extracts (in parallel, one document per task) and links documents; the library pipeline of
/// `extract`. The result does not depend on the number of threads. What the extractor has to
/// say about a document (it was too long for some rules) is printed as a warning naming it.
/// Documents whose extraction failed (a bug in a rule) are left out, each reported on stderr.
pub fn pipeline(docs: &[Document]) -> Vec<DocFacts> {
    let (facts, failed) = pipeline_with(docs, &Progress::hidden());
    for e in failed {
        eprintln!("delegraph: error: {e}");
    }
    facts
}

/// Extracts one document; a panic in the extractor becomes an error naming the document.
fn extract_one(d: &Document, progress: &Progress) -> Result<DocFacts, String> {
    let f = guard::guarded(&input::shown(Path::new(&d.source)), || {
        delegraph_extract::extract(d)
    })?;
    warn_diagnostics(&f, progress);
    progress.extracted(&f);
    Ok(f)
}

/// Prints what the extractor says about a document as warnings naming it.
fn warn_diagnostics(f: &DocFacts, progress: &Progress) {
    for diag in &f.diagnostics {
        progress.warn(&format!(
            "delegraph: warning: {}: {}",
            input::shown(Path::new(&f.source)),
            diag.message
        ));
    }
}

/// [`pipeline`], reporting each extracted document; also returns the errors of the documents
/// whose extraction failed.
fn pipeline_with(docs: &[Document], progress: &Progress) -> (Vec<DocFacts>, Vec<String>) {
    let results: Vec<Result<DocFacts, String>> =
        docs.par_iter().map(|d| extract_one(d, progress)).collect();
    progress.finish();
    let (mut facts, mut failed) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(f) => facts.push(f),
            Err(e) => failed.push(e),
        }
    }
    delegraph_link::link(&mut facts);
    (facts, failed)
}

/// All quads of linked documents, as one graph.
pub fn graph_of(facts: &[DocFacts]) -> Result<Graph> {
    Ok(Graph::from_quads(
        facts.iter().flat_map(delegraph_rdf::document_quads),
    )?)
}

/// Reads the documents named by `paths` (see [`input`]: bad files inside directories are
/// skipped with a warning), with a progress bar over the files.
fn read_documents(paths: &[std::path::PathBuf], ui: Ui) -> Result<Vec<Document>> {
    let inputs = input::collect(paths)?;
    let progress = ui.bar(inputs.len(), "reading");
    let mut docs = input::load_all(&inputs, &progress)?;
    progress.finish();
    input::drop_repeated_files(&mut docs);
    if docs.is_empty() {
        bail!(
            "no readable .txt, .md, .html, .htm or .pdf documents found in {}",
            paths
                .iter()
                .map(|p| input::shown(p))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(docs)
}

/// A `--timeout` in seconds: `None` for 0 (no limit).
fn seconds(s: f64) -> Result<Option<std::time::Duration>> {
    if !s.is_finite() || s < 0.0 {
        bail!("--timeout: expected seconds >= 0, got {s}");
    }
    Ok((s > 0.0).then(|| std::time::Duration::from_secs_f64(s)))
}

/// How `build` runs.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Drop stored documents whose file, under one of the given directories, is gone.
    pub prune: bool,
    /// Worker threads for extraction (0: one per core).
    pub jobs: usize,
}

/// Documents of a store build, in the order every stage uses: by name, then content hash.
fn sort_documents(docs: &mut [Document]) {
    docs.sort_by(|a, b| a.name.cmp(&b.name).then(a.sha256.cmp(&b.sha256)));
}

/// Whether a stored document's source lies under one of `paths` (the directories or files a
/// build was given) without having been read now: its file is gone.
fn pruned(source: &str, paths: &[std::path::PathBuf], read: &BTreeSet<String>) -> bool {
    !read.contains(source)
        && paths.iter().any(|p| {
            let src = Path::new(source);
            (src == p.as_path() || src.starts_with(p)) && !src.exists()
        })
}

/// Which stored documents the inputs replace: one read from the same file (the input takes the
/// stored name, so its IRI stays), else one of the same name whose file is gone (it moved).
/// Returns the replaced stored documents and, per input, whether it replaces one.
fn replacements(
    stored: &[delegraph_store::Entry],
    inputs: &mut [Document],
) -> (BTreeSet<usize>, Vec<bool>) {
    use std::collections::HashMap;
    let canon = |s: &str| std::fs::canonicalize(s).ok();
    // Indexes of the stored documents (a store holds tens of thousands): by source as given, by
    // real path, and, for those whose file is gone, by name.
    let mut by_source: HashMap<&str, usize> = HashMap::new();
    let mut by_file: HashMap<std::path::PathBuf, usize> = HashMap::new();
    let mut gone_by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in stored.iter().enumerate() {
        by_source.entry(e.source.as_str()).or_insert(i);
        match canon(&e.source) {
            Some(file) => {
                by_file.entry(file).or_insert(i);
            }
            None => gone_by_name.entry(e.name.as_str()).or_default().push(i),
        }
    }
    let mut replaced = BTreeSet::new();
    let mut matched = vec![false; inputs.len()];
    let mut unmatched = Vec::new();
    for (k, d) in inputs.iter_mut().enumerate() {
        let same = [
            by_source.get(d.source.as_str()).copied(),
            canon(&d.source).and_then(|f| by_file.get(&f).copied()),
        ]
        .into_iter()
        .flatten()
        .find(|i| !replaced.contains(i));
        match same {
            Some(i) => {
                replaced.insert(i);
                matched[k] = true;
                d.name = stored[i].name.clone();
            }
            None => unmatched.push(k),
        }
    }
    for k in unmatched {
        let moved = gone_by_name
            .get(inputs[k].name.as_str())
            .and_then(|v| v.iter().copied().find(|i| !replaced.contains(i)));
        if let Some(i) = moved {
            replaced.insert(i);
            matched[k] = true;
        }
    }
    (replaced, matched)
}

fn build(paths: &[std::path::PathBuf], dir: &Path, opts: &BuildOptions, ui: Ui) -> Result<()> {
    // Read everything first: a bad input stops the build before the store is touched.
    let mut inputs = read_documents(paths, ui)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .context("cannot start worker threads")?;
    let writer = StoreDir::new(dir).open_writer()?;

    // The documents of the new store: the stored ones, replaced by inputs read from the same
    // file (or of the same name, when the stored one's file is gone: it moved).
    let read: BTreeSet<String> = inputs.iter().map(|d| d.source.clone()).collect();
    let stored_entries = &writer.manifest().documents;
    let (replacing, matched) = replacements(stored_entries, &mut inputs);
    let mut dropped = 0;
    let mut kept = Vec::new();
    for (i, e) in stored_entries.iter().enumerate() {
        if replacing.contains(&i) {
            continue;
        }
        if opts.prune && pruned(&e.source, paths, &read) {
            dropped += 1;
        } else {
            kept.push(e);
        }
    }
    let replaced = replacing.len();
    // Every other input gets a name no kept document has.
    let mut taken: BTreeSet<String> = kept.iter().map(|e| input::name_key(&e.name)).collect();
    let mut new = Vec::new();
    let mut matched_inputs = Vec::new();
    for (m, d) in matched.into_iter().zip(inputs) {
        if m {
            matched_inputs.push(d)
        } else {
            new.push(d)
        }
    }
    let mut matched = matched_inputs;
    taken.extend(matched.iter().map(|d| input::name_key(&d.name)));
    for note in input::name_uniquely(&mut new, &mut taken) {
        ui.warn(&note);
    }
    let stored: Vec<Document> = pool.install(|| {
        kept.par_iter()
            .map(|e| writer.stored_document(e))
            .collect::<Result<_, _>>()
    })?;
    let mut docs: Vec<Document> = stored;
    docs.append(&mut matched);
    docs.append(&mut new);
    sort_documents(&mut docs);

    // Extraction: cached facts where this pipeline already read the same content.
    let cached: Vec<Option<DocFacts>> =
        pool.install(|| docs.par_iter().map(|d| writer.cached_facts(d)).collect());
    let progress = ui.bar(cached.iter().filter(|c| c.is_none()).count(), "extracting");
    let fresh: Vec<Option<Result<DocFacts, String>>> = pool.install(|| {
        docs.par_iter()
            .zip(cached.par_iter())
            .map(|(d, c)| c.is_none().then(|| extract_one(d, &progress)))
            .collect()
    });
    progress.finish();
    // A document the extractor failed on stops the build before the store is touched.
    let failed: Vec<&String> = fresh
        .iter()
        .flatten()
        .filter_map(|r| r.as_ref().err())
        .collect();
    if !failed.is_empty() {
        for e in &failed {
            ui.warn(&format!("delegraph: error: {e}"));
        }
        bail!(
            "build stopped: {} document(s) could not be extracted; the store in {} is unchanged",
            failed.len(),
            dir.display()
        );
    }
    let fresh: Vec<Option<DocFacts>> = fresh.into_iter().map(|f| f.and_then(Result::ok)).collect();
    let extracted = fresh.iter().filter(|f| f.is_some()).count();
    let mut linked: Vec<DocFacts> = cached
        .into_iter()
        .zip(&fresh)
        .map(|(c, f)| c.or_else(|| f.clone()).expect("cached or extracted"))
        .collect();
    // Identity across documents is recomputed over all of them; only graphs whose linked facts
    // changed are written.
    delegraph_link::link(&mut linked);
    let new_docs: Vec<delegraph_store::NewDocument> = docs
        .iter()
        .zip(&fresh)
        .zip(&linked)
        .map(|((document, f), l)| delegraph_store::NewDocument {
            document,
            unlinked: f.as_ref(),
            linked: l,
        })
        .collect();
    let plan = writer.plan(&new_docs);
    // Quads are made in parallel a chunk at a time, so memory holds a chunk, not the store.
    let graphs = plan.write.chunks(256).flat_map(|chunk| {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|&i| delegraph_rdf::document_quads(&linked[i]))
                .collect::<Vec<_>>()
        })
    });
    let summary = writer.commit(&plan, &new_docs, graphs)?;
    ui.summary(&format!(
        "{} documents in {} ({} extracted, {} replaced, {} pruned); {} quads; {} document graphs written{}",
        summary.documents,
        dir.display(),
        extracted,
        replaced,
        dropped,
        summary.quads,
        summary.written,
        if summary.fresh {
            " (new store generation)"
        } else {
            ""
        }
    ));
    Ok(())
}

fn open_store(dir: &Path) -> Result<delegraph_store::Reader> {
    Ok(StoreDir::new(dir).open_reader()?)
}

fn query(
    text: Option<String>,
    file: Option<&Path>,
    format: &str,
    timeout: Option<std::time::Duration>,
    endpoint: Option<&str>,
    dir: &Path,
) -> Result<()> {
    let fmt = ResultFormat::parse(format).with_context(|| {
        format!(
            "--format: unknown format '{format}' (table, json, xml, csv, tsv; turtle, ntriples, nquads, trig, rdfxml, jsonld, n3)"
        )
    })?;
    let sparql = match (text, file) {
        (_, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (Some(q), None) if q == "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("cannot read the query from standard input")?;
            s
        }
        (Some(q), None) => q,
        (None, None) => bail!("no query given: pass QUERY, -f FILE or - for standard input"),
    };
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    match endpoint {
        Some(url) => {
            let out = remote::remote_query(url, &sparql, timeout)?;
            delegraph_rdf::write_results(&out, fmt, &mut lock)?;
        }
        // Rows go out as the query yields them.
        None => open_store(dir)?
            .graph
            .query_to_writer(&sparql, fmt, timeout, &mut lock)?,
    }
    lock.flush()?;
    Ok(())
}

fn export(
    format: &str,
    output: Option<&Path>,
    v: &args::ViewArgs,
    dir: &Path,
    ui: Ui,
) -> Result<()> {
    let lower = format.to_ascii_lowercase();
    let is_dot = matches!(
        lower.as_str(),
        "dot" | "gv" | "graphviz" | "text/vnd.graphviz"
    );
    let picture = views::PICTURES.contains(&lower.as_str());
    let rdf = ExportFormat::parse(format);
    if rdf.is_none() && !is_dot && !picture {
        bail!(
            "--format: unknown format '{format}' (turtle, trig, ntriples, nquads; dot, svg, png, pdf)"
        );
    }
    let view_given = v.view.is_some()
        || v.focus.is_some()
        || v.depth.is_some()
        || v.max_nodes.is_some()
        || v.isolated;
    if rdf.is_some() && view_given {
        bail!(
            "--view, --focus, --depth, --max-nodes and --isolated draw a picture: use them with --format dot, svg, png or pdf"
        );
    }
    let store = open_store(dir)?;
    let graph = &store.graph;
    let mut buf: Vec<u8> = Vec::new();
    match rdf {
        Some(fmt) => delegraph_rdf::export(graph, fmt, &mut buf)?,
        None => {
            let opts = delegraph_views::ViewOptions {
                view: views::view_kind(v.view.unwrap_or(args::View::Network)),
                focus: v.focus.clone(),
                depth: v.depth.unwrap_or(2),
                max_nodes: v.max_nodes,
                isolated: v.isolated,
            };
            let layout = views::value_name(v.layout);
            buf = views::draw(
                graph,
                &opts,
                picture.then_some(lower.as_str()),
                &layout,
                ui.quiet,
            )?;
        }
    }
    match output {
        Some(p) => write_atomic(p, &buf)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(&buf)?;
            lock.flush()?;
        }
    }
    Ok(())
}

fn extract(paths: &[std::path::PathBuf], out: &Path, ui: Ui) -> Result<()> {
    let mut docs = read_documents(paths, ui)?;
    for note in input::name_uniquely(&mut docs, &mut BTreeSet::new()) {
        ui.warn(&note);
    }
    let (facts, failed) = pipeline_with(&docs, &ui.bar(docs.len(), "extracting"));
    if out == Path::new("-") {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        for f in &facts {
            serde_json::to_writer(&mut lock, &Record::from_facts(f))?;
            lock.write_all(b"\n")?;
        }
        lock.flush()?;
        return fail_on_extraction_errors(&failed, ui);
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output directory {}", out.display()))?;
    for f in &facts {
        let stem = input::record_stem(&f.document);
        let mut json = serde_json::to_string_pretty(&Record::from_facts(f))?;
        json.push('\n');
        write_atomic(&out.join(format!("{stem}.json")), json.as_bytes())?;
    }
    ui.summary(&format!(
        "{} records written to {}",
        facts.len(),
        out.display()
    ));
    fail_on_extraction_errors(&failed, ui)
}

/// The records of the other documents are written; the run still fails, naming each document
/// the extractor failed on.
fn fail_on_extraction_errors(failed: &[String], ui: Ui) -> Result<()> {
    for e in failed {
        ui.warn(&format!("delegraph: error: {e}"));
    }
    if !failed.is_empty() {
        bail!("{} document(s) could not be extracted", failed.len());
    }
    Ok(())
}

fn stats(dir: &Path) -> Result<()> {
    let store = open_store(dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "store      {}", dir.display())?;
    writeln!(out, "documents  {}", store.manifest.documents.len())?;
    writeln!(out, "quads      {}", store.manifest.quads())?;
    let classes: Vec<(String, usize)> = if store.manifest.classes.is_empty() {
        store.graph.class_counts()? // stores of earlier versions
    } else {
        store.manifest.classes.clone().into_iter().collect()
    };
    for (class, n) in classes {
        writeln!(out, "{:<28} {n}", delegraph_rdf::shorten(&class))?;
    }
    Ok(())
}

fn explain(name: &str, dir: &Path) -> Result<()> {
    let store = open_store(dir)?;
    let graph = &store.graph;
    let lit = name.replace('\\', "\\\\").replace('"', "\\\"");
    let find = if name.starts_with("http://") || name.starts_with("https://") {
        format!(
            "SELECT DISTINCT ?n WHERE {{ BIND(<{}> AS ?n) ?n ?p ?o }}",
            name.replace(['<', '>', ' '], "")
        )
    } else {
        format!(
            "SELECT DISTINCT ?n WHERE {{ {{ ?n rdfs:label ?l }} UNION {{ ?n skos:altLabel ?l }} FILTER(LCASE(STR(?l)) = LCASE(\"{lit}\")) }} ORDER BY ?n"
        )
    };
    let nodes = match graph.query(&find)? {
        QueryOutput::Solutions { rows, .. } => rows
            .into_iter()
            .filter_map(|r| r[0].clone())
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    if nodes.is_empty() {
        bail!("nothing in the store is called '{name}'");
    }
    let mut out = std::io::stdout().lock();
    for n in nodes {
        let iri = match &n {
            oxigraph::model::Term::NamedNode(x) => x.as_str().to_string(),
            _ => continue,
        };
        writeln!(out, "{}", delegraph_rdf::shorten(&iri))?;
        // Facts about the node and facts pointing at it, per document, with supporting
        // sentences: one that mentions both ends of the fact where there is one.
        let q = format!(
            "SELECT ?doc ?s ?p ?o (COALESCE(SAMPLE(?both), SAMPLE(?sent)) AS ?evidence) WHERE {{
               GRAPH ?doc {{ {{ BIND(<{iri}> AS ?s) ?s ?p ?o FILTER(?p NOT IN (gaf:denotedBy, dg:mentionedIn, skos:altLabel, rdf:type, rdfs:label)) }}
                            UNION {{ BIND(<{iri}> AS ?o) ?s ?p ?o FILTER(?p NOT IN (dbo:twinCity)) }}
                            OPTIONAL {{ ?s gaf:denotedBy ?m . ?m dg:sentence ?sent
                                       OPTIONAL {{ ?o gaf:denotedBy ?om . ?om dg:sentence ?osent FILTER(?osent = ?sent) }} }}
                            BIND(IF(BOUND(?osent), ?sent, ?unbound) AS ?both) }}
             }} GROUP BY ?doc ?s ?p ?o ORDER BY ?doc ?s ?p ?o"
        );
        if let QueryOutput::Solutions { rows, .. } = graph.query(&q)? {
            let mut last_doc = String::new();
            for r in rows {
                let cell = |t: &Option<oxigraph::model::Term>| match t {
                    Some(oxigraph::model::Term::NamedNode(x)) => delegraph_rdf::shorten(x.as_str()),
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_string(),
                    Some(t) => t.to_string(),
                    None => String::new(),
                };
                let doc = cell(&r[0]);
                if doc != last_doc {
                    writeln!(out, "  in {doc}")?;
                    last_doc = doc;
                }
                writeln!(out, "    {} {} {}", cell(&r[1]), cell(&r[2]), cell(&r[3]))?;
                if r[4].is_some() {
                    writeln!(out, "      « {} »", cell(&r[4]))?;
                }
            }
        }
    }
    Ok(())
}

/// The man page of delegraph (and, into a directory, one page per command).
fn man(dir: Option<&Path>) -> Result<()> {
    let cmd = <Args as clap::CommandFactory>::command();
    let render = |c: clap::Command, title: &str| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(c).title(title).render(&mut buf)?;
        Ok(buf)
    };
    match dir {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&render(cmd, "delegraph")?)?;
            out.flush()?;
        }
        Some(d) => {
            std::fs::create_dir_all(d)
                .with_context(|| format!("--dir: cannot create {}", d.display()))?;
            write_atomic(&d.join("delegraph.1"), &render(cmd.clone(), "delegraph")?)?;
            for sub in cmd.get_subcommands() {
                let name = format!("delegraph-{}", sub.get_name());
                let page = sub
                    .clone()
                    .bin_name(format!("delegraph {}", sub.get_name()));
                write_atomic(&d.join(format!("{name}.1")), &render(page, &name)?)?;
            }
        }
    }
    Ok(())
}
