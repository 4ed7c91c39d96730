//! The bundled example the sheet targets check against: its target system, and two of its
//! tertial I sheets as history.

use zielsystem_core::{ReportSheet, TargetSystem};

pub fn example() -> &'static (TargetSystem, Vec<ReportSheet>) {
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
