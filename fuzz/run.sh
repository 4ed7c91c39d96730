#!/usr/bin/env bash
# Runs every fuzz target (or those named) one after another, each for SECONDS (default 600), on the
# stable toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz use its nightly-only flags). New inputs go to
# fuzz/work/<target>/ (not committed); the committed seeds in fuzz/corpus/<target>/ are only read.
# Logs: fuzz/logs/<target>.log. Crashes: fuzz/artifacts/<target>/. See docs/security.md.
set -u
cd "$(dirname "$0")"
seconds="${SECONDS_PER_TARGET:-600}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(system_json sheet_json sheet_view report tertial_date locate form_import oparl_config review_log)
fi
mkdir -p logs
for target in "${targets[@]}"; do
    mkdir -p "work/$target"
    echo "== $target: $(date -u +%FT%TZ), ${seconds}s" >>"logs/$target.log"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "work/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >>"logs/$target.log" 2>&1
    echo "== $target: exit $? at $(date -u +%FT%TZ)" >>"logs/$target.log"
done
