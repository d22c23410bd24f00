"""Markup fixes made before extraction: what a browser or a page's scripts would show.

A page's markup is not always what its reader sees: a body split by ad slots, a template
that closes the page early, parts a React page streams in at the end, accordion panels
folded until clicked, quotations in <figure>, disclaimer boxes. Each fix below puts the
tree closer to the page as read, so that trafilatura finds the whole article and only it.
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.etree import _Element as Element

# React's streamed rendering marks where each late part of the page belongs with an empty
# <template id="B:n"> (a Suspense boundary; a "Loading ..." placeholder, dropped as boilerplate,
# follows it) or <template id="P:n"> (a placeholder inside another part), and sends the part at
# the end of the body as <div hidden id="S:n">; its script then moves it there. Only slots in
# the article (an <article>, <main> or article-body container) are filled here: parts of the
# page's frame, moved, can draw the extraction away from the article.
STREAMED_SEGMENT_PREFIX, STREAMED_SLOT_PREFIXES = "S:", ("B:", "P:")
# The folded panels of an accordion (class "accordion", "Accordion-item"): a reader opens them
# with a click, and they hold the article's sections or answers; hidden until then, they are
# read as shown.
ACCORDION_WORD = "ccordion"
FOLDED_PANEL_XPATH = XPath(
    f"//*[contains(@class, '{ACCORDION_WORD}')]//*[@hidden or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]"
)
# Containers a page names as its disclaimer or disclosure (class or id "ad-disclaimer",
# "advertiser-disclosure", "footer__Disclaimer"): legal and affiliate notices, not the article.
# The words are matched from their second letter, so that one case-sensitive test finds both
# capitalisations (translate() to lower case made the search three times slower).
DISCLAIMER_WORDS = ("isclaim", "isclosure")
DISCLAIMER_XPATH = XPath("//*[" + " or ".join(
    f"contains(@{attr}, '{word}')" for attr in ("class", "id") for word in DISCLAIMER_WORDS
) + "]")
# A container holding more than this share of the page's text is a wrapper named after a part of it.
MAX_DISCLAIMER_SHARE = 0.5
# A page that closes </body></html> early (a template's header include) and goes on with
# its content: browsers read on, lxml stops there. At least this many characters of
# markup after the first </html> make it such a page.
MIN_CONTENT_AFTER_END = 500
EARLY_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# A <figure> holding a <blockquote> is a quotation with its attribution in <figcaption> (the
# markup HTML's own documentation recommends), part of the article; trafilatura drops every
# <figure> but those holding a table. A blockquote of a social-media embed is a post's
# fallback text, not a quotation.
SOCIAL_EMBED_CLASS = re.compile(r"instagram|twitter|tweet|tiktok|facebook|threads", re.IGNORECASE)
# Class of an article-body container ("article-body", "post-content", "blog-rich-text");
# several on one page mean the body was split by ad slots or sections, and the pieces are
# joined before extraction.
BODY_CONTAINER_CLASS = re.compile(r"(article|story|entry|post|blog)[-_]*(body|content|text|rich[-_]?text)", re.I)


def prepare_tree(tree: Element, raw: str) -> None:
    """Apply every fix to ``tree`` (parsed from ``raw``); string searches of ``raw`` spare
    most pages the fixes that cannot apply to them."""
    _join_split_body(tree)
    _keep_quoted_figures(tree)
    if "<template" in raw:
        _place_streamed_segments(tree)
    if ACCORDION_WORD in raw:
        _unfold_accordions(tree)
    if any(word in raw for word in DISCLAIMER_WORDS):
        _drop_disclaimers(tree)


def without_early_end(raw: str) -> str:
    """The page without its </body> and </html> tags when content follows them, so that
    the parser reads the whole page as a browser does."""
    first = EARLY_END.search(raw)
    if first is None or len(raw) - first.end() < MIN_CONTENT_AFTER_END:
        return raw
    return EARLY_END.sub("", raw)


def _place_streamed_segments(tree: Element) -> None:
    """Put each part of a streamed React page where its script would, in place of its slot,
    so that the article reads in order."""
    segments = {el.get("id")[len(STREAMED_SEGMENT_PREFIX):]: el for el in tree.iter("div")
                if (el.get("id") or "").startswith(STREAMED_SEGMENT_PREFIX)}
    for slot in list(tree.iter("template")):
        slot_id = slot.get("id") or ""
        segment = segments.get(slot_id[2:]) if slot_id.startswith(STREAMED_SLOT_PREFIXES) else None
        if segment is None or slot.getparent() is None or not _in_article(slot):
            continue  # a part of the page's frame, not of its article: moving it can only mislead
        parent, at = slot.getparent(), slot.getparent().index(slot)
        _append_text(slot.getprevious(), parent, segment.text)  # as React does: the part's content,
        for i, child in enumerate(list(segment)):             # not its hidden wrapper
            parent.insert(at + i, child)
        _append_text(slot.getprevious(), parent, slot.tail)
        parent.remove(slot)  # with its tail, now kept before it


def _in_article(el: Element) -> bool:
    """True when ``el`` sits in an <article>, <main> or article-body container."""
    return any(a.tag in ("article", "main") or any(BODY_CONTAINER_CLASS.fullmatch(c) for c in (a.get("class") or "").split())
               for a in el.iterancestors())


def _append_text(previous: Element | None, parent: Element, text: str | None) -> None:
    """Add ``text`` after ``previous`` (or at the start of ``parent``)."""
    if not text:
        return
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _unfold_accordions(tree: Element) -> None:
    """Show the folded panels of accordions (``FOLDED_PANEL_XPATH``)."""
    for panel in FOLDED_PANEL_XPATH(tree):
        panel.attrib.pop("hidden", None)
        if "style" in panel.attrib:
            panel.set("style", re.sub(r"display\s*:\s*none", "", panel.get("style"), flags=re.I))
        if "class" in panel.attrib:
            panel.set("class", " ".join(c for c in panel.get("class").split() if c != "hidden"))


def _keep_quoted_figures(tree: Element) -> None:
    """Retag each <figure> that holds a quotation as a <div>, so that extraction reads it."""
    for figure in tree.iter("figure"):
        quote = figure.find(".//blockquote")
        if quote is not None and not SOCIAL_EMBED_CLASS.search(quote.get("class") or ""):
            figure.tag = "div"


def _drop_disclaimers(tree: Element) -> None:
    """Remove the page's disclaimer and disclosure containers (``DISCLAIMER_XPATH``), once
    for every extraction that follows; text after them stays. A container holding most of the
    page ("page has-disclosure") is a wrapper named after a part of it, and stays."""
    found = DISCLAIMER_XPATH(tree)
    if not found:
        return
    page = len(tree.text_content())
    for el in found:
        if el.getparent() is not None and len(el.text_content()) <= MAX_DISCLAIMER_SHARE * page:
            el.drop_tree()


def _join_split_body(tree: Element) -> None:
    """Move the pieces of a body split over same-class containers into the first one.

    Sites close the body container around each mid-article ad slot; trafilatura
    would then keep only the first piece. Pieces in different <article> elements
    (teasers on an index page) are never joined.
    """
    groups: dict[tuple, list] = {}
    root = tree.getroottree()
    for el in tree.iter("div", "section", "article"):
        cls = el.get("class") or ""
        if any(BODY_CONTAINER_CLASS.fullmatch(token) for token in cls.split()):
            article = next(el.iterancestors("article"), None)  # teasers on an index page
            key = (el.tag, cls, root.getpath(article) if article is not None else None)
            groups.setdefault(key, []).append(el)
    for els in groups.values():
        pieces = [
            el for el in els
            if el.find(".//p") is not None and not any(a in els for a in el.iterancestors())
        ]
        for piece in pieces[1:]:
            pieces[0].extend(list(piece))
            piece.getparent().remove(piece)
