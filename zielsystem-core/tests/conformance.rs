//! The conformance cases of `tests/cases/` (layout in `tests/README.md`), run through the Rust API.
//!
//! Every case of a kind with a runner is run: its bytes go to the kind's `check_…_json` entry point,
//! and the result must match `expect.json` (`valid`, every code of `codes` present, every code of
//! `absent` missing). `expect.json` is read strictly: an unknown key or a case folder without one
//! fails the run. A coverage test demands that every code of those kinds is triggered by a case and
//! silent in another that reaches its check (a rule's near miss must decode; a syntax error reaches
//! no schema or rule check), and that every message of those kinds is produced by some case.
//! Adding a kind is one arm in [`run`] and one entry in [`RUNNERS`].
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use zielsystem_core::rules::catalogue::{Code, DocumentKind, RULES};

mod support;
use zielsystem_core::{
    ReportSheet, TargetSystem, ValidationResult, check_sheet_json, check_system_json,
};

/// The case folders with a runner, and the document kind whose codes they must cover.
const RUNNERS: &[(&str, DocumentKind)] = &[
    ("system", DocumentKind::TargetSystem),
    ("sheet", DocumentKind::ReportSheet),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    description: String,
    document: String,
    #[serde(default)]
    system: Option<String>,
    #[serde(default)]
    previous_system: Option<String>,
    #[serde(default)]
    history: Vec<String>,
    valid: bool,
    codes: Vec<String>,
    absent: Vec<String>,
    /// Whether the committed JSON Schema accepts the document (checked in `schema_agreement.rs`).
    #[serde(default)]
    schema_valid: Option<bool>,
}

struct Case {
    kind: String,
    name: String,
    dir: PathBuf,
    expect: Expect,
}

fn cases_root() -> PathBuf {
    support::root().join("tests/cases")
}

/// The case kinds this runner checks; `report` and `paper` cases, whose `expect.json` has keys of
/// its own, run in `report_conformance.rs`, `review` cases in `review_conformance.rs`.
const KINDS: [&str; 2] = ["system", "sheet"];

/// Every case folder of the kinds of [`KINDS`], sorted.
fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut kinds: Vec<_> = std::fs::read_dir(cases_root())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    kinds.sort();
    for kind_dir in kinds {
        let kind = kind_dir.file_name().unwrap().to_string_lossy().into_owned();
        let known = ["system", "sheet", "report", "paper", "review"];
        assert!(known.contains(&kind.as_str()), "unknown case kind {kind}");
        if !KINDS.contains(&kind.as_str()) {
            continue;
        }
        for dir in support::case_folders(&kind_dir) {
            let text = std::fs::read_to_string(dir.join("expect.json")).unwrap();
            let expect: Expect = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: bad expect.json: {e}", dir.display()));
            cases.push(Case {
                kind: kind.clone(),
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir,
                expect,
            });
        }
    }
    cases
}

fn read(dir: &Path, relative: &str) -> Vec<u8> {
    let path = dir.join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn typed<T: serde::de::DeserializeOwned>(dir: &Path, relative: &str) -> T {
    serde_json::from_slice(&read(dir, relative))
        .unwrap_or_else(|e| panic!("{}/{relative} does not decode: {e}", dir.display()))
}

/// What running a case yields.
struct Outcome {
    result: ValidationResult,
    /// Whether the document decoded, so that the rules ran on it.
    reached_rules: bool,
}

impl Outcome {
    /// Whether the check behind `code` ran on the document, so that its silence means something:
    /// rules run on decoded documents only, the schema-level pass on well-formed JSON within the
    /// limits, the syntax check on every document.
    fn reached(&self, code: Code) -> bool {
        if support::is_rule(code) {
            self.reached_rules
        } else {
            code == Code::JsonSyntax
                || !(self.result.has(Code::JsonSyntax) || self.result.has(Code::SchemaLimit))
        }
    }
}

/// The outcome of a case; `None` for kinds without a runner yet.
fn run(case: &Case) -> Option<Outcome> {
    let bytes = read(&case.dir, &case.expect.document);
    let result = match case.kind.as_str() {
        "system" => {
            let previous: Option<TargetSystem> = case
                .expect
                .previous_system
                .as_deref()
                .map(|path| typed(&case.dir, path));
            let checked = check_system_json(&bytes, previous.as_ref());
            (checked.result, checked.document.is_some())
        }
        "sheet" => {
            let system_path = case.expect.system.as_deref().unwrap_or_else(|| {
                panic!("sheet case {} names no system", case.name);
            });
            let system: TargetSystem = typed(&case.dir, system_path);
            let history: Vec<ReportSheet> = case
                .expect
                .history
                .iter()
                .map(|path| typed(&case.dir, path))
                .collect();
            let checked = check_sheet_json(&bytes, &system, &history);
            (checked.result, checked.document.is_some())
        }
        _ => return None,
    };
    Some(Outcome {
        result: result.0,
        reached_rules: result.1,
    })
}

fn describe(result: &ValidationResult) -> String {
    let mut out = format!("    valid: {}\n", result.valid);
    for finding in &result.findings {
        let _ = writeln!(
            out,
            "    {} {} {}: {}",
            finding.code,
            finding.severity.as_str(),
            if finding.path.is_empty() {
                "(document)"
            } else {
                &finding.path
            },
            finding.message
        );
    }
    out
}

fn parse_code(case: &Case, text: &str) -> Code {
    Code::parse(text).unwrap_or_else(|| {
        panic!(
            "{}/{}: unknown code {text} in expect.json",
            case.kind, case.name
        )
    })
}

#[test]
fn every_case_meets_its_expectation() {
    let cases = all_cases();
    let mut failures = String::new();
    let mut ran = 0;
    for case in &cases {
        let Some(Outcome { result, .. }) = run(case) else {
            continue;
        };
        ran += 1;
        let mut problems = Vec::new();
        if result.valid != case.expect.valid {
            problems.push(format!(
                "valid is {}, expected {}",
                result.valid, case.expect.valid
            ));
        }
        for code in &case.expect.codes {
            if !result.has(parse_code(case, code)) {
                problems.push(format!("{code} expected but not reported"));
            }
        }
        for code in &case.expect.absent {
            if result.has(parse_code(case, code)) {
                problems.push(format!("{code} reported but must be absent"));
            }
        }
        if !problems.is_empty() {
            let _ = write!(
                failures,
                "\n{}/{} ({}; schema_valid {:?}):\n  {}\n  actual:\n{}",
                case.kind,
                case.name,
                case.expect.description,
                case.expect.schema_valid,
                problems.join("\n  "),
                describe(&result)
            );
        }
    }
    assert!(ran > 0, "no conformance case ran");
    assert!(failures.is_empty(), "conformance failures:{failures}");
}

#[test]
fn every_code_is_triggered_and_has_a_near_miss() {
    let cases = all_cases();
    let mut triggered = BTreeSet::new();
    let mut silent = BTreeSet::new();
    for case in cases
        .iter()
        .filter(|c| RUNNERS.iter().any(|(k, _)| *k == c.kind))
    {
        let outcome = run(case).unwrap();
        for code in &case.expect.codes {
            triggered.insert(parse_code(case, code));
        }
        // A near miss counts only where the code's check ran: a rule code listed in `absent` of a
        // document that never decoded proves nothing.
        for code in &case.expect.absent {
            let code = parse_code(case, code);
            if outcome.reached(code) {
                silent.insert(code);
            }
        }
    }
    // INTERNAL reports a bug of the library (a panic caught at the C boundary): no document may
    // trigger it, so no case can. zielsystem-capi's unit tests cover it.
    let required = RULES.iter().filter(|rule| {
        rule.code != Code::Internal
            && (rule.document == DocumentKind::Any
                || RUNNERS.iter().any(|(_, kind)| *kind == rule.document))
    });
    let mut missing = Vec::new();
    for rule in required {
        if !triggered.contains(&rule.code) {
            missing.push(format!("{}: no case triggers it", rule.code));
        }
        if !silent.contains(&rule.code) {
            missing.push(format!(
                "{}: no near miss that reaches its check lists it in `absent`",
                rule.code
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "codes without a triggering case and a near miss:\n  {}",
        missing.join("\n  ")
    );
}

/// Every way a rule of these kinds can fail ([`zielsystem_core::MessageKind`]) is produced by a case:
/// some finding has its code and a German text that matches its template (`{param}` = any text).
/// The few a case cannot produce are listed in `support::NOT_BY_A_CASE` with the reason.
#[test]
fn every_message_is_produced_by_a_case() {
    let findings: Vec<_> = all_cases()
        .iter()
        .filter_map(run)
        .flat_map(|outcome| outcome.result.findings)
        .collect();
    let mut kinds = vec![DocumentKind::Any];
    kinds.extend(RUNNERS.iter().map(|(_, kind)| *kind));
    let unproduced = support::unproduced(&kinds, &findings);
    assert!(
        unproduced.is_empty(),
        "messages no system or sheet case produces:\n  {}",
        unproduced.join("\n  ")
    );
}

#[test]
fn every_case_folder_has_a_known_kind() {
    for case in all_cases() {
        assert!(
            !case.expect.description.trim().is_empty(),
            "{}: no description",
            case.name
        );
    }
}

/// The bundled example (`examples/mitte-2022/`): the target system and every sheet, each sheet with
/// all the others as its history, yield no error finding.
#[test]
fn the_bundled_example_validates_without_errors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022");
    let system_bytes = read(&dir, "target-system.json");
    let checked = check_system_json(&system_bytes, None);
    assert!(
        checked.result.valid,
        "target system:\n{}",
        describe(&checked.result)
    );
    let system = checked.document.unwrap();

    let mut paths = Vec::new();
    for tertial in std::fs::read_dir(dir.join("sheets")).unwrap() {
        for sheet in std::fs::read_dir(tertial.unwrap().path()).unwrap() {
            paths.push(sheet.unwrap().path());
        }
    }
    paths.sort();
    let sheets: Vec<ReportSheet> = paths
        .iter()
        .map(|path| serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap())
        .collect();
    assert!(sheets.len() >= 46, "T1 and T2 for all 23 goals at least");
    let mut failures = String::new();
    for (path, bytes) in paths.iter().map(|p| (p, std::fs::read(p).unwrap())) {
        let result = check_sheet_json(&bytes, &system, &sheets).result;
        if !result.valid {
            let _ = write!(failures, "\n{}:\n{}", path.display(), describe(&result));
        }
    }
    assert!(failures.is_empty(), "example sheets with errors:{failures}");
}
