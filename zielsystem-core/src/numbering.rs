//! Numbers of papers, resolutions and printed papers: `<number>/<electoral term>` with the term in
//! Roman numerals (`36/VI`).

/// Whether `text` is `<digits>/<Roman numeral>`, the numbering of papers and resolutions.
pub fn is_numbered_with_term(text: &str) -> bool {
    let Some((number, term)) = text.split_once('/') else {
        return false;
    };
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && is_roman_numeral(term)
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
}
