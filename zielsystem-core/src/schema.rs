//! JSON Schemas (draft 2020-12) generated from the Rust types, with German titles for form generators.
//!
//! What third-party tools need is added to what schemars derives, in one place: integer ranges as
//! `minimum` / `maximum` and only standard `format`s (schemars' `int32`, `double`, … are refused by
//! strict validators), an `enum` beside every titled `oneOf` of constants (so a generic validator
//! names the allowed values), an optional `$schema` key in every document, `schema_version` fixed
//! where the rules check it, and `$id`s that name the files without pretending to be fetchable.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

use crate::model::review_log::ReviewLog;
use crate::{Paper, ReportSheet, TargetSystem, TertialReport};

/// The base of every schema's `$id`: a URN, because the schemas are not published at any address;
/// they are the files in `schemas/` (and [`all`]), which tools load from disk (README).
pub const SCHEMA_ID_BASE: &str = "urn:zielsystem:schemas:v1:";

/// The formats of JSON Schema (draft 2020-12, §7.3) that the published schemas may keep.
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

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

/// Drops schemars' own formats (`int32`, `uint`, `double`, …) once [`integer_bounds`] has written
/// their ranges: strict validators (Ajv, jsonschema-rs with unknown formats refused) reject them.
fn standard_formats(schema: &mut Schema) {
    integer_bounds(schema);
    let standard = schema
        .get("format")
        .and_then(serde_json::Value::as_str)
        .is_none_or(|format| STANDARD_FORMATS.contains(&format));
    if !standard {
        schema.remove("format");
    }
}

/// An `enum` of the constants beside a `oneOf` that consists of titled constants only: the
/// `oneOf` keeps the German titles for forms, the `enum` gives generic validators and model
/// generators the allowed values (and a message that names them).
fn titled_enums(schema: &mut Schema) {
    let constants: Option<Vec<serde_json::Value>> = schema
        .get("oneOf")
        .and_then(serde_json::Value::as_array)
        .and_then(|branches| {
            branches
                .iter()
                .map(|branch| branch.get("const").cloned())
                .collect()
        });
    if let Some(constants) = constants {
        if let Some(kind) = constants.first().map(json_type) {
            if constants.iter().all(|c| json_type(c) == kind) {
                schema.insert("type".into(), kind.into());
            }
        }
        schema.insert("enum".into(), constants.into());
    }
}

fn json_type(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::String(_) => "string",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Null => "null",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// What a document's root admits beyond its type: an optional `$schema` key (so an editor can link
/// the document to its schema; typed decoding ignores it), and `schema_version` fixed where the
/// rules check it (RS01, TS01).
fn document_root(schema: &mut Schema, version_checked: bool) {
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        if let Some(version) = properties
            .get_mut("schema_version")
            .and_then(serde_json::Value::as_object_mut)
        {
            if version_checked {
                version.insert("const".into(), crate::SCHEMA_VERSION.into());
            }
            version.insert("default".into(), crate::SCHEMA_VERSION.into());
            version.insert("examples".into(), vec![crate::SCHEMA_VERSION].into());
        }
        let mut with_schema = serde_json::Map::new();
        with_schema.insert(
            "$schema".into(),
            serde_json::json!({
                "title": "Schema",
                "description": "Optional: Adresse oder Dateipfad des JSON Schemas, gegen das das Dokument geschrieben ist (für Editoren); wird beim Einlesen nicht ausgewertet.",
                "type": "string",
                "maxLength": crate::decode::limits::NAME_MAX_CHARS,
            }),
        );
        with_schema.extend(std::mem::take(properties));
        *properties = with_schema;
    }
}

fn generate<T: JsonSchema>(file_name: &'static str, version_checked: bool) -> NamedSchema {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(standard_formats))
        .with_transform(RecursiveTransform(titled_enums))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    document_root(&mut schema, version_checked);
    schema.insert("$id".into(), format!("{SCHEMA_ID_BASE}{file_name}").into());
    NamedSchema { file_name, schema }
}

/// Every schema the project publishes, in a stable order.
pub fn all() -> Vec<NamedSchema> {
    vec![
        generate::<TargetSystem>("target-system.schema.json", true),
        generate::<ReportSheet>("report-sheet.schema.json", true),
        generate::<TertialReport>("tertial-report.schema.json", false),
        generate::<Paper>("paper.schema.json", false),
        generate::<ReviewLog>("review-log.schema.json", false),
    ]
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
