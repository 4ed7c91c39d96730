//! The papers of a tertial report as PDF, without a browser: the Bezirksamtsvorlage zur
//! Beschlussfassung and, once the Bezirksamt has decided, the Vorlage zur Kenntnisnahme for the
//! district council (BVV), each with its numbered sections and the report as its Anlage (overview
//! table, traffic-light matrix, one section per goal).
//!
//! The text comes from the core's paper data ([`zielsystem_core::render::paper_data`]), the same
//! the HTML and Markdown templates see, so the PDF says exactly what the HTML says. It is set by
//! Typst, used as a library: the template (`src/paper.typ`) reads that data as JSON, so user text
//! is data and never markup. The PDF is A4 with page numbers and repeated table headers, tagged
//! (PDF/UA-1: reading order, headings, table header cells, a summary for the matrix) and archivable
//! (PDF/A-2a); the fonts (Liberation Sans, SIL Open Font License, `fonts/`) are bundled and
//! embedded, no system font is read. The same report gives the same bytes: the document date is the
//! report's date (`as_of`), never the clock.

use chrono::Datelike;
use thiserror::Error;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};
use zielsystem_core::model::tertial_report::TertialReport;
use zielsystem_core::render::{RenderOptions, paper_data};

pub use zielsystem_core::model::paper::PaperKind;

/// The Typst template of both papers.
const TEMPLATE: &str = include_str!("paper.typ");

/// The bundled fonts: Liberation Sans 2.1.5 (metric-compatible with Arial, which the HTML asks
/// for), under the SIL Open Font License 1.1 (`fonts/OFL.txt`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
];

const MAIN_PATH: &str = "/paper.typ";
const DATA_PATH: &str = "/data.json";

/// Why a paper could not be written as PDF.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The report has no such paper: the Vorlage zur Kenntnisnahme exists only once the Bezirksamt
    /// has decided, and a report is never a plain paper for information.
    #[error(
        "Zu diesem Bericht gibt es keine {} / this report has no {}",
        .0.name_de(),
        .0.name_en()
    )]
    NoSuchPaper(PaperKind),
    /// The typesetter refused the document (a defect of the template, never of user text).
    #[error("Satzfehler / typesetting error: {0}")]
    Typeset(String),
    /// The PDF could not be written in the promised standards (PDF/A-2a, PDF/UA-1).
    #[error("PDF-Ausgabe fehlgeschlagen / PDF export failed: {0}")]
    Export(String),
}

/// The paper `kind` of `report` as PDF: [`PaperKind::Decision`] (the Bezirksamtsvorlage zur
/// Beschlussfassung, draft or decided) or [`PaperKind::CouncilInformation`] (the Vorlage zur
/// Kenntnisnahme for the council, once decided). `options.example` marks every page "Beispiel".
pub fn paper_pdf(
    report: &TertialReport,
    kind: PaperKind,
    options: RenderOptions,
) -> Result<Vec<u8>, PdfError> {
    let data = paper_data(report, kind, options).ok_or(PdfError::NoSuchPaper(kind))?;
    let mut world = PaperWorld::new()?;
    let data = world.printable(data);
    world.data =
        Bytes::new(serde_json::to_vec(&data).map_err(|e| PdfError::Typeset(e.to_string()))?);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| PdfError::Typeset(messages(&errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| PdfError::Export(e.message().to_string()))?;
    let as_of = report.as_of;
    let timestamp = Datetime::from_ymd_hms(
        as_of.year(),
        u8::try_from(as_of.month()).unwrap_or(1),
        u8::try_from(as_of.day()).unwrap_or(1),
        0,
        0,
        0,
    )
    .map(Timestamp::new_utc);
    let pdf_options = PdfOptions {
        // The document id stays the same for the same paper of the same report.
        ident: Smart::Custom(format!(
            "zielsystem/{}/{}/{}",
            report.authority,
            report.tertial,
            kind.as_str()
        )),
        creator: Smart::Custom(Some(format!("zielsystem {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &pdf_options).map_err(|errors| PdfError::Export(messages(&errors)))
}

/// The report's current paper as PDF: the Vorlage zur Kenntnisnahme for the council once the
/// Bezirksamt has decided, before that the Bezirksamtsvorlage zur Beschlussfassung.
pub fn current_paper_pdf(
    report: &TertialReport,
    options: RenderOptions,
) -> Result<Vec<u8>, PdfError> {
    paper_pdf(report, current_paper(report), options)
}

/// Which paper of `report` is current: the council's once decided, else the Bezirksamt's.
pub fn current_paper(report: &TertialReport) -> PaperKind {
    if report.stage.is_final() {
        PaperKind::CouncilInformation
    } else {
        PaperKind::Decision
    }
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The typesetter's view of the world: the template, the data, the bundled fonts; nothing else
/// (no file system, no packages, no clock).
struct PaperWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    data_id: FileId,
    source: Source,
    data: Bytes,
}

fn file_id(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path).map_err(|e| PdfError::Typeset(e.to_string()))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl PaperWorld {
    fn new() -> Result<Self, PdfError> {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        let main = file_id(MAIN_PATH)?;
        Ok(PaperWorld {
            // `a11y-extras` gives `pdf.table-summary`, the PDF/UA summary of the matrix table.
            library: LazyHash::new(
                Library::builder()
                    .with_features([Feature::A11yExtras].into_iter().collect())
                    .build(),
            ),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main,
            data_id: file_id(DATA_PATH)?,
            source: Source::new(main, TEMPLATE.to_string()),
            data: Bytes::new(Vec::new()),
        })
    }

    /// `data` with every text printable in the bundled fonts: control characters become blanks
    /// (as in the HTML), a character no bundled font has becomes "?" — PDF/A forbids the empty
    /// glyph a missing character would be drawn with, and the paper must still be written.
    fn printable(&self, data: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match data {
            Value::String(text) => Value::String(self.printable_text(&text)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| self.printable(v)).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(key, value)| (key, self.printable(value)))
                    .collect(),
            ),
            other => other,
        }
    }

    fn printable_text(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c == '\n' || (!c.is_control() && self.covered(c)) {
                    c
                } else if c.is_control() || c.is_whitespace() {
                    ' '
                } else {
                    '?'
                }
            })
            .collect()
    }

    fn covered(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(u32::from(c)))
    }
}

impl World for PaperWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
