//! Bindings of `zielsystem_core::consolidate`: `consolidate()` and the `TertialReport` it builds,
//! with its lifecycle (`decide`, `note`), its two papers (`to_paper`, `to_council_paper`) and the
//! core's Markdown, HTML and SVG renderers.

use chrono::NaiveDate;
use pyo3::prelude::*;
use zielsystem_core::ValidationResult;
use zielsystem_core::model::paper::{council_paper, decision_paper};
use zielsystem_core::model::tertial_report::{CouncilOutcome, Stage, TertialReport};
use zielsystem_core::render::{RenderOptions, html, markdown};

use crate::calendar::{TertialObject, tertial_arg};
use crate::findings::{PyFinding, PyValidationResult, lifecycle_error};
use crate::json;
use crate::model::{PyPaper, given, sheets_arg, system_arg};
use crate::review_log::PyReviewLog;

/// The consolidated report of one tertial (Tertialbericht): every goal of the target system with
/// its reporting status, forecast and light, the countermeasures, counts, light changes and the
/// findings of TR01–TR06. Immutable.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "TertialReport",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyTertialReport {
    pub inner: TertialReport,
}

/// Consolidates the sheets of `tertial` into a draft report as it stands on `as_of`; `previous`
/// holds sheets of earlier tertials of the year (history and light changes). With a `review_log`
/// the accepted version of each goal's sheet counts, and the report lists every version's digest
/// (`zielsystem_core::consolidate_reviewed`).
#[pyfunction]
#[pyo3(signature = (system, sheets, tertial, as_of, previous = None, review_log = None))]
pub fn consolidate(
    py: Python<'_>,
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
    tertial: &Bound<'_, PyAny>,
    as_of: NaiveDate,
    previous: Option<&Bound<'_, PyAny>>,
    review_log: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTertialReport> {
    let system = system_arg(system)?;
    let sheets = sheets_arg(sheets)?;
    let tertial = tertial_arg(tertial)?;
    let previous = previous.map(sheets_arg).transpose()?.unwrap_or_default();
    let inner = match review_log {
        Some(log) => {
            let log = given::<PyReviewLog>(log)?.document(py, "ReviewLog")?;
            zielsystem_core::consolidate_reviewed(&system, &sheets, tertial, as_of, &previous, &log)
        }
        None => zielsystem_core::consolidate(&system, &sheets, tertial, as_of, &previous),
    };
    Ok(PyTertialReport { inner })
}

impl PyTertialReport {
    /// The report after a lifecycle step to `target`, or `LifecycleError` with the findings that
    /// refuse it.
    fn step(
        &self,
        py: Python<'_>,
        target: Stage,
        next: Result<TertialReport, ValidationResult>,
    ) -> PyResult<Self> {
        next.map(|inner| PyTertialReport { inner })
            .map_err(|result| {
                lifecycle_error(py, self.inner.stage.as_str(), target.as_str(), result)
            })
    }
}

crate::model::wrapper! {
    PyTertialReport => TertialReport, "TertialReport";
}

crate::json_class_methods!(PyTertialReport, "TertialReport", {
    /// The authority whose target system is reported on.
    #[getter]
    fn authority(&self) -> &str {
        &self.inner.authority
    }

    /// The tertial reported on.
    #[getter]
    fn tertial(&self) -> TertialObject {
        TertialObject(self.inner.tertial)
    }

    /// The day the report was consolidated (reporting status is judged on this day).
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The lifecycle stage: `draft`, `decided` or `noted`.
    #[getter]
    fn stage(&self) -> &'static str {
        self.inner.stage.as_str()
    }

    /// The Bezirksamt's decision, `{"number": …, "decided_on": …}`, once decided; else `None`.
    #[getter]
    fn decision<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.decision)
    }

    /// The council taking note, `{"noted_on": …, "number": …, "outcome": …}`, once noted; else
    /// `None`.
    #[getter]
    fn council<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.council)
    }

    /// The steering service's review of the sheets (every version's digest, the goals not yet
    /// accepted) when the report was consolidated with a review log; else `None`.
    #[getter]
    fn review<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.review)
    }

    /// Every goal of the target system, in its order, with reporting status, forecast and light.
    #[getter]
    fn goals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.goals)
    }

    /// The goals without a sheet.
    #[getter]
    fn missing_goals(&self) -> Vec<String> {
        self.inner.missing_goals.clone()
    }

    /// The countermeasures proposed, with their goals.
    #[getter]
    fn countermeasures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.countermeasures)
    }

    /// The findings of TR01–TR06 the report carries.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.inner
            .findings
            .iter()
            .cloned()
            .map(|inner| PyFinding { inner })
            .collect()
    }

    /// TR01–TR06 recomputed on the report as it stands.
    fn validate(&self) -> PyValidationResult {
        PyValidationResult {
            inner: self.inner.validate(),
        }
    }

    /// The report decided by the Bezirksamt on `decided_on` with resolution `number` (e.g.
    /// `"52/VI"`), its sheets re-checked against `system`: a new report of stage `decided`. Every
    /// proposed countermeasure is adopted unless its position in `countermeasures` is listed in
    /// `not_adopted`. `LifecycleError` with the findings when refused: the report is not a draft, or
    /// the decided report would have an error (a sheet with an error, TR05; a decision before the
    /// cut-off or the latest submission, a malformed number or an unknown position, TR04; foreign
    /// or duplicate sheets, TR01, TR02). A goal without a sheet does not refuse it (TR03 warning).
    #[pyo3(signature = (system, decided_on, number, not_adopted = None))]
    fn decide(
        &self,
        py: Python<'_>,
        system: &Bound<'_, PyAny>,
        decided_on: NaiveDate,
        number: String,
        not_adopted: Option<Vec<usize>>,
    ) -> PyResult<Self> {
        let system = system_arg(system)?;
        let not_adopted = not_adopted.unwrap_or_default();
        self.step(
            py,
            Stage::Decided,
            self.inner.decide(&system, decided_on, number, &not_adopted),
        )
    }

    /// The decided report passed to the council, which dealt with it on `noted_on` — as printed
    /// paper `number` (Drucksache, e.g. `"0297/VI"`) where it has one of its own — with the
    /// recorded `result`: `"noted"`, `"noted_with_interim_report"`, `"noted_with_final_report"`,
    /// `"referred"` or `"postponed"`. A new report of stage `noted`; `LifecycleError` with the
    /// findings when refused (not decided, or the noted report would have an error); `ValueError`
    /// for an unknown `result`.
    #[pyo3(signature = (noted_on, number = None, result = None))]
    fn note(
        &self,
        py: Python<'_>,
        noted_on: NaiveDate,
        number: Option<String>,
        result: Option<&str>,
    ) -> PyResult<Self> {
        let result = result
            .map(|text| {
                CouncilOutcome::parse(text).ok_or_else(|| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "unbekanntes Ergebnis / unknown result: {text:?}"
                    ))
                })
            })
            .transpose()?;
        self.step(py, Stage::Noted, self.inner.note(noted_on, number, result))
    }

    /// The Bezirksamtsvorlage zur Beschlussfassung on the report (draft or decided); its number and
    /// meeting date are the decision's once decided.
    fn to_paper(&self) -> PyPaper {
        PyPaper {
            inner: decision_paper(&self.inner),
        }
    }

    /// The Vorlage zur Kenntnisnahme for the council, once the Bezirksamt has decided; else `None`.
    fn to_council_paper(&self) -> Option<PyPaper> {
        council_paper(&self.inner).map(|inner| PyPaper { inner })
    }

    /// The Bezirksamtsvorlage zur Beschlussfassung as Markdown (German); `example` marks it
    /// "Beispiel" in the letterhead.
    #[pyo3(signature = (*, example = false))]
    fn to_markdown(&self, example: bool) -> String {
        markdown::decision_paper(&self.inner, RenderOptions { example })
    }

    /// The Bezirksamtsvorlage zur Beschlussfassung as a self-contained HTML page (German).
    #[pyo3(signature = (*, example = false))]
    fn to_html(&self, example: bool) -> String {
        html::decision_paper(&self.inner, RenderOptions { example })
    }

    /// The Vorlage zur Kenntnisnahme for the council as Markdown; `None` before the decision.
    #[pyo3(signature = (*, example = false))]
    fn to_council_markdown(&self, example: bool) -> Option<String> {
        markdown::council_paper(&self.inner, RenderOptions { example })
    }

    /// The Vorlage zur Kenntnisnahme for the council as HTML; `None` before the decision.
    #[pyo3(signature = (*, example = false))]
    fn to_council_html(&self, example: bool) -> Option<String> {
        html::council_paper(&self.inner, RenderOptions { example })
    }

    /// The traffic-light matrix as SVG.
    fn to_svg(&self) -> String {
        self.inner.to_svg()
    }

    /// A paper of the report as PDF bytes (PDF/A-2a, PDF/UA-1): `kind` `"decision"`,
    /// `"council_information"` or `None` for the current paper (the council's once decided).
    #[pyo3(signature = (kind = None, *, example = false))]
    fn to_pdf<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        example: bool,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        crate::pdf::to_pdf(py, &self.inner, kind, example)
    }

    /// The Vorlage zur Kenntnisnahme of the decided report as an OParl 1.1 `oparl:Paper` (a dict
    /// of its JSON shape): `main_file` (the PDF) and `auxiliary_files` as `(file_name, name,
    /// mime_type, content)` — size and checksums come from `content` —, the URLs of the hand-over
    /// folder, body and organisations as given, over those of `config` (the bytes of a
    /// configuration file, as `zielsystem paper --config` reads it); `written_at` (UTC) gives
    /// `created`/`modified`. `ValueError` for a draft, an unreadable `config` or a missing required
    /// URL (named, never invented).
    #[pyo3(signature = (
        *, main_file, written_at, auxiliary_files = Vec::new(), config = None,
        base_url = None, body_url = None, originator_url = None, council_url = None,
        meeting_url = None, web_url = None, paper_file_name = "paper.json".to_string(),
        web_file_name = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn to_oparl<'py>(
        &self,
        py: Python<'py>,
        main_file: crate::oparl::FileArg,
        written_at: chrono::NaiveDateTime,
        auxiliary_files: Vec<crate::oparl::FileArg>,
        config: Option<Vec<u8>>,
        base_url: Option<String>,
        body_url: Option<String>,
        originator_url: Option<String>,
        council_url: Option<String>,
        meeting_url: Option<String>,
        web_url: Option<String>,
        paper_file_name: String,
        web_file_name: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let urls = zielsystem_core::oparl::OparlConfig {
            base_url,
            body_url,
            originator_url,
            council_url,
            meeting_url,
            web_url,
        };
        crate::oparl::to_oparl(
            py,
            &self.inner,
            main_file,
            written_at,
            auxiliary_files,
            config,
            urls,
            paper_file_name,
            web_file_name,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        json::repr(
            "TertialReport",
            &[
                ("authority", json::quoted(py, &self.inner.authority)),
                ("tertial", json::quoted(py, &self.inner.tertial.to_string())),
                ("stage", json::quoted(py, self.inner.stage.as_str())),
                ("goals", self.inner.goals.len().to_string()),
                ("missing", self.inner.missing_goals.len().to_string()),
            ],
        )
    }
});
