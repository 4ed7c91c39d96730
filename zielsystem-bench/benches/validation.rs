//! Criterion benchmarks of the core on the example district and on generated sheets.
//!
//! Each group measures full validation side by side with its floor, plain typed decoding
//! (`serde_json::from_slice::<ReportSheet>`) of the very same bytes, so the ratio of the two is
//! measured in one run. `scripts/bench` runs them and prints the ratios; `docs/performance.md` has
//! the figures.
//!
//! Sample sizes are small (the whole suite runs in a few minutes on two shared cores).

// A benchmark that cannot read its inputs stops with a message; criterion's macros define
// undocumented functions.
#![allow(clippy::panic, missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use zielsystem_bench::{Config, Generator};
use zielsystem_core::calendar::Tertial;
use zielsystem_core::consolidate::consolidate;
use zielsystem_core::rules::{check_sheet_json, check_system_json, validate_system};
use zielsystem_core::{ReportSheet, TargetSystem, stream};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The example sheets of one tertial, in goal order.
fn example_sheets(tertial: &str) -> Vec<Vec<u8>> {
    let dir = example_dir().join("sheets").join(tertial);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|path| read(path)).collect()
}

fn example_system() -> (Vec<u8>, TargetSystem) {
    let bytes = read(&example_dir().join("target-system.json"));
    let system = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("example: {e}"));
    (bytes, system)
}

/// Generated systems and sheets: (system index, bytes) per sheet.
type Corpus = (Vec<TargetSystem>, Vec<(usize, Vec<u8>)>);

/// 100,000 sheets of 160 authorities × 12 years, 5 % with an injected violation; generated on
/// first use, so that a run filtered to other benchmarks does not pay for it.
static LARGE: LazyLock<Corpus> = LazyLock::new(|| {
    let (systems, sheets) = generated(160, 12, 0.05);
    let sheets: Vec<_> = sheets.into_iter().take(100_000).collect();
    assert_eq!(
        sheets.len(),
        100_000,
        "the generator yields fewer sheets than asked for"
    );
    (systems, sheets)
});

fn generated(authorities: u32, years: u32, violation_rate: f64) -> Corpus {
    let generator = Generator::new(Config {
        seed: 2022,
        authorities,
        first_year: 2020,
        years,
        violation_rate,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut systems = Vec::new();
    let mut sheets = Vec::new();
    for authority_year in generator.authority_years() {
        let index = systems.len();
        sheets.extend(
            authority_year
                .sheets
                .into_iter()
                .map(|sheet| (index, sheet.json.into_bytes())),
        );
        systems.push(authority_year.system);
    }
    (systems, sheets)
}

fn total_bytes<'a>(sheets: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    sheets.into_iter().map(|s| s.len() as u64).sum()
}

/// One sheet at a time, from bytes: the 51 example sheets, each decoded (floor) or fully checked.
fn sheet_example(c: &mut Criterion) {
    let (_, system) = example_system();
    let sheets: Vec<Vec<u8>> = ["2022-T1", "2022-T2", "2022-T3"]
        .iter()
        .flat_map(|t| example_sheets(t))
        .collect();
    let mut group = c.benchmark_group("sheet_example");
    group.throughput(Throughput::Bytes(total_bytes(
        sheets.iter().map(Vec::as_slice),
    )));
    group.bench_function("serde_decode", |b| {
        b.iter(|| {
            for bytes in &sheets {
                black_box(serde_json::from_slice::<ReportSheet>(black_box(bytes)).ok());
            }
        });
    });
    group.bench_function("check_sheet_json", |b| {
        b.iter(|| {
            for bytes in &sheets {
                black_box(check_sheet_json(black_box(bytes), &system, &[]));
            }
        });
    });
    group.finish();
}

/// The same on 5,000 generated sheets of many authorities and years, 5 % with a violation.
fn sheet_generated(c: &mut Criterion) {
    let (systems, sheets) = generated(12, 2, 0.05);
    let sheets: Vec<(usize, Vec<u8>)> = sheets.into_iter().take(5_000).collect();
    let mut group = c.benchmark_group("sheet_generated");
    group.throughput(Throughput::Bytes(total_bytes(
        sheets.iter().map(|(_, b)| b.as_slice()),
    )));
    group.bench_function("serde_decode", |b| {
        b.iter(|| {
            for (_, bytes) in &sheets {
                black_box(serde_json::from_slice::<ReportSheet>(black_box(bytes)).ok());
            }
        });
    });
    group.bench_function("check_sheet_json", |b| {
        b.iter(|| {
            for (index, bytes) in &sheets {
                if let Some(system) = systems.get(*index) {
                    black_box(check_sheet_json(black_box(bytes), system, &[]));
                }
            }
        });
    });
    group.finish();
}

/// A target system: typed decoding (floor), rules on the decoded system, both from bytes.
fn system(c: &mut Criterion) {
    let (bytes, system) = example_system();
    let mut group = c.benchmark_group("system");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("serde_decode", |b| {
        b.iter(|| black_box(serde_json::from_slice::<TargetSystem>(black_box(&bytes)).ok()));
    });
    group.bench_function("validate_system", |b| {
        b.iter(|| black_box(validate_system(black_box(&system), None)));
    });
    group.bench_function("check_system_json", |b| {
        b.iter(|| black_box(check_system_json(black_box(&bytes), None)));
    });
    group.finish();
}

/// Consolidating tertial I of the example: 23 sheets into the tertial report.
fn consolidation(c: &mut Criterion) {
    let (_, system) = example_system();
    let sheets: Vec<ReportSheet> = example_sheets("2022-T1")
        .iter()
        .map(|bytes| serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let tertial: Tertial = "2022-T1".parse().unwrap_or_else(|e| panic!("{e:?}"));
    let as_of = NaiveDate::from_ymd_opt(2022, 6, 15).unwrap_or_default();
    let mut group = c.benchmark_group("consolidate");
    group.throughput(Throughput::Elements(sheets.len() as u64));
    group.bench_function("mitte_2022_t1", |b| {
        b.iter(|| {
            black_box(consolidate(
                &system,
                black_box(&sheets),
                tertial,
                as_of,
                &[],
            ))
        });
    });
    group.finish();
}

/// 100,000 generated sheets swept and summarised (decode, route, rules, counters), against decoding
/// alone.
fn sweep(c: &mut Criterion) {
    let mut group = c.benchmark_group("sweep_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Elements(100_000));
    group.bench_function("serde_decode", |b| {
        let (_, sheets) = &*LARGE;
        b.iter(|| {
            for (_, bytes) in sheets {
                black_box(serde_json::from_slice::<ReportSheet>(black_box(bytes)).ok());
            }
        });
    });
    group.bench_function("summarise", |b| {
        let (systems, sheets) = &*LARGE;
        b.iter_batched(
            || {
                (0..systems.len())
                    .map(|_| stream::History::new())
                    .collect::<Vec<_>>()
            },
            |mut histories| {
                let mut summary = stream::Summary::default();
                for (index, bytes) in sheets {
                    let (Some(system), Some(history)) =
                        (systems.get(*index), histories.get_mut(*index))
                    else {
                        continue;
                    };
                    let checked = stream::check(stream::decode_sheet(bytes), system, history);
                    summary.record_sheet(&checked);
                }
                black_box(summary)
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = sheet_example, sheet_generated, system, consolidation, sweep
}
criterion_main!(benches);
