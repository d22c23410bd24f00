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

import mmap
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from extractor.dates import day_number
from extractor.errors import RunFolderError, UsageError
from extractor.models import Article, ClaimNode, Entity, QuoteNode
from extractor.store import output
from extractor.store.records import parse_record, read_article_at
from extractor.store.index import (
    FACETS,
    KEY_TOKENS,
    KIND_CODES,
    KINDS,
    RECORD_FILES,
    ensure_index,
    key_token,
    name_words,
    normalise_name,
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
        self._closed = False
        meta = dict(self._fetch("SELECT key, value FROM meta", ()))
        self._text_search = meta.get("text_search", "fts5")
        self._rows = {kind: tuple(int(n) for n in meta[f"rows:{kind}"].split()) for kind in KINDS}
        self._terms = False  # the FTS5 vocabulary table, created on first use

    def close(self) -> None:
        self._closed = True
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
        Records stream: each is read from the run's files as it is reached.
        """
        filters = make_filters(kind, entity=entity, speaker=speaker, source=source, since=since, until=until,
                               min_sources=min_sources, conflicts=conflicts, text=text, limit=limit)
        sql, params = self._select(filters, "r.json")
        if sql is None:
            return iter(())
        return self._records(kind, self._fetch(sql, params))

    def count(self, kind: str = "claim", **filters: object) -> int:
        """How many records ``query`` would yield with the same filters (``limit`` ignored)."""
        checked = make_filters(kind, **{**filters, "limit": None})  # type: ignore[arg-type]
        sql, params = self._select(checked, "count(*)")
        if sql is None:
            return 0
        return params[0] if sql == _KNOWN else next(self._fetch(sql, params))[0]

    def article(self, article_id: str) -> Article:
        """The full article, body included (query results for articles leave the body out)."""
        row = self._conn.execute("SELECT r.at FROM article_ids AS a JOIN records AS r ON r.rowid = a.record "
                                 "WHERE a.id = ?", (article_id,)).fetchone()
        if row is None or row[0] is None:
            raise QueryError(f"no article {article_id!r} in {self.folder}")
        return read_article_at(self.folder / output.ARTICLES, row[0])

    # ------------------------------------------------------------ reading

    def _records(self, kind: str, rows: Iterator[tuple]) -> Iterator[ResultRecord]:
        """The records at the rows' offsets, read from the run's file (mapped into memory) one at a time."""
        model = MODELS[kind]
        path = self.folder / RECORD_FILES[kind]
        with ExitStack() as stack:
            mapped = None
            for at, size, inline in rows:
                if inline is not None:
                    yield model.model_validate_json(inline)
                    continue
                if mapped is None:
                    handle = stack.enter_context(path.open("rb"))
                    mapped = stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
                data = mapped[at:at + size]
                if len(data) != size:
                    raise RunFolderError(f"{path}: shorter than the index says (no record at byte {at}); "
                                         "it changed after the index was built: query again")
                yield parse_record(data, path, at, model)  # type: ignore[misc]

    def _fetch(self, sql: str, params: Iterable) -> Iterator[tuple]:
        """Rows of a statement; a damaged index is a ``RunFolderError`` that says how to mend it."""
        try:
            yield from self._conn.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            if self._closed:
                return  # closed while a reader was still iterating (`extractor query … | head`): nothing is damaged
            raise RunFolderError(f"{self.index}: {exc}; delete it and query again (it is rebuilt)") from exc

    # ------------------------------------------------------------ planning

    def entity_ids(self, name: str, *, words: bool) -> list[int]:
        """Entity keys whose name or alias is ``name``; with ``words``, a single word may match a word of it."""
        whole = normalise_name(name)
        ids = [r[0] for r in self._conn.execute("SELECT entity FROM names WHERE name = ? AND whole = 1", (whole,))]
        parts = name_words(name)
        if (words or not ids) and len(parts) == 1:
            ids += [r[0] for r in self._conn.execute(
                "SELECT entity FROM names WHERE name = ? AND whole = 0", (parts[0],))]
        return sorted(set(ids))

    def _keyed(self, f: Filters) -> list[tuple[int, str, list[int]]] | None:
        """The filters looked up by key, as (rows they match, facet, keys), fewest first; None if one matches nothing."""
        wanted: list[tuple[str, list[int]]] = []
        if f.entity is not None:
            wanted.append(("entity", self.entity_ids(f.entity, words=False)))
        if f.speaker is not None:
            wanted.append(("speaker", self.entity_ids(f.speaker, words=True)))
        if f.source is not None:
            row = self._conn.execute("SELECT id FROM keys WHERE space = 'source' AND key = ?",
                                     (source_key(f.source),)).fetchone()
            wanted.append(("source", [row[0]] if row else []))
        keyed = []
        for facet, keys in wanted:
            marks = ", ".join("?" * len(keys))
            n = self._conn.execute(f"SELECT coalesce(sum(n), 0) FROM key_counts WHERE kind = ? AND facet = ? "
                                   f"AND key IN ({marks})", (KIND_CODES[f.kind], facet, *keys)).fetchone()[0] \
                if keys else 0
            if n == 0:
                return None
            keyed.append((n, facet, keys))
        return sorted(keyed)

    def _column_filters(self, f: Filters) -> list[tuple[str, str, list]]:
        """(index that leads with it, condition on alias ``X``, parameters) for each filter on the filter columns."""
        filters: list[tuple[str, str, list]] = []
        if f.conflicts:
            filters.append(("records_by_conflict", "X.has_conflict = 1", []))
        if f.min_sources is not None:
            filters.append(("records_by_sources", "X.n_sources >= ?", [f.min_sources]))
        if f.since is not None:
            filters.append(("records_by_date_high", "X.date_high >= ?", [f.since]))
        if f.until is not None:
            filters.append(("records_by_date_low", "X.date_low <= ?", [f.until]))
        return filters

    def _capped_count(self, kind: str, index: str, condition: str, params: list) -> int:
        """How many rows of ``kind`` pass ``condition``, counting no further than ``DENSE_FROM``."""
        return self._conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM records AS r INDEXED BY {index} WHERE r.kind = ? AND "
            f"{condition.replace('X.', 'r.')} LIMIT {DENSE_FROM})", (KIND_CODES[kind], *params)).fetchone()[0]

    def _text_estimate(self, words: tuple[str, ...]) -> int | None:
        """At most how many records hold every word (the rarest word's record count), from the
        FTS5 vocabulary; None where SQLite has no FTS5 (the words are then checked, not looked up)."""
        if self._text_search != "fts5":
            return None
        if not self._terms:
            self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_terms USING fts5vocab(main, record_text, row)")
            self._terms = True
        counts = []
        for term in {t for word in words for t in fts_terms(word)}:
            row = self._conn.execute("SELECT doc FROM temp.text_terms WHERE term = ?", (term,)).fetchone()
            counts.append(row[0] if row else 0)
        return min(counts) if counts else None

    def _select(self, f: Filters, columns: str) -> tuple[str | None, list]:
        """The SELECT for these filters (``columns``: ``r.json`` for the records' places,
        ``count(*)`` for how many), or None when a filter matches nothing (no results).

        SQLite's statistics cannot tell a rare name from a common one, so the plan is
        chosen here, from counts the index keeps. Words with keys (entity, speaker,
        source) are one full-text query, the keys being words of each record's text row
        too. Otherwise the keyed filter matching the fewest rows drives: its side table
        lists the rows in order with their filter columns, so dates, sources and
        conflicts are checked without touching the records, and every other keyed
        filter is a point look-up per candidate. Words alone drive through FTS5; with
        no key and no words, the rarest column filter drives through its index when it
        is rare or only counted (each such index holds every filter column), else the
        kind's rows are scanned in order, which a LIMIT stops early.
        """
        count = columns == "count(*)"
        keyed = self._keyed(f)
        if keyed is None:
            return None, []
        code = KIND_CODES[f.kind]
        columns_filters = self._column_filters(f)
        if count and len(keyed) == 1 and len(keyed[0][2]) == 1 and not f.words and not columns_filters:
            return _KNOWN, [keyed[0][0]]  # one key alone: its row count is in key_counts
        text_n = self._text_estimate(f.words) if f.words else None
        params: list = []
        where: list[str] = []

        tokens = [k for k in keyed if k[1] in KEY_TOKENS[f.kind]] if f.words and text_n is not None else []
        if tokens:  # words and keys in one full-text query (see store.index.KEY_TOKENS)
            keyed = [k for k in keyed if k not in tokens]
            alias, table, several, text_driver = "r", "records", False, True
        elif keyed and (text_n is None or keyed[0][0] <= text_n):
            n, facet, keys = keyed.pop(0)
            alias = table = FACETS[facet]  # unaliased, so a query plan names the table
            where.append(f"{alias}.kind = ? AND {alias}.key IN ({', '.join('?' * len(keys))})")
            params += [code, *keys]
            several = len(keys) > 1
            text_driver = False
        elif f.words and text_n is not None:
            alias, table, several, text_driver = "r", "records", False, True
        else:
            alias, table, several, text_driver = "r", "records", False, False

        keyed_driver = alias != "r"
        for _, condition, values in columns_filters if keyed_driver or text_driver else ():
            where.append(condition.replace("X.", f"{alias}."))
            params += values
        if alias == "r" and not text_driver:
            driver = None
            if columns_filters:
                counted = [(self._capped_count(f.kind, *c[:2], c[2]), i) for i, c in enumerate(columns_filters)]
                n, position = min(counted)
                if n < DENSE_FROM or count:
                    driver = columns_filters.pop(position)
            if driver:
                table = f"records AS r INDEXED BY {driver[0]}"
                where.append(f"r.kind = ? AND {driver[1].replace('X.', 'r.')}")
                params += [code, *driver[2]]
            else:
                where.append("r.rowid BETWEEN ? AND ?")  # the rows of this kind (see store.index)
                params += self._rows[f.kind]
            for _, condition, values in columns_filters:
                where.append("+" + condition.replace("X.", "r."))  # checked per row, not looked up
                params += values
        record = f"{alias}.record" if keyed_driver else "r.rowid"
        for _, facet, keys in keyed:
            where.append(f"EXISTS (SELECT 1 FROM {FACETS[facet]} AS k WHERE k.kind = ? AND k.key IN "
                         f"({', '.join('?' * len(keys))}) AND k.record = {record})")
            params += [code, *keys]
        if f.words and not text_driver:
            probe = keyed_driver and text_n is not None and self._probe_words(f, n, text_n, several)
            where.append(self._text_clause(f.words, params, record, probe=probe))
        if f.since is not None and f.until is not None:
            # A record with several dates spans a range that may hold none of them: check each
            # of a record whose span reaches past either end.
            where.append(f"(({alias}.date_low >= ? AND {alias}.date_high <= ?) "
                         f"OR NOT EXISTS (SELECT 1 FROM record_dates AS t WHERE t.record = {record}) "
                         f"OR EXISTS (SELECT 1 FROM record_dates AS t WHERE t.record = {record} "
                         "AND t.high >= ? AND t.low <= ?))")
            params += [f.since, f.until, f.since, f.until]

        if text_driver:
            text_params: list = []
            match = self._text_clause(f.words, text_params, None, keys=[(facet, keys) for _, facet, keys in tokens])
            lo, hi = self._rows[f.kind]
            conditions = " AND ".join(["record_text.rowid BETWEEN ? AND ?", *where])
            if count and not where:  # the full-text index alone answers
                return f"SELECT count(*) FROM record_text WHERE {match} AND {conditions}", [*text_params, lo, hi]
            sql = (f"SELECT {'count(*)' if count else 'r.at, r.size, r.json'} FROM record_text "
                   f"JOIN records AS r ON r.rowid = record_text.rowid WHERE {match} AND {conditions}")
            params = [*text_params, lo, hi, *params]
            order = "record_text.rowid"
        elif keyed_driver and several:
            inner = f"SELECT {record} FROM {table} WHERE {' AND '.join(where)}"
            if count:
                return f"SELECT count(DISTINCT {record}) FROM {table} WHERE {' AND '.join(where)}", params
            sql = f"SELECT r.at, r.size, r.json FROM records AS r WHERE r.rowid IN ({inner})"
            order = "r.rowid"
        elif keyed_driver:
            if count:
                return f"SELECT count(*) FROM {table} WHERE {' AND '.join(where)}", params
            sql = (f"SELECT r.at, r.size, r.json FROM {table} JOIN records AS r ON r.rowid = {record} "
                   f"WHERE {' AND '.join(where)}")
            order = record
        else:
            source = table if table.startswith("records AS r") else "records AS r"
            sql = f"SELECT {'count(*)' if count else 'r.at, r.size, r.json'} FROM {source} WHERE {' AND '.join(where)}"
            order = "r.rowid"
        if not count:
            sql += f" ORDER BY {order}"
            if f.limit is not None:
                sql += " LIMIT ?"
                params.append(f.limit)
        return sql, params

    def _probe_words(self, f: Filters, candidates: int, matches: int, gathered: bool) -> bool:
        """Whether to check the words on each candidate the driver lists (about twenty times
        the cost of one match listed) rather than list every record holding them once and
        look candidates up in that list: the cheaper of the two, where a first page stops
        after about ``limit`` / (the words' share of the records) candidates, unless the
        candidates of several keys are ``gathered`` (and checked) before they are ordered."""
        lo, hi = self._rows[f.kind]
        share = min(1.0, matches / max(1, hi - lo + 1))
        stops = f.limit is not None and not gathered
        checked = min(candidates, f.limit / max(share, 1e-9)) if stops else candidates  # type: ignore[operator]
        return PROBE_COST * checked < matches

    def _text_clause(self, words: tuple[str, ...], params: list, record: str | None, probe: bool = False,
                     keys: list[tuple[str, list[int]]] = ()) -> str:  # type: ignore[assignment]
        """Every word, as whole words in any case (FTS5), or as substrings where SQLite lacks FTS5.
        With ``record`` None the clause is the MATCH of a query the words drive, where each of
        ``keys`` (facet, its keys) must match too; with ``probe`` the words are checked on each
        candidate instead of looked up once for all."""
        if self._text_search == "fts5":
            terms = ['"' + w.replace('"', '""') + '"' for w in words]
            terms += ["(" + " OR ".join(f'"{key_token(facet, key)}"' for key in ids) + ")" for facet, ids in keys]
            params.append(" AND ".join(terms))
            if record is None:
                return "record_text MATCH ?"
            if probe:
                return f"EXISTS (SELECT 1 FROM record_text WHERE record_text MATCH ? AND rowid = {record})"
            # The unary + keeps SQLite from driving the query from this list (a look-up per
            # match and key): it is only checked against the candidates the driver lists.
            return f"+{record} IN (SELECT rowid FROM record_text WHERE record_text MATCH ?)"
        clauses = []
        for word in words:
            escaped = word.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
            clauses.append(f"EXISTS (SELECT 1 FROM record_text AS t WHERE t.rowid = {record} AND t.text LIKE ? ESCAPE '\\')")
        return " AND ".join(clauses)


# Checking the words on one record costs about this many records listed by a full-text match.
PROBE_COST = 20

# ``_select``'s answer when the count is already known (it is the first parameter).
_KNOWN = "known"

_TERM_RE = re.compile(r"[^\W_]+")


def fts_terms(word: str) -> list[str]:
    """The FTS5 terms (``unicode61 remove_diacritics 2``) a word is indexed as, near enough to
    estimate how many records hold it."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    return _TERM_RE.findall(plain)


def open_run(path: str | Path) -> Run:
    """Open a run's output folder for queries, (re)building its index when needed.

    Raises ``RunFolderError`` (from ``extractor.store.output``) when ``path`` is not
    the ``--out`` folder of an ``extractor run`` or one of its files is corrupt.
    """
    folder = Path(path)
    output.require_run_folder(folder)
    output.read_manifest(folder)  # the rest is checked whenever the index is (re)built
    return Run(folder, ensure_index(folder))
