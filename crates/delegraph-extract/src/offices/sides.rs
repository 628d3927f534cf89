//! Whose town is it: the side each town official stands on, decided once for the whole
//! document. A report about two towns names a mayor of each; the sentence that names one
//! rarely says which, and the nearest town is often the other one. Small evidence rules, each
//! with a weight, score every pair of town official and candidate town; a town's head office
//! goes to one holder only ("Bürgermeister X" and "Bürgermeisterin Y" of one report are the
//! mayors of two towns), so the heads are assigned jointly.

use crate::ner::Found;
use delegraph_gazetteer::names::first_name_countries;
use delegraph_gazetteer::places::Places;
use delegraph_model::{DocFacts, EntityRef, EntityType, PlaceKind};

use super::{SignedFor, level, lower_tail, pair_signatories};
use crate::lexicon;

/// One town official's office: who, which office, and what the recognition said.
struct Holder {
    person: usize,
    office: usize,
    /// The place the title's own phrase names ("Bürgermeister X aus Kleinhausen",
    /// "Kleinhausens Bürgermeisterin"), before any rule of the document level.
    stated: Option<EntityRef>,
    /// The place the office has now.
    current: Option<EntityRef>,
    /// The head office of a town, gender and rank words folded ("bürgermeister" for
    /// "Erste Bürgermeisterin"): one holder per town.
    head_class: Option<String>,
}

/// What the document says about its towns, computed once.
struct Sides<'a> {
    facts: &'a DocFacts,
    /// ISO 3166-2 code of each place's first-level region, by place index.
    admin1: Vec<Option<String>>,
    /// The towns offices may belong to: the trip's ends, the partners, the parties, the home
    /// town and the towns the phrases name.
    towns: Vec<EntityRef>,
    /// The article's own town: its dateline, else the town named most that is never called a
    /// partner and never only a place guests come from.
    home: Option<EntityRef>,
    /// Towns that are sides of the report (the first trip's ends, partnerships, agreement
    /// parties): a town's head office is filled there rather than left open.
    sides: Vec<EntityRef>,
    /// Which party each signatory signs for, and how plainly the text says so.
    signed: Vec<(usize, EntityRef, SignedFor)>,
}

/// An evidence rule: how much it says that the holder is an official of the town.
type Rule = fn(&Sides, &Holder, EntityRef) -> i32;

/// The rules and their weights. The phrase outweighs everything else; the trip side, the
/// signature "für X" and the name's country each outweigh the article's home town; letters
/// only one language writes outweigh a given name that several countries give. What the
/// rules before decided ("kept") rests on the same evidence and only breaks ties.
const RULES: &[(&str, i32, Rule)] = &[
    ("stated_in_phrase", 8, stated_in_phrase),
    ("side_in_trip", 4, side_in_trip),
    ("signs_for", 1, signs_for),
    ("title_at_home", 8, title_at_home),
    ("name_at_home", 4, name_at_home),
    ("letters_at_home", 6, letters_at_home),
    ("home_town", 2, home_town),
    ("side_of_report", 1, side_of_report),
    ("kept", 1, kept),
];

/// "Bürgermeister X aus Kleinhausen": the phrase named the town.
fn stated_in_phrase(_: &Sides, h: &Holder, t: EntityRef) -> i32 {
    i32::from(h.stated == Some(t))
}

/// A traveller stands for the trip's origin, a host for its (first) destination.
fn side_in_trip(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    let r = EntityRef::person(h.person);
    let side = s.facts.trips.iter().find_map(|trip| {
        if trip.leader == Some(r) || trip.members.contains(&r) {
            Some(trip.origin)
        } else if trip.meetings.contains(&r) {
            Some(trip.destinations.first().copied())
        } else {
            None
        }
    });
    i32::from(side.flatten() == Some(t))
}

/// "X und Y unterzeichneten … zwischen A und B": the party a signatory signs for; thrice as
/// much when the text says "X für A".
fn signs_for(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    s.signed
        .iter()
        .find(|(p, party, _)| *p == h.person && *party == t)
        .map_or(0, |(_, _, how)| match how {
            SignedFor::Named => 3,
            SignedFor::Order => 1,
        })
}

/// Countries whose people speak the language of the town (South Tyrol's towns are Italian
/// and German-speaking).
fn town_countries(s: &Sides, t: EntityRef) -> Vec<String> {
    const GERMAN: &[&str] = &["DE", "AT", "CH", "LI", "LU"];
    let Some(cc) = s.facts.places[t.index].country.clone() else {
        return Vec::new();
    };
    let german = GERMAN.contains(&cc.as_str()) || s.admin1[t.index].as_deref() == Some("IT-32");
    let mut v = vec![cc];
    if german {
        v.extend(GERMAN.iter().map(|g| (*g).to_owned()));
    }
    v
}

/// Whether a set of countries marks one candidate town against another: it holds the town's
/// country, and not every candidate's.
fn marks(s: &Sides, countries: &[&str], t: EntityRef) -> i32 {
    let fits = |x: EntityRef| {
        town_countries(s, x)
            .iter()
            .any(|c| countries.contains(&c.as_str()))
    };
    i32::from(fits(t) && !s.towns.iter().all(|x| fits(*x)))
}

/// Mayors' titles in their own language, and the countries that speak it.
const TITLE_COUNTRIES: &[(&str, &[&str])] = &[
    ("maire", &["FR", "BE", "LU", "CH", "CA"]),
    ("sindaco", &["IT", "CH", "SM"]),
    ("sindaca", &["IT", "CH", "SM"]),
    ("alcalde", &["ES", "MX", "AR", "CL", "CO", "PE", "VE", "UY"]),
    (
        "alcaldesa",
        &["ES", "MX", "AR", "CL", "CO", "PE", "VE", "UY"],
    ),
    ("burmistrz", &["PL"]),
    ("wójt", &["PL"]),
    ("primátor", &["CZ", "SK"]),
    ("polgármester", &["HU"]),
    ("burgemeester", &["NL", "BE"]),
    ("wethouder", &["NL"]),
    (
        "mayor",
        &["US", "GB", "IE", "CA", "AU", "NZ", "ZA", "NA", "PH", "MT"],
    ),
    ("bourgmestre", &["BE", "LU"]),
    ("meras", &["LT"]),
    ("mērs", &["LV"]),
    ("linnapea", &["EE"]),
    ("pormestari", &["FI"]),
    ("primátorka", &["CZ", "SK"]),
    ("starostka", &["CZ", "SK"]),
    ("župan", &["SI", "HR", "SK"]),
    ("županja", &["SI", "HR"]),
    ("gradonačelnik", &["HR", "BA", "RS", "ME"]),
    ("gradonačelnica", &["HR", "BA", "RS", "ME"]),
    ("borgmester", &["DK", "NO"]),
    ("ordfører", &["NO"]),
    ("burmistrzyni", &["PL"]),
    ("prefeito", &["BR", "PT"]),
    ("prefeita", &["BR", "PT"]),
];

/// "Sindaca X": a mayor titled in his town's language is a mayor of a town that speaks it.
fn title_at_home(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    let title = s.facts.persons[h.person].offices[h.office]
        .title
        .to_lowercase();
    let Some(last) = title.split_whitespace().last() else {
        return 0;
    };
    TITLE_COUNTRIES
        .iter()
        .find(|(w, _)| *w == last)
        .map_or(0, |(_, cs)| marks(s, cs, t))
}

/// "Dorothée" is a French, Belgian or Canadian given name: in a report about a German and a
/// French town, she is on the French side.
fn name_at_home(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    let name = &s.facts.persons[h.person].core.name;
    let Some(first) = name.split(' ').next() else {
        return 0;
    };
    match first_name_countries(first) {
        Some(cs) => marks(s, &cs, t),
        None => 0,
    }
}

/// Letters that only some languages write: "ł" is Polish, "ř" Czech, "ő" Hungarian.
const LETTERS: &[(&str, &[&str])] = &[
    ("łśźżąę", &["PL"]),
    ("ńć", &["PL", "HR", "RS", "BA", "ME"]),
    ("řůě", &["CZ"]),
    ("őű", &["HU"]),
    ("ășțţ", &["RO", "MD"]),
    ("ş", &["RO", "MD", "TR"]),
    ("ğı", &["TR"]),
    ("đ", &["HR", "RS", "BA", "ME", "VN"]),
    (
        "čšž",
        &["CZ", "SK", "SI", "HR", "RS", "BA", "ME", "LT", "LV"],
    ),
    ("øæ", &["DK", "NO"]),
    ("å", &["DK", "NO", "SE", "FI"]),
    ("ñ", &["ES", "MX", "AR", "CL", "CO", "PE", "VE", "UY"]),
    ("êëçœ", &["FR", "BE", "LU", "CH", "CA"]),
    ("ãõ", &["PT", "BR"]),
    ("ß", &["DE", "AT", "CH", "LI", "LU"]),
];

/// The countries the letters of a person's name point to, if any letter points.
fn letters_at_home(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    let name = s.facts.persons[h.person].core.name.to_lowercase();
    let mut countries: Option<Vec<&str>> = None;
    for (letters, cs) in LETTERS {
        if name.chars().any(|c| letters.contains(c)) {
            countries = Some(match countries {
                None => cs.to_vec(),
                Some(v) => v.into_iter().filter(|c| cs.contains(c)).collect(),
            });
        }
    }
    match countries {
        Some(cs) if !cs.is_empty() => marks(s, &cs, t),
        _ => 0,
    }
}

/// An official who does not travel is one of the article's own town, unless the report is
/// about a visit elsewhere (then who receives there is unknown here).
fn home_town(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    let visit_elsewhere = s.facts.trips.first().is_some_and(|trip| {
        trip.destinations
            .first()
            .is_some_and(|d| s.is_town(*d) && Some(*d) != s.home)
    });
    i32::from(!visit_elsewhere && !s.travels(h.person) && s.home == Some(t))
}

/// A town the report is about has a head office to fill; a town named in passing may not.
fn side_of_report(s: &Sides, h: &Holder, t: EntityRef) -> i32 {
    i32::from(h.head_class.is_some() && s.sides.contains(&t))
}

/// What the rules before decided breaks a tie.
fn kept(_: &Sides, h: &Holder, t: EntityRef) -> i32 {
    i32::from(h.current == Some(t))
}

impl Sides<'_> {
    fn score(&self, h: &Holder, t: Option<EntityRef>) -> i32 {
        let Some(t) = t else {
            return 0;
        };
        RULES.iter().map(|(_, w, rule)| w * rule(self, h, t)).sum()
    }

    fn travels(&self, p: usize) -> bool {
        let r = EntityRef::person(p);
        self.facts
            .trips
            .iter()
            .any(|trip| trip.leader == Some(r) || trip.members.contains(&r))
    }

    fn hosts(&self, p: usize) -> bool {
        let r = EntityRef::person(p);
        self.facts
            .trips
            .iter()
            .any(|trip| trip.meetings.contains(&r))
    }

    /// Two heads of one class may hold the office of one town only when the text names that
    /// town for both, or both stand on the same side of the trip (a delegation of a mayor and
    /// his deputies whose titles the text shortened).
    fn may_share(&self, a: &Holder, b: &Holder, t: EntityRef) -> bool {
        (a.stated == Some(t) && b.stated == Some(t))
            || (self.travels(a.person) && self.travels(b.person))
            || (self.hosts(a.person) && self.hosts(b.person))
    }

    fn is_town(&self, r: EntityRef) -> bool {
        r.ty == EntityType::Place
            && matches!(
                self.facts.places[r.index].kind,
                PlaceKind::City | PlaceKind::District
            )
    }
}

/// "die Partnerstadt X", "unserer Partnergemeinde X": a town the article calls a partner is
/// not its own.
fn called_partner(facts: &DocFacts, t: EntityRef) -> bool {
    facts.places[t.index].core.mentions.iter().any(|m| {
        let before = lower_tail(&facts.text[..m.start]);
        before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with("partner"))
    })
}

/// "Kleinhausen. Mit einem Festakt …", "KLEINHAUSEN (dpa) –": a town at the start of a line,
/// before a full stop, a comma, a dash or a parenthesis, early in the text.
fn dateline(facts: &DocFacts, towns: &[EntityRef]) -> Option<EntityRef> {
    towns
        .iter()
        .filter_map(|t| {
            facts.places[t.index]
                .core
                .mentions
                .iter()
                .filter(|m| m.start < 1500)
                .find(|m| {
                    let line_start = facts.text[..m.start]
                        .rsplit('\n')
                        .next()
                        .is_some_and(|l| l.trim().is_empty());
                    let after = &facts.text[m.end..];
                    line_start
                        && [". ", ", ", " (", " –", " -", "/"]
                            .iter()
                            .any(|p| after.starts_with(p))
                })
                .map(|m| (m.start, *t))
        })
        .min()
        .map(|(_, t)| t)
}

/// The head office of a town, gender and rank words folded; `None` for any other office.
fn head_class(title: &str, head: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() == 2
        && matches!(
            words[0],
            "erster" | "erste" | "regierender" | "regierende" | "amtierender" | "amtierende"
        )
    {
        words.remove(0);
    }
    let [word] = words[..] else {
        return None;
    };
    let folded = word
        .strip_suffix("in")
        .filter(|s| s.ends_with(head))
        .unwrap_or(word);
    let mayor = folded == "bürgermeister"
        || folded == "oberbürgermeister"
        || (lexicon::FOREIGN_MAYORS.contains(&folded) && folded == head)
        || folded == "burgemeester"
        || folded == "sindaca"
        || folded == "alcaldesa";
    mayor.then(|| folded.to_owned())
}

/// "2. stellvertretender Bürgermeister", "der frühere Bürgermeister": words before the
/// title that the title as recorded may have lost make it no town's head office.
fn deputy_before(before: &str) -> bool {
    let tail = lower_tail(before);
    let words: Vec<&str> = tail.split_whitespace().rev().take(2).collect();
    words.iter().any(|w| {
        w.starts_with("stellv")
            || w.starts_with("vize")
            || w.starts_with("ehemalig")
            || w.starts_with("früher")
            || w.starts_with("zweite")
            || w.starts_with("dritte")
            || (w.ends_with('.')
                && w.len() > 1
                && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether an office is one of a town's (its place is a town or none): the offices decided
/// here.
fn is_town_office(title: &str, head: &str) -> bool {
    level(head) == super::Level::Municipal
        || lexicon::FOREIGN_MAYORS.contains(&head)
        || matches!(
            head,
            "burgemeester" | "wethouder" | "sindaca" | "alcaldesa" | "gemeinderat"
        )
        || super::is_municipal_title(title, head)
}

/// Decides the town of every town official of the document. `stated` is each person's
/// offices' places as the phrases named them (by record index).
pub(crate) fn decide(
    facts: &mut DocFacts,
    f: &Found,
    p_order: &[usize],
    l_order: &[usize],
    stated: &[Vec<Option<EntityRef>>],
) {
    let gaz = Places::get();
    let admin1 = l_order
        .iter()
        .map(|&i| gaz.place(f.places[i].id).admin1.clone())
        .collect();
    let heads: Vec<Vec<&str>> = p_order
        .iter()
        .map(|&old| f.persons[old].offices.iter().map(|o| o.head).collect())
        .collect();
    let decisions = {
        let Some(sides) = Sides::new(facts, admin1, stated) else {
            return;
        };
        let mut holders = Vec::new();
        for (p, person) in facts.persons.iter().enumerate() {
            for (k, o) in person.offices.iter().enumerate() {
                let Some(head) = heads.get(p).and_then(|h| h.get(k)).copied() else {
                    continue;
                };
                if o.title.to_lowercase().starts_with("bundes") || !is_town_office(&o.title, head) {
                    continue;
                }
                let current = o.of;
                if current.is_some_and(|c| !sides.is_town(c)) {
                    continue;
                }
                holders.push(Holder {
                    person: p,
                    office: k,
                    stated: stated
                        .get(p)
                        .and_then(|s| s.get(k))
                        .copied()
                        .flatten()
                        .filter(|s| sides.is_town(*s)),
                    current,
                    head_class: head_class(&o.title, head)
                        .filter(|_| !deputy_before(&facts.text[..o.span.start])),
                });
            }
        }
        sides.assign(&holders)
    };
    for (p, k, of) in decisions {
        facts.persons[p].offices[k].of = of;
    }
}

impl<'a> Sides<'a> {
    fn new(
        facts: &'a DocFacts,
        admin1: Vec<Option<String>>,
        stated: &[Vec<Option<EntityRef>>],
    ) -> Option<Sides<'a>> {
        // Towns proper: a district ("Landkreis X") only where a phrase names it.
        let town = |r: &EntityRef| {
            r.ty == EntityType::Place && facts.places[r.index].kind == PlaceKind::City
        };
        let district = |r: &EntityRef| {
            r.ty == EntityType::Place && facts.places[r.index].kind == PlaceKind::District
        };
        let mut sides: Vec<EntityRef> = Vec::new();
        if let Some(t) = facts.trips.first() {
            sides.extend(t.origin);
            sides.extend(t.destinations.first().copied());
        }
        for p in &facts.partnerships {
            sides.extend([p.a, p.b]);
        }
        for a in &facts.agreements {
            sides.extend(a.parties.iter().copied());
        }
        let partners: Vec<EntityRef> = (0..facts.places.len())
            .map(EntityRef::place)
            .filter(|t| town(t) && called_partner(facts, *t))
            .collect();
        sides.extend(partners.iter().copied());
        sides.retain(town);
        let all_towns: Vec<EntityRef> = (0..facts.places.len())
            .map(EntityRef::place)
            .filter(town)
            .collect();
        let only_origin = |t: &EntityRef| {
            facts.places[t.index].core.mentions.iter().all(|m| {
                let before = lower_tail(&facts.text[..m.start]);
                before.ends_with(" aus") || before.ends_with(" aus der")
            })
        };
        let home = dateline(facts, &all_towns).or_else(|| {
            all_towns
                .iter()
                .copied()
                .filter(|t| !partners.contains(t) && !only_origin(t))
                .max_by_key(|t| {
                    (
                        facts.places[t.index].core.mentions.len(),
                        std::cmp::Reverse(t.index),
                    )
                })
        });
        let mut towns = sides.clone();
        towns.extend(home);
        for person in &facts.persons {
            towns.extend(person.offices.iter().filter_map(|o| o.of).filter(town));
        }
        towns.extend(
            stated
                .iter()
                .flatten()
                .flatten()
                .copied()
                .filter(|r| town(r) || district(r)),
        );
        towns.sort_by_key(|t| t.index);
        towns.dedup();
        sides.sort_by_key(|t| t.index);
        sides.dedup();
        if towns.len() < 2 {
            return None;
        }
        let mut signed = Vec::new();
        for a in &facts.agreements {
            let ([s1, s2], [p1, p2]) = (
                match a.signatories[..] {
                    [x, y] => [x, y],
                    _ => continue,
                },
                match a.parties[..] {
                    [x, y] => [x, y],
                    _ => continue,
                },
            );
            if p1.ty != EntityType::Place || p2.ty != EntityType::Place {
                continue;
            }
            let (pairs, how) = pair_signatories(facts, [s1, s2], [p1, p2]);
            for (s, p) in pairs {
                signed.push((s.index, p, how));
            }
        }
        Some(Sides {
            facts,
            admin1,
            towns,
            home,
            sides,
            signed,
        })
    }

    /// The town of each holder: heads of one class jointly (one holder per town, the
    /// assignment with the highest total score), every other holder by its best town when
    /// that beats what it has.
    fn assign(&self, holders: &[Holder]) -> Vec<(usize, usize, Option<EntityRef>)> {
        let mut out = Vec::new();
        let mut classes: Vec<&str> = holders
            .iter()
            .filter_map(|h| h.head_class.as_deref())
            .collect();
        classes.sort_unstable();
        classes.dedup();
        for class in classes {
            let group: Vec<&Holder> = holders
                .iter()
                .filter(|h| h.head_class.as_deref() == Some(class))
                .collect();
            if group.len() > 5 {
                continue;
            }
            let mut best = (i32::MIN, Vec::new());
            let mut chosen = Vec::new();
            self.search(&group, &mut chosen, &mut best);
            for (h, t) in group.iter().zip(best.1) {
                if t != h.current {
                    out.push((h.person, h.office, t));
                }
            }
        }
        for h in holders.iter().filter(|h| h.head_class.is_none()) {
            let best = self
                .towns
                .iter()
                .map(|t| (self.score(h, Some(*t)), std::cmp::Reverse(t.index), *t))
                .max();
            // Another holder's town only on what the text says of him: his phrase or his
            // side of the trip, and by a clear margin.
            let said = |t: EntityRef| stated_in_phrase(self, h, t) + side_in_trip(self, h, t) > 0;
            if let Some((score, _, t)) = best
                && said(t)
                && score >= self.score(h, h.current) + 4
                && Some(t) != h.current
            {
                out.push((h.person, h.office, Some(t)));
            }
        }
        out
    }

    /// Tries every assignment of towns (or none) to the heads of one class, no town twice.
    fn search(
        &self,
        group: &[&Holder],
        chosen: &mut Vec<Option<EntityRef>>,
        best: &mut (i32, Vec<Option<EntityRef>>),
    ) {
        let Some(h) = group.get(chosen.len()) else {
            let total = group
                .iter()
                .zip(chosen.iter())
                .map(|(h, t)| self.score(h, *t))
                .sum::<i32>();
            if total > best.0 {
                *best = (total, chosen.clone());
            }
            return;
        };
        // The current place first, so that among equal totals what was decided stays.
        let mut options: Vec<Option<EntityRef>> = vec![h.current];
        options.extend(self.towns.iter().map(|t| Some(*t)));
        options.push(None);
        for t in options {
            let clash = t.is_some_and(|t| {
                chosen
                    .iter()
                    .zip(group)
                    .any(|(c, other)| *c == Some(t) && !self.may_share(h, other, t))
            });
            if clash {
                continue;
            }
            chosen.push(t);
            self.search(group, chosen, best);
            chosen.pop();
        }
    }
}
