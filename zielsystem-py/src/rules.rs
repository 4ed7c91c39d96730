//! Bindings of `zielsystem_core::rules`: parsing documents with schema-level findings.

use zielsystem_core::{ReportSheet, TargetSystem, ValidationResult};

use crate::json;

/// A target system from JSON bytes, or the findings that say why it is none.
pub fn parse_system(bytes: &[u8]) -> Result<TargetSystem, ValidationResult> {
    json::parse_plain(bytes)
}

/// A report sheet from JSON bytes, or the findings that say why it is none.
pub fn parse_sheet(bytes: &[u8]) -> Result<ReportSheet, ValidationResult> {
    json::parse_plain(bytes)
}
