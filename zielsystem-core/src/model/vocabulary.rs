//! The closed vocabularies of the procedure: each an enum, serialized as its `snake_case` JSON value,
//! with the German label a clerk reads. Each is defined once (`vocabulary!`): JSON spelling, label
//! and schema title come from the same line.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Period;

/// Defines a closed vocabulary from one list: each value's JSON spelling, German label (its schema
/// title) and description. Generates the enum with its serde and schemars attributes, `ALL` (in the
/// order given), `as_str` and `label_de`, so the three spellings cannot drift apart.
macro_rules! vocabulary {
    (
        $(#[doc = $doc:literal])*
        $(#[derive($($extra:ident),*)])?
        #[schemars($($schema:tt)*)]
        pub enum $name:ident {
            $(
                $(#[doc = $variant_doc:literal])*
                $variant:ident = $json:literal, $label:literal, $description:literal;
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema
            $($(, $extra)*)?
        )]
        #[schemars($($schema)*)]
        pub enum $name {
            $(
                $(#[doc = $variant_doc])*
                #[serde(rename = $json)]
                #[schemars(title = $label, description = $description)]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in the order of the vocabulary.
            pub const ALL: [$name; [$($json),*].len()] = [$($name::$variant),*];

            /// The JSON value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $json,)*
                }
            }

            /// The German name (the value's schema title).
            pub fn label_de(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }
        }
    };
}

vocabulary! {
    /// The two perspectives of the target system.
    #[derive(PartialOrd, Ord)]
    #[schemars(
        title = "Perspektive",
        description = "Die beiden Perspektiven des Zielsystems."
    )]
    pub enum Perspective {
        /// Mandate and target groups: the outward view.
        MandateTargetGroups = "mandate_target_groups",
            "Auftrags-/Zielgruppenperspektive",
            "Ziele mit Blick nach außen: Auftrag und Zielgruppen.";
        /// Administration: the inward view.
        AdministrationInternal = "administration_internal",
            "Verwaltungs-/Binnenperspektive",
            "Ziele mit Blick nach innen: die Verwaltung selbst.";
    }
}

vocabulary! {
    /// The office a member holds a portfolio in.
    #[schemars(
        title = "Funktion",
        description = "Die Funktion, in der ein Mitglied einen Geschäftsbereich innehat."
    )]
    pub enum Role {
        /// Bezirksbürgermeister/in.
        Mayor = "mayor",
            "Bezirksbürgermeister/in",
            "Leitet das Bezirksamt und den Geschäftsbereich des Bezirksbürgermeisters.";
        /// Bezirksstadtrat/-rätin.
        Councillor = "councillor",
            "Bezirksstadtrat/-rätin",
            "Leitet einen Geschäftsbereich als Mitglied des Bezirksamts.";
    }
}

vocabulary! {
    /// How a goal relates to goals of an earlier year (its origin's kind).
    #[schemars(
        title = "Art der Herkunft",
        description = "Neu aufgenommen, oder aus Zielen eines früheren Jahres (meist des Vorjahres) fortgeführt, neu gefasst, aufgeteilt oder zusammengeführt."
    )]
    pub enum OriginKind {
        /// New in this year's system.
        New = "new", "neu", "Im Zielsystem dieses Jahres neu aufgenommen.";
        /// Continued from an earlier year's system (usually the previous one).
        Continued = "continued",
            "fortgeführt",
            "Aus dem Zielsystem eines früheren Jahres (meist des Vorjahres) fortgeführt.";
        /// Continued with a new wording (title, description or indicators changed in substance).
        Reformulated = "reformulated",
            "neu gefasst",
            "Ein Ziel eines früheren Jahres, inhaltlich neu gefasst fortgeführt.";
        /// One of several goals an earlier year's goal was split into; each names that one goal.
        Split = "split",
            "aufgeteilt",
            "Eines von mehreren Zielen, in die ein Ziel eines früheren Jahres aufgeteilt wurde; jedes nennt dieses eine Vorgängerziel.";
        /// Merged from several goals of an earlier year; names every one of them.
        Merged = "merged",
            "zusammengeführt",
            "Aus mehreren Zielen eines früheren Jahres zusammengeführt; nennt alle Vorgängerziele.";
    }
}

vocabulary! {
    /// The kind of an organisational unit.
    #[schemars(
        title = "Art der Organisationseinheit",
        description = "Die Art einer Organisationseinheit."
    )]
    pub enum OrgUnitKind {
        /// The steering service, which coordinates the procedure and consolidates the report.
        SteeringService = "steering_service",
            "Steuerungsdienst",
            "Koordiniert das Berichtsverfahren und fasst den Bericht zusammen; genau eine Einheit je Zielsystem.";
        /// An office (Amt).
        Office = "office", "Amt", "Ein Amt, z. B. Jugendamt oder Ordnungsamt.";
        /// A service unit (Serviceeinheit).
        ServiceUnit = "service_unit",
            "Serviceeinheit",
            "Eine Serviceeinheit, z. B. Finanzen oder Personal.";
        /// A staff unit (Stabsstelle).
        StaffUnit = "staff_unit", "Stabsstelle", "Eine Stabsstelle.";
        /// Any other unit.
        Other = "other", "Sonstige", "Eine sonstige Organisationseinheit.";
    }
}

vocabulary! {
    /// The risk-oriented forecast: will the goal be reached by the end of the calendar year? (docs/procedure.md, forecast scale)
    #[derive(PartialOrd, Ord)]
    #[schemars(
        title = "Risikoorientierte Einschätzung",
        description = "Risikoorientierte Einschätzung: Wird das Ziel bis zum Ende des Kalenderjahres erreicht?"
    )]
    pub enum Forecast {
        /// The goal has been reached (any tertial).
        Achieved = "achieved",
            "Ziel erreicht",
            "Das Ziel ist erreicht (in jedem Tertial zulässig).";
        /// Attainment is not at risk (T1, T2).
        OnTrack = "on_track",
            "Zielerreichung nicht gefährdet",
            "Die Zielerreichung ist nicht gefährdet (im I. und II. Tertial, Ampel grün).";
        /// Attainment is at risk (T1, T2).
        AtRisk = "at_risk",
            "Zielerreichung gefährdet",
            "Die Zielerreichung ist gefährdet (im I. und II. Tertial, Ampel gelb).";
        /// Attainment is unlikely (T1, T2).
        Unlikely = "unlikely",
            "Zielerreichung unwahrscheinlich",
            "Die Zielerreichung ist unwahrscheinlich (im I. und II. Tertial, Ampel rot).";
        /// The goal was not reached (T3: the year is over at its cut-off); earlier only for a goal
        /// that can no longer be reached (a date already missed), with warning RS18.
        NotAchieved = "not_achieved",
            "Ziel nicht erreicht",
            "Das Ziel wurde nicht erreicht (im III. Tertial: mit seinem Stichtag ist das Jahr vorbei; im I. und II. Tertial nur für ein Ziel, das nicht mehr erreicht werden kann, etwa weil ein Termin verstrichen ist).";
    }
}

impl Forecast {
    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Forecast::Achieved => "goal achieved",
            Forecast::OnTrack => "attainment not at risk",
            Forecast::AtRisk => "attainment at risk",
            Forecast::Unlikely => "attainment unlikely",
            Forecast::NotAchieved => "goal not achieved",
        }
    }

    /// The traffic light.
    pub fn light(self) -> Light {
        match self {
            Forecast::Achieved | Forecast::OnTrack => Light::Green,
            Forecast::AtRisk => Light::Yellow,
            Forecast::Unlikely | Forecast::NotAchieved => Light::Red,
        }
    }

    /// Whether the value belongs to the scale of a tertial of this period: reported without any
    /// remark (the forecast scale in docs/procedure.md). A value neither allowed nor
    /// [`exceptional_in`](Self::exceptional_in) the period is an error (RS06).
    pub fn allowed_in(self, period: Period) -> bool {
        match self {
            Forecast::Achieved => true,
            Forecast::OnTrack | Forecast::AtRisk | Forecast::Unlikely => period != Period::T3,
            Forecast::NotAchieved => period == Period::T3,
        }
    }

    /// Whether the value may be reported for a tertial of this period only by exception, with a
    /// warning (RS18): `not_achieved` before T3, for a goal that can no longer be reached (a date
    /// already missed).
    pub fn exceptional_in(self, period: Period) -> bool {
        self == Forecast::NotAchieved && period != Period::T3
    }

    /// "Gefährdete Zielerreichung" in the sense of the procedure: `at_risk` or `unlikely`.
    pub fn is_at_risk(self) -> bool {
        matches!(self, Forecast::AtRisk | Forecast::Unlikely)
    }
}

vocabulary! {
    /// The traffic light of a forecast.
    #[derive(PartialOrd, Ord)]
    #[schemars(title = "Ampel", description = "Die Ampelfarbe einer Einschätzung.")]
    pub enum Light {
        /// No deviation beyond tolerance.
        Green = "green", "grün", "Keine Abweichung über die Toleranz hinaus.";
        /// Deviation: the unit acts.
        Yellow = "yellow", "gelb", "Abweichung: die Organisationseinheit steuert selbst gegen.";
        /// Target out of reach: action needs a decision above the unit.
        Red = "red",
            "rot",
            "Ziel außer Reichweite: Gegensteuerung braucht eine Entscheidung oberhalb der Organisationseinheit.";
    }
}

vocabulary! {
    /// Likelihood or impact of a risk.
    #[derive(PartialOrd, Ord)]
    #[schemars(
        title = "Stufe",
        description = "Eintrittswahrscheinlichkeit oder Auswirkung eines Risikos."
    )]
    pub enum Level {
        /// Low.
        Low = "low", "gering", "Gering.";
        /// Medium.
        Medium = "medium", "mittel", "Mittel.";
        /// High.
        High = "high", "hoch", "Hoch.";
    }
}

impl Level {
    /// 1 (low) to 3 (high); a risk's score is likelihood × impact.
    pub fn weight(self) -> u32 {
        match self {
            Level::Low => 1,
            Level::Medium => 2,
            Level::High => 3,
        }
    }
}

vocabulary! {
    /// Which way an indicator should move.
    #[schemars(
        title = "Zielrichtung",
        description = "In welche Richtung sich eine Kennzahl entwickeln soll."
    )]
    pub enum Direction {
        /// Higher is better.
        Increase = "increase", "steigend", "Ein höherer Wert ist besser.";
        /// Lower is better.
        Decrease = "decrease", "fallend", "Ein niedrigerer Wert ist besser.";
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The schema title of each value of `T` (by its JSON spelling).
    fn titles<T: JsonSchema>() -> Vec<(String, String)> {
        let schema = schemars::generate::SchemaSettings::draft2020_12()
            .into_generator()
            .into_root_schema_for::<T>();
        schema
            .get("oneOf")
            .and_then(serde_json::Value::as_array)
            .unwrap()
            .iter()
            .map(|value| {
                let text = |key: &str| value.get(key).and_then(serde_json::Value::as_str).unwrap();
                (text("const").to_string(), text("title").to_string())
            })
            .collect()
    }

    fn labels<T: Copy>(
        all: &[T],
        json: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> Vec<(String, String)> {
        all.iter()
            .map(|&value| (json(value).to_string(), label(value).to_string()))
            .collect()
    }

    #[test]
    fn every_schema_title_is_the_label() {
        assert_eq!(
            titles::<Perspective>(),
            labels(
                &Perspective::ALL,
                Perspective::as_str,
                Perspective::label_de
            )
        );
        assert_eq!(
            titles::<Role>(),
            labels(&Role::ALL, Role::as_str, Role::label_de)
        );
        assert_eq!(
            titles::<OrgUnitKind>(),
            labels(
                &OrgUnitKind::ALL,
                OrgUnitKind::as_str,
                OrgUnitKind::label_de
            )
        );
        assert_eq!(
            titles::<Forecast>(),
            labels(&Forecast::ALL, Forecast::as_str, Forecast::label_de)
        );
        assert_eq!(
            titles::<Light>(),
            labels(&Light::ALL, Light::as_str, Light::label_de)
        );
        assert_eq!(
            titles::<Level>(),
            labels(&Level::ALL, Level::as_str, Level::label_de)
        );
        assert_eq!(
            titles::<Direction>(),
            labels(&Direction::ALL, Direction::as_str, Direction::label_de)
        );
    }

    #[test]
    fn the_json_spelling_is_serdes() {
        for forecast in Forecast::ALL {
            assert_eq!(
                serde_json::to_value(forecast).unwrap(),
                serde_json::Value::from(forecast.as_str())
            );
        }
        assert_eq!(
            serde_json::from_str::<OrgUnitKind>("\"steering_service\"").unwrap(),
            OrgUnitKind::SteeringService
        );
    }
}

/// The lifecycle stage of a report.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Stadium des Berichts",
    description = "Stadium des Berichts im Ablauf Entwurf → Beschluss des Bezirksamts → Kenntnisnahme der BVV."
)]
pub enum Stage {
    /// Consolidated by the steering service, not yet decided.
    #[schemars(
        title = "Entwurf",
        description = "Vom Steuerungsdienst zusammengefasst, noch nicht beschlossen."
    )]
    Draft,
    /// Decided by the Bezirksamt.
    #[schemars(
        title = "vom Bezirksamt beschlossen",
        description = "Vom Bezirksamt beschlossen, noch nicht von der BVV zur Kenntnis genommen."
    )]
    Decided,
    /// Passed to the council, which took note.
    #[schemars(
        title = "von der BVV zur Kenntnis genommen",
        description = "Der Bezirksverordnetenversammlung zur Kenntnis gegeben und von ihr zur Kenntnis genommen."
    )]
    Noted,
}

impl Stage {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Decided => "decided",
            Stage::Noted => "noted",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Stage::Draft => "Entwurf",
            Stage::Decided => "vom Bezirksamt beschlossen",
            Stage::Noted => "von der BVV zur Kenntnis genommen",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Decided => "decided by the Bezirksamt",
            Stage::Noted => "noted by the council",
        }
    }

    /// Whether the Bezirksamt has decided on the report (decided or noted).
    pub fn is_final(self) -> bool {
        self != Stage::Draft
    }
}

/// For decision or for information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Art der Vorlage",
    description = "Zur Beschlussfassung oder zur Kenntnisnahme."
)]
pub enum PaperKind {
    /// zur Beschlussfassung.
    #[schemars(
        title = "zur Beschlussfassung",
        description = "Das Bezirksamt soll beschließen."
    )]
    Decision,
    /// zur Kenntnisnahme.
    #[schemars(
        title = "zur Kenntnisnahme",
        description = "Das Gremium nimmt zur Kenntnis."
    )]
    Information,
    /// Vorlage zur Kenntnisnahme for the council (BVV), after the Bezirksamt's decision: it decides
    /// nothing and opens "Das Bezirksamt hat am … beschlossen, …".
    #[schemars(
        title = "zur Kenntnisnahme an die Bezirksverordnetenversammlung",
        description = "Vorlage des Bezirksamts an die Bezirksverordnetenversammlung nach seinem Beschluss: beschließt nichts, sondern bringt Nachfolgendes zur Kenntnis."
    )]
    CouncilInformation,
}

impl PaperKind {
    /// Every kind.
    pub const ALL: [PaperKind; 3] = [
        PaperKind::Decision,
        PaperKind::Information,
        PaperKind::CouncilInformation,
    ];

    /// The JSON value: `"decision"`, `"information"` or `"council_information"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PaperKind::Decision => "decision",
            PaperKind::Information => "information",
            PaperKind::CouncilInformation => "council_information",
        }
    }

    /// The German wording of the form's heading ("Vorlage – zur Kenntnisnahme –").
    pub fn label_de(self) -> &'static str {
        match self {
            PaperKind::Decision => "zur Beschlussfassung",
            PaperKind::Information | PaperKind::CouncilInformation => "zur Kenntnisnahme",
        }
    }

    /// The paper's name with its addressee, as a finding names it.
    pub fn name_de(self) -> &'static str {
        match self {
            PaperKind::Decision => "Bezirksamtsvorlage zur Beschlussfassung",
            PaperKind::Information => "Bezirksamtsvorlage zur Kenntnisnahme",
            PaperKind::CouncilInformation => {
                "Vorlage zur Kenntnisnahme an die Bezirksverordnetenversammlung"
            }
        }
    }

    /// The paper's name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            PaperKind::Decision => "Bezirksamt paper for decision",
            PaperKind::Information => "Bezirksamt paper for information",
            PaperKind::CouncilInformation => "paper for the council's information",
        }
    }
}

/// What kind of event an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// The sheet came in.
    Received,
    /// The sheet went back to the member.
    Returned,
    /// A corrected version came in.
    Resubmitted,
    /// The steering service accepted the sheet.
    Accepted,
}

impl EventKind {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Received => "received",
            EventKind::Returned => "returned",
            EventKind::Resubmitted => "resubmitted",
            EventKind::Accepted => "accepted",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            EventKind::Received => "eingegangen",
            EventKind::Returned => "zurückgegeben",
            EventKind::Resubmitted => "erneut eingereicht",
            EventKind::Accepted => "angenommen",
        }
    }
}
