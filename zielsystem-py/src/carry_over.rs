//! Bindings of `zielsystem_core::carry_over`: the draft of next year's target system
//! (`next_year`, also `TargetSystem.next_year`).

use pyo3::prelude::*;

use crate::model::{PyTargetSystem, system_arg};

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
    crate::model::next_year_of(py, &system, final_sheets)
}
