"""The query index: ``index.sqlite`` beside a run's JSON Lines files.

The JSON Lines files and ``graph.json`` stay the record of a run; this SQLite file
is a derived, disposable view of them that answers filtered queries on millions of
merged claims without reading everything. It holds no copy of the records: one small
row per result record (claim node, quote node, entity, article) says where its JSON
lies in the run's files and carries the columns queries filter on, and side tables
keyed the way queries filter (entity, speaker, outlet, words) repeat those columns, so
a filter is an index look-up and its other conditions are checked in the same rows.

Tables (open it with ``sqlite3`` to look around). ``kind`` is a number: 0 quote,
1 claim, 2 entity, 3 article (``KIND_CODES``); dates are ``YYYYMMDD`` integers;
``date_low``/``date_high`` span all of a record's dates, and a month-only date
("2025-01") covers its whole month.

- ``records(rowid, kind, n_sources, has_conflict, date_low, date_high, at, size, json)``:
  one per result. ``at``/``size`` are the byte offset and length of the record's JSON:
  a node line of ``graph.json`` for claims and quotes, a line of ``entities.jsonl`` or
  ``articles.jsonl`` for entities and articles. ``json`` is set only for articles
  (their record without the body) and for a ``graph.json`` not written one node per line.
- ``keys(space, key, id)``: entity ids (``space`` 'entity') and case-folded outlets
  ('source') as small numbers, so the side tables repeat a number, not a string.
- ``names(name, whole, entity)``: every entity name and alias, case-folded
  (``whole=1``), and each word of them (``whole=0``), for ``--entity``/``--speaker``.
- ``record_entities``, ``record_speakers``, ``record_sources``: ``(kind, key, record,
  n_sources, has_conflict, date_low, date_high)``, ordered by (kind, key, record): a
  claim's subject, a quote's speaker, an entity itself, the entities an article mentions;
  a quote's speaker and a claim's speakers (of the quotes that state it); outlets.
- ``key_counts(kind, facet, key, n)``: rows per key of those three tables, so a query can
  start from its most selective filter and count one key without reading its rows.
- ``article_ids(id, record)``: an article's row by its id (``Run.article``).
- ``record_dates(record, low, high)``: each date of a record with several, for ``since``
  and ``until`` together.
- ``record_text``: FTS5 (contentless) over the words a ``--text`` filter looks at, and
  the record's keys as words of their own (``key_token``), so words and keys are
  intersected inside FTS5.
- ``meta(key, value)``: ``index_version``, the fingerprint of the files it was built
  from, and ``rows:KIND``: the first and last rowid of each kind (each kind numbers its
  rows in its own band, ``code << 40``, in file order, so listing one in order is a range scan).

It is rebuilt whole (into a temporary file, then renamed into place) whenever a query
finds it missing, of another version or older than the files it was built from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson

from extractor.dates import date_range
from extractor.models import Article, Provenance
from extractor.store import output
from extractor.store.graph_file import GraphFileError, is_streamable, iter_graph_records, iter_node_spans
from extractor.store.records import iter_articles_with_offsets, lines_with_offsets

INDEX_VERSION = 3
"""Bump whenever the tables or what goes into them change: older indexes are rebuilt."""

KINDS = ("claim", "quote", "entity", "article")
KIND_CODES = {"quote": 0, "claim": 1, "entity": 2, "article": 3}

# The files an index is derived from or vouches for (``build_index`` checks the run first); a
# change to any of them makes it stale. errors.jsonl is left out: every run rewrites it.
SOURCE_FILES = (output.GRAPH, output.ENTITIES, output.ARTICLES, output.QUOTES, output.CLAIMS)

# Where each kind's records lie.
RECORD_FILES = {"claim": output.GRAPH, "quote": output.GRAPH, "entity": output.ENTITIES, "article": output.ARTICLES}

# The columns every filter other than a key or words looks at, in ``records`` and in each side table.
FILTER_COLUMNS = ("n_sources", "has_conflict", "date_low", "date_high")

_FACET_COLUMNS = ("kind INTEGER NOT NULL, key INTEGER NOT NULL, record INTEGER NOT NULL, n_sources INTEGER NOT NULL, "
                  "has_conflict INTEGER NOT NULL, date_low INTEGER, date_high INTEGER")

# The keyed filters: facet name -> table.
FACETS = {"entity": "record_entities", "speaker": "record_speakers", "source": "record_sources"}
# The key space each facet's keys come from (a speaker is an entity).
KEY_SPACE = {"entity": "entity", "speaker": "entity", "source": "source"}

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    rowid INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    has_conflict INTEGER NOT NULL,
    date_low INTEGER,
    date_high INTEGER,
    at INTEGER,
    size INTEGER,
    json TEXT
);
CREATE TABLE keys (space TEXT NOT NULL, key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (space, key)) WITHOUT ROWID;
CREATE TABLE names (name TEXT NOT NULL, whole INTEGER NOT NULL, entity INTEGER NOT NULL,
                    PRIMARY KEY (name, whole, entity)) WITHOUT ROWID;
CREATE TABLE article_ids (id TEXT PRIMARY KEY, record INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE key_counts (kind INTEGER NOT NULL, facet TEXT NOT NULL, key INTEGER NOT NULL, n INTEGER NOT NULL,
                         PRIMARY KEY (kind, facet, key)) WITHOUT ROWID;
CREATE TABLE record_dates (record INTEGER NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL,
                           PRIMARY KEY (record, low, high)) WITHOUT ROWID;
CREATE TEMP TABLE facet_rows (facet INTEGER NOT NULL, {_FACET_COLUMNS});
CREATE TEMP TABLE mentioned (article TEXT NOT NULL, entity INTEGER NOT NULL);
CREATE TEMP TABLE stated (claim INTEGER NOT NULL, quote TEXT NOT NULL);
CREATE TEMP TABLE speakers (quote TEXT PRIMARY KEY, speaker INTEGER NOT NULL) WITHOUT ROWID;
""" + "".join(f"CREATE TABLE {table} ({_FACET_COLUMNS}, PRIMARY KEY (kind, key, record)) WITHOUT ROWID;\n"
              for table in FACETS.values())

# Created after the rows are in: building a b-tree once is faster than keeping it sorted.
# Each holds every filter column, so counting by filter columns alone reads one index.
_INDEXES = """
CREATE INDEX records_by_sources ON records (kind, n_sources, date_high, date_low);
CREATE INDEX records_by_conflict ON records (kind, has_conflict, n_sources, date_high, date_low);
CREATE INDEX records_by_date_high ON records (kind, date_high, date_low, n_sources);
CREATE INDEX records_by_date_low ON records (kind, date_low, date_high, n_sources);
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


def distinct_sources(provenance: Iterable[Provenance | dict], sources: Iterable[str], articles: Iterable[str]) -> int:
    """Distinct outlets; an article whose outlet is unknown counts as an outlet of its own."""
    keys = set()
    for p in provenance:
        source, article_id = (p.get("source"), p.get("article_id")) if isinstance(p, dict) else (p.source, p.article_id)
        keys.add(source_key(source) if source else f"article:{article_id}")
    if keys:
        return len(keys)
    return len({source_key(s) for s in sources}) or len(set(articles))


_date_range = lru_cache(maxsize=8192)(date_range)


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


def adopt_index(source: Path, out: Path) -> bool:
    """Make ``source``, an index built from files byte-identical to ``out``'s (a cached run's),
    the index of ``out``: copied beside it and stamped with ``out``'s fingerprint. False if
    it cannot be (another version, not a database): the caller builds one instead."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.INDEX}.", suffix=".tmp", dir=out)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(source, tmp)
        conn = sqlite3.connect(tmp)
        try:
            version = conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone()
            if version is None or version[0] != str(INDEX_VERSION):
                return False
            with conn:
                conn.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (fingerprint(out),))
        finally:
            conn.close()
        os.replace(tmp, out / output.INDEX)
        return True
    except (OSError, sqlite3.DatabaseError):
        return False
    finally:
        tmp.unlink(missing_ok=True)


def _fallback_path(out: Path) -> Path:
    digest = hashlib.sha1(str(out.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"extractor-index-{digest}.sqlite"


# ----------------------------------------------------------------- building

FACET_CODES = {facet: code for code, facet in enumerate(FACETS)}

# The keys each kind's full-text rows also hold as words (a claim's speakers and the entities
# an article mentions are joined in later, so they are not among them): words and keys
# together are then one FTS5 query, whose AND walks the shorter list and skips through the
# longer, where a key's rows and a common word's rows would otherwise be intersected row by row.
KEY_TOKENS = {"claim": ("entity", "source"), "quote": ("entity", "speaker", "source"),
              "entity": ("entity", "source"), "article": ("source",)}


def key_token(facet: str, key: int) -> str:
    """A key as a full-text word: letters and digits no English text holds ("0k2n17")."""
    return f"0k{FACET_CODES[facet]}n{key}"

# Records buffered before they are written to the index (rows of one record are small:
# the records themselves stay in the run's files).
FLUSH_EVERY = 20000


# Each kind's rows get rowids from their own band (``kind code << ROWID_BAND``), so one pass
# over graph.json, where claims and quotes come in any order, still numbers each kind's
# rows contiguously, in file order.
ROWID_BAND = 40


@dataclass
class _Builder:
    """Rows for every table, buffered and inserted in bulk, so building the index needs
    memory for one buffer (and the distinct keys), not for the whole run."""

    conn: sqlite3.Connection
    casefold_text: bool = False
    records: list[tuple] = field(default_factory=list)
    facet_rows: list[tuple] = field(default_factory=list)
    dates: list[tuple] = field(default_factory=list)
    text: list[tuple] = field(default_factory=list)
    keys: dict[tuple[str, str], int] = field(default_factory=dict)
    names: set[tuple[str, int, int]] = field(default_factory=set)
    named: set[tuple[str, int]] = field(default_factory=set)
    # kind -> [first rowid, last rowid]: rows of a kind are contiguous, so listing a kind
    # in order is a rowid range scan that a LIMIT stops early.
    ranges: dict[str, list[int]] = field(
        default_factory=lambda: {kind: [(code << ROWID_BAND) + 1, code << ROWID_BAND] for kind, code in KIND_CODES.items()})

    def key(self, space: str, key: str) -> int:
        number = self.keys.get((space, key))
        if number is None:
            number = self.keys[(space, key)] = len(self.keys) + 1
        return number

    def name(self, entity_id: str, *names: str) -> None:
        """An entity's names and each of their words, for ``--entity`` and ``--speaker``."""
        entity = self.key("entity", entity_id)
        for name in names:
            if (name, entity) in self.named:  # a subject or speaker named again by each of its records
                continue
            self.named.add((name, entity))
            self.names.add((normalise_name(name), 1, entity))
            self.names.update((word, 0, entity) for word in name_words(name))

    def add(self, kind: str, n_sources: int, conflict: bool, dates: Iterable[str | None], at: int | None,
            size: int | None, json_text: str | None, text: str,
            facets: dict[str, Iterable[str]], sources: Iterable[str | None]) -> int:
        """One record's rows; ``facets`` maps entity and speaker to entity ids. Returns its rowid."""
        span = self.ranges[kind]
        span[1] += 1
        rowid, code = span[1], KIND_CODES[kind]
        spans = {_date_range(d) for d in dates}
        spans.discard(None)
        if len(spans) > 1:  # one span is exactly (date_low, date_high): no need for the exact check
            self.dates.extend((rowid, a, b) for a, b in sorted(spans))  # type: ignore[misc]
        low = min(s[0] for s in spans) if spans else None  # type: ignore[index]
        high = max(s[1] for s in spans) if spans else None  # type: ignore[index]
        columns = (n_sources, int(conflict), low, high)
        self.records.append((rowid, code, *columns, at, size, json_text))
        facet_rows, tokens = self.facet_rows, []
        for facet, ids in facets.items():
            for key in {self.key("entity", i) for i in ids}:
                facet_rows.append((FACET_CODES[facet], code, key, rowid, *columns))
                tokens.append(key_token(facet, key))
        source = FACET_CODES["source"]
        for key in {self.key("source", source_key(s)) for s in sources if s}:
            facet_rows.append((source, code, key, rowid, *columns))
            tokens.append(key_token("source", key))
        if self.casefold_text:
            self.text.append((rowid, text.casefold()))
        else:
            self.text.append((rowid, " ".join((text, *tokens)) if tokens else text))
        if len(self.records) >= FLUSH_EVERY:
            self.flush()
        return rowid

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.records)
        self.conn.executemany("INSERT INTO facet_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.facet_rows)
        self.conn.executemany("INSERT INTO record_dates VALUES (?, ?, ?)", self.dates)
        self.conn.executemany("INSERT INTO record_text (rowid, text) VALUES (?, ?)", self.text)
        for rows in (self.records, self.facet_rows, self.dates, self.text):
            rows.clear()


def _graph_nodes(out: Path) -> Iterator[tuple[int, int | None, int | None, str | None, dict]]:
    """(number, offset, length, inline JSON, node) of each claim and quote node of ``graph.json``.

    A graph written one node per line (every ``extractor run``) is read as it lies, and
    the index keeps each node's offset; any other node-link file is parsed whole and its
    nodes, checked against their model, are kept in the index.
    """
    path = out / output.GRAPH
    if not path.is_file():
        raise output.RunFolderError(f"{path}: missing; the run did not finish: re-run `extractor run` into {out}")
    try:
        if is_streamable(path):
            for number, at, size, node in iter_node_spans(path, loads=orjson.loads):
                if node.get("kind") in ("claim", "quote"):
                    yield number, at, size, None, node
            return
    except GraphFileError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise output.RunFolderError(f"{where}: {exc.reason}; the file is corrupt or truncated: "
                                    "re-run `extractor run`") from exc
    for number, record in enumerate(iter_graph_records(out), start=1):
        yield number, None, None, record.model_dump_json(), record.model_dump(mode="json")


def _bad_record(path: Path, number: int, what: str, exc: Exception) -> output.RunFolderError:
    return output.RunFolderError(f"{path}: record {number} is not a valid {what} ({type(exc).__name__}: {exc}); "
                                 "the file is corrupt: re-run `extractor run`")


def _fill(out: Path, rows: _Builder) -> None:
    """Every record of the run, streamed from its files: graph.json once, then the entities and articles."""
    graph = out / output.GRAPH
    # A claim's speakers are those of the quotes that state it: joined in SQL by ``_finish``.
    stated: list[tuple[int, str]] = []
    speakers: list[tuple[str, int]] = []
    for number, at, size, inline, node in _graph_nodes(out):
        kind = node["kind"]
        try:
            if kind == "quote":
                speaker = node.get("speaker")
                rowid = _quote_rows(rows, node, at, size, inline)
                if speaker:
                    rows.name(speaker["id"], speaker["name"])
                    speakers.append((node["id"], rows.key("entity", speaker["id"])))
            else:
                subject = node.get("subject")
                if subject:
                    rows.name(subject["id"], subject["name"])
                rowid = _claim_rows(rows, node, at, size, inline)
                stated.extend((rowid, quote) for quote in node.get("quotes") or [])
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise _bad_record(graph, number, "ClaimNode" if kind == "claim" else "QuoteNode", exc) from exc
        if len(stated) + len(speakers) >= FLUSH_EVERY:
            rows.conn.executemany("INSERT INTO stated VALUES (?, ?)", stated)
            rows.conn.executemany("INSERT OR IGNORE INTO speakers VALUES (?, ?)", speakers)
            stated.clear()
            speakers.clear()
    rows.conn.executemany("INSERT INTO stated VALUES (?, ?)", stated)
    rows.conn.executemany("INSERT OR IGNORE INTO speakers VALUES (?, ?)", speakers)
    path = out / output.ENTITIES
    mentioned: list[tuple[str, int]] = []
    for number, at, line in lines_with_offsets(path):
        try:
            entity = orjson.loads(line)
            rows.name(entity["id"], entity["name"], *(entity.get("aliases") or []))
            _entity_rows(rows, entity, at, len(line))
            key = rows.key("entity", entity["id"])
            mentioned.extend({(m["article_id"], key) for m in entity.get("mentions") or []})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise _bad_record(path, number, "Entity", exc) from exc
        if len(mentioned) >= FLUSH_EVERY:
            rows.conn.executemany("INSERT INTO mentioned VALUES (?, ?)", mentioned)
            mentioned.clear()
    rows.conn.executemany("INSERT INTO mentioned VALUES (?, ?)", mentioned)
    ids = []
    for offset, article, size in iter_articles_with_offsets(out / output.ARTICLES):
        rowid = _article_rows(rows, article, offset, size)
        ids.append((article.id, rowid))
        if len(ids) >= FLUSH_EVERY:
            rows.conn.executemany("INSERT OR IGNORE INTO article_ids VALUES (?, ?)", ids)
            ids.clear()
    rows.conn.executemany("INSERT OR IGNORE INTO article_ids VALUES (?, ?)", ids)
    rows.flush()


def _provenance(node: dict) -> list[dict]:
    return node.get("provenance") or []


def _claim_rows(rows: _Builder, node: dict, at: int | None, size: int | None, inline: str | None) -> int:
    provenance = _provenance(node)
    # The claim's own date when it has one ("the figure for March"), else when it was reported.
    dates = [node.get("date")] if _date_range(node.get("date")) else [p.get("published") for p in provenance]
    subject = node.get("subject")
    return rows.add("claim", distinct_sources(provenance, node.get("sources") or [], node.get("articles") or []),
                    bool(node.get("conflicts_with")), dates, at, size, inline,
                    " ".join(filter(None, (node.get("text"), node.get("metric")))),
                    {"entity": [subject["id"]] if subject else []},
                    [*(node.get("sources") or []), *(p.get("source") for p in provenance)])


def _quote_rows(rows: _Builder, node: dict, at: int | None, size: int | None, inline: str | None) -> int:
    provenance = _provenance(node)
    speaker = [node["speaker"]["id"]] if node.get("speaker") else []
    return rows.add("quote", distinct_sources(provenance, node.get("sources") or [], node.get("articles") or []),
                    False, [p.get("published") for p in provenance], at, size, inline, node.get("text") or "",
                    {"entity": speaker, "speaker": speaker},
                    [*(node.get("sources") or []), *(p.get("source") for p in provenance)])


def _entity_rows(rows: _Builder, entity: dict, at: int, size: int) -> None:
    provenance = _provenance(entity)
    rows.add("entity", distinct_sources(provenance, [], []), False, [p.get("published") for p in provenance],
             at, size, None, " ".join((entity["name"], *(entity.get("aliases") or []))),
             {"entity": [entity["id"]]}, [p.get("source") for p in provenance])


def _article_rows(rows: _Builder, article: Article, offset: int, size: int) -> int:
    """An article without its body (``Run.article`` reads that back by offset); the
    entities it mentions are joined in by ``_finish`` from the ``mentioned`` table."""
    return rows.add("article", 1, False, [article.published], offset, size,
                    article.model_copy(update={"text": ""}).model_dump_json(),
                    " ".join(filter(None, (article.title, *article.highlights))), {}, [article.source])


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
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA page_size = 8192")
        conn.execute("PRAGMA cache_size = -131072")  # 128 MB: the side tables are sorted in memory
        conn.executescript(_SCHEMA)
        if text_search == "fts5":
            conn.execute("CREATE VIRTUAL TABLE record_text USING fts5(text, content='', columnsize=0, "
                         "tokenize='unicode61 remove_diacritics 2')")
        else:
            conn.execute("CREATE TABLE record_text (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        rows = _Builder(conn, casefold_text=text_search != "fts5")
        with conn:
            _fill(out, rows)
            _finish(conn, rows)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("index_version", str(INDEX_VERSION)), ("fingerprint", stamp), ("text_search", text_search),
                *((f"rows:{kind}", f"{a} {b}") for kind, (a, b) in rows.ranges.items())])
        conn.executescript(_INDEXES)
        if text_search == "fts5":
            conn.execute("INSERT INTO record_text (record_text) VALUES ('optimize')")
        # Statistics let the planner pick the most selective filter; a sample is enough.
        conn.execute("PRAGMA analysis_limit = 1000")
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()


def _finish(conn: sqlite3.Connection, rows: _Builder) -> None:
    """The side tables, each written once in key order, and the small tables."""
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?)", sorted((s, k, n) for (s, k), n in rows.keys.items()))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?)", sorted(rows.names))
    conn.execute("INSERT INTO facet_rows SELECT DISTINCT ?, r.kind, m.entity, r.rowid, r.n_sources, r.has_conflict, "
                 "r.date_low, r.date_high FROM mentioned AS m JOIN article_ids AS a ON a.id = m.article "
                 "JOIN records AS r ON r.rowid = a.record", (FACET_CODES["entity"],))
    conn.execute("DROP TABLE mentioned")
    conn.execute("INSERT INTO facet_rows SELECT DISTINCT ?, r.kind, q.speaker, r.rowid, r.n_sources, r.has_conflict, "
                 "r.date_low, r.date_high FROM stated AS s JOIN speakers AS q ON q.quote = s.quote "
                 "JOIN records AS r ON r.rowid = s.claim", (FACET_CODES["speaker"],))
    conn.execute("DROP TABLE stated")
    conn.execute("DROP TABLE speakers")
    for facet, table in FACETS.items():
        conn.execute(f"INSERT OR IGNORE INTO {table} SELECT kind, key, record, n_sources, has_conflict, date_low, "
                     "date_high FROM facet_rows WHERE facet = ? ORDER BY kind, key, record", (FACET_CODES[facet],))
        conn.execute(f"INSERT INTO key_counts SELECT kind, ?, key, count(*) FROM {table} GROUP BY kind, key",
                     (facet,))
    conn.execute("DROP TABLE facet_rows")
