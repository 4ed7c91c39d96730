//! A reader for report sheets in the plain spelling our tools and most others write: every text
//! without an escape, numbers without an exponent, no `$schema` key, each key once. It accepts a
//! subset of what typed decoding accepts and reads it to the same values. Where it stops at a
//! spelling it leaves to serde (an escape, `$schema`, an exponent, a long number) it says so
//! ([`Read::LeftToSerde`]), and [`super::SheetView::decode`] asks serde; anywhere else it stopped
//! at something typed decoding refuses as well (an unknown, missing or repeated key, a value of
//! the wrong type, a day or word outside the contract, a list over its limit, broken JSON), and
//! serde is not asked again ([`Read::NotASheet`]): such a sheet goes straight to the schema-level
//! pass, which says what is wrong.
//!
//! Why a reader of our own: serde's derived visitors, the struct adapter
//! ([`crate::decode::strict::StrictStructs`]) and `serde_json`'s string parser cost more per key and
//! per text than the sheet's rules do; here keys are matched as literals, the end of a text is found
//! eight bytes at a time, and nothing is copied.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{ContributionView, CountermeasureView, IndicatorValueView, RiskView, SheetView};
use crate::calendar::{Period, Tertial};
use crate::decode::limits::{LIST_MAX_ITEMS, REFERENCES_MAX_ITEMS};
use crate::model::vocabulary::{Forecast, Level};

/// What the reader made of a document.
#[allow(clippy::large_enum_variant)] // Returned once and taken apart at once; a box would allocate.
pub(super) enum Read<'a> {
    /// The view of the sheet.
    Sheet(SheetView<'a>),
    /// A spelling this reader leaves to serde: serde may read the document.
    LeftToSerde,
    /// Something typed decoding refuses too: the document is no report sheet of the contract.
    NotASheet,
}

/// What `text`, a whole document without a leading byte-order mark, reads as (see the module
/// documentation).
pub(super) fn read(text: &str) -> Read<'_> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        left_to_serde: false,
    };
    let sheet = reader.sheet().filter(|_| {
        reader.skip_whitespace();
        reader.at == reader.bytes.len()
    });
    match sheet {
        Some(sheet) => Read::Sheet(sheet),
        None if reader.left_to_serde => Read::LeftToSerde,
        None => Read::NotASheet,
    }
}

/// The value of an optional text key that is present: a text or `null`.
struct Nullable<'a>(Option<Cow<'a, str>>);

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Set where the reader stops at a spelling serde may read (see [`Read::LeftToSerde`]).
    left_to_serde: bool,
}

/// Stores the value of a key; `None` when the key came before (serde refuses a repeated field).
fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// The keys of a sheet (`$schema` is left to serde) and of its items, in the contract's order.
const SHEET_KEYS: &[&str] = &crate::model::report_sheet::KEYS;
const CONTRIBUTION_KEYS: &[&str] = &["text", "org_unit"];
const INDICATOR_VALUE_KEYS: &[&str] = &["indicator", "value", "as_of"];
const RISK_KEYS: &[&str] = &["description", "likelihood", "impact"];
const COUNTERMEASURE_KEYS: &[&str] = &["description", "org_units"];

/// `10^i` for the fractional digits a number may have here.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Digits a number may have here: below 2^53, so that the digits are exact as an `f64` and one
/// division by an exact power of ten rounds correctly, as `serde_json` computes it.
const DIGITS_MAX: u32 = 15;

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// JSON's whitespace, as `serde_json` skips it.
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// Whitespace, then `byte`.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        if self.peek()? != byte {
            return None;
        }
        self.at += 1;
        Some(())
    }

    /// A string without an escape, borrowed from the input.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.at;
        let end = start + self.string_end(start)?;
        self.at = end + 1;
        self.text.get(start..end)
    }

    /// [`string_end`] of the text starting at `start`; a text that is not plain is serde's.
    fn string_end(&mut self, start: usize) -> Option<usize> {
        let end = string_end(self.bytes.get(start..)?);
        self.left_to_serde |= end.is_none();
        end
    }

    fn text(&mut self) -> Option<Cow<'a, str>> {
        self.string().map(Cow::Borrowed)
    }

    /// A string or `null`.
    fn optional_text(&mut self) -> Option<Nullable<'a>> {
        self.skip_whitespace();
        if self.bytes.get(self.at..)?.starts_with(b"null") {
            self.at += 4;
            return Some(Nullable(None));
        }
        self.text().map(|text| Nullable(Some(text)))
    }

    fn date(&mut self) -> Option<NaiveDate> {
        crate::model::date::parse(self.string()?)
    }

    fn level(&mut self) -> Option<Level> {
        let text = self.string()?;
        Level::ALL.into_iter().find(|level| level.as_str() == text)
    }

    /// A number of at most [`DIGITS_MAX`] digits, with or without a fraction, without an exponent.
    fn number(&mut self) -> Option<f64> {
        self.skip_whitespace();
        let negative = self.peek()? == b'-';
        if negative {
            self.at += 1;
        }
        let leading_zero = self.peek()? == b'0';
        let (mut significand, mut digits, mut fraction) = (0_u64, 0_u32, 0_usize);
        let mut digit = |reader: &mut Self| -> Option<bool> {
            let Some(byte @ b'0'..=b'9') = reader.peek() else {
                return Some(false);
            };
            digits += 1;
            if digits > DIGITS_MAX {
                reader.left_to_serde = true;
                return None;
            }
            significand = significand * 10 + u64::from(byte - b'0');
            reader.at += 1;
            Some(true)
        };
        let mut whole = 0;
        while digit(self)? {
            whole += 1;
        }
        // One leading zero at most, as JSON has it.
        if whole == 0 || (leading_zero && whole > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            while digit(self)? {
                fraction += 1;
            }
            if fraction == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.left_to_serde = true;
            return None;
        }
        let value = significand as f64 / POW10.get(fraction)?;
        Some(if negative { -value } else { value })
    }

    /// The members of an object whose keys are `keys`, each given to `member` with the index of
    /// its key; an unknown key is not this reader's. Keys are expected in the order of `keys` (the
    /// contract's, which our tools write) and compared as literals, an omitted one skipped; keys in
    /// another order are found by scanning.
    fn object(
        &mut self,
        keys: &[&str],
        mut member: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        let mut next = 0;
        loop {
            self.expect(b'"')?;
            let index = if self.literal_key(keys.get(next)) {
                next
            } else if self.literal_key(keys.get(next + 1)) {
                next + 1
            } else {
                let start = self.at;
                let end = start + self.string_end(start)?;
                self.at = end + 1;
                let key = self.text.get(start..end)?;
                let position = keys.iter().position(|known| *known == key);
                // The link to the schema is read by serde; any other key is unknown to the contract.
                self.left_to_serde |=
                    position.is_none() && key == crate::decode::strict::SCHEMA_KEY;
                position?
            };
            next = index + 1;
            self.expect(b':')?;
            member(self, index)?;
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Whether `key` and its closing quote come next; if so, they are read.
    fn literal_key(&mut self, key: Option<&&str>) -> bool {
        let Some(key) = key else {
            return false;
        };
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let found = starts_with(rest, key.as_bytes()) && rest.get(key.len()) == Some(&b'"');
        if found {
            self.at += key.len() + 1;
        }
        found
    }

    /// A list of at most `limit` items.
    fn list<T>(
        &mut self,
        limit: usize,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Vec::new());
        }
        // Room for the few entries a sheet's list has, allocated once.
        let mut items = Vec::with_capacity(4);
        loop {
            if items.len() == limit {
                return None;
            }
            items.push(item(self)?);
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }

    fn sheet(&mut self) -> Option<SheetView<'a>> {
        let (mut schema_version, mut authority, mut goal, mut tertial) = (None, None, None, None);
        let (mut reporting_member, mut signed_by, mut submitted_on) = (None, None, None);
        let (mut contributions, mut indicator_values, mut risks) = (None, None, None);
        let (mut forecast, mut rationale, mut countermeasures) = (None, None, None);
        self.object(SHEET_KEYS, |reader, key| match key {
            0 => once(&mut schema_version, reader.text()?),
            1 => once(&mut authority, reader.text()?),
            2 => once(&mut goal, reader.text()?),
            3 => once(&mut tertial, tertial_code(reader.string()?)?),
            4 => once(&mut reporting_member, reader.text()?),
            5 => once(&mut signed_by, reader.optional_text()?),
            6 => once(&mut submitted_on, reader.date()?),
            7 => once(
                &mut contributions,
                reader.list(LIST_MAX_ITEMS, Reader::contribution)?,
            ),
            8 => once(
                &mut indicator_values,
                reader.list(LIST_MAX_ITEMS, Reader::indicator_value)?,
            ),
            9 => once(&mut risks, reader.list(LIST_MAX_ITEMS, Reader::risk)?),
            10 => {
                let text = reader.string()?;
                let value = Forecast::ALL.into_iter().find(|f| f.as_str() == text)?;
                once(&mut forecast, value)
            }
            11 => once(&mut rationale, reader.text()?),
            12 => once(
                &mut countermeasures,
                reader.list(LIST_MAX_ITEMS, Reader::countermeasure)?,
            ),
            _ => None,
        })?;
        Some(SheetView {
            schema_link: false,
            schema_version: schema_version?,
            authority: authority?,
            goal: goal?,
            tertial: tertial?,
            reporting_member: reporting_member?,
            signed_by: signed_by.and_then(|Nullable(text)| text),
            submitted_on: submitted_on?,
            contributions: contributions?,
            indicator_values: indicator_values?,
            risks: risks?,
            forecast: forecast?,
            rationale: rationale?,
            countermeasures: countermeasures?,
        })
    }

    fn contribution(&mut self) -> Option<ContributionView<'a>> {
        let (mut text, mut org_unit) = (None, None);
        self.object(CONTRIBUTION_KEYS, |reader, key| match key {
            0 => once(&mut text, reader.text()?),
            1 => once(&mut org_unit, reader.optional_text()?),
            _ => None,
        })?;
        Some(ContributionView {
            text: text?,
            org_unit: org_unit.and_then(|Nullable(text)| text),
        })
    }

    fn indicator_value(&mut self) -> Option<IndicatorValueView<'a>> {
        let (mut indicator, mut value, mut as_of) = (None, None, None);
        self.object(INDICATOR_VALUE_KEYS, |reader, key| match key {
            0 => once(&mut indicator, reader.text()?),
            1 => once(&mut value, reader.number()?),
            2 => once(&mut as_of, reader.date()?),
            _ => None,
        })?;
        Some(IndicatorValueView {
            indicator: indicator?,
            value: value?,
            as_of: as_of?,
        })
    }

    fn risk(&mut self) -> Option<RiskView<'a>> {
        let (mut description, mut likelihood, mut impact) = (None, None, None);
        self.object(RISK_KEYS, |reader, key| match key {
            0 => once(&mut description, reader.text()?),
            1 => once(&mut likelihood, reader.level()?),
            2 => once(&mut impact, reader.level()?),
            _ => None,
        })?;
        Some(RiskView {
            description: description?,
            likelihood: likelihood?,
            impact: impact?,
        })
    }

    fn countermeasure(&mut self) -> Option<CountermeasureView<'a>> {
        let (mut description, mut org_units) = (None, None);
        self.object(COUNTERMEASURE_KEYS, |reader, key| match key {
            0 => once(&mut description, reader.text()?),
            1 => once(
                &mut org_units,
                reader.list(REFERENCES_MAX_ITEMS, Reader::text)?,
            ),
            _ => None,
        })?;
        Some(CountermeasureView {
            description: description?,
            org_units: org_units?,
        })
    }
}

/// A tertial code `YYYY-Tn`, as `Tertial`'s `FromStr` reads it (which also names what is wrong
/// with any other text), without its search for the `-T`.
fn tertial_code(text: &str) -> Option<Tertial> {
    let [y0, y1, y2, y3, b'-', b'T', period] = *<&[u8; 7]>::try_from(text.as_bytes()).ok()? else {
        return None;
    };
    let period = match period {
        b'1' => Period::T1,
        b'2' => Period::T2,
        b'3' => Period::T3,
        _ => return None,
    };
    let mut year = 0;
    for digit in [y0, y1, y2, y3] {
        if !digit.is_ascii_digit() {
            return None;
        }
        year = year * 10 + i32::from(digit - b'0');
    }
    Tertial::new(year, period).ok()
}

/// Where the string starting at `bytes` ends (the offset of its closing quote), or `None` at an
/// escape or a control character (escapes are serde's; a control character is an error). Eight
/// bytes at a time: a byte is flagged when it is a quote, a backslash or below 0x20, and the
/// lowest flag of a word is always a true one (a false flag only follows a true one).
/// Whether `bytes` start with `key`, compared a word at a time: the keys are 4–16 bytes long, and
/// a call to `memcmp` for each cost more than the comparison itself.
fn starts_with(bytes: &[u8], key: &[u8]) -> bool {
    let Some(head) = bytes.get(..key.len()) else {
        return false;
    };
    let word = |from: &[u8], at: usize| {
        from.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let half = |from: &[u8], at: usize| {
        from.get(at..at + 4)
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map(u32::from_le_bytes)
    };
    match key.len() {
        0..4 => head == key,
        // Two words that may overlap cover the key.
        4..8 => {
            half(head, 0) == half(key, 0) && half(head, key.len() - 4) == half(key, key.len() - 4)
        }
        length => {
            let last = length - 8;
            let mut at = 0;
            while at < last {
                if word(head, at) != word(key, at) {
                    return false;
                }
                at += 8;
            }
            word(head, last) == word(key, last)
        }
    }
}

fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = ONES * b'"' as u64;
    const BACKSLASHES: u64 = ONES * b'\\' as u64;
    const SPACES: u64 = ONES * 0x20;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        let quote = word ^ QUOTES;
        let backslash = word ^ BACKSLASHES;
        let flags = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | word.wrapping_sub(SPACES) & !word)
            & HIGH;
        if flags != 0 {
            let at = offset + (flags.trailing_zeros() / 8) as usize;
            return (bytes.get(at) == Some(&b'"')).then_some(at);
        }
        offset += 8;
    }
    for (i, byte) in chunks.remainder().iter().enumerate() {
        match byte {
            b'"' => return Some(offset + i),
            b'\\' | 0..0x20 => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn string_ends_are_found_in_every_position() {
        for length in 0..40 {
            for stop in [b'"', b'\\', b'\n', 0x1f, 0] {
                let mut bytes = vec![b'a'; length];
                bytes.push(stop);
                bytes.extend_from_slice(b"x\"\\yz\"");
                let expected = (stop == b'"').then_some(length);
                assert_eq!(string_end(&bytes), expected, "{length} {stop}");
            }
            // Non-ASCII bytes and bytes just above the control range are text.
            let mut bytes = "ä ~".repeat(length).into_bytes();
            bytes.push(b'"');
            assert_eq!(string_end(&bytes), Some(bytes.len() - 1));
        }
        assert_eq!(string_end(b"abc"), None, "unterminated");
    }

    #[test]
    fn keys_compare_as_bytes_do() {
        let keys = [
            "",
            "a",
            "abc",
            "goal",
            "risks",
            "tertial",
            "forecast",
            "reporting_member",
        ];
        let long = "indicator_values_and_more_than_sixteen";
        for key in keys.into_iter().chain([long]) {
            for text in keys
                .into_iter()
                .chain([long, "goals", "reporting_membeR", "xoal"])
            {
                for suffix in ["", "\"", "x"] {
                    let bytes = format!("{text}{suffix}");
                    assert_eq!(
                        starts_with(bytes.as_bytes(), key.as_bytes()),
                        bytes.as_bytes().starts_with(key.as_bytes()),
                        "{bytes} {key}"
                    );
                }
            }
        }
        for at in 0..16 {
            let mut changed = *b"reporting_member";
            changed[at] ^= 1;
            assert!(!starts_with(&changed, b"reporting_member"), "{at}");
        }
    }

    #[test]
    fn tertials_read_as_their_parser_reads_them() {
        for text in [
            "2022-T1", "2022-T3", "0000-T2", "9999-T1", "2022-T4", "2022-T0", "22-T1", "2022T1",
            "2022-t1", "2022-T1 ", "+022-T1", "2022-TT", "20a2-T1", "",
        ] {
            assert_eq!(tertial_code(text), text.parse().ok(), "{text}");
        }
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "-12",
            "31.5",
            "0.1",
            "-0.25",
            "3457.0",
            "77.8",
            "123456789012345",
            "1.23456789012345",
            "0.00000000000001",
            "999999999999999",
            "-99999999999999.9",
        ] {
            let mut reader = Reader {
                text,
                bytes: text.as_bytes(),
                at: 0,
                left_to_serde: false,
            };
            let value = reader.number().unwrap();
            let serde: f64 = serde_json::from_str(text).unwrap();
            assert_eq!(value.to_bits(), serde.to_bits(), "{text}");
            assert_eq!(reader.at, text.len());
        }
        for text in [
            "01",
            "-",
            "1.",
            ".5",
            "1e5",
            "1E5",
            "1234567890123456",
            "1.234567890123456",
            "+1",
            "- 1",
        ] {
            let mut reader = Reader {
                text,
                bytes: text.as_bytes(),
                at: 0,
                left_to_serde: false,
            };
            let read = reader.number();
            assert!(read.is_none() || reader.at < text.len(), "{text}");
        }
    }
}
