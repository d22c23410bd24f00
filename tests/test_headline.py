"""The headline read by the same NLP and extractors as the text (issues 17 and 18)."""

from __future__ import annotations

import json

import pytest
from conftest import read_jsonl

from extractor.cli import main
from extractor.executors import extract_each, worker_pipeline
from extractor.extract.article import reading_text
from extractor.extract.headline import name_end
from extractor.extract.sections import moved
from extractor.models import Article
from extractor.runner import RunOptions, run
from extractor.settings import Settings

HEADLINE = "Nvidia Loses $593 Billion as DeepSeek Shakes Chip Stocks"
MARKETS = Article(
    id="m1", path="m1.txt", title="Nvidia Loses $593 Billion in Market Value as DeepSeek Rattles Investors",
    text="Nvidia shares fell 17% on Monday, wiping $593 billion off the chipmaker's market value.\n\n"
         "The company's chief executive, Jensen Huang, did not comment.",
    published="2025-01-27", published_source="metadata")


def extracted(article: Article):
    settings = Settings()
    [result] = extract_each(worker_pipeline(settings.model), [article], settings)
    return result


@pytest.fixture(scope="module")
def markets():
    return extracted(MARKETS)


def test_the_nlp_reads_the_headline_as_its_own_paragraph():
    assert reading_text(MARKETS) == MARKETS.title + "\n\n" + MARKETS.text
    assert reading_text(MARKETS.model_copy(update={"title": None})) == MARKETS.text


def test_a_figure_in_the_headline_is_a_claim_with_offsets_in_the_title(markets):
    [title_claim] = [c for c in markets.claims if c.field == "title"]
    assert MARKETS.title[title_claim.start:title_claim.end] == "$593 Billion"
    assert (title_claim.value, title_claim.unit, [s.name for s in title_claim.subject]) == (593e9, "USD", ["Nvidia"])
    assert title_claim.sentence.field == "title" and title_claim.sentence.text == MARKETS.title
    body = sorted((MARKETS.text[c.start:c.end], c.field) for c in markets.claims if c.field == "text")
    assert body == [("$593 billion", "text"), ("17%", "text")]
    assert len({c.id for c in markets.claims}) == 3


def test_a_headline_name_stops_before_its_verb(markets):
    names = {e.name: e for e in markets.entities}
    assert "Nvidia Loses" not in names
    assert [(m.field, m.start, m.end) for m in names["Nvidia"].mentions] == [("title", 0, 6), ("text", 0, 6)]


@pytest.mark.parametrize(("name", "kept"), [
    ("Nvidia Loses", "Nvidia"),
    ("Zuckerberg Net Worth", "Zuckerberg"),
    ("Facebook Shares Plunge", "Facebook"),
    ("Morgan Stanley Sees", "Morgan Stanley"),
    ("Washington Post", "Washington Post"),  # "Post" is not inflected: a name's word
    ("Tokyo Stock Exchange", "Tokyo Stock Exchange"),
    ("Niagara Falls", "Niagara Falls"),  # a place's name
    ("Halvard Stock Recovers After Steep", "Halvard"),  # a verb English never uses as a noun
    ("Quorvant Reacts", "Quorvant"),
    ("New York Times", "New York Times"),  # "times" is a noun too
    ("General Motors", "General Motors"),
    ("Manchester United", "Manchester United"),  # not a present-tense form
    ("Kelmont Faces", "Kelmont"),  # headline verbs of results and setbacks
    ("Kelmont Is Suffering Biggest Rout", "Kelmont"),  # an auxiliary
    ("Varo Labs Has", "Varo Labs"),
    ("Varo Suffers", "Varo"),
    ("High Court Overturns", "High Court"),  # verbs of courts and boards
    ("Varo Names", "Varo"),
    ("Kelcoin Breaks", "Kelcoin"),  # a record or a mark broken, passed, smashed
    ("Kelcoin Surpasses", "Kelcoin"),
    ("Varo AI Sparks Panic With", "Varo AI"),  # verbs of what news set off
    ("Varo Rattles", "Varo"),
    ("China Challenges US", "China"),  # verbs of a rivalry, which English also uses as nouns
    ("Varo Upends", "Varo"),
])
def test_name_end_in_a_title_case_headline(name, kept):
    assert name[:name_end(name)] == kept


@pytest.mark.parametrize(("name", "after", "kept"), [
    ("Varo Platforms Add", " $19bn in Market Value", "Varo Platforms"),  # a plain verb before a figure
    ("Varo Platforms Add", " New Chief", "Varo Platforms Add"),  # no figure: maybe a name's word
    ("Varo Gain", " 12%", "Varo"),
])
def test_a_plain_headline_verb_before_a_figure_ends_the_name(name, after, kept):
    assert name[:name_end(name, after)] == kept


@pytest.mark.parametrize(("name", "after", "kept"), [
    ("Britain Votes", " to Leave EU, Cameron to Resign", "Britain"),  # a verb whose object is "to" and a verb
    ("Kelmont Agrees", " to Buy Varo", "Kelmont"),
    ("Cameron to Resign", "", "Cameron"),  # the headline's future: "to" and a verb
    ("Kelmont Awards", " to Mark Ellis", "Kelmont Awards"),  # "to" and a first name: no verb
    ("Friends", " to Lovers", "Friends"),
])
def test_to_and_a_verb_in_a_headline_end_the_name_before_them(name, after, kept):
    assert name[:name_end(name, after)] == kept


def test_a_headline_verb_after_to_or_a_modal_opens_no_name():
    article = Article(id="h3", path="h3.txt", title="Cameron Announces Resignation, Says New PM Should Steer UK",
                      text="Britain voted to leave the European Union, and David Cameron said he would resign.")
    names = {e.name for e in extracted(article).entities}
    assert "Steer UK" not in names and "United Kingdom" in names
    article = Article(id="h4", path="h4.txt", title="Britain Votes to Leave EU, Cameron to Resign",
                      text="Britain voted to leave the European Union, and David Cameron said he would resign.")
    names = {e.name for e in extracted(article).entities}
    assert not names & {"Leave EU", "Britain Votes", "Cameron to Resign"}
    assert {"European Union", "David Cameron"} <= names


def test_a_headlines_capitalised_word_the_body_writes_in_lower_case_is_no_name():
    article = Article(id="h5", path="h5.txt", title="Kelcoin Breaks Through $100,000: A New Milestone for Cryptocurrency",
                      text="Kelcoin rose on Wednesday, and the cryptocurrency hit a record. Ana Ruiz praised it.")
    names = {e.name for e in extracted(article).entities}
    assert "Kelcoin" in names and not names & {"Cryptocurrency", "Kelcoin Breaks"}


def test_a_headline_name_starts_where_the_body_names_it_after_ordinary_words():
    article = Article(id="h6", path="h6.txt", title="Kelmont Stock Falls as Investors Assess Orvex Airlines Fallout",
                      text="Kelmont shares fell 8 percent on Monday after Orvex Airlines grounded its jets. Orvex "
                           "Airlines said inspections would take days.")
    names = {e.name for e in extracted(article).entities}
    assert "Orvex Airlines" in names and not any(n.startswith("Investors") for n in names)
    article = Article(id="h7", path="h7.txt", title="Kelby News interviews Ana Ruiz, U.S. Orvex Party candidate",
                      text="Why did you choose to run for the Orvex Party? Ana Ruiz said she liked it.")
    assert "U.S. Orvex Party" in {n for e in extracted(article).entities for n in (e.name, *e.aliases)}  # no cut letters


def test_a_text_that_repeats_its_title_reads_it_as_a_headline_even_with_a_full_stop():
    title = "Zuckerberg Loses $16 Billion in a Day. Facebook Stock Plunges."
    article = Article(id="h5", path="h5.txt", title=title,
                      text=title + "\n\nFacebook shares fell 19% on Thursday, and Mark Zuckerberg lost $16 billion.")
    names = {e.name for e in extracted(article).entities}
    assert {"Facebook", "Mark Zuckerberg"} <= names
    assert not names & {"Zuckerberg Loses", "Facebook Stock Plunges"}


def test_a_person_the_headline_names_is_grouped_with_the_surname_in_the_text():
    article = Article(id="b1", path="b1.txt", title="Margaret Okafor",
                      text="Okafor was born in Lagos in 1961. She studied chemistry in London, "
                           "where Okafor later taught for twenty years.")
    people = [e for e in extracted(article).entities if e.type == "PERSON"]
    assert [(e.name, [(m.field, m.text) for m in e.mentions]) for e in people] == [
        ("Margaret Okafor", [("title", "Margaret Okafor"), ("text", "Okafor"), ("text", "Okafor")])]


def test_a_quotation_in_the_headline_is_no_quote():
    article = Article(id="q1", path="q1.txt", title='Minister calls budget "a turning point"',
                      text='"This budget is a turning point for the country," finance minister Robert Jenkins said on '
                           'Tuesday.')
    quotes = extracted(article).quotes
    assert [(article.text[q.start:q.end], q.speaker.name if q.speaker else None) for q in quotes] == [
        ("This budget is a turning point for the country,", "Robert Jenkins")]


def test_a_sections_records_move_but_the_headlines_stay(markets):
    shifted = moved(markets, "m1", 1000)
    assert sorted((c.field, c.start) for c in shifted.claims) == sorted(
        (c.field, c.start + (1000 if c.field == "text" else 0)) for c in markets.claims)
    [title_claim] = [c for c in shifted.claims if c.field == "title"]
    assert title_claim.sentence.start == 0


def test_a_headline_and_its_body_state_one_fact_in_one_node_and_query_shows_where(tmp_path, capsys):
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "nvidia.txt").write_text(
        f"---\ntitle: {HEADLINE}\npublished: 2025-01-27\nsource: Example News\n---\n"
        "Nvidia shares fell 17% on Monday, wiping $593 billion off the company's market value.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    run([pages], out, options=RunOptions(use_cache=False))
    claims = read_jsonl(out / "claims.jsonl")
    assert sorted((c["field"], c["text"]) for c in claims) == [
        ("text", "$593 billion"), ("text", "17%"), ("title", "$593 Billion")]
    assert main(["query", str(out), "--kind", "claim", "--text", "593"]) == 0
    [node] = json.loads(capsys.readouterr().out)
    assert (node["subject"]["name"], len(node["mentions"])) == ("Nvidia", 2)
    [where] = node["provenance"]
    assert (where["title_spans"], where["spans"]) == ([[13, 25]], [[41, 53]])
    [nvidia] = [e for e in read_jsonl(out / "entities.jsonl") if e["name"] == "Nvidia"]
    assert [(m["field"], m["start"]) for m in nvidia["mentions"]] == [("title", 0), ("text", 0)]
    assert (nvidia["provenance"][0]["title_spans"], nvidia["provenance"][0]["spans"]) == ([[0, 6]], [[0, 6]])


def test_a_doc_of_the_text_alone_reads_no_headline():
    from extractor.extract.article import extract_article

    result = extract_article(worker_pipeline(Settings().model)(MARKETS.text), MARKETS)
    assert sorted((c.field, MARKETS.text[c.start:c.end]) for c in result.claims) == [
        ("text", "$593 billion"), ("text", "17%")]


def test_a_share_class_in_a_price_line_is_the_companys_stock_not_a_subject():
    # A quote page's headline names the listing: "Class A" is a class of the company's
    # stock, so its close and its move are the company's (the parser makes "A" the subject).
    article = Article(
        id="q1", path="q1.txt", title="Acme Robotics, Inc. Class A (ACMR) closed at $176.26, down $41.24 or 18.96%",
        text="Acme Robotics shares fell on Thursday after the company cut its forecast.",
        published="2026-07-26", published_source="metadata")
    claims = {article.title[c.start:c.end]: [s.name for s in c.subject] for c in extracted(article).claims
              if c.field == "title"}
    assert claims["$176.26"] == ["Acme Robotics"] and claims["18.96%"] == ["Acme Robotics"]
    assert all(names != ["A"] for names in claims.values())


def test_a_headline_clause_that_opens_with_a_verb_names_nothing():
    title = "Varo Soars with Record $19 Billion Gain, Declares First Dividend"
    article = Article(id="h1", path="h1.txt", title=title,
                      text=title + "\n\nVaro Platforms surged on Friday, adding a record $19 billion to its market value.")
    result = extracted(article)
    assert "Declares First Dividend" not in {e.name for e in result.entities}
    # nor is a capitalised word of the headline the figure's owner ("Record … Gain"): the company is
    [headline] = [c for c in result.claims if c.field == "title"]
    assert [s.name for s in headline.subject] == ["Varo"]


def test_a_title_case_change_noun_keeps_the_name_it_is_for():
    title = "Chip Rout Triggers Record $593 Billion Loss for Varo"
    article = Article(id="h2", path="h2.txt", title=title, text=title + "\n\nVaro lost $593 billion on Monday.")
    [headline] = [c for c in extracted(article).claims if c.field == "title"]
    assert [s.name for s in headline.subject] == ["Varo"]
