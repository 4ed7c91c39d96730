//! Bindings of the core's review log: the document `ReviewLog` (`zielsystem_core::model::review_log`)
//! with the steering service's operations `receive`, `return_sheet` and `accept` (each checked
//! before it is recorded: `append_entry`), and `validate_review_log`
//! (`zielsystem_core::rules::review_log`, RV01–RV04).

use chrono::NaiveDate;
use pyo3::prelude::*;
use zielsystem_core::model::review_log::ReviewEntry;
use zielsystem_core::rules::{ReviewContext, append_entry, arrival};
use zielsystem_core::{Code, ReportSheet, ReviewLog, TargetSystem, ValidationResult};

use crate::calendar::TertialObject;
use crate::findings::{PyValidationResult, raise};
use crate::json;
use crate::model::{given, sheet_arg, sheets_arg, system_arg};

impl PyReviewLog {
    /// The log with `entry` appended, or `ReviewRefused` with the findings that refuse it.
    fn append(
        &self,
        py: Python<'_>,
        entry: ReviewEntry,
        system: Option<&TargetSystem>,
        sheets: &[ReportSheet],
    ) -> PyResult<Self> {
        let context = ReviewContext { system, sheets };
        let event = entry.kind();
        append_entry(&self.inner, entry, context)
            .map(|inner| PyReviewLog { inner })
            .map_err(|result: ValidationResult| {
                let headline = format!(
                    "Ereignis „{}“ nicht eingetragen / event \"{}\" refused ({} Befund(e) / finding(s))",
                    event.label_de(),
                    event.as_str(),
                    result.findings.len()
                );
                raise(py, "ReviewRefused", headline, result)
            })
    }
}

/// The review log (Prüfprotokoll) of one authority's tertial: one entry per event on a sheet
/// (`received`, `returned`, `resubmitted`, `accepted`), each with date, goal and reviewer; versions
/// are named by their digest. Immutable.
///
/// The entries are returned as fresh dicts of their JSON shape.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "ReviewLog",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyReviewLog {
    pub inner: ReviewLog,
}

crate::model::wrapper! {
    PyReviewLog => ReviewLog, "ReviewLog";
}

crate::json_class_methods!(PyReviewLog, "ReviewLog", {
    /// The version of the JSON contract, `"1"`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.inner.schema_version
    }

    /// The authority whose sheets are reviewed.
    #[getter]
    fn authority(&self) -> &str {
        &self.inner.authority
    }

    /// The tertial the sheets report on.
    #[getter]
    fn tertial(&self) -> TertialObject {
        TertialObject(self.inner.tertial)
    }

    /// The events, in the order they happened (a fresh list of dicts).
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.entries)
    }

    /// The log with `sheet` recorded as come in on `date`: `resubmitted` when the goal's sheet is
    /// returned, `received` otherwise. `ReviewRefused` with the findings when the rules refuse it.
    fn receive(
        &self,
        py: Python<'_>,
        sheet: &Bound<'_, PyAny>,
        reviewer: &str,
        date: NaiveDate,
    ) -> PyResult<Self> {
        let sheet = sheet_arg(sheet)?;
        let entry = arrival(&self.inner, date, &sheet, reviewer);
        self.append(py, entry, None, std::slice::from_ref(&sheet))
    }

    /// The log with the sheet of `goal` returned on `date` for `findings` (rule codes) with
    /// `comment`, due again on `due_on`. `ReviewRefused` when the rules refuse it.
    #[pyo3(signature = (goal, reviewer, date, comment, due_on, findings = None))]
    #[allow(clippy::too_many_arguments)] // The fields of the event, as the CLI takes them.
    fn return_sheet(
        &self,
        py: Python<'_>,
        goal: String,
        reviewer: String,
        date: NaiveDate,
        comment: String,
        due_on: NaiveDate,
        findings: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let codes = findings
            .unwrap_or_default()
            .iter()
            .map(|code| {
                Code::parse(code).ok_or_else(|| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "unbekannter Regelcode / unknown rule code {code:?}"
                    ))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let entry = ReviewEntry::Returned {
            date,
            goal,
            reviewer,
            findings: codes,
            comment,
            due_on,
        };
        self.append(py, entry, None, &[])
    }

    /// The log with the latest sheet of `goal` accepted on `date`. With `system` and the `sheets`
    /// the log names, an acceptance despite error findings is refused (RV02). `ReviewRefused` when
    /// the rules refuse it.
    #[pyo3(signature = (goal, reviewer, date, system = None, sheets = None))]
    fn accept(
        &self,
        py: Python<'_>,
        goal: String,
        reviewer: String,
        date: NaiveDate,
        system: Option<&Bound<'_, PyAny>>,
        sheets: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let system = system.map(system_arg).transpose()?;
        let sheets = sheets.map(sheets_arg).transpose()?.unwrap_or_default();
        let entry = ReviewEntry::Accepted {
            date,
            goal,
            reviewer,
        };
        self.append(py, entry, system.as_deref(), &sheets)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        json::repr(
            "ReviewLog",
            &[
                ("authority", json::quoted(py, &self.inner.authority)),
                ("tertial", json::quoted(py, &self.inner.tertial.to_string())),
                ("entries", self.inner.entries.len().to_string()),
            ],
        )
    }
});

/// Checks a review log (object, JSON text, bytes or dict) against RV01–RV04; when given as JSON,
/// problems of its shape come back as findings. `system` (RV02) and `sheets` (the sheets whose
/// digests the log names) are optional.
#[pyfunction]
#[pyo3(signature = (log, system = None, sheets = None))]
pub fn validate_review_log(
    log: &Bound<'_, PyAny>,
    system: Option<&Bound<'_, PyAny>>,
    sheets: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let system = system.map(system_arg).transpose()?;
    let sheets = sheets.map(sheets_arg).transpose()?.unwrap_or_default();
    let given = given::<PyReviewLog>(log)?;
    let context = ReviewContext {
        system: system.as_deref(),
        sheets: &sheets,
    };
    Ok(PyValidationResult {
        inner: given.check(context),
    })
}
