"""Tables in HTML pages: read into the article as rows, marked as non-prose, never read for claims or quotes."""

from __future__ import annotations

import pytest

from extractor.ingest import ingest
from extractor.ingest.html import read_html
from extractor.ingest.non_prose import non_prose_ranges
from extractor.models import Article

PROSE = [
    "Northbridge Energy reported its results for the year on Tuesday, after a winter that "
    "pushed demand for heating to a record across the northern counties.",
    "The company said revenue rose 12% to $4.1 billion, and chief executive Anna Berg told "
    "analysts that the new wind farm would be finished in the spring.",
    "Its shares closed 3% higher in London after the announcement.",
]
TABLE = ("<table><tr><th>Division</th><th>Revenue</th></tr>"
         "<tr><td>Wind</td><td>$1.9 billion</td></tr>"
         "<tr><td>Gas</td><td>$2.2 billion</td></tr></table>")
PAGE = ("<html><head><title>Northbridge Energy results</title></head><body><article>"
        "<h1>Northbridge Energy results</h1>"
        f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>{TABLE}<p>{PROSE[2]}</p>"
        "</article></body></html>")
ROWS = ["Division | Revenue", "Wind | $1.9 billion", "Gas | $2.2 billion"]


def test_table_rows_are_read_one_per_paragraph_and_listed_as_non_prose():
    page = read_html(PAGE)
    assert page.text.split("\n\n") == [PROSE[0], PROSE[1], *ROWS, PROSE[2]]
    assert page.non_prose == ROWS


def test_a_one_cell_row_is_a_paragraph():
    # A layout table's column (or a caption row) holds running text, not data.
    column = "The board proposed a final dividend of 40 pence a share, to be paid in May."
    page = read_html(PAGE.replace(TABLE, f"<table><tr><td>{column}</td></tr></table>"))
    assert page.text.split("\n\n") == [PROSE[0], PROSE[1], column, PROSE[2]]
    assert page.non_prose == []


def test_non_prose_ranges_are_found_again_in_the_clean_text():
    text = "First paragraph.\n\nWind | $1.9 billion\n\nLast  paragraph."
    [found] = non_prose_ranges(text, ["Wind |  $1.9 billion "])
    assert text[found.start:found.end] == "Wind | $1.9 billion"
    assert non_prose_ranges(text, []) == []


def test_ingested_page_marks_its_table_rows(tmp_path):
    (tmp_path / "results.html").write_text(PAGE, encoding="utf-8")
    [article] = [event for event in ingest([tmp_path]) if isinstance(event, Article)]
    assert [article.text[r.start:r.end] for r in article.non_prose] == ROWS


@pytest.fixture(scope="module")
def nlp():
    from extractor.nlp import load_pipeline

    return load_pipeline()


def test_no_claim_or_quote_is_read_from_a_table_row(nlp):
    from extractor.extract.article import extract_article

    text = "\n\n".join([PROSE[1], *ROWS, PROSE[2]])
    rows = non_prose_ranges(text, ROWS)
    article = Article(id="a1", path="a.html", text=text, non_prose=rows)
    claims = extract_article(nlp(text), article).claims
    assert [c.text for c in claims] == ["12%", "$4.1 billion", "3%"]
    unmarked = extract_article(nlp(text), article.model_copy(update={"non_prose": []})).claims
    assert [c.text for c in unmarked] == ["12%", "$4.1 billion", "$1.9 billion", "$2.2 billion", "3%"]


def test_no_quote_is_read_from_a_table_row(nlp):
    from extractor.extract.article import extract_article

    row = "Anna Berg | “We will finish the wind farm in the spring,” she told analysts on Tuesday."
    text = "\n\n".join([PROSE[0], row, "“Demand will keep rising,” said Tom Hale, the finance director."])
    article = Article(id="a2", path="a.html", text=text, non_prose=non_prose_ranges(text, [row]))
    quotes = extract_article(nlp(text), article).quotes
    assert [q.text for q in quotes] == ["Demand will keep rising,"]
    unmarked = extract_article(nlp(text), article.model_copy(update={"non_prose": []})).quotes
    assert len(unmarked) == 2


def test_cached_extraction_is_keyed_by_the_non_prose_ranges(tmp_path):
    # The same text read from a .txt (no ranges) and from a page with a table must not share an extraction.
    from extractor.store.cache import ExtractionCache

    cache = ExtractionCache(tmp_path, "fingerprint")
    text = "\n\n".join([PROSE[1], *ROWS])
    plain = Article(id="a3", path="a.txt", text=text)
    page = plain.model_copy(update={"non_prose": non_prose_ranges(text, ROWS)})
    assert cache.key(plain) != cache.key(page)
    assert cache.key(plain) == cache.key(plain.model_copy(update={"path": "b.txt"}))


def test_a_long_page_cut_into_sections_still_skips_its_table_rows(tmp_path, monkeypatch):
    # The runner sends a long article out as sections; each carries its own rows, moved to its offsets.
    import json

    from extractor import runner

    (tmp_path / "in").mkdir()
    prose = "".join(f"<p>{p}</p>" for p in PROSE)
    (tmp_path / "in" / "results.html").write_text(PAGE.replace(f"<p>{PROSE[0]}</p>", prose * 3), encoding="utf-8")
    monkeypatch.setattr(runner, "SECTION_CHARS", 400)
    runner.run([tmp_path / "in"], tmp_path / "out", options=runner.RunOptions(workers=1, use_cache=False))
    claims = [json.loads(line)["text"] for line in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    [article] = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert [article["text"][r["start"]:r["end"]] for r in article["non_prose"]] == ROWS
    assert article["text"].index(ROWS[1]) > 400  # the rows sit in a later section
    assert "$4.1 billion" in claims and "$1.9 billion" not in claims and "$2.2 billion" not in claims


def test_an_embedded_post_is_no_prose_but_the_story_after_its_signature_is(nlp):
    from extractor.extract.article import extract_article
    from extractor.ingest.non_prose import embedded_post_ranges

    post = ("Closing bell board (Mar 3, 2026) $DIA -2.15% $QQQ -4.02% https://t.co/Ab12Cd34Ef "
            "pic.twitter.com/Zx98Yw76Vu")
    text = "\n\n".join([
        "The Dow lost 2.15% on Tuesday, its worst day since May.",
        post,
        "— Market Desk (@marketdesk) March 3, 2026",
        "The ferry left at dawn. pic.twitter.com/Qr55St66Uv — Ana Ruiz (@ana_ruiz) March 3, 2026 × Footage "
        "aired by the broadcaster showed that 14 cars went into the river.",
    ])
    ranges = embedded_post_ranges(text)
    assert [text[r.start:r.end] for r in ranges] == [
        post, "— Market Desk (@marketdesk) March 3, 2026",
        "The ferry left at dawn. pic.twitter.com/Qr55St66Uv — Ana Ruiz (@ana_ruiz) March 3, 2026"]
    read = extract_article(nlp(text), Article(id="a3", path="a.txt", text=text, non_prose=ranges))
    assert [c.text for c in read.claims] == ["2.15%", "14"]
    [quote] = read.quotes
    assert quote.text.endswith("14 cars went into the river") and quote.speaker is None
    assert embedded_post_ranges("Shares fell 4% to $12.50 - the lowest (since 2019) this year.") == []
