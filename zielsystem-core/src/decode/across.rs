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
//! path is not inside (or above) one, and the rule does not read one of them (`reads`: the values
//! each rule of the catalogue reads, by JSON Pointer patterns).
//! Where a rule states the very limit the schema states too (RS01 and TS01 for `schema_version`,
//! RS09 for a countermeasure's units, RS14 for a sheet's texts) and the value was left as it was,
//! one finding says it: the rule's, which names the field in German; the schema-level finding at
//! the same path is dropped. This is what a decoded document gets as well, so a document yields the
//! same rule findings whether or not an unrelated key is misspelt.

use std::collections::{HashMap, HashSet};

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::decode::compiled_schema::{CompiledSchema, NodeId};
use crate::decode::from_tree::Tree;
use crate::decode::locate::unescape_token;
use crate::decode::strict::{self, StrictStructs};
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

/// What a rule reads beyond the value at the path it reports. Patterns are JSON Pointers in which
/// the token `*` stands for any one token (every entry of a list): a pattern is affected by an
/// untrusted value inside it or above it.
#[derive(Clone, Copy, Debug)]
enum Reads {
    /// Only the value at the finding's own path.
    Own,
    /// The values at these patterns.
    Values(&'static [&'static str]),
    /// The entry of a top-level list the finding is in (`/goals/3` for `/goals/3/org_units`), and
    /// the values at these patterns.
    Entry(&'static [&'static str]),
    /// Anything: no rule of a document reports this code (schema level, forms, internal errors),
    /// so such a finding stays silent as soon as any value is untrusted.
    Anything,
}

/// The values each rule reads. Every code is listed (no catch-all arm), so a new code does not
/// compile until its inputs are stated; a test checks every pattern against the published schema
/// of the rule's document kind.
#[allow(clippy::too_many_lines, clippy::match_same_arms)] // By kind and rule, as the catalogue.
fn reads(code: Code) -> Reads {
    use Reads::{Anything, Entry, Own, Values};
    /// What the tertial report rules TR01–TR03 read of the sheets and the earlier sheets.
    const SHEETS_AND_HISTORY: &[&str] = &[
        "/authority",
        "/tertial",
        "/goals/*/goal",
        "/sheets/*/authority",
        "/sheets/*/goal",
        "/sheets/*/tertial",
        "/history/*/authority",
        "/history/*/goal",
        "/history/*/tertial",
    ];
    /// What the review log rules read of its entries: the replay of each sheet's events.
    const EVENTS: &[&str] = &[
        "/entries/*/event",
        "/entries/*/date",
        "/entries/*/goal",
        "/entries/*/digest",
        "/entries/*/replaces",
    ];
    match code {
        Code::JsonSyntax
        | Code::SchemaType
        | Code::SchemaRequired
        | Code::SchemaUnknownKey
        | Code::SchemaFormat
        | Code::SchemaEnum
        | Code::SchemaDuplicateKey
        | Code::SchemaLimit
        | Code::FormFile
        | Code::FormTemplate
        | Code::FormForeign
        | Code::FormProtected
        | Code::FormRequired
        | Code::FormChoice
        | Code::FormValue
        | Code::FormFormula
        | Code::FormStray
        | Code::FormConverted
        | Code::Internal => Anything,
        // The previous system (TS13) is context, not the document: only `/year` and `/authority`
        // are read, each reported at its own path.
        Code::TS01 | Code::TS04 | Code::TS13 => Own,
        Code::TS02 | Code::TS05 => Values(&["/goals", "/members", "/org_units", "/portfolios"]),
        Code::TS03 => Values(&["/declared_goal_counts", "/goals"]),
        Code::TS06 => Entry(&[]),
        Code::TS07 => Values(&["/org_units", "/portfolios"]),
        // A goal's origin against the year (and, whether the previous system fits, the authority).
        Code::TS08 => Entry(&["/authority", "/year"]),
        // The resolution number against the authority's numbering pattern.
        Code::TS09 => Values(&["/numbering", "/reporting", "/resolution", "/year"]),
        Code::TS10 => Values(&["/goals", "/members", "/portfolios", "/reporting", "/year"]),
        Code::TS11 => Entry(&["/org_units", "/portfolios"]),
        // The lineage compares the origins of all goals (ids name the other goal of a conflict).
        Code::TS12 => Values(&["/goals/*/id", "/goals/*/origin"]),
        Code::RS01 | Code::RS02 | Code::RS14 => Own,
        Code::RS03 => Values(&["/goal", "/reporting_member", "/submitted_on"]),
        Code::RS04 | Code::RS05 => Values(&["/submitted_on", "/tertial"]),
        Code::RS06 => Values(&["/forecast", "/tertial"]),
        Code::RS07 | Code::RS11 => Values(&["/forecast", "/risks"]),
        Code::RS08 => Values(&["/countermeasures", "/forecast"]),
        Code::RS09 | Code::RS16 | Code::RS17 => Entry(&[]),
        Code::RS10 => Values(&["/contributions"]),
        Code::RS12 => Entry(&["/goal"]),
        Code::RS13 => Values(&["/authority", "/forecast", "/goal", "/tertial"]),
        Code::RS15 => Values(&["/goal", "/reporting_member", "/signed_by", "/submitted_on"]),
        Code::RS18 => Values(&[
            "/countermeasures",
            "/forecast",
            "/indicator_values",
            "/reporting_member",
            "/signed_by",
            "/tertial",
        ]),
        Code::TR01 | Code::TR02 | Code::TR03 => Values(SHEETS_AND_HISTORY),
        // The lifecycle, its numbers against the authority's pattern (in the report's context),
        // the decision's day against the cut-off and the latest submission of the goals' sheets.
        Code::TR04 => Values(&[
            "/stage",
            "/decision",
            "/council",
            "/countermeasures/*/adopted",
            "/context/numbering",
            "/tertial",
            "/goals/*/goal",
            "/goals/*/sheet",
            "/sheets/*/goal",
            "/sheets/*/submitted_on",
        ]),
        Code::TR05 => Entry(&["/stage"]),
        // The tertial against the year of the system reported on.
        Code::TR06 => Values(&["/tertial", "/context/year"]),
        // A paper's number and sections are judged by its kind (the numbering is the caller's).
        Code::BV01 | Code::BV02 | Code::BV04 => Values(&["/kind"]),
        Code::BV03 => Own,
        Code::RV01 | Code::RV02 | Code::RV03 | Code::RV04 => Values(EVENTS),
    }
}

/// Rules that state a limit the schema states too; their finding stands for the schema's at the
/// same path.
fn states_the_schema_limit(code: Code) -> bool {
    matches!(code, Code::RS01 | Code::RS09 | Code::RS14 | Code::TS01)
}

/// Whether an untrusted value at `pointer` affects the values at `pattern`: it lies inside one of
/// them or above them (or is one). The token `*` of a pattern matches any token.
fn affects(pointer: &str, pattern: &str) -> bool {
    tokens(pointer)
        .zip(tokens(pattern))
        .all(|(token, wanted)| wanted == "*" || token == wanted)
}

/// Whether one pointer lies inside the other (or they are the same).
fn related(a: &str, b: &str) -> bool {
    tokens(a).zip(tokens(b)).all(|(x, y)| x == y)
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

/// The tokens of a JSON Pointer, unescaped.
fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> {
    // The pointers are the findings' own, well formed.
    pointer
        .split('/')
        .skip(1)
        .map(|token| unescape_token(token).unwrap_or(Cow::Borrowed(token)))
}

impl<T> Partial<T> {
    /// The rule findings `found` on the repaired document that cannot depend on an untrusted value;
    /// `schema_level` loses the findings a kept rule finding states in its place.
    pub fn screen(&self, found: Vec<Finding>, schema_level: &mut Vec<Finding>) -> Vec<Finding> {
        let untrusted = |pattern: &str| self.untrusted.iter().any(|p| affects(p, pattern));
        let near = |pointer: &str| self.untrusted.iter().any(|p| related(p, pointer));
        let mut kept = Vec::with_capacity(found.len());
        for finding in found {
            if near(&finding.path) {
                continue;
            }
            let trusted = match reads(finding.code) {
                Reads::Anything => self.untrusted.is_empty(),
                Reads::Own => true,
                Reads::Values(patterns) => !patterns.iter().any(|pattern| untrusted(pattern)),
                Reads::Entry(patterns) => {
                    !near(entry_of(&finding.path))
                        && !patterns.iter().any(|pattern| untrusted(pattern))
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
/// a place, or a repair typed decoding still refuses). The tree is repaired where it is and decoded
/// from there ([`crate::decode::from_tree`]); an attempt that replaces refused values works on a
/// copy.
pub(crate) fn partial<T: DeserializeOwned>(
    mut tree: Json<'_>,
    schema: &CompiledSchema,
    findings: &[Finding],
) -> Option<Partial<T>> {
    let problems: Vec<Problem> = findings.iter().map(problem).collect::<Option<_>>()?;
    // Every repeated key is reported (no finding is left out, or there is no partial document),
    // and a repair repeats none: without such a finding no object need be searched for one.
    let unique_keys = !problems
        .iter()
        .any(|problem| matches!(problem, Problem::Repeated(_)));
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
        if let Some(Json::Object(members)) = pointer_mut(&mut tree, parent) {
            members.retain(|(key, _)| !keys.contains(&**key));
        }
    }
    let mut untrusted = Vec::new();
    for problem in &problems {
        match problem {
            Problem::Missing(pointer) => {
                let placeholder = schema.placeholder(at(schema, pointer)?, 0)?;
                set(&mut tree, pointer, Json::from(placeholder))?;
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
    // then those it may refuse, then all. An attempt that would replace no more than the one
    // before it would fail as that one did, and is not made.
    //
    // Where no refused value lies inside another, their replacements touch disjoint parts of the
    // tree: each attempt then adds its own to the tree itself (a replacement that cannot be made
    // could not be made in any later attempt either). Otherwise each attempt starts again from a
    // copy, replacing in the order of the findings.
    let independent = refused.len() <= 64
        && refused
            .iter()
            .enumerate()
            .all(|(index, (a, _))| refused.iter().skip(index + 1).all(|(b, _)| !related(a, b)));
    let mut done = vec![false; refused.len()];
    let mut previous: Option<usize> = None;
    for replaced_up_to in [None, Some(0), Some(1), Some(2)] {
        let replace = |softness: u8| replaced_up_to.is_some_and(|up_to| softness <= up_to);
        let replacing = refused
            .iter()
            .filter(|(_, softness)| replace(*softness))
            .count();
        if previous == Some(replacing) {
            continue;
        }
        previous = Some(replacing);
        let mut replaced = untrusted.clone();
        let mut kept = Vec::new();
        let document = if replacing == 0 {
            kept.extend(refused.iter().map(|(pointer, _)| (*pointer).clone()));
            decode_tree::<T>(&tree, unique_keys)
        } else if independent {
            for ((pointer, softness), done) in refused.iter().zip(done.iter_mut()) {
                if replace(*softness) {
                    if !*done {
                        replace_value(&mut tree, schema, pointer)?;
                        *done = true;
                    }
                    replaced.push((*pointer).clone());
                } else {
                    kept.push((*pointer).clone());
                }
            }
            decode_tree::<T>(&tree, unique_keys)
        } else {
            let mut copy = tree.clone();
            let mut possible = true;
            for (pointer, softness) in &refused {
                if replace(*softness) {
                    possible &= replace_value(&mut copy, schema, pointer).is_some();
                    replaced.push((*pointer).clone());
                } else {
                    kept.push((*pointer).clone());
                }
            }
            if !possible {
                continue;
            }
            decode_tree::<T>(&copy, unique_keys)
        };
        if let Some(document) = document {
            return Some(Partial {
                document,
                untrusted: replaced,
                kept,
            });
        }
    }
    None
}

/// Typed decoding of a repaired tree, as [`strict::from_document`] decodes its text: structs from
/// objects only, and a root `$schema` text (or `null`) ignored.
fn decode_tree<T: DeserializeOwned>(tree: &Json<'_>, unique_keys: bool) -> Option<T> {
    let whole = Tree {
        json: tree,
        unique_keys,
    };
    if let Ok(document) = T::deserialize(StrictStructs(whole)) {
        return Some(document);
    }
    let Json::Object(members) = tree else {
        return None;
    };
    let schema_key = Json::effective_members(members)
        .find(|(key, _)| key == strict::SCHEMA_KEY)
        .map(|(_, value)| value);
    if !matches!(schema_key, Some(Json::String(_) | Json::Null)) {
        return None;
    }
    let without: Vec<(Cow<'_, str>, Json<'_>)> = members
        .iter()
        .filter(|(key, _)| key != strict::SCHEMA_KEY)
        .cloned()
        .collect();
    let without = Json::Object(without);
    let without = Tree {
        json: &without,
        unique_keys,
    };
    T::deserialize(StrictStructs(without)).ok()
}

/// The schema node of the value at `pointer`.
fn at(schema: &CompiledSchema, pointer: &str) -> Option<NodeId> {
    let tokens: Vec<Cow<'_, str>> = tokens(pointer).collect();
    schema.at(tokens.iter().map(|token| &**token))
}

/// The parent of `pointer` and its last token.
fn parent_and_key(pointer: &str) -> Option<(&str, String)> {
    let cut = pointer.rfind('/')?;
    let parent = pointer.get(..cut)?;
    let token = pointer.get(cut + 1..)?;
    let key = unescape_token(token).map_or_else(|| token.to_owned(), Cow::into_owned);
    Some((parent, key))
}

/// The value at `pointer`, as `serde_json::Value::pointer_mut` finds it (for a repeated key, the
/// last occurrence: the one typed decoding reads).
fn pointer_mut<'t, 'a>(tree: &'t mut Json<'a>, pointer: &str) -> Option<&'t mut Json<'a>> {
    if pointer.is_empty() {
        return Some(tree);
    }
    if !pointer.starts_with('/') {
        return None;
    }
    tokens(pointer).try_fold(tree, |target, token| match target {
        Json::Object(members) => members
            .iter_mut()
            .rev()
            .find(|(key, _)| *key == token)
            .map(|(_, value)| value),
        Json::Array(items) => parse_index(&token).and_then(move |index| items.get_mut(index)),
        _ => None,
    })
}

/// An index of a JSON Pointer: digits without a leading zero (as `serde_json` reads them).
fn parse_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

/// Removes the member at `pointer` (every occurrence of a repeated key).
fn remove(tree: &mut Json<'_>, pointer: &str) {
    if let Some((parent, key)) = parent_and_key(pointer) {
        if let Some(Json::Object(members)) = pointer_mut(tree, parent) {
            members.retain(|(name, _)| *name != key);
        }
    }
}

/// Sets the value at `pointer`: a member's (the last occurrence of a repeated key, or a new
/// member at the end) or a list entry's.
fn set<'a>(tree: &mut Json<'a>, pointer: &str, new: Json<'a>) -> Option<()> {
    let (parent, key) = parent_and_key(pointer)?;
    match pointer_mut(tree, parent)? {
        Json::Object(members) => match members.iter_mut().rev().find(|(name, _)| *name == key) {
            Some((_, value)) => *value = new,
            None => members.push((Cow::Owned(key), new)),
        },
        Json::Array(items) => *items.get_mut(key.parse::<usize>().ok()?)? = new,
        _ => return None,
    }
    Some(())
}

/// Replaces the value at `pointer`: removed when its object does not require it, otherwise a
/// placeholder the schema admits.
fn replace_value(tree: &mut Json<'_>, schema: &CompiledSchema, pointer: &str) -> Option<()> {
    let (parent, key) = parent_and_key(pointer)?;
    let parent_schema = at(schema, parent)?;
    let required = schema
        .object_schema(parent_schema, 0)
        .is_some_and(|object| object.requires(&key));
    if matches!(pointer_mut(tree, parent), Some(Json::Object(_))) && !required {
        remove(tree, pointer);
        return Some(());
    }
    let new = schema.placeholder(at(schema, pointer)?, 0)?;
    set(tree, pointer, Json::from(new))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;
    use serde_json::Value;

    #[test]
    fn pointers_are_related_by_whole_tokens() {
        assert!(related("/risks", "/risks/0/likelihood"));
        assert!(related("/risks/0", "/risks"));
        assert!(related("/goal", "/goal"));
        assert!(!related("/risks", "/risks_x"));
        assert!(related("", "/goal"), "the root holds everything");
        assert!(
            !related("/goals/3", "/goals/*"),
            "a finding's path has no wildcard"
        );
    }

    #[test]
    fn patterns_match_any_entry_with_a_star() {
        assert!(affects("/goals/3/origin/kind", "/goals/*/origin"));
        assert!(
            affects("/goals/3", "/goals/*/origin"),
            "the whole entry replaced"
        );
        assert!(affects("/goals", "/goals/*/origin"));
        assert!(!affects("/goals/3/title", "/goals/*/origin"));
        assert!(!affects("/context/mission_statement", "/context/year"));
        assert!(affects("/context", "/context/year"));
    }

    /// Whether the schema `schema` (in document `root`) has a value at the pattern's `tokens`, in
    /// any branch of an `anyOf` / `oneOf`.
    fn names(root: &Value, schema: &Value, tokens: &[String], hops: u8) -> bool {
        let Some(keywords) = schema.as_object() else {
            return false;
        };
        if hops > 32 {
            return false;
        }
        if let Some(reference) = keywords.get("$ref").and_then(Value::as_str) {
            return crate::schema::resolve(root, reference)
                .is_some_and(|(root, target)| names(root, target, tokens, hops + 1));
        }
        let Some((token, rest)) = tokens.split_first() else {
            return true;
        };
        let branches = ["anyOf", "oneOf"]
            .iter()
            .filter_map(|key| keywords.get(*key).and_then(Value::as_array))
            .flatten()
            .any(|branch| names(root, branch, tokens, hops + 1));
        let property = keywords
            .get("properties")
            .and_then(|properties| properties.get(token))
            .is_some_and(|property| names(root, property, rest, 0));
        let item = token == "*"
            && keywords
                .get("items")
                .is_some_and(|items| names(root, items, rest, 0));
        branches || property || item
    }

    /// Every rule of a document kind states what it reads, and every value it names exists in the
    /// published schema of its kind: a renamed field cannot leave a rule unscreened.
    #[test]
    fn every_rule_of_the_catalogue_states_values_its_document_has() {
        use crate::rules::catalogue::DocumentKind;
        let schemas = crate::schema::all();
        let mut rules = 0;
        for code in Code::all() {
            let file = match code.rule().document {
                DocumentKind::TargetSystem => "target-system.schema.json",
                DocumentKind::ReportSheet => "report-sheet.schema.json",
                DocumentKind::TertialReport => "tertial-report.schema.json",
                DocumentKind::Paper => "paper.schema.json",
                DocumentKind::ReviewLog => "review-log.schema.json",
                DocumentKind::Any | DocumentKind::Form => {
                    assert!(matches!(reads(code), Reads::Anything), "{code}");
                    continue;
                }
            };
            let schema = &schemas
                .iter()
                .find(|named| named.file_name == file)
                .unwrap_or_else(|| panic!("{file}"))
                .schema;
            let root = schema.as_value();
            let patterns = match reads(code) {
                Reads::Anything => panic!("{code} reads anything: state its values"),
                Reads::Own => &[][..],
                Reads::Values(patterns) | Reads::Entry(patterns) => patterns,
            };
            for pattern in patterns {
                assert!(
                    names(
                        root,
                        root,
                        &tokens(pattern).map(Cow::into_owned).collect::<Vec<_>>(),
                        0
                    ),
                    "{code}: {pattern} is not a value of {file}"
                );
            }
            rules += 1;
        }
        assert!(rules > 40, "{rules} rules");
    }

    #[test]
    fn entries_are_the_first_two_tokens() {
        assert_eq!(entry_of("/goals/3/org_units/1"), "/goals/3");
        assert_eq!(entry_of("/goals/3"), "/goals/3");
        assert_eq!(entry_of("/goal"), "/goal");
        assert_eq!(entry_of(""), "");
    }
}
