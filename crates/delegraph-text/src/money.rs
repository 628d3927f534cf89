//! Amounts of money in German notation, converted to euros.
//!
//! Only euro amounts are returned: other currencies ("Dollar", "Franken", "$") are skipped
//! rather than converted, since no exchange rate is known for the text's date. Recognised:
//! digits with German separators ("123.000", "1,2", "2.500,50", "15.000,-"), Swiss apostrophe
//! grouping ("50'000"), a dot decimal before a scale word ("1.5 Mio."), cardinal number words
//! ("zwei Millionen Euro", "eine halbe Million Euro", "anderthalb Milliarden Euro"), scale words
//! ("Tsd.", "Mio.", "Millionen", "Mrd.", "Milliarden"), and the currency before or after
//! ("Euro", "EUR", "€", "TEUR" = thousand euros). In "2 bis 3 Millionen Euro" both ends are
//! amounts. Vague quantities ("mehrere hundert Millionen Euro", "Millionenbetrag") are skipped.
//! Spans start at the number (or a leading currency sign) and end after the currency.

use crate::numbers::{Tok, lex, number_word};
use std::ops::Range;

/// An amount of euros found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    pub span: Range<usize>,
    pub euros: f64,
}

/// Finds euro amounts ("123.000 Euro", "1,2 Mio. Euro", "rund 50.000 €", "EUR 15.000").
pub fn find_money(text: &str) -> Vec<Money> {
    // Fast exit: every amount names the currency.
    if !(text.contains("Euro")
        || text.contains("EUR")
        || text.contains('€')
        || text.contains("euro"))
    {
        return Vec::new();
    }
    let toks = lex(text);
    let s = Scan { t: &toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match s.amount_at(i) {
            Some((end, euros)) if end > i => {
                out.push(Money {
                    span: toks[i].start..toks[end - 1].end,
                    euros,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Words before a number word that make the amount vague ("mehrere hundert Millionen").
const VAGUE: &[&str] = &[
    "mehrere", "einige", "etliche", "viele", "paar", "wenige", "hunderte", "tausende", "mehreren",
    "einigen",
];

struct Scan<'a, 't> {
    t: &'a [Tok<'t>],
}

impl Scan<'_, '_> {
    fn key(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.is_word() => &t.key,
            _ => "",
        }
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

    fn num(&self, i: usize) -> Option<&Tok<'_>> {
        self.t.get(i).filter(|t| t.is_num())
    }

    /// A currency mark at `k`: token after it and a factor ("TEUR" counts thousands).
    fn currency_at(&self, k: usize) -> Option<(usize, f64)> {
        let t = self.t.get(k)?;
        if t.is_punct('€') {
            return Some((k + 1, 1.0));
        }
        if !t.is_word() {
            return None;
        }
        match (t.text, t.key.as_ref()) {
            (_, "euro") | ("EUR", _) | ("Eur", _) => Some((k + 1, 1.0)),
            ("TEUR", _) => Some((k + 1, 1e3)),
            ("T", _) if self.p(k + 1, '€') && self.adj(k + 1) => Some((k + 2, 1e3)),
            _ => None,
        }
    }

    /// A scale word at `k` (after an optional glued hyphen): token after it and its factor.
    fn scale_at(&self, k: usize) -> Option<(usize, f64)> {
        let k = if self.dash(k) && self.adj(k) && self.adj(k + 1) {
            k + 1
        } else {
            k
        };
        let (f, abbr) = match self.key(k) {
            "tausend" => (1e3, false),
            "tsd" => (1e3, true),
            "million" | "millionen" => (1e6, false),
            "mio" => (1e6, true),
            "milliarde" | "milliarden" => (1e9, false),
            "mrd" => (1e9, true),
            "billion" | "billionen" => (1e12, false),
            "bio" => (1e12, true),
            _ => return None,
        };
        let end = if abbr && self.p(k + 1, '.') && self.adj(k + 1) {
            k + 2
        } else {
            k + 1
        };
        Some((end, f))
    }

    /// A number in digits: value and token after it.
    fn digits_at(&self, i: usize) -> Option<(f64, usize)> {
        let first = self.num(i)?;
        // Not the tail of a longer number ("1.200" seen from "200").
        if i >= 2
            && (self.p(i - 1, '.') || self.p(i - 1, ',') || self.p(i - 1, '\''))
            && self.adj(i)
            && self.adj(i - 1)
            && self.num(i - 2).is_some()
        {
            return None;
        }
        let mut value: f64 = first.text.parse().unwrap_or(0.0);
        let mut k = i + 1;
        let grouped = |k: usize, sep: &[char]| {
            sep.iter().any(|&c| self.p(k, c))
                && self.adj(k)
                && self.adj(k + 1)
                && self.num(k + 1).is_some_and(|t| t.digits() == 3)
        };
        let mut groups = 0;
        while first.digits() <= 3 && grouped(k, &['.', '\'', '’']) {
            value = value * 1000.0 + f64::from(self.t[k + 1].value as u32);
            k += 2;
            groups += 1;
        }
        if self.p(k, ',') && self.adj(k) {
            if let Some(f) = self.num(k + 1).filter(|_| self.adj(k + 1)) {
                value += format!("0.{}", f.text).parse::<f64>().unwrap_or(0.0);
                k += 2;
            } else if self.dash(k + 1) && self.adj(k + 1) {
                // "15.000,-" and "15.000,--"
                k += 2;
                if self.dash(k) && self.adj(k) {
                    k += 1;
                }
            }
        } else if groups == 0 && self.p(k, '.') && self.adj(k) {
            // "1.5 Mio.": a dot decimal only counts before a scale word.
            if let Some(f) = self
                .num(k + 1)
                .filter(|f| self.adj(k + 1) && f.digits() <= 2)
                && self.scale_at(k + 2).is_some()
            {
                value += f.value as f64 / 10f64.powi(f.digits() as i32);
                k += 2;
            }
        }
        Some((value, k))
    }

    /// A number in words ("zwei", "anderthalb", "zweieinhalb", "eine halbe").
    fn words_at(&self, i: usize) -> Option<(f64, usize)> {
        let k = self.key(i);
        if k.is_empty() || (i > 0 && VAGUE.contains(&self.key(i - 1))) {
            return None;
        }
        // Cheap look-ahead before parsing number words: this runs on every word of the text.
        let j = i + 1;
        let amount_follows = self.scale_at(j).is_some()
            || self.currency_at(j).is_some()
            || matches!(self.key(j), "halbe" | "halben" | "bis" | "und")
            || self.dash(j);
        if !amount_follows {
            return None;
        }
        if matches!(k, "anderthalb" | "eineinhalb") {
            return Some((1.5, i + 1));
        }
        if let Some(base) = k.strip_suffix("einhalb") {
            return Some((f64::from(number_word(base)?) + 0.5, i + 1));
        }
        if matches!(k, "ein" | "eine" | "einer" | "einen" | "einem")
            && matches!(self.key(i + 1), "halbe" | "halben")
        {
            return Some((0.5, i + 2));
        }
        Some((f64::from(number_word(k)?), i + 1))
    }

    /// A number, an optional scale and a currency: token after it and euros.
    fn amount_at(&self, i: usize) -> Option<(usize, f64)> {
        // Currency first: "EUR 15.000", "€ 2.500", "EUR 1,2 Mio."
        if let Some((j, cf)) = self.currency_at(i) {
            let (v, k) = self.digits_at(j)?;
            let (k, f) = self.scale_at(k).unwrap_or((k, 1.0));
            return Some((k, v * f * cf));
        }
        let (v, k) = self.digits_at(i).or_else(|| self.words_at(i))?;
        let (k2, f) = self.scale_at(k).unwrap_or((k, 1.0));
        let cur = if self.dash(k2) && self.adj(k2) && self.adj(k2 + 1) {
            k2 + 1
        } else {
            k2
        };
        if let Some((end, cf)) = self.currency_at(cur) {
            // A number word with a bare currency compound ("eine Euro-Zone", "Zwei-Euro-Münze")
            // is not an amount.
            let compound = (cur > k2) || (self.dash(end) && self.adj(end));
            if self.t[i].is_word() && f == 1.0 && compound {
                return None;
            }
            return Some((end, v * f * cf));
        }
        // "2 bis 3 Millionen Euro": the first number shares scale and currency with the second.
        if f == 1.0 && (self.key(k) == "bis" || self.key(k) == "und" || self.dash(k)) {
            let j = k + 1;
            let (_, k3) = self.digits_at(j).or_else(|| self.words_at(j))?;
            let (k4, f2) = self.scale_at(k3).unwrap_or((k3, 1.0));
            let (_, cf) = self.currency_at(k4)?;
            return Some((k, v * f2 * cf));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_amounts() {
        let m = find_money("Es kostet 123.000 Euro.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].euros, 123_000.0);
        assert_eq!(
            &"Es kostet 123.000 Euro."[m[0].span.clone()],
            "123.000 Euro"
        );
    }
}
