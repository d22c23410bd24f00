"""What a quantity is about, read from the clause that states it and resolved to an entity.

In order:

1. **Counts of people** ("six workers", "two bodies", "43 victims") have the counted
   noun as their subject, as written ("workers"), every time; unless an owner holds
   them ("Facebook's 2.23 billion users", "Facebook had 2.23 billion users"). "two from
   Albania" is about Albania.
   A share of a **tally** ("voted 52% to 48% to leave") goes to its side, a share in a
   results line ("No 55.3% Yes 44.7%") to its label; a **measure** right before a named
   structure ("the 45-meter-high (150-foot) Morandi Bridge") or of a drop ("to the ground
   50 metres below") is the structure's.
2. **The noun phrase the amount belongs to**: its possessor ("Nvidia's $593bn loss"),
   the owner of a change noun ("the 19% loss in Facebook's stock"), the group of a
   share ("52% of Scots"), the noun a measure describes ("the 45-metre high Morandi
   Bridge", "a 200-metre section of the bridge"), a name the amount stands beside
   ("England (53.4 per cent)") or follows alone in a parenthesis ("trails Apple ($3.46tn)
   and Microsoft": Apple's only). A capitalised English word of a title-case headline
   ("Record $19 Billion Gain") is a word there, not a name that owns the figure.
3. For verbs that move an amount from an owner ("chopped $119 billion off its market
   value") the owner.
4. **The subject of the clause** (inherited through conjoined and subordinate clauses),
   but not for a level the clause raises ("bringing the death toll to 43") or a cost
   borne by its object ("would cost it $10 billion"), and not a forecaster ("analysts
   expected 2.25 billion": the figure before's); a dative or object holder ("gave the
   Leave campaign 52 percent").

Each noun phrase resolves: an entity at its head (or conjuncts); a metric noun ("shares",
"market value", "turnout") to its owner ("Facebook's shares", "shares of Meta",
"turnout in the referendum") or, for a company's metrics, to the article's salient
organisation; a pronoun or description ("its", "the company", "the social network") to
the entity it refers back to, else the salient organisation; a headline name that runs
into the headline's verb ("Zuckerberg Loses", "Facebook Stock Plunges") to the name
before the verb; a proper noun the entity recogniser missed to itself; and a common
noun ("Brent crude") to itself, a structure ("the viaduct") to the one the article
names, a turnout to the vote ("referendum"), a currency ("Sterling", "the pound") to its
ISO 4217 name. A verbless clause ("with Brent crude down 5.2%") has its own subject; a
side named right before its share ("to Remain's 48.1%", '"Remain" took 48 percent') holds it. A subject that is not an
entity of the article gets the id an entity of that name would have, so that the same
thing in two articles has one id.

The salient organisation is the organisation named most often (the first paragraph and
a title kept apart from the text count double), counting proper nouns in company positions ("Facebook shares", "X's stock",
"X fell 19%") that the entity recogniser missed.

The parts live beside this module: ``subject_context`` (the article and the clause),
``subject_phrases`` (noun phrases, owners, pronouns, descriptions), ``subject_structures``
(the structure "the viaduct" or "the deck" is), ``subject_counts`` (counts of people),
``subject_votes`` (shares of a vote or a group: tallies, sides, results lines) and
``subject_names`` (names, ids and the salient organisation, which a title kept apart from
the text also names).
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token


from extractor.extract.lexicon import (
    CHANGE_NOUNS, FINE_VERB_FORMS, GENERIC_ACRONYMS, OWNED_METRIC_NOUNS, PART_NOUNS, PRECIPITATION_RE,
    SENTENCE_VERB_FORMS, SUBJECTLESS_NOUNS, english_words,
)
from extractor.extract.quantities.units import match_unit
from extractor.extract.quantities.subject_context import (
    SubjectContext, _clause_subject, a_day, gapped_name, gapped_subject, misattached_move, misread_move, verb_of,
)
from extractor.extract.quantities.subject_counts import _count_subject, holder_of_count
from extractor.extract.quantities.subject_names import (
    SUBJECT_TYPES, common_name, currency_name, entity_named, entity_ref, thing_ref,
)
from extractor.extract.quantities.subject_phrases import (
    NOT_SUBJECT_NOUNS, company_entity, ROLE_NOUNS, _in_dateline, _is_person, _organisation_at, _owner_of,
    relative_clause_of_one, resolve_np, structure_ref, structure_subject,
)
from extractor.extract.quantities.subject_structures import STRUCTURE_NOUNS, structure_after
from extractor.extract.quantities.subject_votes import (
    _named_beside, _share_of, as_side, labelled_item, results_label, tally_side, voted_side)
from extractor.extract.quantities.tokens import hyphenated_word
from extractor.ingest.titles import in_title_case
from extractor.models import EntityRef

# Verbs that move an amount from or to an owner ("wiping $593bn from X's market value").
TRANSFER_VERBS = frozenset({
    "wipe", "erase", "shave", "knock", "strip", "lop", "slash", "take", "add", "remove", "chop",
    "vaporize", "vaporise", "evaporate", "destroy", "obliterate", "trim", "slice", "drain", "cut",
})
# Verbs of falling: the distance of a fall is the height of what things fell from.
FALL_VERBS = frozenset({"plunge", "plummet", "fall", "drop", "tumble", "crash", "hurtle", "topple"})
# After a height that things fell: "to the ground 50 metres (165 feet) below".
DROP_AFTER_RE = re.compile(r"\)?\s*(?:\([^()]{0,24}\)\s*)?(?:below|down)\b")
# Who forecasts a figure: what they expected is about the thing of the figure before.
FORECASTER_NOUNS = frozenset({"analyst", "economist", "expert", "forecaster", "strategist"})
# How far back (characters) a forecast may refer to the subject of an earlier claim.
LAST_SUBJECT_WINDOW = 600
# Headlines and summary bullets are telegraphic ("$593bn wiped off Acme shares"): when
# the parse names no subject, the one organisation or person in so short a line is it.
TELEGRAPHIC_MAX_WORDS = 15
# A company's metrics: with no owner named, the salient organisation's.
COMPANY_METRIC_NOUNS = frozenset({"share", "stock", "value", "valuation", "cap", "capitalisation", "capitalization",
                                  "revenue", "sale", "profit", "earnings", "expense", "user"})
COMPANY_METRIC_RE = re.compile(r"\b(?:shares?|stocks?|market (?:value|cap\w*)|revenues?|sales|profits?|earnings|expenses|"
                               r"users|per share|quarter|expect\w*|forecasts?|consensus)\b", re.I)
# A subject's name starts with a letter ("000c" from a garbled page names nothing).
NAME_START_RE = re.compile(r"[^\W\d_]")
# "trails Apple ($3.46 trillion) and Microsoft", "records set by Meta in 2022 ($232 billion)":
# a figure alone in a parenthesis right after a name (and the year it held) is that name's.
NAME_THEN_PAREN_RE = re.compile(r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?:\s+in\s+(?:19|20)\d\d)?\s*\(\s*\Z")
PAREN_CLOSE_RE = re.compile(r"\s*\)")
# A place after these is where a figure holds, not whose it is ("sales in Japan (¥3bn)").
PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|from|to|across|throughout|within|inside|outside)\s+(?:the\s+)?\Z", re.I)


def _relative_subject(noun: Token) -> Token | None:
    """The named subject of a relative clause on the noun ("the drop (that) Nvidia
    encountered in September"), else None."""
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN":
            return subject
    return None


# Verbs that take value away from what the amount is "of" ("erases $600bn of Acme").
ERASING_VERBS = frozenset({"erase", "wipe", "shave", "knock", "strip", "lop", "chop", "shed"})


def _without_counted_conjuncts(head: Token, found: list[EntityRef], ctx: SubjectContext) -> list[EntityRef]:
    """A number counts its own noun, not the nouns listed with it that have numbers of their
    own ("323 Egyptians and 60 Jordanians": 323 are the Egyptians)."""
    counted_apart = set()
    for conj in head.conjuncts:
        if any(c.dep_ == "nummod" for c in conj.children):
            e = ctx.entities.at(conj.idx, conj.idx + len(conj))
            if e is not None:
                counted_apart.add(e.id)
    own = [r for r in found if r.id not in counted_apart]
    return own or found


def _belongs_to(root: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """The subject named by the noun phrase the amount belongs to."""
    doc = root.doc
    if span.start >= 2 and (doc[span.start - 2].pos_ == "PROPN" or doc[span.start - 2].text[:1].isupper()) \
            and (doc[span.start - 1].lower_ in ("'s", "’s") or doc[span.start - 1].text in ("'", "’")
                 and doc[span.start - 2].lower_.endswith("s") and not doc[span.start - 2].whitespace_):
        # "United's 649, American's 408 and Southwest's 234": the name whose possessive the
        # figure follows, however the parser hung the list (it may hang "United" on the 234);
        # a plural's too, whose curly apostrophe the model reads as a closing quote ("the
        # Liberal Democrats’ 12% vote share")
        owner = doc[span.start - 2]
        named = ctx.entities.at(owner.idx, owner.idx + len(owner))
        found = [] if a_day(owner) else \
            [entity_ref(ctx, named)] if named is not None else resolve_np(owner, ctx, sent_root_subject)
        if found:
            return found  # (the name itself, whatever its type: "Southwest's 234" read as a place)
    for child in root.children:  # "to Remain's 48.1%"
        if child.dep_ == "poss" and not a_day(child):
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    if (moved := misattached_move(span, root)) is not None:
        # "Tokyo Electron dived 15.8 per cent and Mitsubishi UFJ lost 18.4 per cent": the
        # figure right after a verb of change is its subject's, however the parser hung it
        mover = next((c for c in moved.children if c.dep_ == "nsubj"), None)
        if mover is not None and (found := resolve_np(mover, ctx, sent_root_subject)):
            return found
    if (gapped := gapped_name(span)) is not None and (found := resolve_np(gapped, ctx, sent_root_subject)):
        return found  # "the Nasdaq Composite 2% and the Dow Jones Industrial Average 1.6%"
    node = root
    for _ in range(5):
        if node.head.i == node.i:
            return []
        dep, head = node.dep_, node.head
        if dep == "appos" and head.pos_ == "PROPN":  # "England (53.4 per cent)"
            return resolve_np(head, ctx, sent_root_subject)
        if dep == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in OWNED_METRIC_NOUNS \
                and any(c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in head.children) \
                and (found := resolve_np(head, ctx, sent_root_subject)):
            return found  # "a drop in Nvidia's market valuation—nearly $600 billion", "the UKIP vote share
            # (12.6%)": the owner it names (not the story's company for "targeting revenue $6 billion")
        if dep in ("nummod", "compound", "quantmod", "amod", "npadvmod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
            if dep == "npadvmod" and head.pos_ == "NOUN" and misread_move(head):  # "the Nasdaq dove nearly 6%"
                mover = next(c for c in head.children if c.dep_ == "nsubj")
                return resolve_np(mover, ctx, sent_root_subject)
            if dep == "nummod" and head.dep_ == "compound" and head.tag_ == "NN" and head.head.tag_ == "NNS" \
                    and head.head.i > head.i and node.i + 1 < len(node.doc) and node.nbor().text not in ("-", "–") \
                    and not match_unit(head.text, 0):
                head = head.head  # "11 league appearances" counts appearances
            if head.lemma_.lower() in NOT_SUBJECT_NOUNS:
                return []  # "the $13.3 billion Wall Street consensus": a forecast, not Wall Street's
            if gapped_subject(node) is not None:
                return resolve_np(head, ctx, sent_root_subject)  # "carjackings dropped 24% and robberies 12%"
            worded = head.pos_ == "PROPN" and _title_case_word(head, ctx)  # "Record $19 Billion Gain" in a
            # title-case headline: words, read as the nouns they are ("Loss for Nvidia"), owned by a name only
            if head.pos_ == "PROPN" and not worded \
                    or (head.i > span.end - 1 and ctx.entities.at(head.idx, head.idx + len(head))):
                found = resolve_np(head, ctx, sent_root_subject)  # "the 45-metre high Morandi Bridge"
                return _without_counted_conjuncts(head, found, ctx) if dep == "nummod" else found
            word = hyphenated_word(head) or head.lower_  # "a $1 trillion sell-off": the whole word
            measure = dep == "compound" and node.i == root.i and _hyphenated_measure(root)
            if measure and head.dep_ == "appos" and head.head.pos_ == "PROPN" \
                    and (found := resolve_np(head.head, ctx, sent_root_subject)):
                return found  # "the Dali, a 984-foot cargo ship": the ship named
            if head.lower_ in STRUCTURE_NOUNS or head.lemma_.lower() in STRUCTURE_NOUNS:
                found = structure_subject(head, ctx)  # "the $11.4 million bridge", "the 950-ton span"
                if found:
                    return found
            owner = _owner_of(head, ctx, sent_root_subject, ("of", "in", "at") if word in (*CHANGE_NOUNS, *PART_NOUNS, *OWNED_METRIC_NOUNS) else (),
                              compounds=not (dep == "nummod" and head.tag_ == "NNS"  # "four league games": games, not the league's
                                             or measure and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)))
            # ("a 984-foot cargo ship" is a ship, not the cargo's; "a 300-metre Maersk ship" is Maersk's)
            if not owner and word in CHANGE_NOUNS:  # "a 16.9% fall for Kelmont" (not "a 3% gain for the year")
                owner = [r for r in _owner_of(head, ctx, sent_root_subject, ("for",)) if _named_in_article(r, ctx)]
            if not owner and word in CHANGE_NOUNS and (sufferer := _relative_subject(head)) is not None:
                owner = resolve_np(sufferer, ctx, sent_root_subject)  # "the $279 billion drop Nvidia suffered"
            if worded:
                owner = [r for r in owner if _named_in_article(r, ctx)]
            owner = [r for r in owner if r.name.casefold() not in span.text.casefold()]  # (not the figure's own
            # "197bn", which the tagger made a noun compounded with "increase")
            if owner:
                return owner
            if measure and head.pos_ == "NOUN":  # "a 984-foot cargo ship", "a 250-mile tornado hit": the thing measured
                return [thing_ref(" ".join(t.lower_ for t in head.doc[root.i + 1:head.i + 1]))]
            if head.lower_ in PART_NOUNS or word in CHANGE_NOUNS or head.lower_ in OWNED_METRIC_NOUNS:
                return []
            if head.pos_ == "NOUN" and head.lemma_.lower() not in SUBJECTLESS_NOUNS and root.doc[span.end - 1].i < head.i \
                    and not any(c.dep_ == "dobj" for c in head.children):  # "spent $5.6m training its model": an act
                if dep == "nummod" and (held := holder_of_count(head, span, ctx, sent_root_subject)):
                    return held  # "Labour won 412 seats": the party's, not any 412 seats
                in_figure = any(span.start <= c.i < span.end for c in head.children if c.dep_ == "compound")
                return [thing_ref(head.lower_ if in_figure else common_name(head))]  # "the $11.4 million bridge", "a 1,200-tonne crane"
            return []
        if dep == "pobj" and head.lower_ == "of" and node.i == span.root.i:
            # "52% of Scots", "10 per cent of his stake": the group or the owner of the whole
            for obj in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"):
                for o in obj.children:
                    if o.dep_ == "pobj":
                        return resolve_np(o, ctx, sent_root_subject)
            return []
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            noun = head.head
            if head.lower_ == "of" and (noun.lower_ in OWNED_METRIC_NOUNS or noun.lemma_.lower() in OWNED_METRIC_NOUNS):
                return _owner_of(noun, ctx, sent_root_subject, ("at", "in"))  # "a market value of $3tn"
            return []
        if dep in ("pobj", "prep"):
            node = head
            continue
        return []
    return []


def _hyphenated_measure(unit: Token) -> bool:
    """A figure and its unit written as one adjective before a noun ("a 984-foot ship", "the
    300-metre vessel"): the unit a compound of the noun, the number hyphened to it."""
    doc = unit.doc
    return unit.i >= 2 and doc[unit.i - 1].text in ("-", "–") and doc[unit.i - 2].like_num and unit.pos_ == "NOUN" \
        and unit.head.lemma_.lower() not in CHANGE_NOUNS  # (not "the 25-bp decrease": a change, whose owner is named elsewhere)


def _title_case_word(token: Token, ctx: SubjectContext) -> bool:
    """An English word capitalised only because its line is in title case (no entity there)."""
    if ctx.entities.at(token.idx, token.idx + len(token)) is not None or token.lower_ not in english_words():
        return False
    line = token.sent.text.rstrip()
    return not line.endswith((".", "!", "?", '"', "”")) and in_title_case(line)  # a sentence full of names is no headline


def subject_refs(root: Token, span: SpacySpan, ctx: SubjectContext, verb: Token | None,
                 sent_root_subject: Token | None, unit: str | None) -> list[EntityRef]:
    """The subjects of the quantity at ``span`` (see the module docstring)."""
    own_words = {w.casefold() for w in re.findall(r"[^\W\d_]+", span.text)}
    found = [r for r in _find_subject(root, span, ctx, verb, sent_root_subject, unit)
             if NAME_START_RE.match(r.name) and r.name.casefold() not in own_words  # not "Rs", "lakh" of "Rs 4.5 lakh"
             and r.name not in GENERIC_ACRONYMS]  # nor "AI" of "AI infrastructure stocks tumbled 20%"
    # A currency goes by its ISO 4217 name even when the model took it for an entity ("Sterling").
    found = [thing_ref(r.name) if currency_name(r.name) else r for r in found]
    if unit == "percent":
        found = as_side(found, ctx)
    if found and _may_be_it(found[0], ctx):
        ctx.last = (span.start_char, found[0])
    return found


def _may_be_it(ref: EntityRef, ctx: SubjectContext) -> bool:
    """What "it" can refer back to: not a person, not a plural thing ("companies")."""
    if ref.name.islower() and ref.name.endswith("s"):
        return False
    return not any(e.type == "PERSON" and e.id == ref.id for e in ctx.entities.entities)


def _find_subject(root: Token, span: SpacySpan, ctx: SubjectContext, verb: Token | None,
                  sent_root_subject: Token | None, unit: str | None) -> list[EntityRef]:
    counted = _count_subject(root, span, ctx, verb, sent_root_subject) if not (unit and unit.isupper()) and unit not in ("percent", "percentage point") else None
    if counted is not None:
        return counted
    if unit in (None, "person") and root.dep_ == "pobj" and root.head.lower_ == "of" \
            and root.head.head.lemma_.lower() == "toll":
        return []  # "down from their previous toll of 115": a toll names what it counts, not who keeps it
        # (but "its user count of 2.23 billion" is the company's)
    if unit == "percent":
        found = voted_side(span, ctx)
        if found:
            return found
        subj = _clause_subject(verb, span) if verb is not None else None
        found = tally_side(span, ctx, resolve_np(subj, ctx, sent_root_subject) if subj is not None else [])
        if found is not None:
            return found
        found = results_label(span, ctx)
        if found:
            return found
    if unit in ("percent", "percentage point") and (found := _named_beside(span, ctx) or _share_of(root, span, ctx, sent_root_subject)):
        return found
    if unit and unit.islower() and unit not in ("percent", "percentage point", "person"):
        named = structure_after(span.end_char, ctx.text, ctx.structures[0])
        if named is not None:
            return [structure_ref(ctx, named)]  # "the 45-meter-high (150-foot) Morandi Bridge"
    if unit == "metre" and ((verb is not None and verb.lemma_.lower() in FALL_VERBS) or DROP_AFTER_RE.match(ctx.text, span.end_char)):
        found = _structure_in_sentence(span, ctx)  # "plunging vehicles to the ground 50 metres below"
        if found:
            return found
    if unit == "metre" and (fallen := PRECIPITATION_RE.match(ctx.text, span.end_char)):
        return [thing_ref(fallen.group("stuff").lower())]  # "140 mm (5.5 inches) of rain": the rain's
    if unit in MEASURED_UNITS and (found := _measured_stuff(root, ctx, sent_root_subject)):
        return found  # "1.8 million gallons of fuel", "50,000 tons of steel": what is measured
    found = (labelled_item(span, ctx) or _named_before_parenthesis(span, ctx) or _fined_party(root, span, verb, ctx) or _set_by(root, ctx)
             or _named_before_with(root, ctx)
             or _belongs_to(root, span, ctx, sent_root_subject)
             or _named_right_before_move(span, verb, ctx)
             or _small_clause_subject(root, span, verb, ctx, sent_root_subject)
             or _absolute_subject(verb, ctx) or _named_with_move(span, ctx))
    if found:
        return found
    if unit == "metre" and verb is not None and verb.lemma_.lower() in FALL_VERBS and verb.head.i != verb.i:
        # "The bridge collapsed, sending cars plunging 45 metres": the height is the
        # structure's, the subject of the clause that sent them, not the cars'
        above = verb_of(verb.head) if verb.head.pos_ not in ("VERB", "AUX") else verb.head
        above = verb_of(above.head) if above is not None and above.i == verb.i else above
        subj = _clause_subject(above, span) if above is not None and above.i != verb.i else None
        found = resolve_np(subj, ctx, sent_root_subject) if subj is not None else []
        if found:
            return found
    if verb is not None:
        if verb.lemma_.lower() in TRANSFER_VERBS or verb.lower_ in ("chopped", "wiped"):
            # (the parser may hang the place it is taken from on the figure: "erases $589bn from Nvidia")
            # ("evaporating $593bn of the chipmaker's market value": the owner of the metric)
            on_figure = [c for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("from", "off", "of")]
            for child in [*on_figure, *verb.children]:  # (the figure's own first: "… and $300m from its founder's net worth")
                if child.dep_ == "prep" and child.lower_ in ("from", "off", "to", "of"):
                    objs = [o for o in child.children if o.dep_ == "pobj"]
                    objs += [o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]  # "off of"
                    if child.lower_ == "of" and child.head.i != verb.i:  # "$593bn of its market value", not "of U.S. goods"
                        objs = [o for o in objs if o.lower_ in OWNED_METRIC_NOUNS or o.lemma_.lower() in OWNED_METRIC_NOUNS
                                or verb.lemma_.lower() in ERASING_VERBS and _organisation_at(o, ctx)]  # "erases $600bn of Acme"
                    for obj in objs:
                        if obj.dep_ == "pobj" and not span.start <= obj.i < span.end:  # not "to 72 million euros"
                            found = resolve_np(obj, ctx, sent_root_subject)
                            if found:
                                return found
            found = _metric_phrase_owner(verb, span, ctx, sent_root_subject)
            if found:
                return found  # "destroyed $40 billion in market value": the cause is not the owner
        if (found := _changed_metric_owner(verb, span, ctx, sent_root_subject)):
            return found  # "the rout cut the market value of Microsoft by $20 billion": Microsoft's
        valued = valued_object(span.root)
        sent = _sent_down(verb, span, ctx, sent_root_subject) or _changed_by(verb, span, ctx, sent_root_subject) \
            or _struck_and_moved(verb, span, ctx, sent_root_subject) \
            or (resolve_np(valued, ctx, sent_root_subject) if valued is not None else [])
        if sent:
            return sent
        level = _level_raised(verb, span)
        if level is not None:  # "bringing the death toll to 43": the toll's, not the clause subject's
            return _owner_of(level, ctx, sent_root_subject, ("of", "in", "from"), compounds=False)
        holder = _left_with(verb, span, ctx, sent_root_subject) or _who_pays(verb, span, ctx, sent_root_subject)
        if holder:
            return holder
        subj = _clause_subject(verb, span)
        if subj is not None and (restated := _restated_move(verb, subj)) is not None:
            subj = _clause_subject(restated, span)
        if subj is not None and subj.ent_type_ == "DATE" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
            subj = _clause_subject(verb.head, span) or subj  # "Acme closed at $142 on Friday, while Monday
            # recorded a price of $118": a day is no subject; the clause it is set against names the owner
        if subj is not None and subj.lemma_.lower() in FORECASTER_NOUNS and ctx.last is not None \
                and span.start_char - ctx.last[0] <= LAST_SUBJECT_WINDOW:
            return [ctx.last[1]]  # "Acme had 2.2 billion users. Analysts had expected 2.3 billion."
        if subj is not None:
            found = _with_listed_subjects(resolve_np(subj, ctx, sent_root_subject), subj, ctx)
            if found:
                return found
        for child in verb.children:  # "was Meta's biggest plunge", "hit Zuckerberg's wallet"
            if child.dep_ in ("attr", "dobj") and not (span.start <= child.i < span.end) and child.pos_ == "NOUN":
                found = _owner_of(child, ctx, sent_root_subject, ())
                if found:
                    return found
        for child in verb.children:  # "gave the Leave campaign 52 percent"
            if child.dep_ == "dative" and not (span.start <= child.i < span.end):
                found = resolve_np(child, ctx, sent_root_subject)
                if found:
                    return found
    # a short line whose clause has a subject of its own that names no one is no telegraphic
    # line ("The unemployment rate stood at 4.2%, the Labor Department said": not the source's)
    own = _clause_subject(verb, span) if verb is not None else None
    found = _telegraphic_subject(span, ctx) if own is None or own.pos_ == "PROPN" else []
    if found or not (unit and (unit.isupper() or unit in ("percent", "percentage point"))):
        return found
    ownerless_move = unit == "percent" and _owned_by_no_one(root)
    if not (COMPANY_METRIC_RE.search(span.sent.text) or ownerless_move):
        return []
    if ownerless_move and (struck := _organisation_struck(span, ctx)) is not None:
        return [struck]
    for obj in (o for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children
                if o.dep_ == "pobj" and o.lemma_.lower() in OWNED_METRIC_NOUNS):
        if found := _owner_of(obj, ctx, sent_root_subject, ("of",)):
            return found  # "…, equivalent to $600 million of its valuation": whose "its" says, not the story's company
    if (same := _company_of_figure_before(span, ctx)) is not None:
        return [same]  # "Shares of the chip giant tumbled 17%, pushing it to a loss of $600 billion": the giant's
    return [ctx.salient] if ctx.salient is not None else []


def _company_of_figure_before(span: SpacySpan, ctx: SubjectContext) -> EntityRef | None:
    """The organisation whose figure its own sentence gave just before (``ctx.last``): a
    company's figure that names no owner goes on about it, not the story's main company."""
    if ctx.last is None or ctx.last[0] < span.sent.start_char:
        return None
    return ctx.last[1] if company_entity(ctx.last[1], ctx) is not None else None


def _organisation_struck(span: SpacySpan, ctx: SubjectContext) -> EntityRef | None:
    """The one organisation a sentence says a blow fell at or for, before an ownerless move
    ("a smaller hit was seen at memory maker Micron with a loss of 11.67%"): its move, not
    the story's company's."""
    named = {}
    for mention, e in ctx.entities.mentions_in(span.sent.start_char, span.sent.end_char):
        words = span.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if e.type != "ORG" or words is None:
            continue
        named[e.id] = (e, words.root)
    if len(named) != 1:
        return None
    e, head = next(iter(named.values()))
    if head.i < span.start and head.dep_ == "pobj" and head.head.lower_ in ("at", "for"):
        return entity_ref(ctx, e)
    return None


def _set_by(root: Token, ctx: SubjectContext) -> list[EntityRef]:
    """The ones a past participle after the figure, or after the noun it counts, names as its
    maker ("a loss of $41 billion, set by Orbis in October 2023", "the $279bn lost by Nvidia
    on September 3", "the $190bn gains made by Orbis and Varo")."""
    nouns = [root]
    if root.dep_ in ("compound", "nummod", "amod") and root.head.i > root.i and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN":
                for agent in (c for c in clause.children if c.dep_ == "agent"):
                    objects = [o for obj in agent.children if obj.dep_ == "pobj" for o in (obj, *obj.conjuncts)]
                    named = [e for o in objects if (e := ctx.entities.at(o.idx, o.idx + len(o))) is not None
                             and e.type in ("ORG", "PERSON")]
                    if named:
                        return [entity_ref(ctx, e) for e in {e.id: e for e in named}.values()]
    return []


def _named_before_parenthesis(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """The company or person a parenthesis holding only the figure follows (see
    NAME_THEN_PAREN_RE): that one alone, not the names listed with it."""
    if not PAREN_CLOSE_RE.match(ctx.text, span.end_char):
        return []
    base = max(0, span.start_char - 60)
    m = NAME_THEN_PAREN_RE.search(ctx.text[base:span.start_char])
    if m is None:
        return []
    e = ctx.entities.at(base + m.start("name"), base + m.end("name"))
    if e is None or e.type not in SUBJECT_TYPES:
        return []
    if e.type in ("GPE", "LOC") and PLACE_PREPOSITION_RE.search(ctx.text[base:base + m.start("name")]):
        return []
    if e.type == "ORG" and (holder := _role_holder_of(span.doc[span.start - 1] if span.start else None, ctx)):
        return holder  # "Larry Page is a co-founder of Google ($6.3 billion)": his loss, not Google's
    return [entity_ref(ctx, e)]


def _role_holder_of(paren: Token | None, ctx: SubjectContext) -> list[EntityRef]:
    """The person whose role the organisation before a bracket names ("X is a co-founder of
    Google (", "X, the chairman of Oracle ("): the organisation is said only to place him."""
    if paren is None or paren.text != "(":
        return []
    name = paren.doc[paren.i - 1] if paren.i else None
    while name is not None and name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    if name is None or name.dep_ != "pobj" or name.head.lower_ != "of":
        return []
    role = name.head.head
    if role.lemma_.lower() not in ROLE_NOUNS and role.lower_ not in ROLE_NOUNS:
        return []
    holder = role.head if role.dep_ == "appos" else next(
        (c for c in role.head.children if c.dep_ == "nsubj"), None) if role.dep_ == "attr" else None
    e = ctx.entities.at(holder.idx, holder.idx + len(holder)) if holder is not None else None
    return [entity_ref(ctx, e)] if e is not None and e.type == "PERSON" else []


# Nouns of a penalty: its amount belongs to whoever pays it, not to the regulator.
FINE_NOUNS = frozenset({"fine", "penalty"})


def _fined_party(root: Token, span: SpacySpan, verb: Token | None, ctx: SubjectContext) -> list[EntityRef]:
    """Who pays a fine or serves a sentence: the object of "fined" or "sentenced" ("the
    Commission fined Orbis 2.4 billion euros", "a judge sentenced Dana Pell to 25 years",
    whatever the parser makes of the two objects), the subject of "was fined", the "on" or
    "against" of a fine ("slapped a €2.4 billion fine on Orbis"), or who was hit with one
    ("Orbis hit with €2.4bn EU fine"); not the regulator that imposed it."""
    def named(token: Token | None) -> list[EntityRef]:
        e = ctx.entities.at(token.idx, token.idx + len(token)) if token is not None else None
        return [entity_ref(ctx, e)] if e is not None and e.type in ("ORG", "PERSON", "GPE") else []

    def laid_on(token: Token) -> Token | None:  # "… on Orbis", "… against Orbis"
        return next((o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                     for o in c.children if o.dep_ == "pobj"), None)

    if verb is not None and (verb.lower_ in FINE_VERB_FORMS or verb.lower_ in SENTENCE_VERB_FORMS):
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and _in_dateline(passive, ctx):  # "New York: X was sentenced …", parsed as one noun
            passive = next((c for c in passive.children
                            if c.dep_ == "appos" and c.is_alpha and not _in_dateline(c, ctx)), None)
        if passive is not None:
            return named(passive)
        figure = next((t.idx for t in span if t.like_num or t.tag_ == "$"), span.start_char)
        between = [e for _, e in ctx.entities.mentions_in(verb.idx + len(verb), figure)]
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and not span.start <= c.i < span.end), None)
        return named(obj) or ([entity_ref(ctx, between[0])] if len(between) == 1 and between[0].type == "ORG" else [])
    noun = root.head if root.dep_ in ("nummod", "compound", "quantmod", "amod") else None
    if noun is None or noun.lemma_.lower() not in FINE_NOUNS:
        return []
    on = laid_on(noun)
    if on is None and noun.dep_ == "dobj":  # "slapped a €2.4 billion fine on Orbis", "on" hung on the verb
        on = laid_on(noun.head)
    if on is not None:
        return named(on)
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() == "hit":
        return named(next((c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None))
    return []


def _named_before_with(root: Token, ctx: SubjectContext) -> list[EntityRef]:
    """The person or organisation right before "with" and the figure ("Valen won 41%, ahead of
    Brandt with 33%", "Labour came first, the Tories second with 28%"), or before "by" in a
    list that leaves the verb out ("Microsoft is down by 4%, Alphabet by 3%, Amazon by 1%"):
    that one's, wherever the parser hangs the preposition."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("with", "by") or root.head.i == 0:
        return []
    before = root.doc[root.head.i - 1]
    e = ctx.entities.at(before.idx, before.idx + len(before))
    if e is None or e.type not in ("PERSON", "ORG"):
        return []
    if root.head.lower_ == "by":  # only a listed name: "…, Alphabet by 3%", not "beat Acme by 3%"
        first = next((m for m in e.mentions if m.start <= before.idx < m.end), None)
        opener = root.doc[root.doc.char_span(first.start, first.end, alignment_mode="expand").start - 1] \
            if first is not None and first.start > 0 else None
        if opener is None or opener.text not in (",", "and", ";"):
            return []
    return [entity_ref(ctx, e)]


def _owned_by_no_one(root: Token) -> bool:
    """A move named as a change noun whose owner the sentence leaves to the story ("The 17%
    plunge on Monday was triggered by ...", "the earlier plunge of 17%"): the salient
    organisation's."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("nummod", "compound", "amod", "quantmod", "npadvmod"):
        return False
    return head.i != root.i and (head.lower_ in CHANGE_NOUNS or head.lemma_.lower() in CHANGE_NOUNS)


def _structure_in_sentence(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """The structure a drop is from: the last structure noun before the figure in its
    sentence, else the first after it."""
    nouns = [t for t in span.sent if t.pos_ in ("NOUN", "PROPN") and (t.lower_ in STRUCTURE_NOUNS or t.lemma_.lower() in STRUCTURE_NOUNS)]
    before = [t for t in nouns if t.i < span.start]
    for tok in [*reversed(before), *(t for t in nouns if t.i >= span.end)]:
        found = structure_subject(tok, ctx)
        if found:
            return found
    return []


# Nouns of a running level that a clause moves to a figure ("raised the death toll to 37").
LEVEL_NOUNS = frozenset({"toll", "tally", "count", "number", "total"})


def _level_raised(verb: Token, span: SpacySpan) -> Token | None:
    """The level a clause moves to the figure ("bringing the death toll to 43", "raised the
    number of dead to 38"): the object of the verb the figure is the goal of."""
    node = span.root
    for _ in range(3):
        if node.head.i == node.i or node.i == verb.i:
            return None
        if node.dep_ == "pobj" and node.head.lower_ in ("to", "at") and node.head.head.i == verb.i:
            return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in LEVEL_NOUNS), None)
        node = node.head
    return None


# Verbs that move their object by a figure ("sending its shares down 18%").
SENDING_VERBS = frozenset({"send", "push", "drag", "drive", "pull", "knock", "lift", "propel"})


def _sent_down(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"Investors dumped Nvidia, sending its shares down 18%", "tariff threats sent Nvidia
    tumbling 5%": what was sent is what moved."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "ccomp", "oprd") and verb.head.lemma_.lower() in SENDING_VERBS \
            and any(c.dep_ == "dobj" and c.right_edge.i + 1 == verb.i for c in verb.head.children):
        verb = verb.head  # the move the object was sent into, right after it (not "dragged X lower, sinking 17%")
    if verb.lemma_.lower() not in SENDING_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)), None)
    if obj is None or span.start < obj.i:
        return []  # "The 16.9% drop sent ripples across markets": the figure is what sent, not where it went
    return resolve_np(obj, ctx, sent_root_subject)


def _changed_by(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"The sell-off ... slashing the Nasdaq by 3.4%", "the rally lifted Acme's market value by
    $9bn": the amount of "by" is the change of the named thing (or a named owner's thing) the
    verb acts on, not of what acted (but "Acme raised prices by 5%" stays Acme's)."""
    root = span.root
    if not (root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.i == verb.i):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)), None)
    if obj is None:
        return []
    named = ctx.entities.at(obj.idx, obj.idx + len(obj)) is not None or any(  # "lifted Acme's market value by $9bn"
        c.dep_ == "poss" and ctx.entities.at(c.idx, c.idx + len(c)) is not None for c in obj.children)
    return resolve_np(obj, ctx, sent_root_subject) if named else []


def valued_object(root: Token) -> Token | None:
    """What a verb of valuing values at the amount ("valuing Arm at $54.5 billion", "investors
    value the company at $60 billion"): its object, whose value the amount is."""
    if root.dep_ != "pobj" or root.head.lower_ != "at":
        return None
    verb = root.head.head
    if verb.lemma_.lower() != "value" or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in PRICED_DEALS for c in verb.children):
        return None  # "the deal values Orvex at $3 billion": what the deal pays (a deal value)
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < root.i), None)


# Nouns of a purchase whose "values X at" is its price.
PRICED_DEALS = frozenset({"deal", "offer", "bid", "takeover", "acquisition", "merger", "buyout", "agreement", "payment",
                          "consideration"})


def _struck_and_moved(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"The ripple hit the S&P 500 hard, down 2.5%": a move set after a comma by its adverb is
    that of the named thing the verb acted on, when what acted names no one."""
    adverb = span.root.head
    if not (adverb.lower_ in UP_DOWN_ADVERBS and adverb.dep_ == "advmod" and adverb.head.i == verb.i
            and adverb.i > 0 and adverb.nbor(-1).text == ","):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < adverb.i), None)
    subj = _clause_subject(verb, span)
    if obj is None or subj is None or _named(subj, ctx) or not _named(obj, ctx):
        return []
    return resolve_np(obj, ctx, sent_root_subject)


def _named(token: Token, ctx: SubjectContext) -> bool:
    """A name: a proper noun, or what the article's entities hold (an index the model missed is the first)."""
    return token.pos_ == "PROPN" or ctx.entities.at(token.idx, token.idx + len(token)) is not None


# The adverbs of a move written after its clause ("…, down 2.5%").
UP_DOWN_ADVERBS = frozenset({"up", "down", "higher", "lower"})


def _who_pays(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"the changes would cost it $10 billion": a cost is borne by the object of "cost"."""
    if verb.lemma_.lower() != "cost":
        return []
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and not (span.start <= child.i < span.end):
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    if any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children):
        # "it could cost $2 billion to rebuild the Key Bridge": the cost of what the infinitive does to its object
        for clause in verb.children:
            if clause.dep_ in ("advcl", "xcomp", "ccomp") and clause.i > span.end and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                for obj in (c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "PROPN"):  # (a name: not
                    # "cost $6 million to train the V3 model", the trainer's cost)
                    found = resolve_np(obj, ctx, sent_root_subject)
                    if found:
                        return found
    return []


def _left_with(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"leaving him with $70 billion", "left the company with $2 billion in debt": the
    amount is held by the object of "leave"."""
    node = span.root
    for _ in range(3):
        if node.head.i == node.i or node.i == verb.i:
            break
        if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.i == verb.i:
            if verb.lemma_.lower() != "leave":
                return []
            obj = [c for c in verb.children if c.dep_ == "dobj"]
            return resolve_np(obj[0], ctx, sent_root_subject) if obj else []
        node = node.head
    return []


# A name listed after "with", "and" or a comma, with its ticker ("with Micron (NASDAQ:MU)").
LISTED_NAME = (r"(?:\bwith|\band|[,;])\s+(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|\d{2,4})){0,3})"
               r"(?:\s+\([^()]{1,24}\))?\s+")
# "with Microsoft down 2.1%", "and the Nasdaq off 3%": a name and a move right before the figure.
NAME_WITH_MOVE_RE = re.compile(LISTED_NAME +
                               r"(?:down|up|off|higher|lower|dropping|falling|rising|gaining|sliding|climbing|jumping|losing|adding|slumping"
                               r"|tumbling|plunging|sinking|shedding|soaring|surging|declining|retreating|advancing)"
                               r"\s+(?:by\s+)?(?:(?:about|almost|nearly|roughly|some|around|over|(?:more|less)\s+than)\s+)?\Z")


# "…, ASML (ASML) 6% lower, and …": a listed name right before the figure, the move after it.
NAME_BEFORE_FIGURE_RE = re.compile(LISTED_NAME + r"\Z")
MOVE_AFTER_FIGURE_RE = re.compile(r"\s+(?:down|up|lower|higher)\b")


def _named_with_move(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    """"Tech stocks tumbled, with Microsoft down 2.1%" (or "…, Microsoft 2.1% lower"): the
    name the move is written beside, which the parser may hang on the main verb."""
    floor = max(span.sent.start_char, span.start_char - 80)
    m = NAME_WITH_MOVE_RE.search(ctx.text, floor, span.start_char)
    if m is None and MOVE_AFTER_FIGURE_RE.match(ctx.text, span.end_char):
        m = NAME_BEFORE_FIGURE_RE.search(ctx.text, floor, span.start_char)
    if m is None:
        return []
    named = next((t for t in span.doc[span.sent.start:span.start] if t.idx == m.start("name")), None)
    held = named.head if named is not None and named.dep_ == "conj" else named
    if held is not None and held.dep_ == "pobj" and held.head.lower_ != "with":
        return []  # "with benchmarks in Europe and Asia losing 3%": where the movers are, not a mover
    e = ctx.entities.at(m.start("name"), m.end("name"))
    if e is not None and e.type in SUBJECT_TYPES:
        return [entity_ref(ctx, e)]
    return [thing_ref(m.group("name"))]


# A move's adverb right before its figure, with a hedge ("down almost 17 percent", "off 2.1%").
_NAME_AND_MOVE = (r"(?P<name>\S+)\s+(?:down|up|off|higher|lower)\s+(?:by\s+)?"
                  r"(?:(?:about|almost|nearly|roughly|some|around|over|just|(?:more|less)\s+than)\s+)?")
MOVE_BEFORE_FIGURE_RE = re.compile(_NAME_AND_MOVE + r"\Z")
# The same with its figure, and a comma before the participle that goes on from it
# ("…, with Kelmont down almost 17 percent, losing $589 billion").
MOVE_BEFORE_PARTICIPLE_RE = re.compile(_NAME_AND_MOVE + r"[$€£]?\d[\d.,]*\s?(?:%|percent|per\s+cent|points?)?,\s*\Z")


def _named_right_before_move(span: SpacySpan, verb: Token | None, ctx: SubjectContext) -> list[EntityRef]:
    """The company or person named right before a move's adverb and its figure ("…, with U.S.
    chipmaker Nvidia down almost 17 percent", "Apple down 3% and Microsoft off 2.1%"), also
    for a participle that goes on from that adverb ("…, losing $589 billion"): the parser
    gives such verbless clauses the main clause's subject, or the first name's."""
    m = MOVE_BEFORE_FIGURE_RE.search(ctx.text, max(span.sent.start_char, span.start_char - 40), span.start_char)
    if m is not None:
        start, end = m.start("name"), m.end("name")
    elif verb is not None and verb.tag_ == "VBG" and verb.i < span.start \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and (m := MOVE_BEFORE_PARTICIPLE_RE.search(ctx.text, max(span.sent.start_char, verb.idx - 60), verb.idx)):
        start, end = m.start("name"), m.end("name")
    else:
        return []
    e = ctx.entities.at(start, end)
    return [entity_ref(ctx, e)] if e is not None and e.type in ("ORG", "PERSON") else []


def _small_clause_subject(root: Token, span: SpacySpan, verb: Token | None, ctx: SubjectContext,
                          sent_root_subject: Token | None) -> list[EntityRef]:
    """A verbless clause's own subject ("with Brent crude down 5.2%", "the FTSE 100 up 2% at
    6,300"): the subject of the adverb or adjective the amount modifies, below the verb."""
    node = root
    for _ in range(4):
        if node.head.i == node.i or (verb is not None and node.head.i == verb.i) or node.head.pos_ in ("VERB", "AUX"):
            return []
        node = node.head
        if node.pos_ in ("ADV", "ADJ", "ADP"):
            subj = [c for c in node.children if c.dep_ == "nsubj" and not (span.start <= c.i < span.end)]
            if subj:
                return resolve_np(subj[0], ctx, sent_root_subject)
    return []


# Base units of measures of stuff: an amount of a substance is that substance's.
MEASURED_UNITS = frozenset({"litre", "kilogram", "cubic metre"})


def _measured_stuff(root: Token, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """The substance after "of" an amount of volume or weight measures ("tons of steel")."""
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return resolve_np(obj, ctx, sent_root_subject)
    return []


def _named_in_article(ref: EntityRef, ctx: SubjectContext) -> bool:
    return any(e.id == ref.id for e in ctx.entities.entities)


# Most tokens of a ticker in brackets ("(NASDAQ: NVDA)").
MAX_TICKER_TOKENS = 6


# Longest apposition, in tokens, between a participle's subject and the participle.
MAX_APPOSITION_TOKENS = 10


def _absolute_subject(verb: Token | None, ctx: SubjectContext) -> list[EntityRef]:
    """A participle with its own subject right before it ("…, server maker Varo (VAR) losing
    8.7%", "with Delmark crashing 28%"): that name, not the main clause's subject, which a
    participle after a comma shares ("Kelmont fell 17%, losing $50bn"). So too a conjoined
    verb right after a name the parser joined to a noun before ("was met with a selloff and
    Varo, an AI play, shed 23%": Varo shed it, not what was met)."""
    if verb is None or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    if verb.lemma_.lower() in SENDING_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return []  # "…, and Qorin too, dragging the chip index down 5%": what was dragged moved (``_sent_down``)
    if verb.tag_ != "VBG" and not (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP")
                                   and _name_joined_before(verb)):
        return []
    doc, k = verb.doc, verb.i - 1
    if doc[k].text == ")":  # a ticker in brackets between the name and the participle
        while k > 0 and doc[k].text != "(" and verb.i - k <= MAX_TICKER_TOKENS:
            k -= 1
        k -= 1
    elif doc[k].text == ",":  # "and Alphabet, Google's parent company, dropping 4%": the name before the apposition
        opening = next((j for j in range(k - 1, max(-1, k - MAX_APPOSITION_TOKENS), -1) if doc[j].text == ","), None)
        if opening is None or opening == 0 or any(_clause_word(t) for t in doc[opening - 1:k]):
            return []  # (not "on December 4, 2024, capping a 139% surge": a date)
        k = opening - 1
    name = doc[k] if k >= 0 else None
    if name is not None and name.like_num and k >= 1 and doc[k - 1].pos_ == "PROPN" \
            and doc[k - 1].whitespace_ == " ":  # "with the benchmark S&P 500 falling 1.5%": an index with its size
        indexed = f"{doc[k - 1].text} {name.text}"
        return [entity_named(ctx, indexed) or thing_ref(indexed)]
    if name is None or name.pos_ != "PROPN":
        return []
    e = ctx.entities.at(name.idx, name.idx + len(name))
    return [entity_ref(ctx, e)] if e is not None and e.type in ("ORG", "PERSON") else []



def _clause_word(token: Token) -> bool:
    """A number, or a verb that is no participle describing a noun ("a highly revered play")."""
    return token.like_num or token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"


def _name_joined_before(verb: Token) -> bool:
    """A name joined to a noun ("a selloff and Varo") ends right before the verb, or before an
    apposition to it set off by commas."""
    doc, k = verb.doc, verb.i - 1
    if doc[k].text == ",":
        k = next((j for j in range(k - 1, max(-1, k - MAX_APPOSITION_TOKENS), -1) if doc[j].text == ","), 0) - 1
    return k >= 0 and doc[k].pos_ == "PROPN" and doc[k].dep_ == "conj" and doc[k].head.pos_ == "NOUN" and doc[k].head.i < k


def _metric_phrase_owner(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """The owner of the metric an amount was taken from ("wiped $119bn off its market value",
    "destroyed $40 billion in market value"), the salient organisation for a bare metric."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "off", "from")]
    preps += [c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj" and (obj.lower_ in OWNED_METRIC_NOUNS or obj.lemma_.lower() in OWNED_METRIC_NOUNS):
                found = _owner_of(obj, ctx, sent_root_subject, ("of",))
                if found:
                    return found
                if obj.lemma_.lower() in COMPANY_METRIC_NOUNS:
                    return _company_doing(verb, span, ctx, sent_root_subject) or ([ctx.salient] if ctx.salient else [])
    return []


def _changed_metric_owner(verb: Token, span: SpacySpan, ctx: SubjectContext,
                          sent_root_subject: Token | None) -> list[EntityRef]:
    """The owner of the metric a verb changes "by" the amount ("the rout cut the market value
    of Microsoft by $20 billion"), not the cause the clause's subject names; else nothing."""
    by = span.root.head
    if by.lower_ != "by" or by.dep_ != "prep" or by.head.i != verb.i:
        return []
    for obj in verb.children:
        if obj.dep_ == "dobj" and (obj.lower_ in OWNED_METRIC_NOUNS or obj.lemma_.lower() in OWNED_METRIC_NOUNS):
            return _owner_of(obj, ctx, sent_root_subject, ("of",))
    return []


def _restated_move(verb: Token, subj: Token) -> Token | None:
    """The verb whose move a change noun restates, when the figure is in a relative clause on
    that noun ("The firm slid 10% — a drop that would zap $340 billion in market value":
    "slid", whose subject moved), else None."""
    change = verb.head
    if (subj.lower_ in ("that", "which") or subj.i == change.i) and verb.dep_ == "relcl" \
            and change.lemma_.lower() in CHANGE_NOUNS \
            and change.head.pos_ == "VERB" and change.head.i != change.i:
        return change.head
    return None


def _company_doing(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """The entity, not a person, the clause's subject (or the clause it hangs on) names: "Nvidia sank
    17%, and it erased $593 billion in market value" lost its own, where "the backlash
    destroyed $40 billion in market value" names no company (the story's is meant)."""
    node = verb
    for _ in range(3):
        subj = _clause_subject(node, span)
        if subj is not None and (restated := _restated_move(node, subj)) is not None:
            node = restated
            continue
        if subj is not None:
            found = resolve_np(subj, ctx, sent_root_subject)
            # a name ("Quorvant", maybe without its entity's legal form) that is no person's
            return found if found and all(r.name[:1].isupper() and not _is_person(r, ctx) for r in found) else []
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head.i == node.i:
            return []
        node = node.head
    return []


def _telegraphic_subject(span: SpacySpan, ctx: SubjectContext) -> list[EntityRef]:
    text = ctx.text
    start = text.rfind("\n", 0, span.start_char)
    start = 0 if start < 0 else start + 1
    end = text.find("\n", span.end_char)
    end = len(text) if end < 0 else end
    if len(text[start:end].split()) > TELEGRAPHIC_MAX_WORDS:
        return []
    named: dict[str, EntityRef] = {}
    for _, e in ctx.entities.mentions_in(start, end):
        if e.type in ("ORG", "PERSON"):
            ref = entity_ref(ctx, e)
            if ref.name.casefold() not in OWNED_METRIC_NOUNS:  # "Nvidia's Stock Plunges": no "Stock"
                named[ref.id] = ref
    if len(named) == 1:
        return list(named.values())
    if not named and re.search(r"\b(?:market (?:value|cap)|shares?|stock)\b", text[start:end], re.I) and ctx.salient is not None:
        return [ctx.salient]  # "-- Lost $119.1 billion in market cap today"
    return []


# Between two listed subjects: "and"/"," and up to four lower-case descriptor words
# ("Tokyo Electron and technology startup investor SoftBank Group slid 5%").
LISTED_SUBJECT_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z][\w-]*\s+){0,4}\Z")


def _with_listed_subjects(found: list[EntityRef], subj: Token, ctx: SubjectContext) -> list[EntityRef]:
    """Add the entities listed before the subject with "and" or commas, which the parser may split off
    (not before the name a relative clause is said of alone: "X and Y, who lost $2bn")."""
    if not found or relative_clause_of_one(subj):
        return found
    entities, text = ctx.entities, ctx.text
    start = subj.left_edge.idx
    ids = {r.id for r in found}
    head_mentions = [m for m, e in entities.mentions_in(subj.idx, subj.idx + len(subj) + 1) if e.id in ids]
    if head_mentions:
        start = min(start, head_mentions[0].start)
    floor = subj.sent.start_char
    out = list(found)
    seen_and = False
    while True:
        before = entities.mentions_in(floor, start)
        if not before:
            break
        mention, entity = before[-1]
        gap = text[mention.end:start]
        seen_and = seen_and or bool(re.search(r"\band\b", gap))
        if not seen_and or not LISTED_SUBJECT_GAP_RE.fullmatch(gap) or entity.type not in SUBJECT_TYPES:
            break  # "In the US, Broadcom fell": a comma alone lists nothing
        named = subj.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if named is not None and named.root.dep_ == "pobj" and named.root.head.lower_ != "of" \
                and re.search(r",\s*and\s|\band\s+(?:the|a|an)\s", text[mention.end:subj.idx]):
            # "the S&P fell 1.5% in New York and the Nasdaq tumbled 3%", "won in Clacton, and Anderson
            # won": the clause before's place, and a new clause's subject (not "shares of X and Y", nor
            # "the toll in Turkey and Syria")
            break
        ref = entity_ref(ctx, entity)
        if ref not in out:
            out.insert(0, ref)
        start = mention.start
    return out
