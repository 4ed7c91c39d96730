//! Where a report stands: draft → decided by the Bezirksamt → passed to the council, and what the
//! council did with it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

    /// Whether the Bezirksamt has decided on the report (decided or noted).
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
