//! Bindings of `zielsystem-pdf`: `TertialReport.to_pdf()`, a paper of the report as PDF bytes
//! (PDF/A-2a, PDF/UA-1, fonts embedded).

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zielsystem_core::model::tertial_report::TertialReport;
use zielsystem_core::render::RenderOptions;
use zielsystem_pdf::{PaperKind, PdfError};

/// The paper `kind` of `report` as PDF — `"decision"` (the Bezirksamtsvorlage zur
/// Beschlussfassung), `"council_information"` (the Vorlage zur Kenntnisnahme for the council,
/// once decided) or `None` for the report's current paper; `ValueError` for a paper the report does
/// not have or an unknown kind.
pub(crate) fn to_pdf<'py>(
    py: Python<'py>,
    report: &TertialReport,
    kind: Option<&str>,
    example: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let kind = match kind {
        None => zielsystem_pdf::current_paper(report),
        Some(text) => PaperKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "unbekannte Art der Vorlage / unknown paper kind: {text:?} (decision, council_information)"
                ))
            })?,
    };
    let options = RenderOptions { example };
    // Typesetting takes a while: other Python threads may run meanwhile.
    let bytes = py
        .detach(|| zielsystem_pdf::paper_pdf(report, kind, options))
        .map_err(|error| match error {
            PdfError::NoSuchPaper(_) => PyValueError::new_err(error.to_string()),
            _ => PyRuntimeError::new_err(error.to_string()),
        })?;
    Ok(PyBytes::new(py, &bytes))
}
