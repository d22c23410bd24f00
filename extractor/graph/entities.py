"""Entities across the corpus: one record per entity id, typed by every article's evidence.

Extraction gives each article its own entities (``extract.entities``); ids come from the
normalised canonical name, so the same entity has the same id in any article, and this
module merges them. Mentions and roles grow with the corpus, so they wait on disk.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from extractor.extract.entity_types import decide_type
from extractor.models import Entity
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

    def add(self, entities: Iterable[Entity]) -> None:
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
                # The fullest form; between forms as full, the one most articles use ("Nvidia", not
                # one page's "NVIDIA"), then the first in code-point order (not the first seen), so
                # that the name does not depend on the order of articles.
                used = self._names[entity.id]
                into.name = max(sorted((into.name, entity.name)), key=lambda n: (len(n.split()), len(n), used[n]))
                into.aliases = sorted(names - {into.name})

    def records(self, mentions: bool = True) -> Iterator[Entity]:
        """Merged entities in id order, each typed by all the evidence seen.

        ``mentions=False`` leaves the mention lists empty: the graph needs only names
        and roles, and reading every mention back would hold the corpus's worth at once.
        """
        for entity_id_ in sorted(self._merged):
            entity = self._merged[entity_id_]
            votes = Counter(self._votes[entity_id_])
            entity.type = decide_type(votes)  # type: ignore[assignment]
            entity.type_scores = {k: round(v, 2) for k, v in sorted(votes.items())}
            mentions_ = list(self._spill.mentions_of(entity_id_)) if mentions else []  # in (article, start) order
            yield entity.model_copy(update={"mentions": mentions_, "roles": self._spill.roles_of(entity_id_)})


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
