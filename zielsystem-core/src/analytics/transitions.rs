//! How the goals' lights changed between two tertials.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::GoalId;
use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::Light;

use super::attainment::AttainmentRow;
use super::count;

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
    /// The later tertial comes before the earlier one.
    #[error("Das Tertial {to} liegt vor {from} / tertial {to} comes before {from}")]
    TertialsOutOfOrder {
        /// The earlier tertial asked for.
        from: Tertial,
        /// The later tertial asked for.
        to: Tertial,
    },
    /// No target system of the tertial's year is in the lineage.
    #[error(
        "Kein Zielsystem von {authority} für das Jahr von {tertial} angegeben / no target system of {authority} given for the year of {tertial}"
    )]
    YearNotInLineage {
        /// The tertial asked for.
        tertial: Tertial,
        /// The authority asked for.
        authority: String,
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
    let pairs: Vec<(GoalId, Option<Light>, Option<Light>)> = before
        .into_iter()
        .zip(after)
        .map(|((goal, from_light), (_, to_light))| (goal.clone(), from_light, to_light))
        .collect();
    Ok(matrix(from, to, &pairs))
}

/// The transition matrix of `(goal, light before, light after)` pairs, goals in the order given.
pub(super) fn matrix(
    from: Tertial,
    to: Tertial,
    pairs: &[(GoalId, Option<Light>, Option<Light>)],
) -> Transitions {
    let cells = LIGHTS_OR_NONE
        .into_iter()
        .flat_map(|from_light| LIGHTS_OR_NONE.map(|to_light| (from_light, to_light)))
        .map(|(from_light, to_light)| {
            let goals: Vec<GoalId> = pairs
                .iter()
                .filter(|(_, f, t)| *f == from_light && *t == to_light)
                .map(|(goal, _, _)| goal.clone())
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
    Transitions {
        from_tertial: from,
        to_tertial: to,
        cells,
        // Light orders green < yellow < red: a smaller light is a better one.
        improved: compared(|f, t| t < f),
        worsened: compared(|f, t| t > f),
        unchanged: compared(|f, t| t == f),
    }
}
