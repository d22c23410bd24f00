"""Why GUM entities are not grouped, not linked across documents, or wrongly merged.

Runs the product's path (``extractor run`` on the documents, as ``extractor eval gum``)
and prints, as JSON lines then a summary:

- ``ungrouped``: each gold entity with two or more required forms in a document that no
  one predicted entity carries whole, with the predicted entities that carry each form;
  ``why`` is ``recall`` when some form is carried by no entity at all (the names' work),
  ``split`` when every form is found but in different entities (grouping's work);
- ``unlinked``: each Wikipedia id with forms in two or more documents that no one
  predicted entity covers, with the entities carrying it per document; ``why`` is
  ``recall`` when a document has no entity carrying a form, else ``split``;
- ``wrong_merge``: each predicted entity whose names name disjoint sets of gold
  entities, with the names and what they name.

    python bench/gum_groups.py [../shared/dev/gum] [--save run.json | --load run.json] [--only KIND]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path

from extractor.evaluate.gum import (
    SCORED_LABELS, GoldEntity, Predicted, _carries, load_gold, person_group_names, product_entities, score,
)


def _holders(entity: GoldEntity, form: str, in_doc: list[Predicted]) -> list[str]:
    return [f"{p.label}:{p.name}" for p in in_doc if _carries(p.names[entity.doc], entity, form)]


def ungrouped(gold: dict[str, list[GoldEntity]], in_doc: dict[str, list[Predicted]]):
    for doc, entities in sorted(gold.items()):
        for e in entities:
            if len(e.forms) < 2:
                continue
            preds = in_doc.get(doc, [])
            if any(all(_carries(p.names[doc], e, f) for f in e.forms) for p in preds):
                continue
            by_form = {f: _holders(e, f, preds) for f in sorted(e.forms)}
            why = "recall" if any(not h for h in by_form.values()) else "split"
            yield {"kind": "ungrouped", "why": why, "doc": doc, "entity": e.identity, "type": e.type, "forms": by_form}


def unlinked(gold: dict[str, list[GoldEntity]], predicted: list[Predicted], in_doc: dict[str, list[Predicted]]):
    by_wiki: dict[str, list[GoldEntity]] = defaultdict(list)
    for entities in gold.values():
        for e in entities:
            if e.wiki and e.forms:
                by_wiki[e.wiki].append(e)
    for wiki, ents in sorted(by_wiki.items()):
        if len({e.doc for e in ents}) < 2:
            continue
        if any(all(e.doc in p.names and any(_carries(p.names[e.doc], e, f) for f in e.forms) for e in ents)
               for p in predicted):
            continue
        per_doc = {e.doc: sorted({h for f in e.forms for h in _holders(e, f, in_doc.get(e.doc, []))}) for e in ents}
        why = "recall" if any(not h for h in per_doc.values()) else "split"
        yield {"kind": "unlinked", "why": why, "wiki": wiki, "forms": sorted({f for e in ents for f in e.forms}),
               "docs": per_doc}


def wrong_merges(gold: dict[str, list[GoldEntity]], predicted: list[Predicted]):
    for p in predicted:
        if p.label not in SCORED_LABELS:
            continue  # the metric scores PERSON, ORG, GPE, LOC and FAC only
        named = []
        for doc, names in sorted(p.names.items()):
            for name in sorted(names):
                ids = sorted({e.identity for e in gold.get(doc, []) if name in e.known})
                if ids:
                    named.append((doc, name, ids))
        if len(named) >= 2 and not set.intersection(*(set(ids) for *_, ids in named)):
            yield {"kind": "wrong_merge", "entity": f"{p.label}:{p.name}", "names": named}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default="../shared/dev/gum", type=Path)
    parser.add_argument("--save", type=Path, help="write the run's entities here")
    parser.add_argument("--load", type=Path, help="read the entities of an earlier --save instead of running")
    parser.add_argument("--only", choices=("ungrouped", "unlinked", "wrong_merge"))
    args = parser.parse_args()
    gold = load_gold(args.folder)
    if args.load:
        predicted = [Predicted(**{k: (v if k in ("label", "name") else {d: set(n) for d, n in v.items()})
                                  for k, v in row.items()}) for row in json.loads(args.load.read_text())]
    else:
        predicted, missing, _ = product_entities(args.folder, sorted(gold))
        if missing:
            print(json.dumps({"failed": missing}))
    if args.save:
        args.save.write_text(json.dumps([{k: (v if isinstance(v, str) else {d: sorted(n) for d, n in v.items()})
                                          for k, v in asdict(p).items()} for p in predicted]))
    in_doc: dict[str, list[Predicted]] = defaultdict(list)
    for p in predicted:
        for doc in p.names:
            in_doc[doc].append(p)
    rows = [*ungrouped(gold, in_doc), *unlinked(gold, predicted, in_doc), *wrong_merges(gold, predicted)]
    for row in rows:
        if not args.only or row["kind"] == args.only:
            print(json.dumps(row, ensure_ascii=False))
    figures = score(gold, person_group_names(args.folder), predicted)
    print(json.dumps({"why": dict(Counter(f"{r['kind']}:{r.get('why', '')}" for r in rows)),
                      **{k: figures[k] for k in ("recall", "precision", "grouping", "cross_document", "wrong_merges")}}))


if __name__ == "__main__":
    main()
