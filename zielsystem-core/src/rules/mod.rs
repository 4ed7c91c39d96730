//! The rule catalogue and, one module per document kind, the rules that check it.

pub mod catalogue;
