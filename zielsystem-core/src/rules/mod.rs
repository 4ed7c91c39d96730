//! The rule catalogue and, one module per document kind, the rules that check it.
//!
//! - [`catalogue`]: every code with its severity, reason and messages (the one place).
//! - [`document`]: the schema-level pass over raw bytes, shared by every document kind.
//! - [`target_system`]: TS01–TS11. [`report_sheet`]: RS01–RS18. [`tertial_report`]: TR01–TR05.
//!   [`paper`]: BV01–BV04. Each has a `check_…_json` entry point for raw bytes (schema-level
//!   findings, then the rules) next to its `validate_…` on a typed document.
//! - [`limits`]: the length limits of text fields.
//! - [`from_json`]: typed decoding of outside input (structs from JSON objects only).

pub mod catalogue;
pub mod document;
pub mod limits;
pub mod paper;
pub mod report_sheet;
pub(crate) mod schema_walk;
mod strict;
pub mod target_system;
pub mod tertial_report;

pub use document::{Checked, DocumentSchema, decode};
pub use paper::{check_paper_json, validate_paper};
pub use report_sheet::{check_sheet_json, validate_sheet};
pub use strict::from_slice as from_json;
pub use target_system::{check_system_json, validate_system};
pub use tertial_report::{check_report_json, validate_report};
