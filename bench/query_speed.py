"""How fast `extractor query` answers on a large run: build time, index size, query latency.

Writes a synthetic run folder (no NLP: graph.json, entities.jsonl, articles.jsonl and a
manifest, shaped like `extractor run` writes them) with realistic skew: entity
popularity and outlet size follow Zipf-like laws, most claims come from one article
and a few from many, some carry dates, conflicts and quotes. Then builds the index and
times each kind of query over repeated runs.

    /work/venv/bin/python bench/query_speed.py --claims 1000000 --folder /tmp/bench-run

Targets: median entity-filter query well under 0.5 s at 1M claims.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from bisect import bisect
from pathlib import Path

from extractor.models import RunManifest
from extractor.query import open_run
from extractor.store.files import write_json
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
    edges = []
    with (out / "graph.json").open("w", encoding="utf-8") as graph:
        graph.write('{"directed":true,"multigraph":false,"graph":{},"nodes":[')
        first = True

        def node(data: dict) -> None:
            nonlocal first
            graph.write(("" if first else ",") + json.dumps(data, separators=(",", ":")))
            first = False

        for a in articles:
            node({"kind": "article", "title": a["title"], "source": a["source"], "published": a["published"],
                  "url": a["url"], "path": a["path"], "id": f"article:{a['id']}"})
        quote_ids = [f"quote_{i:016x}" for i in range(n_quotes)]
        for i in range(claims):
            subject = pick_entity() if rng.random() < 0.9 else None
            ids = reports()
            if subject is not None:
                mentions_by_entity.setdefault(subject, set()).update(ids)
            prov = provenance(ids)
            value = round(rng.lognormvariate(3, 2), 1)
            conflicts = [f"claim_{rng.randrange(claims):016x}"] if rng.random() < 0.02 else []
            quotes = [rng.choice(quote_ids)] if n_quotes and rng.random() < 0.05 else []
            data = {"kind": "claim",
                    "subject": {"name": entities[subject]["name"], "id": entities[subject]["id"]} if subject is not None else None,
                    "value": value, "unit": rng.choice(UNITS), "hedge": rng.choice("==~><"),
                    "direction": rng.choice(["up", "down", None]), "metric": rng.choice(METRICS),
                    "date": day(rng) if rng.random() < 0.6 else None, "bounds": None,
                    "text": f"nearly {value}%", "mentions": [f"c{i}_{a}" for a in ids],
                    "articles": [p["article_id"] for p in prov],
                    "sources": sorted({p["source"] for p in prov if p["source"]}),
                    "conflicts_with": conflicts, "quotes": quotes, "provenance": prov, "id": f"claim_{i:016x}"}
            node(data)
            if subject is not None:
                edges.append((data["id"], entities[subject]["id"], "about"))
        for i, quote_id in enumerate(quote_ids):
            speaker = entities[people[pick_person()]]
            ids = reports()[:2]
            prov = provenance(ids)
            node({"kind": "quote", "speaker": {"name": speaker["name"], "id": speaker["id"]},
                  "text": f"We expect {rng.choice(METRICS[:9])} to {rng.choice(['rise', 'fall'])} next year",
                  "quote_kind": "direct", "mentions": [f"q{i}_{a}" for a in ids],
                  "articles": [p["article_id"] for p in prov],
                  "sources": sorted({p["source"] for p in prov if p["source"]}), "claims": [],
                  "provenance": prov, "id": quote_id})
            edges.append((quote_id, speaker["id"], "said_by"))
        for e in entities:
            node({"kind": "entity", "name": e["name"], "type": e["type"], "aliases": e["aliases"], "id": e["id"]})
        graph.write('],"edges":[')
        graph.write(",".join(json.dumps({"kind": k, "source": s, "target": t}) for s, t, k in edges))
        graph.write("]}\n")

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="claim nodes (default 1,000,000)")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/extractor-bench-run"))
    parser.add_argument("--repeat", type=int, default=15, help="runs per query")
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
    if not (args.reuse and index_status(out) == "ok"):
        start = time.perf_counter()
        build_index(out)
        build_seconds = round(time.perf_counter() - start, 1)
    size = (out / "index.sqlite").stat().st_size

    top, mid, rare, person = pick_entities(out / "entities.jsonl")
    busiest = json.loads((out / "articles.jsonl").open(encoding="utf-8").readline())["source"] or "London Times"
    results = {}
    with open_run(out) as run:
        queries = {
            f"entity, rank 1 ({top['name'].lower()}), first 100": lambda: len(list(run.query("claim", entity=top["name"].lower(), limit=100))),
            f"entity, rank 100 ({mid['name'].lower()}), all": lambda: len(list(run.query("claim", entity=mid["name"].lower()))),
            f"entity, rank 5000 ({rare['name'].lower()}), all": lambda: len(list(run.query("claim", entity=rare["name"].lower()))),
            "entity, rank 1, count": lambda: run.count("claim", entity=top["name"]),
            f"speaker one word ({person['aliases'][0].split()[0].lower()}), all quotes": lambda: len(list(run.query("quote", speaker=person["aliases"][0].split()[0].lower()))),
            f"source ({busiest}) + since 2025-06-01, first 100": lambda: len(list(run.query("claim", source=busiest, since="2025-06-01", limit=100))),
            "source + since, count": lambda: run.count("claim", source=busiest, since="2025-06-01"),
            "min-sources 2, first 100": lambda: len(list(run.query("claim", min_sources=2, limit=100))),
            "min-sources 2, count": lambda: run.count("claim", min_sources=2),
            "conflicts, first 100": lambda: len(list(run.query("claim", conflicts=True, limit=100))),
            "conflicts, count": lambda: run.count("claim", conflicts=True),
            "text 'share price', first 100": lambda: len(list(run.query("claim", text="share price", limit=100))),
            "text 'share price', count": lambda: run.count("claim", text="share price"),
            "entity rank 1 + min-sources 2 + since, all": lambda: len(list(run.query("claim", entity=top["name"], min_sources=2, since="2025-01-01"))),
        }
        for label, function in queries.items():
            median, p95, n = timed(function, args.repeat)
            results[label] = {"median_ms": round(median * 1000, 2), "p95_ms": round(p95 * 1000, 2), "results": n}
    report = {"claims": args.claims, "counts": counts, "build_seconds": build_seconds,
              "index_mb": round(size / 1e6, 1), "graph_json_mb": round((out / "graph.json").stat().st_size / 1e6, 1),
              "repeat": args.repeat, "queries": results}
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
