"""Coreference: which kind of entity a pronoun ("he", "its") or a definite description
("the company", "the chipmaker", "the minister") stands for, for every extractor.

Quotes resolve a speaker with it, quantities the owner of an amount; both read the same
pronoun lists and one rule for descriptions (a definite determiner and a head noun from a
list), each with the nouns its own entity can be described by. Where to look for the
antecedent stays with each caller (``quotes.references``, ``quantities.subject``), since
a speaker and the owner of an amount are found differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from extractor.extract.entity_records import ArticleEntities, LocalEntity
from extractor.extract.entity_types import is_occupation
from extractor.extract.lexicon import ORG_NOUNS, PUBLIC_BODY_NOUNS

# Pronouns that stand for one person, and the gender each implies.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Courtesy titles before a name tell the person's gender.
GENDER_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m"}
# Pronouns that stand for an organisation (or a group acting as one).
ORG_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them"})
# Head nouns of descriptions that refer back to an organisation that speaks or holds a
# position ("the company said", "the agency's report"): companies and public bodies.
SPEAKER_ORG_NOUNS = ORG_NOUNS | PUBLIC_BODY_NOUNS | frozenset({
    "board", "campaign", "charity", "foundation", "fund", "government", "institute", "network",
    "newspaper", "organisation", "organization", "outlet", "paper", "party", "team", "union", "university",
    "service",  # "the service said": the weather service, the Secret Service
    "lab", "laboratory", "hospital", "school", "college",  # "the lab claimed" after "AI lab DeepSeek"
    "broker", "brokerage", "consultancy",  # "Bank of America sees winners … ‘…,’ the broker commented"
    "band", "orchestra", "choir", "troupe",  # "the band revealed on Twitter"
})
# Head nouns of descriptions that refer back to the owner of an amount ("the chipmaker's
# market value", "the brewer's profit"): companies and their kinds.
OWNER_NOUNS = ORG_NOUNS | frozenset({
    "brand", "brewer", "broker", "builder", "carmaker", "chain", "competitor", "corporation",
    "distributor", "drugmaker", "exchange", "housebuilder", "miner", "outfit", "owner",
    "platform", "producer", "rival", "streamer", "subsidiary", "utility",
})
# Endings of such nouns ("the planemaker", "the drugmaker").
ORG_NOUN_SUFFIXES = ("maker",)
# Head nouns of descriptions that refer back to a person ("the minister said").
PERSON_NOUNS = frozenset({
    "president", "minister", "senator", "congressman", "congresswoman", "governor", "mayor",
    "chairman", "chairwoman", "chair", "chief", "ceo", "executive", "founder", "director",
    "spokesman", "spokeswoman", "spokesperson", "official", "candidate", "nominee",
    "lawmaker", "secretary", "ambassador", "economist", "analyst", "strategist",
    "investor", "manager", "professor", "author", "lawyer", "attorney", "judge", "leader",
    "representative", "adviser", "advisor", "aide", "businessman", "businesswoman",
    "billionaire", "actor", "actress", "star", "singer", "player", "coach", "general",
    "commander", "prosecutor", "commissioner", "premier", "chancellor", "king", "queen",
    "prince", "princess", "pope", "mogul", "democrat", "republican", "former", "woman", "man",
    # sport's people, whom match reports name by their role ("the striker said")
    "striker", "midfielder", "defender", "goalkeeper", "winger", "forward", "quarterback", "pitcher",
    "batsman", "batter", "bowler", "captain", "skipper", "champion", "titleholder", "winner", "runner-up",
    "veteran", "rookie", "debutant", "teenager", "youngster", "swimmer", "sprinter", "golfer", "skier",
    "boxer", "fighter", "cyclist", "rider", "racer", "athlete", "finalist", "hero", "legend", "icon",
})
# Words that make a description definite, so that it refers back ("the company").
DEFINITE_DETS = frozenset({"the", "this", "that"})
# How far back (characters) a reference looks for its entity. A speaker pronoun takes the
# nearest sentence that names a candidate outside quotation marks, and speakers are
# often named once per several paragraphs; the owner of an amount is simply the last
# company (or person) mentioned, so it must be close. One reach for both changes the
# results on the dev sets either way, so each keeps the reach its rule was measured with.
SPEAKER_WINDOW = 2500
OWNER_WINDOW = 800
# Entity types each kind of reference can stand for.
PERSON_TYPES = frozenset({"PERSON"})
ORG_TYPES = frozenset({"ORG"})


def is_org_noun(token: Token, nouns: frozenset[str] = SPEAKER_ORG_NOUNS) -> bool:
    """A noun that describes an organisation ("company", "chipmaker", "planemaker")."""
    lemma = token.lemma_.lower()
    return token.lower_ in nouns or lemma in nouns or lemma.endswith(ORG_NOUN_SUFFIXES)


def is_person_noun(token: Token) -> bool:
    """A noun that describes a person ("minister", "founder", "the novelist": any occupation)."""
    return token.lower_ in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS or is_occupation(token)


def pronoun_types(token: Token) -> frozenset[str] | None:
    """The entity types a personal or organisation pronoun stands for, else None."""
    if token.lower_ in PERSON_PRONOUNS:
        return PERSON_TYPES
    if token.lower_ in ORG_PRONOUNS:
        return ORG_TYPES
    return None


# Nouns of a company that owns another ("the Facebook parent", "the parent company of X").
PARENT_NOUNS = frozenset({"parent", "owner"})


def owned_words(head: Token) -> list[Token] | None:
    """The names of the companies a description says its company owns ("Facebook" of "the
    Facebook parent", of "the Facebook parent company", of "the parent company of Facebook",
    of "Instagram's owner"): the description stands for another organisation than those.
    None when it is no such description (or names none)."""
    lemma = head.lemma_.lower()
    parents = [c for c in head.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in PARENT_NOUNS]
    if not (lemma in PARENT_NOUNS or lemma in ("company", "firm", "group") and parents):
        return None
    named = [c for n in (head, *parents) for c in n.children
             if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"]
    named += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    return named or None


def owned_keys(named: list[Token], entities: ArticleEntities) -> set[str]:
    """The case-folded names and the entity ids of the companies ``owned_words`` found: what
    the owner a description stands for is not (the name may be no entity of its own: "the
    Facebook parent")."""
    ids = {e.id for n in named if (e := entities.at(n.idx, n.idx + len(n.text))) is not None}
    return {n.lower_ for n in named} | ids


# Nouns for the place a body belongs to ("the country's central bank").
PLACE_NOUNS = frozenset({"country", "nation", "state", "province", "city", "region", "island"})


def place_owned(token: Token) -> Token | None:
    """The place a noun's possessive names ("Indonesia's" of "Indonesia's disaster agency",
    "country" of "the country's central bank"), else None."""
    return next((c for c in token.children if c.dep_ == "poss" and (
        c.ent_type_ in ("GPE", "LOC") or c.lemma_.lower() in PLACE_NOUNS)), None)


def description_types(token: Token, *, org_nouns: frozenset[str] = SPEAKER_ORG_NOUNS,
                      determiners: frozenset[str] = DEFINITE_DETS, people: bool = True) -> frozenset[str] | None:
    """The entity types a definite description stands for ("the company": an organisation,
    "the minister": a person), else None. ``org_nouns`` and ``determiners`` say which
    descriptions refer back; ``people=False`` reads organisations only."""
    owner = token.head if token.dep_ == "appos" and token.head.ent_type_ in ("GPE", "LOC") else token
    # "the Menlo Park, California-based company": the parser gives the place the article
    if not any(c.dep_ in ("det", "poss") and c.lower_ in determiners for c in (*token.children, *(
            owner.children if owner is not token else ()))):
        if place_owned(token) is not None and is_org_noun(token, org_nouns):
            return ORG_TYPES  # "Indonesia's disaster agency", "the country's central bank": the one it has
        return None
    if is_org_noun(token, org_nouns):
        return ORG_TYPES
    if people and is_person_noun(token):
        return PERSON_TYPES
    return None


# Nouns that name an organisation as another's rival ("Rival Lowe's", "its competitor Varo").
RIVAL_WORDS = frozenset({"rival", "competitor", "peer"})


def rival_organisations(doc: Doc, entities: Iterable[LocalEntity]) -> frozenset[str]:
    """Ids of the organisations an article names as a rival or competitor ("Rival Lowe's was
    also lower", "Varo, a competitor, ..."): another company than the one "the retailer" or
    "the company" means."""
    rivals = set()
    for e, span in organisation_spans(doc, entities):
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lemma_.lower() in RIVAL_WORDS or any(
                c.dep_ == "appos" and c.lemma_.lower() in RIVAL_WORDS for c in span.root.children):
            rivals.add(e.id)
    return frozenset(rivals)


def organisation_spans(doc: Doc, entities: Iterable[LocalEntity]) -> Iterator[tuple[LocalEntity, Span]]:
    """Each organisation's mentions as spans of the parse (the words around them describe it)."""
    for e in entities:
        if e.type != "ORG":
            continue
        for mention in e.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                yield e, span


def rivals_elsewhere(rivals: frozenset[str], entities, head: Token) -> frozenset[str]:
    """The rivals (``rival_organisations``) the description ``head`` cannot take up: none when
    it says "rival" itself ("the rival retailer"), nor one its own sentence names ("Nordmark's
    founder owns 18% of the company")."""
    if head.lemma_.lower() in RIVAL_WORDS or any(c.lemma_.lower() in RIVAL_WORDS for c in head.lefts):
        return frozenset()
    sent = head.sent
    return rivals - {e.id for _, e in entities.mentions_in(sent.start_char, sent.end_char)}
