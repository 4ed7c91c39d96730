//! # zielsystem-bench
//!
//! Synthetic data and benchmarks for `zielsystem`. Not published: it exists so that `zielsystem-core`
//! stays free of random numbers and file handling.
//!
//! - [`generate`]: a deterministic generator of realistic target systems and report sheets for many
//!   authorities × years × tertials, each sheet valid against its system unless a rule violation
//!   was injected on purpose (at a configurable rate, with the code it must yield).
//! - The binary `zielsystem-gen` writes them as JSON Lines; `benches/validation.rs` measures the
//!   core on them (`cargo bench -p zielsystem-bench`).
//!
//! Figures, machine and command lines are in `docs/performance.md`.
#![forbid(unsafe_code)]

pub mod generate;
pub mod texts;

pub use generate::{AuthorityYear, Config, GeneratedSheet, Generator, Violation};
