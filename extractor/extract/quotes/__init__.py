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

Where each rule lives: ``marks`` (pairing quotation marks), ``cues`` (reporting verbs
and nouns), ``speakers`` (the speaker of a cue and its mention), ``references``
(mentions, pronouns and descriptions to entities), ``attribution`` (attributing a
quotation), ``labels`` (transcript lines), ``reported`` (reported speech), ``records``
(assembly).
"""

from extractor.extract.quotes.marks import QuoteSpan, find_quote_spans, paragraph_bounds
from extractor.extract.quotes.records import extract_quotes, quote_id

__all__ = [
    "QuoteSpan",
    "extract_quotes",
    "find_quote_spans",
    "paragraph_bounds",
    "quote_id",
]
