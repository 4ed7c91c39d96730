//! Summaries of the attainment table by authority, year, tertial, perspective and portfolio.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::PortfolioId;
use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::{Forecast, Light, Perspective};

use super::attainment::AttainmentRow;
use super::{count, mean};

/// A dimension the attainment table can be summarised by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// By authority (across a corpus of many authorities).
    Authority,
    /// By year (across a corpus of many years).
    Year,
    /// By the goals' perspective.
    Perspective,
    /// By the goals' portfolio.
    Portfolio,
    /// By tertial.
    Tertial,
}

impl Dimension {
    /// Every dimension.
    pub const ALL: [Dimension; 5] = [
        Dimension::Authority,
        Dimension::Year,
        Dimension::Perspective,
        Dimension::Portfolio,
        Dimension::Tertial,
    ];

    /// The name, as used in JSON and in the Python API.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Authority => "authority",
            Dimension::Year => "year",
            Dimension::Perspective => "perspective",
            Dimension::Portfolio => "portfolio",
            Dimension::Tertial => "tertial",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a text is not a [`Dimension`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "„{0}“ ist keine Auswertungsdimension (erlaubt: authority, year, perspective, portfolio, tertial) / is not a dimension (allowed: authority, year, perspective, portfolio, tertial)"
)]
pub struct DimensionParseError(pub String);

impl FromStr for Dimension {
    type Err = DimensionParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Dimension::ALL
            .into_iter()
            .find(|dimension| dimension.as_str() == text)
            .ok_or_else(|| DimensionParseError(text.chars().take(40).collect()))
    }
}

/// One group of a summary: counts per light and forecast, the share at risk and the mean indicator
/// attainment. Only the dimensions summarised by are set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zusammenfassung")]
pub struct Summary {
    // Dimensions in the order groups are sorted by (and columns shown in): authority, year,
    // tertial, perspective, portfolio.
    /// The authority of the group, when summarised by authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Behörde")]
    pub authority: Option<String>,
    /// The year of the group, when summarised by year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Jahr")]
    pub year: Option<i32>,
    /// The tertial of the group, when summarised by tertial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Tertial")]
    pub tertial: Option<Tertial>,
    /// The perspective of the group, when summarised by perspective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Perspektive")]
    pub perspective: Option<Perspective>,
    /// The portfolio of the group, when summarised by portfolio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: Option<PortfolioId>,
    /// Rows (sheets that count) in the group.
    #[schemars(title = "Berichtsblätter")]
    pub sheets: u32,
    /// Rows with a green light.
    #[schemars(title = "grün")]
    pub green: u32,
    /// Rows with a yellow light.
    #[schemars(title = "gelb")]
    pub yellow: u32,
    /// Rows with a red light.
    #[schemars(title = "rot")]
    pub red: u32,
    /// Rows with forecast `achieved`.
    #[schemars(title = "Ziel erreicht")]
    pub achieved: u32,
    /// Rows with forecast `on_track`.
    #[schemars(title = "Zielerreichung nicht gefährdet")]
    pub on_track: u32,
    /// Rows with forecast `at_risk`.
    #[schemars(title = "Zielerreichung gefährdet")]
    pub at_risk: u32,
    /// Rows with forecast `unlikely`.
    #[schemars(title = "Zielerreichung unwahrscheinlich")]
    pub unlikely: u32,
    /// Rows with forecast `not_achieved`.
    #[schemars(title = "Ziel nicht erreicht")]
    pub not_achieved: u32,
    /// (`at_risk` + `unlikely`) ÷ rows: the share of goals whose attainment is at risk (docs/procedure.md, forecast scale).
    /// In T3 it is 0 by construction: a T3 sheet states the result (`achieved` / `not_achieved`;
    /// RS06 refuses the other forecasts there), so read `not_achieved` for T3.
    #[schemars(title = "Anteil gefährdeter Ziele")]
    pub share_at_risk: f64,
    /// The mean of the rows' indicator attainment where defined; `None` when no row has one.
    #[schemars(title = "Mittlere Zielerreichung der Kennzahlen in Prozent")]
    pub mean_indicator_attainment_percent: Option<f64>,
}

/// Groups key: position of the portfolio in its system (unknown ones last, by id) keeps the order.
type GroupKey = (
    Option<String>,
    Option<i32>,
    Option<Tertial>,
    Option<Perspective>,
    Option<(usize, PortfolioId)>,
);

/// Summarises `rows` by the given dimensions (none: one group of everything), groups ordered by
/// authority, year, tertial, perspective and portfolio (in the system's order).
pub fn summary_by(system: &TargetSystem, rows: &[AttainmentRow], by: &[Dimension]) -> Vec<Summary> {
    summarise(rows, by, |row| portfolio_position(system, &row.portfolio))
}

/// Where `portfolio` stands among the system's portfolios; unknown ones after every known one.
pub(super) fn portfolio_position(system: &TargetSystem, portfolio: &PortfolioId) -> usize {
    system
        .portfolios
        .iter()
        .position(|candidate| &candidate.id == portfolio)
        .unwrap_or(usize::MAX)
}

/// Groups `rows` by `by` and counts each group; `position` orders a row's portfolio (its system
/// knows the order, and across a corpus every row has its own system).
pub(super) fn summarise(
    rows: &[AttainmentRow],
    by: &[Dimension],
    position: impl Fn(&AttainmentRow) -> usize,
) -> Vec<Summary> {
    let mut groups: BTreeMap<GroupKey, Vec<&AttainmentRow>> = BTreeMap::new();
    for row in rows {
        let key: GroupKey = (
            by.contains(&Dimension::Authority)
                .then(|| row.authority.clone()),
            by.contains(&Dimension::Year).then_some(row.year),
            by.contains(&Dimension::Tertial).then_some(row.tertial),
            by.contains(&Dimension::Perspective)
                .then_some(row.perspective),
            by.contains(&Dimension::Portfolio)
                .then(|| (position(row), row.portfolio.clone())),
        );
        groups.entry(key).or_default().push(row);
    }
    groups
        .into_iter()
        .map(
            |((authority, year, tertial, perspective, portfolio), members)| {
                let with_light =
                    |light: Light| count(members.iter().filter(|r| r.light == light).count());
                let with_forecast = |forecast: Forecast| {
                    count(members.iter().filter(|r| r.forecast == forecast).count())
                };
                let sheets = count(members.len());
                let at_risk = with_forecast(Forecast::AtRisk);
                let unlikely = with_forecast(Forecast::Unlikely);
                let percents: Vec<f64> = members
                    .iter()
                    .filter_map(|r| r.indicator_attainment_percent)
                    .collect();
                Summary {
                    authority,
                    year,
                    perspective,
                    portfolio: portfolio.map(|(_, id)| id),
                    tertial,
                    sheets,
                    green: with_light(Light::Green),
                    yellow: with_light(Light::Yellow),
                    red: with_light(Light::Red),
                    achieved: with_forecast(Forecast::Achieved),
                    on_track: with_forecast(Forecast::OnTrack),
                    at_risk,
                    unlikely,
                    not_achieved: with_forecast(Forecast::NotAchieved),
                    share_at_risk: if sheets == 0 {
                        0.0
                    } else {
                        f64::from(at_risk + unlikely) / f64::from(sheets)
                    },
                    mean_indicator_attainment_percent: mean(&percents),
                }
            },
        )
        .collect()
}
