//! `zielsystem export` on the bundled example and on a folder with documents it cannot place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zielsystem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zielsystem"))
        .args(args)
        .output()
        .unwrap()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022")
}

fn scratch(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("zielsystem-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn every_table_in_every_format() {
    let out = scratch("formats");
    let example = example();
    for table in [
        "attainment",
        "countermeasures",
        "indicators",
        "risks",
        "punctuality",
        "problems",
    ] {
        for (format, extension) in [
            ("parquet", "parquet"),
            ("csv", "csv"),
            ("csv-excel", "csv"),
            ("xlsx", "xlsx"),
        ] {
            let file = out.join(format!("{table}-{format}.{extension}"));
            let run = zielsystem(&[
                "export",
                example.to_str().unwrap(),
                "--table",
                table,
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ]);
            assert!(
                run.status.success(),
                "{table} {format}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            assert!(file.is_file());
        }
    }
    let csv = std::fs::read_to_string(out.join("attainment-csv.csv")).unwrap();
    assert_eq!(csv.lines().count(), 52); // header and 51 sheets
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn unplaced_documents_are_counted_and_listed() {
    let out = scratch("unplaced");
    let sheet = std::fs::read_to_string(example().join("sheets/2022-T1/A01.json")).unwrap();
    std::fs::write(
        out.join("other-year.json"),
        sheet.replace("2022-T1", "2023-T1"),
    )
    .unwrap();
    std::fs::write(out.join("broken.json"), "{").unwrap();
    let file = out.join("a.csv");
    let run = zielsystem(&[
        "export",
        "--system",
        example().join("target-system.json").to_str().unwrap(),
        example().join("sheets").to_str().unwrap(),
        out.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("51 von 53 Berichtsblättern zugeordnet"),
        "{stdout}"
    );
    assert!(stdout.contains("Nicht zugeordnet: 2 Dokumente"), "{stdout}");
    assert!(
        stdout.contains("kein Zielsystem für Behörde und Jahr"),
        "{stdout}"
    );
    // --partition is for Parquet only; an unknown table is refused with the list.
    let refused = zielsystem(&[
        "export",
        out.to_str().unwrap(),
        "--format",
        "csv",
        "--partition",
        "-o",
        "x",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let unknown = zielsystem(&[
        "export",
        out.to_str().unwrap(),
        "--format",
        "csv",
        "--table",
        "nope",
        "-o",
        "x",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("attainment"));
    std::fs::remove_dir_all(&out).unwrap();
}
