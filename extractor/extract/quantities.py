"""Numeric claims: the quantities a news article states, normalised, with what they are about.

One pass over the parsed article, cheap next to the parse (no extra ``nlp()`` calls):

1. **Scan** the whole article text (so a sentence split in the wrong place does not cut
   a hedge or a currency from its number) for number literals (``593``, ``1,307,000``,
   ``12,34,567.89``, ``.500``, ``1/2``, ``2.998×10−8``) and numbers in words (``nine``,
   ``twenty-eight thousand``, ``a dozen``, ``two-thirds``, ``half``, ``sixfold``).
   spaCy's CARDINAL/MONEY/PERCENT labels are not used: they miss glued forms
   (``$593bn``, ``5kW``) and label many non-quantities.
2. **Read outwards** from each literal: a currency before it (``$``, ``A$``, ``HK $``,
   ``USD``, ``€``), a sign, a scale (``bn``, ``m``, ``million``), a currency after it
   (``euros``, ``Australian dollars``, ``yen``, ``USD``; "3 dollars 50 cents" is 3.5),
   a percent sign or unit (``per cent``, ``percentage points``, ``mph``, ``sq m``), a
   rate (``a barrel``, ``per share``), and hedge words (``nearly``, ``more than``,
   ``up to``, ``or more``).
3. **Drop** what is not a quantity: years, days of a month, clock times, ordinals,
   decades, identifiers and names (``H800``, ``COVID-19``, ``Row 21``, ``S&P 500``,
   ``BBC One``, ``575 Wilbraham Road``), labels (``No. 5``, ``category 4``), list
   markers, scores (``2-0``), account numbers, ages in apposition (``Smith, 65,``), age
   qualifiers (``men aged 18 to 34``), hyphenated durations describing a noun (``a
   five-year award``), "one" as a pronoun ("each one") and ordinal "a third" ("a third
   straight day").
4. **Pair** ranges: ``between 10 and 20 percent``, ``10-20%``, ``from $5 to $7``,
   ``four to five thousand``. A range claim has ``value`` = its low end and ``bounds`` =
   (low, high); the scale and unit of the high end carry to a bare low end when that
   keeps low <= high (``$10 to $15 billion``, but not ``$200 to $4 million``). Open
   intervals get one bound from the hedge (``under $6m``: high 6e6; ``more than
   1,000``: low 1000).
5. **Read the parse** around the quantity (``Span.root`` of its tokens) for the counted
   noun, direction, subject, metric and date.

Units: currencies are ISO 4217 codes (``BTC`` for bitcoin; ``$`` alone is USD);
``percent``; ``percentage_point``; ``fraction`` for fraction words ("two-thirds of
voters"); other units singular lower-case names (``mile``, ``kilometre``, ``mile per
hour``, ``basis point``, ``point``, ``cent``, ``penny``); counted nouns keep the
modifiers between number and noun (``7 European countries`` -> ``european country``, as
NewsQuant does); rates are ``"<unit> per <noun>"`` (``USD per barrel``); null for a bare
count (and for "times", "-fold"). Ages are unit ``year`` (or ``month``) with metric
``age``. Money sub-units (cents, pence) are not converted. A bare number takes the unit
of the quantity before it in its sentence when that unit is measured, or a plural counted
noun in a parallel slot ("84.75 cents, while the lowest is 74.07"; "435 homes ... and
187"); percentages carry only to another "by" amount, currencies and time units never.
Signs transliterated to ASCII the way ``unidecode`` writes them (``PS6m`` for £6m,
``Y=100`` for ¥100, ``2.14degF``) are read as the sign; ``PS`` only before a scale,
thousands separator or decimal, so ``PS5`` stays a name.

Direction: ``up``/``down`` from the verb that governs the amount (``fell``, ``sinking``,
``wiping``, ``increased by``; participle and conjoined clauses included, and a reduced
relative: "$593bn wiped off"), from an adverb (``closed down 4%``, ``finished 34%
higher``, ``was up 19 cents``), from an explicit sign on a percent or point change
(``DAX -1.6%``), or from a change noun (``a 5% drop``, ``an increase of 2%``). Amounts
introduced by "to", "from", "at" ("fell 7% to $2.3bn") are levels: no direction.

``change`` is NewsQuant's single label, by this rule: a bound first (``>``/``<``, with
``>=`` folded to ``>`` and ``<=`` to ``<``), since NewsQuant labels "lost more than 60%"
``>``; else the direction when a verb, adverb or sign states it; else the hedge (``=``
or ``~``). A direction read only from a noun ("a 3 percent drop") fills ``direction``
but not ``change``: NewsQuant labels those amounts ``=``.

Subject: entities of the subject of the governing verb (its head's entity first: in
"ChatGPT backer Microsoft fell", Microsoft; conjuncts too, and entities listed before it
with "and", which the parser may split off: "Tokyo Electron and technology investor
SoftBank Group slid"); else its possessor, compound, "of"/"at" phrase ("Broadcom's
shares", "Shares of Nvidia", "profits at HSBC"). For verbs that move an amount from an
owner ("wiping $593bn from the chipmaker's market value") the owner comes first. Clauses
without a subject inherit it (participles, conjuncts, adverbial clauses). Pronouns (its,
their, he) and descriptions (the company, the chipmaker) resolve to the entity of the
sentence's main subject when that comes before them, else to the last organisation (or
person) mentioned within ``COREFERENCE_WINDOW`` characters. No entity: empty subject.

Metric: a short name from a small vocabulary (``METRIC_PHRASES``, ``METRIC_WORDS``:
share price, market value, cost, price, revenue, profit, index, ...) read from the noun
the amount belongs to ("a cost of", "market value of"), the verb's "from"/"of"/"in"
phrase or object, or the subject's head noun.

Dates: a date expression attached to the same verb (or to a verb that governs it), or
opening the sentence ("On Tuesday, ..."), dates the quantity, and only when it names a
single day: weekdays ("on Monday": the latest such weekday on or before publication, the
publication day itself included), ``today``/``yesterday``/``tomorrow``, and day-and-month
forms ("10 January", "Dec. 20", resolved by dateparser with the publication date as
base, preferring the past). Weeks, months and years ("last week", "in June", "March
2020") give null, as do bounds of a period ("since October 7"). Without a publication
date only a fully written date (day, month and year) is used; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.extract.entities import ArticleEntities, LocalEntity
from extractor.models import Bounds, Claim, Span
from extractor.nlp.views import doc_ents, doc_text, span_text, token_starts

# ----------------------------------------------------------------- vocabulary

# Multipliers written as words or glued suffixes ("$593bn", "4.3M", "20 million").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6,
    "mln": 1e6, "mio": 1e6, "m": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
# Scale suffixes that are units too ("37m" is 37 metres): a scale only next to money.
SCALES_NEEDING_CURRENCY = frozenset({"m", "b"})
# After "1.5m"/"2bn" without money: a plural noun or "of" makes the letter a scale, not metres.
COUNTED_AFTER_SCALE_RE = re.compile(r"\s(?:people|of\b|[a-z]{2,}s\b)")
# Currency symbols (before or after the number) and their ISO 4217 codes.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₪": "ILS", "₿": "BTC", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₦": "NGN",
    "฿": "THB", "₱": "PHP", "₫": "VND", "元": "CNY", "ரூ": "LKR",
}
# Letters that qualify a dollar sign ("A$", "HK $", "$US", "C$") and the dollar they make.
DOLLAR_QUALIFIERS: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "usd": "USD", "a": "AUD", "au": "AUD",
    "aud": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD", "hk": "HKD",
    "hkd": "HKD", "nz": "NZD", "nzd": "NZD", "s": "SGD", "sg": "SGD", "sgd": "SGD",
    "nt": "TWD", "r": "BRL", "mex": "MXN", "mx": "MXN", "mxn": "MXN",
}
# ISO codes written as words before or after the number ("USD 200", "115USD").
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "AUD", "HKD", "CAD", "CHF", "INR", "NZD", "SGD",
    "KRW", "BRL", "MXN", "ZAR", "RUB", "TRY", "SEK", "NOK", "DKK", "ILS", "SAR", "AED",
    "TWD", "THB", "PLN", "IDR", "MYR", "PHP", "BTC", "RMB", "XBT",
)
# Codes spelled differently in news ("RMB 10") and their ISO code.
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "XBT": "BTC"}
# ASCII transliterations of currency signs as unidecode writes them, and "Rs"/"RM".
ASCII_CURRENCY: dict[str, str] = {"PS": "GBP", "Y=": "JPY", "Rs": "INR", "Rs.": "INR", "RM": "MYR"}
# Currency names after the number (singular) and their default ISO code.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "rupee": "INR",
    "franc": "CHF", "shekel": "ILS", "rand": "ZAR", "rouble": "RUB", "ruble": "RUB",
    "baht": "THB", "ringgit": "MYR", "naira": "NGN", "zloty": "PLN", "rupiah": "IDR",
    "dirham": "AED", "riyal": "SAR", "bitcoin": "BTC", "markka": "FIM", "peseta": "ESP",
    "guilder": "NLG", "lira": "TRY", "peso": "MXN", "won": "KRW", "krona": "SEK",
    "krone": "NOK", "real": "BRL", "mark": "DEM",
}
# Plural and irregular forms of currency names.
CURRENCY_PLURALS: dict[str, str] = {
    "dollars": "dollar", "euros": "euro", "pounds": "pound", "rupees": "rupee",
    "francs": "franc", "shekels": "shekel", "roubles": "rouble", "rubles": "ruble",
    "bitcoins": "bitcoin", "pesetas": "peseta", "guilders": "guilder", "pesos": "peso",
    "kronor": "krona", "kroner": "krone", "reais": "real", "liras": "lira", "lire": "lira",
    "markkas": "markka", "rands": "rand", "riyals": "riyal", "dirhams": "dirham",
    "marks": "mark",
}
# Adjective + currency name -> ISO code ("Australian dollars", "Swiss francs").
CURRENCY_QUALIFIED: dict[tuple[str, str], str] = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD", ("swiss", "franc"): "CHF",
    ("french", "franc"): "FRF", ("chinese", "yuan"): "CNY", ("japanese", "yen"): "JPY",
    ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP", ("argentine", "peso"): "ARS",
    ("turkish", "lira"): "TRY", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("south african", "rand"): "ZAR",
    ("russian", "rouble"): "RUB", ("russian", "ruble"): "RUB", ("brazilian", "real"): "BRL",
    ("swedish", "krona"): "SEK", ("norwegian", "krone"): "NOK", ("danish", "krone"): "DKK",
    ("israeli", "shekel"): "ILS", ("new", "shekel"): "ILS", ("south korean", "won"): "KRW",
    ("korean", "won"): "KRW", ("egyptian", "pound"): "EGP", ("finnish", "markka"): "FIM",
    ("dutch", "guilder"): "NLG", ("deutsche", "mark"): "DEM", ("german", "mark"): "DEM",
    ("british", "pound"): "GBP", ("spanish", "peseta"): "ESP",
}
# Currency names that are also common words: money only with a scale, thousands or an adjective.
AMBIGUOUS_CURRENCY_NAMES = frozenset({"won", "real", "rand", "lira", "mark"})
# Money sub-units kept as their own units ("19 cents" is 19 cent, as NewsQuant has it).
MONEY_SUBUNITS: dict[str, str] = {
    "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny", "p": "penny",
    "satoshi": "satoshi", "satoshis": "satoshi",
}
# Words that make "pounds" a weight rather than sterling.
WEIGHT_CUES = frozenset({
    "weigh", "weighs", "weighed", "weighing", "weight", "heavy", "heavier", "lighter",
    "kg", "kilograms", "ounces", "diet", "lbs", "lb", "shape", "fat", "obese", "chocolate",
    "flour", "sugar", "meat", "fish", "beef",
})
# Words that make "pounds" sterling.
MONEY_CUES = frozenset({
    "cost", "costs", "price", "prices", "paid", "pay", "pays", "fine", "fined", "worth",
    "spend", "spent", "sold", "bought", "fee", "fees", "salary", "wage", "budget", "revenue",
    "profit", "loss", "fund", "deal", "bid", "tax", "debt", "sterling", "earn", "earned",
    "cash", "bonus", "investment", "raised", "valued", "charge", "bill", "money", "pounds",
})

# Percent, percentage points and points after a number.
PERCENT_RE = re.compile(r"\s?(?:%|per[\s-]?cent\b|percent\b|pct\b|pc\b)(?:-owned\b)?", re.I)
# "percentage points", "pp" after a number.
PERCENTAGE_POINT_RE = re.compile(r"\s?(?:percentage[\s-]points?\b|pct\.?\s?points?\b|ppts?\b|pp\b)", re.I)
# "basis points", "bps" after a number.
BASIS_POINT_RE = re.compile(r"\s?(?:basis[\s-]points?\b|bps\b|bp\b)", re.I)
# "points" after a number (index points, sports points).
POINT_RE = re.compile(r"[\s-]?points?\b", re.I)

# Measurement units: canonical singular name -> surface forms (regex, case-insensitive).
UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "mile per hour": (r"miles? (?:per|an) hour", "mph"),
    "kilometre per hour": (r"kilomet(?:re|er)s? (?:per|an) hour", "kph", "km/h", "kmh"),
    "metre per second": (r"met(?:re|er)s? per second", "m/s"),
    "mile per gallon": (r"miles? per gallon", "mpg"),
    "square mile": (r"square miles?", r"sq\.? ?mi(?:les?)?"),
    "square kilometre": (r"square kilomet(?:re|er)s?", r"sq\.? ?km", "km2", "km²"),
    "square metre": (r"square met(?:re|er)s?", r"sq\.? ?m", "sqm", "m2", "m²"),
    "square foot": (r"square f(?:ee|oo)t", r"sq\.? ?ft"),
    "cubic foot": (r"cubic f(?:ee|oo)t", r"cu\.? ?ft"),
    "cubic metre": (r"cubic met(?:re|er)s?", "m3", "m³"),
    "mile": ("miles?",),
    "kilometre": (r"kilomet(?:re|er)s?", "km"),
    "metre": (r"met(?:re|er)s?",),
    "centimetre": (r"centimet(?:re|er)s?", "cm"),
    "millimetre": (r"millimet(?:re|er)s?", "mm"),
    "inch": (r"inch(?:es)?",),
    "foot": ("feet", "foot", "ft"),
    "yard": ("yards?", "yds?"),
    "acre": ("acres?",),
    "hectare": ("hectares?",),
    "kilogram": (r"kilo(?:gram)?s?", "kg"),
    "gram": ("grams?",),
    "milligram": ("milligrams?", "mg"),
    "microgram": ("micrograms?", "mcg", "µg"),
    "pound": ("lbs?",),
    "ounce": ("ounces?", "oz"),
    "tonne": ("tonnes?", "metric tons?"),
    "ton": ("tons?",),
    "gigaton": (r"gigaton(?:ne)?s?", "Gt"),
    "megaton": (r"megaton(?:ne)?s?",),
    "litre": (r"lit(?:re|er)s?",),
    "millilitre": (r"millilit(?:re|er)s?", "ml"),
    "gallon": ("gallons?",),
    "pint": ("pints?",),
    "quart": ("quarts?",),
    "barrel": ("barrels?", "bbl"),
    "dram": ("drams?",),
    "watt": ("watts?",),
    "kilowatt": ("kilowatts?", "kW"),
    "megawatt": ("megawatts?", "MW"),
    "gigawatt": ("gigawatts?", "GW"),
    "kilowatt hour": (r"kilowatt[- ]hours?", "kWh"),
    "megawatt hour": (r"megawatt[- ]hours?", "MWh"),
    "gigawatt hour": (r"gigawatt[- ]hours?", "GWh"),
    "terawatt hour": (r"terawatt[- ]hours?", "TWh"),
    "horsepower": ("horsepower", "hp", "bhp"),
    "foot pound-force": (r"lb[- ]ft", r"pound[- ]feet"),
    "volt": ("volts?",),
    "kilovolt": ("kilovolts?", "kV"),
    "milliampere hour": ("mAh",),
    "farad": ("farads?",),
    "hertz": ("hertz", "Hz"),
    "kilohertz": ("kilohertz", "kHz"),
    "megahertz": ("megahertz", "MHz"),
    "gigahertz": ("gigahertz", "GHz"),
    "byte": ("bytes?",),
    "kilobyte": ("kilobytes?", "KB"),
    "megabyte": ("megabytes?", "MB"),
    "gigabyte": ("gigabytes?", "GB"),
    "terabyte": ("terabytes?", "TB"),
    "megabit per second": (r"megabits? per second", "Mbps"),
    "gigabit per second": (r"gigabits? per second", "Gbps"),
    "megapixel": ("megapixels?",),
    "decibel": ("decibels?", "dB"),
    "calorie": ("calories?", "kcal"),
    "joule": ("joules?",),
    "megapascal": ("megapascals?", "MPa"),
    "kilopound per square inch": ("ksi",),
    "pound per square inch": ("psi",),
    "knot": ("knots?", "kts?"),
    "roentgen": ("roentgens?",),
    "celsius": (r"degrees? celsius", "celsius", "°C", "° C", r"deg ?C", r"degrees? C(?![a-z])", "C°"),
    "fahrenheit": (r"degrees? fahrenheit", "fahrenheit", "°F", "° F", r"deg ?F", r"degrees? F(?![a-z])", "F°"),
    "degree": ("degrees?", "°", "deg"),
    "mega british thermal unit": ("mmBTU", "mmbtu"),
    "british thermal unit": ("BTUs?",),
    "second": ("seconds?", "secs?"),
    "minute": ("minutes?", "mins?"),
    "hour": ("hours?", "hrs?"),
    "day": ("days?",),
    "week": ("weeks?",),
    "month": ("months?",),
    "year": ("years?", "yrs?"),
    "decade": ("decades?",),
    "century": ("century", "centuries"),
}
# Short symbols that must match case exactly and be glued to the number ("5W", "50mL").
UNIT_FORMS_GLUED: dict[str, str] = {
    "m": "metre", "g": "gram", "W": "watt", "l": "litre", "L": "litre", "mL": "millilitre",
    "h": "hour", "V": "volt", "min": "minute", "lb": "pound", "in": "inch",
}
GLUED_UNIT_RE = re.compile(
    r"-?(?P<form>%s)(?![A-Za-z0-9²³/])" % "|".join(sorted(map(re.escape, UNIT_FORMS_GLUED), key=len, reverse=True)))
# Unit forms that are also English words: only when glued to the number ("5kt" not "5 kt").
WORDLIKE_UNIT_FORMS = frozenset({"deg"})
# Units that make a number an age ("65-year-old", "30 years old").
AGE_RE = re.compile(r"[\s-]?(?P<unit>years?|months?|weeks?|days?)[\s-]old\b", re.I)
# Time units: counted noun from the unit table, never a range of levels.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

# Nouns a rate can be "per" ("$52 a barrel", "80 per sq m", "hours a week").
PER_NOUNS: dict[str, str] = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night",
    "week": "week", "month": "month", "year": "year", "annum": "year", "decade": "decade",
    "century": "century", "share": "share", "barrel": "barrel", "ounce": "ounce",
    "gallon": "gallon", "litre": "litre", "liter": "litre", "tonne": "tonne", "ton": "ton",
    "pound": "pound", "lb": "pound", "kilogram": "kilogram", "kg": "kilogram",
    "head": "head", "person": "person", "capita": "person", "dozen": "dozen", "mile": "mile",
    "kilometre": "kilometre", "km": "kilometre", "unit": "unit", "game": "game",
    "sq m": "square metre", "square metre": "square metre", "square meter": "square metre",
    "sq ft": "square foot", "square foot": "square foot", "mmbtu": "mega british thermal unit",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "passenger": "passenger", "user": "user",
}
PER_RE = re.compile(
    r"(?:(?:\s?-\s?|\s)?(?:per|a|an)(?:\s?-\s?|\s)|\s?/\s?)(?P<per>"
    + "|".join(sorted((re.escape(k) for k in PER_NOUNS), key=len, reverse=True))
    + r")(?:e?s)?\b", re.I)
# "a year ago", "a year earlier": the year is not a rate.
NOT_A_RATE_RE = re.compile(r"\s?(?:a|an)\s+(?:year|month|week|day)\s+(?:ago|earlier|before|later|after)\b", re.I)

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
# Words after "a third", "a fifth" that make it an ordinal ("a third straight day").
ORDINAL_FOLLOWERS_RE = re.compile(
    r"[\s-]+(?:straight|consecutive|successive|time|term|round|place|party|quarter|day|week|"
    r"month|year|season|game|match|leg|stage|generation|tier|attempt|[a-z]+est)\b", re.I)
# Words before "half" that make it a period or a part, not a number ("first half").
NOT_FRACTION_BEFORE = frozenset({"first", "second", "third", "fourth", "final", "last", "next", "other", "the", "this", "that", "each", "latter", "former", "in"})
# "one" as a pronoun or determiner after these words ("each one", "no one", "the one").
ONE_PRONOUN_BEFORE = frozenset({"no", "each", "every", "any", "the", "this", "that", "which", "another", "some", "a", "only", "anyone", "someone", "no-one"})
# "one" before these words is not a count ("one another", "one day" as "some day").
ONE_PRONOUN_AFTER = frozenset({"another", "who", "that", "which", "thing", "way", "or"})

# Hedge phrases before a quantity; value is the hedge symbol.
HEDGES_BEFORE: dict[str, str] = {
    "more or less": "~", "approximately": "~", "approx.": "~", "approx": "~",
    "roughly": "~", "around": "~", "about": "~", "nearly": "~", "almost": "~",
    "close to": "~", "an estimated": "~", "estimated": "~", "some": "~", "circa": "~",
    "ca.": "~", "c.": "~", "~": "~", "just about": "~", "approaching": "~",
    "more than": ">", "over": ">", "above": ">", "upwards of": ">", "upward of": ">",
    "in excess of": ">", "greater than": ">", "higher than": ">", "north of": ">",
    "over than": ">", "exceeding": ">", "just over": ">", "well over": ">", "excess of": ">",
    "under": "<", "less than": "<", "below": "<", "fewer than": "<", "lower than": "<",
    "just under": "<", "shy of": "<", "sub-": "<", "well under": "<", "just below": "<",
    "at least": ">=", "no less than": ">=", "no fewer than": ">=", "a minimum of": ">=",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as much as": "<=",
    "as many as": "<=", "a maximum of": "<=", "as high as": "<=", "not more than": "<=",
}
# Hedge phrases after a quantity ("1,000 or more", "50 or so", "1,000+").
HEDGES_AFTER: dict[str, str] = {
    "or more": ">=", "or higher": ">=", "or above": ">=", "+": ">=",
    "or less": "<=", "or fewer": "<=", "or lower": "<=", "or below": "<=", "or so": "~",
}
# The hedge phrase ending right before a quantity, and the one right after it.
HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\[“\"'])|(?<=^-))(?P<hedge>"
    + "|".join(re.escape(h) for h in sorted(HEDGES_BEFORE, key=len, reverse=True))
    + r")\s*\Z", re.I)
HEDGE_AFTER_RE = re.compile(
    r"(?P<hedge>\+|\s(?:" + "|".join(re.escape(h) for h in sorted(HEDGES_AFTER, key=len, reverse=True) if h != "+")
    + r"))(?![\w])", re.I)

# Verbs whose object or amount is a rise (lemmas).
UP_VERBS = frozenset({
    "rise", "gain", "jump", "climb", "surge", "soar", "rally", "advance", "increase", "grow",
    "add", "rebound", "recover", "spike", "leap", "rocket", "skyrocket", "balloon", "swell",
    "expand", "boost", "raise", "lift", "hike", "accelerate", "improve", "bounce",
    "strengthen", "appreciate", "firm", "widen", "outperform",
})
# Verbs whose object or amount is a fall (lemmas; a few irregular forms the tagger leaves).
DOWN_VERBS = frozenset({
    "fall", "drop", "decline", "slide", "slip", "sink", "lose", "shed", "tumble", "plunge",
    "plummet", "dive", "erase", "wipe", "cut", "slash", "reduce", "decrease", "shrink",
    "sag", "dip", "retreat", "ease", "weaken", "contract", "crash", "collapse", "tank",
    "lower", "knock", "shave", "trim", "slump", "skid", "crater", "depreciate", "halve",
    "evaporate", "crumble", "nosedive", "fell", "sank", "slid", "narrow", "underperform",
})
# Adverbs that state a rise, and a fall, when they govern the amount ("34% higher", "down 4%").
UP_ADVERBS = frozenset({"up", "higher", "upward", "upwards"})
DOWN_ADVERBS = frozenset({"down", "lower", "downward", "downwards"})
# Nouns that name a change ("a 5% drop", "an increase of 2%").
UP_NOUNS = frozenset({
    "rise", "gain", "jump", "increase", "growth", "surge", "rally", "boost", "hike",
    "rebound", "advance", "climb", "uptick", "spike", "leap", "upswing", "raise",
})
DOWN_NOUNS = frozenset({
    "drop", "fall", "decline", "decrease", "slump", "plunge", "cut", "reduction", "slide",
    "dip", "contraction", "downturn", "selloff", "sell-off", "tumble", "retreat",
})
# Verbs that move an amount from or to an owner ("wiping $593bn from X's market value").
TRANSFER_VERBS = frozenset({
    "wipe", "erase", "shave", "knock", "strip", "lop", "slash", "take", "add", "remove",
})
# Prepositions whose object is a level, not the amount of a change ("fell 7% to $2.3bn").
LEVEL_PREPOSITIONS = frozenset({"to", "from", "at", "near", "around"})

# Head nouns of descriptions that stand for an organisation ("the chipmaker").
COMPANY_NOUNS = frozenset({
    "company", "firm", "group", "chipmaker", "maker", "manufacturer", "carrier", "airline",
    "bank", "lender", "insurer", "retailer", "startup", "start-up", "giant", "automaker",
    "carmaker", "producer", "supplier", "operator", "developer", "conglomerate", "business",
    "brand", "owner", "publisher", "exchange", "utility", "miner", "broker", "brewer",
    "distributor", "provider", "chain", "corporation", "subsidiary", "rival", "competitor",
    "builder", "housebuilder", "drugmaker", "outfit", "club", "streamer", "platform",
})
# Pronouns that stand for an organisation, and for a person.
ORG_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them"})
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
# How far back (characters) a pronoun or description may look for its entity.
COREFERENCE_WINDOW = 800
# Entity types a subject can have (numbers are about organisations, places, people, things).
SUBJECT_TYPES = frozenset({"ORG", "PERSON", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"})

# What is measured: compound + head, or head lemma -> metric name. Small on purpose.
METRIC_PHRASES: dict[str, str] = {
    "market value": "market value", "market cap": "market value",
    "market capitalisation": "market value", "market capitalization": "market value",
    "market valuation": "market value", "share price": "share price",
    "stock price": "share price", "net income": "profit", "net profit": "profit",
    "operating profit": "profit", "interest rate": "interest rate",
    "unemployment rate": "unemployment", "jobless rate": "unemployment",
}
METRIC_WORDS: dict[str, str] = {
    "share": "share price", "stock": "share price", "valuation": "market value",
    "cost": "cost", "price": "price", "revenue": "revenue", "sale": "revenue",
    "sales": "revenue", "turnover": "revenue", "profit": "profit", "earnings": "profit",
    "loss": "loss", "index": "index",
    "debt": "debt", "deficit": "deficit", "inflation": "inflation",
    "unemployment": "unemployment", "gdp": "gdp", "economy": "gdp", "yield": "yield",
    "dividend": "dividend", "salary": "pay", "wage": "pay", "fine": "fine",
    "penalty": "fine", "tax": "tax", "budget": "budget", "investment": "investment",
    "funding": "funding", "population": "population", "export": "exports",
    "import": "imports", "output": "output", "production": "output", "asset": "assets",
    "reserve": "reserves",
}

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
# Time-zone words after a clock time ("0401 GMT").
TIME_ZONES = frozenset({
    "GMT", "UTC", "EDT", "EST", "PDT", "PST", "CDT", "CST", "BST", "CET", "CEST", "ET",
    "PT", "JST", "HKT", "IST", "AEST", "AEDT", "SGT",
})
# spaCy labels of names that may contain numbers ("575 Wilbraham Road", "Euro 2020").
NAME_ENTITY_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON"})
# Words before a number that make it a label ("No. 5", "#3", "category 4", "phase 3").
LABEL_BEFORE_RE = re.compile(
    r"(?:\bno\.|\bnos\.|#|\b(?:number|page|p\.|pp\.|grade|level|version|step|phase|stage|"
    r"category|class|tier|round|room|gate|platform|route|highway|interstate|channel|row|"
    r"seat|lot|section|chapter|article|episode|zone|floor|terminal|flight|district|ward|"
    r"precinct))\s*\Z",
    re.I,
)
# Stock indices whose names end in a number ("S&P 500", "FTSE 100", "Nikkei 225").
INDEX_BEFORE_RE = re.compile(
    r"\b(?:s\s?&?\s?p|ftse|nikkei|stoxx|euro\s?stoxx|russell|cac|dax|mdax|tecdax|asx|"
    r"s&p/asx|fortune|forbes|nasdaq|hang seng|sensex|nifty|kospi|tsx|ibex|ftse mib|omx|"
    r"topix|hsi|klci|psei|jse)[\s-]?\Z",
    re.I,
)
# Street words after a house number ("575 Wilbraham Road", "9 E 71st St", "22 Ave Foch").
STREET_AFTER_RE = re.compile(
    r"(?:[-–]\d+)?\s(?:[A-Z][\w.'’-]*\s|\d+(?:st|nd|rd|th)\s){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|"
    r"Drive|Dr|Boulevard|Blvd|Place|Pl|Square|Sq|Court|Ct|Terrace|Close|Crescent|Parkway|Pkwy|"
    r"Highway|Hwy)\b\.?"
)
# Account, phone and reference numbers: three or more digit groups joined by hyphens.
DIGIT_CODE_RE = re.compile(
    r"(?<![\w.,])\d+(?:[-–]\d+){2,}(?![\w.])"  # "1111-2222-3333"
    r"|(?<![\w.,])\+?\d{2,5}(?:[ -]\d{2,5}){2,}(?![\w.,])"  # "0800 123 4567"
    r"|(?<![\w.,])0\d{2,}(?![\w.,])"  # "0401": a leading zero is a code or a clock time
)
# Four-digit numbers in this range are years unless they count something.
YEAR_RANGE = (1800, 2200)
# Function words that may be capitalised at a sentence start without naming anything.
_FUNCTION_WORDS = frozenset({
    "about", "around", "nearly", "almost", "some", "over", "under", "more", "less", "up",
    "in", "on", "at", "by", "for", "from", "to", "the", "a", "an", "and", "of", "only",
    "just", "roughly", "approximately", "another", "all", "with", "than", "since", "after",
    "before", "between", "below", "above", "within", "those", "these", "its", "their",
    "his", "her", "our", "my", "your", "top", "as", "exactly", "total", "is", "was", "are",
    "were", "be", "i", "we", "they", "he", "she", "it", "you", "that", "this", "there",
    "here", "but", "or", "if", "when", "while", "estimated", "minus", "plus", "no", "yes",
    "down", "still", "even", "also", "then", "now", "once", "every", "each", "maybe",
    "perhaps", "least", "most", "many", "what",
})

# ------------------------------------------------------------------- patterns

# Digit literals: scientific, mixed numbers, fractions, grouped (also lakh style), decimals.
DIGIT_RE = re.compile(
    r"(?P<sci>\d+(?:\.\d+)?\s?[×x]\s?10\s?\^?(?P<exp>[-−]?\d+))"
    r"|(?P<mixed>(?<![\d,.])\d+\s\d+/\d+)(?![\d/])"
    r"|(?P<frac>(?<![\d,./])\d+\s?[/⁄]\s?\d+)(?![\d/⁄])"
    r"|(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)(?!,\d)"
    r"|\d+(?:\.\d+)?(?!\d)"
    r"|(?<![\w.])\.\d+(?!\d))"
)
# Where a digit literal can start. Python's regex engine tries every alternative of
# DIGIT_RE at every character; trying it only here is the same scan, eight times faster.
DIGIT_START_RE = re.compile(r"[\d.]")


def digit_literals(text: str) -> Iterator[re.Match]:
    """``DIGIT_RE.finditer(text)``, tried only where a digit literal can start."""
    end = 0
    for candidate in DIGIT_START_RE.finditer(text):
        if candidate.start() >= end and (match := DIGIT_RE.match(text, candidate.start())):
            end = match.end()
            yield match


_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *WORD_SCALES], key=len, reverse=True))
# Numbers in words, with an optional "a"/"an" and "and a half".
WORD_NUMBER_RE = re.compile(
    r"(?<![\w-])(?P<words>(?:an?\s+)?(?:%s)(?:(?:\s+|-|\s+and\s+)(?:%s))*(?:\s+and\s+a\s+half)?)(?![\w])"
    % (_NUMBER_WORD, _NUMBER_WORD),
    re.I,
)
FRACTION_WORD_RE = re.compile(
    r"(?<![\w-])(?P<words>(?:(?:a|one|two|three|four|nine)[\s-]+)?(?:half|thirds?|quarters?|fifths?|tenths?))(?![\w-])", re.I)
# Multipliers: "sixfold", "10-fold".
FOLD_RE = re.compile(r"(?<![\w-])(?P<n>\d+|%s)[\s-]?fold\b" % "|".join(SMALL_NUMBERS), re.I)
# A scale word or suffix right after the number.
SCALE_RE = re.compile(
    r"(?P<sp>\s?)(?P<scale>thousand|million|billion|trillion|hundred|lakh|crore|bn|mn|mln|bln|mio|trn|tn|k|K|m|M|b|B)"
    r"(?![A-Za-z0-9/²³])"
)
_QUALIFIER = (
    r"(?:us|u\.s\.?|american|australian|canadian|hong\s+kong|new\s+zealand|singapore|taiwan|"
    r"swiss|french|chinese|japanese|mexican|philippine|argentine|turkish|indian|pakistani|"
    r"sri\s+lankan|south\s+african|russian|brazilian|swedish|norwegian|danish|israeli|new|"
    r"south\s+korean|korean|egyptian|finnish|dutch|deutsche|german|british|spanish)"
)
_CURRENCY_NAME = "|".join(sorted([*CURRENCY_NAMES, *CURRENCY_PLURALS], key=len, reverse=True))
# A currency name after the number, with an optional qualifying adjective.
CURRENCY_AFTER_RE = re.compile(
    r"(?:\s?-\s?|\s)?(?:(?P<qual>%s)\s+)?(?P<name>%s)(?![\w])" % (_QUALIFIER, _CURRENCY_NAME), re.I)
# An ISO code after the number ("115USD", "75 USD", "30 MUSD").
CODE_AFTER_RE = re.compile(r"\s?(?P<m>M)?(?P<code>%s)(?![A-Za-z\d])" % "|".join(CURRENCY_CODES), re.I)
# A currency sign after the number ("15 €", "100元"), unless it opens the next amount.
SYMBOL_AFTER_RE = re.compile(r"\s?(?P<sym>[$£€¥₹₩₽₺₪₿₡₾₭₦฿₱₫元]|ரூ)(?!\s?\d)")
# Money sub-units after the number ("19 cents", "50p").
SUBUNIT_AFTER_RE = re.compile(r"[\s-]?(?P<sub>cents?|pence|penny|satoshis?)\b|(?P<p>p)(?![\w.])", re.I)
# "$76 US": the "US" repeats the dollar sign.
US_AFTER_DOLLAR_RE = re.compile(r"\s?(?:US|U\.S\.)(?![\w])")
# A currency written right before the number ("US $", "$US", "A$", "€", "USD", "PS").
CURRENCY_PREFIX_RE = re.compile(
    r"(?:"
    r"(?<![A-Za-z])(?P<qd>(?i:us|u\.s\.?|au|aud|c|ca|can|cad|hk|hkd|nz|nzd|sg|sgd|nt|mex|mx|mxn|usd)|A|S|R)\s?\$"
    r"|\$\s?(?P<dq>US|A|AU|C|CA|NZ|HK)(?![a-z])"
    r"|(?P<dollar>\$)"
    r"|(?P<sym>[£€¥₹₩₽₺₪₿₡₾₭₦฿₱₫]|ரூ)"
    r"|(?<![A-Za-z])(?P<m>M)?(?P<code>USD|EUR|GBP|JPY|CNY|RMB|AUD|HKD|CAD|CHF|INR|NZD|SGD|KRW|BRL|MXN|ZAR|RUB|TRY|SEK|NOK|DKK|ILS|SAR|AED|TWD|THB|PLN|IDR|MYR|PHP|BTC|usd|eur|gbp|rmb|cny|jpy)"
    r"|(?<![A-Za-z])(?P<ascii>PS|Y=|Rs\.?|RM)"
    r"|(?<![A-Za-z])(?P<word>dollar|euro)"
    r")\s?\Z"
)
TIME_AFTER_RE = re.compile(r"\s?(?:a\.?m\b\.?|p\.?m\b\.?|am\b|pm\b|hrs\b|h\d\d|o'clock)", re.I)
# A month name just before or after a day number ("Jan. 24", "10 January").
MONTH_BEFORE_RE = re.compile(r"\b(%s)(\.)?,?\s\Z" % "|".join(MONTHS), re.I)
MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?\s(?:of\s)?(%s)\b" % "|".join(MONTHS), re.I)
# A month name alone.
MONTH_WORD_RE = re.compile(r"(?:%s)\b\.?" % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)
# A weekday with an optional "last/this/next".
WEEKDAY_RE = re.compile(r"\b(?P<rel>last|this|next|past)?\s*(?P<day>%s)\b" % "|".join(WEEKDAYS), re.I)
# "10 January", "Jan. 24", "December 20, 2024".
DAY_MONTH_RE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>%s)\.?|(?P<m2>%s)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?![\w])(?:,?\s+(?P<y>\d{4}))?"
    % ("|".join(sorted(MONTHS, key=len, reverse=True)), "|".join(sorted(MONTHS, key=len, reverse=True))),
    re.I,
)


# ------------------------------------------------------------------ candidate


@dataclass
class _Quantity:
    """A quantity found in one sentence, before it becomes a ``Claim`` (doc offsets)."""

    start: int  # first character of the claim text (currency or sign included)
    end: int
    num_start: int  # the number literal itself
    num_end: int
    value: float
    unit: str | None = None
    hedge: str = "="
    sign: int = 0  # +1 / -1 when the text wrote an explicit sign
    is_word: bool = False
    scale: float = 1.0
    currency: bool = False
    metric: str | None = None
    high: float | None = None  # range high end
    drop: bool = False
    in_range: bool = False
    is_range_high: bool = False
    is_year_like: bool = False
    hedge_start: int | None = None  # where the hedge words begin
    times: bool = False  # "3,200 times": a count of occurrences
    fold: bool = False  # "sixfold": a multiplier
    counted: bool = False  # the unit is a plural counted noun from the parse


# ----------------------------------------------------------------- numbers


def parse_number_words(words: str) -> float | None:
    """Value of a number in words: "twenty-eight thousand six hundred", "a dozen", "two and a half"."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p and p != "and"]
    half = parts[-2:] == ["a", "half"]
    if half:
        parts = parts[:-2]
    if parts and parts[0] in ("a", "an"):
        parts = ["one", *parts[1:]]
    total, current, seen = 0, 0, False
    for part in parts:
        if part in SMALL_NUMBERS:
            current += SMALL_NUMBERS[part]
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
    return value + 0.5 if half else value


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
    return float(match.group("num").replace(",", ""))


# ------------------------------------------------------------------- scanning


def _find_atoms(text: str) -> list[tuple[int, int, float, bool]]:
    """Number literals of a text: (start, end, value, written in words)."""
    atoms: list[tuple[int, int, float, bool]] = []
    used = bytearray(len(text) + 1)  # characters already read as part of a number

    def take(start: int, end: int) -> None:
        used[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not any(used[start:end])

    lowered = text.lower()
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


def _currency_before(text: str, pos: int) -> tuple[str | None, int, bool]:
    """Currency written just before ``pos``: (ISO code, where it starts, "M" million prefix)."""
    window = text[max(0, pos - 12):pos]
    m = CURRENCY_PREFIX_RE.search(window)
    if not m:
        return None, pos, False
    start = pos - (len(window) - m.start())
    if m.group("qd"):
        return DOLLAR_QUALIFIERS.get(m.group("qd").lower(), "USD"), start, False
    if m.group("dq"):
        return DOLLAR_QUALIFIERS.get(m.group("dq").lower(), "USD"), start, False
    if m.group("dollar"):
        return "USD", start, False
    if m.group("sym"):
        return CURRENCY_SYMBOLS[m.group("sym")], start, False
    if m.group("code"):
        code = m.group("code").upper()
        return CODE_ALIASES.get(code, code), start, bool(m.group("m"))
    if m.group("ascii"):
        ascii_sign = m.group("ascii")
        if ascii_sign == "PS" and not re.match(r"\d+(?:[.,]\d|\s?(?:bn|m|mn|k|million|billion)\b)", text[pos:pos + 16]):
            return None, pos, False
        return ASCII_CURRENCY[ascii_sign], start, False
    word = m.group("word").lower()
    return ("USD" if word.startswith("dollar") else "EUR"), start, False


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


def _match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """A measurement unit right after ``pos``: (canonical name, end)."""
    insensitive, by_group = _unit_pattern()
    m = insensitive.match(text, pos)
    if m:
        name = by_group[m.lastgroup]
        surface = m.group(m.lastgroup)
        if m.group("sep") == " " and surface.lower() in WORDLIKE_UNIT_FORMS:
            return None
        return name, m.end()
    m = GLUED_UNIT_RE.match(text, pos)
    if m:
        return UNIT_FORMS_GLUED[m.group("form")], m.end()
    return None


@lru_cache(maxsize=1)
def _unit_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One case-insensitive alternation of every unit form, longest forms first."""
    forms = sorted(((s, c) for c, ss in UNIT_FORMS.items() for s in ss), key=lambda f: len(f[0]), reverse=True)
    alternation = "|".join(f"(?P<u{i}>{s})" for i, (s, _) in enumerate(forms))
    pattern = re.compile(r"(?P<sep>[\s-]?)(?:%s)(?![A-Za-z0-9²³])" % alternation, re.I)
    return pattern, {f"u{i}": c for i, (_, c) in enumerate(forms)}


# Cents after a written currency ("dollars and forty-five cents", "USD 25").
MINOR_AMOUNT_RE = re.compile(
    r"(?:\s+and)?\s+(?P<n>\d{1,2}|(?:%s)(?:[\s-](?:%s))?)(?:\s+(?:cents?|pence|p)\b)?(?=\s*(?:[.,;!?]|$|\s+more\b))"
    % ("|".join(SMALL_NUMBERS), "|".join(SMALL_NUMBERS)),
    re.I,
)


def _minor_amount(text: str, pos: int) -> tuple[float, int] | None:
    """Cents written after a currency name ("thirteen dollars and forty-five cents"): (cents, end)."""
    m = MINOR_AMOUNT_RE.match(text, pos)
    if not m:
        return None
    n = m.group("n")
    value = float(n) if n.isdigit() else parse_number_words(n)
    if value is None or not 0 < value < 100:
        return None
    return value, m.end()


def _pounds_are_money(text: str, scaled: bool) -> bool:
    """"pounds" after a number is sterling with a scale or money words, else a weight."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & WEIGHT_CUES:
        return False
    return scaled or bool(words & (MONEY_CUES - {"pounds"}))


def _read_quantity(text: str, start: int, end: int, value: float, is_word: bool, floor: int = 0) -> _Quantity | None:
    """Read sign, currency, scale, unit, rate and hedges around the literal ``text[start:end]``.

    ``floor`` is where the previous quantity ended: nothing before it may be read again.
    Returns None for what is not a quantity at all (identifiers, ordinals, clock times).
    """
    q = _Quantity(start=start, end=end, num_start=start, num_end=end, value=value, is_word=is_word)
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
    pos = _read_currency_after(q, text, pos)
    if q.unit is None:
        pos = _read_unit(q, text, pos)
    if q.unit is not None and not NOT_A_RATE_RE.match(text, pos) and (per := PER_RE.match(text, pos)):
        base = PER_NOUNS.get(per.group("per").lower())
        if base and base != q.unit:  # "$52 a barrel", "80 per sq m", "hours a week"
            q.unit, pos = f"{q.unit} per {base}", per.end()
    if not is_word and pos == end and re.match(r"[A-Za-z]", text[pos:pos + 1]):
        return None  # letters glued after a bare literal: an identifier ("9AB8", "5G", "3D")
    pos = _read_hedges(q, text, left, pos)
    q.start, q.end = left, pos
    return q


def _read_before(q: _Quantity, text: str, floor: int) -> int | None:
    """Currency and sign before the literal; the claim's start, or None for an identifier."""
    start = q.num_start
    currency, left, million = _currency_before(text, start)
    if currency is not None and left < floor:  # "50 dollar 40 rmb": "dollar" belongs to 50
        currency, left, million = None, start, False
    if currency is None and _glued_before(text, start) and text[start - 1] != "~":
        return None
    if currency and left > 0 and (text[left - 1].isalnum() or text[left - 1] == "_"):
        return None
    if currency:
        q.unit, q.currency = currency, True
        if million:  # "MUSD 30"
            q.value *= 1e6
    if left >= 1 and text[left - 1] in "-−" and (left == 1 or text[left - 2] in " (\t\n:"):
        q.sign, left = -1, left - 1
    elif left >= 1 and text[left - 1] == "+" and (left == 1 or not text[left - 2].isalnum()):
        q.sign, left = 1, left - 1
    elif (mm := re.search(r"\bminus[\s-]\Z", text[max(0, left - 8):left], re.I)):
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
    tz = re.match(r"\s([A-Z]{2,4})\b", after)
    return bool(tz and tz.group(1) in TIME_ZONES)


def _read_scale(q: _Quantity, text: str, pos: int) -> int:
    """A scale after the number ("bn", " million", "4.3M", "half a million"); returns the new end."""
    if q.is_word:
        sm = re.match(r"\s(?:a\s)?(?P<scale>thousand|million|billion|trillion)\b", text[pos:], re.I)
        if sm and abs(q.value) < 1:  # "half a million"
            q.scale = SCALES[sm.group("scale").lower()]
            q.value *= q.scale
            return pos + sm.end()
        return pos
    scale_m = SCALE_RE.match(text, pos)
    if not scale_m:
        return pos
    word, glued = scale_m.group("scale"), scale_m.group("sp") == ""
    low = word.lower()
    if len(word) == 1:
        after = scale_m.end()
        money = q.currency or bool(CODE_AFTER_RE.match(text, after) or CURRENCY_AFTER_RE.match(text, after))
        if low in SCALES_NEEDING_CURRENCY and word.islower():
            # "£350m", "1.5m people", "2bn of", but "a 310m tower" is metres
            ok = glued and (money or bool(COUNTED_AFTER_SCALE_RE.match(text, after)))
        elif not glued:
            ok = word in ("M", "B") and (money or bool(re.match(r"\s[a-z]", text[after:after + 2])))
        else:
            ok = True
        if not ok:
            return pos
    q.scale = SCALES[low]
    q.value *= q.scale
    return scale_m.end()


def _read_word_scale(q: _Quantity, text: str, pos: int) -> int:
    """A scale word after a currency written after the number ("75 USD million")."""
    sm = re.match(r"\s(?P<scale>thousand|million|billion|trillion)\b", text[pos:], re.I)
    if not sm or q.scale != 1:
        return pos
    q.scale = SCALES[sm.group("scale").lower()]
    q.value *= q.scale
    return pos + sm.end()


def _read_currency_after(q: _Quantity, text: str, pos: int) -> int:
    """A currency code, sign or name after the number, and cents after a written currency."""
    prefixed = q.unit is not None
    if q.unit is None and (code_m := CODE_AFTER_RE.match(text, pos)):
        code = code_m.group("code")
        if code.isupper() or code.lower() in ("usd", "rmb", "eur", "gbp"):
            q.unit = CODE_ALIASES.get(code.upper(), code.upper())
            if code_m.group("m"):  # "30 MUSD"
                q.value *= 1e6
            pos = _read_word_scale(q, text, code_m.end())
    if q.unit is None and (sym_m := SYMBOL_AFTER_RE.match(text, pos)):
        q.unit, pos = CURRENCY_SYMBOLS[sym_m.group("sym")], sym_m.end()
    if q.unit in (None, "USD") and (name_m := CURRENCY_AFTER_RE.match(text, pos)):
        name = name_m.group("name").lower()
        single = CURRENCY_PLURALS.get(name, name)
        qual = re.sub(r"\s+", " ", (name_m.group("qual") or "").lower())
        code = CURRENCY_QUALIFIED.get((qual, single)) if qual else CURRENCY_NAMES[single]
        if code is None and qual in ("us", "u.s.", "u.s", "american"):
            code = CURRENCY_NAMES[single]
        if code is not None:
            accept = not (single in AMBIGUOUS_CURRENCY_NAMES and not (q.scale > 1 or abs(q.value) >= 1000 or qual))
            if single == "pound" and not qual and not _pounds_are_money(text, q.scale > 1):
                q.unit = "pound"  # a weight
                return name_m.end()
            if accept and (q.unit is None or single == "dollar"):
                q.unit = code
                pos = _read_word_scale(q, text, name_m.end())
    if q.unit == "USD" and prefixed and (us := US_AFTER_DOLLAR_RE.match(text, pos)):
        pos = us.end()  # "$76 US"
    if q.unit is not None and not prefixed and pos > q.num_end and q.scale == 1 and (cents := _minor_amount(text, pos)):
        q.value += cents[0] / 100  # "3 dollars 50 cents", "15 dollars and 50", "17 USD 25"
        pos = cents[1]
    q.currency = q.unit is not None
    return pos


def _read_unit(q: _Quantity, text: str, pos: int) -> int:
    """Money sub-units, percent, points, ages and measurement units after the number."""
    sub = SUBUNIT_AFTER_RE.match(text, pos)
    if sub and (sub.group("sub") or (not q.is_word and sub.start() == pos and sub.group("p"))):
        q.unit = MONEY_SUBUNITS[(sub.group("sub") or "p").lower()]
        return sub.end()
    if (m := PERCENTAGE_POINT_RE.match(text, pos)):
        q.unit = "percentage_point"
    elif (m := PERCENT_RE.match(text, pos)):
        q.unit = "percent"
    elif (m := BASIS_POINT_RE.match(text, pos)):
        q.unit = "basis point"
    elif (m := AGE_RE.match(text, pos)):
        q.unit, q.metric = m.group("unit").lower().rstrip("s"), "age"
    elif (m := POINT_RE.match(text, pos)):
        q.unit = "point"
    else:
        found = _match_unit(text, pos)
        if found:
            q.unit = found[0]
            return found[1]
        return pos
    return m.end()


def _read_hedges(q: _Quantity, text: str, left: int, pos: int) -> int:
    """Hedge words after ("or more", "+") and before ("nearly", "more than") the quantity."""
    if (ha := HEDGE_AFTER_RE.match(text, pos)) and not (ha.group("hedge") == "+" and pos != q.num_end and not q.currency and q.unit is not None):
        q.hedge = HEDGES_AFTER[ha.group("hedge").strip().lower()]
        if ha.group("hedge") == "+":
            pos = ha.end()
    window = text[max(0, left - 24):left]
    if (hb := HEDGE_BEFORE_RE.search(window)):
        q.hedge = HEDGES_BEFORE[hb.group("hedge").lower()]
        q.hedge_start = left - (len(window) - hb.start())
    return pos


def scan_text(text: str) -> list[_Quantity]:
    """Every number expression of a text, read outwards into quantities (before filtering)."""
    out: list[_Quantity] = []
    floor = 0
    for start, end, value, is_word in _find_atoms(text):
        if start < floor:
            continue  # "64.2 cents a dozen": the dozen belongs to the rate
        q = _read_quantity(text, start, end, value, is_word, floor)
        if q is None:
            continue
        q.value = float(f"{q.value:.12g}")  # 16.4 * 1e6 is 16400000, not 16399999.999999998
        if q.high is not None:
            q.high = float(f"{q.high:.12g}")
        out.append(q)
        floor = q.end
    return out


# --------------------------------------------------------------- filtering


class _Tokens:
    """Character offset -> token look-ups on one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = token_starts(doc)
        self.ents = list(doc_ents(doc))  # Span.ents scans every entity of the doc: index them once
        self.ent_starts = [e.start for e in self.ents]

    def ents_in(self, span: SpacySpan) -> list[SpacySpan]:
        i = bisect_right(self.ent_starts, span.start - 1)
        out = []
        while i < len(self.ents) and self.ents[i].start < span.end:
            if self.ents[i].end <= span.end:
                out.append(self.ents[i])
            i += 1
        return out

    def at(self, char: int) -> Token:
        i = max(0, bisect_right(self.starts, char) - 1)
        return self.doc[i]

    def span(self, start: int, end: int) -> SpacySpan:
        first = self.at(start).i
        last = self.at(max(start, end - 1)).i
        return self.doc[first:last + 1]


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][\w&.'’-]*)[\s,]*\Z", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def _bare(q: _Quantity) -> bool:
    """No currency, unit, hedge or sign: a number that may be a year, a label or a name."""
    return not q.currency and q.unit is None and q.hedge == "=" and not q.sign


def _is_calendar(q: _Quantity, text: str, tok: Token) -> bool:
    """Years, days of a month and the second year of "2014-15" are dates, not quantities."""
    literal = text[q.num_start:q.num_end]
    if not re.fullmatch(r"\d+", literal) or q.currency:
        return False
    number = int(literal)
    before = text[max(0, q.num_start - 12):q.num_start]
    after = text[q.num_end:q.num_end + 14]
    if 1 <= number <= 31 and q.unit is None:
        m = MONTH_BEFORE_RE.search(before)
        if m and (_names_month(m.group(1)) or m.group(2)):
            return True
        m = MONTH_AFTER_RE.match(after)
        if m and _names_month(m.group(1)):
            return True
    if len(literal) == 4 and YEAR_RANGE[0] <= number <= YEAR_RANGE[1] and q.unit is None:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        counts_plural = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "DATE"
        if not counts_plural:
            q.is_year_like = True
            return True
    if len(literal) == 2 and re.search(r"(?:\b\d{4}[-–/]|\s['’])\Z", text[max(0, q.num_start - 5):q.num_start]):
        return True
    return False


def _names_month(word: str) -> bool:
    """A month name: capitalised, or lower-case when it is no other English word ("may", "march")."""
    return word[0].isupper() or word.lower() not in AMBIGUOUS_MONTHS


def _is_name_part(q: _Quantity, text: str, tok: Token) -> bool:
    """The number belongs to a name, label, address or list marker.

    "Row 21", "iPhone 12", "BBC One", "S&P 500", "category 4", "No. 5", "575 Wilbraham
    Road", "1." at the start of a sentence.
    """
    if q.currency or (q.unit is not None and q.unit not in ("point",)) or q.hedge != "=" or q.sign:
        return False
    before = text[max(0, q.num_start - 24):q.num_start]
    if LABEL_BEFORE_RE.search(before) or INDEX_BEFORE_RE.search(before):
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    if prev is not None and any(c.isupper() for c in prev.text) and prev.lower_ not in _FUNCTION_WORDS and not q.times:
        if (prev.i > tok.sent.start or prev.pos_ == "PROPN") and not MONTH_WORD_RE.fullmatch(prev.text):
            if not (prev.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") and prev.pos_ != "PROPN"):
                return True
    if q.is_word and text[q.num_start].isupper() and tok.i > tok.sent.start and not re.search(r"[\"“:.]\s*\Z", text[max(0, q.num_start - 3):q.num_start]):
        return True
    if q.unit is None and tok.ent_type_ in NAME_ENTITY_LABELS:
        if any(t.i != tok.i and t.is_alpha and t.text[0].isupper() for t in _entity_tokens(tok)):
            return True
    if q.unit is None and STREET_AFTER_RE.match(text, q.num_end):
        return True
    # list markers: "1." / "2)" opening a sentence, or a bare "(3)"
    if q.unit is None and tok.i == tok.sent.start and re.match(r"[.)]\s", text[q.num_end:q.num_end + 2]):
        return True
    if q.unit is None and text[q.num_end:q.num_end + 1] == ")" and text[q.num_start - 1:q.num_start] == "(":
        return True
    return False


def _entity_tokens(tok: Token) -> list[Token]:
    """The tokens of the spaCy entity ``tok`` belongs to (by IOB tags; no scan of ``doc.ents``)."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _is_pronoun_one(q: _Quantity, text: str, tok: Token) -> bool:
    """"one" as a pronoun or determiner ("each one", "no one", "one another")."""
    literal = text[q.num_start:q.num_end].lower()
    if literal != "one" or q.unit is not None or q.currency:
        return False
    prev = _prev_word(text, q.num_start).lower()
    nxt = re.match(r"\s*([A-Za-z]+)", text[q.num_end:])
    nxt_word = nxt.group(1).lower() if nxt else ""
    if prev in ONE_PRONOUN_BEFORE or nxt_word in ONE_PRONOUN_AFTER:
        return True
    if nxt_word == "of":
        return False
    head = tok.head
    return not (tok.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i > tok.i)


def _is_fraction_period(q: _Quantity, text: str) -> bool:
    """"first half", "the second quarter": periods, not fractions."""
    literal = text[q.num_start:q.num_end].lower()
    if not re.search(r"half|third|quarter|fifth|tenth", literal):
        return False
    if re.fullmatch(r"(?:a|one)[\s-]+(?:third|quarter|fifth|tenth)", literal) and q.scale == 1:
        # "a third of", "rose by a fifth" are fractions; "a third straight day" is an ordinal
        return bool(ORDINAL_FOLLOWERS_RE.match(text, q.end))
    prev = _prev_word(text, q.num_start).lower()
    return prev in NOT_FRACTION_BEFORE and not literal.startswith(("a ", "one ", "two ", "three "))


def _is_age_apposition(q: _Quantity, text: str, tok: Token) -> bool:
    """"Smith, 65, said": an age in apposition; "men aged 18 to 34": an age qualifier."""
    if q.unit is not None or q.currency or q.hedge != "=":
        return False
    if re.search(r"\baged?\s*\Z", text[max(0, q.num_start - 6):q.num_start], re.I):
        return True
    if re.search(r",\s*\Z", text[max(0, q.num_start - 3):q.num_start]) and re.match(r"\s*[,;.)]", text[q.num_end:]):
        prev = tok.nbor(-1) if tok.i > 0 else None
        while prev is not None and prev.is_punct and prev.i > 0:
            prev = prev.nbor(-1)
        literal = text[q.num_start:q.num_end]
        if prev is not None and (prev.ent_type_ == "PERSON" or prev.pos_ == "PROPN" or (prev.pos_ == "NOUN" and literal.isdigit() and 10 <= int(literal) <= 120)):
            return True
    return False


def _is_duration_modifier(q: _Quantity, text: str, tokens: _Tokens) -> bool:
    """"a five-year award", "a 30-year mortgage": a hyphenated duration describing a noun."""
    if q.unit not in TIME_UNITS or q.high is not None or q.metric == "age":
        return False
    if not re.fullmatch(r"-[A-Za-z]+", text[q.num_end:q.end]):
        return False
    unit_tok = tokens.at(q.end - 1)
    nxt = unit_tok.nbor(1) if unit_tok.i + 1 < len(unit_tok.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "SYM", "NUM") and not nxt.is_punct


# ------------------------------------------------------------------ ranges

# Words joining the two ends of a range ("10-20", "10 to 20", "0-to-60", "between 1 and 2").
RANGE_CONNECTORS = frozenset({"-", "–", "—", "to", "-to-", "to-", "through", "and"})


def _is_stated_change(q: _Quantity, tokens: _Tokens) -> bool:
    """The amount of a rise or fall the text states as fact ("rose 5%"), not a forecast ("could rise")."""
    gov, how, _ = _governor(tokens.span(q.start, q.end).root)
    if gov is None or gov.pos_ not in ("VERB", "AUX") or how not in AMOUNT_DEPS:
        return False
    if gov.lemma_.lower() not in UP_VERBS | DOWN_VERBS:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in gov.children) and gov.tag_ != "VB"


def _base_unit(unit: str | None) -> str | None:
    return unit.split(" per ")[0] if unit else None


def _pair_ranges(qs: list[_Quantity], text: str, tokens: _Tokens) -> None:
    """Join "X to Y", "X-Y", "between X and Y", "from X (...) to Y" into one range on X.

    "rose £4,000 to £285,000" is a change and a level, not a range: a plain "X to Y"
    whose X is the amount of a stated rise or fall stays two quantities.
    """
    for a, b in zip(qs, qs[1:]):
        if a.drop or b.drop or a.in_range or a.fold or b.fold:
            continue
        between = text[a.end:b.start]
        conn = between.strip().lower()
        anchor = a.hedge_start if a.hedge_start is not None else a.start
        before = text[max(0, anchor - 12):anchor].lower()
        from_before = bool(re.search(r"\bfrom(?:\s+(?:the|a|an|its|their))?\s*\Z", before))
        if conn in RANGE_CONNECTORS:
            kind = conn
        elif from_before and re.fullmatch(r"\s[^,;()]{0,40}\sto\s", between):
            kind = "to"
        else:
            continue
        dash = kind in ("-", "–", "—", "-to-", "to-")
        if kind == "and" and not re.search(r"\bbetween\s*\Z", before):
            continue
        if a.unit and b.unit and _base_unit(a.unit) != _base_unit(b.unit):
            continue
        if a.unit and not b.unit and not dash and not from_before:
            continue
        if kind in ("to", "through") and not from_before and (a.is_range_high or re.search(r"\bby\s*\Z", before) or _is_stated_change(a, tokens)):
            continue
        low = a.value
        if b.scale > 1 and a.scale == 1 and abs(low * b.scale) <= abs(b.value):
            low *= b.scale
        if dash and not low < b.value:
            if _bare(a) and b.unit is None and not b.currency:
                a.drop = b.drop = True  # a score ("2-0") or a code
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
        b.in_range = b.is_range_high = True


# -------------------------------------------------------------- the parse


def _counted_noun(root: Token, span: SpacySpan, value: float) -> str | None:
    """The noun a bare number counts, with its modifiers: "7 European countries" -> "european country".

    "a 12 page document" counts pages (a singular noun whose own head is singular too);
    "one of the best screens" counts screens.
    """
    doc = root.doc
    head = None
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos", "npadvmod") and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN") and root.head.i - span.end < 8:
        head = root.head
    else:
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS")]
            if objs:
                words = [t for t in doc[of[0].i + 1:objs[0].i] if t.dep_ not in ("det", "poss", "case", "predet")]
                return _noun_phrase(words, objs[0])
    if head is None and span.end < len(doc) and doc[span.end].tag_ in ("NNS", "NNPS") and root.head.i != span.end:
        head = doc[span.end]  # the parser missed "1.5m people": a plural noun right after the number
    if head is None or not head.tag_.startswith("NN"):
        return None
    if head.lower_ in ("times", "time", "fold", "%") or head.is_currency:
        return None
    first = doc[span.end] if span.end < len(doc) else None
    if head.tag_ in ("NN", "NNP") and abs(value) != 1:
        if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
            return _noun_phrase([], head)  # "3 cylinder engine", "a four-cylinder engine"
        if first is not None and first.i < head.i and first.tag_ == "NN" and first.dep_ == "compound":
            return _noun_phrase([], first)  # "12 page document"
        return None  # "a 2.0 billion deficit" counts no deficits
    return _noun_phrase(list(doc[span.end:head.i]), head)


def _noun_phrase(words: list[Token], head: Token) -> str:
    """Modifiers and head as a unit name: lemmas for adjectives and the head, hyphenated words kept."""
    groups: list[list[Token]] = []
    for t in words:
        if groups and (groups[-1][-1].whitespace_ == "" or t.text in "-–"):
            groups[-1].append(t)
        else:
            groups.append([t])
    parts = []
    for g in groups:
        if g[-1].text in "-–" or any(ch.isdigit() for t in g for ch in t.text):
            continue
        if len(g) == 1:
            t = g[0]
            if t.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            form = t.lemma_ if t.pos_ == "ADJ" else t.text
            parts.append(form if t.pos_ == "PROPN" else form.lower())
        else:
            parts.append("".join(t.text_with_ws for t in g).strip().lower())
    noun = head.lemma_ if head.pos_ == "NOUN" else head.text
    parts.append(noun if head.pos_ == "PROPN" else noun.lower())
    return " ".join(parts)


def _governor(root: Token) -> tuple[Token | None, str | None, Token | None]:
    """The word that governs the amount: (token, how it is reached, preposition on the way).

    Walks up from the quantity's root through number modifiers, appositions and
    coordinations; "by" phrases lead to their verb ("increased by 2%"). Stops at the
    first verb, direction adverb ("down 4%") or change noun ("a 5% drop").
    """
    node, prep = root, None
    for _ in range(6):
        dep, head = node.dep_, node.head
        if head is node:
            return None, None, prep
        if head.lower_ in UP_ADVERBS | DOWN_ADVERBS and head.pos_ in ("ADV", "ADJ", "ADP", "PART") and dep in ("npadvmod", "pobj", "dobj", "nummod", "advmod", "quantmod"):
            return head, "adverb", prep
        if dep == "pobj":
            prep, node = head, head
            continue
        if node.pos_ == "ADP" and dep == "prep":
            if node.lower_ == "by" and head.pos_ in ("VERB", "AUX"):
                return head, "by", None
            if head.pos_ in ("VERB", "AUX"):
                return head, "prep", prep
            if head.pos_ in ("NOUN", "PROPN"):
                return head, "noun-prep", prep
            node = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            return head, dep, prep
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in UP_NOUNS | DOWN_NOUNS:
            return head, "noun", prep
        if dep in ("nummod", "quantmod", "compound", "nmod", "amod", "appos", "conj", "npadvmod", "advmod", "dobj", "attr", "punct", "dep", "cc"):
            node = head
            continue
        return head, dep, prep
    return None, None, prep


# How an amount may hang on a change verb for the verb to give its direction.
AMOUNT_DEPS = frozenset({
    "dobj", "npadvmod", "attr", "oprd", "advmod", "nsubjpass", "by", "nummod", "dative",
    "conj", "appos", "quantmod", "nmod", "ccomp", "xcomp", "acomp", "dep", "compound",
})


def _direction(q: _Quantity, span: SpacySpan, text: str) -> tuple[str | None, str | None]:
    """(direction, source): source is "sign", "adverb", "verb" or "noun"."""
    if q.sign and q.unit in ("percent", "percentage_point", "point", "basis point"):
        return ("down" if q.sign < 0 else "up"), "sign"
    anchor = q.hedge_start if q.hedge_start is not None else q.start
    before = text[max(0, anchor - 10):anchor].lower()
    if re.search(r"\b(?:to|from|at)\s*\Z", before):
        return None, None  # a level: "fell 7% to $2.3bn", "down from $89bn"
    m = re.search(r"\b(up|down)\s*\Z", before)
    if m:
        return ("up" if m.group(1) == "up" else "down"), "adverb"
    root = span.root
    for child in root.children:  # "$593bn wiped off ...", "5,000 jobs cut"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            if child.lemma_.lower() in UP_VERBS:
                return "up", "verb"
            if child.lemma_.lower() in DOWN_VERBS:
                return "down", "verb"
    gov, how, prep = _governor(root)
    if gov is None:
        return None, None
    if prep is not None and prep.lower_ in LEVEL_PREPOSITIONS:
        return None, None
    if how == "adverb":
        return ("up" if gov.lower_ in UP_ADVERBS else "down"), "adverb"
    if how in ("noun", "noun-prep"):
        if how == "noun-prep" and (prep is None or prep.lower_ not in ("of", "by")):
            return None, None
        lemma = gov.lemma_.lower()
        source = "verb" if prep is not None and prep.lower_ == "by" else "noun"  # "a decrease by 1%" reads as a verb
        if lemma in UP_NOUNS:
            return "up", source
        if lemma in DOWN_NOUNS:
            return "down", source
        return None, None
    if gov.pos_ not in ("VERB", "AUX") or how == "prep":
        return None, None
    for child in gov.children:  # "closed down 4.2%", "edged up 1%"
        if child.dep_ in ("prt", "advmod", "acomp") and child.lower_ in UP_ADVERBS | DOWN_ADVERBS and gov.i < child.i <= span.end:
            return ("up" if child.lower_ in UP_ADVERBS else "down"), "adverb"
    if how not in AMOUNT_DEPS:
        return None, None
    lemma = gov.lemma_.lower()
    if lemma in UP_VERBS:
        return "up", "verb"
    if lemma in DOWN_VERBS or gov.lower_ in DOWN_VERBS:
        return "down", "verb"
    return None, None


def _verb_of(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (at most six steps)."""
    node = token
    for _ in range(7):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod",):
            return node
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def _clause_subject(verb: Token, exclude: SpacySpan) -> Token | None:
    """Subject of ``verb``, inherited through conjoined, participle and adverbial clauses."""
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and not (exclude.start <= c.i < exclude.end)]
        if subjects:
            return subjects[0]
        if node.dep_ in ("relcl",) and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            # a finite verb the parser left without a subject ("its V3 model, launched on
            # 10 January, was trained"): the subject of the clause just before it
            for sibling in sorted((c for c in node.head.children if c.i < node.i and c.pos_ in ("VERB", "AUX")), key=lambda c: -c.i):
                subjects = [c for c in sibling.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp", "ccomp", "prep"):
            node = node.head
            continue
        return None
    return None


def _entities_of_np(np: Token, entities: ArticleEntities, sent_root_subject: Token | None) -> list[LocalEntity]:
    """Entities a noun phrase names: its head (and conjuncts), else possessors, compounds, "of" objects."""
    heads = [np, *np.conjuncts]
    found: list[LocalEntity] = []

    def add(e: LocalEntity | None) -> None:
        if e is not None and e.type in SUBJECT_TYPES and e not in found:
            found.append(e)

    for h in heads:
        add(entities.at(h.idx, h.idx + len(h)))
    if found:
        return found
    for h in heads:
        for child in h.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i < h.i:
                for t in [child, *child.conjuncts]:
                    ent = entities.at(t.idx, t.idx + len(t))
                    if ent is None and t.dep_ == "compound":
                        for tt in t.subtree:
                            ent = ent or entities.at(tt.idx, tt.idx + len(tt))
                    add(ent)
            if child.dep_ == "prep" and child.lower_ in ("of", "at"):  # "shares of X", "profits at X"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for t in [obj, *obj.conjuncts]:
                            sub = _entities_of_np(t, entities, sent_root_subject)
                            for e in sub:
                                add(e)
    if found:
        return found
    # a pronoun or a description ("its shares", "the chipmaker's market value", "the company")
    for h in heads:
        for t in [h, *[c for c in h.children if c.dep_ == "poss"]]:
            e = _resolve_reference(t, entities, sent_root_subject)
            add(e)
    return found


def _resolve_reference(t: Token, entities: ArticleEntities, sent_root_subject: Token | None) -> LocalEntity | None:
    """Entity a pronoun or a definite description stands for."""
    lower = t.lower_
    is_org_ref = lower in ORG_PRONOUNS or (
        t.pos_ == "NOUN" and t.lemma_.lower() in COMPANY_NOUNS
        and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their") for c in t.children)
    )
    is_person_ref = lower in PERSON_PRONOUNS
    if not (is_org_ref or is_person_ref):
        return None
    if sent_root_subject is not None and sent_root_subject.i < t.i and sent_root_subject.i != t.i:
        for h in [sent_root_subject, *sent_root_subject.conjuncts]:
            e = entities.at(h.idx, h.idx + len(h))
            if e is not None and (e.type == "ORG" if is_org_ref else e.type == "PERSON"):
                return e
        for child in sent_root_subject.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    e = entities.at(obj.idx, obj.idx + len(obj))
                    if e is not None and (e.type == "ORG" if is_org_ref else e.type == "PERSON"):
                        return e
    types = ("ORG",) if is_org_ref else ("PERSON",)
    return entities.before(t.idx, types=types, within=COREFERENCE_WINDOW)


def _root_subject(sent: SpacySpan) -> Token | None:
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _subject(root: Token, span: SpacySpan, entities: ArticleEntities, verb: Token | None, root_subject: Token | None, text: str) -> list[LocalEntity]:
    """The entities the quantity is about."""
    # the noun phrase the amount belongs to ("Nvidia's $593bn loss", "a cost of under $6m")
    node = root
    while node.dep_ in ("pobj", "prep", "nummod", "compound", "quantmod", "amod") and node.head is not node and node.head.pos_ in ("ADP", "NOUN", "PROPN") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in node.children if c.dep_ in ("poss",)]
            for o in owners:
                found = _entities_of_np(o, entities, root_subject)
                if found:
                    return found
    if verb is not None:
        if verb.lemma_.lower() in TRANSFER_VERBS:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "off", "to", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = _entities_of_np(obj, entities, root_subject)
                            if found:
                                return found
        subj = _clause_subject(verb, span)
        if subj is not None:
            found = _with_listed_subjects(_entities_of_np(subj, entities, root_subject), subj, entities, text)
            if found:
                return found
    return _telegraphic_subject(span, entities, text)


# Headlines and summary bullets are telegraphic ("$593bn wiped off Acme shares"): when
# the parse names no subject, the one organisation or person in so short a line is it.
TELEGRAPHIC_MAX_WORDS = 15


def _telegraphic_subject(span: SpacySpan, entities: ArticleEntities, text: str) -> list[LocalEntity]:
    start = text.rfind("\n\n", 0, span.start_char)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", span.end_char)
    end = len(text) if end < 0 else end
    if len(text[start:end].split()) > TELEGRAPHIC_MAX_WORDS:
        return []
    named = {e.id: e for _, e in entities.mentions_in(start, end) if e.type in ("ORG", "PERSON")}
    return list(named.values()) if len(named) == 1 else []


# Between two listed subjects: "and"/"," and up to four lower-case descriptor words
# ("Tokyo Electron and technology startup investor SoftBank Group slid 5%").
LISTED_SUBJECT_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z][\w-]*\s+){0,4}\Z")


def _with_listed_subjects(found: list[LocalEntity], subj: Token, entities: ArticleEntities, text: str) -> list[LocalEntity]:
    """Add the entities listed before the subject with "and" or commas, which the parser may split off."""
    if not found:
        return found
    start = subj.left_edge.idx
    head_mentions = [m for m, e in entities.mentions_in(subj.idx, subj.idx + len(subj) + 1) if e in found]
    if head_mentions:
        start = min(start, head_mentions[0].start)
    floor = subj.sent.start_char
    out = list(found)
    seen_and = False
    while True:
        before = entities.mentions_in(floor, start)
        if not before:
            break
        mention, entity = before[-1]
        gap = text[mention.end:start]
        seen_and = seen_and or bool(re.search(r"\band\b", gap))
        if not seen_and or not LISTED_SUBJECT_GAP_RE.fullmatch(gap) or entity.type not in SUBJECT_TYPES:
            break  # "In the US, Broadcom fell": a comma alone lists nothing
        if entity not in out:
            out.insert(0, entity)
        start = mention.start
    return out


def _metric(q: _Quantity, root: Token, span: SpacySpan, verb: Token | None) -> str | None:
    """Name of what is measured, from a small vocabulary."""
    if q.metric:
        return q.metric
    candidates: list[Token] = []
    node = root
    for _ in range(4):  # "a cost of under $6m", "market value of $3tn"
        if node.head is node:
            break
        if node.dep_ in ("pobj",) and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            candidates.append(node.head.head)
            break
        if node.dep_ in ("nummod", "compound", "quantmod", "amod") and node.head.pos_ in ("NOUN",):
            candidates.append(node.head)
            break
        node = node.head
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "off", "of", "in"):
                candidates.extend(o for o in child.children if o.dep_ == "pobj")
            if child.dep_ == "dobj" and not (span.start <= child.i < span.end):
                candidates.append(child)
        subj = _clause_subject(verb, span)
        if subj is not None:
            candidates.append(subj)
    for noun in candidates:
        metric = _metric_of_noun(noun)
        if metric:
            return metric
    return None


def _metric_of_noun(noun: Token) -> str | None:
    compounds = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    lemma = noun.lemma_.lower()
    for c in compounds:
        phrase = f"{c.lower_} {lemma}"
        if phrase in METRIC_PHRASES:
            return METRIC_PHRASES[phrase]
    if noun.text in ("Average", "Composite"):  # "the Dow Jones Industrial Average", not "an average of"
        return "index"
    if noun.lower_ in METRIC_WORDS:
        return METRIC_WORDS[noun.lower_]
    return METRIC_WORDS.get(lemma)


# -------------------------------------------------------------------- dates


def _published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve_date(expression: str, published: str | None) -> str | None:
    """ISO date of a single-day expression, relative to the publication date, else None."""
    base = _published_date(published)
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


def _date_for(verb: Token | None, sent_dates: list[tuple[Token | None, str]]) -> str | None:
    """The date attached to the claim's verb, or to a verb above it."""
    if not sent_dates:
        return None
    chain: list[Token] = []
    node = verb
    for _ in range(6):
        if node is None:
            break
        chain.append(node)
        if node.head is node:
            break
        node = node.head
    for level in chain:
        for date_verb, iso in sent_dates:
            if date_verb is not None and date_verb.i == level.i:
                return iso
    return None


# ------------------------------------------------------------------- claims


def claim_id(article_id: str, start: int, end: int) -> str:
    """Stable id of the claim at [start, end) of an article."""
    return "c_" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def change_label(hedge: str, direction: str | None, source: str | None) -> str:
    """NewsQuant's label: a bound first, then a direction stated by a verb/adverb/sign, then the hedge."""
    if hedge in (">", ">="):
        return ">"
    if hedge in ("<", "<="):
        return "<"
    if direction and source != "noun":
        return direction
    return hedge


def _bounds(q: _Quantity) -> Bounds | None:
    if q.high is not None:
        low, high = sorted((q.value, q.high))
        return Bounds(low=low, high=high)
    if q.hedge in (">", ">="):
        return Bounds(low=q.value, high=None)
    if q.hedge in ("<", "<="):
        return Bounds(low=None, high=q.value)
    return None


def _doc_quantities(doc: Doc, tokens: _Tokens) -> list[_Quantity]:
    """Scanned, filtered and paired quantities of a whole doc.

    The scan runs over the whole text, so a sentence split in the wrong place
    ("approximately | 2.998×10−8") does not cut a hedge or a currency from its number.
    """
    text = tokens.text
    qs = scan_text(text)
    for q in qs:
        tok = tokens.at(q.num_start)
        q.drop = (
            _is_calendar(q, text, tok)
            or _is_name_part(q, text, tok)
            or _is_pronoun_one(q, text, tok)
            or _is_fraction_period(q, text)
            or _is_age_apposition(q, text, tok)
            or _is_duration_modifier(q, text, tokens)
            or tok.like_url
            or tok.like_email
        )
    for a, b in zip(qs, qs[1:]):
        link = text[a.end:b.start].strip().lower()
        # "2000 - 2500 Calories": a year-like number that starts a measured range is a number
        if a.is_year_like and link in ("-", "–") and b.unit and b.unit not in TIME_UNITS:
            a.drop = False
        # "2014-15", "January 5 to 10", "aged 18 to 34": the second end of a dropped date or age
        elif a.drop and link in ("-", "–", "/", "to", "and") and _bare(b):
            b.drop = True
    for code in DIGIT_CODE_RE.finditer(text):  # "1111-22223333-4444", "+44 20 7946 0958"
        for q in qs:
            if code.start() <= q.num_start < code.end():
                q.drop = True
    kept = [q for q in qs if not q.drop]
    _pair_ranges(kept, text, tokens)
    return [q for q in kept if not q.drop and not q.in_range]


def extract_claims(doc: Doc, article_id: str, entities: ArticleEntities, published: str | None = None) -> list[Claim]:
    """Numeric claims of one parsed article, sorted by start.

    ``value`` is in base units ("$593bn" -> 593000000000.0); for a range it is the low
    end and ``bounds`` holds both ends. ``published`` (ISO date) anchors relative dates;
    without it relative dates stay null.
    """
    tokens = _Tokens(doc)
    claims: list[Claim] = []
    by_sentence: dict[int, list[tuple[_Quantity, SpacySpan, str | None]]] = {}
    text = tokens.text
    for q in _doc_quantities(doc, tokens):
        span = tokens.span(q.start, q.end)
        unit = q.unit or _fraction_unit(q, text) or _counted_noun(span.root, span, q.value)
        if not q.unit and unit and span.root.head.tag_ in ("NNS", "NNPS"):
            q.counted = True  # "435 homes ... and 187": a plural counted noun carries
        by_sentence.setdefault(span.root.sent.start, []).append((q, span, unit))
    for items in by_sentence.values():
        sent = items[0][1].root.sent
        root_subject, sent_dates = _root_subject(sent), _sentence_dates(sent, published, text, tokens)
        units = _carry_units(items, text)
        for (q, span, _), unit in zip(items, units):
            claims.append(_to_claim(q, span, unit, text, sent, entities, article_id, root_subject, sent_dates))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _fraction_unit(q: _Quantity, text: str) -> str | None:
    """"1/16 of a US pint" -> "pint"; "two-thirds of sales", "half the condos" -> "fraction"."""
    if not 0 < q.value < 1 or q.unit is not None or q.currency:
        return None
    m = re.match(r"\s+of\s+(?:an?\s+)?(?:[A-Z]{1,4}\s+)?", text[q.end:q.end + 30])
    if m:
        found = _match_unit(text, q.end + m.end() - 1)
        if found:
            return found[0]
    literal = text[q.num_start:q.num_end]
    if q.is_word or re.search(r"[/⁄]", literal):
        return "fraction"
    return None


def _carry_units(items: list[tuple[_Quantity, SpacySpan, str | None]], text: str) -> list[str | None]:
    """A bare number takes the unit of the quantity before it in its sentence.

    "84.75 cents, while the lowest is 74.07", "rose 64.06 points to 4,577.10", "435 homes
    by open sale and 187 by tender". Measured units and plural counted nouns carry;
    currencies, time units and ages do not; a percentage carries only to another amount
    of change ("increased by 2 percent but ... decrease by 1"), since "gained 0.7% to
    6,327.80" is an index level, not a percentage.
    """
    units: list[str | None] = []
    last: str | None = None
    last_percent: str | None = None
    last_measured = False
    for q, _, unit in items:
        if unit is None and q.high is None and not q.fold and not q.times and not re.match(r"-[A-Za-z]", text[q.end:q.end + 2]):
            if last_percent and re.search(r"\bby\s*\Z", text[max(0, q.start - 6):q.start]):
                unit = last_percent
            elif last is not None and (last_measured or re.search(r"(?:\band|\bor|,|\bwith|\bversus|\bvs\.?)\s*\Z", text[max(0, q.start - 8):q.start])):
                unit = last  # a counted noun only into a parallel slot ("435 homes ... and 187")
        units.append(unit)
        if q.unit in ("percent", "percentage_point"):
            last_percent = q.unit
        elif unit and (q.unit or q.counted) and unit not in TIME_UNITS and not q.currency and q.metric != "age":
            last, last_measured = unit, bool(q.unit)
    return units


# Prepositions that make a date the bound of a period ("since October 7"), not its day.
PERIOD_BOUND_RE = re.compile(r"\b(?:since|until|till|through|before|after|by|from|between)\s*\Z", re.I)


def _sentence_dates(sent: SpacySpan, published: str | None, text: str, tokens: _Tokens) -> tuple[list[tuple[Token | None, str]], str | None]:
    """Single-day dates of a sentence with the verb each attaches to, and the opening date.

    An opening date ("On Tuesday, X lost 10% ...") dates the whole sentence. The parser
    sometimes ends a sentence too early ("On Tuesday, chip-testing equipment maker | and
    Nvidia supplier Advantest lost 10 percent"), so a previous fragment without final
    punctuation counts as the start of this sentence.
    """
    out = []
    for ent in tokens.ents_in(sent):
        if ent.label_ != "DATE" or PERIOD_BOUND_RE.search(text[max(0, ent.start_char - 12):ent.start_char]):
            continue
        iso = resolve_date(ent.text, published)
        if iso is not None:
            out.append((_verb_of(ent.root), iso))
    start = sent
    doc = sent.doc
    while start.start > 0:
        prev = doc[start.start - 1].sent
        prev_text = span_text(prev)
        if re.search(r"[.!?:;\"”’')]\s*\Z", prev_text) or not prev_text.strip():
            break
        start = prev
    opening = None
    for ent in tokens.ents_in(start):
        if ent.label_ == "DATE" and ent.start - start.start <= 2 and re.match(r"\s*,", text[ent.end_char:ent.end_char + 2]):
            opening = resolve_date(ent.text, published)
        break
    return out, opening


def _to_claim(q: _Quantity, span: SpacySpan, unit: str | None, text: str, sent: SpacySpan,
              entities: ArticleEntities, article_id: str, root_subject: Token | None, sent_dates: tuple) -> Claim:
    root = span.root
    direction, source = _direction(q, span, text)
    verb = _verb_of(root)
    subject = _subject(root, span, entities, verb, root_subject, text)
    # The sentence holds the whole quantity even where the parser split it ("0" | "%").
    low, high = min(sent.start_char, q.start), max(sent.end_char, q.end)
    return Claim(
        id=claim_id(article_id, q.start, q.end),
        article_id=article_id,
        start=q.start,
        end=q.end,
        text=text[q.start:q.end],
        sentence=Span(text=text[low:high], start=low, end=high),
        value=q.value,
        unit=unit,
        hedge=q.hedge,  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        change=change_label(q.hedge, direction, source),  # type: ignore[arg-type]
        bounds=_bounds(q),
        subject=[e.ref() for e in subject],
        metric=_metric(q, root, span, verb),
        date=_date_for(verb, sent_dates[0]) or sent_dates[1],
    )


__all__ = ["change_label", "claim_id", "extract_claims", "parse_number_words", "resolve_date", "scan_text"]
