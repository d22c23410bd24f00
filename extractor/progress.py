"""Progress on stderr: a live line on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Seconds between log lines when stderr is not a terminal.
LOG_EVERY = 10.0
# Seconds between redraws of the live line.
REDRAW_EVERY = 0.2


class Progress:
    """Articles done, articles per second and an ETA when the total is known."""

    def __init__(self, total: int | None = None, *, quiet: bool = False, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self.total = total
        self.done = 0
        self.start = time.perf_counter()
        self._last = self.start

    def _line(self) -> str:
        elapsed = time.perf_counter() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = f"{self.done}" + (f"/{self.total}" if self.total else "") + f" articles, {rate:.1f}/s"
        if self.total and rate > 0 and self.done < self.total:
            line += f", ETA {(self.total - self.done) / rate:.0f}s"
        return line

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.quiet:
            return
        now = time.perf_counter()
        if self.live and now - self._last >= REDRAW_EVERY:
            self.stream.write("\r" + self._line() + " " * 8)
            self.stream.flush()
            self._last = now
        elif not self.live and now - self._last >= LOG_EVERY:
            self.stream.write(f"extractor: {self._line()}\n")
            self.stream.flush()
            self._last = now

    def close(self) -> None:
        if self.quiet:
            return
        if self.live:
            self.stream.write("\r" + self._line() + " " * 8 + "\n")
        else:
            self.stream.write(f"extractor: {self._line()}, done\n")
        self.stream.flush()
