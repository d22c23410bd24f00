"""Long fuzzing run of the property tests (tests/test_properties.py) for a set duration.

    .venv/bin/python bench/fuzz.py --minutes 60 [--only reader,extraction_offsets]

Each property is run in rounds of fresh random examples, taking turns, until the
time is up (the slow ones, which run the whole pipeline, get fewer examples per
round). Prints examples tried per property and, for a failure, the minimal example
Hypothesis shrank it to; exits 1 when any property failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
# Examples per round: the pipeline-running properties cost about a second each.
ROUND = {"graph_order": 3, "ids_stable": 3, "reread_article": 20}
DEFAULT_ROUND = 100
# Seconds between progress lines.
REPORT_SECONDS = 60


def _counted(check, name: str, tried: dict[str, int]):
    """``check`` counting its calls in ``tried[name]``."""
    def test(value):
        tried[name] += 1
        check(value)
    return test


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--only", help="comma-separated property names (default: all)")
    parser.add_argument("--seed", type=int, default=None, help="for a repeatable run")
    args = parser.parse_args()

    os.environ.setdefault("HYPOTHESIS_PROFILE", "fuzz")
    sys.path.insert(0, str(TESTS))
    from hypothesis import HealthCheck, Phase, given, seed, settings

    import test_properties

    names = args.only.split(",") if args.only else list(test_properties.PROPERTIES)
    tried = dict.fromkeys(names, 0)
    rounds = dict.fromkeys(names, 0)
    failures: dict[str, str] = {}
    deadline = time.monotonic() + args.minutes * 60
    started = time.monotonic()
    round_seed = args.seed
    next_report = 0.0
    while time.monotonic() < deadline and len(failures) < len(names):
        for name in names:
            if name in failures or time.monotonic() >= deadline:
                continue
            strategy, check = test_properties.PROPERTIES[name]

            test = given(strategy)(settings(
                max_examples=ROUND.get(name, DEFAULT_ROUND), deadline=None, database=None, derandomize=False,
                phases=[Phase.generate, Phase.shrink], print_blob=True,
                suppress_health_check=list(HealthCheck),
            )(_counted(check, name, tried)))
            if round_seed is not None:
                test = seed(round_seed)(test)
                round_seed += 1
            try:
                test()
            except Exception as exc:  # a falsified property: keep the minimal example and go on
                failures[name] = "".join(traceback.format_exception(exc)[-8:])
                print(f"FAILED {name}:\n{failures[name]}", flush=True)
            rounds[name] += 1
        elapsed = time.monotonic() - started
        if elapsed >= next_report or time.monotonic() >= deadline:
            print(f"[{elapsed / 60:5.1f} min] " + " ".join(f"{n}={tried[n]}" for n in names), flush=True)
            next_report = elapsed + REPORT_SECONDS

    summary = {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "examples": tried,
        "failed": sorted(failures),
    }
    print(json.dumps(summary, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
