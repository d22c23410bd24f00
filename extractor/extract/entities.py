"""Named entities of one article: cleaned, grouped under a canonical name, typed.

spaCy's small model mislabels often (companies as places, headings as people) and
splits "Altman" from "Sam Altman". This module turns raw mentions into entities:
possessives and punctuation stripped, short forms resolved to the full name used in
the same article, and one type per entity voted from every mention and its context.
Cross-article merging happens in ``merge_entities``: ids come from the normalised
canonical name, so the same entity from two sources gets the same id anywhere.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.models import Entity, EntityRef, Mention, Role

# spaCy labels that name things (numbers, dates and money are handled elsewhere).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

# Possessive endings: "Nvidia’s" names Nvidia.
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
# Quotation marks and punctuation that NER spans often swallow at their edges.
EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?*•–—-_ "


def entity_key(name: str) -> str:
    """Normalised name: case, accents, a leading "the", spaces and punctuation folded.

    "Chat GPT" and "ChatGPT" meet, as do "The Bahnsen Group" and "Bahnsen Group";
    "SoftBank Group" keeps every word, so it never meets "Bahnsen Group".
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^0-9a-z]+", "", text)


def entity_id(name: str) -> str:
    """Stable id of the entity with this canonical name."""
    return "ent_" + hashlib.sha1(entity_key(name).encode()).hexdigest()[:12]


def clean_mention(text: str) -> tuple[int, int]:
    """Offsets (relative to ``text``) of the name once possessive and edge punctuation go."""
    start, end = 0, len(text)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    match = POSSESSIVE_RE.search(text[start:end])
    if match and end - start - len(match.group()) > 1:
        end -= 2 if match.group().startswith(("'", "’")) else 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


@dataclass
class LocalEntity:
    """An entity as one article sees it: all its mentions there and the type votes."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)

    @property
    def id(self) -> str:
        return entity_id(self.name)

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

    def before(self, pos: int, types: Iterable[str] | None = None, within: int | None = None) -> LocalEntity | None:
        """The entity mentioned last before ``pos`` (of one of ``types``), or None."""
        wanted = set(types) if types else None
        for j in range(bisect_right(self._starts, pos) - 1, -1, -1):
            m, e = self._mentions[j], self._owners[j]
            if m.end > pos:
                continue
            if within is not None and pos - m.end > within:
                return None
            if wanted is None or e.type in wanted:
                return e
        return None

    def by_name(self, text: str) -> LocalEntity | None:
        """The entity that has ``text`` as its name or an alias (normalised)."""
        return self._by_key.get(entity_key(text))


def extract_entities(doc: Doc, article_id: str) -> ArticleEntities:
    """Entities of one parsed article (first version: cleaned spaCy entities, grouped)."""
    text = doc.text
    groups: dict[str, LocalEntity] = {}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        rel_start, rel_end = clean_mention(ent.text)
        if rel_end - rel_start < 2:
            continue
        start, end = ent.start_char + rel_start, ent.start_char + rel_end
        surface = text[start:end]
        key = entity_key(surface)
        if not key:
            continue
        local = groups.get(key)
        if local is None:
            local = groups[key] = LocalEntity(name=surface, type=ent.label_)
        local.aliases.add(surface)
        local.votes[ent.label_] += 1
        local.mentions.append(Mention(article_id=article_id, start=start, end=end, text=surface))
    for local in groups.values():
        local.type = local.votes.most_common(1)[0][0]
    return ArticleEntities(article_id, list(groups.values()))


def merge_entity_records(per_article: Iterable[list[Entity]]) -> list[Entity]:
    """One entity per id across the corpus; the type is voted by mention counts."""
    merged: dict[str, Entity] = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    for entities in per_article:
        for entity in entities:
            votes[entity.id][entity.type] += len(entity.mentions)
            into = merged.get(entity.id)
            if into is None:
                merged[entity.id] = entity.model_copy(deep=True)
                continue
            names = {into.name, entity.name, *into.aliases, *entity.aliases}
            into.name = max((into.name, entity.name), key=lambda n: (len(n.split()), len(n)))
            into.aliases = sorted(names - {into.name})
            into.mentions.extend(entity.mentions)
            into.roles.extend(r for r in entity.roles if r not in into.roles)
    for entity_id, entity in merged.items():
        entity.type = votes[entity_id].most_common(1)[0][0]
        entity.mentions.sort(key=lambda m: (m.article_id, m.start))
    return sorted(merged.values(), key=lambda e: e.id)


__all__ = [
    "ArticleEntities",
    "LocalEntity",
    "clean_mention",
    "entity_id",
    "entity_key",
    "extract_entities",
    "merge_entity_records",
]
