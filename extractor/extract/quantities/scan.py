"""The scan: every number of the whole text (so a sentence split in the wrong place does
not cut a hedge or a currency from its number), read outwards into a quantity: currency
and sign before it, scale, currency, unit and rate after it, hedge words either side
("nearly", "more than", "up to", "or more")."""

from __future__ import annotations

import re

from extractor.extract.lexicon import TIME_ZONES
from extractor.extract.quantities.money import (
    CODE_AFTER_RE, CURRENCY_AFTER_RE, LOCAL_DOLLAR, currency_before, read_currency_after,
)
from extractor.extract.quantities.numbers import (
    COUNT_BEFORE_SCALE_RE,
    COUNTED_AFTER_SCALE_RE,
    SCALE_RE,
    SCALES,
    SCALES_NEEDING_CURRENCY,
    WORD_SCALES,
    find_atoms,
)
from extractor.extract.quantities.quantity import Literal, Quantity
from extractor.extract.quantities.units import NOT_A_RATE_RE, PER_NOUNS, PER_RE, read_unit

# Hedge phrases before a quantity; value is the hedge symbol.
HEDGES_BEFORE: dict[str, str] = {
    "more or less": "~", "approximately": "~", "approx.": "~", "approx": "~",
    "roughly": "~", "around": "~", "about": "~", "nearly": "~", "almost": "~",
    "close to": "~", "an estimated": "~", "estimated": "~", "some": "~", "circa": "~",
    "ca.": "~", "c.": "~", "~": "~", "just about": "~", "approaching": "~",
    "more than": ">", "over": ">", "above": ">", "upwards of": ">", "upward of": ">",
    "in excess of": ">", "greater than": ">", "higher than": ">", "north of": ">",
    "over than": ">", "exceeding": ">", "just over": ">", "well over": ">", "excess of": ">", "topping": ">",
    "surpassing": ">",
    "under": "<", "less than": "<", "below": "<", "fewer than": "<", "lower than": "<",
    "just under": "<", "shy of": "<", "sub-": "<", "well under": "<", "just below": "<",
    "at least": ">=", "no less than": ">=", "no fewer than": ">=", "a minimum of": ">=",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as much as": "<=",
    "as many as": "<=", "a maximum of": "<=", "as high as": "<=", "not more than": "<=",
}
# Hedge phrases after a quantity ("1,000 or more", "50 or so", "1,000+").
HEDGES_AFTER: dict[str, str] = {
    "or more": ">=", "or higher": ">=", "or above": ">=", "+": ">=",
    "or less": "<=", "or fewer": "<=", "or lower": "<=", "or below": "<=", "or so": "~", "-plus": ">=",
}
# The hedge phrase ending right before a quantity, and the one right after it.
HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\[“\"'])|(?<=^-))(?P<hedge>"
    + "|".join(re.escape(h) for h in sorted(HEDGES_BEFORE, key=len, reverse=True))
    + r")\s*\Z", re.I)
HEDGE_AFTER_RE = re.compile(
    r"(?P<hedge>\+|-plus|\s(?:" + "|".join(re.escape(h) for h in sorted(HEDGES_AFTER, key=len, reverse=True)
                                       if h not in ("+", "-plus"))
    + r"))(?![\w])", re.I)
# A 24-hour time written with a dot ("18.35"), and a part of the day after it, which tells a
# time from a price or a measure of the same shape.
DOTTED_CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
PART_OF_DAY_AFTER_RE = re.compile(
    r"\s(?:last\s+night|tonight|local\s+time|this\s+(?:morning|afternoon|evening)|in\s+the\s+(?:morning|afternoon|evening)"
    r"|(?:yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:morning|afternoon|evening|night)"
    r"|hours\b)", re.I)
# An hour told by the part of its day, the clause going on after it ("4 in the morning and we've
# been on hold", not "killed 4 in the morning raid").
HOUR_OF_THE_DAY_AFTER_RE = re.compile(
    r"\s+in\s+the\s+(?:morning|afternoon|evening)(?=\s*(?:[,.;:!?”\"')]|$|and\b|when\b|on\b|local\b))", re.I)
TIME_AFTER_RE = re.compile(r"\s?(?:a\.?m\b\.?|p\.?m\b\.?|am\b|pm\b|hrs\b|h\d\d|o'clock)", re.I)


def _glued_before(text: str, pos: int) -> bool:
    """The number at ``pos`` is glued to letters before it ("H800", "COVID-19", "TA-35")."""
    if pos == 0:
        return False
    prev = text[pos - 1]
    if prev.isalnum() or prev in "_@/\\&":
        return True
    if prev in "-–" and pos >= 2 and text[pos - 2].isalpha():
        word = re.search(r"([A-Za-z]+)[-–]\Z", text[max(0, pos - 30):pos])
        return not (word and word.group(1).lower() in ("sub", "minus", "to", "than", "mid"))
    return False


def _read_quantity(text: str, number: Literal, value: float, floor: int = 0) -> Quantity | None:
    """Read sign, currency, scale, unit, rate and hedges around the literal ``number``.

    ``floor`` is where the previous quantity ended: nothing before it may be read again.
    Returns None for what is not a quantity at all (identifiers, ordinals, clock times).
    """
    start, end, is_word = number.start, number.end, number.is_word
    q = Quantity(literal=number, start=start, end=end, value=value)
    literal = text[start:end].lower()
    if re.match(r"\s+times?\b", text[end:end + 7]):
        q.times = True
    if literal.endswith("fold"):
        q.fold = True
    elif is_word and (last := re.split(r"[\s-]+", literal)[-1]) in ("thousand", "million", "billion", "trillion"):
        q.scale = float(WORD_SCALES[last])  # "four to five thousand": the scale carries to the low end
    left = _read_before(q, text, floor)
    if left is None or (not is_word and _is_clock_or_ordinal(text, start, end)):
        return None
    pos = _read_scale(q, text, end)
    if pos == end and text[end:end + 1] == "+" and (after := _read_scale(q, text, end + 1)) > end + 1:
        pos, q.hedge = after, ">="  # "$200+ billion": at least, in billions
    pos = read_currency_after(q, text, pos)
    if q.unit is None:
        pos = read_unit(q, text, pos)
    if q.unit is not None and not NOT_A_RATE_RE.match(text, pos) and (per := PER_RE.match(text, pos)):
        base = PER_NOUNS.get(per.group("per").lower())
        if base and base != q.unit:  # "$52 a barrel", "80 per sq m", "hours a week"
            q.unit, pos = f"{q.unit} per {base}", per.end()
    if not is_word and pos == end and re.match(r"[A-Za-z]", text[pos:pos + 1]):
        return None  # letters glued after a bare literal: an identifier ("9AB8", "5G", "3D")
    pos = _read_hedges(q, text, left, pos)
    q.start, q.end = left, pos
    return q


# A sum the text marks as US dollars, right before an opening bracket.
US_SUM_BEFORE_RE = re.compile(
    r"(?:\bUS\s?\$|\$\s?US|\bUSD\s?)\s?\d[\d.,]*(?:\s?(?:[bmk]n?|billion|million|trillion|tn|thousand)\b)?\s*\(\Z", re.I)


def _local_dollars(text: str, left: int) -> bool:
    """A bare "$" sum in brackets right after a sum marked as US dollars is that sum in the
    page's own dollar (an Australian, New Zealand or Canadian paper's), not in US dollars."""
    return text[left:left + 1] == "$" and US_SUM_BEFORE_RE.search(text, max(0, left - 40), left) is not None


def _read_before(q: Quantity, text: str, floor: int) -> int | None:
    """Currency and sign before the literal; the claim's start, or None for an identifier."""
    start = q.literal.start
    currency, left, million = currency_before(text, start)
    if currency is not None and left < floor:  # "50 dollar 40 rmb": "dollar" belongs to 50
        currency, left, million = None, start, False
    if currency is None and _glued_before(text, start) and text[start - 1] != "~":
        return None
    if currency and left > 0 and (text[left - 1].isalnum() or text[left - 1] == "_"):
        return None
    if currency == "USD" and _local_dollars(text, left):
        currency = LOCAL_DOLLAR
    if currency:
        q.unit, q.currency = currency, True
        if million:  # "MUSD 30"
            q.value *= 1e6
    if left >= 1 and text[left - 1] in "-−" and (left == 1 or text[left - 2] in " (\t\n:"):
        q.sign, left = -1, left - 1
    elif left >= 1 and text[left - 1] == "+" and (left == 1 or not text[left - 2].isalnum()):
        q.sign, left = 1, left - 1
    elif (mm := re.search(r"\bminus[\s-]\Z", text[max(0, left - 8):left], re.I)) \
            and not re.search(r"\bplus\s+or\s+minus[\s-]\Z", text[max(0, left - 16):left], re.I):  # a margin, no sign
        q.sign, left = -1, max(0, left - 8) + mm.start()
    if q.sign < 0:
        q.value = -q.value
    return left


def _is_clock_or_ordinal(text: str, start: int, end: int) -> bool:
    """"22nd", "1990s", "9:30", "10.45pm", "0401 GMT": not quantities."""
    after = text[end:end + 12]
    if re.match(r"(?:st|nd|rd|th)\b", after) or re.match(r"['’]?s\b", after) or re.match(r"\([A-Za-z]\)", after):
        return True  # "22nd", "1990s", "401(k)"
    if re.match(r"[:.]\d\d(?:\s?(?:a\.?m|p\.?m)|:\d)", after, re.I) or re.match(r":\d", after):
        return True
    if start >= 2 and re.match(r"\d:", text[start - 2:start]):
        return True
    if TIME_AFTER_RE.match(after):
        return True
    if re.fullmatch(r"[1-9]|1[0-2]", text[start:end]) and HOUR_OF_THE_DAY_AFTER_RE.match(text, end):
        return True  # "It's 4 in the morning and we've been on hold": an hour
    if DOTTED_CLOCK_RE.fullmatch(text, start, end) and re.search(r"\bat\s\Z", text[max(0, start - 3):start]) \
            and PART_OF_DAY_AFTER_RE.match(text, end):
        return True  # "at 18.35 last night": a 24-hour time written with a dot (not "closed at 18.35 on Monday")
    tz = re.match(r"\s([A-Z]{2,4})\b", after)
    return bool(tz and tz.group(1) in TIME_ZONES)


def _read_scale(q: Quantity, text: str, pos: int) -> int:
    """A scale after the number ("bn", " million", "4.3M", "half a million"); returns the new end."""
    if q.literal.is_word:
        sm = re.match(r"\s(?:a\s)?(?P<scale>thousand|million|billion|trillion)\b|-a-(?P<joined>thousand|million|billion|trillion)\b",
                      text[pos:], re.I)
        if sm and abs(q.value) < 1:  # "half a million", "half-a-trillion dollars"
            q.scale = SCALES[(sm.group("scale") or sm.group("joined")).lower()]
            q.value *= q.scale
            return pos + sm.end()
        return pos
    scale_m = SCALE_RE.match(text, pos)
    if not scale_m:
        return pos
    word, glued = scale_m.group("scale"), scale_m.group("sp") == ""
    low = word.lower()
    low = low[:-1] if low in ("lakhs", "crores") else low  # "Rs 5,000 crores"
    if len(word) == 1:
        after = scale_m.end()
        money = q.currency or bool(CODE_AFTER_RE.match(text, after) or CURRENCY_AFTER_RE.match(text, after))
        if word == "T":
            ok = bool(money)  # "$3.355 T", "$1.2T": trillions of money; "5T" alone is not
        elif low in SCALES_NEEDING_CURRENCY and word.islower():
            # "£350m", "1.5m people", "2bn of", "the number of users fell to 279m", but "a 310m tower" is metres
            ok = glued and (money or bool(COUNTED_AFTER_SCALE_RE.match(text, after))
                            or bool(COUNT_BEFORE_SCALE_RE.search(text, max(0, q.literal.start - 120), q.literal.start)))
        elif not glued:
            ok = word in ("M", "B") and (money or bool(re.match(r"\s[a-z]", text[after:after + 2])))
        else:
            ok = True
        if not ok:
            return pos
    q.scale = SCALES[low]
    q.value *= q.scale
    if low in ("hundred", "thousand", "lakh") and (crore := CRORE_AFTER_RE.match(text, scale_m.end())):
        q.scale *= SCALES["crore"]  # "₹51 lakh crore", "Rs 5 thousand crore": Indian scales compound
        q.value *= SCALES["crore"]
        return crore.end()
    return scale_m.end()


# "crore" after another scale word ("51 lakh crore" is 51 × 10^5 × 10^7, as is "51-lakh-crore").
CRORE_AFTER_RE = re.compile(r"(?:[ \t]+|-)crores?\b", re.I)


def _read_hedges(q: Quantity, text: str, left: int, pos: int) -> int:
    """Hedge words after ("or more", "+") and before ("nearly", "more than") the quantity."""
    if (ha := HEDGE_AFTER_RE.match(text, pos)) and not (ha.group("hedge") == "+" and pos != q.literal.end and not q.currency and q.unit is not None):
        q.hedge = HEDGES_AFTER[ha.group("hedge").strip().lower()]
        if ha.group("hedge") in ("+", "-plus"):
            pos = ha.end()  # "$200+ billion", "$10bn-plus": the claim runs to its sign or word
    window = text[max(0, left - 24):left]
    if (hb := HEDGE_BEFORE_RE.search(window)):
        q.hedge = HEDGES_BEFORE[hb.group("hedge").lower()]
        q.hedge_start = left - (len(window) - hb.start())
    return pos


def scan_text(text: str) -> list[Quantity]:
    """Every number expression of a text, read outwards into quantities (before filtering)."""
    out: list[Quantity] = []
    floor = 0
    for start, end, value, is_word in find_atoms(text):
        if start < floor:
            continue  # "64.2 cents a dozen": the dozen belongs to the rate
        q = _read_quantity(text, Literal(start, end, is_word), value, floor)
        if q is None:
            continue
        q.value = float(f"{q.value:.12g}")  # 16.4 * 1e6 is 16400000, not 16399999.999999998
        if q.high is not None:
            q.high = float(f"{q.high:.12g}")
        out.append(q)
        floor = q.end
    return out
