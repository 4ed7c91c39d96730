//! `zielsystem form` and `zielsystem import` through the built binary: every sheet of the example
//! survives its form, and every badly filled form of `tests/forms/` yields its findings at its cells.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_lines
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use zielsystem_core::{Code, ReportSheet};

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

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zielsystem-forms-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SYSTEM: &str = "examples/mitte-2022/target-system.json";

fn sheet(path: &Path) -> ReportSheet {
    zielsystem_core::rules::from_json(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_example_sheet_comes_back_from_its_form() {
    let dir = scratch("round-trip");
    let mut count = 0;
    for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
        let folder = root().join("examples/mitte-2022/sheets").join(tertial);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let forms = dir.join(tertial);
        let out = dir.join(format!("{tertial}-out"));
        let mut args = vec![
            "form",
            "--system",
            SYSTEM,
            "--tertial",
            tertial,
            "-o",
            forms.to_str().unwrap(),
        ];
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        for name in &names {
            args.push("--from");
            args.push(name);
        }
        let output = zielsystem(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        for path in &paths {
            let original = sheet(path);
            let form = forms.join(format!("{}.xlsx", original.goal));
            let output = zielsystem(&[
                "import",
                form.to_str().unwrap(),
                "--system",
                SYSTEM,
                "-o",
                out.to_str().unwrap(),
            ]);
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{}: {stdout}",
                path.display()
            );
            let back = sheet(&out.join(format!("{}-{tertial}.json", original.goal)));
            assert_eq!(back, original, "{}", path.display());
            count += 1;
        }
    }
    assert!(count >= 50, "{count}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_invalid_form_is_written_only_when_asked() {
    let dir = scratch("invalid");
    let form = "tests/forms/protected-cell-changed/form.xlsx";
    let output = zielsystem(&[
        "import",
        form,
        "--system",
        SYSTEM,
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    let output = zielsystem(&[
        "import",
        form,
        "--system",
        SYSTEM,
        "-o",
        dir.to_str().unwrap(),
        "--write-invalid",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(dir.join("A01-2022-T2.json").exists());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!(
            "{form}!Berichtsblatt!B11: error[FORM_PROTECTED]: "
        )),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every case of `tests/forms/`: validity, each expected code at its cell, the absent codes, and the
/// sheet's content where named; together the cases trigger every FORM code.
#[test]
fn the_corpus_of_badly_filled_forms() {
    let corpus = root().join("tests/forms");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expect.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "{}", cases.len());
    let mut triggered = BTreeSet::new();
    let mut failures = Vec::new();
    for case in &cases {
        let expect: Value =
            serde_json::from_slice(&std::fs::read(case.join("expect.json")).unwrap()).unwrap();
        let form = case.join(expect["form"].as_str().unwrap());
        let system = case.join(expect["system"].as_str().unwrap());
        let out = scratch(&format!(
            "corpus-{}",
            case.file_name().unwrap().to_string_lossy()
        ));
        let mut args = vec![
            "import".to_string(),
            form.display().to_string(),
            "--system".to_string(),
            system.display().to_string(),
            "--format".to_string(),
            "json".to_string(),
            "-o".to_string(),
            out.display().to_string(),
            "--write-invalid".to_string(),
        ];
        if let Some(tertial) = expect["tertial"].as_str() {
            args.extend(["--tertial".to_string(), tertial.to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = zielsystem(&args);
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let valid = expect["valid"].as_bool().unwrap();
        assert_eq!(
            output.status.code(),
            Some(u8::from(!valid).into()),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
        let report = &reports[0];
        let found: Vec<(String, Option<String>)> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["cell"].as_str().map(str::to_string),
                )
            })
            .collect();
        for (code, _) in &found {
            triggered.insert(code.clone());
        }
        if report["valid"].as_bool() != Some(valid) {
            failures.push(format!(
                "{name}: valid is {}, expected {valid}: {found:?}",
                report["valid"]
            ));
        }
        for wanted in expect["findings"].as_array().unwrap() {
            let pair = (
                wanted["code"].as_str().unwrap().to_string(),
                wanted["cell"].as_str().map(str::to_string),
            );
            if !found.contains(&pair) {
                failures.push(format!("{name}: {pair:?} not found in {found:?}"));
            }
        }
        for absent in expect["absent"].as_array().unwrap() {
            if found
                .iter()
                .any(|(code, _)| Some(code.as_str()) == absent.as_str())
            {
                failures.push(format!("{name}: {absent} reported: {found:?}"));
            }
        }
        let checks = expect["sheet"].as_object().unwrap();
        if !checks.is_empty() {
            let written = report["written"].as_str().map(PathBuf::from);
            match written {
                Some(path) => {
                    let sheet: Value =
                        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
                    for (key, wanted) in checks {
                        let actual = &sheet[key];
                        let same = match (wanted.as_u64(), actual.as_array()) {
                            (Some(count), Some(items)) => items.len() as u64 == count,
                            _ => actual == wanted,
                        };
                        if !same {
                            failures.push(format!("{name}: {key} is {actual}, expected {wanted}"));
                        }
                    }
                }
                None => failures.push(format!("{name}: no sheet written")),
            }
        }
        let _ = std::fs::remove_dir_all(&out);
    }
    for code in Code::all().filter(|c| c.as_str().starts_with("FORM_")) {
        if !triggered.contains(code.as_str()) {
            failures.push(format!("{code}: no case triggers it"));
        }
    }
    assert!(
        failures.is_empty(),
        "corpus failures:\n  {}",
        failures.join("\n  ")
    );
}
