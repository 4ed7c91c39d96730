//! The OParl 1.1 objects the hand-over writes, with the keys as OParl spells them (camelCase).
//! Only the properties the project fills are modelled; every one is optional in OParl except `id`
//! and `type` (and `accessUrl` of a file).

use serde::{Deserialize, Serialize};

/// `type` of an `oparl:Paper`.
pub const PAPER_TYPE: &str = "https://schema.oparl.org/1.1/Paper";
/// `type` of an `oparl:File`.
pub const FILE_TYPE: &str = "https://schema.oparl.org/1.1/File";
/// `type` of an `oparl:Consultation`.
pub const CONSULTATION_TYPE: &str = "https://schema.oparl.org/1.1/Consultation";

/// An `oparl:Paper` (Drucksache): here the Vorlage zur Kenntnisnahme for the council.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OparlPaper {
    /// The URL of this object.
    pub id: String,
    /// Always [`PAPER_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The URL of the `oparl:Body` (the district).
    pub body: String,
    /// The title of the paper.
    pub name: String,
    /// The council's printed-paper number (Drucksachen-Nr.), once it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The day the paper dates from: the Bezirksamt's decision.
    pub date: String,
    /// The kind of paper: "Vorlage zur Kenntnisnahme".
    pub paper_type: String,
    /// The URLs of the `oparl:Organization`s the paper comes from (the Bezirksamt).
    pub originator_organization: Vec<String>,
    /// The paper itself (the PDF).
    pub main_file: OparlFile,
    /// The files that belong to it (the report as JSON, the traffic-light matrix as SVG).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auxiliary_file: Vec<OparlFile>,
    /// Its consultation by the council.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultation: Vec<OparlConsultation>,
    /// Key words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyword: Vec<String>,
    /// When the object was written (`YYYY-MM-DDTHH:MM:SSZ`).
    pub created: String,
    /// When the object was last changed; the same as `created` for a fresh hand-over.
    pub modified: String,
    /// The paper as a web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
}

/// An `oparl:File`, embedded in its paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OparlFile {
    /// The URL of this object.
    pub id: String,
    /// Always [`FILE_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// What the file is, for people.
    pub name: String,
    /// The file's name in the hand-over folder.
    pub file_name: String,
    /// Its media type, e.g. `application/pdf`.
    pub mime_type: String,
    /// The day the file dates from (the Bezirksamt's decision).
    pub date: String,
    /// Its length in bytes.
    pub size: u64,
    /// SHA-1 of its bytes in hexadecimal (OParl 1.1 keeps it for older clients).
    pub sha1_checksum: String,
    /// SHA-512 of its bytes in hexadecimal (what OParl 1.1 recommends instead).
    pub sha512_checksum: String,
    /// Where the file is read.
    pub access_url: String,
    /// Where the file is downloaded.
    pub download_url: String,
    /// When the object was written.
    pub created: String,
    /// When the object was last changed.
    pub modified: String,
}

/// An `oparl:Consultation`, embedded in its paper: the council's consultation of the paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OparlConsultation {
    /// The URL of this object.
    pub id: String,
    /// Always [`CONSULTATION_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The council's meeting, where known (never guessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The URLs of the consulting `oparl:Organization`s (the council).
    pub organization: Vec<String>,
    /// Whether the consultation concludes the paper (the council has taken note).
    pub authoritative: bool,
    /// The role of the consultation: "Kenntnisnahme".
    pub role: String,
    /// The council's outcome in its own words, once recorded (OParl's consultation has no result
    /// field of its own; the key words carry it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyword: Vec<String>,
    /// When the object was written.
    pub created: String,
    /// When the object was last changed.
    pub modified: String,
}
