//! The two papers of a tertial report as self-contained HTML pages (inline CSS and SVG, no external
//! resource, print-ready on A4), in German: the Bezirksamtsvorlage zur Beschlussfassung and the
//! Vorlage zur Kenntnisnahme for the council, each followed by the report as its Anlage with the
//! traffic-light matrix.
//!
//! Every piece of user text is HTML-escaped by the template engine; the matrix ([`super::svg`]) is
//! built by the same engine with escaping and only then embedded.

use minijinja::Value;
use minijinja::value::Serde;

use super::view::{council_view, decision_view};
use super::{RenderOptions, engine, svg};
use crate::model::tertial_report::TertialReport;

/// The Bezirksamtsvorlage zur Beschlussfassung (draft or decided report). The matrix shows every
/// tertial of the year; earlier tertials come from the forecasts the report carries in its
/// `history` (the earlier sheets given to consolidation).
pub fn decision_paper(report: &TertialReport, options: RenderOptions) -> String {
    let context = minijinja::context! {
        matrix => Value::from_safe_string(svg::matrix(report)),
        ..Value::from(Serde(decision_view(report, options)))
    };
    engine::render_value("decision.html", context)
}

/// The Vorlage zur Kenntnisnahme for the council; `None` before the Bezirksamt has decided.
pub fn council_paper(report: &TertialReport, options: RenderOptions) -> Option<String> {
    let view = council_view(report, options)?;
    let context = minijinja::context! {
        matrix => Value::from_safe_string(svg::matrix(report)),
        ..Value::from(Serde(view))
    };
    Some(engine::render_value("council.html", context))
}
