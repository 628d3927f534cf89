//! Rule-based extraction for delegraph: German text in, [`DocFacts`] out.
//!
//! Extraction never fails: odd text yields fewer facts and, where useful, diagnostics.
//! The stages are recognition ([`ner`]) of persons, places and organizations, then events
//! ([`events`]) over the sentences that mention them.

mod assembly;
mod ctx;
mod events;
mod frames;
mod inflect;
mod lexicon;
mod ner;
mod offices;
mod sides;

use ctx::Ctx;
use delegraph_gazetteer::places::Places;
use delegraph_model::{
    Agreement, Diagnostic, DocFacts, EntityCore, EntityRef, EntityType, Office, Organization,
    Partnership, Person, Place, Trip,
};
use delegraph_text::temporal::{TimeValue, find_time_expressions};
use delegraph_text::{Document, PartialDate, money::find_money};
use ner::{Found, OfRef, norm_key};

/// Extracts everything delegraph knows how to find from one document.
pub fn extract(doc: &Document) -> DocFacts {
    let ctx = Ctx::new(&doc.text);
    let found = ner::recognize(&ctx);
    let anchor = anchor_date(doc);
    // The header's metadata line ("date 2022-09-02") dates the document, not its events.
    let meta = metadata_lines(&doc.text);
    let times: Vec<_> = find_time_expressions(&doc.text, anchor)
        .into_iter()
        .filter(|t| {
            !meta
                .iter()
                .any(|m| m.start <= t.span.start && t.span.end <= m.end)
        })
        .collect();
    let money = find_money(&doc.text);
    let work = event_work(&ctx, &found);
    if work > MAX_EVENT_WORK {
        let none = events::Events {
            trips: Vec::new(),
            partnerships: Vec::new(),
            agreements: Vec::new(),
        };
        let mut facts = build(doc, &ctx, &found, &none);
        facts.diagnostics.push(Diagnostic {
            span: None,
            message: format!(
                "too many names for the event rules ({} mentions of {} persons in {} sentences): \
                 entities extracted, trips, partnerships and agreements not",
                found.index.len(),
                found.persons.len(),
                ctx.sents.len()
            ),
        });
        return facts;
    }
    let clauses = clause_analysis(&ctx, &found);
    let events = events::find(
        &ctx,
        &found,
        &clauses,
        &times,
        &money,
        anchor.or(doc.published),
    );
    build(doc, &ctx, &found, &events)
}

/// The bound on [`event_work`] past which a document gets its entities but no events: about
/// ten seconds of the event rules on one core.
pub const MAX_EVENT_WORK: u64 = 8_000_000_000;

/// An estimate of what the event rules cost on a document, in units of about a nanosecond.
///
/// Some rules in `events.rs` scan every mention of the document for each mention in a trip
/// sentence, and for each person every mention of every trip sentence (`sentence_entities`
/// filters the whole mention index per call), so their cost grows with mentions squared and
/// with persons × sentences × mentions. Real articles are far below the bound; a list of
/// 20,000 names or one name repeated 100,000 times is far above it.
fn event_work(ctx: &Ctx, f: &Found) -> u64 {
    let m = f.index.len() as u64;
    let p = f.persons.len() as u64;
    let s = ctx.sents.len() as u64;
    7u64.saturating_mul(m)
        .saturating_mul(m)
        .saturating_add(p.saturating_mul(s).saturating_mul(m))
}

/// The clause analysis of a document, with recognized entities as atoms.
pub(crate) fn clause_analysis(ctx: &Ctx, f: &Found) -> delegraph_clause::Analysis {
    let atoms: Vec<std::ops::Range<usize>> = f.index.iter().map(|(r, _)| r.clone()).collect();
    delegraph_clause::analyze(ctx.text, &ctx.toks, &ctx.sents, &atoms)
}

/// Byte ranges of the header's "date …" metadata lines.
fn metadata_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n >= 12 {
            break;
        }
        if line.trim_start().starts_with("date ") {
            out.push(at..at + line.len());
        }
        at += line.len();
    }
    out
}

/// The date relative expressions are resolved against: the publication date, else the latest
/// full date the text names (a report "am 8. November" is written on or after that day).
fn anchor_date(doc: &Document) -> Option<PartialDate> {
    if let Some(p) = doc.published.filter(PartialDate::is_day) {
        return Some(p);
    }
    let latest = find_time_expressions(&doc.text, doc.published)
        .into_iter()
        .filter_map(|t| match t.value {
            TimeValue::Point(p) if p.is_day() => Some(p),
            _ => None,
        })
        .filter(|p| doc.published.is_none_or(|pub_| pub_.year == p.year))
        .max();
    latest.or(doc.published)
}

/// Where the party of a person is stated: the party's word in a sentence that mentions the
/// person, nearest to a mention ("Lutz Ahrendt (CDU)", "die SPD-Abgeordnete X").
fn party_span(
    ctx: &Ctx,
    mentions: &[(std::ops::Range<usize>, String)],
    party: &str,
) -> Option<std::ops::Range<usize>> {
    let names_party = |k: usize| {
        let w = ctx.word(k);
        w == party
            || w.strip_prefix(party)
                .is_some_and(|rest| rest.starts_with('-'))
    };
    mentions
        .iter()
        .filter_map(|(m, _)| {
            let sent = ctx.sents[ctx.sent_of[m.start]].clone();
            sent.filter(|&k| names_party(k))
                .min_by_key(|&k| k.abs_diff(m.start))
                .map(|k| (k.abs_diff(m.start), k))
        })
        .min()
        .map(|(_, k)| ctx.span(k..k + 1))
}

fn first_start(m: &[(std::ops::Range<usize>, String)]) -> usize {
    m.iter().map(|(t, _)| t.start).min().unwrap_or(usize::MAX)
}

/// Entities in the order of their first mention, and the way from recognition's indices to
/// the record's.
struct Order {
    persons: Vec<usize>,
    places: Vec<usize>,
    orgs: Vec<usize>,
    /// New index of each recognized person, place, organization.
    pi: Vec<usize>,
    li: Vec<usize>,
    oi: Vec<usize>,
}

impl Order {
    fn new(f: &Found) -> Order {
        let by_first = |n: usize, mentions: &dyn Fn(usize) -> usize| {
            let mut v: Vec<usize> = (0..n).collect();
            v.sort_by_key(|&i| mentions(i));
            v
        };
        let persons = by_first(f.persons.len(), &|i| first_start(&f.persons[i].mentions));
        let places = by_first(f.places.len(), &|i| first_start(&f.places[i].mentions));
        let orgs = by_first(f.orgs.len(), &|i| first_start(&f.orgs[i].mentions));
        let inv = |order: &[usize]| {
            let mut v = vec![0; order.len()];
            for (new, &old) in order.iter().enumerate() {
                v[old] = new;
            }
            v
        };
        Order {
            pi: inv(&persons),
            li: inv(&places),
            oi: inv(&orgs),
            persons,
            places,
            orgs,
        }
    }

    fn map(&self, r: EntityRef) -> EntityRef {
        match r.ty {
            EntityType::Person => EntityRef::person(self.pi[r.index]),
            EntityType::Place => EntityRef::place(self.li[r.index]),
            EntityType::Organization => EntityRef::org(self.oi[r.index]),
        }
    }

    fn map_all(&self, v: &[EntityRef]) -> Vec<EntityRef> {
        v.iter().map(|r| self.map(*r)).collect()
    }
}

/// An entity's name and mentions, in text order.
fn core(ctx: &Ctx, name: String, mentions: &[(std::ops::Range<usize>, String)]) -> EntityCore {
    let mut c = EntityCore::new(name);
    let mut ms: Vec<&(std::ops::Range<usize>, String)> = mentions.iter().collect();
    ms.sort_by_key(|(t, _)| t.start);
    for (t, s) in ms {
        c.add_mention(s, ctx.span(t.clone()));
    }
    c
}

fn build(doc: &Document, ctx: &Ctx, f: &Found, ev: &events::Events) -> DocFacts {
    let order = Order::new(f);
    let mut facts = DocFacts {
        document: doc.name.clone(),
        source: doc.source.clone(),
        title: doc.title.clone(),
        published: doc.published,
        sha256: doc.sha256.clone(),
        text: doc.text.clone(),
        sentences: ctx.sents.iter().map(|r| ctx.span(r.clone())).collect(),
        ..Default::default()
    };
    push_entities(&mut facts, ctx, f, &order);
    for &i in &order.persons {
        let offices = offices_of(&facts, ctx, f, &order, i);
        facts.persons[order.pi[i]].offices = offices;
    }
    // The places the phrases named, before the document-level rules add theirs.
    let stated: Vec<Vec<Option<EntityRef>>> = facts
        .persons
        .iter()
        .map(|p| p.offices.iter().map(|o| o.of).collect())
        .collect();
    push_events(&mut facts, ctx, ev, &order);
    offices::signatories_offices(&mut facts, f, &order.persons);
    offices::home_offices(&mut facts, f, &order.persons, &order.places);
    offices::town_sides(&mut facts, f, &order.persons, &order.places, &stated);
    offices::hosts_by_office(&mut facts);
    facts
}

/// Places, organizations and persons (without offices), by first mention.
fn push_entities(facts: &mut DocFacts, ctx: &Ctx, f: &Found, order: &Order) {
    let gaz = Places::get();
    for &i in &order.places {
        let p = gaz.place(f.places[i].id);
        facts.places.push(Place {
            core: core(ctx, p.name.clone(), &f.places[i].mentions),
            kind: p.kind,
            country: p.country.clone(),
            geonames_id: p.geonames_id,
        });
    }
    for &i in &order.orgs {
        let o = &f.orgs[i];
        let mut c = core(ctx, o.name.clone(), &o.mentions);
        for a in &o.aliases {
            if *a != c.name {
                c.aliases.insert(a.clone());
            }
        }
        facts.organizations.push(Organization {
            core: c,
            kind: o.kind,
        });
    }
    for &i in &order.persons {
        let p = &f.persons[i];
        facts.persons.push(Person {
            core: core(ctx, p.name(), &p.mentions),
            party: p.party.clone(),
            party_span: p
                .party
                .as_deref()
                .and_then(|party| party_span(ctx, &p.mentions, party)),
            party_iri: None,
            offices: Vec::new(),
        });
    }
}

/// The place or organization an office's surface form names: by name or alias; an
/// organization whose name starts with the prefix ("Tongji-Präsident" → "Tongji-Universität");
/// the longest known start ("IHK Ostthüringen" where only "IHK" was recognized); a country
/// code ("US-Präsident").
fn resolve_surface(facts: &DocFacts, s: &str) -> Option<EntityRef> {
    let key = norm_key(s);
    let refs = facts.entity_refs();
    let by_name = || {
        refs.iter().copied().find(|r| {
            r.ty != EntityType::Person && {
                let c = facts.core(*r);
                norm_key(&c.name) == key || c.aliases.iter().any(|a| norm_key(a) == key)
            }
        })
    };
    let by_prefix = || {
        refs.iter().copied().find(|r| {
            r.ty == EntityType::Organization
                && facts.core(*r).name.split(['-', ' ']).next().map(norm_key) == Some(key.clone())
        })
    };
    let by_start = || {
        let words: Vec<&str> = s.split(' ').collect();
        (1..words.len()).rev().find_map(|n| {
            let k = norm_key(&words[..n].join(" "));
            // By name only: an alias may be shared with the unknown rest.
            refs.iter()
                .copied()
                .find(|r| r.ty == EntityType::Organization && norm_key(&facts.core(*r).name) == k)
        })
    };
    let by_code = || {
        let code = s.to_uppercase();
        (code.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()))
            .then(|| {
                (0..facts.places.len()).map(EntityRef::place).find(|r| {
                    facts.places[r.index].kind == delegraph_model::PlaceKind::Country
                        && facts.places[r.index].country.as_deref() == Some(code.as_str())
                })
            })
            .flatten()
    };
    // "Gemeinde Kleinhausen": a town named after its town noun, known as a place by the time
    // the offices are resolved (its context made it one after the title was read).
    let by_town_noun = || {
        let (noun, rest) = s.split_once(' ')?;
        let key = norm_key(rest);
        ner::is_town_noun_word(noun)
            .then(|| {
                (0..facts.places.len())
                    .map(EntityRef::place)
                    .find(|r| norm_key(&facts.places[r.index].core.name) == key)
            })
            .flatten()
    };
    by_name()
        .or_else(by_prefix)
        .or_else(by_start)
        .or_else(by_code)
        .or_else(by_town_noun)
}

/// The offices of recognized person `i`, with the place or organization each belongs to; a
/// title stated twice is one office.
fn offices_of(facts: &DocFacts, ctx: &Ctx, f: &Found, order: &Order, i: usize) -> Vec<Office> {
    let mut offices: Vec<Office> = Vec::new();
    for o in &f.persons[i].offices {
        let compound =
            || offices::org_of_compound_title(facts, &o.title, &ctx.span(o.toks.clone()));
        let of = match &o.of {
            OfRef::None => compound(),
            OfRef::Ent(r) => Some(order.map(*r)),
            OfRef::Surface(s) => resolve_surface(facts, s).or_else(compound),
        };
        if offices
            .iter()
            .any(|x| x.title == o.title && (x.of == of || of.is_none()))
        {
            continue;
        }
        if let Some(x) = offices
            .iter_mut()
            .find(|x| x.title == o.title && x.of.is_none())
        {
            x.of = of;
            continue;
        }
        offices.push(Office {
            title: o.title.clone(),
            of,
            span: ctx.span(o.toks.clone()),
            iri: None,
        });
    }
    offices
}

/// Trips, partnerships and agreements, with the sentences that state them as evidence.
fn push_events(facts: &mut DocFacts, ctx: &Ctx, ev: &events::Events, order: &Order) {
    let evidence = |sents: &[usize]| sents.iter().map(|&s| ctx.sentence_span(s)).collect();
    for t in &ev.trips {
        facts.trips.push(Trip {
            leader: t.leader.map(|r| order.map(r)),
            origin: t.origin.map(|r| order.map(r)),
            destinations: order.map_all(&t.destinations),
            start: t.start,
            end: t.end,
            members: order.map_all(&t.members),
            meetings: order.map_all(&t.meetings),
            cost_eur: t.cost,
            status: t.status,
            evidence: evidence(&t.sentences),
            iri: None,
        });
    }
    for p in &ev.partnerships {
        facts.partnerships.push(Partnership {
            a: order.map(p.a),
            b: order.map(p.b),
            since: p.since,
            status: delegraph_model::Status::Stated,
            evidence: evidence(&p.sentences),
            iri: None,
        });
    }
    for a in &ev.agreements {
        facts.agreements.push(Agreement {
            kind: a.kind,
            parties: order.map_all(&a.parties),
            signatories: order.map_all(&a.signatories),
            date: a.date,
            status: a.status,
            evidence: evidence(&a.sentences),
            iri: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use delegraph_text::{Format, load};

    /// The party's evidence is where the party is stated, not the person's first mention.
    #[test]
    fn party_evidence_is_the_stated_party() {
        let text = "Bürgermeisterin Ronja Wiebking reist am Montag nach Tartu.\n\nBegleitet wird sie von Kreisrat Arvid Lohmöller. Wiebking (SPD) will dort Schulen besuchen.";
        let doc = load("t.txt", "t.txt", text.as_bytes(), Format::Text).expect("loads");
        let facts = extract(&doc);
        let p = facts
            .persons
            .iter()
            .find(|p| p.core.name == "Ronja Wiebking")
            .expect("person");
        let span = p.party_span.clone().expect("party stated");
        assert_eq!(&doc.text[span.clone()], "SPD");
        assert!(span.start > doc.text.find("Lohmöller").unwrap());
    }
}
