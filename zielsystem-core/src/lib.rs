//! # zielsystem-core
//!
//! Zielsteuerung (goal steering) of a Berlin district office as a library: the annual target system
//! ([`TargetSystem`]), the tertial calendar ([`Tertial`]), the report sheet every responsible member
//! submits per goal and tertial ([`ReportSheet`]), and the rule catalogue ([`rules`]) that checks them.
//!
//! The crate is pure: it never does I/O, never prints, and never panics on any input. Parsing goes
//! through serde; domain checks return every finding at once as data ([`Finding`]), while failures
//! of the machinery itself (bad JSON when a typed value is asked for) are [`Error`]s.
#![forbid(unsafe_code)]

pub mod analytics;
pub mod calendar;
pub mod consolidate;
pub mod decode;
pub mod digest;
pub mod document;
pub mod error;
pub mod findings;
pub mod model;
pub mod render;
pub mod rules;
pub mod schema;
pub mod steering;
pub mod stream;
pub mod text;

// Line and column of a pointer, under its former path.
pub use decode::locate;

pub use calendar::{Period, Tertial};
pub use consolidate::consolidate;
pub use document::{Decode, Document};
pub use error::Error;
pub use findings::{Finding, Severity, ValidationResult};
pub use model::paper::Paper;
pub use model::report_sheet::ReportSheet;
pub use model::review_log::ReviewLog;
pub use model::target_system::TargetSystem;
pub use model::tertial_report::{ReportingStatus, Stage, TertialReport};
pub use model::vocabulary::{Direction, Forecast, Level, Light, OrgUnitKind, Perspective, Role};
pub use rules::catalogue::{Code, Message};
pub use rules::{check_sheet_json, check_system_json, validate_sheet, validate_system};

/// The version of the JSON contract this crate reads and writes (`schema_version`).
pub const SCHEMA_VERSION: &str = "1";
