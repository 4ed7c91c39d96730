//! Berlin's public holidays and working days, from a table of our own (no crate): the Gregorian
//! computus for Easter and the holidays of the Berlin Feiertagsgesetz.
//!
//! Counted: Neujahr (1 January), Internationaler Frauentag (8 March, since 2019), Karfreitag,
//! Ostermontag, Tag der Arbeit (1 May), Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen
//! Einheit (3 October), 1. and 2. Weihnachtstag (25, 26 December), and the one-off days Berlin or
//! the Federation declared: Reformationstag 31 October 2017, Tag der Befreiung 8 May 2020 and 2025.
//! A working day is Monday to Friday and not one of these.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/
/// Butcher); `None` only for years chrono cannot represent.
#[allow(clippy::many_single_char_names)] // The names of the published algorithm.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The Berlin public holidays of `year` with their names, in the order of the year (a day that
/// is two holidays at once — Christi Himmelfahrt on 1 May, as in 2008 — is listed once). Empty
/// only for years chrono cannot represent.
pub fn holidays_of(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = [
        (1, 1, "Neujahr", true),
        (3, 8, "Internationaler Frauentag", year >= 2019),
        (5, 1, "Tag der Arbeit", true),
        (10, 3, "Tag der Deutschen Einheit", true),
        (12, 25, "1. Weihnachtstag", true),
        (12, 26, "2. Weihnachtstag", true),
        (10, 31, "Reformationstag (einmalig)", year == 2017),
        (
            5,
            8,
            "Tag der Befreiung (einmalig)",
            year == 2020 || year == 2025,
        ),
    ];
    let mut days: Vec<(NaiveDate, &'static str)> = fixed
        .into_iter()
        .filter(|(_, _, _, observed)| *observed)
        .filter_map(|(month, day, name, _)| {
            Some((NaiveDate::from_ymd_opt(year, month, day)?, name))
        })
        .collect();
    if let Some(easter) = easter_sunday(year) {
        let movable = [
            (-2, "Karfreitag"),
            (1, "Ostermontag"),
            (39, "Christi Himmelfahrt"),
            (50, "Pfingstmontag"),
        ];
        days.extend(movable.into_iter().filter_map(|(offset, name)| {
            Some((
                easter.checked_add_signed(chrono::TimeDelta::days(offset))?,
                name,
            ))
        }));
    }
    // Stable: the fixed holiday's name wins where two fall on one day.
    days.sort_by_key(|(day, _)| *day);
    days.dedup_by_key(|(day, _)| *day);
    days
}

/// The name of the Berlin public holiday on `day`, if it is one.
pub fn holiday(day: NaiveDate) -> Option<&'static str> {
    holidays_of(day.year())
        .into_iter()
        .find(|(holiday, _)| *holiday == day)
        .map(|(_, name)| name)
}

/// Whether `day` is a working day in Berlin: Monday to Friday and not a public holiday.
pub fn is_working_day(day: NaiveDate) -> bool {
    is_weekday(day) && holiday(day).is_none()
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Mondays to Fridays from a fixed Monday up to and including `day` (negative before it): the
/// difference of two such counts is the number of weekdays between them, in constant time.
fn weekdays_through(day: NaiveDate) -> i64 {
    // 0001-01-01 (day 1 from the common era) was a Monday in the proleptic Gregorian calendar.
    let days = i64::from(day.num_days_from_ce());
    5 * days.div_euclid(7) + days.rem_euclid(7).min(5)
}

/// The working days after `from` up to and including `to`; 0 when `to` is not after `from`.
/// (How many working days a sheet is overdue on `to` when it was due on `from`.) The weekdays
/// are counted arithmetically and the holidays year by year, so even a span of millennia (a
/// mistyped year) is answered at once.
pub fn working_days_after(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let weekdays = weekdays_through(to) - weekdays_through(from);
    let holidays = (from.year()..=to.year())
        .flat_map(holidays_of)
        .filter(|(day, _)| *day > from && *day <= to && is_weekday(*day))
        .count();
    let holidays = i64::try_from(holidays).unwrap_or(i64::MAX);
    u32::try_from(weekdays.saturating_sub(holidays).max(0)).unwrap_or(u32::MAX)
}

/// The `count`-th working day after `day` (`day` itself when `count` is 0); `None` past chrono's
/// range. Found by bisection over [`working_days_after`], so a large `count` costs no more than a
/// small one.
pub fn add_working_days(day: NaiveDate, count: u32) -> Option<NaiveDate> {
    if count == 0 {
        return Some(day);
    }
    // More than half of any span of days are working days (5 of 7 are weekdays, at most 13 a
    // year are holidays), so twice the count plus a fortnight always suffices.
    let span = u64::from(count) * 2 + 14;
    let upper = day
        .checked_add_days(Days::new(span))
        .unwrap_or(NaiveDate::MAX);
    if working_days_after(day, upper) < count {
        return None;
    }
    // The smallest `n` (days after `day`) with `count` working days in (day, day + n].
    let (mut low, mut high) = (
        0_u64,
        upper.signed_duration_since(day).num_days().unsigned_abs(),
    );
    while low + 1 < high {
        let middle = low + (high - low) / 2;
        let probe = day.checked_add_days(Days::new(middle))?;
        if working_days_after(day, probe) >= count {
            high = middle;
        } else {
            low = middle;
        }
    }
    day.checked_add_days(Days::new(high))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn easter_of_known_years() {
        for (year, easter) in [
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2019, "2019-04-21"),
            (2022, "2022-04-17"),
            (2023, "2023-04-09"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(easter)), "{year}");
        }
    }

    #[test]
    fn the_holidays_of_2022_in_berlin() {
        let holidays: Vec<(String, &str)> = d("2022-01-01")
            .iter_days()
            .take_while(|day| day.year() == 2022)
            .filter_map(|day| holiday(day).map(|name| (day.to_string(), name)))
            .collect();
        let expected = [
            ("2022-01-01", "Neujahr"),
            ("2022-03-08", "Internationaler Frauentag"),
            ("2022-04-15", "Karfreitag"),
            ("2022-04-18", "Ostermontag"),
            ("2022-05-01", "Tag der Arbeit"),
            ("2022-05-26", "Christi Himmelfahrt"),
            ("2022-06-06", "Pfingstmontag"),
            ("2022-10-03", "Tag der Deutschen Einheit"),
            ("2022-12-25", "1. Weihnachtstag"),
            ("2022-12-26", "2. Weihnachtstag"),
        ];
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(d, n)| ((*d).to_owned(), *n))
            .collect();
        assert_eq!(holidays, expected);
    }

    #[test]
    fn frauentag_only_since_2019_and_the_one_off_days() {
        assert_eq!(holiday(d("2018-03-08")), None);
        assert_eq!(holiday(d("2019-03-08")), Some("Internationaler Frauentag"));
        assert!(holiday(d("2020-05-08")).is_some());
        assert!(holiday(d("2025-05-08")).is_some());
        assert_eq!(holiday(d("2022-05-08")), None);
        assert!(holiday(d("2017-10-31")).is_some());
        assert_eq!(holiday(d("2018-10-31")), None);
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Tue 31 May 2022 → Fri 10 June 2022: 1, 2, 3 June, 7–10 June (6 June is Pfingstmontag).
        assert_eq!(working_days_after(d("2022-05-31"), d("2022-06-10")), 7);
        assert_eq!(working_days_after(d("2022-05-31"), d("2022-05-31")), 0);
        assert_eq!(working_days_after(d("2022-06-10"), d("2022-05-31")), 0);
        // Thu 25 May 2022 + 1 working day skips Himmelfahrt (26 May) → Fri 27 May.
        assert_eq!(add_working_days(d("2022-05-25"), 1), Some(d("2022-05-27")));
        assert_eq!(add_working_days(d("2022-05-31"), 5), Some(d("2022-06-08")));
        assert_eq!(add_working_days(d("2022-05-31"), 0), Some(d("2022-05-31")));
        assert!(!is_working_day(d("2022-06-04")));
        assert!(is_working_day(d("2022-06-03")));
    }

    /// The working days of (from, to] counted day by day: the definition the arithmetic must meet.
    fn counted(from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|day| *day <= to)
            .fold(0, |count, day| count + u32::from(is_working_day(day)))
    }

    proptest::proptest! {
        #[test]
        fn the_arithmetic_counts_as_the_calendar_does(start in 0_u64..73_000, span in 0_u64..1_200) {
            let from = d("1900-01-01") + Days::new(start);
            let to = from + Days::new(span);
            proptest::prop_assert_eq!(working_days_after(from, to), counted(from, to));
            let count = counted(from, to);
            let end = add_working_days(from, count).unwrap();
            proptest::prop_assert_eq!(counted(from, end), count);
            proptest::prop_assert!(count == 0 || is_working_day(end));
        }
    }

    #[test]
    fn a_mistyped_year_is_answered_at_once() {
        // 2022 typed as 8973: some 2.5 million days, counted by weekday arithmetic and the
        // holidays of each year instead of day by day.
        let overdue = working_days_after(d("2022-05-31"), d("8973-05-24"));
        assert!((1_700_000..1_820_000).contains(&overdue), "{overdue}");
        assert_eq!(add_working_days(d("2022-05-31"), u32::MAX), None);
        let far = add_working_days(d("2022-05-31"), 1_000_000).unwrap();
        assert_eq!(working_days_after(d("2022-05-31"), far), 1_000_000);
        assert!(is_working_day(far));
    }

    #[test]
    fn a_day_that_is_two_holidays_is_one() {
        // 1 May 2008 was Tag der Arbeit and Christi Himmelfahrt.
        let of_2008 = holidays_of(2008);
        assert_eq!(of_2008.len(), 8);
        assert_eq!(holiday(d("2008-05-01")), Some("Tag der Arbeit"));
        assert!(of_2008.is_sorted_by_key(|(day, _)| *day));
    }

    #[test]
    fn add_and_count_agree() {
        let start = d("2022-01-01");
        for count in 0..300 {
            let end = add_working_days(start, count).unwrap();
            assert_eq!(working_days_after(start, end), count);
        }
    }
}
