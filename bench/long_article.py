"""Peak memory and speed of one very long article (a transcript, a live blog).

The article is real news text from ../shared/dev (the PolNeAR articles, joined by
blank lines and repeated with a numbered dateline each time) cut to the size asked
for, written as one plain-text file, and run through ``extractor run`` with one
worker (or ``--workers N``) in a fresh process. Long articles go to the workers a
section at a time, so every process's peak should stay near that of an ordinary run
whatever the size.

    python bench/long_article.py --mb 5 [--mb 50] [--workers 2] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def long_text(shared: Path, size: int) -> str:
    """At least ``size`` characters of news paragraphs, then cut at the last blank line before it."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted((shared / "dev" / "polnear" / "text").iterdir())]
    parts, length, round_ = [], 0, 0
    while length < size:
        round_ += 1
        for text in texts:
            part = f"Update {round_}.\n\n{text}"
            parts.append(part)
            length += len(part) + 2
            if length >= size:
                break
    text = "\n\n".join(parts)[:size]
    return text[: text.rfind("\n\n")] if "\n\n" in text else text


def measure(path: str, out: str, workers: int = 1) -> dict:
    """One run in this process with the process tree's memory sampled (see memory_scaling)."""
    import resource
    import threading
    import time
    import os

    from memory_scaling import tree_rss_mb

    from extractor.runner import RunOptions, run
    from extractor.settings import Settings

    peak, done = 0.0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(os.getpid()))
            done.wait(0.5)

    threading.Thread(target=sample, daemon=True).start()
    start = time.perf_counter()
    size = Path(path).stat().st_size
    manifest = run([Path(path)], Path(out), Settings(max_bytes=size + 1),
                   RunOptions(workers=workers, use_cache=False, quiet=True))
    seconds = time.perf_counter() - start
    done.set()
    return {"seconds": seconds, "counts": manifest.counts, "errors": manifest.error_counts,
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "tree_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, action="append", help="article size in MB (repeatable; default 5)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (sections go out in parallel)")
    args = parser.parse_args()
    print(f"{'size':>8} {'words':>11} {'seconds':>8} {'words/s':>8} {'main MB':>8} {'worker MB':>10} "
          f"{'tree MB':>8}  claims / quotes / entities")
    for mb in args.mb or [5.0]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "long.txt"
            text = long_text(args.shared, int(mb * 1_000_000))
            path.write_text(text, encoding="utf-8")
            words = len(text.split())
            code = (f"import json, sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import long_article as m; "
                    f"print(json.dumps(m.measure({str(path)!r}, {str(Path(tmp) / 'out')!r}, {args.workers})))")
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
            if done.returncode:
                sys.exit(f"the {mb:g} MB run failed:\n{done.stderr}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            c = r["counts"]
            print(f"{mb:>6g}MB {words:>11,} {r['seconds']:>8.0f} {words / r['seconds']:>8,.0f} {r['main_mb']:>8,.0f} "
                  f"{r['worker_mb']:>10,.0f} {r['tree_mb']:>8,.0f}  {c['claims']:,} / {c['quotes']:,} / "
                  f"{c['entities']:,}  errors {r['errors'] or 'none'}", flush=True)


if __name__ == "__main__":
    main()
