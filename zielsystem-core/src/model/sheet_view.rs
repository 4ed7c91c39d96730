//! A report sheet read without copying its texts: [`SheetView`] borrows every string that needs no
//! unescaping from the input, and [`SheetFields`] is what the sheet rules read, implemented by the
//! view and by the owned [`ReportSheet`] alike, so one rule implementation serves both.
//!
//! The view decodes exactly what typed decoding of a [`ReportSheet`] decodes (same keys, unknown
//! keys refused, same list bounds, same dates and vocabularies, structs from JSON objects only):
//! when [`SheetView::decode`] gives a view, decoding the same bytes as a `ReportSheet` gives the
//! same values. When it gives none, the caller takes the owned path, whose schema-level pass says
//! what is wrong ([`crate::rules::report_sheet::validate_sheet_bytes`]).

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, Error, Unexpected, Visitor};

use super::report_sheet::{Contribution, Countermeasure, IndicatorValue, ReportSheet, Risk};
use super::vocabulary::{Forecast, Level};
use crate::calendar::Tertial;
use crate::decode::document_size_finding;
use crate::decode::strict::{StrictStructs, mentions_schema_key};
use crate::decode::syntax::BOM;

mod reader;

/// What the sheet rules (RS01–RS18) read of a report sheet.
pub trait SheetFields {
    /// A contribution of the sheet.
    type Contribution: ContributionFields;
    /// An indicator value of the sheet.
    type IndicatorValue: IndicatorValueFields;
    /// A risk of the sheet.
    type Risk: RiskFields;
    /// A countermeasure of the sheet.
    type Countermeasure: CountermeasureFields;

    /// `schema_version`.
    fn schema_version(&self) -> &str;
    /// `authority`.
    fn authority(&self) -> &str;
    /// `goal`.
    fn goal(&self) -> &str;
    /// `tertial`.
    fn tertial(&self) -> Tertial;
    /// `reporting_member`.
    fn reporting_member(&self) -> &str;
    /// `signed_by`.
    fn signed_by(&self) -> Option<&str>;
    /// `submitted_on`.
    fn submitted_on(&self) -> NaiveDate;
    /// `contributions`.
    fn contributions(&self) -> &[Self::Contribution];
    /// `indicator_values`.
    fn indicator_values(&self) -> &[Self::IndicatorValue];
    /// `risks`.
    fn risks(&self) -> &[Self::Risk];
    /// `forecast`.
    fn forecast(&self) -> Forecast;
    /// `rationale`.
    fn rationale(&self) -> &str;
    /// `countermeasures`.
    fn countermeasures(&self) -> &[Self::Countermeasure];
}

/// What the rules read of a contribution.
pub trait ContributionFields {
    /// `text`.
    fn text(&self) -> &str;
    /// `org_unit`.
    fn org_unit(&self) -> Option<&str>;
}

/// What the rules read of an indicator value.
pub trait IndicatorValueFields {
    /// `indicator`.
    fn indicator(&self) -> &str;
    /// `value`.
    fn value(&self) -> f64;
}

/// What the rules read of a risk.
pub trait RiskFields {
    /// `description`.
    fn description(&self) -> &str;
    /// `likelihood`.
    fn likelihood(&self) -> Level;
    /// `impact`.
    fn impact(&self) -> Level;
}

/// What the rules read of a countermeasure.
pub trait CountermeasureFields {
    /// An org unit reference.
    type OrgUnit: AsRef<str>;
    /// `description`.
    fn description(&self) -> &str;
    /// `org_units`.
    fn org_units(&self) -> &[Self::OrgUnit];
}

/// A report sheet borrowing its texts from the JSON it was read from (see the module
/// documentation). [`SheetView::to_sheet`] builds the owned [`ReportSheet`] when it is needed.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetView<'a> {
    /// Whether the document carries the root `$schema` link for editors (a text or `null`; its
    /// value is ignored, as typed decoding ignores it).
    #[serde(rename = "$schema", default, deserialize_with = "link")]
    schema_link: bool,
    /// `schema_version`.
    #[serde(borrow, deserialize_with = "text")]
    pub schema_version: Cow<'a, str>,
    /// `authority`.
    #[serde(borrow, deserialize_with = "text")]
    pub authority: Cow<'a, str>,
    /// `goal`.
    #[serde(borrow, deserialize_with = "text")]
    pub goal: Cow<'a, str>,
    /// `tertial`.
    #[serde(deserialize_with = "tertial")]
    pub tertial: Tertial,
    /// `reporting_member`.
    #[serde(borrow, deserialize_with = "text")]
    pub reporting_member: Cow<'a, str>,
    /// `signed_by`.
    #[serde(default, borrow, deserialize_with = "optional_text")]
    pub signed_by: Option<Cow<'a, str>>,
    /// `submitted_on`.
    #[serde(deserialize_with = "date")]
    pub submitted_on: NaiveDate,
    /// `contributions`.
    #[serde(borrow, deserialize_with = "super::bounded::list")]
    pub contributions: Vec<ContributionView<'a>>,
    /// `indicator_values`.
    #[serde(borrow, deserialize_with = "super::bounded::list")]
    pub indicator_values: Vec<IndicatorValueView<'a>>,
    /// `risks`.
    #[serde(borrow, deserialize_with = "super::bounded::list")]
    pub risks: Vec<RiskView<'a>>,
    /// `forecast`.
    pub forecast: Forecast,
    /// `rationale`.
    #[serde(borrow, deserialize_with = "text")]
    pub rationale: Cow<'a, str>,
    /// `countermeasures`.
    #[serde(borrow, deserialize_with = "super::bounded::list")]
    pub countermeasures: Vec<CountermeasureView<'a>>,
}

/// A [`Contribution`] borrowing its texts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributionView<'a> {
    /// `text`.
    #[serde(borrow, deserialize_with = "text")]
    pub text: Cow<'a, str>,
    /// `org_unit`.
    #[serde(default, borrow, deserialize_with = "optional_text")]
    pub org_unit: Option<Cow<'a, str>>,
}

/// An [`IndicatorValue`] borrowing its texts.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValueView<'a> {
    /// `indicator`.
    #[serde(borrow, deserialize_with = "text")]
    pub indicator: Cow<'a, str>,
    /// `value`.
    pub value: f64,
    /// `as_of`.
    #[serde(deserialize_with = "date")]
    pub as_of: NaiveDate,
}

/// A [`Risk`] borrowing its texts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskView<'a> {
    /// `description`.
    #[serde(borrow, deserialize_with = "text")]
    pub description: Cow<'a, str>,
    /// `likelihood`.
    pub likelihood: Level,
    /// `impact`.
    pub impact: Level,
}

/// A [`Countermeasure`] borrowing its texts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountermeasureView<'a> {
    /// `description`.
    #[serde(borrow, deserialize_with = "text")]
    pub description: Cow<'a, str>,
    /// `org_units`.
    #[serde(borrow, deserialize_with = "references")]
    pub org_units: Vec<Cow<'a, str>>,
}

impl<'a> SheetView<'a> {
    /// The view of the sheet in `bytes`, or `None` when they are not a report sheet that typed
    /// decoding accepts as it stands (over the size limit, not UTF-8, not of the contract): the
    /// owned path ([`crate::rules::check_sheet_json`]) then says why. A leading byte-order mark is
    /// ignored, as there.
    pub fn decode(bytes: &'a [u8]) -> Option<Self> {
        if document_size_finding(bytes.len() as u64).is_some() {
            return None;
        }
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        // Checked as UTF-8 once, as the owned path does; then strings are borrowed from the text.
        let text = simdutf8::basic::from_utf8(bytes).ok()?;
        // The plain spelling by a reader of our own; whatever it leaves, by serde.
        match reader::read(text) {
            reader::Read::Sheet(view) => Some(view),
            reader::Read::LeftToSerde => Self::by_serde(text),
            reader::Read::NotASheet => None,
        }
    }

    /// The view of `text` as serde reads it: every spelling typed decoding accepts.
    fn by_serde(text: &'a str) -> Option<Self> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let view = SheetView::deserialize(StrictStructs(&mut deserializer)).ok()?;
        deserializer.end().ok()?;
        // Typed decoding drops the link only where `$schema` is spelled without an escape
        // (`strict::from_document`); an escaped one alone makes it refuse the document.
        if view.schema_link && !mentions_schema_key(text.as_bytes()) {
            return None;
        }
        Some(view)
    }

    /// The owned sheet: what decoding the same bytes as a [`ReportSheet`] gives.
    pub fn to_sheet(&self) -> ReportSheet {
        ReportSheet {
            schema_version: self.schema_version.to_string(),
            authority: self.authority.to_string(),
            goal: self.goal.to_string(),
            tertial: self.tertial,
            reporting_member: self.reporting_member.to_string(),
            signed_by: self.signed_by.as_deref().map(str::to_string),
            submitted_on: self.submitted_on,
            contributions: self
                .contributions
                .iter()
                .map(|c| Contribution {
                    text: c.text.to_string(),
                    org_unit: c.org_unit.as_deref().map(str::to_string),
                })
                .collect(),
            indicator_values: self
                .indicator_values
                .iter()
                .map(|v| IndicatorValue {
                    indicator: v.indicator.to_string(),
                    value: v.value,
                    as_of: v.as_of,
                })
                .collect(),
            risks: self
                .risks
                .iter()
                .map(|r| Risk {
                    description: r.description.to_string(),
                    likelihood: r.likelihood,
                    impact: r.impact,
                })
                .collect(),
            forecast: self.forecast,
            rationale: self.rationale.to_string(),
            countermeasures: self
                .countermeasures
                .iter()
                .map(|c| Countermeasure {
                    description: c.description.to_string(),
                    org_units: c.org_units.iter().map(ToString::to_string).collect(),
                })
                .collect(),
        }
    }
}

/// A JSON string, borrowed from the input where it has no escape.
struct Text<'a>(Cow<'a, str>);

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: Error>(self, text: String) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text)))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

fn text<'de: 'a, 'a, D: Deserializer<'de>>(deserializer: D) -> Result<Cow<'a, str>, D::Error> {
    Text::deserialize(deserializer).map(|Text(text)| text)
}

/// The `$schema` link, present: a text or `null`.
fn link<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Option::<Text<'de>>::deserialize(deserializer).map(|_| true)
}

fn optional_text<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Cow<'a, str>>, D::Error> {
    Ok(Option::<Text<'a>>::deserialize(deserializer)?.map(|Text(text)| text))
}

fn references<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Cow<'a, str>>, D::Error> {
    let units: Vec<Text<'a>> = super::bounded::references(deserializer)?;
    Ok(units.into_iter().map(|Text(unit)| unit).collect())
}

/// A value parsed from a JSON string without copying it first (the owned model reads dates and
/// tertials through a `String`).
struct Parsed<T> {
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
}

impl<T> Visitor<'_> for Parsed<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.expected)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(Parsed {
        parse: super::date::parse,
        expected: "a date of the form YYYY-MM-DD",
    })
}

fn tertial<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tertial, D::Error> {
    deserializer.deserialize_str(Parsed {
        parse: |text| text.parse().ok(),
        expected: "a tertial of the form YYYY-Tn",
    })
}

/// Implements the field traits for a sheet type and its item types: the accessors read the same
/// fields whether they hold a `String` or a `Cow<str>`.
macro_rules! fields {
    ($($a:lifetime)?; $sheet:ty, $contribution:ty, $value:ty, $risk:ty, $countermeasure:ty, $unit:ty) => {
        impl$(<$a>)? SheetFields for $sheet {
            type Contribution = $contribution;
            type IndicatorValue = $value;
            type Risk = $risk;
            type Countermeasure = $countermeasure;

            fn schema_version(&self) -> &str {
                &self.schema_version
            }
            fn authority(&self) -> &str {
                &self.authority
            }
            fn goal(&self) -> &str {
                &self.goal
            }
            fn tertial(&self) -> Tertial {
                self.tertial
            }
            fn reporting_member(&self) -> &str {
                &self.reporting_member
            }
            fn signed_by(&self) -> Option<&str> {
                self.signed_by.as_deref()
            }
            fn submitted_on(&self) -> NaiveDate {
                self.submitted_on
            }
            fn contributions(&self) -> &[$contribution] {
                &self.contributions
            }
            fn indicator_values(&self) -> &[$value] {
                &self.indicator_values
            }
            fn risks(&self) -> &[$risk] {
                &self.risks
            }
            fn forecast(&self) -> Forecast {
                self.forecast
            }
            fn rationale(&self) -> &str {
                &self.rationale
            }
            fn countermeasures(&self) -> &[$countermeasure] {
                &self.countermeasures
            }
        }

        impl$(<$a>)? ContributionFields for $contribution {
            fn text(&self) -> &str {
                &self.text
            }
            fn org_unit(&self) -> Option<&str> {
                self.org_unit.as_deref()
            }
        }

        impl$(<$a>)? IndicatorValueFields for $value {
            fn indicator(&self) -> &str {
                &self.indicator
            }
            fn value(&self) -> f64 {
                self.value
            }
        }

        impl$(<$a>)? RiskFields for $risk {
            fn description(&self) -> &str {
                &self.description
            }
            fn likelihood(&self) -> Level {
                self.likelihood
            }
            fn impact(&self) -> Level {
                self.impact
            }
        }

        impl$(<$a>)? CountermeasureFields for $countermeasure {
            type OrgUnit = $unit;

            fn description(&self) -> &str {
                &self.description
            }
            fn org_units(&self) -> &[$unit] {
                &self.org_units
            }
        }
    };
}

fields!(; ReportSheet, Contribution, IndicatorValue, Risk, Countermeasure, String);
fields!('a; SheetView<'a>, ContributionView<'a>, IndicatorValueView<'a>, RiskView<'a>, CountermeasureView<'a>, Cow<'a, str>);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    const SHEET: &str = include_str!("../../../tests/fixtures/rules-sheet-a01-t1.json");

    #[test]
    fn the_view_and_the_owned_sheet_agree() {
        let owned: ReportSheet = crate::decode::strict::from_slice(SHEET.as_bytes()).unwrap();
        let view = SheetView::decode(SHEET.as_bytes()).unwrap();
        assert_eq!(view.to_sheet(), owned);
    }

    /// The library writes a sheet's keys in the order the readers expect (`report_sheet::KEYS`).
    #[test]
    fn the_written_keys_come_in_the_contracts_order() {
        let mut sheet: ReportSheet = crate::decode::strict::from_slice(SHEET.as_bytes()).unwrap();
        sheet.signed_by = Some("m-stv".into());
        let written = serde_json::to_string(&sheet).unwrap();
        let at: Vec<usize> = crate::model::report_sheet::KEYS
            .iter()
            .map(|key| written.find(&format!("\"{key}\":")).unwrap())
            .collect();
        assert!(at.is_sorted(), "{written}");
    }

    fn read_plain(text: &str) -> Option<SheetView<'_>> {
        match reader::read(text) {
            reader::Read::Sheet(view) => Some(view),
            reader::Read::LeftToSerde | reader::Read::NotASheet => None,
        }
    }

    /// Where the own reader says a document is no sheet, serde refuses it as well: it is not
    /// asked again.
    #[test]
    fn what_the_reader_refuses_serde_refuses() {
        let many = format!(
            r#""contributions": [{}],"#,
            vec![r#"{ "text": "x" }"#; crate::decode::limits::LIST_MAX_ITEMS + 1].join(",")
        );
        for broken in [
            SHEET.replacen("\"goal\"", "\"gaol\"", 1),
            SHEET.replacen("\"goal\"", "\"goal\": \"A01\", \"goal\"", 1),
            SHEET.replacen("\"2022-T1\"", "\"2022-T4\"", 1),
            SHEET.replacen("\"2022-T1\"", "2022", 1),
            SHEET.replacen("\"at_risk\"", "\"atrisk\"", 1),
            SHEET.replacen("31.5", "\"31.5\"", 1),
            SHEET.replacen("31.5", "01", 1),
            SHEET.replacen("\"high\"", "\"hoch\"", 1),
            SHEET.replacen("\"text\"", "\"$schema\": null, \"text\"", 1),
            SHEET.replacen("\"contributions\": [", &many.replacen("],", ", ", 1), 1),
            SHEET.replacen('}', "", 1),
            format!("{SHEET} x"),
        ] {
            assert_ne!(broken, SHEET);
            let read = reader::read(&broken);
            assert!(
                matches!(read, reader::Read::NotASheet | reader::Read::LeftToSerde),
                "{broken}"
            );
            assert!(SheetView::by_serde(&broken).is_none(), "{broken}");
        }
        for date in ["2022-02-30", "30.04.2022", "2022-4-30"] {
            let broken = SHEET.replacen("2022-04-30", date, 1);
            assert_ne!(broken, SHEET);
            assert!(matches!(reader::read(&broken), reader::Read::NotASheet));
            assert!(SheetView::by_serde(&broken).is_none(), "{broken}");
        }
        let missing = SHEET.replacen("\"goal\": \"A01\",", "", 1);
        assert_ne!(missing, SHEET);
        assert!(matches!(reader::read(&missing), reader::Read::NotASheet));
        assert!(SheetView::by_serde(&missing).is_none());
    }

    /// The own reader reads the plain spelling, and where it reads a sheet, serde reads the same.
    #[test]
    fn the_reader_reads_what_serde_reads() {
        let generated = r#"{"schema_version":"1","authority":"B","goal":"V03","tertial":"2020-T1","reporting_member":"m","signed_by":null,"submitted_on":"2020-05-04","contributions":[{"text":"K","org_unit":"s"},{"text":"L"}],"indicator_values":[{"indicator":"V03-1","value":3457.0,"as_of":"2020-04-30"}],"risks":[{"description":"W","likelihood":"low","impact":"high"}],"forecast":"at_risk","rationale":"D","countermeasures":[{"description":"A","org_units":["s","t"]}]}"#;
        for text in [SHEET, generated] {
            let read = read_plain(text).expect(text);
            assert_eq!(Some(&read), SheetView::by_serde(text).as_ref());
        }
        let reordered = generated.replacen(
            r#""authority":"B","goal":"V03","#,
            r#""goal":"V03","authority":"B","#,
            1,
        );
        assert_eq!(read_plain(&reordered), SheetView::by_serde(&reordered));
        // Left to serde: an escape, a `$schema` key, an exponent; serde reads them.
        for plain_enough in [
            SHEET.replacen("\"A01\"", "\"A\\u00301\"", 1),
            SHEET.replacen('{', r#"{"$schema": "x","#, 1),
            SHEET.replacen("31.5", "3.15e1", 1),
        ] {
            assert_ne!(plain_enough, SHEET);
            assert!(
                matches!(reader::read(&plain_enough), reader::Read::LeftToSerde),
                "{plain_enough}"
            );
            assert!(
                SheetView::by_serde(&plain_enough).is_some(),
                "{plain_enough}"
            );
        }
    }

    #[test]
    fn texts_without_escapes_are_borrowed() {
        let escaped = SHEET.replacen("\"A01\"", "\"A\\u00301\"", 1);
        assert_ne!(escaped, SHEET);
        let view = SheetView::decode(SHEET.as_bytes()).unwrap();
        assert!(matches!(view.goal, Cow::Borrowed("A01")));
        assert!(matches!(view.authority, Cow::Borrowed(_)));
        let view = SheetView::decode(escaped.as_bytes()).unwrap();
        assert!(matches!(&view.goal, Cow::Owned(goal) if goal == "A01"));
    }

    /// Escapes, nulls, numbers and whitespace: the view and typed decoding read the same sheet.
    #[test]
    fn escapes_nulls_and_numbers_read_as_typed_decoding_reads_them() {
        for variant in [
            SHEET.replacen("\"goal\"", "\"go\\u0061l\"", 1),
            SHEET.replacen("\"at_risk\"", "\"at\\u005frisk\"", 1),
            SHEET.replacen("\"2022-T1\"", "\"2022-\\u00541\"", 1),
            SHEET.replacen("\"amt-soz\" }", "\"amt-soz\\\"\\\\\\n\" }", 1),
            SHEET.replacen("31.5", "3.15e1", 1),
            SHEET.replacen("31.5", "-0", 1),
            SHEET.replacen("31.5", "123456789012345678901234567890", 1),
            SHEET.replacen('{', "{\"signed_by\": null, \"$schema\": null,", 1),
            SHEET.replace(": ", ":\r\n\t "),
        ] {
            assert_ne!(variant, SHEET);
            let owned: ReportSheet = crate::decode::strict::from_json(variant.as_bytes()).unwrap();
            let view = SheetView::decode(variant.as_bytes()).expect(&variant);
            assert_eq!(view.to_sheet(), owned, "{variant}");
        }
    }

    #[test]
    fn what_typed_decoding_refuses_the_view_refuses() {
        let bom = [BOM, SHEET.as_bytes()].concat();
        assert!(
            SheetView::decode(&bom).is_some(),
            "a leading BOM is ignored"
        );
        for bad in [
            SHEET.replacen("\"goal\"", "\"gaol\"", 1),
            SHEET.replacen(
                "\"goal\": \"A01\",",
                "\"goal\": \"A01\", \"goal\": \"A01\",",
                1,
            ),
            SHEET.replacen("\"2022-T1\"", "\"2022-T4\"", 1),
            SHEET.replacen("\"2022-05-20\"", "\"2022-5-20\"", 1),
            SHEET.replacen("\"A01\"", "1", 1),
            format!("{SHEET} x"),
            String::from("[]"),
            SHEET.replacen("31.5", "1e400", 1),
            SHEET.replacen("31.5", "01", 1),
            SHEET.replacen("31.5", "\"31.5\"", 1),
            SHEET.replacen("Personal", "Per\u{1}sonal", 1),
            SHEET.replacen("Personal", "Per\\qsonal", 1),
            SHEET.replacen("\"A01\"", "\"\\ud800\"", 1),
            SHEET.replacen("\"A01\",", "\"A01\",,", 1),
            SHEET.replacen(" ]", ", ]", 1),
            SHEET.replacen('{', "{\u{b}", 1),
            SHEET.replacen("\"at_risk\"", "\"At_risk\"", 1),
            SHEET.replacen("\"amt-soz\" }", "\"amt-soz\", \"text\": \"x\" }", 1),
        ] {
            assert_ne!(bad, SHEET);
            assert!(SheetView::decode(bad.as_bytes()).is_none(), "{bad}");
            assert!(
                crate::decode::strict::from_slice::<ReportSheet>(bad.as_bytes()).is_err(),
                "{bad}"
            );
        }
        let linked = SHEET.replacen('{', r#"{"$schema": "report-sheet.schema.json","#, 1);
        assert!(SheetView::decode(linked.as_bytes()).is_some());
        let not_a_text = SHEET.replacen('{', r#"{"$schema": 1,"#, 1);
        assert!(SheetView::decode(not_a_text.as_bytes()).is_none());
        assert!(SheetView::decode(b"{\"goal\": \"\xff\"}").is_none());
    }
}
