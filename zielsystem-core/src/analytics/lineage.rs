//! Goals across years: the lineage of each goal through its predecessors, and the transitions and
//! year-end results of goals followed from one year into another.
//!
//! Goal ids are stable only within a year; a goal names where it comes from in its origin
//! (`"2021/A03"`, see [`Origin`](crate::model::target_system::Origin)). The lineage resolves those
//! names over any number of years: each goal gets the root of its chain (the earliest goal reached,
//! its *lineage id*) and its generation (0 for a goal without a predecessor in the systems given).
//!
//! Only references to an *earlier* year are followed; one to the same or a later year is reported
//! (it is also a TS08 error) and not followed, so no chain can loop. A reference to a year for
//! which no system is given ends the chain there: the reference itself is the root, as far as the
//! systems given can tell. A reference to a year whose system is given but lacks the goal is
//! reported as dangling.

use std::collections::{BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::target_system::{Goal, OriginKind, TargetSystem, parse_predecessor};
use crate::model::vocabulary::{Forecast, Light, Perspective};
use crate::model::{GoalId, PortfolioId};

use super::attainment::{AttainmentRow, attainment_table};
use super::transitions::{AnalyticsError, Transitions, matrix};
use crate::model::report_sheet::ReportSheet;

/// One goal of one year in the lineage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zeile der Zielfortschreibung")]
pub struct LineageRow {
    /// The authority.
    #[schemars(title = "Behörde")]
    pub authority: String,
    /// The year of the target system.
    #[schemars(title = "Kalenderjahr")]
    pub year: i32,
    /// The goal's id in that year.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The goal's title.
    #[schemars(title = "Titel")]
    pub title: String,
    /// The goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The goal's portfolio.
    #[schemars(title = "Geschäftsbereich")]
    pub portfolio: PortfolioId,
    /// How the goal relates to earlier goals.
    #[schemars(title = "Art der Herkunft")]
    pub kind: OriginKind,
    /// The predecessors named, `"<year>/<goal id>"`, as written.
    #[schemars(title = "Vorgängerziele")]
    pub predecessors: Vec<String>,
    /// The lineage id: the root `"<year>/<goal id>"` reached through the first predecessor (the
    /// goal itself when it has none).
    #[schemars(title = "Kennung der Zielfolge")]
    pub lineage: String,
    /// Every root reached through any predecessor (more than one where goals were merged).
    #[schemars(title = "Alle Ursprungsziele")]
    pub roots: Vec<String>,
    /// 0 for a root; otherwise one more than the highest generation of its predecessors (a
    /// predecessor outside the systems given counts as generation 0).
    #[schemars(title = "Generation")]
    pub generation: u32,
}

/// Why a reference of the lineage could not be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Art des Problems der Zielfortschreibung")]
pub enum LineageProblemKind {
    /// Not of the form `"<year>/<goal id>"`.
    #[schemars(title = "fehlerhafte Angabe")]
    Malformed,
    /// Of the goal's own year or a later one (not followed: it could close a loop).
    #[schemars(title = "kein früheres Jahr")]
    NotEarlier,
    /// The system of its year is given, but has no goal of that id.
    #[schemars(title = "unbekanntes Vorgängerziel")]
    Dangling,
    /// A second system of the same authority and year (left out of the lineage).
    #[schemars(title = "doppeltes Zielsystem")]
    DuplicateSystem,
}

/// A reference the lineage could not follow, with a German and an English message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Problem der Zielfortschreibung")]
pub struct LineageProblem {
    /// What is wrong.
    #[schemars(title = "Art")]
    pub kind: LineageProblemKind,
    /// The authority.
    #[schemars(title = "Behörde")]
    pub authority: String,
    /// The year of the goal (or of the repeated system).
    #[schemars(title = "Kalenderjahr")]
    pub year: i32,
    /// The goal naming the reference; empty for a repeated system.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The reference as written; empty for a repeated system.
    #[schemars(title = "Vorgängerziel")]
    pub predecessor: String,
    /// The message in German.
    #[schemars(title = "Meldung")]
    pub message: String,
    /// The message in English.
    #[schemars(title = "Meldung (englisch)")]
    pub message_en: String,
}

/// The lineage of the goals of several target systems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Zielfortschreibung")]
pub struct Lineage {
    /// One row per goal and year: by authority (in the order first given), year, then goal order.
    #[schemars(title = "Ziele")]
    pub rows: Vec<LineageRow>,
    /// The references that could not be followed, in the order of the rows.
    #[schemars(title = "Probleme")]
    pub problems: Vec<LineageProblem>,
}

type Key<'a> = (&'a str, i32, &'a str);

/// The systems by authority (in the order first given) and year; a second system of one authority
/// and year is reported and left out.
fn ordered<'a>(
    systems: &'a [TargetSystem],
    problems: &mut Vec<LineageProblem>,
) -> Vec<&'a TargetSystem> {
    let mut authorities: Vec<&str> = Vec::new();
    for system in systems {
        if !authorities.contains(&system.authority.as_str()) {
            authorities.push(&system.authority);
        }
    }
    let mut ordered: Vec<&TargetSystem> = Vec::new();
    for authority in &authorities {
        let mut of_authority: Vec<&TargetSystem> = systems
            .iter()
            .filter(|system| system.authority == *authority)
            .collect();
        of_authority.sort_by_key(|system| system.year); // stable: the first given of a year stays
        let mut years = BTreeSet::new();
        for system in of_authority {
            if years.insert(system.year) {
                ordered.push(system);
            } else {
                problems.push(problem(
                    LineageProblemKind::DuplicateSystem,
                    system,
                    "",
                    "",
                    format!(
                        "Für {} und {} ist mehr als ein Zielsystem angegeben; nur das erste zählt.",
                        system.authority, system.year
                    ),
                    format!(
                        "More than one target system is given for {} and {}; only the first counts.",
                        system.authority, system.year
                    ),
                ));
            }
        }
    }
    ordered
}

/// The lineage of every goal of `systems` (any authorities, any years, any order).
pub fn lineage(systems: &[TargetSystem]) -> Lineage {
    let mut out = Lineage::default();
    let ordered = ordered(systems, &mut out.problems);
    let given_years: BTreeSet<(&str, i32)> = ordered
        .iter()
        .map(|system| (system.authority.as_str(), system.year))
        .collect();
    // Earlier years come first, so every predecessor followed is resolved already.
    let mut resolved: HashMap<Key<'_>, usize> = HashMap::new();
    for system in ordered {
        for goal in &system.goals {
            let mut roots: Vec<String> = Vec::new();
            let mut generation = 0;
            for reference in goal.origin.named_predecessors() {
                let trouble = |kind, de: String, en: String| {
                    problem(kind, system, &goal.id, reference, de, en)
                };
                let Some((year, id)) = parse_predecessor(reference) else {
                    out.problems.push(trouble(
                        LineageProblemKind::Malformed,
                        format!(
                            "Ziel {}/{}: „{reference}“ ist keine Angabe der Form Jahr/Kennung.",
                            system.year, goal.id
                        ),
                        format!(
                            "Goal {}/{}: \"{reference}\" is not of the form <year>/<id>.",
                            system.year, goal.id
                        ),
                    ));
                    continue;
                };
                if year >= system.year {
                    out.problems.push(trouble(
                        LineageProblemKind::NotEarlier,
                        format!(
                            "Ziel {}/{}: das Vorgängerziel „{reference}“ stammt nicht aus einem früheren Jahr; es wird nicht verfolgt.",
                            system.year, goal.id
                        ),
                        format!(
                            "Goal {}/{}: predecessor \"{reference}\" is not from an earlier year; it is not followed.",
                            system.year, goal.id
                        ),
                    ));
                    continue;
                }
                let found = resolved
                    .get(&(system.authority.as_str(), year, id))
                    .and_then(|&index| out.rows.get(index));
                match found {
                    Some(row) => {
                        generation = generation.max(row.generation.saturating_add(1));
                        for root in &row.roots {
                            if !roots.contains(root) {
                                roots.push(root.clone());
                            }
                        }
                    }
                    None if given_years.contains(&(system.authority.as_str(), year)) => {
                        out.problems.push(trouble(
                            LineageProblemKind::Dangling,
                            format!(
                                "Ziel {}/{}: das Vorgängerziel „{reference}“ existiert im Zielsystem {year} nicht.",
                                system.year, goal.id
                            ),
                            format!(
                                "Goal {}/{}: predecessor \"{reference}\" does not exist in the {year} target system.",
                                system.year, goal.id
                            ),
                        ));
                    }
                    None => {
                        // Outside the systems given: the reference is as far back as can be seen.
                        generation = generation.max(1);
                        if !roots.iter().any(|root| root == reference) {
                            roots.push(reference.to_string());
                        }
                    }
                }
            }
            if roots.is_empty() {
                roots.push(format!("{}/{}", system.year, goal.id));
            }
            resolved
                .entry((system.authority.as_str(), system.year, goal.id.as_str()))
                .or_insert(out.rows.len());
            out.rows.push(row_of(system, goal, roots, generation));
        }
    }
    out
}

fn row_of(system: &TargetSystem, goal: &Goal, roots: Vec<String>, generation: u32) -> LineageRow {
    LineageRow {
        authority: system.authority.clone(),
        year: system.year,
        goal: goal.id.clone(),
        title: goal.title.clone(),
        perspective: goal.perspective,
        portfolio: goal.portfolio.clone(),
        kind: goal.origin.kind,
        predecessors: goal
            .origin
            .named_predecessors()
            .map(str::to_string)
            .collect(),
        lineage: roots.first().cloned().unwrap_or_default(),
        roots,
        generation,
    }
}

fn problem(
    kind: LineageProblemKind,
    system: &TargetSystem,
    goal: &str,
    predecessor: &str,
    message: String,
    message_en: String,
) -> LineageProblem {
    LineageProblem {
        kind,
        authority: system.authority.clone(),
        year: system.year,
        goal: goal.to_string(),
        predecessor: predecessor.to_string(),
        message,
        message_en,
    }
}

impl Lineage {
    /// The authorities of the rows, in order.
    pub fn authorities(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for row in &self.rows {
            if !out.contains(&row.authority.as_str()) {
                out.push(&row.authority);
            }
        }
        out
    }

    /// The row of `goal` of `authority` in `year`.
    pub fn row(&self, authority: &str, year: i32, goal: &str) -> Option<&LineageRow> {
        self.rows
            .iter()
            .find(|row| row.year == year && row.goal == goal && row.authority == authority)
    }

    /// The goals of `at_year` that `goal` of `year` descends from, in the order reached (`goal`
    /// itself when `at_year == year`; empty when the chain does not reach that year, e.g. a new
    /// goal, or one whose chain skips it).
    pub fn ancestors_in(
        &self,
        authority: &str,
        year: i32,
        goal: &str,
        at_year: i32,
    ) -> Vec<GoalId> {
        let mut found: Vec<GoalId> = Vec::new();
        let mut frontier: Vec<(i32, String)> = vec![(year, goal.to_string())];
        // Each step goes to a strictly earlier year, so this ends after at most `year - at_year`
        // rounds.
        while let Some((y, id)) = frontier.pop() {
            if y == at_year {
                if !found.contains(&id) {
                    found.push(id);
                }
                continue;
            }
            if y < at_year {
                continue;
            }
            let Some(row) = self.row(authority, y, &id) else {
                continue;
            };
            for reference in row.predecessors.iter().rev() {
                if let Some((earlier, earlier_id)) = parse_predecessor(reference) {
                    if earlier < y {
                        frontier.push((earlier, earlier_id.to_string()));
                    }
                }
            }
        }
        found
    }

    /// The (earlier goal, later goal) pairs linking the goals of `authority` from `from_year` to
    /// `to_year`, in the later year's goal order (a split's predecessor appears once per successor,
    /// a merged goal once per predecessor).
    fn pairs(&self, authority: &str, from_year: i32, to_year: i32) -> Vec<(GoalId, GoalId)> {
        self.rows
            .iter()
            .filter(|row| row.authority == authority && row.year == to_year)
            .flat_map(|row| {
                self.ancestors_in(authority, to_year, &row.goal, from_year)
                    .into_iter()
                    .map(|earlier| (earlier, row.goal.clone()))
            })
            .collect()
    }
}

/// The attainment tables of every system of `authority` (the first given of each year, as in the
/// lineage) concatenated: the `rows` argument of [`transitions_across`] and [`results_across`].
pub fn attainment_across(
    systems: &[TargetSystem],
    authority: &str,
    sheets: &[ReportSheet],
) -> Vec<AttainmentRow> {
    let mut years = BTreeSet::new();
    systems
        .iter()
        .filter(|system| system.authority == authority && years.insert(system.year))
        .flat_map(|system| attainment_table(system, sheets))
        .collect()
}

/// The light → light transitions of the goals of `authority` from tertial `from` to the later
/// tertial `to`, of any years: each goal of `to`'s year is paired with the goals of `from`'s year
/// it descends from (itself within one year). `rows` are the attainment tables of the years
/// concatenated (their tertials tell the years apart). The goals of the cells are the later goals.
/// Goals without an ancestor in `from`'s year (new ones) are left out.
pub fn transitions_across(
    lineage: &Lineage,
    authority: &str,
    rows: &[AttainmentRow],
    from: Tertial,
    to: Tertial,
) -> Result<Transitions, AnalyticsError> {
    if to < from {
        return Err(AnalyticsError::TertialsOutOfOrder { from, to });
    }
    for tertial in [from, to] {
        let year = tertial.year();
        if !lineage
            .rows
            .iter()
            .any(|row| row.authority == authority && row.year == year)
        {
            return Err(AnalyticsError::YearNotInLineage {
                tertial,
                authority: authority.to_string(),
            });
        }
    }
    let light = |tertial: Tertial, goal: &str| -> Option<Light> {
        rows.iter()
            .find(|row| row.tertial == tertial && row.goal == goal)
            .map(|row| row.light)
    };
    let pairs: Vec<(GoalId, Option<Light>, Option<Light>)> = lineage
        .pairs(authority, from.year(), to.year())
        .into_iter()
        .map(|(earlier, later)| {
            let before = light(from, &earlier);
            let after = light(to, &later);
            (later, before, after)
        })
        .collect();
    Ok(matrix(from, to, &pairs))
}

/// How a goal's year-end result compares with its predecessor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Veränderung des Jahresergebnisses")]
pub enum ResultChange {
    /// Not achieved before, achieved now.
    #[schemars(title = "verbessert")]
    Improved,
    /// Achieved before, not achieved now.
    #[schemars(title = "verschlechtert")]
    Worsened,
    /// The same result in both years.
    #[schemars(title = "unverändert")]
    Same,
    /// A result is missing in one of the years (no T3 sheet, or a T3 forecast other than
    /// `achieved` / `not_achieved`).
    #[schemars(title = "nicht bewertbar")]
    Unresolved,
}

/// A goal's year-end result against its predecessor's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Jahresergebnis gegenüber dem Vorgängerziel")]
pub struct ResultAcrossRow {
    /// The later goal's perspective.
    #[schemars(title = "Perspektive")]
    pub perspective: Perspective,
    /// The later year.
    #[schemars(title = "Kalenderjahr")]
    pub year: i32,
    /// The later goal.
    #[schemars(title = "Ziel")]
    pub goal: GoalId,
    /// The earlier goal it descends from, `"<year>/<goal id>"`.
    #[schemars(title = "Vorgängerziel")]
    pub predecessor: String,
    /// The predecessor's year-end result (its T3 forecast), where there is a T3 sheet.
    #[schemars(title = "Ergebnis des Vorgängerziels")]
    pub predecessor_result: Option<Forecast>,
    /// The goal's year-end result (its T3 forecast), where there is a T3 sheet.
    #[schemars(title = "Ergebnis")]
    pub result: Option<Forecast>,
    /// How the result changed.
    #[schemars(title = "Veränderung")]
    pub change: ResultChange,
}

/// The year-end result of every goal of `authority` in `to_year` that descends from a goal of
/// `from_year`, against that goal's result: one row per (predecessor, goal) pair, in the later
/// year's goal order. `rows` as for [`transitions_across`]. The year-end result is the T3 forecast
/// (as in [`forecast_accuracy`](super::forecast_accuracy)): `achieved` or `not_achieved`.
pub fn results_across(
    lineage: &Lineage,
    authority: &str,
    rows: &[AttainmentRow],
    from_year: i32,
    to_year: i32,
) -> Vec<ResultAcrossRow> {
    let year_end = |year: i32, goal: &str| -> Option<Forecast> {
        let [_, _, t3] = Tertial::of_year(year).ok()?;
        rows.iter()
            .find(|row| row.tertial == t3 && row.goal == goal)
            .map(|row| row.forecast)
    };
    let achieved = |forecast: Option<Forecast>| match forecast {
        Some(Forecast::Achieved) => Some(true),
        Some(Forecast::NotAchieved) => Some(false),
        _ => None,
    };
    lineage
        .pairs(authority, from_year, to_year)
        .into_iter()
        .filter_map(|(earlier, later)| {
            let row = lineage.row(authority, to_year, &later)?;
            let predecessor_result = year_end(from_year, &earlier);
            let result = year_end(to_year, &later);
            let change = match (achieved(predecessor_result), achieved(result)) {
                (Some(false), Some(true)) => ResultChange::Improved,
                (Some(true), Some(false)) => ResultChange::Worsened,
                (Some(_), Some(_)) => ResultChange::Same,
                _ => ResultChange::Unresolved,
            };
            Some(ResultAcrossRow {
                perspective: row.perspective,
                year: to_year,
                goal: later,
                predecessor: format!("{from_year}/{earlier}"),
                predecessor_result,
                result,
                change,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::carry_over::next_year;

    fn system(text: &str) -> TargetSystem {
        serde_json::from_str(text).unwrap()
    }

    /// 2021 (A03, V02), 2022 (A01 ← 2021/A03, A02, V01 new, V02 ← 2021/V02) and the 2023 draft
    /// carried over from 2022 (every goal continued).
    fn three_years() -> Vec<TargetSystem> {
        let y2021 = system(include_str!(
            "../../../tests/fixtures/rules-system-2021.json"
        ));
        let y2022 = system(include_str!(
            "../../../tests/fixtures/rules-system-2022.json"
        ));
        let y2023 = next_year(&y2022, None).unwrap().draft;
        // Given in any order.
        vec![y2023, y2021, y2022]
    }

    #[test]
    fn chains_resolve_over_three_years() {
        let lineage = lineage(&three_years());
        assert!(lineage.problems.is_empty(), "{:#?}", lineage.problems);
        let years: Vec<i32> = lineage.rows.iter().map(|row| row.year).collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]));
        let row = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "A01")
            .unwrap();
        assert_eq!(row.lineage, "2021/A03");
        assert_eq!(row.generation, 2);
        assert_eq!(row.predecessors, ["2022/A01"]);
        let new_in_2022 = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "A02")
            .unwrap();
        assert_eq!(
            (new_in_2022.lineage.as_str(), new_in_2022.generation),
            ("2022/A02", 1)
        );
        let root = lineage
            .row("Bezirksamt Mitte von Berlin", 2021, "A03")
            .unwrap();
        assert_eq!((root.lineage.as_str(), root.generation), ("2021/A03", 0));
        assert_eq!(
            lineage.ancestors_in("Bezirksamt Mitte von Berlin", 2023, "A01", 2021),
            ["A03"]
        );
        assert!(
            lineage
                .ancestors_in("Bezirksamt Mitte von Berlin", 2023, "A02", 2021)
                .is_empty()
        );
    }

    #[test]
    fn splits_and_merges_keep_every_root() {
        let mut systems = three_years();
        let y2023 = &mut systems[0];
        y2023.goals[0].origin.kind = OriginKind::Split; // A01 ← 2022/A01
        y2023.goals[1].origin = Origin::continued("2022/A01".into());
        y2023.goals[1].origin.kind = OriginKind::Split; // A02 ← 2022/A01 too
        y2023.goals[3].origin.kind = OriginKind::Merged; // V02 ← 2022/V02 + 2022/V01
        y2023.goals[3].origin.predecessors = vec!["2022/V02".into(), "2022/V01".into()];
        y2023.goals[3].origin.predecessor = None;
        let lineage = lineage(&systems);
        assert!(lineage.problems.is_empty(), "{:#?}", lineage.problems);
        let merged = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "V02")
            .unwrap();
        assert_eq!(merged.roots, ["2021/V02", "2022/V01"]);
        assert_eq!(merged.lineage, "2021/V02");
        assert_eq!(merged.generation, 2);
        let a02 = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "A02")
            .unwrap();
        assert_eq!(a02.lineage, "2021/A03");
        assert_eq!(
            lineage.ancestors_in("Bezirksamt Mitte von Berlin", 2023, "V02", 2022),
            ["V02", "V01"]
        );
    }

    use crate::model::target_system::Origin;

    #[test]
    fn bad_references_are_reported_not_followed() {
        let mut systems = three_years();
        systems[0].goals[0].origin.predecessor = Some("2022/X99".into()); // dangling
        systems[0].goals[1].origin = Origin::continued("2023/A01".into()); // same year
        systems[0].goals[2].origin = Origin::continued("2023/A02".into()); // would loop back
        systems[0].goals[3].origin = Origin::continued("22/V02".into()); // malformed
        let mut again = systems[1].clone();
        again.mission_statement = "zweite Fassung".into();
        systems.push(again); // a second 2021
        let lineage = lineage(&systems);
        let kinds: Vec<(LineageProblemKind, &str)> = lineage
            .problems
            .iter()
            .map(|p| (p.kind, p.predecessor.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (LineageProblemKind::DuplicateSystem, ""),
                (LineageProblemKind::Dangling, "2022/X99"),
                (LineageProblemKind::NotEarlier, "2023/A01"),
                (LineageProblemKind::NotEarlier, "2023/A02"),
                (LineageProblemKind::Malformed, "22/V02"),
            ]
        );
        // Every goal still has its row; the unfollowed ones are their own roots.
        assert_eq!(lineage.rows.len(), 2 + 4 + 4);
        let a02 = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "A02")
            .unwrap();
        assert_eq!((a02.lineage.as_str(), a02.generation), ("2023/A02", 0));
        assert!(
            lineage
                .problems
                .iter()
                .all(|p| !p.message.is_empty() && !p.message_en.is_empty())
        );
    }

    #[test]
    fn a_predecessor_outside_the_systems_given_is_the_root() {
        let systems = three_years();
        let lineage = lineage(&systems[..1]); // only 2023
        let row = lineage
            .row("Bezirksamt Mitte von Berlin", 2023, "A01")
            .unwrap();
        assert_eq!((row.lineage.as_str(), row.generation), ("2022/A01", 1));
        assert!(lineage.problems.is_empty());
    }

    fn row(goal: &str, tertial: &str, forecast: Forecast) -> AttainmentRow {
        let tertial: Tertial = tertial.parse().unwrap();
        AttainmentRow {
            authority: "Bezirksamt Mitte von Berlin".into(),
            year: tertial.year(),
            goal: goal.into(),
            title: format!("Ziel {goal}"),
            perspective: Perspective::MandateTargetGroups,
            portfolio: "I".into(),
            member: "m-bzbm".into(),
            tertial,
            submitted_on: tertial.deadline(),
            deadline: tertial.deadline(),
            days_late: 0,
            reporting_status: crate::model::tertial_report::ReportingStatus::SubmittedOnTime,
            forecast,
            light: forecast.light(),
            risk_count: 0,
            highest_risk_score: 0,
            countermeasure_count: 0,
            indicator_attainment_percent: None,
        }
    }

    #[test]
    fn transitions_and_results_follow_goals_across_years() {
        let lineage = lineage(&three_years());
        let authority = "Bezirksamt Mitte von Berlin";
        let rows = [
            row("A03", "2021-T3", Forecast::NotAchieved),
            row("V02", "2021-T3", Forecast::Achieved),
            row("A01", "2023-T3", Forecast::Achieved),
            row("V02", "2023-T3", Forecast::NotAchieved),
            row("A02", "2023-T3", Forecast::Achieved),
        ];
        let t = |code: &str| code.parse::<Tertial>().unwrap();
        let across =
            transitions_across(&lineage, authority, &rows, t("2021-T3"), t("2023-T3")).unwrap();
        // Two goals of 2023 descend from 2021 goals: A01 (red → green), V02 (green → red).
        assert_eq!(
            (across.improved, across.worsened, across.unchanged),
            (1, 1, 0)
        );
        let cell = |from, to| {
            across
                .cells
                .iter()
                .find(|c| c.from_light == from && c.to_light == to)
                .unwrap()
        };
        assert_eq!(cell(Some(Light::Red), Some(Light::Green)).goals, ["A01"]);
        assert_eq!(cell(Some(Light::Green), Some(Light::Red)).goals, ["V02"]);
        let results = results_across(&lineage, authority, &rows, 2021, 2023);
        let changes: Vec<(&str, &str, ResultChange)> = results
            .iter()
            .map(|r| (r.goal.as_str(), r.predecessor.as_str(), r.change))
            .collect();
        assert_eq!(
            changes,
            [
                ("A01", "2021/A03", ResultChange::Improved),
                ("V02", "2021/V02", ResultChange::Worsened),
            ]
        );
        // Within one year every goal is its own ancestor.
        let within =
            transitions_across(&lineage, authority, &rows, t("2023-T1"), t("2023-T3")).unwrap();
        assert_eq!(within.cells.iter().map(|c| c.count).sum::<u32>(), 4);
        assert!(matches!(
            transitions_across(&lineage, authority, &rows, t("2023-T1"), t("2022-T1")),
            Err(AnalyticsError::TertialsOutOfOrder { .. })
        ));
        assert!(matches!(
            transitions_across(&lineage, authority, &rows, t("2019-T1"), t("2022-T1")),
            Err(AnalyticsError::YearNotInLineage { .. })
        ));
    }
}
