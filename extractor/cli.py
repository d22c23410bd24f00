"""The extractor command: parse arguments, call the Python API, print JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from extractor import __version__
from extractor.errors import ExtractorError, RunFolderError, UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel

EVAL_SETS = ("article-extraction", "plaintext", "metadata", "polnear", "newsquant", "seeds", "multisource", "gum")

DESCRIPTION = """\
Turn folders of news articles into structured knowledge: clean articles, named
entities, quotes with their speakers, and numeric claims merged across outlets
into one claim graph. Start with `extractor run FOLDER --out OUT`, then look at
the results with `extractor query OUT`. Every command prints JSON; errors are one
line on stderr. Exit status: 0 done; 1 some inputs were not used (run); 2 a bad
argument; 3 it could not be done (no model, not a run, a damaged file); 4 another
run is writing into the same output folder (run)."""


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_run(args: argparse.Namespace) -> int:
    from extractor.runner import RunOptions, exit_status, run
    from extractor.settings import Settings

    settings = Settings(model=args.model, max_bytes=args.max_bytes, batch_size=args.batch_size)
    options = RunOptions(workers=args.workers, executor=args.executor, scheduler=args.scheduler,
                         cache_dir=Path(args.cache_dir) if args.cache_dir else None,
                         use_cache=not args.no_cache, quiet=args.quiet,
                         article_timeout=args.article_timeout, wait=args.wait)
    try:
        manifest = run(args.paths, Path(args.out), settings, options)
    except OSError as exc:
        raise RunFolderError(f"cannot write to {exc.filename or args.out}: {exc.strerror or exc}") from exc
    _print_json({"out": args.out, "inputs": manifest.inputs, "counts": manifest.counts,
                 "errors": manifest.error_counts, "seconds": manifest.seconds,
                 **({"warc_records": manifest.warc_records} if manifest.warc_records else {})})
    status = exit_status(manifest)
    if status:
        print(f"extractor: some inputs were not used; see {Path(args.out) / 'errors.jsonl'}", file=sys.stderr)
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    from extractor.schemas import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _score(dataset: str, path: Path, args: argparse.Namespace) -> dict:
    if dataset == "article-extraction":
        from extractor.evaluate.article_extraction import score_article_extraction

        return score_article_extraction(path, limit=args.limit)
    if dataset == "plaintext":
        from extractor.evaluate.plaintext import score_plaintext

        return score_plaintext(path, limit=args.limit)
    if dataset == "metadata":
        from extractor.evaluate.metadata import score_metadata

        return score_metadata(path, limit=args.limit)
    if dataset == "polnear":
        from extractor.evaluate.polnear import score_polnear

        return score_polnear(path, limit=args.limit, model=args.model)
    if dataset == "newsquant":
        from extractor.evaluate.newsquant import score_newsquant

        return score_newsquant(path, limit=args.limit, model=args.model)
    if dataset == "gum":
        from extractor.evaluate.gum import score_gum

        return score_gum(path, limit=args.limit, model=args.model)
    if dataset == "multisource":
        from extractor.evaluate.multisource import score_multisource

        return score_multisource(path, model=args.model)
    from extractor.evaluate.seeds import score_seeds

    return score_seeds(path, Path(args.corpus), model=args.model)


def cmd_eval(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    try:
        result = _score(args.dataset, path, args)
    except IsADirectoryError as exc:
        raise UsageError(f"{path}: a folder, where `eval {args.dataset}` reads a file "
                         "(for seeds: the gold JSON, e.g. ../shared/gold/seeds.gold.json)") from exc
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: cannot be scored as {args.dataset} ({exc})") from exc
    _print_json(result)
    return 0


def _print_records(records: Iterable[BaseModel], jsonl: bool) -> None:
    """A JSON array (or JSON Lines), streamed so a large result never sits in memory twice."""
    first = True
    if not jsonl:
        sys.stdout.write("[")
    for record in records:
        text = record.model_dump_json() if jsonl else record.model_dump_json(indent=2)
        if jsonl:
            sys.stdout.write(text + "\n")
        else:
            sys.stdout.write(("\n" if first else ",\n") + text)
        first = False
    if not jsonl:
        sys.stdout.write("]\n" if first else "\n]\n")


def cmd_query(args: argparse.Namespace) -> int:
    from extractor.query import open_run

    try:
        with open_run(Path(args.dir)) as run:
            records = run.query(args.kind, entity=args.entity, speaker=args.speaker, source=args.source,
                                since=args.since, until=args.until, min_sources=args.min_sources,
                                conflicts=args.conflicts, text=args.text, limit=args.limit)
            _print_records(records, args.jsonl)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise RunFolderError(f"{args.dir}: cannot read or index the run ({exc.strerror or exc})") from exc
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from extractor.exports import check_export, export, search_documents, write_documents

    check_export(args.format, args.index_name)
    if args.out is None:
        if args.format != "jsonl":
            raise UsageError(f"--format {args.format} writes files: give --out FILE")
        write_documents(search_documents(Path(args.dir)), sys.stdout)
        return 0
    try:
        _print_json(export(Path(args.dir), args.format, Path(args.out), index_name=args.index_name))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise RunFolderError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from extractor.search import build_search_index

    try:
        count = build_search_index(Path(args.dir), Path(args.index))
    except OSError as exc:
        raise RunFolderError(f"cannot write the search index {args.index}: {exc.strerror or exc}") from exc
    _print_json({"index": args.index, "documents": count})
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from extractor.search import search

    _print_json(search(Path(args.index), args.words, kind=args.kind, limit=args.limit))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from extractor.report import write_report

    try:
        path = write_report(Path(args.dir), Path(args.html) if args.html else None)
    except OSError as exc:
        raise RunFolderError(f"cannot write the report {args.html or Path(args.dir) / 'report.html'}: "
                             f"{exc.strerror or exc}") from exc
    _print_json({"report": str(path), "bytes": path.stat().st_size})
    return 0


def build_parser() -> argparse.ArgumentParser:
    from extractor.executors import EXECUTORS
    from extractor.exports import DEFAULT_INDEX_NAME, FORMATS
    from extractor.runner import DEFAULT_ARTICLE_TIMEOUT, default_workers
    from extractor.settings import DEFAULT_MODEL
    from extractor.search import KINDS as SEARCH_KINDS
    from extractor.settings import DEFAULT_MAX_BYTES
    from extractor.store.index import KINDS

    parser = argparse.ArgumentParser(prog="extractor", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="extract articles, entities, quotes and claims from files or folders",
                         description="Read PATHs (files, or folders searched recursively) and write "
                                     "articles.jsonl, errors.jsonl, entities.jsonl, quotes.jsonl, claims.jsonl, "
                                     "graph.json and manifest.json into --out (adding to a run already there). "
                                     "Exit status: 0 every input used; 1 some inputs could not be used (see "
                                     "errors.jsonl); 2 usage error; 3 the run could not happen; 4 another run "
                                     "holds --out.")
    run.add_argument("paths", nargs="+", metavar="PATH")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject larger input files")
    run.add_argument("--batch-size", type=int, default=32, help="articles per nlp.pipe batch")
    run.add_argument("--workers", type=int, default=default_workers(),
                     help="processes (or Dask workers) doing the NLP; default: this machine's cores")
    run.add_argument("--executor", choices=EXECUTORS, default="local",
                     help="local processes, or Dask tasks (needs the dask extra)")
    run.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="with --executor dask: an existing cluster")
    run.add_argument("--cache-dir", metavar="DIR", help="extraction cache (default: $EXTRACTOR_CACHE_DIR or ~/.cache/extractor)")
    run.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    run.add_argument("--quiet", action="store_true", help="no progress on stderr")
    run.add_argument("--article-timeout", type=float, default=DEFAULT_ARTICLE_TIMEOUT, metavar="SECONDS",
                     help="give up on an article (reported in errors.jsonl) when its worker makes no progress "
                          f"for this long (default {DEFAULT_ARTICLE_TIMEOUT:g})")
    run.add_argument("--wait", type=float, nargs="?", const=float("inf"), default=None, metavar="SECONDS",
                     help="when another run is writing into --out, wait for it (at most SECONDS) instead of "
                          "exiting with status 4")
    run.set_defaults(func=cmd_run)

    schema = sub.add_parser("schema", help="write the records' JSON Schemas")
    schema.add_argument("--out", default="schemas", metavar="DIR")
    schema.set_defaults(func=cmd_schema)

    evaluate = sub.add_parser("eval", help="score a stage on a public data set and print the figures")
    evaluate.add_argument("dataset", choices=EVAL_SETS)
    evaluate.add_argument("path", help="the data set's folder or file")
    evaluate.add_argument("--limit", type=int, default=None, help="score only the first N items")
    evaluate.add_argument("--model", default=DEFAULT_MODEL)
    evaluate.add_argument("--corpus", default="corpus", help="with seeds: the folder of the annotated articles")
    evaluate.set_defaults(func=cmd_eval)

    query = sub.add_parser("query", help="filter a run's merged claims, quotes, entities or articles",
                           description="Print the records of a run's output folder that pass every filter "
                                       "(filters combine with AND) as a JSON array, each with its provenance. "
                                       "Exit status: 0 done (even with no results); 2 bad argument; "
                                       "3 not a run's output or a corrupt file in it.")
    query.add_argument("dir", metavar="DIR", help="the --out folder of an `extractor run`")
    query.add_argument("--kind", choices=KINDS, default="claim",
                       help="what to list (default claim)")
    query.add_argument("--entity", metavar="NAME",
                       help="name or alias, any case: a claim's subject, a quote's speaker, the entity, "
                            "articles mentioning it")
    query.add_argument("--speaker", metavar="NAME",
                       help="quotes by this person (one word is enough: altman); claims stated in their quotes")
    query.add_argument("--source", metavar="OUTLET", help="reported by this outlet, any case")
    query.add_argument("--since", metavar="DATE", help="on or after DATE: 2025-01-27, '27 Jan 2025', 'last week'")
    query.add_argument("--until", metavar="DATE", help="on or before DATE")
    query.add_argument("--min-sources", type=int, metavar="N", help="reported by at least N distinct outlets")
    query.add_argument("--conflicts", action="store_true", help="only claims that another claim contradicts")
    query.add_argument("--text", metavar="WORDS", help="every word appears in the record's words")
    query.add_argument("--limit", type=int, metavar="N", help="at most N records")
    query.add_argument("--jsonl", action="store_true", help="JSON Lines instead of a JSON array")
    query.set_defaults(func=cmd_query)

    export = sub.add_parser("export", help="write search documents (JSON Lines, Elasticsearch bulk) or GraphML",
                            description="jsonl: one search document per merged claim, quote and entity; es-bulk: "
                                        "the same as an Elasticsearch/OpenSearch _bulk body (ids are node ids, so "
                                        "a re-export updates documents) plus FILE.mapping.json; graphml: the graph. "
                                        "Exit status: 2 bad argument; 3 bad run folder or unwritable FILE.")
    export.add_argument("dir", metavar="DIR", help="the --out folder of an `extractor run`")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--out", metavar="FILE", help="file to write (jsonl without it: standard output)")
    export.add_argument("--index-name", default=DEFAULT_INDEX_NAME, metavar="NAME",
                        help=f"es-bulk: the Elasticsearch index (default {DEFAULT_INDEX_NAME})")
    export.set_defaults(func=cmd_export)

    index = sub.add_parser("index", help="build a full-text search index of a run (needs the search extra)")
    index.add_argument("dir", metavar="DIR", help="the --out folder of an `extractor run`")
    index.add_argument("--index", required=True, metavar="PATH", help="folder for the search index (replaced)")
    index.set_defaults(func=cmd_index)

    search = sub.add_parser("search", help="ranked full-text search of claims, quotes and entities",
                            description="Print the documents best matching WORDS, best first, as JSON. "
                                        "Build PATH first with `extractor index DIR --index PATH`.")
    search.add_argument("index", metavar="PATH", help="a search index built by `extractor index`")
    search.add_argument("words", metavar="WORDS")
    search.add_argument("--kind", choices=SEARCH_KINDS)
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.set_defaults(func=cmd_search)

    report = sub.add_parser("report", help="write a self-contained HTML report of a run",
                            description="One HTML file (no network needed) with the run's overview, facts and "
                                        "their sources, conflicts, quotes, entities, an interactive graph and "
                                        "errors. Exit status: 3 not a run's output, a damaged run or an "
                                        "unwritable FILE.")
    report.add_argument("dir", metavar="DIR", help="the --out folder of an `extractor run`")
    report.add_argument("--html", metavar="FILE", help="where to write the report (default DIR/report.html)")
    report.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv``, run the command, and turn any ``ExtractorError`` into one line and its status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "max_bytes", 1) <= 0 or getattr(args, "batch_size", 1) <= 0 or getattr(args, "workers", 1) <= 0:
        parser.error("--max-bytes, --batch-size and --workers must be positive")
    if getattr(args, "scheduler", None) and args.executor != "dask":
        parser.error("--scheduler goes with --executor dask")
    if (getattr(args, "article_timeout", 1) or 1) <= 0 or (getattr(args, "wait", None) or 1) <= 0:
        parser.error("--article-timeout and --wait take a positive number of seconds")
    try:
        return args.func(args)
    except ExtractorError as exc:
        print(f"extractor: {exc}", file=sys.stderr)
        return exc.exit_status
    except BrokenPipeError:  # `extractor query ... | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
