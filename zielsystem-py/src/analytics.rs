//! Bindings of `zielsystem_core::analytics`: the attainment table, summaries, transitions and the
//! forecast accuracy, returned as plain rows (dicts) that `zielsystem.Table` wraps.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use zielsystem_core::TargetSystem;
use zielsystem_core::analytics::{
    self, AccuracyRow, AttainmentRow, Dimension, Row, Summary, TransitionCell,
};

use crate::calendar::tertial_arg;
use crate::json;
use crate::model::{sheets_arg, system_arg};

fn table(
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
) -> PyResult<(TargetSystem, Vec<AttainmentRow>)> {
    let system = system_arg(system)?;
    let sheets = sheets_arg(sheets)?;
    let rows = analytics::attainment_table(&system, &sheets);
    Ok((TargetSystem::clone(&system), rows))
}

/// The attainment table: one row per goal and tertial with a sheet that counts (list of dicts).
#[pyfunction]
pub fn attainment_table<'py>(
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (_, rows) = table(system, sheets)?;
    json::to_python(system.py(), &rows)
}

/// Summaries of the attainment table by the given dimensions (`perspective`, `portfolio`,
/// `tertial`; a `str` or a sequence of them; empty: one group of everything).
#[pyfunction]
pub fn summary_by<'py>(
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
    by: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let dimensions = dimensions(by)?;
    let (system_value, rows) = table(system, sheets)?;
    json::to_python(
        system.py(),
        &analytics::summary_by(&system_value, &rows, &dimensions),
    )
}

/// The columns of a summary by `by` (as `summary_by` takes it): the dimensions, then the counts.
#[pyfunction]
pub fn summary_columns(by: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    Ok(Summary::columns_by(&dimensions(by)?))
}

/// The column names of the analyses' rows, from the core's row types: `ATTAINMENT_COLUMNS`,
/// `TRANSITION_COLUMNS`, `ACCURACY_COLUMNS`.
pub fn add_columns(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add(
        "ATTAINMENT_COLUMNS",
        PyTuple::new(py, AttainmentRow::columns())?,
    )?;
    module.add(
        "TRANSITION_COLUMNS",
        PyTuple::new(py, TransitionCell::columns())?,
    )?;
    module.add(
        "ACCURACY_COLUMNS",
        PyTuple::new(py, AccuracyRow::columns())?,
    )?;
    Ok(())
}

/// Dimensions given as a `str` or a sequence of them; `ValueError` for an unknown one.
fn dimensions(by: &Bound<'_, PyAny>) -> PyResult<Vec<Dimension>> {
    let names: Vec<String> = if let Ok(name) = by.cast::<PyString>() {
        vec![name.to_cow()?.into_owned()]
    } else {
        by.try_iter()?
            .map(|item| item?.extract::<String>())
            .collect::<PyResult<_>>()?
    };
    names
        .iter()
        .map(|name| {
            name.parse()
                .map_err(|error: analytics::DimensionParseError| {
                    PyValueError::new_err(error.to_string())
                })
        })
        .collect()
}

/// The light → light transitions of every goal between two tertials of the system's year (a dict:
/// `from_tertial`, `to_tertial`, `cells`, `improved`, `worsened`, `unchanged`).
#[pyfunction]
pub fn transitions<'py>(
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
    from_tertial: &Bound<'py, PyAny>,
    to_tertial: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let from = tertial_arg(from_tertial)?;
    let to = tertial_arg(to_tertial)?;
    let (system_value, rows) = table(system, sheets)?;
    let transitions = analytics::transitions(&system_value, &rows, from, to)
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    json::to_python(system.py(), &transitions)
}

/// The forecast accuracy at year end: one row per perspective and forecasting tertial (T1, T2).
#[pyfunction]
pub fn forecast_accuracy<'py>(
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (system_value, rows) = table(system, sheets)?;
    json::to_python(
        system.py(),
        &analytics::forecast_accuracy(&system_value, &rows),
    )
}
