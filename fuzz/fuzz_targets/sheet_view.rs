//! Differential: report-sheet bytes through the borrowed path (`validate_sheet_bytes`, a
//! `SheetView` over the input) and the owned path (`check_sheet_json`) against the bundled example
//! system must give the same findings, and the view must decode exactly where typed decoding does,
//! to the same sheet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::model::sheet_view::SheetView;
use zielsystem_core::rules::validate_sheet_bytes;
use zielsystem_core::check_sheet_json;

#[path = "example.rs"]
mod example;
use example::example;

fuzz_target!(|data: &[u8]| {
    let (system, history) = example();
    let owned = check_sheet_json(data, system, history);
    let borrowed = validate_sheet_bytes(data, system, history);
    assert_eq!(borrowed, owned.result);
    let view = SheetView::decode(data);
    assert_eq!(view.as_ref().map(SheetView::to_sheet), owned.document);
});
