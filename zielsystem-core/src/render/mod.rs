//! Rendering for people: the two papers of a tertial report (each with the report as its Anlage),
//! the traffic-light matrix and the reporting calendar. Every piece of user text is escaped for its
//! output format.

mod engine;
pub mod html;
pub mod ical;
mod icon;
mod letter;
pub mod markdown;
pub mod reminder;
pub mod return_letter;
pub mod svg;
pub mod text;
mod view;

pub use view::indicator::{Attainment, attainment};

use crate::model::paper::PaperKind;
use crate::model::tertial_report::TertialReport;

/// How papers are rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Marks every page as an example ("Beispiel" in the letterhead): set by `zielsystem demo`,
    /// whose documents carry a real authority's name with invented figures; never for real reports.
    pub example: bool,
}

impl RenderOptions {
    /// The options of the demo's documents.
    pub const EXAMPLE: RenderOptions = RenderOptions { example: true };
}

impl TertialReport {
    /// The Bezirksamtsvorlage zur Beschlussfassung as Markdown ([`markdown::decision_paper`]).
    pub fn to_markdown(&self) -> String {
        markdown::decision_paper(self, RenderOptions::default())
    }

    /// The Bezirksamtsvorlage zur Beschlussfassung as a self-contained HTML page
    /// ([`html::decision_paper`]).
    pub fn to_html(&self) -> String {
        html::decision_paper(self, RenderOptions::default())
    }

    /// The Vorlage zur Kenntnisnahme for the council as Markdown; `None` before the decision.
    pub fn to_council_markdown(&self) -> Option<String> {
        markdown::council_paper(self, RenderOptions::default())
    }

    /// The Vorlage zur Kenntnisnahme for the council as HTML; `None` before the decision.
    pub fn to_council_html(&self) -> Option<String> {
        html::council_paper(self, RenderOptions::default())
    }

    /// The traffic-light matrix as SVG ([`svg::matrix`]).
    pub fn to_svg(&self) -> String {
        svg::matrix(self)
    }
}

/// The content of one paper of `report` as JSON data, for renderers outside the core (the PDF of
/// `zielsystem-pdf`): exactly what the HTML and Markdown templates see — `paper` (letterhead,
/// numbered sections, the Anlage) — and the rows and cells of the traffic-light matrix (`matrix`),
/// with `kind` (`"decision"` or `"council_information"`). User text stays raw: the renderer escapes
/// it for its format. `None` for a paper the report does not have: the Vorlage zur Kenntnisnahme
/// before the Bezirksamt's decision, and [`PaperKind::Information`] (the Bezirksamt takes a report
/// for decision, the council for information).
pub fn paper_data(
    report: &TertialReport,
    kind: PaperKind,
    options: RenderOptions,
) -> Option<serde_json::Value> {
    let paper = match kind {
        PaperKind::Decision => serde_json::to_value(view::decision_view(report, options)),
        PaperKind::CouncilInformation => serde_json::to_value(view::council_view(report, options)?),
        PaperKind::Information => return None,
    }
    .ok()?;
    let matrix = serde_json::to_value(svg::matrix_view(report)).ok()?;
    Some(serde_json::json!({ "kind": kind.as_str(), "paper": paper, "matrix": matrix }))
}
