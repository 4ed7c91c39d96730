//! The tertial report (Bericht): the steering service's consolidation of every sheet of one tertial,
//! itself a Bezirksamtsvorlage that the Bezirksamt decides and passes to the council for information.
//!
//! The keys of DESIGN §6 (`schema_version`, `authority`, `tertial`, `as_of`, `stage`, `goals`,
//! `missing_goals`, `countermeasures`, `findings`) are the contract. The report also carries what it
//! needs to be rendered and re-checked without further inputs: the year's context (goal titles,
//! portfolios, org units, indicators), the sheets themselves, the earlier forecasts of the year
//! (`history`), counts, light changes and the lifecycle (`decision`, `council`).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::report_sheet::ReportSheet;
use super::target_system::{Indicator, OrgUnit, Portfolio, Resolution};
use super::vocabulary::{Forecast, Light, Perspective};
use super::{GoalId, OrgUnitId, PortfolioId};
use crate::calendar::Tertial;
use crate::findings::Finding;

/// The consolidated report of one tertial.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Tertialbericht",
    description = "Bericht über das Erreichen der Ziele in einem Tertial: vom Steuerungsdienst aus den Berichtsblättern zusammengefasst, vom Bezirksamt beschlossen und der Bezirksverordnetenversammlung zur Kenntnis gegeben."
)]
pub struct TertialReport {
    /// The version of the JSON contract, `"1"`.
    #[schemars(
        title = "Schema-Version",
        description = "Version des JSON-Vertrags, derzeit „1“."
    )]
    pub schema_version: String,
    /// The authority whose target system is reported on.
    #[schemars(title = "Behörde")]
    pub authority: String,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The day the report was consolidated: reporting status is judged on this day.
    #[schemars(
        title = "Stand",
        description = "Tag der Zusammenfassung; der Berichtsstatus jedes Ziels gilt an diesem Tag."
    )]
    pub as_of: NaiveDate,
    /// Where the report stands in its lifecycle.
    #[schemars(title = "Stadium")]
    pub stage: Stage,
    /// The Bezirksamt's decision (stage `decided` and `noted`).
    #[serde(default)]
    #[schemars(title = "Beschluss des Bezirksamts")]
    pub decision: Option<Resolution>,
    /// The council taking note (stage `noted`).
    #[serde(default)]
    #[schemars(title = "Kenntnisnahme der Bezirksverordnetenversammlung")]
    pub council: Option<CouncilNote>,
    /// Every goal of the target system, in its order, with its reporting status and forecast.
    #[schemars(title = "Ziele")]
    pub goals: Vec<GoalEntry>,
    /// The goals without a sheet (reporting status `missing` or `overdue`).
    #[schemars(title = "Fehlende Berichtsblätter")]
    pub missing_goals: Vec<GoalId>,
    /// Every proposed countermeasure, grouped by goal in the goals' order, for the Bezirksamt's decision.
    #[schemars(title = "Aktivitäten zur Gegensteuerung (zur Entscheidung)")]
    pub countermeasures: Vec<ReportCountermeasure>,
    /// Goal counts by forecast and perspective, and by portfolio.
    #[schemars(title = "Übersicht")]
    pub counts: Counts,
    /// The tertial the lights are compared with, when earlier sheets were given.
    #[serde(default)]
    #[schemars(title = "Verglichen mit Tertial")]
    pub compared_with: Option<Tertial>,
    /// The goals whose light got worse or better since `compared_with`.
    #[schemars(title = "Veränderungen der Ampel")]
    pub changes: Vec<LightChange>,
    /// The forecasts of earlier tertials of the year, from the earlier sheets given.
    #[schemars(title = "Frühere Einschätzungen")]
    pub history: Vec<HistoryEntry>,
    /// The year's context the report is rendered with.
    #[schemars(title = "Zielsystem (Auszug)")]
    pub context: ReportContext,
    /// The sheets that went into the report, as given.
    #[schemars(title = "Berichtsblätter")]
    pub sheets: Vec<ReportSheet>,
    /// The findings of rules TR01–TR04 on this report.
    #[schemars(title = "Befunde")]
    pub findings: Vec<Finding>,
}

/// The lifecycle stage of a report.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Stadium des Berichts")]
pub enum Stage {
    /// Consolidated by the steering service, not yet decided.
    #[schemars(title = "Entwurf")]
    Draft,
    /// Decided by the Bezirksamt.
    #[schemars(title = "vom Bezirksamt beschlossen")]
    Decided,
    /// Passed to the council, which took note.
    #[schemars(title = "von der BVV zur Kenntnis genommen")]
    Noted,
}

impl Stage {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Decided => "decided",
            Stage::Noted => "noted",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Stage::Draft => "Entwurf",
            Stage::Decided => "vom Bezirksamt beschlossen",
            Stage::Noted => "von der BVV zur Kenntnis genommen",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Decided => "decided by the Bezirksamt",
            Stage::Noted => "noted by the council",
        }
    }

    /// Whether the report is final (decided or noted): TR03 is then an error.
    pub fn is_final(self) -> bool {
        self != Stage::Draft
    }
}

/// The council (BVV) taking note of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kenntnisnahme der BVV")]
pub struct CouncilNote {
    /// The day of the council's session.
    #[schemars(title = "Zur Kenntnis genommen am")]
    pub noted_on: NaiveDate,
    /// The printed-paper number (Drucksache), e.g. `"0297/VI"`.
    #[schemars(
        title = "Drucksachen-Nr.",
        description = "Nummer und Wahlperiode in römischen Ziffern, z. B. „0297/VI“."
    )]
    pub number: String,
    /// The outcome as recorded, e.g. "zur Kenntnis genommen".
    #[serde(default)]
    #[schemars(
        title = "Ergebnis",
        description = "Ergebnis der Beratung, z. B. „zur Kenntnis genommen“."
    )]
    pub outcome: Option<String>,
}

/// Whether a goal's sheet is in, as of the report's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Berichtsstatus")]
pub enum ReportingStatus {
    /// Submitted by the deadline.
    #[schemars(title = "fristgerecht eingereicht")]
    SubmittedOnTime,
    /// Submitted after the deadline.
    #[schemars(title = "verspätet eingereicht")]
    SubmittedLate,
    /// No sheet; the deadline has not passed yet.
    #[schemars(title = "ausstehend")]
    Missing,
    /// No sheet; the deadline has passed.
    #[schemars(title = "überfällig")]
    Overdue,
}

impl ReportingStatus {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportingStatus::SubmittedOnTime => "submitted_on_time",
            ReportingStatus::SubmittedLate => "submitted_late",
            ReportingStatus::Missing => "missing",
            ReportingStatus::Overdue => "overdue",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            ReportingStatus::SubmittedOnTime => "fristgerecht eingereicht",
            ReportingStatus::SubmittedLate => "verspätet eingereicht",
            ReportingStatus::Missing => "ausstehend",
            ReportingStatus::Overdue => "überfällig",
        }
    }

    /// Whether a sheet is in.
    pub fn is_submitted(self) -> bool {
        matches!(
            self,
            ReportingStatus::SubmittedOnTime | ReportingStatus::SubmittedLate
        )
    }
}

/// One goal of the target system in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Ziel im Bericht")]
pub struct GoalEntry {
    /// The goal's id.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's title.
    #[schemars(title = "Titel")]
    pub title: String,
    /// The goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The goal's portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// Whether its sheet is in, as of the report's day.
    #[schemars(title = "Berichtsstatus")]
    pub reporting_status: ReportingStatus,
    /// The forecast of its sheet; `null` without a sheet.
    #[schemars(title = "Risikoorientierte Einschätzung")]
    pub forecast: Option<Forecast>,
    /// The light of the forecast; `null` without a sheet.
    #[schemars(title = "Ampel")]
    pub light: Option<Light>,
    /// `"sha256:<hex>"` of the sheet's canonical JSON; `null` without a sheet.
    #[schemars(
        title = "Prüfsumme des Berichtsblatts",
        description = "SHA-256 der kanonischen JSON-Form des Berichtsblatts als „sha256:<hex>“ (siehe docs/canonical-json.md)."
    )]
    pub sheet_digest: Option<String>,
    /// The position of the goal's sheet in `sheets`; `null` without a sheet.
    #[serde(default)]
    #[schemars(title = "Berichtsblatt (Position in „sheets“)")]
    pub sheet: Option<usize>,
    /// The light of the compared tertial, where a sheet of it was given.
    #[serde(default)]
    #[schemars(title = "Ampel im Vergleichstertial")]
    pub previous_light: Option<Light>,
}

/// A proposed countermeasure, for the Bezirksamt's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Aktivität zur Gegensteuerung im Bericht")]
pub struct ReportCountermeasure {
    /// The goal it is proposed for.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// What is proposed.
    #[schemars(title = "Beschreibung")]
    pub description: String,
    /// The units whose coordination it needs.
    #[schemars(title = "Beteiligte Organisationseinheiten")]
    pub org_units: Vec<OrgUnitId>,
}

/// Goal counts of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Übersicht")]
pub struct Counts {
    /// Goals by forecast (`null`: no sheet) and perspective.
    #[schemars(title = "Ziele nach Einschätzung und Perspektive")]
    pub by_forecast: Vec<ForecastCount>,
    /// Goals by portfolio and light.
    #[schemars(title = "Ziele nach Geschäftsbereich")]
    pub by_portfolio: Vec<PortfolioCount>,
}

/// How many goals have one forecast, per perspective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Ziele je Einschätzung")]
pub struct ForecastCount {
    /// The forecast; `null` counts the goals without a sheet.
    #[schemars(title = "Einschätzung")]
    pub forecast: Option<Forecast>,
    /// Goals of the mandate and target-group perspective.
    #[schemars(title = "Auftrags-/Zielgruppenperspektive")]
    pub mandate_target_groups: u32,
    /// Goals of the administration perspective.
    #[schemars(title = "Verwaltungs-/Binnenperspektive")]
    pub administration_internal: u32,
    /// Both perspectives.
    #[schemars(title = "Insgesamt")]
    pub total: u32,
}

/// How the goals of one portfolio stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Ziele je Geschäftsbereich")]
pub struct PortfolioCount {
    /// The portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// Goals of the portfolio.
    #[schemars(title = "Ziele")]
    pub goals: u32,
    /// Goals with a green light.
    #[schemars(title = "grün")]
    pub green: u32,
    /// Goals with a yellow light.
    #[schemars(title = "gelb")]
    pub yellow: u32,
    /// Goals with a red light.
    #[schemars(title = "rot")]
    pub red: u32,
    /// Goals without a sheet.
    #[schemars(title = "ohne Berichtsblatt")]
    pub without_sheet: u32,
}

/// Which way a goal's light moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Richtung der Veränderung")]
pub enum ChangeDirection {
    /// Towards red.
    #[schemars(title = "verschlechtert")]
    Worse,
    /// Towards green.
    #[schemars(title = "verbessert")]
    Better,
}

impl ChangeDirection {
    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            ChangeDirection::Worse => "verschlechtert",
            ChangeDirection::Better => "verbessert",
        }
    }
}

/// A goal whose light changed since the compared tertial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Veränderung der Ampel")]
pub struct LightChange {
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The light in the compared tertial.
    #[schemars(title = "Ampel vorher")]
    pub from: Light,
    /// The light now.
    #[schemars(title = "Ampel jetzt")]
    pub to: Light,
    /// Worse or better.
    #[schemars(title = "Richtung")]
    pub direction: ChangeDirection,
}

/// The forecast of a goal in an earlier tertial, from an earlier sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Frühere Einschätzung")]
pub struct HistoryEntry {
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The authority of the earlier sheet.
    #[schemars(title = "Behörde")]
    pub authority: String,
    /// The earlier tertial.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The forecast then.
    #[schemars(title = "Einschätzung")]
    pub forecast: Forecast,
    /// `"sha256:<hex>"` of the earlier sheet's canonical JSON.
    #[schemars(title = "Prüfsumme des Berichtsblatts")]
    pub sheet_digest: String,
}

/// The part of the target system a report is rendered with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zielsystem (Auszug)")]
pub struct ReportContext {
    /// The calendar year.
    #[schemars(title = "Kalenderjahr")]
    pub year: i32,
    /// The resolution that decided the target system.
    #[schemars(title = "Beschluss über das Zielsystem")]
    pub resolution: Resolution,
    /// The mission statement.
    #[schemars(title = "Leitbild")]
    pub mission_statement: String,
    /// Who reports for the steering service to the Bezirksamt (the holder of its portfolio on the
    /// report's day), e.g. "Bezirksbürgermeister/in"; `null` when vacant.
    #[serde(default)]
    #[schemars(title = "Berichterstatter/in")]
    pub rapporteur: Option<String>,
    /// The portfolios.
    #[schemars(title = "Geschäftsbereiche")]
    pub portfolios: Vec<Portfolio>,
    /// The organisational units.
    #[schemars(title = "Organisationseinheiten")]
    pub org_units: Vec<OrgUnit>,
    /// The indicators of the goals that have any.
    #[schemars(title = "Kennzahlen der Ziele")]
    pub indicators: Vec<GoalIndicators>,
}

/// The indicators of one goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kennzahlen eines Ziels")]
pub struct GoalIndicators {
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// Its indicators.
    #[schemars(title = "Kennzahlen")]
    pub indicators: Vec<Indicator>,
}

impl TertialReport {
    /// The goal entry with this id.
    pub fn goal(&self, id: &str) -> Option<&GoalEntry> {
        self.goals.iter().find(|entry| entry.goal == id)
    }

    /// The sheet counted for a goal entry.
    pub fn sheet_of(&self, entry: &GoalEntry) -> Option<&ReportSheet> {
        entry.sheet.and_then(|index| self.sheets.get(index))
    }

    /// The name of a portfolio, or its id when unknown.
    pub fn portfolio_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.context
            .portfolios
            .iter()
            .find(|portfolio| portfolio.id == id)
            .map_or(id, |portfolio| portfolio.name.as_str())
    }

    /// The name of an org unit, or its id when unknown.
    pub fn org_unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.context
            .org_units
            .iter()
            .find(|unit| unit.id == id)
            .map_or(id, |unit| unit.name.as_str())
    }

    /// The indicators of a goal.
    pub fn indicators_of(&self, goal: &str) -> &[Indicator] {
        self.context
            .indicators
            .iter()
            .find(|entry| entry.goal == goal)
            .map_or(&[], |entry| entry.indicators.as_slice())
    }

    /// The forecast of `goal` in `tertial`: from the report itself or its history.
    pub fn forecast_in(&self, goal: &str, tertial: Tertial) -> Option<Forecast> {
        if tertial == self.tertial {
            return self.goal(goal).and_then(|entry| entry.forecast);
        }
        self.history
            .iter()
            .find(|entry| {
                entry.goal == goal && entry.tertial == tertial && entry.authority == self.authority
            })
            .map(|entry| entry.forecast)
    }

    /// Whether the report has a finding of severity `error`.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}
