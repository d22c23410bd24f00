"""Title, authors and publication date of a web page, chosen per field by evidence.

A page states its metadata several times over: JSON-LD (``NewsArticle`` and kin, alone,
in a list or in an ``@graph``), OpenGraph and ``article:`` meta tags, author and date
meta tags, ``<time datetime>`` elements, the ``<h1>``, the byline above the text and
the date in the URL. Each is a candidate; the rules below pick per field the one the
page's own structure supports best, and say where a date came from. Broken JSON-LD,
odd values and missing fields are skipped, never raised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from extractor.ingest.bylines import (
    HEADER_BARE_BYLINE_CHARS,
    after_body,
    body_bylines,
    byline_elements,
    element_text,
    end_bylines,
    header_bylines,
    person_names,
    with_coauthors,
)
from extractor.ingest.metadata import BadDateError, normalise_date, split_url
from extractor.ingest.printed_dates import (
    DATELINE_DATE, UPDATE_LABEL, date_from_url, header_dates, printed_date, printed_dates, weekday_before,
)
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
# OpenGraph tags in which a publisher declares an article's publication time (for the
# previews that social sites show): a deliberate statement, unlike JSON-LD filled in by a CMS.
OPEN_GRAPH_DATE = ("article:published_time", "og:published_time", "og:article:published_time")
# Characters of visible text searched for the headline and the date printed with it.
VISIBLE_TEXT_LIMIT = 200_000
# The header around a headline: the byline and the date printed with it sit within this
# many characters after it (kicker, standfirst, byline) or before it (a date line above it).
HEADER_AFTER_CHARS = 600
HEADER_BEFORE_CHARS = 150
# An element whose class or id says it holds the publication date ("post-date", "pubdate",
# "published"), and one that says it holds a revision's ("updated-date", "modified").
DATE_CLASS = re.compile(r"date|publish|posted", re.I)
UPDATE_CLASS = re.compile(r"updat|modif|revis", re.I)
# Such an element holds a date and little else: a label, a time, a separator.
MAX_DATE_ELEMENT_CHARS = 80
# Meta tags naming the last modification.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
# A machine-readable date (ISO 8601), as ``<time datetime>`` must hold.
ISO_VALUE = re.compile(r"\d{4}-\d{2}")
# Words of a name, to tell whether two bylines name the same people.
_WORD = re.compile(r"\w+")
# Meta tags naming the author(s); ``article:author`` is often a profile URL, skipped then.
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "citation_author", "byl", "og:article:author", "twitter:creator:name",
)


@dataclass
class PageMetadata:
    """Metadata candidates read from one page, and the values chosen from them."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    site_name: str | None = None
    url: str | None = None
    # The article's text as its JSON-LD ``articleBody`` states it (plain text), if it does.
    article_body: str | None = None


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


def _date(value: object) -> str | None:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    try:
        return normalise_date(value)
    except (BadDateError, ValueError, OverflowError, OSError):
        return None


def _meta(tree: Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            found.setdefault(key, []).append(value)
    return found


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

    h1 = next((element_text(el) for el in tree.iter("h1") if element_text(el)), None)
    title_el = tree.find(".//title")
    candidates = [c for c in (
        *(meta.get("og:title") or [])[:1], ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        *(meta.get("twitter:title") or [])[:1], element_text(title_el) if title_el is not None else None, fallback_title,
    ) if c]
    title = choose_title(h1, candidates, sites, host)

    visible = _visible_text(tree)
    header = _header(visible, h1)
    # Sources of authors, most explicit first; all names of the first that names a person.
    sources = (
        ([name for item in articles[:1] for name in _ld_names(item.get("author"))], 1),
        (next(([v for v in meta[key]] for key in AUTHOR_META if key in meta), []), 1),
        ([fallback_author] if fallback_author else [], 1),
        (byline_elements(tree), 2),
        (header_bylines(header[0]), 2),
        (body_bylines(body), 2),
        (end_bylines(after_body(visible, body)), 2),
    )
    authors: list[str] = []
    for rank, (bylines, min_words) in enumerate(sources):
        if rank < 3:  # one metadata field: every name it lists
            authors = list(dict.fromkeys(n for b in bylines for n in person_names(b, sites, min_words)))
        else:  # bylines in the page: the first that names someone (later ones are other stories)
            authors = next((names for b in bylines if (names := person_names(b, sites, min_words))), [])
        if authors:
            break
    printed = [n for b in header_bylines(header[0][:HEADER_BARE_BYLINE_CHARS], explicit=True)
               for n in person_names(b, sites, 2)]
    if printed and rank > 0 and not {w for n in authors for w in _WORD.findall(n.lower())} & \
            {w for n in printed for w in _WORD.findall(n.lower())}:
        authors = printed  # "By ..." under the headline names someone else: the meta tag's is an uploader
    authors = with_coauthors(authors, header[0], sites)

    published, source = _choose_date(articles, meta, tree, page_url or url, fallback_date, header, visible)
    return PageMetadata(title=title, authors=authors, published=published, published_source=source,
                        site_name=sites[0] if sites else None, url=page_url, article_body=_article_body(articles))


def _article_body(articles: list[dict]) -> str | None:
    """The longest ``articleBody`` of the page's article objects, unless it is markup."""
    bodies = [body for item in articles if isinstance(body := item.get("articleBody"), str) and "</" not in body]
    return max(bodies, key=len) if bodies else None


def _choose_date(articles: list[dict], meta: dict[str, list[str]], tree: Element, url: str | None,
                 fallback: str | None, header: tuple[str, str], visible: str = "") -> tuple[str | None, str]:
    """Publication date and where it came from: metadata, url, dateline, inferred or none.

    A full date in the URL wins: the publishing system wrote it when the story went up,
    in the newsroom's own time zone. Next the dates printed next to the headline, which
    are what the reader is told, unless labelled an update: one the page also states as
    its publication date (of two printed dates, the other is the last edit), else the
    nearest (a stated stamp may be an import, a re-publication, or UTC a day away), unless
    it is the day the page states it was modified while the page declares another
    publication time in its OpenGraph tags. A page that declares none there (its stated
    date is only in JSON-LD or generic meta tags, which content systems fill in from the
    first draft) presents the date printed by its headline as the article's date, even one
    labelled "Updated". Then the first stated publication date; then a date printed as
    "Updated"; then one printed in an element the markup names as the date (away from the
    headline); then trafilatura's guess (htmldate: a date found in the page's free text),
    unless it is only a year (``_year_only``).
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
    printed = header_dates(header)
    first = [date for date in printed if not date.updated]
    for date in first:
        if agreeing := next((d for d in stated if d[:10] == date.day), None):
            return agreeing, "metadata"
    if first and (marked := [d for v in _time_dates(tree, marked_only=True) if (d := _date(v))]):
        return marked[0], "metadata"  # a <time> marked as the publication is printed and stated
    declared = any(key in meta for key in OPEN_GRAPH_DATE)
    if first and not (declared and stated and first[0].day in _modified_days(articles, meta)):
        return first[0].day, "dateline"
    if printed and not declared:
        return printed[0].day, "dateline"
    if stated:
        return stated[0], "metadata"
    if printed:
        return printed[0].day, "dateline"
    if day := _classed_date(tree):
        return day, "dateline"
    inferred = _date(fallback)
    if inferred and _year_only(inferred, visible):
        inferred = None
    return (inferred, "inferred") if inferred else (None, "none")


def _year_only(day: str, visible: str) -> bool:
    """htmldate's guess is only a year when it is a 1 January the page never prints: it turns a
    bare year (a copyright line's "© 2025") into that year's first day, which dates a guide
    or a home page written any day of any year."""
    return day[5:10] == "01-01" and not any(printed_date(m.group(0)) == day[:10] for m in printed_dates(visible))


def _classed_date(tree: Element) -> str | None:
    """A date printed in an element the page's markup names as its date ("post-date"), not an
    update's: the page's own date where it prints none by the headline (after a long standfirst,
    under the byline box)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "head"):
            continue
        hint = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if not hint or not DATE_CLASS.search(hint) or UPDATE_CLASS.search(hint):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if len(text) > MAX_DATE_ELEMENT_CHARS:
            continue
        for match in DATELINE_DATE.finditer(text):
            if not UPDATE_LABEL.search(text[max(0, match.start() - 30):match.start()].lower()) \
                    and (day := printed_date(match.group(0), weekday_before(text, match.start()))):
                return day
    return None


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
