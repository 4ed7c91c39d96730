//! The part of the target system a report carries so that it can be rendered on its own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::GoalId;
use crate::model::target_system::{Indicator, OrgUnit, Portfolio, Resolution};

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
    /// The rapporteur's name, where the target system names the member.
    #[serde(default)]
    #[schemars(
        title = "Name der Berichterstatterin / des Berichterstatters",
        description = "Name des berichtenden Bezirksamtsmitglieds, soweit das Zielsystem ihn nennt."
    )]
    pub rapporteur_name: Option<String>,
    /// The rapporteur's office, e.g. "Bezirksbürgermeister/in".
    #[serde(default)]
    #[schemars(
        title = "Amt der Berichterstatterin / des Berichterstatters",
        description = "Amt des berichtenden Bezirksamtsmitglieds, z. B. „Bezirksbürgermeister/in“."
    )]
    pub rapporteur_office: Option<String>,
    /// The legal basis the papers cite; `null`: the defaults ([`LegalBasis::default`]).
    #[serde(default)]
    #[schemars(
        title = "Rechtsgrundlage der Vorlagen",
        description = "Rechtsgrundlage, die die beiden Vorlagen nennen; leer: die Vorgaben nach dem Bezirksverwaltungsgesetz."
    )]
    pub legal_basis: Option<LegalBasis>,
    /// How the authority writes its numbers (from the target system); `null`: number/term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Nummernschema der Behörde",
        description = "Wie die Behörde Vorlagen-, Beschluss- und Drucksachennummern schreibt (aus dem Zielsystem); ohne Angabe Nummer/Wahlperiode wie „36/VI“."
    )]
    pub numbering: Option<crate::numbering::Numbering>,
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

/// The legal basis each of the two papers cites, configurable per authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Rechtsgrundlage der Vorlagen",
    description = "Rechtsgrundlage der Bezirksamtsvorlage zur Beschlussfassung und der Vorlage zur Kenntnisnahme an die Bezirksverordnetenversammlung."
)]
pub struct LegalBasis {
    /// Of the Bezirksamtsvorlage zur Beschlussfassung.
    #[schemars(
        title = "Bezirksamtsvorlage zur Beschlussfassung",
        description = "Rechtsgrundlage des Beschlusses des Bezirksamts über den Bericht."
    )]
    pub decision: String,
    /// Of the Vorlage zur Kenntnisnahme for the council.
    #[schemars(
        title = "Vorlage zur Kenntnisnahme",
        description = "Rechtsgrundlage der Unterrichtung der Bezirksverordnetenversammlung."
    )]
    pub information: String,
}

impl Default for LegalBasis {
    /// The Bezirksverwaltungsgesetz: the Bezirksamt decides to bring a paper before the council and
    /// to inform it (§ 36 Abs. 2 Buchst. b and f); informing the council rests on § 15.
    fn default() -> Self {
        LegalBasis {
            decision: "§ 36 Absatz 2 Buchstaben b und f Bezirksverwaltungsgesetz".to_string(),
            information:
                "§ 15 in Verbindung mit § 36 Absatz 2 Buchstabe f Bezirksverwaltungsgesetz"
                    .to_string(),
        }
    }
}
