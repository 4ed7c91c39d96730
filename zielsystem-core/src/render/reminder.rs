//! Reminder letters of the steering service to a member whose sheets are still missing, overdue
//! or returned and not yet resubmitted (German, formal), as Markdown and HTML from the templates
//! `reminder.md` and `reminder.html`. Every text from the system is escaped by the engine.

use serde::Serialize;

use super::RenderOptions;
use super::engine::render;
use super::letter::{Head, addressee, steering_service, with_final_newline};
use crate::model::target_system::TargetSystem;
use crate::steering::status::{GoalStatus, MemberStatus, ReviewStatus, StatusOverview};
use crate::text::german_date;

/// One reminder letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// The member it goes to; `None` for goals of a vacant portfolio.
    pub member: Option<String>,
    /// The letter as Markdown.
    pub markdown: String,
    /// The letter as a self-contained HTML page.
    pub html: String,
}

#[derive(Serialize)]
struct GoalRow {
    goal: String,
    title: String,
    due: String,
    state: String,
}

#[derive(Serialize)]
struct Letter<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    tertial_label: String,
    goals: Vec<GoalRow>,
    /// When the sheets are asked for: „umgehend“ once a due date has passed, else by the due
    /// date(s).
    by_when: String,
    /// Whether a returned sheet is among them.
    returned: bool,
    escalated: bool,
    grace: u32,
    contact: String,
    sender: &'a str,
}

/// Whether a goal is one to remind of: no sheet yet, or returned and not resubmitted.
fn awaited(member: &MemberStatus) -> impl Iterator<Item = &GoalStatus> {
    member.goals.iter().filter(|goal| {
        goal.submitted_on.is_none() || goal.review_status == Some(ReviewStatus::Returned)
    })
}

/// A reminder per member with at least one awaited sheet in `overview`, signed by `sender` for the
/// steering service of `system` (marked as an example where `options` say so).
pub fn reminders(
    overview: &StatusOverview,
    system: &TargetSystem,
    sender: &str,
    options: RenderOptions,
) -> Vec<Reminder> {
    let unit = steering_service(system);
    overview
        .members
        .iter()
        .filter_map(|member| {
            let goals: Vec<GoalRow> = awaited(member)
                .map(|goal| GoalRow {
                    goal: goal.goal.clone(),
                    title: goal.title.clone(),
                    due: german_date(goal.due_on),
                    // The member reads the state; whom it is escalated to, the closing says.
                    state: GoalStatus {
                        escalate: false,
                        ..goal.clone()
                    }
                    .state_de(),
                })
                .collect();
            if goals.is_empty() {
                return None;
            }
            let mut portfolios: Vec<&str> = Vec::new();
            for goal in awaited(member).filter_map(|goal| system.goal(&goal.goal)) {
                if !portfolios.contains(&goal.portfolio.as_str()) {
                    portfolios.push(&goal.portfolio);
                }
            }
            let addressee = addressee(
                system,
                member.member.as_deref(),
                &portfolios,
                overview.deadline,
            );
            let first_due = awaited(member).map(|goal| goal.due_on).next();
            let shared_due =
                first_due.filter(|due| awaited(member).all(|goal| goal.due_on == *due));
            let by_when = if awaited(member).any(|goal| goal.due_on < overview.as_of) {
                "umgehend".to_owned()
            } else if let Some(due) = shared_due {
                format!("bis zum {}", german_date(due))
            } else {
                "bis zur jeweils genannten Frist".to_owned()
            };
            let letter = Letter {
                head: Head {
                    example: options.example,
                    authority: &overview.authority,
                    sender_unit: unit,
                    addressee,
                    date: german_date(overview.as_of),
                },
                tertial_label: overview.tertial.label_de(),
                by_when,
                returned: awaited(member)
                    .any(|goal| goal.review_status == Some(ReviewStatus::Returned)),
                escalated: awaited(member).any(|goal| goal.escalate),
                goals,
                grace: overview.grace_working_days,
                contact: format!("der {unit}"),
                sender,
            };
            Some(Reminder {
                member: member.member.clone(),
                markdown: with_final_newline(render("reminder.md", &letter)),
                html: render("reminder.html", &letter),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::steering::status::status;

    fn system() -> TargetSystem {
        serde_json::from_str(include_str!("../../../tests/fixtures/report-system.json")).unwrap()
    }

    #[test]
    fn a_letter_per_member_with_awaited_sheets_and_hostile_text_escaped() {
        let mut system = system();
        if let Some(goal) = system.goals.iter_mut().find(|g| g.id == "A04") {
            goal.title = "<script>alert(1)</script> | **fett**".into();
        }
        let overview = status(
            &system,
            "2022-T1".parse().unwrap(),
            "2022-06-09".parse().unwrap(),
            &[],
            None,
            5,
        );
        let letters = reminders(&overview, &system, "Frau Sommer", RenderOptions::default());
        assert_eq!(letters.len(), 4);
        let schule = letters
            .iter()
            .find(|l| l.member.as_deref() == Some("m-schule"))
            .unwrap();
        assert!(
            schule.markdown.contains("Erinnerung"),
            "{}",
            schule.markdown
        );
        assert!(schule.markdown.contains("Büro des Bezirksbürgermeisters"));
        assert!(!schule.html.contains("<script>"), "{}", schule.html);
        assert!(schule.html.contains("&lt;script&gt;"));
        assert!(!schule.markdown.contains("<script>"), "{}", schule.markdown);
        assert!(schule.markdown.contains("\\|"), "{}", schule.markdown);
        assert!(!schule.markdown.contains("Darstellungsfehler"));
        // Past the deadline: without delay; no returned sheet, so no word about corrections.
        assert!(
            schule.markdown.contains("umgehend einzureichen"),
            "{}",
            schule.markdown
        );
        assert!(!schule.markdown.contains("berichtigte Fassung"));
        // A member without a name is addressed by office and portfolio, never by id.
        assert!(!schule.markdown.contains("m-schule"), "{}", schule.markdown);
    }

    #[test]
    fn before_the_deadline_the_letter_asks_for_the_deadline() {
        let system = system();
        let overview = status(
            &system,
            "2022-T1".parse().unwrap(),
            "2022-05-20".parse().unwrap(),
            &[],
            None,
            5,
        );
        let letters = reminders(&overview, &system, "Frau Sommer", RenderOptions::EXAMPLE);
        let letter = letters.first().unwrap();
        assert!(
            letter.markdown.contains("bis zum 31.05.2022 einzureichen"),
            "{}",
            letter.markdown
        );
        assert!(!letter.markdown.contains("umgehend"));
        assert!(letter.markdown.contains("**BEISPIEL**"));
        assert!(letter.html.contains("BEISPIEL"));
        assert!(letter.markdown.ends_with('\n'));
    }
}
