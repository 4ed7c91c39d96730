//! The target system of one authority and year: portfolios, members and their terms, units, goals
//! and indicators.

use chrono::NaiveDate;
use zielsystem_core::calendar::{Period, Tertial};
use zielsystem_core::model::target_system::{
    DeclaredGoalCounts, Goal, Indicator, Member, OrgUnit, Origin, Portfolio, Reporting, Resolution,
    Term,
};
use zielsystem_core::numbering::roman_numeral;
use zielsystem_core::{Direction, OrgUnitKind, Perspective, Role, SCHEMA_VERSION, TargetSystem};

use crate::texts::{self, UnitKind};

use super::{Generator, add_days, pick, tenth, tuesday_from, ymd};

pub(super) fn build_system(
    rng: &mut fastrand::Rng,
    authority: u32,
    year: i32,
    previous: Option<&TargetSystem>,
) -> Option<TargetSystem> {
    let portfolios: Vec<Portfolio> = texts::PORTFOLIOS
        .iter()
        .map(|(id, name, _)| Portfolio {
            id: (*id).to_string(),
            name: (*name).to_string(),
        })
        .collect();
    let members = build_members(rng, year);
    let org_units = build_units(rng);
    let goals = build_goals(rng, year, &org_units, previous);
    let mandate = goals
        .iter()
        .filter(|goal| goal.perspective == Perspective::MandateTargetGroups)
        .count() as u32;
    let declared_goal_counts = (rng.u32(..100) < 85).then(|| DeclaredGoalCounts {
        mandate_target_groups: mandate,
        administration_internal: goals.len() as u32 - mandate,
    });
    // Decided early in the year for a first report on tertial I; now and then late, so that the
    // first report is on tertial II.
    let (decided_on, first_period) = match rng.u32(..100) {
        0..=7 => (
            tuesday_from(add_days(ymd(year, 5, 2), i64::from(rng.u32(..100)))),
            Period::T2,
        ),
        8..=17 => (
            tuesday_from(add_days(ymd(year - 1, 12, 1), i64::from(rng.u32(..20)))),
            Period::T1,
        ),
        _ => (
            tuesday_from(add_days(ymd(year, 1, 4), i64::from(rng.u32(..100)))),
            Period::T1,
        ),
    };
    let first_tertial = Tertial::new(year, first_period).ok()?;
    let electoral_term = ((year - 1995).div_euclid(5) + 1).max(1) as u32;
    Some(TargetSystem {
        schema_version: SCHEMA_VERSION.to_string(),
        authority: Generator::authority_name(authority),
        year,
        resolution: Resolution {
            number: format!("{}/{}", rng.u32(1..=350), roman_numeral(electoral_term)),
            decided_on,
        },
        mission_statement: pick(rng, &texts::MISSION_STATEMENTS)
            .copied()
            .unwrap_or_default()
            .to_string(),
        declared_goal_counts,
        portfolios,
        members,
        org_units,
        goals,
        reporting: Reporting { first_tertial },
        numbering: None,
    })
}

/// Members and their terms: one holder per portfolio from the last election; for some portfolios a
/// change during the year (sometimes with a vacancy between), and now and then the mayor voted out
/// and a councillor becoming mayor, as in Mitte 2022.
fn build_members(rng: &mut fastrand::Rng, year: i32) -> Vec<Member> {
    let election = (year - 1 - (year - 1 - 2001).rem_euclid(5)).max(1990);
    let term_start = ymd(election, 11, 5);
    let mut members: Vec<Member> = Vec::new();
    let change_day =
        |rng: &mut fastrand::Rng| add_days(ymd(year, 1, 15), i64::from(rng.u32(..320)));
    let gap = |rng: &mut fastrand::Rng| {
        if rng.u32(..100) < 80 {
            1
        } else {
            i64::from(rng.u32(2..40))
        }
    };
    let term = |portfolio: &str, role: Role, from: NaiveDate, until: Option<NaiveDate>| Term {
        portfolio: portfolio.to_string(),
        role,
        from,
        until,
    };
    let role_of = |index: usize| {
        if index == 0 {
            Role::Mayor
        } else {
            Role::Councillor
        }
    };
    // The Mitte pattern: the councillor of portfolio `promoted` becomes mayor.
    let promoted = (rng.u32(..100) < 6).then(|| rng.usize(1..texts::PORTFOLIOS.len()));
    let mayor_change = promoted.map(|_| change_day(rng));
    for (index, (portfolio, _, short)) in texts::PORTFOLIOS.iter().enumerate() {
        let id = format!("m-{short}");
        if index == 0 {
            if let Some(day) = mayor_change {
                members.push(Member {
                    id,
                    name: None,
                    terms: vec![term(portfolio, Role::Mayor, term_start, Some(day))],
                });
                continue;
            }
        }
        if let (Some(promoted), Some(day)) = (promoted, mayor_change) {
            if promoted == index {
                members.push(Member {
                    id,
                    name: None,
                    terms: vec![
                        term(portfolio, Role::Councillor, term_start, Some(day)),
                        term("I", Role::Mayor, add_days(day, 1), None),
                    ],
                });
                let successor_from = add_days(day, gap(rng));
                members.push(Member {
                    id: format!("m-{short}-2"),
                    name: None,
                    terms: vec![term(portfolio, Role::Councillor, successor_from, None)],
                });
                continue;
            }
        }
        if rng.u32(..100) < 12 {
            let day = change_day(rng);
            members.push(Member {
                id: id.clone(),
                name: None,
                terms: vec![term(portfolio, role_of(index), term_start, Some(day))],
            });
            members.push(Member {
                id: format!("{id}-2"),
                name: None,
                terms: vec![term(
                    portfolio,
                    role_of(index),
                    add_days(day, gap(rng)),
                    None,
                )],
            });
        } else {
            members.push(Member {
                id,
                name: None,
                terms: vec![term(portfolio, role_of(index), term_start, None)],
            });
        }
    }
    members
}

fn build_units(rng: &mut fastrand::Rng) -> Vec<OrgUnit> {
    let mut units = vec![OrgUnit {
        id: "std".to_string(),
        name: "Steuerungsdienst".to_string(),
        kind: OrgUnitKind::SteeringService,
        portfolio: "I".to_string(),
    }];
    for (portfolio_index, (portfolio, _, _)) in texts::PORTFOLIOS.iter().enumerate() {
        let pool: Vec<_> = texts::UNITS
            .iter()
            .filter(|unit| unit.3 == portfolio_index)
            .collect();
        let mut chosen: Vec<_> = pool
            .iter()
            .enumerate()
            .filter(|(i, _)| (portfolio_index == 0 && *i < 3) || rng.u32(..100) < 70)
            .map(|(_, unit)| **unit)
            .collect();
        if chosen.is_empty() {
            chosen.extend(pool.first().map(|unit| **unit));
        }
        for (id, name, kind, _) in chosen {
            units.push(OrgUnit {
                id: id.to_string(),
                name: name.to_string(),
                kind: match kind {
                    UnitKind::Office => OrgUnitKind::Office,
                    UnitKind::Service => OrgUnitKind::ServiceUnit,
                    UnitKind::Staff => OrgUnitKind::StaffUnit,
                    UnitKind::Other => OrgUnitKind::Other,
                },
                portfolio: (*portfolio).to_string(),
            });
        }
    }
    units
}

/// The goals: continued ones from the previous year (same title and portfolio, predecessor
/// named), then new ones, 9–18 outward and 5–10 inward.
fn build_goals(
    rng: &mut fastrand::Rng,
    year: i32,
    units: &[OrgUnit],
    previous: Option<&TargetSystem>,
) -> Vec<Goal> {
    let mut goals = Vec::new();
    for (perspective, prefix, titles, count) in [
        (
            Perspective::MandateTargetGroups,
            "A",
            &texts::MANDATE_TITLES[..],
            rng.usize(9..=18),
        ),
        (
            Perspective::AdministrationInternal,
            "V",
            &texts::ADMINISTRATION_TITLES[..],
            rng.usize(5..=10),
        ),
    ] {
        // (title, portfolio, predecessor id)
        let mut chosen: Vec<(String, String, Option<String>)> = Vec::new();
        if let Some(previous) = previous {
            for goal in previous.goals_of(perspective) {
                if chosen.len() < count && rng.u32(..100) < 70 {
                    chosen.push((
                        goal.title.clone(),
                        goal.portfolio.clone(),
                        Some(goal.id.clone()),
                    ));
                }
            }
        }
        let mut fresh: Vec<&(&str, usize)> = titles
            .iter()
            .filter(|(title, _)| !chosen.iter().any(|(taken, _, _)| taken == title))
            .collect();
        rng.shuffle(&mut fresh);
        for (title, usual) in fresh.into_iter().take(count.saturating_sub(chosen.len())) {
            let portfolio = if rng.u32(..100) < 85 {
                *usual
            } else {
                rng.usize(..texts::PORTFOLIOS.len())
            };
            let portfolio = texts::PORTFOLIOS
                .get(portfolio)
                .map_or("I", |(id, _, _)| *id)
                .to_string();
            chosen.push(((*title).to_string(), portfolio, None));
        }
        for (number, (title, portfolio, predecessor)) in chosen.into_iter().enumerate() {
            let id = format!("{prefix}{:02}", number + 1);
            let org_units = goal_units(rng, units, &portfolio);
            let indicators = build_indicators(rng, &id);
            let description = (rng.u32(..100) < 70).then(|| {
                pick(rng, &texts::DESCRIPTIONS)
                    .copied()
                    .unwrap_or_default()
                    .to_string()
            });
            goals.push(Goal {
                id,
                perspective,
                title,
                description,
                portfolio,
                org_units,
                origin: match predecessor {
                    Some(old) => Origin::continued(format!("{}/{old}", year - 1)),
                    None => Origin::new_goal(),
                },
                indicators,
            });
        }
    }
    goals
}

/// Two to four distinct units, one of them from the goal's portfolio; rarely only one (TS06).
fn goal_units(rng: &mut fastrand::Rng, units: &[OrgUnit], portfolio: &str) -> Vec<String> {
    let own: Vec<&OrgUnit> = units.iter().filter(|u| u.portfolio == portfolio).collect();
    let mut chosen: Vec<String> = pick(rng, &own).map(|u| u.id.clone()).into_iter().collect();
    let wanted = if rng.u32(..100) < 3 {
        1
    } else {
        rng.usize(2..=4)
    };
    let mut attempts = 0;
    while chosen.len() < wanted && attempts < 32 {
        attempts += 1;
        if let Some(unit) = pick(rng, units) {
            if !chosen.contains(&unit.id) {
                chosen.push(unit.id.clone());
            }
        }
    }
    chosen
}

fn build_indicators(rng: &mut fastrand::Rng, goal: &str) -> Vec<Indicator> {
    let count = match rng.u32(..100) {
        0..=39 => 0,
        40..=79 => 1,
        80..=94 => 2,
        _ => 3,
    };
    (1..=count)
        .filter_map(|k| {
            let (name, unit, higher_is_better) = *pick(rng, &texts::INDICATORS)?;
            let (baseline, target) = match (unit, higher_is_better) {
                ("%", true) => {
                    let baseline = 40.0 + rng.f64() * 40.0;
                    (baseline, (baseline + 10.0 + rng.f64() * 10.0).min(100.0))
                }
                (_, false) => {
                    let baseline = if unit == "MWh" {
                        500.0 + rng.f64() * 4500.0
                    } else {
                        20.0 + rng.f64() * 40.0
                    };
                    (baseline, baseline * (0.5 + rng.f64() * 0.4))
                }
                _ => {
                    let baseline = f64::from(rng.u32(..50));
                    (baseline, baseline + 5.0 + f64::from(rng.u32(..45)))
                }
            };
            Some(Indicator {
                id: format!("{goal}-{k}"),
                name: name.to_string(),
                unit: unit.to_string(),
                baseline: tenth(baseline),
                target: tenth(target),
                direction: if higher_is_better {
                    Direction::Increase
                } else {
                    Direction::Decrease
                },
            })
        })
        .collect()
}
