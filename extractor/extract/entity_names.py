"""Names of entities: the key and id a name is known by, a mention cleaned to its name,
the model's mentions worth keeping and the gazetteer's places it missed.

A name is compared by ``entity_key`` (case, accents, a leading "the", spaces and
punctuation folded), so one entity has one id in any article. The model's spans are
cleaned of possessives, edge punctuation, a leading article and describing lowercase
words; generic acronyms ("AI", "CEO") and lone common words are dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from lemminflect import getAllLemmas
from spacy.attrs import POS
from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Doc, Span, Token

from extractor.dates import MONTHS, WEEKDAYS
from extractor.extract.entity_types import (
    NOT_SURNAMES, SEAT_BEFORE_RE, is_club_name, is_common_surname, is_first_name, is_occupation, is_trade_word,
)
from extractor.extract.gazetteer import country_name, is_country, is_country_demonym, joined_country_names
from extractor.extract.lexicon import (
    NAME_PARTICLES,
    TIME_ZONES,
    STORM_WORDS,
    PUBLIC_BODY_NOUNS,
    COMPANY_TAIL_WORDS,
    ORG_NAME_ENDINGS,
    SECTOR_WORDS,
    RANK_WORDS,
    TITLE_WORDS,
    GENERIC_ACRONYMS,
    NAME_TITLE_WORDS,
    FACILITY_HEAD_WORDS,
    FIELD_HEAD_WORDS,
    ORG_HEAD_WORDS,
    ORG_HEAD_WORDS_WITH_TAIL,
    ORG_TAIL_CONNECTORS,
    english_nouns,
    singulars,
    english_words,
    english_adjectives,
    is_demonym_noun,
    is_place_name,
    place_names,
    verb_of_participle,
)
from extractor.models import Mention
from extractor.nlp.views import doc_ents, doc_memo, doc_text, token_starts, token_texts

CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset({"tues", "weds", "thurs"})  # ("On Tues 28 January")

# spaCy labels that name things (numbers, dates and money are handled elsewhere).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Possessive endings: "Nvidia’s" names Nvidia.
POSSESSIVE_RE = re.compile(r"(?:['’‘]s|(?<=s)['’])$")  # (‘ typed for an apostrophe: "OpenAI‘s")
# Quotation marks and punctuation that NER spans often swallow at their edges.
EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?*•–—-_ "
# Articles that NER includes in a span but that are not part of the name.
LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
# Sentence-final punctuation: a paragraph without it is a heading or caption.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
LEADING_THE_RE = re.compile(r"^the\s+")
# "St. Petersburg" and "Saint Petersburg" are one name.
LEADING_SAINT_RE = re.compile(r"^st\.?\s+")
# A currency sign after a name ("US $5"): the name is the country's, not the sign's.
TRAILING_CURRENCY_RE = re.compile(r"\s+[$€£¥]$")
NOT_ALNUM_RE = re.compile(r"[^0-9a-z]+")
# Paragraphs this short with no final punctuation are headings.
MAX_HEADING_WORDS = 20


# "Junior" written out after a name, as "Jr." shortens it ("Vinicius Junior", "Vinicius Jr").
TRAILING_JUNIOR_RE = re.compile(r",?\s+junior\s*\Z")


# A nickname in quotation marks between a person's names ("Victoria 'Tori' Pendergast").
MID_NICKNAME_RE = re.compile(r"(?<=\w)\s+[\"“'‘][A-Z][^\"“”'‘’]{0,20}[\"”'’]\s+(?=[A-Z])")


# Names repeat across mentions, articles and stages; their keys are cached.
@lru_cache(maxsize=1 << 14)
def entity_key(name: str) -> str:
    """Normalised name: case, accents, a leading "the", spaces and punctuation folded.

    "Chat GPT" and "ChatGPT" meet, as do "The Bahnsen Group" and "Bahnsen Group",
    "Vinicius Junior" and "Vinicius Jr.", and "Victoria 'Tori' Pendergast" and "Victoria
    Pendergast" (a nickname in quotation marks inside a name); "SoftBank Group" keeps every
    word, so it never meets "Bahnsen Group".
    """
    text = unicodedata.normalize("NFKD", MID_NICKNAME_RE.sub(" ", name)).encode("ascii", "ignore").decode().casefold()
    text = LEADING_SAINT_RE.sub("saint ", LEADING_THE_RE.sub("", text.strip()))
    return NOT_ALNUM_RE.sub("", TRAILING_JUNIOR_RE.sub(" jr", text))


@lru_cache(maxsize=1 << 14)
def entity_id(name: str) -> str:
    """Stable id of the entity with this canonical name."""
    return "ent_" + hashlib.sha1(entity_key(name).encode()).hexdigest()[:12]


def _is_edge(char: str) -> bool:
    """Punctuation, symbols and spaces that never begin or end a name ("― Ana", "“Acme")."""
    return char in EDGE_PUNCT or char.isspace() or unicodedata.category(char)[0] in "PS" and char not in "&$€£"


# Abbreviations whose final period belongs to the name ("Acme Inc.", "Martin Luther King Jr.").
ABBREVIATION_ENDINGS = frozenset({"inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "bros."})


def _keeps_final_period(name: str) -> bool:
    """"U.S.", "U. S." and "Acme Inc." end in a period that is part of the name."""
    if not name.endswith(".") or len(name) < 3:
        return False
    last = name.split()[-1]
    initial = len(last) == 2 and last[0].isupper()  # "U. S.", "George H. W."
    return initial or "." in last[:-1] or last.casefold() in ABBREVIATION_ENDINGS


# Words a name never ends in: the model cut the name short ("2nd Earl of", "Grand Lodge of").
DANGLING_WORDS = frozenset({"of", "for", "and", "the", "in", "at", "on", "to", "&", "no", "no."})
WORD_RE = re.compile(r"\S+")


# Capitalised words that open a heading's clause or a sentence, never a name ("Why Zentrix's
# Stock Fell", "Following the Vote", "According to Officials", "Later the Acme board said").
NOT_NAME_OPENERS = frozenset({"why", "how", "what", "when", "where", "who", "following", "according", "amid",
                              "despite", "including", "later", "earlier", "meanwhile", "separately", "instead"})


# "By" run into the name after it ("ByMax Zahn"), as a scraped byline writes it.
GLUED_BY_RE = re.compile(r"By(?=[A-Z][a-z])")
# A score or a number run into a noun by a hyphen ("2-0", "343-home", "10-year"), which ends no name.
NUMBER_COMPOUND_RE = re.compile(r"\d[\d,.]*[-–](?:\d+|[a-z]+)")
# A clock time written as one word ("8:52pm", "10.45am", "17:30"), which opens no name.
CLOCK_TIME_RE = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)|\d{1,2}:\d{2}", re.I)


def _trim_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without describing lowercase words before or after the name ("magician
    David Gish", "Jiangsu province"), dangling words after it, and an unclosed bracket
    with what follows ("Jules et Jim (1962")."""
    if start < end and not text[start].islower() and text.find(" ", start, end) < 0 and "(" not in text[start:end]:
        return start, end  # one capitalised word: nothing to trim
    bracket = text.find("(", start, end)
    if bracket > start and text.find(")", bracket, end) < 0:
        end = bracket
        while end > start and text[end - 1].isspace():
            end -= 1
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
    while len(words) > 1 and CLOCK_TIME_RE.fullmatch(text, *words[0]):
        words.pop(0)  # "8:52pm BST": a time, then its zone
    while len(words) > 1 and CARDINAL_WORD_RE.fullmatch(text, *words[0]) and like_num(text[words[0][0]:words[0][1]]) \
            and _a_people(text[words[1][0]:words[1][1]]):
        words.pop(0)  # "Fourteen Jordanian Hajj pilgrims": a count of a people (not "Nine Entertainment",
        # nor an ordinal: "First Congress")
    if words and GLUED_BY_RE.match(text, words[0][0], words[0][1]):
        words[0] = (words[0][0] + 2, words[0][1])  # "ByMax Zahn": a byline whose space went missing
    while len(words) > 1 and (text[words[0][0]].islower() and text[words[0][0]:words[0][1]].split("-")[0]
                              not in NAME_PARTICLES or text[words[0][0]:words[0][1]].casefold() in NOT_NAME_OPENERS):
        words.pop(0)
    while len(words) > 1 and NUMBER_COMPOUND_RE.fullmatch(text, *words[-1]):
        words.pop()  # "Tottenham 2-0", "North Walsham 343-home": a score or a figure after the name
    while len(words) > 1 and (text[words[-1][0]:words[-1][1]].casefold() in DANGLING_WORDS
                              or text[words[-1][0]:words[-1][1]].isalpha()
                              and text[words[-1][0]].islower()):  # "Jiangsu province", not "d'Alembert"
        words.pop()
    return (words[0][0], words[-1][1]) if words else (start, end)


# What a photo's file name adds to the name it starts with ("Chris Bond_09-09-12September").
FILE_SUFFIX_RE = re.compile(r"_[\w-]*\d")


# A bracket opened and not closed at a name's end ("Citizenship (Amendment) Act (CAA").
UNCLOSED_BRACKET_RE = re.compile(r"\s*\([^()]*\Z")


def clean_mention(text: str) -> tuple[int, int]:
    """Offsets (relative to ``text``) of the name once possessive, article and edge punctuation go."""
    start, end = 0, len(text)
    for _ in range(3):
        if (figure := TRAILING_FIGURE_RE.search(text, start, end)) is not None and figure.start() > start:
            end = figure.start()  # "the Nasdaq 0.5%": the index, then its move
        if (link := WEB_ADDRESS_RE.search(text, start, end)) is not None and link.start() > start:
            end = link.start()  # "Dana Whitlock pic.twitter.com/ESd894": a name, then an embedded tweet's link
        if (suffix := HYPHEN_PARTICIPLE_RE.search(text, start, end)) is not None and suffix.start() > start:
            end = suffix.start()  # "Singapore-flagged": the place, then what it did to the ship
        if (filed := FILE_SUFFIX_RE.search(text, start, end)) is not None and filed.start() > start:
            end = filed.start()  # "Chris Bond_09-09-12": a photo's file name, then its date
        if (opened := UNCLOSED_BRACKET_RE.search(text, start, end)) is not None and opened.start() > start:
            end = opened.start()  # "Citizenship (Amendment) Act (CAA": the name, then its acronym's open bracket
        while start < end and _is_edge(text[start]):
            start += 1
        article = LEADING_ARTICLE_RE.match(text[start:end])
        if article:
            start += article.end()
        while end > start and _is_edge(text[end - 1]) and not _keeps_final_period(text[start:end]):
            end -= 1
        currency = TRAILING_CURRENCY_RE.search(text[start:end])
        if currency:
            end -= len(currency.group())
        possessive = POSSESSIVE_RE.search(text[start:end])
        if possessive and end - start - len(possessive.group()) > 1:
            end -= len(possessive.group())
        if (owner := COMPANY_OWNER_RE.search(text, start, end)) is not None:
            end = owner.start("apostrophe")  # "Kelvane Therapeutics' Alzheimer": the company, not its drug's disease
        start, end = _trim_words(text, start, end)
    return start, end


# A figure the model ran into a name: a decimal, or a number with its per cent sign ("the
# Nasdaq 0.5%"; not "S&P 500", "Boeing 737").
TRAILING_FIGURE_RE = re.compile(r"\s+[-+]?(?:\d+\.\d+|\d+(?=\s*(?:%|per\s?cent|percent)))\s*(?:%|per\s?cent|percent)?\Z")


# A participle hyphened to a name ("Singapore-flagged", "Qatar-owned", "Texas-born"): the
# name is the word before it.
HYPHEN_PARTICIPLE_RE = re.compile(r"(?<=[a-z])-(?:[a-z]+ed|born)\Z")


# A web address the model ran into a name, to its end ("pic.twitter.com/…", "bit.ly/…").
WEB_ADDRESS_RE = re.compile(r"\s+(?:https?://|www\.|pic\.twitter\.com|t\.co/|bit\.ly/)\S*.*\Z", re.S)


# A company's plural possessive inside a mention ("Kelvane Therapeutics' Alzheimer's drug"):
# the name ends there. Not a body's own ("Department of Veterans' Affairs", "Teachers' Union").
COMPANY_OWNER_RE = re.compile(r"(?i:%s)(?P<apostrophe>['’]) [A-Z]" % "|".join(sorted(COMPANY_TAIL_WORDS, key=len, reverse=True)))


# ------------------------------------------------------------------ mentions


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    label: str | None  # None for occurrences found by name rather than by the model


# A dash with spaces around it, which no name holds ("OSLO - Searchers" is a dateline and a word).
SPACED_DASH = r"\s+[-–—]\s+"
DASH_BETWEEN_RE = re.compile(SPACED_DASH)
# Separators of a list the model read as one name ("the Academy, Squadron Officer School",
# "Newsmax / Zogby", "Algoa Bay, Cape of Good Hope"): no name holds them.
LIST_SEPARATORS = rf",\s+|\s+/\s+|;\s+|{SPACED_DASH}|\s+\d{{1,2}}[-–]\d{{1,2}}\s+"  # (a score: "Leeds 3-1 Burnley")
LIST_SEPARATOR_RE = re.compile(LIST_SEPARATORS)
# ...and, in the name of a person, organisation or place, a colon (a heading's label: "Chip
# Shock: Why Boeing Stock Fell") or a slash between words (a photo credit: "Jane Doe/AP
# Photo"); titles of works keep theirs ("Star Wars: A New Hope").
NAME_SEPARATOR_RE = re.compile(rf"{LIST_SEPARATORS}|:\s+|(?<=[a-z.])/(?=[A-Z])")
# A credit's slash also ends a name in capitals ("JANE DOE/AP").
CREDIT_SEPARATOR_RE = re.compile(rf"{LIST_SEPARATORS}|:\s+|(?<=[A-Za-z.])/(?=[A-Z])")
# Labels whose names hold no colon and no slash.
PLAIN_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# What may follow a comma inside one name ("Acme, Inc.", "Martin Luther King, Jr.", "Washington, D.C.").
NAME_AFTER_COMMA_RE = re.compile(r"^(?:inc|corp|co|ltd|llc|plc|jr|sr|d\.\s?c|[ivx]+)\b\.?", re.IGNORECASE)


# Labels whose spans the model may start a word late or end a word early ("the Harrowgate
# [Biotica] recall", "the [Harrowgate] Biotica recall").
WIDENED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
# The most words a model's span is widened by.
MAX_WIDENED_TOKENS = 2


# Particles inside Romance place names ("Puerta del Sol", "Vila do Conde", "Reggio di Calabria").
PLACE_PARTICLES = frozenset({"del", "de", "di", "da", "do", "dos", "das", "della", "des", "du"})


def _hyphen_end(doc, end: int) -> int:
    """The end of a span with the lower-case word the tokenizer split off after a hyphen
    ("Han Duck[-soo]"): a name does not end at a hyphen (but "US-China talks", "Israel-Hamas
    war" are two names a hyphen relates, and "Biden-era" a name and a word)."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha and doc[end + 1].is_lower and doc[end + 1].lower_ not in english_words():
        return end + 2
    return end


def _capitalised_next(tok) -> bool:
    """A capitalised word follows: a first name here opens another name ("Kristi Noem Kristi
    Lynn Noem" in a byline)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha


def _proper_word(tok) -> bool:
    """A capitalised proper noun no entity holds that may be a name's word the model left
    out: not a title ("President"), an acronym, a month or a function word."""
    word = tok.text
    return (tok.pos_ == "PROPN" and word[:1].isupper() and word.isalpha() and not word.isupper()
            and not tok.is_stop and not tok.ent_type_
            and word.casefold() not in CALENDAR_WORDS and word.casefold() not in NAME_TITLE_WORDS)


def _name_word(tok) -> bool:
    """``_proper_word``, not a sentence's first word nor an abbreviated title ("Gen")."""
    return _proper_word(tok) and not tok.is_sent_start and tok.text.casefold() + "." not in NAME_TITLE_WORDS


def _titled_month_name(tok) -> bool:
    """A month that is a given name, after a title and before the name's next word ("magistrate
    June Cheung", "Ms April Walker"), which the model reads as a date."""
    doc = tok.doc
    return tok.text.casefold() in MONTHS and tok.text[:1].isupper() and is_first_name(tok.text) and 0 < tok.i \
        and doc[tok.i - 1].lower_.rstrip(".") in TITLE_WORDS | NAME_TITLE_WORDS \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].is_alpha


def _left_given_name(tok) -> bool:
    """A capitalised proper noun right after a person's name that no entity, title, month,
    day, English word or place holds, nor a first name that opens the next name ("Kristi
    Noem Kristi Lynn Noem" in a byline): the name's last word the model left out ("Trump
    Tower" is no longer name)."""
    word = tok.text
    return (_proper_word(tok)
            and word.casefold() not in english_words() and not getAllLemmas(word.casefold())  # ("Hammers" in a headline)
            and not is_place_name(word) and not (is_first_name(word) and _capitalised_next(tok))
            and not any(ch.isupper() for ch in word[1:]) and "\n" not in tok.doc[tok.i - 1].whitespace_)


def _initials_of_the_name(tok, first) -> bool:
    """Two or three capitals compounded into an organisation's name right after them ("SK
    Hynix", "LG Electronics"): part of the name, unless they name a country or a place ("US
    Steel" stays the model's reading of it; "the US Federal Reserve" is the Federal Reserve)."""
    word = tok.text
    return (2 <= len(word) <= 3 and word.isalpha() and word.isupper() and tok.pos_ == "PROPN" and tok.dep_ == "compound"
            and tok.head.i >= first.i and not tok.ent_type_ and not tok.is_sent_start
            and country_name(word) is None and not is_place_name(word) and word not in GENERIC_ACRONYMS
            and "\n" not in tok.whitespace_)


# Particles that open a surname ("von der Leyen", "van Gogh"); not the "e", "y" that join
# two names ("Reginaldo Santos e Gabriel").
SURNAME_PARTICLES = NAME_PARTICLES - {"e", "y", "et"}


def _particles_and_surname_end(doc, start: int, end: int) -> int:
    """The end of a person's name the model cut at or before its particles ("[Ursula von]
    der Leyen"): over up to three lower-case particles to the capitalised surname after them."""
    k = end
    while k - 1 > start and doc[k - 1].lower_ in SURNAME_PARTICLES and doc[k - 1].is_lower:
        k -= 1
    j = k
    while j < len(doc) and j - k < 3 and doc[j].lower_ in SURNAME_PARTICLES and doc[j].is_lower \
            and "\n" not in doc[j - 1].whitespace_:
        j += 1
    if j > k and j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and "\n" not in doc[j - 1].whitespace_:
        return j + 1
    return end


# A country's code, which a name before it makes an organisation's ("Reform UK", "Team USA").
COUNTRY_CODE_NAMES = frozenset({"UK", "U.K.", "US", "U.S.", "USA", "GB"})


def _compound_opener(tok, code) -> bool:
    """A sentence's capitalised first word the parser makes a compound of the country code
    after it (or of the noun the code compounds into), not itself a name, a place, a month or
    a function word ("Reform" in "Reform UK attained …"; not "Meanwhile UK …", an adverb)."""
    heads = (code.i, code.head.i) if code.dep_ == "compound" else (code.i,)  # "Reform UK leader Nigel Farage"
    return (tok.is_sent_start and tok.dep_ == "compound" and tok.head.i in heads and tok.pos_ in ("PROPN", "NOUN")
            and tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper() and not tok.is_stop
            and not tok.ent_type_ and tok.text.casefold() not in CALENDAR_WORDS and not is_place_name(tok.text))


def _named_opener(tok, code) -> bool:
    """A one-word name the model tagged an organisation, compounded into the country
    code right after it ("the rightist Reform UK took four"): one organisation's name."""
    doc = tok.doc
    if code.i + 1 < len(doc) and doc[code.i + 1].like_num:
        return False  # "the Cboe UK 100": an index's name runs on, which the model's reading keeps
    return tok.dep_ == "compound" and tok.head.i == code.i and tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" \
        and tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper() and not is_place_name(tok.text)


def _widened(ent):
    """The model's organisation or place span with the capitalised proper nouns it left out
    right before or after it ("Harrowgate Biotica" for "Biotica" or for "Harrowgate"): not
    a title ("President"), an acronym, a month, a function word, nor a sentence's first word.
    Any span is widened by the word that makes a given name a storm's ("Hurricane Delia")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and doc[start - 1].text[:1].isupper() and "\n" not in doc[start - 1].whitespace_ \
            and doc[start - 1].lower_ in STORM_WORDS:
        start -= 1  # "[Hurricane] Delia", "[Tropical Storm] Alberto": the model often leaves the word out
    if start < ent.start:
        return Span(doc, start, end, label="EVENT")
    end = _hyphen_end(doc, end)
    if ent.label_ == "PERSON":
        end = _particles_and_surname_end(doc, start, end)
    if ent.label_ == "PERSON" and end - start >= 2 and end < len(doc) and _left_given_name(doc[end]):
        end += 1  # "President Yoon Suk [Yeol] over his …": the model stops a name of three words short
    if ent.label_ == "NORP" and _particle_and_name_at(doc, end):
        end += 2  # "Rio Grande [do Sul]", which the model reads as a people ("Rio Grande" NORP) and cuts at "do"
    if ent.label_ not in WIDENED_LABELS:
        return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)

    while ent.start - start < MAX_WIDENED_TOKENS and start > 0 and (_name_word(doc[start - 1]) or _titled_month_name(
            doc[start - 1])) and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    if ent.label_ == "GPE" and len(ent) == 1 and ent.text in COUNTRY_CODE_NAMES and start > 0 \
            and (start < ent.start or _compound_opener(doc[start - 1], ent.root) or _named_opener(doc[start - 1], ent.root)):
        # "Reform UK", "Cancer Research UK": a name before a country's code makes the
        # organisation's name of it, also as a sentence's first word, which the parser
        # makes a compound of the code ("Reform UK attained third place")
        return Span(doc, min(start, ent.start - 1), ent.end, label="ORG")
    if ent.label_ == "ORG" and start == ent.start and start > 0 and _initials_of_the_name(doc[start - 1], doc[start]):
        start -= 1  # "[SK] Hynix", "[LG] Electronics": a company's initials the model left out
    while end - ent.end < MAX_WIDENED_TOKENS and end < len(doc) and _name_word(doc[end]) \
            and "\n" not in doc[end - 1].whitespace_ \
            and not (end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON") \
            and not (doc[end - 1].lower_ in BODY_WORDS and is_first_name(doc[end].text)):
        end += 1  # (not "Ohio Sen Dana Whitlock", nor "… Avanza Alliance Javier Milei": a body, then a person)
    while end < len(doc) and end > ent.end and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
            and _name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
        end += 1  # "KBW [Regional Banking Index]": a name ends at the proper noun its words compound into
    if end + 2 < len(doc) and end > start and doc[end].text[:1].isupper() and doc[end].is_alpha \
            and doc[end + 1].text in ("-", "–") and not doc[end].whitespace_ and not doc[end + 1].whitespace_ \
            and doc[end + 2].text[:1].isupper() and doc[end + 2].is_alpha and "\n" not in doc[end - 1].whitespace_:
        end += 3  # "AIM [All-Share]": a hyphened word of capitals after the name is the name's
    if _particle_and_name_at(doc, end):
        end += 2  # "Puerta [del Sol]", "Costa [del Sol]": the model stops at the particle
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _particle_and_name_at(doc, end: int) -> bool:
    """A Romance place name's particle and the capitalised word after it follow a name that
    ends at ``end`` ("Puerta [del Sol]", "Mato Grosso [do Sul]"), on one line, the word no name of its own."""
    return end + 1 < len(doc) and doc[end].lower_ in PLACE_PARTICLES and doc[end].is_lower \
        and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha and not doc[end + 1].ent_type_ \
        and "\n" not in doc[end].whitespace_ + doc[end - 1].whitespace_


# Labels of the spans the model splits one name into ("Harrow" GPE + "Dynamica" LOC).
JOINED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON"})


def _neighbours_joined(ents: list) -> list:
    """The model's name spans, two of them joined where it split one name: one space apart,
    proper nouns on both sides of it, the second no place ("Russia Ukraine" stays two), no
    acronym, and the first not ending in a title or a legal form. Of two labels the name is an organisation's
    (its type is voted later anyway)."""
    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label_ in JOINED_LABELS and ent.label_ in JOINED_LABELS
                and prev.doc[prev.end - 1].whitespace_ == " " and prev[-1].pos_ == "PROPN" and ent[0].pos_ == "PROPN"
                and not is_place_name(ent.text) and not ent.text.isupper()
                and prev[-1].text.casefold().rstrip(".") not in NAME_TITLE_WORDS
                and not (ent.label_ == "PERSON" != prev.label_ and is_first_name(ent[0].text))  # "the House Nancy Pelosi"
                and prev[-1].text not in LEGAL_FORMS):  # "Apple Inc. Steve Jobs": the form ends a name
            out[-1] = Span(ent.doc, prev.start, ent.end, label=prev.label_ if prev.label_ == ent.label_ else "ORG")
        elif prev is not None and _one_body_across_and(prev, ent):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
        elif prev is not None and _one_place_across_particle(prev, ent):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="GPE")
        else:
            out.append(ent)
    return out


def _one_place_across_particle(prev, ent) -> bool:
    """Two spans the model cut at the particle inside one place's name that the gazetteer
    knows whole ("Caxias" and "Sul" of "Caxias do Sul")."""
    doc = ent.doc
    return prev.end + 1 == ent.start and doc[prev.end].lower_ in PLACE_PARTICLES and doc[prev.end].is_lower \
        and is_place_name(doc[prev.start:ent.end].text)


def _one_body_across_and(prev, ent) -> bool:
    """Two organisation spans the model cut at the "and" inside one public body's name
    ("the House Education" and "Workforce Committee"): the second ends in a body's word, the
    first is two or more English words that end in no organisation's own last word
    ("Google and Justice Department", "the Pentagon and Justice Department" stay two)."""
    doc = ent.doc
    first = [t for t in prev if t.lower_ != "the"]
    return prev.label_ == ent.label_ == "ORG" and prev.end + 1 == ent.start and doc[prev.end].lower_ == "and" \
        and ent[0].pos_ == "PROPN" and ent[-1].lower_ in PUBLIC_BODY_NOUNS and len(first) >= 2 \
        and all(t.pos_ == "PROPN" and _english(t.lower_, english_words()) for t in first) \
        and first[-1].lower_ not in ORG_NAME_ENDINGS and not is_place_name(" ".join(t.text for t in first)) \
        and "\n" not in doc[prev.end - 1].whitespace_ + doc[prev.end].whitespace_


def _list_items(text: str, plain: bool = False, credit: bool = False) -> list[tuple[int, int]]:
    """Offsets of the items of a list the model took for one name; the whole when it is none.
    A ``plain`` name (``PLAIN_NAME_LABELS``) also splits at a colon and at a slash between words;
    a person's name (``credit``) ends at such a slash."""
    separators = CREDIT_SEPARATOR_RE if credit else NAME_SEPARATOR_RE if plain else LIST_SEPARATOR_RE
    items, start = [], 0
    for sep in separators.finditer(text):
        if NAME_AFTER_COMMA_RE.match(text[sep.end():]):
            continue
        items.append((start, sep.start()))
        if sep.group() == "/" and credit:
            return items  # "Jane Doe/AP Photo": the photographer, then the agency's credit
        start = sep.end()
    items.append((start, len(text)))
    return items


# Two names a hyphen relates ("EU-Mercosur deal", "US-China talks", "Israel-Hamas war").
HYPHEN_PAIR_RE = re.compile(r"^([A-Z][\w.&]*)[-–]([A-Z][\w.&]*)$")


def _hyphen_pair(name: str) -> list[tuple[int, int]] | None:
    """The two names of a hyphenated pair the model took for one, when one side is an acronym
    or both are places (not "Rolls-Royce", "Guinea-Bissau", "Coca-Cola")."""
    m = HYPHEN_PAIR_RE.match(name)
    if m is None or is_place_name(name):
        return None
    one, other = m.group(1), m.group(2)
    if min(len(one), len(other)) < 2:
        return None  # "USB-C", "X-Men": one name
    acronym = any(len(w) >= 2 and w.isupper() and w.isalpha() for w in (one, other))
    if not (acronym or is_place_name(one) and is_place_name(other)):
        return None
    return [(0, m.end(1)), (m.start(2), len(name))]


def _conjoined_names(ent: Span) -> list[tuple[int, int]] | None:
    """Offsets (in the span) of two names the model read as one across "and": the parse
    makes the first the head of the span and the second its conjunct ("chipmakers [Broadcom
    and Advanced Micro Devices]"), where in one name the first word modifies the last
    ("the Securities and Exchange Commission", "Department of Health and Human Services").
    Not two single words ("Procter and Gamble"), a trade's word after "and" ("Pacific Gas
    and Electric"), a first name before a longer name ("Bill
    and Melinda Gates Foundation") or a place the gazetteer knows ("Saint Kitts and Nevis")."""
    ands = [t for t in ent if t.lower_ == "and" and t.dep_ == "cc"]
    if len(ands) != 1:
        return None
    cc, first = ands[0], ands[0].head
    inside = range(ent.start, ent.end)
    if first.i not in inside or first.i > cc.i or (first.head.i in inside and first.head.i != first.i) \
            or first.dep_ in ("compound", "amod", "nmod"):
        return None  # (nor a name that modifies a noun after it: "its Disaster and Emergency Management agency")
    if not any(c.i in inside and c.i > cc.i for c in first.conjuncts):
        return None
    left = [t for t in ent.doc[ent.start:cc.i] if t.lower_ != "the"]
    right = list(ent.doc[cc.i + 1:ent.end])
    if not left or not right or not (left[0].text[:1].isupper() and right[0].text[:1].isupper()):
        return None
    # nor a legal form alone ("Apple Inc. and Inc.": a page's lost link), nor fields of study,
    # which are terms ("Frame Semantics and Construction Grammar")
    if len(left) == 1 and (len(right) == 1 or is_first_name(left[0].text)) or is_place_name(ent.text) \
            or len(right) == 1 and right[0].lower_ in ORG_NAME_ENDINGS | SECTOR_WORDS \
            or all(t.text in COMPANY_FORMS for t in right) \
            or is_field_of_study(" ".join(t.text for t in left)) or is_field_of_study(" ".join(t.text for t in right)):
        return None
    base = ent.start_char
    return [(0, cc.idx - base), (right[0].idx - base, len(ent.text))]


# Words that end an airline's name ("Southwest Airlines", "British Airways").
AIRLINE_ENDINGS = frozenset({"airlines", "airways", "airline"})


def _operator_and_maker(ent: Span) -> list[tuple[int, int]] | None:
    """Offsets (in the span) of an airline and the maker of the plane the model read as one
    name before the plane's model ("a [Skyvar Airlines Airbus] A320", "a [Southwest Airlines
    Boeing] 737-800"): two organisations. Not an airline's arena ("American Airlines Center")."""
    if ent.label_ != "ORG":
        return None
    cut = next((t for t in ent[:-1] if t.lower_ in AIRLINE_ENDINGS), None)
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    rest = ent.doc[cut.i + 1:ent.end] if cut is not None else []
    if cut is None or after is None or not any(c.isdigit() for c in after.text) \
            or not all(t.text[:1].isupper() and t.is_alpha for t in rest) or len(rest) > 2:
        return None
    base = ent.start_char
    return [(0, cut.idx + len(cut.text) - base), (rest[0].idx - base, len(ent.text))]


def without_person_titles(candidates: list[Candidate]) -> list[Candidate]:
    """Names less a title or rank the model ran into the person's name after them
    ("Maryland State Police Col. Roland Voss", "the Coast Guard Rear Admiral …", "Harwick
    Builders executive"): the title is the person's, not the organisation's; where the
    person's name is in the span too, it is a name of its own ("Delmore Mayor Dana J
    Whitcombe": Delmore, and Dana J Whitcombe)."""
    out = []
    for cand in candidates:
        words = list(re.finditer(r"\S+", cand.text))
        if cand.label == "PERSON" and len(words) >= 3 and words[-1].group().rstrip(",.") in POST_NOMINALS:
            length = words[-2].end()  # "James Ofori KC", "Daniel Bernoulli FRS": the honour is no name
            cand = Candidate(cand.start, cand.start + length, cand.text[:length], cand.label)
        first = words[0].group() if words else ""
        if cand.label == "PERSON" and len(words) >= 2 and first in SHORT_OFFICES and words[1].group()[:1].isupper():
            person = words[1].start()  # "VP Harris": the office is no part of her name
            out.append(Candidate(cand.start + person, cand.end, cand.text[person:], "PERSON"))
            continue
        if cand.label == "PERSON" or len(words) < 2:
            out.append(cand)
            continue
        if len(words) == 3 and _name_title(first) and all(
                w.group()[:1].isupper() and w.group().isalpha() and w.group().casefold() not in NOT_NAME_WORDS_AFTER_TITLE
                for w in words[1:]):
            # "Assemblymember Kristan Kelly" read as an organisation: a title, then a person's first name
            person = words[1].start()
            out.append(Candidate(cand.start + person, cand.end, cand.text[person:], "PERSON"))
            continue
        if first.casefold().rstrip(".") in PERSONAL_HONORIFICS and words[1].group()[:1].isupper():
            # "Dr Havel said" read as an organisation: only a person is a doctor or a Mrs
            person = words[1].start()
            out.append(Candidate(cand.start + person, cand.end, cand.text[person:], "PERSON"))
            continue
        if (first in SHORT_OFFICES or first.endswith(".") and first.casefold().rstrip(".") in RANK_WORDS) \
                and words[1].group()[:1].isupper():
            # "PM Sunak", "Sen. Dana Pell" read as an organisation: an office shortened, then a
            # person's name ("Vice Media", "Gen Digital" are no office)
            person = words[1].start()
            out.append(Candidate(cand.start + person, cand.end, cand.text[person:], None))
            continue
        inner = next((k for k in range(1, len(words) - 2) if _is_title(words[k].group())
                      and words[k - 1].group().casefold() not in ("of", "the", "for")
                      and _name_after_title([w.group() for w in words[k + 1:]])), None)
        if inner is not None:
            person = words[inner + 1].start()
            first_title = inner
            while first_title > 1 and _is_title(words[first_title - 1].group()):
                first_title -= 1  # "Jefferies [Chief Economist]": the whole title is the person's
            owner_end = words[first_title - 1].end()
            out.append(Candidate(cand.start, cand.start + owner_end, cand.text[:owner_end], None))
            # (a first name after the title is a person's: "… Transportation Secretary Paul Wiedefeld")
            out.append(Candidate(cand.start + person, cand.end, cand.text[person:],
                                 "PERSON" if is_first_name(words[inner + 1].group()) else None))
            continue
        cut = len(words)
        while cut > 1 and _is_title(words[cut - 1].group()) and words[cut - 2].group().casefold() not in ("of", "the", "for"):
            cut -= 1
        if cut < len(words):
            while cut > 0 and words[cut - 1].group().casefold() in TITLE_MODIFIERS:
                cut -= 1  # "ITV News Political Editor", "National Editor": the title's rank or beat too
            if cut == 0:
                continue
            word = words[0].group()
            if cut == 1 and word.casefold() in english_adjectives() and not is_country_demonym(word):
                continue  # "Best Actress", "Acting Director": a word of the title, no name before it
            length = words[cut - 1].end()
            cand = Candidate(cand.start, cand.start + length, cand.text[:length], cand.label)
        out.append(cand)
    return out


def _name_after_title(rest: list[str]) -> bool:
    """The words after a title are a person's name: a first name opens them, or they are two
    or three capitalised words, no title among them, that end in a name, not an English word
    ("Jefferies Chief Economist [Mohit Kumar]"; not "Chief Executive [Office Building]")."""
    if not rest or not rest[-1][:1].isupper():
        return False
    last = rest[-1]
    return is_first_name(rest[0]) or 2 <= len(rest) <= 3 and all(
        w[:1].isupper() and w.isalpha() and not _is_title(w) for w in rest) and (
        is_common_surname(last) or is_first_name(last) or not _english(last.casefold(), english_words()))


def _is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TRAILING_TITLE_WORDS


# Letters written after a person's name for an office or honour ("James Ofori KC", "Tom
# Reeves MP", "Jane Doe OBE", a senior counsel's "SC" or "S.C.", a Senior Advocate of Nigeria's "SAN", a
# member of Ireland's Dáil's "TD", of a legislative assembly's "MLA").
POST_NOMINALS = frozenset({"KC", "QC", "SC", "SAN", "K.C", "Q.C", "S.C", "MP", "MSP", "MEP", "OBE", "CBE", "MBE", "KBE",
                           "DBE", "GBE", "FRS", "PhD", "TD", "MLA"})
# Honorifics that only a person's name follows ("Lord" and "Lady" open places' and firms' names too).
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof"})
# Titles and ranks that end no organisation's name but the person's after it runs into.
TRAILING_TITLE_WORDS = (TITLE_WORDS | RANK_WORDS | {"majority", "minority", "whip"}) - ORG_NAME_ENDINGS \
    - frozenset({"partner", "partners"})  # "Senate Majority Leader X": the Senate


def _without_opening_descriptor(ent, start: int, end: int) -> int:
    """Start of a name after a descriptor that opens its sentence, capitalised only for that
    ("Chipmaker Nvidia, which …", "Startup Varo said"): the noun says what the name is; never
    a name's own first word ("Bank of America", "Group Lotus": see ``OPENING_DESCRIPTORS``);
    nor after the "-ing" verb of an opening clause ("Overtaking Apple, Meta …")."""
    words = [t for t in ent if start <= t.idx < end]
    opens = words and (words[0].is_sent_start or words[0].i > 0 and words[0].nbor(-1).text in (".", "!", "?"))
    if len(words) < 2 or not opens or not words[0].is_title:  # (the parser may run two sentences into one)
        return start
    first, second = words[0], words[1]
    if (_describes(first.lower_) or first.lower_ in OPENING_QUANTIFIERS) and second.text[:1].isupper() \
            and second.lower_ not in ORG_TAIL_CONNECTORS and first.whitespace_:
        return second.idx  # ("Several Transport Ministry officials": how many, then the name)
    if len(words) >= 3 and _describes(second.lower_) and second.is_title and words[2].text[:1].isupper() \
            and words[2].lower_ not in ORG_TAIL_CONNECTORS and first.whitespace_ and second.whitespace_:
        return words[2].idx  # "Cybersecurity Firm CrowdStrike's Shares Drop", "Chinese Startup DeepSeek": a field, the noun, the name
    if _opening_participle(ent.doc, first.i, words[-1].i):
        return second.idx  # "Overtaking Apple's $190 billion gain, the rise …": a clause's verb, then the name
    return start


def _without_platform(ent, start: int, end: int) -> int:
    """Start of a name after the one-letter platform a comma should have closed off ("In a
    post on X Altman said"): "X" after "on", "to" or "via" is where words were posted."""
    words = [t for t in ent if start <= t.idx < end]
    if len(words) >= 2 and words[0].text == "X" and words[0].i > 0 and words[0].nbor(-1).lower_ in ("on", "to", "via"):
        return words[1].idx
    return start


def _opening_participle(doc: Doc, first: int, last: int) -> bool:
    """The name's first word is the "-ing" verb of a clause that opens the sentence, its
    object the name ("Overtaking Apple's $190 billion gain, the rise …"): not the subject of
    the sentence ("Reading Borough Council, which runs the town, said")."""
    token = doc[first]
    if not (token.is_sent_start and first < last and verb_of_participle(token.text)) or is_place_name(token.text):
        return False
    root = doc[first:last + 1].root
    comma = next((t.text == "," for t in doc[last + 1:] if t.text in (",", ".", ";", "!", "?")), False)
    return doc[first + 1].text[:1].isupper() and root.dep_ not in ("nsubj", "nsubjpass") and comma


# Nouns of a trade that open a sentence before the name they describe ("Chipmaker X",
# "Retailer Y"); not the nouns that begin names themselves ("Group Lotus", "Bank of …",
# "Carrier Global", "Network Rail").
OPENING_DESCRIPTORS = frozenset({
    "startup", "start-up", "retailer", "lender", "insurer", "airline", "conglomerate", "broker", "brokerage",
    "rival", "peer", "competitor", "developer", "publisher", "supplier", "operator", "provider", "broadcaster",
    "regulator", "firm", "giant", "chipmaker", "automaker", "carmaker", "drugmaker", "planemaker",
    "producer", "miner", "manufacturer", "distributor", "refiner",
})


# Words of quantity that open a sentence before a name that modifies their noun ("Several
# Transport Ministry officials", "Many Labour MPs").
OPENING_QUANTIFIERS = frozenset({"several", "many", "some", "most", "few", "various", "numerous"})


def _describes(noun: str) -> bool:
    """A noun of a trade that opens a sentence before the name it describes."""
    return noun in OPENING_DESCRIPTORS or noun.endswith("maker")


# Words after a title that make the whole an office or a body, not a titled person ("Secretary
# General Office", "Director Finance Department").
NOT_NAME_WORDS_AFTER_TITLE = ORG_NAME_ENDINGS | ORG_HEAD_WORDS | ORG_HEAD_WORDS_WITH_TAIL | FACILITY_HEAD_WORDS | TITLE_WORDS


def _name_title(word: str) -> bool:
    """A title of rank, or its plural before a list of names ("Assemblymembers Tammie Wilson,
    Barbara Haney and …", "Councillors Ann Roe and …")."""
    folded = word.casefold().rstrip(".")
    return folded in NAME_TITLE_WORDS or folded.endswith("s") and folded[:-1] in NAME_TITLE_WORDS - {"mr", "ms", "mrs"}


def _without_title(text: str, start: int, end: int) -> int:
    """Start of a person's name after a title of rank written before it ("Tsar Peter the
    Great", "Mathematician Hermann Weyl"), a people's name ("Brazilian Gabriel Jesus") or a
    political side before a first name ("Tory Lee Anderson"); the name itself when nothing
    capitalised follows."""
    first = text.find(" ", start, end)
    second = text.find(" ", first + 1, end) if first > start else -1
    if second > first and text[start:first].casefold() in TITLE_MODIFIERS | TENURE_WORDS \
            and text[first + 1:second].casefold().rstrip(".") in NAME_TITLE_WORDS and text[second + 1:second + 2].isupper():
        return second + 1  # "Interim Chancellor Merz", "Former President Dana Pell": the title with its rank
    if second > first and text[first + 1:second] in SEAT_OFFICES and text[start:start + 1].isupper() \
            and text[second + 1:second + 2].isupper():
        return second + 1  # "Gatundu MP Ndungu Kamau": the seat, the office, then the name
    if first > start and (_name_title(text[start:first]) or text[start:first] in SHORT_OFFICES) \
            and text[first + 1:first + 2].isupper() and not _given_name_after_rank(text, start, first, end):
        # (and a rank before another title: "Detective Garda Ciaran Dunne"; not a first name that is also a
        # title: "Lt. Duke North")
        rest = text[first + 1:end].split()
        stacked = len(rest) > 2 or len(rest) == 2 and not is_first_name(rest[0])
        return _without_title(text, first + 1, end) if stacked else first + 1
    word = text[start:first] if first > start else ""
    if word and (is_country_demonym(word) or is_demonym_noun(word)) and not is_first_name(word) \
            and text[first + 1:first + 2].isupper():
        return first + 1  # "Brazilian Gabriel Jesus": where he is from, not his name (but "Christian Bale")
    rest = text[first + 1:end].split() if first > start else []
    if word.casefold() in AFFILIATION_WORDS and len(rest) >= 2 and is_first_name(rest[0]):  # (not "Tory Burch")
        return first + 1  # "Tory Lee Anderson", "Brexiteer Nigel Farage": the side, then the person
    return start


def _given_name_after_rank(text: str, start: int, first: int, end: int) -> bool:
    """The name is two words, the first a title that is a given name too, right after a rank
    outside the name ("Lt. [Duke North]"): the rank is the title, the word his name."""
    before = re.search(r"\b([A-Za-z]+)\.?\s+\Z", text[max(0, start - 12):start])
    return before is not None and before.group(1).casefold() in RANK_WORDS | NAME_TITLE_WORDS \
        and len(text[first + 1:end].split()) == 1 and is_first_name(text[start:first])


# Words of a person's name after the place or body of an office.
OFFICE_HOLDER_WORDS = (2, 3, 4)


# The body a member sits in, after "Member" ("Makueni Member of Parliament Dan Maanzo").
MEMBER_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:Parliament|(?:[A-Z][a-z]+\s+)?(?:County|National|Legislative|State)\s+Assembly)\b")


def without_seat_members(found: list[Candidate], text: str) -> list[Candidate]:
    """A seat the model ran into the office of the one who holds it ("[Makueni Member] of
    Parliament Dan Maanzo"): the seat alone, a place."""
    out = []
    for cand in found:
        words = cand.text.split()
        if len(words) >= 2 and words[-1] == "Member" and MEMBER_OF_RE.match(text, cand.end):
            seat = cand.text[:cand.text.rindex(" Member")]
            cand = Candidate(cand.start, cand.start + len(seat), seat, "GPE" if is_place_name(seat) else None)
        out.append(cand)
    return out


def without_office_places(found: list[Candidate], text: str) -> list[Candidate]:
    """Names less the place or body the title before them is of, which the model ran into the
    person's name ("chief minister of Madhya Pradesh Shivraj Singh Chouhan", "Leader of the
    Opposition Pritam Singh"): the longest run of first words that is a place's name (kept as a
    place of its own) or capitalised English words, before two to four words that are first
    names, initials or no English words (not "editor of the San Francisco Bulletin")."""
    out = []
    for cand in found:
        office = TITLE_OF_BEFORE_RE.search(text, max(0, cand.start - 40), cand.start)
        words = list(re.finditer(r"\S+", cand.text))
        cut = None
        if office is not None and _is_title(office.group(1)) and cand.label in (None, "PERSON", "ORG") \
                and not is_place_name(cand.text):  # (a place's whole name is no office's place and holder)
            for k in range(1, len(words) - 1):
                rest = [w.group() for w in words[k:]]
                if len(rest) not in OFFICE_HOLDER_WORDS or not all(NAME_WORD_RE.fullmatch(w) for w in rest) \
                        or any(_english(w.casefold(), english_words()) and not is_first_name(w) for w in rest):
                    continue  # (not "editor of the San Francisco Bulletin", "Count of the Holy Roman Empire")
                place = is_place_name(cand.text[:words[k - 1].end()])
                english = words[0].group()[:1].isupper() and all(
                    w.group().casefold() in ("and", "of", "the") or w.group()[:1].isupper()
                    and _english(w.group().casefold(), english_words()) for w in words[:k])
                if place or english:
                    cut = (k, place)
        if cut is None:
            out.append(cand)
            continue
        k, place = cut
        person_start = cand.start + words[k].start()
        if place:
            out.append(Candidate(cand.start, cand.start + words[k - 1].end(), cand.text[:words[k - 1].end()], "GPE"))
        out.append(Candidate(person_start, cand.end, cand.text[words[k].start():], "PERSON"))
    return out


# Words of a name after a people's adjective: a given name and a family name, or three.
NATIONALITY_NAME_WORDS = (2, 3)


def _nationality_before_name(text: str, start: int, end: int) -> int | None:
    """Where a person's name starts after the people they are from, when the model took the
    whole for an organisation or a place ("Tunisian Abderrahim Zhiou", "the Brazilian Jasmin
    Tenucci"): a country's adjective, then two or three capitalised words none of which is an
    English word, a name particle or an organisation's word ("Brazilian Grand Prix", "Spanish La
    Liga", "Chinese Communist Party" stay what they are); else None."""
    words = text[start:end].split(" ")
    if len(words) - 1 not in NATIONALITY_NAME_WORDS or not is_country_demonym(words[0]) or is_first_name(words[0]):
        return None
    rest = words[1:]
    if not all(w[:1].isupper() and w[1:2].islower() for w in rest):
        return None
    folded = [w.casefold() for w in rest]
    vocabulary = english_words()
    if any(w in vocabulary or w in NAME_PARTICLES or w in ORG_NAME_ENDINGS or w in COMPANY_TAIL_WORDS
           or w.rstrip("s") in vocabulary for w in folded):
        return None
    return start + len(words[0]) + 1


def _seat_before_name(text: str, start: int, end: int) -> int | None:
    """Where a member's name starts after the place they sit for, which the model ran into it
    ("Member for Hervey Bay Adrian Tantari"): a place of one or two words after "Member for", then
    a given name and one or two more capitalised words; else None."""
    if not SEAT_BEFORE_RE.search(text, max(0, start - 30), start):
        return None
    words = text[start:end].split(" ")
    for cut in (1, 2):
        rest = words[cut:]
        if 2 <= len(rest) <= 3 and is_place_name(" ".join(words[:cut])) and is_first_name(rest[0]) \
                and all(w[:1].isupper() for w in rest):
            return start + len(" ".join(words[:cut])) + 1
    return None


# Words of when someone holds a title, written before it ("Former President", "Outgoing Chancellor").
TENURE_WORDS = frozenset({"former", "outgoing", "incoming", "caretaker", "then", "late", "current", "new"})
# Words for the political side someone is on, written before their name in the news.
AFFILIATION_WORDS = frozenset({
    "tory", "labour", "labor", "conservative", "liberal", "democrat", "republican", "socialist", "communist",
    "nationalist", "unionist", "brexiteer", "remainer", "leaver", "progressive", "populist", "centrist",
})


def _title_before_first_name(text: str, start: int, end: int) -> bool:
    """The name opens with a title of rank or a player's position and then a first name, or
    with a police rank, which opens no organisation's name ("Superintendent Tex Tafoa",
    "Inspector Mwale"), and then one or two capitalised words."""
    words = text[start:end].split()
    title = words[0].casefold().rstrip(".") if words else ""
    if title in RANKS_BEFORE_NAMES and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words[1:]):
        return True
    if 3 <= len(words) <= 5 and words[1] in SEAT_OFFICES and all(w[:1].isupper() for w in words):
        return True  # "Gatundu MP Ndungu Kamau", which the model may take for a body
    if len(words) == 2 and title in NAME_TITLE_WORDS and _surname_alone(words[1]):
        return True  # "Magistrate Holland granted him bail", which the model may take for a body
    return len(words) >= 3 and title in NAME_TITLE_WORDS and is_first_name(words[1])


def _trade_before_name(text: str, start: int, end: int) -> bool:
    """A trade's noun, capitalised, then two or three capitalised words English does not have
    ("Strategist Adarsh Sinha", "Geologist Hrefna Jonsdottir")."""
    words = text[start:end].split()
    return 3 <= len(words) <= 4 and is_trade_word(words[0]) and all(
        w[:1].isupper() and w.isalpha() and not _english(w.casefold(), english_words()) for w in words[1:])


def _surname_alone(word: str) -> bool:
    """A common surname that ends no organisation's or place's name ("Holland", not "Court")."""
    return word[:1].isupper() and is_common_surname(word) and word.casefold() not in NOT_SURNAMES | ORG_NAME_ENDINGS


# Ranks of police and detectives, and officers' ranks written short ("Capt Ana Reyes", "Lt Col"),
# never the first word of an organisation's name.
RANKS_BEFORE_NAMES = frozenset({"superintendent", "supt", "inspector", "insp", "sergeant", "sgt", "constable",
                                "detective", "det", "corporal", "cpl", "capt", "maj", "lt", "col", "cmdr", "cdr",
                                "brig", "adm", "cllr", "coun", "cr", "barrister", "counsel"})
# (and a councillor's and a lawyer's title: "Cllr Frank McBrearty", "Cr Williamson", "Barrister David Stanton")


# Offices written in capitals before a name ("PM Liz Truss", "MP Dana Pell").
SHORT_OFFICES = frozenset({"PM", "MP", "VP", "MLA", "MEP", "MSP"})
# ...and those written after the seat the member holds ("Clwyd West MS Gareth Davies": a Member of
# the Senedd; "MS" alone may be a ship's prefix or a disease, after a seat it is the office).
SEAT_OFFICES = SHORT_OFFICES | {"MS", "TD", "MHK"}


# What may follow a possessive "'s" that possesses nothing: the organisation is named in the
# possessive ("McDonald's or Nike", "Moody's said", "shares of Sainsbury's fell").
NOT_POSSESSED_POS = frozenset({"CCONJ", "PUNCT", "VERB", "AUX", "ADP", "SCONJ", "PART"})


# Words before a possessive whose thing the sentence leaves out, as it was named before it.
COMPARED_WITH = frozenset({"than", "as", "like", "unlike"})
# Verbs of measuring up to another's thing, which then goes unsaid ("outperformed OpenAI's in
# tests": its model).
OUTDOING_VERBS = frozenset({"outperform", "outpace", "outsell", "outscore", "outshine", "beat", "surpass", "exceed",
                            "match", "rival", "eclipse", "overtake", "trail"})


def _possessive_name_end(ent) -> int | None:
    """End offset of an organisation's name written with its "'s" ("McDonald's"), where the
    "'s" right after the model's span possesses nothing; else None (a possessive: "Apple's
    shares")."""
    doc = ent.doc
    i = ent.end - 1 if ent[-1].tag_ == "POS" else ent.end
    if i >= len(doc) or i == ent.start or doc[i].tag_ != "POS" or doc[i].lower_ not in ("'s", "’s") \
            or doc[i - 1].whitespace_:
        return None
    k = i + 1
    if k < len(doc) and doc[k].text == "(":  # "Acme's (ACME) stock": the ticker is an aside
        close = next((t.i for t in doc[k:k + 6] if t.text == ")"), None)
        k = close + 1 if close is not None else k
    after = doc[k] if k < len(doc) else None
    if after is not None and after.text in ('"', "“", "‘", "'") and after.whitespace_ == "":
        return None  # 'CNBC's "Trading Nation"': a quoted title it possesses
    if after is not None and not after.is_space and (after.pos_ not in NOT_POSSESSED_POS or after.tag_ == "VBG"
                                                     or after.pos_ == "VERB" and after.tag_ not in ("VBD", "MD")):
        return None  # "OpenAI's plans to …" ("plans" may be read as a verb; "Moody's said" is a name's);
        # "Meta's having lost $251bn": a gerund's subject
    if ent.start and doc[ent.start - 1].lemma_ == "be":
        return None  # "it was Google's": the thing is Google's
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and (before.lower_ in COMPARED_WITH or before.lower_ in ("and", "or") and ent.start > 1
                               and doc[ent.start - 2].tag_ == "POS" or before.lemma_.casefold() in OUTDOING_VERBS):
        return None  # "less than Apple's and Microsoft's", "outperformed OpenAI's": a thing compared, theirs
    if _named_bare(doc, doc[ent.start:i].text):
        return None  # the article names it without the "'s" too ("less than Apple's and Microsoft's")
    return doc[i].idx + len(doc[i].text)


def _named_bare(doc: Doc, name: str) -> bool:
    """The text names ``name`` somewhere without a possessive after it (read once per name and doc)."""
    seen = doc_memo(doc, "names_bare")
    if name not in seen:
        seen[name] = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-]|\s*['’]s\b)", doc_text(doc)) is not None
    return seen[name]


# Last words of a body's name that a person's name may follow in one model span ("Speaker
# of the House Nancy Pelosi"): the body's, then the person's.
BODY_WORDS = ORG_HEAD_WORDS | frozenset({
    "house", "senate", "congress", "parliament", "court", "cabinet", "alliance", "coalition", "front", "movement",
})


def _named_elsewhere(words: Span) -> bool:
    """The text writes these words as a name of their own somewhere else: not run into the
    capitalised words after them ("OpenAI boss Sam Altman" beside "OpenAI Sam Altman")."""
    text = doc_text(words.doc)
    for found in re.finditer(rf"(?<![\w-]){re.escape(words.text)}(?![\w-])", text):
        if found.start() != words.start_char and not re.match(r"\s+[A-Z]", text[found.end():found.end() + 2]):
            return True
    return False


def _person_after_body(ent) -> list:
    """The model's organisation, place or person span split before a first name and the
    capitalised words after it that follow a body's word ("the House Nancy Pelosi": the House,
    and Nancy Pelosi; "La Libertad Avanza Alliance Javier Milei") or a name the text also
    writes alone ("the boss of OpenAI Sam Altman", where the text says "OpenAI" elsewhere);
    or before a two-word name after a title, which is dropped ("FEMA Administrator Deanne
    Criswell": FEMA, and Deanne Criswell); else the span itself."""
    if ent.label_ not in ("ORG", "GPE", "FAC", "PERSON") or len(ent) < 3:
        return [ent]
    for k in range(1, len(ent) - 1):
        titled = k >= 2 and ent.label_ != "PERSON" and ent[k - 1].lower_ in NAME_TITLE_WORDS and len(ent) - k == 2
        if not (is_first_name(ent[k].text) or titled) \
                or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent[k:]) \
                or len(ent) - k > 3 or ent[-1].lower_ in ORG_NAME_ENDINGS:
            continue
        if titled:  # "FEMA Administrator Deanne Criswell": the agency, its title, the person who holds it
            return [Span(ent.doc, ent.start, ent.start + k - 1, label=ent.label_),
                    Span(ent.doc, ent.start + k, ent.end, label="PERSON")]
        body = ent[k - 1].lower_ in BODY_WORDS and (ent.label_ != "PERSON" or not is_first_name(ent[0].text))
        named_alone = not body and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_.rstrip(".") not in NAME_TITLE_WORDS for t in ent[:k]
        ) and _named_elsewhere(ent[:k])
        if ent.label_ == "PERSON" and (is_first_name(ent[0].text) or not named_alone):
            continue  # "Orvex Dana Whitfield" read as one person, where the text also says "Orvex" (not "John Paul Jones")
        if body or named_alone:
            return [Span(ent.doc, ent.start, ent.start + k, label="ORG" if ent.label_ == "PERSON" else ent.label_),
                    Span(ent.doc, ent.start + k, ent.end, label="PERSON")]
    return [ent]


def _without_opening_gerund(ent, start: int, end: int, text: str) -> int:
    """Start of a person's name after the participle that opens its sentence, which the model
    ran into it ("Quoting Rafaelito Alejandro, …", "Citing Maria Santos, …"): an English word
    in -ing the tagger reads as a verb, with a capitalised name after it."""
    first = ent.doc[ent.start]
    if first.idx != start or ent.end - ent.start < 2 or not (first.is_sent_start or first.tag_ == "VBG") \
            or not first.lower_.endswith("ing") or not ent.doc[ent.start + 1].text[:1].isupper() \
            or is_first_name(first.text):
        return start
    stem = first.lower_[:-3]
    if not {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem} & english_words():
        return start  # ("Sterling Marlin": no verb in it)
    return ent.doc[ent.start + 1].idx if ent.doc[ent.start + 1].idx < end else start


# Verbs of saying that open an inverted attribution before a colon or a quotation ("Said
# Chanthunya: “…”", "Added Ruiz, “…”"), which the model runs into the name.
INVERTED_SPEECH_VERBS = frozenset({"said", "says", "added", "adds", "asked", "explained", "noted", "warned",
                                   "insisted", "recalled", "continued", "concluded"})
QUOTATION_AFTER_NAME_RE = re.compile(r"\s*[:,]\s*[“\"‘']")


def _without_opening_speech_verb(ent, start: int, end: int, text: str) -> int:
    """Start of a person's name after the verb of saying that opens its sentence and its
    inverted attribution: the name is followed by a colon or a comma and the quotation."""
    first = ent.doc[ent.start]
    if first.idx != start or ent.end - ent.start < 2 or not first.is_sent_start \
            or first.lower_ not in INVERTED_SPEECH_VERBS or not QUOTATION_AFTER_NAME_RE.match(text, end):
        return start
    return ent.doc[ent.start + 1].idx


# Days of the calendar named after a holiday ("New Year's Day", "Valentine's Day", "Christmas
# Eve", "Boxing Day"), which the model may read as an event or a body.
HOLIDAY_RE = re.compile(r"(?:[Tt]he\s+)?(?:[\w.-]+\s+){0,2}[\w.-]+['’]s?\s+(?:Day|Eve)|(?:Christmas|Boxing|New\s+Year)\s+(?:Day|Eve)")


# A month opening a name the model ran it into after a preposition of time ("In August Apple became
# the first …", "since March Acme has …"); not a name that is a given name ("magistrate June Cheung").
MONTH_BEFORE_NAME_RE = re.compile(r"(?:^|(?<=[\s(]))(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate)\s+\Z")


def _without_opening_month(text: str, start: int, end: int) -> int:
    """Where the name begins when it opens with a month after "in", "since", … (see MONTH_BEFORE_NAME_RE)."""
    first = text.find(" ", start, end)
    if first < 0 or text[start:first].casefold() not in MONTHS or not text[first + 1:first + 2].isupper():
        return start
    return first + 1 if MONTH_BEFORE_NAME_RE.search(text, max(0, start - 8), start) else start


def without_opening_months(found: list[Candidate], text: str) -> list[Candidate]:
    """The mentions less a month that opens them after a preposition of time, whichever reader
    ran it in ("In August Apple became …"): the month dates the clause, it names no one."""
    out = []
    for cand in found:
        start = _without_opening_month(text, cand.start, cand.end)
        out.append(cand if start == cand.start else Candidate(start, cand.end, text[start:cand.end], cand.label))
    return out


def model_mentions(doc: Doc, text: str) -> list[Candidate]:
    """The model's name entities, cleaned; generic acronyms and lone common words dropped;
    lists read as one name split into their names; and organisation names the model cut
    short or missed (``organisation_mentions``) in place of the spans they overlap.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    out = []
    spans = [e for e in doc_ents(doc) if e.label_ in NAME_LABELS]
    for ent in _neighbours_joined([part for e in spans for part in _person_after_body(e)]):
        ent = _widened(ent)
        if HOLIDAY_RE.fullmatch(ent.text):
            continue  # "New Year's Day", "Christmas Eve": a day of the calendar, no one's name
        line = ent.text.split("\n", 1)[0]  # a name never crosses a line
        items = _list_items(line, plain=ent.label_ in PLAIN_NAME_LABELS, credit=ent.label_ == "PERSON")
        if len(items) == 1 and line == ent.text and ent.label_ in PLAIN_NAME_LABELS:
            items = _conjoined_names(ent) or _hyphen_pair(line) or _operator_and_maker(ent) or items
        dashed = len(items) > 1 and DASH_BETWEEN_RE.search(line)
        for item_start, item_end in items:
            rel_start, rel_end = clean_mention(line[item_start:item_end])
            start, end = ent.start_char + item_start + rel_start, ent.start_char + item_start + rel_end
            if dashed and " " not in text[start:end] and _english(text[start:end].casefold(), english_words()):
                continue  # "OSLO - Searchers worked ...": the dateline's place, then the sentence's first word
            start = _without_platform(ent, _without_opening_descriptor(ent, start, end), end)
            label = None
            if ent.label_ in PLAIN_NAME_LABELS and ent.label_ != "PERSON" \
                    and (named := _nationality_before_name(text, start, end) or _seat_before_name(text, start, end)):
                start, label = named, "PERSON"  # "Tunisian Abderrahim Zhiou set a record", which the model made a firm;
                # "Member for Hervey Bay Adrian Tantari said", which it made a building
            if ent.label_ == "PERSON":
                start = _without_opening_speech_verb(ent, _without_opening_gerund(ent, start, end, text), end, text)
                start = _without_title(text, start, end)
            elif _trade_before_name(text, start, end):
                start, label = text.index(" ", start) + 1, "PERSON"  # "Strategist Adarsh Sinha said", which the
                # model may take for a firm: a trade the name's sentence opens with
            elif _title_before_first_name(text, start, end):
                start, label = _without_title(text, start, end), "PERSON"  # "Kicker Jake Moody", "Capt Ana Reyes",
                # which the model may take for a team or a firm: a rank or a position is a person's
            elif ent.label_ == "ORG" and len(items) == 1 and line == ent.text:
                end = _possessive_name_end(ent) or end
            if ent.label_ not in TITLE_LABELS:
                end = _without_trailing_term(ent, start, end, text)
            if ent.label_ in PLAIN_NAME_LABELS and ent.label_ != "PERSON":
                end = _without_title_modifiers(text, start, end)
            if ent.label_ in PLAIN_NAME_LABELS:
                start = _without_portfolio(text, start, end, person=ent.label_ == "PERSON")
            if (form := TICKER_AFTER_FORM_RE.fullmatch(text, start, end)) is not None:
                end = form.end("name")  # "Shares of Acme Computer Inc ACMC took a hit": the company, then its ticker
            _keep_model_mention(ent, start, end, text, out, label)
    by_head = organisation_mentions(doc, text)
    legal = [c for c in legal_name_mentions(doc, text) if not any(o.start < c.end and c.start < o.end for o in by_head)]
    return _with_organisations(out, sorted(by_head + legal, key=lambda c: c.start))


# Words a title takes before it: its rank ("Prime Minister", "Deputy Editor") or its portfolio
# or beat ("Interior Minister", "Political Editor", "Foreign Secretary").
TITLE_MODIFIERS = frozenset("""
prime deputy chief senior junior executive managing general vice assistant associate acting interim
political economics economic economy business foreign home interior finance financial health defence defense
justice education environment transport transportation treasury commerce agriculture housing homeland
trade energy security culture sports sport science technology international national diplomatic legal
medical europe european world district circuit magistrate federal
""".split())
# ...and the portfolios a title names after "of" ("Secretary of State", "Minister of Labour"),
# which may also be a party's or a place's name when they stand before a title.
PORTFOLIOS_AFTER_OF = TITLE_MODIFIERS | frozenset("""
state labor labour war navy army veterans tourism communications industry information immigration
""".split())
# The word after a name: is it a title?
NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z.-]*)")
# A title and "of" or "for" right before a name ("Secretary of [Transportation Buttigieg]",
# "Minister for [Law and Home Affairs K. Shanmugam]"), a junior minister's "of State" between them
# ("Minister of State for [Home Dev Rana]", "Secretary of State for [Health Jo Kerr]").
TITLE_OF_BEFORE_RE = re.compile(r"\b([A-Za-z-]+)(?:\s+of\s+State)?\s+(?:of|for)\s+(?:the\s+)?\Z")
# A word of a person's name: capitalised, maybe hyphened, or an initial ("K.").
NAME_WORD_RE = re.compile(r"[A-Z][^\W\d_]*(?:-[A-Z]?[^\W\d_]+)*|[A-Z]\.")


def _without_portfolio(text: str, start: int, end: int, person: bool) -> int:
    """Start of a person's name less the portfolio of the title before it that the model
    ran into the name ("Secretary of [Transportation] Buttigieg", however the model labels
    it): the portfolio is the title's; ``end`` when the name is nothing but it ("Secretary
    of [State]"), which drops it. An organisation's name after a title keeps its words
    ("President of the International Brotherhood of Magicians")."""
    title = TITLE_OF_BEFORE_RE.search(text, max(0, start - 40), start)
    if title is None or not _is_title(title.group(1)):
        return start
    words = text[start:end].split()
    if len(words) > 2 and words[0] == "State" and words[1] == "for":  # "Secretary of [State for Health Jo Kerr]"
        return _without_portfolio(text, start + text[start:end].index("for") + 4, end, person)
    if not words or words[0].casefold() not in PORTFOLIOS_AFTER_OF:
        return start
    if len(words) == 1:
        return end
    rest = text.find(" ", start, end)
    named = person or _name_after_title(words[1:]) or len(words) == 2 and not _english(words[1].casefold(), english_words())
    return rest + 1 if named and text[rest + 1:rest + 2].isupper() else start


def _without_title_modifiers(text: str, start: int, end: int) -> int:
    """End of a name less the words of the title after it that the model ran into the name
    ("UK Prime [Minister]", "ITV News Political [Editor]"): they are the title's, and a
    name of nothing but them ("Interior [Minister]") ends at its start, which drops it."""
    after = NEXT_WORD_RE.match(text, end)
    if after is None or not _is_title(after.group(1)):
        return end
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = len(words)
    while cut > 0 and words[cut - 1].group().casefold() in TITLE_MODIFIERS and words[cut - 1].group()[:1].isupper():
        cut -= 1
    while cut < len(words) and cut > 0 and words[cut - 1].group().islower():
        cut -= 1  # "the Leader of the Opposition for the [Prime Minister]": no name ends in "for the"
    return start + words[cut - 1].end() if cut else start


# The capitalised word of a title-case headline that a company's name runs into ("Novo Nordisk
# Shares Plunge", "a Dip in Acme Stock").
TRADED_WORDS = frozenset({"Shares", "Stock", "Stocks"})


def _without_trailing_term(ent, start: int, end: int, text: str) -> int:
    """The end of an organisation's name without an acronym that modifies the noun after it
    ("Halvex RSV jab": the company's RSV jab), when the text names the organisation without
    it elsewhere, or without "Shares" or "Stock" ("Novo Nordisk Shares Plunge"); else ``end``."""
    last = ent[-1]
    doc = ent.doc
    if last.text in TRADED_WORDS and len(ent) >= 3 and last.idx + len(last.text) == end and last.idx > start \
            and all(w[:1].isupper() for w in text[start:last.idx].split()):  # (not "Disruption in Relation to X Stock")
        return text.rindex(" ", start, last.idx) if " " in text[start:last.idx] else end
    if not (last.is_alpha and last.text.isupper() and 2 <= len(last.text) <= 5 and last.i + 1 < len(doc)
            and last.idx + len(last.text) == end and len(ent) >= 2):
        return end
    after = doc[last.i + 1]
    if not (after.is_alpha and after.is_lower and after.pos_ in ("NOUN", "PROPN") and last.head.i == after.i):
        return end
    name = text[start:last.idx].rstrip()
    alone = re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)(?!\s+{re.escape(last.text)}\b)", text)
    return start + len(name) if name and any(m.start() != start for m in alone) else end


@lru_cache(maxsize=1 << 14)
def is_field_of_study(name: str) -> bool:
    """A name of two or more words whose head names a field of study and that holds no
    institution's or building's head word ("Translation Studies", not "Department of
    Linguistics")."""
    words = [w.casefold() for w in name.split()]
    if len(words) < 2:
        return False
    head = next((words[k - 1] for k in range(1, len(words)) if words[k] in ("of", "for", "on")), words[-1])
    return head in FIELD_HEAD_WORDS and not any(
        w in ORG_HEAD_WORDS or w in ORG_HEAD_WORDS_WITH_TAIL or w in FACILITY_HEAD_WORDS for w in words)


def _people_work_at(ent) -> bool:
    """The name is where people named by a plural noun work ("economists at Capital
    Economics", "researchers from Oxford Economics"): a firm, though its words name a field."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "from") and root.head.head.tag_ == "NNS" \
        and root.head.head.lower_ in PEOPLE_AT_WORK


# Plural nouns of people who work at a firm and speak for it.
PEOPLE_AT_WORK = frozenset({"economists", "analysts", "strategists", "researchers", "scientists", "experts",
                            "executives", "officials", "forecasters"})


# A capital after a word's first letter ("iPhone", "PayPal"): no common noun has one.
INNER_CAPITAL_RE = re.compile(r"^\w+[a-z][A-Z]")


# Labels of titles, which may hold a verb in lower case ("What the Butler Saw", "Everybody
# loves Raymond"): their spans are never cut at one.
TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


# What comes before a temperature scale's name.
DEGREES_BEFORE_RE = re.compile(r"(?:\bdegrees?|°)\s*\Z", re.I)


def _keep_model_mention(ent, start: int, end: int, text: str, out: list[Candidate], label: str | None = None) -> None:
    surface = text[start:end]
    if len(surface) < 2 or not entity_key(surface) or surface in GENERIC_ACRONYMS \
            or is_field_of_study(surface) and not _people_work_at(ent):
        return
    if not any(ch.isupper() for ch in surface) or surface.casefold().rstrip(".") in CALENDAR_WORDS:
        return  # (nor is a day or a month a name: "On Tues 28 January")
    if DEGREES_BEFORE_RE.search(text, max(0, start - 12), start):
        return  # "105 degrees Fahrenheit": a scale, no name
    tokens = [t for t in ent if start <= t.idx < end]
    label = label or ent.label_
    if label != "NORP" and tokens and not any(t.pos_ in ("PROPN", "NUM") or INNER_CAPITAL_RE.search(t.text)
                                              for t in tokens) and not _capitalised_inside_sentence(tokens):
        if not bare_speaker(tokens):
            return  # "Investors" at the start of a line is a common noun (but "TikTok" is a name however tagged)
        label = "PERSON"  # a bare singular noun that speaks is someone: an organisation takes "the"
    joint = None if ent.label_ in TITLE_LABELS else next(
        (t for t in tokens[1:-1] if t.text.islower() and t.tag_ in FINITE_VERB_TAGS
         and t.lower_ not in PLACE_PARTICLES), None)  # (the tagger's verb "do" of "Rio Grande do Sul" is a particle)
    if joint is not None:  # "Byron composed Thyrza": two names the model ran together over a verb
        after = joint.idx + len(joint.text) + len(joint.whitespace_)
        for a, b in ((start, joint.idx), (after, end)):
            a, b = a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())
            if b > a and text[a].isupper():
                out.append(Candidate(a, b, text[a:b], None))
        return
    inner = [t for t in tokens[1:-1] if t.dep_ == "case" and t.lower_ in ("'s", "’s", "'", "’")
             and not _plural_of_people(t.nbor(-1))
             and not all(w.text in COMPANY_FORMS or w.lower_ in POSSESSIVE_NAME_TAILS
                         for w in tokens if w.i > t.i)  # "McDonald’s Corp", "Moody’s Analytics": one company's name
             and t.nbor(-1).lower_ not in NAME_TITLE_WORDS]  # "Queen's Park", "King's College": a title's, one name
    if inner:  # "Apple’s US App Store": the possessor is a name of its own
        cut = inner[0]
        out.append(Candidate(start, cut.idx, text[start:cut.idx], None))
        start = cut.idx + len(cut.text) + len(cut.whitespace_)
        surface = text[start:end]
        if not any(ch.isupper() for ch in surface):
            return  # "Abba's 1974 win": the possessor only
    out.append(Candidate(start, end, surface, label))


# Words after a possessive that keep it in a company's name ("Moody’s Analytics", "Moody’s
# Investors Service"), beside its legal forms.
POSSESSIVE_NAME_TAILS = ORG_NAME_ENDINGS | COMPANY_TAIL_WORDS | {"investors", "service"}


# Verbs of saying whose bare singular subject is someone ("Trump said the development …").
SAYING_LEMMAS = frozenset({"say", "tell", "add", "announce", "write", "warn", "argue", "insist", "urge", "claim"})


def bare_speaker(tokens: list) -> bool:
    """One capitalised singular noun with no determiner, the subject of a verb of saying
    ("Trump said …", "Trump reacted quickly, saying …"): English does not open a sentence
    with a bare count noun that speaks, so the model's name is a name, however the tagger read
    the word ("Investors said" is plural, "Turnout was" no saying)."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if token.tag_ not in ("NN", "NNP") or not token.text[:1].isupper() or token.dep_ != "nsubj" \
            or any(c.dep_ == "det" for c in token.children):
        return False
    verb = token.head  # "Trump said …", or "Trump reacted quickly, saying …": a participle of saying shares it
    return verb.lemma_.lower() in SAYING_LEMMAS or any(
        c.dep_ in ("advcl", "conj") and c.tag_ in ("VBG", "VBD") and c.lemma_.lower() in SAYING_LEMMAS
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def _capitalised_inside_sentence(tokens: list) -> bool:
    """One capitalised English noun the model names inside a sentence that writes most words
    in lower case ("The win lifts Arsenal to 64 points"): a name, however the tagger read it."""
    first = tokens[0]
    if len(tokens) != 1 or first.is_sent_start or not first.text[:1].isupper() or first.text.isupper() \
            or not {first.lower_, first.lemma_.casefold()} & english_nouns():
        return False
    if first.pos_ != "NOUN" and (first.pos_ not in ("ADJ", "VERB") or first.i + 1 < len(first.doc)
                                 and first.nbor().pos_ in ("NOUN", "PROPN", "ADJ")):
        return False  # (an adjective that describes the noun after it is one: "Imperial decree")
    prev = first.nbor(-1)
    return not prev.is_punct and prev.text[:1].islower() and sum(t.is_lower for t in first.sent) > len(first.sent) // 2


# Plurals that do not end in "s", for the possessor of an institution's name.
IRREGULAR_PLURALS = frozenset({"people", "children", "women", "men", "peoples"})


def _plural_of_people(token: Token) -> bool:
    """A common noun in the plural before a possessive inside one name is part of it: the
    name of an institution for them ("The People's Bank of China", "Children's Hospital",
    "Jackson Women's Health Organization", "Workers' Party"), not an owner of its own."""
    word = token.lower_  # ("Longshoremen's Association": "longshoreman")
    return word in IRREGULAR_PLURALS or any(singular in english_nouns() for singular in singulars(word))


def _with_organisations(found: list[Candidate], organisations: list[Candidate]) -> list[Candidate]:
    """The model's mentions with the organisation names in place of those they overlap;
    a model organisation that holds one and goes on in capitalised words is kept instead
    ("Oxford University Press" over "Oxford University")."""
    if not organisations:
        return found
    kept_orgs = []
    for org in organisations:
        longer = [c for c in found if c.label == "ORG" and c.start <= org.start and org.end <= c.end
                  and (c.start, c.end) != (org.start, org.end)
                  and not any(w[:1].islower() for w in c.text[org.end - c.start:].split())]
        if not longer:
            kept_orgs.append(org)
    out = [c for c in found if not any(o.start < c.end and c.start < o.end for o in kept_orgs)]
    return sorted(out + kept_orgs, key=lambda c: c.start)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def organisation_mentions(doc: Doc, text: str) -> list[Candidate]:
    """Names of organisations by their head word: capitalised words before it ("Navarro
    College", "Webber Douglas Academy of Dramatic Art") and an "of"/"for" tail after it
    ("University of California", "Centre for Irish and Scottish Studies"), on one line.
    The small model often cuts these short, runs them on ("University of California at
    Berkeley") or calls them places. A country is left to the place rules ("Soviet Union").
    Buildings and sites are found alike by theirs ("Montparnasse Cemetery", "Federal Hall"),
    never after a first name ("Stuart Hall")."""
    texts, offsets = token_texts(doc), token_starts(doc)
    heads = _head_forms()
    out: list[Candidate] = []
    done = 0
    for i in [k for k, t in enumerate(texts) if t in heads]:
        if i < done:
            continue
        word = texts[i].casefold()
        facility = word in FACILITY_HEAD_WORDS
        first = _name_start(doc, texts, i)
        last = _tail_end(texts, i)
        if last == i and (first == i or word in ORG_HEAD_WORDS_WITH_TAIL) \
                or facility and (first == i or is_first_name(texts[first])):  # "Stuart Hall" is a man
            continue
        start, end = offsets[first], offsets[last] + len(texts[last])
        name = text[start:end]
        if "\n" not in name and not is_country(name):
            out.append(Candidate(start, end, name, "FAC" if facility else "ORG"))
        done = last + 1
    return out


# Legal forms written after a company's name, as written ("Facebook, Inc.", "Siemens AG",
# "BP plc"): the words before one, comma or not, name an organisation whatever the model read.
LEGAL_FORMS = frozenset({
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "L.L.C.", "plc", "Plc", "PLC",
    "AG", "GmbH", "SpA", "S.p.A.", "NV", "N.V.", "SA", "S.A.", "SE", "LLP",
    "ASA", "A/S", "AB", "Oyj", "BV", "B.V.", "Pty", "Bhd", "Berhad", "Tbk", "KGaA",  # Nordic, Dutch, Australian, Asian
})
# Last words that make a name a company's: its legal form, or "Corporation", "Company",
# "Limited" (which are part of some names, so only a shorter form beside them drops them).
COMPANY_FORMS = LEGAL_FORMS | {"Corporation", "Company", "Limited"}


def legal_name_mentions(doc: Doc, text: str) -> list[Candidate]:
    """Companies named with their legal form: capitalised words, an optional comma, the form
    ("Facebook, Inc. Class A (FB) closed at $176.26": the model finds nothing there)."""
    texts, offsets = token_texts(doc), token_starts(doc)
    out: list[Candidate] = []
    for i in [k for k, t in enumerate(texts) if t in LEGAL_FORMS and k > 0]:
        before = i - 1 if texts[i - 1] == "," and i > 1 else i
        first = _name_start(doc, texts, before)
        if first == before:
            continue
        start, end = offsets[first], offsets[i] + len(texts[i])
        name = text[start:end]
        if "\n" not in name:
            out.append(Candidate(start, end, name, "ORG"))
    return out


@lru_cache(maxsize=1)
def _head_forms() -> frozenset[str]:
    """Head words as a name writes them ("University", "UNIVERSITY"): tokens are matched as
    they stand, with no case folding per token."""
    words = ORG_HEAD_WORDS | ORG_HEAD_WORDS_WITH_TAIL | FACILITY_HEAD_WORDS
    return frozenset({w.capitalize() for w in words} | {w.upper() for w in words})


def _prefix_word(token, word: str) -> bool:
    """A capitalised word of the name before its head: a proper noun, or another capitalised
    word that does not open the sentence ("Stephenville High School"; not "Former")."""
    if not _capitalised(word) or token.is_stop or token.is_punct or word.casefold() in ORG_TAIL_CONNECTORS:
        return False
    return token.pos_ == "PROPN" or not token.is_sent_start and token.pos_ in ("ADJ", "NOUN")


def _name_start(doc: Doc, texts: list[str], head: int) -> int:
    """Index of the first of the capitalised words (``_prefix_word``) right before ``head``."""
    first = head
    while first > 0 and _prefix_word(doc[first - 1], texts[first - 1]):
        first -= 1
    if first < head - 1 and doc[first].is_sent_start and _describes(doc[first].lower_):
        first += 1  # "Competitor Constellation Energy Corp. was down": the noun says what the name is
    elif _opening_participle(doc, first, head):
        first += 1  # "Overtaking Apple Inc.'s record, …"
    return first


def _tail_end(texts: list[str], head: int) -> int:
    """Index of the last word of the name's "of"/"for" tail, or ``head`` when it has none.
    The tail runs over capitalised words and connectors and stops before "and" that opens
    another organisation ("the University of Chicago and Harvard University")."""
    n = len(texts)
    if head + 2 >= n or texts[head + 1] not in ("of", "for", "on") or not _capitalised(texts[head + 2]) \
            or texts[head + 2].casefold() in CALENDAR_WORDS:  # "at the Emirates Stadium on Saturday"
        return head
    last, j = head, head + 1
    while j < n:
        word = texts[j]
        if _capitalised(word) and word.strip():
            last = j
        elif word in ("and", "&") and (_opens_organisation(texts, j + 1) or _opens_person(texts, j + 1)):
            break  # (nor before "and Dr. David Evans of the Royal Ontario Museum")
        elif word not in ORG_TAIL_CONNECTORS or j + 1 < n and texts[j + 1].casefold() in CALENDAR_WORDS:
            break  # (not "the Corps of Engineers [on April 3]")
        j += 1
    return last


def _opens_person(texts: list[str], j: int) -> bool:
    """The word at ``j`` opens a person's name: an honorific or a title ("Dr.", "Professor"),
    or a first name followed by another capitalised word."""
    if j >= len(texts):
        return False
    word = texts[j].casefold().rstrip(".")
    return word in PERSONAL_HONORIFICS or word in NAME_TITLE_WORDS or is_first_name(texts[j]) \
        and j + 1 < len(texts) and _capitalised(texts[j + 1])


def _opens_organisation(texts: list[str], j: int) -> bool:
    """The capitalised words from ``j`` on hold an organisation's head word, or are a place
    name ("the Universities of Birmingham and London" name two)."""
    first = j
    while j < len(texts) and _capitalised(texts[j]):
        if texts[j].casefold() in ORG_HEAD_WORDS:
            return True
        j += 1
    return j > first and is_place_name(" ".join(texts[first:j]))


def outside(taken: Iterable[Candidate | Mention]):
    """A test of whether [start, end) overlaps none of the mentions already ``taken``."""
    covered = sorted((c.start, c.end) for c in taken)
    starts = [a for a, _ in covered]

    def free(start: int, end: int) -> bool:
        j = bisect_right(starts, end)
        return not any(a < end and start < b for a, b in covered[max(0, j - 3):j])

    return free


# Longest place name, in tokens, that the gazetteer pass looks for ("Bay of Bengal").
MAX_PLACE_TOKENS = 4


def place_mentions(doc: Doc, text: str, taken: list[Candidate]) -> list[Candidate]:
    """Place names the model missed: a capitalised proper noun (or two or three) that the
    gazetteer knows (a country, subdivision, US state, continent or city), outside every
    mention the model found. Not part of a longer name ("Jack London", "Paris Hilton"),
    nor a word of a longer name found elsewhere in the text ("Holt" after "Brock Holt"),
    nor a first name ("Florence", "Eugene"), which a bare city name often is."""
    free = outside(taken)
    # Words of longer names the model found: "Holt" after "Brock Holt" is the person.
    name_words = {w for c in taken if c.label in ("PERSON", "ORG") for w in c.text.split()[1:]}
    texts, offsets = token_texts(doc), token_starts(doc)
    firsts = _place_first_words()
    out = []
    i, n = 0, len(texts)
    while i < n:
        if texts[i].casefold() not in firsts or not texts[i][:1].isupper():
            i += 1
            continue
        for size in range(min(MAX_PLACE_TOKENS, n - i), 0, -1):
            last = i + size - 1
            start, end = offsets[i], offsets[last] + len(texts[last])
            name = text[start:end]
            if "\n" in name or not is_place_name(name) or doc[i].pos_ != "PROPN":
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[last + 1] if last + 1 < n else None
            if any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_punct
                   and not (t is after and t.lower_.rstrip(".") in NAME_TITLE_WORDS) for t in (before, after)):
                break  # part of a longer name (not a title after it: "Rio Grande do Sul Governor Eduardo Leite")
            if size == 1 and after is not None and after.is_alpha and after.text[:1].isupper() \
                    and name.casefold() in english_words():
                break  # "Best Actor", "Union Square": a word of a title, whatever the tagger made of the next
            if not free(start, end):
                break
            if size == 1 and (name in name_words or is_first_name(name) or name.casefold() in CALENDAR_WORDS) \
                    and not is_country(name):
                break  # a first name, a word of a name met here, or a month or weekday ("March")
            out.append(Candidate(start, end, name, "GPE"))
            i = last
            break
        i += 1
    return out


def opens_sentence(token) -> bool:
    """The token opens its sentence, or a quotation ("“Time will tell,” …")."""
    return token.is_sent_start or token.i > 0 and token.nbor(-1).text in OPENING_QUOTES_AND_BRACKETS


# What may stand before a sentence's first word.
OPENING_QUOTES_AND_BRACKETS = frozenset({'"', "“", "‘", "'", "(", "["})
# Longest person's name, in tokens, that the first-name pass reads ("Mary Ann Smith Jones").
MAX_PERSON_TOKENS = 4
# The number of a monarch or pope after the name ("Elizabeth II", "Louis XIV").
REGNAL_NUMBER_RE = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{1,3}|XIX|XX)$")


def _a_people(word: str) -> bool:
    """A country's people ("Jordanian", "Kenyans"), no word of the language ("Republic")."""
    return any(is_country_demonym(w) for w in (word, word.removesuffix("s"))) and word.casefold() not in english_words()


# A word that may be a number written out, but no ordinal ("fourteen", not "first" or "fourth").
CARDINAL_WORD_RE = re.compile(r"[A-Za-z]+(?<!st)(?<!nd)(?<!rd)(?<!th)")
# First names, a nickname in quotation marks and a surname, maybe with its generation
# ("Aquilino “Koko” Pimentel III", "Earvin 'Magic' Johnson"), which the model cuts in three.
NICKNAMED_RE = re.compile(
    r"\b(?P<first>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+[\"“'‘][A-Z][^\"“”'‘’\s]{0,12}(?:\s[^\"“”'‘’\s]{1,12})?[\"”'’]\s+"
    r"(?P<last>(?:(?:de|del|dela|van|von|da|di|le|la)\s+)?[A-Z][\w'’-]+(?P<second>\s+[A-Z][a-z][\w'’-]*)?"
    r"(?:\s+(?:III|II|IV|Jr\.?|Sr\.?))?)")


def with_hyphened_surnames(found: list[Candidate], text: str) -> list[Candidate]:
    """A person's name the model cut at the hyphen of a double surname ("Kamla Persad" of
    "Kamla Persad-Bissessar"): the name with its whole surname (and no piece of it apart)."""
    grown = []
    for c in found:
        if c.label == "PERSON" and c.end + 1 < len(text) and text[c.end] == "-" and text[c.end + 1].isupper():
            end = hyphened_span(text, c.start, c.end)[1]
            grown.append((c, Candidate(c.start, end, text[c.start:end], c.label)))
    if not grown:
        return found
    replaced = {id(old): new for old, new in grown}
    free = outside([new for _, new in grown])
    return [replaced.get(id(c), c) for c in found if id(c) in replaced or free(c.start, c.end)]


def with_mid_nicknames(found: list[Candidate], text: str) -> list[Candidate]:
    """A person's name with a nickname in quotation marks between first name and surname, as
    one mention of the person in place of the pieces the model made of it; where the first
    name is a known one or the model read it as a person."""
    joined = []
    for m in NICKNAMED_RE.finditer(text):
        surname = [w for w in m.group("last").split() if w[:1].isupper()][0]
        if not is_common_surname(surname) and _english(surname.casefold(), english_words()):
            continue  # (not "Mary 'Home' Office", "Biopic “Funmilayo” Concludes")
        given = [w for w in WORD_RE.finditer(text, m.start("first"), m.end("first"))]
        start = next((w.start() for w in given if is_first_name(w.group()) or any(
            c.start == w.start() and c.label == "PERSON" for c in found)), None)  # (not "Leader Aquilino")
        end = m.end()
        if m.group("second") and _english((second := m.group("second").strip()).casefold(), english_words()) \
                and not is_common_surname(second):
            end = m.start("second")  # a second surname, not the word after the name ("Johnston Holthaus")
        if start is not None:
            joined.append(Candidate(start, end, text[start:end], "PERSON"))
    if not joined:
        return found
    free = outside(joined)
    return sorted([c for c in found if free(c.start, c.end)] + joined, key=lambda c: c.start)


def with_first_names_before(found: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """A person of one word that the model found right after a first name it left out ("CEO
    Christophe Fouquet" read as "Fouquet"): the name with its first name, as the text writes it.
    The first name is a proper noun no other mention holds, on the same line, and no title or place:
    a first name of Faker's lists, or a name the parser compounds into the person's ("warned
    Tamer Ramadan of the Red Cross", where the lists lack the name)."""
    free = outside(found)
    out = []
    for c in found:
        if c.label == "PERSON" and c.start > 0 and (" " not in c.text or c.text.count(" ") == 1):
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            before = doc[span.start - 1] if span is not None and span.start > 0 else None
            alone = " " not in c.text  # (a name of two words takes a first name of the lists the parser joins to it:
            # "Salóme Jórunn Bernharðsdóttir")
            if before is not None and before.pos_ == "PROPN" and before.text.isalpha() and before.text[:1].isupper() \
                    and text[before.idx + len(before):c.start] == " " \
                    and (is_first_name(before.text) and (alone or before.dep_ == "compound" and before.head.i in range(
                        span.start, span.end) and not _english(before.lower_, english_words())
                        and before.lower_ not in AFFILIATION_WORDS)  # (not "former Tory Lee Anderson")
                         or alone and before.dep_ == "compound" and before.head.i == span.start
                         and not before.is_sent_start and not before.text.isupper()) \
                    and before.text.casefold() not in NAME_TITLE_WORDS and not is_place_name(before.text) \
                    and before.text.casefold() not in WEEKDAYS and before.ent_type_ not in ("DATE", "TIME") \
                    and free(before.idx, before.idx + len(before)):  # (not "announced Wednesday Meta had")
                c = Candidate(before.idx, c.end, text[before.idx:c.end], c.label)
        out.append(c)
    return _with_given_names_mislabelled(out, doc, text)


def _with_given_names_mislabelled(found: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """A person's name with the given name right before it, which the model took for a name of
    its own of another type ("Salóme Jórunn Bernharðsdóttir" read as a place and a person): a
    first name of the lists, no place's name, that the parser compounds into the person's name."""
    by_end = {c.end: c for c in found if c.label != "PERSON" and " " not in c.text}
    dropped, out = set(), []
    for c in found:
        first = by_end.get(c.start - 1) if c.label == "PERSON" and text[c.start - 1:c.start] == " " else None
        span = doc.char_span(c.start, c.end, alignment_mode="expand") if first is not None else None
        before = doc[span.start - 1] if span is not None and span.start > 0 else None
        if first is not None and before is not None and before.idx == first.start and before.dep_ == "compound" \
                and before.head.i in range(span.start, span.end) and is_first_name(before.text) \
                and not is_place_name(before.text) and before.text.casefold() not in NAME_TITLE_WORDS:
            dropped.add(first.start)
            c = Candidate(first.start, c.end, text[first.start:c.end], c.label)
        out.append(c)
    return [c for c in out if not (c.start in dropped and c.label != "PERSON")]


def person_mentions(doc: Doc, text: str, taken: list[Candidate]) -> list[Candidate]:
    """People's names the model missed: a known first name (Faker's, as in the type votes),
    or after a title a capitalised word that is no English word ("Governor Babajide
    Sanwo-Olu", or a surname alone: "Chancellor Merz"), and one to three more capitalised
    proper nouns or initials on one line ("Aner Shalev", "Isabel Ruiz"; a hyphenated surname
    is one), outside every mention found, not
    part of a longer name, not a place and not ending in a word of places or institutions
    ("Florence Nightingale Hospital"). Each later bare occurrence of the surname of such a name
    is its mention too ("Shalev said")."""
    texts, offsets = token_texts(doc), token_starts(doc)
    free = outside(taken)

    def name_word(k: int) -> bool:
        word = texts[k]
        return word[:1].isupper() and doc[k].pos_ == "PROPN" and not doc[k].is_stop and \
            (word.isalpha() or len(word) == 2 and word[1] == "." or "-" in word and word.replace("-", "").isalpha())

    def title(k: int) -> bool:
        return texts[k].casefold().rstrip(".") in NAME_TITLE_WORDS

    out: list[Candidate] = []
    surnames: set[str] = set()
    n, done = len(texts), 0
    words = english_words()
    firsts = [k for k, t in enumerate(texts) if t[:1].isupper() and t.isalpha() and t.casefold() not in WEEKDAYS and (
        is_first_name(t) or k > 0 and title(k - 1) and not _english(t.casefold(), words))]  # "Governor Babajide Sanwo-Olu"
    # (no weekday opens a name the model missed: "announced Wednesday Meta had a loss" is a day, then a company)
    for i in firsts:
        if i < done or not name_word(i) or title(i) or i > 0 and name_word(i - 1) and not title(i - 1) \
                and texts[i - 1].casefold() not in BODY_WORDS:
            continue  # part of a longer name, unless what comes before is a title ("Queen Elizabeth II") or
            # ends a body's name ("… Alliance Javier Milei")
        last = i
        while last + 1 < n and last + 1 - i < MAX_PERSON_TOKENS and name_word(last + 1):
            last += 1
            if last + 2 < n and texts[last + 1] == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_ \
                    and name_word(last + 2):
                last += 2  # "Sanwo-Olu", which the tokenizer splits
        while last > i and (len(texts[last]) <= 2 and not REGNAL_NUMBER_RE.match(texts[last])
                            or texts[last].casefold() in NOT_SURNAMES or texts[last].casefold() in FIELD_HEAD_WORDS):
            last -= 1  # a name ends in a surname or a regnal number, not an initial or "Hospital"
        start, end = offsets[i], offsets[last] + len(texts[last])
        name = text[start:end]
        alone_after_title = last == i and i > 0 and title(i - 1) and not _english(texts[i].casefold(), words)
        if (last > i or alone_after_title) and "\n" not in name and free(start, end) and not is_place_name(name) \
                and not (last + 1 < n and name_word(last + 1)):
            out.append(Candidate(start, end, name, "PERSON"))
            surnames.add(texts[last])
        done = last + 1
    if surnames:
        for k, word in enumerate(texts):
            if word in surnames and not (k > 0 and name_word(k - 1)) and not (k + 1 < n and name_word(k + 1)):
                start, end = offsets[k], offsets[k] + len(word)
                if free(start, end) and not any(c.start <= start < c.end for c in out):
                    out.append(Candidate(start, end, word, "PERSON"))
    return out


# The most words of a run of proper nouns taken for a name.
MAX_RUN_TOKENS = 4


def lone_person_names(found: list[Candidate]) -> frozenset[str]:
    """The one-word names the model read as people ("Ramadan said", "Evans won"): a surname
    alone, whose full name a longer run ending in it may be."""
    return frozenset(c.text for c in found if c.label == "PERSON" and " " not in c.text)


def name_run_mentions(doc: Doc, text: str, taken: list[Candidate], headings: list[tuple[int, int]]) -> list[Candidate]:
    """Names of two to four words the model missed inside a sentence ("after the Pemberly
    Dynamica merger"): a run of capitalised words the tagger calls proper nouns,
    on one line, outside every mention found and every heading (where capitals say nothing),
    not opening its sentence (unless it ends in a company's word and acts: "Halden Foods has
    agreed"), with no month or weekday in it, and with a word English does
    not have (so "Frame Semantics" or "Tax Code", capitalised as titles and terms are, stay
    words), or of two words the second of which names a person alone elsewhere ("warned Tamer
    Ramadan of the Red Cross … Ramadan said"). Its type is left to the votes of its contexts."""
    words = english_words()
    texts, offsets = token_texts(doc), token_starts(doc)
    free = outside(taken)
    surnames = lone_person_names(taken)

    def name_word(k: int) -> bool:
        word, token = texts[k], doc[k]
        return word[:1].isupper() and word.isalpha() and token.pos_ == "PROPN" and not token.is_stop \
            and word.casefold() not in CALENDAR_WORDS and not word.isupper()

    out: list[Candidate] = []
    n, k = len(texts), 0
    while k < n:
        if not name_word(k) or (k > 0 and texts[k - 1][:1].isupper() and not doc[k].is_sent_start):
            k += 1
            continue
        last, particles = k, 0
        while last + 1 < n and "\n" not in doc[last].whitespace_:
            if name_word(last + 1):
                last += 1
            elif texts[last + 1] in NAME_PARTICLES and last + 2 < n and name_word(last + 2):
                last, particles = last + 2, particles + 1  # "Luiz Inácio Lula da Silva"
            else:
                break
        company = texts[last].casefold() in COMPANY_TAIL_WORDS | ORG_NAME_ENDINGS
        listed = company and (_listed_with_company(doc[last]) or _which_follows(doc, last))
        if doc[k].is_sent_start and not (company and (_acts(doc, last) or listed)) and not _described_by_trade(doc, last):
            k = last + 1  # a sentence's first words, unless a company's name that acts ("Halden Foods has agreed")
            continue  # or a name a trade describes ("Adarsh Sinha, forex strategist at BofA, said")
        surnamed = last - k == 1 and texts[last] in surnames  # "warned Tamer Ramadan …. Ramadan said"
        if 1 <= last - k - particles < MAX_RUN_TOKENS and not (last + 1 < n and texts[last + 1][:1].isupper()) \
                and (listed or surnamed or not all(_english(texts[j].casefold(), words) for j in range(k, last + 1))):
            last = _hyphen_end(doc, last + 1) - 1  # "Mount Lewotobi Laki-laki": no name ends at a hyphen
            start, end = offsets[k], offsets[last] + len(texts[last])
            if free(start, end) and not in_any(start, headings):
                out.append(Candidate(start, end, text[start:end], "PERSON" if surnamed else None))
        k = last + 1
    return out


# Most words between a name's comma and the trade that describes it ("Adarsh Sinha, forex
# and rate strategist at BofA").
TRADE_REACH = 5


def _described_by_trade(doc: Doc, k: int) -> bool:
    """A comma after the word at ``k``, then a description headed by a noun of a trade or a
    title within a few words, followed by "at", "of", "for" or a comma ("X, an analyst at …")."""
    if k + 2 >= len(doc) or doc[k + 1].text != ",":
        return False
    for j in range(k + 2, min(len(doc) - 1, k + 2 + TRADE_REACH)):
        if doc[j].text in (",", ".", ";") or doc[j].text[:1].isupper() and doc[j].lower_ not in ("a", "an", "the"):
            return False
        if is_occupation(doc[j]) and doc[j + 1].lower_ in ("at", "of", "for", "with", ","):
            return True
    return False


def _listed_with_company(word: Token) -> bool:
    """The last word of a run ending in a company's word ("Energy") is listed with a name the
    model calls an organisation ("Constellation Energy and Vistra"): a company too, though
    every word of its name is English (so is one a relative clause describes: ``_which_follows``)."""
    return any(c.ent_type_ == "ORG" and c.pos_ == "PROPN" for c in word.conjuncts)


def _which_follows(doc: Doc, k: int) -> bool:
    """", which" right after the word: a name a relative clause describes ("Constellation
    Energy, which surged in 2024, ...")."""
    return k + 2 < len(doc) and doc[k + 1].text == "," and doc[k + 2].lower_ == "which"


def _english(word: str, words: frozenset[str]) -> bool:
    """The lower-case word, or its singular ("studies", "awards"), is an English word."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return not forms.isdisjoint(words)


# The fewest letters of a lone proper noun taken for a name ("Wikinews", "Nvidia").
LONE_NAME_MIN_LETTERS = 4


# A capital inside a word after a small letter ("IndiGo", "SpiceJet", "eBay"): a brand's spelling.
CAMEL_CASE_RE = re.compile(r"[a-z][A-Z]")
# Words right after a company's name that only a company has ("Zorvanta shares fell"): the
# tagger may read the name before them as an adjective.
STOCK_WORDS = frozenset({"shares", "stock", "stocks"})


# Staff a firm is named before ("Jefferies analysts", "Barclays economists").
FIRM_STAFF_WORDS = frozenset({"analyst", "analysts", "economist", "economists", "strategist", "strategists"})


def hyphened_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the whole word a name is part of across hyphens ("Olu" of "Sanwo-Olu")."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 2
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        end += 2
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def lone_name_mentions(doc: Doc, text: str, taken: list[Candidate]) -> list[Candidate]:
    """One-word names the model missed ("Wikinews spoke with …", "Nvidia lost $589
    billion"): a capitalised word the tagger calls a proper noun (or, however tagged, a
    brand's spelling with a capital inside that acts somewhere: "IndiGo said", or a word
    right before "shares" or "stock": "Zorvanta shares fell", or naming a firm's analysts:
    "Jefferies analysts", "analysts at Cantor"; or an acronym the model missed
    that makes cited data or moves by a percentage: "according to LSEG data", "ASML fell
    7%"), that is no English word (not in the lemmatizer's index, unless it is such a
    brand's spelling; never written in lower case in the article), no month
    or weekday, outside every mention found, not beside another capitalised word, and
    written so more than once, or once inside a sentence or as the subject or owner that opens
    one ("Zorvanta lost ...": a sentence's first word is capitalised anyway, but an English
    word never passes). Its type is left to the votes of its contexts."""
    texts, offsets = token_texts(doc), token_starts(doc)
    free = outside(taken)
    lower = {t for t in texts if t[:1].islower()}
    words = english_words()

    def capital(k: int) -> bool:
        return 0 <= k < len(texts) and texts[k][:1].isupper()

    seen: dict[str, list[int]] = {}
    propn = doc.vocab.strings["PROPN"]
    proper = numpy.flatnonzero(doc.to_array([POS]) == propn).tolist()  # the proper nouns, read in bulk
    # a brand's spelling of an English word that acts somewhere ("IndiGo said"), however tagged
    brands = {texts[k] for k, text in enumerate(texts) if CAMEL_CASE_RE.search(text) and _acts(doc, k)}
    brand_places = [k for k, text in enumerate(texts) if text in brands] if brands else []
    # a name before "shares" or "stock", however tagged ("Zorvanta shares tanked": an adjective)
    # (and a firm before its analysts or after them: "Jefferies analysts wrote", "analysts at Cantor said")
    owners = {k for k, text in enumerate(texts[:-1]) if text[:1].isupper()
              and (texts[k + 1] in STOCK_WORDS or texts[k + 1] in FIRM_STAFF_WORDS
                   or k >= 2 and texts[k - 1] in ("at", "from") and texts[k - 2].lower() in FIRM_STAFF_WORDS)}
    acronyms = _makers_of_records(texts) | _acronyms_that_move(doc, texts) | _described_names(texts)  # "according to LSEG data"
    extra = set(brand_places) | owners | acronyms | _reporting_subjects(doc, texts)
    for k in sorted(set(proper) | extra) if extra else proper:
        word, token = texts[k], doc[k]
        if not word[:1].isupper() or not word.isalpha() or len(word) < LONE_NAME_MIN_LETTERS and k not in acronyms:
            continue
        low = word.casefold()
        singular = re.sub(r"(?:e?s)\Z", "", low)
        english = word not in brands and k not in acronyms and (low in words or singular in words or low[:-1] in words)
        if english and k in owners and not token.is_sent_start:
            english = False  # "as Tesla shares fell": capitalised inside a sentence, before its stock
        if english or low[:-1] in CALENDAR_WORDS \
                or low in lower or low in CALENDAR_WORDS \
                or word[1].isupper() and k not in acronyms or token.is_stop or capital(k - 1) or capital(k + 1):
            continue  # an English word ("Witches"), an acronym ("NASA", "DDoS"), or part of a longer name
        seen.setdefault(word, []).append(k)
    out = []
    for word, places in seen.items():
        inside = [k for k in places if not doc[k].is_sent_start or _acts(doc, k) or k in owners]
        if len(places) < 2 and not inside:
            continue
        for k in places:
            start, end = offsets[k], offsets[k] + len(word)
            whole = hyphened_span(text, start, end)  # "[Akufo-Addo]": the hyphened name, when its parts are names
            if all(part[:1].isupper() for part in text[whole[0]:whole[1]].split("-")):
                start, end = whole
            if free(start, end):
                out.append(Candidate(start, end, text[start:end], None))
    return out


# A publication "according to" cites by its name with "The" ("according to The Information"):
# capitalised words the model may leave unnamed when they are English ones.
CITED_TITLE_RE = re.compile(r"\baccording to (The(?: [A-Z][\w&'’-]*){1,3})(?=[\s,.;:)]|\Z)")


# A website named by its address alone, in prose ("according to poweroutage.us, which monitors
# utility data", "News.Az reports"): no scheme, path or e-mail around it.
WEBSITE_NAME_RE = re.compile(r"(?<![\w@/.:-])(?!www\.)[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
                             r"\.(?i:com|org|net|us|io|co|uk|gov|info|news|ai|tv|az)(?![\w/@-]|\.\w)")


def cited_publications(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Names of publications "according to" cites with "The" that no mention holds yet
    ("That move wiped out some $10 billion of the bank's valuation, according to The
    Information"), and websites named by their address: organisations."""
    free = outside(taken)
    cited = [Candidate(m.start(1), m.end(1), m.group(1), "ORG") for m in CITED_TITLE_RE.finditer(text)
             if free(m.start(1), m.end(1))]
    sites = [Candidate(m.start(), m.end(), m.group(), "ORG") for m in WEBSITE_NAME_RE.finditer(text)
             if free(m.start(), m.end())]
    return cited + sites


# Records whose maker "according to" names before them ("according to LSEG data").
RECORD_NOUNS = frozenset({"data", "figures", "estimates", "analysis", "survey", "poll", "report", "research", "records"})


def _name_acronym(word: str) -> bool:
    """Three to six capital letters that are no generic acronym ("LSEG", "ASML"; not "EPS")."""
    return 3 <= len(word) <= 6 and word.isupper() and word.isalpha() and word not in GENERIC_ACRONYMS


def _makers_of_records(texts: list[str]) -> set[int]:
    """Acronyms the model missed that make a record "according to" cites ("according to
    LSEG data", "according to FAA records"): an organisation."""
    return {k for k in range(2, len(texts) - 1)
            if _name_acronym(texts[k]) and texts[k + 1].casefold() in RECORD_NOUNS
            and texts[k - 2].casefold() == "according" and texts[k - 1] == "to"}


def _described_names(texts: list[str]) -> set[int]:
    """Capitalised words right after a lower-case noun of a firm's trade ("Dutch firm ASML",
    "chipmaker Kelmont", "US lender SVB"): a company's name, whatever the tagger read."""
    return {k for k in range(1, len(texts)) if texts[k][:1].isupper() and texts[k - 1].islower()
            and (texts[k - 1] in OPENING_DESCRIPTORS or texts[k - 1].endswith("maker"))
            and texts[k].casefold() not in NAME_TITLE_WORDS and texts[k] not in GENERIC_ACRONYMS}


def _acronyms_that_move(doc: Doc, texts: list[str]) -> set[int]:
    """Acronyms the model missed that are the subject of a move by a percentage ("ASML fell
    7%", "BYD climbed 4%"), or named beside it ("chip companies ASML and ASM International
    fell …"): a listed company's name."""
    out = set()
    for k in range(len(texts) - 3):
        if not _name_acronym(texts[k]):
            continue
        verb = doc[k + 1]
        if verb.tag_ in ("VBD", "VBZ") and doc[k].head.i == verb.i and doc[k].dep_ == "nsubj" and any(
                texts[j] in ("%", "percent", "per") for j in range(k + 2, min(k + 6, len(texts)))):
            out.add(k)
            continue
        listed = doc[k]  # "chip companies ASML and ASM International fell 10.6% and 14.9%": named beside the subject
        while listed.dep_ in ("appos", "conj") and listed.head.i < listed.i:
            listed = listed.head
        verb = listed.head
        if listed.i != k and listed.dep_ == "nsubj" and listed.pos_ == "NOUN" and verb.tag_ in ("VBD", "VBZ") \
                and any(texts[j] in ("%", "percent", "per") for j in range(verb.i + 1, min(verb.i + 5, len(texts)))):
            out.add(k)
    return out


# Tags of finite verbs: a verb with a tense (or a modal) has a subject of its own.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


# Verbs whose subject reports or speaks: a capitalised word that is one is someone's name
# ("Forbes reported that …", "CyberCX said in a statement"), however the tagger read it.
REPORTING_LEMMAS = frozenset({"say", "report", "tell", "announce", "confirm", "write", "state", "add", "estimate",
                              "note", "warn", "claim", "predict", "forecast", "reveal", "tweet", "post"})


def _reporting_subjects(doc: Doc, texts: list[str]) -> set[int]:
    """Capitalised words the tagger read as a common noun or a pronoun that are the subject of a
    verb of reporting right after them ("Forbes reported", "CyberCX said"): the lone-name
    rules still decide whether the word is a name (no English word, no pronoun)."""
    # (not the last word of a name the text writes in full elsewhere: "Montell Figgins, who represents
    # Thomas, said … “…,” Figgins said" is his, which the names' own rules give him)
    surnames = {texts[k] for k in range(1, len(texts)) if texts[k][:1].isupper() and texts[k - 1][:1].isupper()
                and texts[k - 1].isalpha() and not doc[k].is_sent_start}
    return {k for k, token in enumerate(doc) if token.pos_ in ("NOUN", "PRON", "ADJ") and texts[k][:1].isupper()
            and token.dep_ == "nsubj" and 0 < token.head.i - k <= 2 and token.head.lemma_.lower() in REPORTING_LEMMAS
            and texts[k] not in surnames}


def _acts(doc: Doc, k: int) -> bool:
    """The word at ``k`` is the subject of the verb right after it or owns what follows
    ("Zorvanta lost $12 billion", "Zorvanta's market value dropped"): a name even as the
    sentence's first word."""
    if k + 1 >= len(doc):
        return False
    nxt, word = doc[k + 1], doc[k]
    # a finite verb right after is the word's own, however the parser hangs the word
    # (a headline's "Zorvanta interviews …" has it as a compound of the verb)
    if nxt.tag_ in ("POS", "VBZ", "VBD"):
        return True
    if word.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # the subject of a verb right after, or of a finite one a word or an aside later
    # ("Zorvanta also fell", "Zorvanta, too, fell")
    head = word.head
    return nxt.pos_ in ("VERB", "AUX") or (head.i > k and (head.tag_ in FINITE_VERB_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_VERB_TAGS for c in head.children)))


@lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:
    """The first word of every gazetteer name, case-folded: where a place name can begin."""
    return frozenset(name.split()[0] for name in place_names() if name.split())


# A company named with its stock ticker, maybe after its exchange: "Broadcom (AVGO)",
# "Nvidia (NASDAQ:NVDA)", "SoftBank Group Corp. (TYO:9984)", "Boeing (NYSE: BA)".
TICKER_RE = re.compile(
    r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})[ \t]*\([ \t]*"
    r"(?:(?P<exchange>[A-Z][A-Za-z]{1,9})[ \t]*:[ \t]*(?P<listed>[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)"
    r"|(?P<ticker>[A-Z]{1,5}(?:\.[A-Z]{1,2})?))[ \t]*\)")
# A company's name ending in its legal form, then its ticker with no brackets, as finance sites'
# link text reads once the links are gone ("Shares of Acme Computer Inc ACMC took a hit").
TICKER_AFTER_FORM_RE = re.compile(
    r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3}[ \t]+(?:Inc|Corp|Ltd|Plc|PLC|LLC)\.?)[ \t]+"
    r"(?P<ticker>[A-Z]{2,5})\b")
# A lower-case word next: the capitals before it were a ticker, not a name's last word.
LOWER_WORD_AFTER_RE = re.compile(r"[ \t]+[a-z]")
# A dash right after a bracket: the bracket was a dateline's agency ("OSLO (Reuters) -").
DASH_AFTER_RE = re.compile(r"[ \t]*[-–—]")
# Words that open a sentence before a company's name, not part of it ("Shares Acme (ACM)" never,
# but "The", "Rival", "While" do).
TICKER_NAME_OPENERS = frozenset({"the", "a", "an", "rival", "while", "and", "but", "as", "with", "peer", "shares"})


def ticker_names(text: str) -> list[tuple[int, int, int, int]]:
    """(name start, name end, ticker start, ticker end) of each company named with its
    ticker; the exchange before the ticker is neither."""
    out = []
    for m in TICKER_AFTER_FORM_RE.finditer(text):  # "Acme Computer Inc ACMC took a hit": a link's text, no brackets
        if LOWER_WORD_AFTER_RE.match(text, m.end()):
            out.append((*m.span("name"), *m.span("ticker")))
    for m in TICKER_RE.finditer(text):
        start, end = m.span("name")
        if m.group("ticker") and _spelled_before(text, end, m.group("ticker")):
            continue  # "Interview of the Month (IOTM)": an acronym, not a ticker
        if DASH_AFTER_RE.match(text, m.end()):
            continue  # "TRONDHEIM, Norway (AP) —": a dateline's news agency
        if m.group("ticker") in TIME_ZONES:
            continue  # "on Tuesday (AEDT)", "Monday (ET)": a clock's zone
        if m.group("ticker") and m.group("ticker").rstrip(".") in POST_NOMINALS:
            continue  # "counsel Kanu Abe (SAN)", "Jane Doe (QC)": a lawyer's rank, no ticker
        words = list(re.finditer(r"\S+", text[start:end]))
        for i, word in enumerate(words[:-1]):  # "… on Tuesday. Belstead (BLST)": a sentence ends before it
            if word.group().endswith(".") and word.group().casefold() not in ABBREVIATION_ENDINGS:
                words = words[i + 1:]
                break
        while len(words) > 1 and (words[0].group().casefold() in TICKER_NAME_OPENERS
                                  or words[0].group().casefold().rstrip(".") in CALENDAR_WORDS):
            words.pop(0)
        start = start + words[0].start()
        if (possessive := POSSESSIVE_RE.search(text, start, end)) is not None and possessive.start() > start:
            end = possessive.start()  # "Meta Platforms’ (META) $251 billion loss": the company, not its possessive
        if is_country(text[start:end]):
            continue  # "Norway (PST)": a country has no ticker
        if PARTICLE_BEFORE_RE.search(text, max(0, start - 6), start):
            continue  # "Caxias do Sul (RS)": the end of a place's name, and its state's code
        ticker = "listed" if m.group("listed") else "ticker"
        out.append((start, end, *m.span(ticker)))
    return out


# A Romance place name's particle right before a name ("Caxias [do] Sul").
PARTICLE_BEFORE_RE = re.compile(r"(?<![\w-])(?:%s)\s+\Z" % "|".join(sorted(PLACE_PARTICLES)))


def _spelled_before(text: str, end: int, letters: str) -> bool:
    """The letters are the initials of the words before ``end`` ("of", "the" included or not)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, end - 120):end])[-8:]
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        if "".join(w[0] for w in tail).upper() == letters or "".join(w[0] for w in tail if w[0].isupper()) == letters and tail[0][0].isupper():
            return True
    return False


# An acronym in brackets after the name it abbreviates ("International Committee of the Red
# Cross (ICRC)"), and the lower-case words such a name may hold between its capitalised ones.
BRACKETED_ACRONYM_RE = re.compile(r"\((?P<acronym>[A-Z][A-Z&]{1,8})\)")
SPELLED_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"})
# The most words a name spelled out before its acronym is read back over.
MAX_SPELLED_WORDS = 12


def with_spelled_out_names(found: list[Candidate], text: str) -> list[Candidate]:
    """The full name before a bracketed acronym whose capitalised words' initials it is
    ("Liberation Tigers of Tamil Eelam (LTTE)"), in place of the pieces of it the model
    found ("the Liberation Tigers"), with the acronym as a mention of its own, which the
    aliases then join to it. A name a mention runs out of is left as the model read it."""
    added: list[Candidate] = []
    for m in BRACKETED_ACRONYM_RE.finditer(text):
        span = _spelled_out_before(text, m.start(), m.group("acronym").replace("&", ""))
        if span is None:
            continue
        start, end = span
        inside = _mentions_within(found, start, end, text)
        if inside is None:
            continue
        label = max(inside, key=lambda c: c.end - c.start).label if inside else None
        found = [c for c in found if c not in inside]
        added.append(Candidate(start, end, text[start:end], label))
        a, b = m.span("acronym")
        if not any(c.start < b and a < c.end for c in found):
            added.append(Candidate(a, b, text[a:b], label))
    return sorted(found + added, key=lambda c: c.start) if added else found


def _mentions_within(found: list[Candidate], start: int, end: int, text: str) -> list[Candidate] | None:
    """The mentions inside [start, end), one that only adds an article before it included
    ("[The] International Committee of the Red Cross"); None when a mention runs out of it."""
    inside = [c for c in found if c.end <= end and (start <= c.start or LEADING_ARTICLE_RE.fullmatch(
        text[c.start:start].casefold()))]
    return None if any(c.start < end and start < c.end for c in found if c not in inside) else inside


def _spelled_out_before(text: str, at: int, letters: str) -> tuple[int, int] | None:
    """Offsets of the words on the line before ``at`` whose capitalised initials spell
    ``letters``, from a capitalised word on; None when no such run ends there."""
    line_start = text.rfind("\n", 0, at) + 1
    words = list(re.finditer(r"[^\s()]+", text[line_start:at]))[-MAX_SPELLED_WORDS:]
    if not words or words[-1].group()[-1:] in ",;:":
        return None
    spelled = ""
    for word in reversed(words):
        token = word.group()
        if token[:1].isupper() and token.strip(".,;:").replace("-", "").replace("'", "").isalnum():
            spelled = token[0] + spelled
            if spelled == letters and len(words) > 1:
                end = line_start + words[-1].end()
                if (possessive := re.search(r"['’]s?\Z", text[line_start + words[-1].start():end])) is not None:
                    end -= len(possessive.group())  # "the International Astronomical Union's (IAU) assembly"
                return line_start + word.start(), end
            if not letters.endswith(spelled):
                return None
        elif token not in SPELLED_NAME_JOINERS:
            return None
    return None


def ticker_mentions(text: str, tickers: list[tuple[int, int, int, int]], taken: list[Candidate]) -> list[Candidate]:
    """Companies named with their ticker (``tickers``, from ``ticker_names``) that the model
    did not find ("Broadcom (AVGO) climbed 4%"): the name, as an organisation."""
    out = []
    for start, end, _, _ in tickers:
        if any(c.start < end and start < c.end for c in taken):
            continue
        name = text[start:end]
        if name.isupper() and len(name) <= 5:
            continue  # "NASDAQ (NDAQ)" aside, a bare all-capital word is more likely a ticker itself
        out.append(Candidate(start, end, name, "ORG"))
    return out


# A dateline opening a paragraph: the place in capitals, maybe its region and the agency,
# then a dash or colon ("OSLO - ", "TRONDHEIM, Norway (AP) — ", "WASHINGTON (Reuters) -").
DATELINE_PLACE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?:(?: |/)[A-Z][A-Z'.-]+){0,2})(?:,[ \t][A-Z][\w. ]{1,30}?)?[ \t]*"
    r"(?:\((?P<agency>[^)\n]{1,40})\)[ \t]*)?(?:[-–—―]{1,3}|:)[ \t]", re.MULTILINE)  # ("CHICAGO --- …")
# The news agency in a dateline's brackets ("BEIJING, Nov. 19 (Xinhua) --", "(AFP)"): capitalised words.
AGENCY_NAME_RE = re.compile(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}")


# A club's first word right before a name ("Real Madrid" at a sentence's start, where the
# model reads "Real" as an adjective and keeps "Madrid" alone).
CLUB_WORD_BEFORE_RE = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w]*)\s+\Z")


def with_club_names(found: list[Candidate], text: str) -> list[Candidate]:
    """A place's mention with a club's first word before it ("Real Madrid", "Dynamo
    Kyiv") is the club's whole name: one organisation, not the city."""
    out = []
    for c in found:
        m = CLUB_WORD_BEFORE_RE.search(text, max(0, c.start - 20), c.start)
        if m is not None and is_club_name([m.group("word"), *c.text.split()]):
            c = Candidate(m.start("word"), c.end, text[m.start("word"):c.end], "ORG")
        out.append(c)
    return out


# Labels of the model's that a dateline's place keeps.
PLACE_MENTION_LABELS = frozenset({"GPE", "LOC", "FAC"})


# A dateline in title case as news agencies in India write it: the place, its country in
# brackets, the day and maybe the agency ("Washington [US], March 28:", "New Delhi [India],
# Jan 5 (ANI):").
DATED_PLACE_RE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) \[[A-Z][\w. ]{1,24}\],? (?:%s)\.? \d{1,2}"
    r"(?: \((?P<agency>[^)\n]{1,20})\))?:[ \t]" % "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True)),
    re.MULTILINE)
# A place in title case and a colon that open a paragraph of prose ("New York: FTX's founder
# was sentenced …"): a dateline as some outlets write it; not a tally's row ("Texas: 5 deaths").
PLACE_COLON_RE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):[ \t](?=[A-Z]\S*(?:[ \t]+\S+){7})",
                            re.MULTILINE)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the text's datelines are: "LONDON (Reuters) -", "CAPE CANAVERAL, Fla. —", a
    known place and a colon before a sentence ("New York: …"), and a place with its country
    in brackets and a day ("Washington [US], March 28: …")."""
    return [m.span() for m in DATELINE_PLACE_RE.finditer(text)] + [m.span() for m in DATED_PLACE_RE.finditer(text)] + [
        m.span() for m in PLACE_COLON_RE.finditer(text) if is_place_name(m.group("place"))]


def dateline_agencies(text: str) -> set[str]:
    """The names of the agencies in the text's datelines' brackets ("(Xinhua)", "(AFP)")."""
    return {m.group("agency") for m in DATELINE_PLACE_RE.finditer(text)
            if m.group("agency") and AGENCY_NAME_RE.fullmatch(m.group("agency"))}


def with_dateline_places(found: list[Candidate], text: str) -> list[Candidate]:
    """The place of a dateline ("OSLO - Searchers worked on ...", "SAO PAULO (Reuters) -"),
    which the model misses in capitals or cuts ("SAO" as an organisation): a place the
    gazetteer knows, in place of the mentions inside it, unless a mention runs out of it;
    and the agency in its brackets, an organisation ("(Xinhua)", which the model may take for
    a place)."""
    added = []
    for match in DATELINE_PLACE_RE.finditer(text):
        if match.group("agency") and AGENCY_NAME_RE.fullmatch(match.group("agency")):
            a, b = match.span("agency")  # the agency that filed the story: an organisation
            inside = _mentions_within(found, a, b, text)
            if inside is not None and not any((c.start, c.end) == (a, b) and c.label == "ORG" for c in inside):
                found = [c for c in found if c not in inside]
                added.append(Candidate(a, b, match.group("agency"), "ORG"))
        start, end = match.span("place")
        if not is_place_name(match.group("place").title()):
            continue
        inside = _mentions_within(found, start, end, text)  # (a dateline opens its line: no article before it)
        if inside is None or any((c.start, c.end) == (start, end) and c.label in PLACE_MENTION_LABELS for c in inside):
            continue  # (the model's whole "OTTAWA" as an organisation is the city all the same)
        found = [c for c in found if c not in inside]
        added.append(Candidate(start, end, match.group("place"), "GPE"))
    return sorted(found + added, key=lambda c: c.start) if added else found


@lru_cache(maxsize=1)
def _joined_country_re() -> re.Pattern:
    names = sorted(joined_country_names(), key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(r"\s+".join(map(re.escape, name.split())) for name in names))


def with_joined_country_names(found: list[Candidate], text: str) -> list[Candidate]:
    """A country named in two parts joined by "and" ("the poor in Antigua and Barbuda", "Trinidad
    and Tobago"), which the model reads as two names (one a person's): one place, in place of the
    mentions inside it, unless a mention runs out of it."""
    added = []
    for match in _joined_country_re().finditer(text):
        start, end = match.span()
        inside = _mentions_within(found, start, end, text)
        if inside is None or any((c.start, c.end) == (start, end) for c in inside):
            continue
        found = [c for c in found if c not in inside]
        added.append(Candidate(start, end, match.group(), "GPE"))
    return sorted(found + added, key=lambda c: c.start) if added else found


def is_heading(paragraph: str) -> bool:
    """A paragraph that is a heading: short, with no sentence-final punctuation."""
    stripped = paragraph.strip()
    return bool(stripped) and len(stripped.split()) <= MAX_HEADING_WORDS and not SENTENCE_END_RE.search(stripped)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are headings (``is_heading``)."""
    spans, pos = [], 0
    for paragraph in text.split("\n\n"):
        if is_heading(paragraph):
            spans.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return spans


def in_any(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)

