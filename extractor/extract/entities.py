"""Named entities of one article: cleaned, grouped under a canonical name, typed.

spaCy's small model mislabels often (companies as places, headings as people) and
splits "Altman" from "Sam Altman". This module turns raw mentions into entities a
person would sign off:

1. mentions are cleaned (possessives, edge punctuation, a leading "the") and
   generic acronyms ("AI", "CEO") dropped;
2. mentions with the same normalised name form one group; a surname or first name
   joins the one full person name it belongs to, and "Full Name (ACRONYM)" makes
   the acronym an alias;
3. every further occurrence of a known name in the text becomes a mention too,
   since the model misses repeated names as often as it finds them;
4. the type is voted from every mention's label and its context (descriptors,
   titles, possessed nouns, verbs, the place gazetteer), never from one mention;
5. roles ("chief investment officer at X") are read off appositions and titles.

Ids come from the normalised canonical name, so one entity gets the same id in any
article; merging across articles is the graph's (``graph.entities``). Type votes are
in ``entity_types``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from lemminflect import getAllLemmas
from spacy.lang.en.lex_attrs import like_num
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from extractor.extract.entity_aliases import (
    alias_headline,
    alias_headline_names,
    group_mentions,
    join_acronyms,
    join_city_names,
    join_hyphen_parts,
    join_inverted_names,
    join_known_as,
    join_middle_names,
    join_nicknames,
    join_party_names,
    join_short_organisations,
    join_named_storms,
    join_short_places,
    join_tickers,
    join_typed_first_names,
    join_typed_surnames,
    join_unmarked_possessives,
    leans_person,
    person_aliases,
    propagate,
    resolve_short_forms,
)
from extractor.extract.entity_names import (
    COMPANY_FORMS,
    POST_NOMINALS,
    Candidate,
    bare_speaker,
    cited_publications,
    opens_sentence,
    clean_mention,
    dateline_agencies,
    entity_id,
    entity_key,
    heading_spans,
    in_any,
    lone_name_mentions,
    lone_person_names,
    model_mentions,
    name_run_mentions,
    person_mentions,
    place_mentions,
    ticker_mentions,
    ticker_names,
    with_club_names,
    with_dateline_places,
    with_joined_country_names,
    with_first_names_before,
    with_hyphened_surnames,
    with_mid_nicknames,
    with_spelled_out_names,
    without_opening_months,
    without_office_places,
    without_seat_members,
    without_person_titles,
)
from extractor.extract.entity_records import ArticleEntities, LocalEntity
from extractor.extract.entity_referents import assign_referents
from extractor.extract.entity_roles import roles_beside, token_span
from extractor.extract.entity_types import (
    SOURCE_WEIGHT,
    context_votes,
    type_of,
    discount_unsupported,
    is_common_surname,
    is_first_name,
    name_tokens,
    name_votes,
    no_person_named_the,
    person_name_votes,
)
from extractor.extract.gazetteer import is_country
from extractor.extract.quantities.money import CURRENCY_CODES, LOCAL_CURRENCY_SYMBOLS
from extractor.extract.headline import (
    cut_headline_names, cut_to_body_names, repeated_title_spans, title_case_headings, title_case_sentences,
    without_common_nouns,
)
from extractor.extract.lexicon import (
    DISEASE_EPONYMS, SHORT_TITLES, TIME_ZONE_NAME_RE, TIME_ZONES, english_adjectives, english_nouns, english_words,
    is_currency_name, is_place_name, is_prominent_place,
)
from extractor.models import Role
from extractor.nlp.views import doc_text


# Parts of a name that name no one alone: a generation, an honorific, a particle ("Jr",
# "Mlle", "De" cut off a name).
NAME_PARTS_ALONE = frozenset({"jr", "sr", "mlle", "mme", "mr", "mrs", "ms", "dr", "de", "von", "van", "der", "da", "di"})
# Words written in lower case: a capitalised one-word "name" the text also writes this
# way is a common noun in a heading or a title ("Linguistics", "Media", "Grammar").
LOWER_WORD_RE = re.compile(r"\b[a-z][a-z-]+\b")


def _common_noun(group: LocalEntity, lower_words: set[str]) -> bool:
    """Every form is one word the text also writes in lower case, and no place name nor a
    brand's capitals inside a word ("DeepSeek", which a quoted post writes "deepseek")."""
    return all(len(s.split()) == 1 and not s.isupper() and s[1:].islower() and s.casefold() in lower_words
               and not is_place_name(s) for s in group.surfaces)


# An academic degree written with its stops ("B.A.", "M.Sc.", "Ph.D.", "LL.B."), which the model
# may read as a place; never a name (the bare "MA", "BA" may be Massachusetts or an airline).
ACADEMIC_DEGREE_RE = re.compile(r"(?:B\.(?:A|S|Sc|Ed|Eng)|M\.(?:A|S|Sc|Ed|Phil|B\.A|D)|Ph\.D|D\.Phil|LL\.[BM]|Ed\.D)\.?")
# Nouns a company's own writing capitalises for itself ("the Company also announced …"): a
# description of the company, never a name.
COMPANY_SELF_NOUNS = frozenset({"company", "corporation", "firm"})


# Offices and roles a text capitalises alone for the one who holds them ("“…,” the Coach said",
# "The Governor appealed for calm"): a title, never a name (not "Major", "Judge" or "Singer",
# which are surnames too).
OFFICES_ALONE = frozenset({
    "governor", "president", "minister", "senator", "mayor", "chairman", "chairwoman", "premier", "commissioner",
    "superintendent", "coach", "chancellor", "ambassador", "spokesperson", "spokesman", "spokeswoman", "prosecutor",
})


def _capitalised_self_noun(group: LocalEntity) -> bool:
    """Every form is "Company", "Corporation" or "Firm" alone (see COMPANY_SELF_NOUNS), a
    shortened title alone ("Coun." of "Coun. Janet Davis"; "the Tsar" stands for a person), or an
    office alone (``OFFICES_ALONE``)."""
    return all(s.casefold() in COMPANY_SELF_NOUNS or s.casefold().rstrip(".") in SHORT_TITLES
               or s.casefold() in OFFICES_ALONE for s in group.surfaces)


def _bracketed_rank(group: LocalEntity, text: str) -> bool:
    """Letters of a rank or honour, each time in brackets after a name ("Kanu Obi (SAN)")."""
    return group.name.rstrip(".") in POST_NOMINALS and all(text[m.start - 1:m.start] == "(" for m in group.mentions)


# Mentions a name needs before its contexts alone may overrule the model's place reading.
MIN_MENTIONS_READ = 3


def _place_only_to_the_model(group: LocalEntity, read: Counter) -> bool:
    """A name no gazetteer knows as a place, mentioned often, that the model reads as a place
    and no context does ("in", "from", "the city of" never come before it) while some context
    reads it as an organisation ("Nvidia's shares", "Nvidia said in a statement"): a company."""
    return (len(group.mentions) >= MIN_MENTIONS_READ and not is_place_name(group.name)
            and not read.get("GPE") and not read.get("LOC") and not read.get("FAC") and read.get("ORG", 0) > 0)


def _term_spelled_in_lower_case(group: LocalEntity, text: str) -> bool:
    """An acronym the text also spells out in lower-case words ("RSV" after "respiratory
    syncytial virus", "GDP" after "gross domestic product"): a term, not a name, which an
    organisation's or a person's spelled-out name would capitalise."""
    name = group.name
    if not (3 <= len(name) <= 6 and name.isalpha() and name.isupper()) or any(" " in s for s in group.surfaces):
        return False
    words = r"\s+".join(rf"{c}[a-z]{{3,}}" for c in name.lower())  # content words, not "not be able" for NBA
    return any(not any(w in STOP_WORDS for w in m.group(0).split())
               for m in re.finditer(rf"(?<![\w-]){words}\b", text))


def _quality_noun(word: str) -> bool:
    """A noun made of an English adjective and "-ness" ("Joblessness", "Weakness"): no name."""
    low = word.casefold()
    return low.endswith("ness") and len(low) > 6 and low[:-4] in english_adjectives()


def _noun_opening_sentences(group: LocalEntity, doc: Doc) -> bool:
    """A "person" or a small place named by one English noun that is no first name or common
    surname, or anything named by a noun of a quality ("Joblessness climbed to 7.1%"), and
    only where a sentence or a quotation opens ("Turnout was about 60%", "“Time will tell,”"):
    the noun, capitalised as the first word (not Time, a town in Norway)."""
    word = group.name
    if len(group.surfaces) != 1 or " " in word or is_first_name(word) or is_common_surname(word):
        return False
    noun = word.casefold() in english_nouns()
    small_place = (group.type in ("GPE", "LOC") or is_place_name(word)) and not is_prominent_place(word)
    common_word = bool(getAllLemmas(word.casefold()))  # a word of the language ("time"), not a name ("Trondheim")
    if not (group.type == "PERSON" and noun or small_place and common_word or _quality_noun(word)):
        return False
    spans = [token_span(doc, m.start, m.end) for m in group.mentions]
    return all(span is not None and opens_sentence(span[0]) and not (group.type == "PERSON" and bare_speaker(list(span)))
               for span in spans)
    # (but "Trump said the development …": a noun that speaks is a name)


# Last words of a title-case headline's phrase about a figure, never of a name there:
# "Why Boeing Stock Sank: A $31 Billion Drop in Market Value".
FIGURE_HEAD_WORDS = frozenset({
    "value", "valuation", "loss", "losses", "plunge", "drop", "fall", "gain", "gains", "rise", "selloff",
    "sell-off", "rout", "slump", "crash", "rally", "decline", "wipeout", "cap", "capitalization",
})


def _metric_heading(group: LocalEntity) -> bool:
    """A name read only in headings whose every form ends in a word of a figure: the
    headline's words, not an organisation."""
    return all(form.split()[-1].casefold() in FIGURE_HEAD_WORDS or
               (len(form.split()) >= 2 and " ".join(form.split()[-2:]).casefold() == "share price")
               for form in group.surfaces)


# A reporting period's label ("Q3", "H1", "FY2024"): a name holding one is a figure's
# heading ("Weak Q4 Forecast", "Strong Q3 Results"), not a person or an organisation.
PERIOD_LABEL_RE = re.compile(r"\b(?:Q[1-4]|H[12]|FY\s?\d{2,4})\b")


def _period_heading(group: LocalEntity) -> bool:
    return group.type in ("PERSON", "ORG") and all(PERIOD_LABEL_RE.search(form) for form in group.surfaces)


# Articles inside a heading's capitalised run: a phrase ("Takes a Hit"), not a name.
INNER_ARTICLE_RE = re.compile(r"\s(?:a|an)\s")


def _heading_phrase(group: LocalEntity, doc: Doc, lower_words: frozenset[str]) -> bool:
    """A name read only in headings that holds an article inside ("Zentrix Takes a Hit") or
    whose every word the text also writes in lower case ("The Market's Response"): title
    case capitalised a phrase, it named nothing."""
    for mention in group.mentions:
        if INNER_ARTICLE_RE.search(mention.text):
            continue
        span = token_span(doc, mention.start, mention.end)
        if span is None or not all(t.is_punct or t.is_stop or t.lower_ in lower_words
                                   or t.lemma_.casefold() in lower_words for t in span):
            return False
    return True


def _word_before_name(form: str, forms: Collection[str]) -> bool:
    """A person's full name that the text also writes with an English word, no first name,
    before it ("Lead Michelle Yeoh won best actress" beside "Michelle Yeoh"): a word of the
    sentence the name was read with, not part of the name."""
    first, _, rest = form.partition(" ")
    return (len(name_tokens(rest)) >= 2 and rest in forms and first.casefold() in english_words()
            and not is_first_name(first))


# What comes before a sentence's first word: the start of the text or a line, or a full stop.
SENTENCE_OPENING_RE = re.compile(r"(?:^|[.!?][\"'”’)]?\s+|\n\s*|\s[-—–]\s+)\Z")  # (or a dateline's dash)
# A line written in capitals (a wire headline): three words or more, no lower-case letter.
CAPITALS_LINE_RE = re.compile(r"^(?=[^a-z\n]*[A-Z][^a-z\n]*$)(?:\S+[ \t]+){2,}\S+$", re.MULTILINE)


def named_in_capitals_elsewhere(found: list[Candidate], text: str) -> list[Candidate]:
    """The mentions, less those in a line written in capitals that name nothing the text
    names in mixed case ("HALDEN FOODS TO BUY BRIGHTWATER": the model's "BUY BRIGHTWATER"
    goes, "HALDEN FOODS" stays beside the body's "Halden Foods"): capitals hide which words
    are names, so the line may only repeat them."""
    lines = [m.span() for m in CAPITALS_LINE_RE.finditer(text)]
    if not lines:
        return found
    in_lines = [any(a <= c.start < b for a, b in lines) for c in found]
    named = {entity_key(c.text) for c, inside in zip(found, in_lines) if not inside}
    return [c for c, inside in zip(found, in_lines) if not inside or entity_key(c.text) in named]


def _canonical(group: LocalEntity, text: str = "") -> str:
    """The fullest form of a person's name; otherwise a form without a leading "The" where
    the text writes one, the most used (ties: the longest); and a "The" that only ever opens
    a sentence is dropped from a name of three words or more ("The Boston Celtics won": the
    sentence's capital, where "by The New York Times" inside one is the name's)."""
    if group.known_name and group.type != "PERSON":
        written = [f for f in group.surfaces if not f.isupper() and not f.startswith("The ")
                   and entity_key(f) == entity_key(group.known_name)]
        # the name as the text writes it where a dateline's capitals gave it ("São Paulo", not "Sao Paulo")
        return max(written, key=lambda f: (group.surfaces[f], f)) if written else group.known_name
    forms = [f for f in group.surfaces if f not in group.tickers] or list(group.surfaces)
    if group.type != "PERSON":  # "Nvidia" over "Nvidia Corp.", "Nvidia Corporation": outlets name a company so
        forms = [f for f in forms if f.split()[-1] not in COMPANY_FORMS] or forms
    if group.type == "PERSON":
        forms = [f for f in forms if not _word_before_name(f, forms)] or forms
        return _lead_capitals_eased(max(forms, key=lambda f: (len(name_tokens(f)), group.surfaces[f], len(f))))
    full = [f for f in forms if entity_key(f) == entity_key(max(forms, key=len))] or forms
    # a sentence's capital "The" is no part of the name when the text also writes it without
    name = max(full, key=lambda f: (not f.startswith("The "), group.surfaces[f], len(f)))
    if name.startswith("The ") and is_country(name[4:]) and not is_country(name):
        return name[4:]  # "The United States" (but "The Gambia", "The Bahamas" keep theirs)
    if name.startswith("The ") and len(name.split()) >= 3 and text and all(
            SENTENCE_OPENING_RE.search(text, max(0, m.start - 3), m.start) for m in group.mentions if m.text == name):
        return name[4:]
    return name


# A given name set in capitals as a story's first words are ("BORIS Johnson last night flew
# home"): four letters or more with a vowel, so that initials and acronyms stay ("JD Vance",
# "RFK Jr.", "Escola de Belas Artes da UFMG").
LEAD_CAPITALS_RE = re.compile(r"^[A-Z][A-Z'’-]{3,}(?= )")


def _lead_capitals_eased(name: str) -> str:
    """A person's name whose first word is in capitals before words in lower case written as
    a name is ("BORIS Johnson" is Boris Johnson); a name all in capitals stays as it is."""
    first = LEAD_CAPITALS_RE.match(name)
    if first is None or name.isupper() or not re.search(r"[AEIOUY]", first.group(0)) \
            or not all(w[:1].isupper() and w[1:].islower() for w in name.split()[1:] if w[:1].isalpha()):
        return name
    return first.group(0).capitalize() + name[first.end():]


# An editor's brackets inside a name, which the quote's words did not hold ("[George H. W.] Bush",
# "[Joe] Biden" in a transcript): the name is read without them.
BRACKET_RE = re.compile(r"[\[\]]")


def _without_brackets(name: str) -> str:
    return " ".join(BRACKET_RE.sub("", name).split()) or name


def _currency_sign(group: LocalEntity, text: str) -> bool:
    """Every mention is a local currency's sign before an amount, or the amount with it
    ("BD 1.428 million", "Shs600,000"): money, no organisation or people."""
    return all(
        CURRENCY_SIGN_RE.match(m.text) is not None
        and (any(c.isdigit() for c in m.text) or AMOUNT_AFTER_RE.match(text, m.end) is not None)
        for m in group.mentions)


def _glued_twice(name: str) -> bool:
    """A name printed twice with nothing between ("Kanye WestKanye West"): a picture's alt text
    and caption run together, page furniture (the name itself is read where the story gives it)."""
    half = len(name) // 2
    return len(name) % 2 == 0 and " " in name and name[:half] == name[half:]


def _scale_eponym(group: LocalEntity, text: str) -> bool:
    """Every mention names a scale ("7.8 on the Richter scale", "the Beaufort scale"): a measure
    named after someone, no one and nothing the story is about."""
    return all(SCALE_AFTER_RE.match(text, m.end) is not None for m in group.mentions)


SCALE_AFTER_RE = re.compile(r"(?:['’]s)?\s+scale\b", re.I)
# A currency's sign the money reader knows (ISO codes, local abbreviations), maybe with the amount.
# (and the letters news glues to an amount as a sign: "Rs635", the naira's "N39.5" and the rand's
# "R4,500", written with decimals or thousands, unlike a model's "R2" or "N95")
CURRENCY_SIGN_RE = re.compile(r"(?:(?:%s)(?:\s?\d[\d,.]*)?|Rs\.?\s?\d[\d,.]*|[NR]\d+(?:,\d{3})+|[NR]\d+\.\d+)\Z" % "|".join(
    re.escape(sign) for sign in sorted({*LOCAL_CURRENCY_SYMBOLS, *CURRENCY_CODES}, key=len, reverse=True)))
# An amount right after a mention.
AMOUNT_AFTER_RE = re.compile(r"\s?\d")


def extract_entities(
    doc: Doc, article_id: str, *, source: str | None = None, title: str | None = None
) -> ArticleEntities:
    """Entities of one parsed article, typed by votes over all their mentions.

    ``source`` is the article's outlet: a name equal to it is an organisation.
    ``title`` is its headline, which the NLP reads as the first paragraph (when the text
    starts with it): its names stop before its verb, and the person it names is the main
    figure a shared bare surname refers to.
    """
    text = doc_text(doc)
    headings = heading_spans(text)
    headline = repeated_title_spans(text, title)
    headline += [span for span in title_case_headings(text, headings) if span[0] >= (headline[0][1] if headline else 0)]
    headline += title_case_sentences([(s.start_char, s.end_char, s.text) for s in doc.sents], headings)
    found = with_spelled_out_names(cut_headline_names(model_mentions(doc, text), headline, text), text)
    tickers = ticker_names(text)  # "Broadcom (AVGO)": read once, for the names and for the aliases
    found += ticker_mentions(text, tickers, found)
    found += place_mentions(doc, text, found)
    found = with_club_names(with_joined_country_names(with_dateline_places(found, text), text), text)
    found = with_mid_nicknames(with_hyphened_surnames(with_first_names_before(found, doc, text), text), text)
    found += person_mentions(doc, text, found)
    found += name_run_mentions(doc, text, found, headings)
    found = named_in_capitals_elsewhere(found + lone_name_mentions(doc, text, found), text)
    found = with_first_names_before(found, doc, text)  # (and a lone name's, found last: "warned Tamer Ramadan")
    found = without_common_nouns(cut_to_body_names(without_office_places(without_seat_members(found, text), text), headline),
                                 headline, text)
    found = sorted(without_opening_months(found + cited_publications(text, found), text), key=lambda c: c.start)
    groups = group_mentions(without_person_titles(found), headings)
    join_tickers(groups, text, tickers)
    join_inverted_names(groups, text)
    join_known_as(groups, text)
    alias_headline(groups, title)  # before the surnames are given out: the headline's person is one
    join_middle_names(groups, text, headings)
    join_nicknames(groups)
    resolve_short_forms(groups, text, title)
    alias_headline_names(groups, title)
    join_short_organisations(groups, text)
    join_party_names(groups)
    join_acronyms(groups)
    join_city_names(groups, text)
    join_short_places(groups)
    join_named_storms(groups)
    propagate(groups, doc)
    join_unmarked_possessives(groups, doc)
    join_hyphen_parts(groups, text)
    source_key = entity_key(source) if source else None
    agency_keys = {entity_key(name) for name in dateline_agencies(text)}
    lower_words = frozenset(LOWER_WORD_RE.findall(text))
    lone_people = lone_person_names(found)

    leaned = {id(group) for group in groups.values() if leans_person(group)}
    for key, group in list(groups.items()):
        votes = group.votes
        discount_unsupported(votes, max(group.surfaces, key=len))
        read: Counter = Counter()  # what the contexts alone say
        for mention in group.mentions:
            if in_any(mention.start, headline):  # a title-case headline's parse tells no type
                continue                          # ("Zuckerberg Loses $16 Billion": no company)
            span = token_span(doc, mention.start, mention.end)
            if span is not None:
                read.update(context_votes(span, mention.text))
        votes.update(read)
        votes.update(name_votes(group.name, votes))
        votes.update(person_name_votes(group.surfaces, votes, lower_words, lone_people))
        no_person_named_the(votes, max(group.surfaces, key=len))
        if source_key and key == source_key or key in agency_keys:
            votes["ORG"] += SOURCE_WEIGHT  # the outlet, or the agency that filed the story ("(Xinhua) --")
        body = [m for m in group.mentions if not in_any(m.start, headings)]
        if {label for label, v in votes.items() if v > 0} == {"PERSON", "NOT_PERSON_THE"} \
                and votes["NOT_PERSON_THE"] >= votes["PERSON"]:
            del groups[key]  # "the Cybertruck" the model read as a person, and nothing says what it is
            continue
        group.type = type_of(votes, group.name)
        if group.type == "GPE" and _place_only_to_the_model(group, read):
            group.type = "ORG"
        if group.type == "PERSON" and not body and len(name_tokens(group.name)) == 1:
            del groups[key]  # a lone capitalised word in a heading is not a person
            continue
        if _common_noun(group, lower_words) or _capitalised_self_noun(group) or group.surfaces.keys() <= TIME_ZONES \
                or all(ACADEMIC_DEGREE_RE.fullmatch(s) for s in group.surfaces) \
                or _noun_opening_sentences(group, doc) \
                or TIME_ZONE_NAME_RE.fullmatch(group.name) \
                or group.name.casefold() in DISEASE_EPONYMS or _term_spelled_in_lower_case(group, text) \
                or group.name.rstrip(".").casefold() in NAME_PARTS_ALONE \
                or group.type in ("GPE", "LOC") and is_currency_name(group.name) \
                or _bracketed_rank(group, text) or _currency_sign(group, text) or _scale_eponym(group, text) \
                or _glued_twice(group.name) \
                or all(s.isalpha() and like_num(s) for s in group.surfaces):  # "Alzheimer's drug": a disease; "Jr" no one; "the Naira
            # redesign" a currency, no place; "Kanu Obi (SAN)" a lawyer's rank; "Seventeen pilgrims" a number
            del groups[key]  # "EST" after a clock time is a time zone, not Estonia's code; "Turnout was …" a noun
            continue
        if _period_heading(group) or not body and (_metric_heading(group) or _heading_phrase(group, doc, lower_words)):
            del groups[key]  # "Market Value", "A Turning Point", "Shares Take a Hit" in a title-case heading
    join_typed_surnames(groups, leaned)
    join_typed_first_names(groups)
    # A person the model took for something else is known as one only now: the surname
    # alone is looked for again ("Today Taskel teaches in Aarhus").
    late = [g for g in groups.values() if g.type == "PERSON" and id(g) not in leaned and len(name_tokens(g.name)) >= 2]
    if late:
        propagate(groups, doc, among=late)
    for group in groups.values():
        group.name = _without_brackets(_canonical(group, text))
        group.aliases = ({a for a in person_aliases(group) if not _word_before_name(a, group.surfaces)}
                         if group.type == "PERSON" else set(group.surfaces) | group.tickers)

    entities = list(groups.values())
    for entity in entities:
        for mention in entity.mentions:
            mention.article_id = article_id
        entity.mentions.sort(key=lambda m: m.start)
    assign_referents(entities, text, article_id)
    index = ArticleEntities(article_id, entities)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        seen: set[tuple[str, str | None]] = set()
        for mention in entity.mentions:
            for title, org in roles_beside(doc, entity, mention, index.at):
                key = (title.casefold(), org.id if org else None)
                if key not in seen:
                    seen.add(key)
                    entity.roles.append(Role(title=title, org=org.ref() if org else None, article_id=article_id))
    return index


__all__ = [
    "ArticleEntities",
    "LocalEntity",
    "clean_mention",
    "entity_id",
    "entity_key",
    "extract_entities",
]
