//! The JSON extraction record: a flat per-document view of the facts
//! (see the project's `spec/extraction-record.md`).

use crate::{DocFacts, EntityRef};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub document: String,
    pub published: Option<String>,
    pub persons: Vec<PersonRec>,
    pub places: Vec<PlaceRec>,
    pub organizations: Vec<OrgRec>,
    pub trips: Vec<TripRec>,
    pub partnerships: Vec<PartnershipRec>,
    pub agreements: Vec<AgreementRec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub party: Option<String>,
    pub offices: Vec<OfficeRec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeRec {
    pub title: String,
    pub of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub leader: Option<String>,
    pub origin: Option<String>,
    pub destinations: Vec<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub members: Vec<String>,
    pub meetings: Vec<String>,
    pub cost_eur: Option<f64>,
    /// delegraph addition: announced, ongoing, completed, planned, cancelled, negated.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnershipRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub cities: Vec<String>,
    pub since: Option<i16>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementRec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub parties: Vec<String>,
    pub kind: String,
    pub date: Option<String>,
    pub signatories: Vec<String>,
}

impl Record {
    /// The record view of a document's facts (with IRIs as ids when linked).
    pub fn from_facts(f: &DocFacts) -> Record {
        let names = |v: &[EntityRef]| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for r in v {
                let n = f.name(*r).to_string();
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            out
        };
        Record {
            document: f.document.clone(),
            published: f.published.map(|d| d.to_string()),
            persons: f
                .persons
                .iter()
                .map(|p| PersonRec {
                    id: p.core.iri.clone(),
                    name: p.core.name.clone(),
                    aliases: p.core.aliases.iter().cloned().collect(),
                    party: p.party.clone(),
                    offices: p
                        .offices
                        .iter()
                        .map(|o| OfficeRec {
                            title: o.title.clone(),
                            of: o.of.map(|r| f.name(r).to_string()),
                        })
                        .collect(),
                })
                .collect(),
            places: f
                .places
                .iter()
                .map(|p| PlaceRec {
                    id: p.core.iri.clone(),
                    name: p.core.name.clone(),
                    kind: p.kind.as_str().to_string(),
                    country: p.country.clone(),
                    aliases: p.core.aliases.iter().cloned().collect(),
                })
                .collect(),
            organizations: f
                .organizations
                .iter()
                .map(|o| OrgRec {
                    id: o.core.iri.clone(),
                    name: o.core.name.clone(),
                    kind: o.kind.as_str().to_string(),
                    aliases: o.core.aliases.iter().cloned().collect(),
                })
                .collect(),
            trips: f
                .trips
                .iter()
                .map(|t| TripRec {
                    id: t.iri.clone(),
                    leader: t.leader.map(|r| f.name(r).to_string()),
                    origin: t.origin.map(|r| f.name(r).to_string()),
                    destinations: names(&t.destinations),
                    start: t.start.map(|d| d.to_string()),
                    end: t.end.map(|d| d.to_string()),
                    members: names(&t.members),
                    meetings: names(&t.meetings),
                    cost_eur: t.cost_eur,
                    status: t.status.as_str().to_string(),
                })
                .collect(),
            partnerships: f
                .partnerships
                .iter()
                .map(|p| PartnershipRec {
                    id: p.iri.clone(),
                    cities: vec![f.name(p.a).to_string(), f.name(p.b).to_string()],
                    since: p.since,
                })
                .collect(),
            agreements: f
                .agreements
                .iter()
                .map(|a| AgreementRec {
                    id: a.iri.clone(),
                    parties: names(&a.parties),
                    kind: a.kind.as_str().to_string(),
                    date: a.date.map(|d| d.to_string()),
                    signatories: names(&a.signatories),
                })
                .collect(),
        }
    }
}
