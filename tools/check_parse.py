#!/usr/bin/env python3
"""Parse RDF exports with rdflib and check that every IRI in them is valid.

Usage:
    python3 tools/check_parse.py FILE... [--hostile]

The syntax is taken from the file name: .ttl Turtle, .trig TriG, .nt N-Triples, .nq N-Quads.
For each file (one "OK" line each; the first failure prints one "FAIL" line on stderr and
exits with status 1):

  - rdflib parses it and finds at least one triple;
  - every IRI (subject, predicate, object, graph name) is an absolute IRI without characters
    that RFC 3987 forbids (spaces, control characters, <>"{}|\\^`), with well-formed
    percent-escapes and at most one '#';
  - every IRI minted by delegraph (https://w3id.org/delegraph/) is plain ASCII;
  - with --hostile: the literals hold every hostile character this check is about (<, >, ",
    ', #, %, a newline and a non-ASCII letter), so the file really tests names with them.

rapper (raptor2) parses the same files in .ci/run; this is the second, independent parser.
Dependencies: rdflib (tools/requirements-ci.txt).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads"}
MINTED_PREFIX = "https://w3id.org/delegraph/"
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FORBIDDEN = re.compile(r'[\x00-\x20\x7f<>"{}|\\^`]')
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
HOSTILE_CHARS = ("<", ">", '"', "'", "#", "%", "\n")


class CheckFailed(Exception):
    """A check failed; the message is a single line."""


def iri_problem(iri: str) -> str | None:
    if not SCHEME.match(iri):
        return "not an absolute IRI"
    if FORBIDDEN.search(iri):
        return "character not allowed in an IRI"
    if BAD_PERCENT.search(iri):
        return "'%' not followed by two hex digits"
    if iri.count("#") > 1:
        return "more than one '#'"
    if iri.startswith(MINTED_PREFIX) and not iri.isascii():
        return "minted IRI is not ASCII"
    return None


def check(path: Path, hostile: bool) -> str:
    import rdflib
    from rdflib import Literal, URIRef

    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise CheckFailed(f"unknown syntax for {path.name} (expected {', '.join(FORMATS)})")
    dataset = rdflib.Dataset()
    try:
        dataset.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises several unrelated types
        message = " ".join(str(exc).split())[:300]
        raise CheckFailed(f"rdflib cannot parse it as {fmt}: {type(exc).__name__}: {message}")
    quads = list(dataset.quads((None, None, None, None)))
    if not quads:
        raise CheckFailed("no triples")
    iris: set[str] = set()
    literals: list[str] = []
    for s, p, o, g in quads:
        graph_name = g.identifier if hasattr(g, "identifier") else g
        for node in (s, p, o, graph_name):
            if isinstance(node, URIRef):
                iris.add(str(node))
            elif isinstance(node, Literal):
                literals.append(str(node))
    for iri in sorted(iris):
        problem = iri_problem(iri)
        if problem:
            raise CheckFailed(f"invalid IRI {iri!r}: {problem}")
    if hostile:
        text = "".join(literals)
        missing = [c for c in HOSTILE_CHARS if c not in text]
        if text.isascii():
            missing.append("non-ASCII")
        if missing:
            raise CheckFailed(f"no literal holds {missing!r}: not a hostile-name test")
    return f"{len(quads)} quads, {len(iris)} IRIs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Parse RDF files with rdflib and check their IRIs."
    )
    parser.add_argument("files", type=Path, nargs="+", help=".ttl, .trig, .nt or .nq files")
    parser.add_argument("--hostile", action="store_true",
                        help="also require literals with <, >, quotes, #, %%, newline, non-ASCII")
    args = parser.parse_args(argv)
    for path in args.files:
        try:
            if not path.is_file():
                raise CheckFailed("no such file")
            print(f"{path.name}: OK (rdflib: {check(path, args.hostile)})")
        except CheckFailed as failure:
            print(f"FAIL {path}: {failure}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
