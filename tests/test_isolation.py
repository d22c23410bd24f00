"""One bad article never costs the batch: broken, huge, crashing and hanging inputs."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import executors
from extractor.models import Article
from extractor.nlp.sections import split_sections
from extractor.runner import RunOptions, run

from conftest import CORPUS, read_jsonl

GOOD = {
    "harbor.txt": "Harbor Freight Lines said on Tuesday it would hire 300 drivers in Ohio, "
                  "according to a statement from the company.",
    "orbital.txt": "Shares of Orbital Dynamics fell 12% on Monday after the company cut its forecast, "
                   "chief executive Dana Whitfield said.",
    "mill.txt": "The Riverside paper mill will close in March, cutting 140 jobs, its owner said on Friday. "
                "\u201cIt is a sad day for the town,\u201d said Mayor Ellen Porter.",
}


def _nasty_folder(folder: Path) -> dict[str, str]:
    """Good articles beside bad inputs; returns each bad input's expected error code."""
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    rng = random.Random(7)
    # 5.2 MB on one line: more than spaCy's max_length as this package sets it (5,000,000).
    (folder / "one_line.txt").write_text("".join(rng.choice("abcdefghij") for _ in range(5_200_000)))
    bad = {
        "empty.txt": ("", "empty"),
        "blank.md": ("\n  \n\t\n", "empty"),
        "binary.txt": (bytes(range(256)) * 64, "binary"),
        "broken.json": ("{\"title\": \"Half", "bad_json"),
        "no_text.json": (json.dumps({"title": "Only a title"}), None),
        "page.html": ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no_article"),
        "lines.jsonl": ('{"text": "Acme shares rose 5% on Monday, the company said."}\n{oops\n', "bad_json"),
        "front.md": ("---\ntitle: [unclosed\n---\nThe body of a story about 3 ships.", None),
    }
    for name, (content, _) in bad.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return {name: code for name, (_, code) in bad.items()}


def test_a_folder_of_nasty_inputs_keeps_every_good_article(tmp_path):
    expected = _nasty_folder(tmp_path / "in")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "in"), "--out", str(out),
                           "--workers", "2", "--no-cache", "--quiet"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    articles = {a["path"]: a for a in read_jsonl(out / "articles.jsonl")}
    assert set(GOOD) <= set(articles)
    assert len(articles["one_line.txt"]["text"]) == 5_200_000  # read and processed, not rejected
    errors = read_jsonl(out / "errors.jsonl")
    reported = {e["path"].split(":")[0] for e in errors}
    for name, code in expected.items():
        assert name in reported or name in articles, name
        if code:
            assert any(e["path"].startswith(name) and e["error"] == code for e in errors), name
    manifest = json.loads((out / "manifest.json").read_text())
    counts = manifest["counts"]
    assert counts["articles"] + counts["duplicates"] + counts["skipped"] + counts["failed_inputs"] == \
        manifest["inputs"]
    claims = read_jsonl(out / "claims.jsonl")
    assert any(c["text"] == "12%" for c in claims)  # the good articles were extracted
    assert not (out / ".extractor.lock").exists()


def _marked(folder: Path, marker: str) -> Path:
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "poison.txt").write_text(f"The report mentions {marker} and 12 ships.", encoding="utf-8")
    return folder


def _poisoned_extract(marker: str, action):
    real = executors.extract_article

    def extract(doc, article):
        if marker in article.text:
            action()
        return real(doc, article)
    return extract


def _outcome(out: Path) -> tuple[dict, list[dict]]:
    claims = read_jsonl(out / "claims.jsonl")
    return {c["article_id"] for c in claims}, read_jsonl(out / "errors.jsonl")


def test_a_worker_killed_by_its_article_is_replaced_and_the_article_reported(tmp_path, monkeypatch):
    # Workers are forked, so the patched extractor runs in them and really kills the process.
    monkeypatch.setattr(executors, "extract_article",
                        _poisoned_extract("KILLS-ITS-WORKER", lambda: os.kill(os.getpid(), signal.SIGKILL)))
    out = tmp_path / "out"
    manifest = run([_marked(tmp_path / "in", "KILLS-ITS-WORKER")], out, options=RunOptions(workers=2, use_cache=False))
    with_claims, errors = _outcome(out)
    assert [(e["path"], e["stage"], e["error"]) for e in errors] == [("poison.txt", "nlp", "worker_died")]
    assert "SIGKILL" in errors[0]["message"]
    assert len(with_claims) == 3  # harbor (300), orbital (12%), mill (140): all extracted
    assert manifest.counts["articles"] == 4 and manifest.counts["failed_articles"] == 1


def test_an_article_that_hangs_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    # 10 s: long enough for a worker at load 6 on two cores to parse a batch of short articles
    monkeypatch.setattr(executors, "extract_article", _poisoned_extract("NEVER-ENDS", lambda: time.sleep(600)))
    out = tmp_path / "out"
    started = time.monotonic()
    run([_marked(tmp_path / "in", "NEVER-ENDS")], out,
        options=RunOptions(workers=1, use_cache=False, article_timeout=10))
    with_claims, errors = _outcome(out)
    assert [(e["path"], e["error"]) for e in errors] == [("poison.txt", "timeout")]
    assert len(with_claims) == 3
    assert time.monotonic() - started < 120


def test_an_exception_in_extraction_stays_with_its_article(tmp_path, monkeypatch):
    def explode():
        raise RuntimeError("rule table out of range")
    monkeypatch.setattr(executors, "extract_article", _poisoned_extract("BREAKS-A-RULE", explode))
    out = tmp_path / "out"
    run([_marked(tmp_path / "in", "BREAKS-A-RULE")], out, options=RunOptions(workers=1, use_cache=False))
    with_claims, errors = _outcome(out)
    assert [(e["path"], e["stage"], e["error"]) for e in errors] == [("poison.txt", "extract", "extract_failed")]
    assert "rule table out of range" in errors[0]["message"]
    assert len(with_claims) == 3


def test_a_worker_killed_from_outside_mid_run_loses_nothing(tmp_path):
    """As the kernel's out-of-memory killer would: SIGKILL a worker while the run goes on."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(24):
        (folder / f"story{n:02}.txt").write_text(
            f"Harbor Freight Lines said on Tuesday it would hire {100 + n} drivers in Ohio. " * 20, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(folder), "--out", str(out),
                             "--workers", "2", "--no-cache", "--quiet", "--batch-size", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        if children:
            time.sleep(0.5)
            os.kill(int(children[0]), signal.SIGKILL)
            killed = int(children[0])
        time.sleep(0.05)
    stdout, stderr = proc.communicate(timeout=600)
    assert killed is not None
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    claims = read_jsonl(out / "claims.jsonl")
    assert {c["value"] for c in claims} == {float(100 + n) for n in range(24)}
    assert json.loads(stdout)["counts"]["errors"] == 0


# ------------------------------------------------------------ long articles


def test_sections_cover_the_text_and_cut_at_paragraphs_first():
    text = ("A sentence here. Another one follows.\n\n" * 40) + ("word " * 300) + ("x" * 700)
    sections = split_sections(text, 400)
    assert "".join(text[a:b] for a, b in sections) == text
    assert all(b - a <= 400 for a, b in sections)
    assert [a for a, _ in sections] == sorted(a for a, _ in sections)
    paragraph_part = [b for _, b in sections if b <= 40 * 39]
    assert all(text[b - 2:b] == "\n\n" for b in paragraph_part)


def test_sections_fall_back_to_sentences_then_spaces_then_anywhere():
    sentences = "The port reopened on Monday. " * 30
    assert all(sentences[b - 2:b] == ". " for _, b in split_sections(sentences, 100)[:-1])
    words = "harbour " * 60
    assert all(words[b - 1] == " " for _, b in split_sections(words, 100)[:-1])
    assert split_sections("y" * 250, 100) == [(0, 100), (100, 200), (200, 250)]
    assert split_sections("short", 100) == [(0, 5)]


def test_a_pipe_that_breaks_loses_only_the_article_that_broke_it():
    class Pipeline:
        def pipe(self, texts, batch_size):
            for text in texts:
                if "BAD" in text:
                    raise ValueError("[E088] Text of length 6000000 exceeds maximum")
                yield text

        def __call__(self, text):
            if "BAD" in text:
                raise ValueError("[E088] Text of length 6000000 exceeds maximum")
            return text

    articles = [Article(id=str(n), path=f"{n}.txt", text=t) for n, t in enumerate(["one", "BAD", "three"])]
    results = list(executors.parse_articles(Pipeline(), articles, 8))
    assert results[0] == "one" and results[2] == "three"
    assert (results[1].path, results[1].stage, results[1].error) == ("1.txt", "nlp", "nlp_failed")
    assert "E088" in results[1].message


@pytest.mark.parametrize("limit", [1, 0])
def test_a_section_needs_room(limit):
    with pytest.raises(ValueError):
        split_sections("text", limit)


def test_a_run_sends_a_long_article_out_in_sections_and_writes_it_whole(tmp_path, monkeypatch):
    """The product's path: sections go to the workers as stand-ins; the outputs name the whole article."""
    from extractor import runner

    body = next(CORPUS.rglob("*.txt")).read_text(encoding="utf-8").strip()
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "story.txt").write_text(body, encoding="utf-8")
    (tmp_path / "long").mkdir()
    (tmp_path / "long" / "story.txt").write_text("\n\n".join([body] * 3), encoding="utf-8")
    options = RunOptions(workers=2, cache_dir=tmp_path / "cache")
    run([tmp_path / "one"], tmp_path / "out-one", options=options)
    monkeypatch.setattr(runner, "SECTION_CHARS", len(body) + 10)
    manifest = run([tmp_path / "long"], tmp_path / "out-long", options=options)

    [article] = read_jsonl(tmp_path / "out-long" / "articles.jsonl")
    assert article["text"].count(body[:200]) == 3 and manifest.counts["articles"] == 1
    one_quotes = read_jsonl(tmp_path / "out-one" / "quotes.jsonl")
    long_quotes = read_jsonl(tmp_path / "out-long" / "quotes.jsonl")
    assert len(long_quotes) == 3 * len(one_quotes) > 0
    assert {q["article_id"] for q in long_quotes} == {article["id"]}
    claims = read_jsonl(tmp_path / "out-long" / "claims.jsonl")
    assert all(article["text"][c["start"]:c["end"]] == c["text"] for c in claims)
    mentions = [m for e in read_jsonl(tmp_path / "out-long" / "entities.jsonl") for m in e["mentions"]]
    assert all(article["text"][m["start"]:m["end"]] == m["text"] and m["article_id"] == article["id"]
               for m in mentions)
    again = run([tmp_path / "long"], tmp_path / "out-again", options=options)
    assert again.counts["cached"] == 1  # one article, each of its sections read from the cache
    assert read_jsonl(tmp_path / "out-again" / "claims.jsonl") == claims


def test_a_long_article_with_one_failing_section_counts_once_and_keeps_the_other_sections(tmp_path, monkeypatch):
    from extractor import runner

    def explode():
        raise RuntimeError("rule table out of range")
    monkeypatch.setattr(executors, "extract_article", _poisoned_extract("BREAKS-A-RULE", explode))
    body = next(CORPUS.rglob("*.txt")).read_text(encoding="utf-8").strip()
    poisoned = "The report mentions BREAKS-A-RULE and 12 ships.\n\n" + body
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("\n\n".join([body, poisoned, body]), encoding="utf-8")
    monkeypatch.setattr(runner, "SECTION_CHARS", len(body) + 40)
    options = RunOptions(workers=1, cache_dir=tmp_path / "cache")
    manifest = run([tmp_path / "in"], tmp_path / "out", options=options)

    [article] = read_jsonl(tmp_path / "out" / "articles.jsonl")
    sections = split_sections(article["text"], len(body) + 40)
    [(start, end)] = [(a, b) for a, b in sections if "BREAKS-A-RULE" in article["text"][a:b]]
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(e["path"], e["error"]) for e in errors] == [("long.txt", "extract_failed")]
    assert f"(the section from character {start})" in errors[0]["message"]
    assert (manifest.counts["articles"], manifest.counts["failed_articles"]) == (1, 1)
    claims = read_jsonl(tmp_path / "out" / "claims.jsonl")
    assert claims and not any(start <= c["start"] < end for c in claims)
    assert len({next(a for a, b in sections if a <= c["start"] < b) for c in claims}) >= 2  # the others kept
    again = run([tmp_path / "in"], tmp_path / "again", options=options)
    assert (again.counts["cached"], again.counts["failed_articles"]) == (0, 1)  # one part was not cached
