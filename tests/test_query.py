"""`extractor query` and its Python API on a small run built from records, and on corpus/."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO

from extractor.cli import main
from extractor.graph.build import merged_nodes, with_provenance
from extractor.store.graph_file import write_graph_json
from extractor.graph.spill import MergeSpill
from extractor.models import (
    Article,
    Bounds,
    Claim,
    ClaimNode,
    Entity,
    EntityRef,
    Mention,
    Quote,
    QuoteNode,
    Role,
    RunManifest,
    Span,
)
from extractor.query import QueryError, make_filters, open_run, parse_date
from extractor.store import index as store_index
from extractor.store.files import write_json, write_jsonl
from extractor.store.output import RunFolderError

# ------------------------------------------------------------------ a small run

TECH_MONITOR = (
    "Nvidia saw its shares fall nearly 17% on Monday, erasing $593bn from its market value. "
    "The Hangzhou-based startup reported that its DeepSeek-V3 model was trained using Nvidia's H800 chips "
    "at a cost of under $6m. OpenAI CEO Sam Altman called it an \u201cimpressive model\u201d."
)
REUTERS = (
    "Shares of Nvidia sank 17 percent on Monday, wiping $593 billion from the chipmaker's market value. "
    "\u201cWe will obviously deliver much better models,\u201d Altman said in a social media post."
)
BBC = (
    "Nvidia shares fell 12% on Monday, according to an early report. Microsoft lost 2.1%. "
    "\u201cTech stocks fell 3% in a single session,\u201d said Kei Okamura, a portfolio manager at Neuberger Berman."
)

ARTICLES = [
    Article(id="a1", path="tm.txt", paths=["tm.txt"], url="https://techmonitor.ai/deepseek", source="Tech Monitor",
            title="DeepSeek sparks tech selloff", published="2025-01-28", text=TECH_MONITOR),
    Article(id="a2", path="reuters.txt", paths=["reuters.txt"], url="https://www.reuters.com/tech-sell-off",
            source="Reuters", title="Tech sell-off deepens as DeepSeek triggers AI rethink",
            published="2025-01-28T06:12:00+00:00", highlights=["$593bn wiped off Nvidia shares"], text=REUTERS),
    Article(id="a3", path="bbc.txt", paths=["bbc.txt"], url="https://www.bbc.co.uk/news/nvidia", source="BBC",
            title="Chip stocks slide", published="2025-01-30", text=BBC),
]
TEXTS = {a.id: a.text for a in ARTICLES}

NVIDIA = EntityRef(name="Nvidia", id="ent_nvidia")
DEEPSEEK_V3 = EntityRef(name="DeepSeek-V3", id="ent_deepseek_v3")
ALTMAN = EntityRef(name="Sam Altman", id="ent_sam_altman")
OPENAI = EntityRef(name="OpenAI", id="ent_openai")
MICROSOFT = EntityRef(name="Microsoft", id="ent_microsoft")
OKAMURA = EntityRef(name="Kei Okamura", id="ent_kei_okamura")


def span(article_id: str, words: str, after: int = 0) -> tuple[int, int]:
    start = TEXTS[article_id].index(words, after)
    return start, start + len(words)


def sentence_of(article_id: str, start: int) -> Span:
    """The sentence around ``start`` (these texts end every sentence with ". ")."""
    text = TEXTS[article_id]
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return Span(text=text[begin:end], start=begin, end=end)


def entity(ref: EntityRef, type_: str, surfaces: list[tuple[str, str]], aliases=(), roles=()) -> Entity:
    mentions = []
    for article_id, words in surfaces:
        after = 0
        while (found := TEXTS[article_id].find(words, after)) >= 0:
            mentions.append(Mention(article_id=article_id, start=found, end=found + len(words), text=words))
            after = found + len(words)
    return Entity(id=ref.id, name=ref.name, type=type_, aliases=list(aliases), mentions=mentions, roles=list(roles),
                  type_scores={type_: float(len(mentions))})


def claim(article_id: str, words: str, value: float, unit: str | None, subject: EntityRef | None, **fields) -> Claim:
    start, end = span(article_id, words)
    return Claim(id=f"c_{article_id}_{start}", article_id=article_id, start=start, end=end, text=words,
                 sentence=sentence_of(article_id, start), value=value, unit=unit,
                 subject=[subject] if subject else [], **fields)


def quote(article_id: str, words: str, speaker: EntityRef, kind: str = "direct") -> Quote:
    start, end = span(article_id, words)
    return Quote(id=f"q_{article_id}_{start}", article_id=article_id, start=start, end=end, text=words, kind=kind,
                 speaker=speaker)


ENTITIES = [
    entity(NVIDIA, "ORG", [("a1", "Nvidia"), ("a2", "Nvidia"), ("a3", "Nvidia")]),
    entity(DEEPSEEK_V3, "PRODUCT", [("a1", "DeepSeek-V3")]),
    entity(ALTMAN, "PERSON", [("a1", "Sam Altman"), ("a2", "Altman")], aliases=["Altman"],
           roles=[Role(title="CEO", org=OPENAI, article_id="a1")]),
    entity(OPENAI, "ORG", [("a1", "OpenAI")]),
    entity(MICROSOFT, "ORG", [("a3", "Microsoft")]),
    entity(OKAMURA, "PERSON", [("a3", "Kei Okamura")]),
]
SHARE_FALL = {"direction": "down", "metric": "share price", "date": "2025-01-27"}
VALUE_LOST = {"direction": "down", "metric": "market value", "date": "2025-01-27"}
CLAIMS = [
    claim("a1", "nearly 17%", 17, "percent", NVIDIA, hedge="~", change="down", **SHARE_FALL),
    claim("a1", "$593bn", 593e9, "USD", NVIDIA, change="down", **VALUE_LOST),
    claim("a1", "under $6m", 6e6, "USD", DEEPSEEK_V3, hedge="<", change="<", bounds=Bounds(high=6e6)),
    claim("a2", "17 percent", 17, "percent", NVIDIA, change="down", **SHARE_FALL),
    claim("a2", "$593 billion", 593e9, "USD", NVIDIA, change="down", **VALUE_LOST),
    claim("a3", "12%", 12, "percent", NVIDIA, change="down", **SHARE_FALL),
    claim("a3", "2.1%", 2.1, "percent", MICROSOFT, change="down", direction="down", metric="share price"),
    claim("a3", "3%", 3, "percent", None, change="down", direction="down"),
]
QUOTES = [
    quote("a1", "impressive model", ALTMAN),
    quote("a2", "We will obviously deliver much better models,", ALTMAN),
    quote("a3", "Tech stocks fell 3% in a single session,", OKAMURA),
]


def write_run(out: Path, articles=ARTICLES, entities=ENTITIES, quotes=QUOTES, claims=CLAIMS) -> Path:
    """A run's output folder as `extractor run` writes it, from records (no NLP)."""
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "articles.jsonl", articles)
    write_jsonl(out / "entities.jsonl", with_provenance(entities, {a.id: a for a in articles}))
    write_jsonl(out / "quotes.jsonl", quotes)
    write_jsonl(out / "claims.jsonl", claims)
    write_jsonl(out / "errors.jsonl", [])
    with MergeSpill() as spill:
        spill.add_articles(articles)
        spill.add_entities(entities)
        spill.add_quotes(quotes)
        spill.add_claims(claims)
        write_graph_json(merged_nodes(spill), out / "graph.json")
    write_json(out / "manifest.json", RunManifest(package_version="test", counts={"articles": len(articles)}))
    return out


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    return write_run(tmp_path_factory.mktemp("sample-run"))


@pytest.fixture
def run(sample_run):
    with open_run(sample_run) as opened:
        yield opened


def cli(*args: str, capsys) -> tuple[int, object, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    data = json.loads(captured.out) if captured.out.strip().startswith(("[", "{")) else captured.out
    return status, data, captured.err


def texts(records) -> list[str]:
    return [r.text for r in records]


SCHEMAS = {kind: json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
           for kind, name in [("claim", "claim_node"), ("quote", "quote_node"), ("entity", "entity"),
                              ("article", "article")]}

# ------------------------------------------------------------------ the API


def test_open_run_builds_the_index_beside_the_run(sample_run):
    (sample_run / "index.sqlite").unlink(missing_ok=True)
    with open_run(sample_run) as run:
        assert run.index == sample_run / "index.sqlite"
    assert store_index.index_status(sample_run) == "ok"


def test_kind_lists_every_record_of_that_kind_typed(run):
    claims = list(run.query("claim"))
    assert all(isinstance(c, ClaimNode) for c in claims)
    assert sorted((c.subject.name if c.subject else "", c.value) for c in claims) == sorted([
        ("Nvidia", 17), ("Nvidia", 593e9), ("DeepSeek-V3", 6e6), ("Nvidia", 12), ("Microsoft", 2.1), ("", 3)])
    assert all(isinstance(q, QuoteNode) for q in run.query("quote"))
    assert [e.name for e in run.query("entity")] == [e.name for e in ENTITIES]
    assert [a.id for a in run.query("article")] == ["a1", "a2", "a3"]


def test_entity_matches_any_alias_in_any_case(run):
    assert {c.value for c in run.query("claim", entity="NVIDIA")} == {17, 593e9, 12}
    assert texts(run.query("quote", entity="altman")) == texts(run.query("quote", entity="Sam Altman"))
    assert len(list(run.query("quote", entity="sam altman"))) == 2


def test_entity_on_entities_and_articles(run):
    assert [e.name for e in run.query("entity", entity="altman")] == ["Sam Altman"]
    assert [a.id for a in run.query("article", entity="Microsoft")] == ["a3"]
    assert [a.id for a in run.query("article", entity="nvidia")] == ["a1", "a2", "a3"]


def test_unknown_entity_gives_nothing(run):
    assert list(run.query("claim", entity="Intel")) == []


def test_speaker_single_word_matches_a_word_of_the_name(run):
    quotes = list(run.query("quote", speaker="okamura"))
    assert [(q.speaker.name, q.text) for q in quotes] == [("Kei Okamura", "Tech stocks fell 3% in a single session,")]
    assert len(list(run.query("quote", speaker="ALTMAN"))) == 2


def test_speaker_on_claims_finds_claims_stated_in_their_quotes(run):
    assert [(c.value, c.unit) for c in run.query("claim", speaker="Kei Okamura")] == [(3, "percent")]


def test_source_is_case_insensitive(run):
    assert {c.value for c in run.query("claim", source="reuters")} == {17, 593e9}
    assert [q.text for q in run.query("quote", source="BBC")] == ["Tech stocks fell 3% in a single session,"]
    assert [a.id for a in run.query("article", source="tech monitor")] == ["a1"]


def test_since_and_until_use_the_claim_date_then_publication(run):
    # Nvidia's figures are dated Monday 27 January; Microsoft's 2.1% has no date of its own (BBC, 30 Jan).
    assert {c.value for c in run.query("claim", since="2025-01-28")} == {2.1, 6e6, 3}
    assert {c.value for c in run.query("claim", until="27 Jan 2025")} == {17, 593e9, 12}
    assert [a.id for a in run.query("article", since="29 January 2025")] == ["a3"]
    assert [a.id for a in run.query("article", since="2025-01-28", until="2025-01-28")] == ["a1", "a2"]


def test_a_window_between_two_reports_matches_neither(run):
    # Nvidia was reported on the 28th and the 30th: nothing on the 29th
    assert list(run.query("entity", since="2025-01-29", until="2025-01-29")) == []
    assert [e.name for e in run.query("entity", since="30 Jan 2025", until="30 Jan 2025")] == [
        "Nvidia", "Microsoft", "Kei Okamura"]


def test_month_only_dates_cover_the_month(run):
    assert len(list(run.query("article", since="2025-01", until="2025-01"))) == 3
    assert list(run.query("article", since="2025-02")) == []


def test_a_claim_dated_by_a_period_is_found_on_every_day_of_it():
    from extractor.dates import date_range

    assert date_range("2018-04-01/2018-06-30") == (20180401, 20180630)  # a quarter, not its first day
    assert date_range("2025-01-24/2025-01-27") == (20250124, 20250127)
    assert date_range("2018-06-30/2018-04-01") is None


def test_relative_dates_parse(run):
    assert list(run.query("article", since="last week")) == []  # the articles are from 2025
    assert parse_date("27 Jan 2025") == 20250127
    assert parse_date("2025", end=True) == 20251231


def test_min_sources_counts_distinct_outlets(run):
    assert sorted(c.value for c in run.query("claim", entity="nvidia", min_sources=2)) == [17, 593e9]
    assert all(len(c.sources) >= 2 for c in run.query("claim", min_sources=2))
    assert [e.name for e in run.query("entity", min_sources=3)] == ["Nvidia"]


def test_min_sources_counts_articles_without_an_outlet(tmp_path):
    anonymous = [a.model_copy(update={"source": None}) if a.id == "a2" else a for a in ARTICLES]
    with open_run(write_run(tmp_path / "run", articles=anonymous)) as run:
        assert sorted(c.value for c in run.query("claim", min_sources=2)) == [17, 593e9]


def test_conflicts_lists_claims_another_contradicts(run):
    conflicting = list(run.query("claim", conflicts=True))
    assert sorted(c.value for c in conflicting) == [12, 17]
    by_value = {c.value: c for c in conflicting}
    assert by_value[12].conflicts_with == [by_value[17].id]


def test_text_needs_every_word_in_any_case(run):
    assert [c.text for c in run.query("claim", text="MARKET value")] == ["$593bn"]
    assert [q.text for q in run.query("quote", text="better models")] == [
        "We will obviously deliver much better models,"]
    assert list(run.query("quote", text="better stocks")) == []
    assert [a.id for a in run.query("article", text="deepseek")] == ["a1", "a2"]


def test_filters_combine_with_and(run):
    found = list(run.query("claim", entity="nvidia", source="bbc", since="2025-01-27", conflicts=True))
    assert [(c.value, c.sources) for c in found] == [(12, ["BBC"])]


def test_limit_and_count(run):
    assert len(list(run.query("claim", limit=2))) == 2
    assert run.count("claim") == 6
    assert run.count("claim", entity="nvidia", limit=1) == 3


def test_results_carry_provenance(run):
    [fall] = [c for c in run.query("claim", entity="nvidia", min_sources=2) if c.unit == "percent"]
    assert fall.sources == ["Reuters", "Tech Monitor"]
    assert [(p.article_id, p.source, p.url) for p in fall.provenance] == [
        ("a1", "Tech Monitor", "https://techmonitor.ai/deepseek"),
        ("a2", "Reuters", "https://www.reuters.com/tech-sell-off")]
    start, end = fall.provenance[0].spans[0]
    assert TECH_MONITOR[start:end] == "nearly 17%"


def test_article_results_leave_the_body_to_run_article(run):
    [article] = run.query("article", source="reuters")
    assert article.text == "" and article.title == "Tech sell-off deepens as DeepSeek triggers AI rethink"
    assert run.article("a2").text == REUTERS


@pytest.mark.parametrize("kind", ["claim", "quote", "entity", "article"])
def test_every_result_validates_against_its_json_schema(run, kind):
    records = list(run.query(kind))
    assert records
    for record in records:
        jsonschema.validate(record.model_dump(mode="json"), SCHEMAS[kind])


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "person"}, "unknown kind 'person'"),
    ({"kind": "entity", "speaker": "altman"}, "--speaker filters quotes and claims"),
    ({"kind": "quote", "conflicts": True}, "--conflicts filters claims"),
    ({"since": "the day after never"}, "cannot read the date"),
    ({"since": "2025-02-01", "until": "2025-01-01"}, "is after --until"),
    ({"min_sources": 0}, "--min-sources must be 1 or more"),
    ({"text": "--"}, "has no words"),
])
def test_bad_queries_raise_query_error_at_the_call(run, kwargs, message):
    with pytest.raises(QueryError, match=message):
        run.query(**kwargs)


def test_open_run_refuses_a_folder_that_is_not_a_run(tmp_path):
    with pytest.raises(RunFolderError, match="not a run's output"):
        open_run(tmp_path)
    with pytest.raises(RunFolderError, match="no such folder"):
        open_run(tmp_path / "missing")


# ------------------------------------------------------------ the index itself


def test_index_is_rebuilt_when_the_run_changes(tmp_path):
    out = write_run(tmp_path / "run", articles=ARTICLES[:2], claims=CLAIMS[:5], quotes=QUOTES[:2])
    with open_run(out) as run:
        assert run.count("article") == 2
    write_run(out)  # an incremental run adds the BBC article
    assert store_index.index_status(out) == "stale"
    with open_run(out) as run:
        assert run.count("article") == 3 and run.count("claim", conflicts=True) == 2


def test_index_of_another_version_is_rebuilt(tmp_path):
    out = write_run(tmp_path / "run")
    store_index.build_index(out)
    with sqlite3.connect(out / "index.sqlite") as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'index_version'")
    conn.close()
    assert store_index.index_status(out) == "old_version"
    with open_run(out) as run:
        assert run.count("claim") == 6
    assert store_index.index_status(out) == "ok"


def test_corrupt_index_file_is_rebuilt(tmp_path):
    out = write_run(tmp_path / "run")
    (out / "index.sqlite").write_bytes(b"not a database at all" * 100)
    assert store_index.index_status(out) == "corrupt"
    with open_run(out) as run:
        assert run.count("quote") == 3


def test_text_filter_without_fts5_falls_back_to_like(tmp_path, monkeypatch):
    monkeypatch.setattr(store_index, "fts5_available", lambda: False)  # an SQLite built without FTS5
    with open_run(write_run(tmp_path / "run")) as run:
        assert [c.text for c in run.query("claim", text="MARKET value")] == ["$593bn"]
        assert [q.text for q in run.query("quote", text="100%_")] == []


def test_build_index_leaves_no_temporary_files(tmp_path):
    out = write_run(tmp_path / "run")
    assert store_index.build_index(out) == out / "index.sqlite"
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


@pytest.fixture(scope="module")
def synthetic_run(tmp_path_factory) -> Path:
    """A few thousand skewed claims from the benchmark's generator: enough for the planner's statistics."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from query_speed import write_synthetic_run
    finally:
        sys.path.remove(str(REPO / "bench"))
    out = tmp_path_factory.mktemp("synthetic-run")
    write_synthetic_run(out, claims=3000)
    return out


@pytest.mark.parametrize("filters, driver", [
    ({"entity": "top"}, "SEARCH record_entities USING PRIMARY KEY"),
    ({"source": "London Times"}, "SEARCH record_sources USING PRIMARY KEY"),
    # the fewer rows drive; the other filter is a point look-up per candidate
    ({"entity": "top", "source": "London Times"}, "SEARCH k USING PRIMARY KEY (kind=? AND key=? AND record=?)"),
    ({"conflicts": True}, "SEARCH r USING INDEX records_by_conflict"),
    ({"text": "share price"}, "SCAN record_text VIRTUAL TABLE"),
])
def test_filters_look_rows_up_instead_of_scanning(synthetic_run, filters, driver):
    top = json.loads((synthetic_run / "entities.jsonl").open(encoding="utf-8").readline())["name"]
    filters = {k: top if v == "top" else v for k, v in filters.items()}
    with open_run(synthetic_run) as run:
        sql, params = run._select(make_filters("claim", **filters), "r.json")
        plan = [row[-1] for row in run._conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert list(run.query("claim", **filters))
    assert not any(step.split()[:2] == ["SCAN", "r"] for step in plan), plan
    assert any(step.startswith(driver) for step in plan), plan


@pytest.mark.parametrize("damage, message", [
    (lambda out: (out / "graph.json").write_text('{"directed": true, "nodes": [{"id": "x"', encoding="utf-8"),
     "graph.json: truncated"),
    (lambda out: (out / "graph.json").unlink(), "graph.json: missing"),
    (lambda out: (out / "entities.jsonl").write_text('{"id": "ent_x", "name": "X"}\n{"id": ', encoding="utf-8"),
     "entities.jsonl: truncated"),
    (lambda out: (out / "articles.jsonl").write_text(ARTICLES[0].model_dump_json() + "\n{", encoding="utf-8"),
     "articles.jsonl: truncated"),
    (lambda out: _replace_claim_node(out), "is not a valid ClaimNode"),
])
def test_corrupt_files_name_the_file(tmp_path, damage, message):
    out = write_run(tmp_path / "run")
    damage(out)
    with pytest.raises(RunFolderError, match=message):
        open_run(out)


def _replace_claim_node(out: Path) -> None:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n.get("kind") == "claim")
    node["value"] = "lots"
    (out / "graph.json").write_text(json.dumps(data), encoding="utf-8")


# --------------------------------------------------------------------- the CLI


def test_cli_prints_a_json_array_of_records(sample_run, capsys):
    status, data, err = cli("query", str(sample_run), "--kind", "claim", "--entity", "nvidia", "--min-sources", "2",
                            capsys=capsys)
    assert status == 0 and err == ""
    assert sorted(c["value"] for c in data) == [17, 593e9]
    for record in data:
        jsonschema.validate(record, SCHEMAS["claim"])


def test_cli_each_flag(sample_run, capsys):
    def values(*flags: str) -> list:
        status, data, err = cli("query", str(sample_run), *flags, capsys=capsys)
        assert status == 0, err
        return sorted(r["value"] if "value" in r else r.get("name") or r.get("text") or r["id"] for r in data)

    assert values("--speaker", "altman", "--kind", "quote") == [
        "We will obviously deliver much better models,", "impressive model"]
    assert values("--source", "REUTERS") == [17, 593e9]
    assert values("--since", "28 Jan 2025", "--until", "2025-01-31") == [2.1, 3, 6e6]
    assert values("--conflicts") == [12, 17]
    assert values("--text", "share price", "--entity", "microsoft") == [2.1]
    assert values("--kind", "article", "--entity", "Kei Okamura") == ["a3"]
    assert values("--kind", "entity", "--text", "altman") == ["Sam Altman"]
    assert len(values("--limit", "1")) == 1
    assert values("--entity", "Intel") == []


def test_cli_jsonl_prints_one_record_a_line(sample_run, capsys):
    assert main(["query", str(sample_run), "--kind", "quote", "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(QuoteNode.model_validate_json(line) for line in lines)


@pytest.mark.parametrize("args, status, message", [
    (["--since", "someday maybe"], 2, "cannot read the date 'someday maybe'"),
    (["--kind", "entity", "--conflicts"], 2, "--conflicts filters claims, not entities"),
    (["--limit", "-1"], 2, "--limit must be 0 or more"),
])
def test_cli_bad_arguments_exit_2_with_one_line(sample_run, capsys, args, status, message):
    assert main(["query", str(sample_run), *args]) == status
    err = capsys.readouterr().err
    assert err.startswith("extractor: ") and message in err and err.count("\n") == 1


def test_cli_unknown_kind_is_a_usage_error(sample_run, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["query", str(sample_run), "--kind", "person"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'person'" in capsys.readouterr().err


def test_cli_not_a_run_folder_exits_3(tmp_path, capsys):
    assert main(["query", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "not a run's output (no manifest.json)" in err and "Traceback" not in err


def test_cli_truncated_graph_exits_3_with_one_line(tmp_path, capsys):
    out = write_run(tmp_path / "run")
    text = (out / "graph.json").read_text(encoding="utf-8")
    (out / "graph.json").write_text(text[: len(text) // 2], encoding="utf-8")
    assert main(["query", str(out)]) == 3
    captured = capsys.readouterr()
    assert captured.err.startswith(f"extractor: {out / 'graph.json'}: truncated")
    assert captured.err.count("\n") == 1 and captured.out == ""


def test_graph_cut_between_two_lines_is_found_truncated(tmp_path, capsys):
    out = write_run(tmp_path / "run")
    lines = (out / "graph.json").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "graph.json").write_text("".join(lines[: len(lines) - 2]), encoding="utf-8")
    assert main(["query", str(out)]) == 3
    assert "truncated" in capsys.readouterr().err


# ------------------------------------------------------------------ corpus run


def test_corpus_run_answers_entity_queries(corpus_run, tmp_path):
    out = tmp_path / "corpus"
    shutil.copytree(corpus_run, out)
    with open_run(out) as run:
        [altman] = run.query("entity", entity="altman")
        assert altman.name == "Sam Altman"
        assert run.count("article", entity="nvidia") == 2
        for record in run.query("entity"):
            jsonschema.validate(record.model_dump(mode="json"), SCHEMAS["entity"])


def test_every_plan_agrees_with_the_others_on_the_synthetic_run(synthetic_run):
    """The count, the first page and the whole list of each benchmark query (each filter alone
    and combined) take different plans (key counts, side tables, words looked up or checked
    per candidate, column indexes, a scan in order); they must agree."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from query_speed import pick_entities, query_set
    finally:
        sys.path.remove(str(REPO / "bench"))
    top, mid, rare, person = pick_entities(synthetic_run / "entities.jsonl")
    outlet = json.loads((synthetic_run / "articles.jsonl").open(encoding="utf-8").readline())["source"]
    nonempty = 0
    with open_run(synthetic_run) as run:
        for label, (kind, filters) in query_set(top, mid, rare, person, outlet).items():
            everything = [r.id for r in run.query(kind, **filters)]
            assert run.count(kind, **filters) == len(everything), label
            assert [r.id for r in run.query(kind, **filters, limit=7)] == everything[:7], label
            assert len(set(everything)) == len(everything), label
            nonempty += bool(everything)
    assert nonempty >= 30


def test_a_run_closed_while_its_results_are_read_stops_quietly(sample_run):
    """`extractor query … | head`: the reader leaves, the run is closed, and the half-read
    results are dropped without an error about a damaged index."""
    unraisable = []
    hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        with open_run(sample_run) as opened:
            results = iter(opened.query("claim"))
            next(results)
        results.close()
    finally:
        sys.unraisablehook = hook
    assert unraisable == []
