//! `delegraph export --format dot|svg|png|pdf`: a view of the store as DOT text, or rendered
//! by GraphViz when it is installed.

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use delegraph_views::{ViewKind, ViewOptions};
use std::io::Write;
use std::process::{Command, Stdio};

/// Picture formats GraphViz renders.
pub const PICTURES: &[&str] = &["svg", "png", "pdf"];

/// Draws the view; `picture` is `None` for DOT text, else a GraphViz output format.
pub fn draw(
    graph: &delegraph_rdf::Graph,
    opts: &ViewOptions,
    picture: Option<&str>,
    layout: &str,
    quiet: bool,
) -> Result<Vec<u8>> {
    let r = delegraph_views::render(graph, opts)?;
    if r.trimmed() && !quiet {
        eprintln!(
            "delegraph: {} view: showing {} of {} nodes (--max-nodes)",
            opts.view.name(),
            r.nodes,
            r.total
        );
    }
    match picture {
        None => Ok(r.dot.into_bytes()),
        Some(fmt) => graphviz(&r.dot, fmt, layout),
    }
}

/// Runs GraphViz (`dot -Tfmt -Klayout`) on DOT text.
fn graphviz(dot: &str, fmt: &str, layout: &str) -> Result<Vec<u8>> {
    let mut child = match Command::new("dot")
        .arg(format!("-T{fmt}"))
        .arg(format!("-K{layout}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "--format {fmt} needs GraphViz, which is not installed: install it (apt install graphviz, brew install graphviz, winget install graphviz) or use --format dot"
        ),
        Err(e) => return Err(e).context("cannot run GraphViz (dot)"),
    };
    let mut stdin = child.stdin.take().context("GraphViz's standard input")?;
    let text = dot.to_string();
    // Feed the text from a thread: a large picture fills the output pipe before the input ends.
    let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().context("GraphViz (dot) failed")?;
    let _ = feeder.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        bail!("GraphViz (dot -T{fmt}) failed: {first}");
    }
    Ok(out.stdout)
}

/// The name clap shows for a value (`network`, `circo`).
pub fn value_name(v: impl ValueEnum) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().to_string())
        .unwrap_or_default()
}

/// The view named on the command line.
pub fn view_kind(v: crate::args::View) -> ViewKind {
    ViewKind::parse(&value_name(v)).unwrap_or(ViewKind::Network)
}
