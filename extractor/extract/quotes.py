"""Quotes of one article: who said what, quoted directly or reported.

Three kinds of record come out, each with character offsets into ``doc.text``:

- **direct**: words inside quotation marks (straight, curly, single, or the
  doubled apostrophes of older wire copy), found by pairing marks paragraph by
  paragraph; ``text`` is the words without the marks. A quote runs past its
  paragraph only when the next paragraph opens with a quotation mark (the
  multi-paragraph convention); an unclosed mark never swallows the article.
  Transcript lines ("PENCE: Well, look …") are direct too.
- **indirect**: reported speech and stated positions, "X said (that) …", "X told
  Y …", "according to X, …", "…, X said.", "X, he said, …", "X urged Congress to
  act", "X’s claim that …"; ``text`` is the content clause or what the position
  is about. A report inside someone else's reported words belongs to theirs.
- **mixed**: reported content that contains a quoted part ("X said the plan
  was “a disaster”"); the direct part is absorbed into it. A quote a naming verb
  puts on something ("called it an “impressive model”") stays direct.

A quote is attributed through its cue (a reporting verb, noun or phrase found by
the dependency parse or next to the quote, or a dash or colon with a name) to
the cue's subject; a quote with no cue that opens its sentence continues the
quote before it. The subject is resolved to an entity: names through
``ArticleEntities``, pronouns to the nearest compatible entity mentioned outside
quotation marks (the subject of its sentence first), and descriptions such as
"the company" or "the minister" to the nearest organisation or person.
Everything reads the one parse; no extra ``nlp()`` calls.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from extractor.extract.entities import ArticleEntities, LocalEntity
from extractor.extract.lexicon import TITLE_WORDS as JOB_TITLES
from extractor.models import EntityRef, Quote, Span
from extractor.nlp.views import doc_text, sentence_starts, token_starts, token_texts

# ----------------------------------------------------------------- constants

# Curly and guillemet marks say by their shape whether they open or close.
OPENING_DOUBLE = frozenset("“„«")
CLOSING_DOUBLE = frozenset("”»")
# A straight double mark, or two apostrophes / backticks (old wire copy), is
# opening or closing only by what stands around it.
AMBIGUOUS_DOUBLE = frozenset({'"', "''", "``"})
# Any mark that can open or close a double quotation.
DOUBLE_MARK_RE = re.compile(r"''|``|[\"“”„«»]")
# Single marks: ‘ only opens; ' and ’ are far more often apostrophes (it’s, Japan’s).
SINGLE_MARK_RE = re.compile(r"[‘’']")
# Words an apostrophe starts ('em, 'til, 'cause, '90s): never an opening mark.
ELISIONS = frozenset({"em", "til", "cause", "n", "tis", "twas", "bout", "round", "s"})
# Characters after which a mark opens a quotation (space, bracket, dash, slash).
OPEN_CONTEXT = frozenset("([{—–―-/")
# Characters before which a mark closes a quotation (space, punctuation, bracket).
CLOSE_CONTEXT = frozenset(".,;:!?)]}—–―-…")
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

# Verbs of saying and writing (lemmas): they report words, as a clause or a quotation.
SPEECH_VERBS = frozenset({
    "say", "tell", "ask", "add", "write", "state", "claim", "warn", "declare", "explain",
    "note", "argue", "insist", "announce", "acknowledge", "admit", "concede", "confirm",
    "deny", "reply", "respond", "answer", "remark", "recall", "report", "reveal", "assert",
    "maintain", "contend", "caution", "stress", "emphasize", "emphasise", "complain",
    "testify", "tweet", "post", "blog", "email", "text", "joke", "quip", "boast", "brag",
    "predict", "promise", "vow", "pledge", "suggest", "mention", "observe", "comment",
    "continue", "counter", "retort", "shout", "yell", "scream", "whisper", "mutter",
    "exclaim", "proclaim", "allege", "charge", "accuse", "urge", "plead", "disclose",
    "indicate", "signal", "hint", "speculate", "wonder", "chant", "sing", "recount",
    "describe", "call", "dub", "label", "term", "brand", "point", "reiterate", "repeat",
    "echo", "tout", "elaborate", "agree", "forecast", "demand", "implore", "advise",
    "assure", "inform", "notify", "remind", "interject", "quote", "cite", "put",
})
# Verbs of thinking and finding: their clause is a view held or a finding ("X believes
# that …", "the poll shows that …"); without a clause they report nothing.
COGNITION_VERBS = frozenset({
    "believe", "think", "feel", "know", "find", "show", "fear", "worry", "hope", "expect",
    "doubt", "suspect", "assume", "understand", "learn", "realize", "realise", "recognize",
    "recognise", "decide", "determine", "conclude", "estimate", "guess", "imagine",
})
# Verbs that state a position on what they take, a thing or an infinitive: support and
# attack, proposal and refusal ("X urged Congress to act", "X condemned the test").
STANCE_VERBS = frozenset({
    "support", "oppose", "endorse", "criticize", "criticise", "praise", "condemn", "attack",
    "blast", "slam", "denounce", "accuse", "blame", "defend", "reject", "question",
    "dispute", "challenge", "mock", "ridicule", "dismiss", "applaud", "welcome", "hail",
    "laud", "commend", "thank", "propose", "demand", "urge", "encourage", "call", "promise",
    "pledge", "vow", "refuse", "decline", "threaten", "offer", "cite", "mention",
    "reference", "discuss", "describe", "detail", "highlight", "announce",
    "express", "emphasize", "emphasise", "stress", "note", "acknowledge", "admit", "deny",
    "confirm", "reveal", "disclose", "document", "echo", "repeat",
    "compare", "liken", "characterize", "characterise", "label", "dub", "brand", "tout",
    "champion", "lament", "decry", "deplore", "fault", "credit", "warn", "insist", "argue",
    "recommend", "advocate", "suggest", "predict", "ask", "tell", "claim", "tweet",
    "back", "promote", "view", "consider", "rule", "identify", "examine", "weigh", "publish",
    "refer", "speak", "talk",
})
# Naming verbs put quoted words on a thing ("called it an “impressive model”"): the
# quote is direct even when it sits inside the sentence.
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "term", "brand", "nickname", "deem"})
# Verbs of intention: with an infinitive they report a plan the subject has stated
# ("Clinton wants to triple the size of AmeriCorps", "the agency plans to release …").
INTENTION_VERBS = frozenset({
    "want", "plan", "intend", "aim", "seek", "hope", "vow", "pledge", "promise", "threaten",
    "refuse", "decline", "agree", "expect", "decide",
})
# Nouns that report what their possessor said or holds, with a "that" clause or an
# infinitive ("Trump’s claim that …", "his refusal to …", "a Times report that …").
SPEECH_NOUNS = frozenset({
    "claim", "report", "statement", "assertion", "argument", "suggestion", "warning",
    "promise", "pledge", "vow", "demand", "allegation", "accusation", "prediction",
    "announcement", "insistence", "contention", "belief", "view", "plan", "proposal",
    "decision", "refusal", "call", "threat", "admission", "denial", "pronouncement",
    "assessment", "conclusion", "finding", "estimate", "complaint", "charge", "hope",
    "determination", "acknowledgment", "acknowledgement", "missive", "effort",
})
# Speech verbs that report only a clause or a quotation: their object is no content
# ("put it", "continued the tour", "answered questions", "reported results", "recalled cars").
CLAUSE_ONLY_VERBS = frozenset({
    "put", "continue", "answer", "add", "post", "text", "read", "sing", "chant", "count",
    "report", "recall",
})
# Verbs that attribute only a quotation standing next to them ("“…,” as she put it").
QUOTE_ONLY_VERBS = frozenset({"put"})
# Reporting verbs that stay a report of their own inside someone else's words.
NESTED_KEPT_VERBS = frozenset()
# Every verb that can attribute words or a position to its subject.
CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | STANCE_VERBS | INTENTION_VERBS
# Verbs whose object is the person addressed ("told reporters", "urged Congress"): the
# object alone is not what was said.
ADDRESSEE_VERBS = frozenset({
    "tell", "ask", "urge", "encourage", "inform", "notify", "remind", "assure", "advise",
    "implore", "warn", "thank", "call", "accuse", "credit", "blame",
})
# Particles that belong to a phrasal cue ("pointed out", "called for").
CUE_PARTICLES = frozenset({"out", "up", "on", "for", "back", "in"})
# A transcript line opens with the speaker's name in capitals and a colon ("PENCE: …");
# it starts a new quotation even inside a run of quoted paragraphs.
TRANSCRIPT_LABEL_RE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}:")
# Entity types of places: a place in capitals before a colon is a dateline.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words that open a letter's salutation, which names the reader, not the writer.
SALUTATIONS = frozenset({"dear", "to", "re", "attn", "cc", "from", "subject"})
# Entity types a speaker label ("Sanders: …") can name.
LABEL_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Dashes that attribute a quote to the name after it ("“…” ― Sonya Herridge").
DASH_RE = re.compile(r"[ \t\u00a0]*(―|—|–|--|-)[ \t\u00a0]*")

# Dependency labels of a clause's subject; a passive one names the speaker only via "by".
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Parts of speech a speaker's noun phrase is made of.
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
# Labels through which a verb without its own subject shares its head's
# ("X smiled, adding that …", "X stood up and said …", "X refused, saying …").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp"})
# Labels of the clause that carries reported content under a cue verb.
CLAUSE_DEPS = frozenset({"ccomp"})
# Labels of the clause a reporting noun takes ("claim that …", "refusal to …").
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "xcomp"})
# Labels of what else a cue verb takes as its content: object, infinitive, predicate.
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative", "attr"})
# Prepositions that introduce a cue verb's content ("called for", "spoke about").
CONTENT_PREPS = frozenset({"for", "about", "on", "of", "to", "as", "against", "with"})
# Speech verbs whose "to" phrase is what they answer or point at ("responded to the ad").
ANSWER_VERBS = frozenset({"respond", "reply", "point", "refer", "agree", "object", "react", "compare", "liken"})
# Prepositions that name the audience of speech, not its content ("told to", "spoke with").
AUDIENCE_PREPS = frozenset({"to", "with"})
# Entity types that make a prepositional phrase a circumstance, not content ("on Monday").
CIRCUMSTANCE_TYPES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})
# Modifiers that stay with a noun in a speaker mention ("OpenAI CEO Sam Altman").
MENTION_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "advmod"})
# Prepositions that stay with a common noun in a mention ("director of AI governance").
MENTION_PREPS = frozenset({"of", "for", "at", "with", "from"})

# Pronouns that stand for one person, and the gender each implies.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns that stand for a group or an organisation.
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "we", "our"})
# Relative pronouns stand for the noun their clause modifies ("Trump, who called it …").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Courtesy titles before a name tell the person's gender.
GENDER_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m"}
# Entity types a pronoun or description can refer to.
PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG"})
# Head nouns of descriptions that refer back to an organisation ("the company").
ORG_NOUNS = frozenset({
    "company", "firm", "startup", "start-up", "group", "bank", "agency", "government",
    "ministry", "department", "carrier", "maker", "chipmaker", "automaker", "retailer",
    "lender", "insurer", "airline", "giant", "business", "organisation", "organization",
    "campaign", "committee", "party", "administration", "regulator", "watchdog", "office",
    "conglomerate", "developer", "manufacturer", "supplier", "operator", "publisher",
    "network", "newspaper", "paper", "outlet", "team", "club", "union", "council", "court",
    "board", "fund", "university", "institute", "foundation", "charity", "provider",
})
# Endings of such nouns ("the planemaker", "the drugmaker").
ORG_NOUN_SUFFIXES = ("maker",)
# Head nouns of descriptions that refer back to a person ("the minister said").
PERSON_NOUNS = frozenset({
    "president", "minister", "senator", "congressman", "congresswoman", "governor", "mayor",
    "chairman", "chairwoman", "chair", "chief", "ceo", "executive", "founder", "director",
    "spokesman", "spokeswoman", "spokesperson", "official", "candidate", "nominee",
    "lawmaker", "secretary", "ambassador", "economist", "analyst", "strategist",
    "investor", "manager", "professor", "author", "lawyer", "attorney", "judge", "leader",
    "representative", "adviser", "advisor", "aide", "businessman", "businesswoman",
    "billionaire", "actor", "actress", "star", "singer", "player", "coach", "general",
    "commander", "prosecutor", "commissioner", "premier", "chancellor", "king", "queen",
    "prince", "princess", "pope", "mogul", "democrat", "republican", "former", "woman", "man",
})
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
# Documents and media speak for whoever made them ("the ad questions …", "the poll
# shows …", "the ruling rejects …").
DOCUMENT_NOUNS = frozenset({
    "ad", "advertisement", "commercial", "spot", "report", "statement", "article", "poll",
    "survey", "study", "letter", "video", "footage", "clip", "tweet", "post", "book", "film",
    "documentary", "piece", "memo", "bill", "law", "document", "filing", "analysis", "paper",
    "editorial", "column", "story", "release", "transcript", "website", "page", "message",
    "email", "record", "data", "review", "audit", "lawsuit", "suit", "complaint", "ruling",
    "decision", "order", "proposal", "policy", "platform", "resolution", "brief", "treaty",
    "convention", "constitution", "agreement", "deal", "plan", "budget", "speech", "interview",
    "headline", "campaign", "program", "programme", "show", "broadcast", "network", "newspaper",
})
# Nouns for people who speak for an organisation ("its researchers", "a spokesman for X"):
# what they say is the organisation's.
SPOKES_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
    "representatives", "researchers", "engineers", "officials", "executives", "staff",
    "statement", "website", "blog", "account",
})
# Determiners that make a description definite, so it refers back.
DEFINITE_DETS = frozenset({"the", "this", "that"})
# How far back (characters) a pronoun or description looks for what it refers to.
REFERENCE_WINDOW = 2500


# ----------------------------------------------------------- quotation spans


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words between two marks; ``pieces`` are the words per paragraph."""

    open: int  # offset of the opening mark
    close: int  # offset just past the closing mark (or the paragraph end when unclosed)
    pieces: tuple[tuple[int, int], ...]
    closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: news text puts one paragraph per line."""
    bounds, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            bounds.append((start, start + len(stripped)))
        pos += len(line) + 1
    return bounds


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else " "


def can_open(text: str, i: int, width: int) -> bool:
    """A mark opens when it follows space, a bracket or a dash and precedes a word."""
    before, after = _char(text, i - 1), _char(text, i + width)
    return (before.isspace() or before in OPEN_CONTEXT or before in "\"“‘'") and not after.isspace()


def can_close(text: str, i: int, width: int) -> bool:
    """A mark closes when it follows a word or punctuation and precedes space or punctuation."""
    before, after = _char(text, i - 1), _char(text, i + width)
    return not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT or after in "\"”’'")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_with_mark(text: str, start: int, end: int) -> int:
    """Width of the double quotation mark a paragraph opens with, else 0."""
    match = DOUBLE_MARK_RE.match(text, start, end)
    if match and match.group() not in CLOSING_DOUBLE and can_open(text, start, len(match.group())):
        return len(match.group())
    return 0


def find_double_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair double marks within paragraphs; an open quote continues only into a paragraph
    that opens with a mark, otherwise it ends with its paragraph."""
    spans: list[QuoteSpan] = []
    opened: tuple[int, list[tuple[int, int]], int] | None = None  # (open mark, pieces, piece start)
    for index, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        if opened is not None:  # continuation: skip the paragraph's opening mark
            width = _opens_with_mark(text, p_start, p_end)
            opened = (opened[0], opened[1], p_start + width)
            pos = p_start + width
        for match in DOUBLE_MARK_RE.finditer(text, pos, p_end):
            i, mark = match.start(), match.group()
            width = len(mark)
            if opened is None:
                if mark in OPENING_DOUBLE or (
                    mark in CLOSING_DOUBLE and can_open(text, i, width) and not can_close(text, i, width)
                ):  # a closing shape where only an opening fits is a typo for one
                    opened = (i, [], i + width)
                elif mark in AMBIGUOUS_DOUBLE and (can_open(text, i, width) or not can_close(text, i, width)):
                    opened = (i, [], i + width)
                continue
            is_close = (
                mark in CLOSING_DOUBLE
                or (mark in AMBIGUOUS_DOUBLE and (can_close(text, i, width) or not can_open(text, i, width)))
                or (mark in OPENING_DOUBLE and can_close(text, i, width) and not can_open(text, i, width))
            )
            if is_close:
                pieces = opened[1] + [_trimmed(text, opened[2], i)]
                spans.append(QuoteSpan(opened[0], i + width, tuple(pieces)))
                opened = None
            else:  # a second opening mark: the first one was never closed
                spans.append(QuoteSpan(opened[0], i, tuple(opened[1] + [_trimmed(text, opened[2], i)]), closed=False))
                opened = (i, [], i + width)
        if opened is not None:
            piece = _trimmed(text, opened[2], p_end)
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            width = _opens_with_mark(text, *nxt) if nxt is not None else 0
            if width and not TRANSCRIPT_LABEL_RE.match(text, nxt[0] + width):
                opened = (opened[0], opened[1] + [piece], nxt[0])
            else:
                spans.append(QuoteSpan(opened[0], p_end, tuple(opened[1] + [piece]), closed=False))
                opened = None
    return [s for s in spans if any(e > b for b, e in s.pieces)]


def _single_opens(text: str, i: int) -> bool:
    if text[i] == "‘":
        return not _char(text, i + 1).isspace()
    before, after = _char(text, i - 1), _char(text, i + 1)
    if not (before.isspace() or before in OPEN_CONTEXT or before in "\"“"):
        return False
    if not after.isalpha():
        return False
    word = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
    return not (word and word.group().lower() in ELISIONS)


def _single_closes(text: str, i: int) -> bool:
    if text[i] == "‘":
        return False
    before, after = _char(text, i - 1), _char(text, i + 1)
    return not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT or after in "\"”")


def find_single_quotes(text: str, regions: Iterable[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair single marks inside ``regions`` (text outside double quotes, per paragraph);
    an opening mark with no closing one is taken for an apostrophe."""
    spans = []
    for r_start, r_end in regions:
        opened: int | None = None
        for match in SINGLE_MARK_RE.finditer(text, r_start, r_end):
            i = match.start()
            if opened is None:
                if _single_opens(text, i):
                    opened = i
            elif _single_closes(text, i) and i > opened + 1:
                spans.append(QuoteSpan(opened, i + 1, ((opened + 1, i),)))
                opened = None
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation of ``text`` in order (marks inside quotes are nested)."""
    paragraphs = paragraph_bounds(text)
    doubles = find_double_quotes(text, paragraphs)
    regions, d = [], 0
    for p_start, p_end in paragraphs:
        pos = p_start
        while d < len(doubles) and doubles[d].open < p_end:
            if doubles[d].open > pos:
                regions.append((pos, doubles[d].open))
            pos = max(pos, doubles[d].close)
            if doubles[d].close > p_end:
                break
            d += 1
        if pos < p_end:
            regions.append((pos, p_end))
    spans = doubles + find_single_quotes(text, regions)
    return sorted(spans, key=lambda s: s.open)


# ------------------------------------------------------------- the context


@dataclass
class Attribution:
    """Who a piece of speech is attributed to, and through which words."""

    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    speaker: EntityRef | None = None
    cue_token: int | None = None
    end: int = 0  # where the attributed words end


@dataclass
class _Context:
    """One article's parse with the look-ups the rules share."""

    doc: Doc
    entities: ArticleEntities
    spans: list[QuoteSpan]
    paragraphs: list[tuple[int, int]]
    text: str = ""
    token_starts: list[int] = field(default_factory=list)
    quoted_chars: list[tuple[int, int]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.text or doc_text(self.doc)
        self.token_starts = token_starts(self.doc)
        self.quoted_chars = [(s.open, s.close) for s in self.spans]
        self._quoted_starts = [s.open for s in self.spans]
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self.genders = _title_genders(self.doc, self.entities)
        self._sentence_starts = sentence_starts(self.doc)

    def token_at(self, char: int) -> int:
        """Index of the token that contains (or first follows) ``char``."""
        i = bisect_right(self.token_starts, char) - 1
        if i >= 0 and char < self.token_starts[i] + len(token_texts(self.doc)[i]):
            return i
        return min(i + 1, len(self.doc) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        return range(bisect_left(self.token_starts, start), bisect_left(self.token_starts, end))

    def quoted(self, char: int) -> bool:
        """True when ``char`` lies inside quotation marks."""
        i = bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and char < self.quoted_chars[i][1]

    def sentence_of(self, token: int) -> int:
        """Index of the first token of the sentence that holds ``token``."""
        return self._sentence_starts[max(bisect_right(self._sentence_starts, token) - 1, 0)]

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._paragraph_starts, char) - 1, 0)


def _title_genders(doc: Doc, entities: ArticleEntities) -> dict[str, str]:
    """Gender of people the text names with a courtesy title ("Mr. Kamin")."""
    genders: dict[str, str] = {}
    starts = {idx: i for i, idx in enumerate(token_starts(doc))}
    for entity in entities.entities:
        if entity.type not in PERSON_TYPES:
            continue
        for mention in entity.mentions:
            i = starts.get(mention.start)
            if i is None or i == 0:
                continue
            title = doc[i - 1].lower_.rstrip(".")
            if title in GENDER_TITLES:
                genders.setdefault(entity.id, GENDER_TITLES[title])
    return genders


# ------------------------------------------------------------------ cues


def is_cue(token: Token, verbs: frozenset[str] = CUE_VERBS, nouns: bool = True) -> bool:
    """A cue verb (said, told, asks, urged …), the "according" of "according to", or
    (with ``nouns``) a reporting noun with its holder ("Trump’s claim")."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    lemma = verb_lemma(token)
    if token.pos_ == "NOUN":
        if misread_verb(token) is not None:
            return lemma in verbs
        return nouns and lemma in SPEECH_NOUNS and noun_holder(token) is not None
    return lemma in verbs and lemma != "be" and (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer cut a past form too short
    ("hoped" → "hop" is "hope")."""
    lemma = token.lemma_.lower()
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed") and lemma == word[:-2] and lemma + "e" in CUE_VERBS:
        return lemma + "e"
    return lemma


def misread_verb(token: Token) -> Token | None:
    """For "Trump claims that …" tagged as a noun compound ("Trump claims" like "tax
    claims") with a clause after it: the name the tagger took for a modifier, which is
    the verb's subject; else None."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.lemma_.lower() not in CUE_VERBS:
        return None
    if not any(c.dep_ in ("acl", "relcl", "ccomp", "xcomp") and c.i > token.i for c in token.children):
        return None
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def noun_holder(noun: Token) -> Token | None:
    """Whose claim, report or plan a reporting noun is: its possessor, or "by/from X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_speech_cue(token: Token) -> bool:
    """A cue that can attribute a quotation standing next to it ("“…,” she said")."""
    return is_cue(token, SPEECH_VERBS | COGNITION_VERBS, nouns=False)


def cue_span(token: Token) -> tuple[int, int]:
    """Characters of the cue: the verb with its particle, or "according to"."""
    end_token = token
    if token.lower_ == "according":
        end_token = token.nbor()
    else:
        for child in token.rights:
            if child.dep_ == "prt" and child.i == token.i + 1 and child.lower_ in CUE_PARTICLES:
                end_token = child
    return token.idx, end_token.idx + len(end_token.text)


def _quote_tokens(ctx: _Context, span: QuoteSpan) -> range:
    return ctx.tokens_between(span.open, span.close)


def governing_cue(ctx: _Context, span: QuoteSpan) -> Token | None:
    """The nearest cue above the quote in the parse ("described the model as “…”")."""
    inside = _quote_tokens(ctx, span)
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


def after_frame(ctx: _Context, span: QuoteSpan, limit: int) -> list[Token]:
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


def before_frame(ctx: _Context, span: QuoteSpan, limit: int) -> list[Token]:
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


def _words(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct and not t.is_space]


def continues_into_attribution(ctx: _Context, span: QuoteSpan, after: Sequence[Token]) -> bool:
    """The sentence goes on after the quote (“…,” she said), so words there can attribute it."""
    if not _words(after):
        return False
    last = ctx.text[span.end - 1] if span.end > span.start else ""
    first = after[0]
    return last in CONTINUING_END or first.text in ",—–-" or first.text[:1].islower()


def introduces_quote(ctx: _Context, before: Sequence[Token]) -> bool:
    """The words before end the way an introduction does: "she said:", "told Reuters,"."""
    if not before:
        return False
    last = before[-1]
    return last.text in (":", ",", "—", "–") or last.lower_ in INTRODUCING_WORDS or is_speech_cue(last)


# ------------------------------------------------------------- speakers


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue: its subject, the agent of a passive, the object of
    "according to", or the subject it shares with the verb it hangs from."""
    if cue.lower_ == "according":
        to = cue.nbor()
        for child in list(to.children) + list(cue.children):
            if child.dep_ == "pobj":
                return child
        return None
    if cue.pos_ == "NOUN":
        return misread_verb(cue) or noun_holder(cue)
    token, hops = cue, 0
    while hops < 4:
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.tag_ != "EX"]
        if subjects:  # "which the company claims …": the company, not the relative pronoun
            named = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS]
            return (named or subjects)[0]
        for child in token.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.children):
            return None
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head.i == token.i:
            return None
        if _crosses_paragraph(token, token.head):
            return None
        if token.dep_ == "ccomp" and token is not cue:
            return None
        token, hops = token.head, hops + 1
    return None


def can_speak(ctx: _Context, head: Token) -> bool:
    """A speaker is a noun or pronoun outside the quotation marks, not a time or number."""
    if ctx.quoted(head.idx) or not any(c.isalpha() for c in head.text):
        return False
    if head.pos_ not in ("PROPN", "PRON", "NOUN") and not head.ent_type_:
        return False
    return head.ent_type_ not in ("TIME", "DATE", "MONEY", "QUANTITY", "ORDINAL")


def _crosses_paragraph(a: Token, b: Token) -> bool:
    """The parse joined words of two paragraphs (a sentence end the tokenizer missed)."""
    start, end = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[start:end])


def speaker_near(cue: Token, frame: Sequence[Token]) -> Token | None:
    """When the parse gave the cue no subject, the name next to it in the words beside the
    quote: right after an inverted cue (“…,” said Kei Okamura) or before it (“…,” Rep.
    Elijah E. Cummings (D-Md.) said)."""
    words = [t for t in frame if not t.is_punct or t.text in ",()"]
    if not words:
        return None
    if cue is words[0]:
        for token in words[1:7]:
            if token.pos_ in ("PROPN", "PRON", "NOUN") and token.dep_ not in ("pobj", "npadvmod"):
                return _name_head(token)
            if token.pos_ in ("ADP", "VERB") or token.text in (",", "."):
                break
        return None
    run: list[Token] = []
    depth = 0
    for token in (t for t in words if t.i < cue.i):  # the first noun phrase outside brackets
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif token.pos_ in NOMINAL_POS or token.is_title:
            run.append(token)
        elif run or token.pos_ in ("VERB", "ADP"):
            break
    nouns = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title]
    return nouns[-1] if nouns else None


def _name_head(token: Token) -> Token:
    """The last word of the name a word starts ("Chuck" → "Jordan" in "Chuck Jordan")."""
    doc = token.doc
    while True:
        if token.dep_ in ("compound", "flat") and 0 < token.head.i - token.i <= 3:
            token = token.head
        elif token.pos_ == "PROPN" and token.whitespace_ and token.i + 1 < len(doc) and token.nbor().pos_ == "PROPN":
            token = token.nbor()
        else:
            return token


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase a speaker head stands in."""
    if head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return mention_bounds(child)
    start = head.i
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.i != end:
            break
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "prep" and child.lower_ in MENTION_PREPS and head.pos_ == "NOUN"
        ):
            end = child.right_edge.i + 1
        else:
            break
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):  # a mention stays in its paragraph
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            end = i
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def last_entity_before(
    ctx: _Context, pos: int, types: frozenset[str], gender: str | None = None
) -> LocalEntity | None:
    """The entity of ``types`` a pronoun or description at ``pos`` refers to: the nearest
    sentence (in this paragraph or the one before) that mentions one outside quotation
    marks gives it; within that sentence the subject wins, then the mention highest in
    the parse, then the last one."""
    horizon = ctx.paragraphs[max(ctx.paragraph_of(pos) - 1, 0)][0] if ctx.paragraphs else 0
    best: tuple[tuple[int, int, int], LocalEntity] | None = None
    sentence_start = None
    for mention, entity in reversed(ctx.entities.mentions_in(max(0, pos - REFERENCE_WINDOW), pos)):
        if entity.type not in types or ctx.quoted(mention.start):
            continue
        known = ctx.genders.get(entity.id)
        if gender and known and known != gender:
            continue
        token = ctx.doc[ctx.token_at(max(mention.end - 1, mention.start))]
        start = ctx.sentence_of(token.i)
        if sentence_start is not None and start != sentence_start:
            break  # a nearer sentence already offered a candidate
        if mention.start < horizon and best is None:
            return entity  # nothing nearer: the last mention before the paragraph
        sentence_start = start
        rank = (is_subject(token), -_depth(token), mention.start)
        if best is None or rank > best[0]:
            best = (rank, entity)
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
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _titled_person(ctx: _Context, head: Token) -> LocalEntity | None:
    """"OpenAI CEO and ChatGPT creator Sam Altman": a title the parser made the head
    stands for the person it is joined to, not for the organisation beside it."""
    if head.lower_ not in JOB_TITLES:
        return None
    for other in [*head.conjuncts, *(c for c in head.children if c.dep_ == "appos")]:
        entity = ctx.entities.at(other.idx, other.idx + len(other.text))
        if entity is not None and entity.type == "PERSON":
            return entity
    return None


def _named_entity(ctx: _Context, head: Token, bounds: tuple[int, int]) -> LocalEntity | None:
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


def resolve_speaker(ctx: _Context, head: Token, bounds: tuple[int, int]) -> EntityRef | None:
    """The entity a speaker mention refers to, or None when the text does not say."""
    word = head.lower_
    if word in PERSON_PRONOUNS:
        gender = PERSON_PRONOUNS[word]
        entity = last_entity_before(ctx, head.idx, PERSON_TYPES, gender)
        if entity is not None:
            ctx.genders.setdefault(entity.id, gender)
        return entity.ref() if entity else None
    if word in GROUP_PRONOUNS:
        entity = last_entity_before(ctx, head.idx, GROUP_TYPES)
        return entity.ref() if entity and word not in ("we", "our") else None
    if word in RELATIVE_PRONOUNS and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
        antecedent = head.head.head
        return resolve_speaker(ctx, antecedent, _char_bounds(ctx.doc, *mention_bounds(antecedent)))
    if head.pos_ == "PRON":
        return None
    if head.pos_ == "PROPN" or head.ent_type_:
        entity = _named_entity(ctx, head, bounds)
        return entity.ref() if entity else None
    return resolve_description(ctx, head, bounds)


def resolve_description(ctx: _Context, head: Token, bounds: tuple[int, int]) -> EntityRef | None:
    """"the company" → the last organisation; "the minister" → the last person;
    "its researchers" / "a spokesman for X" → the organisation they speak for."""
    word = head.lower_
    if word in SPOKES_NOUNS or head.lemma_.lower() in SPOKES_NOUNS:
        for child in head.children:
            if child.dep_ == "poss":
                if child.lower_ in ("its", "their"):
                    entity = last_entity_before(ctx, child.idx, GROUP_TYPES)
                    return entity.ref() if entity else None
                entity = ctx.entities.at(child.idx, child.idx + len(child.text))
                return entity.ref() if entity else None
            if child.dep_ == "prep" and child.lower_ in ("for", "at", "of"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    entity = ctx.entities.at(*_char_bounds(ctx.doc, *mention_bounds(objects[0])))
                    return entity.ref() if entity and entity.type in GROUP_TYPES else None
        return None
    determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
    if not determiners & DEFINITE_DETS:
        return None
    lemma = head.lemma_.lower()
    if word in ORG_NOUNS or lemma in ORG_NOUNS or lemma.endswith(ORG_NOUN_SUFFIXES):
        entity = last_entity_before(ctx, bounds[0], GROUP_TYPES)
    elif word in PERSON_NOUNS or lemma in PERSON_NOUNS:
        entity = last_entity_before(ctx, bounds[0], PERSON_TYPES)
    else:
        entity = None
    return entity.ref() if entity else None


def holds_positions(ctx: _Context, cue: Token, attribution: Attribution) -> bool:
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
    holders = PERSON_NOUNS | ORG_NOUNS | SPOKES_NOUNS | PEOPLE_NOUNS | DOCUMENT_NOUNS
    return lemma in holders or lemma.endswith(ORG_NOUN_SUFFIXES)


def attribute_cue(ctx: _Context, cue: Token, frame: Sequence[Token] = ()) -> Attribution:
    """Speaker mention and entity behind a cue."""
    head = subject_of(cue)
    if head is not None and (not can_speak(ctx, head) or _crosses_paragraph(head, cue)):
        head = None
    if head is None and frame:
        head = speaker_near(cue, frame)
        if head is not None and not can_speak(ctx, head):
            head = None
    attribution = Attribution(cue=cue_span(cue), cue_token=cue.i)
    if head is None:
        return attribution
    if head.pos_ == "NOUN":  # "Dataiku’s director of AI governance, Jacob Beswick"
        head = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), head)
    bounds = mention_bounds(head)
    chars = _char_bounds(ctx.doc, *bounds)
    attribution.mention = chars
    attribution.speaker = resolve_speaker(ctx, head, chars)
    return attribution


# ----------------------------------------------------- attributing a quotation


def name_run(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Token range of a leading personal or organisation name ("Sonya Herridge", "PENCE")."""
    words = [t for t in tokens if not t.is_space]
    run = []
    for token in words:
        if token.pos_ == "PROPN" or (token.is_title and token.is_alpha) or (token.is_upper and token.is_alpha):
            run.append(token)
        elif run and token.text == "." and len(run[-1].text) == 1:
            run.append(token)
        else:
            break
    if not run or len(run) > 6:
        return None
    return run[0].i, run[-1].i + 1


def attribute_by_punctuation(
    ctx: _Context, span: QuoteSpan, before: Sequence[Token], after: Sequence[Token]
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


def _name_attribution(ctx: _Context, cue: tuple[int, int], bounds: tuple[int, int]) -> Attribution:
    chars = _char_bounds(ctx.doc, *bounds)
    entity = ctx.entities.at(*chars) or ctx.entities.by_name(ctx.text[chars[0] : chars[1]])
    return Attribution(cue=cue, mention=chars, speaker=entity.ref() if entity else None)


def frames(ctx: _Context, span: QuoteSpan, index: int) -> tuple[list[Token], list[Token]]:
    """The words after and before a quotation, within its sentence and its neighbours."""
    nxt = ctx.spans[index + 1].open if index + 1 < len(ctx.spans) else len(ctx.text)
    prev = ctx.spans[index - 1].close if index > 0 else 0
    return after_frame(ctx, span, nxt), before_frame(ctx, span, prev)


def is_title(ctx: _Context, span: QuoteSpan, index: int) -> bool:
    """A title or name in quotation marks inside a sentence (on Fox News’s “Fox and
    Friends”): a few capitalised words after a preposition, article or possessive."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quoted_words(ctx.text, span))
    if not words or len(words) > TITLE_WORDS:
        return False
    if not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    before = _words(frames(ctx, span, index)[1])
    return bool(before) and (before[-1].pos_ in ("ADP", "DET") or before[-1].tag_ == "POS" or before[-1].dep_ == "poss")


def attribute_direct(ctx: _Context, span: QuoteSpan, index: int) -> Attribution | None:
    """Attribution of one quotation from the parse and the words either side of it."""
    after, before = frames(ctx, span, index)
    cue = governing_cue(ctx, span)
    if cue is not None:
        frame = after if cue.idx >= span.close else before
        return attribute_cue(ctx, cue, frame)
    words_before = _words(before)
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
    return attribute_by_punctuation(ctx, span, before, after)


def introduced_by_paragraph(ctx: _Context, span: QuoteSpan, before: Sequence[Token]) -> Token | None:
    """The cue of a paragraph that ends with a colon ("He said:") when the quotation
    opens the next one."""
    if _words(before):
        return None
    here = ctx.paragraph_of(span.open)
    if here == 0 or ctx.paragraphs[here][0] != span.open:
        return None
    p_start, p_end = ctx.paragraphs[here - 1]
    if ctx.text[p_end - 1] != ":":
        return None
    for i in reversed(ctx.tokens_between(p_start, p_end)):
        token = ctx.doc[i]
        if is_speech_cue(token) and not ctx.quoted(token.idx):
            return token
    return None


def embedding_clause(ctx: _Context, cue: Token, span: QuoteSpan) -> tuple[int, int] | None:
    """Characters of the cue's complement when the quote is only part of it ("blasted the
    panel for calling the deal “partial”"): that content is reported, with a quoted part.
    None when the quote is the complement itself, or the cue names something with it."""
    if verb_lemma(cue) in NAMING_VERBS or cue.lower_ == "according" or cue.idx > span.open:
        return None
    words = [i for i in _quote_tokens(ctx, span) if not _is_mark(ctx.doc[i])]
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
    start = rights[0].left_edge.i
    lead = [t for t in ctx.doc[start:first] if not t.is_punct and t.lower_ != "that" and not _is_mark(t)]
    if not lead:
        return None
    begin = ctx.doc[start].idx
    end = max(holder.right_edge.idx + len(holder.right_edge.text), span.close)
    p_start, p_end = ctx.paragraphs[ctx.paragraph_of(span.open)]
    begin, end = max(begin, p_start), min(end, p_end)
    while end > begin and ctx.text[end - 1] in " .,;:":
        end -= 1
    return begin, end


def opens_sentence(ctx: _Context, span: QuoteSpan, index: int) -> bool:
    """The quote begins its sentence, and is more than a phrase the sentence goes on about."""
    after, before = frames(ctx, span, index)
    if _words(before):
        return False
    after = _words(after)
    if not after:
        return True
    long_enough = len(re.findall(r"\w+", ctx.text[span.start : span.end])) >= CONTINUING_QUOTE_WORDS
    return long_enough and not any(is_speech_cue(t) for t in after)


# ---------------------------------------------------------- speaker labels


@dataclass
class Labelled:
    """A paragraph that opens with a speaker's name and a colon ("PENCE: Well, look …")."""

    attribution: Attribution
    content: tuple[int, int]
    transcript: bool
    mark: int | None = None  # the quotation mark the paragraph opens with, if any


def find_speaker_labels(ctx: _Context) -> list[Labelled]:
    """Paragraphs that a name and a colon open (after a quotation mark, maybe): transcript
    lines when names in capitals open at least two paragraphs (the interview convention;
    a place in capitals is a dateline), else headline-style summaries ("Sanders: …") when
    the name is a known person or group."""
    out = []
    for p_start, p_end in ctx.paragraphs:
        lead = _opens_with_mark(ctx.text, p_start, p_end)
        colon = ctx.text.find(":", p_start + lead, min(p_end, p_start + 60))
        if colon < 0 or colon + 2 >= p_end:
            continue
        tokens = [ctx.doc[i] for i in ctx.tokens_between(p_start + lead, colon)]
        bounds = name_run(tokens)
        if not tokens or bounds is None or bounds != (tokens[0].i, tokens[-1].i + 1):
            continue
        if any(t.ent_type_ in PLACE_TYPES for t in tokens) or tokens[0].lower_ in SALUTATIONS:
            continue  # "NEW DELHI: …" is a dateline, "DEAR ABBY: …" the person written to
        chars = _char_bounds(ctx.doc, *bounds)
        label = ctx.text[chars[0] : chars[1]]
        entity = _label_entity(ctx, chars)
        transcript = label.isupper() and len(label) > 1
        if entity is not None and entity.type not in LABEL_TYPES:
            continue
        if entity is None and not transcript:
            continue
        start, end = _trimmed(ctx.text, colon + 1, p_end)
        if lead and end > start and ctx.text[end - 1] in "\"”'":
            end -= 1
        attribution = Attribution(cue=(colon, colon + 1), mention=chars, speaker=entity.ref() if entity else None)
        out.append(Labelled(attribution, (start, end), transcript, p_start if lead else None))
    if sum(labelled.transcript for labelled in out) < 2:
        out = [labelled for labelled in out if not labelled.transcript]
    return out


def _label_entity(ctx: _Context, chars: tuple[int, int]) -> LocalEntity | None:
    """The entity a speaker label names: one with a mention inside the label covering most
    of it, or one known by the label's words."""
    size = chars[1] - chars[0]
    for mention, entity in ctx.entities.mentions_in(*chars):
        if (mention.end - mention.start) * 2 >= size:
            return entity
    return ctx.entities.by_name(ctx.text[chars[0] : chars[1]])


# -------------------------------------------------------- reported speech


@dataclass
class Reported:
    """A reporting verb with its content clause (character span)."""

    cue: Token
    content: tuple[int, int]
    gap: tuple[int, int] | None = None  # the attribution inside the content ("X, he said, Y")

    def words(self, text: str) -> str:
        """The content's words, without an attribution that sits inside them."""
        start, end = self.content
        if self.gap is None:
            return text[start:end]
        return (text[start : self.gap[0]].rstrip(" ,—–") + " " + text[self.gap[1] : end].lstrip(" ,—–")).strip()


def content_of(cue: Token) -> tuple[int, int] | None:
    """Token range [start, end) of what a cue reports, or None: the clause after "according
    to X", a verb's clausal complement, else (for speech and stance verbs) its object,
    infinitive or prepositional content."""
    if cue.lower_ == "according":
        return _according_content(cue)
    if cue.pos_ == "NOUN":
        return noun_content(cue)
    lemma = verb_lemma(cue)
    clauses = [c for c in cue.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        child = clauses[0]
        # clauses on the same side form one content ("that its model, launched …, was trained …")
        last = [c for c in clauses if (c.i > cue.i) == (child.i > cue.i)][-1]
        start, end = child.left_edge.i, last.right_edge.i + 1
        if start <= cue.i < end:  # a misparse that puts the cue inside its own clause
            start = max(start, cue.i + 1)
            for subject in cue.children:
                if subject.dep_ in SUBJECT_DEPS and subject.i > cue.i:
                    start = max(start, subject.right_edge.i + 1)
        if child.i < cue.i:  # "…, X said": the clause stops before the speaker
            later = [c.left_edge.i for c in cue.children if c.i > last.right_edge.i]
            end = min([end, cue.i, *later])
        return (start, end) if end > start else None
    if cue.dep_ == "relcl" and cue.i + 1 < len(cue.doc):
        nxt = cue.nbor()
        if nxt.lower_ == "that" and nxt.i + 1 < len(cue.doc):
            nxt = nxt.nbor()
        if nxt.tag_ in ("VBZ", "VBD", "VBP", "MD") and nxt.head.i != cue.i:
            right = [t.i for t in nxt.subtree if t.i >= nxt.i]
            return nxt.i, max(right) + 1
    if lemma in INTENTION_VERBS and lemma not in SPEECH_VERBS | STANCE_VERBS:
        xcomps = [c for c in cue.rights if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        return (xcomps[0].left_edge.i, xcomps[0].right_edge.i + 1) if xcomps else None
    if lemma in COGNITION_VERBS and lemma not in SPEECH_VERBS | STANCE_VERBS or lemma in CLAUSE_ONLY_VERBS:
        return None
    passive = [c for c in cue.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if passive and any(c.dep_ == "agent" for c in cue.children) and lemma in STANCE_VERBS:
        return passive[0].left_edge.i, passive[0].right_edge.i + 1  # "X was criticized by Y"
    parts = [c for c in cue.rights if is_content_child(c)]
    if lemma in (SPEECH_VERBS | {"speak", "talk"}) - ANSWER_VERBS:  # "spoke to reporters": the audience
        parts = [c for c in parts if not (c.dep_ == "prep" and c.lower_ in AUDIENCE_PREPS)]
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.i > cue.i:  # inverted "asks Beswick, …"
        parts = [c for c in parts if c.i > subject.right_edge.i]
    if not parts:
        return None
    if lemma in ADDRESSEE_VERBS and not any(c.dep_ in ("xcomp", "oprd", "prep") for c in parts):
        return None  # "told reporters": the person addressed, not what was said
    return parts[0].left_edge.i, parts[-1].right_edge.i + 1


def noun_content(cue: Token) -> tuple[int, int] | None:
    """What a reporting noun reports: its clause ("claim that …", "refusal to …")."""
    clauses = [c for c in cue.rights if c.dep_ in NOUN_CONTENT_DEPS and c.pos_ in ("VERB", "AUX")]
    if misread_verb(cue) is not None:
        clauses = [c for c in cue.rights if c.dep_ in ("acl", "relcl", "ccomp", "xcomp")]
    if clauses:
        return clauses[0].left_edge.i, clauses[-1].right_edge.i + 1
    return None


def is_content_child(child: Token) -> bool:
    """An object, infinitive or "for/about/on …" phrase of a cue verb (not "on Monday")."""
    if child.dep_ in COMPLEMENT_DEPS:
        return child.ent_type_ not in ("DATE", "TIME") and not child.is_punct
    if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return bool(objects) and all(o.ent_type_ not in CIRCUMSTANCE_TYPES for o in objects)
    return False


def _between_commas(cue: Token) -> bool:
    """The cue's clause is set off by commas inside another sentence ("X, he said, Y")."""
    doc = cue.doc
    left, right = cue.left_edge.i, cue.right_edge.i
    return 0 < left and right + 1 < len(doc) and doc[left - 1].text == "," and doc[right + 1].text == "," or (
        right + 1 < len(doc) and doc[right].text == "," and 0 < left and doc[left - 1].text == ","
    )


def parenthetical_content(cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """For "Acts of protest, Mr. Obama said, are acts of patriotism": the sentence the
    attribution interrupts, and the attribution itself as the gap in it."""
    head = cue.head
    if head.i == cue.i or subject_of(cue) is None:
        return None, None
    gap = (cue.left_edge.i, cue.right_edge.i + 1)
    tokens = [t.i for t in head.subtree if not gap[0] <= t.i < gap[1]]
    if len(tokens) < 3:
        return None, None
    start, end = min(tokens), max(tokens) + 1
    if not start < gap[0] or not gap[1] < end:
        return None, None
    return (start, end), gap


def preceding_content(ctx: _Context, cue: Token) -> tuple[int, int] | None:
    """For "…, X said." whose clause the parse put elsewhere: the words from the start of
    the sentence to the comma before the attribution."""
    subject = subject_of(cue)
    if subject is None or subject.i > cue.i + 3:
        return None
    first = min(cue.i, subject.left_edge.i)
    doc = ctx.doc
    if first == 0 or doc[first - 1].text not in (",", "—", "–"):
        return None
    rest = doc[cue.i + 1 : min(len(doc), cue.i + 12)]
    for token in rest:
        if token.text in SENTENCE_END or "\n" in token.text:
            break
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod",):
            return None  # the sentence goes on: not a trailing attribution
    comma = first - 1
    start = comma
    while start > 0:
        prev = doc[start - 1]
        if prev.text in SENTENCE_END or "\n" in prev.text or "\n" in prev.whitespace_ or _is_mark(prev):
            break
        start -= 1
    if comma - start < 3:
        return None
    return start, comma


def _according_content(cue: Token) -> tuple[int, int] | None:
    clause = cue.head
    if clause.i == cue.i:
        return None
    skip = set(range(cue.left_edge.i, cue.right_edge.i + 1))
    tokens = [t.i for t in clause.subtree if t.i not in skip]
    tokens = [i for i in tokens if not (cue.doc[i].is_punct and (i + 1 in skip or i - 1 in skip))]
    return (min(tokens), max(tokens) + 1) if tokens else None


_ACCORDING = hash_string("according")
# Lemma hash -> whether a token with that lemma can be a cue at all (see _possible_cues).
_CUE_LEMMAS: dict[int, bool] = {}


def _possible_cues(doc: Doc) -> list[Token]:
    """The tokens whose lemma or word could make them a cue, found from the doc's
    arrays: building a Token for every word is most of the cost of a full scan."""
    if not len(doc):
        return []
    array = doc.to_array([LEMMA, LOWER])
    cue_lemmas = [lemma for lemma in numpy.unique(array[:, 0]).tolist() if _is_cue_lemma(doc, lemma)]
    found = numpy.isin(array[:, 0], cue_lemmas) | (array[:, 1] == _ACCORDING)
    return [doc[i] for i in numpy.flatnonzero(found).tolist()]


def _is_cue_lemma(doc: Doc, lemma: int) -> bool:
    possible = _CUE_LEMMAS.get(lemma)
    if possible is None:
        word = doc.vocab.strings[lemma].lower()
        possible = _CUE_LEMMAS[lemma] = word in CUE_VERBS or word in SPEECH_NOUNS or word + "e" in CUE_VERBS
    return possible


def find_reported(ctx: _Context) -> list[Reported]:
    """Every reporting verb outside quotation marks with the clause it reports."""
    out = []
    for token in _possible_cues(ctx.doc):
        if ctx.quoted(token.idx):
            continue
        if not is_cue(token) or verb_lemma(token) in QUOTE_ONLY_VERBS:
            continue
        if token.dep_ == "xcomp" and is_cue(token.head) and content_of(token.head) is not None:
            continue  # "refused to endorse Trump": one position, reported by the outer verb
        bounds, gap = content_of(token), None
        if bounds is None and verb_lemma(token) in SPEECH_VERBS | COGNITION_VERBS:
            if token.dep_ == "parataxis" or _between_commas(token):
                bounds, gap = parenthetical_content(token)
            else:
                bounds = preceding_content(ctx, token)
        if bounds is None:
            continue
        start, end = bounds
        doc = ctx.doc
        while start < end and (doc[start].is_punct or doc[start].is_space) and not _is_mark(doc[start]):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _is_mark(doc[end - 1]):
            end -= 1
        if end <= start:
            continue
        chars = _char_bounds(doc, start, end)
        p_start, p_end = ctx.paragraphs[ctx.paragraph_of(token.idx)]
        chars = (max(chars[0], p_start), min(chars[1], p_end))
        if gap is not None:
            gap = _char_bounds(doc, *gap)
            if not (chars[0] < gap[0] and gap[1] < chars[1]):
                gap = None
        if chars[1] > chars[0]:
            out.append(Reported(token, chars, gap))
    return drop_nested(out)


def drop_nested(found: list[Reported]) -> list[Reported]:
    """Positions reported inside what someone said ("a source said [an aide decided to …]")
    belong to that report, not to a report of their own."""
    outer = [r for r in found if r.cue.lower_ == "according" or verb_lemma(r.cue) in SPEECH_VERBS | COGNITION_VERBS]
    kept = []
    for r in found:
        nested = verb_lemma(r.cue) not in NESTED_KEPT_VERBS and any(
            o is not r and o.content[0] <= r.cue.idx < o.content[1] for o in outer
        )
        if not nested:
            kept.append(r)
    return kept


def _is_mark(token: Token) -> bool:
    return bool(DOUBLE_MARK_RE.fullmatch(token.text) or token.text in ("‘", "’", "'"))


def residue_words(text: str, start: int, end: int, spans: Sequence[QuoteSpan]) -> int:
    """Words of [start, end) outside the given quotations, leading "that" aside."""
    pieces, pos = [], start
    for span in spans:
        pieces.append(text[pos : max(pos, span.open)])
        pos = max(pos, span.close)
    pieces.append(text[pos:end])
    words = re.findall(r"\w+", " ".join(pieces))
    if words and words[0].lower() == "that":
        words = words[1:]
    return len(words)


# ------------------------------------------------------------- assembly


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable id of a quote from where it sits."""
    return "q_" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def _span(text: str, bounds: tuple[int, int] | None) -> Span | None:
    if bounds is None:
        return None
    return Span(text=text[bounds[0] : bounds[1]], start=bounds[0], end=bounds[1])


def make_quote(
    ctx: _Context, article_id: str, start: int, end: int, kind: str, words: str, attribution: Attribution
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


def quoted_words(text: str, span: QuoteSpan) -> str:
    """The quoted words without marks; paragraphs of a long quote keep their line breaks."""
    out = text[span.pieces[0][0] : span.pieces[0][1]]
    for (_, prev_end), (start, end) in zip(span.pieces, span.pieces[1:], strict=False):
        gap = text[prev_end:start]
        out += "\n" * max(gap.count("\n"), 1) + text[start:end]
    return out


def _mostly_within(span: QuoteSpan, bounds: tuple[int, int]) -> bool:
    """Most of the quotation's words lie in ``bounds`` (a clause may stop short of a
    final full stop or begin after an opening mark)."""
    inner = sum(e - b for b, e in span.pieces)
    shared = sum(max(0, min(e, bounds[1]) - max(b, bounds[0])) for b, e in span.pieces)
    return inner > 0 and shared >= inner - 2


@dataclass
class _Records:
    """Quotes found so far, and what the later passes must know about the quotations."""

    article_id: str
    quotes: list[Quote] = field(default_factory=list)
    absorbed: set[int] = field(default_factory=set)  # quotations inside a mixed record
    cues: dict[int, Token] = field(default_factory=dict)  # quotations a reported clause attributes

    def add(self, ctx: _Context, start: int, end: int, kind: str, words: str, attribution: Attribution) -> None:
        self.quotes.append(make_quote(ctx, self.article_id, start, end, kind, words, attribution))


def extract_quotes(doc: Doc, article_id: str, entities: ArticleEntities) -> list[Quote]:
    """Direct, indirect and mixed quotes of one parsed article, sorted by start."""
    text = doc_text(doc)
    spans = find_quote_spans(text)
    ctx = _Context(doc=doc, entities=entities, spans=spans, paragraphs=paragraph_bounds(text), text=text)
    records = _Records(article_id)
    # Speaker labels and reported speech first: their content decides whether a
    # quotation inside it is part of a mixed record or is attributed by their cue.
    add_labelled(ctx, records)
    add_reported(ctx, records)
    add_direct(ctx, records)
    unique = {quote.id: quote for quote in records.quotes}
    return sorted(unique.values(), key=lambda q: (q.start, q.end))


def add_labelled(ctx: _Context, records: _Records) -> None:
    """Transcript lines and "Name: …" paragraphs."""
    text, spans = ctx.text, ctx.spans
    for labelled in find_speaker_labels(ctx):
        start, end = labelled.content
        inside = [i for i, s in enumerate(spans) if _mostly_within(s, labelled.content) or s.open == labelled.mark]
        if labelled.mark is None and len(inside) == 1 and residue_words(text, start, end, [spans[inside[0]]]) == 0:
            continue  # "PENCE: “…”": the quotation itself, attributed with the others
        if labelled.transcript:
            kind = "direct"
        else:
            kind = "mixed" if inside else "indirect"
        records.absorbed.update(inside)
        records.add(ctx, start, end, kind, text[start:end], labelled.attribution)


def add_reported(ctx: _Context, records: _Records) -> None:
    """Reported speech; a clause that is only a quotation hands its cue to the quotation."""
    text, spans = ctx.text, ctx.spans
    for reported in find_reported(ctx):
        start, end = reported.content
        if verb_lemma(reported.cue) in NAMING_VERBS and any(s.open < end and s.close > start for s in spans):
            continue  # "called it an “impressive model”": a direct quote, found with the others
        inside = [i for i, s in enumerate(spans) if _mostly_within(s, reported.content)]
        crossing = [i for i, s in enumerate(spans) if s.open < end and s.close > start and i not in inside]
        if crossing or (inside and residue_words(text, start, end, [spans[i] for i in inside]) == 0):
            for i in crossing + inside:  # the quotation is what was said: it keeps its marks
                records.cues.setdefault(i, reported.cue)
            continue
        attribution = attribute_cue(ctx, reported.cue)
        if attribution.mention is None and reported.cue.lower_ != "according":
            continue
        stance = verb_lemma(reported.cue) not in SPEECH_VERBS | COGNITION_VERBS
        if stance and not holds_positions(ctx, reported.cue, attribution):
            continue  # "the launch highlighted …": a position needs someone to hold it
        words = reported.words(text)
        if inside:  # the content runs to its last quotation's closing mark
            start, end = min(start, spans[inside[0]].start), max(end, spans[inside[-1]].close)
            words = text[start:end]
        records.absorbed.update(inside)
        records.add(ctx, start, end, "mixed" if inside else "indirect", words, attribution)


def add_direct(ctx: _Context, records: _Records) -> None:
    """Every quotation not yet absorbed: attributed by its cue, or continuing the quote
    before it; a partial quote inside a reported clause makes that clause mixed."""
    text, spans = ctx.text, ctx.spans
    timeline = sorted(records.quotes, key=lambda q: q.start)
    last: Attribution | None = None  # the latest quote's attribution, direct or reported
    last_direct: Attribution | None = None
    t, covered = 0, 0  # covered: end of the last mixed record made here
    for index, span in enumerate(spans):
        while t < len(timeline) and timeline[t].start < span.open:
            last = _attribution_of(timeline[t])
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


def _attribution_of(quote: Quote) -> Attribution:
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
    ctx: _Context, span: QuoteSpan, index: int, last: Attribution | None, last_direct: Attribution | None
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
    if last_direct is not None and last_direct is not last and same_speaker(last, last_direct):
        if ctx.paragraph_of(last_direct.end - 1) >= ctx.paragraph_of(span.open) - 1:
            return last_direct
    return last


__all__ = [
    "QuoteSpan",
    "extract_quotes",
    "find_quote_spans",
    "paragraph_bounds",
    "quote_id",
]
