//! Bindings of `zielsystem_core::oparl`: `oparl_paper()`, the council's paper of a decided report
//! as an OParl 1.1 `oparl:Paper` (a dict of its JSON shape).

use chrono::NaiveDateTime;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zielsystem_core::oparl::{FileFacts, HandOver, OparlConfig};

use crate::consolidate::PyTertialReport;
use crate::json;

/// One file of the hand-over folder: `(file_name, name, mime_type, content)`.
type FileArg = (String, String, String, Vec<u8>);

fn facts((file_name, name, mime_type, content): FileArg) -> FileFacts {
    FileFacts::of(file_name, name, mime_type, &content)
}

/// The Vorlage zur Kenntnisnahme of the decided `report` as an OParl 1.1 `oparl:Paper`: `main_file`
/// (the PDF) and `auxiliary_files` as `(file_name, name, mime_type, content)` — size and checksums
/// are taken from `content` —, the URLs of the hand-over folder, body and organisations as given,
/// over those of `config` (the content of a configuration file, as `zielsystem paper --config`
/// reads it); the required ones are never invented: `ValueError` names any missing. `written_at`
/// (UTC) gives `created`/`modified`. `ValueError` for a draft or an unreadable `config`.
#[pyfunction]
#[pyo3(signature = (
    report, *, main_file, written_at, auxiliary_files = Vec::new(), config = None,
    base_url = None, body_url = None, originator_url = None, council_url = None,
    meeting_url = None, web_url = None, paper_file_name = "paper.json".to_string(),
    web_file_name = None
))]
#[allow(clippy::too_many_arguments)]
pub fn oparl_paper<'py>(
    py: Python<'py>,
    report: &PyTertialReport,
    main_file: FileArg,
    written_at: NaiveDateTime,
    auxiliary_files: Vec<FileArg>,
    config: Option<Vec<u8>>,
    base_url: Option<String>,
    body_url: Option<String>,
    originator_url: Option<String>,
    council_url: Option<String>,
    meeting_url: Option<String>,
    web_url: Option<String>,
    paper_file_name: String,
    web_file_name: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let file = match config {
        Some(bytes) => OparlConfig::from_json(&bytes)
            .map_err(|error| PyValueError::new_err(error.to_string()))?,
        None => OparlConfig::default(),
    };
    let config = OparlConfig {
        base_url,
        body_url,
        originator_url,
        council_url,
        meeting_url,
        web_url,
    }
    .or(file);
    let hand_over = HandOver {
        paper_file_name,
        main_file: facts(main_file),
        auxiliary_files: auxiliary_files.into_iter().map(facts).collect(),
        web_file_name,
        written_at,
    };
    let paper = report
        .inner
        .to_oparl(&config, &hand_over)
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    json::to_python(py, &paper)
}
