"""The ``extractor`` command: parse arguments, call the Python API, print JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor import __version__

EVAL_SETS = ("article-extraction", "polnear", "newsquant")


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


def cmd_eval(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        print(f"extractor: {path}: no such file or folder", file=sys.stderr)
        return 2
    if args.dataset == "article-extraction":
        from extractor.evaluate.article_extraction import score_article_extraction

        result = score_article_extraction(path, limit=args.limit)
    elif args.dataset == "polnear":
        from extractor.evaluate.polnear import score_polnear

        result = score_polnear(path, limit=args.limit, model=args.model)
    else:
        from extractor.evaluate.newsquant import score_newsquant

        result = score_newsquant(path, limit=args.limit, model=args.model)
    _print_json(result)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from extractor.executors import EXECUTORS
    from extractor.nlp.pipeline import DEFAULT_MODEL
    from extractor.runner import default_workers
    from extractor.settings import DEFAULT_MAX_BYTES

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
    evaluate.set_defaults(func=cmd_eval)
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
