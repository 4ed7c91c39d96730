//! What the templates see: a report turned into German text, pre-formatted (dates, numbers, labels,
//! names instead of ids), shared by the Markdown and the HTML templates. One view per paper — the
//! Bezirksamtsvorlage zur Beschlussfassung ([`decision_view`]) and the Vorlage zur Kenntnisnahme for
//! the council ([`council_view`]) — each with the report as its Anlage ([`appendix`]). User text
//! stays raw here; the template engine escapes it for the output format.

mod appendix;
pub mod indicator;

use serde::Serialize;

pub(crate) use appendix::{AppendixView, appendix_view};

use super::RenderOptions;
use crate::findings::Finding;
use crate::model::paper::{Paper, council_paper, decision_paper};
use crate::model::tertial_report::{Stage, TertialReport};
use crate::model::vocabulary::Light;
use crate::render::text::german_date;
use crate::rules::catalogue::{Codes, Message};

#[derive(Debug, Serialize)]
pub(crate) struct LightView {
    /// `green`, `yellow`, `red` or `none`.
    pub key: &'static str,
    pub label: &'static str,
}

pub(crate) fn light_view(light: Option<Light>) -> LightView {
    match light {
        Some(light) => LightView {
            key: light.as_str(),
            label: light.label_de(),
        },
        None => LightView {
            key: "none",
            label: "kein Bericht",
        },
    }
}

/// A paragraph of a numbered text: `sub` for the numbered countermeasures under a point.
#[derive(Debug, Serialize)]
pub(crate) struct Item {
    pub text: String,
    pub sub: bool,
}

fn items(texts: &[String]) -> Vec<Item> {
    texts
        .iter()
        .map(|text| Item {
            sub: text.split_once(". ").is_some_and(|(head, _)| {
                !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit())
            }),
            text: text.clone(),
        })
        .collect()
}

/// The letterhead, the same on both papers.
#[derive(Debug, Serialize)]
pub(crate) struct Letterhead {
    pub authority: String,
    /// "Beispiel": the demo's documents are examples, not papers of the authority.
    pub example: bool,
    /// "ENTWURF" instead of a number.
    pub draft: bool,
    /// The lines at the right: number, session, date.
    pub meta: Vec<String>,
}

/// The signature: the rapporteur's name where the target system names the member, and office.
#[derive(Debug, Serialize)]
pub(crate) struct Signature {
    pub name: Option<String>,
    pub office: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct EffectsView {
    pub budget: String,
    pub staff: String,
    pub gender_equality: String,
    pub disability: String,
    pub integration: String,
    pub social_space: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct FindingRow {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
}

/// The Bezirksamtsvorlage zur Beschlussfassung.
#[derive(Debug, Serialize)]
pub(crate) struct DecisionView {
    pub letterhead: Letterhead,
    pub number: Option<String>,
    pub meeting_date: Option<String>,
    pub is_draft: bool,
    /// After the decision: when it was taken, and which countermeasures were not adopted.
    pub decision_note: Option<String>,
    pub subject: String,
    pub rapporteur: String,
    pub draft_resolution: Vec<Item>,
    pub publication: &'static str,
    pub staff_involved: &'static str,
    pub staff: Vec<(String, String)>,
    pub justification: String,
    pub legal_basis: String,
    pub effects: EffectsView,
    pub co_signatures: String,
    pub signature: Signature,
    pub findings: Vec<FindingRow>,
    pub appendix: AppendixView,
}

/// The Vorlage zur Kenntnisnahme for the council.
#[derive(Debug, Serialize)]
pub(crate) struct CouncilView {
    pub letterhead: Letterhead,
    pub number: Option<String>,
    pub subject: String,
    pub opener: String,
    pub communication: Vec<Item>,
    pub legal_basis: String,
    pub effects: EffectsView,
    pub signature: Signature,
    /// What the council did, once recorded.
    pub council_record: Option<String>,
    pub appendix: AppendixView,
}

/// The value of an optional text section, "—" when absent.
fn or_dash(text: Option<&String>) -> String {
    text.cloned().unwrap_or_else(|| "—".to_string())
}

fn effects_view(paper: &Paper) -> EffectsView {
    let effects = paper.effects.clone().unwrap_or_default();
    EffectsView {
        budget: or_dash(effects.budget.as_ref()),
        staff: or_dash(effects.staff.as_ref()),
        gender_equality: or_dash(effects.gender_equality.as_ref()),
        disability: or_dash(effects.disability.as_ref()),
        integration: or_dash(effects.integration.as_ref()),
        social_space: or_dash(effects.social_space.as_ref()),
    }
}

fn letterhead(
    report: &TertialReport,
    options: RenderOptions,
    draft: bool,
    meta: Vec<String>,
) -> Letterhead {
    Letterhead {
        authority: report.authority.clone(),
        example: options.example,
        draft,
        meta,
    }
}

fn signature(report: &TertialReport) -> Signature {
    let context = &report.context;
    Signature {
        name: context.rapporteur_name.clone(),
        office: context
            .rapporteur_office
            .clone()
            .or_else(|| context.rapporteur.clone())
            .unwrap_or_else(|| "—".to_string()),
    }
}

fn decision_note(report: &TertialReport) -> Option<String> {
    let decision = report
        .decision
        .as_ref()
        .filter(|_| report.stage.is_final())?;
    let rejected: Vec<String> = report
        .countermeasures
        .iter()
        .enumerate()
        .filter(|(_, item)| !item.is_adopted())
        .map(|(index, _)| (index + 1).to_string())
        .collect();
    let mut note = format!(
        "Beschlossen in der Sitzung des Bezirksamts am {} (Beschluss Nr. {}).",
        german_date(decision.decided_on),
        decision.number
    );
    match rejected.len() {
        0 => {}
        1 => {
            note.push_str(" Nicht beschlossen wurde die Aktivität zur Gegensteuerung Nr. ");
            note.push_str(&rejected.join(""));
            note.push_str(" unter I.");
        }
        _ => {
            note.push_str(" Nicht beschlossen wurden die Aktivitäten zur Gegensteuerung Nr. ");
            note.push_str(&rejected.join(", "));
            note.push_str(" unter I.");
        }
    }
    Some(note)
}

/// The findings the report carries, and, in a draft, the sheets whose errors would refuse the
/// decision (TR05 speaks only at the decision; the steering service should see it coming).
fn finding_rows(report: &TertialReport) -> Vec<FindingRow> {
    let mut rows: Vec<FindingRow> = report
        .findings
        .iter()
        .map(|f| FindingRow {
            code: f.code.as_str(),
            severity: if f.is_error() { "Fehler" } else { "Hinweis" },
            message: f.message.clone(),
        })
        .collect();
    if report.stage == Stage::Draft {
        for entry in report.goals.iter().filter(|e| !e.sheet_errors.is_empty()) {
            let finding = Finding::new(
                Message::DecidedWithSheetErrors {
                    goal: entry.goal.clone(),
                    codes: Codes(entry.sheet_errors.clone()),
                },
                "",
            );
            rows.push(FindingRow {
                code: finding.code.as_str(),
                severity: "Hinweis vor dem Beschluss",
                message: finding.message,
            });
        }
    }
    rows
}

/// The Bezirksamtsvorlage zur Beschlussfassung of `report` (draft or decided).
pub(crate) fn decision_view(report: &TertialReport, options: RenderOptions) -> DecisionView {
    let paper = decision_paper(report);
    let staff = paper.staff_representation.clone().unwrap_or_default();
    let is_draft = report.stage == Stage::Draft;
    let mut meta: Vec<String> = Vec::new();
    meta.extend(paper.number.as_ref().map(|n| format!("Vorlage Nr. {n}")));
    meta.extend(
        paper
            .meeting_date
            .map(|d| format!("für die Sitzung am {}", german_date(d))),
    );
    meta.push(format!("Stand: {}", german_date(report.as_of)));
    DecisionView {
        letterhead: letterhead(report, options, is_draft, meta),
        number: paper.number.clone(),
        meeting_date: paper.meeting_date.map(german_date),
        is_draft,
        decision_note: decision_note(report),
        subject: or_dash(paper.subject.as_ref()),
        rapporteur: or_dash(paper.rapporteur.as_ref()),
        draft_resolution: items(paper.draft_resolution.as_deref().unwrap_or_default()),
        publication: match paper.publication {
            Some(true) => "ja",
            Some(false) => "nein",
            None => "—",
        },
        staff_involved: if staff.involved { "ja" } else { "nein" },
        staff: [
            ("a) Personalrat", staff.staff_council),
            ("b) Frauenvertretung", staff.womens_representative),
            (
                "c) Schwerbehindertenvertretung",
                staff.disability_representative,
            ),
            (
                "d) Jugend- und Auszubildendenvertretung",
                staff.youth_representation,
            ),
        ]
        .into_iter()
        .map(|(label, text)| (label.to_string(), text.unwrap_or_default()))
        .collect(),
        justification: or_dash(paper.justification.as_ref()),
        legal_basis: or_dash(paper.legal_basis.as_ref()),
        effects: effects_view(&paper),
        co_signatures: or_dash(paper.co_signatures.as_ref()),
        signature: signature(report),
        findings: finding_rows(report),
        appendix: appendix_view(report),
    }
}

/// The Vorlage zur Kenntnisnahme for the council of `report`; `None` before the decision.
pub(crate) fn council_view(report: &TertialReport, options: RenderOptions) -> Option<CouncilView> {
    let paper = council_paper(report)?;
    let decision = paper.decision.as_ref()?;
    let council_record = report
        .council
        .as_ref()
        .filter(|_| report.stage == Stage::Noted)
        .map(|c| {
            format!(
                "Beratung in der Bezirksverordnetenversammlung am {}: {}.",
                german_date(c.noted_on),
                c.outcome_de()
            )
        });
    let mut meta: Vec<String> = Vec::new();
    meta.extend(paper.number.as_ref().map(|n| format!("Drucksache Nr. {n}")));
    meta.push(format!(
        "Beschluss des Bezirksamts vom {}",
        german_date(decision.decided_on)
    ));
    Some(CouncilView {
        letterhead: letterhead(report, options, false, meta),
        number: paper.number.clone(),
        subject: or_dash(paper.subject.as_ref()),
        opener: format!(
            "Das Bezirksamt hat am {} beschlossen, der Bezirksverordnetenversammlung Nachfolgendes zur Kenntnis zu bringen:",
            german_date(decision.decided_on)
        ),
        communication: items(paper.communication.as_deref().unwrap_or_default()),
        legal_basis: or_dash(paper.legal_basis.as_ref()),
        effects: effects_view(&paper),
        signature: signature(report),
        council_record,
        appendix: appendix_view(report),
    })
}
