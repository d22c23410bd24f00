"""What a quantity is about, read from the clause that states it and resolved to an entity.

In order:

1. **Counts of people** ("six workers", "two bodies", "43 victims") have the counted
   noun as their subject, as written ("workers"), every time; unless an owner holds
   them ("Facebook's 2.23 billion users", "Facebook had 2.23 billion users"). "two from
   Albania" is about Albania.
2. **The noun phrase the amount belongs to**: its possessor ("Nvidia's $593bn loss"),
   the owner of a change noun ("the 19% loss in Facebook's stock"), the group of a
   share ("52% of Scots"), the noun a measure describes ("the 45-metre high Morandi
   Bridge", "a 200-metre section of the bridge"), a name the amount stands beside
   ("England (53.4 per cent)").
3. For verbs that move an amount from an owner ("chopped $119 billion off its market
   value") the owner.
4. **The subject of the clause** (inherited through conjoined and subordinate clauses);
   a dative or object holder ("gave the Leave campaign 52 percent").

Each noun phrase resolves: an entity at its head (or conjuncts); a metric noun ("shares",
"market value", "turnout") to its owner ("Facebook's shares", "shares of Meta",
"turnout in the referendum") or, for a company's metrics, to the article's salient
organisation; a pronoun or description ("its", "the company", "the social network") to
the entity it refers back to, else the salient organisation; a headline name that runs
into the headline's verb ("Zuckerberg Loses", "Facebook Stock Plunges") to the name
before the verb; a proper noun the entity recogniser missed to itself; and a common
noun ("Brent crude", "the bridge") to itself, a currency ("Sterling", "the pound") to its
ISO 4217 name. A verbless clause ("with Brent crude down 5.2%") has its own subject; a
side named right before its share ("to Remain's 48.1%", '"Remain" took 48 percent') holds it. A subject that is not an
entity of the article gets the id an entity of that name would have, so that the same
thing in two articles has one id.

The salient organisation is the organisation named most often (the title counts
double), counting proper nouns in company positions ("Facebook shares", "X's stock",
"X fell 19%") that the entity recogniser missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.extract.coreference import OWNER_NOUNS, OWNER_WINDOW, pronoun_types
from extractor.extract.entities import ArticleEntities
from extractor.extract.lexicon import (
    CHANGE_NOUNS,
    COMPANY_NOUNS,
    COUNTED_PEOPLE_NOUNS,
    OWNED_METRIC_NOUNS,
    PART_NOUNS,
    SUBJECTLESS_NOUNS,
)
from extractor.extract.quantities.subject_names import (
    SUBJECT_TYPES,
    common_name,
    entity_named,
    entity_ref,
    proper_name,
    salient_organisation,
    thing_ref,
    trimmed_name,
)
from extractor.models import EntityRef

# Verbs that move an amount from or to an owner ("wiping $593bn from X's market value").
TRANSFER_VERBS = frozenset({
    "wipe", "erase", "shave", "knock", "strip", "lop", "slash", "take", "add", "remove", "chop",
    "vaporize", "vaporise", "destroy",
})
# Verbs of falling: the distance of a fall is the height of what things fell from.
FALL_VERBS = frozenset({"plunge", "plummet", "fall", "drop", "tumble", "crash", "hurtle", "topple"})
# Verbs whose subject holds a count ("Facebook had 2.23 billion users").
HOLDING_VERBS = frozenset({"have", "count", "boast", "reach", "lose", "gain", "add", "attract", "employ", "hit"})
# Descriptions that refer back to the owner of an amount ("the company", "the social network").
DESCRIPTION_NOUNS = OWNER_NOUNS | frozenset({"network", "giant", "conglomerate", "platform", "firm", "group"})
# Determiners that make such a description refer back.
OWNER_DETERMINERS = frozenset({"the", "this", "its", "their"})
# Headlines and summary bullets are telegraphic ("$593bn wiped off Acme shares"): when
# the parse names no subject, the one organisation or person in so short a line is it.
TELEGRAPHIC_MAX_WORDS = 15
# How far back (characters) "it" may refer to the subject of an earlier claim.
LAST_SUBJECT_WINDOW = 600
# Modifiers that make a compound a metric's name, not its owner ("market value", "user growth").
METRIC_MODIFIERS = frozenset({"market", "share", "stock", "user", "net", "revenue", "sales", "profit", "price", "growth", "value"})
# A company's metrics: with no owner named, the salient organisation's.
COMPANY_METRIC_NOUNS = frozenset({"share", "stock", "value", "valuation", "cap", "capitalisation", "capitalization",
                                  "revenue", "sale", "profit", "earnings", "expense", "user"})
COMPANY_METRIC_RE = re.compile(r"\b(?:shares?|stocks?|market (?:value|cap\w*)|revenues?|sales|profits?|earnings|expenses|"
                               r"users|per share|quarter|expect\w*|forecasts?|consensus)\b", re.I)
# Nouns that are never the subject: who forecasts a figure, and page furniture.
NOT_SUBJECT_NOUNS = frozenset({"analyst", "economist", "expert", "estimate", "consensus", "forecast", "date", "tune"})
# A subject's name starts with a letter ("000c" from a garbled page names nothing).
NAME_START_RE = re.compile(r"[^\W\d_]")
# Reflexive pronouns, which the parser may take for the subject.
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
# A person described by age ("the 34-year-old"): refers back to the last person named.
AGE_DESCRIPTION_RE = re.compile(r"\d+-year-old$")
# Pronouns that may stand for a thing as well as an organisation ("the pound ... It dropped").
THING_PRONOUNS = frozenset({"it"})


@dataclass
class SubjectContext:
    """What subject resolution reads across one article: its entities, its salient
    organisation (found on first use), and the subject of the last claim (for "it")."""

    entities: ArticleEntities
    text: str
    doc: Doc | None = None
    last: tuple[int, EntityRef] | None = None
    _salient: list = field(default_factory=list)

    @property
    def salient(self) -> EntityRef | None:
        if not self._salient:
            found = salient_organisation(self.doc, self.entities, self.text) if self.doc is not None else None
            self._salient.append(found)
        return self._salient[0]


def verb_of(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (at most six steps)."""
    node = token
    for _ in range(7):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod",):
            return node
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def sentence_subject(sent: SpacySpan) -> Token | None:
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _clause_subject(verb: Token, exclude: SpacySpan) -> Token | None:
    """Subject of ``verb``, inherited through conjoined, participle and adverbial clauses."""
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and not (exclude.start <= c.i < exclude.end)
                    and c.lower_ not in REFLEXIVES]  # "Zuckerberg has himself lost": the subject is before
        if subjects and not (node.dep_ == "relcl" and subjects[0].tag_ in ("WDT", "WP") and node.head.pos_ in ("NOUN", "PROPN")):
            return subjects[0]
        if node.dep_ in ("relcl",) and node.head.pos_ in ("NOUN", "PROPN"):  # "a stretch that sent ...": the stretch
            return node.head
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            if node.head.lemma_.lower() in SUBJECTLESS_NOUNS and (above := verb_of(node.head)) is not None:
                node = above  # "at one point falling 6%": the subject of the clause, not "point"
                continue
            return node.head
        if node.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            # a finite verb the parser left without a subject ("its V3 model, launched on
            # 10 January, was trained"): the subject of the clause just before it
            for sibling in sorted((c for c in node.head.children if c.i < node.i and c.pos_ in ("VERB", "AUX")), key=lambda c: -c.i):
                subjects = [c for c in sibling.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp", "ccomp", "prep"):
            node = node.head
            continue
        return None
    return None


# ------------------------------------------------------------------ noun phrases


def _is_description(tok: Token) -> bool:
    """"the company", "the social network", "the chipmaker": refers back to an organisation."""
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") and c.lower_ in OWNER_DETERMINERS for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    return tok.lower_ in DESCRIPTION_NOUNS or lemma in DESCRIPTION_NOUNS or lemma.endswith("maker")


# Words before an organisation's name that make it a source, not what the text is about.
SOURCE_BEFORE_RE = re.compile(r"(?:according\s+to|data\s+from|figures\s+from|compiled\s+by|told|by)\s+(?:the\s+)?\Z", re.I)


def _organisation_before(pos: int, ctx: SubjectContext, doc: Doc) -> EntityRef | None:
    """The last organisation named before ``pos`` (within reach) as what its clause is about
    (in its subject: "Shares of Nvidia sank ... the chipmaker's market value"), not as a
    source ("according to FactSet") or in a list of comparisons."""
    floor = max(0, pos - OWNER_WINDOW)
    for mention, e in reversed(ctx.entities.mentions_in(floor, pos)):
        if e.type != "ORG":
            continue
        if SOURCE_BEFORE_RE.search(ctx.text[max(0, mention.start - 20):mention.start]):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _in_subject(span.root):
            return entity_ref(ctx, e)
    return None


def _in_subject(tok: Token) -> bool:
    """The token is (part of) the subject of its clause."""
    node = tok
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.head is node or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False  # "Revenue through Instagram": a means or a place, not what the clause is about
        node = node.head
    return False


def _resolve_pronoun(tok: Token, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    types = pronoun_types(tok)
    if types is None:
        return []
    if sent_root_subject is not None and sent_root_subject.i < tok.i:
        for h in [sent_root_subject, *sent_root_subject.conjuncts]:
            e = ctx.entities.at(h.idx, h.idx + len(h))
            if e is not None and e.type in types:
                return [entity_ref(ctx, e)]
    if "ORG" in types and tok.dep_ == "poss" and tok.head.lower_ in OWNED_METRIC_NOUNS and ctx.salient is not None:
        return [ctx.salient]  # "its shares", "its market value"
    if tok.lower_ in THING_PRONOUNS and ctx.last is not None and tok.idx - ctx.last[0] <= LAST_SUBJECT_WINDOW:
        return [ctx.last[1]]
    e = ctx.entities.before(tok.idx, types=types, within=OWNER_WINDOW)
    if e is not None:
        return [entity_ref(ctx, e)]
    return [ctx.salient] if "ORG" in types and ctx.salient is not None else []


def _owner_of(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, preps: tuple[str, ...]) -> list[EntityRef]:
    """The owner a noun names with a possessor, a proper-noun compound or a preposition."""
    for child in np.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i < np.i and child.pos_ == "PROPN"):
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    for child in np.children:  # "the referendum turnout", but not "market value", "user growth"
        if child.dep_ == "compound" and child.i < np.i and child.pos_ == "NOUN" and child.lemma_.lower() not in METRIC_MODIFIERS:
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    for child in np.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = resolve_np(obj, ctx, sent_root_subject)
                    if found:
                        return found
    return []


def resolve_np(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, depth: int = 0) -> list[EntityRef]:
    """The subject a noun phrase names (see the module docstring)."""
    if depth > 3:
        return []
    found: list[EntityRef] = []
    for h in [np, *np.conjuncts]:
        e = ctx.entities.at(h.idx, h.idx + len(h))
        if e is not None and e.type in SUBJECT_TYPES:
            ref = entity_ref(ctx, e)
            if ref not in found:
                found.append(ref)
    if found:
        return found
    for child in np.children:  # "its DeepSeek-V3 model", "the Magnificent Seven tech firms"
        if child.dep_ in ("compound", "nmod") and child.i < np.i:
            e = ctx.entities.at(child.idx, child.idx + len(child))
            if e is not None and e.type in SUBJECT_TYPES:
                return [entity_ref(ctx, e)]
    common = {np.lower_, np.lemma_.lower()} & (OWNED_METRIC_NOUNS | CHANGE_NOUNS | SUBJECTLESS_NOUNS | COUNTED_PEOPLE_NOUNS)
    if np.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "LOC") and np.ent_iob_ in ("B", "I") and not common:
        # a name the recogniser labelled but the entity rules dropped ("Spotify" tagged a verb)
        ent = next((e for e in np.doc.ents if e.start <= np.i < e.end), None)
        if ent is not None:
            name = re.sub(r"^(?:the|The)\s+|['’]s?$", "", ent.text).strip()
            if name:
                cut = trimmed_name(name)
                return [entity_named(ctx, cut or name) or thing_ref(cut or name)]
    lower, lemma = np.lower_, np.lemma_.lower()
    phrase = np.doc[np.left_edge.i:np.i + 1].text
    if AGE_DESCRIPTION_RE.search(phrase) and phrase.lower().startswith("the "):  # "the 34-year-old"
        person = ctx.entities.before(np.idx, types=("PERSON",), within=OWNER_WINDOW)
        return [entity_ref(ctx, person)] if person is not None else []
    if np.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY") or lemma in NOT_SUBJECT_NOUNS:
        return []
    if lemma in ("number", "total", "count", "toll"):  # "the number of people killed"
        return _owner_of(np, ctx, sent_root_subject, ("of",))
    if np.pos_ == "PRON" or np.tag_ in ("PRP", "PRP$"):
        return _resolve_pronoun(np, ctx, sent_root_subject)
    if _is_description(np):
        before = _organisation_before(np.idx, ctx, np.doc)
        if before is not None:
            return [before]
        return [ctx.salient] if ctx.salient is not None else []
    if lower in OWNED_METRIC_NOUNS or lemma in OWNED_METRIC_NOUNS or lower in CHANGE_NOUNS or lemma in CHANGE_NOUNS or lower in PART_NOUNS:
        owner = _owner_of(np, ctx, sent_root_subject, ("of", "in", "at", "for"))
        if owner:
            return owner
        if lower in COMPANY_NOUNS or lemma in COMPANY_NOUNS or lower in ("value", "cap", "capitalization", "capitalisation"):
            return [ctx.salient] if ctx.salient is not None else []
        return []
    if np.i == np.sent.start and np.pos_ in ("PROPN", "NOUN") and (lower in OWNED_METRIC_NOUNS or lower in CHANGE_NOUNS):
        owner = _owner_of(np, ctx, sent_root_subject, ("of", "in", "at", "for"))  # "Turnout in the referendum"
        return owner
    if np.pos_ == "PROPN" and np.text[:1].isupper():
        name = proper_name(np)
        cut = trimmed_name(name)
        if cut is not None:
            return [entity_named(ctx, cut) or thing_ref(cut)]
        return [entity_named(ctx, name) or thing_ref(name)]
    if np.pos_ == "NOUN" and lemma not in SUBJECTLESS_NOUNS and np.is_alpha:
        owner = [c for c in np.children if c.dep_ == "poss"]  # "Facebook's monthly active user count"
        found = resolve_np(owner[0], ctx, sent_root_subject, depth + 1) if owner else []
        return found or [thing_ref(common_name(np))]
    return []


# ------------------------------------------------------------------ the quantity


def _is_people_count(noun: Token) -> bool:
    return noun.lower_ in COUNTED_PEOPLE_NOUNS or noun.lemma_.lower() in COUNTED_PEOPLE_NOUNS


def _counted_people(root: Token, span: SpacySpan) -> Token | None:
    """The plural person noun the number counts ("six workers", "18 of the victims")."""
    doc = root.doc
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and root.head.pos_ == "NOUN" and root.head.i >= span.end - 1 and _is_people_count(root.head):
        return root.head
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and _is_people_count(doc[span.end]):
        return doc[span.end]
    if span.root.pos_ == "NOUN" and _is_people_count(span.root):
        return span.root  # the claim text holds its noun ("43 victims")
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and _is_people_count(obj):
                    return obj  # "18 of the victims"
    return None


def _count_subject(root: Token, span: SpacySpan, ctx: SubjectContext, verb: Token | None,
                   sent_root_subject: Token | None) -> list[EntityRef] | None:
    """Subject of a count of people, or None when the quantity is not one."""
    doc, text = root.doc, ctx.text
    after = text[span.end_char:span.end_char + 40]
    if (m := re.match(r"\s+from\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)*)", after)) and not span.root.pos_ == "NOUN":
        e = ctx.entities.at(span.end_char + m.start(1), span.end_char + m.end(1))
        return [entity_ref(ctx, e) if e is not None else thing_ref(m.group(1))]  # "three from Chile"
    noun = _counted_people(root, span)
    if noun is None:
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        found = resolve_np(owner[0], ctx, sent_root_subject)
        if found:
            return found
    if verb is not None and verb.lemma_.lower() in HOLDING_VERBS and noun.dep_ == "dobj":
        subj = _clause_subject(verb, span)
        if subj is not None and subj.pos_ in ("PROPN", "PRON"):
            found = resolve_np(subj, ctx, sent_root_subject)
            if found:
                return found
    return [thing_ref(noun.lower_)]


def _belongs_to(root: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """The subject named by the noun phrase the amount belongs to."""
    for child in root.children:  # "to Remain's 48.1%"
        if child.dep_ == "poss":
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    node = root
    for _ in range(5):
        if node.head is node or node.head.i == node.i:
            return []
        dep, head = node.dep_, node.head
        if dep == "appos" and head.pos_ == "PROPN":  # "England (53.4 per cent)"
            return resolve_np(head, ctx, sent_root_subject)
        if dep in ("nummod", "compound", "quantmod", "amod", "npadvmod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() in NOT_SUBJECT_NOUNS:
                return []  # "the $13.3 billion Wall Street consensus": a forecast, not Wall Street's
            if head.pos_ == "PROPN" or (head.i > span.end - 1 and ctx.entities.at(head.idx, head.idx + len(head))):
                return resolve_np(head, ctx, sent_root_subject)  # "the 45-metre high Morandi Bridge"
            owner = _owner_of(head, ctx, sent_root_subject, ("of", "in", "at") if head.lower_ in (*CHANGE_NOUNS, *PART_NOUNS, *OWNED_METRIC_NOUNS) else ())
            if owner:
                return owner
            if head.lower_ in PART_NOUNS or head.lower_ in CHANGE_NOUNS or head.lower_ in OWNED_METRIC_NOUNS:
                return []
            if head.pos_ == "NOUN" and head.lemma_.lower() not in SUBJECTLESS_NOUNS and root.doc[span.end - 1].i < head.i:
                return [thing_ref(common_name(head))]  # "the $11.4 million bridge"
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


# "England (53.4 per cent)": a name right before the parenthesis that holds the figure.
NAME_BEFORE_PAREN_RE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\(\s*\Z")
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
        tok = next((t for t in span.doc[max(0, span.start - 8):span.start] if t.idx == start), None)
        if tok is not None and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
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
        e = ctx.entities.at(start, end)
        if e is not None and e.type in SUBJECT_TYPES:
            return [entity_ref(ctx, e)]
        if m is side:  # a side need not be an entity ("Remain")
            return [thing_ref(m.group("name"))]
    return []


def _share_of(root: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"52% of Scots", "55.8 per cent of Northern Ireland": the group the share is of."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end - 1:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve_np(obj, ctx, sent_root_subject)
    return []


def subject_refs(root: Token, span: SpacySpan, ctx: SubjectContext, verb: Token | None,
                 sent_root_subject: Token | None, unit: str | None) -> list[EntityRef]:
    """The subjects of the quantity at ``span`` (see the module docstring)."""
    found = [r for r in _find_subject(root, span, ctx, verb, sent_root_subject, unit) if NAME_START_RE.match(r.name)]
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
    if counted:
        return counted
    if unit in ("percent", "percentage point") and (found := _named_beside(span, ctx) or _share_of(root, span, ctx, sent_root_subject)):
        return found
    found = _belongs_to(root, span, ctx, sent_root_subject) or _small_clause_subject(root, span, verb, ctx, sent_root_subject)
    if found:
        return found
    if unit == "metre" and verb is not None and verb.lemma_.lower() in FALL_VERBS and verb.head is not verb:
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
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "off", "to", "of"):
                    objs = [o for o in child.children if o.dep_ == "pobj"]
                    objs += [o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]  # "off of"
                    for obj in objs:
                        if obj.dep_ == "pobj":
                            found = resolve_np(obj, ctx, sent_root_subject)
                            if found:
                                return found
            found = _metric_phrase_owner(verb, span, ctx, sent_root_subject)
            if found:
                return found  # "destroyed $40 billion in market value": the cause is not the owner
        holder = _left_with(verb, span, ctx, sent_root_subject)
        if holder:
            return holder
        subj = _clause_subject(verb, span)
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
    found = _telegraphic_subject(span, ctx)
    if found or not (unit and (unit.isupper() or unit in ("percent", "percentage point"))):
        return found
    if not COMPANY_METRIC_RE.search(span.sent.text):
        return []
    return [ctx.salient] if ctx.salient is not None else []


def _left_with(verb: Token, span: SpacySpan, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    """"leaving him with $70 billion", "left the company with $2 billion in debt": the
    amount is held by the object of "leave"."""
    node = span.root
    for _ in range(3):
        if node.head is node or node.i == verb.i:
            break
        if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.i == verb.i:
            if verb.lemma_.lower() != "leave":
                return []
            obj = [c for c in verb.children if c.dep_ == "dobj"]
            return resolve_np(obj[0], ctx, sent_root_subject) if obj else []
        node = node.head
    return []


def _small_clause_subject(root: Token, span: SpacySpan, verb: Token | None, ctx: SubjectContext,
                          sent_root_subject: Token | None) -> list[EntityRef]:
    """A verbless clause's own subject ("with Brent crude down 5.2%", "the FTSE 100 up 2% at
    6,300"): the subject of the adverb or adjective the amount modifies, below the verb."""
    node = root
    for _ in range(4):
        if node.head is node or (verb is not None and node.head.i == verb.i) or node.head.pos_ in ("VERB", "AUX"):
            return []
        node = node.head
        if node.pos_ in ("ADV", "ADJ", "ADP"):
            subj = [c for c in node.children if c.dep_ == "nsubj" and not (span.start <= c.i < span.end)]
            if subj:
                return resolve_np(subj[0], ctx, sent_root_subject)
    return []


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
                if obj.lemma_.lower() in COMPANY_METRIC_NOUNS and ctx.salient is not None:
                    return [ctx.salient]
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
    """Add the entities listed before the subject with "and" or commas, which the parser may split off."""
    if not found:
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
        ref = entity_ref(ctx, entity)
        if ref not in out:
            out.insert(0, ref)
        start = mention.start
    return out
