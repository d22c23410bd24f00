"""How often the publication date inferred from a page is right, on the multi-outlet dev set.

Each page of ``bench/multisource/<story>/articles/`` is read by ``extractor.ingest.ingest``
(what ``extractor run`` does to files) beside a sidecar with the gold's ``url``, ``source``
and ``title`` but never its ``published``, so the date comes from the page alone
(``Article.published_source``: url, dateline, inferred or none). The gold gives
``published`` for the pages that show their date; the accuracy is over those pages (the
same day). Pages whose gold has no date are counted by where a date was found for them.

    python bench/published_inference.py [bench/multisource]
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    from extractor.ingest import ingest
    from extractor.models import Article

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "bench" / "multisource"
    right = dated = 0
    sources: Counter[str] = Counter()
    undated_sources: Counter[str] = Counter()
    for gold_file in sorted(root.glob("*/gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
        with tempfile.TemporaryDirectory() as tmp:
            for stem, page in gold.items():
                text = gold_file.parent / "articles" / f"{stem}.txt"
                if not text.exists():
                    print(f"{text}: missing; see bench/multisource/README.md to retrieve the texts")
                    return 2
                shutil.copy(text, Path(tmp) / text.name)
                sidecar = {key: page[key] for key in ("url", "source", "title") if page.get(key)}
                (Path(tmp) / f"{stem}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
            found = {e.path.removesuffix(".txt"): e for e in ingest([tmp]) if isinstance(e, Article)}
        for stem, page in gold.items():
            article = found.get(stem)
            day = (article.published or "")[:10] if article else ""
            source = article.published_source if article else "failed"
            if page.get("published"):
                dated += 1
                right += day == page["published"]
                sources[source] += 1
                mark = "ok " if day == page["published"] else "BAD"
                print(f"{mark} {gold_file.parent.name}/{stem}: gold {page['published']}, found {day or '-'} ({source})")
            else:
                undated_sources[source] += 1
    print(f"\npages with a gold date: {dated}; inferred date right: {right} ({right / dated:.3f})" if dated else "")
    print("  where their dates came from:", dict(sources))
    print("pages whose gold has no date, where a date came from:", dict(undated_sources))
    return 0


if __name__ == "__main__":
    sys.exit(main())
