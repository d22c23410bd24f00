"""Throughput of the whole pipeline against bare spaCy, on real news text.

The text is the dev HTML pages (their extracted bodies) and the PolNeAR articles
from ../shared/dev, repeated (each copy made distinct) to at least 2 MB and written
as plain-text files. One run prints:

- words per second of bare ``nlp.pipe`` with the same model, components and batch size,
  with spaCy's stock components (what a user running spaCy gets) and with the keyed
  attribute ruler and lemmatizer the pipeline loads (``extractor/nlp/keyed_rules.py``:
  same annotations); bare and pipeline runs alternate for ``--rounds`` rounds, each keeps its best;
- words per second of ``extractor run`` with 1 worker and with 2, and each one's ratio
  to bare stock spaCy, and to bare spaCy with the keyed rules (the cost of extraction,
  the graph and the outputs on top of the parse);
- peak memory (max RSS) of the main process and of the worker processes;
- the time of a re-run of the unchanged folder (into the same output, and into a new
  output folder with the cache warm: extractions and the merged graph) against the cold run.

    python bench/throughput.py [--mb 2] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def real_texts(shared: Path) -> list[str]:
    from extractor.ingest.html import NoArticleError, read_html

    texts = []
    for page in sorted((shared / "dev" / "article-extraction" / "html").glob("*.html")):
        try:
            texts.append(read_html(page.read_text(encoding="utf-8", errors="replace")).text)
        except NoArticleError:
            continue
    for article in sorted((shared / "dev" / "polnear" / "text").glob("*.txt")):
        texts.append(article.read_text(encoding="utf-8"))
    return [t for t in texts if t.strip()]


def build_corpus(shared: Path, folder: Path, megabytes: float) -> tuple[int, int]:
    """Write distinct copies of the real texts until the folder holds ``megabytes``; returns (files, words)."""
    texts = real_texts(shared)
    folder.mkdir(parents=True, exist_ok=True)
    size = files = words = 0
    copy = 0
    while size < megabytes * 1_000_000:
        for i, text in enumerate(texts):
            body = f"Edition {copy + 1}.\n\n{text}"
            (folder / f"{copy:03d}-{i:04d}.txt").write_text(body, encoding="utf-8")
            size += len(body.encode())
            files += 1
            words += len(body.split())
        copy += 1
    return files, words


def bare_spacy(folder: Path, model: str, batch_size: int, keyed_rules: bool = False) -> dict:
    """Bare nlp.pipe over the same cleaned texts the pipeline parses; with spaCy's stock
    attribute ruler and lemmatizer unless ``keyed_rules``."""
    from extractor.ingest import ingest
    from extractor.models import Article
    from extractor.nlp import load_pipeline

    texts = [a.text for a in ingest([folder]) if isinstance(a, Article)]
    nlp = load_pipeline(model, keyed_rules=keyed_rules)
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def pipeline(folder: Path, out: Path, workers: int, cache: Path | None) -> dict:
    from extractor.models import Article
    from extractor.runner import RunOptions, run
    from extractor.store.output import iter_records

    options = RunOptions(workers=workers, use_cache=cache is not None, cache_dir=cache, quiet=True)
    start = time.perf_counter()
    manifest = run([folder], out, options=options)
    seconds = time.perf_counter() - start
    words = sum(len(a.text.split()) for a in iter_records(out / "articles.jsonl", Article))
    return {"words": words, "seconds": seconds, "stages": manifest.stage_seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "workers_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def in_subprocess(function: str, *args: str) -> dict:
    """Run one measurement in a fresh process so its memory and warm-up are its own."""
    code = f"import json, sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import throughput as t; " \
           f"from pathlib import Path; print(json.dumps(t.{function}(*{args!r})))"
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(result.stdout.strip().splitlines()[-1])


def bare_spacy_cli(folder: str, model: str, batch_size: str, keyed_rules: str = "") -> dict:
    return bare_spacy(Path(folder), model, int(batch_size), keyed_rules == "keyed")


def pipeline_cli(folder: str, out: str, workers: str, cache: str) -> dict:
    return pipeline(Path(folder), Path(out), int(workers), Path(cache) if cache else None)


def main() -> None:
    from extractor.nlp import DEFAULT_MODEL
    from extractor.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in megabytes (default 2)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of bare spaCy and pipeline runs (best kept)")
    args = parser.parse_args()
    batch = str(Settings().batch_size)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files, words = build_corpus(args.shared, root / "corpus", args.mb)
        print(f"corpus: {files} files, {words:,} words, {args.mb} MB; best of {args.rounds} rounds; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        # Bare spaCy and the pipeline take turns, and each keeps its fastest round: on a
        # shared machine the same work varies by a fifth from one minute to the next.
        rounds: dict[str, list[dict]] = {"bare": [], "keyed": [], "one": [], "two": []}
        for n in range(args.rounds):
            rounds["bare"].append(in_subprocess("bare_spacy_cli", str(root / "corpus"), DEFAULT_MODEL, batch))
            rounds["keyed"].append(in_subprocess("bare_spacy_cli", str(root / "corpus"), DEFAULT_MODEL, batch, "keyed"))
            rounds["one"].append(in_subprocess("pipeline_cli", str(root / "corpus"), str(root / f"out1-{n}"), "1", ""))
            rounds["two"].append(in_subprocess("pipeline_cli", str(root / "corpus"), str(root / f"out2-{n}"), "2", ""))
        bare, keyed, one, two = (min(rounds[k], key=lambda r: r["seconds"]) for k in ("bare", "keyed", "one", "two"))
        cold = in_subprocess("pipeline_cli", str(root / "corpus"), str(root / "out3"), "2", str(root / "cache"))
        rerun = in_subprocess("pipeline_cli", str(root / "corpus"), str(root / "out3"), "2", str(root / "cache"))
        warm = in_subprocess("pipeline_cli", str(root / "corpus"), str(root / "out4"), "2", str(root / "cache"))

    def wps(result: dict) -> float:
        return result["words"] / result["seconds"]

    print(f"{'run':<30} {'words/s':>9} {'vs spaCy':>9} {'vs keyed':>9} {'seconds':>8} {'peak MB':>8} {'workers MB':>10}")
    for name, result in (("bare nlp.pipe, stock spaCy", bare), ("bare nlp.pipe, keyed rules", keyed)):
        print(f"{name:<30} {wps(result):>9,.0f} {wps(result) / wps(bare):>9.2f} {wps(result) / wps(keyed):>9.2f} "
              f"{result['seconds']:>8.1f} {result['peak_rss_mb']:>8,.0f} {'-':>10}")
    for name, result in (("pipeline, 1 worker", one), ("pipeline, 2 workers", two)):
        print(f"{name:<30} {wps(result):>9,.0f} {wps(result) / wps(bare):>9.2f} {wps(result) / wps(keyed):>9.2f} "
              f"{result['seconds']:>8.1f} {result['peak_rss_mb']:>8,.0f} {result['workers_peak_rss_mb']:>10,.0f}")
    print(f"2 workers / 1 worker: {wps(two) / wps(one):.2f}x")
    print(f"cold run (2 workers, cache filled): {cold['seconds']:.1f} s")
    print(f"re-run of the unchanged folder into the same output: {rerun['seconds']:.2f} s "
          f"({cold['seconds'] / rerun['seconds']:.0f}x faster)")
    print(f"re-run into a new output folder, warm cache: {warm['seconds']:.2f} s "
          f"({cold['seconds'] / warm['seconds']:.0f}x faster)")
    print(f"stages, 1 worker: {one['stages']}")
    print(f"stages, warm run into a new folder: {warm['stages']}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (a shared machine: compare ratios of one run only)")


if __name__ == "__main__":
    main()
