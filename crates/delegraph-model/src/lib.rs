//! The domain model of delegraph: what one document states about officials, places,
//! organizations, trips, partnerships and agreements, with the spans that support it.
//!
//! Extraction fills a [`DocFacts`]; linking sets the `iri` fields; the graph and the JSON
//! extraction record ([`record::Record`]) are both views of it.

pub mod record;

use delegraph_text::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ops::Range;

/// A half-open byte range into the document text.
pub type Span = Range<usize>;

/// Kinds of places, as the record spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlaceKind {
    City,
    District,
    Region,
    Country,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::District => "district",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
        }
    }
}

/// Kinds of organizations, as the record spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrgKind {
    Company,
    University,
    Research,
    PublicBody,
    Chamber,
    Association,
    Culture,
    Media,
    Event,
    Party,
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 11] = [
        OrgKind::Company,
        OrgKind::University,
        OrgKind::Research,
        OrgKind::PublicBody,
        OrgKind::Chamber,
        OrgKind::Association,
        OrgKind::Culture,
        OrgKind::Media,
        OrgKind::Event,
        OrgKind::Party,
        OrgKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Company => "company",
            OrgKind::University => "university",
            OrgKind::Research => "research",
            OrgKind::PublicBody => "public_body",
            OrgKind::Chamber => "chamber",
            OrgKind::Association => "association",
            OrgKind::Culture => "culture",
            OrgKind::Media => "media",
            OrgKind::Event => "event",
            OrgKind::Party => "party",
            OrgKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for OrgKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which list an entity lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Place,
    Organization,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "org",
        }
    }
}

/// A reference to an entity of the same document: its type and index in that list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    pub ty: EntityType,
    pub index: usize,
}

impl EntityRef {
    pub fn person(index: usize) -> Self {
        EntityRef {
            ty: EntityType::Person,
            index,
        }
    }
    pub fn place(index: usize) -> Self {
        EntityRef {
            ty: EntityType::Place,
            index,
        }
    }
    pub fn org(index: usize) -> Self {
        EntityRef {
            ty: EntityType::Organization,
            index,
        }
    }
}

/// What every entity has: names, mentions and (after linking) an IRI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityCore {
    /// The fullest name the document gives.
    pub name: String,
    /// Other surface forms in the document.
    pub aliases: BTreeSet<String>,
    /// Spans where the entity is mentioned.
    pub mentions: Vec<Span>,
    /// Set by linking.
    pub iri: Option<String>,
}

impl EntityCore {
    pub fn new(name: impl Into<String>) -> Self {
        EntityCore {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Adds a surface form (ignored when it equals the name) and its span.
    pub fn add_mention(&mut self, surface: &str, span: Span) {
        if surface != self.name && !surface.is_empty() {
            self.aliases.insert(surface.to_string());
        }
        if !self.mentions.contains(&span) {
            self.mentions.push(span);
        }
    }
}

/// An office as written ("Regierender Bürgermeister") and whose office it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub title: String,
    pub of: Option<EntityRef>,
    pub span: Span,
    pub iri: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub core: EntityCore,
    pub party: Option<String>,
    /// Where the text states the party ("(CDU)", "CDU-Politikerin"): the evidence of the
    /// membership, not just any mention of the person.
    pub party_span: Option<Span>,
    /// Set by linking: the IRI of the party as an organization.
    pub party_iri: Option<String>,
    pub offices: Vec<Office>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub core: EntityCore,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub geonames_id: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub core: EntityCore,
    pub kind: OrgKind,
}

/// Whether a reported event happened, is planned, or did not happen.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Status {
    /// Announced with a destination or date ("wird … besuchen").
    Announced,
    /// Under way at publication ("ist … aufgebrochen").
    Ongoing,
    /// Finished ("ist … zurückgekehrt", past tense).
    Completed,
    /// Only intended ("plant", "soll").
    Planned,
    Cancelled,
    Negated,
    /// Stated as a fact without tense information (partnerships).
    #[default]
    Stated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
            Status::Negated => "negated",
            Status::Stated => "stated",
        }
    }
}

/// A delegation trip.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    pub leader: Option<EntityRef>,
    pub origin: Option<EntityRef>,
    /// Places in travel order.
    pub destinations: Vec<EntityRef>,
    #[serde(with = "opt_date")]
    pub start: Option<PartialDate>,
    #[serde(with = "opt_date")]
    pub end: Option<PartialDate>,
    pub members: Vec<EntityRef>,
    pub meetings: Vec<EntityRef>,
    pub cost_eur: Option<f64>,
    pub status: Status,
    /// Sentences that describe the trip.
    pub evidence: Vec<Span>,
    pub iri: Option<String>,
}

/// A sister-city or partner-region relationship between two places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partnership {
    pub a: EntityRef,
    pub b: EntityRef,
    pub since: Option<i16>,
    pub status: Status,
    pub evidence: Vec<Span>,
    pub iri: Option<String>,
}

/// Kinds of formal agreements, as the record spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgreementKind {
    PartnershipAgreement,
    MemorandumOfUnderstanding,
    LetterOfIntent,
    CooperationAgreement,
    Communique,
    Other,
}

impl AgreementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AgreementKind::PartnershipAgreement => "partnership_agreement",
            AgreementKind::MemorandumOfUnderstanding => "memorandum_of_understanding",
            AgreementKind::LetterOfIntent => "letter_of_intent",
            AgreementKind::CooperationAgreement => "cooperation_agreement",
            AgreementKind::Communique => "communique",
            AgreementKind::Other => "other",
        }
    }
}

/// A formal document concluded in the reported events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub kind: AgreementKind,
    pub parties: Vec<EntityRef>,
    pub signatories: Vec<EntityRef>,
    #[serde(with = "opt_date")]
    pub date: Option<PartialDate>,
    pub status: Status,
    pub evidence: Vec<Span>,
    pub iri: Option<String>,
}

/// Something the extractor wants the user to know about a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub span: Option<Span>,
    pub message: String,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    pub document: String,
    pub source: String,
    pub title: Option<String>,
    #[serde(with = "opt_date")]
    pub published: Option<PartialDate>,
    pub sha256: String,
    /// The document text all spans point into.
    pub text: String,
    pub persons: Vec<Person>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub trips: Vec<Trip>,
    pub partnerships: Vec<Partnership>,
    pub agreements: Vec<Agreement>,
    pub diagnostics: Vec<Diagnostic>,
    /// Sentence spans, in order (set by extraction).
    pub sentences: Vec<Span>,
    /// Set by linking: the document's IRI, also its named graph.
    pub iri: Option<String>,
}

impl DocFacts {
    pub fn core(&self, r: EntityRef) -> &EntityCore {
        match r.ty {
            EntityType::Person => &self.persons[r.index].core,
            EntityType::Place => &self.places[r.index].core,
            EntityType::Organization => &self.organizations[r.index].core,
        }
    }

    pub fn core_mut(&mut self, r: EntityRef) -> &mut EntityCore {
        match r.ty {
            EntityType::Person => &mut self.persons[r.index].core,
            EntityType::Place => &mut self.places[r.index].core,
            EntityType::Organization => &mut self.organizations[r.index].core,
        }
    }

    pub fn name(&self, r: EntityRef) -> &str {
        &self.core(r).name
    }

    /// All entity references of the document, persons first.
    pub fn entity_refs(&self) -> Vec<EntityRef> {
        let mut v: Vec<EntityRef> = (0..self.persons.len()).map(EntityRef::person).collect();
        v.extend((0..self.places.len()).map(EntityRef::place));
        v.extend((0..self.organizations.len()).map(EntityRef::org));
        v
    }

    /// The sentence containing a span (the span's own text when sentences are unknown).
    pub fn sentence_of(&self, span: &Span) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        match self.sentences.get(i) {
            Some(s) if s.start <= span.start => s.start..s.end.max(span.end),
            _ => span.clone(),
        }
    }
}

/// `Option<PartialDate>` as its ISO text (`2024`, `2024-05`, `2024-05-13`), for the extraction
/// cache of `delegraph-store`.
mod opt_date {
    use delegraph_text::PartialDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    pub fn serialize<S: Serializer>(d: &Option<PartialDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(|d| d.to_string()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PartialDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(t) => PartialDate::parse_iso(&t)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("not a date: {t}"))),
        }
    }
}
