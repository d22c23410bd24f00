"""The graph on disk: node-link JSON (the interchange format) and GraphML (for Gephi)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from extractor.store.files import atomic_open


def write_graph_json(graph: nx.DiGraph, path: Path) -> None:
    """``graph.json``: networkx node-link JSON, written atomically.

    Written node by node and edge by edge (the same document ``node_link_data`` makes)
    so that a large graph is never copied whole into memory a second time.
    """
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with atomic_open(path) as handle:
        handle.write(f'{{"directed":{dumps(graph.is_directed())},"multigraph":false,"graph":{dumps(graph.graph)},')
        handle.write('"nodes":[')
        for i, (node, data) in enumerate(graph.nodes(data=True)):
            handle.write(("," if i else "") + dumps({**data, "id": node}))
        handle.write('],"edges":[')
        for i, (source, target, data) in enumerate(graph.edges(data=True)):
            handle.write(("," if i else "") + dumps({**data, "source": source, "target": target}))
        handle.write("]}\n")


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
