"""A pool of worker processes that outlives its workers.

``concurrent.futures.ProcessPoolExecutor`` breaks for good when one worker dies, and
has no time limit, so one article that crashes spaCy, eats the memory or never ends
would cost the whole batch. Here each worker has its own task queue and result pipe,
so the supervisor knows which articles were in flight where: a worker that dies or
makes no progress for ``timeout`` seconds is stopped and replaced, the articles it
had not finished are tried again one at a time, and an article that fails a second
time becomes an ``ErrorRecord``; every other article goes on.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from extractor.errors import ExtractorError
from extractor.models import Article, ArticleExtraction, ErrorRecord
from extractor.settings import Settings

# Jobs queued per worker: enough to keep it busy, few enough to keep memory flat.
JOBS_AHEAD = 3
# A worker that dies this many times before it has loaded the model will not start at all.
MAX_START_FAILURES = 3
# Loading the model gets at least this long (seconds) whatever ``--article-timeout`` says:
# on a busy machine a load can take longer than a short article limit, and a worker
# replaced for it would never start. A load that hangs past it is still stopped.
MODEL_LOAD_SECONDS = 120.0
# How often the supervisor looks at its workers when no result arrives (seconds).
POLL_SECONDS = 0.5

_READY, _FATAL = "ready", "fatal"

Result = ArticleExtraction | ErrorRecord


def _worker_main(tasks: multiprocessing.Queue, conn: Connection, settings: Settings) -> None:
    """A worker: load the model once, then extract each job's articles, sending each result
    as soon as it is done (each result is also the worker's sign of progress)."""
    from extractor.executors import extract_each, worker_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    try:
        nlp = worker_pipeline(settings.model)
    except ExtractorError as exc:
        conn.send((_FATAL, str(exc), None))
        return
    conn.send((_READY, None, None))
    while (job := tasks.get()) is not None:
        job_id, articles = job
        for index, result in enumerate(extract_each(nlp, articles, settings)):
            conn.send((job_id, index, result))


@dataclass
class _Task:
    """A batch as the caller gave it; done when every article has a result."""

    articles: list[Article]
    results: list[Result | None]

    @property
    def done(self) -> bool:
        return all(r is not None for r in self.results)


@dataclass
class _Job:
    """Articles sent to one worker: a whole task, or one article tried again."""

    id: int
    slots: list[tuple[_Task, int]]
    attempt: int
    received: int = 0

    @property
    def articles(self) -> list[Article]:
        return [task.articles[i] for task, i in self.slots]


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    tasks: multiprocessing.Queue
    conn: Connection
    ready: bool = False
    last_progress: float = field(default_factory=time.monotonic)
    jobs: deque[_Job] = field(default_factory=deque)


class WorkerPool:
    """``workers`` processes extracting batches of articles, results in input order."""

    def __init__(self, settings: Settings, workers: int, timeout: float):
        self.settings = settings
        self.size = max(1, workers)
        self.timeout = timeout
        # fork shares the parent's loaded modules (and model, if loaded) at no cost; elsewhere spawn.
        self._context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        self._workers: list[_Worker] = []
        self._queue: deque[_Job] = deque()
        self._next_id = 0
        self._start_failures = 0

    # ------------------------------------------------------------ workers

    def _start_worker(self) -> None:
        receive, send = self._context.Pipe(duplex=False)
        tasks = self._context.Queue()
        process = self._context.Process(target=_worker_main, args=(tasks, send, self.settings),
                                        name="extractor-worker", daemon=True)
        process.start()
        send.close()  # the child's end; EOF on ours then means the child is gone
        self._workers.append(_Worker(process, tasks, receive))

    def _stop_worker(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        worker.tasks.cancel_join_thread()  # what it still holds is never read
        worker.tasks.close()
        self._workers.remove(worker)

    def _lost(self, worker: _Worker, reason: str, error: str = "worker_died") -> None:
        """Replace a dead or stuck worker; try its unfinished articles again, or report them."""
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise ExtractorError(f"worker processes die while starting ({reason}); "
                                     "try `extractor run --workers 1`, or check memory and the model install")
        jobs = list(worker.jobs)
        self._stop_worker(worker)
        started, queued = (jobs[:1], jobs[1:]) if worker.ready else ([], jobs)
        self._queue.extendleft(reversed(queued))  # never started: sent again as they were
        for job in started:
            for task, index in job.slots[job.received:]:
                if job.attempt == 1:  # tried again alone, so one bad article cannot take others down
                    self._queue.appendleft(self._job([(task, index)], attempt=2))
                else:
                    article = task.articles[index]
                    task.results[index] = ErrorRecord(
                        path=article.path, stage="nlp", error=error,
                        message=f"{reason} twice while processing this article; it is kept without entities, "
                                "quotes or claims")
        self._start_worker()

    def _job(self, slots: list[tuple[_Task, int]], attempt: int = 1) -> _Job:
        self._next_id += 1
        return _Job(self._next_id, slots, attempt)

    def _dispatch(self) -> None:
        while self._queue:
            worker = min(self._workers, key=lambda w: len(w.jobs))
            if len(worker.jobs) >= JOBS_AHEAD:
                return
            job = self._queue.popleft()
            if not worker.jobs:
                worker.last_progress = time.monotonic()
            worker.jobs.append(job)
            worker.tasks.put((job.id, job.articles))

    def _receive(self, worker: _Worker) -> None:
        try:
            kind, index, result = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            self._lost(worker, _death(worker.process.exitcode))
            return
        except Exception as exc:  # noqa: BLE001 - a result that cannot be unpickled
            self._lost(worker, f"a worker sent a result that cannot be read ({type(exc).__name__}: {exc})")
            return
        worker.last_progress = time.monotonic()
        if kind == _FATAL:
            raise ExtractorError(str(index))
        if kind == _READY:
            worker.ready = True
            self._start_failures = 0
        else:
            job = worker.jobs[0]
            assert job.id == kind, "a worker answered out of order"
            task, slot = job.slots[index]
            task.results[slot] = result
            job.received += 1
            if job.received == len(job.slots):
                worker.jobs.popleft()

    def _watch(self) -> None:
        """Wait for results; replace workers that died or stopped making progress."""
        ready = wait([w.conn for w in self._workers], timeout=POLL_SECONDS)
        for worker in [w for w in self._workers if w.conn in ready]:
            self._receive(worker)
        now = time.monotonic()
        for worker in list(self._workers):
            limit = self.timeout if worker.ready else max(self.timeout, MODEL_LOAD_SECONDS)
            if worker.jobs and now - worker.last_progress > limit:  # stuck loading the model too
                self._lost(worker, f"no progress for {limit:g} s (--article-timeout)", "timeout")

    # ------------------------------------------------------------ the pool

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Result]]]:
        """Each batch with its results, in the order given, as soon as it is done."""
        feed = iter(batches)
        order: deque[_Task] = deque()
        fed_all = False
        try:
            while len(self._workers) < self.size:
                self._start_worker()
            while True:
                while not fed_all and len(self._queue) + sum(len(w.jobs) for w in self._workers) < \
                        self.size * JOBS_AHEAD:
                    batch = next(feed, None)
                    if batch is None:
                        fed_all = True
                        break
                    task = _Task(batch, [None] * len(batch))
                    order.append(task)
                    self._queue.append(self._job([(task, i) for i in range(len(batch))]))
                self._dispatch()
                while order and order[0].done:
                    task = order.popleft()
                    yield task.articles, task.results  # type: ignore[misc]
                if fed_all and not order:
                    return
                self._watch()
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker (asked to finish first; stopped if it does not)."""
        for worker in list(self._workers):
            if worker.process.is_alive() and not worker.jobs:
                try:
                    worker.tasks.put(None)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 5
        for worker in list(self._workers):
            worker.process.join(max(0.0, deadline - time.monotonic()))
            self._stop_worker(worker)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process was killed by {name}{hint}"
    if exitcode is not None:
        return f"the worker process exited with status {exitcode}"
    return "the worker process stopped answering"

