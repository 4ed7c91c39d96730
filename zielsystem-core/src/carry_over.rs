//! Carry-over: the draft of next year's target system from this year's.
//!
//! Every goal is carried as `continued` and names its predecessor (`"2022/A03"`); portfolios and
//! org units are carried as they are; members are carried with the terms still running on the first
//! day of the new year; the reporting plan starts with the new year's first tertial; each
//! indicator's baseline becomes last year's final value, read from the T3 sheet that counts (the one
//! submitted last, as in the consolidation and the attainment table). What cannot be carried is
//! listed ([`NotCarried`]): ended terms, members without a running term, baselines without a final
//! value, and the resolution and declared goal counts, which the Bezirksamt decides anew. The draft
//! keeps last year's resolution as a placeholder so that it is a complete document; it validates
//! against the system rules with this year's system as the previous one.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::report_sheet::ReportSheet;
use crate::model::target_system::{Goal, Origin, Reporting, TargetSystem};

/// The draft of next year's system and what could not be carried into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Entwurf des Zielsystems für das Folgejahr")]
pub struct CarryOver {
    /// The draft system of the following year.
    #[schemars(title = "Entwurf")]
    pub draft: TargetSystem,
    /// What was not carried, in the order of the old system.
    #[schemars(title = "Nicht übernommen")]
    pub not_carried: Vec<NotCarried>,
}

/// What was not carried, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Art des nicht Übernommenen")]
pub enum NotCarriedKind {
    /// The resolution: the draft keeps last year's as a placeholder until the Bezirksamt decides.
    #[schemars(title = "Beschluss")]
    Resolution,
    /// The declared goal counts: left out, the new resolution declares them.
    #[schemars(title = "Beschlossene Anzahl der Ziele")]
    DeclaredGoalCounts,
    /// A term that ended before the new year.
    #[schemars(title = "Beendete Amtszeit")]
    Term,
    /// A member without a term running into the new year.
    #[schemars(title = "Bezirksamtsmitglied ohne laufende Amtszeit")]
    Member,
    /// An indicator without a final value: its baseline stays last year's.
    #[schemars(title = "Ausgangswert ohne Jahresendwert")]
    Baseline,
}

/// One thing not carried into the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Nicht übernommen")]
pub struct NotCarried {
    /// What it is.
    #[schemars(title = "Art")]
    pub kind: NotCarriedKind,
    /// JSON Pointer to it in the old system.
    #[schemars(title = "Fundstelle")]
    pub path: String,
    /// Why, in German.
    #[schemars(title = "Meldung")]
    pub message: String,
    /// Why, in English.
    #[schemars(title = "Meldung (englisch)")]
    pub message_en: String,
}

/// Why no draft can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarryOverError {
    /// The following year has no tertials in the representable range.
    #[error(
        "Für das Jahr nach {year} lässt sich kein Zielsystem entwerfen (außerhalb des darstellbaren Bereichs) / no system can be drafted for the year after {year} (outside the representable range)"
    )]
    YearOutOfRange {
        /// The system's year.
        year: i32,
    },
}

fn not_carried(
    kind: NotCarriedKind,
    path: String,
    message: String,
    message_en: String,
) -> NotCarried {
    NotCarried {
        kind,
        path,
        message,
        message_en,
    }
}

/// The draft of the system of the year after `system`'s. `final_sheets` are this year's sheets (or
/// any: those of the system's authority and T3 count) whose indicator values become the new
/// baselines; without them every baseline stays and is listed.
pub fn next_year(
    system: &TargetSystem,
    final_sheets: Option<&[ReportSheet]>,
) -> Result<CarryOver, CarryOverError> {
    let out_of_range = || CarryOverError::YearOutOfRange { year: system.year };
    let year = system.year.checked_add(1).ok_or_else(out_of_range)?;
    let [first_tertial, _, _] = Tertial::of_year(year).map_err(|_| out_of_range())?;
    let new_year = first_tertial.start();
    let [_, _, year_end] = Tertial::of_year(system.year).map_err(|_| out_of_range())?;
    let mut left = Vec::new();
    left.push(not_carried(
        NotCarriedKind::Resolution,
        "/resolution".into(),
        format!(
            "Der Beschluss {} gilt für {}; der Entwurf trägt ihn als Platzhalter, bis das Bezirksamt das Zielsystem {year} beschließt.",
            system.resolution.number, system.year
        ),
        format!(
            "Resolution {} is {}'s; the draft carries it as a placeholder until the Bezirksamt decides the {year} system.",
            system.resolution.number, system.year
        ),
    ));
    if system.declared_goal_counts.is_some() {
        left.push(not_carried(
            NotCarriedKind::DeclaredGoalCounts,
            "/declared_goal_counts".into(),
            "Die beschlossene Anzahl der Ziele je Perspektive legt der neue Beschluss fest; sie fehlt im Entwurf.".into(),
            "The declared goal counts are set by the new resolution; the draft has none.".into(),
        ));
    }

    let mut members = Vec::new();
    for (i, member) in system.members.iter().enumerate() {
        let mut carried = member.clone();
        carried.terms.clear();
        for (j, term) in member.terms.iter().enumerate() {
            if runs_on(term.until, new_year) {
                carried.terms.push(term.clone());
            } else {
                left.push(not_carried(
                    NotCarriedKind::Term,
                    format!("/members/{i}/terms/{j}"),
                    format!(
                        "Die Amtszeit von „{}“ im Geschäftsbereich {} endete vor dem {}.",
                        member.id,
                        term.portfolio,
                        crate::text::german_date(new_year)
                    ),
                    format!(
                        "The term of \"{}\" in portfolio {} ended before {new_year}.",
                        member.id, term.portfolio
                    ),
                ));
            }
        }
        if carried.terms.is_empty() {
            left.push(not_carried(
                NotCarriedKind::Member,
                format!("/members/{i}"),
                format!(
                    "„{}“ hat keine Amtszeit, die in das Jahr {year} reicht.",
                    member.id
                ),
                format!("\"{}\" has no term running into {year}.", member.id),
            ));
        } else {
            members.push(carried);
        }
    }

    let goals = system
        .goals
        .iter()
        .enumerate()
        .map(|(i, goal)| {
            let sheet = final_sheets.and_then(|sheets| counted(system, sheets, goal, year_end));
            carried_goal(
                system.year,
                i,
                goal,
                sheet,
                final_sheets.is_some(),
                &mut left,
            )
        })
        .collect();

    let draft = TargetSystem {
        schema_version: crate::SCHEMA_VERSION.to_string(),
        authority: system.authority.clone(),
        year,
        resolution: system.resolution.clone(),
        mission_statement: system.mission_statement.clone(),
        declared_goal_counts: None,
        portfolios: system.portfolios.clone(),
        members,
        org_units: system.org_units.clone(),
        goals,
        reporting: Reporting { first_tertial },
        // The same authority writes its numbers the same way next year.
        numbering: system.numbering.clone(),
    };
    Ok(CarryOver {
        draft,
        not_carried: left,
    })
}

/// Whether a term ending on `until` (inclusive, open when `None`) still runs on `day`.
fn runs_on(until: Option<NaiveDate>, day: NaiveDate) -> bool {
    until.is_none_or(|until| until >= day)
}

/// The goal continued into the next year, with its final values as baselines.
fn carried_goal(
    year: i32,
    i: usize,
    goal: &Goal,
    sheet: Option<&ReportSheet>,
    sheets_given: bool,
    left: &mut Vec<NotCarried>,
) -> Goal {
    let mut carried = goal.clone();
    carried.origin = Origin::continued(format!("{year}/{}", goal.id));
    for (j, indicator) in carried.indicators.iter_mut().enumerate() {
        let value = sheet.and_then(|sheet| {
            sheet
                .indicator_values
                .iter()
                .find(|value| value.indicator == indicator.id && value.value.is_finite())
        });
        if let Some(value) = value {
            indicator.baseline = value.value;
        } else {
            let why_de = if sheets_given {
                format!("kein Wert im Berichtsblatt des III. Tertials {year}")
            } else {
                "keine Berichtsblätter angegeben".to_string()
            };
            let why_en = if sheets_given {
                format!("no value on the sheet of {year}-T3")
            } else {
                "no sheets given".to_string()
            };
            left.push(not_carried(
                NotCarriedKind::Baseline,
                format!("/goals/{i}/indicators/{j}/baseline"),
                format!(
                    "Kennzahl „{}“ des Ziels „{}“: Der Ausgangswert bleibt {} ({why_de}).",
                    indicator.id,
                    goal.id,
                    crate::text::german_number(indicator.baseline)
                ),
                format!(
                    "Indicator \"{}\" of goal \"{}\": the baseline stays {} ({why_en}).",
                    indicator.id, goal.id, indicator.baseline
                ),
            ));
        }
    }
    carried
}

/// The T3 sheet of `goal` that counts: the system's authority, the last submitted (on equal days,
/// the later one given).
fn counted<'a>(
    system: &TargetSystem,
    sheets: &'a [ReportSheet],
    goal: &Goal,
    year_end: Tertial,
) -> Option<&'a ReportSheet> {
    sheets
        .iter()
        .enumerate()
        .filter(|(_, sheet)| {
            sheet.goal == goal.id
                && sheet.tertial == year_end
                && sheet.authority == system.authority
        })
        .max_by_key(|(position, sheet)| (sheet.submitted_on, *position))
        .map(|(_, sheet)| sheet)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp)]
    use super::*;
    use crate::Code;
    use crate::model::vocabulary::OriginKind;
    use crate::rules::validate_system;

    fn fixture() -> TargetSystem {
        serde_json::from_str(include_str!("../../tests/fixtures/rules-system-2022.json")).unwrap()
    }

    #[test]
    fn the_draft_continues_every_goal_and_validates_against_its_predecessor_year() {
        let system = fixture();
        let carried = next_year(&system, None).unwrap();
        let draft = &carried.draft;
        assert_eq!(draft.year, 2023);
        assert_eq!(draft.reporting.first_tertial.to_string(), "2023-T1");
        assert_eq!(draft.goals.len(), system.goals.len());
        for (old, new) in system.goals.iter().zip(&draft.goals) {
            assert_eq!(new.origin.kind, OriginKind::Continued);
            assert_eq!(new.origin.predecessor, Some(format!("2022/{}", old.id)));
        }
        let result = validate_system(draft, Some(&system));
        assert!(result.valid, "{:#?}", result.findings);
        assert!(!result.has(Code::TS08) && !result.has(Code::TS12) && !result.has(Code::TS13));
    }

    #[test]
    fn ended_terms_and_members_without_a_running_term_are_listed() {
        let system = fixture();
        // The fixture's mayor m-bzbm leaves on 2022-10-12 and holds no other term.
        let carried = next_year(&system, None).unwrap();
        assert!(carried.draft.member("m-bzbm").is_none());
        let kinds: Vec<(NotCarriedKind, &str)> = carried
            .not_carried
            .iter()
            .map(|n| (n.kind, n.path.as_str()))
            .collect();
        assert!(
            kinds.contains(&(NotCarriedKind::Term, "/members/0/terms/0")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(NotCarriedKind::Member, "/members/0")),
            "{kinds:?}"
        );
        assert_eq!(kinds[0], (NotCarriedKind::Resolution, "/resolution"));
        // Every member carried has only terms running on 1 January.
        let new_year: NaiveDate = "2023-01-01".parse().unwrap();
        for member in &carried.draft.members {
            assert!(!member.terms.is_empty());
            assert!(member.terms.iter().all(|t| runs_on(t.until, new_year)));
        }
    }

    #[test]
    fn final_values_of_the_t3_sheets_become_baselines() {
        let system: TargetSystem = serde_json::from_str(include_str!(
            "../../zielsystem-py/tests/fixtures/target-system.json"
        ))
        .unwrap();
        let sheets: Vec<ReportSheet> = [
            include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T2/A01.json"),
            include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T3/A01.json"),
            include_str!("../../zielsystem-py/tests/fixtures/sheets/2022-T3/A02.json"),
        ]
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect();
        let carried = next_year(&system, Some(&sheets)).unwrap();
        let draft = &carried.draft;
        // A01-1: 40 → 35 at year end; A02-1: 10 → 24; A02-2 has no value and stays 5.
        assert_eq!(draft.goals[0].indicators[0].baseline, 35.0);
        assert_eq!(draft.goals[1].indicators[0].baseline, 24.0);
        assert_eq!(draft.goals[1].indicators[1].baseline, 5.0);
        let baselines: Vec<&str> = carried
            .not_carried
            .iter()
            .filter(|n| n.kind == NotCarriedKind::Baseline)
            .map(|n| n.path.as_str())
            .collect();
        assert_eq!(baselines, ["/goals/1/indicators/1/baseline"]);
        // Targets stay; the draft is valid against the old system.
        assert_eq!(
            draft.goals[0].indicators[0].target,
            system.goals[0].indicators[0].target
        );
        assert!(validate_system(draft, Some(&system)).valid);
        // Without sheets every baseline stays and is listed.
        let without = next_year(&system, None).unwrap();
        assert_eq!(
            without
                .not_carried
                .iter()
                .filter(|n| n.kind == NotCarriedKind::Baseline)
                .count(),
            3
        );
    }

    #[test]
    fn no_draft_beyond_the_representable_years() {
        let mut system = fixture();
        system.year = 9999;
        assert_eq!(
            next_year(&system, None),
            Err(CarryOverError::YearOutOfRange { year: 9999 })
        );
        system.year = i32::MAX;
        assert!(next_year(&system, None).is_err());
    }
}
