//! Forms in: a filled worksheet to report-sheet JSON, every problem of the form as a finding located
//! by its cell, then every rule of the core on the sheet, its findings located by cell too.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::{Map, Value as Json, json};
use zielsystem_core::model::target_system::Goal;
use zielsystem_core::rules::catalogue::{Twin, WithGerman};
use zielsystem_core::{
    Code, Finding, Message, ReportSheet, TargetSystem, Tertial, ValidationResult, check_sheet_json,
};

use crate::choices::Choices;
use crate::layout::{
    COL_C, COL_D, COL_LABEL, COL_MAIN, COL_META_KEY, COL_META_VALUE, END_LABEL, Field, MARKER,
    Section, TEMPLATE_VERSION, cell_name, meta, plain_number, words,
};
use crate::read::{Cell, Grid, Value, serial_date};
use crate::write::{
    DATE_HELP, DEPUTY_HELP, INSTRUCTIONS, MEMBER_HELP, NO_INDICATORS, PREVIOUS_HELP,
    portfolio_text, subtitle,
};

/// What the import is checked against beyond the target system.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The tertial the forms must be for (the steering service collecting one tertial's forms).
    pub tertial: Option<Tertial>,
    /// Earlier sheets of the goals (rule RS13).
    pub history: Vec<ReportSheet>,
}

/// One form worksheet read: the sheet when one could be built, and every finding, each with its
/// cell (`Berichtsblatt!C14`) in the param `cell` where it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedForm {
    /// The worksheet (empty when the file itself could not be read).
    pub worksheet: String,
    /// The sheet, when the form could be read into one (it may still be invalid).
    pub sheet: Option<ReportSheet>,
    /// Form findings first, then the findings of the rules.
    pub result: ValidationResult,
}

/// The key of the param that carries a finding's cell.
pub const CELL_PARAM: &str = "cell";

/// The cell of a finding (`Berichtsblatt!C14`), where it has one.
pub fn cell_of(finding: &Finding) -> Option<&str> {
    finding.params.get(CELL_PARAM).map(String::as_str)
}

/// Codes after which no sheet is built: the form could not be read into one.
fn blocks_sheet(code: Code) -> bool {
    matches!(
        code,
        Code::FormFile
            | Code::FormTemplate
            | Code::FormRequired
            | Code::FormChoice
            | Code::FormValue
            | Code::FormFormula
    )
}

/// Reads every form worksheet of a spreadsheet file.
pub fn read_form(
    bytes: &[u8],
    system: &TargetSystem,
    options: &ImportOptions,
) -> Vec<ImportedForm> {
    let grids = match crate::read::worksheets(bytes) {
        Ok(grids) => grids,
        Err(finding) => {
            return vec![ImportedForm {
                worksheet: String::new(),
                sheet: None,
                result: ValidationResult::from_findings(vec![finding]),
            }];
        }
    };
    let is_form = |grid: &Grid| {
        grid.cells.iter().any(|((_, col), cell)| {
            *col == COL_META_KEY && matches!(&cell.value, Some(Value::Text(t)) if t == MARKER)
        })
    };
    let forms: Vec<&Grid> = grids.iter().filter(|g| is_form(g)).collect();
    if forms.is_empty() {
        let first = grids.first().map(|g| g.name.clone()).unwrap_or_default();
        let finding = located(
            Finding::new(Message::FormNotAForm {}, ""),
            &first,
            0,
            COL_META_KEY,
        );
        return vec![ImportedForm {
            worksheet: first,
            sheet: None,
            result: ValidationResult::from_findings(vec![finding]),
        }];
    }
    let mut imported: Vec<ImportedForm> = forms
        .iter()
        .map(|grid| FormReader::new(grid, system, options).read())
        .collect();
    // Text on other worksheets (not the hidden lists) would be lost: reported on the first form.
    let mut stray = Vec::new();
    for grid in grids
        .iter()
        .filter(|g| !is_form(g) && g.name != crate::layout::LISTS_SHEET)
    {
        for ((row, col), cell) in &grid.cells {
            stray.push(stray_finding(&grid.name, *row, *col, cell));
        }
    }
    if let Some(first) = imported.first_mut() {
        if !stray.is_empty() {
            let mut findings = std::mem::take(&mut first.result.findings);
            findings.extend(stray);
            first.result = ValidationResult::from_findings(findings);
        }
    }
    imported
}

fn located(mut finding: Finding, worksheet: &str, row: u32, col: u16) -> Finding {
    finding.params.insert(
        CELL_PARAM.to_string(),
        format!("{worksheet}!{}", cell_name(row, col)),
    );
    finding
}

fn shown(cell: &Cell) -> String {
    match (&cell.formula, &cell.value) {
        (Some(formula), _) => format!("={formula}"),
        (None, Some(value)) => value_text(value),
        (None, None) => String::new(),
    }
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Text(text) => text.clone(),
        Value::Number(n) => plain_number(*n),
        Value::Date(d) => d.format("%d.%m.%Y").to_string(),
        Value::Bool(true) => "WAHR".to_string(),
        Value::Bool(false) => "FALSCH".to_string(),
        Value::Error(e) => e.clone(),
    }
}

fn short(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        text.to_string()
    }
}

fn stray_finding(worksheet: &str, row: u32, col: u16, cell: &Cell) -> Finding {
    located(
        Finding::new(
            Message::FormStrayText {
                value: short(&shown(cell)),
            },
            "",
        ),
        worksheet,
        row,
        col,
    )
}

/// `31.05.2022`, `31.5.2022`, `2022-05-31`: a date typed as text.
fn text_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
        .filter(|d| (2000..=2099).contains(&chrono::Datelike::year(d)))
}

/// `31,5`, `1.234,5`, `31.5`: a number typed as text.
fn text_number(text: &str) -> Option<f64> {
    let text = text.trim().replace(['\u{a0}', ' '], "");
    let normalised = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else {
        text
    };
    if normalised.is_empty()
        || !normalised
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    normalised.parse::<f64>().ok().filter(|n| n.is_finite())
}

struct FormReader<'a> {
    grid: &'a Grid,
    system: &'a TargetSystem,
    options: &'a ImportOptions,
    findings: Vec<Finding>,
    consumed: BTreeSet<(u32, u16)>,
    cells: BTreeMap<String, (u32, u16)>,
}

impl<'a> FormReader<'a> {
    fn new(grid: &'a Grid, system: &'a TargetSystem, options: &'a ImportOptions) -> Self {
        FormReader {
            grid,
            system,
            options,
            findings: Vec::new(),
            consumed: BTreeSet::new(),
            cells: BTreeMap::new(),
        }
    }

    fn finding(&mut self, message: Message, pointer: &str, row: u32, col: u16) {
        let finding = Finding::new(message, pointer);
        self.findings
            .push(located(finding, &self.grid.name, row, col));
    }

    fn cell(&self, row: u32, col: u16) -> Option<&'a Cell> {
        self.grid.cells.get(&(row, col))
    }

    fn text_of(&self, row: u32, col: u16) -> String {
        self.cell(row, col).map(shown).unwrap_or_default()
    }

    /// The rows of column A whose text is `label` (pre-filled labels anchor fields and sections).
    fn rows_labelled(&self, label: &str) -> Vec<u32> {
        self.grid
            .cells
            .iter()
            .filter(|((_, col), cell)| {
                *col == COL_LABEL
                    && cell.formula.is_none()
                    && matches!(&cell.value, Some(Value::Text(t)) if t.trim() == label)
            })
            .map(|((row, _), _)| *row)
            .collect()
    }

    fn meta_value(&mut self, key: &str) -> Option<String> {
        let found = self
            .grid
            .cells
            .iter()
            .find(|((_, col), cell)| {
                *col == COL_META_KEY && matches!(&cell.value, Some(Value::Text(t)) if t == key)
            })
            .map(|((row, _), _)| *row)?;
        self.consumed.insert((found, COL_META_KEY));
        self.consumed.insert((found, COL_META_VALUE));
        self.cell(found, COL_META_VALUE).map(shown)
    }

    /// A pre-filled cell: consumed, and a finding when it was changed.
    fn fixed(&mut self, row: u32, col: u16, expected: &str, field: &str) {
        self.consumed.insert((row, col));
        let found = self.text_of(row, col);
        let same = found.trim() == expected.trim()
            || self
                .cell(row, col)
                .and_then(|c| c.value.as_ref())
                .is_some_and(|v| matches!(v, Value::Date(d) if d.to_string() == expected));
        if !same {
            self.finding(
                Message::FormProtectedChanged {
                    field: field.to_string(),
                    expected: short(expected),
                    found: short(&found),
                },
                "",
                row,
                col,
            );
        }
    }

    /// An input cell's raw content: `None` when empty; a formula is a finding, never its result.
    fn raw(&mut self, row: u32, col: u16, field: &str, pointer: &str) -> Option<&'a Value> {
        self.consumed.insert((row, col));
        self.cells.insert(pointer.to_string(), (row, col));
        let cell = self.cell(row, col)?;
        if let Some(formula) = &cell.formula {
            self.finding(
                Message::FormFormulaInField {
                    field: field.to_string(),
                    formula: format!("={formula}"),
                },
                pointer,
                row,
                col,
            );
            return None;
        }
        match &cell.value {
            Some(Value::Text(t)) if t.trim().is_empty() => None,
            Some(Value::Error(e)) => {
                self.finding(
                    Message::FormErrorValue {
                        field: field.to_string(),
                        value: e.clone(),
                    },
                    pointer,
                    row,
                    col,
                );
                None
            }
            other => other.as_ref(),
        }
    }

    /// Whether an input cell holds anything (a value or a formula).
    fn filled(&self, row: u32, col: u16) -> bool {
        self.cell(row, col).is_some_and(|cell| {
            cell.formula.is_some()
                || match &cell.value {
                    None => false,
                    Some(Value::Text(t)) => !t.trim().is_empty(),
                    Some(_) => true,
                }
        })
    }

    fn text(&mut self, row: u32, col: u16, field: &str, pointer: &str) -> Option<String> {
        let value = self.raw(row, col, field, pointer)?;
        match value {
            Value::Text(t) => Some(t.clone()),
            other => {
                let text = match other {
                    Value::Date(d) => d.format("%d.%m.%Y").to_string(),
                    v => value_text(v),
                };
                self.finding(
                    Message::FormTextConverted {
                        field: field.to_string(),
                        value: value_text(other),
                        text: text.clone(),
                    },
                    pointer,
                    row,
                    col,
                );
                Some(text)
            }
        }
    }

    fn date(&mut self, row: u32, col: u16, field: &str, pointer: &str) -> Option<NaiveDate> {
        let value = self.raw(row, col, field, pointer)?;
        let (converted, shown_value) = match value {
            Value::Date(d) => return Some(*d),
            Value::Number(n) => (serial_date(*n), plain_number(*n)),
            Value::Text(t) => (text_date(t), t.clone()),
            other => (None, value_text(other)),
        };
        if let Some(day) = converted {
            self.finding(
                Message::FormDateConverted {
                    field: field.to_string(),
                    value: short(&shown_value),
                    date: day,
                },
                pointer,
                row,
                col,
            );
            Some(day)
        } else {
            self.finding(
                Message::FormDateUnreadable {
                    field: field.to_string(),
                    value: short(&shown_value),
                },
                pointer,
                row,
                col,
            );
            None
        }
    }

    fn number(&mut self, row: u32, col: u16, field: &str, pointer: &str) -> Option<f64> {
        let value = self.raw(row, col, field, pointer)?;
        let (converted, shown_value) = match value {
            Value::Number(n) => return Some(*n),
            Value::Text(t) => (text_number(t), t.clone()),
            other => (None, value_text(other)),
        };
        if let Some(number) = converted {
            self.finding(
                Message::FormNumberConverted {
                    field: field.to_string(),
                    value: short(&shown_value),
                    number: WithGerman {
                        value: plain_number(number),
                        de: crate::layout::german_number(number),
                    },
                },
                pointer,
                row,
                col,
            );
        } else {
            self.finding(
                Message::FormNumberUnreadable {
                    field: field.to_string(),
                    value: short(&shown_value),
                },
                pointer,
                row,
                col,
            );
        }
        converted
    }

    fn choice<T>(
        &mut self,
        row: u32,
        col: u16,
        field: &str,
        pointer: &str,
        pick: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.text(row, col, field, pointer)?;
        match pick(&text) {
            Ok(value) => Some(value),
            Err(allowed) => {
                self.finding(
                    Message::FormChoiceUnknown {
                        field: field.to_string(),
                        value: short(&text),
                        allowed,
                    },
                    pointer,
                    row,
                    col,
                );
                None
            }
        }
    }

    fn required(&mut self, row: u32, col: u16, field: &str, pointer: &str) {
        self.finding(
            Message::FormRequiredEmpty {
                field: field.to_string(),
            },
            pointer,
            row,
            col,
        );
    }

    fn incomplete(&mut self, row: u32, col: u16, field: &str, missing: &str, pointer: &str) {
        self.finding(
            Message::FormIncompleteRow {
                field: field.to_string(),
                missing: missing.to_string(),
            },
            pointer,
            row,
            col,
        );
    }

    fn done(self, sheet: Option<ReportSheet>, rule_findings: Vec<Finding>) -> ImportedForm {
        let mut findings = self.findings;
        findings.extend(rule_findings);
        ImportedForm {
            worksheet: self.grid.name.clone(),
            sheet,
            result: ValidationResult::from_findings(findings),
        }
    }

    /// The cell of a JSON Pointer: the cell that fed it, else the nearest enclosing one's.
    fn cell_for(&self, pointer: &str) -> Option<(u32, u16)> {
        let mut pointer = pointer;
        loop {
            if let Some(cell) = self.cells.get(pointer) {
                return Some(*cell);
            }
            let cut = pointer.rfind('/')?;
            pointer = pointer.get(..cut).unwrap_or_default();
        }
    }

    #[allow(clippy::too_many_lines)] // The form top to bottom, as the writer lays it out.
    fn read(mut self) -> ImportedForm {
        let w = words();
        // Identification: template version, system, goal, tertial.
        self.meta_value(MARKER);
        let version = self.meta_value(meta::VERSION).unwrap_or_default();
        if version != TEMPLATE_VERSION {
            self.finding(
                Message::FormTemplateVersion {
                    version,
                    current: TEMPLATE_VERSION.to_string(),
                },
                "",
                1,
                COL_META_VALUE,
            );
            return self.done(None, Vec::new());
        }
        let authority = self.meta_value(meta::AUTHORITY).unwrap_or_default();
        let year = self.meta_value(meta::YEAR).unwrap_or_default();
        let goal_id = self.meta_value(meta::GOAL).unwrap_or_default();
        let tertial_code = self.meta_value(meta::TERTIAL).unwrap_or_default();
        let unit_columns: u16 = self
            .meta_value(meta::UNIT_COLUMNS)
            .and_then(|v| v.parse().ok())
            .unwrap_or(crate::layout::COUNTERMEASURE_UNIT_COLUMNS)
            .clamp(1, COL_META_KEY - COL_C - 1);
        if authority != self.system.authority || year != self.system.year.to_string() {
            self.finding(
                Message::FormForeignSystem {
                    form_authority: short(&authority),
                    form_year: short(&year),
                    authority: self.system.authority.clone(),
                    year: self.system.year,
                },
                "/authority",
                2,
                COL_META_VALUE,
            );
            return self.done(None, Vec::new());
        }
        let Ok(tertial) = tertial_code.parse::<Tertial>() else {
            self.finding(
                Message::FormFieldMissing {
                    field: "Formularkennung: Tertial".to_string(),
                },
                "/tertial",
                5,
                COL_META_VALUE,
            );
            return self.done(None, Vec::new());
        };
        if let Some(expected) = self.options.tertial {
            if expected != tertial {
                self.finding(
                    Message::FormForeignTertial {
                        form_tertial: tertial.label_de(),
                        tertial: expected.label_de(),
                    },
                    "/tertial",
                    5,
                    COL_META_VALUE,
                );
                return self.done(None, Vec::new());
            }
        }
        let Some(goal) = self.system.goal(&goal_id) else {
            self.finding(
                Message::FormForeignGoal {
                    form_goal: short(&goal_id),
                    detail: Twin::new(
                        format!("das im Zielsystem {} nicht vorkommt.", self.system.year),
                        format!("which is not in the {} target system.", self.system.year),
                    ),
                },
                "/goal",
                4,
                COL_META_VALUE,
            );
            return self.done(None, Vec::new());
        };
        let choices = Choices::new(self.system, tertial);

        // Known texts of the template, wherever they stand.
        let known: Vec<String> = vec![
            w.sheet_schema_title().to_string(),
            subtitle(self.system),
            INSTRUCTIONS.to_string(),
            END_LABEL.to_string(),
            format!(
                "{}: mindestens zwei, aus der Liste wählen.",
                w.part_title("Countermeasure", "org_units")
            ),
            PREVIOUS_HELP.to_string(),
            MEMBER_HELP.to_string(),
            DEPUTY_HELP.to_string(),
            tertial.label_de(),
            DATE_HELP.to_string(),
            w.sheet_help("forecast").to_string(),
            w.sheet_help("rationale").to_string(),
            NO_INDICATORS.to_string(),
        ];
        let known_cells: Vec<(u32, u16)> = self
            .grid
            .cells
            .iter()
            .filter(|(_, cell)| cell.formula.is_none() && known.contains(&shown(cell)))
            .map(|(position, _)| *position)
            .collect();
        self.consumed.extend(known_cells);

        // Header fields, found by their labels.
        let mut values: Map<String, Json> = Map::new();
        values.insert(
            "schema_version".into(),
            json!(zielsystem_core::SCHEMA_VERSION),
        );
        values.insert("authority".into(), json!(self.system.authority));
        values.insert("goal".into(), json!(goal.id));
        values.insert("tertial".into(), json!(tertial.to_string()));
        let mut first_field_row = None;
        for (index, field) in Field::ALL.into_iter().enumerate() {
            let label = field.label();
            let Some(row) = self.rows_labelled(&label).first().copied() else {
                let expected_row = 4 + index as u32;
                self.finding(
                    Message::FormFieldMissing { field: label },
                    field.pointer().unwrap_or(""),
                    expected_row,
                    COL_LABEL,
                );
                continue;
            };
            first_field_row.get_or_insert(row);
            self.consumed.insert((row, COL_LABEL));
            if let Some(pointer) = field.pointer() {
                self.cells.insert(pointer.to_string(), (row, COL_MAIN));
            }
            match field {
                Field::Authority => {
                    self.fixed(row, COL_MAIN, &self.system.authority.clone(), &label);
                }
                Field::Year => self.fixed(row, COL_MAIN, &self.system.year.to_string(), &label),
                Field::Tertial => self.fixed(row, COL_MAIN, &tertial.to_string(), &label),
                Field::CutOff => self.fixed(row, COL_MAIN, &tertial.cut_off().to_string(), &label),
                Field::Deadline => {
                    self.fixed(row, COL_MAIN, &tertial.deadline().to_string(), &label);
                }
                Field::Goal => self.fixed(row, COL_MAIN, &goal.id, &label),
                Field::GoalTitle => self.fixed(row, COL_MAIN, &goal.title, &label),
                Field::Perspective => {
                    self.fixed(row, COL_MAIN, goal.perspective.label_de(), &label);
                }
                Field::Portfolio => {
                    self.fixed(
                        row,
                        COL_MAIN,
                        &portfolio_text(self.system, &goal.portfolio),
                        &label,
                    );
                }
                Field::ReportingMember => {
                    match self.choice(row, COL_MAIN, &label, "/reporting_member", |t| {
                        choices.member(t)
                    }) {
                        Some(member) => {
                            values.insert("reporting_member".into(), json!(member));
                        }
                        None if !self.filled(row, COL_MAIN) => {
                            self.required(row, COL_MAIN, &label, "/reporting_member");
                        }
                        None => {}
                    }
                }
                // Optional: empty unless a deputy signs in representation.
                Field::SignedBy => {
                    if let Some(deputy) =
                        self.choice(row, COL_MAIN, &label, "/signed_by", |t| choices.member(t))
                    {
                        values.insert("signed_by".into(), json!(deputy));
                    }
                }
                Field::SubmittedOn => match self.date(row, COL_MAIN, &label, "/submitted_on") {
                    Some(day) => {
                        values.insert("submitted_on".into(), json!(day.to_string()));
                    }
                    None if !self.filled(row, COL_MAIN) => {
                        self.required(row, COL_MAIN, &label, "/submitted_on");
                    }
                    None => {}
                },
            }
        }
        // The earlier tertial's forecast, shown for reference.
        let reference: Vec<(u32, u16)> = self
            .grid
            .cells
            .iter()
            .filter(|((_, col), cell)| {
                *col == COL_LABEL && matches!(&cell.value, Some(Value::Text(t)) if t.starts_with("Einschätzung im "))
            })
            .map(|(position, _)| *position)
            .collect();
        for (row, _) in reference {
            self.consumed.insert((row, COL_LABEL));
            self.consumed.insert((row, COL_MAIN));
        }

        // Sections, found by their labels, in order.
        let mut anchors: Vec<(Section, Option<u32>)> = Vec::new();
        let mut last = first_field_row.unwrap_or(0);
        for (index, section) in Section::ALL.into_iter().enumerate() {
            let label = section.label();
            let row = self
                .rows_labelled(&label)
                .into_iter()
                .find(|row| *row > last);
            if let Some(row) = row {
                self.consumed.insert((row, COL_LABEL));
                self.cells
                    .insert(format!("/{}", section.key()), (row, COL_LABEL));
                last = row;
            } else {
                // Where the section stands in an unchanged empty form.
                let expected_row = 17 + 8 * index as u32;
                self.finding(
                    Message::FormSectionMissing { field: label },
                    "",
                    expected_row,
                    COL_LABEL,
                );
            }
            anchors.push((section, row));
        }
        let end = self
            .rows_labelled(END_LABEL)
            .into_iter()
            .find(|row| *row > last)
            .unwrap_or(crate::read::MAX_ROWS);
        let next_anchor = |index: usize| {
            anchors
                .iter()
                .skip(index + 1)
                .find_map(|(_, row)| *row)
                .unwrap_or(end)
        };

        let mut contributions = Vec::new();
        let mut indicator_values = Vec::new();
        let mut risks = Vec::new();
        let mut countermeasures = Vec::new();
        for (index, (section, anchor)) in anchors.clone().into_iter().enumerate() {
            let Some(anchor) = anchor else { continue };
            let stop = next_anchor(index);
            if section == Section::Forecast {
                self.forecast_section(anchor, stop, &choices, &mut values);
                continue;
            }
            let header = anchor + 1;
            self.column_headers(section, header, unit_columns);
            for row in header + 1..stop {
                // Column A of an entry row: its number, or empty in a row inserted by the person.
                if section != Section::Indicators {
                    let label = self.text_of(row, COL_LABEL);
                    if label.trim().is_empty() || label.trim().chars().all(|c| c.is_ascii_digit()) {
                        self.consumed.insert((row, COL_LABEL));
                    }
                }
                match section {
                    Section::Contributions => {
                        let index = contributions.len();
                        if let Some(entry) = self.contribution(row, index, &choices) {
                            contributions.push(entry);
                        }
                    }
                    Section::Indicators => {
                        let index = indicator_values.len();
                        if let Some(entry) = self.indicator(row, index, goal) {
                            indicator_values.push(entry);
                        }
                    }
                    Section::Risks => {
                        let index = risks.len();
                        if let Some(entry) = self.risk(row, index) {
                            risks.push(entry);
                        }
                    }
                    Section::Countermeasures => {
                        let index = countermeasures.len();
                        if let Some(entry) = self.countermeasure(row, index, unit_columns, &choices)
                        {
                            countermeasures.push(entry);
                        }
                    }
                    Section::Forecast => {}
                }
            }
        }
        values.insert("contributions".into(), Json::Array(contributions));
        values.insert("indicator_values".into(), Json::Array(indicator_values));
        values.insert("risks".into(), Json::Array(risks));
        values.insert("countermeasures".into(), Json::Array(countermeasures));

        // Everything typed anywhere else would be lost: each such cell is a finding.
        let stray: Vec<Finding> = self
            .grid
            .cells
            .iter()
            .filter(|(position, _)| !self.consumed.contains(position))
            .map(|((row, col), cell)| stray_finding(&self.grid.name, *row, *col, cell))
            .collect();
        self.findings.extend(stray);

        if self
            .findings
            .iter()
            .any(|f| f.is_error() && blocks_sheet(f.code))
        {
            return self.done(None, Vec::new());
        }
        let ordered = zielsystem_core::model::report_sheet::KEYS;
        let mut document = Map::new();
        for key in ordered {
            if let Some(value) = values.remove(key) {
                document.insert(key.to_string(), value);
            }
        }
        let bytes = serde_json::to_vec(&Json::Object(document)).unwrap_or_default();
        let checked = check_sheet_json(&bytes, self.system, &self.options.history);
        let rule_findings: Vec<Finding> = checked
            .result
            .findings
            .into_iter()
            .map(|finding| match self.cell_for(&finding.path) {
                Some((row, col)) => located(finding, &self.grid.name, row, col),
                None => finding,
            })
            .collect();
        self.done(checked.document, rule_findings)
    }

    fn column_headers(&mut self, section: Section, row: u32, unit_columns: u16) {
        let w = words();
        let mut expected: Vec<(u16, String)> = match section {
            Section::Contributions => vec![
                (COL_LABEL, "Nr.".to_string()),
                (COL_MAIN, w.part_title("Contribution", "text").to_string()),
                (COL_C, w.part_title("Contribution", "org_unit").to_string()),
            ],
            Section::Indicators => vec![
                (
                    COL_LABEL,
                    w.part_title("IndicatorValue", "indicator").to_string(),
                ),
                (
                    COL_MAIN,
                    w.system_part_title("Indicator", "name").to_string(),
                ),
                (COL_C, w.part_title("IndicatorValue", "value").to_string()),
                (COL_D, w.part_title("IndicatorValue", "as_of").to_string()),
            ],
            Section::Risks => vec![
                (COL_LABEL, "Nr.".to_string()),
                (COL_MAIN, w.part_title("Risk", "description").to_string()),
                (COL_C, w.part_title("Risk", "likelihood").to_string()),
                (COL_D, w.part_title("Risk", "impact").to_string()),
            ],
            Section::Countermeasures => vec![
                (COL_LABEL, "Nr.".to_string()),
                (
                    COL_MAIN,
                    w.part_title("Countermeasure", "description").to_string(),
                ),
            ],
            Section::Forecast => Vec::new(),
        };
        if section == Section::Countermeasures {
            for offset in 0..unit_columns {
                expected.push((
                    COL_C + offset,
                    format!(
                        "{} {}",
                        w.part_title("Contribution", "org_unit"),
                        offset + 1
                    ),
                ));
            }
        }
        for (col, text) in expected {
            self.fixed(row, col, &text, &text);
        }
    }

    fn forecast_section(
        &mut self,
        anchor: u32,
        stop: u32,
        choices: &Choices,
        values: &mut Map<String, Json>,
    ) {
        let w = words();
        for (key, pointer) in [("forecast", "/forecast"), ("rationale", "/rationale")] {
            let label = w.sheet_title(key).to_string();
            let row = self
                .rows_labelled(&label)
                .into_iter()
                .find(|row| *row > anchor && *row < stop);
            let Some(row) = row else {
                self.finding(
                    Message::FormFieldMissing { field: label },
                    pointer,
                    anchor + 1,
                    COL_LABEL,
                );
                continue;
            };
            self.consumed.insert((row, COL_LABEL));
            let value = if key == "forecast" {
                self.choice(row, COL_MAIN, &label, pointer, |t| choices.forecast(t))
                    .map(|f| json!(f.as_str()))
            } else {
                self.text(row, COL_MAIN, &label, pointer).map(Json::String)
            };
            match value {
                Some(value) => {
                    values.insert(key.to_string(), value);
                }
                None if !self.filled(row, COL_MAIN) => {
                    self.required(row, COL_MAIN, &label, pointer);
                }
                None => {}
            }
        }
    }

    fn contribution(&mut self, row: u32, index: usize, choices: &Choices) -> Option<Json> {
        if !self.filled(row, COL_MAIN) && !self.filled(row, COL_C) {
            self.consumed.insert((row, COL_MAIN));
            self.consumed.insert((row, COL_C));
            return None;
        }
        let w = words();
        let base = format!("/contributions/{index}");
        self.cells.insert(base.clone(), (row, COL_MAIN));
        let field = format!("{} {}", w.def_title("Contribution"), index + 1);
        let text = self.text(row, COL_MAIN, &field, &format!("{base}/text"));
        let unit = self.choice(row, COL_C, &field, &format!("{base}/org_unit"), |t| {
            choices.org_unit(t)
        });
        let Some(text) = text else {
            if !self.filled(row, COL_MAIN) {
                self.incomplete(
                    row,
                    COL_MAIN,
                    &field,
                    w.part_title("Contribution", "text"),
                    &format!("{base}/text"),
                );
            }
            return None;
        };
        let mut entry = Map::new();
        entry.insert("text".into(), json!(text));
        if let Some(unit) = unit {
            entry.insert("org_unit".into(), json!(unit));
        }
        Some(Json::Object(entry))
    }

    fn indicator(&mut self, row: u32, index: usize, goal: &Goal) -> Option<Json> {
        let w = words();
        let id = self.text_of(row, COL_LABEL).trim().to_string();
        self.consumed.insert((row, COL_LABEL));
        self.consumed.insert((row, COL_MAIN));
        let known = goal.indicators.iter().find(|i| i.id == id);
        if !self.filled(row, COL_C) && !self.filled(row, COL_D) {
            self.consumed.insert((row, COL_C));
            self.consumed.insert((row, COL_D));
            if id.is_empty() && self.text_of(row, COL_MAIN).trim().is_empty() {
                return None;
            }
            if known.is_none()
                && !id.is_empty()
                && self.text_of(row, COL_MAIN) != "(keine Kennzahl dieses Ziels)"
            {
                self.fixed(
                    row,
                    COL_LABEL,
                    "",
                    w.part_title("IndicatorValue", "indicator"),
                );
            }
            return None;
        }
        let base = format!("/indicator_values/{index}");
        self.cells.insert(base.clone(), (row, COL_C));
        self.cells
            .insert(format!("{base}/indicator"), (row, COL_LABEL));
        let field = format!("{} {id}", w.part_title("IndicatorValue", "indicator"));
        if id.is_empty() {
            self.incomplete(
                row,
                COL_LABEL,
                &field,
                w.part_title("IndicatorValue", "indicator"),
                &format!("{base}/indicator"),
            );
        }
        let value = self.number(row, COL_C, &field, &format!("{base}/value"));
        let as_of = self.date(row, COL_D, &field, &format!("{base}/as_of"));
        if value.is_none() && !self.filled(row, COL_C) {
            self.incomplete(
                row,
                COL_C,
                &field,
                w.part_title("IndicatorValue", "value"),
                &format!("{base}/value"),
            );
        }
        if as_of.is_none() && !self.filled(row, COL_D) {
            self.incomplete(
                row,
                COL_D,
                &field,
                w.part_title("IndicatorValue", "as_of"),
                &format!("{base}/as_of"),
            );
        }
        let (value, as_of) = (value?, as_of?);
        if id.is_empty() {
            return None;
        }
        Some(json!({ "indicator": id, "value": value, "as_of": as_of.to_string() }))
    }

    fn risk(&mut self, row: u32, index: usize) -> Option<Json> {
        if ![COL_MAIN, COL_C, COL_D]
            .iter()
            .any(|c| self.filled(row, *c))
        {
            self.consumed
                .extend([(row, COL_MAIN), (row, COL_C), (row, COL_D)]);
            return None;
        }
        let w = words();
        let base = format!("/risks/{index}");
        self.cells.insert(base.clone(), (row, COL_MAIN));
        let field = format!("{} {}", w.def_title("Risk"), index + 1);
        let description = self.text(row, COL_MAIN, &field, &format!("{base}/description"));
        let likelihood = self.choice(
            row,
            COL_C,
            &field,
            &format!("{base}/likelihood"),
            Choices::level,
        );
        let impact = self.choice(
            row,
            COL_D,
            &field,
            &format!("{base}/impact"),
            Choices::level,
        );
        for (col, key, present) in [
            (COL_MAIN, "description", description.is_some()),
            (COL_C, "likelihood", likelihood.is_some()),
            (COL_D, "impact", impact.is_some()),
        ] {
            if !present && !self.filled(row, col) {
                self.incomplete(
                    row,
                    col,
                    &field,
                    w.part_title("Risk", key),
                    &format!("{base}/{key}"),
                );
            }
        }
        let (description, likelihood, impact) = (description?, likelihood?, impact?);
        Some(json!({
            "description": description,
            "likelihood": serde_json::to_value(likelihood).unwrap_or_default(),
            "impact": serde_json::to_value(impact).unwrap_or_default(),
        }))
    }

    fn countermeasure(
        &mut self,
        row: u32,
        index: usize,
        unit_columns: u16,
        choices: &Choices,
    ) -> Option<Json> {
        let columns: Vec<u16> = (COL_C..COL_C + unit_columns).collect();
        if !self.filled(row, COL_MAIN) && !columns.iter().any(|c| self.filled(row, *c)) {
            self.consumed.insert((row, COL_MAIN));
            self.consumed.extend(columns.iter().map(|c| (row, *c)));
            return None;
        }
        let w = words();
        let base = format!("/countermeasures/{index}");
        self.cells.insert(base.clone(), (row, COL_MAIN));
        self.cells.insert(format!("{base}/org_units"), (row, COL_C));
        let field = format!("{} {}", w.def_title("Countermeasure"), index + 1);
        let description = self.text(row, COL_MAIN, &field, &format!("{base}/description"));
        let mut units = Vec::new();
        for col in columns {
            let pointer = format!("{base}/org_units/{}", units.len());
            if let Some(unit) = self.choice(row, col, &field, &pointer, |t| choices.org_unit(t)) {
                units.push(json!(unit));
            }
        }
        let Some(description) = description else {
            if !self.filled(row, COL_MAIN) {
                self.incomplete(
                    row,
                    COL_MAIN,
                    &field,
                    w.part_title("Countermeasure", "description"),
                    &format!("{base}/description"),
                );
            }
            return None;
        };
        Some(json!({ "description": description, "org_units": units }))
    }
}
