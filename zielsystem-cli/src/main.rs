//! The `zielsystem` command: validate, report, status, calendar, schema, demo. Thin over `zielsystem-core`:
//! it reads files, calls the core, prints and sets the exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod calendar;
mod demo;
mod export;
mod form;
mod import;
mod input;
mod lifecycle;
mod next_year;
mod paper;
mod report;
mod review;
mod schema;
mod status;
mod validate;
mod validate_stream;

// A sweep (`validate-stream`) allocates and frees a few small lists per sheet, with `--jobs N` on
// one thread and freed on another; glibc's allocator spent a tenth of the sweep's time there. The
// command is a program of its own, so it picks its allocator, as the Python extension does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Zielsteuerung für Bezirksämter: Zielsystem und Berichtsblätter prüfen, Tertialberichte erstellen.
#[derive(Debug, Parser)]
#[command(name = "zielsystem", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Zielsystem, Berichtsblätter, Tertialberichte, Vorlagen und Prüfprotokolle prüfen: jeder Befund auf einmal, mit Zeile und Spalte.
    Validate {
        /// Das Zielsystem (JSON), gegen das die Berichtsblätter geprüft werden.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Dokumente (JSON); die Art wird am Dokument erkannt (oder mit --kind genannt). Blätter desselben Ziels bilden zusammen den Verlauf (RS13).
        sheets: Vec<PathBuf>,
        /// Die Art aller Dokumente, statt sie am Dokument zu erkennen.
        #[arg(long, value_enum)]
        kind: Option<validate::Kind>,
        /// Das Zielsystem eines früheren Jahres (meist des Vorjahres): Vorgängerziele aus seinem Jahr müssen dort stehen (TS08).
        #[arg(long)]
        previous_system: Option<PathBuf>,
        /// Ausgabeformat.
        #[arg(long, value_enum, default_value_t = validate::ValidateFormat::Text)]
        format: validate::ValidateFormat,
    },
    /// Berichtsblätter zeilenweise (JSON Lines) prüfen und nur Summen ausgeben: Befunde je Regel,
    /// Einschätzungen, gültige und ungültige Blätter; der Speicherbedarf bleibt begrenzt.
    ValidateStream {
        /// Ein Zielsystem (JSON), gegen das jedes Berichtsblatt geprüft wird.
        #[arg(long, conflicts_with = "systems", required_unless_present = "systems")]
        system: Option<PathBuf>,
        /// Zielsysteme als JSON Lines; jedes Blatt wird gegen das System seiner Behörde und seines
        /// Jahres geprüft.
        #[arg(long)]
        systems: Option<PathBuf>,
        /// Die Berichtsblätter, eines je Zeile (`-`: Standardeingabe).
        #[arg(long)]
        jsonl: PathBuf,
        /// Ausgabeformat.
        #[arg(long, value_enum, default_value_t = validate_stream::StreamFormat::Text)]
        format: validate_stream::StreamFormat,
        /// Threads, die Berichtsblätter lesen (1: alles in einem Thread); die Summen sind
        /// dieselben.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: u16,
    },
    /// Den Regelkatalog als Markdown-Tabelle ausgeben (Inhalt von docs/rules.md).
    Rules,
    /// Berichtskalender eines Jahres: Tertiale, Berichtsstichtage und Berichtsfristen.
    Calendar {
        /// Das Kalenderjahr, z. B. 2022.
        year: i32,
        /// Ausgabeformat.
        #[arg(long, value_enum, default_value_t = CalendarFormat::Text)]
        format: CalendarFormat,
    },
    /// JSON Schemas (Draft 2020-12) ausgeben oder in ein Verzeichnis schreiben.
    Schema {
        /// Verzeichnis, in das alle Schemas geschrieben werden (z. B. `schemas`); ohne: Ausgabe.
        #[arg(long, conflicts_with = "for_system")]
        write: Option<PathBuf>,
        /// Nur dieses Schema ausgeben (Dateiname, z. B. `report-sheet.schema.json`).
        #[arg(conflicts_with = "for_system")]
        name: Option<String>,
        /// Das Berichtsblatt-Schema für die Blätter dieses Zielsystems ausgeben (Auswahllisten für Formulare).
        #[arg(long)]
        for_system: Option<PathBuf>,
    },
    /// Tertialbericht aus den Berichtsblättern eines Tertials zusammenfassen (Markdown, HTML, JSON, SVG).
    Report(report::ReportArgs),
    /// Beschluss des Bezirksamts über den Bericht eintragen (geprüft; verweigert mit den Befunden, ohne zu schreiben).
    Decide(lifecycle::DecideArgs),
    /// Kenntnisnahme durch die BVV eintragen: Tag, Drucksachen-Nr., Ergebnis (geprüft wie `decide`).
    Note(lifecycle::NoteArgs),
    /// Die Vorlage zum Stadium des Berichts: Markdown, HTML, PDF oder OParl-Übergabeordner.
    Paper(paper::PaperArgs),
    /// Stand der Berichtsblätter an einem Tag: je Mitglied die fälligen Ziele, Frist, Stand, Prüfung und Eskalation.
    Status(status::StatusArgs),
    /// Prüfprotokoll fortschreiben: Eingang, Rückgabe oder Annahme eines Berichtsblatts (geprüft, bevor geschrieben wird).
    Review(review::ReviewArgs),
    /// Das Berichtsblatt als vorausgefülltes Formular (XLSX) schreiben, je Ziel oder je Mitglied.
    Form(form::FormArgs),
    /// Ausgefüllte Formulare (XLSX, ODS) einlesen, prüfen (Befunde mit Zelle) und als JSON schreiben.
    Import(import::ImportArgs),
    /// Eine Auswertungstabelle vieler Bezirksämter und Jahre als Parquet, CSV oder XLSX schreiben.
    Export(export::ExportArgs),
    /// Das Zielsystem des Folgejahres entwerfen: Ziele fortgeführt, laufende Amtszeiten, Jahresendwerte als Ausgangswerte.
    NextYear(next_year::NextYearArgs),
    /// Das ganze Verfahren am mitgelieferten Beispielbezirk: prüfen, zusammenfassen, Berichte schreiben.
    Demo {
        /// Verzeichnis für die Berichte.
        #[arg(long, default_value = "zielsystem-demo")]
        out: PathBuf,
    },
}

/// Output formats of `calendar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CalendarFormat {
    /// A readable table.
    Text,
    /// An array of tertials with start, cut-off and deadline.
    Json,
    /// An iCalendar file with one all-day event per cut-off and deadline.
    Ics,
}

/// Exit codes: 0 valid / done, 1 findings of severity error, 2 usage or I/O error.
pub(crate) const EXIT_USAGE: u8 = 2;

/// A failure that ends the command with exit code 2 and a message on stderr.
#[derive(Debug)]
pub(crate) struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    let outcome = match cli.command {
        Command::Validate {
            system,
            sheets,
            kind,
            previous_system,
            format,
        } => validate::run(
            &mut stdout,
            &validate::Args {
                system,
                sheets,
                kind,
                previous_system,
                format,
            },
        ),
        Command::ValidateStream {
            system,
            systems,
            jsonl,
            format,
            jobs,
        } => validate_stream::run(
            &mut stdout,
            &validate_stream::Args {
                system,
                systems,
                jsonl,
                format,
                jobs: usize::from(jobs),
            },
        ),
        Command::Rules => stdout
            .write_all(zielsystem_core::rules::doc::markdown_table().as_bytes())
            .map(|()| 0)
            .map_err(Failure::from),
        Command::Calendar { year, format } => calendar::run(&mut stdout, year, format),
        Command::Schema {
            write,
            name,
            for_system,
        } => match for_system {
            Some(system) => schema::for_system(&mut stdout, &system),
            None => schema::run(&mut stdout, write.as_deref(), name.as_deref()),
        },
        Command::Report(args) => report::run(&mut stdout, &args),
        Command::Status(args) => status::run(&mut stdout, &args),
        Command::Decide(args) => lifecycle::decide(&mut stdout, &args),
        Command::Note(args) => lifecycle::note(&mut stdout, &args),
        Command::Paper(args) => paper::run(&mut stdout, &args),
        Command::Review(args) => review::run(&mut stdout, &args),
        Command::Demo { out } => demo::run(&mut stdout, &out),
        Command::Form(args) => form::run(&mut stdout, &args),
        Command::Import(args) => import::run(&mut stdout, &args),
        Command::Export(args) => export::run(&mut stdout, &args),
        Command::NextYear(args) => next_year::run(&mut stdout, &args),
    };
    let _ = stdout.flush();
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Failure(message)) => {
            // Line by line, so the lines a failure lists stay lines and nothing else breaks one.
            let lines: Vec<_> = message.split('\n').map(input::terminal_safe).collect();
            eprintln!("zielsystem: Fehler: {}", lines.join("\n"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
