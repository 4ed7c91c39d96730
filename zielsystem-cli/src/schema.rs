//! `zielsystem schema [NAME] [--write DIR]`: the JSON Schemas generated from the core's types;
//! `zielsystem schema --for-system SYSTEM.json`: the report-sheet schema of one target system.

use std::io::Write;
use std::path::Path;

use zielsystem_core::{TargetSystem, schema};

use crate::Failure;
use crate::input;

/// Prints the report-sheet schema of the target system in `path` ([`schema::sheet_schema_for`]).
pub(crate) fn for_system(out: &mut impl Write, path: &Path) -> Result<u8, Failure> {
    let system: TargetSystem = input::parse_file(path)?;
    let text = schema::to_pretty_json(&schema::sheet_schema_for(&system));
    out.write_all(text.as_bytes())?;
    Ok(0)
}

pub(crate) fn run(
    out: &mut impl Write,
    write: Option<&Path>,
    name: Option<&str>,
) -> Result<u8, Failure> {
    let schemas: Vec<_> = schema::all()
        .into_iter()
        .filter(|named| name.is_none_or(|name| named.file_name == name))
        .collect();
    if schemas.is_empty() {
        let known: Vec<_> = schema::all().iter().map(|named| named.file_name).collect();
        return Err(Failure(format!(
            "unbekanntes Schema „{}“; vorhanden: {}",
            name.unwrap_or_default(),
            known.join(", ")
        )));
    }
    for named in schemas {
        let text = schema::to_pretty_json(&named.schema);
        match write {
            Some(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
                let path = dir.join(named.file_name);
                std::fs::write(&path, text)
                    .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
                writeln!(out, "geschrieben: {}", path.display())?;
            }
            None => out.write_all(text.as_bytes())?,
        }
    }
    Ok(0)
}
