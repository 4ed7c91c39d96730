//! Reads the documents of many authorities and years from disk for
//! [`Corpus::load`](zielsystem_core::analytics::Corpus::load), in the layouts `zielsystem-gen` and
//! `validate-stream` use:
//!
//! - a folder with `systems.jsonl` and `sheets.jsonl` (one document per line);
//! - a folder tree of JSON files: files named `target-system.json` (or ending in
//!   `-target-system.json`) and files under a folder named `systems` are target systems, every other
//!   `.json` file is a report sheet, `.jsonl` files whose name starts with `systems` hold systems
//!   and other `.jsonl` files sheets. Files are read in path order, so `sheets/2022-T1/…` comes
//!   before `sheets/2022-T2/…` (RS13 reads the earlier tertials). A folder named `review` is not
//!   read: it holds the steering service's review logs and the versions of sheets sent back, while
//!   the counted version of every sheet lies among the sheets.
//!
//! A document that is not what its place says is not dropped: the corpus lists it as a problem.

use std::path::{Path, PathBuf};

use zielsystem_core::analytics::Corpus;
use zielsystem_core::analytics::corpus::{Input, LoadOptions};

use crate::export::ExportError;

/// Documents read from disk: where each comes from and its bytes.
#[derive(Clone, Debug, Default)]
pub struct Documents {
    /// Target systems.
    pub systems: Vec<(String, Vec<u8>)>,
    /// Report sheets.
    pub sheets: Vec<(String, Vec<u8>)>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError {
    let path = path.display().to_string();
    move |source| ExportError::Io { path, source }
}

fn push_lines(into: &mut Vec<(String, Vec<u8>)>, path: &Path) -> Result<(), ExportError> {
    let bytes = std::fs::read(path).map_err(io(path))?;
    let name = path.display().to_string();
    for (number, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        into.push((format!("{name}:{}", number + 1), line.to_vec()));
    }
    Ok(())
}

fn is_system_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name == "target-system.json"
        || name.ends_with("-target-system.json")
        || path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| folder == "systems")
}

fn walk(folder: &Path, files: &mut Vec<PathBuf>) -> Result<(), ExportError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io(folder))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io(folder))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name == "review") {
                continue;
            }
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

impl Documents {
    /// Reads one path: a folder (either layout), a `.jsonl` file of sheets or one sheet; with
    /// `systems`, the path holds target systems instead.
    pub fn add(&mut self, path: &Path, systems: bool) -> Result<(), ExportError> {
        if path.is_dir() {
            let (systems_jsonl, sheets_jsonl) =
                (path.join("systems.jsonl"), path.join("sheets.jsonl"));
            if systems_jsonl.is_file() && sheets_jsonl.is_file() {
                push_lines(&mut self.systems, &systems_jsonl)?;
                push_lines(&mut self.sheets, &sheets_jsonl)?;
                return Ok(());
            }
            let mut files = Vec::new();
            walk(path, &mut files)?;
            for file in files {
                let extension = file
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or_default();
                let is_system = systems
                    || match extension {
                        "jsonl" => file
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("systems")),
                        _ => is_system_file(&file),
                    };
                match extension {
                    "json" | "jsonl" => self.add_file(&file, is_system)?,
                    _ => {}
                }
            }
            return Ok(());
        }
        self.add_file(path, systems)
    }

    fn add_file(&mut self, path: &Path, systems: bool) -> Result<(), ExportError> {
        let into = if systems {
            &mut self.systems
        } else {
            &mut self.sheets
        };
        if path.extension().is_some_and(|e| e == "jsonl") {
            return push_lines(into, path);
        }
        let bytes = std::fs::read(path).map_err(io(path))?;
        into.push((path.display().to_string(), bytes));
        Ok(())
    }

    /// Decodes, checks and groups the documents.
    pub fn load(&self, options: LoadOptions) -> Corpus {
        fn input((source, bytes): &(String, Vec<u8>)) -> Input<'_> {
            Input {
                source: source.as_str(),
                bytes: bytes.as_slice(),
            }
        }
        Corpus::load(
            self.systems.iter().map(input),
            self.sheets.iter().map(input),
            options,
        )
    }
}

/// Reads and loads a corpus: `systems` (files or folders of target systems; may be empty when
/// `sheets` are folders that hold their systems) and `sheets` (files or folders).
pub fn read_corpus(
    systems: &[PathBuf],
    sheets: &[PathBuf],
    options: LoadOptions,
) -> Result<Corpus, ExportError> {
    let mut documents = Documents::default();
    for path in systems {
        documents.add(path, true)?;
    }
    for path in sheets {
        documents.add(path, false)?;
    }
    Ok(documents.load(options))
}
