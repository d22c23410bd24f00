"""Speaker labels: paragraphs a name and a colon open, as transcript lines ("PENCE: Well,
look …") or headline-style summaries ("Sanders: …")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractor.extract.entities import LocalEntity
from extractor.extract.quotes.context import Attribution, Context, char_bounds
from extractor.extract.quotes.marks import opens_with_mark, trimmed
from extractor.extract.quotes.speakers import name_run

# Entity types of places: a place in capitals before a colon is a dateline.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words that open a letter's salutation, which names the reader, not the writer.
SALUTATIONS = frozenset({"dear", "to", "re", "attn", "cc", "from", "subject"})
# Words a headline-style summary after a label says at least ("Sanders: Clinton is unqualified").
SUMMARY_MIN_WORDS = 4
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Entity types a speaker label ("Sanders: …") can name.
LABEL_TYPES = frozenset({"PERSON", "ORG", "NORP"})


@dataclass
class Labelled:
    """A paragraph that opens with a speaker's name and a colon ("PENCE: Well, look …")."""

    attribution: Attribution
    content: tuple[int, int]
    transcript: bool
    mark: int | None = None  # the quotation mark the paragraph opens with, if any


def find_speaker_labels(ctx: Context) -> list[Labelled]:
    """Paragraphs that a name and a colon open (after a quotation mark, maybe): transcript
    lines when two names in capitals open paragraphs (the interview convention;
    a place in capitals is a dateline), else headline-style summaries ("Sanders: …") when
    the name is a known person or group."""
    out = []
    for p_start, p_end in ctx.paragraphs:
        lead = opens_with_mark(ctx.text, p_start, p_end)
        colon = ctx.text.find(":", p_start + lead, min(p_end, p_start + 60))
        if colon < 0 or colon + 2 >= p_end:
            continue
        tokens = [ctx.doc[i] for i in ctx.tokens_between(p_start + lead, colon)]
        bounds = name_run(tokens)
        if not tokens or bounds is None or bounds != (tokens[0].i, tokens[-1].i + 1):
            continue
        if any(t.ent_type_ in PLACE_TYPES for t in tokens) or tokens[0].lower_ in SALUTATIONS:
            continue  # "NEW DELHI: …" is a dateline, "DEAR ABBY: …" the person written to
        chars = char_bounds(ctx.doc, *bounds)
        label = ctx.text[chars[0] : chars[1]]
        entity = label_entity(ctx, chars)
        transcript = label.isupper() and len(label) > 1
        if entity is not None and entity.type not in LABEL_TYPES:
            continue
        if entity is None and not transcript:
            continue
        start, end = trimmed(ctx.text, colon + 1, p_end)
        if lead and end > start and ctx.text[end - 1] in "\"”'":
            end -= 1
        if not transcript and len(WORD_RE.findall(ctx.text, start, end)) < SUMMARY_MIN_WORDS:
            continue  # "Amazon: Dropped 3.4%", "Apple Stock: Why Now?": a list line or a heading
        if not transcript and (_opens_with_verb(ctx, start)
                               or _after_list_heading(ctx, p_start) and (entity is None or entity.type != "PERSON")):
            continue  # "Siemens Energy: Plunged 17.4%, recording …"; "Notable Declines:" then "ASML: …": a list
        attribution = Attribution(cue=(colon, colon + 1), mention=chars, speaker=entity.ref() if entity else None)
        out.append(Labelled(attribution, (start, end), transcript, p_start if lead else None))
    transcript_labels = {ctx.text[slice(*labelled.attribution.mention)].casefold() for labelled in out if labelled.transcript}
    if len(transcript_labels) < 2:  # an interview has two parties ("INCIDENT: …" twice is a page's category)
        out = [labelled for labelled in out if not labelled.transcript]
    # An interview's turns: each of two speakers' names opens several paragraphs ("Trade
    # Weekly: …", "Okonjo-Iweala: …"), in whatever case: their words, as said.
    names = [ctx.text[slice(*labelled.attribution.mention)] if labelled.attribution.mention else None for labelled in out]
    repeated = Counter(name for name in names if name)
    if sum(1 for count in repeated.values() if count >= 2) >= 2:
        for labelled, name in zip(out, names):
            if name and repeated[name] >= 2:
                labelled.transcript = True
    return out


# Tags of a verb that opens a list line with no subject ("Plunged 17.4%", "Expected to hold rates");
# not a gerund, which may be a subject ("Eliminating war is a goal").
SUBJECTLESS_VERB_TAGS = frozenset({"VBD", "VBN"})


def _opens_with_verb(ctx: Context, start: int) -> bool:
    """The words after the label open with a verb and no subject: a list line saying what
    the thing labelled did, not what it said ("Siemens Energy: Plunged 17.4%")."""
    first = next((ctx.doc[i] for i in ctx.tokens_between(start, start + 40) if ctx.doc[i].is_alpha), None)
    return first is not None and first.tag_ in SUBJECTLESS_VERB_TAGS


def _after_list_heading(ctx: Context, p_start: int) -> bool:
    """The paragraph before ends with a colon: a heading whose list the labelled lines are
    ("Notable Declines:", "The week includes these announcements:"); a list of people's
    labels ("Reactions:" then "Sanders: …") is still their words, which the caller keeps."""
    return ctx.text[:p_start].rstrip().endswith(":")


def label_entity(ctx: Context, chars: tuple[int, int]) -> LocalEntity | None:
    """The entity a speaker label names: the person whose initials it spells, one with a
    mention inside the label covering most of it, or one known by the label's words."""
    label = ctx.text[chars[0] : chars[1]]
    if (person := _person_of_initials(ctx, label)) is not None:
        return person  # (the model may take the initials for an organisation's)
    size = chars[1] - chars[0]
    for mention, entity in ctx.entities.mentions_in(*chars):
        if (mention.end - mention.start) * 2 >= size:
            return entity
    return ctx.entities.by_name(label)


def _person_of_initials(ctx: Context, label: str) -> LocalEntity | None:
    """The one person of the article whose name's initials a label in capitals spells ("AM:"
    for Andrea Muizelaar, the interview's convention), else None."""
    if not (2 <= len(label) <= 3 and label.isalpha() and label.isupper()):
        return None
    people = [e for e in ctx.entities.entities if e.type == "PERSON" and label in _initials_of(e.name)]
    return people[0] if len(people) == 1 else None


def _initials_of(name: str) -> set[str]:
    """The initials a name may be labelled by: of all its capitalised words, and of its first
    word with any one later word ("RD" for Roque De La Fuente)."""
    capitals = [w[0].upper() for w in name.split() if w[:1].isupper()]
    if len(capitals) < 2:
        return set()
    return {"".join(capitals)} | {capitals[0] + later for later in capitals[1:]}
