//! Many authorities and years at once: target systems and report sheets of many Bezirksämter,
//! decoded, checked and grouped by (authority, year), with every document that could not be placed
//! listed with its reason — nothing vanishes without a count.
//!
//! The input is raw bytes with a name for each document (a file, or a file and line of JSON
//! Lines); reading them is the caller's business, so this stays pure. Sheets are checked against
//! the system of their authority and year exactly as `validate-stream` checks them (RS01–RS18,
//! RS13 with the earlier sheets of the same system in input order); systems as TS01–TS11, TS08
//! against the same authority's previous year when it is in the corpus.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Tertial;
use crate::document::{Decode, Document};
use crate::findings::ValidationResult;
use crate::model::report_sheet::ReportSheet;
use crate::model::target_system::TargetSystem;
use crate::stream::{self, History};

use super::summary::{portfolio_position, summarise};
use super::{
    AttainmentRow, CountermeasureRow, Dimension, IndicatorRow, PunctualityRow, RiskRow, Summary,
    attainment_table, countermeasure_table, indicator_table, punctuality_table, risk_table,
};

/// One document to load: where it comes from and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Where the document comes from, as the list of problems names it (`sheets.jsonl:17`,
    /// `sheets/2022-T1/A01.json`).
    pub source: &'a str,
    /// The document's JSON.
    pub bytes: &'a [u8],
}

/// Why a document is listed among a corpus' problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Not a document of its kind (schema-level findings); not placed.
    NotADocument,
    /// A second target system of the same authority and year; not placed (the first one counts).
    DuplicateSystem,
    /// A sheet whose authority and year have no target system in the corpus; not placed.
    NoSystem,
    /// A sheet on a goal its system does not have; not placed.
    UnknownGoal,
    /// A document with error findings: placed, unless only valid sheets are wanted.
    Invalid,
}

impl Reason {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NotADocument => "not_a_document",
            Reason::DuplicateSystem => "duplicate_system",
            Reason::NoSystem => "no_system",
            Reason::UnknownGoal => "unknown_goal",
            Reason::Invalid => "invalid",
        }
    }

    /// The German description.
    pub fn label_de(self) -> &'static str {
        match self {
            Reason::NotADocument => "kein Dokument seiner Art",
            Reason::DuplicateSystem => "weiteres Zielsystem derselben Behörde und desselben Jahres",
            Reason::NoSystem => "kein Zielsystem für Behörde und Jahr",
            Reason::UnknownGoal => "Ziel nicht im Zielsystem",
            Reason::Invalid => "Befunde der Schwere Fehler",
        }
    }
}

/// A document of the corpus that was not placed or has error findings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// Where it comes from.
    pub source: String,
    /// Whether it is a target system (`true`) or a report sheet.
    pub is_system: bool,
    /// Why it is listed.
    pub reason: Reason,
    /// Whether it was placed (its rows are in the tables).
    pub placed: bool,
    /// Its authority, when it decoded.
    pub authority: Option<String>,
    /// Its year, when it decoded.
    pub year: Option<i32>,
    /// Its goal (sheets), when it decoded.
    pub goal: Option<String>,
    /// Its tertial (sheets), when it decoded.
    pub tertial: Option<Tertial>,
    /// The codes of its error findings, each once, in order of first appearance.
    pub codes: Vec<String>,
}

/// The target system of one authority and year with its sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The target system.
    pub system: TargetSystem,
    /// Whether the system has no error finding.
    pub system_valid: bool,
    /// The sheets placed with it, in input order.
    pub sheets: Vec<ReportSheet>,
    /// Of them, the ones without an error finding.
    pub valid_sheets: usize,
}

/// Target systems and report sheets of many authorities and years, grouped by (authority, year).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// One group per (authority, year), ordered by authority and then year.
    pub groups: Vec<Group>,
    /// Every document not placed or with error findings, in input order (systems first).
    pub problems: Vec<Problem>,
    /// Sheets read.
    pub sheets_read: usize,
}

/// How a corpus is loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Leave sheets with error findings out of the groups (they stay listed as problems).
    pub valid_only: bool,
}

impl Problem {
    /// A document that is not one of its kind: nothing known but where it comes from and its codes.
    fn not_a_document(source: &str, is_system: bool, result: &ValidationResult) -> Problem {
        Problem {
            source: source.to_string(),
            is_system,
            reason: Reason::NotADocument,
            placed: false,
            authority: None,
            year: None,
            goal: None,
            tertial: None,
            codes: error_codes(result),
        }
    }

    /// A target system listed for `reason`.
    fn system(
        source: &str,
        reason: Reason,
        placed: bool,
        key: &(String, i32),
        codes: Vec<String>,
    ) -> Problem {
        Problem {
            source: source.to_string(),
            is_system: true,
            reason,
            placed,
            authority: Some(key.0.clone()),
            year: Some(key.1),
            goal: None,
            tertial: None,
            codes,
        }
    }

    /// A decoded sheet listed for `reason`.
    fn sheet(
        source: &str,
        reason: Reason,
        placed: bool,
        sheet: &ReportSheet,
        codes: Vec<String>,
    ) -> Problem {
        Problem {
            source: source.to_string(),
            is_system: false,
            reason,
            placed,
            authority: Some(sheet.authority.clone()),
            year: Some(sheet.tertial.year()),
            goal: Some(sheet.goal.clone()),
            tertial: Some(sheet.tertial),
            codes,
        }
    }
}

fn error_codes(result: &ValidationResult) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for finding in result.errors() {
        let code = finding.code.as_str();
        if !codes.iter().any(|known| known == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

impl Corpus {
    /// Decodes and checks the target systems; each becomes a group with an empty history.
    fn systems<'a>(
        systems: impl IntoIterator<Item = Input<'a>>,
        problems: &mut Vec<Problem>,
    ) -> BTreeMap<(String, i32), (Group, History)> {
        let mut decoded: BTreeMap<(String, i32), (TargetSystem, &'a str, ValidationResult)> =
            BTreeMap::new();
        for input in systems {
            let checked = TargetSystem::decode(input.bytes);
            let Some(system) = checked.document else {
                problems.push(Problem::not_a_document(input.source, true, &checked.result));
                continue;
            };
            let key = (system.authority.clone(), system.year);
            if decoded.contains_key(&key) {
                problems.push(Problem::system(
                    input.source,
                    Reason::DuplicateSystem,
                    false,
                    &key,
                    Vec::new(),
                ));
                continue;
            }
            decoded.insert(key, (system, input.source, checked.result));
        }
        // Rules on the systems, TS08 against the same authority's previous year when present.
        let mut groups: BTreeMap<(String, i32), (Group, History)> = BTreeMap::new();
        let mut before: Option<TargetSystem> = None;
        for (key, (system, source, decode_result)) in decoded {
            let previous = before.as_ref().filter(|previous| {
                previous.authority == system.authority
                    && previous.year.checked_add(1) == Some(system.year)
            });
            let mut result = decode_result;
            result.findings.extend(system.validate(previous).findings);
            let valid = result.errors().next().is_none();
            result.valid = valid;
            if !result.valid {
                problems.push(Problem::system(
                    source,
                    Reason::Invalid,
                    true,
                    &key,
                    error_codes(&result),
                ));
            }
            before = Some(system.clone());
            let group = Group {
                system,
                system_valid: result.valid,
                sheets: Vec::new(),
                valid_sheets: 0,
            };
            groups.insert(key, (group, History::new()));
        }
        groups
    }

    /// Decodes, checks and groups `systems` and `sheets`.
    pub fn load<'a>(
        systems: impl IntoIterator<Item = Input<'a>>,
        sheets: impl IntoIterator<Item = Input<'a>>,
        options: LoadOptions,
    ) -> Corpus {
        let mut corpus = Corpus::default();
        let mut groups = Corpus::systems(systems, &mut corpus.problems);
        for input in sheets {
            corpus.sheets_read += 1;
            let decoded = stream::decode_sheet(input.bytes);
            let Some(sheet) = decoded.document.as_ref() else {
                corpus.problems.push(Problem::not_a_document(
                    input.source,
                    false,
                    &decoded.result,
                ));
                continue;
            };
            let problem =
                |reason, placed, codes| Problem::sheet(input.source, reason, placed, sheet, codes);
            let key = (sheet.authority.clone(), sheet.tertial.year());
            let Some((group, history)) = groups.get_mut(&key) else {
                corpus
                    .problems
                    .push(problem(Reason::NoSystem, false, Vec::new()));
                continue;
            };
            if group.system.goal(&sheet.goal).is_none() {
                corpus
                    .problems
                    .push(problem(Reason::UnknownGoal, false, Vec::new()));
                continue;
            }
            let checked = stream::check(decoded, &group.system, history);
            let Some(sheet) = checked.document else {
                continue;
            };
            if checked.result.valid {
                group.valid_sheets += 1;
            } else {
                let placed = !options.valid_only;
                let codes = error_codes(&checked.result);
                corpus.problems.push(Problem::sheet(
                    input.source,
                    Reason::Invalid,
                    placed,
                    &sheet,
                    codes,
                ));
                if !placed {
                    continue;
                }
            }
            group.sheets.push(sheet);
        }
        corpus.groups = groups.into_values().map(|(group, _)| group).collect();
        corpus
    }

    /// The documents that were not placed (their rows are in no table).
    pub fn unplaced(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|problem| !problem.placed)
    }

    /// Sheets placed in a group.
    pub fn sheets_placed(&self) -> usize {
        self.groups.iter().map(|group| group.sheets.len()).sum()
    }

    /// The rows of `table` over every group, one group after another.
    pub fn rows<R>(&self, table: fn(&TargetSystem, &[ReportSheet]) -> Vec<R>) -> Vec<R> {
        let mut rows = Vec::new();
        for group in &self.groups {
            rows.extend(table(&group.system, &group.sheets));
        }
        rows
    }

    /// The attainment table of every group.
    pub fn attainment_table(&self) -> Vec<AttainmentRow> {
        self.rows(attainment_table)
    }

    /// The lineage of the goals of every system, predecessors followed across the years of each
    /// authority (the rows of [`lineage`](super::lineage::lineage); its problems are left out
    /// here).
    pub fn lineage_table(&self) -> Vec<super::lineage::LineageRow> {
        let systems: Vec<TargetSystem> = self.groups.iter().map(|g| g.system.clone()).collect();
        super::lineage::lineage(&systems).rows
    }

    /// Summaries of the attainment table of every group by `by` (see [`summary_by`](super::summary_by));
    /// `authority` and `year` are the dimensions that tell the groups apart. Portfolios keep the
    /// order of their own system.
    pub fn summary_by(&self, by: &[Dimension]) -> Vec<Summary> {
        let systems: BTreeMap<(&str, i32), &TargetSystem> = self
            .groups
            .iter()
            .map(|group| {
                (
                    (group.system.authority.as_str(), group.system.year),
                    &group.system,
                )
            })
            .collect();
        summarise(&self.attainment_table(), by, |row| {
            systems
                .get(&(row.authority.as_str(), row.year))
                .map_or(usize::MAX, |system| {
                    portfolio_position(system, &row.portfolio)
                })
        })
    }

    /// The countermeasures × org units of every group.
    pub fn countermeasure_table(&self) -> Vec<CountermeasureRow> {
        self.rows(countermeasure_table)
    }

    /// The indicator values of every group.
    pub fn indicator_table(&self) -> Vec<IndicatorRow> {
        self.rows(indicator_table)
    }

    /// The risks of every group.
    pub fn risk_table(&self) -> Vec<RiskRow> {
        self.rows(risk_table)
    }

    /// Punctuality per member of every group.
    pub fn punctuality_table(&self) -> Vec<PunctualityRow> {
        self.rows(punctuality_table)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const SYSTEM: &str = include_str!("../../../zielsystem-py/tests/fixtures/target-system.json");
    const A01: &str = include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T1/A01.json");
    const V01: &str = include_str!("../../../zielsystem-py/tests/fixtures/sheets/2022-T2/V01.json");

    fn input<'a>(source: &'a str, bytes: &'a [u8]) -> Input<'a> {
        Input { source, bytes }
    }

    fn with(text: &str, pointer: &str, value: serde_json::Value) -> String {
        let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
        *json.pointer_mut(pointer).unwrap() = value;
        json.to_string()
    }

    #[test]
    fn groups_by_authority_and_year_and_lists_what_it_cannot_place() {
        let other_authority = with(SYSTEM, "/authority", "Bezirksamt Pankow von Berlin".into());
        let pankow_sheet = with(A01, "/authority", "Bezirksamt Pankow von Berlin".into());
        let unknown_goal = with(A01, "/goal", "Z99".into());
        let other_year = with(A01, "/tertial", "2023-T1".into());
        let systems = [
            input("a.json", SYSTEM.as_bytes()),
            input("b.json", other_authority.as_bytes()),
            input("c.json", SYSTEM.as_bytes()),
            input("d.json", b"{"),
        ];
        let sheets = [
            input("1", A01.as_bytes()),
            input("2", V01.as_bytes()),
            input("3", pankow_sheet.as_bytes()),
            input("4", unknown_goal.as_bytes()),
            input("5", other_year.as_bytes()),
            input("6", b"[]"),
        ];
        let corpus = Corpus::load(systems, sheets, LoadOptions::default());
        assert_eq!(corpus.groups.len(), 2);
        assert_eq!(corpus.sheets_read, 6);
        assert_eq!(corpus.sheets_placed(), 3);
        let unplaced: Vec<(&str, Reason)> = corpus
            .unplaced()
            .map(|p| (p.source.as_str(), p.reason))
            .collect();
        assert_eq!(
            unplaced,
            [
                ("c.json", Reason::DuplicateSystem),
                ("d.json", Reason::NotADocument),
                ("4", Reason::UnknownGoal),
                ("5", Reason::NoSystem),
                ("6", Reason::NotADocument),
            ]
        );
        let rows = corpus.attainment_table();
        let keys: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.authority.as_str(), r.goal.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("Bezirksamt Beispiel von Berlin", "A01"),
                ("Bezirksamt Beispiel von Berlin", "V01"),
                ("Bezirksamt Pankow von Berlin", "A01"),
            ]
        );
    }

    #[test]
    fn invalid_sheets_are_listed_and_left_out_on_request() {
        // Reported by someone who is no member of the Bezirksamt: an error finding.
        let early = with(A01, "/reporting_member", "niemand".into());
        let systems = [input("s", SYSTEM.as_bytes())];
        let sheets = [input("early", early.as_bytes())];
        let kept = Corpus::load(systems, sheets, LoadOptions::default());
        assert_eq!(kept.sheets_placed(), 1);
        let problem = &kept.problems[0];
        assert_eq!((problem.reason, problem.placed), (Reason::Invalid, true));
        assert!(!problem.codes.is_empty());
        let left_out = Corpus::load(systems, sheets, LoadOptions { valid_only: true });
        assert_eq!(left_out.sheets_placed(), 0);
        assert_eq!(left_out.unplaced().count(), 1);
    }

    #[test]
    fn summaries_tell_authorities_and_years_apart() {
        let pankow = with(SYSTEM, "/authority", "Bezirksamt Pankow von Berlin".into());
        let pankow_a01 = with(A01, "/authority", "Bezirksamt Pankow von Berlin".into());
        let systems = [
            input("beispiel", SYSTEM.as_bytes()),
            input("pankow", pankow.as_bytes()),
        ];
        let sheets = [
            input("1", A01.as_bytes()),
            input("2", V01.as_bytes()),
            input("3", pankow_a01.as_bytes()),
        ];
        let corpus = Corpus::load(systems, sheets, LoadOptions::default());
        let by_authority = corpus.summary_by(&[Dimension::Authority, Dimension::Year]);
        let groups: Vec<(Option<&str>, Option<i32>, u32)> = by_authority
            .iter()
            .map(|s| (s.authority.as_deref(), s.year, s.sheets))
            .collect();
        assert_eq!(
            groups,
            [
                (Some("Bezirksamt Beispiel von Berlin"), Some(2022), 2),
                (Some("Bezirksamt Pankow von Berlin"), Some(2022), 1),
            ]
        );
        // Without the dimension the authorities fall into one group.
        let by_year = corpus.summary_by(&[Dimension::Year]);
        assert_eq!(by_year.len(), 1);
        assert_eq!(
            (by_year[0].authority.as_deref(), by_year[0].sheets),
            (None, 3)
        );
        // Portfolios keep their system's order within each authority.
        let by_portfolio = corpus.summary_by(&[Dimension::Authority, Dimension::Portfolio]);
        assert!(by_portfolio.iter().all(|s| s.portfolio.is_some()));
        assert_eq!(by_portfolio.iter().map(|s| s.sheets).sum::<u32>(), 3);
    }
}
