//! The Python tests' three generated years (`zielsystem-py/tests/fixtures/generated-3-years/`) are
//! the generator's output, never edited by hand: this test regenerates them and compares;
//! `ZIELSYSTEM_BLESS=1` rewrites them. Same data as
//! `zielsystem-gen --authorities 1 --years 3 --first-year 2021 --violation-rate 0`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use zielsystem_bench::{Config, Generator};

#[test]
fn the_python_fixture_of_three_generated_years_is_current() {
    let generator = Generator::new(Config {
        seed: 2022,
        authorities: 1,
        first_year: 2021,
        years: 3,
        violation_rate: 0.0,
    })
    .unwrap();
    let (mut systems, mut sheets) = (String::new(), String::new());
    for authority_year in generator.authority_years() {
        systems.push_str(&serde_json::to_string(&authority_year.system).unwrap());
        systems.push('\n');
        for sheet in &authority_year.sheets {
            sheets.push_str(&sheet.json);
            sheets.push('\n');
        }
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../zielsystem-py/tests/fixtures/generated-3-years");
    let bless =
        std::env::var("ZIELSYSTEM_BLESS").as_deref() == Ok("1") && std::env::var_os("CI").is_none();
    for (name, text) in [("systems.jsonl", &systems), ("sheets.jsonl", &sheets)] {
        let path = folder.join(name);
        if bless {
            std::fs::write(&path, text).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == *text,
            "{} is stale: run ZIELSYSTEM_BLESS=1 cargo test -p zielsystem-bench --test three_years_fixture",
            path.display()
        );
    }
}

/// The lineage of many generated authorities and years follows every continued goal back to a
/// root of the first year, with no reference it cannot follow.
#[test]
fn the_lineage_of_generated_years_has_no_problem() {
    let generator = Generator::new(Config {
        seed: 7,
        authorities: 14,
        first_year: 2019,
        years: 4,
        violation_rate: 0.0,
    })
    .unwrap();
    let systems: Vec<_> = generator.authority_years().map(|ay| ay.system).collect();
    let lineage = zielsystem_core::analytics::lineage(&systems);
    assert!(lineage.problems.is_empty(), "{:#?}", lineage.problems);
    assert_eq!(lineage.authorities().len(), 14);
    let total: usize = systems.iter().map(|system| system.goals.len()).sum();
    assert_eq!(lineage.rows.len(), total);
    for row in &lineage.rows {
        assert!(row.lineage.starts_with(&format!(
            "{}/",
            row.year - i32::try_from(row.generation).unwrap()
        )));
    }
    assert!(lineage.rows.iter().any(|row| row.generation == 3));
}
