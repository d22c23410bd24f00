"""Per-article extraction cache: re-runs over unchanged articles skip the NLP.

Entries are keyed by the article's content id, the metadata extraction reads
(publication date, outlet) and the pipeline's fingerprint (package version, the
extraction code itself, model and settings), so a changed model, setting or
extractor misses the cache by itself. SQLite keeps
it one file, safe to interrupt, and cheap to look up one article at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from functools import lru_cache
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


# The code that decides what an article's extraction is (relative to the package).
EXTRACTION_CODE = ("models.py", "dates.py", "extract", "nlp")


PACKAGE_ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=4)
def code_fingerprint(root: Path = PACKAGE_ROOT) -> str:
    """A hash of the extraction code, so an edited extractor (not only a new release)
    never reads results the old code cached."""
    digest = hashlib.sha256()
    for name in EXTRACTION_CODE:
        path = root / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def pipeline_fingerprint(settings: Settings, model_version: str) -> str:
    """Everything besides the article that decides what extraction returns."""
    relevant = {"package": __version__, "code": code_fingerprint(), "model": settings.model, "model_version": model_version,
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
