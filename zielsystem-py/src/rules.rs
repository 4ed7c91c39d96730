//! Bindings of `zielsystem_core::rules`: the schema-level decoding every typed constructor uses, and
//! `validate_system`, `validate_sheet`, `validate_sheets` (without the GIL), `validate_report` and
//! `validate_paper`.
//!
//! A document given as JSON text, bytes or dict goes through the core's `check_…_json`, so problems
//! of its shape come back as findings; one given as an object is validated directly. The context of
//! a validation (the system a sheet is checked against, the previous year's system, the history) is
//! parsed strictly: a malformed one raises `ParseError`.

use std::sync::OnceLock;

use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use zielsystem_core::model::tertial_report::TertialReport;
use zielsystem_core::rules::{
    self, DocumentSchema, decode, paper, report_sheet, target_system, tertial_report,
};
use zielsystem_core::{Finding, Paper, ReportSheet, TargetSystem, ValidationResult};

use crate::consolidate::PyTertialReport;
use crate::findings::PyValidationResult;
use crate::json;
use crate::model::{PyPaper, PyReportSheet, PyTargetSystem, sheets_arg, system_arg};

fn decoded<T: DeserializeOwned>(
    bytes: &[u8],
    schema: &DocumentSchema,
) -> Result<T, ValidationResult> {
    let checked = decode::<T>(bytes, schema);
    checked.document.ok_or(checked.result)
}

/// A target system from JSON bytes, or every schema-level finding that says why it is none.
pub fn parse_system(bytes: &[u8]) -> Result<TargetSystem, ValidationResult> {
    decoded(bytes, target_system::schema())
}

/// A report sheet from JSON bytes, or every schema-level finding that says why it is none.
pub fn parse_sheet(bytes: &[u8]) -> Result<ReportSheet, ValidationResult> {
    decoded(bytes, report_sheet::schema())
}

/// A tertial report from JSON bytes, or every schema-level finding that says why it is none.
pub fn parse_report(bytes: &[u8]) -> Result<TertialReport, ValidationResult> {
    decoded(bytes, tertial_report::schema())
}

/// A Bezirksamtsvorlage from JSON bytes, or every schema-level finding that says why it is none.
pub fn parse_paper(bytes: &[u8]) -> Result<Paper, ValidationResult> {
    decoded(bytes, paper::schema())
}

/// A finding from JSON bytes (checked against the schema generated for `Finding`).
pub fn parse_finding(bytes: &[u8]) -> Result<Finding, ValidationResult> {
    static SCHEMA: OnceLock<DocumentSchema> = OnceLock::new();
    decoded(
        bytes,
        SCHEMA.get_or_init(|| DocumentSchema::published::<Finding>("finding.schema.json")),
    )
}

/// A validation result from JSON bytes (checked against the schema generated for it).
pub fn parse_result(bytes: &[u8]) -> Result<ValidationResult, ValidationResult> {
    static SCHEMA: OnceLock<DocumentSchema> = OnceLock::new();
    decoded(
        bytes,
        SCHEMA.get_or_init(|| {
            DocumentSchema::published::<ValidationResult>("validation-result.schema.json")
        }),
    )
}

/// A document under test: already typed, or raw JSON whose shape is checked too.
enum Input<T> {
    Typed(T),
    Raw(Vec<u8>),
}

fn system_input(value: &Bound<'_, PyAny>) -> PyResult<Input<TargetSystem>> {
    if let Ok(system) = value.cast::<PyTargetSystem>() {
        return Ok(Input::Typed(system.get().inner.clone()));
    }
    json::require_document_bytes(value, json::Form::Any).map(Input::Raw)
}

fn sheet_input(value: &Bound<'_, PyAny>) -> PyResult<Input<ReportSheet>> {
    if let Ok(sheet) = value.cast::<PyReportSheet>() {
        return Ok(Input::Typed(sheet.get().inner.clone()));
    }
    json::require_document_bytes(value, json::Form::Any).map(Input::Raw)
}

fn check_sheet(
    input: &Input<ReportSheet>,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> ValidationResult {
    match input {
        Input::Typed(sheet) => rules::validate_sheet(sheet, system, history),
        Input::Raw(bytes) => rules::check_sheet_json(bytes, system, history).result,
    }
}

fn wrap(inner: ValidationResult) -> PyValidationResult {
    PyValidationResult { inner }
}

/// Validates a target system (object, JSON text, bytes or dict) against TS01–TS11 and, when given
/// as JSON, its shape; `previous` is an earlier year's system, usually the previous year's:
/// predecessors of its year must exist there (TS08).
#[pyfunction]
#[pyo3(signature = (system, previous = None))]
pub fn validate_system(
    system: &Bound<'_, PyAny>,
    previous: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let previous = previous.map(system_arg).transpose()?;
    let result = match system_input(system)? {
        Input::Typed(system) => rules::validate_system(&system, previous.as_deref()),
        Input::Raw(bytes) => rules::check_system_json(&bytes, previous.as_deref()).result,
    };
    Ok(wrap(result))
}

/// Validates a report sheet (object, JSON text, bytes or dict) against RS01–RS18 and, when given as
/// JSON, its shape; `history` holds earlier sheets of the goal, oldest first (RS13).
#[pyfunction]
#[pyo3(signature = (sheet, system, history = None))]
pub fn validate_sheet(
    sheet: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let system = system_arg(system)?;
    let history = history.map(sheets_arg).transpose()?.unwrap_or_default();
    Ok(wrap(check_sheet(&sheet_input(sheet)?, &system, &history)))
}

/// Validates many sheets against one system, in order, without holding the GIL while the rules run.
#[pyfunction]
#[pyo3(signature = (sheets, system, history = None))]
pub fn validate_sheets(
    py: Python<'_>,
    sheets: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyValidationResult>> {
    let system = system_arg(system)?;
    // A plain reference crosses into the GIL-free closure; the Python object stays out here.
    let system: &TargetSystem = &system;
    let history = history.map(sheets_arg).transpose()?.unwrap_or_default();
    let inputs: Vec<Input<ReportSheet>> = sheets
        .try_iter()?
        .map(|item| sheet_input(&item?))
        .collect::<PyResult<_>>()?;
    let results: Vec<ValidationResult> = py.detach(|| {
        inputs
            .iter()
            .map(|input| check_sheet(input, system, &history))
            .collect()
    });
    Ok(results.into_iter().map(wrap).collect())
}

/// Re-checks a tertial report (object, JSON text, bytes or dict) against TR01–TR05 as it stands;
/// when given as JSON, problems of its shape come back as findings.
#[pyfunction]
pub fn validate_report(report: &Bound<'_, PyAny>) -> PyResult<PyValidationResult> {
    if let Ok(report) = report.cast::<PyTertialReport>() {
        return Ok(wrap(rules::validate_report(&report.get().inner)));
    }
    let bytes = json::require_document_bytes(report, json::Form::Any)?;
    Ok(wrap(rules::check_report_json(&bytes).result))
}

/// Checks a Bezirksamtsvorlage (object, JSON text, bytes or dict) against BV01–BV04; when given as
/// JSON, problems of its shape come back as findings.
#[pyfunction]
pub fn validate_paper(paper: &Bound<'_, PyAny>) -> PyResult<PyValidationResult> {
    if let Ok(paper) = paper.cast::<PyPaper>() {
        return Ok(wrap(rules::validate_paper(&paper.get().inner)));
    }
    let bytes = json::require_document_bytes(paper, json::Form::Any)?;
    Ok(wrap(rules::check_paper_json(&bytes).result))
}
