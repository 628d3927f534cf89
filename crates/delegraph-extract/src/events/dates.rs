//! When a trip happens, from the temporal expressions of the sentences that tell it: the first
//! range, else the first day or month as start and one after "bis" or a return verb as end; a
//! duration ("drei Tage") gives the end; a visit on a named day lasts that day, a journey
//! ("Reise") without an end stays open.

use super::{cues, in_sentence, lower_set, word_before};
use crate::ctx::Ctx;
use delegraph_model::Status;
use delegraph_text::PartialDate;
use delegraph_text::temporal::{TimeExpr, TimeValue};

/// A trip's dates and whether its start was a bare weekday ("am Montag").
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TripDates {
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub weekday_only: bool,
}

/// What the time expressions of the sentences say, before they are combined.
#[derive(Default)]
struct Seen {
    range: Option<(PartialDate, PartialDate)>,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    duration: Option<u32>,
    weekday_only: bool,
}

/// "… und kehrt am 6. Juli zurück": a return verb before the date makes it the end.
fn after_return(ctx: &Ctx, si: usize, te: &TimeExpr) -> bool {
    ctx.sents[si].clone().any(|k| {
        matches!(
            ctx.lower(k).as_str(),
            "kehrt" | "kehren" | "rückkehr" | "heimkehr"
        ) && ctx.toks[k].end <= te.span.start
    })
}

fn collect(ctx: &Ctx, times: &[TimeExpr], sents: &[usize]) -> Seen {
    let mut out = Seen::default();
    for &si in sents {
        for te in in_sentence(times, ctx, si) {
            let before = word_before(ctx, te.span.start);
            let phrase = ctx.text[te.span.clone()].to_lowercase();
            let until = before == "bis" || phrase.starts_with("bis ") || after_return(ctx, si, &te);
            match te.value {
                TimeValue::Range(a, b) if out.range.is_none() => out.range = Some((a, b)),
                TimeValue::Point(p) if p.is_day() || p.month.is_some() => {
                    if until {
                        out.end.get_or_insert(p);
                    } else if out.start.is_none() {
                        out.start = Some(p);
                        out.weekday_only = bare_weekday(ctx, &te);
                    }
                }
                TimeValue::Duration { days } if out.duration.is_none() => out.duration = Some(days),
                _ => {}
            }
        }
    }
    out
}

/// The dates the sentences `sents` give a trip.
pub(crate) fn trip_dates(ctx: &Ctx, times: &[TimeExpr], sents: &[usize]) -> TripDates {
    let found = collect(ctx, times, sents);
    let mut d = TripDates {
        weekday_only: found.weekday_only,
        ..TripDates::default()
    };
    if let Some((a, b)) = found.range {
        d.start = Some(a);
        d.end = Some(b);
        return d;
    }
    d.start = found.start;
    d.end = found.end;
    if d.end.is_none()
        && let (Some(s), Some(n)) = (d.start.and_then(|s| s.to_civil()), found.duration)
        && n >= 1
    {
        d.end = s
            .checked_add(jiff::Span::new().days(i64::from(n) - 1))
            .ok()
            .map(PartialDate::from_civil);
    }
    if let (Some(s), Some(e)) = (d.start, d.end)
        && e < s
    {
        d.start = None;
    }
    let journey = sents.iter().any(|&si| {
        lower_set(ctx, ctx.sents[si].clone())
            .iter()
            .any(|w| w.contains("reise"))
    });
    if d.end.is_none()
        && found.duration.is_none()
        && !journey
        && d.start.is_some_and(|s| s.is_day())
    {
        d.end = d.start;
    }
    d
}

/// "ist am Montag nach X gereist": a bare weekday of a finished trip is the one before the
/// publication date, not the next.
pub(crate) fn weekday_of_finished_trip(
    dates: &mut TripDates,
    status: Status,
    published: Option<PartialDate>,
) {
    if let Some(s) = dates.start
        && let Some(back) = week_before(s, dates.weekday_only, status, published)
    {
        if dates.end == dates.start {
            dates.end = Some(back);
        }
        dates.start = Some(back);
    }
}

/// A bare weekday ("am Dienstag") of something told as done that resolved after the
/// publication date: the same weekday a week earlier.
pub(crate) fn week_before(
    date: PartialDate,
    weekday_only: bool,
    status: Status,
    published: Option<PartialDate>,
) -> Option<PartialDate> {
    let p = published?;
    if status != Status::Completed || !weekday_only || !date.is_day() || date <= p {
        return None;
    }
    date.to_civil()
        .and_then(|d| d.checked_sub(jiff::Span::new().days(7)).ok())
        .map(PartialDate::from_civil)
}

/// Whether a time expression is a bare weekday ("am Dienstag", no digits).
pub(crate) fn bare_weekday(ctx: &Ctx, te: &TimeExpr) -> bool {
    let phrase = ctx.text[te.span.clone()].to_lowercase();
    !phrase.chars().any(|c| c.is_ascii_digit())
        && cues::cue("weekdays").iter().any(|d| phrase.contains(d))
}
