"""Shares of a vote and of a group: the side a share went to ("to Remain's 48.1%", '"Remain"
took 48 percent', "48.1 per cent for Remain"), a name the share stands beside ("England
(53.4 per cent)", "55.8 per cent of Northern Ireland"), and the group a share is of ("52%
of Scots")."""

from __future__ import annotations

import re

from lemminflect import getLemma
from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.lexicon import MARKET_VERBS, RATIO_BASE_NOUNS
from extractor.extract.quantities.direction import DOWN_VERBS, UP_VERBS
from extractor.extract.quantities.filters import INDEX_NAME_RE
from extractor.extract.quantities.subject_context import SubjectContext, a_day
from extractor.extract.quantities.subject_names import SUBJECT_TYPES, entity_ref, thing_ref
from extractor.extract.quantities.subject_phrases import resolve_np, turnout_of
from extractor.models import EntityRef

# "England (53.4 per cent)": a name right before the parenthesis that holds the figure.
NAME_BEFORE_PAREN_RE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\s+(?:first|next|last|too|also))?"
                                  r"\s*\(\s*(?:(?:down|up|off|lower|higher)\s+)?\Z")  # ("Nvidia first (down 17%)")
# "Remain's 48.1%": a name with a possessive right before the figure.
NAME_POSSESSIVE_BEFORE_RE = re.compile(r"(?<![\w'’])(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+\Z")
# '"Remain" took 48 percent', "Labour won 40%": a name and a verb of winning a share right before it.
NAME_TOOK_BEFORE_RE = re.compile(r"(?<![\w'’])[“\"‘']?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})[”\"’']?\s+"
                                 r"(?:took|won|got|received|secured|polled|garnered|captured)\s+(?:(?:about|almost|nearly|just|over|around)\s+)?\Z")
# "55.8 per cent of Northern Ireland": a name right after "of".
NAME_AFTER_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


# "52 per cent of voters backing Vote Leave", "48.1 per cent for Remain", "51.9 per cent in
# favour of Brexit": the side a share of a vote went to.
SIDE_AFTER_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:voters|votes?|electorate|ballots|those\s+voting))?\s+"
    r"(?:backing|supporting|voting(?:\s+for|\s+to)?|in\s+favou?r\s+of|for)\s+(?:the\s+)?[“\"‘']?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _named_beside(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """A share written beside a name: "England (53.4 per cent)", "55.8 per cent of Northern Ireland"."""
    text = ctx.text
    side = SIDE_AFTER_RE.match(text, span.end_char)
    owner = (NAME_POSSESSIVE_BEFORE_RE.search(text[max(0, span.start_char - 60):span.start_char])
             or NAME_TOOK_BEFORE_RE.search(text[max(0, span.start_char - 60):span.start_char]))
    if owner is not None:  # "to Remain's 48.1%", which the parser may read as a verb
        name = re.sub(r"^The\s+", "", owner.group("name"))
        start = max(0, span.start_char - 60) + owner.end("name") - len(name)
        before = span.doc[max(0, span.start - 8):span.start]
        tok = next((t for t in before if t.idx == start), None)
        last = next((t for t in before if t.idx == start + len(name) - len(name.split()[-1])), None)
        if tok is not None and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                and not (last is not None and a_day(last)):  # not "Despite Monday's 17%"
            e = ctx.entities.at(start, start + len(name))
            if e is not None and e.type in SUBJECT_TYPES:
                return [entity_ref(ctx, e)]
            if e is None:
                return [thing_ref(name)]
    for m, base in ((side, 0),
                    (NAME_BEFORE_PAREN_RE.search(text[max(0, span.start_char - 60):span.start_char]), max(0, span.start_char - 60)),
                    (NAME_AFTER_OF_RE.match(text, span.end_char), 0)):
        if m is None:
            continue
        start, end = base + m.start("name"), base + m.end("name")
        if m is not side and _modifies_a_noun(span, end):
            continue  # "28% of the European market": the name only says which market
        e = ctx.entities.at(start, end)
        if e is not None and e.type in SUBJECT_TYPES:
            return [entity_ref(ctx, e)]
        if m is side:  # a side need not be an entity ("Remain")
            return [thing_ref(m.group("name"))]
        if base and e is None and m.group("name").isupper() and len(m.group("name")) >= 2:
            return [thing_ref(m.group("name"))]  # "then ASML (-6%)": a ticker or an acronym the model did not tag
    return []


def _modifies_a_noun(span: SpacySpan, end: int) -> bool:
    """The name ending at character ``end``, after the figure at ``span``, is followed by a
    lowercase noun it modifies."""
    after = next((t for t in span.doc[span.end:span.end + 12] if t.idx >= end), None)
    return after is not None and after.pos_ == "NOUN" and after.text[:1].islower()


def _share_of(root: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"52% of Scots", "55.8 per cent of Northern Ireland": the group the share is of."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end - 1:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    if obj.lemma_.lower() in RATIO_BASE_NOUNS and not any(c.dep_ == "poss" for c in obj.children):
                        return []  # "42.1% of gross domestic product", "30% of the market": the base of a
                        # ratio, not whose it is (the clause says: "Canada's debt will rise to …")
                    return resolve_np(obj, ctx, sent_root_subject)
    return []



# ------------------------------------------------------------------ tallies ("won 52% to 48%")

# "the Leave campaign", "the 'remain' side", "a Yes vote": a side named with its campaign
# (capitalised or quoted, so "the presidential campaign" names none).
SIDE_NOUN_RE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:[“\"‘'](?P<quoted>[A-Za-z]+)[”\"’']|(?P<name>[A-Z][a-z]+))\s+"
                          r"(?:campaign|camp|side|vote|voters|campaigners|supporters)\b")
# "52% to 48%", "52 per cent to 48 per cent": a tally of two sides, the larger first.
_PCT = r"\d[\d.,]*\s*(?:%|per\s*cent|percent)"
TALLY_RE = re.compile(r"(?P<a>%s)\s+(?:to|-|–|against)\s+(?P<b>%s)" % (_PCT, _PCT))
# After a tally, what the winners voted for: "voted 52% to 48% to leave".
TALLY_FOR_RE = re.compile(r"\s+(?:to|for|in\s+favou?r\s+of)\s+[“\"‘']?(?P<side>[A-Za-z]+)")
# Verbs of losing a vote: the side named with them lost ("campaigned for X but was defeated").
DEFEAT_RE = re.compile(r"\b(?:defeat(?:ed|s)?|lost|loses|beaten|beat)\b", re.I)
# The two sides of a referendum's question: an article that names one side ("the Leave
# campaign heads for 52% to 48%") has the other as its losers' even when it never names it.
SIDE_OPPOSITES = {"leave": "remain", "remain": "leave", "yes": "no", "no": "yes"}
# A side written with another verb of the same answer: against "leave", "stay" is Remain.
SIDE_SYNONYMS = {"stay": "remain"}
# Words after "vote" that are no side ("voted against", "voted in", "voted on").
NOT_SIDE_WORDS = frozenset({"against", "in", "on", "at", "by", "the", "a", "an", "and", "or", "to", "for", "out", "down", "up"})


def vote_sides(ctx: SubjectContext) -> list[str]:
    """The sides of a vote the article names, case-folded, in order: with their campaign
    ("the Leave campaign", "the 'remain' side") and as what people voted for ("voted to
    leave", "vote remain", "voted for independence", "voted to stay": remain); a side whose
    question has two known answers brings the other (SIDE_OPPOSITES)."""
    if "vote_sides" in ctx.cache:
        return ctx.cache["vote_sides"]
    sides: list[str] = ctx.cache.setdefault("vote_sides", [])
    if ctx.doc is None:
        return sides
    for m in SIDE_NOUN_RE.finditer(ctx.text):
        word = (m.group("quoted") or m.group("name")).casefold()
        tok = ctx.doc.char_span(m.start("quoted"), m.end("quoted")) if m.group("quoted") else None
        if tok is not None and tok.root.pos_ == "ADJ" and m.group(0).rstrip().endswith("vote"):
            continue  # a "ginormous" vote
        if word not in NOT_SIDE_WORDS and word not in sides:
            sides.append(word)
    for tok in ctx.doc:
        if tok.lemma_.lower() != "vote" or tok.pos_ != "VERB":
            continue
        chosen = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if not chosen and nxt is not None and nxt.dep_ not in ("aux", "auxpass") and (
                nxt.pos_ == "VERB" or (nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i == tok.i)):
            chosen = [nxt]  # "campaigned to vote remain", "vote Labour"
        for word in (c.lemma_.casefold() for c in chosen):
            if word.isalpha() and word not in NOT_SIDE_WORDS and word not in sides:
                sides.append(word)
    if len(sides) == 1 and sides[0] in SIDE_OPPOSITES:
        sides.append(SIDE_OPPOSITES[sides[0]])
    opposites = {SIDE_OPPOSITES[side] for side in sides if side in SIDE_OPPOSITES}
    if any(SIDE_SYNONYMS.get(side) in opposites for side in sides):  # "voted to leave", "voted to stay"
        named = [SIDE_SYNONYMS[side] if SIDE_SYNONYMS.get(side) in opposites else side for side in sides]
        sides[:] = list(dict.fromkeys(named))
    return sides


def side_named(word: str, ctx: SubjectContext) -> str | None:
    """The article's side a word voted for names ("stay" where the sides are leave and remain)."""
    sides, word = vote_sides(ctx), word.casefold()
    if word in sides:
        return word
    return SIDE_SYNONYMS[word] if SIDE_SYNONYMS.get(word) in sides else None


# "52% of the British public voted to leave", "48% who voted to stay": the side a share voted
# for, right after it (past the voters it is a share of; "62 per cent of Scotland voted to
# Remain" is a place's share, whose subject is the place).
VOTED_FOR_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?(?P<group>(?:[\w'’-]+\s+){1,3}?))?\s*(?:who\s+|that\s+)?(?:have\s+|had\s+)?"
                          r"voted\s+(?:to|for)\s+[“\"‘']?(?P<side>[A-Za-z]+)\b")

# "the British public", "Wexland voters": a place's people as a body of voters, not the place.
VOTERS_AFTER_RE = re.compile(r"\s+(?:public|voters|electorate|people|population|residents|citizens)\b")


def voted_side(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """The side a share voted for when the article names it as a side ("52% of the British
    public voted to leave": Leave), else []."""
    m = VOTED_FOR_RE.match(ctx.text, span.end_char)
    if m is None:
        return []
    if m.group("group"):  # the voters of a place, named as the place: its own share
        start = m.start("group")
        if any(e.type in ("GPE", "LOC") and mention.start == start and not VOTERS_AFTER_RE.match(ctx.text, mention.end)
               for mention, e in ctx.entities.mentions_in(start, m.end("group"))):
            return []
    side = side_named(m.group("side"), ctx)
    return [thing_ref(side.capitalize())] if side else []


def _shares_of_one_vote(a: str, b: str) -> bool:
    """"52% to 48%" is a tally (the larger first, at most the whole); "50% to 60%" is a range."""
    x, y = (float(re.sub(r"[^\d.]", "", n.replace(",", ".")) or 0) for n in (a, b))
    return x > y and x + y <= 100.5


def tally_side(span: SpacySpan, ctx: SubjectContext, clause_subject: list[EntityRef]) -> list[EntityRef] | None:
    """The side a share of a tally went to ("Britons voted 52% to 48% to leave"; "X campaigned
    to vote remain but was defeated by 52% to 48%"; "the Leave campaign heads for 52% to 48%"):
    the larger share is the winners', the other the losers', when the article names two sides.
    None when the share is in no tally or its side is not found; the losers' share of a tally
    is never the clause subject's, so it is [] when their side is not found."""
    text, sent = ctx.text, span.sent
    tally = next((m for m in TALLY_RE.finditer(text, sent.start_char, sent.end_char)
                  if m.start() <= span.start_char < m.end()), None)
    if tally is None or not _shares_of_one_vote(tally.group("a"), tally.group("b")):
        return None
    losers = span.start_char >= tally.start("b")
    sides = vote_sides(ctx)
    if len(sides) != 2:
        return [] if losers else None
    sentence = text[sent.start_char:sent.end_char].casefold()
    winner = None
    after = TALLY_FOR_RE.match(text, tally.end())
    if after is not None and side_named(after.group("side"), ctx):
        winner = side_named(after.group("side"), ctx)
    elif DEFEAT_RE.search(sentence):
        named = [s for s in sides if re.search(r"\b%s\b" % re.escape(s), sentence)]
        if len(named) == 1:
            winner = next(s for s in sides if s != named[0])
    else:
        named = [s for s in sides for ref in clause_subject if re.search(r"\b%s\b" % re.escape(s), ref.name.casefold())]
        winner = named[0] if len(set(named)) == 1 else None
    if winner is None:
        return [] if losers else None
    side = next(s for s in sides if s != winner) if losers else winner
    return [thing_ref(side.capitalize())]


# A side's campaign: "the Leave campaign", "Vote Leave", "the 'remain' side".
SIDE_CAMPAIGN_RE = re.compile(r"^(?:the\s+)?(?:Vote\s+)?[“\"‘']?(?P<side>[A-Za-z]+)[”\"’']?(?:\s+(?:campaign|camp|side))?$", re.I)


def as_side(refs: list[EntityRef], ctx: SubjectContext) -> list[EntityRef]:
    """A share held by a side's campaign is the side's ("the Leave campaign", "Vote Leave":
    Leave), so that every outlet's way of naming it is one subject."""
    out = []
    for ref in refs:
        m = SIDE_CAMPAIGN_RE.match(ref.name)
        if m and m.group(0).casefold() != m.group("side").casefold() and m.group("side").casefold() in vote_sides(ctx):
            ref = thing_ref(m.group("side").capitalize())
        out.append(ref)
    return out


# A results line: "No 55.3% Yes 44.7%", "Labour: 40%, Conservative: 35%": each share
# right after its label, with nothing else since the line's start or the figure before.
LABEL_RE = re.compile(r"(?:^|(?<=\s))(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*:?\s*\Z")
# Words that start a phrase, not a label ("The 19 per cent loss"); "No" and "Yes" are labels.
NOT_LABEL_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                             "some", "every", "each", "any", "all", "both"})
PERCENT_RE = re.compile(_PCT)
FIGURE_BEFORE_RE = re.compile(r"(?:^|\d\s*(?:%|per\s*cent|percent)[,;|]?)(?P<gap>[^\d\n]*)\Z", re.M)


def results_label(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """The label a share stands right after in a results line ("No 55.3% Yes 44.7%")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    if len(PERCENT_RE.findall(text, line_start, len(text) if line_end < 0 else line_end)) < 2:
        return []  # one share on a line is a headline's ("Acme Stock Plunges 17%"), not a results line's
    before = FIGURE_BEFORE_RE.search(text, line_start, span.start_char)
    if before is None or len(before.group("gap").split()) > 3:
        return []
    label = LABEL_RE.search(before.group("gap"))
    if label is None:
        return []
    if label.group("name").casefold() == "turnout":
        return turnout_of(span.start_char, ctx)
    start = before.start("gap") + label.start("name")
    tok = next((t for t in span.doc[max(0, span.start - 4):span.start] if t.idx == start), None)
    if tok is None or tok.lower_ in NOT_LABEL_WORDS or tok.pos_ in ("ADP", "ADV", "PRON", "VERB", "AUX", "NUM", "SCONJ", "CCONJ") \
            or re.search(r"['’]s?\Z", label.group("name")):
        return []  # "The 19 per cent loss", "About 5%", "Tuesday’s 9.5% decline" (a possessive labels nothing)
    e = ctx.entities.at(start, start + len(label.group("name")))
    if e is not None and e.type in SUBJECT_TYPES:
        return [entity_ref(ctx, e)]
    return [thing_ref(label.group("name"))]



# A list item that names what it is about and then only says what it did: "• Acme: Fell by 17.4%.",
# "- Bexco: tumbled 6.7%" (a roundup's bullets, which have no subject of their own).
LABELLED_ITEM_RE = re.compile(
    r"[ \t]*(?:[•·▪‣◦*–-][ \t]*)?(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&\d][\w&'’.-]*){0,3})[ \t]*:[ \t]+"
    r"(?P<rest>[^:\n]*)\Z")
# A level and the bracket its change follows in ("• Acme Index: 19,341.83 (-3.07%)").
LEVEL_THEN_CHANGE_RE = re.compile(r"[$€£¥]?\d[\d.,]*\s*\(\s*")
# A name the recogniser may miss, written in capitals like a ticker or an acronym ("ASML", "KLVX").
TICKER_LIKE_RE = re.compile(r"[A-Z][A-Z0-9&.-]{1,7}")
# Words a roundup's label adds to the name of what it reports on ("Sensex Performance:", "Dow Update:").
REPORT_WORDS = frozenset("performance update today wrap outlook snapshot summary recap review".split())
# Labels of page furniture, not of what the item is about ("Update: rose 3% since").
FURNITURE_LABELS = frozenset("update note breaking editor source correction watch read related disclaimer".split())
NOT_ITEM_LABELS = FURNITURE_LABELS | NOT_LABEL_WORDS


def labelled_item(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """The label of a list item whose words after it open with a verb ("• Acme: Fell by 17.4%"),
    or give the figure right away, or a level whose change follows in brackets ("• Acme Index:
    19,341.83 (-3.07%)")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    item = LABELLED_ITEM_RE.match(text[line_start:span.start_char])
    if item is None or item.group("name").split()[0].casefold() in NOT_ITEM_LABELS:
        return []
    first = next((t for t in span.doc[max(0, span.start - 12):span.start]
                  if t.idx == line_start + item.start("rest")), None)
    if item.group("rest") and not LEVEL_THEN_CHANGE_RE.fullmatch(item.group("rest")) and (
            first is None or not (first.pos_ in ("VERB", "AUX") or _a_move(first.lower_))):
        return []  # (a capitalised verb may be tagged a name: "Slid 3.2%")
    start, words = line_start + item.start("name"), item.group("name").split()
    while len(words) > 1 and words[-1].casefold() in REPORT_WORDS:
        words.pop()  # "Sensex Performance: Closed up …": the Sensex
    name = " ".join(words)
    e = ctx.entities.at(start, start + len(name))
    if e is not None and e.type in SUBJECT_TYPES and (e.name == name or name in e.surfaces):
        return [entity_ref(ctx, e)]  # (not "Brixton" of "Brixton 40")
    # a label the recogniser missed counts if it reads as a ticker ("ORVN: Tumbled 6.7%") or an
    # index's name ("Dow: 44,713.58 (+0.65%)"), not as the words of a line of figures ("Monday
    # Close: $118.58 per share")
    return [thing_ref(name)] if TICKER_LIKE_RE.fullmatch(name) or INDEX_NAME_RE.match(name) else []


def _a_move(word: str) -> bool:
    """A form of a verb of rising or falling ("slid", "tumbled", "soared")."""
    return bool({word, *getLemma(word, upos="VERB")} & (MARKET_VERBS | UP_VERBS | DOWN_VERBS))
