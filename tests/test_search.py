"""`extractor index` and `extractor search`: a real tantivy index, built and queried."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO
from test_query import ARTICLES, CLAIMS, QUOTES, write_run

from extractor.cli import main
from extractor.query import QueryError
from extractor.search import SearchIndexError, build_search_index, search


SCHEMA = json.loads((REPO / "schemas" / "search_document.schema.json").read_text(encoding="utf-8"))
DEEPSEEK_COST = ("The Hangzhou-based startup reported that its DeepSeek-V3 model was trained using Nvidia's "
                 "H800 chips at a cost of under $6m.")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    out = write_run(folder / "run")
    assert build_search_index(out, folder / "index") == 15
    return folder / "index"


def test_training_cost_finds_the_claim_whose_sentence_says_trained_at_a_cost(index_dir):
    [best, *_] = search(index_dir, "training cost")
    assert (best["kind"], best["text"]) == ("claim", DEEPSEEK_COST)
    assert best["document"]["quantity"] == "under $6m" and best["document"]["subject"] == "DeepSeek-V3"


def test_results_are_ranked_with_their_document(index_dir):
    results = search(index_dir, "nvidia share price", limit=20)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    # the two share-price claims about Nvidia first (subject and metric both match), then its market value
    assert [r["document"]["quantity"] for r in results[:3]] == ["12%", "17 percent", "$593bn"]
    assert results[3]["kind"] == "entity" and results[3]["text"] == "Nvidia"
    for result in results:
        assert set(result) == {"id", "kind", "score", "text", "document"}
        assert result["id"] == result["document"]["id"]
        jsonschema.validate(result["document"], SCHEMA)


def test_names_and_aliases_are_searchable(index_dir):
    results = search(index_dir, "altman", kind="quote")
    assert sorted(r["text"] for r in results) == ["We will obviously deliver much better models,", "impressive model"]


def test_kind_keeps_one_kind(index_dir):
    assert [r["kind"] for r in search(index_dir, "nvidia", kind="entity")] == ["entity"]
    assert {r["kind"] for r in search(index_dir, "nvidia", kind="claim")} == {"claim"}


def test_limit_caps_results(index_dir):
    assert len(search(index_dir, "nvidia", limit=2)) == 2


def test_query_syntax_is_plain_words(index_dir):
    # quotes, colons and operators are not tantivy syntax here, just separators
    assert search(index_dir, 'kind:"claim" AND (cost') == search(index_dir, "kind claim and cost")


def test_rebuilding_after_an_incremental_run_replaces_the_index(tmp_path):
    out = write_run(tmp_path / "run", articles=ARTICLES[:2], claims=CLAIMS[:5], quotes=QUOTES[:2])
    assert build_search_index(out, tmp_path / "index") == 11
    write_run(out)
    assert build_search_index(out, tmp_path / "index") == 15
    ids = [r["id"] for r in search(tmp_path / "index", "nvidia", limit=50)]
    assert len(ids) == len(set(ids))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index", "run"]  # no temporary folder left


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "article"}, "unknown kind 'article'"),
    ({"limit": 0}, "--limit must be 1 or more"),
    ({"words": "?!"}, "has no words"),
])
def test_bad_searches_raise_query_error(index_dir, kwargs, message):
    with pytest.raises(QueryError, match=message):
        search(index_dir, **{"words": "nvidia", **kwargs})


def test_a_folder_that_is_not_a_search_index(tmp_path):
    with pytest.raises(SearchIndexError, match="not a search index; build one with `extractor index"):
        search(tmp_path, "nvidia")


def test_building_refuses_to_replace_a_foreign_folder(tmp_path):
    out = write_run(tmp_path / "run")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="exists and is not a search index"):
        build_search_index(out, tmp_path / "notes")
    assert (tmp_path / "notes" / "todo.txt").read_text(encoding="utf-8") == "keep me"


# ---------------------------------------------------------------------- CLI


def test_cli_index_then_search(tmp_path, capsys):
    out = write_run(tmp_path / "run")
    assert main(["index", str(out), "--index", str(tmp_path / "idx")]) == 0
    assert json.loads(capsys.readouterr().out) == {"index": str(tmp_path / "idx"), "documents": 15}
    assert main(["search", str(tmp_path / "idx"), "training cost", "--kind", "claim", "--limit", "1"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["text"] == DEEPSEEK_COST


@pytest.mark.parametrize("args, status, message", [
    (["search", "{idx}", "cost", "--limit", "0"], 2, "--limit must be 1 or more"),
    (["search", "{tmp}", "cost"], 3, "not a search index"),
    (["index", "{tmp}", "--index", "{tmp}/idx"], 3, "not a run's output"),
])
def test_cli_errors_are_one_line(index_dir, tmp_path, capsys, args, status, message):
    args = [a.format(idx=index_dir, tmp=tmp_path) for a in args]
    assert main(args) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_without_tantivy_the_message_names_the_extra(index_dir, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tantivy", None)  # what `import tantivy` meets when it is not installed
    assert main(["search", str(index_dir), "cost"]) == 3
    assert capsys.readouterr().err == (
        "extractor: full-text search needs the `search` extra: pip install 'extractor[search]'\n")


def test_corpus_training_cost(corpus_run, tmp_path):
    """The README's example: on corpus/, "training cost" finds DeepSeek-V3's training cost."""
    build_search_index(corpus_run, tmp_path / "index")
    results = search(tmp_path / "index", "training cost", kind="claim", limit=3)
    assert any("DeepSeek-V3" in r["text"] and "$6m" in r["text"] for r in results), results
