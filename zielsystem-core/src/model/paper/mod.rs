//! The Bezirksamtsvorlage (paper): the fixed form in which the Bezirksamt decides, and in which it
//! passes reports to the council for information (docs/procedure.md, "Zwei Papiere"; Vorlage Nr. 36/VI).
//!
//! Every section of the form is an `Option`, so that a missing section can be reported (BV02)
//! instead of failing to parse; a section that does not apply says "keine".

mod for_report;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::target_system::Resolution;

pub use for_report::{
    council_paper, countermeasure_line, decision_paper, missing_goals_sentence, report_subject,
};

/// A Bezirksamtsvorlage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Bezirksamtsvorlage",
    description = "Vorlage an das Bezirksamt in der festen Form: Nummer, Sitzung, Gegenstand, Berichterstatter/in, Beschlussentwurf, Veröffentlichung, Beteiligung der Beschäftigtenvertretungen, Begründung, Rechtsgrundlage, Auswirkungen und Mitzeichnung."
)]
pub struct Paper {
    /// The version of the JSON contract, `"1"`.
    #[schemars(
        title = "Schema-Version",
        description = "Version des JSON-Vertrags, derzeit „1“."
    )]
    pub schema_version: String,
    /// Number and electoral term, e.g. `"36/VI"`; `null` until the office assigns one.
    #[serde(default)]
    #[schemars(
        title = "Vorlagen-Nr.",
        description = "Nummer und Wahlperiode in römischen Ziffern, z. B. „36/VI“; leer, solange noch keine vergeben ist."
    )]
    pub number: Option<String>,
    /// The day of the Bezirksamt's session.
    #[serde(default, deserialize_with = "crate::model::date::option::deserialize")]
    #[schemars(
        title = "Für die Sitzung am",
        description = "Sitzungstag des Bezirksamts (JJJJ-MM-TT); leer, solange kein Termin feststeht."
    )]
    pub meeting_date: Option<NaiveDate>,
    /// For decision or for information.
    #[serde(default)]
    #[schemars(
        title = "Art der Vorlage",
        description = "Zur Beschlussfassung oder zur Kenntnisnahme."
    )]
    pub kind: Option<PaperKind>,
    /// The Bezirksamt's decision a paper for the council reports (kind `council_information`).
    #[serde(default)]
    #[schemars(
        title = "Beschluss des Bezirksamts",
        description = "Nur in der Vorlage zur Kenntnisnahme an die Bezirksverordnetenversammlung: der Beschluss des Bezirksamts (Vorlagen-Nr. und Datum), mit dem es beschlossen hat, ihr Nachfolgendes zur Kenntnis zu bringen."
    )]
    pub decision: Option<Resolution>,
    /// 1. Gegenstand der Vorlage.
    #[serde(default)]
    #[schemars(
        title = "1. Gegenstand der Vorlage",
        description = "Worüber die Vorlage handelt."
    )]
    pub subject: Option<String>,
    /// 2. Berichterstatter/in.
    #[serde(default)]
    #[schemars(
        title = "2. Berichterstatter/in",
        description = "Das Bezirksamtsmitglied, das die Vorlage einbringt."
    )]
    pub rapporteur: Option<String>,
    /// 3. Beschlussentwurf (the numbered items I., II., …).
    #[serde(default)]
    #[schemars(
        title = "3. Beschlussentwurf",
        description = "Die nummerierten Punkte des Beschlussentwurfs (I., II., …)."
    )]
    pub draft_resolution: Option<Vec<String>>,
    /// Veröffentlichung: ja / nein.
    #[serde(default)]
    #[schemars(
        title = "Veröffentlichung",
        description = "Ob die Vorlage veröffentlicht wird (ja/nein)."
    )]
    pub publication: Option<bool>,
    /// Beteiligung der Beschäftigtenvertretungen.
    #[serde(default)]
    #[schemars(
        title = "Beteiligung der Beschäftigtenvertretungen",
        description = "Beteiligung von Personalrat, Frauenvertretung, Schwerbehindertenvertretung sowie Jugend- und Auszubildendenvertretung."
    )]
    pub staff_representation: Option<StaffRepresentation>,
    /// What is brought to the council's knowledge (kind `council_information`), paragraph by
    /// paragraph, after the opening "Das Bezirksamt hat am … beschlossen, …".
    #[serde(default)]
    #[schemars(
        title = "Mitteilung an die Bezirksverordnetenversammlung",
        description = "Nur in der Vorlage zur Kenntnisnahme an die Bezirksverordnetenversammlung: was ihr zur Kenntnis gebracht wird, Absatz für Absatz."
    )]
    pub communication: Option<Vec<String>>,
    /// 4. Begründung.
    #[serde(default)]
    #[schemars(title = "4. Begründung", description = "Begründung der Vorlage.")]
    pub justification: Option<String>,
    /// 5. Rechtsgrundlage.
    #[serde(default)]
    #[schemars(
        title = "5. Rechtsgrundlage",
        description = "Rechtsgrundlage, z. B. „§§ 36, 37 Absatz 7, 38 Absatz 2 Bezirksverwaltungsgesetz“."
    )]
    pub legal_basis: Option<String>,
    /// 6.–10. Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "6.–10. Auswirkungen",
        description = "Auswirkungen auf Haushalt, Personal, Gleichstellung, Menschen mit Behinderung, Integration und Sozialraum; nicht Zutreffendes lautet „keine“."
    )]
    pub effects: Option<Effects>,
    /// 11. Mitzeichnung(en).
    #[serde(default)]
    #[schemars(
        title = "11. Mitzeichnung(en)",
        description = "Mitzeichnungen anderer Bezirksamtsmitglieder; sonst „keine“."
    )]
    pub co_signatures: Option<String>,
}

pub use crate::model::vocabulary::PaperKind;

/// Participation of the staff representations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Beteiligung der Beschäftigtenvertretungen",
    description = "Beteiligung der Beschäftigtenvertretungen an der Vorlage."
)]
pub struct StaffRepresentation {
    /// Whether any representation is involved (ja / nein).
    #[schemars(
        title = "Beteiligt",
        description = "Ob eine Beschäftigtenvertretung beteiligt ist (ja/nein)."
    )]
    pub involved: bool,
    /// a) Personalrat.
    #[serde(default)]
    #[schemars(
        title = "a) Personalrat",
        description = "Beteiligung des Personalrats; leer, wenn nicht beteiligt."
    )]
    pub staff_council: Option<String>,
    /// b) Frauenvertretung.
    #[serde(default)]
    #[schemars(
        title = "b) Frauenvertretung",
        description = "Beteiligung der Frauenvertretung; leer, wenn nicht beteiligt."
    )]
    pub womens_representative: Option<String>,
    /// c) Schwerbehindertenvertretung.
    #[serde(default)]
    #[schemars(
        title = "c) Schwerbehindertenvertretung",
        description = "Beteiligung der Schwerbehindertenvertretung; leer, wenn nicht beteiligt."
    )]
    pub disability_representative: Option<String>,
    /// d) Jugend- und Auszubildendenvertretung.
    #[serde(default)]
    #[schemars(
        title = "d) Jugend- und Auszubildendenvertretung",
        description = "Beteiligung der Jugend- und Auszubildendenvertretung; leer, wenn nicht beteiligt."
    )]
    pub youth_representation: Option<String>,
}

/// The effects the form asks for (sections 6–10).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Auswirkungen",
    description = "Die Auswirkungen der Abschnitte 6 bis 10; nicht Zutreffendes lautet „keine“."
)]
pub struct Effects {
    /// 6.1 Auswirkungen auf Einnahmen und Ausgaben.
    #[serde(default)]
    #[schemars(
        title = "6.1 Auswirkungen auf Einnahmen und Ausgaben",
        description = "Auswirkungen auf Einnahmen und Ausgaben des Haushaltsplans; sonst „keine“."
    )]
    pub budget: Option<String>,
    /// 6.2 Personalwirtschaftliche Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "6.2 Personalwirtschaftliche Auswirkungen",
        description = "Personalwirtschaftliche Auswirkungen; sonst „keine“."
    )]
    pub staff: Option<String>,
    /// 7. Gleichstellungsrelevante Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "7. Gleichstellungsrelevante Auswirkungen",
        description = "Gleichstellungsrelevante Auswirkungen; sonst „keine“."
    )]
    pub gender_equality: Option<String>,
    /// 8. Behindertenrelevante Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "8. Behindertenrelevante Auswirkungen",
        description = "Behindertenrelevante Auswirkungen; sonst „keine“."
    )]
    pub disability: Option<String>,
    /// 9. Integrationsrelevante Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "9. Integrationsrelevante Auswirkungen",
        description = "Integrationsrelevante Auswirkungen; sonst „keine“."
    )]
    pub integration: Option<String>,
    /// 10. Sozialraumrelevante Auswirkungen.
    #[serde(default)]
    #[schemars(
        title = "10. Sozialraumrelevante Auswirkungen",
        description = "Sozialraumrelevante Auswirkungen; sonst „keine“."
    )]
    pub social_space: Option<String>,
}

/// A section of the form, as BV02 and BV03 name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Section {
    /// JSON Pointer of the section in the paper.
    pub path: &'static str,
    /// German name on the form.
    pub de: &'static str,
    /// English name.
    pub en: &'static str,
}

/// Every section of the form, in the form's order.
#[rustfmt::skip]
pub const SECTIONS: [Section; 18] = [
    Section { path: "/kind", de: "Art der Vorlage", en: "kind of paper" },
    Section { path: "/decision", de: "Beschluss des Bezirksamts", en: "the Bezirksamt's decision" },
    Section { path: "/subject", de: "1. Gegenstand der Vorlage", en: "1. subject" },
    Section { path: "/rapporteur", de: "2. Berichterstatter/in", en: "2. rapporteur" },
    Section { path: "/draft_resolution", de: "3. Beschlussentwurf", en: "3. draft resolution" },
    Section { path: "/communication", de: "Mitteilung an die Bezirksverordnetenversammlung", en: "communication to the council" },
    Section { path: "/publication", de: "Veröffentlichung", en: "publication" },
    Section { path: "/staff_representation", de: "Beteiligung der Beschäftigtenvertretungen", en: "participation of staff representations" },
    Section { path: "/justification", de: "4. Begründung", en: "4. justification" },
    Section { path: "/legal_basis", de: "5. Rechtsgrundlage", en: "5. legal basis" },
    Section { path: "/effects", de: "Auswirkungen (6.–10.)", en: "effects (6–10)" },
    Section { path: "/effects/budget", de: "6.1 Auswirkungen auf Einnahmen und Ausgaben", en: "6.1 effects on revenue and expenditure" },
    Section { path: "/effects/staff", de: "6.2 Personalwirtschaftliche Auswirkungen", en: "6.2 effects on staff" },
    Section { path: "/effects/gender_equality", de: "7. Gleichstellungsrelevante Auswirkungen", en: "7. effects on gender equality" },
    Section { path: "/effects/disability", de: "8. Behindertenrelevante Auswirkungen", en: "8. effects on people with disabilities" },
    Section { path: "/effects/integration", de: "9. Integrationsrelevante Auswirkungen", en: "9. effects on integration" },
    Section { path: "/effects/social_space", de: "10. Sozialraumrelevante Auswirkungen", en: "10. effects on social space" },
    Section { path: "/co_signatures", de: "11. Mitzeichnung(en)", en: "11. co-signatures" },
];

impl Paper {
    /// Every text of the paper's sections with the JSON Pointer it sits at, for checks over all text.
    pub fn texts(&self) -> Vec<(String, &str)> {
        fn push<'a>(texts: &mut Vec<(String, &'a str)>, path: &str, text: Option<&'a String>) {
            if let Some(text) = text {
                texts.push((path.to_string(), text.as_str()));
            }
        }
        let mut texts: Vec<(String, &str)> = Vec::new();
        push(&mut texts, "/subject", self.subject.as_ref());
        push(&mut texts, "/rapporteur", self.rapporteur.as_ref());
        for (index, item) in self.draft_resolution.iter().flatten().enumerate() {
            push(
                &mut texts,
                &format!("/draft_resolution/{index}"),
                Some(item),
            );
        }
        for (index, item) in self.communication.iter().flatten().enumerate() {
            push(&mut texts, &format!("/communication/{index}"), Some(item));
        }
        if let Some(staff) = &self.staff_representation {
            push(
                &mut texts,
                "/staff_representation/staff_council",
                staff.staff_council.as_ref(),
            );
            push(
                &mut texts,
                "/staff_representation/womens_representative",
                staff.womens_representative.as_ref(),
            );
            push(
                &mut texts,
                "/staff_representation/disability_representative",
                staff.disability_representative.as_ref(),
            );
            push(
                &mut texts,
                "/staff_representation/youth_representation",
                staff.youth_representation.as_ref(),
            );
        }
        push(&mut texts, "/justification", self.justification.as_ref());
        push(&mut texts, "/legal_basis", self.legal_basis.as_ref());
        if let Some(effects) = &self.effects {
            push(&mut texts, "/effects/budget", effects.budget.as_ref());
            push(&mut texts, "/effects/staff", effects.staff.as_ref());
            push(
                &mut texts,
                "/effects/gender_equality",
                effects.gender_equality.as_ref(),
            );
            push(
                &mut texts,
                "/effects/disability",
                effects.disability.as_ref(),
            );
            push(
                &mut texts,
                "/effects/integration",
                effects.integration.as_ref(),
            );
            push(
                &mut texts,
                "/effects/social_space",
                effects.social_space.as_ref(),
            );
        }
        push(&mut texts, "/co_signatures", self.co_signatures.as_ref());
        texts
    }
}

/// The section of the form a JSON Pointer lies in (the longest matching section path).
pub fn section_of(path: &str) -> Option<&'static Section> {
    SECTIONS
        .iter()
        .filter(|section| {
            path == section.path
                || path
                    .strip_prefix(section.path)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
        .max_by_key(|section| section.path.len())
}

/// What a section that does not apply says.
pub const NONE: &str = "keine";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn kind_as_str_is_its_json_value() {
        for kind in [PaperKind::Decision, PaperKind::Information] {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.as_str())
            );
        }
    }
}
