"""The publication date of an article whose metadata gives none, found in the article itself.

Most pages as crawled, and most text dumps, come without a stated date; claims about
"Monday" cannot be dated without one. What a reader would look at, most trusted first
(each is one value of ``Article.published_source``):

- ``url``: a full date in the URL's path (/2018/08/15/, /2025/1/28/): the publishing system wrote it;
- ``dateline``: a full date printed at the top of the text, on a line of its own
  ("Thursday, 6 October 2016"), labelled ("Published: Aug. 15, 2018 8:05 AM",
  "date 2018-08-15"), or opening a short line or the first paragraph ("ROME, Aug. 15,
  2018 -"); a date labelled "Updated" only when no other is printed there;
- ``inferred``: the latest full date written anywhere in the text that is not after the
  day the page was fetched (or today): a report is written after what it reports, and
  its own date is usually the latest it mentions; dates the story looks back to ("since
  May 3, 2018", "dating back to", "born on") are history and left out, as are the days it
  looks ahead to ("removed by May 10", "due on June 3"), and so is a quarter's
  last day a figure stands "as of" (a company's accounts); a day written
  without its year ("on Jan. 27") takes the latest full date's year and counts when it
  falls within six weeks after it (a photo caption's "Jan. 6, 2025" does not date a
  report of "Jan. 27");
- ``fetched``: the day a crawler fetched the page, an upper bound (WARC input);
- ``none``.

Otherwise only full dates (day, month and year) count: "on Monday" or "June 24" say nothing alone.
"""

from __future__ import annotations

import datetime as dt
import re

from extractor.ingest.printed_dates import (
    MIN_YEAR, MONTH_NUMBERS, MONTH_WORDS, UPDATE_LABEL, date_from_url, printed_date, printed_dates, weekday_before,
)

# The top of the text where a dateline is printed: this many non-blank lines...
DATELINE_LINES = 8
# ...and, on a line, this many characters before the date (a place name, a label, a byline).
DATELINE_LEAD_CHARS = 60
# What separates a dateline from what follows it on its line ("• 2 min read", "| Updated").
SEPARATOR = re.compile(r"\s[•·|–—-]\s|\s{2,}")
# Lower-case words of a time of day after a date ("8:05 am", "4:12 p.m.").
TIME_WORDS = frozenset({"am", "pm", "a", "p", "m", "at"})
_WORDS = re.compile(r"[^\W\d_][\w'’]*")
# Labels that say a date is the publication's ("Published:", "Posted", "date").
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|date[d]?|first published|filed)\b\s*:?\s*(?:on\s+)?\W*$", re.I)
# Words that introduce a date the story looks back to, not one it reports ("the lowest close
# since May 3, 2018", "dating back to 4 June 1989", "born on", "was last seen on"): such a
# date is history, never the report's own, and is left out of the latest-date inference; so is the
# end of a period a company reports on ("the fiscal year that ended on June 30, 2024").
LOOKBACK_CUE = re.compile(
    r"\b(?:since|back to|dat(?:ing|es|ed) (?:back )?to|as (?:early|far back|long ago) as|until|till|prior to|before"
    r"|previous(?:ly)?|earlier|last (?:seen|year|time)|born|died|founded|established|opened|record(?:ed)? (?:set )?"
    r"|(?:year|quarter|period|half|month)(?: that)? end(?:ed|ing|s)?)"
    r"(?:\s+(?:on|in))?(?:\s+(?:the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)?\s*$",
    re.I,
)
# Characters before a date searched for such a cue.
LOOKBACK_CHARS = 40
# What ends a dateline's lead-in before the story begins: a dash after the date.
DATELINE_DASH = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\w*\s*)?[-–—]")


def infer_published(text: str, *, head: str | None = None, url: str | None = None, fetched: str | None = None,
                    today: dt.date | None = None) -> tuple[str | None, str]:
    """(ISO day or None, source) for an article whose metadata states no date.

    ``text`` is the clean body, searched for the latest date; ``head`` the text as it came
    (page furniture and all, where a dateline may sit above the headline), searched for a
    dateline, else ``text`` is. ``fetched`` (ISO) bounds the inferred date from above, else
    ``today`` (default: the system's date).
    """
    if day := date_from_url(url):
        return day, "url"
    if day := dateline_date(head if head is not None else text):
        return day, "dateline"
    latest = _fetched_day(fetched) or today or dt.date.today()
    if day := latest_date(text, not_after=latest):
        return day, "inferred"
    if fetched:
        return fetched[:10], "fetched"
    return None, "none"


def dateline_date(text: str) -> str | None:
    """A full date printed at the top of the text (see the module docstring), as YYYY-MM-DD.

    A site's date of the day, which a page's top bar prints with its weekday above the
    navigation ("Saturday, December 6, 2025"), is not the article's when an earlier full date
    is printed alone a few lines further down, under the headline ("January 28, 2025"): a page
    is read on or after the day it was published."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    day, index = _dateline_at(lines[:DATELINE_LINES])
    if day is not None and index is not None and WEEKDAY_OPENING_RE.match(lines[index]):
        below = _menu_and_head(lines[index + 1:])
        later, at = _dateline_at(below)
        if later is not None and dt.date.fromisoformat(later) <= dt.date.fromisoformat(day) - WIDGET_AFTER \
                and (at is None or not NAMED_BEFORE_DATE_RE.match(below[at])):
            return later  # (not a photo's caption: "Trump on October 6, 2017")
    return day


def _menu_and_head(lines: list[str]) -> list[str]:
    """The lines under a top bar's date where the article's own date may be printed: the first
    ``WIDGET_GAP_LINES``, then on through a navigation menu of short lines (a site's menu may
    run to dozens of entries, printed twice) up to the first line of prose."""
    head = lines[:WIDGET_GAP_LINES]
    for line in lines[WIDGET_GAP_LINES:WIDGET_GAP_LINES + MENU_LINES]:
        if len(line) > PROSE_LINE_CHARS:
            break
        head.append(line)
    return head


# A name before a date on its line: a caption's "who, on which day", not a date line.
NAMED_BEFORE_DATE_RE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:on|in|at)\s")


# A date opening with its weekday ("Saturday, December 6, 2025"), as a site's top bar prints the day.
WEEKDAY_OPENING_RE = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
# How many lines under such a date the article's own is looked for, and how much earlier it
# is at least (a day or two apart, either may be the article's: the first one stays).
WIDGET_GAP_LINES = 16
# How many more lines a navigation menu may run to, and the length of a line that is prose, not a
# menu's entry or a headline.
MENU_LINES = 120
PROSE_LINE_CHARS = 200
WIDGET_AFTER = dt.timedelta(days=7)


def _dateline_at(lines: list[str]) -> tuple[str | None, int | None]:
    """The dateline among ``lines`` and the index of its line (None for an "Updated" one)."""
    updated = None
    for index, line in enumerate(lines):
        if (short := LABELLED_SHORT_DOTTED_DATE.search(line)) is not None and (day := _short_dotted_day(short)):
            return day, index  # "PTI New York Published 01.04.24, 06:58 PM"
        for match in printed_dates(line):
            day = printed_date(match.group(0), weekday_before(line, match.start()))
            if not day or int(day[:4]) < MIN_YEAR:
                continue
            lead, rest = line[:match.start()], line[match.end():]
            labelled = PUBLISHED_LABEL.search(lead[-30:]) is not None
            opens = len(lead) <= DATELINE_LEAD_CHARS and DATELINE_DASH.match(rest) is not None
            if not (labelled or opens or _stands_alone(lead, rest)):
                continue
            if UPDATE_LABEL.search(lead[-30:].lower()):
                updated = updated or day
                continue
            return day, index
    return updated, None


# A date labelled as the publication's, dotted with a two-digit year ("Published 01.04.24",
# as Indian and European sites print it: day first); unlabelled, such digits may be a version
# or a score, so only the label makes them a date.
LABELLED_SHORT_DOTTED_DATE = re.compile(
    r"\b(?:published|posted|first published)\s*:?\s*(?:on\s+)?(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", re.I)


def _short_dotted_day(match: re.Match) -> str | None:
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(2000 + year, month, day).isoformat()
    except ValueError:
        return None


def _stands_alone(lead: str, rest: str) -> bool:
    """True when the words around a date are a label, a name or a time, not a sentence: at
    most one lower-case word before it ("date", "clock", "de" in a name) and none after it
    up to a separator ("6 October 2016 • 2 min read", not "May 3, 2018, when it closed")."""
    after = SEPARATOR.split(rest, maxsplit=1)[0]
    lower = sum(word[0].islower() for word in _WORDS.findall(lead))
    return (len(lead) <= DATELINE_LEAD_CHARS and lower <= 1
            and not any(word[0].islower() for word in _WORDS.findall(after) if word.lower() not in TIME_WORDS))


def latest_date(text: str, *, not_after: dt.date) -> str | None:
    """The latest full date written in the text that is not after ``not_after`` and not introduced
    as history (``LOOKBACK_CUE``), as YYYY-MM-DD.

    A day written without its year ("on Jan. 27") is of the latest full date's year when the
    story goes on past that date: a photo caption's "Jan. 6, 2025" does not date a report of
    "Jan. 27"; such a day counts when it falls within ``YEARLESS_WITHIN_DAYS`` after it."""
    days = []
    for match in printed_dates(text):
        if _looks_back(text, match.start(), match.end()) or _record_of_another_day(text, match.start()) \
                or _deadline(text, match.start()):
            continue
        day = printed_date(match.group(0))
        if not _balance_sheet_day(text, match.start(), day):
            days.append(day)
    bound = not_after.isoformat()
    valid = [day for day in days if day and MIN_YEAR <= int(day[:4]) and day <= bound]
    latest = max(valid, default=None)
    if latest is None:
        return None
    full = dt.date.fromisoformat(latest)
    later = [day for day in _yearless_days(text, full.year)
             if full < day <= min(not_after, full + dt.timedelta(days=YEARLESS_WITHIN_DAYS))]
    return max(later).isoformat() if later else latest


# How far after the latest full date a day written without its year may date the report.
YEARLESS_WITHIN_DAYS = 45
# A month and day with no year after them: "Jan. 27", "January 27th", "27 January".
YEARLESS_DATE = re.compile(
    (r"\b(?P<m1>{m})\b\.?[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
     r"(?!,?\s+\d{{4}}|[\d:])|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m2>{m})"
     r"\b\.?(?!,?\s+\d{{4}})").format(m=MONTH_WORDS),
    re.IGNORECASE,
)


def _yearless_days(text: str, year: int) -> list[dt.date]:
    """Days written as a month and a day in ``year``, not introduced as history."""
    out = []
    for match in YEARLESS_DATE.finditer(text):
        if _looks_back(text, match.start(), match.end()) or _deadline(text, match.start()):
            continue
        month_word, day = (match.group("m1"), match.group("d1")) if match.group("m1") else (match.group("m2"), match.group("d2"))
        if month_word[0].islower() and month_word.lower() == "may":
            continue  # "may 3" is a verb and a number
        try:
            out.append(dt.date(year, MONTH_NUMBERS[month_word[:3].lower()], int(day)))
        except ValueError:
            continue
    return out


# A clause in the past perfect right after a date ("On January 22, 2025, tech stocks had
# rallied …"): the story looks back to that day from a later one.
# The words between are the clause's subject: no conjunction opens another clause there
# ("inspected on 12 January 2018, and that no fault had been reported" is that day's).
PAST_PERFECT_AFTER = re.compile(
    r",?\s+(?:(?!(?:and|that|which|but|who|when|after|as|because|while|so)\b)[\w.'’-]+\s+){0,4}"
    r"had\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ung|ought|ook)\b", re.I)


# Words of a record or a comparison with one ("doubling the $279bn lost on September 3, 2024",
# "the previous record", "the third-biggest loss in history").
RECORD_WORDS = re.compile(r"\b(?:record|previous|prior|history|doubl\w*|eclips\w*|surpass\w*|topp\w*|dwarf\w*|twice"
                          r"|largest|biggest|worst|steepest)\b", re.I)
# A record the sentence names as beaten before its date ("surpassed the previous record held by
# Acme, which … on February 4, 2022"): the date is that record's.
PRIOR_RECORD = re.compile(r"\b(?:previous|prior|former|old|earlier)\s+(?:[\w-]+\s+){0,2}record\b", re.I)
# A past event that the news surpasses, with its day ("eclipsing a 12 percent drop on July 27,
# 2012", "more than doubling the loss of March 2, 2022"): the event surpassed is history. (Not a
# threshold: "topped $3 trillion on June 5, 2024" is the news.)
SURPASSED_EVENT = re.compile(
    r"\b(?:eclips|surpass|topp|doubl|tripl|dwarf|outstrip|overtak|exceed)\w*\s[^.;!?\n]{0,50}?"
    r"\b(?:drop|fall|loss|lost|decline|gain|rise|jump|surge|record|plunge|slump|wipe-?out|crash|sell-?off|rout)"
    r"\w*\b[^.;!?\n]{0,30}$", re.I)
WEEKDAY_WORD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday)\b", re.I)


# The end of a sentence: a stop, then a capital (not "Sept. 3, 2024", "U.S. stocks").
SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


def _record_of_another_day(text: str, start: int) -> bool:
    """The date is a record's day in a sentence that tells its own news by a weekday ("fell
    $589bn on Monday, more than doubling the $279bn lost on September 3, 2024"), or the day of
    a record named as beaten before it ("surpassed the previous record held by Acme, which rose
    $190 billion on February 4, 2022"), or of an event the news surpasses ("eclipsing a 12
    percent drop on July 27, 2012"): history."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    ends = [m.end() for m in SENTENCE_BREAK_RE.finditer(text, paragraph_start, start)]
    sentence_start = ends[-1] if ends else paragraph_start
    after = SENTENCE_BREAK_RE.search(text, start)
    end = [i for i in (after.start() if after else -1, text.find("\n", start)) if i >= 0]
    sentence = text[sentence_start:min(end) if end else len(text)]
    before = text[sentence_start:start]
    # (the news's weekday may be earlier in the paragraph: "It lost $589bn on Monday. This is the
    # largest wipe-out, twice the $279bn of September 3, 2024.")
    told_before = text[text.rfind("\n", 0, start) + 1:start]
    return bool(RECORD_WORDS.search(sentence)) and bool(WEEKDAY_WORD.search(told_before)) \
        or bool(PRIOR_RECORD.search(before)) or bool(SURPASSED_EVENT.search(before))


def _looks_back(text: str, start: int, end: int) -> bool:
    return (LOOKBACK_CUE.search(text[max(0, start - LOOKBACK_CHARS):start]) is not None
            or PAST_PERFECT_AFTER.match(text, end) is not None)


# Words that set a day ahead of the report: a deadline or a plan ("expect to have it removed by
# May 10", "due on June 3", "scheduled for March 4, 2025").
# "by" sets a day ahead only in a clause that looks ahead ("expect to have it removed by May 10"),
# not in a story's own past ("the toll rose to 60, and by July 26 to 80").
DEADLINE_CUE = re.compile(r"\b(?:due(?:\s+on)?|scheduled\s+for|slated\s+for|set\s+for|deadline\s+of)\s+(?:the\s+)?$", re.I)
BY_CUE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
FUTURE_WORDS = re.compile(r"\b(?:will|would|shall|expect\w*|plan\w*|aim\w*|must|should|hope\w*|intend\w*|going\s+to|"
                          r"due\s+to|set\s+to|to\s+be|target\w*|deadline)\b", re.I)
# How far before "by" the clause's words are searched for a look ahead.
FUTURE_REACH = 80


def _deadline(text: str, start: int) -> bool:
    if DEADLINE_CUE.search(text, max(0, start - 25), start) is not None:
        return True
    if BY_CUE.search(text, max(0, start - 8), start) is None:
        return False
    clause_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - FUTURE_REACH)
    return FUTURE_WORDS.search(text, clause_start, start) is not None


# "as of" or "as at" right before a date: the day a figure stands at.
AS_OF_BEFORE = re.compile(r"\bas\s+(?:of|at)\s+$", re.I)
# The last days of the quarters, the days balance sheets are drawn up on.
QUARTER_ENDS = frozenset({"03-31", "06-30", "09-30", "12-31"})


def _balance_sheet_day(text: str, start: int, day: str | None) -> bool:
    """A quarter's last day a figure stands "as of" ("$209 billion in total assets as of December 31,
    2022"): the day of a company's accounts, which a report quotes months later, not the report's."""
    return day is not None and day[5:10] in QUARTER_ENDS and AS_OF_BEFORE.search(text[max(0, start - 10):start]) is not None


def _fetched_day(fetched: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(fetched[:10]) if fetched else None
    except ValueError:
        return None
