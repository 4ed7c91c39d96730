//! Consolidation by the steering service: every sheet of a tertial into one [`TertialReport`], and
//! the report's lifecycle draft → decided by the Bezirksamt → noted by the council.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::Tertial;
use crate::digest::sheet_digest;
use crate::findings::{Finding, ValidationResult};
use crate::model::report_sheet::ReportSheet;
use crate::model::review_log::{ReviewEntry, ReviewLog, ReviewStatus};
use crate::model::target_system::{Resolution, TargetSystem};
use crate::model::tertial_report::{
    ChangeDirection, CouncilNote, CouncilOutcome, Counts, ForecastCount, GoalEntry, GoalIndicators,
    GoalReview, HistoryEntry, LightChange, PortfolioCount, ReportContext, ReportCountermeasure,
    ReportReview, ReportingStatus, SheetVersion, Stage, TertialReport,
};
use crate::model::vocabulary::{Forecast, Light, OrgUnitKind, Perspective};
use crate::rules::catalogue::{Code, Message};
use crate::rules::review_log::states as review_states;
use crate::rules::{tertial_report, validate_sheet};

/// Consolidates the sheets of `tertial` into a draft report as of `as_of`.
///
/// - `goals` lists every goal of `system` in its order. A goal's sheet is the first sheet of the
///   system's authority and `tertial` on it; its reporting status compares the sheet's submission
///   with the tertial's deadline, or, without a sheet, `as_of` with the deadline (`missing` up to
///   and including the deadline day, `overdue` after it).
/// - Every sheet given is kept in the report (`sheets`) with its digest, and checked by TR01–TR03:
///   foreign sheets (TR01) and second sheets on a goal (TR02) do not count for the goal.
/// - `previous` are sheets of earlier tertials of the year (any number of them); they become the
///   report's `history`, and the lights are compared with the latest earlier tertial present
///   (`compared_with`, `changes`). Sheets in `previous` that do not belong there are reported (TR01,
///   TR02) and left out of the comparison.
/// - The findings are those of [`tertial_report::validate_report`] on the result.
pub fn consolidate(
    system: &TargetSystem,
    sheets: &[ReportSheet],
    tertial: Tertial,
    as_of: NaiveDate,
    previous: &[ReportSheet],
) -> TertialReport {
    build(system, sheets, tertial, as_of, previous, &HashMap::new())
}

/// Consolidates as [`consolidate`] does, with the steering service's review log of the tertial.
///
/// Only the log's entries dated on or before `as_of` count. For a goal the log names, the report
/// counts the accepted version of its sheet; while no version is accepted, the version that came in
/// last (under review, or returned and awaiting its correction) — the member's word on the goal as
/// it stands — and the goal is listed in `review.pending_goals`. The other versions the log names
/// are left out of the report's sheets (they are superseded, not second sheets) but keep their
/// digests in `review.goals`, with the days they came in, went back and were accepted; the
/// reporting status counts from the first version (a correction does not make a sheet late). Sheets the
/// log does not name count as in [`consolidate`]. A version whose sheet is not given leaves its
/// goal without a sheet.
pub fn consolidate_reviewed(
    system: &TargetSystem,
    sheets: &[ReportSheet],
    tertial: Tertial,
    as_of: NaiveDate,
    previous: &[ReportSheet],
    log: &ReviewLog,
) -> TertialReport {
    let states = review_states(log, Some(as_of));
    let versions = versions(log, as_of);
    let counted: HashMap<String, String> = states
        .iter()
        .map(|(goal, state)| (goal.clone(), state.digest().to_owned()))
        .collect();
    let superseded = |sheet: &ReportSheet| {
        versions.get(&sheet.goal).is_some_and(|list| {
            let digest = sheet_digest(sheet);
            counted.get(&sheet.goal) != Some(&digest)
                && list.iter().any(|version| version.digest == digest)
        })
    };
    let kept: Vec<ReportSheet> = sheets
        .iter()
        .filter(|sheet| sheet.tertial != tertial || !superseded(sheet))
        .cloned()
        .collect();
    let mut report = build(system, &kept, tertial, as_of, previous, &counted);
    // A corrected version does not make a sheet late: the reporting status counts from the first
    // version's submission (its sheet's day where given, else the day the log received it), as
    // the status overview does.
    for entry in report
        .goals
        .iter_mut()
        .filter(|entry| entry.sheet.is_some())
    {
        let Some(list) = versions.get(&entry.goal) else {
            continue;
        };
        let first = sheets
            .iter()
            .filter(|sheet| {
                sheet.goal == entry.goal
                    && sheet.tertial == tertial
                    && list.iter().any(|v| v.digest == sheet_digest(sheet))
            })
            .map(|sheet| sheet.submitted_on)
            .min()
            .or_else(|| list.first().map(|version| version.received_on));
        if let Some(day) = first {
            entry.reporting_status = if day <= tertial.deadline() {
                ReportingStatus::SubmittedOnTime
            } else {
                ReportingStatus::SubmittedLate
            };
        }
    }
    let goals: Vec<GoalReview> = system
        .goals
        .iter()
        .filter_map(|goal| {
            let state = states.get(&goal.id)?;
            Some(GoalReview {
                goal: goal.id.clone(),
                status: state.status(),
                counted_digest: state.digest().to_owned(),
                versions: versions.get(&goal.id).cloned().unwrap_or_default(),
            })
        })
        .collect();
    report.review = Some(ReportReview {
        pending_goals: goals
            .iter()
            .filter(|goal| goal.status != ReviewStatus::Accepted)
            .map(|goal| goal.goal.clone())
            .collect(),
        goals,
    });
    report.findings = tertial_report::findings(&report);
    report
}

/// Every version of each goal's sheet the log names, from the entries dated on or before `as_of`.
fn versions(log: &ReviewLog, as_of: NaiveDate) -> HashMap<String, Vec<SheetVersion>> {
    let mut out: HashMap<String, Vec<SheetVersion>> = HashMap::new();
    for entry in log.entries.iter().filter(|e| e.occasion().date <= as_of) {
        let at = entry.occasion();
        let list = out.entry(at.goal.to_owned()).or_default();
        match entry {
            ReviewEntry::Received { digest, .. } | ReviewEntry::Resubmitted { digest, .. } => {
                list.push(SheetVersion {
                    digest: digest.clone(),
                    received_on: at.date,
                    returned_on: None,
                    due_on: None,
                    accepted_on: None,
                });
            }
            ReviewEntry::Returned { due_on, .. } => {
                if let Some(last) = list.last_mut() {
                    last.returned_on = Some(at.date);
                    last.due_on = Some(*due_on);
                }
            }
            ReviewEntry::Accepted { .. } => {
                if let Some(last) = list.last_mut() {
                    last.accepted_on = Some(at.date);
                }
            }
        }
    }
    out
}

/// The position of the sheet counted for `goal` among `sheets`. Where one goal has several sheets
/// (TR02), the one submitted last counts (on equal days, the later one given) — the same choice as
/// `analytics::attainment_table`, so report and table never show different lights for a goal. A
/// sheet with the `preferred` digest (the review log's version) comes first.
fn counted_sheet(
    system: &TargetSystem,
    sheets: &[ReportSheet],
    tertial: Tertial,
    goal: &str,
    preferred: Option<&String>,
) -> Option<usize> {
    sheets
        .iter()
        .enumerate()
        .filter(|(_, sheet)| {
            sheet.goal == goal && sheet.authority == system.authority && sheet.tertial == tertial
        })
        .max_by_key(|(position, sheet)| {
            let is_preferred = preferred.is_some_and(|digest| sheet_digest(sheet) == *digest);
            (is_preferred, sheet.submitted_on, *position)
        })
        .map(|(position, _)| position)
}

/// The report of [`consolidate`], counting for each goal in `preferred` the sheet with that digest
/// where one is given.
fn build(
    system: &TargetSystem,
    sheets: &[ReportSheet],
    tertial: Tertial,
    as_of: NaiveDate,
    previous: &[ReportSheet],
    preferred: &HashMap<String, String>,
) -> TertialReport {
    let counted = |goal: &str| counted_sheet(system, sheets, tertial, goal, preferred.get(goal));
    let history: Vec<HistoryEntry> = previous.iter().map(history_entry).collect();
    let usable = |entry: &HistoryEntry| {
        entry.authority == system.authority
            && entry.tertial.year() == tertial.year()
            && entry.tertial < tertial
            && system.goal(&entry.goal).is_some()
    };
    let compared_with = history
        .iter()
        .filter(|entry| usable(entry))
        .map(|entry| entry.tertial)
        .max();
    let previous_light = |goal: &str| {
        history
            .iter()
            .find(|entry| {
                usable(entry) && Some(entry.tertial) == compared_with && entry.goal == goal
            })
            .map(|entry| entry.forecast.light())
    };

    let deadline = tertial.deadline();
    let mut goals = Vec::with_capacity(system.goals.len());
    let mut missing_goals = Vec::new();
    let mut countermeasures = Vec::new();
    let mut changes = Vec::new();
    for goal in &system.goals {
        let index = counted(&goal.id);
        let sheet = index.and_then(|index| sheets.get(index));
        let reporting_status = match sheet {
            Some(sheet) if sheet.submitted_on <= deadline => ReportingStatus::SubmittedOnTime,
            Some(_) => ReportingStatus::SubmittedLate,
            None if as_of <= deadline => ReportingStatus::Missing,
            None => ReportingStatus::Overdue,
        };
        if sheet.is_none() {
            missing_goals.push(goal.id.clone());
        }
        let forecast = sheet.map(|sheet| sheet.forecast);
        let light = forecast.map(Forecast::light);
        let before = previous_light(&goal.id);
        changes.extend(light_change(&goal.id, before, light));
        for countermeasure in sheet.iter().flat_map(|sheet| &sheet.countermeasures) {
            countermeasures.push(ReportCountermeasure {
                goal: goal.id.clone(),
                description: countermeasure.description.clone(),
                org_units: countermeasure.org_units.clone(),
                adopted: None,
            });
        }
        goals.push(GoalEntry {
            goal: goal.id.clone(),
            title: goal.title.clone(),
            perspective: goal.perspective,
            portfolio: goal.portfolio.clone(),
            reporting_status,
            forecast,
            light,
            sheet_digest: sheet.map(sheet_digest),
            sheet: index,
            sheet_errors: sheet
                .map_or_else(Vec::new, |sheet| sheet_errors(sheet, system, previous)),
            description: goal.description.clone(),
            previous_light: before,
        });
    }

    let mut report = TertialReport {
        schema_version: crate::SCHEMA_VERSION.to_string(),
        authority: system.authority.clone(),
        tertial,
        as_of,
        stage: Stage::Draft,
        decision: None,
        council: None,
        counts: counts(system, &goals, tertial),
        goals,
        missing_goals,
        countermeasures,
        compared_with,
        changes,
        history,
        context: context(system, as_of),
        sheets: sheets.to_vec(),
        review: None,
        findings: Vec::new(),
    };
    report.findings = tertial_report::findings(&report);
    report
}

fn history_entry(sheet: &ReportSheet) -> HistoryEntry {
    HistoryEntry {
        goal: sheet.goal.clone(),
        authority: sheet.authority.clone(),
        tertial: sheet.tertial,
        forecast: sheet.forecast,
        sheet_digest: sheet_digest(sheet),
    }
}

/// The change of a goal's light, when it has one before and now and they differ.
fn light_change(goal: &str, before: Option<Light>, now: Option<Light>) -> Option<LightChange> {
    let (from, to) = (before?, now?);
    let direction = match light_rank(to).cmp(&light_rank(from)) {
        std::cmp::Ordering::Greater => ChangeDirection::Worse,
        std::cmp::Ordering::Less => ChangeDirection::Better,
        std::cmp::Ordering::Equal => return None,
    };
    Some(LightChange {
        goal: goal.to_string(),
        from,
        to,
        direction,
    })
}

/// 0 green, 1 yellow, 2 red: a higher rank is worse.
fn light_rank(light: Light) -> u8 {
    match light {
        Light::Green => 0,
        Light::Yellow => 1,
        Light::Red => 2,
    }
}

fn counts(system: &TargetSystem, goals: &[GoalEntry], tertial: Tertial) -> Counts {
    let count = |forecast: Option<Forecast>, perspective: Option<Perspective>| {
        goals
            .iter()
            .filter(|entry| {
                entry.forecast == forecast && perspective.is_none_or(|p| entry.perspective == p)
            })
            .count() as u32
    };
    let rows = Forecast::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(|forecast| {
            let total = count(forecast, None);
            let allowed = forecast.is_none_or(|f| f.allowed_in(tertial.period()));
            (allowed || total > 0).then(|| ForecastCount {
                forecast,
                mandate_target_groups: count(forecast, Some(Perspective::MandateTargetGroups)),
                administration_internal: count(forecast, Some(Perspective::AdministrationInternal)),
                total,
            })
        })
        .collect();
    let by_portfolio = system
        .portfolios
        .iter()
        .filter_map(|portfolio| {
            let owned: Vec<&GoalEntry> = goals
                .iter()
                .filter(|entry| entry.portfolio == portfolio.id)
                .collect();
            let with = |light: Option<Light>| {
                owned.iter().filter(|entry| entry.light == light).count() as u32
            };
            (!owned.is_empty()).then(|| PortfolioCount {
                portfolio: portfolio.id.clone(),
                goals: owned.len() as u32,
                green: with(Some(Light::Green)),
                yellow: with(Some(Light::Yellow)),
                red: with(Some(Light::Red)),
                without_sheet: with(None),
            })
        })
        .collect();
    Counts {
        by_forecast: rows,
        by_portfolio,
    }
}

/// The codes of the error findings of `sheet` against `system` (the core's sheet validation; the
/// earlier sheets only matter for warnings), each code once, in catalogue order.
pub(crate) fn sheet_errors(
    sheet: &ReportSheet,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> Vec<Code> {
    let mut codes: Vec<Code> = validate_sheet(sheet, system, history)
        .findings
        .iter()
        .filter(|finding| finding.is_error())
        .map(|finding| finding.code)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn context(system: &TargetSystem, as_of: NaiveDate) -> ReportContext {
    let holder = system
        .org_units
        .iter()
        .find(|unit| unit.kind == OrgUnitKind::SteeringService)
        .and_then(|unit| system.holder_on(&unit.portfolio, as_of));
    let rapporteur_name = holder
        .and_then(|(member, _)| member.name.as_ref())
        .filter(|name| !name.trim().is_empty())
        .cloned();
    let rapporteur_office = holder.map(|(_, term)| term.role.label_de().to_string());
    let rapporteur = rapporteur_office
        .as_ref()
        .map(|office| match &rapporteur_name {
            Some(name) => format!("{office} {name}"),
            None => office.clone(),
        });
    ReportContext {
        year: system.year,
        resolution: system.resolution.clone(),
        mission_statement: system.mission_statement.clone(),
        rapporteur,
        rapporteur_name,
        rapporteur_office,
        legal_basis: None,
        numbering: system.numbering.clone(),
        portfolios: system.portfolios.clone(),
        org_units: system.org_units.clone(),
        indicators: system
            .goals
            .iter()
            .filter(|goal| !goal.indicators.is_empty())
            .map(|goal| GoalIndicators {
                goal: goal.id.clone(),
                indicators: goal.indicators.clone(),
            })
            .collect(),
    }
}

impl TertialReport {
    /// The findings of TR01–TR05 recomputed on the report as it stands.
    pub fn validate(&self) -> ValidationResult {
        tertial_report::validate_report(self)
    }

    /// The report decided by the Bezirksamt on `decided_on` with resolution `number` (e.g.
    /// `"52/VI"`), re-checked against `system`.
    ///
    /// The decision records, per proposed countermeasure, whether the Bezirksamt adopted it: every
    /// countermeasure is adopted unless its position in `countermeasures` is listed in
    /// `not_adopted`. Before deciding, every counted sheet is checked again against `system` with
    /// the core's sheet validation (its error codes go to the goal's `sheet_errors`).
    ///
    /// Refused, with the findings that forbid it, when the report is not a draft, or when the decided
    /// report would have an error: a sheet with an error finding (TR05); a decision before the cut-off
    /// or before the latest submission of its sheets, a malformed number, or a position in
    /// `not_adopted` without a countermeasure (TR04); foreign or duplicate sheets (TR01, TR02). A goal
    /// without a sheet does not refuse it: TR03 stays a warning and the papers name the goal.
    pub fn decide(
        &self,
        system: &TargetSystem,
        decided_on: NaiveDate,
        number: impl Into<String>,
        not_adopted: &[usize],
    ) -> Result<TertialReport, ValidationResult> {
        let unknown: Vec<Finding> = not_adopted
            .iter()
            .filter(|index| **index >= self.countermeasures.len())
            .map(|index| {
                Finding::new(
                    Message::CountermeasureUnknown { index: *index },
                    crate::findings::pointer("/countermeasures", *index),
                )
            })
            .collect();
        if !unknown.is_empty() && self.stage == Stage::Draft {
            return Err(ValidationResult::from_findings(unknown));
        }
        self.transition(Stage::Draft, Stage::Decided, |report| {
            report.decision = Some(Resolution {
                number: number.into(),
                decided_on,
            });
            for (index, countermeasure) in report.countermeasures.iter_mut().enumerate() {
                countermeasure.adopted = Some(!not_adopted.contains(&index));
            }
            let checked: Vec<Vec<Code>> = report
                .goals
                .iter()
                .map(|entry| {
                    report
                        .sheet_of(entry)
                        .map_or_else(Vec::new, |sheet| sheet_errors(sheet, system, &[]))
                })
                .collect();
            for (entry, errors) in report.goals.iter_mut().zip(checked) {
                entry.sheet_errors = errors;
            }
        })
    }

    /// The decided report passed to the council, which dealt with it on `noted_on` — as printed
    /// paper `number` (Drucksache, e.g. `"0297/VI"`) where it has one of its own — with the
    /// recorded `result` (taken note of, with an interim or final report, referred to a committee,
    /// postponed).
    ///
    /// Refused, with the findings that forbid it, when the report is not decided, or when the noted
    /// report would have an error (a date before the decision, a malformed number, …).
    pub fn note(
        &self,
        noted_on: NaiveDate,
        number: Option<String>,
        result: Option<CouncilOutcome>,
    ) -> Result<TertialReport, ValidationResult> {
        self.transition(Stage::Decided, Stage::Noted, |report| {
            report.council = Some(CouncilNote {
                noted_on,
                number,
                result,
                outcome: None,
            });
        })
    }

    fn transition(
        &self,
        from: Stage,
        to: Stage,
        apply: impl FnOnce(&mut TertialReport),
    ) -> Result<TertialReport, ValidationResult> {
        if self.stage != from {
            return Err(ValidationResult::from_findings(vec![Finding::new(
                Message::LifecycleTransition {
                    stage: self.stage,
                    target: to,
                },
                "/stage",
            )]));
        }
        let mut next = self.clone();
        next.stage = to;
        apply(&mut next);
        next.findings = tertial_report::findings(&next);
        if next.has_errors() {
            Err(ValidationResult::from_findings(next.findings))
        } else {
            Ok(next)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;
    use crate::findings::Severity;

    const SYSTEM: &str = include_str!("../../tests/fixtures/report-system.json");
    const T1: [&str; 6] = [
        include_str!("../../tests/fixtures/report-sheet-2022-T1-A01.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T1-A02.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T1-A03.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T1-A04.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T1-V01.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T1-V02.json"),
    ];
    const T2: [&str; 5] = [
        include_str!("../../tests/fixtures/report-sheet-2022-T2-A01.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T2-A02.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T2-A03.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T2-V01.json"),
        include_str!("../../tests/fixtures/report-sheet-2022-T2-V02.json"),
    ];

    fn system() -> TargetSystem {
        serde_json::from_str(SYSTEM).unwrap()
    }
    fn sheets(texts: &[&str]) -> Vec<ReportSheet> {
        texts
            .iter()
            .map(|t| serde_json::from_str(t).unwrap())
            .collect()
    }
    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }
    fn t(text: &str) -> Tertial {
        text.parse().unwrap()
    }

    #[test]
    fn complete_tertial_is_clean_and_in_system_order() {
        let report = consolidate(&system(), &sheets(&T1), t("2022-T1"), d("2022-06-14"), &[]);
        assert!(report.findings.is_empty(), "{:?}", report.findings);
        let ids: Vec<&str> = report.goals.iter().map(|g| g.goal.as_str()).collect();
        assert_eq!(ids, ["A01", "A02", "A03", "A04", "V01", "V02"]);
        assert!(report.missing_goals.is_empty());
        // V02 came in on 2 June, after the deadline of 31 May.
        assert_eq!(
            report.goal("V02").unwrap().reporting_status,
            ReportingStatus::SubmittedLate
        );
        assert_eq!(
            report.goal("A04").unwrap().reporting_status,
            ReportingStatus::SubmittedOnTime
        );
        // Countermeasures grouped by goal in the goals' order.
        let goals: Vec<&str> = report
            .countermeasures
            .iter()
            .map(|c| c.goal.as_str())
            .collect();
        assert_eq!(goals, ["A02", "V01", "V02"]);
        assert_eq!(
            report.context.rapporteur.as_deref(),
            Some("Bezirksbürgermeister/in Erika Musterfrau")
        );
        assert_eq!(
            report.context.rapporteur_name.as_deref(),
            Some("Erika Musterfrau")
        );
    }

    #[test]
    fn without_a_log_the_report_is_as_before_and_an_empty_log_adds_only_the_review() {
        let system = system();
        let given = sheets(&T1);
        let plain = consolidate(&system, &given, t("2022-T1"), d("2022-06-14"), &[]);
        let json = serde_json::to_value(&plain).unwrap();
        assert!(json.get("review").is_none());
        let log = ReviewLog {
            schema_version: "1".into(),
            authority: system.authority.clone(),
            tertial: t("2022-T1"),
            entries: Vec::new(),
        };
        let reviewed =
            consolidate_reviewed(&system, &given, t("2022-T1"), d("2022-06-14"), &[], &log);
        let review = reviewed.review.clone().unwrap();
        assert!(review.goals.is_empty() && review.pending_goals.is_empty());
        assert_eq!(
            TertialReport {
                review: None,
                ..reviewed
            },
            plain
        );
    }

    #[test]
    fn missing_before_and_overdue_after_the_deadline() {
        let t2 = sheets(&T2);
        let on_deadline = consolidate(&system(), &t2, t("2022-T2"), d("2022-09-30"), &[]);
        let a04 = on_deadline.goal("A04").unwrap();
        assert_eq!(a04.reporting_status, ReportingStatus::Missing);
        assert_eq!(
            (a04.forecast, a04.light, &a04.sheet_digest),
            (None, None, &None)
        );
        let after = consolidate(&system(), &t2, t("2022-T2"), d("2022-10-01"), &[]);
        assert_eq!(
            after.goal("A04").unwrap().reporting_status,
            ReportingStatus::Overdue
        );
        assert_eq!(after.missing_goals, ["A04"]);
        // A draft: TR03 is a warning.
        let tr03: Vec<_> = after
            .findings
            .iter()
            .filter(|f| f.code == Code::TR03)
            .collect();
        assert_eq!(tr03.len(), 1);
        assert_eq!(tr03[0].severity, Severity::Warning);
        assert_eq!(tr03[0].path, "/goals/3");
    }

    #[test]
    fn changes_since_the_previous_tertial() {
        let report = consolidate(
            &system(),
            &sheets(&T2),
            t("2022-T2"),
            d("2022-10-11"),
            &sheets(&T1),
        );
        assert_eq!(report.compared_with, Some(t("2022-T1")));
        let changes: Vec<(&str, ChangeDirection)> = report
            .changes
            .iter()
            .map(|c| (c.goal.as_str(), c.direction))
            .collect();
        assert_eq!(
            changes,
            [
                ("A01", ChangeDirection::Worse),
                ("A02", ChangeDirection::Better)
            ]
        );
        assert_eq!(report.history.len(), 6);
        assert_eq!(
            report.forecast_in("V01", t("2022-T1")),
            Some(Forecast::Unlikely)
        );
        assert!(report.findings.iter().all(|f| f.code == Code::TR03));
    }

    #[test]
    fn counts_add_up() {
        let report = consolidate(&system(), &sheets(&T2), t("2022-T2"), d("2022-10-11"), &[]);
        let total: u32 = report.counts.by_forecast.iter().map(|row| row.total).sum();
        assert_eq!(total, 6);
        let without: u32 = report
            .counts
            .by_portfolio
            .iter()
            .map(|row| row.without_sheet)
            .sum();
        assert_eq!(without, 1);
        // T2 has no `not_achieved` row (not allowed, none reported).
        assert!(
            report
                .counts
                .by_forecast
                .iter()
                .all(|row| row.forecast != Some(Forecast::NotAchieved))
        );
    }

    #[test]
    fn digests_are_stable_and_distinguish_sheets() {
        let one = consolidate(&system(), &sheets(&T1), t("2022-T1"), d("2022-06-14"), &[]);
        let mut reordered = sheets(&T1);
        reordered.reverse();
        let two = consolidate(&system(), &reordered, t("2022-T1"), d("2022-06-14"), &[]);
        for (a, b) in one.goals.iter().zip(&two.goals) {
            assert_eq!(a.sheet_digest, b.sheet_digest);
            assert!(a.sheet_digest.as_ref().unwrap().starts_with("sha256:"));
        }
        assert!(one.digest_mismatches().is_empty());
        let mut tampered = one.clone();
        tampered.sheets[2].rationale = "nachträglich geändert".into();
        assert_eq!(tampered.digest_mismatches(), ["A03"]);
        let mut changed = sheets(&T1);
        changed[0].rationale.push('!');
        let three = consolidate(&system(), &changed, t("2022-T1"), d("2022-06-14"), &[]);
        assert_ne!(one.goals[0].sheet_digest, three.goals[0].sheet_digest);
        assert_eq!(one.goals[1].sheet_digest, three.goals[1].sheet_digest);
    }

    #[test]
    fn foreign_and_duplicate_sheets_do_not_count() {
        let mut given = sheets(&T1);
        given.push(sheets(&T2)[0].clone()); // A01 of T2: foreign
        given.push(given[1].clone()); // A02 again: duplicate
        let report = consolidate(&system(), &given, t("2022-T1"), d("2022-06-14"), &[]);
        let codes: Vec<(Code, &str)> = report
            .findings
            .iter()
            .map(|f| (f.code, f.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            [(Code::TR01, "/sheets/6"), (Code::TR02, "/sheets/7")]
        );
        assert_eq!(report.goal("A01").unwrap().sheet, Some(0));
        // Same submission day: the later one given counts.
        assert_eq!(report.goal("A02").unwrap().sheet, Some(7));
    }

    #[test]
    fn lifecycle_runs_draft_decided_noted() {
        let system = system();
        let draft = consolidate(&system, &sheets(&T1), t("2022-T1"), d("2022-06-14"), &[]);
        // Not from a draft straight to the council.
        let refused = draft
            .note(d("2022-07-14"), Some("0412/VI".into()), None)
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR04]);
        // Not before the cut-off, not with a malformed number.
        let refused = draft
            .decide(&system, d("2022-04-26"), "118-VI", &[])
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR04, Code::TR04, Code::TR04]);
        // Not before the latest submission (V02 came in on 2 June).
        let refused = draft
            .decide(&system, d("2022-05-31"), "118/VI", &[])
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR04]);
        assert!(refused.findings[0].message.contains("V02"));
        let decided = draft
            .decide(&system, d("2022-06-21"), "118/VI", &[1])
            .unwrap();
        assert_eq!(decided.stage, Stage::Decided);
        let adopted: Vec<Option<bool>> =
            decided.countermeasures.iter().map(|c| c.adopted).collect();
        assert_eq!(adopted, [Some(true), Some(false), Some(true)]);
        // The council cannot take note before the decision.
        let refused = decided
            .note(d("2022-06-20"), Some("0412/VI".into()), None)
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR04]);
        let noted = decided
            .note(
                d("2022-07-14"),
                Some("0412/VI".into()),
                Some(CouncilOutcome::Noted),
            )
            .unwrap();
        assert_eq!(noted.stage, Stage::Noted);
        assert!(noted.findings.is_empty());
        assert!(
            noted
                .decide(&system, d("2022-07-15"), "119/VI", &[])
                .is_err()
        );
        // The council may take note of a paper without a number of its own.
        let unnumbered = decided
            .note(d("2022-07-14"), None, Some(CouncilOutcome::Referred))
            .unwrap();
        assert_eq!(
            unnumbered.council.as_ref().unwrap().outcome_de(),
            "an einen Ausschuss überwiesen"
        );
    }

    #[test]
    fn a_decision_may_come_before_the_deadline_and_lists_unknown_positions() {
        let system = system();
        let complete: Vec<ReportSheet> = sheets(&T1)
            .into_iter()
            .map(|mut sheet| {
                sheet.submitted_on = d("2022-05-10");
                sheet
            })
            .collect();
        let draft = consolidate(&system, &complete, t("2022-T1"), d("2022-05-16"), &[]);
        let decided = draft
            .decide(&system, d("2022-05-17"), "98/VI", &[])
            .unwrap();
        assert!(decided.findings.is_empty(), "{:?}", decided.findings);
        let refused = draft
            .decide(&system, d("2022-05-17"), "98/VI", &[7])
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR04]);
        assert_eq!(refused.findings[0].path, "/countermeasures/7");
    }

    #[test]
    fn a_report_with_missing_goals_can_be_decided_with_a_warning() {
        let system = system();
        let draft = consolidate(&system, &sheets(&T2), t("2022-T2"), d("2022-10-11"), &[]);
        let decided = draft
            .decide(&system, d("2022-10-18"), "140/VI", &[])
            .unwrap();
        assert_eq!(decided.findings.len(), 1);
        assert_eq!(decided.findings[0].code, Code::TR03);
        assert_eq!(decided.findings[0].severity, Severity::Warning);
    }

    #[test]
    fn a_sheet_with_an_error_refuses_the_decision() {
        let system = system();
        let mut given = sheets(&T1);
        // A member who does not hold the goal's portfolio reports (RS03).
        given[0].reporting_member = "m-jug".into();
        let draft = consolidate(&system, &given, t("2022-T1"), d("2022-06-14"), &[]);
        // The draft records the sheet's errors; TR05 only speaks at the decision.
        assert_eq!(draft.goals[0].sheet_errors, [Code::RS03]);
        assert!(draft.findings.iter().all(|f| f.code != Code::TR05));
        let refused = draft
            .decide(&system, d("2022-06-21"), "118/VI", &[])
            .unwrap_err();
        assert_eq!(refused.codes(), [Code::TR05]);
        assert_eq!(refused.findings[0].path, "/goals/0/sheet_errors");
        // The decision re-checks against the system it is given, not the recorded codes alone.
        let mut clean = draft.clone();
        clean.goals[0].sheet_errors.clear();
        assert!(
            clean
                .decide(&system, d("2022-06-21"), "118/VI", &[])
                .is_err()
        );
    }

    #[test]
    fn report_json_round_trips_and_rejects_unknown_keys() {
        let report = consolidate(
            &system(),
            &sheets(&T2),
            t("2022-T2"),
            d("2022-10-11"),
            &sheets(&T1),
        );
        let text = serde_json::to_string(&report).unwrap();
        let back: TertialReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back, report);
        assert_eq!(
            crate::rules::validate_report(&back).findings,
            report.findings
        );
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["surprise"] = true.into();
        assert!(serde_json::from_value::<TertialReport>(value).is_err());
        // The contract's keys (docs/procedure.md) with their shapes.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["stage"], "draft");
        assert_eq!(value["goals"][3]["reporting_status"], "overdue");
        assert!(value["goals"][3]["forecast"].is_null());
        assert_eq!(value["goals"][0]["light"], "yellow");
    }

    fn any_sheet() -> impl proptest::strategy::Strategy<Value = ReportSheet> {
        use proptest::prelude::*;
        let base: ReportSheet = serde_json::from_str(T1[1]).unwrap();
        (
            prop::sample::select(vec!["A01", "A02", "A03", "A04", "V01", "V02", "X99"]),
            prop::sample::select(vec!["2022-T1", "2022-T2", "2022-T3", "2021-T3"]),
            prop::sample::select(Forecast::ALL.to_vec()),
            0u64..200,
            any::<bool>(),
        )
            .prop_map(move |(goal, tertial, forecast, days, foreign)| {
                let mut sheet = base.clone();
                sheet.goal = goal.to_string();
                sheet.tertial = tertial.parse().unwrap();
                sheet.forecast = forecast;
                sheet.submitted_on = sheet.tertial.cut_off() + chrono::Days::new(days);
                if foreign {
                    sheet.authority = "Bezirksamt Pankow von Berlin".into();
                }
                sheet
            })
    }

    proptest::proptest! {
        #[test]
        fn consolidation_invariants(
            given in proptest::collection::vec(any_sheet(), 0..12),
            previous in proptest::collection::vec(any_sheet(), 0..8),
            tertial in proptest::sample::select(vec!["2022-T1", "2022-T2", "2022-T3"]),
            offset in 0u64..120,
        ) {
            let tertial: Tertial = tertial.parse().unwrap();
            let as_of = tertial.cut_off() + chrono::Days::new(offset);
            let system = system();
            let report = consolidate(&system, &given, tertial, as_of, &previous);
            proptest::prop_assert_eq!(report.goals.len(), system.goals.len());
            for (entry, goal) in report.goals.iter().zip(&system.goals) {
                proptest::prop_assert_eq!(&entry.goal, &goal.id);
                proptest::prop_assert_eq!(entry.sheet.is_some(), entry.reporting_status.is_submitted());
                proptest::prop_assert_eq!(entry.sheet.is_some(), entry.sheet_digest.is_some());
                proptest::prop_assert_eq!(entry.light, entry.forecast.map(Forecast::light));
                let missing = report.missing_goals.contains(&entry.goal);
                proptest::prop_assert_eq!(missing, entry.sheet.is_none());
                if let Some(sheet) = report.sheet_of(entry) {
                    proptest::prop_assert_eq!(&sheet.goal, &entry.goal);
                    proptest::prop_assert_eq!(sheet.tertial, tertial);
                }
            }
            let total: u32 = report.counts.by_forecast.iter().map(|row| row.total).sum();
            proptest::prop_assert_eq!(total as usize, system.goals.len());
            proptest::prop_assert_eq!(tertial_report::findings(&report), report.findings.clone());
            let text = serde_json::to_string(&report).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<TertialReport>(&text).unwrap(), report.clone());
            // Rendering never fails on any report.
            proptest::prop_assert!(!report.to_markdown().contains("Darstellungsfehler"));
            proptest::prop_assert!(!report.to_html().contains("Darstellungsfehler"));
        }
    }
}
