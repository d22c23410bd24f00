"""Runs: incremental output, the extraction cache, and executors that agree."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.runner import RunOptions, run
from extractor.store.index import index_status

from conftest import read_jsonl

STORIES = {
    "alpha.txt": ("Shares of Orbital Dynamics fell 12% on Monday after the company cut its forecast, "
                  "chief executive Dana Whitfield said."),
    "beta.txt": ("Orbital Dynamics shares sank 12 percent on Monday. “We were too optimistic,” Whitfield told "
                 "reporters in Denver."),
    "gamma.txt": ("Harbor Freight Lines said on Tuesday it would hire 300 drivers in Ohio, "
                  "according to a statement from the company."),
}

OUTPUTS = ("articles.jsonl", "entities.jsonl", "quotes.jsonl", "claims.jsonl", "graph.json")


def write_folder(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(STORIES[name], encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}


def test_incremental_run_adds_new_articles_and_repeating_it_changes_nothing(tmp_path):
    out = tmp_path / "out"
    options = RunOptions(use_cache=False)
    run([write_folder(tmp_path / "one", ["alpha.txt", "beta.txt"])], out, options=options)
    assert len(read_jsonl(out / "articles.jsonl")) == 2
    second = write_folder(tmp_path / "two", ["gamma.txt"])
    manifest = run([second], out, options=options)
    assert manifest.counts["new_articles"] == 1 and manifest.counts["articles"] == 3
    before = snapshot(out)
    again = run([second], out, options=options)
    assert again.counts["new_articles"] == 0 and again.counts["already_present"] == 1
    assert snapshot(out) == before
    assert index_status(out) == "ok"  # nothing rewritten, so the query index is still current


def test_warm_cache_skips_the_nlp_and_gives_the_same_output(tmp_path):
    folder = write_folder(tmp_path / "in", STORIES)
    options = RunOptions(cache_dir=tmp_path / "cache")
    cold = run([folder], tmp_path / "cold", options=options)
    warm = run([folder], tmp_path / "warm", options=options)
    assert (cold.counts["cached"], warm.counts["cached"]) == (0, 3)
    assert snapshot(tmp_path / "cold") == snapshot(tmp_path / "warm")


def test_changed_settings_miss_the_cache(tmp_path):
    from extractor.settings import Settings

    folder = write_folder(tmp_path / "in", ["alpha.txt"])
    options = RunOptions(cache_dir=tmp_path / "cache")
    run([folder], tmp_path / "a", options=options)
    changed = run([folder], tmp_path / "b", Settings(find_title=False), options=options)
    assert changed.counts["cached"] == 0


def test_a_new_title_for_the_same_text_misses_the_cache(tmp_path):
    """Entities and claim subjects read the title, so the same text under another title is extracted again."""
    text = STORIES["alpha.txt"]
    options = RunOptions(cache_dir=tmp_path / "cache")
    for name, title in (("a", "Harbour strike ends"), ("b", "Port workers return")):
        folder = tmp_path / f"in-{name}"
        folder.mkdir()
        (folder / "story.json").write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
        manifest = run([folder], tmp_path / name, options=options)
        [article] = read_jsonl(tmp_path / name / "articles.jsonl")
        assert article["title"] == title
    assert manifest.counts["cached"] == 0
    assert run([folder], tmp_path / "c", options=options).counts["cached"] == 1


def test_code_fingerprint_follows_the_extraction_code_only(tmp_path):
    from extractor.store.cache import code_fingerprint

    (tmp_path / "extract").mkdir()
    (tmp_path / "models.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "extract" / "rules.py").write_text("RULE = 1\n", encoding="utf-8")
    (tmp_path / "cli.py").write_text("X = 1\n", encoding="utf-8")
    first = code_fingerprint.__wrapped__(tmp_path)
    (tmp_path / "cli.py").write_text("X = 2\n", encoding="utf-8")
    assert code_fingerprint.__wrapped__(tmp_path) == first
    (tmp_path / "extract" / "rules.py").write_text("RULE = 2\n", encoding="utf-8")
    assert code_fingerprint.__wrapped__(tmp_path) != first


def test_edited_extraction_code_misses_the_cache(tmp_path, monkeypatch):
    from extractor.store import cache

    folder = write_folder(tmp_path / "in", ["alpha.txt"])
    options = RunOptions(cache_dir=tmp_path / "cache")
    run([folder], tmp_path / "a", options=options)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited")
    assert run([folder], tmp_path / "b", options=options).counts["cached"] == 0


def test_two_worker_processes_give_the_same_output_as_one(tmp_path):
    folder = write_folder(tmp_path / "in", STORIES)
    run([folder], tmp_path / "one", options=RunOptions(workers=1, use_cache=False))
    run([folder], tmp_path / "two", options=RunOptions(workers=2, use_cache=False))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_dask_local_cluster_gives_the_same_ids_and_graph(tmp_path):
    folder = write_folder(tmp_path / "in", STORIES)
    run([folder], tmp_path / "local", options=RunOptions(workers=1, use_cache=False))
    manifest = run([folder], tmp_path / "dask", options=RunOptions(workers=2, executor="dask", use_cache=False))
    assert manifest.settings["executor"] == "dask"
    assert snapshot(tmp_path / "local") == snapshot(tmp_path / "dask")
    graph = json.loads((tmp_path / "dask" / "graph.json").read_text())
    assert {n["kind"] for n in graph["nodes"]} >= {"article", "entity"}


def test_cached_articles_are_emitted_as_they_are_read_not_held_back(tmp_path):
    from extractor.models import Article, ArticleExtraction
    from extractor.runner import _extract_all
    from extractor.settings import Settings

    class EveryArticleCached:
        def get(self, article):
            return ArticleExtraction(article_id=article.id)

    read, emitted_when = [], []

    def articles():
        for i in range(50):
            read.append(i)
            yield Article(id=f"a{i}", path=f"{i}.txt", text=f"Story {i}.")

    hits = []
    _extract_all(articles(), Settings(), RunOptions(workers=2), EveryArticleCached(),
                 lambda article, result, hit: (emitted_when.append(len(read)), hits.append(hit)))
    assert emitted_when == list(range(1, 51)) and all(hits) and len(hits) == 50


def _no_merging(*args, **kwargs):
    raise AssertionError("the graph was merged again instead of copied from the cache")


def test_warm_run_into_a_new_folder_copies_the_graph_and_index_a_cold_run_would_write(tmp_path, monkeypatch):
    from extractor import runner
    from extractor.query import open_run
    from extractor.store import index

    folder = write_folder(tmp_path / "in", STORIES)
    cold = run([folder], tmp_path / "cold", options=RunOptions(use_cache=False))
    options = RunOptions(cache_dir=tmp_path / "cache")
    run([folder], tmp_path / "first", options=options)  # fills both caches
    monkeypatch.setattr(runner, "_write_graph", _no_merging)
    monkeypatch.setattr(runner, "build_index", _no_merging)
    warm = run([folder], tmp_path / "warm", options=options)
    assert warm.counts["cached"] == 3
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert {k: v for k, v in warm.counts.items() if k != "cached"} == \
           {k: v for k, v in cold.counts.items() if k != "cached"}
    assert index.index_status(tmp_path / "warm") == "ok"  # the cached index, stamped for these files
    with open_run(tmp_path / "warm") as queried, open_run(tmp_path / "cold") as reference:
        assert queried.count("claim") == cold.counts["claim_nodes"]
        found = [q.text for q in queried.query("quote", speaker="whitfield")]
        assert found and found == [q.text for q in reference.query("quote", speaker="whitfield")]


def test_graph_cache_is_not_used_when_an_article_differs(tmp_path):
    options = RunOptions(cache_dir=tmp_path / "cache")
    run([write_folder(tmp_path / "in", ["alpha.txt", "beta.txt"])], tmp_path / "first", options=options)
    changed = write_folder(tmp_path / "changed", ["alpha.txt", "beta.txt"])
    (changed / "beta.txt").write_text(STORIES["beta.txt"].replace("12 percent", "15 percent"), encoding="utf-8")
    run([changed], tmp_path / "second", options=options)
    run([changed], tmp_path / "reference", options=RunOptions(use_cache=False))
    assert snapshot(tmp_path / "second") == snapshot(tmp_path / "reference")
    assert snapshot(tmp_path / "second")["graph.json"] != snapshot(tmp_path / "first")["graph.json"]
