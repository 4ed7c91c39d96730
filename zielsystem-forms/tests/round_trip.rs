//! Every sheet of the bundled example, written as its form (`--from`) and read back, is the same
//! sheet; an empty form reads back as "nothing filled in".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use zielsystem_core::{ReportSheet, TargetSystem};
use zielsystem_forms::{FormRequest, ImportOptions, cell_of, goal_form, read_form};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022")
}

fn system() -> TargetSystem {
    zielsystem_core::rules::from_json(&std::fs::read(example().join("target-system.json")).unwrap())
        .unwrap()
}

fn sheets() -> Vec<ReportSheet> {
    let mut sheets = Vec::new();
    for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
        let dir = example().join("sheets").join(tertial);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            sheets.push(zielsystem_core::rules::from_json(&std::fs::read(path).unwrap()).unwrap());
        }
    }
    sheets
}

#[test]
fn every_example_sheet_survives_its_form() {
    let system = system();
    let sheets = sheets();
    assert!(sheets.len() > 40);
    for sheet in &sheets {
        let request = FormRequest {
            tertial: sheet.tertial,
            previous: &sheets,
            answers: std::slice::from_ref(sheet),
        };
        let bytes = goal_form(&system, &sheet.goal, &request).unwrap();
        let options = ImportOptions {
            tertial: Some(sheet.tertial),
            history: sheets.clone(),
        };
        let forms = read_form(&bytes, &system, &options);
        assert_eq!(forms.len(), 1);
        let form = &forms[0];
        let errors: Vec<String> = form
            .result
            .errors()
            .map(|f| format!("{} {} {:?}: {}", f.code, f.path, cell_of(f), f.message))
            .collect();
        assert!(
            errors.is_empty(),
            "{} {}: {errors:#?}",
            sheet.goal,
            sheet.tertial
        );
        assert_eq!(
            form.sheet.as_ref(),
            Some(sheet),
            "{} {}",
            sheet.goal,
            sheet.tertial
        );
    }
}

#[test]
fn an_empty_form_asks_for_the_mandatory_fields() {
    let system = system();
    let tertial = "2022-T2".parse().unwrap();
    let request = FormRequest {
        tertial,
        previous: &[],
        answers: &[],
    };
    let bytes = goal_form(&system, "A01", &request).unwrap();
    let forms = read_form(&bytes, &system, &ImportOptions::default());
    let found: Vec<(String, String)> = forms[0]
        .result
        .findings
        .iter()
        .map(|f| (f.code.to_string(), cell_of(f).unwrap_or("").to_string()))
        .collect();
    assert!(forms[0].sheet.is_none());
    assert!(
        found.iter().all(|(code, _)| code == "FORM_REQUIRED"),
        "{found:?}"
    );
    assert_eq!(found.len(), 3, "{found:?}");
}
