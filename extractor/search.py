"""Ranked full-text search over a run's claims, quotes and entities (optional extra ``search``).

``extractor query`` filters exactly; this ranks by relevance (BM25) with English
stemming, so "training cost" finds a claim whose sentence says "was trained ... at a
cost of under $6m". The documents are the export's ``SearchDocument``s, loaded into a
tantivy index on disk::

    from extractor.search import build_search_index, search
    build_search_index(Path("out"), Path("out-search"))
    search(Path("out-search"), "training cost", kind="claim")

Needs ``pip install 'extractor[search]'`` (the ``tantivy`` bindings).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

from extractor.errors import ExtractorError, UnavailableError
from extractor.exports import search_documents
from extractor.models import SearchDocument
from extractor.query import QueryError

SEARCH_INDEX_VERSION = 1
"""Bump when the fields change: older indexes must be rebuilt with ``extractor index``."""

# Written beside tantivy's files: says the folder is ours (safe to replace) and which layout it has.
MARKER = "extractor-search.json"
KINDS = ("claim", "quote", "entity")

# Fields searched, with how much a match in each counts: names and the claim's
# sentence say what a document is about; titles only where it was reported.
FIELD_BOOSTS = {"text": 1.5, "names": 2.0, "metric": 1.5, "quantity": 1.0, "sentences": 1.0,
                "roles": 1.0, "titles": 0.5}
# English stemming ("training" and "trained" meet at "train"); names are only lower-cased.
STEMMED = ("text", "metric", "quantity", "sentences", "roles", "titles")

_TERM_RE = re.compile(r"\w+")


class SearchUnavailableError(UnavailableError):
    """The ``tantivy`` package is not installed."""


class SearchIndexError(ExtractorError):
    """A search index folder that is missing, foreign or of another version."""


def _tantivy() -> ModuleType:
    try:
        import tantivy
    except ImportError as exc:
        raise SearchUnavailableError("full-text search needs the `search` extra: "
                                     "pip install 'extractor[search]'") from exc
    return tantivy


def _schema(tantivy: ModuleType):  # -> tantivy.Schema
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("kind", stored=True, tokenizer_name="raw")
    builder.add_text_field("names", tokenizer_name="default")
    for name in STEMMED:
        builder.add_text_field(name, stored=name == "text", tokenizer_name="en_stem")
    builder.add_bytes_field("document", stored=True, indexed=False)
    return builder.build()


def _tantivy_document(tantivy: ModuleType, doc: SearchDocument):  # -> tantivy.Document
    fields: dict[str, list] = {"id": [doc.id], "kind": [doc.kind], "text": [doc.text], "names": doc.names,
                               "sentences": doc.sentences, "roles": doc.roles, "titles": doc.titles,
                               "metric": [doc.metric] if doc.metric else [],
                               "quantity": [doc.quantity] if doc.quantity else []}
    document = tantivy.Document()
    for name, values in fields.items():
        for value in values:
            document.add_text(name, value)
    document.add_bytes("document", doc.model_dump_json().encode())
    return document


def _check_replaceable(index_dir: Path) -> None:
    foreign = index_dir.exists() and not (index_dir / MARKER).is_file()
    if foreign and (not index_dir.is_dir() or any(index_dir.iterdir())):
        raise SearchIndexError(f"{index_dir}: exists and is not a search index built by extractor; "
                               "give --index a new or empty folder")


def build_search_index(out: Path, index_dir: Path) -> int:
    """Index every search document of run ``out`` into ``index_dir``; returns how many.

    The index is built in a new folder beside ``index_dir`` and swapped in, so an
    earlier index stays searchable until the new one is complete; re-running after an
    incremental run replaces it.
    """
    tantivy = _tantivy()
    out, index_dir = Path(out), Path(index_dir)
    _check_replaceable(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.", suffix=".tmp", dir=index_dir.parent))
    try:
        index = tantivy.Index(_schema(tantivy), path=str(building), reuse=False)
        writer = index.writer(heap_size=64_000_000, num_threads=1)
        count = 0
        for doc in search_documents(out):
            writer.add_document(_tantivy_document(tantivy, doc))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        (building / MARKER).write_text(json.dumps(
            {"version": SEARCH_INDEX_VERSION, "run": str(out.resolve()), "documents": count}) + "\n", encoding="utf-8")
        previous = index_dir.with_name(building.name + ".old") if index_dir.exists() else None
        if previous:
            index_dir.rename(previous)  # searchers see the old index or the new one, never none for long
        building.rename(index_dir)
        if previous:
            shutil.rmtree(previous, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return count


def _open(index_dir: Path):  # -> tantivy.Index
    tantivy = _tantivy()
    marker = index_dir / MARKER
    if not marker.is_file():
        raise SearchIndexError(f"{index_dir}: not a search index; build one with "
                               f"`extractor index RUN_DIR --index {index_dir}`")
    try:
        version = json.loads(marker.read_text(encoding="utf-8")).get("version")
    except (json.JSONDecodeError, AttributeError) as exc:
        raise SearchIndexError(f"{marker}: corrupt; rebuild with `extractor index RUN_DIR --index {index_dir}`") from exc
    if version != SEARCH_INDEX_VERSION:
        raise SearchIndexError(f"{index_dir}: built by another version of extractor; rebuild it with "
                               f"`extractor index RUN_DIR --index {index_dir}`")
    try:
        return tantivy.Index.open(str(index_dir))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"{index_dir}: cannot open the search index ({exc}); rebuild it with "
                               f"`extractor index RUN_DIR --index {index_dir}`") from exc


def search(index_dir: Path, words: str, kind: str | None = None, limit: int = 10) -> list[dict]:
    """The best-matching documents for ``words``, best first: id, kind, score, text and the document.

    Raises ``QueryError`` for a bad kind, limit or no words, ``SearchIndexError`` for a
    folder that is not a current search index. Any of the words may match (documents with more of them, and rarer ones, rank
    higher); ``kind`` keeps only claims, quotes or entities.
    """
    tantivy = _tantivy()
    if kind is not None and kind not in KINDS:
        raise QueryError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if limit < 1:
        raise QueryError(f"--limit must be 1 or more, not {limit}")
    terms = [t.lower() for t in _TERM_RE.findall(words)]  # no query syntax: plain words only
    if not terms:
        raise QueryError(f"{words!r} has no words to search for")
    index = _open(Path(index_dir))
    query = index.parse_query(" ".join(terms), default_field_names=list(FIELD_BOOSTS), field_boosts=FIELD_BOOSTS)
    if kind is not None:
        query = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(index.schema, "kind", kind)),
        ])
    searcher = index.searcher()
    results = []
    for score, address in searcher.search(query, limit=limit).hits:
        stored = searcher.doc(address)
        document = json.loads(stored.get_first("document"))
        results.append({"id": document["id"], "kind": document["kind"], "score": round(score, 4),
                        "text": document["text"], "document": document})
    return results
