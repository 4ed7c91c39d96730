//! Failures of the machinery (as opposed to validation findings, which are data).

use thiserror::Error;

/// A failure that prevents producing a value at all.
///
/// Validation problems are never reported through this type: they are [`crate::Finding`]s.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a JSON document of the expected shape.
    #[error("ungültiges JSON-Dokument / invalid JSON document: {0}")]
    Json(#[from] serde_json::Error),
    /// A tertial code is not of the form `YYYY-T1` … `YYYY-T3`.
    #[error("ungültiges Tertial / invalid tertial: {0}")]
    Tertial(#[from] crate::calendar::TertialParseError),
}
