//! The delegraph command line: all file and terminal I/O lives here; the libraries below do
//! the work (text -> extract -> link -> rdf).

mod args;
mod input;
mod store;

pub use args::{Args, Command};

use anyhow::{Context, Result, bail};
use delegraph_model::DocFacts;
use delegraph_model::record::Record;
use delegraph_rdf::{ExportFormat, Graph, QueryOutput, ResultFormat};
use delegraph_text::Document;
use std::io::{Read, Write};
use std::path::Path;
use store::Store;

/// Runs one command.
pub fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Build { paths, store } => build(&paths, &store.store),
        Command::Query {
            query: q,
            file,
            format,
            store,
        } => query(q, file.as_deref(), &format, &store.store),
        Command::Export {
            format,
            output,
            store,
        } => export(&format, output.as_deref(), &store.store),
        Command::Extract { paths, out } => extract(&paths, &out),
        Command::Stats { store } => stats(&store.store),
        Command::Explain { name, store } => explain(&name, &store.store),
    }
}

/// Extracts and links documents; the library pipeline of `build` and `extract`.
pub fn pipeline(docs: &[Document]) -> Vec<DocFacts> {
    let mut facts: Vec<DocFacts> = docs.iter().map(delegraph_extract::extract).collect();
    delegraph_link::link(&mut facts);
    facts
}

/// All quads of linked documents, as one graph.
pub fn graph_of(facts: &[DocFacts]) -> Result<Graph> {
    Ok(Graph::from_quads(
        facts.iter().flat_map(delegraph_rdf::document_quads),
    )?)
}

fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<Document>> {
    let files = input::collect(paths)?;
    if files.is_empty() {
        bail!(
            "no .txt or .md documents found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    files.iter().map(|p| input::load(p)).collect()
}

fn build(paths: &[std::path::PathBuf], dir: &Path) -> Result<()> {
    let store = Store::new(dir);
    // Read everything first: a bad input stops the build before the store is touched.
    let new_docs = load_all(paths)?;
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
    let facts = pipeline(&docs);
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
    eprintln!(
        "delegraph: {} documents in {} ({} replaced); {} quads; {p} persons, {l} places, {o} organizations, {t} trips (per document)",
        docs.len(),
        dir.display(),
        replaced,
        graph.len()
    );
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
            "--format: unknown format '{format}' (table, json, xml, csv, tsv, turtle, ntriples)"
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
    let out = graph.query(&sparql)?;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    delegraph_rdf::write_results(&out, fmt, &mut lock)?;
    lock.flush()?;
    Ok(())
}

fn export(format: &str, output: Option<&Path>, dir: &Path) -> Result<()> {
    let fmt = ExportFormat::parse(format).with_context(|| {
        format!("--format: unknown format '{format}' (turtle, trig, ntriples, nquads, dot)")
    })?;
    let graph = open_graph(dir)?;
    let mut buf: Vec<u8> = Vec::new();
    delegraph_rdf::export(&graph, fmt, &mut buf)?;
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

fn extract(paths: &[std::path::PathBuf], out: &Path) -> Result<()> {
    let docs = load_all(paths)?;
    let facts = pipeline(&docs);
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
    eprintln!(
        "delegraph: {} records written to {}",
        facts.len(),
        out.display()
    );
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
        // Facts about the node and facts pointing at it, per document, with supporting sentences.
        let q = format!(
            "SELECT ?doc ?s ?p ?o (SAMPLE(?sent) AS ?evidence) WHERE {{
               GRAPH ?doc {{ {{ BIND(<{iri}> AS ?s) ?s ?p ?o FILTER(?p NOT IN (gaf:denotedBy, dg:mentionedIn, skos:altLabel, rdf:type, rdfs:label)) }}
                            UNION {{ BIND(<{iri}> AS ?o) ?s ?p ?o FILTER(?p NOT IN (dbo:twinCity)) }}
                            OPTIONAL {{ ?s gaf:denotedBy ?m . ?m dg:sentence ?sent }} }}
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
