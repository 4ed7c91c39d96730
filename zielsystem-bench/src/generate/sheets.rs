//! The report sheets of one authority and year, tertial by tertial, with the injected violations.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use zielsystem_core::calendar::{Period, Tertial};
use zielsystem_core::model::report_sheet::{
    Contribution, Countermeasure, IndicatorValue, ReportSheet, Risk,
};
use zielsystem_core::model::target_system::Goal;
use zielsystem_core::{Forecast, Level, SCHEMA_VERSION, TargetSystem};

use crate::texts::{self};

use super::{GeneratedSheet, Violation, add_days, pick, tenth};

/// Writes the sheets of one system, tertial by tertial.
pub(super) struct SheetWriter<'a> {
    pub(super) rng: &'a mut fastrand::Rng,
    pub(super) system: &'a TargetSystem,
    pub(super) violation_rate: f64,
}

/// What a goal's earlier sheets said, for forecasts that evolve over the year.
#[derive(Clone, Copy, Default)]
struct GoalState {
    last: Option<Forecast>,
    achieved_in: Option<Tertial>,
}

impl SheetWriter<'_> {
    pub(super) fn write_all(mut self) -> Vec<GeneratedSheet> {
        let system = self.system;
        let mut states = vec![GoalState::default(); system.goals.len()];
        let mut out = Vec::new();
        for tertial in system.reporting_tertials() {
            let mut batch: Vec<(NaiveDate, GeneratedSheet)> = Vec::new();
            for (goal, state) in system.goals.iter().zip(states.iter_mut()) {
                // Now and then a goal has no sheet (overdue), as in T3 of the example.
                if self.rng.u32(..100) < 2 {
                    continue;
                }
                if let Some((day, sheet)) = self.write_one(goal, tertial, state) {
                    batch.push((day, sheet));
                }
            }
            batch.sort_by_key(|(day, _)| *day);
            out.extend(batch.into_iter().map(|(_, sheet)| sheet));
        }
        out
    }

    /// The day of submission: mostly between cut-off and deadline, some late (RS05 warning), a few
    /// early (RS04 warning); moved to a day on which the portfolio has a holder where possible.
    fn submission_day(&mut self, tertial: Tertial, portfolio: &str) -> Option<NaiveDate> {
        let cut_off = tertial.cut_off();
        let deadline = tertial.deadline();
        let window = (deadline - cut_off).num_days();
        let day = match self.rng.u32(..100) {
            0..=5 => add_days(deadline, i64::from(self.rng.u32(1..=21))),
            6..=7 => add_days(cut_off, -i64::from(self.rng.u32(1..=5))),
            // Later in the window more often: the larger of two draws.
            _ => add_days(
                cut_off,
                self.rng.i64(1..=window).max(self.rng.i64(1..=window)),
            ),
        };
        if self.system.holder_on(portfolio, day).is_some() {
            return Some(day);
        }
        (1..=window + 21)
            .flat_map(|shift| [add_days(day, shift), add_days(day, -shift)])
            .find(|candidate| self.system.holder_on(portfolio, *candidate).is_some())
    }

    fn next_forecast(&mut self, tertial: Tertial, state: GoalState) -> Forecast {
        let roll = self.rng.u32(..100);
        if state.achieved_in.is_some() {
            return Forecast::Achieved;
        }
        if tertial.period() == Period::T3 {
            let chance = match state.last {
                Some(Forecast::OnTrack) => 85,
                Some(Forecast::AtRisk) => 50,
                Some(Forecast::Unlikely) => 20,
                _ => 70,
            };
            return if roll < chance {
                Forecast::Achieved
            } else {
                Forecast::NotAchieved
            };
        }
        // (achieved, on_track, at_risk) cumulative; the rest is unlikely.
        let (achieved, on_track, at_risk) = match state.last {
            Some(Forecast::OnTrack) => (8, 80, 95),
            Some(Forecast::AtRisk) => (10, 40, 77),
            Some(Forecast::Unlikely) => (10, 10, 40),
            _ => (3, 63, 88),
        };
        match roll {
            r if r < achieved => Forecast::Achieved,
            r if r < on_track => Forecast::OnTrack,
            r if r < at_risk => Forecast::AtRisk,
            _ => Forecast::Unlikely,
        }
    }

    fn level(&mut self, weights: [u32; 3]) -> Level {
        let roll = self.rng.u32(..weights.iter().sum::<u32>().max(1));
        if roll < weights[0] {
            Level::Low
        } else if roll < weights[0] + weights[1] {
            Level::Medium
        } else {
            Level::High
        }
    }

    fn risk(&mut self, likelihood: Level, impact: Level) -> Risk {
        Risk {
            description: pick(self.rng, &texts::RISKS)
                .copied()
                .unwrap_or_default()
                .to_string(),
            likelihood,
            impact,
        }
    }

    /// Risks that fit the forecast: none of high likelihood and impact when on track, at least one
    /// when at risk, at least one beyond low/low when unlikely.
    fn risks(&mut self, forecast: Forecast) -> Vec<Risk> {
        let count = match forecast {
            Forecast::Achieved => usize::from(self.rng.u32(..100) < 20),
            Forecast::OnTrack | Forecast::NotAchieved => self.rng.usize(0..=2),
            Forecast::AtRisk | Forecast::Unlikely => self.rng.usize(1..=3),
        };
        let mut risks = Vec::with_capacity(count);
        for i in 0..count {
            let (likelihood, impact) = match forecast {
                Forecast::Achieved => (Level::Low, self.level([70, 30, 0])),
                Forecast::OnTrack => {
                    let likelihood = self.level([50, 35, 15]);
                    let impact = if likelihood == Level::High {
                        self.level([50, 50, 0])
                    } else {
                        self.level([40, 40, 20])
                    };
                    (likelihood, impact)
                }
                Forecast::Unlikely if i == 0 => (self.level([0, 40, 60]), self.level([10, 40, 50])),
                _ => (self.level([30, 40, 30]), self.level([30, 40, 30])),
            };
            risks.push(self.risk(likelihood, impact));
        }
        risks
    }

    fn units_for_countermeasure(&mut self, goal: &Goal, count: usize) -> Vec<String> {
        let mut chosen: Vec<String> = Vec::with_capacity(count);
        let mut attempts = 0;
        while chosen.len() < count && attempts < 64 {
            attempts += 1;
            let candidate = if self.rng.bool() {
                pick(self.rng, &goal.org_units).cloned()
            } else {
                pick(self.rng, &self.system.org_units).map(|u| u.id.clone())
            };
            if let Some(unit) = candidate {
                if !chosen.contains(&unit) {
                    chosen.push(unit);
                }
            }
        }
        chosen
    }

    fn countermeasure(&mut self, goal: &Goal, units: usize) -> Countermeasure {
        Countermeasure {
            description: pick(self.rng, &texts::COUNTERMEASURES)
                .copied()
                .unwrap_or_default()
                .to_string(),
            org_units: self.units_for_countermeasure(goal, units),
        }
    }

    fn contributions(&mut self, goal: &Goal) -> Vec<Contribution> {
        let count = match self.rng.u32(..100) {
            0..=3 => 0,
            4..=38 => 1,
            39..=83 => 2,
            _ => 3,
        };
        (0..count)
            .map(|_| {
                let template = pick(self.rng, &texts::CONTRIBUTIONS)
                    .copied()
                    .unwrap_or_default();
                let text = template.replace("{n}", &self.rng.u32(2..=60).to_string());
                let org_unit = (self.rng.u32(..100) < 75)
                    .then(|| pick(self.rng, &goal.org_units).cloned())
                    .flatten();
                Contribution { text, org_unit }
            })
            .collect()
    }

    fn indicator_values(
        &mut self,
        goal: &Goal,
        tertial: Tertial,
        forecast: Forecast,
    ) -> Vec<IndicatorValue> {
        let expected = f64::from(tertial.period().number()) / 3.0;
        let progress = match forecast {
            Forecast::Achieved => 1.0 + self.rng.f64() * 0.1,
            Forecast::OnTrack => expected * (0.9 + self.rng.f64() * 0.3),
            Forecast::AtRisk => expected * (0.6 + self.rng.f64() * 0.3),
            Forecast::Unlikely | Forecast::NotAchieved => expected * (0.2 + self.rng.f64() * 0.4),
        };
        let cut_off = tertial.cut_off();
        let mut values = Vec::with_capacity(goal.indicators.len());
        for indicator in &goal.indicators {
            if self.rng.u32(..100) >= 90 {
                continue;
            }
            let as_of = if self.rng.u32(..100) < 80 {
                cut_off
            } else {
                add_days(cut_off, -i64::from(self.rng.u32(1..10)))
            };
            values.push(IndicatorValue {
                indicator: indicator.id.clone(),
                value: tenth(
                    indicator.baseline + (indicator.target - indicator.baseline) * progress,
                ),
                as_of,
            });
        }
        values
    }

    fn rationale(&mut self, forecast: Forecast) -> String {
        let class = match forecast {
            Forecast::Achieved => 0,
            Forecast::OnTrack => 1,
            Forecast::AtRisk => 2,
            Forecast::Unlikely => 3,
            Forecast::NotAchieved => 4,
        };
        let options = texts::RATIONALES.get(class).map_or(&[][..], |row| &row[..]);
        let mut text = pick(self.rng, options)
            .copied()
            .unwrap_or_default()
            .to_string();
        if self.rng.u32(..100) < 40 {
            text.push_str(
                " Die beteiligten Organisationseinheiten wurden in die Einschätzung einbezogen.",
            );
        }
        text
    }

    fn write_one(
        &mut self,
        goal: &Goal,
        tertial: Tertial,
        state: &mut GoalState,
    ) -> Option<(NaiveDate, GeneratedSheet)> {
        let system = self.system;
        let submitted_on = self.submission_day(tertial, &goal.portfolio)?;
        let (holder, _) = system.holder_on(&goal.portfolio, submitted_on)?;
        let forecast = self.next_forecast(tertial, *state);
        let risks = self.risks(forecast);
        let countermeasures = if forecast.is_at_risk() {
            let count = match self.rng.u32(..100) {
                0..=34 => 0,
                35..=84 => 1,
                _ => 2,
            };
            (0..count)
                .map(|_| {
                    let units = self.rng.usize(2..=3);
                    self.countermeasure(goal, units)
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut sheet = ReportSheet {
            schema_version: SCHEMA_VERSION.to_string(),
            authority: system.authority.clone(),
            goal: goal.id.clone(),
            tertial,
            reporting_member: holder.id.clone(),
            signed_by: None,
            submitted_on,
            contributions: self.contributions(goal),
            indicator_values: self.indicator_values(goal, tertial, forecast),
            risks,
            forecast,
            rationale: self.rationale(forecast),
            countermeasures,
        };
        let violation = if self.rng.f64() < self.violation_rate {
            self.inject(&mut sheet, goal, *state)
        } else {
            None
        };
        // The goal's history is what was reported, violations included.
        state.last = Some(sheet.forecast);
        if sheet.forecast == Forecast::Achieved
            && state.achieved_in.is_none()
            && sheet.goal == goal.id
        {
            state.achieved_in = Some(tertial);
        }
        let json = match violation {
            Some(v) if v.is_schema_level() => self.break_contract(&sheet, v),
            _ => serde_json::to_string(&sheet).unwrap_or_default(),
        };
        Some((submitted_on, GeneratedSheet { json, violation }))
    }

    /// Injects one violation that fits the sheet; `None` when none could be injected.
    fn inject(
        &mut self,
        sheet: &mut ReportSheet,
        goal: &Goal,
        state: GoalState,
    ) -> Option<Violation> {
        let early = sheet.tertial.period() != Period::T3;
        let candidates: Vec<Violation> = Violation::ALL
            .into_iter()
            .filter(|v| match v {
                Violation::RiskMissing | Violation::CountermeasureOneUnit => early,
                Violation::AchievedRevoked => state.achieved_in.is_some(),
                _ => true,
            })
            .collect();
        let violation = *pick(self.rng, &candidates)?;
        match violation {
            Violation::ForeignAuthority => {
                // The authority abbreviated, as clerks write it: it matches no target system.
                sheet.authority = sheet.authority.replacen("Bezirksamt ", "BA ", 1);
            }
            Violation::UnknownGoal => {
                sheet.goal = format!("{}99", &goal.id.get(..1).unwrap_or("A"));
            }
            Violation::WrongReporter => {
                let day = sheet.submitted_on;
                let outsider = self.system.members.iter().find(|member| {
                    !member
                        .terms
                        .iter()
                        .any(|term| term.portfolio == goal.portfolio && term.covers(day))
                })?;
                sheet.reporting_member.clone_from(&outsider.id);
            }
            // Before T3 every value is admissible (`not_achieved` with a warning, RS18): nothing to
            // inject then.
            Violation::ForecastNotAllowed if early => return None,
            Violation::ForecastNotAllowed => sheet.forecast = Forecast::OnTrack,
            Violation::RiskMissing => {
                sheet.forecast = Forecast::AtRisk;
                sheet.risks.clear();
            }
            Violation::CountermeasureWithoutRisk => {
                sheet.forecast = if early {
                    Forecast::OnTrack
                } else {
                    Forecast::Achieved
                };
                let units = self.rng.usize(2..=3);
                sheet.countermeasures = vec![self.countermeasure(goal, units)];
            }
            Violation::CountermeasureOneUnit => {
                if !sheet.forecast.is_at_risk() {
                    sheet.forecast = Forecast::AtRisk;
                    sheet.risks = self.risks(Forecast::AtRisk);
                }
                sheet.countermeasures = vec![self.countermeasure(goal, 1)];
            }
            Violation::UnknownIndicator => sheet.indicator_values.push(IndicatorValue {
                indicator: format!("{}-9", goal.id),
                value: tenth(self.rng.f64() * 100.0),
                as_of: sheet.tertial.cut_off(),
            }),
            Violation::AchievedRevoked => {
                sheet.forecast = if early {
                    Forecast::OnTrack
                } else {
                    Forecast::NotAchieved
                };
                sheet.countermeasures.clear();
                sheet
                    .risks
                    .retain(|r| !(r.likelihood == Level::High && r.impact == Level::High));
            }
            Violation::BlankRationale => sheet.rationale = " ".to_string(),
            Violation::UnknownKey
            | Violation::MissingKey
            | Violation::GermanDate
            | Violation::ForecastOffScale
            | Violation::NumberAsText => {}
        }
        Some(violation)
    }

    /// The sheet's JSON with the contract broken as `violation` says.
    fn break_contract(&mut self, sheet: &ReportSheet, violation: Violation) -> String {
        let mut value = serde_json::to_value(sheet).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            match violation {
                Violation::UnknownKey => {
                    map.insert(
                        "bemerkung".to_string(),
                        Value::from("Rücksprache mit dem Steuerungsdienst erfolgt."),
                    );
                }
                Violation::MissingKey => {
                    map.remove("rationale");
                }
                Violation::GermanDate => {
                    let day = sheet.submitted_on;
                    map.insert(
                        "submitted_on".to_string(),
                        Value::from(format!(
                            "{:02}.{:02}.{}",
                            day.day(),
                            day.month(),
                            day.year()
                        )),
                    );
                }
                Violation::ForecastOffScale => {
                    map.insert("forecast".to_string(), Value::from("gruen"));
                }
                Violation::NumberAsText => {
                    let text = format!("{},{}", self.rng.u32(..100), self.rng.u32(..10));
                    let values = map
                        .entry("indicator_values")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(items) = values {
                        match items.first_mut() {
                            Some(Value::Object(first)) => {
                                first.insert("value".to_string(), Value::from(text));
                            }
                            _ => items.push(serde_json::json!({
                                "indicator": format!("{}-1", sheet.goal),
                                "value": text,
                                "as_of": sheet.tertial.cut_off().to_string(),
                            })),
                        }
                    }
                }
                _ => {}
            }
        }
        value.to_string()
    }
}
