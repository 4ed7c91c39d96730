//! The report itself, as the Anlage of both papers: overview, counts, changes, missing goals,
//! countermeasures (proposed, or as decided), and every goal in detail. User text stays raw here;
//! the template engine escapes it for the output format.

use serde::Serialize;

use super::indicator::{NOTE_DE, attainment, distance_de};
use super::{LightView, light_view};
use crate::model::report_sheet::ReportSheet;
use crate::model::tertial_report::{ChangeDirection, GoalEntry, TertialReport};
use crate::model::vocabulary::{Light, Perspective};
use crate::render::text::{german_date, german_number};

/// The template context of the Anlage.
#[derive(Debug, Serialize)]
pub(crate) struct AppendixView {
    pub title: String,
    pub tertial_label: String,
    pub year: i32,
    pub facts: String,
    pub summary: String,
    pub overview: Vec<OverviewRow>,
    pub by_forecast: Vec<CountRow>,
    pub by_portfolio: Vec<PortfolioRow>,
    pub compared_with: Option<String>,
    pub worse: Vec<ChangeRow>,
    pub better: Vec<ChangeRow>,
    pub perspectives: Vec<PerspectiveView>,
    pub missing: Vec<MissingRow>,
    /// Whether the Bezirksamt has decided on the countermeasures.
    pub decided: bool,
    pub countermeasures: Vec<CountermeasureGroup>,
    /// Whether any goal shows indicator values (the note on reading them comes once).
    pub has_indicators: bool,
    pub attainment_note: &'static str,
    /// The steering service's review, when the report was consolidated with a review log.
    pub review: Option<ReviewView>,
}

/// The review part of the Anlage: which goals are not yet accepted, every version by its digest.
#[derive(Debug, Serialize)]
pub(crate) struct ReviewView {
    pub pending: Vec<String>,
    pub rows: Vec<VersionRow>,
}

/// One version of a goal's sheet.
#[derive(Debug, Serialize)]
pub(crate) struct VersionRow {
    pub goal: String,
    pub digest: String,
    pub received: String,
    pub returned: String,
    pub accepted: String,
    /// Whether the report counts this version for its goal.
    pub counted: bool,
}

fn review_view(report: &TertialReport) -> Option<ReviewView> {
    let review = report.review.as_ref()?;
    let day = |day: Option<chrono::NaiveDate>| day.map_or_else(|| "—".to_owned(), german_date);
    Some(ReviewView {
        pending: review
            .goals
            .iter()
            .filter(|goal| review.pending_goals.contains(&goal.goal))
            .map(|goal| format!("{} ({})", goal.goal, goal.status.label_de()))
            .collect(),
        rows: review
            .goals
            .iter()
            .flat_map(|goal| {
                goal.versions.iter().map(|version| VersionRow {
                    goal: goal.goal.clone(),
                    digest: version.digest.clone(),
                    received: german_date(version.received_on),
                    returned: match (version.returned_on, version.due_on) {
                        (Some(on), Some(due)) => {
                            format!("{} (neue Frist {})", german_date(on), german_date(due))
                        }
                        (on, _) => day(on),
                    },
                    accepted: day(version.accepted_on),
                    counted: version.digest == goal.counted_digest,
                })
            })
            .collect(),
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct OverviewRow {
    pub goal: String,
    pub title: String,
    pub portfolio: String,
    pub status: &'static str,
    pub status_key: &'static str,
    pub forecast: String,
    pub light: LightView,
    pub change: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountRow {
    pub label: String,
    pub light: LightView,
    pub mandate_target_groups: u32,
    pub administration_internal: u32,
    pub total: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct PortfolioRow {
    pub portfolio: String,
    pub name: String,
    pub goals: u32,
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
    pub without_sheet: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChangeRow {
    pub goal: String,
    pub title: String,
    pub from: &'static str,
    pub to: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct PerspectiveView {
    pub label: &'static str,
    pub goals: Vec<GoalView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GoalView {
    pub goal: String,
    pub title: String,
    pub description: Option<String>,
    pub portfolio: String,
    pub status: &'static str,
    pub status_key: &'static str,
    pub submitted_on: Option<String>,
    pub forecast: Option<String>,
    pub light: LightView,
    pub previous_light: Option<&'static str>,
    pub contributions: Vec<ContributionView>,
    pub indicators: Vec<IndicatorView>,
    pub risks: Vec<RiskView>,
    pub rationale: Option<String>,
    pub countermeasures: Vec<CountermeasureView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ContributionView {
    pub text: String,
    pub org_unit: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndicatorView {
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub value: String,
    pub as_of: String,
    pub attainment: String,
    pub distance: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct RiskView {
    pub description: String,
    pub likelihood: &'static str,
    pub impact: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountermeasureView {
    pub description: String,
    pub org_units: String,
    /// "beschlossen", "nicht beschlossen", or empty while undecided.
    pub decision: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountermeasureGroup {
    pub goal: String,
    pub title: String,
    pub items: Vec<CountermeasureView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MissingRow {
    pub goal: String,
    pub title: String,
    pub portfolio: String,
    pub status: &'static str,
}

fn portfolio_label(report: &TertialReport, id: &str) -> String {
    format!("{id} – {}", report.portfolio_name(id))
}

fn org_unit_names(report: &TertialReport, ids: &[String]) -> String {
    ids.iter()
        .map(|id| report.org_unit_name(id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn title_of(report: &TertialReport, goal: &str) -> String {
    report
        .goal(goal)
        .map(|entry| entry.title.clone())
        .unwrap_or_default()
}

fn indicator_views(
    report: &TertialReport,
    entry: &GoalEntry,
    sheet: &ReportSheet,
) -> Vec<IndicatorView> {
    let indicators = report.indicators_of(&entry.goal);
    sheet
        .indicator_values
        .iter()
        .map(|value| {
            let indicator = indicators.iter().find(|i| i.id == value.indicator);
            IndicatorView {
                name: indicator.map_or_else(
                    || value.indicator.clone(),
                    |i| format!("{} ({})", i.name, i.id),
                ),
                unit: indicator.map(|i| i.unit.clone()).unwrap_or_default(),
                baseline: indicator.map_or_else(|| "–".into(), |i| german_number(i.baseline)),
                target: indicator.map_or_else(|| "–".into(), |i| german_number(i.target)),
                value: german_number(value.value),
                as_of: german_date(value.as_of),
                attainment: indicator
                    .map_or_else(|| "–".into(), |i| attainment(i, value.value).text_de()),
                distance: indicator.map_or_else(|| "–".into(), |i| distance_de(i, value.value)),
            }
        })
        .collect()
}

fn goal_view(report: &TertialReport, entry: &GoalEntry) -> GoalView {
    let sheet: Option<&ReportSheet> = report.sheet_of(entry);
    GoalView {
        goal: entry.goal.clone(),
        title: entry.title.clone(),
        description: entry.description.clone(),
        portfolio: portfolio_label(report, &entry.portfolio),
        status: entry.reporting_status.label_de(),
        status_key: entry.reporting_status.as_str(),
        submitted_on: sheet.map(|sheet| german_date(sheet.submitted_on)),
        forecast: entry.forecast.map(|f| f.label_de().to_string()),
        light: light_view(entry.light),
        previous_light: entry.previous_light.map(Light::label_de),
        contributions: sheet
            .map(|sheet| {
                sheet
                    .contributions
                    .iter()
                    .map(|c| ContributionView {
                        text: c.text.clone(),
                        org_unit: c
                            .org_unit
                            .as_ref()
                            .map(|id| report.org_unit_name(id).to_string()),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        indicators: sheet
            .map(|sheet| indicator_views(report, entry, sheet))
            .unwrap_or_default(),
        risks: sheet
            .map(|sheet| {
                sheet
                    .risks
                    .iter()
                    .map(|risk| RiskView {
                        description: risk.description.clone(),
                        likelihood: risk.likelihood.label_de(),
                        impact: risk.impact.label_de(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        rationale: sheet.map(|sheet| sheet.rationale.clone()),
        countermeasures: sheet
            .map(|sheet| {
                sheet
                    .countermeasures
                    .iter()
                    .map(|c| CountermeasureView {
                        description: c.description.clone(),
                        org_units: org_unit_names(report, &c.org_units),
                        decision: "",
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn countermeasure_groups(report: &TertialReport, decided: bool) -> Vec<CountermeasureGroup> {
    let mut groups: Vec<CountermeasureGroup> = Vec::new();
    for item in &report.countermeasures {
        let view = CountermeasureView {
            description: item.description.clone(),
            org_units: org_unit_names(report, &item.org_units),
            decision: match (decided, item.is_adopted()) {
                (false, _) => "",
                (true, true) => "beschlossen",
                (true, false) => "nicht beschlossen",
            },
        };
        match groups.last_mut() {
            Some(group) if group.goal == item.goal => group.items.push(view),
            _ => groups.push(CountermeasureGroup {
                goal: item.goal.clone(),
                title: title_of(report, &item.goal),
                items: vec![view],
            }),
        }
    }
    groups
}

fn change_rows(report: &TertialReport, direction: ChangeDirection) -> Vec<ChangeRow> {
    report
        .changes
        .iter()
        .filter(|c| c.direction == direction)
        .map(|c| ChangeRow {
            goal: c.goal.clone(),
            title: title_of(report, &c.goal),
            from: c.from.label_de(),
            to: c.to.label_de(),
        })
        .collect()
}

fn forecast_rows(report: &TertialReport) -> Vec<CountRow> {
    report
        .counts
        .by_forecast
        .iter()
        .map(|row| CountRow {
            label: row
                .forecast
                .map_or_else(|| "ohne Berichtsblatt".to_string(), |f| f.label_de().into()),
            light: light_view(row.forecast.map(crate::Forecast::light)),
            mandate_target_groups: row.mandate_target_groups,
            administration_internal: row.administration_internal,
            total: row.total,
        })
        .collect()
}

fn portfolio_rows(report: &TertialReport) -> Vec<PortfolioRow> {
    report
        .counts
        .by_portfolio
        .iter()
        .map(|row| PortfolioRow {
            portfolio: row.portfolio.clone(),
            name: report.portfolio_name(&row.portfolio).to_string(),
            goals: row.goals,
            green: row.green,
            yellow: row.yellow,
            red: row.red,
            without_sheet: row.without_sheet,
        })
        .collect()
}

/// Builds the Anlage of `report`.
pub(crate) fn appendix_view(report: &TertialReport) -> AppendixView {
    let count = |light: Light| report.light_count(light);
    let summary = format!(
        "Berichtsblätter liegen zu {} von {} Zielen vor. Ampel: {} grün, {} gelb, {} rot; ohne Berichtsblatt: {}.",
        report.submitted_count(),
        report.goals.len(),
        count(Light::Green),
        count(Light::Yellow),
        count(Light::Red),
        report.missing_goals.len()
    );
    let change_of = |goal: &str| {
        report
            .changes
            .iter()
            .find(|c| c.goal == goal)
            .map_or("", |c| c.direction.label_de())
    };
    let decided = report.stage.is_final();
    let perspectives: Vec<PerspectiveView> = Perspective::ALL
        .into_iter()
        .map(|perspective| PerspectiveView {
            label: perspective.label_de(),
            goals: report
                .goals
                .iter()
                .filter(|entry| entry.perspective == perspective)
                .map(|entry| goal_view(report, entry))
                .collect(),
        })
        .filter(|view| !view.goals.is_empty())
        .collect();
    let has_indicators = perspectives
        .iter()
        .flat_map(|p| &p.goals)
        .any(|goal| !goal.indicators.is_empty());
    AppendixView {
        title: crate::model::paper::report_subject(report),
        tertial_label: report.tertial.label_de(),
        year: report.tertial.year(),
        facts: format!(
            "Zielsystem {} (Vorlage Nr. {} vom {}) · Berichtsstichtag {} · Berichtsfrist {} · Stand {}",
            report.tertial.year(),
            report.context.resolution.number,
            german_date(report.context.resolution.decided_on),
            german_date(report.tertial.cut_off()),
            german_date(report.tertial.deadline()),
            german_date(report.as_of)
        ),
        summary,
        overview: report
            .goals
            .iter()
            .map(|entry| OverviewRow {
                goal: entry.goal.clone(),
                title: entry.title.clone(),
                portfolio: entry.portfolio.clone(),
                status: entry.reporting_status.label_de(),
                status_key: entry.reporting_status.as_str(),
                forecast: entry
                    .forecast
                    .map_or_else(|| "—".to_string(), |f| f.label_de().to_string()),
                light: light_view(entry.light),
                change: change_of(&entry.goal),
            })
            .collect(),
        by_forecast: forecast_rows(report),
        by_portfolio: portfolio_rows(report),
        compared_with: report.compared_with.map(crate::Tertial::label_de),
        worse: change_rows(report, ChangeDirection::Worse),
        better: change_rows(report, ChangeDirection::Better),
        perspectives,
        missing: report
            .goals
            .iter()
            .filter(|entry| !entry.reporting_status.is_submitted())
            .map(|entry| MissingRow {
                goal: entry.goal.clone(),
                title: entry.title.clone(),
                portfolio: portfolio_label(report, &entry.portfolio),
                status: entry.reporting_status.label_de(),
            })
            .collect(),
        decided,
        countermeasures: countermeasure_groups(report, decided),
        has_indicators,
        attainment_note: NOTE_DE,
        review: review_view(report),
    }
}
