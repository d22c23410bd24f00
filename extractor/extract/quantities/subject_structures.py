"""Structures a figure is about: "the viaduct", "the deck", "the walkway" resolve to the
structure the article names, the way "the company" resolves to an organisation.

A structure is named by proper-noun words before a structure noun ("the Morandi bridge",
"Brooklyn Bridge", which are one subject however the noun is capitalised) or by the
organisation it stands at ("a pedestrian bridge at Acme University"). A place before the
noun ("the Genoa bridge", "the Italy bridge collapse") describes, it does not name. A description resolves to the last
structure named before it, else to one named later in its sentence; in an article that
names none, every structure noun is the noun the article uses most ("the viaduct", "the
deck" and "the bridge" of one article are one bridge).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from extractor.extract.entities import ArticleEntities
from extractor.extract.quantities.numbers import SMALL_NUMBERS

# Nouns of built structures (and of their parts that outlets use for the whole: "the span
# fell", "the deck measures 1,067 metres", "a stretch of highway broke off").
STRUCTURE_NOUNS = frozenset("""
bridge viaduct overpass flyover footbridge walkway span deck highway motorway expressway
tunnel dam tower skyscraper building stadium arena pier levee
""".split())
# Structure nouns that name a whole structure, one of which an article is about (a named
# road is the road a bridge carries, not the bridge: "the A10 motorway").
WHOLE_STRUCTURE_NOUNS = frozenset("""
bridge viaduct overpass flyover footbridge walkway tunnel dam tower skyscraper building stadium arena pier levee
""".split())
_NOUNS = "|".join(sorted(STRUCTURE_NOUNS, key=len, reverse=True))
_WHOLE = "|".join(sorted(WHOLE_STRUCTURE_NOUNS, key=len, reverse=True))
# "Morandi bridge", "Genoa Saint George Bridge": up to four capitalised words and the noun,
# not followed by another name word ("Acme Bridge Engineers", "Florida Highway Patrol").
NAMED_RE = re.compile(r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]*[ \t]+){1,4})(?P<noun>(?i:%s))s?\b(?![ \t]+[A-Z]|-)" % _WHOLE)
# "a pedestrian bridge at Acme University", "a bridge collapsed at the university": the noun
# and the organisation it stands at (named, or by its kind: INSTITUTION_NOUNS).
AT_RE = re.compile(r"\b(?P<noun>(?i:%s))\s+(?:(?:collapsed|fell|built|stood|standing|opened)\s+)?(?:at|of)\s+"
                   r"(?:(?P<the>the)\s+)?(?=(?P<kind>[a-z]+\b)?)" % _WHOLE)
# Organisations a structure stands at, named again by their kind ("the university" of an
# article that named Acme University): the last organisation named before with that word.
INSTITUTION_NOUNS = frozenset({"university", "college", "school", "hospital", "airport", "port", "mall"})
# Words that start a sentence or a description, never a structure's name.
NOT_NAME_WORDS = frozenset({"the", "a", "an", "this", "that", "its", "their", "new", "old", "collapsed", "and", "of", "in"})
# Words of a count before a plural ("Two buildings have collapsed"): no name's words, though a
# name's singular may open with one ("Seven Mile Bridge").
COUNT_WORDS = frozenset(SMALL_NUMBERS) | frozenset({"several", "many", "some", "both", "all", "most", "few", "dozens",
                                                    "hundreds", "thousands"})
# A line with this share of capitalised words is a title-case headline ("Pedestrian Bridge
# Collapses"), where capitals name nothing.
HEADLINE_CAPITALS = 0.6


@dataclass(frozen=True)
class Structure:
    start: int
    end: int
    name: str
    entity_id: str | None = None


def _headline_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:len(text) if end < 0 else end])
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) / len(long_words) >= HEADLINE_CAPITALS


@lru_cache(maxsize=1024)
def _country(name: str) -> bool:
    """A country's name or demonym-free short name (pycountry's ISO 3166 data)."""
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _place_description(text: str, entities: ArticleEntities, start: int, end: int) -> bool:
    """"the Genoa bridge": a place the article names on its own too describes the structure
    ("the San Giorgio bridge", a place only in the structure's name, names it)."""
    if _country(text[start:end].strip()):
        return True  # "the Italy bridge collapse"
    owner = entities.at(start, end)
    if owner is None or owner.type not in ("GPE", "NORP", "LOC"):
        return False
    mentions = [m for m in owner.mentions if not (start <= m.start < end)]
    return any(not re.match(r"\s+(?i:%s)" % _WHOLE, text[m.end:m.end + 20]) for m in mentions)


def named_structures(text: str, entities: ArticleEntities) -> list[Structure]:
    """The structures the article names, in text order."""
    found: list[Structure] = []
    for m in NAMED_RE.finditer(text):
        words = m.group("name").split()
        plural = m.end() > m.end("noun")
        while words and (words[0].lower() in NOT_NAME_WORDS or plural and words[0].lower() in COUNT_WORDS):
            words.pop(0)
        if not words or any(not w[0].isupper() for w in words) or _headline_line(text, m.start()):
            continue
        start = m.end("name") - len(" ".join(words)) - (len(m.group("name")) - len(m.group("name").rstrip()))
        if _place_description(text, entities, start, m.end("name")):
            continue
        name = " ".join(words) + " " + m.group("noun").capitalize()
        found.append(Structure(start=start, end=m.end("noun"), name=name))
    for m in AT_RE.finditer(text):
        if _headline_line(text, m.start()):
            continue
        if m.group("kind") is None:
            e = entities.at(m.end(), m.end() + 1) if text[m.end():m.end() + 1].isupper() else None
            end = next((mm.end for mm, o in entities.mentions_in(m.end(), m.end() + 200) if o is e), m.end())
        elif m.group("the") and m.group("kind") in INSTITUTION_NOUNS:
            e, end = _institution_before(m.start(), m.group("kind"), entities), m.end("kind")
        else:
            continue
        if e is not None and e.type in ("ORG", "FAC"):
            found.append(Structure(start=m.start(), end=end, name=e.name, entity_id=e.id))
    return sorted(found, key=lambda s: s.start)


def _institution_before(pos: int, kind: str, entities: ArticleEntities):
    """The last organisation named before ``pos`` whose name holds ``kind`` ("the university":
    Acme University), or None."""
    named = [o for mm, o in entities.mentions_in(0, pos)
             if o.type in ("ORG", "FAC") and kind in o.name.casefold().split()]
    return named[-1] if named else None


def principal_structure_noun(text: str) -> str | None:
    """The whole-structure noun the article uses most ("bridge"), for an article that names none."""
    counts = Counter(w.lower().removesuffix("s") for w in re.findall(r"\b(?:%s)s?\b" % _NOUNS, text, re.I))
    whole = [(n, w) for w, n in counts.items() if w in WHOLE_STRUCTURE_NOUNS]
    return max(whole)[1] if whole else None


def structure_at(pos: int, sentence_end: int, structures: list[Structure]) -> Structure | None:
    """The structure a description at ``pos`` refers to: the last named before it, else the
    first named after it in its sentence."""
    before = [s for s in structures if s.start < pos]
    if before:
        return before[-1]
    return next((s for s in structures if pos < s.start < sentence_end), None)


# Between a measure and the structure it describes: "45-meter-high (150-foot) Morandi Bridge".
MEASURE_GAP_RE = re.compile(r"[-a-z]*\)?\s*(?:\([^()]{0,24}\)\s*)?(?:[a-z]+\s+){0,2}")


def structure_after(end: int, text: str, structures: list[Structure]) -> Structure | None:
    """The named structure a measure stands right before ("the 45-metre high Morandi Bridge")."""
    for s in structures:
        if s.start >= end:
            return s if MEASURE_GAP_RE.fullmatch(text, end, s.start) else None
    return None
