//! Report inputs: the input is a list of sheet documents separated by a NUL byte; every part that
//! decodes is a sheet, the first byte picks the tertial of the report and the rest are earlier
//! sheets. They are consolidated against the example system, re-checked (TR rules), rendered as
//! Markdown, HTML and SVG, and turned into both papers (BV rules). The whole input is also read as a
//! stored tertial report and as a paper.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::model::paper::{council_paper, decision_paper};
use zielsystem_core::rules::{from_json, validate_paper, validate_report};
use zielsystem_core::{Paper, ReportSheet, TargetSystem, Tertial, TertialReport, consolidate};

fn example() -> &'static TargetSystem {
    static SYSTEM: std::sync::OnceLock<TargetSystem> = std::sync::OnceLock::new();
    SYSTEM.get_or_init(|| {
        from_json(include_bytes!(
            "../../examples/mitte-2022/target-system.json"
        ))
        .unwrap_or_else(|e| panic!("the example decodes: {e}"))
    })
}

fn render(report: &TertialReport) {
    let _ = (report.to_markdown(), report.to_html(), report.to_svg());
    let _ = (report.to_council_markdown(), report.to_council_html());
    let _ = validate_report(report);
    let _ = validate_paper(&decision_paper(report));
    let _ = council_paper(report).map(|paper| validate_paper(&paper));
}

fuzz_target!(|data: &[u8]| {
    let system = example();
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let tertials = Tertial::of_year(2022).unwrap_or_else(|e| panic!("{e}"));
    let tertial = tertials[usize::from(pick % 3)];
    let sheets: Vec<ReportSheet> = rest
        .split(|&b| b == 0)
        .filter_map(|part| {
            zielsystem_core::rules::decode::<ReportSheet>(
                part,
                zielsystem_core::rules::report_sheet::schema(),
            )
            .document
        })
        .collect();
    let (current, previous): (Vec<ReportSheet>, Vec<ReportSheet>) = sheets
        .into_iter()
        .partition(|sheet| sheet.tertial == tertial);
    let report = consolidate(system, &current, tertial, tertial.deadline(), &previous);
    render(&report);
    let not_adopted = [usize::from(pick % 4)];
    if let Ok(decided) = report.decide(system, tertial.deadline(), "118/VI", &not_adopted) {
        let _ = validate_report(&decided);
        render(&decided);
    }
    if let Ok(stored) = from_json::<TertialReport>(data) {
        render(&stored);
    }
    if let Ok(paper) = from_json::<Paper>(data) {
        let _ = validate_paper(&paper);
    }
});
