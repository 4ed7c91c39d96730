//! The reporting calendar: tertials, their cut-offs (Berichtsstichtag) and deadlines (Berichtsfrist).
//!
//! A year has three tertials: I January–April, II May–August, III September–December. The cut-off is
//! the tertial's last day; the report is due within the following month, so the deadline is the last
//! day of the month after the cut-off (31 May, 30 September, 31 January of the next year).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The four-month period within a year. There is no fourth: `T4` cannot be represented.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// Tertial I: January–April.
    T1,
    /// Tertial II: May–August.
    T2,
    /// Tertial III: September–December.
    T3,
}

impl Period {
    /// All periods in calendar order.
    pub const ALL: [Period; 3] = [Period::T1, Period::T2, Period::T3];

    /// 1, 2 or 3.
    pub fn number(self) -> u32 {
        match self {
            Period::T1 => 1,
            Period::T2 => 2,
            Period::T3 => 3,
        }
    }

    /// The Roman numeral used in German papers ("I. Tertial").
    pub fn roman(self) -> &'static str {
        match self {
            Period::T1 => "I",
            Period::T2 => "II",
            Period::T3 => "III",
        }
    }

    /// The first month (1-based) of the period.
    fn first_month(self) -> u32 {
        match self {
            Period::T1 => 1,
            Period::T2 => 5,
            Period::T3 => 9,
        }
    }

    fn of_month(month: u32) -> Period {
        match month {
            1..=4 => Period::T1,
            5..=8 => Period::T2,
            _ => Period::T3,
        }
    }
}

/// The smallest year a [`Tertial`] may have: its code has four digits, `0000` included, so the
/// type accepts exactly what the JSON Schema pattern accepts.
pub const MIN_YEAR: i32 = 0;
/// The largest year a [`Tertial`] may have (its code has four digits).
pub const MAX_YEAR: i32 = 9999;

/// A tertial of a calendar year, written `"2022-T1"` (the SDMX period code).
///
/// Only years [`MIN_YEAR`]`..=`[`MAX_YEAR`] are representable, so every date derived from a tertial
/// exists and no arithmetic on it can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tertial {
    year: i32,
    period: Period,
}

/// Why a string or a year is not a tertial.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TertialParseError {
    /// The text is not of the form `YYYY-T1`, `YYYY-T2` or `YYYY-T3`.
    #[error(
        "„{0}“ ist kein Tertial der Form JJJJ-T1 bis JJJJ-T3 / is not a tertial of the form YYYY-T1 to YYYY-T3"
    )]
    Malformed(String),
    /// The year lies outside 0000–9999.
    #[error("Jahr {0} liegt außerhalb von 0000–9999 / year {0} is outside 0000–9999")]
    YearOutOfRange(i32),
}

/// Builds a date known to exist. All callers pass days that exist for years in
/// `MIN_YEAR..=MAX_YEAR + 1`; the fallback keeps the function total without a panic path.
fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The last day of a month.
fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    date(next_year, next_month, 1)
        .pred_opt()
        .unwrap_or(NaiveDate::MIN)
}

impl Tertial {
    /// The tertial `period` of `year`.
    pub fn new(year: i32, period: Period) -> Result<Self, TertialParseError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) {
            Ok(Tertial { year, period })
        } else {
            Err(TertialParseError::YearOutOfRange(year))
        }
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Which of the three tertials.
    pub fn period(self) -> Period {
        self.period
    }

    /// The first day of the tertial.
    pub fn start(self) -> NaiveDate {
        date(self.year, self.period.first_month(), 1)
    }

    /// The cut-off (Berichtsstichtag): the tertial's last day.
    pub fn cut_off(self) -> NaiveDate {
        last_day_of_month(self.year, self.period.first_month() + 3)
    }

    /// The deadline (Berichtsfrist): the last day of the month after the cut-off.
    pub fn deadline(self) -> NaiveDate {
        let cut_off = self.cut_off();
        if cut_off.month() == 12 {
            last_day_of_month(cut_off.year() + 1, 1)
        } else {
            last_day_of_month(cut_off.year(), cut_off.month() + 1)
        }
    }

    /// Whether `day` lies within the tertial (start and cut-off inclusive).
    pub fn contains(self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.cut_off()
    }

    /// The tertial containing `day`; `None` for days outside the years 0000–9999.
    pub fn containing(day: NaiveDate) -> Option<Self> {
        Tertial::new(day.year(), Period::of_month(day.month())).ok()
    }

    /// The following tertial; `None` after 9999-T3.
    pub fn next(self) -> Option<Self> {
        match self.period {
            Period::T1 => Some(Tertial {
                period: Period::T2,
                ..self
            }),
            Period::T2 => Some(Tertial {
                period: Period::T3,
                ..self
            }),
            Period::T3 => Tertial::new(self.year + 1, Period::T1).ok(),
        }
    }

    /// The preceding tertial; `None` before 0000-T1.
    pub fn previous(self) -> Option<Self> {
        match self.period {
            Period::T1 => Tertial::new(self.year - 1, Period::T3).ok(),
            Period::T2 => Some(Tertial {
                period: Period::T1,
                ..self
            }),
            Period::T3 => Some(Tertial {
                period: Period::T2,
                ..self
            }),
        }
    }

    /// The three tertials of `year`, in order.
    pub fn of_year(year: i32) -> Result<[Self; 3], TertialParseError> {
        Ok([
            Tertial::new(year, Period::T1)?,
            Tertial::new(year, Period::T2)?,
            Tertial::new(year, Period::T3)?,
        ])
    }

    /// German label, e.g. "II. Tertial 2022".
    pub fn label_de(self) -> String {
        format!("{}. Tertial {}", self.period.roman(), self.year)
    }

    /// German label in the genitive, e.g. "II. Tertials 2022" (as in "Ende des II. Tertials 2022").
    pub fn label_genitive_de(self) -> String {
        format!("{}. Tertials {}", self.period.roman(), self.year)
    }
}

impl fmt::Display for Tertial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-T{}", self.year, self.period.number())
    }
}

impl FromStr for Tertial {
    type Err = TertialParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || TertialParseError::Malformed(text.chars().take(40).collect());
        let (year, period) = text.split_once("-T").ok_or_else(malformed)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let period = match period {
            "1" => Period::T1,
            "2" => Period::T2,
            "3" => Period::T3,
            _ => return Err(malformed()),
        };
        let year: i32 = year.parse().map_err(|_| malformed())?;
        Tertial::new(year, period)
    }
}

impl Serialize for Tertial {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Tertial {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The JSON Schema pattern of a tertial code.
pub const TERTIAL_PATTERN: &str = "^[0-9]{4}-T[1-3]$";

impl JsonSchema for Tertial {
    fn schema_name() -> Cow<'static, str> {
        "Tertial".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": TERTIAL_PATTERN,
            "title": "Tertial",
            "description": "Tertial als SDMX-Periodencode, z. B. „2022-T1“ (I. Tertial: Januar–April, II.: Mai–August, III.: September–Dezember).",
            "examples": ["2022-T1"]
        })
    }
}

/// The dates of one tertial, as printed by `zielsystem calendar --format json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Berichtstermine eines Tertials",
    description = "Die Termine eines Tertials: Beginn, Berichtsstichtag und Berichtsfrist."
)]
pub struct TertialDates {
    /// The tertial.
    #[schemars(title = "Tertial", description = "Das Tertial, z. B. „2022-T1“.")]
    pub tertial: Tertial,
    /// Its first day.
    #[schemars(title = "Beginn", description = "Erster Tag des Tertials.")]
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub start: NaiveDate,
    /// Its last day (Berichtsstichtag).
    #[schemars(
        title = "Berichtsstichtag",
        description = "Berichtsstichtag: der letzte Tag des Tertials."
    )]
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub cut_off: NaiveDate,
    /// The last day of the following month (Berichtsfrist).
    #[schemars(
        title = "Berichtsfrist",
        description = "Berichtsfrist: der letzte Tag des Folgemonats."
    )]
    #[serde(deserialize_with = "crate::model::date::deserialize")]
    pub deadline: NaiveDate,
}

impl From<Tertial> for TertialDates {
    fn from(tertial: Tertial) -> Self {
        TertialDates {
            tertial,
            start: tertial.start(),
            cut_off: tertial.cut_off(),
            deadline: tertial.deadline(),
        }
    }
}

/// The reporting calendar of a year: its three tertials with their dates.
pub fn calendar_of_year(year: i32) -> Result<[TertialDates; 3], TertialParseError> {
    Ok(Tertial::of_year(year)?.map(TertialDates::from))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn deadlines_of_2022() {
        let [t1, t2, t3] = Tertial::of_year(2022).unwrap();
        assert_eq!(t1.deadline(), d("2022-05-31"));
        assert_eq!(t2.deadline(), d("2022-09-30"));
        assert_eq!(t3.deadline(), d("2023-01-31"));
        assert_eq!(t1.cut_off(), d("2022-04-30"));
        assert_eq!(t2.cut_off(), d("2022-08-31"));
        assert_eq!(t3.cut_off(), d("2022-12-31"));
        assert_eq!(t2.start(), d("2022-05-01"));
    }

    #[test]
    fn parses_and_prints() {
        let t: Tertial = "2022-T2".parse().unwrap();
        assert_eq!(t.year(), 2022);
        assert_eq!(t.period(), Period::T2);
        assert_eq!(t.to_string(), "2022-T2");
        assert_eq!(t.label_de(), "II. Tertial 2022");
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "2022-T4",
            "2022-T0",
            "2022-t1",
            "22-T1",
            "2022T1",
            "2022-T1 ",
            "+202-T1",
            "2022-T01",
            "",
            "٢٠٢٢-T1",
        ] {
            assert!(bad.parse::<Tertial>().is_err(), "{bad} must be rejected");
        }
    }

    #[test]
    fn serde_uses_the_code() {
        let t: Tertial = serde_json::from_str("\"2023-T3\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2023-T3\"");
        assert!(serde_json::from_str::<Tertial>("\"2023-T4\"").is_err());
    }

    #[test]
    fn bounds_have_no_neighbours() {
        assert_eq!(Tertial::new(9999, Period::T3).unwrap().next(), None);
        assert_eq!(Tertial::new(0, Period::T1).unwrap().previous(), None);
        assert_eq!(
            "0000-T1".parse::<Tertial>().unwrap().start().to_string(),
            "0000-01-01"
        );
        assert_eq!(
            Tertial::new(9999, Period::T3).unwrap().deadline(),
            d("+10000-01-31")
        );
    }

    fn any_tertial() -> impl Strategy<Value = Tertial> {
        (1900..=2100i32, 0..3usize).prop_map(|(y, p)| Tertial::new(y, Period::ALL[p]).unwrap())
    }

    proptest! {
        #[test]
        fn tertials_tile_the_year(year in 1900..=2100i32) {
            let [t1, t2, t3] = Tertial::of_year(year).unwrap();
            prop_assert_eq!(t1.start(), NaiveDate::from_ymd_opt(year, 1, 1).unwrap());
            prop_assert_eq!(t1.cut_off().succ_opt().unwrap(), t2.start());
            prop_assert_eq!(t2.cut_off().succ_opt().unwrap(), t3.start());
            prop_assert_eq!(t3.cut_off(), NaiveDate::from_ymd_opt(year, 12, 31).unwrap());
        }

        #[test]
        fn deadline_is_last_day_of_following_month(t in any_tertial()) {
            let cut_off = t.cut_off();
            let deadline = t.deadline();
            prop_assert!(cut_off < deadline);
            // The month after the cut-off's month …
            let expected_month = cut_off.month() % 12 + 1;
            prop_assert_eq!(deadline.month(), expected_month);
            // … and its last day: the next day starts a new month.
            prop_assert_eq!(deadline.succ_opt().unwrap().day(), 1);
            // The cut-off itself is the last day of its month.
            prop_assert_eq!(cut_off.succ_opt().unwrap().day(), 1);
        }

        #[test]
        fn containing_agrees_with_iteration(t in any_tertial(), offset in 0u64..123) {
            let day = t.start() + chrono::Days::new(offset);
            let expected = if day <= t.cut_off() { t } else { t.next().unwrap() };
            prop_assert_eq!(Tertial::containing(day), Some(expected));
            prop_assert!(expected.contains(day));
        }

        #[test]
        fn next_and_previous_are_inverse(t in any_tertial()) {
            prop_assert_eq!(t.next().unwrap().previous(), Some(t));
            prop_assert_eq!(t.previous().unwrap().next(), Some(t));
            prop_assert!(t < t.next().unwrap());
        }

        #[test]
        fn parse_print_identity(t in any_tertial()) {
            prop_assert_eq!(t.to_string().parse::<Tertial>(), Ok(t));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,12}") {
            let _ = text.parse::<Tertial>();
        }
    }
}
