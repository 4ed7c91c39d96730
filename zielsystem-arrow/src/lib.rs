//! The analyses of `zielsystem-core` as Arrow tables, and their exports.
//!
//! Each row type of `zielsystem_core::analytics` has one table schema ([`ArrowRow`]): column
//! names, German headers, Arrow types — dates as `date32`, tertials and the closed vocabularies
//! (forecast, light, perspective, reporting status, …) as ordered dictionaries in the order of
//! their scale, counts as integers. The same schema gives the record batch handed to Python
//! without a copy (`__arrow_c_stream__`), the schema of an empty table, and the exports: Parquet
//! (feature `parquet`, also partitioned by authority and year), CSV (plain, or for German Excel)
//! and XLSX with German headers and labels. [`load`] reads corpora of many authorities and years
//! from disk.
//!
//! Adding a table: one `ArrowRow` implementation in [`tables`] and one [`TableKind`] arm.

pub mod export;
pub mod load;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod table;
pub mod tables;

use std::path::Path;

use zielsystem_core::analytics::Corpus;

pub use export::{
    CsvDialect, ExportError, neutralise, to_csv, to_csv_with, to_xlsx, to_xlsx_with,
    write_atomically,
};
pub use table::{ArrowRow, Category, Column, Value, record_batch, record_batch_of, schema};

/// Rows of one table with the columns they are shown in (all of the row type's, or a selection,
/// as for a summary by some dimensions).
pub struct Table<R> {
    rows: Vec<R>,
    columns: Vec<Column<R>>,
}

impl<R: ArrowRow> Table<R> {
    /// The rows with every column of their type.
    pub fn new(rows: Vec<R>) -> Self {
        Table {
            rows,
            columns: R::columns(),
        }
    }

    /// The rows with only the named columns, in the row type's order.
    pub fn with_columns(rows: Vec<R>, names: &[String]) -> Self {
        let columns = R::columns()
            .into_iter()
            .filter(|column| names.iter().any(|name| name == column.name))
            .collect();
        Table { rows, columns }
    }

    /// The rows.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// The columns.
    pub fn columns(&self) -> &[Column<R>] {
        &self.columns
    }

    /// The rows as one record batch.
    pub fn record_batch(&self) -> Result<arrow_array::RecordBatch, arrow_schema::ArrowError> {
        let rows: Vec<&R> = self.rows.iter().collect();
        record_batch_of(&self.columns, &rows)
    }

    /// Writes the table to `path` in `format`; returns the number of files written.
    pub fn write(&self, format: Format, path: &Path) -> Result<usize, ExportError> {
        match format {
            #[cfg(feature = "parquet")]
            Format::Parquet => write_atomically(
                path,
                &parquet::batch_to_parquet_bytes(&self.record_batch()?)?,
            )
            .map(|()| 1),
            #[cfg(feature = "parquet")]
            Format::ParquetPartitioned => parquet::write_partitioned_with(
                R::columns()
                    .into_iter()
                    .filter(|c| self.columns.iter().any(|own| own.name == c.name))
                    .collect(),
                &self.rows,
                path,
            ),
            Format::Csv(dialect) => {
                write_atomically(path, &to_csv_with(&self.columns, &self.rows, dialect)?)
                    .map(|()| 1)
            }
            Format::Xlsx => {
                write_atomically(path, &to_xlsx_with(&self.columns, &self.rows, R::TITLE_DE)?)
                    .map(|()| 1)
            }
        }
    }
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One Parquet file.
    #[cfg(feature = "parquet")]
    Parquet,
    /// A folder of Parquet files partitioned by authority and year (Hive layout).
    #[cfg(feature = "parquet")]
    ParquetPartitioned,
    /// CSV in one of its dialects.
    Csv(CsvDialect),
    /// An XLSX workbook with German headers and labels.
    Xlsx,
}

/// Writes `rows` to `path` in `format`; a file is written atomically. Returns the number of files
/// written.
pub fn write<R: ArrowRow>(rows: &[R], format: Format, path: &Path) -> Result<usize, ExportError> {
    match format {
        #[cfg(feature = "parquet")]
        Format::Parquet => parquet::write_file(rows, path).map(|()| 1),
        #[cfg(feature = "parquet")]
        Format::ParquetPartitioned => parquet::write_partitioned(rows, path),
        Format::Csv(dialect) => write_atomically(path, &to_csv(rows, dialect)?).map(|()| 1),
        Format::Xlsx => write_atomically(path, &to_xlsx(rows)?).map(|()| 1),
    }
}

/// The tables of a corpus that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// One row per goal and tertial ([`AttainmentRow`](zielsystem_core::analytics::AttainmentRow)).
    Attainment,
    /// Every goal of every year with its predecessors resolved
    /// ([`LineageRow`](zielsystem_core::analytics::LineageRow)).
    Lineage,
    /// Countermeasures × org units.
    Countermeasures,
    /// Indicator values against baseline and target.
    Indicators,
    /// Risks.
    Risks,
    /// Punctuality per member and tertial.
    Punctuality,
    /// The documents not placed or with error findings.
    Problems,
}

impl TableKind {
    /// Every table.
    pub const ALL: [TableKind; 7] = [
        TableKind::Attainment,
        TableKind::Countermeasures,
        TableKind::Indicators,
        TableKind::Risks,
        TableKind::Punctuality,
        TableKind::Problems,
        TableKind::Lineage,
    ];

    /// The table's name (as the CLI's `--table` and Python take it).
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Attainment => "attainment",
            TableKind::Countermeasures => "countermeasures",
            TableKind::Indicators => "indicators",
            TableKind::Risks => "risks",
            TableKind::Punctuality => "punctuality",
            TableKind::Problems => "problems",
            TableKind::Lineage => "lineage",
        }
    }
}

impl std::str::FromStr for TableKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        TableKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = TableKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "„{}“ ist keine Tabelle (erlaubt: {}) / is not a table",
                    text.chars().take(40).collect::<String>(),
                    names.join(", ")
                )
            })
    }
}

/// Writes one table of `corpus` to `path` in `format`; returns the rows and files written.
pub fn write_table(
    corpus: &Corpus,
    kind: TableKind,
    format: Format,
    path: &Path,
) -> Result<(usize, usize), ExportError> {
    fn rows_and_files<R: ArrowRow>(
        rows: &[R],
        format: Format,
        path: &Path,
    ) -> Result<(usize, usize), ExportError> {
        write(rows, format, path).map(|files| (rows.len(), files))
    }
    match kind {
        TableKind::Attainment => rows_and_files(&corpus.attainment_table(), format, path),
        TableKind::Countermeasures => rows_and_files(&corpus.countermeasure_table(), format, path),
        TableKind::Indicators => rows_and_files(&corpus.indicator_table(), format, path),
        TableKind::Risks => rows_and_files(&corpus.risk_table(), format, path),
        TableKind::Punctuality => rows_and_files(&corpus.punctuality_table(), format, path),
        TableKind::Problems => rows_and_files(&corpus.problems, format, path),
        TableKind::Lineage => rows_and_files(&corpus.lineage_table(), format, path),
    }
}
