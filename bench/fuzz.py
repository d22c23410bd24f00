"""Long fuzzing run of the property tests (tests/test_properties.py) for a set duration.

    .venv/bin/python bench/fuzz.py --minutes 60 [--only reader,extraction_offsets]

The properties take turns of about equal time, each turn a fresh batch of random
examples (the slow ones, which run the whole pipeline, get fewer examples), until
the time is up. Prints examples tried per property and, for a failure, the minimal example
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
# Each property's turn lasts about this long: its examples per turn follow its measured cost
# (a whole pipeline run costs a second, a cleaning a millisecond).
TURN_SECONDS = 20
FIRST_TURN = 10  # examples in a property's first turn, before its cost is known
MAX_TURN = 5000
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
    spent = dict.fromkeys(names, 0.0)
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

            per_example = spent[name] / tried[name] if tried[name] else None
            examples = int(min(MAX_TURN, max(1, TURN_SECONDS / per_example))) if per_example else FIRST_TURN
            test = given(strategy)(settings(
                max_examples=examples, deadline=None, database=None, derandomize=False,
                phases=[Phase.generate, Phase.shrink], print_blob=True,
                suppress_health_check=list(HealthCheck),
            )(_counted(check, name, tried)))
            if round_seed is not None:
                test = seed(round_seed)(test)
                round_seed += 1
            turn = time.monotonic()
            try:
                test()
            except Exception as exc:  # a falsified property: keep the minimal example and go on
                failures[name] = "".join(traceback.format_exception(exc)[-8:])
                print(f"FAILED {name}:\n{failures[name]}", flush=True)
            spent[name] += time.monotonic() - turn
        elapsed = time.monotonic() - started
        if elapsed >= next_report or time.monotonic() >= deadline:
            print(f"[{elapsed / 60:5.1f} min] " + " ".join(f"{n}={tried[n]}" for n in names), flush=True)
            next_report = elapsed + REPORT_SECONDS

    summary = {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "examples": tried,
        "seconds": {n: round(spent[n]) for n in names},
        "failed": sorted(failures),
    }
    print(json.dumps(summary, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
