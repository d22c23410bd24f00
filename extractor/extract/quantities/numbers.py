"""Number literals and their values: digits ("593", "1,307,000", "12,34,567.89", ".500",
"1/2", "2.998×10−8"), words ("nine", "twenty-eight thousand", "a dozen", "two-thirds",
"half", "sixfold") and scales ("bn", "m", "million")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from extractor.dates import MONTHS

# Multipliers written as words or glued suffixes ("$593bn", "4.3M", "20 million").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6,
    "mln": 1e6, "mio": 1e6, "m": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
}
# Scale suffixes that are units too ("37m" is 37 metres): a scale only next to money.
SCALES_NEEDING_CURRENCY = frozenset({"m", "b"})
# After "1.5m"/"2bn" without money: a plural noun or "of" makes the letter a scale, not metres.
COUNTED_AFTER_SCALE_RE = re.compile(r"\s(?:people|of\b|[a-z]{2,}s\b)")
# Before it, in its clause: a number of things or a population ("the number of users fell from
# 282m to 279m") counts, which no length does.
COUNT_BEFORE_SCALE_RE = re.compile(r"\b(?:numbers?|population)\s+of\b[^.,;:!?]{0,80}\Z", re.I)
# Number words.
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Number words that multiply what precedes them.
WORD_SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "dozen": 12,
}
# Fractions written in words, with the counts that may precede them ("two-thirds").
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10,
}
# Digit literals: scientific, mixed numbers, fractions, grouped (also lakh style), decimals.
DIGIT_PATTERN = (
    r"(?P<sci>\d+(?:\.\d+)?\s?[×x]\s?10\s?\^?(?P<exp>[-−]?\d+))"
    r"|(?P<mixed>(?<![\d,.])\d+\s\d+/\d+)(?![\d/])"
    r"|(?P<frac>(?<![\d,./])\d+\s?[/⁄]\s?\d+)(?![\d/⁄])"
    r"|(?P<num>%s\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)(?!,\d)"
    # a decimal comma, as many outlets write it ("16,9%", "1,5 billion", "£8,7-billion",
    # "€12,40", "352,5 pence"): only where a percent, a scale or a currency's sign or minor
    # unit goes with it, since "3,5" alone may be a list
    r"|\d+,\d{1,2}(?=\s?%%|[\s-](?:per\s?cent|percent|%s)\b|(?:bn|mn)\b|\s(?:pence|cents?|euros?|rand)\b)"
    r"|(?:(?<=[£$€¥₹])|(?<=\bR))\d+,\d{1,2}(?![\d,])"
    # and with a magnitude or a metric unit ("a magnitude 2,9 earthquake", "4,5 km", "12,5°C")
    r"|(?<=\bmagnitude\s)\d,\d(?![\d,])|\d+,\d{1,2}(?=[\s-]?(?:km|kg|cm|mm|m|t|°C|°)(?![\w°])|[\s-]magnitude\b)"
    r"|\d+(?:\.\d+)?(?!\d)"
    r"|(?<![\w.])\.\d+(?!\d))"
)
_SCALES = "|".join(("thousand", "million", "billion", "trillion"))
DIGIT_RE = re.compile(DIGIT_PATTERN % ("", _SCALES), re.I)
# Thousands grouped by spaces, as SI style and many outlets write them ("11 300 people",
# "10 000"): groups of exactly three digits after one of one to three, not after a digit,
# a comma or a point, nor run on into another digit.
SPACED_DIGIT_RE = re.compile(
    DIGIT_PATTERN % (r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d]|[.,]\d)|", _SCALES), re.I)
# What may not stand before a number that spaces group: a month's name ("March 11 300 people"
# is a date and a count) or a number sign.
NOT_BEFORE_SPACED_RE = re.compile(r"(?:%s|no\.?|#|nos?\.)\s*\Z" % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)
DECIMAL_COMMA_RE = re.compile(r"\d+,\d{1,2}")
# A date written with dots, day or month first ("27.01.2025", "03.02.24").
DOTTED_DATE_RE = re.compile(r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|[12]\d|3[01])\.(?:\d{4}|\d{2})(?![\d]|\.\d)")
# Where a digit literal can start. Python's regex engine tries every alternative of
# DIGIT_RE at every character; trying it only here is the same scan, eight times faster.
DIGIT_START_RE = re.compile(r"[\d.]")


def digit_literals(text: str) -> Iterator[re.Match]:
    """``DIGIT_RE.finditer(text)``, tried only where a digit literal can start, with thousands
    grouped by spaces read as one number (``SPACED_DIGIT_RE``)."""
    end = 0
    for candidate in DIGIT_START_RE.finditer(text):
        at = candidate.start()
        if at < end:
            continue
        match = SPACED_DIGIT_RE.match(text, at)  # (DIGIT_RE's match, unless thousands spaced apart)
        if match is not None and " " in (match.group("num") or "") \
                and NOT_BEFORE_SPACED_RE.search(text, max(0, at - 12), at):  # (only spaced thousands put a space in "num")
            match = DIGIT_RE.match(text, at)
        if match:
            end = match.end()
            yield match


_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *WORD_SCALES], key=len, reverse=True))
# Numbers in words, with an optional "a"/"an" and "and a half".
WORD_NUMBER_RE = re.compile(
    r"(?<![\w-])(?P<words>(?:an?\s+)?(?:%s)(?:(?:\s+|-|\s+and\s+)(?:%s))*"
    r"(?:[\s-]+and[\s-]+a[\s-]+half(?:\s+(?:thousand|million|billion|trillion))?)?)(?![\w])"
    % (_NUMBER_WORD, _NUMBER_WORD),
    re.I,
)
FRACTION_WORD_RE = re.compile(
    r"(?<![\w-])(?<!\band\s)(?<!\band\sa\s)(?P<words>(?:(?:a|one|two|three|four|nine)[\s-]+)?(?:half|thirds?|quarters?|fifths?|tenths?))"
    r"(?:(?![\w-])|(?=-an?-(?:thousand|million|billion|trillion)\b))", re.I)  # not the "a half" of "two and a half"
# (but "half-a-trillion dollars", hyphened as one modifier)
# What makes "a third" or "a quarter" a share: "of" after it, or a change or hedge before it
# ("cut by a third", "nearly a quarter"); without, it is the third or fourth of something.
SHARE_AFTER_RE = re.compile(r"\s+of\b", re.I)
SHARE_BEFORE_RE = re.compile(r"\b(?:by|than|nearly|almost|about|around|roughly|some|over|under|just|only|least)\s+\Z", re.I)


def _ordinal_noun(text: str, m: re.Match) -> bool:
    """"a third", "a fifth" with nothing that makes it a share (see ``SHARE_AFTER_RE``);
    halves and counted fractions ("two-thirds") are always shares."""
    words = m.group("words").lower().split()
    if len(words) != 2 or words[0] != "a" or words[1] not in ("third", "quarter", "fifth", "tenth"):
        return False
    return not SHARE_AFTER_RE.match(text, m.end()) and not SHARE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())


# Multipliers: "sixfold", "10-fold".
FOLD_RE = re.compile(r"(?<![\w-])(?P<n>\d+|%s)[\s-]?fold\b" % "|".join(SMALL_NUMBERS), re.I)
# A scale word or suffix right after the number.
# Scale words in any case ("$593 Billion" in a headline) and after a hyphen ("$35-billion",
# "its ₹20,000-crore offer"), and the Indian scales in the plural too ("Rs 5,000 crores");
# the abbreviations as news writes them; single letters only in the case that means a scale.
SCALE_RE = re.compile(
    r"(?P<sp>\s?|-(?=(?i:thousand|million|billion|trillion|lakh|crore)\b))"
    r"(?P<scale>(?i:thousand|million|billion|trillion|hundred|lakh|crore)(?i:(?<=lakh|rore)s)?"
    r"|bn|mn|mln|bln|mio|trn|tn|Bn|Mn|Tn|k|K|m|M|b|B|T)"
    r"(?![A-Za-z0-9/²³])"
)


def parse_number_words(words: str) -> float | None:
    """Value of a number in words: "twenty-eight thousand six hundred", "a dozen", "two and a half"."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p and p != "and"]
    scale = 1
    if len(parts) >= 3 and parts[-3:-1] == ["a", "half"] and parts[-1] in WORD_SCALES:
        scale, parts = WORD_SCALES[parts[-1]], parts[:-1]  # "two and a half million": (2 + 0.5) million
    half = parts[-2:] == ["a", "half"]
    if half:
        parts = parts[:-2]
    if parts and parts[0] in ("a", "an"):
        parts = ["one", *parts[1:]]
    total, current, seen = 0, 0, False
    for part in parts:
        if part in SMALL_NUMBERS:
            rest, value = current % 100, SMALL_NUMBERS[part]
            if rest and not (rest % 10 == 0 and rest >= 20 and value < 10):
                return None  # "one-two", "three-four": two numbers, not one ("twenty-two" is)
            current += value
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in WORD_SCALES:
            total += (current or 1) * WORD_SCALES[part]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = float(total + current)
    return (value + 0.5 if half else value) * scale


def parse_fraction_words(words: str) -> float | None:
    """Value of "two-thirds", "a quarter", "three quarters", "half"."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p]
    frac = FRACTION_WORDS.get(parts[-1])
    if frac is None:
        return None
    if len(parts) == 1:
        return frac if parts[0] == "half" else None
    count = 1 if parts[0] in ("a", "one") else SMALL_NUMBERS.get(parts[0])
    if count is None or (parts[-1].endswith("s") and count == 1) or count * frac >= 1:
        return None
    return count * frac


def parse_digits(match: re.Match) -> float | None:
    """Value of a digit literal: plain, grouped, fraction, mixed number or scientific."""
    if match.group("sci"):
        mantissa = float(re.match(r"\d+(?:\.\d+)?", match.group("sci")).group())
        return mantissa * 10.0 ** int(match.group("exp").replace("−", "-"))
    if match.group("mixed"):
        whole, frac = match.group("mixed").split()
        num, den = (int(x) for x in frac.split("/"))
        return whole and int(whole) + num / den if 0 < num < den else None
    if match.group("frac"):
        num, den = (int(x) for x in re.split(r"\s?[/⁄]\s?", match.group("frac")))
        if den not in (2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128) or not 0 < num < den:
            return None
        return num / den
    num = match.group("num")
    if DECIMAL_COMMA_RE.fullmatch(num):
        return float(num.replace(",", "."))
    return float(num.replace(",", "").replace(" ", ""))


def find_atoms(text: str) -> list[tuple[int, int, float, bool]]:
    """Number literals of a text: (start, end, value, written in words)."""
    atoms: list[tuple[int, int, float, bool]] = []
    used = bytearray(len(text) + 1)  # characters already read as part of a number

    def take(start: int, end: int) -> None:
        used[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not any(used[start:end])

    lowered = text.lower()
    for m in DOTTED_DATE_RE.finditer(text):
        take(m.start(), m.end())  # "(27.01.2025)": a day, no number
    for m in FOLD_RE.finditer(text) if "fold" in lowered else ():
        n = m.group("n")
        atoms.append((m.start(), m.end(), float(n) if n.isdigit() else float(SMALL_NUMBERS[n.lower()]), True))
        take(m.start(), m.end())
    for m in digit_literals(text):
        value = parse_digits(m)
        if value is not None and math.isfinite(value) and free(m.start(), m.end()):
            atoms.append((m.start(), m.end(), value, False))
            take(m.start(), m.end())
    fractions = any(word in lowered for word in ("half", "third", "quarter", "fifth", "tenth"))
    for m in FRACTION_WORD_RE.finditer(text) if fractions else ():
        value = parse_fraction_words(m.group("words"))
        if value is None and re.match(r"\s+(?:thousand|million|billion|trillion)\b", text[m.end():], re.I):
            value = FRACTION_WORDS.get(m.group("words").lower())  # "quarter million"
        if value is not None and _ordinal_noun(text, m):
            continue  # "Rice added a third": the third goal, no fraction
        if value is not None and free(m.start(), m.end()):
            atoms.append((m.start(), m.end(), value, True))
            take(m.start(), m.end())
    for m in WORD_NUMBER_RE.finditer(text):
        words, start = m.group("words"), m.start()
        article = re.match(r"an?\s+", words, re.I)
        if article and not re.match(r"an?\s+(?:%s)\b" % "|".join(WORD_SCALES), words, re.I):
            start += article.end()
            words = words[article.end():]
        if not free(start, m.end()):
            continue
        # "a half million", "quarter million": a fraction word before the scale
        value = parse_number_words(words)
        if value is None:
            continue
        prior = [a for a in atoms if a[3] and a[1] in (start - 1, start) and a[2] < 1]
        if prior and words.lower() in ("thousand", "million", "billion", "trillion"):
            atoms.remove(prior[0])
            atoms.append((prior[0][0], m.end(), prior[0][2] * value, True))
            continue
        if words.lower() in WORD_SCALES:  # a bare "million" with no count before it
            continue
        atoms.append((start, m.end(), value, True))
        take(start, m.end())
    atoms.sort()
    return atoms
