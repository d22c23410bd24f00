"""Dates, resolved in one place: a date expression in article text to one ISO day
(``resolve_date``), an ISO date or its year/month prefix to a range of days
(``date_range``, for the query index), and a date as people type it in a query to a day
(``day_number``).

In article text only a single day resolves: weekdays ("on Monday": the latest such
weekday on or before publication, the publication day itself included),
``today``/``yesterday``/``tomorrow``, and day-and-month forms ("10 January", "Dec. 20",
resolved by dateparser with the publication date as base, preferring the past). Weeks,
months and years ("last week", "in June", "March 2020") give None there; a year alone or a
month and its year resolve apart, to an ISO prefix (``resolve_month_or_year``). Without a
publication date only a fully written date (day, month and year) resolves; nothing is guessed."""

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
def resolve_date(expression: str, published: str | None) -> str | None:
    """ISO date of a single-day expression, relative to the publication date, else None."""
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
        import dateparser

        base_dt = dt.datetime(base.year, base.month, base.day)
        parsed = dateparser.parse(
            f"{day} {list(MONTHS)[month - 1]}",
            languages=["en"],
            settings={"RELATIVE_BASE": base_dt, "PREFER_DATES_FROM": "past"},
        )
        return parsed.date().isoformat() if parsed else None
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
        back = (base.weekday() - target) % 7
        if (m.group("rel") or "").lower() == "last" and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
    return None


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


# An ISO date or its year/month prefix ("2025-01-27", "2025-01", "2025").
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
# A year or a year and month alone: a range of days, not one day.
ISO_PREFIX_RE = re.compile(r"^\d{4}(-\d{2})?$")


@lru_cache(maxsize=65536)
def date_range(value: str | None) -> tuple[int, int] | None:
    """An ISO date (or its year/month prefix) as an inclusive ``YYYYMMDD`` range; None if absent or odd."""
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
