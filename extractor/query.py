"""Query a run's output: merged claims, quotes, entities and articles, filtered.

The Python API behind ``extractor query``::

    from extractor.query import open_run

    run = open_run("out")
    for claim in run.query("claim", entity="nvidia", min_sources=2):
        print(claim.value, claim.unit, claim.sources)

    run.count("quote", speaker="altman")      # how many, without reading them
    run.article("8121656aa8c5b030").text      # an article's body

Results are the typed records of ``extractor.models`` (``ClaimNode``, ``QuoteNode``,
``Entity``, ``Article``), each carrying its provenance (outlets, article ids,
titles, URLs, spans); article results leave the body out (``text`` is empty, and
``Run.article`` reads it). Filters combine with AND; a bad one raises ``QueryError``.
The work is done by the SQLite index beside the run (``extractor.store.index``),
which is rebuilt on the spot when it is missing, of another version, or older than
the run's files.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from extractor.dates import day_number
from extractor.errors import RunFolderError, UsageError
from extractor.models import Article, ClaimNode, Entity, QuoteNode
from extractor.store import output
from extractor.store.index import (
    FACETS,
    KINDS,
    ensure_index,
    name_words,
    normalise_name,
    read_article_at,
    source_key,
)

ResultRecord = ClaimNode | QuoteNode | Entity | Article

MODELS: dict[str, type[ResultRecord]] = {"claim": ClaimNode, "quote": QuoteNode, "entity": Entity, "article": Article}

# Which kinds each filter makes sense for; any other combination is a QueryError.
SPEAKER_KINDS = ("quote", "claim")  # a claim's speakers are those of the quotes that state it
CONFLICT_KINDS = ("claim",)

PLURALS = {"claim": "claims", "quote": "quotes", "entity": "entities", "article": "articles"}

# A column filter matching at least this many rows is dense: scanning the kind's rows in
# order finds a page of results sooner than collecting and sorting every match.
DENSE_FROM = 5000

_WORD_RE = re.compile(r"\w")


class QueryError(UsageError, ValueError):
    """A query that cannot be run as asked: unknown kind, a filter that does not apply, a date that does not parse."""


@dataclass(frozen=True)
class Filters:
    """The filters of one query, checked and normalised (dates as ``YYYYMMDD`` integers)."""

    kind: str
    entity: str | None = None
    speaker: str | None = None
    source: str | None = None
    since: int | None = None
    until: int | None = None
    min_sources: int | None = None
    conflicts: bool = False
    words: tuple[str, ...] = ()
    limit: int | None = None


def parse_date(text: str, *, end: bool = False) -> int:
    """A date as people write it ("2025-01-27", "27 Jan 2025", "last week") as ``YYYYMMDD``.

    A year or month alone stands for its first day (``since``) or its last (``until``,
    with ``end=True``), so ``--until 2025-01`` includes the 31st.
    """
    day = day_number(text, end=end)
    if day is None:
        raise QueryError(f"cannot read the date {text!r}; write it like 2025-01-27, '27 Jan 2025' or 'last week'")
    return day


def make_filters(kind: str = "claim", *, entity: str | None = None, speaker: str | None = None,
                 source: str | None = None, since: str | None = None, until: str | None = None,
                 min_sources: int | None = None, conflicts: bool = False, text: str | None = None,
                 limit: int | None = None) -> Filters:
    """Check a query's arguments and normalise them; every mistake is a ``QueryError``."""
    if kind not in KINDS:
        raise QueryError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if speaker is not None and kind not in SPEAKER_KINDS:
        raise QueryError(f"--speaker filters quotes and claims, not {PLURALS[kind]}; use --entity")
    if conflicts and kind not in CONFLICT_KINDS:
        raise QueryError(f"--conflicts filters claims, not {PLURALS[kind]}")
    for name, value in (("entity", entity), ("speaker", speaker), ("source", source)):
        if value is not None and not value.strip():
            raise QueryError(f"--{name} needs a name, not an empty string")
    if min_sources is not None and min_sources < 1:
        raise QueryError(f"--min-sources must be 1 or more, not {min_sources}")
    if limit is not None and limit < 0:
        raise QueryError(f"--limit must be 0 or more, not {limit}")
    words: tuple[str, ...] = ()
    if text is not None:
        words = tuple(w for w in text.split() if _WORD_RE.search(w))
        if not words:
            raise QueryError(f"--text {text!r} has no words to look for")
    low = parse_date(since) if since is not None else None
    high = parse_date(until, end=True) if until is not None else None
    if low is not None and high is not None and low > high:
        raise QueryError(f"--since {since!r} is after --until {until!r}")
    return Filters(kind=kind, entity=entity, speaker=speaker, source=source, since=low, until=high,
                   min_sources=min_sources, conflicts=conflicts, words=words, limit=limit)


class Run:
    """A run's output folder opened for queries (see ``open_run``)."""

    def __init__(self, folder: Path, index: Path):
        self.folder = folder
        self.index = index
        self._conn = sqlite3.connect(index.resolve().as_uri() + "?mode=ro", uri=True)
        meta = dict(self._fetch("SELECT key, value FROM meta", ()))
        self._text_search = meta.get("text_search", "fts5")
        self._rows = {kind: tuple(int(n) for n in meta[f"rows:{kind}"].split()) for kind in KINDS}

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, kind: str = "claim", *, entity: str | None = None, speaker: str | None = None,
              source: str | None = None, since: str | None = None, until: str | None = None,
              min_sources: int | None = None, conflicts: bool = False, text: str | None = None,
              limit: int | None = None) -> Iterator[ResultRecord]:
        """Records of ``kind`` that pass every filter given, in the run's order.

        - ``entity``: a name or alias, any case ("nvidia"); a single word that is no
          whole name matches any word of one. Claims: the subject; quotes: the speaker;
          entities: the entity; articles: articles that mention it.
        - ``speaker``: quotes by that person ("altman" finds "Sam Altman"); claims
          stated in their quotes.
        - ``source``: an outlet, any case.
        - ``since`` / ``until``: dates as people write them, inclusive. Claims use their
          own date, else the publication dates; the rest use publication dates.
        - ``min_sources``: at least N distinct outlets (an article without one counts alone).
        - ``conflicts``: claims that another claim contradicts.
        - ``text``: every word appears: claims in their words or metric, quotes in the
          quoted words, entities in a name, articles in the title or highlights.

        Raises ``QueryError`` (at the call, not while iterating) for a bad argument.
        """
        filters = make_filters(kind, entity=entity, speaker=speaker, source=source, since=since, until=until,
                               min_sources=min_sources, conflicts=conflicts, text=text, limit=limit)
        sql, params = self._select(filters, "r.json")
        if sql is None:
            return iter(())
        model = MODELS[kind]
        return (model.model_validate_json(row[0]) for row in self._fetch(sql, params))

    def count(self, kind: str = "claim", **filters: object) -> int:
        """How many records ``query`` would yield with the same filters (``limit`` ignored)."""
        checked = make_filters(kind, **{**filters, "limit": None})  # type: ignore[arg-type]
        sql, params = self._select(checked, "count(*)")
        return 0 if sql is None else next(self._fetch(sql, params))[0]

    def article(self, article_id: str) -> Article:
        """The full article, body included (query results for articles leave the body out)."""
        row = self._conn.execute("SELECT offset FROM records WHERE kind = 'article' AND id = ?",
                                 (article_id,)).fetchone()
        if row is None or row[0] is None:
            raise QueryError(f"no article {article_id!r} in {self.folder}")
        return read_article_at(self.folder / output.ARTICLES, row[0])

    # ------------------------------------------------------------ SQL

    def _fetch(self, sql: str, params: Iterable) -> Iterator[tuple]:
        """Rows of a statement; a damaged index is a ``RunFolderError`` that says how to mend it."""
        try:
            yield from self._conn.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            raise RunFolderError(f"{self.index}: {exc}; delete it and query again (it is rebuilt)") from exc

    def entity_ids(self, name: str, *, words: bool) -> list[str]:
        """Entity ids whose name or alias is ``name``; with ``words``, a single word may match a word of it."""
        whole = normalise_name(name)
        ids = [r[0] for r in self._conn.execute("SELECT entity_id FROM names WHERE name = ? AND whole = 1", (whole,))]
        parts = name_words(name)
        if (words or not ids) and len(parts) == 1:
            ids += [r[0] for r in self._conn.execute(
                "SELECT entity_id FROM names WHERE name = ? AND whole = 0", (parts[0],))]
        return sorted(set(ids))

    def _keyed(self, f: Filters) -> list[tuple[int, str, list[str]]] | None:
        """The filters looked up by key, as (rows they match, facet, keys), fewest first; None if one matches nothing."""
        wanted: list[tuple[str, list[str]]] = []
        if f.entity is not None:
            wanted.append(("entity", self.entity_ids(f.entity, words=False)))
        if f.speaker is not None:
            wanted.append(("speaker", self.entity_ids(f.speaker, words=True)))
        if f.source is not None:
            wanted.append(("source", [source_key(f.source)]))
        keyed = []
        for facet, keys in wanted:
            marks = ", ".join("?" * len(keys))
            n = self._conn.execute(f"SELECT coalesce(sum(n), 0) FROM key_counts WHERE kind = ? AND facet = ? "
                                   f"AND key IN ({marks})", (f.kind, facet, *keys)).fetchone()[0] if keys else 0
            if n == 0:
                return None
            keyed.append((n, facet, keys))
        return sorted(keyed)

    def _column_filters(self, f: Filters) -> list[tuple[str, list]]:
        """Filters on the records table itself, each backed by an index on (kind, column)."""
        filters: list[tuple[str, list]] = []
        if f.conflicts:
            filters.append(("r.has_conflict = 1", []))
        if f.min_sources is not None:
            filters.append(("r.n_sources >= ?", [f.min_sources]))
        if f.since is not None:
            filters.append(("r.date_high >= ?", [f.since]))
        if f.until is not None:
            filters.append(("r.date_low <= ?", [f.until]))
        return filters

    def _rarest(self, kind: str, filters: list[tuple[str, list]]) -> tuple[int, int]:
        """(capped number of rows it matches, position) of the most selective column filter."""
        counts = []
        for position, (condition, params) in enumerate(filters):
            n = self._conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM records AS r WHERE r.kind = ? AND "
                                   f"{condition} LIMIT {DENSE_FROM})", (kind, *params)).fetchone()[0]
            counts.append((n, position))
        return min(counts)

    def _select(self, f: Filters, columns: str) -> tuple[str | None, list]:
        """The SELECT for these filters, or None when a filter matches nothing (no results).

        SQLite's statistics cannot tell a rare name from a common one, so the plan is
        chosen here: the keyed filter (entity, speaker, source) matching the fewest rows
        drives, as a list of rows looked up by key; every other keyed filter is a point
        look-up per candidate. Without one, the words drive, else the rarest column
        filter (conflicts, sources, dates) when it is rare, else a scan of the kind's
        rows in order, which a LIMIT stops early. The unary ``+`` keeps SQLite from
        using an index on a condition that only checks candidates.
        """
        keyed = self._keyed(f)
        if keyed is None:
            return None, []
        where: list[str] = []
        params: list = []
        for position, (_, facet, keys) in enumerate(keyed):
            table, marks = FACETS[facet], ", ".join("?" * len(keys))
            if position == 0:
                where.append(f"r.rowid IN (SELECT record FROM {table} WHERE kind = ? AND key IN ({marks}))")
            else:
                where.append(f"EXISTS (SELECT 1 FROM {table} AS k WHERE k.kind = ? AND k.key IN ({marks}) "
                             "AND k.record = r.rowid)")
            params += [f.kind, *keys]
        if f.words:
            where.append(self._text_clause(f.words, params))
        columns_filters = self._column_filters(f)
        driver = None
        if columns_filters and not where:
            n, position = self._rarest(f.kind, columns_filters)
            if n < DENSE_FROM or columns == "count(*)":
                driver = columns_filters.pop(position)
        if driver:
            where.append(f"r.kind = ? AND {driver[0]}")  # SQLite uses the index on (kind, column)
            params += [f.kind, *driver[1]]
        else:
            where.append("r.rowid BETWEEN ? AND ?")  # the rows of this kind (see store.index)
            params += self._rows[f.kind]
        for condition, values in columns_filters:
            where.append("+" + condition)
            params += values
        if f.since is not None and f.until is not None:
            # A record with several dates spans a range that may hold none of them: check each.
            where.append("(NOT EXISTS (SELECT 1 FROM record_dates AS d WHERE d.record = r.rowid) OR EXISTS "
                         "(SELECT 1 FROM record_dates AS d WHERE d.record = r.rowid AND d.high >= ? AND d.low <= ?))")
            params += [f.since, f.until]
        sql = f"SELECT {columns} FROM records AS r WHERE {' AND '.join(where)}"
        if columns != "count(*)":
            sql += " ORDER BY r.rowid"
            if f.limit is not None:
                sql += " LIMIT ?"
                params.append(f.limit)
        return sql, params

    def _text_clause(self, words: tuple[str, ...], params: list) -> str:
        """Every word, as whole words in any case (FTS5), or as substrings where SQLite lacks FTS5."""
        if self._text_search == "fts5":
            params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in words))
            return "r.rowid IN (SELECT rowid FROM record_text WHERE record_text MATCH ?)"
        clauses = []
        for word in words:
            escaped = word.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
            clauses.append("EXISTS (SELECT 1 FROM record_text AS t WHERE t.rowid = r.rowid AND t.text LIKE ? ESCAPE '\\')")
        return " AND ".join(clauses)


def open_run(path: str | Path) -> Run:
    """Open a run's output folder for queries, (re)building its index when needed.

    Raises ``RunFolderError`` (from ``extractor.store.output``) when ``path`` is not
    the ``--out`` folder of an ``extractor run`` or one of its files is corrupt.
    """
    folder = Path(path)
    output.require_run_folder(folder)
    output.read_manifest(folder)  # the rest is checked whenever the index is (re)built
    return Run(folder, ensure_index(folder))
