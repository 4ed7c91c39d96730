//! Conversions between the core's serde types and Python: dicts and JSON text out, dicts in
//! ([`to_value`]: dates, tertials and numpy scalars too), pickling through JSON, hashing consistent
//! with `==`, the path hint for a `str` that names a file, and the pieces of a `__repr__`.
//! (Documents in are read by [`crate::findings`], whose `ParseError` carries the findings.)

use std::hash::{Hash, Hasher};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use serde::Serialize;
use serde_json::Value;
use serde_json::ser::PrettyFormatter;
use zielsystem_core::rules::fields::Twin;
use zielsystem_core::{Code, Finding, Message, ValidationResult};

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

/// How a `Tertial` object reads as JSON (`"2022-T1"`), registered by the module at import
/// (`register_tertial_text`): the conversions here stay below `calendar`, which uses them.
static TERTIAL_TEXT: std::sync::OnceLock<TertialText> = std::sync::OnceLock::new();

/// Reads a `Tertial` object as its JSON text, or `None` for any other value.
pub type TertialText = fn(&Bound<'_, PyAny>) -> Option<String>;

/// Registers how a `Tertial` object reads as JSON; the first registration counts.
pub fn register_tertial_text(text_of: TertialText) {
    let _ = TERTIAL_TEXT.set(text_of);
}

/// A `TypeError`: `expected` (German, English), but got an object of another type.
pub fn type_error(source: &Bound<'_, PyAny>, expected: (&str, &str)) -> PyErr {
    let found = type_name(source);
    let (de, en) = expected;
    PyTypeError::new_err(format!(
        "erwartet {de}, erhalten {found} / expected {en}, got {found}"
    ))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |name| name.to_string())
}

/// A hash consistent with `==` on the value's JSON shape: equal values hash equally (`-0.0` and
/// `0.0` too, which compare equal), whatever the order of a map's keys.
pub fn hash<T: Serialize>(value: &T) -> PyResult<u64> {
    let value =
        serde_json::to_value(value).map_err(|error| PyValueError::new_err(error.to_string()))?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hash_value(&value, &mut hasher);
    Ok(std::hash::Hasher::finish(&hasher))
}

/// Documents nest at most `DEPTH_MAX` deep (the decoder's limit), so the recursion is bounded.
fn hash_value(value: &Value, state: &mut impl Hasher) {
    match value {
        Value::Null => 0u8.hash(state),
        Value::Bool(flag) => (1u8, flag).hash(state),
        Value::Number(number) => {
            2u8.hash(state);
            match number.as_f64() {
                // -0.0 == 0.0: one hash for both.
                Some(0.0) => 0u64.hash(state),
                Some(float) => float.to_bits().hash(state),
                None => number.to_string().hash(state),
            }
        }
        Value::String(text) => (3u8, text).hash(state),
        Value::Array(items) => {
            (4u8, items.len()).hash(state);
            for item in items {
                hash_value(item, state);
            }
        }
        Value::Object(map) => {
            (5u8, map.len()).hash(state);
            // serde_json's map is ordered by key (no `preserve_order`), so equal maps walk alike.
            for (key, item) in map {
                key.hash(state);
                hash_value(item, state);
            }
        }
    }
}

/// A Python value of a document's JSON shape as JSON: dicts (`str` keys), lists, tuples, `str`,
/// `int`, `float`, `bool`, `None`, and the values a notebook has at hand for them —
/// `datetime.date` (ISO text), `Tertial` (its code) and any number with `__index__` or `__float__`
/// (numpy and pandas scalars, `decimal.Decimal`, `fractions.Fraction`) without importing numpy.
/// The caller bounds the depth first ([`crate::findings`]' nesting check).
pub fn to_value(value: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    if value.cast::<PyInt>().is_ok() {
        return integer(value, at);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return number(float.value(), value, at);
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let mut map = serde_json::Map::new();
        for item in mapping.items()?.try_iter()? {
            let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
            let Ok(key) = key
                .cast::<PyString>()
                .map(|k| k.to_cow().map(std::borrow::Cow::into_owned))
            else {
                return Err(not_json(&key, &format!("{at} (Schlüssel / key)")));
            };
            let key = key?;
            let inner = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
            map.insert(key, to_value(&item, &inner)?);
        }
        return Ok(Value::Object(map));
    }
    // Any sequence but text and bytes: lists, tuples, and what has a length and items by index
    // (numpy arrays, which are no registered `Sequence`); sets have no order and are refused.
    let sequence = value.cast::<PyList>().is_ok()
        || value.cast::<PyTuple>().is_ok()
        || (value.hasattr("__len__")?
            && value.hasattr("__getitem__")?
            && value.cast::<PyBytes>().is_err()
            && value.cast::<PyByteArray>().is_err());
    if sequence {
        return value
            .try_iter()?
            .enumerate()
            .map(|(index, item)| to_value(&item?, &format!("{at}/{index}")))
            .collect::<PyResult<Vec<Value>>>()
            .map(Value::Array);
    }
    if let Some(text) = TERTIAL_TEXT.get().and_then(|text_of| text_of(value)) {
        return Ok(Value::String(text));
    }
    // `datetime.datetime` is a `date` too: its ISO text has a time, which the schema refuses
    // with a finding (a day is meant).
    if value.cast::<PyDate>().is_ok() {
        let iso = value.call_method0("isoformat")?;
        return Ok(Value::String(iso.extract()?));
    }
    if value.hasattr("__index__")? {
        let index = value.call_method0("__index__")?;
        return integer(&index, at);
    }
    if value.hasattr("__float__")? {
        let float: f64 = value.call_method0("__float__")?.extract()?;
        return number(float, value, at);
    }
    Err(not_json(value, at))
}

fn integer(value: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    if let Ok(small) = value.extract::<i64>() {
        return Ok(Value::from(small));
    }
    if let Ok(large) = value.extract::<u64>() {
        return Ok(Value::from(large));
    }
    Err(not_json(value, at))
}

fn number(float: f64, value: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    serde_json::Number::from_f64(float)
        .map(Value::Number)
        .ok_or_else(|| not_json(value, at))
}

fn not_json(value: &Bound<'_, PyAny>, at: &str) -> PyErr {
    let found = type_name(value);
    let shown = if at.is_empty() { "/" } else { at };
    PyTypeError::new_err(format!(
        "Das dict ist nicht als JSON darstellbar: {shown} ist vom Typ {found} / the dict is not JSON-compatible: {shown} is of type {found}"
    ))
}

/// `result` with a hint where `source` is a `str` that is not JSON but the path of an existing
/// file: its `JSON_SYNTAX` finding asks whether `pathlib.Path(...)` was meant.
pub fn with_path_hint(source: &Bound<'_, PyAny>, result: ValidationResult) -> ValidationResult {
    let Ok(text) = source.cast::<PyString>() else {
        return result;
    };
    let Ok(text) = text.to_cow() else {
        return result;
    };
    let looks_like_a_path = text.len() < 4096
        && !text.contains('\n')
        && !text.trim_start().starts_with(['{', '['])
        && std::path::Path::new(text.as_ref()).is_file();
    if !looks_like_a_path {
        return result;
    }
    let path = quoted(source.py(), &text);
    let findings = result
        .findings
        .into_iter()
        .map(|finding| {
            if finding.code != Code::JsonSyntax {
                return finding;
            }
            let param = |key: &str| finding.params.get(key).cloned().unwrap_or_default();
            let number = |key: &str| param(key).parse::<usize>().unwrap_or_default();
            Finding::new(
                Message::JsonSyntaxNamesFile {
                    line: number("line"),
                    column: number("column"),
                    detail: Twin::new(param("detail"), param("detail_en")),
                    path: path.clone(),
                },
                finding.path,
            )
        })
        .collect();
    ValidationResult::from_findings(findings)
}
