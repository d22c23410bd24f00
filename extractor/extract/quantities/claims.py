"""Claims of one article: the scanned quantities, filtered and paired, read against the
parse for their unit, direction, subject, metric and date.

A date expression attached to the same verb (or to a verb that governs it), or opening
the sentence ("On Tuesday, ..."), dates the quantity; bounds of a period ("since
October 7") do not. A move, a market's figure or a toll with no date of its own takes the
day an earlier sentence of its paragraph tells of, else (a session's move) the day the
story's lead tells of when that is before the publication day, else the publication day
(``Claim.date_source`` says which). In an article without a publication date a weekday
resolves to no day and is kept as ``Claim.weekday``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.dates import MONTHS, WEEKDAYS, YEAR_PART_RE, resolve_date, resolve_month_or_year, resolve_period
from extractor.extract.entities import ArticleEntities
from extractor.extract.entity_records import LocalEntity
from extractor.extract.entity_names import entity_key
from extractor.extract.lexicon import CHANGE_NOUNS, MARKET_VERBS, counts_people_by
from extractor.extract.quantities.direction import DOWN_VERBS, UP_VERBS, change_label, particle_not_bound, read_direction
from extractor.extract.quantities.filters import INDEX_NAME_RE, mark_non_quantities
from extractor.extract.quantities.frame import frame_of, names_a_period
from extractor.extract.quantities.measures import measures_imperial, to_base
from extractor.extract.quantities.metric import (
    CASUALTY_VERBS, CONTAINED_AFTER_RE, CURRENCY_SUBJECTS, MARKET_METRICS, METRIC_PHRASES, OUTAGE_METRIC, PERIOD_METRICS,
    SHARE_PRICE_AT_MOST, forecast_metric, is_outage_noun, metric_of, price_tag,
)
from extractor.extract.quantities.money import (
    CENT_QUALIFIERS, CENTS_OF_RE, LOCAL_DOLLAR, NAMED_RUPEE_RE, UNNAMED_RUPEE_RE, page_rupee,
)
from extractor.extract.quantities.quantity import Placed, Quantity
from extractor.extract.quantities.ranges import pair_ranges, share_equivalent_terms, share_list_currency
from extractor.extract.quantities.scan import scan_text
from extractor.extract.quantities.subject import FALL_VERBS, SubjectContext, subject_refs, verb_of
from extractor.extract.quantities.subject_context import _clause_subject, misattached_move, sentence_subject
from extractor.extract.quantities.subject_names import entity_named, entity_ref, thing_ref
from extractor.extract.quantities.subject_phrases import _is_person, resolve_np
from extractor.extract.quantities.tokens import Tokens
from extractor.extract.quantities.units import FLOOR_WORDS, STOREY, carry_units, counted_noun, fraction_unit, match_unit
from extractor.extract.quotes.cues import SPEECH_VERBS
from extractor.ingest.printed_dates import DATELINE_DATE
from extractor.models import Bounds, Claim, EntityRef, Span
from extractor.nlp.views import doc_text, span_text


def _date_for(verb: Token | None, sent_dates: list[tuple[Token | None, str, int]], at: int = 0,
              root: Token | None = None) -> str | None:
    """The date attached to the claim's verb, or to a verb above it (not above a clause that
    describes a noun, which tells of another event); of several on one verb,
    the nearest to the quantity at character ``at`` ("soared 239% in 2023 and 171% in 2024").
    A period on a verb of saying whose clause holds the figure (``root``) dates the saying."""
    if not sent_dates:
        return None
    if root is not None:  # "from 2.4% in August": the figure's own date (see ``_figure_from``)
        nouns = _nouns_of_figure(root)  # "the $279bn market cap lost by Nvidia on September 3": the loss's day
        own = [(abs(where - at), iso) for owner, iso, where in sent_dates  # "Friday's closing price of $142.62"
               if owner is not None and owner.pos_ not in ("VERB", "AUX") and owner.i in {root.i, root.head.i, *nouns}]
        own += [(abs(where - at), iso) for owner, iso, where in sent_dates  # (told in the past: not "which votes on Friday")
                if owner is not None and owner.head.i in nouns and owner.dep_ in ("acl", "relcl")
                and (owner.tag_ == "VBN" or _told_as_past(owner))]
        if own:
            return min(own)[1]
    chain: list[Token] = []
    node = verb
    for _ in range(6):
        if node is None:
            break
        chain.append(node)
        if node.head.i == node.i:
            break
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN") and node.head.ent_type_ not in ("DATE", "TIME"):
            break  # "rallied on Friday after the crash, which saw Halvard tumble 22%": the crash's day is not Friday
            # (but "said Wednesday, when the stock was at $217.50" is that day)
        node = node.head
    for level in chain:
        here = [(abs(where - at), iso) for date_verb, iso, where in sent_dates if date_verb is not None and date_verb.i == level.i]
        if level.lemma_.lower() in SPEECH_VERBS and (level is not verb or root is not None and _reported_by(root, verb)):
            # "wrote in a paper last month that the model cost $6m": a period dates the writing,
            # not the figure (a day still dates both: "said on Monday its shares fell 17%")
            here = [(d, iso) for d, iso in here if len(iso) == 10]
        if here:
            return min(here)[1]
    return None


# A relative clause set off by commas ("…, both of which report earnings on Wednesday, …", "…,
# who took office in 2021, …"): it tells of its own event.
RELATIVE_ASIDE_RE = re.compile(
    r",\s*(?:(?:both|all|each|neither|none|some|most|many|one|two|three|four) of\s+)?(?:which|who|whom|whose)\b[^,;()]*?(?=,)")


def _outside_other_asides(dates: list[tuple[Token | None, str, int]], sent: SpacySpan,
                          at: int) -> list[tuple[Token | None, str, int]]:
    """The sentence's dates less those inside a relative clause set off by commas that the figure
    at character ``at`` is not in: "Microsoft and Meta, both of which report earnings on
    Wednesday, down 2.5% and 0.2%" are today's moves, whatever the parser hung the day on."""
    asides = [(start, end) for m in RELATIVE_ASIDE_RE.finditer(sent.text)
              if _one_clause(sent, start := sent.start_char + m.start(), end := sent.start_char + m.end())]
    if not asides:
        return dates
    return [entry for entry in dates
            if not any(start <= entry[2] < end and not start <= at < end for start, end in asides)]


def _one_clause(sent: SpacySpan, start: int, end: int) -> bool:
    """The characters hold at most one finite verb: a relative clause, not one that runs on into the
    sentence's own verb for want of a comma ("Rosca, 36, who suffered injuries in the collapse
    died on Saturday, bringing the toll to 43")."""
    return sum(1 for t in sent if start <= t.idx < end and t.tag_ in ("VBD", "VBZ", "VBP") and t.pos_ in ("VERB", "AUX")) <= 1


# Dependencies by which a figure's phrase goes up to the noun it is part of ("a loss of $279bn",
# "the $279bn market cap", "the prior record for a loss of $279bn").
FIGURE_PHRASE_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "pobj", "prep", "npadvmod"})


def _nouns_of_figure(root: Token) -> set[int]:
    """The nouns a figure's own phrase is made of, up to the first verb (a few steps)."""
    nouns, node = {root.i}, root
    for _ in range(5):
        if node.pos_ in ("NOUN", "PROPN"):
            nouns.add(node.i)
        if node.dep_ not in FIGURE_PHRASE_DEPS or node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    return nouns


def _reported_by(root: Token, verb: Token) -> bool:
    """The figure at ``root`` is in a clause the verb reports ("wrote that the model cost
    $6m", however the parser tags "cost")."""
    node = root
    for _ in range(8):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and node.head.i == verb.i:
            return True
        node = node.head
    return False


# "records set by Meta in 2022 ($232 billion)": the year a parenthesised figure follows.
YEAR_THEN_PAREN_RE = re.compile(r"\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)\s*\(\s*\Z")


def _date_in_parenthesis_before(at: int, text: str, sent_dates: list[tuple[Token | None, str, int]]) -> str | None:
    """The year right before the parenthesis a figure at ``at`` opens (see YEAR_THEN_PAREN_RE),
    whatever verb the parse hangs the year on."""
    m = YEAR_THEN_PAREN_RE.search(text[max(0, at - 24):at])
    if m is None:
        return None
    return next((iso for _, iso, _ in sent_dates if iso == m.group("year")), None)


# A count of medals of one metal after a bare number ("40 golds", "38 gold, 32 silver", "20
# gold medals"), not metal the number weighs or prices ("40 gold bars").
MEDAL_METALS = frozenset({"gold", "silver", "bronze"})
MEDAL_AFTER_RE = re.compile(r"\s+(?P<metal>[Gg]old|[Ss]ilver|[Bb]ronze)(?:s|\s+medals?)?(?=[\s,.;:)]|\Z)"
                            r"(?!\s+(?:bars?|coins?|prices?|futures|bullion|ounces?|reserves|mines?|rings?|jewel\w*|standard)\b)")
# Frames of a market's trading session (frame.py): moments of a price, not of a count of people.
SESSION_FRAMES = frozenset({"close", "open", "intraday", "after-hours", "pre-market"})
# Units a market quotes besides currencies (whose codes are capitals): a session frames these.
QUOTED_UNITS = frozenset({"percent", "percentage point", "point", "basis point"})
# Auxiliaries of the future, and the adjectives that schedule ("is due to meet").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})
SCHEDULED_WORDS = frozenset({"due", "scheduled", "set", "expected", "slated"})


def _told_as_future(verb: Token | None) -> bool:
    """The verb tells of what is yet to happen: "will meet", "is due to meet"."""
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and verb.head.lower_ in SCHEDULED_WORDS


def _told_as_past(verb: Token | None) -> bool:
    """The verb tells of what has happened: a past form ("bid", "fell") or a past auxiliary
    ("had risen", "was cut")."""
    return verb is not None and (verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


# How many words after its verb a date of what will happen may come ("will meet in Brussels
# on Wednesday").
MAX_FUTURE_DATE_REACH = 8


def _on_the_verb(date: Token, verb: Token | None) -> bool:
    """The date says when the verb happens ("will meet on Wednesday"), not when a noun of its
    clause did ("will pay a premium to the closing price on Friday")."""
    head = date.head
    if head.dep_ == "prep":
        head = head.head
    # (the parser hangs a late "on Friday" on the verb whatever it dates: only a near one counts)
    return verb is not None and head.i == verb.i and abs(date.i - verb.i) <= MAX_FUTURE_DATE_REACH


def _date_verb(date: Token) -> Token | None:
    """The verb a date dates (or the change noun a weekday follows, or a noun with a figure of
    its own the parse joined to a verb, see below): none when the date hangs on a name the
    parse joined to a verb ("... dwarfed the records set by Meta in 2022 and Apple in 2020":
    the year is Apple's record's, a clause of its own with its verb left out; "soared 212% in
    2023 and 96% in 2024" keeps its years, each the figure's nearest)."""
    if date.dep_ == "appos" and date.i == date.head.i + 1 and date.head.lemma_.lower() in CHANGE_NOUNS:
        return date.head  # "Nvidia's 17% freefall Monday": the day of the fall, which the parser took for its name
    node = date
    for _ in range(7):
        if node.dep_ == "conj" and node.pos_ == "PROPN" and node.head.pos_ in ("VERB", "AUX"):
            return None
        if node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "nummod" for c in node.children):
            return node  # "eclipsing …, and Meta's $251 billion decline in February 2022": that figure's month
        if node.dep_ == "appos":
            return None  # "Gauff, the 2023 champion, made 41 errors": the year says who she is, not when
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        if node.pos_ == "NOUN" and node.lower_ in SETTING_PARTICIPLES and node.i > 0 and node.nbor(-1).lower_ == "record":
            # "flew past its own record set last fall": the record's day (a participle tagged a noun), not the
            # figure's the sentence is about; and the day of a "when" clause right after it ("…, when it lost $27bn")
            return _when_clause_after(date) or node
        if node.dep_ == "prep" and node.head.pos_ == "NOUN" and node.head.dep_ == "dobj" and _own_figure(node.head):
            return node.head  # "the Nikkei's drop of 4,451 points surpassed the 3,836 point decline on Oct. 20,
            # 1987": the day of the decline it surpassed, not of the drop
        node = node.head
    verb = verb_of(date)
    if verb is not None and verb.dep_ == "prep" and verb.lower_ in WEIGHING_WORDS and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # "Considering Thursday's losses, his net worth slipped to $55.9 billion": that day's
    return verb


def _when_clause_after(date: Token) -> Token | None:
    """The verb of a "when" clause right after the date (", when it lost $27 billion"), which
    tells of that time whatever the parser hung it on."""
    doc, j = date.doc, date.i + 1
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "when" and doc[j + 1].head.pos_ in ("VERB", "AUX"):
        return doc[j + 1].head
    return None


def _own_figure(noun: Token) -> bool:
    """The noun has a figure of its own before it ("the 3,836 point decline", "a 5% gain")."""
    return any(t.like_num for t in noun.subtree if t.i < noun.i)


# Participles of a record's setting, which the parser takes for a noun after "record"
# ("the record set last year", "a record hit in 2021").
SETTING_PARTICIPLES = frozenset({"set", "hit", "reached", "posted", "established", "notched"})


# Participles that weigh an event of a day in what their sentence tells of that day
# ("Considering Thursday's losses, …"; not "Including Monday's slump, … eight of the ten
# biggest drops": a count that takes in that day, of no day).
WEIGHING_WORDS = frozenset({"considering", "given"})


def claim_id(article_id: str, start: int, end: int, field: str = "text") -> str:
    """Stable id of the claim at [start, end) of an article's text (or of its title)."""
    where = f"{article_id}:{start}:{end}" if field == "text" else f"{article_id}:{field}:{start}:{end}"
    return "c_" + hashlib.sha1(where.encode()).hexdigest()[:16]


def _bounds(q: Quantity) -> Bounds | None:
    if q.high is not None:
        low, high = sorted((q.value, q.high))
        return Bounds(low=low, high=high)
    if q.hedge in (">", ">="):
        return Bounds(low=q.value, high=None)
    if q.hedge in ("<", "<="):
        return Bounds(low=None, high=q.value)
    return None


def _doc_quantities(doc: Doc, tokens: Tokens) -> list[Quantity]:
    """Scanned, filtered and paired quantities of a whole doc.

    The scan runs over the whole text, so a sentence split in the wrong place
    ("approximately | 2.998×10−8") does not cut a hedge or a currency from its number.
    """
    text = tokens.text
    qs = scan_text(text)
    mark_non_quantities(qs, tokens)
    kept = [q for q in qs if not q.verdict.drop]
    pair_ranges(kept, text, tokens)
    kept = [q for q in kept if not q.verdict.drop]
    share_list_currency(kept, text)
    kept = [q for q in kept if not q.verdict.drop and not q.verdict.in_range]
    share_equivalent_terms(kept, text)
    return kept


def extract_claims(doc: Doc, article_id: str, entities: ArticleEntities, published: str | None = None,
                   title: str | None = None) -> list[Claim]:
    """Numeric claims of one parsed article, sorted by start.

    ``value`` is in base units ("$593bn" -> 593000000000.0); for a range it is the low
    end and ``bounds`` holds both ends. ``published`` (ISO date) anchors relative dates;
    without it relative dates stay null. ``title`` (a headline the page gave apart from its
    text) may name the organisation the article is about.
    """
    tokens = Tokens(doc)
    article = ArticleFacts(article_id=article_id, text=tokens.text, entities=entities, published=published,
                           imperial=measures_imperial(tokens.text),
                           subjects=SubjectContext(entities=entities, text=tokens.text, doc=doc, title=title),
                           tokens=tokens)
    by_sentence: dict[int, list[Placed]] = {}
    for placed in _placed_quantities(tokens):
        by_sentence.setdefault(placed.span.root.sent.start, []).append(placed)
    claims: list[Claim] = []
    main_dates: dict[int, str | None] = {}
    if by_sentence:
        article = replace(article, lead_day=_lead_day(doc, published, tokens, main_dates))
    for items in by_sentence.values():
        sentence = _sentence_facts(items[0].span.root.sent, published, tokens, main_dates)
        for placed, unit in zip(items, carry_units(items, tokens.text)):
            claims.append(_to_claim(placed, unit, sentence=sentence, article=article))
    claims.sort(key=lambda c: (c.start, c.end))
    claims = _share_conversion_subjects(_minor_units_in_currency(_rupees_of_the_page(claims, tokens.text)), tokens.text)
    claims = _respectively_by_the_text(_respectively(claims, tokens.text), article.subjects)
    return _priced_per_unit(_levels_moved_to(claims, tokens.text), tokens.text)


def _rupees_of_the_page(claims: list[Claim], text: str) -> list[Claim]:
    """An unnamed rupee ("Rs 3,000") on a page about Nepal, Pakistan or Sri Lanka is that
    country's rupee, not India's (``page_rupee``)."""
    if not any((c.unit or "").startswith("INR") for c in claims) or (code := page_rupee(text)) is None:
        return claims
    return [c.model_copy(update={"unit": code + c.unit[3:]})
            if (c.unit or "").startswith("INR") and UNNAMED_RUPEE_RE.search(c.text) and not NAMED_RUPEE_RE.search(c.text)
            else c for c in claims]


# What stands between a move and the level it reached ("fell 9.25% to $203", "was up 0.45% at 2,770.5").
MOVED_TO_GAP_RE = re.compile(r"\s+(?:to|at)\s+")


def _levels_moved_to(claims: list[Claim], text: str) -> list[Claim]:
    """The level a percentage move reached ("Apple falling 9.25% to $203, Nvidia down 7.81% to
    $101.80", "the Topix was up 0.45% at 2,770.5") is the mover's, as its move is: in a list
    the parser hangs each price on the wrong name; and a share's or an index's move makes its
    level a share price or an index level ("the S&P 500 fell 4.8% to 5,396.52")."""
    out = list(claims)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        level = is_currency_code(b.unit) or b.unit is None and a.metric == "index level"  # "fell 4.8% to 5,396.52"
        if a.unit != "percent" or not a.subject or not level or not MOVED_TO_GAP_RE.fullmatch(text[a.end:b.start]):
            continue
        update: dict = {"subject": a.subject}
        if a.metric in ("share price", "index level") and b.metric in (None, a.metric):
            update["metric"] = a.metric
        out[i + 1] = b.model_copy(update=update)
    return out


def _priced_per_unit(claims: list[Claim], text: str) -> list[Claim]:
    """A price in a bare currency is per the unit the price before it was quoted by, in its
    sentence ("silver rose to $52.31 an ounce, platinum to $1,641.20") or, for the same
    thing, in its paragraph ("spot gold was at $4,187.40 per ounce … after hitting $4,218.06"):
    one fact with another outlet's "$1,641.20 an ounce"."""
    out = list(claims)
    for i, claim in enumerate(out):
        if claim.metric != "price" or not is_currency_code(claim.unit):
            continue
        for before in reversed(out[:i]):
            if "\n" in text[before.end:claim.start]:
                break
            if before.metric == "price" and (before.unit or "").startswith(f"{claim.unit} per ") and (
                    before.sentence.start == claim.sentence.start or before.subject == claim.subject):
                out[i] = claim.model_copy(update={"unit": before.unit})
                break
    return out


def is_currency_code(unit: str | None) -> bool:
    """A currency's code alone, as a sum's unit ("USD", a page's own ``LOCAL_DOLLAR``; not "USD
    per ounce", "percent")."""
    return bool(unit) and (unit.isupper() and len(unit) == 3 or unit == LOCAL_DOLLAR)


# Currencies of a hundred cents, and of a hundred pence; an article's cents are of its
# currency among the first (else US dollars), its pence sterling.
CENT_CURRENCIES = frozenset({"USD", "EUR", "AUD", "CAD", "NZD", "HKD", "SGD", "ZAR"})
MINOR_UNITS = {"cent": (CENT_CURRENCIES, "USD"), "penny": (frozenset({"GBP"}), "GBP")}


def _minor_units_in_currency(claims: list[Claim]) -> list[Claim]:
    """Cents and pence as the currency they are a hundredth of ("50 cents per share" is 0.5
    USD per share, one fact with another outlet's "$0.50 a share"); the text's "50 cent"
    stays in ``stated_value`` and ``stated_unit``."""
    used = Counter(c.unit for c in claims if c.unit in CENT_CURRENCIES)
    out = []
    for claim in claims:
        minor, _, rest = (claim.unit or "").partition(" ")
        if minor not in MINOR_UNITS or claim.stated_unit is not None:
            out.append(claim)
            continue
        currencies, default = MINOR_UNITS[minor]
        currency = max((u for u in used if u in currencies), key=used.__getitem__, default=default)
        if (named := CENTS_OF_RE.search(claim.text)) is not None:
            currency = CENT_QUALIFIERS[named.group(1).lower()]  # "63.55 US cents" in a story of Australian dollars
        bounds = claim.bounds.scaled(0.01) if claim.bounds is not None else None
        out.append(claim.model_copy(update={
            "value": float(f"{claim.value / 100:.12g}"), "unit": f"{currency} {rest}".strip(), "bounds": bounds,
            "stated_value": claim.value, "stated_unit": claim.unit}))
    return out


def _respectively(claims: list[Claim], text: str) -> list[Claim]:
    """"Microsoft and Alphabet fell 2.1% and 4.2%, respectively": the figures go to the names
    in the order both are written, one each, where the parse gave every figure every name."""
    out = list(claims)
    by_names: dict[tuple, list[int]] = {}  # (sentence, the names) -> the figures given them all
    for i, claim in enumerate(out):
        if len(claim.subject) >= 2 and "respectively" in claim.sentence.text:
            by_names.setdefault((claim.sentence.start, tuple(r.id for r in claim.subject)), []).append(i)
    for indexes in by_names.values():
        shared = out[indexes[0]].subject
        if len(indexes) != len(shared):
            continue
        sentence = out[indexes[0]].sentence.text
        places = [sentence.find(ref.name) for ref in shared]
        if min(places) < 0 or len(set(places)) != len(places):
            continue
        in_order = [ref for _, ref in sorted(zip(places, shared), key=lambda t: t[0])]
        for i, ref in zip(sorted(indexes, key=lambda k: out[k].start), in_order):
            out[i] = out[i].model_copy(update={"subject": [ref]})
    return out


# Between the items of a written list: "A, B and C", "6.4%, 6.2% and 11.1%".
LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
RESPECTIVELY_RE = re.compile(r",?\s*respectively\b")


def _respectively_by_the_text(claims: list[Claim], ctx: SubjectContext) -> list[Claim]:
    """"Landlords – Acme Group, Bexco and Corra REIT – fell 6.4%, 6.2% and 11.1% respectively":
    where the parse did not give the listed figures one listed name each, the names written as a
    list right before the figures take them in order, read from the text."""
    out, text, i = list(claims), ctx.text, 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].sentence.start == out[i].sentence.start \
                and LIST_GAP_RE.fullmatch(text[out[j].end:out[j + 1].start]):
            j += 1
        group, i = out[i:j + 1], j + 1
        if len(group) < 2 or not (RESPECTIVELY_RE.match(text, group[-1].end)
                                  or RESPECTIVE_BEFORE_RE.search(text, group[0].sentence.start, group[0].start)):
            continue
        if len({tuple(r.id for r in c.subject) for c in group}) == len(group) and all(len(c.subject) == 1 for c in group):
            continue  # (the parse already gave each its own)
        mentions = [(m, e) for m, e in ctx.entities.mentions_in(group[0].sentence.start, group[0].start)
                    if e.type in ("ORG", "PERSON", "GPE")]
        listed = mentions[-len(group):]
        if len(listed) == len(group) and len({e.id for _, e in listed}) == len(group) and all(
                LIST_GAP_RE.fullmatch(text[a.end:b.start]) for (a, _), (b, _) in zip(listed, listed[1:])):
            refs = [entity_ref(ctx, e) for _, e in listed]
        else:  # names the model did not all tag, read from the text
            refs = [entity_named(ctx, name) or thing_ref(name) for name in _listed_names(text, group[0].start)]
            if len(refs) != len(group):
                continue
        for k, ref in enumerate(refs):
            out[i - len(group) + k] = out[i - len(group) + k].model_copy(update={"subject": [ref]})
    return out


# "with their respective shares dropping by 6.4%, 6.2% and 11.1%": the list's order, said before the figures.
RESPECTIVE_BEFORE_RE = re.compile(r"\b(?:their|the)\s+respective\b", re.I)
# A written list of capitalised names ("Goodman Group, NEXTDC, and DigiCo Infrastructure REIT").
NAME_LIST_RE = re.compile(r"(?:[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*)*,[ \t]*)+(?:and[ \t]+)?[A-Z][\w&.'’-]*"
                          r"(?:[ \t]+[A-Z][\w&.'’-]*)*")
NAME_LIST_GAP_RE = re.compile(r",[ \t]*(?:and[ \t]+)?")


def _listed_names(text: str, end: int) -> list[str]:
    """The names of the last written list of capitalised names before ``end`` in its sentence
    (read from its line, back to a full stop, as the parser may cut a sentence inside a name)."""
    start = text.rfind("\n", 0, end) + 1
    stop = max((m.end() for m in SENTENCE_STOP_RE.finditer(text, start, end)), default=start)
    found = list(NAME_LIST_RE.finditer(text, stop, end))
    return [n.strip() for n in NAME_LIST_GAP_RE.split(found[-1].group())] if found else []


# A full stop that ends a sentence (not an initial's or an abbreviation's: "U.S.", "Inc.").
SENTENCE_STOP_RE = re.compile(r"(?<![A-Z])(?<!Inc)(?<!Corp)(?<!Ltd)(?<!Co)(?<!St)(?<!Mr)(?<!Ms)(?<!Dr)[.!?][ \t]+(?=[A-Z])")


# Between a measure and its conversion in parentheses: "45-meter-high (150-foot)", "50 metres (165 feet)".
CONVERSION_GAP_RE = re.compile(r"(?:-[a-z]+)?\s*\(\s*")


def _share_conversion_subjects(claims: list[Claim], text: str) -> list[Claim]:
    """A measure and its conversion in parentheses ("the 45-meter-high (150-foot) bridge", "fined
    it 2.4 billion euros ($2.6 billion)") are one figure about one thing: where the parser gave
    one of them no subject, or took a unit word for it ("foot"), both take the other's; the
    conversion takes the measure's metric."""
    out = list(claims)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        currencies = a.unit != b.unit and is_currency_code(a.unit) and is_currency_code(b.unit)  # "euros ($2.6 billion)"
        if a.unit is None or a.unit != b.unit and not currencies or not CONVERSION_GAP_RE.fullmatch(text[a.end:b.start]):
            continue
        if not re.match(r"[\w-]*\s*\)", text[b.end:b.end + 12]):
            continue
        if a.metric and b.metric != a.metric:  # "a 200-metre (650 feet) section": the measure's metric
            out[i + 1] = b = b.model_copy(update={"metric": a.metric})
        good_a, good_b = _real_subject(a), _real_subject(b)
        if good_a and not good_b:
            out[i + 1] = b.model_copy(update={"subject": a.subject})
        elif good_b and not good_a:
            out[i] = a.model_copy(update={"subject": b.subject})
    return out


def _real_subject(claim: Claim) -> bool:
    """A subject that is not empty and not the name of a unit ("foot", "metres")."""
    return bool(claim.subject) and not any(match_unit(s.name, 0) and match_unit(s.name, 0)[1] == len(s.name)
                                           for s in claim.subject)


def _placed_quantities(tokens: Tokens) -> Iterator[Placed]:
    """Every kept quantity with its tokens and the unit the text or the parse gives it."""
    text = tokens.text
    for q in _doc_quantities(tokens.doc, tokens):
        span = tokens.span(q.start, q.end)
        if len(span) == 2 and span[0].dep_ == "punct" and not any(ch.isalnum() for ch in span[0].text) \
                and span[0].head == span[1].head:
            span = span[1:]  # "lost ¥3.5tn": the sign the parser hung beside the figure is not its head
        unit = q.unit or fraction_unit(q, text) or counted_noun(span.root, span, q.value)
        counted = bool(not q.unit and unit and (span.root.head.tag_ in ("NNS", "NNPS")  # ("One person … and five others")
                                                or q.value == 1 and span.root.head.tag_ == "NN" and counts_people_by(unit)))
        yield Placed(quantity=q, span=span, unit=unit, counted=counted)


# Prepositions that make a date the bound of a period ("since October 7"), not its day (but
# "after third-quarter profit fell" opens a clause, whose date it is).
PERIOD_BOUND_RE = re.compile(r"\b(?:since|until|till|through|before|after|by|from|between)\s*\Z", re.I)
# The date of the mark a move is measured from, written after it ("plunged 32% from its peak in
# January", "up from its low of March"): the mark's, whatever the parser hangs it on.
FROM_MARK_RE = re.compile(r"\b(?:from|since|off)\s+(?:(?:its|their|the|a|an|his|her|this|that)\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(?:peak|high|low|level|record|top|bottom|close|start)s?"
                          r"\s+(?:in|on|of|at)\s*\Z", re.I)
# A time a figure is compared with, not its own: "fell 16% compared with 2024", "up 14% on 2022".
COMPARISON_BASE_RE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|relative\s+to)"
                                r"\s*(?:the\s+same\s+\w+\s+(?:of|in|a)\s+)?\Z", re.I)
# A month that names a traded contract, not when the figure was ("gold futures for December
# delivery", "the March contract" is written "March" before these).
CONTRACT_MONTH_RE = re.compile(r"\s+(?:delivery|contracts?|futures|expiry|settlement)\b", re.I)
YEAR_BASE_RE = re.compile(r"(?:%|\bper\s?cent|\bpercent),?\s+on\s*\Z", re.I)  # (not "fell 3% on Monday")


# Prepositions of a period's bound, when the date sits deeper in their phrase ("since after
# the collapse Tuesday", "after Thursday's results").
PERIOD_PREPOSITIONS = frozenset({"since", "until", "till", "through", "before", "after", "following", "by", "from",
                                 "between"})


def _a_figure(token: Token) -> bool:
    """A number, or a noun a number or percent sign counts ("2.4%", "a 2.4% pace")."""
    return token.like_num or token.text == "%" or any(
        c.dep_ in ("nummod", "compound") and (c.like_num or c.text == "%") for c in token.children)


# "by" before a day: what stood by then ("1.25 million homes were without power by Wednesday
# afternoon", "had fallen 10% by Friday"), the day's figure, not a period's bound.
BY_BEFORE_RE = re.compile(r"\bby\s*\Z", re.I)


def _as_of_day(ent: SpacySpan, text: str, published: str | None) -> bool:
    """The date is a day after "by", in a clause told in the past or present (not "will be done
    by Friday", a deadline)."""
    if not BY_BEFORE_RE.search(text, max(0, ent.start_char - 4), ent.start_char):
        return False
    day = resolve_date(ent.text, published)
    return day is not None and len(day) == 10 and not _told_as_future(_date_verb(ent.root))


def _period_bound(date: Token) -> Token | None:
    """The preposition of a period's bound ("since", "from" …) the date is inside, below the
    verb it would date; None when there is none."""
    node = date
    for _ in range(5):
        if node.dep_ == "prep" and node.lower_ in PERIOD_PREPOSITIONS:
            return node  # ("following" is a verb's form)
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return None
        node = node.head
    return None


def _bounds_a_period(date: Token) -> bool:
    """The date is inside the phrase of a period's bound, below the verb it would date."""
    return _period_bound(date) is not None


def _figure_from(bound: Token | None) -> Token | None:
    """The figure a period's bound gives with its own date ("slowed to 2.1% from 2.4% in
    August", "down from 67.3% in 2019", "slowing from a 2.4% pace in August"): the date is
    that figure's, no other's."""
    if bound is None:
        return None
    return next((c for c in bound.children if c.dep_ == "pobj" and _a_figure(c)), None)


def _sentence_facts(sent: SpacySpan, published: str | None, tokens: Tokens,
                    main_dates: dict[int, str | None] | None = None) -> SentenceFacts:
    """Main subject, single-day dates (with the verb each attaches to), opening date and
    carried date of a sentence.

    An opening date ("On Tuesday, X lost 10% ...") dates the whole sentence. The parser
    sometimes ends a sentence too early ("On Tuesday, chip-testing equipment maker | and
    Nvidia supplier Advantest lost 10 percent"), so a previous fragment without final
    punctuation counts as the start of this sentence. ``main_dates`` caches each sentence's
    main date by its start, for the sentences after it.
    """
    dates, opening = _dates_of(sent, published, tokens)
    cache = {} if main_dates is None else main_dates
    cache[sent.start] = _day_told(sent, dates, opening)  # for the sentences after it
    return SentenceFacts(sent=sent, root_subject=sentence_subject(sent), dates=dates, opening_date=opening,
                         carried_date=_carried_date(sent, published, tokens, cache),
                         other_time=_names_other_time(sent, tokens, published))


# A time that is not the day of the news: "last fall", "a year ago", "the previous week",
# "in the summer", "in September", "in 2023".
OTHER_TIME_RE = re.compile(
    r"\b(?:(?i:ago|last|previous|earlier|prior|later|fall|autumn|spring|summer|winter)|(?:19|20)\d\d|%s)\b"
    % "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True)))


# Days named relative to the publication day, which an undated article cannot resolve.
RELATIVE_DAYS = frozenset({"yesterday", "today", "tonight", "tomorrow"})


def _names_other_time(sent: SpacySpan, tokens: Tokens, published: str | None = None) -> bool:
    """The sentence names another time than its paragraph's day ("its record, set last fall,
    when it lost $279bn", "the previous record drop in September"), or, in an article
    without a date, a day relative to one ("closed up 25% yesterday"): a figure the parse
    gives no date of its own may be of that time, so neither its paragraph's day nor the
    publication day is lent to it."""
    text = tokens.text
    return any(ent.label_ == "DATE" and (published is None and ent.text.strip().casefold() in RELATIVE_DAYS
                                         or OTHER_TIME_RE.search(ent.text) or EARLIER_AFTER_RE.match(text, ent.end_char)
                                         and not ent.text.istitle())  # "one day before", not "Monday before"
               # (but "fell 19%, one day after executives forecast …" is the news the day after)
               and not PERIOD_BOUND_RE.search(text[max(0, ent.start_char - 12):ent.start_char])
               and not _bounds_a_period(ent.root)  # "the lowest level since 1985" is a record's span
               and not CONTRACT_MONTH_RE.match(text, ent.end_char)  # "futures for December delivery"
               for ent in tokens.ents_in(sent))


def _main_date(sent: SpacySpan, published: str | None, tokens: Tokens, cache: dict[int, str | None]) -> str | None:
    """The day a sentence is about (``_day_told``), read once per sentence."""
    if sent.start not in cache:
        cache[sent.start] = _day_told(sent, *_dates_of(sent, published, tokens))
    return cache[sent.start]


def _day_told(sent: SpacySpan, dates: list[tuple[Token | None, str, int]], opening: str | None) -> str | None:
    """The day a sentence is about: its opening date, else the day on its main verb, else
    its only day (a month or a year is a background, not the day the paragraph tells of)."""
    days = [(verb, iso, where) for verb, iso, where in dates
            if (len(iso) == 10 or iso.startswith(WEEKDAY_MARK)) and not _reference_day(sent, verb, where)
            and not (verb is not None and _a_figure(verb))]  # a bound's figure's date (``_figure_from``)
    on_root = [iso for verb, iso, _ in days if verb is not None and verb.i == sent.root.i]
    only = {iso for _, iso, _ in days}
    return opening or (on_root[0] if on_root else None) or (only.pop() if len(only) == 1 else None)


# "as of" before a day: the moment a reading holds, not the day a paragraph tells of.
AS_OF_BEFORE_RE = re.compile(r"\bas\s+of\s+\Z", re.I)


def _reference_day(sent: SpacySpan, verb: Token | None, where: int) -> bool:
    """The day at character ``where`` is a point of reference, not the day the sentence tells
    of: a noun's ("the closing price on Friday"), an "as of" reading's ("as of Tuesday"), or
    far after a verb of the future ("will
    pay 212 crowns a share, a premium of 31% to the closing price on Friday", which the
    parser hangs on "pay")."""
    date = next((t for t in sent if t.idx == where), None)
    if date is None:
        return False
    if date.head.dep_ == "prep" and date.head.head.pos_ == "NOUN":
        return True
    if date.dep_ == "poss" and _period_bound(date.head) is not None:
        return True  # "After Monday's rout, Nvidia rose 9%": the rout's day, before the one told of
    if AS_OF_BEFORE_RE.search(doc_text(sent.doc), max(0, where - 8), where):
        return True  # "traders saw a 64% probability of a cut as of Tuesday": when a reading was taken
    return _told_as_future(verb) and not _on_the_verb(date, verb)


# How many sentences back a paragraph's day is looked for.
CARRY_SENTENCES = 6


def _carried_date(sent: SpacySpan, published: str | None, tokens: Tokens, cache: dict[int, str | None]) -> str | None:
    """The day the paragraph was last about before this sentence: a lead that says "Nvidia lost
    $593bn on Monday" dates the next sentence's "the chipmaker's stock fell 17%" too. Only
    sentences of the same paragraph (up to the previous line break) carry their day."""
    doc, text = sent.doc, tokens.text
    start, start_char = sent.start, sent.start_char
    for _ in range(CARRY_SENTENCES):  # a text with no line breaks is one paragraph: look back a few
        if start <= 0:
            break
        prev = doc[start - 1].sent
        if "\n" in text[prev.start_char:start_char]:
            return None  # a line break: another paragraph
        if (day := _main_date(prev, published, tokens, cache)) is not None:
            return day
        start, start_char = prev.start, prev.start_char
    return None


def _lead_day(doc: Doc, published: str | None, tokens: Tokens, cache: dict[int, str | None]) -> str | None:
    """The day the story's lead (its first paragraph that is no headline) tells of ("Nvidia
    lost $593bn on Monday"): a session's moves in later paragraphs that name no day of their
    own are of that day too ("Broadcom finished down 17.4%") when it is before the day the
    report came out (a lead about the day of publication says nothing of the day before, which
    later paragraphs may recount; see ``_default_day``). None when the lead names no day."""
    text = tokens.text
    for sent in doc.sents:
        if not sent.text.strip() or _is_heading(text, sent.start_char + len(sent.text) - len(sent.text.lstrip())):
            continue
        paragraph_end = text.find("\n", sent.start_char)
        for lead in _sentences_until(doc, sent, paragraph_end):
            if (day := _main_date(lead, published, tokens, cache)) is not None:
                return day
        return None
    return None


def _sentences_until(doc: Doc, first: SpacySpan, end: int):
    """``first`` and the sentences after it that start before character ``end`` (-1: the text's end)."""
    sent = first
    while sent is not None and (end < 0 or sent.start_char < end):
        yield sent
        sent = doc[sent.end].sent if sent.end < len(doc) else None


# A day counted back from the day a sentence tells of ("a day earlier", "the day before",
# "two days earlier", "the previous day").
DAYS_BEFORE_RE = re.compile(r"(?:(?P<n>a|one|two|three|\d)\s+days?\s+(?:earlier|before)|the\s+(?:day\s+before|previous\s+day|prior\s+day))",
                            re.I)
DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _days_before(day: str, back: re.Match) -> str | None:
    """The ISO day ``back`` counts back from ``day``."""
    n = back.group("n")
    count = 1 if n is None else DAY_COUNTS.get(n.lower()) or int(n)
    try:
        return (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=count)).isoformat()
    except ValueError:
        return None


# A period named before ("in the quarter", "for the half"): the one an earlier sentence named.
SAME_PERIOD_RE = re.compile(r"(?:the|that)\s+(?:quarter|half(?:[\s-]year)?)", re.I)


def _period_named_before(sent: SpacySpan, published: str | None, tokens: Tokens) -> str | None:
    """The quarter or half the nearest of the few sentences before ``sent`` names ("Second-quarter
    revenue missed forecasts. ... Profit fell 3% in the quarter"), else None."""
    doc, start = sent.doc, sent.start
    for _ in range(CARRY_SENTENCES):
        if start <= 0:
            return None
        prev = doc[start - 1].sent
        for ent in reversed(tokens.ents_in(prev)):
            if ent.label_ == "DATE" and YEAR_PART_RE.match(re.sub(r"\s+", " ", ent.text.strip())):
                return resolve_period(ent.text, published)
        start = prev.start
    return None


# Words that put a day ahead of what is told ("cut its prime rate, effective Thursday",
# "starting Monday"): a change that takes effect then, from a report before it.
FROM_THEN_ON_RE = re.compile(r"\b(?:effective|starting|beginning|commencing)\s+(?:on\s+|from\s+)?\Z", re.I)


def _dates_of(sent: SpacySpan, published: str | None, tokens: Tokens) -> tuple[list[tuple[Token | None, str, int]], str | None]:
    """A sentence's dates (a day, else a month or a year), each with the verb it attaches to
    and where it starts, and its opening date."""
    text = tokens.text
    out = []
    relative: list[tuple[Token | None, re.Match, int]] = []
    dateline = DATED_DATELINE_RE.match(text, sent.start_char)
    for ent in tokens.ents_in(sent):
        if ent.label_ != "DATE" or dateline is not None and ent.start_char < dateline.end():
            continue  # (a dateline's date is the day the report was filed)
        as_of = _as_of_day(ent, text, published)
        if (owned := _day_owning(ent, text, published)) is not None:
            out.append(owned)  # "fell from Friday's closing price of $142.62": Friday's price, not the fall's day
            continue
        if FROM_MARK_RE.search(text, max(0, ent.start_char - 40), ent.start_char) and not as_of:
            continue  # "plunged 32% from its peak in January": the peak's month, not the fall's
        if PERIOD_BOUND_RE.search(text[max(0, ent.start_char - 12):ent.start_char]) \
                and not (ent.start > 0 and ent.doc[ent.start - 1].dep_ == "mark") and not as_of \
                or COMPARISON_BASE_RE.search(text[max(0, ent.start_char - 40):ent.start_char]) \
                or re.fullmatch(r"(?:19|20)\d\d", ent.text) and YEAR_BASE_RE.search(text[max(0, ent.start_char - 12):ent.start_char]) \
                or CONTRACT_MONTH_RE.match(text, ent.end_char):
            continue
        bound = _period_bound(ent.root)
        figure = _figure_from(bound)
        if bound is not None and figure is None and not (bound.lower_ == "by" and as_of):
            continue
        verb = _date_verb(ent.root)
        future = _told_as_future(verb) and _on_the_verb(ent.root, verb) \
            or FROM_THEN_ON_RE.search(text, max(0, ent.start_char - 16), ent.start_char) is not None
        iso = (resolve_date(ent.text, published, future) or resolve_month_or_year(ent.text)
               or resolve_period(ent.text, published, future, _told_as_past(verb))
               or _unresolved_weekday(ent.text, published))
        if iso is None and SAME_PERIOD_RE.fullmatch(ent.text.strip()):
            iso = _period_named_before(sent, published, tokens)
        if iso is None and (back := DAYS_BEFORE_RE.fullmatch(ent.text.strip())) is not None:
            relative.append((figure or verb, back, ent.start_char))
        if iso is not None:
            out.append((figure or verb, iso, ent.start_char))  # a bound's figure keeps its own date
    if relative:  # "a day earlier": before the day the sentence tells of, else before publication
        told = next((iso for _, iso, _ in out if len(iso) == 10), published[:10] if published else None)
        for owner, back, where in relative:
            if told is not None and (day := _days_before(told, back)) is not None:
                out.append((owner, day, where))
    start = sent
    doc = sent.doc
    while start.start > 0:
        prev = doc[start.start - 1].sent
        prev_text = span_text(prev)
        if re.search(r"[.!?:;\"”’')]\s*\Z", prev_text) or not prev_text.strip():
            break
        start = prev
    opening = None
    for ent in tokens.ents_in(start):
        if ent.label_ == "DATE" and ent.start - start.start <= 2 \
                and re.match(r"\s*,", text[ent.end_char:ent.end_char + 2]) and not DATED_DATELINE_RE.match(text, start.start_char):
            opening = resolve_date(ent.text, published) or _unresolved_weekday(ent.text, published)
        break
    return out, opening


# A date that heads a paragraph as the report's dateline ("Tuesday, January 28, 2025 - Nvidia saw
# its stock plummet on Monday"): the day it was filed, not the one it tells of.
DATED_DATELINE_RE = re.compile(r"(?:\w+day,\s*)?(?:%s)\s*[-–—|:]" % DATELINE_DATE.pattern, re.I)


# A weekday no publication date resolves, kept as "weekday:Monday" among a sentence's dates.
WEEKDAY_MARK = "weekday:"


def _day_owning(ent: SpacySpan, text: str, published: str | None) -> tuple[Token, str, int] | None:
    """A day that owns a noun in the phrase of a period's bound ("fell from Friday's closing
    price of $142.62", "up from Monday's close"): it dates that noun's figures (``_date_for``),
    not the move; (noun, date, start), or None."""
    noun = ent.root.head
    if ent.root.dep_ != "poss" or noun.pos_ != "NOUN" or _period_bound(noun) is None:
        return None
    iso = resolve_date(ent.text, published) or _unresolved_weekday(ent.text, published)
    return (noun, iso, ent.start_char) if iso is not None else None


def _unresolved_weekday(expression: str, published: str | None) -> str | None:
    """"weekday:Monday" for "Monday" / "on Monday" in an undated article, else None."""
    if published is not None:
        return None
    m = re.fullmatch(r"(?:on\s+|last\s+|this\s+)?(?P<day>%s)" % "|".join(WEEKDAYS), expression.strip(), re.I)
    return f"{WEEKDAY_MARK}{m.group('day').capitalize()}" if m else None


def _over_a_period(span: SpacySpan) -> bool:
    """The span of time is the object of a verb's "over" ("would cost $95bn over ten years",
    "rose 4% over two months"): the stretch a figure covers, not "more than" (which the
    parser hangs on the number: "for over ten years")."""
    over = span.doc[span.start - 1] if span.start > 0 else None
    return over is not None and over.lower_ == "over" and over.dep_ == "prep" and span.root.head == over


# A scale named before its figure ("magnitude 7.8", "magnitude-6.8", "a magnitude of 7.8").
MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude(?:\s+(?:of|at))?[\s-]*\Z", re.I)
MAGNITUDE_AFTER_RE = re.compile(r"[\s-]+magnitude\b", re.I)


@dataclass(frozen=True)
class ArticleFacts:
    """What every claim of one article reads: its id, text and entities."""

    article_id: str
    text: str
    entities: ArticleEntities
    published: str | None = None  # ISO date: the day a figure with no date of its own was reported
    imperial: bool = False  # measures in feet and miles: its "tons" are short tons
    subjects: SubjectContext | None = None  # the salient organisation and the last subject
    tokens: Tokens | None = None  # the parse's look-ups (the period an earlier sentence names)
    lead_day: str | None = None  # the day the story's lead tells of (``_lead_day``)


@dataclass(frozen=True)
class SentenceFacts:
    """What every claim of one sentence shares."""

    sent: SpacySpan
    root_subject: Token | None  # the subject of the sentence's root: pronouns after it refer to it
    dates: list[tuple[Token | None, str, int]]  # dates (a day, a month, a year), each with its verb and place
    opening_date: str | None  # "On Tuesday, ...": dates the whole sentence
    carried_date: str | None = None  # the day an earlier sentence of the paragraph is about
    other_time: bool = False  # names a time no date resolves ("last fall"): no day is lent to its figures


# Figures of a whole economy, which no organisation the article is about owns unnamed.
ECONOMY_METRICS = frozenset({"unemployment", "inflation", "gdp", "pay"})


def _word_of_metric_phrase(sent: SpacySpan, ref: EntityRef, metric: str, article: ArticleFacts) -> bool:
    """The subject is a common noun that, with the noun it qualifies in the sentence, names
    the claim's metric ("consumer" of "consumer prices": inflation)."""
    word = ref.name.casefold()
    if article.entities.by_name(word) is not None:
        return False
    return any(t.lower_ == word and t.dep_ in ("compound", "amod") and t.head.i > t.i
               and METRIC_PHRASES.get(f"{word} {t.head.lemma_.lower()}") == metric for t in sent)


def _named_in(sent: SpacySpan, ref: EntityRef, article: ArticleFacts) -> bool:
    """The sentence names the entity (a mention of it falls inside)."""
    return any(e.id == ref.id for _, e in article.entities.mentions_in(sent.start_char, sent.end_char))


def _to_claim(placed: Placed, unit: str | None, *, sentence: SentenceFacts, article: ArticleFacts) -> Claim:
    """The claim record of a placed quantity, with ``unit`` after carrying units along the sentence."""
    q, span, text, sent = placed.quantity, placed.span, article.text, sentence.sent
    root = span.root
    direction, source = read_direction(q, span, text)
    verb = verb_of(root)
    if (moved := misattached_move(span, root)) is not None:
        verb = moved  # "X dived 15.8% and Y lost 18.4%": the parser hung the first figure on the second clause
        direction = direction or ("down" if moved.lemma_.lower() in DOWN_VERBS else "up")
    # The sentence holds the whole quantity even where the parser split it ("0" | "%").
    low, high = min(sent.start_char, q.start), max(sent.end_char, q.end)
    value, bounds, stated = q.value, _bounds(q), None
    if source == "sign" and value < 0 and bounds is None:
        stated, value = (value, unit), -value  # "AMD (-6.37%)": a fall of 6.37%, as "fell 6.37%" says it
    if (unit is None or unit.startswith("magnitude ")) and (MAGNITUDE_BEFORE_RE.search(text, max(0, q.start - 14), q.start)
                                                           or 0 < q.value < MAGNITUDE_AT_MOST and MAGNITUDE_AFTER_RE.match(text, q.end)):
        # (and a headline's "7.8 magnitude earthquake rocks Turkey", read as a count of "magnitude earthquake rocks")
        unit = "magnitude"  # "a magnitude 7.8 earthquake", "a tremor of 7.5 magnitude": the scale named beside its figure
    elif _measured_shock(q, unit, text, sent):
        unit = "magnitude"  # "an earthquake measuring 7.7 on the Richter scale", "aftershocks measuring 4.9 and 6.7"
    if (converted := to_base(q.value, unit, imperial=article.imperial)) is not None:
        factor = converted[0] / q.value if q.value else to_base(1.0, unit, imperial=article.imperial)[0]  # "0-to-60 mph"
        stated, (value, unit) = (q.value, unit), converted
        if bounds is not None:
            bounds = bounds.scaled(factor)
    subjects = article.subjects or SubjectContext(entities=article.entities, text=text)
    subject = subject_refs(root, span, subjects, verb, sentence.root_subject, unit)
    if unit == STOREY and len(subject) == 1 and subject[0].name.casefold() in FLOOR_WORDS:
        subject = [thing_ref(STOREY)]  # "21-story", "21-floor": the storeys every outlet counts
    if unit == "magnitude":
        subject = _shaken_by(sent, root)  # "the main quake's magnitude at 7.4", not the authorities who estimated it
    if unit in UNDATED_UNITS and verb is not None and verb.lemma_.lower() in FALL_VERBS:
        direction = None  # "plunging 45 metres": the distance of a fall, not a change of a level
    metric = metric_of(q, root, span, verb, unit, tuple(s.name for s in subject))
    if metric in TOLL_METRICS and subject and all(_is_person(r, subjects) for r in subject):
        subject = []  # "Biden and Harris were briefed on the storm, which left at least 8 dead": none of theirs
    if metric in ECONOMY_METRICS and subject and subject == [subjects.salient] \
            and not _named_in(sent, subjects.salient, article):
        subject = []  # "the unemployment rate edged down to 4.2%": the economy's, not the story's main organisation
    if metric in BANK_METRICS and subjects.salient is not None and all(
            r.name.casefold().removesuffix("s") in DEPOSITOR_NOUNS or METRIC_PHRASES.get(r.name.casefold()) == metric
            for r in subject):
        subject = [subjects.salient]  # "customers withdrew $42 billion", "a $1.75bn share sale": the bank's
    if metric in ("withdrawals", "share sale") and unit != "percent":
        direction = None  # "sell $1.75 billion in shares at a loss": an amount raised or taken out, no move
    if metric and len(subject) == 1 and _word_of_metric_phrase(sent, subject[0], metric, article):
        subject = []  # "Consumer prices rose 2.1%": "consumer" is a word of the metric's name (inflation), no subject
    if unit in TIME_UNITS and RELATIVE_TIME_AFTER_RE.match(text, q.end):
        subject, metric, direction = [], None, None  # "One day before, X lost $200bn": when, not what lost
    hedge = q.hedge
    if hedge == "=" and verb is not None and root.dep_ == "dobj" and root.head.i == verb.i \
            and (bound := BOUND_VERBS.get(verb.lemma_.lower())) is not None \
            and not any(c.dep_ == "poss" for c in root.children):
        hedge = bound  # "the toll surpassed 20,000": more; "nears 20,000": about (but "surpassing
        # Nvidia's $2.9 trillion" is Nvidia's value as it stands)
    if particle_not_bound(q, root.doc):
        hedge, bounds = "=", None  # "inflation picked up to 2.4%": the level reached, not "at most"
    if unit in TIME_UNITS and hedge == ">" and q.metric != "age" and _over_a_period(span):
        hedge, bounds, subject, metric, direction = "=", None, [], None, None  # "cost $95bn over ten years": when
    if metric in ("distance", "depth") and direction:
        direction = None  # "went down about 2 miles from the airport": where, not a change
    if (metric in PEOPLE_COUNT_METRICS | STATE_COUNT_METRICS and unit not in ("percent", "percentage point")
            or metric == "containment" and CONTAINED_AFTER_RE.match(text, q.end)) \
            and direction and not re.search(r"\bby\s*\Z", text[max(0, q.start - 6):q.start]):
        # "two bodies were recovered", "9,400 structures destroyed", "89% contained": a count or
        # a state, not a change (but "rose by 3", "containment rose to 45%", "the audience is up 7%")
        direction = None
    if metric in PEOPLE_COUNT_METRICS and (unit == "magnitude" or unit is None and not float(value).is_integer()):
        metric = None  # "the death toll from a magnitude 7.8 quake": no count of people has a fraction
    if unit is None and metric in PEOPLE_COUNT_METRICS and root.dep_ == "dobj" and root.head.lemma_.lower() in CASUALTY_VERBS:
        subject = []  # "drones struck, killing seven people and injuring 31": the 31 are people, not drones
    if metric in PEOPLE_COUNT_METRICS and subject and all(_is_organisation(r.name, article.entities) for r in subject):
        subject = []  # "Three dead after Skyvar jet overruns runway": people, not the airline the line names
    if metric in PEOPLE_COUNT_METRICS and subject and all(_is_event(r.name, article.entities) for r in subject):
        subject = []  # "Hajj death toll rises to 1,301", "Storm Ida's toll": the people the event killed, whom
        # another outlet counts as "1,301 pilgrims" (an event is no group of people, as a country's toll is)
    if metric == "net worth" and subject and all(_is_organisation(r.name, article.entities) for r in subject) \
            and unit and unit.isupper():
        metric = "market value"  # "Nvidia lost $589bn of market worth": a company's worth is its market value
    if metric == OUTAGE_METRIC and unit is not None:
        stated = stated or (q.value, unit)
        unit = "customer"  # "1.2 million customers", "1.25 million homes and businesses": one count
        if all(is_outage_noun(s.name) for s in subject):
            subject = []  # the counted noun is no one's: the outage's count, whoever the outlet counts
    elif counts_people(unit, metric):
        stated = stated or (q.value, unit)
        unit = PERSON
    if not q.currency and (medal := MEDAL_AFTER_RE.match(text, q.end)) is not None \
            and (unit is None or unit.split()[0] in MEDAL_METALS or unit == "medal"):
        # "40 golds", "38 gold, 32 silver", "20 gold medals": a medal table's counts, no price of metal
        stated = stated or (q.value, unit)
        unit, metric, direction = f"{medal.group('metal').lower()} medal", "medals", None
        if subject and all(r.name.casefold() in MEDAL_METALS for r in subject):
            holder = _clause_subject(verb, span) if verb is not None else None  # "the delegation got 38 gold": its
            subject = resolve_np(holder, subjects, sentence.root_subject) if holder is not None else []
    elif unit == "medal" and not q.currency:
        metric, direction = "medals", None  # "France won 64 medals"
    frame = frame_of(root, span, verb)
    if frame in SESSION_FRAMES and unit is not None and unit.split()[0].islower() and unit not in QUOTED_UNITS \
            and unit.split()[0] not in MINOR_UNITS:
        frame = None  # "76 survivors by Wednesday morning", "finished the Games with 40 golds": a market
        # session frames no count of people or things (but "closed at 605.5 pence" is a price)
    if frame in SESSION_FRAMES and metric in ESTIMATED_METRICS:
        frame = None  # "predicting the total cost could be as high as $160 billion": a bound, no session's high
    if metric is None and (changed := _company_change(root, unit, direction, article.entities)) is not None:
        # "a 9% drop for Orbis": Orbis's, whoever shrugged it off
        metric, subject = "share price", [entity_ref(subjects, changed)]
    if metric is None and (_quoted_price(frame, unit, value, direction, subject, article.entities)
                           or _company_moved(verb, unit, direction, article.entities, root, subject)
                           or _moved_in_a_session(frame, unit, direction, subject, article.entities)
                           or _priced_a_share(unit, subject, article.entities, sent.text)):
        metric = "share price"
    if metric == "loss" and unit == "percent" and direction == "down" and _loss_is_the_move(verb, span, source) \
            and _companies(subject, article.entities):
        metric = "share price"  # "a loss of 11.67% at Micron", "AMD (-6.37%)": a company's loss in percent is its stock's
    if metric is None and unit and verb is not None and verb.lemma_.lower() == "earn" and direction is None:
        if unit.endswith(PER_SHARE):
            metric = "earnings per share"  # "The company earned $5.1 billion, or $1.74 per share"
        elif is_currency_code(unit) and root.dep_ == "dobj" and root.head.i == verb.i \
                and subject and all(_is_organisation(r.name, article.entities) for r in subject):
            metric = "profit"  # what a company earned (a person earns pay; "estimates of $1.71" are no profit)
    if metric == "price" and _priced_a_share(unit, subject, article.entities, sent.text):
        metric = "share price"  # "a much lower price of $118.58 per share": a company's price per share
    metric = forecast_metric(metric, root)
    if metric is None and _currency_per_share(unit) \
            and (expected := forecast_metric("earnings per share", root, through_clause=False)) != "earnings per share":
        metric = expected  # "analysts were expecting $2.52 a share": what a share earns, expected
    if metric in PER_SHARE_METRICS and _currency_per_share(unit):
        unit = unit[:-len(PER_SHARE)]  # "Monday Close: $118.58 per share": one fact with another outlet's "$118.58"
    if metric in (None, "loss") and _company_value_lost(root, verb, unit, direction, subject, article.entities):
        metric = "market value"  # "erasing $589 billion in value", "wiped $50bn off its value"
    if metric in (None, "cost") and direction is None and is_currency_code(unit) \
            and (valued := _valued_company(root)) is not None:
        metric = "market value"  # "Nvidia remains a $2.9 trillion company": what the company is worth
        holder = _clause_subject(valued.head, span) if valued.dep_ in ("attr", "oprd") else \
            valued.head if valued.dep_ == "appos" else valued  # "Acme, a $40 billion firm"; "the $3.4 trillion chipmaker"
        if holder is not None and (named := [r for r in resolve_np(holder, subjects, sentence.root_subject)
                                             if r.name.casefold() != valued.lower_]):
            subject = named
    if is_currency_code(unit) and (fortune := _fortune_of(root)) is not None:
        metric = "net worth"  # "minted Kurtz a personal fortune worth some $3.1 billion": his wealth, not the firm's value
        owner = fortune.head if fortune.dep_ == "appos" else next((c for c in fortune.children if c.dep_ == "poss"), None) \
            or next((c for c in fortune.head.children if c.dep_ in ("dative", "dobj") and c.i < fortune.i), None)  # (whom it is given)
        if owner is not None and (named := resolve_np(owner, subjects, sentence.root_subject)):
            subject = named
    if metric is None and direction is None and (worth := _worth_metric(root, unit, subject, article.entities)):
        metric = worth  # "who is already worth more than $140 billion"
    if metric == "market value" and unit == "percent" and direction is not None:
        metric = "share price"  # "lost 17% of its market value" is the 17% its shares fell: one fact
    date, date_source, weekday = None, None, None
    if unit not in UNDATED_UNITS:
        dates = _outside_other_asides(sentence.dates, sent, q.start)
        if (date := _date_in_parenthesis_before(q.start, text, dates)
                or _date_for(verb, dates, q.start, root) or sentence.opening_date) is not None:
            date_source = "text"
        elif not (metric == "cost" and price_tag(root, span)) and not sentence.other_time:
            moved = direction is not None or verb is not None and verb.lemma_.lower() in UP_VERBS | DOWN_VERBS  # "fell 11% to $2,650": both
            carried = sentence.carried_date
            if metric in PEOPLE_COUNT_METRICS and _told_as_of_now(verb) and _days_until(carried, article.published) > 1:
                carried = None  # "The quakes struck on Feb. 6. Nearly 30,000 people have been confirmed dead": the toll now
                # (a day before publication is the report's own: "Conte warned on Tuesday … 22 have been confirmed killed")
            date, date_source = _default_day(q.start, unit, metric, frame, article, carried, moved)
            if date is None and metric in PERIOD_METRICS and frame is None and article.tokens is not None \
                    and not names_a_period(sent.text) \
                    and (named := _period_named_before(sent, article.published, article.tokens)) is not None:
                date, date_source = named, "paragraph"  # results of the quarter the story reports
                # (but not "lowered its full-year margin forecast to 4%")
        if date_source == "text" and (previous := _session_before(date, text, low, q.start)) is not None:
            date = previous  # "fell 16% on Thursday, building on the previous session’s slump of 33%": Wednesday's
        elif date is not None and direction is not None and (metric is None or metric in MARKET_METRICS) \
                and _prior_move(root, text, q.start):
            date = _day_before_session(date)  # "rose 1.4% on Tuesday following a 17% fall that wiped $589bn": Monday's
        if date is not None and date.startswith(WEEKDAY_MARK):  # "on Monday" with no publication date to count back from
            date, date_source, weekday = None, None, date[len(WEEKDAY_MARK):]
    if metric is None and _lost_in_a_day(verb, unit, direction, subject, article.entities, date, date_source, weekday):
        metric = "market value"  # "Nvidia lost $589 billion on Monday": no result is of one day
    if metric in (None, "loss") and _lost_in_a_period(verb, root, unit, direction, frame, subject, article.entities):
        metric, direction = "loss", None  # "Acme lost $6 billion in the third quarter": a result, no move
    elif metric in (None, "loss") and direction == "down" and unit and is_currency_code(unit) and frame != "period" \
            and (MARKET_VALUE_WORDS_RE.search(text, low, high)
                 or SHARE_WORDS_RE.search(text, low, high) and ONE_DAY_RE.search(text, low, high)) \
            and not RESULT_WORDS_RE.search(text, low, high) \
            and _companies(subject, article.entities):
        metric = "market value"  # "a $589 billion loss on Monday, the biggest one-day loss in market value",
        # "suffered the largest market value loss in history, shedding nearly $600 billion"
    if metric is None and unit == "percent" and direction == "down" and _drop_that_erased(root) \
            and _companies(subject, article.entities):
        metric = "share price"  # "a 9% drop in September that erased $279 billion in value": its stock's
    return Claim(
        id=claim_id(article.article_id, q.start, q.end),
        article_id=article.article_id,
        start=q.start,
        end=q.end,
        text=text[q.start:q.end],
        sentence=Span(text=text[low:high], start=low, end=high),
        value=value,
        unit=unit,
        stated_value=stated[0] if stated else None,
        stated_unit=stated[1] if stated else None,
        hedge=hedge,  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        change=change_label(hedge, direction, source),  # type: ignore[arg-type]
        bounds=bounds,
        subject=subject,
        metric=metric,
        frame=frame,
        date=date,
        date_source=date_source,  # type: ignore[arg-type]
        weekday=weekday,  # type: ignore[arg-type]
    )


# The session before the one a sentence dates, named right before a figure ("building on the
# previous session's slump of about 33%", "after the day before's 9% drop").
PREVIOUS_SESSION_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:previous|prior|preceding)\s+(?:session|day|trading\s+day)(?:['’]s)?|the\s+day\s+before(?:['’]s)?)"
    r"(?:\s+[\w-]+){0,4}\s*\Z", re.I)


def _session_before(date: str | None, text: str, sentence_start: int, start: int) -> str | None:
    """The trading day before ``date`` when the words before the figure say it is the previous
    session's (a Monday's is the Friday before), else None."""
    if not date or len(date) != 10 or date.startswith(WEEKDAY_MARK) \
            or not PREVIOUS_SESSION_RE.search(text, max(sentence_start, start - 60), start):
        return None
    previous = _day_before_session(date)
    return previous if previous != date else None


# Sums a story estimates, which no market session frames ("as high as $160 billion" is a bound).
ESTIMATED_METRICS = frozenset({"cost", "damage", "loss", "insured loss", "budget", "fine", "compensation"})
# Prepositions that set an earlier move against the clause's own ("rose 1.4% following a 17% fall").
PRIOR_PREPOSITIONS = frozenset({"following", "after"})
# Dependencies from a figure up to the change noun it is part of, through a relative clause on it
# ("a 17% fall", "a fall of 17%", "a fall that wiped $589bn").
PRIOR_MOVE_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "npadvmod", "dobj", "relcl", "pobj", "prep", "appos"})
# A day named in the words between the preposition and the figure ("after Monday's 3.1% decline"):
# the move's own day, which stands.
OWN_DAY_RE = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|last\s+\w+)\b", re.I)


def _prior_move(root: Token, text: str, start: int) -> bool:
    """The figure is part of an earlier move its clause follows ("Nvidia rose 1.4% following a
    historic 17% fall that wiped $589bn off its value", "rebounded on Tuesday after a 17% plunge")
    that names no day of its own: the session before the clause's."""
    node = root
    for _ in range(7):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in PRIOR_PREPOSITIONS and node.lemma_.lower() in CHANGE_NOUNS:
            phrase_end = max(start, node.right_edge.idx + len(node.right_edge.text))  # ("after a 1.5% fall on Monday")
            return not OWN_DAY_RE.search(text, head.idx, phrase_end)
        if head.i == node.i or node.dep_ not in PRIOR_MOVE_DEPS or node.pos_ in ("VERB", "AUX") and node.dep_ != "relcl":
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = head
    return False


def _day_before_session(date: str) -> str:
    """The trading day before a day (a Monday's is the Friday before), or before a weekday an
    undated page names ("weekday:Tuesday" is "weekday:Monday")."""
    if date.startswith(WEEKDAY_MARK):
        names = sorted(WEEKDAYS, key=WEEKDAYS.get)
        i = WEEKDAYS.get(date[len(WEEKDAY_MARK):].lower())
        return date if i is None else WEEKDAY_MARK + names[4 if i in (0, 5, 6) else i - 1].capitalize()
    try:
        day = dt.date.fromisoformat(date) if len(date) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return date
    day -= dt.timedelta(days=3 if day.weekday() == 0 else 2 if day.weekday() == 6 else 1)
    return day.isoformat()


# Frames at which a market quotes a company's price: "Acme Corp. (ACM) closed at $76.26, down
# $11.24 or 12.8%" is the market-data line of its shares, though it never says "shares".
QUOTED_FRAMES = frozenset({"close", "open"})


def _quoted_price(frame: str | None, unit: str | None, value: float, direction: str | None, subject: list,
                  entities: ArticleEntities) -> bool:
    """A company's closing or opening figure in a currency, or its move in percent: its share
    price (below ``SHARE_PRICE_AT_MOST``: a company does not close at a billion dollars a share)."""
    if frame not in QUOTED_FRAMES or not unit:
        return False
    money = is_currency_code(unit) and value < SHARE_PRICE_AT_MOST
    if not (money or unit == "percent" and direction is not None):
        return False
    return any(_is_organisation(ref.name, entities) for ref in subject)


# How a price quoted per share ends its unit, and the metrics that say "per share" themselves
# (their unit is the currency alone; a dividend's keeps it, apart from a total payout).
PER_SHARE = " per share"
PER_SHARE_METRICS = frozenset({"share price", "earnings per share", "earnings per share forecast"})


def _currency_per_share(unit: str | None) -> bool:
    """A sum of money per share ("USD per share"), not a count per share."""
    return bool(unit) and unit.endswith(PER_SHARE) and is_currency_code(unit[:-len(PER_SHARE)])


def _priced_a_share(unit: str | None, subject: list, entities: ArticleEntities, sentence: str) -> bool:
    """A company's price per share, which no profit or dividend word made earnings or a
    payout ("Monday Close: $118.58 per share"): its share price."""
    return _currency_per_share(unit) and bool(subject) and all(_is_organisation(ref.name, entities) for ref in subject) \
        and not DEAL_OR_RESULTS_RE.search(sentence)


# Words of a sentence whose price per share is a bid, a deal's or a forecast of earnings, not
# where the stock traded ("bid $16.50 per share for Tribune", "expecting $2.52 a share").
DEAL_OR_RESULTS_RE = re.compile(
    r"\b(?:bid|bids|offer\w*|pa(?:y|id|ys|ying)|acqui\w+|buy\w*|bought|deal|takeover|merger|earn\w*|expect\w*|"
    r"estimat\w*|forecast\w*|dividend\w*|profit\w*|loss\w*|payout|EPS|stake)\b", re.I)


# Verbs a company's stock moves by, the company their subject ("Nvidia fell 17%", "saw Acme
# drop by 4%"): what moved is its share price, as when the text says "shares".
STOCK_MOVE_VERBS = MARKET_VERBS | frozenset({
    "plummet", "dive", "dip", "slip", "skid", "crater", "tank", "crash", "nosedive", "rebound", "bounce",
    "rocket", "spike", "leap", "advance", "retreat", "fell", "sank", "slid", "decline", "shed", "sag", "ease",
    "edge", "skyrocket",
})


# Verbs by which a company's value is taken away.
VALUE_LOSS_VERBS = frozenset({"erase", "wipe", "shed", "lose", "slash", "knock", "strip", "vaporize", "vaporise", "destroy"})


# Of those, the verbs that take a sum away from nothing but a value ("on track to erase $195
# billion"): a company's loss or shedding may be a quarter's result, its erasing is not.
ERASING_VERBS = frozenset({"erase", "wipe", "vaporize", "vaporise"})


# Verbs of falling (and shedding): an organisation that falls by a sum of money loses it from
# its market value ("the company dropped around $600 billion"); "lost $2 billion" may be a
# quarter's loss.
FALLING_VERBS = frozenset({
    "drop", "fall", "plunge", "plummet", "tumble", "sink", "slide", "slump", "crash", "tank", "shed",
})


def _company_value_lost(root: Token, verb: Token | None, unit: str | None, direction: str | None,
                        subject: list[EntityRef], entities: ArticleEntities) -> bool:
    """Money a company's value loses: a currency amount taken "in value", "off its value" or
    "from its value" by a loss verb, erased or wiped out with no other owner named, or that an
    organisation falls by ("Acme dropped $60 billion"), said of an organisation: its market value."""
    if verb is None or direction != "down" or not is_currency_code(unit):
        return False
    if verb.lemma_.lower() in FALLING_VERBS and root.head.i == verb.i and any(c.dep_ == "nsubj" for c in verb.children):
        return any(_is_organisation(ref.name, entities) for ref in subject)
    if verb.lemma_.lower() not in VALUE_LOSS_VERBS:
        return False
    preps = [c for c in (*verb.children, *root.children) if c.dep_ == "prep" and c.lower_ in ("in", "off", "from", "of")]
    valued = any(o.dep_ == "pobj" and o.lemma_.lower() == "value" for p in preps for o in p.children) \
        or verb.lemma_.lower() in ERASING_VERBS and not preps  # "putting it on track to erase about $195 billion"
    return valued and any(_is_organisation(ref.name, entities) for ref in subject)


# Nouns of a company whose size an amount before them gives as its market value ("a $2.9
# trillion company", "the $3.4 trillion chipmaker"); not "business" or "group", whose amount
# is as often a year's sales ("its $5 billion cloud business").
VALUED_COMPANY_NOUNS = frozenset({"company", "firm", "giant", "corporation", "conglomerate", "startup", "start-up"})


def _valued_company(root: Token) -> Token | None:
    """The company noun an amount sizes ("a $2.9 trillion company", "the $3.4 trillion
    chipmaker"), else None."""
    head = root.head
    if root.dep_ not in ("nummod", "compound", "amod", "nmod", "quantmod") or head.i <= root.i or head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.lower()
    return head if lemma in VALUED_COMPANY_NOUNS or lemma.endswith("maker") else None


# Nouns of a person's wealth ("a personal fortune worth $3.1 billion", "his fortune of $100bn").
WEALTH_NOUNS = frozenset({"fortune", "wealth"})


def _fortune_of(root: Token) -> Token | None:
    """The noun of a person's wealth the amount is the worth of ("a fortune worth $3.1 billion",
    "a fortune of $100 billion"), else None."""
    head = root.head
    if head.lower_ in ("worth", "of") and head.head.lemma_.lower() in WEALTH_NOUNS:
        return head.head
    return None


def _worth_metric(root: Token, unit: str | None, subject: list[EntityRef], entities: ArticleEntities) -> str | None:
    """What "worth" (or "valued at") an amount is: a person's net worth, a company's market value."""
    valued = root.head.lower_ == "at" and root.head.head.lemma_.lower() == "value" and root.head.head.tag_ == "VBN"
    if not is_currency_code(unit) or not (root.head.lower_ == "worth" or valued) or not subject:
        return None
    if root.head.head.pos_ == "NOUN":
        return None  # "750,000 vehicles worth 38 billion euros": what things are worth, no one's value
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children):
        return None  # "using $5.6 million worth of Nvidia's chips": what the goods are worth
    if any(e.type == "PERSON" and e.id == subject[0].id for e in entities.entities):
        return "net worth"
    return "market value" if _is_organisation(subject[0].name, entities) else None


def _company_moved(verb: Token | None, unit: str | None, direction: str | None, entities: ArticleEntities,
                   root: Token | None = None, subject: list[EntityRef] = ()) -> bool:
    """A percentage move whose verb has a company for its subject ("Nvidia slid 17.4%", "Nvidia
    was down 16%", "Nvidia took the brunt of the selling, down 16%"), not an index ("the
    Nasdaq fell 3%")."""
    if verb is None or unit != "percent" or direction is None:
        return False
    if root is not None and _with_company_moving(root, entities):
        return True  # "tech stocks tanked, with Nvidia down 17%": the company the move word follows
    if verb.lemma_.lower() not in STOCK_MOVE_VERBS and not (root is not None and _moved_by_word(root, verb)) \
            and not (verb.lemma_.lower() == "add" and not any(c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                                              for c in verb.children)):  # "Ryanair added 2.1%"
        return False
    # (the nearest of two subjects: the parser may make both "builder" and "ASML" subjects in
    # "chip machine builder ASML slumped 5.75%")
    for child in sorted(verb.children, key=lambda c: abs(verb.i - c.i)):
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in ("each", "both", "all"):
            if _companies(subject, entities):
                return True  # "Constellation Energy and Vistra, two power plays, each plummeted 15%": the names listed
            continue
        named = next((a for a in child.rights if a.dep_ == "appos" and (
            a.pos_ == "PROPN" or getattr(entities.at(a.idx, a.idx + len(a)), "type", None) == "ORG")), None)
        if child.pos_ == "NOUN" and named is not None:
            child = named  # "OpenAI investor Microsoft is down by 4%": the name the noun stands beside
        elif child.lower_ in ("which", "that") and verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
            child = verb.head  # "Meta Platforms (META), which plummeted 26%": the name it is said of
        if any(d.dep_ == "det" for d in child.children) or child.text[-1:].isdigit():
            return False  # "the Nasdaq fell 3%", "S&P 500": an index is written with "the" or its size
        entity = entities.at(child.idx, child.idx + len(child))
        return entity is not None and entity.type == "ORG" and not INDEX_NAME_RE.match(entity.name) \
            and not {w.casefold() for w in entity.name.split()} & CURRENCY_SUBJECTS  # "Sterling GBP= was down"
    # the parser may hang the verb on the description beside the name ("Alphabet, Google's parent
    # company, dropping over 4 percent"), and a participle has its clause's subject ("Nvidia led
    # a rout, falling 17%"): the company found as the subject moved
    return verb.dep_ in ("acl", "advcl") and _companies(subject, entities)


def _with_company_moving(root: Token, entities: ArticleEntities) -> bool:
    """The figure's move word follows a company that "with" introduces ("…, with Nvidia down
    17%", "with Acme 4% lower"), whatever the parser hung the word on."""
    node = root
    for _ in range(3):
        if node.lower_ in MOVE_WORDS and node.i > 0:
            before = next((t for t in reversed(node.doc[max(0, node.i - 3):node.i]) if not t.like_num and t.text != "%"), None)
            if before is None or before.dep_ != "pobj" or before.head.lower_ != "with":
                return False
            entity = entities.at(before.idx, before.idx + len(before))
            return entity is not None and entity.type == "ORG" and not INDEX_NAME_RE.match(entity.name)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# Verbs whose object is a mark passed or neared, and the hedge they put on it.
BOUND_VERBS = {"surpass": ">", "pass": ">", "top": ">", "exceed": ">", "cross": ">", "near": "~", "approach": "~"}
# A bank's or a company's figures that its customers or the deal itself may be the
# subject of in the sentence ("customers withdrew $42 billion", "a $1.75bn share sale").
BANK_METRICS = frozenset({"withdrawals", "deposits", "share sale"})
# Who keeps money at a bank (singular).
DEPOSITOR_NOUNS = frozenset({"customer", "depositor", "client", "saver", "account holder"})
# Nouns of a shock whose magnitude is given, by the subject all outlets' words for it share.
SHOCK_NOUNS = {"earthquake": "earthquake", "quake": "earthquake", "temblor": "earthquake", "tremor": "earthquake",
               "aftershock": "aftershock"}


# What tells a bare figure in a sentence about a shock is its magnitude: "measuring" before it
# (maybe after another figure it is listed with), or the scale after it.
MEASURING_BEFORE_RE = re.compile(r"\bmeasur(?:ing|ed)\s+(?:(?:about|around|some|nearly)\s+)?"
                                 r"(?:\d+(?:\.\d+)?,?\s+(?:and|or|to)\s+)?\Z", re.I)
RICHTER_AFTER_RE = re.compile(r"\s+on\s+the\s+Richter(?:\s+scale)?\b", re.I)
# The highest magnitude a figure can be.
MAGNITUDE_AT_MOST = 10


def _measured_shock(q: Quantity, unit: str | None, text: str, sent: SpacySpan) -> bool:
    """A figure the sentence gives as a shock's magnitude without the word ("an earthquake
    measuring 7.7 on the Richter scale", "two aftershocks, measuring 4.9 and 6.7"); its unit
    is none, or a shock noun borrowed from a count beside it ("two significant aftershocks")."""
    if not (unit is None or unit.split()[-1] in SHOCK_NOUNS) or not 0 < q.value < MAGNITUDE_AT_MOST:
        return False
    if RICHTER_AFTER_RE.match(text, q.end):
        return True  # "measured it at 7 on the Richter scale": the scale is a shock's, named or not
    if not MEASURING_BEFORE_RE.search(text, max(0, q.start - 40), q.start):
        return False
    return any(t.lemma_.lower() in SHOCK_NOUNS or t.lower_ in SHOCK_NOUNS for t in sent)


def _shaken_by(sent: SpacySpan, root: Token) -> list[EntityRef]:
    """The subject of a magnitude: the shock the sentence names nearest to the figure ("a
    7.8-magnitude quake", "an earthquake of magnitude 7.8", "the largest aftershock, a
    magnitude 6.7"), as "earthquake" or "aftershock" whatever word the outlet uses; none
    when the sentence names no shock."""
    shocks = [t for t in sent if t.lemma_.lower() in SHOCK_NOUNS or t.lower_ in SHOCK_NOUNS]
    if not shocks:
        return []
    nearest = min(shocks, key=lambda t: abs(t.i - root.i))
    return [thing_ref(SHOCK_NOUNS.get(nearest.lemma_.lower()) or SHOCK_NOUNS[nearest.lower_])]


def _lost_in_a_day(verb: Token | None, unit: str | None, direction: str | None, subject: list[EntityRef],
                   entities: ArticleEntities, date: str | None, date_source: str | None, weekday: str | None) -> bool:
    """A company that lost or shed a sum on one day the text names ("Nvidia lost $589 billion on
    Monday"): its market value, since a result (a loss) is of a quarter or a year, never a day."""
    if verb is None or verb.lemma_.lower() not in ("lose", "shed") or direction != "down" \
            or not (unit and is_currency_code(unit)) or not subject:
        return False
    one_day = weekday is not None or date is not None and len(date) == 10 and date_source == "text"
    return one_day and _companies(subject, entities)


# Words of a company's market value in a sentence: a company's loss of money there is of its
# market value, not a result (outlets write "a $589 billion loss" and "lost $589 billion in
# market value" for one fact).
MARKET_VALUE_WORDS_RE = re.compile(r"\bmarket\s+(?:value|cap|capitali[sz]ation)\b|\bvaluation\b", re.I)
# Words of a company's shares, and of one day's trading: a sum lost by a company whose shares
# fell, in one day, is its market value ("its share value dropped 17%, a loss of $589 billion in
# a single day").
SHARE_WORDS_RE = re.compile(r"\b(?:shares?|stocks?|share (?:value|price))\b", re.I)
ONE_DAY_RE = re.compile(r"\b(?:in (?:a single|one|a) (?:day|session)|(?:single|one)[- ](?:day|session)|on the day)\b", re.I)
# Words of a company's reported result, whose loss is one whatever else the sentence says.
RESULT_WORDS_RE = re.compile(r"\b(?:quarter(?:ly)?|fiscal|annual|year|half|net|operating|pre-?tax|posted|posts|reported"
                             r"|reports|booked|books)\b", re.I)


def _lost_in_a_period(verb: Token | None, root: Token, unit: str | None, direction: str | None, frame: str | None,
                      subject: list[EntityRef], entities: ArticleEntities) -> bool:
    """A sum a company lost in a quarter or a year ("Acme lost $6 billion in the third quarter",
    "a loss of $6.2 billion for the third quarter", "a $6.1 billion third-quarter loss"): the
    result it reports, a level as "a quarterly loss of $6 billion" is, not a move of anything."""
    if frame != "period" or direction != "down" or not (unit and is_currency_code(unit)) or not subject:
        return False
    lost = verb is not None and verb.lemma_.lower() == "lose" and root.dep_ == "dobj" and root.head.i == verb.i
    change = _change_noun_of(root)
    return (lost or change is not None and change.lemma_.lower() == "loss") and _companies(subject, entities)


def _drop_that_erased(root: Token) -> bool:
    """The percentage is on a change noun whose clause erased or wiped out a sum ("a 9% drop
    in September that erased $279 billion in value"): a market's move."""
    change = _change_noun_of(root)
    return change is not None and any(c.dep_ == "relcl" and c.lemma_.lower() in VALUE_LOSS_VERBS for c in change.children)


def _change_noun_of(root: Token) -> Token | None:
    """The change noun a figure modifies or is "of" ("a 9% drop", "Nvidia's 17 percent plunge",
    "a drop of over 9%"), or None."""
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.lemma_.lower() in CHANGE_NOUNS:
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CHANGE_NOUNS:
        return root.head.head
    return None


def _moved_in_a_session(frame: str | None, unit: str | None, direction: str | None, subject: list[EntityRef],
                        entities: ArticleEntities) -> bool:
    """A company's percentage move in a trading session ("the Santa Clara, California-based
    firm slid more than 10% in premarket trading"): its stock's, whatever the parse made of
    the subject."""
    return frame in SESSION_FRAMES and unit == "percent" and direction is not None and _companies(subject, entities)


# Verbs whose subject undergoes the change that is their object ("Nvidia suffered a 17%
# drop", "saw a 9% decline", "posted a 4% gain").
UNDERGOING_VERBS = frozenset({"suffer", "see", "post", "record", "log", "experience", "endure", "register", "notch",
                              "book", "extend", "mark"})


def _company_change(root: Token, unit: str | None, direction: str | None, entities: ArticleEntities) -> LocalEntity | None:
    """The company whose change noun a percentage is on ("Nvidia's 17 percent plunge", "a 9%
    drop for Nvidia", "a 4% gain at Intel"): its stock's move, as "Nvidia plunged 17%" is
    (not an index's: "the Nasdaq's 3% fall"); None when there is none."""
    change = _change_noun_of(root)
    if unit != "percent" or direction is None or change is None:
        return None
    owners = [c for c in change.children if c.dep_ == "poss"] + [
        o for prep in change.children if prep.dep_ == "prep" and prep.lower_ in ("for", "at", "in")
        for o in prep.children if o.dep_ == "pobj"]
    if change.dep_ == "dobj" and change.head.lemma_.lower() in UNDERGOING_VERBS:  # "Nvidia suffered a 17% drop"
        owners += [c for c in change.head.children if c.dep_ == "nsubj"]
    for owner in owners:
        entity = entities.at(owner.idx, owner.idx + len(owner))
        if entity is not None and entity.type == "ORG" and not INDEX_NAME_RE.match(entity.name):
            return entity
    return None


# Words that carry a move's figure without a verb of moving ("down 16%", "up 3% on the day").
MOVE_WORDS = frozenset({"down", "up", "off", "higher", "lower"})


def _moved_by_word(root: Token, verb: Token) -> bool:
    """The figure hangs on "down", "up", "off" … that hangs on the clause's verb, or on a
    "be" that has one ("Microsoft is down by 4%")."""
    if verb.lemma_ == "be" and any(c.lower_ in MOVE_WORDS and c.dep_ in ("advmod", "prt", "acomp") for c in verb.children):
        return True
    node = root
    for _ in range(3):
        if node.head.i == node.i:
            return False
        if node.head.lower_ in MOVE_WORDS and node.head.head.i == verb.i:
            return True
        node = node.head
    return False


def _loss_is_the_move(verb: Token | None, span: SpacySpan, source: str | None) -> bool:
    """The percentage is a loss's own size, not the change of a loss a verb moves ("its losses
    narrowed 20%": the losses are the subject of the verb that says the direction)."""
    subj = _clause_subject(verb, span) if verb is not None and source == "verb" else None
    return subj is None or subj.lemma_.lower() not in ("loss", "deficit")


# Counts of a disaster's victims, which are never a named person's figure.
TOLL_METRICS = frozenset({"dead", "missing", "injured", "trapped", "hospitalised"})


def _companies(subject: list[EntityRef], entities: ArticleEntities) -> bool:
    """The subjects are all companies the article names, none an index ("the Nasdaq")."""
    return bool(subject) and all(_is_organisation(r.name, entities) and not INDEX_NAME_RE.match(r.name) for r in subject)


def _is_event(name: str, entities: ArticleEntities) -> bool:
    """The subject names one of the article's events (a storm, a festival, an attack), by its
    type or by the disaster its name ends in ("the Eaton Fire", which the model calls a facility)."""
    entity = entities.by_name(name)
    words = name.split()
    return entity is not None and (entity.type == "EVENT" or len(words) >= 2 and words[-1].casefold() in DISASTER_NOUNS)


# Last words of a named disaster ("the Eaton Fire", "the Maui wildfire", "the Noto earthquake").
DISASTER_NOUNS = frozenset({"fire", "fires", "wildfire", "wildfires", "blaze", "flood", "floods", "flooding", "earthquake",
                            "quake", "tsunami", "landslide", "mudslide", "eruption", "storm", "hurricane", "typhoon",
                            "cyclone", "tornado", "explosion", "blast", "collapse", "crash", "disaster", "attack",
                            "bombing", "shooting", "stampede", "crush"})


def _is_organisation(name: str, entities: ArticleEntities) -> bool:
    """The subject names one of the article's organisations, maybe without its legal form
    ("Facebook" for "Facebook, Inc.")."""
    if (entity := entities.by_name(name)) is not None:
        return entity.type == "ORG"
    key = entity_key(name)
    return bool(key) and any(e.type == "ORG" and entity_key(e.name).startswith(key) for e in entities.entities)


def counts_people(unit: str | None, metric: str | None) -> bool:
    """A count of people, whatever noun counts them ("43 victims", "38 lives", "170 million
    Americans", "the toll rose to 43", a headline's "6 Missing Workers"): one unit, so that
    outlets counting the same dead in other words state one fact. A rate is none ("$250,000 per
    person" is a price)."""
    return unit != PERSON and (unit is not None and " per " not in unit and counts_people_by(unit.split()[-1])
                               or (unit is None and metric in PEOPLE_COUNT_METRICS)
                               or (metric == "users" and (unit is None or unit.split()[-1] in USER_NOUNS)))


# The unit of every count of people; the noun the text counts with stays in ``stated_unit``
# and, unless someone owns the count, is its subject.
PERSON = "person"
# Metrics of counts of people (see ``metric``).
PEOPLE_COUNT_METRICS = frozenset({
    "dead", "missing", "trapped", "injured", "hospitalised", "rescued", "rescuers", "displaced", "evacuated", "arrested", "voters",
    "attendance", "audience", "on board", "on strike",
})
# Metrics of what befell things: states, whose verbs ("destroyed", "damaged") say no change.
STATE_COUNT_METRICS = frozenset({"destroyed", "damaged"})
# Nouns that count the people who use a service ("2.23 billion monthly users").
USER_NOUNS = frozenset({"user", "users", "subscriber", "subscribers", "customer", "customers"})
# Figures that are the news of one day: a market's (with any move), a toll's. A state such
# as a headcount is not of the day an earlier sentence tells of.
DAY_NEWS_METRICS = MARKET_METRICS | PEOPLE_COUNT_METRICS | {OUTAGE_METRIC}
# Units of a thing's dimensions: a bridge's length, a tower's storeys hold on no particular day.
UNDATED_UNITS = frozenset({"metre", "kilogram", "square metre", "litre", STOREY})
# After a span of time, words that put what the sentence tells before its day ("One day
# before, Acme lost $200bn", "two weeks earlier").
EARLIER_AFTER_RE = re.compile(r"\s+(?:before|earlier|prior|ago)\b", re.I)
# A span of time that places another event ("one day before", "two years later", "a week
# earlier"): a when, which is about nothing and measures nothing of the clause.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
RELATIVE_TIME_AFTER_RE = re.compile(r"\s+(?:before|after|earlier|later|prior|ago|afterwards?|on)\b(?!\s+(?:the\s+)?(?:\d|%s))" % "|".join(
    WEEKDAYS), re.I)


def _days_until(day: str | None, published: str | None) -> int:
    """How many days ``day`` is before the publication date; 0 when either is unknown or no single day."""
    try:
        return (dt.date.fromisoformat((published or "")[:10]) - dt.date.fromisoformat(day or "")).days
    except ValueError:
        return 0


def _told_as_of_now(verb: Token | None) -> bool:
    """The figure's verb is in the present or the present perfect ("are missing", "have been
    confirmed dead", "has risen to"): a count as the story stands, not of a day told before."""
    if verb is None:
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                              for c in verb.children)


def _default_day(pos: int, unit: str | None, metric: str | None, frame: str | None,
                 article: ArticleFacts, carried: str | None = None,
                 moved: bool = False) -> tuple[str | None, str | None]:
    """The day of a figure whose sentence gives none: for the news of a day (a move or the
    level it moved to, a market's figure, a toll) the day its paragraph was about (``carried``, see
    ``_carried_date``), else for a session's move the day the story's lead told of
    (``_lead_day``: a report of the morning after), else the day it was reported (the news
    of the day: a toll, a move, a count), which is the publication date. A headline or bullet
    of anything but a count of people gets none (a market headline's day is the story's,
    which may be the day before). A dimension holds on no particular day; without a known
    publication date no day is guessed ("Monday" alone stays unresolved). A figure of a period
    ("revenue for the quarter", "gains for the year") is of that period, not of the day it was
    reported, so it gets none either; nor do a company's results (revenue, profit, users),
    which are of the quarter or year they cover whether or not the sentence says so, nor a
    price tag ("the $11.4 million bridge": what a thing costs holds on no day of its own;
    see ``metric.price_tag``). Returns the day and where it came from (``Claim.date_source``)."""
    if unit in UNDATED_UNITS or frame == "period" or metric in PERIOD_METRICS:
        return None, None
    if metric not in PEOPLE_COUNT_METRICS and _is_heading(article.text, pos):
        return None, None  # a headline or summary bullet of a move: its day is the story's, which it does not say
    if carried is not None and (moved or metric in DAY_NEWS_METRICS):
        return carried, "paragraph"
    if article.lead_day is not None and metric in MARKET_METRICS and frame in LEAD_DAY_FRAMES \
            and (article.published is None or article.lead_day < article.published[:10]):
        # a session's moves ("finished down 17.4%"); not a toll ("rose to 39" is the day it was
        # reported), nor a move of the morning the report came out ("rose 2% in early trading")
        return article.lead_day, "lead"
    if article.published is None:
        return None, None
    return article.published[:10], "published"


# Frames of a move the lead's day holds for: the session's close (said or not).
LEAD_DAY_FRAMES = frozenset({None, "close"})


def _is_heading(text: str, pos: int) -> bool:
    """The line at ``pos`` is a headline or a bullet: short, without a sentence's final stop."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end].strip()
    return len(line.split()) <= 15 and not re.search(r"[.!?\"”’]\s*\Z", line)
