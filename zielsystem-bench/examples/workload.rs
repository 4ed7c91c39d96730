//! One workload over one corpus, for profilers and for the side-by-side ratio of full validation to
//! plain typed decoding.
//!
//! ```text
//! cargo build --release -p zielsystem-bench --example workload
//! target/release/examples/workload ratio generated 5000 0.05
//! valgrind --tool=callgrind target/release/examples/workload check generated 5000 0.05
//! ```
//! Arguments: workload, corpus (`example`: the 51 sheets of Mitte 2022; `generated`: sheets of many
//! authorities and years), number of sheets, share of sheets with an injected violation.
//!
//! Workloads, each over the same bytes: `load` (building the corpus only, to subtract from an
//! instruction count), `decode` (plain typed decoding, `serde_json::from_slice::<ReportSheet>`),
//! `check` (`check_sheet_json`, the full validation), `bytes` (`validate_sheet_bytes`, the same
//! findings through the borrowed view), `check-undecodable` (the full validation of only the sheets
//! that break the contract), `sweep` (decode, route, rules, counters), and `ratio`: `decode`,
//! `check` and `bytes` timed alternately, round after round, so that all see the same machine
//! load; prints the median of each and of the ratios of their throughputs to `decode`'s.

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use zielsystem_bench::{Config, Generator};
use zielsystem_core::rules::{check_sheet_json, validate_sheet_bytes};
use zielsystem_core::{ReportSheet, TargetSystem, stream};

type Corpus = (Vec<TargetSystem>, Vec<(usize, Vec<u8>)>);

fn example(count: usize) -> Result<Corpus, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022");
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let system: TargetSystem = serde_json::from_slice(&read(&dir.join("target-system.json"))?)
        .map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for tertial in ["2022-T1", "2022-T2", "2022-T3"] {
        let folder = dir.join("sheets").join(tertial);
        let mut paths: Vec<_> = std::fs::read_dir(&folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for path in paths {
            sheets.push((0, read(&path)?));
        }
    }
    let all: Vec<_> = sheets.iter().cycle().take(count.max(1)).cloned().collect();
    Ok((vec![system], all))
}

fn generated(count: usize, violation_rate: f64) -> Result<Corpus, String> {
    let generator = Generator::new(Config {
        seed: 2022,
        authorities: 2_000,
        first_year: 2020,
        years: 10,
        violation_rate,
    })?;
    let mut systems = Vec::new();
    let mut sheets: Vec<(usize, Vec<u8>)> = Vec::with_capacity(count);
    for authority_year in generator.authority_years() {
        if sheets.len() >= count {
            break;
        }
        let index = systems.len();
        sheets.extend(
            authority_year
                .sheets
                .into_iter()
                .take(count - sheets.len())
                .map(|sheet| (index, sheet.json.into_bytes())),
        );
        systems.push(authority_year.system);
    }
    Ok((systems, sheets))
}

fn decode_all(sheets: &[(usize, Vec<u8>)]) {
    for (_, bytes) in sheets {
        black_box(serde_json::from_slice::<ReportSheet>(black_box(bytes)).ok());
    }
}

fn check_all(systems: &[TargetSystem], sheets: &[(usize, Vec<u8>)]) {
    for (index, bytes) in sheets {
        if let Some(system) = systems.get(*index) {
            black_box(check_sheet_json(black_box(bytes), system, &[]));
        }
    }
}

fn bytes_all(systems: &[TargetSystem], sheets: &[(usize, Vec<u8>)]) {
    for (index, bytes) in sheets {
        if let Some(system) = systems.get(*index) {
            black_box(validate_sheet_bytes(black_box(bytes), system, &[]));
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// `decode`, `check` and `bytes` alternately; the medians of their times per sheet and of the
/// ratios of throughputs (`ratio`: check to decode; `bytes_ratio`: bytes to decode).
fn ratio(systems: &[TargetSystem], sheets: &[(usize, Vec<u8>)], rounds: usize) {
    let bytes: usize = sheets.iter().map(|(_, b)| b.len()).sum();
    let (mut decode, mut check, mut borrowed) = (Vec::new(), Vec::new(), Vec::new());
    let (mut ratios, mut bytes_ratios) = (Vec::new(), Vec::new());
    // One unmeasured round of each warms caches and the allocator.
    decode_all(sheets);
    check_all(systems, sheets);
    bytes_all(systems, sheets);
    for _ in 0..rounds {
        let start = Instant::now();
        decode_all(sheets);
        let d = start.elapsed().as_secs_f64();
        let start = Instant::now();
        check_all(systems, sheets);
        let c = start.elapsed().as_secs_f64();
        let start = Instant::now();
        bytes_all(systems, sheets);
        let b = start.elapsed().as_secs_f64();
        decode.push(d);
        check.push(c);
        borrowed.push(b);
        ratios.push(d / c);
        bytes_ratios.push(d / b);
    }
    let n = sheets.len() as f64;
    let (d, c, b) = (
        median(&mut decode),
        median(&mut check),
        median(&mut borrowed),
    );
    println!(
        "{{\"sheets\": {}, \"bytes\": {bytes}, \"rounds\": {rounds}, \"decode_us_per_sheet\": {:.3}, \"check_us_per_sheet\": {:.3}, \"bytes_us_per_sheet\": {:.3}, \"decode_mib_s\": {:.1}, \"check_mib_s\": {:.1}, \"bytes_mib_s\": {:.1}, \"ratio\": {:.3}, \"bytes_ratio\": {:.3}}}",
        sheets.len(),
        d / n * 1e6,
        c / n * 1e6,
        b / n * 1e6,
        bytes as f64 / d / 1_048_576.0,
        bytes as f64 / c / 1_048_576.0,
        bytes as f64 / b / 1_048_576.0,
        median(&mut ratios),
        median(&mut bytes_ratios),
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let workload = args.first().map_or("check", String::as_str);
    let corpus = args.get(1).map_or("generated", String::as_str);
    let count: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let violation_rate: f64 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(0.05);
    let loaded = match corpus {
        "example" => example(count),
        "generated" => generated(count, violation_rate),
        other => Err(format!("unknown corpus {other:?} (example, generated)")),
    };
    let (systems, sheets) = match loaded {
        Ok(corpus) => corpus,
        Err(message) => {
            eprintln!("workload: {message}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match workload {
        "load" => {}
        "decode" => decode_all(&sheets),
        "check" => check_all(&systems, &sheets),
        "bytes" => bytes_all(&systems, &sheets),
        "check-undecodable" => {
            let undecodable: Vec<_> = sheets
                .iter()
                .filter(|(_, bytes)| serde_json::from_slice::<ReportSheet>(bytes).is_err())
                .cloned()
                .collect();
            check_all(&systems, &undecodable);
        }
        "sweep" => {
            let mut histories: Vec<stream::History> =
                systems.iter().map(|_| stream::History::new()).collect();
            let mut summary = stream::Summary::default();
            for (index, bytes) in &sheets {
                if let (Some(system), Some(history)) =
                    (systems.get(*index), histories.get_mut(*index))
                {
                    let checked = stream::check(stream::decode_sheet(bytes), system, history);
                    summary.record_sheet(&checked);
                }
            }
            black_box(summary);
        }
        "ratio" => {
            let rounds = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(31);
            ratio(&systems, &sheets, rounds);
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!(
                "workload: unknown workload {other:?} (load, decode, check, bytes, check-undecodable, sweep, ratio)"
            );
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "{workload}: {} sheets in {:.3} ms",
        sheets.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}
