"""Page furniture in plain text: which lines of a whole-page text dump are the article.

A page saved as its visible text (a scrape, a copy-paste, a text export) holds the
article among menus, cookie notices, share prompts, related-story lists and footers.
Each line is scored by a logistic regression over general layout features (length,
sentence punctuation, stop-word and capitalised-word shares, list and link markers,
repetition on the page, and where the line sits relative to the page's prose), with
its weights in ``furniture_model.json`` (trained by ``tools/train_furniture_model.py``;
no download, no run-time dependency). Text that is not a page dump is left alone:
the classifier only runs when the text has the short unpunctuated lines of page
navigation in numbers no article has.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORD = re.compile(r"\w+")
# A line that ends like a sentence (a quotation or bracket may close it, and reference
# marks may follow: "... in 2009. [5]", "... was called up.[12][13]").
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*(?:\s?\[\d{1,3}\])*$")
# A list item: a bullet glyph or a number and a dot or bracket.
_LIST_MARK = re.compile(r"^(?:[•●▪◦‣∙·*–>-]|\d{1,2}[.)])\s")
# Links, e-mail addresses and handles.
_LINK = re.compile(r"https?://|www\.|\.com\b|@\w|\w@\w")
# A byline: "By Jane Doe", "By JANE DOE and JOHN ROE", possibly followed by a date.
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}", re.IGNORECASE)
# Photo credits: "Name/Agency/Getty Images", "(AP Photo/Jane Doe)".
_CREDIT = re.compile(r"\w/\s?[A-Z]|\b(?:getty images|shutterstock|istock|photo by|image by)\b", re.IGNORECASE)
# Separators of inline link lists: "Home | News | Sport", "Share · Tweet".
_SEPARATORS = re.compile(r"\s[|·•/»›]\s")
# Dates and times printed next to bylines and teasers.
_DATE_LIKE = re.compile(
    r"\b(?:\d{1,2}[:/.]\d{2}|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)

# A page dump has many short lines with no sentence punctuation (menus, link lists);
# an article, even one with a few subheadings and bullets, has few.
MIN_NAV_LINES = 12
NAV_LINE_MAX_WORDS = 5
MIN_NAV_SHARE = 0.2
# A line with at least this many words and a sentence end is prose.
PROSE_MIN_WORDS = 12
# Lines scored at or above this probability are kept.
KEEP_THRESHOLD = 0.5
# Lines around each line whose shape is part of its features.
CONTEXT = 3


@dataclass(frozen=True)
class FurnitureModel:
    """Logistic-regression weights over ``FEATURES`` (standardised with ``mean``/``scale``)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, values: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_model() -> FurnitureModel:
    """The shipped model (package data, read once)."""
    data = json.loads(resources.files("extractor.ingest").joinpath("furniture_model.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("furniture_model.json does not match the features; retrain it with "
                           "tools/train_furniture_model.py")
    return FurnitureModel(tuple(data["features"]), tuple(data["weights"]), data["bias"],
                          tuple(data["mean"]), tuple(data["scale"]))


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@dataclass(frozen=True)
class LineShape:
    """What the features read from one line on its own."""

    words: int
    sentence_end: bool
    prose: bool
    stop_share: float
    capital_share: float
    short_nav: bool


def _shape(line: str) -> LineShape:
    tokens = _WORD.findall(line)
    n = len(tokens)
    lowered = [t.lower() for t in tokens]
    stop = sum(t in stop_words() for t in lowered) / n if n else 0.0
    capital = sum(t[0].isupper() for t in tokens) / n if n else 0.0
    ends = bool(_SENTENCE_END.search(line))
    return LineShape(n, ends, n >= PROSE_MIN_WORDS and ends, stop, capital, _nav_shaped(n, ends))


def _nav_shaped(words: int, sentence_end: bool) -> bool:
    """A line of page navigation: a few words and no sentence end."""
    return words <= NAV_LINE_MAX_WORDS and not sentence_end


def _short_nav(line: str) -> bool:
    """``_shape(line).short_nav`` without the rest of the shape (every input text is tested)."""
    return _nav_shaped(len(_WORD.findall(line)), bool(_SENTENCE_END.search(line)))


def is_page_dump(lines: list[str]) -> bool:
    """True when the text has the many short unpunctuated lines of page navigation."""
    filled = [line for line in lines if line.strip()]
    nav = sum(_short_nav(line) for line in filled)
    return nav >= MIN_NAV_LINES and nav >= MIN_NAV_SHARE * len(filled)


FEATURES: tuple[str, ...] = (
    "log_words", "sentence_end", "prose", "stop_share", "capital_share", "short_nav",
    "words_x_end", "list_mark", "link", "byline", "credit", "separators", "date_like",
    "all_caps", "quote_mark", "repeated", "block_lines", "block_mean_words", "block_prose_share",
    "context_mean_words", "context_prose_share", "context_nav_share",
    "prose_before", "prose_after", "prose_inside", "position",
)


def line_features(lines: list[str]) -> list[list[float] | None]:
    """Feature vector per line (``None`` for blank lines), in ``FEATURES`` order."""
    shapes = [_shape(line) if line.strip() else None for line in lines]
    filled = [i for i, s in enumerate(shapes) if s is not None]
    counts = Counter(lines[i].strip().lower() for i in filled)
    # Prose words before and after each line: the article is where most prose is.
    prose_words = [shapes[i].words if shapes[i].prose else 0 for i in filled]
    total = sum(prose_words) or 1
    before, running = {}, 0
    for i, w in zip(filled, prose_words):
        before[i] = running / total
        running += w
    # Blocks: runs of lines between blank lines.
    block_of: dict[int, list[int]] = {}
    current: list[int] = []
    for i, s in enumerate(shapes + [None]):
        if s is None:
            for j in current:
                block_of[j] = current
            current = []
        else:
            current.append(i)
    out: list[list[float] | None] = [None] * len(lines)
    for rank, i in enumerate(filled):
        s, line = shapes[i], lines[i].strip()
        block = [shapes[j] for j in block_of[i]]
        window = [shapes[j] for j in filled[max(0, rank - CONTEXT):rank] + filled[rank + 1:rank + 1 + CONTEXT]]
        after = 1.0 - before[i] - (s.words / total if s.prose else 0.0)
        letters = [c for c in line if c.isalpha()]
        out[i] = [
            math.log1p(s.words),
            float(s.sentence_end),
            float(s.prose),
            s.stop_share,
            s.capital_share,
            float(s.short_nav),
            math.log1p(s.words) * float(s.sentence_end),
            float(bool(_LIST_MARK.match(line))),
            float(bool(_LINK.search(line))),
            float(bool(_BYLINE.match(line)) and s.words <= 12),
            float(bool(_CREDIT.search(line)) and s.words <= 15),
            float(len(_SEPARATORS.findall(line)) >= 2),
            float(bool(_DATE_LIKE.search(line)) and s.words <= 10),
            float(len(letters) >= 4 and all(c.isupper() for c in letters)),
            float(any(q in line for q in "\"“”")),
            float(counts[line.lower()] > 1),
            math.log1p(len(block)),
            math.log1p(sum(b.words for b in block) / len(block)),
            sum(b.prose for b in block) / len(block),
            math.log1p(sum(w.words for w in window) / len(window)) if window else 0.0,
            sum(w.prose for w in window) / len(window) if window else 0.0,
            sum(w.short_nav for w in window) / len(window) if window else 0.0,
            before[i],
            max(0.0, after),
            float(before[i] > 0.0 and after > 0.0),
            rank / len(filled),
        ]
    return out


# Headings of lists of links to other stories ("Related stories", "Most read", "More from Sport",
# "Next In Tech News").
TEASER_HEADING = re.compile(
    r"(?:(?:yesterday|today|this week|the week|this month)['’]?s\s+)?"  # "Yesterday's Most Read Articles"
    r"(?:related(?: stories| articles| coverage| content| links| posts)?"
    r"|most (?:read|popular|viewed|shared)(?: (?:articles|stories|news|posts))?"
    r"|more (?:from|on|in|stories|news)\b.*|recommended(?: for you| stories| reading)?|trending(?: now)?"
    r"|you (?:may|might) also like|read (?:more|next)|top stories|latest (?:news|stories)|popular|editor'?s picks"
    r"|next (?:in|on|from)\b.*|up next|what to read next|also read|see also|further reading|don'?t miss"
    r"|you (?:may|might) have missed|(?:others|readers) also read)\s*:?",
    re.IGNORECASE,
)


# Headings of the list of sources an article ends with (Wikinews' "Sources", a blog's
# "References"): what follows them is citations, not the story.
REFERENCES_HEADING = re.compile(
    r"(?:sources|references|external links|bibliography|works cited|notes and references)\s*:?",
    re.IGNORECASE)


def keep_lines(lines: list[str], model: FurnitureModel | None = None) -> list[bool]:
    """Which lines to keep: blank lines always, others when the model scores them article.

    A list under a teaser heading ("Related stories", "Most read") goes with its heading,
    up to the next line of prose.
    """
    model = model or load_model()
    keep = [values is None or model.probability(values) >= KEEP_THRESHOLD for values in line_features(lines)]
    if not any(kept and _shape(line).sentence_end for line, kept in zip(lines, keep) if line.strip()):
        return [True] * len(lines)  # nothing left that reads as text: the page is not one the model knows
    for i in teaser_lines(lines):
        keep[i] = False
    return keep


def teaser_lines(lines: list[str], *, after_prose: bool = False) -> list[int]:
    """The lines of lists of other stories: a teaser heading ("Related stories", "Next In Tech
    News") and the headlines under it, up to the next line of prose; and, after the story's
    prose, a heading of its sources ("Sources", "References") and everything below it. No
    story has such a heading as a line of its own, so this holds for any text, page dump or
    not; with ``after_prose``, above the story's first line of prose only the heading goes:
    it is a section label ("Trending") over the headline."""
    found: list[int] = []
    in_teasers = False
    seen_prose = not after_prose
    for i, line in enumerate(lines):
        stripped = line.strip()
        if seen_prose and REFERENCES_HEADING.fullmatch(stripped):
            found.extend(range(i, len(lines)))  # the sources the story ends with, to the end
            break
        heading = TEASER_HEADING.fullmatch(stripped) is not None and not _SENTENCE_END.search(stripped)
        if not seen_prose:
            if heading:
                found.append(i)  # the label alone
            seen_prose = bool(stripped) and _shape(stripped).prose
            continue
        if heading:  # "More from the same family were rescued." is a sentence, no heading
            in_teasers = True
            found.append(i)
        elif in_teasers and stripped:
            if _shape(stripped).prose:
                in_teasers = False
            else:
                found.append(i)
    return found
