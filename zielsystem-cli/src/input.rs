//! Documents from files: reads bounded by the core's size limit, typed decoding that reports
//! findings (never a bare serde message), compiler-style finding lines, and text made safe for a
//! terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};

use zielsystem_core::decode::limits::DOCUMENT_MAX_BYTES;
use zielsystem_core::decode::locate::Locator;
use zielsystem_core::decode::{Checked, document_size_finding};
use zielsystem_core::{Decode, Finding, ValidationResult};

use crate::Failure;

/// A file as read: at most one byte more than the document limit, and its full size.
pub(crate) struct Input {
    pub(crate) bytes: Vec<u8>,
    pub(crate) size: u64,
}

impl Input {
    /// The `SCHEMA_LIMIT` result of a file over the document limit (its bytes were not all read).
    pub(crate) fn oversize<T>(&self) -> Option<Checked<T>> {
        document_size_finding(self.size)
            .map(|finding| Checked::refused(ValidationResult::from_findings(vec![finding])))
    }
}

/// Reads `path`, but never more than the document limit allows: a 10 GB file costs 8 MiB.
pub(crate) fn read(path: &Path) -> Result<Input, Failure> {
    let fail = |error: &std::io::Error| {
        Failure(format!(
            "Die Datei „{}“ kann nicht gelesen werden: {}",
            terminal_safe(&path.display().to_string()),
            german_io_error(error)
        ))
    };
    let file = std::fs::File::open(path).map_err(|e| fail(&e))?;
    let known = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::new();
    file.take(DOCUMENT_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(&e))?;
    Ok(Input {
        size: known.max(bytes.len() as u64),
        bytes,
    })
}

fn german_io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "Datei nicht gefunden".into(),
        ErrorKind::PermissionDenied => "keine Leseberechtigung".into(),
        ErrorKind::IsADirectory => "das ist ein Verzeichnis".into(),
        ErrorKind::InvalidData => "keine lesbaren Daten".into(),
        _ => terminal_safe(&error.to_string()).into_owned(),
    }
}

/// The document in `bytes`, or a failure that lists its schema-level findings (at most ten),
/// compiler-style with line and column.
pub(crate) fn parse<T: Decode>(source: &str, bytes: &[u8]) -> Result<T, Failure> {
    let checked = T::decode(bytes);
    checked
        .document
        .ok_or_else(|| rejected(T::label(), source, bytes, &checked.result.findings))
}

/// [`parse`] for a file.
pub(crate) fn parse_file<T: Decode>(path: &Path) -> Result<T, Failure> {
    let input = read(path)?;
    let name = path.display().to_string();
    if let Some(checked) = input.oversize::<T>() {
        return Err(rejected(
            T::label(),
            &name,
            &input.bytes,
            &checked.result.findings,
        ));
    }
    parse(&name, &input.bytes)
}

/// Every file of `paths` as a `T`, in order; the first that is not refuses the command.
pub(crate) fn parse_files<T: Decode>(paths: &[PathBuf]) -> Result<Vec<T>, Failure> {
    paths.iter().map(|path| parse_file(path)).collect()
}

fn rejected(label: &str, source: &str, bytes: &[u8], findings: &[Finding]) -> Failure {
    const SHOWN: usize = 10;
    let text = String::from_utf8_lossy(bytes);
    let mut locator = Locator::new(&text);
    let mut lines: Vec<String> = findings
        .iter()
        .take(SHOWN)
        .map(|finding| format!("\n  {}", finding_line(source, &mut locator, finding)))
        .collect();
    if findings.len() > SHOWN {
        lines.push(format!(
            "\n  … und {} weitere Befunde",
            findings.len() - SHOWN
        ));
    }
    Failure(format!(
        "„{}“ ist kein gültiges {label}:{}",
        terminal_safe(source),
        lines.concat()
    ))
}

/// `file:line:column: severity[CODE]: message`, safe to print.
pub(crate) fn finding_line(source: &str, locator: &mut Locator<'_>, finding: &Finding) -> String {
    let (line, column) = position(locator, finding);
    format!(
        "{}:{line}:{column}: {}[{}]: {}",
        terminal_safe(source),
        finding.severity.as_str(),
        finding.code,
        terminal_safe(&finding.message)
    )
}

/// Line and column of a finding: from its params where it names them (`JSON_SYNTAX`, nesting
/// depth), else the value its pointer designates; where that value is missing, the nearest
/// enclosing one; else the document start.
pub(crate) fn position(locator: &mut Locator<'_>, finding: &Finding) -> (usize, usize) {
    let param = |key: &str| finding.params.get(key).and_then(|v| v.parse().ok());
    if let (Some(line), Some(column)) = (param("line"), param("column")) {
        return (line, column);
    }
    let mut pointer = finding.path.as_str();
    loop {
        if let Some(position) = locator.locate(pointer) {
            return position;
        }
        match pointer.rfind('/') {
            Some(cut) => pointer = pointer.get(..cut).unwrap_or_default(),
            None => return (1, 1),
        }
    }
}

/// `text` with every control character (C0, DEL, C1: the terminal escape sequences) and every
/// bidirectional override written as a visible `\u{…}` escape, so user text in a message cannot
/// move the cursor, recolour the terminal, set its title or reorder what the reader sees.
pub(crate) fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use zielsystem_core::Message;

    #[test]
    fn terminal_escapes_are_made_visible() {
        assert_eq!(terminal_safe("Ziel A01"), "Ziel A01");
        assert_eq!(
            terminal_safe("\u{1b}[31mrot\u{1b}]0;x\u{7}\u{9b}2J\nneu\u{202e}lieb"),
            "\\u{1b}[31mrot\\u{1b}]0;x\\u{7}\\u{9b}2J\\u{a}neu\\u{202e}lieb"
        );
        assert!(matches!(terminal_safe("Größe"), Cow::Borrowed(_)));
    }

    #[test]
    fn positions_fall_back_to_the_enclosing_value() {
        let source = "{\n  \"goals\": [\n    {\"id\": \"A01\"}\n  ]\n}";
        let mut locator = Locator::new(source);
        let mut at = |path: &str| {
            position(
                &mut locator,
                &Finding::new(
                    Message::SchemaRequired {
                        key: "title".to_string(),
                    },
                    path,
                ),
            )
        };
        assert_eq!(at("/goals/0/id"), (3, 12));
        assert_eq!(at("/goals/0/title"), (3, 5));
        assert_eq!(at("/nothing/here"), (1, 1));
        assert_eq!(at(""), (1, 1));
    }
}
