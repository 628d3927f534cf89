//! German temporal expressions resolved to ISO values (stub: filled in by the text-layer work).

use crate::date::PartialDate;
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
pub fn find_time_expressions(_text: &str, _anchor: Option<PartialDate>) -> Vec<TimeExpr> {
    Vec::new()
}

/// Reads a publication date from a header line ("date 2024-05", "Pressemitteilung vom 08.11.2024",
/// "Mo 13.05.24 | 06:06 Uhr").
pub fn parse_publication_date(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("date ") {
        return PartialDate::parse_iso(rest);
    }
    None
}
