"""Per-article extraction: one parsed ``Doc`` in, one ``ArticleExtraction`` out."""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Doc

from extractor.extract.entities import extract_entities
from extractor.extract.quantities import extract_claims
from extractor.extract.quotes import extract_quotes
from extractor.models import Article, ArticleExtraction, Claim, Quote
from extractor.nlp.views import forget_views, remember_text


# A quote or a claim: records with offsets into the article's text.
Record = TypeVar("Record", Quote, Claim)

# Where a publication date came from, for the ones that may date the article's figures.
# A date "inferred" as the latest one in the text is often a date the story looks back to
# ("the lowest close since May 3, 2018"): its figures are left undated rather than dated wrong.
ANCHORING_SOURCES = frozenset({"metadata", "url", "dateline", "fetched", None})


def anchor_date(article: Article) -> str | None:
    """The publication date that relative dates ("on Monday") and undated figures are read against."""
    return article.published if article.published_source in ANCHORING_SOURCES else None


def extract_article(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities, quotes and numeric claims of one article (pure: same Doc, same records).

    ``doc`` is ``article.text`` parsed.
    """
    remember_text(doc, article.text)
    try:
        entities = extract_entities(doc, article.id, source=article.source, title=article.title)
        return ArticleExtraction(
            article_id=article.id,
            entities=[local.to_record() for local in entities.entities],
            quotes=in_prose(extract_quotes(doc, article.id, entities), article),
            claims=in_prose(extract_claims(doc, article.id, entities, published=anchor_date(article),
                                           title=article.title), article),
        )
    finally:
        forget_views(doc)


def in_prose(records: list[Record], article: Article) -> list[Record]:
    """The records outside the article's non-prose paragraphs (table rows): a row is no
    sentence, so a figure or quote read from it has no subject, date or speaker to trust."""
    if not article.non_prose:
        return records
    return [record for record in records
            if not any(r.start < record.end and record.start < r.end for r in article.non_prose)]
