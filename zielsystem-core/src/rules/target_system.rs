//! Rules TS01–TS10: the target system on its own (and, for TS08, against the previous year's).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::findings::{Finding, ValidationResult, pointer};
use crate::model::target_system::{OriginKind, TargetSystem};
use crate::model::vocabulary::{OrgUnitKind, Perspective};
use crate::rules::catalogue::{Message, is_numbered_with_term};
use crate::rules::document::{Checked, DocumentSchema, decode};
use crate::rules::limits::is_blank;

/// The plausible calendar years of a target system (TS01).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The published JSON Schema of a target system, built once.
pub fn schema() -> &'static DocumentSchema {
    static SCHEMA: OnceLock<DocumentSchema> = OnceLock::new();
    SCHEMA.get_or_init(|| DocumentSchema::published::<TargetSystem>("target-system.schema.json"))
}

/// Checks a target system from raw JSON bytes: schema-level findings when it does not decode,
/// otherwise every rule TS01–TS10 (TS08 against `previous`, the previous year's system, if given).
pub fn check_system_json(bytes: &[u8], previous: Option<&TargetSystem>) -> Checked<TargetSystem> {
    let checked = decode::<TargetSystem>(bytes, schema());
    let findings = checked
        .document
        .as_ref()
        .map(|system| validate_system(system, previous).findings)
        .unwrap_or_default();
    checked.with_findings(findings)
}

/// Every finding of rules TS01–TS10 on `system`, in rule order. `previous` is the previous year's
/// target system: where given, a continued goal's predecessor must exist there (TS08).
pub fn validate_system(system: &TargetSystem, previous: Option<&TargetSystem>) -> ValidationResult {
    let mut findings = Vec::new();
    ts01_year_and_version(system, &mut findings);
    ts02_unique_ids(system, &mut findings);
    ts03_declared_counts(system, &mut findings);
    ts04_texts(system, &mut findings);
    ts05_references_and_terms(system, &mut findings);
    ts06_collaboration(system, &mut findings);
    ts07_steering_service(system, &mut findings);
    ts08_origin(system, previous, &mut findings);
    ts09_reporting_and_resolution(system, &mut findings);
    ts10_vacancies(system, &mut findings);
    ValidationResult::from_findings(findings)
}

fn ts01_year_and_version(system: &TargetSystem, findings: &mut Vec<Finding>) {
    if !PLAUSIBLE_YEARS.contains(&system.year) {
        findings.push(Finding::new(
            Message::YearImplausible,
            "/year",
            [
                ("year", system.year.to_string()),
                ("min", PLAUSIBLE_YEARS.start().to_string()),
                ("max", PLAUSIBLE_YEARS.end().to_string()),
            ],
        ));
    }
    if system.schema_version != crate::SCHEMA_VERSION {
        findings.push(Finding::new(
            Message::SchemaVersionUnsupported,
            "/schema_version",
            [
                ("version", super::schema_walk::short(&system.schema_version)),
                ("supported", crate::SCHEMA_VERSION.to_string()),
            ],
        ));
    }
}

/// Reports every repeated id of one list (the repetition, not the first occurrence).
fn duplicates<'a>(
    ids: impl IntoIterator<Item = (String, &'a str)>,
    kind: &str,
    kind_en: &str,
    findings: &mut Vec<Finding>,
) {
    let mut seen = HashSet::new();
    for (path, id) in ids {
        if !seen.insert(id) {
            findings.push(Finding::new(
                Message::DuplicateId,
                path,
                [
                    ("id", super::schema_walk::short(id)),
                    ("kind", kind.to_string()),
                    ("kind_en", kind_en.to_string()),
                ],
            ));
        }
    }
}

fn ts02_unique_ids(system: &TargetSystem, findings: &mut Vec<Finding>) {
    duplicates(
        system
            .portfolios
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("/portfolios/{i}/id"), p.id.as_str())),
        "Geschäftsbereich",
        "portfolio",
        findings,
    );
    duplicates(
        system
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("/members/{i}/id"), m.id.as_str())),
        "Bezirksamtsmitglied",
        "member",
        findings,
    );
    duplicates(
        system
            .org_units
            .iter()
            .enumerate()
            .map(|(i, u)| (format!("/org_units/{i}/id"), u.id.as_str())),
        "Organisationseinheit",
        "org unit",
        findings,
    );
    duplicates(
        system
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (format!("/goals/{i}/id"), g.id.as_str())),
        "Ziel",
        "goal",
        findings,
    );
    duplicates(
        system.goals.iter().enumerate().flat_map(|(i, goal)| {
            goal.indicators
                .iter()
                .enumerate()
                .map(move |(j, indicator)| {
                    (
                        format!("/goals/{i}/indicators/{j}/id"),
                        indicator.id.as_str(),
                    )
                })
        }),
        "Kennzahl",
        "indicator",
        findings,
    );
}

fn ts03_declared_counts(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let Some(declared) = system.declared_goal_counts else {
        return;
    };
    for perspective in Perspective::ALL {
        let listed = system.goals_of(perspective).count();
        let count = declared.of(perspective);
        if usize::try_from(count).ok() != Some(listed) {
            findings.push(Finding::new(
                Message::GoalCountMismatch,
                format!("/declared_goal_counts/{}", perspective.as_str()),
                [
                    ("declared", count.to_string()),
                    ("listed", listed.to_string()),
                    ("perspective", perspective.label_de().to_string()),
                    ("perspective_en", perspective_en(perspective).to_string()),
                ],
            ));
        }
    }
}

fn perspective_en(perspective: Perspective) -> &'static str {
    match perspective {
        Perspective::MandateTargetGroups => "mandate and target-group perspective",
        Perspective::AdministrationInternal => "administration perspective",
    }
}

fn ts04_texts(system: &TargetSystem, findings: &mut Vec<Finding>) {
    if is_blank(&system.mission_statement) {
        findings.push(Finding::new(
            Message::MissionStatementBlank,
            "/mission_statement",
            std::iter::empty::<(&str, &str)>(),
        ));
    }
    for (i, goal) in system.goals.iter().enumerate() {
        if is_blank(&goal.title) {
            findings.push(Finding::new(
                Message::GoalTitleBlank,
                format!("/goals/{i}/title"),
                [("goal", super::schema_walk::short(&goal.id))],
            ));
        }
    }
}

fn ts05_references_and_terms(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let unknown_portfolio = |portfolio: &str, path: String| {
        Finding::new(
            Message::UnknownPortfolio,
            path,
            [("portfolio", super::schema_walk::short(portfolio))],
        )
    };
    for (i, member) in system.members.iter().enumerate() {
        for (j, term) in member.terms.iter().enumerate() {
            if system.portfolio(&term.portfolio).is_none() {
                findings.push(unknown_portfolio(
                    &term.portfolio,
                    format!("/members/{i}/terms/{j}/portfolio"),
                ));
            }
            if let Some(until) = term.until.filter(|until| *until < term.from) {
                findings.push(Finding::new(
                    Message::TermEndsBeforeStart,
                    format!("/members/{i}/terms/{j}/until"),
                    [
                        ("from", term.from.to_string()),
                        ("until", until.to_string()),
                    ],
                ));
            }
        }
    }
    for (i, unit) in system.org_units.iter().enumerate() {
        if system.portfolio(&unit.portfolio).is_none() {
            findings.push(unknown_portfolio(
                &unit.portfolio,
                format!("/org_units/{i}/portfolio"),
            ));
        }
    }
    for (i, goal) in system.goals.iter().enumerate() {
        if system.portfolio(&goal.portfolio).is_none() {
            findings.push(unknown_portfolio(
                &goal.portfolio,
                format!("/goals/{i}/portfolio"),
            ));
        }
        for (j, unit) in goal.org_units.iter().enumerate() {
            if system.org_unit(unit).is_none() {
                findings.push(Finding::new(
                    Message::UnknownOrgUnit,
                    format!("/goals/{i}/org_units/{j}"),
                    [("org_unit", super::schema_walk::short(unit))],
                ));
            }
        }
    }
    // One holder per portfolio per day: a term overlapping an earlier-listed term of another member
    // on the same portfolio is reported at the later term. Terms ending before they start cover no
    // day and are reported above.
    let terms: Vec<_> = system
        .members
        .iter()
        .enumerate()
        .flat_map(|(i, member)| {
            member
                .terms
                .iter()
                .enumerate()
                .map(move |(j, term)| (i, j, member, term))
        })
        .filter(|(_, _, _, term)| term.until.is_none_or(|until| term.from <= until))
        .collect();
    for (index, &(i, j, member, term)) in terms.iter().enumerate() {
        let earlier = terms.get(..index).unwrap_or_default();
        let clash = earlier.iter().find(|(_, _, other_member, other)| {
            other_member.id != member.id
                && other.portfolio == term.portfolio
                && other.overlaps(term)
        });
        if let Some((_, _, other_member, other)) = clash {
            findings.push(Finding::new(
                Message::TermsOverlap,
                format!("/members/{i}/terms/{j}"),
                [
                    ("portfolio", super::schema_walk::short(&term.portfolio)),
                    ("member", super::schema_walk::short(&member.id)),
                    ("other", super::schema_walk::short(&other_member.id)),
                    ("from", term.from.max(other.from).to_string()),
                ],
            ));
        }
    }
}

fn ts06_collaboration(system: &TargetSystem, findings: &mut Vec<Finding>) {
    for (i, goal) in system.goals.iter().enumerate() {
        let distinct: HashSet<&str> = goal.org_units.iter().map(String::as_str).collect();
        if distinct.len() < 2 {
            findings.push(Finding::new(
                Message::GoalFewOrgUnits,
                format!("/goals/{i}/org_units"),
                [
                    ("goal", super::schema_walk::short(&goal.id)),
                    ("count", distinct.len().to_string()),
                ],
            ));
        }
    }
}

fn ts07_steering_service(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let steering: Vec<usize> = system
        .org_units
        .iter()
        .enumerate()
        .filter(|(_, unit)| unit.kind == OrgUnitKind::SteeringService)
        .map(|(i, _)| i)
        .collect();
    let count = steering.len().to_string();
    if steering.is_empty() {
        findings.push(Finding::new(
            Message::SteeringServiceCount,
            "/org_units",
            [("count", count)],
        ));
    } else {
        for i in steering.iter().skip(1) {
            findings.push(Finding::new(
                Message::SteeringServiceCount,
                format!("/org_units/{i}/kind"),
                [("count", count.clone())],
            ));
        }
    }
}

fn ts08_origin(
    system: &TargetSystem,
    previous: Option<&TargetSystem>,
    findings: &mut Vec<Finding>,
) {
    let expected_year = system.year.saturating_sub(1);
    for (i, goal) in system.goals.iter().enumerate() {
        let goal_id = super::schema_walk::short(&goal.id);
        let predecessor = goal.origin.predecessor.as_deref();
        match (goal.origin.kind, predecessor) {
            (OriginKind::New, None) => {}
            (OriginKind::New, Some(predecessor)) => findings.push(Finding::new(
                Message::PredecessorUnexpected,
                format!("/goals/{i}/origin/predecessor"),
                [
                    ("goal", goal_id),
                    ("predecessor", super::schema_walk::short(predecessor)),
                ],
            )),
            (OriginKind::Continued, None) => findings.push(Finding::new(
                Message::PredecessorMissing,
                format!("/goals/{i}/origin"),
                [("goal", goal_id)],
            )),
            (OriginKind::Continued, Some(predecessor)) => {
                let path = format!("/goals/{i}/origin/predecessor");
                let shown = super::schema_walk::short(predecessor);
                let Some((year, id)) = parse_predecessor(predecessor) else {
                    findings.push(Finding::new(
                        if is_blank(predecessor) {
                            Message::PredecessorMissing
                        } else {
                            Message::PredecessorMalformed
                        },
                        if is_blank(predecessor) {
                            format!("/goals/{i}/origin")
                        } else {
                            path
                        },
                        [("goal", goal_id), ("predecessor", shown)],
                    ));
                    continue;
                };
                if year != expected_year {
                    findings.push(Finding::new(
                        Message::PredecessorWrongYear,
                        path,
                        [
                            ("predecessor", shown),
                            ("expected_year", expected_year.to_string()),
                        ],
                    ));
                } else if let Some(previous) = previous {
                    if previous.goal(id).is_none() {
                        findings.push(Finding::new(
                            Message::PredecessorUnknown,
                            path,
                            [
                                ("predecessor", shown),
                                ("expected_year", previous.year.to_string()),
                            ],
                        ));
                    }
                }
            }
        }
    }
}

/// `"2021/A03"` → `(2021, "A03")`: four digits, a slash, a non-blank id.
fn parse_predecessor(text: &str) -> Option<(i32, &str)> {
    let (year, id) = text.split_once('/')?;
    if year.len() != 4
        || !year.bytes().all(|b| b.is_ascii_digit())
        || is_blank(id)
        || id.trim() != id
    {
        return None;
    }
    Some((year.parse().ok()?, id))
}

fn ts09_reporting_and_resolution(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let first = system.reporting.first_tertial;
    if first.year() != system.year {
        findings.push(Finding::new(
            Message::FirstTertialOutsideYear,
            "/reporting/first_tertial",
            [
                ("tertial", first.to_string()),
                ("year", system.year.to_string()),
            ],
        ));
    }
    if !is_numbered_with_term(&system.resolution.number) {
        findings.push(Finding::new(
            Message::ResolutionNumberMalformed,
            "/resolution/number",
            [(
                "number",
                super::schema_walk::short(&system.resolution.number),
            )],
        ));
    }
    if system.resolution.decided_on >= first.cut_off() {
        findings.push(Finding::new(
            Message::ResolutionAfterFirstCutOff,
            "/resolution/decided_on",
            [
                ("decided_on", system.resolution.decided_on.to_string()),
                ("cut_off", first.cut_off().to_string()),
            ],
        ));
    }
}

fn ts10_vacancies(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let tertials = system.reporting_tertials();
    for (k, portfolio) in system.portfolios.iter().enumerate() {
        if !system
            .goals
            .iter()
            .any(|goal| goal.portfolio == portfolio.id)
        {
            continue;
        }
        // A repeated portfolio id (TS02) is checked once.
        if system.portfolios.iter().position(|p| p.id == portfolio.id) != Some(k) {
            continue;
        }
        for tertial in &tertials {
            let occasions = [
                (tertial.cut_off(), "Berichtsstichtag", "cut-off"),
                (tertial.deadline(), "Berichtsfrist", "deadline"),
            ];
            for (day, occasion, occasion_en) in occasions {
                if system.holder_on(&portfolio.id, day).is_none() {
                    findings.push(Finding::new(
                        Message::PortfolioVacant,
                        pointer("/portfolios", k),
                        [
                            ("portfolio", super::schema_walk::short(&portfolio.id)),
                            ("date", day.to_string()),
                            ("occasion", format!("{occasion} des {}", tertial.label_de())),
                            ("occasion_en", format!("{occasion_en} of {tertial}")),
                        ],
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;

    fn fixture() -> TargetSystem {
        serde_json::from_str(include_str!(
            "../../../tests/fixtures/rules-system-2022.json"
        ))
        .unwrap()
    }

    fn codes(system: &TargetSystem) -> Vec<Code> {
        validate_system(system, None).codes()
    }

    #[test]
    fn the_fixture_is_clean() {
        let result = validate_system(&fixture(), None);
        assert!(result.findings.is_empty(), "{:#?}", result.findings);
    }

    #[test]
    fn predecessors_parse_strictly() {
        assert_eq!(parse_predecessor("2021/A03"), Some((2021, "A03")));
        for bad in ["2021-A03", "21/A03", "2021/", "2021/ A03", "/A03", "2021/ "] {
            assert_eq!(parse_predecessor(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_term_overlapping_another_members_term_is_reported_once_at_the_later_term() {
        let mut system = fixture();
        // m-schul (index 1) becomes mayor on 2022-10-13; let the old mayor stay until 2022-10-20.
        system.members[0].terms[0].until = Some("2022-10-20".parse().unwrap());
        let result = validate_system(&system, None);
        let overlaps: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.code == Code::TS05)
            .collect();
        assert_eq!(overlaps.len(), 1, "{overlaps:#?}");
        assert_eq!(overlaps[0].path, "/members/1/terms/1");
        assert_eq!(overlaps[0].params["from"], "2022-10-13");
        assert_eq!(overlaps[0].params["other"], "m-bzbm");
    }

    #[test]
    fn a_member_may_hold_two_terms_on_one_portfolio() {
        let mut system = fixture();
        let mut again = system.members[3].terms[0].clone();
        again.from = "2022-06-01".parse().unwrap();
        system.members[3].terms.push(again);
        assert!(!codes(&system).contains(&Code::TS05));
    }

    #[test]
    fn vacancies_are_reported_per_cut_off_and_deadline() {
        let mut system = fixture();
        // Nobody holds V after 2022-06-30: T2 and T3 cut-offs and deadlines are vacant.
        system.members[3].terms[0].until = Some("2022-06-30".parse().unwrap());
        let result = validate_system(&system, None);
        let dates: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.code == Code::TS10)
            .map(|f| (f.path.as_str(), f.params["date"].as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("/portfolios/2", "2022-08-31"),
                ("/portfolios/2", "2022-09-30"),
                ("/portfolios/2", "2022-12-31"),
                ("/portfolios/2", "2023-01-31"),
            ]
        );
        assert!(result.valid, "TS10 is a warning");
    }

    #[test]
    fn steering_service_count() {
        let mut system = fixture();
        system.org_units[1].kind = OrgUnitKind::SteeringService;
        let result = validate_system(&system, None);
        assert_eq!(result.findings[0].code, Code::TS07);
        assert_eq!(result.findings[0].path, "/org_units/1/kind");
        for unit in &mut system.org_units {
            unit.kind = OrgUnitKind::Office;
        }
        let result = validate_system(&system, None);
        assert_eq!(result.findings[0].path, "/org_units");
        assert_eq!(result.findings[0].params["count"], "0");
    }
}
