//! Linked document facts -> RDF quads, one named graph per document.

use crate::vocab::*;
use delegraph_model::{DocFacts, EntityRef, OrgKind, PlaceKind, Span};
use delegraph_text::PartialDate;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

struct G<'a> {
    graph: GraphName,
    doc: &'a DocFacts,
    doc_iri: String,
    out: Vec<Quad>,
}

/// The most mentions recorded for one node in one document. Each mention carries its
/// sentence, so a page repeating one name 100,000 times would otherwise make gigabytes of
/// provenance; a hundred places to check a fact are plenty.
pub const MAX_MENTIONS_PER_NODE: usize = 100;

/// `s` with the characters XML 1.0 cannot carry (control characters other than tab and line
/// breaks) replaced by U+FFFD, so that every literal survives the SPARQL XML results format
/// and RDF/XML. Document text has none (normalization removes them); titles from sidecar files
/// and file names may.
fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        c < ' ' && !matches!(c, '\t' | '\n' | '\r') || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(bad) {
        s.replace(bad, "\u{FFFD}").into()
    } else {
        s.into()
    }
}

fn nn(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

impl G<'_> {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.out.push(Quad::new(
            NamedOrBlankNode::from(nn(s)),
            nn(p),
            o.into(),
            self.graph.clone(),
        ));
    }
    fn iri(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, nn(o));
    }
    fn text(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, Literal::new_simple_literal(xml_safe(o)));
    }
    fn ty(&mut self, s: &str, class: &str) {
        self.iri(s, RDF_TYPE, &dg(class));
    }
    /// A mention node for a span; offsets count code points.
    fn mention(&mut self, owner: &str, span: &Span) {
        let text = &self.doc.text;
        let b = delegraph_text::char_offset(text, span.start);
        let e = b + text[span.clone()].chars().count();
        let m = format!("{}#char={b},{e}", self.doc_iri);
        self.iri(owner, GAF_DENOTED_BY, &m);
        self.ty(&m, "Mention");
        self.add(
            &m,
            NIF_BEGIN,
            Literal::new_typed_literal(b.to_string(), xsd::NON_NEGATIVE_INTEGER),
        );
        self.add(
            &m,
            NIF_END,
            Literal::new_typed_literal(e.to_string(), xsd::NON_NEGATIVE_INTEGER),
        );
        self.text(&m, NIF_ANCHOR, &text[span.clone()]);
        let doc = self.doc_iri.clone();
        self.iri(&m, NIF_CONTEXT, &doc);
        let sent = self.doc.sentence_of(span);
        self.text(&m, &dg("sentence"), text[sent].trim());
    }
}

/// An xsd:date, xsd:gYearMonth or xsd:gYear literal, by precision.
pub fn date_literal(d: PartialDate) -> Literal {
    let dt = match (d.month, d.day) {
        (Some(_), Some(_)) => xsd::DATE,
        (Some(_), None) => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    };
    Literal::new_typed_literal(d.to_string(), dt)
}

fn org_class(k: OrgKind) -> &'static str {
    match k {
        OrgKind::Company => "Company",
        OrgKind::University => "University",
        OrgKind::Research => "ResearchInstitute",
        OrgKind::PublicBody => "PublicBody",
        OrgKind::Chamber => "Chamber",
        OrgKind::Association => "Association",
        OrgKind::Culture => "CulturalInstitution",
        OrgKind::Media => "MediaOrganization",
        OrgKind::Event => "NamedEvent",
        OrgKind::Party => "PoliticalParty",
        OrgKind::Other => "Organization",
    }
}

fn place_class(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::City => "City",
        PlaceKind::District => "District",
        PlaceKind::Region => "Region",
        PlaceKind::Country => "Country",
    }
}

/// The quads of one linked document (all in the document's named graph).
///
/// # Panics
/// When the document was not linked (IRIs missing): linking is a precondition.
pub fn document_quads(doc: &DocFacts) -> Vec<Quad> {
    let doc_iri = doc.iri.clone().expect("document is linked");
    let mut g = G {
        graph: GraphName::NamedNode(nn(&doc_iri)),
        doc,
        doc_iri: doc_iri.clone(),
        out: Vec::new(),
    };
    g.ty(&doc_iri, "Document");
    g.text(
        &doc_iri,
        RDFS_LABEL,
        doc.title.as_deref().unwrap_or(&doc.document),
    );
    if let Some(t) = &doc.title {
        g.text(&doc_iri, DCT_TITLE, t);
    }
    if let Some(p) = doc.published {
        g.add(&doc_iri, DCT_ISSUED, date_literal(p));
    }
    g.text(&doc_iri, &dg("sourcePath"), &doc.source);
    g.text(
        &doc_iri,
        &dg("contentHash"),
        &format!("sha256:{}", doc.sha256),
    );

    let iri_of = |r: EntityRef| doc.core(r).iri.clone().expect("entity is linked");
    for r in doc.entity_refs() {
        let c = doc.core(r);
        let e = iri_of(r);
        match r.ty {
            delegraph_model::EntityType::Person => g.ty(&e, "Person"),
            delegraph_model::EntityType::Place => {
                let p = &doc.places[r.index];
                g.ty(&e, "Place");
                g.ty(&e, place_class(p.kind));
                g.text(&e, &dg("placeKind"), p.kind.as_str());
                if let Some(cc) = &p.country {
                    g.text(&e, GN_COUNTRY_CODE, cc);
                }
                if let Some(id) = p.geonames_id {
                    g.add(
                        &e,
                        &dg("geonamesId"),
                        Literal::new_typed_literal(id.to_string(), xsd::INTEGER),
                    );
                    g.iri(&e, OWL_SAME_AS, &format!("{GEONAMES_FEATURE}{id}/"));
                }
            }
            delegraph_model::EntityType::Organization => {
                let o = &doc.organizations[r.index];
                g.ty(&e, "Organization");
                g.ty(&e, org_class(o.kind));
                g.text(&e, &dg("orgKind"), o.kind.as_str());
            }
        }
        g.text(&e, RDFS_LABEL, &c.name);
        for a in &c.aliases {
            g.text(&e, SKOS_ALT, a);
        }
        g.iri(&e, &dg("mentionedIn"), &doc_iri);
        for m in c.mentions.iter().take(MAX_MENTIONS_PER_NODE) {
            g.mention(&e, m);
        }
    }
    for p in &doc.persons {
        let e = p.core.iri.clone().expect("linked");
        if let (Some(party), Some(piri)) = (&p.party, &p.party_iri) {
            g.ty(piri, "Organization");
            g.ty(piri, "PoliticalParty");
            g.text(piri, RDFS_LABEL, party);
            g.text(piri, &dg("orgKind"), "party");
            g.iri(&e, &dg("memberOfParty"), piri);
            // The party's own mention where the membership is stated, so that the fact's
            // evidence is a sentence naming both.
            if let Some(span) = &p.party_span {
                g.mention(piri, span);
            }
        }
        for o in &p.offices {
            let oi = o.iri.clone().expect("linked");
            g.ty(&oi, "OfficeHolding");
            let label = match o.of {
                Some(r) => format!("{} ({}, {})", o.title, p.core.name, doc.name(r)),
                None => format!("{} ({})", o.title, p.core.name),
            };
            g.text(&oi, RDFS_LABEL, &label);
            g.text(&oi, &dg("title"), &o.title);
            g.iri(&e, &dg("holdsOffice"), &oi);
            g.iri(&oi, &dg("officeHolder"), &e);
            if let Some(r) = o.of {
                g.iri(&oi, &dg("officeOf"), &iri_of(r));
            }
            g.iri(&oi, PROV_DERIVED, &doc_iri);
            g.mention(&oi, &o.span);
        }
    }
    for t in &doc.trips {
        let ti = t.iri.clone().expect("linked");
        g.ty(&ti, "DelegationTrip");
        let who = t
            .leader
            .map_or("Delegation".to_string(), |r| doc.name(r).to_string());
        let whereto: Vec<&str> = t.destinations.iter().map(|r| doc.name(*r)).collect();
        g.text(&ti, RDFS_LABEL, &format!("{who} → {}", whereto.join(", ")));
        if let Some(l) = t.leader {
            g.iri(&ti, &dg("leader"), &iri_of(l));
        }
        if let Some(o) = t.origin {
            g.iri(&ti, &dg("origin"), &iri_of(o));
        }
        let doc_slug = doc_iri.rsplit('/').next().unwrap_or("doc").to_string();
        for (n, d) in t.destinations.iter().enumerate() {
            let place = iri_of(*d);
            g.iri(&ti, &dg("destination"), &place);
            let stop = format!("{ti}/stop/{doc_slug}-{}", n + 1);
            g.ty(&stop, "TripStop");
            g.iri(&ti, &dg("stop"), &stop);
            g.add(
                &stop,
                &dg("stopIndex"),
                Literal::new_typed_literal((n + 1).to_string(), xsd::INTEGER),
            );
            g.iri(&stop, &dg("stopPlace"), &place);
            g.text(&stop, RDFS_LABEL, &format!("{}. {}", n + 1, doc.name(*d)));
        }
        for m in &t.members {
            g.iri(&ti, &dg("member"), &iri_of(*m));
        }
        for m in &t.meetings {
            g.iri(&ti, &dg("met"), &iri_of(*m));
        }
        if let Some(s) = t.start {
            g.add(&ti, &dg("startDate"), date_literal(s));
        }
        if let Some(e) = t.end {
            g.add(&ti, &dg("endDate"), date_literal(e));
        }
        if let Some(c) = t.cost_eur {
            g.add(
                &ti,
                &dg("costEUR"),
                Literal::new_typed_literal(format!("{c:.2}"), xsd::DECIMAL),
            );
        }
        g.text(&ti, &dg("status"), t.status.as_str());
        g.iri(&ti, PROV_DERIVED, &doc_iri);
        for s in t.evidence.iter().take(MAX_MENTIONS_PER_NODE) {
            g.mention(&ti, s);
        }
    }
    for p in &doc.partnerships {
        let pi = p.iri.clone().expect("linked");
        let (a, b) = (iri_of(p.a), iri_of(p.b));
        g.ty(&pi, "Partnership");
        g.text(
            &pi,
            RDFS_LABEL,
            &format!("{} – {}", doc.name(p.a), doc.name(p.b)),
        );
        g.iri(&pi, &dg("partner"), &a);
        g.iri(&pi, &dg("partner"), &b);
        g.iri(&a, DBO_TWIN, &b);
        g.iri(&b, DBO_TWIN, &a);
        if let Some(y) = p.since {
            g.add(&pi, &dg("since"), date_literal(PartialDate::year(y)));
        }
        g.text(&pi, &dg("status"), p.status.as_str());
        g.iri(&pi, PROV_DERIVED, &doc_iri);
        for s in p.evidence.iter().take(MAX_MENTIONS_PER_NODE) {
            g.mention(&pi, s);
        }
    }
    for a in &doc.agreements {
        let ai = a.iri.clone().expect("linked");
        g.ty(&ai, "Agreement");
        let parties: Vec<&str> = a.parties.iter().map(|r| doc.name(*r)).collect();
        g.text(
            &ai,
            RDFS_LABEL,
            &format!(
                "{} ({})",
                a.kind.as_str().replace('_', " "),
                parties.join(", ")
            ),
        );
        g.text(&ai, &dg("agreementKind"), a.kind.as_str());
        for r in &a.parties {
            g.iri(&ai, &dg("agreementParty"), &iri_of(*r));
        }
        for r in &a.signatories {
            g.iri(&ai, &dg("signatory"), &iri_of(*r));
        }
        if let Some(d) = a.date {
            g.add(&ai, &dg("signedOn"), date_literal(d));
        }
        g.text(&ai, &dg("status"), a.status.as_str());
        g.iri(&ai, PROV_DERIVED, &doc_iri);
        for s in a.evidence.iter().take(MAX_MENTIONS_PER_NODE) {
            g.mention(&ai, s);
        }
    }
    let mut out = g.out;
    out.sort_by_cached_key(|q| q.to_string());
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_xml_safe() {
        assert_eq!(xml_safe("a\u{7}b\u{0}c"), "a\u{FFFD}b\u{FFFD}c");
        assert!(matches!(
            xml_safe("Zeile\nZeile\t\"<&>\""),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
