"""Ranges: "between 10 and 20 percent", "10-20%", "from $5 to $7", "four to five thousand".
Amounts listed with "and"/"or" share a currency written on one of them ("8 or $9").
A descending "X to Y" ("voted 52% to 48%") is a tally of two sides, kept as two figures.
A range keeps its low end as the value and both ends as bounds; the scale and unit of
the high end carry to a bare low end when that keeps low <= high ("$10 to $15 billion",
but not "$200 to $4 million")."""

from __future__ import annotations

import re

from extractor.extract.quantities.direction import AMOUNT_DEPS, DOWN_VERBS, UP_VERBS, governor
from extractor.extract.quantities.filters import is_bare
from extractor.extract.quantities.quantity import Quantity
from extractor.extract.quantities.tokens import Tokens
from extractor.extract.quantities.units import NOT_A_RATE_RE, PER_NOUNS, PER_RE

# Words joining the two ends of a range ("10-20", "10 to 20", "0-to-60", "between 1 and 2").
RANGE_CONNECTORS = frozenset({"-", "–", "—", "to", "-to-", "to-", "through", "and"})


# After the second of "from X in 2022 to Y in 2023 to Z": another step follows, so the
# amounts are a series of years' figures, not the two ends of a range.
SERIES_NEXT_RE = re.compile(r"\s+(?:in|by)\s+(?:19|20)\d\d\s+to\s")


def _is_stated_change(q: Quantity, tokens: Tokens) -> bool:
    """The amount of a rise or fall the text states as fact ("rose 5%"), not a forecast ("could rise")."""
    gov, how, _ = governor(tokens.span(q.start, q.end).root)
    if gov is None or gov.pos_ not in ("VERB", "AUX") or how not in AMOUNT_DEPS:
        return False
    if gov.lemma_.lower() not in UP_VERBS | DOWN_VERBS:
        return False
    seen = gov.dep_ in ("ccomp", "xcomp") and gov.head.lemma_.lower() in PERCEPTION_VERBS  # "saw its value drop $20bn"
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in gov.children) and (gov.tag_ != "VB" or seen)


# Verbs of witnessing a change, whose bare infinitive tells it as fact ("noticed his fortune drop
# $20.8 billion to $103.6 billion", "watched its shares fall 17%"), unlike "could fall", "to fall".
PERCEPTION_VERBS = frozenset({"see", "watch", "notice", "witness", "observe"})


def _base_unit(unit: str | None) -> str | None:
    return unit.split(" per ")[0] if unit else None


# Words before a range of ages ("aged 40 to 79", "between the ages of 18 and 25").
AGES_BEFORE_RE = re.compile(r"\b(?:aged|ages(?:\s+of)?)\s*\Z", re.I)
# Another score right before or after a dashed pair: "6-4, [3-6], 6-2".
SCORE_BEFORE_RE = re.compile(r"\b(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2}),\s*\Z")
SCORE_AFTER_RE = re.compile(r",\s*(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\b(?![-–\d%])")


def _among_scores(text: str, start: int, end: int) -> bool:
    """The dashed pair at [start, end) is one of a list of scores (a tennis match's sets): a
    pair beside it runs downwards, which no range does ("6-4, 3-6"; not "5-10, 10-15")."""
    return any(m is not None and int(m.group("a")) >= int(m.group("b"))
               for m in (SCORE_BEFORE_RE.search(text[max(0, start - 12):start]), SCORE_AFTER_RE.match(text, end)))


def pair_ranges(qs: list[Quantity], text: str, tokens: Tokens) -> None:
    """Join "X to Y", "X-Y", "between X and Y", "from X (...) to Y" into one range on X.

    "rose £4,000 to £285,000" is a change and a level, not a range: a plain "X to Y"
    whose X is the amount of a stated rise or fall stays two quantities.
    """
    for a, b in zip(qs, qs[1:]):
        if a.verdict.drop or b.verdict.drop or a.verdict.in_range or a.fold or b.fold:
            continue
        between = text[a.end:b.start]
        conn = between.strip().lower()
        anchor = a.hedge_start if a.hedge_start is not None else a.start
        before = text[max(0, anchor - 24):anchor].lower()
        from_before = bool(re.search(r"\bfrom(?:\s+(?:the|a|an|its|their))?\s*\Z", before))
        if conn in RANGE_CONNECTORS:
            kind = conn
        elif from_before and re.fullmatch(r"\s[^,;()]{0,40}\sto\s", between) and not SERIES_NEXT_RE.match(text, b.end) \
                and not any(t.pos_ in ("VERB", "AUX") for t in tokens.span(a.end, b.start)):
            kind = "to"  # "from $5 (...) to $7", but not two steps of "from $364B in 2022 to $1.2T in 2023 to $3.4T",
            # nor "the toll from the 7.8 quake rose to 5,000" (a verb between: a source, then a level)
        else:
            continue
        dash = kind in ("-", "–", "—", "-to-", "to-")
        if dash and is_bare(a) and b.unit is None and not b.currency and _among_scores(text, anchor, b.end):
            a.verdict.drop = b.verdict.drop = True  # "6-4, 3-6, 6-2": each set a score, whichever side won
            continue
        if kind == "and" and not re.search(r"\bbetween(?:\s+the\s+ages\s+of)?\s*\Z", before):
            continue
        if a.unit and b.unit and _base_unit(a.unit) != _base_unit(b.unit):
            continue
        if a.unit and not b.unit and not dash and not from_before and not AGES_BEFORE_RE.search(before) \
                and not (a.currency and a.scale == 1 and b.scale > 1 and is_bare(b) and a.value * b.scale <= b.value):
            continue  # (but "participants aged 40 to 79" is a range of ages, "$15 to 26 billion" one of money)
        if kind in ("to", "through") and not from_before and (a.verdict.is_range_high or re.search(r"\bby\s*\Z", before) or _is_stated_change(a, tokens)):
            continue
        low = a.value
        if b.scale > 1 and a.scale == 1 and abs(low * b.scale) <= abs(b.value):
            low *= b.scale
        if kind == "to" and not from_before and low > b.value:
            continue  # "voted 52% to 48%", "won 3 to 1": a tally of two sides, not a range
        if dash and not low < b.value:
            if is_bare(a) and b.unit is None and not b.currency:
                a.verdict.drop = b.verdict.drop = True  # a score ("2-0") or a code
            continue
        a.value, a.high = low, b.value
        a.unit = b.unit if (b.unit and (not a.unit or len(b.unit) > len(a.unit))) else a.unit
        a.metric = a.metric or b.metric
        a.currency = a.currency or b.currency
        a.end = b.end
        if a.hedge == "=" and b.hedge == "~":
            a.hedge = "~"
        if a.hedge in ("<=", ">=", ">", "<"):
            a.hedge = "="  # "from up to 252 miles to 287": the bound belongs to the range
        b.verdict.in_range = b.verdict.is_range_high = True


# Between two amounts of one list: "8 or $9", "$5 and 6 million", "£20, £25 or 30".
LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s+|\s*,\s*")
# After the last amount of a list: nothing more is counted ("£25 or 30 each", "$5 and 6 million.").
LIST_END_RE = re.compile(r"\s*(?:[.,;:)!?]|\Z|(?:each|apiece|respectively|a\s+piece)\b)")

# After a scaled last amount, a preposition or determiner (not a counted noun): "$5 and 6 million in two rounds".
SCALED_END_RE = re.compile(r"\s+(?:in|on|for|from|to|by|at|over|during|this|last|next|a|an|the|each)\b")


def share_list_currency(qs: list[Quantity], text: str) -> None:
    """Amounts listed together share the currency written on one of them: "8 or $9" and
    "40 or 50 euros" (backwards, with the scale when that keeps the list in order: "5 or
    $6 million"), "$5 and 6 million", "£20, £25 or 30 each" (forwards, onto a bare number
    that ends the list, so "$5m and 6 investors" is left alone)."""
    for a, b in zip(qs, qs[1:]):
        if a.verdict.drop or b.verdict.drop or a.verdict.in_range or b.verdict.in_range or a.high is not None or b.high is not None:
            continue
        if not LIST_GAP_RE.fullmatch(text[a.end:b.start]) or a.times or b.times or a.fold or b.fold:
            continue
        if b.currency and not a.currency and a.unit is None:
            a.unit, a.currency = b.unit, True
            if a.scale == 1 and b.scale > 1 and abs(a.value * b.scale) <= abs(b.value):
                a.value, a.scale = a.value * b.scale, b.scale
        elif a.currency and not b.currency and b.unit is None and (
                LIST_END_RE.match(text, b.end) or (b.scale > 1 and SCALED_END_RE.match(text, b.end))):
            b.unit, b.currency = a.unit, True
            if a.scale == 1 and b.scale > 1 and abs(a.value * b.scale) <= abs(b.value):
                a.value, a.scale = a.value * b.scale, b.scale  # "$5 and 6 million": both in millions


# A figure and its equivalent in brackets: "C$6 (US$4.46)", "8.90 ksi (61.4 MPa)".
EQUIVALENT_OPEN_RE = re.compile(r"\s*\(\s*")
EQUIVALENT_CLOSE_RE = re.compile(r"\s*\)")


def share_equivalent_terms(qs: list[Quantity], text: str) -> None:
    """A figure and its equivalent in brackets state one amount: the bracketed one takes the
    hedge written before the first ("lower than 8.90 ksi (61.4 MPa)"), and a rate written
    after the bracket applies to both ("C$6 (US$4.46) per share")."""
    for a, b in zip(qs, qs[1:]):
        if a.verdict.drop or b.verdict.drop or a.unit is None or b.unit is None:
            continue
        if not EQUIVALENT_OPEN_RE.fullmatch(text[a.end:b.start]) or not (close := EQUIVALENT_CLOSE_RE.match(text, b.end)):
            continue
        if b.hedge == "=" and a.hedge != "=":
            b.hedge = a.hedge
        if " per " in a.unit or " per " in b.unit or NOT_A_RATE_RE.match(text, close.end()):
            continue
        if (per := PER_RE.match(text, close.end())) and (base := PER_NOUNS.get(per.group("per").lower())):
            if base not in (a.unit, b.unit):
                a.unit, b.unit = f"{a.unit} per {base}", f"{b.unit} per {base}"
