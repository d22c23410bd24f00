"""Build the spaCy pipeline once per process."""

from extractor.nlp.pipeline import DEFAULT_MODEL, load_pipeline, model_info

__all__ = ["DEFAULT_MODEL", "load_pipeline", "model_info"]
