"""What the HTML report shows, gathered from a run's output folder into plain JSON data.

Everything is read through the run's own readers (the query index of ``open_run``,
``store.output`` for JSON Lines and the manifest), so a folder that is not a run or a
damaged run raises ``RunFolderError`` here exactly as it does for ``extractor query``.

The records are streamed and only the most reported ones are kept (``ReportLimits``):
a report of a million claims embeds the top few thousand, with the totals beside
them, so it opens as fast as a report of a thousand.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from pydantic import ValidationError

from extractor import __version__
from extractor.models import Article, Claim, ClaimNode, Entity, ErrorRecord, Provenance, QuoteNode, RunManifest
from extractor.query import Run, open_run
from extractor.store import output
from extractor.store.index import distinct_sources

NO_OUTLET = "(no outlet)"
NO_SPEAKER = "(unknown speaker)"


@dataclass(frozen=True)
class ReportLimits:
    """How much of a large run the report embeds; the totals are always shown beside."""

    facts: int = 2000
    conflicts: int = 1000  # pairs
    quotes: int = 2000
    entities: int = 2000
    provenance: int = 10  # articles listed per fact or quote (one per outlet first); the count says the rest
    errors: int = 2000
    outlets: int = 25  # bars in the overview chart; the rest are summed as "other outlets"
    graph_entities: int = 30  # the most connected entities ...
    graph_per_entity: int = 5  # ... each with this many of its most reported claims, and as many quotes
    sentence_chars: int = 320  # a longer sentence is cut to a window around the figure


def read_manifest(out: Path) -> RunManifest:
    """The run's manifest, once the run is checked whole (``output.check_run``); a damaged run
    is a ``RunFolderError`` naming the file."""
    output.check_run(out)
    path = out / output.MANIFEST
    try:
        return RunManifest.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        reason = exc.errors()[0].get("msg", "invalid")
        raise output.RunFolderError(f"{path}: not a valid run manifest ({reason}); the file is corrupt: "
                                    "re-run `extractor run`") from exc


class _Top:
    """The ``n`` items with the largest keys, in one pass and ``n`` items of memory."""

    def __init__(self, n: int):
        self.n, self._heap, self._tie = n, [], count()

    def wants(self, key: tuple) -> bool:
        """Whether an item with this key would be kept (so the item need not be built otherwise)."""
        return len(self._heap) < self.n or (self.n > 0 and key > self._heap[0][0])

    def add(self, key: tuple, item: object) -> None:
        entry = (key, -next(self._tie), item)  # ties: the earlier item (the run's order) wins
        if len(self._heap) < self.n:
            heapq.heappush(self._heap, entry)
        elif self.n and entry > self._heap[0]:
            heapq.heapreplace(self._heap, entry)

    def items(self) -> list:
        return [item for _, _, item in sorted(self._heap, reverse=True)]


def _outlet(source: str | None) -> str:
    return source or NO_OUTLET


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 and published[4] == "-" else None


def _where(p: Provenance) -> dict:
    return {"article": p.article_id, "outlet": p.source, "title": p.title, "url": p.url,
            "published": _day(p.published)}


def _sentence_window(claim: Claim, chars: int) -> tuple[str, int, int]:
    """The claim's sentence (cut to ``chars`` around the figure when longer) and the figure's
    offsets in it; the figure's offsets come from the article, so they are clamped to the
    sentence in case a figure straddles its end."""
    text, base = claim.sentence.text, claim.sentence.start
    start = min(max(claim.start - base, 0), len(text))
    end = min(max(claim.end - base, start), len(text))
    if len(text) <= chars:
        return text, start, end
    left = max(0, min(start - (chars - (end - start)) // 2, len(text) - chars))
    window = text[left:left + chars]
    prefix = "… " if left else ""
    suffix = " …" if left + chars < len(text) else ""
    return prefix + window + suffix, start - left + len(prefix), min(end - left, chars) + len(prefix)


def _reported_in(provenance: list[Provenance], n: int) -> list[dict]:
    """At most ``n`` of the articles a record was reported in: one per outlet first, so the
    list shows how widely it was reported, then the rest in the run's order."""
    seen: set[str | None] = set()
    first, rest = [], []
    for p in provenance:
        key = p.source or f"article:{p.article_id}"
        (rest if key in seen else first).append(p)
        seen.add(key)
    return [_where(p) for p in (first + rest)[:n]]


def _fact(node: ClaimNode, limits: ReportLimits) -> dict:
    return {"id": node.id, "subject": node.subject.name if node.subject else None,
            "subject_id": node.subject.id if node.subject else None, "text": node.text,
            "value": node.value if math.isfinite(node.value) else None,
            "unit": node.unit, "hedge": node.hedge, "direction": node.direction, "metric": node.metric,
            "date": node.date, "bounds": node.bounds.model_dump() if node.bounds else None,
            "n_sources": distinct_sources(node.provenance, node.sources, node.articles),
            "n_articles": len(node.articles), "outlets": node.sources, "conflicts": node.conflicts_with,
            "quotes": node.quotes, "mentions": node.mentions,
            "provenance": _reported_in(node.provenance, limits.provenance)}


def _quote(node: QuoteNode, limits: ReportLimits) -> dict:
    return {"id": node.id, "speaker": node.speaker.name if node.speaker else None,
            "speaker_id": node.speaker.id if node.speaker else None, "text": node.text, "kind": node.quote_kind,
            "n_sources": distinct_sources(node.provenance, node.sources, node.articles),
            "n_articles": len(node.articles), "outlets": node.sources, "claims": node.claims,
            "provenance": _reported_in(node.provenance, limits.provenance)}


def _entity(entity: Entity) -> dict:
    roles = sorted({f"{r.title}, {r.org.name}" if r.org else r.title for r in entity.roles})
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": entity.aliases,
            "roles": roles, "mentions": len(entity.mentions), "n_articles": len(entity.provenance),
            "n_sources": distinct_sources(entity.provenance, [], []),
            "works_for": sorted({r.org.id for r in entity.roles if r.org})}


def _articles(run: Run, limits: ReportLimits) -> dict:
    """Counts per outlet and per day, and the date range (article bodies are never read)."""
    per_outlet: Counter = Counter()
    per_day: Counter = Counter()
    total = 0
    for article in run.query("article"):
        assert isinstance(article, Article)
        total += 1
        per_outlet[_outlet(article.source)] += 1
        day = _day(article.published)
        if day:
            per_day[day] += 1
    top = per_outlet.most_common(limits.outlets)
    rest = total - sum(n for _, n in top)
    days = sorted(per_day.items())
    return {"total": total, "outlets": len([o for o in per_outlet if o != NO_OUTLET]), "no_outlet": per_outlet[NO_OUTLET],
            "per_outlet": [{"outlet": o, "articles": n} for o, n in top],
            "other_outlets": {"outlets": len(per_outlet) - len(top), "articles": rest},
            "per_day": [{"day": d, "articles": n} for d, n in days],
            "undated": total - sum(per_day.values()),
            "first": days[0][0] if days else None, "last": days[-1][0] if days else None}


def _add_sentences(out: Path, facts: list[dict], limits: ReportLimits) -> None:
    """Give each provenance entry of the kept facts its sentences, the figure marked, from claims.jsonl.

    One occurrence can belong to several facts (a claim node per subject it is about)."""
    by_mention: dict[str, list[dict]] = {}
    for fact in facts:
        for mention in fact.pop("mentions"):
            by_mention.setdefault(mention, []).append(fact)
    sentences: dict[tuple[str, str], list] = {}
    for claim in output.iter_records(out / output.CLAIMS, Claim):
        owners = by_mention.get(claim.id)
        if not owners:
            continue
        entry = list(_sentence_window(claim, limits.sentence_chars))
        if claim.field == "title":  # the page shows that the figure is the headline's
            entry.append("title")
        for fact in owners:
            found = sentences.setdefault((fact["id"], claim.article_id), [])
            if entry not in found:
                found.append(entry)
    for fact in facts:
        for where in fact["provenance"]:
            where["sentences"] = sorted(sentences.get((fact["id"], where["article"]), []))


def _share_articles(records: list[dict]) -> list[list]:
    """Each article the records cite, once, as [id, outlet, title, URL, date]; the records'
    provenance entries keep only its position (``a``) and their sentences. An article is cited
    by many facts and quotes, so this keeps the page small."""
    table: dict[str, int] = {}
    rows: list[list] = []
    for record in records:
        for i, where in enumerate(record["provenance"]):
            position = table.get(where["article"])
            if position is None:
                position = table[where["article"]] = len(rows)
                rows.append([where["article"], where["outlet"], where["title"], where["url"], where["published"]])
            shared = {"a": position}
            if "sentences" in where:
                shared["sentences"] = where["sentences"]
            record["provenance"][i] = shared
    return rows


def _graph(entities: dict[str, dict], degree: Counter, facts: list[dict], quotes: list[dict],
           totals: dict[str, int], limits: ReportLimits) -> dict:
    """The most connected entities (claims about them, quotes by them, roles), each with its most
    reported claims and quotes among those the report embeds, and every edge between them."""
    hubs = [e for e, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0])) if e in entities]
    hubs = hubs[:limits.graph_entities]
    chosen = set(hubs)
    nodes = [{"id": e, "kind": "entity", "label": entities[e]["name"], "degree": degree[e], "record": entities[e]}
             for e in hubs]
    picked: Counter = Counter()
    members: set[str] = set()
    for kind, records, owner in (("claim", facts, "subject_id"), ("quote", quotes, "speaker_id")):
        for record in records:  # most reported first
            hub = record[owner]
            if hub in chosen and picked[kind, hub] < limits.graph_per_entity:
                picked[kind, hub] += 1
                members.add(record["id"])
                label = record["text"] if kind == "claim" else record["text"][:60]
                nodes.append({"id": record["id"], "kind": kind, "label": label, "degree": record["n_sources"]})
    edges = []
    for fact in facts:
        if fact["id"] in members:
            edges.append({"source": fact["id"], "target": fact["subject_id"], "kind": "about"})
            edges += [{"source": fact["id"], "target": c, "kind": "conflicts_with"}
                      for c in fact["conflicts"] if c in members and fact["id"] < c]
    for quote in quotes:
        if quote["id"] in members:
            edges.append({"source": quote["id"], "target": quote["speaker_id"], "kind": "said_by"})
            edges += [{"source": quote["id"], "target": c, "kind": "states"} for c in quote["claims"] if c in members]
    for e in hubs:
        edges += [{"source": e, "target": org, "kind": "works_for"} for org in entities[e]["works_for"] if org in chosen]
    total = totals["entities"] + totals["claims"] + totals["quotes"]
    return {"nodes": nodes, "edges": edges, "total_nodes": total, "limited": len(nodes) < total}


@dataclass
class _Claims:
    top: _Top
    conflicted: _Top  # the most reported facts in a conflict, so pairs can be shown beyond the top facts
    total: int = 0
    conflicting: int = 0
    per_subject: Counter = field(default_factory=Counter)


def _claims(run: Run, limits: ReportLimits) -> _Claims:
    """One pass over the merged claims: the most reported ones, and how many are about each entity.
    A record is built only for a claim that makes the top (most are never built on a big run)."""
    seen = _Claims(_Top(limits.facts), _Top(2 * limits.conflicts))
    for node in run.query("claim"):
        assert isinstance(node, ClaimNode)
        seen.total += 1
        key = (distinct_sources(node.provenance, node.sources, node.articles), len(node.articles))
        if seen.top.wants(key) or (node.conflicts_with and seen.conflicted.wants(key)):
            fact = _fact(node, limits)
            seen.top.add(key, fact)
            if node.conflicts_with:
                seen.conflicted.add(key, fact)
        seen.conflicting += bool(node.conflicts_with)
        if node.subject:
            seen.per_subject[node.subject.id] += 1
    return seen


def _quotes(run: Run, limits: ReportLimits) -> tuple[_Top, int, Counter]:
    """The most carried quotes, how many there are, and how many each speaker has."""
    top, total, per_speaker = _Top(limits.quotes), 0, Counter()
    for node in run.query("quote"):
        assert isinstance(node, QuoteNode)
        total += 1
        key = (distinct_sources(node.provenance, node.sources, node.articles), len(node.articles))
        if top.wants(key):
            top.add(key, _quote(node, limits))
        per_speaker[node.speaker.id if node.speaker else NO_SPEAKER] += 1
    return top, total, per_speaker


def _entities(run: Run, limits: ReportLimits, per_subject: Counter, per_speaker: Counter) -> tuple[_Top, int, dict, Counter]:
    """The most mentioned entities, how many there are, and the best connected ones (claims about
    them, quotes by them, roles) with their number of connections, for the graph."""
    top, total = _Top(limits.entities), 0
    hubs: dict[str, dict] = {}
    degree: Counter = Counter()
    keep = 4 * limits.graph_entities
    for record in run.query("entity"):
        assert isinstance(record, Entity)
        total += 1
        entity = _entity(record)
        entity["claims"], entity["quotes"] = per_subject[record.id], per_speaker[record.id]
        top.add((entity["mentions"], entity["n_articles"]), entity)
        connections = entity["claims"] + entity["quotes"] + len(entity["works_for"])
        if connections:
            degree[record.id] = connections
            hubs[record.id] = entity
        if len(hubs) > keep + 1000:  # keep memory flat: only the best connected can be hubs
            hubs = {e: hubs[e] for e, _ in degree.most_common(keep)}
            degree = Counter({e: degree[e] for e in hubs})
    return top, total, hubs, degree


def _errors(out: Path, limits: ReportLimits) -> tuple[list[dict], int]:
    errors, total = [], 0
    for error in output.iter_records(out / output.ERRORS, ErrorRecord):
        total += 1
        if len(errors) < limits.errors:
            errors.append(error.model_dump(mode="json"))
    return errors, total


def gather(out: str | Path, limits: ReportLimits = ReportLimits()) -> dict:
    """Everything the report shows, as JSON-ready data. Raises ``RunFolderError`` for a
    folder that is not a run or a damaged one (a broken query index included)."""
    out = Path(out)
    manifest = read_manifest(out)
    with open_run(out) as run:
        articles = _articles(run, limits)
        claims = _claims(run, limits)
        top_quotes, n_quotes, per_speaker = _quotes(run, limits)
        top_entities, n_entities, hubs, degree = _entities(run, limits, claims.per_subject, per_speaker)
    facts = claims.top.items()
    by_id = {f["id"]: f for f in facts}
    extra = [f for f in claims.conflicted.items() if f["id"] not in by_id]
    by_id.update((f["id"], f) for f in extra)
    _add_sentences(out, [*facts, *extra], limits)
    pairs = sorted({tuple(sorted((f["id"], c))) for f in by_id.values() for c in f["conflicts"] if c in by_id})
    quotes = top_quotes.items()
    sources = _share_articles([*facts, *extra, *quotes])
    errors, n_errors = _errors(out, limits)
    totals = {"articles": articles["total"], "entities": n_entities, "claims": claims.total, "quotes": n_quotes,
              "conflicts": manifest.counts.get("conflicts", len(pairs)), "errors": n_errors,
              "claim_mentions": manifest.counts.get("claims", 0), "quote_mentions": manifest.counts.get("quotes", 0),
              "conflicting_claims": claims.conflicting, "speakers": len(per_speaker)}
    return {
        "run": {"folder": out.resolve().name, "started": manifest.started, "package_version": manifest.package_version,
                "model": manifest.model, "model_version": manifest.model_version, "seconds": manifest.seconds,
                "inputs": manifest.inputs, "error_counts": manifest.error_counts, "report_version": __version__},
        "totals": totals,
        "articles": articles,
        "sources": sources,
        "facts": facts,
        "conflict_facts": extra,
        "conflicts": [list(p) for p in pairs[:limits.conflicts]],
        "quotes": quotes,
        "entities": top_entities.items(),
        "errors": errors,
        "graph": _graph(hubs, degree, facts, quotes, totals, limits),
    }


def to_json(data: dict) -> str:
    """The data as JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``
    and ``&`` are escaped, so no text from an article can close the element or open another."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
