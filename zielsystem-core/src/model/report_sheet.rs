//! The report sheet (Berichtsblatt): one per goal and tertial, submitted by the responsible member.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocabulary::{Forecast, Level};
use super::{GoalId, IndicatorId, MemberId, OrgUnitId};
use crate::calendar::Tertial;
use crate::decode::limits::{
    ID_MAX_CHARS, LIST_MAX_ITEMS, NAME_MAX_CHARS, REFERENCES_MAX_ITEMS, TEXT_MAX_CHARS,
};

/// The keys of a report sheet in the contract's order, the order of [`ReportSheet`]'s fields and of
/// the JSON the library writes (`$schema` aside): readers that expect this order (the borrowed
/// view's own reader, the office form's import) take it from here.
pub const KEYS: [&str; 13] = [
    "schema_version",
    "authority",
    "goal",
    "tertial",
    "reporting_member",
    "signed_by",
    "submitted_on",
    "contributions",
    "indicator_values",
    "risks",
    "forecast",
    "rationale",
    "countermeasures",
];

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
    #[schemars(
        title = "Behörde",
        description = "Die Behörde, zu deren Zielsystem das Ziel gehört, z. B. „Bezirksamt Mitte von Berlin“."
    )]
    #[schemars(length(max = NAME_MAX_CHARS), pattern(r"\S"))]
    #[schemars(extend("examples" = ["Bezirksamt Mitte von Berlin"]))]
    pub authority: String,
    /// The goal reported on.
    #[schemars(
        title = "Ziel",
        description = "Kennung des Ziels im Zielsystem, z. B. „A01“."
    )]
    #[schemars(length(max = ID_MAX_CHARS))]
    #[schemars(extend("examples" = ["A01"]))]
    pub goal: GoalId,
    /// The tertial reported on.
    #[schemars(
        title = "Tertial",
        description = "Das Tertial, über das berichtet wird, z. B. „2022-T1“."
    )]
    pub tertial: Tertial,
    /// The member who reports (must hold the goal's portfolio on the day of submission).
    #[schemars(
        title = "Berichtendes Bezirksamtsmitglied",
        description = "Kennung des Bezirksamtsmitglieds, das berichtet; es muss am Tag der Einreichung den Geschäftsbereich des Ziels innehaben."
    )]
    #[schemars(length(max = ID_MAX_CHARS))]
    #[schemars(extend("examples" = ["m-bzbm"]))]
    pub reporting_member: MemberId,
    /// The deputy who signed in representation of the reporting member, if one did (contract 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Unterzeichnet in Vertretung",
        description = "Kennung des Bezirksamtsmitglieds, das das Berichtsblatt in Vertretung des berichtenden Mitglieds unterzeichnet hat (z. B. während dessen Urlaubs); fehlt, wenn das berichtende Mitglied selbst unterzeichnet. Das Berichtsblatt bleibt der Bericht des ressortverantwortlichen Mitglieds."
    )]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub signed_by: Option<MemberId>,
    /// The day of submission.
    #[schemars(
        title = "Eingereicht am",
        description = "Tag der Einreichung (JJJJ-MM-TT); zwischen Berichtsstichtag und Berichtsfrist."
    )]
    #[serde(deserialize_with = "super::date::deserialize")]
    #[schemars(extend("examples" = ["2022-05-20"]))]
    pub submitted_on: NaiveDate,
    /// Contributions to the goal realised in the reporting period.
    #[schemars(
        title = "Zielerreichungsbeiträge im Berichtszeitraum",
        description = "Die im Berichtszeitraum realisierten Beiträge zur Zielerreichung."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub contributions: Vec<Contribution>,
    /// Values of the goal's indicators.
    #[schemars(
        title = "Kennzahlenwerte",
        description = "Werte der Kennzahlen des Ziels zum Berichtsstichtag."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub indicator_values: Vec<IndicatorValue>,
    /// Risks for the rest of the year.
    #[schemars(
        title = "Risiken",
        description = "Risiken für die Zielerreichung im weiteren Verlauf des Kalenderjahres."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub risks: Vec<Risk>,
    /// The risk-oriented forecast.
    #[schemars(
        title = "Risikoorientierte Einschätzung",
        description = "Wird das Ziel bis zum Ende des Kalenderjahres erreicht? Einschätzung nach der Ampelskala."
    )]
    pub forecast: Forecast,
    /// Why the forecast was given.
    #[schemars(
        title = "Begründung",
        description = "Begründung der Einschätzung aus Beiträgen und Risiken."
    )]
    #[schemars(length(max = TEXT_MAX_CHARS), pattern(r"\S"))]
    pub rationale: String,
    /// Proposed countermeasures (when attainment is at risk, or for a goal not achieved).
    #[schemars(
        title = "Aktivitäten zur Gegensteuerung",
        description = "Vorgeschlagene Aktivitäten zur Gegensteuerung, bei gefährdeter oder unwahrscheinlicher Zielerreichung oder für ein nicht erreichtes Ziel."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub countermeasures: Vec<Countermeasure>,
}

/// A contribution to the goal realised in the reporting period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Zielerreichungsbeitrag",
    description = "Ein im Berichtszeitraum realisierter Beitrag zur Zielerreichung."
)]
pub struct Contribution {
    /// What was done.
    #[schemars(title = "Beschreibung", description = "Was getan wurde.")]
    #[schemars(length(max = TEXT_MAX_CHARS), pattern(r"\S"))]
    pub text: String,
    /// The unit that realised it, where one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Organisationseinheit",
        description = "Kennung der Organisationseinheit, die den Beitrag erbracht hat, sofern eine genannt wird."
    )]
    #[schemars(length(max = ID_MAX_CHARS))]
    #[schemars(extend("examples" = ["amt-soz"]))]
    pub org_unit: Option<OrgUnitId>,
}

/// The value of an indicator of the goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Kennzahlenwert",
    description = "Der Wert einer Kennzahl des Ziels."
)]
pub struct IndicatorValue {
    /// The indicator measured.
    #[schemars(
        title = "Kennzahl",
        description = "Kennung der gemessenen Kennzahl, z. B. „A01-1“."
    )]
    #[schemars(length(max = ID_MAX_CHARS))]
    #[schemars(extend("examples" = ["A01-1"]))]
    pub indicator: IndicatorId,
    /// The measured value.
    #[schemars(
        title = "Wert",
        description = "Der gemessene Wert in der Einheit der Kennzahl."
    )]
    pub value: f64,
    /// The day the value refers to.
    #[schemars(
        title = "Stand",
        description = "Der Tag, auf den sich der Wert bezieht (JJJJ-MM-TT)."
    )]
    #[serde(deserialize_with = "super::date::deserialize")]
    #[schemars(extend("examples" = ["2022-04-30"]))]
    pub as_of: NaiveDate,
}

/// A risk for the rest of the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Risiko",
    description = "Ein Risiko für die Zielerreichung im weiteren Verlauf des Jahres."
)]
pub struct Risk {
    /// What could go wrong.
    #[schemars(
        title = "Beschreibung",
        description = "Was die Zielerreichung gefährden kann."
    )]
    #[schemars(length(max = TEXT_MAX_CHARS), pattern(r"\S"))]
    pub description: String,
    /// How likely it is.
    #[schemars(
        title = "Eintrittswahrscheinlichkeit",
        description = "Wie wahrscheinlich das Risiko eintritt."
    )]
    pub likelihood: Level,
    /// How much it would hurt the goal.
    #[schemars(
        title = "Auswirkung",
        description = "Wie stark das Risiko die Zielerreichung beeinträchtigen würde."
    )]
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
#[schemars(
    title = "Aktivität zur Gegensteuerung",
    description = "Eine vorgeschlagene Aktivität zur Gegensteuerung, deren Umsetzung einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedarf."
)]
pub struct Countermeasure {
    /// What is proposed.
    #[schemars(title = "Beschreibung", description = "Was vorgeschlagen wird.")]
    #[schemars(length(max = TEXT_MAX_CHARS), pattern(r"\S"))]
    pub description: String,
    /// The units whose coordination it needs (at least two).
    #[schemars(
        title = "Beteiligte Organisationseinheiten",
        description = "Kennungen der Organisationseinheiten, deren Abstimmung die Aktivität erfordert (mindestens zwei)."
    )]
    #[serde(deserialize_with = "super::bounded::references")]
    #[schemars(length(min = 2, max = REFERENCES_MAX_ITEMS), inner(length(max = ID_MAX_CHARS)))]
    #[schemars(extend("uniqueItems" = true))]
    pub org_units: Vec<OrgUnitId>,
}

impl ReportSheet {
    /// The highest risk score on the sheet, 0 when no risk is named.
    pub fn highest_risk_score(&self) -> u32 {
        self.risks.iter().map(Risk::score).max().unwrap_or(0)
    }
}
