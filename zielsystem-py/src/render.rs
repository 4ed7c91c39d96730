//! Bindings of the letters in `zielsystem_core::render`: the reminder letters
//! (`render::reminder`) and the return letter (`render::return_letter`), each as a dict with the
//! letter in Markdown and HTML.

use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use zielsystem_core::render::RenderOptions;
use zielsystem_core::render::reminder;
use zielsystem_core::render::return_letter::{self as core_return, ReturnLetterOptions};

use crate::model::{given, sheets_arg, system_arg};
use crate::review_log::PyReviewLog;
use crate::steering::overview;

fn options(example: bool) -> RenderOptions {
    RenderOptions { example }
}

/// The reminder letters of the status of `tertial` on `as_of`: one per member with a sheet still
/// awaited (none yet, or returned and not resubmitted), signed by `sender`, as dicts with `member`,
/// `markdown` and `html`. `example` marks them as examples.
#[pyfunction]
#[pyo3(signature = (system, tertial, as_of, sheets, log = None, grace_working_days = 5, sender = "Steuerungsdienst", example = false))]
#[allow(clippy::too_many_arguments)]
pub fn reminders<'py>(
    py: Python<'py>,
    system: &Bound<'py, PyAny>,
    tertial: &Bound<'py, PyAny>,
    as_of: NaiveDate,
    sheets: &Bound<'py, PyAny>,
    log: Option<&Bound<'py, PyAny>>,
    grace_working_days: u32,
    sender: &str,
    example: bool,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let (system, overview) = overview(py, system, tertial, as_of, sheets, log, grace_working_days)?;
    reminder::reminders(&overview, &system, sender, options(example))
        .into_iter()
        .map(|letter| {
            let dict = PyDict::new(py);
            dict.set_item("member", letter.member)?;
            dict.set_item("markdown", letter.markdown)?;
            dict.set_item("html", letter.html)?;
            Ok(dict)
        })
        .collect()
}

/// The return letter for the latest return of `goal`'s sheet in `log`: the findings the log names
/// in plain words with their field, the reviewer's comment and the new due date, as a dict with
/// `goal`, `member`, `due_on`, `digest` (the returned version), `markdown` and `html`. `sheets`
/// should hold the returned version (found by its digest); `attachment` names the pre-filled form
/// sent with it. Raises `ValueError` when the log records no return of the goal's sheet.
#[pyfunction]
#[pyo3(signature = (log, goal, system, sheets, sender = None, attachment = None, example = false))]
#[allow(clippy::too_many_arguments)]
pub fn return_letter<'py>(
    py: Python<'py>,
    log: &Bound<'py, PyAny>,
    goal: &str,
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
    sender: Option<&str>,
    attachment: Option<&str>,
    example: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let log = given::<PyReviewLog>(log)?.document(py, "ReviewLog")?;
    let system = system_arg(system)?;
    let sheets = sheets_arg(sheets)?;
    let letter = core_return::return_letter(
        &log,
        goal,
        &system,
        &sheets,
        ReturnLetterOptions {
            sender,
            attachment,
            render: options(example),
        },
    )
    .map_err(|error| PyValueError::new_err(error.to_string()))?;
    let dict = PyDict::new(py);
    dict.set_item("goal", letter.goal)?;
    dict.set_item("member", letter.member)?;
    dict.set_item("due_on", letter.due_on.to_string())?;
    dict.set_item("digest", letter.digest)?;
    dict.set_item("markdown", letter.markdown)?;
    dict.set_item("html", letter.html)?;
    Ok(dict)
}
