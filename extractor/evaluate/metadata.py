"""Score title, date, author and body read from HTML pages laid out like WCXB.

Layout: ``html/<id>.html.gz`` (or ``.html``) and ``ground-truth.json`` ``{id: {"url",
"title", "author", "publish_date", "main_content"}}``. Pages are unpacked into a
temporary folder and read by ``extractor.ingest.ingest`` (what ``extractor run`` does
to files), without the URL the gold gives: a page's own canonical URL still counts.

Metric (the dev README's): a string's words are the ``\\w+`` runs of its NFKC,
lower-cased form. Title exact: the same word sequence; title F1>=0.9: token F1 of the
word multisets. Date: the first 10 characters of the ISO date begin with the gold date.
Author: the words of all names together less "and" and "by"; exact = the same multiset,
F1>=0.8 = token F1 at least 0.8. Each rate is over pages whose gold has the field, a page
with no output counting as wrong; spurious counts pages with no gold date (author) that
get one. Body: the article-extraction shingle F1 against ``main_content``.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from statistics import mean

from extractor.evaluate.article_extraction import page_scores
from extractor.ingest import Duplicate, ingest
from extractor.models import Article

_WORD = re.compile(r"\w+")
# Words the author metric ignores between names.
AUTHOR_GLUE = frozenset({"and", "by"})


def words(text: str | None) -> list[str]:
    """The metric's words: ``\\w+`` runs of the NFKC, lower-cased text."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").lower())


def token_f1(predicted: list[str], gold: list[str]) -> float:
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def author_words(author: object) -> list[str]:
    """Words of every author name (a string or a list of names), less "and" and "by"."""
    names = author if isinstance(author, list) else [author]
    return [w for name in names for w in words(name) if w not in AUTHOR_GLUE]


def _page_articles(folder: Path, keys: list[str], tmp: Path) -> dict[str, Article]:
    """Unpack the pages and ingest them as one batch; articles keyed by page id."""
    for key in keys:
        packed = folder / "html" / f"{key}.html.gz"
        data = gzip.decompress(packed.read_bytes()) if packed.exists() else (folder / "html" / f"{key}.html").read_bytes()
        (tmp / f"{key}.html").write_bytes(data)
    by_path: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for event in ingest([tmp]):
        if isinstance(event, Article):
            by_path[event.path] = by_id[event.id] = event
        elif isinstance(event, Duplicate):
            by_path[event.path] = by_id[event.article_id]
    return {key: by_path[f"{key}.html"] for key in keys if f"{key}.html" in by_path}


def score_metadata(folder: Path, *, limit: int | None = None, keys: Iterable[str] | None = None) -> dict:
    """Title, date, author and body rates of the HTML reader on a WCXB-shaped folder."""
    folder = Path(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = sorted(keys if keys is not None else truth)[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        articles = _page_articles(folder, chosen, Path(tmp))
    rates: dict[str, list[bool]] = {"title_exact": [], "title_f1_0.9": [], "date": [],
                                    "author_exact": [], "author_f1_0.8": []}
    spurious = {"date": 0, "author": 0}
    bodies = []
    for key in chosen:
        gold, article = truth[key], articles.get(key)
        title = words(article.title if article else None)
        if gold.get("title"):
            rates["title_exact"].append(bool(title) and title == words(gold["title"]))
            rates["title_f1_0.9"].append(token_f1(title, words(gold["title"])) >= 0.9)
        published = (article.published or "")[:10] if article else ""
        if gold.get("publish_date"):
            rates["date"].append(bool(published) and published.startswith(gold["publish_date"]))
        elif published:
            spurious["date"] += 1
        author = author_words(article.author) if article and article.author else []
        if gold.get("author"):
            rates["author_exact"].append(bool(author) and Counter(author) == Counter(author_words(gold["author"])))
            rates["author_f1_0.8"].append(token_f1(author, author_words(gold["author"])) >= 0.8)
        elif author:
            spurious["author"] += 1
        if gold.get("main_content"):
            bodies.append(page_scores(gold["main_content"], article.text if article else ""))
    precisions = [tp / (tp + fp) for tp, fp, _ in bodies if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in bodies if tp + fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    result: dict[str, object] = {name: (sum(hits) / len(hits) if hits else 0.0) for name, hits in rates.items()}
    result.update({
        "spurious_date": spurious["date"], "spurious_author": spurious["author"],
        "body_precision": precision, "body_recall": recall,
        "body_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "pages": len(chosen), "failed": sorted(set(chosen) - set(articles)),
    })
    return result
