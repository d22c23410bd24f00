"""Which entity a claim's subject is when outlets name it differently: "Facebook Inc." in one
article is "Facebook" in another, "Zuckerberg" in a story that never gives his first name is
the corpus's "Mark Zuckerberg". Entity ids come from each article's own names, so without
this one fact about one company lands in two blocks and is never compared.

Only the claims' subjects are read this way (for merging); the entity records keep their
names. A short form is taken for a fuller one only when the corpus has exactly one it can
stand for: a surname of two people named alike stays as written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from extractor.extract.entities import entity_id, entity_key
from extractor.models import EntityRef

# Legal forms a company's name may carry or drop ("Facebook Inc.", "Apple Inc", "BP plc").
LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "llp",
    "lp", "ag", "sa", "spa", "nv", "bv", "se", "gmbh", "ab", "asa", "oyj",
})
PERSON = "PERSON"
ORGANISATIONS = frozenset({"ORG", "NORP", "FAC"})


def _without_legal_form(name: str) -> str | None:
    """The name without its trailing legal form ("Facebook Inc." -> "Facebook"), else None."""
    words = name.replace(",", " ").split()
    if len(words) < 2 or entity_key(words[-1]) not in LEGAL_SUFFIXES:
        return None
    return " ".join(words[:-1])


def subject_aliases(entities: Iterable[tuple[str, str, str | None]]) -> dict[str, EntityRef]:
    """Entity id -> the entity it names in short, from (id, name, type) of the corpus's entities.

    A company named with its legal form is the company named without it, when the corpus has
    that name; a person named by one word is the one person of the corpus whose full name
    ends in that word.
    """
    by_id: dict[str, tuple[str, str | None]] = {}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for ent_id, name, kind in entities:
        by_id[ent_id] = (name, kind)
        words = name.split()
        if kind == PERSON and len(words) > 1:
            by_surname[entity_key(words[-1])].add(ent_id)
    aliases: dict[str, EntityRef] = {}
    for ent_id, (name, kind) in by_id.items():
        short = _without_legal_form(name) if kind != PERSON else None
        if short and entity_id(short) in by_id:
            target = entity_id(short)
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
        elif kind == PERSON and len(name.split()) == 1 and len(full := by_surname.get(entity_key(name), ())) == 1:
            (target,) = full
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
    return aliases


def with_subjects_aliased(subjects: list[EntityRef], aliases: dict[str, EntityRef]) -> list[EntityRef] | None:
    """The subjects with each short form read as its entity, or None when none changes."""
    if not aliases or not any(s.id in aliases for s in subjects):
        return None
    out: list[EntityRef] = []
    for subject in subjects:
        subject = aliases.get(subject.id, subject)
        if subject not in out:
            out.append(subject)
    return out
