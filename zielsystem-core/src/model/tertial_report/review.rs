//! The steering service's review in the report: when consolidated with a review log, every
//! version of each goal's sheet by its digest, with the days it came in, went back and was
//! accepted — so anyone holding the sheets can prove which version the Bezirksamt saw.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::GoalId;
use crate::model::review_log::ReviewStatus;

/// The review of the report's sheets, from the review log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Prüfung der Berichtsblätter",
    description = "Die Prüfung der Berichtsblätter durch den Steuerungsdienst nach dem Prüfprotokoll: je Ziel jede Fassung mit Prüfsumme und Daten."
)]
pub struct ReportReview {
    /// The goals whose sheet is not yet accepted (under review or returned), in the system's order.
    #[schemars(
        title = "Noch nicht angenommen",
        description = "Ziele, deren Berichtsblatt noch nicht angenommen ist (in Prüfung oder zurückgegeben), in der Reihenfolge des Zielsystems."
    )]
    pub pending_goals: Vec<GoalId>,
    /// Every goal the log names, in the system's order.
    #[schemars(
        title = "Ziele",
        description = "Jedes Ziel, zu dem das Prüfprotokoll Einträge hat, in der Reihenfolge des Zielsystems."
    )]
    pub goals: Vec<GoalReview>,
}

/// One goal's sheet in the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Prüfung eines Berichtsblatts",
    description = "Prüfstand und Fassungen des Berichtsblatts zu einem Ziel."
)]
pub struct GoalReview {
    /// The goal.
    #[schemars(title = "Ziel", description = "Kennung des Ziels.")]
    pub goal: GoalId,
    /// Where the sheet stands.
    #[schemars(
        title = "Prüfstand",
        description = "Wo das Berichtsblatt in der Prüfung steht."
    )]
    pub status: ReviewStatus,
    /// The digest of the version the report counts for the goal.
    #[schemars(
        title = "Gezählte Fassung",
        description = "Prüfsumme der Fassung, die der Bericht für das Ziel zählt: die angenommene, sonst die zuletzt eingegangene."
    )]
    pub counted_digest: String,
    /// Every version, in the order they came in.
    #[schemars(
        title = "Fassungen",
        description = "Jede Fassung des Berichtsblatts in der Reihenfolge des Eingangs."
    )]
    pub versions: Vec<SheetVersion>,
}

/// One version of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Fassung",
    description = "Eine Fassung eines Berichtsblatts: Prüfsumme, Eingang und was mit ihr geschah."
)]
pub struct SheetVersion {
    /// The version's digest.
    #[schemars(
        title = "Prüfsumme",
        description = "SHA-256 der kanonischen JSON-Form dieser Fassung."
    )]
    pub digest: String,
    /// The day it came in (received or resubmitted).
    #[schemars(
        title = "Eingegangen am",
        description = "Tag des Eingangs (JJJJ-MM-TT)."
    )]
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub received_on: NaiveDate,
    /// The day it was returned, if it was.
    #[serde(default, deserialize_with = "crate::model::date::option::deserialize")]
    #[schemars(
        title = "Zurückgegeben am",
        description = "Tag der Rückgabe (JJJJ-MM-TT); leer, wenn die Fassung nicht zurückgegeben wurde."
    )]
    pub returned_on: Option<NaiveDate>,
    /// The new due date it was returned with.
    #[serde(default, deserialize_with = "crate::model::date::option::deserialize")]
    #[schemars(
        title = "Neue Frist",
        description = "Neue Frist der Rückgabe (JJJJ-MM-TT); leer ohne Rückgabe."
    )]
    pub due_on: Option<NaiveDate>,
    /// The day it was accepted, if it was.
    #[serde(default, deserialize_with = "crate::model::date::option::deserialize")]
    #[schemars(
        title = "Angenommen am",
        description = "Tag der Annahme (JJJJ-MM-TT); leer, wenn die Fassung nicht angenommen wurde."
    )]
    pub accepted_on: Option<NaiveDate>,
}
