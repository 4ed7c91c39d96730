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

/// The example's target system as JSON, to derive other authorities' systems from.
fn example_system() -> Value {
    serde_json::from_slice(&std::fs::read(root().join(SYSTEM)).unwrap()).unwrap()
}

/// `validate-stream` against the example's system with the sheets on standard input, plus `extra`.
fn from_stdin(extra: &[&str], input: &[u8]) -> Output {
    let args = [
        &["validate-stream", "--system", SYSTEM, "--jsonl", "-"][..],
        extra,
    ]
    .concat();
    zielsystem(&args, input)
}

#[test]
fn one_system_from_stdin() {
    let output = from_stdin(&["--format", "json"], &jsonl(&example_lines()));
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
    let output = from_stdin(&["--format", "json"], &text);
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
    let system = example_system();
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

/// `--jobs N` splits the work and changes nothing: the same totals as one thread, on more sheets
/// than one chunk holds, with findings whose order matters (RS13 reads the earlier sheets), lines
/// that are not sheets, blank lines, sheets without a system, and sheets of a system read again
/// after it left memory.
#[test]
fn jobs_split_the_work_and_change_nothing() {
    let dir = root().join("target/validate-stream-jobs-test");
    std::fs::create_dir_all(&dir).unwrap();
    let system = example_system();
    let authority = |i: usize| format!("Bezirksamt {i} von Berlin");
    let systems: Vec<Value> = (0..180)
        .map(|i| {
            let mut copy = system.clone();
            copy["authority"] = authority(i).into();
            copy
        })
        .collect();
    let systems_path = dir.join("systems.jsonl");
    std::fs::write(&systems_path, jsonl(&systems)).unwrap();

    let mitte = example_lines();
    let mut text = Vec::new();
    let mut count = 0_usize;
    for i in (0..180).chain([3, 195]) {
        for line in &mitte {
            count += 1;
            let mut copy = line.clone();
            copy["authority"] = authority(i).into();
            if count % 13 == 0 {
                copy["forecast"] = "achieved".into(); // RS13 on the goal's later sheets
            }
            if count % 17 == 0 {
                copy["goal"] = "A99".into();
            }
            serde_json::to_writer(&mut text, &copy).unwrap();
            text.push(b'\n');
            if count % 97 == 0 {
                text.extend_from_slice(b"{\"schema_version\": \"1\"}\n\n  \nkein JSON\r\n");
            }
        }
    }
    let sheets_path = dir.join("sheets.jsonl");
    std::fs::write(&sheets_path, &text).unwrap();

    let run = |jobs: &str, format: &str| {
        let output = zielsystem(
            &[
                "validate-stream",
                "--systems",
                path(&systems_path),
                "--jsonl",
                path(&sheets_path),
                "--format",
                format,
                "--jobs",
                jobs,
            ],
            b"",
        );
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stderr.is_empty());
        output.stdout
    };
    let one = run("1", "json");
    let totals: Value = serde_json::from_slice(&one).unwrap();
    assert!(totals["sheets"].as_u64().unwrap() > 4096 * 2, "{totals}");
    assert!(totals["findings"]["RS13"].as_u64().unwrap() > 0, "{totals}");
    assert!(totals["without_system"].as_u64().unwrap() > 0, "{totals}");
    assert!(totals["undecodable"].as_u64().unwrap() > 0, "{totals}");
    for jobs in ["2", "3", "8"] {
        assert_eq!(run(jobs, "json"), one, "--jobs {jobs}");
    }
    assert_eq!(run("2", "text"), run("1", "text"));

    // One system for every sheet, from standard input.
    let single = |jobs: &str| {
        let output = from_stdin(&["--format", "json", "--jobs", jobs], &text);
        assert_eq!(output.status.code(), Some(1));
        output.stdout
    };
    assert_eq!(single("2"), single("1"));
    let zero = from_stdin(&["--jobs", "0"], b"");
    assert_eq!(zero.status.code(), Some(2));
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
