"""Read-once views of a parsed ``Doc`` shared by the extractors.

spaCy rebuilds ``Doc.text`` by joining every token on each access, and iterating a
doc makes a Python object per token; three extractors need both, so each view is
computed once per doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LENGTH, SENT_START
from spacy.tokens import Doc, Span

_TEXT = "extractor.text"
_STARTS = "extractor.token_starts"
_TEXTS = "extractor.token_texts"
_ENTS = "extractor.ents"
_MEMO = "extractor.memo"


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the string ``doc`` was parsed from, so ``doc_text`` never rebuilds it."""
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (spaCy makes a new tuple of spans on every access).

    The spans point back at the doc: ``forget_views`` breaks that cycle when the doc
    is done with, so that the doc is freed at once rather than by a later collection.
    """
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = doc.ents
    return ents


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token, as ``doc.sents`` gives them, read from
    the doc's array (``doc.sents`` makes a Span, and two Tokens, per sentence)."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        raise ValueError(f"{doc.text[:40]!r}...: the doc has no sentence boundaries")
    flags = doc.to_array(SENT_START)
    return [0, *(int(i) for i in numpy.flatnonzero(flags[1:] == 1) + 1)]


def forget_views(doc: Doc) -> None:
    """Drop every view kept in ``doc.user_data``."""
    for key in (_TEXT, _STARTS, _TEXTS, _ENTS, _MEMO):
        doc.user_data.pop(key, None)


def doc_memo(doc: Doc, name: str) -> dict:
    """A dictionary kept with ``doc`` under ``name`` for answers an extractor reads more than
    once per doc (dropped by ``forget_views``)."""
    return doc.user_data.setdefault(_MEMO, {}).setdefault(name, {})


def span_text(span: Span) -> str:
    """``span.text`` sliced from ``doc_text`` (spaCy joins a Token object per word)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, read from the doc's array (no Token objects)."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = doc.to_array("IDX").tolist() if len(doc) else []
    return starts


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, sliced from ``doc_text`` (no Token objects)."""
    texts = doc.user_data.get(_TEXTS)
    if texts is None:
        text = doc_text(doc)
        lengths = doc.to_array(LENGTH).tolist() if len(doc) else []
        texts = doc.user_data[_TEXTS] = [text[a:a + n] for a, n in zip(token_starts(doc), lengths)]
    return texts
