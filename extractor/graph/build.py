"""The claim graph: articles, entities, merged claims and quotes, and how they relate.

Node kinds: ``article``, ``entity``, ``claim`` (a merged numeric claim), ``quote`` (a
merged quote). Edge kinds: ``about`` (claim → entity), ``said_by`` (quote → entity),
``reported_in`` (claim or quote → article, with the character spans),
``works_for`` (person → organisation, with the title), ``conflicts_with``
(claim ↔ claim, both directions) and ``states`` (quote → claim it contains).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from extractor.graph.resolve import ClaimGroup, QuoteGroup, find_conflicts, group_claims, group_quotes
from extractor.models import Article, Claim, ClaimNode, Entity, Provenance, Quote, QuoteNode


def article_node_id(article_id: str) -> str:
    return f"article:{article_id}"


@dataclass
class ClaimGraph:
    """The merged graph and its merged nodes as typed records."""

    graph: nx.DiGraph
    claims: list[ClaimNode]
    quotes: list[QuoteNode]
    entities: list[Entity]


def provenance(spans: Iterable[tuple[str, int, int]], articles: dict[str, Article]) -> list[Provenance]:
    """One entry per article: its outlet, title, URL and date, with every span in it."""
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in spans:
        by_article[article_id].append((start, end))
    out = []
    for article_id in sorted(by_article):
        article = articles.get(article_id)
        out.append(Provenance(
            article_id=article_id, spans=sorted(set(by_article[article_id])),
            source=article.source if article else None, title=article.title if article else None,
            url=article.url if article else None, published=article.published if article else None,
        ))
    return out


def _sources(article_ids: Iterable[str], articles: dict[str, Article]) -> tuple[list[str], list[str]]:
    ids = sorted(set(article_ids))
    outlets = sorted({articles[a].source for a in ids if a in articles and articles[a].source})
    return ids, outlets


def _claim_node(group: ClaimGroup, articles: dict[str, Article], conflicts: list[str], quotes: list[str]) -> ClaimNode:
    rep = group.representative()
    ids, outlets = _sources((c.article_id for c in group.members), articles)
    return ClaimNode(
        id=group.id, subject=group.subject, value=rep.value, unit=rep.unit, hedge=rep.hedge,
        direction=group.direction, metric=group.metric, date=group.date, bounds=rep.bounds, text=rep.text,
        mentions=sorted({c.id for c in group.members}), articles=ids, sources=outlets,
        conflicts_with=sorted(conflicts), quotes=sorted(quotes),
        provenance=provenance(((c.article_id, c.start, c.end) for c in group.members), articles),
    )


def _quote_node(group: QuoteGroup, articles: dict[str, Article], claims: list[str]) -> QuoteNode:
    rep = group.representative()
    kinds = {q.kind for q in group.members}
    ids, outlets = _sources((q.article_id for q in group.members), articles)
    return QuoteNode(
        id=group.id, speaker=group.speaker, text=rep.text,
        quote_kind="direct" if kinds == {"direct"} else rep.kind,
        mentions=sorted({q.id for q in group.members}), articles=ids, sources=outlets, claims=sorted(claims),
        provenance=provenance(((q.article_id, q.start, q.end) for q in group.members), articles),
    )


def _quotes_stating(claim_groups: list[ClaimGroup], quote_groups: list[QuoteGroup]) -> dict[str, set[str]]:
    """Claim group id → quote group ids whose occurrence contains one of the claim's occurrences."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for group in quote_groups:
        for quote in group.members:
            spans[quote.article_id].append((quote.start, quote.end, group.id))
    stated: dict[str, set[str]] = defaultdict(set)
    for group in claim_groups:
        for claim in group.members:
            for start, end, quote_id in spans.get(claim.article_id, ()):
                if start <= claim.start and claim.end <= end:
                    stated[group.id].add(quote_id)
    return stated


def build_graph(
    articles: Iterable[Article], entities: Iterable[Entity], quotes: Iterable[Quote], claims: Iterable[Claim]
) -> ClaimGraph:
    """Merge occurrences into nodes and connect them (records in input order)."""
    by_id = {a.id: a for a in articles}
    graph = nx.DiGraph()
    for article in by_id.values():
        graph.add_node(article_node_id(article.id), kind="article", title=article.title, source=article.source,
                       published=article.published, url=article.url, path=article.path)
    entity_list = [
        e.model_copy(update={"provenance": provenance(((m.article_id, m.start, m.end) for m in e.mentions), by_id)})
        for e in entities
    ]
    for entity in entity_list:
        graph.add_node(entity.id, kind="entity", name=entity.name, type=entity.type, aliases=entity.aliases)
    for entity in entity_list:
        for role in entity.roles:
            if role.org and role.org.id in graph:
                graph.add_edge(entity.id, role.org.id, kind="works_for", title=role.title)

    claim_groups = group_claims(claims)
    quote_groups = group_quotes(quotes)
    conflicts: dict[str, list[str]] = defaultdict(list)
    for a, b in find_conflicts(claim_groups):
        conflicts[a.id].append(b.id)
        conflicts[b.id].append(a.id)
    stated = _quotes_stating(claim_groups, quote_groups)
    claims_of_quote: dict[str, list[str]] = defaultdict(list)
    for claim_id, quote_ids in stated.items():
        for quote_id in quote_ids:
            claims_of_quote[quote_id].append(claim_id)

    claim_nodes = [_claim_node(g, by_id, conflicts[g.id], sorted(stated.get(g.id, ()))) for g in claim_groups]
    quote_nodes = [_quote_node(g, by_id, claims_of_quote[g.id]) for g in quote_groups]

    for node, group in zip(claim_nodes, claim_groups):
        graph.add_node(node.id, **node.model_dump(mode="json", exclude={"id"}))
        if node.subject and node.subject.id in graph:
            graph.add_edge(node.id, node.subject.id, kind="about")
        _link_articles(graph, node.id, group.members)
    for node, group in zip(quote_nodes, quote_groups):
        graph.add_node(node.id, **node.model_dump(mode="json", exclude={"id"}))
        if node.speaker and node.speaker.id in graph:
            graph.add_edge(node.id, node.speaker.id, kind="said_by")
        _link_articles(graph, node.id, group.members)
        for claim_id in node.claims:
            graph.add_edge(node.id, claim_id, kind="states")
    for node in claim_nodes:
        for other in node.conflicts_with:
            graph.add_edge(node.id, other, kind="conflicts_with")
    return ClaimGraph(graph=graph, claims=claim_nodes, quotes=quote_nodes, entities=entity_list)


def _link_articles(graph: nx.DiGraph, node_id: str, members: list[Claim] | list[Quote]) -> None:
    spans: dict[str, list[list[int]]] = defaultdict(list)
    for member in members:
        spans[member.article_id].append([member.start, member.end])
    for article_id, article_spans in spans.items():
        target = article_node_id(article_id)
        if target in graph:
            graph.add_edge(node_id, target, kind="reported_in", spans=sorted(article_spans))
