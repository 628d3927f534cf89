#!/usr/bin/env python3
"""Check a delegraph Turtle export (ontology + data in one file).

Usage:
    python3 tools/validate_export.py EXPORT.ttl [--shapes SHAPES.ttl]
                                    [--ontology ONTOLOGY.ttl] [--skip CHECK]... [-v]

Checks, in order (each prints one "OK" line; the first failure prints one
"FAIL" line on stderr and exits with status 1):

  parse         the file parses as Turtle (rdflib)
  declarations  exactly one owl:Ontology header; every class and property used
                is declared with one OWL kind; object properties point to
                nodes, datatype properties to literals; minted delegraph IRIs
                are plain ASCII (what Protégé needs to show the file cleanly)
  shacl         the data conforms to ontology/shapes.ttl (pySHACL, no
                inference; ontology/delegraph.ttl is mixed in as ont_graph
                so that rdfs:subClassOf is known); warnings are counted but
                do not fail
  reasoner      owlready2 loads the file and its bundled HermiT finds it
                consistent with no unsatisfiable class (needs java)

Dependencies: see tools/requirements-ci.txt.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHAPES = HERE.parent / "ontology" / "shapes.ttl"
DEFAULT_ONTOLOGY = HERE.parent / "ontology" / "delegraph.ttl"
CHECKS = ("parse", "declarations", "shacl", "reasoner")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
BUILTIN_NAMESPACES = (RDF, RDFS, OWL, XSD)
MINTED_PREFIX = "https://w3id.org/delegraph/"
# characters that must not appear in an IRI (RFC 3987) or that strict parsers reject
BAD_IRI_CHARS = re.compile(r'[\s<>"{}|\\^`]')


class CheckFailed(Exception):
    """A check failed; the message is a single line."""


def one_line(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short(node) -> str:
    return f"<{node}>"


# --------------------------------------------------------------------- parse


def check_parse(path: Path):
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types
        raise CheckFailed(f"not valid Turtle: {type(exc).__name__}: {one_line(exc)}")
    if len(graph) == 0:
        raise CheckFailed("the file contains no triples")
    subjects = len(set(graph.subjects()))
    print(f"parse: OK ({len(graph)} triples, {subjects} subjects)")
    return graph


# -------------------------------------------------------------- declarations


def check_declarations(graph) -> None:
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import OWL as O, RDF as R

    problems: list[str] = []

    headers = set(graph.subjects(R.type, O.Ontology))
    if len(headers) != 1:
        problems.append(f"{len(headers)} owl:Ontology headers (expected exactly 1)")

    kinds_of = {}
    for kind in (O.ObjectProperty, O.DatatypeProperty, O.AnnotationProperty):
        for prop in graph.subjects(R.type, kind):
            kinds_of.setdefault(prop, set()).add(kind)
    classes = set(graph.subjects(R.type, O.Class))

    for prop, kinds in sorted(kinds_of.items()):
        if len(kinds) > 1:
            names = ", ".join(sorted(k.split("#")[-1] for k in kinds))
            problems.append(f"{short(prop)} declared as {names} (illegal punning)")

    def builtin(iri) -> bool:
        return isinstance(iri, URIRef) and str(iri).startswith(BUILTIN_NAMESPACES)

    undeclared_props: dict = {}
    undeclared_classes: dict = {}
    wrong_objects: dict = {}
    bad_iris: set = set()

    for s, p, o in graph:
        for node in (s, p, o):
            if isinstance(node, URIRef) and str(node).startswith(MINTED_PREFIX):
                text = str(node)
                if not text.isascii() or BAD_IRI_CHARS.search(text):
                    bad_iris.add(text)
        if p == R.type:
            if isinstance(o, URIRef) and not builtin(o) and o not in classes:
                undeclared_classes[o] = undeclared_classes.get(o, 0) + 1
            continue
        if builtin(p):
            continue
        kinds = kinds_of.get(p)
        if not kinds:
            undeclared_props[p] = undeclared_props.get(p, 0) + 1
            continue
        if O.ObjectProperty in kinds and not isinstance(o, (URIRef, BNode)):
            wrong_objects.setdefault(p, "object property with a literal value")
        elif O.DatatypeProperty in kinds and not isinstance(o, Literal):
            wrong_objects.setdefault(p, "datatype property with a non-literal value")

    for prop, count in sorted(undeclared_props.items()):
        problems.append(f"undeclared property {short(prop)} (used {count}x)")
    for cls, count in sorted(undeclared_classes.items()):
        problems.append(f"undeclared class {short(cls)} (used {count}x)")
    for prop, what in sorted(wrong_objects.items()):
        problems.append(f"{short(prop)}: {what}")
    for iri in sorted(bad_iris):
        problems.append(f"IRI is not plain ASCII without spaces/brackets: {iri!r}")

    if problems:
        shown = "; ".join(problems[:3])
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise CheckFailed(f"{len(problems)} problem(s): {shown}{more}")

    print(f"declarations: OK (1 ontology header, {len(classes)} classes, {len(kinds_of)} properties;"
          " every used term declared once)")


# --------------------------------------------------------------------- shacl


def describe_result(results, result) -> str:
    from rdflib.namespace import SH as S

    focus = results.value(result, S.focusNode)
    path = results.value(result, S.resultPath)
    value = results.value(result, S.value)
    message = results.value(result, S.resultMessage)
    component = results.value(result, S.sourceConstraintComponent)
    parts = [f"focus {short(focus)}"]
    if path is not None:
        from rdflib import URIRef

        parts.append(f"path {short(path)}" if isinstance(path, URIRef) else "complex path")
    if value is not None:
        parts.append(f"value {value.n3() if hasattr(value, 'n3') else value}")
    if component is not None:
        parts.append(str(component).rsplit("#", 1)[-1])
    if message is not None:
        parts.append(str(message))
    return ", ".join(parts)


def check_shacl(graph, shapes_path: Path, ontology_path: Path | None, verbose: bool) -> None:
    import rdflib
    from rdflib.namespace import RDF as R, SH as S

    try:
        import pyshacl
    except ImportError:
        raise CheckFailed("pyshacl is not installed (pip install -r tools/requirements-ci.txt)")

    shapes = rdflib.Graph()
    try:
        shapes.parse(str(shapes_path), format="turtle")
    except Exception as exc:
        raise CheckFailed(f"cannot read shapes {shapes_path}: {one_line(exc)}")
    ont_graph = None
    if ontology_path is not None:
        ont_graph = rdflib.Graph()
        try:
            ont_graph.parse(str(ontology_path), format="turtle")
        except Exception as exc:
            raise CheckFailed(f"cannot read ontology {ontology_path}: {one_line(exc)}")

    try:
        _conforms, results, _text = pyshacl.validate(
            graph,
            shacl_graph=shapes,
            ont_graph=ont_graph,
            inference="none",
            allow_warnings=True,
            abort_on_first=False,
            advanced=False,
        )
    except Exception as exc:
        raise CheckFailed(f"pySHACL error: {type(exc).__name__}: {one_line(exc)}")

    by_severity: dict = {}
    for result in results.subjects(R.type, S.ValidationResult):
        severity = results.value(result, S.resultSeverity)
        by_severity.setdefault(severity, []).append(result)

    violations = sorted(by_severity.get(S.Violation, []), key=lambda r: describe_result(results, r))
    warnings_ = sorted(by_severity.get(S.Warning, []), key=lambda r: describe_result(results, r))
    infos = by_severity.get(S.Info, [])

    if verbose:
        for label, items in (("violation", violations), ("warning", warnings_)):
            for r in items:
                print(f"  shacl {label}: {describe_result(results, r)}", file=sys.stderr)

    if violations:
        first = describe_result(results, violations[0])
        raise CheckFailed(
            f"{len(violations)} violation(s), {len(warnings_)} warning(s); first: {one_line(first)}"
            + ("" if verbose else " (run with -v for all)")
        )
    print(f"shacl: OK (0 violations, {len(warnings_)} warnings, {len(infos)} infos; shapes {shapes_path.name})")


# ------------------------------------------------------------------ reasoner


def hermit_message(text: str) -> str:
    """Condense HermiT's Java error output to its exception message."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("at ") or line.startswith("Caused by") and kept:
            break
        if line:
            kept.append(line)
    message = " ".join(kept) or "no output"
    message = re.sub(r'^Exception in thread "\w+" ', "", message)
    message = re.sub(r"^(?:[A-Za-z_]\w*\.)+(?=\w*(?:Exception|Error)\b)", "", message)
    return message


def check_reasoner(graph) -> None:
    try:
        import owlready2
    except ImportError:
        raise CheckFailed("owlready2 is not installed (pip install -r tools/requirements-ci.txt)")

    with tempfile.TemporaryDirectory(prefix="delegraph-validate-") as tmp:
        nt_path = os.path.join(tmp, "export.nt")
        graph.serialize(destination=nt_path, format="nt", encoding="utf-8")

        captured = io.StringIO()
        world = owlready2.World()
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
                warnings.simplefilter("ignore")
                with open(nt_path, "rb") as handle:
                    world.get_ontology("file://" + nt_path).load(fileobj=handle, format="ntriples")
        except Exception as exc:
            raise CheckFailed(f"owlready2 cannot load the file: {type(exc).__name__}: {one_line(exc)}")

        # HermiT's command line derives a base IRI from the working directory and fails
        # when that is "/", so it runs from the temporary directory.
        previous_cwd = os.getcwd()
        try:
            os.chdir(tmp)
            with warnings.catch_warnings(), contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
                warnings.simplefilter("ignore")
                owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise CheckFailed("HermiT: the ontology with its data is inconsistent")
        except owlready2.OwlReadyJavaError as exc:
            message = hermit_message(str(exc).replace("Java error message is:", ""))
            hint = ""
            if "datatype" in message.lower():
                hint = (" (HermiT accepts only OWL 2 datatypes: export dates as xsd:dateTime,"
                        " not xsd:date/xsd:gYear/xsd:gYearMonth)")
            raise CheckFailed(f"HermiT error: {one_line(message, 500)}{hint}")
        except FileNotFoundError as exc:
            raise CheckFailed(f"cannot run java for HermiT: {one_line(exc)}")
        except Exception as exc:
            raise CheckFailed(f"reasoning failed: {type(exc).__name__}: {one_line(exc)}")
        finally:
            os.chdir(previous_cwd)

        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if hasattr(c, "iri"))
        if unsatisfiable:
            shown = ", ".join(f"<{iri}>" for iri in unsatisfiable[:3])
            raise CheckFailed(f"HermiT: {len(unsatisfiable)} unsatisfiable class(es): {shown}")

    from rdflib.namespace import OWL as O, RDF as R

    classes = set(graph.subjects(R.type, O.Class))
    individuals = {s for s, c in graph.subject_objects(R.type) if c in classes}
    print(f"reasoner: OK (HermiT: consistent, no unsatisfiable class; {len(classes)} classes,"
          f" {len(individuals)} typed individuals)")


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Validate a delegraph Turtle export: parse, declarations, SHACL, HermiT."
    )
    parser.add_argument("export", type=Path, help="Turtle file with ontology and data")
    parser.add_argument("--shapes", type=Path, default=DEFAULT_SHAPES,
                        help=f"SHACL shapes (default: {DEFAULT_SHAPES.relative_to(HERE.parent)})")
    parser.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY,
                        help="ontology mixed into the SHACL data graph for rdfs:subClassOf "
                             f"(default: {DEFAULT_ONTOLOGY.relative_to(HERE.parent)}; 'none' to skip)")
    parser.add_argument("--skip", action="append", default=[], choices=CHECKS[1:],
                        help="skip a check (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every SHACL violation and warning on stderr")
    args = parser.parse_args(argv)

    if not args.export.is_file():
        print(f"FAIL parse: no such file: {args.export}", file=sys.stderr)
        return 1
    ontology = None if str(args.ontology) == "none" else args.ontology
    if ontology is not None and not ontology.is_file():
        print(f"FAIL shacl: no such ontology file: {ontology}", file=sys.stderr)
        return 1
    if "shacl" not in args.skip and not args.shapes.is_file():
        print(f"FAIL shacl: no such shapes file: {args.shapes}", file=sys.stderr)
        return 1

    current = "parse"
    try:
        graph = check_parse(args.export)
        current = "declarations"
        if current not in args.skip:
            check_declarations(graph)
        current = "shacl"
        if current not in args.skip:
            check_shacl(graph, args.shapes, ontology, args.verbose)
        current = "reasoner"
        if current not in args.skip:
            check_reasoner(graph)
    except CheckFailed as failure:
        print(f"FAIL {current}: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
