"""`extractor eval multisource`: the scorer's figures, the product's path, and missing page texts."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.evaluate.multisource import (
    MissingTexts, RunRecords, counts, figures, merge_diagnostics, pair_difference, score_multisource, score_story,
    units_agree, values_agree,
)

REPO = Path(__file__).resolve().parents[1]
SETS = REPO / "bench" / "multisource"

PAGES = {
    "01_ledger": "Shares of Orvane Foods fell 14% on Thursday after the grocer cut its forecast.\n\n"
                 "Rival Tessmark rose 3% on Thursday.",
    "02_wire": "Orvane Foods shares sank 14 percent on Thursday, the worst day in its history.\n\n"
               "Orvane Foods had slipped 2 percent on Wednesday.",
    "03_gazette": "Orvane Foods shares fell 9% on Thursday, traders said.",
}
META = {"01_ledger": "Harbor Ledger", "02_wire": "Northline Wire", "03_gazette": "City Gazette"}


def claim(article: str, text: str, subject: str | None, value: float, unit: str, cluster: str,
          direction: str | None = "down", date: str = "2024-03-14") -> dict:
    return {"article": article, "text": text, "subject": subject, "metric": "share price", "value": value,
            "unit": unit, "direction": direction, "hedge": "=", "date": date, "cluster": cluster}


def story_gold() -> dict:
    claims = [
        claim("01_ledger", "14%", "Orvane Foods", 14, "percent", "fell14"),
        claim("01_ledger", "3%", "Tessmark", 3, "percent", "tessmark", "up"),
        claim("02_wire", "14 percent", "Orvane Foods", 14, "percent", "fell14"),
        claim("02_wire", "2 percent", "Orvane Foods", 2, "percent", "slipped2", date="2024-03-13"),
        claim("03_gazette", "9%", "Orvane Foods", 9, "percent", "fell9"),
    ]
    clusters: dict[str, list] = {}
    for c in claims:
        clusters.setdefault(c["cluster"], []).append([c["article"], c["text"]])
    return {
        "articles": {stem: {"url": f"https://example.org/{stem}", "source": META[stem], "published": "2024-03-15",
                            "title": None, "event": "orvane", "search_query": "orvane", "must_drop_from_text": []}
                     for stem in PAGES},
        "entities": {"01_ledger": {"ORG": ["Orvane Foods", "Tessmark"]}, "02_wire": {"ORG": ["Orvane Foods"]}},
        "entity_aliases": [{"canonical": "Orvane Foods", "variants": ["Orvane"]}],
        "quotes": [], "quote_clusters": [], "quotes_must_stay_apart": [],
        "numeric_claims": claims,
        "claim_clusters": [{"id": cid, "subject": "Orvane Foods", "metric": "share price", "date": "2024-03-14",
                            "members": members} for cid, members in clusters.items()],
        "claims_must_stay_apart": [{"a": ["02_wire", "2 percent"], "b": ["02_wire", "14 percent"], "why": "another day"}],
        "conflicts": [{"a": ["03_gazette", "9%"], "b": ["01_ledger", "14%"], "why": "9 % vs 14 % on one day"}],
    }


def write_story(folder: Path, gold: dict, *, texts: bool = True) -> Path:
    (folder / "articles").mkdir(parents=True)
    sources = {}
    for stem, text in PAGES.items():
        data = text.encode("utf-8")
        if texts:
            (folder / "articles" / f"{stem}.txt").write_bytes(data)
        sources[stem] = {"url": f"https://example.org/{stem}", "search_query": "orvane", "corpus": "pages",
                         "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    (folder / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def predicted(cid: str, article: str, value: float, subject: str | None, start: int = 0, unit: str = "percent",
              direction: str | None = "down") -> dict:
    return {"id": cid, "article_id": article, "start": start, "text": f"{value:g}%", "value": value, "unit": unit,
            "direction": direction, "hedge": "=", "date": "2024-03-14",
            "subject": [{"name": subject, "id": "e"}] if subject else []}


# ------------------------------------------------------------------ the scorer alone


def test_figures_count_merges_false_merges_stay_apart_and_conflicts():
    """Hand-made predictions: every figure follows from the README's definitions."""
    gold = story_gold()
    claims = [
        predicted("c1", "a1", 14, "Orvane Foods"),
        predicted("c2", "a1", 3, None, direction="up"),          # found, subject missing
        predicted("c3", "a2", 14.0, "Orvane", direction=None),   # a shorter name still counts; direction wrong
        predicted("c4", "a2", 2, "Orvane Foods"),
        predicted("c5", "a3", 9.04, "Orvane Foods"),              # within 0.5 % of 9
        predicted("c6", "a3", 9, "Orvane Foods", unit="USD"),     # another unit: never matched
    ]
    nodes = [
        {"kind": "claim", "id": "n1", "mentions": ["c1", "c3", "c4"], "conflicts_with": []},  # 2 % glued to 14 %
        {"kind": "claim", "id": "n2", "mentions": ["c2"], "conflicts_with": ["n3"]},  # Tessmark vs Orvane: not in the gold
        {"kind": "claim", "id": "n3", "mentions": ["c5"], "conflicts_with": ["n1", "n2"]},
        {"kind": "claim", "id": "n4", "mentions": ["c6"], "conflicts_with": []},
    ]
    entities = [{"name": "Orvane", "type": "ORG", "aliases": [], "mentions": [{"article_id": "a1"}, {"article_id": "a2"}]},
                {"name": "Tessmark", "type": "PERSON", "aliases": [], "mentions": [{"article_id": "a1"}]}]
    run = RunRecords(stems={"a1": "01_ledger", "a2": "02_wire", "a3": "03_gazette"},
                     texts={"a1": PAGES["01_ledger"], "a2": PAGES["02_wire"], "a3": PAGES["03_gazette"]},
                     claims=claims, quotes=[], entities=entities, nodes=nodes)
    result = figures(counts(gold, run))
    assert result["claims"] == {"gold": 5, "found": 5, "recall": 1.0, "value_only_recall": 1.0,
                                "subject_accuracy": 0.8, "direction_accuracy": 0.8, "hedge_accuracy": 1.0,
                                "date_accuracy": 0.8, "dates_checked": 5}
    assert result["merge_pairs"] == {"gold_pairs": 1, "merged": 1, "recall": 1.0, "cross_article_pairs": 1,
                                     "cross_article_recall": 1.0, "false_merges": 2, "precision": 0.3333}
    assert result["must_stay_apart"] == {"pairs": 1, "both_found": 1, "broken": 1}
    assert result["conflicts"]["flagged"] == 1 and result["conflicts"]["flagged_ratio"] == 1.0
    assert (result["conflicts"]["edges"], result["conflicts"]["between_other_gold_facts"]) == (2, 1)
    assert result["entities"] == {"gold": 3, "found": 3, "recall": 1.0, "recall_same_type": 0.6667}
    # why: the one cross-article false merge joins two days; with the gold's attributes on the
    # found claims the merge itself keeps 14 % apart from 2 % and flags 9 % against 14 %
    assert result["merge_diagnostics"] == {"missed_cross_pairs": {}, "false_cross_merges": {"gold date differs": 1}}
    fixed = result["with_gold_attributes"]
    assert (fixed["merge_pairs"]["cross_article_recall"], fixed["merge_pairs"]["false_merges"]) == (1.0, 0)
    assert (fixed["must_stay_apart"]["broken"], fixed["conflicts"]["flagged"]) == (0, 1)


def test_each_missed_pair_is_put_down_to_the_first_attribute_that_kept_it_apart():
    def made(**fields) -> dict:
        return {"unit": "percent", "subject": [{"name": "Orvane Foods", "id": "e1"}], "metric": "share price",
                "frame": None, "direction": "down", "date": "2024-03-14", **fields}

    assert pair_difference(made(), made(unit="USD")) == "unit differs"
    assert pair_difference(made(), made(subject=[{"name": "Tessmark", "id": "e2"}])) == "subject differs"
    assert pair_difference(made(), made(subject=[])) == "subject missing on one"
    assert pair_difference(made(subject=[], metric=None), made(subject=[])) == "no subject and no metric"
    assert pair_difference(made(), made(metric="market value")) == "metric differs"
    assert pair_difference(made(), made(frame="close")) == "merge"  # one frame unknown: no disagreement
    assert pair_difference(made(), made(date="2024-03-13")) == "date differs"
    assert pair_difference(made(), made(date=None)) == "merge"


def test_a_missed_pair_is_read_with_the_subject_its_node_was_merged_under():
    velden, bare = {"name": "Velden Bridge", "id": "e_velden"}, {"name": "bridge", "id": "e_bridge"}
    gold = {"numeric_claims": [{"article": "01", "cluster": "len"}, {"article": "02", "cluster": "len"}]}
    found = {0: {"id": "c1", "unit": "metre", "subject": [velden], "metric": "length", "date": None},
             1: {"id": "c2", "unit": "metre", "subject": [bare], "metric": "length", "date": None}}
    nodes = [{"kind": "claim", "id": "n1", "mentions": ["c1"], "subject": velden},
             {"kind": "claim", "id": "n2", "mentions": ["c2"], "subject": velden}]  # "the bridge" read as Velden's
    assert merge_diagnostics(gold, found, nodes)["missed_cross_pairs"] == {"merge": 1}
    nodes[1]["subject"] = bare
    assert merge_diagnostics(gold, found, nodes)["missed_cross_pairs"] == {"subject differs": 1}


def test_a_count_of_people_matches_whatever_noun_counts_them():
    assert units_agree("people", "person") and units_agree("worker", "person") and units_agree(None, "person")
    assert not units_agree("metre", "person") and not units_agree("USD", "person")
    assert units_agree("meters", "metre") and not units_agree("foot", "metre")
    assert values_agree(593.7, 593) and values_agree(17.05, 17) and not values_agree(600, 593)


# ------------------------------------------------------------------ the product's path


def test_score_story_runs_the_pipeline_on_the_pages(tmp_path):
    _, result = score_story(write_story(tmp_path / "orvane", story_gold()))
    assert result["articles"] == 3
    assert result["claims"]["recall"] == 1.0
    assert result["merge_pairs"]["cross_article_recall"] == 1.0
    assert result["must_stay_apart"]["broken"] == 0
    assert result["conflicts"]["flagged"] == 1
    assert "pages_not_as_retrieved" not in result


def test_missing_page_texts_say_how_to_retrieve_them(tmp_path):
    story = write_story(tmp_path / "sets" / "orvane", story_gold(), texts=False)
    with pytest.raises(MissingTexts, match="3 of 3 page texts are missing .*sources.json.*search_query"):
        score_multisource(story.parent)


def test_cli_prints_one_line_and_exits_2_without_the_texts(tmp_path, capsys):
    story = write_story(tmp_path / "orvane", story_gold(), texts=False)
    assert main(["eval", "multisource", str(story)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "sources.json" in captured.err and "Traceback" not in captured.err


# ------------------------------------------------------------------ the gold's own checks


def _validate():
    spec = importlib.util.spec_from_file_location("validate", SETS / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.validate


def test_validate_finds_a_claim_text_that_is_not_in_its_article(tmp_path):
    gold = story_gold()
    assert _validate()(write_story(tmp_path / "good", gold)) == []
    gold["numeric_claims"][1]["text"] = "3 per cent"
    gold["claim_clusters"][1]["members"][0][1] = "3 per cent"
    problems = _validate()(write_story(tmp_path / "bad", gold))
    assert problems == ["claim 01_ledger '3 per cent': occurs 0 times, used 1 times"]


@pytest.mark.parametrize("story", sorted(p.parent.name for p in SETS.glob("*/gold.json")))
def test_committed_gold_is_sound(story):
    """Structure always; texts, keys and entities too where the page texts have been retrieved."""
    assert _validate()(SETS / story) == []
