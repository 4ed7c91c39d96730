//! `zielsystem validate --system SYSTEM.json [SHEET.json ...] [--previous-system PREV.json]
//! [--format text|json]`: every finding of every document at once.
//!
//! Sheets of the same goal given together form each other's history (RS13). Exit codes: 0 when every
//! document is valid, 1 when any has an error finding, 2 for usage and I/O errors.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;
use zielsystem_core::decode::Checked;
use zielsystem_core::decode::locate::Locator;
use zielsystem_core::{Decode, Document, ReportSheet, TargetSystem, ValidationResult};

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

/// The arguments of `validate`.
#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) system: PathBuf,
    pub(crate) sheets: Vec<PathBuf>,
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

pub(crate) fn run(out: &mut impl Write, args: &Args) -> Result<u8, Failure> {
    // Read everything first: an unreadable file ends the command before any output.
    let system_input = input::read(&args.system)?;
    let previous = args
        .previous_system
        .as_deref()
        .map(input::parse_file::<TargetSystem>)
        .transpose()
        .map_err(|Failure(message)| Failure(format!("Vorjahres-Zielsystem: {message}")))?;
    let sheet_inputs: Vec<Input> = args
        .sheets
        .iter()
        .map(|path| input::read(path))
        .collect::<Result<_, _>>()?;

    let system = system_input
        .oversize()
        .unwrap_or_else(|| TargetSystem::check(&system_input.bytes, previous.as_ref()));
    let mut documents = vec![Outcome {
        path: args.system.clone(),
        source: system_input.bytes,
        result: system.result,
    }];

    let decoded: Vec<Checked<ReportSheet>> = sheet_inputs
        .iter()
        .map(|input| {
            input
                .oversize()
                .unwrap_or_else(|| ReportSheet::decode(&input.bytes))
        })
        .collect();
    let all_sheets: Vec<ReportSheet> = decoded
        .iter()
        .filter_map(|checked| checked.document.clone())
        .collect();
    for ((path, input), checked) in args.sheets.iter().zip(sheet_inputs).zip(decoded) {
        let result = match &system.document {
            // The others given with it are its history; the rules keep the earlier tertials of
            // the same goal.
            Some(system) => {
                checked
                    .with_rules(|sheet| sheet.validate((system, &all_sheets)).findings)
                    .result
            }
            None => checked.result,
        };
        documents.push(Outcome {
            path: path.clone(),
            source: input.bytes,
            result,
        });
    }

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
            for document in &documents {
                let source = String::from_utf8_lossy(&document.source);
                let mut locator = Locator::new(&source);
                let name = document.path.display().to_string();
                for finding in &document.result.findings {
                    writeln!(out, "{}", finding_line(&name, &mut locator, finding))?;
                }
            }
            if system.document.is_none() && !args.sheets.is_empty() {
                writeln!(
                    out,
                    "Hinweis: Das Zielsystem ist ungültig; die Berichtsblätter wurden nur gegen das Schema geprüft."
                )?;
            }
            writeln!(out, "{}", summary(&documents))?;
        }
    }
    let any_error = documents.iter().any(|document| !document.result.valid);
    Ok(u8::from(any_error))
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
        let error = Finding::new(Message::GoalUnknown, "/goal", [("goal", "A9")]);
        let warning = Finding::new(Message::NoContribution, "/contributions", [("", "")]);
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
