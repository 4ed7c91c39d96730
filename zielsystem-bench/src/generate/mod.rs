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
use zielsystem_core::{Code, TargetSystem};

use crate::texts::{self};

mod sheets;
mod system;

use sheets::SheetWriter;
use system::build_system;

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
    /// A forecast not allowed in the tertial: `on_track` in T3 (RS06).
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use std::collections::HashMap;
    use zielsystem_core::model::report_sheet::ReportSheet;
    use zielsystem_core::numbering::roman_numeral;
    use zielsystem_core::{Forecast, OrgUnitKind, Perspective};

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
