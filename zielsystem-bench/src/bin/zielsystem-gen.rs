//! `zielsystem-gen`: writes synthetic target systems and report sheets as JSON Lines.
//!
//! ```text
//! zielsystem-gen --out target/corpus --authorities 700 --years 20 --limit 1000000
//! ```
//! writes `systems.jsonl` (one target system per line, authority by authority, year by year) and
//! `sheets.jsonl` (one report sheet per line, grouped by authority and year in the same order,
//! tertial by tertial), `manifest.jsonl` (for each sheet line, the line of its system in
//! `systems.jsonl`, 0-based, and the code of the violation injected into it or `null`), and prints
//! what it wrote to stderr.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use zielsystem_bench::{Config, Generator};

/// Synthetische Zielsysteme und Berichtsblätter vieler Bezirksämter als JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "zielsystem-gen", version, about, long_about = None)]
struct Args {
    /// Zielverzeichnis für `systems.jsonl` und `sheets.jsonl`.
    #[arg(long)]
    out: PathBuf,
    /// Startwert des Zufallsgenerators; gleicher Startwert, gleiche Daten.
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// Anzahl der Bezirksämter (zuerst die zwölf Berliner, dann nummerierte).
    #[arg(long, default_value_t = 12)]
    authorities: u32,
    /// Erstes Kalenderjahr.
    #[arg(long, default_value_t = 2020)]
    first_year: i32,
    /// Anzahl der Jahre je Bezirksamt.
    #[arg(long, default_value_t = 5)]
    years: u32,
    /// Anteil der Berichtsblätter mit absichtlichem Regelverstoß (0 bis 1).
    #[arg(long, default_value_t = 0.05)]
    violation_rate: f64,
    /// Höchstens so viele Berichtsblätter schreiben.
    #[arg(long)]
    limit: Option<u64>,
}

fn run(args: &Args) -> Result<(), String> {
    let generator = Generator::new(Config {
        seed: args.seed,
        authorities: args.authorities,
        first_year: args.first_year,
        years: args.years,
        violation_rate: args.violation_rate,
    })?;
    fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let open = |name: &str| {
        let path = args.out.join(name);
        File::create(&path)
            .map(|file| BufWriter::with_capacity(1 << 20, file))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut systems = open("systems.jsonl")?;
    let mut sheets = open("sheets.jsonl")?;
    let mut manifest = open("manifest.jsonl")?;
    let limit = args.limit.unwrap_or(u64::MAX);
    let (mut system_count, mut sheet_count, mut bytes) = (0u64, 0u64, 0u64);
    let mut violations: BTreeMap<String, u64> = BTreeMap::new();
    let io = |e: std::io::Error| e.to_string();
    for authority_year in generator.authority_years() {
        if sheet_count >= limit {
            break;
        }
        serde_json::to_writer(&mut systems, &authority_year.system).map_err(|e| e.to_string())?;
        systems.write_all(b"\n").map_err(io)?;
        system_count += 1;
        for sheet in &authority_year.sheets {
            if sheet_count >= limit {
                break;
            }
            sheets.write_all(sheet.json.as_bytes()).map_err(io)?;
            sheets.write_all(b"\n").map_err(io)?;
            sheet_count += 1;
            bytes += sheet.json.len() as u64 + 1;
            let code = sheet.violation.map(|violation| violation.code().as_str());
            if let Some(code) = code {
                *violations.entry(code.to_string()).or_default() += 1;
            }
            let entry = serde_json::json!({ "system": system_count - 1, "violation": code });
            serde_json::to_writer(&mut manifest, &entry).map_err(|e| e.to_string())?;
            manifest.write_all(b"\n").map_err(io)?;
        }
    }
    systems.flush().map_err(io)?;
    sheets.flush().map_err(io)?;
    manifest.flush().map_err(io)?;
    let injected: u64 = violations.values().sum();
    eprintln!(
        "{system_count} Zielsysteme, {sheet_count} Berichtsblätter ({bytes} Bytes, {injected} mit Regelverstoß) nach {}",
        args.out.display()
    );
    for (code, count) in &violations {
        eprintln!("  {code}: {count}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("zielsystem-gen: Fehler: {message}");
            ExitCode::from(2)
        }
    }
}
