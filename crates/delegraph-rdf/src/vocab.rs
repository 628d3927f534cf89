//! IRIs of the delegraph ontology (`ontology/delegraph.ttl`) and the vocabularies it reuses.
//! A test checks that every `dg:` term used here is declared in the ontology.

/// Prefixes predeclared for SPARQL queries and used in Turtle output.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dg", "https://w3id.org/delegraph/ontology#"),
    ("dgid", "https://w3id.org/delegraph/id/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("schema", "http://schema.org/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    (
        "nif",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    ),
    ("gaf", "http://groundedannotationframework.org/gaf#"),
    ("gn", "http://www.geonames.org/ontology#"),
    ("dbo", "http://dbpedia.org/ontology/"),
    ("time", "http://www.w3.org/2006/time#"),
    ("vann", "http://purl.org/vocab/vann/"),
];

/// Prefixes for Turtle and TriG output. `dgid:` is left out: its local names contain `/`,
/// which Turtle must escape (`dgid:person\/x`) and older OWL API versions reject.
pub fn serialization_prefixes() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    PREFIXES.iter().filter(|(p, _)| *p != "dgid")
}

pub const DG: &str = "https://w3id.org/delegraph/ontology#";
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const PROV_DERIVED: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
pub const GAF_DENOTED_BY: &str = "http://groundedannotationframework.org/gaf#denotedBy";
pub const NIF_BEGIN: &str =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
pub const NIF_END: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
pub const NIF_ANCHOR: &str =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
pub const NIF_CONTEXT: &str =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
pub const DCT_TITLE: &str = "http://purl.org/dc/terms/title";
pub const DCT_ISSUED: &str = "http://purl.org/dc/terms/issued";
pub const GN_COUNTRY_CODE: &str = "http://www.geonames.org/ontology#countryCode";
pub const DBO_TWIN: &str = "http://dbpedia.org/ontology/twinCity";
pub const GEONAMES_FEATURE: &str = "https://sws.geonames.org/";

/// `dg:` terms, by local name. Kept in one list so the ontology test can check them all.
pub const DG_TERMS: &[&str] = &[
    "Person",
    "Place",
    "City",
    "District",
    "Region",
    "Country",
    "Organization",
    "Company",
    "University",
    "ResearchInstitute",
    "PublicBody",
    "Chamber",
    "Association",
    "CulturalInstitution",
    "MediaOrganization",
    "NamedEvent",
    "PoliticalParty",
    "Document",
    "OfficeHolding",
    "DelegationTrip",
    "TripStop",
    "Partnership",
    "Agreement",
    "Mention",
    "holdsOffice",
    "officeHolder",
    "officeOf",
    "memberOfParty",
    "leader",
    "member",
    "origin",
    "destination",
    "stop",
    "stopPlace",
    "met",
    "partner",
    "agreementParty",
    "signatory",
    "mentionedIn",
    "title",
    "stopIndex",
    "startDate",
    "endDate",
    "signedOn",
    "since",
    "costEUR",
    "status",
    "agreementKind",
    "placeKind",
    "orgKind",
    "geonamesId",
    "contentHash",
    "sourcePath",
    "sentence",
];

/// The full IRI of a `dg:` term.
pub fn dg(local: &str) -> String {
    debug_assert!(DG_TERMS.contains(&local), "undeclared dg term {local}");
    format!("{DG}{local}")
}
