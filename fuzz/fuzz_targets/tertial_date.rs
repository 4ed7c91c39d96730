//! Tertial codes and dates from strings: `Tertial::from_str`, `model::date::parse`, and everything
//! derived from a tertial that parses (its dates, neighbours, the year's calendar as iCalendar).
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::Tertial;
use zielsystem_core::calendar::calendar_of_year;
use zielsystem_core::model::date;
use zielsystem_core::render::ical::reporting_calendar;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(day) = date::parse(text) {
        assert_eq!(day.format("%Y-%m-%d").to_string(), text);
        if let Some(tertial) = Tertial::containing(day) {
            assert!(tertial.contains(day));
        }
    }
    if let Ok(tertial) = text.parse::<Tertial>() {
        assert_eq!(tertial.to_string(), text);
        assert!(tertial.start() <= tertial.cut_off() && tertial.cut_off() < tertial.deadline());
        if let Some(next) = tertial.next() {
            assert_eq!(next.previous(), Some(tertial));
        }
        let _ = tertial.label_de();
        if let Ok(dates) = calendar_of_year(tertial.year()) {
            let _ = reporting_calendar(tertial.year(), &dates);
        }
    }
    if let Ok(year) = text.trim().parse::<i32>() {
        if let Ok(dates) = calendar_of_year(year) {
            let _ = reporting_calendar(year, &dates);
        }
    }
});
