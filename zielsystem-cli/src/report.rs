//! `zielsystem report --system S --tertial 2022-T1 [--as-of DATE] [--previous SHEET ...]
//! [--format md|html|json|svg|pdf] [--review-log LOG] [-o FILE] SHEET ...`: consolidates the sheets
//! of a tertial into the report and writes it (PDF: the Bezirksamtsvorlage with its Anlage, into a
//! file only); with the review log, each goal's accepted version counts and the report lists every
//! version's digest (the log is checked first, RV01–RV04). Exit code 0 when the report has no error finding, 1 when it has (the
//! report is written all the same: a draft with missing sheets is a normal working state), 2 on
//! usage or I/O errors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use zielsystem_core::rules::{ReviewContext, validate_review_log};
use zielsystem_core::{
    Document, Finding, ReportSheet, ReviewLog, TargetSystem, Tertial, TertialReport, consolidate,
    consolidate_reviewed,
};

use crate::Failure;
use crate::input::{parse_file, parse_files, terminal_safe};
use zielsystem_core::decode::limits::FINDINGS_MAX;

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    /// Markdown: the Vorlage with the report as appendix.
    Md,
    /// Self-contained HTML page (print-ready, with the traffic-light matrix).
    Html,
    /// The report as JSON (tertial-report.schema.json).
    Json,
    /// The traffic-light matrix alone, as SVG.
    Svg,
    /// The Vorlage with the report as appendix, as PDF (PDF/A-2a, PDF/UA-1); only with `-o FILE`.
    #[cfg(feature = "pdf")]
    Pdf,
}

/// The arguments of `report`.
#[derive(Debug, clap::Args)]
pub(crate) struct ReportArgs {
    /// Das Zielsystem (JSON).
    #[arg(long)]
    system: PathBuf,
    /// Das Berichtstertial, z. B. 2022-T1.
    #[arg(long)]
    tertial: Tertial,
    /// Stand des Berichts (JJJJ-MM-TT); ohne: heute.
    #[arg(long, value_parser = strict_date)]
    as_of: Option<NaiveDate>,
    /// Berichtsblätter früherer Tertiale des Jahres (für Ampelveränderungen und die Übersicht).
    #[arg(long = "previous", value_name = "SHEET")]
    previous: Vec<PathBuf>,
    /// Ausgabeformat.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    format: ReportFormat,
    /// Ausgabedatei; ohne: Standardausgabe.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Das Prüfprotokoll des Tertials (JSON): dann zählt je Ziel die angenommene Fassung, und der
    /// Bericht nennt jede Fassung mit Prüfsumme.
    #[arg(long = "review-log", value_name = "LOG")]
    review_log: Option<PathBuf>,
    /// Die Berichtsblätter des Tertials (JSON).
    #[arg(value_name = "SHEET")]
    sheets: Vec<PathBuf>,
}

/// A date exactly `YYYY-MM-DD`, as in the documents (chrono alone also reads `2022-5-1`).
pub(crate) fn strict_date(text: &str) -> Result<NaiveDate, String> {
    zielsystem_core::model::date::parse(text)
        .ok_or_else(|| "kein Datum der Form JJJJ-MM-TT / not a date YYYY-MM-DD".to_string())
}

/// Today's date (UTC), from the system clock.
pub(crate) fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// The report in `format`.
pub(crate) fn render(report: &TertialReport, format: ReportFormat) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        ReportFormat::Md => report.to_markdown().into_bytes(),
        ReportFormat::Html => report.to_html().into_bytes(),
        ReportFormat::Svg => report.to_svg().into_bytes(),
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(report)?;
            text.push('\n');
            text.into_bytes()
        }
        #[cfg(feature = "pdf")]
        ReportFormat::Pdf => zielsystem_pdf::paper_pdf(
            report,
            zielsystem_pdf::PaperKind::Decision,
            zielsystem_core::render::RenderOptions::default(),
        )?,
    })
}

/// Whether `format` is binary: it is written into a file, never onto a terminal.
fn is_binary(format: ReportFormat) -> bool {
    #[cfg(feature = "pdf")]
    if format == ReportFormat::Pdf {
        return true;
    }
    let _ = format;
    false
}

pub(crate) fn run(out: &mut impl Write, args: &ReportArgs) -> Result<u8, Failure> {
    if is_binary(args.format) && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure(
            "PDF ist binär und gehört in eine Datei: -o DATEI angeben (oder umleiten) / PDF is binary: give -o FILE (or redirect)".to_string(),
        ));
    }
    let system: TargetSystem = parse_file(&args.system)?;
    let sheets = parse_files::<ReportSheet>(&args.sheets)?;
    let previous = parse_files::<ReportSheet>(&args.previous)?;
    let as_of = args.as_of.unwrap_or_else(today);
    // The rules of the documents themselves (TS, RS) come first: the steering service sees every
    // problem of the inputs, not only those of the consolidation (TR).
    let mut stderr = std::io::stderr().lock();
    let mut input_errors = false;
    let system_result = system.validate(None);
    input_errors |= !system_result.valid;
    print_findings(
        &mut stderr,
        &args.system.display().to_string(),
        &system_result.findings,
    )?;
    let history: Vec<ReportSheet> = previous.iter().chain(&sheets).cloned().collect();
    let report = match args.review_log.as_deref() {
        Some(path) => {
            let log: ReviewLog = parse_file(path)?;
            let context = ReviewContext {
                system: Some(&system),
                sheets: &history,
            };
            let result = validate_review_log(&log, context);
            input_errors |= !result.valid;
            print_findings(&mut stderr, &path.display().to_string(), &result.findings)?;
            consolidate_reviewed(&system, &sheets, args.tertial, as_of, &previous, &log)
        }
        None => consolidate(&system, &sheets, args.tertial, as_of, &previous),
    };
    for (path, sheet) in args.sheets.iter().zip(&sheets) {
        // A version the review log superseded (returned, then corrected) is not in the report: its
        // findings are why it went back, not a problem of the report.
        if args.review_log.is_some() && !report.sheets.contains(sheet) {
            writeln!(
                stderr,
                "{}: ersetzte Fassung laut Prüfprotokoll, nicht im Bericht",
                terminal_safe(&path.display().to_string())
            )?;
            continue;
        }
        let result = sheet.validate((&system, &history));
        input_errors |= !result.valid;
        print_findings(&mut stderr, &path.display().to_string(), &result.findings)?;
    }
    let bytes = render(&report, args.format)?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        }
        None => out.write_all(&bytes)?,
    }
    print_findings(&mut stderr, "Bericht", &report.findings)?;
    Ok(u8::from(input_errors || report.has_errors()))
}

/// One line per finding on stderr: `<document>: error[CODE] <path>: <message>`.
pub(crate) fn print_findings(
    out: &mut impl Write,
    document: &str,
    findings: &[Finding],
) -> Result<(), Failure> {
    for finding in findings.iter().take(FINDINGS_MAX) {
        writeln!(
            out,
            "{}: {}[{}] {}: {}",
            terminal_safe(document),
            finding.severity.as_str(),
            finding.code,
            terminal_safe(&finding.path),
            terminal_safe(&finding.message)
        )?;
    }
    if findings.len() > FINDINGS_MAX {
        writeln!(
            out,
            "{}: … und {} weitere Befunde",
            terminal_safe(document),
            findings.len() - FINDINGS_MAX
        )?;
    }
    Ok(())
}
