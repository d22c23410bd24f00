"""Quotation marks: pairing straight, curly, single and doubled marks (``''``, old wire
copy) into quotations, paragraph by paragraph. A quote runs past its paragraph only
when the next paragraph opens with a quotation mark (the multi-paragraph convention);
an unclosed mark never swallows the article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

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
# A transcript line opens with the speaker's name in capitals and a colon ("PENCE: …");
# it starts a new quotation even inside a run of quoted paragraphs.
TRANSCRIPT_LABEL_RE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}:")


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


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def opens_with_mark(text: str, start: int, end: int) -> int:
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
            width = opens_with_mark(text, p_start, p_end)
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
                pieces = opened[1] + [trimmed(text, opened[2], i)]
                spans.append(QuoteSpan(opened[0], i + width, tuple(pieces)))
                opened = None
            else:  # a second opening mark: the first one was never closed
                spans.append(QuoteSpan(opened[0], i, tuple(opened[1] + [trimmed(text, opened[2], i)]), closed=False))
                opened = (i, [], i + width)
        if opened is not None:
            piece = trimmed(text, opened[2], p_end)
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            width = opens_with_mark(text, *nxt) if nxt is not None else 0
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


def find_single_quotes(text: str, regions: Sequence[tuple[int, int]],
                       paragraph_starts: frozenset[int] = frozenset()) -> list[QuoteSpan]:
    """Pair single marks inside ``regions`` (text outside double quotes, per paragraph);
    an opening mark with no closing one is taken for an apostrophe, unless it is a curly
    ‘ whose quote goes on in the next paragraph, opened again with ‘ (the British
    multi-paragraph convention), and a later paragraph of the run closes it."""
    spans = []
    carried: tuple[int, list[tuple[int, int]]] | None = None  # (opening mark, pieces) of a running quote
    for index, (r_start, r_end) in enumerate(regions):
        opened: int | None = None
        pieces: list[tuple[int, int]] = []
        pos = r_start
        if carried is not None and r_start in paragraph_starts and text[r_start] == "‘":
            opened, pieces, pos = carried[0], carried[1], r_start + 1
        carried = None
        piece_start = pos if opened is not None else None
        for match in SINGLE_MARK_RE.finditer(text, pos, r_end):
            i = match.start()
            if opened is None:
                if _single_opens(text, i):
                    opened, piece_start = i, i + 1
            elif _single_closes(text, i) and i > (piece_start or opened + 1):
                spans.append(QuoteSpan(opened, i + 1, tuple(pieces + [trimmed(text, piece_start, i)])))
                opened, pieces = None, []
        nxt = regions[index + 1][0] if index + 1 < len(regions) else None
        if opened is not None and text[opened] == "‘" and nxt in paragraph_starts and text[nxt] == "‘":
            carried = (opened, pieces + [trimmed(text, piece_start, r_end)])
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
    spans = doubles + find_single_quotes(text, regions, frozenset(start for start, _ in paragraphs))
    return sorted((s for s in spans if not is_embed_value(text, s)), key=lambda s: s.open)


# What an embedded post's markup puts in quotation marks: ids and timestamps, handles,
# links, dates ("778257943577919488", "@AppleMusic", "pic.twitter.com/…", "September 27, 2016").
EMBED_VALUE_RE = re.compile(
    r"[\W\d_]*|@\w+|(?:https?://|www\.|pic\.twitter\.com|t\.co/)\S*|[\w.-]+\.(?:com|org|net)/?\S*"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}",
    re.IGNORECASE,
)


def is_embed_value(text: str, span: QuoteSpan) -> bool:
    """Quotation marks that hold no one's words: an attribute of markup left in the text
    (author="carlquintanilla"), or an id, handle, link or date of an embedded post."""
    if span.open > 0 and text[span.open - 1] == "=":
        return True
    return bool(EMBED_VALUE_RE.fullmatch(text[span.start : span.end].strip()))


def is_mark(token: Token) -> bool:
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


def quoted_words(text: str, span: QuoteSpan) -> str:
    """The quoted words without marks; paragraphs of a long quote keep their line breaks."""
    out = text[span.pieces[0][0] : span.pieces[0][1]]
    for (_, prev_end), (start, end) in zip(span.pieces, span.pieces[1:], strict=False):
        gap = text[prev_end:start]
        out += "\n" * max(gap.count("\n"), 1) + text[start:end]
    return out


def mostly_within(span: QuoteSpan, bounds: tuple[int, int]) -> bool:
    """Most of the quotation's words lie in ``bounds`` (a clause may stop short of a
    final full stop or begin after an opening mark)."""
    inner = sum(e - b for b, e in span.pieces)
    shared = sum(max(0, min(e, bounds[1]) - max(b, bounds[0])) for b, e in span.pieces)
    # Overlap is required: a quotation of one or two characters ("she" is a "he") far away
    # would otherwise be "mostly within" every clause and stretch it to its closing mark.
    return inner > 0 and shared > 0 and shared >= inner - 2
