//! One document with five independent problems yields five findings in one call, each at the path
//! of the offending value (issue 3, "Done when").
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use zielsystem_core::{Code, TargetSystem, check_sheet_json};

mod support;

fn case(name: &str, file: &str) -> Vec<u8> {
    let path = support::root()
        .join("tests/cases/sheet")
        .join(name)
        .join(file);
    std::fs::read(path).unwrap()
}

fn system() -> TargetSystem {
    support::rules_system()
}

fn found(name: &str) -> Vec<(Code, String)> {
    let checked = check_sheet_json(&case(name, "sheet.json"), &system(), &[]);
    checked
        .result
        .findings
        .iter()
        .map(|finding| (finding.code, finding.path.clone()))
        .collect()
}

#[test]
fn five_rule_problems_five_findings() {
    assert_eq!(
        found("five-rule-problems"),
        [
            (Code::RS01, "/authority".to_string()),
            (Code::RS05, "/submitted_on".to_string()),
            (Code::RS09, "/countermeasures/0/org_units/1".to_string()),
            (Code::RS12, "/indicator_values/0/indicator".to_string()),
            (Code::RS14, "/risks/0/description".to_string()),
        ]
    );
}

#[test]
fn five_schema_problems_five_findings() {
    let checked = check_sheet_json(&case("five-schema-problems", "sheet.json"), &system(), &[]);
    assert!(checked.document.is_none());
    let mut found: Vec<(Code, String)> = checked
        .result
        .findings
        .iter()
        .map(|finding| (finding.code, finding.path.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (Code::SchemaType, "/indicator_values/0/value".to_string()),
            (Code::SchemaRequired, String::new()),
            (Code::SchemaUnknownKey, "/colour".to_string()),
            (Code::SchemaFormat, "/tertial".to_string()),
            (Code::SchemaEnum, "/risks/0/likelihood".to_string()),
        ]
    );
    let required = checked
        .result
        .findings
        .iter()
        .find(|f| f.code == Code::SchemaRequired)
        .unwrap();
    assert_eq!(required.params["key"], "rationale");
    assert_eq!(required.message, "Pflichtfeld „rationale“ fehlt.");
    let level = checked
        .result
        .findings
        .iter()
        .find(|f| f.code == Code::SchemaEnum)
        .unwrap();
    assert_eq!(
        level.message,
        "„sehr hoch“ ist kein zulässiger Wert; erlaubt sind: low (gering), medium (mittel), high (hoch)."
    );
    assert_eq!(
        level.message_en,
        "\"sehr hoch\" is not an allowed value; allowed: low, medium, high."
    );
}

#[test]
fn results_serialize_to_the_contract() {
    let checked = check_sheet_json(&case("five-rule-problems", "sheet.json"), &system(), &[]);
    let json = serde_json::to_value(&checked.result).unwrap();
    assert_eq!(json["valid"], false);
    let late = &json["findings"][1];
    assert_eq!(
        late,
        &serde_json::json!({
            "code": "RS05",
            "severity": "warning",
            "path": "/submitted_on",
            "message": "Eingereicht am 03.06.2022, nach der Berichtsfrist 31.05.2022.",
            "message_en": "Submitted on 2022-06-03, after the deadline 2022-05-31.",
            "params": { "deadline": "2022-05-31", "submitted_on": "2022-06-03" }
        })
    );
}
