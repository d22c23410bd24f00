"""Read-once views of a parsed ``Doc`` shared by the extractors.

spaCy rebuilds ``Doc.text`` by joining every token on each access, and iterating a
doc makes a Python object per token; three extractors need both, so each view is
computed once per doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.attrs import LENGTH
from spacy.tokens import Doc, Span

_TEXT = "extractor.text"
_STARTS = "extractor.token_starts"
_TEXTS = "extractor.token_texts"


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
