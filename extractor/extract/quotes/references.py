"""Speaker mentions to entities: names through ``ArticleEntities``, pronouns to the
nearest compatible entity mentioned outside quotation marks (the subject of its
sentence first), descriptions ("the company", "the minister") to the nearest
organisation or person, and who can hold a stated position."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from extractor.extract.coreference import (
    ORG_NOUN_SUFFIXES,
    ORG_PRONOUNS,
    OWNER_NOUNS,
    ORG_TYPES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TYPES,
    SPEAKER_ORG_NOUNS,
    SPEAKER_WINDOW,
    description_types,
    is_org_noun,
    owned_keys,
    owned_words,
    place_owned,
    rivals_elsewhere,
)
from extractor.extract.entities import LocalEntity
from extractor.extract.entity_types import name_head
from extractor.extract.entity_names import COMPANY_FORMS, is_heading
from extractor.extract.lexicon import (
    COLLECTIVE_DEMONYM_RE, NAMED_KIND_NOUNS, PUBLIC_BODY_NOUNS, RANK_ABBREVIATIONS, SUBORDINATE_TITLE_WORDS,
    TITLE_WORDS as JOB_TITLES, is_place_name, named_as_kind, names_a_central_bank, names_a_public_body,
)
from extractor.extract.quotes.context import Attribution, Context, char_bounds
from extractor.extract.quotes.cues import is_speech_cue
from extractor.extract.quotes.labels import PLACE_TYPES
from extractor.extract.quotes.speakers import (
    DOCUMENT_NOUNS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    is_age_description,
    mention_bounds,
)
from extractor.models import EntityRef, Mention, Role

# Nouns for groups of people who hold positions ("critics", "voters", "lawmakers").
PEOPLE_NOUNS = frozenset({
    "people", "person", "voter", "investor", "critic", "supporter", "official", "expert",
    "analyst", "economist", "lawmaker", "legislator", "member", "resident", "protester",
    "activist", "advocate", "opponent", "leader", "source", "observer", "scientist",
    "researcher", "doctor", "physician", "lawyer", "worker", "parent", "student",
    "citizen", "american", "democrat", "republican", "conservative", "liberal", "delegate",
    "senator", "congressman", "candidate", "nominee", "administration", "agency", "campaign",
    "country", "nation", "state", "city", "government", "court", "judge", "panel", "police",
    "officer", "ally", "rival", "donor", "executive", "author", "writer", "editor",
    "reporter", "journalist", "host", "fan", "family", "union", "group", "coalition",
    "we", "they", "i", "you", "percent", "majority", "minority", "half", "third", "most",
    "other", "one", "some", "many", "several",
})
# Nouns for people who speak for an organisation ("its researchers", "a spokesman for X",
# "Jefferies analysts said in a note"): what they say, unnamed, is the organisation's.
SPOKES_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
    "representatives", "researchers", "engineers", "officials", "executives", "staff",
    "statement", "website", "blog", "account", "analyst", "analysts", "economist", "economists",
    "strategist", "strategists", "scientists",
})


# Nouns whose "of" phrase names what a sentence about them is about ("Shares of Acme rose").
OWNED_NOUNS = frozenset({"share", "stock"})


def last_entity_before(
    ctx: Context, pos: int, types: frozenset[str], gender: str | None = None,
    accept: Callable[[LocalEntity], bool] | None = None,
) -> LocalEntity | None:
    """The entity of ``types`` a pronoun or description at ``pos`` refers to: the nearest
    sentence that mentions one outside quotation marks gives it; within that sentence the
    subject wins, then the mention highest in the parse, then the last one. A person named
    only before the paragraph before is the last one named ("… rescued her father, Soner
    Guner. … he whispered"); an organisation is still its sentence's subject ("DeepSeek's
    assistant topped Apple's App Store. … The company said"). ``accept`` passes over
    entities the description cannot be ("the agency" is no carmaker)."""
    horizon = ctx.paragraphs[max(ctx.paragraph_of(pos) - 1, 0)][0] if ctx.paragraphs else 0
    best: tuple[tuple[int, int, int], LocalEntity] | None = None
    sentence_start = None
    for mention, entity in reversed(ctx.entities.mentions_in(max(0, pos - SPEAKER_WINDOW), pos)):
        if entity.type not in types or ctx.quoted(mention.start) or (accept is not None and not accept(entity)):
            continue
        known = ctx.genders.get(entity.id)
        if gender and known and known != gender:
            continue
        token = ctx.doc[ctx.token_at(max(mention.end - 1, mention.start))]
        if token.dep_ == "pobj" and token.head.lower_ == "of" and (span := ctx.doc.char_span(
                mention.start, mention.end, alignment_mode="expand")) is not None and span.root.i != token.i:
            token = span.root  # "Bank of America sees …": the name's head, not the last word its "of" governs
        if types == PERSON_TYPES and token.dep_ == "compound" and token.head.pos_ == "NOUN":
            continue  # "the Brexit result": a name modifying a noun is not the person "he" picks up
            # (a company is: "Boeing shares fell …, the planemaker said")
        if types == PERSON_TYPES and token.dep_ == "poss" and not is_subject(token.head) and gender:
            continue  # "a response to X's questions. He responded": an owner in passing is not whom "he" picks up
        start = ctx.sentence_of(token.i)
        if sentence_start is not None and start != sentence_start:
            break  # a nearer sentence already offered a candidate
        if mention.start < horizon and best is None and types == PERSON_TYPES:
            return entity  # nothing nearer: the last person named before the paragraph
        sentence_start = start
        rank = (is_subject(token), -_depth(token), mention.start)
        if best is None or rank > best[0]:
            best = (rank, entity)
    if best is not None and not best[0][0] and gender and types == PERSON_TYPES and sentence_start is not None:
        # "“…,” he said to Johnson. He added that …": the sentence's subject is a pronoun of the
        # same gender, and "he" goes on with it, not with the one named as its object
        for token in ctx.doc[sentence_start].sent:
            if token.idx < pos and PERSON_PRONOUNS.get(token.lower_) == gender and token.dep_ in SUBJECT_DEPS \
                    and not ctx.quoted(token.idx):
                return last_entity_before(ctx, token.idx, types, gender, accept) or best[1]
    return best[1] if best else None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def is_subject(token: Token) -> bool:
    """The word heads (or is named within) a clause's subject or a passive's agent."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ in SUBJECT_DEPS or token.dep_ in PASSIVE_SUBJECT_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in OWNED_NOUNS:
        return is_subject(token.head.head)  # "Shares of Brightline rose …": the company is what the sentence is about
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True  # "According to Inspector Dev Rana, the suspects included Ali Khan. He said …": the source
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _titled_person(ctx: Context, head: Token) -> LocalEntity | None:
    """"OpenAI CEO and ChatGPT creator Sam Altman": a title the parser made the head
    stands for the person it is joined to, not for the organisation beside it."""
    if head.lower_ not in JOB_TITLES:
        return None
    for other in [*head.conjuncts, *(c for c in head.children if c.dep_ == "appos")]:
        entity = ctx.entities.at(other.idx, other.idx + len(other.text))
        if entity is not None and entity.type == "PERSON":
            return entity
    return None


def _named_entity(ctx: Context, head: Token, bounds: tuple[int, int]) -> LocalEntity | None:
    """The entity a named mention stands for: its head word first, then the whole phrase."""
    titled = _titled_person(ctx, head)
    if titled is not None:
        return titled
    entity = ctx.entities.at(head.idx, head.idx + len(head.text))
    if entity is None and head.pos_ == "PROPN":
        entity = ctx.entities.at(*bounds)
    if entity is None:
        entity = ctx.entities.by_name(ctx.text[bounds[0] : bounds[1]])
    return entity


def _subject_above(pronoun: Token, steps: int) -> tuple[Token, Token] | None:
    """The first verb above the pronoun's own clause with a subject written before the
    pronoun, and that subject (within ``steps`` heads)."""
    node = pronoun.head
    for _ in range(steps):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)
            if subj is not None:
                return node, subj
    return None


def _enclosing_subject(ctx: Context, pronoun: Token, types: frozenset[str], gender: str | None = None) -> LocalEntity | None:
    """The named subject of the clause a pronoun's own clause sits in, when that clause is
    not the sentence's main one ("Shares dropped after Acme rolled out a model that it says
    is cheaper": Acme, not the shares' index); None when the climb reaches the main clause."""
    found = _subject_above(pronoun, 10)
    if found is None:
        return None
    verb, subj = found
    if verb.head.i == verb.i or subj.pos_ == "PRON":
        return None
    entity = ctx.entities.at(subj.idx, subj.idx + len(subj.text))
    known = ctx.genders.get(entity.id) if entity is not None else None
    if entity is None or entity.type not in types or ctx.quoted(subj.idx) or (gender and known and known != gender):
        return None
    return entity


def _described_subject_above(ctx: Context, pronoun: Token) -> EntityRef | None:
    """The person a definite description names when it is the subject of the clause above a
    person pronoun's ("The minister clarified that he believes …"): the one it refers to."""
    found = _subject_above(pronoun, 10)
    if found is None:
        return None
    _, subj = found
    if subj.pos_ != "NOUN" or ctx.quoted(subj.idx) or description_types(subj) != PERSON_TYPES:
        return None
    return resolve_description(ctx, subj, char_bounds(ctx.doc, *mention_bounds(subj)))


# Adjectives of "it is … to say / that …", whose "it" is no one ("It's worth pointing out that …").
DUMMY_IT_ADJECTIVES = frozenset({"worth", "important", "clear", "true", "likely", "possible", "notable", "unclear",
                                 "fair", "safe", "interesting", "noteworthy", "obvious", "evident", "apparent"})


def _dummy_it(pronoun: Token) -> bool:
    """"It's also worth pointing out that …", "it is clear that …": the writer's voice, no speaker."""
    verb = pronoun.head
    return pronoun.lower_ == "it" and pronoun.dep_ in SUBJECT_DEPS and verb.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in DUMMY_IT_ADJECTIVES for c in verb.children)


def _unnamed_group(pronoun: Token) -> bool:
    """"Investors sold stocks as they worried that …": a "they" in a clause that hangs on one
    whose subject is a plural common noun stands for that unnamed group, not for a name."""
    if pronoun.lower_ not in ("they", "their", "them"):
        return False
    found = _subject_above(pronoun, 6)
    return found is not None and found[1].tag_ == "NNS" and not found[1].ent_type_


def _plural_subject_before(pronoun: Token) -> Token | None:
    """The plural common noun that is the main subject of the sentence before, in the same
    paragraph, when a "they" opens the next one as its subject ("Citi analysts expressed doubt
    that DeepSeek had … They maintained their rating"): the group goes on speaking, not an
    organisation named inside what it said."""
    sent = pronoun.sent
    if pronoun.lower_ != "they" or pronoun.dep_ not in SUBJECT_DEPS or sent.start == 0 \
            or any(t.is_alpha for t in pronoun.doc[sent.start:pronoun.i]):
        return None
    before = pronoun.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.tag_ != "NNS":
        return None
    if any("\n" in t.whitespace_ or "\n" in t.text for t in before[-1:]) and not is_speech_cue(before.root):
        return None  # another paragraph's, unless the group spoke there ("planning officers told the
        # committee …" ¶ "They also highlighted …")
    return subject


def _named_beside_a_group(ctx: Context, entity: LocalEntity, pos: int) -> bool:
    """The entity's last mention before ``pos`` is no subject, in a sentence whose subject is
    a plural common noun: an unnamed group a "they" goes on with."""
    mention = max((m for m in entity.mentions if m.start < pos), key=lambda m: m.start, default=None)
    if mention is None:
        return False
    token = ctx.doc[ctx.token_at(max(mention.end - 1, mention.start))]
    if is_subject(token):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ == "NNS" and not c.ent_type_ and not _members_of(c, token)
               for c in token.sent.root.children)


def _members_of(group: Token, token: Token) -> bool:
    """The group is the named body's own people ("the compilers of the OED", "members of the
    union"), who speak for it."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == group.i


def resolve_speaker(ctx: Context, head: Token, bounds: tuple[int, int]) -> EntityRef | None:
    """The entity a speaker mention refers to, or None when the text does not say."""
    word = head.lower_
    if word in PERSON_PRONOUNS:
        gender = PERSON_PRONOUNS[word]
        entity = _enclosing_subject(ctx, head, PERSON_TYPES, gender)
        if entity is None and (described := _described_subject_above(ctx, head)) is not None:
            return described  # "The minister clarified that he believes …": the minister
        if entity is None and (spoken_for := _spokesperson_before(ctx, head)) is not None:
            return spoken_for  # 'A company spokesperson spoke with CNBC. "…," he said': the company's words
        if entity is None:
            entity = _same_speaker(ctx, head.idx, gender) or last_entity_before(ctx, head.idx, PERSON_TYPES, gender)
            if entity is not None and _unnamed_speaker_since(ctx, entity, head.idx):
                return None  # '"…," said one of the rescuers. … he added': that unnamed one
        if entity is not None:
            ctx.genders.setdefault(entity.id, gender)
            ctx.pronoun_speakers[head.idx] = entity
        return entity.ref() if entity else None
    if word in ORG_PRONOUNS:
        if _dummy_it(head) or _unnamed_group(head):
            return None
        if (group := _plural_subject_before(head)) is not None:  # "Citi analysts doubted that X had … They kept …"
            return resolve_speaker(ctx, group, char_bounds(ctx.doc, *mention_bounds(group)))
        entity = _enclosing_subject(ctx, head, ORG_TYPES)
        if entity is None:
            entity = last_entity_before(ctx, head.idx, ORG_TYPES)
            if entity is not None and word == "they" and _named_beside_a_group(ctx, entity, head.idx):
                return None  # "Farmers of a village under Gesarling Gewog … It is hard, they say": the farmers
        return entity.ref() if entity else None
    if word in RELATIVE_PRONOUNS and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
        antecedent = head.head.head
        if word in ("who", "whom"):
            antecedent = _person_of_who(antecedent)
        return resolve_speaker(ctx, antecedent, char_bounds(ctx.doc, *mention_bounds(antecedent)))
    if head.pos_ == "PRON":
        named = ctx.entities.at(head.idx, head.idx + len(head.text)) if head.text[:1].isupper() else None
        return named.ref() if named is not None else None  # ("CyberCX said", the name tagged a pronoun)
    if _one_of_a_nation(head) or is_age_description(head):  # "said the elated German", "the 24-year-old said":
        entity = last_entity_before(ctx, bounds[0], PERSON_TYPES)  # the person named before
        return entity.ref() if entity else None
    if (head.pos_ == "PROPN" and not head.text[:1].islower()) or head.ent_type_:
        entity = _named_entity(ctx, head, bounds)
        if entity is None and (head.lower_ in JOB_TITLES or head.text in OFFICE_ABBREVIATIONS
                               or description_types(head) == ORG_TYPES) \
                and any(c.dep_ == "det" for c in head.children):
            return resolve_description(ctx, head, bounds)  # "said the CEO of OpenAI", "the Company announced":
            # a title or a description, tagged a name
        if entity is not None and entity.type not in PERSON_TYPES and head.lower_ in JOB_TITLES \
                and (holder := _office_holder(ctx, head, bounds[0])) is not None:
            return holder.ref()  # "Boeing CEO says": the one the text makes Boeing's CEO, not Boeing
        if entity is not None and entity.type in PLACE_TYPES and head.lower_ in JOB_TITLES:
            return None  # "Maryland Governor has commented": a governor the text does not name, not the state
        if entity is not None and head.text in OFFICE_ABBREVIATIONS and ctx.entities.at(head.idx, head.idx + len(head)) is None:
            # "the Halifax MP said": a member, not the city (or seat); the one the text seats there, else the
            # person the text goes on about
            if head.text not in MEMBER_OFFICES:
                return resolve_description(ctx, head, bounds)  # "the UK PM": the one prime minister the text names
            member = _member_for(ctx, entity, head.text, bounds[0]) or last_entity_before(ctx, bounds[0], PERSON_TYPES)
            return member.ref() if member else None
        if entity is not None and entity.type in PLACE_TYPES and (person := _surnamed(ctx, head, bounds)):
            return person.ref()  # "“…,” Holland said" after "Neal Holland said": him, not the Netherlands
        return entity.ref() if entity else None
    if (head.text[:1].isupper() or head.pos_ in ("X", "NUM")) \
            and (entity := ctx.entities.at(head.idx, head.idx + len(head.text))) is not None:
        return entity.ref()  # a name the tagger read as a common noun ("Starmer, 61, told …") or as
        # no word at all (a website: "according to poweroutage.us")
    if (named := _person_ending_phrase(ctx, bounds)) is not None:
        return named.ref()  # "Member for Hervey Bay Adrian Tantari said": the person the title phrase ends in
    return resolve_description(ctx, head, bounds)  # "the prime minister", even if tagged a proper noun


def _person_ending_phrase(ctx: Context, bounds: tuple[int, int]) -> LocalEntity | None:
    """The one person named inside a speaker's phrase, at its end ("Member for Hervey Bay Adrian
    Tantari", a title the parser made the head), else None."""
    people = [(m, e) for m, e in ctx.entities.mentions_in(*bounds) if e.type in PERSON_TYPES]
    if len(people) != 1 or people[0][0].end != bounds[1]:
        return None
    first = ctx.token_at(people[0][0].start)
    phrase_start = ctx.token_at(bounds[0])
    adps = [t for t in ctx.doc[phrase_start:first] if t.pos_ == "ADP"]
    between = ctx.doc[adps[-1].i + 1:first] if adps else None
    if between is not None and (not len(between) or any(t.lower_ in JOB_TITLES for t in between)):
        return None  # "a spokesman for (Prime Minister) Joe Biden": whom the speaker speaks for (but "Member for
        # Hervey Bay Adrian Tantari", "the spokesman for the Red Crescent, Tawfiq Shukri" speak themselves)
    return people[0][1]


def _member_for(ctx: Context, seat: LocalEntity, office: str, before: int) -> LocalEntity | None:
    """The person the text names before ``before`` with the seat beside them: "Tom Kajo
    (Ruaraka)" or "Ruaraka MP Tom Kajo", for "the Ruaraka MP"."""
    names = "|".join(re.escape(form) for form in {seat.name, *seat.surfaces})
    after, prefix = re.compile(rf"\s*\(\s*(?:{names})\s*\)"), re.compile(rf"(?:{names})\s+{re.escape(office)}\s+\Z")
    found = None
    for mention, entity in ctx.entities.mentions_in(0, before):
        if entity.type in PERSON_TYPES and (after.match(ctx.text, mention.end)
                                            or prefix.search(ctx.text, max(0, mention.start - 40), mention.start)):
            found = entity
    return found


def _surnamed(ctx: Context, head: Token, bounds: tuple[int, int]) -> LocalEntity | None:
    """The one person named before whose surname a lone speaker's name the model read as a
    place is ("Neal Holland said …; “…,” Holland said")."""
    name = ctx.text[bounds[0]:bounds[1]]
    if " " in name:
        return None
    people = [e for e in ctx.entities.entities if e.type in PERSON_TYPES and len(e.name.split()) >= 2
              and e.name.split()[-1] == name and any(m.start < bounds[0] for m in e.mentions)]
    return people[0] if len(people) == 1 else None


def _same_speaker(ctx: Context, pos: int, gender: str | None) -> LocalEntity | None:
    """The person the last pronoun speaker was, when no one is named since outside quotation
    marks as a clause's subject ('"…," he said. "But after Donald Trump's statements …," he
    said': the same man, not the president his words name; "He accused the prosecution
    brought by Alvin Bragg. He called Bragg 'Soros-backed'": still he, not the prosecutor
    named in passing)."""
    before = [at for at in ctx.pronoun_speakers if at < pos]
    if not before:
        return None
    at = max(before)
    entity = ctx.pronoun_speakers[at]
    known = ctx.genders.get(entity.id)
    if gender and known and known != gender:
        return None
    named = any(e.type in PERSON_TYPES and e is not entity and not ctx.quoted(m.start) and _a_subject(ctx, m)
                for m, e in ctx.entities.mentions_in(at, pos))  # (naming him again keeps him)
    return None if named else entity


def _a_subject(ctx: Context, mention: Mention) -> bool:
    """The mention is the subject of a clause (or the parse cannot tell): who a story goes on
    about, where an object or a name in a phrase is only mentioned."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True  # "according to Satya Nadella, …," he wrote: a source, as a subject is
    return root.dep_ in SUBJECT_DEPS or root.dep_ == "ROOT"


def _person_of_who(antecedent: Token) -> Token:
    """Who "who" is when the parser hangs it on the organisation a person works at ("said
    Søren Madsen, an analyst at Danske Bank, who expects …"): the person, up through the
    preposition and the apposition."""
    node = antecedent
    for _ in range(3):
        if node.ent_type_ in ("", "PERSON") or node.dep_ != "pobj" or node.head.dep_ != "prep" \
                or node.head.lower_ not in ("at", "from", "for", "with"):
            break  # (not "part of the Never Trumpers, who …": the group's members)
        node = node.head.head
        if node.dep_ == "appos" and node.head.pos_ in ("PROPN", "NOUN"):
            node = node.head
    return node if node.ent_type_ == "PERSON" or node.pos_ in ("NOUN", "PROPN") else antecedent


# Someone who speaks without a name: "said one", "said a local man", "one resident told".
UNNAMED_SPEAKER_RE = re.compile(
    r"\b(?:said|says|told|added|recalled|explained|shouted)\s+(?:one|another)\b(?!\s+(?:of\s+)?[A-Z])"
    r"(?=\s*(?:[,.;:!?”\"’)]|of\b|$))"  # (not "said one person died": the reported clause's subject)
    r"|\b(?:said|says|told|added|recalled)\s+(?:an?|one|another)\s+(?:[a-z-]+\s+){0,2}(?P<after>[a-z-]+)\b"
    r"(?=\s*(?:[,.;:!?”\"’)(]|who\b|from\b|in\b|at\b|of\b|on\b|near\b|outside\b|$))"
    r"|\b(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+(?:[a-z-]+\s+){0,2}(?P<before>[a-z-]+)\s+(?:said|says|told|recalled)\b")
UNNAMED_PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "resident", "witness", "survivor", "villager", "neighbour", "neighbor", "local",
    "relative", "onlooker", "bystander", "rescuer", "volunteer", "worker", "student", "mother", "father", "passenger",
    "driver", "shopkeeper", "farmer", "teacher", "nurse", "doctor", "soldier", "official", "source", "fan",
})


# How many tokens before a pronoun the spokesperson it may stand for is looked for.
SPOKESPERSON_REACH = 120


def _spokesperson_before(ctx: Context, pronoun: Token) -> EntityRef | None:
    """The organisation an unnamed spokesperson speaks for, when that spokesperson is the last
    subject before a person pronoun in its paragraph (outside quotation marks) and no person is
    named between: the pronoun is the spokesperson."""
    paragraph = ctx.paragraph_of(pronoun.idx)
    p_start = ctx.paragraphs[paragraph][0]
    # a pronoun that opens its paragraph ("She said: “…”") goes on from the paragraph before
    across = paragraph > 0 and pronoun.sent.start_char <= p_start \
        and not any(t.is_alpha for t in ctx.doc[pronoun.sent.start:pronoun.i])
    paragraphs = {paragraph, paragraph - 1} if across else {paragraph}
    gender = PERSON_PRONOUNS[pronoun.lower_]
    for token in reversed(ctx.doc[max(0, pronoun.i - SPOKESPERSON_REACH):pronoun.i]):
        if ctx.paragraph_of(token.idx) not in paragraphs:
            return None
        if ctx.quoted(token.idx):
            continue
        entity = ctx.entities.at(token.idx, token.idx + len(token.text))
        if entity is not None and entity.type in PERSON_TYPES and (not across or _subject_word(token)):
            return None  # (across paragraphs a name the spokeswoman spoke of is not who goes on: "about Ms Roberts")
        if token.dep_ in SUBJECT_DEPS and token.tag_ == "NN" and token.lemma_.lower() in SPOKES_NOUNS:
            if SPOKES_GENDERS.get(token.lower_, gender) != gender:
                return None
            return resolve_description(ctx, token, char_bounds(ctx.doc, token.i, token.i + 1))
    return None


# The gender a spokes-noun gives ("she" goes on from a spokeswoman, not a spokesman).
SPOKES_GENDERS = {"spokesman": "m", "spokeswoman": "f"}


def _subject_word(token: Token) -> bool:
    """The token is a subject, or part of a name that is one."""
    return token.dep_ in SUBJECT_DEPS or token.dep_ in ("compound", "flat") and token.head.dep_ in SUBJECT_DEPS


def _unnamed_speaker_since(ctx: Context, entity: LocalEntity, pos: int) -> bool:
    """Someone unnamed spoke between the entity's last mention and a pronoun at ``pos``
    ('"There is chaos," said one … "Buildings stand untouched," he added'): the pronoun is
    theirs, not the name's."""
    last = max((m.end for m in entity.mentions if m.end <= pos), default=0)
    for m in UNNAMED_SPEAKER_RE.finditer(ctx.text, last, pos):
        noun = m.group("after") or m.group("before")
        if noun is None or noun in UNNAMED_PERSON_NOUNS or noun.rstrip("s") in UNNAMED_PERSON_NOUNS:
            return True
    return False


def _one_of_a_nation(head: Token) -> bool:
    """"the German", "the 36-year-old Spaniard": one person by nationality (a demonym with
    "the", in the singular), who is someone the text has named."""
    return head.ent_type_ == "NORP" and head.text[:1].isupper() and not COLLECTIVE_DEMONYM_RE.search(head.text) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def resolve_description(ctx: Context, head: Token, bounds: tuple[int, int]) -> EntityRef | None:
    """"the company" → the last organisation; "the minister" → the last person;
    "its researchers" / "a spokesman for X" → the organisation they speak for."""
    word = head.lower_
    if head.lemma_.lower() in AGENT_FIRM_NOUNS and any(c.dep_ == "prep" for c in head.children):
        return None  # "the broker for the bridge's insurance policy": a firm the text has not named
    if word in SPOKES_NOUNS or head.lemma_.lower() in SPOKES_NOUNS:
        owner = _spokes_owner(ctx, head) or _sentence_organisation(ctx, head)
        if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            # "the spokesperson added": the one an earlier sentence named ("an Acme spokesperson")
            for match in reversed(list(re.finditer(rf"\b{re.escape(head.text)}\b", ctx.text[:bounds[0]]))):
                earlier = ctx.doc[ctx.token_at(match.start())]
                if earlier.i != head.i and (named := _person_named_after(ctx, earlier)) is not None:
                    return named  # "Wedbush analyst Dan Ives …; the analyst suggests": Ives
                if earlier.i != head.i and (owner := _spokes_owner(ctx, earlier)) is not None:
                    break
        return owner
    if (word in DOCUMENT_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS) and (owner := _spokes_owner(ctx, head)):
        return owner  # "according to LSEG data", "a Harwick report": its maker's words
    if (named := owned_words(head)) is not None and not any(c.dep_ == "appos" for c in head.children):
        # "the Facebook parent", "the parent company of Instagram" (not "its parent, Acme Financial")
        owned = owned_keys(named, ctx.entities)
        ranked = _most_named_before(ctx, bounds[0], ORG_TYPES,
                                    accept=lambda e: e.id not in owned and e.name.casefold() not in owned)
        return ranked[0][1].ref() if ranked else None  # the story's company, not the last name (an analyst's firm)
    types = PERSON_TYPES if head.text in OFFICE_ABBREVIATIONS else description_types(head)
    if types == PERSON_TYPES and head.tag_ == "NNS" and head.lower_ != head.lemma_.lower():
        return None  # "the Thai women replied": a group the text does not name, not the last person named
    phrase_end = max(bounds[1], head.right_edge.idx + len(head.right_edge.text))  # (its "of …" too)
    if types == PERSON_TYPES and (named := _named_after_comma(ctx, phrase_end) or _apposed_person(ctx, head)) is not None:
        return named.ref()  # "according to the president of the regional government, Juanma Moreno"
    if types in (PERSON_TYPES, None) and (named := _named_right_after(ctx, head)) is not None:
        return named.ref()  # "says junta chief Min Aung Hlaing": the title the parser took for the head
    if types == PERSON_TYPES and any(UNNAMED_AFTER_RE.match(ctx.text, at)
                                     for at in (head.idx + len(head.text), phrase_end)):
        return None  # "said the minister, who asked not to be named": no one the text names
    if types == PERSON_TYPES and (holder := _office_holder(ctx, head, bounds[0])) is not None:
        return holder.ref()  # "the outgoing prime minister said": the one the text made prime minister
    if types == PERSON_TYPES and _introduced_unnamed(ctx.text, head, bounds[0]):
        return None  # "a US official familiar with the matter" … "the US official told CNN": no one named
    if types == PERSON_TYPES and (employer := _employer_named(ctx, head)) is not None \
            and (holder := last_entity_before(ctx, bounds[0], types, accept=lambda e: any(
                r.org is not None and r.org.id == employer.id for r in e.roles))) is not None:
        return holder.ref()  # "said the CEO of OpenAI": the one the text made OpenAI's CEO, not the last person
    if types in (PERSON_TYPES, None) and head.tag_ != "NNS" and (employer := _employer_named(ctx, head)) is not None \
            and len(later := _holders_named_later(ctx, employer, head, bounds[1])) == 1:
        return later[0].ref()  # a summary above the story: "Acme's CEO stressed …" before "Acme CEO Ana Ruiz said"
    if types == ORG_TYPES and (named := _named_inside(ctx, head)) is not None:
        return named or None  # "the Aemet weather agency"; "the Obama administration" names no organisation
    if types in (ORG_TYPES, None) and head.lower_ in STATE_BODY_NOUNS \
            and (land := _organisation_of(ctx, head, ("GPE",)) or _country_owning(ctx, head)):
        return land  # "according to the authorities of Saudi Arabia", "Jordan's foreign ministry said": the country's words
    if types == ORG_TYPES and head.lemma_.lower() in GOVERNING_NOUNS and (owner := _organisation_of(ctx, head)):
        return owner  # "the board of ChatGPT-maker OpenAI said": OpenAI's words
    if types == ORG_TYPES and head.tag_ == "NNS" and head.lower_ != head.lemma_.lower() \
            and head.lemma_.lower() not in STATE_BODY_NOUNS | GOVERNMENT_NOUNS | PUBLIC_BODY_NOUNS:
        return None  # "the companies said": several the text named, not the last one
    accept = None
    if types == ORG_TYPES and head.lemma_.lower() in PUBLIC_BODY_NOUNS:
        accept = _not_a_company(ctx.text)
    elif types == ORG_TYPES and is_org_noun(head, OWNER_NOUNS):
        # "the company said" after "the Food and Drug Administration approved …", or after "Rival Lowe's fell"
        accept = _a_company(rivals_elsewhere(ctx.rivals, ctx.entities, head), ctx, bounds[0], head.lemma_.lower())
    if types == ORG_TYPES:  # nor the one its own sentence goes on to name: "The government has blamed Autostrade"
        accept = _not_named_after(ctx, bounds[1], head.sent.end_char, accept)
    place = place_owned(head) if types == ORG_TYPES else None
    if types == ORG_TYPES and head.lemma_.lower() in GOVERNMENT_NOUNS:
        # "the government denies this": a body so named ("the Interim Government"), never whichever
        # organisation came last (a company it regulates, the agency reporting it); "the US
        # administration said": that country's
        if any(c.dep_ == "compound" and c.ent_type_ == "GPE" for c in head.children):
            return None
        entity = last_entity_before(ctx, bounds[0], types, accept=lambda e: bool(
            GOVERNMENT_NOUNS & {w.casefold() for w in e.name.split()}))
        return entity.ref() if entity else None
    local = _of_no_other_place(place.text) if place is not None and place.ent_type_ else (lambda e: True)
    if types == ORG_TYPES and head.lemma_.lower() == "bank" and any(c.lower_ == "central" for c in head.children):
        # "the Federal Reserve said …, the central bank said": a central bank, never a lender named before
        entity = last_entity_before(ctx, bounds[0], types, accept=lambda e: local(e) and any(
            names_a_central_bank(n) for n in (e.name, *e.aliases)))
        return entity.ref() if entity else None
    entity = None
    if types == ORG_TYPES and head.lemma_.lower() in NAMED_KIND_NOUNS:  # "the institute": the one so named
        noun = head.lemma_.lower()
        entity = last_entity_before(ctx, bounds[0], types, accept=lambda e: named_as_kind(e.name, noun)
                                    and local(e))  # ("the airline": "Skyvar Airlines")
        if entity is None and (portfolio := _portfolio_words(head)):
            # "the interior ministry said" after "the Guàrdia Urbana counted …": a body of that
            # portfolio ("Ministry of the Interior", "the Civil Aviation Authority" for "the
            # aviation regulator"), else one the text does not name
            entity = last_entity_before(ctx, bounds[0], types, accept=lambda e: bool(
                portfolio & {w.casefold() for w in re.findall(r"\w+", e.name)}) and local(e))
            return entity.ref() if entity else None
    if entity is None and place is not None:
        return None  # "Iran's government": a body of that place, not whichever organisation came last
    if entity is None and types == ORG_TYPES and (portfolio := _portfolio_words(head)):
        # "according to the data provider" after "Dow Jones Market Data said": the one whose name
        # says what the description does, before the sentence's subject
        entity = last_entity_before(ctx, bounds[0], types, accept=lambda e: bool(
            portfolio & {w.casefold() for w in re.findall(r"\w+", e.name)}) and local(e))  # (cited as a source too)
    if entity is None and types == ORG_TYPES and (owners := _owners_of_the(ctx, head.lemma_.lower(), bounds[0])):
        kind = accept  # "Valmont Holdings — the airline's parent company — … The airline said": not its owner
        accept = lambda e: e.id not in owners and (kind is None or kind(e))
    if types == PERSON_TYPES and accept is None and head.lemma_.lower() in PUBLIC_OFFICES:
        accept = _may_hold(head.lemma_.lower())  # "Maryland Governor has commented": not the rear admiral named last
    if entity is None and types is not None:
        entity = last_entity_before(ctx, bounds[0], types, accept=accept)
    if entity is not None and types != PERSON_TYPES and _named_unnamed_since(ctx, head, bounds[0], entity):
        return None  # "interior ministry figures showed …, the ministry said": that unnamed body
    return entity.ref() if entity else None


# Firms that act for another ("the broker commented": the one named before; "the broker for the
# bridge's insurance policy": one the text goes on to name, or none).
AGENT_FIRM_NOUNS = frozenset({"broker", "brokerage"})


# "the airline's parent company", "the bank's owner": what the organisation named right before is of the noun.
OWNER_OF_THE = r"\s*[—–,(-]*\s*(?:the\s+|its\s+)?{noun}['’]s\s+(?:parent(?:\s+company)?|owner|holding\s+company)\b"


def _owners_of_the(ctx: Context, noun: str, before: int) -> set[str]:
    """Ids of organisations the text sets beside "the <noun>'s parent company" or "owner" before
    ``before``: the description's owner, never the thing it describes."""
    owners: set[str] = set()
    for match in re.finditer(OWNER_OF_THE.format(noun=re.escape(noun)), ctx.text[:before], re.I):
        named = [(m, e) for m, e in ctx.entities.mentions_in(max(0, match.start() - 80), match.start() + 1)
                 if e.type in ORG_TYPES and 0 <= match.start() - m.end <= 1]
        owners.update(e.id for _, e in named)
    return owners


# Bodies that speak for the organisation they govern ("the board of Acme said").
GOVERNING_NOUNS = frozenset({"board", "management", "leadership", "directors"})
# Bodies of a state that speak for it ("the authorities of Saudi Arabia", "the government of Kenya").
STATE_BODY_NOUNS = frozenset({"authorities", "government", "ministry", "embassy", "consulate"})


def _country_owning(ctx: Context, head: Token) -> EntityRef | None:
    """The country a possessive before the noun names ("Jordan's foreign ministry"), else None."""
    for owner in (c for c in head.children if c.dep_ == "poss"):
        entity = ctx.entities.at(owner.idx, owner.idx + len(owner))
        if entity is not None and entity.type == "GPE":
            return entity.ref()
    return None


def _organisation_of(ctx: Context, head: Token, types=ORG_TYPES) -> EntityRef | None:
    """The organisation (or, with ``types``, the country) an "of" phrase after the noun names
    ("the board of Acme Corp"), else None."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            named = [e for _, e in ctx.entities.mentions_in(*char_bounds(ctx.doc, *mention_bounds(obj)))
                     if e.type in types]
            if named:  # (the last: "ChatGPT-maker OpenAI")
                return named[-1].ref()
    return None


# Offices news writes by their initials ("the PM said"), spelt out as titles spell them.
# Offices of one of many members of an assembly, whom a seat names ("the Halifax MP").
MEMBER_OFFICES = ("MP", "MLA", "MEP", "MSP")
OFFICE_ABBREVIATIONS = {**{initials: RANK_ABBREVIATIONS[initials.casefold()] for initials in ("PM",)},
                        **{initials: initials.casefold() for initials in MEMBER_OFFICES}}


# Nouns of a country's government ("the US administration", "the Spanish government").
GOVERNMENT_NOUNS = frozenset({"administration", "government"})
# A comma after a description and the name it gives, ending its clause.
NAME_AFTER_COMMA_RE = re.compile(r"\s*,\s*")
NAME_ENDS_CLAUSE_RE = re.compile(r"\s*(?:[.,;:!?]|\Z)")


def _apposed_person(ctx: Context, head: Token) -> LocalEntity | None:
    """The person set after a comma inside a description's phrase, which the parser hung on
    its "of" phrase ("the governor of Hawaii, Josh Green, told reporters")."""
    for token in head.subtree:
        if token.i > head.i and token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.left_edge.i > 0 \
                and token.doc[token.left_edge.i - 1].text == ",":
            found = ctx.entities.at(token.idx, token.idx + len(token.text))
            return found if found is not None and found.type in PERSON_TYPES else None
    return None


def _named_after_comma(ctx: Context, end: int) -> LocalEntity | None:
    """The person a description names after a comma, ending the clause ("according to the
    president of the regional government, Juanma Moreno."), which the parser may hang on the
    verb instead; else None."""
    gap = NAME_AFTER_COMMA_RE.match(ctx.text, end)
    named = _person_named_at(ctx, gap.end()) if gap is not None else None
    if named is None or not NAME_ENDS_CLAUSE_RE.match(ctx.text, named[0].end):
        return None
    return named[1]


def _named_right_after(ctx: Context, head: Token) -> LocalEntity | None:
    """The person named right after a title word ("junta chief [Min Aung Hlaing]"), when the
    parser made the title the head of the name; else None."""
    end = head.idx + len(head.text)
    if (of := OF_PLACE_AFTER_RE.match(ctx.text, end)) is not None:
        words = of.group("words").split()
        place = next((k for k in range(len(words) - 1, 0, -1) if is_place_name(" ".join(words[:k]))), None)
        if place is not None:  # "The President of France Emmanuel Macron": the office's country, then its holder
            end = of.start("words") + len(" ".join(words[:place]))
    named = _person_named_at(ctx, end + 1) if ctx.text[end:end + 1] == " " else None
    return named[1] if named is not None else None


# "of France Emmanuel Macron", "of the Philippines Ferdinand Marcos" after a title: capitalised words.
OF_PLACE_AFTER_RE = re.compile(r" of (?:the )?(?P<words>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){1,4})")


def _person_named_at(ctx: Context, pos: int) -> tuple[Mention, LocalEntity] | None:
    """The mention that begins at ``pos``, and its entity, when the first one from there does
    and is a person's."""
    found = ctx.entities.mentions_in(pos, pos + MAX_NAME_CHARS)
    if not found or found[0][0].start != pos or found[0][1].type != "PERSON":
        return None
    return found[0]


# What says a source is kept unnamed, right after its description.
UNNAMED_AFTER_RE = re.compile(
    r"\s*,?\s*(?:who\s+(?:asked|requested|spoke\s+on\s+condition)\s+not\s+to\s+be\s+(?:named|identified)"
    r"|who\s+(?:declined|refused)\s+to\s+be\s+(?:named|identified)"
    r"|(?:who\s+spoke\s+|speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity)", re.I)
# Longest name looked for after a description's comma.
MAX_NAME_CHARS = 60


def _office_phrase(head: Token, *, country: bool = True) -> str:
    """The words of the office a description names, case-folded ("prime minister" of "the
    outgoing Prime Minister", "foreign secretary", "prime minister" of "the PM", "vice
    president"), with the country it is of unless ``country`` is false ("spanish prime
    minister" of "the Spanish Prime Minister")."""
    if head.text in OFFICE_ABBREVIATIONS:
        return OFFICE_ABBREVIATIONS[head.text]
    words = [c for c in head.children if c.i < head.i and (
        c.dep_ == "compound" and (country or c.ent_type_ not in COUNTRY_TYPES)
        or c.dep_ == "amod" and (country and c.ent_type_ in COUNTRY_TYPES or c.lower_ in SUBORDINATE_TITLE_WORDS))]
    return " ".join(t.lower_ for t in sorted([*words, head], key=lambda t: t.i))


# Entity types of the country an office is of ("the Spanish Prime Minister", "the US president").
COUNTRY_TYPES = frozenset({"NORP", "GPE"})


def title_words(title: str) -> list[str]:
    """A title's words, case-folded, with ranks written short spelt out ("Gov." is "governor")."""
    return [RANK_ABBREVIATIONS.get(w.rstrip("."), w) for w in title.casefold().split()]


def holds_office(title: str, office: str) -> bool:
    """A title is of the office when it ends in the office's words, and no word before them
    makes it a lower one: "Vice President" is no president, "Deputy Prime Minister" no prime
    minister ("Former U.S. President" is one)."""
    folded = " ".join(title_words(title))
    if not folded.endswith(office):
        return False
    before = folded[:len(folded) - len(office)]
    if before and before[-1] not in " -":
        return False  # "copresident"
    words = re.split(r"[\s-]+", before.strip(" -"))
    return words[-1] not in SUBORDINATE_TITLE_WORDS


def _office_holder(ctx: Context, head: Token, pos: int) -> LocalEntity | None:
    """The one person named before ``pos`` whom the text gives the office a description names
    ("Prime Minister Rishi Sunak … the outgoing prime minister said"), whoever was named
    last; or, when the text gives it to no one, the person it names most often before,
    when named at least twice and more often than any other (the story's figure, not the
    last name in a list of others: "… such as Sir Jacob Rees-Mogg. … the prime minister said")."""
    office = _office_phrase(head)
    if head.lower_ not in JOB_TITLES and head.text not in OFFICE_ABBREVIATIONS:
        return None
    told = len(ctx.text) if _in_headline(ctx, pos) else pos  # a headline's "CEO" is the one its story names
    employer = _named_inside(ctx, head) if head.pos_ == "PROPN" else None  # "Boeing CEO": Boeing's

    def holds(role: Role, office: str) -> bool:
        if isinstance(employer, EntityRef) and role.org is not None and role.org.id == employer.id:
            return holds_office(role.title, head.lower_)
        return holds_office(role.title, office)
    # "the Spanish Prime Minister" first, then "prime minister"
    for asked in dict.fromkeys([office, _office_phrase(head, country=False)]):
        holders = [e for e in ctx.entities.entities if e.type in PERSON_TYPES and any(m.start < told for m in e.mentions)
                   and any(holds(r, asked) for r in e.roles)]
        if holders:
            break
    if len(holders) == 1:
        return holders[0]
    if len(holders) > 1 and not any(c.lower_ in FORMER_WORDS for c in head.lefts):
        current = [e for e in holders if any(holds(r, asked) and not FORMER_WORDS & set(title_words(r.title)) for r in e.roles)]
        if len(current) == 1:
            return current[0]  # "premier Tim Houston" and "Former Liberal premier Iain Rankin": "the premier" is Houston
    if holders or any(holds_office(r.title, asked) for e in ctx.entities.entities for r in e.roles):
        return None  # several, or one named only later: the rules of descriptions decide
    if _introduced_unnamed(ctx.text, head, pos):
        return None  # "A magistrate who ordered …" … "the magistrate said": that unnamed one, not the most named
    ranked = _most_named_before(ctx, pos, PERSON_TYPES, accept=_may_hold(head.lemma_.lower())
                                if head.lemma_.lower() in PUBLIC_OFFICES else None)
    if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
        return ranked[0][1]
    return None


# Words that make a title a past one ("Former Liberal premier Iain Rankin", "ex-minister").
FORMER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "late"})


def _in_headline(ctx: Context, pos: int) -> bool:
    """``pos`` is in the article's first paragraph and that is a heading (``is_heading``)."""
    if not ctx.paragraphs or ctx.paragraph_of(pos) != 0:
        return False
    start, end = ctx.paragraphs[0]
    return is_heading(ctx.text[start:end])


def _most_named_before(ctx: Context, pos: int, types: frozenset[str],
                       accept: Callable[[LocalEntity], bool] | None = None) -> list[tuple[int, LocalEntity]]:
    """The entities of ``types`` named before ``pos`` outside quotation marks, with how often,
    the most named first (then the first named: a story names its subject first)."""
    counted = []
    for e in ctx.entities.entities:
        starts = [m.start for m in e.mentions if m.start < pos and not ctx.quoted(m.start)]
        if e.type in types and starts and (accept is None or accept(e)):
            counted.append((len(starts), min(starts), e))
    return [(n, e) for n, _, e in sorted(counted, key=lambda t: (-t[0], t[1]))]


# Offices of a local or a court's administration whose holder a text names with the title
# ("County Clerk Jo Ruiz"), never by name alone: "the county clerk confirmed" after other people
# are named is someone the text does not name.
NAMED_WITH_TITLE_OFFICES = frozenset("""
clerk coroner registrar treasurer comptroller assessor alderman selectman ombudsman
""".split())
# Public offices, each held by one person a text names with it ("Gov. Wes Moore"): a person the
# text gives another role is not "the governor" (unlike "the boss", "the chief", which a CEO is).
PUBLIC_OFFICES = frozenset("""
governor mayor president premier minister senator chancellor councillor congressman congresswoman
sheriff judge magistrate ambassador commissioner prosecutor
""".split()) | NAMED_WITH_TITLE_OFFICES


def _may_hold(title: str) -> Callable[[LocalEntity], bool]:
    """A test of whether a person may hold the office ``title``: the text gives them no role,
    or one with that word ("Gov." for "governor")."""
    def holds(entity: LocalEntity) -> bool:
        if entity.name.casefold() in JOB_TITLES:  # a title the model took for a name: "the Magistrate"
            return entity.name.casefold() == title
        return not entity.roles and title not in NAMED_WITH_TITLE_OFFICES \
            or any(title in title_words(role.title) for role in entity.roles)
    return holds


def _holders_named_later(ctx: Context, employer: LocalEntity, head: Token, after: int) -> list[LocalEntity]:
    """The people the text names after ``after`` with the title ``head`` at ``employer``, when none
    is named before."""
    title = head.lemma_.casefold()
    return [e for e in ctx.entities.entities if e.type in PERSON_TYPES and min(m.start for m in e.mentions) > after
            and any(r.org is not None and r.org.id == employer.id and title in r.title.casefold().split() for r in e.roles)]


def _employer_named(ctx: Context, head: Token) -> LocalEntity | None:
    """The organisation a title names as its holder's ("the CEO of OpenAI", "OpenAI's chief",
    "the OpenAI chief")."""
    for child in head.children:
        objects = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in ("of", "at") \
            else [child] if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN" else []
        for obj in objects:
            entity = ctx.entities.at(obj.idx, obj.idx + len(obj))
            if entity is not None and entity.type == "ORG":
                return entity
    return None


def _named_inside(ctx: Context, head: Token) -> EntityRef | bool | None:
    """What a description's own proper-noun modifier names: the organisation it is ("the
    Aemet weather agency"), False when it names someone else's body ("the Obama
    administration": a person's) or a name no entity holds, None when it has none or only
    a place's ("the US agency": look back for one)."""
    for child in head.children:
        if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" and child.i < head.i:
            entity = ctx.entities.at(*char_bounds(ctx.doc, *mention_bounds(child)))
            if entity is None or entity.type in PERSON_TYPES:
                return False  # a name the entities missed ("the Meteocat weather agency") is not an earlier one's
            if entity.type in ORG_TYPES:
                return entity.ref()
    return None


# Words before a body's noun that say where it rules, not what it does ("the federal agency",
# "the state regulator"): the body may be any named before.
JURISDICTION_WORDS = frozenset({
    "federal", "state", "national", "local", "regional", "provincial", "municipal", "city", "county",
    "central", "government", "public", "official", "top", "main", "new", "independent", "international",
    "global", "foreign-owned", "country's", "nation's", "own", "same",
})


def _portfolio_words(head: Token) -> set[str]:
    """The lower-case words before a body's noun that say what it does ("the interior
    ministry", "the aviation regulator", "the health department"), not where it rules."""
    return {c.lower_ for c in head.children
            if c.dep_ in ("compound", "amod") and c.i < head.i and c.is_alpha and c.is_lower
            and c.lower_ not in JURISDICTION_WORDS}


# What shows a name as a company's: its shares or stock, or its legal form (COMPANY_FORMS,
# and the short "Co").
COMPANY_SIGN_RE = r"(?:['’]s)?\s+(?:shares|stock)\b|,?\s+(?:%s)(?!\w)" % "|".join(
    re.escape(form) for form in sorted(COMPANY_FORMS | {"Co"}, key=len, reverse=True))


# Last words of a name that make it an organisation of another kind than a public body:
# "the agency" is no "Deposit Insurance Fund", "Labour Party" or "World Bank".
OTHER_KIND_WORDS = frozenset({
    "fund", "funds", "trust", "bank", "party", "union", "club", "university", "college", "school",
    "league", "federation", "association", "foundation", "church", "museum", "hospital", "exchange", "index",
})


def _of_no_other_place(place: str) -> Callable[[LocalEntity], bool]:
    """Whether an organisation's name names no place but ``place`` ("Bank of Canada" for
    "Canada's central bank"; not "Ministry of Foreign Affairs of Ukraine" for "Russia's
    foreign ministry")."""
    own = place.casefold()
    return lambda entity: all(w.casefold() == own or not is_place_name(w) for w in re.findall(r"[A-Z][\w.'’-]*", entity.name))


def _a_company(rivals: frozenset[str], ctx: Context, pos: int, noun: str) -> Callable[[LocalEntity], bool]:
    """What "the company" at ``pos`` (the description's ``noun``) can take up: an organisation
    whose name says it is no public body ("the U.S. Food and Drug Administration" is one) nor a
    body governing one ("Board of Directors"), nor a central bank unless the noun is "bank" ("The
    Federal Reserve has hiked rates … The firm"), not one named as a rival, nor an outlet named
    only as reporting the news (``_only_reporting``)."""
    return lambda entity: not names_a_public_body(entity.name) and entity.id not in rivals \
        and not _only_reporting(ctx, entity, pos) and name_head(entity.name)[1] not in GOVERNING_NOUNS \
        and (noun == "bank" or not names_a_central_bank(entity.name))


# Words before an outlet's name that make it the reporter of the news, not a party to it
# ("reported by the Washington Post", "according to Bloomberg", "told Reuters").
REPORTER_BEFORE_RE = re.compile(
    r"(?:\b(?:(?:first\s+)?reported|revealed|published)\s+by|\baccording\s+to|\btold|\b(?:in|to)\s+an?\s+interview\s+with)"
    r"\s+(?:the\s+)?\Z", re.I)


def _only_reporting(ctx: Context, entity: LocalEntity, pos: int) -> bool:
    """Every mention of the organisation before ``pos`` names it as the one reporting the
    news ("His comments were reported by the Washington Post. The company said …": the
    company is the story's, not the newspaper)."""
    before = [m for m in entity.mentions if m.start < pos]
    return bool(before) and all(REPORTER_BEFORE_RE.search(ctx.text, max(0, m.start - 40), m.start) for m in before)


def _not_named_after(ctx: Context, start: int, end: int,
                     accept: Callable[[LocalEntity], bool] | None) -> Callable[[LocalEntity], bool]:
    """``accept``, and not named in [start, end) outside quotation marks: what a description's
    sentence names after it is another than the one it describes (but "The company said that
    'TSMC has decided …'" quotes the company naming itself)."""
    named = {e.id for m, e in ctx.entities.mentions_in(start, end) if not ctx.quoted(m.start)}
    return lambda e: e.id not in named and (accept is None or accept(e))


def _not_a_company(text: str) -> Callable[[LocalEntity], bool]:
    """Whether an organisation can be a public body: the text never shows any of its names
    with shares, stock or a legal form ("Ford shares", "shares of Ford", "Acme Inc")."""
    seen: dict[str, bool] = {}

    def accept(entity: LocalEntity) -> bool:
        if entity.id not in seen:
            seen[entity.id] = name_head(entity.name)[1] not in OTHER_KIND_WORDS and not any(
                re.search(rf"\b{re.escape(name)}(?:{COMPANY_SIGN_RE})|\bshares\s+(?:of|in)\s+{re.escape(name)}\b", text)
                for name in {entity.name, *entity.aliases})
        return seen[entity.id]
    return accept


def _person_named_after(ctx: Context, noun: Token) -> EntityRef | None:
    """The person named right after a spokesperson's noun ("analyst Dan Ives")."""
    if noun.i + 1 >= len(noun.doc):
        return None
    nxt = noun.nbor()
    entity = ctx.entities.at(nxt.idx, nxt.idx + len(nxt))
    return entity.ref() if entity is not None and entity.type == "PERSON" else None


def _sentence_organisation(ctx: Context, head: Token) -> EntityRef | None:
    """The organisation that is the subject of the clause an unowned spokesperson's gerund
    clause is set below ("Acme tipped its hat to the start-up, with a spokesperson calling it
    an advance"): its spokesperson. None elsewhere: a spokesperson who is a clause's own
    subject ("a spokesperson said") or an object ("CNN reached a spokesperson") speaks for no
    one the clause names."""
    own = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if own is None or not (own.tag_ == "VBG" and own.dep_ in ("pcomp", "advcl", "acl")):
        return None
    for verb in head.ancestors:
        if verb.i == own.i:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
        if verb.pos_ in ("VERB", "AUX") and subject is not None:
            entity = ctx.entities.at(subject.idx, subject.idx + len(subject.text))
            return entity.ref() if entity is not None and entity.type in ORG_TYPES else None
    return None


def _spokes_owner(ctx: Context, head: Token) -> EntityRef | None:
    """The organisation a spokesperson's (or a document's) own phrase names ("its", "Acme's",
    "an Acme spokesperson", "for Acme", "researchers from Acme", "a report by Acme"); None
    when it names none. A name before the noun wins over one after "for": "a Nvidia
    spokesperson for TechCrunch" spoke for Nvidia, to TechCrunch."""
    for child in head.children:
        if child.dep_ == "poss":
            if child.lower_ in ("its", "their"):
                if (described := _described_subject(ctx, child)) is not None:
                    return described  # "The company had 15,200 employees, according to its annual report"
                entity = last_entity_before(ctx, child.idx, ORG_TYPES)
                return entity.ref() if entity else None
            entity = ctx.entities.at(child.idx, child.idx + len(child.text))
            return entity.ref() if entity else None
    for child in head.children:  # "an Nvidia spokesperson", "a White House spokeswoman"
        # (a capitalised name the tagger took for a noun too: "Jefferies analysts")
        if child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or child.text[:1].isupper()) and child.i < head.i:
            entity = ctx.entities.at(*char_bounds(ctx.doc, *mention_bounds(child)))
            if entity is not None and entity.type != "PERSON":
                return entity.ref()
    for child in head.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("for", "at", "of", "from", "by"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:  # the phrase, or its name alone ("researchers from Hangzhou-based Acme")
                found = (ctx.entities.at(*char_bounds(ctx.doc, *mention_bounds(objects[0]))),
                         ctx.entities.at(objects[0].idx, objects[0].idx + len(objects[0].text)))
                entity = next((e for e in found if e is not None and e.type in ORG_TYPES), None)
                return entity.ref() if entity else None
    for child in head.children:  # "a report released on Thursday by the Council on Criminal Justice"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for obj in (g for g in agent.children if g.dep_ == "pobj"):
                    entity = ctx.entities.at(*char_bounds(ctx.doc, *mention_bounds(obj)))
                    if entity is not None and entity.type in ORG_TYPES:
                        return entity.ref()
    for child in head.children:
        if child.dep_ == "compound" and child.lower_ in STORY_COMPANY_NOUNS and child.i < head.i:
            ranked = _most_named_before(ctx, head.idx, ORG_TYPES)  # "a company spokesperson": the story's company
            return ranked[0][1].ref() if ranked else None
    return None


# Nouns before a spokesperson's that stand for the company the story is about ("a company
# spokesperson", "a firm representative").
STORY_COMPANY_NOUNS = frozenset({"company", "firm"})


def _described_subject(ctx: Context, pronoun: Token) -> EntityRef | None:
    """The organisation a possessive pronoun's own sentence describes as its subject before
    it ("the company", "the bank"): the pronoun is that one's, not a name's further back."""
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ in SUBJECT_DEPS and description_types(token) == ORG_TYPES:
            return resolve_description(ctx, token, char_bounds(ctx.doc, token.i, token.i + 1))
    return None


def _named_unnamed_since(ctx: Context, head: Token, before: int, entity: LocalEntity) -> bool:
    """The description's noun was written, outside any name and after the sentence of the
    organisation's last mention before it ("Updated interior ministry figures …" after "the
    Red Crescent said"): the description takes up that unnamed mention, not the organisation."""
    last = max((m.end for m in entity.mentions if m.end <= before), default=-1)
    if last < 0:
        return False
    named_in = ctx.sentence_of(ctx.token_at(last - 1))
    for match in re.finditer(rf"\b{re.escape(head.lower_)}\b", ctx.text[last:before].lower()):
        at = last + match.start()
        if ctx.entities.at(at, at + len(head.text)) is not None:
            continue
        if ctx.sentence_of(ctx.token_at(at)) == named_in:
            continue  # "Acme Corp, the company, said": the name's own apposition
        earlier = ctx.doc[ctx.token_at(at)]
        if description_types(earlier) is not None and all(
                c.dep_ in ("det", "punct") or c.dep_ == "amod" and c.lower_.endswith("based") for c in earlier.lefts):
            continue  # "The company said … The company also said": a reference back, not a new body
            # (but "among the high-earning group" is one)
        return True
    return False


def _introduced_unnamed(text: str, head: Token, before: int) -> bool:
    """The description's noun was introduced earlier with "a" or "an" and no name after it
    ("a US official familiar with the matter"): "the official" is that unnamed person."""
    pattern = re.compile(rf"(?<!,\s)\b[Aa]n?\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(head.text)}\b(?!,?\s+[A-Z])")
    # (not "Dana Whitcombe, an official, said"; nor what someone is or is called, "considered himself
    # a French writer or merely an author who writes in French": no one introduced)
    return any(PREDICATE_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()) is None
               for m in pattern.finditer(text, 0, before))


# Words before "a"/"an" that make the phrase a predicate, not someone introduced.
PREDICATE_BEFORE_RE = re.compile(r"\b(?:as|is|was|be|been|being|become|became|himself|herself|themselves|merely|"
                                 r"or|than|like|not)\s+$", re.I)


def holds_positions(ctx: Context, cue: Token, attribution: Attribution) -> bool:
    """The speaker is someone (or something written) that can support, attack or plan: a
    person or group by name, a personal pronoun, a noun for people, organisations or
    documents; "according to" names any source."""
    if cue.lower_ == "according" or attribution.speaker is not None:
        return True
    if attribution.mention is None:
        return False
    head = ctx.doc[ctx.token_at(attribution.mention[1] - 1)]
    for _ in range(3):  # a relative pronoun holds what its noun holds
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "PERCENT", "CARDINAL"):
        return True
    if head.pos_ == "PRON":
        return head.lower_ not in ("this", "that", "which", "what", "these", "those")
    lemma = head.lemma_.lower()
    holders = PERSON_NOUNS | SPEAKER_ORG_NOUNS | SPOKES_NOUNS | PEOPLE_NOUNS | DOCUMENT_NOUNS
    return lemma in holders or lemma.endswith(ORG_NOUN_SUFFIXES)
