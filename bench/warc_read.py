"""WARC input speed: the readers compared, ingestion alone, and the whole pipeline.

Builds WARC files (with warcio's writer) from the ~89 dev HTML pages in
../shared/dev/article-extraction/html, laid out as a crawl writes them (a request,
a response and a metadata record per page), then prints:

- records per second of FastWARC and warcio reading every record and its payload,
  on the same gzip and uncompressed files (``--copies`` copies of the pages, best of
  ``--rounds``): why the product reads with FastWARC;
- records per second of the product's own WARC reading (``read_warc`` with the HTML
  extraction left out: framing, digests, HTTP decoding, charset), and of ingestion
  alone (``ingest()``: the same plus trafilatura and cleaning, NLP off), against
  ``ingest()`` over the same pages as HTML files;
- pages per second of ``extractor run`` on the WARC of the dev pages, and the share
  of that time spent reading the WARC (must stay under 5 %).

    python bench/warc_read.py [--copies 10] [--rounds 3] [--workers 2] [--shared ../shared]
    python bench/warc_read.py --write-warc dev.warc.gz    # only write the dev pages' WARC
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]


def build_warc(pages: list[Path], path: Path, *, gzip: bool, copies: int = 1) -> int:
    """A crawl-shaped WARC of ``pages`` (each copy at its own URL); returns the record count."""
    records = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench/warc_read.py"}))
        records += 1
        for copy in range(copies):
            for page in pages:
                url = f"https://news.example.com/{copy}/{page.stem}"
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=request))
                response = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                            protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page.read_bytes()),
                                                              http_headers=response))
                writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 100\r\n"),
                                                              warc_content_type="application/warc-fields"))
                records += 3
    return records


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator

    count = 0
    for record in ArchiveIterator(str(path), parse_http=True, fsspec_args=False):
        record.reader.read()
        count += 1
    return count


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            record.content_stream().read()
            count += 1
    return count


def best_of(rounds: int, work: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def product_reading(path: Path) -> int:
    """The product's WARC reader with the HTML extraction left out: what reading the WARC costs."""
    from extractor.ingest import warc
    from extractor.ingest.readers import RawArticle

    def decode_only(record, raw, where):
        text, _ = warc.page_text(warc._payload(record, raw), record.http_charset)
        return RawArticle(body=text)

    with mock.patch.object(warc, "_read_html_record", decode_only):
        return sum(1 for _ in warc.read_warc(path, path.name, 1 << 40))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of the dev pages in the reader comparison")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--write-warc", type=Path, help="write the dev pages' WARC here and stop")
    args = parser.parse_args()

    from extractor.ingest import ingest
    from extractor.runner import RunOptions, run

    pages = sorted((args.shared / "dev" / "article-extraction" / "html").glob("*.html"))
    if args.write_warc:
        records = build_warc(pages, args.write_warc, gzip=args.write_warc.name.endswith(".gz"))
        print(f"{args.write_warc}: {records} records, {len(pages)} pages")
        return
    work = Path(tempfile.mkdtemp(prefix="warc-bench-"))
    try:
        print(f"{len(pages)} dev pages, {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB of HTML")
        print(f"\nreaders, every record and its payload, {args.copies} copies of the pages (best of {args.rounds}):")
        for gzip, name in ((True, "big.warc.gz"), (False, "big.warc")):
            path = work / name
            records = build_warc(pages, path, gzip=gzip, copies=args.copies)
            for reader, read in (("fastwarc", read_fastwarc), ("warcio", read_warcio)):
                seconds, count = best_of(args.rounds, lambda: read(path))
                assert count == records, (reader, count, records)
                print(f"  {name:12} {path.stat().st_size / 1e6:6.1f} MB  {reader:9} {records / seconds:9,.0f} records/s"
                      f"  {path.stat().st_size / 1e6 / seconds:7.1f} MB/s")

        dev_warc = work / "dev.warc.gz"
        records = build_warc(pages, dev_warc, gzip=True)
        folder = work / "html"
        folder.mkdir()
        for page in pages:
            shutil.copy(page, folder / page.name)
        print(f"\n{dev_warc.name}: {records} records, {len(pages)} pages, {dev_warc.stat().st_size / 1e6:.1f} MB")
        reading, _ = best_of(args.rounds, lambda: product_reading(dev_warc))
        print(f"  product WARC reading (no HTML extraction) {reading:7.3f} s  {records / reading:9,.0f} records/s")
        ingest_warc, events = best_of(args.rounds, lambda: list(ingest([dev_warc])))
        articles = sum(1 for e in events if type(e).__name__ == "Article")
        print(f"  ingest() over the WARC (NLP off)          {ingest_warc:7.3f} s  {records / ingest_warc:9,.1f} records/s"
              f"  {articles / ingest_warc:6.1f} pages/s ({articles} articles)")
        ingest_files, _ = best_of(args.rounds, lambda: list(ingest([folder])))
        print(f"  ingest() over the same pages as files     {ingest_files:7.3f} s  {len(pages) / ingest_files:6.1f} pages/s")

        options = RunOptions(workers=args.workers, use_cache=False)
        pipeline, manifest = best_of(1, lambda: run([dev_warc], work / "out", options=options))
        print(f"  extractor run --workers {args.workers} over the WARC     {pipeline:7.3f} s  "
              f"{manifest.counts['articles'] / pipeline:6.2f} pages/s  ({manifest.inputs} inputs, "
              f"records {manifest.warc_records})")
        print(f"  share of the pipeline's time reading the WARC: {100 * reading / pipeline:.2f} %")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
