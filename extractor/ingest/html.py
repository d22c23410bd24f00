"""Read one news web page into a clean article body plus its metadata.

trafilatura finds the main content (its XML body, so paragraph structure is
kept) and the metadata in a single parse. On top of it we apply news
conventions it does not know: the headline and standfirst printed above the
body are metadata, not body, and some short lines are boilerplate (share and
sign-up prompts, "Read more:" teasers, photo credits, copyright lines, ...).
Every rule below is a general English news convention, never a page-specific fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.etree import _Element as Element

# ---------------------------------------------------------------- boilerplate

# A boilerplate line is short; longer paragraphs are body even if a pattern matches.
MAX_BOILERPLATE_WORDS = 30
# Each rule below must match a whole (stripped) line, case-insensitively.
# Prompts to share, print or comment: "Share this article", "Print", "12 comments".
SHARE_PROMPT = r"(share|tweet|e-?mail|print|save|comments?|\d+ comments?|(order )?reprints?|print article)( (this|the) (article|story|page))?[.!:]?"
# Calls to action: sign up, subscribe, follow us, download the app, click here...
CALL_TO_ACTION = r"(sign up|subscribe|follow (us|him|her|them|@?\w+( \w+)? on)|download (the|our)|listen to|join (us|our)|like (us|this story)|click here|tap here|tell us what you think|thanks for (signing up|subscribing|reading))\b.*"
# Words that only appear in newsletter and subscription promos.
NEWSLETTER = r".*\b(newsletters?|your inbox|signing up|click(ing)? here|subscriber agreement|error processing your subscription)\b.*"
# Teasers for other stories: "Read more: ...", "[Related: ...]", "You may also like".
TEASER = r"[\[(]?\s*((read|see|watch) (more|also|next)|(related|more|also read|also see|recommended|trending|most read)( (posts?|stories|articles|coverage|content|reading|links))?\s*[:|\]]|you (may|might) also like|don'?t miss)\b.*"
# Credits for photos, video and illustrations, alone or closing a caption.
IMAGE_CREDIT = r"(photo(graph)?s?|images?|pictures?|video|illustration|graphic)( credits?)?\s*(:|/|by\b).*|credits?\s*:.*|.*[(\[](photo|image|picture|credit|file photo)\b[^)\]]*[)\]]|.*\(?\b(getty images|shutterstock|istock(photo)?)\)?|(ap|afp|reuters|epa|getty images|bloomberg|xinhua|pa|anadolu)( (photo|images))?\s*/\s*\w+.*"
# Copyright and rights notices.
COPYRIGHT = r"(©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*"
# Ad slots and "continue reading" markers inside the article column.
ADVERTISEMENT = r"advertisement|advertising|sponsored( content)?|ad|(story|article) continues below.*|continue reading.*|scroll (down )?to continue.*"
# Cookie and privacy-consent notices.
COOKIE_NOTICE = r".*\bcookies?\b.*\b(use|consent|accept|policy|settings)\b.*|.*\b(use|consent|accept)\b.*\bcookies?\b.*"
# Contributor and editing credits at the foot of wire stories.
CONTRIBUTOR_CREDIT = r".*\bcontributed (reporting|to (this|the) (report|story|article))\b.*|(additional )?reporting by\b.*|(writing|editing) by\b.*"
# Ways to reach the author: a lone URL or handle, any short line with an e-mail address.
CONTACT_LINE = r"(https?://|www\.|twitter\.com/|@)\S+|.*\b[\w.+-]+@[\w-]+\.[\w.]+\b.*|(reach|contact) (the )?(authors?|reporters?|writers?|him|her|them|us) (at|on|via)\b.*"
# Labels and timestamps around the body: "Filed under:", "Tags:", "Updated 5:32 p.m.", "5 min read".
LABEL_LINE = r"(filed under|tags|topics|categories|source)\s*:.*|(updated|published|posted|last updated|last modified)\b.{0,40}|\d+\s*min(ute)?s?( read)?|reading time:.*"

BOILERPLATE = re.compile(
    "|".join(
        f"(?:{rule})"
        for rule in (
            SHARE_PROMPT, CALL_TO_ACTION, NEWSLETTER, TEASER, IMAGE_CREDIT, COPYRIGHT,
            ADVERTISEMENT, COOKIE_NOTICE, CONTRIBUTOR_CREDIT, CONTACT_LINE, LABEL_LINE,
        )
    ),
    re.IGNORECASE | re.DOTALL,
)
# Words before the headline (kicker, section label) are dropped when this short.
MAX_KICKER_WORDS = 12
# A page whose cleaned body has fewer words than this has no article.
MIN_BODY_WORDS = 10

# Published-date fields, most specific first; values are kept as found.
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate",
    "pubdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dc.date", "date",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_WORD = re.compile(r"\w+")


class NoArticleError(ValueError):
    """The page has no article body (a home page, an index, an error page...)."""


@dataclass(frozen=True)
class HtmlArticle:
    """One article read from HTML; ``text`` has paragraphs separated by a blank line."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None


def read_html(raw: str, *, url: str | None = None) -> HtmlArticle:
    """Extract the article body and metadata from one HTML page (parsed once)."""
    tree = trafilatura.load_html(raw)
    if tree is None:
        raise NoArticleError("not an HTML page")
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True,
        include_links=True, with_metadata=True,
    )
    if doc is None or doc.body is None:
        raise NoArticleError("no article body found")
    blocks = _drop_headline(list(_blocks(doc.body)), doc.title)
    paragraphs = [text for _, text, _ in blocks if not is_boilerplate(text)]
    text = "\n\n".join(paragraphs)
    if len(_WORD.findall(text)) < MIN_BODY_WORDS:
        raise NoArticleError("no article body found")
    return HtmlArticle(
        text=text,
        title=doc.title,
        url=doc.url or url,
        source=doc.sitename or doc.hostname,
        published=_raw_published(tree) or doc.date,
        author=doc.author,
    )


def is_boilerplate(paragraph: str) -> bool:
    """True for a short line that is a news-site convention rather than body text."""
    line = paragraph.strip(" -•|*\u2022\t\n")
    if len(_WORD.findall(line)) > MAX_BOILERPLATE_WORDS:
        return False
    return BOILERPLATE.fullmatch(line) is not None


def _blocks(root: Element):
    """Yield (tag, text, link share) per paragraph-level element of trafilatura's XML body."""
    for el in root:
        if el.tag in ("list", "table", "div") or (el.tag == "quote" and any(c.tag == "p" for c in el)):
            yield from _blocks(el)
        elif el.tag == "row":
            yield "row", " | ".join(filter(None, (_inline(c) for c in el))), 0.0
        else:
            text = _inline(el)
            if text:
                linked = sum(len("".join(r.itertext())) for r in el.iter("ref"))
                yield (el.get("rend") or el.tag), text, linked / max(len(text), 1)


def _inline(el: Element) -> str:
    """Text of one block with whitespace collapsed; ``<lb/>`` becomes a line break."""
    for lb in el.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    lines = (" ".join(line.split()) for line in "".join(el.itertext()).split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_headline(blocks: list, title: str | None) -> list:
    """Drop the headline, what precedes it (kicker) and the standfirst: they are not body."""
    title_words = " ".join(_WORD.findall(title or ""))
    for i, (tag, text, _) in enumerate(blocks[:3]):
        if tag == "h1" and all(len(_WORD.findall(t)) <= MAX_KICKER_WORDS for _, t, _ in blocks[:i]):
            blocks = blocks[i + 1 :]
            break
    while blocks and (blocks[0][0].startswith("h") or _contained(blocks[0][1], title_words)):
        blocks = blocks[1:]
    return blocks


def _contained(text: str, title_words: str) -> bool:
    words = " ".join(_WORD.findall(text))
    return bool(words) and words in title_words


def _raw_published(tree: Element) -> str | None:
    """The publication date exactly as the page states it (meta tags, then JSON-LD)."""
    found = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in DATE_META and meta.get("content") and key not in found:
            found[key] = meta.get("content").strip()
    for key in DATE_META:
        if found.get(key):
            return found[key]
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        match = _JSONLD_DATE.search(script.text or "")
        if match:
            return match.group(1)
    for time in tree.iterfind(".//time[@datetime]"):
        if (time.get("itemprop") or "").lower() == "datepublished" or time.get("pubdate") is not None:
            return time.get("datetime")
    return None
