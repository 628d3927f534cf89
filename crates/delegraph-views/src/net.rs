//! The network as the store states it, read once with SPARQL: entities with their kinds,
//! labels and countries, and the facts the views draw (trips, offices, partnerships,
//! agreements). Views are built from this, never from the store directly.

use crate::ViewError;
use delegraph_rdf::{Graph, QueryOutput};
use oxigraph::model::Term;
use std::collections::{BTreeMap, BTreeSet};

/// What an entity is: the type decides the shape, the kind the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    City,
    District,
    Region,
    Country,
    PublicBody,
    Party,
    Company,
    Science,
    Society,
    Media,
    Trip,
    Agreement,
}

impl Kind {
    pub fn is_place(self) -> bool {
        matches!(
            self,
            Kind::City | Kind::District | Kind::Region | Kind::Country
        )
    }

    fn of_place(kind: &str) -> Kind {
        match kind {
            "district" => Kind::District,
            "region" => Kind::Region,
            "country" => Kind::Country,
            _ => Kind::City,
        }
    }

    fn of_org(kind: &str) -> Kind {
        match kind {
            "public_body" | "chamber" => Kind::PublicBody,
            "party" => Kind::Party,
            "company" => Kind::Company,
            "university" | "research" => Kind::Science,
            "media" => Kind::Media,
            _ => Kind::Society,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: String,
    pub label: String,
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 code of a place.
    pub country: Option<String>,
    /// Every name the store gives it (label and aliases), for `--focus`.
    pub names: BTreeSet<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Trip {
    pub leader: Option<String>,
    pub origin: Option<String>,
    /// Places in travel order.
    pub route: Vec<String>,
    pub members: BTreeSet<String>,
    pub met: BTreeSet<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Office {
    pub holder: String,
    pub title: String,
    pub of: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Agreement {
    pub kind: Option<String>,
    pub date: Option<String>,
    pub parties: BTreeSet<String>,
    pub signatories: BTreeSet<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Net {
    pub entities: BTreeMap<String, Entity>,
    pub trips: BTreeMap<String, Trip>,
    pub offices: Vec<Office>,
    /// person -> party
    pub party_of: BTreeSet<(String, String)>,
    /// (town, town) with the founding years the documents give.
    pub partnerships: BTreeMap<(String, String), BTreeSet<String>>,
    pub agreements: BTreeMap<String, Agreement>,
}

fn rows(g: &Graph, q: &str) -> Result<Vec<Vec<Option<Term>>>, ViewError> {
    match g.query(q)? {
        QueryOutput::Solutions { rows, .. } => Ok(rows),
        _ => Ok(Vec::new()),
    }
}

/// The lexical value of a term (IRI or literal text).
fn text(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(Term::BlankNode(b)) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

fn col(r: &[Option<Term>], i: usize) -> String {
    r.get(i).and_then(text).unwrap_or_default()
}

fn opt(r: &[Option<Term>], i: usize) -> Option<String> {
    r.get(i).and_then(text)
}

impl Net {
    /// Reads the network from the store.
    pub fn load(g: &Graph) -> Result<Net, ViewError> {
        let mut net = Net::default();
        let entity_queries = [
            ("dg:Person", None),
            ("dg:Place", Some("dg:placeKind")),
            ("dg:Organization", Some("dg:orgKind")),
            ("dg:DelegationTrip", None),
            ("dg:Agreement", None),
        ];
        for (class, kind_prop) in entity_queries {
            let kind_pattern = kind_prop
                .map(|p| format!("OPTIONAL {{ ?e {p} ?k }}"))
                .unwrap_or_default();
            let q = format!(
                "SELECT ?e (MIN(?l) AS ?label) (MIN(?k) AS ?kind) (MIN(?cc) AS ?country)
                 WHERE {{ ?e a {class} ; rdfs:label ?l {kind_pattern} OPTIONAL {{ ?e gn:countryCode ?cc }} }}
                 GROUP BY ?e"
            );
            for r in rows(g, &q)? {
                let iri = col(&r, 0);
                let kind_text = col(&r, 2);
                let kind = match class {
                    "dg:Person" => Kind::Person,
                    "dg:Place" => Kind::of_place(&kind_text),
                    "dg:Organization" => Kind::of_org(&kind_text),
                    "dg:DelegationTrip" => Kind::Trip,
                    _ => Kind::Agreement,
                };
                // A party is also an organization; the first class read wins.
                net.entities.entry(iri.clone()).or_insert(Entity {
                    iri,
                    label: col(&r, 1),
                    kind,
                    country: opt(&r, 3),
                    names: BTreeSet::new(),
                });
            }
        }
        for r in rows(
            g,
            "SELECT DISTINCT ?e ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }",
        )? {
            if let Some(e) = net.entities.get_mut(&col(&r, 0)) {
                e.names.insert(col(&r, 1));
            }
        }
        net.load_trips(g)?;
        for r in rows(
            g,
            "SELECT DISTINCT ?p ?t ?of WHERE { ?o dg:officeHolder ?p ; dg:title ?t OPTIONAL { ?o dg:officeOf ?of } }",
        )? {
            net.offices.push(Office {
                holder: col(&r, 0),
                title: col(&r, 1),
                of: opt(&r, 2),
            });
        }
        for r in rows(
            g,
            "SELECT DISTINCT ?p ?party WHERE { ?p dg:memberOfParty ?party }",
        )? {
            net.party_of.insert((col(&r, 0), col(&r, 1)));
        }
        for r in rows(
            g,
            "SELECT DISTINCT ?a ?b ?y WHERE { ?p a dg:Partnership ; dg:partner ?a, ?b FILTER(STR(?a) < STR(?b)) OPTIONAL { ?p dg:since ?y } }",
        )? {
            let years = net
                .partnerships
                .entry((col(&r, 0), col(&r, 1)))
                .or_default();
            if let Some(y) = opt(&r, 2) {
                years.insert(y);
            }
        }
        for r in rows(
            g,
            "SELECT DISTINCT ?a ?k ?d WHERE { ?a a dg:Agreement OPTIONAL { ?a dg:agreementKind ?k } OPTIONAL { ?a dg:signedOn ?d } }",
        )? {
            let a = net.agreements.entry(col(&r, 0)).or_default();
            a.kind = a.kind.take().or(opt(&r, 1));
            a.date = a.date.take().or(opt(&r, 2));
        }
        for (prop, party) in [("dg:agreementParty", true), ("dg:signatory", false)] {
            for r in rows(
                g,
                &format!("SELECT DISTINCT ?a ?x WHERE {{ ?a {prop} ?x }}"),
            )? {
                let a = net.agreements.entry(col(&r, 0)).or_default();
                if party {
                    a.parties.insert(col(&r, 1));
                } else {
                    a.signatories.insert(col(&r, 1));
                }
            }
        }
        Ok(net)
    }

    fn load_trips(&mut self, g: &Graph) -> Result<(), ViewError> {
        for r in rows(
            g,
            "SELECT ?t (MIN(?l) AS ?leader) (MIN(?o) AS ?origin) (MIN(?s) AS ?start) (MAX(?e) AS ?end) (MIN(?st) AS ?status)
             WHERE { ?t a dg:DelegationTrip
                     OPTIONAL { ?t dg:leader ?l } OPTIONAL { ?t dg:origin ?o }
                     OPTIONAL { ?t dg:startDate ?s } OPTIONAL { ?t dg:endDate ?e }
                     OPTIONAL { ?t dg:status ?st } }
             GROUP BY ?t",
        )? {
            self.trips.insert(
                col(&r, 0),
                Trip {
                    leader: opt(&r, 1),
                    origin: opt(&r, 2),
                    start: opt(&r, 3),
                    end: opt(&r, 4),
                    status: opt(&r, 5),
                    ..Trip::default()
                },
            );
        }
        // Stops in order; a trip told by several documents has a numbered route from each:
        // ordered by number, then document, each place once.
        let mut stops: BTreeMap<String, Vec<(i64, String, String)>> = BTreeMap::new();
        for r in rows(
            g,
            "SELECT DISTINCT ?t ?s ?i ?p WHERE { ?t dg:stop ?s . ?s dg:stopIndex ?i ; dg:stopPlace ?p }",
        )? {
            let i = col(&r, 2).parse().unwrap_or(i64::MAX);
            stops
                .entry(col(&r, 0))
                .or_default()
                .push((i, col(&r, 1), col(&r, 3)));
        }
        for (t, mut v) in stops {
            v.sort();
            if let Some(trip) = self.trips.get_mut(&t) {
                for (_, _, place) in v {
                    if !trip.route.contains(&place) {
                        trip.route.push(place);
                    }
                }
            }
        }
        for r in rows(g, "SELECT DISTINCT ?t ?p WHERE { ?t dg:destination ?p }")? {
            if let Some(trip) = self.trips.get_mut(&col(&r, 0)) {
                let p = col(&r, 1);
                if !trip.route.contains(&p) {
                    trip.route.push(p);
                }
            }
        }
        for (prop, members) in [("dg:member", true), ("dg:met", false)] {
            for r in rows(
                g,
                &format!("SELECT DISTINCT ?t ?x WHERE {{ ?t {prop} ?x }}"),
            )? {
                if let Some(trip) = self.trips.get_mut(&col(&r, 0)) {
                    if members {
                        trip.members.insert(col(&r, 1));
                    } else {
                        trip.met.insert(col(&r, 1));
                    }
                }
            }
        }
        Ok(())
    }

    /// The name of a country by its code: the label of the country place with that code in
    /// the store, else the gazetteer's German name (CLDR).
    pub fn country_name(&self, code: &str) -> Option<String> {
        self.entities
            .values()
            .find(|e| e.kind == Kind::Country && e.country.as_deref() == Some(code))
            .map(|e| e.label.clone())
            .or_else(|| {
                let places = delegraph_gazetteer::places::Places::get();
                places
                    .country_by_code(code)
                    .map(|id| places.place(id).name.clone())
            })
    }
}
