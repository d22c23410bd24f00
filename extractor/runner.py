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
import hashlib
import json
import os
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__
from extractor.errors import EXIT_OK, EXIT_SOME_INPUTS_FAILED, RunFolderError
from extractor.executors import DEFAULT_ARTICLE_TIMEOUT, run_dask, run_local
from extractor.extract.entities import entity_key
from extractor.extract.sections import moved
from extractor.graph.build import graph_counts, merged_nodes, with_provenance
from extractor.graph.entities import EntityMerger
from extractor.graph.quote_groups import quote_block, quote_words
from extractor.graph.resolve import claim_block_keys, value_interval
from extractor.store.graph_file import write_graph_json
from extractor.graph.spill import MergeSpill
from extractor.ingest import ArchiveRecords, Duplicate, Skipped, ingest
from extractor.models import Article, ArticleExtraction, Claim, Entity, ErrorRecord, Quote, RunManifest, TextRange
from extractor.nlp import model_info
from extractor.nlp.sections import SECTION_CHARS, split_sections
from extractor.progress import Progress
from extractor.settings import Settings
from extractor.store import output
from extractor.store.cache import ExtractionCache, GraphCache, default_cache_dir, entity_digest, pipeline_fingerprint
from extractor.store.index import build_index
from extractor.store.files import atomic_open, dumps, jsonl_writer, write_json, write_jsonl
from extractor.store.lock import folder_lock
from extractor.store.mentions import EntitySpill



@dataclass
class RunOptions:
    """How the work is spread and cached; none of it changes the output."""

    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    quiet: bool = True
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT  # seconds without progress before a worker is replaced
    wait: float | None = None  # seconds to wait for another run holding the output folder (None: fail at once)


@dataclass
class Tally:
    """What the inputs became; the parts add up to the inputs."""

    new_articles: int = 0
    already_present: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed_inputs: int = 0
    cached: int = 0  # articles whose every part came from the extraction cache
    failed_articles: int = 0  # articles that lost their records to an NLP, extraction or merge error
    errors: list[ErrorRecord] = field(default_factory=list)
    extra_paths: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    extra_urls: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    warc_records: Counter = field(default_factory=Counter)


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
                if event.urls:
                    tally.extra_urls[event.id].extend(event.urls)
            else:
                known.add(event.id)
                tally.new_articles += 1
                yield event
        elif isinstance(event, Duplicate):
            tally.duplicates += 1
            tally.extra_paths[event.article_id].append(event.path)
            if event.url:
                tally.extra_urls[event.article_id].append(event.url)
        elif isinstance(event, Skipped):
            tally.skipped += 1
            tally.errors.append(ErrorRecord(path=event.path, error="skipped", message=event.reason, fatal=False))
        elif isinstance(event, ArchiveRecords):  # not inputs themselves: their HTML pages are
            tally.warc_records.update(event.kinds)
        else:
            tally.failed_inputs += event.fatal
            tally.errors.append(event)


@dataclass(frozen=True)
class _Section:
    """Where a stand-in article sits in the long article it was cut from."""

    article: Article
    start: int
    last: bool

    def whole(self, result: ArticleExtraction | ErrorRecord) -> tuple[Article, ArticleExtraction | ErrorRecord]:
        """The long article, and this section's records moved into it (or its error, saying where)."""
        if isinstance(result, ErrorRecord):
            return self.article, result.model_copy(update={
                "path": self.article.path, "message": f"{result.message} (the section from character {self.start})"})
        return self.article, moved(result, self.article.id, self.start)


def _sectioned(articles: Iterator[Article], sections: dict[str, _Section]) -> Iterator[Article]:
    """Articles as they come, but one longer than a section as its sections: stand-in
    articles (id ``<id>:<start>``) that the executors parse, time, retry and cache like any
    other, in parallel, so that neither a worker nor this process ever holds more than a
    section's worth of parse or records; ``emit`` moves their records back into the whole."""
    for article in articles:
        spans = split_sections(article.text, SECTION_CHARS)
        if len(spans) == 1:
            yield article
            continue
        for start, end in spans:
            rows = [TextRange(start=max(r.start, start) - start, end=min(r.end, end) - start)
                    for r in article.non_prose if r.start < end and start < r.end]
            # the headline is read once, with the first section
            part = article.model_copy(update={"id": f"{article.id}:{start}", "text": article.text[start:end],
                                              "non_prose": rows, "title": article.title if start == 0 else None})
            sections[part.id] = _Section(article, start, last=end == len(article.text))
            yield part


Emit = Callable[[Article, ArticleExtraction | ErrorRecord, bool], None]  # (article, result, from the cache)


def _extract_all(articles: Iterator[Article], settings: Settings, options: RunOptions,
                 cache: ExtractionCache | None, emit: Emit) -> None:
    """Pass each article with its extraction to ``emit``, in input order, as soon as it and
    every article before it are done; cached ones skip the NLP.

    ``emit`` is called from inside the feed of articles too, so a long run of cached
    articles is written as it is read instead of piling up behind the executor.
    """
    order: deque[list] = deque()  # [article, result or None, from the cache], in input order
    waiting: deque[list] = deque()  # the entries still waiting for a worker

    def flush() -> None:
        while order and order[0][1] is not None:
            article, result, hit = order.popleft()
            emit(article, result, hit)

    def uncached() -> Iterator[Article]:
        for article in articles:
            hit = cache.get(article) if cache else None
            entry = [article, hit, hit is not None]
            order.append(entry)
            if hit is None:
                waiting.append(entry)
                yield article
            else:
                flush()

    if options.executor == "dask":
        batches = run_dask(uncached(), settings, options.workers, options.scheduler, options.article_timeout)
    else:
        batches = run_local(uncached(), settings, options.workers, options.article_timeout)

    for batch, results in batches:
        for article, result in zip(batch, results):
            entry = waiting.popleft()
            assert entry[0].id == article.id, "executor returned results out of order"
            entry[1] = result
            if cache and isinstance(result, ArticleExtraction):
                cache.put(article, result)
        flush()
    flush()


def _mergeable(article: Article, result: ArticleExtraction) -> ArticleExtraction | ErrorRecord:
    """The extraction if the merge can take every record of it, else an error for this article
    alone: the per-record steps of the merge are tried here, where a failure still has an
    article to name, rather than in the middle of a corpus-wide block."""
    try:
        for claim in result.claims:
            value_interval(claim)
            list(claim_block_keys(claim))
        for quote in result.quotes:
            quote_block(quote)
            quote_words(quote.text)
        for entity in result.entities:
            entity_key(entity.name)
    except Exception as exc:  # noqa: BLE001 - one article's records never stop the merge
        return ErrorRecord(path=article.path, stage="graph", error="merge_failed",
                           message=f"its records cannot be merged ({type(exc).__name__}: {exc}); the article is "
                                   "kept without entities, quotes or claims. Please report it with the article")
    return result


def _patch_paths(path: Path, extra: dict[str, list[str]], key: str = "paths") -> None:
    """Add the paths (or URLs) of duplicates (and re-read articles) to their article records."""
    if not extra:
        return
    patched = 0
    with atomic_open(path, unchanged=lambda: not patched) as handle:
        for line in output.iter_lines(path):
            record = json.loads(line)
            more = list(dict.fromkeys(p for p in extra.get(record["id"], []) if p not in record.get(key, [])))
            if more:
                record[key] = record.get(key, []) + more
                line = dumps(record)
                patched += 1
            handle.write(line + "\n")


def _write_graph(out: Path, entities: EntityMerger) -> dict[str, int]:
    """``entities.jsonl`` and ``graph.json`` from everything in ``out``. The occurrences
    wait on disk and are merged one block at a time, so memory stays flat however large
    the corpus (the query index is built after, from the files)."""
    with MergeSpill(out) as spill:
        spill.add_articles(output.iter_records(out / output.ARTICLES, Article))
        counts = {"entities": write_jsonl(out / output.ENTITIES, spill.noting_articles(
            with_provenance(entities.records(), spill.headers)))}
        spill.add_entities(entities.records(mentions=False))
        spill.add_quotes(output.iter_records(out / output.QUOTES, Quote))
        spill.add_claims(output.iter_records(out / output.CLAIMS, Claim))
        nodes, edges = write_graph_json(merged_nodes(spill), out / output.GRAPH)
    return counts | graph_counts(nodes, edges)


def _open_cache(settings: Settings, options: RunOptions, model_version: str) -> ExtractionCache | None:
    if not options.use_cache:
        return None
    return ExtractionCache(options.cache_dir or default_cache_dir(), pipeline_fingerprint(settings, model_version))


def _open_graph_cache(options: RunOptions) -> GraphCache | None:
    return GraphCache(options.cache_dir or default_cache_dir()) if options.use_cache else None


def _graph(out: Path, entities: EntityMerger, cache: GraphCache | None, entity_inputs: str) -> tuple[dict, str | None]:
    """The graph stage's counts, merged, or copied from the cache when a run read exactly the
    same records before (the files are then byte for byte what merging would write); and
    the cache key, for the query index."""
    key = GraphCache.key(out, entity_inputs) if cache else None
    counts = cache.restore(key, out) if cache and key else None
    if counts is None:
        counts = _write_graph(out, entities)
        if cache and key:
            cache.put(key, out, counts)
    return counts, key


def _previous_run(out: Path) -> bool:
    """Whether ``out`` holds a run to add to. Temporary files an interrupted run left are
    removed (they are never read); a damaged run is refused rather than built upon."""
    for leftover in out.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)
    if not output.is_run_folder(out):
        return False
    try:
        output.check_run(out)
    except RunFolderError as exc:
        raise RunFolderError(f"{exc} (refusing to add to a damaged run; nothing was changed)") from exc
    return True


def run(paths: Iterable[str | Path], out: Path, settings: Settings | None = None,
        options: RunOptions | None = None) -> RunManifest:
    """Run the whole pipeline on ``paths`` and write (or add to) every output in ``out``.

    One run at a time writes into ``out``: another one holding it raises
    ``RunFolderBusyError`` (after waiting ``options.wait`` seconds, if given).
    """
    options = options or RunOptions()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with folder_lock(out, options.wait):
        return _run(paths, out, settings or Settings(), options)


def _run(paths: Iterable[str | Path], out: Path, settings: Settings, options: RunOptions) -> RunManifest:
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clock = time.perf_counter()
    stages: Counter = Counter()

    incremental = _previous_run(out)
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
        graph_cache = _open_graph_cache(options)
        entity_inputs = hashlib.sha256()  # what the merger is fed, for the graph cache's key
        if incremental:
            if graph_cache and (out / output.ENTITIES).exists():
                with (out / output.ENTITIES).open("rb") as handle:
                    entity_inputs.update(hashlib.file_digest(handle, "sha256").digest())
            entities.add(output.iter_records(out / output.ENTITIES, Entity))
        stages["setup"] += time.perf_counter() - clock

        mark = time.perf_counter()
        with ExitStack() as files:
            articles_out = _Writer(files, out / output.ARTICLES, incremental)
            quotes_out = _Writer(files, out / output.QUOTES, incremental)
            claims_out = _Writer(files, out / output.CLAIMS, incremental)
            sections: dict[str, _Section] = {}
            stream = _sectioned(_new_articles(paths, settings, known, tally), sections)

            partial: dict[str, list[bool]] = {}  # a long article's id: [all parts cached, some part failed]

            def emit(article: Article, result: ArticleExtraction | ErrorRecord, hit: bool) -> None:
                section = sections.pop(article.id, None)
                if section is not None:  # a stand-in for part of a long article
                    article, result = section.whole(result)
                if section is None or section.start == 0:
                    articles_out.write(article)
                if isinstance(result, ArticleExtraction):
                    result = _mergeable(article, result)
                failed = isinstance(result, ErrorRecord) and result.fatal
                if isinstance(result, ErrorRecord):
                    tally.errors.append(result)
                else:
                    for quote in result.quotes:
                        quotes_out.write(quote)
                    for claim in result.claims:
                        claims_out.write(claim)
                    entities.add(result.entities)
                    if graph_cache:
                        entity_inputs.update(entity_digest(result.entities) + b"\0")
                if section is not None:  # the whole article is counted once, with its last part
                    state = partial.setdefault(article.id, [True, False])
                    state[0], state[1] = state[0] and hit, state[1] or failed
                    if not section.last:
                        return
                    hit, failed = partial.pop(article.id)
                tally.cached += hit
                tally.failed_articles += failed
                progress.advance()

            _extract_all(stream, settings, options, cache, emit)
        _patch_paths(out / output.ARTICLES, tally.extra_paths)
        _patch_paths(out / output.ARTICLES, tally.extra_urls, key="urls")
        progress.close()
        stages["extract"] += time.perf_counter() - mark

        mark = time.perf_counter()
        unchanged = incremental and not tally.new_articles
        graph_key = None
        if unchanged:  # nothing new: the entities, graph and index on disk are already right
            previous = json.loads((out / output.MANIFEST).read_text(encoding="utf-8"))["counts"]
            counts = {k: previous.get(k, 0) for k in ("entities", "claim_nodes", "quote_nodes", "conflicts")}
        else:
            counts, graph_key = _graph(out, entities, graph_cache, entity_inputs.hexdigest())
    counts["errors"] = write_jsonl(out / output.ERRORS, tally.errors)
    stages["graph"] += time.perf_counter() - mark

    counts.update(
        articles=articles_out.count, quotes=quotes_out.count, claims=claims_out.count,
        new_articles=tally.new_articles, already_present=tally.already_present, duplicates=tally.duplicates,
        skipped=tally.skipped, failed_inputs=tally.failed_inputs, cached=tally.cached,
        warnings=sum(1 for e in tally.errors if not e.fatal),
        failed_articles=tally.failed_articles,
    )
    manifest = RunManifest(
        package_version=__version__, **info,
        settings={**settings.model_dump(), "workers": options.workers, "executor": options.executor},
        inputs=tally.new_articles + tally.already_present + tally.duplicates + tally.skipped + tally.failed_inputs,
        counts=counts,
        error_counts=dict(sorted(Counter(e.error for e in tally.errors).items())),
        warc_records=dict(sorted(tally.warc_records.items())),
        seconds=round(time.perf_counter() - clock, 3),
        stage_seconds={k: round(v, 3) for k, v in stages.items()},
        started=started.isoformat(),
    )
    write_json(out / output.MANIFEST, manifest)
    if not unchanged and not (graph_cache and graph_key and graph_cache.restore_index(graph_key, out)):
        build_index(out)
        if graph_cache and graph_key:
            graph_cache.put_index(graph_key, out)
    return manifest


def exit_status(manifest: RunManifest) -> int:
    """0 when every input was used, 1 when some were not (or an article failed NLP, extraction or merging)."""
    failed = manifest.counts.get("failed_inputs", 0) + manifest.counts.get("failed_articles", 0)
    return EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
