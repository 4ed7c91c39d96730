//! Target system bytes through `check_system_json` (with and without a previous year's system);
//! a system that decodes is consolidated into an empty report and rendered, so hostile texts reach
//! every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::{TargetSystem, check_system_json, consolidate};

fn example() -> &'static TargetSystem {
    static SYSTEM: std::sync::OnceLock<TargetSystem> = std::sync::OnceLock::new();
    SYSTEM.get_or_init(|| {
        zielsystem_core::rules::from_json(include_bytes!(
            "../../examples/mitte-2022/target-system.json"
        ))
        .unwrap_or_else(|e| panic!("the example decodes: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let checked = check_system_json(data, None);
    assert_eq!(
        checked.result.valid,
        checked.result.errors().next().is_none()
    );
    assert!(checked.result.findings.len() <= zielsystem_core::decode::limits::FINDINGS_MAX + 1);
    let with_previous = check_system_json(data, Some(example()));
    assert_eq!(checked.document, with_previous.document);
    if let Some(system) = checked.document {
        // What decodes serializes and decodes again to the same value.
        let text = serde_json::to_vec(&system).unwrap_or_default();
        let again = check_system_json(&text, None);
        assert_eq!(again.document.as_ref(), Some(&system));
        let tertial = system.reporting.first_tertial;
        let report = consolidate(&system, &[], tertial, tertial.deadline(), &[]);
        let _ = (report.to_markdown(), report.to_html(), report.to_svg());
    }
});
