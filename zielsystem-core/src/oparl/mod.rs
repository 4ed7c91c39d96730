//! The hand-over to the council's information system (Ratsinformationssystem) as OParl 1.1: the
//! Vorlage zur Kenntnisnahme as an `oparl:Paper` with its files and its consultation by the council.
//!
//! Pure like the rest of the core: the caller writes the files and hands in their bytes
//! ([`FileFacts::of`] takes size and checksums from them), the URLs of body and organisations come
//! from the caller's configuration ([`OparlConfig`]) and are never invented, and the time of
//! writing is an argument, never the clock.
//!
//! Every object of the hand-over lives in one folder published under `base_url`: the paper's JSON,
//! its main file (the PDF) and its auxiliary files. Embedded objects (files, consultation) have the
//! paper's URL with a fragment as their id, since the folder holds no separate object for them.

mod objects;

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha1::Sha1;
use sha2::{Digest, Sha512};
use thiserror::Error;

pub use objects::{
    CONSULTATION_TYPE, FILE_TYPE, OparlConsultation, OparlFile, OparlPaper, PAPER_TYPE,
};

use crate::model::paper::report_subject;
use crate::model::tertial_report::{CouncilNote, CouncilOutcome, Stage, TertialReport};

/// `paperType` of the council's paper.
pub const PAPER_TYPE_NAME: &str = "Vorlage zur Kenntnisnahme";
/// `role` of the council's consultation.
pub const CONSULTATION_ROLE: &str = "Kenntnisnahme";
/// Largest configuration file read (bytes): a handful of URLs.
pub const CONFIG_MAX_BYTES: usize = 64 * 1024;

/// Where the hand-over is published and which OParl objects it refers to. Every URL is the
/// authority's own (its council information system's); none is guessed. `base_url`, `body_url`,
/// `originator_url` and `council_url` are required; `meeting_url` and `web_url` optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OparlConfig {
    /// The URL under which the hand-over folder is published (the files' `accessUrl`s).
    #[serde(default)]
    pub base_url: Option<String>,
    /// The URL of the `oparl:Body` (the district, e.g. Bezirk Mitte).
    #[serde(default)]
    pub body_url: Option<String>,
    /// The URL of the `oparl:Organization` the paper comes from (the Bezirksamt).
    #[serde(default)]
    pub originator_url: Option<String>,
    /// The URL of the `oparl:Organization` of the council (the Bezirksverordnetenversammlung).
    #[serde(default)]
    pub council_url: Option<String>,
    /// The URL of the council's `oparl:Meeting` that consults the paper, where known.
    #[serde(default)]
    pub meeting_url: Option<String>,
    /// The paper's web page; without it, the HTML paper of the folder where the caller wrote one.
    #[serde(default)]
    pub web_url: Option<String>,
}

/// A key of the configuration, as the error names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConfigKey {
    /// `base_url`.
    BaseUrl,
    /// `body_url`.
    BodyUrl,
    /// `originator_url`.
    OriginatorUrl,
    /// `council_url`.
    CouncilUrl,
    /// `meeting_url`.
    MeetingUrl,
    /// `web_url`.
    WebUrl,
}

impl ConfigKey {
    /// The key in the configuration file (the command line option is `--` with hyphens).
    pub fn as_str(self) -> &'static str {
        match self {
            ConfigKey::BaseUrl => "base_url",
            ConfigKey::BodyUrl => "body_url",
            ConfigKey::OriginatorUrl => "originator_url",
            ConfigKey::CouncilUrl => "council_url",
            ConfigKey::MeetingUrl => "meeting_url",
            ConfigKey::WebUrl => "web_url",
        }
    }

    /// What the key names, in German.
    pub fn label_de(self) -> &'static str {
        match self {
            ConfigKey::BaseUrl => "Adresse, unter der der Übergabeordner veröffentlicht wird",
            ConfigKey::BodyUrl => "URL der Körperschaft (oparl:Body)",
            ConfigKey::OriginatorUrl => "URL des Bezirksamts (oparl:Organization)",
            ConfigKey::CouncilUrl => "URL der Bezirksverordnetenversammlung (oparl:Organization)",
            ConfigKey::MeetingUrl => "URL der Sitzung (oparl:Meeting)",
            ConfigKey::WebUrl => "URL der Webseite der Vorlage",
        }
    }
}

/// Why no OParl paper could be built.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum OparlError {
    /// Required URLs are not configured.
    #[error("Für die OParl-Übergabe fehlt: {} / missing for the OParl hand-over: {}", missing_de(.0), missing_en(.0))]
    Missing(Vec<ConfigKey>),
    /// A configured URL is not an absolute http(s) URL.
    #[error("„{value}“ ({}) ist keine http(s)-URL / is not an http(s) URL", .key.as_str())]
    NotAUrl {
        /// Which key.
        key: ConfigKey,
        /// The value given.
        value: String,
    },
    /// The report has no paper for the council yet.
    #[error(
        "Der Bericht ist im Stadium „{}“; die Vorlage zur Kenntnisnahme an die BVV entsteht erst mit dem Beschluss des Bezirksamts / the report is a draft; the paper for the council exists once the Bezirksamt has decided",
        .0.label_de()
    )]
    NotDecided(Stage),
    /// A file name that cannot stand in the hand-over folder.
    #[error(
        "„{0}“ ist kein Dateiname im Übergabeordner / is not a file name in the hand-over folder"
    )]
    FileName(String),
    /// The configuration file is not a configuration.
    #[error("Die OParl-Konfiguration ist unlesbar / the OParl configuration cannot be read: {0}")]
    Config(String),
}

fn missing_de(keys: &[ConfigKey]) -> String {
    let names: Vec<String> = keys
        .iter()
        .map(|key| format!("{} – {}", key.as_str(), key.label_de()))
        .collect();
    names.join("; ")
}

fn missing_en(keys: &[ConfigKey]) -> String {
    let names: Vec<&str> = keys.iter().map(|key| key.as_str()).collect();
    names.join(", ")
}

impl OparlConfig {
    /// The configuration in `bytes` (a JSON object with the keys of [`OparlConfig`]); unknown keys
    /// are refused, like everywhere in the project.
    pub fn from_json(bytes: &[u8]) -> Result<OparlConfig, OparlError> {
        if bytes.len() > CONFIG_MAX_BYTES {
            return Err(OparlError::Config(format!(
                "größer als {CONFIG_MAX_BYTES} Bytes / larger than {CONFIG_MAX_BYTES} bytes"
            )));
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|error| OparlError::Config(error.to_string()))?;
        // serde would also read a struct from an array of its values in order; a configuration
        // is an object with named keys.
        if !value.is_object() {
            return Err(OparlError::Config(
                "kein JSON-Objekt / not a JSON object".to_string(),
            ));
        }
        serde_json::from_value(value).map_err(|error| OparlError::Config(error.to_string()))
    }

    /// This configuration with every key it lacks taken from `fallback` (command line options over
    /// a configuration file).
    #[must_use]
    pub fn or(self, fallback: OparlConfig) -> OparlConfig {
        OparlConfig {
            base_url: self.base_url.or(fallback.base_url),
            body_url: self.body_url.or(fallback.body_url),
            originator_url: self.originator_url.or(fallback.originator_url),
            council_url: self.council_url.or(fallback.council_url),
            meeting_url: self.meeting_url.or(fallback.meeting_url),
            web_url: self.web_url.or(fallback.web_url),
        }
    }

    /// The configuration checked: every required key present, every URL an absolute http(s) URL.
    /// Every missing key is named at once.
    pub fn checked(&self) -> Result<Urls<'_>, OparlError> {
        let required = [
            (ConfigKey::BaseUrl, &self.base_url),
            (ConfigKey::BodyUrl, &self.body_url),
            (ConfigKey::OriginatorUrl, &self.originator_url),
            (ConfigKey::CouncilUrl, &self.council_url),
        ];
        let missing: Vec<ConfigKey> = required
            .iter()
            .filter(|(_, value)| value.as_deref().is_none_or(|v| v.trim().is_empty()))
            .map(|(key, _)| *key)
            .collect();
        if !missing.is_empty() {
            return Err(OparlError::Missing(missing));
        }
        let optional = [
            (ConfigKey::MeetingUrl, &self.meeting_url),
            (ConfigKey::WebUrl, &self.web_url),
        ];
        for (key, value) in required.iter().chain(&optional) {
            if let Some(value) = value.as_deref().filter(|value| !is_http_url(value)) {
                return Err(OparlError::NotAUrl {
                    key: *key,
                    value: value.to_string(),
                });
            }
        }
        Ok(Urls {
            base: self
                .base_url
                .as_deref()
                .unwrap_or_default()
                .trim_end_matches('/'),
            body: self.body_url.as_deref().unwrap_or_default(),
            originator: self.originator_url.as_deref().unwrap_or_default(),
            council: self.council_url.as_deref().unwrap_or_default(),
            meeting: self.meeting_url.as_deref(),
            web: self.web_url.as_deref(),
        })
    }
}

/// The URLs of a checked configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Urls<'a> {
    base: &'a str,
    body: &'a str,
    originator: &'a str,
    council: &'a str,
    meeting: Option<&'a str>,
    web: Option<&'a str>,
}

/// Whether `text` is an absolute http or https URL with a host and no white space.
pub fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// What the paper says about one file of the hand-over, taken from its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    /// The file's name in the hand-over folder.
    pub file_name: String,
    /// What the file is, for people (e.g. "Vorlage zur Kenntnisnahme (PDF)").
    pub name: String,
    /// Its media type.
    pub mime_type: String,
    /// Its length in bytes.
    pub size: u64,
    /// SHA-1 of its bytes, hexadecimal.
    pub sha1: String,
    /// SHA-512 of its bytes, hexadecimal.
    pub sha512: String,
}

impl FileFacts {
    /// The facts of the file `file_name` whose content is `bytes`.
    pub fn of(
        file_name: impl Into<String>,
        name: impl Into<String>,
        mime_type: impl Into<String>,
        bytes: &[u8],
    ) -> FileFacts {
        FileFacts {
            file_name: file_name.into(),
            name: name.into(),
            mime_type: mime_type.into(),
            size: bytes.len() as u64,
            sha1: crate::digest::hex(&Sha1::digest(bytes)),
            sha512: crate::digest::hex(&Sha512::digest(bytes)),
        }
    }
}

/// The folder the caller writes: the paper's own file name, its main file (the PDF), its auxiliary
/// files, the HTML paper (for `web`, when no web URL is configured) and the time of writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandOver {
    /// The name of the paper's JSON file in the folder, e.g. `paper.json`.
    pub paper_file_name: String,
    /// The paper itself as PDF.
    pub main_file: FileFacts,
    /// The report as JSON, the traffic-light matrix as SVG.
    pub auxiliary_files: Vec<FileFacts>,
    /// The paper as an HTML page in the folder, if written.
    pub web_file_name: Option<String>,
    /// When the folder was written (UTC).
    pub written_at: NaiveDateTime,
}

/// A file name that may stand in the folder: not empty, no path, no dot-only name.
fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// `name` for a URL path: every byte outside the unreserved characters percent-encoded.
fn url_segment(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// The council's consultation of the paper, as the report's lifecycle records it.
///
/// OParl describes a consultation whether it has taken place or is planned, so a decided report
/// already has one: the council is to take note (`authoritative` false, no outcome). Once noted,
/// the outcome decides: taken note (also with an interim or final report) concludes the paper
/// (`authoritative` true); referred to a committee or postponed does not. OParl 1.1 gives a
/// consultation no result of its own, so the outcome in the council's words is its key word. The
/// meeting is named only when configured.
fn consultation(
    council: Option<&CouncilNote>,
    urls: Urls<'_>,
    paper_id: &str,
    written_at: &str,
) -> OparlConsultation {
    let concluded = council.is_some_and(|note| {
        !matches!(
            note.result,
            Some(CouncilOutcome::Referred | CouncilOutcome::Postponed)
        )
    });
    OparlConsultation {
        id: format!("{paper_id}#consultation"),
        kind: CONSULTATION_TYPE.to_string(),
        meeting: urls.meeting.map(str::to_string),
        organization: vec![urls.council.to_string()],
        authoritative: concluded,
        role: CONSULTATION_ROLE.to_string(),
        keyword: council
            .map(|note| vec![note.outcome_de().to_string()])
            .unwrap_or_default(),
        created: written_at.to_string(),
        modified: written_at.to_string(),
    }
}

impl TertialReport {
    /// Whether [`TertialReport::to_oparl`] can build the council's paper with `config`, before any
    /// file is made: the report is decided and the configuration complete.
    pub fn check_oparl(&self, config: &OparlConfig) -> Result<(), OparlError> {
        if !self.stage.is_final() || self.decision.is_none() {
            return Err(OparlError::NotDecided(self.stage));
        }
        config.checked().map(|_| ())
    }

    /// The Vorlage zur Kenntnisnahme for the council as an OParl 1.1 `oparl:Paper`, with the files
    /// of `hand_over` and the council's consultation; refused for a draft (there is no paper for
    /// the council yet), for a configuration that lacks a required URL, and for file names that
    /// cannot stand in one folder.
    pub fn to_oparl(
        &self,
        config: &OparlConfig,
        hand_over: &HandOver,
    ) -> Result<OparlPaper, OparlError> {
        self.check_oparl(config)?;
        let decision = self
            .decision
            .as_ref()
            .ok_or(OparlError::NotDecided(self.stage))?;
        let urls = config.checked()?;
        let names = std::iter::once(&hand_over.paper_file_name)
            .chain(std::iter::once(&hand_over.main_file.file_name))
            .chain(hand_over.auxiliary_files.iter().map(|file| &file.file_name))
            .chain(hand_over.web_file_name.as_ref());
        if let Some(bad) = names.into_iter().find(|name| !is_file_name(name)) {
            return Err(OparlError::FileName(bad.clone()));
        }
        let written_at = hand_over
            .written_at
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let date = decision.decided_on;
        let paper_id = format!("{}/{}", urls.base, url_segment(&hand_over.paper_file_name));
        let file = |facts: &FileFacts, fragment: &str| {
            file_object(facts, urls.base, &paper_id, fragment, date, &written_at)
        };
        let web = urls.web.map(str::to_string).or_else(|| {
            hand_over
                .web_file_name
                .as_ref()
                .map(|name| format!("{}/{}", urls.base, url_segment(name)))
        });
        let council = self.council.as_ref().filter(|_| self.stage == Stage::Noted);
        Ok(OparlPaper {
            id: paper_id.clone(),
            kind: PAPER_TYPE.to_string(),
            body: urls.body.to_string(),
            name: report_subject(self),
            reference: council.and_then(|note| note.number.clone()),
            date: date.to_string(),
            paper_type: PAPER_TYPE_NAME.to_string(),
            originator_organization: vec![urls.originator.to_string()],
            main_file: file(&hand_over.main_file, "mainFile"),
            auxiliary_file: hand_over
                .auxiliary_files
                .iter()
                .enumerate()
                .map(|(index, facts)| file(facts, &format!("auxiliaryFile-{}", index + 1)))
                .collect(),
            consultation: vec![consultation(council, urls, &paper_id, &written_at)],
            keyword: vec![
                "Zielsteuerung".to_string(),
                format!("Zielsystem {}", self.tertial.year()),
                format!("Tertialbericht {}", self.tertial.label_de()),
            ],
            created: written_at.clone(),
            modified: written_at,
            web,
        })
    }
}

fn file_object(
    facts: &FileFacts,
    base: &str,
    paper_id: &str,
    fragment: &str,
    date: NaiveDate,
    written_at: &str,
) -> OparlFile {
    let url = format!("{base}/{}", url_segment(&facts.file_name));
    OparlFile {
        id: format!("{paper_id}#{fragment}"),
        kind: FILE_TYPE.to_string(),
        name: facts.name.clone(),
        file_name: facts.file_name.clone(),
        mime_type: facts.mime_type.clone(),
        date: date.to_string(),
        size: facts.size,
        sha1_checksum: facts.sha1.clone(),
        sha512_checksum: facts.sha512.clone(),
        access_url: url.clone(),
        download_url: url,
        created: written_at.to_string(),
        modified: written_at.to_string(),
    }
}
