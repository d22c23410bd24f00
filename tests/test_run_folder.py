"""One writer per output folder, and damaged runs refused by every command."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.errors import RunFolderBusyError, RunFolderError
from extractor.runner import RunOptions, run
from extractor.store.lock import LOCK_FILE, folder_lock

from conftest import read_jsonl

STORIES = {
    "a/harbor.txt": "Harbor Freight Lines said on Tuesday it would hire 300 drivers in Ohio.",
    "a/orbital.txt": "Shares of Orbital Dynamics fell 12% on Monday, chief executive Dana Whitfield said.",
    "b/mill.txt": "The Riverside paper mill will close in March, cutting 140 jobs, its owner said on Friday.",
    "b/port.txt": "The port of Tacoma handled 3.1 million containers last year, up 4% from 2023.",
}

HOLD_LOCK = """
import sys, time
from pathlib import Path
from extractor.store.lock import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


def _inputs(tmp_path: Path) -> Path:
    for name, text in STORIES.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    return tmp_path / "in"


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_a_second_run_into_a_held_folder_exits_4_naming_the_holder(tmp_path):
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = _cli("run", str(inputs / "a"), "--out", str(out), "--workers", "1", "--quiet")
        _, err = second.communicate(timeout=120)
        assert second.returncode == 4
        assert err.count("\n") == 1 and f"pid {holder.pid} on {socket.gethostname()}" in err
        assert "--wait" in err
        assert not (out / "articles.jsonl").exists()
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(30)


def test_with_wait_the_second_run_goes_on_when_the_first_is_done(tmp_path):
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    waiting = _cli("run", str(inputs / "a"), "--out", str(out), "--workers", "1", "--quiet", "--wait", "300")
    time.sleep(2)
    assert waiting.poll() is None  # still waiting
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(30)
    out_text, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert json.loads(out_text)["counts"]["articles"] == 2


def test_two_concurrent_runs_into_one_folder_lose_no_article(tmp_path):
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    runs = [_cli("run", str(inputs / part), "--out", str(out), "--workers", "1", "--quiet", "--no-cache",
                 "--wait", "600") for part in ("a", "b")]
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert {a["path"] for a in read_jsonl(out / "articles.jsonl")} == {"harbor.txt", "orbital.txt", "mill.txt",
                                                                       "port.txt"}
    assert json.loads((out / "manifest.json").read_text())["counts"]["articles"] == 4


def test_a_lock_left_by_a_dead_run_is_taken_over(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (out / LOCK_FILE).write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(),
                                             "started": "2026-01-01T00:00:00+00:00"}))
    with folder_lock(out):
        assert json.loads((out / LOCK_FILE).read_text())["pid"] == os.getpid()
    assert not (out / LOCK_FILE).exists()


def test_the_lock_is_one_holder_at_a_time_in_python_too(tmp_path):
    with folder_lock(tmp_path):
        with pytest.raises(RunFolderBusyError, match="another run is writing"):
            run([tmp_path / "nothing"], tmp_path, options=RunOptions(workers=1))
        with pytest.raises(RunFolderBusyError, match=r"waited 0\.5 s"):
            with folder_lock(tmp_path, wait=0.5):
                pass


# ------------------------------------------------------------ damaged runs


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("finished")
    out = base / "out"
    run([_inputs(base)], out, options=RunOptions(workers=1, use_cache=False))
    return out


def _cut_mid_line(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 7])


def _drop_last_line(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")


def _break_a_line(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = "{not json\n"
    path.write_text("".join(lines), encoding="utf-8")


DAMAGE = {
    "articles cut mid-line": ("articles.jsonl", _cut_mid_line, "truncated"),
    "claims one record short": ("claims.jsonl", _drop_last_line, "records where manifest.json counts"),
    "entities invalid JSON": ("entities.jsonl", _break_a_line, "entities.jsonl:1"),
    "graph cut": ("graph.json", _cut_mid_line, "truncated"),
    "manifest not JSON": ("manifest.json", lambda p: p.write_text("{", encoding="utf-8"), "damaged"),
}

COMMANDS = {
    "query": lambda out, tmp: ["query", str(out)],
    "export jsonl": lambda out, tmp: ["export", str(out), "--format", "jsonl", "--out", str(tmp / "x.jsonl")],
    "export es-bulk": lambda out, tmp: ["export", str(out), "--format", "es-bulk", "--out", str(tmp / "x.ndjson")],
    "export graphml": lambda out, tmp: ["export", str(out), "--format", "graphml", "--out", str(tmp / "x.graphml")],
    "export to stdout": lambda out, tmp: ["export", str(out), "--format", "jsonl"],
    "index": lambda out, tmp: ["index", str(out), "--index", str(tmp / "search-index")],
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_damaged_run_in_one_line(finished_run, tmp_path, capsys, damage, command):
    out = tmp_path / "run"
    shutil.copytree(finished_run, out)
    name, harm, message = DAMAGE[damage]
    harm(out / name)
    status = main(COMMANDS[command](out, tmp_path))
    captured = capsys.readouterr()
    assert status == 3
    assert captured.err.count("\n") == 1 and captured.err.startswith("extractor: ")
    assert name in captured.err and message in captured.err
    assert "Traceback" not in captured.err


def test_run_into_a_damaged_folder_refuses_and_changes_nothing(finished_run, tmp_path, capsys):
    out = tmp_path / "run"
    shutil.copytree(finished_run, out)
    _cut_mid_line(out / "claims.jsonl")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    status = main(["run", str(tmp_path / "nothing-new"), "--out", str(out), "--workers", "1", "--quiet"])
    err = capsys.readouterr().err
    assert status == 3 and "claims.jsonl: truncated" in err and "refusing" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_run_removes_what_an_interrupted_run_left_behind(finished_run, tmp_path):
    out = tmp_path / "run"
    shutil.copytree(finished_run, out)
    (out / ".claims.jsonl.abc123.tmp").write_text("{half a reco", encoding="utf-8")
    manifest = run([tmp_path / "nothing-new"], out, options=RunOptions(workers=1))
    assert manifest.counts["articles"] == 4
    assert not list(out.glob(".*.tmp"))


def test_run_folder_error_is_an_extractor_error_with_status_3():
    assert RunFolderError("x").exit_status == 3 and RunFolderBusyError("x").exit_status == 4


@pytest.mark.parametrize("command", ["query", "export jsonl", "export es-bulk", "export graphml"])
def test_a_run_cut_mid_line_is_refused_by_the_real_command(finished_run, tmp_path, command):
    """As a user meets it: the installed command, in its own process, on a cut articles.jsonl."""
    out = tmp_path / "run"
    shutil.copytree(finished_run, out)
    _cut_mid_line(out / "articles.jsonl")
    proc = _cli(*COMMANDS[command](out, tmp_path))
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 3
    assert stderr == f"extractor: {out / 'articles.jsonl'}: truncated (its last line is cut off); " \
                     "re-run `extractor run` into a new --out folder\n"
    assert stdout == ""


def test_a_run_whose_records_span_many_blocks_is_not_taken_for_damaged(tmp_path):
    """A 3 MB article (a transcript) is one line longer than the check's read block."""
    from extractor.store.output import check_run

    long_line = json.dumps({"id": "a1", "text": "é" * 3_000_000}, ensure_ascii=False)
    (tmp_path / "articles.jsonl").write_text(f"{long_line}\n{long_line}\n", encoding="utf-8")
    (tmp_path / "graph.json").write_text('{"nodes": [], "edges": []}\n', encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"counts": {"articles": 2}}), encoding="utf-8")
    assert check_run(tmp_path)["counts"] == {"articles": 2}
    (tmp_path / "articles.jsonl").write_text(f"{long_line}\n{{\"id\": \"a2\", \"te\n", encoding="utf-8")
    with pytest.raises(RunFolderError, match="articles.jsonl:2: not valid JSON"):
        check_run(tmp_path)
