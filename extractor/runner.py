"""A run: ingest → NLP → extract → merge, written into one output folder.

The command line only parses arguments and calls ``run``; everything a run does and
records is here, so it can be driven from Python the same way.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__
from extractor.extract.article import extract_article
from extractor.extract.entities import merge_entity_records
from extractor.ingest import Duplicate, Skipped, ingest
from extractor.models import Article, ArticleExtraction, ErrorRecord, RunManifest
from extractor.nlp import load_pipeline, model_info
from extractor.settings import Settings
from extractor.store.files import write_json, write_jsonl

# Exit statuses of ``extractor run`` (documented in the README).
EXIT_OK = 0  # every input was used
EXIT_SOME_INPUTS_FAILED = 1  # outputs written; see errors.jsonl for what was not used
EXIT_USAGE = 2  # bad command line (argparse's own status)
EXIT_RUN_FAILED = 3  # the run could not happen (model missing, output folder not writable)

OUTPUT_FILES = ("articles.jsonl", "errors.jsonl", "entities.jsonl", "quotes.jsonl", "claims.jsonl", "manifest.json")


@dataclass
class Collected:
    """What ingestion produced, tallied so the counts add up to the inputs."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    duplicates: int = 0
    skipped: int = 0


def collect(paths: Iterable[str | Path], settings: Settings) -> Collected:
    """Ingest everything; duplicates are folded into their article's ``paths``."""
    out = Collected()
    by_id: dict[str, Article] = {}
    extra_paths: dict[str, list[str]] = defaultdict(list)
    for event in ingest(paths, settings):
        if isinstance(event, Article):
            by_id[event.id] = event
            out.articles.append(event)
        elif isinstance(event, Duplicate):
            extra_paths[event.article_id].append(event.path)
            out.duplicates += 1
        elif isinstance(event, Skipped):
            out.skipped += 1
            out.errors.append(ErrorRecord(path=event.path, error="skipped", message=event.reason, fatal=False))
        else:
            out.errors.append(event)
    for article_id, paths_seen in extra_paths.items():
        by_id[article_id].paths.extend(paths_seen)
    return out


def extract_all(articles: list[Article], settings: Settings) -> tuple[list[ArticleExtraction], list[ErrorRecord]]:
    """Parse every article with one pipeline and extract its records; failures are per article."""
    nlp = load_pipeline(settings.model)
    results, errors = [], []
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    for article, doc in zip(articles, docs):
        try:
            results.append(extract_article(doc, article))
        except Exception as exc:  # one broken article never stops a batch
            errors.append(ErrorRecord(path=article.path, stage="extract", error="extract_failed",
                                      message=f"extraction failed ({type(exc).__name__}: {exc}); "
                                              f"the article is kept without entities, quotes or claims"))
    return results, errors


def run(paths: Iterable[str | Path], out: Path, settings: Settings | None = None) -> RunManifest:
    """Run the whole pipeline on ``paths`` and write every output into ``out``."""
    settings = settings or Settings()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clock = time.perf_counter()
    stage_seconds: dict[str, float] = {}

    collected = collect(paths, settings)
    stage_seconds["ingest"] = time.perf_counter() - clock

    mark = time.perf_counter()
    extractions, extract_errors = extract_all(collected.articles, settings)
    errors = collected.errors + extract_errors
    stage_seconds["extract"] = time.perf_counter() - mark

    mark = time.perf_counter()
    entities = merge_entity_records(e.entities for e in extractions)
    quotes = [q for e in extractions for q in e.quotes]
    claims = [c for e in extractions for c in e.claims]
    stage_seconds["merge"] = time.perf_counter() - mark

    mark = time.perf_counter()
    counts = {
        "articles": write_jsonl(out / "articles.jsonl", collected.articles),
        "errors": write_jsonl(out / "errors.jsonl", errors),
        "entities": write_jsonl(out / "entities.jsonl", entities),
        "quotes": write_jsonl(out / "quotes.jsonl", quotes),
        "claims": write_jsonl(out / "claims.jsonl", claims),
    }
    stage_seconds["write"] = time.perf_counter() - mark

    failed_inputs = sum(1 for e in collected.errors if e.fatal)
    counts.update(
        duplicates=collected.duplicates,
        skipped=collected.skipped,
        failed_inputs=failed_inputs,
        warnings=sum(1 for e in errors if not e.fatal),
    )
    manifest = RunManifest(
        package_version=__version__,
        **model_info(settings.model),
        settings=settings.model_dump(),
        inputs=len(collected.articles) + collected.duplicates + collected.skipped + failed_inputs,
        counts=counts,
        error_counts=dict(sorted(Counter(e.error for e in errors).items())),
        seconds=round(time.perf_counter() - clock, 3),
        stage_seconds={k: round(v, 3) for k, v in stage_seconds.items()},
        started=started.isoformat(),
    )
    write_json(out / "manifest.json", manifest)
    return manifest


def exit_status(manifest: RunManifest) -> int:
    """0 when every input was used, 1 when some were not (or an article failed extraction)."""
    failed = manifest.counts.get("failed_inputs", 0) + manifest.error_counts.get("extract_failed", 0)
    return EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK
