"""Names in a title-case headline, which the model runs into the verb after them.

The NLP reads an article's headline as its first paragraph (``extract.article``). In a
headline every word is capitalised, so the model takes "Nvidia Loses" or "Facebook
Shares Plunge" for one name; the name stops before the headline's verb.
"""

from __future__ import annotations

import re

from extractor.extract.entity_names import Candidate
from extractor.extract.lexicon import MARKET_VERBS, is_place_name
from extractor.extract.quantities.direction import DOWN_VERBS, UP_VERBS

# Verbs that follow a headline's subject (lemmas): a market move, a rise or a fall, and
# the verbs of reporting and results that headlines use most.
HEADLINE_VERBS = MARKET_VERBS | UP_VERBS | DOWN_VERBS | frozenset(
    "say see hit post report warn wipe announce unveil".split())

# A capitalised word that is a verb's inflected form ("Loses", "Plunges", "Hits", "Tumbled"):
# an uninflected one is as likely part of a name ("Washington Post", "Lower Manhattan").
INFLECTED_RE = re.compile(r"[A-Z][a-z]+(?:s|ed)\Z")

# Nouns a headline's name runs into before its verb ("Facebook Shares Plunge"): the thing
# the figure is about, not part of the company's name.
HEADLINE_NOUNS = frozenset("stock stocks share shares".split())

WORD_RE = re.compile(r"\S+")


def _verb_lemma(word: str) -> str | None:
    """The lemma of an inflected verb form among ``HEADLINE_VERBS``, else None."""
    if not INFLECTED_RE.match(word):
        return None
    low = word.casefold()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", "")):
        if low.endswith(suffix) and (lemma := low[: -len(suffix)] + repl) in HEADLINE_VERBS:
            return lemma
    return None


def name_end(name: str) -> int:
    """Where a headline name ends: before its first inflected headline verb (and the
    "Shares" or "Stock" before it), never before its first word; ``len(name)`` when it has
    none or is a place's name ("Niagara Falls")."""
    words = list(WORD_RE.finditer(name))
    for i, word in enumerate(words[1:], start=1):
        if _verb_lemma(word.group()) is None:
            continue
        if is_place_name(name):
            break
        while i > 1 and words[i - 1].group().casefold() in HEADLINE_NOUNS:
            i -= 1
        return words[i - 1].end()
    return len(name)


def cut_headline_names(candidates: list[Candidate], headline_end: int) -> list[Candidate]:
    """The candidates, those in the headline (``[0, headline_end)`` of the text) cut before
    their verb."""
    out = []
    for cand in candidates:
        end = name_end(cand.text) if cand.start < headline_end else len(cand.text)
        if end < len(cand.text):
            cand = Candidate(cand.start, cand.start + end, cand.text[:end], cand.label)
        out.append(cand)
    return out
