//! The review log (Prüfprotokoll) of a tertial: what the steering service did with each sheet that
//! came in — received, returned with findings, resubmitted, accepted — so anyone can tell which
//! version of a sheet was accepted. Each version is named by its digest ([`crate::digest`]).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::GoalId;
use crate::calendar::Tertial;
use crate::decode::limits::{ID_MAX_CHARS, LIST_MAX_ITEMS, NAME_MAX_CHARS, TEXT_MAX_CHARS};
use crate::rules::catalogue::Code;

/// The pattern of a sheet's digest: `sha256:` and 64 lowercase hex digits.
pub const DIGEST_PATTERN: &str = "^sha256:[0-9a-f]{64}$";

/// The review log of one authority's tertial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Prüfprotokoll",
    description = "Das Prüfprotokoll des Steuerungsdienstes zu einem Tertial: je Ereignis an einem Berichtsblatt ein Eintrag (eingegangen, zurückgegeben, erneut eingereicht, angenommen), in der Reihenfolge des Geschehens."
)]
pub struct ReviewLog {
    /// The version of the JSON contract, `"1"`.
    #[schemars(
        title = "Schema-Version",
        description = "Version des JSON-Vertrags, derzeit „1“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub schema_version: String,
    /// The authority whose sheets are reviewed.
    #[schemars(
        title = "Behörde",
        description = "Die Behörde, deren Berichtsblätter geprüft werden, z. B. „Bezirksamt Mitte von Berlin“."
    )]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub authority: String,
    /// The tertial the sheets report on.
    #[schemars(
        title = "Tertial",
        description = "Das Tertial, über das die Berichtsblätter berichten, z. B. „2022-T1“."
    )]
    pub tertial: Tertial,
    /// The events, in the order they happened.
    #[schemars(
        title = "Einträge",
        description = "Die Ereignisse an den Berichtsblättern in der Reihenfolge des Geschehens."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub entries: Vec<ReviewEntry>,
}

/// One event on a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
#[schemars(
    title = "Eintrag",
    description = "Ein Ereignis an einem Berichtsblatt."
)]
pub enum ReviewEntry {
    /// A sheet came in.
    #[schemars(
        title = "eingegangen",
        description = "Ein Berichtsblatt ist beim Steuerungsdienst eingegangen."
    )]
    Received {
        /// The day of the event.
        #[schemars(title = "Datum", description = "Tag des Ereignisses (JJJJ-MM-TT).")]
        #[serde(deserialize_with = "super::date::deserialize")]
        date: NaiveDate,
        /// The goal whose sheet it concerns.
        #[schemars(
            title = "Ziel",
            description = "Kennung des Ziels, dessen Berichtsblatt betroffen ist, z. B. „A01“."
        )]
        #[serde(deserialize_with = "super::bounded::id")]
        #[schemars(length(max = ID_MAX_CHARS))]
        goal: GoalId,
        /// Who in the steering service recorded it.
        #[schemars(
            title = "Prüfende Person",
            description = "Wer im Steuerungsdienst das Ereignis festgehalten hat (Name oder Kennung)."
        )]
        #[serde(deserialize_with = "super::bounded::name")]
        #[schemars(length(max = NAME_MAX_CHARS))]
        reviewer: String,
        /// The digest of the sheet that came in.
        #[schemars(
            title = "Prüfsumme",
            description = "Die Prüfsumme (SHA-256 der kanonischen JSON-Form) des eingegangenen Berichtsblatts."
        )]
        #[serde(deserialize_with = "digest")]
        #[schemars(regex(pattern = DIGEST_PATTERN))]
        digest: String,
    },
    /// The sheet was sent back to the member.
    #[schemars(
        title = "zurückgegeben",
        description = "Das Berichtsblatt wurde mit Befunden und einer Anmerkung an das Bezirksamtsmitglied zurückgegeben."
    )]
    Returned {
        /// The day of the event.
        #[schemars(title = "Datum", description = "Tag des Ereignisses (JJJJ-MM-TT).")]
        #[serde(deserialize_with = "super::date::deserialize")]
        date: NaiveDate,
        /// The goal whose sheet it concerns.
        #[schemars(
            title = "Ziel",
            description = "Kennung des Ziels, dessen Berichtsblatt betroffen ist, z. B. „A01“."
        )]
        #[serde(deserialize_with = "super::bounded::id")]
        #[schemars(length(max = ID_MAX_CHARS))]
        goal: GoalId,
        /// Who in the steering service recorded it.
        #[schemars(
            title = "Prüfende Person",
            description = "Wer im Steuerungsdienst das Ereignis festgehalten hat (Name oder Kennung)."
        )]
        #[serde(deserialize_with = "super::bounded::name")]
        #[schemars(length(max = NAME_MAX_CHARS))]
        reviewer: String,
        /// The codes of the findings the sheet is returned for.
        #[schemars(
            title = "Befunde",
            description = "Die Regelcodes der Befunde, derentwegen das Berichtsblatt zurückgegeben wird."
        )]
        #[serde(deserialize_with = "super::bounded::list")]
        #[schemars(length(max = LIST_MAX_ITEMS))]
        findings: Vec<Code>,
        /// The reviewer's comment.
        #[schemars(
            title = "Anmerkung",
            description = "Die Anmerkung der prüfenden Person an das Bezirksamtsmitglied."
        )]
        #[serde(deserialize_with = "super::bounded::text")]
        #[schemars(length(max = TEXT_MAX_CHARS))]
        comment: String,
        /// The new due date of the corrected sheet.
        #[schemars(
            title = "Neue Frist",
            description = "Bis zu diesem Tag ist das berichtigte Berichtsblatt erneut einzureichen (JJJJ-MM-TT)."
        )]
        #[serde(deserialize_with = "super::date::deserialize")]
        due_on: NaiveDate,
    },
    /// A corrected sheet came in for a returned one.
    #[schemars(
        title = "erneut eingereicht",
        description = "Ein berichtigtes Berichtsblatt ist für ein zurückgegebenes eingegangen."
    )]
    Resubmitted {
        /// The day of the event.
        #[schemars(title = "Datum", description = "Tag des Ereignisses (JJJJ-MM-TT).")]
        #[serde(deserialize_with = "super::date::deserialize")]
        date: NaiveDate,
        /// The goal whose sheet it concerns.
        #[schemars(
            title = "Ziel",
            description = "Kennung des Ziels, dessen Berichtsblatt betroffen ist, z. B. „A01“."
        )]
        #[serde(deserialize_with = "super::bounded::id")]
        #[schemars(length(max = ID_MAX_CHARS))]
        goal: GoalId,
        /// Who in the steering service recorded it.
        #[schemars(
            title = "Prüfende Person",
            description = "Wer im Steuerungsdienst das Ereignis festgehalten hat (Name oder Kennung)."
        )]
        #[serde(deserialize_with = "super::bounded::name")]
        #[schemars(length(max = NAME_MAX_CHARS))]
        reviewer: String,
        /// The digest of the corrected sheet.
        #[schemars(
            title = "Prüfsumme",
            description = "Die Prüfsumme des berichtigten Berichtsblatts."
        )]
        #[serde(deserialize_with = "digest")]
        #[schemars(regex(pattern = DIGEST_PATTERN))]
        digest: String,
        /// The digest of the returned version it replaces.
        #[schemars(
            title = "Ersetzt",
            description = "Die Prüfsumme der zurückgegebenen Fassung, die das berichtigte Berichtsblatt ersetzt."
        )]
        #[serde(deserialize_with = "digest")]
        #[schemars(regex(pattern = DIGEST_PATTERN))]
        replaces: String,
    },
    /// The sheet was accepted as it stands.
    #[schemars(
        title = "angenommen",
        description = "Das Berichtsblatt in seiner zuletzt eingegangenen Fassung wurde angenommen."
    )]
    Accepted {
        /// The day of the event.
        #[schemars(title = "Datum", description = "Tag des Ereignisses (JJJJ-MM-TT).")]
        #[serde(deserialize_with = "super::date::deserialize")]
        date: NaiveDate,
        /// The goal whose sheet it concerns.
        #[schemars(
            title = "Ziel",
            description = "Kennung des Ziels, dessen Berichtsblatt betroffen ist, z. B. „A01“."
        )]
        #[serde(deserialize_with = "super::bounded::id")]
        #[schemars(length(max = ID_MAX_CHARS))]
        goal: GoalId,
        /// Who in the steering service recorded it.
        #[schemars(
            title = "Prüfende Person",
            description = "Wer im Steuerungsdienst das Ereignis festgehalten hat (Name oder Kennung)."
        )]
        #[serde(deserialize_with = "super::bounded::name")]
        #[schemars(length(max = NAME_MAX_CHARS))]
        reviewer: String,
    },
}

/// Where a sheet stands in the steering service's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Prüfstand",
    description = "Wo ein Berichtsblatt in der Prüfung durch den Steuerungsdienst steht."
)]
pub enum ReviewStatus {
    /// Received (or resubmitted) and not yet decided.
    #[schemars(
        title = "in Prüfung",
        description = "Eingegangen (oder erneut eingereicht) und noch nicht entschieden."
    )]
    UnderReview,
    /// Returned to the member; a corrected sheet is awaited.
    #[schemars(
        title = "zurückgegeben",
        description = "An das Bezirksamtsmitglied zurückgegeben; ein berichtigtes Berichtsblatt steht aus."
    )]
    Returned,
    /// Accepted.
    #[schemars(title = "angenommen", description = "Vom Steuerungsdienst angenommen.")]
    Accepted,
}

impl ReviewStatus {
    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            ReviewStatus::UnderReview => "in Prüfung",
            ReviewStatus::Returned => "zurückgegeben, Neueinreichung ausstehend",
            ReviewStatus::Accepted => "angenommen",
        }
    }
}

/// When, on which goal and by whom an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occasion<'a> {
    /// The day of the event.
    pub date: NaiveDate,
    /// The goal whose sheet it concerns.
    pub goal: &'a str,
    /// Who in the steering service recorded it.
    pub reviewer: &'a str,
}

pub use crate::model::vocabulary::EventKind;

impl ReviewEntry {
    /// Day, goal and reviewer of the event.
    pub fn occasion(&self) -> Occasion<'_> {
        match self {
            ReviewEntry::Received {
                date,
                goal,
                reviewer,
                ..
            }
            | ReviewEntry::Returned {
                date,
                goal,
                reviewer,
                ..
            }
            | ReviewEntry::Resubmitted {
                date,
                goal,
                reviewer,
                ..
            }
            | ReviewEntry::Accepted {
                date,
                goal,
                reviewer,
            } => Occasion {
                date: *date,
                goal,
                reviewer,
            },
        }
    }

    /// What kind of event it is.
    pub fn kind(&self) -> EventKind {
        match self {
            ReviewEntry::Received { .. } => EventKind::Received,
            ReviewEntry::Returned { .. } => EventKind::Returned,
            ReviewEntry::Resubmitted { .. } => EventKind::Resubmitted,
            ReviewEntry::Accepted { .. } => EventKind::Accepted,
        }
    }

    /// The digest of the version that came in with this event (received, resubmitted).
    pub fn incoming_digest(&self) -> Option<&str> {
        match self {
            ReviewEntry::Received { digest, .. } | ReviewEntry::Resubmitted { digest, .. } => {
                Some(digest)
            }
            ReviewEntry::Returned { .. } | ReviewEntry::Accepted { .. } => None,
        }
    }
}

/// Whether `text` is `sha256:` and 64 lowercase hex digits ([`DIGEST_PATTERN`]).
pub fn is_digest(text: &str) -> bool {
    text.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Deserializes a digest, refusing anything [`DIGEST_PATTERN`] does not match, as the schema does.
fn digest<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if is_digest(&text) {
        Ok(text)
    } else {
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Str(&text),
            &"eine Prüfsumme der Form sha256:<64 Hexadezimalziffern> / a digest sha256:<64 hex digits>",
        ))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn digests() {
        let good = format!("sha256:{}", "0a".repeat(32));
        assert!(is_digest(&good));
        assert!(!is_digest(&good.to_uppercase()));
        assert!(!is_digest("sha256:"));
        assert!(!is_digest(&format!("md5:{}", "0a".repeat(32))));
        assert!(!is_digest(&format!("{good}0")));
    }

    #[test]
    fn entries_read_with_their_event_tag() {
        let digest = format!("sha256:{}", "ab".repeat(32));
        let json = format!(
            r#"{{"event": "resubmitted", "date": "2022-06-10", "goal": "A01", "reviewer": "sd-1",
                "digest": "{digest}", "replaces": "{digest}"}}"#
        );
        let entry: ReviewEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(entry.kind(), EventKind::Resubmitted);
        assert_eq!(entry.occasion().goal, "A01");
        let back: ReviewEntry =
            serde_json::from_value(serde_json::to_value(&entry).unwrap()).unwrap();
        assert_eq!(back, entry);
        let unknown = json.replace("\"goal\"", "\"extra\": 1, \"goal\"");
        assert!(serde_json::from_str::<ReviewEntry>(&unknown).is_err());
    }
}
