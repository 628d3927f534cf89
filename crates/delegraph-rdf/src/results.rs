//! Query results in the W3C formats (JSON, XML, CSV, TSV), RDF syntaxes for graph results,
//! and an aligned table for people.

use crate::{QueryOutput, RdfError, shorten};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::QuerySolution;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::Write;
use std::sync::Arc;

/// Output formats of `delegraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
    Turtle,
    NTriples,
}

impl ResultFormat {
    /// Parses a format name, file extension or MIME type.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "table" | "txt" | "text" => ResultFormat::Table,
            "json" | "srj" | "application/sparql-results+json" => ResultFormat::Json,
            "xml" | "srx" | "application/sparql-results+xml" => ResultFormat::Xml,
            "csv" | "text/csv" => ResultFormat::Csv,
            "tsv" | "text/tab-separated-values" => ResultFormat::Tsv,
            "turtle" | "ttl" | "text/turtle" => ResultFormat::Turtle,
            "ntriples" | "nt" | "n-triples" | "application/n-triples" => ResultFormat::NTriples,
            _ => return None,
        })
    }
}

/// Display width in code points: good enough for German text and IRIs.
fn display_width(s: &str) -> usize {
    s.chars().count()
}

fn cell(t: &Option<Term>) -> String {
    match t {
        None => String::new(),
        Some(Term::NamedNode(n)) => shorten(n.as_str()),
        Some(Term::BlankNode(b)) => format!("_:{}", b.as_str()),
        Some(Term::Literal(l)) => l.value().replace('\n', " "),
        #[allow(unreachable_patterns)]
        Some(other) => other.to_string(),
    }
}

/// Writes query output in the chosen format.
pub fn write_results(
    out: &QueryOutput,
    format: ResultFormat,
    mut w: impl Write,
) -> Result<(), RdfError> {
    match (out, format) {
        (QueryOutput::Solutions { variables, rows }, ResultFormat::Table) => {
            let cells: Vec<Vec<String>> =
                rows.iter().map(|r| r.iter().map(cell).collect()).collect();
            let mut widths: Vec<usize> = variables.iter().map(|v| display_width(v) + 1).collect();
            for r in &cells {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(display_width(c));
                }
            }
            let line = |w: &mut dyn Write, vals: Vec<String>| -> std::io::Result<()> {
                let mut s = String::new();
                for (i, v) in vals.iter().enumerate() {
                    if i > 0 {
                        s.push_str("  ");
                    }
                    s.push_str(v);
                    if i + 1 < vals.len() {
                        s.push_str(&" ".repeat(widths[i] - display_width(v)));
                    }
                }
                writeln!(w, "{}", s.trim_end())
            };
            line(&mut w, variables.iter().map(|v| format!("?{v}")).collect())?;
            line(&mut w, widths.iter().map(|n| "-".repeat(*n)).collect())?;
            for r in cells {
                line(&mut w, r)?;
            }
            writeln!(
                w,
                "({} row{})",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            )?;
        }
        (QueryOutput::Boolean(b), ResultFormat::Table) => writeln!(w, "{b}")?,
        (
            QueryOutput::Solutions { variables, rows },
            f @ (ResultFormat::Json | ResultFormat::Xml | ResultFormat::Csv | ResultFormat::Tsv),
        ) => {
            let vars: Vec<Variable> = variables
                .iter()
                .map(|v| Variable::new_unchecked(v.clone()))
                .collect();
            let shared: Arc<[Variable]> = vars.clone().into();
            let mut ser = QueryResultsSerializer::from_format(results_format(f))
                .serialize_solutions_to_writer(&mut w, vars)?;
            for r in rows {
                let sol = QuerySolution::from((shared.clone(), r.clone()));
                ser.serialize(&sol)?;
            }
            ser.finish()?;
        }
        (
            QueryOutput::Boolean(b),
            f @ (ResultFormat::Json | ResultFormat::Xml | ResultFormat::Csv | ResultFormat::Tsv),
        ) => {
            QueryResultsSerializer::from_format(results_format(f))
                .serialize_boolean_to_writer(&mut w, *b)?;
        }
        (QueryOutput::Graph(triples), f) => {
            let rdf = if f == ResultFormat::NTriples {
                RdfFormat::NTriples
            } else {
                RdfFormat::Turtle
            };
            let mut ser = RdfSerializer::from_format(rdf);
            if rdf == RdfFormat::Turtle {
                for (p, ns) in crate::vocab::serialization_prefixes() {
                    ser = ser
                        .with_prefix(*p, *ns)
                        .map_err(|e| RdfError::Parse(e.to_string()))?;
                }
            }
            let mut s = ser.for_writer(&mut w);
            for t in triples {
                s.serialize_triple(t)?;
            }
            s.finish()?;
        }
        (_, f) => {
            return Err(RdfError::Evaluation(format!(
                "format {f:?} needs a CONSTRUCT or DESCRIBE query; use table, json, xml, csv or tsv for SELECT and ASK"
            )));
        }
    }
    Ok(())
}

fn results_format(f: ResultFormat) -> QueryResultsFormat {
    match f {
        ResultFormat::Xml => QueryResultsFormat::Xml,
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}
