//! Whole-store exports: Turtle for Protégé (ontology and data in one file), TriG and N-Quads
//! with the per-document graphs (N-Quads canonical: graph by graph, lines sorted), N-Triples of
//! the merged graph. (Network views for GraphViz are drawn by `delegraph-views`.)

use crate::{Graph, ONTOLOGY_TTL, RdfError, vocab};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, Term, Triple};
use std::collections::BTreeSet;
use std::io::Write;

/// Formats of `delegraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Turtle,
    TriG,
    NTriples,
    NQuads,
}

impl ExportFormat {
    /// Parses a format name, file extension or MIME type.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" | "text/turtle" => ExportFormat::Turtle,
            "trig" | "application/trig" => ExportFormat::TriG,
            "ntriples" | "nt" | "n-triples" | "application/n-triples" => ExportFormat::NTriples,
            "nquads" | "nq" | "n-quads" | "application/n-quads" => ExportFormat::NQuads,
            _ => return None,
        })
    }
}

/// OWL 2 reasoners (HermiT) reject xsd:date, xsd:gYear and xsd:gYearMonth; the Protégé export
/// writes them as xsd:dateTime at midnight of the first day of the period.
fn owl_safe(t: Triple) -> Triple {
    if let Term::Literal(l) = &t.object {
        let dt = l.datatype();
        let v = l.value();
        let mapped = if dt == xsd::DATE {
            Some(format!("{v}T00:00:00"))
        } else if dt == xsd::G_YEAR_MONTH {
            Some(format!("{v}-01T00:00:00"))
        } else if dt == xsd::G_YEAR {
            Some(format!("{v}-01-01T00:00:00"))
        } else {
            None
        };
        if let Some(m) = mapped {
            return Triple::new(
                t.subject,
                t.predicate,
                Literal::new_typed_literal(m, xsd::DATE_TIME),
            );
        }
    }
    t
}

/// Writes the store in `format`.
pub fn export(graph: &Graph, format: ExportFormat, mut w: impl Write) -> Result<(), RdfError> {
    match format {
        ExportFormat::NQuads => {
            graph.write_canonical_nquads(&mut w)?;
        }
        ExportFormat::TriG => {
            let mut ser = RdfSerializer::from_format(RdfFormat::TriG);
            for (p, ns) in vocab::serialization_prefixes() {
                ser = ser
                    .with_prefix(*p, *ns)
                    .map_err(|e| RdfError::Parse(e.to_string()))?;
            }
            let mut s = ser.for_writer(&mut w);
            let mut quads = graph.quads();
            quads.sort_by_cached_key(|q| {
                (
                    q.graph_name.to_string(),
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                )
            });
            for q in &quads {
                s.serialize_quad(q)?;
            }
            s.finish()?;
        }
        ExportFormat::NTriples => {
            let triples: BTreeSet<String> = graph
                .quads()
                .into_iter()
                .map(|q| format!("{} .\n", Triple::new(q.subject, q.predicate, q.object)))
                .collect();
            for t in triples {
                w.write_all(t.as_bytes())?;
            }
        }
        ExportFormat::Turtle => {
            writeln!(
                w,
                "# delegraph export: the delegraph ontology and all extracted data in one file."
            )?;
            writeln!(
                w,
                "# Dates are written as xsd:dateTime so that OWL 2 reasoners (HermiT) accept them;"
            )?;
            writeln!(
                w,
                "# the store and `delegraph export --format trig` keep xsd:date / xsd:gYearMonth / xsd:gYear."
            )?;
            let mut triples: Vec<Triple> = Vec::new();
            for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY_TTL.as_bytes()) {
                let q = t.map_err(|e| RdfError::Parse(format!("ontology: {e}")))?;
                triples.push(Triple::new(q.subject, q.predicate, q.object));
            }
            let ontology_subjects: BTreeSet<String> =
                triples.iter().map(|t| t.subject.to_string()).collect();
            let mut data: Vec<Triple> = graph
                .quads()
                .into_iter()
                .map(|q| owl_safe(Triple::new(q.subject, q.predicate, q.object)))
                .collect();
            data.sort_by_cached_key(|t| {
                (
                    t.subject.to_string(),
                    t.predicate.to_string(),
                    t.object.to_string(),
                )
            });
            data.dedup();
            // Ontology first (as written order is lost anyway, keep subjects grouped), then data.
            triples.sort_by_cached_key(|t| {
                (
                    t.subject.to_string(),
                    t.predicate.to_string(),
                    t.object.to_string(),
                )
            });
            let mut ser = RdfSerializer::from_format(RdfFormat::Turtle);
            for (p, ns) in vocab::serialization_prefixes() {
                ser = ser
                    .with_prefix(*p, *ns)
                    .map_err(|e| RdfError::Parse(e.to_string()))?;
            }
            let mut s = ser.for_writer(&mut w);
            for t in triples.iter().chain(
                data.iter()
                    .filter(|t| !ontology_subjects.contains(&t.subject.to_string())),
            ) {
                s.serialize_triple(t)?;
            }
            s.finish()?;
        }
    }
    Ok(())
}
