//! Bindings of `zielsystem_core::findings`: `Finding`, `ValidationResult`, the `ParseError` raised
//! when a typed constructor gets a document that is not of its shape, and the `LifecycleError`
//! raised when a report refuses a lifecycle step.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use pyo3::prelude::*;
use zielsystem_core::{Finding, ValidationResult};

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

crate::json_class_methods!(PyFinding, "Finding", crate::rules::parse_finding, {
    /// The stable rule code, e.g. `"RS03"` or `"SCHEMA_REQUIRED"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
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
}

crate::json_class_methods!(
    PyValidationResult,
    "ValidationResult",
    crate::rules::parse_result,
    {
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
        fn codes(&self) -> Vec<&'static str> {
            self.inner
                .codes()
                .into_iter()
                .map(zielsystem_core::Code::as_str)
                .collect()
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
    }
);

/// The `zielsystem.ParseError` for `result`: the document is not a `what`.
pub fn parse_error(py: Python<'_>, what: &str, result: ValidationResult) -> PyErr {
    let headline = format!(
        "kein gültiges Dokument vom Typ {what} / not a valid {what} ({} Befund(e) / finding(s))",
        result.findings.len()
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
    let headline = format!(
        "Übergang {stage} → {target} abgelehnt / transition {stage} → {target} refused ({} Befund(e) / finding(s))",
        result.findings.len()
    );
    raise(py, "LifecycleError", headline, result)
}

/// An exception of `zielsystem._exceptions` named `class`, built as `class(message, result)`; the
/// message is `headline` followed by one line per finding.
fn raise(py: Python<'_>, class: &str, headline: String, result: ValidationResult) -> PyErr {
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
