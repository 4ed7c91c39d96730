//! Bindings of `zielsystem_core::carry_over`: the draft of next year's target system
//! (`next_year`, also `TargetSystem.next_year`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zielsystem_core::TargetSystem;

use crate::json;
use crate::model::{PyTargetSystem, sheets_arg, system_arg};

/// The draft of next year's system from `system`, and what was not carried (a list of dicts with
/// `kind`, `path`, `message`, `message_en`). `final_sheets` (this year's T3 sheets) give the new
/// baselines; without them every baseline stays and is listed.
#[pyfunction]
#[pyo3(signature = (system, final_sheets = None))]
pub fn next_year<'py>(
    py: Python<'py>,
    system: &Bound<'py, PyAny>,
    final_sheets: Option<&Bound<'py, PyAny>>,
) -> PyResult<(PyTargetSystem, Bound<'py, PyAny>)> {
    let system = system_arg(system)?;
    carry(py, &system, final_sheets)
}

/// [`next_year`] on a system at hand.
pub fn carry<'py>(
    py: Python<'py>,
    system: &TargetSystem,
    final_sheets: Option<&Bound<'py, PyAny>>,
) -> PyResult<(PyTargetSystem, Bound<'py, PyAny>)> {
    let sheets = final_sheets.map(sheets_arg).transpose()?;
    let carried = zielsystem_core::carry_over::next_year(system, sheets.as_deref())
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    let not_carried = json::to_python(py, &carried.not_carried)?;
    Ok((
        PyTargetSystem {
            inner: carried.draft,
        },
        not_carried,
    ))
}
