"""Read one news web page into a clean article body plus its metadata.

trafilatura finds the main content and the metadata from one parsed tree; its
XML body keeps the paragraph structure. On top of it we apply news conventions
it does not know: the headline and standfirst above the body are metadata, a
body split by ad slots belongs together, and some short lines are boilerplate
(share and sign-up prompts, "Read more:" teasers, photo credits, copyright and
contributor lines, ...). Every rule is a general English news convention, named
below; none is fitted to a particular site. The markup is first brought closer to the
page as a reader sees it (``page_markup``).
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from dataclasses import dataclass, field
from html import unescape

import trafilatura
from ftfy import fix_encoding
from lxml.etree import _Element as Element
from trafilatura.readability_lxml import Document

from extractor.ingest.author_notes import author_note
from extractor.ingest.page_markup import prepare_tree, without_early_end
from extractor.ingest.page_metadata import read_page_metadata

# Words of a timestamp: numbers, month and day names, am/pm, time zones, "ago".
_TIME_WORD = r"(\d[\w:./-]*|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|[ecmp][sd]t|gmt|utc|bst|cest?|ist|today|yesterday|ago|hours?|minutes?|mins?|days?)"

# --------------------------------------------------------------- boilerplate
# Each rule must match a whole paragraph (case-insensitive, surrounding bullets
# stripped), and only paragraphs of at most MAX_BOILERPLATE_WORDS words are tested.

# Longer paragraphs are body text even if a rule would match them.
MAX_BOILERPLATE_WORDS = 30
# Prompts to share, print or comment: "Share this article", "Print", "12 comments".
SHARE_PROMPT = r"(share|tweet|e-?mail|print|save|comments?|\d+ comments?|(order )?reprints?|print article)( (this|the) (article|story|page))?[.!:]?"
# Calls to action: "Sign up ...", "Subscribe ...", "Follow us on ...", "Click here ...".
CALL_TO_ACTION = r"(sign up|subscribe|follow us|follow (him|her|them|[@\w]+( \w+)?) on (twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)|download (the|our)|listen to|join (us|our)|like (us|this story)|click here|tap here|tell us what you think|thanks for (signing up|subscribing|reading))\b.*|follow\b.*(https?://|www\.)\S+"
# Newsletter and subscription promos: a sign-up verb with "newsletter"/"inbox", a newsletter's name, "click here".
NEWSLETTER = r".*\b(sign(ing)? up|subscribe|get|receive|delivered)\b.*\b(newsletters?|inbox)\b.*|.*\b(newsletters?|inbox)\b.*\b(sign(ing)? up|subscribe)\b.*|.*\byour inbox\b.*|[\w' ]{0,30} newsletter|.*\bclick(ing)? here\b.*|.*\berror processing your subscription\b.*"
# Teasers for other stories: "Read more: ...", "[Related: ...]", "You may also like", "Don't miss".
TEASER = r"[\[(]?\s*((read|see|watch) (more|also|next)\b|(related|more|also read|also see|recommended|trending|most read)( (posts?|stories|articles|coverage|content|reading|links))?\s*[:|\]]|you (may|might) also like\b|don['’]?t miss\b).*"
# A bare teaser heading ("Don't miss", "Related stories:") heads a block of links to other stories.
TEASER_HEADING = re.compile(
    r"(read more|see also|related( (posts?|stories|articles|coverage|content|links))?|more (on|from|about) this( story| topic)?|recommended|you (may|might) also like|don['’]?t miss)\s*:?",
    re.IGNORECASE,
)
# A heading that opens what closes a page after its article: links to other stories ("Related
# articles", "Recent posts", "You may also like", "Read next"), the author's bio, the comments,
# share buttons. It and everything after it go when what it opens is the body's last part, at
# most MAX_CLOSING_SHARE of its words: higher up, such a heading may head a section of the article.
CLOSING_HEADING = re.compile(
    r"(related|recent|latest|popular|trending|recommended|similar)( [\w'’]+){0,2} (articles|posts|stories|content|news|reads?|reading|guides|resources|updates)"
    r"|(also|recommended) read(ing)?|you (may|might) also( like| enjoy)?|you['’]ll (also )?(like|love|enjoy)( these)?\W*"
    r"|read next|explore more( [\w'’]+){0,3} (articles|posts|stories|content|guides|resources|reads)"
    r"|about the author|author bio|written by|(leave|post) a (reply|comment)|\d* ?comments?|share this( \w+)?",
    re.IGNORECASE,
)
MAX_CLOSING_SHARE = 0.3
# A page that prints its article twice (one copy per screen layout, both in the markup)
# gives a body whose later part repeats an earlier run of paragraphs. A repeat of at least
# MIN_REPEATED_RUN paragraphs holding at least MIN_REPEATED_SHARE of the body's words is such a
# copy and goes; a quote or a line repeated on its own stays (a pull quote, a refrain).
MIN_REPEATED_RUN = 3
MIN_REPEATED_SHARE = 0.2
# Wire agencies and picture libraries that appear in photo credits.
AGENCIES = r"ap|afp|reuters|epa|getty images|bloomberg|xinhua|pa|anadolu|shutterstock"
# Credits for photos, video and graphics ("Photo: ...", "Reuters/Jane Doe", "(Getty Images)"), alone or closing a caption.
IMAGE_CREDIT = rf"(photo(graph)?s?|images?|pictures?|video|illustration|graphic)( credits?)?\s*(:|/|by\b).*|credits?\s*:.*|.*[(\[](({AGENCIES}) )?(photo|image|picture|credit|file photo)\b[^)\]]*[)\]]|.*\(?\b(getty images|shutterstock|istock(photo)?)\)?|({AGENCIES})( photo| images)?\s*/\s*[\w.'’-]+( [\w.'’-]+){{0,3}}(, file)?"
# Copyright and reprint-rights notices.
COPYRIGHT = r"(©|\(c\)).*|copyright( ©| \(c\))?\s*(\d{4}|\S+ \d{4})\b.*|.*\b(all rights reserved|personal,? non-commercial use only)\b.*"
# Ad slots and "continue reading" markers inside the article column.
ADVERTISEMENT = r"advertisement|advertising|sponsored( content)?|ad|(story|article) continues below.*|continue reading.*|scroll (down )?to continue.*"
# Cookie and privacy-consent notices.
COOKIE_NOTICE = r".*\b(we|this (web)?site|our (web)?site)\b.{0,30}\buses? cookies\b.*|.*\b(accept|allow|manage)( all)? cookies\b.*|.*\b(our|your) cookie (policy|settings|preferences)\b.*"
# Contributor and editing credits closing wire stories ("Reporting by ...; Editing by ...").
CONTRIBUTOR_CREDIT = r".*\bcontributed (reporting|to (this|the) (report|story|article))\b.*|(additional )?reporting by\b.*|(writing|editing) by\b.*"
# Author contact: a lone URL or handle, any short line holding an e-mail address, "Reach the reporter at ...".
CONTACT_LINE = r"(https?://|www\.|twitter\.com/|@)\S+|.*\b[\w.+-]+@[\w-]+\.[\w.]+\b.*|(reach|contact) (the )?(authors?|reporters?|writers?|him|her|them|us) (at|on|via)\b.*"
# Labels and timestamps around the body: "Filed under: ...", "Tags: ...", "Updated 5:32 p.m. ET", "5 min read".
LABEL_LINE = rf"(filed under|tags|topics|categories|source)\s*:.*|(updated|published|posted|last updated|last modified)( on| at)?:?([\s,]+{_TIME_WORD})+\.?|\d+\s*min(ute)?s?( read)?|reading time:.*"
# A timestamp and nothing else: "November 19, 2019 / 12:21 AM / Updated 14 hours ago", "Updated".
_STAMP_WORD = rf"((last )?(updated|published|posted|modified)( on| at)?:?|{_TIME_WORD})"
TIMESTAMP = rf"{_STAMP_WORD}([\s,/|•·-]+{_STAMP_WORD})*\.?"
# Controls of a photo gallery or an expandable block: "Image 1 of 8", "Caption", "Close", "Show more".
GALLERY_CONTROL = r"((image|photo|picture|slide)s?\s*)?\d+\s*(of|/)\s*/?\d+|(image|photo) \d+|caption|close|expand|collapse|enlarge( (this )?(image|photo))?|(show|see|view) (more|less|all)|loading\b.*"

# Page navigation and account prompts: "Table of contents", "Back to top", "Already have an account? Log in".
PAGE_NAVIGATION = r"(table of )?contents|in this (article|post|guide)|jump to( section)?|skip to( main)? content|back to top|(log|sign) in|join or sign in|already have an account\??.*|create (an|your|a free) account"
# Buttons and form messages printed as text: "Learn more", "Book a demo", "Thank you! Your submission has been received!".
BUTTON_LABEL = r"(learn|read|find out) more|get started|book a demo|request a demo|view (full )?profile|pin (this|it)!?|shop now|buy now|thank you! your submission has been received!?|oops! something went wrong.*"
# A wire byline with the writer's beat ("Robert Burns, AP National Security Writer"), a bare "By",
# a link to the outlet's standards ("Our Standards: The Thomson Reuters Trust Principles.").
WIRE_BYLINE = rf"(by )?[\w.'’ -]{{3,40}}, ({AGENCIES}|associated press)( [\w ]{{0,30}})? (writer|correspondent|reporter|editor)s?|by|(our|editorial) (standards|guidelines|policy)(\s*:.*)?"
# Reader controls: "Text size", "Font size", "Listen to this article".
READER_CONTROL = r"(text|font) size|(listen to|print) this (article|story)|audio( version)?"
# Affiliate disclosures and shop buttons of review pages: "This post contains affiliate links",
# "As an Amazon Associate I earn from qualifying purchases", "Check price on Amazon"; and the
# appeals for support that close a page ("Enjoyed this piece? We need your help ...").
AFFILIATE_NOTICE = r"(disclosure|disclaimer)\s*:.*\baffiliate\b.*|.*\b(this|the|our) (post|article|page|site|story|review)s? (may )?contains? affiliate links?\b.*|.*\baffiliate links\b.*\b(commission|support)\b.*|.*\bas an (amazon )?associate,? (i|we|this (web)?site) earns?\b.*|.*\bwe (may )?earn (a )?commissions?\b.*|check (the )?(latest )?price( on [\w.]+)?|add to goodreads.*|(learn|read) more about (our|the) (editorial|review) (process|policy|guidelines|standards)\.?|enjoyed this (piece|article|post|story)\?.*"
# A paragraph of any length that ends in the toggle of a collapsed caption or teaser
# ("... more", ". less"): the page repeats it, once folded and once unfolded.
EXPAND_TOGGLE = re.compile(r"(?:(?:\.\.\.|…)\s*(?:read |see |show )?more|[.!?”\"]\s+(?:show |see )?less)$", re.IGNORECASE)
# Script data printed as text (a widget's JSON settings): a paragraph that opens and closes
# like a JSON array or object and parses as one. In a code block it is an example, and stays.
JSON_DATA_ENDS = ("[]", "{}")
# Placeholder text of a page template left in the markup ("Lorem ipsum dolor sit amet, ..."):
# a paragraph of any length that holds it is no one's writing.
PLACEHOLDER_TEXT = re.compile(r"\blorem ipsum\b", re.IGNORECASE)

BOILERPLATE = re.compile(
    "|".join(
        f"(?:{rule})"
        for rule in (
            SHARE_PROMPT, CALL_TO_ACTION, NEWSLETTER, TEASER, IMAGE_CREDIT, COPYRIGHT,
            ADVERTISEMENT, COOKIE_NOTICE, CONTRIBUTOR_CREDIT, CONTACT_LINE, LABEL_LINE, TIMESTAMP, GALLERY_CONTROL,
            PAGE_NAVIGATION, BUTTON_LABEL, WIRE_BYLINE, READER_CONTROL, AFFILIATE_NOTICE,
        )
    ),
    re.IGNORECASE | re.DOTALL,
)

# ------------------------------------------------------------------ structure

# Short lines before the headline (kicker, section label) go with it.
MAX_KICKER_WORDS = 12
# A heading between headline and body is a standfirst when at least this long;
# shorter ones are section labels and stay.
MIN_STANDFIRST_WORDS = 6
# Elements a reader never sees (hidden attribute or class, display:none): error
# messages, widget templates, duplicated teasers.
# React's streamed server rendering is the exception: it sends each finished part of the
# page in a hidden <div id="S:..."> that its script then moves into place.
HIDDEN_XPATH = (
    "//*[(@hidden and not(starts-with(@id, 'S:')))"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hidden ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hide ')"
    " or contains(translate(@style, ' ', ''), 'display:none')]"
)
# A page whose cleaned body is shorter than this has no article.
MIN_BODY_WORDS = 10
# Recall mode now and then settles on a small block (one section, a sidebar, a
# testimonial) beside the article. A body shorter than MAX_CHECKED_BODY_WORDS that holds
# less than MAX_CHECKED_PAGE_SHARE of the page's visible words (trafilatura's own sign of
# under-extraction) is checked against trafilatura's balanced mode, whose body wins when
# it is at least SECOND_OPINION_RATIO times as long. Other bodies are not checked: a
# second extraction costs time, and on them it changed nothing on the dev pages.
# The same ratio lets the body a page states in its JSON-LD (schema.org ``articleBody``)
# win over any extracted body: pages that render their list items or slides from script
# data print only the introduction in the markup.
MAX_CHECKED_BODY_WORDS = 400
MAX_CHECKED_PAGE_SHARE = 0.2
SECOND_OPINION_RATIO = 2
# ------------------------------------------------------------------- metadata

# htmldate fallback when the page states no date: the original (not last modified)
# date, searching the free text too, except on pages so big the search would take seconds.
_DATE_PARAMS = {"original_date": True, "extensive_search": True}
_QUICK_DATE_PARAMS = {"original_date": True, "extensive_search": False}
MAX_DATE_SEARCH_CHARS = 1_000_000
_WORD = re.compile(r"\w+")
_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "div", "code"}
_LINE_BREAK = "\ue000"  # stands for <lb/> while whitespace is collapsed (XML text cannot hold NUL)


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
    published_source: str | None = None
    authors: list[str] = field(default_factory=list)
    # Paragraphs of ``text`` that are table rows (cells joined by " | "): data, not sentences.
    non_prose: list[str] = field(default_factory=list)


def read_html(raw: str, *, url: str | None = None) -> HtmlArticle:
    """Extract the clean article body and metadata from one HTML page.

    ``url`` is where the page came from; the page's canonical URL wins over it.
    Raises ``NoArticleError`` when there is no article body.
    """
    tree = trafilatura.load_html(without_early_end(raw))
    if tree is None:
        raise NoArticleError("not an HTML document")
    prepare_tree(tree, raw)
    # Recall mode: it keeps the headings, lists and blocks that balanced mode leaves out of
    # pages it reads with its fallbacks (blogs, guides); favor_precision drops whole bodies.
    # Precision comes from the news rules instead. Tables are read (a reader sees them as
    # part of the article), one row per paragraph; their rows are listed in ``non_prose``
    # so that the sentence-level extractors downstream skip them.
    options = dict(
        url=url, favor_recall=True, include_comments=False, include_tables=True, include_links=False,
        with_metadata=True, prune_xpath=HIDDEN_XPATH,
        date_extraction_params=_DATE_PARAMS if len(raw) <= MAX_DATE_SEARCH_CHARS else _QUICK_DATE_PARAMS,
    )
    doc = trafilatura.bare_extraction(tree, **options)
    blocks = _body(doc)
    if _needs_second_opinion(text := _joined(blocks), tree):
        for second_opinion in (_balanced_body, _readability_body):
            other = second_opinion(tree, options)
            if _words(_joined(other)) >= SECOND_OPINION_RATIO * max(_words(text), 1):
                blocks = other
                text = _joined(blocks)
                break
    if _words(text) < MIN_BODY_WORDS:
        # No body: it may sit in a container the page hides until its scripts run.
        # Extract again favouring recall, hidden parts too.
        retry = trafilatura.bare_extraction(
            tree, **{**options, "with_metadata": False, "prune_xpath": None})
        blocks, doc = _body(retry), doc or retry
        text = _joined(blocks)
    if doc is None or _words(text) < MIN_BODY_WORDS:
        raise NoArticleError("no article body found")
    meta = read_page_metadata(tree, url=url, fallback_title=doc.title, fallback_author=doc.author,
                              fallback_date=doc.date, site_name=doc.sitename, body=text)
    if meta.article_body and _words(meta.article_body) >= SECOND_OPINION_RATIO * _words(text):
        blocks = _stated_body(meta.article_body)
        text = _joined(blocks)
    # The writer's bio closing the article: found by the byline's names, known only now.
    if (note := author_note([text for _, text in blocks], meta.authors)) is not None:
        blocks = blocks[:note] + blocks[note + 1:]
        text = _joined(blocks)
    return HtmlArticle(
        text=text,
        title=fix_encoding(meta.title) if meta.title else meta.title,  # "Saverâ\x80\x99s" as the body is repaired
        url=doc.url or meta.url or url,
        source=meta.site_name or doc.sitename or doc.hostname,
        published=meta.published,
        published_source=meta.published_source,
        authors=meta.authors,
        non_prose=[text for tag, text in blocks if tag == "row"],
    )


def _stated_body(article_body: str) -> list[tuple[str, str]]:
    """Paragraphs of the body the page states in its JSON-LD, less news boilerplate."""
    paragraphs = (" ".join(line.split()) for line in fix_encoding(unescape(article_body)).splitlines())
    return [("p", text) for text in paragraphs if text and not is_boilerplate(text)]


def _balanced_body(tree: Element, options: dict) -> list[tuple[str, str]]:
    """The body trafilatura's balanced mode reads from the page."""
    return _body(trafilatura.bare_extraction(tree, **{**options, "favor_recall": False, "with_metadata": False}))


def _readability_body(tree: Element, options: dict) -> list[tuple[str, str]]:
    """The body of the container readability scores highest (trafilatura's port of it), read
    by trafilatura: where both of trafilatura's modes settle on a promo block beside a guide,
    readability's text-density score can still find the guide. A page it cannot score gives
    no opinion."""
    try:
        summary = Document(deepcopy(tree)).summary()
    except Exception:  # the port raises on markup it cannot score; the recall body stands
        return []
    return _body(trafilatura.bare_extraction(
        f"<html><body>{summary}</body></html>", **{**options, "with_metadata": False, "url": None}))


def _needs_second_opinion(text: str, tree: Element) -> bool:
    """True for a short body that covers little of the page: recall mode may have kept a
    block beside the article. No body at all is left to the retry that reads hidden parts."""
    words = _words(text)
    return MIN_BODY_WORDS <= words < MAX_CHECKED_BODY_WORDS and words < MAX_CHECKED_PAGE_SHARE * _words(trafilatura.html2txt(tree))


def _body(doc) -> list[tuple[str, str]]:
    """(tag, text) per paragraph of trafilatura's body, less the headline, standfirst and
    news boilerplate; a table row with two cells or more is tagged ``row``. Text decoded
    twice on its way to the page ("weâ\x80\x99ll", "EmbraceÂ") is repaired with ftfy's
    encoding fixer (only that: quotes, widths and ligatures stay as written)."""
    if doc is None or doc.body is None:
        return []
    blocks = _drop_headline([(tag, fix_encoding(text)) for tag, text in _blocks(doc.body)], doc.title)
    blocks = _without_closing_section(blocks)
    return _without_repeated_copy([
        (tag, text) for tag, text in blocks
        if not is_boilerplate(text) and not (tag != "code" and _is_json_data(text.strip()))
    ])


def _without_closing_section(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks before a closing heading (``CLOSING_HEADING``) in the body's last part."""
    total = sum(_words(text) for _, text in blocks)
    after = total
    for i, (_, text) in enumerate(blocks):
        if i and after <= MAX_CLOSING_SHARE * total and CLOSING_HEADING.fullmatch(text.strip(" :*#|-–—")):
            return blocks[:i]
        after -= _words(text)
    return blocks


def _without_repeated_copy(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks less a second copy of a long run of them (``MIN_REPEATED_RUN``)."""
    keys = [" ".join(_WORD.findall(text.lower())) for _, text in blocks]
    total = sum(_words(key) for key in keys)
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    kept, i = [], 0
    while i < len(blocks):
        j, run = first[keys[i]], 0
        while j < i and j + run < i and i + run < len(keys) and keys[j + run] == keys[i + run]:
            run += 1
        if keys[i] and run >= MIN_REPEATED_RUN and sum(_words(k) for k in keys[i:i + run]) >= MIN_REPEATED_SHARE * total:
            i += run
            continue
        kept.append(blocks[i])
        i += 1
    return kept


def _joined(blocks: list[tuple[str, str]]) -> str:
    return "\n\n".join(text for _, text in blocks)


def is_boilerplate(paragraph: str) -> bool:
    """True for a short paragraph that is a news-site convention, not article text."""
    line = _strip(paragraph)
    if "\n" in line and TEASER_HEADING.fullmatch(line.split("\n", 1)[0]):
        return True
    if EXPAND_TOGGLE.search(line[-20:]) or PLACEHOLDER_TEXT.search(line):
        return True
    return _words(line) <= MAX_BOILERPLATE_WORDS and BOILERPLATE.fullmatch(line) is not None


def _is_json_data(line: str) -> bool:
    """True for a paragraph that is a JSON array or object (``JSON_DATA_ENDS``)."""
    if len(line) < 2 or line[0] + line[-1] not in JSON_DATA_ENDS:
        return False
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _blocks(root: Element):
    """Yield (tag, text) per paragraph-level element of trafilatura's XML body, and per run of
    text between them (a page that writes paragraphs as bare text between headings)."""
    if text := _loose(root.text):
        yield "p", text
    for el in root:
        if el.tag == "row":
            cells = [text for cell in el if (text := _inline(cell))]
            if cells:  # one cell: a layout table's column or a caption, read as a paragraph
                yield "row" if len(cells) > 1 else "p", " | ".join(cells)
        elif not (el.text or "").strip() and any(child.tag in _BLOCK_TAGS for child in el):
            yield from _blocks(el)  # a list, table, quote... made of blocks
        elif text := _inline(el):
            yield el.get("rend") or el.tag, text
        if text := _loose(el.tail):
            yield "p", text


def _loose(text: str | None) -> str:
    """Text outside any block element, white space collapsed."""
    return " ".join(text.replace(_LINE_BREAK, " ").split()) if text else ""


def _inline(el: Element) -> str:
    """Text of one block, whitespace collapsed; only ``<lb/>`` and nested blocks break lines."""
    for child in el.iterdescendants():
        if child.tag == "lb" or child.tag in _BLOCK_TAGS:
            child.tail = _LINE_BREAK + (child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(el.itertext()).split(_LINE_BREAK))
    return "\n".join(filter(None, lines))


def _drop_headline(blocks: list[tuple[str, str]], title: str | None) -> list[tuple[str, str]]:
    """Drop the headline, the kicker above it and the standfirst below: they are not body."""
    for i, (tag, _) in enumerate(blocks[:3]):
        if tag == "h1" and all(_words(text) <= MAX_KICKER_WORDS for _, text in blocks[:i]):
            blocks = blocks[i + 1 :]
            break
    title_words = " ".join(_WORD.findall(title or ""))
    while blocks and (
        (blocks[0][0].startswith("h") and _words(blocks[0][1]) >= MIN_STANDFIRST_WORDS)
        or _same_words(blocks[0][1], title_words)
    ):
        blocks = blocks[1:]
    return blocks


def _same_words(text: str, title_words: str) -> bool:
    """True when ``text`` repeats the title or a part of it (headline printed as a paragraph)."""
    words = " ".join(_WORD.findall(text))
    return bool(words) and f" {words} " in f" {title_words} "


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _strip(text: str) -> str:
    return text.strip(" -•|*\t\n")
