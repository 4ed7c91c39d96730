//! `zielsystem status --system S --as-of DAY [--tertial T] [--log LOG] [--grace N]
//! [--format text|json|md] SHEET …`: where every goal's sheet of a tertial stands on a day, per
//! member, with the escalation list. The review log, when given, is checked first (RV01–RV04; its
//! findings on stderr). Exit code 0, or 1 when the log has an error finding (the overview is
//! written all the same), 2 on usage or I/O errors.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use zielsystem_core::render::reminder::reminders;
use zielsystem_core::rules::{ReviewContext, validate_review_log};
use zielsystem_core::steering::status::{DEFAULT_GRACE_WORKING_DAYS, status};
use zielsystem_core::{ReportSheet, ReviewLog, TargetSystem, Tertial};

use crate::Failure;
use crate::input::{parse_file, parse_files, terminal_safe};
use crate::report::{print_findings, strict_date};

/// Output formats of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StatusFormat {
    /// Lines per member and goal, then the escalation list.
    Text,
    /// The overview as JSON (status words as in the tertial report's `reporting_status`).
    Json,
    /// Markdown: a table per member and the escalation list.
    Md,
}

/// The arguments of `status`.
#[derive(Debug, clap::Args)]
pub(crate) struct StatusArgs {
    /// Das Zielsystem (JSON).
    #[arg(long)]
    system: PathBuf,
    /// Der Stichtag der Übersicht (JJJJ-MM-TT).
    #[arg(long, value_parser = strict_date)]
    as_of: NaiveDate,
    /// Das Berichtstertial, z. B. 2022-T1; ohne: das des Prüfprotokolls, sonst das Tertial vor dem
    /// Stichtag.
    #[arg(long)]
    tertial: Option<Tertial>,
    /// Das Prüfprotokoll des Tertials (JSON).
    #[arg(long)]
    log: Option<PathBuf>,
    /// Karenz in Arbeitstagen nach der Frist, bevor eskaliert wird.
    #[arg(long, default_value_t = DEFAULT_GRACE_WORKING_DAYS)]
    grace: u32,
    /// Ausgabeformat.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    format: StatusFormat,
    /// Verzeichnis für Erinnerungsschreiben (Markdown und HTML) an jedes Mitglied mit ausstehenden
    /// Berichtsblättern.
    #[arg(long, value_name = "DIR")]
    reminders: Option<PathBuf>,
    /// Wer die Erinnerungsschreiben im Auftrag unterzeichnet.
    #[arg(long, default_value = "Steuerungsdienst")]
    sender: String,
    /// Die eingegangenen Berichtsblätter (JSON).
    #[arg(value_name = "SHEET")]
    sheets: Vec<PathBuf>,
}

pub(crate) fn run(out: &mut impl Write, args: &StatusArgs) -> Result<u8, Failure> {
    let system: TargetSystem = parse_file(&args.system)?;
    let sheets = parse_files::<ReportSheet>(&args.sheets)?;
    let log = args
        .log
        .as_deref()
        .map(parse_file::<ReviewLog>)
        .transpose()?;
    let tertial = args
        .tertial
        .or_else(|| log.as_ref().map(|log| log.tertial))
        .or_else(|| Tertial::containing(args.as_of).and_then(Tertial::previous))
        .ok_or_else(|| Failure(format!("kein Berichtstertial vor dem {}", args.as_of)))?;
    let mut log_errors = false;
    if let (Some(log), Some(path)) = (&log, &args.log) {
        let context = ReviewContext {
            system: Some(&system),
            sheets: &sheets,
        };
        let result = validate_review_log(log, context);
        log_errors = !result.valid;
        let mut stderr = std::io::stderr().lock();
        print_findings(&mut stderr, &path.display().to_string(), &result.findings)?;
    }
    let overview = status(
        &system,
        tertial,
        args.as_of,
        &sheets,
        log.as_ref(),
        args.grace,
    );
    let text = match args.format {
        StatusFormat::Text => {
            let mut text = String::new();
            for line in overview.to_text().lines() {
                text.push_str(&terminal_safe(line));
                text.push('\n');
            }
            text
        }
        StatusFormat::Md => overview.to_markdown(),
        StatusFormat::Json => {
            let mut text = serde_json::to_string_pretty(&overview)?;
            text.push('\n');
            text
        }
    };
    out.write_all(text.as_bytes())?;
    if let Some(dir) = &args.reminders {
        std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
        for letter in reminders(
            &overview,
            &system,
            &args.sender,
            zielsystem_core::render::RenderOptions::default(),
        ) {
            let stem = format!(
                "erinnerung-{}",
                letter.member.as_deref().unwrap_or("unbesetzt")
            );
            for (extension, body) in [("md", &letter.markdown), ("html", &letter.html)] {
                // Member ids are ids, but the file name must not leave the directory.
                let name: String = stem
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let path = dir.join(format!("{name}.{extension}"));
                std::fs::write(&path, body)
                    .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            }
        }
    }
    Ok(u8::from(log_errors))
}
