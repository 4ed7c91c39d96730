//! Rendering for people: reports, papers and the reporting calendar. Every piece of user text is
//! escaped for its output format.

mod engine;
pub mod html;
pub mod ical;
mod icon;
pub mod markdown;
pub mod reminder;
pub mod svg;
pub mod text;
mod view;

use crate::model::tertial_report::TertialReport;

impl TertialReport {
    /// The report as Markdown ([`markdown::report`]).
    pub fn to_markdown(&self) -> String {
        markdown::report(self)
    }

    /// The report as a self-contained HTML page ([`html::report`]).
    pub fn to_html(&self) -> String {
        html::report(self)
    }

    /// The traffic-light matrix as SVG ([`svg::matrix`]).
    pub fn to_svg(&self) -> String {
        svg::matrix(self)
    }
}
