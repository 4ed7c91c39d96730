//! Escaping of user text for Markdown; the German dates and numbers of the renderers come from
//! [`crate::text`].

pub use crate::text::{german_date, german_number};

/// Escapes user text for Markdown (`CommonMark` and GitHub tables) where it stands at the start of a
/// line: [`escape_markdown_inline`], and a leading list marker or thematic break (`-`, `1.`) is
/// escaped as well.
pub fn escape_markdown(text: &str) -> String {
    escape_block_start(&escape_markdown_inline(text))
}

/// Escapes user text for Markdown (`CommonMark` and GitHub tables) within a line, so it is shown as
/// written and never becomes markup: every ASCII punctuation character that can start or end markup
/// gets a backslash (links `[x](…)`, images, raw HTML `<…>`, entities `&…;`, emphasis, code, table
/// pipes, headings), and line breaks become spaces, so user text can neither start a block nor
/// break a table row.
pub fn escape_markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous_was_break = false;
    for ch in text.chars() {
        match ch {
            '\r' | '\n' => {
                if !previous_was_break {
                    out.push(' ');
                }
                previous_was_break = true;
                continue;
            }
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '+'
            | '!' | '|' | '~' | '&' | '=' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            // Other control characters (and the bidi overrides) would only confuse a reader.
            c if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) => out.push(' '),
            c => out.push(c),
        }
        previous_was_break = false;
    }
    out
}

/// Escapes what could start a block if the text stands at the beginning of a line: a list marker
/// (`-`, `1.`) or a thematic break (`---`).
fn escape_block_start(text: &str) -> String {
    let trimmed = text.trim_start_matches(' ');
    let indent = text.len() - trimmed.len();
    let (lead, rest) = text.split_at(indent);
    if rest.starts_with('-') {
        return format!("{lead}\\{rest}");
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && rest.as_bytes().get(digits) == Some(&b'.') {
        let (number, tail) = rest.split_at(digits);
        return format!("{lead}{number}\\{tail}");
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_is_inert() {
        assert_eq!(
            escape_markdown("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(
            escape_markdown("<script>alert(1)</script>"),
            "\\<script\\>alert\\(1\\)\\</script\\>"
        );
        assert_eq!(escape_markdown("a | b\n# c"), "a \\| b \\# c");
        assert_eq!(
            escape_markdown("Online-Termine, z. B. 3."),
            "Online-Termine, z. B. 3."
        );
        assert_eq!(escape_markdown("- Liste"), "\\- Liste");
        assert_eq!(escape_markdown("1. Punkt"), "1\\. Punkt");
    }
}
