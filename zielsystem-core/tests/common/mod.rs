//! Helpers shared by the integration tests: the repository's folders and its fixtures.
// Each test crate uses some of these helpers, none uses all.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use zielsystem_core::TargetSystem;

/// The repository root (the core crate's parent folder).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `tests/fixtures/<name>`.
pub fn fixture_path(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A JSON file read as `T` (plain serde); panics naming the file.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture `tests/fixtures/<name>` read as `T`.
pub fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    read_json(&fixture_path(name))
}

/// The small valid target system the rule cases are checked against.
pub fn rules_system() -> TargetSystem {
    fixture("rules-system-2022.json")
}
