"""Ingestion: paths in, clean identified articles and error records out.

Every input (a file, a line of a JSON Lines file, or an HTML page in a WARC file)
ends as exactly one of: an article, a duplicate of an earlier article, an error,
or a skipped file, so the counts always add up to the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from extractor.ingest.clean import clean_text
from extractor.ingest.metadata import BadDateError, article_id, as_text, normalise_date, outlet_from_url
from extractor.ingest.bylines import authors_of
from extractor.ingest.non_prose import embedded_post_ranges, non_prose_ranges
from extractor.ingest.published import infer_published
from extractor.ingest.readers import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    SIDECAR_SUFFIX,
    SUPPORTED_SUFFIXES,
    IngestError,
    RawArticle,
    decode,
    read_html_page,
    read_json,
    read_jsonl,
    read_sidecar,
    read_text,
)
from extractor.ingest.warc import WARC_SUFFIXES, ArchiveRecords, is_warc, read_warc
from extractor.models import PUBLISHED_SOURCES, Article, ErrorRecord
from extractor.settings import Settings


@dataclass(frozen=True)
class InputFile:
    """A file to read and the path shown for it (relative to the folder it was found in)."""

    file: Path
    shown: str
    explicit: bool  # named on the command line rather than found in a folder


@dataclass(frozen=True)
class Duplicate:
    """An input whose clean text equals an article already read."""

    article_id: str
    path: str
    url: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that is not an article format; reported, not an error."""

    path: str
    reason: str


IngestEvent = Article | Duplicate | ErrorRecord | Skipped | ArchiveRecords


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Iterable[str | Path]) -> Iterator[InputFile | ErrorRecord]:
    """Files named, and files under folders named (recursively, sorted, hidden ones ignored)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if not p.is_dir()):
                if _is_hidden(file, path) or file.name.endswith(SIDECAR_SUFFIX):
                    continue
                yield InputFile(file, file.relative_to(path).as_posix(), explicit=False)
        elif path.exists():
            yield InputFile(path, path.name, explicit=True)
        else:
            yield ErrorRecord(path=str(given), error="not_found", message=f"{given}: no such file or folder")


def _host(url: str | None) -> str | None:
    """The host name of a page's address, None for none or a malformed one."""
    try:
        return urlsplit(url or "").hostname
    except ValueError:
        return None


def _article(raw: RawArticle, shown: str, sidecar: dict[str, object], settings: Settings) -> tuple[Article, list[ErrorRecord]]:
    warnings: list[ErrorRecord] = []
    fields = {**raw.fields, **sidecar}
    cleaned = clean_text(raw.body, find_title=settings.find_title and not fields.get("title"),
                         page_dump=not raw.extracted, given_title=as_text(fields.get("title")),
                         host=_host(as_text(fields.get("url"))))
    if not cleaned.text.strip():
        raise IngestError("no_text", "no article text left after removing boilerplate")
    published = None
    try:
        published = normalise_date(fields.get("published"))
    except BadDateError as exc:
        warnings.append(ErrorRecord(path=shown, error="bad_date", line=raw.line, fatal=False,
                                    message=f"published date ignored: {exc}; write it as YYYY-MM-DD"))
    url = as_text(fields.get("url"))
    fetched = as_text(fields.get("fetched"))
    published_source = None
    if published:  # an HTML page's reader says where its date came from; any other input states it
        given = as_text(fields.get("published_source"))
        published_source = given if given in PUBLISHED_SOURCES and "published" not in sidecar else "metadata"
    elif cleaned.published:  # printed with the byline of a page dump
        published, published_source = cleaned.published, "dateline"
    else:
        published, published_source = infer_published("\n\n".join([*cleaned.dating, cleaned.text]), head=raw.body,
                                                       url=url, fetched=fetched)
    article = Article(
        id=article_id(cleaned.text),
        path=shown,
        paths=[shown],
        url=url,
        urls=[url] if url else [],
        source=as_text(fields.get("source")) or outlet_from_url(url),
        title=as_text(fields.get("title")) or cleaned.title,
        author=authors_of(fields.get("author")) or cleaned.authors,
        published=published,
        published_source=published_source if published else "none",
        fetched=fetched,
        highlights=cleaned.highlights,
        text=cleaned.text,
        non_prose=sorted([*non_prose_ranges(cleaned.text, raw.non_prose), *embedded_post_ranges(cleaned.text)],
                         key=lambda r: r.start),
    )
    return article, warnings


def _read_file(item: InputFile, settings: Settings,
               url: str | None = None) -> Iterator[tuple[RawArticle | IngestError | ArchiveRecords, str]]:
    """Raw articles (or per-record errors) of one file, each with the path to show.

    ``url`` (from a sidecar) is where an HTML page came from: its date counts as evidence.
    """
    if is_warc(item.file):  # streamed record by record, however large
        yield from read_warc(item.file, item.shown, settings.max_bytes)
        return
    suffix = item.file.suffix.lower()
    size = item.file.stat().st_size
    if size > settings.max_bytes:
        raise IngestError("too_large", f"{size:,} bytes is over the limit of {settings.max_bytes:,}; "
                                       f"raise it with --max-bytes if this is really one article")
    try:
        data = item.file.read_bytes()
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read the file: {exc.strerror or exc}") from exc
    text, decode_warnings = decode(data)
    if not text.strip():  # a byte-order mark or white space alone: no line, no article
        raise IngestError("empty", "the file is empty; nothing to read")
    if suffix in JSONL_SUFFIXES:
        for raw in read_jsonl(text):
            line = getattr(raw, "line", None)
            yield raw, f"{item.shown}:{line}"
        return
    if suffix in JSON_SUFFIXES:
        raws = read_json(text)
    elif suffix in HTML_SUFFIXES:
        raws = [read_html_page(text, {"url": url} if url else None)]
    else:
        raws = [read_text(text, markdown=suffix in MARKDOWN_SUFFIXES)]
    for index, raw in enumerate(raws):
        raw.warnings[:0] = decode_warnings
        yield raw, item.shown if len(raws) == 1 else f"{item.shown}:{index + 1}"


def ingest(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[IngestEvent]:
    """Read every input once; yield each article once, then its duplicates and errors."""
    settings = settings or Settings()
    seen: set[str] = set()
    for item in discover(paths):
        if isinstance(item, ErrorRecord):
            yield item
            continue
        suffix = item.file.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES and not is_warc(item.file):
            message = (f"unsupported file type {suffix or '(none)'}; expected one of "
                       f"{', '.join(sorted(SUPPORTED_SUFFIXES | set(WARC_SUFFIXES)))}")
            if item.explicit:
                yield ErrorRecord(path=item.shown, error="unsupported_format", message=message)
            else:
                yield Skipped(item.shown, message)
            continue
        sidecar, sidecar_warnings = ({}, []) if is_warc(item.file) else read_sidecar(item.file)
        for code, message in sidecar_warnings:
            yield ErrorRecord(path=item.shown, error=code, message=message, fatal=False)
        try:
            for raw, shown in _read_file(item, settings, as_text(sidecar.get("url"))):
                if isinstance(raw, ArchiveRecords):
                    yield raw
                    continue
                if isinstance(raw, IngestError):
                    yield ErrorRecord(path=shown, error=raw.code, message=raw.message, line=getattr(raw, "line", None))
                    continue
                for code, message in raw.warnings:
                    yield ErrorRecord(path=shown, error=code, message=message, line=raw.line, fatal=False)
                try:
                    article, warnings = _article(raw, shown, sidecar, settings)
                except IngestError as exc:
                    yield ErrorRecord(path=shown, error=exc.code, message=exc.message, line=raw.line)
                    continue
                yield from warnings
                if article.id in seen:
                    yield Duplicate(article.id, shown, article.url)
                else:
                    seen.add(article.id)
                    yield article
        except IngestError as exc:
            yield ErrorRecord(path=item.shown, error=exc.code, message=exc.message)
        except OSError as exc:
            yield ErrorRecord(path=item.shown, error="unreadable", message=f"cannot read the file: {exc}")
