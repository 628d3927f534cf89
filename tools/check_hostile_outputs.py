#!/usr/bin/env python3
"""Check that hostile names stay inside their fields in the SPARQL result formats and in DOT.

Usage:
    python3 tools/check_hostile_outputs.py RESULTS_STEM [DOT_FILE...]

RESULTS_STEM.json, .xml, .csv and .tsv hold the answer of one SELECT over ?s ?p ?o (as
written by `delegraph query --format …`). Each file is read with an independent parser
(Python's json, xml.etree, csv; TSV by the rules of the W3C SPARQL 1.1 TSV format), and all
four must give the same rows: a quote, line break, tab or angle bracket that escaped its field
would split or merge rows in one of them. The values must contain every hostile character
this check is about (", ', <, >, &, \\, a line break, a tab, a non-ASCII letter), so the input
really tests them.

Each DOT file is laid out by GraphViz (`dot -Tjson`, which fails on a syntax error); every
node it draws must be an IRI of the results (or a legend entry, or a part "IRI#stop-1" of one,
labelled after the node it links to), and the first line of its label must be the node's
rdfs:label with whitespace collapsed (or the start of it, cut with "…"): a name that broke out
of its quotes would make other nodes or other labels.

Prints one OK line per file; the first failure prints one FAIL line on stderr, exit status 1.
Standard library only (plus the `dot` program for DOT files).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
HOSTILE = ('"', "'", "<", ">", "&", "\\", "\n", "\t")
SRX = "{http://www.w3.org/2005/sparql-results#}"


class CheckFailed(Exception):
    """A check failed; the message is one line."""


def from_json(text: str) -> tuple[list[str], list[tuple]]:
    data = json.loads(text)
    names = data["head"]["vars"]
    rows = []
    for b in data["results"]["bindings"]:
        rows.append(tuple(b[n]["value"] if n in b else None for n in names))
    return names, rows


def from_xml(text: str) -> tuple[list[str], list[tuple]]:
    root = ET.fromstring(text.encode("utf-8"))
    names = [v.attrib["name"] for v in root.iter(SRX + "variable")]
    rows = []
    for r in root.iter(SRX + "result"):
        got = {}
        for b in r.iter(SRX + "binding"):
            term = next(iter(b))
            got[b.attrib["name"]] = term.text or ""
        rows.append(tuple(got.get(n) for n in names))
    return names, rows


def from_csv(text: str) -> tuple[list[str], list[tuple]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    names = next(reader)
    # CSV cannot tell an empty literal from an unbound variable; neither occurs here.
    rows = [tuple(v if v != "" else None for v in row) for row in reader]
    return names, rows


TSV_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def tsv_term(cell: str) -> str | None:
    """The value of one TSV cell: <iri>, "literal" with @lang or ^^<type>, _:b, or a bare number
    or boolean."""
    if cell == "":
        return None
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    if cell.startswith("_:"):
        return cell
    if cell.startswith('"'):
        out, i = [], 1
        while i < len(cell):
            c = cell[i]
            if c == "\\":
                nxt = cell[i + 1]
                if nxt == "u":
                    out.append(chr(int(cell[i + 2 : i + 6], 16)))
                    i += 6
                    continue
                if nxt == "U":
                    out.append(chr(int(cell[i + 2 : i + 10], 16)))
                    i += 10
                    continue
                out.append(TSV_ESCAPES[nxt])
                i += 2
                continue
            if c == '"':
                rest = cell[i + 1 :]
                if rest and not (rest.startswith("@") or rest.startswith("^^<")):
                    raise CheckFailed(f"TSV: text after a literal: {rest[:40]!r}")
                return "".join(out)
            out.append(c)
            i += 1
        raise CheckFailed(f"TSV: unterminated literal: {cell[:40]!r}")
    if re.fullmatch(r"[+-]?[0-9.eE+-]+|true|false", cell):
        return cell
    raise CheckFailed(f"TSV: not an RDF term: {cell[:40]!r}")


def from_tsv(text: str) -> tuple[list[str], list[tuple]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    names = [n.lstrip("?") for n in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(names):
            raise CheckFailed(f"TSV: a row of {len(cells)} cells for {len(names)} variables: {line[:60]!r}")
        rows.append(tuple(tsv_term(c) for c in cells))
    return names, rows


PARSERS = {"json": from_json, "xml": from_xml, "csv": from_csv, "tsv": from_tsv}


def check_results(stem: Path) -> list[tuple]:
    parsed = {}
    for ext, parse in PARSERS.items():
        path = stem.with_suffix("." + ext)
        try:
            names, rows = parse(path.read_text(encoding="utf-8"))
        except CheckFailed:
            raise
        except Exception as e:  # noqa: BLE001 - any parser error is a failed check
            raise CheckFailed(f"{path}: does not parse: {type(e).__name__}: {e}") from e
        if not rows:
            raise CheckFailed(f"{path}: no rows")
        parsed[ext] = (names, sorted(rows, key=repr))
        print(f"OK {path}: {len(rows)} rows")
    (names, rows) = parsed["json"]
    for ext, (n, r) in parsed.items():
        if n != names:
            raise CheckFailed(f"{ext}: variables {n} differ from JSON's {names}")
        if r != rows:
            diff = next((a, b) for a, b in zip(r + [None] * len(rows), rows + [None] * len(r)) if a != b)
            raise CheckFailed(f"{ext}: rows differ from JSON's, first: {diff[0]!r} vs {diff[1]!r}")
    values = "".join(v for row in rows for v in row if v)
    missing = [c for c in HOSTILE if c not in values]
    if missing or values.isascii():
        raise CheckFailed(f"the results lack hostile characters {missing or ['non-ASCII']}: weak input")
    return rows


def collapse(s: str) -> str:
    return " ".join(s.split())


def dot_label_line(label: str) -> str:
    """The first drawn line of a DOT label as GraphViz keeps it (escapes still in)."""
    out, i = [], 0
    while i < len(label):
        c = label[i]
        if c == "\\" and i + 1 < len(label):
            nxt = label[i + 1]
            if nxt in "nlr":
                break
            out.append(nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def check_dot(path: Path, labels: dict[str, str]) -> int:
    run = subprocess.run(["dot", "-Tjson", str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        raise CheckFailed(f"{path}: dot fails: {run.stderr.strip().splitlines()[:1]}")
    graph = json.loads(run.stdout)
    nodes = [o for o in graph.get("objects", []) if "nodes" not in o and "_gvid" in o and "subgraphs" not in o]
    checked = 0
    for node in nodes:
        name = node.get("name", "")
        if name.startswith("legend") or name.startswith("cluster"):
            continue
        got = collapse(dot_label_line(node.get("label", "")))
        if name in labels:
            want = collapse(labels[name])
            ok = got == want or (got.endswith("…") and want.startswith(got[:-1].rstrip()))
        elif name.rsplit("#", 1)[0] in labels and node.get("URL") in labels:
            # A node of a node ("<trip>#stop-1"), labelled after the node it links to ("1. Krakau").
            want = collapse(labels[node["URL"]])
            ok = got.endswith(want) or got.endswith("…")
        else:
            raise CheckFailed(f"{path}: node {name[:80]!r} is no IRI of the store")
        if not ok:
            raise CheckFailed(f"{path}: node {name} is labelled {got!r}, the store says {want!r}")
        checked += 1
    print(f"OK {path}: {checked} nodes labelled as in the store")
    return checked


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        rows = check_results(Path(argv[1]))
        labels: dict[str, str] = {}
        for s, p, o in rows:
            # The views draw the least label, as SPARQL's MIN orders strings.
            if p == RDFS_LABEL and (s not in labels or o < labels[s]):
                labels[s] = o
        drawn = sum(check_dot(Path(f), labels) for f in argv[2:])
        if argv[2:] and drawn == 0:
            raise CheckFailed("no DOT file draws a node")
    except CheckFailed as e:
        print(f"FAIL {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
