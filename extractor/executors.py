"""Where per-article work runs: this process, a pool of processes, or a Dask cluster.

Every executor maps ``extract_batch`` over batches of articles and yields results in
input order, so the output does not depend on where the work ran. Workers load the
spaCy model once per process (``worker_pipeline`` is cached).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from itertools import islice

from spacy.language import Language

from extractor.extract.article import extract_article
from extractor.models import Article, ArticleExtraction, ErrorRecord
from extractor.nlp import load_pipeline
from extractor.settings import Settings

EXECUTORS = ("local", "dask")
# Articles per task sent to a worker: large enough to amortise the hand-off.
TASK_SIZE = 16
# Tasks in flight per worker: enough to keep it busy, few enough to keep memory flat.
TASKS_AHEAD = 3

BatchResult = list[ArticleExtraction | ErrorRecord]


class ExecutorUnavailableError(RuntimeError):
    """The chosen executor cannot start (an optional extra missing, a scheduler unreachable)."""


@lru_cache(maxsize=4)
def worker_pipeline(model: str) -> Language:
    """``load_pipeline(model)``, after which every object the process holds is frozen
    out of the cyclic garbage collector (``gc.freeze``): the model's hundred thousand
    objects live as long as the process, and each full collection would walk them all."""
    nlp = load_pipeline(model)
    gc.freeze()
    return nlp


def extract_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Parse and extract a batch of articles in this process; a failure stays with its article."""
    nlp = worker_pipeline(settings.model)
    results: BatchResult = []
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    for article, doc in zip(articles, docs):
        try:
            results.append(extract_article(doc, article))
        except Exception as exc:  # one broken article never stops a batch
            results.append(ErrorRecord(
                path=article.path, stage="extract", error="extract_failed",
                message=f"extraction failed ({type(exc).__name__}: {exc}); the article is kept without "
                        f"entities, quotes or claims. Please report it with the article attached",
            ))
    return results


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _in_order(submit, batches: Iterator[list[Article]], ahead: int) -> Iterator[tuple[list[Article], BatchResult]]:
    """Keep ``ahead`` tasks in flight and yield their results in submission order."""
    pending: deque[tuple[list[Article], Future]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= ahead:
            done_batch, future = pending.popleft()
            yield done_batch, future.result()
    while pending:
        done_batch, future = pending.popleft()
        yield done_batch, future.result()


def run_local(articles: Iterable[Article], settings: Settings, workers: int) -> Iterator[tuple[list[Article], BatchResult]]:
    """In this process for one worker, else a process pool with one model per process."""
    if workers <= 1:
        for batch in _batches(articles, settings.batch_size):
            yield batch, extract_batch(batch, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _in_order(lambda b: pool.submit(extract_batch, b, settings),
                             _batches(articles, TASK_SIZE), workers * TASKS_AHEAD)


def run_dask(articles: Iterable[Article], settings: Settings, workers: int,
             scheduler: str | None = None) -> Iterator[tuple[list[Article], BatchResult]]:
    """As Dask tasks on a new LocalCluster, or on the running cluster at ``scheduler``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ExecutorUnavailableError(
            "the dask executor needs the optional extra: pip install 'extractor[dask]'") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ExecutorUnavailableError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from exc
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        yield from _in_order(lambda b: client.submit(extract_batch, b, settings, pure=False),
                             _batches(articles, TASK_SIZE), n_workers * TASKS_AHEAD)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
