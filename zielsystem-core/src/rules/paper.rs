//! Rules BV01–BV04 on a paper (Bezirksamtsvorlage, or the Vorlage zur Kenntnisnahme for the
//! council), each kind with its own sections.

use crate::decode::{Checked, DocumentSchema};
use crate::document::{Decode, Document};
use crate::findings::{Finding, ValidationResult};
use crate::model::paper::{Paper, PaperKind, SECTIONS, Section, section_of};
use crate::numbering::{NumberKind, Numbering};
use crate::rules::catalogue::{Message, Twin};
use crate::rules::numbers::number_finding;

/// The word-processor placeholders of the Bezirksamt's template (BV03), as Word leaves them.
pub const PLACEHOLDERS: [&str; 2] = [
    "Wählen Sie ein Element aus.",
    "Klicken oder tippen Sie hier, um Text einzugeben.",
];

/// The published JSON Schema of a Bezirksamtsvorlage, built once.
pub fn schema() -> &'static DocumentSchema {
    Paper::schema()
}

/// A paper is checked with its authority's numbering (BV01), where the caller knows it: a paper
/// does not name its authority.
impl Document for Paper {
    type Context<'a> = Option<&'a Numbering>;

    fn validate(&self, numbering: Option<&Numbering>) -> ValidationResult {
        validate_paper_with(self, numbering)
    }
}

/// Checks a Bezirksamtsvorlage from raw JSON bytes: schema-level findings when it does not decode,
/// otherwise every rule BV01–BV04, its number in the default form (`Paper::check(bytes,
/// Some(numbering))` checks it against an authority's pattern).
pub fn check_paper_json(bytes: &[u8]) -> Checked<Paper> {
    Paper::check(bytes, None)
}

/// Every finding of BV01–BV04 on `paper`, its number in the default form (`36/VI`).
pub fn validate_paper(paper: &Paper) -> ValidationResult {
    validate_paper_with(paper, None)
}

/// Every finding of BV01–BV04 on `paper`, its number checked against the authority's `numbering`
/// (a paper does not name its authority; the caller that knows it — e.g. from the report's
/// context — passes it).
pub fn validate_paper_with(paper: &Paper, numbering: Option<&Numbering>) -> ValidationResult {
    let mut findings = Vec::new();
    bv01_number(paper, numbering, &mut findings);
    bv02_sections(paper, &mut findings);
    bv03_placeholders(paper, &mut findings);
    bv04_sections_of_kind(paper, &mut findings);
    ValidationResult::from_findings(findings)
}

/// BV01: a number, where one is assigned, is written as the authority writes it (by default
/// `<n>/<Roman numeral>`): the council's paper for information with the council's printed-paper
/// numbers, every other paper with the Bezirksamt's.
fn bv01_number(paper: &Paper, numbering: Option<&Numbering>, findings: &mut Vec<Finding>) {
    let kind = if paper.kind == Some(PaperKind::CouncilInformation) {
        NumberKind::PrintedPaper
    } else {
        NumberKind::Resolution
    };
    if let Some(number) = &paper.number {
        findings.extend(number_finding(
            numbering,
            kind,
            number,
            "/number",
            |number, number_name| Message::PaperNumberMalformed {
                number,
                number_name,
            },
            |number, pattern, example, number_name| Message::PaperNumberNotOfPattern {
                number,
                pattern,
                example,
                number_name,
            },
        ));
    }
}

fn is_blank(text: Option<&String>) -> bool {
    text.is_none_or(|text| text.trim().is_empty())
}

/// BV02: every section of the form is present and not blank (a section that does not apply says
/// "keine").
fn bv02_sections(paper: &Paper, findings: &mut Vec<Finding>) {
    let effects = paper.effects.as_ref();
    let absent = |path: &str| -> bool {
        match path {
            "/kind" => paper.kind.is_none(),
            "/decision" => paper.decision.is_none(),
            "/communication" => paper.communication.as_ref().is_none_or(|items| {
                items.is_empty() || items.iter().all(|item| item.trim().is_empty())
            }),
            "/subject" => is_blank(paper.subject.as_ref()),
            "/rapporteur" => is_blank(paper.rapporteur.as_ref()),
            "/draft_resolution" => paper.draft_resolution.as_ref().is_none_or(|items| {
                items.is_empty() || items.iter().all(|item| item.trim().is_empty())
            }),
            "/publication" => paper.publication.is_none(),
            "/staff_representation" => paper.staff_representation.is_none(),
            "/justification" => is_blank(paper.justification.as_ref()),
            "/legal_basis" => is_blank(paper.legal_basis.as_ref()),
            "/effects" => effects.is_none(),
            "/effects/budget" => effects.is_some_and(|e| is_blank(e.budget.as_ref())),
            "/effects/staff" => effects.is_some_and(|e| is_blank(e.staff.as_ref())),
            "/effects/gender_equality" => {
                effects.is_some_and(|e| is_blank(e.gender_equality.as_ref()))
            }
            "/effects/disability" => effects.is_some_and(|e| is_blank(e.disability.as_ref())),
            "/effects/integration" => effects.is_some_and(|e| is_blank(e.integration.as_ref())),
            "/effects/social_space" => effects.is_some_and(|e| is_blank(e.social_space.as_ref())),
            "/co_signatures" => is_blank(paper.co_signatures.as_ref()),
            _ => false,
        }
    };
    let kind = paper.kind.unwrap_or(PaperKind::Decision);
    for section in SECTIONS.iter().filter(|s| required_in(kind, s)) {
        if absent(section.path) {
            findings.push(Finding::new(
                Message::PaperSectionMissing {
                    section: Twin::new(section.de, section.en),
                },
                section.path,
            ));
        }
    }
}

/// The sections only one kind of paper has: the Bezirksamt's decision and the communication belong
/// to the council's paper for information; the draft resolution, publication, staff participation
/// and co-signatures to the Bezirksamt's own papers. Every other section belongs to every kind.
fn belongs_to(kind: PaperKind, section: &Section) -> bool {
    let council = kind == PaperKind::CouncilInformation;
    match section.path {
        "/decision" | "/communication" => council,
        "/draft_resolution" | "/publication" | "/staff_representation" | "/co_signatures" => {
            !council
        }
        _ => true,
    }
}

/// The sections BV02 requires of a kind: those that belong to it, except the justification of
/// the council's paper (its communication is its text).
fn required_in(kind: PaperKind, section: &Section) -> bool {
    belongs_to(kind, section)
        && !(kind == PaperKind::CouncilInformation && section.path == "/justification")
}

/// BV04: a paper has no section of another kind: the council's paper for information decides
/// nothing, and the Bezirksamt's own papers carry no communication to the council.
fn bv04_sections_of_kind(paper: &Paper, findings: &mut Vec<Finding>) {
    let Some(kind) = paper.kind else {
        return;
    };
    let present = |path: &str| match path {
        "/decision" => paper.decision.is_some(),
        "/communication" => paper.communication.is_some(),
        "/draft_resolution" => paper.draft_resolution.is_some(),
        "/publication" => paper.publication.is_some(),
        "/staff_representation" => paper.staff_representation.is_some(),
        "/co_signatures" => paper.co_signatures.is_some(),
        _ => false,
    };
    for section in SECTIONS.iter().filter(|s| !belongs_to(kind, s)) {
        if present(section.path) {
            findings.push(Finding::new(
                Message::PaperSectionNotOfKind {
                    section: Twin::new(section.de, section.en),
                    kind,
                },
                section.path,
            ));
        }
    }
}

/// BV03: no word-processor placeholder is left in any text of the paper.
fn bv03_placeholders(paper: &Paper, findings: &mut Vec<Finding>) {
    for (path, text) in paper.texts() {
        let section = section_of(&path);
        for placeholder in PLACEHOLDERS {
            if text.contains(placeholder) {
                findings.push(Finding::new(
                    Message::PaperPlaceholder {
                        section: Twin::new(
                            section.map_or("", |s| s.de),
                            section.map_or("", |s| s.en),
                        ),
                        placeholder,
                    },
                    path.clone(),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::Code;
    use crate::model::paper::{Effects, PaperKind, StaffRepresentation};

    fn complete() -> Paper {
        Paper {
            schema_version: "1".into(),
            number: Some("36/VI".into()),
            meeting_date: "2022-02-01".parse().ok(),
            kind: Some(PaperKind::Decision),
            decision: None,
            communication: None,
            subject: Some("Zielsystem für das Kalenderjahr 2022".into()),
            rapporteur: Some("Bezirksbürgermeister".into()),
            draft_resolution: Some(vec!["I. Das Bezirksamt beschließt: …".into()]),
            publication: Some(true),
            staff_representation: Some(StaffRepresentation::default()),
            justification: Some("…".into()),
            legal_basis: Some("§§ 36, 37 Absatz 7, 38 Absatz 2 Bezirksverwaltungsgesetz".into()),
            effects: Some(Effects {
                budget: Some("keine".into()),
                staff: Some("keine".into()),
                gender_equality: Some("keine".into()),
                disability: Some("keine".into()),
                integration: Some("keine".into()),
                social_space: Some("keine".into()),
            }),
            co_signatures: Some("keine".into()),
        }
    }

    #[test]
    fn complete_paper_is_clean() {
        let result = validate_paper(&complete());
        assert!(result.findings.is_empty(), "{:?}", result.findings);
    }

    #[test]
    fn every_missing_section_is_reported_at_once() {
        let paper = Paper {
            schema_version: "1".into(),
            ..Paper::default()
        };
        let result = validate_paper(&paper);
        // Every top-level section; the effects' subsections only exist once `effects` does.
        assert_eq!(result.codes().len(), 10);
        assert!(result.codes().iter().all(|code| *code == Code::BV02));
        assert!(!result.valid);
    }

    #[test]
    fn placeholder_anywhere_is_found_with_its_section() {
        let mut paper = complete();
        paper.draft_resolution = Some(vec![
            "I. …".into(),
            "III. Mit der Durchführung … Wählen Sie ein Element aus.".into(),
        ]);
        paper.staff_representation = Some(StaffRepresentation {
            involved: true,
            staff_council: Some("Klicken oder tippen Sie hier, um Text einzugeben.".into()),
            ..StaffRepresentation::default()
        });
        let result = validate_paper(&paper);
        assert!(result.valid);
        let paths: Vec<&str> = result.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["/draft_resolution/1", "/staff_representation/staff_council"]
        );
        assert!(result.findings[0].message.contains("3. Beschlussentwurf"));
    }

    #[test]
    fn number_follows_the_configured_pattern_of_its_kind() {
        let numbering = Numbering {
            resolution: Some("BA/{number}/{term}".into()),
            printed_paper: Some("DS/{number:4}/{term}".into()),
        };
        let mut paper = complete();
        paper.number = Some("BA/36/VI".into());
        assert!(
            validate_paper_with(&paper, Some(&numbering))
                .findings
                .is_empty()
        );
        assert_eq!(validate_paper(&paper).codes(), vec![Code::BV01]);
        paper.number = Some("36/VI".into());
        let result = validate_paper_with(&paper, Some(&numbering));
        assert_eq!(result.codes(), vec![Code::BV01]);
        assert!(
            result.findings[0].message.contains("„BA/{number}/{term}“"),
            "{}",
            result.findings[0].message
        );
        assert!(result.findings[0].message.contains("„BA/36/VI“"));

        let mut council = complete();
        council.kind = Some(PaperKind::CouncilInformation);
        council.number = Some("DS/0552/VI".into());
        let result = validate_paper_with(&council, Some(&numbering));
        assert!(!result.has(Code::BV01), "{:?}", result.findings);
        council.number = Some("0552/VI".into());
        let result = validate_paper_with(&council, Some(&numbering));
        assert!(result.findings[0].message.contains("Drucksachen-Nr."));
    }

    #[test]
    fn raw_json_is_decoded_then_checked() {
        let mut paper = complete();
        paper.number = Some("36-VI".into());
        let checked = check_paper_json(&serde_json::to_vec(&paper).unwrap());
        assert_eq!(checked.document, Some(paper));
        assert_eq!(checked.result.codes(), vec![Code::BV01]);

        let clean = check_paper_json(&serde_json::to_vec(&complete()).unwrap());
        assert!(clean.result.findings.is_empty() && clean.result.valid);
    }

    #[test]
    fn raw_json_of_another_shape_gives_every_schema_finding_and_no_rule() {
        let checked = check_paper_json(br#"{"schema_version": "1", "kind": "urgent", "extra": 1}"#);
        assert!(checked.document.is_none());
        let codes = checked.result.codes();
        assert!(codes.contains(&Code::SchemaEnum), "{codes:?}");
        assert!(codes.contains(&Code::SchemaUnknownKey), "{codes:?}");
        assert!(!codes.contains(&Code::BV02), "{codes:?}");
        assert!(!checked.result.valid);

        let broken = check_paper_json(b"{");
        assert_eq!(broken.result.codes(), vec![Code::JsonSyntax]);
    }
}
