//! # zielsystem-core
//!
//! Zielsteuerung (goal steering) of a Berlin district office as a library: the annual target system
//! ([`TargetSystem`]), the tertial calendar ([`Tertial`]), the report sheet every responsible member
//! submits per goal and tertial ([`ReportSheet`]), the rule catalogue ([`rules`]) that checks them,
//! and the steering service's consolidation into the tertial report ([`consolidate()`],
//! [`TertialReport`]) that goes to the Bezirksamt and the district council.
//!
//! The crate is pure: it never does I/O, never prints, and never panics on any input. Parsing goes
//! through serde; domain checks return every finding at once as data ([`Finding`]: code, severity,
//! JSON Pointer, German message, English `message_en`), while failures of the machinery itself (bad
//! JSON when a typed value is asked for) are [`Error`]s.
//!
//! The procedure, its glossary (German → names in code and JSON), the forecast scale and the JSON
//! contract are described in `docs/procedure.md` of the repository; the rule catalogue with every
//! code is `docs/rules.md` (generated from [`rules::catalogue`]).
//!
//! # The main path
//!
//! Check a target system and a report sheet from their bytes, then consolidate the sheets of a
//! tertial into the report (here with the bundled example of Bezirksamt Mitte 2022):
//!
//! ```
//! use zielsystem_core::{Tertial, check_sheet_json, check_system_json, consolidate};
//!
//! let system_json = include_bytes!("../../examples/mitte-2022/target-system.json");
//! let sheet_json = include_bytes!("../../examples/mitte-2022/sheets/2022-T1/A01.json");
//!
//! // From bytes: schema-level findings when a document is not of its shape, otherwise every rule.
//! let checked = check_system_json(system_json, None);
//! assert!(checked.result.valid);
//! let system = checked.document.ok_or("the target system does not decode")?;
//!
//! // A sheet is checked against its target system (and earlier sheets of the goal, for RS13).
//! let checked = check_sheet_json(sheet_json, &system, &[]);
//! for finding in &checked.result.findings {
//!     println!("{} {} {}: {}", finding.code, finding.severity.as_str(), finding.path, finding.message);
//! }
//! assert!(checked.result.valid);
//! let sheet = checked.document.ok_or("the sheet does not decode")?;
//!
//! // Tertial I: cut-off 30 April, deadline 31 May. The steering service consolidates the report.
//! let t1: Tertial = "2022-T1".parse()?;
//! assert_eq!(t1.deadline().to_string(), "2022-05-31");
//! let report = consolidate(&system, &[sheet], t1, t1.deadline(), &[]);
//! assert_eq!(report.goals.len(), system.goals.len()); // every goal, with or without a sheet
//! assert_eq!(report.missing_goals.len(), system.goals.len() - 1);
//! let markdown = report.to_markdown(); // also to_html(), to_svg(), or serde_json for the JSON
//! assert!(markdown.contains("Tertial"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

pub mod analytics;
pub mod calendar;
pub mod carry_over;
pub mod consolidate;
pub mod decode;
pub mod digest;
pub mod document;
pub mod error;
pub mod findings;
pub mod model;
pub mod numbering;
pub mod oparl;
pub mod render;
pub mod rules;
pub mod schema;
pub mod steering;
pub mod stream;
pub mod text;

// Line and column of a pointer, under its former path.
pub use decode::locate;

pub use calendar::{Period, Tertial};
pub use consolidate::{consolidate, consolidate_reviewed};
pub use document::{Decode, Document};
pub use error::Error;
pub use findings::{Finding, Severity, ValidationResult};
pub use model::paper::Paper;
pub use model::report_sheet::ReportSheet;
pub use model::review_log::ReviewLog;
pub use model::target_system::TargetSystem;
pub use model::tertial_report::{ReportingStatus, Stage, TertialReport};
pub use model::vocabulary::{Direction, Forecast, Level, Light, OrgUnitKind, Perspective, Role};
pub use rules::catalogue::{Code, Message, MessageKind};
pub use rules::{check_sheet_json, check_system_json, validate_sheet, validate_system};

/// The version of the JSON contract this crate reads and writes (`schema_version`).
pub const SCHEMA_VERSION: &str = "1";
