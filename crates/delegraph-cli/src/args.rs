//! Command-line arguments (clap). Kept apart from the logic; `lib.rs` turns them into actions.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// delegraph: who travelled where, with whom, at whose cost, whom they met and what they
/// signed — a knowledge graph from German texts about official trips, partnerships and agreements.
#[derive(Debug, Parser)]
#[command(name = "delegraph", version, about, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract, link and store documents (files or directories, recursively; .txt and .md).
    ///
    /// Documents already in the store stay; a document with the same file name is replaced.
    /// Example: delegraph build seeds/ --store ./delegraph-store
    Build {
        /// Files or directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Run a SPARQL 1.1 query over all documents (the default graph is the union of all
    /// document graphs; the prefixes dg, dgid, rdf, rdfs, owl, xsd, schema, org, prov, foaf,
    /// dcterms, skos, nif, gaf, gn, dbo and time are predeclared).
    ///
    /// Example: delegraph query -f examples/trips.rq
    /// Example: delegraph query 'SELECT ?p ?n WHERE { ?p a dg:Person ; rdfs:label ?n }' --format csv
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
        /// Output: table, json, xml, csv, tsv (SELECT/ASK); turtle, ntriples (CONSTRUCT/DESCRIBE).
        #[arg(long, alias = "results-format", default_value = "table")]
        format: String,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Export the store: turtle (ontology + data in one file, for Protégé), trig and nquads
    /// (per-document graphs), ntriples (union), dot (GraphViz network).
    ///
    /// Example: delegraph export --format turtle -o graph.ttl
    /// Example: delegraph export --format dot | dot -Tsvg > network.svg
    Export {
        #[arg(long, default_value = "turtle")]
        format: String,
        /// Output file (default: standard output).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write one JSON extraction record per document to DIR/<name>.json (no store needed).
    ///
    /// Example: delegraph extract seeds/ --out records/
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output directory, or `-` for JSON Lines on standard output.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
    /// Show documents, quads and instances per class.
    ///
    /// Example: delegraph stats
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Print what the graph states about a node, with the sentences supporting each fact,
    /// grouped by document. NAME-OR-IRI is a label ("Kai Wegner") or an IRI.
    ///
    /// Example: delegraph explain "Kai Wegner"
    Explain {
        name: String,
        #[command(flatten)]
        store: StoreArg,
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
