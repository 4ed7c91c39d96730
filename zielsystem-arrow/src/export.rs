//! Exports a steering service opens: CSV (plain UTF-8, or semicolons with a byte-order mark and
//! German headers, labels, dates and decimal commas for German Excel), XLSX with German headers and
//! labels and a frozen header row, and Parquet (behind the `parquet` feature; see
//! [`crate::parquet`]).
//!
//! Free texts (titles, risks, countermeasures, …) come from sheets anyone can fill in. A text that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula by a
//! spreadsheet (CSV injection); CSV cells of free text get a leading `'` then, as OWASP recommends.
//! XLSX cells are written as string cells, which a spreadsheet never evaluates.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use crate::table::{ArrowRow, Column, Value};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing CSV failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing XLSX failed.
    #[error("XLSX: {0}")]
    Xlsx(#[from] XlsxError),
    /// Building the Arrow table failed.
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// Writing Parquet failed.
    #[error("Parquet: {0}")]
    Parquet(String),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// The two CSV dialects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// UTF-8, commas, the JSON column names and values, ISO dates, decimal points: for programs.
    #[default]
    Plain,
    /// For German Excel: a byte-order mark, semicolons, German headers and labels, dates as
    /// `31.05.2022`, decimal commas.
    Excel,
}

/// Whether `text` would start a formula in a spreadsheet.
pub fn is_formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text`, with a leading `'` when a spreadsheet would read it as a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if is_formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn number(value: f64, german: bool) -> String {
    let text = value.to_string();
    if german { text.replace('.', ",") } else { text }
}

fn day(value: NaiveDate, german: bool) -> String {
    if german {
        value.format("%d.%m.%Y").to_string()
    } else {
        value.to_string()
    }
}

/// One cell as text for CSV; empty for a missing value.
fn cell_text<'a, R>(column: &Column<R>, row: &'a R, german: bool) -> Cow<'a, str> {
    let empty = Cow::Borrowed("");
    match column.value {
        Value::Text(get) => get(row).map_or(empty, Cow::Borrowed),
        Value::FreeText(get) => get(row).map_or(empty, neutralise),
        Value::TextList(get) => Cow::Owned(
            get(row)
                .iter()
                .map(|id| neutralise(id).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Int32(get) => get(row).map_or(empty, |v| Cow::Owned(v.to_string())),
        Value::UInt32(get) => get(row).map_or(empty, |v| Cow::Owned(v.to_string())),
        Value::Float64(get) => get(row).map_or(empty, |v| Cow::Owned(number(v, german))),
        Value::Date(get) => get(row).map_or(empty, |v| Cow::Owned(day(v, german))),
        Value::Bool(get) => get(row).map_or(empty, |v| {
            Cow::Borrowed(match (v, german) {
                (true, true) => "ja",
                (false, true) => "nein",
                (true, false) => "true",
                (false, false) => "false",
            })
        }),
        Value::Category(category, get) => get(row).map_or(empty, |index| {
            Cow::Borrowed(if german {
                category.label_de(index)
            } else {
                category.value(index)
            })
        }),
        Value::Tertial(get) => get(row).map_or(empty, |t| {
            Cow::Owned(if german { t.label_de() } else { t.to_string() })
        }),
    }
}

/// The rows as CSV in `dialect`, every row after one header row.
pub fn to_csv<R: ArrowRow>(rows: &[R], dialect: CsvDialect) -> Result<Vec<u8>, ExportError> {
    to_csv_with(&R::columns(), rows, dialect)
}

/// The rows as CSV of the given columns.
pub fn to_csv_with<R>(
    columns: &[Column<R>],
    rows: &[R],
    dialect: CsvDialect,
) -> Result<Vec<u8>, ExportError> {
    let german = dialect == CsvDialect::Excel;
    let mut bytes = Vec::new();
    if german {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if german { b';' } else { b',' })
        .terminator(if german {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(bytes);
    writer.write_record(
        columns
            .iter()
            .map(|c| if german { c.header_de } else { c.name }),
    )?;
    for row in rows {
        writer.write_record(
            columns
                .iter()
                .map(|c| cell_text(c, row, german).into_owned()),
        )?;
    }
    writer
        .into_inner()
        .map_err(|error| ExportError::Csv(error.into_error().into()))
}

/// The rows as an XLSX workbook of one sheet: German headers (bold, frozen, with a filter),
/// German labels, dates as dates, numbers as numbers, text as string cells.
pub fn to_xlsx<R: ArrowRow>(rows: &[R]) -> Result<Vec<u8>, ExportError> {
    to_xlsx_with(&R::columns(), rows, R::TITLE_DE)
}

/// The rows as an XLSX workbook of the given columns, its sheet named `title`.
pub fn to_xlsx_with<R>(
    columns: &[Column<R>],
    rows: &[R],
    title: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(title)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#DDE5EE");
    let date = Format::new()
        .set_num_format("dd.mm.yyyy")
        .set_align(FormatAlign::Center);
    // Whole numbers (years, counts) centred, so a year never runs into the id beside it.
    let whole = Format::new().set_align(FormatAlign::Center);
    let decimal = Format::new().set_num_format("#,##0.0");
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| c.header_de.chars().count().clamp(8, 24))
        .collect();
    for (index, column) in columns.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, column.header_de, &header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (index, column) in columns.iter().enumerate() {
            let col = u16::try_from(index).unwrap_or(u16::MAX);
            let mut text_width = 0;
            match column.value {
                Value::Int32(get) => {
                    if let Some(v) = get(row) {
                        sheet.write_number_with_format(line, col, f64::from(v), &whole)?;
                    }
                }
                Value::UInt32(get) => {
                    if let Some(v) = get(row) {
                        sheet.write_number_with_format(line, col, f64::from(v), &whole)?;
                    }
                }
                Value::Float64(get) => {
                    if let Some(v) = get(row).filter(|v| v.is_finite()) {
                        sheet.write_number_with_format(line, col, v, &decimal)?;
                    }
                }
                Value::Date(get) => {
                    if let Some(v) = get(row) {
                        let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                            u16::try_from(chrono::Datelike::year(&v)).unwrap_or(1900),
                            u8::try_from(chrono::Datelike::month(&v)).unwrap_or(1),
                            u8::try_from(chrono::Datelike::day(&v)).unwrap_or(1),
                        )?;
                        sheet.write_datetime_with_format(line, col, &excel, &date)?;
                        text_width = 10;
                    }
                }
                _ => {
                    let text = cell_text(column, row, true);
                    // Strings cells are never formulas; the neutralising quote is not needed here.
                    let text = match column.value {
                        Value::FreeText(get) => get(row).map_or(text, Cow::Borrowed),
                        _ => text,
                    };
                    if !text.is_empty() {
                        text_width = text.chars().count();
                        sheet.write_string(line, col, text.as_ref())?;
                    }
                }
            }
            if let Some(width) = widths.get_mut(index) {
                *width = (*width).max(text_width.min(60));
            }
        }
    }
    for (index, width) in widths.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        sheet.set_column_width(col, (*width as f64) + 2.0)?;
    }
    sheet.set_row_height(0, 32)?;
    sheet.set_freeze_panes(1, 0)?;
    // On paper: landscape, one page wide, the header row on every page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    if !columns.is_empty() {
        let last_col = u16::try_from(columns.len() - 1).unwrap_or(u16::MAX);
        let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader never
/// sees half a file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.display().to_string(),
        source,
    };
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes).map_err(io)?;
    std::fs::rename(&temporary, path).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        io(error)
    })
}
