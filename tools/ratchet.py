#!/usr/bin/env python3
"""Fail when extraction quality falls below the ratchet kept in the repo.

    ratchet.py quality-ratchet.json WORKDIR

WORKDIR holds score.py --json outputs named <set>.json (seeds.json, dev.json, dev2.json, inv.json, inv2.json). The ratchet file
maps set -> metric -> minimum F1. Raise the values as quality improves; never lower them to make
a change pass.
"""
import json
import os
import sys


def main():
    ratchet = json.load(open(sys.argv[1], encoding="utf-8"))
    work = sys.argv[2]
    failed = []
    for name, minimums in sorted(ratchet.items()):
        path = os.path.join(work, name + ".json")
        if not os.path.exists(path):
            print(f"ratchet: {name}: no scores (skipped)")
            continue
        got = json.load(open(path, encoding="utf-8"))
        for metric, minimum in sorted(minimums.items()):
            f1 = (got.get(metric) or {}).get("f1", 0.0)
            status = "ok" if f1 + 1e-9 >= minimum else "BELOW"
            print(f"ratchet: {name} {metric} F1 {f1:.3f} (minimum {minimum:.3f}) {status}")
            if status != "ok":
                failed.append(f"{name} {metric}")
    if failed:
        sys.exit("ratchet: quality fell below the ratchet: " + ", ".join(failed))


if __name__ == "__main__":
    main()
