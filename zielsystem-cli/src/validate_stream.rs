//! `zielsystem validate-stream (--system SYSTEM.json | --systems SYSTEMS.jsonl) --jsonl SHEETS.jsonl
//! [--format text|json]`: sweeps report sheets one per line and prints totals only.
//!
//! For analysts who check years of sheets: each line is read, checked and forgotten, so memory stays
//! bounded however long the file is. Sheets are read through the core's borrowed view
//! ([`stream::read_sheet`]): their texts are not copied. With `--system` every sheet is checked
//! against that one system. With `--systems` (one target system per line) each sheet is checked
//! against the system of its authority and year: the file is first skimmed for each system's
//! authority, year and byte offset (the index; nothing else is kept), then systems are read and
//! checked in file order as sheets ask for them, and a few recently used systems with their RS13
//! history stay in memory. Sheets grouped by authority and year (as an export and `zielsystem-gen`
//! write them) therefore read each system once; other orders work too, only slower, with RS13
//! history kept while a system stays in memory. Sheets whose authority and year match no system
//! are counted as such (the index answers them without reading on). At the end the systems no
//! sheet asked for are checked too, so every system of the file is counted once.
//!
//! With `--jobs N` (N > 1) sheets are read in chunks and read into views by N threads while the
//! previous chunk is checked against its systems in input order, and one more thread reads and
//! checks the systems file ahead of the sheets (at most a few systems): the totals are exactly
//! those of `--jobs 1`, and memory stays bounded by two chunks.
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
use serde::Deserialize;
use zielsystem_core::rules::catalogue::Code;
use zielsystem_core::stream::{self, History, ReadSheet, Summary};
use zielsystem_core::{Decode, Document, Forecast, TargetSystem, ValidationResult};

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

/// Lines read together with `--jobs N`: enough that starting threads per chunk costs little, few
/// enough that a chunk (≈ 400 KB of generated sheets) is still in the caches when the calling
/// thread checks the sheets the workers read (on 1,000,000 sheets 512 lines beat 4,096 and 256).
const CHUNK_LINES: usize = 512;

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

/// What the index keeps of a system line: its authority and year (serde skips everything else).
#[derive(Deserialize)]
struct SystemKey {
    authority: String,
    year: i32,
}

/// Where the systems of the file at `path` start, by authority and year, in file order (a sheet
/// gets the first of them that decodes); lines that name no authority and year are not indexed.
fn index(path: &Path) -> Result<HashMap<(String, i32), Vec<u64>>, Failure> {
    let mut reader = BufReader::with_capacity(1 << 20, open(path)?);
    let (mut index, mut line, mut position) = (HashMap::new(), Vec::new(), 0_u64);
    loop {
        let consumed = next_line(&mut reader, &mut line)?;
        if consumed == 0 {
            return Ok(index);
        }
        let bytes = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
        let key = leading_key(bytes).or_else(|| {
            serde_json::from_slice::<SystemKey>(bytes)
                .ok()
                .map(|key| (key.authority, key.year))
        });
        if let Some(key) = key {
            index.entry(key).or_insert_with(Vec::new).push(position);
        }
        position += consumed as u64;
    }
}

/// The authority and year of a system line whose first members name them, read from those
/// members alone, as they are written by our exports and most others (`{"schema_version": "1",
/// "authority": "…", "year": 2022, …`): a system line is some 10 KB, and parsing all of it only to
/// learn its key took a fifth of the time a sweep spent on systems. `None` for any other spelling
/// (a key after a list or an object, an escape), which [`SystemKey`] then reads. Wherever the
/// line is a target system at all, the key read here is its key: the first `authority` and
/// `year` are its only ones (typed decoding refuses a repeated key), and their values are read
/// as they are. On a line that is no system the key may be wrong; that costs nothing, as such a
/// line gives no system whatever its key.
fn leading_key(line: &[u8]) -> Option<(String, i32)> {
    let mut at = 0;
    let skip_space = |at: &mut usize| {
        while line
            .get(*at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            *at += 1;
        }
    };
    // A string without escapes, starting at its opening quote.
    let string = |at: &mut usize| -> Option<std::ops::Range<usize>> {
        skip_space(at);
        if line.get(*at) != Some(&b'"') {
            return None;
        }
        let start = *at + 1;
        let length = line.get(start..)?.iter().position(|b| *b == b'"')?;
        let range = start..start + length;
        if line
            .get(range.clone())?
            .iter()
            .any(|b| *b == b'\\' || *b < 0x20)
        {
            return None;
        }
        *at = range.end + 1;
        Some(range)
    };
    let punctuation = |at: &mut usize, wanted: u8| -> Option<()> {
        skip_space(at);
        (line.get(*at) == Some(&wanted)).then(|| *at += 1)
    };
    punctuation(&mut at, b'{')?;
    let (mut authority, mut year) = (None, None);
    loop {
        let key = string(&mut at)?;
        punctuation(&mut at, b':')?;
        skip_space(&mut at);
        match line.get(key)? {
            b"authority" if authority.is_none() => {
                let value = string(&mut at)?;
                authority = Some(std::str::from_utf8(line.get(value)?).ok()?.to_string());
            }
            b"year" if year.is_none() => {
                let digits = line
                    .get(at..)?
                    .iter()
                    .take_while(|b| b.is_ascii_digit() || **b == b'-')
                    .count();
                year = Some(
                    std::str::from_utf8(line.get(at..at + digits)?)
                        .ok()?
                        .parse()
                        .ok()?,
                );
                at += digits;
            }
            b"authority" | b"year" => return None,
            // Any other member before both: a text is skipped, anything else is left to serde.
            _ => {
                string(&mut at)?;
            }
        }
        if let (Some(authority), Some(year)) = (&authority, year) {
            return Some((authority.clone(), year));
        }
        punctuation(&mut at, b',')?;
    }
}

/// The systems of a JSON Lines file, read as sheets ask for them.
struct Systems {
    path: PathBuf,
    /// The systems not yet read, in file order.
    forward: Forward,
    /// Lines starting before this offset have been read forward (and counted).
    passed: u64,
    /// Where the systems of the file start ([`index`]).
    index: HashMap<(String, i32), Vec<u64>>,
    /// The most recently used systems, most recent last.
    slots: Vec<Slot>,
}

impl Systems {
    /// The systems of the file at `path`; `ahead`: read and checked by a thread of their own.
    fn open(path: &Path, ahead: bool) -> Result<Self, Failure> {
        let index = index(path)?;
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
            passed: 0,
            index,
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
        let offsets = self.index.get(&key).cloned().unwrap_or_default();
        for offset in offsets {
            let system = if offset < self.passed {
                // Read before and left memory since: decoded again, not counted again.
                let mut file = open(&self.path)?;
                file.seek(SeekFrom::Start(offset))?;
                let mut reader = BufReader::new(file);
                let mut line = Vec::new();
                next_line(&mut reader, &mut line)?;
                TargetSystem::decode(&line).document.map(Arc::new)
            } else {
                self.read_forward_to(offset, summary)?
            };
            if let Some(system) = system {
                return Ok(Some(self.keep(key, system)));
            }
        }
        Ok(None)
    }

    /// Reads (and counts) the systems up to the one starting at `offset`, and gives that one if
    /// it decodes.
    fn read_forward_to(
        &mut self,
        offset: u64,
        summary: &mut Summary,
    ) -> Result<Option<Arc<TargetSystem>>, Failure> {
        while let Some(read) = self.forward.next()? {
            summary.record_system(&read.result);
            self.passed = read.start + 1;
            if read.start == offset {
                return Ok(read.system);
            }
        }
        Ok(None)
    }

    /// Reads and counts the systems no sheet asked for.
    fn finish(&mut self, summary: &mut Summary) -> Result<(), Failure> {
        while let Some(read) = self.forward.next()? {
            summary.record_system(&read.result);
        }
        Ok(())
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
    /// Checks a sheet read from a line against its system, in input order (RS13 reads the
    /// history), and counts it.
    fn record(&mut self, read: ReadSheet<'_>) -> Result<(), Failure> {
        let summary = &mut self.summary;
        match (read, self.single.as_mut(), self.systems.as_mut()) {
            (ReadSheet::Sheet(sheet), Some((system, history)), _) => {
                let result = stream::check_read(&sheet, system, history);
                summary.record(&result, Some(&sheet));
            }
            (ReadSheet::Refused(refused), Some((system, history)), _) => {
                summary.record_sheet(&stream::check(*refused, system, history));
            }
            (ReadSheet::Sheet(sheet), None, Some(systems)) => {
                let (authority, year) = stream::routing_key(&sheet);
                match systems.slot(authority, year, summary)? {
                    Some(index) => {
                        if let Some(slot) = systems.slots.get_mut(index) {
                            let result =
                                stream::check_read(&sheet, &slot.system, &mut slot.history);
                            summary.record(&result, Some(&sheet));
                        }
                    }
                    None => summary.record_without_system(&sheet),
                }
            }
            // Not a document of the contract: its schema-level findings are all there is.
            (ReadSheet::Refused(refused), None, _) => summary.record_sheet(&refused),
            (ReadSheet::Sheet(sheet), None, None) => summary.record_without_system(&sheet),
        }
        Ok(())
    }

    /// The sweep with `jobs` threads reading sheets: chunk after chunk, the next one is read
    /// while the calling thread checks and counts the previous one in order. Two chunk buffers
    /// take turns, as the sheets of one borrow its bytes until they are counted.
    fn parallel(&mut self, reader: &mut impl BufRead, jobs: usize) -> Result<(), Failure> {
        let (mut first, mut second) = (Chunk::default(), Chunk::default());
        let mut read = Vec::new();
        loop {
            let next = self.step(reader, jobs, &mut first, read)?;
            if next.is_empty() {
                return Ok(());
            }
            read = self.step(reader, jobs, &mut second, next)?;
            if read.is_empty() {
                return Ok(());
            }
        }
    }

    /// Fills `chunk` with the next lines and reads them into sheets on `jobs` threads while
    /// `previous` (the sheets of the other chunk) are checked and counted here; the sheets of
    /// `chunk`, none at the end of the input.
    fn step<'c>(
        &mut self,
        reader: &mut impl BufRead,
        jobs: usize,
        chunk: &'c mut Chunk,
        previous: Vec<ReadSheet<'_>>,
    ) -> Result<Vec<ReadSheet<'c>>, Failure> {
        chunk.read(reader)?;
        let chunk: &'c Chunk = chunk;
        let lines: Vec<&'c [u8]> = chunk.lines().collect();
        let (next, recorded) = std::thread::scope(|scope| {
            let part = lines.len().div_ceil(jobs).max(1);
            let workers: Vec<_> = lines
                .chunks(part)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|line| stream::read_sheet(line))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let recorded = previous
                .into_iter()
                .try_for_each(|sheet| self.record(sheet));
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
        Ok(next?.into_iter().flatten().collect())
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
                sweep.record(stream::read_sheet(&line))?;
            }
        }
    }
    if let Some(systems) = sweep.systems.as_mut() {
        systems.finish(&mut sweep.summary)?;
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn leading_keys_are_the_keys_serde_reads() {
        let system = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/mitte-2022/target-system.json"
        ))
        .unwrap();
        let compact: serde_json::Value = serde_json::from_str(&system).unwrap();
        let compact = serde_json::to_string(&compact).unwrap();
        for line in [
            system.as_str(),
            compact.as_str(),
            r#"{"authority": "Bezirksamt Pankow von Berlin", "year": 2023}"#,
            r#"{ "year" : -7 , "authority" : "A" }"#,
            r#"{"schema_version": "1", "year": 2022, "authority": "B", "goals": []}"#,
        ] {
            let serde = serde_json::from_slice::<SystemKey>(line.as_bytes())
                .map(|key| (key.authority, key.year))
                .ok();
            assert!(serde.is_some(), "{line}");
            assert_eq!(leading_key(line.as_bytes()), serde, "{line}");
        }
        // Left to serde: an escape, a member before them that is no text, no object at all.
        for line in [
            r#"{"authority": "Bezirksamt \u0050ankow", "year": 2023}"#,
            r#"{"resolution": {"number": "1"}, "authority": "A", "year": 2023}"#,
            r#"{"authority": "A", "authority": "B", "year": 2023}"#,
            r#"["authority", "A"]"#,
            r#"{"authority": "A""#,
            "",
        ] {
            assert_eq!(leading_key(line.as_bytes()), None, "{line}");
        }
    }
}
