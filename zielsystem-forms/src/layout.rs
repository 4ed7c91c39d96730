//! The form's layout, shared by writer and reader: columns, the labels that anchor fields and
//! sections, the hidden identification cells, and the German wording taken from the published JSON
//! Schemas (the same titles a schema-driven form generator shows).

use std::sync::OnceLock;

use serde_json::Value;
use zielsystem_core::{Forecast, Level, Tertial};

/// The version of the form template. A form of another version is refused with its version named.
pub const TEMPLATE_VERSION: &str = "2";

/// The marker in the hidden key column that makes a worksheet a form of this library.
pub const MARKER: &str = "zielsystem-berichtsblatt";

/// The worksheet of a one-goal workbook.
pub const SINGLE_SHEET: &str = "Berichtsblatt";

/// The hidden worksheet that holds the drop-down lists.
pub const LISTS_SHEET: &str = "Listen";

/// Column of labels (A).
pub const COL_LABEL: u16 = 0;
/// Column of the main value or text (B).
pub const COL_MAIN: u16 = 1;
/// Third column (C): org unit, likelihood, indicator value, first org unit of a countermeasure.
pub const COL_C: u16 = 2;
/// Fourth column (D).
pub const COL_D: u16 = 3;
/// Hidden column of identification keys (K).
pub const COL_META_KEY: u16 = 10;
/// Hidden column of identification values (L).
pub const COL_META_VALUE: u16 = 11;
/// Org-unit columns of a countermeasure in an empty form (C–F); more when a sheet needs them.
pub const COUNTERMEASURE_UNIT_COLUMNS: u16 = 4;

/// Keys of the hidden identification cells.
pub mod meta {
    /// Template version.
    pub const VERSION: &str = "template_version";
    /// Authority of the target system.
    pub const AUTHORITY: &str = "authority";
    /// Year of the target system.
    pub const YEAR: &str = "year";
    /// Goal id.
    pub const GOAL: &str = "goal";
    /// Tertial code.
    pub const TERTIAL: &str = "tertial";
    /// Number of org-unit columns of the countermeasures.
    pub const UNIT_COLUMNS: &str = "countermeasure_org_unit_columns";
}

/// The label that ends the form (column A).
pub const END_LABEL: &str = "Ende des Berichtsblatts";

/// Column letter(s) of a zero-based column.
pub fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// `C14` for zero-based row 13, column 2.
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", column_name(col), u64::from(row) + 1)
}

/// The German wording of the form, from the published JSON Schemas of the report sheet and the
/// target system (titles and descriptions), so the form speaks the contract's vocabulary.
#[derive(Debug)]
pub struct Words {
    sheet: Value,
    system: Value,
}

/// The wording, built once.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut sheet = Value::Null;
        let mut system = Value::Null;
        for named in zielsystem_core::schema::all() {
            match named.file_name {
                "report-sheet.schema.json" => sheet = named.schema.as_value().clone(),
                "target-system.schema.json" => system = named.schema.as_value().clone(),
                _ => {}
            }
        }
        Words { sheet, system }
    })
}

fn text_at<'a>(root: &'a Value, pointer: &str, fallback: &'a str) -> &'a str {
    root.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or(fallback)
}

impl Words {
    /// „Berichtsblatt“: the title of the report sheet's schema.
    pub fn sheet_schema_title(&self) -> &str {
        text_at(&self.sheet, "/title", "Berichtsblatt")
    }

    /// Title of a key of the report sheet, e.g. `submitted_on` → „Eingereicht am“.
    pub fn sheet_title<'a>(&'a self, key: &'a str) -> &'a str {
        text_at(&self.sheet, &format!("/properties/{key}/title"), key)
    }

    /// Description of a key of the report sheet.
    pub fn sheet_help<'a>(&'a self, key: &'a str) -> &'a str {
        text_at(&self.sheet, &format!("/properties/{key}/description"), "")
    }

    /// Title of a key of a type of the report sheet (`Risk`, `likelihood`).
    pub fn part_title<'a>(&'a self, def: &str, key: &'a str) -> &'a str {
        text_at(
            &self.sheet,
            &format!("/$defs/{def}/properties/{key}/title"),
            key,
        )
    }

    /// Description of a key of a type of the report sheet.
    pub fn part_help<'a>(&'a self, def: &str, key: &'a str) -> &'a str {
        text_at(
            &self.sheet,
            &format!("/$defs/{def}/properties/{key}/description"),
            "",
        )
    }

    /// Title of a type of the report sheet (`Risk` → „Risiko“).
    pub fn def_title<'a>(&'a self, def: &'a str) -> &'a str {
        text_at(&self.sheet, &format!("/$defs/{def}/title"), def)
    }

    /// Title of a key of the target system (`year` → „Kalenderjahr“).
    pub fn system_title<'a>(&'a self, key: &'a str) -> &'a str {
        text_at(&self.system, &format!("/properties/{key}/title"), key)
    }

    /// Title of a key of a type of the target system (`Goal`, `title`).
    pub fn system_part_title<'a>(&'a self, def: &str, key: &'a str) -> &'a str {
        text_at(
            &self.system,
            &format!("/$defs/{def}/properties/{key}/title"),
            key,
        )
    }

    /// The title of an enumerated value of the target system (`Direction`, `increase` → „steigend“).
    pub fn system_enum_title<'a>(&'a self, def: &str, value: &'a str) -> &'a str {
        self.system
            .pointer(&format!("/$defs/{def}/oneOf"))
            .and_then(Value::as_array)
            .and_then(|variants| {
                variants.iter().find(|variant| {
                    variant.get("const").and_then(Value::as_str) == Some(value)
                        || variant
                            .get("enum")
                            .and_then(Value::as_array)
                            .is_some_and(|values| values.iter().any(|v| v.as_str() == Some(value)))
                })
            })
            .and_then(|variant| variant.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(value)
    }
}

/// The header fields in their order: the key of the report sheet (or of the form) and whether the
/// member fills it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Behörde (pre-filled).
    Authority,
    /// Kalenderjahr (pre-filled).
    Year,
    /// Tertial (pre-filled).
    Tertial,
    /// Berichtsstichtag (pre-filled).
    CutOff,
    /// Berichtsfrist (pre-filled).
    Deadline,
    /// Ziel (pre-filled).
    Goal,
    /// Titel des Ziels (pre-filled).
    GoalTitle,
    /// Perspektive (pre-filled).
    Perspective,
    /// Geschäftsbereich (pre-filled).
    Portfolio,
    /// Berichtendes Bezirksamtsmitglied (input).
    ReportingMember,
    /// Eingereicht am (input).
    SubmittedOn,
    /// In Vertretung unterzeichnet von (optional input: a deputy who signs for the reporting member).
    SignedBy,
}

impl Field {
    /// Every header field, in form order.
    pub const ALL: [Field; 12] = [
        Field::Authority,
        Field::Year,
        Field::Tertial,
        Field::CutOff,
        Field::Deadline,
        Field::Goal,
        Field::GoalTitle,
        Field::Perspective,
        Field::Portfolio,
        Field::ReportingMember,
        Field::SubmittedOn,
        Field::SignedBy,
    ];

    /// The label in column A.
    pub fn label(self) -> String {
        let w = words();
        match self {
            Field::Authority => w.sheet_title("authority").to_string(),
            Field::Year => w.system_title("year").to_string(),
            Field::Tertial => w.sheet_title("tertial").to_string(),
            Field::CutOff => "Berichtsstichtag".to_string(),
            Field::Deadline => "Berichtsfrist".to_string(),
            Field::Goal => w.sheet_title("goal").to_string(),
            Field::GoalTitle => format!("{} des Ziels", w.system_part_title("Goal", "title")),
            Field::Perspective => w.system_part_title("Goal", "perspective").to_string(),
            Field::Portfolio => w.system_part_title("Goal", "portfolio").to_string(),
            Field::ReportingMember => w.sheet_title("reporting_member").to_string(),
            Field::SubmittedOn => w.sheet_title("submitted_on").to_string(),
            Field::SignedBy => w.sheet_title("signed_by").to_string(),
        }
    }

    /// Whether the member fills the field in.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            Field::ReportingMember | Field::SubmittedOn | Field::SignedBy
        )
    }

    /// The JSON Pointer of the report sheet the field feeds, where it feeds one.
    pub fn pointer(self) -> Option<&'static str> {
        match self {
            Field::Authority => Some("/authority"),
            Field::Tertial => Some("/tertial"),
            Field::Goal => Some("/goal"),
            Field::ReportingMember => Some("/reporting_member"),
            Field::SubmittedOn => Some("/submitted_on"),
            Field::SignedBy => Some("/signed_by"),
            _ => None,
        }
    }
}

/// The list sections in form order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// 1. Zielerreichungsbeiträge im Berichtszeitraum.
    Contributions,
    /// 2. Kennzahlenwerte.
    Indicators,
    /// 3. Risiken.
    Risks,
    /// 4. Risikoorientierte Einschätzung (forecast and rationale).
    Forecast,
    /// 5. Aktivitäten zur Gegensteuerung.
    Countermeasures,
}

impl Section {
    /// Every section, in form order.
    pub const ALL: [Section; 5] = [
        Section::Contributions,
        Section::Indicators,
        Section::Risks,
        Section::Forecast,
        Section::Countermeasures,
    ];

    /// The key of the report sheet.
    pub fn key(self) -> &'static str {
        match self {
            Section::Contributions => "contributions",
            Section::Indicators => "indicator_values",
            Section::Risks => "risks",
            Section::Forecast => "forecast",
            Section::Countermeasures => "countermeasures",
        }
    }

    /// The anchor label in column A: number and schema title.
    pub fn label(self) -> String {
        let number = match self {
            Section::Contributions => 1,
            Section::Indicators => 2,
            Section::Risks => 3,
            Section::Forecast => 4,
            Section::Countermeasures => 5,
        };
        format!("{number}. {}", words().sheet_title(self.key()))
    }
}

/// The forecast choices of a tertial (only the values allowed in it), as German labels.
pub fn forecast_choices(tertial: Tertial) -> Vec<&'static str> {
    Forecast::ALL
        .iter()
        // Also what the tertial admits only by exception: "Ziel nicht erreicht" before T3 for a
        // goal that can no longer be reached (the rules then warn, RS18), so the form never forbids
        // what the procedure allows.
        .filter(|f| f.allowed_in(tertial.period()) || f.exceptional_in(tertial.period()))
        .map(|f| f.label_de())
        .collect()
}

/// The likelihood and impact choices, as German labels.
pub fn level_choices() -> Vec<&'static str> {
    [Level::Low, Level::Medium, Level::High]
        .iter()
        .map(|l| l.label_de())
        .collect()
}

/// `3.5` → `3,5`; `88` → `88`: a number as a German reader writes it.
pub fn german_number(value: f64) -> String {
    plain_number(value).replace('.', ",")
}

/// `88.0` → `88`, `3.5` → `3.5`: the shortest exact spelling.
pub fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(13, 2), "C14");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn labels_come_from_the_schemas() {
        assert_eq!(Field::SubmittedOn.label(), "Eingereicht am");
        assert_eq!(Field::Year.label(), "Kalenderjahr");
        assert_eq!(
            Section::Contributions.label(),
            "1. Zielerreichungsbeiträge im Berichtszeitraum"
        );
        assert_eq!(
            words().part_title("Risk", "likelihood"),
            "Eintrittswahrscheinlichkeit"
        );
        assert_eq!(
            words().system_enum_title("Direction", "decrease"),
            "fallend"
        );
    }

    #[test]
    fn forecast_choices_follow_the_tertial() {
        let t1: Tertial = "2022-T1".parse().unwrap_or_else(|_| unreachable!());
        let t3: Tertial = "2022-T3".parse().unwrap_or_else(|_| unreachable!());
        assert!(forecast_choices(t1).contains(&"Zielerreichung gefährdet"));
        assert!(forecast_choices(t1).contains(&"Ziel nicht erreicht"));
        assert_eq!(
            forecast_choices(t3),
            ["Ziel erreicht", "Ziel nicht erreicht"]
        );
    }
}
