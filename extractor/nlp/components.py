"""spaCy components this package registers (configured by name, like spaCy's own)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_SENTENCES = "paragraph_sentences"


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line always ends a sentence.

    Headlines, captions and summary bullets carry no final punctuation, so without
    this the parser glues them to the paragraph that follows. Runs before the parser,
    which keeps the boundaries it is given.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
