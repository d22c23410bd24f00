"""Write page texts from a `pages` search answer into each story's `articles/` folder.

The page texts are never committed (see README.md): run each `search_query` of a story's
`sources.json` on the `pages` corpus, then pipe the answer's JSON here:

    python bench/multisource/write_pages.py < answer.json

Every result whose `url` a `sources.json` names is written to `articles/<stem>.txt` when
its sha256 is the one recorded (an answer may carry one address twice, with another
copy of the page); each page prints OK, or MISMATCH when no copy matched.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    answer = json.loads(sys.stdin.read())
    wanted = {}
    for sources_file in sorted(HERE.glob("*/sources.json")):
        for stem, source in json.loads(sources_file.read_text(encoding="utf-8")).items():
            wanted.setdefault(source["url"], []).append((sources_file.parent, stem, source["sha256"]))
    status: dict[tuple[Path, str], bool] = {}
    for result in answer.get("results", []):
        for story, stem, sha in wanted.get(result.get("url"), []):
            data = result.get("excerpt", "").encode("utf-8")
            if hashlib.sha256(data).hexdigest() == sha:
                (story / "articles").mkdir(exist_ok=True)
                (story / "articles" / f"{stem}.txt").write_bytes(data)
                status[(story, stem)] = True
            else:
                status.setdefault((story, stem), False)
    for (story, stem), ok in sorted(status.items()):
        print(story.name, stem, "OK" if ok else "MISMATCH")
    return 0 if all(status.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
