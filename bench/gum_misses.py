"""The GUM dev set's entity misses and false names, by kind, from the product's path.

Recall misses are listed per gold type as "not found" (no entity of the document
carries the form) or "wrong label" (carried, but under a label the entity does not
accept, with the label given); false names per predicted label, with the entity's
other names beside them. Counts come first, so two runs compare at a glance.

    python bench/gum_misses.py [FOLDER] [--type ORG] [--label LOC] [--limit N]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from extractor.evaluate.gum import SCORED_LABELS, load_gold, person_group_names, product_entities

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=REPO.parent / "shared" / "dev" / "gum")
    parser.add_argument("--type", help="only misses of this gold type (PERSON, ORG, PLACE)")
    parser.add_argument("--label", help="only false names of this predicted label")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args()

    gold = load_gold(args.folder)
    docs = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    groups = person_group_names(args.folder)
    predicted, _, _ = product_entities(args.folder, docs)
    in_doc = defaultdict(list)
    for p in predicted:
        for doc in p.names:
            in_doc[doc].append(p)

    misses: dict[str, list[str]] = defaultdict(list)
    kinds: Counter = Counter()
    for doc in docs:
        for entity in gold[doc]:
            if args.type and entity.type != args.type:
                continue
            for form in sorted(entity.forms):
                names = {form} | entity.variants.get(form, set())
                holders = [p for p in in_doc[doc] if p.names[doc] & names]
                if any(p.label in entity.accept for p in holders):
                    continue
                if holders:
                    kind = "wrong label " + "/".join(sorted({p.label for p in holders}))
                else:
                    kind = "not found"
                kinds[(entity.type, kind)] += 1
                misses[entity.type].append(f"  {doc:28} {kind:22} {form!r}")

    known_in = {d: set().union(*(e.known for e in gold[d]), groups.get(d, set())) for d in docs}
    false: dict[str, list[str]] = defaultdict(list)
    for p in predicted:
        if p.label not in SCORED_LABELS or (args.label and p.label != args.label):
            continue
        for doc, names in p.names.items():
            for name in sorted(names):
                if name in known_in[doc]:
                    continue
                if name not in p.mention_texts.get(doc, set()) and any(
                        name in known_in.get(other, set()) for other in p.names if other != doc):
                    continue
                others = sorted(names - {name})[:4]
                false[p.label].append(f"  {doc:28} {name!r}  (with {others})")

    print("misses by type and kind:")
    for (etype, kind), count in sorted(kinds.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {etype:7} {kind:24} {count}")
    print("false names by label:", {label: len(rows) for label, rows in sorted(false.items())})
    for etype, rows in sorted(misses.items()):
        print(f"\n== missed {etype} ({len(rows)})")
        print("\n".join(rows))
    for label, rows in sorted(false.items()):
        print(f"\n== false {label} ({len(rows)})")
        print("\n".join(rows))


if __name__ == "__main__":
    main()
