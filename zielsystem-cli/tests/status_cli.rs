//! The `status` command, run as the built binary, against the review conformance cases: every
//! review case's log runs from the CLI with the exit code its `valid` demands, and the overview
//! carries the status words of the tertial report and the review states.
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
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn zielsystem(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(args)
        .output()
        .unwrap()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

#[test]
fn every_review_case_from_the_cli() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("tests/cases/review")).unwrap() {
        let case = entry.unwrap().path();
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap())
                .unwrap();
        let Some(system) = expect["system"].as_str() else {
            continue;
        };
        let mut command = args(&["status", "--format", "json", "--as-of", "2022-06-30"]);
        command.push("--system".into());
        command.push(case.join(system).display().to_string());
        command.push("--log".into());
        command.push(case.join("log.json").display().to_string());
        for sheet in expect["sheets"].as_array().unwrap() {
            command.push(case.join(sheet.as_str().unwrap()).display().to_string());
        }
        let output = zielsystem(&command);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let valid = expect["valid"].as_bool().unwrap();
        assert_eq!(
            output.status.code(),
            Some(i32::from(!valid)),
            "{}: {stderr}",
            case.display()
        );
        for code in expect["codes"].as_array().unwrap() {
            let code = code.as_str().unwrap();
            assert!(
                stderr.contains(&format!("[{code}]")),
                "{}: {code}",
                case.display()
            );
        }
        for code in expect["absent"].as_array().unwrap() {
            let code = code.as_str().unwrap();
            assert!(
                !stderr.contains(&format!("[{code}]")),
                "{}: {code}",
                case.display()
            );
        }
        let overview: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(overview["tertial"], "2022-T1");
        seen += 1;
    }
    assert!(seen >= 9, "{seen}");
}

#[test]
fn status_words_and_escalation() {
    let case = root().join("tests/cases/review/rv02-near-miss-accepted-with-warning-only");
    let fixtures = root().join("tests/fixtures");
    let mut command = args(&[
        "status",
        "--format",
        "json",
        "--as-of",
        "2022-06-09",
        "--grace",
        "5",
    ]);
    for (flag, path) in [
        ("--system", fixtures.join("report-system.json")),
        ("--log", case.join("log.json")),
    ] {
        command.push(flag.into());
        command.push(path.display().to_string());
    }
    for sheet in [
        "report-sheet-2022-T1-A01.json",
        "report-sheet-2022-T1-A02.json",
    ] {
        command.push(fixtures.join(sheet).display().to_string());
    }
    let output = zielsystem(&command);
    assert_eq!(output.status.code(), Some(0));
    let overview: Value = serde_json::from_slice(&output.stdout).unwrap();
    let goals: Vec<&Value> = overview["members"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["goals"].as_array().unwrap())
        .collect();
    let of = |id: &str| *goals.iter().find(|g| g["goal"] == id).unwrap();
    assert_eq!(of("A01")["reporting_status"], "submitted_on_time");
    assert_eq!(of("A01")["review_status"], "returned");
    assert_eq!(of("A01")["due_on"], "2022-06-14");
    assert_eq!(of("A02")["review_status"], "accepted");
    assert_eq!(of("A04")["reporting_status"], "overdue");
    assert_eq!(of("A04")["overdue_working_days"], 6);
    let escalated: Vec<&str> = overview["escalations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["goal"].as_str().unwrap())
        .collect();
    assert_eq!(escalated, ["A03", "A04", "V01", "V02"]);

    let mut md = command.clone();
    md[2] = "md".into();
    let output = zielsystem(&md);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("| A01 | Klimaschutz"), "{text}");
    assert!(
        text.contains("zurückgegeben, Neueinreichung ausstehend"),
        "{text}"
    );

    // Reminder letters to every member with awaited sheets (A02's member has none).
    let dir = std::env::temp_dir().join(format!("zielsystem-reminders-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut with_letters = command.clone();
    with_letters.extend(["--reminders".into(), dir.display().to_string()]);
    with_letters.extend(["--sender".into(), "Frau Sommer".into()]);
    assert_eq!(zielsystem(&with_letters).status.code(), Some(0));
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "erinnerung-m-bzbm.html",
            "erinnerung-m-bzbm.md",
            "erinnerung-m-jug.html",
            "erinnerung-m-jug.md",
            "erinnerung-m-schule.html",
            "erinnerung-m-schule.md"
        ]
    );
    let letter = std::fs::read_to_string(dir.join("erinnerung-m-bzbm.md")).unwrap();
    assert!(letter.contains("| A01 | Klimaschutz"), "{letter}");
    assert!(letter.contains("Im Auftrag\\\nFrau Sommer"), "{letter}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The example's tertial II: the return letter of V04 with its pre-filled form, and the report
/// consolidated with the review log (V04's corrected version counts, both digests listed).
#[test]
fn return_letter_and_report_with_the_review_log() {
    let example = root().join("examples/mitte-2022");
    let system = example.join("target-system.json").display().to_string();
    let log = example
        .join("review/2022-T2/pruefprotokoll.json")
        .display()
        .to_string();
    let first = example
        .join("review/2022-T2/V04-erste-fassung.json")
        .display()
        .to_string();
    let mut sheets: Vec<String> = std::fs::read_dir(example.join("sheets/2022-T2"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    sheets.sort();
    sheets.push(first.clone());
    let dir = std::env::temp_dir().join(format!("zielsystem-return-{}", std::process::id()));
    let output = zielsystem(&args(&[
        "review",
        "letter",
        "--log",
        &log,
        "--system",
        &system,
        "--goal",
        "V04",
        "-o",
        &dir.display().to_string(),
        &first,
    ]));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let letter = std::fs::read_to_string(dir.join("rueckgabe-V04.md")).unwrap();
    assert!(
        letter.contains("| Risiken | Bei der Einschätzung"),
        "{letter}"
    );
    assert!(letter.contains("bis zum 23.09.2022"), "{letter}");
    assert!(letter.contains("Anlage: V04.xlsx"), "{letter}");
    assert!(dir.join("rueckgabe-V04.html").exists());
    assert!(std::fs::metadata(dir.join("V04.xlsx")).unwrap().len() > 1000);
    let _ = std::fs::remove_dir_all(&dir);

    let mut command = args(&[
        "report",
        "--system",
        &system,
        "--tertial",
        "2022-T2",
        "--as-of",
        "2022-10-04",
        "--format",
        "json",
        "--review-log",
        &log,
    ]);
    command.extend(sheets);
    let output = zielsystem(&command);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["sheets"].as_array().unwrap().len(), 23);
    assert_eq!(report["review"]["pending_goals"], serde_json::json!([]));
    let v04 = report["review"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["goal"] == "V04")
        .unwrap();
    assert_eq!(v04["versions"].as_array().unwrap().len(), 2);
    assert_eq!(v04["versions"][0]["due_on"], "2022-09-23");
    assert_eq!(v04["versions"][1]["accepted_on"], "2022-09-15");
    assert_eq!(
        report["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["goal"] == "V04")
            .unwrap()["sheet_digest"],
        v04["counted_digest"]
    );
}
