//! The borrowed validation path (`validate_sheet_bytes`, through a `SheetView`) gives exactly the
//! findings of the owned path (`check_sheet_json`): codes, severities, paths, messages and params,
//! in the same order. Checked on every sheet conformance case, the malformed corpus, the bundled
//! example and a property test of mutated example sheets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;
use zielsystem_core::model::sheet_view::SheetView;
use zielsystem_core::rules::validate_sheet_bytes;
use zielsystem_core::{ReportSheet, TargetSystem, check_sheet_json};

#[path = "../../tests/malformed/generate.rs"]
mod generate;
mod support;

/// Both paths on `bytes`; panics naming `what` where they differ. Whether the view decoded.
fn same_findings(what: &str, bytes: &[u8], system: &TargetSystem, history: &[ReportSheet]) -> bool {
    let owned = check_sheet_json(bytes, system, history);
    let borrowed = validate_sheet_bytes(bytes, system, history);
    assert_eq!(
        borrowed, owned.result,
        "{what}: the borrowed path differs from check_sheet_json"
    );
    let view = SheetView::decode(bytes);
    // The view decodes exactly where typed decoding does, to the same sheet.
    assert_eq!(
        view.as_ref().map(SheetView::to_sheet),
        owned.document,
        "{what}: the view and the owned sheet differ"
    );
    view.is_some()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn typed<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_slice(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_sheet_case_gives_the_same_findings() {
    let mut decoded = 0;
    let folders = support::case_folders(&support::root().join("tests/cases/sheet"));
    for dir in &folders {
        let expect: Value = typed(&dir.join("expect.json"));
        let path = |key: &str| dir.join(expect[key].as_str().unwrap());
        let system: TargetSystem = typed(&path("system"));
        let history: Vec<ReportSheet> = expect
            .get("history")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|p| typed(&dir.join(p.as_str().unwrap())))
            .collect();
        let bytes = read(&path("document"));
        decoded += usize::from(same_findings(
            &dir.display().to_string(),
            &bytes,
            &system,
            &history,
        ));
    }
    assert!(folders.len() > 50, "{} sheet cases", folders.len());
    // Most rule cases decode: the borrowed path itself (not only its fallback) is compared.
    assert!(
        decoded * 2 > folders.len(),
        "{decoded} of {}",
        folders.len()
    );
}

#[test]
fn every_malformed_sheet_gives_the_same_findings() {
    let system = support::rules_system();
    let folder = support::root().join("tests/malformed");
    let manifest: Value = typed(&folder.join("manifest.json"));
    let mut compared = 0;
    for case in manifest["cases"].as_array().unwrap() {
        if case["kind"] != "sheet" {
            continue;
        }
        let bytes = if let Some(file) = case.get("file").and_then(Value::as_str) {
            read(&folder.join(file))
        } else if let Some(recipe) = case.get("generate") {
            generate::expand(recipe).unwrap()
        } else {
            case["text"].as_str().unwrap().as_bytes().to_vec()
        };
        same_findings(case["name"].as_str().unwrap(), &bytes, &system, &[]);
        compared += 1;
    }
    assert!(compared >= 30, "{compared} malformed sheets");
}

fn example_dir() -> PathBuf {
    support::root().join("examples/mitte-2022")
}

/// The example's system, its sheets (bytes) and the same sheets decoded (the history).
fn example() -> (TargetSystem, Vec<Vec<u8>>, Vec<ReportSheet>) {
    let system: TargetSystem = typed(&example_dir().join("target-system.json"));
    let mut paths = Vec::new();
    for tertial in std::fs::read_dir(example_dir().join("sheets")).unwrap() {
        for sheet in std::fs::read_dir(tertial.unwrap().path()).unwrap() {
            paths.push(sheet.unwrap().path());
        }
    }
    paths.sort();
    let bytes: Vec<Vec<u8>> = paths.iter().map(|p| read(p)).collect();
    let sheets = bytes
        .iter()
        .map(|b| serde_json::from_slice(b).unwrap())
        .collect();
    (system, bytes, sheets)
}

#[test]
fn every_example_sheet_gives_the_same_findings_through_the_view() {
    let (system, bytes, history) = example();
    for (i, sheet) in bytes.iter().enumerate() {
        assert!(same_findings(
            &format!("example sheet {i}"),
            sheet,
            &system,
            &history
        ));
    }
}

/// Values a mutation puts in place of another: every JSON type, texts with escapes, blank and
/// over-long texts, and the ids, dates and vocabulary values the rules look at.
fn replacements(system: &TargetSystem) -> Vec<Value> {
    let mut values = vec![
        Value::Null,
        Value::Bool(true),
        Value::from(0),
        Value::from(-3),
        Value::from(1.5),
        Value::from(1e300),
        Value::from(""),
        Value::from("   "),
        Value::from("x"),
        Value::from("Zeile\nmit \"Anführung\" und \\ und \t und \u{1}"),
        Value::from("ä".repeat(10_001)),
        Value::from("i".repeat(101)),
        Value::Array(Vec::new()),
        Value::Array(vec![Value::from("std"), Value::from("std")]),
        Value::Object(serde_json::Map::new()),
        Value::from("1"),
        Value::from("2"),
        Value::from("Bezirksamt Pankow von Berlin"),
    ];
    for text in [
        "2021-T3",
        "2022-T1",
        "2022-T2",
        "2022-T3",
        "2023-T1",
        "2022-T4",
        "2022-01-01",
        "2022-04-30",
        "2022-05-05",
        "2022-05-20",
        "2022-06-30",
        "2022-09-10",
        "2022-10-12",
        "2023-01-20",
        "2023-02-28",
        "2022-02-30",
        "achieved",
        "on_track",
        "at_risk",
        "unlikely",
        "not_achieved",
        "low",
        "medium",
        "high",
        "A99",
    ] {
        values.push(Value::from(text));
    }
    values.extend(system.goals.iter().map(|g| Value::from(g.id.as_str())));
    values.extend(system.members.iter().map(|m| Value::from(m.id.as_str())));
    values.extend(system.org_units.iter().map(|u| Value::from(u.id.as_str())));
    for goal in &system.goals {
        values.extend(goal.indicators.iter().map(|i| Value::from(i.id.as_str())));
    }
    values.push(serde_json::json!([
        {"description": "Abstimmung", "org_units": ["std", "amt-soz"]}
    ]));
    values.push(serde_json::json!([
        {"description": "Hoch", "likelihood": "high", "impact": "high"}
    ]));
    values.push(serde_json::json!([
        {"description": "Niedrig", "likelihood": "low", "impact": "low"}
    ]));
    values.push(serde_json::json!([{"text": "Beitrag", "org_unit": "amt-fehlt"}]));
    values.push(serde_json::json!([{"indicator": "X-1", "value": 1, "as_of": "2022-04-30"}]));
    values
}

/// Every JSON Pointer in `value` (the root included), in document order.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                pointers(member, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Removes the value at the `n`th pointer (a key of an object, an entry of a list).
    Drop(usize),
    /// Puts the `m`th replacement at the `n`th pointer.
    Replace(usize, usize),
    /// Puts the `m`th replacement of the same JSON type at the `n`th pointer (so that the sheet
    /// more often still decodes and the rules see the change).
    Swap(usize, usize),
    /// Adds a key nobody knows to the `n`th value, if it is an object.
    UnknownKey(usize),
    /// Writes the `n`th ASCII letter of the text as a `\u00XX` escape (in a string: the same
    /// document; elsewhere: a syntax error).
    EscapeLetter(usize),
    /// Repeats the `n`th key of the root object.
    RepeatRootKey(usize),
    /// Adds a `$schema` link to the root.
    SchemaLink,
    /// Deletes the `n`th byte of the text.
    DeleteByte(usize),
    /// Inserts the `m`th of some bytes that matter to a JSON reader before the `n`th byte.
    InsertByte(usize, usize),
    /// Writes the `n`th number of the text as the `m`th of some spellings, good and bad.
    NumberForm(usize, usize),
}

/// Bytes a JSON reader must treat right: whitespace and what is not, control characters, quotes,
/// backslashes, separators.
const BYTES: &[u8] = b" \t\n\r\x0b\x0c\x01\x1f\x7f\"\\,:}]n0";

/// Spellings of a number: JSON and not JSON.
const NUMBERS: &[&str] = &[
    "1E5",
    "-0",
    "0",
    "01",
    "1.",
    ".5",
    "-",
    "1e",
    "0.5e-3",
    "1e400",
    "2.5E+2",
    "-12.75",
    "123456789012345678901234567890",
    "1.7976931348623157e308",
    "4.9e-324",
    "+1",
    "0x10",
    "NaN",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::Drop),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Mutation::Replace(n, m)),
        6 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Mutation::Swap(n, m)),
        1 => any::<usize>().prop_map(Mutation::UnknownKey),
        2 => any::<usize>().prop_map(Mutation::EscapeLetter),
        1 => any::<usize>().prop_map(Mutation::RepeatRootKey),
        1 => Just(Mutation::SchemaLink),
        1 => any::<usize>().prop_map(Mutation::DeleteByte),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Mutation::InsertByte(n, m)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Mutation::NumberForm(n, m)),
    ]
}

/// Applies a mutation of the tree; text mutations are applied by [`mutate_text`].
fn mutate_tree(value: &mut Value, mutation: &Mutation, replacements: &[Value]) {
    let mut all = Vec::new();
    pointers(value, "", &mut all);
    let at = |n: usize| all[n % all.len()].clone();
    match *mutation {
        Mutation::Drop(n) => {
            let pointer = at(n);
            let Some((parent, last)) = pointer.rsplit_once('/') else {
                return;
            };
            match value.pointer_mut(parent) {
                Some(Value::Object(members)) => {
                    members.remove(last);
                }
                Some(Value::Array(items)) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
        Mutation::Replace(n, m) => {
            let pointer = at(n);
            if pointer.is_empty() {
                return; // the whole document replaced is the malformed corpus' business
            }
            *value.pointer_mut(&pointer).unwrap() = replacements[m % replacements.len()].clone();
        }
        Mutation::Swap(n, m) => {
            let Some(target) = value.pointer_mut(&at(n)) else {
                return;
            };
            let same: Vec<&Value> = replacements
                .iter()
                .filter(|r| std::mem::discriminant(*r) == std::mem::discriminant(&*target))
                .collect();
            if let Some(replacement) = same.get(m % same.len().max(1)) {
                *target = (*replacement).clone();
            }
        }
        Mutation::UnknownKey(n) => {
            if let Some(Value::Object(members)) = value.pointer_mut(&at(n)) {
                members.insert("unbekannt".into(), Value::from(1));
            }
        }
        _ => {}
    }
}

fn mutate_text(bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let mut bytes = bytes;
    match *mutation {
        Mutation::DeleteByte(n) => {
            if !bytes.is_empty() {
                bytes.remove(n % bytes.len());
            }
            return bytes;
        }
        Mutation::InsertByte(n, m) => {
            bytes.insert(n % (bytes.len() + 1), BYTES[m % BYTES.len()]);
            return bytes;
        }
        Mutation::NumberForm(n, m) => {
            // A number starts after `: ` or `:` and runs over digits, signs, points and exponents.
            let starts: Vec<usize> = (1..bytes.len())
                .filter(|&i| bytes[i - 1] == b':' || (bytes[i - 1] == b' ' && bytes[i - 2] == b':'))
                .filter(|&i| matches!(bytes[i], b'-' | b'0'..=b'9'))
                .collect();
            let Some(&start) = starts.get(n % starts.len().max(1)) else {
                return bytes;
            };
            let end = start
                + bytes[start..]
                    .iter()
                    .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .count();
            bytes.splice(start..end, NUMBERS[m % NUMBERS.len()].bytes());
            return bytes;
        }
        _ => {}
    }
    // The other text mutations need text; bytes a deletion left without it stay as they are.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return error.into_bytes(),
    };
    match *mutation {
        Mutation::EscapeLetter(n) => {
            let letters: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_alphabetic())
                .map(|(i, _)| i)
                .collect();
            let Some(&i) = letters.get(n % letters.len().max(1)) else {
                return text.into_bytes();
            };
            let letter = text.as_bytes()[i];
            format!("{}\\u{:04x}{}", &text[..i], letter, &text[i + 1..]).into_bytes()
        }
        Mutation::RepeatRootKey(n) => {
            let root: serde_json::Map<String, Value> = match serde_json::from_str(&text) {
                Ok(root) => root,
                Err(_) => return text.into_bytes(),
            };
            let Some((key, member)) = root.iter().nth(n % root.len().max(1)) else {
                return text.into_bytes();
            };
            let repeated = format!("{{{}: {member},", Value::from(key.as_str()));
            text.replacen('{', &repeated, 1).into_bytes()
        }
        Mutation::SchemaLink => text
            .replacen('{', r#"{"$schema": "report-sheet.schema.json","#, 1)
            .into_bytes(),
        _ => text.into_bytes(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(768))]

    /// Example sheets with up to three mutations, written compact or pretty: both paths agree.
    #[test]
    fn mutated_sheets_give_the_same_findings(
        sheet in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..=3),
        pretty in any::<bool>(),
    ) {
        let (system, bytes, history) = example_parts();
        let replacements = replacements(system);
        let mut value: Value = serde_json::from_slice(&bytes[sheet % bytes.len()]).unwrap();
        for mutation in &mutations {
            mutate_tree(&mut value, mutation, &replacements);
        }
        let mut document = if pretty {
            serde_json::to_vec_pretty(&value).unwrap()
        } else {
            serde_json::to_vec(&value).unwrap()
        };
        for mutation in &mutations {
            document = mutate_text(document, mutation);
        }
        same_findings(&format!("{mutations:?}"), &document, system, history);
    }
}

/// Found by the property test: with a root `$schema` key, typed decoding reads the sheet through a
/// map, where the last of a repeated key wins, and reports the repetition only; the borrowed path,
/// whose view refuses the repetition, must give the same findings (not the schema walk's as well).
/// And a `$schema` key spelled with an escape is refused by both.
#[test]
fn a_schema_link_and_a_repeated_key_give_the_same_findings() {
    let (system, bytes, history) = example_parts();
    let text = String::from_utf8(bytes[0].clone()).unwrap();
    for linked in [
        text.replacen('{', r#"{"$schema": "x", "schema_version": "2","#, 1),
        text.replacen('{', r#"{"schema_version": "2", "$schema": null,"#, 1),
        text.replacen('{', r#"{"$schema": "x", "$schema": "y","#, 1),
        // Typed decoding drops only a `$schema` spelled without an escape.
        text.replacen('{', r#"{"$sch\u0065ma": "x","#, 1),
    ] {
        let owned = check_sheet_json(linked.as_bytes(), system, history);
        assert!(owned.document.is_none(), "{linked}");
        assert!(
            !same_findings(&linked, linked.as_bytes(), system, history),
            "{linked}"
        );
    }
}

/// The example, read once for all property cases.
fn example_parts() -> (
    &'static TargetSystem,
    &'static [Vec<u8>],
    &'static [ReportSheet],
) {
    static EXAMPLE: std::sync::OnceLock<(TargetSystem, Vec<Vec<u8>>, Vec<ReportSheet>)> =
        std::sync::OnceLock::new();
    let (system, bytes, sheets) = EXAMPLE.get_or_init(example);
    (system, bytes, sheets)
}
