"""The graph stage's working set, on disk: every occurrence, the articles' headers,
and the merged nodes until they are written in order.

Merging compares claims only within a (subject, unit) block and quotes only within
a speaker's block, so the occurrences wait in SQLite and come back one block at a
time in key order; memory holds one block and its groups, however large the corpus.
Claims about a bare structure noun ("the bridge") wait apart until every article's places
and structures are known, then go to the block of their story's structure
(``story_structures``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from extractor.graph.quote_groups import quote_block
from extractor.graph.resolve import COUNTED_UNITS, ClaimOccurrence, claim_block_keys
from extractor.graph.story_structures import (
    bare_structure_noun, named_structure_noun, story_days, story_place, story_structure,
)
from extractor.graph.subject_aliases import exit_as_leave, subject_aliases, with_subjects_aliased
from extractor.models import Article, Claim, ClaimNode, Entity, EntityRef, Quote, QuoteNode, Span
from extractor.store.files import dumps
from extractor.store.scratch import Scratch

_SCHEMA = """
CREATE TABLE article (ord INTEGER PRIMARY KEY, id TEXT UNIQUE, path TEXT, source TEXT, title TEXT, url TEXT,
                      published TEXT);
CREATE TABLE entity (id TEXT PRIMARY KEY, data TEXT, employers TEXT);
CREATE TABLE entity_link (id TEXT PRIMARY KEY, target TEXT, name TEXT);
CREATE TABLE claim (block TEXT, unit TEXT, ord INT, subject TEXT, data TEXT);
CREATE TABLE quote (block TEXT, ord INT, data TEXT);
CREATE TABLE quote_span (article TEXT, start INT, "end" INT, node TEXT);
CREATE TABLE claim_node (ord INT, subject TEXT, data TEXT, edges TEXT);
CREATE TABLE quote_node (ord INT, first TEXT, id TEXT, data TEXT, edges TEXT);
CREATE TABLE states (quote TEXT, claim TEXT);
CREATE TABLE article_place (article TEXT, place TEXT);
CREATE TABLE named_structure (article TEXT, noun TEXT, id TEXT, name TEXT, day TEXT);
CREATE TABLE bare_claim (block TEXT, unit TEXT, ord INT, subject TEXT, data TEXT, article TEXT, noun TEXT);
"""


Edge = tuple[str, str, dict]  # source, target, attributes
Node = tuple[str, dict, list[Edge]]  # id, attributes, the edges out of it


def _loads(edges: str) -> list[Edge]:
    return [(source, target, data) for source, target, data in json.loads(edges)]


_NO_SENTENCE = {"sentence": Span(text="", start=0, end=0)}
_UNMERGED_QUOTE_FIELDS = {"cue", "speaker_mention"}


class ArticleHeader(NamedTuple):
    """What the graph shows of an article: everything but its text."""

    id: str
    path: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None


_HEADER = ", ".join(ArticleHeader._fields)


class ArticleHeaders(Mapping[str, ArticleHeader]):
    """Article headers by id, read from the spill. The cache holds up to 65,536 (a few
    megabytes as tuples): merging looks an article up once per fact it reports, and
    facts are merged in subject order, not article order."""

    def __init__(self, db):
        self._db = db
        self._get = lru_cache(maxsize=65536)(self._fetch)

    def _fetch(self, article_id: str) -> ArticleHeader | None:
        row = self._db.execute(f"SELECT {_HEADER} FROM article WHERE id = ?", (article_id,)).fetchone()
        return ArticleHeader(*row) if row else None

    def __getitem__(self, article_id: str) -> ArticleHeader:
        article = self._get(article_id)
        if article is None:
            raise KeyError(article_id)
        return article

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._get(article_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._db.execute("SELECT id FROM article ORDER BY ord"))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM article").fetchone()[0]

    def in_order(self) -> Iterator[ArticleHeader]:
        for row in self._db.execute(f"SELECT {_HEADER} FROM article ORDER BY ord"):
            yield ArticleHeader(*row)


class MergeSpill:
    """Occurrences in, blocks out; merged nodes in, nodes out in order of first occurrence.

    ``folder`` is where the temporary database goes (the run's output folder); none
    keeps it in SQLite's private temporary storage. Use it as a context manager.
    """

    def __init__(self, folder: Path | None = None):
        self._scratch = Scratch(folder, "merge")
        self._db = self._scratch.db
        self._db.executescript(_SCHEMA)
        self._claims = self._quotes = 0
        self._spans_indexed = False
        self._structures_read = False  # bare structure nouns read as the story's structure
        self._longest_quote = 0  # characters of the longest quote occurrence put so far
        self.headers = ArticleHeaders(self._db)

    def __enter__(self) -> MergeSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self._scratch.close()

    # ------------------------------------------------------------ occurrences in

    def add_articles(self, articles: Iterable[Article]) -> None:
        """Article metadata (the bodies are dropped); a repeated id keeps its first place."""
        updates = ", ".join(f"{c} = excluded.{c}" for c in ArticleHeader._fields[1:])
        self._db.executemany(
            f"INSERT INTO article ({_HEADER}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET {updates}",
            ((a.id, a.path, a.source, a.title, a.url, a.published) for a in articles))

    def noting_articles(self, entities: Iterable[Entity]) -> Iterator[Entity]:
        """The entities, passed through, noting from their mentions the places each article
        names and the structures it names (``story_structures``), so that a run reads every
        mention once, as it writes them out."""
        for entity in entities:
            if entity.mentions and (story_place(entity.type, entity.name) or named_structure_noun(entity.name)):
                articles = sorted({m.article_id for m in entity.mentions})
                if noun := named_structure_noun(entity.name):
                    self._db.executemany("INSERT INTO named_structure VALUES (?, ?, ?, ?, ?)",
                                         ((a, noun, entity.id, entity.name, self._day(a)) for a in articles))
                else:
                    self._db.executemany("INSERT INTO article_place VALUES (?, ?)", ((a, entity.id) for a in articles))
            yield entity

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Entities' names, types and employers (a role's organisation, with the title
        the last article gave); of their mentions only the articles of places and structures
        (``noting_articles``)."""
        links: list[tuple[str, str, str]] = []

        def rows():
            for entity in self.noting_articles(entities):
                employers = {role.org.id: role.title for role in entity.roles if role.org}
                links.extend((linked, entity.id, entity.name) for linked in entity.linked_ids)
                yield (entity.id, dumps({"name": entity.name, "type": entity.type, "aliases": entity.aliases}),
                       dumps(list(employers.items())))
        self._db.executemany("INSERT OR REPLACE INTO entity VALUES (?, ?, ?)", rows())
        self._db.executemany("INSERT OR REPLACE INTO entity_link VALUES (?, ?, ?)", links)

    def entity_links(self) -> dict[str, EntityRef]:
        """Id an article gave -> the entity it was folded into (``Entity.linked_ids``)."""
        return {i: EntityRef(id=target, name=name)
                for i, target, name in self._db.execute("SELECT id, target, name FROM entity_link")}

    def entity_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM entity")}

    def entity_types(self) -> dict[str, str]:
        """Entity id -> its type."""
        rows = self._db.execute("SELECT id, data FROM entity")
        return {entity_id: json.loads(data)["type"] for entity_id, data in rows}

    def entities(self) -> Iterator[tuple[str, dict, list[tuple[str, str]]]]:
        """(id, name/type/aliases, [(organisation id, title)]) of every entity, in id order."""
        for entity_id, data, employers in self._db.execute("SELECT id, data, employers FROM entity ORDER BY id"):
            yield entity_id, json.loads(data), [(org, title) for org, title in json.loads(employers)]

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Claims in input order (which decides each fact's first occurrence, hence its id),
        without their sentences, which merging never reads. Add the entities first: a count's
        subject that is no entity ("people") does not block it."""
        known = [(i, data) for i, data, _ in self.entities()]  # read once: names, ids and aliases come from it
        names = {i: data["name"] for i, data in known}
        entities = set(names) or None  # none known (records built by hand): every subject is one
        aliases = subject_aliases((i, data["name"], data.get("type")) for i, data in known)
        aliases |= self.entity_links()  # ids their articles gave entities folded into others
        structures: list[tuple[str, str, str, str]] = []  # (article, noun, id, name) named as subjects
        bare: list[tuple] = []  # rows about a bare structure noun ("the bridge"): claim rows, article, noun

        def rows():
            for claim in claims:
                if (sides := exit_as_leave(claim.subject, claim.metric)) is not None:  # "in favour of Brexit"
                    claim = claim.model_copy(update={"subject": sides})
                subjects = with_subjects_aliased(claim.subject, aliases, names)
                if subjects is not None:  # "Facebook Inc." is the corpus's "Facebook"
                    claim = claim.model_copy(update={"subject": subjects})
                data = claim.model_copy(update=_NO_SENTENCE).model_dump_json()
                structures.extend((claim.article_id, noun, s.id, s.name) for s in claim.subject
                                  if (noun := named_structure_noun(s.name)))
                for (block, unit), subject in claim_block_keys(claim, entities):
                    row = (block, unit, self._claims, subject.model_dump_json() if subject else None, data)
                    noun = bare_structure_noun(subject) if subject and claim.unit not in COUNTED_UNITS else None
                    if noun:  # read once every article's structures are known (``_read_bare_structures``)
                        bare.append((*row, claim.article_id, noun))
                    else:
                        yield row
                self._claims += 1
        self._db.executemany("INSERT INTO claim VALUES (?, ?, ?, ?, ?)", rows())
        self._db.executemany("INSERT INTO named_structure VALUES (?, ?, ?, ?, ?)",
                             ((*row, self._day(row[0])) for row in structures))
        self._db.executemany("INSERT INTO bare_claim VALUES (?, ?, ?, ?, ?, ?, ?)", bare)

    def _read_bare_structures(self) -> None:
        """The claims about a bare structure noun ("the bridge") into their blocks: of an article
        that names no such structure, the block of the one its story names (``story_structures``)."""
        if self._structures_read:
            return
        self._structures_read = True
        self._db.execute("CREATE INDEX IF NOT EXISTS place_article ON article_place (article, place)")
        self._db.execute("CREATE INDEX IF NOT EXISTS structure_article ON named_structure (article, noun)")
        self._db.execute("CREATE INDEX IF NOT EXISTS structure_day ON named_structure (noun, day)")
        chosen: dict[tuple[str, str], EntityRef | None] = {}
        rows = []
        for block, unit, order, subject, data, article, noun in self._db.execute("SELECT * FROM bare_claim"):
            if (article, noun) not in chosen:
                chosen[(article, noun)] = self._story_structure(article, noun)
            target = chosen[(article, noun)]
            if target is not None:
                claim = Claim.model_validate_json(data)
                subjects = [target if s.id == block else s for s in claim.subject]
                block, subject = target.id, target.model_dump_json()
                data = claim.model_copy(update={"subject": subjects}).model_dump_json()
            rows.append((block, unit, order, subject, data))
        self._db.executemany("INSERT INTO claim VALUES (?, ?, ?, ?, ?)", rows)

    def _day(self, article: str) -> str | None:
        header = self.headers.get(article)
        return header.published[:10] if header and header.published else None

    def _story_structure(self, article: str, noun: str) -> EntityRef | None:
        """The one structure of kind ``noun`` named in the story of ``article`` (``story_structures``):
        looked up by day first, so the work is the structures of those days, not the articles of a place."""
        if self._db.execute("SELECT 1 FROM named_structure WHERE article = ? AND noun = ?", (article, noun)).fetchone():
            return None  # it names its own: the extraction read the noun as that one, or had reason not to
        published = self._day(article)
        days = story_days(published)
        if days is None:
            return None
        candidates = self._db.execute(
            "SELECT DISTINCT s.id, s.name, s.day FROM named_structure s WHERE s.noun = ? AND s.day BETWEEN ? AND ? "
            "AND s.article != ? AND EXISTS (SELECT 1 FROM article_place theirs JOIN article_place mine "
            "ON mine.article = ? AND mine.place = theirs.place WHERE theirs.article = s.article)",
            (noun, *days, article, article))
        return story_structure(published, candidates)

    def add_quotes(self, quotes: Iterable[Quote]) -> None:
        """Quotes in input order, without the cue and speaker spans, which merging never reads; a
        speaker named by an id its article gave is the entity that id was folded into."""
        links = self.entity_links()

        def rows():
            for quote in quotes:
                if quote.speaker is not None and quote.speaker.id in links:  # "Zuckerberg" of one article
                    quote = quote.model_copy(update={"speaker": links[quote.speaker.id]})
                yield quote_block(quote), self._quotes, quote.model_dump_json(exclude=_UNMERGED_QUOTE_FIELDS)
                self._quotes += 1
        self._db.executemany("INSERT INTO quote VALUES (?, ?, ?)", rows())

    # ---------------------------------------------------------------- blocks out

    def claim_blocks(self) -> Iterator[tuple[str, list[ClaimOccurrence]]]:
        """Each block's name and its claims in input order."""
        self._read_bare_structures()
        rows = self._db.execute("SELECT block, unit, ord, subject, data FROM claim ORDER BY block, unit, ord")
        for (name, _), block in itertools.groupby(rows, key=lambda row: (row[0], row[1])):
            yield name, [(order, Claim.model_validate_json(data), EntityRef.model_validate_json(subject) if subject else None)
                         for _, _, order, subject, data in block]

    def quote_blocks(self) -> Iterator[list[tuple[int, Quote]]]:
        rows = self._db.execute("SELECT block, ord, data FROM quote ORDER BY block, ord")
        for _, block in itertools.groupby(rows, key=lambda row: row[0]):
            yield [(order, Quote.model_validate_json(data)) for _, order, data in block]

    # ------------------------------------------------------- merged nodes in/out

    def put_quote_node(self, node: QuoteNode, first: tuple[int, str], spans: Iterable[tuple[str, int, int]],
                       edges: list[Edge]) -> None:
        """A merged quote, the edges out of it, and the spans of its occurrences (claims
        inside them are stated by it)."""
        self._db.execute("INSERT INTO quote_node VALUES (?, ?, ?, ?, ?)",
                         (*first, node.id, node.model_dump_json(), dumps(edges)))
        rows = [(article, start, end, node.id) for article, start, end in spans]
        self._longest_quote = max([self._longest_quote, *(end - start for _, start, end, _ in rows)])
        self._db.executemany("INSERT INTO quote_span VALUES (?, ?, ?, ?)", rows)

    def quotes_containing(self, spans: Iterable[tuple[str, int, int]]) -> set[str]:
        """Ids of the quote nodes with an occurrence around one of ``spans``."""
        if not self._spans_indexed:
            self._db.execute("CREATE INDEX quote_span_article ON quote_span (article, start)")
            self._spans_indexed = True
        found: set[str] = set()
        for article, start, end in spans:
            # A quote around the span starts at most the longest quote's length before it: a
            # range on the index, so an article with thousands of quotes is not read whole per claim.
            found.update(row[0] for row in self._db.execute(
                'SELECT node FROM quote_span WHERE article = ? AND start BETWEEN ? AND ? AND "end" >= ?',
                (article, start - self._longest_quote, start, end)))
        return found

    def put_claim_node(self, node: ClaimNode, order: tuple[int, str], edges: list[Edge]) -> None:
        self._db.execute("INSERT INTO claim_node VALUES (?, ?, ?, ?)", (*order, node.model_dump_json(), dumps(edges)))
        self._db.executemany("INSERT INTO states VALUES (?, ?)", ((quote, node.id) for quote in node.quotes))

    def claim_nodes(self) -> Iterator[tuple[str, dict, list[Edge]]]:
        """(id, attributes, edges out of it) of every merged claim, in order of first occurrence."""
        for data, edges in self._db.execute("SELECT data, edges FROM claim_node ORDER BY ord, subject"):
            node = json.loads(data)
            yield node.pop("id"), node, _loads(edges)

    def quote_nodes(self) -> Iterator[tuple[str, dict, list[Edge]]]:
        """Merged quotes like ``claim_nodes``, each with the claims it states."""
        self._db.execute("CREATE INDEX IF NOT EXISTS states_quote ON states (quote)")
        rows = self._db.execute(
            "SELECT data, edges, (SELECT group_concat(claim, ' ') FROM states WHERE states.quote = quote_node.id) "
            "FROM quote_node ORDER BY ord, first")
        for data, edges, claims in rows:
            node = json.loads(data)
            node["claims"] = sorted(claims.split()) if claims else []
            yield node.pop("id"), node, _loads(edges)
