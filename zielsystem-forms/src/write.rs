//! Forms out: one XLSX workbook, pre-filled from the target system (and, where given, a sheet's
//! answers), protected except for the fields the member fills in, with drop-down lists, help texts
//! and an A4 print setup.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign,
    FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use zielsystem_core::model::target_system::Goal;
use zielsystem_core::{ReportSheet, TargetSystem, Tertial};

use crate::FormError;
use crate::choices::Choices;
use crate::layout::{
    COL_C, COL_D, COL_LABEL, COL_MAIN, COL_META_KEY, COL_META_VALUE, COUNTERMEASURE_UNIT_COLUMNS,
    END_LABEL, Field, LISTS_SHEET, MARKER, SINGLE_SHEET, Section, TEMPLATE_VERSION,
    forecast_choices, meta, words,
};

/// What a form is written for.
#[derive(Clone, Debug)]
pub struct FormRequest<'a> {
    /// The tertial reported on.
    pub tertial: Tertial,
    /// Sheets of earlier tertials: the latest one of each goal is shown for reference.
    pub previous: &'a [ReportSheet],
    /// Sheets whose answers fill the form (a returned sheet, or any sheet shown as its form).
    pub answers: &'a [ReportSheet],
}

/// What the person filling in the form reads first.
pub const INSTRUCTIONS: &str = "Bitte nur die gelben Felder ausfüllen; Auswahlfelder über die Liste wählen, Daten als TT.MM.JJJJ. Die grauen Felder sind vorgegeben und geschützt. Zeilen für weitere Einträge lassen sich einfügen.";

/// Help beside the submission day (the schema's help speaks of ISO dates; the form has date cells).
pub const DATE_HELP: &str = "Datum (TT.MM.JJJJ), zwischen Berichtsstichtag und Berichtsfrist.";
/// Help beside the reporting member.
pub const MEMBER_HELP: &str = "Kennung aus der Liste";
/// Help beside the deputy's cell: left empty unless someone signs in representation.
pub const DEPUTY_HELP: &str = "Nur ausfüllen, wenn ein anderes Bezirksamtsmitglied in Vertretung unterzeichnet (Kennung aus der Liste).";
/// Help beside the earlier tertial's forecast.
pub const PREVIOUS_HELP: &str = "zum Vergleich";
/// Shown where a goal has no indicators.
pub const NO_INDICATORS: &str = "Für dieses Ziel sind keine Kennzahlen beschlossen.";

/// Column widths (in characters of the default font): label, main text, each further column.
const WIDTHS: (f64, f64, f64) = (28.0, 60.0, 16.0);
/// Height of a row whose height is not set, in points.
const DEFAULT_ROW_HEIGHT: f64 = 15.0;
/// Usable height of a landscape A4 page at the fit-to-width scale, in unscaled points.
const PAGE_HEIGHT: f64 = 640.0;

/// A row height (points) that shows `text` in a wrapped column of `width`, at least `min`.
fn fitting_height(texts: &[(&str, f64)], min: f64) -> f64 {
    let lines = texts
        .iter()
        .map(|(text, width)| {
            text.split('\n')
                .map(|line| {
                    (line.chars().count() as f64 / (width * 1.1))
                        .ceil()
                        .max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * 12.75 + 4.0).max(min).min(409.0)
}

/// Empty rows offered in a list section beyond the entries already there.
const SPARE_ROWS: usize = 2;
/// Rows of a list section at least.
const MIN_ROWS: usize = 4;

/// A workbook with one worksheet, `Berichtsblatt`, for `goal`.
pub fn goal_form(
    system: &TargetSystem,
    goal: &str,
    request: &FormRequest<'_>,
) -> Result<Vec<u8>, FormError> {
    check_tertial(system, request.tertial)?;
    let goal = system
        .goal(goal)
        .ok_or_else(|| FormError::UnknownGoal(goal.to_string()))?;
    workbook(system, &[(SINGLE_SHEET.to_string(), goal)], request)
}

/// The goals `member` reports on in `tertial`: those of the portfolios the member holds on the
/// cut-off or the deadline, in system order.
pub fn goals_of_member<'a>(
    system: &'a TargetSystem,
    member: &str,
    tertial: Tertial,
) -> Result<Vec<&'a Goal>, FormError> {
    if system.member(member).is_none() {
        return Err(FormError::UnknownMember(member.to_string()));
    }
    let holds = |portfolio: &str, day: NaiveDate| {
        system
            .holder_on(portfolio, day)
            .is_some_and(|(holder, _)| holder.id == member)
    };
    let goals: Vec<&Goal> = system
        .goals
        .iter()
        .filter(|goal| {
            holds(&goal.portfolio, tertial.cut_off()) || holds(&goal.portfolio, tertial.deadline())
        })
        .collect();
    if goals.is_empty() {
        return Err(FormError::MemberWithoutGoals(
            member.to_string(),
            tertial.to_string(),
        ));
    }
    Ok(goals)
}

/// A workbook for `member`: one worksheet per goal the member reports on, named by the goal.
pub fn member_form(
    system: &TargetSystem,
    member: &str,
    request: &FormRequest<'_>,
) -> Result<Vec<u8>, FormError> {
    check_tertial(system, request.tertial)?;
    let goals = goals_of_member(system, member, request.tertial)?;
    let sheets: Vec<(String, &Goal)> = goals.into_iter().map(|g| (g.id.clone(), g)).collect();
    workbook(system, &sheets, request)
}

fn check_tertial(system: &TargetSystem, tertial: Tertial) -> Result<(), FormError> {
    if tertial.year() == system.year {
        Ok(())
    } else {
        Err(FormError::TertialOutsideYear(
            tertial.to_string(),
            system.year,
        ))
    }
}

struct Formats {
    title: Format,
    subtitle: Format,
    section: Format,
    header: Format,
    label: Format,
    fixed: Format,
    fixed_date: Format,
    help: Format,
    input: Format,
    input_text: Format,
    input_date: Format,
    input_number: Format,
    meta: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("Arial")
            .set_font_size(10)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        let boxed = |format: Format| {
            format
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0x00A0_A0A0))
        };
        let input = boxed(
            base.clone()
                .set_unlocked()
                .set_background_color(Color::RGB(0x00FF_F8DC)),
        );
        Formats {
            title: Format::new()
                .set_font_name("Arial")
                .set_bold()
                .set_font_size(14),
            subtitle: Format::new().set_font_name("Arial").set_font_size(10),
            section: base
                .clone()
                .set_bold()
                .set_font_size(11)
                .set_background_color(Color::RGB(0x00DD_E6EE))
                .set_border_bottom(FormatBorder::Thin),
            header: boxed(
                base.clone()
                    .set_bold()
                    .set_background_color(Color::RGB(0x00F2_F2F2)),
            ),
            label: boxed(base.clone().set_bold()),
            fixed: boxed(base.clone().set_background_color(Color::RGB(0x00F2_F2F2))),
            fixed_date: boxed(
                base.clone()
                    .set_background_color(Color::RGB(0x00F2_F2F2))
                    .set_num_format("DD.MM.YYYY")
                    .set_align(FormatAlign::Left),
            ),
            help: base
                .clone()
                .set_italic()
                .set_font_size(8)
                .set_font_color(Color::RGB(0x0055_5555)),
            input: input.clone(),
            input_text: input.clone(),
            input_date: input
                .clone()
                .set_num_format("DD.MM.YYYY")
                .set_align(FormatAlign::Left),
            input_number: input.set_num_format("General").set_align(FormatAlign::Left),
            meta: base.set_hidden(),
        }
    }
}

fn xlsx(error: &XlsxError) -> FormError {
    FormError::Write(error.to_string())
}

fn excel_date(day: NaiveDate) -> Result<ExcelDateTime, FormError> {
    let year = u16::try_from(day.year()).map_err(|_| FormError::Write(format!("Jahr {day}")))?;
    ExcelDateTime::from_ymd(year, day.month() as u8, day.day() as u8).map_err(|e| xlsx(&e))
}

fn workbook(
    system: &TargetSystem,
    sheets: &[(String, &Goal)],
    request: &FormRequest<'_>,
) -> Result<Vec<u8>, FormError> {
    for answer in request.answers {
        if answer.tertial != request.tertial || !sheets.iter().any(|(_, g)| g.id == answer.goal) {
            return Err(FormError::AnswersMismatch(
                answer.goal.clone(),
                answer.tertial.to_string(),
            ));
        }
    }
    let choices = Choices::new(system, request.tertial);
    let formats = Formats::new();
    let mut book = Workbook::new();
    for (name, goal) in sheets {
        let answer = request.answers.iter().find(|s| s.goal == goal.id);
        let previous = request
            .previous
            .iter()
            .filter(|s| {
                s.goal == goal.id && s.tertial < request.tertial && s.authority == system.authority
            })
            .max_by_key(|s| s.tertial);
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(|e| xlsx(&e))?;
        let mut writer = SheetWriter {
            sheet,
            formats: &formats,
            choices: &choices,
            row: 0,
            heights: std::collections::BTreeMap::new(),
            section_rows: Vec::new(),
        };
        writer.form(system, goal, request.tertial, answer, previous)?;
    }
    let lists = book.add_worksheet();
    lists.set_name(LISTS_SHEET).map_err(|e| xlsx(&e))?;
    choices.write_lists(lists).map_err(|e| xlsx(&e))?;
    lists.set_hidden(true);
    lists.protect();
    book.save_to_buffer().map_err(|e| xlsx(&e))
}

struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    formats: &'a Formats,
    choices: &'a Choices,
    row: u32,
    heights: std::collections::BTreeMap<u32, f64>,
    section_rows: Vec<u32>,
}

/// Where a text cell takes its value from: a text always stays a text, never becomes a formula,
/// whatever it begins with (`=`, `+`, `-`, `@`).
fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), FormError> {
    sheet
        .write_string_with_format(row, col, value, format)
        .map(|_| ())
        .map_err(|e| xlsx(&e))
}

impl SheetWriter<'_> {
    fn label(&mut self, col: u16, value: &str, format_kind: &str) -> Result<(), FormError> {
        let f = self.formats;
        let format = match format_kind {
            "title" => &f.title,
            "subtitle" => &f.subtitle,
            "section" => &f.section,
            "header" => &f.header,
            "help" => &f.help,
            "fixed" => &f.fixed,
            _ => &f.label,
        };
        text(self.sheet, self.row, col, value, format)
    }

    fn validation(&mut self, col: u16, validation: &DataValidation) -> Result<(), FormError> {
        self.sheet
            .add_data_validation(self.row, col, self.row, col, validation)
            .map(|_| ())
            .map_err(|e| xlsx(&e))
    }

    fn date_input(&mut self, col: u16, value: Option<NaiveDate>) -> Result<(), FormError> {
        match value {
            Some(day) => {
                let date = excel_date(day)?;
                self.sheet
                    .write_date_with_format(self.row, col, &date, &self.formats.input_date)
                    .map_err(|e| xlsx(&e))?;
            }
            None => {
                self.sheet
                    .write_blank(self.row, col, &self.formats.input_date)
                    .map_err(|e| xlsx(&e))?;
            }
        }
        let validation = DataValidation::new()
            .allow_date(rust_xlsxwriter::DataValidationRule::Between(
                excel_date(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default())?,
                excel_date(NaiveDate::from_ymd_opt(2099, 12, 31).unwrap_or_default())?,
            ))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_message("Bitte ein Datum eintragen (TT.MM.JJJJ).")
            .map_err(|e| xlsx(&e))?;
        self.validation(col, &validation)
    }

    fn text_input(&mut self, col: u16, value: Option<&str>) -> Result<(), FormError> {
        match value {
            Some(value) => text(self.sheet, self.row, col, value, &self.formats.input_text),
            None => self
                .sheet
                .write_blank(self.row, col, &self.formats.input_text)
                .map(|_| ())
                .map_err(|e| xlsx(&e)),
        }
    }

    fn choice_input(
        &mut self,
        col: u16,
        value: Option<&str>,
        list: &DataValidation,
    ) -> Result<(), FormError> {
        match value {
            Some(value) => text(self.sheet, self.row, col, value, &self.formats.input)?,
            None => {
                self.sheet
                    .write_blank(self.row, col, &self.formats.input)
                    .map_err(|e| xlsx(&e))?;
            }
        }
        self.validation(col, list)
    }

    fn meta(&mut self, row: u32, key: &str, value: &str) -> Result<(), FormError> {
        text(self.sheet, row, COL_META_KEY, key, &self.formats.meta)?;
        text(self.sheet, row, COL_META_VALUE, value, &self.formats.meta)
    }

    #[allow(clippy::too_many_lines)] // One form, top to bottom, in the order a person reads it.
    fn form(
        &mut self,
        system: &TargetSystem,
        goal: &Goal,
        tertial: Tertial,
        answer: Option<&ReportSheet>,
        previous: Option<&ReportSheet>,
    ) -> Result<(), FormError> {
        let w = words();
        let unit_columns = answer
            .iter()
            .flat_map(|s| s.countermeasures.iter())
            .map(|c| c.org_units.len())
            .max()
            .unwrap_or(0)
            .max(usize::from(COUNTERMEASURE_UNIT_COLUMNS));
        let unit_columns = u16::try_from(unit_columns)
            .unwrap_or(u16::MAX)
            .min(COL_META_KEY - COL_C - 1);
        let last_col = COL_C + unit_columns - 1;

        // Identification (hidden, protected): which template, system, goal and tertial.
        self.meta(0, MARKER, TEMPLATE_VERSION)?;
        self.meta(1, meta::VERSION, TEMPLATE_VERSION)?;
        self.meta(2, meta::AUTHORITY, &system.authority)?;
        self.meta(3, meta::YEAR, &system.year.to_string())?;
        self.meta(4, meta::GOAL, &goal.id)?;
        self.meta(5, meta::TERTIAL, &tertial.to_string())?;
        self.meta(6, meta::UNIT_COLUMNS, &unit_columns.to_string())?;

        self.label(COL_LABEL, w.sheet_schema_title(), "title")?;
        self.row += 1;
        self.label(
            COL_LABEL,
            &format!(
                "Zielsteuerung – {} – Zielsystem {}",
                system.authority, system.year
            ),
            "subtitle",
        )?;
        self.row += 1;
        self.merged(INSTRUCTIONS, last_col)?;
        self.height(26.0)?;
        self.row += 2;

        for field in Field::ALL {
            self.label(COL_LABEL, &field.label(), "label")?;
            match field {
                Field::Authority => self.label(COL_MAIN, &system.authority, "fixed")?,
                Field::Year => self.label(COL_MAIN, &system.year.to_string(), "fixed")?,
                Field::Tertial => {
                    self.label(COL_MAIN, &tertial.to_string(), "fixed")?;
                    self.help_right(&tertial.label_de(), last_col)?;
                }
                Field::CutOff | Field::Deadline => {
                    let day = if field == Field::CutOff {
                        tertial.cut_off()
                    } else {
                        tertial.deadline()
                    };
                    let date = excel_date(day)?;
                    self.sheet
                        .write_date_with_format(self.row, COL_MAIN, &date, &self.formats.fixed_date)
                        .map_err(|e| xlsx(&e))?;
                }
                Field::Goal => self.label(COL_MAIN, &goal.id, "fixed")?,
                Field::GoalTitle => {
                    self.label(COL_MAIN, &goal.title, "fixed")?;
                }
                Field::Perspective => self.label(COL_MAIN, goal.perspective.label_de(), "fixed")?,
                Field::Portfolio => {
                    self.label(COL_MAIN, &portfolio_text(system, &goal.portfolio), "fixed")?;
                }
                Field::ReportingMember => {
                    let member = answer.map(|s| s.reporting_member.clone()).or_else(|| {
                        system
                            .holder_on(&goal.portfolio, tertial.deadline())
                            .or_else(|| system.holder_on(&goal.portfolio, tertial.cut_off()))
                            .map(|(m, _)| m.id.clone())
                    });
                    let list = self
                        .choices
                        .members_validation(w.sheet_help("reporting_member"))?;
                    self.choice_input(COL_MAIN, member.as_deref(), &list)?;
                    self.help_right(MEMBER_HELP, last_col)?;
                }
                Field::SubmittedOn => {
                    self.date_input(COL_MAIN, answer.map(|s| s.submitted_on))?;
                    self.help_right(DATE_HELP, last_col)?;
                }
                Field::SignedBy => {
                    let deputy = answer.and_then(|s| s.signed_by.as_deref());
                    let list = self.choices.members_validation(w.sheet_help("signed_by"))?;
                    self.choice_input(COL_MAIN, deputy, &list)?;
                    self.help_right(DEPUTY_HELP, last_col)?;
                }
            }
            self.row += 1;
        }
        if let Some(previous) = previous {
            self.label(
                COL_LABEL,
                &format!("Einschätzung im {}", previous.tertial.label_de()),
                "label",
            )?;
            self.label(
                COL_MAIN,
                &format!(
                    "{} (Ampel {})",
                    previous.forecast.label_de(),
                    previous.forecast.light().label_de()
                ),
                "fixed",
            )?;
            self.help_right(PREVIOUS_HELP, last_col)?;
            self.row += 1;
        }

        // 1. Contributions.
        self.row += 1;
        self.section(Section::Contributions, last_col)?;
        self.label(COL_LABEL, "Nr.", "header")?;
        self.label(COL_MAIN, w.part_title("Contribution", "text"), "header")?;
        self.label(COL_C, w.part_title("Contribution", "org_unit"), "header")?;
        self.row += 1;
        let contributions = answer
            .map(|s| s.contributions.as_slice())
            .unwrap_or_default();
        let units = self.choices.org_units_validation()?;
        for index in 0..rows_for(contributions.len()) {
            let entry = contributions.get(index);
            self.label(COL_LABEL, &(index + 1).to_string(), "fixed")?;
            self.text_input(COL_MAIN, entry.map(|c| c.text.as_str()))?;
            let unit = entry
                .and_then(|c| c.org_unit.as_deref())
                .map(|id| self.choices.org_unit_label(id));
            self.choice_input(COL_C, unit.as_deref(), &units)?;
            let height = fitting_height(
                &[
                    (entry.map_or("", |c| c.text.as_str()), WIDTHS.1),
                    (unit.as_deref().unwrap_or(""), WIDTHS.2),
                ],
                40.0,
            );
            self.height(height)?;
            self.row += 1;
        }

        // 2. Indicator values: the goal's indicators (a sheet's values first, in its order).
        self.row += 1;
        self.section(Section::Indicators, last_col)?;
        self.label(
            COL_LABEL,
            w.part_title("IndicatorValue", "indicator"),
            "header",
        )?;
        self.label(COL_MAIN, w.system_part_title("Indicator", "name"), "header")?;
        self.label(COL_C, w.part_title("IndicatorValue", "value"), "header")?;
        self.label(COL_D, w.part_title("IndicatorValue", "as_of"), "header")?;
        self.row += 1;
        let values = answer
            .map(|s| s.indicator_values.as_slice())
            .unwrap_or_default();
        let mut rows: Vec<(String, Option<(f64, NaiveDate)>)> = values
            .iter()
            .map(|v| (v.indicator.clone(), Some((v.value, v.as_of))))
            .collect();
        for indicator in &goal.indicators {
            if !values.iter().any(|v| v.indicator == indicator.id) {
                rows.push((indicator.id.clone(), None));
            }
        }
        if rows.is_empty() {
            self.label(
                COL_MAIN,
                "Für dieses Ziel sind keine Kennzahlen beschlossen.",
                "help",
            )?;
            self.row += 1;
        }
        for (id, value) in rows {
            self.label(COL_LABEL, &id, "fixed")?;
            let description = goal.indicators.iter().find(|i| i.id == id).map_or_else(
                || "(keine Kennzahl dieses Ziels)".to_string(),
                |i| {
                    format!(
                        "{} – {}: {}; {}: {}; {}: {}; {}: {}",
                        i.name,
                        w.system_part_title("Indicator", "unit"),
                        i.unit,
                        w.system_part_title("Indicator", "baseline"),
                        crate::layout::german_number(i.baseline),
                        w.system_part_title("Indicator", "target"),
                        crate::layout::german_number(i.target),
                        w.system_part_title("Indicator", "direction"),
                        w.system_enum_title("Direction", direction_value(i.direction)),
                    )
                },
            );
            self.label(COL_MAIN, &description, "fixed")?;
            match value {
                Some((number, _)) => {
                    self.sheet
                        .write_number_with_format(
                            self.row,
                            COL_C,
                            number,
                            &self.formats.input_number,
                        )
                        .map_err(|e| xlsx(&e))?;
                }
                None => {
                    self.sheet
                        .write_blank(self.row, COL_C, &self.formats.input_number)
                        .map_err(|e| xlsx(&e))?;
                }
            }
            let numbers = DataValidation::new()
                .allow_decimal_number(rust_xlsxwriter::DataValidationRule::Between(-1e15, 1e15))
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_message("Bitte eine Zahl eintragen.")
                .map_err(|e| xlsx(&e))?;
            self.validation(COL_C, &numbers)?;
            self.date_input(COL_D, value.map(|(_, day)| day))?;
            let height = fitting_height(&[(description.as_str(), WIDTHS.1)], 28.0);
            self.height(height)?;
            self.row += 1;
        }

        // 3. Risks.
        self.row += 1;
        self.section(Section::Risks, last_col)?;
        self.label(COL_LABEL, "Nr.", "header")?;
        self.label(COL_MAIN, w.part_title("Risk", "description"), "header")?;
        self.label(COL_C, w.part_title("Risk", "likelihood"), "header")?;
        self.label(COL_D, w.part_title("Risk", "impact"), "header")?;
        self.height(fitting_height(
            &[(w.part_title("Risk", "likelihood"), WIDTHS.2)],
            DEFAULT_ROW_HEIGHT,
        ))?;
        self.row += 1;
        let risks = answer.map(|s| s.risks.as_slice()).unwrap_or_default();
        let levels = Choices::levels_validation()?;
        for index in 0..rows_for(risks.len()) {
            let entry = risks.get(index);
            self.label(COL_LABEL, &(index + 1).to_string(), "fixed")?;
            self.text_input(COL_MAIN, entry.map(|r| r.description.as_str()))?;
            self.choice_input(COL_C, entry.map(|r| r.likelihood.label_de()), &levels)?;
            self.choice_input(COL_D, entry.map(|r| r.impact.label_de()), &levels)?;
            let height = fitting_height(
                &[(entry.map_or("", |r| r.description.as_str()), WIDTHS.1)],
                40.0,
            );
            self.height(height)?;
            self.row += 1;
        }

        // 4. Forecast and rationale.
        self.row += 1;
        self.section(Section::Forecast, last_col)?;
        self.label(COL_LABEL, w.sheet_title("forecast"), "label")?;
        let forecasts = self.choices.forecast_validation(&format!(
            "Zulässig im {}: {}.",
            tertial.label_de(),
            forecast_choices(tertial).join(", ")
        ))?;
        self.choice_input(COL_MAIN, answer.map(|s| s.forecast.label_de()), &forecasts)?;
        self.help_right(w.sheet_help("forecast"), last_col)?;
        self.height(30.0)?;
        self.row += 1;
        self.label(COL_LABEL, w.sheet_title("rationale"), "label")?;
        self.text_input(COL_MAIN, answer.map(|s| s.rationale.as_str()))?;
        let rationale_height = fitting_height(
            &[(answer.map_or("", |s| s.rationale.as_str()), WIDTHS.1)],
            90.0,
        );
        self.help_right(w.sheet_help("rationale"), last_col)?;
        self.height(rationale_height)?;
        self.row += 1;

        // 5. Countermeasures.
        self.row += 1;
        self.section(Section::Countermeasures, last_col)?;
        self.label(COL_LABEL, "Nr.", "header")?;
        self.label(
            COL_MAIN,
            w.part_title("Countermeasure", "description"),
            "header",
        )?;
        for offset in 0..unit_columns {
            self.label(
                COL_C + offset,
                &format!(
                    "{} {}",
                    w.part_title("Contribution", "org_unit"),
                    offset + 1
                ),
                "header",
            )?;
        }
        self.row += 1;
        let countermeasures = answer
            .map(|s| s.countermeasures.as_slice())
            .unwrap_or_default();
        for index in 0..rows_for(countermeasures.len()) {
            let entry = countermeasures.get(index);
            self.label(COL_LABEL, &(index + 1).to_string(), "fixed")?;
            self.text_input(COL_MAIN, entry.map(|c| c.description.as_str()))?;
            for offset in 0..unit_columns {
                let unit = entry
                    .and_then(|c| c.org_units.get(usize::from(offset)))
                    .map(|id| self.choices.org_unit_label(id));
                self.choice_input(COL_C + offset, unit.as_deref(), &units)?;
            }
            let height = fitting_height(
                &[(entry.map_or("", |c| c.description.as_str()), WIDTHS.1)],
                40.0,
            );
            self.height(height)?;
            self.row += 1;
        }
        self.merged(
            &format!(
                "{}: mindestens zwei, aus der Liste wählen.",
                w.part_title("Countermeasure", "org_units")
            ),
            last_col,
        )?;
        self.row += 1;
        self.row += 1;
        self.label(COL_LABEL, END_LABEL, "help")?;
        let end = self.row;

        self.page_setup(system, goal, tertial, last_col, end)
    }

    /// A help text right of a field, over the remaining width.
    fn help_right(&mut self, value: &str, last_col: u16) -> Result<(), FormError> {
        self.sheet
            .merge_range(
                self.row,
                COL_C,
                self.row,
                last_col,
                value,
                &self.formats.help,
            )
            .map(|_| ())
            .map_err(|e| xlsx(&e))
    }

    /// A help text over the whole width of the form (merged cells keep it one cell for readers).
    fn merged(&mut self, value: &str, last_col: u16) -> Result<(), FormError> {
        self.sheet
            .merge_range(
                self.row,
                COL_LABEL,
                self.row,
                last_col,
                value,
                &self.formats.help,
            )
            .map(|_| ())
            .map_err(|e| xlsx(&e))
    }

    /// Sets the current row's height and remembers it for the page breaks.
    fn height(&mut self, points: f64) -> Result<(), FormError> {
        self.heights.insert(self.row, points);
        self.sheet
            .set_row_height(self.row, points)
            .map(|_| ())
            .map_err(|e| xlsx(&e))
    }

    /// Page breaks before the sections that would not fit on the page they start on.
    fn page_breaks(&self, end: u32) -> Vec<u32> {
        let height = |row: u32| {
            self.heights
                .get(&row)
                .copied()
                .unwrap_or(DEFAULT_ROW_HEIGHT)
        };
        let mut breaks = Vec::new();
        let mut page_start = 0;
        let mut starts = self.section_rows.clone();
        starts.push(end + 1);
        for pair in starts.windows(2) {
            let (start, next) = match pair {
                [start, next] => (*start, *next),
                _ => continue,
            };
            let used: f64 = (page_start..start).map(height).sum();
            let section: f64 = (start..next).map(height).sum();
            if start > page_start && used + section > PAGE_HEIGHT {
                breaks.push(start);
                page_start = start;
            }
        }
        breaks
    }

    fn section(&mut self, section: Section, last_col: u16) -> Result<(), FormError> {
        self.section_rows.push(self.row);
        self.sheet
            .merge_range(
                self.row,
                COL_LABEL,
                self.row,
                last_col,
                &section.label(),
                &self.formats.section,
            )
            .map_err(|e| xlsx(&e))?;
        self.height(18.0)?;
        self.row += 1;
        Ok(())
    }

    fn page_setup(
        &mut self,
        system: &TargetSystem,
        goal: &Goal,
        tertial: Tertial,
        last_col: u16,
        end: u32,
    ) -> Result<(), FormError> {
        let sheet = &mut *self.sheet;
        sheet
            .set_column_width(COL_LABEL, WIDTHS.0)
            .map_err(|e| xlsx(&e))?;
        sheet
            .set_column_width(COL_MAIN, WIDTHS.1)
            .map_err(|e| xlsx(&e))?;
        for col in COL_C..=last_col {
            sheet
                .set_column_width(col, WIDTHS.2)
                .map_err(|e| xlsx(&e))?;
        }
        sheet
            .set_column_hidden(COL_META_KEY)
            .map_err(|e| xlsx(&e))?;
        sheet
            .set_column_hidden(COL_META_VALUE)
            .map_err(|e| xlsx(&e))?;
        sheet.set_paper_size(9); // A4
        // Landscape: the countermeasures need their org-unit columns beside a readable text column.
        sheet.set_landscape();
        sheet.set_margins(0.6, 0.6, 0.7, 0.7, 0.3, 0.3);
        sheet.set_print_fit_to_pages(1, 0);
        let breaks = self.page_breaks(end);
        let sheet = &mut *self.sheet;
        sheet.set_page_breaks(&breaks).map_err(|e| xlsx(&e))?;
        sheet
            .set_print_area(0, COL_LABEL, end, last_col)
            .map_err(|e| xlsx(&e))?;
        sheet.set_header(format!(
            "&L&8{}&R&8Berichtsblatt {} – {}",
            escape_header(&system.authority),
            escape_header(&goal.id),
            tertial.label_de()
        ));
        sheet.set_footer("&L&8zielsystem-Formular&RSeite &P von &N");
        let options = ProtectionOptions {
            insert_rows: true,
            format_rows: true,
            ..ProtectionOptions::default()
        };
        sheet.protect_with_options(&options);
        Ok(())
    }
}

/// `&` starts a control code in a print header.
fn escape_header(text: &str) -> String {
    text.replace('&', "&&")
}

fn direction_value(direction: zielsystem_core::Direction) -> &'static str {
    match direction {
        zielsystem_core::Direction::Increase => "increase",
        zielsystem_core::Direction::Decrease => "decrease",
    }
}

/// The line under the form's title.
pub fn subtitle(system: &TargetSystem) -> String {
    format!(
        "Zielsteuerung – {} – Zielsystem {}",
        system.authority, system.year
    )
}

/// `I – Bezirksbürgermeister`: the portfolio as it is printed on the form.
pub fn portfolio_text(system: &TargetSystem, id: &str) -> String {
    system
        .portfolio(id)
        .map_or_else(|| id.to_string(), |p| format!("{} – {}", p.id, p.name))
}

fn rows_for(entries: usize) -> usize {
    (entries + SPARE_ROWS).max(MIN_ROWS)
}
