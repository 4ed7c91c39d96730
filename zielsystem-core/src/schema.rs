//! JSON Schemas (draft 2020-12) generated from the Rust types, with German titles for form generators.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

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

fn generate<T: JsonSchema>(file_name: &'static str) -> NamedSchema {
    let generator = SchemaSettings::draft2020_12().into_generator();
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
    ]
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
