"""A run: ingest → NLP → extract → merge, streamed into one output folder.

Articles flow through in batches and their records are written as they come, so
memory stays flat however large the corpus: what grows with it (entity mentions
and roles, every claim and quote while they are merged) waits in temporary SQLite
files in the output folder, and memory holds the distinct entities and one merge
block at a time. Running into a folder that already holds a run adds the new
articles to it (the same folder twice changes nothing). The command line only parses
arguments and calls ``run``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__
from extractor.executors import run_dask, run_local
from extractor.graph.entities import EntityMerger
from extractor.graph.build import graph_counts, merged_nodes, with_provenance
from extractor.store.graph_file import write_graph_json
from extractor.graph.spill import MergeSpill
from extractor.ingest import Duplicate, Skipped, ingest
from extractor.models import Article, ArticleExtraction, Claim, Entity, ErrorRecord, Quote, RunManifest
from extractor.nlp import model_info
from extractor.progress import Progress
from extractor.settings import Settings
from extractor.store import output
from extractor.store.cache import ExtractionCache, default_cache_dir, pipeline_fingerprint
from extractor.store.index import build_index
from extractor.store.files import atomic_open, dumps, jsonl_writer, write_json, write_jsonl
from extractor.store.mentions import EntitySpill

# Exit statuses of ``extractor run`` (documented in the README).
EXIT_OK = 0  # every input was used
EXIT_SOME_INPUTS_FAILED = 1  # outputs written; see errors.jsonl for what was not used
EXIT_USAGE = 2  # bad command line (argparse's own status)
EXIT_RUN_FAILED = 3  # the run could not happen (model missing, output folder not writable)


@dataclass
class RunOptions:
    """How the work is spread and cached; none of it changes the output."""

    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    quiet: bool = True


@dataclass
class Tally:
    """What the inputs became; the parts add up to the inputs."""

    new_articles: int = 0
    already_present: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed_inputs: int = 0
    cached: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    extra_paths: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


class _Writer:
    """A JSON Lines file written atomically, starting from an earlier run's lines."""

    def __init__(self, stack: ExitStack, path: Path, keep_existing: bool):
        self.handle = stack.enter_context(atomic_open(path, unchanged=lambda: keep_existing and not self.added))
        self.writer = jsonl_writer(self.handle)
        self.count = self.added = 0
        for line in output.iter_lines(path) if keep_existing else ():
            self.handle.write(line + "\n")
            self.count += 1

    def write(self, record: Article | Quote | Claim) -> None:
        self.writer.write(record)
        self.count += 1
        self.added += 1


def _new_articles(paths: Iterable[str | Path], settings: Settings, known: set[str], tally: Tally) -> Iterator[Article]:
    """Ingested articles not already in the output; everything else is tallied."""
    for event in ingest(paths, settings):
        if isinstance(event, Article):
            if event.id in known:
                tally.already_present += 1
                tally.extra_paths[event.id].extend(event.paths)
            else:
                known.add(event.id)
                tally.new_articles += 1
                yield event
        elif isinstance(event, Duplicate):
            tally.duplicates += 1
            tally.extra_paths[event.article_id].append(event.path)
        elif isinstance(event, Skipped):
            tally.skipped += 1
            tally.errors.append(ErrorRecord(path=event.path, error="skipped", message=event.reason, fatal=False))
        else:
            tally.failed_inputs += event.fatal
            tally.errors.append(event)


Emit = Callable[[Article, ArticleExtraction | ErrorRecord], None]


def _extract_all(articles: Iterator[Article], settings: Settings, options: RunOptions,
                 cache: ExtractionCache | None, tally: Tally, emit: Emit) -> None:
    """Pass each article with its extraction to ``emit``, in input order, as soon as it and
    every article before it are done; cached ones skip the NLP.

    ``emit`` is called from inside the feed of articles too, so a long run of cached
    articles is written as it is read instead of piling up behind the executor.
    """
    order: deque[list] = deque()  # [article, result or None], in input order
    waiting: deque[list] = deque()  # the entries still waiting for a worker

    def flush() -> None:
        while order and order[0][1] is not None:
            article, result = order.popleft()
            emit(article, result)

    def uncached() -> Iterator[Article]:
        for article in articles:
            hit = cache.get(article) if cache else None
            entry = [article, hit]
            order.append(entry)
            if hit is None:
                waiting.append(entry)
                yield article
            else:
                tally.cached += 1
                flush()

    if options.executor == "dask":
        batches = run_dask(uncached(), settings, options.workers, options.scheduler)
    else:
        batches = run_local(uncached(), settings, options.workers)

    for batch, results in batches:
        for article, result in zip(batch, results):
            entry = waiting.popleft()
            assert entry[0].id == article.id, "executor returned results out of order"
            entry[1] = result
            if cache and isinstance(result, ArticleExtraction):
                cache.put(article, result)
        flush()
    flush()


def _patch_paths(path: Path, extra: dict[str, list[str]]) -> None:
    """Add the paths of duplicates (and re-read articles) to their article records."""
    if not extra:
        return
    patched = 0
    with atomic_open(path, unchanged=lambda: not patched) as handle:
        for line in output.iter_lines(path):
            record = json.loads(line)
            more = [p for p in extra.get(record["id"], []) if p not in record["paths"]]
            if more:
                record["paths"] = record["paths"] + more
                line = dumps(record)
                patched += 1
            handle.write(line + "\n")


def _write_graph(out: Path, entities: EntityMerger) -> dict[str, int]:
    """``entities.jsonl`` and ``graph.json`` from everything in ``out``. The occurrences
    wait on disk and are merged one block at a time, so memory stays flat however large
    the corpus (the query index is built after, from the files)."""
    with MergeSpill(out) as spill:
        spill.add_articles(output.iter_records(out / output.ARTICLES, Article))
        counts = {"entities": write_jsonl(out / output.ENTITIES, with_provenance(entities.records(), spill.headers))}
        spill.add_entities(entities.records(mentions=False))
        spill.add_quotes(output.iter_records(out / output.QUOTES, Quote))
        spill.add_claims(output.iter_records(out / output.CLAIMS, Claim))
        nodes, edges = write_graph_json(merged_nodes(spill), out / output.GRAPH)
    return counts | graph_counts(nodes, edges)


def _open_cache(settings: Settings, options: RunOptions, model_version: str) -> ExtractionCache | None:
    if not options.use_cache:
        return None
    return ExtractionCache(options.cache_dir or default_cache_dir(), pipeline_fingerprint(settings, model_version))


def run(paths: Iterable[str | Path], out: Path, settings: Settings | None = None,
        options: RunOptions | None = None) -> RunManifest:
    """Run the whole pipeline on ``paths`` and write (or add to) every output in ``out``."""
    settings = settings or Settings()
    options = options or RunOptions()
    out = Path(out)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clock = time.perf_counter()
    stages: Counter = Counter()

    out.mkdir(parents=True, exist_ok=True)
    incremental = output.is_run_folder(out)
    known = set(output.read_ids(out / output.ARTICLES)) if incremental else set()
    info = model_info(settings.model)
    tally = Tally()
    progress = Progress(quiet=options.quiet)
    with ExitStack() as resources:
        cache = _open_cache(settings, options, info["model_version"])
        if cache:
            resources.callback(cache.close)
        spill = EntitySpill(out)
        resources.callback(spill.close)
        entities = EntityMerger(spill)
        if incremental:
            entities.add(output.iter_records(out / output.ENTITIES, Entity))
        stages["setup"] += time.perf_counter() - clock

        mark = time.perf_counter()
        with ExitStack() as files:
            articles_out = _Writer(files, out / output.ARTICLES, incremental)
            quotes_out = _Writer(files, out / output.QUOTES, incremental)
            claims_out = _Writer(files, out / output.CLAIMS, incremental)
            stream = _new_articles(paths, settings, known, tally)

            def emit(article: Article, result: ArticleExtraction | ErrorRecord) -> None:
                articles_out.write(article)
                if isinstance(result, ErrorRecord):
                    tally.errors.append(result)
                else:
                    for quote in result.quotes:
                        quotes_out.write(quote)
                    for claim in result.claims:
                        claims_out.write(claim)
                    entities.add(result.entities)
                progress.advance()

            _extract_all(stream, settings, options, cache, tally, emit)
        _patch_paths(out / output.ARTICLES, tally.extra_paths)
        progress.close()
        stages["extract"] += time.perf_counter() - mark

        mark = time.perf_counter()
        unchanged = incremental and not tally.new_articles
        if unchanged:  # nothing new: the entities, graph and index on disk are already right
            previous = json.loads((out / output.MANIFEST).read_text(encoding="utf-8"))["counts"]
            counts = {k: previous.get(k, 0) for k in ("entities", "claim_nodes", "quote_nodes", "conflicts")}
        else:
            counts = _write_graph(out, entities)
    counts["errors"] = write_jsonl(out / output.ERRORS, tally.errors)
    stages["graph"] += time.perf_counter() - mark

    counts.update(
        articles=articles_out.count, quotes=quotes_out.count, claims=claims_out.count,
        new_articles=tally.new_articles, already_present=tally.already_present, duplicates=tally.duplicates,
        skipped=tally.skipped, failed_inputs=tally.failed_inputs, cached=tally.cached,
        warnings=sum(1 for e in tally.errors if not e.fatal),
    )
    manifest = RunManifest(
        package_version=__version__, **info,
        settings={**settings.model_dump(), "workers": options.workers, "executor": options.executor},
        inputs=tally.new_articles + tally.already_present + tally.duplicates + tally.skipped + tally.failed_inputs,
        counts=counts,
        error_counts=dict(sorted(Counter(e.error for e in tally.errors).items())),
        seconds=round(time.perf_counter() - clock, 3),
        stage_seconds={k: round(v, 3) for k, v in stages.items()},
        started=started.isoformat(),
    )
    write_json(out / output.MANIFEST, manifest)
    if not unchanged:
        build_index(out)
    return manifest


def exit_status(manifest: RunManifest) -> int:
    """0 when every input was used, 1 when some were not (or an article failed extraction)."""
    failed = manifest.counts.get("failed_inputs", 0) + manifest.error_counts.get("extract_failed", 0)
    return EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
