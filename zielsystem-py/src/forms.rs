//! Bindings of `zielsystem-forms`: `read_form` and `read_forms` (`TargetSystem.write_form` is a
//! method, so it lives in `model`, which must not import this module). A form is read from `bytes` or a path (`str` or
//! `os.PathLike`); each finding carries its cell (`Finding.cell`, e.g. `"Berichtsblatt!C14"`).

use std::io::Read;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use zielsystem_core::{ReportSheet, TargetSystem};
use zielsystem_forms::read::FILE_MAX_BYTES;
use zielsystem_forms::{ImportOptions, ImportedForm};

use crate::calendar::tertial_arg;
use crate::findings::PyValidationResult;
use crate::model::{PyReportSheet, sheets_arg, system_arg};

/// The bytes of a form: `bytes` as they are, a `str` or `os.PathLike` read as a file (at most one
/// byte beyond the size limit, so an oversized file is a finding, not a memory problem).
fn form_bytes(form: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = form.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    let path: PathBuf = if let Ok(text) = form.cast::<PyString>() {
        PathBuf::from(text.to_cow()?.as_ref())
    } else {
        form.extract()?
    };
    let file = std::fs::File::open(&path)?;
    let mut bytes = Vec::new();
    file.take(FILE_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn imported(
    form: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    tertial: Option<&Bound<'_, PyAny>>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<ImportedForm>> {
    let bytes = form_bytes(form)?;
    let system = system_arg(system)?;
    let options = ImportOptions {
        tertial: tertial.map(tertial_arg).transpose()?,
        history: history.map(sheets_arg).transpose()?.unwrap_or_default(),
    };
    let system: &TargetSystem = &system;
    Ok(form
        .py()
        .detach(|| zielsystem_forms::read_form(&bytes, system, &options)))
}

fn pair(form: ImportedForm) -> (Option<PyReportSheet>, PyValidationResult) {
    (
        form.sheet.map(|inner: ReportSheet| PyReportSheet { inner }),
        PyValidationResult { inner: form.result },
    )
}

/// Reads a filled form (XLSX or ODS; `bytes` or a path) of one goal: the sheet (or `None` when the
/// form could not be read into one) and every finding, each with its cell. `tertial` refuses forms
/// of another tertial; `history` holds earlier sheets (RS13).
#[pyfunction]
#[pyo3(signature = (form, system, *, tertial = None, history = None))]
pub fn read_form(
    form: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    tertial: Option<&Bound<'_, PyAny>>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Option<PyReportSheet>, PyValidationResult)> {
    let mut forms = imported(form, system, tertial, history)?;
    if forms.len() > 1 {
        return Err(PyValueError::new_err(format!(
            "das Formular hat {} Berichtsblätter; read_forms verwenden / the form holds {} sheets; use read_forms",
            forms.len(),
            forms.len()
        )));
    }
    Ok(forms.pop().map_or_else(
        || {
            (
                None,
                PyValidationResult {
                    inner: zielsystem_core::ValidationResult::default(),
                },
            )
        },
        pair,
    ))
}

/// Reads every form worksheet of a workbook (one per goal in a member's form): a list of
/// `(worksheet, sheet or None, result)`.
#[pyfunction]
#[pyo3(signature = (form, system, *, tertial = None, history = None))]
pub fn read_forms(
    form: &Bound<'_, PyAny>,
    system: &Bound<'_, PyAny>,
    tertial: Option<&Bound<'_, PyAny>>,
    history: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, Option<PyReportSheet>, PyValidationResult)>> {
    Ok(imported(form, system, tertial, history)?
        .into_iter()
        .map(|form| {
            let worksheet = form.worksheet.clone();
            let (sheet, result) = pair(form);
            (worksheet, sheet, result)
        })
        .collect())
}
