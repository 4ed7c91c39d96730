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

/// The name of the Berlin public holiday on `day`, if it is one.
pub fn holiday(day: NaiveDate) -> Option<&'static str> {
    let year = day.year();
    let fixed = match (day.month(), day.day()) {
        (1, 1) => Some("Neujahr"),
        (3, 8) if year >= 2019 => Some("Internationaler Frauentag"),
        (5, 1) => Some("Tag der Arbeit"),
        (10, 3) => Some("Tag der Deutschen Einheit"),
        (12, 25) => Some("1. Weihnachtstag"),
        (12, 26) => Some("2. Weihnachtstag"),
        (10, 31) if year == 2017 => Some("Reformationstag (einmalig)"),
        (5, 8) if year == 2020 || year == 2025 => Some("Tag der Befreiung (einmalig)"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let easter = easter_sunday(year)?;
    let offset = day.signed_duration_since(easter).num_days();
    match offset {
        -2 => Some("Karfreitag"),
        1 => Some("Ostermontag"),
        39 => Some("Christi Himmelfahrt"),
        50 => Some("Pfingstmontag"),
        _ => None,
    }
}

/// Whether `day` is a working day in Berlin: Monday to Friday and not a public holiday.
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && holiday(day).is_none()
}

/// The working days after `from` up to and including `to`; 0 when `to` is not after `from`.
/// (How many working days a sheet is overdue on `to` when it was due on `from`.)
pub fn working_days_after(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .fold(0, |count, day| count + u32::from(is_working_day(day)))
}

/// The `count`-th working day after `day` (`day` itself when `count` is 0); `None` past chrono's
/// range.
pub fn add_working_days(day: NaiveDate, count: u32) -> Option<NaiveDate> {
    let mut current = day;
    let mut left = count;
    while left > 0 {
        current = current.checked_add_days(Days::new(1))?;
        if is_working_day(current) {
            left -= 1;
        }
    }
    Some(current)
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

    #[test]
    fn add_and_count_agree() {
        let start = d("2022-01-01");
        for count in 0..300 {
            let end = add_working_days(start, count).unwrap();
            assert_eq!(working_days_after(start, end), count);
        }
    }
}
