"""The import layers in pyproject.toml hold, and an import that runs back up breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports(no_cache=True, no_logo=True))"


def lint(root: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the package under ``root`` with the contracts of its pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_every_import_contract_is_kept():
    result = lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_storage_module_importing_the_graph_breaks_the_layers(tmp_path):
    shutil.copytree(REPO / "extractor", tmp_path / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    files = tmp_path / "extractor" / "store" / "files.py"
    files.write_text(files.read_text(encoding="utf-8") + "\nimport extractor.graph.build  # noqa\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "extractor.store.files -> extractor.graph.build" in result.stdout
