//! Decoding outside input: everything between raw bytes and a typed document, before any rule.
//!
//! - [`across`]: what the rules can still check of a document with schema-level problems.
//! - [`document`]: [`decode`], the schema-level pass shared by every document kind (typed decoding
//!   first; on failure every schema-level finding at once), and [`Checked`].
//! - [`syntax`]: `JSON_SYNTAX` with line and column, the size and depth limits of raw bytes;
//!   `scan` says what the syntax error is.
//! - `tree`: the JSON tree of the slow path (every member kept, repeated keys included);
//!   `from_tree`: typed decoding from such a tree.
//! - `compiled_schema`: a JSON Schema compiled once into a node arena (references resolved,
//!   patterns compiled, enumerations listed).
//! - `schema_walk`: the JSON Schema keywords the published schemas use, interpreted over the tree.
//! - `strict`: typed decoding that reads structs from JSON objects only ([`from_json`]).
//! - [`limits`]: every limit on outside input.
//! - [`locate`]: JSON Pointers, and their line and column in the source text.

pub mod across;
mod compiled_schema;
pub mod document;
pub(crate) mod from_tree;
pub mod limits;
pub mod locate;
mod scan;
pub(crate) mod schema_walk;
pub(crate) mod strict;
pub mod syntax;
pub(crate) mod tree;

pub use document::{Checked, DocumentSchema, decode, document_size_finding};
pub use strict::from_json;
