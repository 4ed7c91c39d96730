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
