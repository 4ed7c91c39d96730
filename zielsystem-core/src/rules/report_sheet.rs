//! Rules RS01–RS18: a report sheet checked against its target system (and, for RS13, against the
//! earlier sheets of the same goal).

use std::collections::HashMap;

use crate::calendar::Period;
use crate::decode::document::decode_refused;
use crate::decode::limits::{
    FINDINGS_MAX, ID_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS, char_len, is_blank,
};
use crate::decode::{Checked, DocumentSchema};
use crate::document::{Decode, Document};
use crate::findings::{Capped, Finding, ValidationResult};
use crate::model::report_sheet::ReportSheet;
use crate::model::sheet_view::{
    ContributionFields, CountermeasureFields, IndicatorValueFields, RiskFields, SheetFields,
    SheetView,
};
use crate::model::target_system::{Goal, TargetSystem};
use crate::model::vocabulary::{Forecast, Level};
use crate::rules::catalogue::{Forecasts, Message, TertialLabelled};
use crate::text::short;

/// The published JSON Schema of a report sheet, built once.
pub fn schema() -> &'static DocumentSchema {
    ReportSheet::schema()
}

impl Document for ReportSheet {
    /// The target system and the earlier sheets of the same goal, in any order (RS13).
    type Context<'a> = (&'a TargetSystem, &'a [ReportSheet]);

    fn validate(&self, (system, history): Self::Context<'_>) -> ValidationResult {
        validate_sheet(self, system, history)
    }
}

/// Checks a report sheet from raw JSON bytes: schema-level findings when it does not decode,
/// otherwise every rule RS01–RS18 against `system`, with `history` (the earlier sheets of the same
/// goal, in any order) for RS13.
pub fn check_sheet_json(
    bytes: &[u8],
    system: &TargetSystem,
    history: &[ReportSheet],
) -> Checked<ReportSheet> {
    ReportSheet::check(bytes, (system, history))
}

/// Every finding of rules RS01–RS18 on `sheet` against `system`, in rule order.
///
/// `history` holds earlier sheets of the same goal in any order; sheets of other goals, other
/// authorities, other years or later tertials in it are ignored, so passing every sheet at hand is
/// fine.
pub fn validate_sheet(
    sheet: &ReportSheet,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> ValidationResult {
    ValidationResult::from_findings(sheet_findings(sheet, system, history))
}

/// [`validate_sheet`] on a [`SheetView`]: the same rules, the same findings.
pub fn validate_sheet_view(
    sheet: &SheetView<'_>,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> ValidationResult {
    ValidationResult::from_findings(sheet_findings(sheet, system, history))
}

/// Checks a report sheet from raw JSON bytes as [`check_sheet_json`] does, with the same findings,
/// without building the owned sheet: the bytes are read into a [`SheetView`] that borrows its texts,
/// and the rules run on it. Bytes that do not decode take the schema-level pass of
/// [`check_sheet_json`], which reports every problem (and the rules on what decodes of them); the
/// view decodes exactly where typed decoding does, so typed decoding is not tried again.
pub fn validate_sheet_bytes(
    bytes: &[u8],
    system: &TargetSystem,
    history: &[ReportSheet],
) -> ValidationResult {
    let Some(view) = SheetView::decode(bytes) else {
        return refused_sheet(bytes)
            .with_rules(|sheet| validate_sheet(sheet, system, history).findings)
            .result;
    };
    check_sheet_view(&view, system, history)
}

/// RS01–RS18 on a sheet read as a [`SheetView`], as [`check_sheet_json`] reports them for the same
/// bytes: at most [`FINDINGS_MAX`], then one that says how many more there were.
pub(crate) fn check_sheet_view(
    view: &SheetView<'_>,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> ValidationResult {
    let findings = sheet_findings(view, system, history);
    if findings.len() <= FINDINGS_MAX {
        return ValidationResult::from_findings(findings);
    }
    // As `Checked::with_findings` keeps them on the owned path.
    let mut capped = Capped::default();
    capped.extend(findings);
    ValidationResult::from_findings(capped.into_findings())
}

/// The schema-level pass over bytes [`SheetView::decode`] refused: what [`ReportSheet::decode`]
/// gives for them, without trying typed decoding again (the view decodes exactly where it does).
pub(crate) fn refused_sheet(bytes: &[u8]) -> Checked<ReportSheet> {
    decode_refused::<ReportSheet>(bytes, schema())
}

/// The findings of RS01–RS18, in rule order, on any sheet the rules can read.
fn sheet_findings<S: SheetFields>(
    sheet: &S,
    system: &TargetSystem,
    history: &[ReportSheet],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Looked up once: three rules need the goal.
    let goal = system.goal(sheet.goal());
    let context = Context {
        sheet,
        system,
        goal,
    };
    context.rs01_belongs_to_system(&mut findings);
    context.rs02_goal_exists(&mut findings);
    context.rs03_reporter_holds_portfolio(&mut findings);
    context.rs04_rs05_submission_day(&mut findings);
    context.rs06_forecast_allowed(&mut findings);
    context.rs07_risk_named(&mut findings);
    context.rs08_countermeasures_only_at_risk(&mut findings);
    // RS16 is found together with RS09 and reported in its place in rule order.
    let mut one_portfolio = Vec::new();
    context.rs09_rs16_countermeasure_units(&mut findings, &mut one_portfolio);
    context.rs10_contribution_stated(&mut findings);
    context.rs11_forecast_fits_risks(&mut findings);
    context.rs12_indicator_values(&mut findings);
    context.rs13_achieved_stays(history, &mut findings);
    context.rs14_texts(&mut findings);
    context.rs15_deputy(&mut findings);
    findings.append(&mut one_portfolio);
    context.rs17_contribution_units(&mut findings);
    context.rs18_not_achieved_early(&mut findings);
    findings
}

/// Membership in a list of identified items: a scan where that is cheapest (the usual handful),
/// a hash set once scanning could turn quadratic (very many references against a very large
/// system).
struct Known<'a, T> {
    items: &'a [T],
    id: fn(&T) -> &String,
    map: Option<HashMap<&'a str, &'a T>>,
}

impl<'a, T> Known<'a, T> {
    fn new(items: &'a [T], id: fn(&T) -> &String, lookups: usize) -> Self {
        // The first item of an id wins, as in a scan.
        let map = (items.len().saturating_mul(lookups) > 4096).then(|| {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item).as_str()).or_insert(item);
            }
            map
        });
        Known { items, id, map }
    }

    fn get(&self, wanted: &str) -> Option<&'a T> {
        match &self.map {
            Some(map) => map.get(wanted).copied(),
            None => self.items.iter().find(|item| (self.id)(item) == wanted),
        }
    }

    fn contains(&self, wanted: &str) -> bool {
        self.get(wanted).is_some()
    }
}

struct Context<'a, S> {
    sheet: &'a S,
    system: &'a TargetSystem,
    /// The sheet's goal in the system, if it has one.
    goal: Option<&'a Goal>,
}

impl<S: SheetFields> Context<'_, S> {
    fn rs01_belongs_to_system(&self, findings: &mut Vec<Finding>) {
        let (sheet, system) = (self.sheet, self.system);
        if sheet.schema_version() != crate::SCHEMA_VERSION {
            findings.push(Finding::new(
                Message::SheetSchemaVersionUnsupported {
                    version: short(sheet.schema_version()),
                    supported: crate::SCHEMA_VERSION,
                },
                "/schema_version",
            ));
        }
        if sheet.authority() != system.authority {
            findings.push(Finding::new(
                Message::SheetAuthorityMismatch {
                    sheet_authority: short(sheet.authority()),
                    authority: short(&system.authority),
                },
                "/authority",
            ));
        }
        if sheet.tertial().year() != system.year {
            findings.push(Finding::new(
                Message::SheetYearMismatch {
                    tertial: sheet.tertial(),
                    year: system.year,
                },
                "/tertial",
            ));
        } else if sheet.tertial() < system.reporting.first_tertial {
            findings.push(Finding::new(
                Message::SheetTertialBeforeFirst {
                    tertial: sheet.tertial(),
                    first_tertial: system.reporting.first_tertial,
                },
                "/tertial",
            ));
        }
    }

    fn rs02_goal_exists(&self, findings: &mut Vec<Finding>) {
        if self.goal.is_none() {
            findings.push(Finding::new(
                Message::GoalUnknown {
                    goal: short(self.sheet.goal()),
                },
                "/goal",
            ));
        }
    }

    /// Only the member who holds the goal's portfolio on the day of submission reports on it.
    fn rs03_reporter_holds_portfolio(&self, findings: &mut Vec<Finding>) {
        let (sheet, system) = (self.sheet, self.system);
        let Some(member) = system.member(sheet.reporting_member()) else {
            findings.push(Finding::new(
                Message::ReportingMemberUnknown {
                    member: short(sheet.reporting_member()),
                },
                "/reporting_member",
            ));
            return;
        };
        let Some(goal) = self.goal else {
            return; // RS02
        };
        let day = sheet.submitted_on();
        let holds = member
            .terms
            .iter()
            .any(|term| term.portfolio == goal.portfolio && term.covers(day));
        if holds {
            return;
        }
        let (member, portfolio) = (short(&member.id), short(&goal.portfolio));
        let message = match system.holder_on(&goal.portfolio, day) {
            Some((holder, _)) => Message::ReporterNotHolder {
                member,
                date: day,
                portfolio,
                holder: short(&holder.id),
            },
            None => Message::ReporterNotHolderVacant {
                member,
                date: day,
                portfolio,
            },
        };
        findings.push(Finding::new(message, "/reporting_member"));
    }

    fn rs04_rs05_submission_day(&self, findings: &mut Vec<Finding>) {
        let (submitted_on, tertial) = (self.sheet.submitted_on(), self.sheet.tertial());
        if submitted_on < tertial.cut_off() {
            findings.push(Finding::new(
                Message::SubmittedBeforeCutOff {
                    submitted_on,
                    cut_off: tertial.cut_off(),
                },
                "/submitted_on",
            ));
        }
        if submitted_on > tertial.deadline() {
            findings.push(Finding::new(
                Message::SubmittedLate {
                    submitted_on,
                    deadline: tertial.deadline(),
                },
                "/submitted_on",
            ));
        }
    }

    fn rs06_forecast_allowed(&self, findings: &mut Vec<Finding>) {
        let (forecast, tertial) = (self.sheet.forecast(), self.sheet.tertial());
        let period: Period = tertial.period();
        // Admissible by exception (RS18) is admissible here.
        let admissible = |f: Forecast| f.allowed_in(period) || f.exceptional_in(period);
        if admissible(forecast) {
            return;
        }
        let allowed: Vec<Forecast> = Forecast::ALL
            .into_iter()
            .filter(|f| admissible(*f))
            .collect();
        findings.push(Finding::new(
            Message::ForecastNotAllowed {
                label: forecast,
                tertial: TertialLabelled(tertial),
                allowed: Forecasts(allowed),
            },
            "/forecast",
        ));
    }

    fn rs07_risk_named(&self, findings: &mut Vec<Finding>) {
        if self.sheet.forecast().is_at_risk() && self.sheet.risks().is_empty() {
            findings.push(Finding::new(
                Message::RiskMissing {
                    label: self.sheet.forecast(),
                },
                "/risks",
            ));
        }
    }

    /// Countermeasures with a forecast that is not at risk: `achieved` or `on_track`. With
    /// `not_achieved` they are fine (for a goal continued next year, say).
    fn rs08_countermeasures_only_at_risk(&self, findings: &mut Vec<Finding>) {
        let not_at_risk = matches!(
            self.sheet.forecast(),
            Forecast::Achieved | Forecast::OnTrack
        );
        if not_at_risk && !self.sheet.countermeasures().is_empty() {
            findings.push(Finding::new(
                Message::CountermeasureWithoutRisk {
                    label: self.sheet.forecast(),
                },
                "/countermeasures",
            ));
        }
    }

    /// RS09: at least two distinct units, all existing; RS16: those units are not all of one
    /// portfolio (checked only where RS09 holds, so that one problem yields one finding).
    fn rs09_rs16_countermeasure_units(
        &self,
        findings: &mut Vec<Finding>,
        one_portfolio_findings: &mut Vec<Finding>,
    ) {
        let references = self
            .sheet
            .countermeasures()
            .iter()
            .map(|c| c.org_units().len())
            .sum();
        let known = Known::new(&self.system.org_units, |unit| &unit.id, references);
        for (i, countermeasure) in self.sheet.countermeasures().iter().enumerate() {
            let units = countermeasure.org_units();
            // Fewer than two distinct units: none, or every one the same as the first.
            let first = units.first().map(AsRef::as_ref);
            let several = units.iter().any(|unit| Some(unit.as_ref()) != first);
            if !several {
                findings.push(Finding::new(
                    Message::CountermeasureFewOrgUnits {
                        count: usize::from(first.is_some()),
                    },
                    format!("/countermeasures/{i}/org_units"),
                ));
            }
            if several {
                let repeated = units.iter().enumerate().find(|(j, unit)| {
                    units
                        .iter()
                        .take(*j)
                        .any(|earlier| earlier.as_ref() == unit.as_ref())
                });
                if let Some((_, unit)) = repeated {
                    findings.push(Finding::new(
                        Message::CountermeasureRepeatedOrgUnit {
                            org_unit: short(unit.as_ref()),
                        },
                        format!("/countermeasures/{i}/org_units"),
                    ));
                }
            }
            // The one portfolio of every unit so far; `None` once one is unknown or they differ.
            let mut one_portfolio: Option<Option<&str>> = None;
            for (j, unit) in units.iter().enumerate() {
                let unit = unit.as_ref();
                let portfolio = known.get(unit).map(|unit| unit.portfolio.as_str());
                if portfolio.is_none() {
                    findings.push(Finding::new(
                        Message::CountermeasureUnknownOrgUnit {
                            org_unit: short(unit),
                        },
                        format!("/countermeasures/{i}/org_units/{j}"),
                    ));
                }
                one_portfolio = match one_portfolio {
                    None => Some(portfolio),
                    Some(same) => Some(same.filter(|same| Some(*same) == portfolio)),
                };
            }
            if let (true, Some(Some(portfolio))) = (several, one_portfolio) {
                one_portfolio_findings.push(Finding::new(
                    Message::CountermeasureOnePortfolio {
                        portfolio: short(portfolio),
                    },
                    format!("/countermeasures/{i}/org_units"),
                ));
            }
        }
    }

    fn rs10_contribution_stated(&self, findings: &mut Vec<Finding>) {
        if self.sheet.contributions().is_empty() {
            findings.push(Finding::new(Message::NoContribution {}, "/contributions"));
        }
    }

    /// `on_track` despite a risk of high likelihood and high impact; `unlikely` although every risk
    /// named is of low likelihood and low impact.
    fn rs11_forecast_fits_risks(&self, findings: &mut Vec<Finding>) {
        let risks = self.sheet.risks();
        let contradiction = match self.sheet.forecast() {
            Forecast::OnTrack => risks
                .iter()
                .position(|r| r.likelihood() == Level::High && r.impact() == Level::High)
                .map(|i| Message::ForecastContradictsHighRisk {
                    risk: format!("/risks/{i}"),
                }),
            Forecast::Unlikely => (!risks.is_empty()
                && risks
                    .iter()
                    .all(|r| r.likelihood() == Level::Low && r.impact() == Level::Low))
            .then_some(Message::ForecastContradictsLowRisks {}),
            _ => None,
        };
        if let Some(message) = contradiction {
            findings.push(Finding::new(message, "/forecast"));
        }
    }

    fn rs12_indicator_values(&self, findings: &mut Vec<Finding>) {
        let values = self.sheet.indicator_values();
        let goal = self.goal;
        let known = goal.map(|goal| Known::new(&goal.indicators, |ind| &ind.id, values.len()));
        for (i, value) in values.iter().enumerate() {
            if let (Some(goal), Some(known)) = (goal, &known) {
                if !known.contains(value.indicator()) {
                    findings.push(Finding::new(
                        Message::IndicatorUnknown {
                            indicator: short(value.indicator()),
                            goal: short(&goal.id),
                        },
                        format!("/indicator_values/{i}/indicator"),
                    ));
                }
            }
            if !value.value().is_finite() {
                findings.push(Finding::new(
                    Message::IndicatorValueNotFinite {
                        indicator: short(value.indicator()),
                    },
                    format!("/indicator_values/{i}/value"),
                ));
            }
        }
    }

    /// A goal reported `achieved` in an earlier tertial of the year and now reported otherwise.
    fn rs13_achieved_stays(&self, history: &[ReportSheet], findings: &mut Vec<Finding>) {
        let sheet = self.sheet;
        if sheet.forecast() == Forecast::Achieved {
            return;
        }
        let tertial = sheet.tertial();
        let latest_achieved = history
            .iter()
            .filter(|earlier| {
                earlier.goal == sheet.goal()
                    && earlier.authority == sheet.authority()
                    && earlier.tertial.year() == tertial.year()
                    && earlier.tertial < tertial
                    && earlier.forecast == Forecast::Achieved
            })
            .map(|earlier| earlier.tertial)
            .max();
        if let Some(earlier) = latest_achieved {
            findings.push(Finding::new(
                Message::AchievedRevoked {
                    label: sheet.forecast(),
                    goal: short(sheet.goal()),
                    earlier_tertial: TertialLabelled(earlier),
                },
                "/forecast",
            ));
        }
    }

    /// Required texts are not blank; every text field keeps its length limit
    /// ([`crate::decode::limits`]). Paths are built only for findings: the happy path allocates
    /// nothing here.
    fn rs14_texts(&self, findings: &mut Vec<Finding>) {
        const MEMBER: &str = "Berichtendes Bezirksamtsmitglied";
        const UNIT: &str = "Organisationseinheit";
        let sheet = self.sheet;
        let mut check =
            |path: &dyn Fn() -> String, field: &str, text: &str, limit: usize, required: bool| {
                if required && is_blank(text) {
                    findings.push(Finding::new(
                        Message::TextBlank {
                            field: field.to_string(),
                        },
                        path(),
                    ));
                    return;
                }
                // Cheap test first: a text of at most `limit` bytes has at most `limit` characters.
                if text.len() > limit {
                    let length = char_len(text);
                    if length > limit {
                        findings.push(Finding::new(
                            Message::TextTooLong {
                                field: field.to_string(),
                                length,
                                limit,
                            },
                            path(),
                        ));
                    }
                }
            };
        check(
            &|| "/authority".into(),
            "Behörde",
            sheet.authority(),
            NAME_MAX_CHARS,
            true,
        );
        check(
            &|| "/goal".into(),
            "Ziel",
            sheet.goal(),
            ID_MAX_CHARS,
            false,
        );
        check(
            &|| "/reporting_member".into(),
            MEMBER,
            sheet.reporting_member(),
            ID_MAX_CHARS,
            false,
        );
        if let Some(signer) = sheet.signed_by() {
            let field = "Unterzeichnet in Vertretung";
            check(&|| "/signed_by".into(), field, signer, ID_MAX_CHARS, false);
        }
        for (i, contribution) in sheet.contributions().iter().enumerate() {
            let text = &|| format!("/contributions/{i}/text");
            check(
                text,
                "Zielerreichungsbeitrag",
                contribution.text(),
                TEXT_MAX_CHARS,
                true,
            );
            if let Some(unit) = contribution.org_unit() {
                let path = &|| format!("/contributions/{i}/org_unit");
                check(path, UNIT, unit, ID_MAX_CHARS, false);
            }
        }
        for (i, value) in sheet.indicator_values().iter().enumerate() {
            let path = &|| format!("/indicator_values/{i}/indicator");
            check(path, "Kennzahl", value.indicator(), ID_MAX_CHARS, false);
        }
        for (i, risk) in sheet.risks().iter().enumerate() {
            let path = &|| format!("/risks/{i}/description");
            check(path, "Risiko", risk.description(), TEXT_MAX_CHARS, true);
        }
        check(
            &|| "/rationale".into(),
            "Begründung",
            sheet.rationale(),
            TEXT_MAX_CHARS,
            true,
        );
        for (i, countermeasure) in sheet.countermeasures().iter().enumerate() {
            let path = &|| format!("/countermeasures/{i}/description");
            let field = "Aktivität zur Gegensteuerung";
            check(
                path,
                field,
                countermeasure.description(),
                TEXT_MAX_CHARS,
                true,
            );
            for (j, unit) in countermeasure.org_units().iter().enumerate() {
                let path = &|| format!("/countermeasures/{i}/org_units/{j}");
                check(path, UNIT, unit.as_ref(), ID_MAX_CHARS, false);
            }
        }
    }

    /// A deputy who signs in representation is a member in office on the day of submission (any
    /// portfolio: representation follows the Bezirksamt's own rules), and not the reporting member.
    fn rs15_deputy(&self, findings: &mut Vec<Finding>) {
        let sheet = self.sheet;
        let Some(signer) = sheet.signed_by() else {
            return;
        };
        let day = sheet.submitted_on();
        if signer == sheet.reporting_member() {
            findings.push(Finding::new(
                Message::SignerIsReporter {
                    signer: short(signer),
                },
                "/signed_by",
            ));
            return;
        }
        let (shown, date) = (short(signer), day);
        let message = match self.system.member(signer) {
            None => Message::SignerUnknown {
                signer: shown,
                date,
            },
            Some(member) if !member.terms.iter().any(|term| term.covers(day)) => {
                Message::SignerNotInOffice {
                    signer: shown,
                    date,
                }
            }
            Some(_) => return,
        };
        findings.push(Finding::new(message, "/signed_by"));
    }

    /// A contribution's org unit, where one is named, exists (the report shows its name).
    fn rs17_contribution_units(&self, findings: &mut Vec<Finding>) {
        let contributions = self.sheet.contributions();
        let named = contributions
            .iter()
            .filter(|c| c.org_unit().is_some())
            .count();
        if named == 0 {
            return;
        }
        let known = Known::new(&self.system.org_units, |unit| &unit.id, named);
        for (i, contribution) in contributions.iter().enumerate() {
            if let Some(unit) = contribution.org_unit() {
                if !known.contains(unit) {
                    findings.push(Finding::new(
                        Message::ContributionUnknownOrgUnit {
                            org_unit: short(unit),
                        },
                        format!("/contributions/{i}/org_unit"),
                    ));
                }
            }
        }
    }

    /// `not_achieved` before T3: admissible for a goal that can no longer be reached, with a
    /// warning that asks the rationale to say why.
    fn rs18_not_achieved_early(&self, findings: &mut Vec<Finding>) {
        let (forecast, tertial) = (self.sheet.forecast(), self.sheet.tertial());
        if forecast.exceptional_in(tertial.period()) {
            findings.push(Finding::new(
                Message::NotAchievedEarly {
                    tertial: TertialLabelled(tertial),
                },
                "/forecast",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;

    fn system() -> TargetSystem {
        serde_json::from_str(include_str!(
            "../../../tests/fixtures/rules-system-2022.json"
        ))
        .unwrap()
    }

    fn sheet() -> ReportSheet {
        serde_json::from_str(include_str!(
            "../../../tests/fixtures/rules-sheet-a01-t1.json"
        ))
        .unwrap()
    }

    #[test]
    fn the_fixture_sheet_is_clean() {
        let result = validate_sheet(&sheet(), &system(), &[]);
        assert!(result.findings.is_empty(), "{:#?}", result.findings);
    }

    #[test]
    fn non_finite_indicator_values_are_errors() {
        // JSON cannot carry NaN or infinities; a sheet built in code can.
        let mut sheet = sheet();
        sheet.indicator_values[0].value = f64::NAN;
        let result = validate_sheet(&sheet, &system(), &[]);
        assert_eq!(result.codes(), vec![Code::RS12]);
        assert_eq!(result.findings[0].path, "/indicator_values/0/value");
        sheet.indicator_values[0].value = f64::NEG_INFINITY;
        assert!(validate_sheet(&sheet, &system(), &[]).has(Code::RS12));
    }

    #[test]
    fn the_holder_on_the_day_is_named() {
        let mut sheet = sheet();
        sheet.reporting_member = "m-soz".into();
        let result = validate_sheet(&sheet, &system(), &[]);
        assert_eq!(result.codes(), vec![Code::RS03]);
        let finding = &result.findings[0];
        assert_eq!(finding.params["holder"], "m-bzbm");
        assert_eq!(finding.params["date"], "2022-05-20");
        assert_eq!(
            finding.message,
            "„m-soz“ hat am 20.05.2022 den Geschäftsbereich I nicht inne; berichten darf nur „m-bzbm“."
        );
    }

    #[test]
    fn history_of_other_goals_years_and_later_tertials_is_ignored() {
        let mut achieved = sheet();
        achieved.forecast = Forecast::Achieved;
        let mut later = sheet();
        later.tertial = "2022-T2".parse().unwrap();
        later.submitted_on = "2022-09-10".parse().unwrap();
        // Earlier tertial, achieved: RS13.
        assert!(validate_sheet(&later, &system(), std::slice::from_ref(&achieved)).has(Code::RS13));
        // Another goal: ignored.
        let mut other_goal = achieved.clone();
        other_goal.goal = "A02".into();
        assert!(!validate_sheet(&later, &system(), &[other_goal]).has(Code::RS13));
        // The same tertial or a later one: ignored.
        let mut same = achieved.clone();
        same.tertial = later.tertial;
        assert!(!validate_sheet(&later, &system(), &[same]).has(Code::RS13));
        // Achieved again: fine.
        let mut again = later.clone();
        again.forecast = Forecast::Achieved;
        again.countermeasures.clear();
        assert!(!validate_sheet(&again, &system(), &[achieved]).has(Code::RS13));
    }

    /// The fixture system with `count` more units `ou-0`, `ou-1`, … (of portfolio I).
    fn system_with_units(count: usize) -> TargetSystem {
        let mut system = system();
        let template = system.org_units[1].clone();
        for i in 0..count {
            let mut unit = template.clone();
            unit.id = format!("ou-{i}");
            system.org_units.push(unit);
        }
        system
    }

    #[test]
    fn lookups_agree_whether_scanned_or_hashed() {
        let system = system_with_units(100);
        let mut sheet = sheet();
        let mut units: Vec<String> = (0..50).map(|i| format!("ou-{i}")).collect();
        units.push("ou-fehlt".into());
        sheet.countermeasures[0].org_units = units;
        // 105 units × 51 references: the hashed path.
        let result = validate_sheet(&sheet, &system, &[]);
        assert_eq!(result.codes(), vec![Code::RS09]);
        assert_eq!(result.findings[0].path, "/countermeasures/0/org_units/50");
        // A short list against the same system: the scan.
        sheet.countermeasures[0].org_units = vec!["ou-3".into(), "ou-fehlt".into()];
        let result = validate_sheet(&sheet, &system, &[]);
        assert_eq!(result.findings[0].path, "/countermeasures/0/org_units/1");
    }

    #[test]
    fn a_deputy_signs_for_the_holder_and_is_checked_on_the_day() {
        let mut sheet = sheet();
        // m-soz (portfolio V) signs for the mayor on 2022-05-20.
        sheet.signed_by = Some("m-soz".into());
        assert!(validate_sheet(&sheet, &system(), &[]).findings.is_empty());
        // The deputy does not make a non-holder the reporting member: RS03 still applies.
        sheet.reporting_member = "m-schul".into();
        assert_eq!(validate_sheet(&sheet, &system(), &[]).codes(), [Code::RS03]);
        sheet.reporting_member = "m-bzbm".into();
        let cases = [
            (
                "m-bzbm",
                "„m-bzbm“ ist selbst das berichtende Mitglied; „signed_by“ nennt nur eine Vertretung.",
            ),
            (
                "m-stv",
                "„m-stv“ (unterzeichnet in Vertretung) ist kein Bezirksamtsmitglied im Zielsystem.",
            ),
            // m-neu takes office on 2022-10-13.
            (
                "m-neu",
                "„m-neu“ ist am 20.05.2022 nicht im Amt und kann nicht in Vertretung unterzeichnen.",
            ),
        ];
        for (signer, message) in cases {
            sheet.signed_by = Some(signer.into());
            let result = validate_sheet(&sheet, &system(), &[]);
            assert_eq!(result.codes(), [Code::RS15], "{signer}");
            assert_eq!(result.findings[0].path, "/signed_by");
            assert_eq!(result.findings[0].message, message);
        }
    }

    #[test]
    fn rs16_only_where_rs09_holds_and_in_rule_order() {
        let mut sheet = sheet();
        // std and se-fin: two units of portfolio I.
        sheet.countermeasures[0].org_units = vec!["std".into(), "se-fin".into()];
        sheet.contributions[0].org_unit = Some("amt-fehlt".into());
        let result = validate_sheet(&sheet, &system(), &[]);
        assert_eq!(result.codes(), [Code::RS16, Code::RS17]);
        assert_eq!(result.findings[0].path, "/countermeasures/0/org_units");
        assert_eq!(result.findings[0].params["portfolio"], "I");
        assert_eq!(result.findings[1].path, "/contributions/0/org_unit");
        // One unit twice is RS09 alone; an unknown unit too.
        for units in [["std", "std"], ["std", "amt-fehlt"]] {
            sheet.countermeasures[0].org_units = units.map(String::from).to_vec();
            let result = validate_sheet(&sheet, &system(), &[]);
            assert!(
                result.has(Code::RS09) && !result.has(Code::RS16),
                "{units:?}"
            );
        }
    }

    #[test]
    fn the_forecast_scale_per_tertial() {
        let mut sheet = sheet();
        sheet.countermeasures.clear();
        sheet.forecast = Forecast::NotAchieved;
        let result = validate_sheet(&sheet, &system(), &[]);
        assert_eq!(result.codes(), [Code::RS18]);
        assert!(result.valid);
        assert_eq!(
            result.findings[0].message,
            "„Ziel nicht erreicht“ schon im I. Tertial 2022: die Begründung soll darlegen, warum das \
             Ziel bis zum Jahresende nicht mehr erreicht werden kann (z. B. ein verstrichener Termin)."
        );
        sheet.tertial = "2022-T3".parse().unwrap();
        sheet.submitted_on = "2023-01-20".parse().unwrap();
        sheet.reporting_member = "m-schul".into();
        assert!(validate_sheet(&sheet, &system(), &[]).findings.is_empty());
        for forecast in [Forecast::OnTrack, Forecast::AtRisk, Forecast::Unlikely] {
            sheet.forecast = forecast;
            let result = validate_sheet(&sheet, &system(), &[]);
            assert!(result.has(Code::RS06), "{forecast:?}");
            assert!(
                result.findings[0]
                    .message
                    .ends_with("(zulässig: „Ziel erreicht“, „Ziel nicht erreicht“).")
            );
        }
    }

    #[test]
    fn lookups_of_contribution_units_agree_whether_scanned_or_hashed() {
        let system = system_with_units(5000);
        let mut sheet = sheet();
        sheet.contributions[0].org_unit = Some("ou-4999".into());
        assert!(validate_sheet(&sheet, &system, &[]).findings.is_empty());
        sheet.contributions[0].org_unit = Some("ou-5000".into());
        assert_eq!(validate_sheet(&sheet, &system, &[]).codes(), [Code::RS17]);
    }

    #[test]
    fn length_limits_count_characters() {
        let mut sheet = sheet();
        sheet.rationale = "ä".repeat(TEXT_MAX_CHARS);
        assert!(!validate_sheet(&sheet, &system(), &[]).has(Code::RS14));
        sheet.rationale.push('ö');
        let result = validate_sheet(&sheet, &system(), &[]);
        assert_eq!(result.codes(), vec![Code::RS14]);
        assert_eq!(result.findings[0].params["length"], "10001");
        assert_eq!(result.findings[0].path, "/rationale");
    }
}
