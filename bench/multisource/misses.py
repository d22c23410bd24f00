"""What the multi-outlet eval counts as wrong, claim by claim, to read rather than to score.

    python bench/multisource/misses.py bench/multisource/<story> [--out DIR]

Runs the pipeline as `extractor eval multisource` does (into DIR, or a temporary
folder) and prints, one line each: gold claims not found (with what the run has of
that value), found claims with a wrong subject, direction or date, gold clusters split
over several nodes, false merges, conflicts not flagged, conflicts the gold does not
have, quotes with a wrong speaker and entities not found.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from extractor.evaluate.multisource import (
    GOLD_FILE, _node_of, _same_name, _stage, alias_groups, fold, gold_conflict_clusters, match_claims, read_run,
    subject_agrees, values_agree,
)
from extractor.runner import RunOptions, run
from extractor.settings import Settings


def _show(claim: dict) -> str:
    names = "|".join(s["name"] for s in claim["subject"]) or "-"
    return (f"{claim['text']!r} {claim['value']:g} {claim['unit']} subj={names} metric={claim['metric']} "
            f"dir={claim['direction']} date={claim['date']}")


def report(story: Path, out: Path) -> None:
    gold = json.loads((story / GOLD_FILE).read_text(encoding="utf-8"))
    if not (out / "run" / "graph.json").exists():
        _stage(story, gold, out / "pages")
        run([out / "pages"], out / "run", Settings(), RunOptions(use_cache=False))
    records = read_run(out / "run")
    claims = gold["numeric_claims"]
    found = match_claims(claims, records)
    by_stem = defaultdict(list)
    for c in records.claims:
        by_stem[records.stems[c["article_id"]]].append(c)
    print("== claims not found")
    for i, g in enumerate(claims):
        if i not in found:
            same = [_show(c) for c in by_stem[g["article"]] if values_agree(c["value"], g["value"])]
            print(f"{g['article']} {g['text']!r} {g['value']:g} {g['unit']}  run has: {same or 'nothing'}")
    print("== found, wrong subject / direction / date (gold -> run)")
    dated = {s for s, a in gold["articles"].items() if a.get("published")}
    for i, c in sorted(found.items()):
        g = claims[i]
        wrong = []
        if g["subject"] and not subject_agrees([s["name"] for s in c["subject"]], g["subject"]):
            wrong.append(f"subject {g['subject']} -> {[s['name'] for s in c['subject']]}")
        if c["direction"] != g["direction"]:
            wrong.append(f"direction {g['direction']} -> {c['direction']}")
        if g["article"] in dated and c["date"] != g["date"]:
            wrong.append(f"date {g['date']} -> {c['date']}")
        if wrong:
            print(f"{g['article']} {g['text']!r} (metric {g['metric']} -> {c['metric']}): {'; '.join(wrong)}")
    node_of = _node_of(records.nodes, "claim")
    node = {i: node_of[c["id"]]["id"] for i, c in found.items() if c["id"] in node_of}
    node_of_id = {n["id"]: n for n in records.nodes if n.get("kind") == "claim"}
    print("== gold clusters split over nodes (members found: node each)")
    members = defaultdict(list)
    for i, g in enumerate(claims):
        members[g["cluster"]].append(i)
    for cluster, idx in members.items():
        nodes = {node.get(i) for i in idx if i in node}
        if len(idx) > 1 and len(nodes) > 1:
            print(f"{cluster}: " + ", ".join(f"{claims[i]['article'][:2]}:{claims[i]['text']!r}->"
                                             f"{(node.get(i) or '-')[-6:]}" for i in idx))
    print("== false merges (two gold clusters in one node)")
    for i, j in combinations(sorted(node), 2):
        if node[i] == node[j] and claims[i]["cluster"] != claims[j]["cluster"]:
            print(f"{claims[i]['article']} {claims[i]['text']!r} [{claims[i]['cluster']}] + "
                  f"{claims[j]['article']} {claims[j]['text']!r} [{claims[j]['cluster']}]")
    index = defaultdict(list)
    for i, g in enumerate(claims):
        index[(g["article"], g["text"])].append(i)
    for name, title in (("claims_must_stay_apart", "must stay apart, merged"), ("conflicts", "conflicts not flagged")):
        print(f"== {title}")
        for pair in gold[name]:
            a = {node.get(i) for i in index[tuple(pair["a"][:2])]} - {None}
            b = {node.get(i) for i in index[tuple(pair["b"][:2])]} - {None}
            flagged = any(y in node_of_id[x].get("conflicts_with", []) for x in a for y in b if x != y)
            if (name == "conflicts" and not flagged) or (name != "conflicts" and a & b):
                print(f"{pair['a']} / {pair['b']}: {pair['why']}" + ("" if a and b else " (not both found)"))
    print("== conflicts the gold does not have (between two of its facts, or one fact told twice)")
    holding = defaultdict(list)
    for i, x in node.items():
        holding[x].append(i)
    conflicting = {frozenset(pair) for pair in gold_conflict_clusters(gold)}
    edges = {frozenset((x, y)) for x, n in node_of_id.items() for y in n.get("conflicts_with", []) if x != y}
    for x, y in sorted(map(sorted, edges)):
        if holding[x] and holding[y] and not any(
                frozenset((claims[i]["cluster"], claims[j]["cluster"])) in conflicting
                for i in holding[x] for j in holding[y]):
            a, b = claims[holding[x][0]], claims[holding[y][0]]
            print(f"{a['article']} {a['text']!r} [{a['cluster']}] / {b['article']} {b['text']!r} [{b['cluster']}]")
    groups = alias_groups(gold)
    print("== quotes: wrong or no speaker")
    for q in gold["quotes"]:
        hits = [p for p in records.quotes if records.stems[p["article_id"]] == q["article"]
                and fold(q["key"]) in fold(p["text"])]
        names = [p["speaker"]["name"] if p["speaker"] else None for p in hits]
        if not any(_same_name(n, q["speaker"], groups) for n in names):
            print(f"{q['article']} {q['key']!r}: {q['speaker']} -> {names or 'quote not found'}")
    print("== entities not found")
    names_in = defaultdict(set)
    for e in records.entities:
        for m in e["mentions"]:
            for n in [e["name"], *e["aliases"]]:
                f = fold(n).removeprefix("the ")
                names_in[records.stems[m["article_id"]]].add(groups.get(f, f))
    for stem, types in gold["entities"].items():
        lost = [n for names in types.values() for n in names
                if groups.get(fold(n), fold(n)) not in names_in[stem]]
        if lost:
            print(f"{stem}: {lost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path)
    parser.add_argument("--out", type=Path, help="keep the run here (re-used when it is already there)")
    args = parser.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        report(args.story, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report(args.story, Path(tmp))


if __name__ == "__main__":
    main()
