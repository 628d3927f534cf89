//! Query results in the W3C formats (JSON, XML, CSV, TSV), any RDF syntax for graph results,
//! and an aligned table for people. Everything streams: rows are written as the query
//! yields them (the table holds back only its first rows, to size its columns).

use crate::{QueryOutput, RdfError, shorten};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::QuerySolution;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::collections::HashSet;
use std::io::Write;
use std::sync::Arc;

/// Output formats of `delegraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned table (SELECT, ASK); Turtle for graph results.
    Table,
    /// SPARQL results JSON; JSON-LD for graph results.
    Json,
    /// SPARQL results XML; RDF/XML for graph results.
    Xml,
    Csv,
    Tsv,
    /// An RDF syntax, for CONSTRUCT and DESCRIBE.
    Rdf(RdfFormat),
}

impl ResultFormat {
    /// Parses a format name, file extension or MIME type.
    pub fn parse(s: &str) -> Option<Self> {
        let l = s.to_ascii_lowercase();
        Some(match l.as_str() {
            "table" | "txt" | "text" => ResultFormat::Table,
            "json" | "srj" | "application/sparql-results+json" => ResultFormat::Json,
            "xml" | "srx" | "application/sparql-results+xml" => ResultFormat::Xml,
            "csv" | "text/csv" => ResultFormat::Csv,
            "tsv" | "text/tab-separated-values" => ResultFormat::Tsv,
            "turtle" => ResultFormat::Rdf(RdfFormat::Turtle),
            "ntriples" | "n-triples" => ResultFormat::Rdf(RdfFormat::NTriples),
            "nquads" | "n-quads" => ResultFormat::Rdf(RdfFormat::NQuads),
            "rdfxml" | "rdf/xml" | "rdf-xml" => ResultFormat::Rdf(RdfFormat::RdfXml),
            "json-ld" => ResultFormat::Rdf(RdfFormat::from_extension("jsonld")?),
            _ => ResultFormat::Rdf(
                RdfFormat::from_extension(&l).or_else(|| RdfFormat::from_media_type(&l))?,
            ),
        })
    }

    /// The RDF syntax a graph result is written in.
    fn graph_syntax(self) -> Option<RdfFormat> {
        match self {
            ResultFormat::Table => Some(RdfFormat::Turtle),
            ResultFormat::Json => RdfFormat::from_extension("jsonld"),
            ResultFormat::Xml => Some(RdfFormat::RdfXml),
            ResultFormat::Rdf(f) => Some(f),
            ResultFormat::Csv | ResultFormat::Tsv => None,
        }
    }
}

/// Display width in code points: good enough for German text and IRIs.
fn display_width(s: &str) -> usize {
    s.chars().count()
}

/// How the table shows a term: IRIs shortened by prefix, with the node's label in front.
fn cell(t: &Option<Term>, label: &mut dyn FnMut(&str) -> Option<String>) -> String {
    match t {
        None => String::new(),
        Some(Term::NamedNode(n)) => {
            let short = shorten(n.as_str());
            match label(n.as_str()) {
                Some(l) => format!("{} ({short})", one_line(&l)),
                None => short,
            }
        }
        Some(Term::BlankNode(b)) => format!("_:{}", b.as_str()),
        Some(Term::Literal(l)) => one_line(l.value()),
        #[allow(unreachable_patterns)]
        Some(other) => other.to_string(),
    }
}

/// A field of the SPARQL CSV format (RFC 4180): quoted when it holds a quote, comma or line
/// break. Written here because sparesults 0.3 leaves IRIs unquoted, and mention IRIs hold a
/// comma ("…#char=0,3") that split the row for every CSV reader.
fn csv_field(s: &str) -> String {
    if s.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

/// Rows held back to size the table's columns; later rows are printed as they come.
const TABLE_HEAD: usize = 200;

/// Writes solutions as they arrive. `label` gives a node's label for the table.
pub(crate) fn write_solutions(
    variables: &[String],
    rows: impl Iterator<Item = Result<Vec<Option<Term>>, RdfError>>,
    format: ResultFormat,
    label: &mut dyn FnMut(&str) -> Option<String>,
    mut w: impl Write,
) -> Result<(), RdfError> {
    match format {
        ResultFormat::Table => {
            let mut rows = rows.peekable();
            let mut head: Vec<Vec<String>> = Vec::new();
            while head.len() < TABLE_HEAD {
                match rows.next() {
                    Some(r) => head.push(r?.iter().map(|t| cell(t, label)).collect()),
                    None => break,
                }
            }
            let mut widths: Vec<usize> = variables.iter().map(|v| display_width(v) + 1).collect();
            for r in &head {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(display_width(c));
                }
            }
            let line = |w: &mut dyn Write, vals: &[String]| -> std::io::Result<()> {
                let mut s = String::new();
                for (i, v) in vals.iter().enumerate() {
                    if i > 0 {
                        s.push_str("  ");
                    }
                    s.push_str(v);
                    if i + 1 < vals.len() {
                        s.push_str(&" ".repeat(widths[i].saturating_sub(display_width(v))));
                    }
                }
                writeln!(w, "{}", s.trim_end())
            };
            let header: Vec<String> = variables.iter().map(|v| format!("?{v}")).collect();
            line(&mut w, &header)?;
            let rule: Vec<String> = widths.iter().map(|n| "-".repeat(*n)).collect();
            line(&mut w, &rule)?;
            let mut n = head.len();
            for r in &head {
                line(&mut w, r)?;
            }
            for r in rows {
                let r: Vec<String> = r?.iter().map(|t| cell(t, label)).collect();
                line(&mut w, &r)?;
                n += 1;
            }
            writeln!(w, "({n} row{})", if n == 1 { "" } else { "s" })?;
        }
        ResultFormat::Csv => {
            let header: Vec<String> = variables.iter().map(|v| csv_field(v)).collect();
            write!(w, "{}\r\n", header.join(","))?;
            for r in rows {
                let cells: Vec<String> = r?
                    .iter()
                    .map(|t| match t {
                        None => String::new(),
                        Some(Term::NamedNode(n)) => csv_field(n.as_str()),
                        Some(Term::BlankNode(b)) => csv_field(&format!("_:{}", b.as_str())),
                        Some(Term::Literal(l)) => csv_field(l.value()),
                        #[allow(unreachable_patterns)]
                        Some(other) => csv_field(&other.to_string()),
                    })
                    .collect();
                write!(w, "{}\r\n", cells.join(","))?;
            }
        }
        f @ (ResultFormat::Json | ResultFormat::Xml | ResultFormat::Tsv) => {
            let vars: Vec<Variable> = variables
                .iter()
                .map(|v| Variable::new_unchecked(v.clone()))
                .collect();
            let shared: Arc<[Variable]> = vars.clone().into();
            let mut ser = QueryResultsSerializer::from_format(results_format(f))
                .serialize_solutions_to_writer(&mut w, vars)?;
            for r in rows {
                ser.serialize(&QuerySolution::from((shared.clone(), r?)))?;
            }
            ser.finish()?;
        }
        ResultFormat::Rdf(f) => {
            return Err(RdfError::Evaluation(format!(
                "--format {}: an RDF syntax needs a CONSTRUCT or DESCRIBE query; use table, json, xml, csv or tsv for SELECT and ASK",
                f.name()
            )));
        }
    }
    Ok(())
}

pub(crate) fn write_boolean(
    b: bool,
    format: ResultFormat,
    mut w: impl Write,
) -> Result<(), RdfError> {
    match format {
        ResultFormat::Table => writeln!(w, "{b}")?,
        f @ (ResultFormat::Json | ResultFormat::Xml | ResultFormat::Csv | ResultFormat::Tsv) => {
            QueryResultsSerializer::from_format(results_format(f))
                .serialize_boolean_to_writer(&mut w, b)?;
        }
        ResultFormat::Rdf(f) => {
            return Err(RdfError::Evaluation(format!(
                "--format {}: an ASK query answers true or false; use table, json, xml, csv or tsv",
                f.name()
            )));
        }
    }
    Ok(())
}

/// Writes the triples of a graph result as they arrive, each once.
pub(crate) fn write_triples(
    triples: impl Iterator<Item = Result<Triple, RdfError>>,
    format: ResultFormat,
    mut w: impl Write,
) -> Result<(), RdfError> {
    let Some(rdf) = format.graph_syntax() else {
        return Err(RdfError::Evaluation(
            "--format csv/tsv is for SELECT and ASK; a CONSTRUCT or DESCRIBE query needs an RDF syntax (turtle, ntriples, nquads, trig, rdfxml, jsonld, n3)".into(),
        ));
    };
    let mut ser = RdfSerializer::from_format(rdf);
    for (p, ns) in crate::vocab::serialization_prefixes() {
        ser = ser
            .with_prefix(*p, *ns)
            .map_err(|e| RdfError::Parse(e.to_string()))?;
    }
    let mut s = ser.for_writer(&mut w);
    let mut seen: HashSet<Triple> = HashSet::new();
    for t in triples {
        let t = t?;
        if seen.insert(t.clone()) {
            s.serialize_triple(&t)?;
        }
    }
    s.finish()?;
    Ok(())
}

/// Writes materialized query output in the chosen format.
pub fn write_results(
    out: &QueryOutput,
    format: ResultFormat,
    w: impl Write,
) -> Result<(), RdfError> {
    match out {
        QueryOutput::Solutions { variables, rows } => write_solutions(
            variables,
            rows.iter().cloned().map(Ok),
            format,
            &mut |_| None,
            w,
        ),
        QueryOutput::Boolean(b) => write_boolean(*b, format, w),
        QueryOutput::Graph(triples) => write_triples(triples.iter().cloned().map(Ok), format, w),
    }
}

fn results_format(f: ResultFormat) -> QueryResultsFormat {
    match f {
        ResultFormat::Xml => QueryResultsFormat::Xml,
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_iris_with_commas() {
        let row = vec![
            Some(Term::NamedNode(NamedNode::new_unchecked(
                "https://w3id.org/delegraph/id/doc/a#char=0,3",
            ))),
            Some(Term::Literal(Literal::new_simple_literal(
                "Zoë \"Zee\",\nzwei",
            ))),
            None,
        ];
        let mut out = Vec::new();
        write_solutions(
            &["m".into(), "l".into(), "x".into()],
            std::iter::once(Ok(row)),
            ResultFormat::Csv,
            &mut |_| None,
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "m,l,x\r\n\"https://w3id.org/delegraph/id/doc/a#char=0,3\",\"Zoë \"\"Zee\"\",\nzwei\",\r\n"
        );
    }
    use oxigraph::model::{Literal, NamedNode};

    fn rows(n: usize) -> impl Iterator<Item = Result<Vec<Option<Term>>, RdfError>> {
        (0..n).map(|i| {
            Ok(vec![
                Some(Term::NamedNode(NamedNode::new_unchecked(format!(
                    "https://w3id.org/delegraph/id/person/p{i}"
                )))),
                (i % 2 == 0)
                    .then(|| Term::Literal(Literal::new_simple_literal(format!("a\nb{i}")))),
            ])
        })
    }

    #[test]
    fn the_table_streams_past_its_sized_head() {
        let mut out = Vec::new();
        let mut label = |iri: &str| iri.ends_with("/p7").then(|| "Petra Wendland".to_string());
        write_solutions(
            &["p".into(), "x".into()],
            rows(TABLE_HEAD + 50),
            ResultFormat::Table,
            &mut label,
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len(),
            2 + TABLE_HEAD + 50 + 1,
            "header, rule, rows, count"
        );
        assert_eq!(*lines.last().unwrap(), "(250 rows)");
        assert!(text.contains("Petra Wendland (dgid:person/p7)"));
        assert!(
            text.contains("a b0"),
            "line breaks in literals become spaces"
        );
        assert!(text.contains("dgid:person/p249"));
    }

    #[test]
    fn formats_by_name_extension_and_media_type() {
        assert_eq!(ResultFormat::parse("TSV"), Some(ResultFormat::Tsv));
        assert_eq!(
            ResultFormat::parse("ttl"),
            Some(ResultFormat::Rdf(RdfFormat::Turtle))
        );
        assert_eq!(
            ResultFormat::parse("application/n-quads"),
            Some(ResultFormat::Rdf(RdfFormat::NQuads))
        );
        assert_eq!(
            ResultFormat::parse("rdfxml"),
            Some(ResultFormat::Rdf(RdfFormat::RdfXml))
        );
        assert!(matches!(
            ResultFormat::parse("jsonld"),
            Some(ResultFormat::Rdf(RdfFormat::JsonLd { .. }))
        ));
        assert_eq!(ResultFormat::parse("yaml"), None);
        let mut out = Vec::new();
        let err = write_solutions(
            &["p".into()],
            rows(1),
            ResultFormat::Rdf(RdfFormat::Turtle),
            &mut |_| None,
            &mut out,
        );
        assert!(err.is_err());
    }
}
