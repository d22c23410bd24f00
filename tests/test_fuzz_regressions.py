"""The minimal examples the property tests (test_properties.py) shrank bugs to, pinned.

Each test is one bug Hypothesis found, kept as a plain example so that it is checked
on every run whatever examples the properties happen to draw.
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

from extractor.extract.article import extract_article
from extractor.graph.entities import EntityMerger
from extractor.graph.quote_groups import group_quotes
from extractor.graph.resolve import group_claims
from extractor.ingest import ingest
from extractor.ingest.clean import clean_text
from extractor.ingest.metadata import article_id
from extractor.models import Article, Bounds, Claim, Entity, EntityRef, Quote, Role, Span
from extractor.nlp import load_pipeline
from extractor.store.mentions import EntitySpill


def ingest_bytes(tmp_path: Path, name: str, data: bytes) -> list:
    (tmp_path / name).write_bytes(data)
    return list(ingest([tmp_path / name]))


def test_a_jsonl_file_of_only_a_byte_order_mark_is_reported_empty(tmp_path):
    [error] = ingest_bytes(tmp_path, "feed.jsonl", b"\xff\xfe")
    assert (error.path, error.error, error.fatal) == ("feed.jsonl", "empty", True)


def test_a_jsonl_file_of_only_unicode_white_space_is_reported_empty(tmp_path):
    [error] = ingest_bytes(tmp_path, "feed.jsonl", "\u2028\n\u3000\n".encode())
    assert (error.path, error.error) == ("feed.jsonl", "empty")


def test_an_empty_json_list_is_reported_not_silently_dropped(tmp_path):
    [error] = ingest_bytes(tmp_path, "articles.json", b"[]")
    assert (error.path, error.error) == ("articles.json", "no_text")


def test_repeated_bullet_glyphs_are_removed_at_once_so_cleaning_is_idempotent():
    cleaned = clean_text("• • Brent rises above $90", find_title=False)
    assert (cleaned.text, cleaned.highlights) == ("Brent rises above $90", ["Brent rises above $90"])
    assert clean_text(cleaned.text, find_title=False).text == cleaned.text


def test_a_time_stamp_past_year_9999_is_a_bad_date_warning_not_a_crash(tmp_path):
    (tmp_path / "story.meta.json").write_text('{"published": 253402300800000}')
    warning, article = ingest_bytes(tmp_path, "story.md", b"Council passes the budget.")
    assert (article.text, article.published) == ("Council passes the budget.", None)
    assert (warning.error, warning.fatal) == ("bad_date", False)
    assert "253402300800000" in warning.message


def test_a_nan_time_stamp_is_a_bad_date_warning(tmp_path):
    events = ingest_bytes(tmp_path, "feed.jsonl", b'{"text": "Council passes the budget.", "date": NaN}')
    assert [type(e).__name__ for e in events] == ["ErrorRecord", "Article"]
    assert events[0].error == "bad_date"


def test_front_matter_with_an_impossible_date_is_ignored_with_a_warning(tmp_path):
    warning, article = ingest_bytes(tmp_path, "story.md", b"---\ndate: 2024-02-30\n---\nCouncil passes the budget.")
    assert (article.text, article.published) == ("Council passes the budget.", None)
    assert (warning.error, warning.fatal) == ("bad_front_matter", False)
    assert warning.message == ("front matter is not valid YAML (day is out of range for month); ignored")


def test_a_malformed_url_keeps_the_article_without_an_outlet(tmp_path):
    [article] = ingest_bytes(tmp_path, "a.json", b'{"text": "Council passes the budget.", "url": "http://[bad"}')
    assert (article.url, article.source) == ("http://[bad", None)


def test_which_claims_merge_does_not_depend_on_the_order_they_come_in():
    """Two claims with the same value interval and one that overlaps both: the sweep used
    to put the overlapping one with whichever of the two came first in input order."""
    acme = EntityRef(name="Acme Corp", id="ent_acme")

    def claim(cid: str, article: str, value: float, hedge: str = "=", bounds: Bounds | None = None) -> Claim:
        return Claim(id=cid, article_id=article, start=0, end=2, text="$0", value=value, unit="USD", hedge=hedge,
                     bounds=bounds, direction="up", change="up", subject=[acme], sentence=Span(text="s", start=0, end=9))

    claims = [claim("c_a", "art_a", 0.0), claim("c_b", "art_b", 0.0),
              claim("c_c", "art_c", 1.0, hedge="<", bounds=Bounds(high=1.0))]
    groupings = {tuple(sorted(tuple(sorted(c.id for c in g.members)) for g in group_claims(order)))
                 for order in permutations(claims)}
    # "less than $1" reports $1, not every figure below it; two exact $0 are one figure
    assert groupings == {(("c_a", "c_b"), ("c_c",))}


def test_which_quotes_merge_does_not_depend_on_the_order_they_come_in():
    """A short quote contained in two longer ones of the same length joined whichever came first."""
    chen = EntityRef(name="Lin Chen", id="ent_chen")

    def quote(qid: str, article: str, text: str) -> Quote:
        return Quote(id=qid, article_id=article, text=text, start=0, end=len(text), kind="direct", speaker=chen)

    quotes = [quote("q_a", "art_a", "we will grow fast"), quote("q_b", "art_b", "we will grow slow"),
              quote("q_c", "art_c", "we will grow")]
    groupings = {tuple(sorted(tuple(sorted(q.id for q in g.members)) for g in group_quotes(order)))
                 for order in permutations(quotes)}
    assert groupings == {(("q_a", "q_c"), ("q_b",))}


def test_merged_entity_name_and_roles_do_not_depend_on_the_order_of_articles():
    """Two forms as full ("OpenAI", "Openai") and roles from two articles: the name was the
    first form seen and the roles came in input order."""
    first = Entity(id="ent_x", name="OpenAI", type="ORG", roles=[Role(title="maker", article_id="art_b")])
    second = Entity(id="ent_x", name="Openai", type="ORG", roles=[Role(title="lab", article_id="art_a")])

    def merged(order) -> list[tuple]:
        merger = EntityMerger(EntitySpill())
        for entity in order:
            merger.add([entity])
        return [(e.name, e.aliases, [r.title for r in e.roles]) for e in merger.records()]

    assert merged([first, second]) == merged([second, first]) == [("OpenAI", ["Openai"], ["lab", "maker"])]


def test_utf16_with_an_odd_trailing_byte_is_decoded_with_a_warning(tmp_path):
    data = "\ufeffCouncil passes the budget.".encode("utf-16-be") + b"0"
    warning, article = ingest_bytes(tmp_path, "story.txt", data)
    assert (warning.error, warning.fatal) == ("not_utf8", False)
    assert article.text == "Council passes the budget.\ufffd"


def test_a_byte_order_mark_and_one_byte_is_an_error_not_a_crash(tmp_path):
    events = ingest_bytes(tmp_path, "page.html", b"\xfe\xff0")
    assert [(e.path, e.error, e.fatal) for e in events] == [("page.html", "no_article", True)]


def test_a_quantity_the_parser_splits_over_two_sentences_lies_in_its_claim_sentence():
    text = "001\n\n0%"  # the parser ends a sentence between "0" and "%"
    article = Article(id=article_id(text), path="a.txt", paths=["a.txt"], text=text)
    [claim] = extract_article(load_pipeline()(text), article).claims
    assert (claim.text, claim.start, claim.end) == ("0%", 5, 7)
    assert (claim.sentence.text, claim.sentence.start, claim.sentence.end) == ("0%", 5, 7)


def test_a_bulleted_boilerplate_line_is_dropped_so_cleaning_is_idempotent():
    """The bullet used to go after the boilerplate rules ran: "• © …" was kept as "© …",
    which cleaning the clean text then dropped (so a re-read article changed its id)."""
    cleaned = clean_text("Velora Motors rose 5% on Monday.\n\n• © 2024 Example News", find_title=False)
    assert (cleaned.text, cleaned.dropped, cleaned.highlights) == (
        "Velora Motors rose 5% on Monday.", ["• © 2024 Example News"], [])
    assert clean_text(cleaned.text, find_title=False).text == cleaned.text


def test_a_malformed_url_in_a_page_or_its_sidecar_is_no_crash():
    from extractor.ingest.metadata import outlet_from_url
    from extractor.ingest.page_metadata import date_from_url

    assert date_from_url("http://[bad/2024/03/05/story") is None
    assert date_from_url("https://example.com:notaport/2024/03/05/story") == "2024-03-05"
    assert date_from_url("https://example.com/2024/03/05/story") == "2024-03-05"
    assert outlet_from_url("https://[bad/x") is None
    assert outlet_from_url("www.example.com/news") == "example.com"


def test_days_counted_from_a_placeholder_publication_date_are_unknown_not_a_crash():
    from extractor.dates import resolve_date

    # Year 1 and year 9999 are what broken CMS exports write for "no date": "on Sunday"
    # counted back from 0001-01-01 overflowed and cost the article all its claims.
    assert resolve_date("on Sunday", "0001-01-01") is None
    assert resolve_date("tomorrow", "9999-12-31") is None
    assert resolve_date("on Sunday", "2025-01-27") == "2025-01-26"


def test_front_matter_yaml_refuses_is_read_as_one_key_per_line_with_a_warning(tmp_path):
    raw = b"---\ntitle: Kelmont: the fall of a chip giant\nurl: https://news.example.com/kelmont\n---\nShares fell."
    warning, article = ingest_bytes(tmp_path, "story.md", raw)
    assert (article.title, article.url, article.text) == (
        "Kelmont: the fall of a chip giant", "https://news.example.com/kelmont", "Shares fell.")
    assert (warning.error, warning.fatal) == ("bad_front_matter", False)
    assert warning.message.endswith("read as one key: value per line")
