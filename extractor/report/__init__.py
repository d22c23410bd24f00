"""One self-contained HTML page per run: overview, facts, conflicts, quotes, entities, graph, errors.

    from extractor.report import write_report

    write_report("out")                    # out/report.html
    write_report("out", html="run.html")   # anywhere else

The page carries its data as JSON and renders it with the inline script; it loads
nothing from the network (its Content-Security-Policy forbids it), so it opens from
disk, in an e-mail attachment or on a machine without a connection.
"""

from __future__ import annotations

from pathlib import Path

from extractor.report.data import ReportLimits, gather
from extractor.report.page import render
from extractor.store.files import atomic_open

DEFAULT_NAME = "report.html"

__all__ = ["DEFAULT_NAME", "ReportLimits", "gather", "render", "write_report"]


def write_report(out: str | Path, html: str | Path | None = None, limits: ReportLimits = ReportLimits()) -> Path:
    """Write the report of the run in ``out`` to ``html`` (default ``out/report.html``); returns its path.

    Raises ``RunFolderError`` when ``out`` is not a run's output or is damaged.
    """
    out = Path(out)
    dest = Path(html) if html is not None else out / DEFAULT_NAME
    page = render(gather(out, limits))
    with atomic_open(dest) as handle:
        handle.write(page)
    return dest
