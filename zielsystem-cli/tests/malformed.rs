//! The malformed-input corpus of `tests/malformed/` through the `zielsystem` binary: every document
//! through `validate` (exit 1 with the expected codes in `--format json`, the same verdict in text
//! without a control character in the output) and through `report` (exit 2 with a clear German
//! message where the document does not decode); every tertial and date through `report`'s options.
//! Never a crash or a signal, always within a time bound. Stored reports and papers have no CLI
//! command that reads them; they run through the Rust and Python surfaces.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

#[path = "../../tests/malformed/generate.rs"]
mod generate;

/// Per command, for a debug build on a loaded CI machine (process start included): the bound
/// catches a quadratic blow-up, not a slow machine.
const TIME_BOUND: Duration = Duration::from_secs(120);

const SYSTEM: &str = "tests/fixtures/rules-system-2022.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn folder() -> PathBuf {
    root().join("tests/malformed")
}

struct Run {
    output: Output,
    elapsed: Duration,
}

fn zielsystem(args: &[&str]) -> Run {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    Run {
        output,
        elapsed: started.elapsed(),
    }
}

/// A scratch directory of this test process and test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "zielsystem-malformed-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn bytes_of(case: &Value) -> Vec<u8> {
    if let Some(file) = case["file"].as_str() {
        std::fs::read(folder().join(file)).unwrap()
    } else {
        generate::expand(&case["generate"]).unwrap()
    }
}

/// Problems common to every run: a signal, a crash, a time overrun, an exit code out of 0–2.
fn sanity(name: &str, what: &str, run: &Run, problems: &mut Vec<String>) {
    match run.output.status.code() {
        Some(0..=2) => {}
        other => problems.push(format!(
            "{name} ({what}): exit {other:?}, stderr {}",
            String::from_utf8_lossy(&run.output.stderr)
        )),
    }
    if run.elapsed > TIME_BOUND {
        problems.push(format!("{name} ({what}): took {:?}", run.elapsed));
    }
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        problems.push(format!("{name} ({what}): panic: {stderr}"));
    }
}

/// No control character other than a line break reaches the terminal.
fn printable(name: &str, what: &str, bytes: &[u8], problems: &mut Vec<String>) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
        problems.push(format!(
            "{name} ({what}): control character {c:?} in the output"
        ));
    }
    if text.contains('\u{202e}') {
        problems.push(format!("{name} ({what}): bidi override in the output"));
    }
}

fn check_document(case: &Value, path: &Path, problems: &mut Vec<String>) {
    let name = case["name"].as_str().unwrap();
    let kind = case["kind"].as_str().unwrap();
    let valid = case["expect"]["valid"].as_bool().unwrap();
    let codes: Vec<&str> = case["expect"]["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let path = path.to_str().unwrap();
    let mut args = vec!["validate"];
    if kind == "review" {
        args.extend(["--kind", "review"]);
    }
    args.push("--system");
    if kind == "system" {
        args.push(path);
    } else {
        args.extend([SYSTEM, path]);
    }
    let index = usize::from(kind != "system");

    let json = zielsystem(&[args.as_slice(), &["--format", "json"]].concat());
    sanity(name, "validate json", &json, problems);
    let expected_exit = i32::from(!valid);
    if json.output.status.code() != Some(expected_exit) {
        problems.push(format!(
            "{name}: validate exits {:?}, expected {expected_exit}: {}",
            json.output.status.code(),
            String::from_utf8_lossy(&json.output.stderr)
        ));
        return;
    }
    let reports: Value = serde_json::from_slice(&json.output.stdout).unwrap();
    let found: BTreeSet<&str> = reports[index]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in &codes {
        if !found.contains(code) {
            problems.push(format!("{name}: {code} expected, found {found:?}"));
        }
    }

    let text = zielsystem(&args);
    sanity(name, "validate text", &text, problems);
    if text.output.status.code() != Some(expected_exit) {
        problems.push(format!(
            "{name}: validate (text) exits {:?}",
            text.output.status.code()
        ));
    }
    printable(name, "validate text", &text.output.stdout, problems);

    if kind == "review" {
        check_status_log(name, path, problems);
        return;
    }

    // `report` needs documents that decode; otherwise it stops with exit 2 and says why.
    // (A rule code next to SCHEMA_LIMIT means the limit is the note on too many rule findings.)
    let schema_level = |c: &&str| c.starts_with("JSON_") || c.starts_with("SCHEMA_");
    let undecodable = codes.iter().any(schema_level) && codes.iter().all(schema_level);
    let mut args = vec![
        "report",
        "--tertial",
        "2022-T1",
        "--as-of",
        "2022-06-14",
        "--system",
    ];
    if kind == "system" {
        args.push(path);
    } else {
        args.extend([SYSTEM, path]);
    }
    let report = zielsystem(&args);
    sanity(name, "report", &report, problems);
    printable(name, "report stderr", &report.output.stderr, problems);
    let stderr: String = String::from_utf8_lossy(&report.output.stderr)
        .chars()
        .take(400)
        .collect();
    if undecodable {
        if report.output.status.code() != Some(2) || !stderr.contains("ist kein gültiges") {
            problems.push(format!(
                "{name}: report exits {:?} with {stderr}",
                report.output.status.code()
            ));
        }
    } else if report.output.status.code() == Some(2) {
        problems.push(format!(
            "{name}: report refuses a decodable document: {stderr}"
        ));
    }
}

/// `status --log` checks the review log before anything else: a log with an error finding ends
/// with exit 1, one that does not decode with exit 2, its findings on stderr, printable.
fn check_status_log(name: &str, log: &str, problems: &mut Vec<String>) {
    let status = zielsystem(&[
        "status",
        "--system",
        SYSTEM,
        "--tertial",
        "2022-T1",
        "--as-of",
        "2022-06-14",
        "--log",
        log,
    ]);
    sanity(name, "status --log", &status, problems);
    printable(name, "status stdout", &status.output.stdout, problems);
    printable(name, "status stderr", &status.output.stderr, problems);
    if !matches!(status.output.status.code(), Some(1 | 2)) {
        problems.push(format!(
            "{name}: status --log exits {:?}",
            status.output.status.code()
        ));
    }
}

fn check_string(case: &Value, problems: &mut Vec<String>) {
    let name = case["name"].as_str().unwrap();
    let text = case["text"].as_str().unwrap();
    let ok = case["expect"].as_str() == Some("ok");
    let option = if case["kind"] == "tertial" {
        vec!["--tertial", text, "--as-of", "2022-06-14"]
    } else {
        vec!["--tertial", "2022-T1", "--as-of", text]
    };
    let run = zielsystem(&[&["report", "--system", SYSTEM][..], &option].concat());
    sanity(name, "report option", &run, problems);
    let code = run.output.status.code();
    if ok == (code == Some(2)) {
        problems.push(format!(
            "{name}: exit {code:?} for {text:?}: {}",
            String::from_utf8_lossy(&run.output.stderr)
        ));
    }
}

/// An OParl configuration given to `paper --format oparl --config`: a malformed one refuses the
/// command (exit 2) and says the configuration cannot be read; a readable one is never called
/// unreadable.
fn check_oparl_config(case: &Value, path: &Path, dir: &Path, problems: &mut Vec<String>) {
    let name = case["name"].as_str().unwrap();
    let ok = case["expect"].as_str() == Some("ok");
    let report = "tests/cases/report/tr04-near-miss-council-note-without-number/report.json";
    let out = dir.join(format!("{name}-oparl")).join("paper.json");
    let run = zielsystem(&[
        "paper",
        report,
        "--format",
        "oparl",
        "--config",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    sanity(name, "paper --config", &run, problems);
    printable(name, "paper --config", &run.output.stderr, problems);
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    let unreadable = stderr.contains("OParl-Konfiguration ist unlesbar");
    if ok == unreadable || (!ok && run.output.status.code() != Some(2)) {
        problems.push(format!(
            "{name}: exit {:?}: {stderr}",
            run.output.status.code()
        ));
    }
}

#[test]
fn every_malformed_case_through_the_cli() {
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(folder().join("manifest.json")).unwrap()).unwrap();
    let dir = scratch("corpus");
    let mut problems = Vec::new();
    let mut ran = 0;
    for case in manifest["cases"].as_array().unwrap() {
        match case["kind"].as_str().unwrap() {
            "system" | "sheet" | "review" => {
                let path = dir.join(format!("{}.json", case["name"].as_str().unwrap()));
                std::fs::write(&path, bytes_of(case)).unwrap();
                check_document(case, &path, &mut problems);
                std::fs::remove_file(&path).unwrap();
            }
            "tertial" | "date" => check_string(case, &mut problems),
            "oparl_config" => {
                let path = dir.join(format!("{}.json", case["name"].as_str().unwrap()));
                std::fs::write(&path, bytes_of(case)).unwrap();
                check_oparl_config(case, &path, &dir, &mut problems);
                std::fs::remove_file(&path).unwrap();
            }
            _ => continue,
        }
        ran += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ran >= 80, "{ran} cases ran");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let sheet = folder().join("escaped-control-characters.json");
    let dir = scratch("terminal");
    // A sheet whose goal and member carry escape sequences: RS02/RS03 quote them in messages.
    let hostile = std::fs::read_to_string(root().join("tests/fixtures/rules-sheet-a01-t1.json"))
        .unwrap()
        .replacen(
            "\"A01\"",
            "\"A01\\u001b[2J\\u001b]0;pwned\\u0007\\u202e\"",
            1,
        );
    let path = dir.join("hostile-sheet.json");
    std::fs::write(&path, hostile).unwrap();
    let run = zielsystem(&["validate", "--system", SYSTEM, path.to_str().unwrap()]);
    assert_eq!(run.output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&run.output.stdout);
    assert!(
        stdout.contains("A01\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}"),
        "{stdout}"
    );
    let mut problems = Vec::new();
    printable(
        "hostile-sheet",
        "validate",
        &run.output.stdout,
        &mut problems,
    );
    let run = zielsystem(&["validate", "--system", sheet.to_str().unwrap()]);
    printable(
        "escaped-control-characters",
        "validate",
        &run.output.stdout,
        &mut problems,
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{problems:?}");
}
