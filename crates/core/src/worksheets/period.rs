//! Measurement periods: a month (`2026-03`) or a week, named by its Monday (`2026-03-02`).
//!
//! Owns how periods are written, read, ordered, labelled and placed on a date axis. Never
//! reads the clock: "this month" is computed from a date the caller passes in.

use std::fmt;

use crate::schema::parse_date;

/// One measurement period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A calendar month.
    Month {
        /// The year.
        year: u32,
        /// The month, 1–12.
        month: u32,
    },
    /// The week starting on this Monday.
    Week {
        /// Days since 1970-01-01 of the Monday.
        monday: i64,
    },
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Period {
    /// Reads `YYYY-MM` (a month) or `YYYY-MM-DD` of a Monday (a week); anything else is `None`.
    pub fn parse(text: &str) -> Option<Period> {
        if text.len() == 7 {
            let (year, month, _) = parse_date(&format!("{text}-01"))?;
            return Some(Period::Month { year, month });
        }
        let (year, month, day) = parse_date(text)?;
        let days = days_from_civil(year, month, day);
        (weekday(days) == 0).then_some(Period::Week { monday: days })
    }

    /// The period of `frequency` (`"weekly"`, otherwise monthly) that contains a date.
    pub fn containing(frequency: &str, date: &str) -> Option<Period> {
        let (year, month, day) = parse_date(date)?;
        Some(if frequency == "weekly" {
            let days = days_from_civil(year, month, day);
            Period::Week { monday: days - weekday(days) }
        } else {
            Period::Month { year, month }
        })
    }

    /// The period before this one.
    pub fn previous(self) -> Period {
        match self {
            Period::Month { year, month: 1 } => Period::Month { year: year - 1, month: 12 },
            Period::Month { year, month } => Period::Month { year, month: month - 1 },
            Period::Week { monday } => Period::Week { monday: monday - 7 },
        }
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        match self {
            Period::Month { year, month: 12 } => Period::Month { year: year + 1, month: 1 },
            Period::Month { year, month } => Period::Month { year, month: month + 1 },
            Period::Week { monday } => Period::Week { monday: monday + 7 },
        }
    }

    /// The period's place in a count of its kind (months, or weeks) — the distance between two
    /// periods of one kind is the difference of their ordinals, gaps included.
    pub fn ordinal(self) -> i64 {
        match self {
            Period::Month { year, month } => i64::from(year) * 12 + i64::from(month) - 1,
            Period::Week { monday } => monday.div_euclid(7),
        }
    }

    /// The first day of the period, in days since 1970-01-01 (for a date axis).
    pub fn start_day(self) -> i64 {
        match self {
            Period::Month { year, month } => days_from_civil(year, month, 1),
            Period::Week { monday } => monday,
        }
    }

    /// The period as stored: `2026-03` or `2026-03-02`.
    pub fn key(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Week { monday } => {
                let (y, m, d) = civil_from_days(monday);
                format!("{y:04}-{m:02}-{d:02}")
            }
        }
    }

    /// The ISO 8601 week of a week period, as (its ISO year, its number 1–53): the week that
    /// holds the year's first Thursday is week 1. `None` for a month.
    pub fn iso_week(self) -> Option<(i64, u32)> {
        let Period::Week { monday } = self else { return None };
        let thursday = monday + 3;
        let (year, _, _) = civil_from_days(thursday);
        let first_day = days_from_civil(year as u32, 1, 1);
        Some((year, ((thursday - first_day) / 7 + 1) as u32))
    }

    /// A short label for people: "Mar 2026", "Week of 2 Mar 2026".
    pub fn label(self) -> String {
        match self {
            Period::Month { year, month } => format!("{} {year}", MONTHS[month as usize - 1]),
            Period::Week { monday } => {
                let (y, m, d) = civil_from_days(monday);
                format!("Week of {d} {} {y}", MONTHS[m as usize - 1])
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// A date `YYYY-MM-DD` as days since 1970-01-01, if it is a real date.
pub fn day_number(date: &str) -> Option<i64> {
    let (y, m, d) = parse_date(date)?;
    Some(days_from_civil(y, m, d))
}

/// A day (days since 1970-01-01) as a date, `YYYY-MM-DD`.
pub fn date_of_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A date for people: "2 Mar 2026"; the text itself when it is not a date.
pub fn date_label(date: &str) -> String {
    match parse_date(date) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        None => date.to_owned(),
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// 0 for Monday … 6 for Sunday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_mondays_parse_and_round_trip() {
        let march = Period::parse("2026-03").unwrap();
        assert_eq!(march.key(), "2026-03");
        assert_eq!(march.label(), "Mar 2026");
        let week = Period::parse("2026-03-02").unwrap();
        assert_eq!(week.key(), "2026-03-02");
        assert_eq!(week.label(), "Week of 2 Mar 2026");
        for bad in ["2026-13", "2026-03-03", "2026-3", "March", "", "2026-02-30"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_period_containing_a_date() {
        assert_eq!(Period::containing("monthly", "2026-03-31").unwrap().key(), "2026-03");
        assert_eq!(Period::containing("weekly", "2026-03-08").unwrap().key(), "2026-03-02");
        assert_eq!(Period::containing("weekly", "2026-03-09").unwrap().key(), "2026-03-09");
        assert_eq!(Period::containing("weekly", "2027-01-01").unwrap().key(), "2026-12-28");
    }

    #[test]
    fn neighbours_and_order() {
        let jan = Period::parse("2026-01").unwrap();
        assert_eq!(jan.previous().key(), "2025-12");
        assert_eq!(jan.previous().next(), jan);
        assert!(jan.previous() < jan);
        assert_eq!(Period::parse("2026-12-28").unwrap().next().key(), "2027-01-04");
        assert_eq!(jan.start_day(), day_number("2026-01-01").unwrap());
        assert_eq!(Period::parse("2026-03").unwrap().ordinal() - jan.ordinal(), 2);
        let week = Period::parse("2026-03-02").unwrap();
        assert_eq!(week.next().next().ordinal() - week.ordinal(), 2);
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(date_label("2026-11-28"), "28 Nov 2026");
    }

    #[test]
    fn weeks_are_numbered_as_iso_8601_numbers_them() {
        let week = |date: &str| Period::parse(date).and_then(Period::iso_week);
        assert_eq!(week("2026-11-30"), Some((2026, 49)));
        // 1 January 2026 is a Thursday: its week is week 1 of 2026.
        assert_eq!(week("2025-12-29"), Some((2026, 1)));
        // 1 January 2027 is a Friday: its week is the last of 2026.
        assert_eq!(week("2026-12-28"), Some((2026, 53)));
        assert_eq!(week("2027-01-04"), Some((2027, 1)));
        assert_eq!(week("2024-12-30"), Some((2025, 1)));
        assert_eq!(Period::parse("2026-03").and_then(Period::iso_week), None);
    }
}
