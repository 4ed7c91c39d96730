//! Python bindings of `zielsystem-core`: the native module `zielsystem._zielsystem`.
//! Thin by design: every piece of domain logic lives in the core; this crate converts and forwards.

use pyo3::prelude::*;

/// The native module. Its public face is the package `zielsystem` (see `python/zielsystem`).
#[pymodule]
fn _zielsystem(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("SCHEMA_VERSION", zielsystem_core::SCHEMA_VERSION)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
