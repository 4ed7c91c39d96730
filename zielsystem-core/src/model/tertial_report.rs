//! The tertial report (Bericht): the steering service's consolidation of every sheet of one tertial,
//! itself a Bezirksamtsvorlage that the Bezirksamt decides and passes to the council for information.
//!
//! The keys of the JSON contract (docs/procedure.md) (`schema_version`, `authority`, `tertial`, `as_of`, `stage`, `goals`,
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
    #[serde(deserialize_with = "super::date::deserialize")]
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
    /// The findings of rules TR01–TR04 on this report.
    #[schemars(
        title = "Befunde",
        description = "Befunde der Regeln TR01–TR04 zu diesem Bericht."
    )]
    pub findings: Vec<Finding>,
}

/// The lifecycle stage of a report.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Stadium des Berichts",
    description = "Stadium des Berichts im Ablauf Entwurf → Beschluss des Bezirksamts → Kenntnisnahme der BVV."
)]
pub enum Stage {
    /// Consolidated by the steering service, not yet decided.
    #[schemars(
        title = "Entwurf",
        description = "Vom Steuerungsdienst zusammengefasst, noch nicht beschlossen."
    )]
    Draft,
    /// Decided by the Bezirksamt.
    #[schemars(
        title = "vom Bezirksamt beschlossen",
        description = "Vom Bezirksamt beschlossen, noch nicht von der BVV zur Kenntnis genommen."
    )]
    Decided,
    /// Passed to the council, which took note.
    #[schemars(
        title = "von der BVV zur Kenntnis genommen",
        description = "Der Bezirksverordnetenversammlung zur Kenntnis gegeben und von ihr zur Kenntnis genommen."
    )]
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
#[schemars(
    title = "Kenntnisnahme der BVV",
    description = "Kenntnisnahme des Berichts durch die Bezirksverordnetenversammlung."
)]
pub struct CouncilNote {
    /// The day of the council's session.
    #[schemars(
        title = "Zur Kenntnis genommen am",
        description = "Sitzungstag der Bezirksverordnetenversammlung (JJJJ-MM-TT)."
    )]
    #[serde(deserialize_with = "super::date::deserialize")]
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
#[schemars(
    title = "Berichtsstatus",
    description = "Ob das Berichtsblatt eines Ziels am Stichtag des Berichts vorliegt, gemessen an der Berichtsfrist."
)]
pub enum ReportingStatus {
    /// Submitted by the deadline.
    #[schemars(
        title = "fristgerecht eingereicht",
        description = "Eingereicht bis zur Berichtsfrist."
    )]
    SubmittedOnTime,
    /// Submitted after the deadline.
    #[schemars(
        title = "verspätet eingereicht",
        description = "Eingereicht nach der Berichtsfrist."
    )]
    SubmittedLate,
    /// No sheet; the deadline has not passed yet.
    #[schemars(
        title = "ausstehend",
        description = "Kein Berichtsblatt; die Berichtsfrist läuft noch."
    )]
    Missing,
    /// No sheet; the deadline has passed.
    #[schemars(
        title = "überfällig",
        description = "Kein Berichtsblatt; die Berichtsfrist ist verstrichen."
    )]
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
#[schemars(
    title = "Ziel im Bericht",
    description = "Ein Ziel des Zielsystems mit Berichtsstatus, Einschätzung, Ampel und Prüfsumme seines Berichtsblatts."
)]
pub struct GoalEntry {
    /// The goal's id.
    #[schemars(title = "Ziel", description = "Kennung des Ziels, z. B. „A01“.")]
    pub goal: GoalId,
    /// The goal's title.
    #[schemars(title = "Titel", description = "Titel des Ziels laut Zielsystem.")]
    pub title: String,
    /// The goal's perspective.
    #[schemars(title = "Perspektive", description = "Perspektive des Ziels.")]
    pub perspective: Perspective,
    /// The goal's portfolio.
    #[schemars(
        title = "Geschäftsbereich",
        description = "Geschäftsbereich, dessen Bezirksamtsmitglied für das Ziel berichtet."
    )]
    pub portfolio: PortfolioId,
    /// Whether its sheet is in, as of the report's day.
    #[schemars(
        title = "Berichtsstatus",
        description = "Ob das Berichtsblatt vorliegt, fristgerecht oder verspätet, ausstehend oder überfällig."
    )]
    pub reporting_status: ReportingStatus,
    /// The forecast of its sheet; `null` without a sheet.
    #[schemars(
        title = "Risikoorientierte Einschätzung",
        description = "Einschätzung laut Berichtsblatt; leer ohne Berichtsblatt."
    )]
    pub forecast: Option<Forecast>,
    /// The light of the forecast; `null` without a sheet.
    #[schemars(
        title = "Ampel",
        description = "Ampel der Einschätzung; leer ohne Berichtsblatt."
    )]
    pub light: Option<Light>,
    /// `"sha256:<hex>"` of the sheet's canonical JSON; `null` without a sheet.
    #[schemars(
        title = "Prüfsumme des Berichtsblatts",
        description = "SHA-256 der kanonischen JSON-Form des Berichtsblatts als „sha256:<hex>“ (siehe docs/canonical-json.md)."
    )]
    pub sheet_digest: Option<String>,
    /// The position of the goal's sheet in `sheets`; `null` without a sheet.
    #[serde(default)]
    #[schemars(
        title = "Berichtsblatt (Position in „sheets“)",
        description = "Stelle des gezählten Berichtsblatts in der Liste „sheets“ (ab 0); leer ohne Berichtsblatt."
    )]
    pub sheet: Option<usize>,
    /// The light of the compared tertial, where a sheet of it was given.
    #[serde(default)]
    #[schemars(
        title = "Ampel im Vergleichstertial",
        description = "Ampel des Ziels im Vergleichstertial, soweit dessen Berichtsblatt vorlag."
    )]
    pub previous_light: Option<Light>,
}

/// A proposed countermeasure, for the Bezirksamt's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Aktivität zur Gegensteuerung im Bericht",
    description = "Eine vorgeschlagene Aktivität zur Gegensteuerung mit ihrem Ziel."
)]
pub struct ReportCountermeasure {
    /// The goal it is proposed for.
    #[schemars(
        title = "Ziel",
        description = "Kennung des Ziels, für das die Aktivität vorgeschlagen wird."
    )]
    pub goal: GoalId,
    /// What is proposed.
    #[schemars(title = "Beschreibung", description = "Was vorgeschlagen wird.")]
    pub description: String,
    /// The units whose coordination it needs.
    #[schemars(
        title = "Beteiligte Organisationseinheiten",
        description = "Kennungen der Organisationseinheiten, deren Abstimmung die Aktivität bedarf."
    )]
    pub org_units: Vec<OrgUnitId>,
}

/// Goal counts of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Übersicht",
    description = "Anzahl der Ziele nach Einschätzung und Perspektive sowie nach Geschäftsbereich."
)]
pub struct Counts {
    /// Goals by forecast (`null`: no sheet) and perspective.
    #[schemars(
        title = "Ziele nach Einschätzung und Perspektive",
        description = "Je Einschätzung (leer: ohne Berichtsblatt) die Anzahl der Ziele in beiden Perspektiven."
    )]
    pub by_forecast: Vec<ForecastCount>,
    /// Goals by portfolio and light.
    #[schemars(
        title = "Ziele nach Geschäftsbereich",
        description = "Je Geschäftsbereich mit Zielen die Anzahl der Ziele nach Ampel."
    )]
    pub by_portfolio: Vec<PortfolioCount>,
}

/// How many goals have one forecast, per perspective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Ziele je Einschätzung",
    description = "Anzahl der Ziele mit einer Einschätzung, getrennt nach Perspektive."
)]
pub struct ForecastCount {
    /// The forecast; `null` counts the goals without a sheet.
    #[schemars(
        title = "Einschätzung",
        description = "Die Einschätzung; leer zählt die Ziele ohne Berichtsblatt."
    )]
    pub forecast: Option<Forecast>,
    /// Goals of the mandate and target-group perspective.
    #[schemars(
        title = "Auftrags-/Zielgruppenperspektive",
        description = "Anzahl der Ziele der Auftrags-/Zielgruppenperspektive."
    )]
    pub mandate_target_groups: u32,
    /// Goals of the administration perspective.
    #[schemars(
        title = "Verwaltungs-/Binnenperspektive",
        description = "Anzahl der Ziele der Verwaltungs-/Binnenperspektive."
    )]
    pub administration_internal: u32,
    /// Both perspectives.
    #[schemars(
        title = "Insgesamt",
        description = "Anzahl der Ziele beider Perspektiven."
    )]
    pub total: u32,
}

/// How the goals of one portfolio stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Ziele je Geschäftsbereich",
    description = "Stand der Ziele eines Geschäftsbereichs nach Ampel."
)]
pub struct PortfolioCount {
    /// The portfolio.
    #[schemars(
        title = "Geschäftsbereich",
        description = "Kennung des Geschäftsbereichs, z. B. „I“."
    )]
    pub portfolio: PortfolioId,
    /// Goals of the portfolio.
    #[schemars(
        title = "Ziele",
        description = "Anzahl der Ziele des Geschäftsbereichs."
    )]
    pub goals: u32,
    /// Goals with a green light.
    #[schemars(title = "grün", description = "Anzahl der Ziele mit grüner Ampel.")]
    pub green: u32,
    /// Goals with a yellow light.
    #[schemars(title = "gelb", description = "Anzahl der Ziele mit gelber Ampel.")]
    pub yellow: u32,
    /// Goals with a red light.
    #[schemars(title = "rot", description = "Anzahl der Ziele mit roter Ampel.")]
    pub red: u32,
    /// Goals without a sheet.
    #[schemars(
        title = "ohne Berichtsblatt",
        description = "Anzahl der Ziele ohne Berichtsblatt."
    )]
    pub without_sheet: u32,
}

/// Which way a goal's light moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Richtung der Veränderung",
    description = "Ob sich die Ampel eines Ziels verschlechtert oder verbessert hat."
)]
pub enum ChangeDirection {
    /// Towards red.
    #[schemars(
        title = "verschlechtert",
        description = "Die Ampel steht näher an Rot als zuvor."
    )]
    Worse,
    /// Towards green.
    #[schemars(
        title = "verbessert",
        description = "Die Ampel steht näher an Grün als zuvor."
    )]
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
#[schemars(
    title = "Veränderung der Ampel",
    description = "Ein Ziel, dessen Ampel sich seit dem Vergleichstertial geändert hat."
)]
pub struct LightChange {
    /// The goal.
    #[schemars(title = "Ziel", description = "Kennung des Ziels.")]
    pub goal: GoalId,
    /// The light in the compared tertial.
    #[schemars(title = "Ampel vorher", description = "Ampel im Vergleichstertial.")]
    pub from: Light,
    /// The light now.
    #[schemars(title = "Ampel jetzt", description = "Ampel in diesem Bericht.")]
    pub to: Light,
    /// Worse or better.
    #[schemars(title = "Richtung", description = "Verschlechtert oder verbessert.")]
    pub direction: ChangeDirection,
}

/// The forecast of a goal in an earlier tertial, from an earlier sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Frühere Einschätzung",
    description = "Die Einschätzung eines Ziels in einem früheren Tertial, aus einem früheren Berichtsblatt."
)]
pub struct HistoryEntry {
    /// The goal.
    #[schemars(title = "Ziel", description = "Kennung des Ziels.")]
    pub goal: GoalId,
    /// The authority of the earlier sheet.
    #[schemars(
        title = "Behörde",
        description = "Behörde laut früherem Berichtsblatt."
    )]
    pub authority: String,
    /// The earlier tertial.
    #[schemars(title = "Tertial", description = "Das frühere Tertial.")]
    pub tertial: Tertial,
    /// The forecast then.
    #[schemars(title = "Einschätzung", description = "Die damalige Einschätzung.")]
    pub forecast: Forecast,
    /// `"sha256:<hex>"` of the earlier sheet's canonical JSON.
    #[schemars(
        title = "Prüfsumme des Berichtsblatts",
        description = "SHA-256 der kanonischen JSON-Form des früheren Berichtsblatts als „sha256:<hex>“."
    )]
    pub sheet_digest: String,
}

/// The part of the target system a report is rendered with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Zielsystem (Auszug)",
    description = "Was der Bericht vom Zielsystem zur Darstellung braucht."
)]
pub struct ReportContext {
    /// The calendar year.
    #[schemars(title = "Kalenderjahr", description = "Kalenderjahr des Zielsystems.")]
    pub year: i32,
    /// The resolution that decided the target system.
    #[schemars(
        title = "Beschluss über das Zielsystem",
        description = "Beschluss des Bezirksamts über das Zielsystem (Vorlagen-Nr. und Datum)."
    )]
    pub resolution: Resolution,
    /// The mission statement.
    #[schemars(title = "Leitbild", description = "Leitbild des Zielsystems.")]
    pub mission_statement: String,
    /// Who reports for the steering service to the Bezirksamt (the holder of its portfolio on the
    /// report's day), e.g. "Bezirksbürgermeister/in"; `null` when vacant.
    #[serde(default)]
    #[schemars(
        title = "Berichterstatter/in",
        description = "Wer für den Steuerungsdienst berichtet: Inhaber/in seines Geschäftsbereichs am Stichtag des Berichts; leer bei Vakanz."
    )]
    pub rapporteur: Option<String>,
    /// The portfolios.
    #[schemars(
        title = "Geschäftsbereiche",
        description = "Geschäftsbereiche des Zielsystems mit Bezeichnung."
    )]
    pub portfolios: Vec<Portfolio>,
    /// The organisational units.
    #[schemars(
        title = "Organisationseinheiten",
        description = "Organisationseinheiten des Zielsystems mit Bezeichnung."
    )]
    pub org_units: Vec<OrgUnit>,
    /// The indicators of the goals that have any.
    #[schemars(
        title = "Kennzahlen der Ziele",
        description = "Kennzahlen je Ziel, soweit ein Ziel welche hat."
    )]
    pub indicators: Vec<GoalIndicators>,
}

/// The indicators of one goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Kennzahlen eines Ziels",
    description = "Die Kennzahlen eines Ziels."
)]
pub struct GoalIndicators {
    /// The goal.
    #[schemars(title = "Ziel", description = "Kennung des Ziels.")]
    pub goal: GoalId,
    /// Its indicators.
    #[schemars(
        title = "Kennzahlen",
        description = "Kennzahlen des Ziels laut Zielsystem."
    )]
    pub indicators: Vec<Indicator>,
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
