"""The graph on disk: node-link JSON (the interchange format) and GraphML (for Gephi)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

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
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
        if not first.rstrip("\n").endswith(NODES_OPEN):
            raise GraphFileError("not written one node per line")
        for number, line in enumerate(handle, start=2):
            line = line.rstrip("\n")
            if line == EDGES_OPEN:
                break
            try:
                node = json.loads(line[1:] if line.startswith(",") else line)
            except json.JSONDecodeError as exc:
                raise GraphFileError(f"not valid JSON ({exc.msg} at column {exc.colno})", number) from exc
            if not isinstance(node, dict):
                raise GraphFileError("a node is not an object", number)
            yield number, node
        else:
            raise GraphFileError("it ends before its edges: truncated")
        last = ""
        for line in handle:
            last = line.rstrip("\n")
        if last != CLOSE:
            raise GraphFileError("it does not end where a graph ends: truncated")


def read_graph_json(path: Path) -> nx.DiGraph:
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")


def _graphml_value(value: object) -> object:
    """GraphML holds scalars only: lists and objects become JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_graphml(graph: nx.DiGraph, path: Path) -> None:
    """GraphML for Gephi and similar tools; missing values are left out, lists become JSON."""
    flat = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _graphml_value(v) for k, v in data.items() if v is not None})
    for a, b, data in graph.edges(data=True):
        flat.add_edge(a, b, **{k: _graphml_value(v) for k, v in data.items() if v is not None})
    with atomic_open(path) as handle:
        handle.write("\n".join(nx.generate_graphml(flat)))
        handle.write("\n")
