//! `decide`, `note` and `paper`, run as the built binary: the lifecycle from the command line, the
//! paper of each stage, and the OParl hand-over folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../zielsystem-core/tests/oparl_schema/mod.rs"]
mod oparl_schema;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sha1::{Digest, Sha1};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn zielsystem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1655285400")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zielsystem-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A draft of tertial I, consolidated on 10.06.2022 from the fixture sheets.
fn draft(dir: &Path) -> String {
    let out = dir.join("draft.json").display().to_string();
    let sheets: Vec<String> = ["A01", "A02", "A03", "A04", "V01", "V02"]
        .iter()
        .map(|goal| fixture(&format!("report-sheet-2022-T1-{goal}.json")))
        .collect();
    let mut args = vec![
        "report",
        "--system",
        "",
        "--tertial",
        "2022-T1",
        "--as-of",
        "2022-06-10",
        "--format",
        "json",
        "-o",
        &out,
    ];
    let system = fixture("report-system.json");
    args[2] = &system;
    args.extend(sheets.iter().map(String::as_str));
    let output = zielsystem(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    out
}

fn decided(dir: &Path) -> String {
    let draft = draft(dir);
    let out = dir.join("decided.json").display().to_string();
    let system = fixture("report-system.json");
    let output = zielsystem(&[
        "decide",
        &draft,
        "--system",
        &system,
        "--on",
        "2022-06-14",
        "--number",
        "98/VI",
        "-o",
        &out,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    out
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn decide_and_note_write_the_next_stage() {
    let dir = scratch("lifecycle");
    let decided = decided(&dir);
    let report = read_json(Path::new(&decided));
    assert_eq!(report["stage"], "decided");
    assert_eq!(report["decision"]["number"], "98/VI");
    assert_eq!(report["decision"]["decided_on"], "2022-06-14");

    let noted = dir.join("noted.json");
    let output = zielsystem(&[
        "note",
        &decided,
        "--on",
        "2022-07-14",
        "--number",
        "0297/VI",
        "--outcome",
        "noted-with-interim-report",
        "-o",
        noted.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = read_json(&noted);
    assert_eq!(report["stage"], "noted");
    assert_eq!(report["council"]["result"], "noted_with_interim_report");
    assert_eq!(report["council"]["number"], "0297/VI");
    // No temporary file is left beside the output.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|name| !name.contains(".tmp")), "{names:?}");

    // Without -o the next stage goes to standard output.
    let output = zielsystem(&[
        "note",
        &decided,
        "--on",
        "2022-07-14",
        "--outcome",
        "postponed",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["council"]["result"], "postponed");
    assert!(report["council"]["number"].is_null());
}

#[test]
fn a_forbidden_step_is_refused_with_its_findings_and_writes_nothing() {
    let dir = scratch("refused");
    let draft = draft(&dir);
    let system = fixture("report-system.json");
    let out = dir.join("decided.json");
    // Before the latest submission (V02 on 02.06.2022), with a malformed number.
    let output = zielsystem(&[
        "decide",
        &draft,
        "--system",
        &system,
        "--on",
        "2022-06-01",
        "--number",
        "98-VI",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("error[TR04] /decision/decided_on"), "{text}");
    assert!(text.contains("error[TR04] /decision/number"), "{text}");
    assert!(text.contains("nichts geschrieben"), "{text}");
    assert!(!out.exists());

    // A draft cannot be noted; a decided report cannot be decided again.
    let output = zielsystem(&["note", &draft, "--on", "2022-07-14", "--outcome", "noted"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("error[TR04] /stage"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
    let decided = decided(&dir);
    let before = std::fs::read(&decided).unwrap();
    let output = zielsystem(&[
        "decide",
        &decided,
        "--system",
        &system,
        "--on",
        "2022-06-21",
        "--number",
        "99/VI",
        "-o",
        &decided,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&decided).unwrap(),
        before,
        "the file is untouched"
    );

    // A Drucksachen-Nr. not of the authority's form.
    let output = zielsystem(&[
        "note",
        &decided,
        "--on",
        "2022-07-14",
        "--number",
        "Drs. 412",
        "--outcome",
        "noted",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("/council/number"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn paper_follows_the_stage() {
    let dir = scratch("paper-stage");
    let draft = draft(&dir);
    let output = zielsystem(&["paper", &draft, "--format", "md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("zur Beschlussfassung"), "{text}");

    let decided = decided(&dir);
    let html = dir.join("vorlage.html");
    let output = zielsystem(&[
        "paper",
        &decided,
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("zur Kenntnisnahme"));
    assert!(text.contains("Das Bezirksamt hat"));
}

/// `paper REPORT --format oparl -o PAPER` with further options.
fn oparl(report: &str, paper: &Path, options: &[&str]) -> Output {
    let args = [
        &[
            "paper",
            report,
            "--format",
            "oparl",
            "-o",
            paper.to_str().unwrap(),
        ][..],
        options,
    ]
    .concat();
    zielsystem(&args)
}

#[test]
fn oparl_refuses_a_draft_and_names_missing_urls() {
    let dir = scratch("oparl-refused");
    let draft = draft(&dir);
    let folder = dir.join("uebergabe");
    let paper = folder.join("paper.json");
    let base = ["--base-url", "https://ris.example.org/uebergabe"];
    let output = oparl(&draft, &paper, &base);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Entwurf"), "{}", stderr(&output));

    let decided = decided(&dir);
    let output = oparl(&decided, &paper, &base);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    for key in ["body_url", "originator_url", "council_url"] {
        assert!(text.contains(key), "{key}: {text}");
    }
    assert!(!text.contains("base_url"), "{text}");
    assert!(!folder.exists(), "nothing written");

    let config = dir.join("oparl.json");
    std::fs::write(
        &config,
        br#"{"base_url": "https://ris.example.org/x", "bodyUrl": "x"}"#,
    )
    .unwrap();
    let output = oparl(&decided, &paper, &["--config", config.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bodyUrl"), "{}", stderr(&output));
}
/// The OParl hand-over folder end to end: every document it writes is valid against the OParl 1.1
/// schemas, and sizes and SHA-1 checksums are those of the files beside the paper.
fn check_hand_over(folder: &Path, paper: &Value) {
    oparl_schema::assert_valid_paper(paper);
    let files =
        std::iter::once(&paper["mainFile"]).chain(paper["auxiliaryFile"].as_array().unwrap());
    let mut count = 0;
    for file in files {
        let bytes = std::fs::read(folder.join(file["fileName"].as_str().unwrap())).unwrap();
        assert_eq!(file["size"], bytes.len() as u64, "{file}");
        let sha1: String = Sha1::digest(&bytes)
            .iter()
            .fold(String::new(), |mut text, byte| {
                use std::fmt::Write as _;
                let _ = write!(text, "{byte:02x}");
                text
            });
        assert_eq!(file["sha1Checksum"], sha1, "{file}");
        count += 1;
    }
    assert_eq!(count, 3);
    let web = paper["web"].as_str().unwrap();
    let web_file = web.rsplit('/').next().unwrap();
    assert!(folder.join(web_file).exists(), "{web}");
}

#[test]
fn oparl_hand_over_folder_end_to_end() {
    let dir = scratch("oparl");
    let decided = decided(&dir);
    let noted = dir.join("noted.json");
    let output = zielsystem(&[
        "note",
        &decided,
        "--on",
        "2022-07-14",
        "--number",
        "0297/VI",
        "--outcome",
        "referred",
        "-o",
        noted.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let config = dir.join("oparl.json");
    std::fs::write(
        &config,
        br#"{
  "base_url": "https://ris.example.org/uebergabe/2022-T1/",
  "body_url": "https://ris.example.org/oparl/body/mitte",
  "originator_url": "https://ris.example.org/oparl/organization/bezirksamt",
  "council_url": "https://ris.example.org/oparl/organization/bvv"
}"#,
    )
    .unwrap();
    for (report, folder) in [
        (decided.as_str(), "beschlossen"),
        (noted.to_str().unwrap(), "kenntnisnahme"),
    ] {
        let folder = dir.join(folder);
        let paper_path = folder.join("paper.json");
        let output = oparl(
            report,
            &paper_path,
            &[
                "--config",
                config.to_str().unwrap(),
                "--meeting-url",
                "https://ris.example.org/oparl/meeting/17",
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let paper = read_json(&paper_path);
        check_hand_over(&folder, &paper);
        assert_eq!(
            paper["id"],
            "https://ris.example.org/uebergabe/2022-T1/paper.json"
        );
        assert_eq!(paper["mainFile"]["mimeType"], "application/pdf");
        let pdf =
            std::fs::read(folder.join(paper["mainFile"]["fileName"].as_str().unwrap())).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "the main file is a PDF");
        assert_eq!(
            paper["created"], "2022-06-15T09:30:00Z",
            "SOURCE_DATE_EPOCH"
        );
        let consultation = &paper["consultation"][0];
        assert_eq!(
            consultation["meeting"],
            "https://ris.example.org/oparl/meeting/17"
        );
        assert_eq!(consultation["authoritative"], false);
        if report == decided {
            assert!(paper.get("reference").is_none());
            assert!(consultation.get("keyword").is_none());
        } else {
            assert_eq!(paper["reference"], "0297/VI");
            assert_eq!(consultation["keyword"][0], "an einen Ausschuss überwiesen");
        }
    }

    // The pdf format writes the same bytes the hand-over names as its main file.
    let pdf = dir.join("vorlage.pdf");
    let output = zielsystem(&[
        "paper",
        noted.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let paper = read_json(&dir.join("kenntnisnahme/paper.json"));
    assert_eq!(
        paper["mainFile"]["size"],
        std::fs::metadata(&pdf).unwrap().len()
    );
}
