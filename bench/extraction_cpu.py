"""CPU time of extraction alone (entities, quotes, claims) on parsed articles.

The machine is shared, so wall time says little; process time of the extraction step,
best of several rounds over the same parsed docs, compares two versions of the code
(run it once with each on PYTHONPATH). spaCy's parse is done once, before timing.

    python bench/extraction_cpu.py [FOLDER] [--rounds 5]   # default: the PolNeAR dev texts
"""

from __future__ import annotations

import json
import time

from parsed_articles import articles_and_pipeline


def main() -> None:
    from extractor.executors import parse_articles
    from extractor.extract.article import extract_article

    args, settings, articles, nlp = articles_and_pipeline(__doc__, rounds=5)
    docs = list(parse_articles(nlp, articles, settings.batch_size))  # headline and text, as a run parses them
    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        for doc, article in zip(docs, articles):
            extract_article(doc, article)
        rounds.append(time.process_time() - start)
    print(json.dumps({"articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
                      "best_cpu_seconds": round(min(rounds), 3), "rounds": [round(r, 3) for r in rounds]}))


if __name__ == "__main__":
    main()
