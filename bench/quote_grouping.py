"""Time ``group_quotes`` on one speaker's block of many quotes (the merge's worst case).

A 50 MB article of repeated transcripts puts hundreds of thousands of quotes under one
speaker; grouping must stay near-linear there. The quotes are made from a fixed
vocabulary with a seeded generator: many repeated quotes, many distinct ones, cut-off
and bracketed variants, and short quotes of common words. Prints seconds and the peak
memory of the grouping (tracemalloc) as JSON.

    python bench/quote_grouping.py [--quotes 200000] [--seed 1]
    PYTHONPATH=/path/to/other/checkout python bench/quote_grouping.py   # another version
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc

COMMON = ("the", "we", "will", "to", "a", "of", "and", "it", "is", "that", "in", "not", "be", "our", "this")
RARE = [f"word{i}" for i in range(5000)]


def make_quotes(n: int, seed: int):
    from extractor.models import EntityRef, Quote

    rng = random.Random(seed)
    speaker = EntityRef(name="Pat Speaker", id="ent_speaker")
    sentences = [" ".join(rng.choice(RARE) if rng.random() < 0.4 else rng.choice(COMMON)
                          for _ in range(rng.randint(8, 40))) for _ in range(n // 20)]
    quotes = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.5:  # a quote many outlets repeat
            text = rng.choice(sentences[:200])
        elif roll < 0.8:  # a distinct quote, maybe cut off or with an insertion
            words = rng.choice(sentences).split()
            cut = rng.randint(0, len(words) // 3)
            words = words[cut:]
            if rng.random() < 0.2:
                words.insert(len(words) // 2, "[sic]")
            text = " ".join(words)
        else:  # a short quote of common words
            text = " ".join(rng.choice(COMMON) for _ in range(rng.randint(1, 4)))
        quotes.append(Quote(id=f"q{i}", article_id=f"art{i % 500}", text=text, start=i, end=i + len(text),
                            kind="direct", speaker=speaker))
    return quotes


def main() -> None:
    from extractor.graph.quote_groups import group_quotes

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    quotes = make_quotes(args.quotes, args.seed)
    tracemalloc.start()
    started = time.perf_counter()
    groups = group_quotes(quotes)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"quotes": len(quotes), "groups": len(groups), "seconds": round(seconds, 2),
                      "peak_mb": round(peak / 2**20, 1)}))


if __name__ == "__main__":
    main()
