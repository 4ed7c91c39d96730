//! The committed JSON Schemas (`schemas/`): they do not drift from the Rust types, they are valid
//! draft 2020-12 schemas, they accept the bundled example, and on every schema-level conformance case
//! they agree with typed decoding through serde.
//!
//! `ZIELSYSTEM_BLESS=1 cargo test -p zielsystem-core --test schemas` rewrites the committed schemas
//! instead of failing on drift (the same as `cargo run -p zielsystem-cli -- schema --write schemas`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use zielsystem_core::rules::from_json;
use zielsystem_core::{ReportSheet, TargetSystem, schema};

mod support;

/// The command that regenerates the committed schemas.
const REGENERATE: &str = "cargo run -p zielsystem-cli -- schema --write schemas";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the core crate lies in the workspace")
        .to_path_buf()
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The two document kinds that have a schema.
#[derive(Clone, Copy, Debug)]
enum Kind {
    System,
    Sheet,
}

impl Kind {
    const ALL: [Kind; 2] = [Kind::System, Kind::Sheet];

    fn schema_file(self) -> &'static str {
        match self {
            Kind::System => "target-system.schema.json",
            Kind::Sheet => "report-sheet.schema.json",
        }
    }

    /// The folder of its conformance cases under `tests/cases/`.
    fn cases_dir(self) -> &'static str {
        match self {
            Kind::System => "system",
            Kind::Sheet => "sheet",
        }
    }

    /// Typed decoding, then serialization back to JSON.
    fn round_trip(self, bytes: &[u8]) -> Result<Value, String> {
        let encoded = match self {
            Kind::System => from_json::<TargetSystem>(bytes).map(serde_json::to_value),
            Kind::Sheet => from_json::<ReportSheet>(bytes).map(serde_json::to_value),
        };
        match encoded {
            Ok(value) => Ok(value.expect("a decoded model serializes")),
            Err(error) => Err(error.to_string()),
        }
    }

    /// The committed schema, compiled with format validation on (dates, …).
    fn validator(self) -> jsonschema::Validator {
        let path = repo_root().join("schemas").join(self.schema_file());
        support::schema_validator(&read_json(&path))
    }
}

/// The schema errors of a document; a document that is not JSON at all is rejected too.
fn schema_errors(validator: &jsonschema::Validator, bytes: &[u8]) -> Vec<String> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(instance) => validator
            .iter_errors(&instance)
            .map(|error| format!("{} (at „{}“)", error, error.instance_path()))
            .collect(),
        Err(error) => vec![format!("not JSON: {error}")],
    }
}

/// JSON does not distinguish `40` from `40.0`; a model field of type `f64` always writes the
/// latter. Comparison therefore maps every number to its `f64` value; everything else must match
/// exactly (keys, order of arrays, strings, `null`s).
fn normalize_numbers(value: Value) -> Value {
    match value {
        Value::Number(number) => number
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Number(number), Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(normalize_numbers).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| (key, normalize_numbers(value)))
                .collect(),
        ),
        other => other,
    }
}

fn assert_lossless(kind: Kind, path: &Path, bytes: &[u8]) {
    let original: Value = serde_json::from_slice(bytes).unwrap();
    let again = kind
        .round_trip(bytes)
        .unwrap_or_else(|e| panic!("{}: typed decoding failed: {e}", path.display()));
    assert_eq!(
        normalize_numbers(again),
        normalize_numbers(original),
        "{}: JSON → model → JSON is not lossless",
        path.display()
    );
}

fn example_dir() -> PathBuf {
    repo_root().join("examples").join("mitte-2022")
}

/// Every report sheet of the bundled example, in a stable order.
fn example_sheets() -> Vec<PathBuf> {
    let mut sheets = Vec::new();
    for tertial in fs::read_dir(example_dir().join("sheets")).unwrap() {
        for sheet in fs::read_dir(tertial.unwrap().path()).unwrap() {
            let path = sheet.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "json") {
                sheets.push(path);
            }
        }
    }
    sheets.sort();
    sheets
}

// ---------------------------------------------------------------------------------------------
// (a) drift

#[test]
fn committed_schemas_match_the_rust_types() {
    let bless = support::bless();
    let dir = repo_root().join("schemas");
    let mut drifted = Vec::new();
    for named in schema::all() {
        let fresh = schema::to_pretty_json(&named.schema);
        let path = dir.join(named.file_name);
        let committed = fs::read_to_string(&path).unwrap_or_default();
        if committed != fresh {
            if bless {
                fs::create_dir_all(&dir).unwrap();
                fs::write(&path, fresh).unwrap();
            } else {
                drifted.push(named.file_name);
            }
        }
    }
    assert!(
        drifted.is_empty(),
        "the committed schemas differ from the Rust types: {drifted:?}. Regenerate them with \
         `{REGENERATE}` (or run this test with ZIELSYSTEM_BLESS=1) and commit the result."
    );
}

#[test]
fn every_published_schema_is_committed() {
    let published: Vec<_> = schema::all().iter().map(|named| named.file_name).collect();
    for kind in Kind::ALL {
        assert!(published.contains(&kind.schema_file()), "{kind:?}");
    }
    let mut committed: Vec<_> = fs::read_dir(repo_root().join("schemas"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    let mut expected: Vec<_> = published.iter().map(ToString::to_string).collect();
    expected.sort();
    assert_eq!(
        committed, expected,
        "schemas/ holds exactly the published schemas"
    );
}

// ---------------------------------------------------------------------------------------------
// (b) meta-schema, ids and German texts

#[test]
fn schemas_are_valid_draft_2020_12() {
    for kind in Kind::ALL {
        let path = repo_root().join("schemas").join(kind.schema_file());
        let schema = read_json(&path);
        if let Err(error) = jsonschema::draft202012::meta::validate(&schema) {
            panic!(
                "{}: not a valid draft 2020-12 schema: {error}",
                path.display()
            );
        }
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema",
            "{}",
            path.display()
        );
        assert_eq!(
            schema["$id"],
            format!("{}{}", schema::SCHEMA_ID_BASE, kind.schema_file()),
            "{}",
            path.display()
        );
    }
}

/// Words that betray an English description.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "is", "or", "which", "where", "with", "when", "how", "what", "to",
];

/// Visits every subschema that describes a value a clerk fills in: each property, each definition,
/// each enum value (`oneOf` branch with a `const`).
fn described_nodes<'a>(node: &'a Value, path: &str, out: &mut Vec<(String, &'a Value)>) {
    let Some(map) = node.as_object() else { return };
    if let Some(properties) = map.get("properties").and_then(Value::as_object) {
        for (key, property) in properties {
            // The tag of an entry kind (`"event": {"const": "received"}`): the branch carries the
            // title and description.
            let tag = property.get("const").is_some()
                && property
                    .as_object()
                    .is_some_and(|p| p.keys().all(|k| k == "const" || k == "type"));
            if tag {
                continue;
            }
            out.push((format!("{path}/properties/{key}"), property));
            described_nodes(property, &format!("{path}/properties/{key}"), out);
        }
    }
    if let Some(defs) = map.get("$defs").and_then(Value::as_object) {
        for (name, def) in defs {
            out.push((format!("{path}/$defs/{name}"), def));
            described_nodes(def, &format!("{path}/$defs/{name}"), out);
        }
    }
    if let Some(branches) = map.get("oneOf").and_then(Value::as_array) {
        for (i, branch) in branches.iter().enumerate() {
            if branch.get("const").is_some() {
                out.push((format!("{path}/oneOf/{i}"), branch));
            } else if branch.get("properties").is_some() {
                // One kind of a tagged value (an entry of the review log): itself and its fields.
                out.push((format!("{path}/oneOf/{i}"), branch));
                described_nodes(branch, &format!("{path}/oneOf/{i}"), out);
            }
        }
    }
}

#[test]
fn every_property_type_and_enum_value_has_a_german_title_and_description() {
    // Every published schema, not only those with conformance cases here.
    for kind in schema::all().into_iter().map(|named| named.file_name) {
        let schema = read_json(&repo_root().join("schemas").join(kind));
        let mut nodes = vec![(String::new(), &schema)];
        described_nodes(&schema, "", &mut nodes);
        assert!(nodes.len() > 20, "{kind:?}: too few nodes visited");
        for (path, node) in nodes {
            for key in ["title", "description"] {
                let text = node[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("{kind:?} {path}: no {key}"));
                assert!(!text.trim().is_empty(), "{kind:?} {path}: blank {key}");
                let english: Vec<_> = text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|word| ENGLISH_WORDS.contains(&word.to_lowercase().as_str()))
                    .collect();
                assert!(
                    english.is_empty(),
                    "{kind:?} {path}: {key} looks English ({english:?}): {text}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (c) the bundled example is accepted, (d) and survives a round trip through the model

#[test]
fn the_example_system_is_accepted_and_lossless() {
    let path = example_dir().join("target-system.json");
    let bytes = fs::read(&path).unwrap();
    let errors = schema_errors(&Kind::System.validator(), &bytes);
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    assert_lossless(Kind::System, &path, &bytes);
}

#[test]
fn every_example_sheet_is_accepted_and_lossless() {
    let validator = Kind::Sheet.validator();
    let sheets = example_sheets();
    // 23 goals in T1 and T2, plus a few sheets of T3.
    assert!(sheets.len() > 46, "only {} example sheets", sheets.len());
    for path in sheets {
        let bytes = fs::read(&path).unwrap();
        let errors = schema_errors(&validator, &bytes);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert_lossless(Kind::Sheet, &path, &bytes);
    }
}

#[test]
fn the_example_uses_every_forecast_value() {
    let mut seen = std::collections::BTreeSet::new();
    for path in example_sheets() {
        let sheet: ReportSheet = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        seen.insert(sheet.forecast);
    }
    let all: std::collections::BTreeSet<_> = zielsystem_core::Forecast::ALL.into_iter().collect();
    assert_eq!(seen, all);
}

// ---------------------------------------------------------------------------------------------
// Conformance cases: the JSON Schema and serde agree on the schema level

/// Codes of a document whose shape is wrong: typed decoding must reject it. (`SCHEMA_LIMIT` is
/// one of them: the limits are `maxLength` / `maxItems` in the schemas, and typed decoding refuses
/// the same documents, `zielsystem_core::model::bounded`.)
const SHAPE_CODES: &[&str] = &[
    "JSON_SYNTAX",
    "SCHEMA_TYPE",
    "SCHEMA_REQUIRED",
    "SCHEMA_UNKNOWN_KEY",
    "SCHEMA_FORMAT",
    "SCHEMA_ENUM",
    "SCHEMA_DUPLICATE_KEY",
    "SCHEMA_LIMIT",
];

struct Case {
    dir: PathBuf,
    document: PathBuf,
    codes: Vec<String>,
    schema_valid: bool,
}

fn cases(kind: Kind) -> Vec<Case> {
    let root = repo_root()
        .join("tests")
        .join("cases")
        .join(kind.cases_dir());
    let Ok(entries) = fs::read_dir(&root) else {
        return Vec::new();
    };
    let mut dirs: Vec<_> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("expect.json").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let expect = read_json(&dir.join("expect.json"));
            let document = dir.join(
                expect["document"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{}: expect.json names no document", dir.display())),
            );
            let codes: Vec<String> = expect["codes"]
                .as_array()
                .map(|codes| {
                    codes
                        .iter()
                        .map(|code| code.as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            // tests/README.md: true unless a JSON_… or SCHEMA_… code is expected.
            let schema_valid = expect["schema_valid"].as_bool().unwrap_or_else(|| {
                !codes
                    .iter()
                    .any(|code| code.starts_with("JSON_") || code.starts_with("SCHEMA_"))
            });
            Case {
                dir,
                document,
                codes,
                schema_valid,
            }
        })
        .collect()
}

#[test]
fn schema_and_serde_agree_on_every_conformance_case() {
    let mut checked = 0;
    for kind in Kind::ALL {
        let validator = kind.validator();
        for case in cases(kind) {
            let name = case.dir.display();
            let bytes = fs::read(&case.document)
                .unwrap_or_else(|e| panic!("{name}: {}: {e}", case.document.display()));
            let errors = schema_errors(&validator, &bytes);
            if case.schema_valid {
                assert!(
                    errors.is_empty(),
                    "{name}: the JSON Schema rejects it: {errors:#?}"
                );
            } else {
                assert!(!errors.is_empty(), "{name}: the JSON Schema accepts it");
            }
            let wrong_shape = case
                .codes
                .iter()
                .any(|code| SHAPE_CODES.contains(&code.as_str()));
            match kind.round_trip(&bytes) {
                Ok(_) if wrong_shape => panic!("{name}: typed decoding accepts it"),
                Err(error) if !wrong_shape => {
                    panic!("{name}: typed decoding rejects it: {error}")
                }
                _ => {}
            }
            if case.schema_valid && !wrong_shape {
                assert_lossless(kind, &case.document, &bytes);
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no conformance case found under tests/cases/");
}

/// Every key a document may leave out is nullable or has the `default` the library fills in: a
/// model generated from the schemas (datamodel-code-generator) makes such a field optional and
/// writes its default back, never a `null` the schema refuses.
#[test]
fn every_optional_key_is_nullable_or_has_a_default() {
    fn nullable(property: &Value) -> bool {
        let in_type = match property.get("type") {
            Some(Value::Array(kinds)) => kinds.iter().any(|kind| kind == "null"),
            Some(kind) => kind == "null",
            None => false,
        };
        in_type
            || ["anyOf", "oneOf"].iter().any(|key| {
                property[*key]
                    .as_array()
                    .is_some_and(|branches| branches.iter().any(|b| b["type"] == "null"))
            })
    }
    fn visit(node: &Value, at: &str, missing: &mut Vec<String>) {
        let Some(map) = node.as_object() else { return };
        if let Some(properties) = map.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> = map
                .get("required")
                .and_then(Value::as_array)
                .map(|keys| keys.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (key, property) in properties {
                if !required.contains(&key.as_str())
                    && !nullable(property)
                    && property.get("default").is_none()
                {
                    missing.push(format!("{at}/properties/{key}"));
                }
                visit(property, &format!("{at}/properties/{key}"), missing);
            }
        }
        for key in ["items", "additionalProperties"] {
            if let Some(sub) = map.get(key) {
                visit(sub, &format!("{at}/{key}"), missing);
            }
        }
        for key in ["anyOf", "oneOf"] {
            for (i, branch) in map
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                visit(branch, &format!("{at}/{key}/{i}"), missing);
            }
        }
        if let Some(defs) = map.get("$defs").and_then(Value::as_object) {
            for (name, definition) in defs {
                visit(definition, &format!("#/$defs/{name}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    for named in schema::all() {
        visit(named.schema.as_value(), named.file_name, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "optional, not nullable, no default: {missing:?}"
    );
}

/// The tertial report refers to the definitions it shares with the report sheet, the target
/// system and the review log instead of copying them (generators would make a class of each
/// copy), and every such reference resolves among the published schemas.
#[test]
fn the_tertial_report_refers_to_the_schemas_it_shares_definitions_with() {
    fn references<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
        match value {
            Value::Object(map) => {
                for (key, sub) in map {
                    match (key.as_str(), sub) {
                        ("$ref", Value::String(reference)) => out.push(reference),
                        _ => references(sub, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| references(item, out)),
            _ => {}
        }
    }
    let all = schema::all();
    let report = &all
        .iter()
        .find(|named| named.file_name == "tertial-report.schema.json")
        .unwrap()
        .schema;
    let defs = report.get("$defs").and_then(Value::as_object).unwrap();
    for other in &all {
        if other.file_name == "tertial-report.schema.json" || other.file_name == "paper.schema.json"
        {
            continue;
        }
        let theirs = other
            .schema
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap();
        for (name, definition) in defs {
            assert!(
                theirs.get(name) != Some(definition),
                "{name} is copied from {}",
                other.file_name
            );
        }
    }
    let mut found = Vec::new();
    references(report.as_value(), &mut found);
    let external: Vec<&&str> = found.iter().filter(|r| !r.starts_with('#')).collect();
    assert!(external.len() > 10, "{external:?}");
    for reference in found {
        assert!(
            schema::resolve(report.as_value(), reference).is_some(),
            "{reference} does not resolve"
        );
    }
    // The sheets a report carries stay its own definition: as given, with any `schema_version`
    // and without the `$schema` key a sheet document may carry.
    assert!(defs.contains_key("ReportSheet"));
}
