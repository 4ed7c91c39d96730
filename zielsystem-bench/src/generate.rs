//! A deterministic generator of realistic target systems and report sheets.
//!
//! For every authority and year it builds a target system (6 portfolios, a varying set of units,
//! 9–18 outward and 5–10 inward goals, indicators, members whose terms change during the year, now
//! and then the mayor changing as in Mitte 2022, goals continued from the previous year) and then,
//! tertial by tertial, one report sheet per goal from its responsible member: forecasts that evolve
//! over the year across the whole scale, risks that fit the forecast, countermeasures where
//! attainment is at risk, indicator values moving towards the target, a few sheets submitted early
//! or late and a few goals without a sheet.
//!
//! Every sheet is valid against its system (warnings such as RS04, RS05 or RS10 may occur, as in
//! practice) unless a [`Violation`] was injected, which happens to a share
//! [`Config::violation_rate`] of the sheets; the sheet then carries the violation and the code it
//! must yield. The same [`Config`] always yields the same documents: each authority-year draws from
//! its own random stream, derived from the seed, the authority and the year.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde_json::Value;
use zielsystem_core::calendar::{Period, Tertial};
use zielsystem_core::model::report_sheet::{
    Contribution, Countermeasure, IndicatorValue, ReportSheet, Risk,
};
use zielsystem_core::model::target_system::{
    DeclaredGoalCounts, Goal, Indicator, Member, OrgUnit, Origin, OriginKind, Portfolio, Reporting,
    Resolution, Term,
};
use zielsystem_core::numbering::roman_numeral;
use zielsystem_core::{
    Code, Direction, Forecast, Level, OrgUnitKind, Perspective, Role, SCHEMA_VERSION, TargetSystem,
};

use crate::texts::{self, UnitKind};

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The seed; the same configuration always yields the same documents.
    pub seed: u64,
    /// How many authorities: the twelve Berlin districts first, then numbered synthetic ones.
    pub authorities: u32,
    /// The first calendar year.
    pub first_year: i32,
    /// How many consecutive years per authority.
    pub years: u32,
    /// The share of sheets (0 to 1) with an injected rule violation.
    pub violation_rate: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 2022,
            authorities: 12,
            first_year: 2020,
            years: 5,
            violation_rate: 0.05,
        }
    }
}

/// A rule violation injected into a sheet on purpose, with the code it must yield.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Violation {
    /// The sheet names its authority abbreviated ("BA Mitte von Berlin"), so it matches no target
    /// system (RS01).
    ForeignAuthority,
    /// The goal does not exist in the system (RS02).
    UnknownGoal,
    /// A member who does not hold the goal's portfolio on the day reports (RS03).
    WrongReporter,
    /// A forecast not allowed in the tertial (RS06).
    ForecastNotAllowed,
    /// `at_risk` without a risk (RS07).
    RiskMissing,
    /// A countermeasure although attainment is not at risk (RS08).
    CountermeasureWithoutRisk,
    /// A countermeasure involving one unit only (RS09).
    CountermeasureOneUnit,
    /// A value of an indicator the goal does not have (RS12).
    UnknownIndicator,
    /// A goal reported achieved earlier in the year is now reported otherwise (RS13).
    AchievedRevoked,
    /// A blank rationale (RS14).
    BlankRationale,
    /// A key the contract does not know (`SCHEMA_UNKNOWN_KEY`).
    UnknownKey,
    /// A required key is missing (`SCHEMA_REQUIRED`).
    MissingKey,
    /// A date not written `YYYY-MM-DD` (`SCHEMA_FORMAT`).
    GermanDate,
    /// A forecast outside the scale (`SCHEMA_ENUM`).
    ForecastOffScale,
    /// An indicator value written as text (`SCHEMA_TYPE`).
    NumberAsText,
}

impl Violation {
    /// Every violation.
    pub const ALL: [Violation; 15] = [
        Violation::ForeignAuthority,
        Violation::UnknownGoal,
        Violation::WrongReporter,
        Violation::ForecastNotAllowed,
        Violation::RiskMissing,
        Violation::CountermeasureWithoutRisk,
        Violation::CountermeasureOneUnit,
        Violation::UnknownIndicator,
        Violation::AchievedRevoked,
        Violation::BlankRationale,
        Violation::UnknownKey,
        Violation::MissingKey,
        Violation::GermanDate,
        Violation::ForecastOffScale,
        Violation::NumberAsText,
    ];

    /// The code validation must report for the violation.
    pub fn code(self) -> Code {
        match self {
            Violation::ForeignAuthority => Code::RS01,
            Violation::UnknownGoal => Code::RS02,
            Violation::WrongReporter => Code::RS03,
            Violation::ForecastNotAllowed => Code::RS06,
            Violation::RiskMissing => Code::RS07,
            Violation::CountermeasureWithoutRisk => Code::RS08,
            Violation::CountermeasureOneUnit => Code::RS09,
            Violation::UnknownIndicator => Code::RS12,
            Violation::AchievedRevoked => Code::RS13,
            Violation::BlankRationale => Code::RS14,
            Violation::UnknownKey => Code::SchemaUnknownKey,
            Violation::MissingKey => Code::SchemaRequired,
            Violation::GermanDate => Code::SchemaFormat,
            Violation::ForecastOffScale => Code::SchemaEnum,
            Violation::NumberAsText => Code::SchemaType,
        }
    }

    /// Whether the violation breaks the JSON contract itself (the sheet does not decode).
    pub fn is_schema_level(self) -> bool {
        matches!(
            self,
            Violation::UnknownKey
                | Violation::MissingKey
                | Violation::GermanDate
                | Violation::ForecastOffScale
                | Violation::NumberAsText
        )
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?} ({})", self.code())
    }
}

/// One generated report sheet: its JSON text (one line) and the violation injected, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct GeneratedSheet {
    /// The sheet as compact JSON, without a line break.
    pub json: String,
    /// The violation injected on purpose; `None` for a sheet valid against its system.
    pub violation: Option<Violation>,
}

/// The target system of one authority and year with every sheet reported on it, in tertial order
/// and, within a tertial, in the order of submission.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthorityYear {
    /// The target system.
    pub system: TargetSystem,
    /// The sheets.
    pub sheets: Vec<GeneratedSheet>,
}

/// The generator of a [`Config`].
#[derive(Clone, Debug)]
pub struct Generator {
    config: Config,
}

impl Generator {
    /// A generator of `config`; an error when its years leave 1990–2100 (the plausible years of
    /// TS01) or the violation rate is not a share.
    pub fn new(config: Config) -> Result<Self, String> {
        let last_year = i64::from(config.first_year) + i64::from(config.years) - 1;
        if config.first_year < 1990 || last_year > 2100 {
            return Err(format!(
                "Jahre {}–{last_year} liegen nicht in 1990–2100 / years outside 1990–2100",
                config.first_year
            ));
        }
        if !(0.0..=1.0).contains(&config.violation_rate) {
            return Err(format!(
                "Verstoßquote {} liegt nicht in 0–1 / violation rate outside 0–1",
                config.violation_rate
            ));
        }
        Ok(Generator { config })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The name of authority number `index` (0-based).
    pub fn authority_name(index: u32) -> String {
        match texts::BERLIN_DISTRICTS.get(index as usize) {
            Some(district) => format!("Bezirksamt {district} von Berlin"),
            None => format!("Bezirksamt Beispielbezirk {:04} (synthetisch)", index + 1),
        }
    }

    /// Every authority-year, authority by authority and, within one, year by year. Lazy: one
    /// authority-year is in memory at a time.
    pub fn authority_years(&self) -> impl Iterator<Item = AuthorityYear> + '_ {
        (0..self.config.authorities).flat_map(move |authority| {
            let mut previous: Option<TargetSystem> = None;
            (0..self.config.years).filter_map(move |offset| {
                let year = self.config.first_year + offset as i32;
                let mut rng =
                    fastrand::Rng::with_seed(stream_seed(self.config.seed, authority, year));
                let system = build_system(&mut rng, authority, year, previous.as_ref())?;
                let sheets = SheetWriter {
                    rng: &mut rng,
                    system: &system,
                    violation_rate: self.config.violation_rate,
                }
                .write_all();
                previous = Some(system.clone());
                Some(AuthorityYear { system, sheets })
            })
        })
    }
}

/// A seed per authority and year (`SplitMix64` finaliser over the three), so any part of the corpus
/// can be generated alone and the same way.
fn stream_seed(seed: u64, authority: u32, year: i32) -> u64 {
    let mut z = seed
        ^ (u64::from(authority) << 20).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (u64::from(year.unsigned_abs())).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    let shifted = if days >= 0 {
        day.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    shifted.unwrap_or(day)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The Tuesday on or after `day` (the Bezirksamt meets on Tuesdays).
fn tuesday_from(day: NaiveDate) -> NaiveDate {
    let ahead =
        (7 + Weekday::Tue.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    add_days(day, i64::from(ahead))
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() {
        None
    } else {
        items.get(rng.usize(..items.len()))
    }
}

/// One decimal place, as clerks write values.
fn tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn build_system(
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
                    Some(old) => Origin {
                        kind: OriginKind::Continued,
                        predecessor: Some(format!("{}/{old}", year - 1)),
                    },
                    None => Origin {
                        kind: OriginKind::New,
                        predecessor: None,
                    },
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

/// Writes the sheets of one system, tertial by tertial.
struct SheetWriter<'a> {
    rng: &'a mut fastrand::Rng,
    system: &'a TargetSystem,
    violation_rate: f64,
}

/// What a goal's earlier sheets said, for forecasts that evolve over the year.
#[derive(Clone, Copy, Default)]
struct GoalState {
    last: Option<Forecast>,
    achieved_in: Option<Tertial>,
}

impl SheetWriter<'_> {
    fn write_all(mut self) -> Vec<GeneratedSheet> {
        let system = self.system;
        let mut states = vec![GoalState::default(); system.goals.len()];
        let mut out = Vec::new();
        for tertial in system.reporting_tertials() {
            let mut batch: Vec<(NaiveDate, GeneratedSheet)> = Vec::new();
            for (goal, state) in system.goals.iter().zip(states.iter_mut()) {
                // Now and then a goal has no sheet (overdue), as in T3 of the example.
                if self.rng.u32(..100) < 2 {
                    continue;
                }
                if let Some((day, sheet)) = self.write_one(goal, tertial, state) {
                    batch.push((day, sheet));
                }
            }
            batch.sort_by_key(|(day, _)| *day);
            out.extend(batch.into_iter().map(|(_, sheet)| sheet));
        }
        out
    }

    /// The day of submission: mostly between cut-off and deadline, some late (RS05 warning), a few
    /// early (RS04 warning); moved to a day on which the portfolio has a holder where possible.
    fn submission_day(&mut self, tertial: Tertial, portfolio: &str) -> Option<NaiveDate> {
        let cut_off = tertial.cut_off();
        let deadline = tertial.deadline();
        let window = (deadline - cut_off).num_days();
        let day = match self.rng.u32(..100) {
            0..=5 => add_days(deadline, i64::from(self.rng.u32(1..=21))),
            6..=7 => add_days(cut_off, -i64::from(self.rng.u32(1..=5))),
            // Later in the window more often: the larger of two draws.
            _ => add_days(
                cut_off,
                self.rng.i64(1..=window).max(self.rng.i64(1..=window)),
            ),
        };
        if self.system.holder_on(portfolio, day).is_some() {
            return Some(day);
        }
        (1..=window + 21)
            .flat_map(|shift| [add_days(day, shift), add_days(day, -shift)])
            .find(|candidate| self.system.holder_on(portfolio, *candidate).is_some())
    }

    fn next_forecast(&mut self, tertial: Tertial, state: GoalState) -> Forecast {
        let roll = self.rng.u32(..100);
        if state.achieved_in.is_some() {
            return Forecast::Achieved;
        }
        if tertial.period() == Period::T3 {
            let chance = match state.last {
                Some(Forecast::OnTrack) => 85,
                Some(Forecast::AtRisk) => 50,
                Some(Forecast::Unlikely) => 20,
                _ => 70,
            };
            return if roll < chance {
                Forecast::Achieved
            } else {
                Forecast::NotAchieved
            };
        }
        // (achieved, on_track, at_risk) cumulative; the rest is unlikely.
        let (achieved, on_track, at_risk) = match state.last {
            Some(Forecast::OnTrack) => (8, 80, 95),
            Some(Forecast::AtRisk) => (10, 40, 77),
            Some(Forecast::Unlikely) => (10, 10, 40),
            _ => (3, 63, 88),
        };
        match roll {
            r if r < achieved => Forecast::Achieved,
            r if r < on_track => Forecast::OnTrack,
            r if r < at_risk => Forecast::AtRisk,
            _ => Forecast::Unlikely,
        }
    }

    fn level(&mut self, weights: [u32; 3]) -> Level {
        let roll = self.rng.u32(..weights.iter().sum::<u32>().max(1));
        if roll < weights[0] {
            Level::Low
        } else if roll < weights[0] + weights[1] {
            Level::Medium
        } else {
            Level::High
        }
    }

    fn risk(&mut self, likelihood: Level, impact: Level) -> Risk {
        Risk {
            description: pick(self.rng, &texts::RISKS)
                .copied()
                .unwrap_or_default()
                .to_string(),
            likelihood,
            impact,
        }
    }

    /// Risks that fit the forecast: none of high likelihood and impact when on track, at least one
    /// when at risk, at least one beyond low/low when unlikely.
    fn risks(&mut self, forecast: Forecast) -> Vec<Risk> {
        let count = match forecast {
            Forecast::Achieved => usize::from(self.rng.u32(..100) < 20),
            Forecast::OnTrack | Forecast::NotAchieved => self.rng.usize(0..=2),
            Forecast::AtRisk | Forecast::Unlikely => self.rng.usize(1..=3),
        };
        let mut risks = Vec::with_capacity(count);
        for i in 0..count {
            let (likelihood, impact) = match forecast {
                Forecast::Achieved => (Level::Low, self.level([70, 30, 0])),
                Forecast::OnTrack => {
                    let likelihood = self.level([50, 35, 15]);
                    let impact = if likelihood == Level::High {
                        self.level([50, 50, 0])
                    } else {
                        self.level([40, 40, 20])
                    };
                    (likelihood, impact)
                }
                Forecast::Unlikely if i == 0 => (self.level([0, 40, 60]), self.level([10, 40, 50])),
                _ => (self.level([30, 40, 30]), self.level([30, 40, 30])),
            };
            risks.push(self.risk(likelihood, impact));
        }
        risks
    }

    fn units_for_countermeasure(&mut self, goal: &Goal, count: usize) -> Vec<String> {
        let mut chosen: Vec<String> = Vec::with_capacity(count);
        let mut attempts = 0;
        while chosen.len() < count && attempts < 64 {
            attempts += 1;
            let candidate = if self.rng.bool() {
                pick(self.rng, &goal.org_units).cloned()
            } else {
                pick(self.rng, &self.system.org_units).map(|u| u.id.clone())
            };
            if let Some(unit) = candidate {
                if !chosen.contains(&unit) {
                    chosen.push(unit);
                }
            }
        }
        chosen
    }

    fn countermeasure(&mut self, goal: &Goal, units: usize) -> Countermeasure {
        Countermeasure {
            description: pick(self.rng, &texts::COUNTERMEASURES)
                .copied()
                .unwrap_or_default()
                .to_string(),
            org_units: self.units_for_countermeasure(goal, units),
        }
    }

    fn contributions(&mut self, goal: &Goal) -> Vec<Contribution> {
        let count = match self.rng.u32(..100) {
            0..=3 => 0,
            4..=38 => 1,
            39..=83 => 2,
            _ => 3,
        };
        (0..count)
            .map(|_| {
                let template = pick(self.rng, &texts::CONTRIBUTIONS)
                    .copied()
                    .unwrap_or_default();
                let text = template.replace("{n}", &self.rng.u32(2..=60).to_string());
                let org_unit = (self.rng.u32(..100) < 75)
                    .then(|| pick(self.rng, &goal.org_units).cloned())
                    .flatten();
                Contribution { text, org_unit }
            })
            .collect()
    }

    fn indicator_values(
        &mut self,
        goal: &Goal,
        tertial: Tertial,
        forecast: Forecast,
    ) -> Vec<IndicatorValue> {
        let expected = f64::from(tertial.period().number()) / 3.0;
        let progress = match forecast {
            Forecast::Achieved => 1.0 + self.rng.f64() * 0.1,
            Forecast::OnTrack => expected * (0.9 + self.rng.f64() * 0.3),
            Forecast::AtRisk => expected * (0.6 + self.rng.f64() * 0.3),
            Forecast::Unlikely | Forecast::NotAchieved => expected * (0.2 + self.rng.f64() * 0.4),
        };
        let cut_off = tertial.cut_off();
        let mut values = Vec::with_capacity(goal.indicators.len());
        for indicator in &goal.indicators {
            if self.rng.u32(..100) >= 90 {
                continue;
            }
            let as_of = if self.rng.u32(..100) < 80 {
                cut_off
            } else {
                add_days(cut_off, -i64::from(self.rng.u32(1..10)))
            };
            values.push(IndicatorValue {
                indicator: indicator.id.clone(),
                value: tenth(
                    indicator.baseline + (indicator.target - indicator.baseline) * progress,
                ),
                as_of,
            });
        }
        values
    }

    fn rationale(&mut self, forecast: Forecast) -> String {
        let class = match forecast {
            Forecast::Achieved => 0,
            Forecast::OnTrack => 1,
            Forecast::AtRisk => 2,
            Forecast::Unlikely => 3,
            Forecast::NotAchieved => 4,
        };
        let options = texts::RATIONALES.get(class).map_or(&[][..], |row| &row[..]);
        let mut text = pick(self.rng, options)
            .copied()
            .unwrap_or_default()
            .to_string();
        if self.rng.u32(..100) < 40 {
            text.push_str(
                " Die beteiligten Organisationseinheiten wurden in die Einschätzung einbezogen.",
            );
        }
        text
    }

    fn write_one(
        &mut self,
        goal: &Goal,
        tertial: Tertial,
        state: &mut GoalState,
    ) -> Option<(NaiveDate, GeneratedSheet)> {
        let system = self.system;
        let submitted_on = self.submission_day(tertial, &goal.portfolio)?;
        let (holder, _) = system.holder_on(&goal.portfolio, submitted_on)?;
        let forecast = self.next_forecast(tertial, *state);
        let risks = self.risks(forecast);
        let countermeasures = if forecast.is_at_risk() {
            let count = match self.rng.u32(..100) {
                0..=34 => 0,
                35..=84 => 1,
                _ => 2,
            };
            (0..count)
                .map(|_| {
                    let units = self.rng.usize(2..=3);
                    self.countermeasure(goal, units)
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut sheet = ReportSheet {
            schema_version: SCHEMA_VERSION.to_string(),
            authority: system.authority.clone(),
            goal: goal.id.clone(),
            tertial,
            reporting_member: holder.id.clone(),
            submitted_on,
            contributions: self.contributions(goal),
            indicator_values: self.indicator_values(goal, tertial, forecast),
            risks,
            forecast,
            rationale: self.rationale(forecast),
            countermeasures,
        };
        let violation = if self.rng.f64() < self.violation_rate {
            self.inject(&mut sheet, goal, *state)
        } else {
            None
        };
        // The goal's history is what was reported, violations included.
        state.last = Some(sheet.forecast);
        if sheet.forecast == Forecast::Achieved
            && state.achieved_in.is_none()
            && sheet.goal == goal.id
        {
            state.achieved_in = Some(tertial);
        }
        let json = match violation {
            Some(v) if v.is_schema_level() => self.break_contract(&sheet, v),
            _ => serde_json::to_string(&sheet).unwrap_or_default(),
        };
        Some((submitted_on, GeneratedSheet { json, violation }))
    }

    /// Injects one violation that fits the sheet; `None` when none could be injected.
    fn inject(
        &mut self,
        sheet: &mut ReportSheet,
        goal: &Goal,
        state: GoalState,
    ) -> Option<Violation> {
        let early = sheet.tertial.period() != Period::T3;
        let candidates: Vec<Violation> = Violation::ALL
            .into_iter()
            .filter(|v| match v {
                Violation::RiskMissing | Violation::CountermeasureOneUnit => early,
                Violation::AchievedRevoked => state.achieved_in.is_some(),
                _ => true,
            })
            .collect();
        let violation = *pick(self.rng, &candidates)?;
        match violation {
            Violation::ForeignAuthority => {
                // The authority abbreviated, as clerks write it: it matches no target system.
                sheet.authority = sheet.authority.replacen("Bezirksamt ", "BA ", 1);
            }
            Violation::UnknownGoal => {
                sheet.goal = format!("{}99", &goal.id.get(..1).unwrap_or("A"));
            }
            Violation::WrongReporter => {
                let day = sheet.submitted_on;
                let outsider = self.system.members.iter().find(|member| {
                    !member
                        .terms
                        .iter()
                        .any(|term| term.portfolio == goal.portfolio && term.covers(day))
                })?;
                sheet.reporting_member.clone_from(&outsider.id);
            }
            Violation::ForecastNotAllowed => {
                sheet.forecast = if early {
                    Forecast::NotAchieved
                } else {
                    Forecast::OnTrack
                };
            }
            Violation::RiskMissing => {
                sheet.forecast = Forecast::AtRisk;
                sheet.risks.clear();
            }
            Violation::CountermeasureWithoutRisk => {
                sheet.forecast = if early {
                    Forecast::OnTrack
                } else {
                    Forecast::Achieved
                };
                let units = self.rng.usize(2..=3);
                sheet.countermeasures = vec![self.countermeasure(goal, units)];
            }
            Violation::CountermeasureOneUnit => {
                if !sheet.forecast.is_at_risk() {
                    sheet.forecast = Forecast::AtRisk;
                    sheet.risks = self.risks(Forecast::AtRisk);
                }
                sheet.countermeasures = vec![self.countermeasure(goal, 1)];
            }
            Violation::UnknownIndicator => sheet.indicator_values.push(IndicatorValue {
                indicator: format!("{}-9", goal.id),
                value: tenth(self.rng.f64() * 100.0),
                as_of: sheet.tertial.cut_off(),
            }),
            Violation::AchievedRevoked => {
                sheet.forecast = if early {
                    Forecast::OnTrack
                } else {
                    Forecast::NotAchieved
                };
                sheet.countermeasures.clear();
                sheet
                    .risks
                    .retain(|r| !(r.likelihood == Level::High && r.impact == Level::High));
            }
            Violation::BlankRationale => sheet.rationale = " ".to_string(),
            Violation::UnknownKey
            | Violation::MissingKey
            | Violation::GermanDate
            | Violation::ForecastOffScale
            | Violation::NumberAsText => {}
        }
        Some(violation)
    }

    /// The sheet's JSON with the contract broken as `violation` says.
    fn break_contract(&mut self, sheet: &ReportSheet, violation: Violation) -> String {
        let mut value = serde_json::to_value(sheet).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            match violation {
                Violation::UnknownKey => {
                    map.insert(
                        "bemerkung".to_string(),
                        Value::from("Rücksprache mit dem Steuerungsdienst erfolgt."),
                    );
                }
                Violation::MissingKey => {
                    map.remove("rationale");
                }
                Violation::GermanDate => {
                    let day = sheet.submitted_on;
                    map.insert(
                        "submitted_on".to_string(),
                        Value::from(format!(
                            "{:02}.{:02}.{}",
                            day.day(),
                            day.month(),
                            day.year()
                        )),
                    );
                }
                Violation::ForecastOffScale => {
                    map.insert("forecast".to_string(), Value::from("gruen"));
                }
                Violation::NumberAsText => {
                    let text = format!("{},{}", self.rng.u32(..100), self.rng.u32(..10));
                    let values = map
                        .entry("indicator_values")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(items) = values {
                        match items.first_mut() {
                            Some(Value::Object(first)) => {
                                first.insert("value".to_string(), Value::from(text));
                            }
                            _ => items.push(serde_json::json!({
                                "indicator": format!("{}-1", sheet.goal),
                                "value": text,
                                "as_of": sheet.tertial.cut_off().to_string(),
                            })),
                        }
                    }
                }
                _ => {}
            }
        }
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use std::collections::HashMap;

    fn small(seed: u64, violation_rate: f64) -> Generator {
        Generator::new(Config {
            seed,
            authorities: 14,
            first_year: 2021,
            years: 3,
            violation_rate,
        })
        .unwrap()
    }

    #[test]
    fn deterministic_from_the_seed() {
        let a: Vec<_> = small(7, 0.1).authority_years().collect();
        let b: Vec<_> = small(7, 0.1).authority_years().collect();
        assert_eq!(a, b);
        let c: Vec<_> = small(8, 0.1).authority_years().collect();
        assert_ne!(a, c);
    }

    #[test]
    fn authority_years_in_order_with_realistic_systems() {
        let all: Vec<_> = small(1, 0.0).authority_years().collect();
        assert_eq!(all.len(), 14 * 3);
        for (index, ay) in all.iter().enumerate() {
            let system = &ay.system;
            assert_eq!(
                system.authority,
                Generator::authority_name((index / 3) as u32)
            );
            assert_eq!(system.year, 2021 + (index % 3) as i32);
            let mandate = system.goals_of(Perspective::MandateTargetGroups).count();
            let inward = system.goals.len() - mandate;
            assert!((9..=18).contains(&mandate) && (5..=10).contains(&inward));
            assert_eq!(
                system
                    .org_units
                    .iter()
                    .filter(|u| u.kind == OrgUnitKind::SteeringService)
                    .count(),
                1
            );
            for goal in &system.goals {
                assert!(system.portfolio(&goal.portfolio).is_some());
                for unit in &goal.org_units {
                    assert!(system.org_unit(unit).is_some(), "{unit}");
                }
            }
            assert!(system.resolution.decided_on < system.reporting.first_tertial.cut_off());
        }
        assert_eq!(all[0].system.authority, "Bezirksamt Mitte von Berlin");
        assert!(all[13 * 3].system.authority.contains("synthetisch"));
    }

    #[test]
    fn continued_goals_name_a_goal_of_the_previous_year() {
        let all: Vec<_> = small(3, 0.0).authority_years().collect();
        let mut continued = 0;
        for pair in all.windows(2) {
            let (previous, current) = (&pair[0].system, &pair[1].system);
            if previous.authority != current.authority {
                continue;
            }
            for goal in &current.goals {
                if let Some(predecessor) = &goal.origin.predecessor {
                    continued += 1;
                    let (year, id) = predecessor.split_once('/').unwrap();
                    assert_eq!(year.parse::<i32>().unwrap(), current.year - 1);
                    assert_eq!(previous.goal(id).unwrap().title, goal.title);
                }
            }
        }
        assert!(continued > 100, "{continued}");
    }

    /// Without violations every sheet decodes, is reported by the holder on the day, uses a
    /// forecast allowed in its tertial and names risks where it must.
    #[test]
    fn sheets_fit_their_system() {
        let mut forecasts: HashMap<Forecast, usize> = HashMap::new();
        let (mut late, mut early, mut with_countermeasures, mut total) = (0, 0, 0, 0);
        for ay in small(5, 0.0).authority_years() {
            let system = &ay.system;
            for generated in &ay.sheets {
                assert_eq!(generated.violation, None);
                let sheet: ReportSheet = serde_json::from_str(&generated.json).unwrap();
                total += 1;
                assert!(!generated.json.contains('\n'));
                assert_eq!(sheet.authority, system.authority);
                let goal = system.goal(&sheet.goal).unwrap();
                let (holder, _) = system
                    .holder_on(&goal.portfolio, sheet.submitted_on)
                    .unwrap();
                assert_eq!(holder.id, sheet.reporting_member);
                assert!(sheet.forecast.allowed_in(sheet.tertial.period()));
                if sheet.forecast.is_at_risk() {
                    assert!(!sheet.risks.is_empty());
                } else {
                    assert!(sheet.countermeasures.is_empty());
                }
                for countermeasure in &sheet.countermeasures {
                    assert!(countermeasure.org_units.len() >= 2);
                }
                for value in &sheet.indicator_values {
                    assert!(goal.indicators.iter().any(|i| i.id == value.indicator));
                    assert!(value.value.is_finite());
                }
                *forecasts.entry(sheet.forecast).or_default() += 1;
                late += usize::from(sheet.submitted_on > sheet.tertial.deadline());
                early += usize::from(sheet.submitted_on < sheet.tertial.cut_off());
                with_countermeasures += usize::from(!sheet.countermeasures.is_empty());
            }
        }
        assert!(total > 2000, "{total}");
        for forecast in Forecast::ALL {
            assert!(
                forecasts.get(&forecast).copied().unwrap_or(0) > 20,
                "{forecast:?}"
            );
        }
        assert!(late > total / 50 && late < total / 8, "{late} of {total}");
        assert!(early > 0 && early < total / 20, "{early} of {total}");
        assert!(with_countermeasures > total / 20);
    }

    #[test]
    fn violations_at_the_configured_rate_and_of_every_kind() {
        let mut kinds: HashMap<Violation, usize> = HashMap::new();
        let mut total = 0;
        for ay in small(9, 0.2).authority_years() {
            for generated in &ay.sheets {
                total += 1;
                if let Some(violation) = generated.violation {
                    *kinds.entry(violation).or_default() += 1;
                    let decodes = serde_json::from_str::<ReportSheet>(&generated.json).is_ok();
                    assert_eq!(decodes, !violation.is_schema_level(), "{violation}");
                }
            }
        }
        let violated: usize = kinds.values().sum();
        let rate = violated as f64 / f64::from(total);
        assert!((0.17..0.23).contains(&rate), "{rate}");
        for violation in Violation::ALL {
            assert!(kinds.contains_key(&violation), "{violation} never injected");
        }
    }

    #[test]
    fn roman_numerals_and_tuesdays() {
        assert_eq!(roman_numeral(6), "VI");
        assert_eq!(roman_numeral(14), "XIV");
        let day = tuesday_from(ymd(2022, 1, 27));
        assert_eq!(day.weekday(), Weekday::Tue);
        assert_eq!(day, ymd(2022, 2, 1));
    }
}
