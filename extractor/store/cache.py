"""What a re-run reuses: each article's extraction, and the merged graph of a whole run.

Extractions are keyed by the article's content id, the metadata extraction reads
(title, publication date and where it came from, outlet) and the pipeline's fingerprint (package version, the
extraction code itself, model and settings), so a changed model, setting or
extractor misses the cache by itself. SQLite keeps it one file, safe to interrupt,
and cheap to look up one article at a time.

The graph stage's outputs (``entities.jsonl``, ``graph.json``, the query index) are
kept for the last few runs, keyed by a digest of everything that stage reads (the
articles, quotes, claims and entity records, and the package's code), so a re-run of
an unchanged folder into a new output folder copies them instead of merging again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extractor import __version__
from extractor.models import Article, ArticleExtraction
from extractor.settings import Settings
from extractor.store import output
from extractor.store.index import adopt_index


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
    return _hash_code(root, EXTRACTION_CODE)


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of the whole package's code: what the graph cache's entries depend on."""
    return _hash_code(PACKAGE_ROOT, (".",))


def _hash_code(root: Path, names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in names:
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
        parts = [self.fingerprint, article.id, article.title or "", article.published or "",
                 article.published_source or "", article.source or ""]
        if article.non_prose:  # extraction skips these ranges (the same text from a .txt has none)
            parts.append(" ".join(f"{r.start}-{r.end}" for r in article.non_prose))
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


class GraphCache:
    """The graph stage's outputs of the last ``keep`` runs, one folder per key, in
    ``<cache>/graphs``. Entries are written whole into a temporary folder and renamed
    into place, so an interrupted run never leaves a partial one."""

    FILES = (output.ENTITIES, output.GRAPH)

    def __init__(self, folder: Path, keep: int = 3):
        self.root = folder / "graphs"
        self.keep = keep

    @staticmethod
    def key(out: Path, entity_inputs: str) -> str:
        """The digest of what the graph stage reads from ``out`` (articles, quotes, claims), of
        the entity records fed to the merger (``entity_inputs``) and of the package's code."""
        digest = hashlib.sha256(f"{__version__}\0{package_fingerprint()}\0{entity_inputs}".encode())
        for name in (output.ARTICLES, output.QUOTES, output.CLAIMS):
            digest.update(f"\0{name}\0".encode())
            path = out / name
            if path.exists():
                with path.open("rb") as handle:
                    while block := handle.read(1 << 20):
                        digest.update(block)
        return digest.hexdigest()[:32]

    def restore(self, key: str, out: Path) -> dict | None:
        """The graph counts of entry ``key`` after copying its files into ``out``; None if absent."""
        entry = self.root / key
        try:
            counts = json.loads((entry / "counts.json").read_text(encoding="utf-8"))
            for name in self.FILES:
                _copy_into(entry / name, out / name)
        except (OSError, ValueError):
            return None  # absent, or damaged: the graph is merged again
        os.utime(entry)  # most recently used
        return counts

    def put(self, key: str, out: Path, counts: dict) -> None:
        """Keep ``out``'s graph outputs under ``key``; a cache that cannot be written is skipped."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            building = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=self.root))
            try:
                for name in self.FILES:
                    shutil.copyfile(out / name, building / name)
                (building / "counts.json").write_text(json.dumps(counts), encoding="utf-8")
                shutil.rmtree(self.root / key, ignore_errors=True)
                building.rename(self.root / key)
            finally:
                shutil.rmtree(building, ignore_errors=True)
            self._evict()
        except OSError:
            return

    def put_index(self, key: str, out: Path) -> None:
        """Keep the query index built from the outputs of entry ``key``."""
        entry = self.root / key
        if entry.is_dir():
            try:
                _copy_into(out / output.INDEX, entry / output.INDEX)
            except OSError:
                return

    def restore_index(self, key: str, out: Path) -> bool:
        """Whether entry ``key``'s query index is now ``out``'s (re-stamped for ``out``'s files)."""
        index = self.root / key / output.INDEX
        return index.is_file() and adopt_index(index, out)

    def _evict(self) -> None:
        entries = sorted((p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[self.keep:]:
            shutil.rmtree(stale, ignore_errors=True)


def _copy_into(source: Path, dest: Path) -> None:
    """Copy ``source`` to ``dest`` through a temporary file renamed into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def entity_digest(records: Iterable) -> bytes:
    """The entity records fed to the merger, as bytes to hash (see ``GraphCache.key``)."""
    return b"\n".join(record.model_dump_json().encode() for record in records)
