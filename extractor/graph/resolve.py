"""Which claims state the same fact (which facts conflict: ``conflicts``; quotes: ``quote_groups``).

Claims are blocked so that only claims that could be one fact are ever compared: by
subject entity and unit; a claim with no subject by its metric and unit (a figure with
neither subject nor metric cannot be told apart from other figures, so it is compared only
within its own article). Inside a block claims are swept in order of their
value interval, so the work stays close to linear in the number of claims. A claim joins
a group only when it agrees with the whole group (value, direction, metric, frame, date),
so a chain of near-misses never glues two different facts together. An attribute one
side does not know (no metric, no frame, no date) is unknown, never a mismatch. A running
toll reported with one figure on following days is dated by the days it held
(``running_counts``), so its reports are one fact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

# (MARKET_METRICS: a move or level of these is a session's news)
from extractor.extract.quantities.metric import AMOUNT_UNITS, MARKET_METRICS, metric_named
from extractor.extract.quantities.units import match_unit
from extractor.graph.running_counts import held_intervals
from extractor.models import Claim, EntityRef

# An approximate figure ("nearly 17%", "about $10 trillion") covers this share either side;
# one written with this many significant digits or more ("around $80,900") is nearer than
# that, as near as two providers' readings of one figure (PROVIDER_PRECISION).
APPROXIMATE_SHARE = 0.05
NEAR_DIGITS = 3
# A lower bound on a sum of money that is no market's price ("more than $560 billion") is a
# writer's round figure for one just past it: it reports sums up to this share above it
# ("$589 billion"), not everything above. (A price or rate moves by less: "above $1.36" is
# not "$1.42"; a toll "at least 37" is not the next day's 39; and "just under $70 billion"
# is near 70, where a fortune of "$67 billion" may be another hour's.)
BOUND_REACH = 0.07
# Figures from this size up are read as rounded to their last significant digit
# ("$6m" is 5.5m to 6.5m); smaller ones to their last written digit ("17" is 16.5 to 17.5).
ROUNDED_FROM = 1000
# A round figure with a leading 1 stands for less than its last digit's half unit: "$1
# trillion" is written for $0.9-1.2 trillion, never for $593 billion ("$10 million" for $8-12
# million), so rounding covers at most this share of the figure.
ROUNDING_SHARE_AT_MOST = 0.25
# Outlets quoting different data providers differ by about this share on a measured figure
# ("$589bn" and "$593.7bn" of market value, a turnout of 71.8% and 72.2%): precision, not
# a different fact. A small whole number (a toll, a rounded percentage) is exact as
# written, and a figure of more than PRECISE_DIGITS significant digits ("$1.3459") is a
# precise reading of one moment, so neither gets it. A figure converted from another unit
# ("650 feet" for 200 metres, which is 656 feet) always does.
PROVIDER_PRECISION = 0.015
PRECISE_DIGITS = 4
# Units of a count of people, whatever noun the outlet counts them with (the counted noun
# is then the claim's subject, not what the fact is about).
COUNTED_UNITS = frozenset({None, "person", "people", "customer"})  # (customers without power)
# Units of figures that are counted, not measured: no two providers read a toll differently,
# so "1,640 injured" and "1,670 injured" are two tallies (rounding and hedges still apply).
TALLIED_UNITS = frozenset({"person", "people"})
# The block of a count of things about nothing but what it counts (``counted_thing``), by that noun.
COUNT_BLOCK = "count:"
# Words in a counted unit that make the count an addition to another ("1,000 more flights",
# "an additional 1,250 flights": see ``units.ADDED_COUNT_WORDS``), never a total.
ADDED_QUALIFIERS = frozenset({"more", "additional", "extra", "further", "fewer", "other", "another"})
# Counts that stand for days while a search goes on ("38 dead" on the 15th and again on the
# 17th is one toll that held), and how many days apart two reports of one figure may be.
RUNNING_COUNTS = frozenset({"dead", "missing", "trapped", "injured", "rescued", "hospitalised", "displaced", "evacuated", "arrested",
                            "without power"})
# Of those, the counts that only grow (the missing are found, the hospitalised and the
# evacuated go home): a figure between two reports of one figure is out of date, not the
# count moving and coming back.
CUMULATIVE_COUNTS = frozenset({"dead", "injured", "rescued", "arrested"})
TOLL_HOLDS_DAYS = 2
# Counts of a day's event a paper reports the next morning ("30,000 dockworkers walk out" on
# Wednesday of Tuesday's walkout): dated by the report window, like a market's move.
WINDOWED_COUNTS = frozenset({"on strike", "without power", "on board"})
# Figures that hold whatever day a paper reports them (a trial's efficacy): the day of
# publication dates them no more than the day before. (Not an age: "a man, 43" of one story
# and "a man, 55" of another are two men, whom a shared window would set against each other.)
STANDING_METRICS = frozenset({"efficacy"})
# Metrics outlets use for one figure: the people one reports "evacuated" another reports
# "displaced" (fled, in shelters). Each claim keeps its own; facts are compared by the kin.
KIN_METRICS = {"evacuated": "displaced"}
# A market level is read off the last trade: two outlets' figures for one moment differ only
# by rounding ("$1.24" is not "$1.2472", which rounds to $1.25: two moments of a session).
# Only a session's low or high (``intraday``) is a figure feeds differ on ("$1.31", "$1.3305").
MARKET_LEVELS = frozenset({"share price", "exchange rate", "index level"})


def stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1(":".join(parts).encode()).hexdigest()[:16]


def kin_metric(metric: str | None) -> str | None:
    """The metric a claim's figure is compared under (see KIN_METRICS)."""
    return KIN_METRICS.get(metric, metric) if metric else metric


@lru_cache(maxsize=65536)  # figures repeat across outlets, and each claim's intervals need it thrice
def rounding_half_unit(value: float) -> float:
    """Half the unit of the last digit a writer would show for ``value``."""
    magnitude = abs(value)
    if magnitude == 0:
        return 0.0
    if magnitude >= ROUNDED_FROM:
        unit = 1.0
        while magnitude % (unit * 10) == 0:
            unit *= 10
        return min(0.5 * unit, ROUNDING_SHARE_AT_MOST * magnitude)
    for decimals in range(7):
        if abs(round(magnitude, decimals) - magnitude) < 1e-9:
            return 0.5 * 10 ** -decimals
    return 0.5e-6


def significant_digits(value: float) -> int:
    """Digits a writer showed: 593.7 has 4, 589 has 3, 6,000,000 has 1."""
    magnitude = abs(value)
    if magnitude == 0:
        return 1
    half = rounding_half_unit(value)
    return max(1, math.floor(math.log10(magnitude)) - math.floor(math.log10(2 * half)) + 1)


def truncates(short: float, long: float) -> bool:
    """``short`` is ``long`` with its last digits cut off, not rounded ("593" of "593.7")."""
    if short == 0 or (short > 0) != (long > 0) or significant_digits(short) >= significant_digits(long):
        return False
    unit = 2 * rounding_half_unit(short)
    cut = math.floor(abs(long) / unit + 1e-9) * unit
    return math.isclose(cut, abs(short), rel_tol=1e-9)


def _written_half_unit(value: float) -> float:
    """Half the unit of the last non-zero digit: how far "650" may be from what it rounds."""
    if value == 0 or not float(value).is_integer():
        return rounding_half_unit(value)
    unit = 1.0
    while abs(value) % (unit * 10) == 0:
        unit *= 10
    return 0.5 * unit


def converted(claim: Claim) -> bool:
    """The figure was written in another unit and converted ("650 feet" to metres)."""
    stated = claim.stated_value
    return bool(stated and claim.stated_unit and claim.stated_unit != claim.unit and stated != claim.value)


def claim_rounding(claim: Claim) -> float:
    """Half the unit of the claim's last digit, in its own unit. A figure converted from the
    unit the outlet wrote ("650 feet" as 198.12 metres) keeps the rounding of what was written,
    and a writer converting "200 metres" rounds to a round figure: "650 feet" may be 645-655."""
    if converted(claim):
        stated = claim.stated_value
        return max(rounding_half_unit(claim.value), _written_half_unit(stated) * abs(claim.value / stated))
    return rounding_half_unit(claim.value)


def whole_and_small(value: float) -> bool:
    """A small whole number ("43", "7%"): exact as written."""
    return abs(value) < ROUNDED_FROM and float(value).is_integer()


def is_range(claim: Claim) -> bool:
    """A range ("between 10 and 12"), not one figure or a one-sided bound ("more than 10")."""
    return claim.bounds is not None and claim.bounds.low is not None and claim.bounds.high is not None


def market_reading(claim: Claim) -> bool:
    """A level of a market (not a move) quoted at one moment, not as a session's extreme
    (see MARKET_LEVELS)."""
    return (claim.metric in MARKET_LEVELS and claim.direction is None and claim.unit != "percent"
            and claim.frame != "intraday")


def round_bound_slack(value: float) -> float:
    """How far a bound written as a round figure of one significant digit may miss its fact:
    "over $600 billion" for the $589-593 billion other providers read is a writer rounding
    up, as "$600 billion" is; "more than $120 billion" (two digits) is a bound as written."""
    if whole_and_small(value) or significant_digits(value) > 1:
        return 0.0
    return abs(value) * 2 * PROVIDER_PRECISION


def precision_slack(value: float) -> float:
    """What two providers' readings of one measured figure may differ by (see PROVIDER_PRECISION)."""
    if whole_and_small(value) or significant_digits(value) > PRECISE_DIGITS:
        return 0.0
    return abs(value) * PROVIDER_PRECISION


def approximate_share(claim: Claim) -> float:
    """The share either side an approximate figure covers (see APPROXIMATE_SHARE), by the
    digits the outlet wrote."""
    written = claim.stated_value if converted(claim) else claim.value
    return PROVIDER_PRECISION if significant_digits(written) >= NEAR_DIGITS else APPROXIMATE_SHARE


def value_interval(claim: Claim) -> tuple[float, float]:
    """The values a claim allows once its hedge and rounding widen it: what is true if the
    outlet is right ("at least 37" allows 40), the interval conflicts are judged on."""
    value = claim.value
    slack = claim_rounding(claim)
    if claim.bounds is not None and (claim.bounds.low is not None or claim.bounds.high is not None):
        low = claim.bounds.low if claim.bounds.low is not None else (0.0 if value >= 0 else -math.inf)
        high = claim.bounds.high if claim.bounds.high is not None else math.inf
        return low - slack, high + slack
    if claim.hedge in (">", ">="):
        return value - slack, math.inf
    if claim.hedge in ("<", "<="):
        return (0.0 if value >= 0 else -math.inf), value + slack
    if claim.hedge == "~":
        slack = max(slack, abs(value) * approximate_share(claim))
    return value - slack, value + slack


def reported_interval(claim: Claim, *, other_outlet: bool = True) -> tuple[float, float]:
    """The figures an outlet reporting the same fact may have written: the value with its
    rounding, an approximation's share and (from ``other_outlet``) provider precision, which a
    count of people never gets (``TALLIED_UNITS``). A bound ("at least 37", "more than 19%")
    reports its figure, not everything beyond it: "at least 37" and "39" are successive
    tolls, not one."""
    value = claim.value
    slack = claim_rounding(claim)
    if other_outlet and claim.unit not in TALLIED_UNITS:
        # the writer's rounding of a provider's figure, or of a figure in another unit
        slack += abs(value) * PROVIDER_PRECISION if converted(claim) else precision_slack(value)
    if claim.bounds is not None and claim.bounds.low is not None and claim.bounds.high is not None:
        return claim.bounds.low - slack, claim.bounds.high + slack
    if claim.hedge == "~":
        slack = max(slack, abs(value) * approximate_share(claim))
    if other_outlet and claim.hedge in (">", ">=") and claim.unit and claim.unit.isupper() \
            and claim.metric not in MARKET_LEVELS:  # "more than $560 billion" (see BOUND_REACH)
        return value - slack, max(value + slack, value + abs(value) * BOUND_REACH)
    if other_outlet and reaching_bound(claim):
        # a move bounded by its written figure is one past it by up to a unit of its last digit:
        # "more than 32%" of a 32.7% fall that another outlet rounds to "33%" ("less than 5%": 4.6%)
        reach = claim_rounding(claim)
        return (value - slack, value + slack + reach) if claim.hedge in (">", ">=") else (value - slack - reach, value + slack)
    return value - slack, value + slack


def reaching_bound(claim: Claim) -> bool:
    """A move in percent bounded by its written figure ("fell more than 32%"), which reaches up
    to a unit of its last digit past it (see ``reported_interval``)."""
    return claim.unit == "percent" and claim.direction is not None and claim.hedge in (">", ">=", "<", "<=")


class Reading(NamedTuple):
    """A claim's intervals, worked out once: as reported by any outlet, within its own
    article (no provider precision), and what is true if it is right."""

    low: float
    high: float
    own_low: float
    own_high: float
    true_low: float
    true_high: float


def read_claim(claim: Claim) -> Reading:
    return Reading(*reported_interval(claim), *reported_interval(claim, other_outlet=False), *value_interval(claim))


# ------------------------------------------------------------------- dates

_DAY_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=4096)
def _date_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO date, month, year or interval ("2018-08-15/2018-08-17") covers."""
    if "/" in text:
        first, _, last = text.partition("/")
        a, b = _date_bounds(first), _date_bounds(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    match = _DAY_RE.match(text)
    if not match:
        return None
    year, month, day = (int(x) if x else None for x in match.groups())
    try:
        if day:
            return dt.date(year, month, day), dt.date(year, month, day)
        if month:
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """An unknown date agrees with any; a day agrees with the month, year or interval that
    holds it; two different days never agree."""
    if not a or not b:
        return True
    ra, rb = _date_bounds(a), _date_bounds(b)
    if ra is None or rb is None:
        return a.startswith(b) or b.startswith(a)
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _narrower_date(a: str | None, b: str | None) -> str | None:
    """The more specific of two agreeing dates (a day over the month or interval holding it)."""
    if not a or not b:
        return a or b
    ra, rb = _date_bounds(a), _date_bounds(b)
    if ra is None or rb is None:
        return max(a, b, key=len)
    return a if (ra[1] - ra[0], a) <= (rb[1] - rb[0], b) else b


# ------------------------------------------------------------------- claims


def _overlap(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Intervals share more than an end point ("37" and "38" touch at 37.5 and stay apart);
    an exact figure (zero width, as 0 is) shares its point."""
    if a_low == a_high or b_low == b_high:
        return a_low <= b_high and b_low <= a_high
    return a_low < b_high and b_low < a_high


# Amounts a company announces, which outlets tell on the day of the announcement or the next.
ANNOUNCED_METRICS = frozenset({"dividend", "buyback", "revenue", "profit", "earnings per share"})


def _month_of(date: str | None) -> str | None:
    """The month a day or a window of days starts in ("2024-02-01/2024-02-02": "2024-02")."""
    first = date.split("/")[0] if date else date
    return first[:7] if first and len(first) == 10 else first


# Exchange-traded figures, whose day's move stated with no frame is by convention the close.
CLOSING_METRICS = frozenset({"share price", "market value", "index level"})


def frames_agree(one: str | None, other: str | None, metric: str | None) -> bool:
    """The same frame, or one unknown; but for what trades on an exchange (CLOSING_METRICS),
    a move within or outside the session (intraday, pre-market, after hours) is never the
    day's move an outlet states without a frame, which by the trade's convention is the
    close: "lost about $40 billion in market value on Monday morning" is not "a $36.4 billion
    decline" that day, nor "fell 10% in premarket trade" a day's 10% fall. Currencies trade
    around the clock, so their lows stated without a frame may be the session's."""
    if one is None or other is None:
        return (one or other) not in OUTSIDE_THE_CLOSE or metric not in CLOSING_METRICS
    return one == other


# Frames of a move that is not the day's move to the close ("fell 10% in premarket trade",
# "down 13% by midday", "fell 20% after hours").
OUTSIDE_THE_CLOSE = frozenset({"intraday", "pre-market", "after-hours"})


@dataclass
class ClaimGroup:
    """Claims found to state one fact about one subject (or, without one, one metric on one day)."""

    subject: EntityRef | None
    unit: str | None
    low: float
    high: float
    members: list[Claim] = field(default_factory=list)
    direction: str | None = None
    metric: str | None = None
    frame: str | None = None
    date: str | None = None
    # the figures every member allows, as reported or if right ("at least 37" allows 40):
    # two facts conflict when these cannot meet
    span_low: float = -math.inf
    span_high: float = math.inf
    first: tuple[int, str] = (math.inf, "")  # (input order, id) of the earliest occurrence  # type: ignore[assignment]
    block: str = ""  # the block it was formed in: conflicts are looked for within one
    # Every distinct date of the members: a claim must agree with each, so that a month-dated
    # claim joining a day-dated group does not let another day of that month in.
    dates: set[str] = field(default_factory=set)
    # per article, each member's figure and what it allows without provider precision
    by_article: dict[str, list[tuple[float, float, float]]] = field(default_factory=dict)
    # the weekdays undated members name ("on Monday" in a page without a date), and the days
    # members' texts give (not the publication's): what a weekday is held against
    weekdays: set[str] = field(default_factory=set)
    stated_days: set[str] = field(default_factory=set)
    # members that are running tolls with no date, and with a year only (``_history_apart``)
    undated_tolls: bool = False
    year_tolls: bool = False
    # the words before a counted noun that members give ("windows" devices; ``count_qualifiers``)
    qualifiers: frozenset[str] = frozenset()
    # strict bounds given ("more than 10%": floor 10) and what the exact figures allow as reported
    floor: float = -math.inf
    ceiling: float = math.inf
    exact_min_high: float = math.inf
    exact_max_low: float = -math.inf
    # the figures all members allow as written (no provider precision)
    own_low: float = -math.inf
    own_high: float = math.inf
    # A small whole figure ("7%", "84 percent") is a rounding of another outlet's figure with
    # digits, or that figure read by another provider, never both at once: "7%" is not 7.6%
    # (7.6 rounds to 8 and is 8% from 7), "84%" may be 84.6%. Kept: what its whole figures
    # allow as written and their values; what its other figures allow as written (their span)
    # and as reported by any provider (all of them).
    exact_low: float = -math.inf
    exact_high: float = math.inf
    wholes_low: float = math.inf
    wholes_high: float = -math.inf
    digits_low: float = math.inf
    digits_high: float = -math.inf
    digits_reported_low: float = -math.inf
    digits_reported_high: float = math.inf
    # the ranges members give ("between 4.75% and 5%"), as written: another range is one fact
    # with them only when both its ends agree (``_ranges_agree``)
    ranges: list[tuple[float, float]] = field(default_factory=list)
    # the figures members tell as a point (POINT_HEDGES), as written: (value, own low, own high)
    points: list[tuple[float, float, float]] = field(default_factory=list)

    def accepts(self, claim: Claim, reading: Reading) -> bool:
        return (
            _overlap(reading.low, reading.high, self.low, self.high)
            and (claim.direction is None or self.direction is None or claim.direction == self.direction)
            and (claim.metric is None or self.metric is None or kin_metric(claim.metric) == kin_metric(self.metric))
            and frames_agree(claim.frame, self.frame, claim.metric or self.metric)
            and self._days_agree(claim)
            and self._history_apart(claim)
            and self._qualifiers_agree(claim)
            and self._day_or_period(claim)
            and self._same_article_agrees(claim, reading)
            and self._one_tape(claim, reading)
            and self._within_bounds(claim, reading)
            and self._rounds_to_whole_figures(claim, reading)
            and self._ranges_agree(claim)
        )

    def _ranges_agree(self, claim: Claim) -> bool:
        """A range is one fact with another only when both its ends agree, rounding allowed:
        "between 4.5% and 4.75%" meets "4.75% to 5%" at one end, and is another rate's range."""
        if not is_range(claim) or not self.ranges:
            return True
        slack = claim_rounding(claim)
        low, high = claim.bounds.low, claim.bounds.high  # type: ignore[union-attr]
        return all(abs(low - a) <= slack and abs(high - b) <= slack for a, b in self.ranges)

    def _history_apart(self, claim: Claim) -> bool:
        """A toll dated only by a year ("a 2011 quake killed nearly 20,000") is
        history its sentence looks back to, never one fact with a toll that names no time
        ("the death toll passed 20,000"): that one is the news of its own page's day."""
        if not running_count(claim):
            return True
        return not (_year_only(claim.date) and self.undated_tolls or not claim.date and self.year_tolls)

    def _qualifiers_agree(self, claim: Claim) -> bool:
        """A count of things told with a qualifier ("Windows devices") is the one told without
        ("devices"), never one told with another ("Mac devices"); a count of more things
        ("1,000 more flights") is the added ones, another figure than a total."""
        own = count_qualifiers(claim)
        if (own & ADDED_QUALIFIERS) != (self.qualifiers & ADDED_QUALIFIERS):
            return False
        return not own or not self.qualifiers or own == self.qualifiers

    def _days_agree(self, claim: Claim) -> bool:
        """Every member's date agrees (see ``dates_agree`` and ``_weekday_agrees``); but an
        amount a company announces (ANNOUNCED_METRICS: a dividend, a buyback, a quarter's
        revenue) is one fact whichever day an outlet tells it on ("late on Thursday" in one,
        "on Friday, shares jumped on the news of" in another): only its month must agree."""
        if (claim.metric or self.metric) in ANNOUNCED_METRICS and (claim.direction or self.direction) is None:
            return all(dates_agree(_month_of(claim.date), _month_of(date)) for date in self.dates)
        return all(dates_agree(claim.date, date) for date in self.dates) and self._weekday_agrees(claim)

    def _weekday_agrees(self, claim: Claim) -> bool:
        """"On Monday" in an undated page is no other weekday's figure: not one dated on a
        Tuesday, nor one another undated page gives for Tuesday."""
        if claim.weekday:
            return all(weekday_of(d) in (None, claim.weekday) for d in self.stated_days) and (
                not self.weekdays or claim.weekday in self.weekdays)
        day = weekday_of(claim.date) if claim.date_source in STATED_DATE_SOURCES else None
        return day is None or not self.weekdays or day in self.weekdays

    def _day_or_period(self, claim: Claim) -> bool:
        """A market move over a period ("still up 20% for the year") is never a day's move
        ("rose 20.3% on Friday"): an outlet that names the day tells of that session."""
        if (claim.direction or self.direction) is None or (claim.metric or self.metric) not in CLOSING_METRICS:
            return True
        if claim.frame == "period":
            return not (self.weekdays or any(len(d) == 10 for d in self.stated_days))
        if self.frame == "period":
            return not (claim.weekday or (claim.date_source in STATED_DATE_SOURCES and len(claim.date or "") == 10))
        return True

    def _rounds_to_whole_figures(self, claim: Claim, reading: Reading) -> bool:
        if reaching_bound(claim):  # "more than 32%" of a "32.68%" fall: its reach, not its written figure
            return (self.digits_low > self.digits_high or _overlap(reading.low, reading.high, self.digits_low, self.digits_high)) \
                and (self.wholes_low > self.wholes_high or _overlap(reading.low, reading.high, self.exact_low, self.exact_high))
        if whole_and_small(claim.value):
            return (self.digits_low > self.digits_high
                    or _overlap(reading.own_low, reading.own_high, self.digits_low, self.digits_high)
                    or self.digits_reported_low <= claim.value <= self.digits_reported_high)
        return (self.wholes_low > self.wholes_high
                or _overlap(reading.own_low, reading.own_high, self.exact_low, self.exact_high)
                or reading.low <= self.wholes_low <= self.wholes_high <= reading.high)

    def _within_bounds(self, claim: Claim, reading: Reading) -> bool:
        """A figure beyond a strict bound that another outlet gave, even as another provider may
        read it, is not its fact: "more than $120 billion" is not "$118 billion" (though it may
        be "$119 billion", another provider's figure, or "$120 billion", a rounding)."""
        if is_range(claim):
            return True
        if claim.hedge == "=":
            return reading.high > self.floor and reading.low < self.ceiling
        if claim.hedge == ">":
            return self.exact_min_high > claim.value and claim.value < self.ceiling
        if claim.hedge == "<":
            return self.exact_max_low < claim.value and claim.value > self.floor
        return True

    def _one_tape(self, claim: Claim, reading: Reading) -> bool:
        """A market level read at one moment agrees with the group's figures as written, without
        provider precision (see MARKET_LEVELS); a session's extreme, on either side, may differ."""
        if not market_reading(claim) or self.frame == "intraday":
            return True
        return _overlap(reading.own_low, reading.own_high, self.own_low, self.own_high)

    def _same_article_agrees(self, claim: Claim, reading: Reading) -> bool:
        """One article writes one fact with one figure: "$13.2 billion" and "$13.3 billion" in
        one story are revenue and its forecast, not two providers (rounding and hedges still
        apply, and so does a shorter figure that cuts the digits off a longer one: "$593.7
        billion" and then "$593 billion", each beside a headline's "nearly $600 billion")."""
        figures = self.by_article.get(claim.article_id)
        if figures is None:
            return True
        narrow_low, narrow_high = max(low for _, low, _ in figures), min(high for _, _, high in figures)
        if _overlap(reading.own_low, reading.own_high, narrow_low, narrow_high):
            return True
        return all(_overlap(reading.own_low, reading.own_high, low, high) or truncates(claim.value, v) or truncates(v, claim.value)
                   for v, low, high in figures)

    def add(self, claim: Claim, reading: Reading, order: int) -> None:
        low, high = reading.low, reading.high
        self.members.append(claim)
        self.first = min(self.first, (order, claim.id))
        self.low, self.high = max(self.low, low), min(self.high, high)
        self.span_low = max(self.span_low, min(low, reading.true_low))
        self.span_high = min(self.span_high, max(high, reading.true_high))
        self.direction = self.direction or claim.direction
        self.metric = self.metric or claim.metric
        self.frame = self.frame or claim.frame
        self.date = _narrower_date(self.date, claim.date)
        if claim.date:
            self.dates.add(claim.date)
        if claim.weekday:
            self.weekdays.add(claim.weekday)
        if claim.date and claim.date_source in STATED_DATE_SOURCES:
            self.stated_days.add(claim.date)
        self.qualifiers = self.qualifiers or count_qualifiers(claim)
        if running_count(claim):
            self.undated_tolls = self.undated_tolls or not claim.date
            self.year_tolls = self.year_tolls or _year_only(claim.date)
        own_low, own_high = reading.own_low, reading.own_high
        self.own_low, self.own_high = max(self.own_low, own_low), min(self.own_high, own_high)
        if is_range(claim):
            pass
        elif claim.hedge == "=":
            self.exact_min_high, self.exact_max_low = min(self.exact_min_high, high), max(self.exact_max_low, low)
        elif claim.hedge == ">":
            self.floor = max(self.floor, claim.value - round_bound_slack(claim.value))
        elif claim.hedge == "<":
            self.ceiling = min(self.ceiling, claim.value + round_bound_slack(claim.value))
        if reaching_bound(claim):
            pass  # "more than 32%" says no figure as written: its reach holds the group (low, high, floor)
        elif whole_and_small(claim.value):
            self.exact_low, self.exact_high = max(self.exact_low, own_low), min(self.exact_high, own_high)
            self.wholes_low, self.wholes_high = min(self.wholes_low, claim.value), max(self.wholes_high, claim.value)
        else:
            self.digits_low, self.digits_high = min(self.digits_low, own_low), max(self.digits_high, own_high)
            self.digits_reported_low = max(self.digits_reported_low, low)
            self.digits_reported_high = min(self.digits_reported_high, high)
        self.by_article.setdefault(claim.article_id, []).append((claim.value, own_low, own_high))
        if claim.hedge in POINT_HEDGES:
            self.points.append((claim.value, own_low, own_high))
        if is_range(claim):
            self.ranges.append((claim.bounds.low, claim.bounds.high))  # type: ignore[union-attr]

    @cached_property
    def id(self) -> str:
        """Stable across runs: the subject and the earliest occurrence (read once grouping is done)."""
        return stable_id("claim_", self.subject.id if self.subject else "-", self.first[1])

    def representative(self) -> Claim:
        """The most specific occurrence: a figure told as a point ("32.68%", not "more than
        32%"), most fields given, then the narrowest interval."""
        def score(claim: Claim) -> tuple:
            low, high = value_interval(claim)
            filled = sum(x is not None for x in (claim.direction, claim.metric, claim.frame, claim.date))
            return (claim.hedge not in POINT_HEDGES, -filled, high - low, claim.article_id, claim.start)
        return min(self.members, key=score)


ClaimBlockKey = tuple[str, "str | None"]
ClaimOccurrence = tuple[int, Claim, "EntityRef | None"]  # (input order, claim, the subject it is read for)


# Measures of an amount of stuff, which outlets name by whatever word they like for it.
STUFF_METRICS = frozenset({"weight", "volume"})


def identifying_subjects(claim: Claim, entities: Container[str] | None = None) -> list[EntityRef]:
    """The subjects that tell a claim's fact from others. A count of people names what it
    counts ("43 people", "43 victims", "43 lives" of one toll): unless that is an entity
    ("two from Romania"), it is not what the fact is about; nor is a common noun that only
    names the claim's metric ("unemployment" at 4.2%, "wages" up 3.8%), nor the word for the
    stuff a weight or volume measures. ``entities`` are the ids of the corpus's entities;
    without them every subject is taken as one."""
    if entities is None:
        return list(claim.subject)
    if claim.metric in STUFF_METRICS:  # "3,000 tonnes of rubble", "… of debris", "… of concrete and steel": one heap
        return [s for s in claim.subject if s.id in entities]
    if claim.unit not in COUNTED_UNITS:  # a word that only repeats the metric tells nothing ("unemployment" at 4.2%)
        return [s for s in claim.subject if s.id in entities or not claim.metric or metric_named(s.name) != claim.metric
                or _proper_name(s.name)]
    return [subject for subject in claim.subject if subject.id in entities]


def _proper_name(name: str) -> bool:
    """A name, not a common noun a sentence's capital starts ("Wages"): a figure in it or a
    capital after its first word ("S&P 500 Index", "Nasdaq Composite")."""
    return any(c.isdigit() for c in name) or any(w[:1].isupper() for w in name.split()[1:])


def counted_thing(claim: Claim, entities: Container[str] | None = None) -> str | None:
    """The noun a count of things counts when the count is about nothing else: its subject
    is that noun ("8.5 million devices") or a name the counted phrase holds ("8.5 million
    Windows devices"). Outlets write one such fact with and without the name, so both are
    compared under the noun, the names kept apart by ``count_qualifiers``; None for any
    other claim."""
    unit = claim.unit
    if entities is None or unit is None or unit in COUNTED_UNITS or len(claim.subject) != 1 or not unit[-1:].isalpha() \
            or unit.isupper() or unit.split()[-1] != unit.split()[-1].lower():
        return None  # a currency ("USD"), or no lower-case noun at the end
    head = unit.split()[-1]
    subject = claim.subject[0]
    name = subject.name.casefold()
    if subject.id not in entities:
        own_noun = name in {head, head + "s", head + "es", head[:-1] + "ies"} or name.endswith(" " + head + "s")
        return head if own_noun and not claim.metric else None
    return head if name in unit.casefold().split()[:-1] and not claim.metric else None


def counted_head(unit: str | None) -> str | None:
    """The noun a count of things counts, without the words before it ("seat" of
    "parliamentary seat"), so that one party's "412 parliamentary seats" and "412 seats" are
    compared (``count_qualifiers`` still keeps "Windows devices" from "Mac devices"); any
    other unit as it is ("percentage point", "square metre", "USD per share")."""
    if not unit or " " not in unit or unit in AMOUNT_UNITS or not unit[-1:].isalpha():
        return unit
    words = unit.split()
    if words[-1] != words[-1].lower() or words[0].isupper() or "per" in words:
        return unit
    measure = match_unit(unit, 0)
    return unit if measure is not None and measure[1] >= len(unit) - 1 else words[-1]


def count_qualifiers(claim: Claim) -> frozenset[str]:
    """The words before a counted noun ("windows" of "Windows device", "more" of "more flight",
    "additional" of "an additional 1,250 flights")."""
    return frozenset(w.casefold() for w in (claim.unit or "").split()[:-1])


def claim_block_keys(claim: Claim, entities: Container[str] | None = None
                     ) -> Iterator[tuple[ClaimBlockKey, EntityRef | None]]:
    """The blocks a claim is compared in, keyed (block, unit).

    One per subject ("A and B slid 5%" joins both blocks), a count under its counted noun
    (``counted_head``). A claim without a subject is
    compared with other subjectless claims of the same metric ("the death toll rose to 43",
    whoever counts the dead as people, victims or lives), their dates inside the block; with
    no metric either, only with the claims of its own article. A count of things about
    nothing but what it counts is compared under its counted noun (``counted_thing``).
    """
    if (counted := counted_thing(claim, entities)) is not None:
        yield (f"{COUNT_BLOCK}{counted}", counted), claim.subject[0]
        return
    subjects = identifying_subjects(claim, entities)
    if subjects:
        for subject in subjects:
            yield (subject.id, counted_head(claim.unit)), subject
    elif claim.metric:
        yield (f"metric:{kin_metric(claim.metric)}", claim.unit), None
    else:
        yield (f"article:{claim.article_id}", claim.unit), None


# Where a claim's day is the text's own, not its article's publication day.
STATED_DATE_SOURCES = frozenset({"text", "paragraph"})


def weekday_of(date: str | None) -> str | None:
    """The weekday of a single day ("2025-01-27" -> "Monday"), else None."""
    if not is_day(date):
        return None
    return dt.date.fromisoformat(date[:10]).strftime("%A")  # type: ignore[index]


def same_day(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Two facts known to be of one day: the same day, or an undated one's weekday ("on
    Monday" in a page without a date) is the day another outlet's text gives, or for a level
    the day another outlet's page came out ("Considering Thursday's losses, his net worth
    slipped to $55.9 billion" against "now has a net worth of $67 billion" on a page of that
    Thursday; a move on a page of its day may be the morning's: "dropped 4.8% at the opening
    bell" against the close). (Two undated pages' "Tuesday" may be two weeks' Tuesdays, or one
    session read at two moments.)"""
    if is_day(a.date) and is_day(b.date):
        return a.date == b.date
    for dated, undated in ((a, b), (b, a)):
        if is_day(dated.date) and not undated.date:
            return (len(undated.weekdays) == 1 and weekday_of(dated.date) in undated.weekdays
                    and (dated.date in dated.stated_days or dated.direction is None and undated.direction is None))
    return False


def is_day(date: str | None) -> bool:
    """The date is one day (not a month, a year or an interval)."""
    if not date:
        return False
    bounds = _date_bounds(date)
    return bounds is not None and bounds[0] == bounds[1]


def _dates_to_search(date: str | None, active: dict[str, list[ClaimGroup]], coarse: set[str]) -> list[str]:
    """The dates of active groups a claim of ``date`` may join: all for an undated claim; else
    undated groups, its own day's and coarser dates that hold it."""
    if not date or not is_day(date):  # undated groups first (an undated claim may stop early)
        return sorted((d for d in active if not date or not d or dates_agree(date, d)), key=bool)
    return [d for d in ("", date, *sorted(coarse)) if d in active and (d in ("", date) or dates_agree(date, d))]


def _year_only(date: str | None) -> bool:
    return bool(date) and len(date) == 4 and date.isdigit()


def running_count(claim: Claim) -> bool:
    """A count of people that runs while a search goes on (see RUNNING_COUNTS)."""
    return claim.metric in RUNNING_COUNTS and claim.direction is None and claim.unit in COUNTED_UNITS


def with_held_dates(members: list[ClaimOccurrence]) -> list[ClaimOccurrence]:
    """The claims of a block, each figure of a running count reported on several days dated
    by the days it held (``running_counts``), so that its reports are one fact."""
    held = held_intervals(((c.id, kin_metric(c.metric), c.value, c.date, c.hedge == "=" and c.bounds is None)
                           for _, c, _ in members if running_count(c)), TOLL_HOLDS_DAYS, CUMULATIVE_COUNTS)
    if not held:
        return members
    return [(order, c.model_copy(update={"date": held[c.id]}) if c.id in held else c, s) for order, c, s in members]


def report_window(day: str) -> str | None:
    """The days a market figure reported on ``day`` without a day of its own may be of: that
    day or the weekday before (a morning report of yesterday's close), as an ISO interval."""
    try:
        reported = dt.date.fromisoformat(day)
    except ValueError:
        return None
    before = reported - dt.timedelta(days={0: 3, 6: 2}.get(reported.weekday(), 1))
    return f"{before.isoformat()}/{reported.isoformat()}"


def with_report_windows(members: list[ClaimOccurrence]) -> list[ClaimOccurrence]:
    """The claims of a block, each market figure dated only by its article's publication
    (``date_source`` "published") dated by its ``report_window`` instead, so that "closed down
    17%" in Tuesday's paper is one fact with "fell 17% on Monday" (and, the group being dated
    by its most specific member, a day the text gives still wins)."""
    def windowed(claim: Claim) -> Claim:
        if claim.date_source != "published" or not claim.date or not (
                claim.direction or claim.metric in MARKET_METRICS or claim.metric in WINDOWED_COUNTS
                or claim.metric is None or claim.metric in STANDING_METRICS):
            return claim
        window = report_window(claim.date)
        return claim if window is None else claim.model_copy(update={"date": window})
    return [(order, windowed(c), s) for order, c, s in members]


def group_claim_block(members: Iterable[ClaimOccurrence], block: str = "") -> list[ClaimGroup]:
    """The facts among the claims of one block, swept in order of their value interval
    (ties broken by where each claim is, never by input order, so shuffled articles group alike).
    Of one interval, dated claims come first: an undated one then sees every day's fact of its
    figure, so whether it joins one does not hang on which article id sorts first."""
    spans = sorted(((read_claim(c), order, c, s) for order, c, s in with_report_windows(with_held_dates(list(members)))),
                   key=lambda t: (t[0].low, t[0].high, not t[2].date, t[2].article_id, t[2].start, t[2].end, t[2].id))
    groups = _rehomed(_sweep(spans, block), {claim.id: (reading, order) for reading, order, claim, _ in spans})
    for group in groups:
        group.members.sort(key=lambda c: (c.article_id, c.start))
    return groups


def _sweep(spans: list[tuple[Reading, int, Claim, EntityRef | None]], block: str) -> list[ClaimGroup]:
    """The facts of ``spans`` (in order of their value interval): each claim joins the fact that
    takes it and whose figure is nearest, else begins one."""
    groups: list[ClaimGroup] = []
    # groups whose interval may still meet the next claim, by their date: a dated claim looks
    # only among groups of its day, undated ones and coarser dates that hold it
    active: dict[str, list[ClaimGroup]] = {}
    coarse: set[str] = set()  # the dates of active groups that are not one day (a month, an interval)
    for reading, order, claim, subject in spans:
        low = reading.low
        candidates: list[ClaimGroup] = []
        dated: set[str] = set()  # the dates of the candidates so far
        for date in _dates_to_search(claim.date, active, coarse):
            live = [g for g in active[date] if g.high >= low]
            if not live:
                del active[date]
                coarse.discard(date)
                continue
            active[date] = live
            found = [g for g in live if g.accepts(claim, reading)]
            candidates.extend(found)
            dated.update(g.date for g in found if g.date)
        # the group whose figure is nearest, not the first that would do: "$119 billion" belongs
        # with "$119.4 billion", not with a "$116 billion" it would also have allowed
        target = _nearest(candidates, reading)
        if not claim.date and len(dated) > 1:
            # undated, and as true of one day as of another: it is the day's whose figure it
            # writes ("$279 billion" of one day, not another day's "$273 billion" that a
            # second provider might have read as $279 billion); if no one day's, which day's
            # fact it is cannot be told, so it joins only the figure told undated by others
            # ("43 people", "43 victims")
            days = _days_as_written(candidates, reading, claim)
            target = _nearest([g for g in candidates if g.date in days] if len(days) == 1
                              else [g for g in candidates if not g.dates], reading)
        if target is None:
            target = ClaimGroup(subject=subject, unit=claim.unit, low=reading.low, high=reading.high, block=block)
            groups.append(target)
        else:
            active[target.date or ""].remove(target)
        target.add(claim, reading, order)
        active.setdefault(target.date or "", []).append(target)
        if target.date and not is_day(target.date):
            coarse.add(target.date)
    return groups


def _nearest(groups: list[ClaimGroup], reading: Reading) -> ClaimGroup | None:
    return min(groups, key=lambda g: abs(g.low + g.high - reading.low - reading.high), default=None)


# Hedges of a figure told as a point, exactly or about ("$16 billion", "almost $16 billion").
POINT_HEDGES = frozenset({"=", "~"})


def _days_as_written(groups: list[ClaimGroup], reading: Reading, claim: Claim) -> set[str]:
    """The dates of the dated facts with a figure told as a point (not a bound: "more than 3%"
    is as true of 3.2% as of 30%) that, as its outlet wrote it, meets a claim's as written (no
    second provider's reading on either side); of several, those of the weekday an undated page
    names, then the one day whose fact some outlet wrote exactly as the claim does ("17%" is
    Monday's "17%" rather than Tuesday's "17.2%"), or else the one day a text gives (not a
    day known only from when a page came out: a recap's "fell 17%" published on Saturday),
    when only one is."""
    days = {g.date for g in groups if g.date and any(_overlap(reading.own_low, reading.own_high, low, high)
                                                     for _, low, high in g.points)}
    if len(days) > 1 and claim.weekday:  # "on Monday" in an undated page: no Friday's fact
        days = {d for d in days if claim.weekday in _weekdays_in(d)} or days
    if len(days) > 1 and claim.hedge in POINT_HEDGES:  # (not a bound: "more than 3%" is no day's "3%")
        exact = {g.date for g in groups if g.date in days and any(value == claim.value for value, _, _ in g.points)}
        if len(exact) == 1:
            return exact
    if len(days) > 1:  # a day some text gives, rather than days known only from when pages came out
        stated = {g.date for g in groups if g.date in days and g.date in g.stated_days}
        if len(stated) == 1:
            return stated
    return days


def _weekdays_in(date: str) -> set[str]:
    """The weekdays a day or a window of days under a week covers (all seven for longer ones)."""
    bounds = _date_bounds(date)
    if bounds is None or (bounds[1] - bounds[0]).days >= 6:
        return {dt.date(2024, 1, day).strftime("%A") for day in range(1, 8)}
    return {(bounds[0] + dt.timedelta(days=k)).strftime("%A") for k in range((bounds[1] - bounds[0]).days + 1)}


# Blocks with more facts than this skip the second look (it compares each fact's claims with
# the other facts whose figures meet theirs).
REHOME_UP_TO = 200


def _centre(low: float, high: float) -> float:
    return (low + high) / 2


def _rehomed(groups: list[ClaimGroup], readings: dict[str, tuple[Reading, int]]) -> list[ClaimGroup]:
    """The sweep's facts, each claim of a smaller fact moved to a larger one that takes it and
    whose figure is nearer its own: swept in order of their lowest figure, "nearly $600
    billion" joins the only fact formed so far ("more than half a trillion") before
    "$589 billion" and "$593 billion" make theirs. The smaller fact is rebuilt from the claims
    it keeps (and dropped when none is left)."""
    if not 1 < len(groups) <= REHOME_UP_TO:
        return groups
    moved = False
    for group in sorted(groups, key=lambda g: (len(g.members), g.first)):
        kept = []
        for claim in sorted(group.members, key=lambda c: readings[c.id][1]):
            reading, order = readings[claim.id]
            own = abs(_centre(group.low, group.high) - _centre(reading.low, reading.high))
            homes = [g for g in groups if g is not group and len(g.members) > len(group.members) and g.members
                     and abs(_centre(g.low, g.high) - _centre(reading.low, reading.high)) < own and g.accepts(claim, reading)]
            if homes:
                min(homes, key=lambda g: abs(_centre(g.low, g.high) - _centre(reading.low, reading.high))).add(claim, reading, order)
                moved = True
            else:
                kept.append(claim)
        if len(kept) < len(group.members):
            group.members = []
            if kept:
                reading = readings[kept[0].id][0]
                rebuilt = ClaimGroup(subject=group.subject, unit=group.unit, low=reading.low, high=reading.high, block=group.block)
                for claim in kept:
                    rebuilt.add(claim, *readings[claim.id])
                groups[groups.index(group)] = rebuilt
    return [g for g in groups if g.members] if moved else groups


def claim_group_order(group: ClaimGroup) -> tuple[int, str]:
    """Facts are listed in order of first occurrence (then subject, for one claim about several)."""
    return group.first[0], group.subject.id if group.subject else ""


def group_claims(claims: Iterable[Claim], entities: Container[str] | None = None) -> list[ClaimGroup]:
    """Claims merged into facts, in order of first occurrence (all held in memory;
    the graph stage does the same one block at a time from disk)."""
    blocks: dict[ClaimBlockKey, list[ClaimOccurrence]] = defaultdict(list)
    for order, claim in enumerate(claims):
        for key, subject in claim_block_keys(claim, entities):
            blocks[key].append((order, claim, subject))
    groups = [group for key, members in blocks.items() for group in group_claim_block(members, key[0])]
    return sorted(groups, key=claim_group_order)
