"""Score entities on the GUM dev set (``../shared/dev/gum``): names found, their types,
forms of one entity grouped, entities linked across documents, wrong merges.

The metric is the dev README's. Names compare after NFKC, straight quotes and dashes,
collapsed spaces, lower case, no spaces around hyphens, surrounding commas, colons,
semicolons and double quotes stripped, and no leading "the" or final 's. A predicted
entity counts in a document when it has a mention there; its names there are its
name, its aliases and its mention texts there. The product's figures come from
``extractor run`` on the document files (``product_path.run_files``); the bare model's
(one entity per label and text of ``doc.ents``, nothing grouped) are given beside them.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.evaluate.product_path import run_files

SCORED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
GOLD_TYPES = ("PERSON", "ORG", "PLACE")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"} | {c: "'" for c in "‘’‛′"} | {c: '"' for c in "“”„‟″"})


def norm(name: str) -> str:
    """A name as the metric compares it."""
    text = unicodedata.normalize("NFKC", name).translate(_DASHES)
    text = " ".join(text.lower().split())
    text = re.sub(r"\s*-\s*", "-", text)
    text = text.strip(",:;\" ")
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"(?:'s|')$", "", text)
    return text.strip()


@dataclass
class Predicted:
    """One predicted entity: its label and, per document, its names and mention texts."""

    label: str
    names: dict[str, set[str]] = field(default_factory=dict)  # doc -> normalised names there
    mention_texts: dict[str, set[str]] = field(default_factory=dict)  # doc -> normalised mention texts
    name: str = ""  # the record's name (for diagnostics)


@dataclass
class GoldEntity:
    doc: str
    type: str
    accept: frozenset[str]
    identity: str
    forms: set[str]
    known: set[str]  # every string that names it: forms, optional forms, variants, canonical
    variants: dict[str, set[str]]  # form -> strings that also count as it
    wiki: str | None


def load_gold(folder: Path) -> dict[str, list[GoldEntity]]:
    docs = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))["docs"]
    gold = {}
    for doc, data in docs.items():
        entities = []
        for e in data["entities"]:
            variants = e.get("variants") or {}
            var = {norm(f): {norm(v) for v in variants.get(f, [])} for f in e["forms"]}
            extra = {norm(v) for vs in variants.values() for v in vs}
            forms = {norm(f) for f in e["forms"]}
            known = forms | {norm(f) for f in e.get("optional_forms", [])} | extra | {norm(e["canonical"])}
            entities.append(GoldEntity(doc, e["type"], frozenset(e["accept"]), e["wiki"] or f"{e['type']}:{e['canonical']}",
                                       forms, known, var, e["wiki"]))
        gold[doc] = entities
    return gold


def person_group_names(folder: Path) -> dict[str, set[str]]:
    docs = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))["docs"]
    return {doc: {norm(f) for g in data.get("person_groups", []) for f in g["forms"]} for doc, data in docs.items()}


def _carries(names: set[str], entity: GoldEntity, form: str) -> bool:
    return form in names or bool(names & entity.variants.get(form, set()))


def score(gold: dict[str, list[GoldEntity]], groups: dict[str, set[str]], predicted: list[Predicted]) -> dict:
    """The README's figures for predicted entities against the gold."""
    in_doc: dict[str, list[Predicted]] = defaultdict(list)
    for p in predicted:
        for doc in p.names:
            in_doc[doc].append(p)
    # recall and type accuracy, per gold type
    units = {(e.doc, e.type, f): e for doc in gold for e in gold[doc] for f in sorted(e.forms)}
    found, carried, typed = defaultdict(int), defaultdict(int), defaultdict(int)
    total = defaultdict(int)
    for (doc, etype, form), entity in units.items():
        total[etype] += 1
        holders = [p for p in in_doc.get(doc, []) if _carries(p.names[doc], entity, form)]
        found[etype] += any(p.label in entity.accept for p in holders)
        if holders:
            carried[etype] += 1
            typed[etype] += all(p.label in entity.accept for p in holders)
    # precision, per predicted label
    right, counted = defaultdict(int), defaultdict(int)
    known_in = {doc: set().union(*(e.known for e in ents), groups.get(doc, set())) for doc, ents in gold.items()}
    for p in predicted:
        if p.label not in SCORED_LABELS:
            continue
        for doc, names in p.names.items():
            for name in names:
                ok = name in known_in.get(doc, set())
                if not ok and name not in p.mention_texts.get(doc, set()) and any(
                        name in known_in.get(other, set()) for other in p.names if other != doc):
                    continue  # an alias right where it came from
                counted[p.label] += 1
                right[p.label] += ok
    # grouping
    multi = [e for ents in gold.values() for e in ents if len(e.forms) >= 2]
    grouped = sum(any(all(_carries(p.names[e.doc], e, f) for f in e.forms) for p in in_doc.get(e.doc, [])) for e in multi)
    # cross-document linking
    by_wiki: dict[str, list[GoldEntity]] = defaultdict(list)
    for ents in gold.values():
        for e in ents:
            if e.wiki and e.forms:
                by_wiki[e.wiki].append(e)
    linked_ids = {w: es for w, es in by_wiki.items() if len({e.doc for e in es}) >= 2}
    linked = 0
    for wiki, ents in linked_ids.items():
        linked += any(all(e.doc in p.names and any(_carries(p.names[e.doc], e, f) for f in e.forms) for e in ents)
                      for p in predicted)
    # wrong merges
    wrong = 0
    for p in predicted:
        if p.label not in SCORED_LABELS:
            continue
        sets = []
        for doc, names in p.names.items():
            for name in names:
                named = {e.identity for e in gold.get(doc, []) if name in e.known}
                if named:
                    sets.append(named)
        if len(sets) >= 2 and not set.intersection(*sets):
            wrong += 1
    recall = sum(found.values()) / max(sum(total.values()), 1)
    precision = sum(right.values()) / max(sum(counted.values()), 1)
    return {
        "recall": round(recall, 4),
        "precision": round(precision, 4),
        "f1": round(2 * recall * precision / (recall + precision), 4) if recall + precision else 0.0,
        "recall_by_type": {t: round(found[t] / total[t], 4) for t in GOLD_TYPES if total[t]},
        "precision_by_label": {l: round(right[l] / counted[l], 4) for l in SCORED_LABELS if counted[l]},
        "type_accuracy": {t: round(typed[t] / carried[t], 4) for t in GOLD_TYPES if carried[t]},
        "grouping": round(grouped / len(multi), 4) if multi else None,
        "grouping_counts": {"entities": len(multi), "grouped": grouped},
        "cross_document": round(linked / len(linked_ids), 4) if linked_ids else None,
        "cross_document_counts": {"ids": len(linked_ids), "linked": linked},
        "wrong_merges": wrong,
        "units": sum(total.values()),
    }


def product_entities(folder: Path, docs: Iterable[str], model: str | None = None) -> tuple[list[Predicted], list[str], float]:
    """The entities ``extractor run`` writes for the documents' files, merged across them."""
    run = run_files({doc: Path(folder) / "text" / f"{doc}.txt" for doc in docs}, model=model)
    predicted = []
    for entity in run.entities:
        p = Predicted(entity["type"], name=entity["name"])
        for mention in entity["mentions"]:
            doc = run.stems.get(mention["article_id"])
            if doc is None:
                continue
            p.names.setdefault(doc, set()).add(norm(mention["text"]))
            p.mention_texts.setdefault(doc, set()).add(norm(mention["text"]))
        for doc in p.names:
            p.names[doc] |= {norm(n) for n in [entity["name"], *entity["aliases"]]}
        predicted.append(p)
    missing = [doc for doc in docs if doc not in run.articles]
    return predicted, missing, run.seconds


def bare_entities(folder: Path, docs: Iterable[str], model: str | None = None) -> list[Predicted]:
    """The model alone: one entity per document, label and text of ``doc.ents``."""
    from extractor.nlp.pipeline import DEFAULT_MODEL, load_pipeline

    nlp = load_pipeline(model or DEFAULT_MODEL)
    predicted = []
    for doc_name in docs:
        doc = nlp((Path(folder) / "text" / f"{doc_name}.txt").read_text(encoding="utf-8"))
        for label, text in sorted({(ent.label_, norm(ent.text)) for ent in doc.ents}):
            predicted.append(Predicted(label, {doc_name: {text}}, {doc_name: {text}}))
    return predicted


def score_gum(folder: Path, *, limit: int | None = None, model: str | None = None, bare: bool = True) -> dict:
    """The product's figures on ``folder`` (a GUM dev layout: ``text/<doc>.txt`` and
    ``gold.json``), and with ``bare`` the bare model's under ``bare_model``."""
    folder = Path(folder)
    gold = load_gold(folder)
    docs = sorted(gold)[:limit] if limit else sorted(gold)
    gold = {d: gold[d] for d in docs}
    groups = person_group_names(folder)
    started = time.perf_counter()
    predicted, missing, _ = product_entities(folder, docs, model)
    result = {"documents": len(docs), "failed": missing, "path": "product",
              "seconds": round(time.perf_counter() - started, 2), **score(gold, groups, predicted)}
    if bare:
        result["bare_model"] = score(gold, groups, bare_entities(folder, docs, model))
    return result
