//! The tertial report as Markdown (`CommonMark` with GitHub tables), in German: the Bezirksamtsvorlage
//! "zur Kenntnisnahme" with its numbered sections, followed by the report as its appendix.
//!
//! Every piece of user text (titles, contributions, risks, rationales, names) is escaped with
//! [`super::text::escape_markdown`], so it shows as written and never becomes a link, an image,
//! raw HTML or a table cell boundary.

use super::engine;
use super::view::report_view;
use crate::model::tertial_report::TertialReport;

/// The report as Markdown. Needs nothing but the report: it carries its context.
pub fn report(report: &TertialReport) -> String {
    engine::render("report.md", report_view(report))
}
