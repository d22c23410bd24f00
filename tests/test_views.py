"""The read-once views of a parsed doc agree with spaCy's own attributes on real text."""

from __future__ import annotations

import pytest

from extractor.extract.quantities import DIGIT_RE, digit_literals
from extractor.ingest import ingest
from extractor.models import Article
from extractor.nlp import load_pipeline
from extractor.nlp.views import (
    doc_ents,
    doc_text,
    forget_views,
    remember_text,
    sentence_starts,
    span_text,
    token_starts,
    token_texts,
)

from conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in ingest([CORPUS]) if isinstance(a, Article)]
    assert found, "the corpus has articles"
    return found


@pytest.fixture(scope="module")
def docs(articles):
    nlp = load_pipeline()
    return [(a, doc) for a, doc in zip(articles, nlp.pipe(a.text for a in articles))]


def test_views_match_spacy(docs):
    for article, doc in docs:
        remember_text(doc, article.text)
        assert doc_text(doc) == doc.text
        assert token_starts(doc) == [t.idx for t in doc]
        assert token_texts(doc) == [t.text for t in doc]
        assert sentence_starts(doc) == [s.start for s in doc.sents]
        assert [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]
        assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
        forget_views(doc)
        assert not any(key.startswith("extractor.") for key in doc.user_data)


def test_views_of_an_empty_doc():
    doc = load_pipeline()("")
    assert (token_starts(doc), token_texts(doc), sentence_starts(doc), doc_ents(doc)) == ([], [], [], ())


def test_digit_literals_are_the_full_scan(articles):
    texts = [a.text for a in articles]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "dev" / "polnear" / "text").glob("*.txt"))[:20]]
    texts.append("x.5 and 1/2, 3 1/2 .25 1,234,567.89 12,34,567 2.998×10−8 a3 4x10^5 ..5 1.2.3 “.5” 10.")
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in DIGIT_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in digit_literals(text)] == expected
