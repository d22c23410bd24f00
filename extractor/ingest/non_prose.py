"""Where the paragraphs a reader marked as non-prose (table rows) ended up in the clean text.

The HTML reader knows which paragraphs are table rows; cleaning then normalises white
space and may drop or reflow lines, so the rows are found again in the clean text by
their words, paragraph by paragraph, rather than by offsets computed before cleaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.models import TextRange

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def non_prose_ranges(text: str, paragraphs: Iterable[str]) -> list[TextRange]:
    """The ranges of ``text``'s paragraphs (blank-line separated) whose words are those of one
    of ``paragraphs``, in order."""
    keys = {key for paragraph in paragraphs if (key := _key(paragraph))}
    if not keys:
        return []
    return [TextRange(start=match.start(), end=match.end())
            for match in _PARAGRAPH.finditer(text) if _key(match.group(0)) in keys]
