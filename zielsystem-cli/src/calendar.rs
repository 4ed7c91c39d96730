//! `zielsystem calendar YEAR [--format text|json|ics]`.

use std::io::Write;

use zielsystem_core::calendar::calendar_of_year;
use zielsystem_core::render::ical;

use crate::{CalendarFormat, Failure};

pub(crate) fn run(out: &mut impl Write, year: i32, format: CalendarFormat) -> Result<u8, Failure> {
    let dates = calendar_of_year(year)?;
    match format {
        CalendarFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &dates)?;
            writeln!(out)?;
        }
        CalendarFormat::Ics => out.write_all(ical::reporting_calendar(year, &dates).as_bytes())?,
        CalendarFormat::Text => {
            writeln!(out, "Berichtskalender {year}")?;
            writeln!(
                out,
                "{:<24} {:<12} {:<18} {:<14}",
                "Tertial", "Beginn", "Berichtsstichtag", "Berichtsfrist"
            )?;
            for entry in dates {
                writeln!(
                    out,
                    "{:<24} {:<12} {:<18} {:<14}",
                    format!(
                        "{} ({})",
                        entry.tertial.label_de().replace(&format!(" {year}"), ""),
                        entry.tertial
                    ),
                    entry.start.format("%d.%m.%Y").to_string(),
                    entry.cut_off.format("%d.%m.%Y").to_string(),
                    entry.deadline.format("%d.%m.%Y").to_string(),
                )?;
            }
        }
    }
    Ok(0)
}
