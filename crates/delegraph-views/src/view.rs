//! The five views: which nodes and edges each draws from the [`Net`].

use crate::net::{Kind, Net};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// Which picture to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ViewKind {
    /// Officials, places, organizations, trips and agreements and how they connect.
    Network,
    /// Each trip's route in order with its dates, who led it, travelled and was met.
    Trips,
    /// The twin-town network: towns as nodes, founding years on the edges.
    Partnerships,
    /// Agreements with their parties and signatories.
    Agreements,
    /// Persons: offices, parties, whom they travelled with, met and signed with.
    People,
}

impl ViewKind {
    pub const ALL: [ViewKind; 5] = [
        ViewKind::Network,
        ViewKind::Trips,
        ViewKind::Partnerships,
        ViewKind::Agreements,
        ViewKind::People,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Network => "network",
            ViewKind::Trips => "trips",
            ViewKind::Partnerships => "partnerships",
            ViewKind::Agreements => "agreements",
            ViewKind::People => "people",
        }
    }

    pub fn parse(s: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// The relation an edge draws; it decides the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    Leads,
    TravelsWith,
    From,
    Visits,
    Route,
    Meets,
    Office,
    Member,
    Partner,
    Signs,
    SignsWith,
    PartyTo,
}

impl EdgeKind {
    /// Drawn without an arrow head (symmetric relations).
    pub fn undirected(self) -> bool {
        matches!(self, EdgeKind::Partner | EdgeKind::SignsWith)
    }
}

/// A group of nodes drawn in one box.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cluster {
    /// Places of one country (ISO code).
    Country(String),
    /// The route of one trip: its start date (for the order of trips) and IRI.
    Trip(String, String),
}

#[derive(Debug, Clone)]
pub struct VNode {
    /// DOT node id: the IRI, or the IRI with a suffix for a trip's stop.
    pub id: String,
    /// The entity it stands for (a stop stands for its place).
    pub entity: String,
    /// Label lines.
    pub label: Vec<String>,
    pub kind: Kind,
    pub cluster: Option<Cluster>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct VEdge {
    pub kind: EdgeKind,
    pub label: String,
}

/// A view before selection: petgraph's graph with nodes found by id.
#[derive(Debug, Default)]
pub struct ViewGraph {
    pub graph: DiGraph<VNode, VEdge>,
    pub index: BTreeMap<String, NodeIndex>,
}

impl ViewGraph {
    fn node_of(&mut self, net: &Net, iri: &str) -> Option<NodeIndex> {
        if let Some(&i) = self.index.get(iri) {
            return Some(i);
        }
        let e = net.entities.get(iri)?;
        let cluster = e
            .country
            .as_ref()
            .filter(|_| e.kind.is_place())
            .map(|c| Cluster::Country(c.clone()));
        Some(self.add(VNode {
            id: iri.to_string(),
            entity: iri.to_string(),
            label: vec![e.label.clone()],
            kind: e.kind,
            cluster,
        }))
    }

    fn add(&mut self, n: VNode) -> NodeIndex {
        let id = n.id.clone();
        let i = self.graph.add_node(n);
        self.index.insert(id, i);
        i
    }

    /// An edge between two entities, where both are in the store.
    fn link(&mut self, net: &Net, a: &str, b: &str, kind: EdgeKind, label: &str) {
        if let (Some(x), Some(y)) = (self.node_of(net, a), self.node_of(net, b)) {
            self.edge(x, y, kind, label);
        }
    }

    fn edge(&mut self, x: NodeIndex, y: NodeIndex, kind: EdgeKind, label: &str) {
        let e = VEdge {
            kind,
            label: label.to_string(),
        };
        let exists = self.graph.edges_connecting(x, y).any(|r| *r.weight() == e);
        if !exists && x != y {
            self.graph.add_edge(x, y, e);
        }
    }
}

fn partner_label(years: &std::collections::BTreeSet<String>) -> String {
    if years.is_empty() {
        "partner".to_string()
    } else {
        format!(
            "partner since {}",
            years.iter().cloned().collect::<Vec<_>>().join("/")
        )
    }
}

/// `2024-11-10 – 2024-11-15`, `from 2024-11-10`, `until …` or nothing.
pub fn date_range(start: Option<&str>, end: Option<&str>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.to_string()),
        (Some(s), Some(e)) => Some(format!("{s} – {e}")),
        (Some(s), None) => Some(format!("from {s}")),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    }
}

/// Builds the nodes and edges of a view. Entities without an edge are added too (the
/// selection drops them unless `--isolated`).
pub fn build(net: &Net, view: ViewKind) -> ViewGraph {
    let mut v = ViewGraph::default();
    match view {
        ViewKind::Network => network(net, &mut v),
        ViewKind::Trips => trips(net, &mut v),
        ViewKind::Partnerships => partnerships(net, &mut v),
        ViewKind::Agreements => agreements(net, &mut v),
        ViewKind::People => people(net, &mut v),
    }
    v
}

fn network(net: &Net, v: &mut ViewGraph) {
    for iri in net.entities.keys() {
        v.node_of(net, iri);
    }
    for (t, trip) in &net.trips {
        if let Some(l) = &trip.leader {
            v.link(net, l, t, EdgeKind::Leads, "leads");
        }
        for m in &trip.members {
            v.link(net, m, t, EdgeKind::TravelsWith, "travels with");
        }
        if let Some(o) = &trip.origin {
            v.link(net, t, o, EdgeKind::From, "from");
        }
        for (n, p) in trip.route.iter().enumerate() {
            let label = if trip.route.len() > 1 {
                format!("visits ({})", n + 1)
            } else {
                "visits".to_string()
            };
            v.link(net, t, p, EdgeKind::Visits, &label);
        }
        for m in &trip.met {
            v.link(net, t, m, EdgeKind::Meets, "meets");
        }
    }
    offices_and_parties(net, v);
    for ((a, b), years) in &net.partnerships {
        v.link(net, a, b, EdgeKind::Partner, &partner_label(years));
    }
    for (a, ag) in &net.agreements {
        for s in &ag.signatories {
            v.link(net, s, a, EdgeKind::Signs, "signs");
        }
        for p in &ag.parties {
            v.link(net, a, p, EdgeKind::PartyTo, "party");
        }
    }
}

fn offices_and_parties(net: &Net, v: &mut ViewGraph) {
    for o in &net.offices {
        if let Some(of) = &o.of {
            v.link(net, &o.holder, of, EdgeKind::Office, &o.title);
        }
    }
    for (p, party) in &net.party_of {
        v.link(net, p, party, EdgeKind::Member, "member");
    }
}

fn trips(net: &Net, v: &mut ViewGraph) {
    for (t, trip) in &net.trips {
        let Some(e) = net.entities.get(t) else {
            continue;
        };
        // Dated trips in time order, then the undated.
        let order = trip.start.clone().unwrap_or_else(|| "~".to_string());
        let cluster = Cluster::Trip(order, t.clone());
        let mut title = vec![e.label.clone()];
        title.extend(date_range(trip.start.as_deref(), trip.end.as_deref()));
        if let Some(s) = trip.status.as_deref().filter(|s| *s != "stated") {
            title.push(s.to_string());
        }
        let ti = v.add(VNode {
            id: t.clone(),
            entity: t.clone(),
            label: title,
            kind: Kind::Trip,
            cluster: Some(cluster.clone()),
        });
        // The route: origin, then each stop in order, as nodes of this trip's box.
        let mut prev = ti;
        let stops = trip
            .origin
            .iter()
            .map(|o| (0, o))
            .chain(trip.route.iter().enumerate().map(|(n, p)| (n + 1, p)));
        for (n, place) in stops {
            let Some(pe) = net.entities.get(place) else {
                continue;
            };
            let (id, label) = if n == 0 {
                (format!("{t}#origin"), pe.label.clone())
            } else {
                (format!("{t}#stop-{n}"), format!("{n}. {}", pe.label))
            };
            let si = v.add(VNode {
                id,
                entity: place.clone(),
                label: vec![label],
                kind: pe.kind,
                cluster: Some(cluster.clone()),
            });
            let edge_label = match n {
                0 => "from".to_string(),
                1 => match &trip.start {
                    Some(s) if trip.origin.is_some() => format!("1 · {s}"),
                    _ => "1".to_string(),
                },
                n => n.to_string(),
            };
            let kind = if n == 0 {
                EdgeKind::From
            } else {
                EdgeKind::Route
            };
            v.edge(prev, si, kind, &edge_label);
            prev = si;
        }
        if let Some(l) = &trip.leader
            && let Some(li) = v.node_of(net, l)
        {
            v.edge(li, ti, EdgeKind::Leads, "leads");
        }
        for m in &trip.members {
            if let Some(mi) = v.node_of(net, m) {
                v.edge(mi, ti, EdgeKind::TravelsWith, "travels with");
            }
        }
        for m in &trip.met {
            if let Some(mi) = v.node_of(net, m) {
                v.edge(ti, mi, EdgeKind::Meets, "meets");
            }
        }
    }
}

fn partnerships(net: &Net, v: &mut ViewGraph) {
    for iri in net.entities.keys() {
        if net.entities[iri].kind.is_place() {
            v.node_of(net, iri);
        }
    }
    for ((a, b), years) in &net.partnerships {
        v.link(net, a, b, EdgeKind::Partner, &partner_label(years));
    }
}

fn agreements(net: &Net, v: &mut ViewGraph) {
    for (a, ag) in &net.agreements {
        let Some(e) = net.entities.get(a) else {
            continue;
        };
        let mut label = vec![
            ag.kind
                .as_deref()
                .map_or("agreement".to_string(), |k| k.replace('_', " ")),
        ];
        label.extend(ag.date.clone());
        let ai = v.add(VNode {
            id: a.clone(),
            entity: a.clone(),
            label,
            kind: e.kind,
            cluster: None,
        });
        for s in &ag.signatories {
            if let Some(si) = v.node_of(net, s) {
                v.edge(si, ai, EdgeKind::Signs, "signs");
            }
        }
        for p in &ag.parties {
            if let Some(pi) = v.node_of(net, p) {
                v.edge(ai, pi, EdgeKind::PartyTo, "party");
            }
        }
    }
    // Whom the signatories represent.
    for o in &net.offices {
        if v.index.contains_key(&o.holder)
            && let Some(of) = &o.of
            && v.index.contains_key(of)
        {
            v.link(net, &o.holder, of, EdgeKind::Office, &o.title);
        }
    }
}

fn people(net: &Net, v: &mut ViewGraph) {
    for (iri, e) in &net.entities {
        if e.kind == Kind::Person {
            v.node_of(net, iri);
        }
    }
    offices_and_parties(net, v);
    let is_person = |iri: &str| {
        net.entities
            .get(iri)
            .is_some_and(|e| e.kind == Kind::Person)
    };
    for trip in net.trips.values() {
        let Some(l) = &trip.leader else { continue };
        for m in trip.members.iter().filter(|m| is_person(m)) {
            v.link(net, l, m, EdgeKind::TravelsWith, "travels with");
        }
        for m in trip.met.iter().filter(|m| is_person(m)) {
            v.link(net, l, m, EdgeKind::Meets, "meets");
        }
    }
    for ag in net.agreements.values() {
        let s: Vec<&String> = ag.signatories.iter().filter(|s| is_person(s)).collect();
        for (i, a) in s.iter().enumerate() {
            for b in &s[i + 1..] {
                v.link(net, a, b, EdgeKind::SignsWith, "signs with");
            }
        }
    }
}
