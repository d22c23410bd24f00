"""Score a run on a multi-outlet story (``bench/multisource/<story>/``).

The metrics are those of ``../shared/dev/multisource/README.md``: gold claims found
(and their subject, direction, hedge and date), pairs of one fact merged into one
claim node across outlets, pairs that must stay apart, conflicts flagged, quotes and
their speakers, quote clusters merged, entities found. The pipeline runs as
``extractor run`` does, on copies of the page texts with the gold's metadata in a
``<stem>.meta.json`` sidecar. The page texts are not committed (``sources.json`` says
how to retrieve them); without them the scorer says so instead of scoring.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import networkx as nx

from extractor.evaluate.seeds import fold
from extractor.store.output import iter_lines

GOLD_FILE = "gold.json"
SOURCES_FILE = "sources.json"
ARTICLES_DIR = "articles"
VALUE_TOLERANCE = 0.005  # a predicted value within 0.5 % of the gold value is the same number
METADATA = ("source", "url", "published", "title")

# Spellings of one unit: plural and singular, British and American, symbols.
UNIT_SPELLINGS = {
    "people": "person", "persons": "person", "meter": "metre", "meters": "metre", "metres": "metre",
    "m": "metre", "kilograms": "kilogram", "kg": "kilogram", "%": "percent", "per cent": "percent",
    "percentage points": "percentage point",
}
# Units of measure and of time: a predicted quantity in one of these is not a count of people.
MEASURE_UNITS = frozenset({
    "percent", "percentage point", "metre", "foot", "feet", "inch", "yard", "mile", "kilometre", "kilometer",
    "centimetre", "millimetre", "kilogram", "gram", "ton", "tonne", "pound", "ounce", "litre", "liter",
    "gallon", "barrel", "year", "month", "week", "day", "hour", "minute", "second", "age",
})
COUNT_UNIT = "person"  # the gold's unit for a count of people, whatever noun the text counts them with


class MissingTexts(ValueError):
    """The page texts of a story are not there (they are never committed)."""


@dataclass
class RunRecords:
    """What a run wrote, as plain records, with each article id's gold stem."""

    stems: dict[str, str]
    texts: dict[str, str]
    claims: list[dict]
    quotes: list[dict]
    entities: list[dict]
    nodes: list[dict]
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title (a claim's `field` may say so)


# ------------------------------------------------------------------ the folder


def story_folders(path: Path) -> list[Path]:
    """``path`` itself when it holds a gold.json, else its subfolders that do."""
    if (path / GOLD_FILE).is_file():
        return [path]
    stories = sorted(p.parent for p in path.glob(f"*/{GOLD_FILE}"))
    if not stories:
        raise ValueError(f"no {GOLD_FILE} in it or in its subfolders (a story folder of bench/multisource)")
    return stories


def missing_texts(story: Path, sources: dict) -> list[str]:
    return [stem for stem in sources if not (story / ARTICLES_DIR / f"{stem}.txt").is_file()]


def retrieval_message(story: Path, missing: list[str], total: int) -> str:
    return (f"{len(missing)} of {total} page texts are missing under {story / ARTICLES_DIR} (e.g. {missing[0]}.txt): "
            f"they are never committed; for each page in {story / SOURCES_FILE}, run its search_query on the "
            "stored public web pages (the search tool, corpus `pages`), take the result whose address is its "
            "url, write the text exactly as returned to articles/<stem>.txt, then check them with "
            "`python bench/multisource/validate.py`")


def _changed_pages(story: Path, sources: dict) -> list[str]:
    return [stem for stem, source in sources.items()
            if hashlib.sha256((story / ARTICLES_DIR / f"{stem}.txt").read_bytes()).hexdigest() != source["sha256"]]


def _stage(story: Path, gold: dict, folder: Path) -> None:
    """Copy each page text beside a sidecar with the gold's metadata, as a user would lay them out."""
    folder.mkdir(parents=True)
    for stem, article in gold["articles"].items():
        shutil.copyfile(story / ARTICLES_DIR / f"{stem}.txt", folder / f"{stem}.txt")
        meta = {key: article[key] for key in METADATA if article.get(key)}
        (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _records(out: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in iter_lines(out / name)]


def read_run(out: Path) -> RunRecords:
    """The records of a run's output folder, articles keyed back to their file stems."""
    articles = _records(out, "articles.jsonl")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return RunRecords(stems={a["id"]: Path(a["path"]).stem for a in articles},
                      texts={a["id"]: a["text"] for a in articles},
                      claims=_records(out, "claims.jsonl"), quotes=_records(out, "quotes.jsonl"),
                      entities=_records(out, "entities.jsonl"), nodes=graph["nodes"],
                      titles={a["id"]: a.get("title") or "" for a in articles})


# ------------------------------------------------------------------ claims


def unit_key(unit: str | None) -> str | None:
    if unit is None:
        return None
    return unit if unit.isupper() else UNIT_SPELLINGS.get(unit.lower(), unit.lower())


def units_agree(predicted: str | None, gold: str) -> bool:
    """Same unit; a count of people matches a predicted count of any noun (or none)."""
    predicted = unit_key(predicted)
    if gold == COUNT_UNIT:
        return predicted is None or (not predicted.isupper() and predicted not in MEASURE_UNITS)
    return predicted == gold


def values_agree(predicted: float, gold: float) -> bool:
    return abs(predicted - gold) <= VALUE_TOLERANCE * abs(gold)


def subject_agrees(names: list[str], gold: str) -> bool:
    """A predicted subject name contains, or is contained in, the gold subject (case-folded)."""
    want = fold(gold)
    return any(fold(n) and (want in fold(n) or fold(n) in want) for n in names)


def _distance(claim: dict, text: str, wanted: str) -> int:
    """Characters from the predicted claim to the nearest place the gold text occurs in the article."""
    starts, at = [], text.find(wanted)
    while at >= 0:
        starts.append(at)
        at = text.find(wanted, at + 1)
    return min((abs(claim["start"] - s) for s in starts), default=len(text))


def match_claims(gold: list[dict], run: RunRecords) -> dict[int, dict]:
    """One-to-one: each gold claim (by index) to a predicted claim of its article with the
    same unit and value; the most matches first, then the right subject, then a text that
    holds the gold text, then the nearest."""
    by_stem: dict[str, list[dict]] = defaultdict(list)
    for claim in run.claims:
        by_stem[run.stems.get(claim["article_id"], "")].append(claim)
    graph = nx.Graph()
    for i, expected in enumerate(gold):
        for claim in by_stem.get(expected["article"], []):
            if not (units_agree(claim["unit"], expected["unit"]) and values_agree(claim["value"], expected["value"])):
                continue
            names = [s["name"] for s in claim["subject"]]
            holds = fold(expected["text"]) in fold(claim["text"]) or fold(claim["text"]) in fold(expected["text"])
            texts = run.titles if claim.get("field") == "title" else run.texts  # where its offsets are
            near = _distance(claim, texts.get(claim["article_id"], ""), expected["text"])
            weight = (1000 + 100 * bool(expected["subject"] and subject_agrees(names, expected["subject"]))
                      + 10 * holds + 1 / (1 + near))
            graph.add_edge(("gold", i), ("pred", claim["id"]), weight=weight, claim=claim)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    found = {}
    for a, b in matching:
        gold_end, pred_end = (a, b) if a[0] == "gold" else (b, a)
        found[gold_end[1]] = graph.edges[gold_end, pred_end]["claim"]
    return found


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score_claims(gold: dict, found: dict[int, dict]) -> dict:
    claims, dated = gold["numeric_claims"], {s for s, a in gold["articles"].items() if a.get("published")}
    tally = Counter()
    for i, expected in enumerate(claims):
        claim = found.get(i)
        if claim is None:
            continue
        if expected["subject"]:
            tally["subject_checked"] += 1
            tally["subject_right"] += subject_agrees([s["name"] for s in claim["subject"]], expected["subject"])
        tally["direction_right"] += claim["direction"] == expected["direction"]
        tally["hedge_right"] += claim["hedge"] == expected["hedge"]
        if expected["article"] in dated:
            tally["date_checked"] += 1
            tally["date_right"] += claim["date"] == expected["date"]
    return {"gold": len(claims), "found": len(found), "subject_checked": tally["subject_checked"],
            "subject_right": tally["subject_right"], "direction_right": tally["direction_right"],
            "hedge_right": tally["hedge_right"], "date_checked": tally["date_checked"],
            "date_right": tally["date_right"]}


def _value_only_found(gold: dict, run: RunRecords) -> int:
    """Gold claims with any predicted claim of the same article and value, whatever its unit."""
    values = defaultdict(list)
    for claim in run.claims:
        values[run.stems.get(claim["article_id"], "")].append(claim["value"])
    return sum(any(values_agree(v, g["value"]) for v in values[g["article"]]) for g in gold["numeric_claims"])


# ------------------------------------------------------------------ merges and conflicts


def _node_of(nodes: list[dict], kind: str) -> dict[str, dict]:
    return {mention: node for node in nodes if node.get("kind") == kind for mention in node.get("mentions", [])}


def _pair_nodes(gold: dict, pair: dict, node: dict[int, str | None]) -> tuple[set[str], set[str]]:
    """The claim nodes holding each side of a gold pair (a side may name a text used twice)."""
    index = defaultdict(list)
    for i, claim in enumerate(gold["numeric_claims"]):
        index[(claim["article"], claim["text"])].append(i)
    return tuple({node.get(i) for i in index[tuple(pair[side][:2])]} - {None} for side in ("a", "b"))


def score_merges(gold: dict, found: dict[int, dict], nodes: list[dict]) -> dict:
    """Pairs of one gold cluster merged (all, and across articles), and false merges."""
    node_of = _node_of(nodes, "claim")
    node = {i: node_of.get(claim["id"], {}).get("id") for i, claim in found.items()}
    claims = gold["numeric_claims"]
    tally = Counter()
    for i, j in combinations(range(len(claims)), 2):
        same_cluster = claims[i]["cluster"] == claims[j]["cluster"]
        cross = claims[i]["article"] != claims[j]["article"]
        together = i in node and j in node and node[i] is not None and node[i] == node[j]
        if same_cluster:
            tally["pairs"] += 1
            tally["together"] += together
            tally["cross_pairs"] += cross
            tally["cross_together"] += cross and together
        elif together:
            tally["false_merges"] += 1
            tally["cross_false_merges"] += cross
    apart = Counter()
    for pair in gold["claims_must_stay_apart"]:
        nodes_a, nodes_b = _pair_nodes(gold, pair, node)
        apart["pairs"] += 1
        apart["both_found"] += bool(nodes_a and nodes_b)
        apart["broken"] += bool(nodes_a & nodes_b)
    conflicts = Counter()
    by_id = {n["id"]: n for n in nodes if n.get("kind") == "claim"}
    for pair in gold["conflicts"]:
        nodes_a, nodes_b = _pair_nodes(gold, pair, node)
        conflicts["gold"] += 1
        conflicts["both_found"] += bool(nodes_a and nodes_b)
        conflicts["merged"] += bool(nodes_a & nodes_b)
        conflicts["flagged"] += any(y in by_id[x].get("conflicts_with", []) or x in by_id[y].get("conflicts_with", [])
                                    for x in nodes_a for y in nodes_b if x != y)
    for i, j in combinations(node, 2):  # one fact told twice, flagged as a contradiction
        x, y = node[i], node[j]
        if x and y and x != y and claims[i]["cluster"] == claims[j]["cluster"]:
            conflicts["false"] += y in by_id[x].get("conflicts_with", [])
    conflicts.update(_other_conflicts(gold, node, by_id))
    return {"merge": dict(tally), "stay_apart": dict(apart), "conflicts": dict(conflicts)}


def _other_conflicts(gold: dict, node: dict[int, str | None], by_id: dict[str, dict]) -> Counter:
    """Conflict edges (each once), and those between two different gold facts that the gold
    does not call conflicting ("37 dead" then "39": an update; "three children" of 38 dead).
    A gold conflict names one pair of claims; any two claims of its two facts count as it."""
    claims = gold["numeric_claims"]
    clusters = defaultdict(set)
    for i, x in node.items():
        if x:
            clusters[x].add(claims[i]["cluster"])
    conflicting = {frozenset((a, b)) for a, b in gold_conflict_clusters(gold) if a != b}
    edges = {frozenset((x, y)) for x, n in by_id.items() for y in n.get("conflicts_with", []) if x != y}
    tally = Counter(edges=len(edges))
    for x, y in map(tuple, edges):
        if clusters[x] and clusters[y] and not clusters[x] & clusters[y] and not any(
                frozenset((a, b)) in conflicting for a in clusters[x] for b in clusters[y]):
            tally["other"] += 1
    return tally


def gold_conflict_clusters(gold: dict) -> list[tuple[str, str]]:
    """The two facts (clusters) of each gold conflict."""
    cluster = {(c["article"], c["text"]): c["cluster"] for c in gold["numeric_claims"]}
    return [(cluster[tuple(p["a"][:2])], cluster[tuple(p["b"][:2])]) for p in gold["conflicts"]]


# ------------------------------------------------------------------ why merges fail (diagnostics)


def _subject_ids(claim: dict) -> set[str]:
    return {s["id"] for s in claim.get("subject") or []}


def pair_difference(a: dict, b: dict) -> str:
    """Why two predicted claims of one gold fact are not one node: the first attribute the run
    gave them that keeps them apart (``merge`` when every attribute agrees or is unknown, so
    the merge itself, or the values, kept them apart)."""
    from extractor.graph.resolve import dates_agree

    if unit_key(a["unit"]) != unit_key(b["unit"]):
        return "unit differs"
    ids_a, ids_b = _subject_ids(a), _subject_ids(b)
    if ids_a and ids_b and not ids_a & ids_b:
        return "subject differs"
    if bool(ids_a) != bool(ids_b):
        return "subject missing on one"
    if not ids_a and not (a.get("metric") and b.get("metric")):
        return "no subject and no metric"
    for key in ("metric", "frame", "direction"):
        if a.get(key) and b.get(key) and a[key] != b[key]:
            return f"{key} differs"
    if not dates_agree(a.get("date"), b.get("date")):
        return "date differs"
    return "merge"


def _gold_difference(a: dict, b: dict) -> str:
    """What tells two gold facts apart (for a false merge): subject, metric, date, else the
    time frame or a successive figure of the same day."""
    for key in ("subject", "metric", "date"):
        if (a.get(key) or "") != (b.get(key) or ""):
            return f"gold {key} differs"
    return "gold frame or successive figure"


def _as_merged(claim: dict, node: dict | None) -> dict:
    """The claim with the subject its node was merged under (the merge reads "the bridge" of
    an article that names none as its story's bridge, a misspelt surname as the person)."""
    if not node or not node.get("subject") or node["subject"]["id"] in _subject_ids(claim):
        return claim
    return {**claim, "subject": [node["subject"]]}


def merge_diagnostics(gold: dict, found: dict[int, dict], nodes: list[dict]) -> dict:
    """Per failed cross-article gold pair, the attribute that kept it apart (the subject as
    merged); per false merge, what tells the two gold facts apart. Counts of pairs, by reason."""
    node_of = _node_of(nodes, "claim")
    found = {i: _as_merged(claim, node_of.get(claim["id"])) for i, claim in found.items()}
    node = {i: node_of.get(claim["id"], {}).get("id") for i, claim in found.items()}
    claims = gold["numeric_claims"]
    missed, false = Counter(), Counter()
    for i, j in combinations(range(len(claims)), 2):
        if claims[i]["article"] == claims[j]["article"]:
            continue
        together = i in node and j in node and node[i] is not None and node[i] == node[j]
        if claims[i]["cluster"] == claims[j]["cluster"] and not together:
            missed["claim not found" if i not in found or j not in found else pair_difference(found[i], found[j])] += 1
        elif claims[i]["cluster"] != claims[j]["cluster"] and together:
            false[_gold_difference(claims[i], claims[j])] += 1
    return {"missed_cross_pairs": dict(missed.most_common()), "false_cross_merges": dict(false.most_common())}


# ------------------------------------------------------------------ quotes and entities


def _same_name(predicted: str | None, gold: str, groups: dict[str, str]) -> bool:
    if not predicted:
        return False
    a, b = fold(predicted).removeprefix("the "), fold(gold).removeprefix("the ")
    return a == b or groups.get(a, a) == groups.get(b, b)


def alias_groups(gold: dict) -> dict[str, str]:
    """Each folded canonical name and variant to its folded canonical name."""
    groups = {}
    for alias in gold["entity_aliases"]:
        canonical = fold(alias["canonical"]).removeprefix("the ")
        for name in [alias["canonical"], *alias["variants"]]:
            groups[fold(name).removeprefix("the ")] = canonical
    return groups


def score_quotes(gold: dict, run: RunRecords) -> dict:
    groups = alias_groups(gold)

    def holding(stem: str, key: str) -> list[dict]:
        return [q for q in run.quotes if run.stems.get(q["article_id"]) == stem and fold(key) in fold(q["text"])]

    tally = Counter()
    for expected in gold["quotes"]:
        hits = holding(expected["article"], expected["key"])
        tally["gold"] += 1
        tally["found"] += bool(hits)
        tally["right_speaker"] += any(_same_name(q["speaker"]["name"] if q["speaker"] else None,
                                                 expected["speaker"], groups) for q in hits)
    # a long excerpt may support two quote nodes (see graph.quote_groups): each counts
    nodes_of: dict[str, set[str]] = defaultdict(set)
    for node in run.nodes:
        if node.get("kind") == "quote":
            for mention in node.get("mentions", []):
                nodes_of[mention].add(node["id"])

    def nodes_holding(stem: str, key: str) -> set[str]:
        return {node for q in holding(stem, key) for node in nodes_of.get(q["id"], ())}

    for cluster in gold["quote_clusters"]:
        members = [(stem, cluster["key"]) for stem in cluster["members"]]
        members += [tuple(m) for m in cluster.get("variant_members", [])]
        shared = set.intersection(*(nodes_holding(*m) for m in members))
        tally["clusters"] += 1
        tally["clusters_merged"] += bool(shared)
    for pair in gold["quotes_must_stay_apart"]:
        tally["apart_pairs"] += 1
        tally["apart_broken"] += bool(nodes_holding(*pair["a"]) & nodes_holding(*pair["b"]))
    return dict(tally)


def score_entities(gold: dict, run: RunRecords) -> dict:
    """Canonical name or a variant found as an entity of that article (any type, and same type)."""
    groups = alias_groups(gold)
    names_in: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entity in run.entities:
        for stem in {run.stems.get(m["article_id"]) for m in entity["mentions"]}:
            for name in [entity["name"], *entity["aliases"]]:
                folded = fold(name).removeprefix("the ")
                names_in[stem].add((groups.get(folded, folded), entity["type"]))
    tally = Counter()
    for stem, types in gold["entities"].items():
        for etype, names in types.items():
            for name in names:
                folded = fold(name).removeprefix("the ")
                key = groups.get(folded, folded)
                tally["gold"] += 1
                tally["found"] += any(n == key for n, _ in names_in[stem])
                tally["found_same_type"] += (key, etype) in names_in[stem]
    return dict(tally)


def score_furniture(gold: dict, run: RunRecords) -> dict:
    texts = {run.stems[a]: fold(t) for a, t in run.texts.items() if a in run.stems}
    strings = [(stem, s) for stem, a in gold["articles"].items() for s in a.get("must_drop_from_text", [])]
    return {"gold": len(strings), "dropped": sum(fold(s) not in texts.get(stem, fold(s)) for stem, s in strings)}


# ------------------------------------------------------------------ figures


def counts(gold: dict, run: RunRecords) -> dict:
    """Every tally of one story (they add up across stories)."""
    found = match_claims(gold["numeric_claims"], run)
    from extractor.evaluate.gold_attributes import gold_entity_ids, oracle_claims, oracle_nodes

    fixed = {c["id"]: c for c in oracle_claims(gold, found, run)}
    found_fixed = {i: fixed[c["id"]] for i, c in found.items()}
    nodes_fixed = oracle_nodes(list(fixed.values()), gold_entity_ids(gold))
    return {"articles": len(gold["articles"]), "claims": {**score_claims(gold, found),
                                                          "value_only_found": _value_only_found(gold, run)},
            **score_merges(gold, found, run.nodes), "quotes": score_quotes(gold, run),
            "entities": score_entities(gold, run), "furniture": score_furniture(gold, run),
            "diagnostics": merge_diagnostics(gold, found, run.nodes),
            "gold_attributes": {**score_merges(gold, found_fixed, nodes_fixed),
                                "diagnostics": merge_diagnostics(gold, found_fixed, nodes_fixed)}}


def figures(tally: dict) -> dict:
    """The README's metrics from a story's (or several stories') tallies."""
    c, m, a, k, q, e = (Counter(tally[key]) for key in
                        ("claims", "merge", "stay_apart", "conflicts", "quotes", "entities"))
    return {
        "articles": tally["articles"],
        "claims": {"gold": c["gold"], "found": c["found"], "recall": _ratio(c["found"], c["gold"]),
                   "value_only_recall": _ratio(c["value_only_found"], c["gold"]),
                   "subject_accuracy": _ratio(c["subject_right"], c["subject_checked"]),
                   "direction_accuracy": _ratio(c["direction_right"], c["found"]),
                   "hedge_accuracy": _ratio(c["hedge_right"], c["found"]),
                   "date_accuracy": _ratio(c["date_right"], c["date_checked"]), "dates_checked": c["date_checked"]},
        **_merge_figures(m, a, k),
        "quotes": {"gold": q["gold"], "found": q["found"], "found_ratio": _ratio(q["found"], q["gold"]),
                   "right_speaker": q["right_speaker"],
                   "speaker_accuracy": _ratio(q["right_speaker"], q["gold"]),
                   "clusters": q["clusters"], "clusters_merged": q["clusters_merged"],
                   "clusters_merged_ratio": _ratio(q["clusters_merged"], q["clusters"]),
                   "must_stay_apart": q["apart_pairs"], "must_stay_apart_broken": q["apart_broken"]},
        "entities": {"gold": e["gold"], "found": e["found"], "recall": _ratio(e["found"], e["gold"]),
                     "recall_same_type": _ratio(e["found_same_type"], e["gold"])},
        "furniture_dropped": f"{tally['furniture']['dropped']}/{tally['furniture']['gold']}",
        "merge_diagnostics": _diagnostics(tally["diagnostics"]),
        "with_gold_attributes": {
            **_merge_figures(*(Counter(tally["gold_attributes"][key]) for key in ("merge", "stay_apart", "conflicts"))),
            **_diagnostics(tally["gold_attributes"]["diagnostics"])},
    }


def _diagnostics(tally: dict) -> dict:
    return {key: dict(Counter(tally.get(key, {})).most_common()) for key in ("missed_cross_pairs", "false_cross_merges")}


def _merge_figures(m: Counter, a: Counter, k: Counter) -> dict:
    true_pairs = m["together"]
    return {
        "merge_pairs": {"gold_pairs": m["pairs"], "merged": true_pairs,
                        "recall": _ratio(true_pairs, m["pairs"]),
                        "cross_article_pairs": m["cross_pairs"],
                        "cross_article_recall": _ratio(m["cross_together"], m["cross_pairs"]),
                        "false_merges": m["false_merges"],
                        "precision": _ratio(true_pairs, true_pairs + m["false_merges"])},
        "must_stay_apart": {"pairs": a["pairs"], "both_found": a["both_found"],
                            "broken": a["broken"]},
        "conflicts": {"gold": k["gold"], "both_found": k["both_found"], "flagged": k["flagged"],
                      "flagged_ratio": _ratio(k["flagged"], k["gold"]),
                      "merged_instead": k["merged"], "false_conflicts": k["false"],
                      "edges": k["edges"], "between_other_gold_facts": k["other"]},
    }


def _add(total: dict, tally: dict) -> dict:
    for key, value in tally.items():
        if isinstance(value, dict):
            _add(total.setdefault(key, {}), value)
        else:
            total[key] = total.get(key, 0) + value
    return total


def score_story(story: Path, *, model: str | None = None) -> tuple[dict, dict]:
    """Run the pipeline on one story's pages (into a temporary folder); its tallies and figures."""
    from extractor.runner import RunOptions, run
    from extractor.settings import Settings

    gold = json.loads((story / GOLD_FILE).read_text(encoding="utf-8"))
    sources = json.loads((story / SOURCES_FILE).read_text(encoding="utf-8"))
    missing = missing_texts(story, sources)
    if missing:
        raise MissingTexts(retrieval_message(story, missing, len(sources)))
    with tempfile.TemporaryDirectory() as tmp:
        pages, out = Path(tmp) / "pages", Path(tmp) / "out"
        _stage(story, gold, pages)
        manifest = run([pages], out, Settings(model=model) if model else Settings(), RunOptions(use_cache=False))
        tally = counts(gold, read_run(out))
    result = {"story": story.name, "seconds": manifest.seconds, **figures(tally)}
    changed = _changed_pages(story, sources)
    if changed:
        result["pages_not_as_retrieved"] = changed
    return tally, result


def score_multisource(path: Path, *, model: str | None = None) -> dict:
    """Figures per story, and pooled over the stories when ``path`` holds several."""
    stories = story_folders(path)
    for story in stories:  # say what is missing before spending minutes on the others
        sources = json.loads((story / SOURCES_FILE).read_text(encoding="utf-8"))
        missing = missing_texts(story, sources)
        if missing:
            raise MissingTexts(retrieval_message(story, missing, len(sources)))
    results, total = {}, {}
    for story in stories:
        tally, results[story.name] = score_story(story, model=model)
        _add(total, tally)
    if len(stories) == 1:
        return results[stories[0].name]
    return {"stories": results, "total": figures(total)}
