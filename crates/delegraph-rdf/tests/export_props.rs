//! Properties of the RDF mapping and the export writers over arbitrary names, titles, document
//! names, dates and amounts (proptest: runs on stable in `cargo test`; the fixed hostile
//! document is in `export_snapshots.rs`). Whatever a text calls a person or an organization:
//!
//! - every export (Turtle, TriG, N-Triples, N-Quads) re-parses with oxigraph's parsers;
//! - N-Triples, N-Quads and TriG give back exactly the store's triples and quads;
//! - the Protégé Turtle export holds the same data with dates as `xsd:dateTime` only, and
//!   every label of the store survives it unchanged;
//! - every IRI is ASCII without the characters IRIs must not contain.

use delegraph_model::{
    DocFacts, EntityCore, EntityRef, Office, OrgKind, Organization, Person, Status, Trip,
};
use delegraph_rdf::{ExportFormat, Graph};
use delegraph_text::PartialDate;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Quad, Term, Triple};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Names as hostile as text gets: any characters (controls, quotes, brackets, combining marks,
/// emoji), and German-looking ones.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,24}",
        "[A-ZÄÖÜ][a-zäöüß]{1,10} [A-ZÄÖÜ][a-zäöüß'-]{1,12}",
        any::<String>().prop_filter("not blank", |s| !s.trim().is_empty() && s.len() < 60),
    ]
}

fn date() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (1i16..=9999).prop_map(|y| Some(PartialDate::year(y))),
        (1i16..=9999, 1u8..=12).prop_map(|(y, m)| PartialDate::month(y, m)),
        (1i16..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| PartialDate::ymd(y, m, d)),
    ]
}

/// A document naming a person (with an office and a party), an organization, a trip between
/// them; every mention's span points at its text.
fn document(
    person: &str,
    org: &str,
    title: &str,
    doc: &str,
    dates: (Option<PartialDate>, Option<PartialDate>),
    cost: Option<f64>,
) -> DocFacts {
    let text = format!("{title} {person} besucht {org}.");
    let p_start = title.len() + 1;
    let o_start = p_start + person.len() + " besucht ".len();
    let mut p = EntityCore::new(person);
    p.add_mention(person, p_start..p_start + person.len());
    let mut o = EntityCore::new(org);
    o.add_mention(org, o_start..o_start + org.len());
    let mut f = DocFacts {
        document: doc.to_string(),
        source: format!("/in/{doc}"),
        title: Some(title.to_string()),
        published: dates.0,
        sha256: "ab".repeat(32),
        sentences: std::iter::once(0..text.len()).collect(),
        text,
        ..Default::default()
    };
    f.persons.push(Person {
        core: p,
        party: Some(org.to_string()),
        offices: vec![Office {
            title: title.to_string(),
            of: Some(EntityRef::org(0)),
            span: 0..p_start + person.len(),
            iri: None,
        }],
        ..Default::default()
    });
    f.organizations.push(Organization {
        core: o,
        kind: OrgKind::Other,
    });
    f.trips.push(Trip {
        leader: Some(EntityRef::person(0)),
        origin: None,
        destinations: Vec::new(),
        start: dates.1,
        end: dates.0,
        members: Vec::new(),
        meetings: vec![EntityRef::org(0)],
        cost_eur: cost,
        status: Status::Completed,
        evidence: std::iter::once(0..f.text.len()).collect(),
        iri: None,
    });
    f
}

fn export(g: &Graph, format: ExportFormat) -> String {
    let mut buf = Vec::new();
    delegraph_rdf::export(g, format, &mut buf).expect("export");
    String::from_utf8(buf).expect("exports are UTF-8")
}

fn parse(text: &str, format: RdfFormat) -> Result<Vec<Quad>, TestCaseError> {
    RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TestCaseError::fail(format!("{format} does not re-parse: {e}\n{text}")))
}

fn triples(quads: &[Quad]) -> BTreeSet<String> {
    quads
        .iter()
        .map(|q| Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone()).to_string())
        .collect()
}

fn labels(quads: &[Quad]) -> BTreeSet<(String, String)> {
    quads
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#label"))
        .filter_map(|q| match &q.object {
            Term::Literal(l) => Some((q.subject.to_string(), l.value().to_string())),
            _ => None,
        })
        .collect()
}

fn iris_are_clean(quads: &[Quad]) -> Result<(), TestCaseError> {
    for q in quads {
        let mut iris = vec![q.predicate.as_str()];
        if let NamedOrBlankNode::NamedNode(n) = &q.subject {
            iris.push(n.as_str());
        }
        if let Term::NamedNode(n) = &q.object {
            iris.push(n.as_str());
        }
        for i in iris {
            prop_assert!(i.is_ascii(), "non-ASCII IRI <{}>", i);
            prop_assert!(
                !i.contains(['<', '>', '"', ' ', '{', '}', '|', '\\', '^', '`', '\n']),
                "IRI with a forbidden character: <{}>",
                i
            );
        }
    }
    Ok(())
}

const OWL_REJECTED: [&str; 3] = [
    "http://www.w3.org/2001/XMLSchema#date",
    "http://www.w3.org/2001/XMLSchema#gYear",
    "http://www.w3.org/2001/XMLSchema#gYearMonth",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_export_round_trips_whatever_the_names(
        person in name(),
        org in name(),
        title in name(),
        doc in name(),
        published in date(),
        start in date(),
        cost in proptest::option::of(0.0f64..1e12),
    ) {
        let mut docs = vec![document(&person, &org, &title, &doc, (published, start), cost)];
        delegraph_link::link(&mut docs);
        let g = Graph::from_quads(delegraph_rdf::document_quads(&docs[0])).expect("graph");
        let store: Vec<Quad> = g.quads();
        prop_assert!(!store.is_empty());
        iris_are_clean(&store)?;
        let union = triples(&store);

        let nt = parse(&export(&g, ExportFormat::NTriples), RdfFormat::NTriples)?;
        prop_assert_eq!(triples(&nt), union.clone());
        let quads: BTreeSet<String> = store.iter().map(Quad::to_string).collect();
        for (format, rdf) in [
            (ExportFormat::NQuads, RdfFormat::NQuads),
            (ExportFormat::TriG, RdfFormat::TriG),
        ] {
            let parsed = parse(&export(&g, format), rdf)?;
            let got: BTreeSet<String> = parsed.iter().map(Quad::to_string).collect();
            prop_assert_eq!(got, quads.clone(), "{} round trip", rdf);
        }

        let ttl = parse(&export(&g, ExportFormat::Turtle), RdfFormat::Turtle)?;
        iris_are_clean(&ttl)?;
        for q in &ttl {
            if let Term::Literal(l) = &q.object {
                prop_assert!(
                    !OWL_REJECTED.contains(&l.datatype().as_str()),
                    "OWL 2 rejects {}",
                    q
                );
            }
        }
        prop_assert!(labels(&store).is_subset(&labels(&ttl)), "a label changed in Turtle");
        // Same data apart from the date types: as many data triples per subject.
        let subjects = |qs: &[Quad]| -> BTreeSet<String> {
            qs.iter().map(|q| q.subject.to_string()).collect()
        };
        prop_assert!(subjects(&store).is_subset(&subjects(&ttl)));
        let ttl_set = triples(&ttl);
        let undated = union
            .iter()
            .filter(|t| !OWL_REJECTED.iter().any(|d| t.ends_with(&format!("<{d}>"))));
        for t in undated {
            prop_assert!(ttl_set.contains(t), "missing from Turtle: {}", t);
        }
    }
}
