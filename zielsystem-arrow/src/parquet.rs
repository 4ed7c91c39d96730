//! Parquet export: one file, or a folder partitioned by authority and year in the Hive layout
//! (`authority=Bezirksamt%20Mitte%20von%20Berlin/year=2022/part-0.parquet`) that `DuckDB`, Spark and
//! polars read as one table. Snappy-compressed; the Arrow schema (ordered dictionaries, German
//! headers in the field metadata) travels in the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::export::{ExportError, write_atomically};
use crate::table::{ArrowRow, Column, record_batch, record_batch_of, record_batch_of_refs};

fn parquet_error(error: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet(error.to_string())
}

fn batch_to_parquet(batch: &RecordBatch) -> Result<Vec<u8>, ExportError> {
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(Vec::new(), batch.schema(), Some(properties))
        .map_err(parquet_error)?;
    writer.write(batch).map_err(parquet_error)?;
    writer.into_inner().map_err(parquet_error)
}

/// The rows as the bytes of one Parquet file.
pub fn to_parquet<R: ArrowRow>(rows: &[R]) -> Result<Vec<u8>, ExportError> {
    batch_to_parquet(&record_batch(rows)?)
}

/// A record batch as the bytes of one Parquet file.
pub fn batch_to_parquet_bytes(batch: &RecordBatch) -> Result<Vec<u8>, ExportError> {
    batch_to_parquet(batch)
}

/// A partition value as a folder name: percent-encoded except for letters, digits, `.`, `_`, `-`.
fn partition_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Writes the rows into the folder `out`, one Parquet file per authority and year
/// (`authority=…/year=…/part-0.parquet`; the two columns live in the folder names, as the Hive
/// layout has them). The folder is built beside `out` and renamed into place at the end; an existing
/// `out` is refused. A row type without authority and year goes into one `part-0.parquet`.
pub fn write_partitioned<R: ArrowRow>(rows: &[R], out: &Path) -> Result<usize, ExportError> {
    write_partitioned_with(R::columns(), rows, out)
}

/// [`write_partitioned`] with the given columns.
pub fn write_partitioned_with<R: ArrowRow>(
    all_columns: Vec<Column<R>>,
    rows: &[R],
    out: &Path,
) -> Result<usize, ExportError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ExportError::Io { path, source }
    };
    if out.exists() {
        return Err(ExportError::Io {
            path: out.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "existiert bereits / already exists",
            ),
        });
    }
    let file_name = out
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = out.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::create_dir_all(&temporary).map_err(io(&temporary))?;
    let result = (|| {
        let (partition, columns): (Vec<Column<R>>, Vec<Column<R>>) = all_columns
            .into_iter()
            .partition(|c| matches!(c.name, "authority" | "year"));
        let mut parts: BTreeMap<Option<(&str, i32)>, Vec<&R>> = BTreeMap::new();
        for row in rows {
            parts.entry(row.authority_year()).or_default().push(row);
        }
        if rows.is_empty() {
            // No rows: one empty file of the whole schema, so readers still find the columns.
            let path = temporary.join("part-0.parquet");
            let all: Vec<Column<R>> = partition.into_iter().chain(columns).collect();
            std::fs::write(&path, batch_to_parquet(&record_batch_of(&all, &[])?)?)
                .map_err(io(&path))?;
            return Ok(1);
        }
        for (key, part) in &parts {
            let folder = match key {
                Some((authority, year)) => temporary
                    .join(format!("authority={}", partition_value(authority)))
                    .join(format!("year={year}")),
                None => temporary.clone(),
            };
            std::fs::create_dir_all(&folder).map_err(io(&folder))?;
            let batch = if key.is_some() {
                record_batch_of(&columns, part)?
            } else {
                let all: Vec<&Column<R>> = partition.iter().chain(&columns).collect();
                record_batch_of_refs(&all, part)?
            };
            let path = folder.join("part-0.parquet");
            std::fs::write(&path, batch_to_parquet(&batch)?).map_err(io(&path))?;
        }
        Ok(parts.len())
    })();
    match result {
        Ok(files) => {
            std::fs::rename(&temporary, out).map_err(io(out))?;
            Ok(files)
        }
        Err(error) => {
            let _ = std::fs::remove_dir_all(&temporary);
            Err(error)
        }
    }
}

/// Writes the rows as one Parquet file at `path` (atomically).
pub fn write_file<R: ArrowRow>(rows: &[R], path: &Path) -> Result<(), ExportError> {
    write_atomically(path, &to_parquet(rows)?)
}
