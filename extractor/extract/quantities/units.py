"""Units of a quantity: percent, points, measurement units (singular lower-case names:
"mile", "kilometre", "mile per hour"), rates ("USD per barrel"), fractions, and the noun
a bare number counts ("7 European countries" -> "european country", as NewsQuant has
it). A bare number takes the unit of the quantity before it in its sentence when that
unit is measured, or a plural counted noun in a parallel slot."""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getLemma
from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.lexicon import people_noun
from extractor.extract.quantities.measures import spelled_unit, symbol_unit
from extractor.extract.quantities.money import CURRENCY_NAMES, MONEY_SUBUNITS, SUBUNIT_AFTER_RE
from extractor.extract.quantities.quantity import Placed, Quantity
from extractor.extract.quantities.tokens import after_prefixes

# Percent, percentage points and points after a number.
PERCENT_RE = re.compile(r"\s?(?:%|per[\s-]?cent\b|percent\b|pct\b|(?-i:pc)\b)(?:-owned\b)?", re.I)  # (not "the two PC chip makers")
# "percentage points", "pp" after a number.
PERCENTAGE_POINT_RE = re.compile(r"[\s-]?(?:percentage[\s-]points?\b|pct\.?\s?points?\b|ppts?\b|pp\b)", re.I)
# "basis points", "bps" after a number.
BASIS_POINT_RE = re.compile(r"[\s-]?(?:basis[\s-]points?\b|bps\b|bp\b)", re.I)
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
    "light year": (r"light[\s-]years?",),
    "mile": ("miles?",),
    "kilometre": (r"kilomet(?:re|er)s?", "kms?"),  # "1,000 kms away", as South Asian outlets write it
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
    "part per million": (r"parts? per million", "ppm"),
    "part per billion": (r"parts? per billion", "ppb"),
    "twenty-foot equivalent unit": ("TEUs?",),
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
# Sports statistics as box scores and match reports abbreviate them after a number ("2 TDs",
# "0.5 WAR", "a 3.12 ERA", "27.4 ppg"); the case is exact, so "war" and "era" stay words.
SPORT_STATS: dict[str, str] = {
    "TD": "touchdown", "WAR": "win above replacement", "RBI": "run batted in", "HR": "home run",
    "ERA": "earned run average", "ppg": "point per game", "PPG": "point per game", "rpg": "rebound per game",
    "RPG": "rebound per game", "apg": "assist per game", "APG": "assist per game", "pts": "point",
    "reb": "rebound", "ast": "assist",
}
SPORT_STAT_RE = re.compile(r"\s(?P<form>%s)(?:s|'s)?(?![\w-])" % "|".join(sorted(SPORT_STATS, key=len, reverse=True)))
# Short symbols that must match case exactly and be glued to the number ("5W", "50mL").
UNIT_FORMS_GLUED: dict[str, str] = {
    "m": "metre", "g": "gram", "W": "watt", "l": "litre", "L": "litre", "mL": "millilitre",
    "h": "hour", "V": "volt", "min": "minute", "lb": "pound", "in": "inch",
    "C": "celsius", "F": "fahrenheit",  # "48.8C", "-5C": British news drops the degree sign
}
GLUED_UNIT_RE = re.compile(
    r"-?(?P<form>%s)(?![A-Za-z0-9²³/])" % "|".join(sorted(map(re.escape, UNIT_FORMS_GLUED), key=len, reverse=True)))
# A capitalised word right before a number: the number names something ("Class 5C").
NAMED_BEFORE_RE = re.compile(r"\b[A-Z][\w-]*\s+\Z")
# Unit forms that are also English words: only when glued to the number ("5kt" not "5 kt").
WORDLIKE_UNIT_FORMS = frozenset({"deg"})
# Units that make a number an age ("65-year-old", "30 years old").
AGE_RE = re.compile(r"[\s-]?(?P<unit>years?|months?|weeks?|days?)[\s-]old\b", re.I)
# Words before a bare number that make it a person's age ("aged 91", "at the age of 91",
# "died at 91", and "She was 91." closing the clause).
AGE_BEFORE_RE = re.compile(
    r"\b(?:aged(?:\s+(?:over|under|above|below|between|at\s+least|more\s+than|less\s+than|about|around))?|"
    r"at\s+the\s+age\s+of|(?:between\s+)?the\s+ages\s+of|(?:dies|died|dying|passed\s+away)\s+at|(?:he|she|they)\s+(?:turns|turned|turn|will\s+turn)|"
    # "people over 75", "children under five": a group by its age
    r"(?:people|those|adults|children|kids|men|women|persons|patients|residents|voters|pensioners|anyone|everyone)\s+"
    r"(?:over|under|above|below|older\s+than|younger\s+than))\s+\Z", re.I)
AGE_CLAUSE_RE = re.compile(r"\b(?:he|she)\s+(?:was|is|would\s+have\s+been)\s+\Z", re.I)
AGE_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;]|$)")
# Time units: counted noun from the unit table, never a range of levels.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
# Words before a count that add it to another ("an additional 1,250 flights", "another 300
# homes"): kept in the counted unit, since the added things are not the total.
ADDED_COUNT_WORDS = frozenset({"additional", "another", "extra", "further"})
# Words that place a stretch of time, not what it is ("the 50 previous years", "5 straight days").
RELATIVE_TIME_WORDS = frozenset({
    "previous", "past", "last", "next", "prior", "preceding", "following", "coming", "remaining",
    "consecutive", "straight", "successive", "further", "additional", "more", "extra",
})
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
# ("$2.53 per diluted share" is per share)
PER_RE = re.compile(
    r"(?:(?:\s?-\s?|\s)?(?:per|a|an)(?:\s?-\s?|\s)|\s?/\s?)(?:(?:diluted|basic)\s+(?=share))?(?P<per>"
    + "|".join(sorted((re.escape(k) for k in PER_NOUNS), key=len, reverse=True))
    + r")(?:e?s)?\b", re.I)
# "a year ago", "a year earlier": the year is not a rate.
NOT_A_RATE_RE = re.compile(r"\s?(?:a|an)\s+(?:year|month|week|day)\s+(?:ago|earlier|before|later|after)\b", re.I)


# What makes "second" an ordinal ("second-half", "second-round", "second-placed").
ORDINAL_COMPOUND_RE = re.compile(r"-(?:half|halves|round|place|placed|leg|tier|largest|biggest|highest|best|worst|hand)\b", re.I)


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """A measurement unit right after ``pos``: (canonical name, end)."""
    insensitive, by_group = _unit_pattern()
    m = insensitive.match(text, pos)
    if m:
        name = by_group[m.lastgroup]
        surface = m.group(m.lastgroup)
        if m.group("sep") == " " and surface.lower() in WORDLIKE_UNIT_FORMS:
            return None
        if surface.lower() == "second" and ORDINAL_COMPOUND_RE.match(text, m.end()):
            return None  # "two second-half goals": the ordinal of a half, not seconds
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


def read_unit(q: Quantity, text: str, pos: int) -> int:
    """Money sub-units, percent, points, ages and measurement units after the number."""
    sub = SUBUNIT_AFTER_RE.match(text, pos)
    if sub and (sub.group("sub") or (not q.literal.is_word and sub.start() == pos and sub.group("p"))):
        q.unit = MONEY_SUBUNITS[(sub.group("sub") or "p").lower()]
        return sub.end()
    if (m := PERCENTAGE_POINT_RE.match(text, pos)):
        q.unit = "percentage point"
    elif (m := PERCENT_RE.match(text, pos)):
        q.unit = "percent"
    elif (m := BASIS_POINT_RE.match(text, pos)):
        q.unit = "basis point"
    elif (m := AGE_RE.match(text, pos)):
        q.unit, q.metric = m.group("unit").lower().rstrip("s"), "age"
    elif (m := POINT_RE.match(text, pos)):
        q.unit = "point"
    elif (m := SPORT_STAT_RE.match(text, pos)):
        q.unit = SPORT_STATS[m.group("form")]
    else:
        found = match_unit(text, pos) or spelled_unit(text, pos) or symbol_unit(text, pos)
        if found and found[0] in ("celsius", "fahrenheit") and text[pos:pos + 1] in "CF" \
                and NAMED_BEFORE_RE.search(text, max(0, q.literal.start - 30), q.literal.start):
            return pos  # "Class 5C", "Gate 12F": a name's number, no temperature
        if found:
            q.unit = found[0]
            return found[1]
        if _age_by_words(q, text, pos):
            q.unit, q.metric = "year", "age"
        return pos
    return m.end()


def _age_by_words(q: Quantity, text: str, pos: int) -> bool:
    """A bare whole number that the words around it make a person's age."""
    if q.currency or q.value != int(q.value) or not 0 < q.value < 130:
        return False
    before = text[max(0, q.literal.start - 40):q.literal.start]
    return AGE_BEFORE_RE.search(before) is not None or (
        AGE_CLAUSE_RE.search(before) is not None and AGE_CLAUSE_END_RE.match(text, pos) is not None)


def counted_noun(root: Token, span: SpacySpan, value: float) -> str | None:
    """The noun a bare number counts, with its modifiers: "7 European countries" -> "european country".

    "a 12 page document" counts pages (a singular noun whose own head is singular too);
    "one of the best screens" counts screens. A building's floors joined to their number are
    storeys however spelt ("21-storey", "21-story", "21-floor").
    """
    noun = _counted_noun(root, span, value)
    if noun in FLOOR_WORDS and span.end < len(root.doc) and root.doc[span.end].text in ("-", "–"):
        return STOREY
    return noun


# The words of a building's floors, written after a number and a hyphen, and the unit they are.
FLOOR_WORDS = frozenset({"storey", "story", "floor", "storeys", "stories", "floors"})
STOREY = "storey"


def _counted_noun(root: Token, span: SpacySpan, value: float) -> str | None:
    doc = root.doc
    if span.start == root.i >= 3 and doc[root.i - 1].lower_ == "or" and doc[root.i - 2].tag_ == "NN" \
            and doc[root.i - 3].lower_ in ("a", "an", "another", "one"):
        return _noun_phrase([], doc[root.i - 2])  # "a day or two", "another pick or two"
    head = None
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos", "npadvmod") and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN") and root.head.i - span.end < 8:
        head = root.head
    else:
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS")]
            if objs:
                owners = {t.i for c in objs[0].children if c.dep_ == "poss" for t in c.subtree}  # "of Harbor Federal's branches"
                words = [t for t in doc[of[0].i + 1:objs[0].i] if t.dep_ not in ("det", "poss", "case", "predet")
                         and t.i not in owners]
                return _noun_phrase(words, objs[0])
    if head is None and span.end < len(doc) and doc[span.end].tag_ in ("NNS", "NNPS") and root.head.i != span.end:
        head = doc[span.end]  # the parser missed "1.5m people": a plural noun right after the number
    if head is not None:
        head = after_prefixes(head)  # "five co-workers", "40 sub-contractors": the parser takes the prefix for the noun
    if head is None or not head.tag_.startswith("NN") or not any(ch.isalpha() for ch in head.text):
        return None  # (not "。", a full stop of another script the tagger read as a noun)
    if head.lower_ in ("times", "time", "fold", "%", "others") or head.is_currency:
        return None  # "killed 43 people and injured 200 others": the others are the noun before (see carry_units)
    first = doc[span.end] if span.end < len(doc) else None
    if head.tag_ in ("NN", "NNP") and abs(value) != 1:
        if head.dep_ in ("compound", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
            if head.head.tag_ == "NNS" and head.head.i - span.end < 4 and doc[span.end].text not in ("-", "–"):
                return _noun_phrase(list(doc[span.end:head.head.i]), head.head)  # "11 league appearances"
            return _noun_phrase([], head)  # "3 cylinder engine", "a four-cylinder engine"
        if first is not None and first.i < head.i and first.tag_ == "NN" and first.dep_ == "compound":
            return _noun_phrase([], first)  # "12 page document"
        return None  # "a 2.0 billion deficit" counts no deficits
    words = list(doc[span.end:head.i])
    if head.lemma_.lower() in TIME_UNITS:  # "50 previous years", "5 straight days": a duration in years, days
        words = [t for t in words if t.lower_ not in RELATIVE_TIME_WORDS]
    elif span.start > 0 and doc[span.start - 1].lower_ in ADDED_COUNT_WORDS:
        words = [doc[span.start - 1], *words]  # "an additional 1,250 flights": added flights, not a total
    return _noun_phrase(words, head)


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
    noun = singular(head) if head.pos_ == "NOUN" else head.text
    parts.append(noun if head.pos_ == "PROPN" else noun.lower())
    return " ".join(parts)


def singular(noun: Token) -> str:
    """A counted noun's singular. spaCy's rule lemmatizer guesses at plurals it has no entry
    for ("doses" -> "dos", "taxes" -> "taxis", "bases" -> "basis"); lemminflect's dictionary
    of English inflections knows them. Its first reading wins when it also allows spaCy's
    (spaCy's "person" for "people" stays)."""
    if noun.tag_ != "NNS":
        return noun.lemma_
    readings = getLemma(noun.lower_, upos="NOUN")
    return readings[0] if readings and noun.lemma_.lower() in readings else noun.lemma_


def fraction_unit(q: Quantity, text: str) -> str | None:
    """"1/16 of a US pint" -> "pint"; "two-thirds of sales", "half the condos" -> "fraction"."""
    if not 0 < q.value < 1 or q.unit is not None or q.currency:
        return None
    m = re.match(r"\s+of\s+(?:an?\s+)?(?:[A-Z]{1,4}\s+)?", text[q.end:q.end + 30])
    share = m or re.match(r"\s+an?\s+", text[q.end:q.end + 30])  # "half a percent"
    if share and re.match(r"percentage[\s-]points?\b", text[q.end + share.end():q.end + share.end() + 20], re.I):
        return "percentage point"  # "cut by a quarter of a percentage point"
    if share and re.match(r"(?:percent|per\s+cent)\b", text[q.end + share.end():q.end + share.end() + 12], re.I):
        return "percent"  # "fell by nearly half a percent"
    if m:
        found = match_unit(text, q.end + m.end() - 1)
        if found:
            return found[0]
    literal = text[q.literal.start:q.literal.end]
    if q.literal.is_word or re.search(r"[/⁄]", literal):
        return "fraction"
    return None


def carry_units(items: list[Placed], text: str) -> list[str | None]:
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
    last_end = 0
    listed = _list_units(items, text)
    for index, item in enumerate(items):
        q, unit = item.quantity, item.unit
        if unit is None and index in listed:
            unit = listed[index]  # "dropped 7.2, 8.2 and 11.5 per cent": the list's last unit is every figure's
        if last is not None and _contrasted_currency(item.span, last_end):
            last = None  # "the Sensex rose 412 points …, while the rupee firmed to 83.12": another thing's figure
        if unit is None and (OF_WHOM_RE.match(text, q.end) or _of_the_people(text, q.end)):
            unit = "person"  # "1,204 injured, 721 of whom are in serious condition", "323 of the dead": people
        if (unit is None and q.high is None and not q.fold and not q.times and not re.match(r"-[A-Za-z]", text[q.end:q.end + 2])
                and not UNKNOWN_SYMBOL_AFTER_RE.match(text, q.end) and not _tally(item.span)):
            if last_percent and re.search(r"\bby\s*\Z", text[max(0, q.start - 6):q.start]):
                unit = last_percent
            elif last is not None and (last_measured and not _counts_a_noun(item.span)
                                       or PARALLEL_SLOT_RE.search(text, max(0, q.start - PARALLEL_SLOT_CHARS), q.start)
                                       or NOUN_TO_RE.fullmatch(text, last_end, q.start)):
                unit = last  # a counted noun only into a parallel slot ("435 homes ... and 187", "nine seats from 48",
                # "passed by 513 votes to 207")
        units.append(unit)
        if q.unit in ("percent", "percentage point"):
            last_percent = q.unit
        elif unit and (q.unit or item.counted) and unit not in TIME_UNITS and not q.currency and q.metric != "age":
            last, last_measured = unit, bool(q.unit)
        last_end = q.end
    return units


# What joins the figures of a list: a comma, and "and" or "or" before the last.
LIST_COMMA_RE = re.compile(r"\s*,\s*")
LIST_LAST_RE = re.compile(r"\s*,?\s+and\s+|\s+or\s+")  # (not ", or": "65 out of 78, or 83%" says 78 again)


def _list_units(items: list[Placed], text: str) -> dict[int, str]:
    """The unit each bare number of a list takes from the figure that closes it: "7.2, 8.2 and
    11.5 per cent", "up 3, 4 or 5 points" (a unit written after the last figure only, with no
    scale of its own, which the numbers before it would then lack; not a currency before it)."""
    out: dict[int, str] = {}
    for first, item in enumerate(items):
        if item.unit is not None or first in out or item.quantity.high is not None:
            continue
        chain = [first]
        for k in range(first + 1, len(items)):
            between = text[items[k - 1].quantity.end:items[k].quantity.start]
            closing = LIST_LAST_RE.fullmatch(between) is not None
            if not (closing or LIST_COMMA_RE.fullmatch(between)):
                break
            chain.append(k)
            last = items[k]
            if last.unit is not None or closing:
                q = last.quantity
                if closing and last.unit is not None and q.unit == last.unit and not q.currency and q.scale == 1.0 \
                        and text[q.start:q.start + 1].isdigit():
                    out.update({j: last.unit for j in chain[:-1] if items[j].unit is None and items[j].quantity.high is None})
                break
    return out


# A number of a group of people the text names after it ("323 of the dead", "40 of the 242 passengers").
OF_THE_RE = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:[\d,]+\s+)?([a-z-]+)\b")


def _of_the_people(text: str, end: int) -> bool:
    m = OF_THE_RE.match(text, end)
    return m is not None and people_noun(m.group(1))


def _counts_a_noun(span: SpacySpan) -> bool:
    """The number modifies a noun after it ("the 35,000 crowd"): it counts that, in no
    measure of the figure before it ("raised the bar by one centimetre")."""
    root = span.root
    return root.dep_ in ("nummod", "compound") and root.head.pos_ == "NOUN" and root.head.i >= span.end


# Words that open a clause set against the one before.
CONTRAST_WORDS = frozenset({"while", "whereas", "meanwhile"})


def _contrasted_currency(span: SpacySpan, after: int) -> bool:
    """Between character ``after`` and the figure at ``span``, a contrasting clause opens
    with a currency as its subject ("the Sensex rose 412 points …, while the rupee firmed to
    83.12"): an exchange rate, in no unit of the index before it (but "the TA-25 ended at
    1,463.78 points, while the TA-125 lost 1.1% to end at 1,334.20" is in points)."""
    for token in span.doc[span.sent.start:span.start]:
        if token.idx < after or token.lower_ not in CONTRAST_WORDS:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CURRENCY_NAMES for c in token.head.children):
            return True
    return False


# "N of whom": a count of people, whoever "whom" takes up.
OF_WHOM_RE = re.compile(r"\s+of\s+whom\b", re.I)
# How far back the words of a parallel slot are looked for.
PARALLEL_SLOT_CHARS = 32
# Words before a bare number that put it in the slot of the counted figure before it: "and",
# "or", a comma, "with", "versus", "from" ("fell to nine seats from 48"), "up"/"down" (", up
# 64"), "and" with a verb in the past ("destroyed 435 homes and damaged 187"), "including" ("265
# people, including 241 …") and the whole after a part ("241 of the 242"), a hedge after any of them
# ("and at least 29").
# The counted noun of the figure before, then "to": the other side of a tally or the level
# reached ("513 votes to 207", "from five seats to 12").
NOUN_TO_RE = re.compile(r"\s+[a-z]+\s+to\s+")
PARALLEL_SLOT_RE = re.compile(r"(?:\band|\bor|,|\bwith|\bversus|\bvs\.?|\bfrom|\bup|\bdown|\band\s+[a-z]+ed|\bincluding"
                              r"|\d\s+of(?:\s+the)?)\s*(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than"
                              r"|nearly|almost|about|around|some|over)\s+)?\Z")
# A symbol of its own after a bare number, which the unit tables do not know ("draws 65 W"):
# it takes no unit from the figure before it ("3.5 GHz").
UNKNOWN_SYMBOL_AFTER_RE = re.compile(r"\s?[A-Z][A-Za-z]?(?![\w'’])")
# Nouns whose value is a count of its own ("the death toll remained at 38"): a number
# stating them takes no unit carried from an earlier measure in the sentence.
TALLY_NOUNS = frozenset({"toll", "tally", "count", "number", "total"})


def _tally(span: SpacySpan) -> bool:
    """The number states a tally: the subject of its verb is a toll, a count or a total."""
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in TALLY_NOUNS for c in node.children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False
