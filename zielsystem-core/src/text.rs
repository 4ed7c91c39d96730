//! Text helpers at the bottom of the crate, shared by the model, the rules and the renderers:
//! German dates and numbers, and values shortened for a message parameter.

use chrono::NaiveDate;

/// A date as written in German papers: `31.05.2022`.
pub fn german_date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// A number as written in German: decimal comma, at most two decimals, no trailing zeros
/// (`31,5`, `20`, `-0,25`). Non-finite values are written as "–".
pub fn german_number(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let text = format!("{value:.2}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let text = if text == "-0" { "0".to_string() } else { text };
    text.replace('.', ",")
}

/// A value as a parameter: at most 60 characters, control characters escaped, so a hostile
/// megabyte string or a line break cannot blow up or break a message.
pub fn short(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers() {
        assert_eq!(german_number(31.5), "31,5");
        assert_eq!(german_number(20.0), "20");
        assert_eq!(german_number(0.126), "0,13");
        assert_eq!(german_number(-0.001), "0");
        assert_eq!(german_number(f64::NAN), "–");
        assert_eq!(german_number(1234.0), "1234");
    }
}
