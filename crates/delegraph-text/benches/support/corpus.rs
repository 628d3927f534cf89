//! A synthetic German news corpus for the text-layer benchmarks, built from sentences written
//! for this purpose and varied with names, places, dates and amounts.
//!
//! Shared by `benches/text_layer.rs` and `examples/bench_ratio.rs` so both measure the same bytes.

const PEOPLE: &[&str] = &[
    "Oberbürgermeisterin Petra Lindqvist",
    "Bürgermeister Jonas Albrecht",
    "Landrätin Dr. Ulrike Sommerfeld",
    "Staatssekretär Malte Øyen",
    "Ratsfrau Hatice Demir",
    "Prof. Dr. Karl-Heinz Brückner",
];

const PLACES: &[&str] = &[
    "Kyoto",
    "Lyon",
    "Kraków",
    "Chongqing",
    "Tel Aviv",
    "Porto Alegre",
    "Göteborg",
    "Nantes",
];

const MONTHS: &[&str] = &["Januar", "März", "Mai", "Juli", "September", "November"];

/// Sentence templates: {p} person, {c} place, {d} day, {m} month, {n} number.
const TEMPLATES: &[&str] = &[
    "{p} reist vom {d}. bis {d2}. {m} mit einer Wirtschafts- und Wissenschaftsdelegation nach {c}.",
    "Begleitet wird sie von Vertreterinnen und Vertretern der IHK, der Hochschule und von {n} Start-ups.",
    "Auf dem Programm stehen u. a. Gespräche im Rathaus, ein Besuch der Deutsch-Japanischen Gesellschaft und eine Fachkonferenz.",
    "„Die Partnerschaft mit {c} lebt von persönlichen Begegnungen“, sagte {p} am Rande des Empfangs.",
    "Die Kosten der Reise in Höhe von rund {n}.000 Euro trägt zum größten Teil die Stadt.",
    "Bereits im {m} {y} hatten beide Städte eine Absichtserklärung zur engeren Zusammen-\narbeit in Klimaschutz und Kultur unterzeichnet.",
    "Der Rat hatte die Reise am {d}.{mm}.{y} mit großer Mehrheit beschlossen; die Opposition kritisierte den Zeitpunkt.",
    "Nach Angaben des Presseamts umfasst die Delegation {n} Personen, darunter Abgeordnete aller Fraktionen.",
    "Im Anschluss reist die Gruppe weiter nach {c2}, wo ein Treffen mit der dortigen Handelskammer geplant ist.",
    "Weitere Informationen gibt es unter www.example.org/partnerstaedte.",
];

/// Deterministic pseudo-random numbers (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// At least `min_bytes` of German news text in paragraphs, with a few places that need
/// normalization (no-break spaces, soft hyphens, words hyphenated across lines).
pub fn german_text(min_bytes: usize) -> String {
    let mut rng = Rng(0x5EED_CAFE_F00D);
    let mut out = String::with_capacity(min_bytes + 4096);
    let mut article = 0;
    while out.len() < min_bytes {
        article += 1;
        let c = PLACES[rng.next(PLACES.len())];
        out.push_str(&format!("Delegation reist nach {c}\n\n"));
        out.push_str(&format!(
            "{}.{}.20{:02}\n\n",
            1 + rng.next(28),
            1 + rng.next(12),
            10 + rng.next(15)
        ));
        for _ in 0..4 {
            for _ in 0..4 {
                let t = TEMPLATES[rng.next(TEMPLATES.len())];
                let d = 1 + rng.next(20);
                let s = t
                    .replace("{p}", PEOPLE[rng.next(PEOPLE.len())])
                    .replace("{c2}", PLACES[rng.next(PLACES.len())])
                    .replace("{c}", c)
                    .replace("{d2}", &(d + 1 + rng.next(5)).to_string())
                    .replace("{d}", &d.to_string())
                    .replace("{mm}", &format!("{:02}", 1 + rng.next(12)))
                    .replace("{m}", MONTHS[rng.next(MONTHS.len())])
                    .replace("{y}", &(2015 + rng.next(10)).to_string())
                    .replace("{n}", &(2 + rng.next(40)).to_string());
                out.push_str(&s);
                out.push(' ');
            }
            if article % 7 == 0 {
                out.push_str("Die Ober\u{AD}bürgermeisterin dankte den 12\u{A0}Gastgebern. ");
            }
            out.push_str("\n\n");
        }
        out.push_str("Foto: Presseamt\n\n");
    }
    out
}
