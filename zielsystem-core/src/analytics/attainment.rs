//! The attainment table: one row per goal and tertial, from the sheet that counts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::report_sheet::ReportSheet;
use crate::model::target_system::{Goal, Indicator, TargetSystem};
use crate::model::tertial_report::ReportingStatus;
use crate::model::vocabulary::{Direction, Forecast, Light, Perspective};
use crate::model::{GoalId, MemberId, PortfolioId};

use super::{count, mean};

/// One row of the attainment table: one goal in one tertial, from the sheet that counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zeile der Zielerreichungstabelle")]
pub struct AttainmentRow {
    /// The authority (Bezirksamt) of the target system.
    #[schemars(title = "Bezirksamt")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Jahr")]
    pub year: i32,
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's title.
    #[schemars(title = "Zieltitel")]
    pub title: String,
    /// The goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The goal's portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// The member who reported (the sheet's `reporting_member`).
    #[schemars(title = "Berichtendes Mitglied")]
    pub member: MemberId,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The day the sheet was submitted.
    #[schemars(title = "Eingereicht am")]
    pub submitted_on: NaiveDate,
    /// The tertial's reporting deadline.
    #[schemars(title = "Berichtsfrist")]
    pub deadline: NaiveDate,
    /// Days from the deadline to the submission; 0 when submitted by the deadline.
    #[schemars(title = "Tage verspätet")]
    pub days_late: u32,
    /// Whether the sheet came in by the deadline (`submitted_on_time`) or after (`submitted_late`).
    #[schemars(title = "Berichtsstatus")]
    pub reporting_status: ReportingStatus,
    /// The forecast of the sheet.
    #[schemars(title = "Risikoorientierte Einschätzung")]
    pub forecast: Forecast,
    /// The forecast's traffic light.
    #[schemars(title = "Ampel")]
    pub light: Light,
    /// The number of risks named.
    #[schemars(title = "Anzahl der Risiken")]
    pub risk_count: u32,
    /// The highest likelihood × impact of the risks, 1–9; 0 when none is named.
    #[schemars(title = "Höchster Risikowert")]
    pub highest_risk_score: u32,
    /// The number of countermeasures proposed.
    #[schemars(title = "Anzahl der Aktivitäten zur Gegensteuerung")]
    pub countermeasure_count: u32,
    /// The mean indicator attainment in percent (see the module docs); `None` without defined values.
    #[schemars(title = "Zielerreichung der Kennzahlen in Prozent")]
    pub indicator_attainment_percent: Option<f64>,
}

/// The share of the planned movement of `indicator` made by `value`, in percent; `None` when it is
/// undefined (see the module docs).
pub fn indicator_attainment_percent(indicator: &Indicator, value: f64) -> Option<f64> {
    let planned = indicator.target - indicator.baseline;
    let planned_along_direction = match indicator.direction {
        Direction::Increase => planned > 0.0,
        Direction::Decrease => planned < 0.0,
    };
    if !value.is_finite() || !planned.is_finite() || !planned_along_direction {
        return None;
    }
    let percent = (value - indicator.baseline) / planned * 100.0;
    percent.is_finite().then_some(percent)
}

/// The mean indicator attainment of a sheet on `goal`; `None` when no value is defined.
fn sheet_indicator_attainment(goal: &Goal, sheet: &ReportSheet) -> Option<f64> {
    let percents: Vec<f64> = sheet
        .indicator_values
        .iter()
        .filter_map(|value| {
            let indicator = goal.indicators.iter().find(|i| i.id == value.indicator)?;
            indicator_attainment_percent(indicator, value.value)
        })
        .collect();
    mean(&percents)
}

/// The sheet that counts for one goal in one tertial.
pub(crate) struct Counted<'a> {
    pub(crate) tertial: Tertial,
    pub(crate) goal: &'a Goal,
    pub(crate) sheet: &'a ReportSheet,
}

/// The sheets that count (see the module docs), ordered by tertial and then by the goals' order in
/// the system: the selection every table of the system's sheets starts from.
pub(crate) fn counted_sheets<'a>(
    system: &'a TargetSystem,
    sheets: &'a [ReportSheet],
) -> Vec<Counted<'a>> {
    // (tertial, goal position) → (sheet, input position): the last submission wins.
    let mut chosen: BTreeMap<(Tertial, usize), (&ReportSheet, usize)> = BTreeMap::new();
    for (position, sheet) in sheets.iter().enumerate() {
        if sheet.authority != system.authority || sheet.tertial.year() != system.year {
            continue;
        }
        let Some(goal_index) = system.goals.iter().position(|goal| goal.id == sheet.goal) else {
            continue;
        };
        let key = (sheet.tertial, goal_index);
        let replaces = chosen.get(&key).is_none_or(|(held, held_position)| {
            (held.submitted_on, *held_position) <= (sheet.submitted_on, position)
        });
        if replaces {
            chosen.insert(key, (sheet, position));
        }
    }
    chosen
        .into_iter()
        .filter_map(|((tertial, goal_index), (sheet, _))| {
            Some(Counted {
                tertial,
                goal: system.goals.get(goal_index)?,
                sheet,
            })
        })
        .collect()
}

/// Days from `deadline` to `submitted_on`; 0 when submitted by the deadline.
pub(crate) fn days_late(submitted_on: NaiveDate, deadline: NaiveDate) -> u32 {
    u32::try_from((submitted_on - deadline).num_days().max(0)).unwrap_or(u32::MAX)
}

/// The attainment table: one row per goal and tertial with a sheet that counts, ordered by tertial
/// and then by the goals' order in the system.
pub fn attainment_table(system: &TargetSystem, sheets: &[ReportSheet]) -> Vec<AttainmentRow> {
    counted_sheets(system, sheets)
        .into_iter()
        .map(
            |Counted {
                 tertial,
                 goal,
                 sheet,
             }| {
                let deadline = tertial.deadline();
                AttainmentRow {
                    authority: system.authority.clone(),
                    year: system.year,
                    goal: goal.id.clone(),
                    title: goal.title.clone(),
                    perspective: goal.perspective,
                    portfolio: goal.portfolio.clone(),
                    member: sheet.reporting_member.clone(),
                    tertial,
                    submitted_on: sheet.submitted_on,
                    deadline,
                    days_late: days_late(sheet.submitted_on, deadline),
                    reporting_status: if sheet.submitted_on <= deadline {
                        ReportingStatus::SubmittedOnTime
                    } else {
                        ReportingStatus::SubmittedLate
                    },
                    forecast: sheet.forecast,
                    light: sheet.forecast.light(),
                    risk_count: count(sheet.risks.len()),
                    highest_risk_score: sheet.highest_risk_score(),
                    countermeasure_count: count(sheet.countermeasures.len()),
                    indicator_attainment_percent: sheet_indicator_attainment(goal, sheet),
                }
            },
        )
        .collect()
}
