"""GraphML for Gephi and similar tools (``graph.json`` itself is ``store.graph_file``)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from extractor.store.files import atomic_open


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
