//! The documents of the procedure, one module per document kind, with exactly the JSON keys of the
//! contract (docs/procedure.md). Unknown keys are rejected, never dropped.

pub mod bounded;
pub mod date;
pub mod paper;
pub mod report_sheet;
pub mod review_log;
pub mod sheet_view;
pub mod target_system;
pub mod tertial_report;
pub mod vocabulary;

/// Identifier of a goal, stable within the year (e.g. `"A01"`, `"V03"`).
pub type GoalId = String;
/// Identifier of a member of the Bezirksamt (e.g. `"m-bzbm"`).
pub type MemberId = String;
/// Identifier of an organisational unit (e.g. `"std"`).
pub type OrgUnitId = String;
/// Identifier of a portfolio (Geschäftsbereich), `"I"` … `"VI"` in Berlin.
pub type PortfolioId = String;
/// Identifier of an indicator of a goal (e.g. `"A01-1"`).
pub type IndicatorId = String;
