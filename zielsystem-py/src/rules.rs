//! Bindings of `zielsystem_core::rules`: `validate_system`, `validate_sheet`, `validate_sheets`
//! (without the GIL), `validate_report` and `validate_paper`.
//!
//! A document given as JSON text, bytes or dict goes through the core's `Document::check`, so
//! problems of its shape come back as findings; one given as an object is validated directly. The
//! context of a validation (the system a sheet is checked against, the previous year's system, the
//! history) is parsed strictly: a malformed one raises `ParseError`.

use pyo3::prelude::*;
use zielsystem_core::{ReportSheet, TargetSystem, ValidationResult};

use crate::consolidate::PyTertialReport;
use crate::findings::PyValidationResult;
use crate::json::with_path_hint;
use crate::model::{Given, PyPaper, PyReportSheet, PyTargetSystem, given, sheets_arg, system_arg};

fn wrap(inner: ValidationResult) -> PyValidationResult {
    PyValidationResult { inner }
}

/// Validates a target system (object, JSON text, bytes or dict) against TS01–TS13 and, when given
/// as JSON, its shape; `previous` is an earlier year's system of the same authority, usually the
/// previous year's: predecessors of its year must exist there (TS08); one that is not is a TS13
/// finding.
#[pyfunction]
#[pyo3(signature = (system, previous = None))]
pub fn validate_system(
    system: &Bound<'_, PyAny>,
    previous: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let previous = previous.map(system_arg).transpose()?;
    let given = given::<PyTargetSystem>(system)?;
    Ok(wrap(with_path_hint(
        system,
        given.check(previous.as_deref()),
    )))
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
    let given = given::<PyReportSheet>(sheet)?;
    Ok(wrap(with_path_hint(
        sheet,
        given.check((&system, &history)),
    )))
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
    let items: Vec<Bound<'_, PyAny>> = sheets.try_iter()?.collect::<PyResult<_>>()?;
    let inputs: Vec<Given<ReportSheet>> = items
        .iter()
        .map(given::<PyReportSheet>)
        .collect::<PyResult<_>>()?;
    let results: Vec<ValidationResult> = py.detach(|| {
        inputs
            .iter()
            .map(|input| input.check((system, &history)))
            .collect()
    });
    Ok(results
        .into_iter()
        .zip(&items)
        .map(|(result, item)| wrap(with_path_hint(item, result)))
        .collect())
}

/// Re-checks a tertial report (object, JSON text, bytes or dict) against TR01–TR06 as it stands;
/// when given as JSON, problems of its shape come back as findings.
#[pyfunction]
pub fn validate_report(report: &Bound<'_, PyAny>) -> PyResult<PyValidationResult> {
    Ok(wrap(with_path_hint(
        report,
        given::<PyTertialReport>(report)?.check(()),
    )))
}

/// Checks a Bezirksamtsvorlage (object, JSON text, bytes or dict) against BV01–BV04; when given as
/// JSON, problems of its shape come back as findings.
#[pyfunction]
pub fn validate_paper(paper: &Bound<'_, PyAny>) -> PyResult<PyValidationResult> {
    Ok(wrap(with_path_hint(
        paper,
        given::<PyPaper>(paper)?.check(()),
    )))
}
