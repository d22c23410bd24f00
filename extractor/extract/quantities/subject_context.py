"""What subject resolution reads across one article, and the clause a figure stands in:
the verb above a token and that verb's subject, inherited through conjoined, participle
and adverbial clauses."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.dates import MONTHS, WEEKDAYS
from extractor.extract.entities import ArticleEntities
from extractor.extract.lexicon import CHANGE_NOUNS, OWNED_METRIC_NOUNS, SUBJECTLESS_NOUNS
from extractor.extract.quantities.direction import DOWN_VERBS, UP_VERBS
from extractor.extract.quantities.subject_names import salient_organisation
from extractor.extract.quantities.subject_structures import Structure, named_structures, principal_structure_noun
from extractor.models import EntityRef

# Reflexive pronouns, which the parser may take for the subject.
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
# Verbs whose object then does what their "to" clause says ("led the Nasdaq to fall 3%").
CAUSING_VERBS = frozenset({"lead", "cause", "push", "drive", "send", "force", "prompt", "help", "spur", "pull", "drag"})


@dataclass
class SubjectContext:
    """What subject resolution reads across one article: its entities, its salient
    organisation and its named structures (found on first use), and the subject of the
    last claim (for "it")."""

    entities: ArticleEntities
    text: str
    doc: Doc | None = None
    title: str | None = None  # a headline kept apart from the text
    last: tuple[int, EntityRef] | None = None
    _salient: list = field(default_factory=list)
    _structures: list = field(default_factory=list)
    cache: dict = field(default_factory=dict)  # other article-wide readings, found on first use

    @property
    def salient(self) -> EntityRef | None:
        if not self._salient:
            found = salient_organisation(self.doc, self.entities, self.text, self.title) if self.doc is not None else None
            self._salient.append(found)
        return self._salient[0]

    @property
    def structures(self) -> tuple[list[Structure], str | None]:
        """The structures the article names, and the structure noun it uses most."""
        if not self._structures:
            self._structures.append((named_structures(self.text, self.entities), principal_structure_noun(self.text)))
        return self._structures[0]


def a_day(owner: Token) -> bool:
    """A possessive that names a day or a month ("Despite Monday's 17% drop", "January's 5%
    rise"): when the figure was, not whose."""
    return owner.ent_type_ in ("DATE", "TIME") or owner.lower_ in WEEKDAYS or owner.lower_ in MONTHS


def misread_move(noun: Token) -> bool:
    """A verb of moving the tagger read as a noun, with a subject of its own ("the Nasdaq dove
    nearly 6%": "dove" the bird), not any noun the parser gave one ("Rs 40 lakh")."""
    return (noun.lower_ in UP_VERBS | DOWN_VERBS or noun.lemma_.lower() in UP_VERBS | DOWN_VERBS) \
        and any(c.dep_ == "nsubj" for c in noun.children)


def verb_of(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (at most six steps), or a ``misread_move``."""
    node = token
    for _ in range(7):
        misread = node.pos_ == "NOUN" and node.dep_ in ("conj", "ROOT") and misread_move(node)
        scale = node.i > 0 and node.nbor(-1).like_num and not node.nbor(-1).whitespace_  # "282m" tagged a verb
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod",) and not scale or misread:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def misattached_move(span: SpacySpan, root: Token) -> Token | None:
    """The verb of change right before the figure when the parser hung the figure on another
    verb's clause ("Tokyo Electron dived 15.8 per cent and Mitsubishi UFJ lost 18.4 per cent",
    whose first figure it gives to the second subject), else None."""
    if span.start < 1:
        return None
    moved = span.doc[span.start - 1]
    if moved.pos_ != "VERB" or moved.lemma_.lower() not in UP_VERBS | DOWN_VERBS:
        return None
    if moved.dep_ == "amod" and moved.head.i == root.i:
        return None  # "plummeted a jaw-dropping 16.9%": a word that describes the figure, no verb of its own
    verb = verb_of(root)
    return moved if verb is None or verb.i != moved.i else None


def gapped_subject(figure: Token) -> Token | None:
    """The subject of a clause whose verb is left out, right before its figure ("carjackings
    dropped 24% and [robberies] 12%", "exports rose 5% and [imports] 3%"): the parser makes
    the figure hang on that noun, a conjunct of the first clause's verb."""
    head = figure.head
    if figure.dep_ in ("npadvmod", "nummod") and head.i < figure.i and head.dep_ == "conj" \
            and head.head.pos_ == "VERB" and head.pos_ in ("NOUN", "PROPN"):
        return head
    return None


def gapped_name(span: SpacySpan, depth: int = 0) -> Token | None:
    """The name right before a listed figure whose verb is left out ("the Nasdaq Composite 2%
    and the Dow Jones Industrial Average 1.6%"), which the parser makes a conjunct of the first
    figure beside it, and the same move told again after "or" ("1.6% or 543 points"); else None."""
    root = span.root
    if root.dep_ != "conj" or span.start < 1 or not root.head.ent_type_ or root.head.i >= span.start:
        return None
    name = span.doc[span.start - 1]
    if name.pos_ == "PROPN" and name.dep_ == "conj" and name.head.i == root.head.i:
        return name
    if name.lower_ == "or" and depth < 1:  # "… Average 1.6% or 543 points": the same move, told again
        first = root.head
        return gapped_name(span.doc[first.left_edge.i:first.i + 1], depth + 1)
    return None


def sentence_subject(sent: SpacySpan) -> Token | None:
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


# Labels of the model's names a relative clause may follow ("Amazon (AMZN.O), which …"; not "CEO, who").
NAMED_TYPES = frozenset({"ORG", "PERSON", "GPE", "FAC", "PRODUCT"})


def name_before_relative(relative: Token) -> Token | None:
    """The name right before a relative "which" or "who", past its comma and a ticker or an
    aside in brackets, whatever noun the parse hangs the clause on; else None."""
    doc, k, depth = relative.doc, relative.i - 1, 0
    while k >= 0 and relative.i - k <= 8:
        tok = doc[k]
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            depth -= 1
        elif depth == 0 and not tok.is_punct:
            return tok if tok.pos_ == "PROPN" and tok.ent_type_ in NAMED_TYPES else None
        k -= 1
    return None


# Words that open a clause but which the parser may take for prepositions ("after Acme lost").
CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "as", "once"})


def _subject_cut_off(verb: Token) -> Token | None:
    """A finite verb the parser hung without a subject right after "after X," ("come after
    Acme, the chipmaker that …, lost $600bn"): X, which the parser made the preposition's
    object, is the verb's subject, not the main clause's."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ in CLAUSE_OPENERS and prep.i < verb.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            between = verb.doc[prep.right_edge.i + 1 : verb.i]
            if obj is not None and obj.pos_ in ("PROPN", "NOUN") and all(t.is_punct for t in between):
                return obj
    return None


def _subject_of_relative_before(participle: Token) -> Token | None:
    """A participle after a comma that ends a relative clause of its noun ("the Wall Street
    rout, which saw Acme drop 17%, losing $600bn") goes on with that clause's own subject
    (Acme lost it, not the rout); None when the nearest verb before it has none of its own
    ("the rout, which wiped $1tn off stocks, sending …": the rout's)."""
    if participle.tag_ != "VBG" or participle.i == 0 or participle.doc[participle.i - 1].text != ",":
        return None
    relatives = [c for c in participle.head.children if c.dep_ == "relcl" and c.i < participle.i]
    if not relatives:
        return None
    verbs = sorted((t for t in relatives[-1].subtree if t.pos_ in ("VERB", "AUX")), key=lambda t: -t.i)
    for verb in verbs:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return None if subject.tag_ in ("WDT", "WP") else subject
    return None


def _person_described_by(token: Token) -> Token | None:
    """The person a "who" refers to past the organisation its description names ("Larry
    Ellison, the co-founder of Oracle, who"): up from the name through "of" to the description,
    then to the name it is in apposition with, when the model calls that one a person; None
    when no such chain leads to one."""
    node = token
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ == "appos" and node.head.pos_ == "PROPN":
            return node.head if node.head.ent_type_ == "PERSON" else None
        else:
            return None
    return None


def _clause_subject(verb: Token, exclude: SpacySpan) -> Token | None:
    """Subject of ``verb``, inherited through conjoined, participle and adverbial clauses."""
    node = verb
    for _ in range(5):
        # "Zuckerberg has himself lost": the subject is before (the parser may hang it on "has")
        heads = [node, *(c for c in node.children if c.dep_ in ("aux", "auxpass") and c.i < node.i)]
        subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")
                    and not (exclude.start <= c.i < exclude.end) and c.lower_ not in REFLEXIVES]
        if len(subjects) > 1:  # two subjects: the parser hung a fronted phrase's last name on the verb too
            subjects.sort(key=lambda c: abs(node.i - c.i))  # ("raised by rival Lumora, Tesla's stock plunged")
        if subjects and not (node.dep_ == "relcl" and subjects[0].tag_ in ("WDT", "WP") and node.head.pos_ in ("NOUN", "PROPN")):
            return subjects[0]
        reflexive = next((c for c in node.children if c.dep_ == "nsubj" and c.lower_ in REFLEXIVES), None)
        if reflexive is not None:
            return reflexive  # the name it stands for was parsed into another clause: read it as a pronoun
        if node.dep_ in ("relcl",) and node.head.pos_ in ("NOUN", "PROPN"):  # "a stretch that sent ...": the stretch
            relative = subjects[0] if subjects else None
            named = name_before_relative(relative) if relative is not None and relative.lower_ in ("which", "who") \
                and node.head.lemma_.lower() not in OWNED_METRIC_NOUNS else None  # ("Acme's shares in Kelmia, which fell")
            if relative is not None and relative.lower_ == "who" \
                    and (person := _person_described_by(named if named is not None else node.head)) is not None:
                return person  # "Larry Ellison, the co-founder of Oracle, who saw $16bn knocked off": Ellison
            return named if named is not None else node.head  # "the record held by Amazon (AMZN.O), which saw …": Amazon
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            if node.head.lemma_.lower() in SUBJECTLESS_NOUNS and (above := verb_of(node.head)) is not None:
                node = above  # "at one point falling 6%": the subject of the clause, not "point"
                continue
            if node.head.lemma_.lower() in CHANGE_NOUNS and node.head.dep_ == "dobj" and node.head.head.pos_ == "VERB":
                node = node.head.head  # "the index saw a steeper decline, falling 6%": what saw it fell
                continue
            told = _subject_of_relative_before(node)
            return told if told is not None else node.head
        if node.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            # a finite verb the parser left without a subject ("its V3 model, launched on
            # 10 January, was trained"): the subject of the clause just before it
            for sibling in sorted((c for c in node.head.children if c.i < node.i and c.pos_ in ("VERB", "AUX")), key=lambda c: -c.i):
                subjects = [c for c in sibling.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in CAUSING_VERBS:
            moved = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if moved is not None:
                return moved  # "This led the Nasdaq to fall 3.1%": what was led to move
        if (cut := _subject_cut_off(node)) is not None:
            return cut
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp", "ccomp", "prep"):
            node = node.head
            continue
        if node.dep_ == "appos" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "the pound fell, the biggest move in years, before recovering to $1.24"
        return None
    return None

