"""Units of measure from pint's registry: spelled SI-prefixed names the hand table does not
list ("nanometres", "kilotonnes", "terawatts", "microtesla"), symbols as the registry writes
them ("948 hPa", "12 mSv", "6.5 TeV"; never an English word, a name or an acronym), and
conversion of lengths, masses, areas,
volumes and speeds to one base unit each, so that "260-foot" and "80-metre" compare (79.248 and
80 metre) and "950 tons" is 861,826 kilogram.

pint (https://pint.readthedocs.io) is the maintained registry of unit names, symbols,
prefixes and conversion factors; it is loaded once per process, and only when an article
states a measure (its import costs about a second). "ton" is ambiguous in news: a US
short ton (2,000 lb) in a text that measures in feet, miles or pounds, a metric tonne
elsewhere; "tonne" and "metric ton" are always metric.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The one unit each dimension is converted to (pint's dimensionality -> our name).
BASE_UNITS: dict[str, str] = {
    "[length]": "metre",
    "[mass]": "kilogram",
    "[length] ** 2": "square metre",
    "[length] ** 3": "litre",
    "[length] / [time]": "kilometre per hour",
}
# Our unit names -> pint's, where the spelling differs.
PINT_NAMES: dict[str, str] = {
    "metre": "meter", "kilometre": "kilometer", "centimetre": "centimeter",
    "millimetre": "millimeter", "square metre": "meter ** 2", "square kilometre": "kilometer ** 2",
    "square mile": "mile ** 2", "square foot": "foot ** 2", "square yard": "yard ** 2", "cubic foot": "foot ** 3",
    "cubic metre": "meter ** 3", "cubic yard": "yard ** 3", "litre": "liter", "millilitre": "milliliter", "tonne": "metric_ton",
    "ton": "metric_ton", "pound": "avoirdupois_pound", "gigaton": "gigametric_ton",
    "megaton": "megametric_ton", "kilometre per hour": "kilometer / hour", "mile per hour": "mile / hour",
    "metre per second": "meter / second",
}
# Speeds, the one rate converted ("150 mph" and "240 km/h" compare as 241.4 and 240 km/h).
SPEED_UNITS = frozenset({"mile per hour", "kilometre per hour", "metre per second", "knot"})
# pint's spellings -> ours (British, as the multi-outlet gold writes them).
OUR_SPELLINGS = (("meter", "metre"), ("liter", "litre"), ("metric_ton", "tonne"), ("_", " "))
# Units converted although their dimension has a base unit elsewhere: none; units never
# converted: commodity measures that news keeps as they are ("$52 a barrel", "5m barrels").
NEVER_CONVERTED = frozenset({"barrel", "dram", "pint", "quart"})
# Words that say a text measures in US customary units: its "tons" are short tons.
IMPERIAL_RE = re.compile(r"\d[\d,.]*[\s-](?:feet|foot|ft|miles?|inch(?:es)?|yards?|lbs?|pounds?)\b", re.I)
METRIC_RE = re.compile(r"\d[\d,.]*[\s-]?(?:met(?:re|er)s?|km|kilomet(?:re|er)s?|kg|kilos?|kilograms?|tonnes?|cm|mm)\b", re.I)
# A spelled unit name with an SI prefix or an SI stem: worth asking the registry about.
SI_WORD_RE = re.compile(
    r"[\s-]?(?P<word>(?:yotta|zetta|exa|peta|tera|giga|mega|kilo|hecto|deca|deci|centi|milli|micro|nano|pico|femto)"
    r"[a-z]{3,}|[a-z]*(?:met(?:re|er)|gram(?:me)?|watt|joule|volt|hertz|lit(?:re|er)|pascal|tonne|newton|ampere|"
    r"ohm|becquerel|sievert|gray|tesla|weber|coulomb|farad|lumen|lux|calorie)s?)\b",
    re.I,
)
# Dimensions a spelled registry unit may have to count as a measure here.
MEASURE_DIMENSIONS = frozenset({
    "[length]", "[mass]", "[length] ** 2", "[length] ** 3", "[time]", "[current]", "[temperature]",
    "[luminosity]", "1 / [time]", "[length] / [time]", "[mass] * [length] ** 2 / [time] ** 3",
    "[mass] * [length] ** 2 / [time] ** 2", "[mass] / [length] / [time] ** 2",
    "[mass] * [length] / [time] ** 2", "[current] * [time]",
    "[mass] * [length] ** 2 / [current] / [time] ** 3", "[current] ** 2 * [time] ** 4 / [length] ** 2 / [mass]",
    "[length] ** 2 / [time] ** 2", "[mass] / [current] / [time] ** 2", "[luminosity] / [length] ** 2",
    "[substance]", "[substance] / [length] ** 3",
})


@lru_cache(maxsize=1)
def _measure_dimensions() -> frozenset:
    """``MEASURE_DIMENSIONS`` as the registry's dimensionalities, which compare whatever the
    order pint prints their factors in ("[mass] / [time] ** 2 / [current]" is tesla's)."""
    ureg = registry()
    return frozenset(ureg.get_dimensionality(d) for d in MEASURE_DIMENSIONS)


@lru_cache(maxsize=1)
def registry():
    """pint's unit registry, built once per process (from its on-disk cache when it can)."""
    import pint

    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except OSError:  # no writable cache folder: parse the definitions each time
        return pint.UnitRegistry()


def _ours(pint_name: str) -> str:
    name = pint_name
    for theirs, ours in OUR_SPELLINGS:
        name = name.replace(theirs, ours)
    return name


def _one_parse(name: str, case_sensitive: bool) -> tuple[str, str, str] | None:
    """The registry's one reading of a unit name as (prefix, unit, suffix), else None."""
    try:
        parses = registry().parse_unit_name(name, case_sensitive=case_sensitive)
    except Exception:  # pint raises several kinds on odd input  # noqa: BLE001
        return None
    return parses[0] if len(parses) == 1 else None


def _measure_name(prefix: str, unit: str) -> str | None:
    """Our name for a registry unit of a measure's dimension, else None."""
    try:
        dimension = registry().Unit(prefix + unit).dimensionality
    except Exception:  # noqa: BLE001
        return None
    return _ours(prefix + unit) if dimension in _measure_dimensions() else None


@lru_cache(maxsize=4096)
def registry_unit(word: str) -> str | None:
    """Our name for a spelled unit the registry knows ("nanometres" -> "nanometre"), else None."""
    parse = _one_parse(word.lower(), case_sensitive=True)
    return _measure_name(parse[0], parse[1]) if parse else None


# A unit symbol after a number ("950 hPa", "20 mSv", "5 mol", "2.5 MeV"): two to four
# letters with a lower-case one, so acronyms ("US", "GM", "PM") never read as units.
SYMBOL_RE = re.compile(r"[\s-]?(?P<symbol>[A-Za-zµμ]{2,4})(?![\w/-])")


@lru_cache(maxsize=4096)
def symbol_unit_name(symbol: str) -> str | None:
    """Our name for a unit symbol the registry knows, case as written ("hPa" -> "hectopascal"),
    else None; an English word ("in", "day", "bar") is a word, not a symbol."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from extractor.extract.lexicon import english_words

    if not any(c.islower() for c in symbol) or (len(symbol) > 2 and symbol.istitle()):
        return None  # an acronym ("US", "GM") or a name ("Kia")
    if symbol.lower() in english_words() or symbol.lower() in SYMBOL_WORDS or symbol.lower() in STOP_WORDS:
        return None
    if (parse := _one_parse(symbol, case_sensitive=True)) is None:
        return None
    prefix, unit, suffix = parse
    if suffix or prefix.endswith("bi"):
        return None  # "has" is no plural of "ha"; binary prefixes ("Ki", "Mi") are for bytes alone
    try:
        if registry().get_symbol(prefix + unit) != symbol:
            return None  # the symbol as the registry writes it, not a name that parses ("Kia")
    except Exception:  # noqa: BLE001
        return None
    return _measure_name(prefix, unit)


# Short words the lemma index lacks that follow numbers in news and are no symbols.
SYMBOL_WORDS = frozenset({"am", "pm", "th", "st", "nd", "rd", "mn", "bn", "tn", "pc", "yo", "ok", "vs"})


def symbol_unit(text: str, pos: int) -> tuple[str, int] | None:
    """A unit symbol right after ``pos`` that the registry knows: (our name, end)."""
    m = SYMBOL_RE.match(text, pos)
    name = symbol_unit_name(m.group("symbol")) if m else None
    return (name, m.end()) if name else None


def spelled_unit(text: str, pos: int) -> tuple[str, int] | None:
    """A spelled SI unit name right after ``pos`` that the registry knows: (our name, end)."""
    m = SI_WORD_RE.match(text, pos)
    name = registry_unit(m.group("word")) if m else None
    return (name, m.end()) if name else None


def measures_imperial(text: str) -> bool:
    """The text measures in US customary units more than in metric ones."""
    return len(IMPERIAL_RE.findall(text)) > len(METRIC_RE.findall(text))


@lru_cache(maxsize=1024)
def _factor(unit: str, imperial: bool) -> tuple[float, str] | None:
    """(multiplier, base unit) that converts ``unit`` to its dimension's base unit, or None."""
    if unit in NEVER_CONVERTED or " per " in unit and unit not in SPEED_UNITS:
        return None
    name = PINT_NAMES.get(unit, unit.replace(" ", "_"))
    if unit == "ton" and imperial:
        name = "short_ton"
    ureg = registry()
    try:
        source = ureg.Unit(name)
        base = BASE_UNITS.get(str(source.dimensionality))
        if base is None or base == unit:
            return None
        target = ureg.Unit(PINT_NAMES.get(base, base.replace(" ", "_")))
        return float(ureg.Quantity(1.0, source).to(target).magnitude), base
    except Exception:  # not a unit of the registry (a counted noun, a currency)  # noqa: BLE001
        return None


# Units that may be converted: only these load the registry (a counted noun never does).
CONVERTIBLE_HINT_RE = re.compile(
    r"(?:met(?:re|er)|foot|feet|inch|yard|mile|acre|hectare|gram|pound|ounce|ton|gallon|lit(?:re|er)|stone|cubic|square|knot)", re.I)


def to_base(value: float, unit: str | None, *, imperial: bool) -> tuple[float, str] | None:
    """``value`` in ``unit`` converted to its dimension's base unit: (value, base unit), or None
    when the unit is not a length, mass, area or volume (or already the base). Basis points
    are hundredths of a percentage point: "25 basis points" and "a quarter of a percentage
    point" are one cut."""
    if unit == "basis point":
        return float(f"{value / 100:.12g}"), "percentage point"
    if not unit or unit.isupper() or not CONVERTIBLE_HINT_RE.search(unit):
        return None
    found = _factor(unit, imperial)
    if found is None:
        return None
    factor, base = found
    return float(f"{value * factor:.12g}"), base
