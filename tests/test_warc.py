"""Web archives in: WARC files written here (with warcio) from the dev HTML pages read
like the pages themselves, every other record counted, damage reported with its offset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.ingest import ArchiveRecords, Duplicate, ingest
from extractor.models import Article, ErrorRecord
from extractor.runner import RunOptions, run

from conftest import SHARED, read_jsonl

DEV_HTML = SHARED / "dev" / "article-extraction" / "html"
# The smallest dev pages keep the NLP runs short.
PAGES = sorted(DEV_HTML.glob("*.html"), key=lambda p: (p.stat().st_size, p.name))[:4]
FETCHED = "2025-01-28T09:15:00Z"

# A page with no date anywhere, written here, for the fetch-date fallback.
UNDATED_PAGE = """<html><head><title>Harbour workers end strike after pay deal</title></head><body>
<article><h1>Harbour workers end strike after pay deal</h1>
<p>Dock workers at the port of Halden returned to work on Tuesday after their union accepted a
pay offer of 6 percent, ending a strike that had stranded dozens of container ships.</p>
<p>“We got what we came for,” said Marta Lind, who chairs the union’s local branch. The port
authority said it expected the backlog to clear within ten days.</p>
<p>Shipping lines had diverted more than 40 vessels to other ports during the three-week stoppage,
according to figures from the harbour master’s office.</p>
</article></body></html>"""


def url_of(page: Path) -> str:
    return f"https://news.example.com/{page.stem[:12]}"


class Archive:
    """A WARC file being written, remembering where each page's response starts."""

    def __init__(self, path: Path, *, gzip: bool):
        self.path = path
        self.handle = path.open("wb")
        self.writer = WARCWriter(self.handle, gzip=gzip)
        self.offsets: list[int] = []

    def record(self, record) -> int:
        offset = self.handle.tell()
        self.writer.write_record(record)
        return offset

    def page(self, url: str, html: bytes, *, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", date: str = FETCHED, extra: list[tuple[str, str]] = ()) -> int:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
        self.record(self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
        offset = self.record(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(html), http_headers=headers, warc_headers_dict={"WARC-Date": date}))
        self.offsets.append(offset)
        return offset

    def close(self) -> Path:
        self.handle.close()
        return self.path


def dev_archive(path: Path, pages=PAGES, *, gzip: bool = True) -> Archive:
    archive = Archive(path, gzip=gzip)
    for page in pages:
        archive.page(url_of(page), page.read_bytes())
    archive.close()
    return archive


def events(path: Path) -> tuple[list[Article], list[ErrorRecord], dict[str, int]]:
    found = list(ingest([path]))
    kinds = [e.kinds for e in found if isinstance(e, ArchiveRecords)]
    return ([e for e in found if isinstance(e, Article)], [e for e in found if isinstance(e, ErrorRecord)],
            kinds[0] if kinds else {})


def test_a_warc_gives_the_same_articles_as_the_html_files_plus_url_and_fetch_date(tmp_path):
    folder = tmp_path / "html"
    folder.mkdir()
    for page in PAGES:
        (folder / page.name).write_bytes(page.read_bytes())
    archive = dev_archive(tmp_path / "crawl.warc.gz")
    options = RunOptions(use_cache=False)
    from_files = run([folder], tmp_path / "files", options=options)
    from_warc = run([archive.path], tmp_path / "warc", options=options)

    files = {a["path"]: a for a in read_jsonl(tmp_path / "files" / "articles.jsonl")}
    warc = read_jsonl(tmp_path / "warc" / "articles.jsonl")
    assert len(warc) == len(files) == len(PAGES)
    for page, offset, article in zip(PAGES, archive.offsets, warc):
        expected = files[page.name]
        assert (article["id"], article["text"], article["title"], article["published"]) == (
            expected["id"], expected["text"], expected["title"], expected["published"])
        assert article["path"] == f"crawl.warc.gz#{offset}"
        assert (article["url"], article["urls"]) == (url_of(page), [url_of(page)])
        assert article["fetched"] == "2025-01-28T09:15:00"
        assert article["published_source"] == expected["published_source"]
    assert from_warc.warc_records == {"request": 4, "response_html": 4}
    assert from_warc.inputs == from_files.inputs == 4
    assert from_warc.counts["claims"] == from_files.counts["claims"]


def test_records_that_are_not_html_pages_are_counted_by_kind(tmp_path):
    archive = Archive(tmp_path / "mixed.warc.gz", gzip=True)
    writer = archive.writer
    archive.record(writer.create_warcinfo_record("mixed.warc.gz", {"software": "test"}))
    offset = archive.page(url_of(PAGES[0]), PAGES[0].read_bytes())
    archive.record(writer.create_warc_record(url_of(PAGES[0]), "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                             warc_content_type="application/warc-fields"))
    archive.record(writer.create_revisit_record(url_of(PAGES[0]), "sha1:AAAA", url_of(PAGES[0]), FETCHED))
    archive.page("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    archive.page("https://news.example.com/old", b"", status="301 Moved Permanently",
                 extra=[("Location", "https://news.example.com/new")])
    archive.page("https://news.example.com/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    archive.close()

    articles, errors, kinds = events(archive.path)
    assert [a.path for a in articles] == [f"mixed.warc.gz#{offset}"] and errors == []
    assert kinds == {"http_error": 1, "metadata": 1, "non_html": 1, "redirect": 1, "request": 4,
                     "response_html": 1, "revisit": 1, "warcinfo": 1}


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_warc_reports_where_it_ends_and_keeps_every_page_before(tmp_path, gzip):
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    (tmp_path / "whole").mkdir()
    whole = dev_archive(tmp_path / "whole" / name, gzip=gzip)
    data = whole.path.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: whole.offsets[2] + 900])  # inside the third page's record
    expected, _, _ = events(whole.path)

    articles, errors, kinds = events(cut)
    assert [a.id for a in articles] == [a.id for a in expected[:2]]
    assert [(e.path, e.error) for e in errors] == [(f"{name}#{whole.offsets[2]}", "warc_truncated")]
    assert f"byte {whole.offsets[2]}" in errors[0].message
    assert kinds == {"request": 3, "response_html": 2}


def test_garbage_in_a_gzip_warc_stops_reading_at_the_damaged_record(tmp_path):
    whole = dev_archive(tmp_path / "crawl.warc.gz")
    data = bytearray(whole.path.read_bytes())
    middle = (whole.offsets[2] + whole.offsets[3]) // 2  # inside the third page's gzip member
    data[middle:middle + 64] = b"\x00garbage!" * 7 + b"\x00"
    (tmp_path / "bad.warc.gz").write_bytes(bytes(data))

    articles, errors, _ = events(tmp_path / "bad.warc.gz")
    assert len(articles) == 2
    assert [(e.path, e.error) for e in errors] == [(f"bad.warc.gz#{whole.offsets[2]}", "warc_corrupt")]
    assert f"from byte {whole.offsets[2]}" in errors[0].message


def test_garbage_in_an_uncompressed_warc_loses_only_the_damaged_record(tmp_path):
    whole = dev_archive(tmp_path / "crawl.warc", gzip=False)
    expected, _, _ = events(whole.path)
    data = bytearray(whole.path.read_bytes())
    middle = (whole.offsets[1] + whole.offsets[2]) // 2  # inside the second page's HTML
    data[middle:middle + 64] = b"#" * 64
    (tmp_path / "bad.warc").write_bytes(bytes(data))

    articles, errors, kinds = events(tmp_path / "bad.warc")
    assert [a.id for a in articles] == [expected[0].id, *(a.id for a in expected[2:])]
    assert [(e.path, e.error) for e in errors] == [(f"bad.warc#{whole.offsets[1]}", "warc_corrupt")]
    assert kinds["response_html"] == 4  # the damaged page was read whole: an input that failed


def test_bytes_that_are_not_warc_stop_reading_where_they_start(tmp_path):
    whole = dev_archive(tmp_path / "crawl.warc", gzip=False)
    data = whole.path.read_bytes()
    start = whole.offsets[2] - 1  # the request record before the third page's response
    request_start = data.rindex(b"WARC/1.0\r\n", 0, start)
    (tmp_path / "bad.warc").write_bytes(data[:request_start] + b"<html>not a record</html>\r\n" + data[request_start:])

    articles, errors, _ = events(tmp_path / "bad.warc")
    assert len(articles) == 2
    assert [(e.path, e.error) for e in errors] == [(f"bad.warc#{request_start}", "warc_corrupt")]


def test_the_same_page_in_two_crawls_is_one_article_with_both_paths_and_urls(tmp_path):
    page = PAGES[1].read_bytes()
    first = Archive(tmp_path / "monday.warc.gz", gzip=True)
    first_offset = first.page("https://news.example.com/story", page)
    first.close()
    second = Archive(tmp_path / "tuesday.warc", gzip=False)
    second_offset = second.page("http://m.news.example.com/story?utm_source=feed", page,
                                date="2025-01-29T07:00:00Z")
    second.close()
    out = tmp_path / "out"
    options = RunOptions(cache_dir=tmp_path / "cache")

    manifest = run([first.path, second.path], out, options=options)
    [article] = read_jsonl(out / "articles.jsonl")
    assert article["paths"] == [f"monday.warc.gz#{first_offset}", f"tuesday.warc#{second_offset}"]
    assert article["urls"] == ["https://news.example.com/story", "http://m.news.example.com/story?utm_source=feed"]
    assert (manifest.inputs, manifest.counts["articles"], manifest.counts["duplicates"]) == (2, 1, 1)

    # Incremental: the same archive again adds nothing; the cache serves a new output folder.
    again = run([second.path], out, options=options)
    assert (again.counts["new_articles"], again.counts["already_present"]) == (0, 1)
    assert read_jsonl(out / "articles.jsonl") == [article]
    fresh = run([second.path], tmp_path / "fresh", options=options)
    assert fresh.counts["cached"] == 1


def test_a_page_with_no_date_is_dated_by_its_fetch(tmp_path):
    archive = Archive(tmp_path / "crawl.warc.gz", gzip=True)
    archive.page("https://news.example.com/harbour-strike", UNDATED_PAGE.encode("utf-8"),
                 date="2025-03-04T22:10:05Z")
    archive.close()
    [article], errors, _ = events(archive.path)
    assert errors == []
    assert (article.published, article.published_source, article.fetched) == (
        "2025-03-04", "fetched", "2025-03-04T22:10:05")


@pytest.mark.parametrize("declared", ["http", "meta"])
def test_the_charset_comes_from_the_http_headers_or_the_page(tmp_path, declared):
    html = UNDATED_PAGE
    content_type = "text/html; charset=windows-1252" if declared == "http" else "text/html"
    if declared == "meta":
        html = html.replace("<head>", '<head><meta charset="windows-1252">')
    archive = Archive(tmp_path / "crawl.warc.gz", gzip=True)
    archive.page("https://news.example.com/harbour-strike", html.encode("cp1252"), content_type=content_type)
    archive.close()
    [article], errors, _ = events(archive.path)
    assert errors == []  # no "not UTF-8" warning: the page said what it is
    assert "“We got what we came for,” said Marta Lind" in article.text


def test_duplicates_inside_one_warc_keep_their_url(tmp_path):
    archive = Archive(tmp_path / "crawl.warc.gz", gzip=True)
    archive.page("https://news.example.com/a", PAGES[0].read_bytes())
    second = archive.page("https://news.example.com/b", PAGES[0].read_bytes())
    archive.close()
    found = [e for e in ingest([archive.path]) if isinstance(e, Duplicate)]
    assert found == [Duplicate(found[0].article_id, f"crawl.warc.gz#{second}", "https://news.example.com/b")]


def test_a_file_named_warc_that_is_not_one_is_one_clear_error(tmp_path):
    (tmp_path / "notes.warc.gz").write_text("meeting notes, not an archive\n", encoding="utf-8")
    (tmp_path / "empty.warc").write_bytes(b"")
    found = [e for e in ingest([tmp_path]) if isinstance(e, ErrorRecord)]
    assert [(e.path, e.error) for e in found] == [("empty.warc", "empty"), ("notes.warc.gz#0", "warc_corrupt")]
    assert found[1].message.startswith("not a WARC file")


def test_a_gzip_encoded_chunked_page_is_decoded_and_a_page_the_crawler_cut_is_counted(tmp_path):
    import gzip as gz

    body = gz.compress(UNDATED_PAGE.encode("utf-8"))
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 300]), body[i:i + 300]) for i in range(0, len(body), 300))
    archive = Archive(tmp_path / "crawl.warc.gz", gzip=True)
    archive.page("https://news.example.com/harbour-strike", chunked + b"0\r\n\r\n",
                 extra=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
    cut = archive.writer.create_warc_record(
        "https://news.example.com/long-read", "response", payload=io.BytesIO(PAGES[0].read_bytes()[:5000]),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Truncated": "length"})
    archive.record(cut)
    archive.close()
    [article], errors, kinds = events(archive.path)
    assert errors == []
    assert article.text.startswith("Dock workers at the port of Halden returned to work on Tuesday")
    assert kinds == {"request": 1, "response_html": 1, "truncated": 1}
