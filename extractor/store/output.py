"""Reading a run's output folder: its files, streamed, with errors that name file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"
ENTITIES = "entities.jsonl"
QUOTES = "quotes.jsonl"
CLAIMS = "claims.jsonl"
GRAPH = "graph.json"
MANIFEST = "manifest.json"
INDEX = "index.sqlite"

Model = TypeVar("Model", bound=BaseModel)


class RunFolderError(RuntimeError):
    """A folder that is not a run's output, or a file in it that cannot be read."""


def is_run_folder(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def require_run_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise RunFolderError(f"{folder}: no such folder; give the --out folder of an `extractor run`")
    if not is_run_folder(folder):
        raise RunFolderError(f"{folder}: not a run's output (no {MANIFEST}); run `extractor run PATH --out {folder}` first")


def iter_lines(path: Path) -> Iterator[str]:
    """Non-blank lines of a JSON Lines file (none if the file does not exist)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")


def iter_records(path: Path, model: type[Model]) -> Iterator[Model]:
    """Typed records of a JSON Lines file; a corrupt line raises with its file and number."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield model.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                reason = first.get("msg", "invalid record")
                raise RunFolderError(f"{path}:{number}: not a valid {model.__name__} record ({reason}); "
                                     f"the file is corrupt or truncated: re-run `extractor run`") from exc


def read_ids(path: Path) -> list[str]:
    """The ``id`` of every record, without validating the rest."""
    ids = []
    for number, line in enumerate(iter_lines(path), start=1):
        try:
            ids.append(json.loads(line)["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RunFolderError(f"{path}:{number}: corrupt record ({exc}); re-run `extractor run`") from exc
    return ids
