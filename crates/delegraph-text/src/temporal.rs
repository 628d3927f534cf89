//! German temporal expressions resolved to ISO values.
//!
//! [`find_time_expressions`] scans a text once with a small lexer ([`crate::numbers`]) and, at
//! every token, tries a fixed set of hand-written rules; the longest match wins and scanning
//! resumes after it, so results are in text order and never overlap. No regexes: the patterns
//! depend on token adjacency ("13.05.2024" against "13. Mai") and on neighbouring cue words,
//! which token rules express more directly and run in linear time.
//!
//! Span conventions: a span covers the words that carry meaning — prepositions that change the
//! value ("seit", "ab", "bis", "vom … bis", "zwischen", "für", "vor"), modifiers ("kommenden",
//! "Ende", "Mitte") and "im Jahr"; a plain "am"/"im" before a date is left out.
//!
//! Resolution choices (all relative to the anchor, normally the publication date):
//! - day and month without a year take the year that puts the date nearest the anchor
//!   (so within about six months either way); a named weekday next to it picks the year whose
//!   calendar agrees;
//! - a month without a year ("im Mai", "Ende Mai") likewise;
//! - a bare weekday is the next such day on or after the anchor; when its sentence reads as past
//!   (preterite auxiliaries and common past verbs, "hat/haben" with a participle, "gestern",
//!   "vergangenen"; or "seit" right before the weekday) it is the last such day on or before
//!   the anchor; "kommenden"/"nächsten" and "vergangenen"/"letzten" directly before it mean
//!   strictly after/before;
//! - weeks run Monday to Sunday; "Anfang/Mitte/Ende der Woche" are Mon–Tue, Tue–Thu, Fri–Sun;
//! - expressions that need a day-precise anchor (weekdays, "heute", "nächste Woche") are
//!   skipped when the anchor is only a month or year; year-relative ones ("im vergangenen Jahr",
//!   "vor 25 Jahren") only need the year; "seit 60 Jahren" without any anchor is
//!   `Anniversary(60)`, "vor 25 Jahren" without one is skipped;
//! - seasons ("im Frühjahr 2025") and "Anfang/Mitte/Ende 2023" keep year precision,
//!   "Ende Mai" month precision: no invented days;
//! - a bare four-digit number 1900..=2100 is a year only with a cue: a preceding "seit", "Jahr",
//!   "Ende", season word and the like; or a following function word, auxiliary or participle
//!   ("2019 unterzeichnet", "kam 2019 mit"); or a preceding preposition followed by punctuation
//!   or an uninflected word ("bis 2030.", "von 1995 besonders"). Units and currency after the
//!   number, or "rund"/"über"/"Platz" before it, always veto it; without a strong cue so does a
//!   noun or an inflected adjective after it ("2000 Besucher", "bis 2000 neue Wohnungen");
//! - a year-precision point directly followed by "begründet", "gegründet", "vereinbart",
//!   "besiegelt" or "ins Leben gerufen" (or preceded by "gegründet") is a [`TimeValue::Since`];
//!   so is anything after "seit" that names a year, and a year after "ab". Full dates keep
//!   their day: "am 3. Mai 2019 vereinbart" stays a Point.

use crate::date::PartialDate;
use crate::numbers::{Tok, lex, number_word, ordinal_word};
use std::ops::Range;

/// What a temporal expression denotes.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeValue {
    /// A single date at some precision ("8. November 2024", "Mai 2024", "2019").
    Point(PartialDate),
    /// An interval ("vom 10. bis 15. November 2024", "25.-26.08.2019").
    Range(PartialDate, PartialDate),
    /// A length of time in days ("fünftägige Reise", "drei Tage lang").
    Duration { days: u32 },
    /// A start year of something still going on ("seit 1967", "1967 begründet").
    Since(i16),
    /// An anniversary count ("30-jähriges Jubiläum", "30 Jahre Städtepartnerschaft").
    Anniversary(u32),
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte range of the expression in the searched text.
    pub span: Range<usize>,
    pub value: TimeValue,
}

/// Finds temporal expressions in `text`, resolving relative ones against `anchor`
/// (normally the publication date).
pub fn find_time_expressions(text: &str, anchor: Option<PartialDate>) -> Vec<TimeExpr> {
    let toks = lex(text);
    let cx = Cx::new(&toks, anchor);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cx.best_at(i) {
            Some(m) if m.end > i => {
                let value = cx.year_of_story(i..m.end, m.value);
                cx.note_narrative(&value);
                out.push(TimeExpr {
                    span: toks[i].start..toks[m.end - 1].end,
                    value,
                });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads a publication date from a header line ("date 2024-05", "Pressemitteilung vom 08.11.2024",
/// "Mo 13.05.24 | 06:06 Uhr").
///
/// A date after an explicit cue ("Pressemitteilung vom", "Stand:", "Veröffentlicht am") is taken
/// from the first 120 characters even of a long line; otherwise the line must be short (at most
/// 120 characters), hold exactly one date and few other words (at most 16 beside a numeric
/// date, 4 beside a written one) — a table cell, a dateline, a credit line — so that dates
/// inside prose do not pass for publication dates.
pub fn parse_publication_date(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("date ") {
        return PartialDate::parse_iso(rest.split_whitespace().next()?);
    }
    let head = match line.char_indices().nth(120) {
        Some((b, _)) => &line[..b],
        None => line,
    };
    let toks = lex(head);
    let cx = Cx::new(&toks, None);
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let after = match t.key.as_ref() {
            "pressemitteilung" | "pressemeldung" | "medienmitteilung" | "medieninformation"
            | "mitteilung" | "meldung" | "artikel" | "beitrag"
                if cx.is(i + 1, &["vom"]) =>
            {
                i + 2
            }
            "veroeffentlicht" | "erstellt" | "aktualisiert" | "publiziert" | "erschienen"
            | "datum" | "stand" => {
                let mut j = i + 1;
                if cx.p(j, ':') || cx.is(j, &["am", "vom"]) {
                    j += 1;
                }
                j
            }
            _ => continue,
        };
        if let Some((part, _)) = cx.core(after)
            && let Some(d) = cx.resolve(part)
        {
            return Some(d);
        }
    }
    if line.chars().count() > 120 {
        return None;
    }
    let found = find_time_expressions(line, None);
    let mut date: Option<(PartialDate, Range<usize>)> = None;
    for e in &found {
        match e.value {
            TimeValue::Point(p) if p.month.is_some() => match date {
                Some((q, _)) if q != p => return None,
                _ => date = Some((p, e.span.clone())),
            },
            TimeValue::Range(..) => return None,
            _ => {}
        }
    }
    let (d, span) = date?;
    let numeric = line[span.clone()]
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .count()
        <= 2;
    let words = lex(line)
        .iter()
        .filter(|t| t.is_word() && !(span.start <= t.start && t.end <= span.end))
        .count();
    // Credit lines carry numeric dates among many names; textual dates stand nearly alone
    // ("Ulm, 2. Oktober 2021").
    let limit = if numeric { 16 } else { 4 };
    (words <= limit).then_some(d)
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), exact for the proleptic Gregorian
// calendar and free of failure cases, so relative offsets cannot panic on odd anchors.

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 = Monday … 6 = Sunday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

fn date_of(days: i64) -> Option<PartialDate> {
    let (y, m, d) = civil_from_days(days);
    PartialDate::ymd(i16::try_from(y).ok()?, m as u8, d as u8)
}

fn day_number(p: PartialDate) -> Option<i64> {
    p.to_civil()?;
    Some(days_from_civil(
        i64::from(p.year),
        i64::from(p.month?),
        i64::from(p.day?),
    ))
}

fn add_years(y: i16, n: i64) -> Option<i16> {
    i16::try_from(i64::from(y) + n).ok()
}

/// The month `n` months after (year, month).
fn add_months(y: i16, m: u8, n: i64) -> Option<PartialDate> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
    PartialDate::month(
        i16::try_from(idx.div_euclid(12)).ok()?,
        (idx.rem_euclid(12) + 1) as u8,
    )
}

/// Whether `word` is the name of a month or a weekday ("Mai", "Jänner", "Sonntag"), in any
/// case: words that name times even where a village bears the same name.
pub fn is_calendar_word(word: &str) -> bool {
    let key = crate::numbers::fold(word);
    MONTHS.iter().any(|(w, _)| *w == key) || WEEKDAYS.iter().any(|(w, _)| *w == key)
}

fn days_in_month(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------------------------
// Word tables (folded: lowercase, umlauts spelled out, ß as ss).

const MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("jaenner", 1),
    ("februar", 2),
    ("feber", 2),
    ("maerz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
];

const MONTH_ABBR: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("maer", 3),
    ("mrz", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

const WEEKDAYS: &[(&str, i64)] = &[
    ("montag", 0),
    ("dienstag", 1),
    ("mittwoch", 2),
    ("donnerstag", 3),
    ("freitag", 4),
    ("samstag", 5),
    ("sonnabend", 5),
    ("sonntag", 6),
];

const WEEKDAY_ABBR: &[(&str, i64)] = &[
    ("Mo", 0),
    ("Di", 1),
    ("Mi", 2),
    ("Do", 3),
    ("Fr", 4),
    ("Sa", 5),
    ("So", 6),
];

/// Parts of the day that may follow a weekday or a relative day ("Mittwochabend", "heute Abend").
const DAYPARTS: &[&str] = &[
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "abend",
    "nacht",
    "frueh",
];

/// Words that make the sentence read as past for weekday resolution.
const PAST_CUES: &[&str] = &[
    "vergangenen",
    "vergangene",
    "vergangener",
    "vergangenes",
    "letzten",
    "letzte",
    "letzter",
    "vorigen",
    "vorige",
    "gestern",
    "vorgestern",
    "war",
    "waren",
    "hatte",
    "hatten",
    "wurde",
    "wurden",
    "begann",
    "begannen",
    "traf",
    "trafen",
    "kam",
    "kamen",
    "reiste",
    "reisten",
    "bereiste",
    "bereisten",
    "besuchte",
    "besuchten",
    "empfing",
    "empfingen",
    "fand",
    "fanden",
    "unterzeichnete",
    "unterzeichneten",
    "unterschrieb",
    "eroeffnete",
    "eroeffneten",
    "endete",
    "endeten",
    "startete",
    "starteten",
    "begruesste",
    "begruessten",
    "hielt",
    "hielten",
    "ging",
    "gingen",
    "fuehrte",
    "fuehrten",
    "sprach",
    "sprachen",
    "nahm",
    "nahmen",
    "ueberreichte",
    "flog",
    "flogen",
    "brach",
    "brachen",
    "weilte",
    "weilten",
    "verbrachte",
    "verbrachten",
    "tagte",
    "tagten",
];

/// Participles of being and travelling that, with "ist"/"sind", mark the perfect tense (the
/// folded spelling the matcher compares: "zurueckgekehrt").
const SEIN_PARTICIPLES: &[&str] = &[
    "gewesen",
    "gereist",
    "gekommen",
    "gefahren",
    "geflogen",
    "angereist",
    "abgereist",
    "eingetroffen",
    "angekommen",
    "zurueckgekehrt",
    "heimgekehrt",
    "aufgebrochen",
];

/// Participles without "ge-" that, with "hat"/"haben", mark the perfect tense.
const PERFECT_PARTICIPLES: &[&str] = &[
    "vereinbart",
    "unterzeichnet",
    "besucht",
    "besiegelt",
    "beschlossen",
    "erneuert",
    "verlaengert",
    "empfangen",
    "begruesst",
    "eroeffnet",
    "uebergeben",
    "ueberreicht",
    "unterschrieben",
    "informiert",
    "diskutiert",
    "eroertert",
    "vertieft",
    "bekraeftigt",
    "verabschiedet",
    "bereist",
    "besprochen",
    "erreicht",
    "vorgestellt",
    "unterstrichen",
];

/// Words after a bare year that show it is a date, not a count ("2019 mit", "2007 schlossen").
const YEAR_FOLLOW: &[&str] = &[
    "mit",
    "nach",
    "in",
    "im",
    "zu",
    "zum",
    "zur",
    "als",
    "fuer",
    "an",
    "am",
    "auf",
    "bei",
    "beim",
    "von",
    "vom",
    "durch",
    "ueber",
    "unter",
    "gegen",
    "aus",
    "bis",
    "erstmals",
    "erneut",
    "bereits",
    "schon",
    "noch",
    "dann",
    "wieder",
    "ebenfalls",
    "gemeinsam",
    "zusammen",
    "offiziell",
    "endgueltig",
    "zuletzt",
    "zuerst",
    "erst",
    "war",
    "waren",
    "ist",
    "sind",
    "hat",
    "hatte",
    "hatten",
    "haben",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "soll",
    "sollen",
    "sollte",
    "will",
    "wollen",
    "kann",
    "konnte",
    "kam",
    "kamen",
    "ging",
    "reiste",
    "reisten",
    "besuchte",
    "besuchten",
    "fand",
    "fanden",
    "folgte",
    "folgten",
    "schloss",
    "schlossen",
    "unterzeichnete",
    "unterzeichneten",
    "unterschrieb",
    "unterschrieben",
    "trat",
    "traf",
    "trafen",
    "gab",
    "startete",
    "starteten",
    "begann",
    "begannen",
    "endete",
    "eroeffnet",
    "eroeffnete",
    "begruendet",
    "vereinbart",
    "unterzeichnet",
    "besiegelt",
    "beschlossen",
    "erneuert",
    "verlaengert",
    "ratifiziert",
    "entstand",
    "entstanden",
    "folgt",
    "statt",
];

/// Separable prefixes before a "ge-" participle ("abgeschlossen", "eingeweiht").
const PARTICIPLE_PREFIXES: &[&str] = &[
    "", "ab", "an", "auf", "aus", "ein", "mit", "vor", "zu", "zurueck", "weiter", "fort", "fest",
    "bei", "nach", "teil", "statt", "wieder", "ins",
];

/// Words that look like "ge-" participles but are not.
const NOT_PARTICIPLES: &[&str] = &[
    "gesamten",
    "gemeinsamen",
    "genannten",
    "gegen",
    "gelegen",
    "gewissen",
];

/// Cue words before a number that make it a quantity or a label, never a year.
const QUANTITY_CUES: &[&str] = &[
    "rund",
    "etwa",
    "ca",
    "circa",
    "ueber",
    "mehr",
    "knapp",
    "fast",
    "nahezu",
    "insgesamt",
    "nur",
    "gut",
    "zirka",
    "weitere",
    "platz",
    "nr",
    "nummer",
    "seite",
    "seiten",
    "kapitel",
    "tel",
    "telefon",
    "fax",
    "postfach",
    "plz",
    "zimmer",
    "raum",
    "artikel",
    "paragraf",
    "paragraph",
    "hausnummer",
    "top",
    "punkt",
    "kennziffer",
    "az",
    "drucksache",
];

/// Words after a number that make it a quantity.
const UNITS: &[&str] = &[
    "euro",
    "eur",
    "prozent",
    "millionen",
    "million",
    "mio",
    "milliarden",
    "milliarde",
    "mrd",
    "tausend",
    "tsd",
    "meter",
    "kilometer",
    "km",
    "m",
    "kg",
    "tonnen",
    "stueck",
    "dollar",
    "usd",
    "franken",
    "chf",
    "mal",
    "hektar",
    "ha",
    "quadratmeter",
    "qm",
    "uhr",
];

/// Cues before a bare year that suffice on their own.
const STRONG_YEAR_CUES: &[&str] = &[
    "seit",
    "jahr",
    "jahre",
    "jahren",
    "jahres",
    "anfang",
    "mitte",
    "ende",
    "fruehjahr",
    "fruehling",
    "sommer",
    "herbst",
    "winter",
    "jahresende",
    "jahresbeginn",
    "jahresanfang",
    "jahresmitte",
    "anno",
    "im",
];

/// Prepositions before a bare year that need confirmation from what follows.
const WEAK_YEAR_CUES: &[&str] = &[
    "von", "bis", "ab", "zwischen", "in", "nach", "vor", "um", "war", "ist", "wurde", "kam",
    "begann", "endete",
];

const SINCE_VERBS: &[&str] = &["begruendet", "gegruendet", "vereinbart", "besiegelt"];

const ANNIVERSARY_NOUNS: &[&str] = &[
    "jubilaeum",
    "partnerschaft",
    "freundschaft",
    "zusammenarbeit",
    "kooperation",
    "bestehen",
    "beziehungen",
    "jahrestag",
    "partnerschaften",
    "verbindung",
    "verbundenheit",
];

const FUTURE_MODIFIERS: &[&str] = &["kommenden", "kommende", "naechsten", "naechste"];
const PAST_MODIFIERS: &[&str] = &[
    "vergangenen",
    "vergangene",
    "letzten",
    "letzte",
    "vorigen",
    "vorige",
];

// ---------------------------------------------------------------------------------------------

/// A date as written, before resolution: any field may be missing.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Part {
    d: Option<u8>,
    m: Option<u8>,
    y: Option<i16>,
    wd: Option<i64>,
}

/// A rule's match starting at the token where it was tried.
struct M {
    end: usize,
    value: TimeValue,
}

fn m(end: usize, value: TimeValue) -> Option<M> {
    Some(M { end, value })
}

/// How a bare weekday is resolved.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    /// On or after the anchor.
    Future,
    /// On or before the anchor.
    Past,
    /// Strictly after ("kommenden").
    Next,
    /// Strictly before ("vergangenen").
    Last,
}

struct Cx<'a, 't> {
    t: &'a [Tok<'t>],
    year: Option<i16>,
    month: Option<u8>,
    day: Option<i64>,
    /// Per token: whether its sentence reads as past.
    past: Vec<bool>,
    /// The day of the last day-precise date met so far in the text (see [`NARRATIVE_WINDOW`]).
    narrative: std::cell::Cell<Option<i64>>,
    /// Year and month of the last date met with an explicit year (see `year_of_story`).
    story_month: std::cell::Cell<Option<(i16, u8)>>,
}

/// How far (in days) a date named in the text may lie from a day-precise anchor and still carry
/// the bare weekdays after it: "Am Mittwoch, dem 12. November, brachen wir auf. Am Donnerstag …" walks
/// on from the 12th, while a founding date decades ago carries nothing.
const NARRATIVE_WINDOW: i64 = 45;

/// How far (in days) from the anchor a weekday may pull an undated day and month into the
/// previous or next year.
const WEEKDAY_YEAR_WINDOW: i64 = 200;

impl<'a, 't> Cx<'a, 't> {
    fn new(t: &'a [Tok<'t>], anchor: Option<PartialDate>) -> Self {
        let year = anchor.map(|a| a.year);
        let month = anchor
            .and_then(|a| a.month)
            .filter(|m| (1..=12).contains(m));
        let day = anchor.filter(|a| a.day.is_some()).and_then(day_number);
        let mut cx = Cx {
            t,
            year,
            month,
            day,
            past: Vec::new(),
            narrative: std::cell::Cell::new(None),
            story_month: std::cell::Cell::new(None),
        };
        if day.is_some() {
            cx.past = cx.sentence_past();
        }
        cx
    }

    // --- token access (out of range reads as nothing) ---

    fn key(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.is_word() => &t.key,
            _ => "",
        }
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        let k = self.key(i);
        !k.is_empty() && words.contains(&k)
    }

    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn dash(&self, i: usize) -> bool {
        ['-', '–', '—', '‐', '‑'].iter().any(|&c| self.p(i, c))
    }

    fn adj(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.capitalized())
    }

    fn lower_word(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is_word() && !t.capitalized())
    }

    /// A digit run of `min..=max` digits: its value.
    fn num(&self, i: usize, min: usize, max: usize) -> Option<u64> {
        let t = self.t.get(i)?;
        (t.is_num() && (min..=max).contains(&t.digits())).then_some(t.value)
    }

    /// Whether the digit run at `i` continues with "." or "," and more digits ("1.200", "2019,5").
    fn glued_after(&self, i: usize) -> bool {
        (self.p(i + 1, '.') || self.p(i + 1, ','))
            && self.adj(i + 1)
            && self.num(i + 2, 1, 9).is_some()
            && self.adj(i + 2)
    }

    /// Whether the digit run at `i` is glued to other digits by "." or "," on either side.
    fn in_longer_number(&self, i: usize) -> bool {
        self.glued_after(i)
            || (i >= 2
                && (self.p(i - 1, '.') || self.p(i - 1, ','))
                && self.adj(i)
                && self.adj(i - 1)
                && self.num(i - 2, 1, 9).is_some())
    }

    /// A standalone four-digit year in `lo..=hi`.
    fn year_tok(&self, i: usize, lo: u64, hi: u64) -> Option<i16> {
        let v = self.num(i, 4, 4)?;
        if !(lo..=hi).contains(&v) || self.in_longer_number(i) {
            return None;
        }
        i16::try_from(v).ok()
    }

    /// A number written in digits (up to `max`) or as a cardinal word: value and token after it.
    fn count(&self, i: usize, max: u64) -> Option<u32> {
        let t = self.t.get(i)?;
        let v = if t.is_num() {
            if self.in_longer_number(i) || (self.p(i + 1, '.') && self.adj(i + 1)) {
                return None;
            }
            t.value
        } else if t.is_word() {
            u64::from(number_word(&t.key)?)
        } else {
            return None;
        };
        (1..=max).contains(&v).then_some(v as u32)
    }

    fn unit_after(&self, i: usize) -> bool {
        self.is(i, UNITS) || self.p(i, '%') || self.p(i, '€') || self.p(i, '$')
    }

    // --- words ---

    /// A month name (abbreviations only with their dot unless `loose`): month and token after.
    fn month_at(&self, i: usize, loose: bool) -> Option<(u8, usize)> {
        let t = self.t.get(i)?;
        if !t.capitalized() {
            return None;
        }
        if let Some(&(_, m)) = MONTHS.iter().find(|(w, _)| *w == t.key) {
            return Some((m, i + 1));
        }
        let &(_, m) = MONTH_ABBR.iter().find(|(w, _)| *w == t.key)?;
        if self.p(i + 1, '.') && self.adj(i + 1) {
            Some((m, i + 2))
        } else {
            loose.then_some((m, i + 1))
        }
    }

    /// A weekday name, possibly with a part of the day glued on ("Mittwochabend").
    fn weekday_at(&self, i: usize) -> Option<i64> {
        let t = self.t.get(i)?;
        if !t.capitalized() {
            return None;
        }
        WEEKDAYS.iter().find_map(|&(w, d)| {
            let rest = t.key.strip_prefix(w)?;
            (rest.is_empty() || DAYPARTS.contains(&rest)).then_some(d)
        })
    }

    /// "Mo", "Di." …: weekday and token after the optional dot.
    fn weekday_abbr_at(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.t.get(i)?;
        let &(_, d) = WEEKDAY_ABBR.iter().find(|(w, _)| *w == t.text)?;
        Some(if self.p(i + 1, '.') && self.adj(i + 1) {
            (d, i + 2)
        } else {
            (d, i + 1)
        })
    }

    fn participle(&self, i: usize) -> bool {
        if !self.lower_word(i) {
            return false;
        }
        let k = self.key(i);
        if NOT_PARTICIPLES.contains(&k) {
            return false;
        }
        PARTICIPLE_PREFIXES.iter().any(|p| {
            k.strip_prefix(p)
                .and_then(|r| r.strip_prefix("ge"))
                .is_some_and(|r| r.len() >= 3 && (r.ends_with('t') || r.ends_with("en")))
        })
    }

    // --- sentences ---

    /// Marks the tokens of sentences that contain a past cue.
    fn sentence_past(&self) -> Vec<bool> {
        let n = self.t.len();
        let mut out = vec![false; n];
        let mut start = 0;
        let (mut past, mut aux, mut participle) = (false, false, false);
        let (mut sein, mut moved) = (false, false);
        for k in 0..n {
            past |= self.is(k, PAST_CUES);
            // Perfect tense: "haben … vereinbart", "hat … getroffen".
            aux |= self.is(k, &["hat", "haben", "habe"]);
            participle |= self.participle(k) || self.is(k, PERFECT_PARTICIPLES);
            // "ist … gewesen", "sind … gereist": the perfect with "sein" (not "ist geplant").
            sein |= self.is(k, &["ist", "sind"]);
            moved |= self.is(k, SEIN_PARTICIPLES);
            past |= sein && moved;
            let end = k + 1 == n
                || self.t[k + 1].newline_before
                || (self.sentence_punct(k) && self.sentence_starts(k + 1));
            if end {
                out[start..=k].fill(past || (aux && participle));
                start = k + 1;
                (past, aux, participle) = (false, false, false);
                (sein, moved) = (false, false);
            }
        }
        out
    }

    fn sentence_punct(&self, k: usize) -> bool {
        if self.p(k, '!') || self.p(k, '?') || self.p(k, ';') {
            return true;
        }
        // A full stop after a number is an ordinal; after a short word usually an abbreviation.
        self.p(k, '.')
            && k > 0
            && match self.t.get(k - 1) {
                Some(t) if t.is_word() => t.text.chars().count() >= 4,
                Some(t) => !t.is_num(),
                None => false,
            }
    }

    fn sentence_starts(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.capitalized() || (!t.is_word() && !t.is_num()))
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.t[i].newline_before
            || (self.sentence_punct(i - 1) && self.sentence_starts(i))
    }

    fn past_context(&self, i: usize) -> bool {
        self.past.get(i).copied().unwrap_or(false)
    }

    // --- resolution ---

    /// The year that puts day `d` of month `m` nearest the anchor; a weekday picks among years.
    fn resolve_dm(&self, d: u8, m: u8, wd: Option<i64>) -> Option<PartialDate> {
        let year = self.year?;
        let Some(month) = self.month else {
            return PartialDate::ymd(year, m, d);
        };
        let center = self
            .day
            .unwrap_or_else(|| days_from_civil(i64::from(year), i64::from(month), 15));
        let cands: Vec<(PartialDate, i64)> = (-1..=1)
            .filter_map(|dy| {
                let p = PartialDate::ymd(add_years(year, dy)?, m, d)?;
                Some((p, day_number(p)?))
            })
            .collect();
        // A weekday decides between years only near the anchor: a slip in the weekday must not
        // move a date by a year.
        let fits = |&&(_, n): &&(PartialDate, i64)| {
            wd.is_none_or(|w| weekday(n) == w) && (n - center).abs() <= WEEKDAY_YEAR_WINDOW
        };
        let pool: Vec<&(PartialDate, i64)> = if cands.iter().any(|c| fits(&c)) {
            cands.iter().filter(fits).collect()
        } else {
            cands.iter().collect()
        };
        pool.into_iter()
            .min_by_key(|(_, n)| (n - center).abs())
            .map(|(p, _)| *p)
    }

    /// Month `m` in the year that puts it within about six months of the anchor.
    fn resolve_m(&self, m: u8) -> Option<PartialDate> {
        let year = self.year?;
        let Some(am) = self.month else {
            return PartialDate::month(year, m);
        };
        let diff = i64::from(m) - i64::from(am);
        let y = if diff > 6 {
            add_years(year, -1)?
        } else if diff < -5 {
            add_years(year, 1)?
        } else {
            year
        };
        PartialDate::month(y, m)
    }

    /// A written date with or without year; weekday-only parts do not resolve here.
    fn resolve(&self, p: Part) -> Option<PartialDate> {
        match (p.d, p.m, p.y) {
            (Some(d), Some(m), Some(y)) => PartialDate::ymd(y, m, d),
            (Some(d), Some(m), None) => self.resolve_dm(d, m, p.wd),
            (None, Some(m), Some(y)) => PartialDate::month(y, m),
            (None, Some(m), None) => self.resolve_m(m),
            (None, None, Some(y)) => Some(PartialDate::year(y)),
            _ => None,
        }
    }

    fn shift_day(&self, n: i64) -> Option<PartialDate> {
        date_of(self.day? + n)
    }

    /// The weekday `wd` relative to the anchor in direction `dir`.
    fn weekday_from(&self, base: i64, wd: i64, dir: Dir) -> Option<i64> {
        let (range, sign) = match dir {
            Dir::Future => (0..=6, 1),
            Dir::Past => (0..=6, -1),
            Dir::Next => (1..=7, 1),
            Dir::Last => (1..=7, -1),
        };
        range.map(|k| base + sign * k).find(|&n| weekday(n) == wd)
    }

    /// Monday..Sunday of the week `offset` weeks from the anchor's, narrowed to `days`.
    fn week(&self, offset: i64, days: Range<i64>) -> Option<TimeValue> {
        let a = self.day?;
        let monday = a - weekday(a) + 7 * offset;
        Some(TimeValue::Range(
            date_of(monday + days.start)?,
            date_of(monday + days.end - 1)?,
        ))
    }

    // --- date cores ---

    /// A date written with digits or a month name, without weekday: the part and token after.
    fn explicit_date(&self, j: usize) -> Option<(Part, usize)> {
        let mut best: Option<(Part, usize)> = None;
        let mut take = |p: Part, end: usize| {
            if best.is_none_or(|(_, e)| end > e) {
                best = Some((p, end));
            }
        };
        // Dotted numeric "13.05.2024", "13.05.24", "13.05." (but not inside "1.200.000").
        let glued_before =
            j >= 2 && self.p(j - 1, '.') && self.adj(j) && self.num(j - 2, 1, 9).is_some();
        if let (Some(d), Some(mo), false) = (self.num(j, 1, 2), self.num(j + 2, 1, 2), glued_before)
            && self.p(j + 1, '.')
            && self.adj(j + 1)
            && self.adj(j + 2)
            && self.p(j + 3, '.')
            && self.adj(j + 3)
        {
            let (d, mo) = (d as u8, mo as u8);
            let year = self
                .num(j + 4, 2, 2)
                .map(|y| if y <= 69 { 2000 + y } else { 1900 + y })
                .or_else(|| self.num(j + 4, 4, 4))
                .filter(|_| self.adj(j + 4) && !self.glued_after(j + 4));
            let more_digits = self.num(j + 4, 1, 9).is_some() && self.adj(j + 4);
            match year {
                Some(y) if PartialDate::ymd(y as i16, mo, d).is_some() => {
                    take(
                        Part {
                            d: Some(d),
                            m: Some(mo),
                            y: Some(y as i16),
                            wd: None,
                        },
                        j + 5,
                    );
                }
                None if !more_digits
                    && (1..=12).contains(&mo)
                    && (1..=days_in_month(mo)).contains(&d) =>
                {
                    take(
                        Part {
                            d: Some(d),
                            m: Some(mo),
                            y: None,
                            wd: None,
                        },
                        j + 4,
                    );
                }
                _ => {}
            }
        }
        // ISO "2024-05-13".
        if let (Some(y), Some(mo), Some(d)) = (
            self.num(j, 4, 4),
            self.num(j + 2, 2, 2),
            self.num(j + 4, 2, 2),
        ) && self.dash(j + 1)
            && self.dash(j + 3)
            && (1..=4).all(|k| self.adj(j + k))
            && let Some(p) = PartialDate::ymd(y as i16, mo as u8, d as u8)
        {
            take(
                Part {
                    d: p.day,
                    m: p.month,
                    y: Some(p.year),
                    wd: None,
                },
                j + 5,
            );
        }
        // "8. November 2024", "8. Nov. 2024", "13. Mai".
        if let Some(d) = self.num(j, 1, 2).filter(|d| (1..=31).contains(d))
            && self.p(j + 1, '.')
            && self.adj(j + 1)
            && let Some((mo, k)) = self.month_at(j + 2, true)
        {
            let d = d as u8;
            match self.year_tok(k, 1000, 2999) {
                Some(y) if PartialDate::ymd(y, mo, d).is_some() => {
                    take(
                        Part {
                            d: Some(d),
                            m: Some(mo),
                            y: Some(y),
                            wd: None,
                        },
                        k + 1,
                    );
                }
                None if d <= days_in_month(mo) => take(
                    Part {
                        d: Some(d),
                        m: Some(mo),
                        y: None,
                        wd: None,
                    },
                    k,
                ),
                _ => {}
            }
        }
        // "November 2024".
        if let Some((mo, k)) = self.month_at(j, false)
            && let Some(y) = self.year_tok(k, 1000, 2999)
        {
            take(
                Part {
                    d: None,
                    m: Some(mo),
                    y: Some(y),
                    wd: None,
                },
                k + 1,
            );
        }
        best
    }

    /// An explicit date, optionally introduced by a weekday ("Mittwoch, 4. September 2024",
    /// "am Donnerstag, den 16. Juni", "Mo 13.05.24").
    fn core(&self, i: usize) -> Option<(Part, usize)> {
        let (wd, mut k) = if let Some(wd) = self.weekday_at(i) {
            (wd, i + 1)
        } else if let Some((wd, k)) = self.weekday_abbr_at(i) {
            (wd, k)
        } else {
            return self.explicit_date(i);
        };
        if self.p(k, ',') {
            k += 1;
        }
        if self.is(k, &["den", "dem"]) {
            k += 1;
        }
        let (p, end) = self.explicit_date(k)?;
        p.d?;
        Some((Part { wd: Some(wd), ..p }, end))
    }

    /// "10." standing for a day whose month comes later ("10. bis 15. Mai", "10./11. Mai").
    fn day_only(&self, j: usize) -> Option<(u8, usize)> {
        let d = self.num(j, 1, 2).filter(|d| (1..=31).contains(d))?;
        (self.p(j + 1, '.')
            && self.adj(j + 1)
            && !(self.num(j + 2, 1, 9).is_some() && self.adj(j + 2)))
        .then_some((d as u8, j + 2))
    }

    // --- rules ---

    fn best_at(&self, i: usize) -> Option<M> {
        let t = &self.t[i];
        // Cheap gate: every rule starts at a digit run or a word.
        if !t.is_num() && !t.is_word() {
            return None;
        }
        let rules: [fn(&Self, usize) -> Option<M>; 14] = [
            Self::r_range,
            Self::r_since,
            Self::r_prefixed,
            Self::r_vague,
            Self::r_core,
            Self::r_relative_day,
            Self::r_weekday,
            Self::r_week,
            Self::r_relative_year,
            Self::r_ago,
            Self::r_anniversary,
            Self::r_duration,
            Self::r_year,
            Self::r_month_alone,
        ];
        let mut best: Option<M> = None;
        for rule in rules {
            if let Some(m) = rule(self, i)
                && m.end > i
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        }
        best
    }

    /// Explicit dates: "8. November 2024", "13.05.24", "Mai 2018", "Dienstag, 18. April".
    fn r_core(&self, i: usize) -> Option<M> {
        let (p, end) = self.core(i)?;
        let date = self.resolve(p)?;
        m(end, TimeValue::Point(date))
    }

    /// A month name after "im"/"in": "im Mai" (month precision, year from the anchor).
    fn r_month_alone(&self, i: usize) -> Option<M> {
        if i == 0 || !self.is(i - 1, &["im", "in"]) {
            return None;
        }
        let (date, end) = self.month_phrase(i)?;
        m(end, TimeValue::Point(date))
    }

    /// A month name with an optional year: "Mai", "Mai 2018", "Juli des vergangenen Jahres",
    /// "Juli dieses Jahres". Without a year the month nearest the anchor.
    fn month_phrase(&self, j: usize) -> Option<(PartialDate, usize)> {
        let (mo, e) = self.month_at(j, false)?;
        if let Some(y) = self.year_tok(e, 1000, 2999) {
            return Some((PartialDate::month(y, mo)?, e + 1));
        }
        if let Some((y, e2)) = self.relative_year_genitive(e) {
            return Some((PartialDate::month(y, mo)?, e2));
        }
        Some((self.resolve_m(mo)?, e))
    }

    /// "im Jahr 2019", "Jahr 2019", a bare year in date context; Since with founding verbs.
    fn r_year(&self, i: usize) -> Option<M> {
        // Decades: "in den 1990er Jahren" → 1990..1999.
        if let Some(d) = self
            .num(i, 4, 4)
            .filter(|d| (1000..=2090).contains(d) && d % 10 == 0)
            && self.adj(i + 1)
            && self.key(i + 1) == "er"
            && self.is(i + 2, &["jahre", "jahren", "jahrs", "jahres"])
        {
            let d = d as i16;
            return m(
                i + 3,
                TimeValue::Range(PartialDate::year(d), PartialDate::year(d + 9)),
            );
        }
        let (y, end) = if self.is(i, &["im"]) && self.is(i + 1, &["jahr", "jahre"]) {
            (self.year_tok(i + 2, 1000, 2100)?, i + 3)
        } else if self.is(i, &["jahr", "jahre"]) && self.cap(i) {
            (self.year_tok(i + 1, 1000, 2100)?, i + 2)
        } else {
            let y = self.year_tok(i, 1900, 2100)?;
            if !self.bare_year_ok(i, 0) {
                return None;
            }
            (y, i + 1)
        };
        if self.unit_after(end) {
            return None;
        }
        m(end, self.year_value(y, i, end))
    }

    /// Point(year), or Since(year) when a founding verb is next to it.
    fn year_value(&self, y: i16, start: usize, end: usize) -> TimeValue {
        let mut k = end;
        if self.is(
            k,
            &[
                "offiziell",
                "formell",
                "feierlich",
                "foermlich",
                "vertraglich",
                "urkundlich",
                "erstmals",
            ],
        ) {
            k += 1;
        }
        let after = self.is(k, SINCE_VERBS)
            || (self.is(k, &["ins"]) && self.is(k + 1, &["leben"]) && self.is(k + 2, &["gerufen"]));
        let before = start > 0 && self.is(start - 1, &["gegruendet", "begruendet"]);
        if after || before {
            TimeValue::Since(y)
        } else {
            TimeValue::Point(PartialDate::year(y))
        }
    }

    fn bare_year_ok(&self, i: usize, depth: u8) -> bool {
        let next = i + 1;
        if self.unit_after(next)
            || (self.p(next, '/') && self.adj(next))
            || (self.dash(next) && self.adj(next) && self.num(next + 1, 1, 9).is_some())
        {
            return false;
        }
        if i > 0
            && (self.is(i - 1, QUANTITY_CUES)
                || self.num(i - 1, 1, 9).is_some()
                || self.p(i - 1, '§')
                || self.p(i - 1, '#'))
        {
            return false;
        }
        if i > 0
            && (self.is(i - 1, STRONG_YEAR_CUES) || self.is(i - 1, &["gegruendet", "begruendet"]))
        {
            return true;
        }
        // Lists of years: "2017, 2018 und 2019" inherit the cue of the first one.
        if i >= 2
            && depth < 4
            && (self.is(i - 1, &["und", "sowie", "oder"]) || self.p(i - 1, ','))
            && self.year_tok(i - 2, 1000, 2100).is_some()
            && self.bare_year_ok(i - 2, depth + 1)
        {
            return true;
        }
        if (self.lower_word(next) && self.is(next, YEAR_FOLLOW)) || self.participle(next) {
            return true;
        }
        i > 0 && self.is(i - 1, WEAK_YEAR_CUES) && self.year_after_preposition(next)
    }

    /// Whether the token after a year that follows a preposition confirms it as a year:
    /// punctuation, a function word, or a lowercase word that cannot be an inflected adjective
    /// of a counted noun ("von 1995 besonders", but not "von 2000 neuen Stellen").
    fn year_after_preposition(&self, next: usize) -> bool {
        let ends = next >= self.t.len()
            || [',', '.', ';', ':', ')', '!', '?']
                .iter()
                .any(|&c| self.p(next, c));
        let adverb = self.lower_word(next)
            && !["e", "en", "er", "es", "em"]
                .iter()
                .any(|e| self.key(next).ends_with(e));
        ends || adverb
            || (self.lower_word(next) && self.is(next, YEAR_FOLLOW))
            || self.participle(next)
    }

    /// "vom 10. bis 15. November 2024", "25.-26.08.2019", "10./11. Mai", "20. und 21. Mai",
    /// "zwischen dem 3. und 7. Juni", "von Montag bis Mittwoch", "von 2019 bis 2021".
    fn r_range(&self, i: usize) -> Option<M> {
        let zwischen = self.is(i, &["zwischen"]);
        let prefixed = zwischen || self.is(i, &["vom", "von"]);
        let mut j = if prefixed { i + 1 } else { i };
        if zwischen && self.is(j, &["dem", "den"]) {
            j += 1;
        }
        // Left parts, longest reading first.
        // A fixed-size buffer: this runs at every token, so no heap allocation.
        let mut lefts: [Option<(Part, usize, bool)>; 5] = [None; 5];
        let mut n_left = 0;
        let mut push = |x: (Part, usize, bool)| {
            lefts[n_left] = Some(x);
            n_left += 1;
        };
        if let Some((p, e)) = self.core(j) {
            push((p, e, false));
        }
        if let Some((d, e)) = self.day_only(j) {
            push((
                Part {
                    d: Some(d),
                    ..Part::default()
                },
                e,
                true,
            ));
        }
        if let Some(wd) = self.weekday_at(j) {
            push((
                Part {
                    wd: Some(wd),
                    ..Part::default()
                },
                j + 1,
                false,
            ));
        }
        if let Some((mo, e)) = self.month_at(j, false) {
            push((
                Part {
                    m: Some(mo),
                    ..Part::default()
                },
                e,
                false,
            ));
        }
        if let Some(y) = self.year_tok(j, if prefixed { 1000 } else { 1900 }, 2100) {
            push((
                Part {
                    y: Some(y),
                    ..Part::default()
                },
                j + 1,
                false,
            ));
        }
        for (l, lend, day_only) in lefts.into_iter().flatten() {
            let mut k = lend;
            if self.p(k, ',') && (l.wd.is_some() || l.m.is_some()) {
                k += 1;
            }
            let (conn_und, rstart) = if self.is(k, &["bis"]) {
                if zwischen {
                    continue;
                }
                let mut r = k + 1;
                if self.is(r, &["zum", "zur", "einschliesslich", "inklusive", "inkl"]) {
                    r += 1;
                }
                (false, r)
            } else if !zwischen && (self.dash(k) || (self.p(k, '/') && day_only)) {
                (false, k + 1)
            } else if self.is(k, &["und"]) && (zwischen || day_only) {
                let mut r = k + 1;
                if self.is(r, &["dem", "den"]) {
                    r += 1;
                }
                (true, r)
            } else {
                if day_only
                    && !prefixed
                    && let Some(x) = self.day_list(l, lend, k)
                {
                    return Some(x);
                }
                continue;
            };
            if let Some(x) = self.range_right(l, rstart, zwischen, conn_und, prefixed) {
                return Some(x);
            }
            if day_only
                && conn_und
                && !zwischen
                && !prefixed
                && let Some(x) = self.day_list(l, lend, k)
            {
                return Some(x);
            }
        }
        None
    }

    /// "am 3., 5. und 9. Juni": the first day takes the month of the list's end.
    fn day_list(&self, l: Part, lend: usize, mut k: usize) -> Option<M> {
        for _ in 0..8 {
            if !(self.p(k, ',') || self.is(k, &["und", "sowie", "oder"])) {
                return None;
            }
            k += 1;
            if let Some((p, _)) = self.core(k)
                && p.d.is_some()
            {
                let date = self.resolve(Part {
                    d: l.d,
                    wd: None,
                    ..p
                })?;
                return m(lend, TimeValue::Point(date));
            }
            k = self.day_only(k)?.1;
        }
        None
    }

    fn range_right(
        &self,
        l: Part,
        r: usize,
        zwischen: bool,
        und: bool,
        prefixed: bool,
    ) -> Option<M> {
        // Weekday to weekday: needs a day anchor.
        if l.wd.is_some() && l.d.is_none() {
            let rw = self.weekday_at(r)?;
            let dir = if self.past_context(r) {
                Dir::Past
            } else {
                Dir::Future
            };
            let a = self.weekday_from(self.day?, l.wd?, dir)?;
            let b = self.weekday_from(a, rw, Dir::Next)?;
            return m(r + 1, TimeValue::Range(date_of(a)?, date_of(b)?));
        }
        // Year to year.
        if let (Some(ly), None) = (l.y, l.m) {
            let ry = self.year_tok(r, 1000, 2100)?;
            if ry < ly || self.unit_after(r + 1) || (!prefixed && und) {
                return None;
            }
            return m(
                r + 1,
                TimeValue::Range(PartialDate::year(ly), PartialDate::year(ry)),
            );
        }
        // Month to month ("von März bis Mai 2024").
        if l.d.is_none() {
            let (rp, rend) = match self.core(r) {
                Some((p, e)) if p.d.is_none() => (p, e),
                _ => {
                    let (mo, e) = self.month_at(r, false)?;
                    (
                        Part {
                            m: Some(mo),
                            ..Part::default()
                        },
                        e,
                    )
                }
            };
            let (lm, rm) = (l.m?, rp.m?);
            let (start, end) = match (l.y, rp.y) {
                (Some(ly), Some(ry)) => (PartialDate::month(ly, lm)?, PartialDate::month(ry, rm)?),
                (None, Some(ry)) => {
                    let ly = if lm > rm { add_years(ry, -1)? } else { ry };
                    (PartialDate::month(ly, lm)?, PartialDate::month(ry, rm)?)
                }
                (Some(ly), None) => {
                    let ry = if rm < lm { add_years(ly, 1)? } else { ly };
                    (PartialDate::month(ly, lm)?, PartialDate::month(ry, rm)?)
                }
                (None, None) => {
                    let s = self.resolve_m(lm)?;
                    let ry = if rm < lm {
                        add_years(s.year, 1)?
                    } else {
                        s.year
                    };
                    (s, PartialDate::month(ry, rm)?)
                }
            };
            return (start <= end).then_some(M {
                end: rend,
                value: TimeValue::Range(start, end),
            });
        }
        // Day to day.
        let (rp, rend) = self.core(r)?;
        let (rd, rm) = (rp.d?, rp.m?);
        if und && !zwischen {
            // "20. und 21. Mai" is a span only for neighbouring days; otherwise two dates.
            let neighbours = l.m.is_none_or(|lm| lm == rm) && rd.checked_sub(l.d?) == Some(1);
            if !neighbours {
                return None;
            }
        }
        let end = match (rp.y, l.y) {
            (Some(y), _) => PartialDate::ymd(y, rm, rd)?,
            (None, Some(ly)) => {
                let y = if rm < l.m.unwrap_or(rm) {
                    add_years(ly, 1)?
                } else {
                    ly
                };
                PartialDate::ymd(y, rm, rd)?
            }
            (None, None) => self.resolve_dm(rd, rm, rp.wd)?,
        };
        let ld = l.d?;
        let (lm, ly) = match l.m {
            Some(lm) => (
                lm,
                l.y.map_or_else(
                    || {
                        if lm > rm {
                            add_years(end.year, -1)
                        } else {
                            Some(end.year)
                        }
                    },
                    Some,
                )?,
            ),
            // A borrowed month: "28. bis 3. Juni" can only mean the month before.
            None if ld > rd => {
                let prev = add_months(end.year, rm, -1)?;
                (prev.month?, prev.year)
            }
            None => (rm, end.year),
        };
        let start = PartialDate::ymd(ly, lm, ld)?;
        (start <= end).then_some(M {
            end: rend,
            value: TimeValue::Range(start, end),
        })
    }

    /// "seit 1967", "seit dem Jahr 2004", "seit Mai 2018", "seit Anfang 2020", "seit 60 Jahren".
    fn r_since(&self, i: usize) -> Option<M> {
        if !self.is(i, &["seit"]) {
            return None;
        }
        let mut j = i + 1;
        // "seit (über|mehr als|rund) 60 Jahren"
        let mut q = j;
        for _ in 0..2 {
            if self.is(
                q,
                &[
                    "ueber",
                    "mehr",
                    "als",
                    "rund",
                    "fast",
                    "knapp",
                    "gut",
                    "etwa",
                    "nunmehr",
                    "inzwischen",
                    "nun",
                    "nahezu",
                ],
            ) {
                q += 1;
            }
        }
        if let Some(n) = self.count(q, 2000)
            && (self.is(q + 1, &["jahren"]) || (n == 1 && self.is(q + 1, &["jahr"])))
        {
            return match self.year {
                Some(y) => m(q + 2, TimeValue::Since(add_years(y, -i64::from(n))?)),
                None => m(q + 2, TimeValue::Anniversary(n)),
            };
        }
        if self.is(j, &["dem", "den"]) {
            j += 1;
        }
        if self.is(j, &["jahr", "jahre"]) {
            j += 1;
        }
        if let Some(y) = self.year_tok(j, 1000, 2100)
            && !self.unit_after(j + 1)
        {
            return m(j + 1, TimeValue::Since(y));
        }
        let sub = [Self::r_core, Self::r_vague]
            .iter()
            .filter_map(|r| r(self, j))
            .max_by_key(|x| x.end)
            .or_else(|| {
                let (date, e) = self.month_phrase(j)?;
                m(e, TimeValue::Point(date))
            })?;
        match sub.value {
            TimeValue::Point(p) => m(sub.end, TimeValue::Since(p.year)),
            _ => None,
        }
    }

    /// "ab morgen", "bis Samstag", "bis zum 5. Mai", "ab 2020" (Since), "bis Ende Mai".
    fn r_prefixed(&self, i: usize) -> Option<M> {
        let ab = self.is(i, &["ab"]);
        if !ab && !self.is(i, &["bis"]) {
            return None;
        }
        let mut j = i + 1;
        if self.is(
            j,
            &["zum", "zur", "dem", "den", "spaetestens", "fruehestens"],
        ) {
            j += 1;
        }
        let mut best = [
            Self::r_core,
            Self::r_vague,
            Self::r_relative_day,
            Self::r_weekday,
            Self::r_week,
            Self::r_relative_year,
        ]
        .iter()
        .filter_map(|r| r(self, j))
        .max_by_key(|x| x.end);
        if best.is_none() {
            if let Some((date, e)) = self.month_phrase(j) {
                best = Some(M {
                    end: e,
                    value: TimeValue::Point(date),
                });
            } else if let Some(y) = self.year_tok(j, 1900, 2100)
                && !self.unit_after(j + 1)
                && self.year_after_preposition(j + 1)
            {
                best = Some(M {
                    end: j + 1,
                    value: TimeValue::Point(PartialDate::year(y)),
                });
            }
        }
        let b = best?;
        match b.value {
            TimeValue::Point(p) if ab && p.month.is_none() => m(b.end, TimeValue::Since(p.year)),
            TimeValue::Point(_) => Some(b),
            _ => None,
        }
    }

    /// "Anfang/Mitte/Ende" + month, year, "des Jahres", "der Woche"; seasons with a year;
    /// "Jahresende".
    fn r_vague(&self, i: usize) -> Option<M> {
        let k = self.key(i);
        let j = i + 1;
        if matches!(k, "anfang" | "mitte" | "ende" | "anfangs" | "beginn") && self.cap(i) {
            if self.month_at(j, false).is_some() {
                let (date, e) = self.month_phrase(j)?;
                return m(e, TimeValue::Point(date));
            }
            if let Some(y) = self.year_tok(j, 1000, 2100) {
                return (!self.unit_after(j + 1)).then(|| M {
                    end: j + 1,
                    value: TimeValue::Point(PartialDate::year(y)),
                });
            }
            if let Some((y, e)) = self.relative_year_genitive(j) {
                return m(e, TimeValue::Point(PartialDate::year(y)));
            }
            if self.is(j, &["des", "dieses", "diesen"]) && self.is(j + 1, &["monats"]) {
                return m(
                    j + 2,
                    TimeValue::Point(PartialDate::month(self.year?, self.month?)?),
                );
            }
            // "Ende der Woche", "Anfang der nächsten Woche", "Ende nächster Woche".
            let mut w = j;
            if self.is(w, &["der"]) {
                w += 1;
            }
            let offset = if self.is(w, &["naechsten", "naechster", "kommenden", "kommender"]) {
                w += 1;
                1
            } else if self.is(
                w,
                &[
                    "vergangenen",
                    "vergangener",
                    "letzten",
                    "letzter",
                    "vorigen",
                    "voriger",
                ],
            ) {
                w += 1;
                -1
            } else {
                if self.is(w, &["dieser"]) {
                    w += 1;
                }
                0
            };
            if self.is(w, &["woche"]) && (w > j) {
                let days = match k {
                    "mitte" => 1..4,
                    "ende" => 4..7,
                    _ => 0..2,
                };
                return m(w + 1, self.week(offset, days)?);
            }
            return None;
        }
        let season_month = match k {
            "fruehjahr" | "fruehling" => Some(4),
            "fruehsommer" => Some(6),
            "sommer" => Some(7),
            "spaetsommer" => Some(8),
            "herbst" => Some(10),
            "spaetherbst" => Some(11),
            "winter" => None,
            "jahresende" | "jahresanfang" | "jahresbeginn" | "jahresmitte" | "jahreswechsel" => {
                None
            }
            _ => return None,
        };
        if !self.cap(i) {
            return None;
        }
        if let Some(y) = self.year_tok(j, 1000, 2100) {
            return (!self.unit_after(j + 1)).then(|| M {
                end: j + 1,
                value: TimeValue::Point(PartialDate::year(y)),
            });
        }
        if let Some((y, e)) = self.relative_year_genitive(j) {
            return m(e, TimeValue::Point(PartialDate::year(y)));
        }
        // Without a year only after "im"/"zum": the nearest such season (year precision).
        if i == 0 || !self.is(i - 1, &["im", "zum", "diesen", "diesem"]) {
            return None;
        }
        let y = match season_month {
            Some(sm) => self.resolve_m(sm)?.year,
            None if k.starts_with("jahres") => self.year?,
            None => return None,
        };
        m(j, TimeValue::Point(PartialDate::year(y)))
    }

    /// "des Jahres 2023", "des (vergangenen|kommenden) Jahres", "dieses Jahres", "letzten Jahres":
    /// the year and the token after.
    fn relative_year_genitive(&self, j: usize) -> Option<(i16, usize)> {
        let mut k = j;
        let des = self.is(k, &["des"]);
        if des {
            k += 1;
        }
        let offset = if self.is(k, &["vergangenen", "letzten", "vorigen"]) {
            k += 1;
            -1
        } else if self.is(k, &["naechsten", "kommenden", "folgenden"]) {
            k += 1;
            1
        } else if !des && self.is(k, &["dieses", "diesen"]) {
            k += 1;
            0
        } else {
            0
        };
        if !self.is(k, &["jahres"]) || k == j {
            return None;
        }
        if offset == 0
            && des
            && let Some(y) = self.year_tok(k + 1, 1000, 2100)
        {
            return Some((y, k + 2));
        }
        Some((add_years(self.year?, offset)?, k + 1))
    }

    /// "heute", "morgen", "übermorgen", "gestern", "vorgestern", optionally with a part of the
    /// day and an explicit date or weekday that confirms it ("ab morgen, Dienstag,",
    /// "heute (21. Mai)").
    fn r_relative_day(&self, i: usize) -> Option<M> {
        let off = match self.key(i) {
            "heute" => 0,
            "morgen" if !self.cap(i) || self.sentence_start(i) => 1,
            "uebermorgen" => 2,
            "gestern" => -1,
            "vorgestern" => -2,
            _ => return None,
        };
        let mut k = i + 1;
        if self.is(k, DAYPARTS) {
            k += 1;
        }
        let paren = self.p(k, '(');
        if paren || self.p(k, ',') {
            if let Some((p, e)) = self.core(k + 1)
                && p.d.is_some()
            {
                let date = self.resolve(p)?;
                let e = if paren && self.p(e, ')') { e + 1 } else { e };
                return m(e, TimeValue::Point(date));
            }
            if let (Some(wd), Some(a)) = (self.weekday_at(k + 1), self.day)
                && weekday(a + off) == wd
            {
                let e = if paren && self.p(k + 2, ')') {
                    k + 3
                } else {
                    k + 2
                };
                return m(e, TimeValue::Point(date_of(a + off)?));
            }
        }
        m(k, TimeValue::Point(self.shift_day(off)?))
    }

    /// A day and month without a year take the year of the last date the text gave with a
    /// year in the same month, where that year is one off the year nearest the anchor ("Die
    /// Kontakte reichen in den März 2025 zurück … vom 17. bis 20. März" is March 2025).
    fn year_of_story(&self, span: Range<usize>, v: TimeValue) -> TimeValue {
        let explicit_year = span
            .clone()
            .any(|k| self.t[k].is_num() && self.t[k].value >= 1900)
            || (span.start..span.end.saturating_sub(4)).any(|k| {
                self.t[k].is_num()
                    && self.p(k + 1, '.')
                    && self.t[k + 2].is_num()
                    && self.p(k + 3, '.')
                    && self.t.get(k + 4).is_some_and(|t| t.is_num())
            });
        let month_of = |v: &TimeValue| match v {
            TimeValue::Point(p) | TimeValue::Range(p, _) => p.month.map(|m| (p.year, m)),
            _ => None,
        };
        if explicit_year {
            if let Some(ym) = month_of(&v) {
                self.story_month.set(Some(ym));
            }
            return v;
        }
        let (Some((sy, sm)), Some((y, m))) = (self.story_month.get(), month_of(&v)) else {
            return v;
        };
        if sm != m || (i64::from(sy) - i64::from(y)).abs() != 1 {
            return v;
        }
        // A day that the other year lacks (29 February) keeps the value as it was.
        let moved = |p: PartialDate| match (p.month, p.day) {
            (Some(m), Some(d)) => PartialDate::ymd(sy + (p.year - y), m, d),
            (Some(m), None) => PartialDate::month(sy + (p.year - y), m),
            _ => None,
        };
        match v {
            TimeValue::Point(p) => moved(p).map_or(v, TimeValue::Point),
            TimeValue::Range(a, b) => match (moved(a), moved(b)) {
                (Some(a), Some(b)) => TimeValue::Range(a, b),
                _ => v,
            },
            _ => v,
        }
    }

    /// Remembers a day-precise date near the anchor as the point a narrative walks on from.
    fn note_narrative(&self, v: &TimeValue) {
        let first = match v {
            TimeValue::Point(p) | TimeValue::Range(p, _) => day_number(*p),
            _ => None,
        };
        if let Some(n) = first
            && self.day.is_some_and(|a| (n - a).abs() <= NARRATIVE_WINDOW)
        {
            self.narrative.set(Some(n));
        }
    }

    /// A bare weekday after a dated day of the same story is the first such day after it
    /// ("Am Mittwoch, dem 12. November, … Am Donnerstag …" is the 13th), unless that day lies
    /// after the anchor in a sentence told as past.
    fn narrative_weekday(&self, wd: i64, i: usize) -> Option<i64> {
        let n = self.weekday_from(self.narrative.get()?, wd, Dir::Next)?;
        let too_late = n - self.narrative.get()? > 6
            || self.day.is_some_and(|a| n > a && self.past_context(i));
        (!too_late).then_some(n)
    }

    /// "am Sonntag", "kommenden Dienstag", "vergangenen Montag", "Samstagfrüh".
    fn r_weekday(&self, i: usize) -> Option<M> {
        let (dir, w) = if self.is(i, FUTURE_MODIFIERS) {
            (Some(Dir::Next), i + 1)
        } else if self.is(i, PAST_MODIFIERS) {
            (Some(Dir::Last), i + 1)
        } else if self.is(i, &["diesen"]) {
            (None, i + 1)
        } else {
            (None, i)
        };
        let wd = self.weekday_at(w)?;
        if w > i {
            // A modifier before a weekday that carries its own date: the date wins.
            if let Some((p, e)) = self.core(w) {
                return m(e, TimeValue::Point(self.resolve(p)?));
            }
        }
        let seit = i > 0 && self.is(i - 1, &["seit"]);
        if dir.is_none()
            && !seit
            && let Some(n) = self.narrative_weekday(wd, i)
        {
            return m(w + 1, TimeValue::Point(date_of(n)?));
        }
        let dir = dir.unwrap_or_else(|| {
            if seit || self.past_context(i) {
                Dir::Past
            } else {
                Dir::Future
            }
        });
        let n = self.weekday_from(self.day?, wd, dir)?;
        m(w + 1, TimeValue::Point(date_of(n)?))
    }

    /// "nächste Woche", "diese Woche", "vergangene Woche", "am (kommenden) Wochenende".
    fn r_week(&self, i: usize) -> Option<M> {
        let offset = if self.is(
            i,
            &[
                "naechste",
                "naechsten",
                "naechster",
                "kommende",
                "kommenden",
                "kommender",
            ],
        ) {
            Some(1)
        } else if self.is(
            i,
            &[
                "vergangene",
                "vergangenen",
                "vergangener",
                "letzte",
                "letzten",
                "letzter",
                "vorige",
                "vorigen",
                "voriger",
            ],
        ) {
            Some(-1)
        } else if self.is(i, &["diese", "dieser", "diesen", "diesem"]) {
            Some(0)
        } else {
            None
        };
        let w = if offset.is_some() { i + 1 } else { i };
        let a = self.day?;
        if self.is(w, &["woche"]) && offset.is_some() {
            return m(w + 1, self.week(offset?, 0..7)?);
        }
        if !self.is(w, &["wochenende"]) {
            return None;
        }
        if offset.is_none() && !(i > 0 && self.is(i - 1, &["am", "uebers", "zum", "dieses", "vom"]))
        {
            return None;
        }
        let sat = match offset {
            Some(1) => self.weekday_from(a, 5, Dir::Next)?,
            Some(-1) => self.weekday_from(a, 6, Dir::Last)? - 1,
            _ if self.past_context(i) => self.weekday_from(a, 6, Dir::Past)? - 1,
            // The coming weekend, or the current one when the anchor is on it.
            _ => self.weekday_from(a, 6, Dir::Future)? - 1,
        };
        m(w + 1, TimeValue::Range(date_of(sat)?, date_of(sat + 1)?))
    }

    /// "im vergangenen Jahr", "letzten Jahres", "im Vorjahr", "dieses Jahr", "nächsten Monat".
    fn r_relative_year(&self, i: usize) -> Option<M> {
        if self.is(i, &["vorjahr", "vorjahres"]) {
            return m(
                i + 1,
                TimeValue::Point(PartialDate::year(add_years(self.year?, -1)?)),
            );
        }
        let off = match self.key(i) {
            "vergangenen" | "vergangenes" | "letzten" | "letztes" | "vorigen" | "voriges" => -1,
            "naechsten" | "naechstes" | "kommenden" | "kommendes" => 1,
            "diesem" | "dieses" | "diesen" => 0,
            _ => return None,
        };
        let y = self.year?;
        match self.key(i + 1) {
            "jahr" | "jahres" => m(
                i + 2,
                TimeValue::Point(PartialDate::year(add_years(y, off)?)),
            ),
            "monat" | "monats" => m(i + 2, TimeValue::Point(add_months(y, self.month?, off)?)),
            _ => None,
        }
    }

    /// "vor 25 Jahren" (Since), "vor drei Tagen", "vor einer Woche", "vor zwei Monaten".
    fn r_ago(&self, i: usize) -> Option<M> {
        if !self.is(i, &["vor"]) {
            return None;
        }
        let mut q = i + 1;
        for _ in 0..2 {
            if self.is(
                q,
                &[
                    "ueber", "mehr", "als", "rund", "fast", "knapp", "gut", "etwa", "genau",
                    "nunmehr", "nahezu",
                ],
            ) {
                q += 1;
            }
        }
        let n = i64::from(self.count(q, 2000)?);
        let unit = self.key(q + 1);
        let one = n == 1;
        match unit {
            "jahren" if !one => m(q + 2, TimeValue::Since(add_years(self.year?, -n)?)),
            "jahr" if one => m(q + 2, TimeValue::Since(add_years(self.year?, -n)?)),
            "tagen" | "tag" if one == (unit == "tag") => {
                m(q + 2, TimeValue::Point(self.shift_day(-n)?))
            }
            "wochen" | "woche" if one == (unit == "woche") => {
                m(q + 2, TimeValue::Point(self.shift_day(-7 * n)?))
            }
            "monaten" | "monat" if one == (unit == "monat") => m(
                q + 2,
                TimeValue::Point(add_months(self.year?, self.month?, -n)?),
            ),
            _ => None,
        }
    }

    /// "30-jähriges Jubiläum", "zehnjährige Partnerschaft", "30. Jubiläum", "zum zwanzigsten
    /// Jahrestag", "60 Jahre Partnerschaft", "25 Jahre deutsch-polnische Freundschaft".
    fn r_anniversary(&self, i: usize) -> Option<M> {
        let ordinal_noun = |k: usize| {
            ["jubilaeum", "jahrestag"]
                .iter()
                .any(|n| self.key(k).ends_with(n))
        };
        if let Some(n) = self.num(i, 1, 4).filter(|n| (1..=2000).contains(n)) {
            let n = n as u32;
            let mut k = i + 1;
            if self.dash(k) && self.adj(k) {
                k += 1;
            }
            // "30-jähriges", "30jähriges"
            if self.adj(k) && is_jaehrig(self.key(k)) {
                return m(
                    self.anniversary_noun_after(k + 1)?,
                    TimeValue::Anniversary(n),
                );
            }
            // "300-Jahr-Jubiläum", "50-Jahr-Feier"
            if self.dash(i + 1)
                && self.is(i + 2, &["jahr"])
                && self.dash(i + 3)
                && (1..=4).all(|d| self.adj(i + d))
            {
                let k = self.key(i + 4);
                if k.ends_with("jubilaeum") || k.ends_with("feier") || k.ends_with("fest") {
                    return m(i + 5, TimeValue::Anniversary(n));
                }
            }
            // "30. Jubiläum"
            if self.p(i + 1, '.') && self.adj(i + 1) {
                let e = self.anniversary_noun_after(i + 2)?;
                return ordinal_noun(e - 1).then_some(M {
                    end: e,
                    value: TimeValue::Anniversary(n),
                });
            }
            // "30 Jahre Städtepartnerschaft"; "nach 30 Jahren Partnerschaft" only with the noun
            // right after ("vor 25 Jahren wurde die Partnerschaft …" counts back instead).
            if self.is(i + 1, &["jahren"]) && !self.in_longer_number(i) {
                let e = self.anniversary_noun_after(i + 2).filter(|&e| e == i + 3)?;
                return m(e, TimeValue::Anniversary(n));
            }
            if self.is(i + 1, &["jahre"]) && !self.in_longer_number(i) {
                return m(
                    self.anniversary_noun_after(i + 2)?,
                    TimeValue::Anniversary(n),
                );
            }
            return None;
        }
        let t = self.t.get(i)?;
        if !t.is_word() {
            return None;
        }
        // "dreißig Jahre Partnerschaft"
        if self.is(i + 1, &["jahre"]) {
            let n = number_word(&t.key).filter(|&n| n >= 2)?;
            return m(
                self.anniversary_noun_after(i + 2)?,
                TimeValue::Anniversary(n),
            );
        }
        // The noun check is cheap and rarely passes, so it goes before any number parsing.
        let e = self.anniversary_noun_after(i + 1)?;
        // "zehnjährige Partnerschaft"
        if let Some(n) = jaehrig_number(&t.key) {
            return m(e, TimeValue::Anniversary(n));
        }
        // "zum dreißigsten Jahrestag"
        let n = ordinal_word(&t.key)?;
        ordinal_noun(e - 1).then_some(M {
            end: e,
            value: TimeValue::Anniversary(n),
        })
    }

    /// The token after an anniversary noun that follows at `k`, allowing up to four tokens of
    /// lowercase adjectives and hyphens in between ("deutsch-polnische Freundschaft").
    fn anniversary_noun_after(&self, mut k: usize) -> Option<usize> {
        let noun =
            |k: usize| self.cap(k) && ANNIVERSARY_NOUNS.iter().any(|n| self.key(k).ends_with(n));
        for _ in 0..4 {
            if noun(k) {
                return Some(k + 1);
            }
            if !(self.lower_word(k) || self.dash(k)) {
                return None;
            }
            k += 1;
        }
        noun(k).then_some(k + 1)
    }

    /// "fünftägige Reise", "5-tägige", "drei Tage lang", "für zwei Tage", "eine Woche",
    /// "zweiwöchigen".
    fn r_duration(&self, i: usize) -> Option<M> {
        // Adjectives: "<n>tägig…", "<n>-tägig…", "<n>wöchig…".
        if let Some(n) = self.num(i, 1, 4) {
            let mut k = i + 1;
            if self.dash(k) && self.adj(k) {
                k += 1;
            }
            if self.adj(k)
                && !self.in_longer_number(i)
                && let Some(f) =
                    period_suffix(self.key(k)).and_then(|(rest, f)| rest.is_empty().then_some(f))
            {
                let days = u32::try_from(n)
                    .ok()?
                    .checked_mul(f)
                    .filter(|d| (1..=3660).contains(d))?;
                return m(k + 1, TimeValue::Duration { days });
            }
        } else if let Some((rest, f)) = period_suffix(self.key(i)) {
            let n = number_word(rest)?;
            return m(
                i + 1,
                TimeValue::Duration {
                    days: n.checked_mul(f)?,
                },
            );
        }
        // "(für) drei Tage (lang)"
        let j = if self.is(i, &["fuer"]) { i + 1 } else { i };
        if j == i && i > 0 && self.is(i - 1, &["vor", "in", "binnen"]) {
            return None;
        }
        let unit = self.key(j + 1);
        if !matches!(unit, "tag" | "tage" | "tagen" | "woche" | "wochen") {
            return None;
        }
        let n = self.count(j, 3660)?;
        let one = n == 1;
        let per = match unit {
            "tag" if one => 1,
            "tage" | "tagen" if !one => 1,
            "woche" if one => 7,
            "wochen" if !one => 7,
            _ => return None,
        };
        let mut e = j + 2;
        // "zwei Tage später", "drei Tage nach der Wahl": an offset from another event.
        let offset = self.is(
            e,
            &[
                "spaeter", "danach", "zuvor", "vorher", "darauf", "frueher", "nachdem",
            ],
        ) || (j == i && self.is(e, &["nach", "vor"]) && self.lower_word(e + 1));
        if offset {
            return None;
        }
        if self.is(e, &["lang", "lange"]) {
            e += 1;
        }
        m(
            e,
            TimeValue::Duration {
                days: n.checked_mul(per)?,
            },
        )
    }
}

/// "tägige" → ("", 1), "fünftägigen" → ("fuenf", 1), "zweiwöchige" → ("zwei", 7): the number
/// part and the days per unit of a period adjective.
fn period_suffix(key: &str) -> Option<(&str, u32)> {
    // Suffix tests only (no substring search): this runs on every word.
    for ending in ["", "e", "es", "en", "er", "em"] {
        let Some(stem) = key.strip_suffix(ending) else {
            continue;
        };
        if let Some(rest) = stem.strip_suffix("taegig") {
            return Some((rest, 1));
        }
        if let Some(rest) = stem.strip_suffix("woechig") {
            return Some((rest, 7));
        }
    }
    None
}

/// Whether `key` is an attributive form of "-jährig" ("jaehriges", "jaehrigen").
fn is_jaehrig(key: &str) -> bool {
    key.strip_prefix("jaehrig")
        .is_some_and(|rest| ["e", "es", "en", "er", "em"].contains(&rest))
}

/// "zehnjährige" → 10.
fn jaehrig_number(key: &str) -> Option<u32> {
    ["e", "es", "en", "er", "em"].iter().find_map(|e| {
        let base = key.strip_suffix(e)?.strip_suffix("jaehrig")?;
        number_word(base).filter(|&n| n >= 1)
    })
}

#[cfg(test)]
mod calendar_word_tests {
    use super::is_calendar_word;

    #[test]
    fn months_and_weekdays_in_any_case_and_spelling() {
        for w in [
            "Mai",
            "März",
            "Maerz",
            "Jänner",
            "sonntag",
            "Sonnabend",
            "DIENSTAG",
        ] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["Maibach", "Sonnberg", "Montage", "Markt", ""] {
            assert!(!is_calendar_word(w), "{w}");
        }
    }
}
