"""Atomic writes of a run's output files.

Each file is written to a temporary name in the same folder and renamed into place,
so an interrupted run never leaves a half-written file under the real name.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import jsonlines
from pydantic import BaseModel


@contextmanager
def atomic_open(path: Path, *, unchanged: Callable[[], bool] | None = None) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block ends without error.

    When ``unchanged()`` says at the end that the new content equals the old, the
    file already there is kept untouched (its timestamp too).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            if unchanged is not None and path.exists() and unchanged():
                Path(tmp).unlink()
                return
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _plain(record: BaseModel | dict) -> dict:
    return record.model_dump(mode="json") if isinstance(record, BaseModel) else record


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(record: BaseModel | object) -> str:
    """A record (or any JSON value) as one compact line of JSON. Pydantic records serialise
    themselves, which is several times faster than going through a dict and ``json``."""
    return record.model_dump_json() if isinstance(record, BaseModel) else _encode(record)


def jsonl_writer(handle: IO[str]) -> jsonlines.Writer:
    """A JSON Lines writer for records and plain dicts alike (see ``dumps``)."""
    return jsonlines.Writer(handle, dumps=dumps)


def write_jsonl(path: Path, records: Iterable[BaseModel | dict]) -> int:
    """Write records as JSON Lines atomically; returns how many were written."""
    count = 0
    with atomic_open(path) as handle:
        writer = jsonl_writer(handle)
        for record in records:
            writer.write(record)
            count += 1
    return count


def write_json(path: Path, data: BaseModel | dict) -> None:
    """Write one JSON document atomically, indented for people."""
    with atomic_open(path) as handle:
        json.dump(_plain(data), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
