#!/usr/bin/env python3
"""Tokenization throughput of spaCy's blank German pipeline (tokenizer only) over the .txt
files below the given directories: the baseline issue 13 compares extraction with.

Prints `spacy_tokenize_mb_s X` (MB of UTF-8 text per second), or exits 3 without spaCy."""
import pathlib
import sys
import time

try:
    import spacy
except ImportError:
    print("spaCy is not installed (pip install spacy)", file=sys.stderr)
    sys.exit(3)

texts = []
for d in sys.argv[1:]:
    texts += [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(d).rglob("*.txt"))]
nlp = spacy.blank("de")
nlp(texts[0])  # warm-up: lazy tables
mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
t0 = time.perf_counter()
tokens = sum(len(nlp.tokenizer(t)) for t in texts)
dt = time.perf_counter() - t0
print(f"spacy_version {spacy.__version__}  tokens {tokens}")
print(f"spacy_tokenize_mb_s {mb / dt:.2f}")
