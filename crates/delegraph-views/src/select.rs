//! What of a view is drawn: the neighbourhood of a focus node, nodes without an edge left
//! out, and a cap on the number of nodes.

use crate::ViewError;
use crate::net::Net;
use crate::view::{Cluster, ViewGraph};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The nodes kept, and how many there were before `--max-nodes` trimmed them.
#[derive(Debug)]
pub struct Selection {
    pub nodes: BTreeSet<NodeIndex>,
    /// Nodes that would be drawn without `--max-nodes`.
    pub total: usize,
}

/// Expands `dgid:` / `dg:` prefixed names to IRIs.
fn expand(name: &str) -> String {
    for (p, ns) in delegraph_rdf::vocab::PREFIXES {
        if let Some(local) = name.strip_prefix(&format!("{p}:"))
            && !local.starts_with("//")
        {
            return format!("{ns}{local}");
        }
    }
    name.to_string()
}

/// The entities a focus names: by IRI (full or prefixed), else by label or alias
/// (case-insensitive).
pub fn focus_entities(net: &Net, focus: &str) -> BTreeSet<String> {
    let f = focus.trim();
    let iri = expand(f);
    if net.entities.contains_key(&iri) {
        return BTreeSet::from([iri]);
    }
    let lower = f.to_lowercase();
    net.entities
        .values()
        .filter(|e| {
            e.label.to_lowercase() == lower || e.names.iter().any(|n| n.to_lowercase() == lower)
        })
        .map(|e| e.iri.clone())
        .collect()
}

fn neighbours(v: &ViewGraph, n: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
    v.graph
        .edges_directed(n, Direction::Outgoing)
        .map(|e| e.target())
        .chain(
            v.graph
                .edges_directed(n, Direction::Incoming)
                .map(|e| e.source()),
        )
}

/// The nodes of a trip's box come and go together.
fn group(v: &ViewGraph, n: NodeIndex) -> Vec<NodeIndex> {
    match &v.graph[n].cluster {
        Some(c @ Cluster::Trip(..)) => v
            .graph
            .node_indices()
            .filter(|&m| v.graph[m].cluster.as_ref() == Some(c))
            .collect(),
        _ => vec![n],
    }
}

/// Distances from the focus nodes, up to `depth` edges (either direction).
fn around(v: &ViewGraph, seeds: &[NodeIndex], depth: usize) -> BTreeMap<NodeIndex, usize> {
    let mut dist: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    let mut queue = VecDeque::new();
    for &s in seeds {
        for m in group(v, s) {
            if dist.insert(m, 0).is_none() {
                queue.push_back(m);
            }
        }
    }
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d >= depth {
            continue;
        }
        for m in neighbours(v, n).collect::<Vec<_>>() {
            for g in group(v, m) {
                if let std::collections::btree_map::Entry::Vacant(e) = dist.entry(g) {
                    e.insert(d + 1);
                    queue.push_back(g);
                }
            }
        }
    }
    dist
}

fn degree_within(v: &ViewGraph, n: NodeIndex, keep: &BTreeSet<NodeIndex>) -> usize {
    neighbours(v, n).filter(|m| keep.contains(m)).count()
}

/// Applies focus, depth, isolation and the node cap.
pub fn select(
    net: &Net,
    v: &ViewGraph,
    view_name: &str,
    focus: Option<&str>,
    depth: usize,
    max_nodes: Option<usize>,
    isolated: bool,
) -> Result<Selection, ViewError> {
    let all: BTreeSet<NodeIndex> = v.graph.node_indices().collect();
    let (mut keep, dist) = match focus {
        None => (all, BTreeMap::new()),
        Some(f) => {
            let entities = focus_entities(net, f);
            if entities.is_empty() {
                return Err(ViewError::FocusNotFound(f.to_string()));
            }
            let seeds: Vec<NodeIndex> = v
                .graph
                .node_indices()
                .filter(|&n| entities.contains(&v.graph[n].entity))
                .collect();
            if seeds.is_empty() {
                return Err(ViewError::FocusNotInView {
                    focus: f.to_string(),
                    view: view_name.to_string(),
                });
            }
            let dist = around(v, &seeds, depth);
            (dist.keys().copied().collect(), dist)
        }
    };
    let drop_isolated = |keep: &mut BTreeSet<NodeIndex>| {
        if !isolated {
            let snapshot = keep.clone();
            keep.retain(|&n| degree_within(v, n, &snapshot) > 0 || dist.get(&n) == Some(&0));
        }
    };
    drop_isolated(&mut keep);
    let total = keep.len();
    if let Some(max) = max_nodes
        && keep.len() > max
    {
        // Nearest to the focus first, then the most connected, then by id: deterministic.
        let mut order: Vec<NodeIndex> = keep.iter().copied().collect();
        order.sort_by_cached_key(|&n| {
            (
                dist.get(&n).copied().unwrap_or(0),
                std::cmp::Reverse(degree_within(v, n, &keep)),
                v.graph[n].id.clone(),
            )
        });
        keep = order.into_iter().take(max).collect();
        drop_isolated(&mut keep);
    }
    Ok(Selection { nodes: keep, total })
}
