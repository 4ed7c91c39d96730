//! What the report templates see: the report turned into German text, pre-formatted (dates,
//! numbers, labels, names instead of ids), shared by the Markdown and the HTML template. User text
//! stays raw here; the template engine escapes it for the output format.

use serde::Serialize;

use crate::model::paper::{Paper, for_report};
use crate::model::report_sheet::ReportSheet;
use crate::model::target_system::Indicator;
use crate::model::tertial_report::{GoalEntry, ReportingStatus, Stage, TertialReport};
use crate::model::vocabulary::{Direction, Light, Perspective};
use crate::render::text::{german_date, german_number};

/// The template context of a rendered report.
#[derive(Debug, Serialize)]
pub(crate) struct ReportView {
    pub authority: String,
    pub subject: String,
    pub number: Option<String>,
    pub meeting_date: Option<String>,
    pub kind: &'static str,
    pub stage: &'static str,
    pub is_draft: bool,
    pub opener: Option<String>,
    pub council: Option<String>,
    pub tertial_label: String,
    pub tertial: String,
    pub year: i32,
    pub as_of: String,
    pub cut_off: String,
    pub deadline: String,
    pub resolution: String,
    pub mission_statement: String,
    pub paper: PaperView,
    pub summary: String,
    pub overview: Vec<OverviewRow>,
    pub by_forecast: Vec<CountRow>,
    pub by_portfolio: Vec<PortfolioRow>,
    pub compared_with: Option<String>,
    pub worse: Vec<ChangeRow>,
    pub better: Vec<ChangeRow>,
    pub perspectives: Vec<PerspectiveView>,
    pub missing: Vec<MissingRow>,
    pub countermeasures: Vec<CountermeasureGroup>,
    pub findings: Vec<FindingRow>,
    pub digests: Vec<DigestRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PaperView {
    pub subject: String,
    pub rapporteur: String,
    pub draft_resolution: Vec<String>,
    pub publication: &'static str,
    pub staff_involved: &'static str,
    pub staff: Vec<(String, String)>,
    pub justification: String,
    pub legal_basis: String,
    pub budget: String,
    pub staff_effects: String,
    pub gender_equality: String,
    pub disability: String,
    pub integration: String,
    pub social_space: String,
    pub co_signatures: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct LightView {
    /// `green`, `yellow`, `red` or `none`.
    pub key: &'static str,
    pub label: &'static str,
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
}

#[derive(Debug, Serialize)]
pub(crate) struct RiskView {
    pub description: String,
    pub likelihood: &'static str,
    pub impact: &'static str,
    pub score: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountermeasureView {
    pub description: String,
    pub org_units: String,
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

#[derive(Debug, Serialize)]
pub(crate) struct FindingRow {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct DigestRow {
    pub goal: String,
    pub digest: String,
}

pub(crate) fn light_view(light: Option<Light>) -> LightView {
    match light {
        Some(light) => LightView {
            key: light.as_str(),
            label: light.label_de(),
        },
        None => LightView {
            key: "none",
            label: "kein Bericht",
        },
    }
}

fn status_key(status: ReportingStatus) -> &'static str {
    status.as_str()
}

/// The values of an optional text section, "—" when absent.
fn or_dash(text: Option<&String>) -> String {
    text.cloned().unwrap_or_else(|| "—".to_string())
}

fn paper_view(paper: &Paper) -> PaperView {
    let effects = paper.effects.clone().unwrap_or_default();
    let staff = paper.staff_representation.clone().unwrap_or_default();
    PaperView {
        subject: or_dash(paper.subject.as_ref()),
        rapporteur: or_dash(paper.rapporteur.as_ref()),
        draft_resolution: paper.draft_resolution.clone().unwrap_or_default(),
        publication: match paper.publication {
            Some(true) => "ja",
            Some(false) => "nein",
            None => "—",
        },
        staff_involved: if staff.involved { "ja" } else { "nein" },
        staff: [
            ("a) Personalrat", staff.staff_council),
            ("b) Frauenvertretung", staff.womens_representative),
            (
                "c) Schwerbehindertenvertretung",
                staff.disability_representative,
            ),
            (
                "d) Jugend- und Auszubildendenvertretung",
                staff.youth_representation,
            ),
        ]
        .into_iter()
        .map(|(label, text)| (label.to_string(), text.unwrap_or_default()))
        .collect(),
        justification: or_dash(paper.justification.as_ref()),
        legal_basis: or_dash(paper.legal_basis.as_ref()),
        budget: or_dash(effects.budget.as_ref()),
        staff_effects: or_dash(effects.staff.as_ref()),
        gender_equality: or_dash(effects.gender_equality.as_ref()),
        disability: or_dash(effects.disability.as_ref()),
        integration: or_dash(effects.integration.as_ref()),
        social_space: or_dash(effects.social_space.as_ref()),
        co_signatures: or_dash(paper.co_signatures.as_ref()),
    }
}

/// Progress from baseline to target in percent, e.g. "42,5 %"; "–" when baseline equals target.
fn attainment(indicator: &Indicator, value: f64) -> String {
    let span = indicator.target - indicator.baseline;
    if span == 0.0 || !span.is_finite() || !value.is_finite() {
        return "–".to_string();
    }
    let share = (value - indicator.baseline) / span * 100.0;
    let direction_ok = match indicator.direction {
        Direction::Increase => span > 0.0,
        Direction::Decrease => span < 0.0,
    };
    let text = format!("{} %", german_number((share * 10.0).round() / 10.0));
    if direction_ok {
        text
    } else {
        format!("{text} (Zielrichtung widerspricht Ausgangs- und Zielwert)")
    }
}

fn goal_view(report: &TertialReport, entry: &GoalEntry) -> GoalView {
    let sheet: Option<&ReportSheet> = report.sheet_of(entry);
    let indicators = report.indicators_of(&entry.goal);
    GoalView {
        goal: entry.goal.clone(),
        title: entry.title.clone(),
        portfolio: format!(
            "{} – {}",
            entry.portfolio,
            report.portfolio_name(&entry.portfolio)
        ),
        status: entry.reporting_status.label_de(),
        status_key: status_key(entry.reporting_status),
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
            .map(|sheet| {
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
                            baseline: indicator
                                .map_or_else(|| "–".into(), |i| german_number(i.baseline)),
                            target: indicator
                                .map_or_else(|| "–".into(), |i| german_number(i.target)),
                            value: german_number(value.value),
                            as_of: german_date(value.as_of),
                            attainment: indicator
                                .map_or_else(|| "–".into(), |i| attainment(i, value.value)),
                        }
                    })
                    .collect()
            })
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
                        score: risk.score(),
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
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
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

/// Builds the template context of `report`.
#[allow(clippy::too_many_lines)] // One field after the other: splitting it would only scatter the view.
pub(crate) fn report_view(report: &TertialReport) -> ReportView {
    let paper = for_report(report);
    let decision = report.decision.as_ref();
    let opener = decision.filter(|_| report.stage.is_final()).map(|d| {
        format!(
            "Das Bezirksamt hat am {} beschlossen, der Bezirksverordnetenversammlung dazu Nachfolgendes zur Kenntnis zu bringen:",
            german_date(d.decided_on)
        )
    });
    let council = report
        .council
        .as_ref()
        .filter(|_| report.stage == Stage::Noted)
        .map(|c| {
            format!(
                "Drucksache {}: von der Bezirksverordnetenversammlung am {} {}.",
                c.number,
                german_date(c.noted_on),
                c.outcome.as_deref().unwrap_or("zur Kenntnis genommen")
            )
        });
    let submitted = report.submitted_count();
    let count = |light: Light| report.light_count(light);
    let summary = format!(
        "Berichtsblätter liegen zu {submitted} von {} Zielen vor. Ampel: {} grün, {} gelb, {} rot; ohne Berichtsblatt: {}.",
        report.goals.len(),
        count(Light::Green),
        count(Light::Yellow),
        count(Light::Red),
        report.missing_goals.len()
    );
    let change_row = |goal: &str, from: Light, to: Light| ChangeRow {
        goal: goal.to_string(),
        title: title_of(report, goal),
        from: from.label_de(),
        to: to.label_de(),
    };
    let worse = report
        .changes
        .iter()
        .filter(|c| c.direction == crate::model::tertial_report::ChangeDirection::Worse)
        .map(|c| change_row(&c.goal, c.from, c.to))
        .collect();
    let better = report
        .changes
        .iter()
        .filter(|c| c.direction == crate::model::tertial_report::ChangeDirection::Better)
        .map(|c| change_row(&c.goal, c.from, c.to))
        .collect();
    let change_of = |goal: &str| {
        report
            .changes
            .iter()
            .find(|c| c.goal == goal)
            .map_or("", |c| c.direction.label_de())
    };
    let mut countermeasures: Vec<CountermeasureGroup> = Vec::new();
    for item in &report.countermeasures {
        let view = CountermeasureView {
            description: item.description.clone(),
            org_units: org_unit_names(report, &item.org_units),
        };
        match countermeasures.last_mut() {
            Some(group) if group.goal == item.goal => group.items.push(view),
            _ => countermeasures.push(CountermeasureGroup {
                goal: item.goal.clone(),
                title: title_of(report, &item.goal),
                items: vec![view],
            }),
        }
    }
    ReportView {
        authority: report.authority.clone(),
        subject: paper.subject.clone().unwrap_or_default(),
        number: paper.number.clone(),
        meeting_date: paper.meeting_date.map(german_date),
        kind: "zur Kenntnisnahme",
        stage: report.stage.label_de(),
        is_draft: report.stage == Stage::Draft,
        opener,
        council,
        tertial_label: report.tertial.label_de(),
        tertial: report.tertial.to_string(),
        year: report.tertial.year(),
        as_of: german_date(report.as_of),
        cut_off: german_date(report.tertial.cut_off()),
        deadline: german_date(report.tertial.deadline()),
        resolution: format!(
            "Vorlage Nr. {} vom {}",
            report.context.resolution.number,
            german_date(report.context.resolution.decided_on)
        ),
        mission_statement: report.context.mission_statement.clone(),
        paper: paper_view(&paper),
        summary,
        overview: report
            .goals
            .iter()
            .map(|entry| OverviewRow {
                goal: entry.goal.clone(),
                title: entry.title.clone(),
                portfolio: entry.portfolio.clone(),
                status: entry.reporting_status.label_de(),
                status_key: status_key(entry.reporting_status),
                forecast: entry
                    .forecast
                    .map_or_else(|| "—".to_string(), |f| f.label_de().to_string()),
                light: light_view(entry.light),
                change: change_of(&entry.goal),
            })
            .collect(),
        by_forecast: report
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
            .collect(),
        by_portfolio: report
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
            .collect(),
        compared_with: report.compared_with.map(crate::Tertial::label_de),
        worse,
        better,
        perspectives: Perspective::ALL
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
            .collect(),
        missing: report
            .goals
            .iter()
            .filter(|entry| !entry.reporting_status.is_submitted())
            .map(|entry| MissingRow {
                goal: entry.goal.clone(),
                title: entry.title.clone(),
                portfolio: format!(
                    "{} – {}",
                    entry.portfolio,
                    report.portfolio_name(&entry.portfolio)
                ),
                status: entry.reporting_status.label_de(),
            })
            .collect(),
        countermeasures,
        findings: report
            .findings
            .iter()
            .map(|f| FindingRow {
                code: f.code.as_str(),
                severity: if f.is_error() { "Fehler" } else { "Hinweis" },
                message: f.message.clone(),
            })
            .collect(),
        digests: report
            .goals
            .iter()
            .filter_map(|entry| {
                entry.sheet_digest.as_ref().map(|digest| DigestRow {
                    goal: entry.goal.clone(),
                    digest: digest.clone(),
                })
            })
            .collect(),
    }
}
