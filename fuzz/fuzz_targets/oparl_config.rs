//! The OParl hand-over configuration (`zielsystem paper --config FILE`): any bytes are read as a
//! configuration; one that reads is used to build the council's paper of a decided report (URLs
//! checked, files named), which must then be a paper of the configured body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::TertialReport;
use zielsystem_core::oparl::{FileFacts, HandOver, OparlConfig};
use zielsystem_core::rules::from_json;

fn decided() -> &'static TertialReport {
    static REPORT: std::sync::OnceLock<TertialReport> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| {
        from_json(include_bytes!(
            "../../tests/cases/report/tr04-near-miss-council-note-without-number/report.json"
        ))
        .unwrap_or_else(|e| panic!("the noted report decodes: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(config) = OparlConfig::from_json(data) else {
        return;
    };
    let report = decided();
    let hand_over = HandOver {
        paper_file_name: "paper.json".into(),
        main_file: FileFacts::of("vorlage.pdf", "Vorlage", "application/pdf", data),
        auxiliary_files: vec![FileFacts::of("bericht.json", "Bericht", "application/json", b"{}")],
        web_file_name: Some("vorlage.html".into()),
        written_at: chrono::NaiveDate::from_ymd_opt(2022, 7, 15)
            .and_then(|day| day.and_hms_opt(8, 0, 0))
            .unwrap_or_default(),
    };
    if let Ok(paper) = report.to_oparl(&config, &hand_over) {
        assert_eq!(Some(paper.body.as_str()), config.body_url.as_deref());
        assert!(paper.id.ends_with("/paper.json"));
        assert_eq!(paper.main_file.size, data.len() as u64);
        let _ = serde_json::to_string(&paper);
    }
});
