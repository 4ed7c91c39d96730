//! A whole tertial as the steering service lives it: sheets arrive over the month, two late (A03,
//! V02), one returned and resubmitted (A01), one never comes (A04). The status on five days must
//! equal the table written by hand below; the review log is valid against the system and sheets;
//! consolidation with the log counts the accepted versions and lists every version's digest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_lines
)]

use std::path::Path;

use chrono::NaiveDate;
use zielsystem_core::digest::sheet_digest;
use zielsystem_core::model::review_log::ReviewEntry;
use zielsystem_core::rules::{ReviewContext, validate_review_log};
use zielsystem_core::steering::status::{ReviewStatus, status};
use zielsystem_core::{
    ReportSheet, ReportingStatus, ReviewLog, TargetSystem, consolidate, consolidate_reviewed,
};

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sheet(goal: &str, submitted_on: &str) -> ReportSheet {
    let mut sheet: ReportSheet = fixture(&format!("report-sheet-2022-T1-{goal}.json"));
    sheet.submitted_on = d(submitted_on);
    sheet
}

const R: &str = "Frau Sommer";

fn received(date: &str, sheet: &ReportSheet) -> ReviewEntry {
    ReviewEntry::Received {
        date: d(date),
        goal: sheet.goal.clone(),
        reviewer: R.into(),
        digest: sheet_digest(sheet),
    }
}

fn accepted(date: &str, goal: &str) -> ReviewEntry {
    ReviewEntry::Accepted {
        date: d(date),
        goal: goal.into(),
        reviewer: R.into(),
    }
}

use ReportingStatus::{Missing, Overdue, SubmittedLate as Late, SubmittedOnTime as OnTime};
use ReviewStatus::{Accepted, Returned, UnderReview};

/// (goal, reporting status, review status, working days overdue, escalated) on each day.
type Row = (
    &'static str,
    ReportingStatus,
    Option<ReviewStatus>,
    u32,
    bool,
);

#[rustfmt::skip]
const TABLE: &[(&str, [Row; 6])] = &[
    ("2022-05-19", [
        ("A01", Missing, None, 0, false),
        ("A02", Missing, None, 0, false),
        ("A03", Missing, None, 0, false),
        ("A04", Missing, None, 0, false),
        ("V01", OnTime, Some(Accepted), 0, false),
        ("V02", Missing, None, 0, false),
    ]),
    // The deadline: A01 is back with its member until 14 June.
    ("2022-05-31", [
        ("A01", OnTime, Some(Returned), 0, false),
        ("A02", OnTime, Some(Accepted), 0, false),
        ("A03", Missing, None, 0, false),
        ("A04", Missing, None, 0, false),
        ("V01", OnTime, Some(Accepted), 0, false),
        ("V02", Missing, None, 0, false),
    ]),
    // Friday: 1, 2, 3 June are three working days past the deadline.
    ("2022-06-03", [
        ("A01", OnTime, Some(Returned), 0, false),
        ("A02", OnTime, Some(Accepted), 0, false),
        ("A03", Overdue, None, 3, false),
        ("A04", Overdue, None, 3, false),
        ("V01", OnTime, Some(Accepted), 0, false),
        ("V02", Late, Some(UnderReview), 0, false),
    ]),
    // Pfingstmontag (6 June) is no working day: 1–3, 7–9 June make six, past the grace of five.
    ("2022-06-09", [
        ("A01", OnTime, Some(Returned), 0, false),
        ("A02", OnTime, Some(Accepted), 0, false),
        ("A03", Late, Some(Accepted), 0, false),
        ("A04", Overdue, None, 6, true),
        ("V01", OnTime, Some(Accepted), 0, false),
        ("V02", Late, Some(UnderReview), 0, false),
    ]),
    ("2022-06-16", [
        ("A01", OnTime, Some(Accepted), 0, false),
        ("A02", OnTime, Some(Accepted), 0, false),
        ("A03", Late, Some(Accepted), 0, false),
        ("A04", Overdue, None, 11, true),
        ("V01", OnTime, Some(Accepted), 0, false),
        ("V02", Late, Some(UnderReview), 0, false),
    ]),
];

#[test]
fn a_whole_tertial() {
    let system: TargetSystem = fixture("report-system.json");
    let a01 = sheet("A01", "2022-05-20");
    let mut a01_v2 = sheet("A01", "2022-06-10");
    a01_v2
        .rationale
        .push_str(" Datenlage nach Rückfrage ergänzt.");
    let a02 = sheet("A02", "2022-05-24");
    let a03 = sheet("A03", "2022-06-08");
    let v01 = sheet("V01", "2022-05-18");
    let v02 = sheet("V02", "2022-06-02");
    let sheets = vec![
        a01.clone(),
        a01_v2.clone(),
        a02.clone(),
        a03.clone(),
        v01.clone(),
        v02.clone(),
    ];
    let log = ReviewLog {
        schema_version: "1".into(),
        authority: system.authority.clone(),
        tertial: "2022-T1".parse().unwrap(),
        entries: vec![
            received("2022-05-18", &v01),
            accepted("2022-05-19", "V01"),
            received("2022-05-20", &a01),
            received("2022-05-24", &a02),
            ReviewEntry::Returned {
                date: d("2022-05-25"),
                goal: "A01".into(),
                reviewer: R.into(),
                findings: vec![zielsystem_core::Code::RS10],
                comment: "Bitte die Datenlage zur Kennzahl ergänzen.".into(),
                due_on: d("2022-06-14"),
            },
            accepted("2022-05-30", "A02"),
            received("2022-06-02", &v02),
            received("2022-06-08", &a03),
            accepted("2022-06-09", "A03"),
            ReviewEntry::Resubmitted {
                date: d("2022-06-10"),
                goal: "A01".into(),
                reviewer: R.into(),
                digest: sheet_digest(&a01_v2),
                replaces: sheet_digest(&a01),
            },
            accepted("2022-06-13", "A01"),
        ],
    };
    let checked = validate_review_log(
        &log,
        ReviewContext {
            system: Some(&system),
            sheets: &sheets,
        },
    );
    assert!(checked.findings.is_empty(), "{:?}", checked.findings);

    for (day, rows) in TABLE {
        let overview = status(&system, log.tertial, d(day), &sheets, Some(&log), 5);
        let all: Vec<_> = overview.members.iter().flat_map(|m| &m.goals).collect();
        assert_eq!(all.len(), 6, "{day}");
        for (goal, reporting, review, overdue, escalate) in rows {
            let found = all.iter().find(|g| g.goal == *goal).unwrap();
            assert_eq!(
                (
                    found.reporting_status,
                    found.review_status,
                    found.overdue_working_days,
                    found.escalate
                ),
                (*reporting, *review, *overdue, *escalate),
                "{day} {goal}"
            );
        }
        let escalated: Vec<&str> = overview
            .escalations
            .iter()
            .map(|g| g.goal.as_str())
            .collect();
        let expected: Vec<&str> = rows.iter().filter(|r| r.4).map(|r| r.0).collect();
        assert_eq!(escalated, expected, "{day}");
    }

    // Per member, in the system's order; A01 returned on 31 May is due again on 14 June.
    let overview = status(
        &system,
        log.tertial,
        d("2022-05-31"),
        &sheets,
        Some(&log),
        5,
    );
    let members: Vec<(&str, Vec<&str>)> = overview
        .members
        .iter()
        .map(|m| {
            (
                m.member.as_deref().unwrap(),
                m.goals.iter().map(|g| g.goal.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [
            ("m-bzbm", vec!["A01", "V02"]),
            ("m-schule", vec!["A04"]),
            ("m-soz", vec!["A02"]),
            ("m-jug", vec!["A03", "V01"]),
        ]
    );
    let a01_status = &overview.members[0].goals[0];
    assert_eq!(a01_status.due_on, d("2022-06-14"));

    // A returned sheet that is not resubmitted by its new due date is overdue too: without the
    // resubmission, on 16 June A01 is two working days past 14 June.
    let mut no_resubmission = log.clone();
    no_resubmission.entries.truncate(9);
    let overview = status(
        &system,
        log.tertial,
        d("2022-06-16"),
        &sheets[..1],
        Some(&no_resubmission),
        5,
    );
    let a01_status = &overview.members[0].goals[0];
    assert_eq!(
        (a01_status.review_status, a01_status.overdue_working_days),
        (Some(Returned), 2)
    );
    assert!(
        a01_status
            .state_de()
            .contains("2 Arbeitstage über der Frist")
    );
    let text = overview.to_markdown();
    assert!(text.contains("## Eskalation"), "{text}");

    // Consolidation after the log: A01 counts its corrected, accepted version (on time: the first
    // version was), the returned one is superseded but keeps its digest; V02 is still under review.
    let tertial = log.tertial;
    let report = consolidate_reviewed(&system, &sheets, tertial, d("2022-06-16"), &[], &log);
    let a01_entry = report.goal("A01").unwrap();
    assert_eq!(a01_entry.sheet_digest, Some(sheet_digest(&a01_v2)));
    assert_eq!(a01_entry.reporting_status, OnTime);
    assert_eq!(report.sheets.len(), 5);
    assert!(!report.sheets.contains(&a01));
    assert_eq!(report.missing_goals, ["A04"]);
    assert!(
        report.findings.iter().all(|f| !f.is_error()),
        "{:?}",
        report.findings
    );
    let review = report.review.as_ref().unwrap();
    assert_eq!(review.pending_goals, ["V02"]);
    let a01_review = review.goals.iter().find(|g| g.goal == "A01").unwrap();
    let versions: Vec<_> = a01_review
        .versions
        .iter()
        .map(|v| {
            (
                v.digest.clone(),
                v.received_on,
                v.returned_on,
                v.due_on,
                v.accepted_on,
            )
        })
        .collect();
    assert_eq!(
        versions,
        [
            (
                sheet_digest(&a01),
                d("2022-05-20"),
                Some(d("2022-05-25")),
                Some(d("2022-06-14")),
                None
            ),
            (
                sheet_digest(&a01_v2),
                d("2022-06-10"),
                None,
                None,
                Some(d("2022-06-13"))
            ),
        ]
    );
    assert_eq!(
        review
            .goals
            .iter()
            .map(|g| g.goal.as_str())
            .collect::<Vec<_>>(),
        ["A01", "A02", "A03", "V01", "V02"]
    );
    // The Anlage of the Vorlage lists every version by its digest, the superseded one marked.
    let paper = report.to_markdown();
    assert!(
        paper.contains("### Prüfung der Berichtsblätter durch den Steuerungsdienst"),
        "{paper}"
    );
    assert!(
        paper.contains("Noch nicht angenommen: V02 \\(in Prüfung\\)."),
        "{paper}"
    );
    assert!(
        paper.contains(&format!(
            "| A01 | `{}` (ersetzt) | 20.05.2022 | 25.05.2022 \\(neue Frist 14.06.2022\\) | — |",
            sheet_digest(&a01)
        )),
        "{paper}"
    );
    assert!(
        paper.contains(&format!(
            "| A01 | `{}` | 10.06.2022 | — | 13.06.2022 |",
            sheet_digest(&a01_v2)
        )),
        "{paper}"
    );
    assert!(report.to_html().contains("class=\"superseded\""));
    assert!(!plain_paper_has_review(&system, &sheets));

    // Before the resubmission, the returned version is what the steering service holds.
    let early = consolidate_reviewed(&system, &sheets, tertial, d("2022-06-09"), &[], &log);
    assert_eq!(
        early.goal("A01").unwrap().sheet_digest,
        Some(sheet_digest(&a01))
    );
    assert_eq!(early.review.as_ref().unwrap().pending_goals, ["A01", "V02"]);
    // Without the log: today's consolidation, which takes the sheet submitted last and sees two
    // sheets on A01 (TR02); its JSON has no review.
    let plain = consolidate(&system, &sheets, tertial, d("2022-06-16"), &[]);
    assert!(plain.review.is_none());
    assert!(
        !serde_json::to_string(&plain)
            .unwrap()
            .contains("\"review\"")
    );
    assert!(
        plain
            .findings
            .iter()
            .any(|f| f.code == zielsystem_core::Code::TR02)
    );
}

fn plain_paper_has_review(system: &TargetSystem, sheets: &[ReportSheet]) -> bool {
    let report = consolidate(
        system,
        sheets,
        "2022-T1".parse().unwrap(),
        d("2022-06-16"),
        &[],
    );
    report.to_markdown().contains("Prüfung der Berichtsblätter")
        || report.to_html().contains("Prüfung der Berichtsblätter")
}
