//! Conversions between Python values and the core's serde types: documents in (JSON text, bytes,
//! dicts, files), dicts and JSON text out, and pickling through JSON.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use serde_json::ser::PrettyFormatter;
use zielsystem_core::decode::limits::DEPTH_MAX;
use zielsystem_core::{Finding, Message, ValidationResult};

use crate::findings::parse_error;

/// Which Python forms a document argument may take.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// JSON text: `str` or `bytes` (`from_json`).
    Json,
    /// A `dict` of the JSON shape (`from_dict`).
    Dict,
    /// Any of them (validation and the other functions).
    Any,
}

impl Form {
    fn expected(self) -> &'static str {
        match self {
            Form::Json => "str oder bytes (JSON)",
            Form::Dict => "dict (Mapping)",
            Form::Any => "str, bytes oder dict (Mapping)",
        }
    }
}

/// The JSON bytes of a document given as `str`, `bytes` or `dict` (as `form` allows); `None` for any
/// other object.
pub fn document_bytes(source: &Bound<'_, PyAny>, form: Form) -> PyResult<Option<Vec<u8>>> {
    if form != Form::Dict {
        if let Ok(text) = source.cast::<PyString>() {
            return Ok(Some(text.to_cow()?.as_bytes().to_vec()));
        }
        if let Ok(bytes) = source.cast::<PyBytes>() {
            return Ok(Some(bytes.as_bytes().to_vec()));
        }
    }
    if form != Form::Json && source.cast::<PyMapping>().is_ok() {
        check_nesting(source)?;
        let value: serde_json::Value = pythonize::depythonize(source).map_err(|error| {
            PyTypeError::new_err(format!(
                "Das dict ist nicht als JSON darstellbar / the dict is not JSON-compatible: {error}"
            ))
        })?;
        let bytes =
            serde_json::to_vec(&value).map_err(|error| PyValueError::new_err(error.to_string()))?;
        return Ok(Some(bytes));
    }
    Ok(None)
}

/// Refuses a dict whose dicts, lists and tuples nest deeper than the core's limit
/// ([`DEPTH_MAX`]) with a `ParseError` carrying the `SCHEMA_LIMIT` finding, as JSON text that deep
/// gets. Walks without recursion: the dict → JSON conversion recurses, and a dict 10,000 deep
/// overflowed the stack there.
fn check_nesting(root: &Bound<'_, PyAny>) -> PyResult<()> {
    let mut stack = vec![(root.clone(), 1usize)];
    while let Some((value, depth)) = stack.pop() {
        let children = if let Ok(mapping) = value.cast::<PyMapping>() {
            mapping.values()?.into_any()
        } else if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
            value
        } else {
            continue;
        };
        if depth > DEPTH_MAX {
            let finding = Finding::new(Message::SchemaLimitDepth, "", [("limit", DEPTH_MAX)]);
            let result = ValidationResult::from_findings(vec![finding]);
            return Err(parse_error(root.py(), "dict", result));
        }
        for child in children.try_iter()? {
            stack.push((child?, depth + 1));
        }
    }
    Ok(())
}

/// Like [`document_bytes`], but a `TypeError` for any other object.
pub fn require_document_bytes(source: &Bound<'_, PyAny>, form: Form) -> PyResult<Vec<u8>> {
    document_bytes(source, form)?.ok_or_else(|| type_error(source, form.expected()))
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

/// Parses `source` (in the given form) with `parse`, raising `ParseError` naming `what` (or
/// `TypeError` for an object of another form).
pub fn load<T>(
    source: &Bound<'_, PyAny>,
    form: Form,
    what: &str,
    parse: fn(&[u8]) -> Result<T, ValidationResult>,
) -> PyResult<T> {
    let bytes = require_document_bytes(source, form)?;
    parse(&bytes).map_err(|result| parse_error(source.py(), what, result))
}

/// Reads `path` and parses it with `parse`, raising `OSError` or `ParseError` naming `what`.
pub fn load_file<T>(
    py: Python<'_>,
    path: PathBuf,
    what: &str,
    parse: fn(&[u8]) -> Result<T, ValidationResult>,
) -> PyResult<T> {
    let bytes = std::fs::read(path)?;
    parse(&bytes).map_err(|result| parse_error(py, what, result))
}

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

/// The `#[pymethods]` block of a frozen class wrapping a serde value in `inner`: the constructors
/// `from_json`, `from_dict`, `from_file`, the conversions `to_dict`, `to_json`, pickling through
/// JSON, and the class's own `{ … }` methods.
#[macro_export]
macro_rules! json_class_methods {
    ($class:ident, $name:literal, $parse:path, { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            #[doc = concat!("Parses a `", $name, "` from JSON text (`str` or `bytes`); `ParseError` lists every problem.")]
            #[classmethod]
            fn from_json(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                data: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::PyResult<Self> {
                $crate::json::load(data, $crate::json::Form::Json, $name, $parse)
                    .map(|inner| $class { inner })
            }

            #[doc = concat!("Builds a `", $name, "` from a dict of its JSON shape.")]
            #[classmethod]
            fn from_dict(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                data: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::PyResult<Self> {
                $crate::json::load(data, $crate::json::Form::Dict, $name, $parse)
                    .map(|inner| $class { inner })
            }

            #[doc = concat!("Reads a `", $name, "` from a JSON file (`str` or `os.PathLike`).")]
            #[classmethod]
            fn from_file(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                py: pyo3::Python<'_>,
                path: std::path::PathBuf,
            ) -> pyo3::PyResult<Self> {
                $crate::json::load_file(py, path, $name, $parse).map(|inner| $class { inner })
            }

            #[doc = concat!("The `", $name, "` as a dict of its JSON shape.")]
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::json::to_python(py, &self.inner)
            }

            #[doc = concat!("The `", $name, "` as JSON text; `indent` spaces per level when given.")]
            #[pyo3(signature = (*, indent = None))]
            fn to_json(&self, indent: Option<usize>) -> pyo3::PyResult<String> {
                $crate::json::to_json(&self.inner, indent)
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, pyo3::Bound<'py, pyo3::types::PyTuple>)> {
                $crate::json::reduce(slf.as_any(), &slf.get().inner)
            }

            $($methods)*
        }
    };
}
