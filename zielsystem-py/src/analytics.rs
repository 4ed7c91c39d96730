//! Bindings of `zielsystem_core::analytics`: the attainment table, summaries, transitions and the
//! forecast accuracy, returned as plain rows (dicts) that `zielsystem.Table` wraps.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use zielsystem_core::TargetSystem;
use zielsystem_core::analytics::{self, AttainmentRow, Dimension};

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
    let names: Vec<String> = if let Ok(name) = by.cast::<PyString>() {
        vec![name.to_cow()?.into_owned()]
    } else {
        by.try_iter()?
            .map(|item| item?.extract::<String>())
            .collect::<PyResult<_>>()?
    };
    let dimensions: Vec<Dimension> = names
        .iter()
        .map(|name| {
            name.parse()
                .map_err(|error: analytics::DimensionParseError| {
                    PyValueError::new_err(error.to_string())
                })
        })
        .collect::<PyResult<_>>()?;
    let (system_value, rows) = table(system, sheets)?;
    json::to_python(
        system.py(),
        &analytics::summary_by(&system_value, &rows, &dimensions),
    )
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
