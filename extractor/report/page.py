"""The report's HTML: the template with its stylesheet, script and data put in place."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.resources import files

from extractor import __version__
from extractor.report.data import to_json

_SLOT_RE = re.compile(r"\{\{(\w+)\}\}")


@cache
def _static(name: str) -> str:
    return files("extractor.report").joinpath("static", name).read_text(encoding="utf-8")


def render(data: dict) -> str:
    """The page for ``data`` (as ``gather`` returns it).

    The slots are filled in one pass, so text inside the data can never be taken for a
    slot. The Content-Security-Policy allows only the page's own script (by its hash),
    so even markup that slipped into the page could not run, and nothing is fetched.
    """
    script = _static("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    slots = {"css": _static("report.css"), "js": script, "data": to_json(data),
             "script_hash": f"sha256-{digest}", "version": __version__}
    return _SLOT_RE.sub(lambda m: slots[m[1]], _static("report.html"))
