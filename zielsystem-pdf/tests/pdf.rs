//! The papers of the example district's reports (Bezirksamt Mitte 2022, tertials I–III) as PDF,
//! read back: the text (goal titles, Umlauts, the numbered sections 1–11), the document metadata,
//! the standards the file claims, embedded fonts and tags; the same bytes for the same report; user
//! text that looks like Typst markup stays text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use lopdf::{Document, Object};
use zielsystem_core::model::tertial_report::CouncilOutcome;
use zielsystem_core::render::RenderOptions;
use zielsystem_core::{ReportSheet, TargetSystem, Tertial, TertialReport, consolidate};
use zielsystem_pdf::{PaperKind, PdfError, current_paper, paper_pdf};

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022")
}

fn system() -> TargetSystem {
    serde_json::from_slice(&std::fs::read(example().join("target-system.json")).unwrap()).unwrap()
}

fn sheets(tertial: &str) -> Vec<ReportSheet> {
    let mut paths: Vec<_> = std::fs::read_dir(example().join("sheets").join(tertial))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap())
        .collect()
}

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

/// The demo's year: tertial I decided and noted, tertial II decided, tertial III a draft.
fn reports() -> Vec<TertialReport> {
    let system = system();
    let (t1, t2, t3) = (sheets("2022-T1"), sheets("2022-T2"), sheets("2022-T3"));
    let tertial = |text: &str| -> Tertial { text.parse().unwrap() };
    let first = consolidate(&system, &t1, tertial("2022-T1"), day("2022-06-07"), &[])
        .decide(&system, day("2022-06-14"), "118/VI", &[])
        .unwrap()
        .note(
            day("2022-07-14"),
            Some("0412/VI".into()),
            Some(CouncilOutcome::Noted),
        )
        .unwrap();
    let second = consolidate(&system, &t2, tertial("2022-T2"), day("2022-10-04"), &t1)
        .decide(&system, day("2022-10-11"), "164/VI", &[])
        .unwrap();
    let earlier: Vec<ReportSheet> = t1.iter().chain(&t2).cloned().collect();
    let third = consolidate(
        &system,
        &t3,
        tertial("2022-T3"),
        day("2023-01-27"),
        &earlier,
    );
    vec![first, second, third]
}

/// The text of a PDF with runs of white space as one blank.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn info_string(document: &Document, key: &[u8]) -> String {
    let info = document.trailer.get(b"Info").unwrap();
    let info = document
        .get_dictionary(info.as_reference().unwrap())
        .unwrap();
    match info.get(key).unwrap() {
        Object::String(bytes, _) => {
            lopdf::decode_text_string(&Object::String(bytes.clone(), lopdf::StringFormat::Literal))
                .unwrap()
        }
        other => panic!("{other:?}"),
    }
}

/// The catalog's entries and the metadata stream (XMP).
fn catalog_and_xmp(document: &Document) -> (lopdf::Dictionary, String) {
    let catalog = document.catalog().unwrap().clone();
    let xmp = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = document.get_object(xmp).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    (catalog, xmp)
}

const SECTIONS: [&str; 11] = [
    "Gegenstand der Vorlage:",
    "Berichterstatter/in:",
    "Beschlussentwurf:",
    "Begründung:",
    "Rechtsgrundlage:",
    "Auswirkungen auf den Haushaltsplan und die Finanzplanung:",
    "Gleichstellungsrelevante Auswirkungen:",
    "Behindertenrelevante Auswirkungen:",
    "Integrationsrelevante Auswirkungen:",
    "Sozialraumrelevante Auswirkungen:",
    "Mitzeichnung(en):",
];

fn check_paper(report: &TertialReport, kind: PaperKind, pdf: &[u8]) {
    let what = format!("{} {}", report.tertial, kind.as_str());
    assert!(pdf.starts_with(b"%PDF-"), "{what}");
    let text = text_of(pdf);
    for entry in &report.goals {
        let title = entry.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(&format!("{} {title}", entry.goal)),
            "{what}: goal {} „{title}“ missing",
            entry.goal
        );
    }
    for word in [
        "Bezirksamt Mitte",
        "Übersicht",
        "Geschäftsbereich",
        "Einschätzung",
        "Ziele nach Einschätzung und Perspektive",
        "Ampelübersicht",
        "Anlage:",
    ] {
        assert!(text.contains(word), "{what}: „{word}“ missing");
    }
    if kind == PaperKind::Decision {
        {
            assert!(text.contains("Vorlage – zur Beschlussfassung –"), "{what}");
            let mut from = 0;
            for (index, title) in SECTIONS.iter().enumerate() {
                let heading = format!("{}. {title}", index + 1);
                let glued = format!("{}.{title}", index + 1);
                let at = text[from..]
                    .find(&heading)
                    .or_else(|| text[from..].find(&glued))
                    .unwrap_or_else(|| {
                        panic!("{what}: section „{heading}“ missing or out of order")
                    });
                from += at + 1;
            }
        }
    } else {
        assert!(text.contains("Vorlage – zur Kenntnisnahme –"), "{what}");
        assert!(text.contains("Bezirksverordnetenversammlung"), "{what}");
        for title in &SECTIONS[4..10] {
            assert!(text.contains(title), "{what}: „{title}“ missing");
        }
    }
    // Page numbers in the footer, on every page.
    let document = Document::load_mem(pdf).unwrap();
    let pages = document.get_pages().len();
    assert!(pages >= 3, "{what}: {pages} pages");
    assert!(
        text.contains(&format!("Seite {pages} von {pages}")),
        "{what}: no page numbers"
    );
    // Metadata: title, author = the authority, language German.
    let title = info_string(&document, b"Title");
    assert!(
        title.starts_with("Vorlage – ") && title.contains(kind.label_de()),
        "{what}: title {title}"
    );
    assert_eq!(info_string(&document, b"Author"), report.authority);
    let (catalog, xmp) = catalog_and_xmp(&document);
    assert_eq!(
        catalog.get(b"Lang").unwrap().as_str().unwrap(),
        b"de-DE",
        "{what}"
    );
    // PDF/A-2a and PDF/UA-1, as the metadata declares them; a tagged document.
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>A"),
        "{what}: {xmp}"
    );
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{what}");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "{what}: not tagged");
    let marked = catalog.get(b"MarkInfo").unwrap();
    let marked = match marked {
        Object::Reference(id) => document.get_dictionary(*id).unwrap().clone(),
        Object::Dictionary(d) => d.clone(),
        other => panic!("{other:?}"),
    };
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap(), "{what}");
    // Every font is embedded.
    let mut descriptors = 0;
    for object in document.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
        {
            {
                descriptors += 1;
                assert!(
                    dict.has(b"FontFile2") || dict.has(b"FontFile3") || dict.has(b"FontFile"),
                    "{what}: font not embedded: {dict:?}"
                );
                let name = dict.get(b"FontName").unwrap().as_name().unwrap();
                assert!(
                    String::from_utf8_lossy(name).contains("LiberationSans"),
                    "{what}: unexpected font {}",
                    String::from_utf8_lossy(name)
                );
            }
        }
    }
    assert!(descriptors > 0, "{what}: no fonts");
    check_matrix_summary(report, &document, &what);
}

/// The traffic-light matrix is a table with a summary (PDF/UA's alternative description of a
/// table): its layout and the lights of the report's tertial in words.
fn check_matrix_summary(report: &TertialReport, document: &Document, what: &str) {
    // A structure element's attributes (`/A`) are a dictionary or an array of them; the table's
    // (`/O /Table`) carry the summary.
    let attributes = |object: &Object| -> Vec<lopdf::Dictionary> {
        let resolve = |object: &Object| match object {
            Object::Reference(id) => document.get_dictionary(*id).ok().cloned(),
            Object::Dictionary(dict) => Some(dict.clone()),
            _ => None,
        };
        match object {
            Object::Array(items) => items.iter().filter_map(resolve).collect(),
            other => resolve(other).into_iter().collect(),
        }
    };
    let summaries: Vec<String> = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok()?.get(b"A").ok())
        .flat_map(attributes)
        .filter_map(|attribute| lopdf::decode_text_string(attribute.get(b"Summary").ok()?).ok())
        .collect();
    let tertial = format!(
        "{}. Tertial (dieser Bericht):",
        report.tertial.period().roman()
    );
    assert!(
        summaries
            .iter()
            .any(|summary| summary.starts_with("Ampelübersicht des Jahres")
                && summary.contains("je Ziel eine Zeile")
                && summary.contains(&tertial)),
        "{what}: no summary of the matrix: {summaries:?}"
    );
}

#[test]
fn every_paper_of_the_example_year_reads_back() {
    let mut papers = 0;
    for report in reports() {
        let mut kinds = vec![PaperKind::Decision];
        if report.stage.is_final() {
            kinds.push(PaperKind::CouncilInformation);
        }
        for kind in kinds {
            let pdf = paper_pdf(&report, kind, RenderOptions::default()).unwrap();
            // To look at them: ZIELSYSTEM_PDF_OUT=DIR keeps the papers.
            if let Some(dir) = std::env::var_os("ZIELSYSTEM_PDF_OUT") {
                let name = format!("{}-{}.pdf", report.tertial, kind.as_str());
                std::fs::write(Path::new(&dir).join(name), &pdf).unwrap();
            }
            check_paper(&report, kind, &pdf);
            papers += 1;
        }
    }
    assert_eq!(papers, 5);
}

#[test]
fn the_example_mark_is_on_every_page_and_the_output_is_reproducible() {
    let report = &reports()[1];
    assert_eq!(current_paper(report), PaperKind::CouncilInformation);
    let pdf = paper_pdf(
        report,
        PaperKind::CouncilInformation,
        RenderOptions::EXAMPLE,
    )
    .unwrap();
    let again = paper_pdf(
        report,
        PaperKind::CouncilInformation,
        RenderOptions::EXAMPLE,
    )
    .unwrap();
    assert!(pdf == again, "two renderings of the same report differ");
    let pages = Document::load_mem(&pdf).unwrap().get_pages().len();
    let text = text_of(&pdf);
    assert_eq!(
        text.matches("BEISPIEL – kein Dokument des Bezirksamts")
            .count(),
        pages,
        "{text}"
    );
    let document = Document::load_mem(&pdf).unwrap();
    assert!(
        info_string(&document, b"Title").starts_with("Beispiel: Vorlage – zur Kenntnisnahme –")
    );
}

#[test]
fn a_paper_the_report_does_not_have_is_an_error() {
    let draft = &reports()[2];
    assert_eq!(current_paper(draft), PaperKind::Decision);
    for kind in [PaperKind::CouncilInformation, PaperKind::Information] {
        let error = paper_pdf(draft, kind, RenderOptions::default()).unwrap_err();
        assert!(
            matches!(error, PdfError::NoSuchPaper(k) if k == kind),
            "{error}"
        );
        assert!(
            error
                .to_string()
                .starts_with("Zu diesem Bericht gibt es keine")
        );
    }
}

/// Texts that would be markup, code or a comment in Typst, control characters, and characters no
/// bundled font has: the paper is still written, and the texts read back as they were (control
/// characters as blanks, characters without a glyph as "?").
#[test]
fn user_text_is_text_not_typst_markup() {
    const HOSTILE: [&str; 12] = [
        "#panic(\"boom\")",
        "*fett*",
        "$x^2$",
        "]",
        "\\",
        "<label>",
        "@ref",
        "// Kommentar",
        "/* offen",
        "#set page(width: 1pt)",
        "_kursiv_ `code` = Überschrift",
        "#{ 1 + 1 }",
    ];
    let mut system = system();
    let mut t1 = sheets("2022-T1");
    for (goal, hostile) in system.goals.iter_mut().zip(HOSTILE) {
        goal.title = format!("Ziel {hostile} Ende");
    }
    t1[0].rationale = format!(
        "Begründung {} \u{1b}[31m\u{7} 漢字 🚦 Schluss",
        HOSTILE.join(" ")
    );
    let report = consolidate(
        &system,
        &t1,
        "2022-T1".parse().unwrap(),
        day("2022-06-07"),
        &[],
    );
    let pdf = paper_pdf(&report, PaperKind::Decision, RenderOptions::default()).unwrap();
    let text = text_of(&pdf);
    for (goal, hostile) in system.goals.iter().zip(HOSTILE) {
        assert!(
            text.contains(&format!("{} Ziel {hostile} Ende", goal.id)),
            "„{hostile}“ not shown as text"
        );
    }
    let rationale = format!("Begründung {} [31m ?? ? Schluss", HOSTILE.join(" "));
    assert!(text.contains(&rationale), "{rationale} not in {text}");
}
