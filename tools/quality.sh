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
# the dev2 slices
for half in dev2a dev2b; do
  rm -rf "${OUT:?}/$half.gold" "${OUT:?}/$half"
  mkdir -p "$OUT/$half.gold" "$OUT/$half"
done
for g in "$SHARED"/corpus/dev2/gold/*.json; do
  n=$(basename "$g"); num=${n%%_*}
  if [ "$num" -le 320 ]; then half=dev2a; else half=dev2b; fi
  cp "$g" "$OUT/$half.gold/"; cp "$OUT/dev2/$n" "$OUT/$half/"
done
GOLD[dev2a]="$OUT/dev2a.gold"; GOLD[dev2b]="$OUT/dev2b.gold"
# the invented corpus' halves
for half in inva invb; do
  rm -rf "${OUT:?}/$half.gold" "${OUT:?}/$half"
  mkdir -p "$OUT/$half.gold" "$OUT/$half"
done
for g in "$INV"/gold/*.json; do
  n=$(basename "$g"); num=${n%%_*}
  num=$((10#$num))
  if [ "$num" -le 12 ] || { [ "$num" -ge 25 ] && [ "$num" -le 36 ]; }; then half=inva; else half=invb; fi
  cp "$g" "$OUT/$half.gold/"; cp "$OUT/inv/$n" "$OUT/$half/"
done
GOLD[inva]="$OUT/inva.gold"; GOLD[invb]="$OUT/invb.gold"
# the second invented corpus' halves
for half in inv2a inv2b; do
  rm -rf "${OUT:?}/$half.gold" "${OUT:?}/$half"
  mkdir -p "$OUT/$half.gold" "$OUT/$half"
done
for g in "$INV2"/gold/*.json; do
  n=$(basename "$g"); num=${n%%_*}
  num=$((10#$num))
  if [ "$num" -le 54 ] || { [ "$num" -ge 61 ] && [ "$num" -le 66 ]; }; then half=inv2a; else half=inv2b; fi
  cp "$g" "$OUT/$half.gold/"; cp "$OUT/inv2/$n" "$OUT/$half/"
done
GOLD[inv2a]="$OUT/inv2a.gold"; GOLD[inv2b]="$OUT/inv2b.gold"
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
