"""Typed records: the single source of truth for every output of a run.

Every record is plain data with character offsets into ``Article.text``, so each
stage can be tested alone, run in another process, and serialised as JSON Lines.
``extractor schema`` writes the JSON Schemas in ``schemas/`` from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"


class Record(BaseModel):
    """Base for every record: unknown fields are errors, so typos surface early."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------- ingest

# Where an article's publication date came from (see ``Article.published_source``).
PublishedSource = Literal["metadata", "url", "dateline", "inferred", "fetched", "none"]
PUBLISHED_SOURCES: tuple[str, ...] = PublishedSource.__args__


class TextRange(Record):
    """A stretch of an article's text by character offsets (``end`` exclusive)."""

    start: int
    end: int


class Article(Record):
    """One clean article; every offset in later outputs refers to ``text``."""

    @field_validator("author", mode="before")
    @classmethod
    def _author_list(cls, value: object) -> object:
        """One byline string (runs written before authors were a list) becomes a one-name list."""
        if value is None:
            return []
        return [value] if isinstance(value, str) else value

    id: str = Field(description="Stable id derived from the normalised text.")
    path: str = Field(description="The file, relative to the folder it was found in.")
    paths: list[str] = Field(
        default_factory=list,
        description="Every input path with exactly this content (duplicates), first is `path`.",
    )
    url: str | None = None
    urls: list[str] = Field(
        default_factory=list,
        description="Every URL this content was found at (duplicates included), first is `url`.",
    )
    source: str | None = Field(None, description="Outlet; falls back to the URL's host.")
    title: str | None = None
    author: list[str] = Field(
        default_factory=list,
        description="The people credited in the byline, one name each (never an outlet or desk).",
    )
    published: str | None = Field(None, description="ISO 8601 date or date-time, or null.")
    published_source: PublishedSource | None = Field(
        None,
        description="Where `published` came from, most trusted first: `metadata` (stated by the page's "
        "metadata or the input's fields), `url` (a full date in the URL's path), `dateline` (a full date "
        "printed at the top of the article or by its byline), `inferred` (no date printed: the latest full "
        "date written in the text that is not after the fetch day, or for HTML htmldate's guess from the "
        "page), `fetched` (the day a web archive's crawler fetched the page: an upper bound), or `none` "
        "(`published` is null).",
    )
    fetched: str | None = Field(
        None, description="When a crawler fetched the page (a WARC record's `WARC-Date`, UTC), ISO 8601."
    )
    highlights: list[str] = Field(
        default_factory=list, description="Summary bullets found above the body."
    )
    text: str = Field(description="The clean body.")
    non_prose: list[TextRange] = Field(
        default_factory=list,
        description="Parts of `text` that are not running prose (the rows of a table, cells joined "
        "by ` | `; an embedded post, its link and signature): kept for reading and search, never read "
        "for quotes or claims.",
    )


class ErrorRecord(Record):
    """One input (file, line or article) that could not be used, and why."""

    path: str
    stage: Literal["ingest", "nlp", "extract", "graph"] = "ingest"
    error: str = Field(description="Short machine-readable code, e.g. `empty`, `not_utf8`.")
    message: str = Field(description="What a person needs to know to fix it.")
    line: int | None = Field(None, description="1-based line number for JSON Lines input.")
    fatal: bool = Field(
        True, description="False when the input was still used (a warning, e.g. bad bytes replaced)."
    )


# ------------------------------------------------------------------- extract


# Which of an article's texts a record's offsets refer to: its body (`text`) or its
# headline (`title`), which the NLP reads as the first paragraph.
TextField = Literal["text", "title"]
FIELD_DESCRIPTION = "Which text of the article the offsets refer to: `text` (the body) or `title` (the headline)."


class Span(Record):
    """A piece of an article's text by character offsets."""

    text: str
    start: int
    end: int
    field: TextField = Field("text", description=FIELD_DESCRIPTION)


class Mention(Record):
    article_id: str
    start: int
    end: int
    text: str
    field: TextField = Field("text", description=FIELD_DESCRIPTION)


class EntityRef(Record):
    """A resolved reference to an entity: its canonical name and stable id."""

    name: str
    id: str


class Provenance(Record):
    """Where a merged record was reported: the article, its outlet, and the spans."""

    article_id: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    spans: list[tuple[int, int]] = Field(default_factory=list, description="Character spans in the article's text.")
    title_spans: list[tuple[int, int]] = Field(
        default_factory=list, description="Character spans in the article's title (a figure or name in the headline).")


class Role(Record):
    """A role the text states for a person ("chief investment officer at X")."""

    title: str
    org: EntityRef | None = None
    article_id: str


EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"
]


class Entity(Record):
    """One real-world entity across the corpus, with every mention of it."""

    id: str = Field(description="Stable id derived from the normalised canonical name.")
    name: str = Field(description="Canonical name (the fullest form used).")
    type: EntityType
    aliases: list[str] = Field(default_factory=list, description="Other surface forms seen.")
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    type_scores: dict[str, float] = Field(
        default_factory=dict,
        description="Evidence per type (mention labels and context signals); the highest wins.",
    )
    link_confidence: float | None = Field(
        None, ge=0, le=1,
        description="How sure it is that the articles' entities under this id are one real-world referent: "
                    "a name only one notable thing has, or the place the article's other places choose "
                    "among several of one name; 1.0 for a name kept to one article (a lone first name, a "
                    "place name the article leaves ambiguous); the lowest of the articles' values.",
    )
    provenance: list[Provenance] = Field(
        default_factory=list, description="Articles that mention it (filled when the corpus is merged)."
    )
    linked_ids: list[str] = Field(
        default_factory=list,
        description="Ids its articles' short names of it had (a lone surname, an acronym another article "
                    "spells out): quotes and claims of those articles refer to it by them.",
    )


class Quote(Record):
    """One quote occurrence: who said what, where, and how it was reported."""

    id: str
    article_id: str
    text: str = Field(description="The quoted (or reported) words.")
    start: int
    end: int
    kind: Literal["direct", "indirect", "mixed"]
    cue: Span | None = Field(None, description="Reporting verb or phrase.")
    speaker_mention: Span | None = Field(None, description="Local span naming the speaker.")
    speaker: EntityRef | None = Field(None, description="Resolved entity, or null.")


Hedge = Literal["=", "~", ">", "<", ">=", "<="]
DateSource = Literal["text", "paragraph", "lead", "published"]
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Bounds(Record):
    """Interval a ranged or open-ended quantity stands for; null is unbounded."""

    low: float | None = None
    high: float | None = None

    def scaled(self, factor: float) -> Bounds:
        """Both ends times ``factor`` (a unit conversion), to 12 significant digits so that a
        converted bound keeps the digits the text wrote (0.07, not 0.07000000000000001)."""
        return Bounds(low=None if self.low is None else float(f"{self.low * factor:.12g}"),
                      high=None if self.high is None else float(f"{self.high * factor:.12g}"))


class Claim(Record):
    """One quantity the text states, normalised to base units."""

    id: str
    article_id: str
    start: int
    end: int
    field: TextField = Field("text", description=FIELD_DESCRIPTION)
    text: str = Field(description="The quantity's words.")
    sentence: Span = Field(description="The sentence that states it.")
    value: float = Field(description="In base units: scale applied; lengths in metre, masses in kilogram, areas in "
                        "square metre, volumes in litre; cents and pence in their currency.")
    unit: str | None = Field(None, description="ISO 4217 code (`DOLLAR`: a dollar of a country the text does not "
                             "name), `percent`, `percentage point`, a unit of measure, or a singular counted noun.")
    stated_value: float | None = Field(None, description="The value in the unit the text states, when `value` was "
                                       "converted to a base unit (\"260-foot\": 260; \"50 cents\": 50).")
    stated_unit: str | None = Field(None, description="The unit the text states, when converted (`foot`, `cent`).")
    hedge: Hedge = "="
    direction: Literal["up", "down"] | None = None
    change: Literal["=", "~", ">", "<", "up", "down"] = Field(
        "=", description="Single NewsQuant label: direction if any, else the hedge folded."
    )
    bounds: Bounds | None = None
    subject: list[EntityRef] = Field(default_factory=list)
    metric: str | None = Field(None, description="What is measured, e.g. `share price`.")
    frame: str | None = Field(
        None, description="When within its day or period the figure holds, e.g. `close`, `intraday`, `after-hours`."
    )
    date: str | None = Field(None, description="ISO date the sentence gives the quantity: a day, or the month, year or "
                                               "interval (\"2018-04-01/2018-06-30\" for a quarter) of a period.")
    weekday: Weekday | None = Field(
        None, description="The weekday the sentence gives when no publication date resolves it (\"on Monday\" in an "
                          "undated page): merging and conflicts hold it against the days of other outlets' figures.")
    date_source: DateSource | None = Field(
        None, description="Where `date` comes from: `text` (the sentence says it), `paragraph` (an earlier sentence of "
                          "the paragraph is about that day), `lead` (the story's first paragraph is about that day) or "
                          "`published` (the day the article was published).")


class ArticleExtraction(Record):
    """Everything extracted from one article: the unit of caching and distribution."""

    article_id: str
    entities: list[Entity] = Field(default_factory=list, description="Entities as this article sees them.")
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


# --------------------------------------------------------------------- graph


class ClaimNode(Record):
    """A numeric claim merged across its occurrences (one subject per node)."""

    id: str
    kind: Literal["claim"] = "claim"
    subject: EntityRef | None = None
    value: float
    unit: str | None = None
    hedge: Hedge = "="
    direction: Literal["up", "down"] | None = None
    metric: str | None = None
    frame: str | None = None
    date: str | None = None
    bounds: Bounds | None = None
    text: str = Field(description="The words of the representative occurrence.")
    mentions: list[str] = Field(description="Ids of the merged records in claims.jsonl.")
    articles: list[str]
    sources: list[str]
    conflicts_with: list[str] = Field(default_factory=list, description="Ids of claim nodes that disagree.")
    quotes: list[str] = Field(default_factory=list, description="Ids of quote nodes that state this claim.")
    provenance: list[Provenance] = Field(default_factory=list)


class QuoteNode(Record):
    """A quote merged across its occurrences: same speaker, same words."""

    id: str
    kind: Literal["quote"] = "quote"
    speaker: EntityRef | None = None
    text: str = Field(description="The longest form of the quoted words.")
    quote_kind: Literal["direct", "indirect", "mixed"]
    mentions: list[str] = Field(description="Ids of the merged records in quotes.jsonl, and of longer excerpts that "
                                            "carry this quote too (an excerpt may be cited by two quote nodes).")
    articles: list[str]
    sources: list[str]
    claims: list[str] = Field(default_factory=list, description="Ids of claim nodes the quote states.")
    provenance: list[Provenance] = Field(default_factory=list)


# ---------------------------------------------------------------------- run


class RunManifest(Record):
    """What ran, on what, and what came out."""

    schema_version: str = SCHEMA_VERSION
    package_version: str
    spacy_version: str | None = None
    model: str | None = None
    model_version: str | None = None
    settings: dict[str, object] = Field(default_factory=dict)
    inputs: int = Field(0, description="Input files (and JSON Lines records, WARC HTML pages) considered.")
    counts: dict[str, int] = Field(default_factory=dict, description="Records per output file.")
    error_counts: dict[str, int] = Field(default_factory=dict, description="Errors per code.")
    warc_records: dict[str, int] = Field(
        default_factory=dict,
        description="Whole WARC records read, by kind: `response_html` (each one an input) and the rest "
        "(`request`, `metadata`, `revisit`, `redirect`, `non_html`, `http_error`, `truncated`, ...).",
    )
    seconds: float = 0.0
    stage_seconds: dict[str, float] = Field(default_factory=dict)
    started: str | None = None



# -------------------------------------------------------------------- export


class SearchDocument(Record):
    """One merged claim, quote or entity as a self-contained search document.

    Everything a search engine needs to find and show it without joins: the names of
    its subject or speaker with their aliases, its words and the sentences that state
    it, and where it was reported. ``id`` is the node's (or entity's) id, so loading a
    re-export updates documents instead of duplicating them.
    """

    id: str = Field(description="The claim node, quote node or entity id; stable across runs.")
    kind: Literal["claim", "quote", "entity"]
    text: str = Field(description="What a reader sees: the claim's sentence, the quoted words, or the entity's name.")
    names: list[str] = Field(
        default_factory=list, description="Subject, speaker or entity: canonical name first, then aliases."
    )
    subject: str | None = Field(None, description="Claims: the subject entity's name.")
    subject_id: str | None = None
    speaker: str | None = Field(None, description="Quotes: the speaker entity's name.")
    speaker_id: str | None = None
    entity_type: EntityType | None = Field(None, description="Entities: their type.")
    roles: list[str] = Field(default_factory=list, description="Entities: roles the text states, e.g. `CEO, OpenAI`.")
    quantity: str | None = Field(None, description="Claims: the quantity's own words, e.g. `under $6m`.")
    value: float | None = None
    unit: str | None = None
    hedge: Hedge | None = None
    direction: Literal["up", "down"] | None = None
    metric: str | None = None
    quote_kind: Literal["direct", "indirect", "mixed"] | None = None
    sentences: list[str] = Field(default_factory=list, description="Claims: every distinct sentence that states it.")
    date: str | None = Field(None, description="The claim's own date, else the earliest publication date.")
    published: list[str] = Field(default_factory=list, description="Publication dates of the reporting articles.")
    sources: list[str] = Field(default_factory=list, description="Outlets that reported it.")
    n_sources: int = Field(0, description="Distinct outlets (an article without an outlet counts as one).")
    articles: list[str] = Field(default_factory=list, description="Ids of the reporting articles.")
    titles: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    conflicts_with: list[str] = Field(default_factory=list, description="Claims: ids of claim nodes that disagree.")


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "error": ErrorRecord,
    "entity": Entity,
    "quote": Quote,
    "claim": Claim,
    "claim_node": ClaimNode,
    "quote_node": QuoteNode,
    "manifest": RunManifest,
    "search_document": SearchDocument,
}
