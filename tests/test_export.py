"""`extractor export`: search documents as JSON Lines and Elasticsearch bulk, and GraphML."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from conftest import REPO
from test_query import ALTMAN, ARTICLES, CLAIMS, QUOTES, write_run

from extractor.cli import main
from extractor.exports import ExportError, es_mapping, export, search_documents
from extractor.models import SearchDocument
from extractor.store.output import RunFolderError

SCHEMA = json.loads((REPO / "schemas" / "search_document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    return write_run(tmp_path_factory.mktemp("export-run"))


@pytest.fixture(scope="module")
def documents(sample_run) -> dict[str, SearchDocument]:
    return {d.id: d for d in search_documents(sample_run)}


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_quantity(documents, quantity: str) -> SearchDocument:
    return next(d for d in documents.values() if d.quantity == quantity)


# --------------------------------------------------------------- documents


def test_one_document_per_claim_quote_and_entity(documents):
    kinds = [d.kind for d in documents.values()]
    assert (kinds.count("claim"), kinds.count("quote"), kinds.count("entity")) == (6, 3, 6)


def test_claim_document_reads_as_its_sentence(documents):
    cost = by_quantity(documents, "under $6m")
    assert cost.text == ("The Hangzhou-based startup reported that its DeepSeek-V3 model was trained using "
                         "Nvidia's H800 chips at a cost of under $6m.")
    assert (cost.subject, cost.names, cost.value, cost.unit, cost.hedge) == (
        "DeepSeek-V3", ["DeepSeek-V3"], 6e6, "USD", "<")


def test_merged_claim_document_keeps_every_sentence_and_report(documents):
    fall = by_quantity(documents, "17 percent")
    assert fall.sentences == [
        "Shares of Nvidia sank 17 percent on Monday, wiping $593 billion from the chipmaker's market value.",
        "Nvidia saw its shares fall nearly 17% on Monday, erasing $593bn from its market value."]
    assert (fall.metric, fall.date, fall.n_sources) == ("share price", "2025-01-27", 2)
    assert fall.sources == ["Reuters", "Tech Monitor"]
    assert fall.articles == ["a1", "a2"]
    assert fall.titles == ["DeepSeek sparks tech selloff", "Tech sell-off deepens as DeepSeek triggers AI rethink"]
    assert fall.urls == ["https://techmonitor.ai/deepseek", "https://www.reuters.com/tech-sell-off"]
    assert fall.conflicts_with == [by_quantity(documents, "12%").id]


def test_claim_without_its_own_date_takes_the_publication_date(documents):
    assert by_quantity(documents, "2.1%").date == "2025-01-30"


def test_quote_document_names_the_speaker_with_aliases(documents):
    [quote] = [d for d in documents.values() if d.text == "impressive model"]
    assert (quote.speaker, quote.speaker_id, quote.names, quote.quote_kind) == (
        "Sam Altman", ALTMAN.id, ["Sam Altman", "Altman"], "direct")
    assert (quote.sources, quote.published, quote.date) == (["Tech Monitor"], ["2025-01-28"], "2025-01-28")


def test_entity_document_lists_roles_and_reports(documents):
    altman = documents[ALTMAN.id]
    assert (altman.text, altman.names, altman.entity_type, altman.roles) == (
        "Sam Altman", ["Sam Altman", "Altman"], "PERSON", ["CEO, OpenAI"])
    assert altman.sources == ["Reuters", "Tech Monitor"] and altman.n_sources == 2


def test_documents_validate_against_the_schema(documents):
    for document in documents.values():
        jsonschema.validate(document.model_dump(mode="json"), SCHEMA)


# ------------------------------------------------------------------ formats


def test_jsonl_export_writes_one_document_a_line(sample_run, documents, tmp_path):
    summary = export(sample_run, "jsonl", tmp_path / "docs.jsonl")
    assert summary == {"format": "jsonl", "path": str(tmp_path / "docs.jsonl"), "documents": 15,
                       "kinds": {"claim": 6, "quote": 3, "entity": 6}}
    lines = read_lines(tmp_path / "docs.jsonl")
    assert [line["id"] for line in lines] == list(documents)
    for line in lines:
        jsonschema.validate(line, SCHEMA)


def test_es_bulk_is_an_action_line_before_each_document(sample_run, documents, tmp_path):
    dest = tmp_path / "bulk.ndjson"
    summary = export(sample_run, "es-bulk", dest, index_name="news-claims")
    text = dest.read_text(encoding="utf-8")
    assert text.endswith("\n")  # the _bulk API needs the final newline
    lines = read_lines(dest)
    assert len(lines) == 2 * summary["documents"] == 30
    actions, sources = lines[0::2], lines[1::2]
    assert all(list(a) == ["index"] and a["index"]["_index"] == "news-claims" for a in actions)
    assert [a["index"]["_id"] for a in actions] == [s["id"] for s in sources] == list(documents)
    assert len({a["index"]["_id"] for a in actions}) == len(actions)


def test_es_bulk_writes_a_mapping_beside_it(sample_run, tmp_path):
    summary = export(sample_run, "es-bulk", tmp_path / "bulk.ndjson")
    mapping = json.loads((tmp_path / "bulk.ndjson.mapping.json").read_text(encoding="utf-8"))
    assert summary["mapping"] == str(tmp_path / "bulk.ndjson.mapping.json")
    assert mapping == es_mapping()
    fields = mapping["mappings"]["properties"]
    assert set(fields) == set(SearchDocument.model_fields)
    assert {name: fields[name]["type"] for name in ("id", "kind", "sources", "unit", "text", "names", "value",
                                                    "date", "published", "n_sources")} == {
        "id": "keyword", "kind": "keyword", "sources": "keyword", "unit": "keyword", "text": "text",
        "names": "text", "value": "double", "date": "date", "published": "date", "n_sources": "integer"}
    assert fields["names"]["fields"]["raw"]["type"] == "keyword"


def test_re_export_after_an_incremental_run_keeps_ids(tmp_path):
    out = write_run(tmp_path / "run", articles=ARTICLES[:2], claims=CLAIMS[:5], quotes=QUOTES[:2])
    export(out, "es-bulk", tmp_path / "first.ndjson")
    write_run(out)  # the BBC article arrives
    export(out, "es-bulk", tmp_path / "second.ndjson")
    first = [a["index"]["_id"] for a in read_lines(tmp_path / "first.ndjson")[0::2]]
    second = [a["index"]["_id"] for a in read_lines(tmp_path / "second.ndjson")[0::2]]
    assert set(first) < set(second) and len(second) == len(set(second))
    # the Nvidia fall now has a conflicting report: same document id, updated content
    updated = {d["id"]: d for d in read_lines(tmp_path / "second.ndjson")[1::2]}
    fall = next(d for d in updated.values() if d["quantity"] == "17 percent")
    assert fall["id"] in first and fall["conflicts_with"]


def test_graphml_holds_the_whole_graph(sample_run, tmp_path):
    summary = export(sample_run, "graphml", tmp_path / "graph.graphml")
    graph = nx.read_graphml(tmp_path / "graph.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (summary["nodes"], summary["edges"]) == (18, 23)
    assert graph.nodes[ALTMAN.id]["name"] == "Sam Altman"


def test_unknown_format_and_bad_index_name_are_refused(sample_run, tmp_path):
    with pytest.raises(ExportError, match="unknown format 'csv'"):
        export(sample_run, "csv", tmp_path / "x.csv")  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="index name 'My Index' is not valid"):
        export(sample_run, "es-bulk", tmp_path / "x.ndjson", index_name="My Index")


def test_corrupt_claims_file_names_file_and_line(tmp_path):
    out = write_run(tmp_path / "run")
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    (out / "claims.jsonl").write_text("\n".join([lines[0], lines[1][:40]]) + "\n", encoding="utf-8")
    with pytest.raises(RunFolderError, match=r"claims.jsonl:2: not valid JSON"):
        export(out, "jsonl", tmp_path / "docs.jsonl")
    assert not (tmp_path / "docs.jsonl").exists()  # nothing half-written


# ---------------------------------------------------------------------- CLI


def test_cli_export_prints_what_it_wrote(sample_run, tmp_path, capsys):
    assert main(["export", str(sample_run), "--format", "es-bulk", "--out", str(tmp_path / "b.ndjson"),
                 "--index-name", "claims"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["documents"], summary["index"]) == (15, "claims")
    action, document = read_lines(tmp_path / "b.ndjson")[:2]
    assert action == {"index": {"_index": "claims", "_id": document["id"]}}


def test_cli_jsonl_without_out_goes_to_standard_output(sample_run, capsys):
    assert main(["export", str(sample_run), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 15 and all(SearchDocument.model_validate_json(line) for line in lines)


def test_cli_graphml(sample_run, tmp_path, capsys):
    assert main(["export", str(sample_run), "--format", "graphml", "--out", str(tmp_path / "g.graphml")]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"] == 18


@pytest.mark.parametrize("args, status, message", [
    (["--format", "es-bulk"], 2, "--format es-bulk writes files: give --out FILE"),
    (["--format", "jsonl", "--index-name", "Bad Name"], 2, "is not valid for Elasticsearch"),
])
def test_cli_usage_errors_exit_2(sample_run, capsys, args, status, message):
    assert main(["export", str(sample_run), *args]) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_unknown_format_is_an_argparse_error(sample_run, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(sample_run), "--format", "csv"])
    assert exit_info.value.code == 2 and "invalid choice: 'csv'" in capsys.readouterr().err


def test_cli_bad_run_folder_and_unwritable_out_exit_3(sample_run, tmp_path, capsys):
    assert main(["export", str(tmp_path), "--format", "jsonl"]) == 3
    assert "not a run's output" in capsys.readouterr().err
    (tmp_path / "taken").mkdir()
    assert main(["export", str(sample_run), "--format", "jsonl", "--out", str(tmp_path / "taken")]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"extractor: cannot write {tmp_path / 'taken'}") and "Traceback" not in err
