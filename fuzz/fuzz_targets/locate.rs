//! `locate::locate(source, pointer)`: the input is the pointer, a NUL byte and the source text.
//! Whatever it answers lies inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zielsystem_core::decode::locate::locate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pointer, source) = text.split_once('\0').unwrap_or(("", text));
    if let Some((line, column)) = locate(source, pointer) {
        let lines = source.split('\n').count();
        assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        let width = source
            .split('\n')
            .nth(line - 1)
            .map_or(0, |l| l.chars().count());
        assert!(
            column >= 1 && column <= width + 1,
            "column {column} of {width}"
        );
    }
});
