//! Sweeping many report sheets with bounded memory: each sheet checked as it arrives, only counters
//! kept.
//!
//! An analyst sweeping years of sheets needs totals (findings per code, forecasts, valid and
//! invalid sheets), not every finding of every sheet. [`Summary`] is those totals; [`check`]
//! checks one sheet from raw bytes against its system exactly as
//! [`check_sheet_json`](crate::rules::check_sheet_json) does, with a [`History`] standing in for
//! the earlier sheets that rule RS13 reads. A history remembers only what RS13 needs (the tertials
//! in which each goal was reported `achieved`), so its size is bounded by the goals of its system,
//! not by the number of sheets. [`summarise`] sweeps sheets of one system; callers with sheets of
//! many systems keep one history per system and route each sheet themselves (the CLI's
//! `validate-stream` does), which they can do after reading: [`read_sheet`] then [`check_read`]
//! (through the borrowed [`SheetView`], nothing copied), or, where the owned sheet is wanted,
//! [`decode_sheet`] then [`check`]. Both give the same results.
//!
//! Everything here is pure: bytes in, counters out.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Period;
use crate::decode::Checked;
use crate::document::{Decode, Document};
use crate::findings::{Severity, ValidationResult};
use crate::model::report_sheet::ReportSheet;
use crate::model::sheet_view::{SheetFields, SheetView};
use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::Forecast;
use crate::rules::catalogue::Code;
use crate::rules::report_sheet::{check_sheet_view, refused_sheet};

/// Totals of a sweep. Serializes to JSON with codes and forecasts as keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Target systems checked.
    pub systems: u64,
    /// Target systems with a finding of severity error.
    pub invalid_systems: u64,
    /// Report sheets read.
    pub sheets: u64,
    /// Sheets without a finding of severity error (warnings allowed).
    pub valid: u64,
    /// Sheets with a finding of severity error.
    pub invalid: u64,
    /// Sheets that are not documents of the contract (schema-level findings only).
    pub undecodable: u64,
    /// Sheets with at least one warning.
    pub with_warnings: u64,
    /// Sheets whose target system was not at hand (authority and year of no system given).
    pub without_system: u64,
    /// Findings on sheets per code.
    pub findings: BTreeMap<Code, u64>,
    /// Findings on target systems per code.
    pub system_findings: BTreeMap<Code, u64>,
    /// Decoded sheets per forecast.
    pub forecasts: BTreeMap<Forecast, u64>,
    /// Decoded sheets per tertial period (`T1`, `T2`, `T3`).
    pub periods: BTreeMap<String, u64>,
}

impl Summary {
    /// Counts the result of checking a target system.
    pub fn record_system(&mut self, result: &ValidationResult) {
        self.systems += 1;
        if !result.valid {
            self.invalid_systems += 1;
        }
        for finding in &result.findings {
            *self.system_findings.entry(finding.code).or_default() += 1;
        }
    }

    /// Counts a checked sheet.
    pub fn record_sheet(&mut self, checked: &Checked<ReportSheet>) {
        self.record(&checked.result, checked.document.as_ref());
    }

    /// Counts the result of checking a sheet; `sheet` is what was decoded of it (`None`: not a
    /// document of the contract).
    pub fn record<S: SheetFields>(&mut self, result: &ValidationResult, sheet: Option<&S>) {
        self.sheets += 1;
        if result.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if result
            .findings
            .iter()
            .any(|finding| finding.severity == Severity::Warning)
        {
            self.with_warnings += 1;
        }
        for finding in &result.findings {
            *self.findings.entry(finding.code).or_default() += 1;
        }
        match sheet {
            Some(sheet) => {
                *self.forecasts.entry(sheet.forecast()).or_default() += 1;
                let period = match sheet.tertial().period() {
                    Period::T1 => "T1",
                    Period::T2 => "T2",
                    Period::T3 => "T3",
                };
                if let Some(count) = self.periods.get_mut(period) {
                    *count += 1;
                } else {
                    self.periods.insert(period.to_string(), 1);
                }
            }
            None => self.undecodable += 1,
        }
    }

    /// Counts a decoded sheet whose target system is not at hand; its rules could not run.
    pub fn record_without_system<S: SheetFields>(&mut self, sheet: &S) {
        self.sheets += 1;
        self.without_system += 1;
        *self.forecasts.entry(sheet.forecast()).or_default() += 1;
    }

    /// Adds another summary's counts to this one (sweeps split over several workers).
    pub fn merge(&mut self, other: &Summary) {
        self.systems += other.systems;
        self.invalid_systems += other.invalid_systems;
        self.sheets += other.sheets;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.undecodable += other.undecodable;
        self.with_warnings += other.with_warnings;
        self.without_system += other.without_system;
        for (code, count) in &other.findings {
            *self.findings.entry(*code).or_default() += count;
        }
        for (code, count) in &other.system_findings {
            *self.system_findings.entry(*code).or_default() += count;
        }
        for (forecast, count) in &other.forecasts {
            *self.forecasts.entry(*forecast).or_default() += count;
        }
        for (period, count) in &other.periods {
            *self.periods.entry(period.clone()).or_default() += count;
        }
    }
}

/// What RS13 needs to know of the earlier sheets of one system: per goal, the tertials in which it
/// was reported `achieved`. At most three entries per goal of the system, whatever the number of
/// sheets, and each only a slim copy of its sheet (authority, goal, tertial, forecast: what RS13
/// reads). Sheets that do not belong to the system (another authority or year, a goal it does not
/// have) are not remembered: they are errors (RS01, RS02) themselves, and remembering them would let
/// a hostile stream grow the history without bound.
#[derive(Clone, Debug, Default)]
pub struct History {
    achieved: Vec<ReportSheet>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        History::default()
    }

    /// The remembered sheets, slim copies: one per goal and tertial reported `achieved`.
    pub fn sheets(&self) -> &[ReportSheet] {
        &self.achieved
    }

    /// Remembers `sheet` if RS13 may need it later (reported `achieved`, on a goal of `system`,
    /// in a tertial not yet remembered for that goal).
    pub fn remember<S: SheetFields>(&mut self, sheet: &S, system: &TargetSystem) {
        if sheet.forecast() != Forecast::Achieved
            || sheet.authority() != system.authority
            || sheet.tertial().year() != system.year
            || self
                .achieved
                .iter()
                .any(|earlier| earlier.goal == sheet.goal() && earlier.tertial == sheet.tertial())
            || system.goal(sheet.goal()).is_none()
        {
            return;
        }
        self.achieved.push(ReportSheet {
            schema_version: String::new(),
            authority: sheet.authority().to_string(),
            goal: sheet.goal().to_string(),
            tertial: sheet.tertial(),
            reporting_member: String::new(),
            signed_by: None,
            submitted_on: sheet.submitted_on(),
            contributions: Vec::new(),
            indicator_values: Vec::new(),
            risks: Vec::new(),
            forecast: sheet.forecast(),
            rationale: String::new(),
            countermeasures: Vec::new(),
        });
    }
}

/// A sheet of a sweep as read from its bytes.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // The view is the common case; boxing it costs an allocation.
pub enum ReadSheet<'a> {
    /// A report sheet, its texts borrowed from the bytes: route it ([`routing_key`]), then
    /// [`check_read`] it.
    Sheet(SheetView<'a>),
    /// Not a report sheet of the contract: what [`decode_sheet`] gives for the same bytes, every
    /// schema-level finding (and what the rules can still check, which [`check`] runs); there is
    /// nothing to route. Boxed: such lines are rare, and a sweep holds thousands of read sheets.
    Refused(Box<Checked<ReportSheet>>),
}

/// Reads a sheet from raw bytes for a sweep, copying nothing: the borrowed view where the bytes
/// are a report sheet (exactly where [`decode_sheet`] decodes one), else what [`decode_sheet`]
/// gives. No rule has run yet.
pub fn read_sheet(bytes: &[u8]) -> ReadSheet<'_> {
    match SheetView::decode(bytes) {
        Some(view) => ReadSheet::Sheet(view),
        None => ReadSheet::Refused(Box::new(refused_sheet(bytes))),
    }
}

/// [`check`] for a sheet read by [`read_sheet`]: RS01–RS18 against `system` with `history` for
/// RS13, then the sheet is remembered in `history`. The same result as [`check`] on the same bytes.
pub fn check_read(
    sheet: &SheetView<'_>,
    system: &TargetSystem,
    history: &mut History,
) -> ValidationResult {
    let result = check_sheet_view(sheet, system, history.sheets());
    history.remember(sheet, system);
    result
}

/// Decodes a sheet from raw bytes, with every schema-level finding when it does not decode; no
/// rule has run yet. Route the decoded sheet to its system, then [`check`] it.
pub fn decode_sheet(bytes: &[u8]) -> Checked<ReportSheet> {
    ReportSheet::decode(bytes)
}

/// Checks a target system of a stream of systems from raw bytes: TS01–TS10, and TS08 against
/// `before`, the system read just before it, when that is the same authority's previous year (an
/// export lists each authority's years in order).
pub fn check_system_after(bytes: &[u8], before: Option<&TargetSystem>) -> Checked<TargetSystem> {
    TargetSystem::decode(bytes).with_rules(|system| {
        let previous = before.filter(|previous| {
            previous.authority == system.authority
                && previous.year.checked_add(1) == Some(system.year)
        });
        system.validate(previous).findings
    })
}

/// The rules RS01–RS18 on a decoded sheet against `system`, with `history` for RS13; the sheet is
/// then remembered in `history`. The result equals
/// [`check_sheet_json`](crate::rules::check_sheet_json) with the earlier sheets as history.
pub fn check(
    decoded: Checked<ReportSheet>,
    system: &TargetSystem,
    history: &mut History,
) -> Checked<ReportSheet> {
    let checked = decoded.with_rules(|sheet| sheet.validate((system, history.sheets())).findings);
    if let Some(sheet) = checked.document.as_ref() {
        history.remember(sheet, system);
    }
    checked
}

/// Checks `system`, then every sheet of `sheets` (raw JSON, one document each) against it, in
/// order, and returns the totals. Memory stays bounded: one sheet at a time and a [`History`].
pub fn summarise<I, B>(system: &TargetSystem, sheets: I) -> Summary
where
    I: IntoIterator<Item = B>,
    B: AsRef<[u8]>,
{
    let mut summary = Summary::default();
    summary.record_system(&system.validate(None));
    let mut history = History::new();
    for bytes in sheets {
        match read_sheet(bytes.as_ref()) {
            ReadSheet::Sheet(sheet) => {
                let result = check_read(&sheet, system, &mut history);
                summary.record(&result, Some(&sheet));
            }
            ReadSheet::Refused(refused) => {
                summary.record_sheet(&check(*refused, system, &mut history));
            }
        }
    }
    summary
}

/// The key a sheet is routed by: its authority and the year of its tertial.
pub fn routing_key<S: SheetFields>(sheet: &S) -> (&str, i32) {
    (sheet.authority(), sheet.tertial().year())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::rules::check_sheet_json;

    fn example_system() -> TargetSystem {
        serde_json::from_str(include_str!("../../examples/mitte-2022/target-system.json")).unwrap()
    }

    fn example_sheets() -> Vec<Vec<u8>> {
        let mut sheets = Vec::new();
        for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
            let dir = format!(
                "{}/../examples/mitte-2022/sheets/{tertial}",
                env!("CARGO_MANIFEST_DIR")
            );
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect();
            paths.sort();
            sheets.extend(paths.into_iter().map(|path| std::fs::read(path).unwrap()));
        }
        sheets
    }

    #[test]
    fn summarise_counts_like_check_sheet_json_with_full_history() {
        let system = example_system();
        let mut sheets = example_sheets();
        // A sheet that revokes an achieved goal (RS13), one that does not decode, one with a rule
        // error.
        let mut revoked: serde_json::Value = serde_json::from_slice(&sheets[0]).unwrap();
        revoked["tertial"] = "2022-T3".into();
        revoked["submitted_on"] = "2023-01-20".into();
        revoked["forecast"] = "not_achieved".into();
        let mut achieved: serde_json::Value = serde_json::from_slice(&sheets[0]).unwrap();
        achieved["tertial"] = "2022-T2".into();
        achieved["submitted_on"] = "2022-09-20".into();
        achieved["forecast"] = "achieved".into();
        achieved["risks"] = serde_json::json!([]);
        sheets.push(serde_json::to_vec(&achieved).unwrap());
        sheets.push(serde_json::to_vec(&revoked).unwrap());
        sheets.push(b"{\"schema_version\": 1}".to_vec());
        let mut unknown_goal: serde_json::Value = serde_json::from_slice(&sheets[1]).unwrap();
        unknown_goal["goal"] = "A99".into();
        sheets.push(serde_json::to_vec(&unknown_goal).unwrap());

        let summary = summarise(&system, &sheets);

        let mut expected = Summary::default();
        expected.record_system(&crate::rules::validate_system(&system, None));
        let mut earlier: Vec<ReportSheet> = Vec::new();
        for bytes in &sheets {
            let checked = check_sheet_json(bytes, &system, &earlier);
            expected.record_sheet(&checked);
            earlier.extend(checked.document);
        }
        assert_eq!(summary, expected);
        assert_eq!(summary.sheets, sheets.len() as u64);
        assert_eq!(summary.findings.get(&Code::RS13), Some(&1));
        assert_eq!(summary.findings.get(&Code::RS02), Some(&1));
        assert_eq!(summary.undecodable, 1);
        assert_eq!(summary.invalid, 3);
        assert_eq!(
            summary.forecasts.values().sum::<u64>(),
            summary.sheets - summary.undecodable
        );
    }

    #[test]
    fn reading_and_decoding_give_the_same_results() {
        let system = example_system();
        let mut sheets = example_sheets();
        let linked = String::from_utf8(sheets[0].clone()).unwrap().replacen(
            '{',
            r#"{"$schema": "../schemas/report-sheet.schema.json","#,
            1,
        );
        sheets.push(linked.into_bytes());
        sheets.push(b"{\"schema_version\": 1}".to_vec());
        sheets.push(b"not json".to_vec());
        let mut many_findings: serde_json::Value = serde_json::from_slice(&sheets[0]).unwrap();
        let units: Vec<String> = (0..100).map(|unit| format!("x{unit}")).collect();
        many_findings["countermeasures"] = serde_json::json!(vec![
            serde_json::json!({"description": "Maßnahme", "org_units": units});
            1000
        ]);
        sheets.push(serde_json::to_vec(&many_findings).unwrap());
        let (mut owned_history, mut read_history) = (History::new(), History::new());
        for bytes in &sheets {
            let checked = check(decode_sheet(bytes), &system, &mut owned_history);
            let (result, decoded) = match read_sheet(bytes) {
                ReadSheet::Sheet(sheet) => {
                    assert_eq!(Some(sheet.to_sheet()), checked.document);
                    let owned = checked.document.as_ref().map(routing_key);
                    assert_eq!(owned, Some(routing_key(&sheet)));
                    (check_read(&sheet, &system, &mut read_history), true)
                }
                ReadSheet::Refused(refused) => {
                    (check(*refused, &system, &mut read_history).result, false)
                }
            };
            assert_eq!(result, checked.result);
            assert_eq!(decoded, checked.document.is_some());
            assert_eq!(read_history.sheets(), owned_history.sheets());
        }
        assert!(
            sheets
                .last()
                .is_some_and(
                    |bytes| check_sheet_json(bytes, &system, &[]).result.findings.len()
                        > crate::decode::limits::FINDINGS_MAX
                ),
            "a sheet with more findings than are kept"
        );
    }

    #[test]
    fn history_is_bounded_by_goals_and_tertials() {
        let system = example_system();
        let sheet: ReportSheet = serde_json::from_slice(&example_sheets()[0]).unwrap();
        let mut history = History::new();
        let mut achieved = sheet.clone();
        achieved.forecast = Forecast::Achieved;
        for _ in 0..1000 {
            history.remember(&achieved, &system);
        }
        assert_eq!(history.sheets().len(), 1);
        let mut foreign = achieved.clone();
        foreign.goal = "X01".into();
        history.remember(&foreign, &system);
        history.remember(&sheet, &system);
        assert_eq!(history.sheets().len(), 1);
    }

    #[test]
    fn merge_adds_counts() {
        let system = example_system();
        let sheets = example_sheets();
        let (first, second) = sheets.split_at(20);
        let mut merged = summarise(&system, first);
        merged.merge(&summarise(&system, second));
        let whole = summarise(&system, &sheets);
        assert_eq!(merged.sheets, whole.sheets);
        assert_eq!(merged.forecasts, whole.forecasts);
        assert_eq!(merged.systems, 2);
    }
}
