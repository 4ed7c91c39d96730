//! The report-sheet schema of one target system (`schema::sheet_schema_for`): it accepts the sheets
//! of that system, refuses a goal of another system, only narrows the general schema, and compiles
//! in a validator that refuses unknown formats — like every published schema.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use zielsystem_core::TargetSystem;
use zielsystem_core::schema::{self, sheet_schema_for};

mod support;
use support::{fixture, root, rules_system};

fn strict_validator(schema: &Value) -> jsonschema::Validator {
    support::schema_validator(schema)
}

fn general() -> jsonschema::Validator {
    let named = schema::all()
        .into_iter()
        .find(|named| named.file_name == "report-sheet.schema.json")
        .unwrap();
    strict_validator(named.schema.as_value())
}

#[test]
fn every_published_schema_compiles_with_unknown_formats_refused() {
    for named in schema::all() {
        strict_validator(named.schema.as_value());
    }
}

#[test]
fn the_example_systems_schema_accepts_its_sheets() {
    let dir = root().join("examples/mitte-2022");
    let system: TargetSystem = support::read_json(&dir.join("target-system.json"));
    let for_system = strict_validator(sheet_schema_for(&system).as_value());
    let general = general();
    let mut checked = 0;
    for tertial in std::fs::read_dir(dir.join("sheets")).unwrap() {
        for sheet in std::fs::read_dir(tertial.unwrap().path()).unwrap() {
            let path = sheet.unwrap().path();
            let value: Value = support::read_json(&path);
            let errors: Vec<String> = for_system
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            assert!(general.is_valid(&value), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

#[test]
fn a_goal_of_another_system_is_refused() {
    let sheet: Value = fixture("rules-sheet-a01-t1.json");
    let system = rules_system();
    let for_system = strict_validator(sheet_schema_for(&system).as_value());
    assert!(for_system.is_valid(&sheet));
    let mitte: TargetSystem =
        support::read_json(&root().join("examples/mitte-2022/target-system.json"));
    let foreign = mitte
        .goals
        .iter()
        .find(|goal| system.goal(&goal.id).is_none())
        .expect("a goal of Mitte that the rules system lacks");
    let mut other = sheet.clone();
    other["goal"] = Value::from(foreign.id.clone());
    assert!(!for_system.is_valid(&other), "{}", foreign.id);
    assert!(
        general().is_valid(&other),
        "the general schema accepts any goal id"
    );
    let error = for_system.iter_errors(&other).next().unwrap().to_string();
    assert!(error.contains("A01"), "names the allowed goals: {error}");
    // A member, a unit and a tertial outside the system's are refused too.
    for (pointer, value) in [
        ("/reporting_member", "m-unbekannt"),
        ("/countermeasures/0/org_units/0", "amt-unbekannt"),
        ("/tertial", "2023-T1"),
        ("/authority", "Bezirksamt Pankow von Berlin"),
    ] {
        let mut changed = sheet.clone();
        if let Some(slot) = changed.pointer_mut(pointer) {
            *slot = Value::from(value);
            assert!(!for_system.is_valid(&changed), "{pointer} = {value}");
        }
    }
}

#[test]
fn titles_name_goals_and_members() {
    let mitte: TargetSystem =
        support::read_json(&root().join("examples/mitte-2022/target-system.json"));
    let schema = sheet_schema_for(&mitte);
    let goals = schema.as_value()["properties"]["goal"]["oneOf"]
        .as_array()
        .unwrap();
    assert_eq!(goals.len(), mitte.goals.len());
    let first = &mitte.goals[0];
    assert_eq!(goals[0]["title"], format!("{} – {}", first.id, first.title));
    assert_eq!(
        schema.as_value()["properties"]["schema_version"]["const"],
        zielsystem_core::SCHEMA_VERSION
    );
    assert_eq!(
        schema.as_value()["properties"]["authority"]["const"],
        mitte.authority
    );
}
