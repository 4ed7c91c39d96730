//! The `report` and `demo` commands, run as the built binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zielsystem_core::{ReportingStatus, TertialReport};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn sheet(name: &str) -> String {
    fixtures()
        .join(format!("report-sheet-{name}.json"))
        .display()
        .to_string()
}

fn zielsystem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(args)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zielsystem-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn report_json_of_a_draft_with_an_overdue_goal() {
    let system = fixtures().join("report-system.json").display().to_string();
    let (a01, t1a01) = (sheet("2022-T2-A01"), sheet("2022-T1-A01"));
    let output = zielsystem(&[
        "report",
        "--system",
        &system,
        "--tertial",
        "2022-T2",
        "--as-of",
        "2022-10-11",
        "--format",
        "json",
        "--previous",
        &t1a01,
        &a01,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: TertialReport = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report.goals.len(), 6);
    assert_eq!(
        report.goal("A01").unwrap().reporting_status,
        ReportingStatus::SubmittedOnTime
    );
    assert_eq!(
        report.goal("A02").unwrap().reporting_status,
        ReportingStatus::Overdue
    );
    assert_eq!(report.changes.len(), 1);
    // The missing goals are named on stderr as TR03 warnings.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("Bericht: warning[TR03]").count(),
        5,
        "{stderr}"
    );
}

#[test]
fn report_with_a_foreign_sheet_exits_1_and_still_writes() {
    let system = fixtures().join("report-system.json").display().to_string();
    let dir = scratch("report");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("bericht.html");
    let output = zielsystem(&[
        "report",
        "--system",
        &system,
        "--tertial",
        "2022-T1",
        "--as-of",
        "2022-06-14",
        "--format",
        "html",
        "-o",
        &out.display().to_string(),
        &sheet("2022-T1-A01"),
        &sheet("2022-T2-A02"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Bericht: error[TR01] /sheets/1"));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") || html.contains("<!DOCTYPE html>"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_usage_errors_exit_2() {
    let output = zielsystem(&[
        "report",
        "--system",
        "/does/not/exist.json",
        "--tertial",
        "2022-T1",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = zielsystem(&["report", "--system", "x.json", "--tertial", "2022-T4"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn demo_writes_every_file_and_names_them() {
    let dir = scratch("demo");
    let output = zielsystem(&["demo", "--out", &dir.display().to_string()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
        let mut names = vec![
            format!("bericht-{tertial}.json"),
            format!("ampel-{tertial}.svg"),
            format!("vorlage-bezirksamt-{tertial}.md"),
            format!("vorlage-bezirksamt-{tertial}.html"),
            format!("vorlage-bezirksamt-{tertial}.json"),
        ];
        // The council's paper exists once the Bezirksamt has decided (tertials I and II).
        if tertial == "2022-T3" {
            assert!(!dir.join("vorlage-bvv-2022-T3.html").exists());
        } else {
            names.extend(["md", "html", "json"].map(|ext| format!("vorlage-bvv-{tertial}.{ext}")));
        }
        for name in names {
            let path = dir.join(&name);
            assert!(path.is_file(), "{name} missing");
            assert!(
                stdout.contains(&path.display().to_string()),
                "{name} not named"
            );
            // Every paper and page of the demo is marked as an example.
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if extension == "html" || extension == "md" {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(text.contains("BEISPIEL"), "{name} not marked as an example");
                assert!(
                    text.contains("Illustrativ – nicht veröffentlicht"),
                    "{name}: illustrative goals not marked"
                );
            }
        }
    }
    // The current paper of each tertial as PDF (with the typesetter, the default build).
    if cfg!(feature = "pdf") {
        for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
            let name = format!("bericht-{tertial}.pdf");
            let pdf = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"), "{name}");
            assert!(stdout.contains(&name), "{name} not named");
        }
    }
    // The steering service's month of tertial II: the status overview (its working list), a
    // reminder and a return letter (letters leave the house: marked as examples) and the returned
    // version as a pre-filled form.
    let steering = dir.join("steuerung-2022-T2");
    let status = std::fs::read_to_string(steering.join("stand-2022-09-21.md")).unwrap();
    assert!(status.starts_with("# Stand der Berichtsblätter – II. Tertial 2022"));
    for name in [
        "erinnerung-m-soz.md",
        "erinnerung-m-soz.html",
        "rueckgabe-V04.md",
        "rueckgabe-V04.html",
    ] {
        let text =
            std::fs::read_to_string(steering.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(text.contains("BEISPIEL"), "{name} not marked as an example");
    }
    let letter = std::fs::read_to_string(steering.join("rueckgabe-V04.md")).unwrap();
    assert!(letter.contains("V04"), "{letter}");
    assert!(
        std::fs::read(steering.join("V04.xlsx"))
            .unwrap()
            .starts_with(b"PK"),
        "the returned version's form"
    );
    let t1: TertialReport =
        serde_json::from_str(&std::fs::read_to_string(dir.join("bericht-2022-T1.json")).unwrap())
            .unwrap();
    assert_eq!(t1.stage, zielsystem_core::Stage::Noted);
    assert_eq!(
        t1.goals.len(),
        23,
        "the bundled example district has 23 goals"
    );
    assert!(stdout.contains("Geschrieben nach"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The report cases built by consolidation (`tests/cases/report/`, without `decide`: the CLI makes
/// drafts) through `zielsystem report --format json`: the report it writes carries the expected
/// findings.
#[test]
fn report_cases_by_consolidation_through_the_cli() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/report");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expect.json").is_file())
        .collect();
    dirs.sort();
    let mut ran = 0;
    for dir in dirs {
        let expect: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("expect.json")).unwrap()).unwrap();
        if expect.get("document").is_some() || expect.get("decide").is_some() {
            continue;
        }
        let path =
            |value: &serde_json::Value| dir.join(value.as_str().unwrap()).display().to_string();
        let mut args: Vec<String> = vec![
            "report".into(),
            "--system".into(),
            path(&expect["system"]),
            "--tertial".into(),
            expect["tertial"].as_str().unwrap().into(),
            "--as-of".into(),
            expect["as_of"].as_str().unwrap().into(),
            "--format".into(),
            "json".into(),
        ];
        for previous in expect["previous"].as_array().into_iter().flatten() {
            args.extend(["--previous".into(), path(previous)]);
        }
        args.extend(expect["sheets"].as_array().unwrap().iter().map(path));
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = zielsystem(&arg_refs);
        let report: TertialReport = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
        let name = dir.display();
        assert_eq!(
            !report.has_errors(),
            expect["valid"].as_bool().unwrap(),
            "{name}: {codes:?}"
        );
        for code in expect["codes"].as_array().unwrap() {
            assert!(
                codes.contains(&code.as_str().unwrap()),
                "{name}: {code} expected, {codes:?}"
            );
        }
        for code in expect["absent"].as_array().unwrap() {
            assert!(
                !codes.contains(&code.as_str().unwrap()),
                "{name}: {code} absent, {codes:?}"
            );
        }
        ran += 1;
    }
    assert!(ran >= 6, "only {ran} report cases ran");
}
