//! The drop-down lists of a form and how a chosen (or typed) value is read back: the German label
//! and the JSON value are accepted, anything else is refused with the allowed values listed.

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Formula, Worksheet, XlsxError};
use zielsystem_core::{Forecast, Level, TargetSystem, Tertial};

use crate::FormError;
use crate::layout::{LISTS_SHEET, forecast_choices, level_choices};

/// One choosable value: its JSON value and the labels that stand for it.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The JSON value.
    pub value: String,
    /// The label shown in the drop-down.
    pub label: String,
    /// Further spellings accepted (the JSON value, a bare name).
    pub aliases: Vec<String>,
}

/// The lists of one form.
#[derive(Clone, Debug)]
pub struct Choices {
    org_units: Vec<Choice>,
    members: Vec<Choice>,
    tertial: Tertial,
}

/// Trimmed, inner whitespace collapsed, lower case: how two spellings of a label are compared.
fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn find<'a>(choices: &'a [Choice], input: &str) -> Option<&'a Choice> {
    let wanted = normal(input);
    choices.iter().find(|c| {
        normal(&c.label) == wanted
            || normal(&c.value) == wanted
            || c.aliases.iter().any(|a| normal(a) == wanted)
    })
}

fn listed(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| format!("„{}“", c.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn forecast_choice(forecast: Forecast) -> Choice {
    Choice {
        value: forecast.as_str().to_string(),
        label: forecast.label_de().to_string(),
        aliases: Vec::new(),
    }
}

fn level_value(level: Level) -> &'static str {
    match level {
        Level::Low => "low",
        Level::Medium => "medium",
        Level::High => "high",
    }
}

impl Choices {
    /// The lists of a form of `system` for `tertial`.
    pub fn new(system: &TargetSystem, tertial: Tertial) -> Self {
        let org_units = system
            .org_units
            .iter()
            .map(|unit| {
                let unique = system
                    .org_units
                    .iter()
                    .filter(|other| other.name == unit.name)
                    .count()
                    == 1;
                let label = if unique {
                    unit.name.clone()
                } else {
                    format!("{} ({})", unit.name, unit.id)
                };
                Choice {
                    value: unit.id.clone(),
                    label,
                    aliases: vec![format!("{} ({})", unit.name, unit.id)],
                }
            })
            .collect();
        let members = system
            .members
            .iter()
            .map(|member| Choice {
                value: member.id.clone(),
                label: member.id.clone(),
                aliases: member
                    .name
                    .iter()
                    .flat_map(|name| [name.clone(), format!("{name} ({})", member.id)])
                    .collect(),
            })
            .collect();
        Choices {
            org_units,
            members,
            tertial,
        }
    }

    /// The label an org unit is shown with.
    pub fn org_unit_label(&self, id: &str) -> String {
        self.org_units
            .iter()
            .find(|c| c.value == id)
            .map_or_else(|| id.to_string(), |c| c.label.clone())
    }

    /// The org unit id for a chosen or typed value, or the allowed values.
    pub fn org_unit(&self, input: &str) -> Result<String, String> {
        find(&self.org_units, input)
            .map(|c| c.value.clone())
            .ok_or_else(|| listed(&self.org_units))
    }

    /// The member id for a chosen or typed value, or the allowed values.
    pub fn member(&self, input: &str) -> Result<String, String> {
        find(&self.members, input)
            .map(|c| c.value.clone())
            .ok_or_else(|| listed(&self.members))
    }

    /// The forecast for a chosen or typed value (any value of the scale: whether it is allowed
    /// in the tertial is rule RS06's to say), or the values of the tertial's drop-down.
    pub fn forecast(&self, input: &str) -> Result<Forecast, String> {
        let all: Vec<Choice> = Forecast::ALL.iter().map(|f| forecast_choice(*f)).collect();
        find(&all, input)
            .and_then(|c| {
                Forecast::ALL
                    .iter()
                    .find(|f| f.as_str() == c.value)
                    .copied()
            })
            .ok_or_else(|| {
                let allowed: Vec<Choice> = Forecast::ALL
                    .iter()
                    .filter(|f| {
                        let period = self.tertial.period();
                        f.allowed_in(period) || f.exceptional_in(period)
                    })
                    .map(|f| forecast_choice(*f))
                    .collect();
                listed(&allowed)
            })
    }

    /// The level for a chosen or typed value, or the allowed values.
    pub fn level(input: &str) -> Result<Level, String> {
        let all: Vec<Choice> = [Level::Low, Level::Medium, Level::High]
            .iter()
            .map(|l| Choice {
                value: level_value(*l).to_string(),
                label: l.label_de().to_string(),
                aliases: Vec::new(),
            })
            .collect();
        find(&all, input)
            .and_then(|c| {
                [Level::Low, Level::Medium, Level::High]
                    .into_iter()
                    .find(|l| level_value(*l) == c.value)
            })
            .ok_or_else(|| listed(&all))
    }

    /// Writes the long lists (org units, members) onto the hidden list sheet.
    pub fn write_lists(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (row, choice) in self.org_units.iter().enumerate() {
            sheet.write_string(row as u32, 0, &choice.label)?;
        }
        for (row, choice) in self.members.iter().enumerate() {
            sheet.write_string(row as u32, 1, &choice.label)?;
        }
        Ok(())
    }

    fn list(
        validation: DataValidation,
        title: &str,
        help: &str,
    ) -> Result<DataValidation, FormError> {
        let clip = |text: &str, max: usize| text.chars().take(max).collect::<String>();
        let validation = validation
            .set_input_title(clip(title, 32))
            .and_then(|v| v.set_input_message(clip(help, 255)))
            .and_then(|v| v.set_error_title(clip(title, 32)))
            .and_then(|v| {
                v.set_error_message(clip(
                    &format!("Bitte einen Wert aus der Liste wählen. {help}"),
                    255,
                ))
            })
            .map_err(|e| FormError::Write(e.to_string()))?;
        Ok(validation.set_error_style(DataValidationErrorStyle::Stop))
    }

    /// The drop-down of org units.
    pub fn org_units_validation(&self) -> Result<DataValidation, FormError> {
        let validation =
            DataValidation::new().allow_list_formula(list_formula(0, self.org_units.len()));
        Self::list(
            validation,
            "Organisationseinheit",
            "Organisationseinheit aus der Liste wählen.",
        )
    }

    /// The drop-down of members.
    pub fn members_validation(&self, help: &str) -> Result<DataValidation, FormError> {
        let validation =
            DataValidation::new().allow_list_formula(list_formula(1, self.members.len()));
        Self::list(validation, "Bezirksamtsmitglied", help)
    }

    /// The drop-down of likelihood and impact.
    pub fn levels_validation() -> Result<DataValidation, FormError> {
        let validation = DataValidation::new()
            .allow_list_strings(&level_choices())
            .map_err(|e| FormError::Write(e.to_string()))?;
        Self::list(validation, "Stufe", "gering, mittel oder hoch")
    }

    /// The drop-down of the forecast: only the values allowed in the tertial.
    pub fn forecast_validation(&self, help: &str) -> Result<DataValidation, FormError> {
        let validation = DataValidation::new()
            .allow_list_strings(&forecast_choices(self.tertial))
            .map_err(|e| FormError::Write(e.to_string()))?;
        Self::list(validation, "Risikoorientierte Einschätzung", help)
    }
}

/// Formulas for the lists on the hidden list sheet.
pub fn list_formula(col: u16, len: usize) -> Formula {
    let column = crate::layout::column_name(col);
    Formula::new(format!(
        "={LISTS_SHEET}!${column}$1:${column}${}",
        len.max(1)
    ))
}
