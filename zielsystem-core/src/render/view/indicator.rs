//! The degree of attainment of an indicator ("Grad der Zielerreichung"), as the report shows it.
//!
//! It is the share of the way from the baseline to the target that the value has covered:
//! `(value − baseline) ÷ (target − baseline)`. The same formula serves indicators that should rise
//! (`increase`) and those that should fall (`decrease`): for a falling indicator both differences
//! are negative. The share is shown in whole percent between 0 % and 100 %; past the target it reads
//! "Ziel übertroffen", below the baseline "entgegen der Zielrichtung" (never a negative percentage
//! or one above 100 %). docs/indicators.md explains it for readers.

use crate::model::target_system::Indicator;
use crate::model::vocabulary::Direction;

/// How far an indicator's value has come from its baseline toward its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Attainment {
    /// Between baseline and target: the share of the way covered, 0.0 ..= 1.0.
    Share(f64),
    /// Exactly at the target.
    Reached,
    /// Beyond the target in the intended direction.
    Exceeded,
    /// On the wrong side of the baseline.
    Against,
    /// Baseline equals target, or a number is not finite: no degree can be given.
    Undefined,
    /// Baseline and target contradict the indicator's direction (e.g. `decrease` with a target
    /// above the baseline).
    Contradictory,
}

/// The degree of attainment of `value` on `indicator`.
pub fn attainment(indicator: &Indicator, value: f64) -> Attainment {
    let span = indicator.target - indicator.baseline;
    if span == 0.0 || !span.is_finite() || !value.is_finite() {
        return Attainment::Undefined;
    }
    let consistent = match indicator.direction {
        Direction::Increase => span > 0.0,
        Direction::Decrease => span < 0.0,
    };
    if !consistent {
        return Attainment::Contradictory;
    }
    let share = (value - indicator.baseline) / span;
    if share < 0.0 {
        Attainment::Against
    } else if share > 1.0 {
        Attainment::Exceeded
    } else if share >= 1.0 {
        Attainment::Reached
    } else {
        Attainment::Share(share)
    }
}

impl Attainment {
    /// The German text of the table cell, e.g. "38 %", "Ziel übertroffen".
    pub fn text_de(self) -> String {
        match self {
            Attainment::Share(share) => {
                // Whole percent, never 100 % before the target is reached.
                let percent = (share * 100.0).floor();
                format!("{percent:.0} %")
            }
            Attainment::Reached => "100 % (Ziel erreicht)".to_string(),
            Attainment::Exceeded => "Ziel übertroffen".to_string(),
            Attainment::Against => "entgegen der Zielrichtung".to_string(),
            Attainment::Undefined => "–".to_string(),
            Attainment::Contradictory => {
                "– (Zielrichtung widerspricht Ausgangs- und Zielwert)".to_string()
            }
        }
    }
}

/// How far the value stands from the target, in the indicator's unit: "3,1 über dem Zielwert",
/// "2,6 unter dem Zielwert", "Zielwert erreicht"; "–" when a number is not finite.
pub fn distance_de(indicator: &Indicator, value: f64) -> String {
    let gap = value - indicator.target;
    if !gap.is_finite() {
        return "–".to_string();
    }
    let amount = crate::render::text::german_number(gap.abs());
    if amount == "0" {
        "Zielwert erreicht".to_string()
    } else if gap > 0.0 {
        format!("{amount} über dem Zielwert")
    } else {
        format!("{amount} unter dem Zielwert")
    }
}

/// The note under every indicator table: how to read the degree of attainment.
pub const NOTE_DE: &str = "Abstand zum Zielwert: wie weit der Wert über oder unter dem Zielwert liegt, in der Einheit der Kennzahl. Grad der Zielerreichung: Anteil des Wegs vom Ausgangswert zum Zielwert, den der Wert zurückgelegt hat – (Wert − Ausgangswert) ÷ (Zielwert − Ausgangswert), gleich ob die Kennzahl steigen oder sinken soll. Jenseits des Zielwerts: „Ziel übertroffen“; hinter dem Ausgangswert: „entgegen der Zielrichtung“.";

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(baseline: f64, target: f64, direction: Direction) -> Indicator {
        Indicator {
            id: "X-1".into(),
            name: "x".into(),
            unit: "%".into(),
            baseline,
            target,
            direction,
        }
    }

    #[test]
    fn rising_and_falling_indicators_read_the_same_way() {
        let up = indicator(40.0, 80.0, Direction::Increase);
        assert_eq!(attainment(&up, 60.0).text_de(), "50 %");
        let down = indicator(40.0, 20.0, Direction::Decrease);
        assert_eq!(attainment(&down, 30.0).text_de(), "50 %");
        assert_eq!(attainment(&down, 20.0), Attainment::Reached);
        assert_eq!(attainment(&down, 15.0).text_de(), "Ziel übertroffen");
        assert_eq!(
            attainment(&down, 45.0).text_de(),
            "entgegen der Zielrichtung"
        );
        // Never rounds up to 100 % before the target is reached.
        assert_eq!(attainment(&up, 79.9).text_de(), "99 %");
    }

    #[test]
    fn a_budget_indicator_over_its_limit_is_against_the_direction() {
        // Spending should fall from 104 % of the funds to 100 %; at 103,1 % it has covered 22 %.
        let budget = indicator(104.0, 100.0, Direction::Decrease);
        assert_eq!(attainment(&budget, 103.1).text_de(), "22 %");
        assert_eq!(distance_de(&budget, 103.1), "3,1 über dem Zielwert");
        assert_eq!(distance_de(&budget, 100.0), "Zielwert erreicht");
        assert_eq!(distance_de(&budget, 97.5), "2,5 unter dem Zielwert");
        assert_eq!(
            attainment(&budget, 106.0).text_de(),
            "entgegen der Zielrichtung"
        );
    }

    #[test]
    fn undefined_and_contradictory() {
        assert_eq!(
            attainment(&indicator(5.0, 5.0, Direction::Increase), 5.0),
            Attainment::Undefined
        );
        assert_eq!(
            attainment(&indicator(5.0, 10.0, Direction::Decrease), 7.0),
            Attainment::Contradictory
        );
        assert_eq!(
            attainment(&indicator(5.0, 10.0, Direction::Increase), f64::NAN),
            Attainment::Undefined
        );
    }
}
