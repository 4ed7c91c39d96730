//! Where a report stands: draft → decided by the Bezirksamt → passed to the council, and what the
//! council did with it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::model::vocabulary::Stage;

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
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub noted_on: NaiveDate,
    /// The printed-paper number (Drucksache), e.g. `"0297/VI"`; `null` for a paper listed without
    /// a number of its own (e.g. in the chair's communications).
    #[serde(default)]
    #[schemars(
        title = "Drucksachen-Nr.",
        description = "Nummer und Wahlperiode in römischen Ziffern, z. B. „0297/VI“; leer, wenn die Vorlage ohne eigene Drucksachennummer (etwa in den Mitteilungen des Vorstehers) vorgelegt wird."
    )]
    pub number: Option<String>,
    /// What the council did with the paper.
    #[serde(default)]
    #[schemars(
        title = "Ergebnis der Beratung",
        description = "Was die Bezirksverordnetenversammlung mit der Vorlage getan hat: zur Kenntnis genommen (auch mit Zwischen- oder Abschlussbericht), an einen Ausschuss überwiesen oder vertagt."
    )]
    pub result: Option<CouncilOutcome>,
    /// The outcome in the council's own words, e.g. "zur Kenntnis genommen" (free text, as in
    /// documents before `result` existed).
    #[serde(default)]
    #[schemars(
        title = "Ergebnis (Wortlaut)",
        description = "Ergebnis der Beratung im Wortlaut des Protokolls, z. B. „zur Kenntnis genommen“."
    )]
    pub outcome: Option<String>,
}

impl CouncilNote {
    /// The outcome as a German phrase: the recorded `result`, else the recorded wording, else
    /// "zur Kenntnis genommen" (what a paper for information ordinarily meets).
    pub fn outcome_de(&self) -> &str {
        match (self.result, self.outcome.as_deref()) {
            (Some(result), _) => result.label_de(),
            (None, Some(text)) if !text.trim().is_empty() => text,
            _ => CouncilOutcome::Noted.label_de(),
        }
    }
}

/// What the council did with a paper for information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Ergebnis der Beratung",
    description = "Was die Bezirksverordnetenversammlung mit einer Vorlage zur Kenntnisnahme getan hat."
)]
pub enum CouncilOutcome {
    /// zur Kenntnis genommen.
    #[schemars(title = "zur Kenntnis genommen")]
    Noted,
    /// mit Zwischenbericht zur Kenntnis genommen.
    #[schemars(title = "mit Zwischenbericht zur Kenntnis genommen")]
    NotedWithInterimReport,
    /// mit Abschlussbericht zur Kenntnis genommen.
    #[schemars(title = "mit Abschlussbericht zur Kenntnis genommen")]
    NotedWithFinalReport,
    /// an einen Ausschuss überwiesen.
    #[schemars(title = "an einen Ausschuss überwiesen")]
    Referred,
    /// vertagt.
    #[schemars(title = "vertagt")]
    Postponed,
}

impl CouncilOutcome {
    /// Every outcome, in the order above.
    pub const ALL: [CouncilOutcome; 5] = [
        CouncilOutcome::Noted,
        CouncilOutcome::NotedWithInterimReport,
        CouncilOutcome::NotedWithFinalReport,
        CouncilOutcome::Referred,
        CouncilOutcome::Postponed,
    ];

    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            CouncilOutcome::Noted => "noted",
            CouncilOutcome::NotedWithInterimReport => "noted_with_interim_report",
            CouncilOutcome::NotedWithFinalReport => "noted_with_final_report",
            CouncilOutcome::Referred => "referred",
            CouncilOutcome::Postponed => "postponed",
        }
    }

    /// The German phrase, as council minutes write it.
    pub fn label_de(self) -> &'static str {
        match self {
            CouncilOutcome::Noted => "zur Kenntnis genommen",
            CouncilOutcome::NotedWithInterimReport => "mit Zwischenbericht zur Kenntnis genommen",
            CouncilOutcome::NotedWithFinalReport => "mit Abschlussbericht zur Kenntnis genommen",
            CouncilOutcome::Referred => "an einen Ausschuss überwiesen",
            CouncilOutcome::Postponed => "vertagt",
        }
    }

    /// The outcome with this JSON value.
    pub fn parse(text: &str) -> Option<CouncilOutcome> {
        CouncilOutcome::ALL
            .into_iter()
            .find(|outcome| outcome.as_str() == text)
    }
}
