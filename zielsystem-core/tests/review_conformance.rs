//! Runs the conformance cases of review logs (`tests/cases/review/`) against the Rust surface:
//! rules RV01–RV04 and the committed JSON Schema (`schemas/review-log.schema.json`).
//!
//! A case names its `document` (the log), the target system (`system`, optional: without it RV02
//! is not checked) and the `sheets` whose digests the log names (relative paths). The log is checked
//! from its bytes with `check_review_log_json`; see tests/README.md, "Review cases".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zielsystem_core::digest::sheet_digest;
use zielsystem_core::rules::catalogue::DocumentKind;
use zielsystem_core::rules::{ReviewContext, check_review_log_json, validate_review_log};
use zielsystem_core::{Code, ReportSheet, ReviewLog, TargetSystem};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    description: String,
    document: String,
    #[serde(default)]
    system: Option<String>,
    #[serde(default)]
    sheets: Vec<String>,
    valid: bool,
    codes: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    schema_valid: Option<bool>,
}

mod support;

use support::{is_schema_level, root};

fn cases() -> Vec<PathBuf> {
    support::case_folders(&root().join("tests/cases/review"))
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema_accepts(document: &Value) -> bool {
    let schema: Value = read(&root().join("schemas/review-log.schema.json"));
    let validator = support::schema_validator(&schema);
    validator.is_valid(document)
}

#[test]
fn review_cases() {
    let all = cases();
    assert!(all.len() >= 9, "too few review cases: {}", all.len());
    let mut every_finding = Vec::new();
    for case in all {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expect: Expect = read(&case.join("expect.json"));
        assert!(!expect.description.is_empty(), "{name}: description");
        let bytes = std::fs::read(case.join(&expect.document)).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            schema_accepts(&value),
            expect.schema_valid.unwrap_or(true),
            "{name}: schema_valid"
        );
        let system: Option<TargetSystem> = expect.system.as_ref().map(|p| read(&case.join(p)));
        let sheets: Vec<ReportSheet> = expect.sheets.iter().map(|p| read(&case.join(p))).collect();
        let context = ReviewContext {
            system: system.as_ref(),
            sheets: &sheets,
        };
        let checked = check_review_log_json(&bytes, context);
        let schema_level = expect.codes.iter().any(|code| is_schema_level(code));
        if let Some(log) = &checked.document {
            assert!(!schema_level, "{name}: decodes");
            // The typed path yields what the bytes path yields.
            assert_eq!(validate_review_log(log, context), checked.result, "{name}");
            // Every digest the log names is one of the given sheets, so the rules that need the
            // sheet (RV02, the submission day of RV04) really ran.
            let known: BTreeSet<String> = sheets.iter().map(sheet_digest).collect();
            let named = value["entries"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|entry| ["digest", "replaces"].map(|key| entry[key].as_str()))
                .flatten();
            for digest in named {
                assert!(known.contains(digest), "{name}: {digest} names no sheet");
            }
        } else {
            assert!(schema_level, "{name}: does not decode");
            // The rules still run on what decodes (every finding at once, across stages), but
            // only the rule codes the case expects may come of it.
            for finding in &checked.result.findings {
                let code = finding.code.as_str();
                assert!(
                    is_schema_level(code) || expect.codes.iter().any(|c| c == code),
                    "{name}: unexpected rule finding on a document that does not decode: {finding:?}"
                );
            }
        }
        every_finding.extend(checked.result.findings.iter().cloned());
        support::check_verdict(
            &name,
            &expect.description,
            &checked.result,
            expect.valid,
            &expect.codes,
            &expect.absent,
        );
    }
    // Every way an RV rule can fail is produced by a case.
    let unproduced = support::unproduced(&[DocumentKind::ReviewLog], &every_finding);
    assert!(
        unproduced.is_empty(),
        "messages no review case produces:\n  {}",
        unproduced.join("\n  ")
    );
}

#[test]
fn every_rv_code_has_a_triggering_case_and_a_near_miss() {
    let expects: Vec<Expect> = cases()
        .iter()
        .map(|case| read(&case.join("expect.json")))
        .collect();
    for code in Code::all().filter(|c| c.as_str().starts_with("RV")) {
        let code = code.as_str();
        assert!(
            expects.iter().any(|e| e.codes.iter().any(|c| c == code)),
            "{code}: no triggering case"
        );
        assert!(
            expects.iter().any(|e| e.absent.iter().any(|c| c == code)),
            "{code}: no near miss"
        );
    }
}

#[test]
fn without_the_system_an_acceptance_is_not_second_guessed() {
    let case = root().join("tests/cases/review/rv02-accepted-with-error");
    let log: ReviewLog = read(&case.join("log.json"));
    let sheet: ReportSheet =
        read(&root().join("tests/fixtures/review/report-sheet-2022-T1-A02-no-risk.json"));
    let result = validate_review_log(
        &log,
        ReviewContext {
            system: None,
            sheets: std::slice::from_ref(&sheet),
        },
    );
    assert!(result.findings.is_empty(), "{:?}", result.findings);
}
