//! The typed fields of a [`Message`](crate::Message): how each type becomes `params` and how it
//! reads in the German and the English message.
//!
//! A field named `x` yields the param `x`; some types add a twin under a suffixed key (a forecast:
//! `x` German, `x_en` English; a labelled tertial: `x` its code, `x_label` German). The templates
//! name these keys. Params are machine-readable (dates ISO 8601); only the German message shows a
//! date as a clerk writes it, `31.05.2022`, and only because the field is a date.

use chrono::NaiveDate;

use crate::calendar::Tertial;
use crate::model::vocabulary::{EventKind, Forecast, OriginKind, PaperKind, Perspective, Stage};
use crate::text::german_date;

/// One param of a finding: its key, its value (in `params` and the English message), and the text
/// the German message shows where that differs (a date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The key in `params` and in the templates.
    pub key: String,
    /// The value in `params` and in the English message.
    pub value: String,
    /// The German message's text, where it differs from `value`.
    pub german: Option<String>,
}

impl Entry {
    /// An entry the same in params and both messages.
    pub fn plain(key: impl Into<String>, value: impl Into<String>) -> Self {
        Entry {
            key: key.into(),
            value: value.into(),
            german: None,
        }
    }
}

/// A type a message field may have.
pub trait Field {
    /// The keys a field of this type named `name` yields (for the check that templates name only
    /// declared keys).
    fn keys(name: &str) -> Vec<String>;

    /// Appends the entries of this field named `name`.
    fn entries(self, name: &str, out: &mut Vec<Entry>);
}

/// Types whose param is their `Display` text, the same in both languages.
macro_rules! displayed {
    ($($ty:ty),*) => {
        $(impl Field for $ty {
            fn keys(name: &str) -> Vec<String> {
                vec![name.to_string()]
            }

            fn entries(self, name: &str, out: &mut Vec<Entry>) {
                out.push(Entry::plain(name, self.to_string()));
            }
        })*
    };
}

displayed!(String, &'static str, usize, u32, u64, i32, Tertial);

/// Absent: no param (a message some callers fill more fully than others).
impl<T: Field> Field for Option<T> {
    fn keys(name: &str) -> Vec<String> {
        T::keys(name)
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        if let Some(value) = self {
            value.entries(name, out);
        }
    }
}

/// ISO 8601 in params and English, `31.05.2022` in German.
impl Field for NaiveDate {
    fn keys(name: &str) -> Vec<String> {
        vec![name.to_string()]
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry {
            key: name.to_string(),
            value: self.to_string(),
            german: Some(german_date(self)),
        });
    }
}

/// A date written `31.05.2022` everywhere, params included: the lifecycle findings of a tertial
/// report (TR04) have always carried them so, and params are a contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GermanDate(pub NaiveDate);

impl Field for GermanDate {
    fn keys(name: &str) -> Vec<String> {
        vec![name.to_string()]
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry::plain(name, german_date(self.0)));
    }
}

/// A tertial with its German label: `x` = `2022-T1`, `x_label` = `I. Tertial 2022`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TertialLabelled(pub Tertial);

impl Field for TertialLabelled {
    fn keys(name: &str) -> Vec<String> {
        vec![name.to_string(), format!("{name}_label")]
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry::plain(name, self.0.to_string()));
        out.push(Entry::plain(format!("{name}_label"), self.0.label_de()));
    }
}

/// A text in German (`x`) and English (`x_en`), for details that have no type of their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Twin {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Twin {
    /// The two texts.
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Twin {
            de: de.into(),
            en: en.into(),
        }
    }
}

fn twin(name: &str, de: impl Into<String>, en: impl Into<String>, out: &mut Vec<Entry>) {
    out.push(Entry::plain(name, de));
    out.push(Entry::plain(format!("{name}_en"), en));
}

fn twin_keys(name: &str) -> Vec<String> {
    vec![name.to_string(), format!("{name}_en")]
}

impl Field for Twin {
    fn keys(name: &str) -> Vec<String> {
        twin_keys(name)
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        twin(name, self.de, self.en, out);
    }
}

/// A value (`x`: as JSON or plainly written) and its German rendering (`x_de`): allowed values
/// with their German titles, a number with a decimal comma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithGerman {
    /// The value as written in JSON (or plainly).
    pub value: String,
    /// The German rendering.
    pub de: String,
}

impl Field for WithGerman {
    fn keys(name: &str) -> Vec<String> {
        vec![name.to_string(), format!("{name}_de")]
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry::plain(name, self.value));
        out.push(Entry::plain(format!("{name}_de"), self.de));
    }
}

/// Labelled vocabulary: `x` the German label, `x_en` the English one.
macro_rules! labelled {
    ($($ty:ty => $de:expr, $en:expr;)*) => {
        $(impl Field for $ty {
            fn keys(name: &str) -> Vec<String> {
                twin_keys(name)
            }

            fn entries(self, name: &str, out: &mut Vec<Entry>) {
                twin(name, $de(self), $en(self), out);
            }
        })*
    };
}

labelled! {
    Forecast => Forecast::label_de, Forecast::label_en;
    Stage => Stage::label_de, Stage::label_en;
    PaperKind => PaperKind::name_de, PaperKind::name_en;
    EventKind => EventKind::label_de, EventKind::as_str;
    Perspective => Perspective::label_de, perspective_en;
    OriginKind => OriginKind::label_de, OriginKind::as_str;
    JsonType => JsonType::label_de, JsonType::as_str;
}

/// The English name of a perspective.
pub fn perspective_en(perspective: Perspective) -> &'static str {
    match perspective {
        Perspective::MandateTargetGroups => "mandate and target-group perspective",
        Perspective::AdministrationInternal => "administration perspective",
    }
}

/// The labels of `items`, each between `open` and `close`, joined by `separator`.
fn joined<T: Copy>(
    items: &[T],
    label: fn(T) -> &'static str,
    (open, close, separator): (&str, &str, &str),
) -> String {
    items
        .iter()
        .map(|item| format!("{open}{}{close}", label(*item)))
        .collect::<Vec<_>>()
        .join(separator)
}

/// Forecasts a clerk may choose: `x` German labels in „…“, `x_en` English in "…", comma-separated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forecasts(pub Vec<Forecast>);

impl Field for Forecasts {
    fn keys(name: &str) -> Vec<String> {
        twin_keys(name)
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        let (de, en) = (("„", "“", ", "), ("\"", "\"", ", "));
        twin(
            name,
            joined(&self.0, Forecast::label_de, de),
            joined(&self.0, Forecast::label_en, en),
            out,
        );
    }
}

/// The type of a JSON value, as JSON Schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // The names of JSON Schema.
pub enum JsonType {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    /// The name in JSON Schema, e.g. `"integer"`.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "Wahrheitswert",
            JsonType::Integer => "ganze Zahl",
            JsonType::Number => "Zahl",
            JsonType::String => "Zeichenkette",
            JsonType::Array => "Liste",
            JsonType::Object => "Objekt",
        }
    }

    /// The type of this JSON Schema name.
    pub fn parse(name: &str) -> Option<JsonType> {
        [
            JsonType::Null,
            JsonType::Boolean,
            JsonType::Integer,
            JsonType::Number,
            JsonType::String,
            JsonType::Array,
            JsonType::Object,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == name)
    }
}

/// Alternatives of types: „ganze Zahl oder Zeichenkette“, "integer or string".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonTypes(pub Vec<JsonType>);

impl Field for JsonTypes {
    fn keys(name: &str) -> Vec<String> {
        twin_keys(name)
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        twin(
            name,
            joined(&self.0, JsonType::label_de, ("", "", " oder ")),
            joined(&self.0, JsonType::as_str, ("", "", " or ")),
            out,
        );
    }
}
