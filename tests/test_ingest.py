"""Readers, metadata, identity and the bad-input contract of ingestion."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.ingest import Duplicate, Skipped, ingest
from extractor.models import Article, ErrorRecord
from extractor.settings import Settings

from conftest import read_jsonl

BODY = (
    "The city council approved a new budget on Wednesday after a long debate.\n\n"
    "Council members voted seven to two in favour, the clerk said."
)


def articles_of(paths, **settings) -> list[Article]:
    return [e for e in ingest(paths, Settings(**settings)) if isinstance(e, Article)]


def errors_of(paths, **settings) -> list[ErrorRecord]:
    return [e for e in ingest(paths, Settings(**settings)) if isinstance(e, ErrorRecord)]


def test_markdown_front_matter_gives_metadata_and_markup_is_removed(tmp_path):
    (tmp_path / "story.md").write_text(
        "---\ntitle: Council passes budget\nsource: Example Gazette\nurl: https://www.gazette.example/budget\n"
        "published: March 5, 2024\nauthor: Ann Lee\n---\n\n"
        "The **city council** approved a [new budget](https://x.example) on Wednesday.\n\n"
        "Council members voted seven to two in favour, the clerk said.\n",
        encoding="utf-8",
    )
    [article] = articles_of([tmp_path])
    assert (article.title, article.source, article.author) == ("Council passes budget", "Example Gazette", ["Ann Lee"])
    assert article.url == "https://www.gazette.example/budget"
    assert article.published == "2024-03-05"
    assert article.text.startswith("The city council approved a new budget on Wednesday.")


def test_toml_front_matter_as_hugo_writes_it_gives_metadata(tmp_path):
    (tmp_path / "story.md").write_text(
        '+++\ntitle = "Council passes budget"\ndate = 2024-03-05\nauthor = "Ann Lee"\n+++\n\n' + BODY, encoding="utf-8")
    (tmp_path / "broken.md").write_text('+++\ntitle = "unclosed\n+++\n\n' + BODY.replace("seven", "six"),
                                        encoding="utf-8")
    by_path = {a.path: a for a in articles_of([tmp_path])}
    story = by_path["story.md"]
    assert (story.title, story.published, story.author) == ("Council passes budget", "2024-03-05", ["Ann Lee"])
    assert story.text.startswith("The city council approved")
    # a block TOML cannot read is left out of the text, with a warning that names the file
    assert by_path["broken.md"].text.startswith("The city council approved")
    assert [(e.path, e.error) for e in errors_of([tmp_path])] == [("broken.md", "bad_front_matter")]


def test_a_json_file_that_lists_its_articles_under_a_key_gives_each(tmp_path):
    (tmp_path / "export.json").write_text(json.dumps({"articles": [
        {"headline": "Council passes budget", "articleBody": BODY, "datePublished": "2024-03-06"},
        {"headline": "Rail strike called off", "articleBody": "Unions called off the rail strike on Friday."},
    ]}), encoding="utf-8")
    found = articles_of([tmp_path])
    assert [(a.path, a.title, a.published) for a in found] == [
        ("export.json:1", "Council passes budget", "2024-03-06"), ("export.json:2", "Rail strike called off", None)]


def test_json_fields_as_people_name_them(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({
        "headline": "Council passes budget", "body": BODY, "link": "https://news.example.org/x",
        "date": "2024-03-06T09:30:00Z",
    }), encoding="utf-8")
    [article] = articles_of([tmp_path])
    assert article.title == "Council passes budget"
    assert article.published == "2024-03-06T09:30:00"
    assert article.source == "news.example.org"  # the outlet falls back to the URL's host


def test_jsonl_bad_line_is_reported_and_other_lines_count(tmp_path):
    good = json.dumps({"text": BODY, "outlet": "Wire"})
    other = json.dumps({"content": "A second, different story about rail strikes in the north."})
    (tmp_path / "feed.jsonl").write_text(f"{good}\n{{not json\n\n{other}\n", encoding="utf-8")
    events = list(ingest([tmp_path]))
    articles = [e for e in events if isinstance(e, Article)]
    errors = [e for e in events if isinstance(e, ErrorRecord)]
    assert [a.path for a in articles] == ["feed.jsonl:1", "feed.jsonl:4"]
    assert [(e.path, e.error, e.line) for e in errors] == [("feed.jsonl:2", "bad_json", 2)]


def test_sidecar_metadata_wins_over_the_file(tmp_path):
    (tmp_path / "s.md").write_text("---\nsource: Old Name\n---\n" + BODY, encoding="utf-8")
    (tmp_path / "s.meta.json").write_text(json.dumps({"outlet": "New Name", "published": "2024-01-02"}))
    [article] = articles_of([tmp_path])
    assert (article.source, article.published) == ("New Name", "2024-01-02")


def test_html_page_is_read_with_its_metadata(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says the river rose by a metre overnight and flooded several "
        f"streets in the old town, according to local officials who visited the area.</p>" for i in range(6)
    )
    (tmp_path / "page.html").write_text(
        "<html><head><title>River floods old town | Daily Example</title>"
        '<meta property="og:site_name" content="Daily Example">'
        '<meta property="article:published_time" content="2024-02-10T08:00:00Z">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>River floods old town</h1>{paragraphs}"
        "</article><footer>© 2024 Daily Example</footer></body></html>",
        encoding="utf-8",
    )
    [article] = articles_of([tmp_path])
    assert article.source == "Daily Example"
    assert article.published and article.published.startswith("2024-02-10")
    assert "flooded several streets" in article.text and "©" not in article.text


def test_same_text_gives_same_id_and_duplicates_keep_every_path(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("\n\n", "\n\n\n") + "\n", encoding="utf-8")
    events = list(ingest([tmp_path]))
    [article] = [e for e in events if isinstance(e, Article)]
    assert [e.path for e in events if isinstance(e, Duplicate)] == ["b.txt"]
    assert article.id == articles_of([tmp_path / "a.txt"])[0].id
    assert len(article.id) == 16


def build_bad_folder(root: Path) -> None:
    (root / "good.txt").write_text(BODY, encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (root / "latin1.txt").write_bytes("Le café a ouvert lundi à Paris, a déclaré le maire.".encode("cp1252"))
    (root / "feed.jsonl").write_text(json.dumps({"text": "Rail workers strike over pay for a third day."})
                                     + "\n{broken\n", encoding="utf-8")
    (root / "nothing.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (root / "huge.txt").write_text("word " * 3000, encoding="utf-8")
    (root / "locked.txt").write_text(BODY + " Locked.", encoding="utf-8")
    (root / "locked.txt").chmod(0)
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")


def test_bad_inputs_each_get_a_clear_error_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    build_bad_folder(folder)
    events = list(ingest([folder, tmp_path / "missing"], Settings(max_bytes=10_000)))
    fatal = {e.path: e.error for e in events if isinstance(e, ErrorRecord) and e.fatal}
    warnings = {e.path: e.error for e in events if isinstance(e, ErrorRecord) and not e.fatal}
    used = sorted(e.path for e in events if isinstance(e, Article))
    expected_fatal = {
        "empty.txt": "empty", "blob.txt": "binary", "feed.jsonl:2": "bad_json",
        "nothing.html": "no_article", "huge.txt": "too_large", str(tmp_path / "missing"): "not_found",
    }
    if os.geteuid() != 0:  # root reads any file, so only others can see the permission error
        expected_fatal["locked.txt"] = "unreadable"
    assert fatal == expected_fatal
    assert warnings == {"latin1.txt": "not_utf8"}
    assert [e.path for e in events if isinstance(e, Skipped)] == ["notes.pdf"]
    assert "feed.jsonl:1" in used and "good.txt" in used and "latin1.txt" in used
    latin = next(e for e in events if isinstance(e, Article) and e.path == "latin1.txt")
    assert "café" in latin.text


def test_run_reports_every_input_and_exits_1_when_some_are_unusable(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    build_bad_folder(folder)
    out = tmp_path / "out"
    status = main(["run", str(folder), "--out", str(out), "--max-bytes", "10000"])
    assert status == 1
    manifest = json.loads((out / "manifest.json").read_text())
    counts = manifest["counts"]
    assert manifest["inputs"] == 10  # 9 files, one of them JSON Lines with 2 records
    assert counts["articles"] + counts["duplicates"] + counts["skipped"] + counts["failed_inputs"] == manifest["inputs"]
    errors = read_jsonl(out / "errors.jsonl")
    assert {e["error"] for e in errors} >= {"empty", "binary", "bad_json", "no_article", "too_large", "not_utf8"}
    assert all(e["message"] for e in errors)
    assert "errors.jsonl" in capsys.readouterr().err


def test_run_exits_0_when_every_input_is_used(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]) == 0
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", str(tmp_path)])  # --out missing
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_an_interrupted_write_leaves_no_file_under_the_real_name(tmp_path):
    from extractor.store.files import write_jsonl

    def records():
        yield {"a": 1}
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_jsonl(tmp_path / "claims.jsonl", records())
    assert list(tmp_path.iterdir()) == []
