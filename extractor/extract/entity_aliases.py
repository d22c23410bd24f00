"""Aliases within one article: mentions of one name grouped (every form of a country
under its everyday name), short forms (a surname, a first name, "Harvard" for "Harvard
University", an acronym, "New York" for "New York City", a name without its middle
names) joined to the full name they stand for, "known as" names and headline names
added, and every further occurrence of a known name made a mention."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Doc

from extractor.extract.entity_names import (
    COMPANY_FORMS, COUNTRY_CODE_NAMES, LEGAL_FORMS, REGNAL_NUMBER_RE, Candidate, entity_key, hyphened_span, in_any,
    outside,
)
from extractor.extract.entity_records import LocalEntity
from extractor.extract.entity_types import (
    is_team_name,
    is_generation,
    names_a_generation,
    HEADING_LABEL_WEIGHT,
    LABEL_WEIGHT,
    NOT_SURNAMES,
    PLACE_LABELS,
    is_common_surname,
    is_first_name,
    name_tokens,
)
from extractor.extract.gazetteer import CITY_WORD, country_name, is_country
from extractor.extract.lexicon import (
    COMPANY_TAIL_WORDS, KIN_NOUNS, ORG_NAME_ENDINGS, english_nouns, english_words, is_place_name, is_prominent_place,
    is_storm_name,
)
from extractor.models import Mention
from extractor.nlp.views import doc_text, token_starts, token_texts

# A leading "The" and the spaces and hyphens that propagation matches across.
LEADING_CAPITAL_THE_RE = re.compile(r"^The\s+")
SPACE_OR_HYPHEN_RE = re.compile(r"[\s\-]+")
# Words written in lower case in a text: a name's word the text also writes so is a word
# there ("Young", "Rice" beside "rice").
LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'’-]+\b")

# -------------------------------------------------------------------- groups


def group_mentions(candidates: list[Candidate], headings: list[tuple[int, int]]) -> dict[str, LocalEntity]:
    """Mentions with one name key together; the model's label votes for the type, less in a
    heading, where title case misleads it ("Cameron bids farewell" read as an organisation)."""
    groups: dict[str, LocalEntity] = {}
    for cand in candidates:
        country = country_name(cand.text) if cand.label != "PERSON" else None
        if country is None and cand.text.isupper() and len(cand.text) > 3 and is_place_name(cand.text.title()):
            country = cand.text.title()  # a dateline's "OSLO" is Oslo
        key = entity_key(country or with_country_name(cand.text))  # "US" and "United States" meet
        local = groups.get(key)
        if local is None:
            local = groups[key] = LocalEntity(name=cand.text, type=cand.label or "ORG", known_name=country)
        local.surfaces[cand.text] += 1
        if cand.label:
            local.votes[cand.label] += HEADING_LABEL_WEIGHT if in_any(cand.start, headings) else LABEL_WEIGHT
        local.mentions.append(Mention(article_id="", start=cand.start, end=cand.end, text=cand.text))
    return groups


# A name that opens with a country's abbreviation: "U.S. Congress", "UK Parliament".
COUNTRY_PREFIX_RE = re.compile(r"^(?:The\s+)?((?:[A-Z]\.\s?){2,3}|[A-Z]{2,3})\s+(?=[A-Z])")


def with_country_name(name: str) -> str:
    """The name with a leading country abbreviation written out ("U.S. Congress" ->
    "United States Congress"), so that both forms meet."""
    match = COUNTRY_PREFIX_RE.match(name)
    country = country_name(match.group(1).strip()) if match else None
    return f"{country} {name[match.end():]}" if country else name


def _merge_into(target: LocalEntity, source: LocalEntity, as_type: str | None = None) -> None:
    """``source`` becomes part of ``target``; with ``as_type`` its label votes count for
    that type (a surname joined to a person's name is a person's, whatever the model said)."""
    target.known_name = target.known_name or source.known_name
    target.tickers |= source.tickers
    target.surfaces.update(source.surfaces)
    if as_type:
        target.votes[as_type] += sum(source.votes.values())
    else:
        target.votes.update(source.votes)
    target.mentions.extend(source.mentions)


def _main_figure(owners: list[LocalEntity], part: str, title: str | None) -> LocalEntity | None:
    """Of people who share a surname, the one a bare surname means: the story's main
    figure, named in the headline, else introduced first ("Jared Padalecki … his mother
    Sherri Padalecki … Padalecki starred"); None when the shared word is a first name."""
    key = entity_key(part)
    if not all(any(entity_key(name_tokens(s)[-1]) == key for s in o.surfaces if name_tokens(s)) for o in owners):
        return None
    if title:  # "Jared Padalecki" over "Jared Tristan Padalecki": first name and surname
        words = {entity_key(w) for w in name_tokens(title)}
        titled = [o for o in owners if any(
            len(name_tokens(s)) >= 2 and {entity_key(name_tokens(s)[0]), entity_key(name_tokens(s)[-1])} <= words
            for s in o.surfaces)]
        if len(titled) == 1:
            return titled[0]
    return min(owners, key=lambda o: min(m.start for m in o.mentions))


def _headline_name(title: str | None) -> list[str] | None:
    """The headline's words when it is only a name: two to four capitalised words
    ("Jared Padalecki" over a biography)."""
    words = name_tokens(title.strip()) if title else []
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and re.fullmatch(r"[\w.'’-]+", w) for w in words):
        return None
    return words


def _headline_person(title: str | None, surname: str) -> str | None:
    """The headline when it is only a person's name ending in ``surname``: the text then
    means that person by the bare surname, even when it also names a relative ("his
    mother Sherri Padalecki")."""
    words = _headline_name(title)
    return " ".join(words) if words and entity_key(words[-1]) == entity_key(surname) else None


# Final words of an institution's name that its short form leaves off ("Harvard" for
# "Harvard University").
INSTITUTION_WORDS = frozenset({"university", "college", "school", "institute", "academy", "seminary"})
# Their like for a bank, whose short name drops "Bank" too ("Fifth Third" for "Fifth Third
# Bancorp"; but "the Reserve Bank" alone is no short name, any more than "College").
SHORT_NAME_TAILS = INSTITUTION_WORDS | {"bank", "bancorp"}
# A country's code that ends an organisation's name, which the short name drops ("Reform"
# for "Reform UK").
COUNTRY_CODE_TAILS = frozenset(code.casefold() for code in COUNTRY_CODE_NAMES)
# Words that end a whole company's name, which news drops ("Super Micro" for "Super Micro
# Computer", "Arista" for "Arista Networks"); not the words of a division's name ("Tesla
# Energy", "Acme Insurance", "Sony Pictures Entertainment" are parts of Tesla, Acme, Sony).
CORPORATE_TAILS = frozenset({
    "group", "holdings", "holding", "technologies", "technology", "systems", "platforms", "networks",
    "communications", "industries", "electronics", "labs", "laboratories", "semiconductor", "semiconductors",
    "computer", "devices", "therapeutics", "biosciences", "genomics",
})


# The words that end an airline's name, which news drops ("Delta" for "Delta Air Lines",
# "Qantas" for "Qantas Airways").
AIRLINE_TAILS = frozenset({"airlines", "airline", "airways", "air", "lines"})


def join_short_organisations(groups: dict[str, LocalEntity], text: str = "") -> None:
    """An organisation named by part of a longer name in the same article joins it: the
    name without its institution word ("Harvard" / "Harvard University"), its country's code
    ("Reform" / "Reform UK") or its legal form
    ("Nvidia" / "Nvidia Corp."), its last words
    ("Pirates" / "Pittsburgh Pirates", but a clipped name is not: "Fed" is not "Kansas City
    Fed", a branch) or the head of an "X of Y" name
    ("the Society" / "the Society of the Cincinnati"). Only a short form the model reads
    as an organisation, never as a place (a small town's name that the text never writes
    after "in", "at", "from" or "near" is no place: "Halden" / "Halden Foods"), and only
    when one longer name fits."""
    def leans_org(group: LocalEntity, strictly: bool = True) -> bool:
        org = group.votes.get("ORG", 0)
        other = max(group.votes.get(t, 0) for t in ("GPE", "LOC", "PERSON", "FAC"))
        return org > 0 and (org > other if strictly else org >= other)

    longer = [g for g in groups.values() if len(g.name.split()) >= 2 and leans_org(g, strictly=False)]
    teams = [g for g in groups.values() if is_team_name(g.name.split())]  # "Pittsburgh Pirates"
    for key, group in list(groups.items()):
        words = group.name.split()
        if len(words) <= 2 and not leans_org(group, strictly=False) \
                and (not leans_person(group) or len(words) == 1 and _no_personal_name(words[0])) \
                and not _written_as_place(group, text) \
                and (owner := _with_legal_form(group, longer) or _team_of(group, teams)):
            # "Nvidia Corporation" makes the "Nvidia" the model took for a place a company, and
            # "Pittsburgh Pirates" the "Pirates" it took for one a team
            _merge_into(owner, group, as_type="ORG")
            del groups[key]
            continue
        if len(words) > 2 or not leans_org(group, strictly=False) or words[-1].casefold() in INSTITUTION_WORDS:
            continue  # "College" alone is any college
        strictly = leans_org(group)  # a legal form names a company: a tie of votes is enough then
        owners = []
        short = [w.casefold() for w in words]
        for other in longer:
            full = other.name.split()
            if other is group or len(full) <= len(words):
                continue
            lowered = [w.casefold() for w in full]
            tail = lowered[-len(short):] == short and lowered[-len(short) - 1] not in ("of", "in", "at", "for") \
                and not _common_noun_after_words(short, lowered) \
                and not clipped(group.name)  # "Fed" is not "Kansas City Fed", a branch of it
            rest = lowered[len(short):]
            institution = lowered[:len(short)] == short and 1 <= len(rest) <= 2 and all(
                w in SHORT_NAME_TAILS | COUNTRY_CODE_TAILS | CORPORATE_TAILS | AIRLINE_TAILS for w in rest) \
                and (len(rest) == 1 or rest[0] in AIRLINE_TAILS)  # ("Delta" / "Delta Air Lines")
            # (not "University of X"; a company's trade word: "Super Micro" for "Super Micro Computer")
            head = lowered[:len(short)] == short and lowered[len(short)] == "of"  # "Reserve Bank of Australia"
            legal = full[-1] in LEGAL_FORMS and _short_of(short, full)  # "Nvidia" / "Nvidia Corp.", "Nordmark Seafood A/S"
            if ((tail or institution or head) and strictly or legal) and not _other_acronyms(group, other, text):
                owners.append(other)
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del groups[key]


def _acronyms(group: LocalEntity, text: str) -> set[str]:
    """The acronyms a group goes by: its names in capitals, and those bracketed after it."""
    named = {name for name in (group.name, *group.aliases, *group.surfaces) if ACRONYM_NAME_RE.fullmatch(name)}
    return named | {m.group(1) for mention in group.mentions if (m := ACRONYM_AFTER_RE.match(text, mention.end))}


# A name in capitals only ("SPD", "FDP", "NATO"), and one in brackets after a name.
ACRONYM_NAME_RE = re.compile(r"[A-Z][A-Z&]{1,8}")
ACRONYM_AFTER_RE = re.compile(r"\s*\(([A-Z][A-Z&]{1,8})\)")


def _other_acronyms(short: LocalEntity, full: LocalEntity, text: str) -> bool:
    """Each goes by an acronym and they share none: "Social Democrats (SPD)" the model cut to
    "Democrats" is not the "Free Democrats (FDP)" whose last word it is."""
    mine, theirs = _acronyms(short, text), _acronyms(full, text)
    return bool(mine and theirs) and not mine & theirs


# Nicknames English news gives political parties, by the word of the party's name they stand
# for: "the Tories" are the Conservative Party (in Britain and Canada), the "GOP" the Republican.
PARTY_NICKNAMES = {"tory": "conservative", "tories": "conservatives", "gop": "republican"}


def party_key(name: str) -> str:
    """A name as ``party_short_forms`` gives them, a nickname read as the name it stands for
    ("Tories", "the Tory Party": "conservatives", "conservative")."""
    name = name.casefold().removeprefix("the ")
    if name.endswith(" party") and name[:-len(" party")] in PARTY_NICKNAMES:
        return PARTY_NICKNAMES[name[:-len(" party")]]  # "the Tory Party"
    return PARTY_NICKNAMES.get(name, name)


def party_short_forms(name: str) -> set[str]:
    """The names a party called "X Party" also goes by: "X" and its members, "Xs" ("Labour",
    "Greens" of "Green Party", "Democrats" of "Democratic Party"), case-folded."""
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if len(words) < 2 or words[-1].casefold() != "party":
        return set()
    stem = " ".join(words[:-1]).casefold()
    forms = {stem, stem + "s"}
    if stem.endswith("ic"):
        forms.add(stem[:-2] + "s")  # "Democratic": "Democrats"
    return forms


def join_party_names(groups: dict[str, LocalEntity]) -> None:
    """A party's short name and its members' name join the one "X Party" of the article
    ("Labour" / "Labour Party", "the Greens" / "Green Party", "Tories" / "Conservative Party"),
    as an organisation (``_names_the_party``)."""
    parties: dict[str, list[LocalEntity]] = defaultdict(list)
    for group in groups.values():
        for form in party_short_forms(group.name):
            parties[form].append(group)
    for key, group in list(groups.items()):
        owners = parties.get(party_key(group.name), [])
        if len(owners) == 1 and owners[0] is not group and not leans_person(group) and _names_the_party(group):
            _merge_into(owners[0], group, as_type="ORG")
            del groups[key]


def _names_the_party(group: LocalEntity) -> bool:
    """A short name that stands for the party: one the model read as an organisation, or a
    plural ("the Greens", "Tories"); not an adjective of its people ("Republican senators")."""
    org = group.votes.get("ORG", 0)
    return org > 0 and org >= max(group.votes.values()) or group.name.endswith("s")


# Shortest cut-off word of a clipped name ("Lib Dems" of "Liberal Democrats").
CLIPPED_WORD_CHARS = 3


def _clips_every_word(short: str, full: str) -> bool:
    """Each word of ``short`` cuts off the word of ``full`` in its place, a plural's "s" aside
    ("Lib Dems" / "Liberal Democrats", "Nat West" / "National Westminster"), one by two
    letters at least ("World Cup" is not cut from "World Cups"): a clipped name of two words
    or more."""
    a, b = short.split(), full.split()
    if len(a) < 2 or len(a) != len(b) or short == full:
        return False
    clipped = False
    for cut, word in zip(a, b):
        stem, whole = cut.removesuffix("s"), word.removesuffix("s")  # (a plural's "s" on either: "World Cups")
        if len(stem) < CLIPPED_WORD_CHARS or not whole.startswith(stem) or not cut[:1].isupper():
            return False
        clipped = clipped or len(whole) - len(stem) >= CLIPPED_WORD_CHARS - 1
    return clipped


def _common_noun_after_words(short: list[str], full: list[str]) -> bool:
    """A common noun ending a name whose other words are all English words, and no place's
    name, is no short form of it: "the House" is not "the White House", "the Court" not "the
    Supreme Court" (but "Pirates" is "Pittsburgh Pirates", "Press" is "New York Press")."""
    words = english_words()
    rest = [w for w in full[:-1] if w != "the"]
    return len(short) == 1 and short[0] in english_nouns() and all(w in words for w in rest) \
        and not is_place_name(" ".join(rest).title())


def _team_of(group: LocalEntity, teams: list[LocalEntity]) -> LocalEntity | None:
    """The one team named as its place and ``group`` ("Pirates" / "Pittsburgh Pirates")."""
    short = [w.casefold() for w in group.name.split()]
    owners = [t for t in teams if t is not group and len(t.name.split()) > len(short)
              and [w.casefold() for w in t.name.split()[-len(short):]] == short]
    return owners[0] if len(owners) == 1 else None


# Prepositions that put what follows them on the map ("in Halden", "near Tacoma").
PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|to|outside|across)\s+\Z", re.I)


def _written_as_place(group: LocalEntity, text: str) -> bool:
    """A gazetteer's place that is prominent, or that the text writes where places go."""
    if not is_place_name(group.name):
        return False
    return is_prominent_place(group.name) or not text or any(
        PLACE_BEFORE_RE.search(text, max(0, m.start - 12), m.start) for m in group.mentions)


# A verb of speaking right after a name: only people (and bodies) say things, never a town.
SPEAKS_AFTER_RE = re.compile(r"\s+(?:said|says|told|added|asked|argued|insisted|noted|replied|stated)\b")


def _always_speaks(group: LocalEntity, text: str) -> bool:
    """Every mention is followed by a verb of speaking ("Pimentel said"): a person, whatever town
    shares the name."""
    return bool(text) and all(SPEAKS_AFTER_RE.match(text, m.end) for m in group.mentions)


def _no_personal_name(word: str) -> bool:
    """One word that is neither a first name nor a common surname: the model's person reading
    of it ("Kelvane said …") gives way to a company's name it opens ("Kelvane Therapeutics")."""
    return not is_first_name(word) and not is_common_surname(word)


def _with_legal_form(group: LocalEntity, longer: list[LocalEntity]) -> LocalEntity | None:
    """The one organisation named as ``group`` plus a company's form or the word its short
    name leaves off ("Nvidia" / "Nvidia Corporation", "Harwick" / "Harwick Systems")."""
    short = [w.casefold() for w in group.name.split()]
    owners = [o for o in longer if o is not group and (_short_of(short, o.name.split()))]
    return owners[0] if len(owners) == 1 else None


def _short_of(short: list[str], words: list[str]) -> bool:
    """``short`` is the company's name ``words`` less its form or the word its short name
    leaves off, or less both ("Nordmark" of "Nordmark Seafood A/S": a form makes any last
    word one a short name may leave off)."""
    if len(words) < 2 or not words[-1]:
        return False
    if [w.casefold() for w in words[:-1]] == short:
        return words[-1] in COMPANY_FORMS or words[-1].casefold() in COMPANY_TAIL_WORDS
    return len(words) >= 3 and words[-1] in COMPANY_FORMS and [w.casefold() for w in words[:-2]] == short \
        and words[-2][:1].isupper()


# Words an acronym leaves out ("MIT": Massachusetts Institute of Technology).
ACRONYM_SKIPPED_WORDS = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "in", "on", "at", "to"})
# An acronym as written: two to six capitals, with or without dots ("UN", "U.N.", "NASA").
ACRONYM_FORM_RE = re.compile(r"^(?:[A-Z]\.?\s?){2,6}$")
# Model labels that never stand for an organisation or place.
PEOPLE_LABELS = frozenset({"PERSON"})


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in ACRONYM_SKIPPED_WORDS]
    return "".join(w[0] for w in words).upper() if all(w[0].isupper() for w in words) else ""


def leans_person(group: LocalEntity) -> bool:
    person = group.votes.get("PERSON", 0)
    return person > 0 and person >= max((v for k, v in group.votes.items() if k != "PERSON"), default=0)


# A name written with its ticker is a listed company's.
TICKER_ORG_WEIGHT = 2


def join_tickers(groups: dict[str, LocalEntity], text: str, spans: list[tuple[int, int, int, int]]) -> None:
    """A ticker written after a company's name ("Broadcom (AVGO)", "Nvidia (NASDAQ:NVDA)";
    ``spans`` from ``ticker_names``) is that company's other name, and the name is an
    organisation's; the exchange before the ticker names no entity of the story."""
    if not spans:
        return
    def holder(start: int, end: int) -> tuple[str, LocalEntity] | None:
        return next(((k, g) for k, g in groups.items() if any(m.start <= start and end <= m.end for m in g.mentions)), None)
    for name_start, name_end, tick_start, tick_end in spans:
        owner = holder(name_end - 1, name_end)
        inside = [(k, g) for k, g in groups.items() if g is not (owner and owner[1])
                  and any(name_end < m.start and m.end <= tick_end + 1 for m in g.mentions)]
        for key, group in inside:
            ticker = any(m.start == tick_start and m.end == tick_end for m in group.mentions)
            if ticker and owner is not None and not leans_person(group):
                _merge_into(owner[1], group, as_type="ORG")
                del groups[key]
            elif not ticker:  # the exchange
                group.mentions = [m for m in group.mentions if not (name_end < m.start < tick_start)]
                if not group.mentions:
                    del groups[key]
        if owner is not None:
            owner[1].votes["ORG"] += TICKER_ORG_WEIGHT
            owner[1].tickers.add(text[tick_start:tick_end])  # an alias even where the model saw no name
            for key, group in list(groups.items()):  # "Acme Corp (ACME) … ACME’s gains": the ticker alone, later
                if group is not owner[1] and not leans_person(group) \
                        and all(m.text == text[tick_start:tick_end] for m in group.mentions):
                    _merge_into(owner[1], group, as_type="ORG")
                    del groups[key]


# Words of a state's name, which a country's abbreviation may stand for ("DRC", "UAE").
STATE_NAME_WORDS = frozenset({"republic", "kingdom", "states", "emirates", "union", "federation", "islands"})


# Fewest letters of a person's initials that stand for the person ("SBF", "JFK", "AOC").
PERSON_INITIALS = 3


def join_acronyms(groups: dict[str, LocalEntity]) -> None:
    """An acronym joins the one longer name of the article whose words' initials it is
    ("MIT" / "Massachusetts Institute of Technology", "UN" / "United Nations"), even
    where the text never brackets it after the name; a person's only with three letters or
    more ("SBF" / "Sam Bankman-Fried", "JFK"; two are too many people's). A clipped name
    joins the one name whose first word it cuts short ("Fed" / "Federal Reserve"), or each
    of whose words it cuts short ("Lib Dems" / "Liberal Democrats")."""
    by_initials: dict[str, list[LocalEntity]] = defaultdict(list)
    for group in groups.values():
        if len(group.name.split()) >= 2:
            initials = _initials(group.name)
            if len(initials) >= (PERSON_INITIALS if leans_person(group) else 2):
                by_initials[initials].append(group)
    for key, group in list(groups.items()):
        if not ACRONYM_FORM_RE.match(group.name):
            continue  # (however the model labelled it: people are not acronyms, "S. F." is a city's)
        owners = [o for o in by_initials.get(re.sub(r"[.\s]", "", group.name), []) if o is not group]
        if country_name(group.name) is not None:  # "UK" is a country's, not Uhuru Kenyatta's initials (but
            # "DRC" is the "Democratic Republic of Congo" the gazetteer does not know without its "the")
            owners = [o for o in owners if STATE_NAME_WORDS & set(o.name.casefold().split())]
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del groups[key]
    for key, group in list(groups.items()):
        if clipped(group.name) and not leans_person(group):
            owners = [o for o in groups.values() if o is not group and _clips(group.name, o)]
        elif " " in group.name and (not leans_person(group) or group.name.endswith("s")):
            # "Lib Dems" / "Liberal Democrats", which the model may take for a person (no one's name is a plural)
            owners = [o for o in groups.values() if o is not group and not leans_person(o)
                      and clips_name(group.name.removeprefix("The "), o.name.removeprefix("The "))]
        else:
            continue
        if len(owners) == 1:
            _merge_into(owners[0], group, as_type=None if clipped(group.name) else "ORG")
            del groups[key]


# Length of a clipped name ("Fed", "Met") and how many times longer its word must be; the
# most words of the name it clips ("Federal Reserve Board", not "Federal Open Market Committee").
CLIPPED_CHARS = 3
CLIPPED_RATIO = 2
CLIPPED_NAME_WORDS = 3


def clipped(name: str) -> bool:
    return len(name) == CLIPPED_CHARS and name.isalpha() and name[0].isupper() and name[1:].islower()


def _clips(short: str, group: LocalEntity) -> bool:
    """``short`` is a clipping of the organisation's first word ("Fed" / "Federal Reserve",
    "Met" / "Metropolitan Police"), a word at least twice its length ("Ford" is no "Fordham")."""
    org = group.votes.get("ORG", 0)
    return org > 0 and org >= max(group.votes.values()) and clips_name(short, group.name)


def clips_name(short: str, full: str) -> bool:
    """``short`` is a clipping of ``full``: a clipped name cutting the first word of a name of
    two or three words to a third or less ("Fed" of "Federal Reserve", not of "Federal Open
    Market Committee"), or a name each of whose words is cut short (``_clips_every_word``:
    "Lib Dems")."""
    if not clipped(short):
        return _clips_every_word(short, full)
    words = full.split()
    return 2 <= len(words) <= CLIPPED_NAME_WORDS and words[0].startswith(short) \
        and len(words[0]) >= CLIPPED_RATIO * len(short)


def join_city_names(groups: dict[str, LocalEntity], text: str) -> None:
    """A place named both "X" and "X City" in one article is the city ("New York" / "New
    York City"), unless "X" is a country ("Mexico" / "Mexico City") or the text writes
    the city with "X" as its state ("Oklahoma City, Oklahoma")."""
    for key, group in list(groups.items()):
        city = groups.get(entity_key(f"{group.name} {CITY_WORD}"))
        if city is None or city is group or group.known_name or is_country(group.name):
            continue
        if f"{group.name} {CITY_WORD}, {group.name}" in text:
            continue
        if leans_person(group) or leans_person(city):
            continue
        _merge_into(city, group)
        del groups[key]


def join_short_places(groups: dict[str, LocalEntity]) -> None:
    """A one-word place that opens the one longer place name of the article is that place
    ("Levico" / "Levico Terme"), unless the word is a place's name of its own ("York" /
    "York County")."""
    def leans_place(group: LocalEntity, strictly: bool = False) -> bool:
        place = max(group.votes.get(label, 0) for label in PLACE_LABELS)
        other = max((v for k, v in group.votes.items() if k not in PLACE_LABELS), default=0)
        return place > 0 and (place > other if strictly else place >= other)

    longer = [g for g in groups.values() if len(g.name.split()) >= 2 and leans_place(g)]
    for key, group in list(groups.items()):
        # the short word must read as a place more than as anything else ("OpenAI", once a place and
        # once a person, is not the place "OpenAI Hackathon")
        if len(group.name.split()) != 1 or not leans_place(group, strictly=True) or is_place_name(group.name) \
                or group.known_name:
            continue
        owners = [o for o in longer if o is not group and o.name.split()[0] == group.name]
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del groups[key]


def join_named_storms(groups: dict[str, LocalEntity]) -> None:
    """A one-word name that ends the one storm's name of the article is that storm
    ("Delphine" / "Hurricane Delphine"), whatever the model took it for, unless another name
    of the article has that word ("Katrina Lopez"; a name built on the storm's is no other one)."""
    storms = [g for g in groups.values() if is_storm_name(g.name)]
    for key, group in list(groups.items()):
        if len(group.name.split()) != 1 or group in storms:
            continue
        owners = [g for g in storms if g.name.split()[-1] == group.name]
        others = [g for g in groups.values() if g is not group and g not in owners and group.name in g.name.split()
                  and not any(o.name in g.name for o in owners)]  # (not "Hurricane Delphine Relief Fund")
        if len(owners) == 1 and not others:
            _merge_into(owners[0], group, as_type=max(owners[0].votes, key=owners[0].votes.get, default=None))
            del groups[key]


# One author of a reference list's entry, surname first: "London, Jack. White Fang",
# "Marx, Karl and Engels, Friedrich. The Communist Manifesto".
INVERTED_NAME_RE = re.compile(r"([A-Z][\w'’-]+), ([A-Z][\w'’-]+(?: [A-Z][\w'’.-]+)*?)(?=\.\s|\.$| and )")
# Longest line (characters) read as a reference list's entry.
REFERENCE_LINE_MAX = 200


def _inverted_names(text: str):
    """(surname span, first names span) of each author of each short line that opens with
    "Surname, First" (more joined by "and"), the first name a known one."""
    offset = 0
    for line in text.splitlines(keepends=True):
        pos = 0
        while len(line) <= REFERENCE_LINE_MAX and (match := INVERTED_NAME_RE.match(line, pos)) and is_first_name(
                match.group(2).split()[0]):
            yield (offset + match.start(1), offset + match.end(1)), (offset + match.start(2), offset + match.end(2))
            if not line.startswith(" and ", match.end()):
                break
            pos = match.end() + len(" and ")
        offset += len(line)


def join_inverted_names(groups: dict[str, LocalEntity], text: str) -> None:
    """An author written surname first in a reference list is one person, "First Surname"
    ("London, Jack": Jack London, not the city), with the surname as its mention; the
    first name is part of that name, not a mention of its own."""
    mentions = sorted((m.start, m.end, key) for key, g in groups.items() for m in g.mentions)
    starts = [m[0] for m in mentions]
    for (s_start, s_end), (f_start, f_end) in _inverted_names(text):
        surname, first = text[s_start:s_end], text[f_start:f_end]
        full = f"{first} {surname}"
        person = groups.get(entity_key(full))
        if person is None:
            person = groups[entity_key(full)] = LocalEntity(name=full, type="PERSON")
        person.surfaces[full] += 0
        for key in {key for a, b, key in mentions[max(0, bisect_left(starts, s_start) - 3):bisect_left(starts, f_end)]
                    if a < f_end and s_start < b}:
            group = groups.get(key)
            if group is None or group is person:
                continue
            moved = [m for m in group.mentions if m.start < f_end and s_start < m.end]
            for mention in moved:
                group.mentions.remove(mention)
                group.surfaces[mention.text] -= 1
            if moved and not group.mentions:
                del groups[key]
            elif moved:
                group.surfaces = +group.surfaces  # forms no mention is left of
        if not any(m.start == s_start for m in person.mentions):
            person.mentions.append(Mention(article_id="", start=s_start, end=s_end, text=surname))
            person.surfaces[surname] += 1
        person.votes["PERSON"] += LABEL_WEIGHT


def alias_headline(groups: dict[str, LocalEntity], title: str | None) -> None:
    """A headline that is only a name ("Matthew Goode") names the person the text names in
    full with the same first name and surname ("Matthew William Goode", even one the model
    took for an organisation): the headline's mention joins that person (a name alone in
    title case is no organisation, whatever the model said); with no mention of it, the
    name is the person's alias."""
    words = _headline_name(title)
    if not words:
        return
    name = " ".join(words)
    ends, own_key = (entity_key(words[0]), entity_key(words[-1])), entity_key(name)
    def same_ends(group: LocalEntity, surface: str) -> bool:  # a fuller form is a person's middle names
        parts = name_tokens(surface)
        return (len(parts) >= 2 and (entity_key(parts[0]), entity_key(parts[-1])) == ends
                and (group.votes.get("PERSON", 0) > 0 or len(parts) > len(words)))

    for group in sorted(groups.values(), key=lambda g: -len(name_tokens(g.name))):  # the fullest name first
        if group is not groups.get(own_key) and any(same_ends(group, s) for s in group.surfaces):
            own = groups.pop(own_key, None)
            if own is not None:
                _merge_into(group, own, as_type="PERSON")
            group.surfaces[name] += 0
            return


def _is_subsequence(short: list[str], full: list[str]) -> bool:
    words = iter(full)
    return all(any(w == f for f in words) for w in short)


# A relative named just before a name ("his father X", "the son of X"): a different person
# from the one whose surname, and perhaps first name, they share.
KINSHIP_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(KIN_NOUNS))})s?(?:\s+of)?\s*,?\s*"
    r"(?:(?-i:[A-Z][a-z]+\.?)\s+)?$",  # a title between: "the brother of Inspector Lynley"
    re.IGNORECASE)


def _named_as_relative(group: LocalEntity, text: str) -> bool:
    return any(KINSHIP_BEFORE_RE.search(text[max(0, m.start - 30):m.start]) for m in group.mentions)


# How far (characters) a relative named in apposition may follow the person's name.
RELATIVE_APPOSITION_REACH = 40


def _relative_of(group: LocalEntity, person: LocalEntity, text: str) -> bool:
    """``group`` is named as a relative of ``person`` right after a mention of them ("Peter
    Lynley, the brother of Inspector Lynley"), so it is not ``person``."""
    ends = sorted(o.end for o in person.mentions)
    for m in group.mentions:
        i = bisect_left(ends, m.start - RELATIVE_APPOSITION_REACH)
        for end in ends[i:bisect_left(ends, m.start)]:
            if text[end:end + 1] == "," and KINSHIP_BEFORE_RE.search(text[end:m.start]):
                return True
    return False


# A role an actor plays, named just before a name: "appeared in Cry Wolf as Tom",
# "played Sam". The name is the character's, not a person's of the article.
CHARACTER_BEFORE_RE = re.compile(
    r"(?:\b(?:appear|star|cast|play|portray)\w*\b[^.!?\n]*\bas|\b(?:played|plays|playing|portrays|portrayed|portraying))"
    r"\s+$", re.IGNORECASE)
# How far back (characters) the verb of a character's role may be.
CHARACTER_REACH = 120


def _named_as_character(group: LocalEntity, text: str) -> bool:
    return all(CHARACTER_BEFORE_RE.search(text[max(0, m.start - CHARACTER_REACH):m.start]) for m in group.mentions)


def join_middle_names(groups: dict[str, LocalEntity], text: str, headings: list[tuple[int, int]] = ()) -> None:
    """A first name and surname join the one fuller name of the article with both, in
    order ("Otto Jespersen" / "Jens Otto Harry Jespersen", "Joshua Norton" / "Joshua
    Abraham Norton"), and so do the first words of it ("Pierre Charles" / "Pierre Charles
    L'Enfant"); not a relative the text introduces as one ("his father Pierre
    L'Enfant" beside "Pierre Charles L'Enfant")."""
    people = [(key, g, [entity_key(w) for w in name_tokens(g.name)]) for key, g in groups.items()
              if leans_person(g) and len(name_tokens(g.name)) >= 2]
    lower = {w.casefold() for w in LOWER_WORD_RE.findall(text)}

    def named_in_body(person: LocalEntity) -> bool:
        """A name with a mention outside headings, whose words the text never writes in lower
        case: no headline read as a name ("David Cameron Resigns")."""
        return (any(not in_any(m.start, headings) for m in person.mentions)
                and not any(w.casefold() in lower for w in name_tokens(person.name)))

    for key, group, words in people:
        if len(words) != 2 or _named_as_relative(group, text):
            continue
        owners = [o for k, o, full in people if o is not group and k in groups and len(full) > len(words) and (
            full[-1] == words[-1] and _is_subsequence(words, full) or full[:len(words)] == words and named_in_body(o))]
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del groups[key]


@lru_cache(maxsize=1)
def _nicknamer():
    """The nicknames package's hand-curated table of English given names and their
    nicknames ("Bill" is a William, "Peggy" a Margaret), loaded once."""
    from nicknames import NickNamer

    return NickNamer()


def _nickname_pair(a: str, b: str) -> bool:
    """One given name is a nickname of the other ("Bill" / "William")."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return False
    names = _nicknamer()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


def join_nicknames(groups: dict[str, LocalEntity]) -> None:
    """A person named with a nickname joins the one person of the article with the same
    surname whose given name it shortens ("Bill Hartley" / "William Hartley")."""
    people = [(key, g, name_tokens(g.name)) for key, g in groups.items()
              if leans_person(g) and len(name_tokens(g.name)) >= 2]
    for key, group, words in people:
        if key not in groups:
            continue
        owners = [o for k, o, full in people if o is not group and k in groups
                  and entity_key(full[-1]) == entity_key(words[-1]) and _nickname_pair(words[0], full[0])]
        if len(owners) == 1 and sum(owners[0].surfaces.values()) >= sum(group.surfaces.values()):
            _merge_into(owners[0], group, as_type="PERSON")
            del groups[key]


# "X, also known as Y", "X (born 1986), better known by her pseudonym Y", "X, whose full
# name is Y": Y is another name of X.
KNOWN_AS_RE = re.compile(
    r"\b(?:(?:also |better |commonly |widely |popularly |formerly )?known (?:[a-z]+ly )?(?:as|by (?:his|her|their|its|the) "
    r"(?:pseudonym|name|nickname|stage name|pen name|ring name))"
    r"|whose (?:full |real |birth |given |legal )?name is)\s+(?:the\s+)?[\"“']?")
# What may stand between X and "known as": brackets (life dates, a native spelling) and a comma.
BETWEEN_NAME_AND_KNOWN_RE = re.compile(r"^(?:\s|\([^()]*\)|\[[^\]]*\])*,?\s*$")
# "of" right before a name: the place or body a person is of ("Theodorus of Tabennese").
OF_BEFORE_RE = re.compile(r"\bof\s+\Z")
# How far (characters) before "known as" the name it renames may end.
KNOWN_AS_REACH = 200


def join_known_as(groups: dict[str, LocalEntity], text: str) -> None:
    """The name after "known as" joins the name the phrase follows ("Joshua Abraham
    Norton (...), known as Emperor Norton"): two people's names or two organisations'."""
    mentions = sorted((m.start, m.end, key) for key, g in groups.items() for m in g.mentions)
    starts = [m[0] for m in mentions]
    for match in KNOWN_AS_RE.finditer(text):
        j = bisect_right(starts, match.end()) - 1
        if j < 0 or starts[j] != match.end():
            continue
        alias_key = mentions[j][2]
        owner_key = None
        for start, end, key in reversed(mentions[:j]):
            if match.start() - end > KNOWN_AS_REACH:
                break
            if end <= match.start() and BETWEEN_NAME_AND_KNOWN_RE.match(text[end:match.start()]):
                if not OF_BEFORE_RE.search(text, max(0, start - 5), start):
                    owner_key = key  # (not "Theodorus of [Tabennese], also known as Abba Theodorus": the place he is of)
                break
        if owner_key is None or owner_key == alias_key or owner_key not in groups or alias_key not in groups:
            continue
        owner, alias = groups[owner_key], groups[alias_key]
        introduced = len(alias.mentions) == 1  # "…, known as Cal Fire", 'known as "Gabo"': a name given here
        bodys = not leans_person(owner) and any(w.casefold() in ORG_NAME_ENDINGS for w in name_tokens(owner.name))
        # (a body's full name renames: "the California Department of … Protection, known as Cal Fire")
        if leans_person(owner) != leans_person(alias) and not (introduced or bodys) or any(
                g.votes.get(label, 0) for g in (owner, alias) for label in PLACE_LABELS):
            continue  # a place "known as" something is described, not renamed
        _merge_into(owner, alias)
        del groups[alias_key]


# A run of two to four capitalised words in a headline ("Wikinews interviews Christopher Hill, ...").
HEADLINE_NAME_RE = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\b")
POSSESSIVE_END_RE = re.compile(r"['’]s\Z")


def alias_headline_names(groups: dict[str, LocalEntity], title: str | None) -> None:
    """A full name in the headline names the person the text names only by surname
    ("Wikinews interviews Christopher Hill" over a text that says "Hill"), when one person
    of the text has that surname and no other first name: the headline's mention joins
    them, and the name is their alias."""
    if not title:
        return
    for match in HEADLINE_NAME_RE.finditer(title):
        words = name_tokens(match.group())
        owned = [k for k, w in enumerate(words[:-1]) if POSSESSIVE_END_RE.search(w)]
        if owned:  # "Sweden's Loreen wins …": the possessor is no first name
            words = words[owned[-1] + 1:]
        if len(words) < 2:
            continue
        first, last, own_key = entity_key(words[0]), entity_key(words[-1]), entity_key(" ".join(words))
        owners = [g for k, g in groups.items() if k != own_key and leans_person(g) and any(
            entity_key(name_tokens(s)[-1]) == last for s in g.surfaces if name_tokens(s))]
        if len(owners) != 1:
            continue
        owner = owners[0]
        firsts = {entity_key(name_tokens(s)[0]) for s in owner.surfaces if len(name_tokens(s)) >= 2}
        if firsts <= {first}:
            if own_key in groups:  # the headline's mention of the name joins the person too
                _merge_into(owner, groups.pop(own_key), as_type="PERSON")
            owner.surfaces[" ".join(words)] += 0


def _reads_as_person_name(group: LocalEntity) -> bool:
    """Two or three capitalised words opening with a first name, or ending with a
    generation ("Vinicius Junior"), never read as a place: a person's name the model took
    for something else ("Britney Spears" as an organisation)."""
    words = name_tokens(group.name)
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and (_first_name_word(words[0]) and words[-1].casefold() not in NOT_SURNAMES | ORG_NAME_ENDINGS
                 or _names_a_generation(group))
            and not any(group.votes.get(label, 0) for label in PLACE_LABELS))


def _first_name_word(word: str) -> bool:
    """A first name, or a hyphenated given name: opening with one ("Jean-Luc") or of two
    syllables, as Chinese and Korean given names are written ("Jen-Hsun", "Chien-jen")."""
    head, _, rest = word.partition("-")
    return is_first_name(word) or bool(rest[:1].isupper()) and is_first_name(head) \
        or HYPHENATED_GIVEN_NAME_RE.fullmatch(word) is not None


# Two syllables of a given name joined by a hyphen ("Jen-Hsun", "Ing-wen", "Jae-in").
HYPHENATED_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")


def _surname_of(parts: list[str]) -> str:
    """The last word of a name less its generation ("Ripken" of "Cal Ripken Jr.", "Pimentel" of
    "Aquilino Pimentel III")."""
    numbered = len(parts) >= 3 and REGNAL_NUMBER_RE.match(parts[-1]) is not None
    return parts[-2] if len(parts) >= 2 and is_generation(parts[-1]) or numbered else parts[-1]


def _names_a_generation(group: LocalEntity) -> bool:
    return names_a_generation(name_tokens(group.name))


def _could_be_person_name(group: LocalEntity) -> bool:
    """Two or three capitalised words with no digit, never read as a place, opening with no
    place's name and ending with no English word (a surname such as "Djokovic", not the
    "Lodge" of "Holland Lodge"): a person's name whose first name no list holds."""
    words = name_tokens(group.name)
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and not {w.casefold() for w in words} & (NOT_SURNAMES | ORG_NAME_ENDINGS | COMPANY_TAIL_WORDS)
            and words[-1].casefold() not in english_words() and not is_place_name(words[0])
            and not is_place_name(group.name) and not any(group.votes.get(label, 0) for label in PLACE_LABELS))


def join_typed_surnames(groups: dict[str, LocalEntity], leaned: set[int] = frozenset()) -> None:
    """Once types are decided: a lone surname its context shows to be a person ("Djokovic,
    who had won…") joins the one name of two or three words that ends with it and was read
    as something else ("Novak Djokovic" taken for a firm, its first name on no list), which
    is then that person's; so does one such a name typed a person only by its context
    ("Superintendent Tex Tafoa"). A surname that a name which ``leaned`` (ids of groups read
    as people before their types were decided) ends with was weighed before and stays apart."""
    people: dict[str, list[LocalEntity]] = defaultdict(list)
    for g in groups.values():
        if g.type == "PERSON" and len(name_tokens(g.name)) >= 2:
            people[entity_key(name_tokens(g.name)[-1])].append(g)
    by_surname: dict[str, list[LocalEntity]] = defaultdict(list)
    for group in groups.values():
        if group.type != "PERSON" and _could_be_person_name(group):
            by_surname[entity_key(name_tokens(group.name)[-1])].append(group)
    for key, group in list(groups.items()):
        words = name_tokens(group.name)
        if group.type != "PERSON" or len(words) != 1:
            continue
        surname = entity_key(words[0])
        if surname in people:  # a full name typed a person only now ("Superintendent Tex Tafoa", read as a place);
            # one read as a person before was weighed by ``resolve_short_forms`` ("Ingrid Berg" the relative)
            titled, owners = _titled_forms_apart(people[surname])
            if any(id(g) in leaned for g in owners):
                continue
            if len(owners) == 1:
                _take_titled_forms(group, titled, groups)
        else:
            owners = by_surname.get(surname, [])
        if len(owners) == 1:
            _merge_into(owners[0], group, as_type="PERSON")
            owners[0].type = "PERSON"
            del groups[key]
    alive = {id(g) for g in groups.values()}
    for surname, named in people.items():  # the lone surname joined its full name before ("Tafoa" in "Tex Tafoa")
        titled, owners = _titled_forms_apart([g for g in named if id(g) in alive])
        if titled and len(owners) == 1 and any(len(name_tokens(f)) == 1 and entity_key(f) == surname
                                               for f in owners[0].surfaces):
            _take_titled_forms(owners[0], titled, groups)


def _surnames_read_as_names(person: LocalEntity) -> bool:
    """Two or three words whose words after the first are common surnames or no English words
    ("Anies Baswedan"; not "Facebook Workplace", which the model may read as a person)."""
    words = name_tokens(person.name)
    return len(words) in (2, 3) and all(is_common_surname(w) or w.casefold() not in english_words() for w in words[1:])


def join_typed_first_names(groups: dict[str, LocalEntity]) -> None:
    """A lone word that no list knows as a given name ("Sandiaga", "Anies"), typed a person or
    an organisation, joins the one person whose full name it opens, once types are decided
    ("deputy governor of Jakarta, Sandiaga Uno, said …  Sandiaga said"): a given name the text
    goes on calling that person by. Not a place's name, and not when two people share it."""
    people: dict[str, list[LocalEntity]] = defaultdict(list)
    for g in groups.values():
        if g.type == "PERSON" and _surnames_read_as_names(g):
            people[entity_key(name_tokens(g.name)[0])].append(g)
    for key, group in list(groups.items()):
        words = name_tokens(group.name)
        if len(words) != 1 or group.type not in ("PERSON", "ORG") or is_first_name(words[0]) \
                or is_place_name(group.name) or not words[0][:1].isupper() or words[0].isupper():
            continue
        owners = [p for p in people.get(entity_key(words[0]), []) if p is not group]
        if len(owners) == 1:
            _merge_into(owners[0], group, as_type="PERSON")
            del groups[key]


def _titled_forms_apart(named: list[LocalEntity]) -> tuple[list[LocalEntity], list[LocalEntity]]:
    """The names of one surname that put an office's acronym before it ("PPC Tafoa"), and the others."""
    titled = [g for g in named if _office_acronym_before(g)]
    return titled, [g for g in named if g not in titled]


def _office_acronym_before(group: LocalEntity) -> bool:
    """A surname after an office written as an acronym ("PPC Tafoa", "DSP Rana"), no first name."""
    words = name_tokens(group.name)
    return len(words) == 2 and words[0].isupper() and 2 <= len(words[0]) <= 4 and not is_first_name(words[0])


def _take_titled_forms(group: LocalEntity, titled: list[LocalEntity], groups: dict[str, LocalEntity]) -> None:
    """The forms that put an office's acronym before a lone surname join it (and leave ``groups``)."""
    for other in titled:
        _merge_into(group, other, as_type="PERSON")
        for k in [k for k, g in groups.items() if g is other]:
            del groups[k]


def person_aliases(group: LocalEntity) -> set[str]:
    """A person's forms and each without its honorific ("Miss Chaworth": "Chaworth"), the
    name a reader looks the person up by."""
    forms = set(group.surfaces)
    for surface in group.surfaces:
        words = name_tokens(surface)
        if words and len(words) < len(surface.split()):
            forms.add(" ".join(words))
    return forms


# Readings that would make a name no person's.
NOT_PERSON_LABELS = ("ORG", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC", "EVENT")


def _company_as_first_word(short: LocalEntity, full: LocalEntity) -> bool:
    """A name never read as a person (or read as an organisation more often), that opens a
    longer name but is no given name, is not that name's first name: "Facebook" is not of
    "Facebook Workplace"."""
    word = name_tokens(short.name)[0]
    person = short.votes.get("PERSON", 0)
    if full.votes.get("PERSON", 0) > sum(full.votes.get(label, 0) for label in NOT_PERSON_LABELS) \
            and _surnames_read_as_names(full) and not any(short.votes.get(label, 0) for label in ("NORP", *PLACE_LABELS)):
        return False  # "Anies" after "Jakarta governor Anies Baswedan": a given name the lists do not know
        # (not "Dutch" of "Dutch King Willem-Alexander": a people)
    return (entity_key(name_tokens(full.name)[0]) == entity_key(word) and not is_first_name(word)
            and (person == 0 or short.votes.get("ORG", 0) > person))


def without_place_of(words: list[str]) -> list[str]:
    """A person's name words less the place the person is "of" ("Theodorus of Tabennese",
    "Patrick Gordon of Auchleuchries": "Tabennese" is no surname)."""
    lowered = [w.casefold() for w in words]
    return words[:lowered.index("of")] if "of" in lowered[1:-1] else words


def _before_of_place(parts: list[str]) -> list[str]:
    """``without_place_of``, and [] for a one-word name (no surname to tell)."""
    return without_place_of(parts) if len(parts) >= 2 else []


def resolve_short_forms(groups: dict[str, LocalEntity], text: str, title: str | None = None) -> None:
    """A lone surname or first name joins the one full person name it belongs to (a
    surname shared by several, the main figure's); a bracketed acronym after a name
    becomes that name's alias."""
    people = [g for g in groups.values() if (g.votes.get("PERSON", 0) > 0 or _reads_as_person_name(g))
              and len(name_tokens(g.name)) >= 2
              and not any(ch.isdigit() for ch in g.name)]  # "YouTube Rewind 2013" is no one's name
    by_part: dict[str, list[LocalEntity]] = defaultdict(list)
    for person in people:  # every full form counts: "Jenna Marbles", known as, is Jenna Nicole Mourey
        parts_of = [_before_of_place(name_tokens(s)) for s in person.surfaces]
        for part in {entity_key(w) for parts in parts_of if parts and not (REGNAL_NUMBER_RE.match(parts[-1]) and len(parts) <= 2)
                     for w in (parts[0], _surname_of(parts))}:  # "Louis II": a Louis of a dynasty, maybe not this one
            # (but "Aquilino Pimentel III" is a Pimentel)
            by_part[part].append(person)
    for key, group in list(groups.items()):
        parts = name_tokens(group.name)
        if len(parts) != 1 or _named_as_character(group, text):
            continue  # "appeared in Cry Wolf as Tom": a role
        if _written_as_place(group, text) and group.votes.get("PERSON", 0) == 0 and any(
                group.votes.get(label, 0) for label in PLACE_LABELS) and not _always_speaks(group, text):
            continue  # "Washington" read as a place; "Norton" read as an organisation is a surname, and so
            # is a small town's name that the text writes nowhere a place goes ("Carney said …" after "Dana Carney"),
            # or a known town's that only ever speaks ("Pimentel said" after "Aquilino Pimentel III")
        owners = [p for p in by_part.get(entity_key(parts[0]), []) if p is not group and not _relative_of(group, p, text)
                  and (p.votes.get("PERSON", 0) > 0 or group.votes.get("PERSON", 0) > 0  # one side read as a person
                       or _names_a_generation(p) or _reads_as_person_name(p))  # ("Nigel Farage’s" labelled a firm)
                  and not _company_as_first_word(group, p)]
        headline = _headline_person(title, parts[0]) if group.votes.get("PERSON", 0) > 0 else None
        if headline is not None and not any(
                entity_key(name_tokens(s)[0]) == entity_key(name_tokens(headline)[0])
                for o in owners for s in o.surfaces if len(name_tokens(s)) >= 2):
            group.surfaces[headline] += 0  # the headline's person, whom the text names only by surname
            continue
        if len(owners) == 1:
            _merge_into(owners[0], group, as_type="PERSON")
            del groups[key]
        elif len(owners) > 1:
            main = _main_figure(owners, parts[0], title)
            for mention in group.mentions:
                owner = main
                if owner is None:  # a shared first name: each mention goes to the one named last
                    preceding = [(max((m.start for m in o.mentions if m.start < mention.start), default=-1), o)
                                 for o in owners]
                    owner = max(preceding, key=lambda p: p[0])[1]
                owner.mentions.append(mention)
                owner.surfaces[mention.text] += 1
                owner.votes["PERSON"] += LABEL_WEIGHT
            del groups[key]
    for match in BRACKETED_ACRONYM_RE.finditer(text):
        if match.group(1)[1:].islower() and (match.group(1).casefold() in english_words() or is_first_name(match.group(1))):
            continue  # "(Home)", "(Joe)": a word or a name, no acronym written in title case ("(Fisp)", "(Unicef)")
        acronym_key = entity_key(match.group(1))
        before = [g for g in groups.values() for m in g.mentions if 0 <= match.start() - m.end <= 4
                  and TICKER_GAP_RE.fullmatch(text, m.end, match.start())  # "Acme (ACM)", "Acme’s (ACM) stock"
                  and _abbreviates(match.group(1), m.text)]  # not a dateline's "Genoa, Italy (AP)"
        if before and acronym_key in groups and groups[acronym_key] is not before[0]:
            _merge_into(before[0], groups.pop(acronym_key))
        elif before:
            before[0].surfaces[match.group(1)] += 0  # alias known, mentions found by propagation


# An acronym in brackets after a name, in capitals or, as some papers write them, in title
# case ("Farm Input Subsidy Programme (Fisp)").
BRACKETED_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9&.\-]{1,9}|[A-Z][a-z]{2,8})\)")
# What may stand between a name and its bracketed acronym or ticker: a space, a possessive.
TICKER_GAP_RE = re.compile(r"(?:['’]s)?\s{0,2}")


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's letters are the name's first letter and then some of its letters, in
    order ("MIT", "NFA" for "Northern Ferry Authority"), not another thing's ("AP" after "Norway")."""
    letters = [ch.casefold() for ch in acronym if ch.isalpha()]
    folded = name.casefold()
    if not letters or not folded or letters[0] != folded[0]:
        return False
    position = 0
    for letter in letters:
        position = folded.find(letter, position) + 1
        if not position:
            return False
    return True


def _surface_form(text: str) -> str:
    """A surface compared case-sensitively, spaces, hyphens and a leading "The" aside."""
    return SPACE_OR_HYPHEN_RE.sub("", LEADING_CAPITAL_THE_RE.sub("", text))


# Shortest surname propagation looks for alone.
MIN_SURNAME_CHARS = 3


def short_person_forms(groups: dict[str, LocalEntity], text: str) -> tuple[dict[str, LocalEntity], set[str]]:
    """The shorter forms a person's full name is repeated by, where the model may miss
    them: the surname alone ("Chaworth" after "Mary Chaworth") and, for a name with
    middle names, first name and surname ("Brock Holt" for "Brock Wyatt Holt"). Only a
    surname one person of the article has, that is no place the reader knows or the article
    names as one (a small town's name does not stop "Young" of "Ilona Young"). A surname the
    text also writes in lower case ("green slopes" beside "Josh Green") is returned in the
    second set too: it is the person's only where it speaks (``speaking_surname_at``)."""
    lower = {w.casefold() for w in LOWER_WORD_RE.findall(text)}
    owners: dict[str, dict[int, LocalEntity]] = defaultdict(dict)  # form -> id() -> group
    guarded: set[str] = set()
    for group in groups.values():
        if not leans_person(group):
            continue
        for surface in {s for s in group.surfaces if len(name_tokens(s)) >= 2 and not any(ch.isdigit() for ch in s)}:
            words = _before_of_place(name_tokens(surface))  # "Patrick Gordon of Auchleuchries": Gordon
            if not words:
                continue
            surname = words[-1]
            if REGNAL_NUMBER_RE.match(surname):
                continue  # "Louis XIV": no surname
            if (len(surname) >= MIN_SURNAME_CHARS and surname[:1].isupper()
                    and not is_prominent_place(surname) and not _place_in_text(surname, groups)):
                owners[surname][id(group)] = group
                if surname.casefold() in lower:
                    guarded.add(surname)
            if len(words) >= 3:
                owners[f"{words[0]} {surname}"][id(group)] = group
    return {form: next(iter(found.values())) for form, found in owners.items() if len(found) == 1}, guarded


# Verbs of saying right after a surname, or "said" right before it ("Green told reporters",
# "said Green"): the person speaking, though the text also writes the surname as a word ("green slopes").
SPEAKING_AFTER = frozenset({"said", "says", "told", "tells", "added", "adds", "noted", "warned", "explained",
                            "stated", "wrote", "argued", "insisted", "acknowledged", "confirmed", "announced"})
SPEAKING_BEFORE = frozenset({"said", "says", "added", "adds"})


def speaking_surname_at(texts: list[str], i: int) -> bool:
    """The token at ``i`` is a surname with a verb of saying right after it or "said" right before it."""
    after = texts[i + 1].casefold() if i + 1 < len(texts) else ""
    before = texts[i - 1].casefold() if i > 0 else ""
    return after in SPEAKING_AFTER or before in SPEAKING_BEFORE


def _place_in_text(name: str, groups: dict[str, LocalEntity]) -> bool:
    """The article names a place so (an entity of a place's type with that name)."""
    return any(g.name == name and g.type in PLACE_LABELS for g in groups.values())


# Longest name, in tokens, that propagation looks for.
MAX_NAME_TOKENS = 5


def join_hyphen_parts(groups: dict[str, LocalEntity], text: str) -> None:
    """A one-word name that is only ever part of a hyphened word ("Governor Sanwo-Olu urged",
    read as "Olu") is the one other name written with that whole word ("Babajide Sanwo-Olu")."""
    for key, group in list(groups.items()):
        if " " in group.name or not group.mentions:
            continue
        wholes = {text[slice(*hyphened_span(text, m.start, m.end))] for m in group.mentions}
        if len(wholes) != 1 or (whole := wholes.pop()) == group.name:
            continue
        owners = [g for g in groups.values() if g is not group and any(whole in s.split() for s in g.surfaces)]
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del owners[0].surfaces[group.name]
            del groups[key]


def join_unmarked_possessives(groups: dict[str, LocalEntity], doc: Doc) -> None:
    """In a text whose apostrophes were stripped ("erased $589 billion off Nvidias market
    capitalization", "Huangs net worth plunged"), a known name with an "s" glued on before a
    lower-case word is its possessive: a mention of that name, and a group the model made of
    it joins the name's. A one-word name, or a person's surname, of one group only; only where
    such forms outnumber the possessives written with an apostrophe (elsewhere "the Williams
    family" is no possessive of "William"; a headline from the page's metadata keeps its own)."""
    text = doc_text(doc)
    owners: dict[str, list[LocalEntity]] = defaultdict(list)
    for group in groups.values():
        for form in {s.split()[-1] for s in group.surfaces if " " not in s or leans_person(group)}:
            if len(form) >= 3 and form[:1].isupper() and form.isalpha() and not form.endswith("s"):
                owners[form].append(group)

    def owner_of(word: str) -> LocalEntity | None:
        found = owners.get(word[:-1], []) if word.endswith("s") else []
        return found[0] if len(found) == 1 else None

    starts = {t.idx: t for t in doc}

    def before_a_noun(end: int) -> bool:  # "Nvidias market value", "Huangs personal fortune" (not "the Obamas would")
        after = starts.get(end + 1)
        return text[end:end + 1] == " " and after is not None and after.text.islower() and after.pos_ in ("NOUN", "ADJ")

    unmarked = [t for t in doc if owner_of(t.text) is not None and before_a_noun(t.idx + len(t))]
    if len(unmarked) <= sum(t.text in ("'s", "’s") for t in doc):
        return
    for key, group in list(groups.items()):
        owner = owner_of(group.name) if " " not in group.name else None
        if owner is not None and owner is not group and all(before_a_noun(m.end) for m in group.mentions):
            _merge_into(owner, group)
            del owner.surfaces[group.name]  # a possessive is no name of its own
            del groups[key]
    free = outside([m for g in groups.values() for m in g.mentions])
    for token in unmarked:
        owner = owner_of(token.text)
        start, end = token.idx, token.idx + len(token)
        if owner is not None and free(start, end):
            owner.mentions.append(Mention(article_id="", start=start, end=end, text=token.text))


def propagate(groups: dict[str, LocalEntity], doc: Doc, among: list[LocalEntity] | None = None) -> None:
    """Every further occurrence of a known name becomes a mention of it, and so does a
    person's surname alone or first name and surname (``short_person_forms``).

    Matching is case-sensitive but blind to spaces and hyphens, so "ChatGPT" finds
    "Chat GPT"; the longest match wins, so "DeepSeek-V3" is not read as "DeepSeek".
    ``among`` limits the names looked for to those of some groups (all by default).
    """
    forms: dict[str, LocalEntity] = {}
    for group in groups.values():
        for surface in group.surfaces:
            if len(surface) >= 2 and any(ch.isupper() for ch in surface):
                forms[_surface_form(surface)] = group
    text = doc_text(doc)
    short, guarded = short_person_forms(groups, text)
    speaking_only: set[str] = set()
    for form, group in short.items():
        key = _surface_form(form)
        if key not in forms and form in guarded:
            speaking_only.add(key)
        forms.setdefault(key, group)
    if among is not None:
        wanted = {id(group) for group in among}
        forms = {form: group for form, group in forms.items() if id(group) in wanted}
    prefixes = {form[:2] for form in forms}
    initials = {form[:1] for form in forms}
    free = outside([m for g in groups.values() for m in g.mentions])
    texts, offsets = token_texts(doc), token_starts(doc)
    # Only tokens that begin like a known form can begin a match.
    candidates = [i for i, t in enumerate(texts) if t[:2] in prefixes or len(t) == 1 and t in initials]
    end_of_match = 0
    for i in candidates:
        if i < end_of_match:
            continue
        n_pieces = 0  # tokens from i that could be one name: no white space token, no line break between
        for k in range(i, min(i + MAX_NAME_TOKENS, len(texts))):
            if texts[k].isspace() or (k > i and "\n" in text[offsets[k - 1] + len(texts[k - 1]):offsets[k]]):
                break
            n_pieces += 1
        for n in range(n_pieces, 0, -1):
            last = i + n - 1
            key = _surface_form(" ".join(texts[i:last + 1]))
            group = forms.get(key)
            if group is None or doc[last].is_punct or key in speaking_only and not speaking_surname_at(texts, i):
                continue
            start, end = offsets[i], offsets[last] + len(texts[last])
            if free(start, end):
                surface = text[start:end]
                group.mentions.append(Mention(article_id="", start=start, end=end, text=surface))
                group.surfaces[surface] += 1
            end_of_match = i + n
            break

