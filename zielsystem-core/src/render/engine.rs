//! The template engine (minijinja) with the report templates compiled in. User text is escaped
//! automatically: HTML escaping for `.html` and `.svg` templates, Markdown escaping
//! ([`escape_markdown`]) for `.md` templates; in HTML and SVG control characters become blanks (XML
//! forbids them). Only values built by the renderers themselves (the
//! SVG matrix, the light icons) are marked safe.

use std::sync::OnceLock;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, State, escape_formatter};

use super::icon;
use super::text::{escape_markdown, escape_markdown_inline};

const MARKDOWN: &str = "markdown";

fn formatter(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if *state.auto_escape() == AutoEscape::Custom(MARKDOWN.into()) {
        let text = if value.is_none() || value.is_undefined() {
            String::new()
        } else {
            value.to_string()
        };
        if value.is_safe() {
            return out.write_str(&text).map_err(minijinja::Error::from);
        }
        return out
            .write_str(&escape_markdown_inline(&text))
            .map_err(minijinja::Error::from);
    }
    // HTML and SVG: control characters are illegal in XML 1.0 even as references, so a standalone
    // SVG with one would not open at all; they become blanks, like in Markdown.
    if !value.is_safe() {
        if let Some(text) = value.as_str() {
            if text.chars().any(is_illegal_in_markup) {
                let clean: String = text
                    .chars()
                    .map(|c| if is_illegal_in_markup(c) { ' ' } else { c })
                    .collect();
                return escape_formatter(out, state, &Value::from(clean));
            }
        }
    }
    escape_formatter(out, state, value)
}

/// Characters that have no place in HTML or XML text: control characters other than tab and line
/// breaks, and the noncharacters U+FFFE and U+FFFF.
fn is_illegal_in_markup(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

fn build() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html" | "svg") => AutoEscape::Html,
        Some("md") => AutoEscape::Custom(MARKDOWN.into()),
        _ => AutoEscape::None,
    });
    env.set_formatter(formatter);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    // `{{ text|para }}` for a value that starts a line in a Markdown template.
    env.add_filter("para", |text: String| {
        Value::from_safe_string(escape_markdown(&text))
    });
    env.add_function("light_icon", |key: String| {
        Value::from_safe_string(icon::light_icon(&key))
    });
    let templates = [
        ("decision.md", include_str!("templates/decision.md")),
        ("council.md", include_str!("templates/council.md")),
        ("appendix.md", include_str!("templates/appendix.md")),
        ("letterhead.md", include_str!("templates/letterhead.md")),
        ("decision.html", include_str!("templates/decision.html")),
        ("council.html", include_str!("templates/council.html")),
        ("appendix.html", include_str!("templates/appendix.html")),
        ("letterhead.html", include_str!("templates/letterhead.html")),
        ("signature.md", include_str!("templates/signature.md")),
        ("signature.html", include_str!("templates/signature.html")),
        ("report.css", include_str!("templates/report.css")),
        ("matrix.svg", include_str!("templates/matrix.svg")),
        ("reminder.md", include_str!("templates/reminder.md")),
        ("reminder.html", include_str!("templates/reminder.html")),
        ("letter.css", include_str!("templates/letter.css")),
        ("letter_head.md", include_str!("templates/letter_head.md")),
        (
            "letter_head.html",
            include_str!("templates/letter_head.html"),
        ),
        ("return.md", include_str!("templates/return.md")),
        ("return.html", include_str!("templates/return.html")),
    ];
    for (name, source) in templates {
        // The templates are compiled in and covered by tests; a syntax error would show as a
        // rendering error in every report, never as a panic.
        let _ = env.add_template(name, source);
    }
    env
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(build)
}

/// Renders template `name` with `context`; a failure of the engine is rendered as its message.
pub(crate) fn render(name: &str, context: impl serde::Serialize) -> String {
    render_value(name, Value::from(minijinja::value::Serde(context)))
}

/// Renders template `name` with a context built as a template value.
pub(crate) fn render_value(name: &str, context: Value) -> String {
    environment()
        .get_template(name)
        .and_then(|template| template.render(context))
        .unwrap_or_else(|error| format!("Darstellungsfehler / rendering error: {error:#}"))
}
