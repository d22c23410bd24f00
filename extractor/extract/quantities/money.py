"""Currencies around a number: ISO 4217 codes for signs, codes and names before or after it
("$", "A$", "HK $", "USD", "€", "euros", "Australian dollars"; "$" alone is USD), and the
signs as ``unidecode`` writes them ("PS6m" for £6m, "Y=100" for ¥100; "PS" only before a
scale, thousands separator or decimal, so "PS5" stays a name). Sub-units (cents, pence)
are their own units, not converted.

The ISO 4217 codes, and the currency names beyond the common ones news writes alone
("dollar", "pound", "yen", ...), come from pycountry's copy of the ISO 4217 data, so that
"5 billion forints", "300,000 Kenyan shillings" and "KES 500" are read without a hand
list; a name that is also an English word needs a scale, thousands or its qualifier."""

from __future__ import annotations

import datetime as dt
import re

from extractor.extract.quantities.numbers import SCALES, SMALL_NUMBERS, parse_number_words
from extractor.extract.quantities.quantity import Quantity

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
# ISO 4217 codes that read as English words in capitals ("TOP 10", "ALL 5 members"): not
# taken for currencies next to a number.
CODES_THAT_ARE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "SOS", "BOB", "PEN", "COP", "DOP", "MAD", "RON", "GEL"})
# ISO 4217 entries that are funds, units of account, metals or test codes, not money news quotes.
NOT_MONEY_RE = re.compile(r"unit|unidad|codes|next day|fund|wir |mvdol|sdr|gold|silver|platinum|palladium|sucre|dinar arab|bond", re.I)


def _iso_currencies() -> list[tuple[str, str]]:
    """(code, name) of every ISO 4217 currency in circulation, from pycountry's data."""
    import pycountry

    return [(c.alpha_3, c.name) for c in pycountry.currencies
            if not NOT_MONEY_RE.search(c.name) and c.alpha_3 not in CODES_THAT_ARE_WORDS]


ISO_CURRENCIES = _iso_currencies()
# ISO codes written as words before or after the number ("USD 200", "115USD"), and two
# codes news writes that ISO does not ("RMB", "BTC"/"XBT").
CURRENCY_CODES = tuple(sorted({code for code, _ in ISO_CURRENCIES} | {"BTC", "RMB", "XBT"}))
# The unit of a sum in a dollar the text does not name: the page's own, which a conversion
# beside a US-dollar sum gives as "$" ("US$593 billion ($944 billion)" in an Australian paper).
LOCAL_DOLLAR = "DOLLAR"  # (in capitals, as currency codes are)
# Codes spelled differently in news ("RMB 10") and their ISO code.
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "XBT": "BTC"}
# ASCII transliterations of currency signs as unidecode writes them, and "Rs"/"RM".
ASCII_CURRENCY: dict[str, str] = {"PS": "GBP", "Y=": "JPY", "Rs": "INR", "Rs.": "INR", "RM": "MYR"}
# Symbols CLDR gives English locales that are words or codes of other things before a number
# ("Ar", "Le", "SR" State Road, "RF", "VT"), or that name several currencies ("kr", "Rs").
LOCAL_SYMBOLS_NOT_TAKEN = frozenset({"Ar", "Le", "SR", "RF", "Rf", "VT", "kr", "kr.", "Nfk"})
# Abbreviations news writes for local currencies that CLDR does not give (its symbols for the
# Gulf currencies are in Arabic script): "BD 1.4 million", "KD 5m", "QR 2,000", "Dhs 500",
# "RO 3 million", "Shs600,000", "KSh 200", "Kshs 1bn", "Tk 50 crore".
NEWS_CURRENCY_ABBREVIATIONS: dict[str, str] = {
    "BD": "BHD", "KD": "KWD", "QR": "QAR", "Dh": "AED", "Dhs": "AED", "RO": "OMR",
    "Shs": "UGX", "Ush": "UGX", "KSh": "KES", "Kshs": "KES", "KShs": "KES", "Tk": "BDT",
}


# The day whose legal tender CLDR's territory currencies are read for (one day for every table,
# so the symbols and the rupee countries agree).
CURRENCIES_IN_USE_ON = dt.date(2024, 1, 1)


def _local_currency_symbols() -> dict[str, str]:
    """Letter symbols of local currencies written before the amount ("USh 5,000", "Ksh 200",
    "GH₵ 3 million", "Rp 15,000", "MK 500", "FCFA 10,000"): what CLDR (babel) gives each
    English locale for its territory's currency, where the symbol has letters, is no ISO code
    and names one currency; then the abbreviations of NEWS_CURRENCY_ABBREVIATIONS."""
    from babel import localedata
    from babel.numbers import get_currency_symbol, get_territory_currencies

    found: dict[str, set[str]] = {}
    for locale in localedata.locale_identifiers():
        if not locale.startswith("en_"):
            continue
        for code in get_territory_currencies(locale.split("_")[-1], CURRENCIES_IN_USE_ON):
            symbol = get_currency_symbol(code, locale)
            if symbol != code and len(symbol) >= 2 and re.search(r"[A-Za-z]", symbol) and "$" not in symbol:
                found.setdefault(symbol, set()).add(code)
    symbols = {symbol: codes.pop() for symbol, codes in found.items()
               if len(codes) == 1 and symbol not in LOCAL_SYMBOLS_NOT_TAKEN and symbol not in ASCII_CURRENCY}
    return {**symbols, **NEWS_CURRENCY_ABBREVIATIONS}


LOCAL_CURRENCY_SYMBOLS = _local_currency_symbols()


def _rupee_countries() -> dict[str, str]:
    """Countries whose own currency is a rupee other than India's, and its code (CLDR's
    territory currencies, ISO names): "Rs" and "rupees" on their pages are theirs."""
    import pycountry
    from babel.numbers import get_territory_currencies

    out = {}
    for country in pycountry.countries:
        codes = get_territory_currencies(country.alpha_2, CURRENCIES_IN_USE_ON)
        currency = pycountry.currencies.get(alpha_3=codes[0]) if codes else None
        if currency is not None and currency.name.endswith("Rupee") and currency.alpha_3 != "INR":
            out[getattr(country, "common_name", None) or country.name] = currency.alpha_3
    return out


RUPEE_COUNTRIES = _rupee_countries()
# A rupee sum written without saying whose ("Rs 3,000", "5,000 rupees"; not "₹", "INR" or
# "Indian rupees").
UNNAMED_RUPEE_RE = re.compile(r"\bRs\b|rupee", re.I)
NAMED_RUPEE_RE = re.compile(r"₹|INR|Indian", re.I)


def _country_words_re(name: str) -> re.Pattern:
    """The country's name and the words made of it ("Nepal", "Nepali", "Sri Lankan", "Mauritian")."""
    stem = name[:-1] if len(name) > 5 else name
    return re.compile(r"\b%s\w*" % re.escape(stem))


RUPEE_COUNTRY_WORDS = {name: _country_words_re(name) for name in [*RUPEE_COUNTRIES, "India"]}


def page_rupee(text: str) -> str | None:
    """The code of the rupee an unnamed "Rs" on this page is: that of the one rupee country
    the text names more often than India, else None (India's, the default)."""
    counts = {name: len(pattern.findall(text)) for name, pattern in RUPEE_COUNTRY_WORDS.items()}
    india = counts.pop("India")
    best = max(counts, key=counts.__getitem__)
    return RUPEE_COUNTRIES[best] if counts[best] > india else None
# Currency names after the number (singular) and their default ISO code.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "rupee": "INR",
    "franc": "CHF", "shekel": "ILS", "rand": "ZAR", "rouble": "RUB", "ruble": "RUB",
    "baht": "THB", "ringgit": "MYR", "naira": "NGN", "zloty": "PLN", "rupiah": "IDR",
    "dirham": "AED", "riyal": "SAR", "bitcoin": "BTC", "markka": "FIM", "peseta": "ESP",
    "guilder": "NLG", "lira": "TRY", "peso": "MXN", "won": "KRW", "krona": "SEK",
    "krone": "NOK", "real": "BRL", "mark": "DEM", "loonie": "CAD", "greenback": "USD", "quid": "GBP",
}
# Plural and irregular forms of currency names.
CURRENCY_PLURALS: dict[str, str] = {
    "dollars": "dollar", "euros": "euro", "pounds": "pound", "rupees": "rupee",
    "francs": "franc", "shekels": "shekel", "roubles": "rouble", "rubles": "ruble",
    "bitcoins": "bitcoin", "pesetas": "peseta", "guilders": "guilder", "pesos": "peso",
    "kronor": "krona", "kroner": "krone", "reais": "real", "liras": "lira", "lire": "lira",
    "markkas": "markka", "rands": "rand", "riyals": "riyal", "dirhams": "dirham",
    "marks": "mark", "loonies": "loonie", "greenbacks": "greenback",
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
AMBIGUOUS_CURRENCY_NAMES = {"won", "real", "rand", "lira", "mark"}


# Words of ISO 4217 names that never name a currency alone in English news ("a sum",
# "Cordoba Oro", "Rial Omani").
ISO_NAMES_NEVER_ALONE = frozenset({"sum", "som", "colon", "oro", "soberano", "uruguayo", "omani", "beac", "bceao", "dobra", "sol", "new", "convertible"})


def _add_iso_names() -> None:
    """Every other ISO 4217 currency name from pycountry: "Forint" alone, "Kenyan Shilling"
    with its qualifier. A name news rarely uses alone may be a common word ("Sol", "Kina",
    "Afghani"): it needs a scale, thousands or its qualifier, like "won"."""
    for code, name in ISO_CURRENCIES:
        words = re.sub(r"[^\w\s’'-]", "", name).lower().split()
        if not words:
            continue
        base = next((w for w in words if w in CURRENCY_NAMES), words[-1])  # "CFA Franc BEAC": franc
        if len(words) > 1:
            qual = " ".join(w for w in words if w != base)
            CURRENCY_QUALIFIED.setdefault((qual, base), code)
        if base not in CURRENCY_NAMES and base not in ISO_NAMES_NEVER_ALONE:
            CURRENCY_NAMES[base] = code
            AMBIGUOUS_CURRENCY_NAMES.add(base)
        plural = base + "s"
        if plural not in CURRENCY_PLURALS and plural not in CURRENCY_NAMES:
            CURRENCY_PLURALS[plural] = base


_add_iso_names()
# English names news gives currencies whose ISO names are native ("212 Danish crowns" is
# DKK, as Reuters writes krone, krona and koruna): money only with the country's adjective.
TRANSLATED_NAMES: dict[str, tuple[str, ...]] = {"crown": ("krone", "krona", "koruna")}
for _english, _natives in TRANSLATED_NAMES.items():
    for (_qual, _base), _code in list(CURRENCY_QUALIFIED.items()):
        if _base in _natives:
            CURRENCY_QUALIFIED.setdefault((_qual, _english), _code)
    CURRENCY_PLURALS.setdefault(_english + "s", _english)
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
_QUALIFIER = "(?:us|u\\.s\\.?|american|%s)" % "|".join(
    re.escape(q).replace("\\ ", r"\s+") for q in sorted({q for q, _ in CURRENCY_QUALIFIED}, key=len, reverse=True))
_CURRENCY_NAME = "|".join(sorted([*CURRENCY_NAMES, *CURRENCY_PLURALS], key=len, reverse=True))
# A currency name after the number, with an optional qualifying adjective.
CURRENCY_AFTER_RE = re.compile(
    r"(?:\s?-\s?|\s)?(?:(?P<qual>%s)\s+)?(?P<name>%s)(?![\w])" % (_QUALIFIER, _CURRENCY_NAME), re.I)
# An ISO code after the number ("115USD", "75 USD", "30 MUSD").
CODE_AFTER_RE = re.compile(r"\s?(?P<m>M)?(?P<code>%s)(?![A-Za-z\d])" % "|".join(CURRENCY_CODES), re.I)
# A currency sign after the number ("15 €", "100元"), unless it opens the next amount.
SYMBOL_AFTER_RE = re.compile(r"\s?(?P<sym>[$£€¥₹₩₽₺₪₿₡₾₭₦฿₱₫元]|ரூ)(?!\s?\d)")
# Words that name the currency cents are of ("73.6 US cents", "50 euro cents"), lower case.
CENT_QUALIFIERS: dict[str, str] = {"us": "USD", "u.s.": "USD", "euro": "EUR", "canadian": "CAD", "australian": "AUD"}
_CENT_QUALIFIER = "|".join(re.escape(q) for q in CENT_QUALIFIERS)
# Money sub-units after the number ("19 cents", "50p"), with the qualifier of their currency.
SUBUNIT_AFTER_RE = re.compile(r"[\s-]?(?:(?:%s)\s+)?(?P<sub>cents?|pence|penny|satoshis?)\b"
                              r"|(?P<p>p)(?![\w.])" % _CENT_QUALIFIER, re.I)
# The qualifier of cents anywhere in a figure's text ("63.55 US cents").
CENTS_OF_RE = re.compile(r"\b(%s)\s+cents?\b" % _CENT_QUALIFIER, re.I)
# "$76 US": the "US" repeats the dollar sign.
US_AFTER_DOLLAR_RE = re.compile(r"\s?(?:US|U\.S\.)(?![\w])")
# A currency written right before the number ("US $", "$US", "A$", "€", "USD", "PS").
CURRENCY_PREFIX_RE = re.compile(
    r"(?:"
    r"(?<![A-Za-z])(?P<qd>(?i:us|u\.s\.?|au|aud|c|ca|can|cad|hk|hkd|nz|nzd|sg|sgd|nt|mex|mx|mxn|usd)|S|R)\s?\$"
    r"|(?<![A-Za-z])(?P<aud>A)\$"  # "A$600m"; "A $600 Billion" is the article "A"
    r"|\$\s?(?P<dq>US|A|AU|C|CA|NZ|HK)(?![a-z])"
    r"|(?P<dollar>\$)"
    r"|(?P<sym>[£€¥₹₩₽₺₪₿₡₾₭₦฿₱₫]|ரூ)"
    r"|(?<![A-Za-z])(?P<m>M)?(?P<code>%s|usd|eur|gbp|rmb|cny|jpy)"
    r"|(?<![A-Za-z])(?P<ascii>PS|Y=|Rs\.?|RM)"
    r"|(?<![A-Za-z])(?P<local>%s)"
    r"|(?<![A-Za-z\d])(?P<rand>R)(?=\Z)"  # "R450 billion": South Africa's rand, written on the number
    r"|(?<![A-Za-z\d])(?P<naira>N)(?=\Z)"  # "N117.9 billion": Nigeria's naira, as its press writes the sign
    r"|(?<![A-Za-z])(?P<word>dollar|euro)"
    r")\s?\Z" % ("|".join(CURRENCY_CODES), "|".join(re.escape(k) for k in sorted(LOCAL_CURRENCY_SYMBOLS, key=len, reverse=True)))
)


# What follows a bare "R" when it is the rand, or a bare "N" when it is the naira: a scale or
# thousands ("R450 billion", "R5,000", "N117.9 billion", "N2,000").
RAND_AMOUNT_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:[.,]\d+)?\s?(?:bn|m|mn|million|billion|trillion)\b")


def currency_before(text: str, pos: int) -> tuple[str | None, int, bool]:
    """Currency written just before ``pos``: (ISO code, where it starts, "M" million prefix)."""
    window = text[max(0, pos - 12):pos]
    m = CURRENCY_PREFIX_RE.search(window)
    if not m:
        return None, pos, False
    start = pos - (len(window) - m.start())
    if m.group("qd"):
        return DOLLAR_QUALIFIERS.get(m.group("qd").lower(), "USD"), start, False
    if m.group("aud"):
        return "AUD", start, False
    if m.group("dq"):
        return DOLLAR_QUALIFIERS.get(m.group("dq").lower(), "USD"), start, False
    if m.group("dollar"):
        return "USD", start, False
    if m.group("sym"):
        return CURRENCY_SYMBOLS[m.group("sym")], start, False
    if m.group("code"):
        code = m.group("code").upper()
        return CODE_ALIASES.get(code, code), start, bool(m.group("m"))
    if m.group("rand"):
        if not RAND_AMOUNT_RE.match(text, pos):
            return None, pos, False  # "R1", "R2": a model or a road, not money
        return "ZAR", start, False
    if m.group("naira"):
        if not RAND_AMOUNT_RE.match(text, pos):
            return None, pos, False  # "N95 masks", "N64": a model, not money
        return "NGN", start, False
    if m.group("local"):
        return LOCAL_CURRENCY_SYMBOLS[m.group("local")], start, False
    if m.group("ascii"):
        ascii_sign = m.group("ascii")
        if ascii_sign == "PS" and not re.match(r"\d+(?:[.,]\d|\s?(?:bn|m|mn|k|million|billion)\b)", text[pos:pos + 16]):
            return None, pos, False
        return ASCII_CURRENCY[ascii_sign], start, False
    word = m.group("word").lower()
    return ("USD" if word.startswith("dollar") else "EUR"), start, False


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


# "pounds of" a thing ("1 million pounds of food", "500 pounds of cocaine"): a weight; of
# money it is sterling ("millions of pounds of public money", "pounds of taxpayers' cash").
POUNDS_OF_RE = re.compile(r"\s+of\s+(?P<words>(?:[\w'’-]+\s+){0,2}[\w'’-]+)")


# Words of money after "pounds of": the cues of ``MONEY_CUES`` and the money's owners and kinds.
MONEY_AFTER_POUNDS_OF = MONEY_CUES | frozenset({"taxpayers", "taxpayer", "public", "funding", "savings", "damage",
                                                "damages", "aid", "support", "compensation", "income", "assets", "capital",
                                                "his", "her", "their", "its"})


def _pounds_of_stuff(text: str, pos: int) -> bool:
    """The pounds are "of" something that is no money (a weight of it)."""
    m = POUNDS_OF_RE.match(text, pos)
    return m is not None and not set(re.findall(r"[a-z]+", m.group("words").lower())) & MONEY_AFTER_POUNDS_OF


def _read_word_scale(q: Quantity, text: str, pos: int) -> int:
    """A scale word after a currency written after the number ("75 USD million")."""
    sm = re.match(r"\s(?P<scale>thousand|million|billion|trillion)\b", text[pos:], re.I)
    if not sm or q.scale != 1:
        return pos
    q.scale = SCALES[sm.group("scale").lower()]
    q.value *= q.scale
    return pos + sm.end()


# An English currency name with its country's adjective ("Danish crowns"), per name.
_QUALIFIED_TRANSLATED_RE = {english: re.compile(r"\b(?P<qual>%s)\s+%ss?\b" % (_QUALIFIER, english), re.I)
                            for english in TRANSLATED_NAMES}


def _named_before(text: str, pos: int, english: str) -> tuple[str | None, str]:
    """The currency an English name last stood for with its adjective before ``pos``."""
    for m in reversed(list(_QUALIFIED_TRANSLATED_RE[english].finditer(text, 0, pos))):
        qual = re.sub(r"\s+", " ", m.group("qual").lower())
        if (code := CURRENCY_QUALIFIED.get((qual, english))) is not None:
            return code, qual
    return None, ""


def read_currency_after(q: Quantity, text: str, pos: int) -> int:
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
        code = CURRENCY_QUALIFIED.get((qual, single)) if qual else CURRENCY_NAMES.get(single)
        if code is None and qual in ("us", "u.s.", "u.s", "american"):
            code = CURRENCY_NAMES.get(single)
        if code is None and not qual and single in TRANSLATED_NAMES:
            code, qual = _named_before(text, name_m.start(), single)  # "… 212 Danish crowns … to 206.4 crowns"
        if code is not None:
            accept = not (single in AMBIGUOUS_CURRENCY_NAMES and not (q.scale > 1 or abs(q.value) >= 1000 or qual))
            if single == "pound" and not qual and (not _pounds_are_money(text, q.scale > 1)
                                                   or _pounds_of_stuff(text, name_m.end())):
                q.unit = "pound"  # a weight
                return name_m.end()
            if accept and (q.unit is None or single == "dollar"):
                q.unit = code
                pos = _read_word_scale(q, text, name_m.end())
    if q.unit == "USD" and prefixed and (us := US_AFTER_DOLLAR_RE.match(text, pos)):
        pos = us.end()  # "$76 US"
    if q.unit is not None and not prefixed and pos > q.literal.end and q.scale == 1 and (cents := _minor_amount(text, pos)):
        q.value += cents[0] / 100  # "3 dollars 50 cents", "15 dollars and 50", "17 USD 25"
        pos = cents[1]
    q.currency = q.unit is not None
    return pos
