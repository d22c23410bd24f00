"""Claim-graph merge at scale: time and peak memory for synthetic claim records.

Each size runs in a fresh process so peak memory (max RSS) is its own. Claims are
drawn like news: a Zipf-like few subjects get most claims, outlets repeat each other's
figures (so there is real merging), and look-alike figures from other days appear.

    python bench/graph_merge.py                  # 10k, 100k and 1M claims
    python bench/graph_merge.py --sizes 100000   # one size
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time


def synthetic_claims(n: int, seed: int = 7):
    from extractor.models import Article, Claim, EntityRef, Span

    rng = random.Random(seed)
    n_subjects = max(10, n // 20)
    n_articles = max(10, n // 10)
    subjects = [EntityRef(name=f"Company {i}", id=f"ent_{i:08d}") for i in range(n_subjects)]
    articles = [Article(id=f"art{i:08d}", path=f"{i}.txt", source=f"Outlet {i % 300}", text="x") for i in range(n_articles)]
    facts = []
    claims = []
    for i in range(n):
        if facts and rng.random() < 0.4:  # another outlet repeats an earlier figure, perhaps rounded
            subject, value, unit, direction, day = rng.choice(facts)
            value = round(value) if rng.random() < 0.5 else value
            hedge = "~" if rng.random() < 0.3 else "="
        else:
            subject = subjects[min(int(rng.paretovariate(1.2)) - 1, n_subjects - 1)]
            unit = rng.choice(("percent", "USD", "USD", "people"))
            value = round(rng.uniform(0.5, 40), 1) if unit == "percent" else float(rng.randrange(1, 900) * 10 ** rng.randrange(3, 10))
            direction = rng.choice(("up", "down", None))
            day = f"2025-01-{rng.randrange(1, 29):02d}"
            hedge = "="
            facts.append((subject, value, unit, direction, day))
        claims.append(Claim(
            id=f"c_{i:010d}", article_id=articles[rng.randrange(n_articles)].id, start=0, end=5, text=str(value),
            sentence=Span(text="", start=0, end=0), value=value, unit=unit, hedge=hedge, direction=direction,
            change=direction or hedge, subject=[subject], metric="share price" if unit == "percent" else None,
            date=day if rng.random() < 0.7 else None,
        ))
    return articles, claims


def measure(n: int) -> dict:
    from extractor.graph.build import build_graph
    from extractor.graph.resolve import group_claims

    articles, claims = synthetic_claims(n)
    start = time.perf_counter()
    groups = group_claims(claims)
    merge_seconds = time.perf_counter() - start
    start = time.perf_counter()
    built = build_graph(articles, [], [], claims)
    graph_seconds = time.perf_counter() - start
    return {
        "claims": n, "merged_nodes": len(groups), "merge_s": round(merge_seconds, 2),
        "graph_s": round(graph_seconds, 2), "graph_nodes": built.graph.number_of_nodes(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print(f"{'claims':>10} {'nodes':>10} {'merge s':>8} {'graph s':>8} {'µs/claim':>9} {'peak MB':>8}")
    for n in args.sizes:
        result = json.loads(subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                                           capture_output=True, text=True).stdout)
        per = (result["merge_s"] + result["graph_s"]) / n * 1e6
        print(f"{n:>10,} {result['merged_nodes']:>10,} {result['merge_s']:>8} {result['graph_s']:>8} "
              f"{per:>9.1f} {result['peak_rss_mb']:>8,}")


if __name__ == "__main__":
    main()
