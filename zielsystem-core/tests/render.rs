//! Rendering of tertial reports: snapshots of the Markdown, HTML and SVG of the fixture reports
//! (committed under `tests/snapshots/`; `ZIELSYSTEM_BLESS=1` rewrites them), and proof that user
//! text cannot inject markup into any of the three formats.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag};
use zielsystem_core::{ReportSheet, TargetSystem, TertialReport, consolidate};

mod common;
use common::fixture;

fn sheets(tertial: &str, goals: &[&str]) -> Vec<ReportSheet> {
    goals
        .iter()
        .map(|goal| fixture(&format!("report-sheet-{tertial}-{goal}.json")))
        .collect()
}

const T1_GOALS: [&str; 6] = ["A01", "A02", "A03", "A04", "V01", "V02"];
const T2_GOALS: [&str; 5] = ["A01", "A02", "A03", "V01", "V02"];

/// The consolidated report of tertial I on 14 June 2022.
fn t1_report(system: &TargetSystem, t1: &[ReportSheet]) -> TertialReport {
    consolidate(
        system,
        t1,
        "2022-T1".parse().unwrap(),
        "2022-06-14".parse().unwrap(),
        &[],
    )
}

/// Tertial I, decided and noted; tertial II, a draft compared with tertial I (A04 overdue).
fn reports() -> [TertialReport; 2] {
    let system: TargetSystem = fixture("report-system.json");
    let t1 = sheets("2022-T1", &T1_GOALS);
    let noted = t1_report(&system, &t1)
        .decide("2022-06-21".parse().unwrap(), "118/VI")
        .unwrap()
        .note(
            "2022-07-14".parse().unwrap(),
            "0412/VI",
            Some("zur Kenntnis genommen".into()),
        )
        .unwrap();
    let draft = consolidate(
        &system,
        &sheets("2022-T2", &T2_GOALS),
        "2022-T2".parse().unwrap(),
        "2022-10-11".parse().unwrap(),
        &t1,
    );
    [noted, draft]
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("ZIELSYSTEM_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with ZIELSYSTEM_BLESS=1 to write it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the snapshot from line {} on:\n  expected: {:?}\n  actual:   {:?}\nRun with ZIELSYSTEM_BLESS=1 to accept.",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn snapshots_of_the_fixture_reports() {
    let [noted, draft] = reports();
    snapshot("report-2022-T1.md", &noted.to_markdown());
    snapshot("report-2022-T1.html", &noted.to_html());
    snapshot("report-2022-T2.md", &draft.to_markdown());
    snapshot("report-2022-T2.html", &draft.to_html());
    snapshot("matrix-2022-T2.svg", &draft.to_svg());
}

#[test]
fn rendered_report_reads_like_a_vorlage() {
    let [noted, draft] = reports();
    let html = noted.to_html();
    assert!(html.contains("Vorlage – zur Kenntnisnahme –"));
    assert!(html.contains(
        "Das Bezirksamt hat am 21.06.2022 beschlossen, der Bezirksverordnetenversammlung dazu Nachfolgendes zur Kenntnis zu bringen:"
    ));
    assert!(html.contains("§§ 36, 37 Absatz 7, 38 Absatz 2 Bezirksverwaltungsgesetz"));
    // Self-contained: no external resource of any kind.
    for external in [
        "<link",
        "<script",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    let md = draft.to_markdown();
    assert!(!md.contains("beschlossen, der Bezirksverordnetenversammlung"));
    assert!(md.contains("A04 Schulplätze sichern \\(illustrativ\\) (Geschäftsbereich"));
    assert!(md.contains("überfällig"));
    assert!(draft.to_html().contains("ENTWURF"));
    // Markdown tables keep their shape: 7 cells in every overview row.
    let rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| Ziel | Titel"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), 2 + 6);
}

const SCRIPT: &str = "<script>alert(1)</script>";
const LINK: &str = "[x](javascript:alert(1))";

/// A report whose goal title, risk text, org-unit name, contribution and rationale carry markup.
fn hostile_report() -> TertialReport {
    let mut system: TargetSystem = fixture("report-system.json");
    system.goals[0].title = format!("Klima {SCRIPT} {LINK} | Spalte");
    system.org_units[0].name = format!("Steuerungsdienst {SCRIPT} {LINK}");
    system.portfolios[0].name = format!("GB {LINK}");
    let mut t1 = sheets("2022-T1", &T1_GOALS);
    t1[0].risks[0].description = format!("Risiko {SCRIPT} {LINK}");
    t1[0].contributions[0].text = format!("- {LINK}\n# Überschrift\n{SCRIPT}");
    t1[0].rationale = format!("1. {LINK} & &amp; <img src=x onerror=alert(1)>");
    t1[1].countermeasures[0].description = format!("{SCRIPT}{LINK}");
    t1_report(&system, &t1)
}

#[test]
fn user_text_is_inert_in_html() {
    let html = hostile_report().to_html();
    assert!(!html.contains("<script"), "raw <script> in HTML");
    assert!(!html.contains("<img"), "raw <img> in HTML");
    assert!(!html.to_lowercase().contains("href=\"javascript"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("Risiko &lt;script&gt;"));
    assert!(html.contains("Steuerungsdienst &lt;script&gt;"));
}

#[test]
fn user_text_is_inert_in_markdown() {
    let md = hostile_report().to_markdown();
    assert!(!md.contains("<script>"));
    assert!(!md.contains("](javascript:"));
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let mut headings = 0;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("HTML in Markdown: {html}"),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                panic!("link in Markdown: {dest_url}")
            }
            Event::Start(Tag::Heading { .. }) => headings += 1,
            _ => {}
        }
    }
    // Only the template's headings: none made from user text ("# Überschrift").
    let clean = reports()[0].to_markdown();
    let expected = Parser::new_ext(&clean, options)
        .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
        .count();
    assert_eq!(headings, expected);
    // The text itself is still there for the reader.
    let text: String = Parser::new_ext(&md, options)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    assert!(text.contains(SCRIPT));
    assert!(text.contains(LINK));
}

#[test]
fn user_text_is_inert_in_svg() {
    let svg = hostile_report().to_svg();
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.starts_with("<svg") || svg.trim_start().starts_with("<svg"));
}

#[test]
fn a_system_without_goals_still_renders() {
    let mut system: TargetSystem = fixture("report-system.json");
    system.goals.clear();
    system.portfolios.clear();
    let report = consolidate(
        &system,
        &[],
        "2022-T1".parse().unwrap(),
        "2022-06-14".parse().unwrap(),
        &[],
    );
    for text in [report.to_markdown(), report.to_html(), report.to_svg()] {
        assert!(!text.contains("Darstellungsfehler"), "{text}");
    }
    assert!(
        report
            .to_markdown()
            .contains("Zu allen Zielen liegt ein Berichtsblatt vor.")
    );
}

/// Control characters, terminal escapes, bidi overrides, XML noncharacters and markup in every
/// user text a report shows: authority, goal titles, portfolio, org-unit and indicator names,
/// contributions, risks, rationales, countermeasures, decision and council numbers.
fn report_with_control_characters() -> TertialReport {
    const NASTY: &str =
        "\u{0}\u{1b}[31m\u{7}\u{b}\u{c}\u{7f}\u{85}\u{202e}\u{fffe}\u{ffff}]]><![CDATA[&#0;<x/>";
    let mut system: TargetSystem = fixture("report-system.json");
    system.authority = format!("Bezirksamt {NASTY}");
    for goal in &mut system.goals {
        goal.title = format!("Ziel {NASTY} {SCRIPT}");
        for indicator in &mut goal.indicators {
            indicator.name = format!("Kennzahl {NASTY}");
            indicator.unit = format!("Tage {NASTY}");
        }
    }
    for unit in &mut system.org_units {
        unit.name = format!("Amt {NASTY} {LINK}");
    }
    for portfolio in &mut system.portfolios {
        portfolio.name = format!("GB {NASTY}");
    }
    let mut t1 = sheets("2022-T1", &T1_GOALS);
    for sheet in &mut t1 {
        sheet.authority.clone_from(&system.authority);
        sheet.rationale = format!("Begründung {NASTY}");
        for risk in &mut sheet.risks {
            risk.description = format!("Risiko {NASTY}");
        }
        for contribution in &mut sheet.contributions {
            contribution.text = format!("Beitrag {NASTY}");
        }
        for countermeasure in &mut sheet.countermeasures {
            countermeasure.description = format!("Gegensteuerung {NASTY}");
        }
    }
    t1_report(&system, &t1)
        .decide("2022-06-21".parse().unwrap(), "118/VI")
        .unwrap()
}

fn control_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

#[test]
fn control_characters_never_reach_html_svg_or_markdown() {
    let report = report_with_control_characters();
    let svg = report.to_svg();
    let html = report.to_html();
    let md = report.to_markdown();
    for (format, text) in [("svg", &svg), ("html", &html), ("md", &md)] {
        let mut found = control_characters(text);
        if format == "md" {
            // Noncharacters are only illegal in XML; Markdown shows them as they are.
            found.retain(|c| c.is_control());
        }
        assert_eq!(found, Vec::<char>::new(), "{format}");
        // (Markdown keeps the text with a backslash before every bracket: `\<script\>`.)
        assert!(!text.contains("<script>"), "{format}");
        assert!(!text.contains("]]><![CDATA["), "{format}");
        assert!(!text.contains("<x/>"), "{format}");
        assert!(!text.contains("Darstellungsfehler"), "{format}");
    }
    // The standalone SVG is well-formed XML, and the titles are there as text.
    let document = roxmltree::Document::parse(&svg).unwrap();
    let texts: String = document
        .descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|node| node.text())
        .collect();
    assert!(texts.contains(SCRIPT), "the title is shown as written");
    assert!(texts.contains("<![CDATA[&#0;<x/>"));
    // The HTML's embedded SVG is the same well-formed matrix.
    assert!(html.contains(svg.trim()));
}
