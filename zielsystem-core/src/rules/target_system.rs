//! Rules TS01–TS13: the target system on its own (and, for TS08 and TS13, against an earlier
//! year's).

use crate::findings::{Finding, ValidationResult, pointer};
use chrono::NaiveDate;
use foldhash::{HashMap, HashSet};

use crate::decode::limits::is_blank;
use crate::decode::{Checked, DocumentSchema};
use crate::document::{Decode, Document};
use crate::model::target_system::{
    Member, Origin, OriginKind, TargetSystem, Term, parse_predecessor,
};
use crate::model::vocabulary::{OrgUnitKind, Perspective};
use crate::rules::catalogue::{Message, Twin};
use crate::text::short;

/// The plausible calendar years of a target system (TS01).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The published JSON Schema of a target system, built once.
pub fn schema() -> &'static DocumentSchema {
    TargetSystem::schema()
}

impl Document for TargetSystem {
    /// The previous year's target system, if known (TS08).
    type Context<'a> = Option<&'a TargetSystem>;

    fn validate(&self, previous: Self::Context<'_>) -> ValidationResult {
        validate_system(self, previous)
    }
}

/// Checks a target system from raw JSON bytes: schema-level findings when it does not decode,
/// otherwise every rule TS01–TS13 (TS08 and TS13 against `previous`, an earlier year's system, if given).
pub fn check_system_json(bytes: &[u8], previous: Option<&TargetSystem>) -> Checked<TargetSystem> {
    TargetSystem::check(bytes, previous)
}

/// Every finding of rules TS01–TS13 on `system`, in rule order. `previous` is an earlier year's
/// target system of the same authority (usually the previous year's; TS13 reports one that is not):
/// a predecessor of that year must name a goal that exists there (TS08). Consistency across more
/// than one year is the lineage's ([`mod@crate::analytics::lineage`]), not a document rule.
pub fn validate_system(system: &TargetSystem, previous: Option<&TargetSystem>) -> ValidationResult {
    let mut findings = Vec::new();
    ts01_year_and_version(system, &mut findings);
    ts02_unique_ids(system, &mut findings);
    ts03_declared_counts(system, &mut findings);
    ts04_texts(system, &mut findings);
    let index = Index::new(system);
    ts05_references_and_terms(system, &index, &mut findings);
    ts06_collaboration(system, &mut findings);
    ts07_steering_service(system, &mut findings);
    ts08_origin(system, previous, &mut findings);
    ts09_reporting_and_resolution(system, &mut findings);
    ts10_vacancies(system, &index, &mut findings);
    ts11_across_portfolios(system, &index, &mut findings);
    ts12_lineage(system, &mut findings);
    ts13_previous_system(system, previous, &mut findings);
    ValidationResult::from_findings(findings)
}

fn ts01_year_and_version(system: &TargetSystem, findings: &mut Vec<Finding>) {
    if !PLAUSIBLE_YEARS.contains(&system.year) {
        findings.push(Finding::new(
            Message::YearImplausible {
                year: system.year,
                min: *PLAUSIBLE_YEARS.start(),
                max: *PLAUSIBLE_YEARS.end(),
            },
            "/year",
        ));
    }
    if system.schema_version != crate::SCHEMA_VERSION {
        findings.push(Finding::new(
            Message::SchemaVersionUnsupported {
                version: short(&system.schema_version),
                supported: crate::SCHEMA_VERSION,
            },
            "/schema_version",
        ));
    }
}

/// Reports every repeated id of one list (the repetition, not the first occurrence); `path` gives
/// an entry's JSON Pointer, built only for a repetition.
fn duplicates<'a, P: FnOnce() -> String>(
    ids: impl IntoIterator<Item = (P, &'a str)>,
    kind: &str,
    kind_en: &str,
    findings: &mut Vec<Finding>,
) {
    let mut seen = HashSet::default();
    for (path, id) in ids {
        if !seen.insert(id) {
            findings.push(Finding::new(
                Message::DuplicateId {
                    id: short(id),
                    kind: Twin::new(kind, kind_en),
                },
                path(),
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
            .map(|(i, p)| (move || format!("/portfolios/{i}/id"), p.id.as_str())),
        "Geschäftsbereich",
        "portfolio",
        findings,
    );
    duplicates(
        system
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (move || format!("/members/{i}/id"), m.id.as_str())),
        "Bezirksamtsmitglied",
        "member",
        findings,
    );
    duplicates(
        system
            .org_units
            .iter()
            .enumerate()
            .map(|(i, u)| (move || format!("/org_units/{i}/id"), u.id.as_str())),
        "Organisationseinheit",
        "org unit",
        findings,
    );
    duplicates(
        system
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (move || format!("/goals/{i}/id"), g.id.as_str())),
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
                        move || format!("/goals/{i}/indicators/{j}/id"),
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
                Message::GoalCountMismatch {
                    declared: count,
                    listed,
                    perspective,
                },
                format!("/declared_goal_counts/{}", perspective.as_str()),
            ));
        }
    }
}

fn ts04_texts(system: &TargetSystem, findings: &mut Vec<Finding>) {
    if is_blank(&system.mission_statement) {
        findings.push(Finding::new(
            Message::MissionStatementBlank {},
            "/mission_statement",
        ));
    }
    for (i, goal) in system.goals.iter().enumerate() {
        if is_blank(&goal.title) {
            findings.push(Finding::new(
                Message::GoalTitleBlank {
                    goal: short(&goal.id),
                },
                format!("/goals/{i}/title"),
            ));
        }
    }
}

/// Lookups built once per validation, so that no check is quadratic in the size of the system.
struct Index<'a> {
    portfolios: HashSet<&'a str>,
    /// Each org unit's portfolio, by id (the first unit of a repeated id, TS02).
    org_units: HashMap<&'a str, &'a str>,
    /// Every term by portfolio, in list order, with the member and the pointer to the term.
    terms: HashMap<&'a str, Vec<TermAt<'a>>>,
}

/// A term with its member and its place in the document.
#[derive(Clone, Copy)]
struct TermAt<'a> {
    member_index: usize,
    term_index: usize,
    member: &'a Member,
    term: &'a Term,
}

impl<'a> Index<'a> {
    fn new(system: &'a TargetSystem) -> Self {
        let mut terms: HashMap<&str, Vec<TermAt<'a>>> = HashMap::default();
        for (member_index, member) in system.members.iter().enumerate() {
            for (term_index, term) in member.terms.iter().enumerate() {
                terms
                    .entry(term.portfolio.as_str())
                    .or_default()
                    .push(TermAt {
                        member_index,
                        term_index,
                        member,
                        term,
                    });
            }
        }
        Index {
            portfolios: system.portfolios.iter().map(|p| p.id.as_str()).collect(),
            org_units: system
                .org_units
                .iter()
                .rev()
                .map(|u| (u.id.as_str(), u.portfolio.as_str()))
                .collect(),
            terms,
        }
    }

    /// Whether someone holds `portfolio` on `day`.
    fn held_on(&self, portfolio: &str, day: NaiveDate) -> bool {
        self.terms
            .get(portfolio)
            .is_some_and(|terms| terms.iter().any(|at| at.term.covers(day)))
    }
}

fn ts05_references_and_terms(
    system: &TargetSystem,
    index: &Index<'_>,
    findings: &mut Vec<Finding>,
) {
    let unknown_portfolio = |portfolio: &str, path: String| {
        Finding::new(
            Message::UnknownPortfolio {
                portfolio: short(portfolio),
            },
            path,
        )
    };
    for (i, member) in system.members.iter().enumerate() {
        for (j, term) in member.terms.iter().enumerate() {
            if !index.portfolios.contains(term.portfolio.as_str()) {
                findings.push(unknown_portfolio(
                    &term.portfolio,
                    format!("/members/{i}/terms/{j}/portfolio"),
                ));
            }
            if let Some(until) = term.until.filter(|until| *until < term.from) {
                findings.push(Finding::new(
                    Message::TermEndsBeforeStart {
                        from: term.from,
                        until,
                    },
                    format!("/members/{i}/terms/{j}/until"),
                ));
            }
        }
    }
    for (i, unit) in system.org_units.iter().enumerate() {
        if !index.portfolios.contains(unit.portfolio.as_str()) {
            findings.push(unknown_portfolio(
                &unit.portfolio,
                format!("/org_units/{i}/portfolio"),
            ));
        }
    }
    for (i, goal) in system.goals.iter().enumerate() {
        if !index.portfolios.contains(goal.portfolio.as_str()) {
            findings.push(unknown_portfolio(
                &goal.portfolio,
                format!("/goals/{i}/portfolio"),
            ));
        }
        for (j, unit) in goal.org_units.iter().enumerate() {
            if !index.org_units.contains_key(unit.as_str()) {
                findings.push(Finding::new(
                    Message::UnknownOrgUnit {
                        org_unit: short(unit),
                    },
                    format!("/goals/{i}/org_units/{j}"),
                ));
            }
        }
    }
    ts05_one_holder_per_day(index, findings);
}

/// One holder per portfolio per day. Per portfolio, the terms are swept in order of their start
/// (ties in list order); a term that starts while a term of another member still runs is reported
/// at the later-starting term, naming the other member. Terms ending before they start cover no day
/// (reported above). The sweep keeps the two latest-ending terms of distinct members, so it is
/// O(n log n) however many terms there are.
fn ts05_one_holder_per_day(index: &Index<'_>, findings: &mut Vec<Finding>) {
    let end = |term: &Term| term.until.unwrap_or(NaiveDate::MAX);
    let mut overlaps: Vec<(TermAt<'_>, &Member)> = Vec::new();
    // Findings are sorted by document position at the end, so the map's order does not matter.
    for terms in index.terms.values() {
        let mut sorted: Vec<TermAt<'_>> = terms
            .iter()
            .copied()
            .filter(|at| at.term.until.is_none_or(|until| at.term.from <= until))
            .collect();
        sorted.sort_by_key(|at| at.term.from);
        // The latest-ending earlier terms of two distinct members: (end, member).
        let mut latest: [Option<(NaiveDate, &Member)>; 2] = [None, None];
        for at in sorted {
            let clash = latest
                .iter()
                .flatten()
                .filter(|(_, member)| member.id != at.member.id)
                .max_by_key(|(until, _)| *until)
                .filter(|(until, _)| *until >= at.term.from);
            if let Some((_, other)) = clash {
                overlaps.push((at, other));
            }
            let candidate = (end(at.term), at.member);
            match latest
                .iter_mut()
                .flatten()
                .find(|(_, m)| m.id == at.member.id)
            {
                Some(same) => same.0 = same.0.max(candidate.0),
                None => insert_latest(&mut latest, candidate),
            }
        }
    }
    overlaps.sort_by_key(|(at, _)| (at.member_index, at.term_index));
    for (at, other) in overlaps {
        findings.push(Finding::new(
            Message::TermsOverlap {
                portfolio: short(&at.term.portfolio),
                member: short(&at.member.id),
                other: short(&other.id),
                from: at.term.from,
            },
            format!("/members/{}/terms/{}", at.member_index, at.term_index),
        ));
    }
}

/// Puts `candidate` into the two latest-ending slots if it ends later than one of them.
fn insert_latest<'a>(
    latest: &mut [Option<(NaiveDate, &'a Member)>; 2],
    candidate: (NaiveDate, &'a Member),
) {
    let [first, second] = latest;
    if first.is_none() {
        *first = Some(candidate);
    } else if second.is_none() {
        *second = Some(candidate);
    } else if let (Some(a), Some(b)) = (first, second) {
        let weakest = if b.0 < a.0 { b } else { a };
        if candidate.0 > weakest.0 {
            *weakest = candidate;
        }
    }
}

fn ts06_collaboration(system: &TargetSystem, findings: &mut Vec<Finding>) {
    for (i, goal) in system.goals.iter().enumerate() {
        let distinct: HashSet<&str> = goal.org_units.iter().map(String::as_str).collect();
        if distinct.len() < 2 {
            findings.push(Finding::new(
                Message::GoalFewOrgUnits {
                    goal: short(&goal.id),
                    count: distinct.len(),
                },
                format!("/goals/{i}/org_units"),
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
    let count = steering.len();
    if steering.is_empty() {
        findings.push(Finding::new(
            Message::SteeringServiceCount { count },
            "/org_units",
        ));
    } else {
        for i in steering.iter().skip(1) {
            findings.push(Finding::new(
                Message::SteeringServiceCount { count },
                format!("/org_units/{i}/kind"),
            ));
        }
    }
}

fn ts08_origin(
    system: &TargetSystem,
    previous: Option<&TargetSystem>,
    findings: &mut Vec<Finding>,
) {
    // A previous system of the wrong year or authority says nothing about predecessors (TS13).
    let previous_ids: Option<(i32, HashSet<&str>)> = previous
        .filter(|previous| previous_fits(system, previous))
        .map(|previous| {
            (
                previous.year,
                previous.goals.iter().map(|g| g.id.as_str()).collect(),
            )
        });
    for (i, goal) in system.goals.iter().enumerate() {
        let goal_id = || short(&goal.id);
        let origin = &goal.origin;
        let kind = origin.kind;
        match (kind, origin.named_predecessors().next()) {
            (OriginKind::New, None) => continue,
            (OriginKind::New, Some(predecessor)) => {
                findings.push(Finding::new(
                    Message::PredecessorUnexpected {
                        goal: goal_id(),
                        predecessor: short(predecessor),
                    },
                    if origin.predecessor.is_some() {
                        format!("/goals/{i}/origin/predecessor")
                    } else {
                        format!("/goals/{i}/origin/predecessors")
                    },
                ));
                continue;
            }
            (OriginKind::Continued, None) => {
                findings.push(Finding::new(
                    Message::PredecessorMissing {
                        goal: goal_id(),
                        predecessor: None,
                    },
                    format!("/goals/{i}/origin"),
                ));
                continue;
            }
            (_, None) => {
                findings.push(Finding::new(
                    Message::PredecessorMissingOfKind {
                        goal: goal_id(),
                        kind,
                    },
                    format!("/goals/{i}/origin"),
                ));
                continue;
            }
            _ => {}
        }
        for (naming, predecessor) in named_with_paths(i, origin) {
            let shown = || short(predecessor);
            let Some((year, id)) = parse_predecessor(predecessor) else {
                let goal = goal_id();
                findings.push(if !is_blank(predecessor) {
                    Finding::new(
                        Message::PredecessorMalformed {
                            goal,
                            predecessor: shown(),
                        },
                        naming.path(),
                    )
                } else if kind == OriginKind::Continued {
                    Finding::new(
                        Message::PredecessorMissing {
                            goal,
                            predecessor: Some(shown()),
                        },
                        format!("/goals/{i}/origin"),
                    )
                } else {
                    Finding::new(
                        Message::PredecessorMissingOfKind { goal, kind },
                        format!("/goals/{i}/origin"),
                    )
                });
                continue;
            };
            // Any earlier year: usually the previous one, but a goal may skip a year.
            if year >= system.year {
                findings.push(Finding::new(
                    Message::PredecessorWrongYear {
                        predecessor: shown(),
                        year: system.year,
                    },
                    naming.path(),
                ));
            } else if let Some((previous_year, known)) = &previous_ids {
                // The system given is checked only for predecessors of its own year.
                if *previous_year == year && !known.contains(id) {
                    findings.push(Finding::new(
                        Message::PredecessorUnknown {
                            predecessor: shown(),
                            expected_year: *previous_year,
                        },
                        naming.path(),
                    ));
                }
            }
        }
    }
}

/// Where goal `goal` names a predecessor: `predecessor`, or entry `entry` of `predecessors`.
#[derive(Clone, Copy)]
struct Naming {
    goal: usize,
    entry: Option<usize>,
}

impl Naming {
    /// The JSON Pointer of the naming, built only for a finding.
    fn path(self) -> String {
        let i = self.goal;
        match self.entry {
            None => format!("/goals/{i}/origin/predecessor"),
            Some(j) => format!("/goals/{i}/origin/predecessors/{j}"),
        }
    }
}

/// Every predecessor named by the origin of goal `i`, with where it is named.
fn named_with_paths(i: usize, origin: &Origin) -> impl Iterator<Item = (Naming, &str)> {
    let single = origin.predecessor.iter().map(move |p| {
        let naming = Naming {
            goal: i,
            entry: None,
        };
        (naming, p.as_str())
    });
    let merged = origin.predecessors.iter().enumerate().map(move |(j, p)| {
        let naming = Naming {
            goal: i,
            entry: Some(j),
        };
        (naming, p.as_str())
    });
    single.chain(merged)
}

/// Whether `previous` can hold predecessors of `system`'s goals: same authority, earlier year.
fn previous_fits(system: &TargetSystem, previous: &TargetSystem) -> bool {
    previous.year < system.year && previous.authority == system.authority
}

/// TS12: the origins fit together. Where to name predecessors (`predecessors` for a merge, else
/// `predecessor`), a merge names at least two, a split has at least two goals, and apart from a
/// split no predecessor is named twice. Reported at the later naming, so one conflict is one
/// finding.
fn ts12_lineage(system: &TargetSystem, findings: &mut Vec<Finding>) {
    // Predecessor → (goal index, kind) of its first naming.
    let mut first_named: HashMap<&str, (usize, OriginKind)> = HashMap::default();
    // Predecessor → goal indices naming it as split.
    let mut splits: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, goal) in system.goals.iter().enumerate() {
        let origin = &goal.origin;
        let kind = origin.kind;
        let goal_id = || short(&goal.id);
        match kind {
            OriginKind::Merged => {
                if let Some(predecessor) = &origin.predecessor {
                    findings.push(Finding::new(
                        Message::MergedPredecessorField {
                            goal: goal_id(),
                            predecessor: short(predecessor),
                        },
                        format!("/goals/{i}/origin/predecessor"),
                    ));
                }
                let count = origin.predecessors.len();
                if count < 2 {
                    findings.push(Finding::new(
                        Message::MergedFewPredecessors {
                            goal: goal_id(),
                            count,
                        },
                        format!("/goals/{i}/origin"),
                    ));
                }
            }
            OriginKind::New => {} // TS08
            OriginKind::Continued | OriginKind::Reformulated | OriginKind::Split => {
                if !origin.predecessors.is_empty() {
                    findings.push(Finding::new(
                        Message::PredecessorsUnexpected {
                            goal: goal_id(),
                            kind,
                        },
                        format!("/goals/{i}/origin/predecessors"),
                    ));
                }
            }
        }
        if kind == OriginKind::New {
            continue;
        }
        let named = named_with_paths(i, origin).filter(|(_, p)| !is_blank(p));
        for (naming, predecessor) in named {
            if kind == OriginKind::Split {
                splits.entry(predecessor).or_default().push(i);
            }
            match first_named.get(predecessor) {
                None => {
                    first_named.insert(predecessor, (i, kind));
                }
                Some(&(_, OriginKind::Split)) if kind == OriginKind::Split => {}
                Some(&(other, other_kind)) => {
                    let other_id = system.goals.get(other).map_or("", |g| g.id.as_str());
                    findings.push(Finding::new(
                        Message::PredecessorTakenTwice {
                            predecessor: short(predecessor),
                            other: short(other_id),
                            other_kind,
                        },
                        naming.path(),
                    ));
                }
            }
        }
    }
    let mut alone: Vec<(usize, &str)> = splits
        .into_iter()
        .filter(|(_, goals)| goals.len() == 1)
        .filter_map(|(predecessor, goals)| goals.first().map(|&i| (i, predecessor)))
        .collect();
    alone.sort_unstable();
    for (i, predecessor) in alone {
        let goal_id = system.goals.get(i).map_or("", |g| g.id.as_str());
        findings.push(Finding::new(
            Message::SplitAlone {
                goal: short(goal_id),
                predecessor: short(predecessor),
            },
            format!("/goals/{i}/origin/kind"),
        ));
    }
}

/// TS13: the previous system given is of the same authority and an earlier year. Reported at the
/// document's root (the mismatch is between two documents); where it does not fit, TS08 does not
/// compare predecessors with it.
fn ts13_previous_system(
    system: &TargetSystem,
    previous: Option<&TargetSystem>,
    findings: &mut Vec<Finding>,
) {
    let Some(previous) = previous else {
        return;
    };
    if previous.year >= system.year {
        findings.push(Finding::new(
            Message::PreviousSystemNotEarlier {
                previous_year: previous.year,
                year: system.year,
            },
            "/year",
        ));
    }
    if previous.authority != system.authority {
        findings.push(Finding::new(
            Message::PreviousSystemOtherAuthority {
                previous_authority: short(&previous.authority),
                authority: short(&system.authority),
            },
            "/authority",
        ));
    }
}

fn ts09_reporting_and_resolution(system: &TargetSystem, findings: &mut Vec<Finding>) {
    let first = system.reporting.first_tertial;
    if first.year() != system.year {
        findings.push(Finding::new(
            Message::FirstTertialOutsideYear {
                tertial: first,
                year: system.year,
            },
            "/reporting/first_tertial",
        ));
    }
    findings.extend(crate::rules::numbers::number_finding(
        system.numbering.as_ref(),
        crate::numbering::NumberKind::Resolution,
        &short(&system.resolution.number),
        "/resolution/number",
        |number, _| Message::ResolutionNumberMalformed { number },
        |number, pattern, example, _| Message::ResolutionNumberNotOfPattern {
            number,
            pattern,
            example,
        },
    ));
    if system.resolution.decided_on >= first.cut_off() {
        findings.push(Finding::new(
            Message::ResolutionAfterFirstCutOff {
                decided_on: system.resolution.decided_on,
                cut_off: first.cut_off(),
            },
            "/resolution/decided_on",
        ));
    }
}

fn ts10_vacancies(system: &TargetSystem, index: &Index<'_>, findings: &mut Vec<Finding>) {
    let tertials = system.reporting_tertials();
    let owning: HashSet<&str> = system
        .goals
        .iter()
        .map(|goal| goal.portfolio.as_str())
        .collect();
    // A repeated portfolio id (TS02) is checked once.
    let mut checked = HashSet::default();
    for (k, portfolio) in system.portfolios.iter().enumerate() {
        let id = portfolio.id.as_str();
        if !owning.contains(id) || !checked.insert(id) {
            continue;
        }
        for tertial in &tertials {
            let occasions = [
                (tertial.cut_off(), "Berichtsstichtag", "cut-off"),
                (tertial.deadline(), "Berichtsfrist", "deadline"),
            ];
            for (day, occasion, occasion_en) in occasions {
                if !index.held_on(id, day) {
                    findings.push(Finding::new(
                        Message::PortfolioVacant {
                            portfolio: short(id),
                            date: day,
                            occasion: Twin::new(
                                format!("{occasion} des {}", tertial.label_de()),
                                format!("{occasion_en} of {tertial}"),
                            ),
                        },
                        pointer("/portfolios", k),
                    ));
                }
            }
        }
    }
}

/// All of a goal's units in one portfolio: collaboration across units, but not across departments.
/// Checked only where TS05 and TS06 hold (every unit exists, at least two distinct ones), so that
/// one problem yields one finding.
fn ts11_across_portfolios(system: &TargetSystem, index: &Index<'_>, findings: &mut Vec<Finding>) {
    for (i, goal) in system.goals.iter().enumerate() {
        let Some(first) = goal.org_units.first() else {
            continue;
        };
        if goal.org_units.iter().all(|unit| unit == first) {
            continue; // TS06
        }
        let mut portfolios = goal
            .org_units
            .iter()
            .map(|unit| index.org_units.get(unit.as_str()).copied());
        let Some(Some(portfolio)) = portfolios.next() else {
            continue; // TS05
        };
        if portfolios.all(|other| other == Some(portfolio)) {
            findings.push(Finding::new(
                Message::GoalOnePortfolio {
                    goal: short(&goal.id),
                    portfolio: short(portfolio),
                },
                format!("/goals/{i}/org_units"),
            ));
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
    fn the_fixture_has_no_error_and_warns_only_on_goals_within_one_portfolio() {
        let result = validate_system(&fixture(), None);
        let found: Vec<_> = result
            .findings
            .iter()
            .map(|f| (f.code, f.path.as_str(), f.params["portfolio"].as_str()))
            .collect();
        // V01 (Serviceeinheit Finanzen, Steuerungsdienst) and V02 (two offices of V).
        assert_eq!(
            found,
            [
                (Code::TS11, "/goals/2/org_units", "I"),
                (Code::TS11, "/goals/3/org_units", "V"),
            ]
        );
        assert!(result.valid);
    }

    #[test]
    fn ts11_leaves_goals_with_one_or_unknown_units_to_ts05_and_ts06() {
        let mut system = fixture();
        system.goals[2].org_units = vec!["std".into(), "std".into()]; // TS06
        system.goals[3].org_units = vec!["amt-soz".into(), "amt-fehlt".into()]; // TS05
        let result = validate_system(&system, None);
        assert!(!result.has(Code::TS11), "{:#?}", result.findings);
        assert!(result.has(Code::TS05) && result.has(Code::TS06));
    }

    #[test]
    fn a_predecessor_of_any_earlier_year_is_checked_only_against_a_system_of_its_year() {
        let previous: TargetSystem = serde_json::from_str(include_str!(
            "../../../tests/fixtures/rules-system-2021.json"
        ))
        .unwrap();
        let mut system = fixture();
        // A gap year: 2020 is earlier, and the 2021 system given says nothing about it.
        system.goals[0].origin.predecessor = Some("2020/A99".into());
        assert!(!validate_system(&system, Some(&previous)).has(Code::TS08));
        // Of the 2021 system's year, an unknown id is reported.
        system.goals[0].origin.predecessor = Some("2021/A99".into());
        let result = validate_system(&system, Some(&previous));
        assert_eq!(result.findings[0].code, Code::TS08);
        assert_eq!(result.findings[0].params["expected_year"], "2021");
        // The system's own year or a later one is never a predecessor's.
        for year in ["2022", "2023"] {
            system.goals[0].origin.predecessor = Some(format!("{year}/A03"));
            let result = validate_system(&system, None);
            assert_eq!(result.findings[0].code, Code::TS08, "{year}");
            assert_eq!(result.findings[0].params["year"], "2022");
        }
    }

    #[test]
    fn ts12_reports_each_conflict_once_at_the_later_naming() {
        use crate::model::target_system::Origin;
        let mut system = fixture();
        // A02 continues 2021/A03 as A01 does: reported at A02, naming A01.
        system.goals[1].origin = Origin::continued("2021/A03".into());
        let result = validate_system(&system, None);
        let ts12: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.code == Code::TS12)
            .collect();
        assert_eq!(ts12.len(), 1, "{ts12:#?}");
        assert_eq!(ts12[0].path, "/goals/1/origin/predecessor");
        assert_eq!(ts12[0].params["other"], "A01");
        // As a split of two it is consistent; a merge naming a split goal's predecessor is not.
        system.goals[0].origin.kind = OriginKind::Split;
        system.goals[1].origin.kind = OriginKind::Split;
        assert!(!validate_system(&system, None).has(Code::TS12));
        system.goals[3].origin = Origin {
            kind: OriginKind::Merged,
            predecessor: None,
            predecessors: vec!["2021/V02".into(), "2021/A03".into()],
        };
        let result = validate_system(&system, None);
        let paths: Vec<&str> = result
            .findings
            .iter()
            .filter(|f| f.code == Code::TS12)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["/goals/3/origin/predecessors/1"]);
    }

    #[test]
    fn a_previous_system_that_does_not_fit_is_reported_and_not_compared() {
        let mut system = fixture();
        system.goals[0].origin.predecessor = Some("2022/A99".into()); // TS08: not earlier
        let same_year = fixture();
        let result = validate_system(&system, Some(&same_year));
        assert!(result.has(Code::TS13));
        let mut other = fixture();
        other.year = 2021;
        other.authority = "Bezirksamt Pankow von Berlin".into();
        system.goals[0].origin.predecessor = Some("2021/A99".into());
        let result = validate_system(&system, Some(&other));
        let ts13: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.code == Code::TS13)
            .collect();
        assert_eq!(ts13.len(), 1);
        assert_eq!(ts13[0].path, "/authority");
        // Another authority's goals are no evidence: no TS08 against it.
        assert!(!result.has(Code::TS08));
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

    fn term_of(portfolio: &str, from: u32, length: Option<u32>) -> Term {
        let day = |offset: u32| {
            NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + chrono::Days::new(offset.into())
        };
        Term {
            portfolio: portfolio.into(),
            role: crate::Role::Councillor,
            from: day(from),
            until: length.map(|l| day(from + l)),
        }
    }

    /// Which terms the obvious quadratic reading reports: those starting while a term of another
    /// member on the same portfolio runs that started before (ties in list order).
    fn overlapping_by_brute_force(system: &TargetSystem) -> Vec<(usize, usize)> {
        let all: Vec<(usize, usize, &Member, &Term)> = system
            .members
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.terms.iter().enumerate().map(move |(j, t)| (i, j, m, t)))
            .filter(|(_, _, _, t)| t.until.is_none_or(|u| t.from <= u))
            .collect();
        let mut out = Vec::new();
        for &(i, j, m, t) in &all {
            let clash = all.iter().any(|&(k, l, n, o)| {
                n.id != m.id
                    && o.portfolio == t.portfolio
                    && (o.from, k, l) < (t.from, i, j)
                    && o.overlaps(t)
            });
            if clash {
                out.push((i, j));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_sweep_agrees_with_brute_force(
            terms in proptest::collection::vec(
                (0usize..4, 0usize..2, 0u32..60, proptest::option::of(0u32..30)),
                0..14,
            )
        ) {
            let mut system = fixture();
            for member in &mut system.members {
                member.terms.clear();
            }
            for (member, portfolio, from, length) in terms {
                let portfolio = ["I", "V"][portfolio];
                // A few inverted terms (ending before they start) too.
                let mut term = term_of(portfolio, from, length);
                if length == Some(0) && from % 2 == 1 {
                    term.until = term.from.pred_opt();
                }
                system.members[member].terms.push(term);
            }
            let reported: Vec<(usize, usize)> = validate_system(&system, None)
                .findings
                .iter()
                .filter(|f| f.message.contains("überschneiden"))
                .map(|f| {
                    let parts: Vec<usize> = f.path.split('/').filter_map(|p| p.parse().ok()).collect();
                    (parts[0], parts[1])
                })
                .collect();
            proptest::prop_assert_eq!(reported, overlapping_by_brute_force(&system));
        }
    }

    #[test]
    fn many_terms_stay_fast() {
        let mut system = fixture();
        system.members.truncate(1);
        system.members[0].terms.clear();
        for i in 0..30_000u32 {
            let mut member = system.members[0].clone();
            member.id = format!("m{i}");
            member.terms = vec![term_of("V", i, Some(0))];
            system.members.push(member);
        }
        system.members.remove(0);
        let started = std::time::Instant::now();
        let result = validate_system(&system, None);
        assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed()); // quadratic, not slow
        assert!(!result.has(Code::TS05));
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
