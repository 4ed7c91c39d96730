//! The length limits of text fields, in one place (RS14).
//!
//! A report sheet is a form, not an essay: every text has an upper bound so that no megabyte string
//! ends up in a consolidated report. Lengths are counted in characters (Unicode scalar values), not
//! bytes, so „ä“ counts once.
//!
//! | constant | limit | applies to |
//! | --- | --- | --- |
//! | [`ID_MAX_CHARS`] | 64 | identifiers: goal, member, org unit, indicator |
//! | [`NAME_MAX_CHARS`] | 300 | names: the sheet's authority (and titles, where a check uses it) |
//! | [`TEXT_MAX_CHARS`] | 10,000 | free texts: rationale, contributions, risks, countermeasures |

/// Longest identifier (goal, member, org unit, indicator), in characters.
pub const ID_MAX_CHARS: usize = 64;

/// Longest name or title, in characters. RS14 applies it to a sheet's authority.
pub const NAME_MAX_CHARS: usize = 300;

/// Longest free text (rationale, contribution, risk, countermeasure), in characters.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// Whether a text is empty or whitespace only.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The length of a text in characters.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}
