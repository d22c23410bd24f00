"""Export a run for other tools: search documents (JSON Lines, Elasticsearch bulk) and GraphML.

One ``SearchDocument`` per merged claim, quote and entity, self-contained so a search
engine needs no joins: names and aliases of its subject or speaker, its words and the
sentences that state it, and where it was reported. Document ids are node ids, so
loading a re-export after an incremental run updates documents in place.

    from extractor import export
    export(Path("out"), "es-bulk", Path("claims.ndjson"))  # + claims.ndjson.mapping.json
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Literal

from extractor.errors import UsageError
from extractor.models import (
    Claim,
    ClaimNode,
    Entity,
    Provenance,
    QuoteNode,
    SearchDocument,
)
from extractor.store import output
from extractor.store.files import atomic_open
from extractor.store.graph_file import graph_records, read_graph
from extractor.store.index import distinct_sources

Format = Literal["jsonl", "es-bulk", "graphml"]
FORMATS: tuple[str, ...] = ("jsonl", "es-bulk", "graphml")
DEFAULT_INDEX_NAME = "extractor"

# Elasticsearch index names: lower case, no spaces or \/*?"<>|,#: and not starting with -_+.
_INDEX_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

# Field types of the Elasticsearch/OpenSearch mapping: exact-match ids and labels are
# keywords, words people search are text (names also keep a keyword copy for facets).
_KEYWORD = {"id", "kind", "subject_id", "speaker_id", "entity_type", "unit", "hedge", "direction",
            "quote_kind", "sources", "articles", "urls", "conflicts_with"}
_TEXT = {"text", "sentences", "quantity", "roles", "titles"}
_TEXT_AND_KEYWORD = {"names", "subject", "speaker", "metric"}
_DATE = {"date", "published"}
_DATE_FORMAT = "strict_date_optional_time||yyyy-MM||yyyy"


class ExportError(UsageError, ValueError):
    """An export that cannot be done as asked (unknown format, bad index name)."""


# ------------------------------------------------------------- documents


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _where(provenance: list[Provenance], sources: Sequence[str] = (), articles: Sequence[str] = ()) -> dict:
    """The provenance fields every document carries (a node's own lists fill in for missing provenance)."""
    published = sorted(_distinct(p.published for p in provenance))
    return {
        "sources": sorted(_distinct(p.source for p in provenance)) or list(sources),
        "n_sources": distinct_sources(provenance, list(sources), list(articles)),
        "articles": _distinct(p.article_id for p in provenance) or list(articles),
        "titles": _distinct(p.title for p in provenance),
        "urls": _distinct(p.url for p in provenance),
        "published": published,
        "date": published[0] if published else None,
    }


def _names(entity_id: str | None, name: str | None, entities: dict[str, Entity]) -> list[str]:
    entity = entities.get(entity_id or "")
    if entity:
        return _distinct([entity.name, *entity.aliases, name])
    return [name] if name else []


def claim_document(node: ClaimNode, entities: dict[str, Entity], occurrences: dict[str, Claim]) -> SearchDocument:
    """A claim's document: its text is the sentence that states it, so its words are searchable."""
    found = [occurrences[m] for m in node.mentions if m in occurrences]
    representative = next((c for c in found if c.text == node.text), found[0] if found else None)
    sentences = _distinct([representative.sentence.text.strip() if representative else None,
                           *(c.sentence.text.strip() for c in found)])
    where = _where(node.provenance, node.sources, node.articles)
    return SearchDocument(
        id=node.id, kind="claim", text=sentences[0] if sentences else node.text,
        names=_names(node.subject.id if node.subject else None, node.subject.name if node.subject else None, entities),
        subject=node.subject.name if node.subject else None, subject_id=node.subject.id if node.subject else None,
        quantity=node.text, value=node.value, unit=node.unit, hedge=node.hedge, direction=node.direction,
        metric=node.metric, sentences=sentences, conflicts_with=node.conflicts_with,
        **{**where, "date": node.date or where["date"]},
    )


def quote_document(node: QuoteNode, entities: dict[str, Entity]) -> SearchDocument:
    speaker = node.speaker
    return SearchDocument(
        id=node.id, kind="quote", text=node.text, quote_kind=node.quote_kind,
        names=_names(speaker.id if speaker else None, speaker.name if speaker else None, entities),
        speaker=speaker.name if speaker else None, speaker_id=speaker.id if speaker else None,
        **_where(node.provenance, node.sources, node.articles),
    )


def entity_document(entity: Entity) -> SearchDocument:
    roles = _distinct(f"{r.title}, {r.org.name}" if r.org else r.title for r in entity.roles)
    return SearchDocument(
        id=entity.id, kind="entity", text=entity.name, names=_distinct([entity.name, *entity.aliases]),
        entity_type=entity.type, roles=roles, **_where(entity.provenance),
    )


def search_documents(out: Path) -> Iterator[SearchDocument]:
    """Every merged claim, quote and entity of a run as a search document, in that order."""
    out = Path(out)
    output.check_run(out)
    claims, quotes = graph_records(out)
    entities = {e.id: e for e in output.iter_records(out / output.ENTITIES, Entity)}
    wanted = {m for node in claims for m in node.mentions}
    occurrences = {c.id: c for c in output.iter_records(out / output.CLAIMS, Claim) if c.id in wanted}
    for claim in claims:
        yield claim_document(claim, entities, occurrences)
    for quote in quotes:
        yield quote_document(quote, entities)
    for entity in entities.values():
        yield entity_document(entity)


# --------------------------------------------------------------- writing


def es_mapping() -> dict:
    """The Elasticsearch/OpenSearch mapping of ``SearchDocument`` (``PUT INDEX`` body)."""
    properties: dict[str, dict] = {}
    for name, field in SearchDocument.model_fields.items():
        if name in _KEYWORD:
            properties[name] = {"type": "keyword"}
        elif name in _TEXT:
            properties[name] = {"type": "text"}
        elif name in _TEXT_AND_KEYWORD:
            properties[name] = {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 256}}}
        elif name in _DATE:
            properties[name] = {"type": "date", "format": _DATE_FORMAT}
        elif field.annotation in (float, float | None):
            properties[name] = {"type": "double"}
        elif field.annotation in (int, int | None):
            properties[name] = {"type": "integer"}
        else:
            raise TypeError(f"SearchDocument.{name}: no Elasticsearch type chosen; add it to extractor/exports.py")
    return {"mappings": {"dynamic": "strict", "properties": properties}}


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_documents(documents: Iterable[SearchDocument], handle: IO[str], fmt: str = "jsonl",
                    index_name: str = DEFAULT_INDEX_NAME) -> int:
    """Write documents as JSON Lines or ``_bulk`` NDJSON (an ``index`` action before each); returns the count."""
    count = 0
    for document in documents:
        if fmt == "es-bulk":
            handle.write(_dumps({"index": {"_index": index_name, "_id": document.id}}) + "\n")
        handle.write(_dumps(document.model_dump(mode="json")) + "\n")
        count += 1
    return count


def check_export(fmt: str, index_name: str = DEFAULT_INDEX_NAME) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not _INDEX_NAME_RE.match(index_name):
        raise ExportError(f"index name {index_name!r} is not valid for Elasticsearch: "
                          "use lower-case letters, digits, '.', '_' or '-'")


def export(out: Path, fmt: Format, dest: Path, index_name: str = DEFAULT_INDEX_NAME) -> dict:
    """Write a run's export to ``dest`` (atomically) and say what was written.

    ``jsonl``: one ``SearchDocument`` per line. ``es-bulk``: the same documents as a
    ``_bulk`` request body for index ``index_name``, plus ``<dest>.mapping.json``.
    ``graphml``: the whole graph for Gephi and similar tools.
    """
    out, dest = Path(out), Path(dest)
    check_export(fmt, index_name)
    output.check_run(out)
    summary: dict = {"format": fmt, "path": str(dest)}
    if fmt == "graphml":
        from extractor.graph.io import write_graphml

        graph = read_graph(out)
        write_graphml(graph, dest)
        summary.update(nodes=graph.number_of_nodes(), edges=graph.number_of_edges())
        return summary
    kinds: dict[str, int] = {"claim": 0, "quote": 0, "entity": 0}

    def counted(documents: Iterable[SearchDocument]) -> Iterator[SearchDocument]:
        for document in documents:
            kinds[document.kind] += 1
            yield document

    with atomic_open(dest) as handle:
        summary["documents"] = write_documents(counted(search_documents(out)), handle, fmt, index_name)
    summary["kinds"] = kinds
    if fmt == "es-bulk":
        mapping = dest.with_name(dest.name + ".mapping.json")
        with atomic_open(mapping) as handle:
            json.dump(es_mapping(), handle, indent=2)
            handle.write("\n")
        summary.update(index=index_name, mapping=str(mapping))
    return summary


