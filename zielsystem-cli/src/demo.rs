//! `zielsystem demo [--out DIR]`: the whole procedure on the bundled example district, from the
//! target system and the sheets to the reports of the year: tertial I decided by the Bezirksamt and
//! noted by the council, tertial II decided, tertial III a draft while sheets are still coming in.
//! Tertial II is consolidated with the steering service's review log (one sheet returned and
//! resubmitted), and the demo writes that month's status overview, a reminder and the return letter
//! with its pre-filled form to `steuerung-2022-T2/`. Every paper and letter it writes is marked
//! "Beispiel" ([`RenderOptions::EXAMPLE`]): the example carries a real authority's name with partly
//! invented goals and figures.
//!
//! The example's files are compiled into the binary ([`bundle`]), so the demo works from any
//! directory and from an installed binary alike.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zielsystem_core::calendar::Period;
use zielsystem_core::model::paper::{council_paper, decision_paper};
use zielsystem_core::model::tertial_report::CouncilOutcome;
use zielsystem_core::render::reminder::reminders;
use zielsystem_core::render::{RenderOptions, html, markdown};
use zielsystem_core::rules::{ReviewContext, validate_review_log};
use zielsystem_core::steering::status::{DEFAULT_GRACE_WORKING_DAYS, status};
use zielsystem_core::text::german_date;
use zielsystem_core::{
    Document, Finding, ReportSheet, ReviewLog, TargetSystem, Tertial, TertialReport,
    ValidationResult, consolidate, consolidate_reviewed,
};

use crate::Failure;
use crate::input::parse;
use crate::report::{ReportFormat, render};
use crate::review::write_return_letter;

/// The bundled example (`examples/mitte-2022/`), compiled in by `build.rs`.
mod bundle {
    /// Where the files come from, for the summary.
    pub(super) const SOURCE: &str = "examples/mitte-2022";

    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));
}

/// One report of the demo: which tertial, its day, and how far its lifecycle runs. The decision
/// and council numbers and dates are illustrative.
struct Step {
    period: Period,
    as_of: (i32, u32, u32),
    decided: Option<Decided>,
    noted: Option<Noted>,
}

/// Day, resolution number, and the positions of the countermeasures not adopted.
type Decided = (Ymd, &'static str, &'static [usize]);
/// Day, Drucksache number (if any), outcome.
type Noted = (Ymd, Option<&'static str>, CouncilOutcome);
type Ymd = (i32, u32, u32);

/// Tertial I decided and noted by the council, tertial II decided, tertial III a draft in January
/// (the deadline has not passed: the missing sheets are "ausstehend").
const STEPS: [Step; 3] = [
    Step {
        period: Period::T1,
        as_of: (2022, 6, 7),
        decided: Some(((2022, 6, 14), "118/VI", &[])),
        noted: Some(((2022, 7, 14), Some("0412/VI"), CouncilOutcome::Noted)),
    },
    Step {
        period: Period::T2,
        as_of: (2022, 10, 4),
        decided: Some(((2022, 10, 11), "164/VI", &[])),
        noted: None,
    },
    Step {
        period: Period::T3,
        as_of: (2023, 1, 27),
        decided: None,
        noted: None,
    },
];

/// The steering service's month of tertial II: the review log (`review/2022-T2/`), the status on a
/// day before the deadline with its reminders, and the return letter of the goal whose sheet went
/// back (illustrative, like the numbers).
const REVIEWED: Period = Period::T2;
const STATUS_DAY: Ymd = (2022, 9, 21);
const RETURNED_GOAL: &str = "V04";

/// The example's review log of `tertial` and the returned versions that are not among the sheets.
fn review_of(tertial: Tertial) -> Result<Option<(ReviewLog, Vec<ReportSheet>)>, Failure> {
    let prefix = format!("review/{tertial}/");
    let mut log = None;
    let mut returned = Vec::new();
    for (name, text) in bundle::REVIEW
        .iter()
        .filter(|(name, _)| name.starts_with(&prefix))
    {
        if name.ends_with("/pruefprotokoll.json") {
            log = Some(parse::<ReviewLog>(name, text.as_bytes())?);
        } else {
            returned.push(parse::<ReportSheet>(name, text.as_bytes())?);
        }
    }
    Ok(log.map(|log| (log, returned)))
}

/// Writes the steering service's papers of the reviewed tertial to `dir/steuerung-<tertial>/`: the
/// status overview on [`STATUS_DAY`], the first reminder of that day and the return letter with
/// its pre-filled form. True when the review log has an error finding.
fn steering_month(
    out: &mut impl Write,
    dir: &Path,
    written: &mut Written,
    system: &TargetSystem,
    (log, sheets): (&ReviewLog, &[ReportSheet]),
) -> Result<bool, Failure> {
    let checked = validate_review_log(
        log,
        ReviewContext {
            system: Some(system),
            sheets,
        },
    );
    let dir = dir.join(format!("steuerung-{}", log.tertial));
    std::fs::create_dir_all(&dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let as_of = day(STATUS_DAY)?;
    let overview = status(
        system,
        log.tertial,
        as_of,
        sheets,
        Some(log),
        DEFAULT_GRACE_WORKING_DAYS,
    );
    written.write(&dir, &format!("stand-{as_of}.md"), overview.to_markdown())?;
    let sender = "Frau Sommer";
    let letters = reminders(&overview, system, sender, RenderOptions::EXAMPLE);
    if let Some(letter) = letters.first() {
        let stem = format!(
            "erinnerung-{}",
            crate::form::file_stem(letter.member.as_deref().unwrap_or("unbesetzt"))
        );
        written.write(&dir, &format!("{stem}.md"), &letter.markdown)?;
        written.write(&dir, &format!("{stem}.html"), &letter.html)?;
    }
    let paths = write_return_letter(
        &dir,
        log,
        RETURNED_GOAL,
        system,
        sheets,
        None,
        RenderOptions::EXAMPLE,
    )?;
    written.files.extend(paths);
    let awaited: usize = overview
        .members
        .iter()
        .flat_map(|member| &member.goals)
        .filter(|goal| goal.submitted_on.is_none())
        .count();
    writeln!(
        out,
        "Prüfprotokoll {}: {} Einträge, {} Befunde; Stand am {}: {} Berichtsblätter ausstehend, {} Erinnerungsschreiben; Rückgabeschreiben zu {}.",
        log.tertial.label_de(),
        log.entries.len(),
        checked.findings.len(),
        german_date(as_of),
        awaited,
        letters.len(),
        RETURNED_GOAL
    )?;
    Ok(!checked.valid)
}

/// The draft report of `step`: with the example's review log where the tertial has one (then also
/// the steering service's papers of that month, [`steering_month`]), else as [`consolidate()`] does;
/// and whether the review log has an error finding.
fn draft(
    out: &mut impl Write,
    dir: &Path,
    written: &mut Written,
    system: &TargetSystem,
    step: &Step,
    (of_tertial, earlier): (&[ReportSheet], &[ReportSheet]),
) -> Result<(TertialReport, bool), Failure> {
    let as_of = day(step.as_of)?;
    let tertial = Tertial::new(system.year, step.period)?;
    let review = if step.period == REVIEWED {
        review_of(tertial)?
    } else {
        None
    };
    Ok(match &review {
        Some((log, returned)) => {
            let given: Vec<ReportSheet> = of_tertial.iter().chain(returned).cloned().collect();
            let history: Vec<ReportSheet> = earlier.iter().chain(&given).cloned().collect();
            let log_errors = steering_month(out, dir, written, system, (log, &history))?;
            let report = consolidate_reviewed(system, &given, tertial, as_of, earlier, log);
            (report, log_errors)
        }
        None => (
            consolidate(system, of_tertial, tertial, as_of, earlier),
            false,
        ),
    })
}

fn day((year, month, day): (i32, u32, u32)) -> Result<NaiveDate, Failure> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| Failure(format!("kein Datum: {year}-{month}-{day}")))
}

struct Written {
    files: Vec<PathBuf>,
}

impl Written {
    fn write(&mut self, dir: &Path, name: &str, text: impl AsRef<[u8]>) -> Result<(), Failure> {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        self.files.push(path);
        Ok(())
    }

    /// The report (JSON), its matrix (SVG) and its papers, each as HTML, Markdown and JSON, marked
    /// as examples: the Bezirksamtsvorlage always, the Vorlage for the council once decided; and
    /// the current paper as PDF.
    fn report(&mut self, dir: &Path, report: &TertialReport) -> Result<(), Failure> {
        let tertial = report.tertial;
        self.write(
            dir,
            &format!("bericht-{tertial}.json"),
            &render(report, ReportFormat::Json)?,
        )?;
        self.write(
            dir,
            &format!("ampel-{tertial}.svg"),
            &render(report, ReportFormat::Svg)?,
        )?;
        let options = RenderOptions::EXAMPLE;
        let stem = format!("vorlage-bezirksamt-{tertial}");
        self.write(
            dir,
            &format!("{stem}.html"),
            html::decision_paper(report, options),
        )?;
        self.write(
            dir,
            &format!("{stem}.md"),
            markdown::decision_paper(report, options),
        )?;
        self.write(
            dir,
            &format!("{stem}.json"),
            &pretty(&decision_paper(report))?,
        )?;
        if let (Some(html), Some(md), Some(paper)) = (
            html::council_paper(report, options),
            markdown::council_paper(report, options),
            council_paper(report),
        ) {
            let stem = format!("vorlage-bvv-{tertial}");
            self.write(dir, &format!("{stem}.html"), &html)?;
            self.write(dir, &format!("{stem}.md"), &md)?;
            self.write(dir, &format!("{stem}.json"), &pretty(&paper)?)?;
        }
        // The paper to file as PDF: the Vorlage for the council once decided, else the Bezirksamt's.
        #[cfg(feature = "pdf")]
        self.write(
            dir,
            &format!("bericht-{tertial}.pdf"),
            zielsystem_pdf::current_paper_pdf(report, options)?,
        )?;
        Ok(())
    }
}

fn pretty(value: &impl serde::Serialize) -> Result<String, Failure> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Moves `report` on in its lifecycle; when refused, says why and keeps it where it was.
fn advance(
    out: &mut impl Write,
    report: TertialReport,
    step: impl FnOnce(&TertialReport) -> Result<Result<TertialReport, ValidationResult>, Failure>,
) -> Result<TertialReport, Failure> {
    match step(&report)? {
        Ok(next) => Ok(next),
        Err(refused) => {
            writeln!(
                out,
                "{}: nicht weitergeführt, der Bericht bleibt „{}“:",
                report.tertial.label_de(),
                report.stage.label_de()
            )?;
            for finding in &refused.findings {
                writeln!(out, "  {} {}", finding.code, finding.message)?;
            }
            Ok(report)
        }
    }
}

fn light_summary(report: &TertialReport) -> String {
    let count = |light| report.light_count(light);
    format!(
        "{} grün, {} gelb, {} rot, {} ohne Berichtsblatt",
        count(zielsystem_core::Light::Green),
        count(zielsystem_core::Light::Yellow),
        count(zielsystem_core::Light::Red),
        report.missing_goals.len()
    )
}

/// Step 1 of the procedure: the target system and every sheet (each with the others as its
/// history) against the rule catalogue. Writes `pruefung.json` (one validation result per
/// document, as `zielsystem validate --format json`) and prints a summary; true when any error.
fn validate_inputs(
    out: &mut impl Write,
    dir: &Path,
    written: &mut Written,
    system: &TargetSystem,
    sheets: &[ReportSheet],
) -> Result<bool, Failure> {
    #[derive(serde::Serialize)]
    struct Checked<'a> {
        document: &'a str,
        #[serde(flatten)]
        result: ValidationResult,
    }
    let mut checked = vec![Checked {
        document: bundle::SYSTEM.0,
        result: system.validate(None),
    }];
    for ((name, _), sheet) in bundle::SHEETS.iter().zip(sheets) {
        checked.push(Checked {
            document: name,
            result: sheet.validate((system, sheets)),
        });
    }
    let errors: usize = checked.iter().map(|c| c.result.errors().count()).sum();
    let warnings: usize = checked.iter().map(|c| c.result.warnings().count()).sum();
    writeln!(
        out,
        "Prüfung nach dem Regelkatalog: {} Dokumente, {errors} Fehler, {warnings} Hinweise.",
        checked.len()
    )?;
    for document in &checked {
        for finding in &document.result.findings {
            writeln!(
                out,
                "  {}: {}[{}] {}",
                document.document,
                finding.severity.as_str(),
                finding.code,
                finding.message
            )?;
        }
    }
    let mut text = serde_json::to_string_pretty(&checked)?;
    text.push('\n');
    written.write(dir, "pruefung.json", &text)?;
    Ok(errors > 0)
}

pub(crate) fn run(out: &mut impl Write, dir: &Path) -> Result<u8, Failure> {
    let (system_name, system_text) = bundle::SYSTEM;
    let system: TargetSystem = parse(system_name, system_text.as_bytes())?;
    let sheets = bundle::SHEETS
        .iter()
        .map(|(name, text)| parse::<ReportSheet>(name, text.as_bytes()))
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
    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let mut written = Written { files: Vec::new() };
    let mut errors = validate_inputs(out, dir, &mut written, &system, &sheets)?;
    let mut earlier: Vec<ReportSheet> = Vec::new();
    let mut first_html = None;
    for step in &STEPS {
        let (tertial, of_tertial) = of(step.period)?;
        let (mut report, log_errors) = draft(
            out,
            dir,
            &mut written,
            &system,
            step,
            (&of_tertial, &earlier),
        )?;
        errors |= log_errors;
        if let Some((decided_on, number, not_adopted)) = step.decided {
            report = advance(out, report, |r| {
                Ok(r.decide(&system, day(decided_on)?, number, not_adopted))
            })?;
        }
        if let Some((noted_on, number, outcome)) = step.noted {
            report = advance(out, report, |r| {
                Ok(r.note(day(noted_on)?, number.map(String::from), Some(outcome)))
            })?;
        }
        let checked = report.validate();
        // The papers' numbers as the authority writes them (the report carries its numbering).
        let numbering = report.context.numbering.as_ref();
        let mut paper = decision_paper(&report).validate(numbering);
        if let Some(council) = council_paper(&report) {
            paper.findings.extend(council.validate(numbering).findings);
        }
        errors |= !checked.valid || paper.findings.iter().any(Finding::is_error);
        written.report(dir, &report)?;
        first_html.get_or_insert_with(|| dir.join(format!("vorlage-bezirksamt-{tertial}.html")));
        writeln!(
            out,
            "{} (Stand {}, {}): {}; Regeln TR: {} Fehler, {} Hinweise; Vorlagen BV: {} Befunde.",
            tertial.label_de(),
            report.as_of.format("%d.%m.%Y"),
            report.stage.label_de(),
            light_summary(&report),
            checked.errors().count(),
            checked.warnings().count(),
            paper.findings.len(),
        )?;
        for change in &report.changes {
            writeln!(
                out,
                "  {} seit dem {}: {} ({} → {})",
                change.goal,
                report
                    .compared_with
                    .map(Tertial::label_de)
                    .unwrap_or_default(),
                change.direction.label_de(),
                change.from.label_de(),
                change.to.label_de()
            )?;
        }
        earlier.extend(of_tertial);
    }
    writeln!(out, "Geschrieben nach {}:", dir.display())?;
    for path in &written.files {
        writeln!(out, "  {}", path.display())?;
    }
    writeln!(
        out,
        "Beschluss- und Drucksachennummern und -daten der Demo sind illustrativ. Ansehen: {}",
        first_html.unwrap_or_default().display()
    )?;
    Ok(u8::from(errors))
}
