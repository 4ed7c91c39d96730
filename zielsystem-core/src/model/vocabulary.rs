//! The closed vocabularies of the procedure: each an enum, serialized as its `snake_case` JSON value,
//! with the German label a clerk reads.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Period;

/// The two perspectives of the target system.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Perspektive",
    description = "Die beiden Perspektiven des Zielsystems."
)]
pub enum Perspective {
    /// Mandate and target groups: the outward view.
    #[schemars(
        title = "Auftrags-/Zielgruppenperspektive",
        description = "Ziele mit Blick nach außen: Auftrag und Zielgruppen."
    )]
    MandateTargetGroups,
    /// Administration: the inward view.
    #[schemars(
        title = "Verwaltungs-/Binnenperspektive",
        description = "Ziele mit Blick nach innen: die Verwaltung selbst."
    )]
    AdministrationInternal,
}

impl Perspective {
    /// Both perspectives, outward first.
    pub const ALL: [Perspective; 2] = [
        Perspective::MandateTargetGroups,
        Perspective::AdministrationInternal,
    ];

    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Perspective::MandateTargetGroups => "mandate_target_groups",
            Perspective::AdministrationInternal => "administration_internal",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Perspective::MandateTargetGroups => "Auftrags-/Zielgruppenperspektive",
            Perspective::AdministrationInternal => "Verwaltungs-/Binnenperspektive",
        }
    }
}

/// The office a member holds a portfolio in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Funktion",
    description = "Die Funktion, in der ein Mitglied einen Geschäftsbereich innehat."
)]
pub enum Role {
    /// Bezirksbürgermeister/in.
    #[schemars(
        title = "Bezirksbürgermeister/in",
        description = "Leitet das Bezirksamt und den Geschäftsbereich des Bezirksbürgermeisters."
    )]
    Mayor,
    /// Bezirksstadtrat/-rätin.
    #[schemars(
        title = "Bezirksstadtrat/-rätin",
        description = "Leitet einen Geschäftsbereich als Mitglied des Bezirksamts."
    )]
    Councillor,
}

impl Role {
    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Role::Mayor => "Bezirksbürgermeister/in",
            Role::Councillor => "Bezirksstadtrat/-rätin",
        }
    }
}

/// The kind of an organisational unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Art der Organisationseinheit",
    description = "Die Art einer Organisationseinheit."
)]
pub enum OrgUnitKind {
    /// The steering service, which coordinates the procedure and consolidates the report.
    #[schemars(
        title = "Steuerungsdienst",
        description = "Koordiniert das Berichtsverfahren und fasst den Bericht zusammen; genau eine Einheit je Zielsystem."
    )]
    SteeringService,
    /// An office (Amt).
    #[schemars(
        title = "Amt",
        description = "Ein Amt, z. B. Jugendamt oder Ordnungsamt."
    )]
    Office,
    /// A service unit (Serviceeinheit).
    #[schemars(
        title = "Serviceeinheit",
        description = "Eine Serviceeinheit, z. B. Finanzen oder Personal."
    )]
    ServiceUnit,
    /// A staff unit (Stabsstelle).
    #[schemars(title = "Stabsstelle", description = "Eine Stabsstelle.")]
    StaffUnit,
    /// Any other unit.
    #[schemars(
        title = "Sonstige",
        description = "Eine sonstige Organisationseinheit."
    )]
    Other,
}

/// The risk-oriented forecast: will the goal be reached by the end of the calendar year? (docs/procedure.md, forecast scale)
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Risikoorientierte Einschätzung",
    description = "Risikoorientierte Einschätzung: Wird das Ziel bis zum Ende des Kalenderjahres erreicht?"
)]
pub enum Forecast {
    /// The goal has been reached (any tertial).
    #[schemars(
        title = "Ziel erreicht",
        description = "Das Ziel ist erreicht (in jedem Tertial zulässig)."
    )]
    Achieved,
    /// Attainment is not at risk (T1, T2).
    #[schemars(
        title = "Zielerreichung nicht gefährdet",
        description = "Die Zielerreichung ist nicht gefährdet (im I. und II. Tertial, Ampel grün)."
    )]
    OnTrack,
    /// Attainment is at risk (T1, T2).
    #[schemars(
        title = "Zielerreichung gefährdet",
        description = "Die Zielerreichung ist gefährdet (im I. und II. Tertial, Ampel gelb)."
    )]
    AtRisk,
    /// Attainment is unlikely (T1, T2).
    #[schemars(
        title = "Zielerreichung unwahrscheinlich",
        description = "Die Zielerreichung ist unwahrscheinlich (im I. und II. Tertial, Ampel rot)."
    )]
    Unlikely,
    /// The goal was not reached (T3: the year is over at its cut-off); earlier only for a goal that
    /// can no longer be reached (a date already missed), with warning RS18.
    #[schemars(
        title = "Ziel nicht erreicht",
        description = "Das Ziel wurde nicht erreicht (im III. Tertial: mit seinem Stichtag ist das Jahr vorbei; im I. und II. Tertial nur für ein Ziel, das nicht mehr erreicht werden kann, etwa weil ein Termin verstrichen ist)."
    )]
    NotAchieved,
}

impl Forecast {
    /// Every value, from best to worst.
    pub const ALL: [Forecast; 5] = [
        Forecast::Achieved,
        Forecast::OnTrack,
        Forecast::AtRisk,
        Forecast::Unlikely,
        Forecast::NotAchieved,
    ];

    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Forecast::Achieved => "achieved",
            Forecast::OnTrack => "on_track",
            Forecast::AtRisk => "at_risk",
            Forecast::Unlikely => "unlikely",
            Forecast::NotAchieved => "not_achieved",
        }
    }

    /// The German label of the scale.
    pub fn label_de(self) -> &'static str {
        match self {
            Forecast::Achieved => "Ziel erreicht",
            Forecast::OnTrack => "Zielerreichung nicht gefährdet",
            Forecast::AtRisk => "Zielerreichung gefährdet",
            Forecast::Unlikely => "Zielerreichung unwahrscheinlich",
            Forecast::NotAchieved => "Ziel nicht erreicht",
        }
    }

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
    /// remark (the forecast scale in docs/procedure.md). A value neither allowed nor [`exceptional_in`](Self::exceptional_in) the
    /// period is an error (RS06).
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

/// The traffic light of a forecast.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Ampel", description = "Die Ampelfarbe einer Einschätzung.")]
pub enum Light {
    /// No deviation beyond tolerance.
    #[schemars(
        title = "grün",
        description = "Keine Abweichung über die Toleranz hinaus."
    )]
    Green,
    /// Deviation: the unit acts.
    #[schemars(
        title = "gelb",
        description = "Abweichung: die Organisationseinheit steuert selbst gegen."
    )]
    Yellow,
    /// Target out of reach: action needs a decision above the unit.
    #[schemars(
        title = "rot",
        description = "Ziel außer Reichweite: Gegensteuerung braucht eine Entscheidung oberhalb der Organisationseinheit."
    )]
    Red,
}

impl Light {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Light::Green => "grün",
            Light::Yellow => "gelb",
            Light::Red => "rot",
        }
    }
}

/// Likelihood or impact of a risk.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Stufe",
    description = "Eintrittswahrscheinlichkeit oder Auswirkung eines Risikos."
)]
pub enum Level {
    /// Low.
    #[schemars(title = "gering", description = "Gering.")]
    Low,
    /// Medium.
    #[schemars(title = "mittel", description = "Mittel.")]
    Medium,
    /// High.
    #[schemars(title = "hoch", description = "Hoch.")]
    High,
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

    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            Level::Low => "gering",
            Level::Medium => "mittel",
            Level::High => "hoch",
        }
    }
}

/// Which way an indicator should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Zielrichtung",
    description = "In welche Richtung sich eine Kennzahl entwickeln soll."
)]
pub enum Direction {
    /// Higher is better.
    #[schemars(title = "steigend", description = "Ein höherer Wert ist besser.")]
    Increase,
    /// Lower is better.
    #[schemars(title = "fallend", description = "Ein niedrigerer Wert ist besser.")]
    Decrease,
}
