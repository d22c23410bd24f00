"""One article's parse with the look-ups the quote rules share, and the attribution record."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from extractor.extract.coreference import GENDER_TITLES, PERSON_TYPES, rival_organisations
from extractor.extract.entities import ArticleEntities, LocalEntity
from extractor.extract.entity_types import first_name_gender, is_common_surname
from extractor.extract.quotes.marks import QuoteSpan
from extractor.models import EntityRef
from extractor.nlp.views import doc_text, sentence_starts, token_starts, token_texts


@dataclass
class Attribution:
    """Who a piece of speech is attributed to, and through which words."""

    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    speaker: EntityRef | None = None
    cue_token: int | None = None
    end: int = 0  # where the attributed words end


@dataclass
class Context:
    """One article's parse with the look-ups the rules share."""

    doc: Doc
    entities: ArticleEntities
    spans: list[QuoteSpan]
    paragraphs: list[tuple[int, int]]
    text: str = ""
    token_starts: list[int] = field(default_factory=list)
    quoted_chars: list[tuple[int, int]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    # the people pronoun speakers were resolved to, and where ("…," he said); quotes are
    # attributed in several passes, so the one before a pronoun is looked up by position
    pronoun_speakers: dict[int, LocalEntity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.text or doc_text(self.doc)
        self.token_starts = token_starts(self.doc)
        self.quoted_chars = [(s.open, s.close) for s in self.spans]
        self._quoted_starts = [s.open for s in self.spans]
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self.genders = _title_genders(self.doc, self.entities)
        self._sentence_starts = sentence_starts(self.doc)

    @cached_property
    def rivals(self) -> frozenset[str]:
        """The organisations the article names as a rival (not whom "the company" means)."""
        return rival_organisations(self.doc, self.entities.entities)

    def token_at(self, char: int) -> int:
        """Index of the token that contains (or first follows) ``char``."""
        i = bisect_right(self.token_starts, char) - 1
        if i >= 0 and char < self.token_starts[i] + len(token_texts(self.doc)[i]):
            return i
        return min(i + 1, len(self.doc) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        return range(bisect_left(self.token_starts, start), bisect_left(self.token_starts, end))

    def quoted(self, char: int) -> bool:
        """True when ``char`` lies inside quotation marks."""
        i = bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and char < self.quoted_chars[i][1]

    def sentence_of(self, token: int) -> int:
        """Index of the first token of the sentence that holds ``token``."""
        return self._sentence_starts[max(bisect_right(self._sentence_starts, token) - 1, 0)]

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._paragraph_starts, char) - 1, 0)


def _title_genders(doc: Doc, entities: ArticleEntities) -> dict[str, str]:
    """Gender of people the text names with a courtesy title ("Mr. Kamin") or with a given
    name only one sex bears ("Olive Meehan"; a lone "James" may be a surname)."""
    genders: dict[str, str] = {}
    starts = {idx: i for i, idx in enumerate(token_starts(doc))}
    for entity in entities.entities:
        if entity.type not in PERSON_TYPES:
            continue
        for mention in entity.mentions:
            i = starts.get(mention.start)
            if i is None or i == 0:
                continue
            title = doc[i - 1].lower_.rstrip(".")
            if title in GENDER_TITLES:
                genders.setdefault(entity.id, GENDER_TITLES[title])
        words = entity.name.split()
        if entity.id not in genders and (len(words) >= 2 or not is_common_surname(words[0])) \
                and (gender := first_name_gender(words[0])) is not None:
            genders[entity.id] = gender  # "Rishi Sunak"; "his wife Victoria" alone (not "Lewis", a surname too)
    return genders


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
