//! The parts of a report built per goal: entries, countermeasures, counts, light changes, history.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::vocabulary::{Forecast, Light, Perspective};
use crate::model::{GoalId, OrgUnitId, PortfolioId};

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
    /// The codes of the error findings of the goal's sheet, checked against the target system at
    /// consolidation and again at the decision (TR05); empty when the sheet is clean or absent.
    #[serde(default)]
    #[schemars(
        title = "Fehler des Berichtsblatts",
        description = "Regelcodes der Fehler des Berichtsblatts, geprüft gegen das Zielsystem bei der Zusammenfassung und erneut beim Beschluss (TR05); leer, wenn es fehlerfrei ist oder fehlt."
    )]
    pub sheet_errors: Vec<crate::rules::catalogue::Code>,
    /// The goal's description in the target system, where it has one.
    #[serde(default)]
    #[schemars(
        title = "Beschreibung",
        description = "Beschreibung des Ziels laut Zielsystem, soweit vorhanden."
    )]
    pub description: Option<String>,
    /// The light of the compared tertial, where a sheet of it was given.
    #[serde(default)]
    #[schemars(
        title = "Ampel im Vergleichstertial",
        description = "Ampel des Ziels im Vergleichstertial, soweit dessen Berichtsblatt vorlag."
    )]
    pub previous_light: Option<Light>,
}

/// A proposed countermeasure, with the Bezirksamt's decision on it once decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Aktivität zur Gegensteuerung im Bericht",
    description = "Eine vorgeschlagene Aktivität zur Gegensteuerung mit ihrem Ziel und, nach dem Beschluss, der Entscheidung des Bezirksamts."
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
    /// The Bezirksamt's decision on it: `true` adopted, `false` not adopted; `null` in a draft (and
    /// in decided reports written before the decision was recorded per countermeasure, which
    /// adopted every proposal en bloc).
    #[serde(default)]
    #[schemars(
        title = "Vom Bezirksamt beschlossen",
        description = "Entscheidung des Bezirksamts über die Aktivität: ja (beschlossen) oder nein (nicht beschlossen); leer im Entwurf."
    )]
    pub adopted: Option<bool>,
}

impl ReportCountermeasure {
    /// Whether the Bezirksamt adopted it: recorded per countermeasure, or — in decided reports
    /// from before that — adopted en bloc with the report.
    pub fn is_adopted(&self) -> bool {
        self.adopted.unwrap_or(true)
    }
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
