//! Bindings of `zielsystem_core::steering`: `status` (where every goal's sheet of a tertial stands
//! on a day, per member, with the escalation list) and `working_days_after` (Berlin's working days).

use chrono::NaiveDate;
use pyo3::prelude::*;
use zielsystem_core::steering::status::StatusOverview;
use zielsystem_core::steering::{holidays, status as core_status};

use crate::calendar::tertial_arg;
use crate::json;
use crate::model::{SystemArg, given, sheets_arg, system_arg};
use crate::review_log::PyReviewLog;

// The default written out, so Python's signature shows it; it is the core's.
const _: () = assert!(core_status::DEFAULT_GRACE_WORKING_DAYS == 5);

/// The status overview of `tertial` on `as_of` as a dict: per member the goals with due date,
/// `reporting_status` (as in the tertial report), `review_status` from the `log`, working days
/// overdue, and the `escalations` past `grace_working_days`.
#[pyfunction]
#[pyo3(signature = (system, tertial, as_of, sheets, log = None, grace_working_days = 5))]
pub fn status<'py>(
    py: Python<'py>,
    system: &Bound<'py, PyAny>,
    tertial: &Bound<'py, PyAny>,
    as_of: NaiveDate,
    sheets: &Bound<'py, PyAny>,
    log: Option<&Bound<'py, PyAny>>,
    grace_working_days: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let (_, overview) = overview(py, system, tertial, as_of, sheets, log, grace_working_days)?;
    json::to_python(py, &overview)
}

/// The status overview of the Python arguments of [`status`], with the target system it was read
/// from (the letters need it too).
pub(crate) fn overview<'py>(
    py: Python<'py>,
    system: &Bound<'py, PyAny>,
    tertial: &Bound<'py, PyAny>,
    as_of: NaiveDate,
    sheets: &Bound<'py, PyAny>,
    log: Option<&Bound<'py, PyAny>>,
    grace_working_days: u32,
) -> PyResult<(SystemArg<'py>, StatusOverview)> {
    let system = system_arg(system)?;
    let tertial = tertial_arg(tertial)?;
    let sheets = sheets_arg(sheets)?;
    let log = log
        .map(|log| given::<PyReviewLog>(log)?.document(py, "ReviewLog"))
        .transpose()?;
    let overview = core_status::status(
        &system,
        tertial,
        as_of,
        &sheets,
        log.as_ref(),
        grace_working_days,
    );
    Ok((system, overview))
}

/// The working days in Berlin after `start` up to and including `end` (weekends and Berlin's
/// public holidays do not count); 0 when `end` is not after `start`.
#[pyfunction]
pub fn working_days_after(start: NaiveDate, end: NaiveDate) -> u32 {
    holidays::working_days_after(start, end)
}
