"""Which entity of the corpus an article's name stands for when outlets name it differently:
"Facebook Inc." in one article is "Facebook" in another, "Zuckerberg" in a story that never
gives his first name is the corpus's "Mark Zuckerberg", an article's lone "UN" is the "United
Nations" another article spells out beside it. Entity ids come from each article's own names,
so without this one fact about one company lands in two blocks and is never compared, and
one person is two entities. A surname an outlet misspelt by one letter ("Zukerberg") is the
corpus's one person it can be.

``subject_aliases`` reads claims' subjects this way (for merging); ``entity_links`` adds the
acronyms other articles spell out, for the entity records themselves (``graph.entities``).
A short form is taken for a fuller one only when the corpus has exactly one it can stand
for: a surname of two people named alike stays as written. A share of a vote "in favour
of Brexit" is the Leave side's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from extractor.extract.entities import entity_id, entity_key
from extractor.extract.entity_aliases import (
    CLIPPED_CHARS, COUNTRY_CODE_TAILS, COUNTRY_PREFIX_RE, clipped, clips_name, party_key, party_short_forms, without_place_of,
)
from extractor.extract.entity_referents import CONFIDENCE_OWN_ARTICLE
from extractor.extract.gazetteer import country_name
from extractor.extract.lexicon import COMPANY_TAIL_WORDS, is_storm_name, well_known_place_names
from extractor.models import EntityRef

# Legal forms a company's name may carry or drop ("Facebook Inc.", "Apple Inc", "BP plc").
LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "llp",
    "lp", "ag", "sa", "spa", "nv", "bv", "se", "gmbh", "ab", "asa", "oyj",
})
PERSON = "PERSON"
COMPANY = "ORG"  # a company's words ("Holding", "Systems") are dropped only between organisations
ORGANISATIONS = frozenset({"ORG", "NORP", "FAC"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
# Outlets misspell surnames by one letter ("Zukerberg", "Zuckerburg"): a one-word name one edit
# (a letter added, dropped or changed, or two swapped) from exactly one corpus person's surname
# is that person. Shorter names are too often two real names one letter apart ("Kerr", "Kerry").
MISSPELT_FROM_LETTERS = 7
# A country's exit named as one word ("Brexit", "Grexit", "Frexit") is, as the side of a vote,
# the side that voted to leave, which campaigns and most outlets call Leave.
EXIT_SUFFIX = "exit"
LEAVE_SIDE = "Leave"
VOTE_SHARE = "vote share"


# Words an index's name may carry or drop ("the Nasdaq Composite Index" is the Nasdaq).
INDEX_SUFFIXES = frozenset({"index", "composite"})


def _name_words(name: str) -> list[str]:
    """An organisation's name as words, without commas and a leading "the"."""
    words = name.replace(",", " ").split()
    return words[1:] if words and words[0].lower() == "the" else words


def _without_legal_form(name: str) -> str | None:
    """The name without its trailing legal form ("Facebook Inc." -> "Facebook") or index
    words ("Nasdaq Composite Index" -> "Nasdaq"), else None."""
    words = _name_words(name)
    if len(words) >= 2 and entity_key(words[-1]) in LEGAL_SUFFIXES:
        return " ".join(words[:-1])
    cut = len(words)
    while cut > 1 and words[cut - 1].lower() in INDEX_SUFFIXES:
        cut -= 1
    return " ".join(words[:cut]) if cut < len(words) else None


def _company_short_forms(name: str) -> list[str]:
    """A company's shorter names, shortest first, dropping its legal form and then the words
    its short name leaves off ("ASML Holding NV" -> "ASML", "ASML Holding")."""
    words = _name_words(name)
    forms = []
    while len(words) >= 2 and (entity_key(words[-1]) in LEGAL_SUFFIXES or words[-1].casefold() in COMPANY_TAIL_WORDS):
        words = words[:-1]
        forms.append(" ".join(words))
    return forms[::-1]


# A middle initial, maybe in an editor's brackets ("H.", "W.]", "J").
INITIAL_RE = re.compile(r"^\[?[A-Z]\.?\]?$")


def _without_country(name: str) -> str | None:
    """An organisation's name without the country abbreviation before it ("U.S. Republican
    Party" -> "Republican Party"), when at least two words are left, or without the country
    code that ends it ("Reform UK" -> "Reform"); else None."""
    words = name.split()
    if len(words) >= 2 and words[-1].casefold() in COUNTRY_CODE_TAILS:
        return " ".join(words[:-1])
    match = COUNTRY_PREFIX_RE.match(name)
    if match is None or country_name(match.group(1).strip()) is None or len(name[match.end():].split()) < 2:
        return None
    return name[match.end():]


# The suffix a son's name carries and outlets often drop ("Roland Voss Jr."); "Sr." and
# "II" name another person than the plain name may.
GENERATION_SUFFIXES = frozenset({"jr", "jr."})


def _without_generation(words: list[str]) -> list[str]:
    """A person's name words without a generational suffix (and the comma before it), and
    without the place the person is "of" ("Theodorus of Tabennese": no surname Tabennese)."""
    words = without_place_of(words)
    if len(words) >= 3 and words[-1].casefold() in GENERATION_SUFFIXES:
        return [*words[:-2], words[-2].rstrip(",")]
    return words


def _surname_key(words: list[str]) -> str | None:
    """The key of a full name's surname (its last word once ``_without_generation``), or None
    for a name of one word."""
    return entity_key(words[-1]) if len(words) > 1 else None


def _plain_key(words: list[str]) -> str:
    return " ".join(entity_key(w) for w in words)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_letter_off(surnames: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each surname (and each form of it with one letter dropped) -> the surnames it comes
    from: two words one edit apart share a key, so a misspelling is found by lookup, not by
    comparing it with every surname of the corpus."""
    index: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        if len(surname) >= MISSPELT_FROM_LETTERS - 1:
            for key in (surname, *_deletions(surname)):
                index[key].add(surname)
    return index


def _misspelt(name: str, index: dict[str, set[str]], surnames: dict[str, set[str]]) -> set[str]:
    """The ids of the people whose surname ``name`` (a key with no exact match) is one edit from."""
    if len(name) < MISSPELT_FROM_LETTERS:
        return set()
    near = {s for key in (name, *_deletions(name)) for s in index.get(key, ())}
    return {ent for s in near if OSA.distance(name, s, score_cutoff=1) <= 1 and not _one_ends_the_other(name, s)
            for ent in surnames[s]}


def _one_ends_the_other(a: str, b: str) -> bool:
    """One name is the other with a letter added at its end ("Morgan", "Morgana"; "Paul",
    "Paula"): another name, not a misspelling (a typo falls inside a word: "Zukerberg")."""
    return len(a) != len(b) and (a.startswith(b) or b.startswith(a))


def subject_aliases(entities: Iterable[tuple[str, str, str | None]]) -> dict[str, EntityRef]:
    """Entity id -> the entity it names in short, from (id, name, type) of the corpus's entities.

    A company named with its legal form (an index with "Composite" or "Index", an
    organisation with its country's abbreviation before it) is the one named without it,
    when the corpus has that name, and so is one named with the words its short name leaves
    off ("ASML Holding NV" is the corpus's "ASML", "Taiwan Semiconductor" never its
    "Taiwan"); a party's short name or members' name is the one "X Party" it fits
    ("Labour", "the Tories": organisations, not a people's "Republican"); a name each of
    whose words cuts short the word of another organisation's name is that one ("Lib Dems"),
    as is a clipped name of the one name of two or three words whose first word it cuts
    ("Fed" of "Federal Reserve"); a person named by first and last name is the corpus's
    one person of those names with middle initials between them, or whose full name ends in
    those two names ("Tayyip Erdogan", "Recep Tayyip Erdogan"); a person named by one
    word is the one person of the corpus whose full name ends in that word, or, when none
    does, in a word one letter off it (MISSPELT_FROM_LETTERS).
    """
    by_id: dict[str, tuple[str, str | None]] = {}
    by_surname: dict[str, set[str]] = defaultdict(set)
    with_initials: dict[tuple[str, str], set[str]] = defaultdict(set)  # (first, last name) -> ids
    by_last_two: dict[tuple[str, str], set[str]] = defaultdict(set)  # the last two of three or more names -> ids
    by_plain_name: dict[str, set[str]] = defaultdict(set)  # a person's name without "Jr." -> ids
    fathers: set[str] = set()  # plain names the corpus also gives with "Sr.": two people
    for ent_id, name, kind in entities:
        by_id[ent_id] = (name, kind)
        if kind != PERSON:
            continue
        written = name.split()
        words = _without_generation(written)
        by_plain_name[_plain_key(words)].add(ent_id)
        if len(written) >= 3 and written[-1].casefold().rstrip(".") == "sr":
            fathers.add(_plain_key([w.rstrip(",") for w in written[:-1]]))
        if (surname := _surname_key(words)) is not None:
            by_surname[surname].add(ent_id)
        if len(words) > 2 and all(INITIAL_RE.match(w) for w in words[1:-1]):
            with_initials[(entity_key(words[0]), entity_key(words[-1]))].add(ent_id)
        if len(words) > 2:
            by_last_two[(entity_key(words[-2]), entity_key(words[-1]))].add(ent_id)
    parties: dict[str, set[str]] = defaultdict(set)  # a short form -> the "X Party" entities it fits
    by_stem: dict[str, list[str]] = defaultdict(list)  # an organisation's first letters -> its ids (clipped names)
    for ent_id, (name, kind) in by_id.items():
        for form in party_short_forms(name) if kind != PERSON else ():
            parties[form].add(ent_id)
        if kind in ORGANISATIONS:
            by_stem[name.removeprefix("The ")[:CLIPPED_CHARS]].append(ent_id)
    aliases: dict[str, EntityRef] = {}
    index: dict[str, set[str]] | None = None
    for ent_id, (name, kind) in by_id.items():
        if kind == COMPANY and len(party := parties.get(party_key(name), set()) - {ent_id}) == 1:
            (target,) = party  # "Labour", "the Greens", "Tories": the corpus's one such "X Party"
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
            continue
        bare = name.removeprefix("The ")
        cut = _outermost([i for i in by_stem.get(bare[:CLIPPED_CHARS], ()) if i != ent_id
                          and clips_name(bare, by_id[i][0].removeprefix("The "))],
                         by_id) if kind in ORGANISATIONS and (" " in bare or clipped(bare)) else []
        if len(cut) == 1:
            aliases[ent_id] = EntityRef(id=cut[0], name=by_id[cut[0]][0])  # "Lib Dems", "Fed": "Federal Reserve"
            continue
        short = _without_legal_form(name) or _without_country(name) if kind != PERSON else None
        if short and entity_id(short) in by_id:
            target = entity_id(short)
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
            continue
        company = [entity_id(f) for f in _company_short_forms(name)] if kind == COMPANY else []
        if (target := next((t for t in company if by_id.get(t, ("", None))[1] == COMPANY), None)) is not None:
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])  # "ASML Holding NV": "ASML"
            continue
        words = _without_generation(name.split()) if kind == PERSON else name.split()
        plain_key = _plain_key(words)
        if kind == PERSON and words != name.split() and len(words) >= 2 and plain_key not in fathers \
                and len(plain := by_plain_name.get(plain_key, set()) - {ent_id}) == 1:
            (target,) = plain  # "Roland Voss Jr." is the corpus's one "Roland Voss"
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
            continue
        if kind == PERSON and len(words) == 2 and len(full := with_initials.get(
                (entity_key(words[0]), entity_key(words[1])), set())) == 1:
            (target,) = full  # "Dana Whitlock" of the corpus's one "Dana J. Whitlock"
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
            continue
        if kind == PERSON and len(words) == 2 and len(full := by_last_two.get(
                (entity_key(words[0]), entity_key(words[1])), set())) == 1:
            (target,) = full  # "Tayyip Erdogan" of the corpus's one "Recep Tayyip Erdogan"
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
            continue
        if kind != PERSON or len(words) != 1:
            continue
        full = by_surname.get(key := entity_key(name))
        if full is None:
            index = _one_letter_off(by_surname) if index is None else index
            full = _misspelt(key, index, by_surname)
        if len(full) == 1:
            (target,) = full
            aliases[ent_id] = EntityRef(id=target, name=by_id[target][0])
    return aliases


def _outermost(ids: list[str], by_id: dict[str, tuple[str, str | None]]) -> list[str]:
    """Of names that each begin another's ("Federal Reserve", "Federal Reserve Board"), the
    one the others begin with; else all of them."""
    words = {i: by_id[i][0].removeprefix("The ").split() for i in ids}
    first = [i for i in ids if all(words[o][:len(words[i])] == words[i] for o in ids)]
    return first if len(first) == 1 else ids


PLACES = frozenset({"GPE", "LOC"})


def _alias_fits(name: str, kind: str | None, target_kind: str | None, target_name: str = "") -> bool:
    """An acronym may stand for the organisation or place whose alias it is ("UN"; "EU",
    which the model types as a place, for the "European Union"), and a full name for the one
    an article named by its acronym and spelled out ("the Federal Deposit Insurance
    Corporation (FDIC)" in one article, "the Federal Deposit Insurance Corporation" alone in
    another). Other short names are taken by the rules of ``subject_aliases`` only: one
    article's alias of a longer name may be its own slip ("Zentrix" read as part of "Zentrix
    Summit"), which must not take the name from every other article. A storm's given name
    is the storm's wherever an article says it alone ("Helene" of "Hurricane Helene"), however
    the model typed it: storms are named after people."""
    if " " not in name and is_storm_name(target_name):
        return True
    if kind == PERSON or target_kind not in ORGANISATIONS | PLACES:
        return False
    if _is_acronym(name):
        return True
    return len(name.split()) >= 2 and _is_acronym(target_name) and kind in ORGANISATIONS | PLACES


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name.replace(".", "")) >= 2


def places_named_as_companies(entities: Iterable[tuple[str, str, str | None, Iterable[str], bool]]) -> set[str]:
    """Ids of the entities typed as places that are a company's short name, from (id, name,
    type, aliases, whether some article read it as an organisation) of the corpus's entities:
    a name that the corpus also writes with a company's legal form or tail words ("Meta"
    beside "Meta Platforms Inc.") and that some article read as an organisation is the
    company, however many times the gazetteer finds a place of that name (a Colombian
    department). A place every reader knows ("Taiwan" of "Taiwan Semiconductor", "Alaska"
    of "Alaska Airlines") stays the place."""
    rows = list(entities)
    candidates = {i: name for i, name, kind, _, org_read in rows if kind in PLACES and org_read
                  and name.casefold() not in well_known_place_names() and country_name(name) is None}
    found: set[str] = set()
    for _, name, kind, aliases, _ in rows:
        if kind != COMPANY or not candidates:
            continue
        for full in (name, *aliases):
            short = _without_legal_form(full)
            forms = {short, *_company_short_forms(full)} - {None}
            found.update(t for t in map(entity_id, forms) if t in candidates)
    return found


def surnames_typed_as_companies(entities: Iterable[tuple[str, str, str | None, Iterable[str], bool, int]]) -> set[str]:
    """Ids of the one-word names typed as organisations that are the surname of the corpus's
    one person of that surname, from (id, name, type, aliases, whether some article read it as
    a person, how many articles name it): the model may type a surname an organisation on every
    line of one page ("Trump's tariffs", "Trump announced"), where other outlets write the
    person in full. Only when more articles name the person in full than name the
    organisation, and no name of it carries a company's legal form or tail words (the company
    "Dell" of "Dell Technologies" is not Michael Dell)."""
    rows = list(entities)
    by_surname: dict[str, list[int]] = defaultdict(list)  # (as ``subject_aliases`` reads surnames)
    for _, name, kind, _, _, articles in rows:
        if kind == PERSON and (surname := _surname_key(_without_generation(name.split()))) is not None:
            by_surname[surname].append(articles)
    found: set[str] = set()
    for ent_id, name, kind, aliases, person_read, articles in rows:
        if kind != COMPANY or len(name.split()) != 1 or not person_read:
            continue
        if any(_without_legal_form(n) or _company_short_forms(n) for n in (name, *aliases)):
            continue
        people = by_surname.get(entity_key(name), [])
        if len(people) == 1 and people[0] > articles:
            found.add(ent_id)
    return found


def entity_links(entities: Iterable[tuple[str, str, str | None, Iterable[str], float | None]]) -> dict[str, EntityRef]:
    """Entity id -> the entity of the corpus it is another article's short name of, from (id,
    name, type, aliases, link confidence) of the corpus's entities: the subject aliases (a
    legal form dropped, a lone or misspelt surname) and a name that is an alias of exactly one
    other entity it fits (``_alias_fits``: "UN" of "United Nations"). An entity kept to its
    own article is never linked nor linked to; chains are followed to their end."""
    rows = {i: (name, kind, tuple(aliases)) for i, name, kind, aliases, confidence in entities
            if confidence != CONFIDENCE_OWN_ARTICLE}
    links = {i: ref for i, ref in subject_aliases((i, name, kind) for i, (name, kind, _) in rows.items()).items()
             if ref.id in rows}
    by_alias: dict[str, set[str]] = defaultdict(set)
    for i, (name, _, aliases) in rows.items():
        for alias in aliases:
            if entity_key(alias) != entity_key(name):
                by_alias[entity_key(alias)].add(i)
    for i, (name, kind, _) in rows.items():
        if i in links:
            continue
        owners = {o for o in by_alias.get(entity_key(name), ())
                  if o != i and _alias_fits(name, kind, rows[o][1], rows[o][0])}
        if len(owners) == 1:
            (owner,) = owners
            links[i] = EntityRef(id=owner, name=rows[owner][0])
    resolved = {}
    for i, ref in links.items():
        seen = {i}
        while ref.id in links and ref.id not in seen:
            seen.add(ref.id)
            ref = links[ref.id]
        if ref.id != i:
            resolved[i] = ref
    return resolved


def with_subjects_aliased(subjects: list[EntityRef], aliases: dict[str, EntityRef],
                          names: dict[str, str] | None = None) -> list[EntityRef] | None:
    """The subjects with each short form read as its entity, or None when none changes.

    ``names`` (entity id -> name, the corpus's entities) lets a subject that is no entity,
    a phrase the claim's sentence names ("the Nasdaq Composite lost 3%" where the model
    tagged nothing), be the entity its name without legal form or index words is (the
    corpus's "Nasdaq"); what is found is kept in ``aliases``."""
    for subject in subjects if names else ():
        if subject.id not in aliases and subject.id not in names \
                and (short := _without_legal_form(subject.name)) is not None and (target := entity_id(short)) in names:
            aliases[subject.id] = EntityRef(id=target, name=names[target])
    if not aliases or not any(s.id in aliases for s in subjects):
        return None
    out: list[EntityRef] = []
    for subject in subjects:
        subject = aliases.get(subject.id, subject)
        if subject not in out:
            out.append(subject)
    return out


def exit_as_leave(subjects: list[EntityRef], metric: str | None) -> list[EntityRef] | None:
    """A vote share's subjects with a country's exit ("51.9% in favour of Brexit") read as the
    Leave side, or None when none is one."""
    def is_exit(ref: EntityRef) -> bool:
        word = ref.name.casefold()
        return " " not in word and word.endswith(EXIT_SUFFIX) and len(word) > len(EXIT_SUFFIX) + 1
    if metric != VOTE_SHARE or not any(is_exit(s) for s in subjects):
        return None
    leave = EntityRef(id=entity_id(LEAVE_SIDE), name=LEAVE_SIDE)
    out: list[EntityRef] = []
    for subject in (leave if is_exit(s) else s for s in subjects):
        if subject not in out:
            out.append(subject)
    return out
