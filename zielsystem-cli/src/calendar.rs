//! `zielsystem calendar YEAR [--format text|json|ics]`.

use std::io::Write;

use chrono::{Datelike, NaiveDate, Weekday};
use zielsystem_core::calendar::{TertialDates, calendar_of_year};
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
        CalendarFormat::Text => out.write_all(text_table(year, &dates).as_bytes())?,
    }
    Ok(0)
}

/// The German short name of a weekday, as on a wall calendar.
fn weekday_de(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "Mo",
        Weekday::Tue => "Di",
        Weekday::Wed => "Mi",
        Weekday::Thu => "Do",
        Weekday::Fri => "Fr",
        Weekday::Sat => "Sa",
        Weekday::Sun => "So",
    }
}

/// A day as a clerk writes it, with its weekday: "Di 31.05.2022".
fn day_de(day: NaiveDate) -> String {
    format!("{} {}", weekday_de(day), day.format("%d.%m.%Y"))
}

/// The calendar as a table with German headers, columns aligned, no trailing blanks.
fn text_table(year: i32, dates: &[TertialDates]) -> String {
    let header = [
        "Tertial",
        "Code",
        "Zeitraum",
        "Berichtsstichtag",
        "Berichtsfrist",
    ]
    .map(String::from);
    let rows: Vec<[String; 5]> = dates
        .iter()
        .map(|entry| {
            [
                format!("{}. Tertial", entry.tertial.period().roman()),
                entry.tertial.to_string(),
                format!(
                    "{} – {}",
                    entry.start.format("%d.%m.%Y"),
                    entry.cut_off.format("%d.%m.%Y")
                ),
                day_de(entry.cut_off),
                day_de(entry.deadline),
            ]
        })
        .collect();
    let mut widths = [0; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let rule = widths.map(|width| "-".repeat(width));
    let line = |cells: &[String; 5]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut table = format!("Berichtskalender {year}\n\n");
    table.push_str(&line(&header));
    table.push_str(&line(&rule));
    for row in &rows {
        table.push_str(&line(row));
    }
    table.push_str(
        "\nBerichtsstichtag: letzter Tag des Tertials. \
         Berichtsfrist: letzter Tag des Folgemonats.\n",
    );
    table
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn text(year: i32) -> String {
        let mut out = Vec::new();
        run(&mut out, year, CalendarFormat::Text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_table_of_2022() {
        let expected = "\
Berichtskalender 2022

Tertial       Code     Zeitraum                 Berichtsstichtag  Berichtsfrist
------------  -------  -----------------------  ----------------  -------------
I. Tertial    2022-T1  01.01.2022 – 30.04.2022  Sa 30.04.2022     Di 31.05.2022
II. Tertial   2022-T2  01.05.2022 – 31.08.2022  Mi 31.08.2022     Fr 30.09.2022
III. Tertial  2022-T3  01.09.2022 – 31.12.2022  Sa 31.12.2022     Di 31.01.2023

Berichtsstichtag: letzter Tag des Tertials. Berichtsfrist: letzter Tag des Folgemonats.
";
        assert_eq!(text(2022), expected);
    }

    #[test]
    fn columns_line_up_and_lines_have_no_trailing_blanks() {
        let output = text(1999);
        let table: Vec<Vec<char>> = output
            .lines()
            .skip(2)
            .take(5)
            .map(|l| l.chars().collect())
            .collect();
        let header: String = table[0].iter().collect();
        let code = header.find("Code").unwrap();
        let deadline = header.chars().count() - "Berichtsfrist".len();
        for row in &table {
            assert_ne!(row.last(), Some(&' '));
            assert_eq!(row[code - 1], ' ');
            assert_eq!(row[deadline - 1], ' ');
        }
        for row in &table[2..] {
            let cells: String = row[code..].iter().collect();
            assert!(cells.starts_with("1999-T"), "{cells}");
            let cells: String = row[deadline..].iter().collect();
            assert_eq!(cells.chars().count(), "Fr 31.12.1999".len(), "{cells}");
        }
    }

    #[test]
    fn json_and_ics_still_work() {
        let mut out = Vec::new();
        run(&mut out, 2022, CalendarFormat::Json).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json[2]["deadline"], "2023-01-31");
        let mut out = Vec::new();
        run(&mut out, 2022, CalendarFormat::Ics).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with("BEGIN:VCALENDAR")
        );
    }
}
