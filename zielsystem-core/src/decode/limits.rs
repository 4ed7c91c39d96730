//! Every limit on outside input, in one place (`SCHEMA_LIMIT` and RS14; see `docs/security.md`).
//!
//! A document from outside is checked against these bounds before and while it is read, and each
//! bound that is crossed is reported as a finding — never by silent truncation, never by a panic.
//! Texts are counted in characters (Unicode scalar values, as JSON Schema's `maxLength`), not bytes,
//! so „ä“ counts once. Every limit is inclusive: a list of exactly [`LIST_MAX_ITEMS`] entries is fine.
//!
//! | constant | limit | applies to | reported as |
//! | --- | --- | --- | --- |
//! | [`DOCUMENT_MAX_BYTES`] | 8 MiB | every document read from bytes | `SCHEMA_LIMIT`, before parsing |
//! | [`DEPTH_MAX`] | 64 | nesting of arrays and objects | `SCHEMA_LIMIT`, before parsing |
//! | [`GOALS_MAX_ITEMS`] | 500 | the goals of a target system | `SCHEMA_LIMIT` (`maxItems`) |
//! | [`LIST_MAX_ITEMS`] | 1,000 | every other list of a target system or sheet | `SCHEMA_LIMIT` (`maxItems`) |
//! | [`REFERENCES_MAX_ITEMS`] | 100 | org units named by a goal or a countermeasure | `SCHEMA_LIMIT` (`maxItems`) |
//! | [`ID_MAX_CHARS`] | 64 | identifiers: goal, member, org unit, portfolio, indicator, numbers | target system: `SCHEMA_LIMIT` (`maxLength`); sheet: RS14 |
//! | [`NAME_MAX_CHARS`] | 300 | names and titles: authority, goal title, names of portfolios, members, org units, indicators | target system: `SCHEMA_LIMIT`; sheet: RS14 |
//! | [`TEXT_MAX_CHARS`] | 10,000 | free texts: mission statement, goal description; a sheet's rationale, contributions, risks, countermeasures | target system: `SCHEMA_LIMIT`; sheet: RS14 |
//! | [`FINDINGS_MAX`] | 10,000 | findings listed for one document | one more `SCHEMA_LIMIT` finding says how many were left out |
//!
//! The texts of a report sheet keep their rule RS14 (docs/rules.md: no megabyte essays in a sheet):
//! the sheet schema states the same `maxLength` for other tools, typed decoding reads longer texts,
//! and the rule reports them ([`crate::decode::across`]: its finding stands for the schema's).
//! Everything else that JSON Schema can express is in the published schemas (`maxItems`,
//! `maxLength`), and typed decoding refuses the same documents ([`crate::model::bounded`]), so a
//! schema validator and this library agree.

/// Largest document read from bytes: 8 MiB. A target system of a real district is some 30 KB, a
/// sheet a few KB; the bound keeps every later step (parsing, checking, locating) small.
pub const DOCUMENT_MAX_BYTES: usize = 8 * 1024 * 1024;

/// Deepest nesting of arrays and objects (`{}` is depth 1, `{"a": []}` depth 2). The contract's
/// documents need at most 6; `serde_json` itself stops at 128.
pub const DEPTH_MAX: usize = 64;

/// Most goals in a target system (Mitte 2022 has 23).
pub const GOALS_MAX_ITEMS: usize = 500;

/// Most entries in any other list of a target system or a report sheet (portfolios, members,
/// terms, org units, indicators; contributions, indicator values, risks, countermeasures).
pub const LIST_MAX_ITEMS: usize = 1_000;

/// Most org units a goal or a countermeasure names (a district has some 40 units).
pub const REFERENCES_MAX_ITEMS: usize = 100;

/// Longest identifier (goal, member, org unit, portfolio, indicator; a resolution number, the
/// schema version), in characters.
pub const ID_MAX_CHARS: usize = 64;

/// Longest name or title, in characters.
pub const NAME_MAX_CHARS: usize = 300;

/// Longest free text (mission statement, goal description; rationale, contribution, risk,
/// countermeasure), in characters.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// Most findings listed for one document read from bytes. Beyond it, one `SCHEMA_LIMIT` finding
/// says how many more there were: a hostile document cannot make the result itself huge.
pub const FINDINGS_MAX: usize = 10_000;

/// Whether a text is empty or whitespace only.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The length of a text in characters.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Where the nesting of `bytes` first exceeds `max` levels: the byte offset of the bracket that
/// opens level `max + 1`; `None` when it never does. A single pass that tracks only whether it is
/// inside a string, so it costs far less than parsing and needs no stack.
pub fn depth_exceeded(bytes: &[u8], max: usize) -> Option<usize> {
    // No deeper than the number of brackets that open: counting them (a loop the compiler
    // vectorises: `[` and `{` are the only bytes that are `{` with bit 5 set, counted in `u8`s per
    // chunk of 255) spares most documents the scan byte by byte.
    let opening: usize = bytes
        .chunks(255)
        .map(|chunk| {
            let count = chunk.iter().fold(0u8, |count, &b| {
                count.wrapping_add(u8::from(b | 0x20 == b'{'))
            });
            usize::from(count)
        })
        .sum();
    if opening <= max {
        return None;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, &byte) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_containers_outside_strings() {
        assert_eq!(depth_exceeded(b"{}", 1), None);
        assert_eq!(depth_exceeded(b"{\"a\": []}", 1), Some(6));
        assert_eq!(depth_exceeded(b"{\"a\": []}", 2), None);
        assert_eq!(depth_exceeded(b"[\"[[[[\\\"[[[\"]", 1), None);
        assert_eq!(depth_exceeded(b"[][][][]", 1), None);
        assert_eq!(depth_exceeded(b"]]]][[", 1), Some(5));
        let deep = "[".repeat(DEPTH_MAX) + &"]".repeat(DEPTH_MAX);
        assert_eq!(depth_exceeded(deep.as_bytes(), DEPTH_MAX), None);
        let deeper = format!("[{deep}]");
        assert_eq!(
            depth_exceeded(deeper.as_bytes(), DEPTH_MAX),
            Some(DEPTH_MAX)
        );
    }
}
