//! Bindings of `zielsystem_core::oparl`: `TertialReport.to_oparl()`, the council's paper of a
//! decided report as an OParl 1.1 `oparl:Paper` (a dict of its JSON shape).

use chrono::NaiveDateTime;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zielsystem_core::oparl::{FileFacts, HandOver, OparlConfig};

use zielsystem_core::model::tertial_report::TertialReport;

use crate::json;

/// One file of the hand-over folder: `(file_name, name, mime_type, content)`.
pub(crate) type FileArg = (String, String, String, Vec<u8>);

fn facts((file_name, name, mime_type, content): FileArg) -> FileFacts {
    FileFacts::of(file_name, name, mime_type, &content)
}

/// The Vorlage zur Kenntnisnahme of the decided `report` as an OParl 1.1 `oparl:Paper` (the body
/// of `TertialReport.to_oparl`): the files' size and checksums are taken from their content, the
/// URLs given in `urls` win over those of `config` (the content of a configuration file, as
/// `zielsystem paper --config` reads it); the required ones are never invented: `ValueError` names
/// any missing. `ValueError` for a draft or an unreadable `config`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn to_oparl<'py>(
    py: Python<'py>,
    report: &TertialReport,
    main_file: FileArg,
    written_at: NaiveDateTime,
    auxiliary_files: Vec<FileArg>,
    config: Option<Vec<u8>>,
    urls: OparlConfig,
    paper_file_name: String,
    web_file_name: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let file = match config {
        Some(bytes) => OparlConfig::from_json(&bytes)
            .map_err(|error| PyValueError::new_err(error.to_string()))?,
        None => OparlConfig::default(),
    };
    let config = urls.or(file);
    let hand_over = HandOver {
        paper_file_name,
        main_file: facts(main_file),
        auxiliary_files: auxiliary_files.into_iter().map(facts).collect(),
        web_file_name,
        written_at,
    };
    let paper = report
        .to_oparl(&config, &hand_over)
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    json::to_python(py, &paper)
}
