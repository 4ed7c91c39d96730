//! The schemas of the analyses' tables: one `ArrowRow` implementation per row type of
//! `zielsystem_core::analytics`.

use zielsystem_core::analytics::corpus::Problem;
use zielsystem_core::analytics::{
    AccuracyRow, AttainmentRow, CountermeasureRow, IndicatorRow, LineageRow, PunctualityRow,
    RiskRow, Summary, TransitionCell,
};
use zielsystem_core::model::vocabulary::OriginKind;
use zielsystem_core::{Direction, Forecast, Level, Light, Perspective, ReportingStatus};

use crate::table::{ArrowRow, Category, Column, Value};

/// The forecast scale, from `achieved` to `not_achieved`.
pub const FORECAST: Category = Category {
    values: &[
        "achieved",
        "on_track",
        "at_risk",
        "unlikely",
        "not_achieved",
    ],
    labels_de: &[
        "Ziel erreicht",
        "Zielerreichung nicht gefährdet",
        "Zielerreichung gefährdet",
        "Zielerreichung unwahrscheinlich",
        "Ziel nicht erreicht",
    ],
};

/// The lights by severity: green < yellow < red.
pub const LIGHT: Category = Category {
    values: &["green", "yellow", "red"],
    labels_de: &["grün", "gelb", "rot"],
};

/// The perspectives, outward first.
pub const PERSPECTIVE: Category = Category {
    values: &["mandate_target_groups", "administration_internal"],
    labels_de: &[
        "Auftrags-/Zielgruppenperspektive",
        "Verwaltungs-/Binnenperspektive",
    ],
};

/// The reporting status, from on time to overdue.
pub const REPORTING_STATUS: Category = Category {
    values: &["submitted_on_time", "submitted_late", "missing", "overdue"],
    labels_de: &[
        "fristgerecht eingereicht",
        "verspätet eingereicht",
        "ausstehend",
        "überfällig",
    ],
};

/// Likelihood and impact of a risk: low < medium < high.
pub const LEVEL: Category = Category {
    values: &["low", "medium", "high"],
    labels_de: &["gering", "mittel", "hoch"],
};

/// The direction of an indicator.
pub const DIRECTION: Category = Category {
    values: &["increase", "decrease"],
    labels_de: &["steigend", "fallend"],
};

/// How a goal relates to goals of an earlier year.
pub const ORIGIN_KIND: Category = Category {
    values: &["new", "continued", "reformulated", "split", "merged"],
    labels_de: &[
        "neu",
        "fortgeführt",
        "neu gefasst",
        "aufgeteilt",
        "zusammengeführt",
    ],
};

fn origin_kind(value: OriginKind) -> Option<usize> {
    OriginKind::ALL.iter().position(|k| *k == value)
}

const REPORTING_STATUS_ALL: [ReportingStatus; 4] = [
    ReportingStatus::SubmittedOnTime,
    ReportingStatus::SubmittedLate,
    ReportingStatus::Missing,
    ReportingStatus::Overdue,
];

fn forecast(value: Forecast) -> Option<usize> {
    Forecast::ALL.iter().position(|f| *f == value)
}

fn light(value: Light) -> Option<usize> {
    Light::ALL.iter().position(|l| *l == value)
}

fn perspective(value: Perspective) -> Option<usize> {
    Perspective::ALL.iter().position(|p| *p == value)
}

fn level(value: Level) -> Option<usize> {
    Level::ALL.iter().position(|l| *l == value)
}

impl ArrowRow for AttainmentRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "attainment";
    const TITLE_DE: &'static str = "Zielerreichung";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(&r.authority)),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("goal", "Ziel", Value::Text(|r| Some(&r.goal))),
            Column::new("title", "Zieltitel", Value::FreeText(|r| Some(&r.title))),
            Column::new(
                "perspective",
                "Perspektive",
                Value::Category(PERSPECTIVE, |r| perspective(r.perspective)),
            ),
            Column::new(
                "portfolio",
                "Geschäftsbereich",
                Value::Text(|r| Some(&r.portfolio)),
            ),
            Column::new(
                "member",
                "Berichtendes Mitglied",
                Value::Text(|r| Some(&r.member)),
            ),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new(
                "submitted_on",
                "Eingereicht am",
                Value::Date(|r| Some(r.submitted_on)),
            ),
            Column::new(
                "deadline",
                "Berichtsfrist",
                Value::Date(|r| Some(r.deadline)),
            ),
            Column::new(
                "days_late",
                "Tage verspätet",
                Value::UInt32(|r| Some(r.days_late)),
            ),
            Column::new(
                "reporting_status",
                "Berichtsstatus",
                Value::Category(REPORTING_STATUS, |r| {
                    REPORTING_STATUS_ALL
                        .iter()
                        .position(|s| *s == r.reporting_status)
                }),
            ),
            Column::new(
                "forecast",
                "Risikoorientierte Einschätzung",
                Value::Category(FORECAST, |r| forecast(r.forecast)),
            ),
            Column::new("light", "Ampel", Value::Category(LIGHT, |r| light(r.light))),
            Column::new(
                "risk_count",
                "Anzahl der Risiken",
                Value::UInt32(|r| Some(r.risk_count)),
            ),
            Column::new(
                "highest_risk_score",
                "Höchster Risikowert",
                Value::UInt32(|r| Some(r.highest_risk_score)),
            ),
            Column::new(
                "countermeasure_count",
                "Anzahl der Aktivitäten zur Gegensteuerung",
                Value::UInt32(|r| Some(r.countermeasure_count)),
            ),
            Column::optional(
                "indicator_attainment_percent",
                "Zielerreichung der Kennzahlen in Prozent",
                Value::Float64(|r| r.indicator_attainment_percent),
            ),
        ]
    }
}

impl ArrowRow for CountermeasureRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "countermeasures";
    const TITLE_DE: &'static str = "Gegensteuerung";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(&r.authority)),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("goal", "Ziel", Value::Text(|r| Some(&r.goal))),
            Column::new(
                "portfolio",
                "Geschäftsbereich",
                Value::Text(|r| Some(&r.portfolio)),
            ),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new(
                "forecast",
                "Risikoorientierte Einschätzung",
                Value::Category(FORECAST, |r| forecast(r.forecast)),
            ),
            Column::new("light", "Ampel", Value::Category(LIGHT, |r| light(r.light))),
            Column::new(
                "countermeasure",
                "Nr. der Aktivität",
                Value::UInt32(|r| Some(r.countermeasure)),
            ),
            Column::new(
                "description",
                "Aktivität zur Gegensteuerung",
                Value::FreeText(|r| Some(&r.description)),
            ),
            Column::optional(
                "org_unit",
                "Organisationseinheit",
                Value::Text(|r| r.org_unit.as_deref()),
            ),
            Column::optional(
                "org_unit_name",
                "Name der Organisationseinheit",
                Value::FreeText(|r| r.org_unit_name.as_deref()),
            ),
        ]
    }
}

impl ArrowRow for IndicatorRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "indicators";
    const TITLE_DE: &'static str = "Kennzahlen";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(&r.authority)),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("goal", "Ziel", Value::Text(|r| Some(&r.goal))),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new("indicator", "Kennzahl", Value::Text(|r| Some(&r.indicator))),
            Column::optional(
                "name",
                "Bezeichnung der Kennzahl",
                Value::FreeText(|r| r.name.as_deref()),
            ),
            Column::optional("unit", "Einheit", Value::FreeText(|r| r.unit.as_deref())),
            Column::optional(
                "direction",
                "Zielrichtung",
                Value::Category(DIRECTION, |r| {
                    r.direction
                        .and_then(|d| Direction::ALL.iter().position(|x| *x == d))
                }),
            ),
            Column::optional("baseline", "Ausgangswert", Value::Float64(|r| r.baseline)),
            Column::optional("target", "Zielwert", Value::Float64(|r| r.target)),
            Column::new("value", "Wert", Value::Float64(|r| Some(r.value))),
            Column::new("as_of", "Stand", Value::Date(|r| Some(r.as_of))),
            Column::optional(
                "attainment_percent",
                "Zielerreichung in Prozent",
                Value::Float64(|r| r.attainment_percent),
            ),
        ]
    }
}

impl ArrowRow for RiskRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "risks";
    const TITLE_DE: &'static str = "Risiken";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(&r.authority)),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("goal", "Ziel", Value::Text(|r| Some(&r.goal))),
            Column::new(
                "perspective",
                "Perspektive",
                Value::Category(PERSPECTIVE, |r| perspective(r.perspective)),
            ),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new(
                "forecast",
                "Risikoorientierte Einschätzung",
                Value::Category(FORECAST, |r| forecast(r.forecast)),
            ),
            Column::new("risk", "Nr. des Risikos", Value::UInt32(|r| Some(r.risk))),
            Column::new(
                "description",
                "Risiko",
                Value::FreeText(|r| Some(&r.description)),
            ),
            Column::new(
                "likelihood",
                "Eintrittswahrscheinlichkeit",
                Value::Category(LEVEL, |r| level(r.likelihood)),
            ),
            Column::new(
                "impact",
                "Auswirkung",
                Value::Category(LEVEL, |r| level(r.impact)),
            ),
            Column::new("score", "Risikowert", Value::UInt32(|r| Some(r.score))),
        ]
    }
}

impl ArrowRow for PunctualityRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "punctuality";
    const TITLE_DE: &'static str = "Pünktlichkeit";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(&r.authority)),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("member", "Mitglied", Value::Text(|r| Some(&r.member))),
            Column::optional(
                "member_name",
                "Name",
                Value::FreeText(|r| r.member_name.as_deref()),
            ),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new(
                "sheets",
                "Berichtsblätter",
                Value::UInt32(|r| Some(r.sheets)),
            ),
            Column::new(
                "on_time",
                "fristgerecht",
                Value::UInt32(|r| Some(r.on_time)),
            ),
            Column::new("late", "verspätet", Value::UInt32(|r| Some(r.late))),
            Column::new(
                "share_on_time",
                "Anteil fristgerecht",
                Value::Float64(|r| Some(r.share_on_time)),
            ),
            Column::new(
                "max_days_late",
                "Höchste Verspätung in Tagen",
                Value::UInt32(|r| Some(r.max_days_late)),
            ),
            Column::optional(
                "mean_days_late",
                "Mittlere Verspätung in Tagen",
                Value::Float64(|r| r.mean_days_late),
            ),
        ]
    }
}

impl ArrowRow for TransitionCell {
    const TABLE: &'static str = "transitions";
    const TITLE_DE: &'static str = "Übergänge";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::optional(
                "from_light",
                "Ampel vorher",
                Value::Category(LIGHT, |r| r.from_light.and_then(light)),
            ),
            Column::optional(
                "to_light",
                "Ampel nachher",
                Value::Category(LIGHT, |r| r.to_light.and_then(light)),
            ),
            Column::new(
                "count",
                "Anzahl der Ziele",
                Value::UInt32(|r| Some(r.count)),
            ),
            Column::new("goals", "Ziele", Value::TextList(|r| &r.goals)),
        ]
    }
}

impl ArrowRow for AccuracyRow {
    const TABLE: &'static str = "accuracy";
    const TITLE_DE: &'static str = "Treffsicherheit";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "perspective",
                "Perspektive",
                Value::Category(PERSPECTIVE, |r| perspective(r.perspective)),
            ),
            Column::new("tertial", "Tertial", Value::Tertial(|r| Some(r.tertial))),
            Column::new(
                "forecasts",
                "Aufgelöste Einschätzungen",
                Value::UInt32(|r| Some(r.forecasts)),
            ),
            Column::new(
                "borne_out",
                "Bestätigt",
                Value::UInt32(|r| Some(r.borne_out)),
            ),
            Column::new(
                "green_forecasts",
                "Grüne Einschätzungen",
                Value::UInt32(|r| Some(r.green_forecasts)),
            ),
            Column::new(
                "green_borne_out",
                "Grün bestätigt",
                Value::UInt32(|r| Some(r.green_borne_out)),
            ),
            Column::new(
                "yellow_red_forecasts",
                "Gelbe und rote Einschätzungen",
                Value::UInt32(|r| Some(r.yellow_red_forecasts)),
            ),
            Column::new(
                "yellow_red_borne_out",
                "Gelb/rot bestätigt",
                Value::UInt32(|r| Some(r.yellow_red_borne_out)),
            ),
            Column::new(
                "unresolved",
                "Nicht aufgelöst",
                Value::UInt32(|r| Some(r.unresolved)),
            ),
            Column::optional(
                "accuracy_percent",
                "Treffsicherheit in Prozent",
                Value::Float64(|r| r.accuracy_percent),
            ),
        ]
    }
}

impl ArrowRow for Summary {
    const TABLE: &'static str = "summary";
    const TITLE_DE: &'static str = "Zusammenfassung";

    fn columns() -> Vec<Column<Self>> {
        let count = |name, header, get: fn(&Summary) -> Option<u32>| {
            Column::new(name, header, Value::UInt32(get))
        };
        vec![
            Column::optional(
                "authority",
                "Behörde",
                Value::Text(|r| r.authority.as_deref()),
            ),
            Column::optional("year", "Jahr", Value::Int32(|r| r.year)),
            Column::optional("tertial", "Tertial", Value::Tertial(|r| r.tertial)),
            Column::optional(
                "perspective",
                "Perspektive",
                Value::Category(PERSPECTIVE, |r| r.perspective.and_then(perspective)),
            ),
            Column::optional(
                "portfolio",
                "Geschäftsbereich",
                Value::Text(|r| r.portfolio.as_deref()),
            ),
            count("sheets", "Berichtsblätter", |r| Some(r.sheets)),
            count("green", "grün", |r| Some(r.green)),
            count("yellow", "gelb", |r| Some(r.yellow)),
            count("red", "rot", |r| Some(r.red)),
            count("achieved", "Ziel erreicht", |r| Some(r.achieved)),
            count("on_track", "Zielerreichung nicht gefährdet", |r| {
                Some(r.on_track)
            }),
            count("at_risk", "Zielerreichung gefährdet", |r| Some(r.at_risk)),
            count("unlikely", "Zielerreichung unwahrscheinlich", |r| {
                Some(r.unlikely)
            }),
            count("not_achieved", "Ziel nicht erreicht", |r| {
                Some(r.not_achieved)
            }),
            Column::new(
                "share_at_risk",
                "Anteil gefährdeter Ziele",
                Value::Float64(|r| Some(r.share_at_risk)),
            ),
            Column::optional(
                "mean_indicator_attainment_percent",
                "Mittlere Zielerreichung der Kennzahlen in Prozent",
                Value::Float64(|r| r.mean_indicator_attainment_percent),
            ),
        ]
    }
}

/// The reasons a corpus lists a document, in the order of the enum.
const REASON: Category = Category {
    values: &[
        "not_a_document",
        "duplicate_system",
        "no_system",
        "unknown_goal",
        "invalid",
    ],
    labels_de: &[
        "kein Dokument seiner Art",
        "weiteres Zielsystem derselben Behörde und desselben Jahres",
        "kein Zielsystem für Behörde und Jahr",
        "Ziel nicht im Zielsystem",
        "Befunde der Schwere Fehler",
    ],
};

impl ArrowRow for Problem {
    const TABLE: &'static str = "problems";
    const TITLE_DE: &'static str = "Nicht zugeordnet";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("source", "Quelle", Value::FreeText(|r| Some(&r.source))),
            Column::new(
                "is_system",
                "Zielsystem",
                Value::Bool(|r| Some(r.is_system)),
            ),
            Column::new(
                "reason",
                "Grund",
                Value::Category(REASON, |r| {
                    REASON.values.iter().position(|v| *v == r.reason.as_str())
                }),
            ),
            Column::new("placed", "Zugeordnet", Value::Bool(|r| Some(r.placed))),
            Column::optional(
                "authority",
                "Bezirksamt",
                Value::FreeText(|r| r.authority.as_deref()),
            ),
            Column::optional("year", "Jahr", Value::Int32(|r| r.year)),
            Column::optional("goal", "Ziel", Value::FreeText(|r| r.goal.as_deref())),
            Column::optional("tertial", "Tertial", Value::Tertial(|r| r.tertial)),
            Column::new("codes", "Regeln", Value::TextList(|r| &r.codes)),
        ]
    }
}

impl ArrowRow for LineageRow {
    fn authority_year(&self) -> Option<(&str, i32)> {
        Some((&self.authority, self.year))
    }

    const TABLE: &'static str = "lineage";
    const TITLE_DE: &'static str = "Zielfortschreibung";

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new(
                "authority",
                "Bezirksamt",
                Value::Text(|r| Some(r.authority.as_str())),
            ),
            Column::new("year", "Jahr", Value::Int32(|r| Some(r.year))),
            Column::new("goal", "Ziel", Value::Text(|r| Some(r.goal.as_str()))),
            Column::new(
                "title",
                "Titel",
                Value::FreeText(|r| Some(r.title.as_str())),
            ),
            Column::new(
                "perspective",
                "Perspektive",
                Value::Category(PERSPECTIVE, |r| perspective(r.perspective)),
            ),
            Column::new(
                "portfolio",
                "Geschäftsbereich",
                Value::Text(|r| Some(r.portfolio.as_str())),
            ),
            Column::new(
                "kind",
                "Herkunft",
                Value::Category(ORIGIN_KIND, |r| origin_kind(r.kind)),
            ),
            Column::new(
                "predecessors",
                "Vorgängerziele",
                Value::TextList(|r| r.predecessors.as_slice()),
            ),
            Column::new(
                "lineage",
                "Zielfamilie",
                Value::Text(|r| Some(r.lineage.as_str())),
            ),
            Column::new(
                "roots",
                "Ursprungsziele",
                Value::TextList(|r| r.roots.as_slice()),
            ),
            Column::new(
                "generation",
                "Generation",
                Value::UInt32(|r| Some(r.generation)),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use zielsystem_core::analytics::corpus::Reason;

    fn same<T: Copy>(
        category: Category,
        all: &[T],
        json: fn(T) -> &'static str,
        de: fn(T) -> &'static str,
    ) {
        let values: Vec<&str> = all.iter().map(|v| json(*v)).collect();
        let labels: Vec<&str> = all.iter().map(|v| de(*v)).collect();
        assert_eq!(category.values, values.as_slice());
        assert_eq!(category.labels_de, labels.as_slice());
    }

    #[test]
    fn categories_are_the_vocabularies_in_order() {
        same(
            FORECAST,
            &Forecast::ALL,
            Forecast::as_str,
            Forecast::label_de,
        );
        same(LIGHT, &Light::ALL, Light::as_str, Light::label_de);
        same(
            PERSPECTIVE,
            &Perspective::ALL,
            Perspective::as_str,
            Perspective::label_de,
        );
        same(LEVEL, &Level::ALL, Level::as_str, Level::label_de);
        same(
            DIRECTION,
            &Direction::ALL,
            Direction::as_str,
            Direction::label_de,
        );
        same(
            REPORTING_STATUS,
            &REPORTING_STATUS_ALL,
            ReportingStatus::as_str,
            ReportingStatus::label_de,
        );
        let reasons = [
            Reason::NotADocument,
            Reason::DuplicateSystem,
            Reason::NoSystem,
            Reason::UnknownGoal,
            Reason::Invalid,
        ];
        same(REASON, &reasons, Reason::as_str, Reason::label_de);
    }
}
