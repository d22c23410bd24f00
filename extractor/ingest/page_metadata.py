"""Title, authors and publication date of a web page, chosen per field by evidence.

A page states its metadata several times over: JSON-LD (``NewsArticle`` and kin, alone,
in a list or in an ``@graph``), OpenGraph and ``article:`` meta tags, author and date
meta tags, ``<time datetime>`` elements, the ``<h1>``, the byline above the text and
the date in the URL. Each is a candidate; the rules below pick per field the one the
page's own structure supports best, and say where a date came from. Broken JSON-LD,
odd values and missing fields are skipped, never raised.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from extractor.ingest.metadata import BadDateError, normalise_date, split_url
from extractor.ingest.titles import choose_title

# schema.org types of an article (CreativeWork subtypes publishers use for stories).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
    "techarticle", "scholarlyarticle", "report", "medicalscholarlyarticle", "review", "webpage",
    "creativework", "howto", "recipe",
})
# Meta tags naming the publication date, most specific first.
DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "publishdate", "publish-date", "publish_date", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "date", "article.published", "published_time", "cxenseparse:recs:publishtime",
)
# Characters of visible text searched for the headline and the date printed with it.
VISIBLE_TEXT_LIMIT = 200_000
# The date printed with a headline sits within this many characters after it (kicker,
# standfirst, byline) or before it (a date line above the headline).
HEADER_AFTER_CHARS = 600
# The date printed with it sits closer (a later date there is often another story's).
HEADER_DATE_CHARS = 400
HEADER_BEFORE_CHARS = 150
# "By Jane Doe" (up to four capitalised words, "and" between names) printed by the headline.
HEADER_BYLINE = re.compile(
    r"(?:\b[Bb]y|\bBY|\bAuthor(?:ed by)?|\bAUTHOR)\b:?\s+"
    r"((?:[A-Z][\w.'’-]*\s?){2,4}(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:[A-Z][\w.'’-]*\s?){2,4})*)"
)
# A bare name (two or three capitalised words) followed by a date or a job title.
BARE_BYLINE = re.compile(
    r"(?:^|[.!?|·•]\s|\s)((?:[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?\s){1,2}?[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?)"
    r"\s*[|·•,–-]?\s*(?:in\s+[a-z]\w*\s+)?(?i:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?:?\s+)?"
    r"(?=\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|(?:[A-Z]\w+\s){0,2}(?i:(?:senior |staff |tech |contributing )?"
    r"(?:writer|reporter|editor|author|correspondent|contributor|columnist|administrator|coordinator|strategist"
    r"|specialist|consultant|developer|engineer|manager)\b))"
)
# Names listed in a printed byline: capitalised words (and name particles; a month starts
# the date after the names), joined by commas, "&", "+" or "and".
_LISTED_NAME = (r"[A-Z][\w.'’-]*(?:\s+(?:(?:van|von|der|de|den|del|da|di|la|le|bin|al)\s+)*"
                r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][\w.'’-]*){1,3}")
NAME_LIST = re.compile(rf"{_LISTED_NAME}(?:\s*(?:,|&|\+|\band\b)\s*{_LISTED_NAME})+")
# Credits before "by" that name someone other than the author.
OTHER_CREDIT = re.compile(r"\b(?:review|check|edit|test|illustrat|photograph|translat|produc|narrat|present)\w*\s*$",
                          re.IGNORECASE)
# Words of headlines and section labels, not of names: a bare byline holding one is not one.
HEADLINE_WORDS = frozenset("the a an our my your how what why when where best top new this these all guide".split())
# A byline after the article: "Written by", "Article by", "(Guest) author" and a name of
# two to four capitalised words; looked for this close after the body's last words.
END_BYLINE = re.compile(
    r"\b(?:(?:[Ww]ritten|[Aa]rticle|[Pp]osted|[Ss]tory|[Ww]ords)\s+by|(?:[Gg]uest\s+)?[Aa]uthor)\b:?\s+"
    r"((?:[A-Z][\w'’-]*\.?\s?){2,4})"
)
END_ANCHOR_CHARS = 80
# "Let's", "don't": a word that ends a name.
CONTRACTION = re.compile(r"['’](?:s|t|ll|re|ve|d|m)$")
END_BYLINE_CHARS = 200
# The bare name is looked for this close after the headline.
HEADER_BARE_BYLINE_CHARS = 400
# Meta tags naming the last modification.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
# A machine-readable date (ISO 8601), as ``<time datetime>`` must hold.
ISO_VALUE = re.compile(r"\d{4}-\d{2}")
# Words that label a printed date as a later revision rather than the publication.
UPDATE_LABEL = re.compile(r"updat|modif|revis|refresh|edited")
# Printed dates before this year are history in the text, not the page's date.
MIN_YEAR = 1990
# Meta tags naming the author(s); ``article:author`` is often a profile URL, skipped then.
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "citation_author", "byl", "og:article:author", "twitter:creator:name",
)
# A date in a URL path: /2024/03/05/, /2024-03-05/, /20240305/.
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
# The same with the month as a word: /2023/october/03/.
URL_MONTH_NAME_DATE = re.compile(
    r"/((?:19|20)\d{2})/(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)/(0?[1-9]|[12]\d|3[01])(?=/|$)"
)
MONTH_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# A byline printed above the text: "By Jane Doe", "Words by Jane Doe", "Written by ...".
BYLINE_TEXT = re.compile(r"^(?:(?:words|written|reported|posted|story|text)\s+)?by[:\s]+(.{3,120})$", re.IGNORECASE)
# Words of a byline that say the author is not one person: desks, teams, outlets, wires.
NOT_A_PERSON = re.compile(
    r"\b(staff|desk|team|editors?|editorial|newsroom|reporters|correspondents|contributors|bureau|wires?"
    r"|press|news|media|associated|agency|agencies|reuters|afp|bloomberg|admin|administrator|guest|webmaster"
    r"|inc|llc|ltd|group|magazine|journal|times|post|daily|online|network|blog|company|corporation"
    r"|university|institute|association|foundation|council|department|office)\b"
    r"|\.(?:com|org|net|co|io)\b|@|https?:|www\.",
    re.IGNORECASE,
)
# Job titles after a name ("Jane Doe, Senior Reporter"): not part of the name.
ROLE_WORDS = re.compile(
    r"\b(writer|reporter|editor|correspondent|columnist|contributor|author|producer|journalist|analyst"
    r"|director|manager|founder|ceo|chief|head|lead|senior|staff|freelance|contributing|photographer)\b",
    re.IGNORECASE,
)
# Credentials that follow a name and belong with it ("Jane Doe, Ph.D.", "John Roe, MD").
CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d\.?|m\.?d\.?|d\.?o\.?|r\.?n\.?|mba|mph|msc|m\.?s\.?|m\.?a\.?|b\.?a\.?|b\.?s\.?|jr\.?|sr\.?"
    r"|ii|iii|iv|esq\.?|cpa|cfp|cfa|dvm|rd|rdn|ld|ldn|fand|cdces|cscs|cpt|mrcgp|frcp|lcsw|lmft|pharmd|psyd|np"
    r"|pa-c|facs|faap|edd|dds|dmd)$",
    re.IGNORECASE,
)
# What introduces a byline: "By", "Written by", "Posted by", "Authors:", glued ("ByJane") or not.
BYLINE_PREFIX = re.compile(
    r"^(?:(?:(?:text|words|written|posted|authored|reported|story|article)\s*by|by)(?:\s*:\s*|\s+|(?=[A-Z]))"
    r"|(?:authors?|writers?|written by|byline)(?:\s*:\s*|\s+(?=[A-Z])))",
    re.IGNORECASE,
)
# Page labels that sit where a byline would ("Updated", "Name *", "Share").
NOT_A_NAME_WORDS = frozenset(
    "updated published posted name email comment comments share home menu search read more related table"
    " contents follow subscribe min minutes reading time print save copy link about bio profile view category categories"
    " topic topics tag tags sort filter type".split()
)
# A name does not end with a month ("Updated January", "Personal finance October").
MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Page labels glued after a name in a byline ("Victoria Raw Last updated", "Erik van Vulpen Reviewed").
TRAILING_LABELS = frozenset("last updated reviewed edited published posted released signing verified".split())
# Section and desk names that pages put where a byline goes ("Hardware", "HR Strategy"): a
# person's name is not made of them. (A one-word name in capitals, "WRAL", is an outlet.)
SECTION_WORDS = frozenset(
    "strategy marketing sales hardware software technology business finance science fiction health"
    " lifestyle travel culture sports politics opinion research development engineering design content".split()
)
# Credits that name someone other than the author.
NOT_THE_AUTHOR = re.compile(
    r"(?:(?:medically |fact[- ]?)?(?:reviewed|checked|edited|updated|illustrated|photographed)(?: by)?|about|full bio"
    r"|more (?:from|by)|related|contact)\b",
    re.IGNORECASE,
)
# A name glued to what follows it in the page's markup ("Jane DoeSenior Editor").
GLUED_WORDS = re.compile(r"([a-z]{3})([A-Z][a-z])")
# Between names in one byline ("Jane Doe + John Roe" too).
NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\+|\||\n)\s*", re.IGNORECASE)
# A note in brackets after a name: a job title, a handle ("Lance Ryan (Content Manager)").
PARENTHESIS = re.compile(r"\s*\([^)]*\)")
# "Jane Doe @ Acme": the rest is the employer.
AFFILIATION = re.compile(r"\s+@\s+")
# "Jane Doe on behalf of the working group": the rest is not a name.
BEHALF = re.compile(r"\s+on behalf of\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# A person's name has one to five words, each starting with a letter.
MAX_NAME_WORDS = 5


@dataclass
class PageMetadata:
    """Metadata candidates read from one page, and the values chosen from them."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    site_name: str | None = None
    url: str | None = None


# ----------------------------------------------------------------- JSON-LD


def _json_ld_objects(tree: Element) -> Iterator[dict]:
    """Every JSON object in the page's JSON-LD scripts (lists and ``@graph`` flattened)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other signals still count
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack.append(graph)


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _article_objects(tree: Element) -> list[dict]:
    """JSON-LD objects that describe an article, news types first."""
    found = [item for item in _json_ld_objects(tree) if _types(item) & ARTICLE_TYPES]
    return sorted(found, key=lambda item: not any("article" in t or "posting" in t for t in _types(item)))


def _ld_names(value: object) -> list[str]:
    """Person names in a JSON-LD author value; organisations are not people."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item)]
    if isinstance(value, dict):
        if _types(value) & {"organization", "newsmediaorganization", "corporation"}:
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    return []


# ------------------------------------------------------------------- names


def _clean_name(name: str) -> str:
    name = PARENTHESIS.sub("", " ".join(name.split()))
    words = name.split()
    if len(words) > 2 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:len(words[0]) + 1]):
        name = " ".join(words[1:])  # an avatar's initials before the name ("CM Craig McCarthy")
    name = AFFILIATION.split(BEHALF.split(DATELINE_DATE.sub("", name), maxsplit=1)[0], maxsplit=1)[0]
    name = BYLINE_PREFIX.sub("", name.strip(" ,;:|-–—•·*"))
    return name.strip(" ,;:|-–—•·*")


def person_names(byline: str | None, site_names: tuple[str, ...] = (), min_words: int = 1) -> list[str]:
    """The people in a byline: split on commas, "and", "&"; outlets, desks and roles dropped.

    A credential after a comma ("Ph.D.", "MD") stays with the name before it. A one-word
    name equal to the site's is the outlet; a full name equal to it is a personal site's owner. Names found
    in page text rather than a metadata field need ``min_words`` (2: a first and last name).
    """
    if not byline or "http" in byline.lower() or NOT_THE_AUTHOR.match(byline.strip()):
        return []
    byline = GLUED_WORDS.sub(r"\1\n\2", byline)
    names: list[str] = []
    sites = {" ".join(_WORD.findall(s.lower())) for s in site_names if s}
    for part in NAME_SPLIT.split(_clean_name(byline)):
        part = _clean_name(part)
        if not part:
            continue
        while len(last := part.rsplit(None, 1)) == 2 and last[1].lower() in TRAILING_LABELS:
            part = last[0]  # "Victoria Raw Last updated": a page label glued after the name
        if CREDENTIAL.match(part) and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        words = _WORD.findall(part)
        if not words or len(part.split()) > MAX_NAME_WORDS or not part[0].isalpha():
            continue
        lowered = [w.lower() for w in words]
        if NOT_A_PERSON.search(part) or ROLE_WORDS.search(part) or NOT_A_NAME_WORDS.intersection(lowered) \
                or lowered[-1] in MONTHS or SECTION_WORDS.intersection(lowered) \
                or (len(words) == 1 and (words[0].lower() in sites or (words[0].isupper() and len(words[0]) > 2))) \
                or len(words) < min_words:
            continue
        if any(c.isdigit() for c in part) or not (words[0][0].isupper() and words[-1][0].isupper()):
            continue
        if part not in names:
            names.append(part)
    return names


def authors_of(value: object) -> list[str]:
    """People named by an author field as inputs give it: a byline string, a list, objects."""
    if isinstance(value, (list, tuple)):
        return list(dict.fromkeys(name for item in value for name in authors_of(item)))
    if isinstance(value, dict):
        value = value.get("name")
    return person_names(value) if isinstance(value, str) else []


# ------------------------------------------------------------------- dates


def date_from_url(url: str | None) -> str | None:
    """The date in a URL's path (/2024/03/05/, /2024/march/05/ and the like), as YYYY-MM-DD."""
    if not url:
        return None
    parts = split_url(url)
    path = parts.path if parts else ""
    if match := URL_DATE.search(path):
        return f"{match.group(1)}-{match.group(3)}-{match.group(4)}"
    if match := URL_MONTH_NAME_DATE.search(path.lower()):
        month = MONTH_NUMBERS[match.group(2)[:3]]
        return f"{match.group(1)}-{month:02d}-{int(match.group(3)):02d}"
    return None


def _date(value: object) -> str | None:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    try:
        return normalise_date(value)
    except (BadDateError, ValueError, OverflowError, OSError):
        return None


# -------------------------------------------------------------------- page


def _meta(tree: Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            found.setdefault(key, []).append(value)
    return found


def _text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _time_dates(tree: Element, *, marked_only: bool = False) -> list[str]:
    """``<time datetime>`` values marked as the publication date, else the first one on the page.

    Only ISO values count: HTML requires them, and "02-12-2025" cannot say which is the day.
    """
    marked, first = [], []
    for time in tree.iter("time"):
        value = (time.get("datetime") or "").strip()
        if not ISO_VALUE.match(value):
            continue
        hint = " ".join(filter(None, (time.get("itemprop"), time.get("class"), time.getparent().get("class")
                                      if time.getparent() is not None else None))).lower()
        if ("datepublished" in hint or time.get("pubdate") is not None or "publish" in hint) \
                and not (marked_only and ("updat" in hint or "modif" in hint)):
            marked.append(value)
        elif "modif" not in hint and "updat" not in hint and not first:
            first.append(value)
    return marked if marked or marked_only else first


def _microdata_dates(tree: Element) -> list[str]:
    """Publication dates given as microdata or RDFa on any element (``itemprop="datePublished"``
    with a ``content`` or ``datetime`` attribute; ``property="dc:created"``)."""
    found = []
    for el in tree.xpath('//*[@itemprop="datePublished" or contains(@property, "dc:created")]'):
        if el.tag != "meta" and (value := el.get("content") or el.get("datetime")):
            found.append(value)
    return found


def _modified_days(articles: list[dict], meta: dict[str, list[str]]) -> set[str]:
    """Days the page states it was last modified (JSON-LD ``dateModified``, meta tags)."""
    values = [item.get("dateModified") for item in articles]
    values += [v for key in MODIFIED_META for v in meta.get(key, [])]
    return {day[:10] for value in values if (day := _date(value))}


def _byline_elements(tree: Element) -> list[str]:
    """Text of elements marked as the author: itemprop/rel author, class byline or author."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "body", "html"):
            continue
        marks = " ".join(filter(None, (el.get("itemprop"), el.get("rel"), el.get("class")))).lower()
        if "author" in marks or "byline" in marks:
            text = _text(el)
            if el.get("itemprop") == "author" and el.find('.//*[@itemprop="name"]') is not None:
                text = _text(el.find('.//*[@itemprop="name"]'))
            if 0 < len(text) <= 120:
                found.append(text)
        if len(found) >= 6:
            break
    return found


def read_page_metadata(tree: Element, *, url: str | None, fallback_title: str | None = None,
                       fallback_author: str | None = None, fallback_date: str | None = None,
                       site_name: str | None = None, body: str = "") -> PageMetadata:
    """Choose title, authors and date from every signal on the page.

    ``fallback_*`` are trafilatura's own findings, used when the page's explicit signals
    give nothing; ``body`` is the extracted text, searched for a byline at its top.
    """
    meta = _meta(tree)
    articles = _article_objects(tree)
    ld = articles[0] if articles else {}
    publisher = ld.get("publisher") if isinstance(ld.get("publisher"), dict) else {}
    sites = tuple(filter(None, (
        (meta.get("og:site_name") or [None])[0], (meta.get("application-name") or [None])[0],
        publisher.get("name") if isinstance(publisher.get("name"), str) else None, site_name,
    )))
    page_url = (meta.get("og:url") or [None])[0] or url
    parts = split_url(page_url) if page_url and "//" in page_url else None
    host = parts.hostname if parts else None

    h1 = next((_text(el) for el in tree.iter("h1") if _text(el)), None)
    title_el = tree.find(".//title")
    candidates = [c for c in (
        *(meta.get("og:title") or [])[:1], ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        *(meta.get("twitter:title") or [])[:1], _text(title_el) if title_el is not None else None, fallback_title,
    ) if c]
    title = choose_title(h1, candidates, sites, host)

    visible = _visible_text(tree)
    header = _header(visible, h1)
    # Sources of authors, most explicit first; all names of the first that names a person.
    sources = (
        ([name for item in articles[:1] for name in _ld_names(item.get("author"))], 1),
        (next(([v for v in meta[key]] for key in AUTHOR_META if key in meta), []), 1),
        ([fallback_author] if fallback_author else [], 1),
        (_byline_elements(tree), 2),
        (_header_bylines(header[0]), 2),
        (_body_bylines(body), 2),
        (_end_bylines(_after_body(visible, body)), 2),
    )
    authors: list[str] = []
    for rank, (bylines, min_words) in enumerate(sources):
        if rank < 3:  # one metadata field: every name it lists
            authors = list(dict.fromkeys(n for b in bylines for n in person_names(b, sites, min_words)))
        else:  # bylines in the page: the first that names someone (later ones are other stories)
            authors = next((names for b in bylines if (names := person_names(b, sites, min_words))), [])
        if authors:
            break
    printed = [n for b in _header_bylines(header[0][:HEADER_BARE_BYLINE_CHARS], explicit=True)
               for n in person_names(b, sites, 2)]
    if printed and rank > 0 and not {w for n in authors for w in _WORD.findall(n.lower())} & \
            {w for n in printed for w in _WORD.findall(n.lower())}:
        authors = printed  # "By ..." under the headline names someone else: the meta tag's is an uploader
    authors = _with_coauthors(authors, header[0], sites)

    published, source = _choose_date(articles, meta, tree, page_url or url, fallback_date, header)
    return PageMetadata(title=title, authors=authors, published=published, published_source=source,
                        site_name=sites[0] if sites else None, url=page_url)


# A date printed with a byline: "Nov 13, 2019", "November 4th, 2025", "13 November 2019",
# "11/19/19", "13.11.2019" (dotted dates are written day first), "2019-11-19" (also with a
# time); a day may be glued to a name before it ("Robin de Peyer24 June 2016").
DATELINE_DATE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|(?<!\d)(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})\b|(?<!\d)\d{4}-\d{2}-\d{2}(?=T\d|\b))",
    re.IGNORECASE,
)
# The byline is looked for this many lines before and after the body's first line.
BYLINE_WINDOW = 8


@dataclass(frozen=True)
class Byline:
    """A byline line of a text dump: its index, the people it names and the date it prints."""

    line: int | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def find_byline(lines: list[str], keep: list[bool]) -> Byline:
    """The "By ..." line next to where the kept text starts, if there is one."""
    start = next((i for i, (line, kept) in enumerate(zip(lines, keep)) if kept and line.strip()), None)
    if start is None:
        return Byline()
    for i in range(max(0, start - BYLINE_WINDOW), min(len(lines), start + BYLINE_WINDOW)):
        match = BYLINE_TEXT.match(lines[i].strip())
        if not match:
            continue
        rest = match.group(1)
        date = DATELINE_DATE.search(rest)
        names = person_names(re.split(r"\s+[-–—|·•]\s+|\s+(?:updated|published|posted|on)\b", rest[:date.start()]
                                      if date else rest, maxsplit=1, flags=re.IGNORECASE)[0])
        if names:
            if date is None and i + 1 < len(lines):  # the date on a line of its own below
                date = DATELINE_DATE.fullmatch(lines[i + 1].strip().rstrip("."))
            return Byline(i, names, printed_date(date.group(0)) if date else None)
    return Byline()


def _after_body(text: str, body: str) -> str:
    """The page's visible ``text`` just after the extracted article (where blogs and magazines
    print the author and the date), or "" when the article's last words cannot be found."""
    tail = " ".join(body[-END_ANCHOR_CHARS:].split())
    at = text.rfind(tail) if tail else -1
    return text[at + len(tail):at + len(tail) + END_BYLINE_CHARS] if at >= 0 else ""


def _end_bylines(after: str) -> list[str]:
    """A byline printed right after the article ("Written by Jane Doe", "Article by ...",
    "Guest author Jane Doe")."""
    return [name for m in END_BYLINE.finditer(after) if (name := _name_words(m.group(1)))]


def _name_words(words: str) -> str:
    """The words of a captured byline up to the first that cannot be part of a name (a month,
    a page label, a job title, a contraction such as "Let's")."""
    kept = []
    for word in words.split():
        bare = word.strip(",.").lower()
        if bare in MONTHS or bare in NOT_A_NAME_WORDS or bare in HEADLINE_WORDS or bare in TRAILING_LABELS \
                or bare in SECTION_WORDS or ROLE_WORDS.fullmatch(bare) or CONTRACTION.search(bare):
            break
        kept.append(word)
    return " ".join(kept)


def _body_bylines(body: str) -> list[str]:
    lines = [line.strip() for line in body.split("\n")[:6] if line.strip()]
    return [m.group(1) for line in lines if (m := BYLINE_TEXT.match(line))]


def _choose_date(articles: list[dict], meta: dict[str, list[str]], tree: Element, url: str | None,
                 fallback: str | None, header: tuple[str, str]) -> tuple[str | None, str]:
    """Publication date and where it came from: metadata, url, dateline, inferred or none.

    A full date in the URL wins: the publishing system wrote it when the story went up,
    in the newsroom's own time zone. Next the dates printed next to the headline, which
    are what the reader is told, unless labelled an update: one the page also states as
    its publication date (of two printed dates, the other is the last edit), else the
    nearest (a stated stamp may be an import, a re-publication, or UTC a day away), unless
    it is the day the page states it was modified while stating another publication. Then
    the first stated publication date; then a date printed as "Updated"; then
    trafilatura's guess (htmldate: a date found in the page's free text).
    """
    stated = [d for d in (
        *(_date(item.get("datePublished")) for item in articles),
        *(_date(v) for key in DATE_META for v in meta.get(key, [])),
        *(_date(v) for v in _microdata_dates(tree)),
        *(_date(v) for v in _time_dates(tree)),
        *(_date(item.get("dateCreated")) for item in articles),
    ) if d]
    in_url = date_from_url(url)
    if in_url:
        return in_url, "url"
    printed = _header_dates(header)
    first = [date for date in printed if not date.updated]
    for date in first:
        if agreeing := next((d for d in stated if d[:10] == date.day), None):
            return agreeing, "metadata"
    if first and (marked := [d for v in _time_dates(tree, marked_only=True) if (d := _date(v))]):
        return marked[0], "metadata"  # a <time> marked as the publication is printed and stated
    if first and not (stated and first[0].day in _modified_days(articles, meta)):
        return first[0].day, "dateline"
    if stated:
        return stated[0], "metadata"
    if printed:
        return printed[0].day, "dateline"
    inferred = _date(fallback)
    return (inferred, "inferred") if inferred else (None, "none")


def _visible_text(tree: Element) -> str:
    """The page's visible text (first VISIBLE_TEXT_LIMIT characters), white space collapsed."""
    body = tree.find(".//body")
    if body is None:
        return ""
    parts, size = [], 0
    for text in body.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"):
        parts.append(text)
        size += len(text)
        if size > VISIBLE_TEXT_LIMIT:
            break
    return " ".join(" ".join(parts).split())


def _header(text: str, headline: str | None) -> tuple[str, str]:
    """The page's visible ``text`` just after the headline and just before it (kicker, byline, date)."""
    if not headline:
        return "", ""
    headline = " ".join(headline.split())
    at = text.find(headline)
    if at < 0:
        return "", ""
    end = at + len(headline)
    return text[end:end + HEADER_AFTER_CHARS], text[max(0, at - HEADER_BEFORE_CHARS):at]


def _header_bylines(after: str, *, explicit: bool = False) -> list[str]:
    """"By Jane Doe" printed after the headline, cut before a date or job title that follows;
    failing that (unless ``explicit``), a bare name followed by a date or a job title
    ("Jane Doe · 3 May 2024"). "Reviewed by", "Edited by" and other credits are not bylines."""
    bylines = []
    for match in HEADER_BYLINE.finditer(after):
        if OTHER_CREDIT.search(after[max(0, match.start() - 30):match.start()]):
            continue
        if len((name := _name_words(match.group(1))).split()) >= 2:
            bylines.append(name)
    if not bylines and not explicit and (match := BARE_BYLINE.search(after[:HEADER_BARE_BYLINE_CHARS])):
        if not HEADLINE_WORDS.intersection(match.group(1).lower().split()):
            bylines.append(match.group(1))
    return bylines


def _with_coauthors(authors: list[str], after: str, sites: tuple[str, ...]) -> list[str]:
    """The chosen authors plus the names listed with the first of them where the page prints
    it by the headline ("Jane Doe, John Roe & Ann Poe"): metadata often keeps the first only."""
    if not authors or (at := after.find(authors[0])) < 0:
        return authors
    listed = NAME_LIST.match(after, at)
    names = person_names(listed.group(0), sites, 2) if listed else []
    return names if len(names) > len(authors) and names[0] == authors[0] else authors


def printed_date(text: str) -> str | None:
    """A date as pages print it ("Nov. 13, 2019", "13 November 2019", "11/13/19", "13.11.2019",
    "2019-11-13") as YYYY-MM-DD; slashed dates read month first, as dateparser does by default,
    dotted ones day first, as most countries that write them do."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    month_word = re.search(r"[a-z]{3}", text.lower())
    try:
        if month_word:
            day, year = (numbers[0], numbers[1]) if len(numbers) >= 2 else (0, 0)
            value = dt.date(year, MONTH_NUMBERS[month_word.group(0)], day)
        elif "-" in text:
            value = dt.date(*numbers[:3])
        elif "." in text:  # day first, unless only month first makes a date (US "12.16.2025")
            day, month, year = numbers[:3] if numbers[1] <= 12 else (numbers[1], numbers[0], numbers[2])
            value = dt.date(year, month, day)
        else:
            month, day, year = numbers[:3]
            value = dt.date(year + 2000 if year < 100 else year, month, day)
    except (ValueError, KeyError, TypeError):
        return None
    return value.isoformat()


@dataclass(frozen=True)
class PrintedDate:
    """A date printed next to the headline: its day and whether a label calls it an update."""

    day: str
    updated: bool


def _header_dates(header: tuple[str, str]) -> list[PrintedDate]:
    """Dates printed next to the headline, nearest first: those after it, else those just before it."""
    for window, after in ((header[0][:HEADER_DATE_CHARS], True), (header[1], False)):
        dates = []  # (distance from the headline, date)
        for match in DATELINE_DATE.finditer(window):
            day = printed_date(match.group(0))
            if day and MIN_YEAR <= int(day[:4]) <= _this_year() + 1:
                label = window[max(0, match.start() - 30):match.start()].lower()
                distance = match.start() if after else len(window) - match.end()
                dates.append((distance, PrintedDate(day[:10], bool(UPDATE_LABEL.search(label)))))
        if dates:
            return [date for _, date in sorted(dates, key=lambda pair: pair[0])]
    return []


def _this_year() -> int:
    return dt.date.today().year
