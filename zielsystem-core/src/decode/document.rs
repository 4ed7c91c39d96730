//! The schema-level pass over raw bytes, shared by every document kind.
//!
//! [`decode`] tries typed serde decoding first, so a well-formed document costs no more than
//! `serde_json::from_slice`. Only when that fails does it take the slow, collect-everything path:
//! parse the bytes into a tree that keeps every key (even repeated ones), report duplicate keys, and
//! walk the tree against the JSON Schema the crate itself publishes ([`crate::schema`]). The findings
//! are therefore exactly what the published schema says, all of them in one call, each with the
//! JSON Pointer of the offending value.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::decode::across::{Partial, partial};
use crate::decode::compiled_schema::CompiledSchema;
use crate::decode::locate::pointer;
pub use crate::decode::syntax::document_size_finding;
use crate::decode::syntax::{BOM, depth_limit_finding, parse_tree, strip_position};
use crate::decode::tree::Json;
use crate::decode::{schema_walk, strict};
use crate::findings::{Capped, Finding, ValidationResult};
use crate::rules::catalogue::{Message, Twin};
use crate::text::short;

/// A document decoded from bytes, if it could be, and every finding about it.
///
/// `document` is `Some` exactly when the bytes decode to the typed value; rule findings about a
/// decoded document are in `result` too (its `valid` may still be false).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checked<T> {
    /// The decoded document; `None` when the bytes are not a document of this kind.
    pub document: Option<T>,
    /// Every finding, schema-level and rule-level, in the order the checks ran.
    pub result: ValidationResult,
    /// When `document` is `None` but some of the bytes decode: what the rules can still check
    /// ([`crate::decode::across`]); [`Checked::with_rules`] uses it.
    #[serde(skip)]
    pub partial: Option<Partial<T>>,
}

impl<T> Checked<T> {
    /// A result without a document or anything partial: the bytes were refused as they are.
    pub fn refused(result: ValidationResult) -> Self {
        Checked {
            document: None,
            result,
            partial: None,
        }
    }

    /// Runs `rules` on the document and appends their findings ([`Checked::with_findings`]). When
    /// the bytes did not decode, the rules run on what could be decoded of them, and only the
    /// findings that cannot depend on a value reported at schema level are kept
    /// ([`Partial::screen`]): every finding at once, across stages, without cascades.
    #[must_use]
    pub fn with_rules(mut self, rules: impl FnOnce(&T) -> Vec<Finding>) -> Self {
        if let Some(document) = &self.document {
            let findings = rules(document);
            return self.with_findings(findings);
        }
        let Some(partial) = self.partial.take() else {
            return self;
        };
        let mut schema_level = std::mem::take(&mut self.result.findings);
        let findings = partial.screen(rules(&partial.document), &mut schema_level);
        self.result = ValidationResult::from_findings(schema_level);
        self.partial = Some(partial);
        self.with_findings(findings)
    }

    /// Appends rule findings about the decoded document and recomputes `valid`; at most
    /// [`crate::decode::limits::FINDINGS_MAX`] findings are kept, then one says how many more there
    /// were.
    #[must_use]
    pub fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        if findings.is_empty() {
            return self;
        }
        let mut all = Capped::default();
        all.extend(std::mem::take(&mut self.result.findings));
        all.extend(findings);
        self.result = ValidationResult::from_findings(all.into_findings());
        self
    }
}

/// The JSON Schema of one document kind, prepared for the schema-level pass.
#[derive(Clone, Debug)]
pub struct DocumentSchema {
    schema: Schema,
    /// The schema compiled for the walk and the repair ([`CompiledSchema`]).
    compiled: CompiledSchema,
    /// Whether some object in the schema admits keys beyond its declared properties (a map). Only
    /// then can typed decoding succeed on a document with a duplicate key, which serde would merge
    /// silently: `deny_unknown_fields` structs reject a repeated field themselves.
    open_objects: bool,
}

impl DocumentSchema {
    /// Prepares `schema` (a root schema with its `$defs`).
    pub fn new(schema: Schema) -> Self {
        let open_objects = admits_open_objects(schema.as_value())
            || crate::schema::referred(schema.as_value())
                .into_iter()
                .any(admits_open_objects);
        DocumentSchema {
            compiled: CompiledSchema::new(schema.as_value()),
            schema,
            open_objects,
        }
    }

    /// The schema the crate publishes under `file_name` in `schemas/` ([`crate::schema::named`]:
    /// only it and the schemas it refers to are built); where none is published under that name,
    /// the schema generated for `T` with the same settings.
    pub fn published<T: JsonSchema>(file_name: &str) -> Self {
        let schema = crate::schema::named(file_name).map_or_else(
            || {
                schemars::generate::SchemaSettings::draft2020_12()
                    .into_generator()
                    .into_root_schema_for::<T>()
            },
            |named| named.schema.clone(),
        );
        DocumentSchema::new(schema)
    }

    /// The schema.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }
}

/// Decodes `bytes` as a `T`, reporting every schema-level problem against `schema` when it cannot.
///
/// Codes: `JSON_SYNTAX` (with `line` and `column` in the params, 1-based, the column in
/// characters), `SCHEMA_TYPE`, `SCHEMA_REQUIRED`, `SCHEMA_UNKNOWN_KEY`, `SCHEMA_FORMAT`,
/// `SCHEMA_ENUM`, `SCHEMA_DUPLICATE_KEY` and `SCHEMA_LIMIT` ([`crate::decode::limits`]).
///
/// Limits come first and cost next to nothing: a document over [`DOCUMENT_MAX_BYTES`](crate::decode::limits::DOCUMENT_MAX_BYTES) is refused
/// unread; one nested deeper than [`DEPTH_MAX`](crate::decode::limits::DEPTH_MAX) is refused after a single scan of its bytes (the
/// finding carries `line` and `column`) before any tree is built. (Typed decoding needs no scan: it
/// stops at the first value its type does not expect, so it never descends deeper than the
/// contract's types, 6 levels; the scan runs on the paths that build a tree.) A leading UTF-8
/// byte-order mark is ignored (RFC 8259 §8.1 allows it; editors on Windows write one). At most
/// [`crate::decode::limits::FINDINGS_MAX`] findings are listed, then one that says how many more
/// there were.
///
/// Typed decoding reads structs from JSON objects only (plain serde would also read one from an
/// array of its field values, which the schema rejects).
pub fn decode<T: DeserializeOwned>(bytes: &[u8], schema: &DocumentSchema) -> Checked<T> {
    if let Some(finding) = document_size_finding(bytes.len() as u64) {
        return refused(finding);
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let (typed, schema_key_dropped) = strict::from_document::<T>(bytes);
    let typed_error = match typed {
        Ok(document) if !schema.open_objects && !schema_key_dropped => {
            return Checked {
                document: Some(document),
                result: ValidationResult::from_findings(Vec::new()),
                partial: None,
            };
        }
        Ok(document) => {
            // A schema with maps, or a document read through a map to drop its `$schema`: a
            // repeated key was merged silently, so look for one.
            if let Some(finding) = depth_limit_finding(bytes) {
                return refused(finding);
            }
            let duplicates = parse_tree(bytes)
                .map(|tree| {
                    let mut found = Capped::default();
                    duplicate_keys_into(&tree, &mut found);
                    found.into_findings()
                })
                .unwrap_or_default();
            return if duplicates.is_empty() {
                Checked {
                    document: Some(document),
                    result: ValidationResult::from_findings(Vec::new()),
                    partial: None,
                }
            } else {
                // Decoded with the last of each repeated key; no rule trusts such a value.
                let untrusted = duplicates.iter().map(|f| f.path.clone()).collect();
                Checked {
                    document: None,
                    result: ValidationResult::from_findings(duplicates),
                    partial: Some(Partial {
                        document,
                        untrusted,
                        kept: Vec::new(),
                    }),
                }
            };
        }
        Err(error) => error,
    };
    schema_level(bytes, schema, Some(&typed_error))
        .unwrap_or_else(|| refused(mismatch(&typed_error)))
}

/// [`decode`] of bytes already known not to decode as a `T` by [`strict::from_slice`]: a reader
/// that accepts exactly what typed decoding accepts has refused them
/// ([`crate::model::sheet_view::SheetView::decode`]). The same result as [`decode`], without
/// trying typed decoding first. [`decode`] itself is taken where typed decoding may still read the
/// bytes another way — through a map, to drop a root `$schema` key, or into a schema with maps —
/// and so report repeated keys only; and where the schema finds nothing wrong (serde is stricter
/// than the schema there), to say what serde says.
pub(crate) fn decode_refused<T: DeserializeOwned>(
    bytes: &[u8],
    schema: &DocumentSchema,
) -> Checked<T> {
    if let Some(finding) = document_size_finding(bytes.len() as u64) {
        return refused(finding);
    }
    let unmarked = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if schema.open_objects || strict::mentions_schema_key(unmarked) {
        return decode(bytes, schema);
    }
    schema_level(unmarked, schema, None).unwrap_or_else(|| decode(bytes, schema))
}

/// The collect-everything pass over bytes (without a leading BOM) that typed decoding refused:
/// every schema-level finding, and what the rules can still check. When the schema finds nothing
/// wrong, the finding is serde's `typed_error`; without one, `None`.
fn schema_level<T: DeserializeOwned>(
    bytes: &[u8],
    schema: &DocumentSchema,
    typed_error: Option<&serde_json::Error>,
) -> Option<Checked<T>> {
    if let Some(finding) = depth_limit_finding(bytes) {
        return Some(refused(finding));
    }
    let tree = match parse_tree(bytes) {
        Err(finding) => return Some(refused(finding)),
        Ok(tree) => tree,
    };
    // Repeated keys first, so that the walk knows whether to look for them in each object; their
    // findings still come after the walk's.
    let mut repeated = Capped::default();
    duplicate_keys_into(&tree, &mut repeated);
    let mut findings = Capped::default();
    schema_walk::walk_into(&schema.compiled, &tree, repeated.is_empty(), &mut findings);
    findings.absorb(repeated);
    if findings.is_empty() {
        // The schema accepts what serde rejects: say what serde said rather than nothing.
        findings.push(mismatch(typed_error?));
    }
    let findings = findings.into_findings();
    let partial = partial(tree, &schema.compiled, &findings);
    Some(Checked {
        document: None,
        result: ValidationResult::from_findings(findings),
        partial,
    })
}

/// A document refused as a whole, with the one finding that says why.
fn refused<T>(finding: Finding) -> Checked<T> {
    Checked::refused(ValidationResult::from_findings(vec![finding]))
}

fn mismatch(error: &serde_json::Error) -> Finding {
    let detail = strip_position(&error.to_string());
    let (line, column) = (error.line(), error.column());
    Finding::new(
        Message::SchemaMismatch {
            detail: Twin::new(
                format!("{detail} (Zeile {line}, Spalte {column})"),
                format!("{detail} (line {line}, column {column})"),
            ),
        },
        "",
    )
}

/// A `SCHEMA_DUPLICATE_KEY` finding for every repetition of a key in an object, in document order,
/// at the pointer of the repeated member.
#[cfg(test)]
pub(crate) fn duplicate_keys(tree: &Json<'_>) -> Vec<Finding> {
    let mut findings = Capped::default();
    duplicate_keys_into(tree, &mut findings);
    findings.into_findings()
}

/// The findings of [`duplicate_keys`], added to `findings`. Depth-first without recursion and
/// without building a pointer for every value: a frame per open container (at most
/// [`DEPTH_MAX`](crate::decode::limits::DEPTH_MAX) of them), and a pointer only for a repetition found.
pub(crate) fn duplicate_keys_into(tree: &Json<'_>, findings: &mut Capped) {
    enum Children<'a> {
        Items(std::iter::Enumerate<std::slice::Iter<'a, Json<'a>>>),
        Members(std::slice::Iter<'a, (Cow<'a, str>, Json<'a>)>),
    }
    fn open<'a>(
        value: &'a Json<'a>,
        tokens: &[Result<usize, &str>],
        findings: &mut Capped,
    ) -> Option<Children<'a>> {
        match value {
            Json::Array(items) if !items.is_empty() => {
                Some(Children::Items(items.iter().enumerate()))
            }
            Json::Object(members) => {
                for (key, _) in Json::repetitions(members).filter_map(|index| members.get(index)) {
                    if !findings.skip_if_full() {
                        let base = tokens
                            .iter()
                            .fold(String::new(), |path, token| match token {
                                Ok(index) => pointer(&path, index),
                                Err(key) => pointer(&path, key),
                            });
                        findings.push(Finding::new(
                            Message::SchemaDuplicateKey { key: short(key) },
                            pointer(&base, key),
                        ));
                    }
                }
                Some(Children::Members(members.iter()))
            }
            _ => None,
        }
    }
    // The tokens of the open containers' pointers, written out only for a repetition found.
    let mut tokens: Vec<Result<usize, &str>> = Vec::new();
    let mut frames: Vec<Children<'_>> = open(tree, &tokens, findings).into_iter().collect();
    while let Some(frame) = frames.last_mut() {
        let next = match frame {
            Children::Items(items) => items.next().map(|(index, item)| (Ok(index), item)),
            Children::Members(members) => members.next().map(|(key, value)| (Err(key), value)),
        };
        let Some((token, child)) = next else {
            frames.pop();
            tokens.pop();
            continue;
        };
        let container = match child {
            Json::Array(items) => !items.is_empty(),
            Json::Object(_) => true,
            _ => false,
        };
        if container {
            tokens.push(token.map_err(|key| &**key));
            if let Some(children) = open(child, &tokens, findings) {
                frames.push(children);
            }
        }
    }
}

/// Whether any object the schema admits may carry keys beyond its declared properties.
fn admits_open_objects(schema: &serde_json::Value) -> bool {
    use serde_json::Value;
    match schema {
        Value::Bool(admits_anything) => *admits_anything,
        Value::Object(keywords) => {
            let types_object = match keywords.get("type") {
                Some(Value::String(kind)) => kind == "object",
                Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "object"),
                Some(_) => false,
                None => !["$ref", "anyOf", "oneOf", "allOf", "const", "enum"]
                    .iter()
                    .any(|key| keywords.contains_key(*key)),
            };
            let closed = keywords.get("additionalProperties") == Some(&Value::Bool(false));
            if types_object && !closed {
                return true;
            }
            let nested = |key: &str| -> bool {
                match keywords.get(key) {
                    Some(Value::Object(map)) if key == "properties" || key == "$defs" => {
                        map.values().any(admits_open_objects)
                    }
                    Some(Value::Array(list)) => list.iter().any(admits_open_objects),
                    Some(sub @ (Value::Object(_) | Value::Bool(_))) => admits_open_objects(sub),
                    _ => false,
                }
            };
            [
                "properties",
                "$defs",
                "items",
                "additionalProperties",
                "anyOf",
                "oneOf",
                "allOf",
            ]
            .iter()
            .any(|key| nested(key) && !(*key == "additionalProperties" && closed))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;
    use crate::Code;
    use crate::decode::limits::FINDINGS_MAX;
    use crate::decode::limits::{DEPTH_MAX, DOCUMENT_MAX_BYTES};
    use crate::model::report_sheet::ReportSheet;
    use crate::model::target_system::TargetSystem;
    use serde_json::json;

    #[test]
    fn published_schemas_are_closed() {
        assert!(
            !DocumentSchema::published::<TargetSystem>("target-system.schema.json").open_objects
        );
        assert!(!DocumentSchema::published::<ReportSheet>("report-sheet.schema.json").open_objects);
    }

    #[test]
    fn maps_make_a_schema_open() {
        let open = Schema::try_from(json!({
            "type": "object",
            "properties": { "x": { "type": "object", "additionalProperties": { "type": "string" } } },
            "additionalProperties": false
        }))
        .unwrap();
        assert!(DocumentSchema::new(open).open_objects);
        assert!(DocumentSchema::new(Schema::from(true)).open_objects);
    }

    #[test]
    fn typed_structs_reject_repeated_fields_themselves() {
        // Why the fast path need not look for duplicate keys when every object is a struct.
        let sheet = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/rules-sheet-a01-t1.json"
        ))
        .unwrap();
        let repeated = sheet.replacen(
            "\"goal\": \"A01\",",
            "\"goal\": \"A01\", \"goal\": \"A01\",",
            1,
        );
        assert_ne!(sheet, repeated);
        assert!(serde_json::from_str::<ReportSheet>(&sheet).is_ok());
        assert!(serde_json::from_str::<ReportSheet>(&repeated).is_err());
        let optional = json!({"id": "m", "terms": []})
            .to_string()
            .replace("\"id\"", "\"name\": null, \"name\": null, \"id\"");
        assert!(serde_json::from_str::<crate::model::target_system::Member>(&optional).is_err());
    }

    #[test]
    fn maps_with_duplicate_keys_are_caught_after_typed_success() {
        type Map = std::collections::BTreeMap<String, u32>;
        let schema = DocumentSchema::new(
            Schema::try_from(
                json!({"type": "object", "additionalProperties": {"type": "integer"}}),
            )
            .unwrap(),
        );
        let checked = decode::<Map>(br#"{"a": 1, "b": 2, "a": 3}"#, &schema);
        assert!(checked.document.is_none());
        assert_eq!(checked.result.codes(), vec![Code::SchemaDuplicateKey]);
        assert_eq!(checked.result.findings[0].path, "/a");
        let fine = decode::<Map>(br#"{"a": 1, "b": 2}"#, &schema);
        assert_eq!(fine.document.map(|m| m.len()), Some(2));
    }

    #[test]
    fn objects_with_very_many_keys_stay_linear() {
        use std::fmt::Write as _;
        let n = 100_000;
        let mut text = String::from("{");
        for i in 0..n {
            let _ = write!(text, "\"k{i}\": {i}, ");
        }
        text.push_str("\"k0\": 0}");
        let tree = parse_tree(text.as_bytes()).unwrap();
        let started = std::time::Instant::now();
        assert_eq!(duplicate_keys(&tree).len(), 1);
        let Json::Object(members) = &tree else {
            panic!()
        };
        assert_eq!(Json::effective_members(members).count(), n);
        assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed()); // quadratic, not slow
    }

    #[test]
    fn tree_keeps_repeated_keys_and_the_last_one_counts() {
        let tree =
            parse_tree(br#"{"a": 1, "b": {"c": [true, null], "c": "x"}, "a": 2.5}"#).unwrap();
        let Json::Object(members) = &tree else {
            panic!()
        };
        assert_eq!(members.len(), 3);
        let effective: Vec<_> = Json::effective_members(members)
            .map(|(k, _)| k.as_ref())
            .collect();
        assert_eq!(effective, ["b", "a"]);
        let paths: Vec<_> = duplicate_keys(&tree).into_iter().map(|f| f.path).collect();
        assert_eq!(paths, ["/a", "/b/c"]);
    }

    #[test]
    fn syntax_errors_carry_line_column_and_german_detail() {
        let finding = parse_tree(b"{\n  \"\xC3\xA4\": trux\n}").unwrap_err();
        assert_eq!(finding.code, Code::JsonSyntax);
        assert_eq!(finding.params["line"], "2");
        assert_eq!(finding.params["column"], "11");
        assert!(
            finding.message.contains("true, false und null"),
            "{}",
            finding.message
        );
        assert!(
            finding.message_en.contains("expected ident"),
            "{}",
            finding.message_en
        );

        let eof = parse_tree(b"{\"a\": [1, 2").unwrap_err();
        assert!(
            eof.message.contains("mitten in einer Liste"),
            "{}",
            eof.message
        );
        let empty = parse_tree(b"").unwrap_err();
        assert_eq!(
            (
                empty.params["line"].as_str(),
                empty.params["column"].as_str()
            ),
            ("1", "1")
        );
        let latin1 = parse_tree(b"{\"a\":\n \"gr\xF6\xDFe\"}").unwrap_err();
        assert!(latin1.message.contains("UTF-8"));
        assert_eq!(
            (
                latin1.params["line"].as_str(),
                latin1.params["column"].as_str()
            ),
            ("2", "5")
        );
        let trailing = parse_tree(b"{} x").unwrap_err();
        assert!(trailing.message.contains("überzählige Zeichen"));
        let deep = parse_tree("[".repeat(10_000).as_bytes()).unwrap_err();
        assert_eq!(deep.code, Code::SchemaLimit, "serde_json's recursion limit");
        assert!(deep.message.contains("verschachtelt"), "{}", deep.message);
        let utf16 = parse_tree(b"\xFF\xFE{\x00}\x00").unwrap_err();
        assert!(utf16.message.contains("UTF-16"), "{}", utf16.message);
    }

    fn sheet_schema() -> &'static DocumentSchema {
        crate::rules::report_sheet::schema()
    }

    #[test]
    fn a_leading_bom_is_ignored_and_a_second_one_is_not() {
        let sheet = include_bytes!("../../../tests/fixtures/rules-sheet-a01-t1.json");
        let with_bom = [BOM, sheet.as_slice()].concat();
        let checked = decode::<ReportSheet>(&with_bom, sheet_schema());
        assert!(checked.document.is_some(), "{:?}", checked.result);
        let twice = [BOM, BOM, sheet.as_slice()].concat();
        let checked = decode::<ReportSheet>(&twice, sheet_schema());
        assert_eq!(checked.result.codes(), vec![Code::JsonSyntax]);
        assert_eq!(checked.result.findings[0].params["column"], "1");
    }

    #[test]
    fn size_and_depth_are_refused_before_parsing() {
        let big = vec![b' '; DOCUMENT_MAX_BYTES + 1];
        let checked = decode::<ReportSheet>(&big, sheet_schema());
        assert_eq!(checked.result.codes(), vec![Code::SchemaLimit]);
        assert_eq!(
            checked.result.findings[0].params["size"],
            (DOCUMENT_MAX_BYTES + 1).to_string()
        );
        let deep = format!("{{\n  \"a\": {}", "[".repeat(DEPTH_MAX));
        let checked = decode::<ReportSheet>(deep.as_bytes(), sheet_schema());
        assert_eq!(checked.result.codes(), vec![Code::SchemaLimit]);
        let finding = &checked.result.findings[0];
        assert_eq!(
            (
                finding.params["line"].as_str(),
                finding.params["column"].as_str()
            ),
            ("2", &*(8 + DEPTH_MAX - 1).to_string())
        );
        // At the limit the document is merely wrong, not refused.
        let at_limit = format!("{}{}", "[".repeat(DEPTH_MAX), "]".repeat(DEPTH_MAX));
        let checked = decode::<ReportSheet>(at_limit.as_bytes(), sheet_schema());
        assert_eq!(checked.result.codes(), vec![Code::SchemaType]);
    }

    #[test]
    fn findings_are_capped_with_a_note() {
        use std::fmt::Write as _;
        let mut text = String::from("{");
        for i in 0..FINDINGS_MAX + 10 {
            let _ = write!(text, "\"k{i}\": 1, ");
        }
        text.push_str("\"k0\": 2}");
        let checked = decode::<ReportSheet>(text.as_bytes(), sheet_schema());
        let findings = &checked.result.findings;
        assert_eq!(findings.len(), FINDINGS_MAX + 1);
        let note = findings.last().unwrap();
        assert_eq!(note.code, Code::SchemaLimit);
        // Every key unknown, the 12 required keys missing, one duplicate: all counted.
        let total: usize = FINDINGS_MAX + 10 + 12 + 1;
        assert_eq!(note.params["omitted"], (total - FINDINGS_MAX).to_string());
    }

    #[test]
    fn a_schema_that_accepts_what_serde_rejects_still_yields_a_finding() {
        let anything = DocumentSchema::new(Schema::from(true));
        let checked = decode::<u8>(b"300", &anything);
        assert!(checked.document.is_none());
        assert_eq!(checked.result.codes(), vec![Code::SchemaType]);
        assert!(!checked.result.valid);
    }
}
