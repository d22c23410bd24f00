"""Throwaway SQLite databases for what a run must hold but memory need not.

A run's working sets (entity mentions, every claim and quote while they are merged)
grow with the corpus; on disk they cost a few megabytes of page cache whatever their
size. The file goes next to the outputs, where the user expects the run to write, and
is deleted on close.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path


class Scratch:
    """A database in ``folder`` that is gone once closed; with no folder, SQLite's private
    temporary database (kept in memory while small, in the system's temp folder after)."""

    def __init__(self, folder: Path | None, name: str):
        self.path: Path | None = None
        if folder is not None:
            handle = tempfile.NamedTemporaryFile(prefix=f".{name}.", suffix=".sqlite", dir=folder, delete=False)
            handle.close()
            self.path = Path(handle.name)
        self.db = sqlite3.connect(self.path or "")
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")

    def close(self) -> None:
        self.db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
