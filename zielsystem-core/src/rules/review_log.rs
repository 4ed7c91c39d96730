//! Rules RV01–RV04 on a review log: each sheet's events follow received → (returned →
//! resubmitted)* → accepted, and, given the target system and the sheets, nothing is accepted while
//! error findings remain.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::decode::Checked;
use crate::digest::sheet_digest;
use crate::document::Document;
use crate::findings::{Finding, ValidationResult};
use crate::model::report_sheet::ReportSheet;
use crate::model::review_log::{EventKind, ReviewEntry, ReviewLog, ReviewStatus};
use crate::model::target_system::TargetSystem;
use crate::rules::catalogue::{Code, Codes, Message};
use crate::rules::report_sheet::validate_sheet;

/// What a review log is checked against: the target system and the sheets whose digests the log
/// names (any order, any tertial; earlier tertials serve as history for RS13). Without the system,
/// RV02 is not checked; without a version's sheet, neither are RV02 nor its submission day (RV04).
#[derive(Clone, Copy, Debug, Default)]
pub struct ReviewContext<'a> {
    /// The target system the sheets are checked against (RV02).
    pub system: Option<&'a TargetSystem>,
    /// The sheets the log's digests name.
    pub sheets: &'a [ReportSheet],
}

impl Document for ReviewLog {
    type Context<'a> = ReviewContext<'a>;

    fn validate(&self, context: ReviewContext<'_>) -> ValidationResult {
        validate_review_log(self, context)
    }
}

/// Checks a review log from raw JSON bytes: schema-level findings when it does not decode,
/// otherwise every rule RV01–RV04.
pub fn check_review_log_json(bytes: &[u8], context: ReviewContext<'_>) -> Checked<ReviewLog> {
    ReviewLog::check(bytes, context)
}

/// Where a goal's sheet stands after the events read so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewState {
    /// Received (or resubmitted) and not yet decided: the version's digest.
    UnderReview(String),
    /// Returned; a corrected version is awaited by `due_on`.
    Returned {
        /// The returned version's digest.
        digest: String,
        /// The new due date.
        due_on: NaiveDate,
    },
    /// Accepted: the accepted version's digest.
    Accepted(String),
}

impl ReviewState {
    /// The state without its digest.
    pub fn status(&self) -> ReviewStatus {
        match self {
            ReviewState::UnderReview(_) => ReviewStatus::UnderReview,
            ReviewState::Returned { .. } => ReviewStatus::Returned,
            ReviewState::Accepted(_) => ReviewStatus::Accepted,
        }
    }

    /// The digest of the version the state is about.
    pub fn digest(&self) -> &str {
        match self {
            ReviewState::UnderReview(digest)
            | ReviewState::Returned { digest, .. }
            | ReviewState::Accepted(digest) => digest,
        }
    }
}

/// Each goal's state after replaying the log's entries dated on or before `as_of` (all entries
/// when `None`), ignoring events the rules refuse (they leave the state as it was).
pub fn states(log: &ReviewLog, as_of: Option<NaiveDate>) -> HashMap<String, ReviewState> {
    let mut replay = Replay::default();
    for (index, entry) in log.entries.iter().enumerate() {
        if as_of.is_none_or(|day| entry.occasion().date <= day) {
            replay.step(index, entry, &mut Vec::new());
        }
    }
    replay
        .goals
        .into_iter()
        .map(|(goal, seen)| (goal, seen.state))
        .collect()
}

/// The parameters every finding on an entry carries: goal, event (German and English) and date.
/// The goal, the event and its day: what every finding on an entry names.
fn about(entry: &ReviewEntry) -> (String, EventKind, NaiveDate) {
    let at = entry.occasion();
    (at.goal.to_owned(), entry.kind(), at.date)
}

struct Seen {
    state: ReviewState,
    last: EventKind,
    last_date: NaiveDate,
}

#[derive(Default)]
struct Replay {
    goals: HashMap<String, Seen>,
}

impl Replay {
    /// Applies one entry: RV01, RV03 and the order of RV04 (events and dates).
    fn step(&mut self, index: usize, entry: &ReviewEntry, findings: &mut Vec<Finding>) {
        let at = entry.occasion();
        let kind = entry.kind();
        let path = format!("/entries/{index}");
        let Some(seen) = self.goals.get_mut(at.goal) else {
            if let ReviewEntry::Received { digest, .. } = entry {
                self.goals.insert(
                    at.goal.to_owned(),
                    Seen {
                        state: ReviewState::UnderReview(digest.clone()),
                        last: kind,
                        last_date: at.date,
                    },
                );
            } else {
                let (goal, event, date) = about(entry);
                findings.push(Finding::new(
                    Message::ReviewSheetNotReceived { goal, event, date },
                    path,
                ));
            }
            return;
        };
        if at.date < seen.last_date {
            let (goal, event, date) = about(entry);
            findings.push(Finding::new(
                Message::ReviewDateOrder {
                    goal,
                    event,
                    date,
                    previous_date: seen.last_date,
                },
                format!("{path}/date"),
            ));
        }
        let next = match (&seen.state, entry) {
            (ReviewState::UnderReview(digest), ReviewEntry::Returned { due_on, .. }) => {
                Some(ReviewState::Returned {
                    digest: digest.clone(),
                    due_on: *due_on,
                })
            }
            (ReviewState::UnderReview(digest), ReviewEntry::Accepted { .. }) => {
                Some(ReviewState::Accepted(digest.clone()))
            }
            (
                ReviewState::Returned {
                    digest: returned, ..
                },
                ReviewEntry::Resubmitted {
                    digest, replaces, ..
                },
            ) => {
                if replaces != returned {
                    findings.push(Finding::new(
                        Message::ReviewReplacesUnknown {
                            goal: at.goal.to_owned(),
                            replaces: replaces.clone(),
                            returned: returned.clone(),
                        },
                        format!("{path}/replaces"),
                    ));
                }
                if digest == returned || digest == replaces {
                    findings.push(Finding::new(
                        Message::ReviewResubmissionUnchanged {
                            goal: at.goal.to_owned(),
                            date: at.date,
                        },
                        format!("{path}/digest"),
                    ));
                }
                Some(ReviewState::UnderReview(digest.clone()))
            }
            _ => None,
        };
        if let Some(state) = next {
            seen.state = state;
        } else {
            let (goal, event, date) = about(entry);
            findings.push(Finding::new(
                Message::ReviewEventOutOfOrder {
                    goal,
                    event,
                    date,
                    previous: seen.last,
                },
                format!("{path}/event"),
            ));
        }
        seen.last = kind;
        seen.last_date = seen.last_date.max(at.date);
    }
}

/// Every finding of RV01–RV04 on `log`, checked against `context`.
pub fn validate_review_log(log: &ReviewLog, context: ReviewContext<'_>) -> ValidationResult {
    let by_digest: HashMap<String, &ReportSheet> = context
        .sheets
        .iter()
        .map(|sheet| (sheet_digest(sheet), sheet))
        .collect();
    let mut findings = Vec::new();
    let mut replay = Replay::default();
    for (index, entry) in log.entries.iter().enumerate() {
        replay.step(index, entry, &mut findings);
        let at = entry.occasion();
        // The version the event concerns: the one that came in, else the goal's current one.
        let version = entry.incoming_digest().map(str::to_owned).or_else(|| {
            replay
                .goals
                .get(at.goal)
                .map(|seen| seen.state.digest().to_owned())
        });
        let Some(sheet) = version.and_then(|digest| by_digest.get(&digest).copied()) else {
            continue;
        };
        rv04_not_before_submission(index, entry, sheet, &mut findings);
        if let (ReviewEntry::Accepted { .. }, Some(system)) = (entry, context.system) {
            rv02_no_errors_remain(index, entry, sheet, system, context.sheets, &mut findings);
        }
    }
    ValidationResult::from_findings(findings)
}

/// `log` with `entry` appended, or, when the rules find an error at the new entry, every finding
/// about it (the log is then to be left as it was). Errors elsewhere in the log do not block the
/// append: they were there before.
pub fn append_entry(
    log: &ReviewLog,
    entry: ReviewEntry,
    context: ReviewContext<'_>,
) -> Result<ReviewLog, ValidationResult> {
    let mut next = log.clone();
    next.entries.push(entry);
    let index = next.entries.len() - 1;
    let prefix = format!("/entries/{index}");
    let about_new: Vec<Finding> = validate_review_log(&next, context)
        .findings
        .into_iter()
        .filter(|f| f.path == prefix || f.path.starts_with(&format!("{prefix}/")))
        .collect();
    if about_new.iter().any(Finding::is_error) {
        Err(ValidationResult::from_findings(about_new))
    } else {
        Ok(next)
    }
}

/// The entry for a sheet that arrives on `date`: `resubmitted` (replacing the returned version)
/// when the goal's sheet is returned, `received` otherwise.
pub fn arrival(
    log: &ReviewLog,
    date: NaiveDate,
    sheet: &ReportSheet,
    reviewer: &str,
) -> ReviewEntry {
    let digest = sheet_digest(sheet);
    match states(log, None).remove(&sheet.goal) {
        Some(ReviewState::Returned {
            digest: returned, ..
        }) => ReviewEntry::Resubmitted {
            date,
            goal: sheet.goal.clone(),
            reviewer: reviewer.to_owned(),
            digest,
            replaces: returned,
        },
        _ => ReviewEntry::Received {
            date,
            goal: sheet.goal.clone(),
            reviewer: reviewer.to_owned(),
            digest,
        },
    }
}

/// RV04: no event on a version precedes that version's submission.
fn rv04_not_before_submission(
    index: usize,
    entry: &ReviewEntry,
    sheet: &ReportSheet,
    findings: &mut Vec<Finding>,
) {
    let at = entry.occasion();
    if at.date < sheet.submitted_on {
        let (goal, event, date) = about(entry);
        findings.push(Finding::new(
            Message::ReviewBeforeSubmission {
                goal,
                event,
                date,
                submitted_on: sheet.submitted_on,
            },
            format!("/entries/{index}/date"),
        ));
    }
}

/// RV02: the accepted version has no error finding (its earlier tertials' sheets among `sheets`
/// are its history).
fn rv02_no_errors_remain(
    index: usize,
    entry: &ReviewEntry,
    sheet: &ReportSheet,
    system: &TargetSystem,
    sheets: &[ReportSheet],
    findings: &mut Vec<Finding>,
) {
    let history: Vec<ReportSheet> = sheets
        .iter()
        .filter(|other| other.goal == sheet.goal && other.tertial < sheet.tertial)
        .cloned()
        .collect();
    let result = validate_sheet(sheet, system, &history);
    let errors: Vec<Code> = result.errors().map(|f| f.code).collect();
    if !errors.is_empty() {
        // In the order of their spelling, as listed since the first release.
        let mut codes = errors.clone();
        codes.sort_unstable_by_key(|code| code.as_str());
        codes.dedup();
        let at = entry.occasion();
        findings.push(Finding::new(
            Message::ReviewAcceptedWithErrors {
                goal: at.goal.to_owned(),
                date: at.date,
                count: errors.len(),
                codes: Codes(codes),
            },
            format!("/entries/{index}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::rules::catalogue::Code;

    fn log() -> ReviewLog {
        ReviewLog {
            schema_version: "1".into(),
            authority: "Bezirksamt Mitte von Berlin".into(),
            tertial: "2022-T1".parse().unwrap(),
            entries: Vec::new(),
        }
    }

    fn accepted(date: &str) -> ReviewEntry {
        ReviewEntry::Accepted {
            date: date.parse().unwrap(),
            goal: "A01".into(),
            reviewer: "sd".into(),
        }
    }

    #[test]
    fn an_append_the_rules_refuse_names_its_findings() {
        let refused = append_entry(&log(), accepted("2022-05-20"), ReviewContext::default());
        assert_eq!(refused.unwrap_err().codes(), vec![Code::RV01]);
        let received = ReviewEntry::Received {
            date: "2022-05-20".parse().unwrap(),
            goal: "A01".into(),
            reviewer: "sd".into(),
            digest: format!("sha256:{}", "0".repeat(64)),
        };
        let next = append_entry(&log(), received, ReviewContext::default()).unwrap();
        let done = append_entry(&next, accepted("2022-05-21"), ReviewContext::default()).unwrap();
        assert_eq!(done.entries.len(), 2);
        let again = append_entry(&done, accepted("2022-05-22"), ReviewContext::default());
        assert_eq!(again.unwrap_err().codes(), vec![Code::RV04]);
    }

    #[test]
    fn states_replay_up_to_a_day() {
        let digest = format!("sha256:{}", "0".repeat(64));
        let mut log = log();
        log.entries.push(ReviewEntry::Received {
            date: "2022-05-20".parse().unwrap(),
            goal: "A01".into(),
            reviewer: "sd".into(),
            digest: digest.clone(),
        });
        log.entries.push(accepted("2022-05-25"));
        let before = states(&log, "2022-05-24".parse().ok());
        assert_eq!(
            before.get("A01"),
            Some(&ReviewState::UnderReview(digest.clone()))
        );
        assert_eq!(
            states(&log, None).get("A01"),
            Some(&ReviewState::Accepted(digest))
        );
    }
}
