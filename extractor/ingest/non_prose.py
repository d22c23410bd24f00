"""The parts of a clean text that are not running prose: table rows and embedded posts.

The HTML reader knows which paragraphs are table rows; cleaning then normalises white
space and may drop or reflow lines, so the rows are found again in the clean text by
their words, paragraph by paragraph, rather than by offsets computed before cleaning.
An embedded post (a tweet a page printed in its body) is found in the clean text itself,
by its picture link and its signature line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.models import TextRange

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# The link an embedded post ends with ("pic.twitter.com/sZtiwVFyRE", "https://t.co/8QMS7Xco9x").
POST_LINK_RE = re.compile(r"\b(?:pic\.twitter\.com|t\.co)/\w+")
# The signature under an embedded post: a dash, the author, the handle and the day
# ("— Wall St Engine (@wallstengine) January 27, 2025"); the day may be cut off.
POST_SIGNATURE_RE = re.compile(
    r"[—–-]\s*[^\n()—–]{1,60}?\(@\w{1,30}\)?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def non_prose_ranges(text: str, paragraphs: Iterable[str]) -> list[TextRange]:
    """The ranges of ``text``'s paragraphs (blank-line separated) whose words are those of one
    of ``paragraphs``, in order."""
    keys = {key for paragraph in paragraphs if (key := _key(paragraph))}
    if not keys:
        return []
    return [TextRange(start=match.start(), end=match.end())
            for match in _PARAGRAPH.finditer(text) if _key(match.group(0)) in keys]


def embedded_post_ranges(text: str) -> list[TextRange]:
    """The ranges of ``text`` that are embedded posts: from the start of a paragraph that holds a
    post's picture link or signature to the end of the last of them in it. A page prints a tweet
    as a paragraph of its words, its link and "— Author (@handle) Date": a figure or quotation
    in it is the poster's, with no sentence of the story around it to give its subject or
    speaker. (The story may go on after the signature on the same line: that stays prose.)"""
    ranges = []
    for match in _PARAGRAPH.finditer(text):
        paragraph = match.group(0)
        ends = [m.end() for m in POST_LINK_RE.finditer(paragraph)]
        ends += [m.end() for m in POST_SIGNATURE_RE.finditer(paragraph) if "(@" in m.group(0)]
        if ends:
            ranges.append(TextRange(start=match.start(), end=match.start() + max(ends)))
    return ranges
