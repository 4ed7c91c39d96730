//! Bindings of `zielsystem_core::rules`: `validate_system`, `validate_sheet`, `validate_sheets`
//! (without the GIL), `validate_report` and `validate_paper`.
//!
//! A document given as JSON text, bytes or dict goes through the core's `Document::check` (a sheet
//! through the borrowed `validate_sheet_bytes`, with the same findings), so problems of its shape
//! come back as findings; one given as an object is validated directly. A result without findings
//! is one shared object. The
//! context of a validation (the system a sheet is checked against, the previous year's system, the
//! history) is parsed strictly: a malformed one raises `ParseError`.

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use zielsystem_core::rules::{validate_sheet as core_validate_sheet, validate_sheet_bytes};
use zielsystem_core::{ReportSheet, TargetSystem, ValidationResult};

use crate::consolidate::PyTertialReport;
use crate::findings::{Form, PyValidationResult, require_document_bytes};
use crate::json::with_path_hint;
use crate::model::{PyPaper, PyReportSheet, PyTargetSystem, given, sheets_arg, system_arg};

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

/// A sheet argument as validation reads it, borrowed where it can be: the bytes of a Python
/// `bytes` object and the sheet of a `ReportSheet` object are not copied (both are immutable).
enum SheetInput<'a> {
    /// JSON in a Python `bytes` object.
    Bytes(&'a [u8]),
    /// The sheet of a `ReportSheet` object.
    Sheet(&'a ReportSheet),
    /// JSON text or a dict, converted to bytes.
    Json(Vec<u8>),
}

impl<'a> SheetInput<'a> {
    /// `value` as a sheet argument (`TypeError` for what is none).
    fn new(value: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = value.cast::<PyBytes>() {
            return Ok(SheetInput::Bytes(bytes.as_bytes()));
        }
        if let Ok(sheet) = value.cast::<PyReportSheet>() {
            return Ok(SheetInput::Sheet(&sheet.get().inner));
        }
        require_document_bytes(value, Form::Any).map(SheetInput::Json)
    }

    /// Every finding: the rules on a sheet; on JSON, its shape and the rules, through the core's
    /// borrowed path (the same findings as `check_sheet_json`, without building the sheet).
    fn validate(&self, system: &TargetSystem, history: &[ReportSheet]) -> ValidationResult {
        match self {
            SheetInput::Bytes(bytes) => validate_sheet_bytes(bytes, system, history),
            SheetInput::Json(bytes) => validate_sheet_bytes(bytes, system, history),
            SheetInput::Sheet(sheet) => core_validate_sheet(sheet, system, history),
        }
    }
}

/// The Python result of `result` about `source`: the shared valid result when there is no finding.
fn result_object(
    source: &Bound<'_, PyAny>,
    result: ValidationResult,
) -> PyResult<Py<PyValidationResult>> {
    if result.findings.is_empty() {
        return PyValidationResult::empty(source.py());
    }
    Py::new(source.py(), wrap(with_path_hint(source, result)))
}

/// Validates a report sheet (object, JSON text, bytes or dict) against RS01–RS18 and, when given as
/// JSON, its shape; `history` holds earlier sheets of the goal, oldest first (RS13).
#[pyfunction]
#[pyo3(signature = (sheet, system, history = None))]
pub fn validate_sheet(
    sheet: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyValidationResult>> {
    let system = system_arg(system)?;
    let history = history.map(sheets_arg).transpose()?.unwrap_or_default();
    let result = SheetInput::new(sheet)?.validate(&system, &history);
    result_object(sheet, result)
}

/// From how many sheets a batch is split across cores: below it, handing work to other threads
/// costs more than the ≈ 1–2 µs a valid sheet takes.
const PARALLEL_FROM: usize = 256;

/// Validates many sheets against one system, in order, without holding the GIL while the rules
/// run; a large batch is split across the cores, the results staying in input order.
#[pyfunction]
#[pyo3(signature = (sheets, system, history = None))]
pub fn validate_sheets(
    py: Python<'_>,
    sheets: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Py<PyValidationResult>>> {
    let system = system_arg(system)?;
    // A plain reference crosses into the GIL-free closure; the Python object stays out here.
    let system: &TargetSystem = &system;
    let history = history.map(sheets_arg).transpose()?.unwrap_or_default();
    let items: Vec<Bound<'_, PyAny>> = sheets.try_iter()?.collect::<PyResult<_>>()?;
    let inputs: Vec<SheetInput<'_>> = items.iter().map(SheetInput::new).collect::<PyResult<_>>()?;
    let history = history.as_slice();
    let results: Vec<ValidationResult> = py.detach(|| {
        let validate = |input: &SheetInput<'_>| input.validate(system, history);
        if inputs.len() >= PARALLEL_FROM {
            inputs.par_iter().map(validate).collect()
        } else {
            inputs.iter().map(validate).collect()
        }
    });
    results
        .into_iter()
        .zip(&items)
        .map(|(result, item)| result_object(item, result))
        .collect()
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

/// Checks a Bezirksamtsvorlage (object, JSON text, bytes or dict) against BV01–BV04, its number
/// against the numbering pattern of `system` when given (else the default form); when given as
/// JSON, problems of its shape come back as findings.
#[pyfunction]
#[pyo3(signature = (paper, system = None))]
pub fn validate_paper(
    paper: &Bound<'_, PyAny>,
    system: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let system = system.map(system_arg).transpose()?;
    let numbering = system.as_ref().and_then(|system| system.numbering.as_ref());
    Ok(wrap(with_path_hint(
        paper,
        given::<PyPaper>(paper)?.check(numbering),
    )))
}
