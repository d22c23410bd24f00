"""When within its day or period a figure holds (``Claim.frame``): markets report the same
share on one day at its close, at a low during the session and after hours, and those are
different facts ("a 17% close and a 13% intraday move cannot be one fact").

The vocabulary:

=============  ==========================================================================
frame          the words that set it
=============  ==========================================================================
close          closed at / down / up, at the close, as of (the market) close, finished, ended
               (the day), settled, a "Close:" label
open           opened at / down / up, at the open(ing), at (the) market open, an "Open:" label
intraday       at one point, at one stage, intraday, as low as, as high as, briefly,
               in (or during) early / midday trading, during trading or the day (not "during the
               session": "soared 20.3% during the trading session" is the session's move), earlier in the day,
               as of midday,
               (on Monday / this / in the) morning or afternoon, by midday, within hours of
after-hours    after hours, after-hours, afterhours, in late / extended trading, after the bell
pre-market     premarket, pre-market, before the (opening) bell, ahead of (or before) the (market) open,
               futures pointed (indicated, signalled, suggested) to
period         a quarter ("in the second quarter", "Q2", "quarterly"), a half ("first-half"),
               a year ("this year", "for the year", "annual", "full-year"), "in the final three months of"
as-of          as of / as at a date or a report ("as of June 30", "as of the end of")
=============  ==========================================================================

A cue counts for a quantity when it stands in the clause of the verb that governs the
quantity and near it (the nearest cue wins: "fell 7.6% after-hours after closing at
$217.50" is after-hours for the 7.6% and close for the $217.50); a participle clause of
result with no cue of its own shares the moment a cue phrase of its verb sets ("plunged 16%
as of midday, wiping off $500 billion": both intraday). None when no cue does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

# Frame cues, each a regular expression over the sentence's text.
FRAME_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("after-hours", re.compile(r"\b(?:after[\s-]?hours?|(?:in\s+)?(?:late|extended|post-market|postmarket)\s+trading|after\s+the\s+(?:closing\s+)?bell)\b", re.I)),
    ("pre-market", re.compile(r"\b(?:pre-?market|before\s+the\s+(?:opening\s+)?bell|(?:ahead\s+of|before)\s+the\s+(?:market\s+)?open(?:ing)?\b(?!\s+of)"
                              r"|futures\s+(?:were\s+)?(?:point(?:ed|ing)?|indicat(?:ed|ing)|signal+(?:ed|ing)|suggest(?:ed|ing))\s+to)", re.I)),
    ("intraday", re.compile(r"\b(?:at\s+one\s+(?:point|stage|time)|intra-?day|as\s+(?:low|high)\s+as|briefly|"
                            r"(?:in|during)\s+(?:early|morning|midday|mid-?day|afternoon|mid-?morning|mid-?afternoon)\s+"
                            r"(?:(?:U\.?S\.?|US|New\s+York|Wall\s+Street|Asian|European|London|Tokyo)\s+)?trad(?:ing|e)|"
                            r"during\s+(?:the\s+)?(?:trading|day)(?!\s+session)|"
                            r"as\s+of\s+(?:midday|noon|mid-?morning|mid-?afternoon|lunchtime)|"
                            r"earlier\s+in\s+the\s+(?:day|session)|at\s+(?:its|their)\s+(?:lowest|highest|low|high)|"
                            r"(?:(?:on\s+)?(?:mon|tues|wednes|thurs|fri)day|this|in\s+the)\s+(?:morning|afternoon)|"
                            r"(?:by|at|around)\s+(?:midday|noon|lunchtime|mid-?morning|mid-?afternoon)|within\s+(?:minutes|hours)\s+of)\b", re.I)),
    ("close", re.compile(r"\b(?:clos(?:e|ed|ing)\s+(?:at|down|up|lower|higher|off)|clos(?:e|ing(?:\s+price)?)\s*:|to\s+close|at\s+(?:the\s+)?close(?!\s+to\b)|"
                         r"as\s+(?:of|at)\s+(?:the\s+)?(?:market(?:'s)?\s+)?close|"
                         r"finish(?:ed|ing)?(?!\s+(?:with|first|second|third|fourth|fifth|last|in|as|the\s+race))|ended\s+(?:the\s+(?:day|session)|down|up|at)|settled|settling\s+at|closing\s+price)\b", re.I)),
    ("open", re.compile(r"\b(?:open(?:ed|ing)?\s+(?:at|down|up|lower|higher)|open(?:ing)?\s*:"
                        r"|at\s+(?:the\s+)?(?:market\s+)?open(?:ing)?(?:\s+bell)?)\b", re.I)),
    ("period", re.compile(r"\b(?:(?:first|second|third|fourth|final|last|latest|current)[\s-]+quarter|Q[1-4]\b|quarterly|"
                          r"full[\s-]+year|yearly|(?:first|second)[\s-]+half|half[\s-]+year(?:ly)?\b|"
                          r"(?:in|for)\s+the\s+(?:final|last|first)\s+(?:three|six|nine)\s+months|this\s+year|"
                          r"for\s+the\s+(?:full\s+)?year|annual|fiscal\s+year|year[\s-]+to[\s-]+date|so\s+far\s+(?:this\s+year|in\s+(?:19|20)\d\d))", re.I)),
    ("as-of", re.compile(r"\b[Aa]s\s+(?:of|at)\s+(?=[A-Z0-9]|the\s+end)")),
)


def names_a_period(text: str) -> bool:
    """The text has a cue of a period ("full-year", "annual", "this year"): a figure there may be
    of it, whatever cue its own clause has."""
    return any(name == "period" and cue.search(text) for name, cue in FRAME_CUES)


# How far (characters) from the quantity a cue may stand.
FRAME_REACH = 60


def frame_of(root: Token, span: SpacySpan, verb: Token | None) -> str | None:
    """The frame of the quantity at ``span`` from the cues of its clause (nearest first)."""
    sent = root.sent
    text = sent.text
    base = sent.start_char
    if verb is not None:
        scope = verb
        if verb.dep_ == "acl":  # "at one point falling 6%": the phrase the clause hangs on
            scope = verb.head.head if verb.head.dep_ == "pobj" else verb.head
        low, high = scope.left_edge.idx, scope.right_edge.idx + len(scope.right_edge)
    else:
        low, high = sent.start_char, sent.end_char
    start, end = span.start_char, span.end_char
    others = _coordinated_clauses(verb, start)
    best: tuple[int, str] | None = None
    for frame, cue_start, cue_end in _cues(text):
        a, b = base + cue_start, base + cue_end
        if a < low or b > high or any(c_low <= a and b <= c_high for c_low, c_high in others):
            continue
        distance = max(0, a - end, start - b)
        if frame == "period" and not _period_of_figure(root, a, b, verb):
            continue
        if _of_an_aside(root, a, b, verb):
            continue
        if cue_start >= end - base and _listed_figure_between(text[end - base:cue_start]):
            continue  # "plunged 33% on Wednesday, another 12% today, and another 3% after hours": the last one's
            # (a cue before a list is all of it: "dropped premarket, with Broadcom down 18% and AMD 6%")
        # (at equal distance the cue before the figure, its verb's: "closed at $142.62 a share on
        # Friday afternoon" is Friday's close)
        if (distance <= FRAME_REACH or _modifies(root.doc, a, b, verb)) and (
                best is None or distance < best[0] or distance == best[0] and b <= start):
            best = (distance, frame)
    if best is None and verb is not None and verb.tag_ == "VBG" and verb.dep_ in RESULT_CLAUSE_DEPS \
            and verb.head.pos_ == "VERB" and not any(c.dep_ in OWN_CLAUSE_DEPS for c in verb.children):
        return _verb_frame(verb.head, text, base)
    return best[1] if best else None


# A figure of a move or a price: a number with its unit.
MOVE_FIGURE_RE = re.compile(r"[$€£]?\d[\d.,]*\s*(?:%|per\s?cent|percent|points?|[mbk]n?\b|billion|million)", re.I)
# A preposition of a level right before a figure: the move and its level are one report.
LEVEL_BEFORE_RE = re.compile(r"\b(?:to|at|from|of)\s*\Z", re.I)
# What separates the figures of a list.
LIST_SEPARATOR_RE = re.compile(r"[,;]|\band\b")


def _listed_figure_between(between: str) -> bool:
    """Between a figure and a cue after it stands another figure of the same list, a separator
    between the two figures, so the cue is the other's ("33% on Wednesday, another 12% today
    …, and another 3% after hours"); not a level the move went to ("fell 7.6%, to $201.30
    after hours")."""
    first = MOVE_FIGURE_RE.search(between)
    if first is None:
        return False
    gap = between[:first.start()]
    return LIST_SEPARATOR_RE.search(gap) is not None and not LEVEL_BEFORE_RE.search(gap)  # (not "fell 22%, to $82.50")


# Words that open a clause of contrast, which tells another moment than the main clause's.
CONTRAST_MARKS = frozenset({"though", "although", "while", "whereas", "but"})


def _coordinated_clauses(verb: Token | None, start: int) -> list[tuple[int, int]]:
    """The character ranges of the clauses coordinated with ``verb`` that do not hold the
    figure at ``start``: each tells its own moment ("opened at $31.50, above its offer price
    of $21, and closed at $31.08": the close is not the offer price's)."""
    if verb is None:
        return []
    ranges = []
    for conj in verb.children:
        # (and a contrasting clause with a subject of its own: "closed down 16.9%, though in
        # after-hours trading the stock edged up 1.4%")
        contrast = conj.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in conj.children) \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        if (conj.dep_ == "conj" or contrast) and conj.pos_ in ("VERB", "AUX"):
            low = min((t.idx for t in conj.subtree if t.i > verb.i), default=conj.left_edge.idx)  # (a clause before the verb: all of it)
            high = conj.right_edge.idx + len(conj.right_edge)
            if not low <= start < high:
                ranges.append((low, high))
    return ranges


# How a participle clause of result hangs on the verb whose moment it shares ("plunged 16%
# as of midday, wiping off $500 billion").
RESULT_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj"})
# A participle with its own auxiliary or subject is a clause of its own moment ("hit $1.33
# at one point, and is currently trading at $1.34").
OWN_CLAUSE_DEPS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass"})


def _verb_frame(verb: Token, text: str, base: int) -> str | None:
    """The frame a cue phrase of ``verb`` itself sets (see ``_modifies``): what a participle
    clause of result hanging on it shares, when the clause has no cue of its own."""
    for frame, cue_start, cue_end in _cues(text):
        if frame not in ("period", "as-of") and _modifies(verb.doc, base + cue_start, base + cue_end, verb):
            return frame
    return None


def _modifies(doc: Doc, start: int, end: int, verb: Token | None) -> bool:
    """The cue at characters [start, end) is a phrase of the verb itself, however far from
    the figure ("in a premarket trade today, Friday July 19, the stock dropped by 20%")."""
    if verb is None or (cue := doc.char_span(start, end, alignment_mode="expand")) is None:
        return False
    token = cue.root
    for _ in range(4):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.head.i == verb.i:
            return token.dep_ in ("prep", "npadvmod", "advmod", "advcl")
        token = token.head
    return False


# Prepositions that bring in another event than the figure's, with its own time: "jumped 20%
# after quarterly results", "plunged 15% after huge gains earlier this year".
OTHER_EVENT_PREPOSITIONS = frozenset({"after", "following", "before", "amid", "despite", "on", "upon"})
# Nouns a period word before them makes an adverb of: "on a quarterly basis".
ADVERBIAL_NOUNS = frozenset({"basis"})


def _period_of_figure(root: Token, start: int, end: int, verb: Token | None) -> bool:
    """A period cue at characters [start, end) is the figure's: a word before a noun
    ("quarterly dividend", "Q4 earnings") frames what that noun phrase states (its own
    figures, "a quarterly dividend of 50 cents", or the clause it is the subject of, "its
    quarterly dividend would be 50 cents"), not a figure the noun only explains ("rose 20%
    after quarterly results"); and no cue in a phrase of another event frames the figure."""
    cue = root.doc.char_span(start, end, alignment_mode="expand")
    if cue is None:
        return True
    token = cue.root
    if token.head.lemma_.lower() in ADVERBIAL_NOUNS:
        return True
    if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
        return _within(root, noun) or (verb is not None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i)
    node = token
    for _ in range(6):
        if node.head.i == node.i or (verb is not None and node.i == verb.i) or node.i == root.i:
            return True
        if node.dep_ == "prep" and node.lower_ in OTHER_EVENT_PREPOSITIONS:
            return _within(root, node)  # the figure in that phrase too ("after a 5% drop in the quarter")
        if node.head.pos_ == "NOUN" and any(c.tag_ == "JJS" for c in node.head.children) and not _within(root, node.head):
            return False  # "plunged to its lowest level this year with a drop of 12.4%": which extreme, not the drop's period
        node = node.head
    return True


def _of_an_aside(root: Token, start: int, end: int, verb: Token | None) -> bool:
    """The cue at characters [start, end) describes a noun of a participle clause after the
    figure's, which says something more of it ("plunged 12.4%, refreshing its record intraday
    drop": the record's moment, not the plunge's)."""
    cue = root.doc.char_span(start, end, alignment_mode="expand")
    if cue is None or verb is None or cue.root.dep_ not in ("amod", "compound") or cue.root.head.pos_ != "NOUN":
        return False
    noun = cue.root.head
    aside = noun.head
    return noun.dep_ == "dobj" and aside.tag_ == "VBG" and aside.dep_ in ("advcl", "xcomp") and aside.head.i == verb.i \
        and aside.i > root.i and not _within(root, noun)


def _within(token: Token, phrase: Token) -> bool:
    """``token`` is ``phrase`` or in its subtree, reached without crossing a verb."""
    node = token
    for _ in range(8):
        if node.i == phrase.i:
            return True
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return node.head.i == phrase.i
        node = node.head
    return False


@lru_cache(maxsize=256)
def _cues(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Every frame cue of a sentence (read once for all the quantities it states)."""
    return tuple((frame, m.start(), m.end()) for frame, cue in FRAME_CUES for m in cue.finditer(sentence))
