//! Table-driven cases for temporal expressions, money and publication dates.
//!
//! Each case names the anchor, a sentence (invented for these tests) and the expected
//! expressions as `surface => value`, where value is `P:<iso>`, `R:<iso>..<iso>`, `D:<days>`,
//! `S:<year>` or `A:<count>`. Expected lists are complete: extra matches fail the case.

use delegraph_text::PartialDate;
use delegraph_text::money::find_money;
use delegraph_text::temporal::{TimeValue, find_time_expressions, parse_publication_date};

fn render(v: &TimeValue) -> String {
    match v {
        TimeValue::Point(p) => format!("P:{p}"),
        TimeValue::Range(a, b) => format!("R:{a}..{b}"),
        TimeValue::Duration { days } => format!("D:{days}"),
        TimeValue::Since(y) => format!("S:{y}"),
        TimeValue::Anniversary(n) => format!("A:{n}"),
    }
}

/// (anchor, text, expected "surface => value" entries)
const CASES: &[(&str, &str, &[&str])] = &[
    // --- absolute dates ---
    (
        "",
        "Die Delegation aus Freiburg traf am 13.05.24 in Padua ein.",
        &["13.05.24 => P:2024-05-13"],
    ),
    (
        "",
        "Der Vertrag mit Besançon wurde am 13.05.2024 unterzeichnet.",
        &["13.05.2024 => P:2024-05-13"],
    ),
    (
        "",
        "Oberbürgermeisterin Lena Hoffmann reist am 8. November 2024 nach Lyon.",
        &["8. November 2024 => P:2024-11-08"],
    ),
    (
        "",
        "Das Treffen in Graz ist am 8. Nov. 2024 geplant.",
        &["8. Nov. 2024 => P:2024-11-08"],
    ),
    (
        "",
        "Im November 2024 empfing Erfurt eine Gruppe aus Kalisz.",
        &["November 2024 => P:2024-11"],
    ),
    (
        "",
        "Die Gäste aus Tampere kamen im Mai 2018 nach Rostock.",
        &["Mai 2018 => P:2018-05"],
    ),
    (
        "",
        "Im Jahr 2019 besuchte der Stadtrat von Görlitz die Partnerstadt.",
        &["Im Jahr 2019 => P:2019"],
    ),
    (
        "",
        "Die Kooperation wurde 2019 unterzeichnet und gilt weiter.",
        &["2019 => P:2019"],
    ),
    (
        "",
        "Minister Brandt kam 2019 mit einer kleinen Abordnung nach Pilsen.",
        &["2019 => P:2019"],
    ),
    (
        "",
        "2007 schlossen Kiel und Tallinn ein Abkommen über Fähren.",
        &["2007 => P:2007"],
    ),
    (
        "",
        "Der Plan sieht neue Radwege bis 2030.",
        &["bis 2030 => P:2030"],
    ),
    (
        "",
        "Für den Ausbau stehen 350 Millionen Euro bereit, der Verein belegt Platz 13.",
        &[],
    ),
    (
        "",
        "Zur Messe kamen 2000 Besucher, rund 2019 Gäste übernachteten.",
        &[],
    ),
    (
        "",
        "Sie kam mit 2019 Unterschriften ins Rathaus und 2050 Euro Spenden.",
        &[],
    ),
    (
        "",
        "In den Jahren 2017, 2018 und 2019 fanden Treffen in Vilnius statt.",
        &["2017 => P:2017", "2018 => P:2018", "2019 => P:2019"],
    ),
    (
        "",
        "Potsdam, 2. Oktober 2021. Die Ministerin eröffnete die Tagung.",
        &["2. Oktober 2021 => P:2021-10-02"],
    ),
    (
        "",
        "Der Termin am 31.02.2024 ist ungültig, ebenso der 32. Mai.",
        &[],
    ),
    ("", "Der Bus nach Bozen fährt um 13.05 Uhr ab.", &[]),
    ("", "Die Gemeinde zählt 1.200.000 Einwohner.", &[]),
    (
        "",
        "Das Memorandum vom 2024-03-15 regelt den Austausch.",
        &["2024-03-15 => P:2024-03-15"],
    ),
    (
        "",
        "Am Mittwochabend, 4. September 2024, unterzeichneten die Präsidenten das Papier.",
        &["Mittwochabend, 4. September 2024 => P:2024-09-04"],
    ),
    (
        "",
        "Die Abgeordneten trafen sich am Donnerstag, den 16. Juni 2022, in Cottbus.",
        &["Donnerstag, den 16. Juni 2022 => P:2022-06-16"],
    ),
    // --- founding years and Since ---
    (
        "",
        "Seit 2004 sind Jena und Erlangen freundschaftlich verbunden.",
        &["Seit 2004 => S:2004"],
    ),
    (
        "",
        "Die Partnerschaft zwischen Kassel und Mulhouse wurde 1965 begründet.",
        &["1965 => S:1965"],
    ),
    (
        "",
        "Die Freundschaft der Städte, 1972 gegründet, lebt weiter.",
        &["1972 => S:1972"],
    ),
    (
        "",
        "Gegründet 1988, ist der Verein weiter aktiv.",
        &["1988 => S:1988"],
    ),
    (
        "",
        "Die Zusammenarbeit war im Jahr 1991 vereinbart worden.",
        &["im Jahr 1991 => S:1991"],
    ),
    (
        "",
        "Der Städtebund wurde 1953 offiziell ins Leben gerufen.",
        &["1953 => S:1953"],
    ),
    (
        "",
        "Seit dem Jahr 1999 pflegen Bochum und Sheffield Kontakte.",
        &["Seit dem Jahr 1999 => S:1999"],
    ),
    (
        "",
        "Die Verbindung besteht seit Mai 2018 und wächst.",
        &["seit Mai 2018 => S:2018"],
    ),
    (
        "",
        "Ab 2026 soll der Austausch jährlich stattfinden.",
        &["Ab 2026 => S:2026"],
    ),
    (
        "",
        "Ab Herbst 2020 übernimmt Jana Weiß die Leitung.",
        &["Ab Herbst 2020 => S:2020"],
    ),
    (
        "2023-03-01",
        "Seit 60 Jahren besteht die Partnerschaft mit Le Mans.",
        &["Seit 60 Jahren => S:1963"],
    ),
    (
        "",
        "Seit 60 Jahren besteht die Partnerschaft mit Le Mans.",
        &["Seit 60 Jahren => A:60"],
    ),
    (
        "2024-06",
        "Vor 25 Jahren wurde die Partnerschaft mit Tours geschlossen.",
        &["Vor 25 Jahren => S:1999"],
    ),
    (
        "",
        "Vor 25 Jahren wurde die Partnerschaft mit Tours geschlossen.",
        &[],
    ),
    // --- anniversaries ---
    (
        "",
        "Das 30-jährige Jubiläum der Partnerschaft wurde in Gent gefeiert.",
        &["30-jährige Jubiläum => A:30"],
    ),
    (
        "",
        "Zum 30. Jubiläum kamen viele Gäste nach Aarhus.",
        &["30. Jubiläum => A:30"],
    ),
    (
        "",
        "30 Jahre Städtepartnerschaft feiern Mainz und Dijon.",
        &["30 Jahre Städtepartnerschaft => A:30"],
    ),
    (
        "",
        "Die Orte feiern ihr 25-jähriges Bestehen als Partner.",
        &["25-jähriges Bestehen => A:25"],
    ),
    (
        "",
        "Das Fest stand unter dem Motto 60 Jahre Partnerschaft mit Kalamata.",
        &["60 Jahre Partnerschaft => A:60"],
    ),
    (
        "",
        "Die zehnjährige Partnerschaft wurde erneuert.",
        &["zehnjährige Partnerschaft => A:10"],
    ),
    (
        "",
        "Zum zwanzigsten Jahrestag reiste ein Chor nach Lublin.",
        &["zwanzigsten Jahrestag => A:20"],
    ),
    (
        "",
        "Man feierte 50 Jahre deutsch-polnische Freundschaft.",
        &["50 Jahre deutsch-polnische Freundschaft => A:50"],
    ),
    ("", "Eine 30-jährige Frau leitete die Gruppe.", &[]),
    ("", "Sie ist 30 Jahre alt und kennt Porto seit Jahren.", &[]),
    (
        "",
        "Nach 30 Jahren Partnerschaft zogen Celle und Tulln Bilanz.",
        &["30 Jahren Partnerschaft => A:30"],
    ),
    (
        "",
        "In den 1990er Jahren begann der Schüleraustausch.",
        &["1990er Jahren => R:1990..1999"],
    ),
    // --- day and month without a year ---
    (
        "2024-11-02",
        "Die Reise beginnt am 13. November.",
        &["13. November => P:2024-11-13"],
    ),
    (
        "2025-01-10",
        "Am 28. Dezember hatte der Bürgermeister die Einladung erhalten.",
        &["28. Dezember => P:2024-12-28"],
    ),
    (
        "2024-12-20",
        "Das Treffen ist für den 9. Januar angesetzt.",
        &["9. Januar => P:2025-01-09"],
    ),
    (
        "2023-04-01",
        "Die Urkunde wird am Dienstag, 18. April, in Brno unterzeichnet.",
        &["Dienstag, 18. April => P:2023-04-18"],
    ),
    (
        "2024-06",
        "Die Gäste kommen am 13.06. an.",
        &["13.06. => P:2024-06-13"],
    ),
    ("", "Die Reise beginnt am 13. November.", &[]),
    (
        "2022-11",
        "Im November verbrachte der Vorstand zwei Tage in Bremen.",
        &["November => P:2022-11", "zwei Tage => D:2"],
    ),
    // --- ranges ---
    (
        "",
        "Bürgermeister Peter Lindqvist ist vom 10. bis 15. November 2024 in Chicago.",
        &["vom 10. bis 15. November 2024 => R:2024-11-10..2024-11-15"],
    ),
    (
        "",
        "Die Wirtschaftsdelegation aus Halle reist vom 3. bis 9. März 2017 nach Ningbo.",
        &["vom 3. bis 9. März 2017 => R:2017-03-03..2017-03-09"],
    ),
    (
        "",
        "Das Forum in Trient fand am 25.-26.08.2019 statt.",
        &["25.-26.08.2019 => R:2019-08-25..2019-08-26"],
    ),
    (
        "",
        "Das Forum in Trient fand am 25.08.–26.08.2019 statt.",
        &["25.08.–26.08.2019 => R:2019-08-25..2019-08-26"],
    ),
    (
        "",
        "Am 20. und 21. Juni 2016 tagte der Ausschuss in Linz.",
        &["20. und 21. Juni 2016 => R:2016-06-20..2016-06-21"],
    ),
    (
        "2024-05-03",
        "Die Stadträte aus Koblenz sind am 10./11. Mai in Nevers.",
        &["10./11. Mai => R:2024-05-10..2024-05-11"],
    ),
    (
        "2023-04-20",
        "Die Gruppe bleibt 2. bis 4. Mai in Arezzo.",
        &["2. bis 4. Mai => R:2023-05-02..2023-05-04"],
    ),
    (
        "",
        "Die Reise dauerte vom 30. April bis zum 6. Mai 2012.",
        &["vom 30. April bis zum 6. Mai 2012 => R:2012-04-30..2012-05-06"],
    ),
    (
        "2024-06-01",
        "Die Konferenz findet zwischen dem 3. und 7. Juni in Dijon statt.",
        &["zwischen dem 3. und 7. Juni => R:2024-06-03..2024-06-07"],
    ),
    (
        "2024-09-13",
        "Die Gespräche laufen von Montag bis Mittwoch.",
        &["von Montag bis Mittwoch => R:2024-09-16..2024-09-18"],
    ),
    (
        "",
        "Von 2015 bis 2018 leitete sie das Büro in Kyoto.",
        &["Von 2015 bis 2018 => R:2015..2018"],
    ),
    (
        "",
        "Zwischen 1990 und 1995 entstanden zahlreiche Kontakte.",
        &["Zwischen 1990 und 1995 => R:1990..1995"],
    ),
    (
        "",
        "Die Schau ist vom 28. Dezember 2023 bis 6. Januar 2024 zu sehen.",
        &["vom 28. Dezember 2023 bis 6. Januar 2024 => R:2023-12-28..2024-01-06"],
    ),
    (
        "",
        "Der Austausch dauert vom 28.12.2023 bis 03.01.2024.",
        &["vom 28.12.2023 bis 03.01.2024 => R:2023-12-28..2024-01-03"],
    ),
    (
        "",
        "Das Projekt lief von März bis Juni 2021.",
        &["von März bis Juni 2021 => R:2021-03..2021-06"],
    ),
    (
        "2024-10-01",
        "Die Gäste besuchten am 3. und 7. Oktober die Werft.",
        &["3. => P:2024-10-03", "7. Oktober => P:2024-10-07"],
    ),
    (
        "",
        "Sie kam am 2., 4. und 6. Juli 2020 nach Aachen.",
        &[
            "2. => P:2020-07-02",
            "4. => P:2020-07-04",
            "6. Juli 2020 => P:2020-07-06",
        ],
    ),
    // --- vague ---
    (
        "2024-03-10",
        "Mitte Mai soll der Gegenbesuch in Tartu folgen.",
        &["Mitte Mai => P:2024-05"],
    ),
    (
        "",
        "Ende 2023 lief das Abkommen mit Oulu aus.",
        &["Ende 2023 => P:2023"],
    ),
    (
        "",
        "Anfang 2023 startete das Jugendprogramm mit Pécs.",
        &["Anfang 2023 => P:2023"],
    ),
    (
        "2022-04-20",
        "Ende Mai reist die Delegation nach Kaunas.",
        &["Ende Mai => P:2022-05"],
    ),
    (
        "",
        "Im Frühjahr 2025 ist ein Gegenbesuch in Bergen geplant.",
        &["Frühjahr 2025 => P:2025"],
    ),
    (
        "2024-09-11",
        "Ende der Woche fliegt die Ministerin nach Riga.",
        &["Ende der Woche => R:2024-09-13..2024-09-15"],
    ),
    (
        "2023-02-01",
        "Im vergangenen Jahr reiste sie nach Gdynia.",
        &["vergangenen Jahr => P:2022"],
    ),
    (
        "2023-02-01",
        "Ende des vergangenen Jahres wurde der Vertrag verlängert.",
        &["Ende des vergangenen Jahres => P:2022"],
    ),
    (
        "2024-05-15",
        "Im Herbst kommt eine Schulklasse aus Dublin.",
        &["Herbst => P:2024"],
    ),
    // --- weekdays and relative days (2024-09-13 is a Friday) ---
    (
        "2024-09-13",
        "Am Sonntag fliegt Bürgermeisterin Sara Kühn nach Oslo.",
        &["Sonntag => P:2024-09-15"],
    ),
    (
        "2024-09-13",
        "Am vergangenen Montag traf sie den Gouverneur.",
        &["vergangenen Montag => P:2024-09-09"],
    ),
    (
        "2024-09-13",
        "Kommenden Dienstag folgt die Unterzeichnung.",
        &["Kommenden Dienstag => P:2024-09-17"],
    ),
    (
        "2024-09-13",
        "Am Freitag wird die Ausstellung eröffnet.",
        &["Freitag => P:2024-09-13"],
    ),
    (
        "2024-09-13",
        "Am Montag war der Minister in Danzig zu Gast.",
        &["Montag => P:2024-09-09"],
    ),
    (
        "2024-09-13",
        "Heute unterzeichnen beide Städte eine Absichtserklärung.",
        &["Heute => P:2024-09-13"],
    ),
    (
        "2024-09-13",
        "Die Gäste reisen morgen weiter und übermorgen zurück.",
        &["morgen => P:2024-09-14", "übermorgen => P:2024-09-15"],
    ),
    (
        "2024-09-13",
        "Gestern und vorgestern tagte der Rat.",
        &["Gestern => P:2024-09-12", "vorgestern => P:2024-09-11"],
    ),
    ("2024-09-13", "Am Morgen empfing der Rat die Gäste.", &[]),
    // A story walks on from its dated day: bare weekdays after it are the days that follow.
    (
        "2024-09-20",
        "Am Dienstag, dem 3. September, brach die Abordnung nach Lyon auf. Am Donnerstag folgte der Empfang, am Samstag die Heimreise.",
        &[
            "Dienstag, dem 3. September => P:2024-09-03",
            "Donnerstag => P:2024-09-05",
            "Samstag => P:2024-09-07",
        ],
    ),
    (
        "2024-09-13",
        "Vom 7. bis 9. Oktober reist die Landrätin nach Graz; am Dienstag trifft sie den Landeshauptmann.",
        &[
            "Vom 7. bis 9. Oktober => R:2024-10-07..2024-10-09",
            "Dienstag => P:2024-10-08",
        ],
    ),
    // A weekday that fits another year does not move a date that is near the anchor.
    (
        "2024-09-13",
        "Am Dienstag, den 14. Oktober, kommt der Gemeinderat aus Melk.",
        &["Dienstag, den 14. Oktober => P:2024-10-14"],
    ),
    // A day and month without a year belong to the year the story gave that month.
    (
        "2026-03-13",
        "Die Kontakte reichen in den März 2025 zurück. Die Gäste waren damals vom 17. bis 20. März in Eutin.",
        &[
            "März 2025 => P:2025-03",
            "vom 17. bis 20. März => R:2025-03-17..2025-03-20",
        ],
    ),
    (
        "2025-01-20",
        "Im Dezember 2025 feiert Lauda das Jubiläum; am 12. Dezember kommt dazu eine Abordnung aus Rovinj.",
        &["Dezember 2025 => P:2025-12", "12. Dezember => P:2025-12-12"],
    ),
    // ... but a date far from the publication carries no weekday.
    (
        "2024-09-13",
        "Die Urkunde wurde am 3. Mai 1994 besiegelt. Am Montag war der Minister zu Gast.",
        &["3. Mai 1994 => P:1994-05-03", "Montag => P:2024-09-09"],
    ),
    (
        "2011-04-18",
        "Die Senatorin fährt ab morgen, Dienstag, nach Prag.",
        &["ab morgen, Dienstag => P:2011-04-19"],
    ),
    (
        "2011-04-18",
        "Die Senatorin fährt morgen, Freitag, nach Prag.",
        &["morgen => P:2011-04-19", "Freitag => P:2011-04-22"],
    ),
    (
        "2024-09-13",
        "Nächste Woche besucht eine Gruppe aus Cork die Stadt.",
        &["Nächste Woche => R:2024-09-16..2024-09-22"],
    ),
    (
        "2024-09-13",
        "Diese Woche war der Botschafter in Kiel.",
        &["Diese Woche => R:2024-09-09..2024-09-15"],
    ),
    (
        "2024-09-13",
        "Samstagfrüh bricht der Tross nach Turin auf.",
        &["Samstagfrüh => P:2024-09-14"],
    ),
    (
        "2024-09-13",
        "Die Ausstellung bleibt bis Samstag geöffnet.",
        &["bis Samstag => P:2024-09-14"],
    ),
    (
        "2024-09-13",
        "Am kommenden Wochenende feiert Ulm mit Gästen aus Baja.",
        &["kommenden Wochenende => R:2024-09-14..2024-09-15"],
    ),
    (
        "2024-09-16",
        "Am Wochenende ist eine Delegation aus Turku in Ulm gewesen.",
        &["Wochenende => R:2024-09-14..2024-09-15"],
    ),
    (
        "2024-09-16",
        "Die Gäste aus Baja sind am Wochenende nach Ulm gereist.",
        &["Wochenende => R:2024-09-14..2024-09-15"],
    ),
    (
        "2024-09-13",
        "Vor drei Tagen kam die Einladung aus Nizza.",
        &["Vor drei Tagen => P:2024-09-10"],
    ),
    (
        "2024-05",
        "Am Sonntag fliegt der Bürgermeister nach Oslo.",
        &[],
    ),
    ("2024-05", "Heute ist der Rat in Lille.", &[]),
    (
        "2015-05-21",
        "Der Präsident ist heute (21. Mai) in Flensburg.",
        &["heute (21. Mai) => P:2015-05-21"],
    ),
    // --- more relative forms ---
    (
        "2024-09-13",
        "Am Donnerstag haben Bonn und Oxford einen Vertrag unterzeichnet.",
        &["Donnerstag => P:2024-09-12"],
    ),
    (
        "2024-09-13",
        "Anfang nächster Woche reist der Kämmerer nach Breda.",
        &["Anfang nächster Woche => R:2024-09-16..2024-09-17"],
    ),
    (
        "2019-12",
        "Im Vorjahr kamen weniger Gäste aus Lund.",
        &["Vorjahr => P:2018"],
    ),
    (
        "2024-09-13",
        "Vor einer Woche kam der Brief aus Lyon.",
        &["Vor einer Woche => P:2024-09-06"],
    ),
    (
        "2024-09",
        "Vor zwei Monaten begann der Umbau.",
        &["Vor zwei Monaten => P:2024-07"],
    ),
    ("2024-09-13", "In drei Tagen folgt die Antwort.", &[]),
    (
        "2024-09-13",
        "Heute Abend und morgen früh spricht die Rektorin.",
        &["Heute Abend => P:2024-09-13", "morgen früh => P:2024-09-14"],
    ),
    (
        "2024-09-13",
        "Montags tagt der Ausschuss in der Freitagstraße.",
        &[],
    ),
    (
        "2023-02-01",
        "Im Juli des vergangenen Jahres reiste sie nach Umeå.",
        &["Juli des vergangenen Jahres => P:2022-07"],
    ),
    (
        "2024-03-01",
        "Der Bericht kommt bis zum Jahresende.",
        &["bis zum Jahresende => P:2024"],
    ),
    (
        "",
        "Fr., 13.09.2024: Empfang im Rathaus.",
        &["Fr., 13.09.2024 => P:2024-09-13"],
    ),
    (
        "",
        "Die Stiftung gibt es seit dem 1. Januar 2020.",
        &["seit dem 1. Januar 2020 => S:2020"],
    ),
    (
        "",
        "Zur 750-Jahr-Feier von Bautzen kamen Gäste.",
        &["750-Jahr-Feier => A:750"],
    ),
    (
        "",
        "Die Gäste waren vom 29. Juni bis 2. Juli 2009 in Trondheim.",
        &["vom 29. Juni bis 2. Juli 2009 => R:2009-06-29..2009-07-02"],
    ),
    (
        "",
        "Die Altstadt war nach der Flut von 2002 besonders betroffen.",
        &["2002 => P:2002"],
    ),
    ("", "Man sprach von 2000 neuen Stellen.", &[]),
    ("", "Bis 2000 neue Wohnungen sollen entstehen.", &[]),
    (
        "",
        "Bis 2030 soll die Linie fertig sein.",
        &["Bis 2030 => P:2030"],
    ),
    // --- durations ---
    (
        "",
        "Es war eine fünftägige Reise durch Andalusien.",
        &["fünftägige => D:5"],
    ),
    (
        "",
        "Die 5-tägige Tour führte nach Porto.",
        &["5-tägige => D:5"],
    ),
    (
        "",
        "Die Delegation blieb drei Tage lang in Krakau.",
        &["drei Tage lang => D:3"],
    ),
    (
        "",
        "Zum zweitägigen Besuch kam der Gouverneur.",
        &["zweitägigen => D:2"],
    ),
    (
        "",
        "Die Gruppe war für zwei Tage in Wien.",
        &["für zwei Tage => D:2"],
    ),
    (
        "",
        "Der Austausch dauert eine Woche.",
        &["eine Woche => D:7"],
    ),
    (
        "",
        "Zehn Tage verbrachten die Schüler in Nantes.",
        &["Zehn Tage => D:10"],
    ),
    ("", "Zwei Tage später reiste sie weiter.", &[]),
    (
        "",
        "Die zweiwöchige Rundreise endet in Sevilla.",
        &["zweiwöchige => D:14"],
    ),
    ("", "Am zweiten Tag besuchten sie den Hafen.", &[]),
];

fn anchor(s: &str) -> Option<PartialDate> {
    (!s.is_empty()).then(|| PartialDate::parse_iso(s).expect("bad anchor in case table"))
}

#[test]
fn temporal_cases() {
    let mut failures = Vec::new();
    for (a, text, expected) in CASES {
        let got: Vec<String> = find_time_expressions(text, anchor(a))
            .iter()
            .map(|e| format!("{} => {}", &text[e.span.clone()], render(&e.value)))
            .collect();
        let want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!("[{a}] {text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// (text, expected "surface => euros")
const MONEY: &[(&str, &[&str])] = &[
    (
        "Die Stadt investiert 123.000 Euro in den Austausch.",
        &["123.000 Euro => 123000"],
    ),
    (
        "Das Land gibt 1,2 Mio. Euro dazu.",
        &["1,2 Mio. Euro => 1200000"],
    ),
    (
        "Insgesamt flossen 1,2 Millionen Euro nach Weimar.",
        &["1,2 Millionen Euro => 1200000"],
    ),
    (
        "Es stehen rund 50.000 € für Stipendien bereit.",
        &["50.000 € => 50000"],
    ),
    (
        "Der Bund gibt 2 Millionen Euro.",
        &["2 Millionen Euro => 2000000"],
    ),
    (
        "Zuschuss: EUR 15.000 für das Jugendcamp.",
        &["EUR 15.000 => 15000"],
    ),
    (
        "Zuschuss: 15.000 EUR für das Jugendcamp.",
        &["15.000 EUR => 15000"],
    ),
    ("Eintritt € 2.500 pro Stand.", &["€ 2.500 => 2500"]),
    (
        "Der Konzern plant 3 Mrd. Euro für neue Werke.",
        &["3 Mrd. Euro => 3000000000"],
    ),
    (
        "Die Hafenstadt erhält 350 Millionen Euro.",
        &["350 Millionen Euro => 350000000"],
    ),
    ("Das kostet mehrere hundert Millionen Euro.", &[]),
    (
        "Das Land gibt zwei Millionen Euro für Brücken.",
        &["zwei Millionen Euro => 2000000"],
    ),
    ("Der Fonds umfasst 500 Millionen US-Dollar.", &[]),
    (
        "Die Rechnung lautet auf 2.500,50 €.",
        &["2.500,50 € => 2500.5"],
    ),
    (
        "Der Preis beträgt 15.000,- Euro.",
        &["15.000,- Euro => 15000"],
    ),
    (
        "Man rechnet mit 2 bis 3 Millionen Euro.",
        &["2 => 2000000", "3 Millionen Euro => 3000000"],
    ),
    (
        "Gespendet wurde eine halbe Million Euro.",
        &["eine halbe Million Euro => 500000"],
    ),
    ("Die Debatte um eine Euro-Zone hält an.", &[]),
    (
        "Budget: 1.5 Mio. EUR für Sport.",
        &["1.5 Mio. EUR => 1500000"],
    ),
    ("Der Ansatz liegt bei 500 TEUR.", &["500 TEUR => 500000"]),
    (
        "Kosten von 75'000 Euro trägt die Stiftung.",
        &["75'000 Euro => 75000"],
    ),
    (
        "Die Stadt zahlt anderthalb Millionen Euro.",
        &["anderthalb Millionen Euro => 1500000"],
    ),
    (
        "Der Ausbau kostet 3,5 Milliarden Euro.",
        &["3,5 Milliarden Euro => 3500000000"],
    ),
    ("Der Eintritt kostet 10 Euro.", &["10 Euro => 10"]),
    (
        "Es flossen ca. 1.000.000 Euro.",
        &["1.000.000 Euro => 1000000"],
    ),
    (
        "Geplant sind 5 Millionen Dollar und 2 Millionen Euro.",
        &["2 Millionen Euro => 2000000"],
    ),
    ("Die Euro-Krise kostet Milliarden.", &[]),
    ("Der Kanton zahlt 200.000 Franken.", &[]),
    ("Zuschuss T€ 250 laut Plan.", &["T€ 250 => 250000"]),
    (
        "Für die 5-Millionen-Euro-Halle in Gera gab es Lob.",
        &["5-Millionen-Euro => 5000000"],
    ),
];

#[test]
fn money_cases() {
    let mut failures = Vec::new();
    for (text, expected) in MONEY {
        let got: Vec<String> = find_money(text)
            .iter()
            .map(|m| format!("{} => {}", &text[m.span.clone()], m.euros))
            .collect();
        let want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        MONEY.len(),
        failures.join("\n")
    );
}

/// (header line, expected ISO date or "" for none)
const PUBLICATION: &[(&str, &str)] = &[
    ("date 2024-05", "2024-05"),
    ("date 2018-05-07", "2018-05-07"),
    ("date 2021-03 Besuch in Lyon", "2021-03"),
    ("Pressemitteilung vom 08.11.2024", "2024-11-08"),
    ("Mo 13.05.24 | 06:06 Uhr", "2024-05-13"),
    ("Stand: 13.05.2024", "2024-05-13"),
    ("Veröffentlicht am 3. Dezember 2014", "2014-12-03"),
    ("08.11.2024", "2024-11-08"),
    ("Wirtschaftsausschuss\t05.09.2019", "2019-09-05"),
    ("Ulm, 2. Oktober 2021", "2021-10-02"),
    (
        "Radio Nord | 21.06.2023 | Anna Berg | Bild: Archiv Kai Roth",
        "2023-06-21",
    ),
    (
        "Zur Navigation Pressemitteilung vom 14.02.2022 Die Senatskanzlei teilt mit, dass der Bürgermeister in der kommenden Woche zu Gesprächen nach Warschau und Krakau reist.",
        "2022-02-14",
    ),
    (
        "Die Bürgermeisterin der Stadt Wels war am 3. Mai 2019 zusammen mit einer Abordnung von Unternehmerinnen und Unternehmern zu Gast in der Partnerstadt Sopron.",
        "",
    ),
    ("Die Reise findet vom 10. bis 15. Mai 2024 statt.", ""),
    ("Sitzung 05.09.2019 und 06.09.2019", ""),
    ("Unsere Partnerstädte im Überblick", ""),
    ("Datum: 21.06.2023", "2023-06-21"),
    ("Die Reise begann am 3. Mai 2019 in Bonn.", ""),
    ("Erstellt am 5. März 2020 von der Redaktion", "2020-03-05"),
];

#[test]
fn publication_cases() {
    let mut failures = Vec::new();
    for (line, want) in PUBLICATION {
        let got = parse_publication_date(line)
            .map(|d| d.to_string())
            .unwrap_or_default();
        if got != *want {
            failures.push(format!("{line:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        PUBLICATION.len(),
        failures.join("\n")
    );
}
