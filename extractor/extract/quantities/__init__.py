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

Where each rule lives: ``numbers`` (literals and their values), ``money`` (currencies),
``units`` (percent, measures, rates, counted nouns), ``scan`` (reading outwards, hedges),
``filters`` (what is not a quantity), ``ranges``, ``direction`` (and NewsQuant's
``change``), ``subject`` and ``subject_names`` (what a figure is about), ``metric`` (the
metric vocabulary), ``frame`` (close, intraday, after-hours, ...), ``measures`` (pint's
registry: conversion to base units), ``claims`` (assembly and dates); date expressions
resolve in ``extractor.dates``.
"""

from extractor.dates import resolve_date
from extractor.extract.quantities.claims import claim_id, extract_claims
from extractor.extract.quantities.direction import change_label
from extractor.extract.quantities.numbers import DIGIT_RE, digit_literals, parse_number_words
from extractor.extract.quantities.scan import scan_text

__all__ = [
    "DIGIT_RE",
    "change_label",
    "claim_id",
    "digit_literals",
    "extract_claims",
    "parse_number_words",
    "resolve_date",
    "scan_text",
]
