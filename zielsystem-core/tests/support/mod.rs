//! Shared by the integration tests: the repository's folders and fixtures, the strict reading of a case folder and the check that every way
//! a rule can fail ([`Message`]) is produced by a case (the conformance runners), and when a test of
//! a generated file may rewrite it ([`bless`]).
#![allow(dead_code)] // Each test file uses its part.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use regex::Regex;
use zielsystem_core::Message;
use zielsystem_core::rules::catalogue::DocumentKind;
use zielsystem_core::{Code, Finding, TargetSystem};

/// The case folders of `tests/cases/<kind>/`, sorted. Every sub-folder must hold an `expect.json`: a
/// folder without one is a case nobody runs, so it fails the run instead of being skipped.
pub fn case_folders(kind_dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(kind_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", kind_dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    let orphans: Vec<String> = dirs
        .iter()
        .filter(|dir| !dir.join("expect.json").is_file())
        .map(|dir| dir.display().to_string())
        .collect();
    assert!(
        orphans.is_empty(),
        "case folders without expect.json:\n  {}",
        orphans.join("\n  ")
    );
    dirs
}

/// Every [`Message`] variant. [`message_enum_is_complete`] holds this list against the enum's
/// source, so a new variant cannot be forgotten here.
pub const MESSAGES: &[(&str, Message)] = &[
    ("JsonSyntax", Message::JsonSyntax),
    ("SchemaType", Message::SchemaType),
    ("SchemaRequired", Message::SchemaRequired),
    ("SchemaUnknownKey", Message::SchemaUnknownKey),
    ("SchemaFormatDate", Message::SchemaFormatDate),
    ("SchemaFormatTertial", Message::SchemaFormatTertial),
    ("SchemaFormatNumber", Message::SchemaFormatNumber),
    ("SchemaFormatPattern", Message::SchemaFormatPattern),
    ("SchemaEnum", Message::SchemaEnum),
    ("SchemaDuplicateKey", Message::SchemaDuplicateKey),
    ("SchemaMismatch", Message::SchemaMismatch),
    ("SchemaLimitDocumentSize", Message::SchemaLimitDocumentSize),
    ("SchemaLimitDepth", Message::SchemaLimitDepth),
    ("SchemaLimitListLength", Message::SchemaLimitListLength),
    ("SchemaLimitTextLength", Message::SchemaLimitTextLength),
    ("SchemaLimitFindings", Message::SchemaLimitFindings),
    ("YearImplausible", Message::YearImplausible),
    (
        "SchemaVersionUnsupported",
        Message::SchemaVersionUnsupported,
    ),
    ("DuplicateId", Message::DuplicateId),
    ("GoalCountMismatch", Message::GoalCountMismatch),
    ("MissionStatementBlank", Message::MissionStatementBlank),
    ("GoalTitleBlank", Message::GoalTitleBlank),
    ("UnknownPortfolio", Message::UnknownPortfolio),
    ("UnknownOrgUnit", Message::UnknownOrgUnit),
    ("TermEndsBeforeStart", Message::TermEndsBeforeStart),
    ("TermsOverlap", Message::TermsOverlap),
    ("GoalFewOrgUnits", Message::GoalFewOrgUnits),
    ("SteeringServiceCount", Message::SteeringServiceCount),
    ("PredecessorMissing", Message::PredecessorMissing),
    ("PredecessorUnexpected", Message::PredecessorUnexpected),
    ("PredecessorMalformed", Message::PredecessorMalformed),
    ("PredecessorWrongYear", Message::PredecessorWrongYear),
    ("PredecessorUnknown", Message::PredecessorUnknown),
    ("FirstTertialOutsideYear", Message::FirstTertialOutsideYear),
    (
        "ResolutionNumberMalformed",
        Message::ResolutionNumberMalformed,
    ),
    (
        "ResolutionAfterFirstCutOff",
        Message::ResolutionAfterFirstCutOff,
    ),
    ("PortfolioVacant", Message::PortfolioVacant),
    ("GoalOnePortfolio", Message::GoalOnePortfolio),
    (
        "SheetSchemaVersionUnsupported",
        Message::SheetSchemaVersionUnsupported,
    ),
    ("SheetAuthorityMismatch", Message::SheetAuthorityMismatch),
    ("SheetYearMismatch", Message::SheetYearMismatch),
    ("SheetTertialBeforeFirst", Message::SheetTertialBeforeFirst),
    ("GoalUnknown", Message::GoalUnknown),
    ("ReportingMemberUnknown", Message::ReportingMemberUnknown),
    ("ReporterNotHolder", Message::ReporterNotHolder),
    ("ReporterNotHolderVacant", Message::ReporterNotHolderVacant),
    ("SubmittedBeforeCutOff", Message::SubmittedBeforeCutOff),
    ("SubmittedLate", Message::SubmittedLate),
    ("ForecastNotAllowed", Message::ForecastNotAllowed),
    ("RiskMissing", Message::RiskMissing),
    (
        "CountermeasureWithoutRisk",
        Message::CountermeasureWithoutRisk,
    ),
    (
        "CountermeasureFewOrgUnits",
        Message::CountermeasureFewOrgUnits,
    ),
    (
        "CountermeasureUnknownOrgUnit",
        Message::CountermeasureUnknownOrgUnit,
    ),
    ("NoContribution", Message::NoContribution),
    (
        "ForecastContradictsHighRisk",
        Message::ForecastContradictsHighRisk,
    ),
    (
        "ForecastContradictsLowRisks",
        Message::ForecastContradictsLowRisks,
    ),
    ("IndicatorUnknown", Message::IndicatorUnknown),
    ("IndicatorValueNotFinite", Message::IndicatorValueNotFinite),
    ("AchievedRevoked", Message::AchievedRevoked),
    ("TextBlank", Message::TextBlank),
    ("TextTooLong", Message::TextTooLong),
    ("SignerUnknown", Message::SignerUnknown),
    ("SignerNotInOffice", Message::SignerNotInOffice),
    ("SignerIsReporter", Message::SignerIsReporter),
    (
        "CountermeasureOnePortfolio",
        Message::CountermeasureOnePortfolio,
    ),
    (
        "ContributionUnknownOrgUnit",
        Message::ContributionUnknownOrgUnit,
    ),
    ("NotAchievedEarly", Message::NotAchievedEarly),
    ("SheetForeign", Message::SheetForeign),
    ("SheetGoalNotInReport", Message::SheetGoalNotInReport),
    ("PreviousSheetForeign", Message::PreviousSheetForeign),
    ("SheetDuplicate", Message::SheetDuplicate),
    ("PreviousSheetDuplicate", Message::PreviousSheetDuplicate),
    ("GoalWithoutSheet", Message::GoalWithoutSheet),
    ("LifecycleFieldMissing", Message::LifecycleFieldMissing),
    (
        "LifecycleFieldUnexpected",
        Message::LifecycleFieldUnexpected,
    ),
    ("LifecycleTransition", Message::LifecycleTransition),
    ("DecisionNumberMalformed", Message::DecisionNumberMalformed),
    ("LifecycleDateOrder", Message::LifecycleDateOrder),
    ("DecidedBeforeCutOff", Message::DecidedBeforeCutOff),
    ("DecidedBeforeSubmission", Message::DecidedBeforeSubmission),
    ("CountermeasureUnknown", Message::CountermeasureUnknown),
    ("DecidedWithSheetErrors", Message::DecidedWithSheetErrors),
    ("CouncilNumberMalformed", Message::CouncilNumberMalformed),
    ("PaperNumberMalformed", Message::PaperNumberMalformed),
    ("PaperSectionMissing", Message::PaperSectionMissing),
    ("PaperPlaceholder", Message::PaperPlaceholder),
    ("PaperSectionNotOfKind", Message::PaperSectionNotOfKind),
    ("ReviewSheetNotReceived", Message::ReviewSheetNotReceived),
    ("ReviewReplacesUnknown", Message::ReviewReplacesUnknown),
    (
        "ReviewAcceptedWithErrors",
        Message::ReviewAcceptedWithErrors,
    ),
    (
        "ReviewResubmissionUnchanged",
        Message::ReviewResubmissionUnchanged,
    ),
    ("ReviewEventOutOfOrder", Message::ReviewEventOutOfOrder),
    ("ReviewDateOrder", Message::ReviewDateOrder),
    ("ReviewBeforeSubmission", Message::ReviewBeforeSubmission),
    ("FormNotSpreadsheet", Message::FormNotSpreadsheet),
    ("FormOldExcel", Message::FormOldExcel),
    ("FormUnreadable", Message::FormUnreadable),
    ("FormZipLimit", Message::FormZipLimit),
    ("FormOutsideArea", Message::FormOutsideArea),
    ("FormNotAForm", Message::FormNotAForm),
    ("FormTemplateVersion", Message::FormTemplateVersion),
    ("FormFieldMissing", Message::FormFieldMissing),
    ("FormSectionMissing", Message::FormSectionMissing),
    ("FormForeignSystem", Message::FormForeignSystem),
    ("FormForeignTertial", Message::FormForeignTertial),
    ("FormForeignGoal", Message::FormForeignGoal),
    ("FormProtectedChanged", Message::FormProtectedChanged),
    ("FormRequiredEmpty", Message::FormRequiredEmpty),
    ("FormChoiceUnknown", Message::FormChoiceUnknown),
    ("FormDateUnreadable", Message::FormDateUnreadable),
    ("FormNumberUnreadable", Message::FormNumberUnreadable),
    ("FormErrorValue", Message::FormErrorValue),
    ("FormFormulaInField", Message::FormFormulaInField),
    ("FormStrayText", Message::FormStrayText),
    ("FormIncompleteRow", Message::FormIncompleteRow),
    ("FormDateConverted", Message::FormDateConverted),
    ("FormNumberConverted", Message::FormNumberConverted),
    ("FormTextConverted", Message::FormTextConverted),
    ("Internal", Message::Internal),
];

/// Messages no conformance case can produce, each with the reason and where it is tested instead.
pub const NOT_BY_A_CASE: &[(&str, &str)] = &[
    (
        "Internal",
        "reports a bug of the library (a panic caught at the C boundary); no document may trigger \
         it, so unit tests of zielsystem-capi call the boundary with a panicking closure",
    ),
    (
        "SchemaLimitDocumentSize",
        "needs a document over 8 MiB; tests/malformed generates such documents at test time \
         (string-50mb, whitespace-9mb)",
    ),
    (
        "SchemaLimitFindings",
        "needs more than 10 000 findings in one document; tests/malformed generates such floods \
         at test time (findings-flood-goals, findings-flood-countermeasures)",
    ),
    (
        "SchemaFormatPattern",
        "the only `pattern` of the published schemas is the tertial's, which has its own message \
         (SchemaFormatTertial); unit tests of rules::schema_walk cover other patterns",
    ),
    (
        "SchemaMismatch",
        "the fallback for a document the schema accepts but typed decoding rejects, and for `false` \
         schemas and ambiguous `oneOf`s, none of which the published schemas allow \
         (tests/schema_agreement.rs); unit tests of rules::schema_walk cover it",
    ),
    (
        "IndicatorValueNotFinite",
        "JSON has no infinite or NaN number (1e400 is a syntax error), so only a typed sheet built \
         in code can carry one; unit tests of rules::report_sheet cover it",
    ),
    (
        "LifecycleTransition",
        "refused by the lifecycle methods (`decide`, `note`) on a report at the wrong stage, never \
         found by checking a document; zielsystem-py/tests/test_lifecycle.py covers it",
    ),
];

/// Holds [`MESSAGES`] against the variants declared in `pub enum Message { … }` wherever it lives
/// under `zielsystem-core/src/` (an integration test cannot match the `#[non_exhaustive]` enum
/// exhaustively).
pub fn message_enum_is_complete() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut declared = None;
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if let Some(start) = text.find("pub enum Message {") {
                    declared = Some(variants(&text[start..]));
                }
            }
        }
    }
    let declared = declared.expect("`pub enum Message {` not found under src/");
    let listed: Vec<&str> = MESSAGES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        listed, declared,
        "tests/support/mod.rs MESSAGES differs from the Message enum"
    );
}

/// The variant names of an enum's body: each line at the first indentation that starts with an
/// upper-case identifier (attributes, comments and fields of struct variants are skipped).
fn variants(from_declaration: &str) -> Vec<String> {
    let body = &from_declaration[..from_declaration.find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
        .map(str::trim)
        .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|line| {
            line.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// The German template as a pattern: its text literally, each `{param}` any text.
pub fn pattern(template: &str) -> Regex {
    let placeholder = Regex::new(r"\{[a-z_]+\}").unwrap();
    let mut out = String::from("(?s)^");
    let mut last = 0;
    for found in placeholder.find_iter(template) {
        out.push_str(&regex::escape(&template[last..found.start()]));
        out.push_str(".*");
        last = found.end();
    }
    out.push_str(&regex::escape(&template[last..]));
    out.push('$');
    Regex::new(&out).unwrap()
}

/// The messages of `kinds` (by the document kind of their code's rule) that no finding in
/// `findings` matches (same code, German text matching the template).
/// An exempt message of [`NOT_BY_A_CASE`] that a case does produce is reported too: the exemption
/// is then wrong and must go.
pub fn unproduced(kinds: &[DocumentKind], findings: &[Finding]) -> Vec<String> {
    let produced = |message: Message| {
        let spec = message.spec();
        let template = pattern(spec.de);
        findings
            .iter()
            .any(|f| f.code == spec.code && template.is_match(&f.message))
    };
    let mut problems: Vec<String> = NOT_BY_A_CASE
        .iter()
        .filter(|(name, _)| !MESSAGES.iter().any(|(n, _)| n == name))
        .map(|(name, _)| format!("{name} in NOT_BY_A_CASE is no message"))
        .collect();
    for (name, message) in MESSAGES {
        if !kinds.contains(&message.spec().code.rule().document) {
            continue;
        }
        let exempt = NOT_BY_A_CASE.iter().any(|(n, _)| n == name);
        match (exempt, produced(*message)) {
            (false, false) => problems.push(format!(
                "{name} ({}): no case produces „{}“",
                message.spec().code,
                message.spec().de
            )),
            (true, true) => problems.push(format!(
                "{name}: a case produces it, so remove it from NOT_BY_A_CASE"
            )),
            _ => {}
        }
    }
    problems
}

/// Whether `code` is checked only once the document has decoded (a rule), not by the schema-level
/// pass.
pub fn is_rule(code: Code) -> bool {
    code.rule().document != DocumentKind::Any
}

/// Whether a test of a generated file rewrites it instead of comparing: only under
/// `ZIELSYSTEM_BLESS=1` (any other value compares). Under `CI` blessing is refused, so that a CI
/// run can never accept a stale file by rewriting it.
pub fn bless() -> bool {
    if std::env::var_os("ZIELSYSTEM_BLESS").is_none_or(|value| value != "1") {
        return false;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "ZIELSYSTEM_BLESS=1 under CI: generated files are blessed on a developer's machine and \
         committed, never rewritten by CI. Unset ZIELSYSTEM_BLESS (or CI) and run again."
    );
    true
}

/// The repository root (the core crate's parent folder).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `tests/fixtures/<name>`.
pub fn fixture_path(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A JSON file read as `T` (plain serde); panics naming the file.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture `tests/fixtures/<name>` read as `T`.
pub fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    read_json(&fixture_path(name))
}

/// The small valid target system the rule cases are checked against.
pub fn rules_system() -> TargetSystem {
    fixture("rules-system-2022.json")
}
