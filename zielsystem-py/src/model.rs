//! Bindings of `zielsystem_core::model`: the documents `TargetSystem`, `ReportSheet` and `Paper`
//! (the Bezirksamtsvorlage), immutable, built from JSON text, bytes, dicts or files. (The
//! `TertialReport` lives with `consolidate`, which builds it.)

use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zielsystem_core::model::paper::PaperKind;
use zielsystem_core::{Document, Paper, ReportSheet, TargetSystem, ValidationResult};

use crate::calendar::{TertialObject, tertial_arg};
use crate::findings::{Form, load, parse, require_document_bytes};
use crate::json;

/// The target system (Zielsystem) of one authority and calendar year: mission statement, goals in
/// two perspectives, portfolios, members with dated terms, org units and the reporting plan.
///
/// Nested parts (goals, members, …) are returned as fresh dicts of their JSON shape.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "TargetSystem",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyTargetSystem {
    pub inner: TargetSystem,
}

/// A Python class that wraps a document of the core (frozen, the document in `inner`).
pub trait Wrapper: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync {
    /// The document it wraps.
    type Inner: Document + Clone;
    /// The class's Python name, for `ParseError`.
    const NAME: &'static str;
    /// The wrapped document.
    fn inner(&self) -> &Self::Inner;
}

macro_rules! wrapper {
    ($($class:ty => $inner:ty, $name:literal);* $(;)?) => {$(
        impl $crate::model::Wrapper for $class {
            type Inner = $inner;
            const NAME: &'static str = $name;
            fn inner(&self) -> &$inner {
                &self.inner
            }
        }
    )*};
}
pub(crate) use wrapper;

wrapper! {
    PyTargetSystem => TargetSystem, "TargetSystem";
    PyReportSheet => ReportSheet, "ReportSheet";
    PyPaper => Paper, "Paper";
}

/// A document argument as given: the document of a Python object (copied), or JSON (text, bytes or
/// dict) not yet checked.
pub enum Given<T> {
    /// From an object of the document's class.
    Document(T),
    /// JSON bytes.
    Json(Vec<u8>),
}

/// `value` as a document argument of `W`'s kind: an object of `W`, or JSON text, bytes or dict
/// (`TypeError` for anything else).
pub fn given<W: Wrapper>(value: &Bound<'_, PyAny>) -> PyResult<Given<W::Inner>> {
    if let Ok(object) = value.cast::<W>() {
        return Ok(Given::Document(object.get().inner().clone()));
    }
    require_document_bytes(value, Form::Any).map(Given::Json)
}

impl<T: Document> Given<T> {
    /// Every finding: the rules on a document; on JSON, its shape and then the rules.
    pub fn check(&self, context: T::Context<'_>) -> ValidationResult {
        match self {
            Given::Document(document) => document.validate(context),
            Given::Json(bytes) => T::check(bytes, context).result,
        }
    }

    /// The document; JSON that is not one raises `ParseError` naming `what`.
    pub fn document(self, py: Python<'_>, what: &str) -> PyResult<T> {
        match self {
            Given::Document(document) => Ok(document),
            Given::Json(bytes) => parse(py, &bytes, what),
        }
    }
}

/// A target system argument: the frozen Python object borrowed as it is, or one parsed from JSON.
///
/// Borrowing matters: a system is large next to a sheet, and copying it on every `validate_sheet`
/// call cost 14 of 14.7 µs per call (docs/performance.md).
pub enum SystemArg<'py> {
    /// A `TargetSystem` object, borrowed (it is immutable).
    Borrowed(Bound<'py, PyTargetSystem>),
    /// Parsed from JSON text, bytes or a dict (boxed: the borrowed case is the common one).
    Parsed(Box<TargetSystem>),
}

impl std::ops::Deref for SystemArg<'_> {
    type Target = TargetSystem;

    fn deref(&self) -> &TargetSystem {
        match self {
            SystemArg::Borrowed(system) => &system.get().inner,
            SystemArg::Parsed(system) => system,
        }
    }
}

/// A target system given as `TargetSystem`, JSON text, bytes or dict (parsed; `ParseError` if bad).
pub fn system_arg<'py>(value: &Bound<'py, PyAny>) -> PyResult<SystemArg<'py>> {
    if let Ok(system) = value.cast::<PyTargetSystem>() {
        return Ok(SystemArg::Borrowed(system.clone()));
    }
    load(value, Form::Any, PyTargetSystem::NAME).map(|system| SystemArg::Parsed(Box::new(system)))
}

/// A report sheet given as `ReportSheet`, JSON text, bytes or dict (parsed; `ParseError` if bad).
pub fn sheet_arg(value: &Bound<'_, PyAny>) -> PyResult<ReportSheet> {
    if let Ok(sheet) = value.cast::<PyReportSheet>() {
        return Ok(sheet.get().inner.clone());
    }
    load(value, Form::Any, PyReportSheet::NAME)
}

/// Report sheets from any iterable of what [`sheet_arg`] accepts.
pub fn sheets_arg(values: &Bound<'_, PyAny>) -> PyResult<Vec<ReportSheet>> {
    values.try_iter()?.map(|item| sheet_arg(&item?)).collect()
}

crate::json_class_methods!(PyTargetSystem, "TargetSystem", {
    /// The version of the JSON contract, `"1"`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.inner.schema_version
    }

    /// The report-sheet JSON Schema for the sheets of this system, as a dict: goals, members, org
    /// units, indicators and tertials as titled enumerations (for form generators).
    fn sheet_schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_python(py, &zielsystem_core::schema::sheet_schema_for(&self.inner))
    }

    /// The authority, e.g. `"Bezirksamt Mitte von Berlin"`.
    #[getter]
    fn authority(&self) -> &str {
        &self.inner.authority
    }

    /// The calendar year the system is decided for.
    #[getter]
    fn year(&self) -> i32 {
        self.inner.year
    }

    /// The resolution that decided the system: `{"number": …, "decided_on": …}`.
    #[getter]
    fn resolution<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.resolution)
    }

    /// The mission statement (Leitbild).
    #[getter]
    fn mission_statement(&self) -> &str {
        &self.inner.mission_statement
    }

    /// The declared goal counts per perspective, or `None` where none are declared.
    #[getter]
    fn declared_goal_counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.declared_goal_counts)
    }

    /// The portfolios (Geschäftsbereiche).
    #[getter]
    fn portfolios<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.portfolios)
    }

    /// The members of the Bezirksamt with their dated terms.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.members)
    }

    /// The organisational units.
    #[getter]
    fn org_units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.org_units)
    }

    /// The goals, in the order of the resolution.
    #[getter]
    fn goals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.goals)
    }

    /// The reporting plan: `{"first_tertial": …}`.
    #[getter]
    fn reporting<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.reporting)
    }

    /// The first tertial reported on.
    #[getter]
    fn first_tertial(&self) -> TertialObject {
        TertialObject(self.inner.reporting.first_tertial)
    }

    /// The tertials reported on in the system's year, from the first reporting tertial.
    #[getter]
    fn reporting_tertials(&self) -> Vec<TertialObject> {
        self.inner
            .reporting_tertials()
            .into_iter()
            .map(TertialObject)
            .collect()
    }

    /// The goal with this id as a dict, or `None`.
    fn goal<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.goal(id))
    }

    /// The Berichtsblatt as a pre-filled XLSX form (bytes) for `tertial`: of `goal`, or of every
    /// goal `member` reports on (a worksheet each), filled with `answers` and showing `previous`.
    #[pyo3(signature = (tertial, *, goal = None, member = None, previous = None, answers = None))]
    fn write_form<'py>(
        &self,
        py: Python<'py>,
        tertial: &Bound<'py, PyAny>,
        goal: Option<&str>,
        member: Option<&str>,
        previous: Option<&Bound<'py, PyAny>>,
        answers: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        write_form(py, &self.inner, tertial, goal, member, previous, answers)
    }

    /// The draft of next year's system and what was not carried (dicts with `kind`, `path`,
    /// `message`, `message_en`): every goal continued and linked to its predecessor, members with
    /// terms still running, the new year's reporting calendar, and — from `final_sheets`, this
    /// year's T3 sheets — last year's final values as baselines.
    #[pyo3(signature = (final_sheets = None))]
    fn next_year<'py>(
        &self,
        py: Python<'py>,
        final_sheets: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(PyTargetSystem, Bound<'py, PyAny>)> {
        next_year_of(py, &self.inner, final_sheets)
    }

    /// The id of the member holding `portfolio` on `day`, or `None` when it is vacant.
    fn holder_on(&self, portfolio: &str, day: NaiveDate) -> Option<String> {
        self.inner
            .holder_on(portfolio, day)
            .map(|(member, _)| member.id.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        json::repr(
            "TargetSystem",
            &[
                ("authority", json::quoted(py, &self.inner.authority)),
                ("year", self.inner.year.to_string()),
                ("goals", self.inner.goals.len().to_string()),
            ],
        )
    }
});

/// The uniform report sheet (Berichtsblatt) on one goal for one tertial: contributions, indicator
/// values, risks, the risk-oriented forecast and countermeasures.
///
/// Nested parts (risks, contributions, …) are returned as fresh dicts of their JSON shape.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "ReportSheet",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyReportSheet {
    pub inner: ReportSheet,
}

crate::json_class_methods!(PyReportSheet, "ReportSheet", {
    /// The version of the JSON contract, `"1"`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.inner.schema_version
    }

    /// The authority whose target system the goal belongs to.
    #[getter]
    fn authority(&self) -> &str {
        &self.inner.authority
    }

    /// The goal reported on, e.g. `"A01"`.
    #[getter]
    fn goal(&self) -> &str {
        &self.inner.goal
    }

    /// The sheet's digest, `"sha256:…"` of its canonical JSON: how the review log, the return
    /// letter and the tertial report name this version of the sheet.
    #[getter]
    fn digest(&self) -> String {
        zielsystem_core::digest::sheet_digest(&self.inner)
    }

    /// The tertial reported on.
    #[getter]
    fn tertial(&self) -> TertialObject {
        TertialObject(self.inner.tertial)
    }

    /// The id of the member who reports.
    #[getter]
    fn reporting_member(&self) -> &str {
        &self.inner.reporting_member
    }

    /// The id of the deputy who signed in representation of the reporting member, or `None`.
    #[getter]
    fn signed_by(&self) -> Option<&str> {
        self.inner.signed_by.as_deref()
    }

    /// The day of submission.
    #[getter]
    fn submitted_on(&self) -> NaiveDate {
        self.inner.submitted_on
    }

    /// Contributions realised in the reporting period.
    #[getter]
    fn contributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.contributions)
    }

    /// Values of the goal's indicators.
    #[getter]
    fn indicator_values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.indicator_values)
    }

    /// Risks for the rest of the year.
    #[getter]
    fn risks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.risks)
    }

    /// The risk-oriented forecast: `achieved`, `on_track`, `at_risk`, `unlikely` or `not_achieved`.
    #[getter]
    fn forecast(&self) -> &'static str {
        self.inner.forecast.as_str()
    }

    /// The forecast's traffic light: `green`, `yellow` or `red`.
    #[getter]
    fn light(&self) -> &'static str {
        self.inner.forecast.light().as_str()
    }

    /// Why the forecast was given.
    #[getter]
    fn rationale(&self) -> &str {
        &self.inner.rationale
    }

    /// Proposed countermeasures.
    #[getter]
    fn countermeasures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.countermeasures)
    }

    /// The highest likelihood × impact of the risks, 1–9; 0 when none is named.
    #[getter]
    fn highest_risk_score(&self) -> u32 {
        self.inner.highest_risk_score()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        json::repr(
            "ReportSheet",
            &[
                ("goal", json::quoted(py, &self.inner.goal)),
                ("tertial", json::quoted(py, &self.inner.tertial.to_string())),
                ("forecast", json::quoted(py, self.inner.forecast.as_str())),
            ],
        )
    }
});

/// A Bezirksamtsvorlage (paper): the fixed form in which the Bezirksamt decides, and in which it
/// passes reports to the council for information. Every section may be absent (`None`), so that
/// `validate_paper` can report it (BV02). Immutable.
///
/// Nested parts (staff representation, effects) are returned as fresh dicts of their JSON shape.
#[pyclass(frozen, eq, module = "zielsystem", name = "Paper", skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub struct PyPaper {
    pub inner: Paper,
}

crate::json_class_methods!(PyPaper, "Paper", {
    /// The version of the JSON contract, `"1"`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.inner.schema_version
    }

    /// Number and electoral term (Vorlagen-Nr.), e.g. `"36/VI"`; `None` until the office assigns one.
    #[getter]
    fn number(&self) -> Option<&str> {
        self.inner.number.as_deref()
    }

    /// The day of the Bezirksamt's session, or `None` while no date is set.
    #[getter]
    fn meeting_date(&self) -> Option<NaiveDate> {
        self.inner.meeting_date
    }

    /// `"decision"` (zur Beschlussfassung), `"information"` (zur Kenntnisnahme) or
    /// `"council_information"` (zur Kenntnisnahme an die Bezirksverordnetenversammlung), or `None`.
    #[getter]
    fn kind(&self) -> Option<&'static str> {
        self.inner.kind.map(PaperKind::as_str)
    }

    /// The Bezirksamt's decision a paper for the council reports, `{"number": …, "decided_on": …}`,
    /// or `None`.
    #[getter]
    fn decision<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.decision)
    }

    /// What a paper for the council brings to its knowledge, paragraph by paragraph (a fresh list).
    #[getter]
    fn communication(&self) -> Option<Vec<String>> {
        self.inner.communication.clone()
    }

    /// 1. Gegenstand der Vorlage (subject).
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.inner.subject.as_deref()
    }

    /// 2. Berichterstatter/in (rapporteur).
    #[getter]
    fn rapporteur(&self) -> Option<&str> {
        self.inner.rapporteur.as_deref()
    }

    /// 3. Beschlussentwurf: the numbered items I., II., … (a fresh list).
    #[getter]
    fn draft_resolution(&self) -> Option<Vec<String>> {
        self.inner.draft_resolution.clone()
    }

    /// Veröffentlichung: whether the paper is published.
    #[getter]
    fn publication(&self) -> Option<bool> {
        self.inner.publication
    }

    /// Beteiligung der Beschäftigtenvertretungen, as a dict of its JSON shape.
    #[getter]
    fn staff_representation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.staff_representation)
    }

    /// 4. Begründung (justification).
    #[getter]
    fn justification(&self) -> Option<&str> {
        self.inner.justification.as_deref()
    }

    /// 5. Rechtsgrundlage (legal basis).
    #[getter]
    fn legal_basis(&self) -> Option<&str> {
        self.inner.legal_basis.as_deref()
    }

    /// 6.–10. Auswirkungen (effects), as a dict of its JSON shape.
    #[getter]
    fn effects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.effects)
    }

    /// 11. Mitzeichnung(en) (co-signatures).
    #[getter]
    fn co_signatures(&self) -> Option<&str> {
        self.inner.co_signatures.as_deref()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let optional = |text: Option<&str>| {
            text.map_or_else(|| "None".to_string(), |text| json::quoted(py, text))
        };
        json::repr(
            "Paper",
            &[
                ("number", optional(self.inner.number.as_deref())),
                ("kind", optional(self.inner.kind.map(PaperKind::as_str))),
                ("subject", optional(self.inner.subject.as_deref())),
            ],
        )
    }
});

/// The workbook for `goal` or `member` (exactly one; without both, the goal of the one sheet in
/// `answers`), pre-filled from `system` and `answers`, with `previous` shown for reference.
fn write_form<'py>(
    py: Python<'py>,
    system: &TargetSystem,
    tertial: &Bound<'py, PyAny>,
    goal: Option<&str>,
    member: Option<&str>,
    previous: Option<&Bound<'py, PyAny>>,
    answers: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    let tertial = tertial_arg(tertial)?;
    let previous = previous.map(sheets_arg).transpose()?.unwrap_or_default();
    let answers = answers.map(sheets_arg).transpose()?.unwrap_or_default();
    let request = zielsystem_forms::FormRequest {
        tertial,
        previous: &previous,
        answers: &answers,
    };
    let bytes = match (goal, member) {
        (Some(_), Some(_)) => {
            return Err(PyValueError::new_err(
                "goal oder member angeben, nicht beides / give goal or member, not both",
            ));
        }
        (Some(goal), None) => zielsystem_forms::goal_form(system, goal, &request),
        (None, Some(member)) => zielsystem_forms::member_form(system, member, &request),
        (None, None) => match answers.as_slice() {
            [one] => zielsystem_forms::goal_form(system, &one.goal, &request),
            _ => {
                return Err(PyValueError::new_err(
                    "goal, member oder genau ein Blatt in answers angeben / give goal, member or exactly one sheet in answers",
                ));
            }
        },
    }
    .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(pyo3::types::PyBytes::new(py, &bytes))
}

/// The draft of next year's system from `system` and what was not carried, as Python values (the
/// body of `TargetSystem.next_year` and of `zielsystem.next_year`).
pub(crate) fn next_year_of<'py>(
    py: Python<'py>,
    system: &TargetSystem,
    final_sheets: Option<&Bound<'py, PyAny>>,
) -> PyResult<(PyTargetSystem, Bound<'py, PyAny>)> {
    let sheets = final_sheets.map(sheets_arg).transpose()?;
    let carried = zielsystem_core::carry_over::next_year(system, sheets.as_deref())
        .map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))?;
    let not_carried = crate::json::to_python(py, &carried.not_carried)?;
    Ok((
        PyTargetSystem {
            inner: carried.draft,
        },
        not_carried,
    ))
}
