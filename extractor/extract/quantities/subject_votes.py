"""Shares of a vote and of a group: the side a share went to ("to Remain's 48.1%", '"Remain"
took 48 percent', "48.1 per cent for Remain"), a name the share stands beside ("England
(53.4 per cent)", "55.8 per cent of Northern Ireland"), and the group a share is of ("52%
of Scots")."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.quantities.subject_context import SubjectContext
from extractor.extract.quantities.subject_names import SUBJECT_TYPES, entity_ref, thing_ref
from extractor.extract.quantities.subject_phrases import resolve_np
from extractor.models import EntityRef

# "England (53.4 per cent)": a name right before the parenthesis that holds the figure.
NAME_BEFORE_PAREN_RE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\(\s*\Z")
# "Remain's 48.1%": a name with a possessive right before the figure.
NAME_POSSESSIVE_BEFORE_RE = re.compile(r"(?<![\w'’])(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+\Z")
# '"Remain" took 48 percent', "Labour won 40%": a name and a verb of winning a share right before it.
NAME_TOOK_BEFORE_RE = re.compile(r"(?<![\w'’])[“\"‘']?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})[”\"’']?\s+"
                                 r"(?:took|won|got|received|secured|polled|garnered|captured)\s+(?:(?:about|almost|nearly|just|over|around)\s+)?\Z")
# "55.8 per cent of Northern Ireland": a name right after "of".
NAME_AFTER_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


# "52 per cent of voters backing Vote Leave", "48.1 per cent for Remain", "51.9 per cent in
# favour of Brexit": the side a share of a vote went to.
SIDE_AFTER_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:voters|votes?|electorate|ballots|those\s+voting))?\s+"
    r"(?:backing|supporting|voting(?:\s+for|\s+to)?|in\s+favou?r\s+of|for)\s+(?:the\s+)?[“\"‘']?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _named_beside(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """A share written beside a name: "England (53.4 per cent)", "55.8 per cent of Northern Ireland"."""
    text = ctx.text
    side = SIDE_AFTER_RE.match(text, span.end_char)
    owner = (NAME_POSSESSIVE_BEFORE_RE.search(text[max(0, span.start_char - 60):span.start_char])
             or NAME_TOOK_BEFORE_RE.search(text[max(0, span.start_char - 60):span.start_char]))
    if owner is not None:  # "to Remain's 48.1%", which the parser may read as a verb
        name = re.sub(r"^The\s+", "", owner.group("name"))
        start = max(0, span.start_char - 60) + owner.end("name") - len(name)
        tok = next((t for t in span.doc[max(0, span.start - 8):span.start] if t.idx == start), None)
        if tok is not None and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            e = ctx.entities.at(start, start + len(name))
            if e is not None and e.type in SUBJECT_TYPES:
                return [entity_ref(ctx, e)]
            if e is None:
                return [thing_ref(name)]
    for m, base in ((side, 0),
                    (NAME_BEFORE_PAREN_RE.search(text[max(0, span.start_char - 60):span.start_char]), max(0, span.start_char - 60)),
                    (NAME_AFTER_OF_RE.match(text, span.end_char), 0)):
        if m is None:
            continue
        start, end = base + m.start("name"), base + m.end("name")
        e = ctx.entities.at(start, end)
        if e is not None and e.type in SUBJECT_TYPES:
            return [entity_ref(ctx, e)]
        if m is side:  # a side need not be an entity ("Remain")
            return [thing_ref(m.group("name"))]
    return []


def _share_of(root: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"52% of Scots", "55.8 per cent of Northern Ireland": the group the share is of."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end - 1:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve_np(obj, ctx, sent_root_subject)
    return []

