//! Validation of OParl documents against the OParl 1.1 JSON Schemas (copies in `tests/oparl/`,
//! CC BY-SA 4.0, see the README there), shared by the core's and the CLI's tests.
//!
//! OParl links its schemas with its own keyword `"schema": "File.json"` and writes URLs as
//! `"format": "url"`; neither is JSON Schema, so embedded objects are validated here against
//! their own schema, and every `url` value is checked to be an absolute http(s) URL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oparl/schema")
}

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every violation of `value` against the OParl schema `name` (e.g. `Paper.json`), with embedded
/// objects checked against theirs; empty when valid.
pub fn violations(name: &str, value: &Value) -> Vec<String> {
    let schema = schema(name);
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let mut problems: Vec<String> = validator
        .iter_errors(value)
        .map(|error| format!("{name} {}: {error}", error.instance_path()))
        .collect();
    let Some(properties) = schema["properties"].as_object() else {
        return problems;
    };
    for (key, property) in properties {
        let Some(found) = value.get(key) else {
            continue;
        };
        // OParl's own link between schemas: an object, or an array of objects, of another schema.
        let embedded = property["schema"]
            .as_str()
            .or_else(|| property["items"]["schema"].as_str());
        if let Some(other) = embedded {
            let items: Vec<&Value> = match found {
                Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            for item in items {
                problems.extend(
                    violations(other, item)
                        .into_iter()
                        .map(|problem| format!("{name} /{key}: {problem}")),
                );
            }
        }
        let is_url = |schema: &Value| schema["format"] == "url";
        let urls: Vec<&Value> = if is_url(property) {
            vec![found]
        } else if is_url(&property["items"]) {
            found
                .as_array()
                .map(|items| items.iter().collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        for url in urls {
            if !url
                .as_str()
                .is_some_and(zielsystem_core::oparl::is_http_url)
            {
                problems.push(format!("{name} /{key}: {url} is not an http(s) URL"));
            }
        }
    }
    problems
}

/// Panics with every violation unless `value` is a valid `oparl:Paper`.
pub fn assert_valid_paper(value: &Value) {
    let problems = violations("Paper.json", value);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
