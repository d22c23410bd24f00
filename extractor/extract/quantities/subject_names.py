"""Names of what a figure is about: a thing that is not an entity gets the id an entity
of its name would have; a title-case headline's name stops before its verb ("Zuckerberg
Loses $16 Billion" is Zuckerberg, "Facebook Stock Plunges 19%" is Facebook); and the
article's salient organisation, named most often (the first paragraph counts double),
with the proper nouns in company positions ("Facebook shares", "X fell 19%") that the
entity recogniser missed."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import POS
from spacy.tokens import Doc, Token

from extractor.extract.entities import ArticleEntities, LocalEntity, entity_id
from extractor.extract.entity_names import dateline_spans
from extractor.extract.lexicon import COMPANY_NOUNS, HEADLINE_BREAK_WORDS, MARKET_VERBS, is_place_name
from extractor.extract.quantities.money import (
    AMBIGUOUS_CURRENCY_NAMES, CURRENCY_NAMES, CURRENCY_PLURALS, CURRENCY_QUALIFIED, ISO_CURRENCIES,
)
from extractor.extract.quantities.direction import DOWN_VERBS, UP_VERBS
from extractor.extract.quantities.numbers import SCALES
from extractor.models import EntityRef

if TYPE_CHECKING:
    from extractor.extract.quantities.subject_context import SubjectContext

# Verbs of a move, which end a name in a title-case headline ("Facebook Plummets").
MOVE_VERBS = MARKET_VERBS | UP_VERBS | DOWN_VERBS | HEADLINE_BREAK_WORDS
# Entity types a subject can have (numbers are about organisations, places, people, things).
SUBJECT_TYPES = frozenset({"ORG", "PERSON", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"})


# A description written before a company's name, sentence-initial ("Chipmaker Nvidia",
# "Automaker Ford", "Retailer Walmart"), which is not part of the name.
DESCRIPTOR_RE = re.compile(r"^(?:[A-Z][a-z]*maker|Retailer|Lender|Insurer|Airline|Carrier|Broker|Startup|Start-up|"
                           r"Conglomerate|Miner|Refiner|Developer|Producer|Manufacturer|Supplier|Operator)\s+(?=[A-Z])")

# ISO 4217 code -> the currency's ISO name (pycountry's data).
ISO_NAMES: dict[str, str] = dict(ISO_CURRENCIES)


def thing_ref(name: str) -> EntityRef:
    """A subject that is not an entity of the article, with the id an entity of that name has.
    A currency goes by its ISO 4217 name (see ``currency_name``)."""
    name = currency_name(name) or name
    return EntityRef(name=name, id=entity_id(name))


@lru_cache(maxsize=256)
def currency_name(name: str) -> str | None:
    """The ISO 4217 name of the currency a word names ("Sterling", "the pound" -> "Pound
    Sterling"; "renminbi", "yuan" -> "Yuan Renminbi"; "Dollars" -> "US Dollar"), so that a
    currency's common name and its nickname are one subject; None for anything else, and
    for names that are also common words ("won", "real")."""
    word = name.casefold().removeprefix("the ").strip()
    qualifier, _, last = word.rpartition(" ")
    if qualifier and (code := CURRENCY_QUALIFIED.get((qualifier, CURRENCY_PLURALS.get(last, last)))):
        return ISO_NAMES.get(code)  # "the Canadian dollar", "Swiss francs"
    word = CURRENCY_PLURALS.get(word, word)
    code = CURRENCY_NAMES.get(word)
    if code is None or word in AMBIGUOUS_CURRENCY_NAMES:
        return None
    return ISO_NAMES.get(code)


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'’&.-]+", name)


def _lemma_word(word: str) -> str:
    low = word.lower()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + repl in MOVE_VERBS:
            return low[: -len(suffix)] + repl
    return low


# A company's legal form after its name ("Acme Inc.", "Acme, Corp", "Acme Plc"): not part of
# what the figure is about, so "Acme Inc." and "Acme" of other outlets are one subject.
LEGAL_FORM_RE = re.compile(r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|Plc|PLC|plc|LLC|AG|SpA|S\.p\.A|NV|N\.V|SA|S\.A)\.?\Z")


def trimmed_name(name: str) -> str | None:
    """A headline name cut before the word that ends it ("Zuckerberg Loses" -> "Zuckerberg",
    "Facebook Stock Plunges" -> "Facebook"), or before its legal form ("Facebook Inc." ->
    "Facebook"); None when nothing is cut or nothing is left."""
    if (legal := LEGAL_FORM_RE.search(name)) is not None and legal.start() > 0:
        short = re.sub(r"(?:\s*[&,]|\s+and)+\s*\Z", "", name[:legal.start()])  # "JPMorgan Chase & Co.": no "&" left over
        return (trimmed_name(short) or short) if short else None
    words = _words(name)
    if words and words[-1].casefold() in INDEX_HEAD_WORDS:
        return None  # "Tokyo Stock Price Index": an index's name, whatever words it holds
    for i, word in enumerate(words):
        if i > 0 and word[:1].isupper() and _lemma_word(word) in MOVE_VERBS:
            return re.sub(r"['’]s?\Z", "", " ".join(words[:i])) or None  # "Zentek's Stock Plunges"
    return None


def entity_named(ctx: SubjectContext, name: str) -> EntityRef | None:
    """The article's entity called ``name``, or whose name ends with it ("Zuckerberg"), or
    whose ticker it is ("AVGO.O" in "Broadcom Inc (AVGO.O), which finished down 17.4%")."""
    key = name.casefold()
    for e in ctx.entities.entities:
        full = e.name.casefold()
        if e.type in SUBJECT_TYPES and (full == key or full.endswith(" " + key)) and trimmed_name(e.name) is None:
            return e.ref()
    ticker = next((e for e in ctx.entities.entities if e.type in SUBJECT_TYPES and name in e.tickers), None)
    return ticker.ref() if ticker is not None else None


def entity_named_in(entities: ArticleEntities, name: str) -> EntityRef | None:
    key = name.casefold()
    return next((e.ref() for e in entities.entities if e.type == "ORG" and e.name.casefold() == key), None)


def entity_ref(ctx: SubjectContext, e: LocalEntity) -> EntityRef:
    """The entity, or the name before a headline verb it ran into, or the name after a
    description the recogniser took into it ("Chipmaker Nvidia" is Nvidia)."""
    cut = trimmed_name(e.name)
    described = DESCRIPTOR_RE.match(cut or e.name)
    if described is not None:
        cut = (cut or e.name)[described.end():]
    if cut is None:
        return e.ref()
    return entity_named(ctx, cut) or thing_ref(cut)


def proper_name(tok: Token) -> str:
    """The proper noun with the proper nouns compounded into it ("Brent crude": "Brent") and
    the number an index's name ends with ("S&P 500", "FTSE 100"; also where the parser hung
    it on another name: "the S&P 500 and the Nasdaq 100")."""
    first = tok.i  # the proper nouns compounded into it, and into them ("Dow Jones Industrial Average")
    while first > 0 and (prev := tok.doc[first - 1]).pos_ == "PROPN" and prev.dep_ == "compound" and tok.i >= prev.head.i >= first:
        first -= 1
    if first >= 2 and re.fullmatch(r"\d{2,4}", (size := tok.doc[first - 1]).text) and (index := tok.doc[first - 2]).pos_ == "PROPN" \
            and size.head.i == index.i and index.head.i == tok.i and index.dep_ in ("compound", "nmod"):
        if tok.lower_ == "index":
            return tok.doc[first - 2:first].text  # "the S&P 500 Index": the S&P 500, as other outlets name it
        first -= 2
    last = tok.i
    if tok.i + 1 < len(tok.doc) and ((nxt := tok.doc[tok.i + 1]).head.i == tok.i or nxt.head.pos_ == "PROPN") \
            and nxt.dep_ in ("nummod", "appos", "compound") \
            and re.fullmatch(r"\d{2,4}", nxt.text) and nxt.idx == tok.idx + len(tok) + 1:
        last = nxt.i
    return tok.doc[first:last + 1].text


def common_name(tok: Token) -> str:
    """A common noun's name: proper-noun or noun compounds and the head ("Brent crude", "pound")."""
    parts = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("PROPN", "NOUN") and c.is_alpha]
    parts = parts[1:] if parts and parts[0].lower_ in SCALES else parts  # "4.5 lakh farmers": the figure's scale
    start = parts[0].i if parts and tok.i - parts[0].i == len(parts) else tok.i
    doc = tok.doc
    glued = start
    while glued >= 2 and doc[glued - 1].text == "-" and not doc[glued - 1].whitespace_ and not doc[glued - 2].whitespace_:
        glued -= 2  # the hyphenated word the tokenizer split: "night-time temperatures", "add-ons"
    if not any(t.like_num for t in doc[glued:start]):  # not the figure's own "four-cylinder", "43-year-old-man"
        start = glued
    words = doc[start:tok.i + 1]
    if tok.lower_ in INDEX_HEAD_WORDS and tok.is_lower and len(words) > 1 and all(t.pos_ == "PROPN" for t in words[:-1]):
        words = words[:-1]  # "the KOSPI index" is the KOSPI, as "the Kospi" of another outlet
    return "".join((t.text if t.pos_ == "PROPN" else t.lower_) + t.whitespace_ for t in words).strip()


# Lower-case head nouns an index's proper name is written with ("the KOSPI index").
INDEX_HEAD_WORDS = frozenset({"index", "indices", "average", "composite"})


# ------------------------------------------------------------------ the salient organisation


# A company named with its legal form or its ticker ("Acme, Inc. Class A (ACME)", "Acme Corp").
COMPANY_NAME_RE = re.compile(r"(?<![\w&'’.-])(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}?)"
                             r"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|Plc|PLC|LLC|AG|SpA|NV)\b\.?|"
                             r"(?:\s+Class\s+[A-C])?\s+\((?:[A-Z]+:\s*)?[A-Z]{1,5}\))")

# A name before a company's metric ("Acme stock collapse", "Acme’s shares"), in a headline or
# first paragraph the parser may read otherwise.
COMPANY_POSITION_RE = re.compile(r"(?<![\w&'’.-])(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2}?)(?:['’]s)?\s+"
                                 r"(?:stock|shares|share price|market value|market cap)\b")


# A mention whose stock moves ("Acme's shares", "shares of Acme", "Acme fell 17%") counts
# this much more: the article is about the company whose market figures it gives, not the
# start-up or product it names as often as the cause.
LISTED_WEIGHT = 2
# Nouns of a company's stock and its worth.
STOCK_NOUNS = frozenset({"share", "stock", "valuation", "capitalization", "capitalisation", "cap", "value"})


def _in_stock_position(doc: Doc, start: int, end: int) -> bool:
    """The mention at [start, end) owns a stock or moves like one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    head = tok.head
    if tok.dep_ in ("poss", "compound") and head.lemma_.lower() in STOCK_NOUNS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in STOCK_NOUNS:
        return True
    return tok.dep_ == "nsubj" and head.lemma_.lower() in MARKET_VERBS


def salient_organisation(doc: Doc, entities: ArticleEntities, text: str, title: str | None = None) -> EntityRef | None:
    """The organisation the article is about: named most often (the first paragraph and a
    title kept apart from the text count double, a mention whose stock moves three times; a
    name the model took for a place counts when no gazetteer knows it as one),
    with proper nouns in company positions
    and companies named with their legal form or ticker that the entity recogniser missed."""
    counts: Counter[str] = Counter()
    refs: dict[str, EntityRef] = {}
    title = title or ""
    head_end = text.find("\n", 1)
    head_end = len(text) if head_end < 0 else max(head_end, 200)
    datelines = dateline_spans(text)
    for e in entities.entities:
        if e.type != "ORG" and not (e.type == "GPE" and not is_place_name(e.name)):
            continue  # a company the small model took for a place ("Nvidia" in a headline) still counts
        if e.type == "GPE" and all(any(a <= m.start < b for a, b in datelines) for m in e.mentions):
            continue  # but not a dateline's town no gazetteer knows ("PLACERVILLE, Calif. —")
        stock = sum(_in_stock_position(doc, m.start, m.end) for m in e.mentions)
        cut = trimmed_name(e.name)
        name = cut or e.name
        if cut is not None and any(o.type != "ORG" and o.name.casefold().endswith(cut.casefold()) for o in entities.entities):
            continue  # "Zuckerberg Loses": a person's name run into the headline's verb
        key = name.casefold()
        refs.setdefault(key, e.ref() if cut is None else thing_ref(name))
        counts[key] += len(e.mentions) + sum(1 for m in e.mentions if m.start < head_end)
        counts[key] += LISTED_WEIGHT * stock
        if title:
            counts[key] += 2 * sum(len(re.findall(r"\b%s\b" % re.escape(n), title)) for n in {name, *e.aliases})
    legal: set[str] = set()  # keys first found by their legal form, still to be counted as proper nouns
    for regex, where, weight in ((COMPANY_NAME_RE, title, 2), (COMPANY_NAME_RE, text[:head_end], 1), (COMPANY_NAME_RE, text, 1),
                                 (COMPANY_POSITION_RE, title, 2), (COMPANY_POSITION_RE, text[:head_end], 1)):
        for m in regex.finditer(where):
            name = m.group("name")
            key = name.casefold()
            if key not in refs:
                legal.add(key)
            if key not in refs and any(o.type in ("PERSON", "GPE") and o.name.casefold() == key for o in entities.entities):
                continue
            refs.setdefault(key, entity_named_in(entities, name) or thing_ref(name))
            counts[key] += weight
    propn = doc.vocab.strings["PROPN"]
    seen = {key for key in refs if counts[key] and key not in legal}
    for i in numpy.flatnonzero(doc.to_array([POS]) == propn):
        tok = doc[int(i)]
        if not tok.text[:1].isupper() or tok.ent_type_ in ("PERSON", "GPE", "DATE", "NORP"):
            continue
        company = (tok.dep_ in ("poss", "compound") and tok.head.lower_ in COMPANY_NOUNS) or (
            tok.dep_ == "nsubj" and tok.head.lemma_.lower() in MARKET_VERBS)
        if not company or entities.at(tok.idx, tok.idx + len(tok)) is not None:
            continue
        if any(o.type == "PERSON" and o.name.casefold().endswith(tok.text.casefold()) for o in entities.entities):
            continue
        key = tok.text.casefold()
        if key not in seen:
            seen.add(key)
            refs.setdefault(key, thing_ref(tok.text))
            occurrences = len(re.findall(r"\b%s\b" % re.escape(tok.text), text))
            counts[key] += occurrences + len(re.findall(r"\b%s\b" % re.escape(tok.text), text[:head_end]))
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return refs[key] if n >= 2 else None
