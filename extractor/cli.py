"""The ``extractor`` command: parse arguments, call the Python API, print JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from extractor import __version__

if TYPE_CHECKING:
    from pydantic import BaseModel

EVAL_SETS = ("article-extraction", "plaintext", "metadata", "polnear", "newsquant", "seeds")


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_run(args: argparse.Namespace) -> int:
    from extractor.executors import ExecutorUnavailableError
    from extractor.nlp.pipeline import ModelNotFoundError
    from extractor.runner import EXIT_RUN_FAILED, RunOptions, exit_status, run
    from extractor.settings import Settings
    from extractor.store.output import RunFolderError

    settings = Settings(model=args.model, max_bytes=args.max_bytes, batch_size=args.batch_size)
    options = RunOptions(workers=args.workers, executor=args.executor, scheduler=args.scheduler,
                         cache_dir=Path(args.cache_dir) if args.cache_dir else None,
                         use_cache=not args.no_cache, quiet=args.quiet)
    try:
        manifest = run(args.paths, Path(args.out), settings, options)
    except (ModelNotFoundError, ExecutorUnavailableError, RunFolderError) as exc:
        print(f"extractor: {exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    except OSError as exc:
        print(f"extractor: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    _print_json({"out": args.out, "inputs": manifest.inputs, "counts": manifest.counts,
                 "errors": manifest.error_counts, "seconds": manifest.seconds})
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
    from extractor.evaluate.seeds import score_seeds

    return score_seeds(path, Path(args.corpus), model=args.model)


def cmd_eval(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        print(f"extractor: {path}: no such file or folder", file=sys.stderr)
        return 2
    try:
        result = _score(args.dataset, path, args)
    except IsADirectoryError:
        print(f"extractor: {path}: a folder, where `eval {args.dataset}` reads a file "
              "(for seeds: the gold JSON, e.g. ../shared/gold/seeds.gold.json)", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"extractor: {path}: cannot be scored as {args.dataset} ({exc})", file=sys.stderr)
        return 2
    _print_json(result)
    return 0


# Exit statuses of query, export, index and search (besides 0).
EXIT_USAGE = 2  # a bad argument: unknown kind or format, a date that does not parse
EXIT_BAD_DATA = 3  # not a run's output, a corrupt file in it, no usable search index


def _fail(message: object, status: int) -> int:
    print(f"extractor: {message}", file=sys.stderr)
    return status


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


def _quiet_broken_pipe() -> int:
    """`extractor query ... | head`: the reader left; stop without a traceback."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import sqlite3

    from extractor.query import QueryError, open_run
    from extractor.store.output import RunFolderError

    try:
        with open_run(Path(args.dir)) as run:
            records = run.query(args.kind, entity=args.entity, speaker=args.speaker, source=args.source,
                                since=args.since, until=args.until, min_sources=args.min_sources,
                                conflicts=args.conflicts, text=args.text, limit=args.limit)
            _print_records(records, args.jsonl)
    except QueryError as exc:
        return _fail(exc, EXIT_USAGE)
    except RunFolderError as exc:
        return _fail(exc, EXIT_BAD_DATA)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except OSError as exc:
        return _fail(f"{args.dir}: cannot read or index the run ({exc.strerror or exc})", EXIT_BAD_DATA)
    except sqlite3.Error as exc:
        return _fail(f"{Path(args.dir) / 'index.sqlite'}: {exc}; delete it and query again", EXIT_BAD_DATA)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from extractor.export import (
        ExportError,
        check_export,
        export,
        search_documents,
        write_documents,
    )
    from extractor.store.output import RunFolderError

    try:
        check_export(args.format, args.index_name)
        if args.out is None:
            if args.format != "jsonl":
                return _fail(f"--format {args.format} writes files: give --out FILE", EXIT_USAGE)
            write_documents(search_documents(Path(args.dir)), sys.stdout)
            return 0
        _print_json(export(Path(args.dir), args.format, Path(args.out), index_name=args.index_name))
    except ExportError as exc:
        return _fail(exc, EXIT_USAGE)
    except RunFolderError as exc:
        return _fail(exc, EXIT_BAD_DATA)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}", EXIT_BAD_DATA)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from extractor.search import (
        SearchIndexError,
        SearchUnavailableError,
        build_search_index,
    )
    from extractor.store.output import RunFolderError

    try:
        count = build_search_index(Path(args.dir), Path(args.index))
    except (SearchUnavailableError, SearchIndexError, RunFolderError) as exc:
        return _fail(exc, EXIT_BAD_DATA)
    except OSError as exc:
        return _fail(f"cannot write the search index {args.index}: {exc.strerror or exc}", EXIT_BAD_DATA)
    _print_json({"index": args.index, "documents": count})
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from extractor.query import QueryError
    from extractor.search import SearchIndexError, SearchUnavailableError, search

    try:
        results = search(Path(args.index), args.words, kind=args.kind, limit=args.limit)
    except QueryError as exc:
        return _fail(exc, EXIT_USAGE)
    except (SearchUnavailableError, SearchIndexError) as exc:
        return _fail(exc, EXIT_BAD_DATA)
    _print_json(results)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from extractor.executors import EXECUTORS
    from extractor.export import DEFAULT_INDEX_NAME, FORMATS
    from extractor.nlp.pipeline import DEFAULT_MODEL
    from extractor.runner import default_workers
    from extractor.search import KINDS as SEARCH_KINDS
    from extractor.settings import DEFAULT_MAX_BYTES
    from extractor.store.index import KINDS

    parser = argparse.ArgumentParser(prog="extractor", description=__doc__)
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="extract articles, entities, quotes and claims from files or folders",
                         description="Read PATHs (files, or folders searched recursively) and write "
                                     "articles.jsonl, errors.jsonl, entities.jsonl, quotes.jsonl, claims.jsonl "
                                     "and manifest.json into --out. Exit status: 0 every input used; 1 some "
                                     "inputs could not be used (see errors.jsonl); 2 usage error; 3 the run "
                                     "could not happen.")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "max_bytes", 1) <= 0 or getattr(args, "batch_size", 1) <= 0 or getattr(args, "workers", 1) <= 0:
        parser.error("--max-bytes, --batch-size and --workers must be positive")
    if getattr(args, "scheduler", None) and args.executor != "dask":
        parser.error("--scheduler goes with --executor dask")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
