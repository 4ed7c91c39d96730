//! The two papers of a tertial report (docs/procedure.md: "two papers, as always in Berlin"):
//! the Bezirksamtsvorlage zur Beschlussfassung, by which the Bezirksamt takes note of the report,
//! decides on the proposed countermeasures and passes the report on; and, after that decision, the
//! Vorlage zur Kenntnisnahme for the council, which decides nothing.

use super::{Effects, NONE, Paper, PaperKind, StaffRepresentation};
use crate::model::tertial_report::{LegalBasis, ReportCountermeasure, TertialReport};
use crate::model::vocabulary::Light;
use crate::text::german_date;

/// The subject of the report on a tertial, e.g. "Bericht über das Erreichen der Ziele des
/// Zielsystems 2022 zum Ende des I. Tertials".
pub fn report_subject(report: &TertialReport) -> String {
    format!(
        "Bericht über das Erreichen der Ziele des Zielsystems {} zum Ende des {}. Tertials",
        report.tertial.year(),
        report.tertial.period().roman()
    )
}

/// One countermeasure as the papers name it: goal, title, what, and who is involved.
pub fn countermeasure_line(report: &TertialReport, item: &ReportCountermeasure) -> String {
    let title = report
        .goal(&item.goal)
        .map_or("", |entry| entry.title.as_str());
    let units: Vec<&str> = item
        .org_units
        .iter()
        .map(|id| report.org_unit_name(id))
        .collect();
    format!(
        "Ziel {} „{title}“: {} (beteiligt: {})",
        item.goal,
        item.description.trim_end_matches('.'),
        units.join(", ")
    )
}

/// The sentence that names the goals without a sheet (TR03), or `None` when every goal has one.
pub fn missing_goals_sentence(report: &TertialReport) -> Option<String> {
    let missing: Vec<String> = report
        .goals
        .iter()
        .filter(|entry| !entry.reporting_status.is_submitted())
        .map(|entry| {
            format!(
                "{} „{}“ (Geschäftsbereich {}, {})",
                entry.goal,
                entry.title,
                entry.portfolio,
                entry.reporting_status.label_de()
            )
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    let (lead, sheets, later) = if missing.len() == 1 {
        (
            "Zu folgendem Ziel liegt",
            "noch kein Berichtsblatt",
            "es wird",
        )
    } else {
        (
            "Zu folgenden Zielen liegen",
            "noch keine Berichtsblätter",
            "sie werden",
        )
    };
    Some(format!(
        "{lead} zum Stand {} {sheets} vor: {}. Der Bericht wird gleichwohl vorgelegt; {later} nachgereicht.",
        german_date(report.as_of),
        missing.join("; ")
    ))
}

fn summary(report: &TertialReport) -> String {
    let with_light = |light: Light| report.light_count(light);
    format!(
        "Mit Stand {} liegen Berichtsblätter zu {} von {} Zielen vor: {} grün, {} gelb, {} rot.",
        german_date(report.as_of),
        report.submitted_count(),
        report.goals.len(),
        with_light(Light::Green),
        with_light(Light::Yellow),
        with_light(Light::Red),
    )
}

fn effects_none() -> Effects {
    Effects {
        budget: Some(NONE.into()),
        staff: Some(NONE.into()),
        gender_equality: Some(NONE.into()),
        disability: Some(NONE.into()),
        integration: Some(NONE.into()),
        social_space: Some(NONE.into()),
    }
}

fn legal_basis(report: &TertialReport) -> LegalBasis {
    report.context.legal_basis.clone().unwrap_or_default()
}

/// The Bezirksamtsvorlage zur Beschlussfassung on the report: the Bezirksamt takes note of the
/// report, adopts the proposed countermeasures (each named), passes the report to the council and
/// charges all portfolios with carrying the decision out. Its number and meeting date are the
/// decision's once decided.
pub fn decision_paper(report: &TertialReport) -> Paper {
    let year = report.tertial.year();
    let roman = report.tertial.period().roman();
    let take_note = format!(
        "I. Das Bezirksamt nimmt den Bericht über das Erreichen der Ziele des Zielsystems {year} zum Ende des {roman}. Tertials (Berichtsstichtag {}) zur Kenntnis (Anlage)",
        german_date(report.tertial.cut_off())
    );
    let mut draft_resolution = Vec::new();
    if report.countermeasures.is_empty() {
        draft_resolution.push(format!("{take_note}."));
    } else {
        draft_resolution.push(format!(
            "{take_note} und beschließt die folgenden Aktivitäten zur Gegensteuerung:"
        ));
        for (index, item) in report.countermeasures.iter().enumerate() {
            draft_resolution.push(format!(
                "{}. {}",
                index + 1,
                countermeasure_line(report, item)
            ));
        }
    }
    draft_resolution.push(
        "II. Der Bericht wird der Bezirksverordnetenversammlung zur Kenntnis gegeben.".to_string(),
    );
    draft_resolution.push(
        "III. Mit der Durchführung des Beschlusses werden alle Geschäftsbereiche beauftragt."
            .to_string(),
    );
    let mut justification = format!(
        "Mit Beschluss vom {} (Vorlage Nr. {}) hat das Bezirksamt das Zielsystem für das Kalenderjahr {year} festgelegt. Über das Erreichen der Ziele berichtet jeweils das ressortverantwortliche Bezirksamtsmitglied zum Ende eines jeden Tertials innerhalb des darauffolgenden Monats; der Steuerungsdienst fasst die Berichtsbeiträge in einem einheitlichen Bericht zusammen. Zum Ende des {roman}. Tertials (Berichtsstichtag {}, Berichtsfrist {}) gilt: {}",
        german_date(report.context.resolution.decided_on),
        report.context.resolution.number,
        german_date(report.tertial.cut_off()),
        german_date(report.tertial.deadline()),
        summary(report),
    );
    if let Some(sentence) = missing_goals_sentence(report) {
        justification.push(' ');
        justification.push_str(&sentence);
    }
    if !report.countermeasures.is_empty() {
        justification.push_str(" Wo die Zielerreichung gefährdet ist, schlagen die berichtenden Bezirksamtsmitglieder Aktivitäten zur Gegensteuerung vor, deren Umsetzung einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedarf; über sie entscheidet das Bezirksamt.");
    }
    Paper {
        schema_version: crate::SCHEMA_VERSION.to_string(),
        number: report.decision.as_ref().map(|d| d.number.clone()),
        meeting_date: report.decision.as_ref().map(|d| d.decided_on),
        kind: Some(PaperKind::Decision),
        decision: None,
        subject: Some(report_subject(report)),
        rapporteur: report.context.rapporteur.clone(),
        draft_resolution: Some(draft_resolution),
        communication: None,
        publication: Some(true),
        staff_representation: Some(StaffRepresentation {
            involved: false,
            ..StaffRepresentation::default()
        }),
        justification: Some(justification),
        legal_basis: Some(legal_basis(report).decision),
        effects: Some(effects_none()),
        co_signatures: Some(NONE.into()),
    }
}

/// The Vorlage zur Kenntnisnahme for the council, once the Bezirksamt has decided (`None` for a
/// draft): it decides nothing; it brings the report (as Anlage) and the countermeasures as decided
/// to the council's knowledge. Its number and meeting date are the council's, where recorded.
pub fn council_paper(report: &TertialReport) -> Option<Paper> {
    let decision = report
        .decision
        .as_ref()
        .filter(|_| report.stage.is_final())?;
    let mut communication = vec![
        format!(
            "Das Bezirksamt hat den {} (Berichtsstichtag {}) zur Kenntnis genommen. Der Bericht ist als Anlage beigefügt.",
            report_subject(report),
            german_date(report.tertial.cut_off())
        ),
        summary(report),
    ];
    communication.extend(missing_goals_sentence(report));
    let adopted: Vec<&ReportCountermeasure> = report
        .countermeasures
        .iter()
        .filter(|item| item.is_adopted())
        .collect();
    let rejected: Vec<&ReportCountermeasure> = report
        .countermeasures
        .iter()
        .filter(|item| !item.is_adopted())
        .collect();
    if adopted.is_empty() {
        communication.push(
            "Aktivitäten zur Gegensteuerung hat das Bezirksamt nicht beschlossen.".to_string(),
        );
    } else {
        communication.push(
            "Das Bezirksamt hat folgende Aktivitäten zur Gegensteuerung beschlossen:".to_string(),
        );
        for (index, item) in adopted.iter().enumerate() {
            communication.push(format!(
                "{}. {}",
                index + 1,
                countermeasure_line(report, item)
            ));
        }
    }
    if !rejected.is_empty() {
        communication.push(
            "Nicht beschlossen hat das Bezirksamt die folgenden vorgeschlagenen Aktivitäten:"
                .to_string(),
        );
        for (index, item) in rejected.iter().enumerate() {
            communication.push(format!(
                "{}. {}",
                index + 1,
                countermeasure_line(report, item)
            ));
        }
    }
    let council = report.council.as_ref();
    Some(Paper {
        schema_version: crate::SCHEMA_VERSION.to_string(),
        number: council.and_then(|c| c.number.clone()),
        meeting_date: council.map(|c| c.noted_on),
        kind: Some(PaperKind::CouncilInformation),
        decision: Some(decision.clone()),
        subject: Some(report_subject(report)),
        rapporteur: report.context.rapporteur.clone(),
        draft_resolution: None,
        communication: Some(communication),
        publication: None,
        staff_representation: None,
        justification: None,
        legal_basis: Some(legal_basis(report).information),
        effects: Some(effects_none()),
        co_signatures: None,
    })
}
