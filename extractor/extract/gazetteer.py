"""World knowledge about place names: one name per country, whatever form the text uses.

An article says "the US", "the U.S.", "America" or "the United States of America" for
one country, and another article picks another form; both must meet under one name,
within the article (one entity with every form as an alias) and across articles (one
id). The names come from ISO 3166 (``pycountry``: each country's name, common name and
official name); the abbreviations English news uses, which ISO codes do not cover or
which would clash with other acronyms, are named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations and short forms English news uses for a country, with its ISO 3166 alpha-2
# code. Only these: other ISO codes ("PA", "IN", "CAN") read as states, words or other
# acronyms far more often than as countries.
COUNTRY_ABBREVIATIONS = {
    "US": "US", "USA": "US", "America": "US", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "PRC": "CN", "DRC": "CD", "DPRK": "KP", "ROK": "KR", "USSR": "SU",
    # English names ISO 3166 no longer (or never) gives: renamed countries and exonyms
    "Turkey": "TR", "Ivory Coast": "CI", "East Timor": "TL", "Swaziland": "SZ", "Macedonia": "MK",
    "Burma": "MM", "Holland": "NL", "Cape Verde": "CV", "Brunei": "BN", "Vatican": "VA",
    "Falklands": "FK",
}
# The everyday name of countries whose ISO name is formal, inverted or bracketed ("Russian
# Federation", "Palestine, State of", "Holy See (Vatican City State)"), or no longer the
# one English news uses ("Türkiye").
EVERYDAY_COUNTRY_NAMES = {
    "RU": "Russia", "CD": "Democratic Republic of the Congo", "SU": "Soviet Union", "TR": "Turkey",
    "CI": "Ivory Coast", "BN": "Brunei", "CV": "Cape Verde", "VA": "Vatican City", "PS": "Palestine",
    "FM": "Micronesia", "FK": "Falkland Islands", "VG": "British Virgin Islands",
}
# Dots and spaces inside an abbreviation ("U.S.", "U. S.", "U.K.").
ABBREVIATION_SEPARATORS_RE = re.compile(r"[.\s]+")
# Place names that a city shares with its country or state are told apart by "City"
# ("New York City"), except where the short name is the country itself ("Mexico City").
CITY_WORD = "City"


def _everyday_name(country) -> str | None:
    """The name news uses for an ISO country; None for an inverted ISO name ("Korea, Republic of")."""
    if country.alpha_2 in EVERYDAY_COUNTRY_NAMES:
        return EVERYDAY_COUNTRY_NAMES[country.alpha_2]
    name = getattr(country, "common_name", None) or country.name
    return None if "," in name or "(" in name else name


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Case-folded country names (ISO name, common and official names) -> the everyday name."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        everyday = _everyday_name(country)
        if everyday is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.casefold()] = everyday
                names[re.sub(r"^the\s+", "", value.casefold())] = everyday
    for everyday in EVERYDAY_COUNTRY_NAMES.values():
        names[everyday.casefold()] = everyday
    return names


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Abbreviations (separators removed, as written otherwise) -> the everyday name."""
    import pycountry

    out = {}
    for short, code in COUNTRY_ABBREVIATIONS.items():
        country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
        name = EVERYDAY_COUNTRY_NAMES.get(code) or (_everyday_name(country) if country else None)
        if name:
            out[short] = name
    return out


@lru_cache(maxsize=1 << 14)
def country_name(name: str) -> str | None:
    """The everyday name of the country ``name`` stands for ("U.S." -> "United States",
    "Russian Federation" -> "Russia"), or None when it names no country."""
    stripped = name.strip()
    if not stripped:
        return None
    compact = ABBREVIATION_SEPARATORS_RE.sub("", stripped)
    if compact.isupper() and compact in _abbreviations():
        return _abbreviations()[compact]
    if stripped in _abbreviations():  # "America", "Britain"
        return _abbreviations()[stripped]
    if not stripped[:1].isupper():
        return None
    folded = " ".join(stripped.split()).casefold()
    # (and with a hyphen for a space, as some outlets write it: "Burkina-Faso"; not "Guinea-Bissau")
    return _country_names().get(folded) or _country_names().get(folded.replace("-", " "))


@lru_cache(maxsize=1)
def joined_country_names() -> frozenset[str]:
    """The everyday names of countries of two parts joined by "and" ("Antigua and Barbuda",
    "Trinidad and Tobago"), which the model splits into two names, one of them a person's."""
    return frozenset(name for name in _country_names().values() if " and " in name)


def is_country(name: str) -> bool:
    return country_name(name) is not None


def english_country_names() -> frozenset[str]:
    """The country names English news uses that ISO 3166 lacks ("Turkey", "Ivory Coast",
    "Vatican City"), for the place-name sets."""
    return frozenset(name for name in COUNTRY_ABBREVIATIONS if not name.isupper()) | frozenset(
        EVERYDAY_COUNTRY_NAMES.values())


# Endings that make a country's name its people's ("Brazil-ian", "Japan-ese", "Israel-i").
DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i", "ic", "ean", "ine", "n", "e", "")


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    """The country names, case-folded, and each without its last letter ("brazil", "chin"
    of "china", "ital" of "italy")."""
    names = {n.casefold() for n in _country_names()} | {n.casefold() for n in english_country_names()}
    names |= {n.split()[-1] for n in names if " " in n and len(n.split()[-1]) > 4}  # "korea" of "South Korea"
    return frozenset(names | {n[:-1] for n in names if len(n) > 4})


@lru_cache(maxsize=1 << 12)
def is_country_demonym(word: str) -> bool:
    """A word for a country's people, made of its name and an ending ("Brazilian",
    "Chinese", "Israeli", "Argentine", "German"); not the name itself ("Jordan"), nor a given name
    that only ends so ("Masaaki", "Christian")."""
    folded = word.casefold()
    if not word[:1].isupper() or is_country(word):
        return False
    return any(folded.endswith(end) and len(folded) - len(end) >= 4 and folded[:len(folded) - len(end)] in _country_stems()
               for end in DEMONYM_ENDINGS)


__all__ = ["CITY_WORD", "country_name", "english_country_names", "is_country", "is_country_demonym"]
