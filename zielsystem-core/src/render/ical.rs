//! The reporting calendar as iCalendar (RFC 5545): one all-day event per cut-off and per deadline,
//! with German summaries, so the steering service can subscribe to the dates in any calendar app.
//!
//! Every text here is fixed or derived from the year (an `i32` checked by
//! [`crate::calendar::calendar_of_year`]): no user text reaches the calendar. Should one ever do,
//! the `icalendar` crate escapes property values (`\n`, `;`, `,`, `\\`) and folds long lines, which
//! a test below holds it to.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::TertialDates;

/// The iCalendar text of a year's reporting calendar.
///
/// UIDs are derived from the tertial, and DTSTAMP is the first cut-off of the year at midnight UTC,
/// so the same year always yields the same bytes (subscriptions do not see spurious changes).
pub fn reporting_calendar(year: i32, dates: &[TertialDates]) -> String {
    let stamp: DateTime<Utc> = dates
        .first()
        .map(|first| first.start.and_time(NaiveTime::MIN).and_utc())
        .unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar
        .name(&format!("Berichtskalender Zielsteuerung {year}"))
        .description(&format!(
            "Berichtsstichtage und Berichtsfristen der Zielsteuerung im Kalenderjahr {year}"
        ));
    for entry in dates {
        let tertial = entry.tertial;
        let label = tertial.label_de();
        let genitive = tertial.label_genitive_de();
        calendar.push(
            Event::new()
                .uid(&format!("{tertial}-cut-off@zielsystem"))
                .timestamp(stamp)
                .starts(entry.cut_off)
                .ends(day_after(entry.cut_off))
                .summary(&format!("Berichtsstichtag {label}"))
                .description(&format!(
                    "Ende des {genitive}: Stichtag der risikoorientierten Einschätzung aller Ziele."
                ))
                .done(),
        );
        calendar.push(
            Event::new()
                .uid(&format!("{tertial}-deadline@zielsystem"))
                .timestamp(stamp)
                .starts(entry.deadline)
                .ends(day_after(entry.deadline))
                .summary(&format!("Berichtsfrist {label}"))
                .description(&format!(
                    "Letzter Tag für die Berichtsblätter zum {label} (innerhalb des Folgemonats)."
                ))
                .done(),
        );
    }
    calendar.done().to_string()
}

/// The exclusive end of an all-day event on `day` (RFC 5545, 3.6.1: `DTEND` is the day after).
fn day_after(day: NaiveDate) -> NaiveDate {
    day.succ_opt().unwrap_or(day)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::calendar::calendar_of_year;

    #[test]
    fn the_icalendar_crate_escapes_hostile_text() {
        let hostile = "Ziel\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned; a,b \\ \u{1b}[31m";
        let mut calendar = Calendar::new();
        calendar.push(
            Event::new()
                .uid("x@zielsystem")
                .summary(hostile)
                .description(&hostile.repeat(20))
                .done(),
        );
        let text = calendar.done().to_string();
        // Line breaks in a value are escaped (`\n`), so it cannot start a property or a component.
        let lines = |prefix: &str| text.lines().filter(|l| l.starts_with(prefix)).count();
        assert_eq!(lines("BEGIN:VEVENT"), 1, "{text}");
        assert_eq!(lines("END:VEVENT"), 1, "{text}");
        assert_eq!(lines("SUMMARY:"), 1, "{text}");
        assert!(text.contains("pwned\\; a\\,b \\\\"), "{text}");
        assert!(
            text.lines().all(|line| line.len() <= 75),
            "lines are folded"
        );
        let parsed: icalendar::Calendar = text.parse().unwrap();
        assert_eq!(parsed.components.len(), 1);
    }

    #[test]
    fn every_year_a_calendar_exists_for_renders_and_others_are_refused() {
        for year in [crate::calendar::MIN_YEAR, 2022, crate::calendar::MAX_YEAR] {
            let text = reporting_calendar(year, &calendar_of_year(year).unwrap());
            assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
        }
        for year in [i32::MIN, -1, 10_000, i32::MAX] {
            assert!(calendar_of_year(year).is_err(), "{year}");
        }
    }

    #[test]
    fn one_event_per_cut_off_and_deadline_and_parses_back() {
        let text = reporting_calendar(2022, &calendar_of_year(2022).unwrap());
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
        assert!(text.contains("DTSTART;VALUE=DATE:20220531"));
        assert!(text.contains("DTSTART;VALUE=DATE:20230131"));
        assert!(text.contains("SUMMARY:Berichtsfrist III. Tertial 2022"));
        let parsed: icalendar::Calendar = text.parse().unwrap();
        assert_eq!(parsed.components.len(), 6);
        assert!(text.contains("Ende des I. Tertials 2022"), "{text}");
        // Deterministic: the same year renders the same bytes.
        assert_eq!(
            text,
            reporting_calendar(2022, &calendar_of_year(2022).unwrap())
        );
    }

    #[test]
    fn all_day_events_end_the_day_after_they_start() {
        use icalendar::{CalendarComponent, DatePerhapsTime};
        let text = reporting_calendar(2022, &calendar_of_year(2022).unwrap());
        let parsed: icalendar::Calendar = text.parse().unwrap();
        let mut events = 0;
        for component in &parsed.components {
            let CalendarComponent::Event(event) = component else {
                continue;
            };
            let (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end))) =
                (event.get_start(), event.get_end())
            else {
                panic!("all-day event without DATE start and end: {event:?}");
            };
            assert_eq!(end, start.succ_opt().unwrap(), "{event:?}");
            events += 1;
        }
        assert_eq!(events, 6);
        assert!(text.contains("DTEND;VALUE=DATE:20220501"), "{text}");
    }
}
