//! The `next-year` command, run as the built binary on the bundled example: the draft is written,
//! parses, continues every goal and validates against the example as the previous year; what is not
//! carried is listed; an unwritable output is a usage error that leaves no file behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zielsystem_core::{TargetSystem, validate_system};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn zielsystem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn drafts_next_years_system_from_the_example() {
    let dir = std::env::temp_dir().join(format!("zielsystem-next-year-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("2023-entwurf.json");
    let system = root().join("examples/mitte-2022/target-system.json");
    let mut sheets: Vec<String> =
        std::fs::read_dir(root().join("examples/mitte-2022/sheets/2022-T3"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .map(|path| path.display().to_string())
            .collect();
    sheets.sort();
    let mut args = vec![
        "next-year",
        "--system",
        system.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--sheets",
    ];
    args.extend(sheets.iter().map(String::as_str));
    let output = zielsystem(&args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Entwurf des Zielsystems 2023 geschrieben"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Nicht übernommen:\n  /resolution:"),
        "{stdout}"
    );
    let previous: TargetSystem =
        serde_json::from_str(&std::fs::read_to_string(&system).unwrap()).unwrap();
    let draft: TargetSystem =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(draft.year, 2023);
    assert_eq!(draft.goals.len(), previous.goals.len());
    assert_eq!(
        draft.goals[0].origin.predecessor.as_deref(),
        Some(format!("2022/{}", previous.goals[0].id).as_str())
    );
    let result = validate_system(&draft, Some(&previous));
    assert!(result.valid, "{:#?}", result.findings);
    // No temporary file is left beside the output.
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unwritable_output_is_a_usage_error() {
    let system = root().join("examples/mitte-2022/target-system.json");
    let output = zielsystem(&[
        "next-year",
        "--system",
        system.to_str().unwrap(),
        "-o",
        "/nonexistent-dir/entwurf.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("kann nicht geschrieben werden"));
}
