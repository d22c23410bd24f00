"""The multi-outlet eval's ``with_gold_attributes``: the merge run again on the run's own
claims with the gold's subject, metric, unit, direction, hedge and date put on every found
one, so a score tells the merge's share of a miss from extraction's."""

from __future__ import annotations

from collections import defaultdict

from extractor.evaluate.multisource import RunRecords, alias_groups, unit_key
from extractor.evaluate.seeds import fold


def _gold_subject(expected: dict, groups: dict[str, str]) -> list[dict]:
    """The gold subject as extraction is asked to give it (an entity, or for a count the
    counted thing, "people"), with one id per canonical name."""
    subject = expected["subject"]
    if not subject:
        return []
    folded = fold(subject).removeprefix("the ")
    return [{"name": subject, "id": f"gold:{groups.get(folded, folded)}"}]


def oracle_claims(gold: dict, found: dict[int, dict], run: RunRecords) -> list[dict]:
    """The run's claims with the gold's subject, metric, unit, direction, hedge and date put on
    every found one: what the merge does when extraction gets the attributes right."""
    groups = alias_groups(gold)
    fixed = {claim["id"]: (i, claim) for i, claim in found.items()}
    out = []
    for claim in run.claims:
        if claim["id"] in fixed:
            i, _ = fixed[claim["id"]]
            expected = gold["numeric_claims"][i]
            date = expected["date"] if gold["articles"][expected["article"]].get("published") else None
            claim = {**claim, "subject": _gold_subject(expected, groups),
                     "metric": expected["metric"], "unit": unit_key(expected["unit"]),
                     "direction": expected["direction"], "hedge": expected["hedge"], "date": date,
                     "bounds": None}
        out.append(claim)
    return out


def gold_entity_ids(gold: dict) -> set[str]:
    """The ids ``_gold_subject`` gives the gold's entities (PERSON, ORG, GPE of any article)."""
    groups = alias_groups(gold)
    names = {fold(name).removeprefix("the ") for types in gold["entities"].values()
             for names in types.values() for name in names}
    return {f"gold:{groups.get(name, name)}" for name in names}


def oracle_nodes(claims: list[dict], entities: set[str]) -> list[dict]:
    """Claim nodes as the merge builds them (ids, members, conflicts) from plain claim records."""
    from extractor.graph.conflicts import find_conflicts
    from extractor.graph.resolve import group_claims
    from extractor.models import Claim

    def record(claim: dict) -> Claim:
        start = claim.get("start", 0)
        return Claim.model_validate({"end": start + len(claim.get("text", "")), **claim,
                                     "sentence": {"text": "", "start": 0, "end": 0}})

    groups = group_claims((record(c) for c in claims), entities)
    conflicts: dict[str, list[str]] = defaultdict(list)
    for a, b in find_conflicts(groups):
        conflicts[a.id].append(b.id)
        conflicts[b.id].append(a.id)
    return [{"kind": "claim", "id": g.id, "mentions": [c.id for c in g.members], "conflicts_with": conflicts[g.id]}
            for g in groups]
