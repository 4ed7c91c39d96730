//! `zielsystem import FORM.xlsx ... --system SYSTEM.json [--tertial 2022-T2] [--previous SHEET ...]
//! [-o DIR] [--write-invalid] [--format text|json]`: reads filled forms (XLSX, ODS), reports every
//! finding located by its cell (`A01.xlsx!Berichtsblatt!C14: error[RS07]: …`) and writes each valid
//! sheet as contract JSON to DIR (an invalid one only with `--write-invalid`). Exit codes: 0 when
//! every form is valid, 1 when any is not, 2 on usage or I/O errors.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use zielsystem_core::{Finding, ReportSheet, TargetSystem, Tertial};
use zielsystem_forms::read::FILE_MAX_BYTES;
use zielsystem_forms::{ImportOptions, ImportedForm, cell_of, read_form};

use crate::Failure;
use crate::form::file_stem;
use crate::input::{parse_file, terminal_safe};

/// Output formats of `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ImportFormat {
    /// Zeilen `datei!blatt!zelle: error[CODE]: Meldung` und eine Zusammenfassung.
    Text,
    /// Eine JSON-Liste mit einem Objekt je Formular: `document`, `worksheet`, `valid`, `written`,
    /// `findings` (jeder Befund mit `cell` neben `path`).
    Json,
}

/// The arguments of `import`.
#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// Ausgefüllte Formulare (XLSX oder ODS).
    #[arg(value_name = "FORM", required = true)]
    forms: Vec<PathBuf>,
    /// Das Zielsystem (JSON).
    #[arg(long)]
    system: PathBuf,
    /// Nur Formulare dieses Tertials annehmen, z. B. 2022-T2.
    #[arg(long)]
    tertial: Option<Tertial>,
    /// Frühere Berichtsblätter derselben Ziele (JSON), für die Regel RS13.
    #[arg(long = "previous", value_name = "SHEET")]
    previous: Vec<PathBuf>,
    /// Verzeichnis, in das gültige Berichtsblätter als JSON geschrieben werden.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: Option<PathBuf>,
    /// Auch ungültige (aber lesbare) Berichtsblätter schreiben.
    #[arg(long)]
    write_invalid: bool,
    /// Ausgabeformat.
    #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
    format: ImportFormat,
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, Failure> {
    let fail = |e: std::io::Error| {
        Failure(format!(
            "Die Datei „{}“ kann nicht gelesen werden: {e}",
            terminal_safe(&path.display().to_string())
        ))
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    let mut bytes = Vec::new();
    // One byte over the limit is enough for the reader to say the file is too large.
    file.take(FILE_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    Ok(bytes)
}

/// Where a finding is: `A01.xlsx!Berichtsblatt!C14`, or the file alone.
fn location(document: &str, finding: &Finding) -> String {
    match cell_of(finding) {
        Some(cell) => format!("{document}!{cell}"),
        None => document.to_string(),
    }
}

fn finding_json(finding: &Finding) -> Value {
    json!({
        "code": finding.code,
        "severity": finding.severity,
        "path": finding.path,
        "cell": cell_of(finding),
        "message": finding.message,
        "message_en": finding.message_en,
        "params": finding.params,
    })
}

struct Outcome {
    document: String,
    form: ImportedForm,
    written: Option<PathBuf>,
}

pub(crate) fn run(out: &mut impl Write, args: &ImportArgs) -> Result<u8, Failure> {
    let system: TargetSystem = parse_file(&args.system)?;
    let history: Vec<ReportSheet> = args
        .previous
        .iter()
        .map(|path| parse_file(path))
        .collect::<Result<_, _>>()?;
    let inputs: Vec<(String, Vec<u8>)> = args
        .forms
        .iter()
        .map(|path| Ok((path.display().to_string(), read_bounded(path)?)))
        .collect::<Result<_, Failure>>()?;
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure(format!(
                "{}: {e}",
                terminal_safe(&dir.display().to_string())
            ))
        })?;
    }
    let options = ImportOptions {
        tertial: args.tertial,
        history,
    };
    let mut outcomes = Vec::new();
    for (document, bytes) in inputs {
        for form in read_form(&bytes, &system, &options) {
            let mut written = None;
            if let (Some(dir), Some(sheet)) = (&args.output, &form.sheet) {
                if form.result.valid || args.write_invalid {
                    let path =
                        dir.join(format!("{}-{}.json", file_stem(&sheet.goal), sheet.tertial));
                    let mut text = serde_json::to_string_pretty(sheet)?;
                    text.push('\n');
                    std::fs::write(&path, text).map_err(|e| {
                        Failure(format!(
                            "„{}“ kann nicht geschrieben werden: {e}",
                            terminal_safe(&path.display().to_string())
                        ))
                    })?;
                    written = Some(path);
                }
            }
            outcomes.push(Outcome {
                document: document.clone(),
                form,
                written,
            });
        }
    }
    match args.format {
        ImportFormat::Json => {
            let list: Vec<Value> = outcomes
                .iter()
                .map(|o| {
                    json!({
                        "document": o.document,
                        "worksheet": o.form.worksheet,
                        "valid": o.form.result.valid,
                        "written": o.written.as_ref().map(|p| p.display().to_string()),
                        "findings": o.form.result.findings.iter().map(finding_json).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)?;
        }
        ImportFormat::Text => {
            for outcome in &outcomes {
                for finding in &outcome.form.result.findings {
                    writeln!(
                        out,
                        "{}: {}[{}]: {}",
                        terminal_safe(&location(&outcome.document, finding)),
                        finding.severity.as_str(),
                        finding.code,
                        terminal_safe(&finding.message)
                    )?;
                }
                if let Some(path) = &outcome.written {
                    writeln!(
                        out,
                        "Geschrieben: {}",
                        terminal_safe(&path.display().to_string())
                    )?;
                }
            }
            let valid = outcomes.iter().filter(|o| o.form.result.valid).count();
            writeln!(
                out,
                "{} Formular(e) gelesen: {} gültig, {} ungültig.",
                outcomes.len(),
                valid,
                outcomes.len() - valid
            )?;
        }
    }
    Ok(u8::from(outcomes.iter().any(|o| !o.form.result.valid)))
}
