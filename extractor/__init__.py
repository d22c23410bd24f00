"""News-article knowledge extraction: ingest → extract → merge → use.

The public API, importable from here (loaded on first use, so ``import extractor``
stays fast)::

    from extractor import run, open_run, export, write_report, Settings, RunOptions

    manifest = run(["articles/"], "out")          # the same as `extractor run articles/ --out out`
    with open_run("out") as result:               # the same as `extractor query out ...`
        for claim in result.query("claim", entity="nvidia", min_sources=2):
            print(claim.text, claim.sources)
    export("out", "es-bulk", "claims.ndjson")     # the same as `extractor export`
    write_report("out")                           # the same as `extractor report out`

Records are the pydantic models of ``extractor.models`` (``Article``, ``Entity``,
``Quote``, ``Claim``, ``ClaimNode``, ``QuoteNode``, ``ErrorRecord``, ``RunManifest``);
every error meant for a person derives from ``extractor.errors.ExtractorError``.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_PUBLIC = {
    "run": "extractor.runner",
    "RunOptions": "extractor.runner",
    "Settings": "extractor.settings",
    "open_run": "extractor.query",
    "write_report": "extractor.report",
    "export": "extractor.exports",
    "ExtractorError": "extractor.errors",
    **{name: "extractor.models" for name in (
        "Article", "Entity", "Mention", "Quote", "Claim", "ClaimNode", "QuoteNode", "ErrorRecord", "RunManifest")},
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
