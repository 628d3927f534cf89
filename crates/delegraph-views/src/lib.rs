//! Network views of the delegraph store, for GraphViz.
//!
//! [`Net::load`] reads what the store states about persons, places, organizations, trips,
//! partnerships and agreements; [`view::build`] turns it into one of five views (a petgraph
//! graph); [`select`] keeps the neighbourhood of a focus node, drops nodes without an edge
//! and caps the number of nodes; [`dot::write`] writes the DOT text with shapes and colours
//! per kind, clusters per country (or per trip), labelled edges and a legend.
//!
//! Output is deterministic: nodes are ordered by kind, label and IRI, edges by their ends.
//! Nothing here runs GraphViz or touches files: the caller does.

pub mod dot;
pub mod net;
pub mod select;
pub mod view;

pub use net::Net;
pub use view::ViewKind;

use delegraph_rdf::{Graph, RdfError};

/// What can go wrong when drawing a view.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ViewError {
    #[error(transparent)]
    Rdf(#[from] RdfError),
    #[error("--focus: nothing in the store is called '{0}'")]
    FocusNotFound(String),
    #[error("--focus: '{focus}' is not in the {view} view (try --view network)")]
    FocusNotInView { focus: String, view: String },
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct ViewOptions {
    pub view: ViewKind,
    /// A label, alias or IRI (full or `dgid:` prefixed): draw only its neighbourhood.
    pub focus: Option<String>,
    /// How many edges away from the focus to go.
    pub depth: usize,
    /// Draw at most this many nodes (nearest to the focus, else most connected, first).
    pub max_nodes: Option<usize>,
    /// Also draw nodes without an edge in the view.
    pub isolated: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            view: ViewKind::Network,
            focus: None,
            depth: 2,
            max_nodes: None,
            isolated: false,
        }
    }
}

/// A drawn view.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub dot: String,
    /// Nodes drawn (without the legend).
    pub nodes: usize,
    /// Nodes the view has before `max_nodes` (after focus and isolation).
    pub total: usize,
}

impl Rendered {
    /// Whether `max_nodes` left nodes out.
    pub fn trimmed(&self) -> bool {
        self.nodes < self.total
    }
}

/// Draws a view of the store.
pub fn render(g: &Graph, opts: &ViewOptions) -> Result<Rendered, ViewError> {
    render_net(&Net::load(g)?, opts)
}

/// Draws a view of an already loaded network.
pub fn render_net(net: &Net, opts: &ViewOptions) -> Result<Rendered, ViewError> {
    let v = view::build(net, opts.view);
    let sel = select::select(
        net,
        &v,
        opts.view.name(),
        opts.focus.as_deref(),
        opts.depth,
        opts.max_nodes,
        opts.isolated,
    )?;
    let mut title = vec![match &opts.focus {
        Some(f) => format!(
            "delegraph · {} view · around {} (depth {})",
            opts.view.name(),
            f.trim(),
            opts.depth
        ),
        None => format!("delegraph · {} view", opts.view.name()),
    }];
    if sel.nodes.len() < sel.total {
        title.push(format!(
            "showing {} of {} nodes (--max-nodes {}): the {} first",
            sel.nodes.len(),
            sel.total,
            opts.max_nodes.unwrap_or(sel.nodes.len()),
            if opts.focus.is_some() {
                "nearest"
            } else {
                "most connected"
            }
        ));
    }
    if sel.nodes.is_empty() {
        title.push(format!(
            "nothing to draw: no {} in the store{}",
            match opts.view {
                ViewKind::Network | ViewKind::People => "connections",
                ViewKind::Trips => "trips",
                ViewKind::Partnerships => "partnerships",
                ViewKind::Agreements => "agreements",
            },
            if opts.isolated {
                ""
            } else {
                " (--isolated draws unconnected nodes)"
            }
        ));
    }
    Ok(Rendered {
        dot: dot::write(net, &v, &sel, &title),
        nodes: sel.nodes.len(),
        total: sel.total,
    })
}
