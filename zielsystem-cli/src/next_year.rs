//! `zielsystem next-year`: the draft of next year's target system from this year's (the core's
//! carry-over), written atomically (a temporary file beside the output, renamed over it), with what
//! could not be carried listed on stdout. Exit code 0 written, 2 usage or I/O error.

use std::io::Write;
use std::path::{Path, PathBuf};

use zielsystem_core::carry_over::next_year;
use zielsystem_core::{ReportSheet, TargetSystem, validate_system};

use crate::Failure;
use crate::input::{parse_file, parse_files, terminal_safe};

/// Arguments of `next-year`.
#[derive(Debug, clap::Args)]
pub(crate) struct NextYearArgs {
    /// Das Zielsystem des laufenden Jahres (JSON).
    #[arg(long)]
    system: PathBuf,
    /// Berichtsblätter des III. Tertials: ihre Kennzahlenwerte werden die Ausgangswerte des
    /// Folgejahres (ohne Blätter bleiben die Ausgangswerte und werden aufgelistet).
    #[arg(long = "sheets", value_name = "SHEET", num_args = 1..)]
    sheets: Vec<PathBuf>,
    /// Zieldatei für den Entwurf (JSON).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

pub(crate) fn run(out: &mut impl Write, args: &NextYearArgs) -> Result<u8, Failure> {
    let system: TargetSystem = parse_file(&args.system)?;
    let sheets: Vec<ReportSheet> = parse_files(&args.sheets)?;
    let final_sheets = (!args.sheets.is_empty()).then_some(sheets.as_slice());
    let carried = next_year(&system, final_sheets)?;
    let mut text = serde_json::to_string_pretty(&carried.draft)?;
    text.push('\n');
    write_atomic(&args.output, text.as_bytes())?;
    let shown = |path: &Path| terminal_safe(&path.display().to_string()).into_owned();
    writeln!(
        out,
        "Entwurf des Zielsystems {} geschrieben: {} ({} Ziele fortgeführt, {} Bezirksamtsmitglieder übernommen)",
        carried.draft.year,
        shown(&args.output),
        carried.draft.goals.len(),
        carried.draft.members.len()
    )?;
    if !carried.not_carried.is_empty() {
        writeln!(out, "Nicht übernommen:")?;
        for item in &carried.not_carried {
            writeln!(
                out,
                "  {}: {}",
                terminal_safe(&item.path),
                terminal_safe(&item.message)
            )?;
        }
    }
    // The draft against this year's system: what the clerk still has to settle (TS10 vacancies).
    let result = validate_system(&carried.draft, Some(&system));
    for finding in &result.findings {
        writeln!(
            out,
            "{}: {}[{}]: {}",
            shown(&args.output),
            finding.severity.as_str(),
            finding.code,
            terminal_safe(&finding.message)
        )?;
    }
    Ok(0)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a reader never
/// sees half a document.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let failed = |target: &Path, error: &std::io::Error| {
        Failure(format!(
            "„{}“ kann nicht geschrieben werden: {error}",
            terminal_safe(&target.display().to_string())
        ))
    };
    std::fs::write(&temporary, bytes).map_err(|e| failed(&temporary, &e))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        failed(path, &e)
    })
}
