#!/usr/bin/env bash
# Scores the release binary on every gold set and prints one line per set:
#   tools/quality.sh [BIN] [--explain SET]
# Sets: seeds, dev, dev2 (all 30), dev2a (301-320) and dev2b (321-330). dev2b is the
# project's held-out slice: developers tune on dev2a and only look at dev2b's totals, so the
# gap between the two estimates how far the rules carry to text nobody has read.
# inv is the invented corpus in the repo (crates/delegraph-eval/corpus/invented/raw, 001-048):
# inva (001-012 and 025-036) is open, invb (013-024 and 037-048) is held out like dev2b.
# inv2 is the second invented corpus (crates/delegraph-eval/corpus/invented2/raw, 049-072):
# inv2a (049-054 and 061-066) is open, inv2b (055-060 and 067-072) is held out.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
BIN="${1:-${CARGO_TARGET_DIR:-target}/release/delegraph}"
OUT="${QUALITY_OUT:-$(mktemp -d)}"
INV=crates/delegraph-eval/corpus/invented
INV2=crates/delegraph-eval/corpus/invented2
declare -A RAW=( [seeds]=seeds [dev]="$SHARED/corpus/dev/raw" [dev2]="$SHARED/corpus/dev2/raw" [inv]="$INV/raw" [inv2]="$INV2/raw" )
declare -A GOLD=( [seeds]="$SHARED/gold/seeds" [dev]="$SHARED/corpus/dev/gold" [dev2]="$SHARED/corpus/dev2/gold" [inv]="$INV/gold" [inv2]="$INV2/gold" )
for set in seeds dev dev2 inv inv2; do
  rm -rf "${OUT:?}/$set"
  "$BIN" extract "${RAW[$set]}" --out "$OUT/$set" 2>/dev/null
done
# Whether article number $2 of set $1 is in its open half.
is_open() {
  case $1 in
    dev2) [ "$2" -le 320 ] ;;
    inv) [ "$2" -le 12 ] || { [ "$2" -ge 25 ] && [ "$2" -le 36 ]; } ;;
    inv2) [ "$2" -le 54 ] || { [ "$2" -ge 61 ] && [ "$2" -le 66 ]; } ;;
  esac
}
# Splits a set's gold and records into its open half $2 and its held-out half $3.
halves() {
  local set=$1 open=$2 held=$3 g n half
  for half in "$open" "$held"; do
    rm -rf "${OUT:?}/$half.gold" "${OUT:?}/$half"
    mkdir -p "$OUT/$half.gold" "$OUT/$half"
  done
  for g in "${GOLD[$set]}"/*.json; do
    n=$(basename "$g")
    if is_open "$set" "$((10#${n%%_*}))"; then half=$open; else half=$held; fi
    cp "$g" "$OUT/$half.gold/"; cp "$OUT/$set/$n" "$OUT/$half/"
  done
  GOLD[$open]="$OUT/$open.gold"; GOLD[$held]="$OUT/$held.gold"
}
halves dev2 dev2a dev2b
halves inv inva invb
halves inv2 inv2a inv2b
printf '%-6s %-28s %-28s %-28s\n' set "entity P/R/F1" "fact P/R/F1" "linking P/R/F1"
for set in seeds dev dev2 dev2a dev2b inv inva invb inv2 inv2a inv2b; do
  python3 "$SHARED/tools/score.py" "${GOLD[$set]}" "$OUT/$set" --json > "$OUT/$set.json"
  python3 - "$set" "$OUT/$set.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
cell = lambda k: "%.3f/%.3f/%.3f" % (d[k]["precision"], d[k]["recall"], d[k]["f1"]) if k in d else "-"
print("%-6s %-28s %-28s %-28s" % (sys.argv[1], cell("entity"), cell("fact"), cell("linking")))
PY
done
echo "records and scores in $OUT"
