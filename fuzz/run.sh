#!/usr/bin/env bash
# Runs one fuzz target on the stable toolchain: fuzz/run.sh TARGET [SECONDS] (default 600).
# New inputs go to fuzz/corpus/TARGET (not committed); fuzz/seeds/TARGET is the committed seed
# corpus; crashes land in fuzz/artifacts/TARGET. Needs `cargo install cargo-fuzz --locked`.
# No sanitizer: the crate has no unsafe code, and without one the runs are several times faster.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
mkdir -p "corpus/$target"
extra=()
if [ -f "$target.dict" ]; then extra+=("-dict=$target.dict"); fi
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "${extra[@]}"
