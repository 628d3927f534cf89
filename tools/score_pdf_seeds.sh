#!/usr/bin/env bash
# Scores the PDF renderings of the seeds (tools/fixtures/seeds-pdf, made by
# tools/fixtures/make_seed_pdfs.py) against the seeds' gold, next to the plain text, and fails
# when entity or fact F1 of the PDFs falls more than 0.03 below the text's.
#
#   tools/score_pdf_seeds.sh [BIN] [SHARED]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${CARGO_TARGET_DIR:-target}/release/delegraph}"
SHARED="${2:-${SHARED:-../shared}}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$BIN" extract seeds --out "$WORK/text" 2>/dev/null
"$BIN" extract tools/fixtures/seeds-pdf --out "$WORK/pdf" 2>/dev/null
# The gold names the .txt files; the records of the PDFs name the .pdf files.
python3 - "$WORK/pdf" <<'PY'
import json, pathlib, sys
for p in pathlib.Path(sys.argv[1]).glob("*.json"):
    r = json.loads(p.read_text(encoding="utf-8"))
    r["document"] = r["document"][: -len(".pdf")] + ".txt"
    p.write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
PY
for kind in text pdf; do
  python3 "$SHARED/tools/score.py" "$SHARED/gold/seeds" "$WORK/$kind" --json > "$WORK/$kind.json"
done
python3 - "$WORK/text.json" "$WORK/pdf.json" <<'PY'
import json, sys
text, pdf = (json.load(open(p)) for p in sys.argv[1:3])
failed = False
for key in ("entity", "fact"):
    t, p = text[key]["f1"], pdf[key]["f1"]
    ok = p >= t - 0.03
    failed |= not ok
    print(f"{key:6} F1  text {t:.3f}  pdf {p:.3f}  {'ok' if ok else 'more than 0.03 below the text'}")
sys.exit(1 if failed else 0)
PY
