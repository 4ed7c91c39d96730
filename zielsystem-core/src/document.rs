//! One path for every document kind: bytes → schema-level pass → typed document → rules.
//!
//! [`Decode`] is what a kind needs to be read from outside: its name (the stem of its published
//! schema file), its schema, and [`decode`](Decode::decode). [`Document`] adds what its rules check
//! it against (its [`Context`](Document::Context)) and [`check`](Document::check), which reports the
//! schema-level findings of bytes that do not decode and otherwise every rule finding. The CLI, the
//! Python binding and [`crate::stream`] reach documents only through these two traits; each rules
//! module implements [`Document`] for its kind.

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::decode::{Checked, DocumentSchema, decode};
use crate::findings::{Finding, ValidationResult};
use crate::model::paper::Paper;
use crate::model::report_sheet::ReportSheet;
use crate::model::review_log::ReviewLog;
use crate::model::target_system::TargetSystem;
use crate::model::tertial_report::TertialReport;

/// A value read from outside input against its published JSON Schema.
pub trait Decode: DeserializeOwned {
    /// The kind's name: the stem of its schema file (`"report-sheet"` for
    /// `report-sheet.schema.json`).
    const KIND: &'static str;

    /// The published JSON Schema, prepared once.
    fn schema() -> &'static DocumentSchema;

    /// What the kind is called, in German: its schema's title (`"Berichtsblatt"`).
    fn label() -> &'static str {
        Self::schema()
            .schema()
            .get("title")
            .and_then(serde_json::Value::as_str)
            .unwrap_or(Self::KIND)
    }

    /// The value in `bytes`, or every schema-level finding that says why there is none
    /// ([`crate::decode::decode`]).
    fn decode(bytes: &[u8]) -> Checked<Self> {
        decode(bytes, Self::schema())
    }
}

/// A document of the procedure, checked by the rules of its kind.
pub trait Document: Decode {
    /// What the rules check the document against: the target system and the history for a report
    /// sheet, the previous year's system for a target system, nothing for a tertial report or a
    /// paper.
    type Context<'a>;

    /// Every rule finding on the typed document.
    fn validate(&self, context: Self::Context<'_>) -> ValidationResult;

    /// Checks raw bytes: every schema-level finding, and every rule finding on what decodes
    /// ([`Checked::with_rules`]: a rule whose input is reported at schema level stays silent).
    fn check(bytes: &[u8], context: Self::Context<'_>) -> Checked<Self> {
        Self::decode(bytes).with_rules(|document| document.validate(context).findings)
    }
}

/// Implements [`Decode`] for `$type`, published as `$kind.schema.json`.
macro_rules! published {
    ($($type:ty => $kind:literal),* $(,)?) => {$(
        impl Decode for $type {
            const KIND: &'static str = $kind;

            fn schema() -> &'static DocumentSchema {
                static SCHEMA: OnceLock<DocumentSchema> = OnceLock::new();
                SCHEMA.get_or_init(|| {
                    DocumentSchema::published::<$type>(concat!($kind, ".schema.json"))
                })
            }
        }
    )*};
}

published! {
    TargetSystem => "target-system",
    ReportSheet => "report-sheet",
    TertialReport => "tertial-report",
    Paper => "paper",
    ReviewLog => "review-log",
    Finding => "finding",
    ValidationResult => "validation-result",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_schema_titles() {
        assert_eq!(TargetSystem::label(), "Zielsystem");
        assert_eq!(ReportSheet::label(), "Berichtsblatt");
        assert_eq!(TertialReport::label(), "Tertialbericht");
        assert_eq!(Paper::label(), "Bezirksamtsvorlage");
        assert_eq!(ReviewLog::label(), "Prüfprotokoll");
        for named in crate::schema::all() {
            let kinds = [
                TargetSystem::KIND,
                ReportSheet::KIND,
                TertialReport::KIND,
                Paper::KIND,
                ReviewLog::KIND,
            ];
            assert!(
                kinds
                    .iter()
                    .any(|kind| named.file_name == format!("{kind}.schema.json")),
                "{} has no document kind",
                named.file_name
            );
        }
    }
}
