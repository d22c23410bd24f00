"""Score the HTML reader on a folder laid out like the Scrapinghub benchmark.

Layout: ``html/<key>.html`` plus ``ground-truth.json`` = ``{key: {"url", "articleBody"}}``.

The metric is the benchmark's own, so figures are comparable with published
ones: tokens are ``\\w+`` runs with case kept (the benchmark does not
lowercase), each text becomes the multiset of its 4-token shingles, and per
page TP/FP/FN are counted over shingles and normalised by their sum.
Precision is averaged over pages with predicted shingles, recall over pages
with true shingles, and F1 is taken from the two means. A page the reader
rejects counts as an empty prediction (recall 0, no precision term).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from extractor.ingest.html import NoArticleError, read_html

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter:
    """Multiset of ``n``-token shingles; a text shorter than ``n`` is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def macro_scores(scores: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages (each from its (tp, fp, fn) counts; a page
    with nothing to score is left out), and their F1: the data set's published metric."""
    precisions = [tp / (tp + fp) for tp, fp, _ in scores if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in scores if tp + fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over shingles, so long pages weigh no more than short ones."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def decode_html(raw: bytes) -> str:
    """UTF-8 unless a ``<meta charset>`` names another known codec; bad bytes replaced."""
    match = _META_CHARSET.search(raw[:4096])
    encoding = match.group(1).decode("ascii", "replace") if match else "utf-8"
    try:
        return raw.decode(encoding, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _extract_text(html: str, url: str | None) -> str:
    return read_html(html, url=url).text


def score_article_extraction(
    folder: Path,
    *,
    limit: int | None = None,
    extract: Callable[[str, str | None], str] | None = None,
) -> dict:
    """Benchmark precision/recall/F1 of ``read_html`` (or ``extract(html, url)``) on ``folder``.

    ``limit`` scores only the first pages in sorted key order (for quick tests).
    Returns ``{"precision", "recall", "f1", "pages", "failed"}``; ``failed`` lists the
    keys where the reader found no article (scored as an empty prediction).
    """
    folder = Path(folder)
    extract = extract or _extract_text
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit is not None else sorted(truth)
    scores, failed = [], []
    for key in keys:
        html = decode_html((folder / "html" / f"{key}.html").read_bytes())
        try:
            pred = extract(html, truth[key].get("url"))
        except NoArticleError:
            pred = ""
            failed.append(key)
        scores.append(page_scores(truth[key].get("articleBody", ""), pred))
    precision, recall, f1 = macro_scores(scores)
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(keys), "failed": failed}
