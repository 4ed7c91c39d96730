//! `zielsystem schema [NAME] [--write DIR]`: the JSON Schemas generated from the core's types.

use std::io::Write;
use std::path::Path;

use zielsystem_core::schema;

use crate::Failure;

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
