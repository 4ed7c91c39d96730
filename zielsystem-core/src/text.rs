//! Text helpers at the bottom of the crate, shared by the model, the rules and the renderers:
//! German dates and numbers, and values shortened for a message parameter.

use chrono::{Datelike, NaiveDate};

/// A date as written in German papers: `31.05.2022` (chrono's `%d.%m.%Y`, whose signed form
/// years outside 0–9999 keep). Written digit by digit: a late sheet's message names two dates, and
/// chrono's format machinery cost more than the sheet's rules.
pub fn german_date(day: NaiveDate) -> String {
    let Ok(year @ 0..=9999) = u32::try_from(day.year()) else {
        return day.format("%d.%m.%Y").to_string();
    };
    let mut text = String::with_capacity(10);
    push_digits(&mut text, day.day(), 2);
    text.push('.');
    push_digits(&mut text, day.month(), 2);
    text.push('.');
    push_digits(&mut text, year, 4);
    text
}

/// The last `count` decimal digits of `number`, zero-padded.
fn push_digits(text: &mut String, number: u32, count: u32) {
    for place in (0..count).rev() {
        let digit = number / 10_u32.pow(place) % 10;
        text.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
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
    fn german_dates_as_chrono_writes_them() {
        let days = (-400..12_000)
            .step_by(7)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, 1 + (year.unsigned_abs() % 12), 28))
            .chain([NaiveDate::MIN, NaiveDate::MAX]);
        for day in days {
            assert_eq!(
                german_date(day),
                day.format("%d.%m.%Y").to_string(),
                "{day:?}"
            );
        }
        assert_eq!(
            german_date(NaiveDate::from_ymd_opt(2022, 5, 31).unwrap_or_default()),
            "31.05.2022"
        );
    }

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
