"""The subject a noun phrase names: an entity at its head, the owner of a metric noun
("Facebook's shares", "shares of Meta", "turnout in the referendum"), what a pronoun or
description ("its", "the company", "the social network") refers back to, a headline name
cut before its verb, a proper noun the recogniser missed, or a common noun as written."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractor.extract.coreference import (
    DEFINITE_DETS, OWNER_NOUNS, OWNER_WINDOW, is_org_noun, organisation_spans, owned_keys, owned_words, pronoun_types,
    rival_organisations, rivals_elsewhere,
)
from extractor.extract.entity_names import dateline_spans
from extractor.extract.entity_records import LocalEntity
from extractor.extract.gazetteer import is_country
from extractor.extract.lexicon import (
    NAMED_KIND_NOUNS,
    TITLE_WORDS,
    named_as_kind,
    CHANGE_NOUNS,
    COLLECTIVE_DEMONYM_RE,
    COMMODITY_SUBJECTS,
    CONTRACT_WORDS,
    KIN_NOUNS,
    is_demonym,
    verb_of_participle,
    ORG_DESCRIPTORS,
    COMPANY_NOUNS,
    COUNTED_PEOPLE_NOUNS,
    OWNED_METRIC_NOUNS,
    PART_NOUNS,
    STORM_NOUNS,
    SUBJECTLESS_NOUNS,
    is_prominent_place,
    is_storm_name,
    names_a_public_body,
)
from extractor.extract.quantities.subject_context import SubjectContext, name_before_relative, verb_of
from extractor.extract.quantities.subject_names import (
    INDEX_HEAD_WORDS,
    STOCK_NOUNS,
    SUBJECT_TYPES,
    common_name,
    currency_name,
    entity_named,
    entity_ref,
    proper_name,
    thing_ref,
    trimmed_name,
)
from extractor.extract.quantities.filters import INDEX_NAME_RE
from extractor.extract.quantities.numbers import SCALES
from extractor.extract.quantities.subject_structures import STRUCTURE_NOUNS, Structure, structure_at
from extractor.extract.quantities.tokens import hyphenated_word, opens_hyphenated
from extractor.extract.quantities.units import TIME_UNITS
from extractor.models import EntityRef
from extractor.nlp.views import doc_text

# Descriptions that refer back to the owner of an amount ("the company", "the social network").
DESCRIPTION_NOUNS = OWNER_NOUNS | frozenset({"network", "giant", "conglomerate", "platform", "firm", "group",
                                             "cryptocurrency", "token", "coin"})
# What the text may call an organisation that is no company: a description of a company
# ("the airline", "the company") does not stand for it.
NON_COMPANY_NOUNS = frozenset("""
union party team club university school charity foundation hospital ministry department agency
regulator council committee commission authority institute association federation league court
government army police
""".split())
# Determiners that make such a description refer back.
OWNER_DETERMINERS = frozenset({"the", "this", "its", "their"})
# Possessives of a ranking, which describe what they rank ("the world's largest cryptocurrency",
# "the nation's biggest lender"): the thing named before, not the world's.
RANKING_OWNERS = frozenset({"world", "nation", "country", "industry", "sector", "market"})
# How far back (characters) "it" may refer to the subject of an earlier claim.
LAST_SUBJECT_WINDOW = 600
# Modifiers that make a compound a metric's name, not its owner ("market value", "user growth").
METRIC_MODIFIERS = frozenset({"market", "share", "stock", "user", "net", "revenue", "sales", "profit", "price", "growth", "value",
                              "operating", "gross", "pretax", "core", "underlying", "adjusted", "earnings", "income"})
# Nouns that are never the subject: who forecasts a figure, and page furniture.
NOT_SUBJECT_NOUNS = frozenset({"analyst", "economist", "expert", "estimate", "consensus", "forecast", "date", "tune",
                               "thank", "afterhours", "premarket"})
# ("$65 billion thanks to …": the parser reads "thanks to" as a noun; "another 3% afterhours": a moment, no owner)
# A person described by age ("the 34-year-old"): refers back to the last person named.
AGE_DESCRIPTION_RE = re.compile(r"\d+-year-old$")
# Pronouns that may stand for a thing as well as an organisation ("the pound ... It dropped").
THING_PRONOUNS = frozenset({"it"})


# Nouns that refer back to a country ("the country's jobless rate", "the nation's debt").
NATION_NOUNS = frozenset({"country", "nation"})


def _country_before(pos: int, ctx: SubjectContext) -> LocalEntity | None:
    """The country the text names most often before ``pos`` (ties: the latest)."""
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    found: dict[str, LocalEntity] = {}
    for mention, entity in ctx.entities.mentions_in(0, pos):
        if entity.type == "GPE" and is_country(entity.name):
            counts[entity.id] = counts.get(entity.id, 0) + 1
            latest[entity.id], found[entity.id] = mention.start, entity
    if not counts:
        return None
    return found[max(counts, key=lambda i: (counts[i], latest[i]))]


def _is_description(tok: Token) -> bool:
    """"the company", "the social network", "the chipmaker", "the world's largest
    cryptocurrency": refers back to an organisation."""
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") and c.lower_ in OWNER_DETERMINERS | RANKING_OWNERS
                                     for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    return tok.lower_ in DESCRIPTION_NOUNS or lemma in DESCRIPTION_NOUNS or lemma.endswith("maker")


# Nouns of a stretch of time, which say how long a change took, not whose it is ("a one-day loss").
SPAN_NOUNS = TIME_UNITS | {"quarter", "session"}
# Entity types of where a described company is, or whose it is ("the US chipmaker").
PLACE_OR_PEOPLE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})
# Words before an organisation's name that make it a source, not what the text is about.
# "reports NBC News", "notes Bloomberg", "per Reuters": an outlet named after its report.
SOURCE_BEFORE_RE = re.compile(r"(?:according\s+to|data\s+from|figures\s+from|compiled\s+by|told|by|reports|reported|"
                              r"notes|noted|writes|wrote|per)\s+(?:the\s+)?\Z", re.I)


# Participles whose "by" names a maker or owner, not a source ("chips made by X", "a fund backed by X"),
# the one who set, held or suffered a figure ("the record set by X", "a loss posted by X"), or the
# cause of a move ("the decline was driven by X").
MAKER_BY_RE = re.compile(r"\b(?:made|built|produced|manufactured|designed|developed|owned|backed|led|run|founded|"
                         r"operated|sold|set|held|posted|recorded|achieved|suffered|notched|logged|booked|incurred|"
                         r"driven|dragged|pulled|weighed|hit|caused|fuell?ed|sparked|triggered|spurred)"
                         r"\s+by\s+(?:the\s+)?\Z", re.I)


def _named_as_source(start: int, ctx: SubjectContext) -> bool:
    """The name at ``start`` is a source ("according to FactSet", "reports NBC News")."""
    before = ctx.text[max(0, start - 30):start]
    return SOURCE_BEFORE_RE.search(before[-20:]) is not None and MAKER_BY_RE.search(before) is None


# Words of a description that say nothing of what an organisation does ("the chip giant":
# only "chip" tells which one it can be).
GENERIC_DESCRIPTION_WORDS = DESCRIPTION_NOUNS | frozenset({
    "maker", "leader", "business", "corporation", "outfit", "heavyweight", "titan", "darling", "player",
    "powerhouse", "behemoth", "major", "rival", "competitor", "stock", "name",
})


def _description_words(noun: Token) -> set[str]:
    """What a description noun says an organisation is, in comparable words: "chipmaker",
    "chip-maker", "chip maker" and "chip giant" all give "chip"."""
    words: set[str] = set()
    for tok in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i)):
        if tok.pos_ == "PROPN" or tok.ent_type_:
            continue  # "the Seattle planemaker", "the US chipmaker": where, not what
        word = tok.lemma_.lower()
        if tok.text == "-" or not word.isalpha():
            continue
        if word.endswith("maker") and len(word) > 5:
            word = word[:-5]  # "chipmaker" is a maker of chips
        words.add(word)
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        words.add(doc[noun.i - 2].lemma_.lower())  # "chip-maker", split by the tokenizer
    return words - GENERIC_DESCRIPTION_WORDS


def _described_organisations(ctx: SubjectContext, doc: Doc) -> dict[str, set[str]]:
    """Entity id -> what the article calls the organisation where it names it ("chipmaker X",
    "X, the start-up", "start-up X"), in ``_description_words``; only organisations it describes."""
    if "described" in ctx.cache:
        return ctx.cache["described"]
    described: dict[str, set[str]] = {}
    for e, span in organisation_spans(doc, ctx.entities.entities):
        root = span.root
        nouns = [c for c in root.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"
                 and not span.start <= c.i < span.end]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" or root.dep_ == "compound" and root.head.pos_ == "NOUN" \
                and root.head.i >= span.end and not _name_follows(root.head):
            nouns.append(root.head)  # "X, the start-up"; "the Verdi union" (not "Nvidia supplier Advantest")
        if span.start > 0 and doc[span.start - 1].is_lower and doc[span.start - 1].is_alpha:
            nouns.append(doc[span.start - 1])  # "startup X", whatever the parser made of "startup"
        for noun in nouns:
            word = hyphenated_word(noun) or noun.lemma_.lower()  # "start-up", which the tokenizer splits
            if word in ORG_DESCRIPTORS or word.endswith("maker"):
                described.setdefault(e.id, set()).update(_description_words(noun) | {word})
    ctx.cache["described"] = described
    return described


def _rivals(np: Token, ctx: SubjectContext) -> frozenset[str]:
    """The organisations the article names as a rival (``rival_organisations``, read once) but
    the description's own sentence does not ("Nordmark's founder owns 18% of the company")."""
    if "rivals" not in ctx.cache:
        ctx.cache["rivals"] = rival_organisations(np.doc, ctx.entities.entities)
    return rivals_elsewhere(ctx.cache["rivals"], ctx.entities, np)


def _name_follows(noun: Token) -> bool:
    """A name comes right after the noun: the noun describes it ("Nvidia supplier Advantest")."""
    doc = noun.doc
    return noun.i + 1 < len(doc) and (doc[noun.i + 1].pos_ == "PROPN" or bool(doc[noun.i + 1].ent_type_))


def _not_described_so(np: Token, ctx: SubjectContext) -> set[str]:
    """Ids of the organisations a description cannot stand for: the article calls them
    something else ("the start-up X" is not "the chipmaker") or names them as another's rival
    ("Rival Lowe's" is not "the retailer" the story is about), or a body that is no company
    where the description is a company's ("the Verdi union" is not "the airline")."""
    if np.doc is None:
        return set()
    wanted = _description_words(np)
    described = _described_organisations(ctx, np.doc)
    other_nation = _of_another_nation(np, ctx) | _rivals(np, ctx)
    if not wanted:
        if np.lemma_.lower() not in OWNER_NOUNS:
            return other_nation
        return other_nation | {i for i, words in described.items() if words & NON_COMPANY_NOUNS and not words & OWNER_NOUNS} \
            | {e.id for e in ctx.entities.entities if e.type == "ORG" and e.name.split()[-1].casefold() in NON_COMPANY_NOUNS}
        # ("the company has offered 14%" after "the Transport Workers Union said": no union is a company)
    return other_nation | {i for i, words in described.items() if not words & wanted}


def _not_so_named(np: Token, ctx: SubjectContext) -> set[str]:
    """Ids of the organisations a bare description of a kind that names go by cannot stand for,
    when the article names some organisation with that word ("the bank had $209 billion in
    assets" after "the FDIC ordered the closure of Silicon Valley Bank": the bank, not the
    regulator); nothing when the description says more ("the central bank") or none is so named."""
    noun = np.lemma_.lower()
    if noun not in NAMED_KIND_NOUNS or any(c.dep_ in ("amod", "compound", "nmod") for c in np.children):
        return set()
    organisations = [e for e in ctx.entities.entities if e.type == "ORG"]
    named = {e.id for e in organisations if named_as_kind(e.name, noun)}
    return {e.id for e in organisations if e.id not in named} if named else set()


# How far before a name (characters) its nation's adjective may describe it ("Chinese AI startup DeepSeek").
NATION_REACH = 40


def _of_another_nation(np: Token, ctx: SubjectContext) -> set[str]:
    """Ids of the organisations a description of one nation cannot stand for, when the text
    describes some organisation with that nation's adjective ("the Chinese company" after
    "Chinese startup DeepSeek" is DeepSeek, not Oracle named since)."""
    nations = [c.text for c in np.children if c.dep_ in ("amod", "compound") and c.i < np.i
               and (c.ent_type_ == "NORP" or is_demonym(c.text)) and c.text[:1].isupper()]
    if not nations:
        return set()
    key = ("other nation", tuple(sorted(nations)))
    if key not in ctx.cache:  # (once per nation and article, however many descriptions name it)
        pattern = re.compile(r"\b(?:%s)\b[^.\n]{0,%d}\Z" % ("|".join(map(re.escape, nations)), NATION_REACH))
        organisations = [e for e in ctx.entities.entities if e.type == "ORG"]
        described = {e.id for e in organisations
                     if any(pattern.search(ctx.text, max(0, m.start - NATION_REACH - 20), m.start) for m in e.mentions)}
        ctx.cache[key] = frozenset(e.id for e in organisations if e.id not in described) if described else frozenset()
    return ctx.cache[key]


def _owner_of_named(owned: list[Token], ctx: SubjectContext) -> list[EntityRef]:
    """The organisation a description of the owner of ``owned`` stands for: the story's
    company when it is none of them, else none."""
    names = owned_keys(owned, ctx.entities)
    salient = ctx.salient
    return [salient] if salient is not None and salient.id not in names and salient.name.casefold() not in names else []


def _organisation_named_last(pos: int, ctx: SubjectContext) -> EntityRef | None:
    """The last organisation named before ``pos`` (within reach), not as a source."""
    for mention, e in reversed(ctx.entities.mentions_in(max(0, pos - OWNER_WINDOW), pos)):
        if e.type == "ORG" and not _named_as_source(mention.start, ctx) and not INDEX_NAME_RE.match(e.name):
            return entity_ref(ctx, e)
    return None


def _organisation_before(pos: int, ctx: SubjectContext, doc: Doc, skip: set[str] = frozenset()) -> EntityRef | None:
    """The last organisation named before ``pos`` (within reach) as what its clause is about
    (in its subject: "Shares of Nvidia sank ... the chipmaker's market value"), not as a
    source ("according to FactSet") or in a list of comparisons."""
    floor = max(0, pos - OWNER_WINDOW)
    for mention, e in reversed(ctx.entities.mentions_in(floor, pos)):
        if e.type != "ORG" or e.id in skip:
            continue
        if _named_as_source(mention.start, ctx):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _in_subject(span.root):
            if not _in_main_clause(span.root) and (main := _main_subject_organisation(span.root.sent, ctx, skip)):
                return main
            return entity_ref(ctx, e)
    return None


# Descriptions a stock market or an index answers to (any other one is a company's: "the company",
# "the firm", "the chipmaker").
MARKET_DESCRIPTIONS = frozenset({"exchange", "bourse", "market", "index", "benchmark", "operator", "gauge"})


def _markets(np: Token, ctx: SubjectContext) -> set[str]:
    """Ids of the exchanges and indexes the article names ("Nasdaq"), which "the company" is
    not ("submitted a plan to Nasdaq … the company has lost three-quarters of its value")."""
    if np.lemma_.lower() in MARKET_DESCRIPTIONS or np.tag_ in ("NNS", "NNPS"):
        return set()  # (listed "companies" may be the market an index stands for)
    return {e.id for e in ctx.entities.entities if e.type == "ORG" and INDEX_NAME_RE.fullmatch(e.name)}


def _named_in_own_words(np: Token, ctx: SubjectContext) -> set[str]:
    """Ids of the organisations a description's own words name, which it is not ("the
    SoftBank-backed company" is not SoftBank, nor SoftBank Group named before)."""
    named = ctx.entities.mentions_in(np.left_edge.idx, np.idx)
    if not named:
        return set()
    firsts = {mention.text.split()[0].casefold() for mention, _ in named if mention.text.split()}
    return {e.id for _, e in named} | {e.id for e in ctx.entities.entities
                                      if e.type == "ORG" and e.name.split() and e.name.split()[0].casefold() in firsts}


def _in_main_clause(tok: Token) -> bool:
    """The token's clause is its sentence's main clause (or one joined to it), not a clause
    inside a noun phrase or below another verb ("fears that a model from DeepSeek could …")."""
    verb = verb_of(tok)
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head
    return verb is not None and verb.dep_ == "ROOT"


def _main_subject_organisation(sent, ctx: SubjectContext, skip: set[str]) -> EntityRef | None:
    """The organisation that is the subject of a sentence's main clause, which a description
    in the next sentence takes up before one named in a clause inside it ("Nvidia has suffered
    the largest loss, amid fears that a model from startup DeepSeek could disrupt the industry.
    The company's stock plunged 17%": Nvidia's)."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lemma_.lower() in STOCK_NOUNS:  # "Nvidia's shares were among the worst hit": the owner's
        subj = next((c for c in subj.children if c.dep_ == "poss"), subj)
    e = ctx.entities.at(subj.idx, subj.idx + len(subj))
    if e is None or e.type != "ORG" or e.id in skip or _named_as_source(subj.idx, ctx):
        return None
    return entity_ref(ctx, e)


def _only_organisation_just_before(tok: Token, ctx: SubjectContext, skip: set[str] = frozenset()) -> EntityRef | None:
    """The one organisation the sentence before a description names, not as a source, when
    its own sentence names none before it ("The biggest name to take a beating was Nvidia.
    Shares of the chipmaker slumped 17%"; but "Revenue through Instagram ... the company's
    stock" is the story's company)."""
    sent = tok.sent
    if sent.start == 0 or any(e.type == "ORG" for _, e in ctx.entities.mentions_in(sent.start_char, tok.idx)):
        return None
    previous = tok.doc[sent.start - 1].sent
    named = {e.id: e for mention, e in ctx.entities.mentions_in(previous.start_char, previous.end_char)
             if e.type == "ORG" and e.id not in skip and not _named_as_source(mention.start, ctx)}
    return entity_ref(ctx, next(iter(named.values()))) if len(named) == 1 else None


# Prepositions through which a name is a means, a comparison or an exception, not what its
# clause is about ("revenue through Instagram", "bigger than Intel", "except Apple"); through
# any other it still is ("shares in X", "feared for firms like X").
ASIDE_PREPOSITIONS = frozenset({"through", "via", "than", "unlike", "versus", "vs", "vs.", "against", "behind",
                                "without", "except", "besides", "beside"})


def _organisation_earlier_in_sentence(tok: Token, ctx: SubjectContext, skip: set[str] = frozenset()) -> EntityRef | None:
    """The last organisation named before a description in its own sentence, not as a
    source, in a noun phrase the clause is about ("tech firms like Nvidia fell, with the chip
    giant losing $600bn"; "AI leaders like Nvidia, shaving $593bn off the chipmaker's
    value"), not one named as a means or a comparison (``ASIDE_PREPOSITIONS``)."""
    doc = tok.doc
    if (main := _main_clause_organisation(tok, ctx)) is not None and main.id not in skip:
        return main  # "Acme tipped its hat to Bexco, hours after the company's stock plunged 17%": Acme's
    if (main := _subject_of_main_clause(tok, ctx, skip)) is not None:
        return main  # "Nvidia saw its shares plunge 17% on news about DeepSeek's model, causing the company to
        # lose $600bn": the sentence's subject, not a name in a phrase since
    for mention, e in reversed(ctx.entities.mentions_in(tok.sent.start_char, tok.idx)):
        if e.type != "ORG" or e.id in skip or _named_as_source(mention.start, ctx) or INDEX_NAME_RE.match(e.name):
            continue  # (nor an exchange or an index: "trading on the Nasdaq, valuing the company at $65bn")
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                return entity_ref(ctx, e)
            if node.pos_ == "ADP" and node.lower_ in ASIDE_PREPOSITIONS:
                break
            node = node.head
    return None


def _subject_of_main_clause(tok: Token, ctx: SubjectContext, skip: set[str]) -> EntityRef | None:
    """For a description in a clause below the main one, the organisation the main clause's
    subject names, or the one a description there stands for ("Shares of the AI chip giant
    tumbled 17%, pushing the company to a $600bn loss")."""
    root = tok.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    verb = verb_of(tok)
    if subject is None or subject.i >= tok.i or subject.i > root.i or verb is None or verb.i == root.i:
        return None  # (not an inverted source's: "…, reports NBC News, which adds: the company's shares …")
    if (main := _main_subject_organisation(tok.sent, ctx, skip)) is not None:
        # (a public body acts on a company: "the FDA approved Orbis's drug, sending the company's shares up")
        return None if names_a_public_body(main.name) else main
    if subject.lemma_.lower() not in STOCK_NOUNS:
        return None
    described = [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and _is_description(o)]
    found = resolve_np(described[0], ctx, None) if described else []
    return found[0] if found and found[0].id not in skip else None


def _main_clause_organisation(tok: Token, ctx: SubjectContext) -> EntityRef | None:
    """The organisation that is the subject of the main clause, for a description in an
    adverbial clause hung on it ("after the company's stock plunged"), which takes up the
    main clause's subject rather than an object named last."""
    verb = verb_of(tok)
    if verb is None or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i > tok.i \
            or not any(c.dep_ == "mark" for c in verb.children):
        return None  # (a clause of its own, "after …", not a participle of result: "approved it, sending the company's shares up")
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    e = ctx.entities.at(subj.idx, subj.idx + len(subj)) if subj is not None and subj.pos_ == "PROPN" else None
    return entity_ref(ctx, e) if e is not None and e.type == "ORG" and not names_a_public_body(e.name) else None


def _in_subject(tok: Token) -> bool:
    """The token is (part of) the subject of its clause."""
    node = tok
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass") or node.dep_ == "pobj" and node.head.dep_ == "agent":
            return True  # (a passive's agent: "the decline was driven by Novo Nordisk, whose shares …")
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False  # "Revenue through Instagram": a means or a place, not what the clause is about
        if node.dep_ == "compound" and node.head.pos_ == "PROPN" \
                and not {node.lower_, node.head.lower_} & (ROLE_NOUNS | TITLE_WORDS):
            return False  # "Acme consultant Beta Analytics": a name that describes another (not "Acme CEO Ana
            # Ruiz apologised on behalf of his company": the company whose chief the subject is)
        node = node.head
    return False


# A preposition run into the possessive after it on a garbled page ("afterits shares").
GLUED_POSSESSIVE_RE = re.compile(r"(?:after|before|as|when|since|while|with|from|of|in|on|at|by|for|and|that)(?P<pronoun>its|their|his|her)")


# Roles a person holds at an organisation: "Facebook's founder" is a person, not Facebook.
ROLE_NOUNS = frozenset({"founder", "co-founder", "cofounder", "ceo", "chief", "chairman", "chairwoman", "boss",
                        "billionaire", "tycoon", "mogul"})


def _is_person(ref: EntityRef, ctx: SubjectContext) -> bool:
    return any(e.type == "PERSON" and e.id == ref.id for e in ctx.entities.entities)


def _one_of_a_nation(np: Token) -> bool:
    """"the Italian", "the 24-year-old Spaniard": one person by nationality (a people's word
    with "the", in the singular), someone the text has named."""
    return np.text[:1].isupper() and is_demonym(np.text) and not COLLECTIVE_DEMONYM_RE.search(np.text) \
        and np.doc[np.left_edge.i].lower_ == "the" and np.dep_ in ("nsubj", "nsubjpass", "poss") \
        and not INDEX_NAME_RE.fullmatch(np.text)  # "the Nikkei": Tokyo's index, whatever else the word names


def _described_person(pos: int, ctx: SubjectContext):
    """Who "the 34-year-old" is: of the people named in reach before it, the one the article
    is about (named most often), not one named in passing ("behind X")."""
    recent = [e for _, e in ctx.entities.mentions_in(max(0, pos - OWNER_WINDOW), pos) if e.type == "PERSON"]
    return max(reversed(recent), key=lambda e: len(e.mentions)) if recent else None


def _storm_before(pos: int, ctx: SubjectContext) -> LocalEntity | None:
    """The storm named last before ``pos`` ("Hurricane Delphine"), which "the storm" refers to."""
    return next((e for _, e in reversed(ctx.entities.mentions_in(0, pos)) if is_storm_name(e.name)), None)


# Nouns of a body of water, which "the river" refers back to by the name given it before.
WATER_NOUNS = frozenset({"river", "lake", "lagoon", "reservoir", "creek", "stream", "estuary"})


def _water_before(pos: int, noun: str, ctx: SubjectContext) -> LocalEntity | None:
    """The body of water of kind ``noun`` named last before ``pos``: a name with the noun in it
    ("the Guaiba River", "Lake Mead") or written right before it ("the Guaíba river"), else the
    natural feature (LOC) named last in the paragraph ("the Danube … the river")."""
    text = ctx.text
    paragraph = text.rfind("\n", 0, pos) + 1
    for mention, entity in reversed(ctx.entities.mentions_in(0, pos)):
        if noun in entity.name.casefold().split() or text[mention.end:mention.end + len(noun) + 1].casefold() == f" {noun}" \
                or entity.type == "LOC" and mention.start >= paragraph:
            return entity
    return None


def _role_holder(np: Token, ctx: SubjectContext) -> list[EntityRef] | None:
    """Who holds the role a noun names ("Facebook's founder", "the Acme chief", "the
    co-founder of Facebook", "The Acme founder and CEO, who is worth $140bn"): a person, never
    the company or the noun; the person named in reach before it, else the one the article
    names most. None when the noun names no one role (not a role noun, or plural)."""
    lemma = hyphenated_word(np) or np.lemma_.lower()
    if lemma not in ROLE_NOUNS and np.lemma_.lower() not in ROLE_NOUNS or np.tag_ == "NNS":
        return None
    if not (any(c.dep_ in ("det", "poss", "compound") for c in np.children)
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in np.children) or hyphenated_word(np)):
        return None
    person = _described_person(np.idx, ctx)
    if person is None:
        people = [e for e in ctx.entities.entities if e.type == "PERSON"]
        person = max(people, key=lambda e: len(e.mentions)) if people else None
    return [entity_ref(ctx, person)] if person is not None else []


def _organisation_in_sentence(tok: Token, ctx: SubjectContext) -> EntityRef | None:
    """The last organisation named before a pronoun in its sentence, not as a source; an object
    pronoun ("would cost it $10bn") never stands for its own clause's subject."""
    own: set[int] = set()
    if tok.dep_ in ("dobj", "dative", "iobj") and (subj := next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)):
        own = {t.idx for t in subj.subtree}
    # ("The claim about DeepSeek is that it cost $6m": a name also typed as its product is what "it" takes up)
    kinds = ("ORG", "PRODUCT") if tok.lower_ == "it" else ("ORG",)
    for mention, e in reversed(ctx.entities.mentions_in(tok.sent.start_char, tok.idx)):
        if e.type not in kinds or _named_as_source(mention.start, ctx):
            continue
        if any(mention.start <= i < mention.end for i in own) or _in_other_opening_clause(mention.start, tok):
            continue
        return entity_ref(ctx, e)
    return None


def _in_other_opening_clause(start: int, pronoun: Token) -> bool:
    """The name at ``start`` is in a participle clause that opens the sentence, which the
    pronoun is not in ("Overtaking Apple's $190 billion gain, the rise added $197 billion to
    its valuation": the story's company, not Apple)."""
    token = next((t for t in pronoun.sent if t.idx <= start < t.idx + len(t)), None)
    while token is not None and token.head.i != token.i and token.head.i != pronoun.sent.root.i:
        token = token.head
    if token is None or token.head.i == token.i:
        return False
    opener = token.left_edge  # (the parser may read the "-ing" word as part of the name: "Overtaking Apple Inc.")
    return opener.i == pronoun.sent.start and verb_of_participle(opener.text) is not None \
        and token.right_edge.i < pronoun.i and token.right_edge.i + 1 < len(pronoun.doc) \
        and pronoun.doc[token.right_edge.i + 1].text == ","


def _clause_organisation(np: Token, ctx: SubjectContext) -> list[EntityRef]:
    """The organisation named as the subject of the clause an ownerless company noun sits
    in ("Nvidia experienced a drop in stock value"), or of the clause that one hangs on: its
    own, before the story's company."""
    verb = np
    for _ in range(8):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < np.i]
    if not subjects and verb.dep_ in ("conj", "advcl"):
        # "Nvidia, considered a leader, experienced a drop": shared; "Acme lost $16bn after the
        # stock slid 9%": the stock of the company the main clause names
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lower_ in ("which", "that") and verb.dep_ == "relcl":
        subjects = [verb.head]  # "Nvidia, which began the day with a market capitalisation of $3.4 trillion"
    # (of two subjects the parser gave one verb, the company: "AI hardware giant Nvidia took the
    # biggest hit, with shares dropping 17%", "AI" read as a subject of its own)
    for subj in subjects:
        e = ctx.entities.at(subj.idx, subj.idx + len(subj)) if subj.pos_ == "PROPN" else None
        if e is not None and e.type == "ORG":
            return [entity_ref(ctx, e)]
    return []


def _owner_of_change(subj: Token, ctx: SubjectContext, types) -> EntityRef | None:
    """The named owner of a change noun that is a clause's subject ("Nvidia's Monday plunge
    wiped $600bn from its value"): what "its" in that clause stands for, whatever else the
    clause names ("plunge (UST)")."""
    if subj.lemma_.lower() not in CHANGE_NOUNS:
        return None
    for owner in (c for c in subj.children if c.dep_ == "poss"):
        e = ctx.entities.at(owner.idx, owner.idx + len(owner))
        if e is not None and e.type in types:
            return entity_ref(ctx, e)
    return None


def _nearer_clause_subject(tok: Token, ctx: SubjectContext, types, depth: int = 0) -> list[EntityRef]:
    """The named subject of the inner clause a pronoun sits in, which is nearer than the
    sentence's first subject ("The Nasdaq jumped 2% and chip leader Nvidia rose 8.9%, a day
    after its 17% drop": Nvidia's; "Acme fell after Bexco said its sales slowed": Bexco's);
    a subject that is itself owned by a pronoun ("its slump wiped $59bn off its value") is
    that pronoun's referent."""
    node, subj = tok, None
    for _ in range(12):  # up to the first clause with a subject before the pronoun
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is None and (node.dep_ == "xcomp" or node.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in node.children)):  # "caused Acme to see its stock fall"
                subj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
                node = node.head if subj is not None else node
            if subj is not None:
                break
    if subj is None or node.dep_ == "ROOT" and subj.dep_ != "dobj" or subj.pos_ == "PRON":
        return []
    if tok.head.i == node.i and tok.dep_ in ("dobj", "dative", "iobj"):
        return []  # "... and that the changes would cost it $10bn": an object is not its clause's subject
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is not None:
        return _nearer_clause_subject(owner, ctx, types, depth + 1) if depth < 2 else []
    if (changed := _owner_of_change(subj, ctx, types)) is not None:
        return [changed]
    named = ctx.entities.at(subj.idx, subj.idx + len(subj)) if subj.pos_ == "PROPN" else None
    if named is not None and named.type in types:
        return [entity_ref(ctx, named)]  # "Mark Zuckerberg's Meta Platforms Inc. announced it would": the company
    found = [r for r in resolve_np(subj, ctx, None, 2) if any(
        e.id == r.id and e.type in types for e in ctx.entities.entities)]
    return found[:1]


def _resolve_pronoun(tok: Token, ctx: SubjectContext, sent_root_subject: Token | None) -> list[EntityRef]:
    types = pronoun_types(tok)
    if types is None:
        return []
    if found := _nearer_clause_subject(tok, ctx, types):
        return found
    if sent_root_subject is not None and sent_root_subject.i < tok.i:
        for h in [sent_root_subject, *sent_root_subject.conjuncts]:
            e = ctx.entities.at(h.idx, h.idx + len(h))
            if e is not None and e.type in types:
                return [entity_ref(ctx, e)]
        if (changed := _owner_of_change(sent_root_subject, ctx, types)) is not None:
            return [changed]  # "Nvidia's Monday plunge (UST) wiped $600bn from its value": Nvidia's
        if _unnamed_group_subject(tok, sent_root_subject):
            return []  # "Mikel Arteta's side have won one of their last four": the side, named by no entity
        if tok.lower_ == "its" and sent_root_subject.lemma_.lower() in STORM_NOUNS \
                and (storm := resolve_np(sent_root_subject, ctx, sent_root_subject)):
            return storm  # "The hurricane dumped 20 inches of rain, and its storm surge reached 3.7 metres"
        described_subject = _is_description(sent_root_subject) or _based_description(sent_root_subject) is not None
        if "ORG" in types and described_subject and (described := resolve_np(sent_root_subject, ctx, sent_root_subject)):
            return described  # "the Chinese company stated that it spent $5.6 million", "the Santa Clara,
            # California-based firm slid 10%, and its market value fell": the company described
    if "ORG" in types and (named := _organisation_in_sentence(tok, ctx)) is not None:
        return [named]  # "Meta's biggest plunge wiped $200bn off its market value"
    if "ORG" in types and tok.dep_ == "poss" and tok.head.lower_ in OWNED_METRIC_NOUNS and ctx.salient is not None:
        if tok.head.lemma_.lower() in STOCK_NOUNS and names_a_public_body(ctx.salient.name) \
                and (company := ctx.entities.before(tok.idx, types=("ORG",), within=OWNER_WINDOW,
                                                    accept=lambda e: not names_a_public_body(e.name))) is not None:
            return [entity_ref(ctx, company)]  # a fire service the story is about has no shares: the utility's
        if (previous := _company_of_sentence_before(tok, ctx) or _subject_of_sentence_before(tok, ctx)) is not None:
            return [previous]  # "Broadcom's shares fell 17.4%. As a result, its market value dropped"
        return [ctx.salient]  # "its shares", "its market value"
    if tok.lower_ in THING_PRONOUNS and ctx.last is not None and tok.idx - ctx.last[0] <= LAST_SUBJECT_WINDOW:
        return [ctx.last[1]]
    e = ctx.entities.before(tok.idx, types=types, within=OWNER_WINDOW)
    if e is not None:
        return [entity_ref(ctx, e)]
    return [ctx.salient] if "ORG" in types and ctx.salient is not None else []


# Who a company counts as its own: their number is the company's figure.
CLIENT_NOUNS = frozenset({"user", "subscriber", "customer", "client", "account", "member", "viewer", "listener"})


# How far back the figure of the sentence before may be for "its" to take its company.
SENTENCE_BEFORE_CHARS = 250


def _market_of_the_sentence(np: Token, sent_root_subject: Token | None) -> EntityRef | None:
    """A whole market the sentence is about, unnamed ("the cryptocurrency market", "the stock
    market"), whose value an unowned "market capitalization" after it is: no company's."""
    if sent_root_subject is None or sent_root_subject.i >= np.i or sent_root_subject.pos_ != "NOUN" \
            or sent_root_subject.lemma_.lower() not in ("market", "sector", "industry"):
        return None
    return thing_ref(common_name(sent_root_subject))


def _company_of_sentence_before(tok: Token, ctx: SubjectContext) -> EntityRef | None:
    """The company whose figure the sentence right before gave, which a sentence opening with
    no name of its own takes up as "its"."""
    if ctx.last is None or not 0 < tok.sent.start_char - ctx.last[0] <= SENTENCE_BEFORE_CHARS \
            or tok.sent.start == 0 or ctx.last[0] < tok.doc[tok.sent.start - 1].sent.start_char:
        return None  # (a figure two sentences back is not what the sentence right before is about)
    if ctx.entities.mentions_in(tok.sent.start_char, tok.idx):
        return None  # a name earlier in the sentence (then the rules above decide)
    e = company_entity(ctx.last[1], ctx)
    return ctx.last[1] if e is not None and not names_a_public_body(e.name) else None


def company_entity(ref: EntityRef, ctx: SubjectContext) -> LocalEntity | None:
    """The article's organisation a subject names, if it is no index ("the Nasdaq"), else None."""
    e = next((e for e in ctx.entities.entities if e.id == ref.id), None)
    return e if e is not None and e.type == "ORG" and not INDEX_NAME_RE.match(e.name) else None


def _subject_of_sentence_before(tok: Token, ctx: SubjectContext) -> EntityRef | None:
    """The company that is the main subject of the sentence right before, when the pronoun's
    own sentence names no organisation before it ("Nvidia, a leading designer of AI chips,
    experienced a historic decline. By the close of U.S. markets on Monday, its stock had
    dropped 17%"): the company the text goes on about."""
    sent = tok.sent
    if sent.start == 0 or any(e.type not in PLACE_OR_PEOPLE_TYPES for _, e in ctx.entities.mentions_in(sent.start_char, tok.idx)):
        return None  # (a name before it in its own sentence is what the rules above weigh; a place is none)
    found = _main_subject_organisation(tok.doc[sent.start - 1].sent, ctx, set())
    return None if found is None or INDEX_NAME_RE.match(found.name) else found  # (an index has no stock)


# Nouns for a side of players or people acting together, which "their" takes up.
GROUP_NOUNS = frozenset({"side", "team", "squad", "crew", "players", "members", "fans", "analysts", "investors",
                         "lawmakers", "officials", "voters", "workers", "residents", "protesters"})


def _unnamed_group_subject(pronoun: Token, subject: Token) -> bool:
    """"their" (or "they") after a sentence subject that is a group no entity names ("Mikel
    Arteta's side", "analysts"): the group's, not an organisation named sentences before."""
    return pronoun.lower_ in ("their", "they", "them") and subject.pos_ == "NOUN" \
        and subject.lower_ in GROUP_NOUNS


# Verbs by which a company has a result ("a loss posted by Ford", "a gain recorded by Tesla").
RECORDING_VERBS = frozenset({"post", "record", "suffer", "report", "book", "register", "incur", "notch", "log", "deliver"})
# Quantifiers that stand for the names before them ("Stellantis and Renault, ..., each plummeted").
FLOATING_QUANTIFIERS = frozenset({"each", "both", "all"})


def _named_before_quantifier(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, depth: int) -> list[EntityRef]:
    """The names a floating "each"/"both" stands for: the verb's other nominal dependents
    before it (the parser hangs them loose when an aside comes between), with their conjuncts."""
    found: list[EntityRef] = []
    for dep in np.head.children:
        if dep.i >= np.i or dep.dep_ not in ("dep", "nsubj", "npadvmod") or dep.pos_ not in ("PROPN", "NOUN"):
            continue
        for name in (dep, *dep.conjuncts):
            for ref in resolve_np(name, ctx, sent_root_subject, depth + 1):
                if ref not in found:
                    found.append(ref)
    if not found and np.i > 0 and (named := np.doc[np.i - 1]).pos_ in ("PROPN", "NOUN") and named.head.i != np.head.i:
        while named.dep_ in ("compound", "flat") and named.head.i > named.i:
            named = named.head
        while named.dep_ == "conj" and named.head.i < named.i:
            named = named.head  # "with Acme and Bexco each rising by over 1%": the names right before it
        for name in (named, *named.conjuncts):
            for ref in resolve_np(name, ctx, sent_root_subject, depth + 1):
                if ref not in found:
                    found.append(ref)
    return found


def _described_by_apposition(noun: Token, ctx: SubjectContext) -> EntityRef | None:
    """The named entity a common noun's apposition describes, the noun being its head or the
    object of a preposition in it ("Acme, a supplier of AI chips": Acme for "chips"), else None."""
    if noun.pos_ != "NOUN":
        return None
    node = noun
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        node = node.head.head
    if node.dep_ != "appos" or node.pos_ != "NOUN" or node.head.pos_ != "PROPN":
        return None
    e = ctx.entities.at(node.head.idx, node.head.idx + len(node.head))
    return entity_ref(ctx, e) if e is not None and e.type in SUBJECT_TYPES else None


def _organisation_at(tok: Token, ctx: SubjectContext) -> bool:
    """The word is (part of) an organisation's name."""
    e = ctx.entities.at(tok.idx, tok.idx + len(tok))
    return e is not None and e.type == "ORG"


def _traded(np: Token) -> bool:
    """The noun names a commodity or a contract it trades by ("gold", "crude futures")."""
    return np.lower_ in CONTRACT_WORDS or np.lemma_.lower() in COMMODITY_SUBJECTS


def _owner_of(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, preps: tuple[str, ...],
              compounds: bool = True) -> list[EntityRef]:
    """The owner a noun names with a possessor, a proper-noun compound, a preposition or the
    agent of a participle ("a deficit recorded by Harwick Mills"); ``compounds=False`` for a
    counted plural, whose common-noun compound is part of what is counted ("four league games")."""
    for child in np.children:  # (a title-case "Market Value" has no owner "Market")
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i < np.i and child.pos_ == "PROPN"
                                    and child.lower_ not in METRIC_MODIFIERS) \
                or (child.dep_ == "amod" and child.i < np.i and _organisation_at(child, ctx)):
            # (a company the tagger read as an adjective: "Zorvanta shares", not "European stocks")
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    for child in np.children if compounds else ():  # "the referendum turnout", but not "market value", "user growth", "single-day loss"
        if child.dep_ == "compound" and child.i < np.i and child.pos_ == "NOUN" and child.lemma_.lower() not in METRIC_MODIFIERS \
                and child.lemma_.lower() not in SPAN_NOUNS and hyphenated_word(child) is None and child.lower_ not in SCALES \
                and child.lower_ not in ("cent", "percent", "pct") and not opens_hyphenated(child):  # (not "eight per cent drop")
            found = resolve_np(child, ctx, sent_root_subject)
            if found:
                return found
    for child in np.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and not (np.lemma_.lower() == "share" and child.lower_ == "of"
                                               and obj.lemma_.lower() == "market"):  # "its 30% share of the market": its
                    found = resolve_np(obj, ctx, sent_root_subject)
                    if found:
                        return found
    for clause in np.children:  # "a $2.4 billion deficit recorded by Harwick Mills": who recorded it (not "fueled by")
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in RECORDING_VERBS:
            for agent in clause.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj" and (found := resolve_np(obj, ctx, sent_root_subject)):
                            return found
    return []


# What a turnout is of.
ELECTION_RE = re.compile(r"\b(?P<noun>referendum|election|plebiscite|primary|runoff|by-election)s?\b", re.I)
# The kind of vote each word names: one outlet's "runoff" is another's "election" (its date
# tells a round from the next), a plebiscite is a referendum.
VOTE_KINDS = {"referendum": "referendum", "plebiscite": "referendum"}


def turnout_of(pos: int, ctx: SubjectContext) -> list[EntityRef]:
    """"Turnout was 84 percent": the turnout of the vote the article is about, the last
    referendum or election named before it (else the first named after), by its kind
    (``VOTE_KINDS``)."""
    before = [m for m in ELECTION_RE.finditer(ctx.text, 0, pos)]
    m = before[-1] if before else ELECTION_RE.search(ctx.text, pos)
    return [thing_ref(VOTE_KINDS.get(m.group("noun").lower(), "election"))] if m else []


def structure_ref(ctx: SubjectContext, s: Structure) -> EntityRef:
    return EntityRef(name=s.name, id=s.entity_id) if s.entity_id else (entity_named(ctx, s.name) or thing_ref(s.name))


def structure_subject(np: Token, ctx: SubjectContext) -> list[EntityRef]:
    """"the Morandi bridge", "the viaduct", "the deck": the structure the article names (see
    ``subject_structures``); an indefinite one ("a new bridge") is none in particular."""
    structures, principal = ctx.structures
    named = next((s for s in structures if s.start <= np.idx < s.end), None)
    if named is not None:
        return [structure_ref(ctx, named)]
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "every") for c in np.children):
        return []
    named = structure_at(np.idx, np.sent.end_char, structures)
    if named is not None:
        return [structure_ref(ctx, named)]
    return [thing_ref(principal)] if principal else []


def _is_share_class(np: Token) -> bool:
    """A class of a company's stock, named by one capital letter after "Class" ("Class A",
    "Class B"): a listing's name in price lines, never a subject of its own."""
    return len(np.text) == 1 and np.text.isupper() and np.i > 0 and np.doc[np.i - 1].lower_ == "class"


# Words by which a relative clause speaks of every name listed before it ("X and Y, which fell
# 2% and 4%, respectively", "X and Y, which both fell").
ALL_LISTED_WORDS = frozenset({"respectively", "both", "each", "all"})


def relative_clause_of_one(name: Token) -> bool:
    """A relative clause follows the name and is said of it alone, not of the names listed
    with it ("Huang and Larry Ellison, who lost $22.6bn")."""
    return any(c.dep_ == "relcl" and not any(t.lower_ in ALL_LISTED_WORDS for t in (*c.subtree, *_words_after(c)))
               for c in name.children)


def _words_after(clause: Token) -> list[Token]:
    """The word right after a clause, past punctuation ("which fell 2% and 4%, respectively")."""
    doc, k = clause.doc, clause.right_edge.i + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text != ".":
        k += 1
    return [doc[k]] if k < len(doc) else []


# Scales written against a number, which the tokenizer may split off as a noun ("$300m").
SCALE_SUFFIXES = frozenset({"m", "mn", "mln", "b", "bn", "bln", "k", "tn", "trn"})


# How far back (characters) "the index" looks for the index it refers to.
INDEX_WINDOW = 1500


def _index_described(np: Token, ctx: SubjectContext) -> EntityRef | None:
    """The index a description that names none refers to ("the index", "the leading US tech
    index", "the tech-heavy index"): the one named last before it, else None. A description
    with a name of its own ("the Philadelphia semiconductor index", "the Stoxx 600 index")
    is that index (the rules after this)."""
    if np.lower_ != "index" or not any(c.dep_ == "det" and c.lower_ == "the" for c in np.children):
        return None  # (not "the benchmark indexes": several)
    if any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" and not is_country(t.text) or t.like_num
           for t in np.subtree if t.i < np.i):
        return None  # ("the US tech index" names no index; "the Philadelphia semiconductor index" does)
    doc = np.doc
    for tok in reversed(doc[max(0, np.sent.start - 200):np.i]):
        if np.idx - tok.idx > INDEX_WINDOW:
            break
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # (a name's head word holds the whole name)
        name = proper_name(tok)
        if INDEX_NAME_RE.match(name) and not LIST_NAME_RE.match(name):
            return entity_named(ctx, name) or thing_ref(name)
    return None


# Rankings whose names an index's share a pattern with ("the Fortune 500", "the Forbes 400").
LIST_NAME_RE = re.compile(r"(?:the\s+)?(?:fortune|forbes)\b", re.I)


def _index_named_by_number(np: Token) -> str | None:
    """The name of a stock index the parser made its number the head of ("the Nasdaq 100
    dropped 3.6%": "100", with "Nasdaq" compounded into it), else None."""
    if np.pos_ != "NUM" or not re.fullmatch(r"\d{2,4}", np.text):
        return None
    names = [c for c in np.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < np.i]
    if not names or not INDEX_NAME_RE.fullmatch(np.doc[names[0].i:np.i].text):
        return None
    return np.doc[names[0].i:np.i + 1].text


def _based_description(np: Token) -> Token | None:
    """The "X-based" noun the parser made the apposition of a place ("The Santa Clara,
    California-based firm": "firm" on "Clara"), else None."""
    return next((c for c in np.rights if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and any(t.lower_ == "based" for t in c.lefts)), None)


# An index's name written out as few outlets write it, and the name most do.
STANDARD_AND_POORS_RE = re.compile(r"\bStandard\s*(?:&|and)\s*Poor['’]?s\s+500\b", re.I)
DOW_AVERAGE_RE = re.compile(r"\bDow\s+Jones\s+(?:industrial\s+)?average\b", re.I)


def _index_written_out(np: Token) -> str | None:
    """"S&P 500" for "the Standard & Poor's 500 index" (which the model splits into two
    names) and "Dow Jones Industrial Average" for "the Dow Jones industrial average" (which
    it reads as an average); else None."""
    text, at = doc_text(np.doc), np.idx
    for pattern, name in ((STANDARD_AND_POORS_RE, "S&P 500"), (DOW_AVERAGE_RE, "Dow Jones Industrial Average")):
        for match in pattern.finditer(text, max(0, at - 40), at + len(np.text) + 40):
            if match.start() <= at < match.end():
                return name
    return None


def _index_futures(np: Token) -> str | None:
    """The futures on a stock index, named with it ("Nasdaq 100 futures", "S&P 500 futures",
    "Dow futures"): a contract of their own that moves before the index opens; else None."""
    if np.lower_ != "futures":  # (however written: "Nasdaq Futures")
        return None
    names = [c for c in np.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < np.i]
    if not names or not INDEX_NAME_RE.match(np.doc[names[0].i:np.i].text):
        return None
    return np.doc[names[0].i:np.i + 1].text


def resolve_np(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, depth: int = 0) -> list[EntityRef]:
    """The subject a noun phrase names (see the module docstring). A phrase that, through
    its owners, pronouns and their clauses, comes back to itself names no one (the parse of
    a long sentence can make such a loop: "its" in a clause whose subject the pronoun owns)."""
    resolving = ctx.cache.setdefault("resolving", set())
    if depth > 3 or np.i in resolving or _in_dateline(np, ctx):
        return []  # (nor is a dateline's "LONDON (Reuters) -" or "CAPE CANAVERAL, Fla. —" anyone's figure)
    resolving.add(np.i)
    try:
        return _resolve_np(np, ctx, sent_root_subject, depth)
    finally:
        resolving.discard(np.i)


# Nouns of a market as a whole, whose move the names given as its examples do not share.
MARKET_NOUNS = frozenset({"stock", "share", "market", "index", "sector", "equity", "bourse"})


def _named_examples(noun: Token, ctx: SubjectContext) -> list[EntityRef]:
    """The names a plural noun gives as its examples ("chipmakers like Kelmont and Varo",
    "lenders such as Acme", "other AI players, including Kelmont and Varo": companies, not the
    people a group includes), when every one is a name."""
    for prep in noun.children:
        such_as = prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
        # ("tech stocks, including Kelmont, fell 3%": the market's move, which the names only illustrate)
        including = prep.lower_ == "including" and noun.lemma_.lower() not in MARKET_NOUNS
        if prep.dep_ != "prep" or not (prep.lower_ == "like" or such_as or including):
            continue
        objects = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
        found = [e for o in objects if (e := ctx.entities.at(o.idx, o.idx + len(o))) is not None and e.type in SUBJECT_TYPES]
        if found and all(o.pos_ == "PROPN" for o in objects) \
                and (not including or all(e.type == "ORG" for e in found)):  # ("members, including Dave Ramsden, voted")
            return [entity_ref(ctx, e) for e in {e.id: e for e in found}.values()]
    return []


# Things a company makes that a story names by a definite description ("this model", "the
# chatbot", "the shot"), and the words for one form of them ("the initial version of this model").
MADE_THING_NOUNS = frozenset({"model", "chatbot", "app", "assistant", "vaccine", "shot", "jab", "drug", "pill", "therapy",
                              "treatment", "medicine"})
VERSION_NOUNS = frozenset({"version", "iteration", "edition"})


def _maker_of_the_model(np: Token, ctx: SubjectContext) -> list[EntityRef] | None:
    """"this model", "the initial version of this model" with no owner of its own: the
    organisation named last before it, which made it ("DeepSeek released a model. … the first
    version of this model cost under $6m to build"); None for any other phrase."""
    lemma = np.lemma_.lower()
    if lemma in VERSION_NOUNS:
        of = next((o for c in np.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.dep_ == "pobj"), None)
        return _maker_of_the_model(of, ctx) if of is not None else None
    if lemma not in MADE_THING_NOUNS or any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in np.children) \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in np.children):
        return None
    maker = _maker_named_before(np, ctx) or ctx.entities.before(np.idx, types=("ORG",), within=OWNER_WINDOW)
    return [entity_ref(ctx, maker)] if maker is not None else None


def _maker_named_before(np: Token, ctx: SubjectContext) -> LocalEntity | None:
    """The last organisation before ``np`` named as one that acts or makes ("DeepSeek released
    a model", "a vaccine made by Halvex", "Halvex's vaccine"), not one acted on ("to challenge
    Corvane")."""
    doc = np.doc
    for mention, e in reversed(ctx.entities.mentions_in(max(0, np.idx - OWNER_WINDOW), np.idx)):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if e.type == "ORG" else None
        if span is None:
            continue
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass", "poss") or root.dep_ == "pobj" and root.head.dep_ == "agent":
            return e
    return None


def _in_dateline(token: Token, ctx: SubjectContext) -> bool:
    """The token is part of a dateline (the place, agency and dash that open a story)."""
    if "datelines" not in ctx.cache:
        ctx.cache["datelines"] = dateline_spans(ctx.text)
    return any(a <= token.idx < b for a, b in ctx.cache["datelines"])


def _modifiers_before(np: Token) -> list[Token]:
    """The names and compounds before a noun, then the names that hang on a compound before it
    that no entity holds ("Nvidia fuels optimism": a headline's verb read as a noun, which the
    name modifies)."""
    def modifies(t: Token) -> bool:
        return t.dep_ in ("compound", "nmod") or t.dep_ == "amod" and t.pos_ == "PROPN"
    children = [c for c in np.children if c.i < np.i and modifies(c)]
    nested = [g for c in children if c.dep_ == "compound" and c.ent_type_ == ""
              for g in c.children if g.i < c.i and modifies(g)]
    return [*children, *nested]


# How far back "the former" and "the latter" look for the pair they pick from: their own
# sentence and the one before.
PAIR_SENTENCES = 2


def _former_or_latter(np: Token) -> Token | None:
    """The name "the former" or "the latter" picks from the last two names joined by "and"
    before it ("dragged down the S&P 500 and the Nasdaq. The former fell 1.5%"); None for any
    other noun, or with no such pair."""
    if np.lower_ not in ("former", "latter") or not any(c.dep_ == "det" and c.lower_ == "the" for c in np.children):
        return None
    sentences = [s for s in np.doc.sents if s.start <= np.i][-PAIR_SENTENCES:]
    start = sentences[0].start if sentences else 0
    for token in reversed(np.doc[start:np.i]):
        if token.dep_ == "conj" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" and token.head.i >= start:
            return token.head if np.lower_ == "former" else token
    return None


# How many words back a loose "which" may look for its noun ("European tech stocks as well, which").
WHICH_REACH = 4


def _antecedent_of_loose_which(np: Token) -> Token | None:
    """The noun a "which" after a comma stands for when the parser made its clause no relative
    clause of that noun ("The news rattled European tech stocks as well, which slid 4.5%"):
    the noun right before the comma, past adverbs; None otherwise."""
    if np.lower_ != "which" or np.dep_ not in ("nsubj", "nsubjpass") or np.head.dep_ == "relcl" \
            or np.i == 0 or np.doc[np.i - 1].text != ",":
        return None
    for tok in reversed(np.doc[max(np.sent.start, np.i - 1 - WHICH_REACH):np.i - 1]):
        if tok.pos_ in ("ADV", "PUNCT"):
            continue  # "as well", "too"
        return tok if tok.pos_ in ("NOUN", "PROPN") else None
    return None


# Pronouns that stand for a noun said before, owned by the name after them ("those in
# Oracle rose 3.4%": Oracle's shares; "that of its rival").
STAND_IN_PRONOUNS = frozenset({"those", "that", "these"})


def _resolve_np(np: Token, ctx: SubjectContext, sent_root_subject: Token | None, depth: int) -> list[EntityRef]:
    if np.lower_ in STAND_IN_PRONOUNS and np.pos_ in ("PRON", "DET"):
        owners = [g for c in np.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                  for g in c.children if g.dep_ == "pobj"]
        if owners:
            return resolve_np(owners[0], ctx, sent_root_subject, depth + 1)
    if np.lower_ == "whose":  # "Huang, whose stake is worth $100bn": the one the clause describes
        node = np.head
        for _ in range(4):
            if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
                named = name_before_relative(np)  # "OpenAI and Oracle, whose shares fell": the name it follows
                if named is not None and named in node.head.conjuncts \
                        and (e := ctx.entities.at(named.idx, named.idx + len(named))) is not None:
                    return [entity_ref(ctx, e)]
                if (described := _described_by_apposition(node.head, ctx)) is not None:
                    return [described]  # "Acme, a leading supplier of AI chips, whose stock fell": Acme's
                return resolve_np(node.head, ctx, sent_root_subject, depth + 1)
            if node.head.i == node.i:
                break
            node = node.head
        named = name_before_relative(np)  # (a parse with no relative clause: the name before "whose")
        e = ctx.entities.at(named.idx, named.idx + len(named)) if named is not None else None
        return [entity_ref(ctx, e)] if e is not None and e.type in SUBJECT_TYPES else []
    if (antecedent := _antecedent_of_loose_which(np)) is not None:
        return resolve_np(antecedent, ctx, sent_root_subject, depth + 1)
    if (member := _former_or_latter(np)) is not None:  # "The former fell 1.5%, while the latter fell 3.1%"
        e, name = ctx.entities.at(member.idx, member.idx + len(member)), proper_name(member)
        if e is not None and e.type in SUBJECT_TYPES and not (name[-1:].isdigit() and not e.name[-1:].isdigit()):
            return [entity_ref(ctx, e)]
        return [entity_named(ctx, name) or thing_ref(name)]  # ("the Nikkei 225", not the Nikkei 500)
    if (contract := _index_futures(np)) is not None:  # "Dow futures": not the Dow's own move
        listed = (_index_futures(c) for c in np.conjuncts)  # "S&P 500 Futures and Dow Futures fell 2.6% and 1.1%"
        return [thing_ref(name) for name in (contract, *(n for n in listed if n is not None))]
    if (glued := GLUED_POSSESSIVE_RE.fullmatch(np.lower_)) is not None:  # "history afterits shares"
        if glued.group("pronoun") in ("its", "their"):
            return [ctx.salient] if ctx.salient is not None else []
        person = ctx.entities.before(np.idx, types=("PERSON",), within=OWNER_WINDOW)
        return [entity_ref(ctx, person)] if person is not None else []
    if _one_of_a_nation(np) and getattr(ctx.entities.at(np.idx, np.idx + len(np)), "type", "NORP") == "NORP":
        # "The 24-year-old Italian saved two break points": the person named before (not "the
        # Kospi", an index whose name ends like "Israeli")
        person = _described_person(np.idx, ctx)
        return [entity_ref(ctx, person)] if person is not None else []
    if (owned := owned_words(np)) is not None:  # "the Facebook parent plunged 22%": the story's company, not Facebook
        named = np.head if np.dep_ == "appos" and np.head.pos_ == "PROPN" else next(
            (c for c in np.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        before = min(t.i for t in np.subtree if not t.is_punct)
        if named is None and before >= 2 and np.doc[before - 1].text == "," and np.doc[before - 2].pos_ == "PROPN":
            named = np.doc[before - 2]  # "Alphabet, Google's parent company, dropped 4%" (however it is parsed)
        if named is not None:  # "Alphabet, Google's parent,", "Acme Bank's parent company, Acme Financial": the name
            return resolve_np(named, ctx, sent_root_subject, depth + 1)
        return _owner_of_named(owned, ctx)
    if _is_share_class(np):  # "Facebook, Inc. Class A (FB) closed at $176.26": the company's stock
        before = _organisation_before(np.idx, ctx, np.doc)
        return [before] if before is not None else ([ctx.salient] if ctx.salient is not None else [])
    if np.lemma_.lower() in STORM_NOUNS and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in np.children) \
            and (storm := _storm_before(np.idx, ctx)) is not None:
        return [entity_ref(ctx, storm)]  # "the storm pushed a surge of 12 feet": the one named before
    if np.lemma_.lower() in WATER_NOUNS and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in np.children) \
            and (water := _water_before(np.idx, np.lemma_.lower(), ctx)) is not None:
        return [entity_ref(ctx, water)]  # "the level of the river rose 41 cm": the river named before
    if np.lower_ == "turnout":  # "Turnout was 72%" (which the recogniser may take for a name)
        owner = _owner_of(np, ctx, sent_root_subject, ("in", "of", "for"))
        if owner and all(ELECTION_RE.fullmatch(r.name) for r in owner):
            owner = []  # "turnout in the runoff": the election's, by its kind (``turnout_of``)
        return owner or turnout_of(np.idx, ctx)
    based = _based_description(np)
    if based is not None and getattr(ctx.entities.at(np.idx, np.idx + len(np)), "type", None) == "GPE":
        # "The Santa Clara, California-based firm slid 10%": the parser made the town the subject
        # and the firm, the company named last, its apposition
        if is_org_noun(based) and (described := _organisation_named_last(np.idx, ctx)) is not None:
            return [described]
        return resolve_np(based, ctx, sent_root_subject, depth + 1)
    found: list[EntityRef] = []
    # a relative clause is said of the name it follows: "Huang and Larry Ellison, who lost $22.6bn"
    listed = [] if relative_clause_of_one(np) else list(np.conjuncts)
    for h in [np, *listed]:
        e = ctx.entities.at(h.idx, h.idx + len(h))
        if e is None and h is not np and h.pos_ == "NOUN":  # "Microsoft and Google parent Alphabet": the name in apposition
            e = next((x for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and (x := ctx.entities.at(c.idx, c.idx + len(c))) is not None), None)
        if e is not None and e.type in SUBJECT_TYPES:
            ref = entity_ref(ctx, e)
            if h.pos_ == "PROPN" and (name := proper_name(h))[-1:].isdigit() and not e.name[-1:].isdigit():
                ref = entity_named(ctx, name) or thing_ref(name)  # "the FTSE 100", not the FTSE 250
            if ref.name.casefold() in OWNED_METRIC_NOUNS:  # "Nvidia's Stock Plunges 17%": the stock's owner
                owner = _owner_of(h, ctx, sent_root_subject, ("of",))
                found.extend(r for r in (owner or ([ctx.salient] if ctx.salient else [])) if r not in found)
                continue
            if ref not in found:
                found.append(ref)
        elif h.pos_ == "PROPN" and INDEX_NAME_RE.match(name := proper_name(h)) \
                and (found or INDEX_NAME_RE.fullmatch(name) or name.split()[-1].casefold() in INDEX_HEAD_WORDS):
            # "the Nasdaq and the S&P 500 each fell 2%"; "The Nikkei ended down 0.6%" where the model tagged no name
            found.append(entity_named(ctx, name) or thing_ref(name))
    if found:
        return found
    if np.pos_ == "VERB" and np.dep_ in ("csubj", "csubjpass"):  # "Rebuilding the bridge will cost $2bn": the bridge
        obj = next((c for c in np.children if c.dep_ == "dobj"), None)
        return resolve_np(obj, ctx, sent_root_subject, depth + 1) if obj is not None else []
    if np.tag_ == "NNS" and (examples := _named_examples(np, ctx)):
        return examples  # "chipmakers like Kelmont and Varo plunged 15%": the ones it names
    if np.pos_ == "NOUN" and np.lemma_.lower() not in INDEX_HEAD_WORDS:
        for child in np.rights:
            if child.dep_ == "appos" and child.lemma_.lower() in INDEX_HEAD_WORDS \
                    and (index := resolve_np(child, ctx, sent_root_subject, depth + 1)):
                return index  # "The key indicator, the 225-share Nikkei stock average, plunged": the index
    # "AI chipmaker Kelmont", "its competitor Varo": the name the description stands beside (also
    # a capitalised word no entity holds that the parser made the head: "AI bellwether Kelmont")
    if np.pos_ == "NOUN" or np.pos_ == "PROPN" and ctx.entities.at(np.idx, np.idx + len(np)) is None:
        for child in np.rights:  # (with the names listed after it: "chipmakers Kelmont and Varo")
            e = ctx.entities.at(child.idx, child.idx + len(child)) if child.dep_ == "appos" else None
            if e is None and child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == np.i + 1 \
                    and (np.lemma_.lower() in DESCRIPTION_NOUNS or np.lemma_.lower().endswith("maker")):
                name = proper_name(child)  # "shares of Dutch chipmaker ASML": the name the model did not tag
                return [entity_named(ctx, name) or thing_ref(name)]
            if e is None and child.dep_ == "appos" and child.lower_ in OWNED_METRIC_NOUNS:
                # "Cybersecurity Firm CrowdStrike's Shares Drop 11%": the parser makes the shares the
                # description's apposition; their owner is the one named
                owner = next((c for c in child.children if c.dep_ == "poss"), None)
                e = ctx.entities.at(owner.idx, owner.idx + len(owner)) if owner is not None else None
            if e is not None and e.type in SUBJECT_TYPES:
                refs = [entity_ref(ctx, e)]
                for other in (ctx.entities.at(c.idx, c.idx + len(c)) for c in child.conjuncts):
                    if other is not None and other.type in SUBJECT_TYPES and (ref := entity_ref(ctx, other)) not in refs:
                        refs.append(ref)
                return refs
    if np.lower_ in STRUCTURE_NOUNS or np.lemma_.lower() in STRUCTURE_NOUNS:
        found = structure_subject(np, ctx)
        if found:
            return found
    if (holder := _role_holder(np, ctx)) is not None:
        return holder
    qualifiers = [t.text for t in np.lefts if t.dep_ in ("amod", "compound", "nmod")]
    if qualifiers and (currency := currency_name(" ".join([*qualifiers, np.text]))):
        return [thing_ref(currency)]  # "the Canadian dollar", whose "Canadian" is no owner
    whose = next((c for c in np.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is not None and (owner := resolve_np(whose, ctx, sent_root_subject, depth + 1)):
        return owner  # "Corvane, whose own RSV vaccine was 83% effective": Corvane's, not RSV's
    if (index := _index_described(np, ctx)) is not None:
        return [index]  # "the leading US tech index" after "the Nasdaq Composite fell 3.1%"
    for child in _modifiers_before(np):  # "its DeepSeek-V3 model", "the Magnificent Seven tech firms"
        e = ctx.entities.at(child.idx, child.idx + len(child))
        if e is not None and e.type in PLACE_OR_PEOPLE_TYPES and (_is_description(np) or _traded(np)
                                                                  or child.head.i != np.i
                                                                  or any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                                         for c in np.children)):
            # "the Seattle planemaker", "the US chipmaker", "U.S. crude futures", "U.S. crude CLc1", "its U.S.
            # shares": where, not who
            continue
        if np.lower_ == "index" and child.pos_ == "PROPN" and (e is None or e.type in PLACE_OR_PEOPLE_TYPES):
            name, nxt = proper_name(child), np.doc[child.i + 1]
            if nxt.i < np.i and re.fullmatch(r"\d{2,4}", nxt.text) and not name.endswith(nxt.text):
                name = f"{name} {nxt.text}"  # "the Stoxx 600 index", whatever the model named
            elif is_prominent_place(name):
                name = np.doc[child.i:np.i + 1].text  # "the Philadelphia semiconductor index": the index, not the city
            return [entity_named(ctx, name) or thing_ref(name)]  # ("the Kospi index", "the DAX index")
        if e is not None and e.type in SUBJECT_TYPES:
            nxt = np.doc[child.i + 1]
            if child.pos_ == "PROPN" and nxt.i < np.i and re.fullmatch(r"\d{2,4}", nxt.text) and not e.name[-1:].isdigit():
                name = proper_name(child)  # "the Stoxx 600 index" (whose name may hold its number already)
                name = name if name.endswith(f" {nxt.text}") else f"{name} {nxt.text}"
                return [entity_named(ctx, name) or thing_ref(name)]
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
    if (index := _index_named_by_number(np) or _index_written_out(np)) is not None:
        return [entity_named(ctx, index) or thing_ref(index)]
    lower, lemma = np.lower_, np.lemma_.lower()
    if (glued := hyphenated_word(np)) is not None:
        lower = lemma = glued  # "sell-off", which the tokenizer splits, and not "off"
    phrase = np.doc[np.left_edge.i:np.i + 1].text
    if AGE_DESCRIPTION_RE.search(phrase) and phrase.lower().startswith("the "):  # "the 34-year-old"
        person = _described_person(np.idx, ctx)
        return [entity_ref(ctx, person)] if person is not None else []
    if np.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY") or lemma in NOT_SUBJECT_NOUNS:
        return []
    if lower in SCALE_SUFFIXES and np.i > 0 and np.nbor(-1).like_num and not np.nbor(-1).whitespace_:
        return []  # "$300m fraud": the "m" is the figure's scale
    if lemma in ("number", "total", "count", "toll", "tally"):  # "the number of people killed" (not "the death toll": death's)
        found = _owner_of(np, ctx, sent_root_subject, ("of",), compounds=False)
        counted = [o for p in np.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not found and any(o.lemma_.lower() in CLIENT_NOUNS for o in counted) and ctx.salient is not None \
                and company_entity(ctx.salient, ctx) is not None:
            found = [ctx.salient]  # "the number of users in Europe fell to 279m": the story's company's users
        return found
    if np.lower_ in ("himself", "herself"):  # "Zuckerberg, ..., has himself lost $16 billion": the person named before
        person = ctx.entities.before(np.idx, types=("PERSON",), within=np.idx - np.sent.start_char)
        return [entity_ref(ctx, person)] if person is not None else []
    if np.lower_ in FLOATING_QUANTIFIERS and np.dep_ == "nsubj":
        found = _named_before_quantifier(np, ctx, sent_root_subject, depth)
        if found:
            return found
    if np.pos_ == "PRON" or np.tag_ in ("PRP", "PRP$"):
        return _resolve_pronoun(np, ctx, sent_root_subject)
    if lemma in NATION_NOUNS and any(c.dep_ == "det" and c.lower_ in OWNER_DETERMINERS for c in np.children):
        country = _country_before(np.idx, ctx)  # "the country's economy": the country the text has named
        return [entity_ref(ctx, country)] if country is not None else []
    if _is_description(np):
        skip = _not_described_so(np, ctx) | _not_so_named(np, ctx) | _named_in_own_words(np, ctx) | _markets(np, ctx)
        before = (_organisation_earlier_in_sentence(np, ctx, skip) or _organisation_before(np.idx, ctx, np.doc, skip)
                  or _only_organisation_just_before(np, ctx, skip))
        if before is not None:
            return [before]
        return [ctx.salient] if ctx.salient is not None and ctx.salient.id not in skip else []
    if lemma == "level":  # "the level of the Guaíba river": the river's, when a name says which (not "flood level")
        return [r for r in _owner_of(np, ctx, sent_root_subject, ("of",)) if r.name[:1].isupper()]
    if lower in OWNED_METRIC_NOUNS or lemma in OWNED_METRIC_NOUNS or lower in CHANGE_NOUNS or lemma in CHANGE_NOUNS or lower in PART_NOUNS:
        # (damage is also the storm's or the war's it comes from: "damage from Hurricane Kora")
        owner = _owner_of(np, ctx, sent_root_subject, ("of", "in", "at", "for", "from") if lemma == "damage"
                          else ("of", "in", "at", "for"))
        if owner:
            return owner
        if lower in COMPANY_NOUNS or lemma in COMPANY_NOUNS or lower in ("value", "cap", "capitalization", "capitalisation"):
            found = _clause_organisation(np, ctx)  # "Nvidia experienced a 17% drop in stock value"
            if not found and (market := _market_of_the_sentence(np, sent_root_subject)) is not None:
                return [market]  # "The crypto market took a hit, with total market capitalization dropping 6.4%"
            if not found and any(c.dep_ == "det" and c.lower_ == "the" for c in np.children) \
                    and (previous := _company_of_sentence_before(np, ctx) or _subject_of_sentence_before(np, ctx)):
                found = [previous]  # "Nvidia's shares were among the worst hit. The stock declined 9.55%"
            return found or ([ctx.salient] if ctx.salient is not None else [])
        return []
    if np.i == np.sent.start and np.pos_ in ("PROPN", "NOUN") and (lower in OWNED_METRIC_NOUNS or lower in CHANGE_NOUNS):
        owner = _owner_of(np, ctx, sent_root_subject, ("of", "in", "at", "for"))  # "Turnout in the referendum"
        return owner
    if np.pos_ == "PROPN" and np.text[:1].isupper():
        out = []
        for h in [np, *(c for c in np.conjuncts if c.pos_ == "PROPN" and c.text[:1].isupper())]:  # "the S&P 500 and the Nasdaq 100"
            name = proper_name(h)
            name = trimmed_name(name) or name
            if (ref := entity_named(ctx, name) or thing_ref(name)) not in out:
                out.append(ref)
        return out
    if (made := _maker_of_the_model(np, ctx)) is not None:
        return made
    if np.pos_ == "NOUN" and lemma not in SUBJECTLESS_NOUNS and np.is_alpha:
        # "Facebook's monthly active user count"; but a relative is a person of their own ("her husband")
        owner = [c for c in np.children if c.dep_ == "poss"] if lemma not in KIN_NOUNS else []
        found = resolve_np(owner[0], ctx, sent_root_subject, depth + 1) if owner else []
        if found and lemma in DESCRIPTION_NOUNS and ctx.salient is not None and _is_person(found[0], ctx):
            return [ctx.salient]  # "Zuckerberg's company": the company, not its founder
        return found or [thing_ref(common_name(np))]
    return []

