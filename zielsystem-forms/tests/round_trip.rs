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

/// A sheet signed by a deputy ("in Vertretung") comes back with its `signed_by`: nothing the
/// contract carries is lost on the way through the form.
#[test]
fn a_deputy_survives_the_round_trip() {
    let system = system();
    let mut sheet = sheets()
        .into_iter()
        .find(|s| s.goal == "A01" && s.tertial.to_string() == "2022-T2")
        .unwrap();
    sheet.signed_by = Some("m-stadt".to_string());
    let request = FormRequest {
        tertial: sheet.tertial,
        previous: &[],
        answers: std::slice::from_ref(&sheet),
    };
    let bytes = goal_form(&system, "A01", &request).unwrap();
    let forms = read_form(&bytes, &system, &ImportOptions::default());
    assert!(forms[0].result.valid, "{:?}", forms[0].result);
    assert_eq!(forms[0].sheet.as_ref(), Some(&sheet));
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

#[test]
fn texts_that_look_like_formulas_stay_texts() {
    let system = system();
    let mut sheet = sheets().into_iter().find(|s| s.goal == "A01").unwrap();
    sheet.rationale = "=SUMME(A1:A9) ist kein Grund".to_string();
    sheet.contributions[0].text = "+1 Schulung".to_string();
    sheet.contributions[1].text = "-2 Termine".to_string();
    sheet.risks[0].description = "@Stabsstelle: Besetzung offen".to_string();
    let request = FormRequest {
        tertial: sheet.tertial,
        previous: &[],
        answers: std::slice::from_ref(&sheet),
    };
    let bytes = goal_form(&system, "A01", &request).unwrap();
    // No cell of the workbook is a formula: every worksheet's XML is free of <f> elements.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        if entry.name().starts_with("xl/worksheets/") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
            assert!(!xml.contains("<f>"), "{}", entry.name());
        }
    }
    let forms = read_form(&bytes, &system, &ImportOptions::default());
    assert!(forms[0].result.valid, "{:?}", forms[0].result);
    assert_eq!(forms[0].sheet.as_ref(), Some(&sheet));
}

#[test]
fn a_member_form_has_a_worksheet_per_goal() {
    let system = system();
    let tertial = "2022-T2".parse().unwrap();
    let goals = zielsystem_forms::goals_of_member(&system, "m-bzbm", tertial).unwrap();
    assert!(goals.len() > 1);
    let sheets = sheets();
    let answers: Vec<ReportSheet> = sheets
        .iter()
        .filter(|s| s.tertial == tertial && goals.iter().any(|g| g.id == s.goal))
        .cloned()
        .collect();
    let request = FormRequest {
        tertial,
        previous: &sheets,
        answers: &answers,
    };
    let bytes = zielsystem_forms::member_form(&system, "m-bzbm", &request).unwrap();
    let forms = read_form(
        &bytes,
        &system,
        &ImportOptions {
            tertial: Some(tertial),
            history: sheets.clone(),
        },
    );
    assert_eq!(forms.len(), goals.len());
    for (form, goal) in forms.iter().zip(&goals) {
        assert_eq!(form.worksheet, goal.id);
        let expected = answers.iter().find(|s| s.goal == goal.id);
        if let Some(expected) = expected {
            assert_eq!(form.sheet.as_ref(), Some(expected), "{}", goal.id);
            assert!(
                form.result
                    .errors()
                    .all(|f| cell_of(f).is_some_and(|c| c.starts_with(&goal.id)))
            );
        }
    }
}

#[test]
fn hostile_bytes_are_findings() {
    let system = system();
    for bytes in [
        &b""[..],
        b"PK\x03\x04garbage",
        b"\xd0\xcf\x11\xe0",
        b"{\"schema_version\": \"1\"}",
    ] {
        let forms = read_form(bytes, &system, &ImportOptions::default());
        assert_eq!(forms.len(), 1);
        assert!(!forms[0].result.valid);
        assert!(
            forms[0]
                .result
                .findings
                .iter()
                .all(|f| f.code.as_str() == "FORM_FILE")
        );
    }
}

/// A poor man's fuzzing on every run: a real form with random bytes changed, cut or repeated is
/// read without a panic, and always answers with a result whose validity matches its errors.
#[test]
fn damaged_forms_never_panic() {
    let system = system();
    let sheet = sheets().into_iter().find(|s| s.goal == "A03").unwrap();
    let request = FormRequest {
        tertial: sheet.tertial,
        previous: &[],
        answers: std::slice::from_ref(&sheet),
    };
    let form = goal_form(&system, "A03", &request).unwrap();
    let mut rng = fastrand::Rng::with_seed(13);
    for round in 0..300 {
        let mut bytes = form.clone();
        match round % 3 {
            0 => {
                for _ in 0..rng.usize(1..8) {
                    let at = rng.usize(..bytes.len());
                    bytes[at] = rng.u8(..);
                }
            }
            1 => bytes.truncate(rng.usize(..bytes.len())),
            _ => {
                let at = rng.usize(..bytes.len());
                let piece = bytes[at..(at + 64).min(bytes.len())].to_vec();
                bytes.splice(
                    at..at,
                    piece.iter().copied().cycle().take(rng.usize(..4096)),
                );
            }
        }
        for form in read_form(&bytes, &system, &ImportOptions::default()) {
            assert_eq!(
                form.result.valid,
                form.result.errors().next().is_none(),
                "round {round}"
            );
        }
    }
}
