#!/usr/bin/env bash
# Benchmarks of the store and the pipeline (issue 13), as ratios and sizes measured in one run:
#  1. extraction MB/s as a ratio to a bare tokenization pass (and to spaCy's blank German
#     tokenizer when Python has spaCy; BENCH_SPACY=install installs it from PyPI);
#  2. build time and peak memory at 1,000 and 10,000 generated articles;
#  3. latency of every example query on the 10,000-article store;
#  4. incremental builds: 1 and 100 new articles added to the 10,000-article store.
# Usage: tools/bench.sh [SMALL LARGE]   (default 1000 10000; BENCH_DIR keeps the work files)
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL="${1:-1000}"
LARGE="${2:-10000}"
WORK="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$WORK"

if [ ! -x /usr/bin/time ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
if [ "${BENCH_SPACY:-}" = install ]; then
  python3 -m pip install -q --disable-pip-version-check spacy
fi
cargo build --release --locked -q -p delegraph-cli -p delegraph-bench
TARGET="${CARGO_TARGET_DIR:-target}/release"
BIN="$TARGET/delegraph"
BENCH="$TARGET/delegraph-bench"

echo "## machine"
echo "cores $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "delegraph $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $("$BIN" --version)"

# The small set is the first SMALL articles of the large one.
"$BENCH" generate --docs "$LARGE" --seed 1 --out "$WORK/large"
mkdir -p "$WORK/small"
LARGE_FILES=("$WORK"/large/*.txt)
for f in "${LARGE_FILES[@]:0:$SMALL}"; do ln -f "$f" "$WORK/small/"; done
"$BENCH" generate --docs 1 --seed 1 --first "$LARGE" --out "$WORK/add1"
"$BENCH" generate --docs 100 --seed 1 --first $((LARGE + 1)) --out "$WORK/add100"

echo
echo "## 1. extraction throughput ($SMALL articles)"
"$BENCH" extraction "$WORK/small" | tee "$WORK/extraction.txt"
if python3 tools/bench/spacy_tokenize.py "$WORK/small" > "$WORK/spacy.txt" 2>/dev/null; then
  cat "$WORK/spacy.txt"
  spacy=$(awk '/^spacy_tokenize_mb_s/{print $2}' "$WORK/spacy.txt")
  for key in extract_1_thread_mb_s "extract_[0-9]*_threads_mb_s"; do
    v=$(grep -E "^$key " "$WORK/extraction.txt" | awk '{print $2}')
    name=$(grep -E "^$key " "$WORK/extraction.txt" | awk '{print $1}')
    echo "ratio_${name%_mb_s}_to_spacy $(awk -v a="$v" -v b="$spacy" 'BEGIN{printf "%.3f", a/b}')"
  done
else
  echo "spaCy not available: no spaCy ratio (BENCH_SPACY=install tools/bench.sh to install it)"
fi

measure() { # label, then the command; prints wall seconds, CPU seconds and peak MB
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" 2> "$WORK/stderr.txt" >/dev/null || {
    cat "$WORK/stderr.txt"; return 1; }
  read -r secs kb user sys < "$WORK/time.txt"
  # CPU time (user + system, all threads) varies less with the machine's load than wall time.
  printf '%-34s %8.2f s  %8.2f s CPU  %7.0f MB peak\n' "$label" "$secs" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" "$((kb / 1024))"
}

echo
echo "## 2. build (whole process, $(nproc) threads)"
for set in small large; do
  rm -rf "$WORK/store-$set"
  n=$(find "$WORK/$set" -name '*.txt' | wc -l)
  measure "build $n articles" "$BIN" build "$WORK/$set" --store "$WORK/store-$set"
  mb=$(du -sm "$WORK/$set" | cut -f1)
  quads=$("$BIN" stats --store "$WORK/store-$set" | awk '/^quads/{print $2}')
  echo "    text ${mb} MB, ${quads} quads, store $(du -sm "$WORK/store-$set" | cut -f1) MB on disk"
done

echo
echo "## 3. queries on the $LARGE-article store"
"$BENCH" queries --store "$WORK/store-large" examples/*.rq
for q in 'ASK {}' 'SELECT (COUNT(*) AS ?n) WHERE { ?s a dg:DelegationTrip }'; do
  measure "whole process: query '$q'" "$BIN" query "$q" --store "$WORK/store-large"
done
measure "whole process: stats" "$BIN" stats --store "$WORK/store-large"

echo
echo "## 4. incremental builds on the $LARGE-article store"
rm -rf "$WORK/store-inc"
cp -a "$WORK/store-large" "$WORK/store-inc"
measure "add 1 article" "$BIN" build "$WORK/add1" --store "$WORK/store-inc"
measure "add 100 articles" "$BIN" build "$WORK/add100" --store "$WORK/store-inc"
measure "rebuild, nothing changed" "$BIN" build "$WORK/add100" --store "$WORK/store-inc"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "work files: $WORK"
