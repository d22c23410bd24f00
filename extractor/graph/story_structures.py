"""Which structure "the bridge" is in an article that never names it: the one the other
outlets of its story name. A wire story of a collapse ("an 80-meter stretch of the Genoa
highway bridge broke off") often never gives the bridge's name, while the other outlets
of those days call it "the Morandi bridge"; the figures are one fact only once the bare
noun is read as that bridge.

An article's story is the articles dated within STORY_DAYS of it that name a place it names
(a town or region: a country is shared by too many stories). The bare noun is read as the
structure of that kind the story names only when it names exactly one: two bridges, or an
undated article (whose story cannot be told), leave it as written. Counts of people are
never moved (their counted noun, not the structure, is what blocks them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from extractor.extract.gazetteer import is_country
from extractor.extract.quantities.subject_structures import WHOLE_STRUCTURE_NOUNS
from extractor.models import EntityRef

# Days either side of an article's date within which other outlets tell the same story (a
# collapse is reported for the week of its search and funerals; the same bridge's rebuilding
# two years later is another story).
STORY_DAYS = 7
# Entity types of places that stand for a story's scene.
PLACE_TYPES = frozenset({"GPE", "LOC"})


def bare_structure_noun(subject: EntityRef) -> str | None:
    """The structure noun a subject is, written bare ("bridge"), else None."""
    noun = subject.name.casefold().removeprefix("the ")
    return noun if noun in WHOLE_STRUCTURE_NOUNS else None


@lru_cache(maxsize=65536)
def named_structure_noun(name: str) -> str | None:
    """The structure noun of a structure's name ("Morandi Bridge": bridge), else None."""
    words = name.casefold().removeprefix("the ").split()
    if len(words) < 2:
        return None
    noun = words[-1]
    return noun if noun in WHOLE_STRUCTURE_NOUNS else None


def story_place(kind: str | None, name: str) -> bool:
    """A place that tells a story's scene: a town or region, not a country."""
    return kind in PLACE_TYPES and not is_country(name)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def story_days(published: str | None) -> tuple[str, str] | None:
    """The first and last day (ISO) of the story of an article published on ``published``, or
    None for an undated article."""
    day = _day(published)
    if day is None:
        return None
    span = dt.timedelta(days=STORY_DAYS)
    return (day - span).isoformat(), (day + span).isoformat()


def story_structure(published: str | None, candidates: Iterable[tuple[str, str, str | None]]) -> EntityRef | None:
    """The one structure (id, name) that the articles of a story name, from ``candidates``
    (id, name, date of the naming article) named in articles sharing a place with the one
    published on ``published``; None when there is none, several, or no date to place it."""
    day = _day(published)
    if day is None:
        return None
    found: dict[str, str] = {}
    for ent_id, name, other in candidates:
        other_day = _day(other)
        if other_day is not None and abs((other_day - day).days) <= STORY_DAYS:
            found.setdefault(ent_id, name)
    if len(found) != 1:
        return None
    ((ent_id, name),) = found.items()
    return EntityRef(id=ent_id, name=name)
