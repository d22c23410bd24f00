"""The writer's note that closes a page's article: a short bio of the byline's author.

Blogs, guides and opinion pages end the article with a few lines about who wrote it
("Jane Doe is a finance writer who ...", "Hi, I'm Jane ..."), printed inside the article
column, so extractors keep it. It is about the writer, not the story: it goes (what follows
it stays: a page may go on with its FAQ). It is found by the byline's names, which the
page's metadata gives, so a closing paragraph about someone else (the subject of a
profile) stays; a byline of one word and an acronym (organisations: "QCY") alone find nothing.
"""

from __future__ import annotations

import re

# Verbs that open a sentence about a person's career or life: "Jane Doe is a ...", "... has
# written for ...", "... writes about ...", "... joined ... in 2019".
BIO_VERB = r"(is|was|has|have|writes|wrote|covers|joined|lives|holds|leads|serves|works|loves|brings|specializes|specialises)"
# What may follow a name before the verb: more of the name, initials, credentials ("Jane
# Doe, Ph.D., is"); capitalised words only, so "Doe said the best ... is" is no note.
NAME_REST = r"(\s+[A-Z][\w.'’-]*|,\s*[A-Z][\w.]*)*"
# A self-introduction: "Hi, I'm Jane", "Hello! I am Jane Doe".
SELF_INTRODUCTION = r"((hi|hello|hey)\b[,!.]?\s*)?(i['’]m|i am|my name is)"
# Punctuation that may wrap a note: "(Jane Doe is a partner at ...)", "— Jane Doe is ...".
NOTE_WRAPPER = " \t([—–-*_"
# A note stands in the body's last part: at most this share of its words comes after its start.
# Higher up, a paragraph that names the writer is part of the story (a first-person essay).
MAX_NOTE_SHARE = 0.3
_WORD = re.compile(r"\w+")


def author_note(paragraphs: list[str], authors: list[str]) -> int | None:
    """Index of the paragraph that is the author's note in the body's last part
    (``MAX_NOTE_SHARE`` of its words), or None."""
    note = _note_pattern(authors)
    if note is None:
        return None
    words = [len(_WORD.findall(text)) for text in paragraphs]
    total, after = sum(words), sum(words)
    for i, text in enumerate(paragraphs):
        if i and after <= MAX_NOTE_SHARE * total and note.match(text.lstrip(NOTE_WRAPPER)):
            return i
        after -= words[i]
    return None


def _note_pattern(authors: list[str]) -> re.Pattern | None:
    """A paragraph that opens on one of the authors (full name, first or last name) and a
    bio verb, or on a self-introduction naming one of them."""
    names = set()
    for author in authors:
        parts = author.split()
        if len(parts) < 2:
            continue
        names.add(re.escape(author.strip()))
        names.update(re.escape(part) for part in (parts[0], parts[-1]) if len(part) > 2 and part[0].isupper() and not part.isupper())
    if not names:
        return None
    name = "(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b"
    return re.compile(rf"{name}{NAME_REST},?\s+{BIO_VERB}\b|(?i:{SELF_INTRODUCTION})\s+{name}")
