//! Compiles the bundled example district (`examples/mitte-2022/`) into the binary, so that
//! `zielsystem demo` works from any directory and from an installed binary: writes
//! `$OUT_DIR/bundle.rs` with the target system and every sheet, by path within the example.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            println!("cargo:rerun-if-changed={}", path.display());
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let example = manifest.join("example"); // a link to ../examples/mitte-2022, a copy when packaged
    let system = example.join("target-system.json");
    let mut sheets = Vec::new();
    json_files(&example.join("sheets"), &mut sheets);
    let relative = |path: &Path| {
        path.strip_prefix(&example)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The example's target system: (path within the example, JSON text).\npub(super) const SYSTEM: (&str, &str) = ({:?}, include_str!({:?}));",
        relative(&system),
        system.display().to_string()
    );
    let mut list = |doc: &str, name: &str, files: &[PathBuf]| {
        let _ = writeln!(
            code,
            "/// {doc}: (path within the example, JSON text).\npub(super) const {name}: &[(&str, &str)] = &["
        );
        for file in files {
            let _ = writeln!(
                code,
                "    ({:?}, include_str!({:?})),",
                relative(file),
                file.display().to_string()
            );
        }
        code.push_str("];\n");
    };
    list(
        "Every sheet of the example, all tertials",
        "SHEETS",
        &sheets,
    );
    // The steering service's review of a tertial: the review log and the returned first versions.
    let mut review = Vec::new();
    json_files(&example.join("review"), &mut review);
    list(
        "The example's review logs and returned versions",
        "REVIEW",
        &review,
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("bundle.rs");
    if let Err(error) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {error}", out.display());
    }
}
