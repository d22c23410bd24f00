"""Web archives in: the archived HTML pages of a WARC file, read like HTML files.

Crawls (Common Crawl News, the Internet Archive, newsroom archives) ship pages as
WARC files. Records are streamed one at a time with FastWARC, the fastest
maintained WARC reader (bench/warc_read.py compares it with warcio), so a file of
any size is read in constant memory. Each HTTP 200 ``response`` record with an
HTML content type becomes one input for the HTML reader, with the URL from
``WARC-Target-URI`` and the fetch date from ``WARC-Date``; every other record is
counted by kind (``ArchiveRecords``), never dropped silently. A file cut short or
damaged keeps every record before the damage and reports the byte offset where
reading stopped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from extractor.ingest.readers import IngestError, RawArticle, decode, read_html_page

# File name endings of WARC files (FastWARC detects the compression from the bytes).
WARC_SUFFIXES = (".warc", ".warc.gz")
# Content types of an HTML page.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Encodings an HTTP response may apply to its payload, by the reader that undoes each.
PAYLOAD_DECODERS = {"gzip": GzipReader, "x-gzip": GzipReader, "br": BrotliReader}
# A charset declared in the page itself: <meta charset="..."> or http-equiv content="...; charset=...".
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# Browsers read pages labelled Latin-1 or ASCII as windows-1252 (the WHATWG encoding
# standard), and servers label them that way by default.
BROWSER_CHARSET = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252"}
# How much of a page is searched for a <meta charset> (the standard says 1024 bytes; pages overshoot).
META_CHARSET_WINDOW = 4096
# Bytes read at a time when finding where a damaged file's last whole record ends.
CHUNK = 1 << 16


@dataclass(frozen=True)
class ArchiveRecords:
    """What the whole records of one WARC file were, by kind (``response_html`` are the inputs)."""

    path: str
    kinds: dict[str, int] = field(default_factory=dict)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def record_kind(record: WarcRecord) -> str:
    """``response_html`` for an HTTP 200 HTML page; otherwise what the record is instead."""
    if record.record_type != WarcRecordType.response:
        return str(record.record_type)
    if record.headers.get("WARC-Truncated"):  # the crawler stopped early (size or time limit)
        return "truncated"
    if not record.is_http:
        return "non_html"
    status = record.http_headers.status_code or 0
    if 300 <= status < 400:
        return "redirect"
    if status != 200:
        return "http_error"
    content_type = (record.http_content_type or record.headers.get("WARC-Identified-Payload-Type") or "").lower()
    return "response_html" if content_type.split(";")[0].strip() in HTML_TYPES else "non_html"


def _payload(record: WarcRecord, raw: bytes) -> bytes:
    """The page as the server meant it: transfer and content encodings undone."""
    headers = record.http_headers
    data = raw
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        data = ChunkedReader(io.BytesIO(data)).read()
    for coding in reversed([c.strip().lower() for c in (headers.get("Content-Encoding") or "").split(",")]):
        if coding in PAYLOAD_DECODERS:
            data = PAYLOAD_DECODERS[coding](io.BytesIO(data)).read()
    return data


def _decode_with(data: bytes, label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return data.decode(BROWSER_CHARSET.get(label, label))
    except (LookupError, UnicodeDecodeError):
        return None


def page_text(data: bytes, http_charset: str | None) -> tuple[str, list[tuple[str, str]]]:
    """The page's bytes as text: UTF-8 when they are UTF-8, else the charset the HTTP
    headers or the page declare, else the file readers' detection (with a warning).

    Valid UTF-8 wins over a declared charset because a server's label is often a
    default (Latin-1) while bytes that happen to be valid UTF-8 almost never are anything else.
    """
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    meta = META_CHARSET_RE.search(data[:META_CHARSET_WINDOW])
    for label in (http_charset, meta.group(1).decode("ascii", "replace") if meta else None):
        text = _decode_with(data, label)
        if text is not None:
            return text, []
    return decode(data)


def _member_end(file: Path, start: int) -> int:
    """Where the gzip member starting at ``start`` ends (each WARC record is one member)."""
    inflater = zlib.decompressobj(wbits=31)
    fed = 0
    with file.open("rb") as handle:
        handle.seek(start)
        while not inflater.eof:
            chunk = handle.read(CHUNK)
            if not chunk:
                return start + fed  # the member itself is cut short
            fed += len(chunk)
            inflater.decompress(chunk)
    return start + fed - len(inflater.unused_data)


def _record_end(file: Path, record: WarcRecord, compressed: bool) -> int:
    """The byte offset just past a whole record: where reading the next one began."""
    if compressed:
        return _member_end(file, record.stream_pos)
    with file.open("rb") as handle:
        handle.seek(record.stream_pos)
        head = handle.read(CHUNK)
    header_end = head.find(b"\r\n\r\n") + 4
    length = int(record.headers.get("Content-Length") or 0)
    return record.stream_pos + header_end + length + 4  # the block, then two CRLFs


def _is_gzip(file: Path) -> bool:
    with file.open("rb") as handle:
        head = handle.read(2)
    if not head:
        raise IngestError("empty", "the file is empty; nothing to read")
    return head == b"\x1f\x8b"


def fetch_time(record: WarcRecord) -> str | None:
    """``WARC-Date`` as an ISO 8601 UTC date-time (None when absent or unreadable)."""
    try:
        when = dt.datetime.fromisoformat(record.headers.get("WARC-Date") or "")
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.isoformat()


def _read_html_record(record: WarcRecord, raw: bytes, where: str) -> RawArticle:
    try:
        data = _payload(record, raw)
    except OSError as exc:
        raise IngestError("warc_corrupt", f"{where}: the page's HTTP encoding cannot be undone ({exc})") from exc
    text, warnings = page_text(data, record.http_charset)
    fields: dict[str, object] = {"url": record.headers.get("WARC-Target-URI"), "fetched": fetch_time(record)}
    page = read_html_page(text, {k: v for k, v in fields.items() if v})
    page.warnings[:0] = warnings
    return page


def read_warc(file: Path, shown: str, max_bytes: int) -> Iterator[tuple[RawArticle | IngestError | ArchiveRecords, str]]:
    """Each HTML page of a WARC file (or the error that kept it out) with its path
    ``<file>#<byte offset>``, then an ``ArchiveRecords`` tally of every whole record.

    A record cut short ends the file as ``warc_truncated``; bytes that are not WARC
    (or a broken gzip member) end it as ``warc_corrupt``; both name the offset where
    reading stopped, and every record before it has been yielded already.
    """
    kinds: Counter[str] = Counter()
    last: WarcRecord | None = None
    try:
        gzip = _is_gzip(file)
    except OSError as exc:
        yield IngestError("unreadable", f"cannot read the file: {exc.strerror or exc}"), shown
        return
    except IngestError as exc:
        yield exc, shown
        return
    try:
        for record in ArchiveIterator(str(file), parse_http=True, auto_decode="none", fsspec_args=False):
            where = f"{shown}#{record.stream_pos}"
            kind = record_kind(record)
            declared = record.content_length
            wanted = kind == "response_html" and declared <= max_bytes
            # The digest is checked before the payload is read: FastWARC hashes as it buffers.
            intact = not (wanted and record.headers.get("WARC-Payload-Digest")) or record.verify_payload_digest(consume=False)
            raw = record.reader.read() if wanted else b""
            got = len(raw) if wanted else record.consume()
            if "Content-Length" not in record.headers or got < declared:
                what = f"{got:,} of {declared:,} payload bytes" if "Content-Length" in record.headers else "its header"
                yield IngestError("warc_truncated", f"the file ends inside the record at byte {record.stream_pos} "
                                                    f"(only {what}); the records before it were read"), where
                break
            last = record
            kinds[kind] += 1
            if kind != "response_html":
                continue
            if not wanted:
                yield IngestError("too_large", f"the page at byte {record.stream_pos} is {declared:,} bytes, over the "
                                               f"limit of {max_bytes:,}; raise it with --max-bytes"), where
            elif not intact:
                yield IngestError("warc_corrupt", f"the page at byte {record.stream_pos} does not match its "
                                                  f"WARC-Payload-Digest: its bytes are damaged; skipped"), where
            else:
                try:
                    yield _read_html_record(record, raw, where), where
                except IngestError as exc:
                    yield exc, where
    except OSError as exc:
        if last is None:
            yield IngestError("warc_corrupt", f"not a WARC file: unreadable from byte 0 ({exc})"), f"{shown}#0"
        else:
            offset = _record_end(file, last, gzip)
            yield IngestError("warc_corrupt", f"not readable as WARC from byte {offset} ({exc}); "
                                              f"the records before it were read"), f"{shown}#{offset}"
    yield ArchiveRecords(shown, dict(sorted(kinds.items()))), shown
