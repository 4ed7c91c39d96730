//! `zielsystem validate` and `zielsystem rules` through the built binary: exit codes, located
//! compiler-style lines, and every system and sheet conformance case through `--format json`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn zielsystem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

const SYSTEM: &str = "tests/fixtures/rules-system-2022.json";
const SHEET: &str = "tests/fixtures/rules-sheet-a01-t1.json";

/// The warnings of the rules fixture: V01 and V02 each involve units of one portfolio (TS11).
fn fixture_warnings() -> [String; 2] {
    let line = |at: &str, goal: &str, portfolio: &str| {
        format!(
            "{SYSTEM}:{at}: warning[TS11]: Alle Organisationseinheiten des Ziels „{goal}“ gehören zum Geschäftsbereich {portfolio}; Ziele sollen abteilungs- und organisationseinheitenübergreifend sein."
        )
    };
    [line("59:20", "V01", "I"), line("67:20", "V02", "V")]
}

#[test]
fn a_valid_system_and_sheet_exit_0() {
    let output = zielsystem(&["validate", "--system", SYSTEM, SHEET]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let [v01, v02] = fixture_warnings();
    assert_eq!(
        text(&output.stdout),
        format!(
            "{v01}\n{v02}\n2 Dokumente geprüft: 2 gültig, 0 ungültig; 0 Fehler, 2 Warnungen.\n"
        )
    );
}

#[test]
fn a_broken_sheet_exits_1_with_located_german_lines() {
    let sheet = "tests/cases/sheet/five-rule-problems/sheet.json";
    let output = zielsystem(&["validate", "--system", SYSTEM, sheet]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let [v01, v02] = fixture_warnings();
    assert_eq!(
        lines,
        [
            v01,
            v02,
            format!(
                "{sheet}:3:16: error[RS01]: Das Berichtsblatt gehört zu „Bezirksamt Pankow von Berlin“, das Zielsystem zu „Bezirksamt Mitte von Berlin“."
            ),
            format!(
                "{sheet}:7:19: warning[RS05]: Eingereicht am 03.06.2022, nach der Berichtsfrist 31.05.2022."
            ),
            format!(
                "{sheet}:35:9: error[RS09]: Die Organisationseinheit „amt-phantom“ existiert nicht im Zielsystem."
            ),
            format!(
                "{sheet}:16:20: error[RS12]: Die Kennzahl „A09-9“ gehört nicht zum Ziel „A01“."
            ),
            format!("{sheet}:23:22: error[RS14]: Das Textfeld „Risiko“ ist leer."),
            "2 Dokumente geprüft: 1 gültig, 1 ungültig; 4 Fehler, 3 Warnungen.".to_string(),
        ]
    );
}

#[test]
fn a_syntax_error_is_located_by_line_and_column() {
    let system = "tests/cases/system/json-syntax-truncated-in-goals/system.json";
    let output = zielsystem(&["validate", "--system", system, SHEET]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{system}:73:15: error[JSON_SYNTAX]: Kein gültiges JSON (Zeile 73, Spalte 15)"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("nur gegen das Schema geprüft"), "{stdout}");
}

#[test]
fn an_unreadable_file_exits_2_and_is_named() {
    let output = zielsystem(&["validate", "--system", SYSTEM, "gibt-es-nicht.json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("„gibt-es-nicht.json“ kann nicht gelesen werden: Datei nicht gefunden"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(zielsystem(&["validate", SHEET]).status.code(), Some(2));
    assert_eq!(
        zielsystem(&["validate", "--system", SYSTEM, "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn an_undecodable_previous_system_exits_2() {
    let output = zielsystem(&[
        "validate",
        "--system",
        SYSTEM,
        "--previous-system",
        "tests/cases/system/schema-year-as-string/system.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("SCHEMA_TYPE"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn sheets_given_together_are_each_others_history() {
    let dir = "tests/cases/sheet/rs13-achieved-then-on-track";
    let output = zielsystem(&[
        "validate",
        "--system",
        SYSTEM,
        "--format",
        "json",
        &format!("{dir}/sheet.json"),
        &format!("{dir}/history-1.json"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["document"].as_str().unwrap())
        .collect();
    assert_eq!(
        documents,
        [
            SYSTEM,
            &format!("{dir}/sheet.json"),
            &format!("{dir}/history-1.json")
        ]
    );
    assert_eq!(reports[1]["findings"][0]["code"], "RS13");
    assert_eq!(reports[1]["findings"][0]["path"], "/forecast");
    assert_eq!(reports[2]["findings"], Value::Array(Vec::new()));
}

#[test]
fn rules_prints_the_committed_table() {
    let output = zielsystem(&["rules"]);
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    assert_eq!(text(&output.stdout), committed);
}

fn codes_of(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn relative(dir: &Path, file: &str) -> String {
    let path = dir.join(file);
    let path = path.strip_prefix(root()).unwrap_or(&path);
    path.to_string_lossy().into_owned()
}

/// The `expect.json` of a system or sheet case, read as strictly as the core's runner does: a
/// folder without one, or a key the case format does not know, fails the run.
fn strict_expect(dir: &Path) -> Value {
    let expect: Value = serde_json::from_slice(
        &std::fs::read(dir.join("expect.json"))
            .unwrap_or_else(|e| panic!("{}: no expect.json: {e}", dir.display())),
    )
    .unwrap();
    let keys = [
        "description",
        "document",
        "system",
        "previous_system",
        "history",
        "valid",
        "codes",
        "absent",
        "schema_valid",
    ];
    let unknown: Vec<&String> = expect
        .as_object()
        .unwrap()
        .keys()
        .filter(|key| !keys.contains(&key.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "{}: unknown keys {unknown:?}",
        dir.display()
    );
    expect
}

#[test]
fn every_system_and_sheet_case_through_the_cli() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for kind in ["system", "sheet"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/cases").join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let expect = strict_expect(&dir);
            let document = relative(&dir, expect["document"].as_str().unwrap());
            let mut args: Vec<String> = vec!["validate".into(), "--format".into(), "json".into()];
            if kind == "system" {
                args.extend(["--system".into(), document.clone()]);
                if let Some(previous) = expect["previous_system"].as_str() {
                    args.extend(["--previous-system".into(), relative(&dir, previous)]);
                }
            } else {
                let system = relative(&dir, expect["system"].as_str().unwrap());
                args.extend(["--system".into(), system]);
                for earlier in strings(&expect["history"]) {
                    args.push(relative(&dir, &earlier));
                }
                args.push(document.clone());
            }
            let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let output = zielsystem(&arg_refs);
            let reports: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
                panic!(
                    "{}: no JSON output ({e}): {}",
                    dir.display(),
                    text(&output.stderr)
                )
            });
            let report = reports
                .as_array()
                .unwrap()
                .iter()
                .rev()
                .find(|r| r["document"] == document.as_str())
                .unwrap();
            let codes = codes_of(report);
            let mut problems = Vec::new();
            if report["valid"] != expect["valid"] {
                problems.push(format!(
                    "valid is {}, expected {}",
                    report["valid"], expect["valid"]
                ));
            }
            for code in strings(&expect["codes"]) {
                if !codes.contains(&code) {
                    problems.push(format!("{code} expected"));
                }
            }
            for code in strings(&expect["absent"]) {
                if codes.contains(&code) {
                    problems.push(format!("{code} must be absent"));
                }
            }
            let any_invalid = reports
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["valid"] == false);
            if output.status.code() != Some(u8::from(any_invalid).into()) {
                problems.push(format!("exit code {:?}", output.status.code()));
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{}: {} (actual {codes:?})",
                    dir.display(),
                    problems.join("; ")
                ));
            }
            ran += 1;
        }
    }
    assert!(ran > 50, "only {ran} cases ran");
    assert!(
        failures.is_empty(),
        "CLI conformance failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_bundled_example_exits_0() {
    let dir = root().join("examples/mitte-2022");
    let mut args = vec![
        "validate".to_string(),
        "--system".to_string(),
        "examples/mitte-2022/target-system.json".to_string(),
    ];
    let mut sheets = Vec::new();
    for tertial in std::fs::read_dir(dir.join("sheets")).unwrap() {
        for sheet in std::fs::read_dir(tertial.unwrap().path()).unwrap() {
            sheets.push(relative(&dir, &sheet.unwrap().path().to_string_lossy()));
        }
    }
    sheets.sort();
    args.extend(sheets);
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = zielsystem(&arg_refs);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).ends_with("0 ungültig; 0 Fehler, 0 Warnungen.\n"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn every_kind_of_document_is_validated() {
    // A tertial report, a paper and a review log need no system; their kind is read from them.
    let output = zielsystem(&[
        "validate",
        "tests/cases/report/tr04-draft-with-decision/report.json",
        "tests/cases/paper/bv02-sections-missing/paper.json",
        "tests/cases/review/rv03-resubmission-unchanged/log.json",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes = |i: usize| -> Vec<String> {
        reports[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes(0).contains(&"TR04".to_string()), "{:?}", codes(0));
    assert!(codes(1).contains(&"BV02".to_string()), "{:?}", codes(1));
    assert!(codes(2).contains(&"RV03".to_string()), "{:?}", codes(2));
    // --kind names the kind instead: a paper read as a report is refused at schema level.
    let forced = zielsystem(&[
        "validate",
        "--kind",
        "report",
        "tests/cases/paper/bv02-sections-missing/paper.json",
    ]);
    assert_eq!(forced.status.code(), Some(1));
    assert!(
        text(&forced.stdout).contains("SCHEMA_"),
        "{}",
        text(&forced.stdout)
    );
}

#[test]
fn every_paper_case_with_a_system_checks_its_number_against_the_pattern() {
    // The paper cases that name a system: BV01 against that system's numbering pattern.
    let mut ran = 0;
    for entry in std::fs::read_dir(root().join("tests/cases/paper")).unwrap() {
        let case = entry.unwrap().path();
        let expect: serde_json::Value =
            serde_json::from_slice(&std::fs::read(case.join("expect.json")).unwrap()).unwrap();
        let Some(system) = expect["system"].as_str() else {
            continue;
        };
        let document = expect["document"].as_str().unwrap();
        let output = zielsystem(&[
            "validate",
            "--system",
            case.join(system).to_str().unwrap(),
            case.join(document).to_str().unwrap(),
            "--format",
            "json",
        ]);
        let valid = expect["valid"].as_bool().unwrap();
        assert_eq!(
            output.status.code(),
            Some(i32::from(!valid)),
            "{}: {}",
            case.display(),
            text(&output.stdout)
        );
        let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let found: Vec<&str> = reports[1]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        for code in expect["codes"].as_array().unwrap() {
            assert!(
                found.contains(&code.as_str().unwrap()),
                "{}",
                case.display()
            );
        }
        for code in expect["absent"].as_array().unwrap() {
            assert!(
                !found.contains(&code.as_str().unwrap()),
                "{}",
                case.display()
            );
        }
        ran += 1;
    }
    assert!(ran >= 2, "{ran} paper cases with a system");
}

#[test]
fn a_misspelt_key_and_three_rule_problems_in_one_call() {
    let output = zielsystem(&[
        "validate",
        "--system",
        "tests/fixtures/rules-system-2022.json",
        "tests/cases/sheet/across-misspelt-key-and-three-rules/sheet.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    for code in ["SCHEMA_UNKNOWN_KEY", "RS03", "RS05", "RS07"] {
        assert!(stdout.contains(&format!("[{code}]")), "{code}: {stdout}");
    }
}
