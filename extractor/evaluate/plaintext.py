"""Score plain-text cleaning: page dumps with their furniture, and text that is already clean.

Two kinds of input, both read through ``extractor.ingest.ingest`` (what ``extractor
run`` does to files):

- a folder laid out like ``../shared/dev/plaintext``: ``text/<key>.txt`` (a page's whole
  visible text) and ``ground-truth.json`` ``{key: {"articleBody"}}``, scored with the
  article-extraction shingle metric (precision and recall averaged over pages);
- clean text with no furniture (a folder of ``.txt`` files such as PolNeAR's texts, or a
  JSON list of ``{"text"}`` records such as NewsQuant's sentences, read as JSON Lines):
  the share of inputs that come out unchanged, i.e. the lifted title and the body
  together hold the input's words in the same order (white space, Unicode NFC and
  zero-width characters are the documented normalisation).
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from extractor.evaluate.article_extraction import macro_scores, page_scores
from extractor.ingest import Duplicate, ingest
from extractor.ingest.clean import INVISIBLE_RE, without_page_hints
from extractor.models import Article


def _articles(paths: Iterable[Path]) -> dict[str, Article]:
    """Articles of an ingest run keyed by the path shown for them (duplicates too)."""
    by_path: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for event in ingest(list(paths)):
        if isinstance(event, Article):
            by_path[event.path] = by_id[event.id] = event
        elif isinstance(event, Duplicate):
            by_path[event.path] = by_id[event.article_id]
    return by_path


def score_plaintext(path: Path, *, limit: int | None = None, keys: Iterable[str] | None = None) -> dict:
    """Body shingle P/R/F1 on a plaintext dev folder, or the unchanged share on clean text."""
    path = Path(path)
    if path.is_dir() and (path / "ground-truth.json").is_file():
        return score_page_dumps(path, limit=limit, keys=keys)
    return score_unchanged(path, limit=limit)


def score_page_dumps(folder: Path, *, limit: int | None = None, keys: Iterable[str] | None = None) -> dict:
    """Shingle precision/recall/F1 of the cleaned text against each page's article body."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = sorted(keys if keys is not None else truth)[:limit]
    articles = _articles(folder / "text" / f"{key}.txt" for key in chosen)
    scores, failed = [], []
    for key in chosen:
        article = articles.get(f"{key}.txt")
        if article is None:
            failed.append(key)
        scores.append(page_scores(truth[key].get("articleBody", ""), article.text if article else ""))
    precision, recall, f1 = macro_scores(scores)
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(chosen), "failed": failed}


def comparable(text: str) -> str:
    """Text up to the documented normalisation: NFC, no zero-width characters nor a link's hint
    for screen readers ("opens new tab"), one space."""
    return " ".join(without_page_hints(INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))).split())


def unchanged(raw: str, article: Article | None) -> bool:
    """True when cleaning kept every word of ``raw`` in order (title lifted or not)."""
    if article is None:
        return False
    expected = comparable(raw)
    return expected in (comparable(article.text), comparable(f"{article.title or ''} {article.text}"))


def score_unchanged(path: Path, *, limit: int | None = None) -> dict:
    """Share of clean inputs (``.txt`` files, or a JSON list of ``{"text"}``) left unchanged."""
    if path.is_dir():
        files = sorted(path.rglob("*.txt"))[:limit]
        raws = {p.name: p.read_text(encoding="utf-8") for p in files}
        articles = _articles(files)
    else:
        records = json.loads(path.read_text(encoding="utf-8"))[:limit]
        with tempfile.TemporaryDirectory() as tmp:
            lines = Path(tmp) / "texts.jsonl"
            lines.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in records), encoding="utf-8")
            articles = _articles([lines])
        raws = {f"texts.jsonl:{i + 1}": r["text"] for i, r in enumerate(records)}
    changed = sorted(key for key, raw in raws.items() if not unchanged(raw, articles.get(key)))
    return {"inputs": len(raws), "unchanged": len(raws) - len(changed),
            "unchanged_share": (len(raws) - len(changed)) / len(raws) if raws else 0.0, "changed": changed}
