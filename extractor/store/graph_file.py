"""``graph.json``, the claim graph on disk: written and read here only.

networkx node-link JSON, one node or edge per line, so that writing never holds the graph
in memory and readers can stream its nodes; the edges follow the nodes. Every reader of a
run folder turns a missing, truncated or foreign file into a ``RunFolderError`` that
names the file.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import networkx as nx
from pydantic import BaseModel, ValidationError

from extractor.models import ClaimNode, QuoteNode
from extractor.store import output
from extractor.store.files import atomic_open, dumps


def write_graph_json(nodes: Iterable[tuple[str, dict, list[tuple[str, str, dict]]]],
                     path: Path) -> tuple[Counter, Counter]:
    """``graph.json``: networkx node-link JSON, written atomically from (id, attributes,
    edges out of it) for each node, as ``merged_nodes`` makes them.

    One node or edge per line (the same document ``node_link_data`` makes), so that the
    graph is never held in memory and readers can stream its nodes (``iter_node_lines``);
    the edges wait in a temporary file until the last node is out. Returns how many
    nodes and edges of each kind were written.
    """
    node_kinds: Counter = Counter()
    edge_kinds: Counter = Counter()
    with atomic_open(path) as handle, tempfile.TemporaryFile("w+", encoding="utf-8", dir=path.parent) as edges:
        handle.write('{"directed":true,"multigraph":false,"graph":{},' + NODES_OPEN + "\n")
        for node, data, out in nodes:
            handle.write(("," if node_kinds.total() else "") + dumps({**data, "id": node}) + "\n")
            node_kinds[data.get("kind")] += 1
            for source, target, attributes in out:
                edges.write(("," if edge_kinds.total() else "") +
                            dumps({**attributes, "source": source, "target": target}) + "\n")
                edge_kinds[attributes.get("kind")] += 1
        handle.write(EDGES_OPEN + "\n")
        edges.seek(0)
        shutil.copyfileobj(edges, handle)
        handle.write(CLOSE + "\n")
    return node_kinds, edge_kinds


NODES_OPEN, EDGES_OPEN, CLOSE = '"nodes":[', '],"edges":[', "]}"


class GraphFileError(ValueError):
    """``graph.json`` is not a complete graph as ``write_graph_json`` writes it."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason, self.line = reason, line


def iter_node_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, node) for every node of a ``graph.json`` written by ``write_graph_json``,
    one at a time; raises ``GraphFileError`` for a file it did not write or a truncated one."""
    for number, _, _, node in iter_node_spans(path):
        yield number, node


def iter_node_spans(path: Path, loads: Callable[[bytes], object] = json.loads) -> Iterator[tuple[int, int, int, dict]]:
    """(line number, byte offset, byte length, node) for every node of a ``graph.json`` written
    by ``write_graph_json``: the query index keeps where each node's JSON lies instead of a copy
    and reads it back by offset. ``loads`` parses a line (``orjson.loads`` is twice as fast).
    Raises ``GraphFileError`` as ``iter_node_lines`` does."""
    with path.open("rb") as handle:
        first = handle.readline()
        offset = len(first)
        if not first.rstrip(b"\n").endswith(NODES_OPEN.encode()):
            raise GraphFileError("not written one node per line")
        edges_open = EDGES_OPEN.encode()
        for number, line in enumerate(handle, start=2):
            start, offset = offset, offset + len(line)
            line = line.rstrip(b"\n")
            if line == edges_open:
                break
            if line.startswith(b","):
                line, start = line[1:], start + 1
            try:
                node = loads(line)
            except json.JSONDecodeError as exc:
                raise GraphFileError(f"not valid JSON ({exc.msg} at column {exc.colno})", number) from exc
            if not isinstance(node, dict):
                raise GraphFileError("a node is not an object", number)
            yield number, start, len(line), node
        else:
            raise GraphFileError("it ends before its edges: truncated")
        last = b""
        for line in handle:
            last = line.rstrip(b"\n")
        if last != CLOSE.encode():
            raise GraphFileError("it does not end where a graph ends: truncated")


def is_streamable(path: Path) -> bool:
    """Whether ``path`` is written one node per line (by ``write_graph_json``)."""
    with path.open("rb") as handle:
        return handle.readline().rstrip(b"\n").endswith(NODES_OPEN.encode())


def read_graph_json(path: Path) -> nx.DiGraph:
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")


def read_graph_data(out: Path) -> dict:
    """``graph.json`` as parsed JSON; a missing, truncated or foreign file raises ``RunFolderError``."""
    path = out / output.GRAPH
    if not path.is_file():
        raise output.RunFolderError(f"{path}: missing; the run did not finish: re-run `extractor run` into {out}")
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as exc:
        raise output.RunFolderError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg} at column {exc.colno}); "
                                    "the file is corrupt or truncated: re-run `extractor run`") from exc
    except UnicodeDecodeError as exc:
        raise output.RunFolderError(f"{path}: not UTF-8 text; the file is corrupt: re-run `extractor run`") from exc
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise output.RunFolderError(f"{path}: no `nodes` list; not a graph written by `extractor run`: re-run it")
    return data


def iter_graph_nodes(out: Path) -> Iterator[tuple[int, dict]]:
    """(position, node) for every node of ``graph.json``, streamed one line at a time
    from the file ``extractor run`` writes (any other node-link file is parsed whole)."""
    path = out / output.GRAPH
    if not path.is_file():
        raise output.RunFolderError(f"{path}: missing; the run did not finish: re-run `extractor run` into {out}")
    try:
        with path.open(encoding="utf-8") as handle:
            streamable = handle.readline().rstrip("\n").endswith(NODES_OPEN)
        if streamable:
            yield from iter_node_lines(path)
            return
    except GraphFileError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise output.RunFolderError(f"{where}: {exc.reason}; the file is corrupt or truncated: re-run `extractor run`") from exc
    except UnicodeDecodeError as exc:
        raise output.RunFolderError(f"{path}: not UTF-8 text; the file is corrupt: re-run `extractor run`") from exc
    yield from enumerate(read_graph_data(out)["nodes"])


def iter_graph_records(out: Path, kinds: tuple[str, ...] = ("claim", "quote")) -> Iterator[ClaimNode | QuoteNode]:
    """The claim and/or quote nodes of ``graph.json`` as typed records, in file order (errors name the node)."""
    path = out / output.GRAPH
    models: dict[str, type[BaseModel]] = {kind: {"claim": ClaimNode, "quote": QuoteNode}[kind] for kind in kinds}
    for number, node in iter_graph_nodes(out):
        kind = node.get("kind") if isinstance(node, dict) else None
        model = models.get(kind)  # type: ignore[arg-type]
        if model is None:
            continue
        try:
            yield model.model_validate(node)  # type: ignore[misc]
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise output.RunFolderError(
                f"{path}: node {number} ({node.get('id', '?')}) is not a valid {model.__name__} "
                f"({where}: {first.get('msg', 'invalid')}); the file is corrupt: re-run `extractor run`") from exc


def graph_records(out: Path) -> tuple[list[ClaimNode], list[QuoteNode]]:
    """The claim nodes and the quote nodes of ``graph.json``."""
    claims: list[ClaimNode] = []
    quotes: list[QuoteNode] = []
    for record in iter_graph_records(out):
        (claims if isinstance(record, ClaimNode) else quotes).append(record)  # type: ignore[arg-type]
    return claims, quotes


def read_graph(out: Path) -> nx.DiGraph:
    """``graph.json`` as a networkx graph; a corrupt file raises ``RunFolderError``."""
    data = read_graph_data(out)
    try:
        return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise output.RunFolderError(f"{out / output.GRAPH}: not a node-link graph ({exc}); "
                                    "re-run `extractor run`") from exc
