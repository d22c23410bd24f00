"""The claim graph: articles, entities, merged claims and quotes, and how they relate.

Node kinds: ``article``, ``entity``, ``claim`` (a merged numeric claim), ``quote`` (a
merged quote). Edge kinds: ``about`` (claim → entity), ``said_by`` (quote → entity),
``reported_in`` (claim or quote → article, with the character spans),
``works_for`` (person → organisation, with the title), ``conflicts_with``
(claim ↔ claim, both directions) and ``states`` (quote → claim it contains).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx

from extractor.graph.resolve import ClaimGroup, QuoteGroup, find_conflicts, group_claims, group_quotes
from extractor.models import Article, Claim, ClaimNode, Entity, Provenance, Quote, QuoteNode


def article_node_id(article_id: str) -> str:
    return f"article:{article_id}"


@dataclass
class ClaimGraph:
    """The merged graph; its claim and quote nodes can be read back as typed records.

    The node attributes are the only copy of the merged records, so a large graph
    is held once.
    """

    graph: nx.DiGraph

    def _nodes(self, kind: str, model: type[ClaimNode] | type[QuoteNode]) -> list:
        return [model.model_validate({**data, "id": node})
                for node, data in self.graph.nodes(data=True) if data.get("kind") == kind]

    @property
    def claims(self) -> list[ClaimNode]:
        return self._nodes("claim", ClaimNode)

    @property
    def quotes(self) -> list[QuoteNode]:
        return self._nodes("quote", QuoteNode)

    def counts(self) -> dict[str, int]:
        """Merged claims, merged quotes and conflicting pairs (each edge goes both ways)."""
        kinds = Counter(kind for _, kind in self.graph.nodes(data="kind"))
        conflicts = sum(1 for _, _, kind in self.graph.edges(data="kind") if kind == "conflicts_with")
        return {"claim_nodes": kinds["claim"], "quote_nodes": kinds["quote"], "conflicts": conflicts // 2}


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


def with_provenance(entities: Iterable[Entity], articles: Mapping[str, Article]) -> Iterator[Entity]:
    """Entities as written to ``entities.jsonl``: each with the outlets and spans that mention it."""
    for entity in entities:
        spans = ((m.article_id, m.start, m.end) for m in entity.mentions)
        yield entity.model_copy(update={"provenance": provenance(spans, articles)})


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
    """Merge occurrences into nodes and connect them (records in input order).

    Only the articles' metadata and the entities' names and roles are used (their
    texts and mentions may be left out); ``with_provenance`` completes the entities.
    """
    by_id = {a.id: a for a in articles}
    graph = nx.DiGraph()
    for article in by_id.values():
        graph.add_node(article_node_id(article.id), kind="article", title=article.title, source=article.source,
                       published=article.published, url=article.url, path=article.path)
    roles = []
    for entity in entities:
        graph.add_node(entity.id, kind="entity", name=entity.name, type=entity.type, aliases=entity.aliases)
        roles.extend((entity.id, role.org.id, role.title) for role in entity.roles if role.org)
    for person, org, title in roles:
        if org in graph:
            graph.add_edge(person, org, kind="works_for", title=title)

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

    for group in claim_groups:
        node = _claim_node(group, by_id, conflicts[group.id], sorted(stated.get(group.id, ())))
        graph.add_node(node.id, **node.model_dump(mode="json", exclude={"id"}))
        if node.subject and node.subject.id in graph:
            graph.add_edge(node.id, node.subject.id, kind="about")
        _link_articles(graph, node.id, group.members)
    for group in quote_groups:
        node = _quote_node(group, by_id, claims_of_quote[group.id])
        graph.add_node(node.id, **node.model_dump(mode="json", exclude={"id"}))
        if node.speaker and node.speaker.id in graph:
            graph.add_edge(node.id, node.speaker.id, kind="said_by")
        _link_articles(graph, node.id, group.members)
        for claim_id in node.claims:
            graph.add_edge(node.id, claim_id, kind="states")
    for group in claim_groups:
        for other in sorted(conflicts[group.id]):
            graph.add_edge(group.id, other, kind="conflicts_with")
    return ClaimGraph(graph=graph)


def _link_articles(graph: nx.DiGraph, node_id: str, members: list[Claim] | list[Quote]) -> None:
    spans: dict[str, list[list[int]]] = defaultdict(list)
    for member in members:
        spans[member.article_id].append([member.start, member.end])
    for article_id, article_spans in spans.items():
        target = article_node_id(article_id)
        if target in graph:
            graph.add_edge(node_id, target, kind="reported_in", spans=sorted(article_spans))
