//! The rule catalogue and, one module per document kind, the rules that check it.
//!
//! - [`catalogue`]: every code with its severity, reason and messages (the one place); [`doc`]: the
//!   catalogue as Markdown (`docs/rules.md`).
//! - [`target_system`]: TS01–TS13. [`report_sheet`]: RS01–RS18. [`tertial_report`]: TR01–TR06.
//!   [`paper`]: BV01–BV04. [`review_log`]: RV01–RV04. Each has a `check_…_json` entry point for raw
//!   bytes (schema-level findings, then the rules) next to its `validate_…` on a typed document.
//!
//! Decoding (bytes to a typed document, the schema-level findings, the limits) is [`crate::decode`].

pub mod catalogue;
pub mod doc;
pub mod fields;
mod numbers;
pub mod paper;
pub mod report_sheet;
pub mod review_log;
pub mod target_system;
pub mod tertial_report;

// The decoding layer under its former paths, for callers written against them.
pub use crate::decode::{Checked, DocumentSchema, decode, document, from_json, limits};
pub use paper::{check_paper_json, validate_paper, validate_paper_with};
pub use report_sheet::{
    check_sheet_json, validate_sheet, validate_sheet_bytes, validate_sheet_view,
};
pub use review_log::{
    ReviewContext, append_entry, arrival, check_review_log_json, validate_review_log,
};
pub use target_system::{check_system_json, validate_system};
pub use tertial_report::{check_report_json, validate_report};
