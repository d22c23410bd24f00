"""Ingestion: folders of raw articles in, clean identified ``Article`` records out."""

from extractor.ingest.articles import Duplicate, IngestEvent, InputFile, Skipped, discover, ingest
from extractor.ingest.warc import ArchiveRecords

__all__ = ["ArchiveRecords", "Duplicate", "IngestEvent", "InputFile", "Skipped", "discover", "ingest"]
