"""Peak memory of a run as the corpus grows tenfold (2,000 → 20,000 articles).

Articles are synthesised from the real texts in ../shared/dev (the dev HTML pages'
bodies and the PolNeAR articles): each one is a window of consecutive paragraphs of
a real text (about 250 words), with a dateline that makes every article distinct.
Each size runs ``extractor run`` with 2 workers in a fresh process, and the bench
prints the peak resident memory of the main process, of the largest worker, and of
the whole process tree (sampled), then the ratio of the large run to the small one.

A second pass re-runs each size into a new output folder with the extraction cache
warm, which isolates what grows with the corpus (the merge, graph and index stages)
from the model's fixed footprint.

    python bench/memory_scaling.py [--small 2000] [--large 20000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

WINDOW_WORDS = 250


def windows(texts: list[str]) -> list[str]:
    """Every run of consecutive paragraphs of about WINDOW_WORDS words, from every text."""
    out = []
    for text in texts:
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        start = 0
        while start < len(paragraphs):
            chunk, words = [], 0
            for paragraph in paragraphs[start:]:
                chunk.append(paragraph)
                words += len(paragraph.split())
                if words >= WINDOW_WORDS:
                    break
            out.append("\n\n".join(chunk))
            start += len(chunk)
    return out


def build_corpus(shared: Path, folder: Path, n: int) -> int:
    """Write ``n`` distinct articles; returns the number of words."""
    from throughput import real_texts

    pool = windows(real_texts(shared))
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        body = f"Dispatch {i // len(pool) + 1}.\n\n{pool[i % len(pool)]}"
        (folder / f"{i:06d}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
    return words


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total / 2**20


def measure(corpus: str, out: str, cache: str) -> dict:
    """One run in this process, with the process tree's memory sampled alongside."""
    from extractor.runner import RunOptions, run

    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(os.getpid()))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    manifest = run([Path(corpus)], Path(out), options=RunOptions(workers=2, cache_dir=Path(cache), quiet=True))
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return {"seconds": seconds, "stages": manifest.stage_seconds, "counts": manifest.counts,
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "tree_mb": peak}


def in_subprocess(*args: str) -> dict:
    code = (f"import json, sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import memory_scaling as m; "
            f"print(json.dumps(m.measure(*{args!r})))")
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        results = {}
        for n in (args.small, args.large):
            words = build_corpus(args.shared, root / f"corpus{n}", n)
            cache = str(root / f"cache{n}")
            cold = in_subprocess(str(root / f"corpus{n}"), str(root / f"out{n}"), cache)
            warm = in_subprocess(str(root / f"corpus{n}"), str(root / f"warm{n}"), cache)
            results[n] = (words, cold, warm)
            print(f"{n:,} articles, {words:,} words: cold {cold['seconds']:.0f} s, "
                  f"{cold['counts']['claims']:,} claims, {cold['counts']['claim_nodes']:,} claim nodes, "
                  f"{cold['counts']['entities']:,} entities; stages {cold['stages']}", flush=True)

    print(f"\n{'run':<24} {'main MB':>8} {'worker MB':>10} {'tree MB':>8}")
    for n, (_, cold, warm) in results.items():
        for name, r in ((f"{n:,} cold", cold), (f"{n:,} warm cache", warm)):
            print(f"{name:<24} {r['main_mb']:>8,.0f} {r['worker_mb']:>10,.0f} {r['tree_mb']:>8,.0f}")
    small, large = results[args.small], results[args.large]
    for key, label in (("tree_mb", "process tree"), ("main_mb", "main process")):
        print(f"{args.large:,} / {args.small:,} peak, {label}: cold {large[1][key] / small[1][key]:.2f}x, "
              f"warm cache {large[2][key] / small[2][key]:.2f}x")


if __name__ == "__main__":
    main()
