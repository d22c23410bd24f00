"""Names in a title-case headline, which the model runs into the verb after them.

The NLP reads an article's headline as its first paragraph (``extract.article``). In a
headline every word is capitalised, so the model takes "Nvidia Loses" or "Facebook
Shares Plunge" for one name; the name stops before the headline's verb.
"""

from __future__ import annotations

import re

from extractor.extract.entity_names import POSSESSIVE_RE, Candidate, in_any
from extractor.extract.entity_types import is_first_name
from extractor.extract.lexicon import (
    COMPANY_TAIL_WORDS, MARKET_VERBS, ORG_HEAD_WORDS, ORG_NAME_ENDINGS, english_verbs, english_words, is_place_name,
    verb_only_lemmas,
)
from extractor.ingest.titles import MINOR_WORDS, TITLE_CASE_SHARE, capitalised, in_title_case, main_words

# Verbs that follow a headline's subject (lemmas): a market move, and the verbs of moves,
# reports and results that headlines use most.
HEADLINE_VERBS = MARKET_VERBS | frozenset("""
plummet crash tank dive dip slip shed wipe erase sink skid crater rocket spike rebound
hit top post report say see warn announce unveil face suffer take win beat miss cut slash
break smash shatter surpass pass cross breach
book log notch near cancel ground halt delay restore resume apologize apologise blame urge
reveal launch give go add overturn uphold strike reject approve ban sue charge convict sentence jail
arrest elect resign quit fire oust appoint name declare spark trigger fuel stoke rattle roil spook
challenge threaten shake jolt upend disrupt overtake dethrone unseat topple stun shock hammer batter dent
""".split())

# Auxiliaries as a title-case headline writes them ("Acme Is Suffering …", "Acme Has Lost …");
# not "Will", "May" or "Can", which are also names and months.
HEADLINE_AUXILIARIES = frozenset({"Is", "Are", "Was", "Were", "Has", "Have", "Had", "Could", "Would", "Should", "Must"})

# A capitalised word that is a verb's inflected form ("Loses", "Plunges", "Hits", "Tumbled"):
# an uninflected one is as likely part of a name ("Washington Post", "Lower Manhattan").
INFLECTED_RE = re.compile(r"[A-Z][a-z]+(?:s|ed)\Z")

# Nouns a headline's name runs into before its verb or at its end ("Facebook Shares
# Plunge", "Zuckerberg Net Worth Down $15 Billion"): what the figure is about, not part of
# the name.
HEADLINE_NOUNS = frozenset("stock stocks share shares price prices market value valuation net worth wealth fortune death toll tally".split())

WORD_RE = re.compile(r"\S+")
# A longer heading is in title case only when nearly every word is capitalised: a
# sentence-case summary full of names ("Acme CEO and Zentrix creator Dana Whitcombe called
# it an 'impressive model'") is not.
SHORT_HEADING_WORDS = 12
LONG_TITLE_CASE_SHARE = 0.8


def repeated_title_spans(text: str, title: str | None) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` that are its title again (a page whose text opens with its
    headline, which the NLP then reads twice): a headline wherever it stands, even when it
    ends with a full stop, as a heading never does."""
    if not title or not title.strip():
        return []
    pattern = re.compile(rf"(?:\A|(?<=\n\n)){re.escape(title.strip())}(?=\n\n|\s*\Z)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def title_case_headings(text: str, headings: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headings written in title case ("Nvidia Stock Recovers After Steep Decline"), where
    names run into the words after them as they do in a headline."""
    out = []
    for start, end in headings:
        share = TITLE_CASE_SHARE if len(text[start:end].split()) <= SHORT_HEADING_WORDS else LONG_TITLE_CASE_SHARE
        if in_title_case(text[start:end], share):
            out.append((start, end))
    return out


# Fewest words of a title-case sentence inside a paragraph read as a headline (a link's
# title run into the text: "… AI models. Acme Share Price Plunges Nearly 17%, Tech Stocks
# Tank As Rival Threatens To Upend AI Frenzy.").
MIN_TITLE_SENTENCE_WORDS = 6


def title_case_sentences(sentences: list[tuple[int, int, str]], headings: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences (start, end, text) outside ``headings`` written in title case with a
    headline's verb in them: a headline quoted in the text, whose names run into its verbs."""
    out = []
    for start, end, sentence in sentences:
        if in_any(start, headings):
            continue
        words = main_words(sentence)
        if len(words) >= MIN_TITLE_SENTENCE_WORDS and capitalised(words, TITLE_CASE_SHARE) \
                and any(_verb_lemma(w.strip(",.;:!?")) for w in words[1:]):
            out.append((start, end))
    return out


def _verb_lemma(word: str) -> str | None:
    """The lemma of an inflected verb form among ``HEADLINE_VERBS``, or of a present-tense
    form of a verb English never uses as a noun ("Recovers", "Reacts"; a name may hold
    "United" or "Times", never "Loses"), else None."""
    if not INFLECTED_RE.match(word):
        return None
    low = word.casefold()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", "")):
        if not low.endswith(suffix):
            continue
        lemma = low[: -len(suffix)] + repl
        if lemma in HEADLINE_VERBS or (suffix[-1] == "s" and not low.endswith("ss") and lemma in verb_only_lemmas()):
            return lemma
    return None


# A figure right after a word ("… Add $196bn", "… Lose 17%"): the word is the headline's verb.
FIGURE_AFTER_RE = re.compile(r"\s+(?:[$€£¥]|US\$|\d)")
# "to" and a capitalised word after a name in a headline ("Britain Votes| to Leave EU").
TO_WORD_RE = re.compile(r"\s+[Tt]o\s+([A-Z][a-z]+)\b")
# Words after which a headline's next word is a verb in its plain form ("Acme to Buy Zentrix",
# "New PM Should Steer UK").
PLAIN_VERB_BEFORE_RE = re.compile(r"\b(?:[Tt]o|[Ss]hould|[Ww]ill|[Ww]ould|[Cc]ould|[Mm]ust|[Cc]an|[Mm]ight)\s+\Z")


def _plain_verb(word: str) -> bool:
    """A capitalised word a headline writes for a verb after "to" or a modal ("Resign",
    "Leave", "Buy"): an English verb, not a first name ("to Mark Zuckerberg")."""
    return word[:1].isupper() and word.casefold() in english_verbs() and not is_first_name(word) \
        and not is_place_name(word)


def _verb_and_words(name: str) -> bool:
    """A verb a headline writes in its plain form, then only words of the language ("Suffer
    Billions"): no one's name, which has a first name or a surname no dictionary lists."""
    first, *rest = name.split()
    vocabulary = english_words()
    return bool(rest) and _plain_verb(first) and all(
        w.casefold() in vocabulary or w.casefold().removesuffix("s") in vocabulary for w in rest) \
        and not any(is_first_name(w) for w in rest)


def _verb_before_to(word: str, after: str) -> bool:
    """An inflected word followed by "to" and a verb ("Votes to Leave", "Forced to Quit"):
    the headline's verb, whose object is the clause after it."""
    if not INFLECTED_RE.match(word) or word.casefold().endswith("ss"):
        return False
    to = TO_WORD_RE.match(after)
    return to is not None and _plain_verb(to.group(1))


def name_end(name: str, after: str = "") -> int:
    """Where a headline name ends: before its first inflected headline verb, and before the
    headline nouns ("Shares", "Net Worth") or a move named as a noun ("Plunge") that lead
    to the verb, and the headline nouns that end the name; never
    before its first word; ``len(name)`` when nothing is cut or it is a place's name
    ("Niagara Falls"). ``after`` is the text that follows the name: a headline verb in its
    plain form ends the name when a figure follows it ("Acme Platforms Add $19bn")."""
    words = list(WORD_RE.finditer(name))
    def is_verb(i: int) -> bool:  # inflected, an auxiliary, or after a plural noun ("Shares Plunge")
        word = words[i].group()
        plain = word[:1].isupper() and word.casefold() in HEADLINE_VERBS
        rest = name[words[i].end():] + after
        return bool(_verb_lemma(word)) or word in HEADLINE_AUXILIARIES or plain and (
            words[i - 1].group().casefold() in HEADLINE_NOUNS or i == len(words) - 1 and FIGURE_AFTER_RE.match(after)) \
            or _verb_before_to(word, rest) or word in ("to", "To") and i + 1 < len(words) and _plain_verb(words[i + 1].group())

    cut = verb = next((i for i in range(1, len(words)) if is_verb(i)), len(words))
    # the nouns before the verb, and a move named as a noun right before it ("Acme Plunge Erases …";
    # not the "Fire" of "Eaton Fire Death Toll Rises", before the nouns)
    while cut > 1 and (words[cut - 1].group().casefold() in HEADLINE_NOUNS
                       or (cut == verb < len(words) and words[cut - 1].group().casefold() in HEADLINE_VERBS)):
        cut -= 1
    if cut == len(words) or is_place_name(name):
        return len(name)
    return words[cut - 1].end()


def _opens_with_headline_verb(name: str) -> bool:
    """The words start with an inflected verb of headlines ("Declares First Dividend")."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    lemma = _verb_lemma(first)
    return lemma is not None and lemma in HEADLINE_VERBS and len(name.split()) > 1


# Words that end or head names ("Department", "Bank", "Party", "Corp"): never ordinary words a
# headline's capitals hide.
NAME_ENDING_WORDS = ORG_HEAD_WORDS | ORG_NAME_ENDINGS | COMPANY_TAIL_WORDS


def _body_name_end(name: str, body_names: set[str]) -> int:
    """Where a headline name ends when the article names the same thing by its first words
    only and the rest are ordinary words the headline's capitals hide ("Acme Platform
    Spectacular $19bn Raise" over a body that says "Acme"): the end of the longest such
    first words, else ``len(name)``."""
    if name in body_names or any(other.endswith(" " + name) for other in body_names):
        return len(name)  # (the body's "U.S. Treasury Department" holds the headline's "Treasury Department")
    words = list(WORD_RE.finditer(name))
    vocabulary = english_words()
    for k in range(len(words) - 1, 0, -1):
        if name[:words[k - 1].end()] in body_names:
            rest = [w.group() for w in words[k:]]
            if all(w[:1].isupper() and (w.casefold() in vocabulary or w.casefold() in MINOR_WORDS)
                   and w.casefold() not in NAME_ENDING_WORDS for w in rest):
                return words[k - 1].end()
            return len(name)
    return len(name)


def cut_headline_names(candidates: list[Candidate], headlines: list[tuple[int, int]], text: str = "") -> list[Candidate]:
    """The candidates, those in a headline (the title, a heading) cut before their verb (or
    dropped, when only a noun such as "Stock" is left); a cut one has no label, since the model's
    was for the words run together ("Zuckerberg Loses" read as an organisation says nothing of
    Zuckerberg)."""
    out = []
    body_names = {c.text for c in candidates if not in_any(c.start, headlines)}
    for cand in candidates:
        in_headline = in_any(cand.start, headlines)
        if in_headline and _opens_with_headline_verb(cand.text):
            continue  # "…, Declares First Dividend": the headline's second verb and its object
        if in_headline and cand.label == "PERSON" and cand.text not in body_names and _verb_and_words(cand.text):
            continue  # "Big Tech Stocks Suffer Billions in Losses": a verb and its object, no one's name
        if in_headline and cand.text not in body_names and PLAIN_VERB_BEFORE_RE.search(text, max(0, cand.start - 8), cand.start):
            first, _, rest = cand.text.partition(" ")
            if _plain_verb(first):  # "… to Leave EU", "… Should Steer UK": the verb, then its object
                if not any(ch.isupper() for ch in rest):
                    continue
                start = cand.start + len(first) + 1
                cand = Candidate(start, cand.end, rest, None)
        end = name_end(cand.text, text[cand.end:cand.end + 40]) if in_headline else len(cand.text)
        if end < len(cand.text):
            kept = cand.text[:end]
            if (possessive := POSSESSIVE_RE.search(kept)) is not None:  # "Zentek's Stock Plunges"
                kept = kept[:possessive.start()]
            if all(w.casefold() in HEADLINE_NOUNS for w in kept.split()):
                continue  # "(Zentek's) Stock Plunges": no name is left
            cand = Candidate(cand.start, cand.start + end, kept, None)
        out.append(cand)
    return out


def _body_name_start(name: str, body_names: set[str]) -> int:
    """Where a headline name starts when the article names the same thing by its last words
    only and the words before are ordinary words the headline's capitals hide ("Investors
    Assess Alaska Airlines" over a body that says "Alaska Airlines"): the start of the longest
    such last words, else 0."""
    if name in body_names:
        return 0
    words = list(WORD_RE.finditer(name))
    vocabulary = english_words()
    for k in range(1, len(words)):
        if name[words[k].start():] in body_names:
            before = [w.group() for w in words[:k]]
            if all(w[:1].isupper() and not w.isupper()  # (not an abbreviation's letters: "U.S. Republican Party")
                   and (w.casefold() in vocabulary or w.casefold().removesuffix("s") in vocabulary)
                   and w.casefold() not in NAME_ENDING_WORDS and not is_first_name(w) for w in before):
                return words[k].start()
            return 0
    return 0


def cut_to_body_names(candidates: list[Candidate], headlines: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates, each in a headline cut after the first words that name it in the
    article's body when the rest are ordinary words (``_body_name_end``), or before the last
    words that do when the words before are (``_body_name_start``), unlabelled then."""
    inside = [in_any(c.start, headlines) for c in candidates]
    body_names = {POSSESSIVE_RE.sub("", c.text) for c, head in zip(candidates, inside) if not head}
    out = []
    for cand, head in zip(candidates, inside):
        end = _body_name_end(cand.text, body_names) if head else len(cand.text)
        start = _body_name_start(cand.text[:end], body_names) if head else 0
        if (start, end) != (0, len(cand.text)):
            cand = Candidate(cand.start + start, cand.start + end, cand.text[start:end], None)
        out.append(cand)
    return out


def without_common_nouns(candidates: list[Candidate], headlines: list[tuple[int, int]], text: str) -> list[Candidate]:
    """The candidates less a headline's one capitalised word that the body writes only in
    lower case ("A New Milestone for Cryptocurrency" over a body of "cryptocurrency"): a
    common noun the headline's capitals hide."""
    out = []
    for cand in candidates:
        if in_any(cand.start, headlines) and " " not in cand.text and cand.text[:1].isupper():
            outside = [m.group() for m in re.finditer(rf"\b{re.escape(cand.text)}\b", text, re.IGNORECASE)
                       if not in_any(m.start(), headlines)]
            if outside and all(w[:1].islower() for w in outside):
                continue
        out.append(cand)
    return out
