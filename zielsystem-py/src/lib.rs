//! Python bindings of `zielsystem-core`: the native module `zielsystem._zielsystem`.
//!
//! Thin by design: every piece of domain logic lives in the core; this crate converts and forwards.
//! Its modules mirror the core's one to one (`calendar`, `model`, `findings`, `rules`,
//! `consolidate`, `oparl`, `analytics` and its `lineage`, `carry_over`, `review_log`, `steering`,
//! `render` for the letters) and `forms` mirrors `zielsystem-forms`, `pdf` mirrors `zielsystem-pdf`;
//! `json` holds the conversions to Python they share, and `findings` also reads documents from
//! Python values (its `ParseError` carries findings). The public face is the package `zielsystem` (see
//! `python/zielsystem`).

mod analytics;
mod calendar;
mod carry_over;
mod consolidate;
mod findings;
mod forms;
mod json;
mod lineage;
mod model;
mod oparl;
mod pdf;
mod render;
mod review_log;
mod rules;
mod steering;

use pyo3::prelude::*;

// Loading a corpus allocates and frees millions of small texts; glibc's allocator spent a third
// of that time consolidating its free lists (measured with perf on 51,000 sheets). The extension
// is a program of its own here, so it picks its allocator, as polars does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module.
#[pymodule]
fn _zielsystem(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("SCHEMA_VERSION", zielsystem_core::SCHEMA_VERSION)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<calendar::PyTertial>()?;
    module.add_function(wrap_pyfunction!(calendar::register_tertial_class, module)?)?;
    json::register_tertial_text(calendar::tertial_text);
    module.add_class::<model::PyTargetSystem>()?;
    module.add_class::<model::PyReportSheet>()?;
    module.add_class::<model::PyPaper>()?;
    module.add_class::<review_log::PyReviewLog>()?;
    module.add_class::<findings::PyFinding>()?;
    module.add_class::<findings::PyValidationResult>()?;
    module.add_class::<consolidate::PyTertialReport>()?;
    module.add_function(wrap_pyfunction!(rules::validate_system, module)?)?;
    module.add_function(wrap_pyfunction!(rules::validate_sheet, module)?)?;
    module.add_function(wrap_pyfunction!(rules::validate_sheets, module)?)?;
    module.add_function(wrap_pyfunction!(rules::validate_report, module)?)?;
    module.add_function(wrap_pyfunction!(rules::validate_paper, module)?)?;
    module.add_function(wrap_pyfunction!(review_log::validate_review_log, module)?)?;
    module.add_function(wrap_pyfunction!(steering::status, module)?)?;
    module.add_function(wrap_pyfunction!(steering::working_days_after, module)?)?;
    module.add_function(wrap_pyfunction!(render::reminders, module)?)?;
    module.add_function(wrap_pyfunction!(render::return_letter, module)?)?;
    module.add_function(wrap_pyfunction!(forms::read_form, module)?)?;
    module.add_function(wrap_pyfunction!(forms::read_forms, module)?)?;
    module.add_function(wrap_pyfunction!(consolidate::consolidate, module)?)?;
    module.add_function(wrap_pyfunction!(analytics::attainment_table, module)?)?;
    module.add_function(wrap_pyfunction!(analytics::summary_by, module)?)?;
    module.add_function(wrap_pyfunction!(analytics::summary_columns, module)?)?;
    analytics::add_columns(module)?;
    module.add_function(wrap_pyfunction!(analytics::transitions, module)?)?;
    module.add_function(wrap_pyfunction!(analytics::forecast_accuracy, module)?)?;
    module.add_class::<analytics::ArrowTable>()?;
    module.add_class::<analytics::PyCorpus>()?;
    module.add_function(wrap_pyfunction!(analytics::load_corpus, module)?)?;
    module.add_function(wrap_pyfunction!(analytics::labels_de, module)?)?;
    module.add_class::<lineage::PyLineage>()?;
    module.add_function(wrap_pyfunction!(lineage::lineage, module)?)?;
    module.add_function(wrap_pyfunction!(carry_over::next_year, module)?)?;
    Ok(())
}
