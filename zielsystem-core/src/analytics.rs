//! Attainment analytics for analysts: the attainment table, summaries, transitions between two
//! tertials and the forecast accuracy at year end. Pure functions over a [`TargetSystem`] and its
//! [`ReportSheet`]s; every result is a flat, serde-serializable row type.
//!
//! # Which sheets count
//!
//! A sheet counts when its authority is the system's, its tertial lies in the system's year and its
//! goal exists in the system (the sheets that pass RS01/RS02 on those points). Where several sheets
//! exist for one goal and tertial (TR02), the one submitted last counts (on equal days, the later one
//! in the input). Validate first when the figures must rest on valid sheets only.
//!
//! # Indicator attainment
//!
//! For one indicator value: `(value − baseline) / (target − baseline) × 100`. The formula measures
//! the share of the planned movement that has been made, in either direction: for `decrease`
//! (baseline 40 days, target 20 days, value 31.5 days) it gives `(31.5 − 40) / (20 − 40) = 42.5 %`.
//! It is not capped: overshooting the target gives more than 100 %, moving the wrong way less than 0 %.
//! The value is undefined (and left out) when target equals baseline, when the target lies against the
//! indicator's direction (an `increase` indicator with a target below its baseline, or the reverse),
//! when the value is not finite, or when the indicator is not one of the goal's. A sheet's indicator
//! attainment is the mean over its defined values; `None` when there is none.
//!
//! # Forecast accuracy
//!
//! At year end the T3 sheet of a goal states the result: `achieved` or `not_achieved` (any other T3
//! forecast, or no T3 sheet, leaves the goal unresolved). A T1 or T2 forecast is borne out when
//! - it is green (`achieved`, `on_track`) and the result is `achieved`, or
//! - it is yellow or red (`at_risk`, `unlikely`, or a misplaced `not_achieved`) and the result is
//!   `not_achieved`.
//!
//! Accuracy is borne-out forecasts ÷ resolved forecasts × 100, per perspective and tertial.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{Period, Tertial};
use crate::model::report_sheet::ReportSheet;
use crate::model::target_system::{Goal, Indicator, TargetSystem};
use crate::model::vocabulary::{Direction, Forecast, Light, Perspective};
use crate::model::{GoalId, PortfolioId};

/// One row of the attainment table: one goal in one tertial, from the sheet that counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zeile der Zielerreichungstabelle")]
pub struct AttainmentRow {
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The goal's portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
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

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    mean.is_finite().then_some(mean)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The attainment table: one row per goal and tertial with a sheet that counts, ordered by tertial
/// and then by the goals' order in the system.
pub fn attainment_table(system: &TargetSystem, sheets: &[ReportSheet]) -> Vec<AttainmentRow> {
    // (tertial, goal position) → (submitted_on, input position, sheet): the last submission wins.
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
            let goal = system.goals.get(goal_index)?;
            Some(AttainmentRow {
                goal: goal.id.clone(),
                perspective: goal.perspective,
                portfolio: goal.portfolio.clone(),
                tertial,
                forecast: sheet.forecast,
                light: sheet.forecast.light(),
                risk_count: count(sheet.risks.len()),
                highest_risk_score: sheet.highest_risk_score(),
                countermeasure_count: count(sheet.countermeasures.len()),
                indicator_attainment_percent: sheet_indicator_attainment(goal, sheet),
            })
        })
        .collect()
}

/// A dimension the attainment table can be summarised by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// By the goals' perspective.
    Perspective,
    /// By the goals' portfolio.
    Portfolio,
    /// By tertial.
    Tertial,
}

impl Dimension {
    /// Every dimension.
    pub const ALL: [Dimension; 3] = [
        Dimension::Perspective,
        Dimension::Portfolio,
        Dimension::Tertial,
    ];

    /// The name, as used in JSON and in the Python API.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Perspective => "perspective",
            Dimension::Portfolio => "portfolio",
            Dimension::Tertial => "tertial",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a text is not a [`Dimension`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "„{0}“ ist keine Auswertungsdimension (erlaubt: perspective, portfolio, tertial) / is not a dimension (allowed: perspective, portfolio, tertial)"
)]
pub struct DimensionParseError(pub String);

impl FromStr for Dimension {
    type Err = DimensionParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Dimension::ALL
            .into_iter()
            .find(|dimension| dimension.as_str() == text)
            .ok_or_else(|| DimensionParseError(text.chars().take(40).collect()))
    }
}

/// One group of a summary: counts per light and forecast, the share at risk and the mean indicator
/// attainment. Only the dimensions summarised by are set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zusammenfassung")]
pub struct Summary {
    /// The perspective of the group, when summarised by perspective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Perspektive")]
    pub perspective: Option<Perspective>,
    /// The portfolio of the group, when summarised by portfolio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: Option<PortfolioId>,
    /// The tertial of the group, when summarised by tertial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Tertial")]
    pub tertial: Option<Tertial>,
    /// Rows (sheets that count) in the group.
    #[schemars(title = "Berichtsblätter")]
    pub sheets: u32,
    /// Rows with a green light.
    #[schemars(title = "grün")]
    pub green: u32,
    /// Rows with a yellow light.
    #[schemars(title = "gelb")]
    pub yellow: u32,
    /// Rows with a red light.
    #[schemars(title = "rot")]
    pub red: u32,
    /// Rows with forecast `achieved`.
    #[schemars(title = "Ziel erreicht")]
    pub achieved: u32,
    /// Rows with forecast `on_track`.
    #[schemars(title = "Zielerreichung nicht gefährdet")]
    pub on_track: u32,
    /// Rows with forecast `at_risk`.
    #[schemars(title = "Zielerreichung gefährdet")]
    pub at_risk: u32,
    /// Rows with forecast `unlikely`.
    #[schemars(title = "Zielerreichung unwahrscheinlich")]
    pub unlikely: u32,
    /// Rows with forecast `not_achieved`.
    #[schemars(title = "Ziel nicht erreicht")]
    pub not_achieved: u32,
    /// (`at_risk` + `unlikely`) ÷ rows: the share of goals whose attainment is at risk (docs/procedure.md, forecast scale).
    #[schemars(title = "Anteil gefährdeter Ziele")]
    pub share_at_risk: f64,
    /// The mean of the rows' indicator attainment where defined; `None` when no row has one.
    #[schemars(title = "Mittlere Zielerreichung der Kennzahlen in Prozent")]
    pub mean_indicator_attainment_percent: Option<f64>,
}

/// Groups key: position of the portfolio in the system (unknown ones last, by id) keeps the order.
type GroupKey = (
    Option<Tertial>,
    Option<Perspective>,
    Option<(usize, PortfolioId)>,
);

/// Summarises `rows` by the given dimensions (none: one group of everything), groups ordered by
/// tertial, perspective and portfolio (in the system's order).
pub fn summary_by(system: &TargetSystem, rows: &[AttainmentRow], by: &[Dimension]) -> Vec<Summary> {
    let mut groups: BTreeMap<GroupKey, Vec<&AttainmentRow>> = BTreeMap::new();
    for row in rows {
        let portfolio_position = || {
            system
                .portfolios
                .iter()
                .position(|portfolio| portfolio.id == row.portfolio)
                .unwrap_or(usize::MAX)
        };
        let key: GroupKey = (
            by.contains(&Dimension::Tertial).then_some(row.tertial),
            by.contains(&Dimension::Perspective)
                .then_some(row.perspective),
            by.contains(&Dimension::Portfolio)
                .then(|| (portfolio_position(), row.portfolio.clone())),
        );
        groups.entry(key).or_default().push(row);
    }
    groups
        .into_iter()
        .map(|((tertial, perspective, portfolio), members)| {
            let with_light =
                |light: Light| count(members.iter().filter(|r| r.light == light).count());
            let with_forecast = |forecast: Forecast| {
                count(members.iter().filter(|r| r.forecast == forecast).count())
            };
            let sheets = count(members.len());
            let at_risk = with_forecast(Forecast::AtRisk);
            let unlikely = with_forecast(Forecast::Unlikely);
            let percents: Vec<f64> = members
                .iter()
                .filter_map(|r| r.indicator_attainment_percent)
                .collect();
            Summary {
                perspective,
                portfolio: portfolio.map(|(_, id)| id),
                tertial,
                sheets,
                green: with_light(Light::Green),
                yellow: with_light(Light::Yellow),
                red: with_light(Light::Red),
                achieved: with_forecast(Forecast::Achieved),
                on_track: with_forecast(Forecast::OnTrack),
                at_risk,
                unlikely,
                not_achieved: with_forecast(Forecast::NotAchieved),
                share_at_risk: if sheets == 0 {
                    0.0
                } else {
                    f64::from(at_risk + unlikely) / f64::from(sheets)
                },
                mean_indicator_attainment_percent: mean(&percents),
            }
        })
        .collect()
}

/// Why a transition cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalyticsError {
    /// A tertial does not lie in the system's year (goal ids are only stable within a year).
    #[error(
        "Das Tertial {tertial} liegt nicht im Jahr {year} des Zielsystems / tertial {tertial} does not lie in the system's year {year}"
    )]
    TertialOutsideYear {
        /// The tertial asked for.
        tertial: Tertial,
        /// The system's year.
        year: i32,
    },
}

/// One cell of the transition matrix: how many goals went from one light to another (`None`: no
/// sheet counts for that tertial), and which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Übergang zwischen Ampelfarben")]
pub struct TransitionCell {
    /// The light in the earlier tertial; `None` when the goal has no sheet there.
    #[schemars(title = "Ampel vorher")]
    pub from_light: Option<Light>,
    /// The light in the later tertial; `None` when the goal has no sheet there.
    #[schemars(title = "Ampel nachher")]
    pub to_light: Option<Light>,
    /// How many goals made this transition.
    #[schemars(title = "Anzahl der Ziele")]
    pub count: u32,
    /// The goals, in the system's order.
    #[schemars(title = "Ziele")]
    pub goals: Vec<GoalId>,
}

/// The transitions of all goals of the system between two tertials of its year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Übergänge zwischen zwei Tertialen")]
pub struct Transitions {
    /// The earlier tertial (as given).
    #[schemars(title = "Von Tertial")]
    pub from_tertial: Tertial,
    /// The later tertial (as given).
    #[schemars(title = "Nach Tertial")]
    pub to_tertial: Tertial,
    /// All 16 cells (green, yellow, red, no sheet) × (green, yellow, red, no sheet), row by row.
    #[schemars(title = "Übergangsmatrix")]
    pub cells: Vec<TransitionCell>,
    /// Goals whose light got better (red → yellow, red → green, yellow → green).
    #[schemars(title = "Verbessert")]
    pub improved: u32,
    /// Goals whose light got worse.
    #[schemars(title = "Verschlechtert")]
    pub worsened: u32,
    /// Goals with the same light in both tertials.
    #[schemars(title = "Unverändert")]
    pub unchanged: u32,
}

const LIGHTS_OR_NONE: [Option<Light>; 4] = [
    Some(Light::Green),
    Some(Light::Yellow),
    Some(Light::Red),
    None,
];

/// The light of every goal of the system in `tertial` (`None` where no row exists), in goal order.
fn lights_in<'a>(
    system: &'a TargetSystem,
    rows: &[AttainmentRow],
    tertial: Tertial,
) -> Vec<(&'a GoalId, Option<Light>)> {
    system
        .goals
        .iter()
        .map(|goal| {
            let light = rows
                .iter()
                .find(|row| row.tertial == tertial && row.goal == goal.id)
                .map(|row| row.light);
            (&goal.id, light)
        })
        .collect()
}

/// The light → light transitions of every goal of the system from `from` to `to`.
pub fn transitions(
    system: &TargetSystem,
    rows: &[AttainmentRow],
    from: Tertial,
    to: Tertial,
) -> Result<Transitions, AnalyticsError> {
    for tertial in [from, to] {
        if tertial.year() != system.year {
            return Err(AnalyticsError::TertialOutsideYear {
                tertial,
                year: system.year,
            });
        }
    }
    let before = lights_in(system, rows, from);
    let after = lights_in(system, rows, to);
    let pairs: Vec<(&GoalId, Option<Light>, Option<Light>)> = before
        .into_iter()
        .zip(after)
        .map(|((goal, from_light), (_, to_light))| (goal, from_light, to_light))
        .collect();
    let cells = LIGHTS_OR_NONE
        .into_iter()
        .flat_map(|from_light| LIGHTS_OR_NONE.map(|to_light| (from_light, to_light)))
        .map(|(from_light, to_light)| {
            let goals: Vec<GoalId> = pairs
                .iter()
                .filter(|(_, f, t)| *f == from_light && *t == to_light)
                .map(|(goal, _, _)| (*goal).clone())
                .collect();
            TransitionCell {
                from_light,
                to_light,
                count: count(goals.len()),
                goals,
            }
        })
        .collect();
    let compared = |keep: fn(Light, Light) -> bool| {
        count(
            pairs
                .iter()
                .filter(|(_, f, t)| matches!((f, t), (Some(f), Some(t)) if keep(*f, *t)))
                .count(),
        )
    };
    Ok(Transitions {
        from_tertial: from,
        to_tertial: to,
        cells,
        // Light orders green < yellow < red: a smaller light is a better one.
        improved: compared(|f, t| t < f),
        worsened: compared(|f, t| t > f),
        unchanged: compared(|f, t| t == f),
    })
}

/// How well the T1 or T2 forecasts of one perspective were borne out by the T3 result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Treffsicherheit der Einschätzungen")]
pub struct AccuracyRow {
    /// The perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The tertial of the forecasts (T1 or T2 of the system's year).
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// Forecasts of goals with a T3 result.
    #[schemars(title = "Bewertbare Einschätzungen")]
    pub forecasts: u32,
    /// Of those, the forecasts the result bore out.
    #[schemars(title = "Bestätigte Einschätzungen")]
    pub borne_out: u32,
    /// Green forecasts (`achieved`, `on_track`) of goals with a T3 result.
    #[schemars(title = "Grüne Einschätzungen")]
    pub green_forecasts: u32,
    /// Of those, the goals achieved.
    #[schemars(title = "Bestätigte grüne Einschätzungen")]
    pub green_borne_out: u32,
    /// Yellow or red forecasts of goals with a T3 result.
    #[schemars(title = "Gelbe oder rote Einschätzungen")]
    pub yellow_red_forecasts: u32,
    /// Of those, the goals not achieved.
    #[schemars(title = "Bestätigte gelbe oder rote Einschätzungen")]
    pub yellow_red_borne_out: u32,
    /// Forecasts of goals without a T3 result (no T3 sheet, or a T3 forecast other than
    /// `achieved` / `not_achieved`).
    #[schemars(title = "Nicht bewertbare Einschätzungen")]
    pub unresolved: u32,
    /// `borne_out` ÷ `forecasts` × 100; `None` when nothing could be resolved.
    #[schemars(title = "Treffsicherheit in Prozent")]
    pub accuracy_percent: Option<f64>,
}

/// The forecast accuracy at year end: one row per perspective and forecasting tertial (the
/// system's T1 and T2 from its first reporting tertial), perspectives in their order.
pub fn forecast_accuracy(system: &TargetSystem, rows: &[AttainmentRow]) -> Vec<AccuracyRow> {
    let Ok([_, _, year_end]) = Tertial::of_year(system.year) else {
        return Vec::new();
    };
    let result_of = |goal: &GoalId| -> Option<bool> {
        let row = rows
            .iter()
            .find(|row| row.tertial == year_end && &row.goal == goal)?;
        match row.forecast {
            Forecast::Achieved => Some(true),
            Forecast::NotAchieved => Some(false),
            Forecast::OnTrack | Forecast::AtRisk | Forecast::Unlikely => None,
        }
    };
    let forecasting: Vec<Tertial> = system
        .reporting_tertials()
        .into_iter()
        .filter(|tertial| tertial.period() != Period::T3)
        .collect();
    let mut out = Vec::new();
    for perspective in Perspective::ALL {
        for &tertial in &forecasting {
            let mut row = AccuracyRow {
                perspective,
                tertial,
                forecasts: 0,
                borne_out: 0,
                green_forecasts: 0,
                green_borne_out: 0,
                yellow_red_forecasts: 0,
                yellow_red_borne_out: 0,
                unresolved: 0,
                accuracy_percent: None,
            };
            let sheets = rows
                .iter()
                .filter(|r| r.tertial == tertial && r.perspective == perspective);
            for sheet in sheets {
                let Some(achieved) = result_of(&sheet.goal) else {
                    row.unresolved += 1;
                    continue;
                };
                let predicted_achieved = sheet.light == Light::Green;
                let borne_out = u32::from(predicted_achieved == achieved);
                row.forecasts += 1;
                row.borne_out += borne_out;
                if predicted_achieved {
                    row.green_forecasts += 1;
                    row.green_borne_out += borne_out;
                } else {
                    row.yellow_red_forecasts += 1;
                    row.yellow_red_borne_out += borne_out;
                }
            }
            row.accuracy_percent = (row.forecasts > 0)
                .then(|| f64::from(row.borne_out) / f64::from(row.forecasts) * 100.0);
            out.push(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp)]
    use super::*;

    // The small fixture of the Python tests; its figures are worked out by hand in the comments.
    const SYSTEM: &str = include_str!("../../zielsystem-py/tests/fixtures/target-system.json");
    const SHEETS: [&str; 10] = [
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T1/A01.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T1/A01-draft.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T1/A02.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T1/V01.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T2/A01.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T2/A02.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T2/V01.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T3/A01.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T3/A02.json"),
        include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T3/V01.json"),
    ];

    fn system() -> TargetSystem {
        serde_json::from_str(SYSTEM).unwrap()
    }

    fn sheets() -> Vec<ReportSheet> {
        SHEETS
            .iter()
            .map(|text| serde_json::from_str(text).unwrap())
            .collect()
    }

    fn t(code: &str) -> Tertial {
        code.parse().unwrap()
    }

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < 1e-9)
    }

    #[test]
    fn table_has_one_row_per_goal_and_tertial_in_order() {
        let rows = attainment_table(&system(), &sheets());
        let keys: Vec<(String, &str)> = rows
            .iter()
            .map(|r| (r.tertial.to_string(), r.goal.as_str()))
            .collect();
        let expected: Vec<(String, &str)> = ["2022-T1", "2022-T2", "2022-T3"]
            .iter()
            .flat_map(|t| ["A01", "A02", "V01"].map(|g| ((*t).to_string(), g)))
            .collect();
        assert_eq!(keys, expected);
    }

    #[test]
    fn row_figures_worked_out_by_hand() {
        let rows = attainment_table(&system(), &sheets());
        // T1 A01: the sheet of 20 May supersedes the draft of 2 May (on_track, no risks).
        let a01 = &rows[0];
        assert_eq!(a01.forecast, Forecast::AtRisk);
        assert_eq!(a01.light, Light::Yellow);
        assert_eq!(a01.perspective, Perspective::MandateTargetGroups);
        assert_eq!(a01.portfolio, "I");
        assert_eq!(a01.risk_count, 2);
        assert_eq!(a01.highest_risk_score, 6); // high (3) × medium (2)
        assert_eq!(a01.countermeasure_count, 1);
        // decrease, baseline 40, target 20, value 31.5: (31.5 − 40) / (20 − 40) = 42.5 %
        assert!(close(a01.indicator_attainment_percent, 42.5));
        // T1 A02: A02-1 (15 − 10) / (20 − 10) = 50 %; A02-2 has target = baseline: left out.
        assert!(close(rows[1].indicator_attainment_percent, 50.0));
        assert_eq!(rows[1].highest_risk_score, 0);
        // T1 V01: no indicators.
        assert_eq!(rows[2].indicator_attainment_percent, None);
        assert_eq!(rows[2].highest_risk_score, 2); // medium × low
        // T2 A01 unlikely with a high × high risk, value 36: (36 − 40) / −20 = 20 %.
        assert_eq!(rows[3].light, Light::Red);
        assert_eq!(rows[3].highest_risk_score, 9);
        assert!(close(rows[3].indicator_attainment_percent, 20.0));
        // T2 A02 overshoots: (22 − 10) / 10 = 120 %, not capped.
        assert!(close(rows[4].indicator_attainment_percent, 120.0));
    }

    #[test]
    fn sheets_that_do_not_belong_are_left_out() {
        let mut sheets = sheets();
        let mut foreign = sheets[0].clone();
        foreign.goal = "X99".into();
        let mut other_year = sheets[0].clone();
        other_year.tertial = t("2023-T1");
        let mut other_authority = sheets[0].clone();
        other_authority.authority = "Bezirksamt Anderswo".into();
        sheets.extend([foreign, other_year, other_authority]);
        assert_eq!(attainment_table(&system(), &sheets).len(), 9);
    }

    #[test]
    fn same_day_duplicates_take_the_later_in_the_input() {
        let mut first = sheets()[0].clone();
        let mut second = first.clone();
        first.forecast = Forecast::OnTrack;
        second.forecast = Forecast::Unlikely;
        let rows = attainment_table(&system(), &[first.clone(), second.clone()]);
        assert_eq!(rows[0].forecast, Forecast::Unlikely);
        let rows = attainment_table(&system(), &[second, first]);
        assert_eq!(rows[0].forecast, Forecast::OnTrack);
    }

    #[test]
    fn indicator_attainment_honours_direction() {
        let indicator = |baseline: f64, target: f64, direction| Indicator {
            id: "I".into(),
            name: "n".into(),
            unit: "u".into(),
            baseline,
            target,
            direction,
        };
        let up = indicator(10.0, 20.0, Direction::Increase);
        assert_eq!(indicator_attainment_percent(&up, 15.0), Some(50.0));
        assert_eq!(indicator_attainment_percent(&up, 5.0), Some(-50.0));
        let down = indicator(40.0, 20.0, Direction::Decrease);
        assert_eq!(indicator_attainment_percent(&down, 20.0), Some(100.0));
        assert_eq!(indicator_attainment_percent(&down, 50.0), Some(-50.0));
        // Targets against the direction, flat targets and non-finite values are undefined.
        assert_eq!(
            indicator_attainment_percent(&indicator(40.0, 20.0, Direction::Increase), 30.0),
            None
        );
        assert_eq!(
            indicator_attainment_percent(&indicator(10.0, 20.0, Direction::Decrease), 15.0),
            None
        );
        assert_eq!(
            indicator_attainment_percent(&indicator(5.0, 5.0, Direction::Increase), 7.0),
            None
        );
        assert_eq!(indicator_attainment_percent(&up, f64::NAN), None);
        assert_eq!(indicator_attainment_percent(&up, f64::MAX), None);
    }

    #[test]
    fn summary_by_tertial() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let summary = summary_by(&system, &rows, &[Dimension::Tertial]);
        assert_eq!(summary.len(), 3);
        let t1 = &summary[0];
        assert_eq!(t1.tertial, Some(t("2022-T1")));
        assert_eq!((t1.perspective, t1.portfolio.as_deref()), (None, None));
        assert_eq!((t1.sheets, t1.green, t1.yellow, t1.red), (3, 2, 1, 0));
        assert_eq!((t1.on_track, t1.at_risk), (2, 1));
        assert!((t1.share_at_risk - 1.0 / 3.0).abs() < 1e-12);
        assert!(close(t1.mean_indicator_attainment_percent, 46.25)); // (42.5 + 50) / 2
        let t2 = &summary[1];
        assert_eq!((t2.green, t2.yellow, t2.red), (1, 1, 1));
        assert_eq!((t2.achieved, t2.at_risk, t2.unlikely), (1, 1, 1));
        assert!((t2.share_at_risk - 2.0 / 3.0).abs() < 1e-12);
        assert!(close(t2.mean_indicator_attainment_percent, 70.0)); // (20 + 120) / 2
        let t3 = &summary[2];
        assert_eq!(
            (t3.achieved, t3.not_achieved, t3.share_at_risk),
            (2, 1, 0.0)
        );
        assert!(close(t3.mean_indicator_attainment_percent, 82.5)); // (25 + 140) / 2
    }

    #[test]
    fn summary_by_perspective_portfolio_and_combined() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let by_perspective = summary_by(&system, &rows, &[Dimension::Perspective]);
        assert_eq!(by_perspective.len(), 2);
        let outward = &by_perspective[0];
        assert_eq!(outward.perspective, Some(Perspective::MandateTargetGroups));
        assert_eq!(
            (outward.sheets, outward.green, outward.yellow, outward.red),
            (6, 3, 1, 2)
        );
        // (42.5 + 50 + 20 + 120 + 25 + 140) / 6
        assert!(close(outward.mean_indicator_attainment_percent, 66.25));
        let inward = &by_perspective[1];
        assert_eq!((inward.sheets, inward.green, inward.yellow), (3, 2, 1));
        assert_eq!(inward.mean_indicator_attainment_percent, None);

        let by_portfolio = summary_by(&system, &rows, &[Dimension::Portfolio]);
        let portfolios: Vec<_> = by_portfolio
            .iter()
            .map(|s| (s.portfolio.clone().unwrap(), s.sheets))
            .collect();
        assert_eq!(portfolios, [("I".to_string(), 6), ("V".to_string(), 3)]);

        let combined = summary_by(
            &system,
            &rows,
            &[Dimension::Perspective, Dimension::Tertial],
        );
        assert_eq!(combined.len(), 6);
        assert_eq!(combined[0].tertial, Some(t("2022-T1")));
        assert_eq!(
            combined[0].perspective,
            Some(Perspective::MandateTargetGroups)
        );
        assert_eq!((combined[0].green, combined[0].yellow), (1, 1));

        let everything = summary_by(&system, &rows, &[]);
        assert_eq!(everything.len(), 1);
        assert_eq!(everything[0].sheets, 9);
        assert!(summary_by(&system, &[], &[Dimension::Tertial]).is_empty());
    }

    #[test]
    fn transitions_between_tertials() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let tr = transitions(&system, &rows, t("2022-T1"), t("2022-T2")).unwrap();
        assert_eq!(tr.cells.len(), 16);
        let cell = |from, to| {
            tr.cells
                .iter()
                .find(|c| c.from_light == from && c.to_light == to)
                .unwrap()
        };
        assert_eq!(cell(Some(Light::Yellow), Some(Light::Red)).goals, ["A01"]);
        assert_eq!(cell(Some(Light::Green), Some(Light::Green)).goals, ["A02"]);
        assert_eq!(cell(Some(Light::Green), Some(Light::Yellow)).goals, ["V01"]);
        assert_eq!(tr.cells.iter().map(|c| c.count).sum::<u32>(), 3);
        assert_eq!((tr.improved, tr.worsened, tr.unchanged), (0, 2, 1));

        let tr = transitions(&system, &rows, t("2022-T2"), t("2022-T3")).unwrap();
        assert_eq!((tr.improved, tr.worsened, tr.unchanged), (1, 0, 2));

        // A goal without a sheet shows up as "no sheet".
        let fewer: Vec<AttainmentRow> = rows.into_iter().filter(|r| r.goal != "V01").collect();
        let tr = transitions(&system, &fewer, t("2022-T1"), t("2022-T2")).unwrap();
        let none_none = tr
            .cells
            .iter()
            .find(|c| c.from_light.is_none() && c.to_light.is_none())
            .unwrap();
        assert_eq!(none_none.goals, ["V01"]);
        assert_eq!(tr.worsened, 1);
    }

    #[test]
    fn transitions_reject_tertials_of_another_year() {
        let system = system();
        let error = transitions(&system, &[], t("2021-T3"), t("2022-T1")).unwrap_err();
        assert_eq!(
            error,
            AnalyticsError::TertialOutsideYear {
                tertial: t("2021-T3"),
                year: 2022
            }
        );
    }

    #[test]
    fn forecast_accuracy_worked_out_by_hand() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let accuracy = forecast_accuracy(&system, &rows);
        let key: Vec<_> = accuracy
            .iter()
            .map(|r| (r.perspective, r.tertial))
            .collect();
        assert_eq!(
            key,
            [
                (Perspective::MandateTargetGroups, t("2022-T1")),
                (Perspective::MandateTargetGroups, t("2022-T2")),
                (Perspective::AdministrationInternal, t("2022-T1")),
                (Perspective::AdministrationInternal, t("2022-T2")),
            ]
        );
        // Outward T1: A01 at_risk → not_achieved (borne out), A02 on_track → achieved (borne out).
        let r = &accuracy[0];
        assert_eq!((r.forecasts, r.borne_out, r.unresolved), (2, 2, 0));
        assert_eq!((r.green_forecasts, r.green_borne_out), (1, 1));
        assert_eq!((r.yellow_red_forecasts, r.yellow_red_borne_out), (1, 1));
        assert_eq!(r.accuracy_percent, Some(100.0));
        // Inward T2: V01 at_risk, but achieved: not borne out.
        let r = &accuracy[3];
        assert_eq!((r.forecasts, r.borne_out), (1, 0));
        assert_eq!((r.yellow_red_forecasts, r.yellow_red_borne_out), (1, 0));
        assert_eq!(r.accuracy_percent, Some(0.0));
        // Inward T1: V01 on_track, achieved.
        assert_eq!(accuracy[2].accuracy_percent, Some(100.0));
    }

    #[test]
    fn forecasts_without_year_end_result_are_unresolved() {
        let system = system();
        let rows: Vec<AttainmentRow> = attainment_table(&system, &sheets())
            .into_iter()
            .filter(|r| !(r.goal == "A01" && r.tertial == t("2022-T3")))
            .collect();
        let accuracy = forecast_accuracy(&system, &rows);
        let r = &accuracy[0];
        assert_eq!((r.forecasts, r.borne_out, r.unresolved), (1, 1, 1));
        let only_t1: Vec<AttainmentRow> = rows
            .into_iter()
            .filter(|r| r.tertial == t("2022-T1"))
            .collect();
        let accuracy = forecast_accuracy(&system, &only_t1);
        assert!(accuracy.iter().all(|r| r.accuracy_percent.is_none()));
    }

    #[test]
    fn dimension_names_parse() {
        for dimension in Dimension::ALL {
            assert_eq!(dimension.as_str().parse::<Dimension>(), Ok(dimension));
        }
        assert!("goal".parse::<Dimension>().is_err());
    }

    #[test]
    fn rows_serialize_flat() {
        let rows = attainment_table(&system(), &sheets());
        let json = serde_json::to_value(&rows[2]).unwrap();
        assert_eq!(json["tertial"], "2022-T1");
        assert_eq!(json["perspective"], "administration_internal");
        assert_eq!(
            json["indicator_attainment_percent"],
            serde_json::Value::Null
        );
        let summary = summary_by(&system(), &rows, &[Dimension::Tertial]);
        let json = serde_json::to_value(&summary[0]).unwrap();
        assert!(json.get("perspective").is_none());
        assert_eq!(json["tertial"], "2022-T1");
    }

    proptest::proptest! {
        #[test]
        fn counts_add_up_for_any_forecasts(codes in proptest::collection::vec(0..5usize, 10)) {
            let system = system();
            let mut sheets = sheets();
            for (sheet, code) in sheets.iter_mut().zip(&codes) {
                sheet.forecast = Forecast::ALL[*code];
            }
            let rows = attainment_table(&system, &sheets);
            proptest::prop_assert_eq!(rows.len(), 9);
            for by in [&[Dimension::Tertial][..], &[Dimension::Perspective, Dimension::Portfolio]] {
                let summary = summary_by(&system, &rows, by);
                proptest::prop_assert_eq!(summary.iter().map(|s| s.sheets).sum::<u32>(), 9);
                for s in &summary {
                    proptest::prop_assert_eq!(s.green + s.yellow + s.red, s.sheets);
                    proptest::prop_assert_eq!(
                        s.achieved + s.on_track + s.at_risk + s.unlikely + s.not_achieved,
                        s.sheets
                    );
                    proptest::prop_assert!((0.0..=1.0).contains(&s.share_at_risk));
                }
            }
            let tr = transitions(&system, &rows, t("2022-T1"), t("2022-T3")).unwrap();
            proptest::prop_assert_eq!(tr.cells.iter().map(|c| c.count).sum::<u32>(), 3);
            proptest::prop_assert_eq!(tr.improved + tr.worsened + tr.unchanged, 3);
            for r in forecast_accuracy(&system, &rows) {
                let sheets_there = rows
                    .iter()
                    .filter(|row| row.tertial == r.tertial && row.perspective == r.perspective)
                    .count();
                proptest::prop_assert_eq!((r.forecasts + r.unresolved) as usize, sheets_there);
                proptest::prop_assert_eq!(r.green_forecasts + r.yellow_red_forecasts, r.forecasts);
                proptest::prop_assert_eq!(r.green_borne_out + r.yellow_red_borne_out, r.borne_out);
            }
        }
    }
}
