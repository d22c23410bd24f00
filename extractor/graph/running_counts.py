"""When one figure of a running count told on several days is one fact: "38 dead" reported on
the 15th and again on the 17th is the toll that held from the 15th to the 17th, not two facts.

A running count (the dead, the missing, the injured while a search goes on) is news of the
day it is reported, so claims carry that day; but a toll that does not change is reported
again each day. The same exact figure of one count on days at most ``days`` apart is one
fact, dated by the interval of those days, unless a different figure of that count was
reported on a day strictly between (the toll moved and came back: "three missing" on the
15th, "up to 20" on the 17th, "three" on the 18th are three facts). Hedged figures ("at
least 38") only break a run: they report a bound, not the toll. A cumulative count (the dead)
never comes back to a figure it has left, so a different figure between two reports of one
figure is a report out of date or misdated ("38" on the 15th and 17th, "43" on a page dated
the 16th that tells of the 19th), and breaks no run.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Container, Iterable


def _day(date: str | None) -> dt.date | None:
    """A single ISO day, or None for anything else (no date, a month, an interval)."""
    if not date or len(date) != 10:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def held_intervals(counts: Iterable[tuple[str, str, float, str | None, bool]], days: int,
                   cumulative: Container[str] = frozenset()) -> dict[str, str]:
    """Claim id -> the interval ("2018-08-15/2018-08-17") its figure held, for each claim
    whose figure was reported on two or more days of one run (see the module docstring).

    ``counts`` are (claim id, metric, value, date, exact) of one subject (or metric) and unit;
    ``cumulative`` the metrics whose runs other figures do not break.
    """
    exact: dict[tuple[str, float], dict[dt.date, list[str]]] = defaultdict(lambda: defaultdict(list))
    reported: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)  # metric -> (day, value)
    for claim_id, metric, value, date, is_exact in counts:
        day = _day(date)
        if day is None:
            continue
        reported[metric].append((day, value))
        if is_exact:
            exact[(metric, value)][day].append(claim_id)
    out: dict[str, str] = {}
    for (metric, value), by_day in exact.items():
        others = [] if metric in cumulative else sorted(day for day, other in reported[metric] if other != value)
        ordered = sorted(by_day)
        run = [ordered[0]]
        for day in [*ordered[1:], None]:
            moved = day is not None and bisect.bisect_left(others, day) > bisect.bisect_right(others, run[-1])
            if day is not None and (day - run[-1]).days <= days and not moved:
                run.append(day)
                continue
            if len(run) > 1:
                interval = f"{run[0].isoformat()}/{run[-1].isoformat()}"
                out.update((claim_id, interval) for d in run for claim_id in by_day[d])
            run = [day]
    return out
