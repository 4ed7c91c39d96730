//! What the steering service's letters share: the steering service's name and the addressee's
//! lines (name, else the office; then the portfolios).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::target_system::TargetSystem;
use crate::model::vocabulary::OrgUnitKind;
use crate::steering::status::portfolios_de;

/// The name of the steering service of `system` („Steuerungsdienst“ when it has none).
pub(crate) fn steering_service(system: &TargetSystem) -> &str {
    system
        .org_units
        .iter()
        .find(|unit| unit.kind == OrgUnitKind::SteeringService)
        .map_or("Steuerungsdienst", |unit| unit.name.as_str())
}

/// The addressee's lines: the member's name, else the office they hold the portfolios in (a member
/// without a name is addressed by office, never by id, where the system knows the office); then
/// the portfolios by name. `None` as member: the portfolios are vacant.
pub(crate) fn addressee(
    system: &TargetSystem,
    member: Option<&str>,
    portfolios: &[&str],
    on: NaiveDate,
) -> Vec<String> {
    let found = member.and_then(|id| system.members.iter().find(|m| m.id == id));
    let office = found
        .and_then(|m| {
            m.terms
                .iter()
                .filter(|term| portfolios.contains(&term.portfolio.as_str()))
                .find(|term| term.covers(on))
                .or_else(|| {
                    m.terms
                        .iter()
                        .find(|term| portfolios.contains(&term.portfolio.as_str()))
                })
        })
        .map(|term| term.role.label_de());
    let name = found
        .and_then(|m| m.name.as_deref())
        .filter(|n| !n.trim().is_empty());
    let first = match (name, office, member) {
        (Some(name), _, _) => name.to_owned(),
        (None, Some(office), _) => office.to_owned(),
        (None, None, Some(id)) => format!("Bezirksamtsmitglied „{id}“"),
        (None, None, None) => "Geschäftsbereich (derzeit unbesetzt)".to_owned(),
    };
    let area = portfolios_de(system, portfolios);
    let second = match (name, office) {
        (Some(_), Some(office)) => format!("{office}, {area}"),
        _ => area,
    };
    vec![first, second]
}

/// A letter file ends with a line break (the engine drops a template's last one).
pub(crate) fn with_final_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// What `letter_head.md` / `.html` show: sender, example mark, addressee, place and date.
#[derive(Serialize)]
pub(crate) struct Head<'a> {
    pub example: bool,
    pub authority: &'a str,
    pub sender_unit: &'a str,
    pub addressee: Vec<String>,
    pub date: String,
}
