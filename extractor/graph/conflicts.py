"""Which facts conflict: figures of one subject (or metric), unit, metric and frame that
cannot both hold, and that an analyst would hold against each other.

Facts come from ``resolve`` (one ``ClaimGroup`` per fact, each with the figures all its
members allow). Two facts conflict only when they are told by different articles, agree on
the day (moves, market levels and counts of people need it known on both sides, as a day or
as the weekday of an undated page that another outlet's text dates, or for a level the day
another outlet's page came out; a morning report's window is no day; a company's results
need their period on both sides), are both changes or
both levels, and are not a running toll, a move read at some moment before, during or after a
session, a measure of a thing the claim does not identify (a magnitude, a distance), a market
level read at unknown moments, or a subgroup of people against another group; and not when one
outlet gives both figures, or the figures are a multiple apart (two things), or one is the
other with its last digits cut off ("19%" of a 19.9% fall).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from extractor.extract.quantities.metric import AMOUNT_UNITS, PERIOD_METRICS
from extractor.extract.quantities.units import match_unit
from extractor.graph.story_structures import PLACE_TYPES
from extractor.graph.resolve import (
    CLOSING_METRICS, COUNT_BLOCK, COUNTED_UNITS, MARKET_METRICS, OUTSIDE_THE_CLOSE, ClaimGroup, dates_agree, kin_metric,
    is_day, same_day, truncates,
)

# More figures than this for one subject, metric, frame and day: only neighbours in value
# order are linked as conflicts, so the number of edges stays linear.
ALL_PAIRS_UP_TO = 12
# Counts that change from report to report while a search goes on: a different figure is an
# update (or an earlier report), never a contradiction.
RUNNING_TOLLS = frozenset({"dead", "missing", "trapped", "rescued", "rescuers", "displaced", "evacuated", "arrested"})
# Measures whose claim does not say which thing they measure: a story's earthquakes are many
# (the main shock, a second one, aftershocks, "quakes of magnitude 6 or larger" since 1970),
# and a distance is from a place the claim does not keep ("33 km from Gaziantep", "90 km from
# Kahramanmaras"); different figures are of different things, never a contradiction.
UNIDENTIFIED_MEASURES = frozenset({"magnitude", "distance"})
# Dimensions of a thing, which a thing that no entity names does not tell apart from others of
# its kind ("the field goal" of one kick and of another). (Not a depth or a height: a story's
# quake struck at one depth, whatever the outlet calls it.)
DIMENSIONS = frozenset({"length", "width", "weight", "area", "volume"})
# A height of a place (PLACE_TYPES) is a water level (a river's, a lake's, the sea's), which moves
# from day to day as a toll does; a structure's does not.
LEVEL_METRICS = frozenset({"height"})
# Who covers distances rather than having dimensions (a player's yards, a team's), and a thing
# no entity names, read as one of them.
MOVING_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# An election's figures are of its day: a turnout or a vote share of another vote (the
# Scottish referendum's 84.6% beside the EU referendum's 72.2%) is no contradiction, so they
# are compared only when both are dated (and on the same day).
ELECTION_METRICS = frozenset({"turnout", "vote share", "voters"})
# Figures that change with markets from day to day: a fortune moves with its shares, so
# "$94.9 billion" in one year and "$103.1 billion" in another are two days, unless both are dated.
DAILY_METRICS = MARKET_METRICS | {"net worth"}
# Market levels move through a session: two levels contradict only at a fixed moment.
MOVING_LEVELS = frozenset({"share price", "exchange rate", "index level", "price"})
FIXED_FRAMES = frozenset({"close", "open"})
# An outlet that gets a fact wrong is off by a share, not a multiple: figures more than this
# many times apart are two things (a section and the whole bridge, a day's loss and a fortune).
SAME_FACT_RATIO = 4.0
# An undated page's "Monday" is the dated Monday of another outlet only as likely as not: the
# story's look-alikes fall on other Mondays ("Nvidia closed 5% lower on Monday" in March against
# January's 17%). Figures so dated contradict only when they are near enough to be one fact misread.
WEEKDAY_SAME_FACT_RATIO = 1.5
# Counted nouns that count everyone a toll counts (any other noun counts a subgroup: children).
WHOLE_COUNT_NOUNS = frozenset({
    "people", "person", "persons", "victim", "victims", "life", "lives", "death", "deaths", "dead",
    "casualty", "casualties", "fatality", "fatalities", "body", "bodies",
})


def _signed(low: float, high: float, direction: str | None) -> tuple[float, float]:
    """An interval as a signed change ("fell 17%" is -17), for comparing directions."""
    return (-high, -low) if direction == "down" else (low, high)


def _comparable(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Two facts of one block, metric and frame that an analyst would hold against each other:
    told by no one article together, of one day (moves, market levels and counts of people
    need it known on both sides: the injured of one day are not another day's; a morning
    report's window is not a day), both changes or both levels, not a running toll, not a
    subgroup of people against another group or the whole."""
    if not _two_articles(a, b) or not dates_agree(a.date, b.date):
        return False
    if (a.direction is None) != (b.direction is None):
        return False  # "lost $16 billion" and "is worth $55.9 billion": a change and a level
    if a.metric in RUNNING_TOLLS:
        return False  # "37 dead", then "39": an update, not a contradiction
    if a.metric in UNIDENTIFIED_MEASURES:
        return False  # "magnitude 7.8" and a "magnitude 7.7" second quake: two shocks
    if a.metric in PERIOD_METRICS and not (a.date and b.date):
        return False  # a company's results: "a $4.8bn profit" and "$12bn", a quarter's and a year's, unless dated
    counted = a.unit in COUNTED_UNITS
    one_day = same_day(a, b)  # "on Monday" of an undated page counts
    if not (a.date and b.date or one_day) and (a.direction or a.metric in DAILY_METRICS or a.metric in ELECTION_METRICS
                                               or counted):
        # moves, market levels and values, fortunes, election results and counts of people are
        # news of a day: without a day each may be another day's ("fell 12%" in one year, "fell 20%" in
        # another; a company worth $3.4 trillion in one year and $2.9 trillion after a crash)
        return False
    if a.direction != b.direction and not (a.date and b.date):
        return False  # an undated "rose 8.9% on Tuesday" and a dated Tuesday's "fell 9.5%": two Tuesdays, likelier
        # than an outlet that read the move the wrong way
    if a.metric in MOVING_LEVELS and a.direction is None and a.frame not in FIXED_FRAMES:
        return False  # "$1.50" and "$1.3459" for the pound: two moments of a session
    if a.direction is not None and a.frame in OUTSIDE_THE_CLOSE:
        return False  # "another 40% in pre-market trading" and "more than 60%": two moments of the morning
    if (a.direction or a.metric in MARKET_METRICS) and not one_day \
            and ("/" in (a.date or "") or "/" in (b.date or "") or is_day(a.date) != is_day(b.date)):
        return False  # a report's window (Monday or Tuesday), a month or a year ("so far in 2025, down 10%")
        # against a day: maybe two sessions, or a day's move and the year's
    return not counted or _same_group_counted(a, b)


def _two_articles(a: ClaimGroup, b: ClaimGroup) -> bool:
    """An article that gives two figures of one metric ("nine in hospital, four critical",
    "as much as 50 metres" and "180 feet", "lost $279bn in September" and "$589bn on
    Monday") states two facts, whoever else repeats one of them; a contradiction is between
    outlets, each giving only its own figure."""
    return not (a.by_article.keys() & b.by_article.keys())


def _within_a_multiple(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Two figures close enough to be two readings of one fact (see SAME_FACT_RATIO, and
    WEEKDAY_SAME_FACT_RATIO for a day only a weekday of an undated page gives)."""
    small, large = sorted((abs(a.low + a.high) / 2, abs(b.low + b.high) / 2))
    by_weekday = bool(a.date) != bool(b.date) and same_day(a, b)
    return large <= small * (WEEKDAY_SAME_FACT_RATIO if by_weekday else SAME_FACT_RATIO)


def _counted_nouns(group: ClaimGroup) -> set[str]:
    return {claim.stated_unit.casefold() for claim in group.members if claim.unit in COUNTED_UNITS and claim.stated_unit}


def _same_group_counted(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Counts of people compare when they count the same people: "three children" are a
    subgroup of "38 people", "400 firefighters" another group than "1,000 rescuers"."""
    nouns_a, nouns_b = _counted_nouns(a) - WHOLE_COUNT_NOUNS, _counted_nouns(b) - WHOLE_COUNT_NOUNS
    return nouns_a == nouns_b


def _disagree(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Comparable facts (see ``_comparable``) neither of whose figures can hold if the
    other's do, even allowing for how each was reported (rounding, hedges, provider precision)."""
    a_low, a_high = _signed(a.span_low, a.span_high, a.direction)
    b_low, b_high = _signed(b.span_low, b.span_high, b.direction)
    if _approximate(a) or _approximate(b):  # "nearly 10%" reaches the 9.5% its edge touches
        meet = a_low <= b_high and b_low <= a_high
    else:  # "17%" and "18%" touch at 17.5 and still disagree
        meet = a_low < b_high and b_low < a_high
    return not meet and _within_a_multiple(a, b) and not _cut_short(a, b) and _comparable(a, b)


def _cut_short(a: ClaimGroup, b: ClaimGroup) -> bool:
    """One outlet's figure is the other's with its last digits cut off, not rounded ("fell 19%"
    of a 19.9% fall): told carelessly, not contradicted."""
    return any(truncates(x.value, y.value) or truncates(y.value, x.value) for x in a.members for y in b.members)


def _approximate(group: ClaimGroup) -> bool:
    return any(claim.hedge == "~" for claim in group.members)


def _by_date(groups: list[ClaimGroup]) -> list[list[ClaimGroup]]:
    buckets: dict[str, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        buckets[group.date or ""].append(group)
    return list(buckets.values())


def _frame_key(group: ClaimGroup) -> str | None:
    """The frame facts are compared under: a day's move of an exchange-traded figure stated
    without one is the close, by the convention ``frames_agree`` merges by ("fell 18% on
    Monday" against "closed down 17%")."""
    if group.frame is None and group.direction is not None and group.metric in CLOSING_METRICS:
        return "close"
    return group.frame


def _tally(unit: str | None) -> bool:
    """A count of things ("seats", "Conservative MPs", "Super Bowls"), not of people, money, a
    share or a measure."""
    if not unit or unit in COUNTED_UNITS or unit in AMOUNT_UNITS or unit.split()[0].isupper():
        return False
    last = unit.split()[-1]
    named_plural = last[:1].isupper() and last.endswith("s") and not last.isupper()  # "three Super Bowls" (titles)
    return last.isalpha() and (last.islower() or named_plural) and match_unit(last, 0) is None


def find_conflicts(groups: Iterable[ClaimGroup], entity_types: Mapping[str, str] | None = None
                   ) -> list[tuple[ClaimGroup, ClaimGroup]]:
    """Facts of one block with the same metric, frame and day whose values cannot both hold.

    Facts dated differently, or one dated and one not, are never compared, unless the
    undated one's weekday ("on Monday" in a page without a date) is the other's day as its
    text gives it; two undated facts with the same metric are (a bridge's length does not
    change with the day). Facts of
    unknown metric are compared only when they have a subject and a day ("Acme fell 17%" and
    "Acme fell 12%" on Monday). ``_comparable`` says which others an analyst would not hold
    against each other (one article's figures, running tolls, subgroups, market levels).
    Up to ALL_PAIRS_UP_TO facts per key every disagreeing pair is linked; above, the facts
    of each date, each to the next it disagrees with in value order, so the number of edges
    stays linear. With ``entity_types`` (the corpus's entities' types by id), a dimension of a
    thing no entity names ("a 57-yard field goal" and "a 55-yard field goal") is of one of many
    such things, and a person's or a team's length is a distance covered (a player's 333
    passing yards, 66 rushing): neither is a contradiction; nor are the undated heights of a
    place, a river's or a lake's level, which moves from day to day.
    """
    by_key: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        if not group.metric and not (group.subject and group.date):
            continue
        if group.subject is None and group.unit not in COUNTED_UNITS:
            continue  # "48%" and "55.3%" of no one: nothing says they are one fact
        if group.block.startswith(COUNT_BLOCK) and not group.qualifiers:
            continue  # "412 seats" and "326 seats" of no party: nothing says they count the same
        if not group.metric and _tally(group.unit):
            continue  # a party's "212 seats" and "187 seats": a tally stands at any moment of its count
        if entity_types is not None and group.metric in DIMENSIONS and group.subject is not None \
                and entity_types.get(group.subject.id, "PERSON") in MOVING_TYPES:
            continue  # "a 57-yard field goal", "a 55-yard field goal": two of a story's many field goals
        if entity_types is not None and group.metric in LEVEL_METRICS and group.subject is not None and not group.date \
                and entity_types.get(group.subject.id) in PLACE_TYPES:
            continue  # "the Guaíba reached 5.31 metres" and "5.21 metres": a river's level of two days, unless dated
        by_key[(group.block, group.unit, kin_metric(group.metric), _frame_key(group))].append(group)
    conflicts = []
    for same in by_key.values():
        buckets = [same] if len(same) <= ALL_PAIRS_UP_TO else _by_date(same)
        for bucket in buckets:
            ordered = sorted(bucket, key=lambda g: (_signed(g.low, g.high, g.direction), g.first))
            if len(ordered) <= ALL_PAIRS_UP_TO:
                pairs = ((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:])
            else:
                pairs = zip(ordered, ordered[1:])
            conflicts.extend((a, b) for a, b in pairs if _disagree(a, b))
    return conflicts
