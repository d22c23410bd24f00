"""Train the plain-text furniture model (``extractor/ingest/furniture_model.json``).

Data: a folder laid out like ``../shared/dev/plaintext`` (``text/<key>.txt`` page dumps and
``ground-truth.json`` with each page's ``articleBody``); nothing of it is copied into
the package, only the fitted weights. A line is labelled article when its words occur,
in order, in the page's article body (lines of one to three words only when next to
such a line of four or more, so a menu item that happens to be a word of the body does
not count). The model is an L2-regularised logistic regression fitted with Newton steps.

To check generalisation the pages are split into two halves by key; the script fits on
one half, scores the other through ``extractor eval``'s own path, and the reverse, then
fits on every page and writes the model it ships.

    python tools/train_furniture_model.py ../shared/dev/plaintext
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

from extractor.evaluate.plaintext import score_page_dumps
from extractor.ingest import furniture
from extractor.ingest.clean import normalise_whitespace

MODEL_PATH = Path(furniture.__file__).with_name("furniture_model.json")
_WORD = re.compile(r"\w+")
L2 = 1.0


def labelled_lines(folder: Path, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rows, labels = [], []
    for key in keys:
        lines = normalise_whitespace((folder / "text" / f"{key}.txt").read_text(encoding="utf-8")).split("\n")
        if not furniture.is_page_dump(lines):
            continue
        body = f" {' '.join(_WORD.findall(truth[key]['articleBody']))} "
        found = [bool(w) and f" {' '.join(w)} " in body for w in (_WORD.findall(line) for line in lines)]
        long_found = [f and len(_WORD.findall(line)) >= 4 for f, line in zip(found, lines)]
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for rank, (i, values) in enumerate((i, v) for i, v in enumerate(furniture.line_features(lines)) if v):
            label = found[i]
            if label and len(_WORD.findall(lines[i])) < 4:
                near = filled[max(0, rank - 3):rank + 4]
                label = any(long_found[j] for j in near)
            rows.append(values)
            labels.append(float(label))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"features": list(furniture.FEATURES), "weights": [round(float(v), 6) for v in w[1:]],
            "bias": round(float(w[0]), 6), "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale], "trained_on": len(y)}


def write(model: dict) -> None:
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    furniture.load_model.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    keys = sorted(json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8")))
    halves = {"a": [k for k in keys if int(k[:2], 16) % 2 == 0], "b": [k for k in keys if int(k[:2], 16) % 2]}
    for train, test in (("a", "b"), ("b", "a")):
        write(fit(*labelled_lines(args.folder, halves[train])))
        score = score_page_dumps(args.folder, keys=halves[test])
        print(f"fit on half {train} ({len(halves[train])} pages), scored on half {test} ({len(halves[test])}): "
              f"P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f}", flush=True)
    write(fit(*labelled_lines(args.folder, keys)))
    score = score_page_dumps(args.folder, keys=keys)
    print(f"fit on all {len(keys)} pages: P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f}")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
