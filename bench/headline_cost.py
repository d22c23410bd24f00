"""What reading the headline costs: CPU time of parse and extraction with and without it.

The same articles are parsed and extracted as a run does (``executors.parse_articles``,
``extract_article``) once as they are and once with no title; process time, best of
several rounds, so other work on a shared machine counts little.

    python bench/headline_cost.py [FOLDER] [--rounds 3]   # default: the PolNeAR dev texts
"""

from __future__ import annotations

import json
import time

from parsed_articles import articles_and_pipeline


def main() -> None:
    from extractor.executors import parse_articles
    from extractor.extract.article import extract_article
    from extractor.models import Article

    args, settings, articles, nlp = articles_and_pipeline(__doc__, rounds=3)
    untitled = [a.model_copy(update={"title": None}) for a in articles]

    def cpu(batch: list[Article]) -> float:
        start = time.process_time()
        for doc, article in zip(parse_articles(nlp, batch, settings.batch_size), batch):
            extract_article(doc, article)
        return time.process_time() - start

    with_title, without = [], []
    for _ in range(args.rounds):  # alternate, so a busy spell of the machine hits both
        without.append(cpu(untitled))
        with_title.append(cpu(articles))
    best_with, best_without = min(with_title), min(without)
    print(json.dumps({
        "articles": len(articles), "with_title": sum(bool(a.title) for a in articles),
        "text_words": sum(len(a.text.split()) for a in articles),
        "title_words": sum(len((a.title or "").split()) for a in articles),
        "cpu_seconds_with_headline": round(best_with, 3), "cpu_seconds_without": round(best_without, 3),
        "cost_percent": round(100 * (best_with - best_without) / best_without, 1),
    }))


if __name__ == "__main__":
    main()
