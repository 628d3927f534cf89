//! The GraphViz network view: officials, places, organizations and trips.
//!
//! petgraph holds the network; the DOT text is written here (petgraph's `Dot` is a debugging
//! aid: index ids, no clusters). Node ids are IRIs, so output is stable across runs.

use crate::{Graph, QueryOutput, RdfError, shorten};
use oxigraph::model::Term;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone)]
struct Node {
    iri: String,
    label: String,
    kind: &'static str,
    country: Option<String>,
}

fn rows(g: &Graph, q: &str) -> Result<Vec<Vec<Option<Term>>>, RdfError> {
    match g.query(q)? {
        QueryOutput::Solutions { rows, .. } => Ok(rows),
        _ => Ok(Vec::new()),
    }
}

fn s(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn esc(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The network of the whole store as DOT text.
pub fn network_dot(g: &Graph) -> Result<String, RdfError> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let kinds = [
        ("dg:Person", "person"),
        ("dg:Place", "place"),
        ("dg:Organization", "org"),
        ("dg:DelegationTrip", "trip"),
        ("dg:Agreement", "agreement"),
    ];
    for (class, kind) in kinds {
        let q = format!(
            "SELECT ?e (MIN(?l) AS ?label) (MIN(?cc) AS ?country) WHERE {{ ?e a {class} ; rdfs:label ?l OPTIONAL {{ ?e gn:countryCode ?cc }} }} GROUP BY ?e"
        );
        for r in rows(g, &q)? {
            let iri = s(&r[0]);
            nodes.entry(iri.clone()).or_insert(Node {
                iri,
                label: s(&r[1]),
                kind,
                country: r[2].as_ref().map(|_| s(&r[2])),
            });
        }
    }
    let edge_queries = [
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:leader ?b }",
            "leads",
            "solid",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:member ?b }",
            "member",
            "dashed",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:met ?b }",
            "met",
            "dotted",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:origin ?b }",
            "from",
            "solid",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:destination ?b }",
            "to",
            "bold",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?o dg:officeHolder ?a ; dg:officeOf ?b }",
            "office",
            "solid",
        ),
        (
            "SELECT DISTINCT ?a ?b (MIN(?y) AS ?since) WHERE { ?p dg:partner ?a, ?b FILTER(STR(?a) < STR(?b)) OPTIONAL { ?p dg:since ?y } } GROUP BY ?a ?b",
            "partner",
            "bold",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:agreementParty ?b }",
            "party",
            "solid",
        ),
        (
            "SELECT DISTINCT ?a ?b WHERE { ?a dg:signatory ?b }",
            "signed",
            "dashed",
        ),
    ];
    let mut net: DiGraph<Node, (String, &'static str)> = DiGraph::new();
    let mut idx: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (iri, n) in &nodes {
        idx.insert(iri.clone(), net.add_node(n.clone()));
    }
    for (q, label, style) in edge_queries {
        for r in rows(g, q)? {
            let (a, b) = (s(&r[0]), s(&r[1]));
            if let (Some(&ia), Some(&ib)) = (idx.get(&a), idx.get(&b)) {
                let l = if label == "partner" && r.len() > 2 && r[2].is_some() {
                    format!("Partner seit {}", s(&r[2]))
                } else {
                    label.to_string()
                };
                net.add_edge(ia, ib, (l, style));
            }
        }
    }
    let mut out = String::new();
    out.push_str("digraph delegraph {\n  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", overlap=false];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n");
    let shape = |k: &str| match k {
        "person" => "shape=ellipse, style=filled, fillcolor=\"#fde2b8\"",
        "place" => "shape=box, style=\"rounded,filled\", fillcolor=\"#cfe8fc\"",
        "org" => "shape=component, style=filled, fillcolor=\"#e3f2d9\"",
        "trip" => "shape=hexagon, style=filled, fillcolor=\"#f6d0e0\"",
        _ => "shape=note, style=filled, fillcolor=\"#eeeeee\"",
    };
    let node_line = |n: &Node| {
        format!(
            "\"{}\" [label=\"{}\", {}, tooltip=\"{}\", URL=\"{}\"];",
            esc(&n.iri),
            esc(&n.label),
            shape(n.kind),
            esc(&shorten(&n.iri)),
            esc(&n.iri)
        )
    };
    // Places clustered by country; everything else at top level.
    let mut by_country: BTreeMap<String, Vec<&Node>> = BTreeMap::new();
    for n in net.node_weights() {
        if n.kind == "place" {
            by_country
                .entry(n.country.clone().unwrap_or_else(|| "unknown".into()))
                .or_default()
                .push(n);
        } else {
            let _ = writeln!(out, "  {}", node_line(n));
        }
    }
    for (cc, ns) in &by_country {
        let id: String = cc.chars().filter(char::is_ascii_alphanumeric).collect();
        let _ = writeln!(
            out,
            "  subgraph cluster_{id} {{\n    label=\"{}\"; style=dashed; color=\"#999999\";",
            esc(cc)
        );
        for n in ns {
            let _ = writeln!(out, "    {}", node_line(n));
        }
        out.push_str("  }\n");
    }
    let mut edges: Vec<String> = net
        .edge_indices()
        .map(|e| {
            let (a, b) = net.edge_endpoints(e).expect("edge exists");
            let (label, style) = &net[e];
            format!(
                "  \"{}\" -> \"{}\" [label=\"{}\", style={}];",
                esc(&net[a].iri),
                esc(&net[b].iri),
                esc(label),
                style
            )
        })
        .collect();
    edges.sort();
    edges.dedup();
    for e in edges {
        out.push_str(&e);
        out.push('\n');
    }
    out.push_str("}\n");
    Ok(out)
}
