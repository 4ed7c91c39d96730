//! Every finding at once across stages: a misspelt key hides no rule finding. For every sheet and
//! system case that decodes, the same document with one unknown key more yields exactly its
//! findings and one `SCHEMA_UNKNOWN_KEY`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use zielsystem_core::rules::catalogue::Code;
use zielsystem_core::{Document, Finding, ReportSheet, TargetSystem};

mod support;
use support::{case_folders, root, rules_system};

fn without_unknown_key(findings: &[Finding]) -> Vec<(Code, String, String)> {
    findings
        .iter()
        .filter(|f| f.code != Code::SchemaUnknownKey)
        .map(|f| (f.code, f.path.clone(), f.message.clone()))
        .collect()
}

#[test]
fn a_misspelt_key_hides_no_rule_finding() {
    let system = rules_system();
    let mut checked = 0;
    for kind in ["sheet", "system"] {
        for case in case_folders(&root().join("tests/cases").join(kind)) {
            let expect: Value =
                serde_json::from_slice(&std::fs::read(case.join("expect.json")).unwrap()).unwrap();
            let bytes = std::fs::read(case.join(expect["document"].as_str().unwrap())).unwrap();
            let Ok(Value::Object(mut document)) = serde_json::from_slice::<Value>(&bytes) else {
                continue;
            };
            document.insert("colour".into(), Value::from("rot"));
            let misspelt = serde_json::to_vec_pretty(&document).unwrap();
            let (before, after) = if kind == "sheet" {
                let before = ReportSheet::check(&bytes, (&system, &[]));
                if before.document.is_none() {
                    continue;
                }
                let after = ReportSheet::check(&misspelt, (&system, &[]));
                (before.result.findings, after.result.findings)
            } else {
                let before = TargetSystem::check(&bytes, None);
                if before.document.is_none() {
                    continue;
                }
                let after = TargetSystem::check(&misspelt, None);
                (before.result.findings, after.result.findings)
            };
            let unknown: Vec<&Finding> = after
                .iter()
                .filter(|f| f.code == Code::SchemaUnknownKey)
                .collect();
            assert_eq!(unknown.len(), 1, "{}", case.display());
            assert_eq!(unknown[0].path, "/colour");
            assert_eq!(
                without_unknown_key(&before),
                without_unknown_key(&after),
                "{}",
                case.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}
