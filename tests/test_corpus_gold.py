"""Quotes, numeric claims and the merged graph of corpus/, scored against the gold."""

from __future__ import annotations

import json

import pytest

from conftest import fold, read_jsonl


@pytest.fixture(scope="module")
def stems(corpus_articles) -> dict[str, str]:
    return {a["id"]: stem for stem, a in corpus_articles.items()}


@pytest.fixture(scope="module")
def quotes(corpus_run, stems) -> list[dict]:
    return [{**q, "stem": stems[q["article_id"]]} for q in read_jsonl(corpus_run / "quotes.jsonl")]


@pytest.fixture(scope="module")
def claims(corpus_run, stems) -> list[dict]:
    return [{**c, "stem": stems[c["article_id"]]} for c in read_jsonl(corpus_run / "claims.jsonl")]


@pytest.fixture(scope="module")
def graph_nodes(corpus_run) -> list[dict]:
    return json.loads((corpus_run / "graph.json").read_text(encoding="utf-8"))["nodes"]


def speaker_name(quote: dict) -> str | None:
    return quote["speaker"]["name"] if quote["speaker"] else None


def quote_matches(quote: dict, gold: dict) -> bool:
    return fold(gold["key"]) in fold(quote["text"]) and speaker_name(quote) == gold["speaker"]


def test_every_gold_quote_is_found_with_its_speaker_and_kind(quotes, gold):
    missing = [(g["article"], g["key"]) for g in gold["quotes"]
               if not any(q["stem"] == g["article"] and quote_matches(q, g) for q in quotes)]
    assert missing == []
    wrong_kind = [(g["article"], g["key"]) for g in gold["quotes"]
                  if not any(q["stem"] == g["article"] and quote_matches(q, g) and
                             (q["kind"] == g["kind"] or q["kind"] == "mixed") for q in quotes)]
    assert wrong_kind == []


def test_no_direct_quote_beyond_the_gold(quotes, gold):
    direct = [g for g in gold["quotes"] if g["kind"] == "direct"]
    extra = [(q["stem"], q["text"], speaker_name(q)) for q in quotes if q["kind"] == "direct"
             and not any(q["stem"] == g["article"] and quote_matches(q, g) for g in direct)]
    assert extra == []


def subject_matches(names: list[str], expected: str) -> bool:
    want = fold(expected)
    return any(want == fold(n) or want in fold(n) or fold(n) in want for n in names)


def claim_matches(claim: dict, gold: dict) -> bool:
    return (subject_matches([s["name"] for s in claim["subject"]], gold["subject"])
            and abs(claim["value"] - gold["value"]) <= 0.005 * abs(gold["value"]) and claim["unit"] == gold["unit"])


def test_every_gold_claim_is_found_with_its_attributes(claims, gold):
    problems = []
    for expected in gold["numeric_claims"]:
        found = [c for c in claims if c["stem"] == expected["article"] and claim_matches(c, expected)]
        if not found:
            problems.append(("missing", expected))
            continue
        for field in ("direction", "hedge", "date"):
            if field in expected and not any(c[field] == expected[field] for c in found):
                problems.append((field, expected, [c[field] for c in found]))
    assert problems == []


def test_no_percent_or_dollar_claim_beyond_the_gold(claims, gold):
    extra = [(c["stem"], c["text"]) for c in claims if c["unit"] in ("percent", "USD")
             and not any(c["stem"] == g["article"] and claim_matches(c, g) for g in gold["numeric_claims"])]
    assert extra == []


def test_cross_source_claims_are_one_node_covering_both_articles(graph_nodes, gold, stems):
    claim_nodes = [n for n in graph_nodes if n["kind"] == "claim"]
    for expected in gold["claims_cross_source"]:
        nodes = [n for n in claim_nodes if n["subject"] and claim_matches(
            {"subject": [n["subject"]], "value": n["value"], "unit": n["unit"]}, expected)]
        assert len(nodes) == 1, (expected, nodes)
        assert {stems[a] for a in nodes[0]["articles"]} == set(gold["articles"]), expected


def test_cross_source_quotes_are_one_node_covering_both_articles(graph_nodes, gold, stems):
    for expected in gold["quotes_cross_source"]:
        nodes = [n for n in graph_nodes if n["kind"] == "quote" and n["speaker"]
                 and n["speaker"]["name"] == expected["speaker"] and fold(expected["key"]) in fold(n["text"])]
        assert len(nodes) == 1, nodes
        assert {stems[a] for a in nodes[0]["articles"]} == set(expected["articles"])


def test_look_alike_claims_stay_apart(graph_nodes, gold):
    claim_nodes = [n for n in graph_nodes if n["kind"] == "claim" and n["subject"]]
    for first, second in gold["claims_must_stay_apart"]:
        for node in claim_nodes:
            as_claim = {"subject": [node["subject"]], "value": node["value"], "unit": node["unit"]}
            assert not (claim_matches(as_claim, first) and claim_matches(as_claim, second)), node


@pytest.mark.parametrize("content", [None, "{not json"])
def test_eval_names_the_file_and_the_reason_for_a_folder_or_a_broken_gold_file(tmp_path, capsys, content):
    from extractor.cli import main

    target = tmp_path / "gold"
    if content is None:
        target.mkdir()
    else:
        target.write_text(content, encoding="utf-8")
    assert main(["eval", "seeds", str(target), "--corpus", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and ("a folder" if content is None else "cannot be scored as seeds") in err
