//! Report-sheet bytes through `check_sheet_json` against the bundled example system (with the
//! example's sheets of tertial I as history); a sheet that decodes is consolidated and rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::{check_sheet_json, consolidate};

#[path = "example.rs"]
mod example;
use example::example;

fuzz_target!(|data: &[u8]| {
    let (system, history) = example();
    let checked = check_sheet_json(data, system, history);
    assert_eq!(
        checked.result.valid,
        checked.result.errors().next().is_none()
    );
    assert!(checked.result.findings.len() <= zielsystem_core::decode::limits::FINDINGS_MAX + 1);
    if let Some(sheet) = checked.document {
        let text = serde_json::to_vec(&sheet).unwrap_or_default();
        let again = check_sheet_json(&text, system, history);
        assert_eq!(again.document.as_ref(), Some(&sheet));
        let _ = zielsystem_core::digest::sheet_digest(&sheet);
        let report = consolidate(
            system,
            std::slice::from_ref(&sheet),
            sheet.tertial,
            sheet.submitted_on,
            history,
        );
        let _ = (report.to_markdown(), report.to_html(), report.to_svg());
    }
});
