"""Counts of people ("six workers", "two bodies", "43 victims") have the counted noun as
their subject, as written, every time; unless an owner holds them ("Facebook's 2.23
billion users", "Facebook had 2.23 billion users") or they come from a place ("two from
Albania")."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.lexicon import COUNTED_PEOPLE_NOUNS
from extractor.extract.quantities.subject_context import SubjectContext, _clause_subject
from extractor.extract.quantities.subject_names import entity_ref, thing_ref
from extractor.extract.quantities.subject_phrases import resolve_np
from extractor.models import EntityRef

# Verbs whose subject holds a count ("Facebook had 2.23 billion users").
HOLDING_VERBS = frozenset({"have", "count", "boast", "reach", "lose", "gain", "add", "attract", "employ", "hit"})


def _is_people_count(noun: Token) -> bool:
    return noun.lower_ in COUNTED_PEOPLE_NOUNS or noun.lemma_.lower() in COUNTED_PEOPLE_NOUNS


def _counted_people(root: Token, span: SpacySpan) -> Token | None:
    """The plural person noun the number counts ("six workers", "18 of the victims")."""
    doc = root.doc
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and root.head.pos_ == "NOUN" and root.head.i >= span.end - 1 and _is_people_count(root.head):
        return root.head
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and _is_people_count(doc[span.end]):
        return doc[span.end]
    if span.root.pos_ == "NOUN" and _is_people_count(span.root):
        return span.root  # the claim text holds its noun ("43 victims")
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and _is_people_count(obj):
                    return obj  # "18 of the victims"
    return None


def _count_subject(root: Token, span: SpacySpan, ctx: SubjectContext, verb: Token | None,
                   sent_root_subject: Token | None) -> list[EntityRef] | None:
    """Subject of a count of people, or None when the quantity is not one."""
    text = ctx.text
    after = text[span.end_char:span.end_char + 40]
    if (m := re.match(r"\s+from\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)*)", after)) and not span.root.pos_ == "NOUN":
        e = ctx.entities.at(span.end_char + m.start(1), span.end_char + m.end(1))
        return [entity_ref(ctx, e) if e is not None else thing_ref(m.group(1))]  # "three from Chile"
    noun = _counted_people(root, span)
    if noun is None:
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        found = resolve_np(owner[0], ctx, sent_root_subject)
        if found:
            return found
    if verb is not None and verb.lemma_.lower() in HOLDING_VERBS and noun.dep_ == "dobj":
        subj = _clause_subject(verb, span)
        if subj is not None and subj.pos_ in ("PROPN", "PRON"):
            found = resolve_np(subj, ctx, sent_root_subject)
            if found:
                return found
    return [thing_ref(noun.lower_)]

