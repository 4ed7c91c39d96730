//! # zielsystem-forms
//!
//! The Berichtsblatt as an office form. The people of the procedure do not write JSON: the member's
//! office fills the uniform report sheet in a spreadsheet program, the steering service reads it
//! back. This crate writes pre-filled XLSX forms from a target system ([`goal_form`],
//! [`member_form`]) and reads filled ones (XLSX and ODS) into report sheets ([`read_form`]),
//! reporting every problem as a finding located by its cell (the param `cell`, see [`cell_of`]),
//! then every rule of the core, located too.
//!
//! Pure like the core: bytes in, bytes or sheets and findings out; no file I/O. Spreadsheets are
//! zip containers; they are checked against size limits before anything is unpacked
//! ([`read`]). It is a crate of its own so that programs that do not need spreadsheets do not pay
//! for them.
#![forbid(unsafe_code)]

mod choices;
pub mod import;
pub mod layout;
pub mod read;
pub mod write;

pub use import::{CELL_PARAM, ImportOptions, ImportedForm, cell_of, read_form};
pub use layout::TEMPLATE_VERSION;
pub use write::{FormRequest, goal_form, goals_of_member, member_form};

/// Why a form could not be written.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum FormError {
    /// The goal is not in the target system.
    #[error("Das Ziel „{0}“ existiert nicht im Zielsystem.")]
    UnknownGoal(String),
    /// The member is not in the target system.
    #[error("„{0}“ ist kein Bezirksamtsmitglied im Zielsystem.")]
    UnknownMember(String),
    /// The member holds no portfolio with goals in the tertial.
    #[error("„{0}“ hat im {1} keinen Geschäftsbereich mit Zielen inne.")]
    MemberWithoutGoals(String, String),
    /// The tertial is not in the system's year.
    #[error("Das Tertial {0} liegt nicht im Jahr {1} des Zielsystems.")]
    TertialOutsideYear(String, i32),
    /// A sheet given as answers is of another goal or tertial than the form.
    #[error("Das Berichtsblatt zu „{0}“ ({1}) passt nicht zu diesem Formular (Ziel oder Tertial).")]
    AnswersMismatch(String, String),
    /// The spreadsheet library failed.
    #[error("Das Formular kann nicht geschrieben werden: {0}")]
    Write(String),
}
