"""An article's entities as the extractors see them: each with its mentions and type
evidence (``LocalEntity``), and look-ups by position and name (``ArticleEntities``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extractor.extract.entity_names import entity_id, entity_key
from extractor.models import Entity, EntityRef, Mention, Role


@dataclass
class LocalEntity:
    """An entity as one article sees it: all its mentions there and the type evidence."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    known_name: str | None = None  # the name world knowledge gives it ("United States" for "U.S.")
    tickers: set[str] = field(default_factory=set)  # its stock tickers ("AVGO"): aliases, never its name
    referent: str | None = None  # which of the things sharing its name it is, when that is part of the id
    link_confidence: float | None = None  # how sure a link by its id to other articles is (entity_referents)

    @property
    def id(self) -> str:
        return entity_id(self.name if self.referent is None else f"{self.name}, {self.referent}")

    def ref(self) -> EntityRef:
        return EntityRef(name=self.name, id=self.id)

    def to_record(self) -> Entity:
        return Entity(
            id=self.id,
            name=self.name,
            type=self.type,  # type: ignore[arg-type]
            aliases=sorted(a for a in self.aliases if a != self.name),
            roles=self.roles,
            mentions=sorted(self.mentions, key=lambda m: (m.article_id, m.start)),
            type_scores={k: round(v, 2) for k, v in sorted(self.votes.items()) if v > 0},
            link_confidence=self.link_confidence,
        )


class ArticleEntities:
    """The entities of one article, with look-ups by position for the other extractors."""

    def __init__(self, article_id: str, entities: list[LocalEntity]):
        self.article_id = article_id
        self.entities = entities
        pairs = sorted(((m, e) for e in entities for m in e.mentions), key=lambda p: p[0].start)
        self._mentions = [p[0] for p in pairs]
        self._owners = [p[1] for p in pairs]
        self._starts = [m.start for m in self._mentions]
        self._by_key = {entity_key(a): e for e in entities for a in (e.aliases | {e.name})}

    def at(self, start: int, end: int) -> LocalEntity | None:
        """The entity with the mention that overlaps [start, end) the most."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end)
        for j in range(i - 1, -1, -1):
            m = self._mentions[j]
            if m.end <= start:
                if start - m.end > 200:
                    break
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = self._owners[j], overlap
        return best

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, LocalEntity]]:
        """Every mention inside [start, end), in text order."""
        i = bisect_right(self._starts, start - 1)
        out = []
        for j in range(i, len(self._mentions)):
            m = self._mentions[j]
            if m.start >= end:
                break
            if m.end <= end:
                out.append((m, self._owners[j]))
        return out

    def before(self, pos: int, types: Iterable[str] | None = None, within: int | None = None,
               accept: Callable[[LocalEntity], bool] | None = None) -> LocalEntity | None:
        """The entity mentioned last before ``pos`` (of one of ``types``, and ``accept``ed), or None."""
        wanted = set(types) if types else None
        for j in range(bisect_right(self._starts, pos) - 1, -1, -1):
            m, e = self._mentions[j], self._owners[j]
            if m.end > pos:
                continue
            if within is not None and pos - m.end > within:
                return None
            if (wanted is None or e.type in wanted) and (accept is None or accept(e)):
                return e
        return None

    def by_name(self, text: str) -> LocalEntity | None:
        """The entity that has ``text`` as its name or an alias (normalised)."""
        return self._by_key.get(entity_key(text))

