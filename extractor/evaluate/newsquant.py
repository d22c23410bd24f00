"""Score numeric claims on NewsQuant-shaped data (the CQE evaluation sets).

Input: a JSON list of ``{"text", "quantities": [{"value", "normalized_unit", "change"?}]}``
(``NewsQuant.dev.json``; ``currency-model.json`` has no ``change``, so only ``value`` and
``value+unit`` are scored there). Each sentence goes through the product's path on its own:
the sentences are written as one JSON Lines file (one article per line, no publication
date) and ``extractor.runner.run`` reads them as ``extractor run`` does (ingest, parse,
extraction), the claims read back from its ``claims.jsonl``. ``through_run=False`` scores
the extractor alone (``nlp.pipe``, entities, ``extract_claims``), to tell the two apart.

Metric, as the dev README gives it: per sentence a predicted quantity matches a gold one
when the values are equal (relative difference under 0.1 %; a gold range ``"a-b"``
matches a predicted range on both ends, whichever way round either is written);
``value+unit`` also needs the same normalised unit, ``value+change`` the same change.
Each gold and each prediction is matched at most once. Counts are micro-averaged over
sentences into precision, recall and F1.

Unit normalisation lives here, not in the extractor: ISO codes map to NewsQuant's
currency names (USD "dollar", JPY "japanese yen", ...), ``percent`` to "percentage",
``percentage point`` to itself, a null unit to "-" or "count", an age
(unit ``year`` with metric ``age``) to "year of age"; rates map each side of " per ".
Other names compare case-folded, each word up to a plural "s".
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from extractor.extract.entities import extract_entities
from extractor.extract.quantities import extract_claims
from extractor.models import Claim
from extractor.nlp.pipeline import DEFAULT_MODEL, load_pipeline

RELATIVE_TOLERANCE = 1e-3  # values are equal when they differ by under 0.1 %

# Our unit -> NewsQuant's normalised name(s).
UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "USD": ("dollar", "united states dollar"),
    "DOLLAR": ("dollar",),  # a page's own dollar, country unnamed
    "EUR": ("euro",),
    "GBP": ("pound sterling",),
    "JPY": ("japanese yen",),
    "CNY": ("chinese yuan",),
    "AUD": ("australian dollar",),
    "HKD": ("hong kong dollar",),
    "CAD": ("canadian dollar",),
    "CHF": ("swiss franc",),
    "NZD": ("new zealand dollar",),
    "SGD": ("singapore dollar",),
    "INR": ("indian rupee", "rupee"),
    "LKR": ("sri lankan rupee",),
    "ILS": ("shekel", "israeli new shekel"),
    "MXN": ("mexican peso",),
    "TRY": ("turkish lira",),
    "CRC": ("costa rican colón",),
    "GEL": ("georgian lari",),
    "LAK": ("lao kip",),
    "BTC": ("bitcoin",),
    "FIM": ("finnish markka",),
    "ESP": ("peseta",),
    "NLG": ("netherlands guilde", "netherlands guilder"),
    "DEM": ("mark", "deutsche mark"),
    "KRW": ("south korean won",),
    "RUB": ("russian ruble",),
    "BRL": ("brazilian real",),
    "ZAR": ("south african rand",),
    "percent": ("percentage",),
    "percentage point": ("percentage point",),
    "pound": ("pound-mass",),
    "fraction": ("% -",),  # "a third of those screened": NewsQuant writes "% <what>"
    "tonne": ("ton", "tonne"),
    "gigaton": ("gigaton",),
    "touchdown": ("touchdown", "touch down"),
}
NULL_UNIT_NAMES = ("-", "count")


@dataclass
class _Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "pred": self.pred, "gold": self.gold}


def parse_gold_value(value: str | float) -> tuple[float, float | None] | None:
    """A gold value: ``(x, None)`` for a number, ``(low, high)`` for a range "a-b" / "a - b"."""
    text = str(value).strip()
    try:
        return float(text), None
    except ValueError:
        pass
    m = re.fullmatch(r"(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)", text)
    if not m:
        return None
    return float(m.group(1)), float(m.group(2))


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def values_match(gold: tuple[float, float | None], claim: Claim) -> bool:
    """Equal values; a range matches a range on both ends either way round."""
    g_low, g_high = gold
    bounds = claim.bounds
    is_range = bounds is not None and bounds.low is not None and bounds.high is not None and bounds.low != bounds.high
    if g_high is None:
        return not is_range and _close(g_low, claim.value)
    if not is_range:
        return False
    p = (bounds.low, bounds.high)
    return (_close(g_low, p[0]) and _close(g_high, p[1])) or (_close(g_low, p[1]) and _close(g_high, p[0]))


def _fold(name: str) -> str:
    words = re.sub(r"\s+", " ", name.strip().casefold()).split(" ")
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def unit_names(claim: Claim) -> set[str]:
    """NewsQuant names our unit may stand for (folded)."""
    unit = claim.unit
    if unit is None:
        return {_fold(n) for n in NULL_UNIT_NAMES}
    if claim.metric == "age" and unit in ("year", "month"):
        return {_fold(f"{unit} of age")}
    parts = unit.split(" per ")
    options: list[set[str]] = []
    for part in parts:
        names = UNIT_NAMES.get(part, (part.replace("_", " "),))
        options.append({_fold(n) for n in names})
    out = options[0]
    for nxt in options[1:]:
        out = {f"{a} per {b}" for a in out for b in nxt}
    return out


def units_match(gold_unit: str, claim: Claim) -> bool:
    return _fold(gold_unit or "-") in unit_names(claim)


def as_stated(claim: Claim) -> Claim:
    """The claim in the unit its text states: NewsQuant keeps "5 miles" in miles, where the
    claim converts lengths, masses, areas and volumes to one base unit each."""
    if claim.stated_unit is None or claim.stated_value is None:
        return claim
    if claim.value:
        factor = claim.stated_value / claim.value
    else:  # "0-to-60-mph": no ratio of a zero, the unit's own factor
        from extractor.extract.quantities.measures import to_base
        converted = to_base(1.0, claim.stated_unit, imperial=False)
        factor = 1 / converted[0] if converted else 1.0
    bounds = claim.bounds.scaled(factor) if claim.bounds is not None else None
    return claim.model_copy(update={"value": claim.stated_value, "unit": claim.stated_unit, "bounds": bounds})


def _match(golds: list[dict], claims: list[Claim], extra) -> int:
    """Greedy one-to-one matching; returns the number of matched pairs."""
    used: set[int] = set()
    tp = 0
    for gold in golds:
        gv = parse_gold_value(gold["value"])
        if gv is None:
            continue
        for i, claim in enumerate(claims):
            if i in used or not values_match(gv, claim) or not extra(gold, claim):
                continue
            used.add(i)
            tp += 1
            break
    return tp


def _claims_direct(texts: list[str], model: str) -> list[list[Claim]]:
    """The extractor alone on each sentence."""
    nlp = load_pipeline(model)
    out = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        article_id = f"s{i}"
        out.append(extract_claims(doc, article_id, extract_entities(doc, article_id), published=None))
    return out


def _claims_through_run(texts: list[str], model: str) -> list[list[Claim]]:
    """Each sentence as one article of a JSON Lines file, through ``extractor.runner.run``.
    A sentence given twice is one article (the run keeps one copy) listed at both lines."""
    from extractor.runner import RunOptions, run
    from extractor.settings import Settings

    with tempfile.TemporaryDirectory(prefix="newsquant-") as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        lines = (json.dumps({"text": text}) for text in texts)
        (folder / "in" / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        run([folder / "in"], folder / "out", Settings(model=model), RunOptions(use_cache=False))
        line_of: dict[str, list[int]] = {}
        for record in _read_jsonl(folder / "out" / "articles.jsonl"):
            for where in record.get("paths") or [record["path"]]:
                line_of.setdefault(record["id"], []).append(int(str(where).rsplit(":", 1)[1]) - 1)
        out: list[list[Claim]] = [[] for _ in texts]
        for record in _read_jsonl(folder / "out" / "claims.jsonl"):
            for line in line_of.get(record["article_id"], []):
                out[line].append(Claim.model_validate(record))
    return out


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_newsquant(path: Path, *, limit: int | None = None, model: str = DEFAULT_MODEL, through_run: bool = True) -> dict:
    """P/R/F1 for ``value``, ``value+unit`` and (when gold has it) ``value+change``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if limit is not None:
        data = data[:limit]
    has_change = any("change" in q for item in data for q in item.get("quantities", []))
    metrics = {"value": _Counts(), "value+unit": _Counts()}
    if has_change:
        metrics["value+change"] = _Counts()
    checks = {
        "value": lambda g, c: True,
        "value+unit": lambda g, c: units_match(g.get("normalized_unit", "-"), c),
        "value+change": lambda g, c: g.get("change") == c.change,
    }
    texts = [item["text"] for item in data]
    per_sentence = _claims_through_run(texts, model) if through_run else _claims_direct(texts, model)
    for item, found in zip(data, per_sentence):
        claims = [as_stated(c) for c in found]
        golds = item.get("quantities", [])
        for name, counts in metrics.items():
            counts.pred += len(claims)
            counts.gold += len(golds)
            counts.tp += _match(golds, claims, checks[name])
    return {"file": str(path), "sentences": len(data), "path": "extractor run" if through_run else "extract_claims",
            **{k: v.scores() for k, v in metrics.items()}}


def format_newsquant(result: dict) -> str:
    """A short table of the scores."""
    lines = [f"{result['file']} ({result['sentences']} sentences)"]
    lines.append(f"{'metric':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
    for name in ("value", "value+unit", "value+change"):
        if name in result:
            s = result[name]
            lines.append(f"{name:<14}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    return "\n".join(lines)


__all__ = ["format_newsquant", "parse_gold_value", "score_newsquant", "unit_names", "values_match"]
