"""Per-article extraction cache: re-runs over unchanged articles skip the NLP.

Entries are keyed by the article's content id, the metadata extraction reads
(publication date, outlet) and the pipeline's fingerprint (package, model and
settings), so a changed model or setting misses the cache by itself. SQLite keeps
it one file, safe to interrupt, and cheap to look up one article at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from extractor import __version__
from extractor.models import Article, ArticleExtraction
from extractor.settings import Settings


def default_cache_dir() -> Path:
    """``$EXTRACTOR_CACHE_DIR``, else the platform's user cache folder."""
    if os.environ.get("EXTRACTOR_CACHE_DIR"):
        return Path(os.environ["EXTRACTOR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "extractor"


def pipeline_fingerprint(settings: Settings, model_version: str) -> str:
    """Everything besides the article that decides what extraction returns."""
    relevant = {"package": __version__, "model": settings.model, "model_version": model_version,
                "settings": settings.model_dump(exclude={"batch_size", "max_bytes"})}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:16]


class ExtractionCache:
    """A SQLite table of compressed ``ArticleExtraction`` records."""

    def __init__(self, folder: Path, fingerprint: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "extractions.sqlite"
        self.fingerprint = fingerprint
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        self._pending = 0

    def key(self, article: Article) -> str:
        parts = [self.fingerprint, article.id, article.published or "", article.source or ""]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def get(self, article: Article) -> ArticleExtraction | None:
        row = self._db.execute("SELECT data FROM extraction WHERE key = ?", (self.key(article),)).fetchone()
        if row is None:
            return None
        try:
            return ArticleExtraction.model_validate_json(zlib.decompress(row[0]))
        except (zlib.error, ValueError):
            return None  # a damaged entry is recomputed

    def put(self, article: Article, extraction: ArticleExtraction) -> None:
        data = zlib.compress(extraction.model_dump_json().encode(), 6)
        self._db.execute("INSERT OR REPLACE INTO extraction (key, data) VALUES (?, ?)", (self.key(article), data))
        self._pending += 1
        if self._pending >= 200:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    def close(self) -> None:
        self.commit()
        self._db.close()
