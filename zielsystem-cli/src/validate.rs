//! `zielsystem validate [--system SYSTEM.json] [DOCUMENT.json ...] [--kind KIND]
//! [--previous-system PREV.json] [--format text|json]`: every finding of every document at once.
//!
//! Documents may be target systems, report sheets, tertial reports, papers and review logs; the kind
//! of each is read from the document (its `$schema`, else its keys) unless `--kind` names it. Sheets
//! are checked against `--system` (without it, sheets are a usage error); sheets of the same goal
//! given together form each other's history (RS13); a paper's number is checked against the
//! system's numbering pattern, and a review log with the system and the sheets given. Exit codes:
//! 0 when every document is valid, 1 when any has an error finding, 2 for usage and I/O errors.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;
use zielsystem_core::decode::Checked;
use zielsystem_core::decode::locate::Locator;
use zielsystem_core::rules::review_log::ReviewContext;
use zielsystem_core::{
    Decode, Document, Paper, ReportSheet, ReviewLog, TargetSystem, TertialReport, ValidationResult,
};

use crate::Failure;
use crate::input::{self, Input, finding_line};

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ValidateFormat {
    /// Zeilen wie bei einem Compiler (`datei:zeile:spalte: error[CODE]: Meldung`) und eine Zusammenfassung.
    Text,
    /// Eine JSON-Liste mit einem Objekt je Dokument: `document`, `valid`, `findings`.
    Json,
}

/// The kinds of document `validate` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// Zielsystem.
    System,
    /// Berichtsblatt.
    Sheet,
    /// Tertialbericht.
    Report,
    /// Bezirksamtsvorlage.
    Paper,
    /// Prüfprotokoll.
    Review,
}

impl Kind {
    /// The kind of the document in `bytes`: named by its `$schema` (the file name of a published
    /// schema), else recognised by a key only that kind has; a sheet when nothing says otherwise
    /// (also for bytes that are not JSON: their findings say why).
    fn of(bytes: &[u8]) -> Kind {
        let Ok(serde_json::Value::Object(root)) = serde_json::from_slice(bytes) else {
            return Kind::Sheet;
        };
        let kinds = [
            (TargetSystem::KIND, Kind::System),
            (ReportSheet::KIND, Kind::Sheet),
            (TertialReport::KIND, Kind::Report),
            (Paper::KIND, Kind::Paper),
            (ReviewLog::KIND, Kind::Review),
        ];
        if let Some(link) = root.get("$schema").and_then(serde_json::Value::as_str) {
            let file = link.rsplit(['/', ':']).next().unwrap_or(link);
            if let Some((_, kind)) = kinds
                .iter()
                .find(|(name, _)| file == format!("{name}.schema.json"))
            {
                return *kind;
            }
        }
        let has = |key: &str| root.contains_key(key);
        if has("entries") {
            Kind::Review
        } else if has("stage") || has("missing_goals") {
            Kind::Report
        } else if has("mission_statement") || has("year") {
            Kind::System
        } else if has("forecast") || has("goal") || has("reporting_member") {
            Kind::Sheet
        } else if has("kind") || has("sections") {
            Kind::Paper
        } else {
            Kind::Sheet
        }
    }
}

/// The arguments of `validate`.
#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) system: Option<PathBuf>,
    pub(crate) sheets: Vec<PathBuf>,
    pub(crate) kind: Option<Kind>,
    pub(crate) previous_system: Option<PathBuf>,
    pub(crate) format: ValidateFormat,
}

/// One document's result as printed by `--format json`.
#[derive(Debug, Serialize)]
struct DocumentReport<'a> {
    document: String,
    #[serde(flatten)]
    result: &'a ValidationResult,
}

struct Outcome {
    path: PathBuf,
    source: Vec<u8>,
    result: ValidationResult,
}

/// `checked` for an input: refused unread when it is over the size limit, else `check(bytes)`.
fn checked<T>(input: &Input, check: impl FnOnce(&[u8]) -> Checked<T>) -> Checked<T> {
    input.oversize().unwrap_or_else(|| check(&input.bytes))
}

pub(crate) fn run(out: &mut impl Write, args: &Args) -> Result<u8, Failure> {
    // Read everything first: an unreadable file ends the command before any output.
    let system_input = args.system.as_deref().map(input::read).transpose()?;
    let previous = args
        .previous_system
        .as_deref()
        .map(input::parse_file::<TargetSystem>)
        .transpose()
        .map_err(|Failure(message)| Failure(format!("Vorjahres-Zielsystem: {message}")))?;
    let inputs: Vec<(Kind, Input)> = args
        .sheets
        .iter()
        .map(|path| {
            let input = input::read(path)?;
            let kind = args.kind.unwrap_or_else(|| Kind::of(&input.bytes));
            Ok((kind, input))
        })
        .collect::<Result<_, Failure>>()?;

    if args.system.is_none() {
        if inputs.is_empty() {
            return Err(Failure(
                "nichts zu prüfen: ein Zielsystem (--system) oder Dokumente angeben".into(),
            ));
        }
        if inputs.iter().any(|(kind, _)| *kind == Kind::Sheet) {
            return Err(Failure(
                "Berichtsblätter werden gegen ihr Zielsystem geprüft: --system SYSTEM.json angeben"
                    .into(),
            ));
        }
    }
    let mut documents = Vec::new();
    let system = match (&args.system, system_input) {
        (Some(path), Some(system_input)) => {
            let system = checked(&system_input, |bytes| {
                TargetSystem::check(bytes, previous.as_ref())
            });
            documents.push(Outcome {
                path: path.clone(),
                source: system_input.bytes,
                result: system.result.clone(),
            });
            system.document
        }
        _ => None,
    };

    let sheets: Vec<Option<Checked<ReportSheet>>> = inputs
        .iter()
        .map(|(kind, input)| (*kind == Kind::Sheet).then(|| checked(input, ReportSheet::decode)))
        .collect();
    let all_sheets: Vec<ReportSheet> = sheets
        .iter()
        .flatten()
        .filter_map(|checked| checked.document.clone())
        .collect();
    let mut unchecked_sheets = false;
    for ((path, (kind, input)), sheet) in args.sheets.iter().zip(inputs).zip(sheets) {
        let result = match (kind, sheet) {
            // The others given with it are its history; the rules keep the earlier tertials of
            // the same goal.
            (Kind::Sheet, Some(sheet)) => {
                if let Some(system) = &system {
                    sheet
                        .with_rules(|sheet| sheet.validate((system, &all_sheets)).findings)
                        .result
                } else {
                    unchecked_sheets = true;
                    sheet.result
                }
            }
            (Kind::System, _) => {
                checked(&input, |bytes| {
                    TargetSystem::check(bytes, previous.as_ref())
                })
                .result
            }
            (Kind::Report, _) => checked(&input, |bytes| TertialReport::check(bytes, ())).result,
            // A paper's number is checked against the numbering of the system given, if any.
            (Kind::Paper, _) => {
                let numbering = system.as_ref().and_then(|system| system.numbering.as_ref());
                checked(&input, |bytes| Paper::check(bytes, numbering)).result
            }
            (Kind::Review, _) => {
                let context = ReviewContext {
                    system: system.as_ref(),
                    sheets: &all_sheets,
                };
                checked(&input, |bytes| ReviewLog::check(bytes, context)).result
            }
            // Every sheet was decoded above; decoding again says the same.
            (Kind::Sheet, None) => checked(&input, ReportSheet::decode).result,
        };
        documents.push(Outcome {
            path: path.clone(),
            source: input.bytes,
            result,
        });
    }

    print(out, args, &documents, unchecked_sheets)?;
    let any_error = documents.iter().any(|document| !document.result.valid);
    Ok(u8::from(any_error))
}

/// Prints every document's findings in the format asked for.
fn print(
    out: &mut impl Write,
    args: &Args,
    documents: &[Outcome],
    unchecked_sheets: bool,
) -> Result<(), Failure> {
    match args.format {
        ValidateFormat::Json => {
            let reports: Vec<DocumentReport<'_>> = documents
                .iter()
                .map(|document| DocumentReport {
                    document: document.path.display().to_string(),
                    result: &document.result,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &reports)?;
            writeln!(out)?;
        }
        ValidateFormat::Text => {
            for document in documents {
                let source = String::from_utf8_lossy(&document.source);
                let mut locator = Locator::new(&source);
                let name = document.path.display().to_string();
                for finding in &document.result.findings {
                    writeln!(out, "{}", finding_line(&name, &mut locator, finding))?;
                }
            }
            if unchecked_sheets {
                writeln!(
                    out,
                    "Hinweis: Das Zielsystem ist ungültig; die Berichtsblätter wurden nur gegen das Schema geprüft."
                )?;
            }
            writeln!(out, "{}", summary(documents))?;
        }
    }
    Ok(())
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn summary(documents: &[Outcome]) -> String {
    let valid = documents.iter().filter(|d| d.result.valid).count();
    let errors: usize = documents.iter().map(|d| d.result.errors().count()).sum();
    let warnings: usize = documents.iter().map(|d| d.result.warnings().count()).sum();
    format!(
        "{} geprüft: {} gültig, {} ungültig; {}, {}.",
        plural(documents.len(), "Dokument", "Dokumente"),
        valid,
        documents.len() - valid,
        plural(errors, "Fehler", "Fehler"),
        plural(warnings, "Warnung", "Warnungen"),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use zielsystem_core::{Finding, Message};

    #[test]
    fn summary_is_german_with_plurals() {
        let document = |result| Outcome {
            path: "x.json".into(),
            source: Vec::new(),
            result,
        };
        let error = Finding::new(
            Message::GoalUnknown {
                goal: "A9".to_string(),
            },
            "/goal",
        );
        let warning = Finding::new(Message::NoContribution {}, "/contributions");
        let documents = [
            document(ValidationResult::from_findings(vec![error, warning])),
            document(ValidationResult::from_findings(Vec::new())),
        ];
        assert_eq!(
            summary(&documents),
            "2 Dokumente geprüft: 1 gültig, 1 ungültig; 1 Fehler, 1 Warnung."
        );
    }
}
