"""Direction of a change: ``up``/``down`` from the verb that governs the amount ("fell",
"wiping", "increased by"; participle and conjoined clauses included, and a reduced
relative: "$593bn wiped off"), from an adverb ("closed down 4%", "finished 34% higher"),
from an explicit sign on a percent or point change ("DAX -1.6%"), or from a change noun
("a 5% drop"). Amounts introduced by "to", "from", "at" ("fell 7% to $2.3bn") are
levels: no direction.

``change`` is NewsQuant's single label: a bound first (``>``/``<``, with ``>=`` folded to
``>`` and ``<=`` to ``<``), since NewsQuant labels "lost more than 60%" ``>``; else the
direction when a verb, adverb or sign states it; else the hedge (``=`` or ``~``). A
direction read only from a noun ("a 3 percent drop") fills ``direction`` but not
``change``: NewsQuant labels those amounts ``=``."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.quantities.quantity import Quantity
from extractor.extract.quantities.tokens import hyphenated_word
from extractor.extract.quantities.units import TIME_UNITS

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
    "evaporate", "crumble", "nosedive", "fell", "sank", "slid", "dove", "narrow", "underperform",
    "chop", "vaporize", "vaporise", "destroy", "obliterate", "strip", "lop", "decelerate", "slow",
})
# Adverbs that state a rise, and a fall, when they govern the amount ("34% higher", "down 4%").
UP_ADVERBS = frozenset({"up", "higher", "upward", "upwards"})
DOWN_ADVERBS = frozenset({"down", "lower", "downward", "downwards"})
# Nouns that name a change ("a 5% drop", "an increase of 2%").
UP_NOUNS = frozenset({
    "rise", "gain", "jump", "increase", "growth", "surge", "rally", "boost", "hike",
    "rebound", "advance", "climb", "uptick", "spike", "leap", "upswing", "raise", "upturn",
})
DOWN_NOUNS = frozenset({
    "drop", "fall", "decline", "decrease", "slump", "plunge", "cut", "reduction", "slide",
    "dip", "contraction", "downturn", "selloff", "sell-off", "tumble", "retreat",
    "loss", "wipeout", "wipe-out", "hit", "blow", "rout", "meltdown", "nosedive", "evaporation", "erosion", "erasure",
    "freefall", "free-fall", "crash", "plummet", "dive", "skid",
})
# What makes a loss a result, not a fall ("a net loss of $2bn" is a profit below zero).
RESULT_LOSS_WORDS = frozenset({"net", "operating", "pre-tax", "pretax", "annual", "quarterly", "first-quarter",
                               "second-quarter", "third-quarter", "fourth-quarter", "full-year"})
# Nouns that only wrap an amount ("a record of $91 billion", "to the tune of $15 billion",
# "a total of 43"): the amount's direction is that of what governs the noun.
AMOUNT_WRAPPER_NOUNS = frozenset({"record", "total", "tune", "sum", "amount", "figure", "whopping"})
# Verbs whose "up" or "down" makes an idiom of them, not a move ("make up 30% of sales",
# "set up a $5bn fund", "step down", "shut down 12 plants", "touched down 600 km offshore").
IDIOM_PARTICLE_VERBS = frozenset({"make", "set", "sign", "sum", "step", "shut", "break", "show", "take", "wind",
                                  "touch"})
# Verbs whose "up" is a move to a level, so that "up to" after them is no bound ("inflation
# picked up to 2.4%", "ticked up to 4.3%", "crept up to 5.1%"; but "killed up to 20").
UP_PARTICLE_VERBS = frozenset({
    "pick", "tick", "edge", "inch", "creep", "move", "go", "shoot", "speed", "ramp", "ratchet",
    "notch", "bump", "step", "push", "drive", "bid", "crank", "drift", "trend", "head", "climb",
})
# Verbs whose money object is a sum collected ("raised $378 million", "the fund raises
# $2bn"): a rise only of something else ("raised its forecast by $2bn", "raised prices 5%").
FUNDRAISING_VERBS = frozenset({"raise"})
# What a company raises as money ("a $2.3 billion capital raise", "an equity raise").
FUNDS_RAISED = frozenset({"capital", "equity", "cash", "fund", "funding"})
# Words that make "do" stand for the verb of the clause before ("as shares fell, so did his fortune, by $4bn").
ECHO_WORDS = frozenset({"so", "too", "neither", "nor"})
# Prepositions whose object is a level, not the amount of a change ("fell 7% to $2.3bn").
LEVEL_PREPOSITIONS = frozenset({"to", "from", "at", "near", "around"})


def particle_not_bound(q: Quantity, doc) -> bool:
    """The quantity's "up to" is a verb's particle and its preposition ("picked up to 2.4%"):
    the figure is the level reached, not a bound."""
    if q.hedge != "<=" or q.hedge_start is None:
        return False
    span = doc.char_span(q.hedge_start, q.hedge_start + 2)
    if span is None or span[0].lower_ != "up" or span[0].i == 0:
        return False
    before = doc[span[0].i - 1]
    return before.pos_ in ("VERB", "AUX") and before.lemma_.lower() in UP_PARTICLE_VERBS


def governor(root: Token) -> tuple[Token | None, str | None, Token | None]:
    """The word that governs the amount: (token, how it is reached, preposition on the way).

    Walks up from the quantity's root through number modifiers, appositions and
    coordinations; "by" phrases lead to their verb ("increased by 2%"). Stops at the
    first verb, direction adverb ("down 4%") or change noun ("a 5% drop").
    """
    node, prep = root, None
    for _ in range(6):
        dep, head = node.dep_, node.head
        if head.i == node.i:
            return None, None, prep
        if head.lower_ in UP_ADVERBS | DOWN_ADVERBS and head.pos_ in ("ADV", "ADJ", "ADP", "PART") and dep in ("npadvmod", "pobj", "dobj", "nummod", "advmod", "quantmod"):
            return head, "adverb", prep
        if dep == "pobj":
            prep, node = head, head
            continue
        if node.pos_ == "ADP" and (dep == "prep" or dep == "agent" and node.lower_ == "by"):  # "slumped by a substantial 16.9%"
            if node.lower_ == "by" and head.pos_ in ("VERB", "AUX"):
                return head, "by", None
            if head.pos_ in ("VERB", "AUX") and _hedging_preposition(node):
                return head, "dobj", None  # "tumbling just under 17%": the amount, hedged
            if head.pos_ in ("VERB", "AUX"):
                return head, "prep", prep
            if head.pos_ in ("NOUN", "PROPN"):
                if prep is not None and prep.lower_ == "of" and head.lemma_.lower() in AMOUNT_WRAPPER_NOUNS:
                    prep, node = None, head  # "drop by a record of $91 billion": the record is the amount
                    continue
                return head, "noun-prep", prep
            node = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            return head, dep, prep
        if dep in ("npadvmod", "dobj") and headline_verb(head) is not None:
            return head, "headline", prep  # "Acme Stock Plunges 17%": a title-case verb the tagger read as a name
        if head.pos_ in ("NOUN", "PROPN") and (hyphenated_word(head) or head.lemma_.lower()) in UP_NOUNS | DOWN_NOUNS:
            return head, "noun", prep
        if dep in ("nummod", "quantmod", "compound", "nmod", "amod", "appos", "conj", "npadvmod", "advmod", "dobj", "attr", "punct", "dep", "cc"):
            node = head
            continue
        return head, dep, prep
    return None, None, prep


# Prepositions of a hedge the parser may take for the amount's preposition ("tumbling just
# under 17%"); "under" and "below" alone may name a level ("fell under $100"), not with "just".
HEDGING_PREPOSITIONS = frozenset({"over", "about", "around", "nearly", "almost", "roughly"})
NARROWING_ADVERBS = frozenset({"just", "slightly", "little", "fractionally"})


def _hedging_preposition(prep: Token) -> bool:
    """A hedge's word right before its figure, not a preposition of time ("over the next 12 months")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.left_edge.i != prep.i + 1 or obj.lemma_.lower() in PERIOD_WORDS:
        return False
    if prep.lower_ in HEDGING_PREPOSITIONS:
        return True
    return prep.lower_ in ("under", "below") and any(c.lower_ in NARROWING_ADVERBS for c in prep.children)


# Nouns of a stretch of time, which "over" spans rather than hedges ("over 12 months"): the
# units of time, and the stretches a market or a league counts in.
PERIOD_WORDS = TIME_UNITS | frozenset({"quarter", "season", "session"})


# How an amount may hang on a change verb for the verb to give its direction.
AMOUNT_DEPS = frozenset({
    "dobj", "npadvmod", "attr", "oprd", "advmod", "nsubjpass", "by", "nummod", "dative",
    "conj", "appos", "quantmod", "nmod", "ccomp", "xcomp", "acomp", "dep", "compound",
})


# "was off by 6.3%", "shares were off 3%", "closed off 2%", "Acme, off 17.4%": a fall, said of a
# level ("paid off $5 million" is no move).
OFF_BEFORE_RE = re.compile(r"(?:\b(?:is|are|was|were|been|be|closed|ended|finished|traded|trading)|,)\s+(off)(?:\s+by)?\s*\Z")


# A move said twice, in points and in per cent, before its adverb ("finished 30.16 points, or
# 0.35%, higher"): the first figure, then the restatement's "or" and the second.
# A figure given again in another currency or unit in brackets, then the noun the figure
# qualifies ("a US$589 billion (S$797 billion) loss", "a 17% (£4bn) drop"): the brackets cut
# the noun phrase for the parser, not for a reader.
# (The bracketed figure itself is followed by its closing bracket, then the noun.)
CONVERSION_THEN_NOUN_RE = re.compile(r"(?:\s*\([^()\n]{0,25}\d[^()\n]{0,25}\)|\))\s*(?P<noun>[A-Za-z][a-z-]+)\b")
RESTATED_MOVE_RE = re.compile(r"\s*,\s*or\s+[\d.,]+\s*(?:%|per\s*cent|percent|points?)\s*,\s*(higher|lower)\b", re.I)
RESTATING_OR_RE = re.compile(r",\s*or\s+\Z", re.I)
RESTATED_END_RE = re.compile(r"\s*,\s*(higher|lower)\b", re.I)


# Verbs by which a change noun gives its size ("declines exceeding 3%", "gains topping 5%").
MEASURING_VERBS = frozenset({"exceed", "top", "surpass", "reach", "approach", "near", "total"})


def read_direction(q: Quantity, span: SpacySpan, text: str) -> tuple[str | None, str | None]:
    """(direction, source): source is "sign", "adverb", "verb" or "noun"."""
    if q.sign and q.unit in ("percent", "percentage point", "point", "basis point"):
        return ("down" if q.sign < 0 else "up"), "sign"
    anchor = q.hedge_start if q.hedge_start is not None else q.start
    before = text[max(0, anchor - 10):anchor].lower()
    if re.search(r"\b(?:to|from|at)\s*\Z", before):
        return None, None  # a level: "fell 7% to $2.3bn", "down from $89bn"
    before = text[max(0, anchor - 24):anchor].lower()
    m = OFF_BEFORE_RE.search(before) or re.search(r"\b(up|down)\s*\Z", before)
    if m and m.group(1) != "off" and _idiom_particle_at(span.doc, max(0, anchor - 24) + m.start(1)):
        m = None  # "make up 30% of output"
    if m and m.group(1) == "up" and _gives_up_at(span.doc, max(0, anchor - 24) + m.start(1)):
        return "down", "verb"  # "giving up some $400 billion in market value": a loss
    if m:
        return ("up" if m.group(1) == "up" else "down"), "adverb"
    restated = RESTATED_MOVE_RE.match(text, q.end) or (
        RESTATING_OR_RE.search(text, max(0, anchor - 8), anchor) and RESTATED_END_RE.match(text, q.end))
    if restated:  # "finished 30.16 points, or 0.35%, higher": the adverb after the move said twice, whatever the parse
        return ("up" if restated.group(1).lower() == "higher" else "down"), "adverb"
    if (converted := CONVERSION_THEN_NOUN_RE.match(text, q.end)) is not None:
        noun = converted.group("noun").lower()
        noun = noun[:-1] if noun.endswith("s") and noun[:-1] in UP_NOUNS | DOWN_NOUNS else noun
        if noun in UP_NOUNS or noun in DOWN_NOUNS - {"hit", "blow"}:
            return ("up" if noun in UP_NOUNS else "down"), "noun"  # "a US$589 billion (S$797 billion) loss"
    root = span.root
    for child in root.children:  # "$593bn wiped off ...", "5,000 jobs cut"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            if child.lemma_.lower() in UP_VERBS:
                return "up", "verb"
            if child.lemma_.lower() in DOWN_VERBS:
                return "down", "verb"
    for child in root.children:  # "wipe his $13.7 billion of gains": the change is the gains, whatever wipes them
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.tag_ == "NNS" and obj.lemma_.lower() in UP_NOUNS:
                    return "up", "noun"
                if obj.dep_ == "pobj" and obj.tag_ == "NNS" and obj.lemma_.lower() in DOWN_NOUNS - {"hit", "blow"}:
                    return "down", "noun"
    gov, how, prep = governor(root)
    if gov is None:
        return None, None
    if prep is not None and prep.lower_ in LEVEL_PREPOSITIONS:
        return None, None
    if how == "headline":
        return ("up" if headline_verb(gov) in UP_VERBS else "down"), "verb"
    if how == "adverb":
        if gov.lower_ == "up" and q.hedge == "<=" and gov.idx == q.hedge_start and not particle_not_bound(q, span.doc):
            return None, None  # "GPUs priced up to $25,000": the bound's "up", no rise
        return ("up" if gov.lower_ in UP_ADVERBS else "down"), "adverb"
    if how == "noun-prep" and (verb := headline_verb(gov)) is not None \
            and (prep is None or prep.lower_ in ("by", "over", "under")):
        return ("up" if verb in UP_VERBS else "down"), "verb"  # "Acme share price tanks over 9%"
    if how in ("noun", "noun-prep"):
        if how == "noun-prep" and (prep is None or prep.lower_ not in ("of", "by")):
            return None, None
        lemma = hyphenated_word(gov) or gov.lemma_.lower()
        if how == "noun" and q.unit is None and root.dep_ == "nummod" and root.head.i == gov.i \
                and "fold" not in text[q.start:q.end].lower():  # (not "an eight-fold increase": a multiple)
            return None, None  # "grabbed 12 rebounds", "three rate cuts": the noun is what is counted
        source = "verb" if prep is not None and prep.lower_ == "by" else "noun"  # "a decrease by 1%" reads as a verb
        if lemma in FUNDRAISING_VERBS and any(c.dep_ == "compound" and c.lower_ in FUNDS_RAISED for c in gov.children):
            return None, None  # "a failed $2.3 billion capital raise": money sought, no rise
        if lemma in UP_NOUNS:
            return "up", source
        if lemma == "loss" and any(c.lower_ in RESULT_LOSS_WORDS for c in gov.children):
            return None, None
        if lemma in DOWN_NOUNS:
            return "down", source
        return None, None
    if gov.pos_ not in ("VERB", "AUX") or how == "prep":
        return None, None
    for child in gov.children:  # "closed down 4.2%", "edged up 1%"
        if _idiom_particle(child):
            continue  # "exports make up 30% of output": a part, not a rise
        if child.dep_ in ("prt", "advmod", "acomp") and child.lower_ in UP_ADVERBS | DOWN_ADVERBS and gov.i < child.i <= span.end:
            return ("up" if child.lower_ in UP_ADVERBS else "down"), "adverb"
    if how not in AMOUNT_DEPS:
        return None, None
    gov = echoed_verb(gov)
    lemma = gov.lemma_.lower()
    if lemma in FUNDRAISING_VERBS and how == "dobj" and q.unit and q.unit.isupper() \
            and not any(c.dep_ == "prep" and c.lower_ in ("by", "to") for c in gov.children):
        return None, None  # "raising $378 million in the offering": money collected, not a rise
    changes = q.unit in ("percent", "percentage point", "point", "basis point") or bool(q.unit and q.unit.isupper())
    if lemma in MEASURING_VERBS and gov.dep_ == "acl" and gov.head.pos_ == "NOUN" and changes:
        # (not a measure: "dives exceeding 500 metres" is a depth)
        noun = hyphenated_word(gov.head) or gov.head.lemma_.lower()  # "saw declines exceeding 3%": the declines'
        if noun in UP_NOUNS or noun in DOWN_NOUNS:
            return ("up" if noun in UP_NOUNS else "down"), "noun"
    if lemma in UP_VERBS:
        return "up", "verb"
    if lemma in DOWN_VERBS or gov.lower_ in DOWN_VERBS:
        return "down", "verb"
    if how == "by":  # "saw its shares' drop by $91 billion": the change its object names
        for clause in (c for c in gov.children if c.dep_ in ("ccomp", "xcomp")):
            if clause.lemma_.lower() in UP_VERBS:  # "saw their shares nosedive by 12%" (the parser hung "by" on "saw")
                return "up", "verb"
            if clause.lemma_.lower() in DOWN_VERBS or clause.lower_ in DOWN_VERBS:
                return "down", "verb"
        for noun in (c for c in gov.children if c.dep_ == "dobj"):
            if noun.lemma_.lower() in UP_NOUNS:
                return "up", "verb"
            if noun.lemma_.lower() in DOWN_NOUNS - {"hit", "blow"}:
                return "down", "verb"
    return None, None


def _idiom_particle(token: Token) -> bool:
    """"up" or "down" of a verb it makes an idiom with (see IDIOM_PARTICLE_VERBS)."""
    return token.lower_ in ("up", "down") and token.head.lemma_.lower() in IDIOM_PARTICLE_VERBS


def _idiom_particle_at(doc, start: int) -> bool:
    """The "up" or "down" at character ``start`` is an idiom's particle ("made up 52%")."""
    token = doc.char_span(start, start + 4, alignment_mode="expand")
    return token is not None and _idiom_particle(token[0])


def _gives_up_at(doc, start: int) -> bool:
    """The "up" at character ``start`` is the particle of "give up" (to lose what one had)."""
    token = doc.char_span(start, start + 2, alignment_mode="expand")
    return token is not None and token[0].i > 0 and token[0].nbor(-1).lemma_.lower() == "give"


def headline_verb(tok: Token) -> str | None:
    """The change verb a headline's present tense is, where the tagger read a plural noun
    ("Acme share price tanks over 9%", "Oil slumps 5%"): a plural whose singular is a change
    verb, after the noun that moves and with no article of its own. None otherwise."""
    if tok.tag_ not in ("NNS", "NNPS") or not tok.lower_.endswith("s") or any(c.dep_ == "det" for c in tok.children):
        return None  # (a plural name in a title-case headline too: "Acme Stock Plunges 17%")
    if not any(c.dep_ in ("compound", "nmod", "amod") and c.i == tok.i - 1 for c in tok.children):
        return None
    for stem in (tok.lower_[:-1], tok.lower_[:-2]):
        if stem in UP_VERBS or stem in DOWN_VERBS:
            return stem
    return None


def echoed_verb(verb: Token) -> Token:
    """The verb an echoing "do" stands for: "As the stock plummeted, so did his fortune, by
    $4 billion" is a plummet of the fortune. Any other verb is itself."""
    if verb.lemma_.lower() != "do" or not any(c.lower_ in ECHO_WORDS for c in verb.children):
        return verb
    clause = [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i < verb.i]
    if not clause and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        clause = [verb.head]
    return clause[-1] if clause else verb


def change_label(hedge: str, direction: str | None, source: str | None) -> str:
    """NewsQuant's label: a bound first, then a direction stated by a verb/adverb/sign, then the hedge."""
    if hedge in (">", ">="):
        return ">"
    if hedge in ("<", "<="):
        return "<"
    if direction and source != "noun":
        return direction
    return hedge
