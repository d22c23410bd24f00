"""Which quote occurrences are one quotation of one speaker, across outlets.

Outlets quote one speaker's words differently: cut short at either end, with an
ellipsis or a bracketed insertion, in other quotation marks, "wake-up" or "wakeup",
or as a few quoted words inside reported speech. A quote is compared by its pieces
(the quoted stretches, split at ellipses and brackets) and two quotes are the same
when they share a run of SHINGLE + 1 words, or when a short piece lies whole inside
the other. Each quote joins one group, never a group that already holds a different
quotation of its own article (two sentences of one speech quoted by one outlet stay
two quotes), and candidates are found through an index of word runs whose lists are
capped, so the work stays linear in the words of a block.

One outlet's long excerpt may carry two stretches that other outlets quote apart. The
excerpt is then evidence for both quotations, not only for the one it met first: a
quote also supports (``QuoteGroup.also``) every other group it matches, and an excerpt
that matched a quote its group refused (two quotations of one article) supports the
group that quote founds. Support never draws further quotes into a group (it is not
indexed), so two quotations never merge through a long excerpt (no single linkage).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from extractor.graph.resolve import stable_id
from extractor.models import EntityRef, Quote

# Words in a run that identifies a quote; two runs shared (six words in a row) merge two quotes.
SHINGLE = 5
# A word run held by more groups than this is a stock phrase and no longer looked up.
COMMON_RUN = 32
# Share of the shorter quotation's runs two quotes must share: one sentence of a long
# excerpt is not the excerpt's neighbouring sentence quoted by another outlet.
OVERLAP_SHARE = 0.2
# Other groups a quote may support besides its own: words that match more groups than
# this are a stock phrase, evidence for none of them in particular.
SUPPORTED_GROUPS = 3
# The fewest words of a piece that may join a group by lying inside it.
SHORTEST_PIECE = 2

PUNCT_RE = re.compile(r"[^\w\s]+")
WORD_RE = re.compile(r"\w+")
# Inner apostrophes and hyphens vanish ("wake-up" = "wakeup", "we’re" = "we're").
JOINER_RE = re.compile(r"(?<=\w)[-‐‑–'’](?=\w)")
# Quoted stretches inside reported speech: double marks of any style, or single curly ones.
QUOTED_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]|(?<!\w)[‘'](.+?)[’'](?!\w)")
# Where a quote is cut: an ellipsis, a bracketed insertion, a dash between words.
BREAK_RE = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]|\s[-–—]+\s")


def quote_words(text: str) -> str:
    """Quote text compared up to punctuation, case and spacing."""
    return " ".join(PUNCT_RE.sub(" ", text.casefold().replace("’", "'")).split())


def quote_pieces(quote: Quote) -> tuple[tuple[str, ...], ...]:
    """The words a quote is compared by: for a mixed quote its quoted stretches, else its
    text; split at ellipses and brackets; case, punctuation, inner hyphens and apostrophes
    ignored."""
    text = quote.text
    if quote.kind == "mixed":
        stretches = [m.group(1) or m.group(2) for m in QUOTED_RE.finditer(text)]
        text = " … ".join(stretches) if stretches else text
    pieces = []
    for part in BREAK_RE.split(JOINER_RE.sub("", text.casefold())):
        words = tuple(map(sys.intern, WORD_RE.findall(part)))  # one string per word, however many quotes
        if words:
            pieces.append(words)
    return tuple(pieces)


def _runs(pieces: tuple[tuple[str, ...], ...]) -> set[int]:
    """The pieces' runs of SHINGLE words, each kept as its hash (a block can hold millions)."""
    return {hash(p[i : i + SHINGLE]) for p in pieces for i in range(len(p) - SHINGLE + 1)}


def _inside(piece: tuple[str, ...], joined: str) -> bool:
    return f" {' '.join(piece)} " in joined


def _joined(pieces: tuple[tuple[str, ...], ...]) -> str:
    """Pieces as one string, each between " | " so that no match spans two pieces."""
    return " | " + " | ".join(" ".join(p) for p in pieces) + " | "


def _related(a: tuple[tuple[str, ...], ...], b: tuple[tuple[str, ...], ...]) -> bool:
    """One quote's pieces all lie inside the other's: the same quotation, told twice or in part."""
    joined_a, joined_b = _joined(a), _joined(b)
    return all(_inside(p, joined_b) for p in a) or all(_inside(p, joined_a) for p in b)


@dataclass
class QuoteGroup:
    speaker: EntityRef | None
    words: str
    members: list[Quote] = field(default_factory=list)
    # longer excerpts (and quotes of another group) that carry this quotation too
    also: list[Quote] = field(default_factory=list)
    first: tuple[int, str] = (math.inf, "")  # (input order, id) of the earliest occurrence  # type: ignore[assignment]
    # article id -> the pieces of each distinct quotation of that article in the group
    articles: dict[str, list[tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    supporting: set[str] = field(default_factory=set)  # ids of the quotes in ``also``

    def add(self, quote: Quote, order: int) -> None:
        self.members.append(quote)
        self.first = min(self.first, (order, quote.id))

    def support(self, quote: Quote, pieces: tuple[tuple[str, ...], ...]) -> None:
        """A quote of another group (never one of its members) that carries this quotation as well."""
        if quote.id not in self.supporting and self.admits(quote.article_id, pieces):
            self.also.append(quote)
            self.supporting.add(quote.id)
            self.hold(quote.article_id, pieces)

    def hold(self, article_id: str, pieces: tuple[tuple[str, ...], ...]) -> None:
        held = self.articles.setdefault(article_id, [])
        if pieces not in held:
            held.append(pieces)

    @property
    def occurrences(self) -> list[Quote]:
        """Every quote the group's node cites: its members, then the excerpts supporting it."""
        return self.members + self.also

    def admits(self, article_id: str, pieces: tuple[tuple[str, ...], ...]) -> bool:
        """Not when the group already holds another quotation of the same article."""
        held = self.articles.get(article_id)
        return held is None or any(_related(pieces, other) for other in held)

    @cached_property
    def id(self) -> str:
        return stable_id("quote_", self.speaker.id if self.speaker else "-", self.first[1])

    def representative(self) -> Quote:
        return max(self.members, key=lambda q: (len(q.text), q.kind == "direct"))


def quote_block(quote: Quote) -> str:
    """Quotes are compared only with the same speaker's (or, unresolved, their own article's)."""
    return quote.speaker.id if quote.speaker else f"article:{quote.article_id}"


class _BlockIndex:
    """Word runs of the quotations grouped so far, and which groups hold each short piece.

    Short pieces (fewer words than a run) are known before the sweep starts, so a group
    only counts the short pieces found inside its quotations, never every sub-run of them."""

    def __init__(self, short: set[tuple[str, ...]]):
        self.runs: dict[int, list[int]] = defaultdict(list)  # run -> quotations holding it
        self.quotations: list[tuple[int, int]] = []  # quotation -> (its group, its number of runs)
        self.short: dict[tuple[str, ...], Counter] = {piece: Counter() for piece in short}
        self.short_first = {piece[0] for piece in short}
        self.short_lengths = sorted({len(piece) for piece in short})

    def candidates(self, pieces: tuple[tuple[str, ...], ...]) -> tuple[Counter, dict[int, list[int]]]:
        """Groups with a quotation that shares enough runs with the pieces (at least two, or
        the one run of a five-word piece, and OVERLAP_SHARE of the shorter one's), scored by
        the most runs shared; or holding a short piece whole, one point per quotation. With
        them, per group, the quotations that shared the runs."""
        runs = _runs(pieces)
        shared: Counter = Counter()
        for run in runs:
            postings = self.runs.get(run)
            if postings and len(postings) <= COMMON_RUN:
                shared.update(postings)
        score: Counter = Counter()
        matched: dict[int, list[int]] = defaultdict(list)
        for quotation, n in shared.items():
            group, size = self.quotations[quotation]
            if n >= min(2, len(runs)) and n >= OVERLAP_SHARE * min(len(runs), size):
                matched[group].append(quotation)
                score[group] = max(score[group], n)
        for piece in pieces:
            if SHORTEST_PIECE <= len(piece) < SHINGLE:
                score.update(self.short.get(piece, {}))
        return score, matched

    def add(self, group: int, pieces: tuple[tuple[str, ...], ...]) -> int:
        """A new quotation of ``group`` (its number): its runs, and the short pieces lying inside it."""
        runs = _runs(pieces)
        quotation = len(self.quotations)
        self.quotations.append((group, len(runs)))
        for run in runs:
            postings = self.runs[run]
            if len(postings) <= COMMON_RUN:
                postings.append(quotation)
        seen = set()
        for piece in pieces:
            for i, word in enumerate(piece):
                if word not in self.short_first:
                    continue
                for n in self.short_lengths:
                    sub = piece[i : i + n]
                    if len(sub) == n and sub in self.short and sub not in seen:
                        seen.add(sub)
                        counts = self.short[sub]
                        if group in counts or len(counts) <= COMMON_RUN:
                            counts[group] += 1
        return quotation


def group_quote_block(members: Iterable[tuple[int, Quote]]) -> list[QuoteGroup]:
    """The quotes of one block merged into quotations, longest first, so that a cut-off or
    partial quote joins the longer quote it comes from (the group holding it most often,
    then the earliest) and supports the other groups it matches; an excerpt that matched a
    quote its group refused supports the group that quote joins. Near-linear in the words
    of the block."""
    worded = [(quote_pieces(q), order, q) for order, q in members]
    worded = [(pieces, sum(map(len, pieces)), order, q) for pieces, order, q in worded if pieces]
    short = {p for pieces, *_ in worded for p in pieces if SHORTEST_PIECE <= len(p) < SHINGLE}
    index = _BlockIndex(short)
    groups: list[QuoteGroup] = []
    # pieces seen before (the common case) skip the search: their group and the groups they support
    exact: dict[tuple, tuple[int, tuple[int, ...]]] = {}
    quotations: dict[tuple[int, tuple], int] = {}  # (group, pieces) -> its quotation in the index
    held: list[tuple[tuple, list[Quote]]] = []  # quotation -> its pieces and the quotes with them
    # Ties are broken by the words and where the quote is, never by input order, so that a
    # short quote inside two long ones joins the same one whatever the order of articles.
    for pieces, _size, order, quote in sorted(worded, key=lambda t: (-t[1], t[0], t[3].article_id, t[3].start, t[3].end)):
        known = exact.get(pieces)
        carriers: list[int] = []  # quotations of groups that refused the quote
        supported: tuple[int, ...]
        if known is not None and groups[known[0]].admits(quote.article_id, pieces):
            target, supported = known
        else:
            score, matched = index.candidates(pieces)
            ranked = [g for g, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]
            admitted = [g for g in ranked if groups[g].admits(quote.article_id, pieces)]
            carriers = [q for g in ranked if g not in admitted for q in matched.get(g, [])]
            target = admitted[0] if admitted else None
            supported = tuple(admitted[1 : 1 + SUPPORTED_GROUPS]) if len(admitted) <= 1 + SUPPORTED_GROUPS else ()
        if target is None:
            target = len(groups)
            groups.append(QuoteGroup(speaker=quote.speaker, words=" | ".join(" ".join(p) for p in pieces)))
        if (target, pieces) not in quotations:  # each distinct quotation of a group is indexed once
            quotations[target, pieces] = index.add(target, pieces)
            held.append((pieces, []))
        held[quotations[target, pieces]][1].append(quote)
        exact.setdefault(pieces, (target, supported))
        group = groups[target]
        group.hold(quote.article_id, pieces)
        group.add(quote, order)
        for other in supported:
            groups[other].support(quote, pieces)
        for quotation in carriers:  # a longer excerpt of another group carries this quotation too
            carrier_pieces, carrier_quotes = held[quotation]
            for carrier in carrier_quotes:
                group.support(carrier, carrier_pieces)
    for group in groups:
        group.members.sort(key=lambda q: (q.article_id, q.start))
        group.also.sort(key=lambda q: (q.article_id, q.start))
    return groups


def group_quotes(quotes: Iterable[Quote]) -> list[QuoteGroup]:
    """Quotes merged when the speaker is the same and they are one quotation (see
    ``group_quote_block``), in order of first occurrence (all held in memory, like ``group_claims``)."""
    blocks: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
    for order, quote in enumerate(quotes):
        blocks[quote_block(quote)].append((order, quote))
    groups = [group for members in blocks.values() for group in group_quote_block(members)]
    return sorted(groups, key=lambda g: g.first)
