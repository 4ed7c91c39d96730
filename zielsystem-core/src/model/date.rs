//! Dates of the contract: exactly `YYYY-MM-DD` (RFC 3339 `full-date`), as the JSON Schemas'
//! `"format": "date"` demands.
//!
//! chrono alone is laxer: it also reads `2022-5-2`, `+2022-05-02` and ` 2022-05-02`. Every date field
//! of the model deserializes through [`deserialize`] (or [`option::deserialize`]) so that typed
//! decoding and the committed schemas accept exactly the same documents. Serialization is chrono's,
//! which writes `YYYY-MM-DD` for every date this module reads.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::de::{Error, Unexpected};
use serde::{Deserialize, Deserializer};

const EXPECTED: &str = "ein Datum der Form JJJJ-MM-TT / a date of the form YYYY-MM-DD";

/// Parses a date written exactly `YYYY-MM-DD` that exists in the calendar; `None` otherwise.
///
/// Reads the ten bytes directly: every sheet carries several dates, and chrono's format-string
/// parser costs more than the rest of decoding a date field (a property test checks that both
/// agree).
pub fn parse(text: &str) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] =
        *<&[u8; 10]>::try_from(text.as_bytes()).ok()?
    else {
        return None;
    };
    let digit = |byte: u8| byte.is_ascii_digit().then(|| u32::from(byte - b'0'));
    let year = digit(y0)? * 1000 + digit(y1)? * 100 + digit(y2)? * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Deserializes a required date field strictly (see the module documentation).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = Cow::<'de, str>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| Error::invalid_value(Unexpected::Str(&text), &EXPECTED))
}

/// The same for an optional date (`null` allowed).
pub mod option {
    use super::{Cow, Deserialize, Deserializer, EXPECTED, Error, NaiveDate, Unexpected, parse};

    /// Deserializes an optional date field strictly; `null` is `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<Cow<'de, str>>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => parse(&text)
                .map(Some)
                .ok_or_else(|| Error::invalid_value(Unexpected::Str(&text), &EXPECTED)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_exactly_full_dates() {
        assert_eq!(parse("2022-05-02"), NaiveDate::from_ymd_opt(2022, 5, 2));
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2022-5-2",
            "2022-05-2",
            "+2022-05-02",
            " 2022-05-02",
            "2022-05-02 ",
            "02022-05-02",
            "2022-02-30",
            "2022-13-01",
            "2023-02-29",
            "2022-00-10",
            "16.05.2022",
            "2022/05/02",
            "２０２２-05-02",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad:?} must be rejected");
        }
    }

    #[test]
    fn serde_paths_are_strict() {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(deserialize_with = "deserialize")]
            day: NaiveDate,
            #[serde(default, deserialize_with = "option::deserialize")]
            until: Option<NaiveDate>,
        }
        let ok: Probe = serde_json::from_str(r#"{"day": "2022-10-12", "until": null}"#).unwrap();
        assert_eq!(ok.day, NaiveDate::from_ymd_opt(2022, 10, 12).unwrap());
        assert_eq!(ok.until, None);
        let missing: Probe = serde_json::from_str(r#"{"day": "2022-10-12"}"#).unwrap();
        assert_eq!(missing.until, None);
        assert!(serde_json::from_str::<Probe>(r#"{"day": "2022-1-12"}"#).is_err());
        assert!(
            serde_json::from_str::<Probe>(r#"{"day": "2022-01-12", "until": "+2022-01-12"}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<Probe>(r#"{"day": 20220112}"#).is_err());
    }

    proptest! {
        #[test]
        fn print_parse_identity(days in 0i64..3_000_000) {
            let day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assert_eq!(parse(&day.format("%Y-%m-%d").to_string()), Some(day));
        }

        #[test]
        fn never_panics(text in "\\PC{0,12}") {
            let _ = parse(&text);
        }

        /// The byte parser agrees with chrono on every string shaped like a date.
        #[test]
        fn agrees_with_chrono(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9+ -]{10}") {
            let shaped = text.len() == 10
                && text.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
            let chrono = if shaped { NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok() } else { None };
            prop_assert_eq!(parse(&text), chrono);
        }
    }
}
