//! Command-line arguments (clap). Kept apart from the logic; `lib.rs` turns them into actions.
//! The man page and shell completions are generated from these definitions.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// delegraph: who travelled where, with whom, at whose cost, whom they met and what they
/// signed — a knowledge graph from German texts about official trips, partnerships and agreements.
#[derive(Debug, Parser)]
#[command(
    name = "delegraph",
    version,
    about,
    propagate_version = true,
    after_help = "Examples:
  delegraph build seeds/                       read the five demo articles into ./delegraph-store
  delegraph query -f examples/trips.rq         the latest trips with leader, stops and dates
  delegraph export --format svg -o network.svg draw the network (needs GraphViz)
  delegraph eval --gold gold/ articles/        score extraction against annotated articles"
)]
pub struct Args {
    /// No progress bars or summaries on standard error (warnings and errors still).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print what was found in each document.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract, link and store documents: files or directories (recursively) of .txt, .md,
    /// .html/.htm and .pdf.
    ///
    /// Documents already in the store stay; a document with the same file name is replaced.
    /// Builds are incremental: only new or changed documents are extracted and only document
    /// graphs whose facts changed are rewritten, with the same result as a full rebuild. A bad
    /// input stops the build before anything is written; a build that is interrupted leaves the
    /// store as it was; a second build of the same store at the same time is refused.
    #[command(after_help = "Examples:
  delegraph build seeds/
  delegraph build press-releases/ council-minutes.pdf --store ./city-store
  delegraph build archive/ --prune")]
    Build {
        /// Files or directories to read (.txt, .md, .html, .htm, .pdf).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Drop stored documents whose file, under one of the given directories, is gone.
        #[arg(long)]
        prune: bool,
        /// Worker threads for extraction (default: one per core).
        #[arg(
            short = 'j',
            long = "jobs",
            default_value_t = 0,
            hide_default_value = true
        )]
        jobs: usize,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Run a SPARQL 1.1 query over all documents (the default graph merges all document
    /// graphs; `GRAPH ?doc { … }` says which document stated what; the prefixes dg, dgid, rdf,
    /// rdfs, owl, xsd, schema, org, prov, foaf, dcterms, skos, nif, gaf, gn, dbo and time are
    /// predeclared). SPARQL UPDATE is refused: the store changes only through `build`.
    ///
    /// Results stream as they are computed. The table shortens IRIs with the prefixes and
    /// shows each node's label beside its IRI.
    #[command(after_help = "Examples:
  delegraph query -f examples/trips.rq
  delegraph query 'SELECT ?p ?n WHERE { ?p a dg:Person ; rdfs:label ?n }' --format csv
  delegraph query 'DESCRIBE ?p WHERE { ?p rdfs:label \"Kai Wegner\" }' --format turtle")]
    Query {
        /// The query text, or `-` to read it from standard input.
        query: Option<String>,
        /// Read the query from a file.
        #[arg(
            short = 'f',
            long = "file",
            alias = "query-file",
            conflicts_with = "query"
        )]
        file: Option<PathBuf>,
        /// SELECT/ASK: table, json, xml, csv, tsv. CONSTRUCT/DESCRIBE: turtle, ntriples,
        /// nquads, trig, rdfxml, n3 (table gives turtle).
        #[arg(long, alias = "results-format", default_value = "table")]
        format: String,
        /// Give up after this many seconds (0: never).
        #[arg(long, default_value_t = 300.0, value_name = "SECONDS")]
        timeout: f64,
        /// Ask a SPARQL 1.1 Protocol endpoint instead of the local store (Oxigraph server,
        /// Fuseki, QLever, Virtuoso, GraphDB), e.g. http://127.0.0.1:7878/query.
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Upload the store to a SPARQL server: each document graph with an HTTP PUT (SPARQL 1.1
    /// Graph Store Protocol, so repeating a push changes nothing), the merged default graph,
    /// and the removal of document graphs the store no longer has.
    #[command(after_help = "Examples:
  oxigraph serve --location db --bind 127.0.0.1:7878 &
  delegraph push --endpoint http://127.0.0.1:7878/query
  delegraph push --endpoint http://localhost:3030/ds/sparql --graph-store http://localhost:3030/ds/data")]
    Push {
        /// The server's SPARQL query endpoint (lists the graphs it holds).
        #[arg(long, value_name = "URL")]
        endpoint: String,
        /// The server's Graph Store Protocol endpoint (default: `store` beside the query
        /// endpoint, as Oxigraph server has it).
        #[arg(long, value_name = "URL")]
        graph_store: Option<String>,
        /// Do not upload the merged default graph (for servers configured to use the union of
        /// named graphs as default graph).
        #[arg(long)]
        no_default_graph: bool,
        /// Give up on a request after this many seconds (0: never).
        #[arg(long, default_value_t = 600.0, value_name = "SECONDS")]
        timeout: f64,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Serve the store as a read-only SPARQL 1.1 Protocol endpoint at http://BIND/query.
    ///
    /// Each request reads the newest complete store, so `build` can run meanwhile.
    #[command(after_help = "Examples:
  delegraph serve --bind 127.0.0.1:7878
  delegraph query --endpoint http://127.0.0.1:7878/query -f examples/trips.rq")]
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
        bind: String,
        /// Give up on a query after this many seconds (0: never).
        #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
        timeout: f64,
        /// Requests answered at once.
        #[arg(long, default_value_t = 4)]
        threads: usize,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Export the store: turtle (ontology + data in one file, for Protégé), trig and nquads
    /// (per-document graphs), ntriples (union); dot (GraphViz text) or svg, png, pdf (drawn
    /// by GraphViz) of a network view.
    ///
    /// Views: network (officials, places, organizations, trips, agreements), trips (each
    /// trip's route in order with its dates), partnerships (the twin-town network, founding
    /// years on the edges), agreements (parties and signatories), people (offices, parties,
    /// who travelled with, met and signed with whom). Nodes without an edge in the view are
    /// left out unless --isolated.
    #[command(after_help = "Examples:
  delegraph export --format turtle -o graph.ttl
  delegraph export --format svg --view partnerships -o twins.svg
  delegraph export --format dot --focus \"Kai Wegner\" --depth 2 | dot -Tpng > wegner.png
  delegraph export --format svg --view trips --max-nodes 60 -o trips.svg")]
    Export {
        /// turtle, trig, nquads, ntriples, dot, svg, png, pdf.
        #[arg(long, default_value = "turtle")]
        format: String,
        /// Output file (default: standard output).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write one JSON extraction record per document to DIR/<name>.json (no store needed).
    /// Reads .txt, .md, .html/.htm and .pdf files or directories of them.
    #[command(after_help = "Examples:
  delegraph extract seeds/ --out records/
  delegraph extract article.html --out - | jq .trips")]
    Extract {
        /// Files or directories to read (.txt, .md, .html, .htm, .pdf).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output directory, or `-` for JSON Lines on standard output.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
    /// Score extraction against gold records: precision, recall and F1 per entity type and
    /// fact slot, and cross-document linking.
    ///
    /// Gold records are in the extraction record format (see README, "Formats"), one *.json
    /// per document in --gold DIR (or one JSON Lines file). PATHS are system records (*.json
    /// files, *.jsonl, or directories of them, as `delegraph extract` writes them) or documents
    /// (.txt, .md, .html/.htm, .pdf, or directories of them), which are extracted and linked
    /// first. Records are matched by their "document" file name. The figures are those of the
    /// project's referee, tools/score.py.
    #[command(after_help = "Examples:
  delegraph eval --gold annotated/gold annotated/articles/
  delegraph extract articles/ --out records/ && delegraph eval --gold gold/ records/ --explain")]
    Eval {
        /// Directory of gold records (*.json), or a JSON Lines file.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// System records or documents to score.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        /// List every false positive and false negative, per document.
        #[arg(long)]
        explain: bool,
        /// Also print entity and fact F1 per document.
        #[arg(long)]
        per_doc: bool,
    },
    /// Show documents, quads and instances per class.
    #[command(after_help = "Example:
  delegraph stats --store ./city-store")]
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Print what the graph states about a node, with the sentences supporting each fact,
    /// grouped by document. NAME-OR-IRI is a label ("Kai Wegner") or an IRI.
    #[command(after_help = "Examples:
  delegraph explain \"Kai Wegner\"
  delegraph explain https://w3id.org/delegraph/id/place/berlin-2950159")]
    Explain {
        name: String,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Print a shell completion script.
    #[command(after_help = "Examples:
  delegraph completions bash > ~/.local/share/bash-completion/completions/delegraph
  delegraph completions zsh > ~/.zfunc/_delegraph
  delegraph completions fish > ~/.config/fish/completions/delegraph.fish
  delegraph completions powershell >> $PROFILE")]
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a directory.
    #[command(after_help = "Examples:
  delegraph man | man -l -
  delegraph man --dir ~/.local/share/man/man1")]
    Man {
        /// Write delegraph.1 and delegraph-<command>.1 into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The store directory every command that reads or writes the graph takes.
#[derive(Debug, clap::Args)]
pub struct StoreArg {
    /// Store directory (created by `build` if missing).
    #[arg(
        short = 'l',
        long = "store",
        alias = "location",
        default_value = "delegraph-store"
    )]
    pub store: PathBuf,
}

/// Which network view `export --format dot|svg|png|pdf` draws.
#[derive(Debug, clap::Args)]
pub struct ViewArgs {
    /// The view to draw.
    #[arg(long, value_enum)]
    pub view: Option<View>,
    /// Draw only the neighbourhood of this node (a label, an alias or an IRI).
    #[arg(long, value_name = "NAME-OR-IRI")]
    pub focus: Option<String>,
    /// With --focus: how many edges away from it to go [default: 2].
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,
    /// Draw at most N nodes (nearest to the focus, else the most connected); the picture says
    /// when nodes were left out.
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,
    /// Also draw nodes without an edge in the view.
    #[arg(long)]
    pub isolated: bool,
    /// GraphViz layout engine for svg, png, pdf.
    #[arg(long, value_enum, default_value = "dot")]
    pub layout: Layout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum View {
    Network,
    Trips,
    Partnerships,
    Agreements,
    People,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    Dot,
    Neato,
    Fdp,
    Sfdp,
    Circo,
    Twopi,
}
