"""Quote records of one article: speaker labels and reported speech first (their content
decides whether a quotation inside it is part of a mixed record or attributed by their
cue), then every quotation not absorbed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from extractor.extract.entities import ArticleEntities
from extractor.extract.quotes.attribution import (
    attribute_cue,
    relayed,
    attribute_direct,
    attribution_of,
    embedding_clause,
    frames,
    inherited,
    participle_after,
    is_title,
)
from extractor.extract.quotes.context import Attribution, Context
from extractor.extract.quotes.cues import COGNITION_VERBS, NAMING_VERBS, SPEECH_VERBS, verb_lemma
from extractor.extract.quotes.labels import find_speaker_labels
from extractor.extract.quotes.marks import (
    find_quote_spans,
    mostly_within,
    paragraph_bounds,
    quoted_words,
    residue_words,
)
from extractor.extract.quotes.references import holds_positions
from extractor.extract.quotes.reported import Reported, find_reported, passive_unattributed, raised_passive
from extractor.models import EntityRef, Quote, Span
from extractor.nlp.views import doc_text


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable id of a quote from where it sits."""
    return "q_" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def _span(text: str, bounds: tuple[int, int] | None) -> Span | None:
    if bounds is None:
        return None
    return Span(text=text[bounds[0] : bounds[1]], start=bounds[0], end=bounds[1])


def make_quote(
    ctx: Context, article_id: str, start: int, end: int, kind: str, words: str, attribution: Attribution
) -> Quote:
    return Quote(
        id=quote_id(article_id, start, end),
        article_id=article_id,
        text=words,
        start=start,
        end=end,
        kind=kind,  # type: ignore[arg-type]
        cue=_span(ctx.text, attribution.cue),
        speaker_mention=_span(ctx.text, attribution.mention),
        speaker=attribution.speaker,
    )


@dataclass
class Records:
    """Quotes found so far, and what the later passes must know about the quotations."""

    article_id: str
    quotes: list[Quote] = field(default_factory=list)
    absorbed: set[int] = field(default_factory=set)  # quotations inside a mixed record
    cues: dict[int, Token] = field(default_factory=dict)  # quotations a reported clause attributes
    voices: list[tuple[int, int, EntityRef]] = field(default_factory=list)  # labelled paragraphs and their speaker

    def voice_at(self, pos: int) -> EntityRef | None:
        """The speaker whose labelled paragraph holds ``pos`` ("Okonjo-Iweala: … I told
        ministers …": the "I" is hers)."""
        return next((speaker for start, end, speaker in self.voices if start <= pos < end), None)

    def add(self, ctx: Context, start: int, end: int, kind: str, words: str, attribution: Attribution) -> None:
        self.quotes.append(make_quote(ctx, self.article_id, start, end, kind, words, attribution))


def extract_quotes(doc: Doc, article_id: str, entities: ArticleEntities) -> list[Quote]:
    """Direct, indirect and mixed quotes of one parsed article, sorted by start."""
    text = doc_text(doc)
    spans = find_quote_spans(text)
    ctx = Context(doc=doc, entities=entities, spans=spans, paragraphs=paragraph_bounds(text), text=text)
    records = Records(article_id)
    # Speaker labels and reported speech first: their content decides whether a
    # quotation inside it is part of a mixed record or is attributed by their cue.
    add_labelled(ctx, records)
    add_reported(ctx, records)
    add_direct(ctx, records)
    unique = {quote.id: quote for quote in records.quotes}
    return sorted(unique.values(), key=lambda q: (q.start, q.end))


def add_labelled(ctx: Context, records: Records) -> None:
    """Transcript lines and "Name: …" paragraphs."""
    text, spans = ctx.text, ctx.spans
    for labelled in find_speaker_labels(ctx):
        start, end = labelled.content
        inside = [i for i, s in enumerate(spans) if mostly_within(s, labelled.content) or s.open == labelled.mark]
        if labelled.mark is None and len(inside) == 1 and residue_words(text, start, end, [spans[inside[0]]]) == 0:
            continue  # "PENCE: “…”": the quotation itself, attributed with the others
        if labelled.transcript:
            kind = "direct"
        else:
            kind = "mixed" if inside else "indirect"
        records.absorbed.update(inside)
        records.add(ctx, start, end, kind, text[start:end], labelled.attribution)
        if labelled.attribution.speaker is not None:
            records.voices.append((start, end, labelled.attribution.speaker))


# Who speaks of themselves: the speaker of the labelled paragraph they are in.
FIRST_PERSON = frozenset({"i", "we"})


def add_reported(ctx: Context, records: Records) -> None:
    """Reported speech; a clause that is only a quotation hands its cue to the quotation."""
    text, spans = ctx.text, ctx.spans
    for reported in find_reported(ctx):
        start, end = reported.content
        if verb_lemma(reported.cue) in NAMING_VERBS and any(s.open < end and s.close > start for s in spans):
            continue  # "called it an “impressive model”": a direct quote, found with the others
        if verb_lemma(reported.cue) == "deny" and _only_a_person(ctx, start, end):
            continue  # "for Kolo Muani to be denied by Martinez": someone stopped, no words (but one
            # "endorsed Clinton": a stance)
        # a title in quotation marks ('the sitcom "Friends"') is nobody's words inside the clause
        touching = [i for i, s in enumerate(spans) if s.open < end and s.close > start and not is_title(ctx, s, i)]
        inside = [i for i in touching if mostly_within(spans[i], reported.content)]
        if inside and (cut := participle_after(ctx, spans[inside[-1]].close, end)) is not None:
            # 'wrote on X on Sunday, “DeepSeek-R1 is AI’s Sputnik moment,” alluding to the satellite':
            # the writer's aside after the quotation, and where and when it was said before it
            start, end = _where_and_when_before(ctx, start, spans[inside[0]].open), cut
            reported = replace(reported, content=(start, end))
        crossing = [i for i in touching if i not in inside]
        if crossing or (inside and residue_words(text, start, end, [spans[i] for i in inside]) == 0):
            for i in crossing + inside:  # the quotation is what was said: it keeps its marks
                records.cues.setdefault(i, reported.cue)
            continue
        if _medium_beside_quotation(ctx, reported):
            continue  # '"…," Santos wrote on Twitter': where the quotation was said, no words of its own
        attribution = attribute_cue(ctx, reported.cue)
        if attribution.mention is not None and ctx.text[slice(*attribution.mention)].casefold() in FIRST_PERSON:
            attribution.speaker = records.voice_at(reported.cue.idx) or attribution.speaker
        if raised_passive(reported.cue):
            attribution.mention = attribution.speaker = None  # "X is poised to win, and is expected to take …"
        unnamed = attribution.mention is None and passive_unattributed(reported.cue)
        if attribution.mention is None and reported.cue.lower_ != "according" and not unnamed:
            continue
        stance = verb_lemma(reported.cue) not in SPEECH_VERBS | COGNITION_VERBS
        if stance and not unnamed and not holds_positions(ctx, reported.cue, attribution):
            continue  # "the launch highlighted …": a position needs someone to hold it
        words = reported.words(text)
        if inside:  # the content runs to its last quotation's closing mark
            start, end = min(start, spans[inside[0]].start), max(end, spans[inside[-1]].close)
            words = text[start:end]
            attribution = relayed(ctx, reported.cue, attribution)
        records.absorbed.update(inside)
        records.add(ctx, start, end, "mixed" if inside else "indirect", words, attribution)


def _where_and_when_before(ctx: Context, start: int, opening: int) -> int:
    """The start of a reported clause that opens with where or when its quotation was said
    ("on X on Sunday, “…”"): the opening mark; else ``start``."""
    before = ctx.doc.char_span(start, opening, alignment_mode="contract")
    if before is None or not len(before) or any(t.dep_ not in SETTING_DEPS for t in before):
        return start
    return opening


# What a phrase of where or when is made of ("on X on Sunday,").
SETTING_DEPS = frozenset({"prep", "pobj", "det", "compound", "amod", "npadvmod", "punct", "nummod"})


def _only_a_person(ctx: Context, start: int, end: int) -> bool:
    """The content is one person's name and nothing else."""
    return any(m.start <= start and end <= m.end and e.type == "PERSON" for m, e in ctx.entities.mentions_in(start, end))


def _medium_beside_quotation(ctx: Context, reported: Reported) -> bool:
    """The reported content is only a phrase naming a medium or place ("on Twitter", "in
    Parliament") in a sentence that quotes the speaker directly."""
    cue = reported.cue
    content = ctx.doc.char_span(*reported.content, alignment_mode="expand")
    if content is None or len(content) < 2 or content[0].pos_ != "ADP" or content[0].lower_ not in ("on", "in", "via"):
        return False
    objects = [t for t in content[0].children if t.dep_ == "pobj"]
    if not objects or objects[0].pos_ != "PROPN" or content[-1].i > objects[0].i:
        return False
    sent = cue.sent
    return any(sent.start_char <= s.open and s.close <= sent.end_char for s in ctx.spans)


def add_direct(ctx: Context, records: Records) -> None:
    """Every quotation not yet absorbed: attributed by its cue, or continuing the quote
    before it; a partial quote inside a reported clause makes that clause mixed."""
    text, spans = ctx.text, ctx.spans
    timeline = sorted(records.quotes, key=lambda q: q.start)
    last: Attribution | None = None  # the latest quote's attribution, direct or reported
    last_direct: Attribution | None = None
    t, covered = 0, 0  # covered: end of the last mixed record made here
    for index, span in enumerate(spans):
        while t < len(timeline) and timeline[t].start < span.open:
            last = attribution_of(timeline[t])
            t += 1
        if index in records.absorbed or span.open < covered or is_title(ctx, span, index):
            continue
        if index in records.cues:
            cue = records.cues[index]
            attribution: Attribution | None = attribute_cue(
                ctx, cue, frames(ctx, span, index)[0 if cue.idx >= span.close else 1]
            )
        else:
            attribution = attribute_direct(ctx, span, index)
        if attribution is None:
            attribution = inherited(ctx, span, index, last, last_direct)
        if attribution is None:
            continue
        clause = None
        if attribution.cue_token is not None:
            clause = embedding_clause(ctx, ctx.doc[attribution.cue_token], span)
        if clause is not None:
            records.add(ctx, clause[0], clause[1], "mixed", text[clause[0] : clause[1]], attribution)
            covered = clause[1]
        else:
            records.add(ctx, span.start, span.end, "direct", quoted_words(text, span), attribution)
        last = last_direct = replace(attribution, end=span.close)
