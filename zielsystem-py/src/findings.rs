//! Bindings of `zielsystem_core::findings`: `Finding`, `ValidationResult`, the `ParseError` raised
//! when a typed constructor gets a document that is not of its shape, and the `LifecycleError`
//! raised when a report refuses a lifecycle step.
//!
//! Reading a document from a Python value (JSON text, bytes, dict, file) lives here too, with the
//! `#[pymethods]` every document class shares ([`json_class_methods`]): its failure is a
//! `ParseError` carrying a `ValidationResult`, which is itself read that way, so the three are one
//! module rather than a circle of modules.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyMapping, PyString, PyTuple};
use zielsystem_core::decode::limits::DEPTH_MAX;
use zielsystem_core::{Code, Decode, Finding, Message, Severity, ValidationResult};

use crate::json;

/// One problem found in a document: rule code, severity, JSON Pointer, German and English message,
/// and the values that filled the message.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "Finding",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyFinding {
    pub inner: Finding,
}

crate::json_class_methods!(PyFinding, "Finding", {
    /// The stable rule code, e.g. `"RS03"` or `"SCHEMA_REQUIRED"`.
    #[getter]
    fn code<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        code_string(py, self.inner.code)
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        match self.inner.severity {
            Severity::Error => pyo3::intern!(py, "error"),
            Severity::Warning => pyo3::intern!(py, "warning"),
        }
    }

    /// JSON Pointer (RFC 6901) of the offending value; `""` for the whole document.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// The message in German.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message_en
    }

    /// The values that filled the message (a fresh dict).
    #[getter]
    fn params(&self) -> BTreeMap<String, String> {
        self.inner.params.clone()
    }

    /// The cell of a finding in a form (`"Berichtsblatt!C14"`), `None` elsewhere.
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.inner
            .params
            .get(zielsystem_forms::CELL_PARAM)
            .map(String::as_str)
    }

    /// Whether the finding makes its document invalid (severity `error`).
    #[getter]
    fn is_error(&self) -> bool {
        self.inner.is_error()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        json::repr(
            "Finding",
            &[
                ("code", json::quoted(py, self.inner.code.as_str())),
                ("severity", json::quoted(py, self.inner.severity.as_str())),
                ("path", json::quoted(py, &self.inner.path)),
                ("message", json::quoted(py, &self.inner.message)),
            ],
        )
    }

    fn __str__(&self) -> String {
        let at = if self.inner.path.is_empty() {
            String::new()
        } else {
            format!(" {}", self.inner.path)
        };
        format!("{}{at}: {}", self.inner.code, self.inner.message)
    }
});

/// The outcome of validating one document: `valid` and every finding, in the order the rules ran.
#[pyclass(
    frozen,
    eq,
    module = "zielsystem",
    name = "ValidationResult",
    skip_from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyValidationResult {
    pub inner: ValidationResult,
}

impl PyValidationResult {
    fn wrap(findings: impl Iterator<Item = Finding>) -> Vec<PyFinding> {
        findings.map(|inner| PyFinding { inner }).collect()
    }

    /// The valid result without findings: one object, shared by every validation that finds
    /// nothing (it is immutable), so the common case creates no Python object.
    pub fn empty(py: Python<'_>) -> PyResult<Py<Self>> {
        static EMPTY: PyOnceLock<Py<PyValidationResult>> = PyOnceLock::new();
        EMPTY
            .get_or_try_init(py, || {
                let inner = ValidationResult::from_findings(Vec::new());
                Py::new(py, PyValidationResult { inner })
            })
            .map(|empty| empty.clone_ref(py))
    }
}

/// The code as a Python string, one interned object per code: `finding.code` and
/// `result.codes` create no string.
fn code_string(py: Python<'_>, code: Code) -> Bound<'_, PyString> {
    static CODES: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();
    let codes = CODES.get_or_init(py, || {
        Code::ALL
            .iter()
            .map(|code| PyString::intern(py, code.as_str()).unbind())
            .collect()
    });
    // `Code::ALL` lists the codes in declaration order, so a code's discriminant is its index.
    codes.get(code as usize).map_or_else(
        || PyString::intern(py, code.as_str()),
        |interned| interned.bind(py).clone(),
    )
}

crate::json_class_methods!(PyValidationResult, "ValidationResult", {
    /// False exactly when a finding of severity `error` exists.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// Every finding, in the order the rules ran.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        Self::wrap(self.inner.findings.iter().cloned())
    }

    /// The findings of severity `error`.
    #[getter]
    fn errors(&self) -> Vec<PyFinding> {
        Self::wrap(self.inner.errors().cloned())
    }

    /// The findings of severity `warning`.
    #[getter]
    fn warnings(&self) -> Vec<PyFinding> {
        Self::wrap(self.inner.warnings().cloned())
    }

    /// The codes found, in order, with repetitions.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyString>> {
        self.inner
            .findings
            .iter()
            .map(|finding| code_string(py, finding.code))
            .collect()
    }

    /// `valid`: `if result:` holds exactly when no finding of severity `error` exists (warnings
    /// do not make a result false).
    fn __bool__(&self) -> bool {
        self.inner.valid
    }

    /// Whether a finding of this code exists.
    fn has(&self, code: &str) -> bool {
        self.inner.findings.iter().any(|f| f.code.as_str() == code)
    }

    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self
            .inner
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        json::repr(
            "ValidationResult",
            &[
                (
                    "valid",
                    if self.inner.valid { "True" } else { "False" }.to_string(),
                ),
                ("codes", format!("{codes:?}").replace('"', "'")),
            ],
        )
    }
});

/// The `zielsystem.ParseError` for `result`: the document is not a `what`.
pub fn parse_error(py: Python<'_>, what: &str, result: ValidationResult) -> PyErr {
    let count = result.findings.len();
    let headline = format!(
        "kein gültiges Dokument vom Typ {what} ({count} Befund(e)) / not a valid {what} ({count} finding(s))"
    );
    raise(py, "ParseError", headline, result)
}

/// The `zielsystem.LifecycleError` for `result`: the report cannot move from `stage` to `target`
/// (stage names as in the JSON contract).
pub fn lifecycle_error(
    py: Python<'_>,
    stage: &str,
    target: &str,
    result: ValidationResult,
) -> PyErr {
    let count = result.findings.len();
    let headline = format!(
        "Übergang {stage} → {target} abgelehnt ({count} Befund(e)) / transition {stage} → {target} refused ({count} finding(s))"
    );
    raise(py, "LifecycleError", headline, result)
}

/// An exception of `zielsystem._exceptions` named `class`, built as `class(message, result)`; the
/// message is `headline` followed by one line per finding.
pub(crate) fn raise(
    py: Python<'_>,
    class: &str,
    headline: String,
    result: ValidationResult,
) -> PyErr {
    let mut message = headline;
    for finding in &result.findings {
        let at = if finding.path.is_empty() {
            "/"
        } else {
            &finding.path
        };
        let _ = write!(message, "\n  {} {at}: {}", finding.code, finding.message);
    }
    let build = || -> PyResult<PyErr> {
        let class = py.import("zielsystem._exceptions")?.getattr(class)?;
        let result = Bound::new(py, PyValidationResult { inner: result })?;
        Ok(PyErr::from_value(class.call1((message, result))?))
    };
    build().unwrap_or_else(|error| error)
}

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
    /// What the form accepts, in German and in English.
    fn expected(self) -> (&'static str, &'static str) {
        match self {
            Form::Json => ("str oder bytes (JSON)", "str or bytes (JSON)"),
            Form::Dict => ("dict (Mapping)", "dict (mapping)"),
            Form::Any => (
                "str, bytes oder dict (Mapping)",
                "str, bytes or dict (mapping)",
            ),
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
        let value = json::to_value(source, "")?;
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
            let finding = Finding::new(
                Message::SchemaLimitDepth {
                    limit: DEPTH_MAX,
                    line: None,
                    column: None,
                },
                "",
            );
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
    document_bytes(source, form)?.ok_or_else(|| json::type_error(source, form.expected()))
}

/// The value in `bytes` (the core's schema-level decoding), or `ParseError` naming `what` with
/// every schema-level finding.
pub fn parse<T: Decode>(py: Python<'_>, bytes: &[u8], what: &str) -> PyResult<T> {
    let checked = T::decode(bytes);
    checked
        .document
        .ok_or_else(|| parse_error(py, what, checked.result))
}

/// Parses `source` (in the given form), raising `ParseError` naming `what` (or `TypeError` for an
/// object of another form).
pub fn load<T: Decode>(source: &Bound<'_, PyAny>, form: Form, what: &str) -> PyResult<T> {
    let bytes = require_document_bytes(source, form)?;
    let checked = T::decode(&bytes);
    checked.document.ok_or_else(|| {
        parse_error(
            source.py(),
            what,
            json::with_path_hint(source, checked.result),
        )
    })
}

/// Reads `path` and parses it, raising `OSError` or `ParseError` naming `what`.
pub fn load_file<T: Decode>(py: Python<'_>, path: PathBuf, what: &str) -> PyResult<T> {
    let bytes = std::fs::read(path)?;
    parse(py, &bytes, what)
}

/// The `#[pymethods]` block of a frozen class wrapping a serde value in `inner`: the constructors
/// `from_json`, `from_dict`, `from_file`, the conversions `to_dict`, `to_json`, pickling through
/// JSON, and the class's own `{ … }` methods.
#[macro_export]
macro_rules! json_class_methods {
    ($class:ident, $name:literal, { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            #[doc = concat!("Parses a `", $name, "` from JSON text (`str` or `bytes`); `ParseError` lists every problem.")]
            #[classmethod]
            fn from_json(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                data: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::PyResult<Self> {
                $crate::findings::load(data, $crate::findings::Form::Json, $name)
                    .map(|inner| $class { inner })
            }

            #[doc = concat!("Builds a `", $name, "` from a dict of its JSON shape.")]
            #[classmethod]
            fn from_dict(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                data: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::PyResult<Self> {
                $crate::findings::load(data, $crate::findings::Form::Dict, $name)
                    .map(|inner| $class { inner })
            }

            #[doc = concat!("Reads a `", $name, "` from a JSON file (`str` or `os.PathLike`).")]
            #[classmethod]
            fn from_file(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                py: pyo3::Python<'_>,
                path: std::path::PathBuf,
            ) -> pyo3::PyResult<Self> {
                $crate::findings::load_file(py, path, $name).map(|inner| $class { inner })
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

            /// A hash consistent with `==` (equal documents hash equally), so documents can be
            /// set members and dict keys.
            fn __hash__(&self) -> pyo3::PyResult<u64> {
                $crate::json::hash(&self.inner)
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
