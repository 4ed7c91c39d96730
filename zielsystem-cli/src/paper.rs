//! `zielsystem paper REPORT.json --format md|html|pdf|oparl [-o OUT]`: the paper that belongs to the
//! report's stage — the Bezirksamtsvorlage zur Beschlussfassung for a draft, the Vorlage zur
//! Kenntnisnahme for the council once the Bezirksamt has decided.
//!
//! `--format oparl -o DIR/paper.json` writes the hand-over folder for the council's information
//! system: the paper as PDF (the OParl main file), the report as JSON and the traffic-light matrix
//! as SVG (auxiliary files), the paper as HTML (its web page) and, last, `paper.json`, the
//! `oparl:Paper` whose sizes and checksums are those of the files beside it. The URLs come from
//! `--config FILE` (JSON) and the `--…-url` options (options win); a required one missing refuses
//! the command and names it.
//!
//! The paper is checked (BV01–BV04, numbers in the authority's pattern from the report) before
//! anything is written: with an error finding nothing is written and the exit code is 1; 2 on
//! usage or I/O errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use zielsystem_core::TertialReport;
use zielsystem_core::model::paper::{Paper, council_paper, decision_paper};
use zielsystem_core::oparl::{FileFacts, HandOver, OparlConfig};
use zielsystem_core::render::{RenderOptions, html, markdown};
use zielsystem_core::rules::validate_paper_with;

use crate::Failure;
use crate::input::{parse_file, read};
use crate::lifecycle::write_atomically;
use crate::report::{ReportFormat, print_findings, render};

/// Output formats of `paper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PaperFormat {
    /// Markdown.
    Md,
    /// A self-contained, print-ready HTML page.
    Html,
    /// PDF (A4).
    Pdf,
    /// OParl 1.1: the hand-over folder with `oparl:Paper` (only once the Bezirksamt has decided).
    Oparl,
}

/// The arguments of `paper`.
#[derive(Debug, clap::Args)]
pub(crate) struct PaperArgs {
    /// Der Tertialbericht (JSON).
    #[arg(value_name = "REPORT")]
    report: PathBuf,
    /// Ausgabeformat.
    #[arg(long, value_enum)]
    format: PaperFormat,
    /// Ausgabedatei; bei `oparl` die Datei `paper.json` im Übergabeordner (z. B. `uebergabe/paper.json`).
    /// Ohne: Standardausgabe (nur md und html).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// OParl: Konfigurationsdatei (JSON) mit `base_url`, `body_url`, `originator_url`,
    /// `council_url` und optional `meeting_url`, `web_url`; die Optionen unten gehen vor.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// OParl: Adresse, unter der der Übergabeordner veröffentlicht wird.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// OParl: URL der Körperschaft (oparl:Body).
    #[arg(long, value_name = "URL")]
    body_url: Option<String>,
    /// OParl: URL des Bezirksamts als einreichende Organisation (oparl:Organization).
    #[arg(long, value_name = "URL")]
    originator_url: Option<String>,
    /// OParl: URL der Bezirksverordnetenversammlung (oparl:Organization).
    #[arg(long, value_name = "URL")]
    council_url: Option<String>,
    /// OParl: URL der Sitzung der BVV (oparl:Meeting), soweit bekannt.
    #[arg(long, value_name = "URL")]
    meeting_url: Option<String>,
    /// OParl: URL der Webseite der Vorlage; ohne: die HTML-Fassung im Übergabeordner.
    #[arg(long, value_name = "URL")]
    web_url: Option<String>,
}

/// Why this build writes no PDF: the PDF renderer is a crate of its own, wired in here.
/// The paper of the report's stage as PDF: the one function every PDF of this command (the
/// `pdf` format and the OParl main file) comes from.
#[cfg(feature = "pdf")]
pub(crate) fn paper_pdf(report: &TertialReport) -> Result<Vec<u8>, Failure> {
    Ok(zielsystem_pdf::current_paper_pdf(
        report,
        zielsystem_core::render::RenderOptions::default(),
    )?)
}

/// Without the `pdf` feature there is no typesetter in the build: said, never faked.
#[cfg(not(feature = "pdf"))]
pub(crate) fn paper_pdf(_report: &TertialReport) -> Result<Vec<u8>, Failure> {
    Err(Failure(
        "PDF-Ausgabe ist in diesem Build nicht verfügbar (ohne Feature „pdf“) / PDF rendering not available in this build (feature \"pdf\" off)".to_string(),
    ))
}

/// The paper of the report's stage as data: the council's once decided, else the Bezirksamt's.
fn current_paper(report: &TertialReport) -> Paper {
    council_paper(report).unwrap_or_else(|| decision_paper(report))
}

pub(crate) fn run(out: &mut impl Write, args: &PaperArgs) -> Result<u8, Failure> {
    let report: TertialReport = parse_file(&args.report)?;
    let checked = validate_paper_with(&current_paper(&report), report.context.numbering.as_ref());
    let mut stderr = std::io::stderr().lock();
    print_findings(&mut stderr, "Vorlage", &checked.findings)?;
    if !checked.valid {
        writeln!(stderr, "Vorlage: nicht geschrieben")?;
        return Ok(1);
    }
    let options = RenderOptions::default();
    let text = |markup: Option<String>, decision: String| markup.unwrap_or(decision);
    match args.format {
        PaperFormat::Md => {
            let paper = text(
                markdown::council_paper(&report, options),
                markdown::decision_paper(&report, options),
            );
            emit(out, args.output.as_deref(), paper.as_bytes())?;
        }
        PaperFormat::Html => {
            let paper = text(
                html::council_paper(&report, options),
                html::decision_paper(&report, options),
            );
            emit(out, args.output.as_deref(), paper.as_bytes())?;
        }
        PaperFormat::Pdf => {
            let path = args
                .output
                .as_deref()
                .ok_or_else(|| Failure("PDF nur mit -o DATEI".to_string()))?;
            write_atomically(path, &paper_pdf(&report)?)?;
        }
        PaperFormat::Oparl => {
            let path = args
                .output
                .as_deref()
                .ok_or_else(|| Failure("OParl nur mit -o ORDNER/paper.json".to_string()))?;
            hand_over(&report, &config(args)?, path)?;
        }
    }
    Ok(0)
}

fn emit(out: &mut impl Write, output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => write_atomically(path, bytes),
        None => Ok(out.write_all(bytes)?),
    }
}

/// The OParl configuration: the options over the configuration file.
fn config(args: &PaperArgs) -> Result<OparlConfig, Failure> {
    let options = OparlConfig {
        base_url: args.base_url.clone(),
        body_url: args.body_url.clone(),
        originator_url: args.originator_url.clone(),
        council_url: args.council_url.clone(),
        meeting_url: args.meeting_url.clone(),
        web_url: args.web_url.clone(),
    };
    let file = match &args.config {
        Some(path) => OparlConfig::from_json(&read(path)?.bytes)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?,
        None => OparlConfig::default(),
    };
    Ok(options.or(file))
}

/// Writes the hand-over folder of `paper_path` (`DIR/paper.json`): every file's bytes are made and
/// the `oparl:Paper` built from them before the first is written, so a refusal writes nothing.
fn hand_over(
    report: &TertialReport,
    config: &OparlConfig,
    paper_path: &Path,
) -> Result<(), Failure> {
    let paper_file_name = paper_path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| Failure(format!("{}: kein Dateiname", paper_path.display())))?;
    report.check_oparl(config)?;
    let dir = paper_path.parent().unwrap_or_else(|| Path::new(""));
    let tertial = report.tertial;
    let stem = format!("vorlage-bvv-{tertial}");
    let pdf = paper_pdf(report)?;
    let mut json = serde_json::to_string_pretty(report)?;
    json.push('\n');
    let svg = render(report, ReportFormat::Svg)?;
    let web = html::council_paper(report, RenderOptions::default()).unwrap_or_default();
    let files: Vec<(FileFacts, &[u8])> = vec![
        (
            FileFacts::of(
                format!("{stem}.pdf"),
                "Vorlage zur Kenntnisnahme (PDF)",
                "application/pdf",
                &pdf,
            ),
            &pdf,
        ),
        (
            FileFacts::of(
                format!("bericht-{tertial}.json"),
                "Tertialbericht (JSON)",
                "application/json",
                json.as_bytes(),
            ),
            json.as_bytes(),
        ),
        (
            FileFacts::of(
                format!("ampel-{tertial}.svg"),
                "Ampelübersicht (SVG)",
                "image/svg+xml",
                svg.as_slice(),
            ),
            svg.as_slice(),
        ),
    ];
    let web_file_name = format!("{stem}.html");
    let mut facts = files.iter().map(|(facts, _)| facts.clone());
    let main_file = facts
        .next()
        .ok_or_else(|| Failure("keine Hauptdatei".to_string()))?;
    let hand_over = HandOver {
        paper_file_name,
        main_file,
        auxiliary_files: facts.collect(),
        web_file_name: Some(web_file_name.clone()),
        written_at: written_at(),
    };
    let paper = report.to_oparl(config, &hand_over)?;
    let mut paper_json = serde_json::to_string_pretty(&paper)?;
    paper_json.push('\n');
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    }
    for (facts, bytes) in &files {
        write_atomically(&dir.join(&facts.file_name), bytes)?;
    }
    write_atomically(&dir.join(&web_file_name), web.as_bytes())?;
    write_atomically(paper_path, paper_json.as_bytes())
}

/// The time of writing: `SOURCE_DATE_EPOCH` (seconds, for reproducible hand-overs) or the clock.
fn written_at() -> NaiveDateTime {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|text| text.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_secs().try_into().unwrap_or(0))
        });
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .naive_utc()
}
