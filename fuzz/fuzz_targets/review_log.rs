//! Review log inputs: the bytes are checked as a review log with and without the bundled example's
//! target system and sheets (RV01–RV04). A log that decodes then drives everything the steering
//! service does with one: the status as of the tertial's deadline and a day from the log, the
//! reminders, a return letter for every goal, consolidation with the log, and one more arrival
//! appended. Nothing may panic; the checked log must agree with the rules run on it again.
#![no_main]

mod example;

use libfuzzer_sys::fuzz_target;
use zielsystem_core::render::RenderOptions;
use zielsystem_core::render::reminder::reminders;
use zielsystem_core::render::return_letter::{ReturnLetterOptions, return_letter};
use zielsystem_core::rules::{
    ReviewContext, append_entry, arrival, check_review_log_json, validate_review_log,
};
use zielsystem_core::steering::status::status;
use zielsystem_core::{ReportSheet, consolidate_reviewed};

fn sheets() -> &'static Vec<ReportSheet> {
    static SHEETS: std::sync::OnceLock<Vec<ReportSheet>> = std::sync::OnceLock::new();
    SHEETS.get_or_init(|| {
        let (_, history) = example::example();
        let mut sheets = history.clone();
        for bytes in [
            include_bytes!("../../examples/mitte-2022/review/2022-T2/V04-erste-fassung.json")
                .as_slice(),
            include_bytes!("../../examples/mitte-2022/sheets/2022-T2/V04.json").as_slice(),
        ] {
            sheets.push(
                zielsystem_core::rules::from_json(bytes)
                    .unwrap_or_else(|e| panic!("the example decodes: {e}")),
            );
        }
        sheets
    })
}

fuzz_target!(|data: &[u8]| {
    let (system, _) = example::example();
    let sheets = sheets();
    let bare = check_review_log_json(
        data,
        ReviewContext {
            system: None,
            sheets: &[],
        },
    );
    let context = ReviewContext {
        system: Some(system),
        sheets,
    };
    let checked = check_review_log_json(data, context);
    assert_eq!(
        bare.document.is_some(),
        checked.document.is_some(),
        "the context decides no decoding"
    );
    let Some(log) = checked.document else {
        return;
    };
    assert_eq!(
        validate_review_log(&log, context).findings,
        checked.result.findings,
        "a decoded log checks the same again"
    );
    let days = [
        Some(log.tertial.deadline()),
        log.entries.first().map(|entry| entry.occasion().date),
    ];
    for as_of in days.into_iter().flatten() {
        let overview = status(system, log.tertial, as_of, sheets, Some(&log), 5);
        let _ = (overview.to_text(), overview.to_markdown());
        let _ = reminders(&overview, system, "Steuerungsdienst", RenderOptions::default());
        let report = consolidate_reviewed(system, sheets, log.tertial, as_of, &[], &log);
        let _ = (report.to_markdown(), report.to_html());
    }
    for goal in &system.goals {
        if let Ok(letter) = return_letter(
            &log,
            &goal.id,
            system,
            sheets,
            ReturnLetterOptions::default(),
        ) {
            let _ = (letter.markdown.len(), letter.html.len());
        }
    }
    if let (Some(sheet), Some(date)) = (sheets.last(), log.entries.last().map(|entry| entry.occasion().date)) {
        let entry = arrival(&log, date, sheet, "Frau Sommer");
        let _ = append_entry(&log, entry, context);
    }
});
