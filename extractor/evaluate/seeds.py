"""Score a run against the hand annotation of the seed articles (``seeds.gold.json``).

Matching follows the gold's README: text folds case, curly quotes, NBSP and white
space; a leading "The" is optional on entity names; a claim matches on subject
(equal, or one containing the other), value within 0.5 % and unit.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from extractor.store.graph_file import read_graph_data
from extractor.store.output import iter_lines

ENTITY_TYPES = ("PERSON", "ORG", "GPE")
VALUE_TOLERANCE = 0.005


def fold(text: str) -> str:
    text = text.replace("\u00a0", " ").translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.casefold().split())


def _name(text: str) -> str:
    return fold(text).removeprefix("the ")


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> dict:
    precision, recall = _ratio(tp_pred, pred), _ratio(tp_gold, gold)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": pred, "gold": gold}


def _records(out: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in iter_lines(out / name)]


def score_entities(entities: list[dict], stems: dict[str, str], gold: dict) -> dict:
    """Precision and recall of (article, type, name) for people, organisations and places."""
    expected = {(stem, etype, _name(n)) for etype in ENTITY_TYPES for stem, names in gold[etype].items() for n in names}
    predicted = set()
    for entity in entities:
        if entity["type"] not in ENTITY_TYPES:
            continue
        names = {_name(n) for n in [entity["name"], *entity["aliases"]]}
        for stem in {stems[m["article_id"]] for m in entity["mentions"] if m["article_id"] in stems}:
            hit = next((n for n in names if (stem, entity["type"], n) in expected), None)
            predicted.add((stem, entity["type"], hit or _name(entity["name"])))
    found = predicted & expected
    return _prf(len(found), len(predicted), len(found), len(expected))


def _claim_matches(subjects: list[str], value: float, unit: str | None, gold: dict) -> bool:
    want = fold(gold["subject"])
    return (any(want == fold(s) or want in fold(s) or fold(s) in want for s in subjects)
            and abs(value - gold["value"]) <= VALUE_TOLERANCE * abs(gold["value"]) and unit == gold["unit"])


def score_claims(claims: list[dict], stems: dict[str, str], gold: list[dict]) -> dict:
    """Recall of the gold claims, attribute accuracy, and extra percent or USD claims."""
    found, attributes = 0, {"direction": [0, 0], "hedge": [0, 0], "date": [0, 0]}
    for expected in gold:
        hits = [c for c in claims if stems.get(c["article_id"]) == expected["article"]
                and _claim_matches([s["name"] for s in c["subject"]], c["value"], c["unit"], expected)]
        found += bool(hits)
        for field, tally in attributes.items():
            if field in expected and hits:
                tally[1] += 1
                tally[0] += any(c[field] == expected[field] for c in hits)
    checked = [c for c in claims if c["unit"] in ("percent", "USD")]
    extra = [c for c in checked if not any(
        stems.get(c["article_id"]) == g["article"] and _claim_matches([s["name"] for s in c["subject"]], c["value"], c["unit"], g)
        for g in gold)]
    return {"recall": _ratio(found, len(gold)), "found": found, "gold": len(gold),
            "attribute_accuracy": {k: _ratio(*v) for k, v in attributes.items()},
            "extra_percent_or_usd": [c["text"] for c in extra]}


def _quote_matches(quote: dict, gold: dict) -> bool:
    speaker = quote["speaker"]["name"] if quote["speaker"] else None
    return fold(gold["key"]) in fold(quote["text"]) and speaker == gold["speaker"]


def score_quotes(quotes: list[dict], stems: dict[str, str], gold: list[dict]) -> dict:
    """Recall of the gold quotes with their speaker, kind accuracy, and extra direct quotes."""
    found = kind_ok = 0
    for expected in gold:
        hits = [q for q in quotes if stems.get(q["article_id"]) == expected["article"] and _quote_matches(q, expected)]
        found += bool(hits)
        kind_ok += any(q["kind"] in (expected["kind"], "mixed") for q in hits)
    direct = [g for g in gold if g["kind"] == "direct"]
    extra = [q["text"] for q in quotes if q["kind"] == "direct" and not any(
        stems.get(q["article_id"]) == g["article"] and _quote_matches(q, g) for g in direct)]
    return {"recall": _ratio(found, len(gold)), "found": found, "gold": len(gold),
            "kind_accuracy": _ratio(kind_ok, found), "extra_direct": extra}


def score_cross_source(nodes: list[dict], stems: dict[str, str], gold: dict) -> dict:
    """Gold facts and quotes merged into one node covering both seeds; pairs kept apart."""
    articles = set(gold["articles"])
    claims = [n for n in nodes if n["kind"] == "claim" and n.get("subject")]
    merged_claims = sum(
        any(_claim_matches([n["subject"]["name"]], n["value"], n["unit"], g) and {stems.get(a) for a in n["articles"]} >= articles
            for n in claims) for g in gold["claims_cross_source"])
    merged_quotes = sum(
        any(n["kind"] == "quote" and n.get("speaker") and n["speaker"]["name"] == g["speaker"]
            and fold(g["key"]) in fold(n["text"]) and {stems.get(a) for a in n["articles"]} >= articles for n in nodes)
        for g in gold["quotes_cross_source"])
    glued = sum(any(_claim_matches([n["subject"]["name"]], n["value"], n["unit"], a)
                    and _claim_matches([n["subject"]["name"]], n["value"], n["unit"], b) for n in claims)
                for a, b in gold["claims_must_stay_apart"])
    return {"claims_merged": f"{merged_claims}/{len(gold['claims_cross_source'])}",
            "quotes_merged": f"{merged_quotes}/{len(gold['quotes_cross_source'])}",
            "must_stay_apart_broken": glued}


def score_seeds(gold_file: Path, corpus: Path, *, model: str | None = None) -> dict:
    """Run the pipeline on ``corpus`` (into a temporary folder) and score it against ``gold_file``."""
    from extractor.runner import RunOptions, run
    from extractor.settings import Settings

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        settings = Settings(model=model) if model else Settings()
        manifest = run([corpus], out, settings, RunOptions(use_cache=False))
        stems = {a["id"]: Path(a["path"]).stem for a in _records(out, "articles.jsonl")}
        graph = read_graph_data(out)
        return {
            "articles": len(stems),
            "seconds": manifest.seconds,
            "entities": score_entities(_records(out, "entities.jsonl"), stems, gold["entities"]),
            "quotes": score_quotes(_records(out, "quotes.jsonl"), stems, gold["quotes"]),
            "claims": score_claims(_records(out, "claims.jsonl"), stems, gold["numeric_claims"]),
            "cross_source": score_cross_source(graph["nodes"], stems, gold),
        }
