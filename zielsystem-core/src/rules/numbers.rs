//! The finding on a number (resolution, Drucksache) that is not written as the authority writes
//! it: one place for TS09, TR04 and BV01.

use crate::findings::Finding;
use crate::numbering::{NUMBER_MAX_CHARS, NumberKind, Numbering};
use crate::rules::catalogue::{Message, Twin};

/// The finding on a number of `kind` that is not written as the authority writes it, or `None`
/// when it is: `malformed` (the message of the default form, given the number and the number's name
/// in German and English) when the authority configured no pattern of its own, `not_of_pattern`
/// (given the number, the pattern, an example and the number's name) when it did.
pub(crate) fn number_finding(
    numbering: Option<&Numbering>,
    kind: NumberKind,
    number: &str,
    path: &str,
    malformed: impl FnOnce(String, Twin) -> Message,
    not_of_pattern: impl FnOnce(String, String, String, Twin) -> Message,
) -> Option<Finding> {
    let default = Numbering::default();
    let numbering = numbering.unwrap_or(&default);
    if numbering.matches(kind, number) {
        return None;
    }
    let number: String = number.chars().take(NUMBER_MAX_CHARS).collect();
    let name = match kind {
        NumberKind::Resolution => Twin::new("Vorlagen-Nr.", "paper number"),
        NumberKind::PrintedPaper => Twin::new("Drucksachen-Nr.", "printed-paper number"),
    };
    Some(if numbering.is_configured(kind) {
        Finding::new(
            not_of_pattern(
                number,
                numbering.pattern(kind).to_string(),
                numbering.example(kind),
                name,
            ),
            path,
        )
    } else {
        Finding::new(malformed(number, name), path)
    })
}
