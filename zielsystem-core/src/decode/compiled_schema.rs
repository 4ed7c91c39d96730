//! A JSON Schema compiled once into a node arena, for the schema-level pass
//! ([`crate::decode::schema_walk`]) and the repair of [`crate::decode::across`].
//!
//! Every keyword the walk evaluates is read once, when the schema is prepared
//! ([`crate::decode::DocumentSchema::new`]): `$ref`s become node ids (into the schema's own
//! `$defs`, or into another published schema by its `$id`, built on first use:
//! [`crate::schema::named`]), patterns are compiled regexes, bounds and integer formats numbers,
//! enumerations lists of constants with their titles and their messages' lists, and each
//! `anyOf` / `oneOf` knows the constants and the types its branches admit. Walking a document is
//! then a matter of following ids, without looking up a keyword or resolving a reference per value.

use std::collections::HashMap;

use regex::Regex;
use serde_json::Value;

use crate::calendar::TERTIAL_PATTERN;
use crate::rules::catalogue::JsonType;

/// The index of a node in [`CompiledSchema::nodes`].
pub(crate) type NodeId = usize;

/// How many `$ref`s may be followed without descending into the document (guards against cycles).
pub(crate) const MAX_REF_HOPS: u8 = 32;

/// A schema of JSON Schema, compiled.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    /// `true`, or anything that is not a schema object: every value is accepted.
    Any,
    /// `false`: no value is accepted.
    False,
    /// A schema object.
    Keywords(Box<Keywords>),
}

/// Where a `$ref` (a text) leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reference {
    /// The node the reference names.
    To(NodeId),
    /// A reference that names nothing: the walk ignores it, the repair gives up.
    Broken,
}

/// A constant of an enumeration with its German title, where the schema gives one.
pub(crate) type Constant = (Value, Option<String>);

/// The constants a value must be one of (`const`, `enum`), and how a finding lists them.
#[derive(Clone, Debug)]
pub(crate) struct Enumeration {
    pub(crate) constants: Vec<Constant>,
    /// The JSON values, `low, medium, high`.
    pub(crate) allowed: String,
    /// The values with their German titles where given, `low (gering), medium (mittel)`.
    pub(crate) allowed_de: String,
}

impl Enumeration {
    fn new(constants: Vec<Constant>) -> Self {
        let json = |constant: &Value| match constant {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let allowed_de = constants
            .iter()
            .map(|(constant, title)| match title {
                Some(title) => format!("{} ({title})", json(constant)),
                None => json(constant),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let allowed = constants
            .iter()
            .map(|(constant, _)| json(constant))
            .collect::<Vec<_>>()
            .join(", ");
        Enumeration {
            constants,
            allowed,
            allowed_de,
        }
    }
}

/// The branches of an `anyOf` or `oneOf`, with what a finding about them needs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Branches {
    pub(crate) nodes: Vec<NodeId>,
    /// When every branch is only constants: all of them, titled.
    pub(crate) constants: Option<Enumeration>,
    /// The types each branch admits (`None`: any).
    pub(crate) admitted: Vec<Option<Vec<JsonType>>>,
    /// The types the branches admit together, each once, in order.
    pub(crate) expected: Vec<JsonType>,
}

/// A `pattern`, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) source: String,
    matcher: Matcher,
    /// The tertial pattern: its finding says so.
    pub(crate) tertial: bool,
}

/// How a pattern is matched: the two the published schemas use, by hand (what the regex means,
/// without its search machinery); any other by the regex.
#[derive(Clone, Debug)]
enum Matcher {
    /// `\S`: some character that is not white space (Unicode `White_Space`, as in the regex).
    NotBlank,
    /// [`TERTIAL_PATTERN`]: `^[0-9]{4}-T[1-3]$`.
    Tertial,
    /// Any other; `None` when it does not compile (it then accepts every text).
    Regex(Option<Regex>),
}

impl Pattern {
    /// Whether `text` matches.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        match &self.matcher {
            Matcher::NotBlank => text.chars().any(|c| !c.is_whitespace()),
            Matcher::Tertial => matches!(
                text.as_bytes(),
                [a, b, c, d, b'-', b'T', b'1'..=b'3']
                    if [a, b, c, d].iter().all(|digit| digit.is_ascii_digit())
            ),
            Matcher::Regex(regex) => regex.as_ref().is_none_or(|regex| regex.is_match(text)),
        }
    }
}

/// A bound on numbers, whether a value keeps it, and its German and English wording.
#[derive(Clone, Debug)]
pub(crate) struct Bound {
    pub(crate) limit: f64,
    pub(crate) holds: fn(f64, f64) -> bool,
    pub(crate) german: &'static str,
    pub(crate) english: &'static str,
    /// The bound as written in the schema.
    pub(crate) shown: String,
}

/// The keywords of a schema object.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keywords {
    pub(crate) reference: Option<Reference>,
    /// `anyOf` (a list).
    pub(crate) any_of: Option<Branches>,
    /// `oneOf` (a list).
    pub(crate) one_of: Option<Branches>,
    /// Whether an `enum` stands beside the `oneOf`: the two say the same, reported once, titled.
    pub(crate) has_enum: bool,
    /// `type`: the names it gives (none when it gives no known one).
    pub(crate) types: Option<Vec<JsonType>>,
    /// `const`, or else `enum` (a list), titled by a `oneOf` of the same constants.
    pub(crate) enumeration: Option<Enumeration>,
    /// `format: date`.
    pub(crate) date: bool,
    pub(crate) pattern: Option<Pattern>,
    pub(crate) max_length: Option<u64>,
    /// The range of an integer `format` (`int32`, `uint64`, …).
    pub(crate) integer_range: Option<(i128, i128)>,
    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, in this order.
    pub(crate) bounds: Vec<Bound>,
    /// `required`: each key and the index of its property, where it is one.
    pub(crate) required: Vec<(String, Option<usize>)>,
    /// `properties`, in the schema's order.
    pub(crate) properties: Vec<(String, NodeId)>,
    /// `additionalProperties` (its node is [`Node::False`] for `false`).
    pub(crate) additional: Option<NodeId>,
    pub(crate) items: Option<NodeId>,
    pub(crate) max_items: Option<u64>,
    pub(crate) min_items: Option<u64>,
    pub(crate) unique_items: bool,
    /// What only [`CompiledSchema::placeholder`] and the branch summaries read.
    pub(crate) raw: Raw,
}

/// Keywords kept as written, for placeholders and the summaries of branches.
#[derive(Clone, Debug, Default)]
pub(crate) struct Raw {
    pub(crate) title: Option<String>,
    /// `default`, or else the first of `examples`.
    pub(crate) example: Option<Value>,
    pub(crate) constant: Option<Value>,
    /// `enum` as a list.
    pub(crate) values: Option<Vec<Value>>,
    pub(crate) kind: Option<Value>,
    pub(crate) minimum: Option<Value>,
    /// Whether `properties`, `items` or `additionalProperties` is given: the schema of an object or
    /// a list rather than a choice between such schemas.
    pub(crate) container: bool,
}

/// The root node of every [`CompiledSchema`].
pub(crate) const ROOT: NodeId = 0;

/// A JSON Schema compiled into nodes; node [`ROOT`] is the root.
#[derive(Clone, Debug)]
pub(crate) struct CompiledSchema {
    nodes: Vec<Node>,
}

impl CompiledSchema {
    /// Compiles `root` (a root schema with its `$defs`) and what it refers to.
    pub(crate) fn new(root: &Value) -> Self {
        let mut compiler = Compiler {
            documents: vec![root],
            nodes: Vec::new(),
            interned: HashMap::new(),
            pending: Vec::new(),
            regexes: Vec::new(),
        };
        compiler.allocate(0, root);
        while let Some((id, document, value)) = compiler.pending.pop() {
            let node = compiler.compile(document, value);
            if let Some(slot) = compiler.nodes.get_mut(id) {
                *slot = node;
            }
        }
        let mut schema = CompiledSchema {
            nodes: compiler.nodes,
        };
        schema.summarise_branches();
        schema
    }

    /// The node `id`; [`Node::Any`] for an id that names none.
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        static ANY: Node = Node::Any;
        self.nodes.get(id).unwrap_or(&ANY)
    }

    fn keywords(&self, id: NodeId) -> Option<&Keywords> {
        match self.node(id) {
            Node::Keywords(keywords) => Some(keywords),
            Node::Any | Node::False => None,
        }
    }

    /// The constants `anyOf` / `oneOf` branches and titled enumerations need, computed once all
    /// nodes exist.
    fn summarise_branches(&mut self) {
        for id in 0..self.nodes.len() {
            let Some(keywords) = self.keywords(id) else {
                continue;
            };
            let summary = |branches: &Option<Branches>| {
                branches
                    .as_ref()
                    .map(|branches| self.summary(branches.nodes.clone()))
            };
            let any_of = summary(&keywords.any_of);
            let one_of = summary(&keywords.one_of);
            let titled = match (
                &keywords.raw.values,
                &keywords.raw.constant,
                &keywords.one_of,
            ) {
                (Some(values), None, Some(branches)) => {
                    let titled = self.constants_of_all(&branches.nodes);
                    Some(
                        titled
                            .filter(|titled| titled.len() == values.len())
                            .unwrap_or_else(|| values.iter().map(|v| (v.clone(), None)).collect()),
                    )
                }
                _ => None,
            };
            if let Some(Node::Keywords(keywords)) = self.nodes.get_mut(id) {
                if any_of.is_some() {
                    keywords.any_of = any_of;
                }
                if one_of.is_some() {
                    keywords.one_of = one_of;
                }
                if let Some(titled) = titled {
                    keywords.enumeration = Some(Enumeration::new(titled));
                }
            }
        }
    }

    fn summary(&self, nodes: Vec<NodeId>) -> Branches {
        let constants = self.constants_of_all(&nodes).map(Enumeration::new);
        let admitted: Vec<Option<Vec<JsonType>>> = nodes
            .iter()
            .map(|&branch| self.admitted_types(branch, 0))
            .collect();
        let mut expected: Vec<JsonType> = Vec::new();
        for kind in admitted.iter().flatten().flatten() {
            if !expected.contains(kind) {
                expected.push(*kind);
            }
        }
        Branches {
            nodes,
            constants,
            admitted,
            expected,
        }
    }

    /// The constants of all `branches`, when each is only constants.
    fn constants_of_all(&self, branches: &[NodeId]) -> Option<Vec<Constant>> {
        let lists = branches
            .iter()
            .map(|&branch| self.constants_of(branch, 0))
            .collect::<Option<Vec<Vec<Constant>>>>()?;
        Some(lists.into_iter().flatten().collect())
    }

    /// The constants a branch consists of (`const`, `enum`, or the `null` type), if it is only
    /// that, each with the branch's German `title`.
    fn constants_of(&self, id: NodeId, hops: u8) -> Option<Vec<Constant>> {
        let keywords = self.keywords(id)?;
        match keywords.reference {
            Some(Reference::To(target)) => {
                if hops >= MAX_REF_HOPS {
                    return None;
                }
                return self.constants_of(target, hops + 1);
            }
            Some(Reference::Broken) => return None,
            None => {}
        }
        let raw = &keywords.raw;
        if let Some(constant) = &raw.constant {
            return Some(vec![(constant.clone(), raw.title.clone())]);
        }
        if let Some(values) = &raw.values {
            return Some(values.iter().map(|value| (value.clone(), None)).collect());
        }
        if raw.kind.as_ref().and_then(Value::as_str) == Some("null") {
            return Some(vec![(Value::Null, None)]);
        }
        None
    }

    /// The JSON types a schema admits; `None` when any.
    fn admitted_types(&self, id: NodeId, hops: u8) -> Option<Vec<JsonType>> {
        let keywords = self.keywords(id)?;
        if hops >= MAX_REF_HOPS {
            return None;
        }
        match keywords.reference {
            Some(Reference::To(target)) => return self.admitted_types(target, hops + 1),
            Some(Reference::Broken) => return None,
            None => {}
        }
        if let Some(types) = &keywords.types {
            return Some(types.clone());
        }
        if let Some(constant) = &keywords.raw.constant {
            return Some(vec![json_type_of_value(constant)]);
        }
        let branches = keywords.any_of.as_ref().or(keywords.one_of.as_ref())?;
        let mut all = Vec::new();
        for &branch in &branches.nodes {
            for kind in self.admitted_types(branch, hops + 1)? {
                if !all.contains(&kind) {
                    all.push(kind);
                }
            }
        }
        Some(all)
    }

    /// Follows `$ref`s (and, for a choice, its first branch that is a schema object) to the
    /// schema of an object or a list.
    pub(crate) fn object_schema(&self, id: NodeId, hops: u8) -> Option<&Keywords> {
        if hops > MAX_REF_HOPS {
            return None;
        }
        let keywords = self.keywords(id)?;
        match keywords.reference {
            Some(Reference::To(target)) => return self.object_schema(target, hops + 1),
            Some(Reference::Broken) => return None,
            None => {}
        }
        if keywords.raw.container {
            return Some(keywords);
        }
        for branches in [&keywords.any_of, &keywords.one_of].into_iter().flatten() {
            if let Some(found) = branches
                .nodes
                .iter()
                .find_map(|&branch| self.object_schema(branch, hops + 1))
            {
                return Some(found);
            }
        }
        Some(keywords)
    }

    /// The node of the value at the JSON Pointer `tokens` below the root.
    pub(crate) fn at<'t>(&self, tokens: impl IntoIterator<Item = &'t str>) -> Option<NodeId> {
        let mut current = ROOT;
        for token in tokens {
            let object = self.object_schema(current, 0)?;
            current = if let Some(property) = object.property(token) {
                property
            } else if let Some(items) = object.items.filter(|_| token.parse::<usize>().is_ok()) {
                items
            } else {
                object.additional?
            };
        }
        Some(current)
    }

    /// A value the schema `id` admits, to stand in for one that is missing or refused: its
    /// `default`, its first example, its constant, `null` where that is allowed, else the simplest
    /// value of its type.
    pub(crate) fn placeholder(&self, id: NodeId, hops: u8) -> Option<Value> {
        if hops > MAX_REF_HOPS {
            return None;
        }
        let keywords = self.keywords(id)?;
        match keywords.reference {
            Some(Reference::To(target)) => return self.placeholder(target, hops + 1),
            Some(Reference::Broken) => return None,
            None => {}
        }
        let raw = &keywords.raw;
        if let Some(value) = &raw.example {
            return Some(value.clone());
        }
        if let Some(constant) = &raw.constant {
            return Some(constant.clone());
        }
        if let Some(first) = raw.values.as_ref().and_then(|values| values.first()) {
            return Some(first.clone());
        }
        if let Some(branches) = keywords.any_of.as_ref().or(keywords.one_of.as_ref()) {
            let nullable = branches.nodes.iter().any(|&branch| {
                self.keywords(branch)
                    .and_then(|branch| branch.raw.kind.as_ref())
                    .and_then(Value::as_str)
                    == Some("null")
            });
            if nullable {
                return Some(Value::Null);
            }
            return branches
                .nodes
                .iter()
                .find_map(|&branch| self.placeholder(branch, hops + 1));
        }
        let kind = match &raw.kind {
            Some(Value::String(kind)) => kind.as_str(),
            Some(Value::Array(kinds)) if kinds.iter().any(|k| k == "null") => {
                return Some(Value::Null);
            }
            Some(Value::Array(kinds)) => kinds.first().and_then(Value::as_str)?,
            _ => return None,
        };
        Some(match kind {
            "null" => Value::Null,
            "boolean" => Value::Bool(false),
            "integer" | "number" => raw
                .minimum
                .as_ref()
                .filter(|minimum| minimum.as_f64().is_some_and(|m| m > 0.0))
                .cloned()
                .unwrap_or_else(|| Value::from(0)),
            "string" if keywords.date => Value::from("2000-01-01"),
            "string" => Value::from("-"),
            "array" => Value::Array(Vec::new()),
            "object" => {
                let mut members = serde_json::Map::new();
                for (key, _) in &keywords.required {
                    let property = keywords.property(key)?;
                    members.insert(key.clone(), self.placeholder(property, hops + 1)?);
                }
                Value::Object(members)
            }
            _ => return None,
        })
    }
}

impl Keywords {
    /// The node of the property `key`.
    pub(crate) fn property(&self, key: &str) -> Option<NodeId> {
        self.properties
            .iter()
            .find_map(|(name, id)| (name == key).then_some(*id))
    }

    /// The index and node of the property `key`, looked for from `hint` on (then from the start):
    /// members usually come in the schema's order, so the first comparison mostly finds it.
    pub(crate) fn property_from(&self, key: &str, hint: usize) -> Option<(usize, NodeId)> {
        if let Some((name, id)) = self.properties.get(hint) {
            if name == key {
                return Some((hint, *id));
            }
        }
        let after = self.properties.iter().enumerate().skip(hint);
        let before = self.properties.iter().enumerate().take(hint);
        after
            .chain(before)
            .find_map(|(index, (name, id))| (name == key).then_some((index, *id)))
    }

    /// Whether `key` is required.
    pub(crate) fn requires(&self, key: &str) -> bool {
        self.required.iter().any(|(required, _)| required == key)
    }
}

struct Compiler<'v> {
    /// The root schema first, then the published schemas it refers to by `$id`.
    documents: Vec<&'v Value>,
    nodes: Vec<Node>,
    /// The node of each `$ref` target already met: (document, JSON Pointer).
    interned: HashMap<(usize, String), NodeId>,
    /// Nodes allocated but not yet compiled.
    pending: Vec<(NodeId, usize, &'v Value)>,
    /// Patterns compiled so far: the schemas use a handful, many times.
    regexes: Vec<(String, Option<Regex>)>,
}

impl<'v> Compiler<'v> {
    fn allocate(&mut self, document: usize, value: &'v Value) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node::Any);
        self.pending.push((id, document, value));
        id
    }

    /// The node a `$ref` met in `document` names.
    fn reference(&mut self, document: usize, reference: &str) -> Reference {
        let (id, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let Some(&here) = self.documents.get(document) else {
            return Reference::Broken;
        };
        let target_document =
            if id.is_empty() || here.get("$id").and_then(Value::as_str) == Some(id) {
                document
            } else {
                // Another `$id` names a published schema (as `crate::schema::resolve` has it),
                // each added to the documents once.
                let Some(published) = crate::schema::by_id(id) else {
                    return Reference::Broken;
                };
                if let Some(index) = self
                    .documents
                    .iter()
                    .position(|other| std::ptr::eq(*other, published))
                {
                    index
                } else {
                    self.documents.push(published);
                    self.documents.len() - 1
                }
            };
        let key = (target_document, fragment.to_string());
        if let Some(&id) = self.interned.get(&key) {
            return Reference::To(id);
        }
        let Some(target) = self
            .documents
            .get(target_document)
            .and_then(|document| document.pointer(fragment))
        else {
            return Reference::Broken;
        };
        let id = self.allocate(target_document, target);
        self.interned.insert(key, id);
        Reference::To(id)
    }

    fn regex(&mut self, pattern: &str) -> Option<Regex> {
        if let Some((_, regex)) = self.regexes.iter().find(|(source, _)| source == pattern) {
            return regex.clone();
        }
        let regex = Regex::new(pattern).ok();
        self.regexes.push((pattern.to_string(), regex.clone()));
        regex
    }

    fn branches(&mut self, document: usize, value: Option<&'v Value>) -> Option<Branches> {
        let Some(Value::Array(branches)) = value else {
            return None;
        };
        Some(Branches {
            nodes: branches
                .iter()
                .map(|branch| self.allocate(document, branch))
                .collect(),
            ..Branches::default()
        })
    }

    fn compile(&mut self, document: usize, value: &'v Value) -> Node {
        let map = match value {
            Value::Object(map) => map,
            Value::Bool(false) => return Node::False,
            _ => return Node::Any,
        };
        // A scan beats hashing the key: schema objects have a handful of keys.
        let keyword = |name: &str| {
            map.iter()
                .find_map(|(key, value)| (key == name).then_some(value))
        };
        let reference = match keyword("$ref") {
            Some(Value::String(reference)) => Some(self.reference(document, reference)),
            _ => None,
        };
        let any_of = self.branches(document, keyword("anyOf"));
        let one_of = self.branches(document, keyword("oneOf"));
        let types = keyword("type").map(type_names);
        let constant = keyword("const").cloned();
        let values = match keyword("enum") {
            Some(Value::Array(values)) => Some(values.clone()),
            _ => None,
        };
        let enumeration = match (&constant, &values) {
            (Some(constant), _) => Some(Enumeration::new(vec![(constant.clone(), None)])),
            // Titled in `summarise_branches` where a `oneOf` names the same constants.
            (None, Some(values)) => Some(Enumeration::new(
                values.iter().map(|value| (value.clone(), None)).collect(),
            )),
            (None, None) => None,
        };
        let format = keyword("format").and_then(Value::as_str);
        let pattern = keyword("pattern")
            .and_then(Value::as_str)
            .map(|source| Pattern {
                source: source.to_string(),
                matcher: match source {
                    r"\S" => Matcher::NotBlank,
                    TERTIAL_PATTERN => Matcher::Tertial,
                    _ => Matcher::Regex(self.regex(source)),
                },
                tertial: source == TERTIAL_PATTERN,
            });
        let bounds = bounds(&keyword);
        let mut properties = Vec::new();
        if let Some(Value::Object(declared)) = keyword("properties") {
            for (name, property) in declared {
                properties.push((name.clone(), self.allocate(document, property)));
            }
        }
        let required = match keyword("required") {
            Some(Value::Array(required)) => required
                .iter()
                .filter_map(Value::as_str)
                .map(|key| {
                    let index = properties.iter().position(|(name, _)| name == key);
                    (key.to_string(), index)
                })
                .collect(),
            _ => Vec::new(),
        };
        let additional = keyword("additionalProperties").map(|sub| self.allocate(document, sub));
        let items = keyword("items").map(|sub| self.allocate(document, sub));
        let example = keyword("default").or_else(|| {
            keyword("examples")
                .and_then(Value::as_array)
                .and_then(|examples| examples.first())
        });
        Node::Keywords(Box::new(Keywords {
            reference,
            any_of,
            one_of,
            has_enum: keyword("enum").is_some(),
            types,
            enumeration,
            date: format == Some("date"),
            pattern,
            max_length: keyword("maxLength").and_then(Value::as_u64),
            integer_range: format.and_then(integer_format_range),
            bounds,
            required,
            properties,
            additional,
            items,
            max_items: keyword("maxItems").and_then(Value::as_u64),
            min_items: keyword("minItems").and_then(Value::as_u64),
            unique_items: keyword("uniqueItems") == Some(&Value::Bool(true)),
            raw: Raw {
                title: keyword("title").and_then(Value::as_str).map(str::to_string),
                example: example.cloned(),
                constant,
                values,
                kind: keyword("type").cloned(),
                minimum: keyword("minimum").cloned(),
                container: ["properties", "items", "additionalProperties"]
                    .iter()
                    .any(|name| keyword(name).is_some()),
            },
        }))
    }
}

/// The bound keywords, in the order they are checked, whether a value keeps each, and its German
/// and English wording.
#[allow(clippy::type_complexity)] // A table.
const BOUNDS: [(&str, fn(f64, f64) -> bool, &str, &str); 4] = [
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

/// The bounds a schema object gives, in the order they are checked.
fn bounds<'v>(keyword: &impl Fn(&str) -> Option<&'v Value>) -> Vec<Bound> {
    BOUNDS
        .iter()
        .filter_map(|&(name, holds, german, english)| {
            let written = keyword(name)?;
            Some(Bound {
                limit: written.as_f64()?,
                holds,
                german,
                english,
                shown: written.to_string(),
            })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    /// The patterns matched by hand answer as their regexes do.
    #[test]
    fn hand_matched_patterns_agree_with_their_regexes() {
        let texts = [
            "",
            " ",
            "\u{a0}",
            "\u{2003}\t\n",
            "a",
            " x ",
            "\u{200b}",
            "\u{85}",
            "2022-T1",
            "0000-T3",
            "2022-T4",
            "2022-T0",
            "22-T1",
            "2022-T1\n",
            " 2022-T1",
            "2022-t1",
            "２０２２-T1",
            "2022-T12",
        ];
        for source in [r"\S", TERTIAL_PATTERN] {
            let schema = CompiledSchema::new(&serde_json::json!({"pattern": source}));
            let Node::Keywords(keywords) = schema.node(ROOT) else {
                panic!("{source}")
            };
            let pattern = keywords.pattern.as_ref().unwrap();
            assert!(!matches!(pattern.matcher, Matcher::Regex(_)), "{source}");
            let regex = Regex::new(source).unwrap();
            for text in texts {
                assert_eq!(
                    pattern.is_match(text),
                    regex.is_match(text),
                    "{source} {text:?}"
                );
            }
        }
    }
}
