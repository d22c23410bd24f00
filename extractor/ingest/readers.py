"""Readers per file format: bytes on disk to raw article bodies with metadata.

Each reader raises ``IngestError`` with a short code and a message a person can act
on; a JSON Lines file reports each bad line on its own and keeps the good ones.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import yaml

from extractor.ingest.metadata import pick_fields

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
# Metadata that sits beside an article rather than being one.
SIDECAR_SUFFIX = ".meta.json"

# A YAML front matter block at the top of a Markdown or text file.
FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# A TOML one, as Hugo and Zola write it between "+++" lines.
TOML_FRONT_MATTER_RE = re.compile(r"\A\ufeff?\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
# Keys under which a JSON file lists its articles ({"articles": [...]}, an API's {"data": [...]}).
ARTICLE_LIST_KEYS = ("articles", "items", "data", "results", "docs", "documents", "records", "entries", "posts",
                     "stories", "news")
# Markdown syntax that wraps words without being words.
MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
MD_QUOTE_RE = re.compile(r"^>\s?", re.MULTILINE)
MD_RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$", re.MULTILINE)
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
# Share of control characters above which bytes are not text.
BINARY_CONTROL_SHARE = 0.05
# Control bytes other than tab, newline, vertical tab, form feed and carriage return.
CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


class IngestError(Exception):
    """An input that cannot be used: ``code`` for machines, ``message`` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class RawArticle:
    """A body still to be cleaned, with the metadata found in or beside the file."""

    body: str
    fields: dict[str, object] = field(default_factory=dict)
    line: int | None = None
    extracted: bool = False  # True when the body came out of an HTML extractor
    non_prose: list[str] = field(default_factory=list)  # paragraphs of the body that are table rows
    warnings: list[tuple[str, str]] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Bytes as text; UTF-8 expected, other encodings decoded with a warning."""
    if not data.strip():
        raise IngestError("empty", "the file is empty; nothing to read")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # errors="replace": an odd trailing byte or a lone surrogate must not stop the read
        return data.decode("utf-16", errors="replace"), [
            ("not_utf8", "decoded as UTF-16 (byte-order mark found); save as UTF-8")]
    head = data[:8192]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if b"\x00" in head or controls > BINARY_CONTROL_SHARE * len(head):
        raise IngestError("binary", "the file is binary, not text; give a text, Markdown, HTML or JSON file")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        return str(best), [(
            "not_utf8",
            f"not valid UTF-8 (first bad byte at offset {position}); decoded as {best.encoding}. "
            f"Check the characters or save the file as UTF-8",
        )]
    return data.decode("utf-8", errors="replace"), [(
        "not_utf8",
        f"not valid UTF-8 (first bad byte at offset {position}); undecodable bytes replaced by U+FFFD",
    )]


def split_front_matter(text: str) -> tuple[dict[str, object], str, list[tuple[str, str]]]:
    """Front matter fields (YAML between "---" lines, or TOML between "+++" lines), the rest
    of the text, and any warning about the block."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        toml = TOML_FRONT_MATTER_RE.match(text)
        if not toml:
            return {}, text, []
        try:
            return tomllib.loads(toml.group(1)), text[toml.end():], []
        except tomllib.TOMLDecodeError as exc:
            return {}, text[toml.end():], [("bad_front_matter", f"front matter is not valid TOML ({exc}); ignored")]
    try:
        data = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a date YAML cannot build ("2024-02-30")
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else f" ({exc})" if isinstance(exc, ValueError) else ""
        if isinstance(exc, yaml.YAMLError) and (fields := _plain_fields(match.group(1))):
            return fields, text[match.end():], [(
                "bad_front_matter", f"front matter is not valid YAML{where}; read as one key: value per line")]
        return {}, text[match.end():], [("bad_front_matter", f"front matter is not valid YAML{where}; ignored")]
    if not isinstance(data, dict):
        return {}, text[match.end():], [("bad_front_matter", "front matter is not a key: value block; ignored")]
    return data, text[match.end():], []


# A line of hand-written front matter: a key, a colon, the rest of the line as its value.
PLAIN_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(.*?)[ \t]*$")


def _plain_fields(block: str) -> dict[str, object]:
    """Front matter YAML cannot read, read as one "key: value" per line when every line is one
    ("title: Acme: the fall" holds a second colon, which YAML refuses): the value is the rest of
    the line, less quotes around it. Empty when any line is something else."""
    fields: dict[str, object] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        m = PLAIN_FIELD_RE.match(line)
        if m is None:
            return {}
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[m.group(1)] = value
    return fields


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Markdown reduced to its words; the first level-one heading is returned as a title."""
    title = None
    first_h1 = re.search(r"^#\s+(.*?)\s*#*\s*$", text, re.MULTILINE)
    if first_h1 and not text[: first_h1.start()].strip():
        title = first_h1.group(1)
        text = text[first_h1.end():]
    text = HTML_COMMENT_RE.sub("", text)
    text = MD_IMAGE_RE.sub("", text)
    text = MD_LINK_RE.sub(r"\1", text)
    text = MD_HEADING_RE.sub(r"\1", text)
    text = MD_QUOTE_RE.sub("", text)
    text = MD_RULE_RE.sub("", text)
    text = MD_EMPHASIS_RE.sub(r"\2", text)
    return text, title


def read_text(text: str, *, markdown: bool) -> RawArticle:
    fields, body, warnings = split_front_matter(text)
    fields = pick_fields(fields)
    if markdown:
        body, title = markdown_to_text(body)
        if title and "title" not in fields:
            fields["title"] = title
    return RawArticle(body=body, fields=fields, warnings=warnings)


def read_html_page(text: str, fields: dict[str, object] | None = None) -> RawArticle:
    """Main content and metadata of a web page (trafilatura plus news cleaning)."""
    from extractor.ingest.html import NoArticleError, read_html

    fields = dict(fields or {})
    try:
        page = read_html(text, url=fields.get("url") if isinstance(fields.get("url"), str) else None)
    except NoArticleError as exc:
        raise IngestError("no_article", f"no article text found in the HTML page ({exc})") from exc
    found = {"title": page.title, "url": page.url, "source": page.source, "published": page.published,
             "published_source": page.published_source, "author": page.authors}
    for key, value in found.items():
        if value and key not in fields:
            fields[key] = value
    return RawArticle(body=page.text, fields=fields, extracted=True, non_prose=page.non_prose)


def read_record(record: object, *, line: int | None = None) -> RawArticle:
    """One article object from JSON, with field names as people commonly use them."""
    where = f"line {line}: " if line else ""
    if not isinstance(record, dict):
        raise IngestError("bad_record", f"{where}expected a JSON object with a text field, got {type(record).__name__}")
    fields = pick_fields(record)
    body = fields.pop("text", None)
    if body is None and isinstance(record.get("html"), str):
        raw = read_html_page(record["html"], fields)
        raw.line = line
        return raw
    if not isinstance(body, str) or not body.strip():
        raise IngestError(
            "no_text",
            f"{where}no article text: give it in one of the fields text, body or content",
        )
    return RawArticle(body=body, fields=fields, line=line)


def read_json(text: str) -> list[RawArticle]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError("bad_json", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(data, dict) and "text" not in pick_fields(data):
        key = next((k for k in ARTICLE_LIST_KEYS if isinstance(data.get(k), list)), None)
        data = data[key] if key is not None else data  # {"articles": [...]}: the list holds them
    if isinstance(data, list):
        if not data:
            raise IngestError("no_text", "an empty JSON list: no article in it")
        return [read_record(item, line=None) for item in data]
    return [read_record(data)]


def read_jsonl(text: str) -> Iterator[RawArticle | IngestError]:
    """Each non-blank line is one article; a bad line is an error and the rest go on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            error = IngestError("bad_json", f"line {number}: not valid JSON: {exc.msg} at column {exc.colno}")
            error.line = number  # type: ignore[attr-defined]
            yield error
            continue
        try:
            yield read_record(record, line=number)
        except IngestError as exc:
            exc.line = number  # type: ignore[attr-defined]
            yield exc


def read_sidecar(path: Path) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """Metadata from ``<name>.meta.json`` beside an article, if there is one."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                return {}, [("bad_sidecar", f"sidecar {candidate.name} ignored: {exc}")]
            if not isinstance(data, dict):
                return {}, [("bad_sidecar", f"sidecar {candidate.name} ignored: not a JSON object")]
            return pick_fields(data), []
    return {}, []
