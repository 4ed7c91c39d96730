//! Bindings of `zielsystem_core::analytics`: the attainment table, summaries, transitions, the
//! forecast accuracy, the detail tables and corpora of many authorities and years. Every table
//! comes back as an `ArrowTable`: the rows stay in Rust, typed Arrow columns go to pyarrow, polars,
//! pandas or `DuckDB` through the Arrow capsule interface (`__arrow_c_stream__`) without a copy,
//! and single rows become dicts only when asked for. `zielsystem.Table` wraps it.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field};
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList, PyString, PyTuple};
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};
use serde::Serialize;
use zielsystem_arrow::{ArrowRow, CsvDialect, Format, Table};
use zielsystem_core::TargetSystem;
use zielsystem_core::analytics::corpus::{LoadOptions, Problem};
use zielsystem_core::analytics::{
    self, AccuracyRow, AttainmentRow, Corpus, Dimension, Row, Summary, TransitionCell,
};

use crate::calendar::tertial_arg;
use crate::json;
use crate::model::{sheets_arg, system_arg};

/// What `ArrowTable` needs of a table, whatever its row type.
trait AnyTable: Send + Sync {
    fn len(&self) -> usize;
    fn batch(&self) -> PyResult<&RecordBatch>;
    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyAny>>;
    fn names(&self) -> Vec<&'static str>;
    fn write(&self, format: Format, path: &std::path::Path) -> PyResult<usize>;
    fn title_de(&self) -> &'static str;
}

struct Rows<R> {
    table: Table<R>,
    batch: OnceLock<RecordBatch>,
}

fn export_error(error: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// File errors as `OSError` (of the subclass for their kind) naming the file; others `ValueError`.
fn io_error(error: zielsystem_arrow::ExportError) -> PyErr {
    match error {
        zielsystem_arrow::ExportError::Io { path, source } => PyErr::from(std::io::Error::new(
            source.kind(),
            format!("{path}: {source}"),
        )),
        other => export_error(other),
    }
}

impl<R: ArrowRow + Serialize + Send + Sync> AnyTable for Rows<R> {
    fn len(&self) -> usize {
        self.table.rows().len()
    }

    fn batch(&self) -> PyResult<&RecordBatch> {
        if let Some(batch) = self.batch.get() {
            return Ok(batch);
        }
        let batch = self.table.record_batch().map_err(export_error)?;
        Ok(self.batch.get_or_init(|| batch))
    }

    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyAny>> {
        let row = self.table.rows().get(index).ok_or_else(|| {
            PyIndexError::new_err("Zeile außerhalb der Tabelle / row out of range")
        })?;
        let full = json::to_python(py, row)?;
        // A summary shows only its dimensions: keep the dict to the table's columns.
        if self.table.columns().len() == R::columns().len() {
            return Ok(full);
        }
        let dict = PyDict::new(py);
        for column in self.table.columns() {
            if let Some(value) = full.cast::<PyDict>()?.get_item(column.name)? {
                dict.set_item(column.name, value)?;
            }
        }
        Ok(dict.into_any())
    }

    fn names(&self) -> Vec<&'static str> {
        self.table.columns().iter().map(|c| c.name).collect()
    }

    fn write(&self, format: Format, path: &std::path::Path) -> PyResult<usize> {
        self.table.write(format, path).map_err(io_error)
    }

    fn title_de(&self) -> &'static str {
        R::TITLE_DE
    }
}

/// A table of an analysis: rows in Rust, typed Arrow columns through the Arrow capsule
/// interface, single rows as dicts.
#[pyclass(frozen, module = "zielsystem._zielsystem", name = "ArrowTable")]
pub struct ArrowTable {
    inner: Box<dyn AnyTable>,
}

impl ArrowTable {
    fn new<R: ArrowRow + Serialize + Send + Sync + 'static>(table: Table<R>) -> Self {
        ArrowTable {
            inner: Box::new(Rows {
                table,
                batch: OnceLock::new(),
            }),
        }
    }

    fn of<R: ArrowRow + Serialize + Send + Sync + 'static>(rows: Vec<R>) -> Self {
        ArrowTable::new(Table::new(rows))
    }
}

#[pymethods]
impl ArrowTable {
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The row at `index` (0-based, not negative) as a dict of its JSON shape.
    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyAny>> {
        self.inner.row(py, index)
    }

    /// The rows from `start` up to `stop` as a list of dicts.
    fn rows<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        stop: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let stop = stop.min(self.inner.len());
        let list = PyList::empty(py);
        for index in start..stop {
            list.append(self.inner.row(py, index)?)?;
        }
        Ok(list)
    }

    /// The column names, in order.
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        self.inner.names()
    }

    /// The German name of the table.
    #[getter]
    fn title_de(&self) -> &'static str {
        self.inner.title_de()
    }

    /// The values of each dictionary column (vocabularies and tertials), in their order.
    fn categories(&self) -> PyResult<Vec<(String, Vec<String>)>> {
        let batch = self.inner.batch()?;
        let mut out = Vec::new();
        for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
            if !matches!(field.data_type(), DataType::Dictionary(..)) {
                continue;
            }
            let Some(dictionary) = column.as_any_dictionary_opt() else {
                continue;
            };
            let values = dictionary
                .values()
                .as_string::<i32>()
                .iter()
                .map(|value| value.unwrap_or_default().to_string())
                .collect();
            out.push((field.name().clone(), values));
        }
        Ok(out)
    }

    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let batch = self.inner.batch()?;
        Ok(to_schema_pycapsule(py, batch.schema().as_ref())?)
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let batch = self.inner.batch()?.clone();
        let schema = batch.schema();
        let field = Field::new_struct("", schema.fields().clone(), false)
            .with_metadata(schema.metadata().clone());
        let array: ArrayRef = Arc::new(StructArray::from(batch));
        let reader = Box::new(ArrayIterator::new(
            std::iter::once(Ok(array)),
            Arc::new(field),
        ));
        Ok(to_stream_pycapsule(py, reader, requested_schema)?)
    }

    /// Writes the table: `format` is `parquet`, `csv`, `csv-excel` or `xlsx`; `partition` splits
    /// Parquet by authority and year into a folder. Returns the number of files written.
    #[pyo3(signature = (path, format, partition=false))]
    #[allow(clippy::needless_pass_by_value)] // pyo3 extracts the path as an owned value
    fn write(
        &self,
        py: Python<'_>,
        path: PathBuf,
        format: &str,
        partition: bool,
    ) -> PyResult<usize> {
        let format = match (format, partition) {
            ("parquet", false) => Format::Parquet,
            ("parquet", true) => Format::ParquetPartitioned,
            ("csv", false) => Format::Csv(CsvDialect::Plain),
            ("csv-excel", false) => Format::Csv(CsvDialect::Excel),
            ("xlsx", false) => Format::Xlsx,
            (_, true) => {
                return Err(PyValueError::new_err(
                    "partition gilt nur für parquet / partition is for parquet only",
                ));
            }
            (other, _) => {
                return Err(PyValueError::new_err(format!(
                    "„{}“ ist kein Format (parquet, csv, csv-excel, xlsx) / is not a format",
                    other.chars().take(40).collect::<String>()
                )));
            }
        };
        let inner = &self.inner;
        py.detach(|| inner.write(format, &path))
    }
}

fn table(
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
) -> PyResult<(TargetSystem, Vec<AttainmentRow>)> {
    let system = system_arg(system)?;
    let sheets = sheets_arg(sheets)?;
    let rows = analytics::attainment_table(&system, &sheets);
    Ok((TargetSystem::clone(&system), rows))
}

/// The attainment table: one row per goal and tertial with a sheet that counts.
#[pyfunction]
pub fn attainment_table(
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
) -> PyResult<ArrowTable> {
    let (_, rows) = table(system, sheets)?;
    Ok(ArrowTable::of(rows))
}

/// Summaries of the attainment table by the given dimensions (`authority`, `year`, `tertial`,
/// `perspective`, `portfolio`; a `str` or a sequence of them; empty: one group of everything).
#[pyfunction]
pub fn summary_by(
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
    by: &Bound<'_, PyAny>,
) -> PyResult<ArrowTable> {
    let dimensions = dimensions(by)?;
    let (system_value, rows) = table(system, sheets)?;
    let summary = analytics::summary_by(&system_value, &rows, &dimensions);
    Ok(ArrowTable::new(Table::with_columns(
        summary,
        &Summary::columns_by(&dimensions),
    )))
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
        PyTuple::new(py, <AttainmentRow as Row>::columns())?,
    )?;
    module.add(
        "TRANSITION_COLUMNS",
        PyTuple::new(py, <TransitionCell as Row>::columns())?,
    )?;
    module.add(
        "ACCURACY_COLUMNS",
        PyTuple::new(py, <AccuracyRow as Row>::columns())?,
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

/// The light → light transitions of every goal between two tertials of the system's year: a dict
/// with `from_tertial`, `to_tertial`, `improved`, `worsened`, `unchanged` and `cells` (a table).
#[pyfunction]
pub fn transitions<'py>(
    system: &Bound<'py, PyAny>,
    sheets: &Bound<'py, PyAny>,
    from_tertial: &Bound<'py, PyAny>,
    to_tertial: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let from = tertial_arg(from_tertial)?;
    let to = tertial_arg(to_tertial)?;
    let (system_value, rows) = table(system, sheets)?;
    let transitions = analytics::transitions(&system_value, &rows, from, to)
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    let py = system.py();
    let dict = PyDict::new(py);
    dict.set_item("from_tertial", transitions.from_tertial.to_string())?;
    dict.set_item("to_tertial", transitions.to_tertial.to_string())?;
    dict.set_item("improved", transitions.improved)?;
    dict.set_item("worsened", transitions.worsened)?;
    dict.set_item("unchanged", transitions.unchanged)?;
    dict.set_item("cells", ArrowTable::of(transitions.cells))?;
    Ok(dict)
}

/// The forecast accuracy at year end: one row per perspective and forecasting tertial (T1, T2).
#[pyfunction]
pub fn forecast_accuracy(
    system: &Bound<'_, PyAny>,
    sheets: &Bound<'_, PyAny>,
) -> PyResult<ArrowTable> {
    let (system_value, rows) = table(system, sheets)?;
    Ok(ArrowTable::of(analytics::forecast_accuracy(
        &system_value,
        &rows,
    )))
}

/// The German labels of the values of every vocabulary column: `{column: {value: label}}`.
#[pyfunction]
pub fn labels_de(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    use zielsystem_arrow::tables::{
        DIRECTION, FORECAST, LEVEL, LIGHT, PERSPECTIVE, REPORTING_STATUS,
    };
    let out = PyDict::new(py);
    for (columns, category) in [
        (&["forecast"][..], FORECAST),
        (&["light", "from_light", "to_light"][..], LIGHT),
        (&["perspective"][..], PERSPECTIVE),
        (&["reporting_status"][..], REPORTING_STATUS),
        (&["likelihood", "impact"][..], LEVEL),
        (&["direction"][..], DIRECTION),
    ] {
        let labels = PyDict::new(py);
        for (value, label) in category.values.iter().zip(category.labels_de) {
            labels.set_item(value, label)?;
        }
        for column in columns {
            out.set_item(column, labels.copy()?)?;
        }
    }
    Ok(out)
}

/// The systems and sheets of many authorities and years, grouped by (authority, year), with the
/// documents that could not be placed.
#[pyclass(frozen, module = "zielsystem._zielsystem", name = "Corpus")]
pub struct PyCorpus {
    corpus: Corpus,
}

#[pymethods]
impl PyCorpus {
    /// The attainment table of every authority and year.
    fn attainment_table(&self) -> ArrowTable {
        ArrowTable::of(self.corpus.attainment_table())
    }

    /// Summaries of every authority's and year's attainment table by the given dimensions
    /// (`authority`, `year`, `tertial`, `perspective`, `portfolio`).
    fn summary_by(&self, by: &Bound<'_, PyAny>) -> PyResult<ArrowTable> {
        let dimensions = dimensions(by)?;
        Ok(ArrowTable::new(Table::with_columns(
            self.corpus.summary_by(&dimensions),
            &Summary::columns_by(&dimensions),
        )))
    }

    /// Countermeasures × org units of every authority and year.
    fn countermeasure_table(&self) -> ArrowTable {
        ArrowTable::of(self.corpus.countermeasure_table())
    }

    /// Indicator values against baseline and target.
    fn indicator_table(&self) -> ArrowTable {
        ArrowTable::of(self.corpus.indicator_table())
    }

    /// Risks.
    fn risk_table(&self) -> ArrowTable {
        ArrowTable::of(self.corpus.risk_table())
    }

    /// Punctuality per member and tertial.
    fn punctuality_table(&self) -> ArrowTable {
        ArrowTable::of(self.corpus.punctuality_table())
    }

    /// Every document not placed or with error findings.
    fn problems(&self) -> ArrowTable {
        ArrowTable::of::<Problem>(self.corpus.problems.clone())
    }

    /// (authority, year) of each target system, in order.
    #[getter]
    fn groups(&self) -> Vec<(String, i32)> {
        self.corpus
            .groups
            .iter()
            .map(|group| (group.system.authority.clone(), group.system.year))
            .collect()
    }

    /// Sheets read.
    #[getter]
    fn sheets_read(&self) -> usize {
        self.corpus.sheets_read
    }

    /// Sheets placed with their system.
    #[getter]
    fn sheets_placed(&self) -> usize {
        self.corpus.sheets_placed()
    }

    /// Documents not placed.
    #[getter]
    fn unplaced_count(&self) -> usize {
        self.corpus.unplaced().count()
    }

    fn __repr__(&self) -> String {
        format!(
            "Corpus({} systems, {} of {} sheets placed, {} documents not placed)",
            self.corpus.groups.len(),
            self.corpus.sheets_placed(),
            self.corpus.sheets_read,
            self.corpus.unplaced().count()
        )
    }
}

/// Loads target systems and sheets of many authorities and years from files and folders (the
/// `zielsystem-gen` layout with `systems.jsonl` and `sheets.jsonl`, or folder trees of JSON),
/// checks them and groups them by (authority, year). The GIL is released meanwhile.
#[pyfunction]
#[pyo3(signature = (paths, systems=Vec::new(), valid_only=false))]
#[allow(clippy::needless_pass_by_value)] // pyo3 extracts the lists as owned values
pub fn load_corpus(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    systems: Vec<PathBuf>,
    valid_only: bool,
) -> PyResult<PyCorpus> {
    let corpus = py
        .detach(|| {
            zielsystem_arrow::load::read_corpus(&systems, &paths, LoadOptions { valid_only })
        })
        .map_err(io_error)?;
    Ok(PyCorpus { corpus })
}
