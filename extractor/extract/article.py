"""Per-article extraction: one parsed ``Doc`` in, one ``ArticleExtraction`` out."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.extract.entities import extract_entities
from extractor.models import Article, ArticleExtraction


def extract_article(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities, quotes and numeric claims of one article (pure: same Doc, same records)."""
    entities = extract_entities(doc, article.id, source=article.source)
    return ArticleExtraction(
        article_id=article.id,
        entities=[local.to_record() for local in entities.entities],
    )
