"""HTML metadata chosen per field by evidence, on small pages written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate.metadata import score_metadata
from extractor.ingest import ingest
from extractor.ingest.bylines import person_names
from extractor.ingest.printed_dates import DATELINE_DATE, date_from_url, printed_date
from extractor.ingest.titles import strip_site_name
from extractor.models import Article, ErrorRecord

WCXB = Path(__file__).resolve().parents[2] / "shared" / "dev" / "wcxb"

BODY = (
    "<p>The city council of Northbridge voted on Tuesday to build a new bridge over the Calder river, "
    "ending a debate that has divided residents for more than a decade.</p>"
    "<p>The project, estimated at 120 million dollars, will be funded by a regional grant and a new toll. "
    "Mayor Anna Berg said construction would begin next spring and take about three years.</p>"
    "<p>Opponents argued that the toll would hurt small businesses on the east bank, and several shop "
    "owners told the council that customers already avoid the area because of traffic.</p>"
)


def page(head: str, header: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><main><article>{header}{BODY}"
            "</article></main><footer>© 2024 The Daily Example</footer></body></html>")


def read(tmp_path: Path, html: str, url: str | None = None) -> Article | ErrorRecord:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    if url:
        (tmp_path / "page.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    events = [e for e in ingest([path]) if isinstance(e, (Article, ErrorRecord))]
    assert len(events) == 1, events
    return events[0]


JSON_LD_GRAPH = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Daily Example"},
  {"@type": ["NewsArticle"], "headline": "Northbridge council approves new bridge",
   "datePublished": "2024-03-05T09:30:00-05:00", "dateModified": "2024-03-07T10:00:00-05:00",
   "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"},
              {"@type": "Organization", "name": "The Daily Example"}],
   "publisher": {"@type": "Organization", "name": "The Daily Example"}}]}</script>"""


def test_json_ld_graph_gives_people_date_and_title(tmp_path):
    article = read(tmp_path, page(
        "<title>Northbridge council approves new bridge | The Daily Example</title>"
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta property="article:published_time" content="2024-03-01T08:00:00Z">' + JSON_LD_GRAPH,
        "<h1>Northbridge council approves new bridge</h1>"))
    assert article.title == "Northbridge council approves new bridge"
    assert article.author == ["Jane Doe", "John Roe"]
    assert (article.published, article.published_source) == ("2024-03-05T09:30:00", "metadata")
    assert article.source == "The Daily Example"


def test_broken_json_ld_falls_back_to_meta_tags(tmp_path):
    article = read(tmp_path, page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken, "author": </script>'
        "<title>Council approves bridge - The Daily Example</title>"
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta property="article:published_time" content="2024-03-05">'
        '<meta name="author" content="Jane Doe">'))
    assert (article.title, article.author, article.published) == ("Council approves bridge", ["Jane Doe"], "2024-03-05")


def test_the_urls_date_wins_over_a_conflicting_stamp(tmp_path):
    article = read(tmp_path, page(
        "<title>Council approves bridge</title>"
        '<meta property="article:published_time" content="2024-03-06T02:10:00Z">',
        "<h1>Council approves bridge</h1>"), url="https://news.example.com/2024/03/05/council-approves-bridge")
    assert (article.published, article.published_source) == ("2024-03-05", "url")


def test_date_printed_by_the_headline_when_nothing_states_one(tmp_path):
    article = read(tmp_path, page("<title>Council approves bridge</title>",
                                  "<h1>Council approves bridge</h1><p class='meta'>By Jane Doe | March 5, 2024</p>"))
    assert (article.published, article.published_source) == ("2024-03-05", "dateline")
    assert article.author == ["Jane Doe"]


def test_a_bare_name_before_the_date_is_the_byline(tmp_path):
    article = read(tmp_path, page("<title>Council approves bridge</title>",
                                  "<h1>Council approves bridge</h1><div><span>Jane Doe</span> · <span>5 March 2024</span></div>"))
    assert (article.author, article.published) == (["Jane Doe"], "2024-03-05")


def test_staff_and_outlet_bylines_are_not_authors(tmp_path):
    article = read(tmp_path, page(
        '<title>Council approves bridge</title><meta property="og:site_name" content="The Daily Example">'
        '<meta name="author" content="Daily Example Staff">',
        "<h1>Council approves bridge</h1><p class='byline'>By The Daily Example</p>"))
    assert article.author == []


def test_a_page_without_an_article_is_reported_not_raised(tmp_path):
    error = read(tmp_path, "<html><head><title>Sections</title></head><body><nav>Home News</nav></body></html>")
    assert isinstance(error, ErrorRecord) and error.error == "no_article" and error.path == "page.html"


def test_a_five_megabyte_single_line_page_is_read(tmp_path):
    sentence = "The council met on Tuesday and agreed the budget, officials said. " * 80_000
    article = read(tmp_path, "<html><head><title>Budget agreed | Example</title></head><body><article><p>"
                   + sentence + "</p></article></body></html>")
    assert isinstance(article, Article) and article.text == sentence.strip()


@pytest.mark.parametrize(("title", "sites", "host", "expected"), [
    ("Council approves bridge | The Daily Example", (), None, "Council approves bridge"),
    ("Council approves bridge - The Daily Example", ("The Daily Example",), None, "Council approves bridge"),
    ("The Daily Example: Council approves bridge", ("The Daily Example",), None, "The Daily Example: Council approves bridge"),
    ("Daily Example — Council approves bridge over the Calder", (), "dailyexample.com",
     "Council approves bridge over the Calder"),
    ("Council approves bridge - Northbridge - Local News", (), None, "Council approves bridge - Northbridge"),
    ("Why the bridge matters - and what it costs", (), None, "Why the bridge matters - and what it costs"),
])
def test_site_name_is_taken_off_the_title(title, sites, host, expected):
    assert strip_site_name(title, sites, host) == expected


@pytest.mark.parametrize(("byline", "expected"), [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton, Ph.D."]),
    ("Jane Doe, Senior Reporter", ["Jane Doe"]),
    ("Reuters Staff", []),
    ("Staff", []),
    ("By ASSOCIATED PRESS", []),
    ("https://www.example.com/authors/jane-doe", []),
    ("Written byDan Pantelo", ["Dan Pantelo"]),
    ("Reviewed by Margaret James", []),
])
def test_people_in_a_byline(byline, expected):
    assert person_names(byline) == expected


def test_dates_in_urls():
    assert date_from_url("https://x.example/2024/03/05/story") == "2024-03-05"
    assert date_from_url("https://x.example/news/20240305-story") == "2024-03-05"
    assert date_from_url("https://x.example/blog/2023/october/3/story") == "2023-10-03"
    assert date_from_url("https://x.example/story-2024") is None


@pytest.mark.skipif(not WCXB.is_dir(), reason="WCXB dev set not available")
def test_metadata_eval_slice_has_a_floor():
    result = score_metadata(WCXB, limit=16)
    assert result["pages"] == 16
    assert result["title_exact"] >= 0.75 and result["date"] >= 0.75 and result["body_f1"] >= 0.85


@pytest.mark.parametrize("printed, expected", [
    ("November 4th, 2025", "2025-11-04"),
    ("9th February 2024", "2024-02-09"),
    ("23.07.2025", "2025-07-23"),  # dotted: day first
    ("12.16.2025", "2025-12-16"),  # unless only month first makes a date
    ("11/13/19", "2019-11-13"),
    ("27/01/2025", "2025-01-27"),  # slashed: month first, unless only day first makes a date
])
def test_printed_dates(printed, expected):
    [match] = DATELINE_DATE.findall(printed)
    assert printed_date(match) == expected


def test_of_two_printed_dates_the_one_stated_as_published_wins(tmp_path):
    article = read(tmp_path, page(
        '<meta property="article:published_time" content="2024-02-10T09:00:00+00:00">'
        '<meta property="article:modified_time" content="2024-03-07T09:00:00+00:00">',
        "<h1>Northbridge council approves new bridge</h1><p>March 7, 2024 February 10, 2024 by Jane Doe</p>"))
    assert (article.published[:10], article.published_source) == ("2024-02-10", "metadata")


def test_a_time_element_that_is_not_iso_is_not_a_date(tmp_path):
    article = read(tmp_path, page("", "<h1>Northbridge council approves new bridge</h1>"
                                      '<time datetime="02-12-2025">02-12-2025</time>'
                                      '<time datetime="2025-12-02">December 02, 2025</time>'))
    assert article.published[:10] == "2025-12-02"


@pytest.mark.parametrize("header, expected", [
    ("<p>Spencer McIntyre Dec 19, 2025</p>", ["Spencer McIntyre"]),  # a capital inside a name
    ("<p>Shahzeb Ahmed Updated on June 15, 2022</p>", ["Shahzeb Ahmed"]),
    ("<p>Author: Tracey Bible Your Part-Time Controller</p>", ["Tracey Bible"]),
    ("<p>Reviewed by Margaret James</p><p>By Jane Doe</p>", ["Jane Doe"]),  # a reviewer is not the author
])
def test_bylines_printed_under_the_headline(tmp_path, header, expected):
    article = read(tmp_path, page("", "<h1>Northbridge council approves new bridge</h1>" + header))
    assert article.author == expected


def test_the_printed_byline_beats_a_meta_tag_naming_someone_else(tmp_path):
    article = read(tmp_path, page('<meta name="author" content="Luke Daigle">',
                                  "<h1>Northbridge council approves new bridge</h1><p>November 3, 2023 By: Paul Fenaroli</p>"))
    assert article.author == ["Paul Fenaroli"]


def test_co_authors_printed_with_the_first_are_kept(tmp_path):
    article = read(tmp_path, page('<meta name="author" content="Rui Ma">',
                                  "<h1>Northbridge council approves new bridge</h1>"
                                  "<p>Rui Ma, Heba Ledwon, Manoel Cortes Mendez &amp; Suparn Patra Nov 25th, 2025</p>"))
    assert article.author == ["Rui Ma", "Heba Ledwon", "Manoel Cortes Mendez", "Suparn Patra"]


def test_a_bracketed_role_is_not_part_of_the_name():
    assert person_names("Lance Ryan (Content Manager)") == ["Lance Ryan"]


def test_a_byline_after_the_article_names_the_author(tmp_path):
    html = page("", "<h1>Northbridge council approves new bridge</h1>").replace(
        "</article>", "<p>Written by Lisa D. Ellis</p><p>Related programs</p></article>")
    assert read(tmp_path, html).author == ["Lisa D. Ellis"]


@pytest.mark.parametrize("byline, expected", [
    ("CM Craig McCarthy", ["Craig McCarthy"]),  # an avatar's initials
    ("Nathan Lian @ Maintouch", ["Nathan Lian"]),  # an employer after "@"
    ("Victoria Raw Last updated", ["Victoria Raw"]),  # a page label glued on
    ("WRAL", []),  # an outlet's acronym
    ("HR Strategy", []),  # a section
    ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey, MS, RD, FAND"]),  # credentials stay with the name
])
def test_names_in_a_byline_field(byline, expected):
    assert person_names(byline) == expected


def test_a_printed_date_that_is_the_modification_day_yields_to_the_stated_publication(tmp_path):
    article = read(tmp_path, page(
        '<meta property="article:published_time" content="2026-01-15T13:12:11+00:00">'
        '<meta property="article:modified_time" content="2026-02-21T09:10:40+00:00">',
        "<h1>Northbridge council approves new bridge</h1><p>Jordie van Rijn 21 February 2026</p>"))
    assert (article.published[:10], article.published_source) == ("2026-01-15", "metadata")


def test_a_printed_modification_day_is_the_date_when_no_opengraph_time_is_declared(tmp_path):
    # The same page without article:published_time: its stated date is JSON-LD only.
    article = read(tmp_path, page(
        '<script type="application/ld+json">{"@type": "Article", "datePublished": "2024-05-09T00:00:00Z",'
        ' "dateModified": "2025-12-16T00:00:00Z"}</script>',
        "<h1>Northbridge council approves new bridge</h1><p>16 December 2025 by Sam Fisher</p>"))
    assert (article.published[:10], article.published_source) == ("2025-12-16", "dateline")


@pytest.mark.parametrize(("declared", "day", "source"), [
    ("", "2025-10-08", "dateline"),
    ('<meta property="article:published_time" content="2024-11-22T22:28:12Z">', "2024-11-22", "metadata"),
])
def test_a_printed_update_is_the_date_unless_an_opengraph_time_is_declared(tmp_path, declared, day, source):
    article = read(tmp_path, page(
        '<script type="application/ld+json">{"@type": "Article", "datePublished": "2024-11-22T22:28:12Z",'
        f' "dateModified": "2025-10-08T21:33:14Z"}}</script>{declared}',
        "<h1>Northbridge council approves new bridge</h1><p>Trevor Jackins 9 min read Updated October 8, 2025</p>"))
    assert (article.published[:10], article.published_source) == (day, source)


def test_microdata_publication_date_counts_as_stated(tmp_path):
    article = read(tmp_path, page("", '<h1>Northbridge council approves new bridge</h1>'
                                      '<div itemprop="datePublished" content="2023-10-03T05:30:41-04:00"></div>'))
    assert (article.published[:10], article.published_source) == ("2023-10-03", "metadata")


def test_a_time_marked_as_published_beats_a_date_in_the_first_sentence(tmp_path):
    article = read(tmp_path, page("", '<h1>Northbridge council approves new bridge</h1>'
                                      '<time class="entry-date published" datetime="2015-01-08T10:07:06-05:00">'
                                      "January 8, 2015</time><p>This post was first written on October 7, 2008.</p>"))
    assert article.published[:10] == "2015-01-08"


def test_a_date_in_an_element_named_as_the_date_when_none_is_stated_or_by_the_headline(tmp_path):
    standfirst = "<p>" + "A long standfirst that pushes everything else down the page. " * 12 + "</p>"
    header = (f"<h1>Council approves bridge</h1>{standfirst}"
              "<p class='date'>March 5, 2024. <i>Updated: March 9, 2024</i></p>")
    article = read(tmp_path, page("<title>Council approves bridge</title>", header))
    assert (article.published, article.published_source) == ("2024-03-05", "dateline")


def test_an_element_named_as_the_update_date_is_not_the_publication(tmp_path):
    standfirst = "<p>" + "A long standfirst that pushes everything else down the page. " * 12 + "</p>"
    header = f"<h1>Council approves bridge</h1>{standfirst}<p class='updated-date'>March 9, 2024</p>"
    article = read(tmp_path, page("<title>Council approves bridge</title>", header))
    assert article.published_source != "dateline"


def test_a_copyright_year_is_no_publication_date(tmp_path):
    """htmldate reads the footer's "© 2024" as 1 January 2024: a year, not the article's day."""
    article = read(tmp_path, page("<title>Council approves bridge</title>"))
    assert (article.published, article.published_source) == (None, "none")
