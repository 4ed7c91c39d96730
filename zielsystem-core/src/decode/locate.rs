//! Maps a JSON Pointer (RFC 6901) back to the line and column of the value it designates in the
//! source text, so findings can be shown compiler-style (`sheet.json:12:17: error[RS03]: …`).
//!
//! The scanner is deliberately lenient and total: it walks only as much of the text as the pointer
//! needs, never recurses (a document nested 10,000 deep costs a counter, not a stack) and answers
//! `None` for anything it cannot follow — malformed text, a missing key, an index out of range.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The 1-based line and column (counted in characters, not bytes) of the value that `pointer`
/// designates in `source`; `None` when the pointer cannot be followed.
///
/// Where an object holds a key more than once, the last occurrence counts (as in `serde_json`), so a
/// duplicate key is located at its repetition. A leading byte-order mark is skipped.
///
/// ```
/// use zielsystem_core::decode::locate::locate;
/// let source = "{\n  \"goals\": [\n    {\"id\": \"A01\"}\n  ]\n}";
/// assert_eq!(locate(source, "/goals/0/id"), Some((3, 12)));
/// assert_eq!(locate(source, ""), Some((1, 1)));
/// assert_eq!(locate(source, "/goals/1"), None);
/// ```
pub fn locate(source: &str, pointer: &str) -> Option<(usize, usize)> {
    Locator::new(source).locate(pointer)
}

/// [`locate`] for many pointers into one source: every container on the way is scanned once, and
/// line and column come from an index built once, so locating every finding of a hostile document
/// (10,000 findings in 8 MiB) stays linear in its size.
///
/// ```
/// use zielsystem_core::decode::locate::Locator;
/// let mut locator = Locator::new("{\"a\": [1,\n 2]}");
/// assert_eq!(locator.locate("/a/1"), Some((2, 2)));
/// assert_eq!(locator.locate("/a/0"), Some((1, 8)));
/// ```
#[derive(Debug)]
pub struct Locator<'a> {
    bytes: &'a [u8],
    /// Where the text starts: after a byte-order mark, which does not count as a column.
    origin: usize,
    /// The children of each container scanned so far, by the container's offset; `None` where the
    /// container is malformed before any child can be trusted.
    children: HashMap<usize, Option<Children>>,
    lines: Option<LineIndex>,
}

#[derive(Debug)]
enum Children {
    /// The start of each member's value; for a repeated key the last occurrence.
    Members(HashMap<String, usize>),
    /// The start of each element.
    Elements(Vec<usize>),
}

impl<'a> Locator<'a> {
    /// A locator over `source`.
    pub fn new(source: &'a str) -> Self {
        let bytes = source.as_bytes();
        let origin = if bytes.starts_with("\u{feff}".as_bytes()) {
            3
        } else {
            0
        };
        Locator {
            bytes,
            origin,
            children: HashMap::new(),
            lines: None,
        }
    }

    /// The 1-based line and column of the value `pointer` designates, as [`locate`].
    pub fn locate(&mut self, pointer: &str) -> Option<(usize, usize)> {
        let tokens = parse_pointer(pointer)?;
        let mut scanner = Scanner {
            bytes: self.bytes,
            pos: self.origin,
        };
        scanner.skip_whitespace();
        let mut pos = scanner.pos;
        for token in &tokens {
            let children = match self.children.entry(pos) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => entry.insert(
                    Scanner {
                        bytes: self.bytes,
                        pos,
                    }
                    .children(),
                ),
            };
            pos = match children.as_ref()? {
                Children::Members(members) => *members.get(token.as_str())?,
                Children::Elements(elements) => *elements.get(array_index(token)?)?,
            };
        }
        if pos >= self.bytes.len() {
            return None;
        }
        let origin = self.origin;
        let bytes = self.bytes;
        Some(
            self.lines
                .get_or_insert_with(|| LineIndex::new(bytes, origin))
                .position(bytes, pos),
        )
    }
}

/// Line starts and character counts at fixed steps, so any offset's line and column cost a binary
/// search and at most one step of counting.
#[derive(Debug)]
struct LineIndex {
    /// Byte offset of each line's first byte.
    line_starts: Vec<usize>,
    /// Characters before byte `i * STEP` (counted from the origin), for every step.
    chars_at_step: Vec<usize>,
    origin: usize,
}

const STEP: usize = 1024;

impl LineIndex {
    fn new(bytes: &[u8], origin: usize) -> Self {
        let mut line_starts = vec![origin];
        let mut chars_at_step = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars = 0usize;
        for (offset, &byte) in bytes.iter().enumerate() {
            if offset % STEP == 0 {
                chars_at_step.push(chars);
            }
            if offset >= origin && !is_utf8_continuation(byte) {
                chars += 1;
            }
            if byte == b'\n' {
                line_starts.push(offset + 1);
            }
        }
        LineIndex {
            line_starts,
            chars_at_step,
            origin,
        }
    }

    /// Characters between the origin and `offset`.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let step = offset / STEP;
        let counted = self.chars_at_step.get(step).copied().unwrap_or(0);
        let from = (step * STEP).max(self.origin);
        counted
            + bytes
                .get(from..offset)
                .unwrap_or_default()
                .iter()
                .filter(|&&b| !is_utf8_continuation(b))
                .count()
    }

    fn position(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self.chars_before(bytes, offset) - self.chars_before(bytes, line_start) + 1;
        (line.max(1), column)
    }
}

/// The reference tokens of a pointer, unescaped (`~1` → `/`, `~0` → `~`); `None` when malformed.
fn parse_pointer(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/')
        .map(|token| unescape_token(token).map(Cow::into_owned))
        .collect()
}

/// A reference token of a JSON Pointer as the key or index it stands for (`~1` is `/`, `~0` is
/// `~`); borrowed when it has no escape, `None` when an escape is malformed.
pub fn unescape_token(token: &str) -> Option<Cow<'_, str>> {
    if !token.contains('~') {
        return Some(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Converts a byte column on a 1-based line (as `serde_json` reports it) into a character column.
pub(crate) fn char_column(source: &[u8], line: usize, byte_column: usize) -> usize {
    let Some(line_bytes) = source.split(|&b| b == b'\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let taken = line_bytes.get(..byte_column).unwrap_or(line_bytes);
    let full = taken.iter().filter(|&&b| !is_utf8_continuation(b)).count();
    // Past the end of the line (serde_json reports EOF one column after the last byte).
    full + byte_column.saturating_sub(taken.len())
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// The children of the container starting at `self.pos`: `None` for a scalar, an empty
    /// container, or an object whose keys cannot be read. Text that breaks off keeps the children
    /// found before the break.
    fn children(mut self) -> Option<Children> {
        match self.peek()? {
            b'{' => self.members().map(Children::Members),
            b'[' => self.elements().map(Children::Elements),
            _ => None,
        }
    }

    fn members(&mut self) -> Option<HashMap<String, usize>> {
        self.pos += 1;
        let mut members = HashMap::new();
        self.skip_whitespace();
        if self.peek()? == b'}' {
            return None;
        }
        loop {
            self.skip_whitespace();
            let name = self.string()?;
            self.expect(b':')?;
            self.skip_whitespace();
            members.insert(name, self.pos);
            if self.skip_value().is_none() {
                return Some(members);
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                _ => return Some(members),
            }
        }
    }

    fn elements(&mut self) -> Option<Vec<usize>> {
        self.pos += 1;
        let mut elements = Vec::new();
        self.skip_whitespace();
        if self.peek()? == b']' {
            return None;
        }
        loop {
            self.skip_whitespace();
            elements.push(self.pos);
            if self.skip_value().is_none() {
                return Some(elements);
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                _ => return Some(elements),
            }
        }
    }

    /// Reads a string starting at `self.pos` and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let mut raw = Vec::new();
        loop {
            let byte = self.peek()?;
            self.pos += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escaped = self.peek()?;
                    self.pos += 1;
                    match escaped {
                        b'"' | b'\\' | b'/' => raw.push(escaped),
                        b'b' => raw.push(0x08),
                        b'f' => raw.push(0x0c),
                        b'n' => raw.push(b'\n'),
                        b'r' => raw.push(b'\r'),
                        b't' => raw.push(b'\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            let mut buffer = [0u8; 4];
                            raw.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                        }
                        _ => return None,
                    }
                }
                _ => raw.push(byte),
            }
        }
        String::from_utf8(raw).ok()
    }

    /// Decodes the hex digits after `\u` (and a following low surrogate where needed).
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            if self.bytes.get(self.pos..self.pos + 2)? != b"\\u" {
                return None;
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return None;
            }
            char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        } else {
            char::from_u32(first)
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        let value = u32::from_str_radix(text, 16).ok()?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.pos += 4;
        Some(value)
    }

    /// Skips the value starting at `self.pos` without recursion: containers by counting brackets
    /// outside strings, scalars up to the next delimiter.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                let start = self.pos;
                while let Some(byte) = self.peek() {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
                (self.pos > start).then_some(())
            }
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }
}

/// An array index token: `0` or digits without a leading zero (RFC 6901).
fn array_index(token: &str) -> Option<usize> {
    if token.is_empty()
        || !token.bytes().all(|b| b.is_ascii_digit())
        || (token.len() > 1 && token.starts_with('0'))
    {
        return None;
    }
    token.parse().ok()
}

/// Appends a reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
///
/// One allocation for the common token without `~` or `/` (the schema-level pass builds a pointer
/// for every value it visits).
pub fn pointer(base: &str, token: impl std::fmt::Display) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(base.len() + 16);
    out.push_str(base);
    out.push('/');
    let start = out.len();
    // Writing into a String cannot fail.
    let _ = write!(out, "{token}");
    if out
        .get(start..)
        .is_some_and(|written| written.contains(['~', '/']))
    {
        let written = out.split_off(start);
        push_token(&mut out, &written);
    }
    out
}

/// Appends `token` to `out` as a JSON Pointer token: `~` written `~0`, `/` written `~1`.
pub(crate) fn push_token(out: &mut String, token: &str) {
    if token.contains(['~', '/']) {
        out.push_str(&token.replace('~', "~0").replace('/', "~1"));
    } else {
        out.push_str(token);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    const SHEET: &str = r#"{
  "goal": "A01",
  "risks": [
    { "description": "Personal fehlt", "likelihood": "high" },
    { "description": "Größe: „groß“", "likelihood": "low" }
  ],
  "a/b": { "~x": [1, 2, {"deep": null}] },
  "empty": {},
  "list": []
}"#;

    #[test]
    fn finds_members_elements_and_the_root() {
        assert_eq!(locate(SHEET, ""), Some((1, 1)));
        assert_eq!(locate(SHEET, "/goal"), Some((2, 11)));
        assert_eq!(locate(SHEET, "/risks"), Some((3, 12)));
        assert_eq!(locate(SHEET, "/risks/0"), Some((4, 5)));
        assert_eq!(locate(SHEET, "/risks/1/likelihood"), Some((5, 53)));
        assert_eq!(locate(SHEET, "/a~1b/~0x/2/deep"), Some((7, 34)));
        assert_eq!(locate(SHEET, "/empty"), Some((8, 12)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "{\"ä\": \"ö\", \"x\": 1}";
        assert_eq!(locate(source, "/x"), Some((1, 17)));
        assert_eq!(locate(source, "/ä"), Some((1, 7)));
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let source = r#"{"a\"b": 1, "\u00e4": 2, "\ud83d\ude00": 3}"#;
        assert_eq!(locate(source, "/a\"b"), Some((1, 10)));
        assert_eq!(locate(source, "/ä"), Some((1, 23)));
        assert_eq!(locate(source, "/😀"), Some((1, 42)));
    }

    #[test]
    fn the_last_duplicate_key_counts() {
        let source = "{\"a\": 1,\n \"a\": 2}";
        assert_eq!(locate(source, "/a"), Some((2, 7)));
    }

    #[test]
    fn unresolvable_pointers_are_none() {
        for pointer in [
            "/nope",
            "/risks/2",
            "/risks/01",
            "/risks/-",
            "/risks/x",
            "/goal/0",
            "/empty/x",
            "/list/0",
            "no-slash",
            "/bad~2escape",
        ] {
            assert_eq!(locate(SHEET, pointer), None, "{pointer}");
        }
    }

    #[test]
    fn malformed_text_is_none_or_a_position() {
        assert_eq!(locate("", ""), None);
        assert_eq!(locate("   ", ""), None);
        assert_eq!(locate("{\"a\": [1, 2", "/a/1"), Some((1, 11)));
        assert_eq!(locate("{\"a\": [1, 2", "/a/2"), None);
        assert_eq!(locate("{\"a\" 1}", "/a"), None);
        assert_eq!(locate("{\"a\": \"unterminated", "/b"), None);
        // A byte-order mark is skipped and not counted (editors do not show it).
        assert_eq!(locate("\u{feff}{\"a\": 1}", "/a"), Some((1, 7)));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 100_000;
        let source = format!(
            "{{\"a\": {}1{}, \"b\": 2}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(locate(&source, "/b"), Some((1, 2 * depth + 15)));
    }

    #[test]
    fn many_pointers_into_a_big_document_stay_linear() {
        use std::fmt::Write as _;
        let mut source = String::from("{\"list\": [");
        for i in 0..10_000 {
            let _ = write!(source, "{{\"ä\": [{i}, \"{}\"]}}, ", "x".repeat(90));
        }
        source.push_str("null]}");
        let started = std::time::Instant::now();
        let mut locator = Locator::new(&source);
        for i in (0..10_000).rev() {
            let (line, column) = locator.locate(&format!("/list/{i}/ä/1")).unwrap();
            assert_eq!(line, 1);
            assert!(column > 10 * i);
        }
        assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed()); // quadratic, not slow
    }

    #[test]
    fn char_column_converts_serde_json_columns() {
        let source = "{\n  \"ä\": x}".as_bytes();
        // serde_json counts bytes: the `x` is byte column 9 on line 2, character column 8.
        assert_eq!(char_column(source, 2, 9), 8);
        assert_eq!(char_column(source, 9, 4), 4);
        assert_eq!(char_column(b"{", 1, 2), 2);
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            "\\PC{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-zä/~\"\\\\]{0,4}", inner, 0..5)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    fn pointers(value: &Value, base: &str, out: &mut Vec<(String, Value)>) {
        out.push((base.to_string(), value.clone()));
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    pointers(item, &pointer(base, index), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    pointers(item, &pointer(base, key), out);
                }
            }
            _ => {}
        }
    }

    /// The byte offset of a (line, column) position.
    fn offset_of(source: &str, (line, column): (usize, usize)) -> usize {
        let line_start: usize = source
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum();
        line_start
            + source[line_start..]
                .chars()
                .take(column - 1)
                .map(char::len_utf8)
                .sum::<usize>()
    }

    proptest! {
        #[test]
        fn never_panics(source in "\\PC{0,80}", pointer in "(/[a-z0-9~]{0,3}){0,4}") {
            let _ = locate(&source, &pointer);
        }

        #[test]
        fn never_panics_on_json_like_text(source in "[\\[\\]{}\":,\\\\ a0-9\\nu]{0,60}", pointer in "(/[a0-9]{0,2}){0,3}") {
            let _ = locate(&source, &pointer);
        }

        #[test]
        fn every_pointer_of_a_document_leads_to_its_value(value in json_value(), pretty in any::<bool>()) {
            let source = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            let mut all = Vec::new();
            pointers(&value, "", &mut all);
            // One locator for every pointer, in reverse order, answers as a fresh one each time.
            let mut shared = Locator::new(&source);
            for (pointer, _) in all.iter().rev() {
                prop_assert_eq!(shared.locate(pointer), locate(&source, pointer), "{}", pointer);
            }
            for (pointer, expected) in all {
                let position = locate(&source, &pointer);
                prop_assert!(position.is_some(), "{} in {}", pointer, source);
                let start = offset_of(&source, position.unwrap());
                let mut stream = serde_json::Deserializer::from_str(&source[start..]).into_iter::<Value>();
                let found = stream.next().unwrap().unwrap();
                prop_assert_eq!(found, expected, "{} in {}", pointer, source);
            }
        }
    }
}
