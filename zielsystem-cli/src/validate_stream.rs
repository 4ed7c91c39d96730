//! `zielsystem validate-stream (--system SYSTEM.json | --systems SYSTEMS.jsonl) --jsonl SHEETS.jsonl
//! [--format text|json]`: sweeps report sheets one per line and prints totals only.
//!
//! For analysts who check years of sheets: each line is read, checked and forgotten, so memory stays
//! bounded however long the file is. With `--system` every sheet is checked against that one
//! system. With `--systems` (one target system per line) each sheet is checked against the system of
//! its authority and year: systems are read from the file as sheets ask for them, only their byte
//! offsets are kept, and a few recently used systems with their RS13 history stay in memory. Sheets
//! grouped by authority and year (as an export and `zielsystem-gen` write them) therefore read the
//! systems file once; other orders work too, only slower, with RS13 history kept while a system
//! stays in memory. Sheets whose authority and year match no system are counted as such.
//!
//! Exit codes: 0 when every sheet is valid, 1 when any has an error finding, 2 for usage and I/O
//! errors.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use zielsystem_core::rules::catalogue::Code;
use zielsystem_core::stream::{self, History, Summary};
use zielsystem_core::{Decode, Document, Forecast, TargetSystem};

use crate::Failure;

/// Output formats of `validate-stream`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StreamFormat {
    /// Eine lesbare Zusammenfassung.
    Text,
    /// Die Zählerstände als JSON-Objekt.
    Json,
}

/// The arguments of `validate-stream`.
#[derive(Debug)]
pub(crate) struct Args {
    pub(crate) system: Option<PathBuf>,
    pub(crate) systems: Option<PathBuf>,
    pub(crate) jsonl: PathBuf,
    pub(crate) format: StreamFormat,
}

/// How many systems (with their history) stay in memory.
const CACHED_SYSTEMS: usize = 4;

fn open(path: &Path) -> Result<File, Failure> {
    File::open(path).map_err(|error| {
        Failure(format!(
            "Die Datei „{}“ kann nicht gelesen werden: {error}",
            path.display()
        ))
    })
}

/// Reads the next line into `line`, without its line break; the number of bytes it took in the
/// input, 0 at the end.
fn next_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> Result<usize, Failure> {
    line.clear();
    let consumed = reader.read_until(b'\n', line)?;
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(consumed)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// A system in memory with the history of the sheets checked against it.
struct Slot {
    key: (String, i32),
    system: TargetSystem,
    history: History,
}

/// The systems of a JSON Lines file, read as sheets ask for them.
struct Systems {
    path: PathBuf,
    /// Reads the file front to back, indexing each system it passes.
    forward: BufReader<File>,
    /// Position of `forward` in the file.
    position: u64,
    /// Where each system seen so far starts.
    offsets: HashMap<(String, i32), u64>,
    /// The most recently used systems, most recent last.
    slots: Vec<Slot>,
    /// The system read last going forward (the previous year's system for TS08).
    last_read: Option<TargetSystem>,
    line: Vec<u8>,
}

impl Systems {
    fn open(path: &Path) -> Result<Self, Failure> {
        Ok(Systems {
            path: path.to_path_buf(),
            forward: BufReader::with_capacity(1 << 20, open(path)?),
            position: 0,
            offsets: HashMap::new(),
            slots: Vec::new(),
            last_read: None,
            line: Vec::new(),
        })
    }

    fn keep(&mut self, key: (String, i32), system: TargetSystem) -> usize {
        if self.slots.len() == CACHED_SYSTEMS {
            self.slots.remove(0);
        }
        self.slots.push(Slot {
            key,
            system,
            history: History::new(),
        });
        self.slots.len() - 1
    }

    /// The slot of the system of `authority` and `year`, reading the file as far as needed;
    /// `None` when the file has no such system. Systems read for the first time are checked and
    /// counted in `summary`.
    fn slot(
        &mut self,
        authority: &str,
        year: i32,
        summary: &mut Summary,
    ) -> Result<Option<usize>, Failure> {
        if let Some(index) = self
            .slots
            .iter()
            .position(|slot| slot.key.0 == authority && slot.key.1 == year)
        {
            return Ok(Some(index));
        }
        let key = (authority.to_string(), year);
        if let Some(&offset) = self.offsets.get(&key) {
            let mut file = open(&self.path)?;
            file.seek(SeekFrom::Start(offset))?;
            let mut reader = BufReader::new(file);
            let mut line = Vec::new();
            next_line(&mut reader, &mut line)?;
            let Some(system) = TargetSystem::decode(&line).document else {
                return Ok(None);
            };
            return Ok(Some(self.keep(key, system)));
        }
        loop {
            let start = self.position;
            let consumed = next_line(&mut self.forward, &mut self.line)?;
            if consumed == 0 {
                return Ok(None);
            }
            self.position += consumed as u64;
            if is_blank(&self.line) {
                continue;
            }
            let checked = stream::check_system_after(&self.line, self.last_read.as_ref());
            summary.record_system(&checked.result);
            let Some(system) = checked.document else {
                continue;
            };
            let seen = (system.authority.clone(), system.year);
            self.offsets.entry(seen.clone()).or_insert(start);
            self.last_read = Some(system.clone());
            if seen == key {
                return Ok(Some(self.keep(seen, system)));
            }
        }
    }
}

fn print_text(out: &mut impl Write, summary: &Summary) -> std::io::Result<()> {
    writeln!(
        out,
        "Berichtsblätter: {} (gültig {}, ungültig {}, davon nicht lesbar {}; mit Warnungen {}; ohne Zielsystem {})",
        summary.sheets,
        summary.valid,
        summary.invalid,
        summary.undecodable,
        summary.with_warnings,
        summary.without_system
    )?;
    writeln!(
        out,
        "Zielsysteme: {} (ungültig {})",
        summary.systems, summary.invalid_systems
    )?;
    let rows = |counts: &std::collections::BTreeMap<Code, u64>| -> Vec<(String, u64, String)> {
        counts
            .iter()
            .map(|(code, count)| {
                let rule = code.rule();
                (
                    code.as_str().to_string(),
                    *count,
                    format!(
                        "{}: {}",
                        if rule.severity == zielsystem_core::Severity::Error {
                            "Fehler"
                        } else {
                            "Warnung"
                        },
                        rule.summary_de
                    ),
                )
            })
            .collect()
    };
    for (title, counts) in [
        ("Befunde je Regel (Berichtsblätter):", &summary.findings),
        ("Befunde je Regel (Zielsysteme):", &summary.system_findings),
    ] {
        if counts.is_empty() {
            continue;
        }
        writeln!(out, "{title}")?;
        for (code, count, text) in rows(counts) {
            writeln!(out, "  {code:<22} {count:>10}  {text}")?;
        }
    }
    writeln!(out, "Einschätzungen:")?;
    for forecast in Forecast::ALL {
        let count = summary.forecasts.get(&forecast).copied().unwrap_or(0);
        writeln!(
            out,
            "  {:<14} {count:>10}  {}",
            forecast.as_str(),
            forecast.label_de()
        )?;
    }
    Ok(())
}

pub(crate) fn run(out: &mut impl Write, args: &Args) -> Result<u8, Failure> {
    let mut summary = Summary::default();
    let mut single: Option<(TargetSystem, History)> = None;
    let mut systems: Option<Systems> = None;
    match (&args.system, &args.systems) {
        (Some(path), None) => {
            let mut bytes = Vec::new();
            open(path)?.read_to_end(&mut bytes)?;
            let checked = TargetSystem::check(&bytes, None);
            summary.record_system(&checked.result);
            let Some(system) = checked.document else {
                return Err(Failure(format!(
                    "„{}“ ist kein Zielsystem (zielsystem validate --system {} nennt die Befunde)",
                    path.display(),
                    path.display()
                )));
            };
            single = Some((system, History::new()));
        }
        (None, Some(path)) => systems = Some(Systems::open(path)?),
        _ => {
            return Err(Failure(
                "genau eine der Angaben --system oder --systems ist nötig".into(),
            ));
        }
    }
    let mut reader: Box<dyn BufRead> = if args.jsonl.as_os_str() == "-" {
        Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock()))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, open(&args.jsonl)?))
    };
    let mut line = Vec::with_capacity(4096);
    while next_line(&mut reader, &mut line)? > 0 {
        if is_blank(&line) {
            continue;
        }
        let decoded = stream::decode_sheet(&line);
        if let Some((system, history)) = single.as_mut() {
            summary.record_sheet(&stream::check(decoded, system, history));
            continue;
        }
        let (Some(systems), Some(sheet)) = (systems.as_mut(), decoded.document.as_ref()) else {
            // Not a document of the contract: its schema-level findings are all there is.
            summary.record_sheet(&decoded);
            continue;
        };
        let (authority, year) = stream::routing_key(sheet);
        match systems.slot(authority, year, &mut summary)? {
            Some(index) => {
                if let Some(slot) = systems.slots.get_mut(index) {
                    let checked = stream::check(decoded, &slot.system, &mut slot.history);
                    summary.record_sheet(&checked);
                }
            }
            None => summary.record_without_system(sheet),
        }
    }
    match args.format {
        StreamFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
        }
        StreamFormat::Text => print_text(out, &summary)?,
    }
    Ok(u8::from(summary.invalid > 0 || summary.without_system > 0))
}
