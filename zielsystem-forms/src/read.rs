//! Spreadsheet bytes to cell grids, within limits: the zip container is checked before any XML is
//! parsed (entry count, declared and actual uncompressed sizes, compression ratio), so a
//! decompression bomb is a finding, not exhausted memory; only cells inside a bounded area are kept.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Ods, Reader, Xlsx};
use chrono::NaiveDate;
use zielsystem_core::rules::catalogue::Twin;
use zielsystem_core::{Finding, Message};

/// Largest spreadsheet file read: 16 MiB (a filled form is some 20 KB).
pub const FILE_MAX_BYTES: usize = 16 * 1024 * 1024;
/// Most entries in the zip container.
pub const ZIP_MAX_ENTRIES: usize = 1_000;
/// Largest uncompressed entry: 32 MiB.
pub const ZIP_MAX_ENTRY_BYTES: u64 = 32 * 1024 * 1024;
/// Largest uncompressed total: 64 MiB.
pub const ZIP_MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Highest compression ratio of an entry above 1 MiB (XML of a real form compresses some 10:1).
pub const ZIP_MAX_RATIO: u64 = 100;
/// Rows and columns of a worksheet that are read; content beyond them is a finding.
pub const MAX_ROWS: u32 = 2_000;
/// See [`MAX_ROWS`].
pub const MAX_COLS: u32 = 64;

/// A cell's value as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number not formatted as a date.
    Number(f64),
    /// A date (a number formatted as a date, or an ISO date of ODS).
    Date(NaiveDate),
    /// A truth value.
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error(String),
}

/// One non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Its value (for a formula: the cached result, never taken over).
    pub value: Option<Value>,
    /// Its formula, where it has one.
    pub formula: Option<String>,
}

/// One worksheet.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The worksheet's name.
    pub name: String,
    /// Non-empty cells by zero-based (row, column).
    pub cells: BTreeMap<(u32, u16), Cell>,
}

/// The format of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Ods,
}

fn file_finding(message: Message) -> Finding {
    Finding::new(message, "")
}

fn limit(detail: &str, detail_en: &str, limit: String) -> Finding {
    file_finding(Message::FormZipLimit {
        detail: Twin::new(detail, detail_en),
        limit,
    })
}

fn not_spreadsheet(detail: &str, detail_en: &str) -> Finding {
    file_finding(Message::FormNotSpreadsheet {
        detail: Twin::new(detail, detail_en),
    })
}

/// Checks the container and tells XLSX from ODS.
#[allow(clippy::too_many_lines)] // One pass over the directory, each limit with its own message.
fn container(bytes: &[u8]) -> Result<Kind, Finding> {
    if bytes.len() > FILE_MAX_BYTES {
        return Err(limit(
            &format!("Dateigröße {} Bytes", bytes.len()),
            &format!("file size {} bytes", bytes.len()),
            format!("{FILE_MAX_BYTES} Bytes"),
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(file_finding(Message::FormOldExcel {}));
    }
    if !bytes.starts_with(b"PK") {
        return Err(not_spreadsheet("keine ZIP-Datei", "not a zip file"));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        not_spreadsheet(
            &format!("ZIP-Verzeichnis unlesbar: {e}"),
            &format!("unreadable zip directory: {e}"),
        )
    })?;
    if archive.len() > ZIP_MAX_ENTRIES {
        return Err(limit(
            &format!("{} Einträge im ZIP-Container", archive.len()),
            &format!("{} entries in the zip container", archive.len()),
            ZIP_MAX_ENTRIES.to_string(),
        ));
    }
    let mut total: u64 = 0;
    let mut kind = None;
    for index in 0..archive.len() {
        let (name, declared, compressed) = {
            let entry = archive.by_index_raw(index).map_err(|e| {
                not_spreadsheet(
                    &format!("ZIP-Eintrag unlesbar: {e}"),
                    &format!("unreadable zip entry: {e}"),
                )
            })?;
            (
                entry.name().to_string(),
                entry.size(),
                entry.compressed_size(),
            )
        };
        let check = |size: u64, what: &str| -> Result<(), Finding> {
            if size > ZIP_MAX_ENTRY_BYTES {
                return Err(limit(
                    &format!("Eintrag „{name}“ entpackt {size} Bytes{what}"),
                    &format!("entry \"{name}\" unpacks to {size} bytes{what}"),
                    format!("{ZIP_MAX_ENTRY_BYTES} Bytes"),
                ));
            }
            if size > 1024 * 1024 && size / compressed.max(1) > ZIP_MAX_RATIO {
                return Err(limit(
                    &format!(
                        "Eintrag „{name}“ ist {}-fach komprimiert",
                        size / compressed.max(1)
                    ),
                    &format!(
                        "entry \"{name}\" is compressed {}-fold",
                        size / compressed.max(1)
                    ),
                    format!("{ZIP_MAX_RATIO}-fach"),
                ));
            }
            Ok(())
        };
        check(declared, "")?;
        total = total.saturating_add(declared);
        if total > ZIP_MAX_TOTAL_BYTES {
            return Err(limit(
                &format!("entpackt mehr als {total} Bytes insgesamt"),
                &format!("unpacks to more than {total} bytes in total"),
                format!("{ZIP_MAX_TOTAL_BYTES} Bytes"),
            ));
        }
        // The directory may lie: unpack (into nothing) at most one byte more than declared.
        let actual = {
            let entry = archive.by_index(index).map_err(|e| {
                not_spreadsheet(
                    &format!("ZIP-Eintrag unlesbar: {e}"),
                    &format!("unreadable zip entry: {e}"),
                )
            })?;
            let mut counted = entry.take(declared.saturating_add(1));
            let mut mimetype = Vec::new();
            if name == "mimetype" {
                counted
                    .by_ref()
                    .take(200)
                    .read_to_end(&mut mimetype)
                    .map_err(|e| not_spreadsheet(&e.to_string(), &e.to_string()))?;
                if mimetype.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
                    kind = Some(Kind::Ods);
                }
            }
            std::io::copy(&mut counted, &mut std::io::sink()).map_err(|e| {
                not_spreadsheet(
                    &format!("ZIP-Eintrag „{name}“ beschädigt: {e}"),
                    &format!("zip entry \"{name}\" damaged: {e}"),
                )
            })? + mimetype.len() as u64
        };
        if actual != declared {
            return Err(limit(
                &format!(
                    "Eintrag „{name}“ entpackt anders als angegeben ({actual} statt {declared} Bytes)"
                ),
                &format!(
                    "entry \"{name}\" unpacks other than declared ({actual} instead of {declared} bytes)"
                ),
                format!("{declared} Bytes"),
            ));
        }
        if name == "xl/workbook.xml" && kind.is_none() {
            kind = Some(Kind::Xlsx);
        }
    }
    kind.ok_or_else(|| {
        not_spreadsheet("ZIP-Datei ohne Arbeitsmappe", "zip file without a workbook")
    })
}

fn date_of_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn value_of_ref(data: &DataRef<'_>) -> Option<Value> {
    match data {
        DataRef::Empty => None,
        DataRef::Int(n) => Some(Value::Number(*n as f64)),
        DataRef::Float(n) => Some(Value::Number(*n)),
        DataRef::String(s) => Some(Value::Text(s.clone())),
        DataRef::SharedString(s) => Some(Value::Text((*s).to_string())),
        DataRef::Bool(b) => Some(Value::Bool(*b)),
        DataRef::DateTime(d) => Some(
            d.as_datetime()
                .map(|t| t.date())
                .map_or(Value::Number(d.as_f64()), Value::Date),
        ),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Some(iso_date(s).map_or_else(|| Value::Text(s.clone()), Value::Date))
        }
        DataRef::Error(e) => Some(Value::Error(e.to_string())),
    }
}

fn value_of(data: &Data) -> Option<Value> {
    match data {
        Data::Empty => None,
        Data::Int(n) => Some(Value::Number(*n as f64)),
        Data::Float(n) => Some(Value::Number(*n)),
        Data::String(s) => Some(Value::Text(s.clone())),
        Data::Bool(b) => Some(Value::Bool(*b)),
        Data::DateTime(d) => Some(
            d.as_datetime()
                .map(|t| t.date())
                .map_or(Value::Number(d.as_f64()), Value::Date),
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Some(iso_date(s).map_or_else(|| Value::Text(s.clone()), Value::Date))
        }
        Data::Error(e) => Some(Value::Error(e.to_string())),
    }
}

/// A serial number as a date, for the reader's conversions.
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    date_of_serial(serial)
}

fn outside(name: &str, row: u32, col: u32) -> Finding {
    Finding::new(
        Message::FormOutsideArea {
            worksheet: name.to_string(),
            row: u64::from(row) + 1,
            column: crate::layout::column_name(u16::try_from(col).unwrap_or(u16::MAX)),
            limit: format!("{MAX_ROWS} × {MAX_COLS}"),
        },
        "",
    )
}

fn inside(row: u32, col: u32) -> Option<(u32, u16)> {
    (row < MAX_ROWS && col < MAX_COLS).then_some((row, col as u16))
}

fn unreadable(error: &dyn std::fmt::Display) -> Finding {
    file_finding(Message::FormUnreadable {
        detail: error.to_string(),
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Grid>, Finding> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let mut grids = Vec::new();
    for name in names {
        let mut grid = Grid {
            name: name.clone(),
            cells: BTreeMap::new(),
        };
        {
            let mut cells = book
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (row, col) = cell.get_position();
                let Some(value) = value_of_ref(cell.get_value()) else {
                    continue;
                };
                let position = inside(row, col).ok_or_else(|| outside(&name, row, col))?;
                grid.cells.insert(
                    position,
                    Cell {
                        value: Some(value),
                        formula: None,
                    },
                );
            }
        }
        {
            let mut cells = book
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_formula().map_err(|e| unreadable(&e))? {
                let (row, col) = cell.get_position();
                let formula = cell.get_value();
                if formula.is_empty() {
                    continue;
                }
                let position = inside(row, col).ok_or_else(|| outside(&name, row, col))?;
                grid.cells
                    .entry(position)
                    .or_insert(Cell {
                        value: None,
                        formula: None,
                    })
                    .formula = Some(formula.clone());
            }
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// Where an ODS table has content beyond the read area (repeated rows or columns can make a tiny
/// file stand for a huge sheet): checked on `content.xml` before calamine expands anything.
fn ods_extent(bytes: &[u8]) -> Result<(), Finding> {
    const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut xml = String::new();
    archive
        .by_name("content.xml")
        .map_err(|e| unreadable(&e))?
        .take(ZIP_MAX_ENTRY_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| unreadable(&e))?;
    let document = roxmltree::Document::parse(&xml).map_err(|e| unreadable(&e))?;
    let repeat = |node: roxmltree::Node<'_, '_>, attribute: &str| -> u64 {
        node.attribute((TABLE, attribute))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(1)
    };
    for table in document
        .descendants()
        .filter(|n| n.has_tag_name((TABLE, "table")))
    {
        let name = table.attribute((TABLE, "name")).unwrap_or_default();
        let mut row: u64 = 0;
        for row_node in table
            .descendants()
            .filter(|n| n.has_tag_name((TABLE, "table-row")))
        {
            let rows = repeat(row_node, "number-rows-repeated");
            let mut col: u64 = 0;
            for cell in row_node.children().filter(|n| {
                n.has_tag_name((TABLE, "table-cell"))
                    || n.has_tag_name((TABLE, "covered-table-cell"))
            }) {
                let cols = repeat(cell, "number-columns-repeated");
                let filled = cell.attribute((OFFICE, "value-type")).is_some()
                    || cell.attribute((TABLE, "formula")).is_some()
                    || cell.children().any(|c| c.is_element());
                if filled && (row + rows > u64::from(MAX_ROWS) || col + cols > u64::from(MAX_COLS))
                {
                    let at_row = u32::try_from(row + rows - 1).unwrap_or(u32::MAX);
                    let at_col = u32::try_from(col + cols - 1).unwrap_or(u32::MAX);
                    return Err(outside(name, at_row, at_col));
                }
                col = col.saturating_add(cols);
            }
            row = row.saturating_add(rows);
        }
    }
    Ok(())
}

fn read_ods(bytes: &[u8]) -> Result<Vec<Grid>, Finding> {
    ods_extent(bytes)?;
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let mut grid = Grid {
            name: name.clone(),
            cells: BTreeMap::new(),
        };
        let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
        for (row, col, data) in range.used_cells() {
            let Some(value) = value_of(data) else {
                continue;
            };
            let (row, col) = (
                range.start().map_or(0, |s| s.0) + row as u32,
                range.start().map_or(0, |s| s.1) + col as u32,
            );
            let position = inside(row, col).ok_or_else(|| outside(&name, row, col))?;
            grid.cells.insert(
                position,
                Cell {
                    value: Some(value),
                    formula: None,
                },
            );
        }
        let formulas = book.worksheet_formula(&name).map_err(|e| unreadable(&e))?;
        for (row, col, formula) in formulas.used_cells() {
            if formula.is_empty() {
                continue;
            }
            let (row, col) = (
                formulas.start().map_or(0, |s| s.0) + row as u32,
                formulas.start().map_or(0, |s| s.1) + col as u32,
            );
            let position = inside(row, col).ok_or_else(|| outside(&name, row, col))?;
            grid.cells
                .entry(position)
                .or_insert(Cell {
                    value: None,
                    formula: None,
                })
                .formula = Some(formula.clone());
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// The worksheets of a spreadsheet file, or the finding that says why there are none.
pub fn worksheets(bytes: &[u8]) -> Result<Vec<Grid>, Finding> {
    match container(bytes)? {
        Kind::Xlsx => read_xlsx(bytes),
        Kind::Ods => read_ods(bytes),
    }
}
