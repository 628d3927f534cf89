//! A seeded generator of German articles of the genre delegraph reads: delegation trips with
//! companions, hosts, dates and costs, sister-city partnerships, signed agreements, and the
//! paragraphs around them that carry no facts. Names come from the gazetteer's open-data lists
//! (given names, surnames, German and foreign cities), so no article repeats a real one; the
//! same seed gives the same articles.

use fastrand::Rng;

const FIRST_NAMES: &str = include_str!("../../delegraph-gazetteer/data/first_names.txt");
const SURNAMES: &str = include_str!("../../delegraph-gazetteer/data/surnames_common.txt");
const PLACES: &str = include_str!("../../delegraph-gazetteer/data/places.tsv");

/// The lists the generator draws from.
pub struct Vocabulary {
    first: Vec<&'static str>,
    last: Vec<&'static str>,
    /// German cities with more than 40,000 inhabitants and unambiguous names.
    home: Vec<&'static str>,
    /// Cities abroad with more than 300,000 inhabitants and unambiguous names.
    abroad: Vec<&'static str>,
}

fn plain_word(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

impl Vocabulary {
    pub fn load() -> Self {
        let names = |text: &'static str| -> Vec<&'static str> {
            text.lines()
                .filter(|l| !l.starts_with('#') && plain_word(l))
                .collect()
        };
        let mut home = Vec::new();
        let mut abroad = Vec::new();
        for l in PLACES.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 8 || f[0] != "city" || f[6] != "-" {
                continue;
            }
            let population: u64 = f[4].parse().unwrap_or(0);
            let name = f[2];
            if !name
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
            {
                continue;
            }
            if f[1] == "DE" && population > 40_000 {
                home.push(name);
            } else if f[1] != "DE" && population > 300_000 && !name.contains(' ') {
                abroad.push(name);
            }
        }
        Vocabulary {
            first: names(FIRST_NAMES),
            last: names(SURNAMES),
            home,
            abroad,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Offices of a city or state, masculine and feminine.
const OFFICES: &[(&str, &str)] = &[
    ("Oberbürgermeister", "Oberbürgermeisterin"),
    ("Bürgermeister", "Bürgermeisterin"),
    ("Landrat", "Landrätin"),
    ("Wirtschaftsminister", "Wirtschaftsministerin"),
    ("Ministerpräsident", "Ministerpräsidentin"),
    ("Staatssekretär", "Staatssekretärin"),
    ("Stadtrat", "Stadträtin"),
    ("Kulturdezernent", "Kulturdezernentin"),
];

const PARTIES: &[&str] = &["CDU", "SPD", "Grüne", "FDP", "Linke", "CSU", "Freie Wähler"];

const SECTORS: &[&str] = &[
    "Wasserstofftechnik",
    "Hafenlogistik",
    "Medizintechnik",
    "Berufsausbildung",
    "Stadtentwicklung",
    "Kreislaufwirtschaft",
    "Denkmalpflege",
    "Digitalisierung der Verwaltung",
    "Hochschulkooperation",
    "Jugendaustausch",
];

const FILLER: &[&str] = &[
    "Im Mittelpunkt der Gespräche stehen Fragen der {sector} und der gemeinsamen Förderung kleiner und mittlerer Unternehmen.",
    "Die Stadtverwaltung verspricht sich von dem Austausch neue Impulse für die {sector}, die seit Jahren zu den Schwerpunkten der Wirtschaftsförderung gehört.",
    "Bereits im vergangenen Jahr hatten Fachleute beider Seiten einen Arbeitskreis gegründet, der sich regelmäßig über Erfahrungen in der {sector} austauscht.",
    "Vertreterinnen und Vertreter von Vereinen, Schulen und Betrieben nutzten die Gelegenheit, bestehende Kontakte zu vertiefen.",
    "Kritik kam aus Teilen des Stadtrats, die den Nutzen solcher Reisen bezweifeln und mehr Transparenz bei den Ausgaben fordern.",
    "Ein ausführlicher Bericht soll dem zuständigen Ausschuss nach der Rückkehr vorgelegt werden.",
    "Auf dem Programm stehen außerdem Besichtigungen, ein Empfang im Rathaus und ein Besuch bei einem Ausbildungszentrum für {sector}.",
    "Die Pressestelle kündigte an, über die Ergebnisse der Gespräche zeitnah zu informieren.",
];

struct Person {
    name: String,
    title: &'static str,
    party: &'static str,
    female: bool,
}

fn pick<'a, T>(rng: &mut Rng, v: &'a [T]) -> &'a T {
    &v[rng.usize(..v.len())]
}

impl Vocabulary {
    fn person(&self, rng: &mut Rng) -> Person {
        let female = rng.bool();
        let (m, f) = *pick(rng, OFFICES);
        let party: &'static str = PARTIES[rng.usize(..PARTIES.len())];
        Person {
            name: format!("{} {}", pick(rng, &self.first), pick(rng, &self.last)),
            title: if female { f } else { m },
            party,
            female,
        }
    }

    /// One article: (file name, text). Articles are 1.5–3 KB, like the press releases and news
    /// items the tool is for.
    pub fn article(&self, seed: u64, index: usize) -> (String, String) {
        let mut rng = Rng::with_seed(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let home = *pick(&mut rng, &self.home);
        let dest = *pick(&mut rng, &self.abroad);
        let mut dest2 = *pick(&mut rng, &self.abroad);
        if dest2 == dest {
            dest2 = *pick(&mut rng, &self.abroad);
        }
        let leader = self.person(&mut rng);
        let companion = self.person(&mut rng);
        let host = self.person(&mut rng);
        let year = 2018 + rng.i32(0..8);
        let month = rng.usize(0..12);
        let day = rng.u32(1..20);
        let days = rng.u32(2..7);
        let since = 1955 + rng.i32(0..60);
        let sector = *pick(&mut rng, SECTORS);
        let cost = rng.u32(8..90) * 1000;
        let pronoun = if leader.female { "Sie" } else { "Er" };
        let org = match rng.u8(0..4) {
            0 => format!("Industrie- und Handelskammer {home}"),
            1 => format!("Stadtwerke {home}"),
            2 => format!("Universität {home}"),
            _ => format!("{} GmbH", pick(&mut rng, &self.last)),
        };
        let filler = |rng: &mut Rng| pick(rng, FILLER).replace("{sector}", sector);

        let mut out = Vec::new();
        let kind = rng.u8(0..3);
        let title = match kind {
            0 => format!("{} {} reist nach {dest}", leader.title, leader.name),
            1 => format!("{home} und {dest}: Partnerschaft wird vertieft"),
            _ => format!("Delegation aus {home} unterzeichnet Abkommen in {dest}"),
        };
        out.push(title);
        out.push(format!(
            "date {year}-{:02}-{:02}",
            if month == 0 { 1 } else { month },
            day
        ));
        out.push(String::new());
        let when = format!("vom {day}. bis {}. {} {year}", day + days, MONTHS[month]);
        out.push(match kind {
            0 => format!(
                "{} {} ({}) reist {when} mit einer Delegation nach {dest} und {dest2}. {pronoun} wird von {} {} sowie Vertreterinnen und Vertretern der {org} begleitet.",
                leader.title, leader.name, leader.party, companion.title, companion.name
            ),
            1 => format!(
                "Eine Delegation aus {home} unter Leitung von {} {} besucht {when} die Partnerstadt {dest}. Seit {since} verbindet die beiden Städte eine Städtepartnerschaft.",
                leader.title, leader.name
            ),
            _ => format!(
                "Während eines Besuchs in {dest} {when} hat {} {} ({}) eine Absichtserklärung über die Zusammenarbeit in der {sector} unterzeichnet.",
                leader.title, leader.name, leader.party
            ),
        });
        out.push(String::new());
        out.push(format!(
            "In {dest} trifft die Delegation {} {}. {} {}",
            host.title,
            host.name,
            filler(&mut rng),
            filler(&mut rng)
        ));
        out.push(String::new());
        if kind != 1 && rng.bool() {
            out.push(format!(
                "{home} und {dest} sind seit {since} Partnerstädte. {}",
                filler(&mut rng)
            ));
            out.push(String::new());
        }
        if rng.u8(0..3) > 0 {
            out.push(format!(
                "Die Kosten der Reise in Höhe von rund {} Euro trägt die Stadt {home}. {}",
                group_thousands(cost),
                filler(&mut rng)
            ));
            out.push(String::new());
        }
        for _ in 0..rng.usize(1..4) {
            out.push(format!("{} {}", filler(&mut rng), filler(&mut rng)));
            out.push(String::new());
        }
        out.push(format!(
            "Nach der Rückkehr will {} {} im Stadtrat von {home} über die Reise berichten.",
            leader.title, leader.name
        ));
        let name = format!("article_{seed:x}_{index:06}.txt");
        (name, out.join("\n") + "\n")
    }
}

fn group_thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let v = Vocabulary::load();
        assert!(v.home.len() > 50 && v.abroad.len() > 50 && v.first.len() > 1000);
        assert_eq!(v.article(7, 3), v.article(7, 3));
        assert_ne!(v.article(7, 3), v.article(7, 4));
        assert_ne!(v.article(7, 3), v.article(8, 3));
        let (_, text) = v.article(1, 1);
        assert!((800..4000).contains(&text.len()), "{}", text.len());
        assert_eq!(group_thousands(45000), "45.000");
    }
}
