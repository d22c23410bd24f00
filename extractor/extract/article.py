"""Per-article extraction: one parsed ``Doc`` in, one ``ArticleExtraction`` out.

The NLP reads an article's headline too: ``reading_text`` is the title, a blank line
(so the title is a paragraph and a sentence of its own) and the text, one ``Doc`` (the
two parsed apart and joined, ``reading_parts``), so the same extractors find the
headline's names and figures, and coreference and alias grouping see both.
``in_article`` then carries every record back to the field it sits in: a record in the
headline keeps its offsets into ``Article.title`` and says ``field="title"``; one in
the body moves back into ``Article.text``.
"""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Doc

from extractor.extract.entities import extract_entities
from extractor.extract.quantities import extract_claims
from extractor.extract.quotes import extract_quotes
from extractor.extract.sections import moved
from extractor.models import Article, ArticleExtraction, Claim, Entity, Quote, Span
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


# Between the headline and the text in what the NLP reads: a paragraph break, which the
# sentence splitter and every paragraph rule take as the end of the headline.
TITLE_BREAK = "\n\n"


def title_length(article: Article) -> int:
    """Characters before the text in ``reading_text``: the title and its break, or 0."""
    return len(article.title) + len(TITLE_BREAK) if article.title and article.title.strip() else 0


def reading_parts(article: Article) -> list[str]:
    """What the NLP parses for an article, in pieces parsed apart and joined after
    (``Doc.from_docs``): the headline with its break, then the text. The model's entity
    recogniser reads across a paragraph break, so the text parsed on its own keeps the
    body's parse exactly what it is without a headline; the headline adds, never changes."""
    return [f"{article.title}{TITLE_BREAK}", article.text] if title_length(article) else [article.text]


def reading_text(article: Article) -> str:
    """What the extractors read: the headline, a paragraph break, the text."""
    return "".join(reading_parts(article))


def extract_article(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities, quotes and numeric claims of one article (pure: same Doc, same records).

    ``doc`` is ``reading_text(article)`` parsed (as ``executors.parse_articles`` does), or
    ``article.text`` alone, which reads no headline; the records' offsets refer to
    ``article.text``, or to ``article.title`` for those marked ``field="title"``.
    """
    read = reading_text(article)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    shift = title_length(article)
    if length != len(read):  # parsed without its headline: the title is still known, not read
        read, shift = article.text, 0
    remember_text(doc, read)
    try:
        entities = extract_entities(doc, article.id, source=article.source, title=article.title)
        return in_article(ArticleExtraction(
            article_id=article.id,
            entities=[local.to_record() for local in entities.entities],
            quotes=extract_quotes(doc, article.id, entities),
            claims=extract_claims(doc, article.id, entities, published=anchor_date(article), title=article.title),
        ), article, shift)
    finally:
        forget_views(doc)


def _place(start: int, end: int, shift: int) -> tuple[int, str]:
    """Where offsets of the read text sit, as (end, field): a span in the title ends with
    the title (its sentence without the break after it); one in the text is left as it is."""
    return (min(end, shift - len(TITLE_BREAK)), "title") if start < shift else (end, "text")


def _marked(span: Span | None, shift: int) -> Span | None:
    if span is None:
        return None
    end, field = _place(span.start, span.end, shift)
    return span.model_copy(update={"end": end, "field": field, "text": span.text[:end - span.start]})


def _marked_quote(quote: Quote, shift: int) -> Quote:
    mention = _marked(quote.speaker_mention, shift)
    return quote.model_copy(update={
        "cue": _marked(quote.cue, shift),
        # the speaker stays resolved; a span naming them in the headline is no span of the text
        "speaker_mention": mention if mention is None or mention.field == "text" else None})


def _marked_claim(claim: Claim, shift: int) -> Claim:
    end, field = _place(claim.start, claim.end, shift)
    return claim.model_copy(update={"end": end, "field": field, "sentence": _marked(claim.sentence, shift)})


def _marked_entity(entity: Entity, shift: int) -> Entity:
    return entity.model_copy(update={"mentions": [
        m.model_copy(update=dict(zip(("end", "field"), _place(m.start, m.end, shift)))) for m in entity.mentions]})


def in_article(read: ArticleExtraction, article: Article, shift: int) -> ArticleExtraction:
    """The records of the text read, whose first ``shift`` characters are the title and its
    break (``title_length``; 0 when no headline was read), with offsets into the article's
    fields: those in the headline are marked ``field="title"`` and stay, the others move
    back into the text (``sections.moved``, as a section's records move into the whole).

    Quotes are kept from the text only: a headline's quotation marks mostly set off a
    phrase or a scare quote ("'Sputnik moment'"), its attribution is cut to a colon, and
    a quote a headline gives is quoted in full in the text.
    """
    if shift:
        read = moved(ArticleExtraction(
            article_id=read.article_id,
            entities=[_marked_entity(e, shift) for e in read.entities],
            quotes=[_marked_quote(q, shift) for q in read.quotes if q.start >= shift],
            claims=[_marked_claim(c, shift) for c in read.claims]), read.article_id, -shift)
    return read.model_copy(update={"quotes": in_prose(read.quotes, article), "claims": in_prose(read.claims, article)})


def in_prose(records: list[Record], article: Article) -> list[Record]:
    """The records outside the article's non-prose parts (table rows, embedded posts): a row
    is no sentence, so a figure or quote read from it has no subject, date or speaker to trust;
    nor has a speaker found in one a quote after it ("… (@handle) May 2, 2024 × Images
    broadcast by CCTV showed that …": a post's signature run into the next sentence)."""
    if not article.non_prose:
        return records

    def outside(span: Record) -> bool:
        return getattr(span, "field", "text") != "text" \
            or not any(r.start < span.end and span.start < r.end for r in article.non_prose)

    kept = [record for record in records if outside(record)]
    return [record.model_copy(update={"speaker_mention": None, "speaker": None})
            if isinstance(record, Quote) and record.speaker_mention is not None and not outside(record.speaker_mention)
            else record for record in kept]
