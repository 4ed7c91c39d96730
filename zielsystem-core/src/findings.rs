//! Validation findings: data, not errors. Every surface (Rust, Python, CLI) returns the same shape.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decode::limits::FINDINGS_MAX;
pub use crate::decode::locate::pointer;
pub use crate::rules::catalogue::Severity;
use crate::rules::catalogue::{Code, Entry, Message};

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Befund")]
pub struct Finding {
    /// The stable rule code, e.g. `"RS03"`.
    #[schemars(title = "Regel", description = "Der feste Regelcode, z. B. „RS03“.")]
    pub code: Code,
    /// `error` or `warning`.
    #[schemars(
        title = "Schweregrad",
        description = "„error“ (Fehler) oder „warning“ (Warnung)."
    )]
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) of the offending value; `""` for the whole document.
    #[schemars(
        title = "Fundstelle (JSON Pointer)",
        description = "JSON Pointer (RFC 6901) des beanstandeten Werts; leer für das ganze Dokument."
    )]
    pub path: String,
    /// The message in German.
    #[schemars(title = "Meldung", description = "Die Meldung auf Deutsch.")]
    pub message: String,
    /// The message in English.
    #[schemars(
        title = "Meldung (englisch)",
        description = "Die Meldung auf Englisch."
    )]
    pub message_en: String,
    /// The values that filled the message (the deadline, the holder of the portfolio, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(
        title = "Parameter",
        description = "Die Werte, die in die Meldung eingesetzt wurden (Frist, Amtsinhaber/in, …).",
        extend("default" = {})
    )]
    pub params: BTreeMap<String, String>,
}

impl Finding {
    /// The finding of `message` at `path`: both texts rendered from the message's typed fields,
    /// `params` derived from them; severity from the catalogue.
    pub fn new(message: Message, path: impl Into<String>) -> Self {
        let spec = message.kind().spec();
        let entries = message.into_entries();
        Finding {
            code: spec.code,
            severity: spec.code.rule().severity,
            path: path.into(),
            message: fill(spec.de, &entries, Language::German),
            message_en: fill(spec.en, &entries, Language::English),
            params: entries
                .into_iter()
                .map(|entry| (entry.key, entry.value))
                .collect(),
        }
    }

    /// The same finding with another severity (rules whose severity depends on context, e.g. TR03).
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Whether the finding makes its document invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The language a message is filled for: it decides how dates read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    German,
    English,
}

/// Replaces every `{name}` in `template` by the entry of that key (its German text in a German
/// message, where it has one); unknown names stay as written.
fn fill(template: &str, entries: &[Entry], language: Language) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_brace.find('}') else {
            out.push_str(from_brace);
            rest = "";
            break;
        };
        let name = from_brace.get(1..close).unwrap_or_default();
        match entries.iter().find(|entry| entry.key == name) {
            Some(entry) => out.push_str(match (&entry.german, language) {
                (Some(german), Language::German) => german,
                _ => &entry.value,
            }),
            None => out.push_str(from_brace.get(..=close).unwrap_or_default()),
        }
        rest = from_brace.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The outcome of validating one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Prüfergebnis")]
pub struct ValidationResult {
    /// False exactly when a finding of severity `error` exists.
    #[schemars(title = "Gültig")]
    pub valid: bool,
    /// Every finding, in the order the rules ran.
    #[schemars(title = "Befunde")]
    pub findings: Vec<Finding>,
}

impl ValidationResult {
    /// The result of these findings.
    pub fn from_findings(findings: Vec<Finding>) -> Self {
        ValidationResult {
            valid: !findings.iter().any(Finding::is_error),
            findings,
        }
    }

    /// The codes found, in order, with repetitions.
    pub fn codes(&self) -> Vec<Code> {
        self.findings.iter().map(|finding| finding.code).collect()
    }

    /// Whether a finding of `code` exists.
    pub fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|finding| finding.code == code)
    }

    /// The findings of severity `error`.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| finding.is_error())
    }

    /// The findings of severity `warning`.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| !finding.is_error())
    }
}

/// Findings collected up to [`FINDINGS_MAX`]: the ones beyond are counted, not kept, and
/// [`Capped::into_findings`] ends the list with one `SCHEMA_LIMIT` finding that says how many were
/// left out. Memory for findings stays bounded whatever a hostile document holds.
#[derive(Debug, Default)]
pub(crate) struct Capped {
    findings: Vec<Finding>,
    omitted: usize,
}

impl Capped {
    /// Keeps `finding` while there is room, otherwise counts it.
    pub(crate) fn push(&mut self, finding: Finding) {
        if self.findings.len() < FINDINGS_MAX {
            self.findings.push(finding);
        } else {
            self.omitted += 1;
        }
    }

    /// When no more findings are kept: counts one as left out and says so (`true`), so the caller
    /// need not build it.
    pub(crate) fn skip_if_full(&mut self) -> bool {
        let full = self.findings.len() >= FINDINGS_MAX;
        if full {
            self.omitted += 1;
        }
        full
    }

    /// [`Capped::push`] for each finding.
    pub(crate) fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        for finding in findings {
            self.push(finding);
        }
    }

    /// Takes over the findings of `other`, kept and counted.
    pub(crate) fn absorb(&mut self, other: Capped) {
        self.extend(other.findings);
        self.omitted += other.omitted;
    }

    /// Whether nothing was found.
    pub(crate) fn is_empty(&self) -> bool {
        self.findings.is_empty() && self.omitted == 0
    }

    /// How many findings there were, kept or not.
    pub(crate) fn count(&self) -> usize {
        self.findings.len() + self.omitted
    }

    /// The kept findings, followed by the `SCHEMA_LIMIT` note when some were left out.
    pub(crate) fn into_findings(self) -> Vec<Finding> {
        let mut findings = self.findings;
        if self.omitted > 0 {
            findings.push(Finding::new(
                Message::SchemaLimitFindings {
                    omitted: self.omitted,
                    limit: FINDINGS_MAX,
                },
                "",
            ));
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, value: &str, german: Option<&str>) -> Entry {
        Entry {
            key: key.to_string(),
            value: value.to_string(),
            german: german.map(str::to_string),
        }
    }

    #[test]
    fn fills_known_and_keeps_unknown_placeholders() {
        let entries = [entry("goal", "A01", None)];
        let de = Language::German;
        assert_eq!(
            fill("Ziel {goal} fehlt {x}", &entries, de),
            "Ziel A01 fehlt {x}"
        );
        assert_eq!(fill("offen {", &entries, de), "offen {");
        assert_eq!(fill("{goal}{goal}", &entries, de), "A01A01");
    }

    #[test]
    fn german_messages_show_german_dates_of_date_fields_only() {
        let day = chrono::NaiveDate::from_ymd_opt(2022, 5, 31).unwrap_or_default();
        let finding = Finding::new(
            Message::SubmittedLate {
                submitted_on: day,
                deadline: day,
            },
            "/submitted_on",
        );
        assert_eq!(
            finding.message,
            "Eingereicht am 31.05.2022, nach der Berichtsfrist 31.05.2022."
        );
        assert_eq!(
            finding.message_en,
            "Submitted on 2022-05-31, after the deadline 2022-05-31."
        );
        assert_eq!(
            finding.params.get("deadline").map(String::as_str),
            Some("2022-05-31")
        );
        // A text that merely looks like a date stays as written.
        let text = Finding::new(
            Message::GoalUnknown {
                goal: "2022-05-31".to_string(),
            },
            "/goal",
        );
        assert!(text.message.contains("„2022-05-31“"), "{}", text.message);
    }

    #[test]
    fn valid_iff_no_error() {
        let warning = Finding::new(Message::NoContribution {}, "/contributions");
        assert!(ValidationResult::from_findings(vec![warning.clone()]).valid);
        let error = warning.with_severity(Severity::Error);
        assert!(!ValidationResult::from_findings(vec![error]).valid);
    }

    #[test]
    fn capped_findings_end_with_a_note() {
        let finding = Finding::new(Message::NoContribution {}, "/contributions");
        let mut capped = Capped::default();
        assert!(capped.is_empty());
        capped.extend(std::iter::repeat_n(finding.clone(), FINDINGS_MAX));
        assert_eq!(capped.count(), FINDINGS_MAX);
        assert_eq!(capped.into_findings().len(), FINDINGS_MAX);
        let mut over = Capped::default();
        over.extend(std::iter::repeat_n(finding, FINDINGS_MAX + 7));
        assert_eq!(over.count(), FINDINGS_MAX + 7);
        let findings = over.into_findings();
        assert_eq!(findings.len(), FINDINGS_MAX + 1);
        let note = findings
            .last()
            .map(|f| (f.code, f.params.get("omitted").cloned()));
        assert_eq!(note, Some((Code::SchemaLimit, Some("7".to_string()))));
    }

    #[test]
    fn pointer_escapes_tokens() {
        assert_eq!(pointer("/goals", 3), "/goals/3");
        assert_eq!(pointer("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer("/x", "~/"), "/x/~0~1");
        assert_eq!(pointer("/x", ""), "/x/");
        assert_eq!(pointer("/ä", "ö"), "/ä/ö");
    }
}
