//! Numbers of papers, resolutions and printed papers. By default `<number>/<electoral term>` with
//! the term in Roman numerals (`36/VI`); districts write theirs differently (`164/VI`,
//! `DS/0552/VI`, `IX-0559`, `2035/V`), so an authority may configure its own pattern
//! ([`Numbering`]) in its target system.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether `text` is `<digits>/<Roman numeral>`, the default numbering of papers and resolutions.
pub fn is_numbered_with_term(text: &str) -> bool {
    let Some((number, term)) = text.split_once('/') else {
        return false;
    };
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && is_roman_numeral(term)
}

/// The default pattern: running number, slash, electoral term (`36/VI`).
pub const DEFAULT_PATTERN: &str = "{number}/{term}";

/// The JSON Schema pattern of a numbering pattern: literal text around exactly one `{number}` (or
/// `{number:N}`, exactly N digits) and at most one `{term}`.
pub const PATTERN_PATTERN: &str =
    r"^[^{}]*(\{number(:[1-9])?\}[^{}]*(\{term\}[^{}]*)?|\{term\}[^{}]*\{number(:[1-9])?\}[^{}]*)$";

/// Longest number a pattern is matched against: numbers are short, and the bound keeps the
/// backtracking match cheap on hostile input.
pub(crate) const NUMBER_MAX_CHARS: usize = 64;

/// How an authority writes its numbers (Vorlagen-/Beschluss-Nr. of the Bezirksamt, Drucksachen-Nr.
/// of the council). Each pattern is literal text with the placeholders `{number}` (the running
/// number: digits; `{number:4}`: exactly four digits, zero-padded) and `{term}` (the electoral
/// term in Roman numerals). A pattern not given is [`DEFAULT_PATTERN`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Nummernschema",
    description = "Wie die Behörde ihre Nummern schreibt: Text mit den Platzhaltern {number} (laufende Nummer; {number:4}: genau vier Ziffern, mit Nullen aufgefüllt) und {term} (Wahlperiode in römischen Ziffern). Ohne Angabe: {number}/{term} (z. B. „36/VI“)."
)]
pub struct Numbering {
    /// Numbers of the Bezirksamt's papers and resolutions, e.g. `"{number}/{term}"` (`36/VI`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_pattern"
    )]
    #[schemars(
        title = "Vorlagen- und Beschluss-Nr. des Bezirksamts",
        description = "Schema der Vorlagen- und Beschlussnummern des Bezirksamts, z. B. „{number}/{term}“ für „36/VI“; ohne Angabe „{number}/{term}“."
    )]
    #[schemars(regex(pattern = PATTERN_PATTERN), length(max = PATTERN_MAX_CHARS))]
    pub resolution: Option<String>,
    /// Numbers of the council's printed papers, e.g. `"DS/{number:4}/{term}"` (`DS/0552/VI`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_pattern"
    )]
    #[schemars(
        title = "Drucksachen-Nr. der BVV",
        description = "Schema der Drucksachennummern der Bezirksverordnetenversammlung, z. B. „DS/{number:4}/{term}“ für „DS/0552/VI“ oder „{term}-{number:4}“ für „IX-0559“; ohne Angabe „{number}/{term}“."
    )]
    #[schemars(regex(pattern = PATTERN_PATTERN), length(max = PATTERN_MAX_CHARS))]
    pub printed_paper: Option<String>,
}

/// Longest pattern (the schema's `maxLength`).
const PATTERN_MAX_CHARS: usize = 40;

/// A pattern, refused unless well-formed, so that typed decoding agrees with the schema's
/// `pattern` (and a malformed pattern comes back as a schema-level finding).
fn deserialize_pattern<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let pattern: Option<String> = Option::deserialize(deserializer)?;
    match pattern {
        Some(text) if text.chars().count() > PATTERN_MAX_CHARS || !is_valid_pattern(&text) => Err(
            serde::de::Error::custom(format!("not a numbering pattern: {text:?}")),
        ),
        other => Ok(other),
    }
}

/// Which number a pattern is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// Vorlagen-/Beschluss-Nr. of the Bezirksamt.
    Resolution,
    /// Drucksachen-Nr. of the council.
    PrintedPaper,
}

impl Numbering {
    /// The pattern for `kind`: the configured one, else [`DEFAULT_PATTERN`].
    pub fn pattern(&self, kind: NumberKind) -> &str {
        let configured = match kind {
            NumberKind::Resolution => self.resolution.as_deref(),
            NumberKind::PrintedPaper => self.printed_paper.as_deref(),
        };
        configured.unwrap_or(DEFAULT_PATTERN)
    }

    /// Whether the authority configured its own pattern for `kind` (other than the default).
    pub fn is_configured(&self, kind: NumberKind) -> bool {
        self.pattern(kind) != DEFAULT_PATTERN
    }

    /// Whether `text` is a number of `kind` as this authority writes it.
    pub fn matches(&self, kind: NumberKind, text: &str) -> bool {
        matches_pattern(self.pattern(kind), text)
    }

    /// An example number of `kind` (running number 36, term VI), for messages.
    pub fn example(&self, kind: NumberKind) -> String {
        example(self.pattern(kind))
    }
}

/// A part of a parsed pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Literal(char),
    /// Digits; `Some(n)`: exactly n.
    Number(Option<usize>),
    Term,
}

/// The tokens of `pattern`, or `None` when it is not a pattern of [`PATTERN_PATTERN`]'s form.
fn tokens(pattern: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut rest = pattern;
    let (mut numbers, mut terms) = (0, 0);
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let end = rest.find('}')?;
            let name = rest.get(1..end)?;
            match name {
                "term" => {
                    terms += 1;
                    tokens.push(Token::Term);
                }
                "number" => {
                    numbers += 1;
                    tokens.push(Token::Number(None));
                }
                _ => {
                    let width = name.strip_prefix("number:")?;
                    let width: usize = width.parse().ok().filter(|w| (1..=9).contains(w))?;
                    numbers += 1;
                    tokens.push(Token::Number(Some(width)));
                }
            }
            rest = rest.get(end + 1..)?;
        } else if c == '}' {
            return None;
        } else {
            tokens.push(Token::Literal(c));
            rest = rest.get(c.len_utf8()..)?;
        }
    }
    (numbers == 1 && terms <= 1).then_some(tokens)
}

/// Whether `pattern` is a well-formed numbering pattern.
pub fn is_valid_pattern(pattern: &str) -> bool {
    tokens(pattern).is_some()
}

/// Whether `text` is written as `pattern` says; never for a malformed pattern.
pub fn matches_pattern(pattern: &str, text: &str) -> bool {
    if text.len() > NUMBER_MAX_CHARS {
        return false;
    }
    tokens(pattern).is_some_and(|tokens| matches_tokens(&tokens, text))
}

fn matches_tokens(tokens: &[Token], text: &str) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return text.is_empty();
    };
    match first {
        Token::Literal(c) => text
            .strip_prefix(*c)
            .is_some_and(|tail| matches_tokens(rest, tail)),
        Token::Number(width) => {
            let run = text.bytes().take_while(u8::is_ascii_digit).count();
            let lengths: Vec<usize> = match width {
                Some(width) => vec![*width].into_iter().filter(|w| *w <= run).collect(),
                None => (1..=run).rev().collect(),
            };
            lengths.into_iter().any(|len| {
                text.get(len..)
                    .is_some_and(|tail| matches_tokens(rest, tail))
            })
        }
        Token::Term => {
            let run = text.bytes().take_while(|b| b"IVXLCDM".contains(b)).count();
            (1..=run).rev().any(|len| {
                text.get(..len).is_some_and(is_roman_numeral)
                    && text
                        .get(len..)
                        .is_some_and(|tail| matches_tokens(rest, tail))
            })
        }
    }
}

/// `pattern` written out with running number 36 and term VI (`DS/{number:4}/{term}` → `DS/0036/VI`).
pub fn example(pattern: &str) -> String {
    let Some(tokens) = tokens(pattern) else {
        return pattern.to_string();
    };
    tokens
        .iter()
        .map(|token| match token {
            Token::Literal(c) => c.to_string(),
            Token::Number(Some(width)) => format!("{:0width$}", 36, width = *width),
            Token::Number(None) => "36".to_string(),
            Token::Term => "VI".to_string(),
        })
        .collect()
}

const ROMAN_VALUES: [(&str, u32); 13] = [
    ("M", 1000),
    ("CM", 900),
    ("D", 500),
    ("CD", 400),
    ("C", 100),
    ("XC", 90),
    ("L", 50),
    ("XL", 40),
    ("X", 10),
    ("IX", 9),
    ("V", 5),
    ("IV", 4),
    ("I", 1),
];

/// `value` in canonical Roman numerals (`6` → `"VI"`); empty for 0.
pub fn roman_numeral(value: u32) -> String {
    let mut canonical = String::new();
    let mut remaining = value;
    for (symbol, amount) in ROMAN_VALUES {
        while remaining >= amount {
            canonical.push_str(symbol);
            remaining -= amount;
        }
    }
    canonical
}

/// Whether `text` is a well-formed Roman numeral from I to MMMCMXCIX.
pub fn is_roman_numeral(text: &str) -> bool {
    if text.is_empty() || text.len() > 15 {
        return false;
    }
    // Decode greedily, then re-encode: only the canonical spelling survives the round trip.
    let mut rest = text;
    let mut value = 0u32;
    for (symbol, amount) in ROMAN_VALUES {
        while let Some(tail) = rest.strip_prefix(symbol) {
            value += amount;
            rest = tail;
        }
    }
    if !rest.is_empty() || value == 0 || value >= 4000 {
        return false;
    }
    roman_numeral(value) == text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn roman_numerals() {
        for good in ["I", "IV", "VI", "IX", "XIV", "XL", "MCMXCIX"] {
            assert!(is_roman_numeral(good), "{good}");
        }
        for bad in ["", "IIII", "VV", "IC", "vi", "ABC", "VX", "XM"] {
            assert!(!is_roman_numeral(bad), "{bad}");
        }
        assert!(is_numbered_with_term("36/VI"));
        assert!(is_numbered_with_term("0297/VI"));
        assert!(!is_numbered_with_term("36-VI"));
        assert!(!is_numbered_with_term("/VI"));
        assert!(!is_numbered_with_term("36/6"));
    }

    #[test]
    fn patterns_of_the_districts() {
        let cases = [
            ("{number}/{term}", "164/VI", "36/VI"),
            ("DS/{number:4}/{term}", "DS/0552/VI", "DS/0036/VI"),
            ("{term}-{number:4}", "IX-0559", "VI-0036"),
            ("{number}/{term}", "2035/V", "36/VI"),
        ];
        for (pattern, number, example_number) in cases {
            assert!(is_valid_pattern(pattern), "{pattern}");
            assert!(matches_pattern(pattern, number), "{pattern} {number}");
            assert_eq!(example(pattern), example_number);
            assert!(matches_pattern(pattern, &example(pattern)));
        }
        assert!(!matches_pattern("DS/{number:4}/{term}", "DS/552/VI"));
        assert!(!matches_pattern("DS/{number:4}/{term}", "552/VI"));
        assert!(!matches_pattern("{term}-{number:4}", "IIII-0559"));
        assert!(!matches_pattern("{term}-{number:4}", "0559/IX"));
        assert!(!matches_pattern("{number}/{term}", "36/VI/"));
        // The default agrees with the fixed check it replaces.
        for text in ["36/VI", "0297/VI", "36-VI", "/VI", "36/6", "36/", ""] {
            assert_eq!(
                matches_pattern(DEFAULT_PATTERN, text),
                is_numbered_with_term(text),
                "{text}"
            );
        }
    }

    #[test]
    fn malformed_patterns_match_nothing() {
        let regex = regex::Regex::new(PATTERN_PATTERN).unwrap();
        for bad in [
            "",
            "{term}",
            "{number}{number}",
            "{nummer}/{term}",
            "{number:0}",
            "{number:10}",
            "{number",
            "x}{number}",
            "{term}{number}{term}",
        ] {
            assert!(!is_valid_pattern(bad), "{bad}");
            assert!(!matches_pattern(bad, "36/VI"), "{bad}");
            assert!(!regex.is_match(bad), "{bad}");
        }
        for good in [
            "{number}/{term}",
            "DS/{number:4}/{term}",
            "{term}-{number:4}",
            "Nr. {number}",
        ] {
            assert!(regex.is_match(good) && is_valid_pattern(good), "{good}");
        }
    }

    #[test]
    fn configured_numbering_falls_back_to_the_default() {
        let numbering = Numbering {
            resolution: None,
            printed_paper: Some("DS/{number:4}/{term}".into()),
        };
        assert!(numbering.matches(NumberKind::Resolution, "36/VI"));
        assert!(!numbering.is_configured(NumberKind::Resolution));
        assert!(numbering.is_configured(NumberKind::PrintedPaper));
        assert!(!numbering.matches(NumberKind::PrintedPaper, "0297/VI"));
        assert_eq!(numbering.example(NumberKind::PrintedPaper), "DS/0036/VI");
    }
}
