"""Attributing a quotation: the cue above it in the parse, a cue in the words either side
(“…,” she said), a paragraph that introduces it ("He said:"), a dash or colon with a
name; a quote with no cue that opens its sentence continues the quote before it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from extractor.extract.entity_types import QUOTED_AS_SAYING_RE, based_description
from extractor.extract.quotes.context import Attribution, Context, char_bounds
from extractor.extract.quotes.cues import (
    ADDRESSEE_VERBS, AUDIENCE_PREPS, NAMING_VERBS, cue_span, is_cue, is_speech_cue, verb_lemma,
)
from extractor.extract.quotes.marks import QuoteSpan, is_mark, quoted_words
from extractor.extract.quotes.references import resolve_speaker
from extractor.extract.quotes.speakers import (
    QUOTED_PASSIVES,
    SUBJECT_DEPS,
    can_speak,
    crosses_paragraph,
    is_dateline,
    mention_bounds,
    name_run,
    owned_source_document,
    speaker_near,
    subject_of,
)
from extractor.models import Quote

# Characters quoted words end with when the sentence goes on to the attribution.
CONTINUING_END = frozenset(",!?—–―-…:;")
# Words that may stand between a cue and the quote it introduces ("said that “…”",
# "he said, but “…”").
INTRODUCING_WORDS = frozenset({"that", "but", "and", "adding", "then"})
# A quoted title has at most this many words, all capitalised but for these small ones.
TITLE_WORDS = 8
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by"})
# A sentence-opening quote the sentence goes on after is a continued quote only when
# it is this long (shorter ones are names and slogans: “Magnificent Seven” stocks …).
CONTINUING_QUOTE_WORDS = 5
# Sentence-final punctuation tokens bound the words around a quote.
SENTENCE_END = frozenset({".", "!", "?", ";"})
# How far (tokens) attribution words are looked for on either side of a quote.
FRAME_TOKENS = 40
# Dashes that attribute a quote to the name after it ("“…” ― Sonya Herridge").
DASH_RE = re.compile(r"[ \t\u00a0]*(―|—|–|--|-)[ \t\u00a0]*")


def quote_tokens(ctx: Context, span: QuoteSpan) -> range:
    return ctx.tokens_between(span.open, span.close)


def governing_cue(ctx: Context, span: QuoteSpan) -> Token | None:
    """The nearest cue above the quote in the parse ("described the model as “…”")."""
    inside = quote_tokens(ctx, span)
    if not inside:
        return None
    best: tuple[int, Token] | None = None
    for i in inside:
        token = ctx.doc[i]
        if token.head.i in inside or token.head.i == token.i:
            continue
        head, depth = token.head, 1
        while depth <= 6:
            if not ctx.quoted(head.idx) and is_cue(head):
                if best is None or depth < best[0]:
                    best = (depth, head)
                break
            if head.head.i == head.i:
                break
            head, depth = head.head, depth + 1
    if best is None:
        return None
    cue = best[1]
    if ctx.paragraph_of(cue.idx) not in (ctx.paragraph_of(span.open), ctx.paragraph_of(span.close - 1)):
        return None
    return cue


def after_frame(ctx: Context, span: QuoteSpan, limit: int) -> list[Token]:
    """Tokens from the closing mark to the end of the sentence, the next quote or ``limit``."""
    out = []
    for i in range(ctx.token_at(span.close) if span.close < len(ctx.text) else len(ctx.doc), len(ctx.doc)):
        token = ctx.doc[i]
        if token.idx < span.close:
            continue
        if token.idx >= limit or "\n" in token.text or token.text in SENTENCE_END or len(out) >= FRAME_TOKENS:
            break
        out.append(token)
    return out


def before_frame(ctx: Context, span: QuoteSpan, limit: int) -> list[Token]:
    """Tokens from the start of the sentence (or ``limit``) up to the opening mark."""
    out = []
    i = ctx.token_at(span.open) - 1
    while i >= 0:
        token = ctx.doc[i]
        if token.idx < limit or "\n" in token.text or token.text in SENTENCE_END or len(out) >= FRAME_TOKENS:
            break
        if token.idx + len(token.text) <= span.open:
            out.append(token)
        i -= 1
    return out[::-1]


def words_of(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct and not t.is_space]


def continues_into_attribution(ctx: Context, span: QuoteSpan, after: Sequence[Token]) -> bool:
    """The sentence goes on after the quote (“…,” she said), so words there can attribute it."""
    if not words_of(after):
        return False
    last = ctx.text[span.end - 1] if span.end > span.start else ""
    first = after[0]
    return last in CONTINUING_END or first.text in ",—–-" or first.text[:1].islower()


def introduces_quote(ctx: Context, before: Sequence[Token]) -> bool:
    """The words before end the way an introduction does: "she said:", "told Reuters,"."""
    if not before:
        return False
    last = before[-1]
    return last.text in (":", ",", "—", "–") or last.lower_ in INTRODUCING_WORDS or is_speech_cue(last)


def _said_of(cue: Token, head: Token) -> bool:
    """``head`` is what a passive cue's words are said of, not who said them: its subject, or a
    name before a passive participle with none ("its new phone being touted as the “most
    beautiful” …"); not where the cue quotes someone ("was quoted as saying")."""
    if verb_lemma(cue) in QUOTED_PASSIVES or not any(c.dep_ == "auxpass" for c in cue.children):
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    if not subjects:
        return head.i < cue.i
    return any(head.i == t.i for c in subjects for t in c.subtree)


def attribute_cue(ctx: Context, cue: Token, frame: Sequence[Token] = ()) -> Attribution:
    """Speaker mention and entity behind a cue."""
    head = subject_of(cue)
    if (quoted := _quoted_as_saying(ctx, cue)) is not None:
        head = quoted  # "“…,” the Daily Post quoted him as saying": his words, not the paper's
    if head is not None:
        head = _based(head)
    if head is not None and is_dateline(head):  # "WASHINGTON -- President Obama … said"
        # the verb's other subject ("Brasília, OCT 31: Lula called"; "ATLANTA — (AP) — Delta Air
        # Lines sued …, claiming"), else the name in apposition
        other = next((c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i), None)
        head = other if other is not None else next(
            (c for c in head.children if c.dep_ == "appos" and c.nbor(-1).text != "("), None)  # not "(Reuters)"
    if head is not None and not can_speak(ctx, head):  # “…,” said X: the quote parsed as a subject too
        head = next((c for c in head.head.children if c.dep_ == head.dep_ and c is not head and can_speak(ctx, c)), None)
    if head is not None and crosses_paragraph(head, cue):
        head = None
    if head is None and frame:
        head = speaker_near(cue, frame)
        if head is not None and (is_dateline(head) or _said_of(cue, head)):
            head = None  # "SEOUL/BARCELONA, Spain ― …", "its new phone being touted as …": no speaker
        if head is not None and not can_speak(ctx, head := _named(head)):
            head = None  # “…,” warned chief financial officer David Wehner: the officer is Wehner
    attribution = Attribution(cue=cue_span(cue), cue_token=cue.i)
    if head is None:
        return attribution
    head = _named(head)
    bounds = mention_bounds(head)
    chars = char_bounds(ctx.doc, *bounds)
    attribution.mention = chars
    attribution.speaker = resolve_speaker(ctx, head, chars)
    return attribution


# Things that carry someone's words: "a statement by Prime Minister Giuseppe Conte said"
# is Conte speaking, and so is "a letter from the company", "Conte's statement" or "the
# Reuters report".
MESSAGE_NOUNS = frozenset({
    "statement", "letter", "post", "tweet", "note", "email", "e-mail", "memo", "release", "filing",
    "message", "notice", "announcement", "communique", "communiqué", "video", "report", "study",
    "survey", "analysis",
})


# Model labels of places and peoples: "a U.S. report", "a Chinese study" name no author.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def _member_named_after(member: Token) -> Token | None:
    """The person named right after "Member of Parliament" (or of an assembly), whom the parser
    may take for part of the body's name; else None."""
    for prep in (c for c in member.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN":
                return obj
    return None


def _named(head: Token) -> Token:
    """The name a common-noun speaker stands for, where the sentence gives one: in apposition
    ("Dataiku’s director of AI governance, Jacob Beswick"; "chief financial officer David
    Wehner"), after descriptions joined by "and" ("Italian architect and Genoa native Renzo
    Piano"), the one person a group is named by ("analysts including Daniel Ives"), or as the
    author of a message (``MESSAGE_NOUNS``); else the noun itself. A place
    the parser heads a based-description with is that description (``_based``)."""
    owned_document = owned_source_document(head)
    if head.lower_ == "member" and (seated := _member_named_after(head)) is not None:
        return seated  # "Makueni Member of Parliament Dan Maanzo": the member, parsed into "of Parliament"
    for part in (head, *(c for c in head.children if c.dep_ == "conj")):
        named = next((c for c in part.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                      and c.i > part.i), None)
        if named is not None and head.ent_type_ != "PERSON" and not owned_document:
            return named  # "Trump's AI and Crypto Advisor, David Sacks, echoed …": the adviser named after the title
    if head.pos_ != "NOUN":
        return _based(head)
    if not owned_document and (person := _person_closing(head)) is not None:
        return person
    for child in head.rights:  # (not "according to Acme's announcement, president Dana Pell
        # will …", whose name is the next clause's subject)
        if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN" and not owned_document:
            return child
    if head.tag_ == "NNS":  # "analysts including Daniel Ives … said": the one the group is named by
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "including":
                named = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                if len(named) == 1 and not any(c.dep_ == "conj" for c in named[0].children):
                    return named[0]
    if head.lemma_.lower() in MESSAGE_NOUNS:
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child  # "Conte's statement"
            if child.dep_ == "compound" and child.pos_ == "PROPN" and not any(
                    t.ent_type_ in PLACE_LABELS for t in child.subtree):
                return child  # "the Reuters report", "a Barclays note"; not "a U.S. report"
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                author = next((g for g in child.children if g.dep_ == "pobj"), None)
                if author is not None and author.pos_ in ("PROPN", "NOUN"):
                    return _based(author)
        if (issuer := _issuer(head)) is not None:
            return issuer
    return head


# Verbs by which someone puts out a message of their own: "Acme issued a statement saying …".
ISSUING_VERBS = frozenset({"issue", "release", "publish", "post", "send", "put", "share", "tweet", "sign"})


def _issuer(message: Token) -> Token | None:
    """Who put a message out when it is the object of an issuing verb ("Nvidia issued a
    statement acknowledging …", "the company released a statement that read …"): the verb's
    subject, a name or a noun (a pronoun is resolved as any speaker is); else None."""
    verb = message.head
    if message.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _based(subject) if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON") else None


# Arcs by which a name below a description is someone else than the one it describes ("a
# friend of Marc Andreessen", "Andreessen's partner", "the fund that Andreessen runs").
NOT_THE_DESCRIBED = frozenset({"prep", "pobj", "poss", "acl", "relcl", "advcl", "ccomp", "agent"})


def _person_closing(head: Token) -> Token | None:
    """The person's name that ends a description of several titles, where the parser reads a
    title as a verb ("Investor and engineer Marc Andreessen posted …": "engineer" taking
    "Marc Andreessen" as its object): the name the phrase ends with, reached from the noun
    by no arc that makes it someone else (``NOT_THE_DESCRIBED``); else None."""
    last = head.right_edge
    if last.i <= head.i or last.pos_ != "PROPN" or last.ent_type_ != "PERSON":
        return None
    token = last
    while token.i != head.i:
        if token.dep_ in NOT_THE_DESCRIBED or token.head.i == token.i:
            return None
        token = token.head
    return last


def _based(token: Token) -> Token:
    """A place the parser heads "the Menlo Park, California-based company" with: the speaker is
    the company (``based_description``), not the place."""
    if token.ent_type_ not in PLACE_LABELS:
        return token
    return based_description(token) or token


# Verbs by which one source relays another's words ("The BBC reports the bank is
# “monitoring developments”"): the quoted words are the relayed subject's.
RELAY_VERBS = frozenset({"report", "quote", "cite"})


def _quoted_as_saying(ctx: Context, cue: Token) -> Token | None:
    """The one an outlet quotes ("quoted him as saying", "quoted Mensah to have said"), else None."""
    if verb_lemma(cue) not in ("quote", "cite") and cue.dep_ in ("xcomp", "pcomp"):
        cue = cue.head.head if cue.dep_ == "pcomp" else cue.head  # the cue may be the "said" of "to have said"
    if verb_lemma(cue) not in ("quote", "cite"):
        return None
    quoted = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if quoted is None or quoted.pos_ not in ("PROPN", "PRON") or not QUOTED_AS_SAYING_RE.match(
            ctx.text, quoted.idx + len(quoted)):
        return None
    return quoted


def relayed(ctx: Context, cue: Token, attribution: Attribution) -> Attribution:
    """A quotation inside a relayed clause belongs to that clause's named subject, not to
    the outlet relaying it; any other attribution is returned as it is."""
    if verb_lemma(cue) not in RELAY_VERBS:
        return attribution
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    if subject is None or subject.pos_ != "PROPN" or not can_speak(ctx, subject):
        return attribution
    chars = char_bounds(ctx.doc, *mention_bounds(subject))
    speaker = resolve_speaker(ctx, subject, chars)
    if speaker is None:
        return attribution
    return Attribution(cue=attribution.cue, mention=chars, speaker=speaker, cue_token=attribution.cue_token,
                       end=attribution.end)


def attribute_by_punctuation(
    ctx: Context, span: QuoteSpan, before: Sequence[Token], after: Sequence[Token]
) -> Attribution | None:
    """A name after a dash ("“…” ― Sonya Herridge") or before a colon ("PENCE: “…”")."""
    dash = DASH_RE.match(ctx.text, span.close)
    if dash and after:
        names = [t for t in after if t.idx >= dash.end()]
        bounds = name_run(names)
        if bounds and (bounds[1] > after[-1].i or ctx.doc[bounds[1]].is_punct):
            cue = (dash.start(1), dash.end(1))
            return _name_attribution(ctx, cue, bounds)
    words = [t for t in before if not t.is_space]
    if len(words) >= 2 and words[-1].text == ":":
        bounds = name_run(words[:-1])
        if bounds and bounds[1] == words[-1].i and bounds[0] == words[0].i:
            return _name_attribution(ctx, (words[-1].idx, words[-1].idx + 1), bounds)
    return None


def _name_attribution(ctx: Context, cue: tuple[int, int], bounds: tuple[int, int]) -> Attribution:
    chars = char_bounds(ctx.doc, *bounds)
    entity = ctx.entities.at(*chars) or ctx.entities.by_name(ctx.text[chars[0] : chars[1]])
    return Attribution(cue=cue, mention=chars, speaker=entity.ref() if entity else None)


def frames(ctx: Context, span: QuoteSpan, index: int) -> tuple[list[Token], list[Token]]:
    """The words after and before a quotation, within its sentence and its neighbours."""
    nxt = ctx.spans[index + 1].open if index + 1 < len(ctx.spans) else len(ctx.text)
    prev = ctx.spans[index - 1].close if index > 0 else 0
    return after_frame(ctx, span, nxt), before_frame(ctx, span, prev)


# A possessive apostrophe the tokenizer leaves as punctuation ("NBC News' “Today” show").
PLURAL_POSSESSIVE_RE = re.compile(r"s['’]\s*$")


# Nouns for works, and words that name one, right before a title in quotation marks.
WORK_NOUNS = frozenset({
    "book", "memoir", "novel", "biography", "autobiography", "album", "song", "single", "hit", "track", "film",
    "movie", "show", "series", "sitcom", "play", "musical", "poem", "essay", "documentary", "podcast", "programme",
    "program", "column", "opera", "painting", "exhibition", "game", "episode",
})
NAMING_WORDS = frozenset({"titled", "entitled", "named", "nicknamed"})
# Verbs that name a thing, which before a title name it only as a participle ('AI chips called
# “H20”', 'a day dubbed “Black Monday”'); with a subject they are someone's words ('what he
# called “Liberation Day”').
NAMING_PARTICIPLES = frozenset({"called", "dubbed", "codenamed", "branded", "labelled", "labeled"})


def is_title(ctx: Context, span: QuoteSpan, index: int) -> bool:
    """A title or name in quotation marks inside a sentence (on Fox News’s “Fox and
    Friends”): a few capitalised words after a preposition, an article (and the adjectives
    after it), a possessive or a noun for a work."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quoted_words(ctx.text, span))
    if not words or len(words) > TITLE_WORDS:
        return False
    if not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    after, before = (words_of(f) for f in frames(ctx, span, index))
    if after and after[0].tag_ in ("NN", "NNS") and after[0].text.islower() and not is_speech_cue(after[0]) \
            and not ctx.text[span.close:after[0].idx].strip():
        return True  # '"Slumdog" composer A.R. Rahman': the work's name before a noun it qualifies
    return bool(before) and (before[-1].pos_ in ("ADP", "DET") or before[-1].tag_ == "POS" or before[-1].dep_ == "poss"
                             or before[-1].lemma_.lower() in WORK_NOUNS  # 'his memoir "Friends, Lovers and …"'
                             # 'the wildly popular "Friends"'
                             or (before[-1].pos_ == "ADJ" and any(t.pos_ == "DET" for t in before[-4:-1]))
                             or before[-1].lower_ in NAMING_WORDS  # 'a song titled "Blue Skies"'
                             or before[-1].lower_ in NAMING_PARTICIPLES and before[-1].dep_ == "acl"
                             or PLURAL_POSSESSIVE_RE.search(ctx.text, max(0, span.open - 3), span.open) is not None)


def attribute_direct(ctx: Context, span: QuoteSpan, index: int) -> Attribution | None:
    """Attribution of one quotation from the parse and the words either side of it."""
    after, before = frames(ctx, span, index)
    cue = governing_cue(ctx, span)
    if cue is not None:
        frame = after if cue.idx >= span.close else before
        return attribute_cue(ctx, cue, frame)
    words_before = words_of(before)
    if continues_into_attribution(ctx, span, after) and (not words_before or before[-1].text in ",:;—–―"):
        for token in after:
            if is_speech_cue(token):
                return attribute_cue(ctx, token, after)
    if introduces_quote(ctx, before):
        for token in reversed(before):
            if is_speech_cue(token):
                return attribute_cue(ctx, token, before)
    introduced = introduced_by_paragraph(ctx, span, before)
    if introduced is not None:
        return attribute_cue(ctx, introduced)
    if (message := introduced_by_message(ctx, span, before)) is not None:
        return message
    return attribute_by_punctuation(ctx, span, before, after)


def _colon_paragraph(ctx: Context, span: QuoteSpan, before: Sequence[Token]) -> tuple[int, int] | None:
    """The paragraph before the one the quotation opens, when it ends with a colon."""
    if words_of(before):
        return None
    here = ctx.paragraph_of(span.open)
    if here == 0 or ctx.paragraphs[here][0] != span.open:
        return None
    p_start, p_end = ctx.paragraphs[here - 1]
    return (p_start, p_end) if ctx.text[p_end - 1] == ":" else None


def introduced_by_paragraph(ctx: Context, span: QuoteSpan, before: Sequence[Token]) -> Token | None:
    """The cue of a paragraph that ends with a colon ("He said:") when the quotation
    opens the next one."""
    if (paragraph := _colon_paragraph(ctx, span, before)) is None:
        return None
    for i in reversed(ctx.tokens_between(*paragraph)):
        token = ctx.doc[i]
        if is_speech_cue(token) and not ctx.quoted(token.idx):
            return token
    return None


def introduced_by_message(ctx: Context, span: QuoteSpan, before: Sequence[Token]) -> Attribution | None:
    """The author of a message a paragraph ending with a colon announces ("Here is a
    statement from the Acme spokesman:", "Acme's statement read:") when the quotation opens
    the next paragraph."""
    if (paragraph := _colon_paragraph(ctx, span, before)) is None:
        return None
    for i in reversed(ctx.tokens_between(*paragraph)):
        noun = ctx.doc[i]
        if noun.lemma_.lower() not in MESSAGE_NOUNS or noun.pos_ != "NOUN" or ctx.quoted(noun.idx):
            continue
        author = _named(noun)
        if author.i == noun.i or not can_speak(ctx, author):
            return None
        chars = char_bounds(ctx.doc, *mention_bounds(author))
        return Attribution(mention=chars, speaker=resolve_speaker(ctx, author, chars))
    return None


def embedding_clause(ctx: Context, cue: Token, span: QuoteSpan) -> tuple[int, int] | None:
    """Characters of the cue's complement when the quote is only part of it ("blasted the
    panel for calling the deal “partial”"): that content is reported, with a quoted part.
    None when the quote is the complement itself, or the cue names something with it."""
    if verb_lemma(cue) in NAMING_VERBS or cue.lower_ == "according" or cue.idx > span.open:
        return None
    words = [i for i in quote_tokens(ctx, span) if not is_mark(ctx.doc[i])]
    if not words:
        return None
    first = words[0]
    rights = [
        c for c in cue.rights
        if c.dep_ not in ("punct", "prt", "advmod", "npadvmod", "cc") and c.dep_ not in SUBJECT_DEPS
    ]
    holder = next((c for c in rights if c.left_edge.i <= first <= c.right_edge.i), None)
    if holder is None:
        return None
    rights = [c for c in rights if c is holder or not _audience(cue, c)]  # 'told reporters: "…"'
    rights = [c for c in rights if c is holder or not (c.dep_ == "prep" and c.right_edge.i < first)]  # "wrote on X, “…”"
    start = rights[0].left_edge.i
    lead = [t for t in ctx.doc[start:first] if not t.is_punct and t.lower_ != "that" and not is_mark(t)]
    if not lead:
        return None
    begin = ctx.doc[start].idx
    end = max(holder.right_edge.idx + len(holder.right_edge.text), span.close)
    end = participle_after(ctx, span.close, end) or end  # '“…,” alluding to the satellite': the writer's aside
    p_start, p_end = ctx.paragraphs[ctx.paragraph_of(span.open)]
    begin, end = max(begin, p_start), min(end, p_end)
    while end > begin and ctx.text[end - 1] in " .,;:":
        end -= 1
    return begin, end


def participle_after(ctx: Context, close: int, end: int) -> int | None:
    """Where a reported clause ends when a quotation closes it and a participle clause after a
    comma goes on ('…,” alluding to …', '…,” adding that …'): before the participle (the
    closing mark and the comma are trimmed with the clause's edge); else None."""
    m = PARTICIPLE_AFTER_RE.match(ctx.text, close, end)
    if m is None:
        return None
    token = ctx.doc.char_span(m.start("verb"), m.end("verb"))
    return m.start("verb") if token is not None and token[0].tag_ == "VBG" else None


# The closing mark, a comma and an "-ing" word right after a quotation.
PARTICIPLE_AFTER_RE = re.compile(r"[”\"’']?\s*,?\s*(?P<verb>[a-z]+ing)\b")


def _audience(cue: Token, child: Token) -> bool:
    """``child`` names whom the words were said to ("told reporters", "said to the BBC")."""
    return (child.dep_ in ("dobj", "dative") and verb_lemma(cue) in ADDRESSEE_VERBS
            or child.dep_ == "prep" and child.lower_ in AUDIENCE_PREPS)


def opens_sentence(ctx: Context, span: QuoteSpan, index: int) -> bool:
    """The quote begins its sentence, and is more than a phrase the sentence goes on about."""
    after, before = frames(ctx, span, index)
    if words_of(before):
        return False
    after = words_of(after)
    if not after:
        return True
    long_enough = len(re.findall(r"\w+", ctx.text[span.start : span.end])) >= CONTINUING_QUOTE_WORDS
    return long_enough and not any(is_speech_cue(t) for t in after)


def attribution_of(quote: Quote) -> Attribution:
    return Attribution(
        cue=(quote.cue.start, quote.cue.end) if quote.cue else None,
        mention=(quote.speaker_mention.start, quote.speaker_mention.end) if quote.speaker_mention else None,
        speaker=quote.speaker,
        end=quote.end,
    )


def same_speaker(a: Attribution, b: Attribution) -> bool:
    if a.speaker is not None and b.speaker is not None:
        return a.speaker.id == b.speaker.id
    return a.mention == b.mention and a.mention is not None


def inherited(
    ctx: Context, span: QuoteSpan, index: int, last: Attribution | None, last_direct: Attribution | None
) -> Attribution | None:
    """A quote that opens its sentence and has no cue continues the speaker of the quote
    just before it, in the same paragraph or the paragraph before. When that was reported
    speech by the speaker of the direct quote before it ("“…,” X said, adding that …"),
    the quote continues the direct one."""
    if last is None or not opens_sentence(ctx, span, index):
        return None
    if last.mention is None and last.speaker is None:
        return None
    if ctx.paragraph_of(last.end - 1) not in (ctx.paragraph_of(span.open), ctx.paragraph_of(span.open) - 1):
        return None
    if ctx.paragraph_of(last.end - 1) != ctx.paragraph_of(span.open) and (actor := _actor_before(ctx, span)) is not None:
        return actor  # "Judge Ana Ruiz bailed Fowles. “It’s a serious offence.”": the judge, not the last paragraph's speaker
    if last_direct is not None and last_direct is not last and same_speaker(last, last_direct):
        if ctx.paragraph_of(last_direct.end - 1) >= ctx.paragraph_of(span.open) - 1:
            return last_direct
    return last


# A pronoun and a verb of saying right after a quotation's close, past stray punctuation.
PRONOUN_CUE_AFTER_RE = re.compile(r"[ \t.,;:”\"’']{0,4}(?:he|she|they|it|we|I)[ \t]+\w+", re.I)  # (on its line)


def _actor_before(ctx: Context, span: QuoteSpan) -> Attribution | None:
    """The person named as the subject of the sentence right before a quotation, in the
    quotation's own paragraph ("Judge Ana Ruiz bailed Fowles, who will be sentenced on August 7.
    “It’s a serious offence.”"): who the paragraph is about and goes on to speak."""
    if span.open == 0 or ctx.paragraph_of(span.open - 1) != ctx.paragraph_of(span.open):
        return None
    if PRONOUN_CUE_AFTER_RE.match(ctx.text, span.close):
        return None  # "“…”. he said.": a speaker the quotation names after it, however the punctuation cut it off
    before = ctx.token_at(span.open) - 1
    if not 0 <= before < len(ctx.doc) or ctx.quoted(ctx.doc[before].idx):
        return None
    token = ctx.doc[before]
    root = token.sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or not can_speak(ctx, subject):
        return None
    chars = char_bounds(ctx.doc, *mention_bounds(subject))
    entity = ctx.entities.at(*chars)
    if entity is None or entity.type != "PERSON":
        return None
    return Attribution(mention=chars, speaker=resolve_speaker(ctx, subject, chars))
