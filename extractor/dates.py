"""Dates, resolved in one place: a date expression in article text to one ISO day
(``resolve_date``), an ISO date or its year/month prefix to a range of days
(``date_range``, for the query index), and a date as people type it in a query to a day
(``day_number``).

In article text only a single day resolves: weekdays ("on Monday": the latest such
weekday on or before publication, the publication day itself included),
``today``/``yesterday``/``tomorrow``, and day-and-month forms ("10 January", "Dec. 20",
in the year nearest the publication date, the past favoured two to one). Weeks,
months and years ("last week", "in June", "March 2020") give None there; a year alone or a
month and its year resolve apart, to an ISO prefix (``resolve_month_or_year``), and so do
periods named from publication (``resolve_period``: "the second quarter" as an ISO
interval, "in July", "last year", "last summer"). Without a publication date only a fully
written date resolves (a day, month and year; a quarter and its year); nothing is guessed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

# Month names and abbreviations -> month number.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
# Month names that are also common words: months only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "jun", "sat"})
# Days named relative to publication.
RELATIVE_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# A weekday with an optional "last/this/next".
WEEKDAY_RE = re.compile(r"\b(?P<rel>last|this|next|past)?\s*(?P<day>%s)\b" % "|".join(WEEKDAYS), re.I)
# "10 January", "Jan. 24", "December 20, 2024".
DAY_MONTH_RE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>%s)\.?|(?P<m2>%s)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?![\w])(?:,?\s+(?P<y>\d{4}))?"
    % ("|".join(sorted(MONTHS, key=len, reverse=True)), "|".join(sorted(MONTHS, key=len, reverse=True))),
    re.I,
)


def published_day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # A "publication date" in year 1 or 9999 is a placeholder, and days counted from it overflow.
    return day if dt.MINYEAR < day.year < dt.MAXYEAR else None


@lru_cache(maxsize=4096)
def resolve_date(expression: str, published: str | None, future: bool = False) -> str | None:
    """ISO date of a single-day expression, relative to the publication date, else None.
    ``future``: the sentence tells of what will happen ("ministers will meet on Wednesday"),
    so a bare weekday is the next one after publication, not the last."""
    base = published_day(published)
    text = expression.strip()
    low = text.lower()
    m = DAY_MONTH_RE.search(text)
    if m:
        day = int(m.group("d1") or m.group("d2"))
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        if m.group("y"):
            try:
                return dt.date(int(m.group("y")), month, day).isoformat()
            except ValueError:
                return None
        if base is None:
            return None
        found = _nearest_day(base, month, day)
        return found.isoformat() if found else None
    if base is None:
        return None
    for word, delta in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", low):
            return (base + dt.timedelta(days=delta)).isoformat()
    m = WEEKDAY_RE.search(text)
    if m and not re.search(r"\b(?:weeks?|months?|years?)\b", low):
        if (m.group("rel") or "").lower() == "next":
            return None
        target = WEEKDAYS[m.group("day").lower()]
        if future and not m.group("rel"):  # the next one, or the day itself ("later on Friday")
            return (base + dt.timedelta(days=(target - base.weekday()) % 7)).isoformat()
        back = (base.weekday() - target) % 7
        if (m.group("rel") or "").lower() == "last" and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
    return None


def _nearest_day(base: dt.date, month: int, day: int) -> dt.date | None:
    """The day and month written without a year, in the year that puts it nearest the
    publication date, the past favoured two to one: news tells of what happened, but "the
    election will be held on October 17" in August is this October, not last."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # "29 February" in a year without it
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: (base - d).days if d <= base else 2 * (d - base).days)


# A year alone or a month and its year, as the whole expression ("2023", "in 2023",
# "September 2024", "Sept. 2024"): a period, never one day.
MONTH_YEAR_RE = re.compile(
    r"(?:in\s+)?(?:(?P<m>%s)\.?,?\s+)?(?P<y>(?:19|20)\d\d)" % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)


def resolve_month_or_year(expression: str) -> str | None:
    """The ISO prefix ("2023", "2024-09") of an expression that is only a year, or a month
    and its year; None for anything else (a day, a week, "2022 to 2024")."""
    m = MONTH_YEAR_RE.fullmatch(expression.strip())
    if not m:
        return None
    if m.group("m"):
        word = m.group("m")
        if word.lower() in AMBIGUOUS_MONTHS and not word[0].isupper():
            return None
        return f"{m.group('y')}-{MONTHS[word.lower()]:02d}"
    return m.group("y")


# A part of a year: a calendar quarter ("the second quarter", "second-quarter", "Q2", "2Q", "a
# third quarter net loss" as the model's date entity takes the article), a
# half ("the first half", "H1", "first-half") or the months since New Year ("the first nine
# months"), maybe with its year ("Q2 2018", "the fourth quarter of 2017", "2018 Q2", "the
# second half of the year").
YEAR_PART_RE = re.compile(
    r"^(?:the\s+|a\s+)?(?:(?P<y0>(?:19|20)\d\d)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|half)"
    r"|Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H|first\s+(?P<n>three|six|nine|\d{1,2})\s+months)"
    r"(?:,?\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|the\s+year))?$", re.I)
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
MONTH_COUNTS = {"three": 3, "six": 6, "nine": 9}
# A quarter named from publication: "this quarter", "last quarter", "the previous quarter".
NAMED_QUARTER_RE = re.compile(r"^(?P<rel>this|current|the\s+current|last|the\s+previous|the\s+prior|next)\s+quarter$", re.I)
# A month alone ("in July", "early March"), a year or month named from publication ("last
# year", "this month"), and a season named so ("last summer", "this past winter").
MONTH_ALONE_RE = re.compile(r"^(?:in\s+)?(?:the\s+(?:\w+\s+months?|\w+\s+weeks|year)\s+(?:to|through|ending|ended)\s+)?"
                            r"(?:(?:early|late|mid)[\s-]+)?(?P<m>%s)\.?$"
                            % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)
NAMED_YEAR_RE = re.compile(r"^(?P<rel>last|this)\s+(?P<unit>year|month)$", re.I)
SEASON_RE = re.compile(r"^(?P<rel>last|this past|this|past)\s+(?P<season>spring|summer|autumn|fall|winter)$", re.I)
# Each season's first month and length in months (the northern seasons English news means).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _last_day(first: dt.date, months: int) -> dt.date:
    """The last day of the ``months``-long period ``first`` opens."""
    end_month = first.month + months - 1
    year, month = first.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _interval(first: dt.date, months: int) -> str:
    """``first`` to the last day of the ``months``-long period it opens, as an ISO interval."""
    return f"{first.isoformat()}/{_last_day(first, months).isoformat()}"


def _nearest_month(base: dt.date, month: int, future: bool, past: bool) -> str:
    """A month named without a year: told in the past tense, the latest begun by publication
    ("in December, the firm bid $16.50" in November is last December); of what will happen,
    the next one; else the one nearest publication, the past favoured two to one as for a
    day (``_nearest_day``): "a 70% chance of a cut in August" in June is this August."""
    count = base.year * 12 + base.month - 1
    back = (base.month - month) % 12      # months since the latest such month began
    ahead = (month - base.month) % 12     # months to the next one (0: this month)
    if future or (not past and ahead and 2 * ahead < back):
        count += ahead
    else:
        count -= back
    return f"{count // 12}-{count % 12 + 1:02d}"


def _year_part(m: re.Match, base: dt.date | None) -> str | None:
    """The interval a ``YEAR_PART_RE`` match names: in its year if it gives one, else the
    latest such part begun by publication (the months since New Year: the latest ended by
    then, as they are reported once over); None for "the third half" or with no year to go by."""
    if m.group("n"):
        months, first_month = MONTH_COUNTS.get(m.group("n").lower()) or int(m.group("n")), 1
        if not 1 <= months <= 12:
            return None
        begun = base is not None and base.month > months
    else:
        if m.group("part"):
            number, months = QUARTER_ORDINALS[m.group("ord").lower()], 3 if m.group("part").lower() == "quarter" else 6
        else:
            number, months = int(m.group("q") or m.group("q2") or m.group("h") or m.group("h2")), 3 if m.group("q") or m.group("q2") else 6
        if number * months > 12:
            return None
        first_month = months * (number - 1) + 1
        begun = base is not None and base.month >= first_month
    year = m.group("y") or m.group("y0")
    if year is None:
        if base is None:
            return None
        year = base.year if begun else base.year - 1
    return _interval(dt.date(int(year), first_month, 1), months)


@lru_cache(maxsize=4096)
def resolve_period(expression: str, published: str | None, future: bool = False, past: bool = False) -> str | None:
    """A period a figure is of, from a date expression that names no day: a calendar quarter,
    half or the months since New Year (an ISO interval; see ``_year_part``; a fiscal quarter,
    whose calendar only the company knows, is None), a quarter named from publication ("last
    quarter"), a month alone (the one nearest publication, the past favoured: see
    ``_nearest_month``), "last"/"this" year or month, and a
    season named from publication ("last summer": the latest one ended by then; "this
    summer" only while it lasts), as an interval. None for anything else, or without a
    publication date where one is needed. ``future``: told of what will happen (see
    ``resolve_date``); ``past``: told in the past tense."""
    text = re.sub(r"\s+", " ", expression.strip())
    base = published_day(published)
    if (m := YEAR_PART_RE.match(text)) is not None:
        return _year_part(m, base)
    if base is None:
        return None
    if (m := NAMED_QUARTER_RE.match(text)) is not None:
        rel = m.group("rel").split()[-1].lower()
        count = base.year * 4 + (base.month - 1) // 3 + {"last": -1, "previous": -1, "prior": -1, "next": 1}.get(rel, 0)
        return _interval(dt.date(count // 4, 3 * (count % 4) + 1, 1), 3)
    if (m := MONTH_ALONE_RE.match(text)) is not None:
        word = m.group("m")
        if word.lower() in AMBIGUOUS_MONTHS and not word[0].isupper():
            return None
        return _nearest_month(base, MONTHS[word.lower()], future, past)
    if (m := NAMED_YEAR_RE.match(text)) is not None:
        back = 1 if m.group("rel").lower() == "last" else 0
        if m.group("unit").lower() == "year":
            return str(base.year - back)
        month = base.month - back
        return f"{base.year if month else base.year - 1}-{month or 12:02d}"
    if (m := SEASON_RE.match(text)) is not None:
        first_month = SEASONS[m.group("season").lower()]
        year = base.year if first_month <= base.month else base.year - 1  # the latest one begun by publication
        first = dt.date(year, first_month, 1)
        ended = _last_day(first, 3) < base
        if m.group("rel").lower() == "this":
            return None if ended else _interval(first, 3)  # "this summer" while it lasts, else ahead or behind
        if not ended:
            first = dt.date(year - 1, first_month, 1)  # "last summer": the latest one over by publication
        return _interval(first, 3)
    return None


# An ISO date or its year/month prefix ("2025-01-27", "2025-01", "2025").
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
# A year or a year and month alone: a range of days, not one day.
ISO_PREFIX_RE = re.compile(r"^\d{4}(-\d{2})?$")


@lru_cache(maxsize=65536)
def date_range(value: str | None) -> tuple[int, int] | None:
    """An ISO date (or its year/month prefix, or an interval of two) as an inclusive
    ``YYYYMMDD`` range; None if absent or odd."""
    if value and "/" in value:
        first, _, last = value.partition("/")
        a, b = date_range(first), date_range(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    match = ISO_DATE_RE.match(value or "")
    if not match:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return year * 10000 + 101, year * 10000 + 1231
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return year * 10000 + m * 100 + 1, year * 10000 + m * 100 + calendar.monthrange(year, m)[1]
    d = year * 10000 + m * 100 + int(day)
    return d, d


def day_number(text: str, *, end: bool = False) -> int | None:
    """A date as people write it ("2025-01-27", "27 Jan 2025", "last week") as ``YYYYMMDD``,
    else None. A year or month alone stands for its first day, or its last with ``end``."""
    value = text.strip()
    if ISO_PREFIX_RE.match(value):
        span = date_range(value)
        if span:
            return span[1] if end else span[0]
    import dateparser  # slow to import; only dates that are not ISO need it

    parsed = dateparser.parse(value, settings={
        "PREFER_DAY_OF_MONTH": "last" if end else "first", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    return parsed.year * 10000 + parsed.month * 100 + parsed.day
