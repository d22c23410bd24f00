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
from typing import Protocol

import networkx as nx

from extractor.graph.quote_groups import QuoteGroup, group_quote_block
from extractor.graph.conflicts import find_conflicts
from extractor.graph.resolve import ClaimGroup, claim_group_order, group_claim_block
from extractor.graph.spill import Edge, MergeSpill, Node
from extractor.models import Article, Claim, ClaimNode, Entity, EntityRef, Provenance, Quote, QuoteNode


def graph_counts(node_kinds: Counter, edge_kinds: Counter) -> dict[str, int]:
    """Merged claims, merged quotes and conflicting pairs (each conflict edge goes both ways)."""
    return {"claim_nodes": node_kinds["claim"], "quote_nodes": node_kinds["quote"],
            "conflicts": edge_kinds["conflicts_with"] // 2}


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
        return graph_counts(Counter(kind for _, kind in self.graph.nodes(data="kind")),
                            Counter(kind for _, _, kind in self.graph.edges(data="kind")))


class Reported(Protocol):
    """What provenance shows of an article: an ``Article`` or its header has it."""

    @property
    def source(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


# Where a record sits: (article id, start, end, field), field `text` or `title`.
Place = tuple[str, int, int, str]


def provenance(places: Iterable[Place], articles: Mapping[str, Reported]) -> list[Provenance]:
    """One entry per article: its outlet, title, URL and date, with every span in it (in
    its text, and in its title apart)."""
    by_article: dict[str, dict[str, set[tuple[int, int]]]] = defaultdict(lambda: defaultdict(set))
    for article_id, start, end, field in places:
        by_article[article_id][field].add((start, end))
    out = []
    for article_id in sorted(by_article):
        article, spans = articles.get(article_id), by_article[article_id]
        out.append(Provenance(
            article_id=article_id, spans=sorted(spans["text"]), title_spans=sorted(spans["title"]),
            source=article.source if article else None, title=article.title if article else None,
            url=article.url if article else None, published=article.published if article else None,
        ))
    return out


def with_provenance(entities: Iterable[Entity], articles: Mapping[str, Reported]) -> Iterator[Entity]:
    """Entities as written to ``entities.jsonl``: each with the outlets and spans that mention it."""
    for entity in entities:
        places = ((m.article_id, m.start, m.end, m.field) for m in entity.mentions)
        yield entity.model_copy(update={"provenance": provenance(places, articles)})


def _outlets(entries: list[Provenance]) -> list[str]:
    return sorted({p.source for p in entries if p.source})


def _claim_node(group: ClaimGroup, articles: Mapping[str, Reported], conflicts: list[str], quotes: list[str]) -> ClaimNode:
    rep = group.representative()
    entries = provenance(((c.article_id, c.start, c.end, c.field) for c in group.members), articles)
    return ClaimNode(
        id=group.id, subject=group.subject, value=rep.value, unit=rep.unit, hedge=rep.hedge,
        direction=group.direction, metric=group.metric, frame=group.frame, date=group.date, bounds=rep.bounds, text=rep.text,
        mentions=sorted({c.id for c in group.members}), articles=[p.article_id for p in entries],
        sources=_outlets(entries), conflicts_with=sorted(conflicts), quotes=sorted(quotes), provenance=entries,
    )


def _quote_node(group: QuoteGroup, articles: Mapping[str, Reported], claims: list[str]) -> QuoteNode:
    rep = group.representative()
    kinds = {q.kind for q in group.members}
    entries = provenance(((q.article_id, q.start, q.end, "text") for q in group.occurrences), articles)
    return QuoteNode(
        id=group.id, speaker=group.speaker, text=rep.text,
        quote_kind="direct" if kinds == {"direct"} else rep.kind,
        mentions=sorted({q.id for q in group.occurrences}), articles=[p.article_id for p in entries],
        sources=_outlets(entries), claims=sorted(claims), provenance=entries,
    )


def _edges(node: ClaimNode | QuoteNode, to: EntityRef | None, kind: str, known: set[str],
           articles: Mapping[str, Reported]) -> list[Edge]:
    """The edges every merged node has: to its subject or speaker, and to the articles reporting it."""
    edges: list[Edge] = [(node.id, to.id, {"kind": kind})] if to and to.id in known else []
    edges.extend((node.id, article_node_id(p.article_id), {"kind": "reported_in", "spans": [list(s) for s in p.spans],
                                                                 **({"title_spans": [list(s) for s in p.title_spans]}
                                                                    if p.title_spans else {})})
                 for p in node.provenance if p.article_id in articles)
    return edges


def _merge(spill: MergeSpill, known: set[str]) -> None:
    """Merge the spill's occurrences one block at a time into nodes (with the edges out of
    them) kept in the spill; ``known`` are the entity ids that edges may point to.

    Quotes go first, so that each claim can find the quotes whose words contain it.
    """
    articles = spill.headers
    kinds = spill.entity_types()
    for block in spill.quote_blocks():
        for group in group_quote_block(block):
            node = _quote_node(group, articles, [])
            spill.put_quote_node(node, group.first, ((q.article_id, q.start, q.end) for q in group.occurrences),
                                 _edges(node, node.speaker, "said_by", known, articles))
    for name, block in spill.claim_blocks():
        groups = group_claim_block(block, name)
        conflicts: dict[str, list[str]] = defaultdict(list)
        for a, b in find_conflicts(groups, kinds or None):  # conflicts share a block (subject or metric, and unit)
            conflicts[a.id].append(b.id)
            conflicts[b.id].append(a.id)
        for group in groups:
            # a quote is in the text only: a figure of the headline is stated by none
            quotes = spill.quotes_containing((c.article_id, c.start, c.end) for c in group.members if c.field == "text")
            node = _claim_node(group, articles, conflicts[group.id], sorted(quotes))
            edges = _edges(node, node.subject, "about", known, articles)
            edges.extend((node.id, other, {"kind": "conflicts_with"}) for other in node.conflicts_with)
            spill.put_claim_node(node, claim_group_order(group), edges)


def merged_nodes(spill: MergeSpill) -> Iterator[Node]:
    """Every node with the edges out of it: articles, entities, then the merged claims and
    quotes, each in order of first occurrence. Merges the spill's occurrences first."""
    known = spill.entity_ids()
    _merge(spill, known)
    for article in spill.headers.in_order():
        yield article_node_id(article.id), {
            "kind": "article", "title": article.title, "source": article.source,
            "published": article.published, "url": article.url, "path": article.path}, []
    for entity_id, data, employers in spill.entities():
        yield entity_id, {"kind": "entity", **data}, [
            (entity_id, org, {"kind": "works_for", "title": title}) for org, title in employers if org in known]
    yield from spill.claim_nodes()
    for node_id, data, edges in spill.quote_nodes():
        yield node_id, data, edges + [(node_id, claim, {"kind": "states"}) for claim in data["claims"]]


def build_graph(
    articles: Iterable[Article], entities: Iterable[Entity], quotes: Iterable[Quote], claims: Iterable[Claim]
) -> ClaimGraph:
    """The merged graph in memory (records in input order); a run streams the same nodes
    to ``graph.json`` instead (``merged_nodes`` and ``write_graph_json``)."""
    graph = nx.DiGraph()
    edges: list[Edge] = []
    with MergeSpill() as spill:
        spill.add_articles(articles)
        spill.add_entities(entities)
        spill.add_quotes(quotes)
        spill.add_claims(claims)
        for node_id, data, out in merged_nodes(spill):
            graph.add_node(node_id, **data)
            edges.extend(out)
    graph.add_edges_from(edges)  # after every node, so that no edge creates a node out of order
    return ClaimGraph(graph=graph)
