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

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.extract.entity_types import (
    HEADING_LABEL_WEIGHT,
    LABEL_WEIGHT,
    SOURCE_WEIGHT,
    context_votes,
    decide_type,
    describes,
    discount_unsupported,
    name_tokens,
    name_votes,
)
from extractor.extract.lexicon import (
    GENERIC_ACRONYMS,
    HONORIFICS,
    TITLE_WORDS,
    is_place_name,
)
from extractor.models import Entity, EntityRef, Mention, Role
from extractor.nlp.views import doc_ents, doc_text, token_starts, token_texts

# spaCy labels that name things (numbers, dates and money are handled elsewhere).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Possessive endings: "Nvidia’s" names Nvidia.
POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# Quotation marks and punctuation that NER spans often swallow at their edges.
EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?*•–—-_ "
# Articles that NER includes in a span but that are not part of the name.
LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
# Sentence-final punctuation: a paragraph without it is a heading or caption.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
LEADING_THE_RE = re.compile(r"^the\s+")
NOT_ALNUM_RE = re.compile(r"[^0-9a-z]+")
LEADING_CAPITAL_THE_RE = re.compile(r"^The\s+")
SPACE_OR_HYPHEN_RE = re.compile(r"[\s\-]+")
# Paragraphs this short with no final punctuation are headings.
MAX_HEADING_WORDS = 12


# Names repeat across mentions, articles and stages; their keys are cached.
@lru_cache(maxsize=1 << 14)
def entity_key(name: str) -> str:
    """Normalised name: case, accents, a leading "the", spaces and punctuation folded.

    "Chat GPT" and "ChatGPT" meet, as do "The Bahnsen Group" and "Bahnsen Group";
    "SoftBank Group" keeps every word, so it never meets "Bahnsen Group".
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return NOT_ALNUM_RE.sub("", LEADING_THE_RE.sub("", text.strip()))


@lru_cache(maxsize=1 << 14)
def entity_id(name: str) -> str:
    """Stable id of the entity with this canonical name."""
    return "ent_" + hashlib.sha1(entity_key(name).encode()).hexdigest()[:12]


def _is_edge(char: str) -> bool:
    """Punctuation, symbols and spaces that never begin or end a name ("― Ana", "“Acme")."""
    return char in EDGE_PUNCT or char.isspace() or unicodedata.category(char)[0] in "PS" and char not in "&$€£"


# Abbreviations whose final period belongs to the name ("Acme Inc.", "Martin Luther King Jr.").
ABBREVIATION_ENDINGS = frozenset({"inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "bros."})


def _keeps_final_period(name: str) -> bool:
    """"U.S." and "Acme Inc." end in a period that is part of the name."""
    if not name.endswith(".") or len(name) < 3:
        return False
    return "." in name[:-1].split()[-1] or name.split()[-1].casefold() in ABBREVIATION_ENDINGS


def clean_mention(text: str) -> tuple[int, int]:
    """Offsets (relative to ``text``) of the name once possessive, article and edge punctuation go."""
    start, end = 0, len(text)
    for _ in range(3):
        while start < end and _is_edge(text[start]):
            start += 1
        article = LEADING_ARTICLE_RE.match(text[start:end])
        if article:
            start += article.end()
        while end > start and _is_edge(text[end - 1]) and not _keeps_final_period(text[start:end]):
            end -= 1
        possessive = POSSESSIVE_RE.search(text[start:end])
        if possessive and end - start - len(possessive.group()) > 1:
            end -= len(possessive.group())
    return start, end


@dataclass
class LocalEntity:
    """An entity as one article sees it: all its mentions there and the type evidence."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)

    @property
    def id(self) -> str:
        return entity_id(self.name)

    def ref(self) -> EntityRef:
        return EntityRef(name=self.name, id=self.id)

    def to_record(self) -> Entity:
        return Entity(
            id=self.id,
            name=self.name,
            type=self.type,  # type: ignore[arg-type]
            aliases=sorted(a for a in self.aliases if a != self.name),
            roles=self.roles,
            mentions=sorted(self.mentions, key=lambda m: (m.article_id, m.start)),
            type_scores={k: round(v, 2) for k, v in sorted(self.votes.items()) if v > 0},
        )


class ArticleEntities:
    """The entities of one article, with look-ups by position for the other extractors."""

    def __init__(self, article_id: str, entities: list[LocalEntity]):
        self.article_id = article_id
        self.entities = entities
        pairs = sorted(((m, e) for e in entities for m in e.mentions), key=lambda p: p[0].start)
        self._mentions = [p[0] for p in pairs]
        self._owners = [p[1] for p in pairs]
        self._starts = [m.start for m in self._mentions]
        self._by_key = {entity_key(a): e for e in entities for a in (e.aliases | {e.name})}

    def at(self, start: int, end: int) -> LocalEntity | None:
        """The entity with the mention that overlaps [start, end) the most."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end)
        for j in range(i - 1, -1, -1):
            m = self._mentions[j]
            if m.end <= start:
                if start - m.end > 200:
                    break
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = self._owners[j], overlap
        return best

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, LocalEntity]]:
        """Every mention inside [start, end), in text order."""
        i = bisect_right(self._starts, start - 1)
        out = []
        for j in range(i, len(self._mentions)):
            m = self._mentions[j]
            if m.start >= end:
                break
            if m.end <= end:
                out.append((m, self._owners[j]))
        return out

    def before(self, pos: int, types: Iterable[str] | None = None, within: int | None = None) -> LocalEntity | None:
        """The entity mentioned last before ``pos`` (of one of ``types``), or None."""
        wanted = set(types) if types else None
        for j in range(bisect_right(self._starts, pos) - 1, -1, -1):
            m, e = self._mentions[j], self._owners[j]
            if m.end > pos:
                continue
            if within is not None and pos - m.end > within:
                return None
            if wanted is None or e.type in wanted:
                return e
        return None

    def by_name(self, text: str) -> LocalEntity | None:
        """The entity that has ``text`` as its name or an alias (normalised)."""
        return self._by_key.get(entity_key(text))


# ------------------------------------------------------------------ mentions


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    label: str | None  # None for occurrences found by name rather than by the model


def _model_mentions(doc: Doc, text: str) -> list[_Candidate]:
    """The model's name entities, cleaned; generic acronyms and lone common words dropped.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        rel_start, rel_end = clean_mention(ent.text.split("\n", 1)[0])  # a name never crosses a line
        start, end = ent.start_char + rel_start, ent.start_char + rel_end
        surface = text[start:end]
        if len(surface) < 2 or not entity_key(surface) or surface in GENERIC_ACRONYMS:
            continue
        if not any(ch.isupper() for ch in surface):
            continue
        tokens = [t for t in ent if start <= t.idx < end]
        if ent.label_ != "NORP" and tokens and not any(t.pos_ in ("PROPN", "NUM") for t in tokens):
            continue  # "Investors" at the start of a line is a common noun
        inner = [t for t in tokens[1:-1] if t.dep_ == "case" and t.lower_ in ("'s", "’s")]
        if inner:  # "Apple’s US App Store": the possessor is a name of its own
            cut = inner[0]
            out.append(_Candidate(start, cut.idx, text[start:cut.idx], None))
            start = cut.idx + len(cut.text) + len(cut.whitespace_)
            surface = text[start:end]
        out.append(_Candidate(start, end, surface, ent.label_))
    return out


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are headings: short, with no sentence-final punctuation."""
    spans, pos = [], 0
    for paragraph in text.split("\n\n"):
        stripped = paragraph.strip()
        if stripped and len(stripped.split()) <= MAX_HEADING_WORDS and not SENTENCE_END_RE.search(stripped):
            spans.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return spans


def _in_any(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


# -------------------------------------------------------------------- groups


def _group(candidates: list[_Candidate], headings: list[tuple[int, int]]) -> dict[str, LocalEntity]:
    """Mentions with one name key together; the model's label votes for the type, less in a
    heading, where title case misleads it ("Cameron bids farewell" read as an organisation)."""
    groups: dict[str, LocalEntity] = {}
    for cand in candidates:
        key = entity_key(cand.text)
        local = groups.get(key)
        if local is None:
            local = groups[key] = LocalEntity(name=cand.text, type=cand.label or "ORG")
        local.surfaces[cand.text] += 1
        if cand.label:
            local.votes[cand.label] += HEADING_LABEL_WEIGHT if _in_any(cand.start, headings) else LABEL_WEIGHT
        local.mentions.append(Mention(article_id="", start=cand.start, end=cand.end, text=cand.text))
    return groups


def _merge_into(target: LocalEntity, source: LocalEntity) -> None:
    target.surfaces.update(source.surfaces)
    target.votes.update(source.votes)
    target.mentions.extend(source.mentions)


def _main_figure(owners: list[LocalEntity], part: str, title: str | None) -> LocalEntity | None:
    """Of people who share a surname, the one a bare surname means: the story's main
    figure, named in the headline, else introduced first ("Jared Padalecki … his mother
    Sherri Padalecki … Padalecki starred"); None when the shared word is a first name."""
    key = entity_key(part)
    if not all(entity_key(name_tokens(o.name)[-1]) == key for o in owners):
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


def _join_short_organisations(groups: dict[str, LocalEntity]) -> None:
    """An organisation named by part of a longer name in the same article joins it: the
    name without its institution word ("Harvard" / "Harvard University") or its last
    words ("Pirates" / "Pittsburgh Pirates"). Only a short form the model reads as an
    organisation, never as a place, and only when one longer name fits."""
    def leans_org(group: LocalEntity) -> bool:
        org = group.votes.get("ORG", 0)
        return org > 0 and org > max(group.votes.get(t, 0) for t in ("GPE", "LOC", "PERSON", "FAC"))

    longer = [g for g in groups.values() if len(g.name.split()) >= 2 and leans_org(g)]
    for key, group in list(groups.items()):
        words = group.name.split()
        if len(words) > 2 or not leans_org(group) or words[-1].casefold() in INSTITUTION_WORDS:
            continue  # "College" alone is any college
        owners = []
        for other in longer:
            full = other.name.split()
            if other is group or len(full) <= len(words):
                continue
            lowered = [w.casefold() for w in full]
            short = [w.casefold() for w in words]
            tail = lowered[-len(short):] == short and lowered[-len(short) - 1] not in ("of", "in", "at", "for")
            if tail or (lowered[:-1] == short and lowered[-1] in INSTITUTION_WORDS):  # not "University of X"
                owners.append(other)
        if len(owners) == 1:
            _merge_into(owners[0], group)
            del groups[key]


def _alias_headline(groups: dict[str, LocalEntity], title: str | None) -> None:
    """A headline that is only a name ("Matthew Goode") is an alias of the person the text
    names in full with the same first name and surname ("Matthew William Goode"); its
    offsets are not the text's, so it is a name, not a mention."""
    words = _headline_name(title)
    if not words:
        return
    ends = (entity_key(words[0]), entity_key(words[-1]))
    for group in groups.values():
        if group.votes.get("PERSON", 0) > 0 and any(
                len(parts := name_tokens(s)) >= 2 and (entity_key(parts[0]), entity_key(parts[-1])) == ends
                for s in group.surfaces):
            group.surfaces[" ".join(words)] += 0
            return


def _resolve_short_forms(groups: dict[str, LocalEntity], text: str, title: str | None = None) -> None:
    """A lone surname or first name joins the one full person name it belongs to (a
    surname shared by several, the main figure's); a bracketed acronym after a name
    becomes that name's alias."""
    people = [g for g in groups.values() if g.votes.get("PERSON", 0) > 0 and len(name_tokens(g.name)) >= 2]
    by_part: dict[str, list[LocalEntity]] = defaultdict(list)
    for person in people:
        parts = name_tokens(person.name)
        for part in {parts[0], parts[-1]}:
            by_part[entity_key(part)].append(person)
    for key, group in list(groups.items()):
        parts = name_tokens(group.name)
        if len(parts) != 1 or is_place_name(group.name) and group.votes.get("PERSON", 0) == 0:
            continue
        owners = [p for p in by_part.get(entity_key(parts[0]), []) if p is not group]
        headline = _headline_person(title, parts[0]) if group.votes.get("PERSON", 0) > 0 else None
        if headline is not None and not any(
                entity_key(name_tokens(s)[0]) == entity_key(name_tokens(headline)[0])
                for o in owners for s in o.surfaces if len(name_tokens(s)) >= 2):
            group.surfaces[headline] += 0  # the headline's person, whom the text names only by surname
            continue
        if len(owners) == 1:
            _merge_into(owners[0], group)
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
    for match in re.finditer(r"\(([A-Z][A-Z0-9&.\-]{1,9})\)", text):
        acronym_key = entity_key(match.group(1))
        before = [g for g in groups.values() for m in g.mentions if 0 <= match.start() - m.end <= 2]
        if before and acronym_key in groups and groups[acronym_key] is not before[0]:
            _merge_into(before[0], groups.pop(acronym_key))
        elif before:
            before[0].surfaces[match.group(1)] += 0  # alias known, mentions found by propagation


def _surface_form(text: str) -> str:
    """A surface compared case-sensitively, spaces, hyphens and a leading "The" aside."""
    return SPACE_OR_HYPHEN_RE.sub("", LEADING_CAPITAL_THE_RE.sub("", text))


# Longest name, in tokens, that propagation looks for.
MAX_NAME_TOKENS = 5


def _propagate(groups: dict[str, LocalEntity], doc: Doc) -> None:
    """Every further occurrence of a known name becomes a mention of it.

    Matching is case-sensitive but blind to spaces and hyphens, so "ChatGPT" finds
    "Chat GPT"; the longest match wins, so "DeepSeek-V3" is not read as "DeepSeek".
    """
    forms: dict[str, LocalEntity] = {}
    for group in groups.values():
        for surface in group.surfaces:
            if len(surface) >= 2 and any(ch.isupper() for ch in surface):
                forms[_surface_form(surface)] = group
    prefixes = {form[:2] for form in forms}
    initials = {form[:1] for form in forms}
    taken = sorted((m.start, m.end) for g in groups.values() for m in g.mentions)
    starts = [a for a, _ in taken]
    text, texts, offsets = doc_text(doc), token_texts(doc), token_starts(doc)
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
            group = forms.get(_surface_form(" ".join(texts[i:last + 1])))
            if group is None or doc[last].is_punct:
                continue
            start, end = offsets[i], offsets[last] + len(texts[last])
            j = bisect_right(starts, end)
            if not any(a < end and start < b for a, b in taken[max(0, j - 3):j]):
                surface = text[start:end]
                group.mentions.append(Mention(article_id="", start=start, end=end, text=surface))
                group.surfaces[surface] += 1
            end_of_match = i + n
            break


# --------------------------------------------------------------------- types


def _token_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _canonical(group: LocalEntity) -> str:
    """The fullest form of a person's name; otherwise the most used form (ties: the longest)."""
    forms = list(group.surfaces)
    if group.type == "PERSON":
        return max(forms, key=lambda f: (len(name_tokens(f)), group.surfaces[f], len(f)))
    full = [f for f in forms if entity_key(f) == entity_key(max(forms, key=len))] or forms
    return max(full, key=lambda f: (group.surfaces[f], len(f)))


# --------------------------------------------------------------------- roles


# Prepositions that link a role to its employer ("manager at X", "minister of X").
EMPLOYER_PREPOSITIONS = frozenset({"at", "of", "for", "with", "from"})
# Dependencies of a title noun's modifiers that belong in the title ("chief investment officer").
TITLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "appos"})


def _title_and_employer(noun: Token, person: SpacySpan, owner_at) -> tuple[str, LocalEntity | None]:
    """The words of a role ("portfolio manager", "director of AI governance") and its employer."""
    employer = None
    words = [noun]
    for child in noun.children:
        if person.start <= child.i < person.end:
            continue
        entity = owner_at(child.idx, child.idx + len(child.text)) if child.pos_ == "PROPN" else None
        if child.dep_ in ("poss", "compound", "nmod") and entity is not None:
            employer = employer or entity  # "Dataiku's director", "OpenAI CEO"
        elif child.dep_ in TITLE_MODIFIER_DEPS and child.i < noun.i:
            words.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "case", "poss"))
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in EMPLOYER_PREPOSITIONS):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            continue
        obj = objects[0]
        entity = next((owner_at(t.idx, t.idx + len(t.text)) for t in obj.subtree
                       if t.pos_ == "PROPN" and owner_at(t.idx, t.idx + len(t.text)) is not None), None)
        if entity is not None and employer is None:
            employer = entity
        elif entity is None and prep.lower_ == "of":  # "director of AI governance"
            words.append(prep)
            words.extend(t for t in obj.subtree if t.dep_ not in ("det", "prep", "relcl", "acl")
                         and not any(a.dep_ in ("prep", "relcl", "acl") and a != obj for a in t.ancestors
                                     if obj in a.ancestors or a == obj))
        break
    words = sorted({t.i: t for t in words if employer is None or t.idx not in _mention_starts(employer)}.values(),
                   key=lambda t: t.i)
    title = "".join(t.text_with_ws for t in words).strip(" ,-")
    return re.sub(r"\s+-\s+|\s+-|-\s+", "-", title), employer


def _mention_starts(entity: LocalEntity) -> set[int]:
    return {m.start for m in entity.mentions}


def _roles(doc: Doc, person: LocalEntity, mention: Mention, owner_at) -> list[tuple[str, LocalEntity | None]]:
    """Roles stated beside one mention: appositions ("X, a manager at Y") and titles ("CEO X")."""
    span = _token_span(doc, mention.start, mention.end)
    if span is None:
        return []
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and describes(c, TITLE_WORDS)]
    nouns += [c for c in root.children if c.dep_ == "compound" and c.i < span.start and describes(c, TITLE_WORDS)]
    if root.dep_ == "appos" and describes(root.head, TITLE_WORDS):
        nouns.append(root.head)
    found = []
    for noun in nouns:
        title, employer = _title_and_employer(noun, span, owner_at)
        if title and title.casefold() not in HONORIFICS:
            found.append((title, employer if employer is not person else None))
    return found


# ---------------------------------------------------------------------- main


def extract_entities(
    doc: Doc, article_id: str, *, source: str | None = None, title: str | None = None
) -> ArticleEntities:
    """Entities of one parsed article, typed by votes over all their mentions.

    ``source`` is the article's outlet: a name equal to it is an organisation.
    ``title`` is its headline, kept out of the text: the person it names is the main
    figure a shared bare surname refers to.
    """
    text = doc_text(doc)
    headings = _heading_spans(text)
    groups = _group(_model_mentions(doc, text), headings)
    _resolve_short_forms(groups, text, title)
    _alias_headline(groups, title)
    _join_short_organisations(groups)
    _propagate(groups, doc)
    source_key = entity_key(source) if source else None

    for key, group in list(groups.items()):
        votes = group.votes
        discount_unsupported(votes, max(group.surfaces, key=len))
        for mention in group.mentions:
            span = _token_span(doc, mention.start, mention.end)
            if span is not None:
                votes.update(context_votes(span, mention.text))
        votes.update(name_votes(group.name))
        if source_key and key == source_key:
            votes["ORG"] += SOURCE_WEIGHT
        body = [m for m in group.mentions if not _in_any(m.start, headings)]
        group.type = decide_type(votes)
        if group.type == "PERSON" and not body and len(name_tokens(group.name)) == 1:
            del groups[key]  # a lone capitalised word in a heading is not a person
            continue
        group.name = _canonical(group)
        group.aliases = set(group.surfaces)

    entities = list(groups.values())
    for entity in entities:
        for mention in entity.mentions:
            mention.article_id = article_id
        entity.mentions.sort(key=lambda m: m.start)
    index = ArticleEntities(article_id, entities)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        seen: set[tuple[str, str | None]] = set()
        for mention in entity.mentions:
            for title, org in _roles(doc, entity, mention, index.at):
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
