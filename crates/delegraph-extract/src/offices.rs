//! Whose office is it: the place or organization an office title belongs to when the sentence
//! that names the holder does not say, and the hosts a trip met because of their office.

use delegraph_gazetteer::places::Places;
use delegraph_model::{DocFacts, EntityRef, EntityType, PlaceKind};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

use crate::lexicon;
use crate::ner::{Found, norm_key};

mod sides;
pub(crate) use sides::decide as town_sides;

/// "Landtagspräsidentin", "Bezirkstagspräsident", "Regierungschef": the first member of the
/// compound names the body, which the document names in full ("Landtag Ostmark",
/// "Bezirkstag Unterland", "Bergländer Regierung"). A body whose name word is exactly
/// the compound member wins over one that merely ends with it ("Regierung" before
/// "Landesregierung").
pub(crate) fn org_of_compound_title(
    facts: &DocFacts,
    title: &str,
    at: &std::ops::Range<usize>,
) -> Option<EntityRef> {
    // Bodies named in the title's own sentence come first: "Universitätspräsident X führte
    // eine Delegation der Tongji-Universität" names the university the president heads.
    let sentence = facts
        .sentences
        .iter()
        .find(|s| s.start <= at.start && at.start < s.end)
        .cloned()
        .unwrap_or(at.clone());
    let near = |o: &delegraph_model::Organization| {
        o.core
            .mentions
            .iter()
            .any(|m| m.start >= sentence.start && m.end <= sentence.end)
    };
    let order: Vec<usize> = (0..facts.organizations.len())
        .filter(|&i| near(&facts.organizations[i]))
        .chain((0..facts.organizations.len()).filter(|&i| !near(&facts.organizations[i])))
        .collect();
    let names: Vec<&str> = order
        .iter()
        .map(|&i| facts.organizations[i].core.name.as_str())
        .collect();
    body_named_by_title(&names, title).map(|k| EntityRef::org(order[k]))
}

/// Index of the organization name that the first member of a compound title names.
pub(crate) fn body_named_by_title(names: &[&str], title: &str) -> Option<usize> {
    let body = title_body(title)?;
    let body = body.as_str();
    // Words of the name proper: a remit ("Ausschuss für Bau, Umwelt und Verkehr")
    // does not make a "Kulturministerin" a member of the committee.
    let words = |i: &usize| -> Vec<String> {
        names[*i]
            .split([' ', '-'])
            .take_while(|w| *w != "für")
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
            .collect()
    };
    let all = 0..names.len();
    all.clone()
        .find(|i| words(i).iter().any(|w| w == body))
        .or_else(|| {
            all.clone()
                .find(|i| words(i).iter().any(|w| w.ends_with(body)))
        })
}

/// The body that the first member of a compound title names, lowercase ("regierung" of
/// "Regierungsrat"), if it is long enough to name one. Looking for every office head in the
/// title is the costly part and titles repeat: answers are kept per thread, by title.
fn title_body(title: &str) -> Option<String> {
    thread_local! {
        static BODIES: RefCell<FxHashMap<String, Option<String>>> = RefCell::default();
    }
    if let Some(known) = BODIES.with(|b| b.borrow().get(title).cloned()) {
        return known;
    }
    let body = title_body_uncached(title);
    BODIES.with(|b| b.borrow_mut().insert(title.to_owned(), body.clone()));
    body
}

fn title_body_uncached(title: &str) -> Option<String> {
    let mut head_word = title.split_whitespace().last()?.to_lowercase();
    if let Some(stem) = head_word.strip_suffix("rätin") {
        head_word = format!("{stem}rat");
    }
    // "Regierungsrat" is a head of its own, and a "Rat" of the "Regierung".
    let prefix = lexicon::OFFICE_HEADS
        .iter()
        .chain(&["rat"])
        .filter_map(|h| head_word.find(h).map(|pos| &head_word[..pos]))
        .filter(|p| !p.is_empty())
        .min_by_key(|p| p.len())?;
    let body = prefix.trim_end_matches('-').trim_end_matches('s');
    (body.chars().count() >= 5).then(|| body.to_owned())
}

/// Bodies that every state has one of: a title naming one of them belongs to the one on the
/// holder's side.
const HEAD_SWAP: &[&str] = &["landtag", "parlament", "regierung", "bürgerschaft", "senat"];

/// The administrative level of an office, for choosing between a city and its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Municipal,
    State,
    Unknown,
}

fn level(head: &str) -> Level {
    match head {
        "bürgermeister" | "stadtrat" | "stadträtin" | "gemeinderat" | "beigeordnete"
        | "beigeordneter" | "ratsherr" | "ratsfrau" | "kämmerer" | "stadtverordnete"
        | "stadtverordneter" | "vorsteher" | "dezernent" => Level::Municipal,
        "ministerpräsident" | "landeshauptmann" | "landeshauptfrau" | "landesrat"
        | "statthalter" | "regierungschef" | "regierungsrat" | "ammann" | "landammann"
        | "minister" | "schreiber" => Level::State,
        _ => Level::Unknown,
    }
}

/// Government bodies whose members' offices belong to the place the body governs: the
/// "Bergländer Regierung" makes a Regierungsrat an office of Bergland.
fn is_government_body(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower
        .split_whitespace()
        .any(|w| w.ends_with("regierung") || w.starts_with("regierungsrat") || w == "senat")
}

/// Parliaments: their members' bare titles ("Abgeordnete", "Vizepräsidentin") belong to them.
fn is_parliament(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "landtag",
        "abgeordnetenhaus",
        "bürgerschaft",
        "bundestag",
        "parlament",
        "nationalrat",
        "bezirkstag",
        "kreistag",
    ]
    .iter()
    .any(|h| lower.contains(h))
}

/// Bare titles that a member of a parliament holds within it.
fn is_parliament_title(title: &str, head: &str) -> bool {
    let lower = title.to_lowercase();
    head.starts_with("abgeordnete")
        || lower.starts_with("parlaments")
        || matches!(
            lower.as_str(),
            "präsident"
                | "präsidentin"
                | "vizepräsident"
                | "vizepräsidentin"
                | "vize-präsident"
                | "vize-präsidentin"
        )
}

/// A title that is only its head noun, in either gender: "Rektor", "Präsidentin".
fn is_bare_title(title: &str, head: &str) -> bool {
    let lower = title.to_lowercase();
    lower == head || lower.strip_suffix("in") == Some(head)
}

/// The document place that a word of `name` names ("Talländer Landesregierung" ->
/// Talland, "Abgeordnetenhaus von Großbach" -> Großbach).
fn place_named_in(facts: &DocFacts, name: &str) -> Option<EntityRef> {
    let gaz = Places::get();
    crate::ner::place_ids_named_in(name).find_map(|id| {
        let pname = &gaz.place(id).name;
        facts
            .places
            .iter()
            .position(|p| &p.core.name == pname)
            .map(EntityRef::place)
    })
}

/// The last few words of `text` (trailing space trimmed), lowercased: what the rules look at
/// before a mention. Only a tail is lowercased, since lowercasing all the text before every
/// mention made long documents quadratic.
fn lower_tail(text: &str) -> String {
    let text = text.trim_end();
    let mut from = text.len().saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..].to_lowercase()
}

/// What the document says about the places and bodies offices may belong to, computed once.
struct Home<'a> {
    facts: &'a DocFacts,
    /// ISO 3166-2 code of each place's first-level region, by place index.
    admin1: Vec<Option<String>>,
    /// The document's most mentioned town or region, and region.
    home: Option<EntityRef>,
    home_state: Option<EntityRef>,
    /// The parliament a traveller's office names ("Landtagspräsident" of the "Sächsischer
    /// Landtag"): the delegation's.
    travellers_parliament: Option<EntityRef>,
    /// "eine Delegation der Kleinhausener Universität": the institution the travellers come from.
    delegation_org: Option<EntityRef>,
    /// The one company of a report about one company.
    only_company: Option<EntityRef>,
}

/// Where the holder of an office stands in the document's first trip.
struct Role {
    /// The place the holder acts for: the origin for travellers, the destination for hosts.
    target: Option<EntityRef>,
    traveller: bool,
    in_trip: bool,
    /// The parliament of a traveller's side.
    parliament: Option<EntityRef>,
}

impl<'a> Home<'a> {
    fn new(facts: &'a DocFacts, f: &Found, l_order: &[usize]) -> Self {
        let gaz = Places::get();
        let admin1 = l_order
            .iter()
            .map(|&i| gaz.place(f.places[i].id).admin1.clone())
            .collect();
        let mut home = Home {
            facts,
            admin1,
            home: None,
            home_state: None,
            travellers_parliament: None,
            delegation_org: None,
            only_company: None,
        };
        home.home = home.most_mentioned(&[PlaceKind::City, PlaceKind::District, PlaceKind::Region]);
        home.home_state = home.most_mentioned(&[PlaceKind::Region]).or(home.home);
        home.travellers_parliament = facts.trips.first().and_then(|t| {
            t.leader
                .iter()
                .chain(&t.members)
                .filter(|p| p.ty == EntityType::Person)
                .find_map(|p| {
                    facts.persons[p.index].offices.iter().find_map(|o| {
                        o.of.filter(|of| {
                            of.ty == EntityType::Organization
                                && is_parliament(&facts.organizations[of.index].core.name)
                        })
                    })
                })
        });
        home.delegation_org = (0..facts.organizations.len())
            .map(EntityRef::org)
            .find(|o| {
                facts.organizations[o.index].core.mentions.iter().any(|m| {
                    let before = lower_tail(&facts.text[..m.start]);
                    [
                        "delegation der",
                        "delegation des",
                        "abordnung der",
                        "abordnung des",
                    ]
                    .iter()
                    .any(|p| before.ends_with(p))
                })
            });
        let companies: Vec<EntityRef> = (0..facts.organizations.len())
            .map(EntityRef::org)
            .filter(|o| facts.organizations[o.index].kind == delegraph_model::OrgKind::Company)
            .collect();
        home.only_company = match companies[..] {
            [c] => Some(c),
            _ => None,
        };
        home
    }

    fn kind(&self, r: EntityRef) -> PlaceKind {
        self.facts.places[r.index].kind
    }

    /// A town's state (else its country), for state offices.
    fn lift(&self, r: EntityRef) -> EntityRef {
        let facts = self.facts;
        if r.ty != EntityType::Place
            || !matches!(self.kind(r), PlaceKind::City | PlaceKind::District)
        {
            return r;
        }
        let state = self.admin1[r.index].as_ref().and_then(|a| {
            (0..facts.places.len()).map(EntityRef::place).find(|s| {
                self.kind(*s) == PlaceKind::Region && self.admin1[s.index].as_ref() == Some(a)
            })
        });
        let country = facts.places[r.index].country.clone();
        state
            .or_else(|| {
                (0..facts.places.len()).map(EntityRef::place).find(|s| {
                    self.kind(*s) == PlaceKind::Country && facts.places[s.index].country == country
                })
            })
            .unwrap_or(r)
    }

    /// A place named only as where guests come from ("eine Delegation aus Kleinhausen") is
    /// nobody's office place here.
    fn only_origin(&self, r: EntityRef) -> bool {
        self.facts.places[r.index].core.mentions.iter().all(|m| {
            let before = lower_tail(&self.facts.text[..m.start]);
            before.ends_with(" aus") || before.ends_with(" aus der") || before.ends_with(" aus dem")
        })
    }

    fn most_mentioned(&self, want: &[PlaceKind]) -> Option<EntityRef> {
        (0..self.facts.places.len())
            .map(EntityRef::place)
            .filter(|r| want.contains(&self.kind(*r)) && !self.only_origin(*r))
            .max_by_key(|r| {
                (
                    self.facts.places[r.index].core.mentions.len(),
                    std::cmp::Reverse(r.index),
                )
            })
    }

    fn parliament_of(&self, place: Option<EntityRef>) -> Option<EntityRef> {
        let place = place?;
        (0..self.facts.organizations.len())
            .map(EntityRef::org)
            .find(|o| {
                let name = &self.facts.organizations[o.index].core.name;
                is_parliament(name) && place_named_in(self.facts, name) == Some(place)
            })
    }

    fn role(&self, r: EntityRef) -> Role {
        let (target, traveller, in_trip) = match self.facts.trips.first() {
            Some(t) if t.meetings.contains(&r) => (t.destinations.first().copied(), false, true),
            Some(t) if t.leader == Some(r) || t.members.contains(&r) => (t.origin, true, true),
            _ => (None, false, false),
        };
        let parliament = if traveller {
            self.parliament_of(target).or(self.travellers_parliament)
        } else {
            None
        };
        Role {
            target,
            traveller,
            in_trip,
            parliament,
        }
    }

    /// "Regierungsrat" of the "Bergländer Regierung": the office is Bergland's; a traveller's or
    /// host's government is the one of their side.
    fn of_government_body(
        &self,
        o: EntityRef,
        role: &Role,
        side: Option<EntityRef>,
        government: bool,
    ) -> Option<EntityRef> {
        let place = place_named_in(self.facts, &self.facts.organizations[o.index].core.name);
        match (place, side) {
            (Some(p), Some(s)) if government && p != s && role.target != Some(p) => Some(s),
            (Some(p), _) => Some(p),
            (None, _) => Some(o),
        }
    }

    /// "Landtagspräsident X" receiving guests from another Landtag: of the two bodies of that
    /// kind, the one at the holder's side of the trip.
    fn of_body_on_holders_side(
        &self,
        o: EntityRef,
        role: &Role,
        side: Option<EntityRef>,
    ) -> Option<EntityRef> {
        let facts = self.facts;
        let here =
            |org: EntityRef| place_named_in(facts, &facts.organizations[org.index].core.name);
        let head = |org: EntityRef| {
            facts.organizations[org.index]
                .core
                .name
                .split(' ')
                .map(|w| w.to_lowercase())
                .find(|w| HEAD_SWAP.iter().any(|h| w.ends_with(h)))
        };
        let target = role.target;
        let on_side = |q: EntityRef| {
            Some(q) == side || Some(q) == target || Some(q) == target.map(|t| self.lift(t))
        };
        match (here(o), head(o)) {
            (Some(p), Some(h)) if !on_side(p) => (0..facts.organizations.len())
                .map(EntityRef::org)
                .find(|x| {
                    *x != o
                        && head(*x).as_deref() == Some(h.as_str())
                        && here(*x).is_some_and(on_side)
                })
                .or(Some(o)),
            _ => Some(o),
        }
    }

    /// A municipal office belongs to a town, never to a country or a state: where the holder's
    /// side is one ("Bürgermeister X" among the hosts of a visit to a country), the town of that
    /// country or state the document names most, else none.
    fn town_within(&self, side: EntityRef) -> Option<EntityRef> {
        if side.ty != EntityType::Place || self.kind(side) == PlaceKind::City {
            return Some(side);
        }
        let facts = self.facts;
        let country = &facts.places[side.index].country;
        let inside = |c: EntityRef| match self.kind(side) {
            PlaceKind::Country => country.is_some() && facts.places[c.index].country == *country,
            // A district's towns are not listed: a town of its country (any, when unknown).
            PlaceKind::District => country.is_none() || facts.places[c.index].country == *country,
            _ => self.admin1[c.index].is_some() && self.admin1[c.index] == self.admin1[side.index],
        };
        (0..facts.places.len())
            .map(EntityRef::place)
            .filter(|c| self.kind(*c) == PlaceKind::City && inside(*c))
            .max_by_key(|c| {
                (
                    facts.places[c.index].core.mentions.len(),
                    std::cmp::Reverse(c.index),
                )
            })
            .or((self.kind(side) == PlaceKind::District).then_some(side))
    }

    /// "Gemeindebrandmeister X", "Kommandant Y": a fire brigade's chief whose brigade the
    /// sentence does not name heads the document's brigade: the only one, else the one whose
    /// name starts as the title does ("Gemeinde…" -> "Gemeindefeuerwehr …"), else the one of
    /// the holder's side or home town, else the first of one town's brigades.
    fn brigade_of(&self, title: &str, side: Option<EntityRef>) -> Option<EntityRef> {
        let facts = self.facts;
        let brigades: Vec<EntityRef> = (0..facts.organizations.len())
            .map(EntityRef::org)
            .filter(|o| {
                facts.organizations[o.index]
                    .core
                    .name
                    .split(' ')
                    .map(str::to_lowercase)
                    .any(|w| w.ends_with("feuerwehr") || w == "wehr")
            })
            .collect();
        if let [one] = brigades[..] {
            return Some(one);
        }
        let lower = title.to_lowercase();
        let prefixed = brigades.iter().copied().filter(|o| {
            let name = facts.organizations[o.index].core.name.to_lowercase();
            ["gemeinde", "stadt", "orts", "kreis", "bezirks", "landes"]
                .iter()
                .any(|p| lower.starts_with(p) && name.starts_with(p))
        });
        let on_side = |o: &EntityRef| {
            let place = place_named_in(facts, &facts.organizations[o.index].core.name);
            place.is_some() && (place == side || place == self.home)
        };
        let prefixed: Vec<EntityRef> = prefixed.collect();
        let place_of =
            |o: &EntityRef| place_named_in(facts, &facts.organizations[o.index].core.name);
        // "Feuerwehr Kleinhausen" and "Kleinhausener Wehr": one town's brigade.
        let one_town = brigades
            .first()
            .map(place_of)
            .is_some_and(|p| p.is_some() && brigades.iter().all(|o| place_of(o) == p));
        match prefixed[..] {
            [one] => Some(one),
            _ => brigades
                .iter()
                .copied()
                .find(on_side)
                .or_else(|| brigades.first().copied().filter(|_| one_town)),
        }
    }

    /// The place or body of an office the text leaves implicit.
    fn implicit_of(
        &self,
        role: &Role,
        side: Option<EntityRef>,
        head: &str,
        title: &str,
        government: bool,
    ) -> Option<EntityRef> {
        if government {
            return match side {
                Some(s) if level(head) == Level::Municipal => self.town_within(s),
                Some(s) => Some(s),
                // A traveller from an unknown place: the visited place is not theirs.
                None if role.in_trip => None,
                None if level(head) == Level::State => self.home_state.map(|h| self.lift(h)),
                None => self.home,
            };
        }
        if is_parliament_title(title, head) && role.parliament.is_some() {
            return role.parliament;
        }
        // A bare title of a traveller ("Rektor", "Präsident") heads the institution the
        // delegation comes from.
        if role.traveller && is_bare_title(title, head) {
            return self.delegation_org;
        }
        if matches!(head, "kommandant" | "wehrführer" | "brandmeister") {
            return self.brigade_of(title, side);
        }
        // "die beiden anderen Vorstände, A und B" in a report about one company.
        if matches!(head, "vorstand" | "vorständin" | "geschäftsführer")
            || title.to_lowercase().starts_with("vorstands")
        {
            return self.only_company;
        }
        None
    }

    /// The place or body an office belongs to, given what the sentence said (`of`).
    fn office_of(
        &self,
        role: &Role,
        head: &str,
        title: &str,
        of: Option<EntityRef>,
    ) -> Option<EntityRef> {
        let government = (lexicon::is_home_government_head(head)
            || is_municipal_title(title, head))
            && !title.to_lowercase().starts_with("bundes");
        let side = role.target.map(|t| {
            if level(head) == Level::State {
                self.lift(t)
            } else {
                t
            }
        });
        match of {
            Some(o)
                if o.ty == EntityType::Organization
                    && is_government_body(&self.facts.organizations[o.index].core.name) =>
            {
                self.of_government_body(o, role, side, government)
            }
            Some(o) if o.ty == EntityType::Organization && side.is_some() => {
                self.of_body_on_holders_side(o, role, side)
            }
            // "Bergländer Bürgermeister …": a mayor of a state or country is a mayor of one of
            // its towns.
            Some(o) if o.ty == EntityType::Place && level(head) == Level::Municipal => {
                self.town_within(o)
            }
            Some(o) => Some(o),
            None => self.implicit_of(role, side, head, title, government),
        }
    }
}

/// "Stadtdirektor", "Stadtpräsidentin", "Gemeindesekretär", "Marktkämmerer": a title compounded
/// with the municipality is an office of the town, whatever its head; the chiefs of a town's
/// fire brigade ("Gemeindewehrführer") belong to the brigade, and a title whose modifier names
/// an institution ("Stadtwerkedirektor", "Stadtmuseumsleiter") belongs to the institution.
fn is_municipal_title(title: &str, head: &str) -> bool {
    let lower = title.to_lowercase();
    let Some(rest) = ["stadt", "gemeinde", "markt", "orts"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return false;
    };
    let modifier = rest.find(head).map_or(rest, |i| &rest[..i]);
    let modifier = modifier.trim_end_matches(['-', 's']);
    let institution = !modifier.is_empty()
        && lexicon::ORG_HEADS
            .iter()
            .any(|(h, _, _)| modifier.ends_with(h) || format!("stadt{modifier}").ends_with(h));
    !institution
        && !matches!(
            head,
            "wehrführer" | "brandmeister" | "kommandant" | "mitarbeiter"
        )
}

/// Municipal and state offices whose place the text leaves implicit belong to the place the
/// holder acts for: the trip's origin for travellers, its destination for hosts, else the
/// document's most mentioned place; lifted to the state for state offices ("Ministerpräsident"
/// in a text about Travestadt is Nordmark's). Bare parliamentary titles of travellers
/// belong to their home parliament.
pub(crate) fn home_offices(facts: &mut DocFacts, f: &Found, p_order: &[usize], l_order: &[usize]) {
    let mut updates = Vec::new();
    {
        let home = Home::new(facts, f, l_order);
        for (new, &old) in p_order.iter().enumerate() {
            let role = home.role(EntityRef::person(new));
            for (k, o) in facts.persons[new].offices.iter().enumerate() {
                let Some(head) = f.persons[old].offices.get(k).map(|b| b.head) else {
                    continue;
                };
                updates.push((new, k, home.office_of(&role, head, &o.title, o.of)));
            }
        }
    }
    for (p, k, of) in updates {
        facts.persons[p].offices[k].of = of;
    }
}

/// How plainly the text says which party a signatory signs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SignedFor {
    /// "Bürgermeister X für Kleinhausen", or a title only one party's country has.
    Named,
    /// Only the order in which signatories and parties are named.
    Order,
}

/// Which signatory signs for which party: the party the text names right after a signatory
/// ("Bürgermeister X für Kleinhausen"); else, when one party lies in a German-speaking country,
/// the one signatory whose title exists only there ("Oberbürgermeister", "Ministerpräsident",
/// "Landrat") signs for it; else the order in which both are named.
fn pair_signatories(
    facts: &DocFacts,
    [s1, s2]: [EntityRef; 2],
    [p1, p2]: [EntityRef; 2],
) -> ([(EntityRef, EntityRef); 2], SignedFor) {
    let named_for = |s: EntityRef, p: EntityRef| {
        facts.persons[s.index].core.mentions.iter().any(|m| {
            facts.places[p.index].core.mentions.iter().any(|pm| {
                pm.start > m.end && facts.text.get(m.end..pm.start).map(str::trim) == Some("für")
            })
        })
    };
    if named_for(s1, p2) || named_for(s2, p1) {
        return ([(s1, p2), (s2, p1)], SignedFor::Named);
    }
    if named_for(s1, p1) || named_for(s2, p2) {
        return ([(s1, p1), (s2, p2)], SignedFor::Named);
    }
    let german = |p: EntityRef| {
        matches!(
            facts.places[p.index].country.as_deref(),
            Some("DE" | "AT" | "CH" | "LI" | "LU")
        )
    };
    let home_title = |s: EntityRef| {
        facts.persons[s.index].offices.iter().any(|o| {
            let t = o.title.to_lowercase();
            [
                "oberbürgermeister",
                "ministerpräsident",
                "landrat",
                "landrätin",
                "landeshauptmann",
                "landeshauptfrau",
                "regierender bürgermeister",
                "regierende bürgermeisterin",
            ]
            .iter()
            .any(|h| t.contains(h))
        })
    };
    if german(p1) != german(p2) && home_title(s1) != home_title(s2) {
        let (g, other) = if german(p1) { (p1, p2) } else { (p2, p1) };
        let pairs = if home_title(s1) {
            [(s1, g), (s2, other)]
        } else {
            [(s2, g), (s1, other)]
        };
        return (pairs, SignedFor::Named);
    }
    ([(s1, p1), (s2, p2)], SignedFor::Order)
}

/// "OB X und Bürgermeister Y unterzeichneten … zwischen Jena und Chengdu": two signatories
/// with municipal or state titles and no place of their own, two places as parties — each
/// signs for one, in the order both are named.
pub(crate) fn signatories_offices(facts: &mut DocFacts, f: &Found, p_order: &[usize]) {
    for a in facts.agreements.clone() {
        let [s1, s2] = a.signatories[..] else {
            continue;
        };
        let [p1, p2] = a.parties[..] else {
            continue;
        };
        if p1.ty != EntityType::Place || p2.ty != EntityType::Place {
            continue;
        }
        for (s, p) in pair_signatories(facts, [s1, s2], [p1, p2]).0 {
            let old = p_order[s.index];
            for (k, o) in facts.persons[s.index].offices.iter_mut().enumerate() {
                let head = f.persons[old].offices.get(k).map(|b| b.head);
                if o.of.is_none() && head.is_some_and(lexicon::is_home_government_head) {
                    o.of = Some(p);
                }
            }
        }
    }
}

/// Officials of the place a trip went to who appear in the document met the delegation: a
/// "Regierungsrat" of Bergland in a report on a visit to Bergstadt is among its hosts.
pub(crate) fn hosts_by_office(facts: &mut DocFacts) {
    let Some(t) = facts.trips.first() else {
        return;
    };
    let Some(origin) = t.origin else {
        return;
    };
    let origin_country = facts.places[origin.index].country.clone();
    let mut host_places: Vec<String> = Vec::new();
    // Countries around a destination abroad host too, but only officials said to be present
    // ("waren … zugegen"): a head of state named in passing did not meet the delegation.
    let mut host_countries: Vec<String> = Vec::new();
    for d in &t.destinations {
        let p = &facts.places[d.index];
        host_places.push(norm_key(&p.core.name));
        if p.country != origin_country
            && let Some(c) = facts
                .places
                .iter()
                .find(|q| q.kind == PlaceKind::Country && q.country == p.country)
        {
            host_countries.push(norm_key(&c.core.name));
        }
    }
    let present = |p: &delegraph_model::Person| {
        p.core.mentions.iter().any(|m| {
            facts
                .sentences
                .iter()
                .find(|s| s.start <= m.start && m.end <= s.end)
                .is_some_and(|s| {
                    let text = facts.text[s.clone()].to_lowercase();
                    [
                        "zugegen",
                        "anwesend",
                        "empf",
                        "begrüß",
                        "begrüss",
                        "willkommen",
                        "traf",
                        "gespräch",
                    ]
                    .iter()
                    .any(|c| text.contains(c))
                })
        })
    };
    let origin_key = norm_key(&facts.places[origin.index].core.name);
    let mut add = Vec::new();
    for (i, p) in facts.persons.iter().enumerate() {
        let r = EntityRef::person(i);
        if t.leader == Some(r) || t.members.contains(&r) || t.meetings.contains(&r) {
            continue;
        }
        let hosts = p.offices.iter().any(|o| {
            o.of.is_some_and(|of| {
                let key = match of.ty {
                    EntityType::Place => norm_key(&facts.places[of.index].core.name),
                    _ => match place_named_in(facts, &facts.core(of).name) {
                        Some(pl) => norm_key(&facts.places[pl.index].core.name),
                        None => return false,
                    },
                };
                key != origin_key
                    && (host_places.contains(&key) || (host_countries.contains(&key) && present(p)))
            })
        });
        if hosts {
            add.push(r);
        }
    }
    if let Some(t) = facts.trips.first_mut() {
        t.meetings.extend(add);
    }
}
