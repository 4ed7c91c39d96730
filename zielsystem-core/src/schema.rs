//! JSON Schemas (draft 2020-12) generated from the Rust types, with German titles for form generators.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

use crate::model::review_log::ReviewLog;
use crate::{Paper, ReportSheet, TargetSystem, TertialReport};

/// The base of every schema's `$id`.
pub const SCHEMA_ID_BASE: &str = "https://zielsystem.berlin.example/schemas/v1/";

/// One generated schema and the file name it is committed under in `schemas/`.
#[derive(Clone, Debug)]
pub struct NamedSchema {
    /// File name in `schemas/`, e.g. `target-system.schema.json`.
    pub file_name: &'static str,
    /// The schema.
    pub schema: Schema,
}

/// Writes the range of every integer format (`int32`, `uint32`, …) as `minimum` / `maximum` too.
/// Formats like `int32` are annotations that generic validators ignore, while typed decoding refuses
/// a year of 3,000,000,000: with explicit bounds a schema validator and this library agree.
fn integer_bounds(schema: &mut Schema) {
    let range: Option<(serde_json::Value, serde_json::Value)> =
        match schema.get("format").and_then(serde_json::Value::as_str) {
            Some("int8") => Some((i8::MIN.into(), i8::MAX.into())),
            Some("int16") => Some((i16::MIN.into(), i16::MAX.into())),
            Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
            Some("int64" | "int") => Some((i64::MIN.into(), i64::MAX.into())),
            Some("uint8") => Some((0.into(), u8::MAX.into())),
            Some("uint16") => Some((0.into(), u16::MAX.into())),
            Some("uint32") => Some((0.into(), u32::MAX.into())),
            Some("uint64" | "uint") => Some((0.into(), u64::MAX.into())),
            _ => None,
        };
    if let Some((minimum, maximum)) = range {
        if schema.get("minimum").is_none() {
            schema.insert("minimum".into(), minimum);
        }
        if schema.get("maximum").is_none() {
            schema.insert("maximum".into(), maximum);
        }
    }
}

fn generate<T: JsonSchema>(file_name: &'static str) -> NamedSchema {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(integer_bounds))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("$id".into(), format!("{SCHEMA_ID_BASE}{file_name}").into());
    NamedSchema { file_name, schema }
}

/// Every schema the project publishes, in a stable order.
pub fn all() -> Vec<NamedSchema> {
    vec![
        generate::<TargetSystem>("target-system.schema.json"),
        generate::<ReportSheet>("report-sheet.schema.json"),
        generate::<TertialReport>("tertial-report.schema.json"),
        generate::<Paper>("paper.schema.json"),
        generate::<ReviewLog>("review-log.schema.json"),
    ]
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
