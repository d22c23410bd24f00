"""Long texts cut into sections the parser can take.

spaCy's memory grows with the length of one ``Doc`` (about 3 GB for a million
characters with the small English model), so transcripts, live blogs and books of
minutes are parsed a section at a time. Cuts fall at the last paragraph break of a
section, else at a sentence end, else at white space, so that no sentence a news
article would hold is cut in two.
"""

from __future__ import annotations

import re

# Characters per section: about 20,000 words, some 400 MB of parser memory, and
# longer than all but a few news articles, which therefore stay in one piece.
SECTION_CHARS = 100_000

# Where a cut may fall, best first; each matches the white space after which the
# next section starts.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a blank line: a paragraph break
    re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+"),  # a sentence end, closing marks included
    re.compile(r"\s+"),  # any white space: at least no word is cut
)


def split_sections(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of consecutive sections covering ``text``, each at most
    ``limit`` characters long; one section when the text fits."""
    if limit < 2:
        raise ValueError("a section needs at least 2 characters")
    sections: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > limit:
        window_end = start + limit
        cut = None
        for pattern in _CUTS:  # the last cut of the best kind in the window's second half
            for match in pattern.finditer(text, start + limit // 2, window_end):
                cut = match.end()
            if cut is not None:
                break
        cut = cut if cut is not None and cut > start else window_end
        sections.append((start, cut))
        start = cut
    sections.append((start, length))
    return sections
