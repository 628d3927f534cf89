#!/usr/bin/env python3
"""Fail when a name from a gold set is written into code, rule cases or hand-kept lexicons.

    check_corpus_names.py SHARED_DIR [REPO_DIR]

The extractor must generalize: rules are written for classes of phrasing, and every lexicon
comes from open data through a script. A person's full name or an organization's name from the
gold records (seeds, dev, dev2) that appears in the project's Rust sources, its rule cases or
the hand-kept parts of its lexicons is a sign of a rule fitted to one article. Places are
checked in sources and rule cases only: the generated place gazetteer holds GeoNames/CLDR names
(which include the corpus' towns) legitimately, but a rule that names a town does not.
Standard library only.
"""
import json
import os
import re
import sys

HAND_KEPT = {
    # file -> marker line after which the file is generated (None: all of it is hand-kept)
    "crates/delegraph-gazetteer/data/organizations.tsv": "GENERATED",
    "crates/delegraph-gazetteer/data/place_overrides.tsv": None,
}
SOURCE_DIRS = ["crates"]
SOURCE_EXT = (".rs",)
EXCLUDED = ("crates/delegraph-cli", "/snapshots")
RULE_CASE_DIRS = ["crates/delegraph-extract/test_data"]
# invented evaluation articles: their people and organizations must be invented too
CORPUS_DIRS = ["crates/delegraph-eval/corpus"]


def gold_files(shared):
    for sub in ("gold/seeds", "corpus/dev/gold", "corpus/dev2/gold"):
        d = os.path.join(shared, sub)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".json"):
                yield os.path.join(d, f)


def names(shared):
    """(kind, name) pairs worth guarding: multi-word person names, organization names of
    two or more words or an unusual single word, places of any length (sources only)."""
    out = set()
    for path in gold_files(shared):
        rec = json.load(open(path, encoding="utf-8"))
        for p in rec.get("persons", []):
            for n in [p.get("name")] + list(p.get("aliases") or []):
                if n and len(n.split()) >= 2:
                    out.add(("person", n))
        for o in rec.get("organizations", []):
            for n in [o.get("name")] + list(o.get("aliases") or []):
                if n and len(n.split()) >= 2 and len(n) >= 8:
                    out.add(("organization", n))
        for pl in rec.get("places", []):
            for n in [pl.get("name")] + list(pl.get("aliases") or []):
                if n and len(n) >= 4:
                    out.add(("place", n))
    return out


def read_text(path, marker, what):
    text = open(path, encoding="utf-8", errors="replace").read()
    if what == "source":
        # unit tests are checked too, but places only in the code above them (see main)
        pass
    if marker:
        i = text.find(marker)
        if i >= 0:
            text = text[:i]
    # comments in lexicons explain, they do not match (in Rust, '#' starts attributes such as
    # #[cfg(test)], which must stay: places are checked only above it)
    if what != "lexicon":
        return text
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def files(repo):
    for d in SOURCE_DIRS:
        for root, _, fs in os.walk(os.path.join(repo, d)):
            # The CLI's tests and help run over the demo seeds by design; snapshots are outputs.
            if any(x in root.replace(os.sep, "/") for x in EXCLUDED):
                continue
            for f in fs:
                if f.endswith(SOURCE_EXT):
                    yield os.path.join(root, f), None, "source"
    for d in RULE_CASE_DIRS:
        for root, _, fs in os.walk(os.path.join(repo, d)):
            for f in fs:
                yield os.path.join(root, f), None, "rule case"
    for d in CORPUS_DIRS:
        for root, _, fs in os.walk(os.path.join(repo, d)):
            for f in fs:
                yield os.path.join(root, f), None, "invented corpus"
    for rel, marker in HAND_KEPT.items():
        p = os.path.join(repo, rel)
        if os.path.exists(p):
            yield p, marker, "lexicon"


ALLOW = "tools/corpus_names_allow.txt"


def allowed(repo):
    """General-knowledge names (national parties, federal and EU institutions, institutions of
    world rank, ordinary words) listed with a reason in tools/corpus_names_allow.txt."""
    path = os.path.join(repo, ALLOW)
    if not os.path.exists(path):
        return set()
    out = set()
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, _, why = line.rstrip("\n").partition("\t")
            if not why.strip():
                sys.exit(f"{ALLOW}: {name!r} needs a reason")
            out.add(name)
    return out


def main():
    shared = sys.argv[1]
    repo = sys.argv[2] if len(sys.argv) > 2 else "."
    allow = allowed(repo)
    guarded = {(k, n) for k, n in names(shared) if n not in allow}
    patterns = []
    for kind, n in sorted(guarded):
        rx = re.compile(r"(?<![\w])" + re.escape(n) + r"(?![\w])")
        patterns.append((kind, n, rx))
    hits = []
    for path, marker, what in files(repo):
        text = read_text(path, marker, what)
        # Places: a rule or lexicon entry that names a corpus town is fitted to it; rule cases,
        # unit tests and the generated gazetteer may name well-known places.
        code = text.split("#[cfg(test)]")[0] if what == "source" else ""
        is_rule_code = what == "source" and "/src/" in path and "delegraph-gazetteer" not in path
        for kind, n, rx in patterns:
            if kind == "place":
                if not (is_rule_code and rx.search(code)):
                    continue
            elif rx.search(text):
                pass
            else:
                continue
            if True:
                hits.append(f"{os.path.relpath(path, repo)}: {kind} {n!r} ({what})")
    for h in hits:
        print(h)
    print(f"check_corpus_names: {len(guarded)} gold names, {len(hits)} found in code, rule cases or hand-kept lexicons")
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()
