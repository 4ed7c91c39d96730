//! An interpreter for the part of JSON Schema (draft 2020-12) that schemars emits for our types,
//! walking a parsed document and collecting every violation as a finding with its JSON Pointer.
//!
//! Supported keywords (a unit test fails when a published schema uses any other):
//! - structure: `$ref` (to `#/$defs/…`, or to another published schema by its `$id`:
//!   [`crate::schema::resolve`]), `anyOf`, `oneOf`, `type` (a name or a list of names),
//!   `properties`, `required`, `additionalProperties` (`false` or a schema), `items`;
//! - values: `const`, `enum`, `format` (`date`, the integer formats `int8` … `uint64`, `double`,
//!   `float`), `pattern`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
//!   `maxLength`, `maxItems`, `minItems`, `uniqueItems` (`minItems` and `uniqueItems` only where a
//!   rule states the same limit; its finding stands for this one, [`crate::decode::across`]);
//! - an `enum` beside a `oneOf` of titled constants is one enumeration: one `SCHEMA_ENUM` finding
//!   that lists the values with their titles;
//! - annotations, ignored: `$schema`, `$id`, `$defs`, `title`, `description`, `examples`, `default`.
//!
//! One deliberate choice follows serde rather than the letter of JSON Schema, because the typed
//! decoder is what finally reads the document: an `integer` is a number written without fraction
//! or exponent (`2.0` is not an integer for `i32`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use regex::Regex;
use serde_json::{Map, Value};

use crate::calendar::TERTIAL_PATTERN;
use crate::decode::locate::pointer;
use crate::decode::tree::Json;
use crate::findings::{Capped, Finding};
use crate::rules::catalogue::{JsonType, JsonTypes, Message, Twin, WithGerman};
use crate::text::short;

/// The keywords the interpreter evaluates.
#[cfg(test)]
pub(crate) const SUPPORTED_KEYWORDS: &[&str] = &[
    "$ref",
    "anyOf",
    "oneOf",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "const",
    "enum",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "maxLength",
    "maxItems",
    "minItems",
    "uniqueItems",
];

/// The keywords that only annotate.
#[cfg(test)]
pub(crate) const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "examples",
    "default",
];

/// A constant of an enumeration with its German title, where the schema gives one.
type Constant<'s> = (&'s Value, Option<&'s str>);

/// A bound keyword, whether a value keeps it, and its German and English wording.
type Bound = (
    &'static str,
    fn(f64, f64) -> bool,
    &'static str,
    &'static str,
);

/// How many `$ref`s may be followed without descending into the document (guards against cycles).
const MAX_REF_HOPS: u8 = 32;

/// Every violation of `root` (a root schema with its `$defs`) by `tree`, in document order, at
/// most [`crate::decode::limits::FINDINGS_MAX`] of them (then a note how many more there were).
#[cfg(test)]
pub(crate) fn walk(root: &Value, tree: &Json) -> Vec<Finding> {
    let mut findings = Capped::default();
    walk_into(root, tree, &mut findings);
    findings.into_findings()
}

/// [`walk`] into a collection that may already hold findings.
pub(crate) fn walk_into(root: &Value, tree: &Json, findings: &mut Capped) {
    let mut walker = Walker::new(root, false);
    walker.findings = std::mem::take(findings);
    walker.check(root, tree, "", 0);
    *findings = walker.findings;
}

struct Walker<'s> {
    root: &'s Value,
    findings: Capped,
    /// Probing: only whether the value is accepted counts, and no finding is built. `anyOf` and
    /// `oneOf` probe their branches first and walk them for findings only when none accepts, so
    /// a valid enumeration value costs no discarded findings of the branches it does not match.
    probe: bool,
    /// Set instead of recording a finding while probing.
    rejected: bool,
}

impl<'s> Walker<'s> {
    fn new(root: &'s Value, probe: bool) -> Self {
        Walker {
            root,
            findings: Capped::default(),
            probe,
            rejected: false,
        }
    }

    /// Records a finding, or, while probing, only that there is one. Past the findings cap a
    /// finding is only counted, not built, so a document with millions of violations costs no more
    /// than counting them.
    fn report(&mut self, finding: impl FnOnce() -> Finding) {
        if self.probe {
            self.rejected = true;
        } else if !self.findings.skip_if_full() {
            self.findings.push(finding());
        }
    }

    /// Whether `schema` accepts `value`, without building findings.
    fn accepts(&self, schema: &'s Value, value: &Json, path: &str, hops: u8) -> bool {
        let mut probe = Walker::new(self.root, true);
        probe.check(schema, value, path, hops);
        !probe.rejected
    }

    fn check(&mut self, schema: &'s Value, value: &Json, path: &str, hops: u8) {
        if hops > MAX_REF_HOPS || (self.probe && self.rejected) {
            return;
        }
        let keywords = match schema {
            Value::Object(keywords) => keywords,
            Value::Bool(false) => {
                self.report(|| {
                    Finding::new(
                        Message::SchemaMismatch {
                            detail: Twin::new(
                                "an dieser Stelle ist kein Wert erlaubt",
                                "no value is allowed here",
                            ),
                        },
                        path,
                    )
                });
                return;
            }
            _ => return,
        };
        if let Some(Value::String(reference)) = keyword(keywords, "$ref") {
            if let Some((document, target)) = crate::schema::resolve(self.root, reference) {
                // A reference into another published schema: its own references are its own.
                let outer = std::mem::replace(&mut self.root, document);
                self.check(target, value, path, hops + 1);
                self.root = outer;
            }
        }
        if let Some(Value::Array(branches)) = keyword(keywords, "anyOf") {
            self.check_branches(branches, value, path, false, hops);
        }
        // An `enum` beside the `oneOf` says the same; `check_constants` reports it once, titled.
        if let (Some(Value::Array(branches)), None) =
            (keyword(keywords, "oneOf"), keyword(keywords, "enum"))
        {
            self.check_branches(branches, value, path, true, hops);
        }
        if let Some(types) = keyword(keywords, "type") {
            if !type_admits(types, value) {
                self.type_finding(&type_names(types), value, path);
                return;
            }
        }
        if !self.check_constants(keywords, value, path) {
            return;
        }
        match value {
            Json::String(text) => self.check_string(keywords, text, path),
            Json::Number(number) => self.check_number(keywords, number, path),
            Json::Object(members) => self.check_object(keywords, members, path),
            Json::Array(items) => self.check_array(keywords, items, path),
            Json::Null | Json::Bool(_) => {}
        }
    }

    /// `anyOf` / `oneOf`: fine when one branch (or, for `anyOf`, any) accepts the value. Otherwise
    /// an enumeration of constants yields `SCHEMA_ENUM`, a branch of the value's type yields its own
    /// findings, and no such branch a `SCHEMA_TYPE`.
    fn check_branches(
        &mut self,
        branches: &'s [Value],
        value: &Json,
        path: &str,
        exactly_one: bool,
        hops: u8,
    ) {
        let accepting = branches
            .iter()
            .filter(|branch| self.accepts(branch, value, path, hops + 1))
            .count();
        if accepting == 1 || (accepting > 1 && !exactly_one) {
            return;
        }
        if self.probe {
            self.rejected = true;
            return;
        }
        let mut outcomes: Vec<Capped> = branches
            .iter()
            .map(|branch| {
                let mut walker = Walker::new(self.root, false);
                walker.check(branch, value, path, hops + 1);
                walker.findings
            })
            .collect();
        if accepting > 1 {
            self.report(|| {
                Finding::new(
                    Message::SchemaMismatch {
                        detail: Twin::new(
                            "der Wert passt auf mehrere Alternativen",
                            "the value matches more than one alternative",
                        ),
                    },
                    path,
                )
            });
            return;
        }
        let constants: Option<Vec<Constant<'s>>> = branches
            .iter()
            .map(|branch| constants_of(self.root, branch, 0))
            .collect::<Option<Vec<Vec<Constant<'s>>>>>()
            .map(|lists| lists.into_iter().flatten().collect());
        if let Some(constants) = constants {
            if constants
                .iter()
                .any(|(constant, _)| same_kind(constant, value))
            {
                self.enum_finding(&constants, value, path);
                return;
            }
        }
        let admitting: Vec<usize> = branches
            .iter()
            .enumerate()
            .filter(|(_, branch)| {
                admitted_types(self.root, branch, 0)
                    .is_none_or(|types| types.iter().any(|kind| kind_admits(*kind, value)))
            })
            .map(|(index, _)| index)
            .collect();
        let best = admitting
            .iter()
            .copied()
            .filter(|&index| index < outcomes.len())
            .min_by_key(|&index| outcomes.get(index).map_or(usize::MAX, Capped::count));
        if let Some(index) = best {
            self.findings.absorb(outcomes.swap_remove(index));
        } else {
            let mut expected: Vec<JsonType> = Vec::new();
            for branch in branches {
                for kind in admitted_types(self.root, branch, 0).unwrap_or_default() {
                    if !expected.contains(&kind) {
                        expected.push(kind);
                    }
                }
            }
            self.type_finding(&expected, value, path);
        }
    }

    /// `const` and `enum`; false when the value is not among them (a finding was recorded).
    fn check_constants(
        &mut self,
        keywords: &'s Map<String, Value>,
        value: &Json,
        path: &str,
    ) -> bool {
        let allowed: Vec<Constant<'s>> =
            match (keyword(keywords, "const"), keyword(keywords, "enum")) {
                (Some(constant), _) => vec![(constant, None)],
                (None, Some(Value::Array(values))) => {
                    // The titles of the `oneOf` of the same constants, where there is one.
                    let titled = match keyword(keywords, "oneOf") {
                        Some(Value::Array(branches)) => branches
                            .iter()
                            .map(|branch| constants_of(self.root, branch, 0))
                            .collect::<Option<Vec<_>>>()
                            .map(|lists| lists.into_iter().flatten().collect::<Vec<_>>()),
                        _ => None,
                    };
                    titled
                        .filter(|titled| titled.len() == values.len())
                        .unwrap_or_else(|| values.iter().map(|v| (v, None)).collect())
                }
                _ => return true,
            };
        if allowed
            .iter()
            .any(|(constant, _)| json_equals(constant, value))
        {
            return true;
        }
        self.enum_finding(&allowed, value, path);
        false
    }

    fn check_string(&mut self, keywords: &Map<String, Value>, text: &str, path: &str) {
        match keyword(keywords, "format").and_then(Value::as_str) {
            Some("date") if !is_full_date(text) => {
                self.report(|| {
                    Finding::new(Message::SchemaFormatDate { value: short(text) }, path)
                });
                return;
            }
            _ => {}
        }
        if let Some(pattern) = keyword(keywords, "pattern").and_then(Value::as_str) {
            let tertial = pattern == TERTIAL_PATTERN;
            let matches = pattern_matches(pattern, text).unwrap_or(true);
            if !matches {
                self.report(|| {
                    if tertial {
                        Finding::new(Message::SchemaFormatTertial { value: short(text) }, path)
                    } else {
                        Finding::new(
                            Message::SchemaFormatPattern {
                                value: short(text),
                                pattern: short(pattern),
                            },
                            path,
                        )
                    }
                });
                return;
            }
        }
        if let Some(limit) = keyword(keywords, "maxLength").and_then(Value::as_u64) {
            let length = text.chars().count() as u64;
            if length > limit {
                self.report(|| {
                    Finding::new(Message::SchemaLimitTextLength { length, limit }, path)
                });
            }
        }
    }

    /// Integer formats and bounds: at most one finding per value.
    fn check_number(
        &mut self,
        keywords: &Map<String, Value>,
        number: &serde_json::Number,
        path: &str,
    ) {
        let value = number.to_string();
        let finding = |detail: String, detail_en: String| {
            Finding::new(
                Message::SchemaFormatNumber {
                    value: short(&value),
                    detail: Twin::new(detail, detail_en),
                },
                path,
            )
        };
        if let Some((min, max)) = keyword(keywords, "format")
            .and_then(Value::as_str)
            .and_then(integer_format_range)
        {
            let inside = integer_of(number).is_some_and(|n| (min..=max).contains(&n));
            if !inside {
                self.report(|| {
                    finding(
                        format!("ganze Zahl von {min} bis {max}"),
                        format!("integer from {min} to {max}"),
                    )
                });
                return;
            }
        }
        let Some(x) = number.as_f64() else { return };
        let bounds: [Bound; 4] = [
            ("minimum", |x, b| x >= b, "mindestens", "at least"),
            ("maximum", |x, b| x <= b, "höchstens", "at most"),
            (
                "exclusiveMinimum",
                |x, b| x > b,
                "größer als",
                "greater than",
            ),
            ("exclusiveMaximum", |x, b| x < b, "kleiner als", "less than"),
        ];
        for (name, holds, german, english) in bounds {
            if let Some(bound) = keyword(keywords, name).and_then(Value::as_f64) {
                if !holds(x, bound) {
                    let shown = keyword(keywords, name)
                        .map(Value::to_string)
                        .unwrap_or_default();
                    self.report(|| {
                        finding(format!("{german} {shown}"), format!("{english} {shown}"))
                    });
                    return;
                }
            }
        }
    }

    fn check_object(
        &mut self,
        keywords: &'s Map<String, Value>,
        members: &[(String, Json)],
        path: &str,
    ) {
        if let Some(Value::Array(required)) = keyword(keywords, "required") {
            for key in required.iter().filter_map(Value::as_str) {
                if !members.iter().any(|(name, _)| name == key) {
                    self.report(|| {
                        Finding::new(
                            Message::SchemaRequired {
                                key: key.to_string(),
                            },
                            path,
                        )
                    });
                }
            }
        }
        let properties = keyword(keywords, "properties").and_then(Value::as_object);
        let additional = keyword(keywords, "additionalProperties");
        for (key, member) in Json::effective_members(members) {
            let member_path = pointer(path, key);
            match (properties.and_then(|p| keyword(p, key)), additional) {
                (Some(property), _) => self.check(property, member, &member_path, 0),
                (None, Some(Value::Bool(false))) => self.report(|| {
                    Finding::new(Message::SchemaUnknownKey { key: short(key) }, member_path)
                }),
                (None, Some(schema)) => self.check(schema, member, &member_path, 0),
                (None, None) => {}
            }
        }
    }

    /// A list over its `maxItems` is refused as a whole: the limit is reported and only the entries
    /// within it are examined, so a list of millions costs no more than one at the limit.
    fn check_array(&mut self, keywords: &'s Map<String, Value>, items: &[Json], path: &str) {
        let mut examined = items.len();
        if let Some(limit) = keyword(keywords, "maxItems").and_then(Value::as_u64) {
            if items.len() as u64 > limit {
                examined = usize::try_from(limit).unwrap_or(usize::MAX);
                self.report(|| {
                    Finding::new(
                        Message::SchemaLimitListLength {
                            length: items.len(),
                            limit,
                        },
                        path,
                    )
                });
            }
        }
        if let Some(limit) = keyword(keywords, "minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < limit {
                self.report(|| {
                    Finding::new(
                        Message::SchemaMismatch {
                            detail: Twin::new(
                                format!("die Liste braucht mindestens {limit} Einträge"),
                                format!("the list needs at least {limit} entries"),
                            ),
                        },
                        path,
                    )
                });
            }
        }
        if keyword(keywords, "uniqueItems") == Some(&Value::Bool(true)) {
            let examined_items = items.get(..examined).unwrap_or(items);
            let repeated = examined_items
                .iter()
                .enumerate()
                .any(|(index, item)| examined_items.iter().take(index).any(|other| other == item));
            if repeated {
                self.report(|| {
                    Finding::new(
                        Message::SchemaMismatch {
                            detail: Twin::new(
                                "ein Eintrag der Liste wiederholt sich",
                                "an entry of the list is repeated",
                            ),
                        },
                        path,
                    )
                });
            }
        }
        if let Some(schema) = keyword(keywords, "items") {
            for (index, item) in items.iter().enumerate().take(examined) {
                self.check(schema, item, &pointer(path, index), 0);
            }
        }
    }

    fn type_finding(&mut self, expected: &[JsonType], value: &Json, path: &str) {
        if self.probe {
            self.rejected = true;
            return;
        }
        if self.findings.skip_if_full() {
            return;
        }
        let found = json_type(value);
        self.report(|| {
            Finding::new(
                Message::SchemaType {
                    expected: JsonTypes(expected.to_vec()),
                    found,
                },
                path,
            )
        });
    }

    /// `allowed` lists the JSON values; `allowed_de` adds each value's German title where the
    /// schema gives one (`low (gering), medium (mittel), high (hoch)`).
    fn enum_finding(&mut self, allowed: &[Constant<'_>], value: &Json, path: &str) {
        if self.probe {
            self.rejected = true;
            return;
        }
        if self.findings.skip_if_full() {
            return;
        }
        let shown = match value {
            Json::String(text) => short(text),
            other => short(&render(other)),
        };
        let json = |constant: &Value| match constant {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let allowed_de = join(
            allowed.iter().map(|(constant, title)| match title {
                Some(title) => format!("{} ({title})", json(constant)),
                None => json(constant),
            }),
            ", ",
        );
        let allowed = join(allowed.iter().map(|(constant, _)| json(constant)), ", ");
        self.report(|| {
            Finding::new(
                Message::SchemaEnum {
                    value: shown,
                    allowed: WithGerman {
                        value: allowed,
                        de: allowed_de,
                    },
                },
                path,
            )
        });
    }
}

fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I, separator: &str) -> String {
    items
        .into_iter()
        .map(|item| item.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(separator)
}

fn render(value: &Json) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => s.clone(),
        Json::Array(_) => "[…]".into(),
        Json::Object(_) => "{…}".into(),
    }
}

/// `"string"` or `["string", "null"]` as a list of types.
fn type_names(types: &Value) -> Vec<JsonType> {
    match types {
        Value::String(kind) => JsonType::parse(kind).into_iter().collect(),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .filter_map(JsonType::parse)
            .collect(),
        _ => Vec::new(),
    }
}

fn type_admits(types: &Value, value: &Json) -> bool {
    type_names(types)
        .iter()
        .any(|kind| kind_admits(*kind, value))
}

fn kind_admits(kind: JsonType, value: &Json) -> bool {
    match (kind, value) {
        (JsonType::Null, Json::Null)
        | (JsonType::Boolean, Json::Bool(_))
        | (JsonType::Number, Json::Number(_))
        | (JsonType::String, Json::String(_))
        | (JsonType::Array, Json::Array(_))
        | (JsonType::Object, Json::Object(_)) => true,
        (JsonType::Integer, Json::Number(number)) => number.is_i64() || number.is_u64(),
        _ => false,
    }
}

fn json_type(value: &Json) -> JsonType {
    match value {
        Json::Null => JsonType::Null,
        Json::Bool(_) => JsonType::Boolean,
        Json::Number(number) if number.is_i64() || number.is_u64() => JsonType::Integer,
        Json::Number(_) => JsonType::Number,
        Json::String(_) => JsonType::String,
        Json::Array(_) => JsonType::Array,
        Json::Object(_) => JsonType::Object,
    }
}

fn json_type_of_value(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(number) if number.is_i64() || number.is_u64() => JsonType::Integer,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

/// Whether a constant and a value are of the same JSON kind (a wrong word vs. a wrong type).
fn same_kind(constant: &Value, value: &Json) -> bool {
    matches!(
        (constant, value),
        (Value::String(_), Json::String(_))
            | (Value::Number(_), Json::Number(_))
            | (Value::Bool(_), Json::Bool(_))
    )
}

fn json_equals(constant: &Value, value: &Json) -> bool {
    match (constant, value) {
        (Value::Null, Json::Null) => true,
        (Value::Bool(a), Json::Bool(b)) => a == b,
        (Value::Number(a), Json::Number(b)) => a == b,
        (Value::String(a), Json::String(b)) => a == b,
        (Value::Array(a), Json::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| json_equals(x, y))
        }
        (Value::Object(a), Json::Object(b)) => {
            let members: Vec<_> = Json::effective_members(b).collect();
            a.len() == members.len()
                && members
                    .iter()
                    .all(|(key, item)| a.get(key).is_some_and(|x| json_equals(x, item)))
        }
        _ => false,
    }
}

/// RFC 3339 `full-date`: exactly `YYYY-MM-DD`, and a day that exists (no 2022-02-30); the same
/// check typed decoding makes ([`crate::model::date`]).
fn is_full_date(text: &str) -> bool {
    crate::model::date::parse(text).is_some()
}

/// The range of schemars' integer formats.
fn integer_format_range(format: &str) -> Option<(i128, i128)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" | "uint" => (0, u64::MAX.into()),
        _ => return None,
    })
}

fn integer_of(number: &serde_json::Number) -> Option<i128> {
    number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from))
}

/// Whether `text` matches `pattern`; `None` when the pattern does not compile. Compiled patterns
/// are cached: the schemas use a handful.
fn pattern_matches(pattern: &str, text: &str) -> Option<bool> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut guard = cache.lock().ok()?;
    if !guard.contains_key(pattern) {
        guard.insert(pattern.to_string(), Regex::new(pattern).ok());
    }
    Some(guard.get(pattern)?.as_ref()?.is_match(text))
}

/// The value of a keyword of a schema object. Schema objects have a handful of keys, so a scan
/// beats hashing the key (the map's hasher is `SipHash`); the schema-level pass looks up a dozen
/// keywords per value it visits.
fn keyword<'s>(keywords: &'s Map<String, Value>, name: &str) -> Option<&'s Value> {
    keywords
        .iter()
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// The constants a branch (in schema document `root`) consists of (`const`, `enum`, or the `null`
/// type), if it is only that, each with the branch's German `title`.
fn constants_of<'s>(root: &'s Value, branch: &'s Value, hops: u8) -> Option<Vec<Constant<'s>>> {
    static NULL: Value = Value::Null;
    let keywords = branch.as_object()?;
    if let Some(Value::String(reference)) = keyword(keywords, "$ref") {
        if hops >= MAX_REF_HOPS {
            return None;
        }
        let (document, target) = crate::schema::resolve(root, reference)?;
        return constants_of(document, target, hops + 1);
    }
    let title = keyword(keywords, "title").and_then(Value::as_str);
    if let Some(constant) = keyword(keywords, "const") {
        return Some(vec![(constant, title)]);
    }
    if let Some(Value::Array(values)) = keyword(keywords, "enum") {
        return Some(values.iter().map(|value| (value, None)).collect());
    }
    if keyword(keywords, "type").and_then(Value::as_str) == Some("null") {
        return Some(vec![(&NULL, None)]);
    }
    None
}

/// The JSON types a schema (in schema document `root`) admits; `None` when any.
fn admitted_types<'s>(root: &'s Value, schema: &'s Value, hops: u8) -> Option<Vec<JsonType>> {
    let keywords = schema.as_object()?;
    if hops >= MAX_REF_HOPS {
        return None;
    }
    if let Some(Value::String(reference)) = keyword(keywords, "$ref") {
        let (document, target) = crate::schema::resolve(root, reference)?;
        return admitted_types(document, target, hops + 1);
    }
    if let Some(types) = keyword(keywords, "type") {
        return Some(type_names(types));
    }
    if let Some(constant) = keyword(keywords, "const") {
        return Some(vec![json_type_of_value(constant)]);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = keyword(keywords, key) {
            let mut all = Vec::new();
            for branch in branches {
                for kind in admitted_types(root, branch, hops + 1)? {
                    if !all.contains(&kind) {
                        all.push(kind);
                    }
                }
            }
            return Some(all);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;
    use crate::decode::syntax::parse_tree;

    fn findings(schema: &Value, document: &str) -> Vec<(Code, String)> {
        walk(schema, &parse_tree(document.as_bytes()).unwrap())
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    #[test]
    fn published_schemas_use_only_supported_keywords() {
        fn visit(schema: &Value, where_: &str) {
            let Some(keywords) = schema.as_object() else {
                return;
            };
            for (key, sub) in keywords {
                assert!(
                    SUPPORTED_KEYWORDS.contains(&key.as_str())
                        || ANNOTATIONS.contains(&key.as_str()),
                    "keyword {key} at {where_} is not interpreted by schema_walk"
                );
                match key.as_str() {
                    "properties" | "$defs" => {
                        for (name, s) in sub.as_object().unwrap() {
                            visit(s, &format!("{where_}/{key}/{name}"));
                        }
                    }
                    "anyOf" | "oneOf" => {
                        for (i, s) in sub.as_array().unwrap().iter().enumerate() {
                            visit(s, &format!("{where_}/{key}/{i}"));
                        }
                    }
                    "items" | "additionalProperties" => visit(sub, &format!("{where_}/{key}")),
                    _ => {}
                }
            }
        }
        for named in crate::schema::all() {
            visit(named.schema.as_value(), named.file_name);
        }
    }

    #[test]
    fn types_including_nullable_and_integers() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {
                "a": {"type": ["string", "null"]},
                "n": {"type": "integer", "format": "uint32", "minimum": 0},
                "y": {"type": "integer", "format": "int32"},
                "x": {"type": "number", "format": "double", "maximum": 10}
            }
        });
        assert!(findings(&schema, r#"{"a": null, "n": 3, "y": -5, "x": 2.5}"#).is_empty());
        let found = findings(&schema, r#"{"a": 1, "n": -1, "y": 3000000000, "x": 11}"#);
        assert_eq!(
            found,
            [
                (Code::SchemaType, "/a".into()),
                (Code::SchemaFormat, "/n".into()),
                (Code::SchemaFormat, "/y".into()),
                (Code::SchemaFormat, "/x".into()),
            ]
        );
        assert_eq!(
            findings(&schema, r#"{"n": 2.0}"#),
            [(Code::SchemaType, "/n".into())]
        );
    }

    #[test]
    fn type_messages_are_german_and_english() {
        let schema = serde_json::json!({"type": ["string", "null"]});
        let finding = &walk(&schema, &parse_tree(b"[1]").unwrap())[0];
        assert_eq!(
            finding.message,
            "Falscher Typ: erwartet Zeichenkette oder null, gefunden Liste."
        );
        assert_eq!(
            finding.message_en,
            "Wrong type: expected string or null, found array."
        );
    }

    #[test]
    fn enumerations_of_constants() {
        let schema = serde_json::json!({
            "$defs": {"Level": {"oneOf": [{"type": "string", "const": "low"}, {"type": "string", "const": "high"}]}},
            "type": "array",
            "items": {"$ref": "#/$defs/Level"}
        });
        assert!(findings(&schema, r#"["low", "high"]"#).is_empty());
        assert_eq!(
            findings(&schema, r#"["mittel", 3, "low"]"#),
            [
                (Code::SchemaEnum, "/0".into()),
                (Code::SchemaType, "/1".into())
            ]
        );
        let finding = &walk(&schema, &parse_tree(br#"["hoch"]"#).unwrap())[0];
        assert_eq!(finding.params["allowed"], "low, high");
    }

    #[test]
    fn any_of_with_null_reports_the_branch_of_the_value_type() {
        let schema = serde_json::json!({
            "$defs": {"C": {"type": "object", "properties": {"k": {"type": "integer"}}, "required": ["k"], "additionalProperties": false}},
            "anyOf": [{"$ref": "#/$defs/C"}, {"type": "null"}]
        });
        assert!(findings(&schema, "null").is_empty());
        assert!(findings(&schema, r#"{"k": 1}"#).is_empty());
        assert_eq!(
            findings(&schema, r#"{"z": 1}"#),
            [
                (Code::SchemaRequired, String::new()),
                (Code::SchemaUnknownKey, "/z".into())
            ]
        );
        assert_eq!(
            findings(&schema, "\"x\""),
            [(Code::SchemaType, String::new())]
        );
    }

    #[test]
    fn dates_must_be_real_days_in_full_form() {
        for good in ["2022-02-28", "2024-02-29", "0001-01-01"] {
            assert!(is_full_date(good), "{good}");
        }
        for bad in [
            "2022-02-30",
            "2023-02-29",
            "2022-5-1",
            "+2022-05-01",
            "2022-05-01 ",
            "20220501",
            "2022-13-01",
            "２０２２-01-01",
        ] {
            assert!(!is_full_date(bad), "{bad}");
        }
    }

    #[test]
    fn tertials_follow_the_pattern_and_the_calendar() {
        let schema = serde_json::json!({"type": "string", "pattern": TERTIAL_PATTERN});
        assert!(findings(&schema, "\"2022-T3\"").is_empty());
        assert!(findings(&schema, "\"0000-T1\"").is_empty());
        for bad in ["\"2022-T4\"", "\"22-T1\""] {
            assert_eq!(
                findings(&schema, bad),
                [(Code::SchemaFormat, String::new())],
                "{bad}"
            );
        }
        let other = serde_json::json!({"type": "string", "pattern": "^a+$"});
        let finding = &walk(&other, &parse_tree(b"\"b\"").unwrap())[0];
        assert_eq!(finding.params["pattern"], "^a+$");
    }

    #[test]
    fn limits_and_false_schemas() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"t": {"type": "string", "maxLength": 3}, "l": {"type": "array", "maxItems": 1}, "no": false}
        });
        assert_eq!(
            findings(&schema, r#"{"t": "äöüß", "l": [1, 2], "no": 1}"#),
            [
                (Code::SchemaLimit, "/t".into()),
                (Code::SchemaLimit, "/l".into()),
                (Code::SchemaType, "/no".into()),
            ]
        );
    }

    #[test]
    fn ref_cycles_end() {
        let schema =
            serde_json::json!({"$defs": {"A": {"$ref": "#/$defs/A"}}, "$ref": "#/$defs/A"});
        assert!(findings(&schema, "1").is_empty());
    }

    #[test]
    fn short_values_stay_short_and_on_one_line() {
        assert_eq!(short("a\nb"), "a\\nb");
        assert_eq!(short(&"x".repeat(1000)).chars().count(), 61);
    }
}
