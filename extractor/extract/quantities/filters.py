"""What is not a quantity: years, days of a month, names and labels ("H800", "Row 21",
"S&P 500", "No. 5", "575 Wilbraham Road"), list markers, scores, account numbers, ages
in apposition ("Smith, 65,"), age qualifiers ("men aged 18 to 34"), hyphenated
durations describing a noun ("a five-year award"), "one" as a pronoun ("each one"),
ordinal "a third" ("a third straight day"), codes ("Rule 10b5-1", "G-7") and share
ratios ("a 10-for-1 stock split")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extractor.dates import AMBIGUOUS_MONTHS, MONTHS
from extractor.extract.quantities.quantity import Quantity
from extractor.extract.quantities.tokens import Tokens
from extractor.extract.quantities.units import TIME_UNITS, match_unit
from extractor.ingest.titles import in_title_case

# Words after "a third", "a fifth" that make it an ordinal ("a third straight day").
ORDINAL_FOLLOWERS_RE = re.compile(
    r"[\s-]+(?:straight|consecutive|successive|time|term|round|place|party|quarter|day|week|"
    r"month|year|season|game|match|leg|stage|generation|tier|attempt|[a-z]+est)\b", re.I)
# Words before "half" that make it a period or a part, not a number ("first half").
# ("his own half", "the opposition half": a side of the pitch).
NOT_FRACTION_BEFORE = frozenset({
    "first", "second", "third", "fourth", "final", "last", "next", "other", "the", "this", "that", "each",
    "latter", "former", "in", "own", "his", "her", "their", "its", "our", "my", "your", "opposition",
})
# "one" as a pronoun or determiner after these words ("each one", "no one", "the one").
ONE_PRONOUN_BEFORE = frozenset({"no", "each", "every", "any", "the", "this", "that", "which", "another", "some", "a", "only", "anyone", "someone", "no-one"})
# "one" before these words is not a count ("one another", "one day" as "some day").
ONE_PRONOUN_AFTER = frozenset({"another", "who", "that", "which", "thing", "way", "or"})
# spaCy labels of names that may contain numbers ("575 Wilbraham Road", "Euro 2020").
NAME_ENTITY_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON"})
# Words before a number that make it a label ("No. 5", "#3", "category 4", "phase 3").
LABEL_BEFORE_RE = re.compile(
    r"(?:\bno\.|\bnos\.|#|\b(?:number|page|p\.|pp\.|grade|level|version|step|phase|stage|lap|hole|"
    r"category|class|tier|round|room|gate|platform|route|highway|interstate|channel|row|"
    r"seat|lot|section|chapter|article|episode|zone|floor|terminal|flight|runway|district|ward|"
    r"precinct))\s*\Z",
    re.I,
)
# Names of stock indices (and of lists that rank companies), as their first words.
INDEX_NAMES = (r"s\s?&?\s?p|standard\s?&\s?poor['’]?s|ftse|nikkei|stoxx|euro\s?stoxx|russell|cac|dax|mdax|tecdax|asx|"
               r"s&p/asx|fortune|forbes|nasdaq|hang seng|sensex|nifty|kospi|tsx|ibex|ftse mib|omx|"
               r"topix|hsi|klci|psei|jse|kosdaq|i?bovespa|merval")
# Stock indices whose names end in a number ("S&P 500", "FTSE 100", "Nikkei 225").
INDEX_BEFORE_RE = re.compile(r"\b(?:%s)[\s-]?\Z" % INDEX_NAMES, re.I)
# A stock index's name ("Nasdaq", "the Dow Jones Industrial Average", "Hang Seng").
INDEX_NAME_RE = re.compile(r"(?:the\s+)?(?:%s|dow)\b" % INDEX_NAMES, re.I)
# Street words after a house number ("575 Wilbraham Road", "9 E 71st St", "22 Ave Foch").
STREET_AFTER_RE = re.compile(
    r"(?:[-–]\d+)?\s(?:[A-Z][\w.'’-]*\s|\d+(?:st|nd|rd|th)\s){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|"
    r"Drive|Dr|Boulevard|Blvd|Place|Pl|Square|Sq|Court|Ct|Terrace|Close|Crescent|Parkway|Pkwy|"
    r"Highway|Hwy)\b\.?"
)
# One capital letter glued to a labelled number ("runway 28L", "gate 5A").
GLUED_LETTER_RE = re.compile(r"[A-Z]\b")
# What follows the number of a model's designation: a capitalised word and its variant's
# number ("737 MAX-9", "737 Max 8"), or a variant glued with a hyphen ("737-900ER", "A320-200N").
MODEL_AFTER_RE = re.compile(r"\s[A-Z][A-Za-z]{0,5}[- ]?\d{1,3}\b|[-–]\d{0,4}(?P<letters>[A-Z]{1,3})\b")
# A model's designation is a name's number of three or more digits ("Boeing 737"): the
# same number bare elsewhere in the text ("the 737 program") is the model again.
MODEL_NUMBER_RE = re.compile(r"\d{3,4}")
# Account, phone and reference numbers: three or more digit groups joined by hyphens.
DIGIT_CODE_RE = re.compile(
    r"(?<![\w.,])\d+(?:[-–]\d+){2,}(?![\w.])"  # "1111-2222-3333"
    r"|(?<![\w.,])\+?\d{2,5}(?:[ -]\d{2,5}){2,}(?![\w.,])"  # "0800 123 4567"
    r"|(?<![\w.,])0\d{2,}(?![\w.,])"  # "0401": a leading zero is a code or a clock time
    r"|(?<![\w.,])\+\d{1,3}[ -]?\(?\d{2,5}\)?[ -]?\d{4,}(?![\w.,])"  # "+91 6026176848", "+44 (20) 71234567"
    r"|(?<![\w.,])\d{7,}(?:\s*[,/]\s*\d{7,})+(?![\w.,])"  # "(27923050, 27923060)": numbers to call, listed
    r"|\b(?:phone|call|dial|ring|text|telephone)\s+\+?\d{2,5}(?:[ -]\d{2,5})+(?![\w.,])"  # "phone 9006 5112"
    r"|(?<=\()\d{3,6}\.[A-Z]{1,2}(?=\))"  # "Advantest (6857.T)", "Tencent (0700.HK)": a listing's code and exchange
)
# Emergency telephone numbers, read as a number only after "call" or "dial" or before the
# service they name ("911 outages", "999 calls", "call 112").
EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000"})
# Those English news names a service by ("911 calls"): "112 dispatchers" may count people.
NAMED_EMERGENCY_NUMBERS = frozenset({"911", "999"})
EMERGENCY_AFTER_RE = re.compile(
    r"[\s-]+(?:calls?|call[\s-]cent(?:er|re)s?|cent(?:er|re)s?|services?|systems?|lines?|operators?|dispatch\w*"
    r"|outages?|emergency|emergencies|numbers?)\b", re.I)
DIAL_BEFORE_RE = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|r[ai]ng|ring(?:ing|s)?)\s+\Z", re.I)
# Four-digit numbers in this range are years unless they count something.
YEAR_RANGE = (1800, 2200)
# Earlier four-digit numbers are years when the model reads a date or a preposition of time
# comes first ("built in 1347", "a bridge dating from 1590"), unless they count something.
EARLY_YEAR_RANGE = (1000, 1799)
YEAR_PREPOSITIONS = frozenset("in since until till by from before after circa c. around of".split())
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
# A month name just before or after a day number ("Jan. 24", "10 January").
MONTH_BEFORE_RE = re.compile(r"\b(%s)(\.)?,?\s\Z" % "|".join(MONTHS), re.I)
MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?\s(?:of\s)?(%s)\b" % "|".join(MONTHS), re.I)
# A month name alone.
MONTH_WORD_RE = re.compile(r"(?:%s)\b\.?" % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][\w&.'’-]*)[\s,]*\Z", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def is_bare(q: Quantity) -> bool:
    """No currency, unit, hedge or sign: a number that may be a year, a label or a name."""
    return not q.currency and q.unit is None and q.hedge == "=" and not q.sign


# The rest of a numeric date after its first number: "/01/2025", ".01.2025", "/13/19".
NUMERIC_DATE_AFTER_RE = re.compile(r"([/.])\d{1,2}\1(?:\d{4}|\d{2})\b")


def is_calendar(q: Quantity, text: str, tok: Token) -> bool:
    """Years, days of a month and the second year of "2014-15" are dates, not quantities."""
    literal = text[q.literal.start:q.literal.end]
    if not re.fullmatch(r"\d+", literal) or q.currency:
        return False
    number = int(literal)
    before = text[max(0, q.literal.start - 12):q.literal.start]
    after = text[q.literal.end:q.literal.end + 14]
    if 1 <= number <= 31 and q.unit is None and NUMERIC_DATE_AFTER_RE.match(after):
        return True  # "27/01/2025", "11/13/19": a numeric date's first part (the rest never scans)
    if 1 <= number <= 31 and q.unit is None:
        m = MONTH_BEFORE_RE.search(before)
        if m and (_names_month(m.group(1)) or m.group(2)):
            return True
        m = MONTH_AFTER_RE.match(after)
        if m and _names_month(m.group(1)):
            return True
    if len(literal) == 4 and q.unit is None and (
            YEAR_RANGE[0] <= number <= YEAR_RANGE[1] or EARLY_YEAR_RANGE[0] <= number <= EARLY_YEAR_RANGE[1] and (
                tok.ent_type_ == "DATE" or _prev_word(text, q.literal.start).casefold() in YEAR_PREPOSITIONS)):
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        counts_plural = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "DATE" \
            and not MONTH_BEFORE_RE.search(before)  # ("On 10th August 2007 police removed …": a date's year)
        if not counts_plural:
            q.verdict.is_year_like = True
            return True
    if len(literal) == 2 and re.search(r"(?:\b\d{4}[-–/]|\s['’])\Z", text[max(0, q.literal.start - 5):q.literal.start]):
        return True
    return False


def _names_month(word: str) -> bool:
    """A month name: capitalised, or lower-case when it is no other English word ("may", "march")."""
    return word[0].isupper() or word.lower() not in AMBIGUOUS_MONTHS


def is_name_part(q: Quantity, text: str, tok: Token) -> bool:
    """The number belongs to a name, label, address or list marker.

    "Row 21", "iPhone 12", "BBC One", "S&P 500", "category 4", "No. 5", "575 Wilbraham
    Road", "1." at the start of a sentence.
    """
    if q.currency or q.hedge != "=" or q.sign:
        return False
    before = text[max(0, q.literal.start - 24):q.literal.start]
    literal = text[q.literal.start:q.literal.end]
    if literal in EMERGENCY_NUMBERS and (literal in NAMED_EMERGENCY_NUMBERS and EMERGENCY_AFTER_RE.match(text, q.literal.end)
                                         or DIAL_BEFORE_RE.search(before)):
        return True  # "911 outages", "call 999": the emergency number
    if LABEL_BEFORE_RE.search(before) and GLUED_LETTER_RE.match(text, q.literal.end):
        return True  # "runway 28L", "seat 12C": a label whose letter is no unit
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if q.literal.is_word and literal[:1].isupper() and nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() \
            and tok.i > tok.sent.start and not in_title_case(tok.sent.text) and not before.rstrip().endswith(":"):
        return True  # 'among the "Seven Sisters"', "the Big Four banks": a name (not "Fire Kills Seven Workers",
        # nor "Tays: Two Bartholomew County warrants", capitalised after a colon)
    if q.unit is not None and q.unit not in ("point",):
        return False
    if LABEL_BEFORE_RE.search(before) or INDEX_BEFORE_RE.search(before):
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    if prev is not None and any(c.isupper() for c in prev.text) and prev.lower_ not in _FUNCTION_WORDS and not q.times:
        if (prev.i > tok.sent.start or prev.pos_ == "PROPN") and not MONTH_WORD_RE.fullmatch(prev.text):
            if not (prev.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") and prev.pos_ != "PROPN"):
                return True
    if q.literal.is_word and text[q.literal.start].isupper() and tok.i > tok.sent.start and not re.search(r"[\"“:.]\s*\Z", text[max(0, q.literal.start - 3):q.literal.start]):
        return True
    if q.unit is None and tok.ent_type_ in NAME_ENTITY_LABELS:
        if any(t.i != tok.i and t.is_alpha and t.text[0].isupper() for t in _entity_tokens(tok)):
            return True
    if q.unit is None and STREET_AFTER_RE.match(text, q.literal.end):
        return True
    if q.unit is None and _model_variant_after(text, q.literal.end):
        return True  # "its 737 MAX-9 aircraft", "a 737-900ER": a model's designation
    # list markers: "1." / "2)" opening a sentence, or a bare "(3)"
    if q.unit is None and tok.i == tok.sent.start and re.match(r"[.)]\s", text[q.literal.end:q.literal.end + 2]):
        return True
    if q.unit is None and text[q.literal.end:q.literal.end + 1] == ")" and text[q.literal.start - 1:q.literal.start] == "(":
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


# "at one point", "at one stage", "at one time": a moment in a session, not a number of points.
AT_ONE_POINT_RE = re.compile(r"at\sone\s(?:point|stage|time)\b", re.I)


def is_pronoun_one(q: Quantity, text: str, tok: Token) -> bool:
    """"one" as a pronoun or determiner ("each one", "no one", "one another")."""
    literal = text[q.literal.start:q.literal.end].lower()
    if literal == "one" and AT_ONE_POINT_RE.match(text, max(0, q.literal.start - 3)):
        return True  # "at one point", "at one stage": a moment, not a quantity
    if literal != "one" or q.unit is not None or q.currency:
        return False
    prev = _prev_word(text, q.literal.start).lower()
    nxt = re.match(r"\s*([A-Za-z]+)", text[q.literal.end:])
    nxt_word = nxt.group(1).lower() if nxt else ""
    if prev in ONE_PRONOUN_BEFORE or nxt_word in ONE_PRONOUN_AFTER:
        return True
    if nxt_word == "of":
        return False
    head = tok.head
    return not (tok.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i > tok.i)


def is_fraction_period(q: Quantity, text: str) -> bool:
    """"first half", "the second quarter": periods, not fractions."""
    literal = text[q.literal.start:q.literal.end].lower()
    if not re.search(r"half|third|quarter|fifth|tenth", literal):
        return False
    if re.fullmatch(r"(?:a|one)[\s-]+(?:third|quarter|fifth|tenth)", literal) and q.scale == 1:
        # "a third of", "rose by a fifth" are fractions; "a third straight day" is an ordinal
        return bool(ORDINAL_FOLLOWERS_RE.match(text, q.end))
    prev = _prev_word(text, q.literal.start).lower()
    return prev in NOT_FRACTION_BEFORE and not literal.startswith(("a ", "one ", "two ", "three "))


def is_age_apposition(q: Quantity, text: str, tok: Token) -> bool:
    """"Smith, 65, said": an age in apposition; "men aged 18 to 34": an age qualifier."""
    if q.unit is not None or q.currency or q.hedge != "=":
        return False
    if re.search(r"\baged?\s*\Z", text[max(0, q.literal.start - 6):q.literal.start], re.I):
        return True
    if re.search(r",\s*\Z", text[max(0, q.literal.start - 3):q.literal.start]) and re.match(r"\s*[,;.)]", text[q.literal.end:]):
        prev = tok.nbor(-1) if tok.i > 0 else None
        while prev is not None and prev.is_punct and prev.i > 0:
            prev = prev.nbor(-1)
        literal = text[q.literal.start:q.literal.end]
        if prev is not None and (prev.ent_type_ == "PERSON" or prev.pos_ == "PROPN" or (prev.pos_ == "NOUN" and literal.isdigit() and 10 <= int(literal) <= 120)):
            return True
    return False


def is_duration_modifier(q: Quantity, text: str, tokens: Tokens) -> bool:
    """"a five-year award", "a 30-year mortgage": a hyphenated duration describing a noun."""
    if q.unit not in TIME_UNITS or q.high is not None or q.metric == "age":
        return False
    if not re.fullmatch(r"-[A-Za-z]+", text[q.literal.end:q.end]):
        return False
    unit_tok = tokens.at(q.end - 1)
    nxt = unit_tok.nbor(1) if unit_tok.i + 1 < len(unit_tok.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "SYM", "NUM") and not nxt.is_punct


# What names a span of time by the month it ends ("in the 12 months to September", "the three
# months through June", "the 52 weeks ended March") or as a beginning's first stretch ("the first
# nine months of the year", "in his first 100 days"): a period a figure is of, not a figure.
PERIOD_ENDING_AFTER_RE = re.compile(
    r"\s+(?:to|through|thru|ending|ended|up\s+to)\s+(?:(?:the\s+)?end\s+of\s+)?(?:%s)\b" % "|".join(MONTHS), re.I)
FIRST_STRETCH_BEFORE_RE = re.compile(r"\bfirst\s+\Z", re.I)


def is_named_period(q: Quantity, text: str) -> bool:
    """"the 12 months to September", "the first nine months": the period a figure is of (see
    PERIOD_ENDING_AFTER_RE)."""
    return q.unit in TIME_UNITS and q.high is None and (
        PERIOD_ENDING_AFTER_RE.match(text, q.end) is not None
        or FIRST_STRETCH_BEFORE_RE.search(text, max(0, q.start - 8), q.start) is not None)


# How many times someone won or was something, said as a title ("three-time European
# champions", "a two-time Olympic medallist"): a description, not a figure of the news.
TIMES_TITLE_AFTER_RE = re.compile(r"-time\b", re.I)


def is_times_title(q: Quantity, text: str) -> bool:
    """"three-time champions" (see TIMES_TITLE_AFTER_RE)."""
    return q.unit is None and not q.currency and TIMES_TITLE_AFTER_RE.match(text, q.literal.end) is not None


# A bare number that is a note's marker: alone on its line before a new sentence ("…in market
# history\n4.\nThe sell-off"), or a footnote reference ("[^5]", "[12]").
NOTE_MARKER_RE = re.compile(r"\[\^?\d+\]")


# A ratio of shares ("a 10-for-1 stock split", "a one-for-ten reverse split"): neither number is
# a figure of the news.
SHARE_RATIO_RE = re.compile(
    r"(?<![\w.])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)-for-(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|twenty)(?![\w.])", re.I)
# A code whose last part is a number after a hyphen, where what comes before holds letters and
# ends in a digit or is in capitals ("Rule 10b5-1", "MH-17", "G-7", "F-35"): a name's number.
CODE_BEFORE_RE = re.compile(r"(?<![\w.-])(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*\d|[A-Z]{1,5})[-–]\Z")


def is_code_part(q: Quantity, text: str) -> bool:
    """The number ends a code or a designation ("Rule 10b5-1", "G-7"), see CODE_BEFORE_RE."""
    return q.unit is None and not q.currency and not q.sign and q.high is None \
        and CODE_BEFORE_RE.search(text, max(0, q.literal.start - 12), q.literal.start) is not None


def is_note_marker(q: Quantity, text: str) -> bool:
    """A footnote or citation number, not a quantity (see NOTE_MARKER_RE)."""
    if q.currency or q.unit is not None or q.sign or q.hedge != "=":
        return False
    start, end = q.literal.start, q.literal.end
    if start > 0 and text[start - 1] in "[^" and NOTE_MARKER_RE.match(text, text.rfind("[", 0, start)):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    if re.fullmatch(r"\d{1,3}[.)]?", line) is None:
        return False
    following = text[line_end:].lstrip() if line_end >= 0 else ""
    return not following or not following[0].islower()  # "has\n12\nmembers": a wrapped sentence's number


def _model_variant_after(text: str, end: int) -> bool:
    """A model's variant follows the number, not a range's end with its unit ("5-10W")."""
    m = MODEL_AFTER_RE.match(text, end)
    return m is not None and (m.group(0)[0] not in "-–" or match_unit(text, m.start("letters")) is None)


def _names_a_model(q: Quantity, text: str, tokens: Tokens) -> bool:
    """The dropped number is a model's designation: three or four digits after a proper
    noun's capitalised word ("Boeing 737") or before a variant ("737 MAX-9", "737-900ER")."""
    if q.unit is not None or not MODEL_NUMBER_RE.fullmatch(text[q.literal.start:q.literal.end]):
        return False
    if INDEX_BEFORE_RE.search(text, max(0, q.literal.start - 24), q.literal.start):
        return False  # "the S&P 500": an index, whose number may be a figure elsewhere
    tok = tokens.at(q.literal.start)
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    after_name = prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ != "DATE" \
        and not MONTH_WORD_RE.fullmatch(prev.text)
    return after_name or _model_variant_after(text, q.literal.end)


def mark_non_quantities(qs: list[Quantity], tokens: Tokens) -> None:
    """Set ``verdict.drop`` on every scanned quantity that is not one (see the module docstring)."""
    text = tokens.text
    for q in qs:
        tok = tokens.at(q.literal.start)
        q.verdict.drop = (
            is_calendar(q, text, tok)
            or is_name_part(q, text, tok)
            or is_pronoun_one(q, text, tok)
            or is_fraction_period(q, text)
            or is_age_apposition(q, text, tok)
            or is_duration_modifier(q, text, tokens)
            or is_note_marker(q, text)
            or is_named_period(q, text)
            or is_times_title(q, text)
            or is_code_part(q, text)
            or tok.like_url
            or tok.like_email
        )
    models = {text[q.literal.start:q.literal.end] for q in qs if q.verdict.drop and _names_a_model(q, text, tokens)}
    for q in qs:
        if not q.verdict.drop and q.unit is None and q.hedge == "=" and not q.currency \
                and text[q.literal.start:q.literal.end] in models:
            q.verdict.drop = True  # "Boeing 737 ... the 737 program"
    for a, b in zip(qs, qs[1:]):
        link = text[a.end:b.start].strip().lower()
        # "2000 - 2500 Calories": a year-like number that starts a measured range is a number
        if a.verdict.is_year_like and link in ("-", "–") and b.unit and b.unit not in TIME_UNITS:
            a.verdict.drop = False
        # "2014-15", "January 5 to 10", "aged 18 to 34": the second end of a dropped date or age
        elif a.verdict.drop and link in ("-", "–", "/", "to", "and") and is_bare(b):
            b.verdict.drop = True
    for ratio in SHARE_RATIO_RE.finditer(text):  # "a 10-for-1 stock split"
        for q in qs:
            if ratio.start() <= q.literal.start < ratio.end():
                q.verdict.drop = True
    for code in DIGIT_CODE_RE.finditer(text):  # "1111-22223333-4444", "+44 20 7946 0958"
        for q in qs:
            if code.start() <= q.literal.start < code.end():
                q.verdict.drop = True
