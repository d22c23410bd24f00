"""Check the multi-outlet gold against its page texts.

    python bench/multisource/validate.py [STORY_DIR ...]     (default: every story here)

For each story folder (gold.json, sources.json, articles/NN_slug.txt): every page text
has the sha256 and size sources.json records; every claim text, quote key, entity
(canonical or variant) and furniture string occurs verbatim in its article, a text
as often as the gold uses it; every claim is in exactly one cluster and every
cluster member is a claim; pairs name claims and quotes that exist, in different
clusters; values, units, hedges, directions and dates have the README's forms.
Prints one line per problem and exits 1 if there is any. Without the page texts
only the structure is checked, and it says how to retrieve them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEDGES = {"=", "~", "<", ">", "<=", ">="}
DIRECTIONS = {"up", "down", None}
UNITS = re.compile(r"^([A-Z]{3}|percent|percentage point|point|person|metre|kilogram)$")
DAY = r"\d{4}-\d{2}-\d{2}"
DATE = re.compile(rf"^{DAY}(/{DAY})?$")
KEYS = ("articles", "entities", "entity_aliases", "quotes", "quote_clusters", "quotes_must_stay_apart",
        "numeric_claims", "claim_clusters", "claims_must_stay_apart", "conflicts")


def _texts(story: Path, sources: dict, problems: list[str]) -> dict[str, str] | None:
    folder = story / "articles"
    missing = [stem for stem in sources if not (folder / f"{stem}.txt").is_file()]
    if missing:
        print(f"{story.name}: {len(missing)} of {len(sources)} page texts missing under {folder} "
              f"(e.g. {missing[0]}.txt); they are not committed: for each entry of sources.json, run its "
              "`search_query` on the stored public web pages (search tool, corpus `pages`), take the result "
              "whose address is its `url`, and write the text exactly as returned to articles/<stem>.txt. "
              "Checking the structure only.")
        return None
    texts = {}
    for stem, source in sources.items():
        data = (folder / f"{stem}.txt").read_bytes()
        if hashlib.sha256(data).hexdigest() != source["sha256"] or len(data) != source["bytes"]:
            problems.append(f"{stem}.txt: sha256 or size differs from sources.json (not the page as retrieved)")
        texts[stem] = data.decode("utf-8")
    return texts


def _check_claims(gold: dict, problems: list[str]) -> dict[tuple[str, str], set[str]]:
    """Clusters of each (article, text); every claim in exactly one cluster."""
    clusters_of: dict[tuple[str, str], set[str]] = {}
    claimed = Counter()
    for claim in gold["numeric_claims"]:
        where = f"claim {claim['article']} {claim['text']!r}"
        if claim["article"] not in gold["articles"]:
            problems.append(f"{where}: unknown article")
        if not isinstance(claim["value"], (int, float)) or not UNITS.match(str(claim["unit"])):
            problems.append(f"{where}: value {claim['value']!r} / unit {claim['unit']!r} not of the README's forms")
        if claim["hedge"] not in HEDGES or claim["direction"] not in DIRECTIONS:
            problems.append(f"{where}: hedge {claim['hedge']!r} or direction {claim['direction']!r} unknown")
        if claim["date"] is not None and not DATE.match(claim["date"]):
            problems.append(f"{where}: date {claim['date']!r} is not an ISO date or interval")
        clusters_of.setdefault((claim["article"], claim["text"]), set()).add(claim["cluster"])
        claimed[(claim["cluster"], claim["article"], claim["text"])] += 1
    members = Counter()
    ids = Counter(c["id"] for c in gold["claim_clusters"])
    for cluster_id, n in ids.items():
        if n > 1:
            problems.append(f"cluster {cluster_id}: defined {n} times")
    for cluster in gold["claim_clusters"]:
        for member in cluster["members"]:
            members[(cluster["id"], member[0], member[1])] += 1
    for key in claimed.keys() | members.keys():
        if claimed[key] != members[key]:
            problems.append(f"cluster {key[0]}: member {key[1]} {key[2]!r} listed {members[key]} times, "
                            f"claimed {claimed[key]} times")
    return clusters_of


def _check_pairs(gold: dict, clusters_of: dict, problems: list[str]) -> None:
    for name in ("claims_must_stay_apart", "conflicts"):
        for pair in gold[name]:
            sides = [clusters_of.get(tuple(pair[side][:2])) for side in ("a", "b")]
            if not all(sides):
                problems.append(f"{name}: {pair['a']} / {pair['b']}: names a claim that is not in the gold")
            elif any(len(s) > 1 for s in sides) or sides[0] == sides[1]:
                problems.append(f"{name}: {pair['a']} / {pair['b']}: ambiguous, or both in one cluster")
    quotes = {(q["article"], q["key"]): q["speaker"] for q in gold["quotes"]}
    for pair in gold["quotes_must_stay_apart"]:
        if tuple(pair["a"]) not in quotes or tuple(pair["b"]) not in quotes:
            problems.append(f"quotes_must_stay_apart: {pair['a']} / {pair['b']}: not a gold quote")
    for cluster in gold["quote_clusters"]:
        members = [(stem, cluster["key"]) for stem in cluster["members"]]
        members += [tuple(m) for m in cluster.get("variant_members", [])]
        for member in members:
            if quotes.get(member) != cluster["speaker"]:
                problems.append(f"quote cluster {cluster['key']!r}: {list(member)} is not a gold quote of "
                                f"{cluster['speaker']}")


def _check_texts(gold: dict, texts: dict[str, str], problems: list[str]) -> None:
    uses = Counter((c["article"], c["text"]) for c in gold["numeric_claims"])
    for (stem, text), n in uses.items():
        if texts[stem].count(text) < n:
            problems.append(f"claim {stem} {text!r}: occurs {texts[stem].count(text)} times, used {n} times")
    for quote in gold["quotes"]:
        if quote["key"] not in texts[quote["article"]]:
            problems.append(f"quote {quote['article']} {quote['key']!r}: not in the article")
        if not 1 <= len(quote["key"].split()) <= 10:
            problems.append(f"quote {quote['article']} {quote['key']!r}: key is not 1-10 words")
    variants = {a["canonical"]: a["variants"] for a in gold["entity_aliases"]}
    for stem, types in gold["entities"].items():
        for etype, names in types.items():
            for name in names:
                if not any(form in texts[stem] for form in [name, *variants.get(name, [])]):
                    problems.append(f"entity {stem} {etype} {name!r}: neither it nor a variant is in the article")
    for stem, article in gold["articles"].items():
        for furniture in article["must_drop_from_text"]:
            if furniture not in texts[stem]:
                problems.append(f"{stem}: must_drop_from_text {furniture!r} is not in the article")


def validate(story: Path) -> list[str]:
    """Every problem found in one story folder (empty when the gold is sound)."""
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    sources = json.loads((story / "sources.json").read_text(encoding="utf-8"))
    problems = [f"gold.json: no {key!r}" for key in KEYS if key not in gold]
    if problems:
        return problems
    if set(gold["articles"]) != set(sources):
        problems.append(f"articles and sources.json name different pages: {set(gold['articles']) ^ set(sources)}")
    clusters_of = _check_claims(gold, problems)
    _check_pairs(gold, clusters_of, problems)
    texts = _texts(story, sources, problems)
    if texts is not None:
        _check_texts(gold, texts, problems)
    return problems


def main(argv: list[str]) -> int:
    stories = [Path(a) for a in argv] or sorted(p.parent for p in HERE.glob("*/gold.json"))
    failed = False
    for story in stories:
        problems = validate(story)
        for problem in problems:
            print(f"{story.name}: {problem}")
        gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
        print(f"{story.name}: {'FAILED' if problems else 'ok'} ({len(gold['articles'])} pages, "
              f"{len(gold['numeric_claims'])} claims in {len(gold['claim_clusters'])} clusters, "
              f"{len(gold['quotes'])} quotes, {len(gold['conflicts'])} conflicts)")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
