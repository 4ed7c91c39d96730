//! The tertial report as one self-contained HTML page (inline CSS and SVG, no external resource,
//! print-ready on A4), in German: the Bezirksamtsvorlage "zur Kenntnisnahme" with its numbered
//! sections, followed by the report as its appendix with the traffic-light matrix.
//!
//! Every piece of user text is HTML-escaped by the template engine; the matrix ([`super::svg`]) is
//! built by the same engine with escaping and only then embedded.

use minijinja::Value;
use minijinja::value::Serde;

use super::engine;
use super::svg;
use super::view::report_view;
use crate::model::tertial_report::TertialReport;

/// The report as HTML. The matrix shows every tertial of the year; earlier tertials come from the
/// forecasts the report carries in its `history` (the earlier sheets given to consolidation).
pub fn report(report: &TertialReport) -> String {
    let context = minijinja::context! {
        matrix => Value::from_safe_string(svg::matrix(report)),
        ..Value::from(Serde(report_view(report)))
    };
    engine::render_value("report.html", context)
}
