"""Ingestion speed on the dev HTML pages: pages per second of ``ingest`` on one core.

The pages are ``../shared/dev/article-extraction/html`` (89) and ``../shared/dev/wcxb/html``
(478, unpacked into a temporary folder first). Each set is read by
``extractor.ingest.ingest`` (what ``extractor run`` does before the NLP) in this one
process, pinned to one core where the OS allows it; the best of ``--rounds`` rounds is kept
(on a shared machine the same work varies by a fifth from one minute to the next). Pages
per CPU second (process time) are printed too: on a loaded machine they move far less
than pages per wall-clock second.

    python bench/ingest_speed.py [--rounds 3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import os
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def pages_per_second(folder: Path, rounds: int) -> tuple[int, float, float, int]:
    """(pages, best pages/s, best pages per CPU second, articles) of ingesting every page of ``folder``."""
    from extractor.ingest import ingest
    from extractor.models import Article

    pages = sum(1 for _ in folder.glob("*.html"))
    best, best_cpu, articles = float("inf"), float("inf"), 0
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        articles = sum(isinstance(event, Article) for event in ingest([folder]))
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return pages, pages / best, pages / best_cpu, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        wcxb = Path(tmp)
        for packed in sorted((args.shared / "dev" / "wcxb" / "html").glob("*.html.gz")):
            (wcxb / packed.name.removesuffix(".gz")).write_bytes(gzip.decompress(packed.read_bytes()))
        sets = {"article-extraction": args.shared / "dev" / "article-extraction" / "html", "wcxb": wcxb}
        print(f"{'set':<20} {'pages':>6} {'articles':>9} {'pages/s':>8} {'pages/cpu-s':>12}  (one core, best of {args.rounds})")
        for name, folder in sets.items():
            pages, rate, cpu_rate, articles = pages_per_second(folder, args.rounds)
            print(f"{name:<20} {pages:>6} {articles:>9} {rate:>8.1f} {cpu_rate:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
