//! `docs/rules.md` is generated from the catalogue; this test fails when the committed file is stale.
//! `ZIELSYSTEM_BLESS=1 cargo test -p zielsystem-core --test rules_doc` rewrites it (never under `CI`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use zielsystem_core::rules::doc::markdown_table;

mod support;

#[test]
fn docs_rules_md_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    let fresh = markdown_table();
    if support::bless() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/rules.md is stale: regenerate it with \
         `ZIELSYSTEM_BLESS=1 cargo test -p zielsystem-core --test rules_doc` \
         (or `zielsystem rules > docs/rules.md`)"
    );
}
