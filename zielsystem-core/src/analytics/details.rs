//! Flat tables of what the sheets that count say in detail: countermeasures × org units, indicator
//! values against baseline and target, risks, and punctuality per member. Each row carries the
//! authority, year, goal and tertial, so the tables of many systems stack into one.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::{Direction, Forecast, Level, Light, Perspective};
use crate::model::{GoalId, IndicatorId, MemberId, OrgUnitId, PortfolioId};

use super::attainment::{Counted, counted_sheets, days_late, indicator_attainment_percent};
use super::{count, mean};

/// One countermeasure of a sheet that counts and one org unit it needs (a countermeasure naming
/// three org units gives three rows; one naming none gives one row without org unit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Aktivität zur Gegensteuerung je Organisationseinheit")]
pub struct CountermeasureRow {
    /// The authority (Bezirksamt) of the target system.
    #[schemars(title = "Bezirksamt")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Jahr")]
    pub year: i32,
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The forecast of the sheet.
    #[schemars(title = "Risikoorientierte Einschätzung")]
    pub forecast: Forecast,
    /// The forecast's traffic light.
    #[schemars(title = "Ampel")]
    pub light: Light,
    /// The countermeasure's position on the sheet, from 1.
    #[schemars(title = "Nr. der Aktivität")]
    pub countermeasure: u32,
    /// What is proposed.
    #[schemars(title = "Aktivität zur Gegensteuerung")]
    pub description: String,
    /// One org unit whose coordination it needs.
    #[schemars(title = "Organisationseinheit")]
    pub org_unit: Option<OrgUnitId>,
    /// The org unit's name in the system; `None` when the system does not have it.
    #[schemars(title = "Name der Organisationseinheit")]
    pub org_unit_name: Option<String>,
}

/// One indicator value of a sheet that counts, against its indicator's baseline and target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kennzahlenwert")]
pub struct IndicatorRow {
    /// The authority (Bezirksamt) of the target system.
    #[schemars(title = "Bezirksamt")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Jahr")]
    pub year: i32,
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The indicator.
    #[schemars(title = "Kennzahl")]
    pub indicator: IndicatorId,
    /// The indicator's name; `None` when the goal has no such indicator.
    #[schemars(title = "Bezeichnung der Kennzahl")]
    pub name: Option<String>,
    /// The indicator's unit.
    #[schemars(title = "Einheit")]
    pub unit: Option<String>,
    /// Whether a higher or a lower value is better.
    #[schemars(title = "Zielrichtung")]
    pub direction: Option<Direction>,
    /// The indicator's baseline.
    #[schemars(title = "Ausgangswert")]
    pub baseline: Option<f64>,
    /// The indicator's target.
    #[schemars(title = "Zielwert")]
    pub target: Option<f64>,
    /// The value reported.
    #[schemars(title = "Wert")]
    pub value: f64,
    /// The day the value was measured.
    #[schemars(title = "Stand")]
    pub as_of: chrono::NaiveDate,
    /// The value's attainment in percent (see the module docs of `analytics`); `None` when undefined.
    #[schemars(title = "Zielerreichung in Prozent")]
    pub attainment_percent: Option<f64>,
}

/// One risk named on a sheet that counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Risiko")]
pub struct RiskRow {
    /// The authority (Bezirksamt) of the target system.
    #[schemars(title = "Bezirksamt")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Jahr")]
    pub year: i32,
    /// The goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// The forecast of the sheet.
    #[schemars(title = "Risikoorientierte Einschätzung")]
    pub forecast: Forecast,
    /// The risk's position on the sheet, from 1.
    #[schemars(title = "Nr. des Risikos")]
    pub risk: u32,
    /// What could go wrong.
    #[schemars(title = "Risiko")]
    pub description: String,
    /// How likely it is.
    #[schemars(title = "Eintrittswahrscheinlichkeit")]
    pub likelihood: Level,
    /// How much it would hurt the goal.
    #[schemars(title = "Auswirkung")]
    pub impact: Level,
    /// Likelihood × impact, 1–9.
    #[schemars(title = "Risikowert")]
    pub score: u32,
}

/// Punctuality of one member in one tertial: the sheets that count reported by the member, how many
/// came in by the deadline, and by how many days the late ones missed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Pünktlichkeit je Mitglied")]
pub struct PunctualityRow {
    /// The authority (Bezirksamt) of the target system.
    #[schemars(title = "Bezirksamt")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Jahr")]
    pub year: i32,
    /// The member who reported.
    #[schemars(title = "Mitglied")]
    pub member: MemberId,
    /// The member's name in the system, when it names one.
    #[schemars(title = "Name")]
    pub member_name: Option<String>,
    /// The tertial reported on.
    #[schemars(title = "Tertial")]
    pub tertial: Tertial,
    /// Sheets that count reported by the member.
    #[schemars(title = "Berichtsblätter")]
    pub sheets: u32,
    /// Of them, submitted by the deadline.
    #[schemars(title = "fristgerecht")]
    pub on_time: u32,
    /// Of them, submitted after the deadline.
    #[schemars(title = "verspätet")]
    pub late: u32,
    /// `on_time` ÷ `sheets`.
    #[schemars(title = "Anteil fristgerecht")]
    pub share_on_time: f64,
    /// The most days a sheet came in after the deadline; 0 when none was late.
    #[schemars(title = "Höchste Verspätung in Tagen")]
    pub max_days_late: u32,
    /// The mean days late over the late sheets; `None` when none was late.
    #[schemars(title = "Mittlere Verspätung in Tagen")]
    pub mean_days_late: Option<f64>,
}

/// The countermeasures × org units of the sheets that count, in the attainment table's order.
pub fn countermeasure_table(
    system: &TargetSystem,
    sheets: &[crate::ReportSheet],
) -> Vec<CountermeasureRow> {
    let mut rows = Vec::new();
    for Counted {
        tertial,
        goal,
        sheet,
    } in counted_sheets(system, sheets)
    {
        for (position, countermeasure) in sheet.countermeasures.iter().enumerate() {
            let units: Vec<Option<&OrgUnitId>> = if countermeasure.org_units.is_empty() {
                vec![None]
            } else {
                countermeasure.org_units.iter().map(Some).collect()
            };
            for unit in units {
                rows.push(CountermeasureRow {
                    authority: system.authority.clone(),
                    year: system.year,
                    goal: goal.id.clone(),
                    portfolio: goal.portfolio.clone(),
                    tertial,
                    forecast: sheet.forecast,
                    light: sheet.forecast.light(),
                    countermeasure: count(position + 1),
                    description: countermeasure.description.clone(),
                    org_unit: unit.cloned(),
                    org_unit_name: unit
                        .and_then(|id| system.org_unit(id))
                        .map(|found| found.name.clone()),
                });
            }
        }
    }
    rows
}

/// The indicator values of the sheets that count, in the attainment table's order.
pub fn indicator_table(system: &TargetSystem, sheets: &[crate::ReportSheet]) -> Vec<IndicatorRow> {
    let mut rows = Vec::new();
    for Counted {
        tertial,
        goal,
        sheet,
    } in counted_sheets(system, sheets)
    {
        for value in &sheet.indicator_values {
            let indicator = goal.indicators.iter().find(|i| i.id == value.indicator);
            rows.push(IndicatorRow {
                authority: system.authority.clone(),
                year: system.year,
                goal: goal.id.clone(),
                tertial,
                indicator: value.indicator.clone(),
                name: indicator.map(|i| i.name.clone()),
                unit: indicator.map(|i| i.unit.clone()),
                direction: indicator.map(|i| i.direction),
                baseline: indicator.map(|i| i.baseline),
                target: indicator.map(|i| i.target),
                value: value.value,
                as_of: value.as_of,
                attainment_percent: indicator
                    .and_then(|i| indicator_attainment_percent(i, value.value)),
            });
        }
    }
    rows
}

/// The risks of the sheets that count, in the attainment table's order.
pub fn risk_table(system: &TargetSystem, sheets: &[crate::ReportSheet]) -> Vec<RiskRow> {
    let mut rows = Vec::new();
    for Counted {
        tertial,
        goal,
        sheet,
    } in counted_sheets(system, sheets)
    {
        for (position, risk) in sheet.risks.iter().enumerate() {
            rows.push(RiskRow {
                authority: system.authority.clone(),
                year: system.year,
                goal: goal.id.clone(),
                perspective: goal.perspective,
                tertial,
                forecast: sheet.forecast,
                risk: count(position + 1),
                description: risk.description.clone(),
                likelihood: risk.likelihood,
                impact: risk.impact,
                score: risk.score(),
            });
        }
    }
    rows
}

/// Punctuality per member and tertial over the sheets that count, ordered by tertial and then by
/// the members' order in the system (members the system does not list last, by id).
pub fn punctuality_table(
    system: &TargetSystem,
    sheets: &[crate::ReportSheet],
) -> Vec<PunctualityRow> {
    // (tertial, member position, member) → days late of each sheet
    let mut groups: BTreeMap<(Tertial, usize, &str), Vec<u32>> = BTreeMap::new();
    for Counted { tertial, sheet, .. } in counted_sheets(system, sheets) {
        let member = sheet.reporting_member.as_str();
        let position = system
            .members
            .iter()
            .position(|m| m.id == member)
            .unwrap_or(usize::MAX);
        groups
            .entry((tertial, position, member))
            .or_default()
            .push(days_late(sheet.submitted_on, tertial.deadline()));
    }
    groups
        .into_iter()
        .map(|((tertial, _, member), days)| {
            let late: Vec<f64> = days
                .iter()
                .filter(|d| **d > 0)
                .map(|d| f64::from(*d))
                .collect();
            let sheets = count(days.len());
            let on_time = count(days.len() - late.len());
            PunctualityRow {
                authority: system.authority.clone(),
                year: system.year,
                member: member.to_string(),
                member_name: system.member(member).and_then(|m| m.name.clone()),
                tertial,
                sheets,
                on_time,
                late: count(late.len()),
                share_on_time: if sheets == 0 {
                    0.0
                } else {
                    f64::from(on_time) / f64::from(sheets)
                },
                max_days_late: days.iter().copied().max().unwrap_or(0),
                mean_days_late: mean(&late),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::analytics::attainment_table;
    use crate::model::report_sheet::ReportSheet;

    const SYSTEM: &str = include_str!("../../../examples/mitte-2022/target-system.json");

    fn example() -> (TargetSystem, Vec<ReportSheet>) {
        let system = serde_json::from_str(SYSTEM).unwrap();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mitte-2022/sheets");
        let mut paths: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .flat_map(|tertial| std::fs::read_dir(tertial.unwrap().path()).unwrap())
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        let sheets = paths
            .iter()
            .map(|path| serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap())
            .collect();
        (system, sheets)
    }

    #[test]
    fn detail_tables_agree_with_the_attainment_table() {
        let (system, sheets) = example();
        let rows = attainment_table(&system, &sheets);
        // One countermeasure row per org unit (at least one per countermeasure).
        let countermeasures = countermeasure_table(&system, &sheets);
        let expected: usize = rows
            .iter()
            .map(|row| {
                let sheet = sheets
                    .iter()
                    .rev()
                    .find(|s| s.goal == row.goal && s.tertial == row.tertial)
                    .unwrap();
                sheet
                    .countermeasures
                    .iter()
                    .map(|c| c.org_units.len().max(1))
                    .sum::<usize>()
            })
            .sum();
        assert_eq!(countermeasures.len(), expected);
        assert!(countermeasures.iter().all(|c| c.countermeasure >= 1));
        // Risks: as many as the rows count, each scored 1–9.
        let risks = risk_table(&system, &sheets);
        assert_eq!(
            risks.len(),
            rows.iter().map(|r| r.risk_count as usize).sum::<usize>()
        );
        assert!(risks.iter().all(|r| (1..=9).contains(&r.score)));
        // Indicators: named ones carry baseline and target.
        let indicators = indicator_table(&system, &sheets);
        assert!(!indicators.is_empty());
        assert!(
            indicators
                .iter()
                .all(|i| i.name.is_some() == i.baseline.is_some())
        );
        // Punctuality: every row of the attainment table in exactly one member's count.
        let punctuality = punctuality_table(&system, &sheets);
        assert_eq!(
            punctuality.iter().map(|p| p.sheets as usize).sum::<usize>(),
            rows.len()
        );
        let late = rows.iter().filter(|r| r.days_late > 0).count();
        assert_eq!(
            punctuality.iter().map(|p| p.late as usize).sum::<usize>(),
            late
        );
        for p in &punctuality {
            assert_eq!(p.on_time + p.late, p.sheets);
            assert_eq!(p.mean_days_late.is_some(), p.late > 0);
        }
    }
}
