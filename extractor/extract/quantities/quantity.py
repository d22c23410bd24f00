"""A quantity as the scan reads it, before it becomes a ``Claim`` (doc offsets).

Three parts, each written by one stage: the ``Literal`` (the number as written, fixed
once found), the ``Quantity`` fields the scan reads around it (value, unit, hedge …;
range pairing may widen them), and the ``Verdict`` that filtering and range pairing
reach about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True)
class Literal:
    """The number literal itself: where it stands and whether it is written in words."""

    start: int
    end: int
    is_word: bool = False


@dataclass
class Verdict:
    """What filtering and range pairing decided about a quantity."""

    drop: bool = False  # not a quantity (a year, a label, part of a name, a score …)
    in_range: bool = False  # one end of a range: the other end holds the claim
    is_range_high: bool = False  # the high end of a range, merged into its low end
    is_year_like: bool = False  # dropped as a year, unless it opens a measured range


@dataclass
class Quantity:
    """The number with what attaches to it: currency, scale, unit, rate, sign and hedges."""

    literal: Literal
    start: int  # first character of the claim text (currency, sign or range included)
    end: int
    value: float  # in base units: scale, sign and minor amounts applied
    unit: str | None = None
    hedge: str = "="
    hedge_start: int | None = None  # where the hedge words begin
    sign: int = 0  # +1 / -1 when the text wrote an explicit sign
    scale: float = 1.0
    currency: bool = False
    metric: str | None = None  # set by the scan only for ages
    high: float | None = None  # range high end
    times: bool = False  # "3,200 times": a count of occurrences
    fold: bool = False  # "sixfold": a multiplier
    verdict: Verdict = field(default_factory=Verdict)


@dataclass(frozen=True)
class Placed:
    """A kept quantity placed in the parse: the tokens it covers and the unit they give it."""

    quantity: Quantity
    span: SpacySpan
    unit: str | None  # its own unit, else a fraction or the noun it counts
    counted: bool = False  # the unit is a plural counted noun ("435 homes ... and 187": it carries)
