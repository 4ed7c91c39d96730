//! How well the T1 and T2 forecasts were borne out by the year-end result.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{Period, Tertial};
use crate::model::GoalId;
use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::{Forecast, Light, Perspective};

use super::attainment::AttainmentRow;

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
