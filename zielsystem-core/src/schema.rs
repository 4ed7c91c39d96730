//! JSON Schemas (draft 2020-12) generated from the Rust types, with German titles for form generators.
//!
//! What third-party tools need is added to what schemars derives, in one place: integer ranges as
//! `minimum` / `maximum` and only standard `format`s (schemars' `int32`, `double`, … are refused by
//! strict validators), an `enum` beside every titled `oneOf` of constants (so a generic validator
//! names the allowed values), an optional `$schema` key in every document, `schema_version` fixed
//! where the rules check it, and `$id`s that name the files without pretending to be fetchable.
//! The tertial report refers to the definitions it shares with the other schemas by their `$id`s
//! instead of copying them ([`resolve`] follows such a reference, offline).

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::model::review_log::ReviewLog;
use crate::{Paper, ReportSheet, TargetSystem, Tertial, TertialReport};

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
/// the document to its schema; typed decoding ignores it; `null` too, as model generators write it), and `schema_version` fixed where the
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
                "type": ["string", "null"],
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

/// The file names of the published schemas, in the stable order of [`all`].
const FILE_NAMES: [&str; 5] = [
    "target-system.schema.json",
    "report-sheet.schema.json",
    "tertial-report.schema.json",
    "paper.schema.json",
    "review-log.schema.json",
];

/// Every schema the project publishes, in a stable order. The tertial report refers to the
/// definitions it shares with the report sheet, the target system and the review log (the rule
/// codes) instead of copying them (`refer_to_shared`); the other schemas stand alone.
pub fn all() -> Vec<NamedSchema> {
    FILE_NAMES
        .iter()
        .filter_map(|file_name| named(file_name).cloned())
        .collect()
}

/// The published schema under `file_name`, generated on first use: only it and the schemas it
/// refers to are built, not all of them (a refused report sheet needs its own schema only).
pub fn named(file_name: &str) -> Option<&'static NamedSchema> {
    static SYSTEM: OnceLock<NamedSchema> = OnceLock::new();
    static SHEET: OnceLock<NamedSchema> = OnceLock::new();
    static REPORT: OnceLock<NamedSchema> = OnceLock::new();
    static PAPER: OnceLock<NamedSchema> = OnceLock::new();
    static REVIEW_LOG: OnceLock<NamedSchema> = OnceLock::new();
    let [system, sheet, report, paper, review_log] = FILE_NAMES;
    Some(match file_name {
        _ if file_name == system => SYSTEM.get_or_init(|| generate::<TargetSystem>(system, true)),
        _ if file_name == sheet => SHEET.get_or_init(|| generate::<ReportSheet>(sheet, true)),
        _ if file_name == paper => PAPER.get_or_init(|| generate::<Paper>(paper, false)),
        _ if file_name == review_log => {
            REVIEW_LOG.get_or_init(|| generate::<ReviewLog>(review_log, false))
        }
        _ if file_name == report => {
            let homes = [named(sheet)?, named(system)?, named(review_log)?];
            REPORT.get_or_init(|| {
                let mut named = generate::<TertialReport>(report, false);
                let homes: Vec<&Schema> = homes.iter().map(|home| &home.schema).collect();
                refer_to_shared(&mut named.schema, &homes);
                named
            })
        }
        _ => return None,
    })
}

/// The published schema whose `$id` is `id`, generated on first use ([`named`]).
pub(crate) fn by_id(id: &str) -> Option<&'static Value> {
    let file_name = id.strip_prefix(SCHEMA_ID_BASE)?;
    let found = named(file_name)?.schema.as_value();
    (found.get("$id").and_then(Value::as_str) == Some(id)).then_some(found)
}

/// The local definition a `$ref` names (`#/$defs/Name`).
fn local_definition(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/$defs/")
}

/// Every `$ref` in `schema`, in order of appearance; inside `$defs` too when `in_definitions`.
fn references<'s>(schema: &'s Value, in_definitions: bool, out: &mut Vec<&'s str>) {
    match schema {
        Value::Object(keywords) => {
            for (key, value) in keywords {
                match (key.as_str(), value) {
                    ("$ref", Value::String(reference)) => out.push(reference),
                    ("$defs", _) if !in_definitions => {}
                    _ => references(value, in_definitions, out),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| references(item, in_definitions, out)),
        _ => {}
    }
}

/// The names of the local definitions `schema` refers to (outside its own `$defs`).
fn local_references<'s>(schema: &'s Value, out: &mut Vec<&'s str>) {
    let mut all = Vec::new();
    references(schema, false, &mut all);
    out.extend(all.into_iter().filter_map(local_definition));
}

/// Whether the definition `name` of `schema` is in `home` as it is, and so is every definition it
/// refers to: a reference to `home` then means exactly what the copy meant.
fn shared_with(schema: &Value, home: &Value, name: &str, seen: &mut Vec<String>) -> bool {
    if seen.iter().any(|s| s == name) {
        return true;
    }
    seen.push(name.to_string());
    let ours = schema.get("$defs").and_then(|defs| defs.get(name));
    let theirs = home.get("$defs").and_then(|defs| defs.get(name));
    let (Some(ours), Some(theirs)) = (ours, theirs) else {
        return false;
    };
    if ours != theirs {
        return false;
    }
    let mut referred = Vec::new();
    local_references(ours, &mut referred);
    referred
        .into_iter()
        .all(|other| shared_with(schema, home, other, seen))
}

/// Replaces every definition of `schema` that one of `homes` (schemas with an `$id`, in order of
/// preference) has as it is by a `$ref` to it there (`urn:…:report-sheet.schema.json#/$defs/Risk`),
/// and drops the definitions nothing refers to any more: generators then make one class of each
/// shared definition, and validators load the other schemas by their `$id`s (README).
fn refer_to_shared(schema: &mut Schema, homes: &[&Schema]) {
    let value = schema.as_value();
    let names: Vec<String> = value
        .get("$defs")
        .and_then(Value::as_object)
        .map(|defs| defs.keys().cloned().collect())
        .unwrap_or_default();
    let mut moved: Vec<(String, String)> = Vec::new();
    for name in names {
        let home = homes.iter().find_map(|home| {
            let home = home.as_value();
            let id = home.get("$id").and_then(Value::as_str)?;
            shared_with(value, home, &name, &mut Vec::new()).then(|| id.to_string())
        });
        if let Some(id) = home {
            moved.push((name, id));
        }
    }
    let mut rewritten = schema.as_value().clone();
    redirect(&mut rewritten, &moved);
    if let Some(defs) = rewritten.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, _) in &moved {
            defs.remove(name);
        }
    }
    drop_unused_definitions(&mut rewritten);
    if let Ok(new) = Schema::try_from(rewritten) {
        *schema = new;
    }
}

/// Points every `$ref` to a moved definition at its home.
fn redirect(value: &mut Value, moved: &[(String, String)]) {
    match value {
        Value::Object(keywords) => {
            for (key, sub) in keywords.iter_mut() {
                if let ("$ref", Value::String(reference)) = (key.as_str(), &mut *sub) {
                    let home = local_definition(reference).and_then(|name| {
                        moved
                            .iter()
                            .find(|(moved, _)| moved == name)
                            .map(|(_, id)| format!("{id}{reference}"))
                    });
                    if let Some(home) = home {
                        *reference = home;
                    }
                } else {
                    redirect(sub, moved);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redirect(item, moved)),
        _ => {}
    }
}

/// Drops the definitions that neither the schema nor another kept definition refers to.
fn drop_unused_definitions(schema: &mut Value) {
    let mut used: Vec<String> = Vec::new();
    let mut pending = Vec::new();
    local_references(schema, &mut pending);
    let mut pending: Vec<String> = pending.into_iter().map(str::to_string).collect();
    while let Some(name) = pending.pop() {
        if used.contains(&name) {
            continue;
        }
        if let Some(definition) = schema.get("$defs").and_then(|defs| defs.get(&name)) {
            let mut further = Vec::new();
            local_references(definition, &mut further);
            pending.extend(further.into_iter().map(str::to_string));
        }
        used.push(name);
    }
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        defs.retain(|name, _| used.contains(name));
    }
}

/// Every published schema, generated once ([`all`]).
pub fn published() -> &'static [NamedSchema] {
    static PUBLISHED: OnceLock<Vec<NamedSchema>> = OnceLock::new();
    PUBLISHED.get_or_init(all)
}

/// The schema a `$ref` met in the schema document `document` names, and the document it is in:
/// `#/…` in `document` itself, `<$id>#/…` (or a whole `<$id>`) in the published schema with that
/// `$id` ([`named`]) — offline, the `$id`s are URNs. `None` when it names nothing.
pub fn resolve<'s>(document: &'s Value, reference: &str) -> Option<(&'s Value, &'s Value)> {
    let (id, fragment) = reference.split_once('#').unwrap_or((reference, ""));
    let document = if id.is_empty() || document.get("$id").and_then(Value::as_str) == Some(id) {
        document
    } else {
        by_id(id)?
    };
    Some((document, document.pointer(fragment)?))
}

/// The other published schemas `schema` refers to by their `$id`s.
pub fn referred(schema: &Value) -> Vec<&'static Value> {
    let mut all = Vec::new();
    references(schema, true, &mut all);
    let mut ids: Vec<&str> = all
        .into_iter()
        .filter_map(|reference| reference.split('#').next())
        .filter(|id| !id.is_empty())
        .collect();
    // In the order of the published schemas, each once.
    ids.sort_by_key(|id| {
        FILE_NAMES
            .iter()
            .position(|name| id.strip_prefix(SCHEMA_ID_BASE) == Some(name))
    });
    ids.dedup();
    ids.into_iter().filter_map(by_id).collect()
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// One value of a drop-down: the JSON value and its German title.
type Choice = (serde_json::Value, String);

/// An identifier titled with its name: „A03 – Sprachförderung ausweiten“.
fn titled(id: &str, name: &str) -> Choice {
    (id.into(), format!("{id} – {name}"))
}

/// A `oneOf` of titled constants with the `enum` of their values beside it (as [`titled_enums`]),
/// `null` added as the last choice when `nullable`.
fn choices(kind: &str, options: Vec<Choice>, nullable: bool) -> serde_json::Value {
    let mut values: Vec<serde_json::Value> = options.iter().map(|(v, _)| v.clone()).collect();
    let mut branches: Vec<serde_json::Value> = options
        .into_iter()
        .map(|(value, title)| serde_json::json!({"title": title, "const": value}))
        .collect();
    if nullable {
        values.push(serde_json::Value::Null);
        branches.push(serde_json::json!({"title": "(keine Angabe)", "type": "null"}));
    }
    let types: serde_json::Value = if nullable {
        serde_json::json!([kind, "null"])
    } else {
        kind.into()
    };
    serde_json::json!({"type": types, "oneOf": branches, "enum": values})
}

/// Replaces the value schema of `key` in the object schema at `pointer` (keeping its title and
/// description) by `choice`.
fn restrict(schema: &mut Schema, pointer: &str, key: &str, choice: &serde_json::Value) {
    let Some(property) = schema
        .pointer_mut(pointer)
        .and_then(|object| object.get_mut("properties"))
        .and_then(|properties| properties.get_mut(key))
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    let kept: serde_json::Map<String, serde_json::Value> = property
        .iter()
        .filter(|(k, _)| matches!(k.as_str(), "title" | "description"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    *property = kept;
    if let Some(choice) = choice.as_object() {
        property.extend(choice.clone());
    }
}

/// A slug of `text` for an identifier: lower-case letters and digits, the rest as `-`.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && slug.ends_with('-')) {
            slug.push(c);
        }
    }
    slug.trim_matches('-').to_string()
}

/// The report-sheet schema for the sheets of one target system, for forms: goal, reporting member,
/// deputy, org units and indicators are enumerations of the system's values titled with their
/// names („A03 – Sprachförderung ausweiten“), `authority` and `schema_version` are fixed, and the
/// tertial is one of the system's reporting tertials. It only narrows the general schema, so a
/// sheet valid against it is valid against `report-sheet.schema.json` too.
pub fn sheet_schema_for(system: &TargetSystem) -> Schema {
    let mut schema = generate::<ReportSheet>("report-sheet.schema.json", true).schema;
    schema.insert(
        "$id".into(),
        format!(
            "{SCHEMA_ID_BASE}report-sheet:{}:{}",
            slug(&system.authority),
            system.year
        )
        .into(),
    );
    schema.insert(
        "title".into(),
        format!("Berichtsblatt – {} {}", system.authority, system.year).into(),
    );
    let goals: Vec<Choice> = system
        .goals
        .iter()
        .map(|goal| titled(&goal.id, &goal.title))
        .collect();
    let members: Vec<Choice> = system
        .members
        .iter()
        .map(|member| {
            let title = member.name.clone().unwrap_or_else(|| member.id.clone());
            (member.id.clone().into(), title)
        })
        .collect();
    let units: Vec<Choice> = system
        .org_units
        .iter()
        .map(|unit| titled(&unit.id, &unit.name))
        .collect();
    let indicators: Vec<Choice> = system
        .goals
        .iter()
        .flat_map(|goal| &goal.indicators)
        .map(|indicator| {
            titled(
                &indicator.id,
                &format!("{} ({})", indicator.name, indicator.unit),
            )
        })
        .collect();
    let tertials: Vec<Choice> = Tertial::of_year(system.year)
        .map(|all| {
            all.into_iter()
                .filter(|tertial| *tertial >= system.reporting.first_tertial)
                .map(|tertial| (tertial.to_string().into(), tertial.label_de()))
                .collect()
        })
        .unwrap_or_default();
    let authority = serde_json::json!({
        "type": "string",
        "const": system.authority,
        "default": system.authority,
    });
    restrict(&mut schema, "", "authority", &authority);
    restrict(&mut schema, "", "goal", &choices("string", goals, false));
    restrict(
        &mut schema,
        "",
        "tertial",
        &choices("string", tertials, false),
    );
    let reporting = choices("string", members.clone(), false);
    restrict(&mut schema, "", "reporting_member", &reporting);
    restrict(
        &mut schema,
        "",
        "signed_by",
        &choices("string", members, true),
    );
    let contribution_unit = choices("string", units.clone(), true);
    restrict(
        &mut schema,
        "/$defs/Contribution",
        "org_unit",
        &contribution_unit,
    );
    restrict(
        &mut schema,
        "/$defs/IndicatorValue",
        "indicator",
        &choices("string", indicators, false),
    );
    if let Some(items) = schema.pointer_mut("/$defs/Countermeasure/properties/org_units/items") {
        *items = choices("string", units, false);
    }
    schema
}
