"""Lines that label a story rather than tell it: date lines, bylines, player times, counters.

Pages print them by the headline and around pictures ("Naomi Clarke", "Friday 19 July 2024
04:30 EDT", "Updated:", "0:00", "By Max Zahn"), and a text saved from a page keeps them as
lines of their own. No line of a story is only a date, a label or a number, so these rules
hold for any text; a bare name is a byline only under "Written by", or by the headline next
to a date or another byline. The date lines are handed back (``PageLabels.dates``): the
page can still be dated from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.ingest.bylines import (BYLINE_PREFIX, HEADLINE_WORDS, NAME_PARTICLES, NOT_A_NAME_WORDS, NOT_A_PERSON,
                                     ROLE_WORDS, person_names)
from extractor.ingest.furniture import stop_words
from extractor.ingest.printed_dates import DATELINE_DATE

# A weekday as pages print it ("Tue", "Tues.", "Tuesday").
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# The words around a printed date on a date line: labels, weekdays, times, time zones,
# reading times and separators ("Published 4 Sep 2024, 08:03 AM IST", "Tuesday, Jan 28,
# 2025 11:08 am ET 2min read", "and last updated 2023-07-26 14:52:49-04").
DATE_LINE_PARTS = re.compile(
    r"\b(?:first |last )?(?:published|updated|posted|added|modified|released|date[ds]?)\b"
    r"|\b(?:on|at|and|as of)\b"
    rf"|\b{WEEKDAY}\b\.?"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:[-+]\d{2}(?::?\d{2})?)?\s*(?:[ap]\.?\s?m\b\.?)?"
    r"|(?<![a-z])(?:[a-z]{1,2}[sd]t|gmt|utc|ist|et|pt|ct|bst|cet|cest|aest|aedt|jst|hkt|sgt)(?![a-z])"
    r"|\d+\s*(?:min(?:ute)?s?|hours?|days?|weeks?)\s*(?:read|ago)\b|\b(?:clock|ago|yesterday|today)\b"
    r"|(?<![\w.])\d{1,6}(?![\w.])"  # a counter printed after the age ("2 days ago 4")
    r"|[|•·/,:;()\[\]–—-]",
    re.IGNORECASE,
)
# A reading time or an age, which pages print where the date goes ("clock • 2 min read", "3 hours ago").
READ_TIME = re.compile(r"\d+\s*(?:min(?:ute)?s?|hours?|days?|weeks?)\s*(?:read|ago)\b", re.IGNORECASE)
# A count of a page's readers or reactions ("1.5K Views", "12 comments").
READER_COUNT = re.compile(r"\d[\d.,]*\s*[KkMm]?\s+(?:views?|comments?|shares?|likes?|reads?|reactions?)", re.IGNORECASE)
# Counts a page prints glued in one line ("1 min read325 views1 tags").
COUNTS_LINE = re.compile(r"(?:\s*\d[\d.,]*\s*[KkMm]?\s*(?:min(?:ute)?s?\s*read|views?|comments?|shares?|likes?|"
                         r"reads?|reactions?|tags?)(?![a-z]))+\s*", re.IGNORECASE)
# What separates the parts of a label line ("01/28/2025 // Cassie B. // 1.5K Views").
LABEL_SEPARATOR = re.compile(r"\s+(?://|\||•|·)\s+")
# A desk or bureau named as the author ("World Bulletin / News Desk", "Web Desk").
DESK_LINE = re.compile(r"(?:[A-Z][\w.&'’-]*\s*){0,4}[/|,–—-]?\s*(?i:(?:news|web|online|digital|city|foreign|business)\s+)?"
                       r"(?i:desk|bureau|newsroom)")
# Rows of a stock-quote table glued into one line ("FBFACEBOOK INC.177.87-3.24-1.79%") and their
# header ("TickerSecurityLastChange%Chg").
QUOTE_ROW = re.compile(r"[A-Z][\w .&,'’-]{0,40}?\d[\d,]*\.\d+[+-]\d[\d,]*\.\d+[+-]\d+(?:\.\d+)?%")
QUOTE_HEADER = re.compile(r"(?:ticker|symbol|security|company|name|last|price|change|chg|%\s*chg|%\s*change|volume|%){3,}",
                          re.IGNORECASE)
# A byline with the place the author writes from ("Jane Doe/London").
NAME_SLASH_PLACE = re.compile(r"(.+?)\s*/\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# A label that stands for a date printed beside it ("Updated:", "Published on").
LABEL_ONLY = re.compile(r"(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?|date)\s*:?", re.IGNORECASE)
# A label over the byline's name ("Written by", "Author:").
BY_LABEL = re.compile(r"(?:(?:written|posted|words|story|text) )?by\s*:?|authors?\s*:", re.IGNORECASE)
# A media player's clock ("0:00", "2:31 / 4:05") or a counter of shares or comments ("647").
COUNTER = re.compile(r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|\d{1,6}")
# A line with no letter or digit (an icon's glyph), or a close button ("x"); not a drop
# capital ("R" over "est of the paragraph").
NO_WORD = re.compile(r"\W*[x×]?\W*")
# A byline's words: capitalised names, particles and joiners ("By David Swan and Eryk Bagshaw",
# "By Samantha Subin, CNBC").
BYLINE_WORD = re.compile(rf"(?:[A-Z][\w.'’-]*|{NAME_PARTICLES}|and|&|\+|,|\|)")
NAME_WORD = re.compile(rf"(?:[A-Z][\w.'’-]*|{NAME_PARTICLES})")
INITIAL = re.compile(r"[A-Z]\.")
# A weekday printed before the date that ends a byline ("Written by Jane Doe Tue 4 Jan 2022").
WEEKDAY_END = re.compile(rf"(?:\s*\b{WEEKDAY}\b\.?,?)+\s*$", re.IGNORECASE)
MAX_BYLINE_WORDS = 10
# The word before a date the page printed in another element ("Written by Jane Doe on").
DANGLING_ON = re.compile(r"\s+(?:on|at)\s*$")
# No label line is longer (a paragraph is not looked at, which keeps the rules cheap).
MAX_LABEL_CHARS = 120
# A story prints its byline once, or twice (by the headline and after the story).
MAX_BYLINES = 2
# A byline's job title on the line below it ("Senior Reporter, Acme News").
MAX_ROLE_WORDS = 8
# Pages print the byline among a text's first lines (headline, standfirst, picture, caption)
# or its last.
HEADER_LINES = 12


@dataclass
class PageLabels:
    """The indexes of label lines among a text's lines, and the people bylines among them name."""

    lines: set[int] = field(default_factory=set)
    authors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # the date lines, which still date the page


# A label a page runs into the time zone before it ("10.01 EDTFirst published on …").
GLUED_LABEL = re.compile(r"(?<=[A-Z]{3})(?=(?:First|Last)\s+(?:published|modified|updated)\b)")


def is_date_line(line: str) -> bool:
    """A line holding a printed date and nothing but its labels, time and separators, or a
    date label alone ("Updated:")."""
    stripped = GLUED_LABEL.sub(" ", line.strip())
    if LABEL_ONLY.fullmatch(stripped):
        return True
    if DATELINE_DATE.search(stripped) is None and READ_TIME.search(stripped) is None:
        return False
    rest = DATE_LINE_PARTS.sub(" ", DATELINE_DATE.sub(" ", stripped))
    return not rest.strip()


def byline_names(line: str) -> list[str] | None:
    """The people of a "By ..." line ("ByMax Zahn", "By Samantha Subin, CNBC", "Updated | By
    AFP": no one), or None when the line is not a byline."""
    stripped = line.strip()
    label = re.match(r"(?:(?:last )?updated|published|posted)\s*[|•·:,-]\s*", stripped, re.IGNORECASE)
    stripped = stripped[label.end():] if label else stripped
    prefix = BYLINE_PREFIX.match(stripped)
    if prefix is None:
        return None
    rest = stripped[prefix.end():]
    if (date := _date_tail(rest)) is not None:
        rest = WEEKDAY_END.sub("", rest[:date])
    rest = DANGLING_ON.sub("", rest)  # "Written by Jane Doe on": the date printed apart
    words = re.findall(r"[^\s,|]+|[,|]", rest)
    if not words or len(words) > MAX_BYLINE_WORDS or not all(BYLINE_WORD.fullmatch(w) for w in words):
        return None
    if _headline_words(rest):
        return None
    names = person_names(rest, min_words=2)
    return names if names or NOT_A_PERSON.search(rest) else None


def _headline_words(text: str) -> bool:
    """Words of headlines and page labels ("By The Numbers"), which no name holds."""
    words = [word.strip(",.|").lower() for word in text.split() if not INITIAL.fullmatch(word)]
    return any(word in HEADLINE_WORDS or word in NOT_A_NAME_WORDS for word in words)


def _bare_name(line: str) -> str | None:
    """A line that is one person's name and nothing else ("Naomi Clarke", "Douglas A. McIntyre")."""
    stripped = line.strip()
    words = stripped.split()
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.fullmatch(word) for word in words) or _headline_words(stripped):
        return None
    if any(word.lower() in stop_words() for word in words if not INITIAL.fullmatch(word)):
        return None  # "Trade Now", "Read Next": a label, not a name
    return stripped if person_names(stripped, min_words=2) == [stripped] else None


def _name_and_place(line: str) -> str | None:
    """A byline by its shape alone: a name and the place it is written from ("Aditi Khanna/London")."""
    slash = NAME_SLASH_PLACE.fullmatch(line.strip())
    return _bare_name(slash.group(1)) if slash else None


def _name_and_date(line: str) -> str | None:
    """A name and a date on one line ("Leah Barkoukis | July 19, 2024 8:30 AM"): the name."""
    if (date := _date_tail(line)) is None:
        return None
    return _bare_name(re.sub(r"[\s|•·,–—-]+$", "", line[:date]))


def _label_parts(line: str) -> tuple[bool, list[str]] | None:
    """A line of labels between separators, each a date, a reader count or a name, with at
    least one date or count ("01/28/2025 // Cassie B. // 1.5K Views"): whether it has a date,
    and the names; None for any other line."""
    parts = LABEL_SEPARATOR.split(line)
    if len(parts) < 2:
        return None
    dated, names = False, []
    for part in parts:
        if is_date_line(part):
            dated = True
        elif (name := _bare_name(part)) is not None:
            names.append(name)
        elif not READER_COUNT.fullmatch(part):
            return None
    return (dated, names) if len(names) < len(parts) else None


def _date_tail(text: str) -> int | None:
    """Where a date line that ends ``text`` starts ("Leah Barkoukis | July 19, 2024 8:30 AM":
    at "July"), or None."""
    date = DATELINE_DATE.search(text)
    return date.start() if date is not None and is_date_line(text[date.start():]) else None


def page_labels(lines: list[str]) -> PageLabels:
    """The label lines of a text (see the module docstring), with the authors their bylines name."""
    found = PageLabels()
    kinds: dict[int, str] = {}
    bylines: dict[int, list[str]] = {}
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_LABEL_CHARS:
            continue
        if COUNTER.fullmatch(stripped) or NO_WORD.fullmatch(stripped):
            kinds[i] = "counter"
        elif BY_LABEL.fullmatch(stripped):
            kinds[i] = "by"
        elif is_date_line(stripped):
            kinds[i] = "date"
        elif (name := _name_and_date(stripped)) is not None:
            kinds[i] = "date"
            found.authors.append(name)
        elif (parts := _label_parts(stripped)) is not None:
            kinds[i] = "date" if parts[0] else "counter"
            found.authors.extend(parts[1])
        elif READER_COUNT.fullmatch(stripped) or COUNTS_LINE.fullmatch(stripped):
            kinds[i] = "counter"
        elif (names := byline_names(stripped)) is not None:
            kinds[i] = "byline"
            bylines[i] = names
        elif DESK_LINE.fullmatch(stripped):
            kinds[i] = "byline"
        elif QUOTE_ROW.fullmatch(stripped) or (" " not in stripped and QUOTE_HEADER.fullmatch(stripped)):
            kinds[i] = "counter"
    if len(bylines) > MAX_BYLINES:  # "Author: …" lines all through a text are part of it (a list of books)
        kinds = {i: kind for i, kind in kinds.items() if i not in bylines}
    else:
        found.authors.extend(name for names in bylines.values() for name in names)
    labels = {i for i, kind in kinds.items() if kind != "counter"}
    filled = [i for i, line in enumerate(lines) if line.strip()]
    head = filled[:HEADER_LINES]  # a bare name is a byline by the headline, beside a date or a label
    for before, i, after in zip([None, *head], head, [*filled[1:HEADER_LINES + 1], None]):
        if i in labels or len(lines[i]) > MAX_LABEL_CHARS:
            continue
        if (before in labels or after in labels) and (name := _bare_name(lines[i])):
            kinds[i] = "byline"
            found.authors.append(name)
        elif before is not None and (name := _name_and_place(lines[i])):  # under the headline
            kinds[i] = "byline"
            found.authors.append(name)
    for before, i in zip(filled, filled[1:]):  # "Written by" over a name, wherever the page prints it
        if kinds.get(before) == "by" and i not in kinds and (name := _bare_name(lines[i])):
            kinds[i] = "byline"
            found.authors.append(name)
    for before, i in zip(filled, filled[1:]):  # "Founder and Editor, The Tech Capital" under the byline
        line = lines[i].strip()
        if kinds.get(before) == "byline" and i not in kinds and len(line.split()) <= MAX_ROLE_WORDS \
                and ROLE_WORDS.search(line) and not line.endswith((".", "!", "?")):
            kinds[i] = "role"
    found.lines = set(kinds)
    found.dates = [lines[i].strip() for i, kind in sorted(kinds.items()) if kind == "date"]
    found.authors = list(dict.fromkeys(found.authors))
    return found
