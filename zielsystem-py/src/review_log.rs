//! Bindings of the core's review log: the document `ReviewLog` (`zielsystem_core::model::review_log`)
//! and `validate_review_log` (`zielsystem_core::rules::review_log`, RV01–RV04).

use pyo3::prelude::*;
use zielsystem_core::ReviewLog;
use zielsystem_core::rules::ReviewContext;

use crate::calendar::PyTertial;
use crate::findings::PyValidationResult;
use crate::json;
use crate::model::{given, sheets_arg, system_arg};

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
    fn tertial(&self) -> PyTertial {
        PyTertial(self.inner.tertial)
    }

    /// The events, in the order they happened (a fresh list of dicts).
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.entries)
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
