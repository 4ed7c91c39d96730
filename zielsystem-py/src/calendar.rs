//! Bindings of `zielsystem_core::calendar`: the `Tertial` with its cut-off and deadline.
//!
//! Python's `zielsystem.Tertial` is a `str` subclass (`zielsystem/_calendar.py`) over the native
//! `_Tertial` here: a tertial is its code, so it compares and hashes like `"2022-T1"` and filters
//! pandas, polars and `DuckDB` columns of tertial codes. The package registers that class at import
//! (`_register_tertial_class`); tertials returned from here are built through it ([`TertialObject`]).

use std::fmt;

use chrono::NaiveDate;
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use zielsystem_core::calendar::TertialParseError;
use zielsystem_core::{Finding, Message, Tertial, ValidationResult};

use crate::findings::parse_error;

/// A tertial of a calendar year, written `"2022-T1"`: I January–April, II May–August,
/// III September–December. Ordered, hashable and immutable.
#[pyclass(
    frozen,
    eq,
    ord,
    hash,
    str,
    module = "zielsystem._zielsystem",
    name = "_Tertial",
    skip_from_py_object
)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyTertial(pub Tertial);

impl fmt::Display for PyTertial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Parses a tertial code, raising `ParseError` (a `SCHEMA_FORMAT` finding) when it is malformed.
pub fn parse_tertial(py: Python<'_>, code: &str) -> PyResult<Tertial> {
    code.parse().map_err(|error: TertialParseError| {
        let finding = match error {
            TertialParseError::Malformed(_) => Finding::new(
                Message::SchemaFormatTertial {
                    value: code.to_string(),
                },
                "",
            ),
            TertialParseError::YearOutOfRange(year) => Finding::new(
                Message::SchemaFormatTertial {
                    value: format!("{code} ({year})"),
                },
                "",
            ),
        };
        parse_error(
            py,
            "Tertial",
            ValidationResult::from_findings(vec![finding]),
        )
    })
}

/// The Python class tertials are returned as, registered by `zielsystem/_calendar.py`.
static TERTIAL_CLASS: pyo3::sync::PyOnceLock<Py<PyType>> = pyo3::sync::PyOnceLock::new();

/// Registers the Python class tertials are returned as (called once by the package at import).
#[pyfunction]
#[pyo3(name = "_register_tertial_class")]
pub fn register_tertial_class(class: &Bound<'_, PyType>) {
    let _ = TERTIAL_CLASS.set(class.py(), class.clone().unbind());
}

/// A tertial on its way to Python: an instance of the registered `zielsystem.Tertial` (the native
/// `_Tertial` before the package registered it).
#[derive(Clone, Copy)]
pub struct TertialObject(pub Tertial);

impl<'py> IntoPyObject<'py> for TertialObject {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match TERTIAL_CLASS.get(py) {
            Some(class) => class.bind(py).call1((self.0.to_string(),)),
            None => Ok(Bound::new(py, PyTertial(self.0))?.into_any()),
        }
    }
}

/// A tertial argument: a `Tertial` or its code as `str`.
pub fn tertial_arg(value: &Bound<'_, PyAny>) -> PyResult<Tertial> {
    if let Ok(tertial) = value.cast::<PyTertial>() {
        return Ok(tertial.get().0);
    }
    if let Ok(code) = value.cast::<PyString>() {
        return parse_tertial(value.py(), &code.to_cow()?);
    }
    Err(crate::json::type_error(
        value,
        ("Tertial oder str", "Tertial or str"),
    ))
}

/// The `OverflowError` for a tertial without a neighbour: `what` names it in German and English
/// (`("nächstes", "next")`), each in its own half of the message.
fn overflow(what: (&str, &str), tertial: Tertial) -> PyErr {
    let (de, en) = what;
    PyOverflowError::new_err(format!(
        "{tertial} hat kein {de} Tertial im darstellbaren Bereich / {tertial} has no {en} tertial in the representable range"
    ))
}

// pyo3 methods take `&self`; the tertial is `Copy` but cannot be received by value here.
#[allow(clippy::trivially_copy_pass_by_ref)]
#[pymethods]
impl PyTertial {
    /// The tertial with this code, e.g. `Tertial("2022-T1")`.
    #[new]
    fn new(py: Python<'_>, code: &str) -> PyResult<Self> {
        parse_tertial(py, code).map(PyTertial)
    }

    /// The calendar year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year()
    }

    /// Which of the three tertials: 1, 2 or 3.
    #[getter]
    fn period(&self) -> u32 {
        self.0.period().number()
    }

    /// The first day of the tertial.
    #[getter]
    fn start(&self) -> NaiveDate {
        self.0.start()
    }

    /// The cut-off (Berichtsstichtag): the tertial's last day.
    #[getter]
    fn cut_off(&self) -> NaiveDate {
        self.0.cut_off()
    }

    /// The deadline (Berichtsfrist): the last day of the month after the cut-off.
    #[getter]
    fn deadline(&self) -> NaiveDate {
        self.0.deadline()
    }

    /// The code, e.g. `"2022-T1"`.
    #[getter]
    fn code(&self) -> String {
        self.0.to_string()
    }

    /// The German label, e.g. `"I. Tertial 2022"`.
    #[getter]
    fn label_de(&self) -> String {
        self.0.label_de()
    }

    /// Whether `day` lies within the tertial (start and cut-off inclusive).
    fn contains(&self, day: NaiveDate) -> bool {
        self.0.contains(day)
    }

    /// The following tertial; `OverflowError` after 9999-T3.
    fn next(&self) -> PyResult<Self> {
        self.0
            .next()
            .map(PyTertial)
            .ok_or_else(|| overflow(("nächstes", "next"), self.0))
    }

    /// The preceding tertial; `OverflowError` before 0000-T1.
    fn previous(&self) -> PyResult<Self> {
        self.0
            .previous()
            .map(PyTertial)
            .ok_or_else(|| overflow(("voriges", "previous"), self.0))
    }

    /// The tertial containing `day`.
    #[classmethod]
    fn containing(_cls: &Bound<'_, PyType>, day: NaiveDate) -> PyResult<Self> {
        Tertial::containing(day).map(PyTertial).ok_or_else(|| {
            PyOverflowError::new_err(format!(
                "{day} liegt außerhalb des darstellbaren Bereichs / {day} is outside the representable range"
            ))
        })
    }

    /// The three tertials of `year`, in order.
    #[classmethod]
    fn of_year(_cls: &Bound<'_, PyType>, py: Python<'_>, year: i32) -> PyResult<Vec<Self>> {
        Tertial::of_year(year)
            .map(|all| all.map(PyTertial).to_vec())
            .map_err(|_| {
                let finding = Finding::new(
                    Message::SchemaFormatTertial {
                        value: year.to_string(),
                    },
                    "",
                );
                parse_error(
                    py,
                    "Tertial",
                    ValidationResult::from_findings(vec![finding]),
                )
            })
    }

    fn __repr__(&self) -> String {
        format!("_Tertial('{}')", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let arguments = PyTuple::new(slf.py(), [slf.get().0.to_string()])?;
        Ok((slf.get_type().into_any(), arguments))
    }
}

/// The JSON text of `value` when it is a `Tertial` (`"2022-T1"`), for `json::to_value`.
pub fn tertial_text(value: &Bound<'_, PyAny>) -> Option<String> {
    value
        .cast::<PyTertial>()
        .ok()
        .map(|tertial| tertial.get().0.to_string())
}
