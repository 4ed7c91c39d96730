//! The traffic-light matrix (goals × tertials of the year) as a self-contained SVG image, and the
//! small light icons of the HTML tables.
//!
//! Every light reads without colour: green is a circle, yellow a triangle, red a square, each with
//! its German word beside it; a goal without a sheet shows a dashed empty circle with its reporting
//! status ("ausstehend" before the deadline, "überfällig" after it), a tertial not yet reported "–".
//! User text (goal titles) is escaped by the template engine.

use serde::Serialize;

use super::engine;
pub use super::icon::light_icon;
use crate::calendar::Tertial;
use crate::model::tertial_report::TertialReport;
use crate::model::vocabulary::Light;

/// Width of the goal column, of a tertial column and height of a row, in px.
const LABEL_WIDTH: u32 = 310;
const CELL_WIDTH: u32 = 110;
const ROW_HEIGHT: u32 = 26;
/// Extra height of a row whose title needs a second line.
const SECOND_LINE: u32 = 14;
/// Height of the heading row above the goals of a perspective.
const GROUP_HEIGHT: u32 = 22;
const HEADER_HEIGHT: u32 = 48;
const LEGEND_HEIGHT: u32 = 88;
/// Characters per line of a goal title; titles wrap onto a second line, and what does not fit on
/// two lines is cut with "…" (the full title is in the row's `<title>`).
const TITLE_CHARS: usize = 44;

#[derive(Debug, Serialize)]
struct Column {
    x: u32,
    label: String,
    current: bool,
}

#[derive(Debug, Serialize)]
struct Cell {
    cx: u32,
    key: &'static str,
    label: &'static str,
    tooltip: String,
}

#[derive(Debug, Serialize)]
struct Row {
    y: u32,
    goal: String,
    /// Height of the row.
    height: u32,
    /// The perspective heading above this row, where the perspective begins, and its top.
    group: Option<&'static str>,
    group_y: u32,
    /// Baseline of the first line (cells are centred on it).
    baseline: u32,
    /// The title in one or two lines (the first after the goal id).
    lines: Vec<String>,
    full_title: String,
    cells: Vec<Cell>,
    shaded: bool,
}

#[derive(Debug, Serialize)]
struct LegendItem {
    x: u32,
    y: u32,
    key: &'static str,
    label: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct MatrixView {
    width: u32,
    height: u32,
    label_width: u32,
    title: String,
    description: String,
    columns: Vec<Column>,
    rows: Vec<Row>,
    grid_bottom: u32,
    legend_y: u32,
    legend: Vec<LegendItem>,
}

/// Wraps `text` at spaces into at most two lines of about `width` characters (the first line
/// `first_width`), cutting the rest with "…".
fn wrap(text: &str, first_width: usize, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let limit = if lines.len() == 1 { first_width } else { width };
        let current = lines.last().map_or(0, |line| line.chars().count());
        if current > 0 && current + 1 + word.chars().count() > limit {
            if lines.len() == 2 {
                let last = lines.pop().unwrap_or_default();
                lines.push(cut(&format!("{last} {word}"), width));
                return lines;
            }
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    let limit = if lines.len() == 1 { first_width } else { width };
    if let Some(line) = lines.last_mut() {
        *line = cut(line, limit);
    }
    lines
}

fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(limit.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

/// The cell of `goal` in `tertial`: a light, a missing sheet or a tertial not yet reported.
fn cell(report: &TertialReport, goal: &str, tertial: Tertial, cx: u32) -> Cell {
    let (key, label) = if tertial > report.tertial {
        ("open", "–")
    } else {
        match report
            .forecast_in(goal, tertial)
            .map(crate::Forecast::light)
        {
            Some(Light::Green) => ("green", "grün"),
            Some(Light::Yellow) => ("yellow", "gelb"),
            Some(Light::Red) => ("red", "rot"),
            // The current tertial says why: the deadline is still running or has passed.
            None if tertial == report.tertial => (
                "none",
                report
                    .goal(goal)
                    .map_or("kein Bericht", |entry| entry.reporting_status.label_de()),
            ),
            // Earlier tertials only show what the earlier sheets given say.
            None => ("unknown", "nicht vorgelegt"),
        }
    };
    let forecast = report
        .forecast_in(goal, tertial)
        .map_or(String::new(), |f| format!(": {}", f.label_de()));
    Cell {
        cx,
        key,
        label,
        tooltip: format!("{goal}, {}{forecast}", tertial.label_de()),
    }
}

/// The matrix of `report`: every goal of the report × the three tertials of its year.
pub fn matrix(report: &TertialReport) -> String {
    engine::render("matrix.svg", matrix_view(report))
}

/// What the matrix shows, laid out for the SVG; the PDF sets the same rows and cells as a table.
pub(crate) fn matrix_view(report: &TertialReport) -> MatrixView {
    let tertials =
        Tertial::of_year(report.tertial.year()).map_or_else(|_| vec![report.tertial], Vec::from);
    let width = LABEL_WIDTH + CELL_WIDTH * tertials.len() as u32;
    let columns = tertials
        .iter()
        .enumerate()
        .map(|(index, tertial)| Column {
            x: LABEL_WIDTH + CELL_WIDTH * index as u32,
            label: format!("{}. Tertial", tertial.period().roman()),
            current: *tertial == report.tertial,
        })
        .collect();
    let mut y = HEADER_HEIGHT;
    let mut perspective = None;
    let rows: Vec<Row> = report
        .goals
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let lines = wrap(
                &entry.title,
                TITLE_CHARS.saturating_sub(entry.goal.chars().count() + 1),
                TITLE_CHARS,
            );
            let group = (perspective != Some(entry.perspective)).then(|| {
                perspective = Some(entry.perspective);
                entry.perspective.label_de()
            });
            let group_y = y;
            if group.is_some() {
                y += GROUP_HEIGHT;
            }
            let height = ROW_HEIGHT + SECOND_LINE * (lines.len().saturating_sub(1) as u32);
            let row_y = y;
            y += height;
            (index, entry, lines, height, row_y, group, group_y)
        })
        .map(|(index, entry, lines, height, row_y, group, group_y)| Row {
            y: row_y,
            height,
            group,
            group_y,
            baseline: row_y + 17,
            goal: entry.goal.clone(),
            lines,
            full_title: entry.title.clone(),
            cells: tertials
                .iter()
                .enumerate()
                .map(|(column, tertial)| {
                    let cx = LABEL_WIDTH + CELL_WIDTH * column as u32 + 18;
                    cell(report, &entry.goal, *tertial, cx)
                })
                .collect(),
            shaded: index % 2 == 1,
        })
        .collect();
    let grid_bottom = y;
    let legend_y = grid_bottom + 24;
    let legend_entries: [(&str, &str); 6] = [
        ("green", "grün: erreicht / nicht gefährdet"),
        ("yellow", "gelb: gefährdet"),
        ("red", "rot: unwahrscheinlich / nicht erreicht"),
        ("none", "ausstehend / überfällig: Blatt fehlt"),
        ("unknown", "nicht vorgelegt: früheres Blatt fehlt"),
        ("open", "–: Tertial noch nicht berichtet"),
    ];
    let legend = legend_entries
        .iter()
        .enumerate()
        .map(|(index, (key, label))| LegendItem {
            x: 12 + (index as u32 % 2) * 310,
            y: legend_y + (index as u32 / 2) * 22,
            key,
            label,
        })
        .collect();
    MatrixView {
        width: width.max(2 * 310 + 12),
        height: legend_y + LEGEND_HEIGHT - 20,
        label_width: LABEL_WIDTH,
        title: format!(
            "Ampelübersicht Zielsystem {} – Stand {}",
            report.tertial.year(),
            report.tertial.label_de()
        ),
        description: "Risikoorientierte Einschätzung je Ziel und Tertial. Form und Wort zeigen die Ampel auch ohne Farbe: Kreis grün, Dreieck gelb, Quadrat rot.".to_string(),
        columns,
        rows,
        grid_bottom,
        legend_y,
        legend,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn titles_wrap_onto_two_lines_at_most() {
        assert_eq!(wrap("Kurz", 10, 10), ["Kurz"]);
        assert_eq!(wrap("eins zwei drei", 9, 9), ["eins zwei", "drei"]);
        let lines = wrap("eins zwei drei vier fünf sechs", 9, 9);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].ends_with('…') && lines[1].chars().count() <= 9,
            "{lines:?}"
        );
        assert_eq!(wrap("", 5, 5), [""]);
        assert_eq!(wrap("Überlangeswortohneleerzeichen", 8, 8), ["Überlan…"]);
    }
}
