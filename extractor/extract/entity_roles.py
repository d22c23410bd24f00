"""Roles of people read off the text: appositions ("X, a manager at Y") and titles
before a name ("CEO X"), with the employer when the text names one."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.extract.entity_records import LocalEntity
from extractor.extract.entity_types import describes
from extractor.extract.lexicon import HONORIFICS, RANK_ABBREVIATIONS, TITLE_WORDS
from extractor.models import Mention


def token_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    return doc.char_span(start, end, alignment_mode="expand")


# --------------------------------------------------------------------- roles


# Prepositions that link a role to its employer ("manager at X", "minister of X").
EMPLOYER_PREPOSITIONS = frozenset({"at", "of", "for", "with", "from"})
# Dependencies of a title noun's modifiers that belong in the title ("chief investment officer").
TITLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "appos"})


def _title_and_employer(noun: Token, person: SpacySpan, owner_at) -> tuple[str, LocalEntity | None]:
    """The words of a role ("portfolio manager", "director of AI governance") and its employer."""
    employer = None
    words = [noun]
    for child in noun.children:
        if person.start <= child.i < person.end:
            continue
        entity = owner_at(child.idx, child.idx + len(child.text)) if child.pos_ == "PROPN" else None
        if child.dep_ in ("poss", "compound", "nmod") and entity is not None:
            employer = employer or entity  # "Dataiku's director", "OpenAI CEO"
        elif child.dep_ in TITLE_MODIFIER_DEPS and child.i < noun.i:
            words.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "case", "poss"))
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in EMPLOYER_PREPOSITIONS):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            continue
        obj = objects[0]
        entity = next((owner_at(t.idx, t.idx + len(t.text)) for t in obj.subtree
                       if t.pos_ == "PROPN" and owner_at(t.idx, t.idx + len(t.text)) is not None), None)
        if entity is not None and employer is None:
            employer = entity
        elif entity is None and prep.lower_ == "of":  # "director of AI governance"
            words.append(prep)
            words.extend(t for t in obj.subtree if t.dep_ not in ("det", "prep", "relcl", "acl")
                         and not any(a.dep_ in ("prep", "relcl", "acl") and a != obj for a in t.ancestors
                                     if obj in a.ancestors or a == obj))
        break
    words = sorted({t.i: t for t in words if employer is None or t.idx not in _mention_starts(employer)}.values(),
                   key=lambda t: t.i)
    title = "".join(_spelled_out(t) for t in words).strip(" ,-")
    return re.sub(r"\s+-\s+|\s+-|-\s+", "-", title), employer


def _shortened_rank(token: Token) -> str | None:
    """The office a shortened rank stands for ("Gov." governor, "Sen." senator, "VP"), else None."""
    text = token.text
    if not (text.endswith(".") or text.isupper()):
        return None  # "gen", "rep" as words; "Gen Digital"
    return RANK_ABBREVIATIONS.get(text.casefold().rstrip("."))


def _spelled_out(token: Token) -> str:
    """The token as a title reads it, a shortened rank spelt out ("Maryland Gov." is Maryland governor)."""
    rank = _shortened_rank(token)
    return rank + token.whitespace_ if rank else token.text_with_ws


def _names_a_role(token: Token) -> bool:
    return describes(token, TITLE_WORDS) or _shortened_rank(token) is not None


def _mention_starts(entity: LocalEntity) -> set[int]:
    return {m.start for m in entity.mentions}


def roles_beside(doc: Doc, person: LocalEntity, mention: Mention, owner_at) -> list[tuple[str, LocalEntity | None]]:
    """Roles stated beside one mention: appositions ("X, a manager at Y") and titles ("CEO X")."""
    span = token_span(doc, mention.start, mention.end)
    if span is None:
        return []
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and describes(c, TITLE_WORDS)]
    nouns += [c for c in root.children if c.dep_ == "compound" and c.i < span.start and _names_a_role(c)]
    if root.dep_ == "appos" and describes(root.head, TITLE_WORDS):
        nouns.append(root.head)
    found = []
    for noun in nouns:
        title, employer = _title_and_employer(noun, span, owner_at)
        if title and title.casefold() not in HONORIFICS:
            found.append((title, employer if employer is not person else None))
    return found

