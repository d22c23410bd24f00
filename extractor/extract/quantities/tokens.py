"""Character offset -> token look-ups on one doc, shared by the rules that read the parse."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.nlp.views import doc_ents, doc_text, token_starts


class Tokens:
    """Character offset -> token look-ups on one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = token_starts(doc)
        self.ents = list(doc_ents(doc))  # Span.ents scans every entity of the doc: index them once
        self.ent_starts = [e.start for e in self.ents]

    def ents_in(self, span: SpacySpan) -> list[SpacySpan]:
        i = bisect_right(self.ent_starts, span.start - 1)
        out = []
        while i < len(self.ents) and self.ents[i].start < span.end:
            if self.ents[i].end <= span.end:
                out.append(self.ents[i])
            i += 1
        return out

    def at(self, char: int) -> Token:
        i = max(0, bisect_right(self.starts, char) - 1)
        return self.doc[i]

    def span(self, start: int, end: int) -> SpacySpan:
        first = self.at(start).i
        last = self.at(max(start, end - 1)).i
        return self.doc[first:last + 1]


def hyphenated_word(tok: Token) -> str | None:
    """The hyphenated word a token ends ("sell-off" for "off"), lower case, else None: the
    tokenizer splits such words."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return f"{doc[tok.i - 2].lower_}-{tok.lower_}"


def opens_hyphenated(tok: Token) -> bool:
    """The token is the first part of a hyphenated word ("sell" of "a $1 trillion sell-off",
    "write" of "write-down"): a piece of the noun, not its owner."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_


def after_prefixes(tok: Token) -> Token:
    """The noun a hyphenated prefix opens ("workers" of "co-workers", "contractors" of
    "sub-contractors"), which the parser may take the prefix for; else the token itself."""
    while opens_hyphenated(tok) and tok.doc[tok.i + 2].pos_ in ("NOUN", "PROPN"):
        tok = tok.doc[tok.i + 2]
    return tok
