//! Bindings of `zielsystem_core::analytics::lineage`: goals across years. `lineage(systems)` builds a
//! `Lineage` (rows and problems as dicts), which follows goals through their predecessors for
//! transitions and year-end results across years.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zielsystem_core::TargetSystem;
use zielsystem_core::analytics::lineage::{self as core, Lineage};

use crate::calendar::tertial_arg;
use crate::json;
use crate::model::{sheets_arg, system_arg};

/// The lineage of the goals of several target systems (any years, any authorities): each goal's
/// predecessors resolved over the years, with its lineage id (the root of its chain) and
/// generation, and the references that could not be followed. Immutable.
#[pyclass(frozen, module = "zielsystem", name = "Lineage", skip_from_py_object)]
pub struct PyLineage {
    systems: Vec<TargetSystem>,
    inner: Lineage,
}

/// The lineage of the goals of `systems` (an iterable of `TargetSystem`, JSON text, bytes or dicts).
#[pyfunction]
pub fn lineage(systems: &Bound<'_, PyAny>) -> PyResult<PyLineage> {
    let systems: Vec<TargetSystem> = systems
        .try_iter()?
        .map(|item| system_arg(&item?).map(|system| (*system).clone()))
        .collect::<PyResult<_>>()?;
    let inner = core::lineage(&systems);
    Ok(PyLineage { systems, inner })
}

impl PyLineage {
    /// `authority`, or the only authority of the lineage; `ValueError` when it has several.
    fn authority(&self, authority: Option<String>) -> PyResult<String> {
        if let Some(authority) = authority {
            return Ok(authority);
        }
        match self.inner.authorities().as_slice() {
            [only] => Ok((*only).to_string()),
            [] => Err(PyValueError::new_err(
                "Die Zielfortschreibung enthält kein Zielsystem / the lineage holds no target system",
            )),
            several => Err(PyValueError::new_err(format!(
                "Die Zielfortschreibung enthält {} Behörden; authority= wählt eine / the lineage holds {} authorities; choose one with authority=",
                several.len(),
                several.len()
            ))),
        }
    }
}

#[pymethods]
impl PyLineage {
    /// One dict per goal and year: `authority`, `year`, `goal`, `title`, `perspective`,
    /// `portfolio`, `kind`, `predecessors`, `lineage` (root `"<year>/<goal>"`), `roots`,
    /// `generation`; by authority, year, then goal order.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.rows)
    }

    /// The references that could not be followed (`kind`: `malformed`, `not_earlier`,
    /// `dangling`, `duplicate_system`), each with a German `message` and an English `message_en`.
    #[getter]
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner.problems)
    }

    /// The authorities, in the order first given.
    #[getter]
    fn authorities(&self) -> Vec<String> {
        self.inner
            .authorities()
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// `{"rows": …, "problems": …}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &self.inner)
    }

    /// The goals of `at_year` that `goal` of `year` descends from (itself when the years agree).
    #[pyo3(signature = (year, goal, at_year, *, authority = None))]
    fn ancestors_in(
        &self,
        year: i32,
        goal: &str,
        at_year: i32,
        authority: Option<String>,
    ) -> PyResult<Vec<String>> {
        let authority = self.authority(authority)?;
        Ok(self.inner.ancestors_in(&authority, year, goal, at_year))
    }

    /// The light → light transitions from `from_tertial` to the later `to_tertial`, of any years,
    /// each goal of the later year paired with the goals of the earlier year it descends from
    /// (a dict like `zielsystem.transitions`; the goals named are the later ones). `sheets` are the
    /// sheets of both years. `ValueError` when the tertials are out of order or a year has no
    /// system.
    #[pyo3(signature = (sheets, from_tertial, to_tertial, *, authority = None))]
    fn transitions<'py>(
        &self,
        py: Python<'py>,
        sheets: &Bound<'py, PyAny>,
        from_tertial: &Bound<'py, PyAny>,
        to_tertial: &Bound<'py, PyAny>,
        authority: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let authority = self.authority(authority)?;
        let from = tertial_arg(from_tertial)?;
        let to = tertial_arg(to_tertial)?;
        let sheets = sheets_arg(sheets)?;
        let rows = core::attainment_across(&self.systems, &authority, &sheets);
        let transitions = core::transitions_across(&self.inner, &authority, &rows, from, to)
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        json::to_python(py, &transitions)
    }

    /// Each goal of `to_year` descending from a goal of `from_year`: its year-end result (T3
    /// forecast) against its predecessor's, with `change` (`improved`, `worsened`, `same`,
    /// `unresolved`). One dict per (predecessor, goal) pair.
    #[pyo3(signature = (sheets, from_year, to_year, *, authority = None))]
    fn results<'py>(
        &self,
        py: Python<'py>,
        sheets: &Bound<'py, PyAny>,
        from_year: i32,
        to_year: i32,
        authority: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let authority = self.authority(authority)?;
        let sheets = sheets_arg(sheets)?;
        let rows = core::attainment_across(&self.systems, &authority, &sheets);
        json::to_python(
            py,
            &core::results_across(&self.inner, &authority, &rows, from_year, to_year),
        )
    }

    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    fn __repr__(&self) -> String {
        json::repr(
            "Lineage",
            &[
                ("authorities", self.inner.authorities().len().to_string()),
                ("rows", self.inner.rows.len().to_string()),
                ("problems", self.inner.problems.len().to_string()),
            ],
        )
    }
}
