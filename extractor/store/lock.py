"""One writer per output folder: a lock file naming its holder.

Two runs adding to one folder at once would each rewrite the files from what they
read at the start, and the later rename would silently drop the other's articles.
The lock is an ``fcntl`` lock on ``.extractor.lock`` in the folder, so the kernel
releases it when the holder dies however it dies (a lock left by a crashed run is
stale by construction and is simply taken); the file's content (pid, host, start)
is there for the message a second run prints.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.errors import RunFolderBusyError

LOCK_FILE = ".extractor.lock"
# How often a waiting run tries the lock again (seconds).
RETRY_SECONDS = 0.2


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {info['pid']} on {info['host']}, since {info['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding the lock on ``path``, or None when another process holds it."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed the file as we opened it: lock the new one


@contextmanager
def folder_lock(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder for the block. Another run holding it raises
    ``RunFolderBusyError`` at once, or after waiting up to ``wait`` seconds."""
    path = folder / LOCK_FILE
    deadline = None if wait is None else time.monotonic() + wait
    while (fd := _try_lock(path)) is None:
        if deadline is None or time.monotonic() >= deadline:
            waited = "" if wait is None else f" (waited {wait:g} s)"
            raise RunFolderBusyError(
                f"{folder}: another run is writing into this folder ({_holder(path)}){waited}; "
                "wait for it with --wait, or write into another --out folder")
        time.sleep(RETRY_SECONDS)
    try:
        started = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": started}).encode())
        yield
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)
