//! Snapshot tests of every export format (Turtle, TriG, N-Quads, N-Triples) and of the
//! query result formats (table, JSON, XML, CSV, TSV) for one small, hand-built, already linked
//! document. Nothing here runs the extractor, so the snapshots change only when the RDF
//! mapping or a serializer changes (review with `cargo insta review`).
//!
//! The document is hostile on purpose: a person and an organization whose label and alias hold
//! Unicode, quotes, `<>`, `#`, `%`, `&` and a newline, and dates of all three precisions. Besides
//! the snapshots, the Turtle, TriG, N-Triples and N-Quads outputs must re-parse with oxigraph's
//! parser to the same triples, every IRI in them must be ASCII, the Turtle export must carry
//! the ontology and no date type that OWL 2 reasoners reject. (DOT views are tested in
//! `delegraph-views`.) The same checks run on the document as `delegraph_link::link` names it, and CI feeds
//! both documents' exports to independent parsers (rapper, rdflib) through
//! `hostile_exports_for_independent_parsers`.

use delegraph_model::{
    Agreement, AgreementKind, DocFacts, EntityCore, EntityRef, Office, OrgKind, Organization,
    Partnership, Person, Place, PlaceKind, Span, Status, Trip,
};
use delegraph_rdf::{ExportFormat, Graph, ResultFormat};
use delegraph_text::PartialDate;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term, Triple};
use std::collections::BTreeSet;

const ID: &str = "https://w3id.org/delegraph/id/";

/// The label of the hostile person: Unicode, quotes, angle brackets, `#`, `%`, `&`, newline.
const ODD_NAME: &str = "Zoë \"Zee\" <Ö&Ü> #1 100%\nO'Brien";
const ODD_ALIAS: &str = "Z. <O'Brien> #2 50%\n\"die Neue\"";
const ODD_ORG: &str = "Ä&B \"Spezial\" <GmbH> #3 %20";

const TEXT: &str = "Der Regierende Bürgermeister Jonas Vehlow (CDU) reist vom 10. November 2024 an nach New York City und Los Angeles.\n\
Begleitet wird er von Zoë \"Zee\" <Ö&Ü> #1 100%\nO'Brien, genannt Z. <O'Brien> #2 50%\n\"die Neue\".\n\
In New York trifft Vehlow die Firma Ä&B \"Spezial\" <GmbH> #3 %20; die Reise kostet 123.000,50 Euro.\n\
Berlin und Los Angeles sind seit 1967 Partnerstädte.\n\
Berlin und Los Angeles unterzeichnen 2024 eine Absichtserklärung.\n";

/// The byte span of the `nth` occurrence of `needle` in [`TEXT`].
fn at(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"))
        .0;
    start..start + needle.len()
}

/// The line (one sentence each) containing byte `b`.
fn line_of(b: usize) -> Span {
    let start = TEXT[..b].rfind('\n').map_or(0, |i| i + 1);
    let end = TEXT[b..].find('\n').map_or(TEXT.len(), |i| b + i);
    start..end
}

fn core(name: &str, iri: &str, mentions: &[(&str, usize)]) -> EntityCore {
    let mut c = EntityCore::new(name);
    for (surface, nth) in mentions {
        c.add_mention(surface, at(surface, *nth));
    }
    c.iri = Some(iri.to_string());
    c
}

fn place(name: &str, slug: &str, cc: &str, geonames: u32, kind: PlaceKind) -> Place {
    Place {
        core: core(name, &format!("{ID}place/{slug}-{geonames}"), &[(name, 0)]),
        kind,
        country: Some(cc.to_string()),
        geonames_id: Some(geonames),
    }
}

/// The hand-built document, with every IRI set as linking would set it.
fn facts() -> DocFacts {
    let text = TEXT.to_string();
    // Sentences: one per line, except the second sentence, which spans the name's newline.
    let second = at("Begleitet", 0).start;
    let third = at("In New York", 0).start;
    let mut sentences = vec![line_of(0), second..third - 1];
    let mut b = third;
    while b < TEXT.len() {
        let l = line_of(b);
        b = l.end + 1;
        sentences.push(l);
    }

    let mut vehlow = Person {
        core: core(
            "Jonas Vehlow",
            &format!("{ID}person/jonas-vehlow"),
            &[("Jonas Vehlow", 0), ("Vehlow", 1)],
        ),
        party: Some("CDU".into()),
        party_span: None,
        party_iri: Some(format!("{ID}org/cdu")),
        offices: Vec::new(),
    };
    vehlow.offices.push(Office {
        title: "Regierender Bürgermeister".into(),
        of: Some(EntityRef::place(0)),
        span: at("Regierende Bürgermeister", 0).start..at("Jonas Vehlow", 0).end,
        iri: Some(format!(
            "{ID}office/jonas-vehlow-regierender-buergermeister-berlin-2950159"
        )),
    });
    let mut odd = core(
        ODD_NAME,
        &format!("{ID}person/zoe-zee-oe-ue-1-100-obrien"),
        &[],
    );
    odd.add_mention(ODD_NAME, at(ODD_NAME, 0));
    odd.add_mention(ODD_ALIAS, at(ODD_ALIAS, 0));
    let odd_person = Person {
        core: odd,
        ..Default::default()
    };

    let places = vec![
        place("Berlin", "berlin", "DE", 2950159, PlaceKind::City),
        place(
            "New York City",
            "new-york-city",
            "US",
            5128581,
            PlaceKind::City,
        ),
        place("Los Angeles", "los-angeles", "US", 5368361, PlaceKind::City),
    ];
    let org = Organization {
        core: core(
            ODD_ORG,
            &format!("{ID}org/ae-b-spezial-gmbh-3-20"),
            &[(ODD_ORG, 0)],
        ),
        kind: OrgKind::Company,
    };

    let trip = Trip {
        leader: Some(EntityRef::person(0)),
        origin: Some(EntityRef::place(0)),
        destinations: vec![EntityRef::place(1), EntityRef::place(2)],
        start: PartialDate::ymd(2024, 11, 10),
        end: PartialDate::month(2024, 11),
        members: vec![EntityRef::person(1)],
        meetings: vec![EntityRef::org(0)],
        cost_eur: Some(123_000.5),
        status: Status::Announced,
        evidence: vec![sentences[0].clone(), sentences[2].clone()],
        iri: Some(format!(
            "{ID}trip/jonas-vehlow-new-york-city-5128581-2024-11"
        )),
    };
    let partnership = Partnership {
        a: EntityRef::place(0),
        b: EntityRef::place(2),
        since: Some(1967),
        status: Status::Stated,
        evidence: vec![sentences[3].clone()],
        iri: Some(format!(
            "{ID}partnership/berlin-2950159--los-angeles-5368361"
        )),
    };
    let agreement = Agreement {
        kind: AgreementKind::LetterOfIntent,
        parties: vec![EntityRef::place(0), EntityRef::place(2)],
        signatories: vec![EntityRef::person(0)],
        date: Some(PartialDate::year(2024)),
        status: Status::Completed,
        evidence: vec![sentences[4].clone()],
        iri: Some(format!(
            "{ID}agreement/letter-of-intent-berlin-2950159--los-angeles-5368361-2024"
        )),
    };

    DocFacts {
        document: "snapshot doc #1.txt".into(),
        source: "/data/snapshot doc #1.txt".into(),
        title: Some("Reise nach \"New York\" <&> #1 100%".into()),
        published: PartialDate::ymd(2024, 11, 8),
        sha256: "0123456789abcdef".repeat(4),
        text,
        persons: vec![vehlow, odd_person],
        places,
        organizations: vec![org],
        trips: vec![trip],
        partnerships: vec![partnership],
        agreements: vec![agreement],
        diagnostics: Vec::new(),
        sentences,
        iri: Some(format!("{ID}doc/snapshot-doc-1")),
    }
}

fn graph_of(f: &DocFacts) -> Graph {
    Graph::from_quads(delegraph_rdf::document_quads(f)).expect("graph")
}

fn graph() -> Graph {
    graph_of(&facts())
}

fn export(g: &Graph, format: ExportFormat) -> String {
    let mut buf = Vec::new();
    delegraph_rdf::export(g, format, &mut buf).expect("export");
    String::from_utf8(buf).expect("exports are UTF-8")
}

fn parse(text: &str, format: RdfFormat) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format} output does not re-parse: {e}\n{text}"))
}

fn triple_set(quads: impl IntoIterator<Item = Quad>) -> BTreeSet<String> {
    quads
        .into_iter()
        .map(|q| Triple::new(q.subject, q.predicate, q.object).to_string())
        .collect()
}

#[track_caller]
fn assert_ascii_iris(quads: &[Quad], what: &str) {
    for q in quads {
        let mut iris = vec![q.predicate.as_str().to_string()];
        if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = &q.subject {
            iris.push(n.as_str().to_string());
        }
        if let Term::NamedNode(n) = &q.object {
            iris.push(n.as_str().to_string());
        }
        if let oxigraph::model::GraphName::NamedNode(n) = &q.graph_name {
            iris.push(n.as_str().to_string());
        }
        for i in iris {
            assert!(i.is_ascii(), "{what}: non-ASCII IRI <{i}>");
            assert!(
                !i.contains(['<', '>', '"', ' ', '{', '}', '|', '\\', '^', '`', '\n']),
                "{what}: IRI with a character IRIs must not contain: <{i}>"
            );
        }
    }
}

/// The Turtle export with the ontology part (the same in every export) left out.
fn turtle_without_ontology(ttl: &str) -> String {
    let lines: Vec<&str> = ttl.lines().collect();
    let head = lines
        .iter()
        .take_while(|l| l.starts_with('#') || l.starts_with("@prefix"))
        .count();
    let data = lines
        .iter()
        .position(|l| l.starts_with(&format!("<{ID}")))
        .expect("the export has data");
    let mut out: Vec<&str> = lines[..head].to_vec();
    out.push("# [… the ontology, ontology/delegraph.ttl, is left out of this snapshot …]");
    out.extend(&lines[data..]);
    out.join("\n") + "\n"
}

// ---------------------------------------------------------------------------------------------
// Snapshots

#[test]
fn snapshot_turtle() {
    insta::assert_snapshot!(
        "turtle",
        turtle_without_ontology(&export(&graph(), ExportFormat::Turtle))
    );
}

#[test]
fn snapshot_trig() {
    insta::assert_snapshot!("trig", export(&graph(), ExportFormat::TriG));
}

#[test]
fn snapshot_nquads() {
    insta::assert_snapshot!("nquads", export(&graph(), ExportFormat::NQuads));
}

#[test]
fn snapshot_ntriples() {
    insta::assert_snapshot!("ntriples", export(&graph(), ExportFormat::NTriples));
}

const LABELS: &str = "SELECT ?s ?label ?alias WHERE { ?s rdfs:label ?label OPTIONAL { ?s skos:altLabel ?alias } } ORDER BY ?s ?label ?alias";

const TRIPS: &str = "SELECT ?trip ?start ?end ?cost (COUNT(?stop) AS ?stops) WHERE { ?trip a dg:DelegationTrip ; dg:startDate ?start ; dg:endDate ?end ; dg:costEUR ?cost ; dg:stop ?stop } GROUP BY ?trip ?start ?end ?cost";

fn results(query: &str, format: ResultFormat) -> String {
    let out = graph().query(query).expect("query runs");
    let mut buf = Vec::new();
    delegraph_rdf::write_results(&out, format, &mut buf).expect("results are written");
    String::from_utf8(buf).expect("results are UTF-8")
}

#[test]
fn snapshot_results_table() {
    insta::assert_snapshot!("results_table", results(LABELS, ResultFormat::Table));
    insta::assert_snapshot!("results_table_trips", results(TRIPS, ResultFormat::Table));
    insta::assert_snapshot!(
        "results_table_ask",
        results("ASK { ?p a dg:Person }", ResultFormat::Table)
    );
}

#[test]
fn snapshot_results_json() {
    let json = results(LABELS, ResultFormat::Json);
    insta::assert_snapshot!("results_json", json);
    insta::assert_snapshot!("results_json_trips", results(TRIPS, ResultFormat::Json));
}

#[test]
fn snapshot_results_csv() {
    insta::assert_snapshot!("results_csv", results(LABELS, ResultFormat::Csv));
}

#[test]
fn snapshot_results_tsv_and_xml() {
    insta::assert_snapshot!("results_tsv", results(LABELS, ResultFormat::Tsv));
    insta::assert_snapshot!("results_xml", results(LABELS, ResultFormat::Xml));
}

#[test]
fn snapshot_construct_as_turtle() {
    insta::assert_snapshot!(
        "construct_turtle",
        results(
            "CONSTRUCT { ?a dbo:twinCity ?b . ?a rdfs:label ?l } WHERE { ?a dbo:twinCity ?b ; rdfs:label ?l }",
            ResultFormat::Rdf(RdfFormat::Turtle)
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Properties of the exports (for the hand-linked and the linker-linked document)

fn check_exports(g: &Graph, what: &str) {
    let union = triple_set(g.quads());
    // N-Triples: exactly the union of the document graphs.
    let nt = export(g, ExportFormat::NTriples);
    let nt_quads = parse(&nt, RdfFormat::NTriples);
    assert_ascii_iris(&nt_quads, &format!("{what}: N-Triples"));
    assert_eq!(triple_set(nt_quads), union, "{what}: N-Triples round trip");

    // N-Quads and TriG: the same quads, graph names included.
    let quads: BTreeSet<String> = g.quads().iter().map(Quad::to_string).collect();
    for (format, rdf) in [
        (ExportFormat::NQuads, RdfFormat::NQuads),
        (ExportFormat::TriG, RdfFormat::TriG),
    ] {
        let parsed = parse(&export(g, format), rdf);
        assert_ascii_iris(&parsed, &format!("{what}: {rdf}"));
        let got: BTreeSet<String> = parsed.iter().map(Quad::to_string).collect();
        assert_eq!(got, quads, "{what}: {rdf} round trip");
    }

    // Turtle: ontology + data, dates as xsd:dateTime, and nothing else changed.
    let ttl = export(g, ExportFormat::Turtle);
    let ttl_quads = parse(&ttl, RdfFormat::Turtle);
    assert_ascii_iris(&ttl_quads, &format!("{what}: Turtle"));
    let owl_ontology = "<https://w3id.org/delegraph/ontology> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology>";
    let ttl_set = triple_set(ttl_quads.clone());
    assert!(
        ttl_set.contains(owl_ontology),
        "{what}: the Turtle export declares the owl:Ontology"
    );
    let ontology = triple_set(parse(delegraph_rdf::ONTOLOGY_TTL, RdfFormat::Turtle));
    assert!(
        ontology.is_subset(&ttl_set),
        "{what}: the whole ontology is in the Turtle export"
    );
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let mut date_times = 0;
    for q in &ttl_quads {
        if let Term::Literal(l) = &q.object {
            let dt = l.datatype().as_str();
            assert!(
                ![
                    format!("{xsd}date"),
                    format!("{xsd}gYear"),
                    format!("{xsd}gYearMonth")
                ]
                .iter()
                .any(|d| d == dt),
                "{what}: OWL 2 rejects {dt} in the Turtle export: {q}"
            );
            date_times += usize::from(dt == format!("{xsd}dateTime"));
        }
    }
    // published, start (date), end (gYearMonth), signedOn (gYear), since (gYear)
    assert_eq!(date_times, 5, "{what}: every date becomes an xsd:dateTime");
    assert!(!ttl.contains("^^xsd:date ") && !ttl.contains("XMLSchema#date>"));
    for t in &union {
        let data_triple = !t.contains("XMLSchema#date>")
            && !t.contains("XMLSchema#gYear>")
            && !t.contains("XMLSchema#gYearMonth>");
        if data_triple {
            assert!(ttl_set.contains(t), "{what}: Turtle export lost {t}");
        }
    }

    // The odd label and alias survive every syntax unchanged.
    for (syntax, format) in [(&nt, RdfFormat::NTriples), (&ttl, RdfFormat::Turtle)] {
        let parsed = parse(syntax, format);
        let literals: BTreeSet<String> = parsed
            .iter()
            .filter_map(|q| match &q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect();
        for s in [ODD_NAME, ODD_ALIAS, ODD_ORG] {
            assert!(literals.contains(s), "{what}: label {s:?} is not kept");
        }
    }
}

#[test]
fn exports_reparse_with_ascii_iris() {
    check_exports(&graph(), "hand-linked");
}

/// The hostile document with every IRI forgotten and minted again by `delegraph_link::link`.
fn linker_linked() -> DocFacts {
    let mut f = facts();
    f.iri = None;
    for p in &mut f.persons {
        p.core.iri = None;
        p.party_iri = None;
        for o in &mut p.offices {
            o.iri = None;
        }
    }
    for p in &mut f.places {
        p.core.iri = None;
    }
    for o in &mut f.organizations {
        o.core.iri = None;
    }
    for t in &mut f.trips {
        t.iri = None;
    }
    for p in &mut f.partnerships {
        p.iri = None;
    }
    for a in &mut f.agreements {
        a.iri = None;
    }
    let mut docs = vec![f];
    delegraph_link::link(&mut docs);
    docs.pop().expect("one document")
}

#[test]
fn exports_reparse_when_the_linker_names_the_document() {
    check_exports(&graph_of(&linker_linked()), "linker-linked");
}

/// With `DELEGRAPH_HOSTILE_EXPORTS=DIR` set, writes the Turtle, TriG, N-Triples and N-Quads
/// exports of the hostile document, hand-linked and linker-linked, to
/// `DIR/{hand-linked,linker-linked}.{ttl,trig,nt,nq}`, so that CI (`.ci/run`) can check them
/// with parsers independent of oxigraph (rapper, rdflib). Without it, nothing is written.
#[test]
fn hostile_exports_for_independent_parsers() {
    let Some(dir) = std::env::var_os("DELEGRAPH_HOSTILE_EXPORTS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create DELEGRAPH_HOSTILE_EXPORTS");
    for (name, g) in [
        ("hand-linked", graph()),
        ("linker-linked", graph_of(&linker_linked())),
    ] {
        for (ext, format) in [
            ("ttl", ExportFormat::Turtle),
            ("trig", ExportFormat::TriG),
            ("nt", ExportFormat::NTriples),
            ("nq", ExportFormat::NQuads),
        ] {
            let path = dir.join(format!("{name}.{ext}"));
            std::fs::write(&path, export(&g, format))
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
    }
}

#[test]
fn every_date_precision_keeps_its_datatype_in_the_store() {
    let nq = export(&graph(), ExportFormat::NQuads);
    for lit in [
        "\"2024-11-08\"^^<http://www.w3.org/2001/XMLSchema#date>",
        "\"2024-11\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>",
        "\"2024\"^^<http://www.w3.org/2001/XMLSchema#gYear>",
        "\"1967\"^^<http://www.w3.org/2001/XMLSchema#gYear>",
        "\"123000.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>",
    ] {
        assert!(nq.contains(lit), "{lit} missing from the N-Quads");
    }
}
