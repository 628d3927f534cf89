//! Calendar dates with explicit precision (year, month or day), as German texts give them.

use std::fmt;

/// A date known to the year, the month or the day.
///
/// Ordering is chronological with coarser dates first inside their period
/// (`2024` < `2024-05` < `2024-05-13`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i16) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A full date; `None` when the day does not exist in that month.
    pub fn ymd(year: i16, month: u8, day: u8) -> Option<Self> {
        jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn is_day(&self) -> bool {
        self.day.is_some()
    }

    /// The civil date when the day is known.
    pub fn to_civil(&self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month? as i8, self.day? as i8).ok()
    }

    pub fn from_civil(d: jiff::civil::Date) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        match parts.as_slice() {
            [y] => Some(Self::year(num(y, 4)? as i16)),
            [y, m] => Self::month(num(y, 4)? as i16, num(m, 2)? as u8),
            [y, m, d] => Self::ymd(num(y, 4)? as i16, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip() {
        for s in ["2024", "2024-05", "2024-05-13", "1967"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().to_string(), s);
        }
        assert!(PartialDate::parse_iso("2024-02-30").is_none());
        assert!(PartialDate::parse_iso("2024-13").is_none());
        assert!(PartialDate::parse_iso("24-05").is_none());
    }

    #[test]
    fn ordering_is_chronological() {
        let a = PartialDate::parse_iso("2024").unwrap();
        let b = PartialDate::parse_iso("2024-05").unwrap();
        let c = PartialDate::parse_iso("2024-05-13").unwrap();
        assert!(a < b && b < c);
    }
}
