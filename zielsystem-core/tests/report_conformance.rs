//! Runs the conformance cases of consolidated reports (`tests/cases/report/`) and papers
//! (`tests/cases/paper/`) against the Rust surface: rules TR01–TR06 and BV01–BV04, and, for
//! documents, the committed JSON Schemas (`schemas/tertial-report.schema.json`,
//! `schemas/paper.schema.json`).
//!
//! A report case either names a `document` (a tertial report as JSON, checked from its bytes with
//! `check_report_json`: schema-level findings, then `validate_report`) or the inputs of a consolidation (`system`, `sheets`, `previous`, `tertial`,
//! `as_of`; the findings are those the consolidated report carries, or, with `decide`, those of the
//! decided report or of the refusal). See tests/README.md, "Report and paper cases". `expect.json`
//! is read strictly (unknown keys and case folders without one fail the run); near misses count
//! only in documents that reach the rules, and every message of the TR and BV rules must be
//! produced by a case.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use zielsystem_core::model::paper::{PaperKind, council_paper, decision_paper};
use zielsystem_core::rules::catalogue::DocumentKind;
use zielsystem_core::rules::{
    Checked, check_report_json, validate_paper, validate_paper_with, validate_report,
};
use zielsystem_core::{
    Code, Document, Paper, ReportSheet, TargetSystem, Tertial, TertialReport, ValidationResult,
    consolidate,
};

mod support;

use support::{is_schema_level, root};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    description: String,
    #[serde(default)]
    document: Option<String>,
    #[serde(default)]
    system: Option<String>,
    #[serde(default)]
    sheets: Vec<String>,
    #[serde(default)]
    previous: Vec<String>,
    #[serde(default)]
    tertial: Option<Tertial>,
    #[serde(default)]
    as_of: Option<NaiveDate>,
    #[serde(default)]
    decide: Option<DecideStep>,
    valid: bool,
    codes: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    schema_valid: Option<bool>,
}

/// A consolidation case may go on to the Bezirksamt's decision: the findings are then those of the
/// decided report, or those that refuse the decision.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecideStep {
    decided_on: NaiveDate,
    number: String,
    #[serde(default)]
    not_adopted: Vec<usize>,
}

fn cases(kind: &str) -> Vec<PathBuf> {
    support::case_folders(&root().join("tests/cases").join(kind))
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema_accepts(schema_file: &str, document: &Value) -> bool {
    let schema: Value = read(&root().join("schemas").join(schema_file));
    let validator = support::schema_validator(&schema);
    validator.is_valid(document)
}

/// Checks a result against the case: `valid`, every code of `codes`, no code of `absent`.
fn check(case: &Path, expect: &Expect, result: &ValidationResult) {
    let name = case.file_name().unwrap().to_string_lossy();
    support::check_verdict(
        &name,
        &expect.description,
        result,
        expect.valid,
        &expect.codes,
        &expect.absent,
    );
}

/// A stored document checked from its bytes (`checked`), which must agree with the typed path: it
/// decodes exactly when no schema-level code is expected, and then yields what `validate` yields
/// on the typed document.
fn check_stored<T: serde::de::DeserializeOwned>(
    case: &Path,
    expect: &Expect,
    checked: &Checked<T>,
    validate: impl Fn(&T) -> ValidationResult,
) {
    let schema_level = expect.codes.iter().any(|code| is_schema_level(code));
    if let Some(document) = &checked.document {
        assert!(!schema_level, "{}: decodes", case.display());
        assert_eq!(validate(document), checked.result, "{}", case.display());
    } else {
        assert!(schema_level, "{}: does not decode", case.display());
        // The rules still run on what decodes (every finding at once, across stages), but only
        // the rule codes the case expects may come of it.
        for finding in &checked.result.findings {
            let code = finding.code.as_str();
            assert!(
                is_schema_level(code) || expect.codes.iter().any(|c| c == code),
                "{}: unexpected rule finding on a document that does not decode: {finding:?}",
                case.display()
            );
        }
    }
    check(case, expect, &checked.result);
}

/// The draft a consolidation case describes (`system`, `sheets`, `previous`, `tertial`, `as_of`),
/// with the system it was consolidated against.
/// The target system a paper case names, whose numbering pattern BV01 applies (none: the default).
fn paper_system(case: &Path, expect: &Expect) -> Option<TargetSystem> {
    expect.system.as_ref().map(|path| read(&case.join(path)))
}

fn consolidated(case: &Path, expect: &Expect) -> (TargetSystem, TertialReport) {
    let system: TargetSystem = read(&case.join(expect.system.as_deref().expect("system")));
    let load = |paths: &[String]| -> Vec<ReportSheet> {
        paths.iter().map(|p| read(&case.join(p))).collect()
    };
    let report = consolidate(
        &system,
        &load(&expect.sheets),
        expect.tertial.expect("tertial"),
        expect.as_of.expect("as_of"),
        &load(&expect.previous),
    );
    (system, report)
}

/// The findings of a consolidation case: those the draft carries or, with `decide`, those of the
/// decided report or of the refusal.
fn decided_or_draft(
    system: &TargetSystem,
    report: &TertialReport,
    expect: &Expect,
) -> ValidationResult {
    match &expect.decide {
        None => ValidationResult::from_findings(report.findings.clone()),
        Some(step) => {
            match report.decide(system, step.decided_on, &step.number, &step.not_adopted) {
                Ok(decided) => {
                    assert_eq!(validate_report(&decided).findings, decided.findings);
                    ValidationResult::from_findings(decided.findings)
                }
                Err(refused) => refused,
            }
        }
    }
}

#[test]
fn report_cases() {
    let all = cases("report");
    assert!(all.len() >= 8, "too few report cases: {}", all.len());
    for case in all {
        let expect: Expect = read(&case.join("expect.json"));
        if let Some(document) = &expect.document {
            let bytes = std::fs::read(case.join(document)).unwrap();
            let value: Value = serde_json::from_slice(&bytes).unwrap();
            let schema_valid = expect.schema_valid.unwrap_or(true);
            assert_eq!(
                schema_accepts("tertial-report.schema.json", &value),
                schema_valid,
                "{}: schema_valid",
                case.display()
            );
            check_stored(&case, &expect, &check_report_json(&bytes), validate_report);
        } else {
            let (system, report) = consolidated(&case, &expect);
            // The report the consolidation wrote is itself a valid document of the schema, and
            // re-checking it yields the findings it carries.
            let value = serde_json::to_value(&report).unwrap();
            assert!(
                schema_accepts("tertial-report.schema.json", &value),
                "{}",
                case.display()
            );
            assert_eq!(validate_report(&report).findings, report.findings);
            check(&case, &expect, &decided_or_draft(&system, &report, &expect));
        }
    }
}

#[test]
fn paper_cases() {
    let all = cases("paper");
    assert!(all.len() >= 6, "too few paper cases: {}", all.len());
    for case in all {
        let expect: Expect = read(&case.join("expect.json"));
        let bytes =
            std::fs::read(case.join(expect.document.as_deref().expect("document"))).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            schema_accepts("paper.schema.json", &value),
            expect.schema_valid.unwrap_or(true),
            "{}: schema_valid",
            case.display()
        );
        let system = paper_system(&case, &expect);
        let numbering = system.as_ref().and_then(|system| system.numbering.as_ref());
        check_stored(&case, &expect, &Paper::check(&bytes, numbering), |paper| {
            validate_paper_with(paper, numbering)
        });
    }
}

/// The result of a case (without the assertions of [`report_cases`] and [`paper_cases`]) and
/// whether the rules ran on it: a consolidated report always, a stored document when it decodes.
fn outcome(kind: &str, case: &Path, expect: &Expect) -> (ValidationResult, bool) {
    let bytes = |document: &str| std::fs::read(case.join(document)).unwrap();
    match (kind, &expect.document) {
        ("paper", Some(document)) => {
            let system = paper_system(case, expect);
            let numbering = system.as_ref().and_then(|system| system.numbering.as_ref());
            let checked = Paper::check(&bytes(document), numbering);
            (checked.result, checked.document.is_some())
        }
        ("report", Some(document)) => {
            let checked = check_report_json(&bytes(document));
            (checked.result, checked.document.is_some())
        }
        ("report", None) => {
            let (system, report) = consolidated(case, expect);
            (decided_or_draft(&system, &report, expect), true)
        }
        _ => panic!("{}: a {kind} case names no document", case.display()),
    }
}

#[test]
fn every_tr_and_bv_code_has_a_triggering_case_and_a_near_miss() {
    for (kind, prefix) in [("report", "TR"), ("paper", "BV")] {
        let mut triggered = BTreeSet::new();
        let mut silent = BTreeSet::new();
        for case in cases(kind) {
            let expect: Expect = read(&case.join("expect.json"));
            triggered.extend(expect.codes.clone());
            // A rule listed in `absent` of a document that never decoded proves nothing.
            if outcome(kind, &case, &expect).1 {
                silent.extend(expect.absent.clone());
            }
        }
        for code in Code::all().filter(|c| c.as_str().starts_with(prefix)) {
            let code = code.as_str();
            assert!(triggered.contains(code), "{code}: no triggering case");
            assert!(
                silent.contains(code),
                "{code}: no near miss that reaches the rules"
            );
        }
    }
}

/// Every way a TR or BV rule can fail ([`zielsystem_core::MessageKind`]) is produced by a case (the
/// schema-level messages are `conformance.rs`'s).
#[test]
fn every_tr_and_bv_message_is_produced_by_a_case() {
    let mut findings = Vec::new();
    for kind in ["report", "paper"] {
        for case in cases(kind) {
            let expect: Expect = read(&case.join("expect.json"));
            findings.extend(outcome(kind, &case, &expect).0.findings);
        }
    }
    let unproduced = support::unproduced(
        &[DocumentKind::TertialReport, DocumentKind::Paper],
        &findings,
    );
    assert!(
        unproduced.is_empty(),
        "messages no report or paper case produces:\n  {}",
        unproduced.join("\n  ")
    );
}

#[test]
fn both_papers_of_a_report_pass_bv() {
    let fixtures = root().join("tests/fixtures");
    let system: TargetSystem = read(&fixtures.join("report-system.json"));
    let sheets: Vec<ReportSheet> = ["A01", "A02", "A03", "A04", "V01", "V02"]
        .iter()
        .map(|goal| read(&fixtures.join(format!("report-sheet-2022-T1-{goal}.json"))))
        .collect();
    let draft = consolidate(
        &system,
        &sheets,
        "2022-T1".parse().unwrap(),
        "2022-06-14".parse().unwrap(),
        &[],
    );
    let paper = decision_paper(&draft);
    assert!(validate_paper(&paper).findings.is_empty());
    assert_eq!(
        paper.subject.as_deref(),
        Some("Bericht über das Erreichen der Ziele des Zielsystems 2022 zum Ende des I. Tertials")
    );
    assert!(
        council_paper(&draft).is_none(),
        "no council paper before the decision"
    );
    let decided = draft
        .decide(&system, "2022-06-21".parse().unwrap(), "118/VI", &[])
        .unwrap();
    let paper = decision_paper(&decided);
    assert_eq!(paper.number.as_deref(), Some("118/VI"));
    let council = council_paper(&decided).unwrap();
    assert_eq!(council.kind, Some(PaperKind::CouncilInformation));
    assert!(council.draft_resolution.is_none());
    for paper in [paper, council] {
        assert!(validate_paper(&paper).findings.is_empty(), "{paper:?}");
        assert!(schema_accepts(
            "paper.schema.json",
            &serde_json::to_value(&paper).unwrap()
        ));
    }
}
