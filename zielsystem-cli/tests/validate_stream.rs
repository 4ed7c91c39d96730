//! `zielsystem validate-stream` through the built binary: one system, many systems routed by
//! authority and year, sheets without a system, unreadable lines, exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn zielsystem(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// The example's sheets, one compact JSON document per line.
fn example_lines() -> Vec<Value> {
    let mut lines = Vec::new();
    for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
        let dir = root().join("examples/mitte-2022/sheets").join(tertial);
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            lines.push(serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap());
        }
    }
    lines
}

fn jsonl(values: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for value in values {
        serde_json::to_writer(&mut out, value).unwrap();
        out.push(b'\n');
    }
    out
}

fn summary(output: &Output) -> Value {
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

const SYSTEM: &str = "examples/mitte-2022/target-system.json";

#[test]
fn one_system_from_stdin() {
    let output = zielsystem(
        &[
            "validate-stream",
            "--system",
            SYSTEM,
            "--jsonl",
            "-",
            "--format",
            "json",
        ],
        &jsonl(&example_lines()),
    );
    assert_eq!(output.status.code(), Some(0));
    let summary = summary(&output);
    assert_eq!(summary["sheets"], 51);
    assert_eq!(summary["valid"], 51);
    assert_eq!(summary["systems"], 1);
    assert_eq!(summary["forecasts"]["on_track"], 25);
    assert_eq!(summary["periods"]["T3"], 5);
}

#[test]
fn findings_are_counted_and_the_exit_code_is_1() {
    let mut lines = example_lines();
    lines[0]["goal"] = "A99".into();
    lines[1]["rationale"] = " ".into();
    let mut text = jsonl(&lines);
    text.extend_from_slice(b"\n{\"schema_version\": \"1\"}\nkein JSON\n");
    let output = zielsystem(
        &[
            "validate-stream",
            "--system",
            SYSTEM,
            "--jsonl",
            "-",
            "--format",
            "json",
        ],
        &text,
    );
    assert_eq!(output.status.code(), Some(1));
    let summary = summary(&output);
    assert_eq!(summary["sheets"], 53, "the blank line is skipped");
    assert_eq!(summary["invalid"], 4);
    assert_eq!(summary["undecodable"], 2);
    assert_eq!(summary["findings"]["RS02"], 1);
    assert_eq!(summary["findings"]["RS14"], 1);
    assert_eq!(summary["findings"]["JSON_SYNTAX"], 1);
}

#[test]
fn many_systems_are_routed_by_authority_and_year() {
    let dir = root().join("target/validate-stream-test");
    std::fs::create_dir_all(&dir).unwrap();
    let system: Value =
        serde_json::from_slice(&std::fs::read(root().join(SYSTEM)).unwrap()).unwrap();
    let mut pankow = system.clone();
    pankow["authority"] = "Bezirksamt Pankow von Berlin".into();
    let systems = dir.join("systems.jsonl");
    std::fs::write(&systems, jsonl(&[pankow, system])).unwrap();

    // Mitte's sheets, then the same sheets for Pankow, then one of an authority without a system.
    let mitte = example_lines();
    let mut lines = mitte.clone();
    for line in &mitte {
        let mut copy = line.clone();
        copy["authority"] = "Bezirksamt Pankow von Berlin".into();
        lines.push(copy);
    }
    let mut stray = mitte[0].clone();
    stray["authority"] = "BA Mitte".into();
    lines.push(stray);
    let sheets = dir.join("sheets.jsonl");
    std::fs::write(&sheets, jsonl(&lines)).unwrap();

    let output = zielsystem(
        &[
            "validate-stream",
            "--systems",
            path(&systems),
            "--jsonl",
            path(&sheets),
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "one sheet has no system");
    let summary = summary(&output);
    assert_eq!(summary["systems"], 2);
    assert_eq!(summary["sheets"], 103);
    assert_eq!(summary["valid"], 102);
    assert_eq!(summary["without_system"], 1);
    assert_eq!(summary["findings"], serde_json::json!({}));

    let text = zielsystem(
        &[
            "validate-stream",
            "--systems",
            path(&systems),
            "--jsonl",
            path(&sheets),
        ],
        b"",
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("Berichtsblätter: 103 (gültig 102, ungültig 0"),
        "{text}"
    );
    assert!(text.contains("ohne Zielsystem 1"), "{text}");
}

#[test]
fn system_and_systems_exclude_each_other() {
    let output = zielsystem(
        &[
            "validate-stream",
            "--system",
            SYSTEM,
            "--systems",
            SYSTEM,
            "--jsonl",
            "-",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let output = zielsystem(&["validate-stream", "--jsonl", "-"], b"");
    assert_eq!(output.status.code(), Some(2));
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}
