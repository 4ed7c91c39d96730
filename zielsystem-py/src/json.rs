//! Conversions from the core's serde types to Python: dicts and JSON text out, pickling through
//! JSON, and the pieces of a `__repr__`. (Documents in are read by [`crate::findings`], whose
//! `ParseError` carries the findings.)

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use serde::Serialize;
use serde_json::ser::PrettyFormatter;

/// The value as Python objects of its JSON shape (dicts, lists, str, int, float, bool, None).
pub fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|error| PyValueError::new_err(error.to_string()))
}

/// The value as JSON text; `indent` spaces per level when given, compact otherwise.
pub fn to_json<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let bytes = match indent {
        None => serde_json::to_vec(value),
        Some(width) => {
            let spaces = " ".repeat(width);
            let mut out = Vec::new();
            let formatter = PrettyFormatter::with_indent(spaces.as_bytes());
            let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
            value.serialize(&mut serializer).map(|()| out)
        }
    }
    .map_err(|error| PyValueError::new_err(error.to_string()))?;
    String::from_utf8(bytes).map_err(|error| PyValueError::new_err(error.to_string()))
}

/// `__reduce__` through JSON: `(type(obj).from_json, (obj.to_json(),))`.
pub fn reduce<'py, T: Serialize>(
    object: &Bound<'py, PyAny>,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
    let constructor = object.get_type().getattr("from_json")?;
    let arguments = PyTuple::new(object.py(), [to_json(value, None)?])?;
    Ok((constructor, arguments))
}

/// `Name(key=value, …)` for a `__repr__`.
pub fn repr(name: &str, fields: &[(&str, String)]) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    format!("{name}({})", inner.join(", "))
}

/// The Python `repr` of a string (for `__repr__`).
pub fn quoted(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map_or_else(|_| format!("{text:?}"), |repr| repr.to_string())
}

/// A `TypeError`: `expected`, but got an object of another type.
pub fn type_error(source: &Bound<'_, PyAny>, expected: &str) -> PyErr {
    let found = source
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |name| name.to_string());
    PyTypeError::new_err(format!(
        "erwartet / expected {expected}, erhalten / got {found}"
    ))
}
