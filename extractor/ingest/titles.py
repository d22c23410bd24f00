"""A page's headline: the <h1> or a meta title, without the site name around it.

Outlets put their name around the headline in <title> and og:title ("Headline | Outlet",
"Outlet - Headline"); a reader sees only the headline, so that is the article's title.
"""

from __future__ import annotations

import re

from extractor.ingest.printed_dates import MONTH_NAMES

# Separators between a headline and the site name in <title> and og:title.
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
# A trailing " | Something" is a site or section name when this short.
MAX_SITE_WORDS = 6
# A trailing " - Something" is taken for a site name, unconfirmed, only when this short.
MAX_UNNAMED_SITE_WORDS = 2
_WORD = re.compile(r"\w+")
# Share of a line's main words that are capitalised for it to be in title case.
TITLE_CASE_SHARE = 0.6
# Short words a title-case headline may leave in lower case ("of", "the", "as").
MINOR_WORDS = frozenset("a an and as at but by for from in of on or over the to vs with".split())


def in_title_case(line: str, share: float = TITLE_CASE_SHARE) -> bool:
    """Three or more main words, at least ``share`` of them capitalised."""
    words = main_words(line)
    return len(words) >= 3 and capitalised(words, share)


def main_words(text: str) -> list[str]:
    """The words of a line a title-case headline capitalises (not "of", "the", numbers)."""
    return [w for w in text.split() if w[:1].isalpha() and w.casefold() not in MINOR_WORDS]


def capitalised(words: list[str], share: float) -> bool:
    """At least ``share`` of the words start with a capital."""
    return sum(w[0].isupper() for w in words) >= share * len(words)


def _segments(title: str) -> list[str]:
    return [s for s in TITLE_SEPARATORS.split(title) if s.strip()]


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


def _is_site(segment: str, site_names: tuple[str, ...], host: str | None) -> bool:
    """True when a title segment names the site (its name, or its host name)."""
    squashed = _squash(segment)
    if not squashed:
        return True
    if any(squashed == _squash(name) for name in site_names if name):
        return True
    if host:
        domain = _squash(host.removeprefix("www.").rsplit(".", 1)[0])
        return len(squashed) >= 3 and (squashed in domain or domain in squashed)
    return False


def is_site_line(line: str, host: str | None) -> bool:
    """The line is the site's name and nothing else, as its host name spells it ("AI Chips
    News" on aichipsnews.com, "Business Insider" on africa.businessinsider.com): the logo at
    the head of a page, not its headline."""
    if not host:
        return False
    squashed = _squash(line)
    labels = host.lower().removeprefix("www.").split(".")[:-1]
    return len(squashed) >= 4 and any(squashed == _squash(label) for label in labels)


def strip_site_name(title: str | None, site_names: tuple[str, ...] = (), host: str | None = None) -> str | None:
    """The headline without the site name around it ("Headline | Outlet", "Outlet - Headline")."""
    if not title:
        return None
    title = " ".join(title.split())
    segments = _segments(title)
    if len(segments) < 2:
        return title
    while len(segments) > 1 and _is_site(segments[-1], site_names, host):
        segments.pop()
    while len(segments) > 1 and _is_site(segments[0], site_names, host):
        segments.pop(0)
    kept = title
    if len(segments) < len(_segments(title)):
        start = title.find(segments[0])
        end = title.rfind(segments[-1]) + len(segments[-1])
        kept = title[start:end]
    # A short last segment is a site or section name even when unrecognised, if what is
    # left still reads as a headline.
    if kept == title:
        tail = re.split(r"(\s+\|\s+)", kept)
        if len(tail) > 1 and len(tail[-1].split()) <= MAX_SITE_WORDS and len("".join(tail[:-2]).split()) >= 3:
            return "".join(tail[:-2])
        tail = re.split(r"(\s+[-–—]\s+)", kept)
        if len(tail) > 1 and len(tail[-1].split()) <= MAX_UNNAMED_SITE_WORDS and len("".join(tail[:-2]).split()) >= 4:
            return "".join(tail[:-2])
    return kept


# A date printed before the headline in a page's title ("Dec 18 2025 Preparing a transition").
LEADING_DATE_RE = re.compile(
    (r"^(?:(?:{m})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
     r"|\d{{1,2}}\s+(?:{m})[a-z]*\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
     r"\s*[:|–—-]?\s+").format(m=MONTH_NAMES), re.IGNORECASE)
# Words a headline keeps after its date is dropped.
MIN_WORDS_AFTER_DATE = 3


def _without_leading_date(title: str | None) -> str | None:
    """The title less a date printed before it, when a headline follows."""
    if not title or not (m := LEADING_DATE_RE.match(title)):
        return title
    rest = title[m.end():]
    return rest if len(_WORD.findall(rest)) >= MIN_WORDS_AFTER_DATE else title


def choose_title(h1: str | None, candidates: list[str], site_names: tuple[str, ...], host: str | None) -> str | None:
    """The page's headline: the <h1> when a meta title confirms it, else the best meta title.

    The <h1> is the headline a reader sees, but on many pages it is the site's logo or a
    section name; a meta title (site name removed) that shares its words confirms it.
    """
    stripped = [t for t in (_without_leading_date(strip_site_name(c, site_names, host)) for c in candidates) if t]
    h1 = _without_leading_date(" ".join((h1 or "").split()) or None)
    if h1 and not _is_site(h1, site_names, host):
        h1_words = set(_WORD.findall(h1.lower()))
        for title in stripped:
            title_words = set(_WORD.findall(title.lower()))
            if h1_words and title_words and len(h1_words & title_words) >= 0.8 * min(len(h1_words), len(title_words)):
                return h1
        if not stripped:
            return h1
    return stripped[0] if stripped else h1
