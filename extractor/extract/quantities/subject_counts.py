"""Counts of people ("six workers", "two bodies", "43 victims") have the counted noun as
their subject, as written, every time; unless an owner holds them ("Facebook's 2.23
billion users", "Facebook had 2.23 billion users") or they come from a place ("two from
Albania"). Counts of other things a named party wins, holds or loses ("Labour won 412
seats", "the Greens, with four seats") are that party's (``holder_of_count``): two
parties' four seats are two facts."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.lexicon import COUNT_STATE_RE, COUNTED_PEOPLE_NOUNS
from extractor.extract.quantities.subject_context import SubjectContext, _clause_subject
from extractor.extract.quantities.subject_names import entity_ref, thing_ref
from extractor.extract.quantities.subject_phrases import resolve_np
from extractor.extract.quantities.tokens import after_prefixes
from extractor.models import EntityRef

# Verbs whose subject holds a count ("Facebook had 2.23 billion users").
HOLDING_VERBS = frozenset({"have", "count", "boast", "reach", "lose", "gain", "add", "attract", "employ", "hit"})


# Verbs whose subject wins, holds or loses the things a count counts ("Labour won 412 seats",
# "the SNP lost 38 seats", "Acme has 600 stores"); not what befalls them ("destroyed 300 homes").
WINNING_VERBS = frozenset({
    "win", "secure", "take", "gain", "lose", "hold", "retain", "claim", "capture", "clinch", "keep", "have",
    "control", "get", "earn", "land", "grab", "scoop", "sweep", "bag", "net", "pick", "shed", "forfeit", "seize",
    "snatch", "own", "operate", "run", "open", "close",
})
# Nouns of the sum of the things counted ("a total of 365 seats", "a tally of 72").
TOTAL_NOUNS = frozenset({"total", "tally", "haul"})


def holder_of_count(noun: Token, span: SpacySpan, ctx: SubjectContext,
                    sent_root_subject: Token | None) -> list[EntityRef]:
    """The named party that wins, holds or loses the things a count counts: the subject of
    a winning verb whose object they are ("Labour won 412 seats", "the Conservatives lost 251
    seats"), or of the clause a "with" or "on" phrase of them ends ("the Liberal Democrats
    finished with 72 seats", "they are on 119 seats"), or the name a "with" phrase describes
    ("Reform UK, a party with five seats"); none when no named party is found ("the party": a
    party is often named without the word, so the last name with it is no safe guess)."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head  # "with a 14% vote share and five seats": as the first of the list
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in TOTAL_NOUNS:
        noun = noun.head.head  # "secured a total of 365 seats": the total's
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in WINNING_VERBS:
        holder = _clause_subject(head, span)
    elif noun.dep_ == "pobj" and head.lower_ in ("with", "on") and head.head.pos_ in ("VERB", "AUX"):
        holder = _clause_subject(head.head, span)
    elif noun.dep_ == "pobj" and head.lower_ == "by" and (verb := _up_or_down(head)) is not None:
        holder = _clause_subject(verb, span)  # "Labour are up by 108 seats"
    elif noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < noun.i:
        holder = head.head.head if head.head.dep_ == "appos" else head.head
    else:
        return []
    if holder is None or holder.pos_ not in ("PROPN", "PRON") and not holder.ent_type_:
        return []  # (a name or a pronoun: "the firm has 40 locations" names no one for sure)
    known = {e.id for e in ctx.entities.entities}
    return [r for r in resolve_np(holder, ctx, sent_root_subject) if r.id in known]


def _up_or_down(by: Token) -> Token | None:
    """The verb of "are up by", "were down by" (the parser hangs "by" on the verb or on "up")."""
    node = by.head
    if node.lower_ in ("up", "down"):
        node = node.head
    elif not any(c.lower_ in ("up", "down") and c.dep_ == "advmod" for c in node.children):
        return None
    return node if node.pos_ in ("VERB", "AUX") else None


def _is_people_count(noun: Token) -> bool:
    return noun.lower_ in COUNTED_PEOPLE_NOUNS or noun.lemma_.lower() in COUNTED_PEOPLE_NOUNS


def _counted_people(root: Token, span: SpacySpan) -> Token | None:
    """The plural person noun the number counts ("six workers", "18 of the victims")."""
    doc = root.doc
    head = after_prefixes(root.head)  # "five co-workers": the noun after the prefix
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ == "NOUN" and root.head.i >= span.end - 1 and _is_people_count(head):
        return head
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
    """Subject of a count of people (none for a bare count that is its clause's subject), or
    None when the quantity is not one."""
    text = ctx.text
    after = text[span.end_char:span.end_char + 40]
    if (m := re.match(r"\s+from\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)*)", after)) and not span.root.pos_ == "NOUN":
        e = ctx.entities.at(span.end_char + m.start(1), span.end_char + m.end(1))
        return [entity_ref(ctx, e) if e is not None else thing_ref(m.group(1))]  # "three from Chile"
    noun = _counted_people(root, span)
    if noun is None:
        if root.dep_ in ("nsubj", "nsubjpass") and COUNT_STATE_RE.match(text, span.end_char):
            return []  # "the junta said that 2,056 have been confirmed dead": the people, no one's
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

