//! The tertial report (Bericht): the steering service's consolidation of every sheet of one tertial,
//! itself a Bezirksamtsvorlage that the Bezirksamt decides and passes to the council for information.
//!
//! The keys of the JSON contract (docs/procedure.md: `schema_version`, `authority`, `tertial`, `as_of`, `stage`, `goals`,
//! `missing_goals`, `countermeasures`, `findings`) are the contract. The report also carries what it
//! needs to be rendered and re-checked without further inputs: the year's context (goal titles,
//! portfolios, org units, indicators), the sheets themselves, the earlier forecasts of the year
//! (`history`), counts, light changes and the lifecycle (`decision`, `council`).

mod context;
mod entries;
mod lifecycle;
mod review;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use context::{GoalIndicators, LegalBasis, ReportContext};
pub use entries::{
    ChangeDirection, Counts, ForecastCount, GoalEntry, HistoryEntry, LightChange, PortfolioCount,
    ReportCountermeasure, ReportingStatus,
};
pub use lifecycle::{CouncilNote, CouncilOutcome, Stage};
pub use review::{GoalReview, ReportReview, SheetVersion};

use super::GoalId;
use super::report_sheet::ReportSheet;
use super::target_system::{Indicator, Resolution};
use super::vocabulary::{Forecast, Light};
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
    #[schemars(
        title = "Behörde",
        description = "Die Behörde, deren Zielsystem berichtet wird, z. B. „Bezirksamt Mitte von Berlin“."
    )]
    pub authority: String,
    /// The tertial reported on.
    #[schemars(
        title = "Tertial",
        description = "Das Tertial, über das berichtet wird, z. B. „2022-T1“."
    )]
    pub tertial: Tertial,
    /// The day the report was consolidated: reporting status is judged on this day.
    #[schemars(
        title = "Stand",
        description = "Tag der Zusammenfassung; der Berichtsstatus jedes Ziels gilt an diesem Tag."
    )]
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub as_of: NaiveDate,
    /// Where the report stands in its lifecycle.
    #[schemars(
        title = "Stadium",
        description = "Stadium im Ablauf: Entwurf, vom Bezirksamt beschlossen, von der BVV zur Kenntnis genommen."
    )]
    pub stage: Stage,
    /// The Bezirksamt's decision (stage `decided` and `noted`).
    #[serde(default)]
    #[schemars(
        title = "Beschluss des Bezirksamts",
        description = "Beschluss des Bezirksamts über den Bericht (Datum und Beschluss-Nr.); leer im Entwurf."
    )]
    pub decision: Option<Resolution>,
    /// The council taking note (stage `noted`).
    #[serde(default)]
    #[schemars(
        title = "Kenntnisnahme der Bezirksverordnetenversammlung",
        description = "Kenntnisnahme durch die Bezirksverordnetenversammlung (Datum, Drucksachen-Nr., Ergebnis); leer bis dahin."
    )]
    pub council: Option<CouncilNote>,
    /// Every goal of the target system, in its order, with its reporting status and forecast.
    #[schemars(
        title = "Ziele",
        description = "Jedes Ziel des Zielsystems in dessen Reihenfolge, mit Berichtsstatus und Einschätzung."
    )]
    pub goals: Vec<GoalEntry>,
    /// The goals without a sheet (reporting status `missing` or `overdue`).
    #[schemars(
        title = "Fehlende Berichtsblätter",
        description = "Kennungen der Ziele ohne Berichtsblatt (ausstehend oder überfällig)."
    )]
    pub missing_goals: Vec<GoalId>,
    /// Every proposed countermeasure, grouped by goal in the goals' order, for the Bezirksamt's decision.
    #[schemars(
        title = "Aktivitäten zur Gegensteuerung (zur Entscheidung)",
        description = "Alle vorgeschlagenen Aktivitäten zur Gegensteuerung, nach Zielen geordnet, zur Entscheidung durch das Bezirksamt."
    )]
    pub countermeasures: Vec<ReportCountermeasure>,
    /// Goal counts by forecast and perspective, and by portfolio.
    #[schemars(
        title = "Übersicht",
        description = "Anzahl der Ziele nach Einschätzung und Perspektive sowie nach Geschäftsbereich."
    )]
    pub counts: Counts,
    /// The tertial the lights are compared with, when earlier sheets were given.
    #[serde(default)]
    #[schemars(
        title = "Verglichen mit Tertial",
        description = "Das frühere Tertial, mit dem die Ampeln verglichen werden; leer ohne frühere Berichtsblätter."
    )]
    pub compared_with: Option<Tertial>,
    /// The goals whose light got worse or better since `compared_with`.
    #[schemars(
        title = "Veränderungen der Ampel",
        description = "Ziele, deren Ampel sich gegenüber dem Vergleichstertial verschlechtert oder verbessert hat."
    )]
    pub changes: Vec<LightChange>,
    /// The forecasts of earlier tertials of the year, from the earlier sheets given.
    #[schemars(
        title = "Frühere Einschätzungen",
        description = "Einschätzungen früherer Tertiale des Jahres aus den mitgegebenen früheren Berichtsblättern."
    )]
    pub history: Vec<HistoryEntry>,
    /// The year's context the report is rendered with.
    #[schemars(
        title = "Zielsystem (Auszug)",
        description = "Was der Bericht vom Zielsystem zur Darstellung braucht: Jahr, Beschluss, Leitbild, Geschäftsbereiche, Organisationseinheiten, Kennzahlen."
    )]
    pub context: ReportContext,
    /// The sheets that went into the report, as given.
    #[schemars(
        title = "Berichtsblätter",
        description = "Die Berichtsblätter des Tertials, wie sie eingegangen sind."
    )]
    pub sheets: Vec<ReportSheet>,
    /// The steering service's review of the sheets, when the report was consolidated with a review
    /// log; absent otherwise (and then the report is exactly as without a log).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Prüfung der Berichtsblätter",
        description = "Nach dem Prüfprotokoll: je Ziel Prüfstand und jede Fassung mit Prüfsumme; fehlt, wenn ohne Prüfprotokoll zusammengefasst wurde."
    )]
    pub review: Option<ReportReview>,
    /// The findings of rules TR01–TR05 on this report.
    #[schemars(
        title = "Befunde",
        description = "Befunde der Regeln TR01–TR05 zu diesem Bericht."
    )]
    pub findings: Vec<Finding>,
}

impl TertialReport {
    /// The goal entry with this id.
    pub fn goal(&self, id: &str) -> Option<&GoalEntry> {
        self.goals.iter().find(|entry| entry.goal == id)
    }

    /// The sheet counted for a goal entry (only a sheet on that goal).
    pub fn sheet_of(&self, entry: &GoalEntry) -> Option<&ReportSheet> {
        entry
            .sheet
            .and_then(|index| self.sheets.get(index))
            .filter(|sheet| sheet.goal == entry.goal)
    }

    /// The goals whose recorded `sheet_digest` is not the digest of the sheet the report carries
    /// for them (a sheet changed after consolidation, or a digest without its sheet). Empty for
    /// every report [`crate::consolidate::consolidate`] builds.
    pub fn digest_mismatches(&self) -> Vec<&str> {
        self.goals
            .iter()
            .filter(|entry| {
                let actual = self.sheet_of(entry).map(crate::digest::sheet_digest);
                actual != entry.sheet_digest
            })
            .map(|entry| entry.goal.as_str())
            .collect()
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

    /// How many goals have their sheet in.
    pub fn submitted_count(&self) -> usize {
        self.goals
            .iter()
            .filter(|entry| entry.reporting_status.is_submitted())
            .count()
    }

    /// How many goals show `light`.
    pub fn light_count(&self, light: Light) -> usize {
        self.goals
            .iter()
            .filter(|entry| entry.light == Some(light))
            .count()
    }

    /// Whether the report has a finding of severity `error`.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}
