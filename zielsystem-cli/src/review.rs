//! `zielsystem review receive|return|accept --log LOG …`: the steering service's day, one event
//! appended to the review log. The event is checked against the log (RV01–RV04, and RV02 against
//! `--system` and the sheets given) before anything is written; a refused event prints its
//! findings and leaves the file as it was. The new log is written to a temporary file beside it and
//! renamed over it, so a reader never sees half a log. Exit code 0 written, 1 refused, 2 usage or
//! I/O errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zielsystem_core::model::review_log::ReviewEntry;
use zielsystem_core::rules::{ReviewContext, append_entry, arrival};
use zielsystem_core::steering::holidays::add_working_days;
use zielsystem_core::{Code, ReportSheet, ReviewLog, TargetSystem};

use zielsystem_core::digest::sheet_digest;
use zielsystem_core::render::RenderOptions;
use zielsystem_core::render::return_letter::{
    ReturnLetterOptions, return_letter, returned_version,
};
use zielsystem_forms::{FormRequest, goal_form};

use crate::Failure;
use crate::form::file_stem;
use crate::input::{parse_file, parse_files, terminal_safe};
use crate::report::{print_findings, strict_date, today};

/// What the steering service records, with what it is checked against.
#[derive(Debug, clap::Args)]
pub(crate) struct ReviewArgs {
    #[command(subcommand)]
    event: Event,
}

/// Options every event shares.
#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// Das Prüfprotokoll (JSON); `receive` legt es an, wenn es fehlt.
    #[arg(long)]
    log: PathBuf,
    /// Wer im Steuerungsdienst das Ereignis festhält.
    #[arg(long)]
    reviewer: String,
    /// Tag des Ereignisses (JJJJ-MM-TT); ohne: heute.
    #[arg(long, value_parser = strict_date)]
    date: Option<NaiveDate>,
    /// Das Zielsystem (JSON), gegen das ein angenommenes Berichtsblatt geprüft wird (RV02).
    #[arg(long)]
    system: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
enum Event {
    /// Ein Berichtsblatt ist eingegangen (nach einer Rückgabe: erneut eingereicht).
    Receive {
        #[command(flatten)]
        common: Common,
        /// Das eingegangene Berichtsblatt (JSON).
        sheet: PathBuf,
    },
    /// Ein Berichtsblatt mit Befunden und Anmerkung zurückgeben.
    Return {
        #[command(flatten)]
        common: Common,
        /// Das Ziel, dessen Berichtsblatt zurückgeht.
        #[arg(long)]
        goal: String,
        /// Regelcode eines Befunds (mehrfach möglich), z. B. RS07.
        #[arg(long = "finding", value_name = "CODE", value_parser = code)]
        findings: Vec<Code>,
        /// Die Anmerkung an das Bezirksamtsmitglied.
        #[arg(long)]
        comment: String,
        /// Neue Frist für das berichtigte Berichtsblatt (JJJJ-MM-TT).
        #[arg(long, value_parser = strict_date, required_unless_present = "within")]
        due: Option<NaiveDate>,
        /// Statt `--due`: die neue Frist so viele Berliner Arbeitstage nach dem Tag der Rückgabe.
        #[arg(long, value_name = "ARBEITSTAGE", conflicts_with = "due")]
        within: Option<u32>,
    },
    /// Das Rückgabeschreiben zur letzten Rückgabe eines Ziels schreiben (Markdown und HTML), daneben
    /// das zurückgegebene Berichtsblatt als vorausgefülltes Formular (XLSX).
    Letter {
        /// Das Prüfprotokoll (JSON).
        #[arg(long)]
        log: PathBuf,
        /// Das Zielsystem (JSON).
        #[arg(long)]
        system: PathBuf,
        /// Das Ziel, dessen Berichtsblatt zurückgegeben wurde.
        #[arg(long)]
        goal: String,
        /// Wer im Auftrag unterzeichnet; ohne: die prüfende Person der Rückgabe.
        #[arg(long)]
        sender: Option<String>,
        /// Verzeichnis für Schreiben und Formular.
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
        /// Die Berichtsblätter: die zurückgegebene Fassung (an ihrer Prüfsumme erkannt), gern auch
        /// frühere Tertiale (zum Vergleich im Formular).
        #[arg(value_name = "SHEET")]
        sheets: Vec<PathBuf>,
    },
    /// Das zuletzt eingegangene Berichtsblatt eines Ziels annehmen.
    Accept {
        #[command(flatten)]
        common: Common,
        /// Das Ziel, dessen Berichtsblatt angenommen wird.
        #[arg(long)]
        goal: String,
        /// Die Berichtsblätter, deren Prüfsummen das Protokoll nennt (für RV02 und RV04).
        #[arg(value_name = "SHEET")]
        sheets: Vec<PathBuf>,
    },
}

fn code(text: &str) -> Result<Code, String> {
    Code::parse(text).ok_or_else(|| format!("unbekannter Regelcode „{text}“"))
}

fn read_log(path: &Path, sheet: Option<&ReportSheet>) -> Result<ReviewLog, Failure> {
    if path.exists() {
        return parse_file(path);
    }
    // A new log takes authority and tertial from the first sheet that comes in.
    sheet
        .map(|sheet| ReviewLog {
            schema_version: zielsystem_core::SCHEMA_VERSION.into(),
            authority: sheet.authority.clone(),
            tertial: sheet.tertial,
            entries: Vec::new(),
        })
        .ok_or_else(|| Failure(format!("{}: Prüfprotokoll fehlt", path.display())))
}

/// Writes `log` to a temporary file beside `path`, then renames it over `path`.
fn write_log(path: &Path, log: &ReviewLog) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(log)?;
    text.push('\n');
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, text)
        .map_err(|e| Failure(format!("{}: {e}", temporary.display())))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Failure(format!("{}: {e}", path.display()))
    })
}

/// Writes the return letter of `goal` (`rueckgabe-GOAL.md`, `.html`) to `dir` and, when the
/// returned version is among `sheets`, that version as a pre-filled form (`GOAL.xlsx`) beside it;
/// returns the paths written.
pub(crate) fn write_return_letter(
    dir: &Path,
    log: &ReviewLog,
    goal: &str,
    system: &TargetSystem,
    sheets: &[ReportSheet],
    sender: Option<&str>,
    render: RenderOptions,
) -> Result<Vec<PathBuf>, Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let stem = file_stem(goal);
    let mut written = Vec::new();
    let form_name = format!("{stem}.xlsx");
    let mut attachment = None;
    let digest = returned_version(log, goal);
    // The form shows the returned version itself, found among the sheets by its digest.
    if let Some(sheet) = sheets
        .iter()
        .find(|sheet| Some(sheet_digest(sheet).as_str()) == digest)
    {
        let previous: Vec<ReportSheet> = sheets
            .iter()
            .filter(|s| s.tertial < log.tertial)
            .cloned()
            .collect();
        let request = FormRequest {
            tertial: log.tertial,
            previous: &previous,
            answers: std::slice::from_ref(sheet),
        };
        let bytes = goal_form(system, goal, &request).map_err(|e| Failure(e.to_string()))?;
        let path = dir.join(&form_name);
        std::fs::write(&path, bytes).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        written.push(path);
        attachment = Some(form_name.as_str());
    }
    let options = ReturnLetterOptions {
        sender,
        attachment,
        render,
    };
    let letter =
        return_letter(log, goal, system, sheets, options).map_err(|e| Failure(e.to_string()))?;
    for (extension, body) in [("md", &letter.markdown), ("html", &letter.html)] {
        let path = dir.join(format!("rueckgabe-{stem}.{extension}"));
        std::fs::write(&path, body).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        written.push(path);
    }
    Ok(written)
}

/// `review letter`: reads log, system and sheets, writes the return letter and the form.
fn letter(
    out: &mut impl Write,
    (log, system, sheets): (&Path, &Path, &[PathBuf]),
    goal: &str,
    sender: Option<&str>,
    output: &Path,
) -> Result<u8, Failure> {
    let log: ReviewLog = parse_file(log)?;
    let system: TargetSystem = parse_file(system)?;
    let sheets = parse_files::<ReportSheet>(sheets)?;
    let written = write_return_letter(
        output,
        &log,
        goal,
        &system,
        &sheets,
        sender,
        RenderOptions::default(),
    )?;
    for path in written {
        writeln!(
            out,
            "Geschrieben: {}",
            terminal_safe(&path.display().to_string())
        )?;
    }
    Ok(0)
}

pub(crate) fn run(out: &mut impl Write, args: &ReviewArgs) -> Result<u8, Failure> {
    if let Event::Letter {
        log,
        system,
        goal,
        sender,
        output,
        sheets,
    } = &args.event
    {
        return letter(out, (log, system, sheets), goal, sender.as_deref(), output);
    }
    let (common, sheets, incoming) = match &args.event {
        Event::Receive { common, sheet } => {
            let sheet: ReportSheet = parse_file(sheet)?;
            (common, vec![sheet.clone()], Some(sheet))
        }
        Event::Return { common, .. } => (common, Vec::new(), None),
        Event::Accept { common, sheets, .. } => (common, parse_files::<ReportSheet>(sheets)?, None),
        Event::Letter { .. } => return Err(Failure("kein Ereignis".into())),
    };
    let system: Option<TargetSystem> = common.system.as_deref().map(parse_file).transpose()?;
    let log = read_log(&common.log, incoming.as_ref())?;
    let date = common.date.unwrap_or_else(today);
    let reviewer = common.reviewer.clone();
    let entry = match &args.event {
        Event::Receive { .. } => match &incoming {
            Some(sheet) => arrival(&log, date, sheet, &reviewer),
            None => return Err(Failure("kein Berichtsblatt".into())),
        },
        Event::Return {
            goal,
            findings,
            comment,
            due,
            within,
            ..
        } => ReviewEntry::Returned {
            date,
            goal: goal.clone(),
            reviewer,
            findings: findings.clone(),
            comment: comment.clone(),
            due_on: match (due, within) {
                (Some(due), _) => *due,
                (None, Some(days)) => add_working_days(date, *days).ok_or_else(|| {
                    Failure(format!("keine Frist {days} Arbeitstage nach {date}"))
                })?,
                (None, None) => return Err(Failure("--due oder --within fehlt".into())),
            },
        },
        Event::Accept { goal, .. } => ReviewEntry::Accepted {
            date,
            goal: goal.clone(),
            reviewer,
        },
        Event::Letter { .. } => return Err(Failure("kein Ereignis".into())),
    };
    let context = ReviewContext {
        system: system.as_ref(),
        sheets: &sheets,
    };
    let event = entry.kind();
    let goal = entry.occasion().goal.to_owned();
    match append_entry(&log, entry, context) {
        Ok(next) => {
            write_log(&common.log, &next)?;
            writeln!(
                out,
                "{}: Ziel {goal} {} am {}",
                common.log.display(),
                event.label_de(),
                zielsystem_core::text::german_date(date)
            )?;
            Ok(0)
        }
        Err(refused) => {
            let mut stderr = std::io::stderr().lock();
            print_findings(
                &mut stderr,
                &common.log.display().to_string(),
                &refused.findings,
            )?;
            writeln!(
                stderr,
                "{}: nicht eingetragen, das Prüfprotokoll ist unverändert",
                common.log.display()
            )?;
            Ok(1)
        }
    }
}
