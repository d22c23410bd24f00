"""What ``extractor run`` makes of a data set's files, for the scorers to read.

Every scorer that needs the pipeline's output calls ``run_files``: the files are copied
into a temporary folder as a user would lay them out and ``extractor.runner.run`` (the
one pipeline: ingestion, cleaning, headline lifting, NLP, extraction, merging) runs on
them, so a figure is the one a user gets. Ingestion changes the text (white space,
NFC, the headline lifted into the title), so ``OffsetMap`` carries an offset in the
article's text back to the raw file, for data sets annotated on the raw file.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extractor.store.output import iter_lines

WORD_RE = re.compile(r"\S+")


@dataclass
class ProductRun:
    """The records of a run, each article keyed by the stem of the file it came from."""

    articles: dict[str, dict] = field(default_factory=dict)  # stem -> article record
    quotes: dict[str, list[dict]] = field(default_factory=dict)  # stem -> its quote records
    entities: list[dict] = field(default_factory=list)  # merged across the files, as run writes them
    stems: dict[str, str] = field(default_factory=dict)  # article id -> stem
    errors: list[dict] = field(default_factory=list)
    seconds: float = 0.0


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in iter_lines(path)] if path.exists() else []


def run_files(files: Mapping[str, Path], *, model: str | None = None) -> ProductRun:
    """Run the pipeline on ``files`` ({stem: path}; the suffix is kept, so the reader is the
    one a user's file gets) and read back what it wrote."""
    from extractor.runner import RunOptions, run
    from extractor.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        pages, out = Path(tmp) / "in", Path(tmp) / "out"
        pages.mkdir()
        for stem, path in files.items():
            shutil.copyfile(path, pages / f"{stem}{path.suffix}")
        manifest = run([pages], out, Settings(model=model) if model else Settings(), RunOptions(use_cache=False))
        result = ProductRun(seconds=manifest.seconds, errors=_records(out / "errors.jsonl"))
        for article in _records(out / "articles.jsonl"):
            for path in article["paths"]:
                stem = Path(path).stem
                result.articles[stem] = article
                result.quotes[stem] = []
            result.stems[article["id"]] = Path(article["path"]).stem
        for quote in _records(out / "quotes.jsonl"):
            article = result.articles.get(result.stems.get(quote["article_id"], ""))
            for path in article["paths"] if article else []:
                result.quotes[Path(path).stem].append(quote)
        result.entities = _records(out / "entities.jsonl")
    return result


class OffsetMap:
    """Offsets in a cleaned text carried back to the raw text it was cleaned from.

    Cleaning keeps the words in order and changes white space, Unicode form and whole
    lines (a lifted headline, boilerplate), so the two are aligned word by word (difflib
    on the sequences of non-space runs); an offset inside a word moves with it, one in
    white space goes to the next word's start (a span's start) or the previous word's
    end (a span's end).
    """

    def __init__(self, raw: str, clean: str):
        clean_words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(clean)]
        raw_words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(raw)]
        matcher = difflib.SequenceMatcher(None, [w for *_, w in clean_words], [w for *_, w in raw_words],
                                          autojunk=False)
        self._pairs = []  # (clean start, clean end, raw start, raw end) of each aligned word
        for a, b, n in matcher.get_matching_blocks():
            for k in range(n):
                (cs, ce, _), (rs, re_, _) = clean_words[a + k], raw_words[b + k]
                self._pairs.append((cs, ce, rs, re_))
        self._starts = [p[0] for p in self._pairs]
        self._raw_length = len(raw)

    def start(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._pairs[i][1]:
            cs, ce, rs, re_ = self._pairs[i]
            return min(rs + offset - cs, re_)
        return self._pairs[i + 1][2] if i + 1 < len(self._pairs) else self._raw_length

    def end(self, offset: int) -> int:
        i = bisect.bisect_left(self._starts, offset) - 1
        if i < 0:
            return 0
        cs, ce, rs, re_ = self._pairs[i]
        return min(rs + offset - cs, re_)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), max(self.end(end), self.start(start))
