"""Merging occurrences into facts: claims, quotes, conflicts, and the graph's shape."""

from __future__ import annotations

import json

import networkx as nx

from extractor.graph.build import build_graph, graph_counts, merged_nodes
from extractor.store.graph_file import read_graph_json, write_graph_json
from extractor.graph.spill import MergeSpill
from extractor.graph.quote_groups import group_quotes
from extractor.graph.resolve import group_claims, rounding_half_unit, value_interval
from extractor.models import Article, Claim, Entity, EntityRef, Quote, Role, Span

ACME = EntityRef(name="Acme Corp", id="ent_acme")
BOLT = EntityRef(name="Bolt Motors", id="ent_bolt")
CHEN = EntityRef(name="Lin Chen", id="ent_chen")


def claim(cid: str, article: str, value: float, *, subject=(ACME,), unit="percent", hedge="=",
          direction="down", date=None, metric="share price", start=0) -> Claim:
    return Claim(id=cid, article_id=article, start=start, end=start + 5, text=f"{value}", value=value, unit=unit,
                 hedge=hedge, direction=direction, change=direction or hedge, date=date, metric=metric,
                 subject=list(subject), sentence=Span(text="s", start=0, end=50))


def quote(qid: str, article: str, text: str, speaker=CHEN, start=0) -> Quote:
    return Quote(id=qid, article_id=article, text=text, start=start, end=start + len(text), kind="direct",
                 speaker=speaker)


def members(groups) -> list[list[str]]:
    return sorted(sorted(c.id for c in g.members) for g in groups)


def test_rounding_reads_small_figures_to_the_last_digit_and_large_ones_to_significant_digits():
    assert rounding_half_unit(17) == 0.5
    assert rounding_half_unit(17.4) == 0.05
    assert rounding_half_unit(6_000_000) == 500_000
    assert rounding_half_unit(593_000_000_000) == 500_000_000


def test_hedges_widen_the_interval_the_way_the_words_say():
    assert value_interval(claim("a", "x", 6e6, hedge="<")) == (0.0, 6.5e6)
    low, high = value_interval(claim("a", "x", 17, hedge="~"))
    assert (round(low, 2), round(high, 2)) == (16.15, 17.85)


def test_same_fact_in_other_words_is_one_claim():
    groups = group_claims([
        claim("a1", "art1", 17, hedge="~", date="2025-01-27"),
        claim("b1", "art2", 17, date="2025-01-27"),
        claim("c1", "art3", 17),  # no date given: still the same fact
    ])
    assert members(groups) == [["a1", "b1", "c1"]]


def test_look_alike_facts_stay_apart():
    groups = group_claims([
        claim("a", "art1", 17),
        claim("b", "art1", 17.4, subject=(BOLT,)),  # another company
        claim("c", "art2", 10, date="2025-01-28"),
        claim("d", "art2", 9, hedge="~", date="2025-01-27"),  # another day, another figure
        claim("e", "art3", 17, direction="up"),  # rose, not fell
    ])
    assert members(groups) == [["a"], ["b"], ["c"], ["d"], ["e"]]


def test_a_claim_about_two_subjects_belongs_to_each_and_does_not_join_them():
    groups = group_claims([claim("a", "art1", 5, subject=(ACME, BOLT))])
    assert sorted(g.subject.id for g in groups) == ["ent_acme", "ent_bolt"]


def test_a_chain_of_near_misses_does_not_glue_different_days():
    groups = group_claims([
        claim("mon", "art1", 17, date="2025-01-27"),
        claim("nodate", "art2", 17),
        claim("tue", "art3", 17, date="2025-01-28"),
    ])
    # the undated report could be either day's, so it joins neither (resolve.group_claim_block)
    assert members(groups) == [["mon"], ["nodate"], ["tue"]]


def test_partial_quote_inside_a_longer_one_is_the_same_quote():
    groups = group_quotes([
        quote("q1", "art1", "We will open two factories, and it is a great day for the town."),
        quote("q2", "art2", "a great day for the town"),
        quote("q3", "art2", "a great day for the town", speaker=EntityRef(name="Other Person", id="ent_other")),
    ])
    assert members(groups) == [["q1", "q2"], ["q3"]]


def test_long_excerpt_carrying_two_quotations_supports_both_without_merging_them():
    """One outlet quotes two sentences of a speech apart, another as one excerpt: the excerpt
    is evidence for both quotations, and the two sentences stay two quotes."""
    first = "We will open two new factories in the north before the end of next year."
    second = "The town deserves better jobs, and this plan will deliver them for everyone."
    groups = group_quotes([
        quote("q_first", "art1", first),
        quote("q_second", "art1", second, start=200),
        quote("q_both", "art2", f"{first} {second}"),
        quote("q_words", "art3", "better jobs"),
    ])
    cited = sorted((sorted(q.id for q in g.members), sorted(q.id for q in g.also)) for g in groups)
    assert cited == [(["q_both", "q_first", "q_words"], []), (["q_second"], ["q_both", "q_words"])]


def test_graph_links_claims_quotes_entities_and_articles_and_shows_conflicts():
    articles = [Article(id=f"art{i}", path=f"{i}.txt", source=f"Outlet {i}", text="x" * 100) for i in (1, 2, 3)]
    claims = [
        claim("a", "art1", 17, date="2025-01-27"),
        claim("b", "art2", 17, hedge="~", date="2025-01-27", start=20),
        claim("c", "art3", 12, date="2025-01-27"),
    ]
    quotes = [quote("q", "art2", "shares fell 17% today", start=15)]
    built = build_graph(articles, [], quotes, claims)
    merged = [c for c in built.claims if len(c.mentions) == 2]
    assert len(merged) == 1 and merged[0].sources == ["Outlet 1", "Outlet 2"]
    other = next(c for c in built.claims if c.mentions == ["c"])
    assert merged[0].conflicts_with == [other.id] and other.conflicts_with == [merged[0].id]
    kinds = {(built.graph.nodes[a]["kind"], d["kind"], built.graph.nodes[b]["kind"])
             for a, b, d in built.graph.edges(data=True)}
    assert {("claim", "reported_in", "article"), ("claim", "conflicts_with", "claim"),
            ("quote", "reported_in", "article"), ("quote", "states", "claim")} <= kinds
    assert merged[0].provenance[0].spans == [(0, 5)]


def test_graph_json_is_the_node_link_document_of_the_graph_and_reads_back(tmp_path):
    articles = [Article(id=f"art{i}", path=f"{i}.txt", source=f"Outlet {i}", text="x" * 100) for i in (1, 2)]
    chen = Entity(id=CHEN.id, name=CHEN.name, type="PERSON", roles=[
        Role(title="analyst", org=ACME, article_id="art1"), Role(title="chief analyst", org=ACME, article_id="art2")])
    acme = Entity(id=ACME.id, name=ACME.name, type="ORG")
    records = (articles, [acme, chen], [quote("q", "art2", "shares fell 17% today, “again”", start=10)],
               [claim("a", "art1", 17), claim("b", "art2", 17.0, start=20),
                claim("c", "art2", 12, start=60, metric="revenue")])
    built = build_graph(*records)
    with MergeSpill(tmp_path) as spill:
        spill.add_articles(records[0])
        spill.add_entities(records[1])
        spill.add_quotes(records[2])
        spill.add_claims(records[3])
        nodes, edges = write_graph_json(merged_nodes(spill), tmp_path / "graph.json")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]  # the spill and the edge buffer are gone
    written = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(nx.node_link_data(built.graph, edges="edges")))
    assert graph_counts(nodes, edges) == built.counts() == {"claim_nodes": 2, "quote_nodes": 1, "conflicts": 0}
    assert [(e["source"], e["target"], e["title"]) for e in written["edges"] if e["kind"] == "works_for"] == [
        (CHEN.id, ACME.id, "chief analyst")]  # one edge per employer, however many articles name the role
    back = read_graph_json(tmp_path / "graph.json")
    assert nx.node_link_data(back, edges="edges") == written
