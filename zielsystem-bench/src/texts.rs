//! The German building blocks of generated documents: authorities, portfolios, units, goal titles and
//! the phrases sheets are written from. Invented, in the register of the example of Mitte 2022.

/// The twelve district offices of Berlin; generated authorities beyond these are numbered.
pub const BERLIN_DISTRICTS: [&str; 12] = [
    "Mitte",
    "Friedrichshain-Kreuzberg",
    "Pankow",
    "Charlottenburg-Wilmersdorf",
    "Spandau",
    "Steglitz-Zehlendorf",
    "Tempelhof-Schöneberg",
    "Neukölln",
    "Treptow-Köpenick",
    "Marzahn-Hellersdorf",
    "Lichtenberg",
    "Reinickendorf",
];

/// The six portfolios of a Berlin district office: id, name, short id of the holder.
pub const PORTFOLIOS: [(&str, &str, &str); 6] = [
    ("I", "Bezirksbürgermeister", "bzbm"),
    ("II", "Schule, Sport, Weiterbildung und Kultur", "schul"),
    (
        "III",
        "Ordnung, Umwelt, Natur, Straßen und Grünflächen",
        "ordn",
    ),
    ("IV", "Stadtentwicklung und Facility Management", "stadt"),
    ("V", "Soziales und Bürgerdienste", "soz"),
    ("VI", "Jugend, Familie und Gesundheit", "jug"),
];

/// Kinds of organisational units, as in the JSON contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// `office`
    Office,
    /// `service_unit`
    Service,
    /// `staff_unit`
    Staff,
    /// `other`
    Other,
}

/// Units a district office may have besides the steering service: id, name, kind, portfolio
/// index (0 = I). Every generated system has the first four and a random choice of the rest, at
/// least one per portfolio.
pub const UNITS: [(&str, &str, UnitKind, usize); 20] = [
    ("rechtsamt", "Rechtsamt", UnitKind::Office, 0),
    ("se-fin", "Serviceeinheit Finanzen", UnitKind::Service, 0),
    ("se-pers", "Serviceeinheit Personal", UnitKind::Service, 0),
    ("se-it", "Serviceeinheit IT", UnitKind::Service, 0),
    (
        "stab-klima",
        "Stabsstelle Klimaschutz und Nachhaltigkeit",
        UnitKind::Staff,
        0,
    ),
    (
        "spk",
        "Sozialraumorientierte Planungskoordination",
        UnitKind::Other,
        0,
    ),
    ("gleichst", "Gleichstellungsbeauftragte", UnitKind::Staff, 0),
    ("schul-sport", "Schul- und Sportamt", UnitKind::Office, 1),
    (
        "kultur",
        "Amt für Weiterbildung und Kultur",
        UnitKind::Office,
        1,
    ),
    ("bibliothek", "Stadtbibliothek", UnitKind::Office, 1),
    ("sga", "Straßen- und Grünflächenamt", UnitKind::Office, 2),
    ("umwelt", "Umwelt- und Naturschutzamt", UnitKind::Office, 2),
    ("ordnung", "Ordnungsamt", UnitKind::Office, 2),
    ("stapl", "Stadtentwicklungsamt", UnitKind::Office, 3),
    (
        "fm",
        "Serviceeinheit Facility Management",
        UnitKind::Service,
        3,
    ),
    (
        "bauaufsicht",
        "Bau- und Wohnungsaufsichtsamt",
        UnitKind::Office,
        3,
    ),
    ("amt-soz", "Amt für Soziales", UnitKind::Office, 4),
    ("buerger", "Amt für Bürgerdienste", UnitKind::Office, 4),
    ("jugend", "Jugendamt", UnitKind::Office, 5),
    ("gesundheit", "Gesundheitsamt", UnitKind::Office, 5),
];

/// Goal titles of the outward perspective with the index of their usual portfolio.
pub const MANDATE_TITLES: [(&str, usize); 24] = [
    ("Klimaschutz und nachhaltiges Handeln vorantreiben", 0),
    ("Digitalisierung vorantreiben", 0),
    ("Bürgerbeteiligung in Planungsverfahren ausbauen", 0),
    ("Sprachförderung ausweiten", 5),
    ("Schulplätze bedarfsgerecht bereitstellen", 1),
    ("Kulturelle Teilhabe in den Kiezen stärken", 1),
    ("Sportflächen für Vereine und Schulen erweitern", 1),
    ("Sauberkeit im öffentlichen Raum verbessern", 2),
    ("Stadtbäume erhalten und klimaangepasst nachpflanzen", 2),
    ("Schulwege sicherer machen", 2),
    ("Grünanlagen barrierefrei und sicher gestalten", 2),
    (
        "Bezahlbaren Wohnraum in sozialen Erhaltungsgebieten sichern",
        3,
    ),
    ("Schulgebäude sanieren", 3),
    ("Barrierefreiheit bezirklicher Gebäude verbessern", 3),
    ("Genehmigungsverfahren im Bauwesen beschleunigen", 3),
    ("Wohnungslosigkeit vorbeugen", 4),
    ("Termine in den Bürgerämtern zeitnah anbieten", 4),
    ("Pflegeberatung wohnortnah anbieten", 4),
    ("Kinderschutz stärken", 5),
    (
        "Gesundheitsförderung in Quartieren mit besonderem Bedarf",
        5,
    ),
    ("Kitaplätze wohnortnah sichern", 5),
    ("Jugendfreizeiteinrichtungen öffnen und ausbauen", 5),
    ("Ehrenamtliches Engagement anerkennen und fördern", 4),
    ("Hitzeschutz für vulnerable Gruppen organisieren", 5),
];

/// Goal titles of the inward perspective with the index of their usual portfolio.
pub const ADMINISTRATION_TITLES: [(&str, usize); 14] = [
    ("Hilfen für Kinder und Jugendliche", 5),
    ("Unterstützung in besonderen Lebenslagen", 4),
    ("Verbesserung der Gesundheitsquote", 0),
    ("Neu- und Nachbesetzung bezirklicher Stellen", 0),
    ("Energieverbrauch bezirklicher Gebäude senken", 3),
    ("Wissenstransfer bei Altersabgängen sichern", 1),
    ("Elektronische Akte einführen", 2),
    ("Beschwerdemanagement vereinheitlichen", 4),
    ("Ausbildungsplätze vollständig besetzen", 0),
    ("Haushaltsmittel termingerecht bewirtschaften", 0),
    ("Fortbildung der Führungskräfte verstetigen", 0),
    ("Vergabeverfahren digital abwickeln", 3),
    ("Arbeitsschutz in den Dienstgebäuden verbessern", 3),
    ("Bearbeitungszeiten im Leistungsbereich verkürzen", 4),
];

/// Mission statements (Leitbilder).
pub const MISSION_STATEMENTS: [&str; 4] = [
    "Das Bezirksamt richtet sein Handeln am Leitbild der nachhaltigen Entwicklung aus. Ökologische, soziale und ökonomische Belange werden gleichrangig abgewogen; Orientierung geben die 17 Ziele für nachhaltige Entwicklung der Vereinten Nationen.",
    "Das Bezirksamt versteht sich als bürgernahe, digitale und wirtschaftlich handelnde Verwaltung, die abteilungsübergreifend zusammenarbeitet und die Bürgerinnen und Bürger beteiligt.",
    "Ein lebenswerter, sozial gerechter und klimafreundlicher Bezirk für alle Generationen: Daran misst das Bezirksamt seine Ziele und seine Arbeit.",
    "Das Bezirksamt sichert gute Dienstleistungen für alle Menschen im Bezirk, fördert Teilhabe und Zusammenhalt und geht mit den öffentlichen Mitteln sorgsam um.",
];

/// Opening clauses of goal descriptions.
pub const DESCRIPTIONS: [&str; 5] = [
    "Das Ziel wird aus dem Vorjahr mit geschärften Kennzahlen fortgeführt.",
    "Die beteiligten Organisationseinheiten stimmen sich in einer gemeinsamen Arbeitsgruppe ab.",
    "Der Schwerpunkt liegt auf Quartieren mit besonderem Handlungsbedarf.",
    "Die Umsetzung erfolgt in Abstimmung mit der zuständigen Senatsverwaltung.",
    "Kennzahlen und Werte sind illustrativ.",
];

/// Indicators: name stem, unit, whether higher is better.
pub const INDICATORS: [(&str, &str, bool); 8] = [
    (
        "Anteil der fristgerecht abgeschlossenen Vorgänge",
        "%",
        true,
    ),
    ("Durchschnittliche Bearbeitungsdauer", "Tage", false),
    ("Anzahl der umgesetzten Maßnahmen", "Anzahl", true),
    ("Versorgungsquote", "%", true),
    ("Wartezeit auf einen Termin", "Tage", false),
    ("Energieverbrauch", "MWh", false),
    ("Besetzte Stellen", "Anzahl", true),
    ("Erreichte Personen", "Anzahl", true),
];

/// What was done (contributions); `{n}` is replaced by a number.
pub const CONTRIBUTIONS: [&str; 12] = [
    "Konzept mit den beteiligten Ämtern abgestimmt und im Bezirksamt vorgestellt.",
    "{n} zusätzliche Termine pro Woche angeboten und online buchbar gemacht.",
    "Arbeitsgruppe eingerichtet; sie hat seit Jahresbeginn {n}-mal getagt.",
    "Ausschreibung veröffentlicht, Zuschlag an einen Träger erteilt.",
    "{n} Stellen ausgeschrieben, davon ein Großteil bereits besetzt.",
    "Bestandsaufnahme in allen Regionen abgeschlossen; Ergebnisse liegen als Bericht vor.",
    "Beratungsangebot in {n} Stadtteilzentren eingerichtet.",
    "Förderrichtlinie überarbeitet und mit der Serviceeinheit Finanzen abgestimmt.",
    "Pilotprojekt in einer Region gestartet; erste Rückmeldungen sind positiv.",
    "Schulung der Mitarbeitenden durchgeführt ({n} Teilnehmende).",
    "Maßnahmenplan mit Zeitplan und Verantwortlichkeiten beschlossen.",
    "Daten für {n} Standorte erhoben und ausgewertet.",
];

/// What could go wrong (risks).
pub const RISKS: [&str; 10] = [
    "Wegen des Fachkräftemangels bleiben Stellen länger unbesetzt als geplant.",
    "Die Haushaltsmittel für das zweite Halbjahr sind noch nicht freigegeben.",
    "Lieferengpässe verzögern die Bauarbeiten.",
    "Die Abstimmung mit der Senatsverwaltung dauert länger als vorgesehen.",
    "Der Krankenstand im Fachbereich ist hoch.",
    "Die IT-Ausstattung wird später geliefert als zugesagt.",
    "Der Träger kann die vereinbarten Plätze nicht vollständig bereitstellen.",
    "Steigende Fallzahlen binden die vorhandenen Kapazitäten.",
    "Ein Vergabeverfahren wurde gerügt und muss wiederholt werden.",
    "Die Datengrundlage für die Kennzahl ist noch unvollständig.",
];

/// Proposed countermeasures.
pub const COUNTERMEASURES: [&str; 6] = [
    "Mit der Serviceeinheit Personal ein beschleunigtes Auswahlverfahren vereinbaren.",
    "Mittel aus einem anderen Titel umschichten; Abstimmung mit der Serviceeinheit Finanzen.",
    "Gemeinsame Taskforce der beteiligten Ämter einrichten, die wöchentlich berichtet.",
    "Ausweichräume in anderen bezirklichen Gebäuden nutzen.",
    "Priorisierung der Vorhaben im Bezirksamt beschließen lassen.",
    "Aufgaben vorübergehend an eine andere Organisationseinheit übertragen.",
];

/// Rationales by forecast class: achieved, on track, at risk, unlikely, not achieved.
pub const RATIONALES: [[&str; 3]; 5] = [
    [
        "Der Zielwert ist erreicht; die Maßnahmen werden im Regelbetrieb fortgeführt.",
        "Alle vereinbarten Maßnahmen sind umgesetzt, die Kennzahl liegt über dem Zielwert.",
        "Das Ziel ist vorzeitig erreicht. Die Erfahrungen werden für das Folgejahr ausgewertet.",
    ],
    [
        "Die Maßnahmen liegen im Zeitplan; die Kennzahl entwickelt sich wie geplant.",
        "Die bisher realisierten Beiträge und die geringen Risiken lassen eine Zielerreichung erwarten.",
        "Die wesentlichen Schritte sind eingeleitet; Verzögerungen sind nicht erkennbar.",
    ],
    [
        "Einzelne Maßnahmen verzögern sich; ohne Gegensteuerung wird der Zielwert knapp verfehlt.",
        "Die Kennzahl bleibt hinter dem Plan zurück. Die genannten Risiken gefährden die Zielerreichung.",
        "Die Umsetzung hängt von Entscheidungen außerhalb des Bezirksamts ab, die noch ausstehen.",
    ],
    [
        "Wesentliche Voraussetzungen fehlen; der Zielwert ist in diesem Jahr kaum noch erreichbar.",
        "Die Risiken sind eingetreten. Die Zielerreichung ist ohne zusätzliche Mittel unwahrscheinlich.",
        "Die Kennzahl liegt deutlich unter dem Plan; die Gegensteuerung wirkt erst im Folgejahr.",
    ],
    [
        "Der Zielwert wurde zum Jahresende nicht erreicht; das Ziel wird im Folgejahr fortgeführt.",
        "Das Ziel wurde verfehlt, weil die Stellen erst im Herbst besetzt werden konnten.",
        "Die Maßnahmen wurden nur teilweise umgesetzt; der Zielwert wurde nicht erreicht.",
    ],
];
