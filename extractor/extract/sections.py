"""The extractions of a long article's sections, moved into the whole article.

Each section is extracted as its own text (a stand-in article); here every offset
is moved by the section's start, every record is given the whole article's id, quote
and claim ids are made again from the moved offsets. The runner streams each
section's records as they come; the graph joins an entity found in several sections.
"""

from __future__ import annotations

from extractor.extract.quantities import claim_id
from extractor.extract.quotes import quote_id
from extractor.models import ArticleExtraction, Claim, Entity, Quote, Span


def _span(span: Span | None, offset: int) -> Span | None:
    if span is None or span.field != "text":  # a span in the headline stays where it is
        return span
    return span.model_copy(update={"start": span.start + offset, "end": span.end + offset})


def _quote(quote: Quote, article_id: str, offset: int) -> Quote:
    start, end = quote.start + offset, quote.end + offset
    return quote.model_copy(update={
        "id": quote_id(article_id, start, end), "article_id": article_id, "start": start, "end": end,
        "cue": _span(quote.cue, offset), "speaker_mention": _span(quote.speaker_mention, offset)})


def _claim(claim: Claim, article_id: str, offset: int) -> Claim:
    offset = offset if claim.field == "text" else 0
    start, end = claim.start + offset, claim.end + offset
    return claim.model_copy(update={
        "id": claim_id(article_id, start, end, claim.field), "article_id": article_id, "start": start, "end": end,
        "sentence": _span(claim.sentence, offset)})


def _entity(entity: Entity, article_id: str, offset: int) -> Entity:
    return entity.model_copy(update={
        "mentions": [m.model_copy(update={"article_id": article_id, "start": m.start + (offset if m.field == "text" else 0),
                                          "end": m.end + (offset if m.field == "text" else 0)})
                     for m in entity.mentions],
        "roles": [r.model_copy(update={"article_id": article_id}) for r in entity.roles],
        "aliases": list(entity.aliases), "type_scores": dict(entity.type_scores)})


def moved(part: ArticleExtraction, article_id: str, offset: int) -> ArticleExtraction:
    """A section's extraction as records of the whole article ``article_id``, the section
    starting at character ``offset`` of its text."""
    return ArticleExtraction(article_id=article_id,
                             entities=[_entity(e, article_id, offset) for e in part.entities],
                             quotes=[_quote(q, article_id, offset) for q in part.quotes],
                             claims=[_claim(c, article_id, offset) for c in part.claims])
