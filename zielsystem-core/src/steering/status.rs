//! Where every goal's sheet of a tertial stands on a given day: per responsible member, each goal
//! with its deadline, its reporting status (the words of the tertial report's `reporting_status`),
//! its review status from the review log, how many working days it is overdue, and the goals to
//! escalate once a grace period of working days has passed.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Tertial;
use crate::model::report_sheet::ReportSheet;
pub use crate::model::review_log::ReviewStatus;
use crate::model::review_log::{ReviewEntry, ReviewLog};
use crate::model::target_system::{Member, TargetSystem};
use crate::model::tertial_report::ReportingStatus;
use crate::rules::review_log::{ReviewState, states};
use crate::steering::holidays::working_days_after;
use crate::text::german_date;

/// The grace period, in working days after a deadline, before a goal is escalated (to the mayor's
/// office), unless the caller sets another.
pub const DEFAULT_GRACE_WORKING_DAYS: u32 = 5;

/// One goal's sheet on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalStatus {
    /// The goal.
    pub goal: String,
    /// Its title.
    pub title: String,
    /// The member responsible on the deadline (the holder of the goal's portfolio); `None` when the
    /// portfolio is vacant.
    pub member: Option<String>,
    /// The day the sheet is due: the tertial's deadline, or the new due date of a returned sheet.
    pub due_on: NaiveDate,
    /// Submitted on time or late, missing (deadline not passed) or overdue.
    pub reporting_status: ReportingStatus,
    /// The day the (first) sheet came in.
    pub submitted_on: Option<NaiveDate>,
    /// Where the sheet stands in the review, when the log knows it.
    pub review_status: Option<ReviewStatus>,
    /// Working days past `due_on` without the sheet (missing or returned and not resubmitted).
    pub overdue_working_days: u32,
    /// Whether the grace period has passed: the goal goes on the escalation list.
    pub escalate: bool,
}

/// The goals one member is responsible for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberStatus {
    /// The member's id; `None` for goals whose portfolio is vacant.
    pub member: Option<String>,
    /// The member's name, where the system gives one.
    pub name: Option<String>,
    /// The office and portfolio(s) the member holds on the deadline, in German (e.g.
    /// „Bezirksstadtrat/-rätin, Geschäftsbereich Soziales und Bürgerdienste“): how a member without
    /// a name is addressed.
    pub office: Option<String>,
    /// The member's goals, in the order of the system.
    pub goals: Vec<GoalStatus>,
}

/// The status overview of a tertial on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusOverview {
    /// The authority.
    pub authority: String,
    /// The tertial reported on.
    pub tertial: Tertial,
    /// The day of the overview.
    pub as_of: NaiveDate,
    /// The tertial's deadline.
    pub deadline: NaiveDate,
    /// The grace period in working days.
    pub grace_working_days: u32,
    /// Per member, in the order of the system's members (vacant portfolios last).
    pub members: Vec<MemberStatus>,
    /// The goals overdue by more than the grace period, in the order of the system.
    pub escalations: Vec<GoalStatus>,
}

/// The status of every goal of `system` for `tertial` on `as_of`.
///
/// A sheet counts from its submission day: sheets of other tertials and sheets submitted after
/// `as_of` are left out, so one set of sheets serves every day of the month. Without a sheet, a
/// `received` entry of the log counts as the submission. The log's entries after `as_of` are left
/// out too.
pub fn status(
    system: &TargetSystem,
    tertial: Tertial,
    as_of: NaiveDate,
    sheets: &[ReportSheet],
    log: Option<&ReviewLog>,
    grace_working_days: u32,
) -> StatusOverview {
    let deadline = tertial.deadline();
    let review = log.map(|log| states(log, Some(as_of))).unwrap_or_default();
    let mut first_in: HashMap<&str, NaiveDate> = HashMap::new();
    for sheet in sheets
        .iter()
        .filter(|s| s.tertial == tertial && s.submitted_on <= as_of)
    {
        let day = first_in
            .entry(sheet.goal.as_str())
            .or_insert(sheet.submitted_on);
        *day = (*day).min(sheet.submitted_on);
    }
    for entry in log.map_or(&[][..], |log| log.entries.as_slice()) {
        if let ReviewEntry::Received { date, goal, .. } = entry {
            if *date <= as_of {
                first_in.entry(goal.as_str()).or_insert(*date);
            }
        }
    }
    let mut goals = Vec::new();
    // Most goals share the tertial's deadline: each due date's count is made once (a span of
    // centuries, a mistyped year, costs its years once, not once per goal).
    let mut overdue_since: HashMap<NaiveDate, u32> = HashMap::new();
    for goal in &system.goals {
        let submitted_on = first_in.get(goal.id.as_str()).copied();
        let review_state = review.get(&goal.id);
        let reporting_status = match submitted_on {
            Some(day) if day <= deadline => ReportingStatus::SubmittedOnTime,
            Some(_) => ReportingStatus::SubmittedLate,
            None if as_of <= deadline => ReportingStatus::Missing,
            None => ReportingStatus::Overdue,
        };
        let review_status = review_state.map(ReviewState::status);
        let due_on = match review_state {
            Some(ReviewState::Returned { due_on, .. }) => *due_on,
            _ => deadline,
        };
        let waiting = submitted_on.is_none() || review_status == Some(ReviewStatus::Returned);
        let overdue_working_days = if waiting {
            *overdue_since
                .entry(due_on)
                .or_insert_with(|| working_days_after(due_on, as_of))
        } else {
            0
        };
        let member = system
            .holder_on(&goal.portfolio, deadline)
            .map(|(member, _)| member.id.clone());
        goals.push(GoalStatus {
            goal: goal.id.clone(),
            title: goal.title.clone(),
            member,
            due_on,
            reporting_status,
            submitted_on,
            review_status,
            overdue_working_days,
            escalate: overdue_working_days > grace_working_days,
        });
    }
    let escalations = goals.iter().filter(|g| g.escalate).cloned().collect();
    let mut members: Vec<MemberStatus> = system
        .members
        .iter()
        .map(|member| MemberStatus {
            member: Some(member.id.clone()),
            name: member.name.clone(),
            office: office_on(system, member, deadline),
            goals: goals
                .iter()
                .filter(|g| g.member.as_deref() == Some(member.id.as_str()))
                .cloned()
                .collect(),
        })
        .filter(|member| !member.goals.is_empty())
        .collect();
    let vacant: Vec<GoalStatus> = goals.into_iter().filter(|g| g.member.is_none()).collect();
    if !vacant.is_empty() {
        members.push(MemberStatus {
            member: None,
            name: None,
            office: None,
            goals: vacant,
        });
    }
    StatusOverview {
        authority: system.authority.clone(),
        tertial,
        as_of,
        deadline,
        grace_working_days,
        members,
        escalations,
    }
}

/// „Bezirksstadtrat/-rätin, Geschäftsbereich …“ for the terms `member` holds on `day`.
fn office_on(system: &TargetSystem, member: &Member, day: NaiveDate) -> Option<String> {
    let terms: Vec<_> = member.terms.iter().filter(|t| t.covers(day)).collect();
    let role = terms.first()?.role.label_de();
    let ids: Vec<&str> = terms.iter().map(|term| term.portfolio.as_str()).collect();
    Some(format!("{role}, {}", portfolios_de(system, &ids)))
}

/// „Geschäftsbereich Soziales und Bürgerdienste“, or „Geschäftsbereiche …; …“ for several: the
/// portfolios by name (by id where the system does not know one).
pub(crate) fn portfolios_de(system: &TargetSystem, ids: &[&str]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            system
                .portfolios
                .iter()
                .find(|p| p.id == *id)
                .map_or(*id, |p| p.name.as_str())
        })
        .collect();
    let area = if names.len() == 1 {
        "Geschäftsbereich"
    } else {
        "Geschäftsbereiche"
    };
    format!("{area} {}", names.join("; "))
}

impl GoalStatus {
    /// The state in German words, e.g. „überfällig seit 3 Arbeitstagen“.
    pub fn state_de(&self) -> String {
        let mut text = match (self.review_status, self.reporting_status) {
            (Some(review), _) => review.label_de().to_owned(),
            (None, status) => status.label_de().to_owned(),
        };
        if self.overdue_working_days > 0 {
            let days = self.overdue_working_days;
            let unit = if days == 1 {
                "Arbeitstag"
            } else {
                "Arbeitstage"
            };
            let _ = write!(text, ", {days} {unit} über der Frist");
        }
        if self.escalate {
            text.push_str(" – Eskalation");
        }
        text
    }
}

impl MemberStatus {
    fn heading(&self) -> String {
        match (&self.member, &self.name, &self.office) {
            (Some(id), Some(name), _) => format!("{name} ({id})"),
            (Some(id), None, Some(office)) => format!("{office} ({id})"),
            (Some(id), None, None) => id.clone(),
            (None, _, _) => "Geschäftsbereich unbesetzt".to_owned(),
        }
    }
}

/// A Markdown table cell: no line breaks, `|` and the characters Markdown would read escaped.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

impl StatusOverview {
    /// Plain text: one block per member, one line per goal, then the escalation list.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Stand der Berichtsblätter {}, {} – Stand {}, Berichtsfrist {}",
            self.authority,
            self.tertial.label_de(),
            german_date(self.as_of),
            german_date(self.deadline)
        );
        for member in &self.members {
            let _ = writeln!(out, "\n{}", member.heading());
            for goal in &member.goals {
                let _ = writeln!(
                    out,
                    "  {} {} – fällig {}: {}",
                    goal.goal,
                    goal.title,
                    german_date(goal.due_on),
                    goal.state_de()
                );
            }
        }
        let _ = writeln!(
            out,
            "\nEskalation (mehr als {} Arbeitstage über der Frist): {}",
            self.grace_working_days,
            if self.escalations.is_empty() {
                "keine".to_owned()
            } else {
                self.escalations
                    .iter()
                    .map(|g| g.goal.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        out
    }

    /// Markdown: a table per member and the escalation list.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Stand der Berichtsblätter – {}\n\n{}, Stand {}; Berichtsfrist {}.",
            self.tertial.label_de(),
            cell(&self.authority),
            german_date(self.as_of),
            german_date(self.deadline)
        );
        for member in &self.members {
            let _ = writeln!(
                out,
                "\n## {}\n\n| Ziel | Titel | fällig am | Eingang | Stand |\n| --- | --- | --- | --- | --- |",
                cell(&member.heading())
            );
            for goal in &member.goals {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&goal.goal),
                    cell(&goal.title),
                    german_date(goal.due_on),
                    goal.submitted_on
                        .map_or_else(|| "–".to_owned(), german_date),
                    goal.state_de()
                );
            }
        }
        let _ = writeln!(
            out,
            "\n## Eskalation\n\nMehr als {} Arbeitstage über der Frist (Berliner Feiertage berücksichtigt):\n",
            self.grace_working_days
        );
        if self.escalations.is_empty() {
            out.push_str("keine\n");
        }
        for goal in &self.escalations {
            let _ = writeln!(
                out,
                "- {} {} ({}): {}",
                cell(&goal.goal),
                cell(&goal.title),
                cell(goal.member.as_deref().unwrap_or("unbesetzt")),
                goal.state_de()
            );
        }
        out
    }
}
