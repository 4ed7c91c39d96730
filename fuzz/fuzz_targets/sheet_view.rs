//! Differential: report-sheet bytes through the borrowed path (`validate_sheet_bytes`, a
//! `SheetView` over the input) and the owned path (`check_sheet_json`) against the bundled example
//! system must give the same findings, and the view must decode exactly where typed decoding does,
//! to the same sheet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::model::sheet_view::SheetView;
use zielsystem_core::rules::validate_sheet_bytes;
use zielsystem_core::{ReportSheet, TargetSystem, check_sheet_json};

fn example() -> &'static (TargetSystem, Vec<ReportSheet>) {
    static EXAMPLE: std::sync::OnceLock<(TargetSystem, Vec<ReportSheet>)> =
        std::sync::OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let system = zielsystem_core::rules::from_json(include_bytes!(
            "../../examples/mitte-2022/target-system.json"
        ))
        .unwrap_or_else(|e| panic!("the example decodes: {e}"));
        let history = [
            include_bytes!("../../examples/mitte-2022/sheets/2022-T1/A01.json").as_slice(),
            include_bytes!("../../examples/mitte-2022/sheets/2022-T1/A02.json").as_slice(),
        ]
        .iter()
        .map(|bytes| {
            zielsystem_core::rules::from_json(bytes)
                .unwrap_or_else(|e| panic!("the example decodes: {e}"))
        })
        .collect();
        (system, history)
    })
}

fuzz_target!(|data: &[u8]| {
    let (system, history) = example();
    let owned = check_sheet_json(data, system, history);
    let borrowed = validate_sheet_bytes(data, system, history);
    assert_eq!(borrowed, owned.result);
    let view = SheetView::decode(data);
    assert_eq!(view.as_ref().map(SheetView::to_sheet), owned.document);
});
