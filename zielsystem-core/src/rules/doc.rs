//! The rule catalogue as a document: `docs/rules.md` and the output of `zielsystem rules`.

use crate::rules::catalogue::{RULES, Severity};

/// The command that prints [`markdown_table`]; named in the generated file's header.
pub const RULES_COMMAND: &str = "zielsystem rules";

/// `docs/rules.md`: the rules table generated from [`RULES`] (code, severity, document kind, German
/// and English summary, reason) and the length limits of [`crate::decode::limits`].
pub fn markdown_table() -> String {
    use crate::decode::limits::{
        DEPTH_MAX, DOCUMENT_MAX_BYTES, FINDINGS_MAX, GOALS_MAX_ITEMS, ID_MAX_CHARS, LIST_MAX_ITEMS,
        NAME_MAX_CHARS, REFERENCES_MAX_ITEMS, TEXT_MAX_CHARS,
    };
    use std::fmt::Write as _;

    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    out.push_str("# Regelkatalog / Rule catalogue\n\n");
    let _ = writeln!(
        out,
        "<!-- Generiert aus `zielsystem-core/src/rules/catalogue.rs`; nicht von Hand ändern. \
         Ausgabe: `{RULES_COMMAND}`. Neu schreiben: `ZIELSYSTEM_BLESS=1 cargo test -p zielsystem-core --test rules_doc`. -->"
    );
    out.push_str(
        "\nJeder Befund einer Prüfung trägt einen dieser Codes. Codes sind ein öffentlicher Vertrag: \
         sie werden nie umnummeriert, nur ergänzt. Ein Befund der Schwere `error` macht das Dokument \
         ungültig, eine `warning` nicht.\n\n\
         Every finding carries one of these codes. Codes are a public contract: never renumbered, \
         only added. A finding of severity `error` makes the document invalid, a `warning` does not.\n\n",
    );
    out.push_str(
        "| Code | Schwere / severity | Dokument / document | Regel | Rule | Grund / reason |\n",
    );
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for rule in &RULES {
        let severity = match rule.severity {
            Severity::Error => "Fehler (`error`)",
            Severity::Warning => "Warnung (`warning`)",
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} (`{}`) | {} | {} | {} |",
            rule.code,
            severity,
            rule.document.label_de(),
            rule.document.as_str(),
            cell(rule.summary_de),
            cell(rule.summary_en),
            cell(rule.reason),
        );
    }
    let _ = write!(
        out,
        "\n## Grenzen / Limits\n\n\
         Aus `zielsystem-core/src/decode/limits.rs`; Begründung und Garantien in `docs/security.md`. \
         Texte werden in Zeichen (Unicode-Skalarwerten) gezählt, nicht in Bytes; jede Grenze ist \
         einschließlich. / Texts are counted in characters, not bytes; every limit is inclusive.\n\n\
         | Grenze / limit | höchstens / at most | Befund / finding |\n\
         | --- | --- | --- |\n\
         | Dokumentgröße / document size | {DOCUMENT_MAX_BYTES} Bytes (8 MiB) | `SCHEMA_LIMIT` |\n\
         | Verschachtelungstiefe / nesting depth | {DEPTH_MAX} | `SCHEMA_LIMIT` |\n\
         | Ziele eines Zielsystems / goals of a target system | {GOALS_MAX_ITEMS} | `SCHEMA_LIMIT` |\n\
         | jede andere Liste (Zielsystem, Berichtsblatt) / every other list | {LIST_MAX_ITEMS} | `SCHEMA_LIMIT` |\n\
         | Organisationseinheiten eines Ziels oder einer Aktivität / org units of a goal or countermeasure | {REFERENCES_MAX_ITEMS} | `SCHEMA_LIMIT` |\n\
         | Kennungen, Nummern / ids, numbers | {ID_MAX_CHARS} Zeichen | Zielsystem: `SCHEMA_LIMIT`; Berichtsblatt: `RS14` |\n\
         | Namen, Titel / names, titles | {NAME_MAX_CHARS} Zeichen | Zielsystem: `SCHEMA_LIMIT`; Berichtsblatt: `RS14` |\n\
         | Freitexte (Leitbild, Beschreibung; Begründung, Beiträge, Risiken, Aktivitäten) / free texts | {TEXT_MAX_CHARS} Zeichen | Zielsystem: `SCHEMA_LIMIT`; Berichtsblatt: `RS14` |\n\
         | Befunde je Dokument / findings per document | {FINDINGS_MAX} | ein weiterer `SCHEMA_LIMIT` nennt die Zahl der übrigen |\n"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_table_has_a_row_per_rule() {
        let table = markdown_table();
        for rule in &RULES {
            assert!(
                table.contains(&format!("| `{}` |", rule.code)),
                "{}",
                rule.code
            );
        }
        assert!(table.contains(RULES_COMMAND));
        assert!(table.ends_with('\n'));
    }
}
