"""Entities across the corpus: one record per entity, typed by every article's evidence.

Extraction gives each article its own entities (``extract.entities``); ids come from the
normalised canonical name, so the same entity has the same id in any article, and this
module merges them. An article that names an entity only in short ("Zuckerberg", "UN") gives
it another id; the corpus's other articles say which entity that is (``entity_links``), and
its record is folded into that entity's, its id kept in ``linked_ids``. Mentions and roles
grow with the corpus, so they wait on disk.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from extractor.extract.entity_types import type_of
from extractor.graph.subject_aliases import entity_links, places_named_as_companies, surnames_typed_as_companies
from extractor.models import Entity, EntityRef
from extractor.store.mentions import EntitySpill


class EntityMerger:
    """Merges entity records across articles one article at a time.

    Names, aliases and type evidence are merged in memory (they grow with the number
    of distinct entities); mentions and roles grow with the corpus, so they go to the
    ``spill`` and come back per entity when the records are read.
    """

    def __init__(self, spill: EntitySpill):
        self._merged: dict[str, Entity] = {}
        self._votes: dict[str, Counter] = defaultdict(Counter)
        self._names: dict[str, Counter] = defaultdict(Counter)  # how many articles name it each way
        self._spill = spill
        self._links: dict[str, EntityRef] | None = None
        self._companies: set[str] = set()  # ids typed ORG by the corpus's other names, set with the links

    def add(self, entities: Iterable[Entity]) -> None:
        self._links = None
        for entity in entities:
            self._votes[entity.id].update(entity.type_scores or {entity.type: float(len(entity.mentions))})
            self._spill.add(entity.id, entity.mentions, entity.roles)
            self._names[entity.id][entity.name] += 1
            into = self._merged.get(entity.id)
            if into is None:
                self._merged[entity.id] = entity.model_copy(update={"mentions": [], "provenance": [], "roles": []})
            else:
                if entity.link_confidence is not None:  # a link is as sure as its least sure article
                    into.link_confidence = min(into.link_confidence or 1.0, entity.link_confidence)
                names = {into.name, entity.name, *into.aliases, *entity.aliases}
                # The fullest form, a sentence's "The" not counted; between forms as full, one
                # without it, then the one most articles use ("Nvidia", not one page's "NVIDIA"),
                # then the first in code-point order (not the first seen), so that the name does
                # not depend on the order of articles.
                used = self._names[entity.id]
                into.name = max(sorted((into.name, entity.name)), key=lambda n: _fullness(n, used[n]))
                into.aliases = sorted(names - {into.name})

    def links(self) -> dict[str, EntityRef]:
        """Id -> the entity it is folded into (``entity_links``), for the records that refer
        to entities by the id their article gave."""
        if self._links is None:
            kinds, self._companies = self._kinds()
            self._links = entity_links(
                (e.id, e.name, kinds[e.id], e.aliases, e.link_confidence) for e in self._merged.values())
        return self._links

    def _kinds(self) -> tuple[dict[str, str], set[str]]:
        """Id -> type by its own votes, or ORG for a company's short name that the gazetteer
        alone made a place, or PERSON for a person's surname the model made an organisation
        (``surnames_typed_as_companies``: linked to the person, typed by both records' votes);
        and the ids of the companies (``places_named_as_companies``)."""
        kinds = {i: type_of(Counter(self._votes[i]), e.name) for i, e in self._merged.items()}
        companies = places_named_as_companies(
            (i, e.name, kinds[i], e.aliases, self._votes[i].get("ORG", 0) > 0) for i, e in self._merged.items())
        people = surnames_typed_as_companies(
            (i, e.name, kinds[i], e.aliases, self._votes[i].get("PERSON", 0) > 0, sum(self._names[i].values()))
            for i, e in self._merged.items())
        return {i: "ORG" if i in companies else "PERSON" if i in people else kind for i, kind in kinds.items()}, companies

    def records(self, mentions: bool = True) -> Iterator[Entity]:
        """Merged entities in id order, each typed by all the evidence seen, with the entities
        other articles named in short folded in (``links``).

        ``mentions=False`` leaves the mention lists empty: the graph needs only names
        and roles, and reading every mention back would hold the corpus's worth at once.
        """
        links = self.links()
        folded: dict[str, list[str]] = defaultdict(list)
        for source, target in links.items():
            folded[target.id].append(source)
        for entity_id_ in sorted(self._merged):
            if entity_id_ in links:
                continue
            ids = [entity_id_, *sorted(folded.get(entity_id_, ()))]
            entity = self._merged[entity_id_]
            votes = sum((Counter(self._votes[i]) for i in ids), Counter())
            kind = "ORG" if entity_id_ in self._companies else type_of(votes, entity.name)
            update: dict = {"type": kind, "type_scores": {k: round(v, 2) for k, v in sorted(votes.items())},
                            "roles": [role for i in ids for role in self._spill.roles_of(i)]}
            if len(ids) > 1:
                others = [self._merged[i] for i in ids[1:]]
                names = {*entity.aliases, *(n for o in others for n in (o.name, *o.aliases))} - {entity.name}
                confidences = [c for c in (entity.link_confidence, *(o.link_confidence for o in others))
                               if c is not None]
                update |= {"aliases": sorted(names), "linked_ids": sorted({*entity.linked_ids, *ids[1:]}),
                           "link_confidence": min(confidences) if confidences else None}
            mentions_: list = []
            if mentions:  # in (article, start) order
                mentions_ = [m for i in ids for m in self._spill.mentions_of(i)]
                if len(ids) > 1:
                    mentions_.sort(key=lambda m: (m.article_id, m.field == "text", m.start))
            yield entity.model_copy(update={**update, "mentions": mentions_})


def _fullness(name: str, used: int) -> tuple[int, int, bool, int]:
    """How full a name is, for the merged entity's name (see ``EntityMerger.add``)."""
    bare = name.removeprefix("The ")
    return len(bare.split()), len(bare), bare == name, used


def merge_entity_records(per_article: Iterable[list[Entity]]) -> list[Entity]:
    """One entity per id across the corpus; the type is voted over every article's evidence."""
    spill = EntitySpill()
    try:
        merger = EntityMerger(spill)
        for entities in per_article:
            merger.add(entities)
        return list(merger.records())
    finally:
        spill.close()


__all__ = ["EntityMerger", "merge_entity_records"]
