"""What reading the headline costs: CPU time of parse and extraction with and without it.

The same articles are parsed and extracted as a run does (``executors.parse_articles``,
``extract_article``) once as they are and once with no title; process time, best of
several rounds, so other work on a shared machine counts little.

    python bench/headline_cost.py [FOLDER] [--rounds 3]   # default: the PolNeAR dev texts
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from extractor.executors import parse_articles
    from extractor.extract.article import extract_article
    from extractor.ingest import ingest
    from extractor.models import Article
    from extractor.nlp import load_pipeline
    from extractor.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=REPO.parent / "shared" / "dev" / "polnear" / "text")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    articles = [a for a in ingest([args.folder], settings) if isinstance(a, Article)]
    untitled = [a.model_copy(update={"title": None}) for a in articles]
    nlp = load_pipeline(settings.model)

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
