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
use zielsystem_core::model::tertial_report::CouncilOutcome;
use zielsystem_core::render::{RenderOptions, html, markdown};
use zielsystem_core::{ReportSheet, TargetSystem, TertialReport, consolidate};

mod support;

use support::fixture;

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

/// Tertial I, decided and noted; tertial II, a draft compared with tertial I (A04 overdue); tertial
/// II decided with A04 still missing and the second countermeasure not adopted.
fn reports() -> [TertialReport; 3] {
    let system: TargetSystem = fixture("report-system.json");
    let t1 = sheets("2022-T1", &T1_GOALS);
    let noted = t1_report(&system, &t1)
        .decide(&system, "2022-06-21".parse().unwrap(), "118/VI", &[])
        .unwrap()
        .note(
            "2022-07-14".parse().unwrap(),
            Some("0412/VI".into()),
            Some(CouncilOutcome::Noted),
        )
        .unwrap();
    let draft = consolidate(
        &system,
        &sheets("2022-T2", &T2_GOALS),
        "2022-T2".parse().unwrap(),
        "2022-10-11".parse().unwrap(),
        &t1,
    );
    let decided = draft
        .decide(&system, "2022-10-18".parse().unwrap(), "164/VI", &[1])
        .unwrap();
    [noted, draft, decided]
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if support::bless() {
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
fn snapshots_of_the_fixture_papers() {
    let [noted, draft, decided] = reports();
    let example = RenderOptions::EXAMPLE;
    snapshot("decision-2022-T1.md", &noted.to_markdown());
    snapshot("decision-2022-T1.html", &noted.to_html());
    snapshot("council-2022-T1.md", &noted.to_council_markdown().unwrap());
    snapshot("council-2022-T1.html", &noted.to_council_html().unwrap());
    snapshot("decision-2022-T2.md", &draft.to_markdown());
    snapshot("decision-2022-T2.html", &draft.to_html());
    snapshot(
        "council-2022-T2-example.md",
        &markdown::council_paper(&decided, example).unwrap(),
    );
    snapshot(
        "council-2022-T2-example.html",
        &html::council_paper(&decided, example).unwrap(),
    );
    snapshot("matrix-2022-T2.svg", &draft.to_svg());
}

/// Wording that belongs to one paper only.
const DECISION_ONLY: [&str; 4] = [
    "Vorlage – zur Beschlussfassung –",
    "Beschlussentwurf",
    "III. Mit der Durchführung des Beschlusses werden alle Geschäftsbereiche beauftragt.",
    "Veröffentlichung:",
];
const COUNCIL_ONLY: [&str; 3] = [
    "Vorlage – zur Kenntnisnahme –",
    "beschlossen, der Bezirksverordnetenversammlung Nachfolgendes zur Kenntnis zu bringen:",
    "Das Bezirksamt hat folgende Aktivitäten zur Gegensteuerung beschlossen:",
];

#[test]
fn the_two_papers_do_not_mix() {
    let [noted, draft, decided] = reports();
    for report in [&noted, &draft, &decided] {
        for text in [report.to_html(), report.to_markdown()] {
            for phrase in DECISION_ONLY {
                assert!(text.contains(phrase), "decision paper lacks {phrase:?}");
            }
            for phrase in COUNCIL_ONLY {
                assert!(!text.contains(phrase), "decision paper has {phrase:?}");
            }
            assert!(!text.contains("Stadium"));
            assert!(!text.contains("Das Bezirksamt hat am"));
            assert!(text.contains("über den Bericht über das Erreichen der Ziele"));
            assert!(!text.contains("über Bericht über"));
            assert!(text.contains("Der Bericht ist als Anlage beigefügt."));
            assert!(!text.contains("folgt in der Anlage"));
            assert!(!text.contains("sha256:"), "digests belong in the JSON only");
            // Each countermeasure is named, never counted as a bare "(3)".
            assert!(
                text.contains("Springerpool"),
                "countermeasure named in the resolution"
            );
            assert!(!text.contains("Gegensteuerung (3)"));
            // The rapporteur signs with name and office.
            assert!(text.contains("Erika Musterfrau"));
        }
    }
    // The Bezirksamt's session is the decision paper's; the council paper names no session of it.
    for report in [&noted, &decided] {
        assert!(report.to_html().contains("für die Sitzung am"));
        assert!(
            !report
                .to_council_html()
                .unwrap()
                .contains("für die Sitzung am")
        );
        assert!(
            !report
                .to_council_markdown()
                .unwrap()
                .contains("für die Sitzung am")
        );
    }
    assert!(draft.to_council_html().is_none() && draft.to_council_markdown().is_none());
    for report in [&noted, &decided] {
        for text in [
            report.to_council_html().unwrap(),
            report.to_council_markdown().unwrap(),
        ] {
            for phrase in COUNCIL_ONLY {
                assert!(text.contains(phrase), "council paper lacks {phrase:?}");
            }
            for phrase in DECISION_ONLY {
                assert!(!text.contains(phrase), "council paper has {phrase:?}");
            }
            assert!(!text.contains("zur Entscheidung"));
            assert!(!text.contains("Stadium"));
            assert!(text.contains("Der Bericht ist als Anlage beigefügt."));
            assert!(text.contains(
                "§ 15 in Verbindung mit § 36 Absatz 2 Buchstabe f Bezirksverwaltungsgesetz"
            ));
            assert!(!text.contains("§§ 36, 37 Absatz 7, 38 Absatz 2"));
        }
    }
    let council = decided.to_council_markdown().unwrap();
    // The missing goal is named (TR03), and the countermeasure not adopted is listed as such.
    assert!(
        council.contains(
            "Zu folgendem Ziel liegt zum Stand 11.10.2022 noch kein Berichtsblatt vor: A04"
        ),
        "{council}"
    );
    assert!(council.contains("Nicht beschlossen hat das Bezirksamt"));
    assert!(noted.to_council_html().unwrap().contains(
        "Beratung in der Bezirksverordnetenversammlung am 14.07.2022: zur Kenntnis genommen."
    ));
}

#[test]
fn indicators_show_unit_once_and_a_readable_degree_of_attainment() {
    let [noted, _, _] = reports();
    let md = noted.to_markdown();
    assert!(md.contains("Grad der Zielerreichung"));
    for text in [md, noted.to_html()] {
        for line in text.lines().filter(|l| l.contains(" %")) {
            assert!(
                !line.contains("| -") && !line.contains(">-"),
                "negative percentage: {line}"
            );
        }
        // The unit has a column of its own: never "12 Anzahl | 30 Anzahl".
        assert!(text.contains("Einheit"));
        for unit in [" Tage", " Anzahl"] {
            for (at, _) in text.match_indices(unit) {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                assert!(!before.is_ascii_digit(), "unit after a number at {at}");
            }
        }
        assert!(text.contains("Wert − Ausgangswert") && text.contains("Ziel übertroffen"));
    }
}

#[test]
fn a_draft_names_the_sheets_that_would_refuse_the_decision() {
    let system: TargetSystem = fixture("report-system.json");
    let mut t1 = sheets("2022-T1", &T1_GOALS);
    t1[0].reporting_member = "m-jug".into();
    let draft = t1_report(&system, &t1);
    for text in [draft.to_html(), draft.to_markdown()] {
        assert!(text.contains("Hinweis vor dem Beschluss"), "{text}");
        assert!(text.contains("RS03"));
    }
    let [noted, _, _] = reports();
    assert!(!noted.to_html().contains("Hinweis vor dem Beschluss"));
}

#[test]
fn the_example_mark_shows_only_when_asked() {
    let [noted, _, _] = reports();
    assert!(!noted.to_html().contains("BEISPIEL"));
    assert!(!noted.to_markdown().contains("BEISPIEL"));
    let example = RenderOptions::EXAMPLE;
    assert!(html::decision_paper(&noted, example).contains("BEISPIEL"));
    assert!(markdown::decision_paper(&noted, example).contains("BEISPIEL"));
    assert!(
        html::council_paper(&noted, example)
            .unwrap()
            .contains("BEISPIEL")
    );
    assert!(
        markdown::council_paper(&noted, example)
            .unwrap()
            .contains("BEISPIEL")
    );
}

#[test]
fn rendered_paper_is_self_contained_and_names_the_missing() {
    let [noted, draft, _] = reports();
    let html = noted.to_html();
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
        .decide(&system, "2022-06-21".parse().unwrap(), "118/VI", &[])
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
    let council_html = report.to_council_html().unwrap();
    let council_md = report.to_council_markdown().unwrap();
    for (format, text) in [
        ("svg", &svg),
        ("html", &html),
        ("md", &md),
        ("html", &council_html),
        ("md", &council_md),
    ] {
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
