//! The delegraph command line: all file and terminal I/O lives here; the libraries below do
//! the work (text -> extract -> link -> rdf).

mod args;
mod eval;
mod input;
pub mod progress;
mod store;
mod views;

pub use args::{Args, Command};

use anyhow::{Context, Result, bail};
use delegraph_model::DocFacts;
use delegraph_model::record::Record;
use delegraph_rdf::{ExportFormat, Graph, QueryOutput, ResultFormat};
use delegraph_text::Document;
use progress::{Progress, Ui};
use std::io::{Read, Write};
use std::path::Path;
use store::Store;

/// Runs one command.
pub fn run(args: Args) -> Result<()> {
    let ui = Ui {
        quiet: args.quiet,
        verbose: args.verbose,
    };
    match args.command {
        Command::Build { paths, store } => build(&paths, &store.store, ui),
        Command::Query {
            query: q,
            file,
            format,
            store,
        } => query(q, file.as_deref(), &format, &store.store),
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

/// Extracts and links documents; the library pipeline of `build` and `extract`.
pub fn pipeline(docs: &[Document]) -> Vec<DocFacts> {
    pipeline_with(docs, &Progress::hidden())
}

/// [`pipeline`], reporting each extracted document.
fn pipeline_with(docs: &[Document], progress: &Progress) -> Vec<DocFacts> {
    let mut facts: Vec<DocFacts> = docs
        .iter()
        .map(|d| {
            let f = delegraph_extract::extract(d);
            progress.extracted(&f);
            f
        })
        .collect();
    progress.finish();
    delegraph_link::link(&mut facts);
    facts
}

/// All quads of linked documents, as one graph.
pub fn graph_of(facts: &[DocFacts]) -> Result<Graph> {
    Ok(Graph::from_quads(
        facts.iter().flat_map(delegraph_rdf::document_quads),
    )?)
}

fn load_all_with(paths: &[std::path::PathBuf], progress: &Progress) -> Result<Vec<Document>> {
    let files = input::collect(paths)?;
    if files.is_empty() {
        bail!(
            "no .txt, .md, .html, .htm or .pdf documents found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let docs = files
        .iter()
        .map(|p| {
            let d = input::load(p);
            progress.step(&p.display().to_string());
            d
        })
        .collect();
    progress.finish();
    docs
}

/// Reads documents with a progress bar (the bar's length is the number of files).
fn read_documents(paths: &[std::path::PathBuf], ui: Ui) -> Result<Vec<Document>> {
    let n = input::collect(paths).map(|f| f.len()).unwrap_or(0);
    load_all_with(paths, &ui.bar(n, "reading"))
}

fn build(paths: &[std::path::PathBuf], dir: &Path, ui: Ui) -> Result<()> {
    let store = Store::new(dir);
    // Read everything first: a bad input stops the build before the store is touched.
    let new_docs = read_documents(paths, ui)?;
    let mut docs = store.documents()?;
    let mut replaced = 0;
    for d in new_docs {
        if let Some(pos) = docs.iter().position(|x| x.name == d.name) {
            docs[pos] = d;
            replaced += 1;
        } else {
            docs.push(d);
        }
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let facts = pipeline_with(&docs, &ui.bar(docs.len(), "extracting"));
    let graph = graph_of(&facts)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create store directory {}", dir.display()))?;
    store.write(&docs, &graph.canonical_nquads())?;
    let (p, l, o, t) = facts.iter().fold((0, 0, 0, 0), |a, f| {
        (
            a.0 + f.persons.len(),
            a.1 + f.places.len(),
            a.2 + f.organizations.len(),
            a.3 + f.trips.len(),
        )
    });
    ui.summary(&format!(
        "{} documents in {} ({} replaced); {} quads; {p} persons, {l} places, {o} organizations, {t} trips (per document)",
        docs.len(),
        dir.display(),
        replaced,
        graph.len()
    ));
    Ok(())
}

fn open_graph(dir: &Path) -> Result<Graph> {
    let store = Store::new(dir);
    store.require()?;
    Graph::from_nquads(&store.quads_text()?)
        .with_context(|| format!("store {} is damaged", dir.display()))
}

fn query(text: Option<String>, file: Option<&Path>, format: &str, dir: &Path) -> Result<()> {
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
    let graph = open_graph(dir)?;
    let stdout = std::io::stdout();
    // Rows go out as the query yields them.
    let mut lock = std::io::BufWriter::new(stdout.lock());
    graph.query_to_writer(&sparql, fmt, &mut lock)?;
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
    let graph = open_graph(dir)?;
    let mut buf: Vec<u8> = Vec::new();
    match rdf {
        Some(fmt) => delegraph_rdf::export(&graph, fmt, &mut buf)?,
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
                &graph,
                &opts,
                picture.then_some(lower.as_str()),
                &layout,
                ui.quiet,
            )?;
        }
    }
    match output {
        Some(p) => store::write_atomic(p, &buf)?,
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
    let docs = read_documents(paths, ui)?;
    let facts = pipeline_with(&docs, &ui.bar(docs.len(), "extracting"));
    if out == Path::new("-") {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        for f in &facts {
            serde_json::to_writer(&mut lock, &Record::from_facts(f))?;
            lock.write_all(b"\n")?;
        }
        lock.flush()?;
        return Ok(());
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output directory {}", out.display()))?;
    for f in &facts {
        let stem = Path::new(&f.document)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("document");
        let mut json = serde_json::to_string_pretty(&Record::from_facts(f))?;
        json.push('\n');
        store::write_atomic(&out.join(format!("{stem}.json")), json.as_bytes())?;
    }
    ui.summary(&format!(
        "{} records written to {}",
        facts.len(),
        out.display()
    ));
    Ok(())
}

fn stats(dir: &Path) -> Result<()> {
    let store = Store::new(dir);
    store.require()?;
    let m = store.manifest()?;
    let graph = open_graph(dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "store      {}", dir.display())?;
    writeln!(out, "documents  {}", m.documents.len())?;
    writeln!(out, "quads      {}", graph.len())?;
    for (class, n) in graph.class_counts()? {
        writeln!(out, "{:<28} {n}", delegraph_rdf::shorten(&class))?;
    }
    Ok(())
}

fn explain(name: &str, dir: &Path) -> Result<()> {
    let graph = open_graph(dir)?;
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
            store::write_atomic(&d.join("delegraph.1"), &render(cmd.clone(), "delegraph")?)?;
            for sub in cmd.get_subcommands() {
                let name = format!("delegraph-{}", sub.get_name());
                let page = sub
                    .clone()
                    .bin_name(format!("delegraph {}", sub.get_name()));
                store::write_atomic(&d.join(format!("{name}.1")), &render(page, &name)?)?;
            }
        }
    }
    Ok(())
}
