"""The query index: ``index.sqlite`` beside a run's JSON Lines files.

The JSON Lines files and ``graph.json`` stay the record of a run; this SQLite file
is a derived, disposable view of them that answers filtered queries on millions of
merged claims without reading everything. One row per result record (claim node,
quote node, entity, article without its body) holds the record's full JSON, and
side tables keyed the way queries filter (entity id, speaker id, outlet, words)
point at those rows, so a filter is an index look-up, not a scan.

Tables (open it with ``sqlite3`` to look around; ``json_extract`` works on ``json``):

- ``records(rowid, kind, id, n_sources, has_conflict, date_low, date_high, offset, json)``:
  one per result. Dates are ``YYYYMMDD`` integers; ``date_low``/``date_high`` span all
  of a record's dates, and a month-only date ("2025-01") covers its whole month.
- ``names(name, entity_id, whole)``: every entity name and alias, case-folded
  (``whole=1``), and each word of them (``whole=0``), for ``--entity``/``--speaker``.
- ``record_entities(kind, key, record)``: a claim's subject, a quote's speaker, an
  entity itself, the entities an article mentions (key: entity id).
- ``record_speakers(kind, key, record)``: a quote's speaker, and for a claim the
  speakers of the quotes that state it.
- ``record_sources(kind, key, record)``: outlets, case-folded.
- ``key_counts(kind, facet, key, n)``: rows per key of the three tables above, so a
  query can start from its most selective filter.
- ``record_dates(record, low, high)``: each date of a record, for ``since`` and
  ``until`` together on a record with several dates.
- ``record_text``: FTS5 over the words a ``--text`` filter looks at.
- ``meta(key, value)``: ``index_version``, the fingerprint of the files it was built
  from, and ``rows:KIND``: the first and last rowid of each kind (rows of a kind are
  contiguous, so listing one in order is a range scan).

It is rebuilt whole (into a temporary file, then renamed into place) at the end of
every run and whenever a query finds it missing, of another version or older than
the files it was built from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from extractor.dates import date_range
from extractor.models import Article, ClaimNode, Entity, Provenance, QuoteNode
from extractor.store import output
from extractor.store.graph_file import iter_graph_records

INDEX_VERSION = 1
"""Bump whenever the tables or what goes into them change: older indexes are rebuilt."""

KINDS = ("claim", "quote", "entity", "article")

# The files an index is derived from or vouches for (``build_index`` checks the run first); a
# change to any of them makes it stale. errors.jsonl is left out: every run rewrites it.
SOURCE_FILES = (output.GRAPH, output.ENTITIES, output.ARTICLES, output.QUOTES, output.CLAIMS)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    n_sources INTEGER NOT NULL,
    has_conflict INTEGER NOT NULL DEFAULT 0,
    date_low INTEGER,
    date_high INTEGER,
    offset INTEGER,
    json TEXT NOT NULL
);
CREATE TABLE names (name TEXT NOT NULL, entity_id TEXT NOT NULL, whole INTEGER NOT NULL,
                    PRIMARY KEY (name, whole, entity_id)) WITHOUT ROWID;
CREATE TABLE record_entities (kind TEXT NOT NULL, key TEXT NOT NULL, record INTEGER NOT NULL,
                              PRIMARY KEY (kind, key, record)) WITHOUT ROWID;
CREATE TABLE record_speakers (kind TEXT NOT NULL, key TEXT NOT NULL, record INTEGER NOT NULL,
                              PRIMARY KEY (kind, key, record)) WITHOUT ROWID;
CREATE TABLE record_sources (kind TEXT NOT NULL, key TEXT NOT NULL, record INTEGER NOT NULL,
                             PRIMARY KEY (kind, key, record)) WITHOUT ROWID;
CREATE TABLE key_counts (kind TEXT NOT NULL, facet TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
                         PRIMARY KEY (kind, facet, key)) WITHOUT ROWID;
CREATE TABLE record_dates (record INTEGER NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL,
                           PRIMARY KEY (record, low, high)) WITHOUT ROWID;
"""

# The keyed filters: facet name -> table (``key`` column, then ``record``).
FACETS = {"entity": "record_entities", "speaker": "record_speakers", "source": "record_sources"}

# Created after the rows are in: building a b-tree once is faster than keeping it sorted.
_INDEXES = """
CREATE UNIQUE INDEX records_by_id ON records (kind, id);
CREATE INDEX records_by_sources ON records (kind, n_sources);
CREATE INDEX records_by_conflict ON records (kind, has_conflict);
CREATE INDEX records_by_date_high ON records (kind, date_high);
CREATE INDEX records_by_date_low ON records (kind, date_low);
"""

# Words inside names: "Sam Altman" -> sam, altman; "DeepSeek-V3" -> deepseek-v3.
_WORD_RE = re.compile(r"\w+(?:[-'.&]\w+)*")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A name as the index compares it: Unicode-normalised, case-folded, single-spaced."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold().split())


def name_words(name: str) -> list[str]:
    """The words of a name, normalised, so one word ("altman") can find "Sam Altman"."""
    return _WORD_RE.findall(normalise_name(name))


@lru_cache(maxsize=4096)
def source_key(source: str) -> str:
    """An outlet as the index compares it: case-folded, without a leading ``www.``."""
    key = normalise_name(source)
    return key.removeprefix("www.")


def distinct_sources(provenance: Iterable[Provenance], sources: list[str], articles: list[str]) -> int:
    """Distinct outlets; an article whose outlet is unknown counts as an outlet of its own."""
    keys = {source_key(p.source) if p.source else f"article:{p.article_id}" for p in provenance}
    if keys:
        return len(keys)
    return len({source_key(s) for s in sources}) or len(set(articles))


# --------------------------------------------------------------- freshness


def fingerprint(out: Path) -> str:
    """Size and modification time of every file the index is built from."""
    parts = {}
    for name in SOURCE_FILES:
        path = out / name
        try:
            stat = path.stat()
            parts[name] = [stat.st_size, stat.st_mtime_ns]
        except FileNotFoundError:
            parts[name] = None
    return json.dumps(parts, sort_keys=True)


def index_status(out: Path, index: Path | None = None) -> str:
    """``ok``, or why the index cannot be used as it is: ``missing``, ``old_version``, ``stale``, ``corrupt``."""
    index = index or out / output.INDEX
    if not index.is_file():
        return "missing"
    try:
        conn = sqlite3.connect(index.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "corrupt"
    if meta.get("index_version") != str(INDEX_VERSION):
        return "old_version"
    if meta.get("fingerprint") != fingerprint(out):
        return "stale"
    return "ok"


def ensure_index(out: Path) -> Path:
    """The path of a current index for ``out``, building it first when needed.

    When the run folder is read-only the index is built in the temporary folder
    instead, so queries still work on a run someone else owns.
    """
    index = out / output.INDEX
    if index_status(out, index) == "ok":
        return index
    try:
        return build_index(out)
    except PermissionError:
        fallback = _fallback_path(out)
        if index_status(out, fallback) == "ok":
            return fallback
        return build_index(out, dest=fallback)


def _fallback_path(out: Path) -> Path:
    digest = hashlib.sha1(str(out.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"extractor-index-{digest}.sqlite"


# ------------------------------------------------------------------ reading


def iter_articles_with_offsets(path: Path) -> Iterator[tuple[int, Article]]:
    """Each article of ``articles.jsonl`` with the byte offset of its line (for reading it back)."""
    if not path.exists():
        return
    offset = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                yield start, Article.model_validate_json(line)
            except ValidationError as exc:
                reason = exc.errors()[0].get("msg", "invalid record")
                raise output.RunFolderError(f"{path}:{number}: not a valid Article record ({reason}); "
                                            "the file is corrupt or truncated: re-run `extractor run`") from exc


def read_article_at(path: Path, offset: int) -> Article:
    """The full article (with its text) whose line starts at ``offset``."""
    with path.open("rb") as handle:
        handle.seek(offset)
        line = handle.readline()
    try:
        return Article.model_validate_json(line)
    except ValidationError as exc:
        raise output.RunFolderError(f"{path}: no article at byte {offset}; the file changed after the index "
                                    "was built: query again to rebuild it") from exc


# ----------------------------------------------------------------- building


@dataclass
class _Rows:
    """Rows for every table, buffered and inserted in bulk every ``FLUSH_EVERY`` records
    or ``FLUSH_BYTES`` of record JSON (an entity named in every article is megabytes),
    so building the index needs memory for one buffer, not for the whole run."""

    records: list[tuple] = field(default_factory=list)
    dates: list[tuple] = field(default_factory=list)
    text: list[tuple] = field(default_factory=list)
    keyed: dict[str, list[tuple]] = field(default_factory=lambda: {facet: [] for facet in FACETS})
    # kind -> [first rowid, last rowid]: rows of a kind are contiguous, so listing a kind
    # in order is a rowid range scan that a LIMIT stops early.
    ranges: dict[str, list[int]] = field(default_factory=lambda: {kind: [1, 0] for kind in KINDS})
    casefold_text: bool = False
    json_bytes: int = 0

    def add(self, kind: str, rowid: int, record_id: str, n_sources: int, conflict: bool, offset: int | None,
            json_text: str, text: str, dates: Iterable[str | None]) -> None:
        spans = sorted({date_range(d) for d in dates} - {None})  # type: ignore[type-var]
        low = min(s[0] for s in spans) if spans else None  # type: ignore[index]
        high = max(s[1] for s in spans) if spans else None  # type: ignore[index]
        self.records.append((rowid, kind, record_id, n_sources, int(conflict), low, high, offset, json_text))
        self.json_bytes += len(json_text)
        span = self.ranges[kind]
        if span[1] < span[0]:
            span[0] = rowid
        span[1] = rowid
        self.text.append((rowid, text.casefold() if self.casefold_text else text))
        if len(spans) > 1:  # one span is exactly (date_low, date_high): no need for the exact check
            self.dates.extend((rowid, a, b) for a, b in spans)  # type: ignore[misc]

    def add_sources(self, kind: str, rowid: int, sources: Iterable[str | None]) -> None:
        for key in {source_key(s) for s in sources if s}:
            self.keyed["source"].append((kind, key, rowid))

    def flush(self, conn: sqlite3.Connection, force: bool = False) -> None:
        if len(self.records) < FLUSH_EVERY and self.json_bytes < FLUSH_BYTES and not force:
            return
        conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.records)
        for facet, table in FACETS.items():
            conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?)", sorted(set(self.keyed[facet])))
            self.keyed[facet].clear()
        conn.executemany("INSERT INTO record_dates VALUES (?, ?, ?)", self.dates)
        conn.executemany("INSERT INTO record_text (rowid, text) VALUES (?, ?)", self.text)
        self.records.clear()
        self.dates.clear()
        self.text.clear()
        self.json_bytes = 0


# Records (or characters of their JSON) buffered before they are written to the index.
FLUSH_EVERY = 5000
FLUSH_BYTES = 4_000_000


def _names(names: Iterable[tuple[str, str]]) -> set[tuple[str, str, int]]:
    rows: set[tuple[str, str, int]] = set()
    for entity_id, name in names:
        rows.add((normalise_name(name), entity_id, 1))
        for word in name_words(name):
            rows.add((word, entity_id, 0))
    return rows


def _fill(conn: sqlite3.Connection, out: Path, rows: _Rows) -> None:
    """Every record of the run, one kind after another, streamed from its files."""
    names: set[tuple[str, str]] = set()
    rowid = 0
    # Quotes first: a claim's rows need the speakers of the quotes that state it.
    speaker_of: dict[str, str] = {}
    for quote in iter_graph_records(out, kinds=("quote",)):
        rowid += 1
        _quote_rows(rows, rowid, quote)  # type: ignore[arg-type]
        if quote.speaker:  # type: ignore[union-attr]
            speaker_of[quote.id] = quote.speaker.id  # type: ignore[union-attr]
            names.add((quote.speaker.id, quote.speaker.name))  # type: ignore[union-attr]
        rows.flush(conn)
    for claim in iter_graph_records(out, kinds=("claim",)):
        rowid += 1
        _claim_rows(rows, rowid, claim, speaker_of)  # type: ignore[arg-type]
        if claim.subject:
            names.add((claim.subject.id, claim.subject.name))
        rows.flush(conn)
    del speaker_of
    conn.execute("CREATE TEMP TABLE mentioned (article TEXT NOT NULL, entity TEXT NOT NULL)")
    for entity in output.iter_records(out / output.ENTITIES, Entity):
        rowid += 1
        _entity_rows(rows, rowid, entity)
        names.update((entity.id, name) for name in (entity.name, *entity.aliases))
        conn.executemany("INSERT INTO mentioned VALUES (?, ?)", {(m.article_id, entity.id) for m in entity.mentions})
        rows.flush(conn)
    for offset, article in iter_articles_with_offsets(out / output.ARTICLES):
        rowid += 1
        _article_rows(rows, rowid, article, offset)
        rows.flush(conn)
    rows.flush(conn, force=True)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", sorted(_names(names)))


def _claim_rows(rows: _Rows, rowid: int, claim: ClaimNode, speaker_of: dict[str, str]) -> None:
    # The claim's own date when it has one ("the figure for March"), else when it was reported.
    dates = [claim.date] if date_range(claim.date) else [p.published for p in claim.provenance]
    rows.add("claim", rowid, claim.id, distinct_sources(claim.provenance, claim.sources, claim.articles),
             bool(claim.conflicts_with), None, claim.model_dump_json(),
             " ".join(filter(None, (claim.text, claim.metric))), dates)
    if claim.subject:
        rows.keyed["entity"].append(("claim", claim.subject.id, rowid))
    for speaker in {speaker_of[q] for q in claim.quotes if speaker_of.get(q)}:
        rows.keyed["speaker"].append(("claim", speaker, rowid))
    rows.add_sources("claim", rowid, [*claim.sources, *(p.source for p in claim.provenance)])


def _entity_rows(rows: _Rows, rowid: int, entity: Entity) -> None:
    rows.add("entity", rowid, entity.id, distinct_sources(entity.provenance, [], []), False, None,
             entity.model_dump_json(), " ".join((entity.name, *entity.aliases)),
             [p.published for p in entity.provenance])
    rows.keyed["entity"].append(("entity", entity.id, rowid))
    rows.add_sources("entity", rowid, [p.source for p in entity.provenance])


def _article_rows(rows: _Rows, rowid: int, article: Article, offset: int) -> None:
    """An article without its body (``Run.article`` reads that back by ``offset``); the
    entities it mentions are joined in by ``_write`` from the ``mentioned`` table."""
    rows.add("article", rowid, article.id, 1, False, offset, article.model_copy(update={"text": ""}).model_dump_json(),
             " ".join(filter(None, (article.title, *article.highlights))), [article.published])
    rows.add_sources("article", rowid, [article.source])


def _quote_rows(rows: _Rows, rowid: int, quote: QuoteNode) -> None:
    rows.add("quote", rowid, quote.id, distinct_sources(quote.provenance, quote.sources, quote.articles),
             False, None, quote.model_dump_json(), quote.text, [p.published for p in quote.provenance])
    if quote.speaker:
        rows.keyed["entity"].append(("quote", quote.speaker.id, rowid))
        rows.keyed["speaker"].append(("quote", quote.speaker.id, rowid))
    rows.add_sources("quote", rowid, [*quote.sources, *(p.source for p in quote.provenance)])


def fts5_available() -> bool:
    """Whether this Python's SQLite has the FTS5 extension (nearly every build does)."""
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


def build_index(out: Path, dest: Path | None = None) -> Path:
    """Write ``out/index.sqlite`` from the run's graph, entities and articles; returns its path.

    Built into a temporary file beside it and renamed into place, so a query never
    sees a half-built index. Rebuilding from scratch keeps it right after an
    incremental run, where merged nodes change ids and provenance. Records are
    streamed from the files, so memory stays flat however large the run.
    """
    out = Path(out)
    output.check_run(out)
    dest = dest or out / output.INDEX
    stamp = fingerprint(out)  # before reading: a file changed meanwhile makes the index stale, not wrong
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _write(tmp, out, stamp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def _write(path: Path, out: Path, stamp: str) -> None:
    text_search = "fts5" if fts5_available() else "like"
    rows = _Rows(casefold_text=text_search != "fts5")
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA page_size = 8192")
        conn.executescript(_SCHEMA)
        if text_search == "fts5":
            conn.execute("CREATE VIRTUAL TABLE record_text USING fts5(text, content='', "
                         "tokenize='unicode61 remove_diacritics 2')")
        else:
            conn.execute("CREATE TABLE record_text (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        with conn:
            _fill(conn, out, rows)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("index_version", str(INDEX_VERSION)), ("fingerprint", stamp), ("text_search", text_search),
                *((f"rows:{kind}", f"{a} {b}") for kind, (a, b) in rows.ranges.items())])
        conn.executescript(_INDEXES)
        with conn:
            conn.execute("INSERT OR IGNORE INTO record_entities SELECT DISTINCT 'article', m.entity, r.rowid "
                         "FROM mentioned AS m JOIN records AS r ON r.kind = 'article' AND r.id = m.article")
            conn.execute("DROP TABLE mentioned")
            for facet, table in FACETS.items():
                conn.execute(f"INSERT INTO key_counts SELECT kind, ?, key, count(*) FROM {table} GROUP BY kind, key",
                             (facet,))
        # Statistics let the planner pick the most selective filter; a sample is enough.
        conn.execute("PRAGMA analysis_limit = 1000")
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
