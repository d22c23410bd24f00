"""Dates as pages print them and URLs carry them: "Nov. 13, 2019", "13.11.2019", /2019/11/13/.

Read with a small parser rather than dateparser (ingest speed); each reader returns an ISO
day or None, never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.ingest.metadata import split_url

# Printed dates before this year are history in the text, not the page's date.
MIN_YEAR = 1990
# Words that label a printed date as a later revision rather than the publication.
UPDATE_LABEL = re.compile(r"updat|modif|revis|refresh|edited")
# The date printed with a headline sits within this many characters after it (a later
# date there is often another story's).
HEADER_DATE_CHARS = 400
# A date in a URL path: /2024/03/05/, /2024-03-05/, /20240305/.
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
# A timestamp glued into a slug, to the minute: "…-collapse202403280906450015/".
URL_TIMESTAMP_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d")
# The same unpadded, as folders of a path only: /2025/1/28/.
URL_UNPADDED_DATE = re.compile(r"/((?:19|20)\d{2})/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?=/|$)")
# The same with the month as a word: /2023/october/03/.
URL_MONTH_NAME_DATE = re.compile(
    r"/((?:19|20)\d{2})/(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)/(0?[1-9]|[12]\d|3[01])(?=/|$)"
)
MONTH_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# How a month's name begins as pages print it ("Jan", "Sept", "September"), for patterns.
MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# A month's whole name or its abbreviation, and no other word ("Mar" and "March", not "markets").
MONTH_WORDS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
               "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# A date printed with a byline: "Nov 13, 2019", "November 4th, 2025", "13 November 2019",
# "11/19/19", "13.11.2019" (dotted dates are written day first), "2019-11-19" (also with a
# time); a day may be glued to a name before it ("Robin de Peyer24 June 2016").
DATELINE_DATE = re.compile(
    (r"(?:\b(?:{m})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
     r"|(?<!\d)(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{m})[a-z]*\.?,?\s+\d{{4}}"
     r"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\b|(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?=T\d|\b))").format(m=MONTH_NAMES),
    re.IGNORECASE,
)

# Every printed date holds a four-digit year or a slashed day and month ("11/19/19"): a long
# text is searched for DATELINE_DATE only around those anchors, which most of it lacks (the
# full pattern tried at every character cost a millisecond an article). A date starts at most
# ANCHOR_LEAD_CHARS before its anchor ("September 30th, 2019" is 16) and ends by the first
# white space at least ANCHOR_TAIL_CHARS after it ("2019-11-13T10:00").
_DATE_ANCHOR = re.compile(r"\d{4}|\d/\d")
ANCHOR_LEAD_CHARS = 40
ANCHOR_TAIL_CHARS = 12
_WHITESPACE = re.compile(r"\s")


def printed_dates(text: str) -> Iterator[re.Match]:
    """``DATELINE_DATE.finditer(text)``, found by searching only near the anchors of a date."""
    windows: list[list[int]] = []
    for anchor in _DATE_ANCHOR.finditer(text):
        start = max(0, anchor.start() - ANCHOR_LEAD_CHARS)
        space = _WHITESPACE.search(text, anchor.end() + ANCHOR_TAIL_CHARS)
        end = space.start() if space else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    done = 0
    for start, end in windows:
        for match in DATELINE_DATE.finditer(text, max(start, done), end):
            done = match.end()
            yield match


def date_from_url(url: str | None) -> str | None:
    """The date in a URL's path (/2024/03/05/, /2024/march/05/, a slug's timestamp and the
    like), as YYYY-MM-DD."""
    if not url:
        return None
    parts = split_url(url)
    path = parts.path if parts else ""
    if match := URL_DATE.search(path):
        return f"{match.group(1)}-{match.group(3)}-{match.group(4)}"
    if match := URL_TIMESTAMP_DATE.search(path):
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    if match := URL_UNPADDED_DATE.search(path):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            return None
    if match := URL_MONTH_NAME_DATE.search(path.lower()):
        month = MONTH_NUMBERS[match.group(2)[:3]]
        return f"{match.group(1)}-{month:02d}-{int(match.group(3)):02d}"
    return None


def printed_date(text: str, weekday: str | None = None) -> str | None:
    """A date as pages print it ("Nov. 13, 2019", "13 November 2019", "11/13/19", "13.11.2019",
    "2019-11-13") as YYYY-MM-DD; slashed dates read month first, as dateparser does by default
    (day first when only that makes a date: "27/01/2025"), dotted ones day first, as most
    countries that write them do; either the other way round when only that falls on the
    ``weekday`` printed before it ("Thu, 5/12/2024" is 5 December)."""
    day = _printed_date(text)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if day is None or weekday is None or len(numbers) < 3 or not ("/" in text or "." in text) \
            or not (numbers[0] <= 12 and numbers[1] <= 12) or _weekday(day) == weekday.casefold():
        return day
    swapped = _printed_date(FIRST_TWO_NUMBERS_RE.sub(r"\3\2\1", text, count=1))
    return swapped if swapped is not None and _weekday(swapped) == weekday.casefold() else day


# The first two numbers of a slashed or dotted date and what joins them ("5/12" of "5/12/2024").
FIRST_TWO_NUMBERS_RE = re.compile(r"(\d+)([/.])(\d+)")


def _weekday(day: str) -> str:
    return dt.date.fromisoformat(day).strftime("%A").casefold()


# A weekday's name (or its usual abbreviation) right before a date ("Thu, 5/12/2024").
WEEKDAY_BEFORE_RE = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s*\Z", re.I)
WEEKDAY_NAMES = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
                 "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}


def weekday_before(text: str, start: int) -> str | None:
    """The weekday printed right before ``start``, as its full name, else None."""
    m = WEEKDAY_BEFORE_RE.search(text, max(0, start - 14), start)
    return WEEKDAY_NAMES[m.group(1).casefold()] if m else None


def _printed_date(text: str) -> str | None:
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
        else:  # month first, unless only day first makes a date ("27/01/2025")
            month, day, year = numbers[:3] if numbers[0] <= 12 else (numbers[1], numbers[0], numbers[2])
            value = dt.date(year + 2000 if year < 100 else year, month, day)
    except (ValueError, KeyError, TypeError):
        return None
    return value.isoformat()


@dataclass(frozen=True)
class PrintedDate:
    """A date printed next to the headline: its day and whether a label calls it an update."""

    day: str
    updated: bool


def header_dates(header: tuple[str, str]) -> list[PrintedDate]:
    """Dates printed next to the headline, nearest first: those after it, else those just before it."""
    for window, after in ((header[0][:HEADER_DATE_CHARS], True), (header[1], False)):
        dates = []  # (distance from the headline, date)
        for match in DATELINE_DATE.finditer(window):
            day = printed_date(match.group(0), weekday_before(window, match.start()))
            if day and MIN_YEAR <= int(day[:4]) <= _this_year() + 1:
                label = window[max(0, match.start() - 30):match.start()].lower()
                distance = match.start() if after else len(window) - match.end()
                dates.append((distance, PrintedDate(day[:10], bool(UPDATE_LABEL.search(label)))))
        if dates:
            return [date for _, date in sorted(dates, key=lambda pair: pair[0])]
    return []


def _this_year() -> int:
    return dt.date.today().year
