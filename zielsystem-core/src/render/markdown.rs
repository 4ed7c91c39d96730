//! The two papers of a tertial report as Markdown (`CommonMark` with GitHub tables), in German, with
//! the same wording as the HTML: the Bezirksamtsvorlage zur Beschlussfassung and the Vorlage zur
//! Kenntnisnahme for the council, each followed by the report as its Anlage.
//!
//! Every piece of user text (titles, contributions, risks, rationales, names) is escaped with
//! [`super::text::escape_markdown`], so it shows as written and never becomes a link, an image,
//! raw HTML or a table cell boundary.

use super::view::{council_view, decision_view};
use super::{RenderOptions, engine};
use crate::model::tertial_report::TertialReport;

/// The Bezirksamtsvorlage zur Beschlussfassung. Needs nothing but the report: it carries its context.
pub fn decision_paper(report: &TertialReport, options: RenderOptions) -> String {
    engine::render("decision.md", decision_view(report, options))
}

/// The Vorlage zur Kenntnisnahme for the council; `None` before the Bezirksamt has decided.
pub fn council_paper(report: &TertialReport, options: RenderOptions) -> Option<String> {
    Some(engine::render("council.md", council_view(report, options)?))
}
