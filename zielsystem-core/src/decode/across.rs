//! Every finding at once across stages: the rules run on what can be decoded of a document that
//! has schema-level problems, and stay silent where their input is itself reported.
//!
//! When typed decoding fails, the schema-level pass has the document's tree and every schema-level
//! finding. `partial` repairs a copy of the tree just enough for typed decoding: unknown keys are
//! dropped (they are no input of any rule), a missing required value gets a placeholder, and only
//! if that does not decode are the values reported at schema level replaced too (removed where
//! they are optional, a placeholder where they are required) — first those typed decoding refuses
//! anyway, then all. The result is a [`Partial`] document and the pointers of every value the rules
//! must not trust (replaced, or repeated under one key).
//!
//! [`Partial::screen`] then keeps a rule finding only when it cannot depend on such a value: its
//! path is not inside (or above) one, and the rule does not read one of those fields (`reads`).
//! Where a rule states the very limit the schema states too (RS01 and TS01 for `schema_version`,
//! RS09 for a countermeasure's units, RS14 for a sheet's texts) and the value was left as it was,
//! one finding says it: the rule's, which names the field in German; the schema-level finding at
//! the same path is dropped. This is what a decoded document gets as well, so a document yields the
//! same rule findings whether or not an unrelated key is misspelt.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::decode::strict;
use crate::decode::tree::Json;
use crate::findings::Finding;
use crate::rules::catalogue::Code;

/// What is left of a document with schema-level problems for the rules to check.
#[derive(Clone, Debug, PartialEq)]
pub struct Partial<T> {
    /// The repaired document.
    pub document: T,
    /// JSON Pointers of the values the rules must not trust: replaced by a placeholder, removed,
    /// or given under a repeated key.
    pub untrusted: Vec<String>,
    /// JSON Pointers of values reported at schema level but left as they were (typed decoding
    /// reads them): a rule that states the same limit speaks for them.
    pub kept: Vec<String>,
}

/// Which fields a rule reads beyond the value at the path it reports.
enum Reads {
    /// Only the value at the finding's own path.
    Own,
    /// These top-level fields of the document.
    Fields(&'static [&'static str]),
    /// The entry of a top-level list the finding is in (`/goals/3` for `/goals/3/org_units`), and
    /// these top-level fields.
    Entry(&'static [&'static str]),
}

/// The fields each rule reads, where that is known; `None`: the rule may read anything, so it stays
/// silent as soon as any value is untrusted.
fn reads(code: Code) -> Option<Reads> {
    use Reads::{Entry, Fields, Own};
    Some(match code {
        Code::RS01 | Code::RS02 | Code::RS14 | Code::TS01 | Code::TS04 => Own,
        Code::RS03 => Fields(&["goal", "reporting_member", "submitted_on"]),
        Code::RS04 | Code::RS05 => Fields(&["submitted_on", "tertial"]),
        Code::RS06 => Fields(&["forecast", "tertial"]),
        Code::RS07 | Code::RS11 => Fields(&["forecast", "risks"]),
        Code::RS08 => Fields(&["countermeasures", "forecast"]),
        Code::RS09 | Code::RS16 | Code::RS17 | Code::TS06 => Entry(&[]),
        Code::RS10 => Fields(&["contributions"]),
        Code::RS12 => Entry(&["goal"]),
        Code::RS13 => Fields(&["authority", "forecast", "goal", "tertial"]),
        Code::RS15 => Fields(&["goal", "reporting_member", "signed_by", "submitted_on"]),
        Code::RS18 => Fields(&[
            "countermeasures",
            "forecast",
            "indicator_values",
            "reporting_member",
            "signed_by",
            "tertial",
        ]),
        Code::TS02 | Code::TS05 => Fields(&["goals", "members", "org_units", "portfolios"]),
        Code::TS03 => Fields(&["declared_goal_counts", "goals"]),
        Code::TS11 => Entry(&["org_units", "portfolios"]),
        Code::TS07 => Fields(&["org_units", "portfolios"]),
        Code::TS08 => Fields(&["goals", "year"]),
        Code::TS09 => Fields(&["reporting", "resolution", "year"]),
        Code::TS10 => Fields(&["goals", "members", "portfolios", "reporting", "year"]),
        _ => return None,
    })
}

/// Rules that state a limit the schema states too; their finding stands for the schema's at the
/// same path.
fn states_the_schema_limit(code: Code) -> bool {
    matches!(code, Code::RS01 | Code::RS09 | Code::RS14 | Code::TS01)
}

/// Whether one pointer lies inside the other (or they are the same).
fn related(a: &str, b: &str) -> bool {
    fn inside(inner: &str, outer: &str) -> bool {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
    inside(a, b) || inside(b, a)
}

/// The first token of a pointer: the top-level field it is in.
fn field_of(pointer: &str) -> Option<String> {
    tokens(pointer).into_iter().next()
}

/// The entry of a top-level list a pointer is in: its first two tokens (`/goals/3`), or the
/// pointer itself when it is shorter.
fn entry_of(pointer: &str) -> &str {
    let mut slashes = pointer.match_indices('/').map(|(at, _)| at);
    match (slashes.next(), slashes.nth(1)) {
        (Some(_), Some(third)) => pointer.get(..third).unwrap_or(pointer),
        _ => pointer,
    }
}

fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

impl<T> Partial<T> {
    /// The rule findings `found` on the repaired document that cannot depend on an untrusted value;
    /// `schema_level` loses the findings a kept rule finding states in its place.
    pub fn screen(&self, found: Vec<Finding>, schema_level: &mut Vec<Finding>) -> Vec<Finding> {
        let untrusted_fields: Vec<String> =
            self.untrusted.iter().filter_map(|p| field_of(p)).collect();
        let mut kept = Vec::with_capacity(found.len());
        for finding in found {
            if self.untrusted.iter().any(|p| related(p, &finding.path)) {
                continue;
            }
            let trusted = match reads(finding.code) {
                None => self.untrusted.is_empty(),
                Some(Reads::Own) => true,
                Some(Reads::Fields(fields)) => !fields
                    .iter()
                    .any(|field| untrusted_fields.iter().any(|f| f == field)),
                Some(Reads::Entry(fields)) => {
                    let entry = entry_of(&finding.path);
                    !self.untrusted.iter().any(|p| related(p, entry))
                        && !fields
                            .iter()
                            .any(|field| untrusted_fields.iter().any(|f| f == field))
                }
            };
            if !trusted {
                continue;
            }
            if states_the_schema_limit(finding.code) && self.kept.contains(&finding.path) {
                schema_level.retain(|schema| schema.path != finding.path);
            }
            kept.push(finding);
        }
        kept
    }
}

/// How a schema-level finding bears on the repair.
enum Problem {
    /// An unknown key: dropped, no rule reads it.
    Unknown(String),
    /// A required key missing: a placeholder at its pointer.
    Missing(String),
    /// A repeated key: the last value counts, and no rule trusts it.
    Repeated(String),
    /// A value the schema refuses; `softness` says how likely typed decoding still reads it: 0
    /// never (a wrong type or date), 1 maybe (a value outside an enumeration: a fixed
    /// `schema_version` is a text to the type), 2 likely (a length, a pattern, a short list).
    Refused { pointer: String, softness: u8 },
}

fn problem(finding: &Finding) -> Option<Problem> {
    let path = finding.path.clone();
    Some(match finding.code {
        Code::SchemaUnknownKey => Problem::Unknown(path),
        Code::SchemaRequired => {
            let key = finding.params.get("key")?;
            Problem::Missing(crate::decode::locate::pointer(&path, key))
        }
        Code::SchemaDuplicateKey => Problem::Repeated(path),
        Code::SchemaLimit if finding.params.contains_key("omitted") => return None,
        Code::SchemaLimit => Problem::Refused {
            pointer: path,
            softness: 2,
        },
        Code::SchemaEnum => Problem::Refused {
            pointer: path,
            softness: 1,
        },
        Code::SchemaFormat => Problem::Refused {
            softness: if finding.params.contains_key("pattern") {
                2
            } else {
                0
            },
            pointer: path,
        },
        // A mismatch with a detail (a list too short, a repeated entry) is no wrong type.
        Code::SchemaType if !path.is_empty() => Problem::Refused {
            softness: if finding.params.contains_key("detail") {
                2
            } else {
                0
            },
            pointer: path,
        },
        _ => return None,
    })
}

/// The document that can be decoded from `tree` despite `findings` (the schema-level findings of
/// the walk against `schema`), or `None` when too much is wrong (the root itself, a finding without
/// a place, or a repair typed decoding still refuses).
pub(crate) fn partial<T: DeserializeOwned>(
    tree: &Json,
    schema: &Value,
    findings: &[Finding],
) -> Option<Partial<T>> {
    let problems: Vec<Problem> = findings.iter().map(problem).collect::<Option<_>>()?;
    let mut base = to_value(tree);
    // Unknown keys by the object they are in: one pass over each such object, however many.
    let mut unknown: HashMap<&str, HashSet<String>> = HashMap::new();
    for problem in &problems {
        if let Problem::Unknown(pointer) = problem {
            if let Some((parent, key)) = parent_and_key(pointer) {
                unknown.entry(parent).or_default().insert(key);
            }
        }
    }
    for (parent, keys) in unknown {
        if let Some(Value::Object(members)) = base.pointer_mut(parent) {
            members.retain(|key, _| !keys.contains(key));
        }
    }
    let mut untrusted = Vec::new();
    for problem in &problems {
        match problem {
            Problem::Missing(pointer) => {
                let placeholder = placeholder(schema, at(schema, schema, pointer)?, 0)?;
                set(&mut base, pointer, placeholder)?;
                untrusted.push(pointer.clone());
            }
            Problem::Repeated(pointer) => untrusted.push(pointer.clone()),
            Problem::Unknown(_) | Problem::Refused { .. } => {}
        }
    }
    let refused: Vec<(&String, u8)> = problems
        .iter()
        .filter_map(|problem| match problem {
            Problem::Refused { pointer, softness } => Some((pointer, *softness)),
            _ => None,
        })
        .collect();
    // Leave as much as typed decoding reads: nothing replaced, then the values it surely refuses,
    // then those it may refuse, then all.
    for replaced_up_to in [None, Some(0), Some(1), Some(2)] {
        let mut value = base.clone();
        let mut replaced = untrusted.clone();
        let mut kept = Vec::new();
        let mut possible = true;
        for (pointer, softness) in &refused {
            let replace = replaced_up_to.is_some_and(|up_to| *softness <= up_to);
            if replace {
                possible &= replace_value(&mut value, schema, pointer).is_some();
                replaced.push((*pointer).clone());
            } else {
                kept.push((*pointer).clone());
            }
        }
        if !possible {
            continue;
        }
        let Ok(bytes) = serde_json::to_vec(&value) else {
            return None;
        };
        if let (Ok(document), _) = strict::from_document::<T>(&bytes) {
            return Some(Partial {
                document,
                untrusted: replaced,
                kept,
            });
        }
    }
    None
}

/// The tree as a plain JSON value (for a repeated key the last value, as typed decoding reads it).
fn to_value(tree: &Json) -> Value {
    match tree {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(n.clone()),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(members) => Value::Object(
            Json::effective_members(members)
                .map(|(key, value)| (key.clone(), to_value(value)))
                .collect(),
        ),
    }
}

/// The parent of `pointer` and its last token.
fn parent_and_key(pointer: &str) -> Option<(&str, String)> {
    let cut = pointer.rfind('/')?;
    let parent = pointer.get(..cut)?;
    let key = pointer
        .get(cut + 1..)?
        .replace("~1", "/")
        .replace("~0", "~");
    Some((parent, key))
}

fn remove(value: &mut Value, pointer: &str) {
    if let Some((parent, key)) = parent_and_key(pointer) {
        if let Some(Value::Object(members)) = value.pointer_mut(parent) {
            members.remove(&key);
        }
    }
}

fn set(value: &mut Value, pointer: &str, new: Value) -> Option<()> {
    let (parent, key) = parent_and_key(pointer)?;
    match value.pointer_mut(parent)? {
        Value::Object(members) => {
            members.insert(key, new);
        }
        Value::Array(items) => *items.get_mut(key.parse::<usize>().ok()?)? = new,
        _ => return None,
    }
    Some(())
}

/// Replaces the value at `pointer`: removed when its object does not require it, otherwise a
/// placeholder the schema admits.
fn replace_value(value: &mut Value, root: &Value, pointer: &str) -> Option<()> {
    let (parent, key) = parent_and_key(pointer)?;
    let parent_schema = at(root, root, parent)?;
    let required = object_schema(root, parent_schema, 0)
        .and_then(|object| object.get("required"))
        .and_then(Value::as_array)
        .is_some_and(|required| required.iter().any(|k| k.as_str() == Some(key.as_str())));
    if matches!(value.pointer(parent), Some(Value::Object(_))) && !required {
        remove(value, pointer);
        return Some(());
    }
    let new = placeholder(root, at(root, root, pointer)?, 0)?;
    set(value, pointer, new)
}

/// Follows `$ref`s (and, for a nullable value, the branch that is not `null`) to the schema of an
/// object or an array.
fn object_schema<'s>(
    root: &'s Value,
    schema: &'s Value,
    hops: u8,
) -> Option<&'s Map<String, Value>> {
    if hops > 32 {
        return None;
    }
    let keywords = schema.as_object()?;
    if let Some(reference) = keywords.get("$ref").and_then(Value::as_str) {
        return object_schema(root, root.pointer(reference.strip_prefix('#')?)?, hops + 1);
    }
    if keywords.contains_key("properties")
        || keywords.contains_key("items")
        || keywords.contains_key("additionalProperties")
    {
        return Some(keywords);
    }
    for combinator in ["anyOf", "oneOf", "allOf"] {
        if let Some(branches) = keywords.get(combinator).and_then(Value::as_array) {
            if let Some(found) = branches
                .iter()
                .find_map(|branch| object_schema(root, branch, hops + 1))
            {
                return Some(found);
            }
        }
    }
    Some(keywords)
}

/// The schema of the value at `pointer` below `schema`.
fn at<'s>(root: &'s Value, schema: &'s Value, pointer: &str) -> Option<&'s Value> {
    let mut current = schema;
    for token in tokens(pointer) {
        let object = object_schema(root, current, 0)?;
        current = if let Some(property) = object
            .get("properties")
            .and_then(|properties| properties.get(&token))
        {
            property
        } else if let Some(items) = object
            .get("items")
            .filter(|_| token.parse::<usize>().is_ok())
        {
            items
        } else {
            object.get("additionalProperties")?
        };
    }
    Some(current)
}

/// A value `schema` admits, to stand in for one that is missing or refused: its `default`, its
/// first example, its constant, `null` where that is allowed, else the simplest value of its type.
fn placeholder(root: &Value, schema: &Value, hops: u8) -> Option<Value> {
    if hops > 32 {
        return None;
    }
    let keywords = schema.as_object()?;
    if let Some(reference) = keywords.get("$ref").and_then(Value::as_str) {
        return placeholder(root, root.pointer(reference.strip_prefix('#')?)?, hops + 1);
    }
    if let Some(value) = keywords.get("default").or_else(|| {
        keywords
            .get("examples")
            .and_then(Value::as_array)
            .and_then(|examples| examples.first())
    }) {
        return Some(value.clone());
    }
    if let Some(constant) = keywords.get("const") {
        return Some(constant.clone());
    }
    if let Some(first) = keywords
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|values| values.first())
    {
        return Some(first.clone());
    }
    for combinator in ["anyOf", "oneOf"] {
        if let Some(branches) = keywords.get(combinator).and_then(Value::as_array) {
            let nullable = branches
                .iter()
                .any(|branch| branch.get("type").and_then(Value::as_str) == Some("null"));
            if nullable {
                return Some(Value::Null);
            }
            return branches
                .iter()
                .find_map(|branch| placeholder(root, branch, hops + 1));
        }
    }
    let kind = match keywords.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(Value::Array(kinds)) if kinds.iter().any(|k| k == "null") => return Some(Value::Null),
        Some(Value::Array(kinds)) => kinds.first().and_then(Value::as_str)?,
        _ => return None,
    };
    Some(match kind {
        "null" => Value::Null,
        "boolean" => Value::Bool(false),
        "integer" | "number" => keywords
            .get("minimum")
            .filter(|minimum| minimum.as_f64().is_some_and(|m| m > 0.0))
            .cloned()
            .unwrap_or_else(|| Value::from(0)),
        "string" => match keywords.get("format").and_then(Value::as_str) {
            Some("date") => Value::from("2000-01-01"),
            _ => Value::from("-"),
        },
        "array" => Value::Array(Vec::new()),
        "object" => {
            let mut members = Map::new();
            let required = keywords.get("required").and_then(Value::as_array);
            for key in required.into_iter().flatten().filter_map(Value::as_str) {
                let property = keywords.get("properties")?.get(key)?;
                members.insert(key.to_string(), placeholder(root, property, hops + 1)?);
            }
            Value::Object(members)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_related_by_whole_tokens() {
        assert!(related("/risks", "/risks/0/likelihood"));
        assert!(related("/risks/0", "/risks"));
        assert!(related("/goal", "/goal"));
        assert!(!related("/risks", "/risks_x"));
        assert!(related("", "/goal"), "the root holds everything");
    }

    #[test]
    fn entries_are_the_first_two_tokens() {
        assert_eq!(entry_of("/goals/3/org_units/1"), "/goals/3");
        assert_eq!(entry_of("/goals/3"), "/goals/3");
        assert_eq!(entry_of("/goal"), "/goal");
        assert_eq!(entry_of(""), "");
    }
}
