//! The report sheet (Berichtsblatt): one per goal and tertial, submitted by the responsible member.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocabulary::{Forecast, Level};
use super::{GoalId, IndicatorId, MemberId, OrgUnitId};
use crate::calendar::Tertial;

/// The uniform report sheet on one goal for one tertial.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Berichtsblatt",
    description = "Einheitliches Berichtsblatt eines ressortverantwortlichen Bezirksamtsmitglieds zu einem Ziel und einem Tertial: realisierte Zielerreichungsbeiträge, Risiken, risikoorientierte Einschätzung und Aktivitäten zur Gegensteuerung."
)]
pub struct ReportSheet {
    /// The version of the JSON contract, `"1"`.
    #[schemars(
        title = "Schema-Version",
        description = "Version des JSON-Vertrags, derzeit „1“."
    )]
    pub schema_version: String,
    /// The authority whose target system the goal belongs to.
    #[schemars(title = "Behörde")]
    pub authority: String,
    /// The goal reported on.
    #[schemars(
        title = "Ziel",
        description = "Kennung des Ziels im Zielsystem, z. B. „A01“."
    )]
    pub goal: GoalId,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The member who reports (must hold the goal's portfolio on the day of submission).
    #[schemars(title = "Berichtendes Bezirksamtsmitglied")]
    pub reporting_member: MemberId,
    /// The day of submission.
    #[schemars(title = "Eingereicht am")]
    pub submitted_on: NaiveDate,
    /// Contributions to the goal realised in the reporting period.
    #[schemars(title = "Zielerreichungsbeiträge im Berichtszeitraum")]
    pub contributions: Vec<Contribution>,
    /// Values of the goal's indicators.
    #[schemars(title = "Kennzahlenwerte")]
    pub indicator_values: Vec<IndicatorValue>,
    /// Risks for the rest of the year.
    #[schemars(title = "Risiken")]
    pub risks: Vec<Risk>,
    /// The risk-oriented forecast.
    #[schemars(title = "Risikoorientierte Einschätzung")]
    pub forecast: Forecast,
    /// Why the forecast was given.
    #[schemars(title = "Begründung")]
    pub rationale: String,
    /// Proposed countermeasures (only when attainment is at risk).
    #[schemars(title = "Aktivitäten zur Gegensteuerung")]
    pub countermeasures: Vec<Countermeasure>,
}

/// A contribution to the goal realised in the reporting period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zielerreichungsbeitrag")]
pub struct Contribution {
    /// What was done.
    #[schemars(title = "Beschreibung")]
    pub text: String,
    /// The unit that realised it, where one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Organisationseinheit")]
    pub org_unit: Option<OrgUnitId>,
}

/// The value of an indicator of the goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kennzahlenwert")]
pub struct IndicatorValue {
    /// The indicator measured.
    #[schemars(title = "Kennzahl")]
    pub indicator: IndicatorId,
    /// The measured value.
    #[schemars(title = "Wert")]
    pub value: f64,
    /// The day the value refers to.
    #[schemars(title = "Stand")]
    pub as_of: NaiveDate,
}

/// A risk for the rest of the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Risiko")]
pub struct Risk {
    /// What could go wrong.
    #[schemars(title = "Beschreibung")]
    pub description: String,
    /// How likely it is.
    #[schemars(title = "Eintrittswahrscheinlichkeit")]
    pub likelihood: Level,
    /// How much it would hurt the goal.
    #[schemars(title = "Auswirkung")]
    pub impact: Level,
}

impl Risk {
    /// Likelihood × impact, 1 to 9.
    pub fn score(&self) -> u32 {
        self.likelihood.weight() * self.impact.weight()
    }
}

/// A proposed countermeasure (Aktivität zur Gegensteuerung) needing coordination across units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Aktivität zur Gegensteuerung")]
pub struct Countermeasure {
    /// What is proposed.
    #[schemars(title = "Beschreibung")]
    pub description: String,
    /// The units whose coordination it needs (at least two).
    #[schemars(title = "Beteiligte Organisationseinheiten")]
    pub org_units: Vec<OrgUnitId>,
}

impl ReportSheet {
    /// The highest risk score on the sheet, 0 when no risk is named.
    pub fn highest_risk_score(&self) -> u32 {
        self.risks.iter().map(Risk::score).max().unwrap_or(0)
    }
}
