#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for a bounded time: first over its regression inputs
# (fuzz/regressions/<target>/, one file per crash ever found, named after it), then
# coverage-guided from the seed texts for SECONDS each (default 30).
#
#   tools/fuzz.sh [SECONDS]
#
# Needs cargo-fuzz (installed here if missing). cargo-fuzz passes nightly-only flags
# (-Zsanitizer=address, coverage instrumentation); RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them, so no second toolchain is needed. A crash stops the script with libFuzzer's
# report; its input is in fuzz/artifacts/<target>/: copy it to fuzz/regressions/<target>/ under a
# name that says what broke, and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH="${1:-30}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
cargo fuzz build
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target" "regressions/$target"
  if [ -n "$(ls -A "regressions/$target")" ]; then
    echo "== fuzz $target: regression inputs"
    cargo fuzz run "$target" "regressions/$target" -- -runs=0
  fi
  echo "== fuzz $target: ${SECONDS_EACH}s"
  cargo fuzz run "$target" "corpus/$target" ../seeds -- \
    -max_total_time="$SECONDS_EACH" -max_len=16384 -rss_limit_mb=4096 -timeout=20 -print_final_stats=1
done
