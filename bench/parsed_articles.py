"""The setup the CPU benches share: a folder of articles (the PolNeAR dev texts by default),
ingested as a run ingests them, and the spaCy pipeline a run loads."""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "dev" / "polnear" / "text"


def articles_and_pipeline(description: str, rounds: int):
    """(arguments, settings, articles, pipeline) from the command line: ``[FOLDER] [--rounds N]``."""
    from extractor.ingest import ingest
    from extractor.models import Article
    from extractor.nlp import load_pipeline
    from extractor.settings import Settings

    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_FOLDER)
    parser.add_argument("--rounds", type=int, default=rounds)
    args = parser.parse_args()
    settings = Settings()
    articles = [a for a in ingest([args.folder], settings) if isinstance(a, Article)]
    return args, settings, articles, load_pipeline(settings.model)
