//! `zielsystem export`: one table of the analyses over the systems and sheets of one or many
//! authorities and years, as Parquet (one file or partitioned by authority and year), CSV (plain
//! or for German Excel) or XLSX with German headers. Documents that cannot be placed are counted
//! and listed, never dropped silently.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use zielsystem_arrow::{CsvDialect, Format, TableKind};
use zielsystem_core::analytics::corpus::LoadOptions;

use crate::Failure;
use crate::input::terminal_safe;

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// Parquet (with `--partition`: a folder, one file per authority and year).
    Parquet,
    /// CSV, UTF-8, commas, JSON column names and values.
    Csv,
    /// CSV for German Excel: byte-order mark, semicolons, German headers and labels.
    CsvExcel,
    /// XLSX with German headers and labels and a frozen header row.
    Xlsx,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Zielsysteme: JSON-Dateien, JSON Lines oder Verzeichnisse (wiederholbar; ohne: aus den
    /// Verzeichnissen der Berichtsblätter).
    #[arg(long)]
    system: Vec<PathBuf>,
    /// Berichtsblätter: JSON-Dateien, JSON Lines oder Verzeichnisse (auch mit `systems.jsonl` und
    /// `sheets.jsonl` wie von `zielsystem-gen`).
    #[arg(required = true)]
    sheets: Vec<PathBuf>,
    /// Welche Tabelle: attainment, countermeasures, indicators, risks, punctuality, problems.
    #[arg(long, default_value = "attainment", value_parser = |text: &str| text.parse::<TableKind>())]
    table: TableKind,
    /// Ausgabeformat.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Parquet nach Bezirksamt und Jahr aufteilen (Hive-Layout); `-o` ist dann ein Verzeichnis.
    #[arg(long)]
    partition: bool,
    /// Berichtsblätter mit Fehlerbefunden auslassen (sie werden weiter aufgeführt).
    #[arg(long)]
    valid_only: bool,
    /// Zieldatei (bei `--partition` Zielverzeichnis).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

pub(crate) fn run(out: &mut impl Write, args: &ExportArgs) -> Result<u8, Failure> {
    let format = match (args.format, args.partition) {
        (ExportFormat::Parquet, false) => Format::Parquet,
        (ExportFormat::Parquet, true) => Format::ParquetPartitioned,
        (_, true) => {
            return Err(Failure(
                "--partition gilt nur für --format parquet / only for parquet".into(),
            ));
        }
        (ExportFormat::Csv, false) => Format::Csv(CsvDialect::Plain),
        (ExportFormat::CsvExcel, false) => Format::Csv(CsvDialect::Excel),
        (ExportFormat::Xlsx, false) => Format::Xlsx,
    };
    let corpus = zielsystem_arrow::load::read_corpus(
        &args.system,
        &args.sheets,
        LoadOptions {
            valid_only: args.valid_only,
        },
    )?;
    let (rows, files) = zielsystem_arrow::write_table(&corpus, args.table, format, &args.output)?;
    let invalid = corpus.problems.iter().filter(|p| p.placed).count();
    writeln!(
        out,
        "Geschrieben: {} ({rows} Zeilen, {files} Datei(en)); {} Zielsysteme, {} von {} Berichtsblättern zugeordnet, {invalid} Dokumente mit Fehlerbefunden",
        terminal_safe(&args.output.display().to_string()),
        corpus.groups.len(),
        corpus.sheets_placed(),
        corpus.sheets_read,
    )?;
    let unplaced: Vec<_> = corpus.unplaced().collect();
    if !unplaced.is_empty() {
        writeln!(out, "Nicht zugeordnet: {} Dokumente", unplaced.len())?;
        for problem in unplaced {
            writeln!(
                out,
                "  {}: {}{}",
                terminal_safe(&problem.source),
                problem.reason.label_de(),
                if problem.codes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", problem.codes.join(", "))
                }
            )?;
        }
    }
    Ok(0)
}
