//! `zielsystem decide REPORT.json --system S --on DATE --number N [--not-adopted POS ...] [-o OUT]`
//! and `zielsystem note REPORT.json --on DATE [--number N] --outcome OUTCOME [-o OUT]`: the
//! report's next stage, by the core's lifecycle (the same steps as in Rust and Python). Where the
//! rules forbid the step, the findings go to stderr, nothing is written and the exit code is 1 (as
//! `validate` for an invalid document); 2 on usage or I/O errors. The new stage is written to `OUT`
//! through a temporary file renamed over it, so no reader sees half a report; without `-o`, to
//! standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zielsystem_core::model::tertial_report::CouncilOutcome;
use zielsystem_core::{TargetSystem, TertialReport, ValidationResult};

use crate::Failure;
use crate::input::parse_file;
use crate::report::{print_findings, strict_date};

/// The arguments of `decide`.
#[derive(Debug, clap::Args)]
pub(crate) struct DecideArgs {
    /// Der Tertialbericht (JSON) im Stadium Entwurf.
    #[arg(value_name = "REPORT")]
    report: PathBuf,
    /// Das Zielsystem (JSON): die Berichtsblätter werden vor dem Beschluss erneut geprüft.
    #[arg(long)]
    system: PathBuf,
    /// Tag des Beschlusses des Bezirksamts (JJJJ-MM-TT).
    #[arg(long = "on", value_name = "DATE", value_parser = strict_date)]
    on: NaiveDate,
    /// Beschluss-Nr. nach dem Nummernschema der Behörde, z. B. 52/VI.
    #[arg(long)]
    number: String,
    /// Eine vorgeschlagene Aktivität zur Gegensteuerung, die das Bezirksamt nicht beschlossen hat:
    /// ihre Position in `countermeasures` des Berichts (ab 0); mehrfach möglich. Alle übrigen
    /// gelten als beschlossen.
    #[arg(long = "not-adopted", value_name = "POSITION")]
    not_adopted: Vec<usize>,
    /// Ausgabedatei für den beschlossenen Bericht; ohne: Standardausgabe.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
}

/// The council's outcome, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Outcome {
    /// zur Kenntnis genommen.
    Noted,
    /// mit Zwischenbericht zur Kenntnis genommen.
    NotedWithInterimReport,
    /// mit Abschlussbericht zur Kenntnis genommen.
    NotedWithFinalReport,
    /// an einen Ausschuss überwiesen.
    Referred,
    /// vertagt.
    Postponed,
}

impl From<Outcome> for CouncilOutcome {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Noted => CouncilOutcome::Noted,
            Outcome::NotedWithInterimReport => CouncilOutcome::NotedWithInterimReport,
            Outcome::NotedWithFinalReport => CouncilOutcome::NotedWithFinalReport,
            Outcome::Referred => CouncilOutcome::Referred,
            Outcome::Postponed => CouncilOutcome::Postponed,
        }
    }
}

/// The arguments of `note`.
#[derive(Debug, clap::Args)]
pub(crate) struct NoteArgs {
    /// Der Tertialbericht (JSON) im Stadium „vom Bezirksamt beschlossen“.
    #[arg(value_name = "REPORT")]
    report: PathBuf,
    /// Sitzungstag der Bezirksverordnetenversammlung (JJJJ-MM-TT).
    #[arg(long = "on", value_name = "DATE", value_parser = strict_date)]
    on: NaiveDate,
    /// Drucksachen-Nr. der BVV nach dem Nummernschema der Behörde; ohne, wenn die Vorlage keine
    /// eigene Nummer hat.
    #[arg(long)]
    number: Option<String>,
    /// Ergebnis der Beratung in der BVV.
    #[arg(long, value_enum)]
    outcome: Outcome,
    /// Ausgabedatei für den Bericht; ohne: Standardausgabe.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
}

pub(crate) fn decide(out: &mut impl Write, args: &DecideArgs) -> Result<u8, Failure> {
    let report: TertialReport = parse_file(&args.report)?;
    let system: TargetSystem = parse_file(&args.system)?;
    let next = report.decide(&system, args.on, &args.number, &args.not_adopted);
    finish(out, &args.report, args.output.as_deref(), next)
}

pub(crate) fn note(out: &mut impl Write, args: &NoteArgs) -> Result<u8, Failure> {
    let report: TertialReport = parse_file(&args.report)?;
    let next = report.note(args.on, args.number.clone(), Some(args.outcome.into()));
    finish(out, &args.report, args.output.as_deref(), next)
}

/// Writes the next stage, or reports why the step is refused (exit 1, nothing written).
fn finish(
    out: &mut impl Write,
    source: &Path,
    output: Option<&Path>,
    next: Result<TertialReport, ValidationResult>,
) -> Result<u8, Failure> {
    let mut stderr = std::io::stderr().lock();
    let report = match next {
        Ok(report) => report,
        Err(refused) => {
            print_findings(
                &mut stderr,
                &source.display().to_string(),
                &refused.findings,
            )?;
            writeln!(
                stderr,
                "{}: nicht weitergeführt, nichts geschrieben",
                source.display()
            )?;
            return Ok(1);
        }
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    match output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    // Warnings (a goal without a sheet, TR03) do not stop the step; they are shown all the same.
    print_findings(&mut stderr, &source.display().to_string(), &report.findings)?;
    Ok(0)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader sees the
/// old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| Failure(format!("{}: kein Dateiname", path.display())))?;
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)
        .map_err(|e| Failure(format!("{}: {e}", temporary.display())))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Failure(format!("{}: {e}", path.display()))
    })
}
