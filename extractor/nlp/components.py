"""spaCy components this package registers (configured by name, like spaCy's own)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_SENTENCES = "paragraph_sentences"
TYPESET_APOSTROPHES = "typeset_apostrophes"
PLATFORM_SENTENCE_ENDS = "platform_sentence_ends"
# A typeset apostrophe inside a word ("O’Brien", "D’Angelo", "N’Djamena") or opening a
# clitic the tokenizer split off ("’s", "’re", "’ll").
INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’ʼ](?=[^\W\d_])|^[’ʼ](?=[^\W\d_]+$)")


@Language.component(TYPESET_APOSTROPHES)
def typeset_apostrophes(doc: Doc) -> Doc:
    """A word with a typeset apostrophe inside it is read as the same word typed with a straight one.

    The small model learnt names from text typed with "'": "O’Brien" has a shape it never saw
    and comes out an organisation, an adjective or nothing ("said O’Leary" loses its speaker,
    "Michael O’Leary" is "Michael"). The features the model reads (the norm and the shape) are
    the straight form's, set once per word on the vocabulary; the text keeps its apostrophe.
    Runs before ``tok2vec``. The possessive "’s" the tokenizer splits off gets the same
    ("McDonald’s, Morgan Stanley" had its "’s" read as a number), and so do the clitics of
    contractions, down to the lower form the attribute ruler keys on: "it’s fair to argue"
    had "’s" tagged a verb with the lemma "’", so no rule saw "be" ("he’d" was "’d", a VBZ).
    """
    if "’" not in doc.text and "ʼ" not in doc.text:
        return doc
    for token in doc:
        if "’" in token.text or "ʼ" in token.text:
            straight = INNER_APOSTROPHE.sub("'", token.text)
            if straight != token.text:
                lexeme, typed = doc.vocab[token.text], doc.vocab[straight]
                if lexeme.shape != typed.shape or lexeme.norm != typed.norm or lexeme.suffix != typed.suffix:
                    lexeme.shape_, lexeme.norm_ = typed.shape_, typed.norm_
                    lexeme.prefix_, lexeme.suffix_ = typed.prefix_, typed.suffix_
                    if straight.startswith("'") or straight.lower() == "n't":
                        lexeme.lower_ = typed.lower_  # a clitic: the rules that make "’s" "be" read its lower form
    return doc


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line always ends a sentence, and so does "U.S." before a quoted sentence.

    Headlines, captions and summary bullets carry no final punctuation, so without
    this the parser glues them to the paragraph that follows. Runs before the parser,
    which keeps the boundaries it is given.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
        elif _quote_after_abbreviation(doc, token.i):
            doc[token.i + 1].is_sent_start = True
    return doc


# Opening quotation marks, and the fewest words a quoted sentence has.
OPENING_MARKS = frozenset({'"', "“"})
QUOTED_SENTENCE_WORDS = 4


def _quote_after_abbreviation(doc: Doc, i: int) -> bool:
    """An abbreviation that ends a sentence ("… for the U.S.") before a quoted sentence
    ('"Instead of spending billions, …," he said'): the tokenizer keeps the period in the
    abbreviation, so the parser reads one sentence and the quote loses its speaker."""
    token = doc[i]
    text = token.text
    if len(text) < 3 or not text.endswith(".") or not text[0].isupper() or "." not in text[:-1]:
        return False  # "U.S.", "U.K.", "D.C." (not "Inc." or "Mr.", which rarely end one)
    if i + 2 >= len(doc) or doc[i + 1].text not in OPENING_MARKS or not doc[i + 2].is_title:
        return False
    words = 0
    for follow in doc[i + 2:i + 60]:
        if follow.text in OPENING_MARKS or follow.text == "”":
            return words >= QUOTED_SENTENCE_WORDS
        words += follow.is_alpha
    return False


# Prepositions a platform is posted on or through ("a statement on X", "via X").
PLATFORM_PREPOSITIONS = frozenset({"on", "via"})


@Language.component(PLATFORM_SENTENCE_ENDS)
def platform_sentence_ends(doc: Doc) -> Doc:
    """A sentence that ends "on X." (the platform) ends there, and the next one opens.

    The tokenizer reads "X." as an initial, so "a statement on X. Harris responded" became
    one sentence with an "X. Harris" in it (an organisation of that name, and a reply with
    no speaker). The period is split off and the next word starts a sentence. Runs before
    the parser, which keeps the boundaries it is given.
    """
    if " X. " not in doc.text:
        return doc
    hits = [t for t in doc[1:-1] if t.text == "X." and t.nbor(-1).lower_ in PLATFORM_PREPOSITIONS
            and t.nbor(1).is_title]
    if not hits:
        return doc
    with doc.retokenize() as retokenizer:
        for token in hits:
            retokenizer.split(token, ["X", "."], heads=[(token, 1), (token, 1)])
    for token in doc[2:-1]:
        if token.text == "." and token.whitespace_ and token.nbor(-1).text == "X" \
                and token.nbor(-2).lower_ in PLATFORM_PREPOSITIONS:
            token.nbor(1).is_sent_start = True
    return doc
