//! The generator's promise, checked by the rule engine: every system is valid (warnings allowed),
//! every sheet without an injected violation is valid against its system, and every injected
//! violation yields its code. The streaming summary counts the same as checking each sheet alone.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use zielsystem_bench::{Config, Generator, Violation};
use zielsystem_core::rules::{check_sheet_json, validate_system};
use zielsystem_core::{Code, ReportSheet, stream};

fn generator(seed: u64, violation_rate: f64) -> Generator {
    Generator::new(Config {
        seed,
        authorities: 14,
        first_year: 2021,
        years: 3,
        violation_rate,
    })
    .unwrap()
}

#[test]
fn systems_are_valid_and_clean_sheets_too() {
    let mut warnings: BTreeMap<Code, usize> = BTreeMap::new();
    let mut previous = None;
    for ay in generator(11, 0.0).authority_years() {
        let same_authority = previous
            .as_ref()
            .is_some_and(|p: &zielsystem_core::TargetSystem| p.authority == ay.system.authority);
        let result = validate_system(&ay.system, previous.as_ref().filter(|_| same_authority));
        assert!(
            result.valid,
            "{}: {:#?}",
            ay.system.authority, result.findings
        );
        let mut history: Vec<ReportSheet> = Vec::new();
        for sheet in &ay.sheets {
            let checked = check_sheet_json(sheet.json.as_bytes(), &ay.system, &history);
            assert!(
                checked.result.valid,
                "{}\n{:#?}",
                sheet.json, checked.result.findings
            );
            for finding in &checked.result.findings {
                *warnings.entry(finding.code).or_default() += 1;
            }
            history.extend(checked.document);
        }
        previous = Some(ay.system);
    }
    // Realistic variety: late and early submissions, sheets without contributions.
    for code in [Code::RS04, Code::RS05, Code::RS10] {
        assert!(
            warnings.get(&code).copied().unwrap_or(0) > 5,
            "{code}: {warnings:?}"
        );
    }
}

#[test]
fn every_injected_violation_yields_its_code() {
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    for ay in generator(12, 0.25).authority_years() {
        let mut history: Vec<ReportSheet> = Vec::new();
        for sheet in &ay.sheets {
            let checked = check_sheet_json(sheet.json.as_bytes(), &ay.system, &history);
            match sheet.violation {
                Some(violation) => {
                    assert!(
                        checked.result.has(violation.code()),
                        "{violation}: {}\n{:#?}",
                        sheet.json,
                        checked.result.codes()
                    );
                    if violation != Violation::AchievedRevoked {
                        assert!(
                            !checked.result.valid
                                || violation.code().rule().severity
                                    == zielsystem_core::Severity::Warning
                        );
                    }
                    *seen.entry(violation.code()).or_default() += 1;
                }
                None => assert!(checked.result.valid, "{}", sheet.json),
            }
            history.extend(checked.document);
        }
    }
    for violation in Violation::ALL {
        assert!(
            seen.contains_key(&violation.code()),
            "{violation} never seen"
        );
    }
}

#[test]
fn streaming_summary_equals_checking_each_sheet() {
    for ay in generator(13, 0.1).authority_years().take(6) {
        let summary = stream::summarise(&ay.system, ay.sheets.iter().map(|s| s.json.as_bytes()));
        let mut expected = stream::Summary::default();
        expected.record_system(&validate_system(&ay.system, None));
        let mut history: Vec<ReportSheet> = Vec::new();
        for sheet in &ay.sheets {
            let checked = check_sheet_json(sheet.json.as_bytes(), &ay.system, &history);
            expected.record_sheet(&checked);
            history.extend(checked.document);
        }
        assert_eq!(summary, expected);
    }
}
