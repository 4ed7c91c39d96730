//! The syntax and nesting checks of raw bytes: `JSON_SYNTAX` with line and column, and the
//! `SCHEMA_LIMIT` findings of the document size and depth.

use serde::Deserialize;

use crate::decode::limits::{DEPTH_MAX, DOCUMENT_MAX_BYTES, depth_exceeded};
use crate::decode::locate::char_column;
use crate::decode::scan::{SyntaxError, first_error};
use crate::decode::tree::Json;
use crate::findings::Finding;
use crate::rules::catalogue::{Message, Twin};

/// The UTF-8 byte-order mark.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The `SCHEMA_LIMIT` finding of a document of `size` bytes, if that is over
/// [`DOCUMENT_MAX_BYTES`]. For readers that learn the size before reading (a file's length): they
/// need read no more than `DOCUMENT_MAX_BYTES + 1` bytes.
pub fn document_size_finding(size: u64) -> Option<Finding> {
    (size > DOCUMENT_MAX_BYTES as u64).then(|| {
        Finding::new(
            Message::SchemaLimitDocumentSize {
                size,
                limit: DOCUMENT_MAX_BYTES,
            },
            "",
        )
    })
}

/// The `SCHEMA_LIMIT` finding of a document nested deeper than [`DEPTH_MAX`], located at the
/// bracket that opens the first level too many.
pub(crate) fn depth_limit_finding(bytes: &[u8]) -> Option<Finding> {
    let offset = depth_exceeded(bytes, DEPTH_MAX)?;
    let (line, column) = line_and_column(bytes, offset);
    Some(depth_finding(line, column))
}

fn depth_finding(line: usize, column: usize) -> Finding {
    Finding::new(
        Message::SchemaLimitDepth {
            limit: DEPTH_MAX,
            line: Some(line),
            column: Some(column),
        },
        "",
    )
}

/// 1-based line and character column of a byte offset (a leading BOM does not count).
fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let before = before.strip_prefix(BOM).unwrap_or(before);
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let column = 1 + before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// Parses `bytes` into a [`Json`] tree, or the `JSON_SYNTAX` finding that says why not (a
/// `SCHEMA_LIMIT` finding where `serde_json`'s own recursion limit stops it).
pub(crate) fn parse_tree(bytes: &[u8]) -> Result<Json<'_>, Finding> {
    // With SIMD; std's check only for the error's position.
    let text = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(text) => text,
        Err(error) => return Err(utf8_finding(bytes, &error)),
    };
    // Read as text, checked once: reading bytes, serde_json checks every string on its own.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = Json::deserialize(&mut deserializer).and_then(|tree| {
        deserializer.end()?;
        Ok(tree)
    });
    parsed.map_err(|error| {
        // Where from serde_json's API, what from our own scanner: serde_json's message text is
        // not an API.
        let line = error.line().max(1);
        let column = char_column(bytes, line, error.column()).max(1);
        match first_error(bytes) {
            Some(SyntaxError::TooDeep) => depth_finding(line, column),
            Some(kind) => syntax_finding(line, column, kind.german(), kind.english()),
            // Only where serde_json and the scanner round a number at the edge of the double
            // range differently.
            None => syntax_finding(line, column, "Syntaxfehler", "syntax error"),
        }
    })
}

/// The `JSON_SYNTAX` finding of bytes that are not UTF-8, at the first byte that is not.
fn utf8_finding(bytes: &[u8], error: &std::str::Utf8Error) -> Finding {
    let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
    let line = valid.split(|&b| b == b'\n').count();
    let line_start = valid
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let column = char_column(bytes, line, valid.len() - line_start + 1);
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if utf16 {
        syntax_finding(
            1,
            1,
            "keine gültige UTF-8-Kodierung: die Datei ist UTF-16-kodiert; bitte als UTF-8 speichern",
            "not valid UTF-8: the file is UTF-16 encoded; save it as UTF-8",
        )
    } else {
        syntax_finding(
            line,
            column,
            "keine gültige UTF-8-Kodierung (z. B. Umlaute in Windows-1252 oder ISO-8859-1); bitte als UTF-8 speichern",
            "not valid UTF-8 (e.g. umlauts in Windows-1252 or ISO-8859-1); save it as UTF-8",
        )
    }
}

fn syntax_finding(line: usize, column: usize, detail: &str, detail_en: &str) -> Finding {
    Finding::new(
        Message::JsonSyntax {
            line,
            column,
            detail: Twin::new(detail, detail_en),
        },
        "",
    )
}

/// `serde_json` appends " at line L column C" to its messages; the params carry those apart. (Only
/// for the detail of `SCHEMA_MISMATCH`, which passes serde's message on.)
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message.get(..index).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}
