//! An interpreter for the part of JSON Schema (draft 2020-12) that schemars emits for our types,
//! walking a parsed document and collecting every violation as a finding with its JSON Pointer.
//! It walks the schema compiled once ([`crate::decode::compiled_schema`]: keywords read, references
//! resolved, patterns compiled), so a value costs no keyword lookups, and a finding's pointer and
//! texts are written only when there is a finding.
//!
//! Supported keywords (a unit test fails when a published schema uses any other):
//! - structure: `$ref` (to `#/$defs/…`, or to another published schema by its `$id`), `anyOf`, `oneOf`, `type` (a name or a list of names),
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

use serde_json::Value;

use crate::decode::compiled_schema::{
    Branches, CompiledSchema, Enumeration, Keywords, MAX_REF_HOPS, Node, NodeId, ROOT, Reference,
};
use crate::decode::locate::push_token;
use crate::decode::tree::{Json, Members};
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

/// Every violation of `root` (a root schema with its `$defs`) by `tree`, in document order, at
/// most [`crate::decode::limits::FINDINGS_MAX`] of them (then a note how many more there were).
#[cfg(test)]
pub(crate) fn walk(root: &Value, tree: &Json<'_>) -> Vec<Finding> {
    let mut findings = Capped::default();
    walk_into(&CompiledSchema::new(root), tree, false, &mut findings);
    findings.into_findings()
}

/// [`walk`] against a compiled schema, into a collection that may already hold findings.
pub(crate) fn walk_into(
    schema: &CompiledSchema,
    tree: &Json<'_>,
    unique_keys: bool,
    findings: &mut Capped,
) {
    let mut walker = Walker {
        schema,
        unique_keys,
        findings: std::mem::take(findings),
        probe: false,
        rejected: false,
        tokens: Vec::with_capacity(16),
    };
    walker.check(ROOT, tree, 0);
    *findings = walker.findings;
}

struct Walker<'s, 't> {
    schema: &'s CompiledSchema,
    /// Whether the document is known to repeat no key (then objects are not searched for one).
    unique_keys: bool,
    findings: Capped,
    /// Probing: only whether the value is accepted counts, and no finding is built. `anyOf` and
    /// `oneOf` probe their branches first and walk them for findings only when none accepts, so
    /// a valid enumeration value costs no discarded findings of the branches it does not match.
    probe: bool,
    /// Set instead of recording a finding while probing.
    rejected: bool,
    /// The tokens of the JSON Pointer of the value being checked: pushed before a member or an
    /// entry is checked and popped after; the pointer is written out only for a finding.
    tokens: Vec<Token<'t>>,
}

impl<'s, 't> Walker<'s, 't> {
    /// Records a finding, or, while probing, only that there is one. Past the findings cap a
    /// finding is only counted, not built, so a document with millions of violations costs no more
    /// than counting them.
    fn report(&mut self, finding: impl FnOnce(&str) -> Finding) {
        if self.probe {
            self.rejected = true;
        } else if !self.findings.skip_if_full() {
            let mut path = String::new();
            for token in &self.tokens {
                token.push_onto(&mut path);
            }
            let finding = finding(&path);
            self.findings.push(finding);
        }
    }

    /// Whether `node` accepts `value`, without building findings.
    fn accepts(&mut self, node: NodeId, value: &'t Json<'t>, hops: u8) -> bool {
        let (probe, rejected) = (self.probe, self.rejected);
        self.probe = true;
        self.rejected = false;
        self.check(node, value, hops);
        let accepted = !self.rejected;
        self.probe = probe;
        self.rejected = rejected;
        accepted
    }

    /// Checks the member or entry `token` of the value at the current path.
    fn check_child(&mut self, node: NodeId, value: &'t Json<'t>, token: Token<'t>) {
        self.tokens.push(token);
        self.check(node, value, 0);
        self.tokens.pop();
    }

    fn check(&mut self, node: NodeId, value: &'t Json<'t>, hops: u8) {
        if hops > MAX_REF_HOPS || (self.probe && self.rejected) {
            return;
        }
        let schema = self.schema;
        let keywords = match schema.node(node) {
            Node::Keywords(keywords) => keywords,
            Node::False => {
                self.report(|path| {
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
            Node::Any => return,
        };
        if let Some(Reference::To(target)) = keywords.reference {
            self.check(target, value, hops + 1);
        }
        if let Some(branches) = &keywords.any_of {
            self.check_branches(branches, value, false, hops);
        }
        // An `enum` beside the `oneOf` says the same; `check_constants` reports it once, titled.
        if let (Some(branches), false) = (&keywords.one_of, keywords.has_enum) {
            self.check_branches(branches, value, true, hops);
        }
        if let Some(types) = &keywords.types {
            if !types.iter().any(|kind| kind_admits(*kind, value)) {
                self.type_finding(types, value);
                return;
            }
        }
        if let Some(enumeration) = &keywords.enumeration {
            if !enumeration
                .constants
                .iter()
                .any(|(constant, _)| json_equals(constant, value))
            {
                self.enum_finding(enumeration, value);
                return;
            }
        }
        match value {
            Json::String(text) => self.check_string(keywords, text),
            Json::Number(number) => self.check_number(keywords, number),
            Json::Object(members) => self.check_object(keywords, members),
            Json::Array(items) => self.check_array(keywords, items),
            Json::Null | Json::Bool(_) => {}
        }
    }

    /// `anyOf` / `oneOf`: fine when one branch (or, for `anyOf`, any) accepts the value. Otherwise
    /// an enumeration of constants yields `SCHEMA_ENUM`, a branch of the value's type yields its own
    /// findings (of such branches the one with the fewest), and no such branch a `SCHEMA_TYPE`.
    fn check_branches(
        &mut self,
        branches: &'s Branches,
        value: &'t Json<'t>,
        exactly_one: bool,
        hops: u8,
    ) {
        let mut accepting = 0;
        for &branch in &branches.nodes {
            if self.accepts(branch, value, hops + 1) {
                accepting += 1;
                if !exactly_one {
                    return;
                }
            }
        }
        if accepting == 1 {
            return;
        }
        if self.probe {
            self.rejected = true;
            return;
        }
        if accepting > 1 {
            self.report(|path| {
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
        if let Some(enumeration) = &branches.constants {
            if enumeration
                .constants
                .iter()
                .any(|(constant, _)| same_kind(constant, value))
            {
                self.enum_finding(enumeration, value);
                return;
            }
        }
        // The findings of each branch of the value's type, each walked on its own.
        let mut best: Option<Capped> = None;
        for (&branch, admitted) in branches.nodes.iter().zip(&branches.admitted) {
            let admits = admitted
                .as_ref()
                .is_none_or(|types| types.iter().any(|kind| kind_admits(*kind, value)));
            if !admits {
                continue;
            }
            let outer = std::mem::take(&mut self.findings);
            self.check(branch, value, hops + 1);
            let outcome = std::mem::replace(&mut self.findings, outer);
            if best
                .as_ref()
                .is_none_or(|best| outcome.count() < best.count())
            {
                best = Some(outcome);
            }
        }
        match best {
            Some(outcome) => self.findings.absorb(outcome),
            None => self.type_finding(&branches.expected, value),
        }
    }

    fn check_string(&mut self, keywords: &Keywords, text: &str) {
        if keywords.date && !is_full_date(text) {
            self.report(|path| {
                Finding::new(Message::SchemaFormatDate { value: short(text) }, path)
            });
            return;
        }
        if let Some(pattern) = &keywords.pattern {
            if !pattern.is_match(text) {
                self.report(|path| {
                    if pattern.tertial {
                        Finding::new(Message::SchemaFormatTertial { value: short(text) }, path)
                    } else {
                        Finding::new(
                            Message::SchemaFormatPattern {
                                value: short(text),
                                pattern: short(&pattern.source),
                            },
                            path,
                        )
                    }
                });
                return;
            }
        }
        if let Some(limit) = keywords.max_length {
            // A text has no more characters than bytes: only a long one is counted.
            if text.len() as u64 > limit {
                let length = text.chars().count() as u64;
                if length > limit {
                    self.report(|path| {
                        Finding::new(Message::SchemaLimitTextLength { length, limit }, path)
                    });
                }
            }
        }
    }

    /// Integer formats and bounds: at most one finding per value.
    fn check_number(&mut self, keywords: &Keywords, number: &serde_json::Number) {
        let finding = |path: &str, detail: String, detail_en: String| {
            Finding::new(
                Message::SchemaFormatNumber {
                    value: short(&number.to_string()),
                    detail: Twin::new(detail, detail_en),
                },
                path,
            )
        };
        if let Some((min, max)) = keywords.integer_range {
            let inside = integer_of(number).is_some_and(|n| (min..=max).contains(&n));
            if !inside {
                self.report(|path| {
                    finding(
                        path,
                        format!("ganze Zahl von {min} bis {max}"),
                        format!("integer from {min} to {max}"),
                    )
                });
                return;
            }
        }
        let Some(x) = number.as_f64() else { return };
        if let Some(bound) = keywords
            .bounds
            .iter()
            .find(|bound| !(bound.holds)(x, bound.limit))
        {
            self.report(|path| {
                finding(
                    path,
                    format!("{} {}", bound.german, bound.shown),
                    format!("{} {}", bound.english, bound.shown),
                )
            });
        }
    }

    fn check_object(&mut self, keywords: &'s Keywords, members: &'t Members<'t>) {
        if !keywords.required.is_empty() {
            self.check_required(keywords, members);
        }
        let mut hint = 0;
        let mut each = |walker: &mut Self, key: &'t str, member: &'t Json<'t>| match keywords
            .property_from(key, hint)
        {
            Some((index, property)) => {
                hint = index + 1;
                walker.check_child(property, member, Token::Key(key));
            }
            None => match keywords
                .additional
                .map(|node| (node, walker.schema.node(node)))
            {
                Some((_, Node::False)) => walker.report(|path| {
                    Finding::new(
                        Message::SchemaUnknownKey { key: short(key) },
                        Token::Key(key).appended_to(path),
                    )
                }),
                Some((node, _)) => walker.check_child(node, member, Token::Key(key)),
                None => {}
            },
        };
        if !self.unique_keys && Json::repeats(members) {
            for (key, member) in Json::effective_members(members) {
                each(self, key, member);
            }
        } else {
            for (key, member) in members {
                each(self, key, member);
            }
        }
    }

    /// `required`: a finding for each required key no member has, in the order of `required`.
    fn check_required(&mut self, keywords: &Keywords, members: &Members<'_>) {
        // Which properties are there, as bits of their indexes (the schemas declare fewer than 64
        // properties per object; beyond, each key is looked for among the members).
        let mut present: u64 = 0;
        let mut hint = 0;
        if keywords.properties.len() <= 64 {
            for (key, _) in members {
                if let Some((index, _)) = keywords.property_from(key, hint) {
                    hint = index + 1;
                    present |= 1 << index;
                }
            }
        }
        for (key, index) in &keywords.required {
            let there = match index {
                Some(index) if keywords.properties.len() <= 64 => present & (1 << index) != 0,
                _ => members.iter().any(|(name, _)| name == key),
            };
            if !there {
                self.report(|path| {
                    Finding::new(Message::SchemaRequired { key: key.clone() }, path)
                });
            }
        }
    }

    /// A list over its `maxItems` is refused as a whole: the limit is reported and only the entries
    /// within it are examined, so a list of millions costs no more than one at the limit.
    fn check_array(&mut self, keywords: &'s Keywords, items: &'t [Json<'t>]) {
        let mut examined = items.len();
        if let Some(limit) = keywords.max_items {
            if items.len() as u64 > limit {
                examined = usize::try_from(limit).unwrap_or(usize::MAX);
                self.report(|path| {
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
        if let Some(limit) = keywords.min_items {
            if (items.len() as u64) < limit {
                self.report(|path| {
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
        if keywords.unique_items {
            let examined_items = items.get(..examined).unwrap_or(items);
            let repeated = examined_items
                .iter()
                .enumerate()
                .any(|(index, item)| examined_items.iter().take(index).any(|other| other == item));
            if repeated {
                self.report(|path| {
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
        if let Some(node) = keywords.items {
            for (index, item) in items.iter().enumerate().take(examined) {
                self.check_child(node, item, Token::Index(index));
            }
        }
    }

    fn type_finding(&mut self, expected: &[JsonType], value: &Json<'_>) {
        if self.probe {
            self.rejected = true;
            return;
        }
        if self.findings.skip_if_full() {
            return;
        }
        let found = json_type(value);
        self.report(|path| {
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
    fn enum_finding(&mut self, enumeration: &Enumeration, value: &Json<'_>) {
        if self.probe {
            self.rejected = true;
            return;
        }
        if self.findings.skip_if_full() {
            return;
        }
        self.report(|path| {
            let shown = match value {
                Json::String(text) => short(text),
                other => short(&render(other)),
            };
            Finding::new(
                Message::SchemaEnum {
                    value: shown,
                    allowed: WithGerman {
                        value: enumeration.allowed.clone(),
                        de: enumeration.allowed_de.clone(),
                    },
                },
                path,
            )
        });
    }
}

/// A token of a JSON Pointer: a member's key or an entry's index.
#[derive(Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

impl Token<'_> {
    /// Appends `/` and the token, escaped (`~0`, `~1`), to `path`.
    fn push_onto(self, path: &mut String) {
        path.push('/');
        match self {
            Token::Key(key) => push_token(path, key),
            Token::Index(index) => push_decimal(path, index),
        }
    }

    /// The pointer `path` with the token appended.
    fn appended_to(self, path: &str) -> String {
        let mut out = String::with_capacity(path.len() + 16);
        out.push_str(path);
        self.push_onto(&mut out);
        out
    }
}

/// Appends the decimal digits of `number` without the formatting machinery.
fn push_decimal(out: &mut String, number: usize) {
    if number >= 10 {
        push_decimal(out, number / 10);
    }
    let digit = u8::try_from(number % 10).unwrap_or(0);
    out.push(char::from(b'0' + digit));
}

fn render(value: &Json<'_>) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => s.to_string(),
        Json::Array(_) => "[…]".into(),
        Json::Object(_) => "{…}".into(),
    }
}

fn kind_admits(kind: JsonType, value: &Json<'_>) -> bool {
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

fn json_type(value: &Json<'_>) -> JsonType {
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

/// Whether a constant and a value are of the same JSON kind (a wrong word vs. a wrong type).
fn same_kind(constant: &Value, value: &Json<'_>) -> bool {
    matches!(
        (constant, value),
        (Value::String(_), Json::String(_))
            | (Value::Number(_), Json::Number(_))
            | (Value::Bool(_), Json::Bool(_))
    )
}

fn json_equals(constant: &Value, value: &Json<'_>) -> bool {
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
                    .all(|(key, item)| a.get(&**key).is_some_and(|x| json_equals(x, item)))
        }
        _ => false,
    }
}

/// RFC 3339 `full-date`: exactly `YYYY-MM-DD`, and a day that exists (no 2022-02-30); the same
/// check typed decoding makes ([`crate::model::date`]).
fn is_full_date(text: &str) -> bool {
    crate::model::date::parse(text).is_some()
}

fn integer_of(number: &serde_json::Number) -> Option<i128> {
    number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;
    use crate::calendar::TERTIAL_PATTERN;
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
