"""A record read back from where it lies in a run's file.

The query index keeps, for each record, the byte offset and length of its JSON in
``graph.json`` or a JSON Lines file instead of a copy; these read it back, checked
against its model, and find those offsets while the index is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from extractor.models import Article
from extractor.store import output


def iter_articles_with_offsets(path: Path) -> Iterator[tuple[int, Article, int]]:
    """(byte offset of its line, article, length of the line) for each article of ``articles.jsonl``."""
    for number, start, line in lines_with_offsets(path):
        try:
            yield start, Article.model_validate_json(line), len(line)
        except ValidationError as exc:
            reason = exc.errors()[0].get("msg", "invalid record")
            raise output.RunFolderError(f"{path}:{number}: not a valid Article record ({reason}); "
                                        "the file is corrupt or truncated: re-run `extractor run`") from exc


def parse_record(data: bytes, path: Path, at: int, model: type[BaseModel]) -> BaseModel:
    """A record's JSON read from ``path`` at byte ``at`` as ``model``; a corrupt one names the file."""
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise output.RunFolderError(
            f"{path}: the record at byte {at} is not a valid {model.__name__} ({where}: {first.get('msg', 'invalid')}); "
            "the file is corrupt or changed after the index was built: query again, or re-run `extractor run`") from exc


def read_article_at(path: Path, offset: int) -> Article:
    """The full article (with its text) whose line starts at ``offset``."""
    with path.open("rb") as handle:
        handle.seek(offset)
        line = handle.readline()
    try:
        return Article.model_validate_json(line)
    except ValidationError as exc:
        raise output.RunFolderError(f"{path}: no article at byte {offset}; the file changed after the index "
                                    "was built: query again to rebuild it") from exc


def lines_with_offsets(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line without its newline) of each non-blank line."""
    if not path.exists():
        return
    offset = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            start, offset = offset, offset + len(line)
            line = line.rstrip(b"\n")
            if line.strip():
                yield number, start, line
