"""Entity types by vote: every mention's model label and its context (descriptors,
titles, possessed nouns, verbs, the other names of a list, life dates or an age, a
release year) and the name itself (its last word, a first name, the place gazetteer)
add evidence, never one mention alone; a label the name does not support counts for less."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.gazetteer import is_country
from extractor.extract.lexicon import (
    AGENT_VERBS,
    COMPANY_TITLES,
    CRAFT_HEAD_WORDS,
    AWARD_HEAD_WORDS,
    NATURE_FIRST_WORDS,
    NATURE_HEAD_WORDS,
    EVENT_FIRST_WORDS,
    EVENT_HEAD_WORDS,
    ATHLETE_NOUNS,
    FACILITY_FIRST_WORDS,
    FACILITY_HEAD_WORDS,
    HEAD_TAIL_WORDS,
    INSTITUTION_NOUNS,
    LEGISLATURE_NAMES,
    ONE_WORD_EVENTS,
    ORG_HEAD_WORDS,
    WORK_DESCRIPTORS,
    WORK_HEAD_WORDS,
    english_nouns,
    english_words,
    COMPANY_NOUNS,
    DEMONYM_RE,
    HONORIFICS,
    KIN_NOUNS,
    LAW_WORDS,
    MAKER_NOUNS,
    MARKET_VERBS,
    NAME_PARTICLES,
    ORG_DESCRIPTORS,
    ORG_NAME_ENDINGS,
    PERSON_EVENT_NOUNS,
    PLACE_DESCRIPTORS,
    PUBLICATION_ENDINGS,
    PRODUCT_NOUNS,
    SHIP_PREFIXES,
    CLUB_NAME_WORDS,
    CLUB_TAIL_WORDS,
    CLUB_TITLES,
    VESSEL_NOUNS,
    NAME_TITLE_WORDS,
    TITLE_WORDS,
    is_demonym,
    is_demonym_noun,
    is_place_name,
    is_prominent_place,
    is_town_name,
    well_known_place_names,
)
from extractor.nlp.views import doc_text

# "London Stock Exchange Group (LSEG)": the bracketed acronym is an alias.
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")

# How much one piece of evidence weighs in the type vote.
LABEL_WEIGHT = 1.0  # the model's label on one mention
HEADING_LABEL_WEIGHT = 0.25  # the label on a mention in a title-case heading
TIE_WEIGHT = 0.25  # what settles a name the model read as often one way as the other
CONTEXT_WEIGHT = 2.5  # a descriptor, title or possessed noun that says what the name is
WEAK_CONTEXT_WEIGHT = 1.5  # a verb whose subject must be an agent
SOURCE_WEIGHT = 5.0  # the name is the article's own outlet
# Life dates or an age after a name: only people have them, and a biography's subject is
# named bare many times ("Holt"), which the small model calls an organisation as often.
LIFE_DATES_WEIGHT = 4 * CONTEXT_WEIGHT
# Labels the model gives without support are discounted to this share.
UNSUPPORTED_LABEL_SHARE = 0.35
# The small model calls many company names products; a product name without a
# version number ("R1", "H800") carries half a label.
PRODUCT_LABEL_SHARE = 0.5


def _words(token: Token) -> tuple[str, ...]:
    """The token's word and lemma, and the whole of a hyphenated word the tokenizer split
    ("co", "-", "founder": "co-founder")."""
    doc, i = token.doc, token.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and not doc[i + 1].whitespace_:
        return token.lower_, token.lemma_.casefold(), f"{token.lower_}-{doc[i + 2].lower_}"
    return token.lower_, token.lemma_.casefold()


# Nouns said of a person only, before "of X" or after "X's" (see lexicon); a firm has a
# parent too ("Google parent Alphabet").
PERSON_NOUNS = (KIN_NOUNS - {"parent", "parents"}) | PERSON_EVENT_NOUNS


def _descriptors(span: SpacySpan) -> list[Token]:
    """Words that describe the name: "startup X", "X, a fund", "Google parent X".

    The parser often tags such nouns oddly (a verb "startup", a proper noun "fund"),
    so position and attachment count, not the part of speech.
    """
    root = span.root
    out = [c for c in root.children
           if c.dep_ in ("compound", "appos", "nmod", "amod") and not span.start <= c.i < span.end]
    if root.dep_ == "appos":
        out.append(root.head)
    if span.start > 0:
        out.append(span.doc[span.start - 1])
        if span.start > 1 and span.doc[span.start - 1].lower_ == "the":
            out.append(span.doc[span.start - 2])  # "Shakespeare's play [The] Tempest": the article the name dropped
    return out


# Words that make a noun they are compounded with a company's ("X's share price", "X's
# market-cap loss", "X's stock options").
COMPANY_COMPOUNDS = COMPANY_NOUNS | frozenset({"market-cap", "market-value"})


# What a company leads: "chip leader", "market leader", "industry leader" (where "party
# leader", "business leader" and "world leader" are people).
LED_MARKETS = PRODUCT_NOUNS | frozenset({"market", "industry", "sector", "ai", "tech", "technology", "cloud", "software"})


def _leads_a_market(noun: Token) -> bool:
    """"leader" with a product or market before it, or a market after "in" ("a leader in the
    GPU market"): a company leading its market."""
    if noun.lower_ not in ("leader", "leaders"):
        return False
    markets = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
               for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ("market", "industry", "sector")]
    return bool(markets) or any(c.dep_ in ("compound", "nmod", "amod") and c.lower_ in LED_MARKETS for c in noun.children)


# Goods a company makes, whose maker or designer is a company ("a leading AI chip designer",
# "drug developer X"; a "fashion designer" or a "game developer" may be a person).
MADE_GOODS = frozenset({"chip", "chips", "semiconductor", "semiconductors", "software", "drug", "drugs", "vaccine",
                        "vaccines", "car", "cars", "auto", "aircraft", "plane", "jet", "smartphone", "phone", "battery",
                        "gpu", "processor", "processors", "device", "devices", "steel", "weapons", "satellite"})
MAKING_NOUNS = frozenset({"designer", "designers", "developer", "developers", "maker", "makers", "manufacturer",
                          "manufacturers", "producer", "producers", "supplier", "suppliers", "builder", "builders"})


def _makes_goods(noun: Token) -> bool:
    """A maker or designer of goods a company makes, before it or after "of" ("chip designer",
    "a designer of AI chips"; see MADE_GOODS)."""
    if noun.lower_ not in MAKING_NOUNS:
        return False
    goods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i]
    goods += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(g.lower_ in MADE_GOODS for g in goods)


def _clause_makes_goods(verb: Token) -> bool:
    """A clause whose verb makes or designs goods a company makes ("which makes the computer
    chips used in AI systems"; see MADE_GOODS)."""
    if verb.lemma_.casefold() not in MAKING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(t.lower_ in MADE_GOODS for o in objects for t in (o, *(c for c in o.children if c.dep_ in ("compound", "amod"))))


# Verbs by which a maker makes a product ("chips made by X", "an assistant launched by X").
MAKING_VERBS = frozenset({"make", "build", "produce", "manufacture", "design", "develop", "sell", "launch", "release",
                          "unveil"})


# What a firm compiles and publishes ("data from Bloomberg", "estimates by LSEG").
COMPILED_DATA_NOUNS = frozenset({"data", "figure", "figures", "estimate", "estimates", "poll", "polls", "survey",
                                 "surveys", "ranking", "rankings", "tally"})


def _example_of(prep: Token) -> Token | None:
    """The noun a "like", "including" or "such as" gives an example of ("firms like X")."""
    if prep.lower_ in ("like", "including") or prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such":
        noun = prep.head
        if noun.lower_ == "such":
            noun = noun.head
        return noun if noun.pos_ in ("NOUN", "PROPN") else None
    return None


# Roles a company holds as often as a person ("OpenAI investor Microsoft", "Apple supplier
# Foxconn"): a descriptor that tells no type, though an occupation's ending says person.
EITHER_ROLE_NOUNS = frozenset("""
investor investors backer backers shareholder shareholders stakeholder partner partners owner owners supplier suppliers
customer customers client clients buyer buyers seller sellers lender lenders creditor creditors sponsor sponsors
donor donors member members rival rivals competitor competitors contractor contractors provider operator developer
publisher distributor manufacturer retailer exporter importer producer insurer bidder acquirer holder employer
broadcaster carrier licensee player players
""".split())


# Titles of the staff a person keeps as much as an organisation does: "the president's
# adviser", "Kelmont's lawyers", "Senator Hale's spokesman" say nothing of what owns them.
RETINUE_TITLES = frozenset("""
adviser advisor advisers advisors aide aides spokesman spokeswoman spokesperson spokespeople lawyer lawyers
attorney attorneys envoy envoys assistant assistants
""".split())


# Nouns of goods that, right before a name, say it is a product ("obesity drug CagriSema", "the
# video game Fortnite"); not "model" (a fashion model is a person) nor "app", "chatbot",
# "service" or "platform" (a company's name as often: "AI app DeepSeek").
GOODS_DESCRIPTORS = frozenset("""
drug drugs vaccine vaccines medicine medication pill jab treatment chip chips processor
smartphone phone handset device console game
cryptocurrency cryptocurrencies token tokens coin coins stablecoin stablecoins altcoin altcoins
""".split())


def describes(token: Token, vocabulary: frozenset[str]) -> bool:
    return any(w in vocabulary for w in _words(token))


# Verbs of posting words somewhere, and the nouns of a post: what they are "on" is a platform.
POSTING_VERBS = frozenset({"post", "write", "tweet", "say", "announce", "share", "comment", "reply", "publish"})
POST_NOUNS = frozenset({"post", "tweet", "message", "statement", "video", "thread", "update", "account", "page", "feed"})


def _medium_of_posting(prep: Token) -> bool:
    """The preposition puts its object where words were posted: "took to X", "wrote on X",
    "a post on X" (not "to X" or "on X" anywhere else)."""
    above = prep.head
    if prep.lower_ == "to":
        return above.lemma_.casefold() == "take" and not any(c.dep_ == "dobj" for c in above.children)
    if prep.lower_ == "on":
        return above.lemma_.casefold() in POSTING_VERBS and above.pos_ == "VERB" or \
            above.lemma_.casefold() in POST_NOUNS and above.pos_ == "NOUN"
    return False


def _nationality_adjective(span: SpacySpan, name: str) -> bool:
    """A one-word nationality the model reads as such, before the lower-case noun it
    describes ("Chinese startup", "British lawmakers"), however the parser attached them:
    an adjective, no agent or organisation."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return (len(span) == 1 and span.root.ent_type_ == "NORP" and DEMONYM_RE.search(name) is not None
            and not is_place_name(name) and nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower())


# Quotation marks that open and close a title ("Starfall", “Starfall”).
OPENING_QUOTES = "\"“‘'"
CLOSING_QUOTES = "\"”’'"


# Words before a quoted name that coin a label rather than cite a title ("the so-called
# “Magnificent Seven”", "dubbed “Operation Fury”").
COINED_BEFORE_RE = re.compile(r"\b(?:so-called|dubbed|nicknamed|the)\s*\Z", re.I)
# A lower-case word right after the closing mark: the quoted name modifies a noun.
MODIFIED_NOUN_RE = re.compile(r"[ \t]+[a-z]")


# Verbs of acting in a work: what they are "in" is the film, play or show.
PERFORMING_VERBS = frozenset({"star", "co-star", "costar", "cast"})  # (not "appeared in court", "featured in the Times")
# Members of an armed group, whose name compounds them ("M23 rebels", "Hamas militants").
ARMED_GROUP_NOUNS = frozenset("""
rebels rebel militants militant militia militiamen insurgents insurgent fighters guerrillas
separatists jihadists gunmen paramilitaries
""".split())


def _a_relative(noun: Token) -> bool:
    """A relative described by the noun alone ("a daughter, Júlia"), not a noun it modifies
    ("its sister party the CSU") nor a parent company ("Google parent X")."""
    doc = noun.doc
    return noun.text[:1].islower() and noun.lemma_.lower() in PERSON_NOUNS and noun.dep_ not in ("compound", "amod", "nmod") \
        and not (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NOUN")


# Nouns of what a person owns, as news tells a rich person's loss ("his fortune", "her wealth",
# "X's net worth"); a company's value is its market value.
FORTUNE_NOUNS = frozenset({"fortune", "wealth"})


def _a_fortune(noun: Token) -> bool:
    return noun.lemma_.lower() in FORTUNE_NOUNS or noun.lower_ == "worth" and any(
        c.lower_ == "net" for c in noun.children)


def _owns_a_fortune(root: Token) -> bool:
    """The name owns a fortune ("Jensen Huang's net worth shrank") or lost or gained money in
    one ("Jensen Huang lost $20.1 billion in wealth"): only people have fortunes."""
    if root.dep_ == "poss":
        return _a_fortune(root.head)
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":  # (the "in" phrase may hang on the amount)
        holders = [root.head, *(c for c in root.head.children if c.dep_ == "dobj")]
        return any(c.dep_ == "prep" and c.lower_ in ("in", "of") and any(o.dep_ == "pobj" and _a_fortune(o)
                                                                         for o in c.children)
                   for holder in holders for c in holder.children)
    return False


# What follows the one an outlet quotes ("quoted him as saying", "quoted X to have said").
QUOTED_AS_SAYING_RE = re.compile(r"\s+(?:as\s+(?:saying|telling|stating|writing|adding)|to\s+have\s+said)\b")
# An office in lower case, of a place or body, and a comma right before a name ("deputy governor
# of Jakarta, X", "the chief executive of Acme Corp, Y"): X and Y hold it.
OFFICE_OF_BEFORE_RE = re.compile(r"\b([a-z-]+)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*,\s*\Z")
# Monarchs' titles that a text capitalises alone for the one who holds it ("the Emperor said").
MONARCH_WORDS = frozenset("emperor empress kaiser shah sultan pharaoh maharaja caliph khan".split())
# Titles that stand for their holder after "the" ("the Tsar", "the Emperor", "the Queen").
TITLES_FOR_HOLDERS = NAME_TITLE_WORDS | TITLE_WORDS | MONARCH_WORDS
# Nouns of a recurring rite or feast named by the name before them ("the Hajj pilgrimage").
EVENT_HEAD_NOUNS = frozenset("pilgrimage festival festivity celebration ritual rite feast holiday".split())


# What only a listed company has, as "its" X in the clause the name is the subject of.
LISTED_NOUNS = frozenset({"share", "stock", "shareholder", "valuation", "capitalisation", "capitalization"})
MARKET_MEASURE_NOUNS = frozenset({"cap", "value", "capitalisation", "capitalization", "price"})


def _a_listed_companys(noun: Token) -> bool:
    """"shares", "stock", "market cap", "share price" (not "its share of the vote", "its stock of homes")."""
    if noun.lemma_.lower() in LISTED_NOUNS:
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    return noun.lower_ in MARKET_MEASURE_NOUNS and _of_the_stock(noun)


def _a_listed_companys_of(noun: Token) -> bool:
    """A listed company's stock before "of X": "shares", "share price", "market value" (not "a
    share of the vote", "the housing stock of Britain", "the price of oil")."""
    if noun.lower_ in ("shares", "valuation", "capitalisation", "capitalization"):
        return True
    return noun.lemma_.lower() in MARKET_MEASURE_NOUNS and _of_the_stock(noun)


def _of_the_stock(noun: Token) -> bool:
    """The measure is the stock's: "market", "share" or "stock" compounded into it ("market cap",
    "share price")."""
    return any(c.dep_ == "compound" and c.lower_ in ("market", "share", "stock") for c in noun.children)


def _its_stock_follows(root: Token) -> bool:
    """The name is the subject of a clause that goes on about "its shares" or "its market cap"
    ("X saw its market cap shrink by $400bn", "X said its stock would split"): X is listed."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    for its in root.head.subtree:
        if its.i <= root.i or its.lower_ != "its" or its.dep_ != "poss" or not _a_listed_companys(its.head):
            continue
        node = its
        while node.head.i != node.i:  # the nearest clause with a subject before "its" is the name's
            node = node.head
            if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < its.i for c in node.children):
                break
        if node.i == root.head.i:
            return True
    return False


def _noun_after(span: SpacySpan) -> bool:
    """The word after the closing mark is a noun or adjective the name may modify ("tech
    stock"), not a preposition or a verb ('"Don Giovanni" at the Vienna State Opera')."""
    doc = span.doc
    after = next((t for t in doc[span.end:span.end + 3] if not t.is_punct), None)
    return after is not None and after.pos_ in ("NOUN", "ADJ", "PROPN")


def _quoted_title(span: SpacySpan) -> bool:
    """A capitalised name that quotation marks hold alone (a comma or full stop inside them):
    how news writes the title of a film, book, song or show, not a speaker's words."""
    text, start, end = doc_text(span.doc), span.start_char, span.end_char
    name_end = end
    while end < len(text) and text[end] in ",.":
        end += 1
    if end == name_end and MODIFIED_NOUN_RE.match(text, end + 1) and _noun_after(span):
        return False  # 'the best-performing "Magnificent Seven" tech stock': a coined label
    return 0 < start and end < len(text) and text[start - 1] in OPENING_QUOTES and text[end] in CLOSING_QUOTES \
        and (start < 2 or not text[start - 2].isalnum()) and not COINED_BEFORE_RE.search(text, max(0, start - 20), start - 1)


# Verbs of a match, whose subject and object are sides; nouns of a result, whose "over" or
# "against" object is one ("a 3-1 win over Chelsea").
# (not "play", "face", "draw" or "lose": "Boston faces a crisis", "Paris draws tourists")
MATCH_VERBS = frozenset({"beat", "defeat", "thrash", "outplay", "trounce", "rout"})
RESULT_NOUNS = frozenset({"win", "victory", "defeat", "draw", "loss", "match", "game", "clash", "tie", "final"})


def based_description(token: Token) -> Token | None:
    """The "X-based" description the parser hangs on a place in apposition ("the Menlo Park,
    California-based company": "company" on "Park"), or makes a second subject of the place's
    verb ("The Santa Clara, California-based company said"), else None."""
    appos = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "NOUN"
                  and not any(d.dep_ in ("det", "poss") for d in c.children)  # not "Ana Ruiz, a Lima-based lawyer"
                  and any(a.dep_ == "amod" and a.lower_.endswith("based") for a in c.children)), None)
    if appos is not None or token.dep_ not in ("nsubj", "nsubjpass"):
        return appos
    return next((t.head for t in token.doc[token.i + 1:token.i + 8] if t.dep_ == "amod" and t.lower_.endswith("based")
                 and t.head.pos_ == "NOUN" and t.head.dep_ == token.dep_ and t.head.head.i == token.head.i
                 and not any(d.dep_ in ("det", "poss") for d in t.head.children)), None)


def _listed_example_of(root: Token) -> Token | None:
    """The noun a list of names after "like", "including" or "such as" gives examples of, for
    any name of the list (the parser hangs the second and later ones on the first)."""
    node = root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return _example_of(node.head) if node.dep_ == "pobj" else None


def _city_as_team(root: Token, name: str) -> bool:
    """A city (not a country: a national side reads as its country) that plays a match:
    the subject or object of a match verb, or the side a result is over or against."""
    if is_country(name) or not is_place_name(name):
        return False
    head = root.head
    if root.dep_ in ("nsubj", "dobj") and head.lemma_.casefold() in MATCH_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ in ("over", "against", "to") and head.head.lemma_.casefold() in (
        RESULT_NOUNS | {"lose"})


# Nouns of a fall of stocks, which only a company (or a market) has: "Nvidia's plunge", "the
# Nvidia sell-off" (not a "rally", which a politician holds, nor a "crash", a "slump" or a
# "meltdown", which a driver, a striker or a player has).
MARKET_FALL_NOUNS = frozenset({"plunge", "sell-off", "selloff", "freefall", "free-fall", "nosedive"})


# A person's age set off by commas right before "of" ("Jo Bell, 26, of …"): an address follows.
AGE_BEFORE_OF_RE = re.compile(r"\b\d{1,3},\s*\Z")
# What an elected member's seat follows ("Member for Hervey Bay", "MP for Leeds", "councillor for
# Llanbedr").
SEAT_BEFORE_RE = re.compile(r"\b(?:member|mp|mla|mpp|representative|senator|councillor|councilor)\s+for\s+\Z", re.I)


def _residence(span: SpacySpan) -> bool:
    """The name follows a person's age and "of", or the place so named before it ("Jo Bell, 26,
    of Kerroocoar, Peel", as court and crime reports give an address): a place."""
    root, doc = span.root, span.doc
    node = root
    if root.dep_ == "conj" and span.start >= 1 and doc[span.start - 1].text == "," and root.head.i < span.start:
        node = root.head
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    of = node.head
    return AGE_BEFORE_OF_RE.search(doc_text(doc), max(0, of.idx - 8), of.idx) is not None


def _a_plural_body(span: SpacySpan, name: str) -> bool:
    """One capitalised plural after "the" ("the Niners", "the feisty Saints"): a team, a party or a
    band, which no person's name is; not a people ("the Germans"), a place the model labels
    as one ("the Alps"), nor a family the text names a member of ("the Obamas" beside
    "Michelle Obama")."""
    doc = span.doc
    before = span.start - 1
    if before > 0 and doc[before].pos_ == "ADJ" and doc[before].text.islower():
        before -= 1  # "the feisty Saints"
    if len(span) != 1 or span.root.ent_type_ in PLACE_LABELS or before < 0 or doc[before].lower_ != "the" \
            or not name.istitle() or not name.endswith("s") or name.endswith(("ss", "us", "is")) or is_demonym(name):
        return False
    singular = name[:-1]
    return not any(e.label_ == "PERSON" and e[-1].text in (singular, name[:-2]) for e in doc.ents)


# Nouns a leader's name qualifies ("the Manmohan Singh government", "the Joe Biden administration").
LEADER_ERA_NOUNS = frozenset({"government", "administration", "cabinet", "presidency", "premiership", "regime", "era"})


def _leaders_government(span: SpacySpan, name: str) -> bool:
    """A name of two or more words, no place's, that qualifies a government or an era: its leader's
    full name (a party's name is mostly one word, "the Labour government")."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in LEADER_ERA_NOUNS and len(name.split()) >= 2 \
        and not is_place_name(name) and all(w[:1].isupper() for w in name.split())


def context_votes(span: SpacySpan, name: str) -> Counter:
    """Evidence from one mention's syntactic context."""
    votes: Counter = Counter()
    root = span.root
    head = root.head
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("titled", "entitled"):
        votes["WORK_OF_ART"] += 2 * CONTEXT_WEIGHT  # "a pilot titled Young MacGyver": a work's title
    if _quoted_title(span):
        votes["WORK_OF_ART"] += 2 * CONTEXT_WEIGHT  # '"Starfall," the latest film': a title in quotation marks
        if re.search(r"['’]s\s*\W\Z", doc_text(span.doc)[max(0, span.start_char - 4):span.start_char]):
            votes["WORK_OF_ART"] += 2 * CONTEXT_WEIGHT  # 'Mozart's "Don Giovanni"': someone's work
    if _nationality_adjective(span, name):
        votes["NORP"] += CONTEXT_WEIGHT  # "the Chinese startup behind it": where the startup is from
        return votes
    if len(span) == 1 and root.ent_type_ == "NORP" and is_demonym(name) and root.dep_ in NOUN_DEPS and any(
            c.dep_ == "det" for c in root.children):  # (the model's label: "the Guardian", "the Press" are papers)
        votes["NORP"] += 2 * CONTEXT_WEIGHT  # "the Egyptian opened the scoring": a person by their nation
        return votes
    if _residence(span):
        votes["GPE"] += 2 * CONTEXT_WEIGHT  # "Jo Bell, 26, of Kerroocoar, Peel": where the person lives
    if SEAT_BEFORE_RE.search(doc_text(span.doc), max(0, span.start_char - 30), span.start_char):
        votes["GPE"] += 2 * CONTEXT_WEIGHT  # "Llais Gwynedd councillor for Llangelynnin": the seat, a place
    if _a_plural_body(span, name):
        votes["ORG"] += CONTEXT_WEIGHT  # "now that the Niners lost": a team or a party, no person
    if _leaders_government(span, name):
        votes["PERSON"] += CONTEXT_WEIGHT  # "since the Manmohan Singh government assumed power": its leader
    for noun in {t.i: t for t in _descriptors(span)}.values():
        if _leads_a_market(noun) or _makes_goods(noun):
            votes["ORG"] += CONTEXT_WEIGHT  # "AI chip leader X", "market leader X", "a leading AI chip designer": a company
        elif (describes(noun, TITLE_WORDS) or is_occupation(noun) or _a_relative(noun)) \
                and not describes(noun, EITHER_ROLE_NOUNS):  # "OpenAI investor Microsoft": a company or a person
            votes["PERSON"] += CONTEXT_WEIGHT
        elif describes(noun, ORG_DESCRIPTORS):
            votes["ORG"] += CONTEXT_WEIGHT
        elif describes(noun, PLACE_DESCRIPTORS):
            votes["GPE"] += CONTEXT_WEIGHT
        elif noun.pos_ in ("NOUN", "PROPN") and noun.text[:1].islower() and describes(noun, WORK_DESCRIPTORS):
            votes["WORK_OF_ART"] += CONTEXT_WEIGHT
        elif noun.text[:1].islower() and describes(noun, VESSEL_NOUNS | GOODS_DESCRIPTORS):
            votes["PRODUCT"] += CONTEXT_WEIGHT  # "the container ship Dali", "its obesity drug CagriSema"
    modifies = root.dep_ in ("poss", "compound", "nmod") and head.i >= span.end
    # (a capitalised name the tagger took for an adjective owns its shares too: "Zorvanta shares")
    owns = modifies or root.dep_ == "amod" and root.text[:1].isupper() and head.i >= span.end
    if owns and (describes(head, COMPANY_NOUNS) or root.dep_ == "poss" and any(
            describes(t, COMPANY_COMPOUNDS) for c in head.children if c.dep_ == "compound" and c.i > root.i
            for t in c.subtree)):
        votes["ORG"] += CONTEXT_WEIGHT  # "X's shares", "X's share price", "X's market-cap loss"
    if root.dep_ == "nsubj" and head.lemma_.lower() in ("quote", "cite") and any(
            c.dep_ == "dobj" and QUOTED_AS_SAYING_RE.match(doc_text(span.doc), c.idx + len(c)) for c in head.children):
        votes["ORG"] += CONTEXT_WEIGHT  # "Xinhua quoted him as saying": an outlet
    office = OFFICE_OF_BEFORE_RE.search(doc_text(span.doc), max(0, span.start_char - 80), span.start_char)
    if office is not None and office.group(1) in TITLE_WORDS and not all(t.lower_ in english_words() for t in span):
        # (not "chief of the Western Command, Police Director X": a word of the language names no one)
        votes["PERSON"] += CONTEXT_WEIGHT  # "deputy governor of Jakarta, Sandiaga Uno, said": whoever holds it
    if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" and not name.endswith("s") \
            and not name.isupper() \
            and name.casefold() not in TITLES_FOR_HOLDERS \
            and span.doc[span.start - 1].head.i == root.i and root.dep_ not in ("compound", "poss", "nmod", "amod"):
        votes["NOT_PERSON_THE"] += CONTEXT_WEIGHT  # "during the Hajj": a one-word name after "the" is no one's (a
        # plural may be a family, "the Obamas"; a title stands for its holder, "the Tsar", "the DP")
    if root.dep_ == "compound" and head.i >= span.end and head.lemma_.lower() in EVENT_HEAD_NOUNS \
            and not is_place_name(name):
        votes["EVENT"] += CONTEXT_WEIGHT  # "the Hajj pilgrimage", "Diwali celebrations": what is held
    if root.dep_ == "pobj" and head.lower_ == "of" and _a_listed_companys_of(head.head) \
            and not is_place_name(name) and not is_country(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "the share price of X", "the market value of X": a listed company's
    if _its_stock_follows(root) and not is_place_name(name) and not is_country(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "X saw its market cap shrink": a listed company's
    if owns and head.lemma_.casefold() in MARKET_FALL_NOUNS and not is_place_name(name) and not is_country(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "Nvidia's Monday plunge", "the Nvidia sell-off": a stock's
    if modifies and head.lemma_.lower() in ("seat", "constituency") and is_place_name(name):
        votes["GPE"] += CONTEXT_WEIGHT  # "her Chichester seat": a constituency named for its town
    if modifies and head.lemma_.lower() in ("resident", "native", "local") and head.text.islower():
        votes["GPE"] += 2 * CONTEXT_WEIGHT  # "a decade-long Harold Wood resident": where one lives, first name or not
    if _owns_a_fortune(root) and not is_place_name(name) and not is_country(name):
        votes["PERSON"] += CONTEXT_WEIGHT  # "X's net worth", "X lost $20 billion in wealth": a person's
    if modifies and describes(head, TITLE_WORDS) and not is_place_name(name) and DEMONYM_RE.search(name.split()[-1]) \
            and not any(ch.isupper() for ch in name.split()[-1][1:]):  # (no people's name has an inner capital: "JPMorgan")
        votes["NORP"] += CONTEXT_WEIGHT  # "Sri Lankan captain X": where the captain is from
    elif modifies and describes(head, TITLE_WORDS) and not describes(head, RETINUE_TITLES):
        # "Texas Governor X", "Acme CEO Y"; no place has a CEO
        votes["GPE" if is_place_name(name) and not describes(head, COMPANY_TITLES | CLUB_TITLES) else "ORG"] += CONTEXT_WEIGHT
    if root.dep_ == "compound" and head.i >= span.end and head.text[:1].islower() and describes(head, NAMED_BODY_NOUNS) \
            and not is_place_name(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "the Meteocat weather agency" (not "the US agency", "the Biden team")
    if span.end < len(span.doc) and span.doc[span.end].text in ARMED_GROUP_NOUNS and not is_place_name(name) \
            and not is_demonym(name):  # (read from the words: the parser may take "M23" for a conjunct)
        votes["ORG"] += CONTEXT_WEIGHT  # "M23 rebels", "Wagner fighters": the group they belong to
    if modifies and describes(head, PRODUCT_NOUNS):
        if root.dep_ == "poss":
            votes["ORG"] += CONTEXT_WEIGHT  # "X's model": X made it
        elif any(ch.isdigit() for ch in name):
            votes["PRODUCT"] += CONTEXT_WEIGHT  # "the R1 model", "H800 chips"
    if modifies and describes(head, MAKER_NOUNS):
        votes["PRODUCT"] += CONTEXT_WEIGHT
    if span.start > 0 and span.doc[span.start - 1].text in SHIP_PREFIXES and not _member_after_seat(span):
        votes["PRODUCT"] += HEAD_WORD_WEIGHT  # "the KM Sinar Bangun": a ship, its prefix left out of the name
    owners = [c for c in root.children if c.dep_ == "poss" and c.ent_type_ in ("ORG", "PERSON")
              and not span.start <= c.i < span.end]
    if owners:
        # "OpenAI's ChatGPT": owned by someone; but an organisation's two or three words of no English
        # word are a person's name ("the party's Vimla Rathore", "Acme's Dana Pell"): one of its people
        # (a person's are a work: "Dumas's Le Comte de Monte-Cristo")
        member = owners[0].ent_type_ == "ORG" and _reads_as_full_name(name)
        votes["PERSON" if member else "PRODUCT"] += WEAK_CONTEXT_WEIGHT
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.casefold() in MAKING_VERBS \
            and head.head.dep_ == "acl" and describes(head.head.head, PRODUCT_NOUNS):
        votes["ORG"] += CONTEXT_WEIGHT  # "chips made by X", "cars built by X": a maker
    elif root.dep_ == "pobj" and head.lower_ in ("from", "by") and describes(head.head, PRODUCT_NOUNS) \
            and not is_place_name(name) and not is_first_name(name.split()[0]):
        votes["ORG"] += CONTEXT_WEIGHT  # "a free AI assistant from China's DeepSeek": its maker
    if root.dep_ == "pobj" and head.lower_ == "during" and not is_place_name(name) and (
            head.i == span.start - 1 or head.i == span.start - 2 and span.doc[span.start - 1].lower_ == "the"):
        votes["EVENT"] += CONTEXT_WEIGHT  # "the worst surge during Helene": a time, so an event, not a person
    if root.dep_ == "pobj" and (example := _example_of(head)) is not None \
            and (describes(example, ORG_DESCRIPTORS) or _leads_a_market(example)):
        votes["ORG"] += CONTEXT_WEIGHT  # "tech firms like X", "companies such as X", "AI leaders like X"
    elif root.dep_ == "pobj" and example is not None and example.text[:1].islower() and describes(example, WORK_DESCRIPTORS):
        votes["WORK_OF_ART"] += CONTEXT_WEIGHT  # "television films, including Silent Witness"
    if (listed := _listed_example_of(root)) is not None and listed.text[:1].islower():
        if describes(listed, FACILITY_HEAD_WORDS):
            votes["FAC"] += CONTEXT_WEIGHT  # "airports such as Gatwick, Heathrow and Belfast International"
        elif describes(listed, PLACE_DESCRIPTORS):
            votes["GPE"] += CONTEXT_WEIGHT  # "cities including Leeds and York"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.casefold() in PERFORMING_VERBS \
            and not is_place_name(name):
        votes["WORK_OF_ART"] += CONTEXT_WEIGHT  # "starred in House of Wax", "was cast in Cry Wolf"
    if root.dep_ == "pobj" and head.lower_ in ("at", "from") and head.head.tag_ == "NNS" \
            and (describes(head.head, TITLE_WORDS) or is_occupation(head.head)) and not is_place_name(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "analysts at X", "researchers from X": people who work for X
    if root.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.lemma_.casefold() in {"share", "stock"}:
        votes["ORG"] += CONTEXT_WEIGHT  # "shares of X", "shares in X"
    if root.dep_ == "pobj" and head.lower_ in ("from", "by") and describes(head.head, COMPILED_DATA_NOUNS) \
            and not is_place_name(name) and not is_first_name(name.split()[0]):  # (not "a survey by Jane Doe")
        votes["ORG"] += CONTEXT_WEIGHT  # "according to data from X", "estimates by X": a firm that compiles them
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.text[:1].islower() \
            and describes(head.head, TITLE_WORDS):
        votes["GPE" if is_place_name(name) else "ORG"] += CONTEXT_WEIGHT  # "head of the League", "CEO of Acme"
    if not is_place_name(name) and (
            (root.dep_ == "poss" and head.i >= span.end and head.text[:1].islower() and describes(head, PERSON_NOUNS))
            or (root.dep_ == "pobj" and head.lower_ == "of" and head.head.text[:1].islower()
                and describes(head.head, PERSON_NOUNS))):
        votes["PERSON"] += CONTEXT_WEIGHT  # "the widow of X", "X's funeral", "the death of X"
    moved = head.lemma_.casefold() in MARKET_VERBS or head.lemma_ == "be" and any(
        c.lower_ in ("up", "down", "higher", "lower") for c in head.children) \
        and name.casefold() not in english_nouns()  # "the Topix was up 0.45%" (not "Turnout was 60%, down from …")
    if root.dep_ == "nsubj" and moved and any(
        t.like_num and t.ent_type_ not in ("ORDINAL", "DATE", "TIME") or t.text == "%" for t in head.subtree
    ) and not _owns_a_fortune(root):  # ("opened 5% higher"; not "opened the scoring in the 12th minute",
        # nor "lost $20 billion in wealth")
        votes["ORG"] += CONTEXT_WEIGHT
    if any(describes(noun, ORG_DESCRIPTORS) and not describes(noun, TITLE_WORDS) and not describes(noun, EITHER_ROLE_NOUNS)
           for noun in _said_by_copula(root)):
        votes["ORG"] += CONTEXT_WEIGHT  # "the hardest hit company was X", "X became one of the most valuable companies"
    if root.dep_ == "nsubj" and head.lemma_ == "be" and any(is_occupation(t) for t in _attributes(head)):
        votes["PERSON"] += CONTEXT_WEIGHT  # "X is an Israeli mathematician and writer"
    if based_description(root) is not None:
        votes["GPE"] += CONTEXT_WEIGHT  # "the Menlo Park, California-based company said": its home, not who spoke
    elif root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.casefold() in AGENT_VERBS:
        votes["AGENT"] += WEAK_CONTEXT_WEIGHT
    elif root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        votes["AGENT"] += WEAK_CONTEXT_WEIGHT  # "according to Brantwick": a source, someone who says
    after_platform = span.start > 0 and span.doc[span.start - 1].text == "X"
    if root.dep_ == "pobj" and _medium_of_posting(head) and not after_platform:
        votes["ORG"] += CONTEXT_WEIGHT  # "taking to X", "wrote on X", "in a post on X": a platform (not
        # the name after it where a comma is missing: "in a post on X Altman said")
    if _city_as_team(root, name):
        votes["ORG"] += CONTEXT_WEIGHT  # "a 3-1 win over Chelsea", "Leeds beat Burnley"
    listed = _conjunct_labels(span)
    for label, count in listed.items():  # most of a list's names read as people make a list of people
        most = count >= LIST_MAJORITY and count > sum(listed.values()) / 2
        votes[label] += CONTEXT_WEIGHT if most else WEAK_CONTEXT_WEIGHT
    if _life_dates_or_age_follow(span):
        votes["PERSON"] += LIFE_DATES_WEIGHT
    if PARTY_IN_BRACKETS_RE.match(doc_text(span.doc), span.end_char):
        votes["PERSON"] += CONTEXT_WEIGHT  # "Jelta Wong (United Resource Party)": a politician and their party
    elif _release_year_follows(span, name) and not is_team_name(name.split()):  # not "Pittsburgh Pirates (2012)"
        votes["WORK_OF_ART"] += 2 * CONTEXT_WEIGHT
    if root.dep_ == "pobj" and head.lower_ == "of" and describes(head.head, PLACE_DESCRIPTORS):
        votes["GPE"] += CONTEXT_WEIGHT  # "the city of Sweetwater", "the province of Jiangsu"
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS and is_place_name(name):
        votes["GPE"] += WEAK_CONTEXT_WEIGHT  # "born in Exeter", "near Tiberias"
    if _compass_point_before(span) or root.dep_ == "pobj" and head.lower_ == "of" \
            and head.head.lower_.replace("-", "") in COMPASS_POINTS:
        votes["GPE"] += CONTEXT_WEIGHT  # "northern Syria", "eastern Thrace", "north of Grindavík": only a land has a north
    if _way_travelled(span):
        votes["GPE"] += WEAK_CONTEXT_WEIGHT  # "a journey through Thrace and Asia Minor", "fled to Ostrava"
    if root.dep_ in ("nsubj", "nsubjpass") and _referred_to_as_person(span):
        votes["PERSON"] += WEAK_CONTEXT_WEIGHT  # "Corwen left Leeds in 1801. He studied …"
    if _whose_company_noun(span):
        votes["ORG"] += CONTEXT_WEIGHT  # "Autostrade, whose leading shareholder is …": what has shareholders
    relative = _relative_pronoun_after(span)
    if relative == "who":
        votes["PERSON"] += WEAK_CONTEXT_WEIGHT  # "Ana Ruiz, who ..."
    elif relative == "which":
        votes["NOT_PERSON"] += CONTEXT_WEIGHT  # "Autostrada Nord, which runs the motorway": no person
        if _clause_makes_goods(span.doc[span.end + 1].head):
            votes["ORG"] += CONTEXT_WEIGHT  # "Nvidia, which makes the computer chips used in AI": a maker
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text == "-" and span.end + 1 < len(span.doc) and span.doc[span.end + 1].lower_ == "based":
        votes["GPE"] += CONTEXT_WEIGHT
    return votes


# Lowercase adjectives of a compass point: "northern Syria" is part of a land.
COMPASS_ADJECTIVES = frozenset("""
northern southern eastern western central north south east west northeastern northwestern
southeastern southwestern north-eastern north-western south-eastern south-western
""".split())
# Nouns and verbs of going from place to place, and the prepositions of the way they take:
# "a journey through Thrace", "sailed to Crete", "fled into Bohemia". Not "moved to" or
# "returned to" (people move to a company) nor "through" alone ("sold through Amazon").
TRAVEL_WORDS = frozenset("""
journey trip voyage expedition pilgrimage march tour travel sail fly flee emigrate migrate
immigrate deport exile evacuate trek flight route bound
""".split())
TRAVEL_PREPOSITIONS = frozenset("to through across into toward towards throughout".split())


def _reads_as_full_name(name: str) -> bool:
    """Two or three capitalised words, letters only, none of them an English word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                        and w.casefold() not in english_words() for w in words)


def _compass_point_before(span: SpacySpan) -> bool:
    """A lowercase compass adjective right before the name and modifying it ("northern Syria")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in COMPASS_ADJECTIVES and before.text[:1].islower() and before.head.i in range(
        span.start, span.end)


def _way_travelled(span: SpacySpan) -> bool:
    """The name is where a journey goes: the object (or a listed object) of a preposition of
    the way that a noun or verb of travel governs ("set out on a journey through Thrace and
    Asia Minor")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    bound_for = prep.lower_ == "for" and prep.head.lower_ == "bound"  # "a flight bound for Gatwick"
    return root.dep_ == "pobj" and (bound_for or prep.lower_ in TRAVEL_PREPOSITIONS
                                    and prep.head.lemma_.casefold() in TRAVEL_WORDS)


# Nouns of bodies a name before them is the name of ("the Meteocat weather agency", "the
# Kyodo news agency", "the Asahi newspaper"); not those a person's name heads ("the Biden
# team", "the Gates foundation").
NAMED_BODY_NOUNS = frozenset("""
agency ministry regulator watchdog broadcaster newspaper daily tabloid broadsheet magazine exchange
carmaker drugmaker airline bank
""".split())
# Dependencies of a noun standing for a participant ("the Egyptian scored", "beat the Spaniard").
NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})
# Pronouns that refer to a person only.
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})


def _referred_to_as_person(span: SpacySpan) -> bool:
    """The subject a "he" or "she" takes up: the next sentence opens with one, or one
    follows in the same sentence with no other person named between."""
    doc, sent = span.doc, span.sent
    if sent.end < len(doc) and doc[sent.end].text in ("He", "She"):
        return True
    for token in doc[span.end:sent.end]:
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper()):
            return False  # another name first: the pronoun may be theirs
        if token.lower_ in PERSON_PRONOUNS:
            return True
    return False


def _relative_pronoun_after(span: SpacySpan) -> str | None:
    """"who" or "which" opening a clause about the name right after it ("X, which runs the
    motorway"): English says "who" of people only, "which" of anything else."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("who", "which"):
        clause = doc[end + 1].head  # the clause's verb, which must describe the name itself
        if clause.dep_ == "relcl" and clause.head.i == span.root.i:
            return doc[end + 1].lower_
    return None


# What a company has and a person does not, after "whose" ("X, whose leading shareholder is …").
WHOSE_COMPANY_NOUNS = frozenset({"shareholder", "shareholders", "shares", "stock", "subsidiary", "subsidiaries",
                                 "ceo", "cfo", "chairman", "chairwoman", "headquarters", "revenue", "revenues",
                                 "profit", "profits", "employees", "workforce", "parent", "owner", "owners"})


def _whose_company_noun(span: SpacySpan) -> bool:
    """", whose" after the name, then a noun phrase whose head only a company has ("Autostrade,
    whose leading shareholder is the Benetton family", "Acme, whose shares fell")."""
    doc, end = span.doc, span.end
    if not (end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "whose"):
        return False
    owned = doc[end + 1].head
    return owned.dep_ != "relcl" and owned.lower_ in WHOSE_COMPANY_NOUNS and owned.i <= end + 5


COPULAS = frozenset({"be", "become", "remain"})


def _said_by_copula(root: Token) -> list[Token]:
    """The nouns a copula says the name is ("X became one of the companies", "X is a firm"),
    or the subject noun it says is the name ("The hardest hit company was X")."""
    head = root.head
    if head.lemma_ not in COPULAS or head.i == root.i:
        return []
    if root.dep_ == "nsubj":
        said = _attributes(head)
        return said + [o for a in said if a.lower_ in ("one", "among") for p in a.children if p.dep_ == "prep"
                       and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if root.dep_ == "attr":
        return [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return []


def _attributes(copula: Token) -> list[Token]:
    """What a copula says its subject is: the attribute and the nouns joined to it
    ("is a mathematician and writer")."""
    attributes = [c for c in copula.children if c.dep_ == "attr"]
    return attributes + [c for a in attributes for c in a.children if c.dep_ == "conj"]


# Prepositions of place: a gazetteer name as their object is the place ("born in Exeter").
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "around"})


# Labels a list lends to each of its names: "General Electric, Eli Lilly or Caterpillar"
# names three companies.
CONJUNCT_LABELS = frozenset({"PERSON", "ORG", "GPE"})


# How many other names of a list must share a label for it to count as the list's ("But
# Don, Eric, Ivanka, Tiffany, Barron, Lara, Jared": the model's people make the rest people).
LIST_MAJORITY = 3


def _conjunct_labels(span: SpacySpan) -> Counter:
    """The model's labels on the other names of a list the mention is part of, with how many
    names carry each."""
    return Counter(t.ent_type_ for t in span.root.conjuncts  # (the whole chain the parser links one by one)
                   if t.ent_type_ in CONJUNCT_LABELS and not span.start <= t.i < span.end)


# Words that open a bracket of life dates after a person's name ("(born 1988", "(c. 1818 –").
LIFE_DATE_WORDS = frozenset({"born", "b.", "c.", "ca.", "circa", "née", "nee"})
# Dashes between a birth and a death date.
LIFE_DATE_DASHES = frozenset({"–", "-", "—"})
# Oldest age a number after a name can be ("Ana Ruiz, 45, said").
MAX_AGE = 115


def _life_dates_or_age_follow(span: SpacySpan) -> bool:
    """A bracket of life dates ("Brock Holt (born June 11, 1988)", "(1935 – 1999)") or an
    age ("Ana Ruiz, 45, said") after the name: only people have them."""
    doc, end = span.doc, span.end
    if end >= len(doc) or doc[end].text not in ("(", ","):
        return False
    after = [t for t in doc[end:end + 4]]
    if len(after) >= 2 and after[0].text == "(":
        if after[1].lower_ in LIFE_DATE_WORDS:
            return True
        inside = []
        for token in doc[end + 1:end + 16]:
            if token.text == ")":
                break
            inside.append(token)
        else:
            return False
        dated = all(t.ent_type_ == "DATE" or t.like_num or t.is_punct or t.lower_ in LIFE_DATE_WORDS for t in inside)
        numbers = sum(t.like_num for t in inside)
        years = any(t.text.isdigit() and len(t.text) >= 3 for t in inside)  # not a record: "the Saints (4-4-2)"
        return dated and numbers >= 2 and years and any(t.text in LIFE_DATE_DASHES for t in inside)
    if len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return after[1].text.isdigit() and 0 < int(after[1].text) <= MAX_AGE
    return False


# A party named in brackets after a name: a politician's ("Emil Tamur (People’s Progress Party)").
PARTY_IN_BRACKETS_RE = re.compile(
    r"\s*\((?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}(?:Party|Alliance|Congress|Front|Movement|Coalition)\s*\)")
# What a first name before a surname is worth ("Britney Spears"): two labels, so that a
# company named after its founder and listed among companies stays one ("Eli Lilly").
FIRST_NAME_WEIGHT = 2.0
# A year alone in brackets after a title of two or more words: a film's, book's or
# record's ("Cry Wolf (2005)"). After one word it is as often a citation ("Croft (2004)"),
# and after a first name a person's ("Giovanni Bellini (1480)").
YEAR_RE = re.compile(r"^(?:1[5-9]|20)\d\d$")


def _release_year_follows(span: SpacySpan, name: str) -> bool:
    after = [t.text for t in span.doc[span.end:span.end + 3]]
    if len(after) < 3 or after[0] != "(" or not YEAR_RE.match(after[1]) or after[2] != ")":
        return False
    words = name_tokens(name)
    return len(words) >= 2 and not is_first_name(words[0])


# Last words of place, building, craft, publication and institution names, which a person's
# name never ends in ("Ross Sea", "Johnson Space Center", "Brooklyn Paper"), nor a security
# does ("Meta Class A shares": the company's stock, no "Meta Class")
NOT_SURNAMES = ORG_DESCRIPTORS | PLACE_DESCRIPTORS | CRAFT_HEAD_WORDS | frozenset("""
sea ocean bay gulf lake river strait channel coast shelf glacier mountain mountains mount hill
hills valley island islands peninsula desert forest park square street avenue road bridge
tunnel center centre stadium arena hall tower station airport museum gallery library theatre
theater church cathedral abbey chapel palace castle house building plaza cemetery prison
society academy paper bulletin review magazine gazette records studios pictures productions
one two three awards award prize festival games cup series show orchestra choir band
class shares stock stocks bonds warrants futures
courthouse promenade esplanade quay pier wharf marina
""".split())
# Model labels that place a name rather than confuse it with a person's: a first name
# before a surname does not outvote them ("Ross Sea" read as a location).
PLACE_LABELS = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names from Faker's person providers of every locale, less the well-known places
    that birth records also hold ("Texas", "China", "Boston": in the news, places)."""
    return frozenset(_every_first_name() - well_known_place_names())


@lru_cache(maxsize=1)
def _every_first_name() -> frozenset[str]:
    """First names from Faker's person providers of every locale (tens of thousands, from
    many countries; MIT-licensed data inside the package, loaded once per process)."""
    import pkgutil

    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        if module.name == "en":  # the long tail of US birth records ("Winter", "Houston"); en_US has the common ones
            continue
        names |= _faker_names(module.name, ("first_names", "first_names_male", "first_names_female",
                                            "first_names_nonbinary"))
    return frozenset(names)


def _faker_names(locale: str, attributes: tuple[str, ...]) -> set[str]:
    """The case-folded names of the given lists of Faker's person provider for ``locale``."""
    import importlib

    provider = getattr(importlib.import_module(f"faker.providers.person.{locale}"), "Provider", None)
    names: set[str] = set()
    for attribute in attributes:
        found = vars(provider).get(attribute) if provider is not None else None
        if isinstance(found, (list, tuple, dict)):
            names.update(name.casefold() for name in found if isinstance(name, str))
    return names


# Endings of English nouns for a person by what they do ("linguist", "grammarian",
# "musicologist"); only nouns of this many letters or more ("list", "median" are things).
OCCUPATION_SUFFIXES = ("ist", "ian")
# Words of a creed or a camp with those endings, said of parties and groups as often as of
# people ("the rightist Reform UK", "the Islamist group", "the humanitarian agency"): no trade.
CREED_WORDS = frozenset("""
rightist leftist centrist populist nationalist socialist communist separatist islamist extremist marxist
maoist zionist unionist loyalist fascist secularist monarchist royalist federalist globalist isolationist
libertarian authoritarian totalitarian egalitarian humanitarian utilitarian sectarian
""".split())
MIN_OCCUPATION_LETTERS = 7
# Last words of Faker's job titles that are no person's occupation on their own, or are a
# firm's as often ("campaign consultant Harrow Data", "defence contractor X").
NOT_OCCUPATIONS = frozenset("""
boy copy crew land make maths medical sciences staff sub wales person processor operator
developer assistant associate executive emeritus professional streamer runner handler
consultant contractor dealer buyer forwarder merchandiser agent fundraiser bookseller brewer
printmaker underwriter conveyancer
""".split())


@lru_cache(maxsize=1)
def _job_heads() -> frozenset[str]:
    """The last word of each of Faker's English job titles ("Geologist, engineering":
    "geologist"): a maintained list of occupations."""
    from faker.providers.job.en_US import Provider

    heads = {re.findall(r"[A-Za-z-]+", job.split(",")[0])[-1].casefold() for job in Provider.jobs}
    return frozenset(heads - NOT_OCCUPATIONS - ORG_DESCRIPTORS)


def is_trade_word(word: str) -> bool:
    """A capitalised noun of a trade or a title that goes before names ("Strategist", "Geologist",
    "Magistrate"; not "General" or "King", which open other names too)."""
    lower = word.casefold()
    return word[:1].isupper() and word[1:].islower() and (lower in NAME_TITLE_WORDS or lower in _job_heads() or (
        len(lower) >= MIN_OCCUPATION_LETTERS and lower.endswith(OCCUPATION_SUFFIXES) and lower in english_nouns()))
    # (an English noun: not a given name that only ends so, "Dorlian")


def is_occupation(token: Token) -> bool:
    """A common noun for a person by title or trade: "writer", "mathematician", "publisher
    (of a person)": what the name it describes or is said to be is a person's."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].islower():
        return False
    lower, lemma = token.lower_, token.lemma_.casefold()
    return (lower in TITLE_WORDS or lemma in TITLE_WORDS or lemma in _job_heads() or lemma in ATHLETE_NOUNS
            or (len(lemma) >= MIN_OCCUPATION_LETTERS and lemma.endswith(OCCUPATION_SUFFIXES) and lemma not in CREED_WORDS))


@lru_cache(maxsize=1)
def _english_first_names_by_gender() -> tuple[frozenset[str], frozenset[str]]:
    """English given names that Faker's US and British lists give to men only and to women
    only (names on both lists, "Jordan", "Leslie", tell nothing)."""
    male = _faker_names("en_US", ("first_names_male",)) | _faker_names("en_GB", ("first_names_male",))
    female = _faker_names("en_US", ("first_names_female",)) | _faker_names("en_GB", ("first_names_female",))
    return frozenset(male - female), frozenset(female - male)


def first_name_gender(word: str) -> str | None:
    """"m" or "f" for an English given name that only one sex bears, else None."""
    male, female = _english_first_names_by_gender()
    key = word.casefold()
    return "m" if key in male else "f" if key in female else None


@lru_cache(maxsize=1 << 14)
def is_first_name(word: str) -> bool:
    """A first name of Faker's lists, also written with accents they lack ("Siméon")."""
    first = word.split("-")[0].casefold()
    if first in _first_names():
        return True
    plain = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
    return plain != first and plain in _first_names()


@lru_cache(maxsize=1)
def _last_names() -> frozenset[str]:
    """Common English-language surnames (Faker's en_US and en_GB lists): "Smith", "Baker", "Rice"."""
    return frozenset(_faker_names("en_US", ("last_names",)) | _faker_names("en_GB", ("last_names",)))


def is_common_surname(word: str) -> bool:
    return word.casefold() in _last_names()


# Particles inside a person's name ("Ludwig van Beethoven"); not those that join two names
# ("Jules et Jim" is a film's title, two people at most).
SURNAME_PARTICLES = NAME_PARTICLES - frozenset({"y", "e", "et"})


# A surname's particle between capitalised words ("da Silva", "von der Leyen", "van Gogh").
INNER_PARTICLE_RE = re.compile(r"(?<=[a-z]) (?:(?:da|das|de|del|della|der|di|do|dos|du|van|von|ter|ten) )+(?=[A-Z])")


# Words after a person's name that say which generation of the family it is, and their weight:
# surer than a first name, which places and firms also open with.
GENERATION_SUFFIXES = frozenset({"jr", "junior", "sr"})
GENERATION_WEIGHT = 2 * FIRST_NAME_WEIGHT


def is_generation(word: str) -> bool:
    """"Jr", "Jr.", "Junior", "Sr": the generation a name ends with."""
    return word.casefold().rstrip(".") in GENERATION_SUFFIXES


def names_a_generation(words: list[str]) -> bool:
    """Words of a name that end with a generation after plain words ("Vinicius Junior",
    "Cal Ripken Jr."): a person's."""
    return len(words) >= 2 and is_generation(words[-1]) and all(w.isalpha() for w in words[:-1])


def person_name_votes(forms: Iterable[str], votes_so_far: Counter, lower_words: frozenset[str] = frozenset(),
                      lone_people: frozenset[str] = frozenset()) -> Counter:
    """A form of two to four capitalised words that opens with a first name and is no
    place or organisation name ("Jean Cocteau", "Eugene A. Nida") is a person's name;
    the small model often calls such names organisations. ``lower_words`` are the words
    the text writes in lower case: a name ending in one ("Forbes Billionaires List", where
    the text says "the list") is not a person's. A name the model read as a place (in
    ``votes_so_far``) counts unless it holds a place every reader knows or ends in a place's word.
    ``lone_people`` are the one-word names the model read as people in the text: a two-word
    name ending in one is that person's full name, whatever first name it opens with."""
    votes: Counter = Counter()
    placed = any(votes_so_far.get(label, 0) > 0 for label in PLACE_LABELS)
    for form in forms:
        if placed and (_holds_a_prominent_place(form) or form.split()[-1].casefold() in PLACE_NAME_ENDINGS
                       or form.split()[0].casefold() in STREET_PREFIXES):
            continue  # "Perry Florida", "Nova Scotia Sportsplex", "Wayne County": a place the model read as one
            # (not "Marc Burns", which it read as a place too)
        words = [w for w in name_tokens(form) if w not in SURNAME_PARTICLES]  # "Ludwig van Beethoven"
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        last = words[-1].casefold().rstrip(".")
        if names_a_generation(words):
            votes["PERSON"] += GENERATION_WEIGHT  # "Vinicius Junior", "Cal Ripken Jr.": a generation is a person's
            break
        person_first = len(words) == 2 and last in PUBLICATION_ENDINGS and is_first_name(words[0]) \
            and not is_place_name(words[0])  # "Justin Post" (not "Denver Post", "Jordan Times")
        if (last in ORG_NAME_ENDINGS and not person_first) or last in NOT_SURNAMES or last in lower_words \
                or is_place_name(form):
            continue
        if words[0].casefold() not in TITLE_WORDS and is_first_name(words[0]):  # not "General Electric"
            votes["PERSON"] += FIRST_NAME_WEIGHT
            break
        if len(words) == 2 and words[-1] in lone_people and not is_prominent_place(words[-1]) \
                and not is_place_name(words[0]) and words[0].casefold() not in english_words() \
                and not any(w.casefold() in lower_words for w in words):
            # (not "Grand Lodge", "Apple Thunderbolt": a first word English has is no given name)
            votes["PERSON"] += FIRST_NAME_WEIGHT  # "Cadel Evans of the BMC Racing Team … Evans won": his surname alone
            break
        particle = INNER_PARTICLE_RE.search(form)  # "Luiz Inácio Lula da Silva": a surname's particle,
        if particle and not is_place_name(form[particle.end():]):  # not "Conservatoire de Paris"
            votes["PERSON"] += FIRST_NAME_WEIGHT
            break
    return votes


def _holds_a_prominent_place(form: str) -> bool:
    """A word or two words of the name are a place every reader knows ("US Nasdaq", "Perry
    Florida", "Nova Scotia Sportsplex")."""
    words = form.split()
    return any(is_prominent_place(w) for w in words) or any(
        is_prominent_place(f"{a} {b}") for a, b in zip(words, words[1:]))


# Last words of the names of natural places and realms ("Holy Roman Empire", "Ross Sea").
LOCATION_NAME_ENDINGS = frozenset("""
empire kingdom sea ocean bay gulf lake river strait channel coast glacier mountains mount port
island islands peninsula valley desert forest crater volcano canyon reef plateau basin delta lagoon
fjord archipelago
""".split())
# Last words of the names of administrative areas ("Calcasieu Parish", "Cameron County",
# "Hyogo Prefecture"): a place, whatever first name the name begins with.
AREA_NAME_ENDINGS = frozenset("""
county parish province prefecture borough township municipality oblast canton governorate shire
""".split())
# First words of the names of administrative areas, as Irish and British English write them.
AREA_FIRST_WORDS = frozenset({"county", "co"})
# Last words of the names of places of care, organisations however titled their first word
# ("Princess Fusipala Hospital", "King Edward VII Hospital"), and of the other institutions.
CARE_HEADS = frozenset({"hospital", "clinic", "infirmary", "hospice"})
INSTITUTION_HEADS = CARE_HEADS | ORG_HEAD_WORDS - {"re", "guard"}
# Last words of the names of programmes and missions a body runs ("Mars Exploration Program",
# "Manhattan Project"): never a person's, whatever first name they begin with.
PROGRAMME_HEAD_WORDS = frozenset("program programme mission project".split())
# Last words of the names of roads (not "Street": "Wall Street" is a market as often as a street).
ROAD_HEAD_WORDS = frozenset("avenue boulevard drive lane road highway parkway expressway freeway".split())
# First words of street names in the languages news names streets in ("Rua Walter Marquardt",
# "Avenida Paulista", "Rue de Rivoli"), whatever given name follows.
STREET_PREFIXES = frozenset("rua avenida calle rue via viale piazza plaza praça strada carrer".split())
PLACE_NAME_ENDINGS = LOCATION_NAME_ENDINGS | AREA_NAME_ENDINGS | ROAD_HEAD_WORDS | FACILITY_HEAD_WORDS | frozenset(
    "street heights falls springs beach park hills city town village garden gardens square plaza house".split())


# What a name's head word says it names, and how much that weighs: a name's own head is
# evidence for every mention at once, so it outweighs a few model labels ("the Teen Choice
# Awards" read as an organisation three times).
HEAD_WORD_WEIGHT = 4 * CONTEXT_WEIGHT


def name_head(name: str) -> tuple[str, str]:
    """The first word and the head word of a name: the last word before an "of"/"for"/"on"
    tail ("Award" in "César Award for Best Actress", "Institute" in "Institute of
    History"), else the last word; case-folded, without a final period."""
    words = name.split()
    for k, word in enumerate(words[1:], start=1):
        if word in HEAD_TAIL_WORDS:
            words = words[:k]
            break
    if len(words) > 2 and ROMAN_NUMERAL_RE.fullmatch(words[-1]):
        words = words[:-1]  # "World War II": the war's number, not its head
    return (words[0].casefold().rstrip(".") if words else "", words[-1].casefold().rstrip(".") if words else "")


# A roman numeral that numbers a name ("World War II", "Vatican II").
ROMAN_NUMERAL_RE = re.compile(r"[IVX]{1,5}")


def _member_after_seat(span: SpacySpan) -> bool:
    """"Clwyd West MS Gareth Davies": "MS" after a capitalised seat is a Member of the Senedd,
    and a first name after it opens a person's name, no ship's."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "MS" and doc[span.start - 2].text[:1].isupper() \
        and not doc[span.start - 2].is_sent_start and is_first_name(span[0].text)


def head_votes(name: str) -> Counter:
    """Evidence from the head word of a name of two or more words: an event ("Summer
    Paralympics", "Cyclone Phailin"), a prize ("Pritzker Architecture Prize"), a work
    ("Communist Manifesto"), a craft ("James Webb Space Telescope", which its first name
    would otherwise make a person's) or an organisation ("University of Texas", which the
    gazetteer would otherwise call a place)."""
    votes: Counter = Counter()
    if name.split() and name.split()[-1].casefold() in LEGISLATURE_NAMES:
        votes["ORG"] += HEAD_WORD_WEIGHT  # "the Bundestag", "Lok Sabha", "the Verkhovna Rada"
        return votes
    if len(name.split()) < 2:
        if name.casefold() in ONE_WORD_EVENTS:
            votes["EVENT"] += HEAD_WORD_WEIGHT
        elif name.casefold() in INSTITUTION_NOUNS:
            votes["ORG"] += HEAD_WORD_WEIGHT  # "he felt the Government was not forthright": no person
        return votes
    first, head = name_head(name)
    open_event = len(words := name.split()) >= 2 and words[-1] == "Open" and words[-2].isalpha()  # not "… P.D. Open"
    if (head in EVENT_HEAD_WORDS or first in EVENT_FIRST_WORDS or open_event) \
            and not name.startswith("The "):  # a title's (and "the French Open": a tournament, not "Open for Business")
        votes["EVENT"] += HEAD_WORD_WEIGHT
    elif head in AWARD_HEAD_WORDS or head in WORK_HEAD_WORDS:
        votes["WORK_OF_ART"] += HEAD_WORD_WEIGHT
    elif head in ROAD_HEAD_WORDS and head != first and name.split()[-1][:1].isupper():
        votes["FAC"] += HEAD_WORD_WEIGHT  # "Estes Drive", "Manslick Road": a road, whatever first name it begins with
    elif head in FACILITY_HEAD_WORDS and head != first or first in FACILITY_FIRST_WORDS:
        votes["FAC"] += CONTEXT_WEIGHT  # "Olympic Stadium", "Stade de France"
    elif head in CRAFT_HEAD_WORDS and head != first:
        votes["PRODUCT"] += HEAD_WORD_WEIGHT  # "James Webb Space Telescope": no person, whatever its first word
    elif head in PROGRAMME_HEAD_WORDS and head != first:
        votes["ORG"] += HEAD_WORD_WEIGHT  # "Mars Exploration Program", "Phoenix Mission": run by a body, no person
    elif (head in ORG_HEAD_WORDS and head != first or first in ORG_HEAD_WORDS and head == first != name.split()[-1].casefold()) \
            and not is_country(name):  # not "Soviet Union"
        votes["ORG"] += CONTEXT_WEIGHT
    elif head in ("court", "tribunal") and head != first:
        votes["ORG"] += CONTEXT_WEIGHT  # "the Alice Springs Magistrates Court", "Youth Court": a court, no person
    elif first in NATURE_FIRST_WORDS and head not in english_nouns() or head in NATURE_HEAD_WORDS and head != first:
        votes["LOC"] += CONTEXT_WEIGHT  # "Mount Lewotobi Laki-laki", "Yangtze River" (not "Mount Sinai Hospital")
    return votes


def name_votes(name: str, votes_so_far: Counter | None = None) -> Counter:
    """Evidence from the name itself: its head word (``head_votes``), its last word ("Acme
    Corp", "Ross Sea") and the gazetteer. The gazetteer's small towns do not outvote a
    person: one word the model read as a person at least as often as a place (``votes_so_far``:
    "Clinton came into office") and that is no well-known place takes no place vote from it.
    Buildings and structures go by their head word (``head_votes``: "Tacoma Bridge")."""
    votes: Counter = head_votes(name)
    words = name.split()
    if votes.get("FAC", 0) and len(words) == 2 and words[-1].casefold() in ROAD_HEAD_WORDS and is_first_name(words[0]) \
            and (votes_so_far or Counter()).get("PERSON", 0) > CONTEXT_WEIGHT:
        del votes["FAC"]  # "Graham Lane, a Newham councillor … Lane was 84": a person, whatever a road is called
    if len(words) == 1 and is_demonym_noun(name):
        votes["NORP"] += HEAD_WORD_WEIGHT  # "the Spaniard told reporters": a people's noun, whoever it stands for
        return votes
    if (len(words) > 2 and words[0] == "The" and words[1] in SHIP_PREFIXES or len(words) > 1 and words[0] in SHIP_PREFIXES) \
            and not (words[0] == "MS" and len(words) == 3 and is_first_name(words[1])):  # ("MS Gareth Davies": a member)
        votes["PRODUCT"] += HEAD_WORD_WEIGHT  # "MV Dali", "USS Cole": a ship
        return votes
    if is_club_name(words):
        votes["ORG"] += HEAD_WORD_WEIGHT  # "Real Madrid", "Dynamo Kyiv": a club, not the city
        return votes
    if len(words) == 1 and BRAND_CAPITALS_RE.match(name):
        votes["NOT_PERSON"] += CONTEXT_WEIGHT  # "SpaceX", "PayPal", "BlackRock": no one's name has them
    last = words[-1].casefold().rstrip(".") if words else ""
    if len(words) > 1 and _ends_in_a_role_or_a_plural(words) and not is_team_name(words):
        votes["NOT_PERSON"] += CONTEXT_WEIGHT  # "St Ouen Deputy", "States Members": an office or a group
    if len(words) > 1 and last in INSTITUTION_HEADS and words[0].casefold() != last and not is_country(name):
        votes["NOT_PERSON"] += CONTEXT_WEIGHT  # "Princess Fusipala Hospital": the title opens the institution's name
        if last in CARE_HEADS:
            votes["ORG"] += CONTEXT_WEIGHT
    if len(words) > 1 and words[0].casefold().rstrip(".") in AREA_FIRST_WORDS and words[1][:1].isupper() \
            and last not in INSTITUTION_HEADS and last not in ORG_NAME_ENDINGS and last not in ("court", "tribunal"):
        votes["GPE"] += HEAD_WORD_WEIGHT  # "County Kildare", "Co. Donegal": an administrative area
    if last in ORG_NAME_ENDINGS and len(words) > 1 and not is_country(name) \
            and not any(w.casefold() in ("of", "for", "on") for w in words[1:-1]):  # not "Soviet Union", "Award for … Research"
        votes["ORG"] += CONTEXT_WEIGHT
    elif last in LOCATION_NAME_ENDINGS and len(words) > 1 or _compass_region(words):
        votes["LOC"] += CONTEXT_WEIGHT
    elif last in AREA_NAME_ENDINGS and len(words) > 1 and not any(w.casefold() in ("of", "for") for w in words[1:-1]):
        votes["GPE"] += HEAD_WORD_WEIGHT
    if is_team_name(words) and not is_place_name(name):
        votes["ORG"] += CONTEXT_WEIGHT  # "Tacoma Otters": a place's team
    seen = votes_so_far or Counter()
    person_read = len(words) == 1 and seen.get("PERSON", 0) > 0 and \
        seen.get("PERSON", 0) >= sum(seen.get(label, 0) for label in PLACE_LABELS)
    # (and one word read only as an organisation, never as a place, is a company's name however a
    # region somewhere is called: "Meta", a Colombian department; not a town's, "Bristol", nor a
    # place every reader knows, "Texas")
    org_read = len(words) == 1 and seen.get("ORG", 0) > 0 and not any(seen.get(label, 0) for label in PLACE_LABELS) \
        and name.casefold() not in well_known_place_names() and not is_town_name(name)
    if votes.get("ORG", 0) >= CONTEXT_WEIGHT and not is_country(name):
        return votes  # "University of Texas": the name of a place inside an organisation's
    if person_read and not is_prominent_place(name) and seen.get("PERSON", 0) == seen.get("GPE", 0):
        votes["PERSON"] += TIE_WEIGHT  # "on Obama, Obama's adviser": a person as often as a small town of the name
    if is_country(name) or is_place_name(name) and not (person_read and not is_prominent_place(name)) \
            and not org_read and not ACRONYM_RE.match(name):
        votes["GPE"] += CONTEXT_WEIGHT  # an acronym is a place's only as a country's ("US", not "UN")
    return votes


# A region's compass point, and the words that may stand before it ("the Pacific Northwest",
# "the American Southwest", "the Upper Midwest", "the Far East").
COMPASS_POINTS = frozenset("north south east west northeast northwest southeast southwest midwest".split())
REGION_QUALIFIERS = frozenset("upper lower far deep middle near old wild great greater".split())


def _compass_region(words: list[str]) -> bool:
    """A name that ends in a compass point after a place, a people's adjective or a qualifier
    of regions: a region ("Pacific Northwest"; not "Air North", an airline)."""
    if len(words) < 2 or words[-1].casefold() not in COMPASS_POINTS:
        return False
    before = " ".join(words[:-1])
    # (a region is named after a country or a state, not a town, whose name may be someone's:
    # "Kanye West" is a rapper, Kanye a town in Botswana)
    return before.casefold() in REGION_QUALIFIERS or is_demonym(before) or is_place_name(before) and not is_town_name(before)


# A capital inside one word after lower-case letters, as brands write them ("SpaceX",
# "PayPal", "YouTube"); not a surname's prefix ("McDonald", "MacArthur", "DeSantis",
# "DiCaprio", "LaGuardia", "LeBron", "VanDyke", "O'Brien").
BRAND_CAPITALS_RE = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z])[A-Z][a-z]+[A-Z][\w]*$")


def is_club_name(words: list[str]) -> bool:
    """A club's first word before a place's name ("Real Madrid", "Sporting Lisbon"), or a
    club's last word after it ("Leeds United", "Bolton Wanderers")."""
    if len(words) < 2:
        return False
    if words[0].casefold() in CLUB_NAME_WORDS and is_place_name(" ".join(words[1:])):
        return True
    return words[-1].casefold() in CLUB_TAIL_WORDS and words[-1][:1].isupper() \
        and is_place_name(" ".join(words[:-1])) and not is_place_name(" ".join(words))


# A team's nickname after a number ("49ers", "76ers").
NUMBER_NICKNAME_RE = re.compile(r"\d+ers")


def is_team_name(words: list[str]) -> bool:
    """A place's name and a capitalised plural noun, or a number's nickname, after it: how
    sports teams are named ("Tacoma Otters", "Halden 76ers")."""
    if len(words) >= 2 and NUMBER_NICKNAME_RE.fullmatch(words[-1]):
        return any(is_place_name(" ".join(words[:k])) for k in range(1, len(words)))  # "San Francisco 49ers"
    if len(words) < 2 or not words[-1][:1].isupper() or not words[-1].endswith("s") or words[-1].endswith("ss"):
        return False
    plural = words[-1].casefold()
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    nouns = english_nouns()
    return (singular in nouns or plural[:-2] in nouns) and any(
        is_place_name(" ".join(words[:k])) for k in range(1, len(words)))


# A web address's host name ("citinewsroom.com", "DutchNews.nl", "bbc.co.uk"): a site, its owner an organisation.
WEB_DOMAIN_RE = re.compile(r"(?:www\.)?[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|info|news|co\.[a-z]{2}|[a-z]{2})")


@lru_cache(maxsize=4096)
def _a_language(name: str) -> bool:
    """A living language's name in ISO 639-3 (pycountry), of four letters or more ("Urdu", "Hausa")."""
    import pycountry

    if len(name) < 4 or not name.isalpha():
        return False
    language = pycountry.languages.get(name=name)
    return language is not None and getattr(language, "type", None) == "L"


def discount_unsupported(votes: Counter, name: str) -> None:
    """Model labels that the name itself argues against count for less (before context is added)."""
    words = name.split()
    if votes.get("GPE") and not is_place_name(name):
        votes["GPE"] *= UNSUPPORTED_LABEL_SHARE
    if votes.get("LOC") and not is_place_name(name) and not any(w[0].isupper() for w in words[1:]):
        votes["LOC"] *= UNSUPPORTED_LABEL_SHARE
    if votes.get("NORP") and not is_demonym(name):
        votes["NORP"] *= UNSUPPORTED_LABEL_SHARE
    if votes.get("LAW") and not LAW_WORDS & {w.casefold() for w in words}:
        votes["LAW"] *= UNSUPPORTED_LABEL_SHARE
        if len(words) == 1:  # "Arsenal beat Inter 2-1": one name, no law (a phrase may be a nickname: "Magnificent Seven")
            votes["ORG"] += votes.pop("LAW")
    if votes.get("PRODUCT") and not any(ch.isdigit() for ch in name):
        votes["PRODUCT"] *= PRODUCT_LABEL_SHARE
    if votes.get("PERSON") and (ACRONYM_RE.match(name.replace(" ", "")) or sum(w[:1].isupper() for w in name_tokens(name)) > 4):
        votes["ORG"] += votes.pop("PERSON")  # people are not acronyms, nor five names long ("da", "van" are no names)
    if _a_language(name) and not is_place_name(name) and not is_demonym(name):
        for label in ("GPE", "LOC", "ORG"):  # "recognised Urdu as the national language": a language
            votes["LANGUAGE"] += votes.pop(label, 0)
    if WEB_DOMAIN_RE.fullmatch(name):
        votes["ORG"] += votes.pop("PERSON", 0) + votes.pop("GPE", 0) + LABEL_WEIGHT  # "citinewsroom.com": a site
    if votes.get("PERSON") and is_country(name) and name.casefold() not in _every_first_name():
        votes["GPE"] += votes.pop("PERSON")  # "KATHMANDU, Nepal —": no one is called Nepal (but "Chad", "Jordan")


# Articles of other languages that open names of newspapers, bands and clubs, never a
# person's ("La" and "Le" do: "La Toya", "Le Pen").
FOREIGN_ARTICLE_RE = re.compile(r"(?:El|Los|Las|Il|Der|Die|Das) [A-Z]")


def no_person_named_the(votes: Counter, name: str) -> None:
    """A name that begins with "The" is no one's ("The Lookout", "The Good Wife"): its person
    evidence is a title's, and an agent so named is a group ("The Beatles said")."""
    if name.startswith("The ") and votes.get("PERSON"):
        votes["WORK_OF_ART"] += votes.pop("PERSON")
    if name.startswith("The ") and votes.get("AGENT"):
        votes["ORG"] += votes.pop("AGENT")
    if FOREIGN_ARTICLE_RE.match(name) and votes.get("PERSON"):
        votes["ORG"] += votes.pop("PERSON")  # "El Espectador", "Die Zeit": a paper or a group, no one's name


def _ends_in_a_role_or_a_plural(words: list[str]) -> bool:
    """The name's last word is a title or a plural noun that is no surname, and no given name
    opens it (not "Aaron Judge", "Ed Balls")."""
    last = words[-1].casefold().rstrip(".")
    plural = last.endswith("s") and not last.endswith("ss") and last[:-1] in english_nouns()
    return (last in TITLE_WORDS or plural) and not is_common_surname(words[-1]) and not is_first_name(words[0])


def decide_type(votes: Counter) -> str:
    """The best-supported type; evidence against a person first takes person votes away,
    then agent evidence goes to person or organisation (in place)."""
    not_person = votes.pop("NOT_PERSON", 0.0) + votes.pop("NOT_PERSON_THE", 0.0)
    if not_person and "PERSON" in votes:
        votes["PERSON"] = max(0.0, votes["PERSON"] - not_person)
        if not votes["PERSON"]:
            del votes["PERSON"]
    agent = votes.pop("AGENT", 0.0)
    if agent:
        votes["PERSON" if votes.get("PERSON", 0) > votes.get("ORG", 0) else "ORG"] += agent
    if not votes:
        return "ORG"
    return max(sorted(votes), key=lambda label: votes[label])


def type_of(votes: Counter, name: str) -> str:
    """The type the votes decide (``decide_type``), but a country is a place however it acts:
    "The United States has raised tariffs" is GPE, as every outlet's "United States" is; and a
    tie with a person goes to the person when the name opens with a first name."""
    kind = decide_type(votes)
    if kind != "PERSON" and votes.get("PERSON", 0) == votes.get(kind, 0) > 0 and is_first_name(name.split()[0]) \
            and person_name_votes([name], Counter()).get("PERSON", 0) > 0:
        return "PERSON"  # "Diana Whalen" as often a person as anything else: her first name decides
    return "GPE" if kind == "ORG" and is_country(re.sub(r"^[Tt]he\s+", "", name)) else kind


def name_tokens(name: str) -> list[str]:
    """The words of a name without honorifics ("Mr", "Dr")."""
    return [t for t in re.split(r"\s+", name) if t.casefold() not in HONORIFICS]
