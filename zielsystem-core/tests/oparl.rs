//! The OParl hand-over: the council's paper as an `oparl:Paper`, valid against the OParl 1.1
//! schemas, with checksums of the bytes handed in and the council's outcome in its consultation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod oparl_schema;

use chrono::NaiveDate;
use serde_json::Value;
use sha1::{Digest, Sha1};
use zielsystem_core::model::tertial_report::CouncilOutcome;
use zielsystem_core::oparl::{ConfigKey, FileFacts, HandOver, OparlConfig, OparlError, PAPER_TYPE};
use zielsystem_core::{ReportSheet, TargetSystem, TertialReport, consolidate};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn system() -> TargetSystem {
    serde_json::from_str(&fixture("report-system.json")).unwrap()
}

fn draft() -> TertialReport {
    let sheets: Vec<ReportSheet> = ["A01", "A02", "A03", "A04", "V01", "V02"]
        .iter()
        .map(|goal| {
            serde_json::from_str(&fixture(&format!("report-sheet-2022-T1-{goal}.json"))).unwrap()
        })
        .collect();
    consolidate(
        &system(),
        &sheets,
        "2022-T1".parse().unwrap(),
        date("2022-06-10"),
        &[],
    )
}

fn decided() -> TertialReport {
    draft()
        .decide(&system(), date("2022-06-14"), "98/VI", &[])
        .unwrap()
}

fn config() -> OparlConfig {
    OparlConfig {
        base_url: Some("https://ris.example.org/uebergabe/2022-T1/".into()),
        body_url: Some("https://ris.example.org/oparl/body/mitte".into()),
        originator_url: Some("https://ris.example.org/oparl/organization/bezirksamt".into()),
        council_url: Some("https://ris.example.org/oparl/organization/bvv".into()),
        meeting_url: None,
        web_url: None,
    }
}

/// The folder as the CLI writes it; the main file here is the HTML paper (the core takes any
/// bytes: what it promises is that size and checksums are those of the bytes handed in).
fn hand_over(report: &TertialReport) -> (HandOver, Vec<Vec<u8>>) {
    let main = report.to_council_html().unwrap().into_bytes();
    let json = serde_json::to_vec_pretty(report).unwrap();
    let svg = report.to_svg().into_bytes();
    let hand_over = HandOver {
        paper_file_name: "paper.json".into(),
        main_file: FileFacts::of(
            "vorlage bvv.html",
            "Vorlage zur Kenntnisnahme",
            "text/html",
            &main,
        ),
        auxiliary_files: vec![
            FileFacts::of(
                "bericht-2022-T1.json",
                "Bericht (JSON)",
                "application/json",
                &json,
            ),
            FileFacts::of("ampel-2022-T1.svg", "Ampelübersicht", "image/svg+xml", &svg),
        ],
        web_file_name: Some("vorlage bvv.html".into()),
        written_at: date("2022-06-15").and_hms_opt(9, 30, 0).unwrap(),
    };
    (hand_over, vec![main, json, svg])
}

fn sha1_hex(bytes: &[u8]) -> String {
    zielsystem_core::digest::hex(&Sha1::digest(bytes))
}

#[test]
fn decided_report_gives_a_valid_paper_with_a_planned_consultation() {
    let report = decided();
    let (hand_over, bytes) = hand_over(&report);
    let paper = report.to_oparl(&config(), &hand_over).unwrap();
    let value = serde_json::to_value(&paper).unwrap();
    oparl_schema::assert_valid_paper(&value);

    assert_eq!(value["type"], PAPER_TYPE);
    assert_eq!(
        value["id"],
        "https://ris.example.org/uebergabe/2022-T1/paper.json"
    );
    assert_eq!(value["paperType"], "Vorlage zur Kenntnisnahme");
    assert_eq!(value["date"], "2022-06-14");
    assert!(value.get("reference").is_none(), "no Drucksache number yet");
    assert_eq!(value["created"], "2022-06-15T09:30:00Z");
    // Space in the file name is percent-encoded in the URLs, kept in fileName.
    assert_eq!(
        value["mainFile"]["accessUrl"],
        "https://ris.example.org/uebergabe/2022-T1/vorlage%20bvv.html"
    );
    assert_eq!(value["mainFile"]["fileName"], "vorlage bvv.html");
    assert_eq!(value["web"], value["mainFile"]["accessUrl"]);
    let files =
        std::iter::once(&value["mainFile"]).chain(value["auxiliaryFile"].as_array().unwrap());
    for (file, bytes) in files.zip(&bytes) {
        assert_eq!(file["size"], bytes.len() as u64);
        assert_eq!(file["sha1Checksum"], sha1_hex(bytes));
        assert_eq!(file["sha512Checksum"].as_str().unwrap().len(), 128);
    }
    let consultation = &value["consultation"][0];
    assert_eq!(consultation["role"], "Kenntnisnahme");
    assert_eq!(consultation["authoritative"], false);
    assert_eq!(
        consultation["organization"][0],
        "https://ris.example.org/oparl/organization/bvv"
    );
    assert!(consultation.get("meeting").is_none() && consultation.get("keyword").is_none());
}

#[test]
fn the_councils_outcome_is_in_the_consultation() {
    let expected = [
        (CouncilOutcome::Noted, true, "zur Kenntnis genommen"),
        (
            CouncilOutcome::NotedWithInterimReport,
            true,
            "mit Zwischenbericht zur Kenntnis genommen",
        ),
        (
            CouncilOutcome::NotedWithFinalReport,
            true,
            "mit Abschlussbericht zur Kenntnis genommen",
        ),
        (
            CouncilOutcome::Referred,
            false,
            "an einen Ausschuss überwiesen",
        ),
        (CouncilOutcome::Postponed, false, "vertagt"),
    ];
    for (outcome, authoritative, words) in expected {
        let noted = decided()
            .note(date("2022-07-14"), Some("0297/VI".into()), Some(outcome))
            .unwrap();
        let (hand_over, _) = hand_over(&noted);
        let mut config = config();
        config.meeting_url = Some("https://ris.example.org/oparl/meeting/42".into());
        let value = serde_json::to_value(noted.to_oparl(&config, &hand_over).unwrap()).unwrap();
        oparl_schema::assert_valid_paper(&value);
        assert_eq!(value["reference"], "0297/VI");
        let consultation = &value["consultation"][0];
        assert_eq!(consultation["authoritative"], authoritative, "{outcome:?}");
        assert_eq!(consultation["keyword"][0], words);
        assert_eq!(
            consultation["meeting"],
            "https://ris.example.org/oparl/meeting/42"
        );
    }
}

#[test]
fn missing_urls_are_named_never_invented() {
    let report = decided();
    let (hand_over, _) = hand_over(&report);
    let config = OparlConfig {
        base_url: Some("https://ris.example.org/x".into()),
        ..OparlConfig::default()
    };
    let error = report.to_oparl(&config, &hand_over).unwrap_err();
    assert_eq!(
        error,
        OparlError::Missing(vec![
            ConfigKey::BodyUrl,
            ConfigKey::OriginatorUrl,
            ConfigKey::CouncilUrl
        ])
    );
    assert!(
        error
            .to_string()
            .contains("body_url – URL der Körperschaft (oparl:Body); originator_url")
    );

    let mut bad = self::config();
    bad.council_url = Some("ris.example.org/bvv".into());
    assert!(matches!(
        report.to_oparl(&bad, &hand_over),
        Err(OparlError::NotAUrl {
            key: ConfigKey::CouncilUrl,
            ..
        })
    ));
    assert!(matches!(
        draft().to_oparl(&self::config(), &hand_over),
        Err(OparlError::NotDecided(_))
    ));
    let mut escaping = hand_over.clone();
    escaping.paper_file_name = "../paper.json".into();
    assert!(matches!(
        report.to_oparl(&self::config(), &escaping),
        Err(OparlError::FileName(_))
    ));
}

#[test]
fn configuration_from_json_and_options_over_file() {
    let file = OparlConfig::from_json(
        br#"{"base_url": "https://a.example/x", "body_url": "https://a.example/body"}"#,
    )
    .unwrap();
    let options = OparlConfig {
        base_url: Some("https://b.example/y".into()),
        ..OparlConfig::default()
    };
    let merged = options.or(file);
    assert_eq!(merged.base_url.as_deref(), Some("https://b.example/y"));
    assert_eq!(merged.body_url.as_deref(), Some("https://a.example/body"));
    assert!(OparlConfig::from_json(br#"{"base": "https://a.example"}"#).is_err());
    assert!(OparlConfig::from_json(b"[").is_err());
    // Not an array of the values in order, as serde alone would allow.
    assert!(OparlConfig::from_json(br#"["https://a.example/x"]"#).is_err());
}

#[test]
fn the_schema_check_itself_finds_what_is_wrong() {
    let report = decided();
    let (hand_over, _) = hand_over(&report);
    let mut value = serde_json::to_value(report.to_oparl(&config(), &hand_over).unwrap()).unwrap();
    value["type"] = Value::from("https://schema.oparl.org/1.0/Paper");
    value["mainFile"]["size"] = Value::from("12");
    value["mainFile"]
        .as_object_mut()
        .unwrap()
        .remove("accessUrl");
    value["consultation"][0]["authoritative"] = Value::from("ja");
    value["body"] = Value::from("not a url");
    value["date"] = Value::from("2022-02-30");
    let problems = oparl_schema::violations("Paper.json", &value);
    let text = problems.join("\n");
    for expected in [
        "/type",
        "/mainFile",
        "accessUrl",
        "/size",
        "/authoritative",
        "/body",
        "/date",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}
