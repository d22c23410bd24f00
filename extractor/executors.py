"""Where per-article work runs: this process, a pool of processes, or a Dask cluster.

Every executor maps ``extract_batch`` over batches of articles and yields results in
input order, so the output does not depend on where the work ran. Workers load the
spaCy model once per process (``worker_pipeline`` is cached).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from functools import lru_cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from extractor.errors import UnavailableError
from extractor.extract.article import extract_article, reading_parts
from extractor.models import Article, ArticleExtraction, ErrorRecord
from extractor.nlp import load_pipeline
from extractor.nlp.sections import SECTION_CHARS
from extractor.settings import Settings
from extractor.workers import WorkerPool

EXECUTORS = ("local", "dask")
# Seconds an article's worker may go without progress before it is stopped (--article-timeout):
# generous, since a batch of long articles takes minutes on a slow machine.
DEFAULT_ARTICLE_TIMEOUT = 600.0
# Articles per task sent to a worker: large enough to amortise the hand-off.
TASK_SIZE = 16
# Tasks in flight per worker: enough to keep it busy, few enough to keep memory flat.
TASKS_AHEAD = 3

BatchResult = list[ArticleExtraction | ErrorRecord]


class ExecutorUnavailableError(UnavailableError):
    """The chosen executor cannot start (an optional extra missing, a scheduler unreachable)."""


@lru_cache(maxsize=4)
def worker_pipeline(model: str) -> Language:
    """``load_pipeline(model)``, after which every object the process holds is frozen
    out of the cyclic garbage collector (``gc.freeze``): the model's hundred thousand
    objects live as long as the process, and each full collection would walk them all."""
    nlp = load_pipeline(model)
    gc.freeze()
    return nlp


def _failure(article: Article, stage: str, error: str, exc: BaseException | str) -> ErrorRecord:
    reason = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return ErrorRecord(path=article.path, stage=stage, error=error,  # type: ignore[arg-type]
                       message=f"{reason}; the article is kept without entities, quotes or claims. "
                               "Please report it with the article attached")


def _joined(docs: list[Doc]) -> Doc:
    """An article's parsed pieces (``reading_parts``) as one Doc over their joined text."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def parse_articles(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[Doc | ErrorRecord]:
    """``nlp.pipe`` over the articles' pieces (headline, text); when one breaks the pipe,
    the rest are parsed one at a time, so only the article that fails is lost."""
    done = 0
    try:
        parts = [reading_parts(a) for a in articles]
        docs = nlp.pipe((piece for pieces in parts for piece in pieces), batch_size=batch_size)
        for pieces in parts:
            doc = _joined(list(islice(docs, len(pieces))))
            done += 1
            yield doc
        return
    except Exception:  # noqa: BLE001 - which article broke the batch is found below
        pass
    for article in articles[done:]:
        try:
            doc = _joined([nlp(piece) for piece in reading_parts(article)])
        except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
            yield _failure(article, "nlp", "nlp_failed", exc)
        else:
            yield doc


def _extract_one(doc: Doc, article: Article) -> ArticleExtraction | ErrorRecord:
    try:
        return extract_article(doc, article)
    except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
        return _failure(article, "extract", "extract_failed", exc)


def extract_each(nlp: Language, articles: list[Article], settings: Settings) -> Iterator[ArticleExtraction | ErrorRecord]:
    """The extraction (or the error) of each article in order. The runner sends an article
    longer than a section as its sections (``runner._sectioned``), so each text here is short."""
    for article, doc in zip(articles, parse_articles(nlp, articles, settings.batch_size)):
        yield doc if isinstance(doc, ErrorRecord) else _extract_one(doc, article)


def extract_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Parse and extract a batch of articles in this process; a failure stays with its article."""
    return list(extract_each(worker_pipeline(settings.model), articles, settings))


def _batches(articles: Iterable[Article], size: int, max_chars: int = SECTION_CHARS) -> Iterator[list[Article]]:
    """At most ``size`` articles a batch, and at most ``max_chars`` characters unless one
    article alone is longer: ``nlp.pipe`` parses a batch at once, and its memory follows
    the characters (a batch of sixteen 100,000-character sections would take some 5 GB)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _in_order(submit, batches: Iterator[list[Article]], ahead: int) -> Iterator[tuple[list[Article], BatchResult | None]]:
    """Keep ``ahead`` tasks in flight and yield their results in submission order (None for
    a task that failed as a whole: its worker died, or it raised)."""
    pending: deque[tuple[list[Article], Future]] = deque()

    def result(future: Future) -> BatchResult | None:
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - the batch is tried again article by article
            return None

    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= ahead:
            done_batch, future = pending.popleft()
            yield done_batch, result(future)
    while pending:
        done_batch, future = pending.popleft()
        yield done_batch, result(future)


def _one_by_one(submit, batch: list[Article], timeout: float) -> BatchResult:
    """A failed batch tried again one article at a time; an article that fails again is reported."""
    futures = [submit([article]) for article in batch]
    results: BatchResult = []
    for article, future in zip(batch, futures):
        try:
            results.append(future.result(timeout=timeout * 2)[0])
        except Exception as exc:  # noqa: BLE001 - killed worker, timeout, anything: this article only
            kind = "timeout" if isinstance(exc, TimeoutError) else "worker_died"
            results.append(ErrorRecord(path=article.path, stage="nlp", error=kind,
                                       message=f"its task failed twice on the cluster ({type(exc).__name__}: "
                                               f"{exc}); the article is kept without entities, quotes or claims"))
    return results


def run_local(articles: Iterable[Article], settings: Settings, workers: int,
              timeout: float = DEFAULT_ARTICLE_TIMEOUT) -> Iterator[tuple[list[Article], BatchResult]]:
    """In a pool of ``workers`` processes that replaces a worker which dies or hangs (see
    ``extractor.workers``); each loads the model once."""
    yield from WorkerPool(settings, workers, timeout).map(_batches(articles, TASK_SIZE))


def run_dask(articles: Iterable[Article], settings: Settings, workers: int, scheduler: str | None = None,
             timeout: float = DEFAULT_ARTICLE_TIMEOUT) -> Iterator[tuple[list[Article], BatchResult]]:
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
        submit = lambda b: client.submit(extract_batch, b, settings, pure=False)  # noqa: E731
        for batch, results in _in_order(submit, _batches(articles, TASK_SIZE), n_workers * TASKS_AHEAD):
            yield batch, results if results is not None else _one_by_one(submit, batch, timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
