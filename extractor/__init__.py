"""News-article knowledge extraction: ingest → extract → merge → use."""

__version__ = "0.1.0"
