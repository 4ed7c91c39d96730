//! What a JSON syntax error is, from a scanner of our own.
//!
//! `serde_json` says where parsing failed (`line`, `column`) and of what category (`classify`), but
//! what went wrong only in its `Display` text, which is not an API. [`first_error`] walks the bytes
//! with the grammar of RFC 8259 and the same decisions `serde_json` takes (the first element of a
//! list or object, a comma before a closing bracket, escapes and surrogate pairs, numbers), so the
//! kind it reports is the error `serde_json` stopped at; the position stays `serde_json`'s.

/// One kind of JSON syntax error, with its German and English wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SyntaxError {
    EofInList,
    EofInObject,
    EofInString,
    EofInValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedIdent,
    ExpectedValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacter,
    KeyMustBeAString,
    LoneSurrogate,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    /// Nested deeper than `serde_json` parses (128 levels).
    TooDeep,
}

impl SyntaxError {
    /// The German wording.
    pub(crate) fn german(self) -> &'static str {
        match self {
            SyntaxError::EofInList => "das Dokument endet mitten in einer Liste",
            SyntaxError::EofInObject => "das Dokument endet mitten in einem Objekt",
            SyntaxError::EofInString => "das Dokument endet mitten in einer Zeichenkette",
            SyntaxError::EofInValue => "das Dokument endet, wo ein Wert erwartet wird",
            SyntaxError::ExpectedColon => "„:“ erwartet",
            SyntaxError::ExpectedListCommaOrEnd => "„,“ oder „]“ erwartet",
            SyntaxError::ExpectedObjectCommaOrEnd => "„,“ oder „}“ erwartet",
            SyntaxError::ExpectedIdent => "unbekanntes Wort (erlaubt sind true, false und null)",
            SyntaxError::ExpectedValue => "Wert erwartet",
            SyntaxError::InvalidEscape => "ungültige Escape-Sequenz",
            SyntaxError::InvalidNumber => "ungültige Zahl",
            SyntaxError::NumberOutOfRange => "Zahl außerhalb des darstellbaren Bereichs",
            SyntaxError::ControlCharacter => "Steuerzeichen (U+0000–U+001F) in einer Zeichenkette",
            SyntaxError::KeyMustBeAString => "Schlüssel müssen Zeichenketten sein",
            SyntaxError::LoneSurrogate => {
                "unvollständiges Surrogatpaar in einer \\u-Escape-Sequenz"
            }
            SyntaxError::TrailingComma => "überzähliges Komma",
            SyntaxError::TrailingCharacters => "überzählige Zeichen nach dem Dokument",
            SyntaxError::UnexpectedEndOfHexEscape => "unvollständige \\u-Escape-Sequenz",
            SyntaxError::TooDeep => "zu tief verschachtelt",
        }
    }

    /// The English wording (`serde_json`'s, which readers of its messages know).
    pub(crate) fn english(self) -> &'static str {
        match self {
            SyntaxError::EofInList => "EOF while parsing a list",
            SyntaxError::EofInObject => "EOF while parsing an object",
            SyntaxError::EofInString => "EOF while parsing a string",
            SyntaxError::EofInValue => "EOF while parsing a value",
            SyntaxError::ExpectedColon => "expected `:`",
            SyntaxError::ExpectedListCommaOrEnd => "expected `,` or `]`",
            SyntaxError::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            SyntaxError::ExpectedIdent => "expected ident",
            SyntaxError::ExpectedValue => "expected value",
            SyntaxError::InvalidEscape => "invalid escape",
            SyntaxError::InvalidNumber => "invalid number",
            SyntaxError::NumberOutOfRange => "number out of range",
            SyntaxError::ControlCharacter => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            SyntaxError::KeyMustBeAString => "key must be a string",
            SyntaxError::LoneSurrogate => "lone leading surrogate in hex escape",
            SyntaxError::TrailingComma => "trailing comma",
            SyntaxError::TrailingCharacters => "trailing characters",
            SyntaxError::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            SyntaxError::TooDeep => "recursion limit exceeded",
        }
    }
}

/// How deep `serde_json` nests before it gives up.
const SERDE_DEPTH: usize = 128;

/// The first syntax error in `bytes` (valid UTF-8), or `None` for a well-formed JSON document.
pub(crate) fn first_error(bytes: &[u8]) -> Option<SyntaxError> {
    Scanner { bytes, at: 0 }.document().err()
}

/// An open container: a list, or an object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    List,
    Object,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

type Scan<T = ()> = Result<T, SyntaxError>;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        self.at += usize::from(byte.is_some());
        byte
    }

    /// The next byte that is not white space, not consumed.
    fn peek_token(&mut self) -> Option<u8> {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
        self.peek()
    }

    /// One document: a value, then nothing but white space. Containers are tracked on a stack, so
    /// hostile nesting costs no recursion.
    fn document(&mut self) -> Scan {
        let mut open: Vec<Open> = Vec::new();
        // Whether the next token starts a value (else: it follows one).
        let mut value_next = true;
        loop {
            if value_next {
                if let Some(container) = self.value_start()? {
                    if open.len() + 1 >= SERDE_DEPTH {
                        return Err(SyntaxError::TooDeep);
                    }
                    open.push(container);
                    // The first entry, or the end straight away.
                    match (container, self.peek_token()) {
                        (Open::List, Some(b']')) | (Open::Object, Some(b'}')) => {
                            self.at += 1;
                            open.pop();
                        }
                        (Open::List, None) => return Err(SyntaxError::EofInList),
                        (Open::Object, None) => return Err(SyntaxError::EofInObject),
                        (Open::List, Some(_)) => continue,
                        (Open::Object, Some(_)) => {
                            self.key()?;
                            continue;
                        }
                    }
                }
            }
            value_next = false;
            let Some(&container) = open.last() else {
                return match self.peek_token() {
                    None => Ok(()),
                    Some(_) => Err(SyntaxError::TrailingCharacters),
                };
            };
            let close = if container == Open::List { b']' } else { b'}' };
            match self.peek_token() {
                Some(byte) if byte == close => {
                    self.at += 1;
                    open.pop();
                }
                Some(b',') => {
                    self.at += 1;
                    match self.peek_token() {
                        Some(byte) if byte == close => return Err(SyntaxError::TrailingComma),
                        None => return Err(SyntaxError::EofInValue),
                        Some(_) if container == Open::Object => self.key()?,
                        Some(_) => {}
                    }
                    value_next = true;
                }
                Some(_) if container == Open::List => {
                    return Err(SyntaxError::ExpectedListCommaOrEnd);
                }
                Some(_) => return Err(SyntaxError::ExpectedObjectCommaOrEnd),
                None if container == Open::List => return Err(SyntaxError::EofInList),
                None => return Err(SyntaxError::EofInObject),
            }
        }
    }

    /// A key and its colon (the next token is known to be there); the value follows.
    fn key(&mut self) -> Scan {
        if self.peek_token() != Some(b'"') {
            return Err(SyntaxError::KeyMustBeAString);
        }
        self.at += 1;
        self.string()?;
        match self.peek_token() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(SyntaxError::ExpectedColon),
            None => Err(SyntaxError::EofInObject),
        }
    }

    /// The start of a value: a scalar is read whole (`None`); a container is opened.
    fn value_start(&mut self) -> Scan<Option<Open>> {
        match self.peek_token() {
            None => Err(SyntaxError::EofInValue),
            Some(b'[') => {
                self.at += 1;
                Ok(Some(Open::List))
            }
            Some(b'{') => {
                self.at += 1;
                Ok(Some(Open::Object))
            }
            Some(b'"') => {
                self.at += 1;
                self.string().map(|()| None)
            }
            Some(b'n') => self.ident(b"null").map(|()| None),
            Some(b't') => self.ident(b"true").map(|()| None),
            Some(b'f') => self.ident(b"false").map(|()| None),
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| None),
            Some(_) => Err(SyntaxError::ExpectedValue),
        }
    }

    fn ident(&mut self, word: &[u8]) -> Scan {
        self.at += 1;
        for expected in word.iter().skip(1) {
            match self.next() {
                None => return Err(SyntaxError::EofInValue),
                Some(byte) if byte != *expected => return Err(SyntaxError::ExpectedIdent),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A string after its opening quote, through its closing quote.
    fn string(&mut self) -> Scan {
        loop {
            match self.next() {
                None => return Err(SyntaxError::EofInString),
                Some(b'"') => return Ok(()),
                Some(b'\\') => self.escape()?,
                Some(0x00..=0x1F) => return Err(SyntaxError::ControlCharacter),
                Some(_) => {}
            }
        }
    }

    /// An escape after its backslash.
    fn escape(&mut self) -> Scan {
        match self.next() {
            None => Err(SyntaxError::EofInString),
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(()),
            Some(b'u') => self.unicode_escape(),
            Some(_) => Err(SyntaxError::InvalidEscape),
        }
    }

    /// `\uXXXX` after its `u`; a leading surrogate must be followed by `\u` and a trailing one.
    fn unicode_escape(&mut self) -> Scan {
        let unit = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&unit) {
            return Err(SyntaxError::LoneSurrogate);
        }
        if !(0xD800..=0xDBFF).contains(&unit) {
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return Err(SyntaxError::EofInString),
                Some(byte) if byte != expected => {
                    return Err(SyntaxError::UnexpectedEndOfHexEscape);
                }
                Some(_) => {}
            }
        }
        let trailing = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&trailing) {
            Ok(())
        } else {
            Err(SyntaxError::LoneSurrogate)
        }
    }

    fn hex4(&mut self) -> Scan<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(SyntaxError::EofInString);
        };
        self.at += 4;
        std::str::from_utf8(digits)
            .ok()
            .filter(|text| text.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|text| u16::from_str_radix(text, 16).ok())
            .ok_or(SyntaxError::InvalidEscape)
    }

    /// A number: `-`? (`0` | digits) (`.` digits)? ((`e`|`E`) (`+`|`-`)? digits)?, finite as a
    /// double.
    fn number(&mut self) -> Scan {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next() {
            None => return Err(SyntaxError::EofInValue),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(SyntaxError::InvalidNumber);
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(SyntaxError::InvalidNumber),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let text = self
            .bytes
            .get(start..self.at)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .unwrap_or_default();
        match text.parse::<f64>() {
            Ok(value) if value.is_infinite() => Err(SyntaxError::NumberOutOfRange),
            _ => Ok(()),
        }
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Scan {
        match self.next() {
            None => Err(SyntaxError::EofInValue),
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(SyntaxError::InvalidNumber),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    /// The scanner names the error `serde_json` stops at, on every kind of error it has.
    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            "",
            "   ",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[1 2]",
            "[,1]",
            "{",
            "{\"a\"",
            "{\"a\" 1}",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{,}",
            "{\"a\":1,",
            "tru",
            "trux",
            "nul",
            "fals",
            "x",
            "\"abc",
            "\"a\\q\"",
            "\"a\\",
            "\"\\u12",
            "\"\\u12zz\"",
            "\"\\uDC00\"",
            "\"\\uD800\"",
            "\"\\uD800\\n\"",
            "\"\\uD800\\u0041\"",
            "\"\\uD800\\uDC00\"",
            "\"a\u{1}b\"",
            "-",
            "-x",
            "01",
            "[01]",
            "1.",
            "1.x",
            "1e",
            "1e+",
            "1ex",
            "1e400",
            "-1e400",
            "1e-400",
            "123456789012345678901234567890",
            "[1]]",
            "{} x",
            "[1,2,3]",
            "{\"a\":[true,false,null,{\"b\":-1.5e3}]}",
            "\"\\/\\b\\f\"",
            "[[[]]] ,",
            "[\"a\"\"b\"]",
            "{\"a\":1}}",
        ];
        for case in cases {
            let serde = serde_json::from_str::<serde_json::Value>(case)
                .err()
                .map(|error| error.to_string());
            let ours = first_error(case.as_bytes());
            match (&serde, ours) {
                (None, None) => {}
                (Some(text), Some(kind)) => assert!(
                    text.starts_with(kind.english()),
                    "{case:?}: serde_json {text:?}, scanner {kind:?}"
                ),
                _ => panic!("{case:?}: serde_json {serde:?}, scanner {ours:?}"),
            }
        }
        let deep = "[".repeat(200);
        assert_eq!(first_error(deep.as_bytes()), Some(SyntaxError::TooDeep));
        assert!(
            serde_json::from_str::<serde_json::Value>(&deep)
                .unwrap_err()
                .to_string()
                .starts_with(SyntaxError::TooDeep.english())
        );
    }
}
