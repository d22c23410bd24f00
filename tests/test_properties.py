"""Properties that hold for any input, checked on generated input with Hypothesis.

Readers never let an exception escape and account for every input; cleaning is
idempotent; extracted records point at the text they quote; the graph and the ids
do not depend on the order or the process that produced them. Each property is a
plain ``check_*`` function with its strategy in ``PROPERTIES``, so ``bench/fuzz.py``
runs the same checks for as long as it is given. In the test suite the example
counts are small and the examples fixed (profile ``ci``); ``HYPOTHESIS_PROFILE=fuzz``
runs twenty times as many, random ones.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractor.extract.article import extract_article
from extractor.extract.entities import entity_id
from extractor.ingest import Duplicate, ingest
from extractor.ingest.clean import clean_text
from extractor.ingest.metadata import article_id
from extractor.ingest.readers import SIDECAR_SUFFIX, decode
from extractor.models import Article, ErrorRecord
from extractor.nlp import load_pipeline
from extractor.runner import RunOptions, run

settings.register_profile("ci", database=None, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("fuzz", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# Examples per property are multiplied by this under the ``fuzz`` profile.
SCALE = 20 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 1


def budget(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ------------------------------------------------------------- news-like text

NAMES = ["Velora Motors", "Orbital Dynamics", "Dana Whitfield", "Irene Vasquez", "the central bank",
         "Harbor Freight Lines", "Mr. Okafor", "Prime Minister Lena Holt", "the company", "Nvidia", "OpenAI",
         "the U.S. Federal Reserve", "Ana María Núñez", "Jean-Luc Picard", "O'Brien", "ACME Corp.",
         "Zhang Wei", "محمد علي", "Dr. Priya Raman", "the European Union", "São Paulo"]
VERBS = ["rose", "fell", "sank", "jumped", "cut", "raised", "is expected to reach", "lost", "gained",
         "slipped to", "climbed by", "will hire", "reported", "plunged nearly", "was up", "dropped about"]
SAID = ["said", "says", "told reporters", "added", "warned", "argued", "claimed", "noted", "insisted",
        "said in a statement", "told Reuters", "wrote on X"]
DATES = ["on Monday", "on Tuesday", "last year", "in 2024", "on March 3", "in the third quarter",
         "yesterday", "on 12/31/2023", "since 1999", "by 2030", "in Q2", "this week", "on Jan. 27, 2025"]
UNITS = ["%", " percent", " per cent", "bn", " billion", " million", "m", " trillion", "k", " barrels",
         " jobs", " points", " basis points", " tonnes", " km", "x", "-fold", ""]
CURRENCIES = ["$", "€", "£", "¥", "US$", "C$", "A$", "₹", "USD ", "EUR ", "Rs ", "CHF ", "₩", "₽", ""]
HEDGES = ["", "about ", "nearly ", "more than ", "less than ", "up to ", "at least ", "roughly ", "some ",
          "almost ", "over ", "under ", "between 3 and ", "from 4 to ", "a further "]
# Quotation marks people type: straight, curly, guillemets, low-9, CJK corner brackets.
QUOTE_MARKS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("‚", "‘"),
               ("「", "」"), ("‹", "›"), ("”", "”"), ("“", ""), ("", "”"), ("« ", " »"), ("``", "''")]
ODD_SPACE = [" ", "  ", "\u00a0", "\t", "\u2009", "\u200b", "\u3000", "\r\n", "\n", "\u2028", "\x0b", "\x0c"]
ODD_CHARS = ["\u0301", "\u0308", "\u200f", "\u202e", "\u200d", "😀", "👩‍👩‍👧", "🇫🇷", "\ufeff", "\x00",
             "\x07", "\x1b", "\ud7ff", "\U0010ffff", "\u00ad", "ﬁ", "Ⅻ", "٣", "߀", "\u0663\u066b\u0665"]


@st.composite
def numbers(draw) -> str:
    """A number as news writes it: digits with separators, decimals, words, fractions."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return f"{draw(st.integers(0, 10**7)):,}"
    if kind == 1:
        return str(draw(st.decimals(0, 10**6, places=draw(st.integers(0, 3)), allow_nan=False)))
    if kind == 2:
        return draw(st.sampled_from(["one", "two", "three", "a dozen", "seven", "half a", "a third", "tens of",
                                     "hundreds", "a million", "twenty-five", "1.5", "½", "3/4", "⅓"]))
    if kind == 3:
        return str(draw(st.integers(-(10**40), 10**40)))
    if kind == 4:
        return repr(draw(st.floats(allow_nan=True, allow_infinity=True)))
    if kind == 5:
        return draw(st.sampled_from(["1,23,456", "4.5.6", ".5", "5.", "0x1F", "1e9", "10^6", "3-4", "2–3",
                                     "1,000,000,000,000,000,000,000", "00", "-0", "+7", "−12", "٣٤"]))
    return str(draw(st.integers(0, 100)))


@st.composite
def quantities(draw) -> str:
    return draw(st.sampled_from(HEDGES)) + draw(st.sampled_from(CURRENCIES)) + draw(numbers()) + \
        draw(st.sampled_from(UNITS))


@st.composite
def news_sentences(draw) -> str:
    """A sentence of the kinds the extractors look for: quantities, dates, quotes, "said"."""
    name, other = draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES))
    kind = draw(st.integers(0, 6))
    quantity = draw(quantities())
    date = draw(st.sampled_from(DATES))
    opening, closing = draw(st.sampled_from(QUOTE_MARKS))
    if kind == 0:
        sentence = f"{name} {draw(st.sampled_from(VERBS))} {quantity} {date}."
    elif kind == 1:
        sentence = f"{opening}We {draw(st.sampled_from(VERBS))} {quantity},{closing} {name} {draw(st.sampled_from(SAID))}."
    elif kind == 2:
        sentence = f"{name} {draw(st.sampled_from(SAID))} that {other} {draw(st.sampled_from(VERBS))} {quantity} {date}."
    elif kind == 3:
        sentence = f"According to {name}, {other} {draw(st.sampled_from(VERBS))} {quantity}."
    elif kind == 4:
        sentence = f"{name}: {opening}{draw(st.text(max_size=30))}{closing}"
    elif kind == 5:
        sentence = f"{opening}{draw(st.text(max_size=40))}{closing}, {draw(st.sampled_from(SAID))} {name}, {date}."
    else:
        sentence = f"{name} {draw(st.sampled_from(VERBS))} to {quantity} from {draw(quantities())}, {other} said."
    if draw(st.integers(0, 9)) == 0:  # now and then a stray character somewhere
        at = draw(st.integers(0, len(sentence)))
        sentence = sentence[:at] + draw(st.sampled_from(ODD_CHARS + ODD_SPACE)) + sentence[at:]
    return sentence


BOILERPLATE_LINES = ["Read more: Markets slide as rates rise", "Share this article", "Skip to main content",
                     "Photo: Reuters/Jane Doe", "© 2024 Example News Ltd. All rights reserved.",
                     "Sign up for our newsletter", "Advertisement", "Reporting by Ann Lee; Editing by Tom Ray",
                     "Related: Oil falls", "READ MORE", "Menu", "Getty Images", "5 min read", "Comments"]
HEADLINES = ["Shares slump after forecast cut", "Oil prices jump as supply tightens", "Council passes budget",
             "EXCLUSIVE: Bank to cut 300 jobs", "Why the market fell", "Élections : le point"]
URLS = ["https://www.example.com/news/2024/03/story?id=5&x=y", "www.news.example.org", "http://[::1]:80/x",
        "http://[bad", "mailto:a@b.example", "https://例え.テスト/パス", "//cdn.example.net/img.jpg"]


@st.composite
def news_lines(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return " ".join(draw(st.lists(news_sentences(), min_size=1, max_size=3)))
    if kind == 4:
        return draw(st.sampled_from(HEADLINES))
    if kind == 5:
        return draw(st.sampled_from(BOILERPLATE_LINES))
    if kind == 6:
        return draw(st.sampled_from(["• ", "* ", "- ", "– ", "· ", "•", "1. ", "• • "])) + draw(news_sentences())
    if kind == 7:
        return draw(st.sampled_from(URLS))
    if kind == 8:
        return draw(st.text(max_size=30))
    return draw(st.sampled_from(["", " ", "> ", "#", "---", "***"])) + draw(news_sentences())


@st.composite
def news_texts(draw) -> str:
    """An article-like text: lines joined by line breaks of every kind, odd white space."""
    lines = draw(st.lists(news_lines(), min_size=1, max_size=8))
    out = ""
    for line in lines:
        out += line + draw(st.sampled_from(["\n\n", "\n", "\r\n", "\r\n\r\n", "\r", "\n \n", "\n\u00a0\n", " "]))
    return out


any_text = st.text(max_size=300)
text_for_cleaning = st.one_of(any_text, news_texts())


# ------------------------------------------------------------------- readers

FIELD_KEYS = ["text", "body", "content", "title", "headline", "url", "link", "source", "outlet", "published",
              "date", "timestamp", "author", "authors", "byline", "html", "Text", "DATE"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
field_values = st.one_of(
    json_values, news_texts(), st.sampled_from(URLS), st.sampled_from(DATES),
    st.integers(-(10**20), 10**20), st.floats(), st.sampled_from(["2024-02-30", "2024-13-01", "0000-00-00",
                                                                 "9999-12-31T23:59:59Z", "yesterday", "1e400"]),
)
records = st.dictionaries(st.sampled_from(FIELD_KEYS), field_values, max_size=6)


@st.composite
def html_pages(draw) -> str:
    head = "".join(draw(st.lists(st.sampled_from([
        "<title>{}</title>", '<meta property="article:published_time" content="{}">',
        '<meta name="author" content="{}">', '<link rel="canonical" href="{}">',
        '<script type="application/ld+json">{{"datePublished": "{}"}}</script>',
    ]), max_size=4)))
    head = head.replace("{}", draw(st.one_of(st.sampled_from(DATES + URLS + HEADLINES), st.text(max_size=20))))
    blocks = draw(st.lists(st.tuples(st.sampled_from(["p", "h1", "h2", "li", "blockquote", "div", "span", "td",
                                                      "figcaption", "time", "script", "p hidden"]),
                                     news_lines()), max_size=8))
    body = "".join(f"<{tag}>{text}</{tag.split()[0]}>" for tag, text in blocks)
    if draw(st.booleans()):
        body = f'<article><div class="article-body">{body}</div></article>'
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    if draw(st.booleans()):  # truncated or damaged markup
        page = page[: draw(st.integers(0, len(page)))] + draw(st.sampled_from(["", "<", "<!--", "<![CDATA[", "&#x"]))
    return page


@st.composite
def markdown_files(draw) -> str:
    body = draw(news_texts())
    if draw(st.booleans()):
        return body
    if draw(st.booleans()):
        lines = [f"{key}: {json.dumps(value) if draw(st.booleans()) else value}"
                 for key, value in draw(st.dictionaries(st.sampled_from(FIELD_KEYS), field_values, max_size=4)).items()]
        block = "\n".join(lines)
    else:
        block = draw(st.text(max_size=60))
    return f"{draw(st.sampled_from(['', chr(0xfeff)]))}---\n{block}\n{draw(st.sampled_from(['---', '...']))}\n{body}"


def encoded(strategy) -> st.SearchStrategy[bytes]:
    """Text written as UTF-8 mostly, now and then in another encoding or with a bad byte."""
    @st.composite
    def build(draw) -> bytes:
        text = draw(strategy)
        how = draw(st.integers(0, 9))  # shrinks towards plain UTF-8
        if how == 7:
            return text.encode("utf-16")
        if how == 8:
            return text.encode("cp1252", errors="replace")
        if how == 9:
            data = text.encode("utf-8")
            at = draw(st.integers(0, len(data)))
            return data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
        return text.encode("utf-8")
    return build()


def jsonl_bytes() -> st.SearchStrategy[bytes]:
    line = st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=20),
                     st.sampled_from(["", " ", "\u2028", "{", "[]", "null"]))
    return encoded(st.lists(line, max_size=5).map("\n".join))


CONTENT = {
    ".txt": encoded(st.one_of(news_texts(), markdown_files(), any_text)),
    ".md": encoded(st.one_of(markdown_files(), any_text)),
    ".html": encoded(st.one_of(html_pages(), any_text)),
    ".json": encoded(st.one_of(records.map(json.dumps), st.lists(records, max_size=3).map(json.dumps),
                               json_values.map(json.dumps), any_text)),
    ".jsonl": jsonl_bytes(),
}
SUFFIXES = sorted(CONTENT)
sidecars = st.one_of(st.none(), st.binary(max_size=40), encoded(records.map(json.dumps)),
                     json_values.map(lambda v: json.dumps(v).encode()))


def _outcomes(events: list) -> list:
    """What each input became: an article, a duplicate or a fatal error (warnings aside)."""
    return [e for e in events if not (isinstance(e, ErrorRecord) and not e.fatal)]


def _jsonl_records(data: bytes) -> set[int]:
    """Numbers of the lines a JSON Lines file must account for: every one not blank."""
    text, _ = decode(data)
    return {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}


def ingest_one(suffix: str, data: bytes, sidecar: bytes | None) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"story{suffix}"
        path.write_bytes(data)
        if sidecar is not None:
            (Path(folder) / f"story{SIDECAR_SUFFIX}").write_bytes(sidecar)
        return list(ingest([path]))


def check_reader(case: tuple[str, bytes, bytes | None]) -> None:
    """Any bytes in any supported format: no exception, and every input accounted for."""
    suffix, data, sidecar = case
    events = ingest_one(suffix, data, sidecar)
    outcomes = _outcomes(events)
    name = f"story{suffix}"
    assert all(isinstance(e, (Article, Duplicate, ErrorRecord)) for e in events), events
    assert outcomes, f"{name}: no article and no error for {data!r}"
    for article in outcomes:
        if isinstance(article, Article):
            assert article.text.strip() and article.id == article_id(article.text)
    paths = [e.path for e in outcomes]
    assert len(set(paths)) == len(paths), f"two outcomes for one input: {paths}"
    if paths == [name]:
        return  # the file as one input: one article or one error
    if suffix == ".jsonl":  # one outcome per line that is not blank
        assert {int(p.rsplit(":", 1)[1]) for p in paths} == _jsonl_records(data), paths
    else:  # one per article of a JSON list
        assert suffix == ".json" and paths == [f"{name}:{i}" for i in range(1, len(paths) + 1)], paths


reader_cases = st.one_of(
    st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=400), sidecars),
    st.tuples(st.sampled_from(SUFFIXES), st.text(max_size=300).map(lambda t: t.encode("utf-8")), sidecars),
    st.sampled_from(SUFFIXES).flatmap(lambda s: st.tuples(st.just(s), CONTENT[s], sidecars)),
)


@given(reader_cases)
@budget(60)
def test_every_reader_accounts_for_any_input_without_raising(case):
    check_reader(case)


# ------------------------------------------------------------------ cleaning


def check_cleaning_is_idempotent(raw: str) -> None:
    """Cleaning clean text changes nothing (so a re-read article keeps its text and id)."""
    once = clean_text(raw, find_title=False).text
    assert clean_text(once, find_title=False).text == once
    with_title = clean_text(raw, find_title=True).text
    assert clean_text(with_title, find_title=False).text == with_title


@given(text_for_cleaning)
@budget(100)
def test_cleaning_is_idempotent(raw):
    check_cleaning_is_idempotent(raw)


def check_ingested_text_is_stable(case: tuple[str, bytes]) -> None:
    """An article's text, read back as a new plain-text article, is the same article."""
    suffix, data = case
    for article in (e for e in ingest_one(suffix, data, None) if isinstance(e, Article)):
        [again] = [e for e in ingest_one(".json", json.dumps({"text": article.text, "title": "t"}).encode(), None)
                   if isinstance(e, Article)]
        assert (again.text, again.id) == (article.text, article.id)


reread_cases = st.sampled_from([".txt", ".md", ".html"]).flatmap(lambda s: st.tuples(st.just(s), CONTENT[s]))


@given(reread_cases)
@budget(12)
def test_an_ingested_article_read_again_keeps_its_text_and_id(case):
    check_ingested_text_is_stable(case)


# ---------------------------------------------------------------- extractors


def _spans_of(extraction) -> list[tuple[str, str, int, int]]:
    """Every (what, text, start, end) that must be a slice of the article text."""
    spans = []
    for entity in extraction.entities:
        spans += [("mention", m.text, m.start, m.end) for m in entity.mentions]
    for quote in extraction.quotes:
        spans += [(f"quote {name}", span.text, span.start, span.end)
                  for name, span in (("cue", quote.cue), ("speaker", quote.speaker_mention)) if span]
    for claim in extraction.claims:
        spans += [("claim", claim.text, claim.start, claim.end),
                  ("claim sentence", claim.sentence.text, claim.sentence.start, claim.sentence.end)]
    return spans


def check_extraction_offsets(text: str) -> None:
    """Every record's offsets lie in the text, and its text is the slice they mark; claims
    lie in their sentence; speakers and employers are entities of the article, and so are
    subjects, except a thing that is not an entity ("six workers", "the pound"), which has
    the id an entity of its name would have."""
    article = Article(id=article_id(text), path="generated.txt", paths=["generated.txt"], text=text)
    extraction = extract_article(load_pipeline()(text), article)
    for what, words, start, end in _spans_of(extraction):
        assert 0 <= start <= end <= len(text), f"{what} [{start}, {end}) outside a text of {len(text)}"
        assert words == text[start:end], f"{what} {words!r} != text[{start}:{end}] {text[start:end]!r}"
    for quote in extraction.quotes:
        assert 0 <= quote.start < quote.end <= len(text), f"quote [{quote.start}, {quote.end})"
        inside = text[quote.start:quote.end]
        missing = [w for w in quote.text.split() if w not in inside]
        assert not missing, f"quote words {missing} not in text[{quote.start}:{quote.end}] {inside!r}"
    for claim in extraction.claims:
        assert claim.sentence.start <= claim.start <= claim.end <= claim.sentence.end, "claim outside its sentence"
    assert all(m.article_id == article.id for e in extraction.entities for m in e.mentions)
    names = {entity.id: entity.name for entity in extraction.entities}
    refs = [q.speaker for q in extraction.quotes if q.speaker]
    for ref in refs + [r.org for e in extraction.entities for r in e.roles if r.org]:
        assert names.get(ref.id) == ref.name, f"{ref} is not one of the article's entities"
    for ref in (s for c in extraction.claims for s in c.subject):
        assert names.get(ref.id) == ref.name or ref.id == entity_id(ref.name), f"{ref} is neither an entity nor a named thing"


extraction_texts = st.one_of(any_text, news_texts(), st.lists(news_sentences(), min_size=1, max_size=6).map(" ".join))


@given(extraction_texts)
@budget(40)
def test_extracted_offsets_lie_inside_the_text_and_match_it(text):
    check_extraction_offsets(text)


# -------------------------------------------------------- order and identity

OUTPUTS = ("articles.jsonl", "entities.jsonl", "quotes.jsonl", "claims.jsonl", "graph.json")


@st.composite
def article_sets(draw) -> list[str]:
    """A few articles built from news sentences (some sharing facts and names), with or
    without an outlet and a date in front matter."""
    shared = draw(st.lists(news_sentences(), min_size=1, max_size=3))
    texts, headers = [], {}
    for _ in range(draw(st.integers(2, 4))):
        own = draw(st.lists(news_sentences(), min_size=1, max_size=4))
        body = "\n\n".join(draw(st.permutations(own + draw(st.lists(st.sampled_from(shared), max_size=2)))))
        # Copies of one body get one header: which copy's metadata a duplicate keeps is the
        # first one read (input order decides it: a known limit, not what this property checks).
        header = headers.setdefault(" ".join(body.split()), draw(st.sampled_from([
            "", "---\nsource: Harbor Ledger\npublished: 2024-03-13\n---\n",
            "---\nsource: Northline Wire\npublished: 2024-03-12\n---\n", "---\nsource: City Gazette\n---\n"])))
        texts.append(header + body)
    return texts


def run_folder(texts: list[str], order: list[int], folder: Path) -> dict[str, str]:
    """Write the articles in ``order`` (names follow the order) and run the pipeline on them."""
    inputs = folder / "in"
    inputs.mkdir(parents=True)
    for rank, index in enumerate(order):
        (inputs / f"{rank:02d}.md").write_text(texts[index], encoding="utf-8")
    manifest = run([inputs], folder / "out", options=RunOptions(use_cache=False))
    counts = manifest.counts
    assert counts["articles"] + counts["duplicates"] + counts["failed_inputs"] == manifest.inputs == len(texts)
    return {name: (folder / "out" / name).read_text(encoding="utf-8") for name in OUTPUTS}


def merged_ids(graph: dict) -> dict[str, str]:
    """Each merged claim and quote node's id, by the occurrences it merges (their ids come
    from the article and the offsets, so they name the merged fact whatever the order)."""
    return {node["id"]: f"{node['kind']}:{','.join(node['mentions'])}"
            for node in graph["nodes"] if node["kind"] in ("claim", "quote")}


def _order_free(outputs: dict[str, str], rename: bool = False) -> dict[str, object]:
    """The outputs with the input file names, and the order records were written in, set aside;
    with ``rename``, merged nodes are named by their occurrences instead of their ids."""
    def rows(name: str) -> list[dict]:
        return [json.loads(line) for line in outputs[name].splitlines()]
    graph = json.loads(outputs["graph.json"])
    names = merged_ids(graph) if rename else {}

    def named(value):
        if isinstance(value, str):
            return names.get(value, value)
        if isinstance(value, list) and any(isinstance(v, str) and v in names for v in value):
            return sorted(names.get(v, v) for v in value)  # lists of node ids are sorted by id
        return value

    nodes = []
    for node in graph["nodes"]:
        nodes.append({key: named(value) for key, value in node.items() if key not in ("path", "paths")})
    edges = [{key: named(value) for key, value in edge.items()} for edge in graph["edges"]]
    return {
        "articles": sorted(({**a, "path": None, "paths": None} for a in rows("articles.jsonl")), key=lambda a: a["id"]),
        "entities": sorted(rows("entities.jsonl"), key=lambda e: e["id"]),
        "quotes": sorted(rows("quotes.jsonl"), key=lambda q: q["id"]),
        "claims": sorted(rows("claims.jsonl"), key=lambda c: c["id"]),
        "nodes": sorted(nodes, key=lambda n: n["id"]),
        "edges": sorted(edges, key=lambda e: json.dumps(e, sort_keys=True)),
    }


def check_graph_ignores_article_order(case: tuple[list[str], random.Random]) -> None:
    """Shuffled articles: the same records, ids and merged facts (the merged nodes' own ids
    aside: they name the earliest occurrence, see the test below)."""
    texts, rng = case
    order = list(range(len(texts)))
    shuffled = order[:]
    rng.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as folder:
        first = run_folder(texts, order, Path(folder) / "a")
        second = run_folder(texts, shuffled, Path(folder) / "b")
    assert _order_free(second, rename=True) == _order_free(first, rename=True)


order_cases = st.tuples(article_sets(), st.randoms(use_true_random=False))


@given(order_cases)
@budget(4)
def test_graph_and_ids_do_not_depend_on_the_order_of_articles(case):
    check_graph_ignores_article_order(case)


@pytest.mark.xfail(strict=True, reason="a merged claim or quote node is named after its earliest occurrence in "
                   "input order (so that an incremental run keeps it), hence shuffled input renames it")
def test_merged_node_ids_do_not_depend_on_the_order_of_articles(tmp_path):
    texts = ["Velora Motors rose 5% on Monday.", "Velora Motors rose 5% on Monday, traders said."]
    first = json.loads(run_folder(texts, [0, 1], tmp_path / "a")["graph.json"])
    second = json.loads(run_folder(texts, [1, 0], tmp_path / "b")["graph.json"])
    assert set(merged_ids(first).values()) == set(merged_ids(second).values())  # the same merged facts
    assert merged_ids(first) == merged_ids(second)  # under the same ids


def check_ids_are_stable(texts: list[str]) -> None:
    """The same inputs twice, in this process: the same outputs byte for byte."""
    order = list(range(len(texts)))
    with tempfile.TemporaryDirectory() as folder:
        assert run_folder(texts, order, Path(folder) / "a") == run_folder(texts, order, Path(folder) / "b")


@given(article_sets())
@budget(3)
def test_the_same_input_gives_the_same_ids_and_outputs_on_every_run(texts):
    check_ids_are_stable(texts)


def test_another_process_gives_the_same_ids_and_outputs(tmp_path):
    """A subprocess (with its own hash seed) run on the same generated articles agrees byte for byte."""
    texts = _fixed_articles()
    here = run_folder(texts, list(range(len(texts))), tmp_path / "here")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "here" / "in"),
                    "--out", str(tmp_path / "there"), "--no-cache", "--quiet", "--workers", "1"],
                   check=True, env=env, capture_output=True)
    there = {name: (tmp_path / "there" / name).read_text(encoding="utf-8") for name in OUTPUTS}
    assert [json.loads(line)["id"] for line in there["articles.jsonl"].splitlines()] == \
        [json.loads(line)["id"] for line in here["articles.jsonl"].splitlines()]
    assert there == here


def _fixed_articles() -> list[str]:
    """Articles drawn from the news-sentence strategy with a fixed seed (the same every run)."""
    found: list[list[str]] = []

    @given(article_sets())
    @settings(max_examples=1, database=None, derandomize=True, phases=[Phase.generate])
    def draw(texts):
        found.append(texts)

    draw()
    return found[0]


# Every property with its strategy, for bench/fuzz.py.
PROPERTIES: dict[str, tuple[st.SearchStrategy, Callable[[object], None]]] = {
    "reader": (reader_cases, check_reader),
    "cleaning_idempotent": (text_for_cleaning, check_cleaning_is_idempotent),
    "reread_article": (reread_cases, check_ingested_text_is_stable),
    "extraction_offsets": (extraction_texts, check_extraction_offsets),
    "graph_order": (order_cases, check_graph_ignores_article_order),
    "ids_stable": (article_sets(), check_ids_are_stable),
}

