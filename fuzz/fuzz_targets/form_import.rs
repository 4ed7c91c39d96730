//! Spreadsheet bytes through `zielsystem_forms::read_form` against the bundled example system:
//! whatever the bytes (a broken zip, a zip bomb, a form with hostile cells), the answer is a list of
//! findings within the limits, never a panic; a sheet that comes back re-validates as it was found.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::{TargetSystem, validate_sheet};
use zielsystem_forms::{ImportOptions, read_form};

fn system() -> &'static TargetSystem {
    static SYSTEM: std::sync::OnceLock<TargetSystem> = std::sync::OnceLock::new();
    SYSTEM.get_or_init(|| {
        zielsystem_core::rules::from_json(include_bytes!(
            "../../examples/mitte-2022/target-system.json"
        ))
        .unwrap_or_else(|e| panic!("the example decodes: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let system = system();
    let forms = read_form(data, system, &ImportOptions::default());
    assert!(!forms.is_empty());
    for form in forms {
        assert_eq!(form.result.valid, form.result.errors().next().is_none());
        if let Some(sheet) = form.sheet {
            // The rules found on the form are the rules found on the sheet itself.
            let again = validate_sheet(&sheet, system, &[]);
            let rule_errors = form
                .result
                .errors()
                .filter(|f| !f.code.as_str().starts_with("FORM_"))
                .count();
            assert_eq!(again.errors().count(), rule_errors);
        }
    }
});
