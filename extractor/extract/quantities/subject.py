"""What a quantity is about: the entities of the subject of the governing verb (its head's
entity first: in "ChatGPT backer Microsoft fell", Microsoft; conjuncts too, and entities
listed before it with "and", which the parser may split off); else its possessor,
compound, "of"/"at" phrase ("Broadcom's shares", "Shares of Nvidia", "profits at HSBC").
For verbs that move an amount from an owner ("wiping $593bn from the chipmaker's market
value") the owner comes first. Clauses without a subject inherit it. Pronouns and
descriptions resolve through the coreference rules. No entity: empty subject."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.coreference import OWNER_NOUNS, OWNER_WINDOW, description_types, pronoun_types
from extractor.extract.entities import ArticleEntities, LocalEntity

# Verbs that move an amount from or to an owner ("wiping $593bn from X's market value").
TRANSFER_VERBS = frozenset({
    "wipe", "erase", "shave", "knock", "strip", "lop", "slash", "take", "add", "remove",
})
# Words that make an organisation description refer back to the owner of an amount
# ("the chipmaker's market value", "its rival's shares").
OWNER_DETERMINERS = frozenset({"the", "this", "its", "their"})
# Entity types a subject can have (numbers are about organisations, places, people, things).
SUBJECT_TYPES = frozenset({"ORG", "PERSON", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"})


def verb_of(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (at most six steps)."""
    node = token
    for _ in range(7):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod",):
            return node
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def _clause_subject(verb: Token, exclude: SpacySpan) -> Token | None:
    """Subject of ``verb``, inherited through conjoined, participle and adverbial clauses."""
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and not (exclude.start <= c.i < exclude.end)]
        if subjects:
            return subjects[0]
        if node.dep_ in ("relcl",) and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            # a finite verb the parser left without a subject ("its V3 model, launched on
            # 10 January, was trained"): the subject of the clause just before it
            for sibling in sorted((c for c in node.head.children if c.i < node.i and c.pos_ in ("VERB", "AUX")), key=lambda c: -c.i):
                subjects = [c for c in sibling.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp", "ccomp", "prep"):
            node = node.head
            continue
        return None
    return None


def _entities_of_np(np: Token, entities: ArticleEntities, sent_root_subject: Token | None) -> list[LocalEntity]:
    """Entities a noun phrase names: its head (and conjuncts), else possessors, compounds, "of" objects."""
    heads = [np, *np.conjuncts]
    found: list[LocalEntity] = []

    def add(e: LocalEntity | None) -> None:
        if e is not None and e.type in SUBJECT_TYPES and e not in found:
            found.append(e)

    for h in heads:
        add(entities.at(h.idx, h.idx + len(h)))
    if found:
        return found
    for h in heads:
        for child in h.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i < h.i:
                for t in [child, *child.conjuncts]:
                    ent = entities.at(t.idx, t.idx + len(t))
                    if ent is None and t.dep_ == "compound":
                        for tt in t.subtree:
                            ent = ent or entities.at(tt.idx, tt.idx + len(tt))
                    add(ent)
            if child.dep_ == "prep" and child.lower_ in ("of", "at"):  # "shares of X", "profits at X"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for t in [obj, *obj.conjuncts]:
                            sub = _entities_of_np(t, entities, sent_root_subject)
                            for e in sub:
                                add(e)
    if found:
        return found
    # a pronoun or a description ("its shares", "the chipmaker's market value", "the company")
    for h in heads:
        for t in [h, *[c for c in h.children if c.dep_ == "poss"]]:
            e = _resolve_reference(t, entities, sent_root_subject)
            add(e)
    return found


def _resolve_reference(t: Token, entities: ArticleEntities, sent_root_subject: Token | None) -> LocalEntity | None:
    """Entity a pronoun or a definite description stands for."""
    types = pronoun_types(t)
    if types is None and t.pos_ == "NOUN":
        types = description_types(t, org_nouns=OWNER_NOUNS, determiners=OWNER_DETERMINERS, people=False)
    if types is None:
        return None
    if sent_root_subject is not None and sent_root_subject.i < t.i and sent_root_subject.i != t.i:
        for h in [sent_root_subject, *sent_root_subject.conjuncts]:
            e = entities.at(h.idx, h.idx + len(h))
            if e is not None and e.type in types:
                return e
        for child in sent_root_subject.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    e = entities.at(obj.idx, obj.idx + len(obj))
                    if e is not None and e.type in types:
                        return e
    return entities.before(t.idx, types=types, within=OWNER_WINDOW)


def sentence_subject(sent: SpacySpan) -> Token | None:
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def subject_entities(root: Token, span: SpacySpan, entities: ArticleEntities, verb: Token | None, root_subject: Token | None, text: str) -> list[LocalEntity]:
    """The entities the quantity is about."""
    # the noun phrase the amount belongs to ("Nvidia's $593bn loss", "a cost of under $6m")
    node = root
    while node.dep_ in ("pobj", "prep", "nummod", "compound", "quantmod", "amod") and node.head is not node and node.head.pos_ in ("ADP", "NOUN", "PROPN") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in node.children if c.dep_ in ("poss",)]
            for o in owners:
                found = _entities_of_np(o, entities, root_subject)
                if found:
                    return found
    if verb is not None:
        if verb.lemma_.lower() in TRANSFER_VERBS:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "off", "to", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = _entities_of_np(obj, entities, root_subject)
                            if found:
                                return found
        subj = _clause_subject(verb, span)
        if subj is not None:
            found = _with_listed_subjects(_entities_of_np(subj, entities, root_subject), subj, entities, text)
            if found:
                return found
    return _telegraphic_subject(span, entities, text)


# Headlines and summary bullets are telegraphic ("$593bn wiped off Acme shares"): when
# the parse names no subject, the one organisation or person in so short a line is it.
TELEGRAPHIC_MAX_WORDS = 15


def _telegraphic_subject(span: SpacySpan, entities: ArticleEntities, text: str) -> list[LocalEntity]:
    start = text.rfind("\n\n", 0, span.start_char)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", span.end_char)
    end = len(text) if end < 0 else end
    if len(text[start:end].split()) > TELEGRAPHIC_MAX_WORDS:
        return []
    named = {e.id: e for _, e in entities.mentions_in(start, end) if e.type in ("ORG", "PERSON")}
    return list(named.values()) if len(named) == 1 else []


# Between two listed subjects: "and"/"," and up to four lower-case descriptor words
# ("Tokyo Electron and technology startup investor SoftBank Group slid 5%").
LISTED_SUBJECT_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z][\w-]*\s+){0,4}\Z")


def _with_listed_subjects(found: list[LocalEntity], subj: Token, entities: ArticleEntities, text: str) -> list[LocalEntity]:
    """Add the entities listed before the subject with "and" or commas, which the parser may split off."""
    if not found:
        return found
    start = subj.left_edge.idx
    head_mentions = [m for m, e in entities.mentions_in(subj.idx, subj.idx + len(subj) + 1) if e in found]
    if head_mentions:
        start = min(start, head_mentions[0].start)
    floor = subj.sent.start_char
    out = list(found)
    seen_and = False
    while True:
        before = entities.mentions_in(floor, start)
        if not before:
            break
        mention, entity = before[-1]
        gap = text[mention.end:start]
        seen_and = seen_and or bool(re.search(r"\band\b", gap))
        if not seen_and or not LISTED_SUBJECT_GAP_RE.fullmatch(gap) or entity.type not in SUBJECT_TYPES:
            break  # "In the US, Broadcom fell": a comma alone lists nothing
        if entity not in out:
            out.insert(0, entity)
        start = mention.start
    return out
