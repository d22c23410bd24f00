"""How fast `extractor query` answers on a large run: build time, index size, query latency.

Writes a synthetic run folder (no NLP: graph.json, entities.jsonl, articles.jsonl and a
manifest, shaped like `extractor run` writes them) with realistic skew: entity
popularity and outlet size follow Zipf-like laws, most claims come from one article
and a few from many, some carry dates, conflicts and quotes. Then builds the index and
times each kind of query over repeated runs.

    .venv/bin/python bench/query_speed.py --claims 1000000 --folder /tmp/bench-run

Every documented filter alone and in combinations is timed for its first page (100
records, read and parsed as the CLI streams them) and for ``count``, and a few for
every result. Prints p50 and p95 per query (and the load average: on a shared machine
the same query varies a lot); exits 1, naming them, when any p95 passes 0.5 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import time
from bisect import bisect
from pathlib import Path

from extractor.models import RunManifest
from extractor.query import open_run
from extractor.store.files import write_json
from extractor.store.graph_file import write_graph_json
from extractor.store.index import build_index, index_status

FIRST = ["Anna", "Ben", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wei", "Yara"]
SYLLABLES = ["an", "bel", "cor", "dex", "em", "for", "gal", "hin", "ix", "jor", "kal", "lum", "mor", "nex",
             "ol", "par", "qui", "ros", "sil", "tor", "umb", "vex", "wyn", "xal", "yor", "zen"]
ORG_SUFFIX = ["Group", "Holdings", "Labs", "Bank", "Motors", "Energy", "Systems", "Capital", "Pharma", ""]
PLACES = ["London", "Tokyo", "Lagos", "Lima", "Oslo", "Delhi", "Austin", "Cairo", "Perth", "Quebec"]
PAPERS = ["Times", "Herald", "Post", "Chronicle", "Gazette", "Tribune", "Observer", "Wire", "Daily", "Courier"]
METRICS = ["share price", "revenue", "market value", "profit", "sales", "inflation", "unemployment", "price",
           "cost", "deaths", None, None, None]
UNITS = ["percent", "USD", "EUR", "GBP", "person", "job", None, "percentage_point", "barrel", "year"]


def zipf_picker(n: int, s: float, rng: random.Random):
    """A function drawing 0..n-1 with probability proportional to 1/(rank+1)^s."""
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(n)))
    total = cumulative[-1]
    return lambda: min(bisect(cumulative, rng.random() * total), n - 1)


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def day(rng: random.Random) -> str:
    return f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write_synthetic_run(out: Path, claims: int, seed: int = 7) -> dict[str, int]:
    """A run folder with ``claims`` claim nodes and proportionate entities, articles, outlets and quotes."""
    rng = random.Random(seed)
    n_entities = max(50, claims // 20)
    n_articles = max(20, claims // 10)
    n_outlets = 300 if claims >= 100_000 else max(5, claims // 300)
    n_quotes = claims // 5
    out.mkdir(parents=True, exist_ok=True)

    outlets = [f"{PLACES[i % len(PLACES)]} {PAPERS[(i // len(PLACES)) % len(PAPERS)]} {i // 100 or ''}".strip()
               for i in range(n_outlets)]
    pick_outlet = zipf_picker(n_outlets, 1.0, rng)
    articles = []
    for i in range(n_articles):
        source = outlets[pick_outlet()] if rng.random() > 0.05 else None
        articles.append({"id": f"{i:016x}", "path": f"a/{i}.txt", "paths": [f"a/{i}.txt"],
                         "url": f"https://news{i % 97}.example/{i}", "source": source,
                         "title": f"{name(rng, 3)} {rng.choice(METRICS[:9])} report", "author": None,
                         "published": day(rng), "highlights": [], "text": "Body. " * 40})

    entities = []
    for i in range(n_entities):
        kind = rng.choices(["PERSON", "ORG", "GPE", "PRODUCT"], [4, 4, 1, 1])[0]
        if kind == "PERSON":
            first, last = rng.choice(FIRST), name(rng, 2)
            full, aliases = f"{first} {last} {i}", [f"{last} {i}"]
        else:
            full = f"{name(rng, 2)} {rng.choice(ORG_SUFFIX)} {i}".replace("  ", " ")
            aliases = [full.split()[0] + f" {i}"] if rng.random() < 0.2 else []
        entities.append({"id": f"ent_{i:012x}", "name": full, "type": kind, "aliases": aliases, "roles": [],
                         "mentions": [], "type_scores": {kind: 1.0}, "provenance": []})
    pick_entity = zipf_picker(n_entities, 1.0, rng)
    people = [i for i, e in enumerate(entities) if e["type"] == "PERSON"]
    pick_person = zipf_picker(len(people), 1.0, rng)

    def provenance(article_ids: list[int]) -> list[dict]:
        return [{"article_id": articles[a]["id"], "source": articles[a]["source"], "title": articles[a]["title"],
                 "url": articles[a]["url"], "published": articles[a]["published"], "spans": [[10, 18]]}
                for a in sorted(article_ids)]

    def reports() -> list[int]:
        count = rng.choices([1, 2, 3, 5], [75, 17, 6, 2])[0]
        return rng.sample(range(n_articles), count)

    mentions_by_entity: dict[int, set[int]] = {}
    quote_ids = [f"quote_{i:016x}" for i in range(n_quotes)]

    def nodes():
        """(id, attributes, edges out of it) per node, as ``merged_nodes`` gives them to ``write_graph_json``."""
        for a in articles:
            yield f"article:{a['id']}", {"kind": "article", "title": a["title"], "source": a["source"],
                                         "published": a["published"], "url": a["url"], "path": a["path"]}, []
        for i in range(claims):
            subject = pick_entity() if rng.random() < 0.9 else None
            ids = reports()
            if subject is not None:
                mentions_by_entity.setdefault(subject, set()).update(ids)
            prov = provenance(ids)
            value = round(rng.lognormvariate(3, 2), 1)
            conflicts = [f"claim_{rng.randrange(claims):016x}"] if rng.random() < 0.02 else []
            quotes = [rng.choice(quote_ids)] if n_quotes and rng.random() < 0.05 else []
            claim_id = f"claim_{i:016x}"
            data = {"kind": "claim",
                    "subject": {"name": entities[subject]["name"], "id": entities[subject]["id"]} if subject is not None else None,
                    "value": value, "unit": rng.choice(UNITS), "hedge": rng.choice("==~><"),
                    "direction": rng.choice(["up", "down", None]), "metric": rng.choice(METRICS),
                    "date": day(rng) if rng.random() < 0.6 else None, "bounds": None,
                    "text": f"nearly {value}%", "mentions": [f"c{i}_{a}" for a in ids],
                    "articles": [p["article_id"] for p in prov],
                    "sources": sorted({p["source"] for p in prov if p["source"]}),
                    "conflicts_with": conflicts, "quotes": quotes, "provenance": prov}
            yield claim_id, data, [(claim_id, entities[subject]["id"], {"kind": "about"})] if subject is not None else []
        for i, quote_id in enumerate(quote_ids):
            speaker = entities[people[pick_person()]]
            ids = reports()[:2]
            prov = provenance(ids)
            yield quote_id, {"kind": "quote", "speaker": {"name": speaker["name"], "id": speaker["id"]},
                             "text": f"We expect {rng.choice(METRICS[:9])} to {rng.choice(['rise', 'fall'])} next year",
                             "quote_kind": "direct", "mentions": [f"q{i}_{a}" for a in ids],
                             "articles": [p["article_id"] for p in prov],
                             "sources": sorted({p["source"] for p in prov if p["source"]}), "claims": [],
                             "provenance": prov}, [(quote_id, speaker["id"], {"kind": "said_by"})]
        for e in entities:
            yield e["id"], {"kind": "entity", "name": e["name"], "type": e["type"], "aliases": e["aliases"]}, []

    write_graph_json(nodes(), out / "graph.json")

    with (out / "entities.jsonl").open("w", encoding="utf-8") as handle:
        for i, e in enumerate(entities):
            ids = sorted(mentions_by_entity.get(i, ()))[:200]  # the merge keeps every mention; enough for the test
            e["mentions"] = [{"article_id": articles[a]["id"], "start": 0, "end": 4, "text": e["name"]} for a in ids]
            e["provenance"] = provenance(ids)
            handle.write(json.dumps(e, separators=(",", ":")) + "\n")
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for a in articles:
            handle.write(json.dumps(a, separators=(",", ":")) + "\n")
    for empty in ("quotes.jsonl", "claims.jsonl", "errors.jsonl"):
        (out / empty).write_text("", encoding="utf-8")
    counts = {"claim_nodes": claims, "quote_nodes": n_quotes, "entities": n_entities, "articles": n_articles,
              "outlets": n_outlets}
    write_json(out / "manifest.json", RunManifest(package_version="bench", counts=counts))
    return counts


def pick_entities(path: Path) -> tuple[dict, ...]:
    """The most popular entity, ranks 100 and 5000, and the most popular person (names only: a small heap)."""
    wanted: dict[str, dict] = {}
    with path.open(encoding="utf-8") as handle:
        for rank, line in enumerate(handle):
            entity = json.loads(line)
            brief = {k: entity[k] for k in ("name", "type", "aliases")}
            for label, at in (("top", 0), ("mid", 100), ("rare", 5000)):
                if rank <= at:
                    wanted[label] = brief
            if entity["type"] == "PERSON" and "person" not in wanted:
                wanted["person"] = brief
    return wanted["top"], wanted["mid"], wanted["rare"], wanted["person"]


def timed(function, repeat: int) -> tuple[float, float, int]:
    """Median and 95th percentile seconds of ``function`` over ``repeat`` runs, and its last result size."""
    seconds, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = function()
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    return statistics.median(seconds), p95, size


LIMIT_SECONDS = 0.5
PAGE = 100  # the first page: what `extractor query --limit 100` prints


def query_set(top: dict, mid: dict, rare: dict, person: dict, outlet: str) -> dict[str, tuple[str, dict]]:
    """Label -> (kind, filters): every documented filter alone, on each kind it applies to, and
    combinations of them; each is timed for its first page and for ``count``."""
    word = person["aliases"][0].split()[0].lower()  # a surname several people share
    return {
        "entity rank 1": ("claim", {"entity": top["name"].lower()}),
        "entity rank 100": ("claim", {"entity": mid["name"].lower()}),
        "entity rank 5000": ("claim", {"entity": rare["name"].lower()}),
        f"speaker one word ({word}), quotes": ("quote", {"speaker": word}),
        "speaker (full name), claims": ("claim", {"speaker": person["name"]}),
        f"source ({outlet})": ("claim", {"source": outlet}),
        "since 2025-06-01": ("claim", {"since": "2025-06-01"}),
        "until 2024-03-31": ("claim", {"until": "2024-03-31"}),
        "since + until (March 2025)": ("claim", {"since": "2025-03-01", "until": "2025-03-31"}),
        "min-sources 2": ("claim", {"min_sources": 2}),
        "min-sources 5": ("claim", {"min_sources": 5}),
        "conflicts": ("claim", {"conflicts": True}),
        "text 'share price'": ("claim", {"text": "share price"}),
        "text 'nearly' (every claim)": ("claim", {"text": "nearly"}),
        "quotes: entity (person)": ("quote", {"entity": person["name"]}),
        "quotes: source + since": ("quote", {"source": outlet, "since": "2025-06-01"}),
        "quotes: text 'revenue rise'": ("quote", {"text": "revenue rise"}),
        "entities: text (a name word)": ("entity", {"text": top["name"].split()[0]}),
        "entities: source": ("entity", {"source": outlet}),
        "articles: entity rank 1": ("article", {"entity": top["name"]}),
        "articles: source + since": ("article", {"source": outlet, "since": "2025-06-01"}),
        "entity rank 1 + min-sources 2 + since": ("claim", {"entity": top["name"], "min_sources": 2, "since": "2025-01-01"}),
        "entity rank 1 + source": ("claim", {"entity": top["name"], "source": outlet}),
        "entity rank 1 + text 'nearly'": ("claim", {"entity": top["name"], "text": "nearly"}),
        "entity rank 5000 + since + until": ("claim", {"entity": rare["name"], "since": "2024-01-01", "until": "2024-12-31"}),
        "source + since": ("claim", {"source": outlet, "since": "2025-06-01"}),
        "source + min-sources 2 + conflicts": ("claim", {"source": outlet, "min_sources": 2, "conflicts": True}),
        "source + text 'share price' + since": ("claim", {"source": outlet, "text": "share price", "since": "2025-01-01"}),
        "min-sources 2 + since + until": ("claim", {"min_sources": 2, "since": "2025-01-01", "until": "2025-06-30"}),
        "min-sources 5 + conflicts": ("claim", {"min_sources": 5, "conflicts": True}),
        "conflicts + since": ("claim", {"conflicts": True, "since": "2025-06-01"}),
        "text 'share price' + min-sources 2": ("claim", {"text": "share price", "min_sources": 2}),
        f"speaker one word ({word}) + since, quotes": ("quote", {"speaker": word, "since": "2025-01-01"}),
        f"speaker one word ({word}) + text 'rise', quotes": ("quote", {"speaker": word, "text": "rise"}),
    }


# Queries that list every result (the slow cases): streamed to the end, as the CLI prints them.
ALL_RESULTS = ("entity rank 100", "entity rank 5000", "speaker one word", "entity rank 1 + min-sources 2 + since")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="claim nodes (default 1,000,000)")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/extractor-bench-run"))
    parser.add_argument("--repeat", type=int, default=11, help="runs per query")
    parser.add_argument("--reuse", action="store_true",
                        help="keep an existing synthetic folder of this size (and its index, if current)")
    args = parser.parse_args(argv)

    out: Path = args.folder
    manifest = out / "manifest.json"
    start = time.perf_counter()
    if args.reuse and manifest.is_file() and json.loads(manifest.read_text())["counts"].get("claim_nodes") == args.claims:
        counts = json.loads(manifest.read_text())["counts"]
        print(f"reusing {out}", file=sys.stderr)
    else:
        counts = write_synthetic_run(out, args.claims)
        print(f"wrote {out} in {time.perf_counter() - start:.1f} s: {counts}", file=sys.stderr)

    build_seconds = None
    load_before = os.getloadavg()
    if not (args.reuse and index_status(out) == "ok"):
        start = time.perf_counter()
        build_index(out)
        build_seconds = round(time.perf_counter() - start, 1)
    size = (out / "index.sqlite").stat().st_size

    top, mid, rare, person = pick_entities(out / "entities.jsonl")
    outlet = json.loads((out / "articles.jsonl").open(encoding="utf-8").readline())["source"] or "London Times"
    results, slow = {}, []
    with open_run(out) as run:
        for label, (kind, filters) in query_set(top, mid, rare, person, outlet).items():
            timings = {
                f"first {PAGE}": lambda: sum(1 for _ in run.query(kind, **filters, limit=PAGE)),
                "count": lambda: run.count(kind, **filters),
            }
            if label.startswith(ALL_RESULTS):
                timings["all"] = lambda: sum(1 for _ in run.query(kind, **filters))
            for what, function in timings.items():
                median, p95, n = timed(function, args.repeat)
                name = f"{kind}: {label}, {what}"
                results[name] = {"p50_ms": round(median * 1000, 1), "p95_ms": round(p95 * 1000, 1), "results": n}
                if p95 > LIMIT_SECONDS:
                    slow.append(name)
                print(f"{results[name]['p50_ms']:>8.1f} {results[name]['p95_ms']:>8.1f} ms  {n:>8}  {name}",
                      file=sys.stderr, flush=True)
    report = {"claims": args.claims, "counts": counts, "build_seconds": build_seconds,
              "index_mb": round(size / 1e6, 1), "graph_json_mb": round((out / "graph.json").stat().st_size / 1e6, 1),
              "load_average": {"before": [round(x, 2) for x in load_before],
                               "after": [round(x, 2) for x in os.getloadavg()]},
              "repeat": args.repeat, "queries": results, "over_limit": slow}
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if slow:
        print(f"FAILED: {len(slow)} of {len(results)} queries have a p95 over {LIMIT_SECONDS * 1000:.0f} ms:\n  "
              + "\n  ".join(slow), file=sys.stderr)
        return 1
    print(f"ok: all {len(results)} queries have a p95 under {LIMIT_SECONDS * 1000:.0f} ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
