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
//! With `--jobs N` (N > 1) sheets are read in chunks and decoded by N threads while the previous
//! chunk is checked against its systems in input order, and one more thread reads and checks the
//! systems file ahead of the sheets (at most a few systems): the totals are exactly those of
//! `--jobs 1`, and memory stays bounded by two chunks.
//!
//! Exit codes: 0 when every sheet is valid, 1 when any has an error finding, 2 for usage and I/O
//! errors.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};

use clap::ValueEnum;
use zielsystem_core::decode::Checked;
use zielsystem_core::rules::catalogue::Code;
use zielsystem_core::stream::{self, History, Summary};
use zielsystem_core::{Decode, Document, Forecast, ReportSheet, TargetSystem, ValidationResult};

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
    /// Threads decoding sheets (1: everything on the calling thread).
    pub(crate) jobs: usize,
}

/// Lines read and decoded together with `--jobs N`: enough that starting threads per chunk costs
/// nothing measurable, few enough that two chunks stay a few MiB.
const CHUNK_LINES: usize = 4096;

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
    system: Arc<TargetSystem>,
    history: History,
}

/// A system line of the file: where it starts, what checking it found, the system if it decoded.
struct SystemLine {
    start: u64,
    result: ValidationResult,
    system: Option<Arc<TargetSystem>>,
}

/// Reads a systems file front to back, checking each system (TS08 against the one before).
struct ForwardReader {
    reader: BufReader<File>,
    /// Position of `reader` in the file.
    position: u64,
    /// The system read last (the previous year's system for TS08).
    last_read: Option<Arc<TargetSystem>>,
    line: Vec<u8>,
}

impl ForwardReader {
    /// The next system line; `None` at the end of the file.
    fn next(&mut self) -> Result<Option<SystemLine>, Failure> {
        loop {
            let start = self.position;
            let consumed = next_line(&mut self.reader, &mut self.line)?;
            if consumed == 0 {
                return Ok(None);
            }
            self.position += consumed as u64;
            if is_blank(&self.line) {
                continue;
            }
            let checked = stream::check_system_after(&self.line, self.last_read.as_deref());
            let system = checked.document.map(Arc::new);
            if system.is_some() {
                self.last_read.clone_from(&system);
            }
            return Ok(Some(SystemLine {
                start,
                result: checked.result,
                system,
            }));
        }
    }
}

/// Where system lines come from: read here, or by a thread that reads and checks ahead of the
/// sheets (`--jobs N`), at most [`SYSTEMS_AHEAD`] systems.
enum Forward {
    Here(ForwardReader),
    Ahead(Receiver<Result<Option<SystemLine>, Failure>>),
}

/// Systems a reading thread may check ahead of the sheets that ask for them.
const SYSTEMS_AHEAD: usize = 8;

impl Forward {
    fn ahead(mut reader: ForwardReader) -> Self {
        let (sender, receiver) = sync_channel(SYSTEMS_AHEAD);
        // Ends at the end of the file, or when the sweep is over (the receiver is gone).
        std::thread::spawn(move || {
            loop {
                let next = reader.next();
                let last = !matches!(next, Ok(Some(_)));
                if sender.send(next).is_err() || last {
                    return;
                }
            }
        });
        Forward::Ahead(receiver)
    }

    fn next(&mut self) -> Result<Option<SystemLine>, Failure> {
        match self {
            Forward::Here(reader) => reader.next(),
            Forward::Ahead(receiver) => receiver.recv().unwrap_or(Ok(None)),
        }
    }
}

/// The systems of a JSON Lines file, read as sheets ask for them.
struct Systems {
    path: PathBuf,
    /// The systems not yet read, in file order.
    forward: Forward,
    /// Where each system seen so far starts.
    offsets: HashMap<(String, i32), u64>,
    /// The most recently used systems, most recent last.
    slots: Vec<Slot>,
}

impl Systems {
    /// The systems of the file at `path`; `ahead`: read and checked by a thread of their own.
    fn open(path: &Path, ahead: bool) -> Result<Self, Failure> {
        let reader = ForwardReader {
            reader: BufReader::with_capacity(1 << 20, open(path)?),
            position: 0,
            last_read: None,
            line: Vec::new(),
        };
        Ok(Systems {
            path: path.to_path_buf(),
            forward: if ahead {
                Forward::ahead(reader)
            } else {
                Forward::Here(reader)
            },
            offsets: HashMap::new(),
            slots: Vec::new(),
        })
    }

    fn keep(&mut self, key: (String, i32), system: Arc<TargetSystem>) -> usize {
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
            return Ok(Some(self.keep(key, Arc::new(system))));
        }
        while let Some(read) = self.forward.next()? {
            summary.record_system(&read.result);
            let Some(system) = read.system else {
                continue;
            };
            let seen = (system.authority.clone(), system.year);
            self.offsets.entry(seen.clone()).or_insert(read.start);
            if seen == key {
                return Ok(Some(self.keep(seen, system)));
            }
        }
        Ok(None)
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

/// The state of a sweep: the totals and the systems sheets are checked against.
struct Sweep {
    summary: Summary,
    single: Option<(TargetSystem, History)>,
    systems: Option<Systems>,
}

impl Sweep {
    /// Checks a decoded sheet against its system, in input order (RS13 reads the history), and
    /// counts it.
    fn record(&mut self, decoded: Checked<ReportSheet>) -> Result<(), Failure> {
        let summary = &mut self.summary;
        if let Some((system, history)) = self.single.as_mut() {
            summary.record_sheet(&stream::check(decoded, system, history));
            return Ok(());
        }
        let (Some(systems), Some(sheet)) = (self.systems.as_mut(), decoded.document.as_ref())
        else {
            // Not a document of the contract: its schema-level findings are all there is.
            summary.record_sheet(&decoded);
            return Ok(());
        };
        let (authority, year) = stream::routing_key(sheet);
        match systems.slot(authority, year, summary)? {
            Some(index) => {
                if let Some(slot) = systems.slots.get_mut(index) {
                    let checked = stream::check(decoded, &slot.system, &mut slot.history);
                    summary.record_sheet(&checked);
                }
            }
            None => summary.record_without_system(sheet),
        }
        Ok(())
    }

    /// The sweep with `jobs` threads decoding: chunk after chunk, the next one is decoded while
    /// the calling thread checks and counts the previous one in order.
    fn parallel(&mut self, reader: &mut impl BufRead, jobs: usize) -> Result<(), Failure> {
        let mut decoded = Vec::new();
        let mut chunk = Chunk::default();
        loop {
            chunk.read(reader)?;
            if chunk.lines.is_empty() && decoded.is_empty() {
                return Ok(());
            }
            let lines: Vec<&[u8]> = chunk.lines().collect();
            let (next, recorded) = std::thread::scope(|scope| {
                let part = lines.len().div_ceil(jobs).max(1);
                let workers: Vec<_> = lines
                    .chunks(part)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|line| stream::decode_sheet(line))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                let recorded = std::mem::take(&mut decoded)
                    .into_iter()
                    .try_for_each(|checked| self.record(checked));
                let next: Result<Vec<_>, Failure> = workers
                    .into_iter()
                    .map(|worker| {
                        worker
                            .join()
                            .map_err(|_| Failure("ein Prüf-Thread ist abgebrochen".to_string()))
                    })
                    .collect();
                (next, recorded)
            });
            recorded?;
            decoded = next?.into_iter().flatten().collect();
        }
    }
}

/// Up to [`CHUNK_LINES`] non-blank lines in one buffer (one allocation for all of them, reused).
#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    /// Where each line starts and ends in `bytes`, without its line break.
    lines: Vec<(usize, usize)>,
}

impl Chunk {
    /// Replaces the lines with the next ones of `reader`; none at its end.
    fn read(&mut self, reader: &mut impl BufRead) -> Result<(), Failure> {
        self.bytes.clear();
        self.lines.clear();
        while self.lines.len() < CHUNK_LINES {
            let start = self.bytes.len();
            if reader.read_until(b'\n', &mut self.bytes)? == 0 {
                break;
            }
            let mut end = self.bytes.len();
            while end > start && matches!(self.bytes.get(end - 1), Some(b'\n' | b'\r')) {
                end -= 1;
            }
            if !self.bytes.get(start..end).is_none_or(is_blank) {
                self.lines.push((start, end));
            }
        }
        Ok(())
    }

    fn lines(&self) -> impl Iterator<Item = &[u8]> {
        self.lines
            .iter()
            .filter_map(|&(start, end)| self.bytes.get(start..end))
    }
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
        (None, Some(path)) => systems = Some(Systems::open(path, args.jobs > 1)?),
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
    let mut sweep = Sweep {
        summary,
        single,
        systems,
    };
    if args.jobs > 1 {
        sweep.parallel(&mut reader, args.jobs)?;
    } else {
        let mut line = Vec::with_capacity(4096);
        while next_line(&mut reader, &mut line)? > 0 {
            if !is_blank(&line) {
                sweep.record(stream::decode_sheet(&line))?;
            }
        }
    }
    let summary = sweep.summary;
    match args.format {
        StreamFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
        }
        StreamFormat::Text => print_text(out, &summary)?,
    }
    Ok(u8::from(summary.invalid > 0 || summary.without_system > 0))
}
