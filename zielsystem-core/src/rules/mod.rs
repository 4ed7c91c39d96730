//! The rule catalogue and, one module per document kind, the rules that check it.

pub mod catalogue;
pub mod paper;
pub mod tertial_report;

pub use paper::validate_paper;
pub use tertial_report::validate_report;
