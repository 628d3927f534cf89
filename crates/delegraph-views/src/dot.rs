//! The DOT text of a selected view. Written here, not with petgraph's `Dot` (a debugging
//! aid: index ids, no clusters, no legend): node ids are IRIs, so the text is stable across
//! runs, and every name goes through [`quote`].

use crate::net::{Kind, Net};
use crate::select::Selection;
use crate::view::{Cluster, EdgeKind, VNode, ViewGraph};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The picture's title: lines kept whole and left-aligned (`\l` ends each line).
fn title_lines(ls: &[String]) -> String {
    let mut out = String::from("\"");
    for l in ls {
        let q = quote(&l.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push_str(&q[1..q.len() - 1]);
        out.push_str("\\l");
    }
    out.push('"');
    out
}

/// Longest label line drawn; the full name is in the tooltip.
const MAX_LINE: usize = 48;

/// A DOT quoted string: backslashes and quotes escaped (so `\N`, `\G` and friends in a name
/// stay literal), line breaks and other control characters turned into spaces.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            // Line and paragraph separators break lines in some renderers.
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Several lines as one DOT label (`\n` between escaped lines, each cut to a readable length).
fn lines(ls: &[String]) -> String {
    let parts: Vec<String> = ls
        .iter()
        .map(|l| {
            let q = quote(&short(l));
            q[1..q.len() - 1].to_string()
        })
        .collect();
    format!("\"{}\"", parts.join("\\n"))
}

fn short(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_LINE {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_LINE - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Shape, style, fill colour and legend name per kind.
fn node_style(k: Kind) -> (&'static str, &'static str, &'static str, &'static str) {
    match k {
        Kind::Person => ("ellipse", "filled", "#fde2b8", "person"),
        Kind::City => ("box", "rounded,filled", "#d6ebfb", "city"),
        Kind::District => ("box", "rounded,filled", "#c2e0f7", "district"),
        Kind::Region => ("box", "rounded,filled", "#a6d1f3", "region"),
        Kind::Country => ("box", "rounded,filled,bold", "#82bdeb", "country"),
        Kind::PublicBody => ("component", "filled", "#d7efcf", "public body, chamber"),
        Kind::Party => ("component", "filled", "#e6d6f2", "party"),
        Kind::Company => ("component", "filled", "#fff2b3", "company"),
        Kind::Science => ("component", "filled", "#cdeeea", "university, research"),
        Kind::Society => (
            "component",
            "filled",
            "#eeeeee",
            "association, culture, event",
        ),
        Kind::Media => ("component", "filled", "#f7f7f7", "media"),
        Kind::Trip => ("hexagon", "filled", "#f7d3e3", "trip"),
        Kind::Agreement => ("note", "filled", "#ffdcc4", "agreement"),
    }
}

/// Line style and colour per relation.
fn edge_style(k: EdgeKind) -> (&'static str, &'static str) {
    match k {
        EdgeKind::Leads => ("bold", "#ad1457"),
        EdgeKind::TravelsWith => ("dashed", "#ad1457"),
        EdgeKind::From => ("dotted", "#1565c0"),
        EdgeKind::Visits | EdgeKind::Route => ("bold", "#1565c0"),
        EdgeKind::Meets => ("dashed", "#2e7d32"),
        EdgeKind::Office => ("solid", "#6d4c41"),
        EdgeKind::Member => ("dotted", "#6a1b9a"),
        EdgeKind::Partner => ("bold", "#0d47a1"),
        EdgeKind::Signs | EdgeKind::SignsWith => ("solid", "#e65100"),
        EdgeKind::PartyTo => ("dashed", "#e65100"),
    }
}

fn node_line(n: &VNode) -> String {
    let (shape, style, fill, _) = node_style(n.kind);
    let tip: Vec<String> = n
        .label
        .iter()
        .cloned()
        .chain(std::iter::once(delegraph_rdf::shorten(&n.entity)))
        .collect();
    format!(
        "{} [label={}, shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", tooltip={}, URL={}];",
        quote(&n.id),
        lines(&n.label),
        // GraphViz expands escapes in SVG tooltips twice, so `\N` would survive the
        // label's escaping there; the tooltip shows a look-alike backslash instead.
        quote(&tip.join(" · ").replace('\\', "\u{29f5}")),
        quote(&n.entity)
    )
}

fn node_order(n: &VNode) -> (Kind, String, String) {
    (n.kind, n.label.join(" "), n.id.clone())
}

/// Writes the DOT text. `title` lines head the picture; `note` (when the graph was trimmed)
/// follows them.
pub fn write(net: &Net, v: &ViewGraph, sel: &Selection, title: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph delegraph {{");
    let _ = writeln!(
        out,
        "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, nodesep=0.25, ranksep=0.6, label={}];",
        title_lines(title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, penwidth=0.8, margin=\"0.12,0.04\"];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=8, penwidth=0.9, arrowsize=0.6];"
    );
    let mut clustered: BTreeMap<&Cluster, Vec<&VNode>> = BTreeMap::new();
    let mut loose: Vec<&VNode> = Vec::new();
    for &i in &sel.nodes {
        let n = &v.graph[i];
        match &n.cluster {
            Some(c) => clustered.entry(c).or_default().push(n),
            None => loose.push(n),
        }
    }
    for (k, (cluster, mut nodes)) in clustered.into_iter().enumerate() {
        nodes.sort_by_key(|n| node_order(n));
        let (title, style) = match cluster {
            Cluster::Country(cc) => (
                vec![match net.country_name(cc) {
                    Some(name) => format!("{name} ({cc})"),
                    None => cc.clone(),
                }],
                "rounded,dashed",
            ),
            // The trip node inside says what the trip is.
            Cluster::Trip(..) => (Vec::new(), "rounded"),
        };
        let _ = writeln!(out, "  subgraph cluster_{k} {{");
        let _ = writeln!(
            out,
            "    graph [label={}, style=\"{style}\", color=\"#9e9e9e\", fontcolor=\"#616161\", fontsize=10];",
            lines(&title)
        );
        for n in nodes {
            let _ = writeln!(out, "    {}", node_line(n));
        }
        let _ = writeln!(out, "  }}");
    }
    loose.sort_by_key(|n| node_order(n));
    for n in loose {
        let _ = writeln!(out, "  {}", node_line(n));
    }
    let mut edges: Vec<(String, String, String, EdgeKind)> = v
        .graph
        .edge_references()
        .filter(|e| sel.nodes.contains(&e.source()) && sel.nodes.contains(&e.target()))
        .map(|e| {
            let w = e.weight();
            (
                v.graph[e.source()].id.clone(),
                v.graph[e.target()].id.clone(),
                w.label.clone(),
                w.kind,
            )
        })
        .collect();
    edges.sort();
    for (a, b, label, kind) in edges {
        let (style, color) = edge_style(kind);
        let dir = if kind.undirected() { ", dir=none" } else { "" };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, style={style}, color=\"{color}\", fontcolor=\"{color}\"{dir}];",
            quote(&a),
            quote(&b),
            lines(&[label])
        );
    }
    legend(&mut out, v, sel);
    out.push_str("}\n");
    out
}

/// One sample node per kind drawn.
fn legend(out: &mut String, v: &ViewGraph, sel: &Selection) {
    let kinds: BTreeSet<Kind> = sel.nodes.iter().map(|&i| v.graph[i].kind).collect();
    if kinds.is_empty() {
        return;
    }
    let _ = writeln!(out, "  subgraph cluster_legend {{");
    let _ = writeln!(
        out,
        "    graph [label=\"legend\", style=\"rounded\", color=\"#bdbdbd\", fontcolor=\"#616161\", fontsize=10, nodesep=0.1];"
    );
    let ids: Vec<String> = kinds
        .iter()
        .map(|k| {
            let (shape, style, fill, name) = node_style(*k);
            let id = format!("legend: {name}");
            let _ = writeln!(
                out,
                "    {} [label={}, shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", fontsize=8, height=0.3, margin=\"0.08,0.02\"];",
                quote(&id),
                quote(name)
            );
            quote(&id)
        })
        .collect();
    if ids.len() > 1 {
        // A column: one rank, in the order declared.
        let _ = writeln!(out, "    {{ rank=same; {} }}", ids.join("; "));
    }
    let _ = writeln!(out, "  }}");
}
