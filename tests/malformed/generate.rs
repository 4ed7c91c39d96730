//! Expands a `generate` recipe of `tests/malformed/manifest.json` into the bytes of a case, so big
//! inputs (50 MB strings, 100,000-element arrays, nesting 10,000 deep) are made at test time and
//! never committed. Shared by the Rust and CLI tests (`#[path]`); the Python test has the same
//! dozen lines.
//!
//! A recipe is `{"parts": [...]}`; each part is a string, emitted once, or
//! `{"repeat": "text", "count": n}`, emitted n times; with `"numbered": true` every `{i}` in the
//! text becomes the 0-based repetition number.

use serde_json::Value;

/// The bytes a recipe describes; `None` when the recipe is malformed.
pub fn expand(recipe: &Value) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for part in recipe.get("parts")?.as_array()? {
        match part {
            Value::String(text) => out.extend_from_slice(text.as_bytes()),
            Value::Object(repeat) => {
                let text = repeat.get("repeat")?.as_str()?;
                let count = repeat.get("count")?.as_u64()?;
                let numbered = repeat.get("numbered").and_then(Value::as_bool) == Some(true);
                for i in 0..count {
                    if numbered {
                        out.extend_from_slice(text.replace("{i}", &i.to_string()).as_bytes());
                    } else {
                        out.extend_from_slice(text.as_bytes());
                    }
                }
            }
            _ => return None,
        }
    }
    Some(out)
}
