//! `zielsystem validate --system SYSTEM.json [SHEET.json ...] [--previous-system PREV.json]
//! [--format text|json]`: every finding of every document at once.
//!
//! Sheets of the same goal given together form each other's history (RS13). Exit codes: 0 when every
//! document is valid, 1 when any has an error finding, 2 for usage and I/O errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;
use zielsystem_core::locate::locate;
use zielsystem_core::rules::{Checked, decode, report_sheet};
use zielsystem_core::{
    Code, Finding, ReportSheet, TargetSystem, ValidationResult, check_system_json, validate_sheet,
};

use crate::Failure;

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

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|error| {
        Failure(format!(
            "Die Datei „{}“ kann nicht gelesen werden: {}",
            path.display(),
            german_io_error(&error)
        ))
    })
}

fn german_io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "Datei nicht gefunden".into(),
        ErrorKind::PermissionDenied => "keine Leseberechtigung".into(),
        ErrorKind::IsADirectory => "das ist ein Verzeichnis".into(),
        _ => error.to_string(),
    }
}

pub(crate) fn run(out: &mut impl Write, args: &Args) -> Result<u8, Failure> {
    // Read everything first: an unreadable file ends the command before any output.
    let system_bytes = read(&args.system)?;
    let previous_bytes = args.previous_system.as_deref().map(read).transpose()?;
    let sheet_bytes: Vec<Vec<u8>> = args
        .sheets
        .iter()
        .map(|path| read(path))
        .collect::<Result<_, _>>()?;

    let previous = match (&args.previous_system, previous_bytes) {
        (Some(path), Some(bytes)) => Some(previous_system(path, &bytes)?),
        _ => None,
    };
    let system = check_system_json(&system_bytes, previous.as_ref());
    let mut documents = vec![Outcome {
        path: args.system.clone(),
        source: system_bytes,
        result: system.result,
    }];

    let decoded: Vec<Checked<ReportSheet>> = sheet_bytes
        .iter()
        .map(|bytes| decode::<ReportSheet>(bytes, report_sheet::schema()))
        .collect();
    let all_sheets: Vec<ReportSheet> = decoded
        .iter()
        .filter_map(|checked| checked.document.clone())
        .collect();
    for ((path, bytes), checked) in args.sheets.iter().zip(sheet_bytes).zip(decoded) {
        let result = match (&system.document, &checked.document) {
            (Some(system), Some(sheet)) => {
                // The others given with it are its history; validate_sheet keeps the earlier
                // tertials of the same goal.
                let findings = validate_sheet(sheet, system, &all_sheets).findings;
                checked.with_findings(findings).result
            }
            _ => checked.result,
        };
        documents.push(Outcome {
            path: path.clone(),
            source: bytes,
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
                for finding in &document.result.findings {
                    let (line, column) = position(&source, finding);
                    writeln!(
                        out,
                        "{}:{line}:{column}: {}[{}]: {}",
                        document.path.display(),
                        finding.severity.as_str(),
                        finding.code,
                        finding.message
                    )?;
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

/// The previous year's system, which must itself decode (it is context, not under test).
fn previous_system(path: &Path, bytes: &[u8]) -> Result<TargetSystem, Failure> {
    let checked = decode::<TargetSystem>(bytes, zielsystem_core::rules::target_system::schema());
    checked.document.ok_or_else(|| {
        let source = String::from_utf8_lossy(bytes);
        let lines: Vec<String> = checked
            .result
            .findings
            .iter()
            .take(5)
            .map(|finding| {
                let (line, column) = position(&source, finding);
                format!(
                    "\n  {}:{line}:{column}: {}[{}]: {}",
                    path.display(),
                    finding.severity.as_str(),
                    finding.code,
                    finding.message
                )
            })
            .collect();
        Failure(format!(
            "Das Vorjahres-Zielsystem „{}“ ist kein gültiges Zielsystem:{}",
            path.display(),
            lines.concat()
        ))
    })
}

/// Line and column of a finding: from its params for `JSON_SYNTAX`, else the value its pointer
/// designates; where that value is missing, the nearest enclosing one; else the document start.
fn position(source: &str, finding: &Finding) -> (usize, usize) {
    if finding.code == Code::JsonSyntax {
        let param = |key: &str| finding.params.get(key).and_then(|v| v.parse().ok());
        if let (Some(line), Some(column)) = (param("line"), param("column")) {
            return (line, column);
        }
    }
    let mut pointer = finding.path.as_str();
    loop {
        if let Some(position) = locate(source, pointer) {
            return position;
        }
        match pointer.rfind('/') {
            Some(cut) => pointer = pointer.get(..cut).unwrap_or_default(),
            None => return (1, 1),
        }
    }
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
    use zielsystem_core::Message;

    #[test]
    fn positions_fall_back_to_the_enclosing_value() {
        let source = "{\n  \"goals\": [\n    {\"id\": \"A01\"}\n  ]\n}";
        let at = |path: &str| {
            position(
                source,
                &Finding::new(Message::SchemaRequired, path, [("key", "title")]),
            )
        };
        assert_eq!(at("/goals/0/id"), (3, 12));
        assert_eq!(at("/goals/0/title"), (3, 5));
        assert_eq!(at("/nothing/here"), (1, 1));
        assert_eq!(at(""), (1, 1));
    }

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
