"""textacy's ``direct_quotations`` on PolNeAR, scored exactly as the package is.

A bench-only comparison: textacy is not a dependency of the package
(``pip install textacy`` into the same environment to run this). Each of
textacy's (speaker, cue, content) triples becomes a direct ``Quote`` — content
without its quotation marks, speaker mention from the speaker tokens, speaker
resolved through the same ``extract_entities`` — and goes through the same
``score_polnear`` runner, so the figures compare one for one with
``extractor.evaluate.polnear``. textacy refuses an article with an odd number of
quotation marks (it raises rather than guess); such articles count as having no
predictions and are listed.

    python bench/textacy_baseline.py [--folder ../shared/dev/polnear] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from spacy.tokens import Doc  # noqa: E402

from extractor.evaluate.polnear import format_polnear, score_polnear  # noqa: E402
from extractor.extract.entities import extract_entities  # noqa: E402
from extractor.extract.quotes import quote_id  # noqa: E402
from extractor.models import Quote, Span  # noqa: E402
from extractor.nlp.pipeline import DEFAULT_MODEL  # noqa: E402

# Quotation marks textacy leaves on the content span.
MARKS = "\"'“”‘’«»`"


def _span(doc: Doc, tokens) -> Span | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(text=doc.text[start:end], start=start, end=end)


def textacy_quotes(doc: Doc, article_id: str) -> list[Quote]:
    """textacy's direct quotations of one parsed article, as ``Quote`` records."""
    from textacy.extract.triples import direct_quotations

    entities = extract_entities(doc, article_id)
    quotes = []
    for triple in direct_quotations(doc):
        content = triple.content
        start, end = content.start_char, content.end_char
        while start < end and doc.text[start] in MARKS:
            start += 1
        while end > start and doc.text[end - 1] in MARKS:
            end -= 1
        if end <= start:
            continue
        mention = _span(doc, triple.speaker)
        entity = entities.at(mention.start, mention.end) if mention else None
        quotes.append(
            Quote(
                id=quote_id(article_id, start, end),
                article_id=article_id,
                text=doc.text[start:end],
                start=start,
                end=end,
                kind="direct",
                cue=_span(doc, triple.cue),
                speaker_mention=mention,
                speaker=entity.ref() if entity else None,
            )
        )
    return quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=REPO.parent / "shared" / "dev" / "polnear")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args(argv)
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: pip install textacy (bench only)", file=sys.stderr)
        return 2
    result = score_polnear(args.folder, limit=args.limit, model=args.model, extract=textacy_quotes)
    print(json.dumps(result, indent=2) if args.json else "textacy direct_quotations\n" + format_polnear(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
