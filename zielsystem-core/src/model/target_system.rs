//! The target system (Zielsystem) of one authority and calendar year.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::vocabulary::OriginKind;
use super::vocabulary::{Direction, OrgUnitKind, Perspective, Role};
use super::{GoalId, IndicatorId, MemberId, OrgUnitId, PortfolioId};
use crate::calendar::Tertial;
use crate::decode::limits::{
    GOALS_MAX_ITEMS, ID_MAX_CHARS, LIST_MAX_ITEMS, NAME_MAX_CHARS, REFERENCES_MAX_ITEMS,
    TEXT_MAX_CHARS,
};

/// The target system of one authority and calendar year, decided by the Bezirksamt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Zielsystem",
    description = "Das Zielsystem eines Bezirksamts für ein Kalenderjahr: Leitbild, Ziele in zwei Perspektiven, Geschäftsbereiche, Bezirksamtsmitglieder, Organisationseinheiten und Berichtsverfahren."
)]
pub struct TargetSystem {
    /// The version of the JSON contract, `"1"`.
    #[schemars(
        title = "Schema-Version",
        description = "Version des JSON-Vertrags, derzeit „1“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub schema_version: String,
    /// The authority, e.g. "Bezirksamt Mitte von Berlin".
    #[schemars(
        title = "Behörde",
        description = "Die Behörde, z. B. „Bezirksamt Mitte von Berlin“."
    )]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub authority: String,
    /// The calendar year the system is decided for.
    #[schemars(
        title = "Kalenderjahr",
        description = "Das Kalenderjahr, für das das Zielsystem beschlossen ist, z. B. 2022."
    )]
    pub year: i32,
    /// The Bezirksamt's resolution that decided the system.
    #[schemars(
        title = "Beschluss des Bezirksamts",
        description = "Der Beschluss, mit dem das Bezirksamt das Zielsystem beschlossen hat."
    )]
    pub resolution: Resolution,
    /// The mission statement (Leitbild).
    #[schemars(
        title = "Leitbild",
        description = "Das Leitbild, unter dem die Ziele stehen."
    )]
    #[serde(deserialize_with = "super::bounded::text")]
    #[schemars(length(max = TEXT_MAX_CHARS))]
    pub mission_statement: String,
    /// Goal counts per perspective as declared in the resolution (e.g. 15 and 8), where declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Beschlossene Anzahl der Ziele je Perspektive",
        description = "Anzahl der Ziele je Perspektive laut Beschluss (z. B. 15 und 8), sofern angegeben."
    )]
    pub declared_goal_counts: Option<DeclaredGoalCounts>,
    /// The portfolios (Geschäftsbereiche).
    #[schemars(
        title = "Geschäftsbereiche",
        description = "Die Geschäftsbereiche (Abteilungen) des Bezirksamts."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub portfolios: Vec<Portfolio>,
    /// The members of the Bezirksamt with their dated terms.
    #[schemars(
        title = "Bezirksamtsmitglieder",
        description = "Die Mitglieder des Bezirksamts mit ihren datierten Amtszeiten."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub members: Vec<Member>,
    /// The organisational units.
    #[schemars(
        title = "Organisationseinheiten",
        description = "Die Organisationseinheiten des Bezirksamts."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub org_units: Vec<OrgUnit>,
    /// The goals, in the order of the resolution.
    #[schemars(
        title = "Ziele",
        description = "Die Ziele in der Reihenfolge des Beschlusses."
    )]
    #[serde(deserialize_with = "super::bounded::goals")]
    #[schemars(length(max = GOALS_MAX_ITEMS))]
    pub goals: Vec<Goal>,
    /// The reporting plan.
    #[schemars(
        title = "Berichtsverfahren",
        description = "Festlegungen zum Berichtsverfahren."
    )]
    pub reporting: Reporting,
    /// How the authority writes its numbers; `null`: `36/VI` (number/term) for every number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "Nummernschema der Behörde",
        description = "Wie die Behörde Vorlagen-, Beschluss- und Drucksachennummern schreibt; ohne Angabe Nummer/Wahlperiode wie „36/VI“."
    )]
    pub numbering: Option<crate::numbering::Numbering>,
}

/// The resolution (Beschluss) by which the Bezirksamt decided a paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Beschluss",
    description = "Ein Beschluss des Bezirksamts über eine Vorlage."
)]
pub struct Resolution {
    /// Number and electoral term, e.g. `"36/VI"`.
    #[schemars(
        title = "Vorlagen-Nr.",
        description = "Nummer und Wahlperiode in römischen Ziffern, z. B. „36/VI“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub number: String,
    /// The day of the decision.
    #[schemars(
        title = "Beschlossen am",
        description = "Tag der Beschlussfassung (JJJJ-MM-TT)."
    )]
    #[serde(deserialize_with = "super::date::deserialize")]
    pub decided_on: NaiveDate,
}

/// Goal counts per perspective as declared in the resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Anzahl der Ziele je Perspektive",
    description = "Anzahl der Ziele je Perspektive, wie im Beschluss festgelegt."
)]
pub struct DeclaredGoalCounts {
    /// Goals of the mandate and target-group perspective.
    #[schemars(
        title = "Ziele der Auftrags-/Zielgruppenperspektive",
        description = "Anzahl der Ziele der Auftrags-/Zielgruppenperspektive."
    )]
    pub mandate_target_groups: u32,
    /// Goals of the administration perspective.
    #[schemars(
        title = "Ziele der Verwaltungs-/Binnenperspektive",
        description = "Anzahl der Ziele der Verwaltungs-/Binnenperspektive."
    )]
    pub administration_internal: u32,
}

impl DeclaredGoalCounts {
    /// The declared count of one perspective.
    pub fn of(self, perspective: Perspective) -> u32 {
        match perspective {
            Perspective::MandateTargetGroups => self.mandate_target_groups,
            Perspective::AdministrationInternal => self.administration_internal,
        }
    }
}

/// A portfolio (Geschäftsbereich / Abteilung), headed by one member at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Geschäftsbereich",
    description = "Ein Geschäftsbereich (Abteilung), den jeweils ein Bezirksamtsmitglied leitet."
)]
pub struct Portfolio {
    /// Identifier, `"I"` … `"VI"` in Berlin.
    #[schemars(
        title = "Kennung",
        description = "Kennung des Geschäftsbereichs, in Berlin „I“ bis „VI“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub id: PortfolioId,
    /// The portfolio's name.
    #[schemars(
        title = "Bezeichnung",
        description = "Bezeichnung des Geschäftsbereichs, z. B. „Soziales und Bürgerdienste“."
    )]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub name: String,
}

/// A member of the Bezirksamt: the mayor or a councillor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Bezirksamtsmitglied",
    description = "Ein Mitglied des Bezirksamts: Bezirksbürgermeister/in oder Bezirksstadtrat/-rätin."
)]
pub struct Member {
    /// Identifier.
    #[schemars(
        title = "Kennung",
        description = "Kennung des Bezirksamtsmitglieds, z. B. „m-bzbm“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub id: MemberId,
    /// The person's name; `null` where persons stay unnamed.
    #[serde(default, deserialize_with = "super::bounded::optional_name")]
    #[schemars(
        title = "Name",
        description = "Name der Person; leer (null), wo Personen nicht genannt werden."
    )]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub name: Option<String>,
    /// The dated terms in which the member holds portfolios.
    #[schemars(
        title = "Amtszeiten",
        description = "Die datierten Amtszeiten, in denen das Mitglied Geschäftsbereiche innehat."
    )]
    #[serde(deserialize_with = "super::bounded::list")]
    #[schemars(length(max = LIST_MAX_ITEMS))]
    pub terms: Vec<Term>,
}

/// A dated term in which a member holds a portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Amtszeit",
    description = "Eine datierte Amtszeit, in der ein Mitglied einen Geschäftsbereich innehat."
)]
pub struct Term {
    /// The portfolio held.
    #[schemars(
        title = "Geschäftsbereich",
        description = "Kennung des Geschäftsbereichs, den das Mitglied in dieser Amtszeit innehat."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub portfolio: PortfolioId,
    /// Mayor or councillor.
    #[schemars(
        title = "Funktion",
        description = "Bezirksbürgermeister/in oder Bezirksstadtrat/-rätin."
    )]
    pub role: Role,
    /// First day of the term.
    #[schemars(title = "Von", description = "Erster Tag der Amtszeit (JJJJ-MM-TT).")]
    #[serde(deserialize_with = "super::date::deserialize")]
    pub from: NaiveDate,
    /// Last day of the term (inclusive); `null` while it runs.
    #[serde(default, deserialize_with = "super::date::option::deserialize")]
    #[schemars(
        title = "Bis (einschließlich)",
        description = "Letzter Tag der Amtszeit (JJJJ-MM-TT, einschließlich); null, solange sie läuft."
    )]
    pub until: Option<NaiveDate>,
}

impl Term {
    /// Whether the member holds the portfolio on `day` (`until` inclusive, open when `null`).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }

    /// Whether two terms share at least one day.
    pub fn overlaps(&self, other: &Term) -> bool {
        let starts_before_other_ends = other.until.is_none_or(|until| self.from <= until);
        let other_starts_before_this_ends = self.until.is_none_or(|until| other.from <= until);
        starts_before_other_ends && other_starts_before_this_ends
    }
}

/// An organisational unit (Amt, Serviceeinheit, Steuerungsdienst, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Organisationseinheit",
    description = "Eine Organisationseinheit: Amt, Serviceeinheit, Stabsstelle, Steuerungsdienst oder sonstige Einheit."
)]
pub struct OrgUnit {
    /// Identifier.
    #[schemars(
        title = "Kennung",
        description = "Kennung der Organisationseinheit, z. B. „std“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub id: OrgUnitId,
    /// The unit's name.
    #[schemars(
        title = "Bezeichnung",
        description = "Bezeichnung der Organisationseinheit, z. B. „Amt für Soziales“."
    )]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub name: String,
    /// The kind of unit.
    #[schemars(title = "Art", description = "Art der Organisationseinheit.")]
    pub kind: OrgUnitKind,
    /// The portfolio the unit belongs to.
    #[schemars(
        title = "Geschäftsbereich",
        description = "Kennung des Geschäftsbereichs, zu dem die Organisationseinheit gehört."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub portfolio: PortfolioId,
}

/// A goal of the target system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Ziel", description = "Ein Ziel des Zielsystems.")]
pub struct Goal {
    /// Identifier, stable within the year (e.g. `"A01"`).
    #[schemars(
        title = "Kennung",
        description = "Kennung des Ziels, innerhalb des Jahres stabil, z. B. „A01“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub id: GoalId,
    /// The perspective the goal belongs to.
    #[schemars(
        title = "Perspektive",
        description = "Die Perspektive, zu der das Ziel gehört."
    )]
    pub perspective: Perspective,
    /// The goal's title.
    #[schemars(title = "Titel", description = "Der Titel des Ziels.")]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub title: String,
    /// A longer description.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::bounded::optional_text"
    )]
    #[schemars(
        title = "Beschreibung",
        description = "Ausführliche Beschreibung des Ziels."
    )]
    #[schemars(length(max = TEXT_MAX_CHARS))]
    pub description: Option<String>,
    /// The portfolio responsible for the goal.
    #[schemars(
        title = "Geschäftsbereich",
        description = "Der Geschäftsbereich, dessen Bezirksamtsmitglied für das Ziel verantwortlich ist und berichtet."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub portfolio: PortfolioId,
    /// The organisational units that collaborate on the goal.
    #[schemars(
        title = "Beteiligte Organisationseinheiten",
        description = "Kennungen der Organisationseinheiten, die an dem Ziel zusammenarbeiten (mindestens zwei)."
    )]
    #[serde(deserialize_with = "super::bounded::id_references")]
    #[schemars(length(max = REFERENCES_MAX_ITEMS), inner(length(max = ID_MAX_CHARS)))]
    pub org_units: Vec<OrgUnitId>,
    /// Whether the goal is new or continued from an earlier year.
    #[schemars(
        title = "Herkunft",
        description = "Ob das Ziel neu ist oder aus einem früheren Jahr (meist dem Vorjahr) fortgeführt wird."
    )]
    pub origin: Origin,
    /// Indicators that measure the goal.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::bounded::list"
    )]
    #[schemars(
        title = "Kennzahlen",
        description = "Kennzahlen, an denen die Zielerreichung gemessen wird."
    )]
    #[schemars(length(max = LIST_MAX_ITEMS), extend("default" = []))]
    pub indicators: Vec<Indicator>,
}

/// Whether a goal is new or comes from goals of an earlier year, and from which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Herkunft des Ziels",
    description = "Ob ein Ziel neu ist oder aus Zielen eines früheren Jahres (meist des Vorjahres) hervorgeht – fortgeführt, neu gefasst, aufgeteilt oder zusammengeführt – und aus welchen."
)]
pub struct Origin {
    /// `new`, `continued`, `reformulated`, `split` or `merged`.
    #[schemars(
        title = "Art",
        description = "„new“ (neu), „continued“ (fortgeführt), „reformulated“ (neu gefasst), „split“ (aus einem Ziel aufgeteilt) oder „merged“ (aus mehreren Zielen zusammengeführt)."
    )]
    pub kind: OriginKind,
    /// The one predecessor of a continued, reformulated or split goal, `"<year>/<goal id>"` of an
    /// earlier year (usually the previous one; a gap year happens), e.g. `"2021/A03"`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::bounded::optional_name"
    )]
    #[schemars(
        title = "Vorgängerziel",
        description = "Das eine Vorgängerziel eines fortgeführten, neu gefassten oder aufgeteilten Ziels: „Jahr/Kennung“ aus einem früheren Jahr, meist dem Vorjahr (z. B. „2021/A03“; nach einem ausgesetzten Jahr auch „2020/A03“)."
    )]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub predecessor: Option<String>,
    /// Every predecessor of a merged goal (at least two), each `"<year>/<goal id>"`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::bounded::name_references"
    )]
    #[schemars(
        title = "Vorgängerziele",
        description = "Alle Vorgängerziele eines zusammengeführten Ziels (mindestens zwei), je „Jahr/Kennung“."
    )]
    #[schemars(
        length(max = REFERENCES_MAX_ITEMS),
        inner(length(max = NAME_MAX_CHARS)),
        extend("default" = [])
    )]
    pub predecessors: Vec<String>,
}

impl Origin {
    /// A new goal.
    pub fn new_goal() -> Self {
        Origin {
            kind: OriginKind::New,
            predecessor: None,
            predecessors: Vec::new(),
        }
    }

    /// A goal continued from `predecessor` (`"<year>/<goal id>"`).
    pub fn continued(predecessor: String) -> Self {
        Origin {
            kind: OriginKind::Continued,
            predecessor: Some(predecessor),
            predecessors: Vec::new(),
        }
    }

    /// Every predecessor named, as written: `predecessor` first, then `predecessors`.
    pub fn named_predecessors(&self) -> impl Iterator<Item = &str> {
        self.predecessor
            .iter()
            .chain(&self.predecessors)
            .map(String::as_str)
    }
}

/// `"2021/A03"` → `(2021, "A03")`: four digits, a slash, a non-blank id.
pub fn parse_predecessor(text: &str) -> Option<(i32, &str)> {
    let (year, id) = text.split_once('/')?;
    if year.len() != 4
        || !year.bytes().all(|b| b.is_ascii_digit())
        || crate::decode::limits::is_blank(id)
        || id.trim() != id
    {
        return None;
    }
    Some((year.parse().ok()?, id))
}

/// An indicator (Kennzahl) of a goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Kennzahl",
    description = "Eine Kennzahl (Indikator) eines Ziels."
)]
pub struct Indicator {
    /// Identifier, unique within the system (e.g. `"A01-1"`).
    #[schemars(
        title = "Kennung",
        description = "Kennung der Kennzahl, im Zielsystem eindeutig, z. B. „A01-1“."
    )]
    #[serde(deserialize_with = "super::bounded::id")]
    #[schemars(length(max = ID_MAX_CHARS))]
    pub id: IndicatorId,
    /// The indicator's name.
    #[schemars(title = "Bezeichnung", description = "Bezeichnung der Kennzahl.")]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub name: String,
    /// The unit of measurement (e.g. "Tage", "%").
    #[schemars(title = "Einheit", description = "Maßeinheit, z. B. „Tage“ oder „%“.")]
    #[serde(deserialize_with = "super::bounded::name")]
    #[schemars(length(max = NAME_MAX_CHARS))]
    pub unit: String,
    /// The starting value.
    #[schemars(title = "Ausgangswert", description = "Ausgangswert zu Jahresbeginn.")]
    pub baseline: f64,
    /// The value to reach by year end.
    #[schemars(
        title = "Zielwert",
        description = "Wert, der bis zum Jahresende erreicht werden soll."
    )]
    pub target: f64,
    /// Which way is better.
    #[schemars(
        title = "Zielrichtung",
        description = "Ob ein höherer oder ein niedrigerer Wert besser ist."
    )]
    pub direction: Direction,
}

/// The reporting plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Berichtsverfahren",
    description = "Festlegungen zum Berichtsverfahren."
)]
pub struct Reporting {
    /// The first tertial reported on (e.g. `"2022-T1"`).
    #[schemars(
        title = "Erstes Berichtstertial",
        description = "Das erste Tertial, über das berichtet wird, z. B. „2022-T1“."
    )]
    pub first_tertial: Tertial,
}

impl TargetSystem {
    /// The goal with this id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }

    /// The org unit with this id.
    pub fn org_unit(&self, id: &str) -> Option<&OrgUnit> {
        self.org_units.iter().find(|unit| unit.id == id)
    }

    /// The portfolio with this id.
    pub fn portfolio(&self, id: &str) -> Option<&Portfolio> {
        self.portfolios.iter().find(|portfolio| portfolio.id == id)
    }

    /// Who holds `portfolio` on `day`, with the term; `None` when vacant. Where terms overlap (an
    /// error, TS05) the first member listed wins.
    pub fn holder_on(&self, portfolio: &str, day: NaiveDate) -> Option<(&Member, &Term)> {
        self.members.iter().find_map(|member| {
            member
                .terms
                .iter()
                .find(|term| term.portfolio == portfolio && term.covers(day))
                .map(|term| (member, term))
        })
    }

    /// The tertials reported on in this system's year, from the first reporting tertial.
    pub fn reporting_tertials(&self) -> Vec<Tertial> {
        Tertial::of_year(self.year)
            .map(|all| {
                all.into_iter()
                    .filter(|t| *t >= self.reporting.first_tertial)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The goals of one perspective, in order.
    pub fn goals_of(&self, perspective: Perspective) -> impl Iterator<Item = &Goal> {
        self.goals
            .iter()
            .filter(move |goal| goal.perspective == perspective)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn term(from: &str, until: Option<&str>) -> Term {
        Term {
            portfolio: "I".into(),
            role: Role::Mayor,
            from: from.parse().unwrap(),
            until: until.map(|u| u.parse().unwrap()),
        }
    }

    #[test]
    fn until_is_inclusive_and_null_is_open() {
        let closed = term("2021-11-05", Some("2022-10-12"));
        assert!(closed.covers("2022-10-12".parse().unwrap()));
        assert!(!closed.covers("2022-10-13".parse().unwrap()));
        assert!(!closed.covers("2021-11-04".parse().unwrap()));
        let open = term("2022-10-13", None);
        assert!(open.covers("2099-01-01".parse().unwrap()));
    }

    #[test]
    fn overlap_shares_a_day() {
        let a = term("2021-11-05", Some("2022-10-12"));
        assert!(!a.overlaps(&term("2022-10-13", None)));
        assert!(a.overlaps(&term("2022-10-12", None)));
        assert!(term("2022-01-01", None).overlaps(&term("2023-01-01", None)));
        assert!(
            !term("2023-01-01", Some("2023-02-01"))
                .overlaps(&term("2022-01-01", Some("2022-12-31")))
        );
    }
}
