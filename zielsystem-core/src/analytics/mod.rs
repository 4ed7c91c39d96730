//! Attainment analytics for analysts: the attainment table, summaries, transitions between two
//! tertials and the forecast accuracy at year end; across years, the goals' lineage with
//! transitions and year-end results followed through predecessors ([`mod@lineage`]). Pure functions over a
//! [`TargetSystem`](crate::TargetSystem) and its [`ReportSheet`](crate::ReportSheet)s; every result
//! is a flat, serde-serializable row type.
//!
//! # Which sheets count
//!
//! A sheet counts when its authority is the system's, its tertial lies in the system's year and its
//! goal exists in the system (the sheets that pass RS01/RS02 on those points). Where several sheets
//! exist for one goal and tertial (TR02), the one submitted last counts (on equal days, the later one
//! in the input). Validate first when the figures must rest on valid sheets only.
//!
//! # Indicator attainment
//!
//! For one indicator value: `(value − baseline) / (target − baseline) × 100`. The formula measures
//! the share of the planned movement that has been made, in either direction: for `decrease`
//! (baseline 40 days, target 20 days, value 31.5 days) it gives `(31.5 − 40) / (20 − 40) = 42.5 %`.
//! It is not capped: overshooting the target gives more than 100 %, moving the wrong way less than 0 %.
//! The value is undefined (and left out) when target equals baseline, when the target lies against the
//! indicator's direction (an `increase` indicator with a target below its baseline, or the reverse),
//! when the value is not finite, or when the indicator is not one of the goal's. A sheet's indicator
//! attainment is the mean over its defined values; `None` when there is none.
//!
//! # Forecast accuracy
//!
//! At year end the T3 sheet of a goal states the result: `achieved` or `not_achieved` (any other T3
//! forecast, or no T3 sheet, leaves the goal unresolved). A T1 or T2 forecast is borne out when
//! - it is green (`achieved`, `on_track`) and the result is `achieved`, or
//! - it is yellow or red (`at_risk`, `unlikely`, or a misplaced `not_achieved`) and the result is
//!   `not_achieved`.
//!
//! Accuracy is borne-out forecasts ÷ resolved forecasts × 100, per perspective and tertial.

mod accuracy;
mod attainment;
pub mod corpus;
mod details;
pub mod lineage;
mod summary;
mod transitions;

use schemars::JsonSchema;

pub use accuracy::{AccuracyRow, forecast_accuracy};
pub use attainment::{AttainmentRow, attainment_table, indicator_attainment_percent};
pub use corpus::Corpus;
pub use details::{
    CountermeasureRow, IndicatorRow, PunctualityRow, RiskRow, countermeasure_table,
    indicator_table, punctuality_table, risk_table,
};
pub use lineage::{
    Lineage, LineageProblem, LineageRow, ResultAcrossRow, ResultChange, attainment_across, lineage,
    results_across, transitions_across,
};
pub use summary::{Dimension, DimensionParseError, Summary, summary_by};
pub use transitions::{AnalyticsError, TransitionCell, Transitions, transitions};

/// A row type of an analysis, as a table: its columns are its JSON keys, in field order (read from
/// its schema, so the struct is the one definition the columns of a data frame come from).
pub trait Row: JsonSchema {
    /// The column names, in order.
    fn columns() -> Vec<String> {
        let schema = schemars::generate::SchemaSettings::draft2020_12()
            .into_generator()
            .into_root_schema_for::<Self>();
        schema
            .get("properties")
            .and_then(serde_json::Value::as_object)
            .map(|properties| properties.keys().cloned().collect())
            .unwrap_or_default()
    }
}

impl Row for AttainmentRow {}
impl Row for Summary {}
impl Row for TransitionCell {}
impl Row for AccuracyRow {}
impl Row for CountermeasureRow {}
impl Row for IndicatorRow {}
impl Row for RiskRow {}
impl Row for PunctualityRow {}
impl Row for lineage::LineageRow {}
impl Row for lineage::ResultAcrossRow {}

impl Summary {
    /// The columns of a summary by `by`: the dimensions summarised by, then the counts.
    pub fn columns_by(by: &[Dimension]) -> Vec<String> {
        let left_out: Vec<&str> = Dimension::ALL
            .into_iter()
            .filter(|dimension| !by.contains(dimension))
            .map(Dimension::as_str)
            .collect();
        <Summary as Row>::columns()
            .into_iter()
            .filter(|column| !left_out.contains(&column.as_str()))
            .collect()
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    mean.is_finite().then_some(mean)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp)]
    use super::*;
    use crate::calendar::Tertial;

    #[test]
    fn columns_are_the_json_keys_in_field_order() {
        assert_eq!(
            AttainmentRow::columns(),
            [
                "authority",
                "year",
                "goal",
                "title",
                "perspective",
                "portfolio",
                "member",
                "tertial",
                "submitted_on",
                "deadline",
                "days_late",
                "reporting_status",
                "forecast",
                "light",
                "risk_count",
                "highest_risk_score",
                "countermeasure_count",
                "indicator_attainment_percent"
            ]
        );
        assert_eq!(
            TransitionCell::columns(),
            ["from_light", "to_light", "count", "goals"]
        );
        let by = Summary::columns_by(&[Dimension::Perspective, Dimension::Tertial]);
        assert_eq!(by[..3], ["tertial", "perspective", "sheets"]);
        assert_eq!(
            Summary::columns_by(&[]).last().map(String::as_str),
            Some("mean_indicator_attainment_percent")
        );
        assert_eq!(AccuracyRow::columns().len(), 10);
    }
    use crate::model::report_sheet::ReportSheet;
    use crate::model::target_system::{Indicator, TargetSystem};
    use crate::model::vocabulary::{Direction, Forecast, Light, Perspective};

    // The small fixture of the Python tests; its figures are worked out by hand in the comments.
    const SYSTEM: &str = include_str!("../../../zielsystem-py/tests/fixtures/target-system.json");
    const SHEETS: [&str; 10] = [
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T1/A01.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T1/A01-draft.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T1/A02.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T1/V01.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T2/A01.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T2/A02.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T2/V01.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T3/A01.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T3/A02.json"),
        include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T3/V01.json"),
    ];

    fn system() -> TargetSystem {
        serde_json::from_str(SYSTEM).unwrap()
    }

    fn sheets() -> Vec<ReportSheet> {
        SHEETS
            .iter()
            .map(|text| serde_json::from_str(text).unwrap())
            .collect()
    }

    fn t(code: &str) -> Tertial {
        code.parse().unwrap()
    }

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < 1e-9)
    }

    #[test]
    fn table_has_one_row_per_goal_and_tertial_in_order() {
        let rows = attainment_table(&system(), &sheets());
        let keys: Vec<(String, &str)> = rows
            .iter()
            .map(|r| (r.tertial.to_string(), r.goal.as_str()))
            .collect();
        let expected: Vec<(String, &str)> = ["2022-T1", "2022-T2", "2022-T3"]
            .iter()
            .flat_map(|t| ["A01", "A02", "V01"].map(|g| ((*t).to_string(), g)))
            .collect();
        assert_eq!(keys, expected);
    }

    #[test]
    fn row_figures_worked_out_by_hand() {
        let rows = attainment_table(&system(), &sheets());
        // T1 A01: the sheet of 20 May supersedes the draft of 2 May (on_track, no risks).
        let a01 = &rows[0];
        assert_eq!(a01.forecast, Forecast::AtRisk);
        assert_eq!(a01.light, Light::Yellow);
        assert_eq!(a01.perspective, Perspective::MandateTargetGroups);
        assert_eq!(a01.portfolio, "I");
        assert_eq!(a01.risk_count, 2);
        assert_eq!(a01.highest_risk_score, 6); // high (3) × medium (2)
        assert_eq!(a01.countermeasure_count, 1);
        // decrease, baseline 40, target 20, value 31.5: (31.5 − 40) / (20 − 40) = 42.5 %
        assert!(close(a01.indicator_attainment_percent, 42.5));
        // T1 A02: A02-1 (15 − 10) / (20 − 10) = 50 %; A02-2 has target = baseline: left out.
        assert!(close(rows[1].indicator_attainment_percent, 50.0));
        assert_eq!(rows[1].highest_risk_score, 0);
        // T1 V01: no indicators.
        assert_eq!(rows[2].indicator_attainment_percent, None);
        assert_eq!(rows[2].highest_risk_score, 2); // medium × low
        // T2 A01 unlikely with a high × high risk, value 36: (36 − 40) / −20 = 20 %.
        assert_eq!(rows[3].light, Light::Red);
        assert_eq!(rows[3].highest_risk_score, 9);
        assert!(close(rows[3].indicator_attainment_percent, 20.0));
        // T2 A02 overshoots: (22 − 10) / 10 = 120 %, not capped.
        assert!(close(rows[4].indicator_attainment_percent, 120.0));
    }

    #[test]
    fn sheets_that_do_not_belong_are_left_out() {
        let mut sheets = sheets();
        let mut foreign = sheets[0].clone();
        foreign.goal = "X99".into();
        let mut other_year = sheets[0].clone();
        other_year.tertial = t("2023-T1");
        let mut other_authority = sheets[0].clone();
        other_authority.authority = "Bezirksamt Anderswo".into();
        sheets.extend([foreign, other_year, other_authority]);
        assert_eq!(attainment_table(&system(), &sheets).len(), 9);
    }

    #[test]
    fn same_day_duplicates_take_the_later_in_the_input() {
        let mut first = sheets()[0].clone();
        let mut second = first.clone();
        first.forecast = Forecast::OnTrack;
        second.forecast = Forecast::Unlikely;
        let rows = attainment_table(&system(), &[first.clone(), second.clone()]);
        assert_eq!(rows[0].forecast, Forecast::Unlikely);
        let rows = attainment_table(&system(), &[second, first]);
        assert_eq!(rows[0].forecast, Forecast::OnTrack);
    }

    #[test]
    fn indicator_attainment_honours_direction() {
        let indicator = |baseline: f64, target: f64, direction| Indicator {
            id: "I".into(),
            name: "n".into(),
            unit: "u".into(),
            baseline,
            target,
            direction,
        };
        let up = indicator(10.0, 20.0, Direction::Increase);
        assert_eq!(indicator_attainment_percent(&up, 15.0), Some(50.0));
        assert_eq!(indicator_attainment_percent(&up, 5.0), Some(-50.0));
        let down = indicator(40.0, 20.0, Direction::Decrease);
        assert_eq!(indicator_attainment_percent(&down, 20.0), Some(100.0));
        assert_eq!(indicator_attainment_percent(&down, 50.0), Some(-50.0));
        // Targets against the direction, flat targets and non-finite values are undefined.
        assert_eq!(
            indicator_attainment_percent(&indicator(40.0, 20.0, Direction::Increase), 30.0),
            None
        );
        assert_eq!(
            indicator_attainment_percent(&indicator(10.0, 20.0, Direction::Decrease), 15.0),
            None
        );
        assert_eq!(
            indicator_attainment_percent(&indicator(5.0, 5.0, Direction::Increase), 7.0),
            None
        );
        assert_eq!(indicator_attainment_percent(&up, f64::NAN), None);
        assert_eq!(indicator_attainment_percent(&up, f64::MAX), None);
    }

    #[test]
    fn summary_by_tertial() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let summary = summary_by(&system, &rows, &[Dimension::Tertial]);
        assert_eq!(summary.len(), 3);
        let t1 = &summary[0];
        assert_eq!(t1.tertial, Some(t("2022-T1")));
        assert_eq!((t1.perspective, t1.portfolio.as_deref()), (None, None));
        assert_eq!((t1.sheets, t1.green, t1.yellow, t1.red), (3, 2, 1, 0));
        assert_eq!((t1.on_track, t1.at_risk), (2, 1));
        assert!((t1.share_at_risk - 1.0 / 3.0).abs() < 1e-12);
        assert!(close(t1.mean_indicator_attainment_percent, 46.25)); // (42.5 + 50) / 2
        let t2 = &summary[1];
        assert_eq!((t2.green, t2.yellow, t2.red), (1, 1, 1));
        assert_eq!((t2.achieved, t2.at_risk, t2.unlikely), (1, 1, 1));
        assert!((t2.share_at_risk - 2.0 / 3.0).abs() < 1e-12);
        assert!(close(t2.mean_indicator_attainment_percent, 70.0)); // (20 + 120) / 2
        let t3 = &summary[2];
        assert_eq!(
            (t3.achieved, t3.not_achieved, t3.share_at_risk),
            (2, 1, 0.0)
        );
        assert!(close(t3.mean_indicator_attainment_percent, 82.5)); // (25 + 140) / 2
    }

    #[test]
    fn summary_by_perspective_portfolio_and_combined() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let by_perspective = summary_by(&system, &rows, &[Dimension::Perspective]);
        assert_eq!(by_perspective.len(), 2);
        let outward = &by_perspective[0];
        assert_eq!(outward.perspective, Some(Perspective::MandateTargetGroups));
        assert_eq!(
            (outward.sheets, outward.green, outward.yellow, outward.red),
            (6, 3, 1, 2)
        );
        // (42.5 + 50 + 20 + 120 + 25 + 140) / 6
        assert!(close(outward.mean_indicator_attainment_percent, 66.25));
        let inward = &by_perspective[1];
        assert_eq!((inward.sheets, inward.green, inward.yellow), (3, 2, 1));
        assert_eq!(inward.mean_indicator_attainment_percent, None);

        let by_portfolio = summary_by(&system, &rows, &[Dimension::Portfolio]);
        let portfolios: Vec<_> = by_portfolio
            .iter()
            .map(|s| (s.portfolio.clone().unwrap(), s.sheets))
            .collect();
        assert_eq!(portfolios, [("I".to_string(), 6), ("V".to_string(), 3)]);

        let combined = summary_by(
            &system,
            &rows,
            &[Dimension::Perspective, Dimension::Tertial],
        );
        assert_eq!(combined.len(), 6);
        assert_eq!(combined[0].tertial, Some(t("2022-T1")));
        assert_eq!(
            combined[0].perspective,
            Some(Perspective::MandateTargetGroups)
        );
        assert_eq!((combined[0].green, combined[0].yellow), (1, 1));

        let everything = summary_by(&system, &rows, &[]);
        assert_eq!(everything.len(), 1);
        assert_eq!(everything[0].sheets, 9);
        assert!(summary_by(&system, &[], &[Dimension::Tertial]).is_empty());
    }

    #[test]
    fn transitions_between_tertials() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let tr = transitions(&system, &rows, t("2022-T1"), t("2022-T2")).unwrap();
        assert_eq!(tr.cells.len(), 16);
        let cell = |from, to| {
            tr.cells
                .iter()
                .find(|c| c.from_light == from && c.to_light == to)
                .unwrap()
        };
        assert_eq!(cell(Some(Light::Yellow), Some(Light::Red)).goals, ["A01"]);
        assert_eq!(cell(Some(Light::Green), Some(Light::Green)).goals, ["A02"]);
        assert_eq!(cell(Some(Light::Green), Some(Light::Yellow)).goals, ["V01"]);
        assert_eq!(tr.cells.iter().map(|c| c.count).sum::<u32>(), 3);
        assert_eq!((tr.improved, tr.worsened, tr.unchanged), (0, 2, 1));

        let tr = transitions(&system, &rows, t("2022-T2"), t("2022-T3")).unwrap();
        assert_eq!((tr.improved, tr.worsened, tr.unchanged), (1, 0, 2));

        // A goal without a sheet shows up as "no sheet".
        let fewer: Vec<AttainmentRow> = rows.into_iter().filter(|r| r.goal != "V01").collect();
        let tr = transitions(&system, &fewer, t("2022-T1"), t("2022-T2")).unwrap();
        let none_none = tr
            .cells
            .iter()
            .find(|c| c.from_light.is_none() && c.to_light.is_none())
            .unwrap();
        assert_eq!(none_none.goals, ["V01"]);
        assert_eq!(tr.worsened, 1);
    }

    #[test]
    fn transitions_reject_tertials_of_another_year() {
        let system = system();
        let error = transitions(&system, &[], t("2021-T3"), t("2022-T1")).unwrap_err();
        assert_eq!(
            error,
            AnalyticsError::TertialOutsideYear {
                tertial: t("2021-T3"),
                year: 2022
            }
        );
    }

    #[test]
    fn forecast_accuracy_worked_out_by_hand() {
        let system = system();
        let rows = attainment_table(&system, &sheets());
        let accuracy = forecast_accuracy(&system, &rows);
        let key: Vec<_> = accuracy
            .iter()
            .map(|r| (r.perspective, r.tertial))
            .collect();
        assert_eq!(
            key,
            [
                (Perspective::MandateTargetGroups, t("2022-T1")),
                (Perspective::MandateTargetGroups, t("2022-T2")),
                (Perspective::AdministrationInternal, t("2022-T1")),
                (Perspective::AdministrationInternal, t("2022-T2")),
            ]
        );
        // Outward T1: A01 at_risk → not_achieved (borne out), A02 on_track → achieved (borne out).
        let r = &accuracy[0];
        assert_eq!((r.forecasts, r.borne_out, r.unresolved), (2, 2, 0));
        assert_eq!((r.green_forecasts, r.green_borne_out), (1, 1));
        assert_eq!((r.yellow_red_forecasts, r.yellow_red_borne_out), (1, 1));
        assert_eq!(r.accuracy_percent, Some(100.0));
        // Inward T2: V01 at_risk, but achieved: not borne out.
        let r = &accuracy[3];
        assert_eq!((r.forecasts, r.borne_out), (1, 0));
        assert_eq!((r.yellow_red_forecasts, r.yellow_red_borne_out), (1, 0));
        assert_eq!(r.accuracy_percent, Some(0.0));
        // Inward T1: V01 on_track, achieved.
        assert_eq!(accuracy[2].accuracy_percent, Some(100.0));
    }

    #[test]
    fn forecasts_without_year_end_result_are_unresolved() {
        let system = system();
        let rows: Vec<AttainmentRow> = attainment_table(&system, &sheets())
            .into_iter()
            .filter(|r| !(r.goal == "A01" && r.tertial == t("2022-T3")))
            .collect();
        let accuracy = forecast_accuracy(&system, &rows);
        let r = &accuracy[0];
        assert_eq!((r.forecasts, r.borne_out, r.unresolved), (1, 1, 1));
        let only_t1: Vec<AttainmentRow> = rows
            .into_iter()
            .filter(|r| r.tertial == t("2022-T1"))
            .collect();
        let accuracy = forecast_accuracy(&system, &only_t1);
        assert!(accuracy.iter().all(|r| r.accuracy_percent.is_none()));
    }

    #[test]
    fn dimension_names_parse() {
        for dimension in Dimension::ALL {
            assert_eq!(dimension.as_str().parse::<Dimension>(), Ok(dimension));
        }
        assert!("goal".parse::<Dimension>().is_err());
    }

    #[test]
    fn rows_serialize_flat() {
        let rows = attainment_table(&system(), &sheets());
        let json = serde_json::to_value(&rows[2]).unwrap();
        assert_eq!(json["tertial"], "2022-T1");
        assert_eq!(json["perspective"], "administration_internal");
        assert_eq!(
            json["indicator_attainment_percent"],
            serde_json::Value::Null
        );
        let summary = summary_by(&system(), &rows, &[Dimension::Tertial]);
        let json = serde_json::to_value(&summary[0]).unwrap();
        assert!(json.get("perspective").is_none());
        assert_eq!(json["tertial"], "2022-T1");
    }

    proptest::proptest! {
        #[test]
        fn counts_add_up_for_any_forecasts(codes in proptest::collection::vec(0..5usize, 10)) {
            let system = system();
            let mut sheets = sheets();
            for (sheet, code) in sheets.iter_mut().zip(&codes) {
                sheet.forecast = Forecast::ALL[*code];
            }
            let rows = attainment_table(&system, &sheets);
            proptest::prop_assert_eq!(rows.len(), 9);
            for by in [&[Dimension::Tertial][..], &[Dimension::Perspective, Dimension::Portfolio]] {
                let summary = summary_by(&system, &rows, by);
                proptest::prop_assert_eq!(summary.iter().map(|s| s.sheets).sum::<u32>(), 9);
                for s in &summary {
                    proptest::prop_assert_eq!(s.green + s.yellow + s.red, s.sheets);
                    proptest::prop_assert_eq!(
                        s.achieved + s.on_track + s.at_risk + s.unlikely + s.not_achieved,
                        s.sheets
                    );
                    proptest::prop_assert!((0.0..=1.0).contains(&s.share_at_risk));
                }
            }
            let tr = transitions(&system, &rows, t("2022-T1"), t("2022-T3")).unwrap();
            proptest::prop_assert_eq!(tr.cells.iter().map(|c| c.count).sum::<u32>(), 3);
            proptest::prop_assert_eq!(tr.improved + tr.worsened + tr.unchanged, 3);
            for r in forecast_accuracy(&system, &rows) {
                let sheets_there = rows
                    .iter()
                    .filter(|row| row.tertial == r.tertial && row.perspective == r.perspective)
                    .count();
                proptest::prop_assert_eq!((r.forecasts + r.unresolved) as usize, sheets_there);
                proptest::prop_assert_eq!(r.green_forecasts + r.yellow_red_forecasts, r.forecasts);
                proptest::prop_assert_eq!(r.green_borne_out + r.yellow_red_borne_out, r.borne_out);
            }
        }
    }
}
