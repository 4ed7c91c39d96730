//! The return letter (Rückgabeschreiben) of the steering service: a sheet goes back to its member
//! with the findings in plain words — each with the field of the Berichtsblatt it concerns, named
//! as the schema and the office form name it, never as a JSON Pointer —, the reviewer's comment and
//! the new due date. Markdown and HTML from the templates `return.md` and `return.html`; every text
//! from a sheet, the system or the reviewer is escaped by the engine.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::schema_for;
use serde::Serialize;
use serde_json::Value;

use super::RenderOptions;
use super::engine::render;
use super::letter::{Head, addressee, steering_service, with_final_newline};
use crate::decode::locate::unescape_token;
use crate::digest::sheet_digest;
use crate::model::report_sheet::ReportSheet;
use crate::model::review_log::{ReviewEntry, ReviewLog};
use crate::model::target_system::TargetSystem;
use crate::rules::catalogue::Code;
use crate::rules::validate_sheet;
use crate::text::german_date;

/// One return letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnLetter {
    /// The goal whose sheet went back.
    pub goal: String,
    /// The member the letter is addressed to; `None` when the portfolio is vacant.
    pub member: Option<String>,
    /// The day the corrected sheet is due.
    pub due_on: NaiveDate,
    /// The digest of the returned version.
    pub digest: String,
    /// The letter as Markdown.
    pub markdown: String,
    /// The letter as a self-contained HTML page.
    pub html: String,
}

/// Why no return letter can be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReturnLetterError {
    /// The log records no return of this goal's sheet.
    #[error(
        "Das Prüfprotokoll verzeichnet keine Rückgabe des Berichtsblatts zu Ziel „{0}“ / the review log records no return of the sheet on goal {0}"
    )]
    NotReturned(String),
    /// The goal is not in the target system.
    #[error("Ziel „{0}“ steht nicht im Zielsystem / goal {0} is not in the target system")]
    UnknownGoal(String),
}

/// What the letter needs beyond the log.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReturnLetterOptions<'a> {
    /// Who signs „Im Auftrag“; without one, the reviewer who recorded the return.
    pub sender: Option<&'a str>,
    /// The file name of the pre-filled form sent with the letter, when one is.
    pub attachment: Option<&'a str>,
    /// How the letter is rendered (the demo marks it as an example).
    pub render: RenderOptions,
}

/// One finding as the member reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlainFinding {
    /// The field of the Berichtsblatt, e.g. „Risiko 1 – Eintrittswahrscheinlichkeit“.
    pub field: String,
    /// What is wrong, in German.
    pub message: String,
    /// The rule code, for questions.
    pub code: String,
}

#[derive(Serialize)]
struct Letter<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    tertial_label: String,
    goal: &'a str,
    goal_title: &'a str,
    submitted: Option<String>,
    findings: Vec<PlainFinding>,
    comment: &'a str,
    due: String,
    attachment: Option<&'a str>,
    digest: &'a str,
    sender: &'a str,
}

/// The latest return of `goal` in `log`: the entry and the digest of the version it sent back.
fn latest_return<'a>(log: &'a ReviewLog, goal: &str) -> Option<(&'a ReviewEntry, &'a str)> {
    let mut current: Option<&str> = None;
    let mut found = None;
    for entry in log.entries.iter().filter(|e| e.occasion().goal == goal) {
        if let Some(digest) = entry.incoming_digest() {
            current = Some(digest);
        }
        if let (ReviewEntry::Returned { .. }, Some(digest)) = (entry, current) {
            found = Some((entry, digest));
        }
    }
    found
}

/// The digest of the version of `goal`'s sheet that the latest return in `log` sent back.
pub fn returned_version<'a>(log: &'a ReviewLog, goal: &str) -> Option<&'a str> {
    latest_return(log, goal).map(|(_, digest)| digest)
}

/// The return letter for the latest return of `goal`'s sheet recorded in `log`.
///
/// The findings listed are those the log names (`findings` of the `returned` entry): each is
/// looked up in the core's validation of the returned version (found among `sheets` by its digest)
/// to name its field and give its message; a code the validation does not reproduce (the
/// reviewer's own judgement) is listed with the rule's summary for the whole sheet. The letter goes
/// to the member who signed the returned sheet, else to the holder of the goal's portfolio on the
/// tertial's deadline.
pub fn return_letter(
    log: &ReviewLog,
    goal: &str,
    system: &TargetSystem,
    sheets: &[ReportSheet],
    options: ReturnLetterOptions<'_>,
) -> Result<ReturnLetter, ReturnLetterError> {
    let target = system
        .goal(goal)
        .ok_or_else(|| ReturnLetterError::UnknownGoal(goal.to_owned()))?;
    let Some((
        ReviewEntry::Returned {
            date,
            reviewer,
            findings: codes,
            comment,
            due_on,
            ..
        },
        digest,
    )) = latest_return(log, goal)
    else {
        return Err(ReturnLetterError::NotReturned(goal.to_owned()));
    };
    let sheet = sheets.iter().find(|sheet| sheet_digest(sheet) == digest);
    let findings = plain_findings(codes, sheet, system, sheets);
    let member_id = sheet.map_or_else(
        || {
            system
                .holder_on(&target.portfolio, log.tertial.deadline())
                .map(|(member, _)| member.id.clone())
        },
        |sheet| Some(sheet.reporting_member.clone()),
    );
    let addressee = addressee(
        system,
        member_id.as_deref(),
        &[target.portfolio.as_str()],
        log.tertial.deadline(),
    );
    let unit = steering_service(system);
    let letter = Letter {
        head: Head {
            example: options.render.example,
            authority: &system.authority,
            sender_unit: unit,
            addressee,
            date: german_date(*date),
        },
        tertial_label: log.tertial.label_de(),
        goal: &target.id,
        goal_title: &target.title,
        submitted: sheet.map(|sheet| german_date(sheet.submitted_on)),
        findings,
        comment,
        due: german_date(*due_on),
        attachment: options.attachment,
        digest,
        sender: options.sender.unwrap_or(reviewer),
    };
    Ok(ReturnLetter {
        goal: target.id.clone(),
        member: member_id,
        due_on: *due_on,
        digest: digest.to_owned(),
        markdown: with_final_newline(render("return.md", &letter)),
        html: render("return.html", &letter),
    })
}

/// The findings named by `codes`, in plain words: the returned sheet's findings with those codes
/// in validation order, then each code the validation does not reproduce.
fn plain_findings(
    codes: &[Code],
    sheet: Option<&ReportSheet>,
    system: &TargetSystem,
    sheets: &[ReportSheet],
) -> Vec<PlainFinding> {
    let found = sheet.map_or_else(Vec::new, |sheet| {
        validate_sheet(sheet, system, sheets).findings
    });
    let mut plain: Vec<PlainFinding> = found
        .iter()
        .filter(|finding| codes.contains(&finding.code))
        .map(|finding| PlainFinding {
            field: field_label(&finding.path),
            message: finding.message.clone(),
            code: finding.code.as_str().to_owned(),
        })
        .collect();
    let mut seen: Vec<Code> = Vec::new();
    for code in codes {
        if seen.contains(code) || found.iter().any(|finding| finding.code == *code) {
            continue;
        }
        seen.push(*code);
        plain.push(PlainFinding {
            field: "Berichtsblatt insgesamt".to_owned(),
            message: code.rule().summary_de.to_owned(),
            code: code.as_str().to_owned(),
        });
    }
    plain
}

/// The field of a report sheet a JSON Pointer names, in the words of the sheet's schema titles
/// (the labels of the office form): `/forecast` → „Risikoorientierte Einschätzung“,
/// `/risks/0/likelihood` → „Risiko 1 – Eintrittswahrscheinlichkeit“,
/// `/countermeasures/1/org_units/0` → „Aktivität zur Gegensteuerung 2 – Beteiligte
/// Organisationseinheiten“. The empty pointer is the whole sheet.
pub fn field_label(pointer: &str) -> String {
    let schema = serde_json::to_value(schema_for!(ReportSheet)).unwrap_or(Value::Null);
    let title = |at: &str| schema.pointer(at).and_then(Value::as_str);
    let mut segments = pointer
        .split('/')
        .skip(1)
        .map(|s| unescape_token(s).map_or_else(|| s.to_owned(), Cow::into_owned));
    let Some(key) = segments.next() else {
        return "Berichtsblatt insgesamt".to_owned();
    };
    let property = format!("/properties/{key}");
    let Some(top) = title(&format!("{property}/title")) else {
        return "Berichtsblatt insgesamt".to_owned();
    };
    let Some(index) = segments.next().and_then(|s| s.parse::<usize>().ok()) else {
        return top.to_owned();
    };
    // A list item: the title of the item type and its number, counted from 1 as on the form.
    let def = schema
        .pointer(&format!("{property}/items/$ref"))
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix("#/$defs/"));
    let Some(def) = def else {
        return format!("{top}, Eintrag {}", index + 1);
    };
    let item = title(&format!("/$defs/{def}/title")).unwrap_or(top);
    let item = format!("{item} {}", index + 1);
    match segments
        .next()
        .and_then(|part| title(&format!("/$defs/{def}/properties/{part}/title")))
    {
        Some(part) => format!("{item} – {part}"),
        None => item,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn fields_in_plain_words() {
        assert_eq!(field_label("/forecast"), "Risikoorientierte Einschätzung");
        assert_eq!(field_label("/rationale"), "Begründung");
        assert_eq!(
            field_label("/risks/0/likelihood"),
            "Risiko 1 – Eintrittswahrscheinlichkeit"
        );
        assert_eq!(
            field_label("/countermeasures/1/org_units/0"),
            "Aktivität zur Gegensteuerung 2 – Beteiligte Organisationseinheiten"
        );
        assert_eq!(field_label("/contributions/2"), "Zielerreichungsbeitrag 3");
        assert_eq!(field_label(""), "Berichtsblatt insgesamt");
        assert_eq!(field_label("/unknown"), "Berichtsblatt insgesamt");
    }

    fn system() -> TargetSystem {
        serde_json::from_str(include_str!("../../../tests/fixtures/report-system.json")).unwrap()
    }

    fn sheet() -> ReportSheet {
        serde_json::from_str(include_str!(
            "../../../tests/fixtures/report-sheet-2022-T1-A01.json"
        ))
        .unwrap()
    }

    fn log(sheet: &ReportSheet, codes: Vec<Code>, comment: &str) -> ReviewLog {
        ReviewLog {
            schema_version: "1".into(),
            authority: sheet.authority.clone(),
            tertial: sheet.tertial,
            entries: vec![
                ReviewEntry::Received {
                    date: "2022-05-20".parse().unwrap(),
                    goal: sheet.goal.clone(),
                    reviewer: "Frau Sommer".into(),
                    digest: sheet_digest(sheet),
                },
                ReviewEntry::Returned {
                    date: "2022-05-25".parse().unwrap(),
                    goal: sheet.goal.clone(),
                    reviewer: "Frau Sommer".into(),
                    findings: codes,
                    comment: comment.into(),
                    due_on: "2022-06-14".parse().unwrap(),
                },
            ],
        }
    }

    #[test]
    fn findings_with_their_field_comment_and_due_date() {
        let system = system();
        let mut sheet = sheet();
        sheet.contributions.clear();
        let log = log(
            &sheet,
            vec![Code::RS10, Code::RS07],
            "Bitte die Datenlage ergänzen.",
        );
        let options = ReturnLetterOptions {
            attachment: Some("A01.xlsx"),
            ..ReturnLetterOptions::default()
        };
        let letter = return_letter(&log, "A01", &system, &[sheet.clone()], options).unwrap();
        assert_eq!(letter.due_on, "2022-06-14".parse().unwrap());
        assert_eq!(letter.digest, sheet_digest(&sheet));
        let md = &letter.markdown;
        assert!(
            md.contains("| Zielerreichungsbeiträge im Berichtszeitraum | Es ist kein"),
            "{md}"
        );
        // RS07 is not reproduced on this sheet: the rule's summary stands for the whole sheet.
        assert!(md.contains("| Berichtsblatt insgesamt |"), "{md}");
        assert!(md.contains("bis zum 14.06.2022"), "{md}");
        assert!(md.contains("Bitte die Datenlage ergänzen."), "{md}");
        assert!(md.contains("Anlage: A01.xlsx"), "{md}");
        assert!(md.contains("Berlin, den 25.05.2022"), "{md}");
        assert!(md.contains("Im Auftrag\\\nFrau Sommer"), "{md}");
        assert!(!md.contains("/contributions"), "{md}");
        assert!(
            !letter.html.contains("Darstellungsfehler"),
            "{}",
            letter.html
        );
        assert!(letter.html.contains("<strong>bis zum 14.06.2022</strong>"));
    }

    #[test]
    fn no_return_no_letter() {
        let system = system();
        let sheet = sheet();
        let mut log = log(&sheet, vec![], "x");
        log.entries.truncate(1);
        assert_eq!(
            return_letter(
                &log,
                "A01",
                &system,
                &[sheet],
                ReturnLetterOptions::default()
            ),
            Err(ReturnLetterError::NotReturned("A01".into()))
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        const HOSTILE: &str = "<script>alert(1)</script> [klick](javascript:alert(1)) {{ 7*7 }} {% if true %}x{% endif %} | **fett** &amp;";
        let mut system = system();
        if let Some(goal) = system.goals.iter_mut().find(|g| g.id == "A01") {
            goal.title = HOSTILE.into();
        }
        let mut sheet = sheet();
        sheet.rationale = HOSTILE.into();
        // A finding whose message quotes the sheet's own text (an unknown org unit).
        if let Some(contribution) = sheet.contributions.first_mut() {
            contribution.org_unit = Some("<b>x</b> [a](b)".into());
        }
        let log = log(
            &sheet,
            vec![Code::RS17],
            &format!("{HOSTILE}\n# Überschrift\n- Liste"),
        );
        let options = ReturnLetterOptions {
            sender: Some(HOSTILE),
            attachment: Some("<img src=x onerror=alert(1)>.xlsx"),
            ..ReturnLetterOptions::default()
        };
        let letter = return_letter(&log, "A01", &system, &[sheet], options).unwrap();
        let html = &letter.html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("{{ 7*7 }}"), "{html}");
        assert!(html.contains("&amp;amp;"), "{html}");
        let md = &letter.markdown;
        assert!(!md.contains("<script>"), "{md}");
        assert!(!md.contains("](javascript"), "{md}");
        assert!(md.contains("\\[klick\\]\\(javascript"), "{md}");
        assert!(md.contains("\\{\\{ 7\\*7 \\}\\}"), "{md}");
        assert!(!md.contains("\n# Überschrift"), "{md}");
        assert!(!md.contains("\n- Liste"), "{md}");
        assert!(!md.contains("Darstellungsfehler"), "{md}");
        assert!(
            md.contains("Zielerreichungsbeitrag 1 – Organisationseinheit"),
            "{md}"
        );
        assert!(
            !html.contains("<b>x</b>") && html.contains("&lt;b&gt;x&lt;"),
            "{html}"
        );
        assert!(!md.contains("<b>") && !md.contains("](b)"), "{md}");
    }
}
