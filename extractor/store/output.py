"""Reading a run's output folder: its files, streamed, with errors that name file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from extractor.errors import RunFolderError

ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"
ENTITIES = "entities.jsonl"
QUOTES = "quotes.jsonl"
CLAIMS = "claims.jsonl"
GRAPH = "graph.json"
MANIFEST = "manifest.json"
INDEX = "index.sqlite"

Model = TypeVar("Model", bound=BaseModel)


def is_run_folder(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


# Each JSON Lines output and the manifest count that says how many records it holds.
COUNTED = {ARTICLES: "articles", ERRORS: "errors", ENTITIES: "entities", QUOTES: "quotes", CLAIMS: "claims"}
# How ``graph.json`` ends when it was written to the end: its JSON object closes.
GRAPH_END = b"}"


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


def read_manifest(folder: Path) -> dict:
    """``manifest.json`` parsed; a damaged one raises ``RunFolderError``."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RunFolderError(f"{path}: damaged ({exc}); re-run `extractor run` into a new --out folder") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("counts"), dict):
        raise RunFolderError(f"{path}: not a run manifest (no counts); re-run `extractor run` into a new --out folder")
    return manifest


def _scan_lines(path: Path) -> tuple[int, bool, list[tuple[int, bytes]]]:
    """(lines, whether the last one ends with a newline, [(number, line)] of the first and the
    last line where each fits in one block) of a file, read in blocks."""
    lines, head, tail = 0, None, b""
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            head = block if head is None else head
            lines += block.count(b"\n")
            tail = (tail + block)[-(1 << 16):]
    ends = tail.endswith(b"\n") or not tail
    samples = []
    if head is not None and b"\n" in head:
        samples.append((1, head[:head.index(b"\n")]))
    body = tail[:-1]
    if ends and lines > 1 and b"\n" in body:
        samples.append((lines, body[body.rindex(b"\n") + 1:]))
    return lines, ends, samples


def _check_json_lines(path: Path, expected: object) -> None:
    lines, ends, samples = _scan_lines(path)
    if not ends:
        raise RunFolderError(f"{path}: truncated (its last line is cut off); "
                             "re-run `extractor run` into a new --out folder")
    for number, line in samples:
        try:
            json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RunFolderError(f"{path}:{number}: not valid JSON ({exc}); the file is damaged: "
                                 "re-run `extractor run` into a new --out folder") from exc
    if expected is not None and lines != expected:
        raise RunFolderError(f"{path}: {lines} records where manifest.json counts {expected}; the run was "
                             "interrupted or the file edited: re-run `extractor run` into a new --out folder")


def check_run(folder: Path) -> dict:
    """The manifest of a complete, undamaged run; raises ``RunFolderError`` naming the first
    damaged file: a JSON Lines file cut mid-line, one whose records do not match the
    manifest's count (an interrupted or edited run), a graph that does not end.

    The first and last line of each file are parsed; every other record is checked by
    the reader that reads it (a corrupt line raises there, with its number), so this
    costs one read of the files and runs before any command reads a run.
    """
    require_run_folder(folder)
    manifest = read_manifest(folder)
    counts = manifest["counts"]
    for name, key in COUNTED.items():
        path = folder / name
        expected = counts.get(key)
        if not path.is_file():
            if expected:
                raise RunFolderError(f"{path}: missing, where manifest.json counts {expected} records; "
                                     "re-run `extractor run` into a new --out folder")
            continue
        _check_json_lines(path, expected)
    graph = folder / GRAPH
    if graph.is_file():
        with graph.open("rb") as handle:
            handle.seek(max(0, graph.stat().st_size - 64))
            if not handle.read().rstrip().endswith(GRAPH_END):
                raise RunFolderError(f"{graph}: truncated (it does not end where a graph ends); "
                                     "re-run `extractor run` into a new --out folder")
    elif counts.get("articles"):
        raise RunFolderError(f"{graph}: missing; the run did not finish: re-run `extractor run` into a new --out folder")
    return manifest
