//! Canonical JSON and the SHA-256 digest of a sheet, so anyone can prove which sheets went into a
//! report.
//!
//! # Canonical JSON
//!
//! The canonical form of a document is the JSON text `serde_json` writes for its value, with:
//! - the members of every object sorted by key, comparing keys as sequences of UTF-16 code units
//!   (as RFC 8785, the JSON Canonicalization Scheme, does; for ASCII keys this is byte order);
//! - no whitespace between tokens;
//! - strings written as `serde_json` writes them: UTF-8, `"` and `\` escaped, the control characters
//!   U+0008, U+0009, U+000A, U+000C, U+000D as `\b \t \n \f \r`, all other control characters as
//!   `\u00xx` with lowercase hex, nothing else escaped (the same as RFC 8785);
//! - numbers as `serde_json` writes them: integers in plain decimal, floating-point values in the
//!   shortest form that reads back to the same `f64` (Ryū), always with a fraction or exponent
//!   (`20.0`, `31.5`, `1e21`). This is where the form departs from RFC 8785, which writes `20` and
//!   `1e+21`.
//!
//! A sheet is canonicalised from its typed value (after parsing), so optional keys left out and
//! keys written in another order or with other whitespace yield the same digest. The digest is
//! written `"sha256:<64 lowercase hex digits>"`.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::model::report_sheet::ReportSheet;

/// The canonical JSON text of a value (see the module documentation).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (index, (key, member)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(member, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// `"sha256:<hex>"` of the canonical JSON of any serializable value.
pub fn digest_of<T: Serialize>(value: &T) -> String {
    // Serializing a sheet cannot fail (no maps with non-string keys); should it ever, the digest is
    // that of `null`, which no sheet has.
    let value = serde_json::to_value(value).unwrap_or(Value::Null);
    let hash = Sha256::digest(canonical_json(&value).as_bytes());
    format!("sha256:{}", hex(&hash))
}

/// `bytes` in lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// `"sha256:<hex>"` of a sheet's canonical JSON.
pub fn sheet_digest(sheet: &ReportSheet) -> String {
    digest_of(sheet)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_keys_and_drops_whitespace() {
        let value: Value =
            serde_json::from_str(r#"{ "b": [1, 2.5, {"z": null, "a": true}], "a": "x\n\u0001" }"#)
                .unwrap();
        assert_eq!(
            canonical_json(&value),
            r#"{"a":"x\n\u0001","b":[1,2.5,{"a":true,"z":null}]}"#
        );
    }

    #[test]
    fn utf16_key_order() {
        // U+1F600 sorts after U+FF61 in UTF-8 byte order but before it in UTF-16 code units.
        let value: Value = serde_json::from_str(r#"{"｡": 2, "😀": 1}"#).unwrap();
        assert_eq!(canonical_json(&value), r#"{"😀":1,"｡":2}"#);
    }

    #[test]
    fn known_digest() {
        // sha256 of `{}`.
        assert_eq!(
            digest_of(&serde_json::json!({})),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }

    proptest! {
        #[test]
        fn key_order_does_not_matter(keys in proptest::collection::btree_set("[a-z]{1,6}", 0..8)) {
            let forward: serde_json::Map<String, Value> =
                keys.iter().enumerate().map(|(i, k)| (k.clone(), Value::from(i))).collect();
            let backward: serde_json::Map<String, Value> =
                keys.iter().enumerate().rev().map(|(i, k)| (k.clone(), Value::from(i))).collect();
            prop_assert_eq!(
                canonical_json(&Value::Object(forward)),
                canonical_json(&Value::Object(backward))
            );
        }
    }
}
