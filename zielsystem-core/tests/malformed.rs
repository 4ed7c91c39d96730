//! The malformed-input corpus of `tests/malformed/` (layout in its README) through the Rust API:
//! every case is answered with the findings (or the clear error) its manifest names, never a panic,
//! within a time bound, and the result keeps the contract (`valid` exactly when no error, at most
//! `FINDINGS_MAX` findings plus one note, every message German and English).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;
use zielsystem_core::decode::limits::FINDINGS_MAX;
use zielsystem_core::rules::{
    ReviewContext, check_paper_json, check_report_json, check_review_log_json,
};
use zielsystem_core::{
    Code, TargetSystem, Tertial, ValidationResult, check_sheet_json, check_system_json,
};

#[path = "../../tests/malformed/generate.rs"]
mod generate;
mod support;

/// Generous for a debug build on a loaded CI machine (the slowest case takes well under a second in
/// a release build): the bound catches a quadratic blow-up, not a slow machine.
const TIME_BOUND: Duration = Duration::from_secs(60);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[allow(dead_code)]
    description: String,
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    kind: String,
    description: String,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    generate: Option<Value>,
    #[serde(default)]
    text: Option<String>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Expect {
    Outcome { valid: bool, codes: Vec<String> },
    Word(String),
}

fn folder() -> PathBuf {
    support::root().join("tests/malformed")
}

fn manifest() -> Manifest {
    serde_json::from_slice(&std::fs::read(folder().join("manifest.json")).unwrap()).unwrap()
}

fn bytes_of(case: &Case) -> Vec<u8> {
    match (&case.file, &case.generate, &case.text) {
        (Some(file), None, None) => std::fs::read(folder().join(file)).unwrap(),
        (None, Some(recipe), None) => {
            generate::expand(recipe).unwrap_or_else(|| panic!("{}: malformed recipe", case.name))
        }
        (None, None, Some(text)) => text.as_bytes().to_vec(),
        _ => panic!(
            "{}: exactly one of file, generate, text is required",
            case.name
        ),
    }
}

fn system() -> TargetSystem {
    support::rules_system()
}

/// What a case yields: a validation result for documents, ok / error for strings.
#[derive(Debug)]
enum Outcome {
    Result(ValidationResult),
    Parsed(bool),
}

fn run(case: &Case, bytes: &[u8], system: &TargetSystem) -> Outcome {
    let text = || std::str::from_utf8(bytes).unwrap();
    match case.kind.as_str() {
        "system" => Outcome::Result(check_system_json(bytes, None).result),
        "sheet" => Outcome::Result(check_sheet_json(bytes, system, &[]).result),
        "report" => Outcome::Result(check_report_json(bytes).result),
        "paper" => Outcome::Result(check_paper_json(bytes).result),
        "review" => Outcome::Result(
            check_review_log_json(
                bytes,
                ReviewContext {
                    system: None,
                    sheets: &[],
                },
            )
            .result,
        ),
        "tertial" => Outcome::Parsed(text().parse::<Tertial>().is_ok()),
        "date" => Outcome::Parsed(zielsystem_core::model::date::parse(text()).is_some()),
        "oparl_config" => {
            Outcome::Parsed(zielsystem_core::oparl::OparlConfig::from_json(bytes).is_ok())
        }
        other => panic!("{}: unknown kind {other}", case.name),
    }
}

/// Whether a message still holds a template placeholder such as `{goal}`. A quoted pattern's
/// quantifier (`[0-9a-f]{64}`) is text, not a placeholder.
fn has_placeholder(message: &str) -> bool {
    message.split('{').skip(1).any(|rest| {
        rest.split_once('}').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
    })
}

/// The problems of one outcome, empty when it meets the case.
fn problems(case: &Case, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    match (outcome, &case.expect) {
        (Outcome::Result(result), Expect::Outcome { valid, codes }) => {
            if result.valid != *valid {
                problems.push(format!("valid is {}, expected {valid}", result.valid));
            }
            if result.valid != result.errors().next().is_none() {
                problems.push("valid disagrees with the severities".into());
            }
            let found: BTreeSet<&str> = result.findings.iter().map(|f| f.code.as_str()).collect();
            for code in codes {
                assert!(
                    Code::parse(code).is_some(),
                    "{}: unknown code {code}",
                    case.name
                );
                if !found.contains(code.as_str()) {
                    problems.push(format!("{code} expected, found {found:?}"));
                }
            }
            if result.findings.len() > FINDINGS_MAX + 1 {
                problems.push(format!("{} findings", result.findings.len()));
            }
            if result
                .findings
                .iter()
                .any(|f| f.message.trim().is_empty() || f.message_en.trim().is_empty())
            {
                problems.push("a finding without message".into());
            }
            if let Some(first) = result.findings.first() {
                if has_placeholder(&first.message) || has_placeholder(&first.message_en) {
                    problems.push(format!("unfilled template: {}", first.message));
                }
            }
            // The result serializes (the contract every surface prints).
            if serde_json::to_string(result).is_err() {
                problems.push("the result does not serialize".into());
            }
        }
        (Outcome::Parsed(parsed), Expect::Word(word)) => match (word.as_str(), parsed) {
            ("ok", true) | ("error", false) => {}
            ("ok" | "error", _) => problems.push(format!("expected {word}, parsed: {parsed}")),
            _ => panic!("{}: expect must be ok or error", case.name),
        },
        _ => panic!("{}: expect does not fit the kind {}", case.name, case.kind),
    }
    problems
}

#[test]
fn every_malformed_case_is_answered_in_bounded_time() {
    let system = system();
    let manifest = manifest();
    assert!(manifest.cases.len() >= 50, "{} cases", manifest.cases.len());
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for case in &manifest.cases {
        assert!(!case.description.trim().is_empty(), "{}", case.name);
        let bytes = bytes_of(case);
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| run(case, &bytes, &system)));
        let elapsed = started.elapsed();
        drop(bytes);
        let Ok(outcome) = outcome else {
            failures.push(format!("{}: PANIC", case.name));
            continue;
        };
        timings.push((elapsed, case.name.as_str()));
        if elapsed > TIME_BOUND {
            failures.push(format!("{}: took {elapsed:?}", case.name));
        }
        for problem in problems(case, &outcome) {
            failures.push(format!("{}: {problem}", case.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    timings.sort_unstable_by(|a, b| b.cmp(a));
    eprintln!("slowest cases: {:?}", timings.get(..5));
    eprintln!("peak memory: {:?} KiB", peak_memory_kib());
    // Memory stays bounded: the whole corpus (a 50 MB input among it) fits in well under 1 GiB.
    if let Some(peak) = peak_memory_kib() {
        assert!(peak < 1024 * 1024, "peak memory {peak} KiB");
    }
}

/// The process's peak resident memory in KiB, where the platform tells (Linux).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn every_file_of_the_folder_is_a_case_and_names_are_unique() {
    let manifest = manifest();
    let mut names = BTreeSet::new();
    let mut files = BTreeSet::new();
    for case in &manifest.cases {
        assert!(names.insert(case.name.as_str()), "{} twice", case.name);
        if let Some(file) = &case.file {
            assert!(folder().join(file).is_file(), "{file} is missing");
            assert!(files.insert(file.clone()), "{file} is used twice");
        }
    }
    for entry in std::fs::read_dir(folder()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !["manifest.json", "README.md", "generate.rs"].contains(&name.as_str()) {
            assert!(
                files.contains(&name),
                "{name} is in no case of the manifest"
            );
        }
    }
    // The corpus covers what issue 7 names.
    for needed in [
        "truncated-system",
        "wrong-types-system-nested",
        "wrong-types-sheet-nested",
        "duplicate-key-report",
        "nan-literal",
        "infinity-literal",
        "string-50mb",
        "array-100000-contributions",
        "nesting-10000-arrays",
        "invalid-utf8-latin1",
        "utf8-bom",
        "date-2022-02-30",
        "year-0",
        "year-99999",
        "number-1e400",
        "number-negative-zero-value",
        "raw-control-character",
    ] {
        assert!(names.contains(needed), "{needed} is missing");
    }
}

#[test]
fn the_recipes_expand_as_documented() {
    let recipe = serde_json::json!({"parts": ["<", {"repeat": "ab", "count": 3}, {"repeat": "k{i},", "count": 3, "numbered": true}, ">"]});
    assert_eq!(
        generate::expand(&recipe).unwrap(),
        b"<ababab k0,k1,k2,>"
            .iter()
            .filter(|&&b| b != b' ')
            .copied()
            .collect::<Vec<u8>>()
    );
    assert!(generate::expand(&serde_json::json!({"parts": [1]})).is_none());
}
