"""Three outlets report one story: the run's graph merges, separates and shows conflicts."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.runner import RunOptions, run

STORY = {
    "ledger.md": (
        "---\nsource: Harbor Ledger\npublished: 2024-03-13\n---\n"
        "Shares of Velora Motors fell 17% on Tuesday after the carmaker cut its sales forecast.\n\n"
        "Rival Cantor Automotive rose 4% on Tuesday."
    ),
    "wire.md": (
        "---\nsource: Northline Wire\npublished: 2024-03-13\n---\n"
        "Velora Motors shares sank nearly 17 percent on Tuesday, the steepest drop in a decade.\n\n"
        "On Monday, Velora Motors had slipped 3 percent."
    ),
    "gazette.md": (
        "---\nsource: City Gazette\npublished: 2024-03-13\n---\n"
        "Velora Motors shares fell 12% on Tuesday, traders said.\n\n"
        "“We expected a difficult quarter,” said Irene Vasquez, chief executive of Velora Motors."
    ),
}


def write(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(STORY[name], encoding="utf-8")
    return folder


def claim_nodes(out: Path) -> list[dict]:
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return [n for n in graph["nodes"] if n["kind"] == "claim" and n["subject"]]


def find(nodes, subject: str, value: float) -> list[dict]:
    return [n for n in nodes if n["subject"]["name"] == subject and n["value"] == value]


def test_three_outlets_merge_conflict_and_stay_apart(tmp_path):
    out = tmp_path / "out"
    run([write(tmp_path / "in", STORY)], out, options=RunOptions(use_cache=False))
    nodes = claim_nodes(out)
    [fell_17] = find(nodes, "Velora Motors", 17)
    assert fell_17["sources"] == ["Harbor Ledger", "Northline Wire"]
    assert fell_17["date"] == "2024-03-12"
    [fell_12] = find(nodes, "Velora Motors", 12)
    assert fell_12["conflicts_with"] == [fell_17["id"]]
    assert fell_17["conflicts_with"] == [fell_12["id"]]
    [slipped_3] = find(nodes, "Velora Motors", 3)  # another day: a different fact, no conflict
    assert slipped_3["date"] == "2024-03-11" and slipped_3["conflicts_with"] == []
    [rival] = find(nodes, "Cantor Automotive", 4)
    assert rival["sources"] == ["Harbor Ledger"]


def test_adding_an_outlet_later_merges_into_the_same_nodes_and_repeating_changes_nothing(tmp_path):
    out = tmp_path / "out"
    options = RunOptions(use_cache=False)
    run([write(tmp_path / "first", ["ledger.md"])], out, options=options)
    [before] = find(claim_nodes(out), "Velora Motors", 17)
    second = write(tmp_path / "second", ["wire.md"])
    run([second], out, options=options)
    [after] = find(claim_nodes(out), "Velora Motors", 17)
    assert after["id"] == before["id"] and len(after["articles"]) == 2
    snapshot = {p.name: p.read_bytes() for p in out.glob("*.json*") if p.name != "manifest.json"}
    run([second], out, options=options)
    assert {p.name: p.read_bytes() for p in out.glob("*.json*") if p.name != "manifest.json"} == snapshot
