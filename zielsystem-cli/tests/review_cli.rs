//! `zielsystem review receive|return|accept`, run as the built binary: events are appended after
//! the check, a refused event leaves the log byte for byte as it was, a returned sheet that comes in
//! again is recorded as resubmitted.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_lines
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zielsystem_core::ReviewLog;
use zielsystem_core::model::review_log::{EventKind, ReviewEntry};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn zielsystem(log: &Path, args: &[&str]) -> Output {
    let log = log.display().to_string();
    let (verb, rest) = args.split_first().unwrap();
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(["review", verb, "--log", &log, "--reviewer", "Frau Sommer"])
        .args(rest)
        .output()
        .unwrap()
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zielsystem-review-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_steering_services_day() {
    let dir = scratch();
    let log = dir.join("pruefprotokoll.json");
    let system = fixture("report-system.json");
    let (a01, a01_v2) = (
        fixture("report-sheet-2022-T1-A01.json"),
        fixture("review/report-sheet-2022-T1-A01-v2.json"),
    );
    let bad = fixture("review/report-sheet-2022-T1-A02-no-risk.json");

    // Nothing to return before anything came in: refused, and no log is created.
    let refused = zielsystem(
        &log,
        &[
            "return",
            "--goal",
            "A01",
            "--comment",
            "x",
            "--due",
            "2022-06-14",
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(!log.exists());

    let ok = |output: Output| {
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    ok(zielsystem(&log, &["receive", "--date", "2022-05-20", &a01]));
    ok(zielsystem(&log, &["receive", "--date", "2022-05-24", &bad]));
    ok(zielsystem(
        &log,
        &[
            "return",
            "--date",
            "2022-05-25",
            "--goal",
            "A01",
            "--finding",
            "RS10",
            "--comment",
            "Bitte die Datenlage ergänzen.",
            "--within",
            "10",
        ],
    ));
    // Ten Berlin working days after 25 May 2022: Christi Himmelfahrt (26 May) and Pfingstmontag
    // (6 June) do not count.
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&log).unwrap()).unwrap();
    assert_eq!(written["entries"][2]["due_on"], "2022-06-10");
    let before = std::fs::read(&log).unwrap();

    // Refused, each with its finding; the file is unchanged.
    for (args, code) in [
        (
            vec!["accept", "--date", "2022-05-26", "--goal", "A01"],
            "[RV04]",
        ),
        (
            vec!["accept", "--date", "2022-05-26", "--goal", "A03"],
            "[RV01]",
        ),
        (vec!["receive", "--date", "2022-06-10", &a01], "[RV03]"),
        (
            vec![
                "accept",
                "--date",
                "2022-05-27",
                "--goal",
                "A02",
                "--system",
                &system,
                &bad,
            ],
            "[RV02]",
        ),
    ] {
        let output = zielsystem(&log, &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(code), "{args:?}: {stderr}");
        assert!(stderr.contains("unverändert"), "{stderr}");
        assert_eq!(std::fs::read(&log).unwrap(), before, "{args:?}");
    }

    ok(zielsystem(
        &log,
        &["receive", "--date", "2022-06-10", &a01_v2],
    ));
    ok(zielsystem(
        &log,
        &[
            "accept",
            "--date",
            "2022-06-13",
            "--goal",
            "A01",
            "--system",
            &system,
            &a01_v2,
        ],
    ));
    let written: ReviewLog = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
    let events: Vec<EventKind> = written.entries.iter().map(ReviewEntry::kind).collect();
    assert_eq!(
        events,
        [
            EventKind::Received,
            EventKind::Received,
            EventKind::Returned,
            EventKind::Resubmitted,
            EventKind::Accepted
        ]
    );
    // No temporary file is left beside the log.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
