//! Shared by the integration tests: the repository's folders and fixtures, the strict reading of a case folder and the check that every way
//! a rule can fail ([`MessageKind`]) is produced by a case (the conformance runners), and when a test of
//! a generated file may rewrite it ([`bless`]).
#![allow(dead_code)] // Each test file uses its part.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use regex::Regex;
use zielsystem_core::MessageKind;
use zielsystem_core::rules::catalogue::DocumentKind;
use zielsystem_core::{Code, Finding, TargetSystem};

/// The case folders of `tests/cases/<kind>/`, sorted. Every sub-folder must hold an `expect.json`: a
/// folder without one is a case nobody runs, so it fails the run instead of being skipped.
pub fn case_folders(kind_dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(kind_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", kind_dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    let orphans: Vec<String> = dirs
        .iter()
        .filter(|dir| !dir.join("expect.json").is_file())
        .map(|dir| dir.display().to_string())
        .collect();
    assert!(
        orphans.is_empty(),
        "case folders without expect.json:\n  {}",
        orphans.join("\n  ")
    );
    dirs
}

/// Messages no conformance case can produce, each with the reason and where it is tested instead.
pub const NOT_BY_A_CASE: &[(&str, &str)] = &[
    (
        "JsonSyntaxNamesFile",
        "only the Python binding produces it, for a str argument that is not JSON but the path of \
         an existing file (the core does no I/O); zielsystem-py/tests/test_traps.py covers it",
    ),
    (
        "Internal",
        "reports a bug of the library (a panic caught at the C boundary); no document may trigger \
         it, so unit tests of zielsystem-capi call the boundary with a panicking closure",
    ),
    (
        "SchemaLimitDocumentSize",
        "needs a document over 8 MiB; tests/malformed generates such documents at test time \
         (string-50mb, whitespace-9mb)",
    ),
    (
        "SchemaLimitFindings",
        "needs more than 10 000 findings in one document; tests/malformed generates such floods \
         at test time (findings-flood-goals, findings-flood-countermeasures)",
    ),
    (
        "SchemaMismatch",
        "the fallback for a document the schema accepts but typed decoding rejects, and for `false` \
         schemas and ambiguous `oneOf`s, none of which the published schemas allow \
         (tests/schema_agreement.rs); unit tests of rules::schema_walk cover it",
    ),
    (
        "IndicatorValueNotFinite",
        "JSON has no infinite or NaN number (1e400 is a syntax error), so only a typed sheet built \
         in code can carry one; unit tests of rules::report_sheet cover it",
    ),
    (
        "LifecycleTransition",
        "refused by the lifecycle methods (`decide`, `note`) on a report at the wrong stage, never \
         found by checking a document; zielsystem-py/tests/test_lifecycle.py covers it",
    ),
];

/// The German template as a pattern: its text literally, each `{param}` any text.
pub fn pattern(template: &str) -> Regex {
    let placeholder = Regex::new(r"\{[a-z_]+\}").unwrap();
    let mut out = String::from("(?s)^");
    let mut last = 0;
    for found in placeholder.find_iter(template) {
        out.push_str(&regex::escape(&template[last..found.start()]));
        out.push_str(".*");
        last = found.end();
    }
    out.push_str(&regex::escape(&template[last..]));
    out.push('$');
    Regex::new(&out).unwrap()
}

/// The messages of `kinds` (by the document kind of their code's rule) that no finding in
/// `findings` matches (same code, German text matching the template).
/// An exempt message of [`NOT_BY_A_CASE`] that a case does produce is reported too: the exemption
/// is then wrong and must go.
pub fn unproduced(kinds: &[DocumentKind], findings: &[Finding]) -> Vec<String> {
    let produced = |message: MessageKind| {
        let spec = message.spec();
        let template = pattern(spec.de);
        findings
            .iter()
            .any(|f| f.code == spec.code && template.is_match(&f.message))
    };
    let mut problems: Vec<String> = NOT_BY_A_CASE
        .iter()
        .filter(|(name, _)| !MessageKind::ALL.iter().any(|m| m.name() == *name))
        .map(|(name, _)| format!("{name} in NOT_BY_A_CASE is no message"))
        .collect();
    for message in MessageKind::ALL {
        let name = message.name();
        if !kinds.contains(&message.spec().code.rule().document) {
            continue;
        }
        let exempt = NOT_BY_A_CASE.iter().any(|(n, _)| *n == name);
        match (exempt, produced(*message)) {
            (false, false) => problems.push(format!(
                "{name} ({}): no case produces „{}“",
                message.spec().code,
                message.spec().de
            )),
            (true, true) => problems.push(format!(
                "{name}: a case produces it, so remove it from NOT_BY_A_CASE"
            )),
            _ => {}
        }
    }
    problems
}

/// Whether `code` is checked only once the document has decoded (a rule), not by the schema-level
/// pass.
pub fn is_rule(code: Code) -> bool {
    code.rule().document != DocumentKind::Any
}

/// Whether a test of a generated file rewrites it instead of comparing: only under
/// `ZIELSYSTEM_BLESS=1` (any other value compares). Under `CI` blessing is refused, so that a CI
/// run can never accept a stale file by rewriting it.
pub fn bless() -> bool {
    if std::env::var_os("ZIELSYSTEM_BLESS").is_none_or(|value| value != "1") {
        return false;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "ZIELSYSTEM_BLESS=1 under CI: generated files are blessed on a developer's machine and \
         committed, never rewritten by CI. Unset ZIELSYSTEM_BLESS (or CI) and run again."
    );
    true
}

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

/// Whether `code` belongs to the schema-level pass (`JSON_…`, `SCHEMA_…`).
pub fn is_schema_level(code: &str) -> bool {
    code.starts_with("JSON_") || code.starts_with("SCHEMA_")
}

/// The verdict of a case against its `expect.json`: `valid` as expected, every code of `codes`
/// reported (and a real code), none of `absent` reported.
pub fn check_verdict(
    name: &str,
    description: &str,
    result: &zielsystem_core::ValidationResult,
    valid: bool,
    codes: &[String],
    absent: &[String],
) {
    let found: std::collections::BTreeSet<&str> =
        result.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        result.valid, valid,
        "{name}: valid (findings {:?}) — {description}",
        result.findings
    );
    for code in codes {
        assert!(
            Code::parse(code).is_some(),
            "{name}: unknown code {code} in expect.json"
        );
        assert!(
            found.contains(code.as_str()),
            "{name}: {code} expected, found {found:?}"
        );
    }
    for code in absent {
        assert!(
            !found.contains(code.as_str()),
            "{name}: {code} must be absent, found {:?}",
            result.findings
        );
    }
}

/// The committed schemas of `schemas/` by their `$id`s: what a validator needs to resolve the
/// references between them (the tertial report refers to the sheet's and the system's
/// definitions) offline, as an integrator loads them.
pub fn schema_registry() -> jsonschema::Registry<'static> {
    let mut resources = Vec::new();
    for entry in std::fs::read_dir(root().join("schemas")).unwrap() {
        let schema: serde_json::Value = read_json(&entry.unwrap().path());
        let id = schema["$id"].as_str().unwrap().to_string();
        resources.push((id, jsonschema::Resource::from_contents(schema)));
    }
    jsonschema::Registry::new()
        .extend(resources)
        .unwrap()
        .prepare()
        .unwrap()
}

/// A draft 2020-12 validator of `schema` that resolves references to the other committed schemas
/// ([`schema_registry`]), checks formats and refuses formats it does not know.
pub fn schema_validator(schema: &serde_json::Value) -> jsonschema::Validator {
    let registry = schema_registry();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_registry(&registry)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(schema)
        .unwrap_or_else(|e| panic!("does not compile with unknown formats refused: {e}"))
}
