"""Ingestion: folders of raw articles in, clean identified ``Article`` records out."""

from extractor.ingest.articles import Duplicate, IngestEvent, InputFile, Skipped, discover, ingest

__all__ = ["Duplicate", "IngestEvent", "InputFile", "Skipped", "discover", "ingest"]
