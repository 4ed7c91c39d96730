//! The traffic-light icons, shared by the SVG matrix and the HTML templates.

/// A 14 × 14 px icon of a light (`green`, `yellow`, `red`; anything else: an empty dashed circle),
/// shaped so that it reads without colour.
pub fn light_icon(key: &str) -> String {
    let shape = match key {
        "green" => {
            r##"<circle cx="7" cy="7" r="6" fill="#2e7d32" stroke="#1b1b1b" stroke-width="1"/>"##
        }
        "yellow" => {
            r##"<polygon points="7,0.8 13.4,12.6 0.6,12.6" fill="#f9c623" stroke="#1b1b1b" stroke-width="1"/>"##
        }
        "red" => {
            r##"<rect x="1.2" y="1.2" width="11.6" height="11.6" fill="#c62828" stroke="#1b1b1b" stroke-width="1"/>"##
        }
        _ => {
            r##"<circle cx="7" cy="7" r="5.5" fill="none" stroke="#555" stroke-width="1.2" stroke-dasharray="2 2"/>"##
        }
    };
    format!(
        r#"<svg class="icon" xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">{shape}</svg>"#
    )
}
