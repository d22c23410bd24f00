"""Shared fixtures: the repository, the shared data beside it, and one run on corpus/."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Tests never touch the user's extraction cache, and leave no cache of their own behind.
if "EXTRACTOR_CACHE_DIR" not in os.environ:
    os.environ["EXTRACTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="extractor-test-cache-")
    atexit.register(shutil.rmtree, os.environ["EXTRACTOR_CACHE_DIR"], True)
SHARED = Path(os.environ.get("EXTRACTOR_SHARED", REPO.parent / "shared"))
CORPUS = REPO / "corpus"


def fold(text: str) -> str:
    """The gold's text comparison: case, curly quotes, NBSP and white space folded."""
    text = text.replace("\u00a0", " ").translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.casefold().split())


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((SHARED / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> Path:
    """The README's main command, run once for every test that reads its output."""
    from extractor.runner import run

    out = tmp_path_factory.mktemp("corpus-run")
    run([CORPUS], out)
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def corpus_articles(corpus_run) -> dict[str, dict]:
    """Articles of the corpus run keyed by file stem, as the gold keys them."""
    return {Path(a["path"]).stem: a for a in read_jsonl(corpus_run / "articles.jsonl")}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """A folder of article files named and written as given (a user's input folder)."""
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_articles(tmp_path: Path, articles: dict[str, str]) -> Path:
    """``extractor run`` (no cache) on the articles as given, written to ``tmp_path / "in"``;
    the run's folder, ``tmp_path / "out"``."""
    from extractor.runner import RunOptions, run

    run([write_articles(tmp_path / "in", articles)], tmp_path / "out", options=RunOptions(use_cache=False))
    return tmp_path / "out"


def claim_nodes(out: Path) -> list[dict]:
    """The claim nodes of a run's graph."""
    return [n for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"] if n["kind"] == "claim"]
