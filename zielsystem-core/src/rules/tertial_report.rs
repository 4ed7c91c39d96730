//! Rules TR01–TR06 on a consolidated tertial report.
//!
//! They read only the report: it carries its sheets, its goals and its history, so a stored report
//! can be re-checked by anyone. [`crate::consolidate::consolidate`] puts exactly these findings into
//! the report it builds.

use crate::decode::{Checked, DocumentSchema};
use crate::document::{Decode, Document};
use crate::findings::{Finding, ValidationResult, pointer};
use crate::model::target_system::Resolution;
use crate::model::tertial_report::{Stage, TertialReport};
use crate::numbering::NumberKind;
use crate::rules::catalogue::{Codes, GermanDate, Message};
use crate::rules::numbers::number_finding;
use std::collections::HashSet;

/// The published JSON Schema of a tertial report, built once.
pub fn schema() -> &'static DocumentSchema {
    TertialReport::schema()
}

impl Document for TertialReport {
    type Context<'a> = ();

    fn validate(&self, (): ()) -> ValidationResult {
        validate_report(self)
    }
}

/// Checks a stored tertial report from raw JSON bytes: schema-level findings when it does not
/// decode, otherwise every rule TR01–TR06 on the report as it stands.
pub fn check_report_json(bytes: &[u8]) -> Checked<TertialReport> {
    TertialReport::check(bytes, ())
}

/// Every finding of TR01–TR06 on `report`.
pub fn validate_report(report: &TertialReport) -> ValidationResult {
    ValidationResult::from_findings(findings(report))
}

/// The findings of TR01–TR06, in rule order.
pub fn findings(report: &TertialReport) -> Vec<Finding> {
    let mut findings = Vec::new();
    tr01_sheets_belong(report, &mut findings);
    tr02_one_sheet_per_goal(report, &mut findings);
    tr03_every_goal_has_a_sheet(report, &mut findings);
    tr04_lifecycle(report, &mut findings);
    tr05_decided_with_sheet_errors(report, &mut findings);
    tr06_tertial_in_the_systems_year(report, &mut findings);
    findings
}

/// TR06: the tertial lies in the year of the target system reported on (its year is in the
/// report's context). A report of another year's tertial pairs goals with sheets whose goal ids
/// mean other goals (ids are stable only within a year).
fn tr06_tertial_in_the_systems_year(report: &TertialReport, findings: &mut Vec<Finding>) {
    if report.tertial.year() != report.context.year {
        findings.push(Finding::new(
            Message::ReportTertialOutsideYear {
                tertial: report.tertial,
                year: report.context.year,
            },
            "/tertial",
        ));
    }
}

/// TR01: every sheet (and every earlier sheet in the history) belongs to the report's authority,
/// year and tertial (earlier tertials of the year, for the history), and names a goal of the report.
fn tr01_sheets_belong(report: &TertialReport, findings: &mut Vec<Finding>) {
    for (index, sheet) in report.sheets.iter().enumerate() {
        let path = pointer("/sheets", index);
        if sheet.authority != report.authority || sheet.tertial != report.tertial {
            findings.push(Finding::new(
                Message::SheetForeign {
                    goal: sheet.goal.clone(),
                    sheet_authority: sheet.authority.clone(),
                    sheet_tertial: sheet.tertial,
                    authority: report.authority.clone(),
                    tertial: report.tertial,
                },
                path,
            ));
        } else if report.goal(&sheet.goal).is_none() {
            findings.push(Finding::new(
                Message::SheetGoalNotInReport {
                    goal: sheet.goal.clone(),
                },
                pointer(&path, "goal"),
            ));
        }
    }
    for (index, entry) in report.history.iter().enumerate() {
        let belongs = entry.authority == report.authority
            && entry.tertial.year() == report.tertial.year()
            && entry.tertial < report.tertial
            && report.goal(&entry.goal).is_some();
        if !belongs {
            findings.push(Finding::new(
                Message::PreviousSheetForeign {
                    goal: entry.goal.clone(),
                    sheet_authority: entry.authority.clone(),
                    sheet_tertial: entry.tertial,
                    year: report.tertial.year(),
                    authority: report.authority.clone(),
                },
                pointer("/history", index),
            ));
        }
    }
}

/// TR02: at most one sheet per goal (and one earlier sheet per goal and tertial). Every sheet after
/// the first on a goal is reported.
fn tr02_one_sheet_per_goal(report: &TertialReport, findings: &mut Vec<Finding>) {
    let mut seen: HashSet<(&str, &str, crate::Tertial)> = HashSet::new();
    for (index, sheet) in report.sheets.iter().enumerate() {
        let key = (sheet.authority.as_str(), sheet.goal.as_str(), sheet.tertial);
        if !seen.insert(key) {
            findings.push(Finding::new(
                Message::SheetDuplicate {
                    goal: sheet.goal.clone(),
                },
                pointer("/sheets", index),
            ));
        }
    }
    let mut seen: HashSet<(&str, &str, crate::Tertial)> = HashSet::new();
    for (index, entry) in report.history.iter().enumerate() {
        let key = (entry.authority.as_str(), entry.goal.as_str(), entry.tertial);
        if !seen.insert(key) {
            findings.push(Finding::new(
                Message::PreviousSheetDuplicate {
                    goal: entry.goal.clone(),
                    sheet_tertial: entry.tertial,
                },
                pointer("/history", index),
            ));
        }
    }
}

/// TR03: every goal has a sheet of the report's authority and tertial — a warning at every stage:
/// the Bezirksamt may decide on an incomplete report, and the papers say who is missing.
fn tr03_every_goal_has_a_sheet(report: &TertialReport, findings: &mut Vec<Finding>) {
    for (index, entry) in report.goals.iter().enumerate() {
        let has_sheet = report.sheets.iter().any(|sheet| {
            sheet.goal == entry.goal
                && sheet.authority == report.authority
                && sheet.tertial == report.tertial
        });
        if !has_sheet {
            findings.push(Finding::new(
                Message::GoalWithoutSheet {
                    goal: entry.goal.clone(),
                },
                pointer("/goals", index),
            ));
        }
    }
}

/// TR04: draft → decided (date, resolution number, a decision per countermeasure) → passed to the
/// council (date; its printed-paper number where it has one; outcome), each stage with exactly its
/// fields, dates in order; the decision on or after the cut-off and on or after the latest
/// submission of the sheets it covers (a complete report may be decided before the deadline).
fn tr04_lifecycle(report: &TertialReport, findings: &mut Vec<Finding>) {
    let stage = report.stage.label_de();
    let missing = |field: &'static str, path: &str| {
        Finding::new(Message::LifecycleFieldMissing { stage, field }, path)
    };
    let unexpected = |field: &'static str, path: &str| {
        Finding::new(Message::LifecycleFieldUnexpected { stage, field }, path)
    };
    match report.stage {
        Stage::Draft => {
            if report.decision.is_some() {
                findings.push(unexpected("decision", "/decision"));
            }
            if report.council.is_some() {
                findings.push(unexpected("council", "/council"));
            }
            for (index, countermeasure) in report.countermeasures.iter().enumerate() {
                if countermeasure.adopted.is_some() {
                    let path = pointer(&pointer("/countermeasures", index), "adopted");
                    findings.push(unexpected("adopted", &path));
                }
            }
        }
        Stage::Decided => {
            if report.decision.is_none() {
                findings.push(missing("decision", "/decision"));
            }
            if report.council.is_some() {
                findings.push(unexpected("council", "/council"));
            }
        }
        Stage::Noted => {
            if report.decision.is_none() {
                findings.push(missing("decision", "/decision"));
            }
            if report.council.is_none() {
                findings.push(missing("council", "/council"));
            }
        }
    }
    if let Some(decision) = &report.decision {
        tr04_decision(report, decision, findings);
    }
    if let Some(council) = &report.council {
        if let Some(number) = &council.number {
            findings.extend(number_finding(
                report.context.numbering.as_ref(),
                NumberKind::PrintedPaper,
                number,
                "/council/number",
                |number, _| Message::CouncilNumberMalformed { number },
                |number, pattern, example, _| Message::CouncilNumberNotOfPattern {
                    number,
                    pattern,
                    example,
                },
            ));
        }
        let decided_on = report.decision.as_ref().map(|decision| decision.decided_on);
        if let Some(decided_on) = decided_on.filter(|decided_on| council.noted_on < *decided_on) {
            findings.push(Finding::new(
                Message::LifecycleDateOrder {
                    noted_on: GermanDate(council.noted_on),
                    decided_on: GermanDate(decided_on),
                },
                "/council/noted_on",
            ));
        }
    }
}

/// TR04 on the decision itself: its number, and its day against the cut-off and the submissions.
fn tr04_decision(report: &TertialReport, decision: &Resolution, findings: &mut Vec<Finding>) {
    findings.extend(number_finding(
        report.context.numbering.as_ref(),
        NumberKind::Resolution,
        &decision.number,
        "/decision/number",
        |number, _| Message::DecisionNumberMalformed { number },
        |number, pattern, example, _| Message::DecisionNumberNotOfPattern {
            number,
            pattern,
            example,
        },
    ));
    let cut_off = report.tertial.cut_off();
    if decision.decided_on < cut_off {
        findings.push(Finding::new(
            Message::DecidedBeforeCutOff {
                decided_on: GermanDate(decision.decided_on),
                cut_off: GermanDate(cut_off),
            },
            "/decision/decided_on",
        ));
    }
    let latest = report
        .goals
        .iter()
        .filter_map(|entry| report.sheet_of(entry))
        .max_by_key(|sheet| sheet.submitted_on);
    if let Some(sheet) = latest.filter(|sheet| decision.decided_on < sheet.submitted_on) {
        findings.push(Finding::new(
            Message::DecidedBeforeSubmission {
                decided_on: GermanDate(decision.decided_on),
                goal: sheet.goal.clone(),
                submitted_on: GermanDate(sheet.submitted_on),
            },
            "/decision/decided_on",
        ));
    }
}

/// TR05: a decided (or noted) report has no sheet with an error finding. The errors are those the
/// report records per goal (`sheet_errors`), found at consolidation and again at the decision, when
/// the sheets are re-checked against the target system.
fn tr05_decided_with_sheet_errors(report: &TertialReport, findings: &mut Vec<Finding>) {
    if !report.stage.is_final() {
        return;
    }
    for (index, entry) in report.goals.iter().enumerate() {
        if entry.sheet_errors.is_empty() {
            continue;
        }
        findings.push(Finding::new(
            Message::DecidedWithSheetErrors {
                goal: entry.goal.clone(),
                codes: Codes(entry.sheet_errors.clone()),
            },
            pointer(&pointer("/goals", index), "sheet_errors"),
        ));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;

    const DECIDED_EARLY: &str =
        include_str!("../../../tests/cases/report/tr04-decided-before-cut-off/report.json");

    #[test]
    fn raw_json_is_decoded_then_checked_as_it_stands() {
        let checked = check_report_json(DECIDED_EARLY.as_bytes());
        let report: TertialReport = serde_json::from_str(DECIDED_EARLY).unwrap();
        assert_eq!(checked.result, validate_report(&report));
        assert_eq!(checked.document, Some(report));
        assert!(checked.result.has(Code::TR04));
        assert!(!checked.result.valid);
    }

    #[test]
    fn raw_json_of_another_shape_gives_schema_findings_and_no_rule() {
        let mut value: serde_json::Value = serde_json::from_str(DECIDED_EARLY).unwrap();
        value["stage"] = "final".into();
        let checked = check_report_json(&serde_json::to_vec(&value).unwrap());
        assert!(checked.document.is_none());
        assert_eq!(checked.result.codes(), vec![Code::SchemaEnum]);
        assert_eq!(checked.result.findings[0].path, "/stage");

        let broken = check_report_json(b"[]");
        assert_eq!(broken.result.codes(), vec![Code::SchemaType]);
    }
}
