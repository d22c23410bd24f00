"""Compare two run folders file by file, ignoring only what measures time.

Used to show a refactor changes nothing: every output file of ``extractor run`` must be
byte-identical (``articles``, ``entities``, ``quotes``, ``claims`` .jsonl, ``graph.json``,
``errors.jsonl``), and ``manifest.json`` equal once its timings (``seconds``,
``stage_seconds``, ``started``) are removed. ``index.sqlite`` is derived from these files and
holds build times, so it is not compared.

    python bench/compare_runs.py BEFORE_DIR AFTER_DIR   # exit 0 when identical
"""

from __future__ import annotations

import argparse
import filecmp
import json
import sys
from pathlib import Path

BYTE_FILES = ("articles.jsonl", "entities.jsonl", "quotes.jsonl", "claims.jsonl", "graph.json", "errors.jsonl")
TIMING_FIELDS = ("seconds", "stage_seconds", "started")


def manifest_without_timings(folder: Path) -> dict:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name in TIMING_FIELDS:
        manifest.pop(name, None)
    return manifest


def differences(before: Path, after: Path) -> list[str]:
    """One line per file that differs (or exists on one side only)."""
    found = []
    for name in BYTE_FILES:
        a, b = before / name, after / name
        if a.exists() != b.exists():
            found.append(f"{name}: only in {'before' if a.exists() else 'after'}")
        elif a.exists() and not filecmp.cmp(a, b, shallow=False):
            found.append(f"{name}: bytes differ")
    if not (before / "manifest.json").exists() or not (after / "manifest.json").exists():
        found.append("manifest.json: missing")
    elif manifest_without_timings(before) != manifest_without_timings(after):
        found.append("manifest.json: differs beyond timings")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    found = differences(args.before, args.after)
    for line in found:
        print(f"{args.after}: {line}")
    if not found:
        print(f"identical: {args.before} == {args.after} ({', '.join(BYTE_FILES)}, manifest.json minus timings)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
