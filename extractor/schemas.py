"""JSON Schemas of the records, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.models import SCHEMA_MODELS


def schema_documents() -> dict[str, str]:
    """File name → JSON Schema text for every record type."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
