//! `zielsystem demo [--out DIR]`: the whole procedure on the bundled example district, from the
//! target system and the sheets to the decided report of tertial I and the draft of tertial II.
//!
//! The example's files are compiled into the binary ([`bundle`]), so the demo works from any
//! directory and from an installed binary alike.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zielsystem_core::calendar::Period;
use zielsystem_core::model::paper::for_report;
use zielsystem_core::rules::{validate_paper, validate_report};
use zielsystem_core::{ReportSheet, TargetSystem, Tertial, TertialReport, consolidate};

use crate::Failure;
use crate::report::{ReportFormat, parse_json, render};

/// The bundled example: its target system and its sheets, by path within the example.
mod bundle {
    /// Where the files come from (relative to the workspace root), for the summary.
    pub(super) const SOURCE: &str = "tests/fixtures (report-*.json)";

    pub(super) const SYSTEM: (&str, &str) = (
        "report-system.json",
        include_str!("../../tests/fixtures/report-system.json"),
    );

    macro_rules! sheets {
        ($($name:literal),* $(,)?) => {
            &[$((
                $name,
                include_str!(concat!("../../tests/fixtures/report-sheet-", $name, ".json")),
            )),*]
        };
    }

    /// Every sheet of the example (all tertials).
    pub(super) const SHEETS: &[(&str, &str)] = sheets![
        "2022-T1-A01",
        "2022-T1-A02",
        "2022-T1-A03",
        "2022-T1-A04",
        "2022-T1-V01",
        "2022-T1-V02",
        "2022-T2-A01",
        "2022-T2-A02",
        "2022-T2-A03",
        "2022-T2-V01",
        "2022-T2-V02",
    ];
}

/// The lifecycle the demo plays through for tertial I. Numbers and dates are illustrative.
const T1_AS_OF: (i32, u32, u32) = (2022, 6, 14);
const T1_DECIDED: ((i32, u32, u32), &str) = ((2022, 6, 21), "118/VI");
const T1_NOTED: ((i32, u32, u32), &str, &str) = ((2022, 7, 14), "0412/VI", "zur Kenntnis genommen");
const T2_AS_OF: (i32, u32, u32) = (2022, 10, 11);

fn day((year, month, day): (i32, u32, u32)) -> Result<NaiveDate, Failure> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| Failure(format!("kein Datum: {year}-{month}-{day}")))
}

struct Written {
    files: Vec<PathBuf>,
}

impl Written {
    fn write(&mut self, dir: &Path, name: &str, text: &str) -> Result<(), Failure> {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        self.files.push(path);
        Ok(())
    }

    fn report(&mut self, dir: &Path, report: &TertialReport) -> Result<(), Failure> {
        let stem = format!("bericht-{}", report.tertial);
        for (format, extension) in [
            (ReportFormat::Md, "md"),
            (ReportFormat::Html, "html"),
            (ReportFormat::Json, "json"),
        ] {
            self.write(
                dir,
                &format!("{stem}.{extension}"),
                &render(report, format)?,
            )?;
        }
        self.write(
            dir,
            &format!("ampel-{}.svg", report.tertial),
            &render(report, ReportFormat::Svg)?,
        )?;
        let mut paper = serde_json::to_string_pretty(&for_report(report))?;
        paper.push('\n');
        self.write(dir, &format!("vorlage-{}.json", report.tertial), &paper)
    }
}

fn light_summary(report: &TertialReport) -> String {
    let count = |light| {
        report
            .goals
            .iter()
            .filter(|g| g.light == Some(light))
            .count()
    };
    format!(
        "{} grün, {} gelb, {} rot, {} ohne Berichtsblatt",
        count(zielsystem_core::Light::Green),
        count(zielsystem_core::Light::Yellow),
        count(zielsystem_core::Light::Red),
        report.missing_goals.len()
    )
}

pub(crate) fn run(out: &mut impl Write, dir: &Path) -> Result<u8, Failure> {
    let (system_name, system_text) = bundle::SYSTEM;
    let system: TargetSystem = parse_json(system_name, system_text.as_bytes())?;
    let sheets = bundle::SHEETS
        .iter()
        .map(|(name, text)| parse_json::<ReportSheet>(name, text.as_bytes()))
        .collect::<Result<Vec<_>, _>>()?;
    let of = |period: Period| -> Result<(Tertial, Vec<ReportSheet>), Failure> {
        let tertial = Tertial::new(system.year, period)?;
        let chosen = sheets
            .iter()
            .filter(|sheet| sheet.tertial == tertial)
            .cloned()
            .collect();
        Ok((tertial, chosen))
    };
    let (t1, t1_sheets) = of(Period::T1)?;
    let (t2, t2_sheets) = of(Period::T2)?;

    writeln!(
        out,
        "Demo: Zielsteuerung {} – {}",
        system.authority, system.year
    )?;
    writeln!(
        out,
        "Eingelesen: Zielsystem ({} Ziele) und {} Berichtsblätter aus {}.",
        system.goals.len(),
        sheets.len(),
        bundle::SOURCE
    )?;

    // Tertial I: consolidated after the deadline, decided by the Bezirksamt, noted by the council.
    let draft = consolidate(&system, &t1_sheets, t1, day(T1_AS_OF)?, &[]);
    let (decided_on, number) = T1_DECIDED;
    let (noted_on, printed, outcome) = T1_NOTED;
    let noted_on = day(noted_on)?;
    let t1_report = match draft
        .decide(day(decided_on)?, number)
        .and_then(|decided| decided.note(noted_on, printed, Some(outcome.to_string())))
    {
        Ok(noted) => noted,
        Err(refused) => {
            writeln!(
                out,
                "{}: Beschluss nicht möglich, der Bericht bleibt Entwurf:",
                t1.label_de()
            )?;
            for finding in &refused.findings {
                writeln!(out, "  {} {}", finding.code, finding.message)?;
            }
            draft
        }
    };
    // Tertial II: a draft, compared with tertial I.
    let t2_report = consolidate(&system, &t2_sheets, t2, day(T2_AS_OF)?, &t1_sheets);

    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let mut written = Written { files: Vec::new() };
    let mut errors = false;
    for report in [&t1_report, &t2_report] {
        let checked = validate_report(report);
        let paper = validate_paper(&for_report(report));
        errors |= !checked.valid || !paper.valid;
        written.report(dir, report)?;
        writeln!(
            out,
            "{} (Stand {}, {}): {}; Befunde TR: {} Fehler, {} Hinweise; Vorlage (BV): {} Befunde.",
            report.tertial.label_de(),
            report.as_of.format("%d.%m.%Y"),
            report.stage.label_de(),
            light_summary(report),
            checked.errors().count(),
            checked.warnings().count(),
            paper.findings.len(),
        )?;
    }
    for change in &t2_report.changes {
        writeln!(
            out,
            "  {} seit dem {}: {} ({} → {})",
            change.goal,
            t1.label_de(),
            change.direction.label_de(),
            change.from.label_de(),
            change.to.label_de()
        )?;
    }
    writeln!(out, "Geschrieben nach {}:", dir.display())?;
    for path in &written.files {
        writeln!(out, "  {}", path.display())?;
    }
    writeln!(
        out,
        "Beschluss- und Drucksachennummern der Demo sind illustrativ. Ansehen: {}",
        dir.join(format!("bericht-{t1}.html")).display()
    )?;
    Ok(u8::from(errors))
}
