//! The one catalogue of rule codes and messages (docs/rules.md is generated from it).
//!
//! Codes are a public contract: never renumber, only add. Each [`Code`] has one [`Rule`] (severity,
//! document kind, summary, the clause of the procedure it enforces); each [`Message`] is one way a
//! rule can be broken, with its German and English template. Templates name their parameters in
//! braces; [`crate::Finding::new`] fills them from the message's typed fields.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Tertial;
use crate::model::vocabulary::{EventKind, Forecast, OriginKind, PaperKind, Perspective, Stage};
pub use crate::rules::fields::{
    Entry, Field, Forecasts, GermanDate, JsonType, JsonTypes, TertialLabelled, Twin, WithGerman,
};

// The numbering of papers under its former path.
pub use crate::numbering::{is_numbered_with_term, is_roman_numeral, roman_numeral};

/// How bad a finding is. `valid` is false exactly when an `error` exists.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    title = "Schweregrad",
    description = "Wie schwer ein Befund wiegt; ein Dokument ist genau dann ungültig, wenn ein Befund „error“ vorliegt."
)]
pub enum Severity {
    /// A hint; the document is still valid.
    #[schemars(
        title = "Warnung",
        description = "Ein Hinweis; das Dokument bleibt gültig."
    )]
    Warning,
    /// The document is invalid.
    #[schemars(title = "Fehler", description = "Das Dokument ist ungültig.")]
    Error,
}

impl Severity {
    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Defines [`Code`] and [`Code::ALL`] from one list, so the list of codes is complete by
/// construction; [`RULES`] must have one row per code, in this order (checked when compiling).
macro_rules! codes {
    ($($variant:ident = $json:literal,)*) => {
        /// A stable rule code.
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        #[allow(missing_docs)] // Each code is documented by its `Rule` in `RULES`.
        #[schemars(title = "Regelcode")]
        pub enum Code {
            $(#[serde(rename = $json)] $variant,)*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in JSON, e.g. `"RS03"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $json,)*
                }
            }

            /// The code with this JSON spelling.
            pub fn parse(text: &str) -> Option<Code> {
                match text {
                    $($json => Some(Code::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    JsonSyntax = "JSON_SYNTAX",
    SchemaType = "SCHEMA_TYPE",
    SchemaRequired = "SCHEMA_REQUIRED",
    SchemaUnknownKey = "SCHEMA_UNKNOWN_KEY",
    SchemaFormat = "SCHEMA_FORMAT",
    SchemaEnum = "SCHEMA_ENUM",
    SchemaDuplicateKey = "SCHEMA_DUPLICATE_KEY",
    SchemaLimit = "SCHEMA_LIMIT",
    TS01 = "TS01",
    TS02 = "TS02",
    TS03 = "TS03",
    TS04 = "TS04",
    TS05 = "TS05",
    TS06 = "TS06",
    TS07 = "TS07",
    TS08 = "TS08",
    TS09 = "TS09",
    TS10 = "TS10",
    TS11 = "TS11",
    TS12 = "TS12",
    TS13 = "TS13",
    RS01 = "RS01",
    RS02 = "RS02",
    RS03 = "RS03",
    RS04 = "RS04",
    RS05 = "RS05",
    RS06 = "RS06",
    RS07 = "RS07",
    RS08 = "RS08",
    RS09 = "RS09",
    RS10 = "RS10",
    RS11 = "RS11",
    RS12 = "RS12",
    RS13 = "RS13",
    RS14 = "RS14",
    RS15 = "RS15",
    RS16 = "RS16",
    RS17 = "RS17",
    RS18 = "RS18",
    TR01 = "TR01",
    TR02 = "TR02",
    TR03 = "TR03",
    TR04 = "TR04",
    TR05 = "TR05",
    TR06 = "TR06",
    BV01 = "BV01",
    BV02 = "BV02",
    BV03 = "BV03",
    BV04 = "BV04",
    RV01 = "RV01",
    RV02 = "RV02",
    RV03 = "RV03",
    RV04 = "RV04",
    FormFile = "FORM_FILE",
    FormTemplate = "FORM_TEMPLATE",
    FormForeign = "FORM_FOREIGN",
    FormProtected = "FORM_PROTECTED",
    FormRequired = "FORM_REQUIRED",
    FormChoice = "FORM_CHOICE",
    FormValue = "FORM_VALUE",
    FormFormula = "FORM_FORMULA",
    FormStray = "FORM_STRAY",
    FormConverted = "FORM_CONVERTED",
    Internal = "INTERNAL",
}

/// The kind of document a rule checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Any JSON document (schema-level checks).
    Any,
    /// A target system.
    TargetSystem,
    /// A report sheet.
    ReportSheet,
    /// A consolidated tertial report.
    TertialReport,
    /// A Bezirksamtsvorlage.
    Paper,
    /// The review log of a tertial.
    ReviewLog,
    /// A report sheet filled in as an office form (XLSX, ODS).
    Form,
}

/// One rule of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code.
    pub code: Code,
    /// The severity of its findings.
    pub severity: Severity,
    /// The document kind checked.
    pub document: DocumentKind,
    /// What the rule demands, in German.
    pub summary_de: &'static str,
    /// What the rule demands, in English.
    pub summary_en: &'static str,
    /// The clause of the procedure (or of the contract) it enforces.
    pub reason: &'static str,
}

const fn rule(
    code: Code,
    severity: Severity,
    document: DocumentKind,
    summary_de: &'static str,
    summary_en: &'static str,
    reason: &'static str,
) -> Rule {
    Rule {
        code,
        severity,
        document,
        summary_de,
        summary_en,
        reason,
    }
}

use DocumentKind::{Any, Form, Paper, ReportSheet, ReviewLog, TargetSystem, TertialReport};
use Severity::{Error as E, Warning as W};

/// Every rule, in code order.
#[rustfmt::skip]
pub static RULES: [Rule; Code::COUNT] = [
    rule(Code::JsonSyntax, E, Any, "Das Dokument ist syntaktisch gültiges JSON.", "The document is well-formed JSON.", "JSON-Vertrag v1 (docs/procedure.md)"),
    rule(Code::SchemaType, E, Any, "Jeder Wert hat den vorgeschriebenen Typ.", "Every value has the prescribed type.", "JSON-Vertrag v1 (docs/procedure.md)"),
    rule(Code::SchemaRequired, E, Any, "Jedes Pflichtfeld ist vorhanden.", "Every required key is present.", "JSON-Vertrag v1 (docs/procedure.md)"),
    rule(Code::SchemaUnknownKey, E, Any, "Unbekannte Felder werden abgelehnt, nie verworfen.", "Unknown keys are rejected, never dropped.", "JSON-Vertrag v1 (docs/procedure.md)"),
    rule(Code::SchemaFormat, E, Any, "Daten sind echte Kalendertage (JJJJ-MM-TT), Tertiale haben die Form JJJJ-T1 bis JJJJ-T3.", "Dates are real days (YYYY-MM-DD); tertials are YYYY-T1 to YYYY-T3.", "JSON-Vertrag v1 (docs/procedure.md); SDMX-Periodencode"),
    rule(Code::SchemaEnum, E, Any, "Aufzählungswerte stammen aus dem festen Vokabular.", "Enumerated values come from the closed vocabulary.", "Glossar und Ampelskala (docs/procedure.md)"),
    rule(Code::SchemaDuplicateKey, E, Any, "Kein Feld kommt in einem Objekt doppelt vor.", "No key occurs twice in an object.", "Eindeutigkeit des Dokuments: Schema-Prüfer und Bibliothek lesen dasselbe"),
    rule(Code::SchemaLimit, E, Any, "Dokumentgröße, Verschachtelungstiefe, Listenlängen und die Textlängen des Zielsystems halten die Grenzen ein.", "Document size, nesting depth, list lengths and the text lengths of the target system stay within the limits.", "Betriebssicherheit (docs/security.md)"),
    rule(Code::TS01, E, TargetSystem, "Das Jahr ist ein plausibles Kalenderjahr; die Schema-Version wird unterstützt.", "The year is a plausible calendar year; the schema version is supported.", "Zielsystem je Kalenderjahr (BA-Vorlage 36/VI, I a)"),
    rule(Code::TS02, E, TargetSystem, "Kennungen von Zielen, Mitgliedern, Organisationseinheiten, Geschäftsbereichen und Kennzahlen sind eindeutig.", "Ids of goals, members, org units, portfolios and indicators are unique.", "Eindeutige Bezüge im Berichtsverfahren"),
    rule(Code::TS03, E, TargetSystem, "Die beschlossene Anzahl der Ziele je Perspektive stimmt mit den aufgeführten Zielen überein.", "The declared goal counts per perspective equal the goals listed.", "BA-Vorlage 36/VI, I a: fünfzehn und acht Ziele"),
    rule(Code::TS04, E, TargetSystem, "Das Leitbild ist vorhanden und nicht leer; jedes Ziel hat einen Titel.", "The mission statement is present and not blank; every goal has a title.", "BA-Vorlage 36/VI, I a: Zielsystem aus Leitbild und Zielen"),
    rule(Code::TS05, E, TargetSystem, "Jeder genannte Geschäftsbereich, jedes Mitglied und jede Organisationseinheit existiert; je Geschäftsbereich und Tag gibt es höchstens eine Amtsinhaberin bzw. einen Amtsinhaber.", "Every referenced portfolio, member and org unit exists; one holder per portfolio per day.", "Ressortverantwortung (BA-Vorlage 36/VI, I b)"),
    rule(Code::TS06, W, TargetSystem, "Ein Ziel betrifft mindestens zwei Organisationseinheiten.", "A goal involves at least two org units.", "Ziele, die einer organisationseinheitenübergreifenden Zusammenarbeit bedürfen (BA-Vorlage 36/VI, I a)"),
    rule(Code::TS07, E, TargetSystem, "Genau eine Organisationseinheit ist der Steuerungsdienst.", "Exactly one org unit is the steering service.", "Der Steuerungsdienst koordiniert und fasst zusammen (BA-Vorlage 36/VI, I c)"),
    rule(Code::TS08, E, TargetSystem, "Ein fortgeführtes, neu gefasstes, aufgeteiltes oder zusammengeführtes Ziel nennt seine Vorgängerziele aus einem früheren Jahr (meist dem Vorjahr); ein neues Ziel nennt keines. Liegt das Zielsystem des Vorgängerjahres vor, existiert jedes Vorgängerziel seines Jahres dort.", "A continued, reformulated, split or merged goal names its predecessors from an earlier year (usually the previous one); a new goal names none. Where the system of a predecessor's year is given, the predecessor exists there.", "Ziele werden neu aufgenommen oder fortgeführt (BA-Vorlage 36/VI, Begründung)"),
    rule(Code::TS09, E, TargetSystem, "Das erste Berichtstertial liegt im Jahr des Zielsystems; die Vorlagen-Nr. hat die Form Nummer/Wahlperiode (oder die des Nummernschemas der Behörde) und der Beschluss liegt vor dem ersten Berichtsstichtag.", "The first reporting tertial lies in the year; the resolution number is <n>/<Roman term> (or follows the authority's numbering pattern) and its decision precedes the first cut-off.", "BA-Vorlage 36/VI, I e: erstmals zum Ende des I. Tertials"),
    rule(Code::TS10, W, TargetSystem, "Ein Geschäftsbereich mit Zielen ist an jedem Berichtsstichtag und jeder Berichtsfrist besetzt.", "A portfolio owning goals has a holder on every cut-off and deadline.", "Nur das ressortverantwortliche Mitglied berichtet (BA-Vorlage 36/VI, I b)"),
    rule(Code::TS11, W, TargetSystem, "Die Organisationseinheiten eines Ziels gehören nicht alle zu einem Geschäftsbereich.", "A goal's org units do not all belong to one portfolio.", "Ziele, die einer abteilungs- und organisationseinheitenübergreifenden Zusammenarbeit bedürfen (BA-Vorlage 36/VI, I a)"),
    rule(Code::TS12, E, TargetSystem, "Die Herkunft der Ziele ist stimmig: Ein zusammengeführtes Ziel nennt alle (mindestens zwei) Vorgängerziele in „predecessors“, jedes andere höchstens eines in „predecessor“; die Ziele einer Aufteilung (mindestens zwei) nennen dasselbe Vorgängerziel; sonst nennen zwei Ziele nie dasselbe Vorgängerziel.", "The goals' origins are consistent: a merged goal names every predecessor (at least two) in `predecessors`, any other goal at most one in `predecessor`; the goals of a split (at least two) name the same predecessor; otherwise no two goals name the same predecessor.", "Ziele werden neu aufgenommen oder fortgeführt (BA-Vorlage 36/VI, Begründung); Fortschreibung des Zielsystems über die Jahre"),
    rule(Code::TS13, E, TargetSystem, "Das zum Vergleich übergebene Zielsystem des Vorjahres ist von derselben Behörde und aus einem früheren Jahr.", "The previous year's target system given for comparison is of the same authority and of an earlier year.", "Vorgängerziele stammen aus einem früheren Zielsystem derselben Behörde (BA-Vorlage 36/VI, Begründung)"),
    rule(Code::RS01, E, ReportSheet, "Behörde, Jahr und Schema-Version des Berichtsblatts passen zum Zielsystem; das Tertial liegt im Jahr und nicht vor dem ersten Berichtstertial.", "The sheet's authority, year and schema version match the system; its tertial lies in the year and not before the first reporting tertial.", "Berichterstattung zum Ende eines jeden Tertials (BA-Vorlage 36/VI, I b, e)"),
    rule(Code::RS02, E, ReportSheet, "Das Ziel existiert im Zielsystem.", "The goal exists in the target system.", "Berichtet wird über die Ziele des Zielsystems (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS03, E, ReportSheet, "Am Tag der Einreichung hat das berichtende Mitglied den Geschäftsbereich des Ziels inne (auch wenn eine Vertretung unterzeichnet).", "On the day of submission the reporting member holds the goal's portfolio (also when a deputy signs).", "Berichtet wird durch das ressortverantwortliche Bezirksamtsmitglied (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS04, W, ReportSheet, "Das Berichtsblatt wird nicht vor dem Berichtsstichtag eingereicht.", "The sheet is not submitted before the cut-off.", "Berichtsstichtag ist das Ende des Tertials (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS05, W, ReportSheet, "Das Berichtsblatt wird spätestens zur Berichtsfrist eingereicht.", "The sheet is submitted by the deadline.", "Bericht innerhalb des darauffolgenden Monats (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS06, E, ReportSheet, "Die Einschätzung ist im Tertial zulässig (Ampelskala): im III. Tertial nur „Ziel erreicht“ oder „Ziel nicht erreicht“.", "The forecast is allowed in the tertial (forecast scale): in T3 only \"goal achieved\" or \"goal not achieved\".", "Risikoorientierte Einschätzung bis zum Jahresende (Ampelskala, docs/procedure.md)"),
    rule(Code::RS07, E, ReportSheet, "Bei gefährdeter oder unwahrscheinlicher Zielerreichung wird mindestens ein Risiko genannt.", "An at-risk or unlikely forecast names at least one risk.", "Bestehende Risiken sind zu berücksichtigen (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS08, W, ReportSheet, "Aktivitäten zur Gegensteuerung werden bei gefährdeter Zielerreichung vorgeschlagen, nicht bei „Ziel erreicht“ oder „Zielerreichung nicht gefährdet“ (bei „Ziel nicht erreicht“ unbedenklich).", "Countermeasures are proposed when attainment is at risk, not with \"goal achieved\" or \"attainment not at risk\" (fine with \"goal not achieved\").", "Bei gefährdeter Zielerreichung können Aktivitäten vorgeschlagen werden (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS09, E, ReportSheet, "Eine Aktivität zur Gegensteuerung betrifft mindestens zwei bestehende Organisationseinheiten, jede einmal genannt.", "A countermeasure involves at least two existing org units, each named once.", "Aktivitäten, deren Umsetzung einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedarf (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS10, W, ReportSheet, "Es wird mindestens ein realisierter Zielerreichungsbeitrag genannt.", "At least one realised contribution is stated.", "Realisierte Zielerreichungsbeiträge des Berichtszeitraums (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS11, W, ReportSheet, "Die Einschätzung widerspricht den genannten Risiken nicht.", "The forecast does not contradict the risks named.", "Risikoorientierte Einschätzung (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS12, E, ReportSheet, "Kennzahlenwerte nennen Kennzahlen des Ziels und sind endliche Zahlen.", "Indicator values name indicators of the goal and are finite numbers.", "Kennzahlen des Zielsystems (Glossar, docs/procedure.md)"),
    rule(Code::RS13, W, ReportSheet, "Ein früher als erreicht gemeldetes Ziel wird nicht später anders gemeldet.", "A goal earlier reported achieved is not reported otherwise later.", "Folgerichtige Berichterstattung über die Tertiale"),
    rule(Code::RS14, E, ReportSheet, "Textfelder sind nicht leer und halten die Längengrenzen ein.", "Text fields are not blank and within length limits.", "Einheitliches Berichtsblatt (BA-Vorlage 36/VI, I c)"),
    rule(Code::RS15, E, ReportSheet, "Wer in Vertretung unterzeichnet („signed_by“), ist am Tag der Einreichung Mitglied des Bezirksamts und nicht das berichtende Mitglied selbst.", "A deputy who signs (\"signed_by\") is a member of the Bezirksamt in office on the day of submission, and not the reporting member.", "Vertretung nach der Geschäftsverteilung des Bezirksamts; das Berichtsblatt bleibt der Bericht des ressortverantwortlichen Mitglieds (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS16, W, ReportSheet, "Die Organisationseinheiten einer Aktivität zur Gegensteuerung gehören nicht alle zu einem Geschäftsbereich.", "A countermeasure's org units do not all belong to one portfolio.", "Aktivitäten, deren Umsetzung einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedarf (BA-Vorlage 36/VI, I b)"),
    rule(Code::RS17, E, ReportSheet, "Die Organisationseinheit eines Zielerreichungsbeitrags existiert, wo eine genannt ist, im Zielsystem.", "A contribution's org unit, where named, exists in the target system.", "Realisierte Zielerreichungsbeiträge des Berichtszeitraums (BA-Vorlage 36/VI, I b); der Bericht nennt die Einheit mit ihrer Bezeichnung"),
    rule(Code::RS18, W, ReportSheet, "„Ziel nicht erreicht“ vor dem III. Tertial nur für ein Ziel, das nicht mehr erreicht werden kann; die Begründung sagt, warum.", "\"Goal not achieved\" before T3 only for a goal that can no longer be reached; the rationale says why.", "Risikoorientierte Einschätzung, ob die Ziele bis zum Ende des Kalenderjahres erreicht werden (BA-Vorlage 36/VI, I b)"),
    rule(Code::TR01, E, TertialReport, "Jedes Berichtsblatt gehört zu Behörde, Jahr und Tertial des Berichts.", "Every sheet belongs to the report's authority, year and tertial.", "Zusammenfassung durch den Steuerungsdienst (BA-Vorlage 36/VI, I c)"),
    rule(Code::TR02, E, TertialReport, "Höchstens ein Berichtsblatt je Ziel.", "At most one sheet per goal.", "Einheitliches Berichtsblatt je Ziel (BA-Vorlage 36/VI, I c)"),
    rule(Code::TR03, W, TertialReport, "Zu jedem Ziel liegt ein Berichtsblatt vor; fehlt eines, nennen Bericht und Vorlagen das Ziel (der Bericht kann trotzdem beschlossen werden).", "Every goal has a sheet; where one is missing, the report and both papers name the goal (the report may be decided all the same).", "Über das Erreichen dieser Ziele ist zu berichten (BA-Vorlage 36/VI, I b)"),
    rule(Code::TR04, E, TertialReport, "Der Bericht durchläuft Entwurf → Beschluss des Bezirksamts (Datum, Beschluss-Nr., Entscheidung je Aktivität) → Vorlage an die BVV (Datum, Drucksachen-Nr. soweit vorhanden, Ergebnis), Nummern nach dem Nummernschema der Behörde, mit Daten in dieser Reihenfolge; der Beschluss liegt nicht vor dem Berichtsstichtag und nicht vor dem letzten Eingang der Berichtsblätter.", "The report runs draft → decided (date, number, a decision per countermeasure) → passed to the council (date, its number where it has one, outcome), numbers in the authority's pattern, dates in order; the decision is not before the cut-off nor before the latest submission of its sheets.", "Nach Beschlussfassung des Bezirksamts der BVV zur Kenntnis gegeben (BA-Vorlage 36/VI, I d)"),
    rule(Code::TR05, E, TertialReport, "Ein Bericht wird nicht beschlossen, solange eines seiner Berichtsblätter einen Fehler hat (beim Beschluss werden die Blätter erneut gegen das Zielsystem geprüft).", "A report is not decided while one of its sheets has an error finding (the decision re-checks the sheets against the target system).", "Das Bezirksamt beschließt über den einheitlichen Bericht (BA-Vorlage 36/VI, I c, d)"),
    rule(Code::TR06, E, TertialReport, "Das berichtete Tertial liegt im Jahr des Zielsystems, über das berichtet wird.", "The tertial reported on lies in the year of the target system reported on.", "Die Berichterstattung erfolgt tertialweise über das Zielsystem des Jahres (BA-Vorlage 36/VI, I b)"),
    rule(Code::BV01, E, Paper, "Die Vorlagen-Nr. hat die Form Nummer/Wahlperiode in römischen Ziffern oder die des Nummernschemas der Behörde.", "The paper number is <n>/<Roman numeral>, or follows the authority's numbering pattern.", "Form der Bezirksamtsvorlage"),
    rule(Code::BV02, E, Paper, "Jeder Abschnitt des Formulars ist vorhanden (ein Abschnitt darf „keine“ lauten).", "Every section of the form is present (a section may say \"keine\").", "Form der Bezirksamtsvorlage"),
    rule(Code::BV03, W, Paper, "Im Text steht kein Platzhalter der Textverarbeitung mehr.", "No word-processor placeholder is left in the text.", "Form der Bezirksamtsvorlage (vgl. „Wählen Sie ein Element aus.“ in 36/VI)"),
    rule(Code::BV04, E, Paper, "Die Vorlage hat nur die Abschnitte ihrer Art: die Vorlage zur Kenntnisnahme an die BVV beschließt nichts (kein Beschlussentwurf) und nennt den Beschluss des Bezirksamts; die Bezirksamtsvorlage zur Beschlussfassung hat keine Mitteilung an die BVV.", "A paper has only the sections of its kind: the council's paper for information decides nothing (no draft resolution) and names the Bezirksamt's decision; the Bezirksamt's paper for decision has no communication to the council.", "Zwei Vorlagen: Bezirksamtsvorlage zur Beschlussfassung und Vorlage zur Kenntnisnahme an die BVV (BA-Vorlage 36/VI, I d)"),
    rule(Code::RV01, E, ReviewLog, "Jedes Ereignis betrifft ein eingegangenes Berichtsblatt; eine erneute Einreichung ersetzt die zurückgegebene Fassung.", "Every event concerns a sheet that was received; a resubmission replaces the returned version.", "Nachvollziehbare Prüfung durch den Steuerungsdienst (BA-Vorlage 36/VI, I c)"),
    rule(Code::RV02, E, ReviewLog, "Angenommen wird nur ein Berichtsblatt ohne Fehlerbefund.", "Only a sheet without error findings is accepted.", "Einheitliches, geprüftes Berichtsblatt (BA-Vorlage 36/VI, I c)"),
    rule(Code::RV03, E, ReviewLog, "Eine erneute Einreichung ändert das Berichtsblatt.", "A resubmission changes the sheet.", "Rückgabe zur Berichtigung (Steuerungsdienst)"),
    rule(Code::RV04, E, ReviewLog, "Die Ereignisse eines Berichtsblatts folgen der Reihenfolge eingegangen → (zurückgegeben → erneut eingereicht)* → angenommen, mit Daten in dieser Reihenfolge und nicht vor der Einreichung.", "A sheet's events run received → (returned → resubmitted)* → accepted, dated in that order and not before the submission.", "Nachvollziehbare Prüfung durch den Steuerungsdienst (BA-Vorlage 36/VI, I c)"),
    rule(Code::FormFile, E, Form, "Die Datei ist eine lesbare Tabelle (XLSX oder ODS) innerhalb der Größengrenzen.", "The file is a readable spreadsheet (XLSX or ODS) within the size limits.", "Betriebssicherheit (docs/security.md, docs/forms.md)"),
    rule(Code::FormTemplate, E, Form, "Das Formular stammt aus der aktuellen Formularvorlage und ihr Aufbau ist vollständig (keine gelöschten Zeilen oder Felder).", "The form comes from the current template and its layout is complete (no deleted rows or fields).", "Einheitliches Berichtsblatt (BA-Vorlage 36/VI, I c)"),
    rule(Code::FormForeign, E, Form, "Das Formular gehört zu Behörde, Jahr, Ziel und Tertial, gegen die es geprüft wird.", "The form belongs to the authority, year, goal and tertial it is checked against.", "Berichtet wird über die Ziele des Zielsystems (BA-Vorlage 36/VI, I b)"),
    rule(Code::FormProtected, E, Form, "Vorausgefüllte, geschützte Zellen sind unverändert.", "Pre-filled, protected cells are unchanged.", "Einheitliches Berichtsblatt (BA-Vorlage 36/VI, I c)"),
    rule(Code::FormRequired, E, Form, "Jedes Pflichtfeld des Formulars ist ausgefüllt.", "Every mandatory field of the form is filled in.", "Einheitliches Berichtsblatt (BA-Vorlage 36/VI, I c)"),
    rule(Code::FormChoice, E, Form, "Ein Auswahlfeld enthält einen Wert der Auswahlliste (Bezeichnung oder JSON-Wert).", "A choice field holds a value of its drop-down list (label or JSON value).", "Glossar und Ampelskala (docs/procedure.md)"),
    rule(Code::FormValue, E, Form, "Datums- und Zahlenfelder enthalten ein Datum bzw. eine Zahl.", "Date and number fields hold a date or a number.", "JSON-Vertrag v1 (docs/procedure.md)"),
    rule(Code::FormFormula, E, Form, "In Eingabefeldern stehen Werte, keine Formeln (ein zwischengespeichertes Formelergebnis wird nie übernommen).", "Input fields hold values, not formulas (a cached formula result is never taken over).", "Nachvollziehbarkeit: übernommen wird, was eingetragen wurde"),
    rule(Code::FormStray, E, Form, "Jeder eingetragene Text steht in einem Feld des Formulars, sonst ginge er verloren.", "Every text typed in stands in a field of the form; otherwise it would be lost.", "Nichts geht stillschweigend verloren"),
    rule(Code::FormConverted, W, Form, "Ein Wert wurde umgedeutet übernommen (Datum als Text oder Seriennummer, Zahl mit Dezimalkomma, Zahl in einem Textfeld).", "A value was taken over after conversion (date as text or serial number, number with decimal comma, number in a text field).", "Nachvollziehbarkeit: übernommen wird, was eingetragen wurde"),
    rule(Code::Internal, E, Any, "Die Prüfung endet ohne inneren Fehler der Bibliothek; tritt doch einer auf, wird er als Befund gemeldet, nie als Absturz.", "The check ends without an internal error of the library; if one occurs, it is reported as a finding, never as a crash.", "Betriebssicherheit beim Einbetten (docs/embedding.md)"),
];

impl Code {
    /// The number of codes.
    pub const COUNT: usize = Code::ALL.len();

    /// The code's rule.
    pub fn rule(self) -> &'static Rule {
        // In bounds, and the code's own row: `RULES` has one row per code, in code order (the
        // compiler checks it, below).
        #[allow(clippy::indexing_slicing)]
        &RULES[self as usize]
    }

    /// Every code, in catalogue order.
    pub fn all() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied()
    }
}

// `RULES` lists exactly one row per code, in the order of `Code`: a missing, extra or misplaced row
// does not compile.
#[allow(clippy::indexing_slicing)]
const _: () = {
    let mut index = 0;
    while index < Code::COUNT {
        assert!(
            RULES[index].code as usize == index,
            "RULES must list one row per code, in the order of Code"
        );
        index += 1;
    }
};

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The templates of one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageSpec {
    /// The rule the message belongs to.
    pub code: Code,
    /// German template.
    pub de: &'static str,
    /// English template.
    pub en: &'static str,
}

/// Defines [`Message`] (each variant with its typed fields), [`MessageKind`] (the variants without
/// data: [`MessageKind::ALL`], [`MessageKind::name`], [`MessageKind::spec`]) and the params of a
/// message from one table, so the list of messages is complete by construction (as [`Code::ALL`]
/// is for codes).
macro_rules! messages {
    ($($variant:ident { $($field:ident: $ty:ty),* $(,)? } => ($code:expr, $de:literal, $en:literal),)*) => {
        /// Every way a rule can be broken, with the values that fill its templates (the
        /// `pydantic-core` `ErrorType` idea). [`crate::Finding::new`] renders it.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(missing_docs)] // Each variant is documented by its templates in the table below.
        pub enum Message {
            $($variant { $($field: $ty),* },)*
        }

        /// A [`Message`] without its values: what the catalogue lists.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[allow(missing_docs)] // Each variant is documented by its templates in the table below.
        pub enum MessageKind {
            $($variant,)*
        }

        impl Message {
            /// The message without its values.
            pub fn kind(&self) -> MessageKind {
                match self {
                    $(Message::$variant { .. } => MessageKind::$variant,)*
                }
            }

            /// The params of the message, each with the German text where it differs.
            pub fn into_entries(self) -> Vec<Entry> {
                let mut entries = Vec::new();
                match self {
                    $(Message::$variant { $($field),* } => {
                        $(Field::entries($field, stringify!($field), &mut entries);)*
                    })*
                }
                entries
            }
        }

        impl MessageKind {
            /// Every message, in catalogue order.
            pub const ALL: &'static [MessageKind] = &[$(MessageKind::$variant,)*];

            /// The variant's name, e.g. `"ReporterNotHolder"` (for tools and tests that list them).
            pub fn name(self) -> &'static str {
                match self {
                    $(MessageKind::$variant => stringify!($variant),)*
                }
            }

            /// The rule and templates of the message.
            pub fn spec(self) -> MessageSpec {
                let (code, de, en) = match self {
                    $(MessageKind::$variant => ($code, $de, $en),)*
                };
                MessageSpec { code, de, en }
            }

            /// The param keys the message's fields yield (the templates may name only these).
            pub fn keys(self) -> Vec<String> {
                match self {
                    $(MessageKind::$variant => {
                        let keys: Vec<Vec<String>> = vec![$(<$ty as Field>::keys(stringify!($field))),*];
                        keys.concat()
                    })*
                }
            }
        }
    };
}

// One row per message: `Variant { field: Type, … } => (Code::X, "German template", "English
// template"),`. A field named `x` is the param `x`; its type decides the params it yields and how
// it reads (rules/fields.rs: a `NaiveDate` is ISO in params, `31.05.2022` in German; a `Forecast`
// yields `x` German and `x_en` English; plain values — `String`, numbers, `Tertial` — yield `x`).
// Templates name params in braces; a test checks that they name only keys the fields yield. To add
// a message: add its row here (with a `Code` of its rule), build it where the rule finds the
// problem with `Finding::new(Message::Variant { … }, path)`, and give it a triggering conformance
// case.
#[rustfmt::skip]
messages! {
    JsonSyntax { line: usize, column: usize, detail: Twin } => (Code::JsonSyntax, "Kein gültiges JSON (Zeile {line}, Spalte {column}): {detail}", "Not valid JSON (line {line}, column {column}): {detail_en}"),
    JsonSyntaxNamesFile { line: usize, column: usize, detail: Twin, path: String } => (Code::JsonSyntax, "Kein gültiges JSON (Zeile {line}, Spalte {column}): {detail} – der Text ist der Pfad einer vorhandenen Datei; meinten Sie Path({path})?", "Not valid JSON (line {line}, column {column}): {detail_en} - the text is the path of an existing file; did you mean pathlib.Path({path})?"),
    SchemaType { expected: JsonTypes, found: JsonType } => (Code::SchemaType, "Falscher Typ: erwartet {expected}, gefunden {found}.", "Wrong type: expected {expected_en}, found {found_en}."),
    SchemaRequired { key: String } => (Code::SchemaRequired, "Pflichtfeld „{key}“ fehlt.", "Required key \"{key}\" is missing."),
    SchemaUnknownKey { key: String } => (Code::SchemaUnknownKey, "Unbekanntes Feld „{key}“ ist nicht erlaubt.", "Unknown key \"{key}\" is not allowed."),
    SchemaFormatDate { value: String } => (Code::SchemaFormat, "„{value}“ ist kein gültiges Datum (JJJJ-MM-TT).", "\"{value}\" is not a valid date (YYYY-MM-DD)."),
    SchemaFormatTertial { value: String } => (Code::SchemaFormat, "„{value}“ ist kein gültiges Tertial (JJJJ-T1, JJJJ-T2 oder JJJJ-T3).", "\"{value}\" is not a valid tertial (YYYY-T1, YYYY-T2 or YYYY-T3)."),
    SchemaFormatNumber { value: String, detail: Twin } => (Code::SchemaFormat, "„{value}“ ist keine zulässige Zahl ({detail}).", "\"{value}\" is not an admissible number ({detail_en})."),
    SchemaFormatPattern { value: String, pattern: String } => (Code::SchemaFormat, "„{value}“ entspricht nicht dem Muster {pattern}.", "\"{value}\" does not match the pattern {pattern}."),
    SchemaEnum { value: String, allowed: WithGerman } => (Code::SchemaEnum, "„{value}“ ist kein zulässiger Wert; erlaubt sind: {allowed_de}.", "\"{value}\" is not an allowed value; allowed: {allowed}."),
    SchemaDuplicateKey { key: String } => (Code::SchemaDuplicateKey, "Feld „{key}“ kommt mehrfach vor.", "Key \"{key}\" occurs more than once."),
    SchemaMismatch { detail: Twin } => (Code::SchemaType, "Das Dokument entspricht nicht dem JSON-Vertrag: {detail}", "The document does not conform to the JSON contract: {detail_en}"),
    SchemaLimitDocumentSize { size: u64, limit: usize } => (Code::SchemaLimit, "Das Dokument ist mit {size} Bytes größer als erlaubt ({limit} Bytes).", "The document of {size} bytes exceeds the limit of {limit} bytes."),
    SchemaLimitDepth { limit: usize, line: Option<usize>, column: Option<usize> } => (Code::SchemaLimit, "Das Dokument ist tiefer verschachtelt als erlaubt ({limit} Ebenen).", "The document is nested deeper than allowed ({limit} levels)."),
    SchemaLimitListLength { length: usize, limit: u64 } => (Code::SchemaLimit, "Die Liste hat {length} Einträge, erlaubt sind höchstens {limit}.", "The list has {length} entries; at most {limit} are allowed."),
    SchemaLimitTextLength { length: u64, limit: u64 } => (Code::SchemaLimit, "Der Text hat {length} Zeichen, erlaubt sind höchstens {limit}.", "The text has {length} characters; at most {limit} are allowed."),
    SchemaLimitFindings { omitted: usize, limit: usize } => (Code::SchemaLimit, "Zu viele Befunde: {omitted} weitere nach den ersten {limit} sind nicht aufgeführt.", "Too many findings: {omitted} more after the first {limit} are not listed."),
    YearImplausible { year: i32, min: i32, max: i32 } => (Code::TS01, "{year} ist kein plausibles Kalenderjahr (erlaubt: {min}–{max}).", "{year} is not a plausible calendar year (allowed: {min}–{max})."),
    SchemaVersionUnsupported { version: String, supported: &'static str } => (Code::TS01, "Schema-Version „{version}“ wird nicht unterstützt (unterstützt: „{supported}“).", "Schema version \"{version}\" is not supported (supported: \"{supported}\")."),
    DuplicateId { id: String, kind: Twin } => (Code::TS02, "Die Kennung „{id}“ ist mehrfach vergeben ({kind}).", "The id \"{id}\" is used more than once ({kind_en})."),
    GoalCountMismatch { declared: u32, listed: usize, perspective: Perspective } => (Code::TS03, "Beschlossen sind {declared} Ziele der {perspective}, aufgeführt sind {listed}.", "{declared} goals of the {perspective_en} are declared, {listed} are listed."),
    MissionStatementBlank {} => (Code::TS04, "Das Leitbild fehlt oder ist leer.", "The mission statement is missing or blank."),
    GoalTitleBlank { goal: String } => (Code::TS04, "Das Ziel „{goal}“ hat keinen Titel.", "Goal \"{goal}\" has no title."),
    UnknownPortfolio { portfolio: String } => (Code::TS05, "Der Geschäftsbereich „{portfolio}“ existiert nicht im Zielsystem.", "Portfolio \"{portfolio}\" does not exist in the target system."),
    UnknownOrgUnit { org_unit: String } => (Code::TS05, "Die Organisationseinheit „{org_unit}“ existiert nicht im Zielsystem.", "Org unit \"{org_unit}\" does not exist in the target system."),
    TermEndsBeforeStart { from: NaiveDate, until: NaiveDate } => (Code::TS05, "Die Amtszeit endet ({until}) vor ihrem Beginn ({from}).", "The term ends ({until}) before it starts ({from})."),
    TermsOverlap { portfolio: String, member: String, other: String, from: NaiveDate } => (Code::TS05, "Geschäftsbereich {portfolio}: Die Amtszeiten von „{member}“ und „{other}“ überschneiden sich ab {from}; je Tag gibt es nur eine Amtsinhaberin bzw. einen Amtsinhaber.", "Portfolio {portfolio}: the terms of \"{member}\" and \"{other}\" overlap from {from}; a portfolio has one holder per day."),
    GoalFewOrgUnits { goal: String, count: usize } => (Code::TS06, "Das Ziel „{goal}“ betrifft nur {count} Organisationseinheit(en); Ziele sollen organisationseinheitenübergreifend sein.", "Goal \"{goal}\" involves only {count} org unit(s); goals are meant to need collaboration across units."),
    SteeringServiceCount { count: usize } => (Code::TS07, "Genau eine Organisationseinheit muss der Steuerungsdienst sein, gefunden: {count}.", "Exactly one org unit must be the steering service; found {count}."),
    PredecessorMissing { goal: String, predecessor: Option<String> } => (Code::TS08, "Das fortgeführte Ziel „{goal}“ nennt kein Vorgängerziel.", "Continued goal \"{goal}\" names no predecessor."),
    PredecessorUnexpected { goal: String, predecessor: String } => (Code::TS08, "Das neue Ziel „{goal}“ nennt ein Vorgängerziel ({predecessor}).", "New goal \"{goal}\" names a predecessor ({predecessor})."),
    PredecessorMalformed { goal: String, predecessor: String } => (Code::TS08, "„{predecessor}“ ist keine Angabe der Form Jahr/Kennung (z. B. „2021/A03“).", "\"{predecessor}\" is not of the form <year>/<id> (e.g. \"2021/A03\")."),
    PredecessorWrongYear { predecessor: String, year: i32 } => (Code::TS08, "Das Vorgängerziel „{predecessor}“ stammt nicht aus einem Jahr vor {year}.", "Predecessor \"{predecessor}\" is not from a year before {year}."),
    PredecessorUnknown { predecessor: String, expected_year: i32 } => (Code::TS08, "Das Vorgängerziel „{predecessor}“ existiert im Zielsystem {expected_year} nicht.", "Predecessor \"{predecessor}\" does not exist in the {expected_year} target system."),
    PredecessorMissingOfKind { goal: String, kind: OriginKind } => (Code::TS08, "Das Ziel „{goal}“ ({kind}) nennt kein Vorgängerziel.", "Goal \"{goal}\" ({kind_en}) names no predecessor."),
    FirstTertialOutsideYear { tertial: Tertial, year: i32 } => (Code::TS09, "Das erste Berichtstertial {tertial} liegt nicht im Jahr {year}.", "The first reporting tertial {tertial} does not lie in {year}."),
    ResolutionNumberMalformed { number: String } => (Code::TS09, "„{number}“ ist keine Vorlagen-Nr. der Form Nummer/Wahlperiode (z. B. „36/VI“).", "\"{number}\" is not a resolution number of the form <number>/<term> (e.g. \"36/VI\")."),
    ResolutionAfterFirstCutOff { decided_on: NaiveDate, cut_off: NaiveDate } => (Code::TS09, "Der Beschluss vom {decided_on} liegt nicht vor dem ersten Berichtsstichtag {cut_off}.", "The decision of {decided_on} is not before the first cut-off {cut_off}."),
    PortfolioVacant { portfolio: String, date: NaiveDate, occasion: Twin } => (Code::TS10, "Geschäftsbereich {portfolio} ist am {date} ({occasion}) unbesetzt: niemand kann berichten.", "Portfolio {portfolio} is vacant on {date} ({occasion_en}): nobody can report."),
    GoalOnePortfolio { goal: String, portfolio: String } => (Code::TS11, "Alle Organisationseinheiten des Ziels „{goal}“ gehören zum Geschäftsbereich {portfolio}; Ziele sollen abteilungs- und organisationseinheitenübergreifend sein.", "All org units of goal \"{goal}\" belong to portfolio {portfolio}; goals are meant to need collaboration across departments and units."),
    MergedFewPredecessors { goal: String, count: usize } => (Code::TS12, "Das zusammengeführte Ziel „{goal}“ nennt {count} Vorgängerziel(e) in „predecessors“; es nennt alle, mindestens zwei.", "Merged goal \"{goal}\" names {count} predecessor(s) in \"predecessors\"; it must name every one, at least two."),
    MergedPredecessorField { goal: String, predecessor: String } => (Code::TS12, "Das zusammengeführte Ziel „{goal}“ nennt seine Vorgängerziele in „predecessors“, nicht in „predecessor“ ({predecessor}).", "Merged goal \"{goal}\" names its predecessors in \"predecessors\", not in \"predecessor\" ({predecessor})."),
    PredecessorsUnexpected { goal: String, kind: OriginKind } => (Code::TS12, "Das Ziel „{goal}“ ({kind}) nennt mehrere Vorgängerziele in „predecessors“; nur ein zusammengeführtes Ziel hat mehrere.", "Goal \"{goal}\" ({kind_en}) names several predecessors in \"predecessors\"; only a merged goal has several."),
    SplitAlone { goal: String, predecessor: String } => (Code::TS12, "Das aufgeteilte Ziel „{goal}“ ist das einzige, das „{predecessor}“ als aufgeteiltes Vorgängerziel nennt; eine Aufteilung ergibt mindestens zwei Ziele (ein einzelnes Nachfolgeziel ist fortgeführt oder neu gefasst).", "Split goal \"{goal}\" is the only one naming \"{predecessor}\" as the goal it was split from; a split yields at least two goals (a single successor is continued or reformulated)."),
    PredecessorTakenTwice { predecessor: String, other: String, other_kind: OriginKind } => (Code::TS12, "„{predecessor}“ ist schon Vorgängerziel von „{other}“ ({other_kind}); nur die Ziele einer Aufteilung nennen dasselbe Vorgängerziel.", "\"{predecessor}\" is already the predecessor of \"{other}\" ({other_kind_en}); only the goals of a split name the same predecessor."),
    PreviousSystemNotEarlier { previous_year: i32, year: i32 } => (Code::TS13, "Das als Vorjahr übergebene Zielsystem ist von {previous_year}, nicht aus einem Jahr vor {year}; seine Ziele können keine Vorgängerziele sein.", "The previous system given is of {previous_year}, not of a year before {year}; its goals cannot be predecessors."),
    PreviousSystemOtherAuthority { previous_authority: String, authority: String } => (Code::TS13, "Das als Vorjahr übergebene Zielsystem gehört zu „{previous_authority}“, nicht zu „{authority}“.", "The previous system given belongs to \"{previous_authority}\", not to \"{authority}\"."),
    SheetSchemaVersionUnsupported { version: String, supported: &'static str } => (Code::RS01, "Schema-Version „{version}“ wird nicht unterstützt (unterstützt: „{supported}“).", "Schema version \"{version}\" is not supported (supported: \"{supported}\")."),
    SheetAuthorityMismatch { sheet_authority: String, authority: String } => (Code::RS01, "Das Berichtsblatt gehört zu „{sheet_authority}“, das Zielsystem zu „{authority}“.", "The sheet belongs to \"{sheet_authority}\", the target system to \"{authority}\"."),
    SheetYearMismatch { tertial: Tertial, year: i32 } => (Code::RS01, "Das Tertial {tertial} liegt nicht im Jahr {year} des Zielsystems.", "Tertial {tertial} does not lie in the system's year {year}."),
    SheetTertialBeforeFirst { tertial: Tertial, first_tertial: Tertial } => (Code::RS01, "Das Tertial {tertial} liegt vor dem ersten Berichtstertial {first_tertial}.", "Tertial {tertial} precedes the first reporting tertial {first_tertial}."),
    GoalUnknown { goal: String } => (Code::RS02, "Das Ziel „{goal}“ existiert nicht im Zielsystem.", "Goal \"{goal}\" does not exist in the target system."),
    ReportingMemberUnknown { member: String } => (Code::RS03, "„{member}“ ist kein Bezirksamtsmitglied im Zielsystem.", "\"{member}\" is not a member in the target system."),
    ReporterNotHolder { member: String, date: NaiveDate, portfolio: String, holder: String } => (Code::RS03, "„{member}“ hat am {date} den Geschäftsbereich {portfolio} nicht inne; berichten darf nur „{holder}“.", "\"{member}\" does not hold portfolio {portfolio} on {date}; only \"{holder}\" may report."),
    ReporterNotHolderVacant { member: String, date: NaiveDate, portfolio: String } => (Code::RS03, "„{member}“ hat am {date} den Geschäftsbereich {portfolio} nicht inne; er ist an diesem Tag unbesetzt.", "\"{member}\" does not hold portfolio {portfolio} on {date}; it is vacant that day."),
    SubmittedBeforeCutOff { submitted_on: NaiveDate, cut_off: NaiveDate } => (Code::RS04, "Eingereicht am {submitted_on}, vor dem Berichtsstichtag {cut_off}.", "Submitted on {submitted_on}, before the cut-off {cut_off}."),
    SubmittedLate { submitted_on: NaiveDate, deadline: NaiveDate } => (Code::RS05, "Eingereicht am {submitted_on}, nach der Berichtsfrist {deadline}.", "Submitted on {submitted_on}, after the deadline {deadline}."),
    ForecastNotAllowed { label: Forecast, tertial: TertialLabelled, allowed: Forecasts } => (Code::RS06, "Die Einschätzung „{label}“ ist im {tertial_label} nicht zulässig (zulässig: {allowed}).", "The forecast \"{label_en}\" is not allowed in {tertial} (allowed: {allowed_en})."),
    RiskMissing { label: Forecast } => (Code::RS07, "Bei der Einschätzung „{label}“ muss mindestens ein Risiko genannt werden.", "A forecast of \"{label_en}\" must name at least one risk."),
    CountermeasureWithoutRisk { label: Forecast } => (Code::RS08, "Aktivitäten zur Gegensteuerung sind bei gefährdeter Zielerreichung vorgesehen; bei „{label}“ ist keine Gegensteuerung nötig.", "Countermeasures are meant for attainment at risk; with \"{label_en}\" none is needed."),
    CountermeasureFewOrgUnits { count: usize } => (Code::RS09, "Die Aktivität zur Gegensteuerung betrifft nur {count} Organisationseinheit(en); sie muss einer organisationseinheitenübergreifenden Abstimmung bedürfen (mindestens zwei).", "The countermeasure involves only {count} org unit(s); it must need coordination across units (at least two)."),
    CountermeasureUnknownOrgUnit { org_unit: String } => (Code::RS09, "Die Organisationseinheit „{org_unit}“ existiert nicht im Zielsystem.", "Org unit \"{org_unit}\" does not exist in the target system."),
    CountermeasureRepeatedOrgUnit { org_unit: String } => (Code::RS09, "Die Organisationseinheit „{org_unit}“ ist bei der Aktivität zur Gegensteuerung mehrfach genannt.", "Org unit \"{org_unit}\" is named more than once for the countermeasure."),
    NoContribution {} => (Code::RS10, "Es ist kein im Berichtszeitraum realisierter Zielerreichungsbeitrag genannt.", "No contribution realised in the reporting period is stated."),
    ForecastContradictsHighRisk { risk: String } => (Code::RS11, "„Zielerreichung nicht gefährdet“ trotz eines Risikos mit hoher Eintrittswahrscheinlichkeit und hoher Auswirkung.", "\"Attainment not at risk\" despite a risk of high likelihood and high impact."),
    ForecastContradictsLowRisks {} => (Code::RS11, "„Zielerreichung unwahrscheinlich“, obwohl nur geringe Risiken genannt sind.", "\"Attainment unlikely\" although only low risks are named."),
    IndicatorUnknown { indicator: String, goal: String } => (Code::RS12, "Die Kennzahl „{indicator}“ gehört nicht zum Ziel „{goal}“.", "Indicator \"{indicator}\" does not belong to goal \"{goal}\"."),
    IndicatorValueNotFinite { indicator: String } => (Code::RS12, "Der Wert der Kennzahl „{indicator}“ ist keine endliche Zahl.", "The value of indicator \"{indicator}\" is not a finite number."),
    AchievedRevoked { label: Forecast, goal: String, earlier_tertial: TertialLabelled } => (Code::RS13, "Das Ziel „{goal}“ wurde im {earlier_tertial_label} als erreicht gemeldet, jetzt als „{label}“.", "Goal \"{goal}\" was reported achieved in {earlier_tertial}, now \"{label_en}\"."),
    TextBlank { field: String } => (Code::RS14, "Das Textfeld „{field}“ ist leer.", "Text field \"{field}\" is blank."),
    TextTooLong { field: String, length: usize, limit: usize } => (Code::RS14, "Das Textfeld „{field}“ hat {length} Zeichen, erlaubt sind höchstens {limit}.", "Text field \"{field}\" has {length} characters; at most {limit} are allowed."),
    SignerUnknown { signer: String, date: NaiveDate } => (Code::RS15, "„{signer}“ (unterzeichnet in Vertretung) ist kein Bezirksamtsmitglied im Zielsystem.", "\"{signer}\" (signed in representation) is not a member in the target system."),
    SignerNotInOffice { signer: String, date: NaiveDate } => (Code::RS15, "„{signer}“ ist am {date} nicht im Amt und kann nicht in Vertretung unterzeichnen.", "\"{signer}\" is not in office on {date} and cannot sign in representation."),
    SignerIsReporter { signer: String } => (Code::RS15, "„{signer}“ ist selbst das berichtende Mitglied; „signed_by“ nennt nur eine Vertretung.", "\"{signer}\" is the reporting member; \"signed_by\" names a deputy only."),
    CountermeasureOnePortfolio { portfolio: String } => (Code::RS16, "Alle Organisationseinheiten der Aktivität zur Gegensteuerung gehören zum Geschäftsbereich {portfolio}; sie soll einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedürfen.", "All org units of the countermeasure belong to portfolio {portfolio}; it is meant to need coordination across departments and units."),
    ContributionUnknownOrgUnit { org_unit: String } => (Code::RS17, "Die Organisationseinheit „{org_unit}“ des Zielerreichungsbeitrags existiert nicht im Zielsystem.", "Org unit \"{org_unit}\" of the contribution does not exist in the target system."),
    NotAchievedEarly { tertial: TertialLabelled } => (Code::RS18, "„Ziel nicht erreicht“ schon im {tertial_label}: die Begründung soll darlegen, warum das Ziel bis zum Jahresende nicht mehr erreicht werden kann (z. B. ein verstrichener Termin).", "\"Goal not achieved\" already in {tertial}: the rationale should say why the goal can no longer be reached by the end of the year (e.g. a missed date)."),
    SheetForeign { goal: String, sheet_authority: String, sheet_tertial: Tertial, authority: String, tertial: Tertial } => (Code::TR01, "Das Berichtsblatt zu „{goal}“ gehört zu „{sheet_authority}“, {sheet_tertial}, nicht zum Bericht ({authority}, {tertial}).", "The sheet on \"{goal}\" belongs to \"{sheet_authority}\", {sheet_tertial}, not to the report ({authority}, {tertial})."),
    SheetGoalNotInReport { goal: String } => (Code::TR01, "Das Berichtsblatt nennt das Ziel „{goal}“, das der Bericht nicht enthält.", "The sheet names goal \"{goal}\", which the report does not contain."),
    PreviousSheetForeign { goal: String, sheet_authority: String, sheet_tertial: Tertial, year: i32, authority: String } => (Code::TR01, "Das frühere Berichtsblatt zu „{goal}“ ({sheet_authority}, {sheet_tertial}) gehört nicht zu einem früheren Tertial des Jahres {year} von „{authority}“.", "The earlier sheet on \"{goal}\" ({sheet_authority}, {sheet_tertial}) is not from an earlier tertial of {year} of \"{authority}\"."),
    PreviousSheetDuplicate { goal: String, sheet_tertial: Tertial } => (Code::TR02, "Zum Ziel „{goal}“ liegen für {sheet_tertial} mehrere frühere Berichtsblätter vor.", "There is more than one earlier sheet on goal \"{goal}\" for {sheet_tertial}."),
    SheetDuplicate { goal: String } => (Code::TR02, "Zum Ziel „{goal}“ liegen mehrere Berichtsblätter vor.", "There is more than one sheet on goal \"{goal}\"."),
    GoalWithoutSheet { goal: String } => (Code::TR03, "Zum Ziel „{goal}“ liegt kein Berichtsblatt vor.", "Goal \"{goal}\" has no sheet."),
    ReportTertialOutsideYear { tertial: Tertial, year: i32 } => (Code::TR06, "Das Tertial {tertial} liegt nicht im Jahr {year} des Zielsystems; die Blätter und Ziele eines anderen Jahres passen nicht zusammen.", "Tertial {tertial} does not lie in the target system's year {year}; sheets and goals of another year do not match."),
    LifecycleFieldMissing { stage: &'static str, field: &'static str } => (Code::TR04, "Im Stadium „{stage}“ fehlt „{field}“.", "Stage \"{stage}\" lacks \"{field}\"."),
    LifecycleFieldUnexpected { stage: &'static str, field: &'static str } => (Code::TR04, "Im Stadium „{stage}“ ist „{field}“ nicht vorgesehen.", "Stage \"{stage}\" must not have \"{field}\"."),
    LifecycleTransition { stage: Stage, target: Stage } => (Code::TR04, "Ein Bericht im Stadium „{stage}“ kann nicht in das Stadium „{target}“ übergehen (Reihenfolge: Entwurf → vom Bezirksamt beschlossen → von der BVV zur Kenntnis genommen).", "A report at stage \"{stage_en}\" cannot move to stage \"{target_en}\" (order: draft → decided → noted)."),
    DecisionNumberMalformed { number: String } => (Code::TR04, "„{number}“ ist keine Beschluss-Nr. der Form Nummer/Wahlperiode (z. B. „36/VI“).", "\"{number}\" is not a resolution number of the form <number>/<term> (e.g. \"36/VI\")."),
    LifecycleDateOrder { noted_on: GermanDate, decided_on: GermanDate } => (Code::TR04, "Die Kenntnisnahme der BVV ({noted_on}) liegt vor dem Beschluss des Bezirksamts ({decided_on}).", "The council took note ({noted_on}) before the Bezirksamt decided ({decided_on})."),
    DecidedBeforeCutOff { decided_on: GermanDate, cut_off: GermanDate } => (Code::TR04, "Der Beschluss ({decided_on}) liegt vor dem Berichtsstichtag {cut_off} des Tertials.", "The decision ({decided_on}) precedes the tertial's cut-off {cut_off}."),
    DecidedBeforeSubmission { decided_on: GermanDate, goal: String, submitted_on: GermanDate } => (Code::TR04, "Der Beschluss ({decided_on}) liegt vor dem Eingang des Berichtsblatts zu „{goal}“ ({submitted_on}).", "The decision ({decided_on}) precedes the submission of the sheet on \"{goal}\" ({submitted_on})."),
    CountermeasureUnknown { index: usize } => (Code::TR04, "Der Bericht hat keine Aktivität zur Gegensteuerung an Position {index}.", "The report has no countermeasure at position {index}."),
    DecidedWithSheetErrors { goal: String, codes: Codes } => (Code::TR05, "Das Berichtsblatt zu „{goal}“ hat Fehler ({codes}); der Bericht kann so nicht beschlossen werden.", "The sheet on \"{goal}\" has errors ({codes}); the report cannot be decided as it stands."),
    CouncilNumberMalformed { number: String } => (Code::TR04, "„{number}“ ist keine Drucksachen-Nr. der Form Nummer/Wahlperiode (z. B. „0297/VI“).", "\"{number}\" is not a printed-paper number of the form <number>/<term> (e.g. \"0297/VI\")."),
    PaperNumberMalformed { number: String, number_name: Twin } => (Code::BV01, "„{number}“ ist keine {number_name} der Form Nummer/Wahlperiode (z. B. „36/VI“).", "\"{number}\" is not a {number_name_en} of the form <number>/<term> (e.g. \"36/VI\")."),
    PaperSectionMissing { section: Twin } => (Code::BV02, "Der Abschnitt „{section}“ fehlt (ein nicht zutreffender Abschnitt lautet „keine“).", "Section \"{section_en}\" is missing (a section that does not apply says \"keine\")."),
    PaperPlaceholder { section: Twin, placeholder: &'static str } => (Code::BV03, "Im Abschnitt „{section}“ steht noch der Platzhalter „{placeholder}“.", "Section \"{section_en}\" still contains the placeholder \"{placeholder}\"."),
    PaperSectionNotOfKind { section: Twin, kind: PaperKind } => (Code::BV04, "Der Abschnitt „{section}“ gehört nicht zur {kind}.", "Section \"{section_en}\" does not belong to a paper of kind \"{kind_en}\"."),
    ReviewSheetNotReceived { goal: String, event: EventKind, date: NaiveDate } => (Code::RV01, "Zum Ziel „{goal}“ ist kein Berichtsblatt eingegangen; das Ereignis „{event}“ vom {date} betrifft nichts.", "No sheet on goal \"{goal}\" was received; the event \"{event_en}\" of {date} concerns nothing."),
    ReviewReplacesUnknown { goal: String, replaces: String, returned: String } => (Code::RV01, "Die erneute Einreichung zum Ziel „{goal}“ ersetzt „{replaces}“, zurückgegeben wurde aber „{returned}“.", "The resubmission on goal \"{goal}\" replaces \"{replaces}\", but \"{returned}\" was returned."),
    ReviewAcceptedWithErrors { goal: String, date: NaiveDate, count: usize, codes: Codes } => (Code::RV02, "Das Berichtsblatt zum Ziel „{goal}“ wurde am {date} angenommen, obwohl {count} Fehlerbefund(e) bestehen ({codes}).", "The sheet on goal \"{goal}\" was accepted on {date} although {count} error finding(s) remain ({codes})."),
    ReviewResubmissionUnchanged { goal: String, date: NaiveDate } => (Code::RV03, "Die erneute Einreichung zum Ziel „{goal}“ vom {date} ist unverändert die zurückgegebene Fassung.", "The resubmission on goal \"{goal}\" of {date} is the returned version unchanged."),
    ReviewEventOutOfOrder { goal: String, event: EventKind, date: NaiveDate, previous: EventKind } => (Code::RV04, "Zum Ziel „{goal}“ kann „{event}“ nicht auf „{previous}“ folgen (Reihenfolge: eingegangen → zurückgegeben → erneut eingereicht → angenommen).", "On goal \"{goal}\", \"{event_en}\" cannot follow \"{previous_en}\" (order: received → returned → resubmitted → accepted)."),
    ReviewDateOrder { goal: String, event: EventKind, date: NaiveDate, previous_date: NaiveDate } => (Code::RV04, "Zum Ziel „{goal}“ liegt „{event}“ ({date}) vor dem vorigen Ereignis ({previous_date}).", "On goal \"{goal}\", \"{event_en}\" ({date}) precedes the previous event ({previous_date})."),
    ReviewBeforeSubmission { goal: String, event: EventKind, date: NaiveDate, submitted_on: NaiveDate } => (Code::RV04, "Zum Ziel „{goal}“ liegt „{event}“ ({date}) vor der Einreichung des Berichtsblatts ({submitted_on}).", "On goal \"{goal}\", \"{event_en}\" ({date}) precedes the sheet's submission ({submitted_on})."),
    FormNotSpreadsheet { detail: Twin } => (Code::FormFile, "Die Datei ist keine Tabelle im Format XLSX oder ODS ({detail}).", "The file is not an XLSX or ODS spreadsheet ({detail_en})."),
    FormOldExcel {} => (Code::FormFile, "Die Datei ist im alten Excel-Format (.xls); bitte als .xlsx speichern.", "The file is in the old Excel format (.xls); please save it as .xlsx."),
    FormUnreadable { detail: String } => (Code::FormFile, "Die Tabelle kann nicht gelesen werden: {detail}", "The spreadsheet cannot be read: {detail}"),
    FormZipLimit { detail: Twin, limit: String } => (Code::FormFile, "Die Datei überschreitet eine Grenze: {detail} (höchstens {limit}).", "The file exceeds a limit: {detail_en} (at most {limit})."),
    FormOutsideArea { worksheet: String, row: u64, column: String, limit: String } => (Code::FormFile, "Das Tabellenblatt „{worksheet}“ hat Inhalt weit außerhalb des Formulars (Zeile {row}, Spalte {column}); höchstens {limit} Zellen werden gelesen.", "Worksheet \"{worksheet}\" has content far outside the form (row {row}, column {column}); at most {limit} cells are read."),
    FormNotAForm {} => (Code::FormTemplate, "Die Tabelle ist kein Berichtsblatt-Formular von zielsystem (kein Tabellenblatt mit Formularkennung).", "The spreadsheet is not a report sheet form of zielsystem (no worksheet carries the form marker)."),
    FormTemplateVersion { version: String, current: String } => (Code::FormTemplate, "Das Formular stammt aus der Formularvorlage Version „{version}“, aktuell ist Version „{current}“; bitte ein neues Formular anfordern.", "The form comes from template version \"{version}\"; the current version is \"{current}\"; please request a new form."),
    FormFieldMissing { field: String } => (Code::FormTemplate, "Das Feld „{field}“ fehlt im Formular (Zeile gelöscht oder Beschriftung überschrieben?).", "Field \"{field}\" is missing from the form (row deleted or label overwritten?)."),
    FormSectionMissing { field: String } => (Code::FormTemplate, "Der Abschnitt „{field}“ fehlt im Formular oder steht an falscher Stelle (Zeilen gelöscht oder verschoben?).", "Section \"{field}\" is missing from the form or out of place (rows deleted or moved?)."),
    FormForeignSystem { form_authority: String, form_year: String, authority: String, year: i32 } => (Code::FormForeign, "Das Formular gehört zum Zielsystem „{form_authority}“ {form_year}, geprüft wird gegen „{authority}“ {year}.", "The form belongs to the target system \"{form_authority}\" {form_year}; it is checked against \"{authority}\" {year}."),
    FormForeignTertial { form_tertial: String, tertial: String } => (Code::FormForeign, "Das Formular ist für {form_tertial} ausgestellt, erwartet wird {tertial}.", "The form was issued for {form_tertial}; {tertial} is expected."),
    FormForeignGoal { form_goal: String, detail: Twin } => (Code::FormForeign, "Das Formular ist für das Ziel „{form_goal}“ ausgestellt, {detail}", "The form was issued for goal \"{form_goal}\"; {detail_en}"),
    FormProtectedChanged { field: String, expected: String, found: String } => (Code::FormProtected, "Die geschützte Zelle „{field}“ wurde geändert: vorgegeben „{expected}“, gefunden „{found}“.", "Protected cell \"{field}\" was changed: expected \"{expected}\", found \"{found}\"."),
    FormRequiredEmpty { field: String } => (Code::FormRequired, "Das Pflichtfeld „{field}“ ist leer.", "Mandatory field \"{field}\" is empty."),
    FormChoiceUnknown { field: String, value: String, allowed: String } => (Code::FormChoice, "„{value}“ ist im Feld „{field}“ nicht wählbar; zulässig: {allowed}.", "\"{value}\" is not a choice of field \"{field}\"; allowed: {allowed}."),
    FormDateUnreadable { field: String, value: String } => (Code::FormValue, "„{value}“ im Feld „{field}“ ist kein Datum (TT.MM.JJJJ).", "\"{value}\" in field \"{field}\" is not a date (DD.MM.YYYY)."),
    FormNumberUnreadable { field: String, value: String } => (Code::FormValue, "„{value}“ im Feld „{field}“ ist keine Zahl.", "\"{value}\" in field \"{field}\" is not a number."),
    FormErrorValue { field: String, value: String } => (Code::FormValue, "Im Feld „{field}“ steht der Fehlerwert „{value}“.", "Field \"{field}\" holds the error value \"{value}\"."),
    FormFormulaInField { field: String, formula: String } => (Code::FormFormula, "Im Feld „{field}“ steht die Formel „{formula}“; bitte den Wert eintragen (das zwischengespeicherte Ergebnis wird nicht übernommen).", "Field \"{field}\" holds the formula \"{formula}\"; please enter the value (the cached result is not taken over)."),
    FormStrayText { value: String } => (Code::FormStray, "„{value}“ steht außerhalb eines Feldes und würde nicht übernommen.", "\"{value}\" stands outside any field and would not be taken over."),
    FormIncompleteRow { field: String, missing: String } => (Code::FormRequired, "In der Zeile „{field}“ fehlt „{missing}“; die übrigen Angaben der Zeile würden sonst verloren gehen.", "Row \"{field}\" lacks \"{missing}\"; the other entries of the row would otherwise be lost."),
    FormDateConverted { field: String, value: String, date: NaiveDate } => (Code::FormConverted, "„{value}“ im Feld „{field}“ wurde als Datum {date} übernommen.", "\"{value}\" in field \"{field}\" was taken as the date {date}."),
    FormNumberConverted { field: String, value: String, number: WithGerman } => (Code::FormConverted, "„{value}“ im Feld „{field}“ wurde als Zahl {number_de} übernommen.", "\"{value}\" in field \"{field}\" was taken as the number {number}."),
    FormTextConverted { field: String, value: String, text: String } => (Code::FormConverted, "Der Wert {value} im Textfeld „{field}“ wurde als Text „{text}“ übernommen.", "Value {value} in text field \"{field}\" was taken as the text \"{text}\"."),
    ResolutionNumberNotOfPattern { number: String, pattern: String, example: String } => (Code::TS09, "„{number}“ ist keine Vorlagen-Nr. nach dem Nummernschema „{pattern}“ der Behörde (z. B. „{example}“).", "\"{number}\" is not a resolution number of the authority's pattern \"{pattern}\" (e.g. \"{example}\")."),
    DecisionNumberNotOfPattern { number: String, pattern: String, example: String } => (Code::TR04, "„{number}“ ist keine Beschluss-Nr. nach dem Nummernschema „{pattern}“ der Behörde (z. B. „{example}“).", "\"{number}\" is not a resolution number of the authority's pattern \"{pattern}\" (e.g. \"{example}\")."),
    CouncilNumberNotOfPattern { number: String, pattern: String, example: String } => (Code::TR04, "„{number}“ ist keine Drucksachen-Nr. nach dem Nummernschema „{pattern}“ der Behörde (z. B. „{example}“).", "\"{number}\" is not a printed-paper number of the authority's pattern \"{pattern}\" (e.g. \"{example}\")."),
    PaperNumberNotOfPattern { number: String, pattern: String, example: String, number_name: Twin } => (Code::BV01, "„{number}“ ist keine {number_name} nach dem Nummernschema „{pattern}“ der Behörde (z. B. „{example}“).", "\"{number}\" is not a {number_name_en} of the authority's pattern \"{pattern}\" (e.g. \"{example}\")."),
    Internal { detail: String } => (Code::Internal, "Interner Fehler der Bibliothek ({detail}); das Dokument wurde nicht geprüft. Bitte melden.", "Internal error of the library ({detail}); the document was not checked. Please report it."),
}

impl DocumentKind {
    /// The German name.
    pub fn label_de(self) -> &'static str {
        match self {
            DocumentKind::Any => "jedes JSON-Dokument",
            DocumentKind::TargetSystem => "Zielsystem",
            DocumentKind::ReportSheet => "Berichtsblatt",
            DocumentKind::TertialReport => "Tertialbericht",
            DocumentKind::Paper => "Bezirksamtsvorlage",
            DocumentKind::ReviewLog => "Prüfprotokoll",
            DocumentKind::Form => "Formular (Berichtsblatt als Tabelle)",
        }
    }

    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Any => "any",
            DocumentKind::TargetSystem => "target_system",
            DocumentKind::ReportSheet => "report_sheet",
            DocumentKind::TertialReport => "tertial_report",
            DocumentKind::Paper => "paper",
            DocumentKind::ReviewLog => "review_log",
            DocumentKind::Form => "form",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_listed_once_with_its_name() {
        let names: std::collections::BTreeSet<&str> =
            MessageKind::ALL.iter().map(|m| m.name()).collect();
        assert_eq!(names.len(), MessageKind::ALL.len());
        assert_eq!(MessageKind::ReporterNotHolder.name(), "ReporterNotHolder");
        assert_eq!(MessageKind::ReporterNotHolder.spec().code, Code::RS03);
    }

    /// Both templates of every message name only params its fields yield.
    #[test]
    fn templates_name_only_declared_params() {
        let placeholder = |template: &'static str| -> Vec<&'static str> {
            template
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect()
        };
        for kind in MessageKind::ALL {
            let spec = kind.spec();
            let keys = kind.keys();
            for name in placeholder(spec.de).into_iter().chain(placeholder(spec.en)) {
                assert!(
                    keys.iter().any(|key| key == name),
                    "{}: template names {{{name}}}, fields yield {keys:?}",
                    kind.name()
                );
            }
        }
    }

    #[test]
    fn every_code_has_exactly_one_rule() {
        for code in Code::all() {
            assert_eq!(
                RULES.iter().filter(|rule| rule.code == code).count(),
                1,
                "{code}"
            );
            let rule = code.rule();
            assert_eq!(rule.code, code);
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert!(
                !rule.summary_de.is_empty()
                    && !rule.summary_en.is_empty()
                    && !rule.reason.is_empty()
            );
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
        assert_eq!(RULES.len(), Code::ALL.len());
        assert_eq!(Code::parse("RS99"), None);
    }
}

/// Rule codes, comma-separated in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Codes(pub Vec<Code>);

impl Field for Codes {
    fn keys(name: &str) -> Vec<String> {
        vec![name.to_string()]
    }

    fn entries(self, name: &str, out: &mut Vec<Entry>) {
        let codes: Vec<&str> = self.0.iter().map(|code| code.as_str()).collect();
        out.push(Entry::plain(name, codes.join(", ")));
    }
}
